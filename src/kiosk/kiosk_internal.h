/* kiosk_internal: what the kiosk's files share (kiosk.c: the loop and its events;
 * kiosk_actions.c: what residents and staff ask for on the screen; kiosk_sticks.c: the USB
 * stick; kiosk_model.c: the model the screens are built from). Not a public contract.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_APP_KIOSK_INTERNAL_H
#define VM_APP_KIOSK_INTERNAL_H

#include <SDL.h>
#include <stdio.h>

#include "kiosk/automation.h"
#include "services/clock.h"
#include "platform/dbwatch.h"
#include "platform/syncfolder.h"
#include "kiosk/input.h"
#include "kiosk/kiosk.h"
#include "config/langs.h"
#include "kiosk/model.h"
#include "services/signing.h"
#include "kiosk/sticks.h"
#include "platform/waiter.h"
#include "render/render.h"
#include "seal/seal.h"
#include "store/store.h"
#include "ui/ui.h"

/* The staff sticks the staff screen lists (the newest; `vaermed stick list` has them all). */
#define ADMIN_STICKS_MAX 32

/* The USB stick as the sync screen shows it (its state is the ui's own). */
typedef struct kiosk_stick {
    ui_stick_state state;
    double fraction;
    char text[2048];             /* the phase while syncing, then the summary */
    char path[SYNC_WATCH_PATH_MAX]; /* the stick shown */
} kiosk_stick;

/* Everything the loop works with, so the steps can be functions with one argument. */
typedef struct kiosk {
    const kiosk_options *opt;
    vm_clock *clock;
    render *render;
    store *store;
    ui *ui;
    langs langs;
    kiosk_model model;
    ui_frame shown, next;
    bool have_shown, force_present;
    FILE *dump;
    unsigned long seq;
    automation *automation;
    input_state input;
    cancel_limiter limiter;   /* wrong cancel codes, per name */
    code_key code_key;        /* the kiosk's secret for cancel codes (secret.h) */
    int64_t model_loaded_at;  /* UTC seconds */
    int win_w, win_h, out_w, out_h;
    unsigned long wakeups;    /* loop iterations: the benchmark's idle measure */
    unsigned long input_ticks;/* SDL timestamp of the last pointer event handled */
    sticks *sticks;           /* the USB stick watcher; NULL when it could not start */
    waiter *waiter;           /* how the loop sleeps */
    dbwatch *dbwatch;         /* other processes' changes to the database; NULL = none */
    int64_t data_version;     /* store_data_version when the model was last loaded */
    syncfolder *syncfolder;   /* the synced folder (sync_folder); NULL = none */
    char sync_device[80];     /* this machine's Syncthing device id; "" = none found */
    kiosk_stick stick;        /* what the sync screen shows */
    sync_sticks present;      /* stick folders mounted now (from the last watcher event) */
    code_limiter pin_limiter; /* wrong staff PINs */
    bool read_only;           /* the database cannot be written: sign-up is paused */
    char read_only_reason[VM_ERR_MSG_MAX];
    int64_t started_ms;       /* monotonic, when the kiosk started */
    bool screen_off;          /* switched off for the night screen (backlight, DPMS) */
    bool cursor_console;      /* on the bare console: the kiosk shows and hides the pointer */
    bool cursor_shown;
    /* The admin screen's data, filled while it is open (names only here, never public). */
    ui_admin_info admin;
    char admin_kiosk_id[KIOSK_ID_MAX];
    char admin_last_sync_summary[2048];
    ui_config_problem admin_problems[CONFIG_PROBLEMS_MAX];
    char admin_signups_uid[ACT_UID_MAX];
    store_stick_key admin_stick_rows[ADMIN_STICKS_MAX]; /* admin-sticks, newest first */
    ui_admin_stick admin_sticks[ADMIN_STICKS_MAX];
    char admin_staff_keys[(SEAL_FINGERPRINT_MAX + 2) * SEAL_MAX_RECIPIENTS];
    signup *admin_signups;    /* malloc'd; wiped and freed when the admin screen closes */
    size_t n_admin_signups;
    store_walkins admin_walkins; /* "Hvem kom?": of admin_signups_uid's activity */
    interest *admin_interests; /* "Sig til": malloc'd, read while the admin screen is open;
                                  wiped and freed when it closes */
    size_t n_admin_interests;
    int64_t watchdog_ms;      /* 0 = no systemd watchdog */
    int64_t last_ping_ms;     /* monotonic */
    /* The time trusted for erasing names (clock_trusted): this run's start, the trusted time
     * the runs before got to, and the unfloored clock at the start (ms). */
    int64_t trust_start, trust_last, trust_start_unfloored_ms, trust_saved;
    bool trust_said;          /* the journal was told that names wait for the clock */
    bool quit;
} kiosk;

