/* checks: what every frame must be, from its draw list (see checks.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "ui/theme.h"

static bool overlap(ui_rect a, ui_rect b);

static ui_rect visible_part(ui_rect r, ui_rect clip);

/* Some text that shows (inside its clip) has its centre inside `r`. */
static bool has_text_inside(const ui_frame *f, ui_rect r)
{
    ui_rect clip = {0, 0, 0, 0};
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *t = &f->cmds[i];
        if (t->kind == DRAW_CLIP)
            clip = t->rect;
        if (t->kind != DRAW_TEXT)
            continue;
        ui_rect v = visible_part(t->rect, clip);
        if (v.w > 0 && v.h > 0 && ui_rect_contains(r, v.x + v.w / 2, v.y + v.h / 2))
            return true;
    }
    return false;
}


/* Every widget's colours, and every text against the rectangle it is drawn on, >= 7:1. */
void h_check_contrast(const ui_frame *f)
{
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        if (w->role == UI_ROLE_LIST || w->role == UI_ROLE_QR)
            continue;
        if ((w->flags & UI_WIDGET_DISABLED) && !has_text_inside(f, w->rect))
            continue; /* an arrow that is off: faded on purpose, no words to read */
        double c = ui_contrast(w->fg, w->bg);
        if (c < 7.0)
            fail_msg("%s: widget '%s' has contrast %.2f", f->screen, w->id, c);
    }
    ui_rect clip = {0, 0, 0, 0};
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *t = &f->cmds[i];
        if (t->kind == DRAW_CLIP)
            clip = t->rect;
        if (t->kind != DRAW_TEXT)
            continue;
        /* what shows of the text: its part inside the clip */
        ui_rect vis = t->rect;
        if (clip.w > 0 && clip.h > 0) {
            int x0 = vis.x > clip.x ? vis.x : clip.x, y0 = vis.y > clip.y ? vis.y : clip.y;
            int x1 = vis.x + vis.w < clip.x + clip.w ? vis.x + vis.w : clip.x + clip.w;
            int y1 = vis.y + vis.h < clip.y + clip.h ? vis.y + vis.h : clip.y + clip.h;
            if (x1 <= x0 || y1 <= y0)
                continue; /* not seen at all */
            vis = (ui_rect){x0, y0, x1 - x0, y1 - y0};
        }
        int cx = vis.x + vis.w / 2, cy = vis.y + vis.h / 2;
        ui_color bg = {255, 255, 255, 255};
        bool found = false;
        for (size_t j = i; j-- > 0;) {
            const draw_cmd *r = &f->cmds[j];
            if (r->kind == DRAW_RECT && ui_rect_contains(r->rect, cx, cy)) {
                bg = r->color;
                found = true;
                break;
            }
        }
        if (!found)
            fail_msg("%s: text '%s' is drawn on nothing", f->screen, t->text);
        double c = ui_contrast(t->color, bg);
        if (c < 7.0)
            fail_msg("%s: text '%s' at (%d,%d %dx%d) has contrast %.2f on #%02x%02x%02x",
                     f->screen, t->text, t->rect.x, t->rect.y, t->rect.w, t->rect.h, c, bg.r,
                     bg.g, bg.b);
    }
}

static bool touches_list_edge(const ui_frame *f, ui_rect r)
{
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *l = &f->widgets[i];
        if (l->role != UI_ROLE_LIST)
            continue;
        if (r.y <= l->rect.y || r.y + r.h >= l->rect.y + l->rect.h)
            return ui_rect_contains(l->rect, r.x, r.y + r.h / 2);
    }
    return false;
}

static bool overlap(ui_rect a, ui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void h_check_sizes(const ui_frame *f, const int font_px[UI_FONT_COUNT], double ppm)
{
    const double eps = 1e-6;
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        if (!(w->flags & UI_WIDGET_TAPPABLE) || touches_list_edge(f, w->rect))
            continue;
        const double min = UI_TARGET_MM; /* keys too: a name's letters are tapped by the same fingers */
        double wmm = w->rect.w / ppm, hmm = w->rect.h / ppm;
        if (wmm + eps < min || hmm + eps < min)
            fail_msg("%s %dx%d: '%s' is %.1f x %.1f mm (%dx%d px), under %.0f mm", f->screen,
                     f->width, f->height, w->id, wmm, hmm, w->rect.w, w->rect.h, min);
    }
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *t = &f->cmds[i];
        if (t->kind != DRAW_TEXT)
            continue;
        double em = font_px[t->font] / ppm;
        if (em + eps < UI_TEXT_MIN_MM)
            fail_msg("%s %dx%d: text '%s' is %.1f pt (%d px), under %.0f pt", f->screen,
                     f->width, f->height, t->text, em * 72.0 / 25.4, font_px[t->font],
                     UI_TEXT_MIN_PT);
    }
}

