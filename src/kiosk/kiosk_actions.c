/* What residents and staff ask for on the screen: joins, cancels, the admin screen. */
#include <string.h>

#include <stdlib.h>

#include "kiosk/kiosk_actions.h"

#include "kiosk/kiosk_admin.h"
#include "kiosk/kiosk_model.h"
#include "kiosk/kiosk_screen.h"
#include "kiosk/kiosk_sticks.h"
#include "platform/logmsg.h"
#include "platform/random.h"
#include "core/dktime.h"
#include "core/rules.h"
#include "core/utf8.h"
#include "seal/seal.h"
#include <sodium.h>
#include "sync/sync.h"

/* A join or cancel from the screen, done against the store, answered in the resident's
 * language. The store's own messages are for staff logs; what the resident reads is chosen
 * here from the outcome. */
static void say(ui_action_result *r, const i18n_catalog *cat, const char *msgid)
{
    utf8_copy(r->message, sizeof r->message, i18n_text(cat, msgid));
}

/* The admin screens speak the staff's language (the kiosk's first), as the ui does there. */
static void say_staff(kiosk *k, ui_action_result *r, const char *msgid)
{
    utf8_copy(r->message, sizeof r->message,
              i18n_text_ctx(kiosk_staff_catalog(k), "staff", msgid));
}

/* The resident's words for the rule store_join said refused (the msgids are in po/). */
static const char *join_refusal_words(join_refusal why, vm_status status)
{
    switch (why) {
    case JOIN_REFUSAL_CANCELLED:
        return N_("Sorry, this activity has been cancelled.");
    case JOIN_REFUSAL_STARTED:
        return N_("Sorry, this activity has already started.");
    case JOIN_REFUSAL_DEADLINE_PASSED:
        return N_("Sorry, the sign-up has closed.");
    case JOIN_REFUSAL_NO_SIGNUP:
        return N_("No sign-up is needed: just come.");
    case JOIN_REFUSAL_NOT_FOUND:
        return N_("Sorry, this activity is no longer in the program.");
    case JOIN_REFUSAL_NAME:
        return N_("Please check the name and try again.");
    case JOIN_REFUSAL_PAUSED:
        return N_("Sign-up is paused: the kiosk cannot save right now. Please tell the staff.");
    case JOIN_REFUSAL_TOO_MANY:
    case JOIN_REFUSAL_HOUSEHOLD:
    case JOIN_REFUSAL_NONE:
        break;
    }
    return status == VM_ERR_INVALID ? N_("Please check the name and try again.")
                                    : N_("Sorry, that did not work. Please ask the staff.");
}

static void perform_resident(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    const i18n_catalog *cat = kiosk_current_catalog(k);
    vm_err err = {0};
    if (k->read_only) { /* the screens offer no sign-up now; should one come, it is refused */
        r->status = VM_ERR_REFUSED;
        say(r, cat, "Sign-up is paused: the kiosk cannot save right now. Please tell the staff.");
        return;
    }
    if (a->kind == UI_ACTION_JOIN) {
        signing_request req = {a->uid,      a->task_id,      a->name, a->adults,
                               a->children, a->wants_company, a->code};
        signup su;
        join_refusal why = JOIN_REFUSAL_NONE;
        r->status = signing_join(k->store, &req, &k->code_key, now, &su, &why, &err);
        if (r->status == VM_OK) {
            r->signup_status = su.status;
            r->waiting_position = su.waiting_position;
            return;
        }
        say(r, cat, join_refusal_words(why, r->status));
        logmsg(LOG_NOTICE, "sign-up refused: %s", err.msg);
        return;
    }
    /* Cancel with a code. No such name, no code on the sign-up and a wrong code get one
     * answer and count alike, so the screen never tells whether someone is signed up. */
    char key[65];
    cancel_limiter_key(a->uid, a->name, key);
    int64_t wait = cancel_limiter_wait(&k->limiter, key, now);
    if (wait > 0) {
        long minutes = (long)((wait + 59) / 60);
        r->status = VM_ERR_REFUSED;
        i18n_format(r->message, sizeof r->message,
                    i18n_plural(cat,
                                "Too many wrong codes. Please wait %ld minute, or ask the "
                                "staff.",
                                "Too many wrong codes. Please wait %ld minutes, or ask the "
                                "staff.",
                                minutes),
                    minutes);
        memset(key, 0, sizeof key);
        return;
    }
    signup cancelled;
    int promoted = 0;
    r->status = store_cancel_with_code(k->store, a->uid, a->name, a->code, &k->code_key, now,
                                       &cancelled, &promoted, &err);
    if (r->status == VM_OK) {
        cancel_limiter_result(&k->limiter, key, true, now);
    } else if (r->status == VM_ERR_NOT_FOUND) {
        cancel_limiter_result(&k->limiter, key, false, now);
        say(r, cat, "The name and the code do not match. Please try again, or ask the staff.");
    } else {
        say(r, cat, "Sorry, that did not work. Please ask the staff.");
        logmsg(LOG_NOTICE, "cancel failed: %s", err.msg);
    }
    memset(key, 0, sizeof key);
}

