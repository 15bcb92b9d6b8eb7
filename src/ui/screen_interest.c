/* interest: "Sig til, når der sker noget", from an activity's detail. A resident who wants to
 * hear when something like it is on leaves a first name and a way to be found:
 *
 *   interest-name     the first name on the keyboard                        [next]
 *   interest-reach    a phone number, or a flat number, on the number pad   [next]
 *   interest-consent  in plain words: what is kept, for how long, who sees it, what for
 *                     [Ja, sig til mig] -> UI_ACTION_INTEREST
 *   interest-done     "Tak! Personalet siger til, når der sker noget med Fællesspisning."
 *
 * What was typed is wiped with the flow (idle, back to the detail, done); interest-done names
 * the activity, never the person. */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/flow.h"
#include "ui/keyboard.h"
#include "ui/nav.h"
#include "ui/screens.h"

/* what a tap reaches on interest-reach, -consent and -done (the tables at the end) */
enum { RW_BACK, RW_NEXT, RW_BY_PHONE, RW_BY_FLAT, RW_KEY, RW_DIGIT, RW_COUNT };
enum { CW_BACK, CW_SCROLL_UP, CW_SCROLL_DOWN, CW_CONFIRM, CW_COUNT };
enum { DW_BACK, DW_DONE, DW_COUNT };
static const ui_widget_def REACH_WIDGETS[RW_COUNT];
static const ui_widget_def CONSENT_WIDGETS[CW_COUNT];
static const ui_widget_def DONE_WIDGETS[DW_COUNT];

static size_t reach_max(const ui_flow *fl)
{
    return fl->by_flat ? INTEREST_FLAT_DIGITS : INTEREST_PHONE_DIGITS;
}

static bool reach_ok(const ui_flow *fl)
{
    size_t n = strlen(fl->reach);
    return fl->by_flat ? n >= 1 : n >= INTEREST_PHONE_MIN;
}

static void interest_digit(ui *u, char d)
{
    ui_flow *fl = &u->flow;
    if (u->screen != SCR_INTEREST_REACH || d < '0' || d > '9')
        return;
    size_t n = strlen(fl->reach);
    if (n >= reach_max(fl)) {
        fl->msg = MSG_NUMBER_FULL;
        return;
    }
    fl->reach[n] = d;
    fl->reach[n + 1] = '\0';
    fl->msg = MSG_NONE;
}

static void build_name(ui_ctx *c)
{
    char msg_buf[160];
    const char *question = tr(c, "Tell me when: what is your first name?");
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (*msg)
        flow_name_screen(c, question, msg, true);
    else
        flow_name_screen(c, question, tr(c, "Only the staff will see it"), false);
}

/* The digits typed, in pairs as Danish numbers are written ("21 43 65 87"), in a field; empty,
 * it says which number it wants. */
static int number_field(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    ui_font font = UI_FONT_TITLE;
    int lh = text_line_h(c->ms, font);
    int h = lh + L->pad;
    if (!draw)
        return h;
    char shown[INTEREST_REACH_MAX * 2] = "";
    size_t k = 0;
    for (size_t i = 0; fl->reach[i] && k + 2 < sizeof shown; i++) {
        if (i && i % 2 == 0 && !fl->by_flat)
            shown[k++] = ' ';
        shown[k++] = fl->reach[i];
    }
    shown[k] = '\0';
    ui_rect r = rect_make(x, y, w, h);
    draw_rect(c->f, r, COL_CARD, L->radius / 2);
    draw_frame(c->f, r, COL_PRIMARY, L->border * 2, L->radius / 2);
    const char *hint = fl->by_flat ? tr(c, "Flat number") : tr(c, "Phone number");
    const char *t = *shown ? shown : hint;
    ui_font tf = *shown ? font : UI_FONT_BODY;
    int tw = text_width(c->ms, tf, t), th = text_line_h(c->ms, tf);
    if (tw > w - L->pad) { /* never cut a number: the body size */
        tf = UI_FONT_BOLD;
        th = text_line_h(c->ms, tf);
        tw = text_width(c->ms, tf, t);
    }
    draw_text(c->f, c->rtl ? x + w - L->pad / 2 - tw : x + L->pad / 2, y + (h - th) / 2, tw, th,
              tf, *shown ? COL_TEXT : COL_TEXT_SOFT, t);
    ui_widget *wd = ui_frame_widget(c->f, "number", UI_ROLE_INPUT, fl->reach, r, 0);
    if (wd) {
        wd->fg = COL_TEXT;
        wd->bg = COL_CARD;
    }
    return h;
}

