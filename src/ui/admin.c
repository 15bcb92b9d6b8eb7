/* admin: what the staff's screens share: which screens are theirs, the words they speak,
 * their state (wiped when they are left) and the app's answers to their actions.
 *
 * The screens, behind a hidden gesture (a 5 s press on the clock, ui.c) and the staff PIN
 * (checked by the app, which also rate-limits wrong ones), are one file each:
 *
 *   admin-pin      screen_admin_pin.c      the PIN on a number pad
 *   admin          screen_admin.c          facts and the staff's actions
 *   admin-signups  screen_admin_signups.c  activities, one activity's sign-ups, wishes
 *   admin-checkin  screen_admin_checkin.c  "Hvem kom?"
 *   admin-sticks   screen_admin_sticks.c   the staff sticks
 *   admin-confirm  screen_admin_confirm.c  "are you sure" for cancels, withdrawals, restart
 *   admin-test     screen_admin_test.c     the touch test pattern
 *
 * Everything is forgotten when the admin screens are left: by back, by the idle reset, by a
 * stick. The staff words are Danish and English only (ui_admin_catalog). */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/admin.h"
#include "ui/screens.h"

const i18n_catalog *ui_admin_catalog(const ui *u, const ui_model *m)
{
    if (!m->n_langs)
        return NULL;
    const i18n_catalog *cur = m->langs[u->lang < m->n_langs ? u->lang : 0];
    const char *code = i18n_lang(cur);
    if (strcmp(code, "da") == 0 || strcmp(code, "en") == 0)
        return cur;
    /* the staff's words exist in Danish and English only: Danish, else English, if the
     * kiosk has them, else the default (English msgids then) */
    static const char *const STAFF[] = {"da", "en"};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < m->n_langs; i++)
            if (strcmp(i18n_lang(m->langs[i]), STAFF[k]) == 0)
                return m->langs[i];
    size_t d = u->opt.default_lang < m->n_langs ? u->opt.default_lang : 0;
    return m->langs[d];
}

void ui_admin_say(ui *u, const char *msg, bool ok)
{
    snprintf(u->admin.msg, sizeof u->admin.msg, "%s", msg ? msg : "");
    u->admin.msg_ok = ok;
}

void ui_admin_queue(ui *u, const ui_action *a)
{
    u->admin.pending = true;
    u->admin.pending_kind = a->kind;
    u->admin.msg[0] = '\0';
    ui_queue_action(u, a);
}

/* ---- the answers */

void ui_admin_action_done(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    const i18n_catalog *cat = ui_admin_catalog(u, m);
    ad->pending = false;
    /* the answer is at the top of the list: in sight */
    u->scroll[SCR_ADMIN] = 0;
    u->scroll[SCR_ADMIN_STICKS] = 0;
    bool ok = r->status == VM_OK;
    const char *msg = r->message[0] ? r->message : NULL;
    switch (ad->pending_kind) {
    case UI_ACTION_ADMIN_PIN:
        ui_wipe(ad->pin, sizeof ad->pin);
        if (ok) {
            ad->unlocked = true;
            ui_admin_say(u, "", true);
            if (u->screen == SCR_ADMIN_PIN)
                ui_goto(u, SCR_ADMIN, now_ms);
        } else {
            ui_admin_say(u, msg ? msg : i18n_text_ctx(cat, "staff", "That PIN is not right"), false);
        }
        break;
    case UI_ACTION_ADMIN_LOAD_SIGNUPS:
        ad->loaded = ok;
        ui_admin_say(u,
            ok    ? ""
            : msg ? msg
                  : i18n_text_ctx(cat, "staff", "The sign-ups could not be loaded"),
            ok);
        break;
    case UI_ACTION_ADMIN_CANCEL_SIGNUP:
        ui_admin_say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The sign-up is cancelled")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_SET_CAME:
    case UI_ACTION_ADMIN_SET_WALKINS:
        /* a tick or a count: the screen shows it; only a failure is said */
        ui_admin_say(u, ok ? "" : msg ? msg : i18n_text_ctx(cat, "staff", "That did not work"), ok);
        break;
    case UI_ACTION_ADMIN_DELETE_INTEREST:
        ui_admin_say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "It is deleted")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_REVOKE_STICK:
        ui_admin_say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The USB stick is withdrawn")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_RESTART:
        ui_admin_say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The kiosk is restarting\xE2\x80\xA6")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_CLOCK_RESET:
        ui_admin_say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The kiosk counts from its own clock again.")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    default:
        ui_admin_say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "Done")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        break;
    }
    ui_wipe(&ad->confirm, sizeof ad->confirm);
}

/* "Tirsdag 1. juni 2027 11:00", lower-cased at its start for the middle of a sentence. */
void ui_admin_floor_text(const ui_ctx *c, int64_t t, char *out, size_t size)
{
    char day[64], at[16];
    i18n_date_long(c->cat, t, day, sizeof day);
    i18n_clock(c->cat, t, at, sizeof at);
    uint32_t cp;
    size_t n = utf8_decode(day, strlen(day), &cp);
    char low[4];
    if (n && utf8_encode(utf8_lower_cp(cp), low) == n)
        memcpy(day, low, n);
    snprintf(out, size, "%s %s", day, at);
}

bool ui_admin_may_tap(ui *u, const ui_model *m, int64_t now_ms)
{
    (void)m;
    if (u->admin.unlocked)
        return true;
    ui_go_home(u, now_ms); /* never behind the PIN without it */
    return false;
}