/* Compares without an early exit, so the time taken does not tell how many digits were
 * right (for a PIN still written in plain text in the config). */
static bool pin_equal(const char *typed, const char *pin)
{
    size_t a = strlen(typed), b = strlen(pin);
    unsigned diff = (unsigned)(a ^ b);
    for (size_t i = 0; i < a && i < b; i++)
        diff |= (unsigned)(typed[i] ^ pin[i]);
    return diff == 0 && b > 0;
}

/* The PIN's lockout is kept in the database, so a restart (or a pulled plug) does not give
 * a guesser a fresh start. */
void kiosk_load_pin_limiter(kiosk *k)
{
    char v[32];
    memset(&k->admin.pin_limiter, 0, sizeof k->admin.pin_limiter);
    if (store_fact_get(k->store, "pin_wrong", v, sizeof v, NULL) == VM_OK)
        k->admin.pin_limiter.wrong = atoi(v);
    if (store_fact_get(k->store, "pin_locked_until", v, sizeof v, NULL) == VM_OK)
        k->admin.pin_limiter.locked_until = strtoll(v, NULL, 10);
}

static void save_pin_limiter(kiosk *k)
{
    char v[32];
    snprintf(v, sizeof v, "%d", k->admin.pin_limiter.wrong);
    vm_err err = {0};
    if (store_fact_set(k->store, "pin_wrong", v, &err) != VM_OK)
        logmsg(LOG_WARNING, "the PIN's lockout could not be saved: %s", err.msg);
    snprintf(v, sizeof v, "%lld", (long long)k->admin.pin_limiter.locked_until);
    store_fact_set(k->store, "pin_locked_until", v, NULL);
}

static void perform_pin(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    int64_t wait = code_limiter_wait(&k->admin.pin_limiter, now);
    if (wait > 0) {
        long minutes = (long)((wait + 59) / 60);
        r->status = VM_ERR_REFUSED;
        i18n_format(r->message, sizeof r->message,
                    i18n_plural_ctx(kiosk_staff_catalog(k), "staff",
                                    "Too many wrong codes. Please wait %ld minute.",
                                    "Too many wrong codes. Please wait %ld minutes.", minutes),
                    minutes);
        return;
    }
    const config *cfg = k->opt->cfg;
    bool right = cfg->staff_pin_hash[0] ? seal_pin_verify(a->pin, cfg->staff_pin_hash)
                                        : pin_equal(a->pin, cfg->staff_pin);
    code_limiter_result(&k->admin.pin_limiter, right, now);
    save_pin_limiter(k);
    if (!right) {
        r->status = VM_ERR_REFUSED;
        say_staff(k, r, "That is not the staff code.");
        logmsg(LOG_WARNING, "a wrong staff code was typed on the screen");
    }
}

/* The stick the staff mean: the one mounted now (the first, if several). */
static const char *mounted_stick(const kiosk *k)
{
    return k->present.n ? k->present.path[0] : NULL;
}

/* How long a stick authorised on the screen is good for. */
#define STICK_DAYS 365

