/* kiosk_internal: the state the kiosk's files share (struct kiosk). Not a public contract.
 *
 * The files call one another one way only, top to bottom (each file's functions are declared
 * in its own header; tests/architecture/check_layers.sh refuses an include that points up):
 *   kiosk.c          the loop: opening, events, closing
 *   kiosk_hooks.c    the test hooks: automation commands, the benchmark's statistics
 *   kiosk_actions.c  what residents and staff ask for on the screen
 *   kiosk_sticks.c   the USB stick and the synced folder: a sync with its progress
 *   kiosk_health.c   helbred.txt and the screen's picture on the staff stick
 *   kiosk_update.c   a new Vær med from a staff stick
 *   kiosk_model.c    the model the screens are built from
 *   kiosk_admin.c    the staff screen's state
 *   kiosk_clock.c    the time the kiosk trusts for erasing names
 *   kiosk_screen.c   presenting a frame, the night's power, the pointer, languages, watchdog
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_KIOSK_INTERNAL_H
#define VM_KIOSK_KIOSK_INTERNAL_H

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

/* The staff screen's state: what it shows (`info`, pointing into the fields here), gathered
 * only while it is open (names only here, never public), and the staff PIN's lockout. */
typedef struct kiosk_admin {
    ui_admin_info info;
    char kiosk_id[KIOSK_ID_MAX];
    char last_sync_summary[2048];
    ui_config_problem problems[CONFIG_PROBLEMS_MAX];
    char signups_uid[ACT_UID_MAX];
    store_stick_key stick_rows[ADMIN_STICKS_MAX]; /* admin-sticks, newest first */
    ui_admin_stick sticks[ADMIN_STICKS_MAX];
    char staff_keys[(SEAL_FINGERPRINT_MAX + 2) * SEAL_MAX_RECIPIENTS];
    char kiosk_key[SEAL_FINGERPRINT_MAX]; /* this kiosk's own key pair, as a fingerprint */
    signup *signups;          /* malloc'd; wiped and freed when the admin screen closes */
    size_t n_signups;
    store_walkins walkins;    /* "Hvem kom?": of signups_uid's activity */
    interest *interests;      /* "Sig til": malloc'd, read while the admin screen is open;
                                 wiped and freed when it closes */
    size_t n_interests;
    code_limiter pin_limiter; /* wrong staff PINs */
} kiosk_admin;

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
    char folder_update[320];  /* the update in the synced folder last handed on or refused
                                 ("name size mtime"): not copied and said again each sync */
    char sync_device[80];     /* this machine's Syncthing device id; "" = none found */
    kiosk_stick stick;        /* what the sync screen shows */
    sync_sticks present;      /* stick folders mounted now (from the last watcher event) */
    bool read_only;           /* the database cannot be written: sign-up is paused */
    char read_only_reason[VM_ERR_MSG_MAX];
    int64_t started_ms;       /* monotonic, when the kiosk started */
    bool screen_off;          /* switched off for the night screen (backlight, DPMS) */
    bool cursor_console;      /* on the bare console: the kiosk shows and hides the pointer */
    bool cursor_shown;
    kiosk_admin admin;        /* the staff screen (kiosk_admin.h) */
    int64_t watchdog_ms;      /* 0 = no systemd watchdog */
    int64_t last_ping_ms;     /* monotonic */
    /* The time trusted for erasing names (clock_trusted): this run's start, the trusted time
     * the runs before got to, and the unfloored clock at the start (ms). */
    int64_t trust_start, trust_last, trust_start_unfloored_ms, trust_saved;
    bool trust_said;          /* the journal was told that names wait for the clock */
    bool quit;
} kiosk;

#endif