void h_check_layout(const ui_frame *f, const int font_px[UI_FONT_COUNT], double ppm)
{
    h_check_placement(f);
    h_check_sizes(f, font_px, ppm);
}

void h_check_placement(const ui_frame *f)
{
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        ui_rect r = w->rect;
        if (r.x < 0 || r.y < 0 || r.x + r.w > f->width || r.y + r.h > f->height || r.w <= 0 ||
            r.h <= 0)
            fail_msg("%s %dx%d: widget '%s' (%d,%d %dx%d) is off the screen", f->screen,
                     f->width, f->height, w->id, r.x, r.y, r.w, r.h);
        if (!(w->flags & UI_WIDGET_TAPPABLE))
            continue;
        for (size_t j = 0; j < f->n_widgets; j++) {
            const ui_widget *o = &f->widgets[j];
            if (j == i || o->role == UI_ROLE_LIST)
                continue;
            if (overlap(r, o->rect))
                fail_msg("%s %dx%d: '%s' overlaps '%s'", f->screen, f->width, f->height, w->id,
                         o->id);
        }
    }
}

void h_check_no_secret(const ui_frame *f, const char *secret)
{
    for (size_t i = 0; i < f->n_cmds; i++)
        if (f->cmds[i].kind == DRAW_TEXT && strstr(f->cmds[i].text, secret))
            fail_msg("%s shows the name '%s' in '%s'", f->screen, secret, f->cmds[i].text);
    for (size_t i = 0; i < f->n_widgets; i++)
        if (strstr(f->widgets[i].label, secret) || strstr(f->widgets[i].id, secret))
            fail_msg("%s has the name '%s' in widget '%s'", f->screen, secret, f->widgets[i].id);
}


/* ---- words */

#define ELLIPSIS "\xE2\x80\xA6"

/* Some widget's label holds `text` as it is (a label that ends in "…" of its own). */
static bool in_a_label(const ui_frame *f, const char *text)
{
    for (size_t i = 0; i < f->n_widgets; i++)
        if (f->widgets[i].label && strstr(f->widgets[i].label, text))
            return true;
    return false;
}

/* `word` (n bytes) is a whole word of some widget's label. */
static bool a_label_word(const ui_frame *f, const char *word, size_t n)
{
    for (size_t i = 0; i < f->n_widgets; i++) {
        const char *l = f->widgets[i].label;
        for (const char *p = l; p && (p = strstr(p, word)) != NULL; p++) {
            bool starts = p == l || p[-1] == ' ' || p[-1] == '\n';
            char after = p[n];
            if (starts && (after == '\0' || after == ' ' || after == '\n') &&
                strncmp(p, word, n) == 0)
                return true;
        }
    }
    return false;
}

static void last_word(const char *s, const char **w, size_t *n)
{
    size_t len = strlen(s);
    while (len && s[len - 1] == ' ')
        len--;
    size_t start = len;
    while (start && s[start - 1] != ' ')
        start--;
    *w = s + start;
    *n = len - start;
}

static void first_word(const char *s, const char **w, size_t *n)
{
    while (*s == ' ')
        s++;
    size_t k = 0;
    while (s[k] && s[k] != ' ')
        k++;
    *w = s;
    *n = k;
}

static ui_rect visible_part(ui_rect r, ui_rect clip)
{
    if (clip.w <= 0 || clip.h <= 0)
        return r;
    int x0 = r.x > clip.x ? r.x : clip.x, y0 = r.y > clip.y ? r.y : clip.y;
    int x1 = r.x + r.w < clip.x + clip.w ? r.x + r.w : clip.x + clip.w;
    int y1 = r.y + r.h < clip.y + clip.h ? r.y + r.h : clip.y + clip.h;
    if (x1 <= x0 || y1 <= y0)
        return (ui_rect){x0, y0, 0, 0};
    return (ui_rect){x0, y0, x1 - x0, y1 - y0};
}

static bool has_arabic(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0xD8 && *p <= 0xDB) /* the lead bytes of U+0600..U+06FF */
            return true;
    return false;
}

