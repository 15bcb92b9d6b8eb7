/* cancel: "Afmeld" with the name and the 4-digit code chosen when joining.
 *
 *   cancel-name   the name on the keyboard         [next]
 *   cancel-code   the code on the number pad       [confirm] -> UI_ACTION_CANCEL_WITH_CODE
 *   cancel-done   "Du er afmeldt", or the app's message (wrong code, too many tries, no code:
 *                 ask the staff); back tries the code again, keeping the name. */
#include <stdio.h>
#include <string.h>

#include "core/code.h"
#include "core/utf8.h"
#include "ui/flow.h"
#include "ui/keyboard.h"
#include "ui/nav.h"
#include "ui/screens.h"

/* what a tap reaches on cancel-code and cancel-done (the tables at the end) */
enum { CW_BACK, CW_CONFIRM, CW_KEY, CW_DIGIT, CW_COUNT };
enum { DW_BACK, DW_DONE, DW_COUNT };
static const ui_widget_def CODE_WIDGETS[CW_COUNT];
static const ui_widget_def DONE_WIDGETS[DW_COUNT];

static void build_name(ui_ctx *c)
{
    char msg_buf[160];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (*msg)
        flow_name_screen(c, tr(c, "Cancel: what is your name?"), msg, true);
    else
        flow_name_screen(c, tr(c, "Cancel: what is your name?"),
                         tr(c, "Type the name you signed up with"), false);
}

static void build_code(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    const char *label = fl->pending ? tr(c, "One moment\xE2\x80\xA6") : tr(c, "Cancel my sign-up");
    /* the title only where it fits on the bar's row: the number pad needs the height */
    const char *title = tr(c, "Your code");
    if (!w_top_bar_fits(c, title, label, fl->pending ? ICON_CLOCK : ICON_CHECK))
        title = "";
    int top = w_top_bar(c, title, CODE_WIDGETS[CW_CONFIRM].id, label, fl->pending ? ICON_CLOCK : ICON_CHECK,
                        fl->pending);
    char msg_buf[160];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    int full_w = L->w - 2 * L->margin;
    int y = top + L->gap;
    int pad_w;
    int pad_room = full_w / 2, narrow = 3 * L->key + 2 * (L->gap * 2 / 3);
    if (!L->portrait && narrow < pad_room && L->h < 7 * L->target)
        pad_room = narrow; /* a low screen: the words beside the pad get the room */
    w_numpad(c, 0, 0, L->portrait ? full_w : pad_room, L->portrait ? 0 : L->h - L->margin - y,
             &pad_w, false);
    int col_w = L->portrait ? full_w : full_w - pad_w - L->margin * 2;
    int x = c->rtl && !L->portrait ? L->margin + pad_w + L->margin * 2 : L->margin;
    if (*msg)
        y += w_notice(c, "message", msg, ICON_WARNING, x, y, col_w, 3, true) + L->gap;
    int boxes_h = flow_code_boxes(c, x, 0, col_w, false);
    /* "no code? ask the staff" before the explanation: it is what helps the one who has none */
    const char *no_code = tr(c, "No code? Please ask the staff.");
    int no_h = w_text(c, no_code, UI_FONT_BOLD, COL_TEXT, x, 0, col_w, 3, false) + L->gap;
    int pad_h = 4 * L->key + 3 * (L->gap * 2 / 3) + L->gap; /* portrait: the pad under */
    int bottom = L->portrait ? L->h - L->margin - pad_h : L->h - L->margin;
    int eh = w_text_whole(c, "code-explain", UI_ROLE_TEXT,
                          tr(c, "Type the 4-digit code you chose when you signed up"),
                          UI_FONT_BODY, COL_TEXT, COL_BG, x, y, col_w, 4,
                          bottom - y - boxes_h - L->gap - no_h);
    if (eh)
        y += eh + L->gap;
    y += flow_code_boxes(c, x, y, col_w, true) + L->gap;
    /* as many lines as there is room for (a small window may have none left) */
    int nh = w_text_whole(c, "no-code", UI_ROLE_TEXT, tr(c, "No code? Please ask the staff."),
                          UI_FONT_BOLD, COL_TEXT, COL_BG, x, y, col_w, 3, bottom - y);
    if (nh)
        y += nh + L->gap;
    flow_numpad(c, top, y, pad_w);
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
    draw_rect(c->f, rect_make(c->rtl ? x + w - icon : x, y, icon, icon),
              fl->ok ? COL_PRIMARY : COL_CLOSED, icon / 2);
    draw_icon(c->f, rect_make((c->rtl ? x + w - icon : x) + icon / 6, y + icon / 6, icon * 2 / 3,
                              icon * 2 / 3),
              fl->ok ? ICON_CHECK : ICON_LOCK, COL_WHITE);
    int tx = c->rtl ? x : x + icon + L->gap;
    int tw = w - icon - L->gap;
    if (fl->ok) {
        /* which activity: the resident may have more than one */
        const ui_entry *e = ui_entry_find(c->m, fl->uid);
        char said[ACT_TITLE_MAX + 96];
        i18n_format(said, sizeof said, tr(c, "You are no longer signed up for %s"),
                    e ? e->act.title : "");
        ui_font font = text_fits(c->ms, UI_FONT_HUGE, said, tw, 3) ? UI_FONT_HUGE : UI_FONT_TITLE;
        if (!text_fits(c->ms, font, said, tw, 0)) {
            /* a word longer than the room beside the sign (Somali's): under it, the whole
             * width */
            tx = x;
            tw = w;
            y += icon + L->gap;
        }
        y += w_text_widget(c, "result", UI_ROLE_HEADING, said, font, COL_TEXT, COL_BG, tx, y, tw,
                           0, true) +
             L->gap;
        w_text_widget(c, "result-detail", UI_ROLE_TEXT, tr(c, "Thank you for letting us know"),
                      UI_FONT_TITLE, COL_TEXT, COL_BG, x, y, w, 0, true);
    } else {
        const char *msg = fl->app_msg[0] ? fl->app_msg : tr(c, "That did not work");
        y += w_text_widget(c, "result", UI_ROLE_HEADING, msg, UI_FONT_TITLE, COL_TEXT, COL_BG, tx,
                           y, tw, 0, true) +
             L->gap;
        w_text_widget(c, "result-detail", UI_ROLE_TEXT,
                      tr(c, "You can try the code again with Back, or ask the staff."),
                      UI_FONT_BODY, COL_TEXT, COL_BG, x, y, w, 0, true);
    }
}

