/* text: wrapping, ellipsis and the small UTF-8 edits the keyboard makes. */
#include <string.h>

#include "core/utf8.h"
#include "ui/text.h"

static const char ELLIPSIS[] = "\xE2\x80\xA6"; /* U+2026 */


/* The faces' ascents as a share of the height SDL_ttf gives a line of them (ascent plus
 * descent, from the fonts' hhea tables): Noto Sans 1.069 of 1.362 em, Noto Sans Arabic 1.374
 * of 2.112 em, Noto Nastaliq Urdu 1.910 of 2.500 em. */
#define ASCENT_LATIN 0.785
#define ASCENT_NASKH 0.651
#define ASCENT_NASTALIQ 0.764
/* Nastaliq's ink (measured on Urdu sentences) fills its line from 0.148 of it down to the
 * bottom; a line of Urdu is as tall as that ink, its baseline where the ink puts it. */
#define NASTALIQ_INK_TOP 0.148
#define NASTALIQ_LINE (1.0 - NASTALIQ_INK_TOP)
#define NASTALIQ_BASELINE ((ASCENT_NASTALIQ - NASTALIQ_INK_TOP) / NASTALIQ_LINE)

static bool arabic_script(const char *s);

int text_line_h_for(const ui_measure *ms, ui_font font, const char *s)
{
    if (ms->face == UI_FACE_NASTALIQ && ms->size_face && s && !arabic_script(s)) {
        int w = 0, h = 0;
        ui_measure_size(ms, font, "\xC3\x85g", &w, &h);
        return h; /* Latin (a title, a time) in an Urdu line: as high as its own letters */
    }
    return text_line_h(ms, font);
}

int text_line_h(const ui_measure *ms, ui_font font)
{
    int w = 0, h = 0;
    ui_measure_size(ms, font, "\xC3\x85g", &w, &h); /* "Åg": the tallest and the deepest */
    if (ms->face == UI_FACE_NASTALIQ && ms->size_face) {
        int uw = 0, uh = 0;
        ui_measure_size(ms, font, "\xDA\xA9\xDA\xBE\xD8\xA7", &uw, &uh); /* "کھا" */
        int ink = (int)(uh * NASTALIQ_LINE + 0.5);
        if (ink > h)
            h = ink;
    }
    return h;
}

static bool arabic_script(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
            (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
            (cp >= 0xFE70 && cp <= 0xFEFF))
            return true;
    }
    return false;
}

int text_run_y(const ui_measure *ms, const char *run, int line_h, int run_h)
{
    if (run_h == line_h)
        return 0; /* the line's own font (and every run of a fixed-width test measure) */
    bool nastaliq = ms->face == UI_FACE_NASTALIQ && ms->size_face;
    /* a line of Latin height on an Urdu screen (text_line_h_for) has Latin's baseline */
    bool arabic = arabic_script(run);
    double em = run_h / (!arabic ? 1.362 : nastaliq ? 2.5 : 2.112); /* the run's font size */
    double line_base = nastaliq && line_h > 1.75 * em ? NASTALIQ_BASELINE : ASCENT_LATIN;
    double run_base = !arabic ? ASCENT_LATIN
                      : nastaliq          ? ASCENT_NASTALIQ
                                          : ASCENT_NASKH;
    double y = line_base * line_h - run_base * run_h;
    return (int)(y < 0 ? y - 0.5 : y + 0.5);
}

/* Width of s[start..start+len) plus an ellipsis when asked, measured as one string. */
static int range_width(const ui_measure *ms, ui_font font, const char *s, int start, int len,
                       bool ellipsis)
{
    char buf[TEXT_MAX_BYTES + sizeof ELLIPSIS];
    if (len > TEXT_MAX_BYTES)
        len = TEXT_MAX_BYTES;
    memcpy(buf, s + start, (size_t)len);
    size_t n = (size_t)len;
    if (ellipsis) {
        memcpy(buf + n, ELLIPSIS, sizeof ELLIPSIS - 1);
        n += sizeof ELLIPSIS - 1;
    }
    buf[n] = '\0';
    return text_width(ms, font, buf);
}

static int next_char(const char *s, int i, int end)
{
    uint32_t cp;
    return i + (int)utf8_decode(s + i, (size_t)(end - i), &cp);
}

