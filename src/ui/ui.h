/* ui: the kiosk's screens as a state machine that knows no SDL and no SQLite.
 *
 *   ui_handle(ui, model, event, now)  a pointer event, hit-tested against the last frame
 *   ui_tick(ui, model, now)           time passing: idle reset, idle screen, night, ticks
 *   ui_build(ui, model, now, frame)   the current screen as a draw list + widgets
 *   ui_take_action / ui_action_done   what the app must do (join, cancel, staff) and its answer
 *   ui_next_deadline(ui, now)         when the UI must be woken even without input
 *
 * Touch rules: a widget is pressed on down and fires on up inside the same widget; a drag
 * beyond a few millimetres turns the gesture into a scroll and fires nothing; a screen
 * ignores presses for a short guard time after it appears, so a double tap can never act on
 * the next screen. All time is `now_ms`, UTC milliseconds, passed in.
 *
 * Stable names (frame.screen, the dump): home (the week at a glance), program (every
 * activity as a detailed card), language (the chooser), contacts (who residents can ask),
 * detail, interest-name, interest-reach, interest-consent, interest-done ("Sig til, når der
 * sker noget"), ideas, wish, ideas-done ("Hvad savner du?"), join-name, join-household,
 * join-extra, join-done, cancel-name, cancel-code, cancel-done, idle, night, sync, sync-done,
 * too-small, admin-pin, admin, admin-signups, admin-sticks, admin-confirm, admin-test,
 * admin-checkin. Stable
 * widget ids:
 *   everywhere: back, title (the bar's heading), list, scroll-up, scroll-down, message (a
 *     message for the resident or the staff);
 *   home: lang (says the language in use; opens language), contacts ("Hvem kan jeg
 *     spørge?", when model.contacts has someone; its words where the header has room, else
 *     its pictogram), estate and date (where the header has room), clock (not a tap target: a 5 s press on it opens admin-pin when
 *     model.admin_enabled), day:<yyyy-mm-dd> (a day's calendar leaf, SELECTED for today;
 *     opens program at that day), card:<uid> (an activity's tile: pictogram, time, title),
 *     today-empty, program (the whole program, at the end of the week), notice,
 *     clock-warning, signups-paused;
 *   program: section:today|week|later, card:<uid> (the detailed cards);
 *   language: lang:<code> (each language in its own name; the one in use SELECTED);
 *   home also: ideas ("Hvad savner du?", after the whole program, when there are ideas);
 *   ideas: idea:<n> (the n-th idea from 0, its pictogram and words), wish ("write your
 *     own"); wish: the name screen's keys and field (`name`), next (sends); ideas-done:
 *     result, done;
 *   contacts: emergency (112, always first), contact:<n> (the n-th contact from 0: name,
 *     role, phone, hours in its label), qr:<n> (its tel: code, "Scan and call");
 *   detail: join, join-reason, cancel-signup, task:<task id>, interest ("Sig til, når der
 *     sker noget"), qr, qr-text, places, host, ...;
 *   interest-reach: by-phone, by-flat (SELECTED: the one in use), number (the digits typed),
 *     digit:0..digit:9, key:backspace, next; interest-consent: consent (the words), confirm;
 *     interest-done: result, done;
 *   the flows: name, context, key:<lower-case character>, key:shift, key:space,
 *     key:backspace, next, adults-, adults+, children-, children+ (adults, children: the
 *     counts), heads, more (join-household on to join-extra), company, digit:0..digit:9,
 *     code, confirm (join-household and join-extra), done, result (what join-done and
 *     cancel-done say; cancel-done names the activity), code-repeat (join-done: the code
 *     chosen, bullets in the label), suggestion;
 *   idle: wake (the whole screen; any press wakes), clock, date, idle-today, idle-tomorrow,
 *     idle-item:<uid>, qr, qr-text (what scanning does), qr-for (which activity, always
 *     with the code; on a low screen the code and the highlights take turns);
 *   night: wake (the one widget: the whole black screen, tappable);
 *   sync: phase, progress ("40 %"), sync-hint; sync-done: result, message, ok;
 *   too-small: too-small, too-small-detail;
 *   admin-pin: pin, digit:0..digit:9, key:backspace, confirm; admin: info:clock, info:sync,
 *     info:stick, info:config, info:version, info:kiosk, info:database, stick-reason,
 *     admin-signups (the bar's way forward), admin-sticks, admin-export,
 *     admin-test-pattern, admin-restart; admin-sticks: admin-authorise-stick (the bar's way
 *     forward), stick-reason, staff-keys, stick:<id> and admin-revoke:<id> (an active stick);
 *     admin-signups: admin-interests ("Sig til": the wishes), then interest:<id> and
 *     admin-delete-interest:<id>; admin-activity:<uid>, then admin-checkin (the bar's way
 *     forward: "Hvem kom?"),
 *     signup:<sign-up id> and admin-cancel:<sign-up id>; admin-confirm: question, confirm;
 *     admin-test: touch-pos, test:<row>:<column> (SELECTED once touched);
 *     admin-checkin: walkin-children, walkin-adults, walkin-seniors (the counts; each with
 *     <id>- and <id>+), came:<sign-up id> (a toggle, SELECTED when ticked), came-summary.
 * Card labels read "<title> · <when> · <places>". The code's and the PIN's labels show
 * bullets, never the digits; on the screen a code's digits are dots too, but the one just
 * typed shows for UI_CODE_PEEK_MS (ui_next_deadline asks to be woken to hide it). Sizes:
 * every tappable widget is at least 16 mm both ways and every text at least 22 pt on the
 * configured panel (theme.h); a screen that cannot hold its things at that size arranges
 * them otherwise (fewer beside each other, words over buttons, a title out of the bar, what
 * only helps left out) and never cuts a word.
 *
 * When which screen shows by itself (the idle reset, the idle screen, night, the stick's
 * screens, too-small, the burn-in shift) is written in docs/screens.md; tests/ui holds the
 * ui to it.
 *
 * Languages: a right-to-left language (Arabic, Urdu) mirrors the layout, and a line that
 * mixes directions is drawn as several DRAW_TEXT runs, each of one direction and one script,
 * in visual order (draw.h); widget labels keep the whole sentence. The admin screens speak
 * Danish or English (the current language when it is one of them, else Danish).
 *
 * Ownership: ui_new returns a ui the caller frees with ui_free (NULL-safe). The model is
 * owned by the caller and must stay valid and unchanged between ui_build and the next call;
 * the ui keeps no pointers into it across calls except the uid strings it copies.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_UI_H
#define VM_UI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/contact.h"
#include "core/idea.h"
#include "core/interest.h"
#include "core/err.h"
#include "core/i18n.h"
#include "ui/draw.h"
#include "ui/ui_activity.h"

/* How a passer-by's phone reads an activity's QR code (decides the line under it). */
typedef enum ui_qr_kind {
    UI_QR_NONE = 0,
    UI_QR_URL,      /* "Scan og tilmeld dig" */
    UI_QR_SMS,      /* "Scan og send en sms til værten" */
    UI_QR_CALENDAR  /* "Scan og tilføj til din kalender" */
} ui_qr_kind;

