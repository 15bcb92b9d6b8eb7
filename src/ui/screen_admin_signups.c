/* admin-signups: the staff's list of who signed up, behind the PIN. First "Sig til" (the
 * wishes to hear when something is on: `admin-interests`, then each with
 * `admin-delete-interest:<id>`, asked on admin-confirm), then the activities
 * that take sign-ups (`admin-activity:<uid>`), then the chosen activity's sign-ups with their
 * names (loaded by the app: UI_ACTION_ADMIN_LOAD_SIGNUPS), each with `admin-cancel:<id>`,
 * which asks on admin-confirm before it cancels. Names are shown only here. */
#include <stdio.h>
#include <string.h>

#include "ui/admin.h"

/* what a tap on admin-signups reaches (WIDGETS, at the end) */
enum {
    W_BACK,
    W_SCROLL_UP,
    W_SCROLL_DOWN,
    W_CHECKIN,
    W_INTERESTS,
    W_DELETE_INTEREST,
    W_ACTIVITY,
    W_CANCEL,
    W_INTEREST,
    W_SIGNUP,
    W_COUNT
};
static const ui_widget_def WIDGETS[W_COUNT];

/* The model's list, when it is the list of `uid`. */
static bool signups_of(const ui_model *m, const char *uid, const signup **out, size_t *n)
{
    const ui_admin_info *ai = m->admin;
    *out = NULL;
    *n = 0;
    if (!ai || !ai->signups_uid || strcmp(ai->signups_uid, uid) != 0)
        return false;
    *out = ai->signups;
    *n = ai->signups ? ai->n_signups : 0;
    return true;
}

static bool takes_signups(const ui_entry *e)
{
    return e->act.mode != SIGNUP_MODE_NONE || e->act.n_tasks > 0;
}

/* "Birgitte · 2 voksne, 1 barn · venteliste nr. 2 · vil følges" */
static void signup_line(const ui_ctx *c, const ui_activity *a, const signup *s, char *out, size_t size)
{
    char part[160];
    size_t k = (size_t)snprintf(out, size, "%s", s->name[0] ? s->name : "\xE2\x80\x94");
    if (s->task_id) {
        const ui_helper_task *t = ui_task_find(a, s->task_id, NULL);
        i18n_format(part, sizeof part, tr(c, "Give a hand: %s"), t ? t->title : "?");
    } else if (a->count_household) {
        char ad[48], ch[48];
        i18n_format(ad, sizeof ad, i18n_plural(c->cat, "%d adult", "%d adults", s->adults),
                    s->adults);
        i18n_format(ch, sizeof ch, i18n_plural(c->cat, "%d child", "%d children", s->children),
                    s->children);
        snprintf(part, sizeof part, s->children ? "%s, %s" : "%s", ad, ch);
    } else {
        part[0] = '\0';
    }
    if (*part && k < size)
        k += (size_t)snprintf(out + k, size - k, " \xC2\xB7 %s", part);
    part[0] = '\0';
    if (s->status == SIGNUP_WAITING)
        i18n_format(part, sizeof part, tr_staff(c, "waiting list no. %d"), s->waiting_position);
    else if (s->status == SIGNUP_CANCELLED)
        snprintf(part, sizeof part, "%s", tr_staff(c, "cancelled"));
    if (*part && k < size)
        k += (size_t)snprintf(out + k, size - k, " \xC2\xB7 %s", part);
    if (s->wants_company && k < size)
        snprintf(out + k, size - k, " \xC2\xB7 %s", tr_staff(c, "would like company"));
}

/* A big row that opens something: `label` on white, an outline. Returns its height. */
static int open_row(ui_ctx *c, const char *id, const char *label, icon_id icon, int x, int y,
                    int w, bool draw)
{
    const ui_layout *L = c->L;
    int icon_w = icon != ICON_NONE ? L->icon + L->gap : 0;
    int lw = w - 2 * L->pad - icon_w;
    int th = w_text(c, label, UI_FONT_BOLD, COL_TEXT, 0, 0, lw, 0, false);
    int h = th + 2 * L->pad > L->btn_h ? th + 2 * L->pad : L->btn_h;
    if (!draw)
        return h;
    ui_rect r = rect_make(x, y, w, h);
    bool pressed = w_pressed(c, id);
    ui_color bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
    draw_rect(c->f, r, bg, L->radius);
    draw_frame(c->f, r, COL_LINE, L->border, L->radius);
    if (icon_w)
        draw_icon(c->f,
                  rect_make(c->rtl ? x + w - L->pad - L->icon : x + L->pad,
                            y + (h - L->icon) / 2, L->icon, L->icon),
                  icon, COL_TEXT);
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_BOLD, label, lw, 0);
    text_draw(c->f, &b, label, c->rtl ? x + L->pad : x + L->pad + icon_w, y + (h - b.h) / 2, lw,
              UI_FONT_BOLD, COL_TEXT, ALIGN_START, c->rtl);
    w_register(c, id, UI_ROLE_BUTTON, label, r,
               UI_WIDGET_TAPPABLE | (pressed ? UI_WIDGET_PRESSED : 0), COL_TEXT, bg);
    return h;
}

