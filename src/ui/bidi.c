/* bidi: one line of text that mixes directions, as runs the renderer can draw one at a time.
 *
 * An Arabic or Urdu sentence holds Latin names ("المضيف: Hanne"), numbers ("الساعة 18:00")
 * and punctuation. The renderer draws one text command with one font and, for Arabic, one
 * direction: it would reverse the digits and draw the Latin letters as empty boxes. So the
 * ui cuts such a line into runs of one direction and one font, in visual order, each drawn
 * at its own place. This is the part of the Unicode Bidirectional Algorithm (UAX #9) that
 * kiosk texts need, for a single line without explicit embeddings: strong letters (L, R),
 * European numbers with their separators and terminators (W4, W5, W7), neutrals resolved by
 * their neighbours (N1, N2), the implicit levels (I1, I2), and the reordering of runs (L2),
 * with mirrored brackets in right-to-left neutral runs (L4).
 */
#include <string.h>

#include "core/utf8.h"
#include "ui/text.h"

enum { B_L, B_R, B_EN, B_CS, B_ET, B_N };
enum { F_BOTH, F_ARABIC, F_LATIN };

#define BIDI_MAX_CPS 512

static bool is_rtl_cp(uint32_t cp)
{
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
        return false; /* Arabic-Indic digits: numbers */
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

static int bidi_class(uint32_t cp)
{
    if (is_rtl_cp(cp))
        return B_R;
    if ((cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
        (cp >= 0x06F0 && cp <= 0x06F9))
        return B_EN;
    if (cp == ',' || cp == '.' || cp == ':' || cp == '/' || cp == 0xA0)
        return B_CS;
    if (cp == '%' || cp == '+' || cp == '#' || cp == '$' || cp == 0xB0 || cp == 0x20AC)
        return B_ET;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return B_L;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
        (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F))
        return B_N;
    return B_L; /* letters of the other scripts */
}

/* Which font can draw it: the Arabic font has the Arabic letters and a few ASCII marks; the
 * Latin font has the rest. */
static int font_class(uint32_t cp)
{
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

static uint32_t mirror(uint32_t cp)
{
    switch (cp) {
    case '(': return ')';
    case ')': return '(';
    case '[': return ']';
    case ']': return '[';
    case '{': return '}';
    case '}': return '{';
    case '<': return '>';
    case '>': return '<';
    case 0xAB: return 0xBB;
    case 0xBB: return 0xAB;
    default: return cp;
    }
}

bool text_needs_bidi(const char *s, bool rtl)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        if (is_rtl_cp(cp))
            return true;
        if (rtl && bidi_class(cp) != B_N)
            return true; /* a number or a Latin word in a right-to-left line */
    }
    return false;
}

typedef struct run {
    int first, n; /* code points */
    int level;
    int font;
} run;

int text_bidi_runs(const char *s, bool rtl, text_bidi_run *out, int max, char *buf, size_t size)
{
    uint32_t cp[BIDI_MAX_CPS];
    int cls[BIDI_MAX_CPS], level[BIDI_MAX_CPS];
    int n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len && n < BIDI_MAX_CPS;) {
        i += utf8_decode(s + i, len - i, &cp[n]);
        cls[n] = bidi_class(cp[n]);
        n++;
    }
    if (n == 0 || n == BIDI_MAX_CPS)
        return 0;
    int para = rtl ? B_R : B_L;

    /* W4: a single separator between two numbers is part of them; W5: terminators next to
     * a number too */
    for (int i = 1; i + 1 < n; i++)
        if (cls[i] == B_CS && cls[i - 1] == B_EN && cls[i + 1] == B_EN)
            cls[i] = B_EN;
    for (int i = 0; i < n; i++) {
        if (cls[i] != B_ET)
            continue;
        int j = i;
        while (j < n && cls[j] == B_ET)
            j++;
        bool near = (i > 0 && cls[i - 1] == B_EN) || (j < n && cls[j] == B_EN);
        for (int k = i; k < j; k++)
            cls[k] = near ? B_EN : B_N;
        i = j - 1;
    }
    for (int i = 0; i < n; i++)
        if (cls[i] == B_CS || cls[i] == B_ET)
            cls[i] = B_N;
    /* W7: a number after Latin letters (or at the start of a left-to-right line) is L */
    int strong = para;
    for (int i = 0; i < n; i++) {
        if (cls[i] == B_L || cls[i] == B_R)
            strong = cls[i];
        else if (cls[i] == B_EN && strong == B_L)
            cls[i] = B_L;
    }
    /* N1, N2: neutrals between the same direction take it (numbers count as R), else the
     * line's */
    for (int i = 0; i < n; i++) {
        if (cls[i] != B_N)
            continue;
        int j = i;
        while (j < n && cls[j] == B_N)
            j++;
        int before = i > 0 ? (cls[i - 1] == B_L ? B_L : B_R) : para;
        int after = j < n ? (cls[j] == B_L ? B_L : B_R) : para;
        int d = before == after ? before : para;
        for (int k = i; k < j; k++)
            cls[k] = d;
        i = j - 1;
    }
    /* I1, I2 */
    for (int i = 0; i < n; i++) {
        if (!rtl)
            level[i] = cls[i] == B_L ? 0 : cls[i] == B_R ? 1 : 2;
        else
            level[i] = cls[i] == B_R ? 1 : 2;
    }

    /* runs of one level and one font */
    run runs[TEXT_BIDI_MAX_RUNS];
    int nr = 0;
    for (int i = 0; i < n; i++) {
        int fc = font_class(cp[i]);
        run *r = nr ? &runs[nr - 1] : NULL;
        bool fits =
            r && r->level == level[i] && (fc == F_BOTH || r->font == F_BOTH || r->font == fc);
        if (fits) {
            r->n++;
            if (r->font == F_BOTH)
                r->font = fc;
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
    /* the text of each run, as the renderer should get it */
    size_t used = 0;
    for (int i = 0; i < nr; i++) {
        const run *r = &runs[i];
        bool odd = r->level % 2 == 1;
        /* the renderer turns Arabic around itself; anything else at an odd level is turned
         * here (and its brackets mirrored) */
        bool turn = odd && r->font != F_ARABIC;
        size_t start = used;
        for (int k = 0; k < r->n; k++) {
            uint32_t c = turn ? mirror(cp[r->first + r->n - 1 - k]) : cp[r->first + k];
            char enc[4];
            size_t el = utf8_encode(c, enc);
            if (used + el + 1 > size)
                return 0;
            memcpy(buf + used, enc, el);
            used += el;
        }
        buf[used++] = '\0';
        out[i].text = buf + start;
        out[i].rtl = odd;
    }
    return nr;
}

int text_width(const ui_measure *ms, ui_font font, const char *s)
{
    if (!s || !*s)
        return 0;
    int w = 0, h = 0;
    if (!text_needs_bidi(s, false)) {
        ms->size(ms->ctx, font, s, &w, &h);
        return w;
    }
    /* measured as it is drawn: in pieces of one font */
    text_bidi_run runs[TEXT_BIDI_MAX_RUNS];
    char buf[TEXT_MAX_BYTES * 2];
    int n = text_bidi_runs(s, false, runs, TEXT_BIDI_MAX_RUNS, buf, sizeof buf);
    if (n <= 0) {
        ms->size(ms->ctx, font, s, &w, &h);
        return w;
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
        ms->size(ms->ctx, font, runs[i].text, &w, &h);
        total += w;
    }
    return total;
}