/* What the UI knows of one activity: the activity (its texts owned by whoever owns the
 * entries: ui_activity.h), its public counts, its QR code. */
typedef struct ui_entry {
    ui_activity act;
    activity_counts counts;
    const uint8_t *qr; /* qr_size*qr_size modules (1 = dark), or NULL: no code to show */
    int qr_size;
    ui_qr_kind qr_kind;
} ui_entry;

/* One person or place residents can ask ("Hvem kan jeg spørge?"), from the staff's stick
 * (kontakter.csv), with its phone number as a tel: QR code. */
typedef struct ui_contact {
    contact c;
    const uint8_t *qr; /* qr_size*qr_size modules (1 = dark) of "tel:<number>", or NULL */
    int qr_size;
    const uint8_t *photo; /* photo_w x photo_h RGB pixels (the staff's photo), or NULL */
    int photo_w, photo_h;
} ui_contact;

/* The USB stick as the app (sync module) sees it. The ui reacts to changes of `state`. */
typedef enum ui_stick_state {
    UI_STICK_NONE = 0, /* no stick, or a finished one taken out */
    UI_STICK_SYNCING,  /* an authorised stick is being read and written: `phase`, `fraction` */
    UI_STICK_DONE,     /* finished: `message` is the summary ("12 nye aktiviteter, ...") */
    UI_STICK_REFUSED,  /* not a staff stick, or a bad line in the program: `message` */
    UI_STICK_FAILED    /* the sync could not be done (full, pulled out, ...): `message` */
} ui_stick_state;