static void perform_authorise(kiosk *k, int64_t now, ui_action_result *r)
{
    const char *path = mounted_stick(k);
    uint8_t key[SYNC_KEY_RANDOM_BYTES];
    vm_err err = {0};
    sync_init_result res;
    const i18n_catalog *cat = kiosk_staff_catalog(k);
    if (!path) {
        r->status = VM_ERR_NOT_FOUND;
        say_staff(k, r, "Put the USB stick in first.");
        return;
    }
    int64_t expires = sync_effective_now(k->store, now) + (int64_t)STICK_DAYS * 86400;
    if (!random_bytes(key, sizeof key) ||
        sync_stick_init(k->store, path, key, now, NULL, expires, cat, &res, &err) != VM_OK) {
        memset(key, 0, sizeof key);
        r->status = err.status ? err.status : VM_ERR_INTERNAL;
        utf8_copy(r->message, sizeof r->message, err.msg);
        logmsg(LOG_ERR, "authorising the stick %s failed: %s", path, err.msg);
        return;
    }
    memset(key, 0, sizeof key);
    logmsg(LOG_NOTICE, "the stick %s is now a staff stick (stick_key = %s)", path, res.hash);
    if (res.staff_key_found && !res.staff_problem[0])
        i18n_format(r->message, sizeof r->message,
                    i18n_text_ctx(cat, "staff",
                                  "The USB stick is now a staff stick for this kiosk. Sign-ups "
                                  "are sealed for the staff key %s: check that the office PC "
                                  "shows the same."),
                    res.staff_fingerprint);
    else if (res.staff_problem[0])
        i18n_format(r->message, sizeof r->message,
                    i18n_text_ctx(cat, "staff",
                                  "The USB stick is now a staff stick for this kiosk, but its "
                                  "staff key was not taken: %s"),
                    res.staff_problem);
    else
        say_staff(k, r, "The USB stick is now a staff stick for this kiosk.");
    /* Authorised: the staff expect it to do its work at once. */
    kiosk_sync_stick(k, path);
}

/* True when the stick at `path` carries this kiosk's key (as the staff screen says). */
static bool staff_stick(kiosk *k, const char *path)
{
    sync_options opt;
    sticks_sync_options(k->opt->cfg, NULL, NULL, &opt);
    return sync_stick_check(k->store, path, &opt,
                            sync_effective_now(k->store, clock_now(k->clock)), NULL, NULL) ==
           VM_OK;
}

static void perform_export(kiosk *k, ui_action_result *r)
{
    const char *path = mounted_stick(k);
    /* With a synced folder and no staff stick in, "Gem i mappen" syncs the folder now, as
     * the screen says (screen_admin.c); a staff stick in goes first, as it always did. */
    if (k->opt->cfg->sync_folder[0] && !(path && staff_stick(k, path))) {
        r->status = kiosk_sync_folder(k, r->message, sizeof r->message);
        if (r->status == VM_ERR_REFUSED && !r->message[0])
            say_staff(k, r, "The kiosk cannot save right now, so the folder was not synced.");
        return;
    }
    if (!path) {
        r->status = VM_ERR_NOT_FOUND;
        say_staff(k, r, "Put the USB stick in first.");
        return;
    }
    kiosk_sync_stick(k, path);
    r->status = k->stick.state == UI_STICK_DONE ? VM_OK : VM_ERR_IO;
    utf8_copy(r->message, sizeof r->message, k->stick.text);
}