/* "Birthe · tlf. 21436587 · Fællesspisning · 24-11 10:05" */
static void interest_line(const ui_ctx *c, const interest *in, char *out, size_t size)
{
    char reach[64], when[96];
    i18n_format(reach, sizeof reach,
                in->phone[0] ? tr_staff(c, "phone %s") : tr_staff(c, "flat %s"),
                in->phone[0] ? in->phone : in->flat);
    i18n_when(c->cat, in->created, c->now, when, sizeof when);
    snprintf(out, size, "%s \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 %s", in->name, reach, in->about,
             when);
}

/* The wishes to hear when something is on, each with `admin-delete-interest:<id>`. */
static int interest_rows(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_admin_info *ai = c->m->admin;
    int y0 = y;
    char id[UI_ID_MAX + SIGNUP_ID_MAX], label[ACT_TITLE_MAX + SIGNUP_NAME_BYTES + 200];
    const char *del = tr_staff(c, "Delete");
    int bw = w_button_width(c, del, ICON_CROSS, UI_FONT_BOLD);
    if (bw < L->btn_h * 2)
        bw = L->btn_h * 2;
    if (bw > w / 3)
        bw = w / 3;
    for (size_t i = 0; ai && i < ai->n_interests; i++) {
        const interest *in = &ai->interests[i];
        interest_line(c, in, label, sizeof label);
        /* the button beside the words, or under them where a word would not fit beside */
        int tw = w - 2 * L->pad - bw - L->gap;
        bool under = w_longest_word(c, UI_FONT_BOLD, label) > tw;
        if (under)
            tw = w - 2 * L->pad;
        int th = w_text(c, label, UI_FONT_BOLD, COL_TEXT, 0, 0, tw, 0, false);
        int h = th + L->pad * 2 > L->btn_h + L->pad ? th + L->pad * 2 : L->btn_h + L->pad;
        if (under)
            h = th + L->pad * 2 + L->btn_h + L->pad / 2;
        if (draw) {
            draw_rect(c->f, rect_make(x, y, w, h), COL_CARD, L->radius);
            int tx = c->rtl ? x + w - L->pad - tw : x + L->pad;
            text_block b;
            text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 0);
            int ty = under ? y + L->pad : y + (h - b.h) / 2;
            text_draw(c->f, &b, label, tx, ty, tw, UI_FONT_BOLD, COL_TEXT, ALIGN_START, c->rtl);
            ui_widget_id(&WIDGETS[W_INTEREST], in->id, id, sizeof id);
            w_register(c, id, UI_ROLE_TEXT, label, rect_make(tx, ty, tw, b.h), 0, COL_TEXT,
                       COL_CARD);
            ui_widget_id(&WIDGETS[W_DELETE_INTEREST], in->id, id, sizeof id);
            int cx = c->rtl ? x + L->pad / 2 : x + w - L->pad / 2 - bw;
            int cy = under ? y + L->pad + th + L->pad / 2 : y + (h - L->btn_h) / 2;
            w_button(c, id, del, ICON_CROSS, rect_make(cx, cy, bw, L->btn_h), BTN_SECONDARY,
                     UI_FONT_BOLD, false);
        }
        y += h + L->gap;
    }
    return y - y0;
}