typedef struct ui_stick {
    ui_stick_state state;
    const char *phase;   /* SYNCING: what is being done, translated ("Læser programmet"), or NULL */
    double fraction;     /* SYNCING: 0..1 done (clamped) */
    const char *message; /* DONE/REFUSED/FAILED: plain words, translated by the app, or NULL */
} ui_stick;

/* How the kiosk's clock looks to the app (admin screen). */
typedef enum ui_clock_status {
    UI_CLOCK_OK = 0,
    UI_CLOCK_BEHIND_IMPORT, /* before the time a stick brought (the floor): raised to it */
    UI_CLOCK_BEFORE_BUILD   /* before the date this kiosk was built */
} ui_clock_status;

/* One line of the configuration file the kiosk could not use. */
typedef struct ui_config_problem {
    int line;            /* line number in the file (0: not tied to a line) */
    const char *message; /* plain words: "night: write it like 23:00-06:00" */
} ui_config_problem;

/* One staff stick the kiosk knows (admin-sticks). */
typedef struct ui_admin_stick {
    char id[9];          /* the first 8 characters of its key's SHA-256, as `stick list` */
    const char *label;   /* "" = none given */
    int64_t created;     /* UTC seconds */
    int64_t expires;     /* 0 = never */
    int64_t last_used;   /* 0 = never */
    int64_t revoked;     /* 0 = in use, else when it was withdrawn */
    bool expired;        /* run out (by the app's clock) */
    bool in_slot;        /* the stick that is in now */
} ui_admin_stick;

/* What the admin screens show. The app fills it only while ui_admin_open() is true (and may
 * leave it NULL otherwise); the names in `signups` are for staff only and never reach a
 * public screen. All strings are owned by the app and are valid until the next call. */
typedef struct ui_admin_info {
    const char *version;       /* "0.4.0" */
    const char *kiosk_id;      /* the kiosk's id in exports */
    const char *sync_device;   /* this machine's Syncthing device id, for the office to add
                                  it (deploy/syncthing/); NULL or "" = none */
    bool sync_folder;          /* a synced folder is set (sync_folder): without a device id
                                  the screen says none was found */
    const char *kiosk_key;     /* the fingerprint of this kiosk's own key pair ("7F3A-91C2-
                                  0B4D-EE10"), to compare with `vaermed kiosk key` when the
                                  estate's kiosks are told of each other (estate_kiosk_key);
                                  NULL or "" = none (the kiosk cannot read its secret) */
    int64_t db_bytes;          /* size of the database files; < 0 = unknown */
    int64_t last_sync;         /* UTC seconds of the last sync with a stick; 0 = never */
    const char *last_sync_summary; /* its summary, translated, or NULL */
    ui_clock_status clock_status;
    int64_t clock_floor;       /* BEHIND_IMPORT/BEFORE_BUILD: the time the clock should be at
                                  least (UTC seconds), or 0 */
    const ui_config_problem *config_problems;
    size_t n_config_problems;
    bool stick_present;        /* a stick is mounted now */
    bool stick_authorised;     /* ... and carries this kiosk's key */
    /* admin-signups: the sign-ups of the activity asked for with UI_ACTION_ADMIN_LOAD_SIGNUPS
     * (all statuses, in the order the app wants them shown); `signups_uid` says whose they are,
     * so a list of another activity is never shown. Refreshed after a cancel. */
    const char *signups_uid;
    const signup *signups;
    size_t n_signups;
    /* admin-sticks: the staff sticks (newest first), and the fingerprints of the staff keys
     * the names are sealed to ("7F3A-91C2-0B4D-EE10, ..."; NULL or "": none, so no names
     * leave the kiosk) */
    const ui_admin_stick *sticks;
    size_t n_sticks;
    const char *staff_keys;
    /* admin-signups: who asked to hear when something is on ("Sig til"), newest first; names
     * and numbers for staff only. Refreshed after a delete. */
    const interest *interests;
    size_t n_interests;
    /* admin-checkin ("Hvem kom?"): who came without signing up to `signups_uid`'s activity,
     * by age group; loaded with its sign-ups. */
    int walkin_children, walkin_adults, walkin_seniors;
} ui_admin_info;