static void build_reach(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    const char *title = fl->by_flat ? tr(c, "Your flat number") : tr(c, "Your phone number");
    if (!w_top_bar_fits(c, title, tr(c, "Next"), ICON_NONE))
        title = "";
    int top = w_top_bar(c, title, REACH_WIDGETS[RW_NEXT].id, tr(c, REACH_WIDGETS[RW_NEXT].label), ICON_NONE,
                        false);
    int full_w = L->w - 2 * L->margin;
    int y = top + L->gap;
    int pad_w;
    int pad_room = full_w / 2, narrow = 3 * L->key + 2 * (L->gap * 2 / 3);
    if (!L->portrait && narrow < pad_room && L->h < 7 * L->target)
        pad_room = narrow;
    w_numpad(c, 0, 0, L->portrait ? full_w : pad_room, L->portrait ? 0 : L->h - L->margin - y,
             &pad_w, false);
    int col_w = L->portrait ? full_w : full_w - pad_w - L->margin * 2;
    int x = c->rtl && !L->portrait ? L->margin + pad_w + L->margin * 2 : L->margin;
    char msg_buf[160];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (*msg)
        y += w_notice(c, "message", msg, ICON_WARNING, x, y, col_w, 3, true) + L->gap;
    y += number_field(c, x, y, col_w, true) + L->gap;
    /* the choice: both kinds side by side where they fit, else one button to the other */
    const char *phone = tr(c, "Phone"), *flat = tr(c, "Flat");
    int need = w_button_width(c, phone, ICON_CHECK, UI_FONT_BOLD);
    int need2 = w_button_width(c, flat, ICON_CHECK, UI_FONT_BOLD);
    if (need2 > need)
        need = need2;
    if (2 * need + L->gap <= col_w) {
        int bw = (col_w - L->gap) / 2;
        ui_rect rp = rect_make(x, y, bw, L->btn_h), rf = rect_make(x + bw + L->gap, y, bw, L->btn_h);
        if (c->rtl) {
            ui_rect t = rp;
            rp = rf;
            rf = t;
        }
        w_button(c, REACH_WIDGETS[RW_BY_PHONE].id, phone, fl->by_flat ? ICON_NONE : ICON_CHECK, rp,
                 fl->by_flat ? BTN_SECONDARY : BTN_CHOSEN, UI_FONT_BOLD, false);
        w_button(c, REACH_WIDGETS[RW_BY_FLAT].id, flat, fl->by_flat ? ICON_CHECK : ICON_NONE, rf,
                 fl->by_flat ? BTN_CHOSEN : BTN_SECONDARY, UI_FONT_BOLD, false);
    } else {
        w_button(c, REACH_WIDGETS[fl->by_flat ? RW_BY_PHONE : RW_BY_FLAT].id,
                 fl->by_flat ? tr(c, "Phone instead") : tr(c, "Flat instead"), ICON_NONE,
                 rect_make(x, y, col_w, L->btn_h), BTN_SECONDARY, UI_FONT_BOLD, false);
    }
    y += L->btn_h + L->gap;
    flow_numpad(c, top, y, pad_w);
}

/* The consent in plain words: what is kept, for how long, who sees it, and what for. */
static void consent_words(const ui_ctx *c, const ui_entry *e, char *out, size_t size)
{
    const ui_flow *fl = &c->u->flow;
    const char *what = fl->by_flat ? tr(c, "your first name and your flat number")
                                   : tr(c, "your first name and your phone number");
    int days = c->m->retention_days;
    char kept[256];
    if (days > 0)
        i18n_format(kept, sizeof kept,
                    i18n_plural(c->cat, "The staff keep %s for at most %d day.",
                                "The staff keep %s for at most %d days.", days),
                    what, days);
    else
        i18n_format(kept, sizeof kept, tr(c, "The staff keep %s for a short time."), what);
    char why[ACT_TITLE_MAX + 200];
    i18n_format(why, sizeof why,
                tr(c, "They use it only to tell you when something like \"%s\" is on."),
                e->act.title);
    snprintf(out, size, "%s %s %s", kept, why,
             tr(c, "Only the staff can see it, and they delete it if you ask."));
}

