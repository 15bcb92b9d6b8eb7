/* admin-sticks: the staff sticks this kiosk knows, behind the PIN. The bar's way forward
 * authorises the stick that is in (UI_ACTION_ADMIN_AUTHORISE_STICK); under it, which staff
 * keys the names are sealed to, then one row per stick (label, dates, state) with
 * `admin-revoke:<id>` for an active one, which asks on admin-confirm before it withdraws.
 * (docs/security.md says why sticks are listed, withdrawn and run out.) */
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "ui/admin.h"

/* what a tap on admin-sticks reaches (WIDGETS, at the end) */
enum { W_BACK, W_SCROLL_UP, W_SCROLL_DOWN, W_AUTHORISE, W_REVOKE, W_STICK, W_COUNT };
static const ui_widget_def WIDGETS[W_COUNT];

/* "Hannes nøgle · 3fa9c2d1 · godkendt 12-03-2026 · til 12-03-2027 · sidst brugt i går" */
static void stick_line(const ui_ctx *c, const ui_admin_stick *s, char *out, size_t size)
{
    char when[96], part[160];
    size_t k = (size_t)snprintf(out, size, "%s%s%s", s->label && *s->label ? s->label : "",
                                s->label && *s->label ? " \xC2\xB7 " : "", s->id);
    ui_day_in_sentence(c, s->created, when, sizeof when);
    i18n_format(part, sizeof part, tr_staff(c, "authorised %s"), when);
    if (k < size)
        k += (size_t)snprintf(out + k, size - k, " \xC2\xB7 %s", part);
    if (s->revoked) {
        ui_day_in_sentence(c, s->revoked, when, sizeof when);
        i18n_format(part, sizeof part, tr_staff(c, "withdrawn %s"), when);
    } else if (s->expired) {
        ui_day_in_sentence(c, s->expires, when, sizeof when);
        i18n_format(part, sizeof part, tr_staff(c, "ran out %s"), when);
    } else if (s->expires) {
        ui_day_in_sentence(c, s->expires, when, sizeof when);
        i18n_format(part, sizeof part, tr_staff(c, "until %s"), when);
    } else {
        snprintf(part, sizeof part, "%s", tr_staff(c, "no end date"));
    }
    if (k < size)
        k += (size_t)snprintf(out + k, size - k, " \xC2\xB7 %s", part);
    if (s->last_used) {
        ui_day_in_sentence(c, s->last_used, when, sizeof when);
        i18n_format(part, sizeof part, tr_staff(c, "last used %s"), when);
    } else {
        snprintf(part, sizeof part, "%s", tr_staff(c, "never used"));
    }
    if (k < size)
        k += (size_t)snprintf(out + k, size - k, " \xC2\xB7 %s", part);
    if (s->in_slot && k < size)
        snprintf(out + k, size - k, " \xC2\xB7 %s", tr_staff(c, "in now"));
}

/* The rows, at y (scrolled); returns the content height. */
/* The answer (or why Authorise is grey), whom the names are sealed for, and "none yet":
 * over the list, scrolled with it. Returns the height. */