/* The rows of the list, at y (scrolled); returns the content height. */
static int rows(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    int y0 = y;
    char id[UI_ID_MAX + SIGNUP_ID_MAX], label[ACT_TITLE_MAX + SIGNUP_NAME_BYTES + 300];
    if (ad->interests)
        return interest_rows(c, x, y, w, draw);
    if (!ad->uid[0]) {
        /* first the wishes to hear when something is on: names too */
        size_t ni = c->m->admin ? c->m->admin->n_interests : 0;
        char wishes[160];
        i18n_format(wishes, sizeof wishes,
                    i18n_plural_ctx(c->cat, "staff", "\"Tell me when\": %d wish",
                                    "\"Tell me when\": %d wishes", (int)ni),
                    (int)ni);
        y += open_row(c, WIDGETS[W_INTERESTS].id, wishes, ICON_PHONE, x, y, w, draw) + L->gap;
        for (size_t i = 0; i < c->m->n_entries; i++) {
            const ui_entry *e = &c->m->entries[i];
            if (!takes_signups(e))
                continue;
            char when[96], count[96];
            i18n_when(c->cat, e->act.start, c->now, when, sizeof when);
            int n = e->counts.signups + e->counts.helpers;
            i18n_format(count, sizeof count,
                        i18n_plural_ctx(c->cat, "staff", "%d signed up", "%d signed up", n), n);
            snprintf(label, sizeof label, "%s \xC2\xB7 %s \xC2\xB7 %s", e->act.title, when, count);
            if (e->counts.waiting > 0) {
                char wl[64];
                i18n_format(wl, sizeof wl,
                            i18n_plural(c->cat, "%d on the waiting list", "%d on the waiting list",
                                        e->counts.waiting),
                            e->counts.waiting);
                size_t k = strlen(label);
                snprintf(label + k, sizeof label - k, " \xC2\xB7 %s", wl);
            }
            ui_widget_id(&WIDGETS[W_ACTIVITY], e->act.uid, id, sizeof id);
            int th = w_text(c, label, UI_FONT_BOLD, COL_TEXT, 0, 0, w - 2 * L->pad, 0, false);
            int h = th + 2 * L->pad > L->btn_h ? th + 2 * L->pad : L->btn_h;
            if (draw) {
                ui_rect r = rect_make(x, y, w, h);
                bool pressed = w_pressed(c, id);
                ui_color bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
                draw_rect(c->f, r, bg, L->radius);
                draw_frame(c->f, r, COL_LINE, L->border, L->radius);
                text_block b;
                text_wrap(&b, c->ms, UI_FONT_BOLD, label, w - 2 * L->pad, 0);
                text_draw(c->f, &b, label, x + L->pad, y + (h - b.h) / 2, w - 2 * L->pad,
                          UI_FONT_BOLD, COL_TEXT, ALIGN_START, c->rtl);
                w_register(c, id, UI_ROLE_BUTTON, label, r,
                           UI_WIDGET_TAPPABLE | (pressed ? UI_WIDGET_PRESSED : 0), COL_TEXT, bg);
            }
            y += h + L->gap;
        }
        return y - y0;
    }
    const ui_entry *e = ui_entry_find(c->m, ad->uid);
    const signup *list;
    size_t n;
    if (!e || !signups_of(c->m, ad->uid, &list, &n))
        return 0;
    const char *cancel = tr_staff(c, "Cancel");
    int bw = w_button_width(c, cancel, ICON_CROSS, UI_FONT_BOLD);
    if (bw < L->btn_h * 2)
        bw = L->btn_h * 2;
    if (bw > w * 2 / 5)
        bw = w * 2 / 5;
    /* a narrow button takes two lines for its words rather than lose them */
    int bh = w_button_height(c, cancel, ICON_CROSS, UI_FONT_BOLD, bw);
    for (size_t i = 0; i < n; i++) {
        const signup *s = &list[i];
        signup_line(c, &e->act, s, label, sizeof label);
        bool can = s->status != SIGNUP_CANCELLED;
        int tw = w - 2 * L->pad - (can ? bw + L->gap : 0);
        int th = w_text(c, label, UI_FONT_BOLD, COL_TEXT, 0, 0, tw, 0, false);
        int h = th + L->pad * 2 > bh + L->pad ? th + L->pad * 2 : bh + L->pad;
        if (draw) {
            ui_color bg = can ? COL_CARD : COL_DISABLED_BG;
            draw_rect(c->f, rect_make(x, y, w, h), bg, L->radius);
            int tx = c->rtl ? x + w - L->pad - tw : x + L->pad;
            text_block b;
            text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 0);
            text_draw(c->f, &b, label, tx, y + (h - b.h) / 2, tw, UI_FONT_BOLD,
                      can ? COL_TEXT : COL_DISABLED_TEXT, ALIGN_START, c->rtl);
            ui_widget_id(&WIDGETS[W_SIGNUP], s->id, id, sizeof id);
            w_register(c, id, UI_ROLE_TEXT, label, rect_make(tx, y, tw, h), 0, COL_TEXT, bg);
            if (can) {
                ui_widget_id(&WIDGETS[W_CANCEL], s->id, id, sizeof id);
                int cx = c->rtl ? x + L->pad / 2 : x + w - L->pad / 2 - bw;
                w_button(c, id, cancel, ICON_CROSS,
                         rect_make(cx, y + (h - bh) / 2, bw, bh), BTN_SECONDARY,
                         UI_FONT_BOLD, false);
            }
        }
        y += h + L->gap;
    }
    return y - y0;
}

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    ui_admin_state *ad = &c->u->admin;
    w_background(c);
    const ui_entry *e = ad->uid[0] ? ui_entry_find(c->m, ad->uid) : NULL;
    if (ad->uid[0] && !e)
        ad->uid[0] = '\0'; /* gone from the program meanwhile: back to the list */
    /* an activity's list: "Hvem kom?" is the way forward (its title where it fits) */
    const char *title = e               ? e->act.title
                        : ad->interests ? tr_staff(c, "Tell me when something is on")
                                        : tr_staff(c, "Sign-ups");
    const char *who = tr_staff(c, WIDGETS[W_CHECKIN].label);
    if (e && !w_top_bar_fits(c, title, who, ICON_CHECK))
        title = "";
    int top = w_top_bar(c, title, e ? WIDGETS[W_CHECKIN].id : NULL, e ? who : NULL, ICON_CHECK, false);
    int x = L->margin, w = L->w - 2 * L->margin, y = top + L->gap;
    if (e && !*title) /* the activity's name under the bar, where the bar had no room */
        y += w_text_widget(c, "heading", UI_ROLE_HEADING, e->act.title, UI_FONT_BOLD, COL_TEXT,
                           COL_BG, x, y, w, 0, true) +
             L->gap / 2;
    const signup *list;
    size_t n = 0;
    bool have = e && signups_of(c->m, ad->uid, &list, &n);
    const char *msg = ad->pending ? tr_staff(c, "One moment\xE2\x80\xA6") : ad->msg;
    if (msg && *msg) {
        if (ad->msg_ok && !ad->pending) {
            int h = w_text(c, msg, UI_FONT_BOLD, COL_TEXT, 0, 0, w - 2 * L->pad, 0, false) + L->pad;
            draw_rect(c->f, rect_make(x, y, w, h), COL_OK_NOTICE, L->radius / 2);
            w_text(c, msg, UI_FONT_BOLD, COL_TEXT, x + L->pad, y + L->pad / 2, w - 2 * L->pad, 0,
                   true);
            w_register(c, "message", UI_ROLE_TEXT, msg, rect_make(x, y, w, h), 0, COL_TEXT,
                       COL_OK_NOTICE);
            y += h + L->gap;
        } else {
            y += w_notice(c, "message", msg, ad->pending ? ICON_CLOCK : ICON_WARNING, x, y, w, 0,
                          true) +
                 L->gap;
        }
    }
    if (e && have && n == 0)
        y += w_text_widget(c, "empty", UI_ROLE_TEXT, tr_staff(c, "Nobody has signed up yet"),
                           UI_FONT_TITLE, COL_TEXT, COL_BG, x, y, w, 2, true) +
             L->gap;
    if (ad->interests && (!c->m->admin || c->m->admin->n_interests == 0))
        y += w_text_widget(c, "empty", UI_ROLE_TEXT, tr_staff(c, "Nobody has asked yet"),
                           UI_FONT_TITLE, COL_TEXT, COL_BG, x, y, w, 2, true) +
             L->gap;
    if (!e && !ad->interests) {
        bool any = false;
        for (size_t i = 0; i < c->m->n_entries && !any; i++)
            any = takes_signups(&c->m->entries[i]);
        if (!any)
            y += w_text_widget(c, "empty", UI_ROLE_TEXT, tr_staff(c, "No activity takes sign-ups"),
                               UI_FONT_TITLE, COL_TEXT, COL_BG, x, y, w, 2, true) +
                 L->gap;
    }

    ui_rect view = rect_make(x, y, w, L->h - y);
    int sb = L->btn_h;
    int ch = rows(c, 0, 0, w, false);
    bool need = ch > view.h;
    ui_rect up = {0}, down = {0};
    if (need) {
        if (!L->portrait) {
            view.w -= sb + L->gap;
            if (c->rtl)
                view.x += sb + L->gap;
            ch = rows(c, 0, 0, view.w, false);
            int bh = (view.h - L->margin - L->gap) / 2;
            if (bh > sb * 2)
                bh = sb * 2;
            if (bh < sb)
                bh = sb; /* never under 16 mm */
            int bx = c->rtl ? L->margin : L->w - L->margin - sb;
            up = rect_make(bx, view.y, sb, bh);
            down = rect_make(bx, L->h - L->margin - bh, sb, bh);
        } else {
            view.h -= sb + L->margin;
            int bw = (w - L->gap) / 2;
            up = rect_make(x, L->h - L->margin - sb, bw, sb);
            down = rect_make(x + bw + L->gap, L->h - L->margin - sb, bw, sb);
        }
    }
    int scroll_max;
    int scroll = w_scroll_begin(c, SCR_ADMIN_SIGNUPS, view, ch, COL_BG, &scroll_max);
    rows(c, view.x, view.y - scroll, view.w, true);
    w_scroll_end(c);
    if (need)
        w_scroll_buttons(c, up, down, scroll, scroll_max);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_admin_state *ad = &u->admin;
    ad->msg[0] = '\0';
    if (ad->interests) {
        ad->interests = false;
        u->scroll[SCR_ADMIN_SIGNUPS] = 0;
    } else if (ad->uid[0]) {
        ad->uid[0] = '\0';
        ad->loaded = false;
        u->scroll[SCR_ADMIN_SIGNUPS] = 0;
    } else {
        ui_goto(u, SCR_ADMIN, now_ms);
    }
}