void h_check_words(const ui_frame *f)
{
    ui_rect clip = {0, 0, 0, 0};
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *t = &f->cmds[i];
        if (t->kind == DRAW_CLIP)
            clip = t->rect;
        if (t->kind != DRAW_TEXT)
            continue;
        ui_rect vis = visible_part(t->rect, clip);
        if (vis.w <= 0 || vis.h <= 0)
            continue; /* scrolled away */
        if (strstr(t->text, ELLIPSIS) && !in_a_label(f, t->text))
            fail_msg("%s %dx%d: '%s' (%d,%d %dx%d, font %d) is cut off", f->screen, f->width,
                     f->height, t->text, t->rect.x, t->rect.y, t->rect.w, t->rect.h, t->font);
        ui_rect r = t->rect;
        /* Noto Sans Arabic's and Nastaliq's line boxes are 2.1 and 2.5 em for letters of
         * about 1.4 and 2.1 em: more air above and below the letters */
        int air = has_arabic(t->text) ? r.h * 2 / 5 : r.h / 5;
        if (vis.x < 0 || vis.y + air / 2 < 0 || vis.x + vis.w > f->width ||
            vis.y + vis.h - air / 2 > f->height)
            fail_msg("%s %dx%d: '%s' (%d,%d %dx%d) sticks out of the window", f->screen,
                     f->width, f->height, t->text, r.x, r.y, r.w, r.h);
        if (vis.w != r.w || vis.h != r.h)
            continue; /* half scrolled out of its list: the rest is a swipe away */
        /* inside the ground it is drawn on (a line box has some air above and below its
         * letters, so a fifth of it may stand over) */
        int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
        for (size_t j = i; j-- > 0;) {
            const draw_cmd *g = &f->cmds[j];
            if (g->kind != DRAW_RECT || !ui_rect_contains(g->rect, cx, cy))
                continue;
            if (r.x < g->rect.x - 1 || r.x + r.w > g->rect.x + g->rect.w + 1 ||
                r.y < g->rect.y - air || r.y + r.h > g->rect.y + g->rect.h + air)
                fail_msg("%s %dx%d: '%s' (%d,%d %dx%d) sticks out of what it is drawn on "
                         "(%d,%d %dx%d)",
                         f->screen, f->width, f->height, t->text, r.x, r.y, r.w, r.h,
                         g->rect.x, g->rect.y, g->rect.w, g->rect.h);
            break;
        }
        /* no wider than its box: the smallest widget it is drawn in (a tile, a button, a
         * text's own box) holds it from side to side */
        const ui_widget *box = NULL;
        for (size_t j = 0; j < f->n_widgets; j++) {
            const ui_widget *w = &f->widgets[j];
            if (w->role == UI_ROLE_LIST || !ui_rect_contains(w->rect, cx, cy))
                continue;
            if (!box || (long)w->rect.w * w->rect.h < (long)box->rect.w * box->rect.h)
                box = w;
        }
        if (box && (r.x < box->rect.x - 1 || r.x + r.w > box->rect.x + box->rect.w + 1))
            fail_msg("%s %dx%d: '%s' (%d,%d %dx%d) is wider than its box '%s' (%d,%d %dx%d)",
                     f->screen, f->width, f->height, t->text, r.x, r.y, r.w, r.h, box->id,
                     box->rect.x, box->rect.y, box->rect.w, box->rect.h);
        /* a word broken over two lines: the end of this line and the start of the next
         * make a word of a label */
        for (size_t j = i + 1; j < f->n_cmds; j++) {
            const draw_cmd *b = &f->cmds[j];
            if (b->kind != DRAW_TEXT || b->font != t->font || abs(b->rect.y - (r.y + r.h)) > 1 ||
                !overlap((ui_rect){r.x, 0, r.w, 1}, (ui_rect){b->rect.x, 0, b->rect.w, 1}))
                continue;
            const char *wa, *wb;
            size_t na, nb;
            last_word(t->text, &wa, &na);
            first_word(b->text, &wb, &nb);
            if (!na || !nb || na + nb >= 256 || wa[na - 1] == '-')
                continue; /* (a hyphen is a place to break) */
            char joined[256];
            memcpy(joined, wa, na);
            memcpy(joined + na, wb, nb);
            joined[na + nb] = '\0';
            if (a_label_word(f, joined, na + nb))
                fail_msg("%s %dx%d: the word '%s' is broken between two lines ('%s' / '%s')",
                         f->screen, f->width, f->height, joined, t->text, b->text);
        }
    }
}

void h_check_button_words(const ui_frame *f, const int font_px[UI_FONT_COUNT])
{
    int icon = (int)(font_px[UI_FONT_BODY] * 1.25 + 0.5);
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        ui_rect r = w->rect;
        if (w->role != UI_ROLE_BUTTON || !w->label || !*w->label || r.w < 2 * icon || r.w < 2 * r.h)
            continue;
        /* the scroll arrows are pictograms by design, however wide */
        if (strcmp(w->id, "scroll-up") == 0 || strcmp(w->id, "scroll-down") == 0)
            continue;
        if (r.h < icon)
            continue; /* its list shows only a sliver of it */
        if (r.x < 0 || r.y < 0 || r.x + r.w > f->width || r.y + r.h > f->height)
            continue; /* scrolled out (or half out) of its list */
        if (!has_text_inside(f, r))
            fail_msg("%s %dx%d: the button '%s' (%d,%d %dx%d) has room for its words '%s' but "
                     "shows only its pictogram",
                     f->screen, f->width, f->height, w->id, r.x, r.y, r.w, r.h, w->label);
    }
}