static int sticks_head(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    const ui_admin_info *ai = c->m->admin;
    const char *why = ui_admin_authorise_reason(c);
    int y0 = y;
    const char *msg = ad->pending ? tr_staff(c, "One moment\xE2\x80\xA6") : ad->msg;
    if (msg && *msg) {
        if (ad->msg_ok && !ad->pending) {
            int h = w_text(c, msg, UI_FONT_BOLD, COL_TEXT, 0, 0, w - 2 * L->pad, 0, false) + L->pad;
            if (draw) {
                draw_rect(c->f, rect_make(x, y, w, h), COL_OK_NOTICE, L->radius / 2);
                w_text(c, msg, UI_FONT_BOLD, COL_TEXT, x + L->pad, y + L->pad / 2,
                       w - 2 * L->pad, 0, true);
                w_register(c, "message", UI_ROLE_TEXT, msg, rect_make(x, y, w, h), 0, COL_TEXT,
                           COL_OK_NOTICE);
            }
            y += h + L->gap;
        } else {
            y += w_notice(c, "message", msg, ad->pending ? ICON_NONE : ICON_WARNING, x, y, w, 0,
                          draw) +
                 L->gap;
        }
    } else if (why) {
        y += w_text_widget(c, "stick-reason", UI_ROLE_TEXT, why, UI_FONT_BOLD, COL_TEXT, COL_BG,
                           x, y, w, 0, draw) +
             L->gap / 2;
    }
    /* whom the names are sealed for: the first thing to know about sticks */
    char keys[400];
    /* with a synced folder the sign-ups leave through the folder too: the words say both */
    bool folder = ai && ai->sync_folder;
    if (ai && ai->staff_keys && *ai->staff_keys) {
        i18n_format(keys, sizeof keys,
                    tr_staff(c, folder ? STAFF_("Sign-ups leave on the stick and in the folder "
                                                "sealed for the staff key %s.")
                                       : STAFF_("Sign-ups leave on the stick sealed for the "
                                                "staff key %s.")),
                    ai->staff_keys);
        y += w_text_widget(c, "staff-keys", UI_ROLE_TEXT, keys, UI_FONT_BODY, COL_TEXT, COL_BG, x,
                           y, w, 0, draw) +
             L->gap;
    } else {
        y += w_notice(c, "staff-keys",
                      tr_staff(c, folder ? STAFF_("No staff key: sign-ups are not saved on "
                                                  "sticks or in the folder. Put personale.pub on "
                                                  "a stick and authorise it.")
                                         : STAFF_("No staff key: sign-ups are not saved on "
                                                  "sticks. Put personale.pub on the stick and "
                                                  "authorise it.")),
                      ICON_WARNING, x, y, w, 0, draw) +
             L->gap;
    }
    if (!ai || !ai->n_sticks)
        y += w_text_widget(c, "empty", UI_ROLE_TEXT, tr_staff(c, "No staff sticks yet"),
                           UI_FONT_TITLE, COL_TEXT, COL_BG, x, y, w, 0, draw) +
             L->gap;
    return y - y0;
}

