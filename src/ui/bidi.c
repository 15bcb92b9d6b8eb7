/* bidi: one line of text that mixes directions, as runs the renderer can draw one at a time.
 *
 * An Arabic or Urdu sentence holds Latin names ("المضيف: Hanne"), numbers ("الساعة 18:00"),
 * Danish text put into it ("السعر: 35 kr., børn 15 kr.") and punctuation. The renderer draws
 * one text command with one font and, for Arabic script, one direction: it would reverse the
 * digits and draw the Latin letters as empty boxes. So the ui cuts such a line into runs of
 * one direction and one font, in visual order, each drawn at its own place.
 *
 * The levels are GNU FriBidi's: the whole Unicode Bidirectional Algorithm (UAX #9), with
 * Arabic numbers, bracket pairs and isolates, so text a translation puts between U+2068 and
 * U+2069 (i18n_format does, in a right-to-left sentence) keeps its own order. This file only
 * cuts the line where the level or the font changes, puts the runs in visual order (L2) and
 * writes each run's text as the renderer wants it: Arabic script in logical order (SDL_ttf's
 * HarfBuzz shapes it and lays it out right to left), anything else at a right-to-left level
 * reversed with its brackets mirrored (L4). The invisible marks (isolates, embeddings, LRM,
 * RLM) only steer the levels; they are not drawn.
 */
#include <fribidi.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/text.h"

enum { F_BOTH, F_ARABIC, F_LATIN, F_NONE };

#define BIDI_MAX_CPS 512

static bool is_rtl_cp(uint32_t cp)
{
    return FRIBIDI_IS_RTL(fribidi_get_bidi_type(cp));
}

/* The marks that steer directions and are never drawn: LRM, RLM, ALM, the embeddings and
 * overrides, the isolates. */
static bool is_direction_mark(uint32_t cp)
{
    return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Which font can draw it: the Arabic font has the Arabic letters and a few ASCII marks; the
 * Latin font has the rest. */
static int font_class(uint32_t cp)
{
    if (is_direction_mark(cp))
        return F_NONE;
    /* the renderer's test for the Arabic font (render/fonts.c), Arabic-Indic digits too */
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF) || is_rtl_cp(cp))
        return F_ARABIC;
    if (cp == ' ' || cp == '!' || cp == ',' || cp == '-' || cp == '.' || cp == ':' || cp == 0xA0 ||
        cp == 0xAB || cp == 0xBB)
        return F_BOTH;
    return F_LATIN;
}

bool text_needs_bidi(const char *s, bool rtl)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        FriBidiCharType t = fribidi_get_bidi_type(cp);
        if (FRIBIDI_IS_RTL(t) || is_direction_mark(cp))
            return true;
        if (rtl && (FRIBIDI_IS_STRONG(t) || FRIBIDI_IS_NUMBER(t)))
            return true; /* a number or a Latin word in a right-to-left line */
    }
    return false;
}

typedef struct run {
    int first, n; /* code points */
    int level;
    int font;
} run;

/* The levels of the line (FriBidi), with the white space at its end at the paragraph's level
 * (L1). False when FriBidi fails. */
static bool line_levels(const FriBidiChar *cp, int n, bool rtl, FriBidiLevel *level)
{
    FriBidiCharType types[BIDI_MAX_CPS];
    FriBidiBracketType brackets[BIDI_MAX_CPS];
    fribidi_get_bidi_types(cp, n, types);
    fribidi_get_bracket_types(cp, n, types, brackets);
    FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, n, &base, level))
        return false;
    return fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types, n, 0, base, level, NULL, NULL) != 0;
}