static void tap_checkin(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_admin_state *ad = &u->admin;
    if (ad->pending || !ad->uid[0])
        return;
    ad->msg[0] = '\0';
    u->scroll[SCR_ADMIN_CHECKIN] = 0;
    ui_goto(u, SCR_ADMIN_CHECKIN, now_ms);
}

static void tap_interests(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    ad->interests = true;
    ad->msg[0] = '\0';
    u->scroll[SCR_ADMIN_SIGNUPS] = 0;
}

static void tap_delete_interest(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m;
    ui_admin_state *ad = &u->admin;
    if (ad->pending || !ad->interests)
        return;
    ad->msg[0] = '\0';
    ad->confirm.kind = UI_ACTION_ADMIN_DELETE_INTEREST;
    snprintf(ad->confirm.interest_id, sizeof ad->confirm.interest_id, "%s", arg);
    ad->confirm_from = SCR_ADMIN_SIGNUPS;
    ui_goto(u, SCR_ADMIN_CONFIRM, now_ms);
}

static void tap_activity(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)now_ms;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    const ui_entry *e = ui_entry_find(m, arg);
    if (!e)
        return;
    snprintf(ad->uid, sizeof ad->uid, "%s", e->act.uid);
    ad->loaded = false;
    ad->msg[0] = '\0';
    u->scroll[SCR_ADMIN_SIGNUPS] = 0;
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_ADMIN_LOAD_SIGNUPS;
    snprintf(a.uid, sizeof a.uid, "%s", e->act.uid);
    ad->pending = true;
    ad->pending_kind = a.kind;
    ui_queue_action(u, &a);
}