static int rows(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_admin_info *ai = c->m->admin;
    int y0 = y;
    char id[32], label[512];
    const char *revoke = tr_staff(c, "Withdraw");
    int bw = w_button_width(c, revoke, ICON_CROSS, UI_FONT_BOLD);
    if (bw < L->btn_h * 2)
        bw = L->btn_h * 2;
    if (bw > w * 2 / 5)
        bw = w * 2 / 5;
    /* a narrow button takes two lines for its words rather than lose them */
    int bh = w_button_height(c, revoke, ICON_CROSS, UI_FONT_BOLD, bw);
    for (size_t i = 0; ai && i < ai->n_sticks; i++) {
        const ui_admin_stick *s = &ai->sticks[i];
        stick_line(c, s, label, sizeof label);
        bool can = !s->revoked;
        int tw = w - 2 * L->pad - (can ? bw + L->gap : 0);
        int th = w_text(c, label, UI_FONT_BOLD, COL_TEXT, 0, 0, tw, 0, false);
        int h = th + L->pad * 2 > bh + L->pad ? th + L->pad * 2 : bh + L->pad;
        if (draw) {
            bool live = can && !s->expired;
            ui_color bg = live ? COL_CARD : COL_DISABLED_BG;
            draw_rect(c->f, rect_make(x, y, w, h), bg, L->radius);
            int tx = c->rtl ? x + w - L->pad - tw : x + L->pad;
            text_block b;
            text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 0);
            text_draw(c->f, &b, label, tx, y + (h - b.h) / 2, tw, UI_FONT_BOLD,
                      live ? COL_TEXT : COL_DISABLED_TEXT, ALIGN_START, c->rtl);
            ui_widget_id(&WIDGETS[W_STICK], s->id, id, sizeof id);
            w_register(c, id, UI_ROLE_TEXT, label, rect_make(tx, y, tw, h), 0, COL_TEXT, bg);
            if (can) {
                ui_widget_id(&WIDGETS[W_REVOKE], s->id, id, sizeof id);
                int cx = c->rtl ? x + L->pad / 2 : x + w - L->pad / 2 - bw;
                w_button(c, id, revoke, ICON_CROSS,
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
    const ui_admin_state *ad = &c->u->admin;
    w_background(c);
    const char *why = ui_admin_authorise_reason(c);
    /* with a synced folder too, the title makes it plain that these are the physical sticks (the
     * button keeps its short words: 'Godkend USB-nøglen' leaves a 7" panel's button a bare
     * pictogram standing up) */
    bool folder = c->m->admin && c->m->admin->sync_folder;
    int top = w_top_bar(c, tr_staff(c, folder ? STAFF_("Staff USB sticks") : STAFF_("USB sticks")),
                        WIDGETS[W_AUTHORISE].id, tr_staff(c, WIDGETS[W_AUTHORISE].label),
                        ICON_USB, why != NULL || ad->pending);
    int x = L->margin, w = L->w - 2 * L->margin, y = top + L->gap;
    /* the words over the list scroll with it, so a long answer never hides it */
    (void)why;
    ui_rect view = rect_make(x, y, w, L->h - y);
    int sb = L->btn_h;
    int ch = sticks_head(c, 0, 0, w, false) + rows(c, 0, 0, w, false);
    bool need = ch > view.h;
    ui_rect up = {0}, down = {0};
    int room = L->h - L->margin - view.y;
    if (need && room < (L->portrait ? sb + L->margin + text_line_h(c->ms, UI_FONT_BOLD)
                                    : sb)) {
        return; /* long words fill a low screen: the list is there again after them */
    }
    bool side_by_side = !L->portrait && room < 2 * sb + L->gap;
    if (need) {
        if (side_by_side) {
            /* too low for the arrows over each other: side by side, at the top of the list */
            view.w -= 2 * sb + 2 * L->gap;
            if (c->rtl)
                view.x += 2 * sb + 2 * L->gap;
            ch = sticks_head(c, 0, 0, view.w, false) + rows(c, 0, 0, view.w, false);
            int bx = c->rtl ? L->margin : L->w - L->margin - 2 * sb - L->gap;
            up = rect_make(bx, view.y, sb, sb);
            down = rect_make(bx + sb + L->gap, view.y, sb, sb);
        } else if (!L->portrait) {
            view.w -= sb + L->gap;
            if (c->rtl)
                view.x += sb + L->gap;
            ch = sticks_head(c, 0, 0, view.w, false) + rows(c, 0, 0, view.w, false);
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
    int scroll = w_scroll_begin(c, SCR_ADMIN_STICKS, view, ch, COL_BG, &scroll_max);
    int hh = sticks_head(c, view.x, view.y - scroll, view.w, true);
    rows(c, view.x, view.y - scroll + hh, view.w, true);
    w_scroll_end(c);
    if (need)
        w_scroll_buttons(c, up, down, scroll, scroll_max);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->admin.msg[0] = '\0';
    ui_goto(u, SCR_ADMIN, now_ms);
}

static void tap_authorise(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg, (void)now_ms;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    ui_ctx c = {.u = u, .m = m, .cat = ui_admin_catalog(u, m)}; /* for the reason's words */
    const char *why = ui_admin_authorise_reason(&c);
    if (why) {
        ui_admin_say(u, why, false);
        return;
    }
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_ADMIN_AUTHORISE_STICK;
    ui_admin_queue(u, &a);
}

static void tap_revoke(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    const ui_admin_info *ai = m->admin;
    bool known = false;
    for (size_t i = 0; ai && i < ai->n_sticks && !known; i++)
        known = strcmp(ai->sticks[i].id, arg) == 0 && !ai->sticks[i].revoked;
    if (!known)
        return;
    ad->msg[0] = '\0';
    memset(&ad->confirm, 0, sizeof ad->confirm);
    ad->confirm.kind = UI_ACTION_ADMIN_REVOKE_STICK;
    snprintf(ad->confirm.stick_id, sizeof ad->confirm.stick_id, "%s", arg);
    ad->confirm_from = SCR_ADMIN_STICKS;
    ui_goto(u, SCR_ADMIN_CONFIRM, now_ms);
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_SCROLL_UP] = {"scroll-up", ui_tap_scroll_up, NULL},
    [W_SCROLL_DOWN] = {"scroll-down", ui_tap_scroll_down, NULL},
    [W_AUTHORISE] = {"admin-authorise-stick", tap_authorise, STAFF_("Authorise the stick")},
    [W_REVOKE] = {"admin-revoke:", tap_revoke, NULL},
    [W_STICK] = {"stick:", NULL, NULL},
};

const ui_screen_def screen_admin_sticks = {
    .name = "admin-sticks",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .may_tap = ui_admin_may_tap,
    .flags = UI_SCREEN_SCROLLS,
};
