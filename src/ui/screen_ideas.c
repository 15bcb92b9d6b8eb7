/* ideas: "Hvad savner du?", one tap from the week (after the whole program). The staff's
 * ideas from the stick as big tiles, each its pictogram and its words: one tap is a vote
 * (one per idea per day from this kiosk: the app says so kindly when it had one today); the
 * first tile writes a short wish of one's own on the keyboard (wish): first, so it is seen
 * without a swipe however many ideas the staff gave. No names are asked.
 *
 *   ideas       idea:<n> -> UI_ACTION_VOTE; wish -> the wish screen
 *   wish        the words on the keyboard [next: send] -> UI_ACTION_WISH
 *   ideas-done  thanks (or the app's words), done */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/flow.h"
#include "ui/keyboard.h"
#include "ui/nav.h"
#include "ui/rows.h"
#include "ui/screens.h"

/* what a tap reaches on ideas, wish and ideas-done (the tables at the end) */
enum { IW_BACK, IW_SCROLL_UP, IW_SCROLL_DOWN, IW_WISH, IW_IDEA, IW_COUNT };
enum { WW_BACK, WW_SEND, WW_KEY, WW_COUNT };
enum { DW_BACK, DW_DONE, DW_COUNT };
static const ui_widget_def IDEAS_WIDGETS[IW_COUNT];
static const ui_widget_def WISH_WIDGETS[WW_COUNT];
static const ui_widget_def DONE_WIDGETS[DW_COUNT];

/* One tile: the pictogram on its colour, the words under or beside it. Returns its height. */
static int tile(ui_ctx *c, const char *id, const char *label, icon_id icon, ui_color color,
                int x, int y, int w, int h, bool draw)
{
    const ui_layout *L = c->L;
    int p = L->pad;
    int ic = L->btn_h;
    int tw = w - 2 * p - ic - L->gap;
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 0);
    int need = 2 * p + (b.h > ic ? b.h : ic);
    if (!draw)
        return need;
    bool pressed = w_pressed(c, id);
    ui_color bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
    ui_rect r = rect_make(x, y, w, h);
    draw_rect(c->f, r, bg, L->radius);
    draw_frame(c->f, r, COL_LINE, L->border, L->radius);
    int ix = c->rtl ? x + w - p - ic : x + p;
    draw_rect(c->f, rect_make(ix, y + (h - ic) / 2, ic, ic), color, L->radius / 2);
    int in = ic * 3 / 4;
    draw_icon(c->f, rect_make(ix + (ic - in) / 2, y + (h - ic) / 2 + (ic - in) / 2, in, in), icon,
              COL_WHITE);
    int lx = c->rtl ? x + p : ix + ic + L->gap;
    text_draw(c->f, &b, label, lx, y + (h - b.h) / 2, tw, UI_FONT_BOLD, COL_TEXT, ALIGN_START,
              c->rtl);
    w_register(c, id, UI_ROLE_BUTTON, label, r,
               UI_WIDGET_TAPPABLE | (pressed ? UI_WIDGET_PRESSED : 0), COL_TEXT, bg);
    return h;
}