/* "Sig til, når der sker noget": what the resident left, for the staff. */
static void perform_interest(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    const i18n_catalog *cat = kiosk_current_catalog(k);
    vm_err err = {0};
    if (k->read_only) {
        r->status = VM_ERR_REFUSED;
        say(r, cat, "Sign-up is paused: the kiosk cannot save right now. Please tell the staff.");
        return;
    }
    activity act;
    if (store_activity_get(k->store, a->uid, &act, NULL, &err) != VM_OK) {
        r->status = VM_ERR_NOT_FOUND;
        say(r, cat, "Sorry, this activity is no longer in the program.");
        return;
    }
    interest in;
    memset(&in, 0, sizeof in);
    unsigned char uuid[16];
    if (!random_bytes(uuid, sizeof uuid)) {
        r->status = VM_ERR_INTERNAL;
        say(r, cat, "Sorry, that did not work. Please ask the staff.");
        return;
    }
    code_uuid_v4(uuid, in.id);
    in.cat = act.category;
    snprintf(in.about, sizeof in.about, "%s", act.title);
    snprintf(in.activity_uid, sizeof in.activity_uid, "%s", act.uid);
    snprintf(in.name, sizeof in.name, "%s", a->name);
    snprintf(a->by_flat ? in.flat : in.phone, sizeof in.phone, "%s", a->reach);
    signing_kiosk_id(k->store, in.kiosk_id, NULL);
    r->status = store_interest_add(k->store, &in, now, &err);
    if (r->status == VM_ERR_INVALID) {
        say(r, cat, "Please check the name and the number and try again.");
    } else if (r->status != VM_OK) {
        say(r, cat, "Sorry, that did not work. Please ask the staff.");
        logmsg(LOG_NOTICE, "a wish to hear when was not saved: %s", err.msg);
    }
    sodium_memzero(&in, sizeof in);
}

/* "Hvad savner du?": a vote (one per idea per day from this kiosk) or a short wish. */
static void perform_idea(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    const i18n_catalog *cat = kiosk_current_catalog(k);
    vm_err err = {0};
    if (k->read_only) {
        r->status = VM_ERR_REFUSED;
        say(r, cat, "Sign-up is paused: the kiosk cannot save right now. Please tell the staff.");
        return;
    }
    if (a->kind == UI_ACTION_VOTE) {
        bool counted = false;
        r->status = store_idea_vote(k->store, a->idea_title, now, &counted, &err);
        if (r->status == VM_OK)
            say(r, cat, counted ? "Thank you for your vote!"
                                : "Thank you! That idea has had its vote from here today; come "
                                  "back tomorrow to vote for it again.");
    } else {
        r->status = store_wish_add(k->store, a->name, now, &err);
        if (r->status == VM_OK)
            say(r, cat, "Thank you for your wish! The staff will read it.");
    }
    if (r->status == VM_ERR_NOT_FOUND) {
        say(r, cat, "Sorry, that idea is no longer here.");
    } else if (r->status != VM_OK) {
        say(r, cat, "Sorry, that did not work. Please ask the staff.");
        logmsg(LOG_NOTICE, "a vote or wish was not saved: %s", err.msg);
    }
}

static void perform_delete_interest(kiosk *k, const ui_action *a, ui_action_result *r)
{
    vm_err err = {0};
    r->status = store_interest_delete(k->store, a->interest_id, &err);
    if (r->status == VM_OK) {
        logmsg(LOG_NOTICE, "staff deleted a wish to hear when (%s) on the screen",
               a->interest_id);
        say_staff(k, r, "It is deleted");
    } else if (r->status == VM_ERR_NOT_FOUND) {
        say_staff(k, r, "It was deleted already");
    } else {
        say_staff(k, r, "That did not work");
        logmsg(LOG_ERR, "a wish to hear when could not be deleted: %s", err.msg);
    }
}

/* "Hvem kom?": a tick, or the counts of who came without signing up; the list is read again
 * so the screen shows what is stored. */
static void perform_checkin(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    vm_err err = {0};
    if (a->kind == UI_ACTION_ADMIN_SET_CAME) {
        r->status = store_signup_set_came(k->store, a->signup_id, a->came, &err);
    } else {
        store_walkins w = {.children = a->children, .adults = a->adults, .seniors = a->seniors};
        r->status = store_walkins_set(k->store, a->uid, &w, now, &err);
    }
    if (r->status != VM_OK) {
        logmsg(LOG_NOTICE, "who came was not saved: %s", err.msg);
        say_staff(k, r, "That did not work");
        ui_action_result ignored = {0};
        kiosk_admin_load_signups(k, a->uid, &ignored);
        return;
    }
    kiosk_admin_load_signups(k, a->uid, r);
}

static void perform_staff_cancel(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    vm_err err = {0};
    int promoted = 0;
    r->status = store_cancel(k->store, a->signup_id, now, &promoted, &err);
    if (r->status != VM_OK) {
        utf8_copy(r->message, sizeof r->message, err.msg);
        return;
    }
    logmsg(LOG_NOTICE, "staff cancelled sign-up %s on the screen (%d moved up)",
            a->signup_id, promoted);
    kiosk_admin_load_signups(k, a->uid, r);
}