static void build_consent(ui_ctx *c, const ui_entry *e)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    const char *yes = fl->pending ? tr(c, "One moment\xE2\x80\xA6") : tr(c, "Yes, tell me");
    icon_id yes_icon = fl->pending ? ICON_CLOCK : ICON_CHECK;
    const char *title = tr(c, "May we tell you?");
    if (!w_top_bar_fits(c, title, yes, yes_icon))
        title = "";
    /* the way forward in the bar, always in sight; the words under it scroll if they must */
    int top = w_top_bar(c, title, CONSENT_WIDGETS[CW_CONFIRM].id, yes, yes_icon, fl->pending);
    int w = L->w - 2 * L->margin;
    int y = top + L->gap;
    char msg_buf[160];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (*msg)
        y += w_notice(c, "message", msg, ICON_WARNING, L->margin, y, w, 3, true) + L->gap;
    char words[900];
    consent_words(c, e, words, sizeof words);
    ui_rect view = rect_make(L->margin, y, w, L->h - y);
    ui_font f = UI_FONT_TITLE;
    if (w_text(c, words, f, COL_TEXT, 0, 0, view.w, 0, false) > view.h - L->margin)
        f = UI_FONT_BODY;
    int sb = L->btn_h;
    int content = w_text(c, words, f, COL_TEXT, 0, 0, view.w, 0, false) + L->margin;
    ui_rect up = {0}, down = {0};
    bool scroll = content > view.h;
    if (scroll) {
        if (L->portrait) {
            view.h -= sb + L->margin;
            int bw = (w - L->gap) / 2;
            up = rect_make(L->margin, L->h - L->margin - sb, bw, sb);
            down = rect_make(L->margin + bw + L->gap, L->h - L->margin - sb, bw, sb);
        } else {
            view.w -= sb + L->gap;
            if (c->rtl)
                view.x += sb + L->gap;
            int bh = (view.h - L->margin - L->gap) / 2;
            if (bh > sb * 2)
                bh = sb * 2;
            if (bh < sb)
                bh = sb;
            int bx = c->rtl ? L->margin : L->w - L->margin - sb;
            up = rect_make(bx, view.y, sb, bh);
            down = rect_make(bx, L->h - L->margin - bh, sb, bh);
        }
        content = w_text(c, words, f, COL_TEXT, 0, 0, view.w, 0, false) + L->margin;
    }
    int scroll_max;
    int s = w_scroll_begin(c, SCR_INTEREST_CONSENT, view, content, COL_BG, &scroll_max);
    w_text_widget(c, "consent", UI_ROLE_TEXT, words, f, COL_TEXT, COL_BG, view.x, view.y - s,
                  view.w, 0, true);
    w_scroll_end(c);
    if (scroll_max > 0)
        w_scroll_buttons(c, up, down, s, scroll_max);
}

static void build_done(ui_ctx *c, const ui_entry *e)
{
    const ui_layout *L = c->L;
    int top = w_top_bar(c, "", DONE_WIDGETS[DW_DONE].id, tr(c, DONE_WIDGETS[DW_DONE].label), ICON_CHECK,
                        false);
    int x = L->margin, w = L->w - 2 * L->margin;
    int y = top + L->margin;
    int icon = text_line_h(c->ms, UI_FONT_HUGE);
    int ix = c->rtl ? x + w - icon : x;
    draw_rect(c->f, rect_make(ix, y, icon, icon), COL_PRIMARY, icon / 2);
    draw_icon(c->f, rect_make(ix + icon / 6, y + icon / 6, icon * 2 / 3, icon * 2 / 3),
              ICON_CHECK, COL_WHITE);
    int tx = c->rtl ? x : x + icon + L->gap;
    int tw = w - icon - L->gap;
    char said[ACT_TITLE_MAX + 160];
    i18n_format(said, sizeof said,
                tr(c, "Thank you! The staff will tell you when something like \"%s\" is on."),
                e->act.title);
    ui_font font = text_fits(c->ms, UI_FONT_TITLE, said, tw, 4) ? UI_FONT_TITLE : UI_FONT_BOLD;
    w_text_widget(c, "result", UI_ROLE_HEADING, said, font, COL_TEXT, COL_BG, tx, y, tw, 0, true);
}

static void build(ui_ctx *c)
{
    w_background(c);
    const ui_entry *e = ui_entry_find(c->m, c->u->flow.uid);
    if (!e)
        return;
    switch (c->u->screen) {
    case SCR_INTEREST_NAME:
        build_name(c);
        break;
    case SCR_INTEREST_REACH:
        build_reach(c);
        break;
    case SCR_INTEREST_CONSENT:
        build_consent(c, e);
        break;
    case SCR_INTEREST_DONE:
        build_done(c, e);
        break;
    default:
        break;
    }
}

/* ---- what a tap does */

static void tap_name_next(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    flow_name_next(u, SCR_INTEREST_REACH, now_ms);
}

static void tap_reach_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->flow.msg = MSG_NONE;
    ui_goto(u, SCR_INTEREST_NAME, now_ms);
}

static void by(ui *u, bool flat)
{
    ui_flow *fl = &u->flow;
    if (flat != fl->by_flat) {
        fl->by_flat = flat;
        ui_wipe(fl->reach, sizeof fl->reach); /* another kind of number */
    }
    fl->msg = MSG_NONE;
}