static void build_ideas(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    int top = w_top_bar(c, tr(c, "What do you miss?"), NULL, NULL, ICON_NONE, false);
    int full_w = L->w - 2 * L->margin;
    int y = top + L->gap;
    const ui_flow *fl = &c->u->flow;
    if (fl->msg == MSG_APP && fl->app_msg[0])
        y += w_notice(c, "message", fl->app_msg, ICON_WARNING, L->margin, y, full_w, 3, true) +
             L->gap;
    const char *wish = tr(c, "Write your own wish");
    ui_rect view = rect_make(L->margin, y, full_w, L->h - y);
    int sb = L->btn_h;
    int ncols = 1, col_w = full_w, content = 0, row_h = 0, hint_h = 0;
    size_t n = m->n_ideas + 1; /* the wish, then the ideas */
    for (int pass = 0; pass < 2; pass++) {
        ncols = (view.w + L->gap) / (L->col_min + L->gap);
        if (ncols < 1)
            ncols = 1;
        col_w = (view.w - (ncols - 1) * L->gap) / ncols;
        /* every tile as tall as the tallest: a calm grid */
        row_h = 0;
        hint_h = w_text(c, tr(c, "Tap what you would like to see here, or write your own wish."),
                        UI_FONT_BODY, COL_TEXT, 0, 0, view.w, 0, false);
        content = hint_h + L->gap;
        for (size_t i = 0; i < n; i++) {
            const char *label = i ? m->ideas[i - 1].title : wish;
            int h = tile(c, "", label, ICON_NONE, COL_PRIMARY, 0, 0, col_w, 0, false);
            if (h > row_h)
                row_h = h;
        }
        int rows = (int)((n + (size_t)ncols - 1) / (size_t)ncols);
        content += rows * (row_h + L->gap) + L->margin;
        if (pass == 1 || content <= view.h)
            break;
        if (L->portrait) {
            view.h -= sb + L->margin;
        } else {
            view.w -= sb + L->gap;
            if (c->rtl)
                view.x += sb + L->gap;
        }
    }
    /* whole rows of tiles only: a tile cut by the view's edge could show its pictogram with
     * its words scrolled away */
    ui_rows rows = {0};
    rows_add(&rows, 0, hint_h);
    int nrows = (int)((n + (size_t)ncols - 1) / (size_t)ncols);
    for (int r = 0; r < nrows; r++) {
        int ry = hint_h + L->gap + r * (row_h + L->gap);
        rows_add(&rows, ry, ry + row_h);
    }
    int scroll_max;
    ui_rect vis;
    bool whole_only;
    int s = rows_scroll_begin(c, SCR_IDEAS, &rows, view, content, COL_BG, &vis, &whole_only,
                              &scroll_max);
    int yy = view.y - s;
    yy += w_text_widget(c, "ideas-hint", UI_ROLE_TEXT,
                        tr(c, "Tap what you would like to see here, or write your own wish."),
                        UI_FONT_BODY, COL_TEXT, COL_BG, view.x, yy, view.w, 0, true) +
          L->gap;
    for (size_t i = 0; i < n; i++) {
        int col = (int)(i % (size_t)ncols), row = (int)(i / (size_t)ncols);
        int slot = c->rtl ? ncols - 1 - col : col;
        int tx = view.x + slot * (col_w + L->gap), ty = yy + row * (row_h + L->gap);
        if (whole_only ? ty < vis.y || ty + row_h > vis.y + vis.h
                       : ty + row_h <= vis.y || ty >= vis.y + vis.h)
            continue;
        char id[32];
        if (i) {
            const idea *d = &m->ideas[i - 1];
            char index[24];
            snprintf(index, sizeof index, "%zu", i - 1);
            ui_widget_id(&IDEAS_WIDGETS[IW_IDEA], index, id, sizeof id);
            tile(c, id, d->title, icon_for_category(d->cat), ui_category_color(d->cat), tx, ty,
                 col_w, row_h, true);
        } else {
            tile(c, IDEAS_WIDGETS[IW_WISH].id, wish, ICON_PLUS, COL_PRIMARY, tx, ty, col_w, row_h, true);
        }
    }
    w_scroll_end(c);
    if (scroll_max > 0) {
        ui_rect up, down;
        if (L->portrait) {
            int bw = (full_w - L->gap) / 2;
            up = rect_make(L->margin, L->h - L->margin - sb, bw, sb);
            down = rect_make(L->margin + bw + L->gap, L->h - L->margin - sb, bw, sb);
        } else {
            int bh = (view.h - L->margin - L->gap) / 2;
            if (bh > sb * 2)
                bh = sb * 2;
            if (bh < sb)
                bh = sb;
            int bx = c->rtl ? L->margin : L->w - L->margin - sb;
            up = rect_make(bx, view.y, sb, bh);
            down = rect_make(bx, L->h - L->margin - bh, sb, bh);
        }
        w_scroll_buttons(c, up, down, s, scroll_max);
    }
}

static void build_wish(ui_ctx *c)
{
    char msg_buf[160];
    const ui_flow *fl = &c->u->flow;
    const char *question = tr(c, "Your wish, in a few words");
    const char *send = tr(c, WISH_WIDGETS[WW_SEND].label); /* (greyed while the app answers: a short label) */
    bool in_bar = w_top_bar_fits(c, question, send, ICON_NONE);
    int top = w_top_bar(c, in_bar ? question : "", WISH_WIDGETS[WW_SEND].id, send, ICON_NONE, fl->pending);
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (*msg)
        flow_name_body(c, top, msg, true);
    else
        flow_name_body(c, top, in_bar ? tr(c, "No names, please: the staff read it") : question,
                       false);
}