static void tap_cancel(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m;
    ui_admin_state *ad = &u->admin;
    if (ad->pending || !ad->uid[0])
        return;
    ad->msg[0] = '\0';
    ad->confirm.kind = UI_ACTION_ADMIN_CANCEL_SIGNUP;
    snprintf(ad->confirm.uid, sizeof ad->confirm.uid, "%s", ad->uid);
    snprintf(ad->confirm.signup_id, sizeof ad->confirm.signup_id, "%s", arg);
    ad->confirm_from = SCR_ADMIN_SIGNUPS;
    ui_goto(u, SCR_ADMIN_CONFIRM, now_ms);
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_SCROLL_UP] = {"scroll-up", ui_tap_scroll_up, NULL},
    [W_SCROLL_DOWN] = {"scroll-down", ui_tap_scroll_down, NULL},
    [W_CHECKIN] = {"admin-checkin", tap_checkin, STAFF_("Who came?")},
    [W_INTERESTS] = {"admin-interests", tap_interests, NULL},
    [W_DELETE_INTEREST] = {"admin-delete-interest:", tap_delete_interest, NULL},
    [W_ACTIVITY] = {"admin-activity:", tap_activity, NULL},
    [W_CANCEL] = {"admin-cancel:", tap_cancel, NULL},
    [W_INTEREST] = {"interest:", NULL, NULL},
    [W_SIGNUP] = {"signup:", NULL, NULL},
};

const ui_screen_def screen_admin_signups = {
    .name = "admin-signups",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .may_tap = ui_admin_may_tap,
    .flags = UI_SCREEN_SCROLLS,
};
