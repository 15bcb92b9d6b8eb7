/* sync: a staff USB stick is being read and written. A big pictogram, what is being done,
 * a progress bar, and "do not take it out yet"; nothing to tap.
 *
 * sync-done: what the sync did, in the app's plain words (`result` a heading, `message` the
 * app's text), and a big `ok`. A refused stick (a stranger's, or a program with a bad line) is
 * said briefly and calmly, the app's words alone as the heading, in a quiet grey: nobody did
 * anything wrong by trying it. The screen also goes by itself (ui.c). */
#include <stdio.h>
#include <string.h>

#include "ui/widgets.h"
#include "ui/nav.h"
#include "ui/screen.h"

/* what a tap on sync-done reaches (WIDGETS_DONE, at the end) */
enum { W_OK, W_COUNT };
static const ui_widget_def WIDGETS_DONE[W_COUNT];

static int centre_block_x(const ui_layout *L, int *w)
{
    int max_w = (int)(720 * L->fs);
    *w = L->w - 2 * L->margin;
    if (*w > max_w)
        *w = max_w;
    return (L->w - *w) / 2;
}

static void build_progress(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_stick *st = &c->m->stick;
    int w, x = centre_block_x(L, &w);
    double frac = st->fraction;
    if (!(frac >= 0.0)) /* NaN too */
        frac = 0.0;
    if (frac > 1.0)
        frac = 1.0;
    const char *phase = st->phase && *st->phase ? st->phase : tr(c, "Working with the USB stick");
    const char *hint = tr(c, "Please do not take the USB stick out yet");
    char pct[32];
    i18n_format(pct, sizeof pct, tr(c, "%d %%"), (int)(frac * 100.0 + 0.5));

    int icon = L->btn_h * 3 / 2;
    int ph = w_text(c, phase, UI_FONT_TITLE, COL_TEXT, x, 0, w, 4, false);
    int bar_h = L->btn_h / 2;
    int pct_h = text_line_h(c->ms, UI_FONT_BOLD);
    int hh = w_text(c, hint, UI_FONT_BODY, COL_TEXT, x, 0, w, 4, false);
    int total = icon + L->margin + ph + L->margin + bar_h + L->gap + pct_h + L->margin + hh;
    int y = (L->h - total) / 2;
    if (y < L->margin)
        y = L->margin;

    draw_rect(c->f, rect_make((L->w - icon) / 2, y, icon, icon), COL_PRIMARY, icon / 2);
    draw_icon(c->f,
              rect_make((L->w - icon) / 2 + icon / 5, y + icon / 5, icon * 3 / 5, icon * 3 / 5),
              ICON_USB, COL_WHITE);
    y += icon + L->margin;
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_TITLE, phase, w, 4);
    text_draw(c->f, &b, phase, x, y, w, UI_FONT_TITLE, COL_TEXT, ALIGN_CENTER, c->rtl);
    w_register(c, "phase", UI_ROLE_HEADING, phase, rect_make(x, y, w, b.h), 0, COL_TEXT, COL_BG);
    y += b.h + L->margin;
    /* the bar fills from the reading side */
    ui_rect bar = rect_make(x, y, w, bar_h);
    draw_rect(c->f, bar, COL_CARD, bar_h / 2);
    draw_frame(c->f, bar, COL_LINE, L->border, bar_h / 2);
    int fill = (int)((w - 2 * L->border) * frac);
    if (fill > 0) {
        int fx = c->rtl ? x + w - L->border - fill : x + L->border;
        int fr = fill < bar_h ? fill / 2 : (bar_h - 2 * L->border) / 2;
        draw_rect(c->f, rect_make(fx, y + L->border, fill, bar_h - 2 * L->border), COL_PRIMARY, fr);
    }
    y += bar_h + L->gap;
    int pw = text_width(c->ms, UI_FONT_BOLD, pct);
    draw_text(c->f, x + (w - pw) / 2, y, pw, pct_h, UI_FONT_BOLD, COL_TEXT, pct);
    w_register(c, "progress", UI_ROLE_TEXT, pct, rect_make(x, bar.y, w, y + pct_h - bar.y), 0,
               COL_TEXT, COL_BG);
    y += pct_h + L->margin;
    text_wrap(&b, c->ms, UI_FONT_BODY, hint, w, 4);
    text_draw(c->f, &b, hint, x, y, w, UI_FONT_BODY, COL_TEXT, ALIGN_CENTER, c->rtl);
    w_register(c, "sync-hint", UI_ROLE_TEXT, hint, rect_make(x, y, w, b.h), 0, COL_TEXT, COL_BG);
}

