/* admin-confirm: "are you sure" for a staff cancel, a wish deleted, a stick withdrawn, the
 * stick's time forgotten, and restart [confirm]. Back and the answer return to where it
 * was asked from. */
#include <stdio.h>
#include <string.h>

#include "ui/admin.h"

/* what a tap on admin-confirm reaches (WIDGETS, at the end) */
enum { W_BACK, W_CONFIRM, W_COUNT };
static const ui_widget_def WIDGETS[W_COUNT];

static const signup *find_signup(const ui_model *m, const char *uid, const char *id)
{
    const ui_admin_info *ai = m->admin;
    if (!ai || !ai->signups_uid || strcmp(ai->signups_uid, uid) != 0)
        return NULL;
    for (size_t i = 0; i < ai->n_signups; i++)
        if (strcmp(ai->signups[i].id, id) == 0)
            return &ai->signups[i];
    return NULL;
}

static void build(ui_ctx *c)
{
    w_background(c);
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    int top = w_top_bar(c, tr_staff(c, "Are you sure?"), NULL, NULL, ICON_NONE, false);
    char q[512];
    const char *yes;
    if (ad->confirm.kind == UI_ACTION_ADMIN_RESTART) {
        snprintf(q, sizeof q, "%s",
                 tr_staff(c, "Restart the kiosk? It is back in about a minute."));
        yes = tr_staff(c, "Yes, restart");
    } else if (ad->confirm.kind == UI_ACTION_ADMIN_CLOCK_RESET) {
        char floor[96] = "";
        const ui_admin_info *ai = c->m->admin;
        if (ai && ai->clock_floor > 0)
            ui_admin_floor_text(c, ai->clock_floor, floor, sizeof floor);
        i18n_format(q, sizeof q,
                    tr_staff(c, "Forget the time a USB stick set (%s)? The kiosk then counts "
                                "from its own clock."),
                    floor);
        yes = tr_staff(c, "Yes, forget it");
    } else if (ad->confirm.kind == UI_ACTION_ADMIN_DELETE_INTEREST) {
        const ui_admin_info *ai = c->m->admin;
        const interest *in = NULL;
        for (size_t i = 0; ai && i < ai->n_interests; i++)
            if (strcmp(ai->interests[i].id, ad->confirm.interest_id) == 0)
                in = &ai->interests[i];
        i18n_format(q, sizeof q,
                    tr_staff(c, "Delete %s's wish to hear about %s, with the number?"),
                    in ? in->name : "?", in ? in->about : "?");
        yes = tr_staff(c, "Yes, delete it");
    } else if (ad->confirm.kind == UI_ACTION_ADMIN_REVOKE_STICK) {
        const ui_admin_info *ai = c->m->admin;
        const char *label = "";
        for (size_t i = 0; ai && i < ai->n_sticks; i++)
            if (strcmp(ai->sticks[i].id, ad->confirm.stick_id) == 0 && ai->sticks[i].label)
                label = ai->sticks[i].label;
        char which[96];
        snprintf(which, sizeof which, "%s%s%s%s", ad->confirm.stick_id, *label ? " (" : "",
                 label, *label ? ")" : "");
        i18n_format(q, sizeof q,
                    tr_staff(c, "Withdraw the USB stick %s? It can no longer be used at this "
                                "kiosk; a stick that is found again must be authorised anew."),
                    which);
        yes = tr_staff(c, "Yes, withdraw it");
    } else {
        const ui_entry *e = ui_entry_find(c->m, ad->confirm.uid);
        const signup *s = find_signup(c->m, ad->confirm.uid, ad->confirm.signup_id);
        i18n_format(q, sizeof q,
                    tr_staff(c, "Cancel the sign-up of %s for %s? The waiting list moves up."),
                    s ? s->name : "?", e ? e->act.title : ad->confirm.uid);
        yes = tr_staff(c, "Yes, cancel it");
    }
    if (ad->pending)
        yes = tr_staff(c, "One moment\xE2\x80\xA6");
    int w = L->w - 2 * L->margin;
    int y = top + L->margin;
    /* the question whole, in the title size where it leaves room for the button */
    int bh = L->h < 7 * L->target ? L->btn_h : L->btn_h * 5 / 4;
    int room = L->h - L->margin - bh - L->margin - y;
    ui_font qf = UI_FONT_TITLE;
    text_block qb;
    text_wrap(&qb, c->ms, qf, q, w, 0);
    if (qb.h > room)
        qf = UI_FONT_BOLD;
    y += w_text_widget(c, "question", UI_ROLE_HEADING, q, qf, COL_TEXT, COL_BG, L->margin, y, w,
                       0, true) +
         L->margin;
    int bw = w_button_width(c, yes, ICON_CHECK, UI_FONT_TITLE);
    if (bw < L->btn_h * 4)
        bw = L->btn_h * 4;
    if (bw > w)
        bw = w;
    if (y + bh > L->h - L->margin)
        y = L->h - L->margin - bh;
    w_button(c, WIDGETS[W_CONFIRM].id, yes, ICON_CHECK,
             rect_make(c->rtl ? L->w - L->margin - bw : L->margin, y, bw, bh), BTN_PRIMARY,
             UI_FONT_TITLE, ad->pending);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    ui_wipe(&ad->confirm, sizeof ad->confirm);
    ui_goto(u, ad->confirm_from, now_ms);
}

static void tap_confirm(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    ui_action a = ad->confirm;
    ui_admin_queue(u, &a);
    ui_wipe(&a, sizeof a);
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_CONFIRM] = {"confirm", tap_confirm, NULL}, /* its words say what it does */
};

const ui_screen_def screen_admin_confirm = {
    .name = "admin-confirm",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .may_tap = ui_admin_may_tap,
};