/* The longest prefix of s[start..end) (whole characters, at least one) that fits. */
static int fit_chars(const ui_measure *ms, ui_font font, const char *s, int start, int end,
                     int max_w, bool ellipsis)
{
    int best = ellipsis ? 0 : next_char(s, start, end) - start;
    int i = start;
    while (i < end) {
        int j = next_char(s, i, end);
        if (range_width(ms, font, s, start, j - start, ellipsis) > max_w)
            break;
        best = j - start;
        i = j;
    }
    return best;
}

static void add_line(text_block *b, int start, int len)
{
    text_line *l = &b->line[b->n++];
    l->start = start;
    l->len = len;
    l->ellipsis = false;
    l->w = 0;
}

/* The next smaller size of the same face: a bold title steps down to the bold body size, body
 * text to the small size. Every role is at least the theme's least text size (theme.h:
 * text_min, the people's 22 pt), so no step goes under it. UI_FONT_COUNT: none smaller. */
static ui_font smaller_font(ui_font font)
{
    switch (font) {
    case UI_FONT_HUGE:
        return UI_FONT_TITLE;
    case UI_FONT_TITLE:
        return UI_FONT_BOLD;
    case UI_FONT_BODY:
        return UI_FONT_SMALL;
    default:
        return UI_FONT_COUNT;
    }
}

static void wrap_in(text_block *b, const ui_measure *ms, ui_font font, const char *s, int max_w,
                    int max_lines);

void text_wrap(text_block *b, const ui_measure *ms, ui_font font, const char *s, int max_w,
               int max_lines)
{
    /* A word wider than the line is set whole in a smaller size of its face, as small as the
     * people's least text size allows; only when even that is too wide is it broken. Costs
     * nothing when every word fits (the usual case). */
    wrap_in(b, ms, font, s, max_w, max_lines);
    for (ui_font f = smaller_font(font); b->word_broken && f != UI_FONT_COUNT;
         f = smaller_font(f)) {
        text_block t;
        wrap_in(&t, ms, f, s, max_w, max_lines);
        if (!t.word_broken)
            *b = t;
    }
}

static void wrap_in(text_block *b, const ui_measure *ms, ui_font font, const char *s, int max_w,
                    int max_lines)
{
    memset(b, 0, sizeof *b);
    b->font = font;
    b->line_h = text_line_h_for(ms, font, s);
    if (!s)
        s = "";
    if (max_lines <= 0 || max_lines > TEXT_MAX_LINES)
        max_lines = TEXT_MAX_LINES;
    if (max_w < 1)
        max_w = 1;
    int n = (int)utf8_prefix_bytes(s, (size_t)-1, TEXT_MAX_BYTES);
    bool overflow = s[n] != '\0'; /* cut before wrapping: the last line shows it */
    int p = 0;

    while (*s) {
        int para_end = p;
        while (para_end < n && s[para_end] != '\n')
            para_end++;
        int q = p;
        while (q < para_end && s[q] == ' ')
            q++;
        if (q == para_end) {
            if (b->n == max_lines) {
                overflow = true;
                break;
            }
            add_line(b, q, 0); /* a blank line keeps its height */
        }
        while (q < para_end) {
            if (b->n == max_lines) {
                overflow = true;
                break;
            }
            /* Take whole words while the line fits. */
            int line_end = q, i = q;
            while (i < para_end) {
                int w_end = i;
                while (w_end < para_end && s[w_end] != ' ')
                    w_end++;
                if (range_width(ms, font, s, q, w_end - q, false) > max_w)
                    break;
                line_end = w_end;
                i = w_end;
                while (i < para_end && s[i] == ' ')
                    i++;
            }
            if (line_end == q) { /* one word wider than the line: break between characters */
                line_end = q + fit_chars(ms, font, s, q, para_end, max_w, false);
                /* after a hyphen that fits, where there is one: an id such as a key's
                 * fingerprint or a Syncthing device id ("7F3A-91C2-" / "0B4D-EE10") is
                 * read in its groups */
                for (int k = line_end; k > q + 1; k--)
                    if (s[k - 1] == '-' && s[k] != ' ') {
                        line_end = k;
                        break;
                    }
                b->cut = true;
                b->word_broken = true;
            }
            add_line(b, q, line_end - q);
            q = line_end;
            while (q < para_end && s[q] == ' ')
                q++;
        }
        if (overflow || para_end >= n)
            break;
        p = para_end + 1;
    }

    if (overflow && b->n > 0) {
        /* The last line takes an ellipsis: as much of its text as fits before it. */
        text_line *l = &b->line[b->n - 1];
        int end = l->start + l->len;
        int keep = fit_chars(ms, font, s, l->start, end, max_w, true);
        while (keep > 0 && s[l->start + keep - 1] == ' ')
            keep--;
        l->len = keep;
        l->ellipsis = true;
        b->cut = true;
    }
    for (int k = 0; k < b->n; k++) {
        text_line *l = &b->line[k];
        l->w = (l->len || l->ellipsis)
                   ? range_width(ms, font, s, l->start, l->len, l->ellipsis)
                   : 0;
        if (l->w > b->w)
            b->w = l->w;
    }
    b->h = b->n * b->line_h;
}