/* Everything the screens show, refreshed by the app after each change. */
typedef struct ui_model {
    const ui_entry *entries;  /* upcoming and recent activities, ordered by start */
    size_t n_entries;
    const i18n_catalog *const *langs; /* langs[0] is the default language */
    size_t n_langs;
    const char *estate_name;  /* "Fælleshuset, Solbakken" */
    const char *notice;       /* a short message for everyone (stick refused, ...), or NULL */
    bool clock_suspect;       /* the clock is behind the newest import or the build date: the
                                 home screen asks residents to tell the staff, the admin screen
                                 says what is wrong */
    /* --- added for the idle, night, sync and admin screens (all zero = as before) --- */
    bool night;               /* inside the configured night hours (the app decides): the
                                 screen goes black when nobody touches it (see above) */
    ui_stick stick;           /* the USB stick's state, set by the app while it syncs */
    bool admin_enabled;       /* a staff PIN is configured: holding `clock` opens admin-pin;
                                 false: the gesture does nothing */
    const ui_admin_info *admin; /* filled while ui_admin_open(); NULL otherwise is fine */
    /* Codes made when a screen needs them: an entry may come with qr_kind set but qr NULL;
     * a screen about to show its code calls need_qr(need_qr_ctx, entry), which fills that
     * entry's qr and qr_size (or leaves qr NULL when no readable code can be made). The app
     * owns the entries, so it may write them. NULL: every code is already in `qr`. This keeps
     * a program of 2,000 activities from costing 2,000 encodings before the first frame. */
    void (*need_qr)(void *ctx, const ui_entry *entry);
    void *need_qr_ctx;
    /* Changes whenever `entries` change (the app counts its reloads). The home screen keeps
     * its week's layout and the whole program its cards' measurements while the generation,
     * the minute, the panel and the language stay, so a frame or a scroll does not measure
     * every activity again. 0: unknown, nothing is kept. */
    unsigned long generation;
    /* The kiosk cannot save sign-ups now (its database is read-only or damaged): it shows
     * the program, says so on the home screen, and every "Sign up" is closed with that
     * reason. */
    bool signups_paused;
    /* Who residents can ask, in the staff's order (at most CONTACTS_MAX): home shows the way
     * to `contacts` only when there is someone. Not names of residents: the staff's own. */
    const ui_contact *contacts;
    size_t n_contacts;
    /* How many days the kiosk keeps what residents leave (the config's retention_days), said
     * in the consent of "Sig til, når der sker noget"; 0: not said in days. */
    int retention_days;
    /* "Hvad savner du?": the staff's ideas (at most IDEAS_MAX); home shows the way to them
     * only when there are some. */
    const idea *ideas;
    size_t n_ideas;
} ui_model;

typedef enum ui_input_kind {
    UI_IN_DOWN = 0, /* finger or mouse button down at x, y */
    UI_IN_MOVE,     /* moved while down */
    UI_IN_UP,       /* released at x, y */
    UI_IN_CANCEL,   /* the gesture was lost (window left, touch cancelled) */
    UI_IN_WHEEL,    /* mouse wheel: dy > 0 scrolls up (as SDL) */
    UI_IN_TEXT,     /* text from a physical keyboard (development, staff) in `text` */
    UI_IN_KEY_BACK  /* a physical Escape/Backspace-to-go-back (development) */
} ui_input_kind;

typedef struct ui_input {
    ui_input_kind kind;
    int x, y;
    int dy;
    char text[32];
} ui_input;