static void build_done(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    int top = w_top_bar(c, "", DONE_WIDGETS[DW_DONE].id, tr(c, DONE_WIDGETS[DW_DONE].label), ICON_CHECK,
                        false);
    int x = L->margin, w = L->w - 2 * L->margin;
    int y = top + L->margin;
    int icon = text_line_h(c->ms, UI_FONT_HUGE);
    int ix = c->rtl ? x + w - icon : x;
    draw_rect(c->f, rect_make(ix, y, icon, icon), COL_PRIMARY, icon / 2);
    draw_icon(c->f, rect_make(ix + icon / 6, y + icon / 6, icon * 2 / 3, icon * 2 / 3),
              ICON_CHECK, COL_WHITE);
    const char *said = fl->app_msg[0] ? fl->app_msg : tr(c, "Thank you! The staff will see it.");
    int tx = c->rtl ? x : x + icon + L->gap;
    int tw = w - icon - L->gap;
    ui_font font = text_fits(c->ms, UI_FONT_TITLE, said, tw, 4) ? UI_FONT_TITLE : UI_FONT_BOLD;
    w_text_widget(c, "result", UI_ROLE_HEADING, said, font, COL_TEXT, COL_BG, tx, y, tw, 0, true);
}

static void build(ui_ctx *c)
{
    w_background(c);
    switch (c->u->screen) {
    case SCR_IDEAS:
        build_ideas(c);
        break;
    case SCR_WISH:
        build_wish(c);
        break;
    case SCR_IDEAS_DONE:
        build_done(c);
        break;
    default:
        break;
    }
}

/* ---- what a tap does */

static void tap_home(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_HOME, now_ms);
}

static void tap_to_ideas(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_IDEAS, now_ms);
}

static void tap_wish(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_WISH, now_ms);
}

/* idea:<index>: one tap is a vote */
static void tap_idea(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)now_ms;
    ui_flow *fl = &u->flow;
    size_t i = 0;
    if (sscanf(arg, "%zu", &i) != 1 || i >= m->n_ideas)
        return;
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_VOTE;
    snprintf(a.idea_title, sizeof a.idea_title, "%s", m->ideas[i].title);
    fl->msg = MSG_NONE;
    fl->app_msg[0] = '\0';
    ui_flow_queue(u, &a);
}

static void tap_send(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    ui_flow *fl = &u->flow;
    if (!flow_name_ok(u)) {
        fl->msg = MSG_WISH_EMPTY;
        return;
    }
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_WISH;
    utf8_clean_line(fl->name, a.name, sizeof a.name);
    fl->msg = MSG_NONE;
    fl->app_msg[0] = '\0';
    ui_flow_queue(u, &a);
    ui_wipe(&a, sizeof a);
}

/* The app's answer to a vote or a wish: ideas-done with its words, or why not. */
void ui_ideas_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    (void)m;
    ui_flow *fl = &u->flow;
    fl->ok = r->status == VM_OK;
    snprintf(fl->app_msg, sizeof fl->app_msg, "%s", r->message);
    if (fl->ok) {
        ui_wipe(fl->name, sizeof fl->name);
        fl->msg = MSG_NONE;
        ui_goto(u, SCR_IDEAS_DONE, now_ms);
    } else {
        fl->msg = MSG_APP;
    }
}

static bool may_tap(ui *u, const ui_model *m, int64_t now_ms)
{
    (void)m, (void)now_ms;
    return !u->flow.pending; /* the app is working: one tap is one action */
}

static const ui_widget_def IDEAS_WIDGETS[IW_COUNT] = {
    [IW_BACK] = {"back", tap_home, NULL},
    [IW_SCROLL_UP] = {"scroll-up", ui_tap_scroll_up, NULL},
    [IW_SCROLL_DOWN] = {"scroll-down", ui_tap_scroll_down, NULL},
    [IW_WISH] = {"wish", tap_wish, NULL},
    [IW_IDEA] = {"idea:", tap_idea, NULL},
};

static const ui_widget_def WISH_WIDGETS[WW_COUNT] = {
    [WW_BACK] = {"back", tap_to_ideas, NULL},
    [WW_SEND] = {"next", tap_send, N_("Send")},
    [WW_KEY] = {KB_KEY, flow_tap_name_key, NULL},
};

static const ui_widget_def DONE_WIDGETS[DW_COUNT] = {
    [DW_BACK] = {"back", tap_to_ideas, NULL},
    [DW_DONE] = {"done", tap_home, N_("Done")},
};

const ui_screen_def screen_ideas = {
    .name = "ideas",
    .build = build,
    .widgets = UI_WIDGETS(IDEAS_WIDGETS),
    .may_tap = may_tap,
    .flags = UI_SCREEN_SCROLLS,
};

const ui_screen_def screen_wish = {
    .name = "wish",
    .build = build,
    .widgets = UI_WIDGETS(WISH_WIDGETS),
    .text = flow_text_name,
    .may_tap = may_tap,
};

const ui_screen_def screen_ideas_done = {
    .name = "ideas-done",
    .build = build,
    .widgets = UI_WIDGETS(DONE_WIDGETS),
    .may_tap = may_tap,
};
