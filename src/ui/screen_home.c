/* home: what is on. A header with the estate, the date, the clock and the language button;
 * then "I dag", "Denne uge", "Senere", each a grid of cards (more columns on wide screens),
 * scrolled by swipe or by the big arrow buttons. Activities that are over are not shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "ui/card.h"

enum { SEC_TODAY = 0, SEC_WEEK, SEC_LATER, SEC_COUNT };

static int section_of(const activity *a, int64_t now)
{
    if (a->start <= now || dktime_days_between(now, a->start) <= 0)
        return SEC_TODAY;
    int w1, y1;
    if (dktime_week_start(a->start, &w1, &y1) == dktime_week_start(now, &w1, &y1))
        return SEC_WEEK;
    return SEC_LATER;
}

/* The header; returns its height. */
static int header(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    char date[96], clock[32];
    i18n_date_long(c->cat, c->now, date, sizeof date);
    i18n_clock(c->cat, c->now, clock, sizeof clock);

    const char *lang_label = NULL;
    int lang_w = 0;
    if (m->n_langs > 1) {
        /* the button names the language it switches to, in that language */
        lang_label = i18n_lang_name(m->langs[(c->u->lang + 1) % m->n_langs]);
        lang_w = w_button_width(c, lang_label, ICON_LANGUAGE, UI_FONT_BOLD);
        if (lang_w < L->btn_h * 2)
            lang_w = L->btn_h * 2;
    }
    int clock_w = text_width(c->ms, UI_FONT_HUGE, clock);
    int clock_h = text_line_h(c->ms, UI_FONT_HUGE);
    int left_w = L->w - 2 * L->margin - lang_w - clock_w - 2 * L->gap;
    bool two_rows = left_w < (int)(240 * L->fs);

    int row1 = L->btn_h + L->margin;
    int h = two_rows ? row1 + clock_h + L->margin : row1;
    draw_rect(c->f, rect_make(0, 0, L->w, h), COL_CARD, 0);
    draw_rect(c->f, rect_make(0, h - L->border, L->w, L->border), COL_LINE, 0);

    int start = L->margin, end = L->w - L->margin;
    if (lang_label) {
        ui_rect r = rect_make(c->rtl ? start : end - lang_w, L->margin / 2, lang_w, L->btn_h);
        w_button(c, "lang", lang_label, ICON_LANGUAGE, r, BTN_SECONDARY, UI_FONT_BOLD, false);
        if (c->rtl)
            start += lang_w + L->gap;
        else
            end -= lang_w + L->gap;
    }
    int name_h = text_line_h(c->ms, UI_FONT_BOLD), date_h = text_line_h(c->ms, UI_FONT_SMALL);
    const char *estate = m->estate_name ? m->estate_name : "";
    if (!two_rows) {
        int cx = c->rtl ? start : end - clock_w;
        draw_text(c->f, cx, (row1 - clock_h) / 2, clock_w, clock_h, UI_FONT_HUGE, COL_TEXT, clock);
        w_register(c, "clock", UI_ROLE_TEXT, clock, rect_make(cx, (row1 - clock_h) / 2, clock_w,
                                                              clock_h),
                   0, COL_TEXT, COL_CARD);
        if (c->rtl)
            start += clock_w + L->gap;
        else
            end -= clock_w + L->gap;
        int ty = (row1 - name_h - date_h) / 2;
        w_text_widget(c, "estate", UI_ROLE_HEADING, estate, UI_FONT_BOLD, COL_TEXT, COL_CARD,
                      start, ty, end - start, 1, true);
        w_text_widget(c, "date", UI_ROLE_TEXT, date, UI_FONT_SMALL, COL_TEXT, COL_CARD, start,
                      ty + name_h, end - start, 1, true);
    } else {
        w_text_widget(c, "estate", UI_ROLE_HEADING, estate, UI_FONT_BOLD, COL_TEXT, COL_CARD,
                      start, (row1 - 2 * name_h) / 2, end - start, 2, true);
        int y2 = row1;
        int cx = c->rtl ? L->margin : L->w - L->margin - clock_w;
        draw_text(c->f, cx, y2, clock_w, clock_h, UI_FONT_HUGE, COL_TEXT, clock);
        w_register(c, "clock", UI_ROLE_TEXT, clock, rect_make(cx, y2, clock_w, clock_h), 0,
                   COL_TEXT, COL_CARD);
        int dx = c->rtl ? L->margin + clock_w + L->gap : L->margin;
        int dw = L->w - 2 * L->margin - clock_w - L->gap;
        w_text_widget(c, "date", UI_ROLE_TEXT, date, UI_FONT_SMALL, COL_TEXT, COL_CARD, dx,
                      y2 + (clock_h - date_h) / 2, dw, 1, true);
    }
    return h;
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
        const activity *a = &m->entries[i].act;
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

void screen_home_build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    w_background(c);
    int y = header(c) + L->gap;

    int full_w = L->w - 2 * L->margin;
    if (m->notice && *m->notice)
        y += w_notice(c, "notice", m->notice, ICON_USB, L->margin, y, full_w, 3, true) + L->gap;
    if (m->signups_paused)
        y += w_notice(c, "signups-paused",
                      tr(c, "Sign-up is paused \xE2\x80\x93 the program is shown as it is. "
                            "Please tell the staff."),
                      ICON_WARNING, L->margin, y, full_w, 3, true) +
             L->gap;
    if (m->clock_suspect)
        y += w_notice(c, "clock-warning",
                      tr(c, "The clock may be wrong \xE2\x80\x93 please tell the staff"),
                      ICON_WARNING, L->margin, y, full_w, 2, true) +
             L->gap;

    /* The list, and the scroll buttons beside it (landscape) or under it (portrait). */
    ui_rect view, up, down;
    int sb = L->btn_h;
    if (!L->portrait) {
        view = rect_make(L->margin, y, L->w - 2 * L->margin - sb - L->gap, L->h - y);
        int bh = (view.h - L->margin - L->gap) / 2;
        if (bh > sb * 2)
            bh = sb * 2;
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
    int content = 0;
    for (int s = 0; s < SEC_COUNT; s++) {
        if (!count[s])
            continue;
        content += head_h + L->gap;
        int col = 0, row_h = 0;
        for (size_t i = 0; i < n; i++) {
            if (sec[i] != s)
                continue;
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
    int scroll_max;

    /* Draw what is in view. */
    int scroll = w_scroll_begin(c, SCR_HOME, view, content, COL_BG, &scroll_max);
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

void screen_home_tap(ui *u, const ui_model *m, const char *id, int64_t now_ms)
{
    if (strncmp(id, "card:", 5) == 0) {
        const ui_entry *e = ui_entry_find(m, id + 5);
        if (!e)
            return;
        snprintf(u->detail_uid, sizeof u->detail_uid, "%s", e->act.uid);
        u->scroll[SCR_DETAIL] = 0;
        u->detail_msg = MSG_NONE;
        ui_goto(u, SCR_DETAIL, now_ms);
    } else if (strcmp(id, "lang") == 0) {
        if (m->n_langs > 0)
            u->lang = (u->lang + 1) % m->n_langs;
    } else if (strcmp(id, "scroll-up") == 0) {
        u->scroll[SCR_HOME] -= u->scroll_page[SCR_HOME];
    } else if (strcmp(id, "scroll-down") == 0) {
        u->scroll[SCR_HOME] += u->scroll_page[SCR_HOME];
    }
}