static void tap_by_phone(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    by(u, false);
}

static void tap_by_flat(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    by(u, true);
}

static void tap_key(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)now_ms;
    ui_flow *fl = &u->flow;
    if (strcmp(arg, KB_BACKSPACE) != 0)
        return;
    size_t n = strlen(fl->reach);
    if (n)
        fl->reach[n - 1] = '\0';
    fl->msg = MSG_NONE;
}

static void tap_digit(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)now_ms;
    if (arg[0] && !arg[1])
        interest_digit(u, arg[0]);
}

static void tap_reach_next(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow *fl = &u->flow;
    if (!reach_ok(fl)) {
        fl->msg = MSG_NUMBER_SHORT;
        return;
    }
    fl->msg = MSG_NONE;
    u->scroll[SCR_INTEREST_CONSENT] = 0;
    ui_goto(u, SCR_INTEREST_CONSENT, now_ms);
}

static void tap_consent_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->flow.msg = MSG_NONE;
    ui_goto(u, SCR_INTEREST_REACH, now_ms);
}

static void tap_confirm(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    ui_flow *fl = &u->flow;
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_INTEREST;
    snprintf(a.uid, sizeof a.uid, "%s", fl->uid);
    utf8_clean_line(fl->name, a.name, sizeof a.name);
    snprintf(a.reach, sizeof a.reach, "%s", fl->reach);
    a.by_flat = fl->by_flat;
    fl->msg = MSG_NONE;
    ui_flow_queue(u, &a);
    ui_wipe(&a, sizeof a);
}

static void tap_done(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_HOME, now_ms);
}

static void tap_done_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_DETAIL, now_ms);
}

/* digits from a physical keyboard */
static void text_digits(ui *u, const ui_model *m, const char *text, int64_t now_ms)
{
    (void)m, (void)now_ms;
    for (const char *p = text; *p; p++)
        if (*p >= '0' && *p <= '9')
            interest_digit(u, *p);
}

/* The app's answer: interest-done, or why not on interest-consent. */
void ui_interest_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    (void)m;
    ui_flow *fl = &u->flow;
    if (r->status == VM_OK) {
        fl->ok = true;
        fl->msg = MSG_NONE;
        ui_wipe(fl->name, sizeof fl->name);
        ui_wipe(fl->reach, sizeof fl->reach);
        ui_goto(u, SCR_INTEREST_DONE, now_ms);
    } else {
        fl->msg = MSG_APP;
        snprintf(fl->app_msg, sizeof fl->app_msg, "%s", r->message);
    }
}

static const ui_widget_def NAME_WIDGETS[] = {
    {"back", flow_tap_leave, NULL},
    {"next", tap_name_next, NULL},
    {KB_KEY, flow_tap_name_key, NULL},
};

static const ui_widget_def REACH_WIDGETS[RW_COUNT] = {
    [RW_BACK] = {"back", tap_reach_back, NULL},
    [RW_NEXT] = {"next", tap_reach_next, N_("Next")},
    [RW_BY_PHONE] = {"by-phone", tap_by_phone, NULL},
    [RW_BY_FLAT] = {"by-flat", tap_by_flat, NULL},
    [RW_KEY] = {KB_KEY, tap_key, NULL},
    [RW_DIGIT] = {KB_DIGIT, tap_digit, NULL},
};

static const ui_widget_def CONSENT_WIDGETS[CW_COUNT] = {
    [CW_BACK] = {"back", tap_consent_back, NULL},
    [CW_SCROLL_UP] = {"scroll-up", ui_tap_scroll_up, NULL},
    [CW_SCROLL_DOWN] = {"scroll-down", ui_tap_scroll_down, NULL},
    [CW_CONFIRM] = {"confirm", tap_confirm, NULL},
};

static const ui_widget_def DONE_WIDGETS[DW_COUNT] = {
    [DW_BACK] = {"back", tap_done_back, NULL},
    [DW_DONE] = {"done", tap_done, N_("Done")},
};

const ui_screen_def screen_interest_name = {
    .name = "interest-name",
    .build = build,
    .widgets = UI_WIDGETS(NAME_WIDGETS),
    .text = flow_text_name,
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_interest_reach = {
    .name = "interest-reach",
    .build = build,
    .widgets = UI_WIDGETS(REACH_WIDGETS),
    .text = text_digits,
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_interest_consent = {
    .name = "interest-consent",
    .build = build,
    .widgets = UI_WIDGETS(CONSENT_WIDGETS),
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW | UI_SCREEN_SCROLLS,
};

const ui_screen_def screen_interest_done = {
    .name = "interest-done",
    .build = build,
    .widgets = UI_WIDGETS(DONE_WIDGETS),
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};