/* The clock floor from a staff stick was wrong: the kiosk counts from its own clock. */
static void perform_clock_reset(kiosk *k, ui_action_result *r)
{
    vm_err err = {0};
    int64_t was = 0;
    if (sync_clock_reset(k->store, &was, &err) != VM_OK) {
        r->status = err.status;
        utf8_copy(r->message, sizeof r->message, err.msg);
        return;
    }
    clock_clear_floor(k->clock);
    char iso[21];
    dktime_format_iso_utc(was, iso);
    logmsg(LOG_NOTICE, "the staff forgot the clock floor %s on the screen", iso);
    say_staff(k, r, "The kiosk counts from its own clock again.");
}

static void perform_revoke(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    vm_err err = {0};
    store_stick_key which;
    r->status = store_stick_key_revoke(k->store, a->stick_id, sync_effective_now(k->store, now),
                                       &which, &err);
    if (r->status != VM_OK) {
        utf8_copy(r->message, sizeof r->message, err.msg);
        return;
    }
    logmsg(LOG_NOTICE, "staff withdrew the stick %.8s on the screen", which.key_sha256);
}

static void perform(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    memset(r, 0, sizeof *r);
    switch (a->kind) {
    case UI_ACTION_JOIN:
    case UI_ACTION_CANCEL_WITH_CODE:
        perform_resident(k, a, now, r);
        break;
    case UI_ACTION_ADMIN_PIN:
        perform_pin(k, a, now, r);
        break;
    case UI_ACTION_ADMIN_AUTHORISE_STICK:
        perform_authorise(k, now, r);
        break;
    case UI_ACTION_ADMIN_EXPORT:
        perform_export(k, r);
        break;
    case UI_ACTION_ADMIN_LOAD_SIGNUPS:
        kiosk_admin_load_signups(k, a->uid, r);
        break;
    case UI_ACTION_ADMIN_CANCEL_SIGNUP:
        perform_staff_cancel(k, a, now, r);
        break;
    case UI_ACTION_ADMIN_REVOKE_STICK:
        perform_revoke(k, a, now, r);
        break;
    case UI_ACTION_ADMIN_RESTART:
        logmsg(LOG_NOTICE, "restarting, as asked on the staff screen");
        k->quit = true;
        break;
    case UI_ACTION_ADMIN_CLOCK_RESET:
        perform_clock_reset(k, r);
        break;
    case UI_ACTION_INTEREST:
        perform_interest(k, a, now, r);
        break;
    case UI_ACTION_ADMIN_DELETE_INTEREST:
        perform_delete_interest(k, a, r);
        break;
    case UI_ACTION_ADMIN_SET_CAME:
    case UI_ACTION_ADMIN_SET_WALKINS:
        perform_checkin(k, a, now, r);
        break;
    case UI_ACTION_VOTE:
    case UI_ACTION_WISH:
        perform_idea(k, a, now, r);
        break;
    }
}

bool kiosk_run_actions(kiosk *k)
{
    bool changed = false;
    ui_action a;
    while (ui_take_action(k->ui, &a)) {
        int64_t now_ms = clock_now_ms(k->clock);
        ui_action_result r;
        perform(k, &a, now_ms / 1000, &r);
        memset(&a, 0, sizeof a); /* the typed name, code and PIN go no further */
        now_ms = clock_now_ms(k->clock); /* the action may have moved the clock (its floor) */
        vm_err err = {0};
        if (kiosk_reload_model(k, now_ms / 1000, &err) != VM_OK)
            logmsg(LOG_ERR, "%s", err.msg);
        kiosk_refresh_model(k, now_ms / 1000);
        ui_action_done(k->ui, &k->model.ui, &r, now_ms);
        /* The answer may have opened the admin screen (the PIN): its facts are gathered now,
         * before the frame is built. */
        kiosk_refresh_model(k, now_ms / 1000);
        changed = true;
    }
    return changed;
}