int text_bidi_runs(const char *s, bool rtl, text_bidi_run *out, int max, char *buf, size_t size)
{
    FriBidiChar cp[BIDI_MAX_CPS];
    FriBidiLevel level[BIDI_MAX_CPS];
    int n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len && n < BIDI_MAX_CPS;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        cp[n++] = c;
    }
    /* A line without a right-to-left letter (a Danish description, a title and a time) is
     * laid out left to right even on a right-to-left screen, so its full stop stays at its
     * end; a line with some takes the screen's direction. */
    bool any_rtl = false;
    for (int i = 0; i < n && !any_rtl; i++)
        any_rtl = is_rtl_cp(cp[i]);
    if (n == 0 || n == BIDI_MAX_CPS || !line_levels(cp, n, rtl && any_rtl, level))
        return 0;

    /* runs of one level and one font; the direction marks go with any run */
    run runs[TEXT_BIDI_MAX_RUNS];
    int nr = 0;
    for (int i = 0; i < n; i++) {
        int fc = font_class(cp[i]);
        run *r = nr ? &runs[nr - 1] : NULL;
        if (fc == F_NONE && r) {
            r->n++;
            continue;
        }
        bool fits = r && r->level == level[i] &&
                    (fc == F_BOTH || fc == F_NONE || r->font == F_BOTH || r->font == F_NONE ||
                     r->font == fc);
        if (fits) {
            r->n++;
            if (r->font == F_BOTH || r->font == F_NONE)
                r->font = fc == F_NONE ? r->font : fc;
            continue;
        }
        if (nr == TEXT_BIDI_MAX_RUNS || nr == max)
            return 0;
        runs[nr++] = (run){i, 1, level[i], fc};
    }
    /* L2: from the highest level down to 1, reverse every sequence at that level or higher */
    int max_level = 0;
    for (int i = 0; i < nr; i++)
        max_level = runs[i].level > max_level ? runs[i].level : max_level;
    for (int lv = max_level; lv >= 1; lv--) {
        for (int i = 0; i < nr; i++) {
            if (runs[i].level < lv)
                continue;
            int j = i;
            while (j < nr && runs[j].level >= lv)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                run t = runs[a];
                runs[a] = runs[b];
                runs[b] = t;
            }
            i = j;
        }
    }
    /* the text of each run, as the renderer should get it; runs of marks alone go */
    size_t used = 0;
    int k = 0;
    for (int i = 0; i < nr; i++) {
        const run *r = &runs[i];
        if (r->font == F_NONE)
            continue;
        bool odd = r->level % 2 == 1;
        /* the renderer turns Arabic around itself; anything else at an odd level is turned
         * here (and its brackets mirrored) */
        bool turn = odd && r->font != F_ARABIC;
        size_t start = used;
        for (int j = 0; j < r->n; j++) {
            FriBidiChar c = turn ? cp[r->first + r->n - 1 - j] : cp[r->first + j];
            if (is_direction_mark(c))
                continue;
            FriBidiChar mirrored;
            if (turn && fribidi_get_mirror_char(c, &mirrored))
                c = mirrored;
            char enc[4];
            size_t el = utf8_encode(c, enc);
            if (used + el + 1 > size)
                return 0;
            memcpy(buf + used, enc, el);
            used += el;
        }
        if (used + 1 > size)
            return 0;
        buf[used++] = '\0';
        out[k].text = buf + start;
        out[k].rtl = odd;
        k++;
    }
    return k;
}

/* Noto Nastaliq Urdu gives a space at the end of a run next to no width at all (and a
 * narrow one inside): the spaces between an Urdu run and a Latin word or a number would be
 * lost. So in a Nastaliq measure those edge spaces are runs of their own, in the Latin font. */
static int split_edge_spaces(text_bidi_run *runs, int n, int max, char *buf, size_t size,
                             size_t used)
{
    text_bidi_run out[TEXT_BIDI_MAX_RUNS];
    int k = 0;
    for (int i = 0; i < n; i++) {
        const char *t = runs[i].text;
        size_t len = strlen(t);
        size_t lead = 0, trail = 0;
        bool arabic = false;
        for (size_t j = 0; j < len;) {
            uint32_t c;
            j += utf8_decode(t + j, len - j, &c);
            arabic |= font_class(c) == F_ARABIC;
        }
        if (arabic) {
            while (lead < len && t[lead] == ' ')
                lead++;
            while (trail < len - lead && t[len - 1 - trail] == ' ')
                trail++;
        }
        /* in visual order: the run's right end is its logical start when it is right to
         * left, and the renderer draws it turned: its leading spaces go to its right */
        size_t left = runs[i].rtl ? trail : lead, right = runs[i].rtl ? lead : trail;
        size_t plen[3] = {left, len - lead - trail, right};
        const char *starts[3] = {runs[i].rtl ? t + len - trail : t, t + lead,
                                 runs[i].rtl ? t : t + len - trail};
        for (int p = 0; p < 3; p++) {
            if (!plen[p])
                continue;
            if (k == max || k == TEXT_BIDI_MAX_RUNS || used + plen[p] + 1 > size)
                return 0;
            memcpy(buf + used, starts[p], plen[p]);
            buf[used + plen[p]] = '\0';
            out[k].text = buf + used;
            used += plen[p] + 1;
            out[k].rtl = p == 1 ? runs[i].rtl : false;
            k++;
        }
    }
    memcpy(runs, out, (size_t)k * sizeof *runs);
    return k;
}

int text_runs_for(const ui_measure *ms, const char *s, bool rtl, text_bidi_run *out, int max,
                  char *buf, size_t size)
{
    int n = text_bidi_runs(s, rtl, out, max, buf, size);
    if (n <= 0 || ms->face != UI_FACE_NASTALIQ)
        return n;
    size_t used = 0;
    for (int i = 0; i < n; i++) {
        size_t end = (size_t)(out[i].text - buf) + strlen(out[i].text) + 1;
        used = end > used ? end : used;
    }
    return split_edge_spaces(out, n, max, buf, size, used);
}

int text_width(const ui_measure *ms, ui_font font, const char *s)
{
    if (!s || !*s)
        return 0;
    int w = 0, h = 0;
    if (!text_needs_bidi(s, false)) {
        ui_measure_size(ms, font, s, &w, &h);
        return w;
    }
    /* measured as it is drawn: in pieces of one font */
    text_bidi_run runs[TEXT_BIDI_MAX_RUNS];
    char buf[TEXT_MAX_BYTES * 2];
    int n = text_runs_for(ms, s, false, runs, TEXT_BIDI_MAX_RUNS, buf, sizeof buf);
    if (n <= 0) {
        ui_measure_size(ms, font, s, &w, &h);
        return w;
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
        ui_measure_size(ms, font, runs[i].text, &w, &h);
        total += w;
    }
    return total;
}