static void build_done(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui *u = c->u;
    ui_stick_state st = u->sync_done_state;
    const char *msg = c->m->stick.state == st && c->m->stick.message ? c->m->stick.message : "";
    const char *heading;
    icon_id mark_icon;
    ui_color mark;
    switch (st) {
    case UI_STICK_DONE:
        heading = tr(c, "The USB stick is done");
        mark_icon = ICON_CHECK;
        mark = COL_PRIMARY;
        break;
    case UI_STICK_REFUSED:
        heading = tr(c, "This USB stick is not used here");
        mark_icon = ICON_USB;
        mark = COL_CLOSED;
        break;
    default:
        heading = tr(c, "The USB stick could not be used");
        mark_icon = ICON_WARNING;
        mark = COL_FULL;
        break;
    }
    if (!*msg && st == UI_STICK_DONE)
        msg = tr(c, "You can take the USB stick out now.");
    if (st == UI_STICK_REFUSED && *msg) {
        /* a stranger's stick or a bad line in the program: the app's few words are all */
        heading = msg;
        msg = "";
    }

    int w, x = centre_block_x(L, &w);
    const char *ok = tr(c, WIDGETS_DONE[W_OK].label);
    int ok_w = w_button_width(c, ok, ICON_CHECK, UI_FONT_TITLE);
    if (ok_w < L->btn_h * 3)
        ok_w = L->btn_h * 3;
    if (ok_w > w)
        ok_w = w;
    /* a low screen: the mark and the button no bigger than they need, so the words (what
     * the stick did) are there whole */
    bool low = L->h < 7 * L->target;
    int ok_h = low ? L->btn_h : L->btn_h * 5 / 4;
    int icon = text_line_h(c->ms, low ? UI_FONT_TITLE : UI_FONT_HUGE);
    int room = L->h - 2 * L->margin - ok_h - L->margin * 2;
    int hh = w_text(c, heading, UI_FONT_TITLE, COL_TEXT, 0, 0, w - icon - L->gap, 4, false);
    int head_h = hh > icon ? hh : icon;
    int max_lines = (room - head_h - L->margin) / text_line_h(c->ms, UI_FONT_BOLD);
    if (max_lines > 8)
        max_lines = 8;
    if (max_lines < 1)
        max_lines = 1;
    int mh = *msg ? w_text(c, msg, UI_FONT_BOLD, COL_TEXT, 0, 0, w, max_lines, false) : 0;
    int total = head_h + (mh ? L->margin + mh : 0) + L->margin * 2 + ok_h;
    int y = (L->h - total) / 2;
    if (y < L->margin)
        y = L->margin;

    int ix = c->rtl ? x + w - icon : x;
    draw_rect(c->f, rect_make(ix, y + (head_h - icon) / 2, icon, icon), mark, icon / 2);
    draw_icon(
        c->f,
        rect_make(ix + icon / 6, y + (head_h - icon) / 2 + icon / 6, icon * 2 / 3, icon * 2 / 3),
        mark_icon, COL_WHITE);
    int tx = c->rtl ? x : x + icon + L->gap;
    w_text_widget(c, "result", UI_ROLE_HEADING, heading, UI_FONT_TITLE, COL_TEXT, COL_BG, tx,
                  y + (head_h - hh) / 2, w - icon - L->gap, 4, true);
    y += head_h;
    if (mh) {
        y += L->margin;
        w_text_widget(c, "message", UI_ROLE_TEXT, msg, UI_FONT_BOLD, COL_TEXT, COL_BG, x, y, w,
                      max_lines, true);
        y += mh;
    }
    y += L->margin * 2;
    if (y + ok_h > L->h - L->margin)
        y = L->h - L->margin - ok_h;
    w_button(c, WIDGETS_DONE[W_OK].id, ok, ICON_CHECK, rect_make((L->w - ok_w) / 2, y, ok_w, ok_h), BTN_PRIMARY,
             UI_FONT_TITLE, false);
}

static void build(ui_ctx *c)
{
    w_background(c);
    if (c->u->screen == SCR_SYNC)
        build_progress(c);
    else
        build_done(c);
}

/* `ok` goes back to where the stick found the kiosk (an admin screen it interrupted, else
 * home), as the screen does by itself after a while (ui.c) */
static void tap_ok(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_leave_sync(u, now_ms);
}

static const ui_widget_def WIDGETS_DONE[W_COUNT] = {
    [W_OK] = {"ok", tap_ok, N_("OK")},
};

/* nothing to tap while the stick is read and written */
const ui_screen_def screen_sync = {
    .name = "sync",
    .build = build,
};

const ui_screen_def screen_sync_done = {
    .name = "sync-done",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS_DONE),
};