typedef enum ui_action_kind {
    UI_ACTION_JOIN = 1,         /* make a sign-up with the fields below */
    UI_ACTION_CANCEL_WITH_CODE, /* cancel uid's sign-up matching name + code */
    /* Staff, from the admin screens. Each is answered with ui_action_done: VM_OK moves on,
     * anything else shows `message` (the app words it, also for success where it wants
     * to say something, e.g. where the export was written). */
    UI_ACTION_ADMIN_PIN,        /* check `pin` against the staff PIN (the app rate-limits
                                   wrong ones and says how long to wait); VM_OK opens admin */
    UI_ACTION_ADMIN_AUTHORISE_STICK, /* write this kiosk's key to the stick mounted now */
    UI_ACTION_ADMIN_EXPORT,     /* export sign-ups etc. now to the mounted authorised stick */
    UI_ACTION_ADMIN_LOAD_SIGNUPS, /* fill model.admin->signups with `uid`'s sign-ups */
    UI_ACTION_ADMIN_CANCEL_SIGNUP, /* cancel sign-up `signup_id` of `uid` (as staff: no code;
                                      the waiting list moves); refresh the sign-ups after */
    UI_ACTION_ADMIN_RESTART,    /* restart the kiosk (the app exits; systemd starts it again);
                                   answer first if it can, nothing is shown after */
    UI_ACTION_ADMIN_CLOCK_RESET, /* forget the clock floor a staff stick set (a wrong one); the
                                    kiosk counts from its own clock again. Offered when
                                    admin->clock_status is UI_CLOCK_BEHIND_IMPORT */
    UI_ACTION_ADMIN_REVOKE_STICK, /* withdraw the staff stick `stick_id` (confirmed first) */
    /* "Sig til, når der sker noget": a resident leaves `name` and `reach` (digits: a phone
     * number, or a flat number when `by_flat`) to hear when an activity like `uid` is on.
     * Answered like a join: VM_OK shows interest-done, else `message` on interest-consent. */
    UI_ACTION_INTEREST,
    UI_ACTION_ADMIN_DELETE_INTEREST, /* delete the wish `interest_id` (confirmed first);
                                        refresh model.admin->interests after */
    /* "Hvem kom?" (admin-checkin), for activity `uid`; refresh its sign-ups and walk-ins: */
    UI_ACTION_ADMIN_SET_CAME,     /* sign-up `signup_id` came (`came`) or not */
    UI_ACTION_ADMIN_SET_WALKINS,  /* who came without signing up: `children`, `adults`,
                                     `seniors` (65+) */
    /* "Hvad savner du?": a vote for the idea `idea_title`, or a short wish in `name`.
     * VM_OK shows ideas-done with `message` (or a plain thanks); the app says there when the
     * idea had its vote from this kiosk today already. */
    UI_ACTION_VOTE,
    UI_ACTION_WISH,
} ui_action_kind;

typedef struct ui_action {
    ui_action_kind kind;
    char uid[ACT_UID_MAX];
    int64_t task_id;            /* 0 = participant */
    char name[SIGNUP_NAME_BYTES];
    int adults, children;
    bool wants_company;
    char code[8];               /* "" or 4 digits, as typed; the app hashes it */
    char pin[16];               /* ADMIN_PIN: 4 to 8 digits as typed; wipe after use */
    char signup_id[SIGNUP_ID_MAX]; /* ADMIN_CANCEL_SIGNUP: the sign-up's id */
    char stick_id[9];           /* ADMIN_REVOKE_STICK: the stick's id (ui_admin_stick.id) */
    char reach[INTEREST_REACH_MAX]; /* INTEREST: digits, as typed */
    bool by_flat;               /* INTEREST: `reach` is a flat number, not a phone number */
    char interest_id[SIGNUP_ID_MAX]; /* ADMIN_DELETE_INTEREST */
    bool came;                  /* ADMIN_SET_CAME */
    char idea_title[IDEA_TITLE_MAX]; /* VOTE */
    int seniors;                /* ADMIN_SET_WALKINS (with adults, children) */
} ui_action;

typedef struct ui_action_result {
    vm_status status;           /* VM_OK: done; else `message` says why, in plain words */
    signup_status signup_status;/* for a join: confirmed or waiting */
    int waiting_position;
    char message[256];          /* already translated (the app uses the ui's catalog) */
} ui_action_result;

typedef struct ui_options {
    int width, height;          /* window pixels */
    double px_per_mm;           /* the panel's density (screen_inches and the resolution), for
                                   16 mm targets and 22 pt text; 0 = the usual panel of the
                                   window's resolution (ui_panel_inches in theme.h) */
    int64_t idle_ms;            /* back to home after this long without a touch (60000) */
    size_t default_lang;        /* index into model.langs */
    int64_t idle_screen_ms;     /* home at rest -> the idle screen after this long without a
                                   touch; 0 = idle_ms */
    int64_t night_wake_ms;      /* at night, dark again this long after the last touch;
                                   0 = 120000 */
} ui_options;

/* The smallest window the screens are laid out for (landscape; portrait is the same turned):
 * the 7" 800x480 panel, the smallest that holds 16 mm targets and 22 pt text with room for
 * the week. Below it the `too-small` screen says so. */
#define UI_MIN_WIDTH 800
#define UI_MIN_HEIGHT 480

/* How long the hidden gesture is: a press held on `clock` for this long opens admin-pin. */
#define UI_ADMIN_HOLD_MS 5000
/* How long sync-done stays without a touch (a refused stranger's stick: briefly). */
#define UI_SYNC_DONE_MS 30000
#define UI_SYNC_REFUSED_MS 10000
/* Burn-in: the day screens move to a new position (a few pixels) this often; the idle
 * screen's content moves every UI_IDLE_MOVE_MS. */