static void build(ui_ctx *c)
{
    w_background(c);
    if (!ui_entry_find(c->m, c->u->flow.uid))
        return;
    switch (c->u->screen) {
    case SCR_CANCEL_NAME:
        build_name(c);
        break;
    case SCR_CANCEL_CODE:
        build_code(c);
        break;
    case SCR_CANCEL_DONE:
        build_done(c);
        break;
    default:
        break;
    }
}

/* ---- what a tap does */

static void tap_name_next(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    flow_name_next(u, SCR_CANCEL_CODE, now_ms);
}

static void tap_code_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->flow.msg = MSG_NONE;
    ui_goto(u, SCR_CANCEL_NAME, now_ms);
}

static void tap_confirm(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    ui_flow *fl = &u->flow;
    if (!code_valid(fl->code)) {
        fl->msg = MSG_CODE_SHORT;
        return;
    }
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_CANCEL_WITH_CODE;
    snprintf(a.uid, sizeof a.uid, "%s", fl->uid);
    utf8_clean_line(fl->name, a.name, sizeof a.name);
    snprintf(a.code, sizeof a.code, "%s", fl->code);
    fl->msg = MSG_NONE;
    ui_flow_queue(u, &a);
    ui_wipe(&a, sizeof a);
}

static void tap_done_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow *fl = &u->flow;
    if (fl->ok) {
        ui_flow_wipe(u);
        ui_goto(u, SCR_DETAIL, now_ms);
    } else {
        /* try again: the name stays, the code is typed anew */
        ui_wipe(fl->code, sizeof fl->code);
        fl->msg = MSG_NONE;
        ui_goto(u, SCR_CANCEL_CODE, now_ms);
    }
}

static void tap_done(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_HOME, now_ms);
}

/* The app's answer: cancel-done says how it went; the code is typed anew either way. */
void ui_cancel_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    (void)m;
    ui_flow *fl = &u->flow;
    fl->ok = r->status == VM_OK;
    snprintf(fl->app_msg, sizeof fl->app_msg, "%s", fl->ok ? "" : r->message);
    ui_wipe(fl->code, sizeof fl->code);
    if (fl->ok)
        ui_wipe(fl->name, sizeof fl->name);
    ui_goto(u, SCR_CANCEL_DONE, now_ms);
}

static const ui_widget_def NAME_WIDGETS[] = {
    {"back", flow_tap_leave, NULL},
    {"next", tap_name_next, NULL},
    {KB_KEY, flow_tap_name_key, NULL},
};

static const ui_widget_def CODE_WIDGETS[CW_COUNT] = {
    [CW_BACK] = {"back", tap_code_back, NULL},
    [CW_CONFIRM] = {"confirm", tap_confirm, NULL},
    [CW_KEY] = {KB_KEY, flow_tap_code_key, NULL},
    [CW_DIGIT] = {KB_DIGIT, flow_tap_code_digit, NULL},
};

static const ui_widget_def DONE_WIDGETS[DW_COUNT] = {
    [DW_BACK] = {"back", tap_done_back, NULL},
    [DW_DONE] = {"done", tap_done, N_("Done")},
};

const ui_screen_def screen_cancel_name = {
    .name = "cancel-name",
    .build = build,
    .widgets = UI_WIDGETS(NAME_WIDGETS),
    .text = flow_text_name,
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_cancel_code = {
    .name = "cancel-code",
    .build = build,
    .widgets = UI_WIDGETS(CODE_WIDGETS),
    .text = flow_text_code,
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_cancel_done = {
    .name = "cancel-done",
    .build = build,
    .widgets = UI_WIDGETS(DONE_WIDGETS),
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};
