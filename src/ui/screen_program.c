/* program: everything that is on, as detailed cards, one tap from the week on home (a day
 * of the week, or "Hele programmet"). "I dag", "Denne uge", "Senere", each a grid of cards
 * (more columns on wide screens), scrolled by swipe or by the big arrow buttons. Activities
 * that are over are not shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "ui/card.h"
#include "ui/nav.h"
#include "ui/screen.h"

enum { SEC_TODAY = 0, SEC_WEEK, SEC_LATER, SEC_COUNT };

static int section_of(const ui_activity *a, int64_t now)
{
    if (a->start <= now || dktime_days_between(now, a->start) <= 0)
        return SEC_TODAY;
    int w1, y1;
    if (dktime_week_start(a->start, &w1, &y1) == dktime_week_start(now, &w1, &y1))
        return SEC_WEEK;
    return SEC_LATER;
}

/* The section and height of every card, kept in the ui while the model's generation, the
 * minute (countdown chips, sections), the column width and the language stay the same, so a
 * scroll or a press does not measure a long program again. False on allocation failure. */
static bool home_measure(ui_ctx *c, int col_w, int **heights, int **sec)
{
    ui *u = c->u;
    const ui_model *m = c->m;
    size_t n = m->n_entries;
    int64_t minute = c->now_ms / 60000;
    if (m->generation && u->home_cache.heights && u->home_cache.generation == m->generation &&
        u->home_cache.n == n && u->home_cache.minute == minute &&
        u->home_cache.col_w == col_w && u->home_cache.lang == u->lang) {
        *heights = u->home_cache.heights;
        *sec = u->home_cache.sec;
        return true;
    }
    int *h = realloc(u->home_cache.heights, (n ? n : 1) * sizeof *h);
    if (h)
        u->home_cache.heights = h;
    int *s = realloc(u->home_cache.sec, (n ? n : 1) * sizeof *s);
    if (s)
        u->home_cache.sec = s;
    if (!h || !s) {
        c->f->oom = true;
        u->home_cache.generation = 0;
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const ui_activity *a = &m->entries[i].act;
        s[i] = -1;
        h[i] = 0;
        if (ui_entry_over(a, c->now))
            continue;
        s[i] = section_of(a, c->now);
        h[i] = card_build(c, &m->entries[i], 0, 0, col_w, 0, false);
    }
    u->home_cache.generation = m->generation;
    u->home_cache.n = n;
    u->home_cache.minute = minute;
    u->home_cache.col_w = col_w;
    u->home_cache.lang = u->lang;
    *heights = h;
    *sec = s;
    return true;
}

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    w_background(c);
    int y = w_top_bar(c, tr(c, "The whole program"), NULL, NULL, ICON_NONE, false) + L->gap;

    int full_w = L->w - 2 * L->margin;

    /* The list, and the scroll buttons beside it (landscape) or under it (portrait). */
    ui_rect view, up, down;
    int sb = L->btn_h;
    if (!L->portrait) {
        view = rect_make(L->margin, y, L->w - 2 * L->margin - sb - L->gap, L->h - y);
        int bh = (view.h - L->margin - L->gap) / 2;
        if (bh > sb * 2)
            bh = sb * 2;
        if (bh < sb)
            bh = sb; /* never under 16 mm */
        int bx = c->rtl ? L->margin : L->w - L->margin - sb;
        if (c->rtl)
            view.x += sb + L->gap;
        up = rect_make(bx, y, sb, bh);
        down = rect_make(bx, L->h - L->margin - bh, sb, bh);
    } else {
        /* the bar of scroll buttons is only taken when the content needs it (below) */
        view = rect_make(L->margin, y, full_w, L->h - y);
        int bw = (full_w - L->gap) / 2;
        up = rect_make(L->margin, L->h - L->margin - sb, bw, sb);
        down = rect_make(L->margin + bw + L->gap, L->h - L->margin - sb, bw, sb);
    }

    int ncols = (view.w + L->gap) / (L->col_min + L->gap);
    if (ncols < 1)
        ncols = 1;
    int col_w = (view.w - (ncols - 1) * L->gap) / ncols;

    /* Measure: which entries show, in which section, how tall (kept between frames). */
    size_t n = m->n_entries;
    int *heights, *sec;
    if (!home_measure(c, col_w, &heights, &sec))
        return;
    int count[SEC_COUNT] = {0};
    for (size_t i = 0; i < n; i++)
        if (sec[i] >= 0)
            count[sec[i]]++;
    static const char *const SEC_WORD[SEC_COUNT] = {"Today", "This week", "Later"};
    static const char *const SEC_ID[SEC_COUNT] = {"section:today", "section:week",
                                                  "section:later"};
    int head_h = text_line_h(c->ms, UI_FONT_TITLE);
    int content = 0, jump = -1;
    for (int s = 0; s < SEC_COUNT; s++) {
        if (!count[s])
            continue;
        int sec_top = content;
        bool first = true;
        content += head_h + L->gap;
        int col = 0, row_h = 0;
        for (size_t i = 0; i < n; i++) {
            if (sec[i] != s)
                continue;
            /* a day of the week was tapped on home: its first card at the top (with the
             * section's heading when it is the section's first) */
            if (jump < 0 && c->u->program_day &&
                dktime_days_between(c->u->program_day, m->entries[i].act.start) == 0)
                jump = first ? sec_top : content;
            first = false;
            if (heights[i] > row_h)
                row_h = heights[i];
            if (++col == ncols) {
                content += row_h + L->gap;
                col = 0;
                row_h = 0;
            }
        }
        if (col)
            content += row_h + L->gap;
        content += L->gap;
    }
    if (L->portrait && content > view.h)
        view.h -= sb + L->margin;
    if (c->u->program_day) {
        c->u->scroll[SCR_PROGRAM] = jump > 0 ? jump : 0;
        c->u->program_day = 0;
    }
    int scroll_max;

    /* Draw what is in view. */
    int scroll = w_scroll_begin(c, SCR_PROGRAM, view, content, COL_BG, &scroll_max);
    int yy = view.y - scroll;
    bool any = false;
    for (int s = 0; s < SEC_COUNT; s++) {
        if (!count[s])
            continue;
        any = true;
        const char *word = tr(c, SEC_WORD[s]);
        if (yy + head_h > view.y && yy < view.y + view.h)
            w_text_widget(c, SEC_ID[s], UI_ROLE_HEADING, word, UI_FONT_TITLE, COL_TEXT, COL_BG,
                          view.x, yy, view.w, 1, true);
        yy += head_h + L->gap;
        int col = 0, row_h = 0;
        size_t row_first = 0;
        for (size_t i = 0; i <= n; i++) {
            bool flush = i == n;
            if (!flush && sec[i] != s)
                continue;
            if (!flush) {
                if (col == 0)
                    row_first = i;
                if (heights[i] > row_h)
                    row_h = heights[i];
                col++;
            }
            if (col && (col == ncols || flush)) {
                /* draw the row when any of it is in view */
                if (yy + row_h > view.y && yy < view.y + view.h) {
                    int k = 0;
                    for (size_t j = row_first; j < n && k < col; j++) {
                        if (sec[j] != s)
                            continue;
                        int cxp = view.x + k * (col_w + L->gap);
                        if (c->rtl)
                            cxp = view.x + view.w - (k + 1) * col_w - k * L->gap;
                        card_build(c, &m->entries[j], cxp, yy, col_w, row_h, true);
                        k++;
                    }
                }
                yy += row_h + L->gap;
                col = 0;
                row_h = 0;
            }
        }
        yy += L->gap;
    }
    if (!any) {
        int ty = view.y + L->margin * 2;
        ty += w_text_widget(c, "empty", UI_ROLE_TEXT, tr(c, "Nothing is planned right now"),
                            UI_FONT_TITLE, COL_TEXT, COL_BG, view.x, ty, view.w, 2, true);
        w_text(c, tr(c, "Come back soon!"), UI_FONT_BODY, COL_TEXT, view.x, ty + L->gap, view.w, 2,
               true);
    }
    w_scroll_end(c);
    if (scroll_max > 0)
        w_scroll_buttons(c, up, down, scroll, scroll_max);
}

static void tap_card(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    const ui_entry *e = ui_entry_find(m, arg);
    if (e)
        ui_open_detail(u, e, SCR_PROGRAM, now_ms);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_goto(u, SCR_HOME, now_ms);
}

/* the cards (card:<uid>) are card.c's, drawn the same on join-done */
static const ui_widget_def WIDGETS[] = {
    {"card:", tap_card, NULL},
    {"back", tap_back, NULL},
    {"scroll-up", ui_tap_scroll_up, NULL},
    {"scroll-down", ui_tap_scroll_down, NULL},
};

const ui_screen_def screen_program = {
    .name = "program",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .flags = UI_SCREEN_SCROLLS,
};