#define UI_SHIFT_PERIOD_MS (5 * 60000)
#define UI_IDLE_MOVE_MS (3 * 60000)
/* A digit of a code shows this long after it is typed, then it is a dot like the others. */
#define UI_CODE_PEEK_MS 1200
/* ui_next_deadline's answer when nothing needs a wake-up (the night screen). */
#define UI_NO_DEADLINE INT64_MAX

typedef struct ui ui;

ui *ui_new(const ui_options *opt);
void ui_free(ui *u);

/* A new window size: the layout and font sizes follow. */
void ui_resize(ui *u, int width, int height);

/* Pixel size of each font role for the current window size (index by ui_font). The app
 * opens its fonts at these sizes. */
void ui_font_sizes(const ui *u, int sizes[UI_FONT_COUNT]);

/* Handles one pointer or text event. Returns true when the picture may have changed. */
/* (Named ui_handle, not ui_input: ui_input is the event type.) */
bool ui_handle(ui *u, const ui_model *m, const ui_input *in, int64_t now_ms);

/* Lets time pass: the idle reset (after idle_ms without input: what was typed is wiped, the
 * language goes back to the default, home at the top of the list), the idle screen, night,
 * the hold on the clock (it fires while the finger is still down), sync-done going away by
 * itself, the burn-in shift and the minute tick (the clock and the "om 20 min." texts). It
 * also notices model changes (night, the stick) as ui_handle and ui_build do. Returns true
 * when the picture may have changed. */
bool ui_tick(ui *u, const ui_model *m, int64_t now_ms);

/* When the UI next needs ui_tick even without input (the idle reset, the idle screen, going
 * dark at night, the end of a hold on the clock, sync-done's timeout, the next minute for the
 * clock and "om 20 min." texts, the end of a new screen's press guard), as UTC ms; never in
 * the past of `now_ms`. An idle kiosk at home wakes once a minute; the night screen needs no
 * wake-up at all (UI_NO_DEADLINE): the app wakes itself when the night ends (or a stick
 * comes), updates the model and calls ui_tick. */
int64_t ui_next_deadline(const ui *u, int64_t now_ms);

/* Builds the current screen into `out` (reset first). */
void ui_build(ui *u, const ui_model *m, const ui_measure *measure, int64_t now_ms,
              ui_frame *out);

/* Takes the next pending action; false when there is none. While an action is pending (until
 * ui_action_done) the screen shows that it is working ("Et øjeblik…") and ignores taps, so a
 * double tap gives one action; no idle reset and no night interrupt it. The action holds
 * what was typed (a name, a code, the PIN): wipe it after use. */
bool ui_take_action(ui *u, ui_action *out);

/* The app's answer to the action taken last: the flow moves on (confirmation, waiting list
 * place) or shows the message. For the staff's actions: ADMIN_PIN VM_OK opens `admin`, else
 * `message` (or "Koden er forkert") shows on admin-pin; LOAD_SIGNUPS VM_OK shows the list in
 * model.admin (it must be there, with signups_uid, by the next ui_build); the others show
 * `message` on the screen they came from (CANCEL_SIGNUP and RESTART go back from
 * admin-confirm), in a calm green for VM_OK. An answer after the screens were left is
 * ignored. */
void ui_action_done(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);

/* The current screen's name (as in the frame), and the language in use. */
const char *ui_screen_name(const ui *u);
size_t ui_lang(const ui *u);

/* Leaves any flow and goes home, wiping what was typed (used by the app for a stick, night
 * mode, and by the idle reset, which also restores the default language). Leaves the admin
 * screens too and forgets that the PIN was given. (The app need not call it for a stick or
 * night: the ui does that itself when model.stick / model.night change.) */
void ui_go_home(ui *u, int64_t now_ms);

/* The screen shown when the kiosk cannot start (a foreign or damaged database, an unwritable
 * data folder): `error`, in the catalog's words ("Skærmen kan ikke starte lige nu. Sig det til
 * personalet. Intet er gået tabt."), with `detail` (the reason, for the staff) under it.
 * Needs no model; the fonts are those of ui_font_sizes. */
void ui_build_error(ui *u, const i18n_catalog *cat, const ui_measure *measure,
                    const char *detail, ui_frame *out);

/* True while an admin screen behind the PIN is open (admin, admin-signups, admin-sticks,
 * admin-confirm,
 * admin-test): the app fills model.admin then, and drops it (and the names in it) when this
 * turns false. */
bool ui_admin_open(const ui *u);

#endif