void text_draw(ui_frame *f, const text_block *b, const char *s, int x, int y, int w,
               ui_font font, ui_color c, text_align align, bool rtl)
{
    (void)font; /* the block's own font: text_wrap may have taken a smaller size */
    char buf[TEXT_MAX_BYTES + sizeof ELLIPSIS];
    for (int k = 0; k < b->n; k++) {
        const text_line *l = &b->line[k];
        if (!l->len && !l->ellipsis)
            continue;
        memcpy(buf, s + l->start, (size_t)l->len);
        size_t n = (size_t)l->len;
        if (l->ellipsis) {
            memcpy(buf + n, ELLIPSIS, sizeof ELLIPSIS - 1);
            n += sizeof ELLIPSIS - 1;
        }
        buf[n] = '\0';
        int lx = x;
        if (align == ALIGN_CENTER)
            lx = x + (w - l->w) / 2;
        else if ((align == ALIGN_END) != rtl)
            lx = x + w - l->w;
        draw_text(f, lx, y + k * b->line_h, l->w, b->line_h, b->font, c, buf);
    }
}

bool text_fits(const ui_measure *ms, ui_font font, const char *s, int max_w, int max_lines)
{
    text_block b;
    wrap_in(&b, ms, font, s, max_w, max_lines); /* in `font` itself: callers draw in it */
    return !b.cut;
}

int text_fit(const ui_measure *ms, ui_font font, const char *s, int max_w, char *out,
             size_t size)
{
    if (!size)
        return 0;
    out[0] = '\0';
    if (!s || !*s)
        return 0;
    size_t limit = size - 1 < TEXT_MAX_BYTES ? size - 1 : TEXT_MAX_BYTES;
    int n = (int)utf8_prefix_bytes(s, (size_t)-1, limit);
    if (s[n] == '\0') {
        int w = range_width(ms, font, s, 0, n, false);
        if (w <= max_w) {
            memcpy(out, s, (size_t)n + 1);
            return w;
        }
    }
    if (size < sizeof ELLIPSIS)
        return 0;
    int room = (int)utf8_prefix_bytes(s, (size_t)-1, size - sizeof ELLIPSIS);
    int keep = fit_chars(ms, font, s, 0, room, max_w, true);
    while (keep > 0 && s[keep - 1] == ' ')
        keep--;
    memcpy(out, s, (size_t)keep);
    memcpy(out + keep, ELLIPSIS, sizeof ELLIPSIS);
    return range_width(ms, font, s, 0, keep, true);
}

bool text_append_cp(char *buf, size_t size, size_t max_chars, unsigned cp)
{
    char enc[4];
    size_t k = utf8_encode(cp, enc);
    size_t len = strlen(buf);
    if (!k || utf8_length(buf) >= max_chars || len + k + 1 > size)
        return false;
    memcpy(buf + len, enc, k);
    buf[len + k] = '\0';
    return true;
}

bool text_backspace(char *buf)
{
    size_t len = strlen(buf);
    if (!len)
        return false;
    buf[utf8_last_char_start(buf, len)] = '\0';
    return true;
}

unsigned text_upper_cp(unsigned cp)
{
    if (cp >= 'a' && cp <= 'z')
        return cp - 32;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        return cp - 32;
    return cp;
}

static unsigned lower_cp(unsigned cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    return cp;
}

void text_lower_first(char *s)
{
    uint32_t cp;
    size_t len = strlen(s);
    if (!len)
        return;
    size_t k = utf8_decode(s, len, &cp);
    char enc[4];
    /* Latin-1 case pairs have the same encoded length, so the edit stays in place. */
    if (utf8_encode(lower_cp(cp), enc) == k)
        memcpy(s, enc, k);
}