/* Builds the current screen and presents it when the picture changed (or must be redrawn);
 * writes the dump line. */
void kiosk_present_if_changed(kiosk *k);

/* Reloads the activities around `now` into the model. */
vm_status kiosk_reload_model(kiosk *k, int64_t now, vm_err *err);

/* Reloads the model when another process changed the database since it was loaded
 * (store_data_version); true when it did. */
bool kiosk_reload_if_changed(kiosk *k);

/* Fills the model's fields that are not activities (stick, night, clock, admin) from the
 * kiosk's state; called before every ui call that reads the model. */
void kiosk_refresh_model(kiosk *k, int64_t now);

/* Notes the clock at the start of a run, for the trust in it (clock_trusted). */
void kiosk_trust_begin(kiosk *k);

/* Erases names and codes of sign-ups whose activity ended more than the retention before
 * the time the kiosk trusts (clock_trusted), and remembers how far that trust got. */
void kiosk_purge_old_personal_data(kiosk *k, int64_t now);

/* The language the resident is using now. */
const i18n_catalog *kiosk_current_catalog(const kiosk *k);
/* The kiosk's first language: the staff's. */
const i18n_catalog *kiosk_staff_catalog(const kiosk *k);

/* Runs every action the ui has pending; true when something was done. */
bool kiosk_run_actions(kiosk *k);

/* A stick was put in or taken out. Frees `ev`. */
bool kiosk_handle_sticks(kiosk *k, sticks_event *ev);
/* Syncs the synced folder (sync_folder) as a stick, quietly: residents go on using the
 * screen; the summary goes to the journal and the staff screen. */
void kiosk_sync_folder(kiosk *k);
/* Runs a whole sync with the stick at `path`, showing its progress. */
void kiosk_sync_stick(kiosk *k, const char *path);

void kiosk_ping_watchdog_if_due(kiosk *k);

/* After a staff stick's sync: what the update installer did last, and a signed new Vær med
 * from the stick checked and handed to it; one sentence each appended to `text`. */
void kiosk_update_from_stick(kiosk *k, const char *stick, char *text, size_t size);

/* Whether the clock can be trusted, and if not the time it should be at least (UTC). */
ui_clock_status kiosk_clock_check(kiosk *k, int64_t *floor);

/* A picture of what residents see now (the last frame shown), as PNG; NULL when it cannot
 * be made. The caller frees it. */
unsigned char *kiosk_snapshot(kiosk *k, size_t *len);

/* Writes helbred.txt and the picture `png` (may be NULL) into the kiosk's folder on the
 * staff stick at `path`; says in the journal what could not be written. */
void kiosk_health_to_stick(kiosk *k, const char *path, const sync_options *opt,
                           const char *kiosk_id, const unsigned char *png, size_t png_len);

/* Reads the staff PIN's lockout kept in the database (facts pin_wrong, pin_locked_until). */
void kiosk_load_pin_limiter(kiosk *k);

/* Wipes and frees the staff's list of sign-ups (names) once the admin screen is closed. */
void kiosk_forget_admin_signups(kiosk *k);
/* Wipes and frees the wishes ("Sig til") the admin screen showed. */
void kiosk_forget_admin_interests(kiosk *k);

#endif
