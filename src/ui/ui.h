/* ui: the kiosk's screens as a state machine that knows no SDL and no SQLite.
 *
 *   ui_handle(ui, model, event, now)  a pointer event, hit-tested against the last frame
 *   ui_tick(ui, model, now)           time passing: idle reset, the minute tick
 *   ui_build(ui, model, now, frame)   the current screen as a draw list + widgets
 *   ui_take_action / ui_action_done   what the app must do (join, cancel) and its answer
 *   ui_next_deadline(ui, now)         when the UI must be woken even without input
 *
 * Touch rules: a widget is pressed on down and fires on up inside the same widget; a drag
 * beyond a few millimetres turns the gesture into a scroll and fires nothing; a screen
 * ignores presses for a short guard time after it appears, so a double tap can never act on
 * the next screen. All time is `now_ms`, UTC milliseconds, passed in.
 *
 * Stable names (frame.screen, the dump): home, detail, join-name, join-household, join-extra,
 * join-done, cancel-name, cancel-code, cancel-done. Stable widget ids: back, lang, list,
 * scroll-up, scroll-down, card:<uid>, join, join-reason, cancel-signup, task:<task id>, qr,
 * places, name, key:<lower-case character>, key:shift, key:space, key:backspace, next,
 * adults-, adults+, children-, children+, company, digit:0..digit:9, code, confirm, done,
 * message (a message for the resident), result (what join-done/cancel-done say). Card labels
 * read "<title> · <when> · <places>". The code's label shows bullets, never the digits.
 *
 * Ownership: ui_new returns a ui the caller frees with ui_free (NULL-safe). The model is
 * owned by the caller and must stay valid and unchanged between ui_build and the next call;
 * the ui keeps no pointers into it across calls except the uid strings it copies.
 */
#ifndef VM_UI_UI_H
#define VM_UI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"
#include "core/i18n.h"
#include "ui/draw.h"

/* How a passer-by's phone reads an activity's QR code (decides the line under it). */
typedef enum ui_qr_kind {
    UI_QR_NONE = 0,
    UI_QR_URL,      /* "Scan og tilmeld dig" */
    UI_QR_SMS,      /* "Scan og send en sms til værten" */
    UI_QR_CALENDAR  /* "Scan og tilføj til din kalender" */
} ui_qr_kind;

/* What the UI knows of one activity: the activity, its public counts, its QR code. */
typedef struct ui_entry {
    activity act;
    activity_counts counts;
    const uint8_t *qr; /* qr_size*qr_size modules (1 = dark), or NULL: no code to show */
    int qr_size;
    ui_qr_kind qr_kind;
} ui_entry;

/* Everything the screens show, refreshed by the app after each change. */
typedef struct ui_model {
    const ui_entry *entries;  /* upcoming and recent activities, ordered by start */
    size_t n_entries;
    const i18n_catalog *const *langs; /* langs[0] is the default language */
    size_t n_langs;
    const char *estate_name;  /* "Fælleshuset, Solbakken" */
    const char *notice;       /* a short message for everyone (stick refused, ...), or NULL */
    bool clock_suspect;       /* the clock is behind the newest import or the build date */
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
} ui_action_kind;

typedef struct ui_action {
    ui_action_kind kind;
    char uid[ACT_UID_MAX];
    int64_t task_id;            /* 0 = participant */
    char name[SIGNUP_NAME_BYTES];
    int adults, children;
    bool wants_company;
    char code[8];               /* "" or 4 digits, as typed; the app hashes it */
} ui_action;

typedef struct ui_action_result {
    vm_status status;           /* VM_OK: done; else `message` says why, in plain words */
    signup_status signup_status;/* for a join: confirmed or waiting */
    int waiting_position;
    char message[256];          /* already translated (the app uses the ui's catalog) */
} ui_action_result;

typedef struct ui_options {
    int width, height;          /* window pixels */
    double px_per_mm;           /* physical density, for 9 mm keys; 0 = assume a 7" 800x480 */
    int64_t idle_ms;            /* back to home after this long without a touch (60000) */
    size_t default_lang;        /* index into model.langs */
} ui_options;

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
 * language goes back to the default, home at the top of the list) and the minute tick (the
 * clock and the "om 20 min." texts). Returns true when the picture may have changed. */
bool ui_tick(ui *u, const ui_model *m, int64_t now_ms);

/* When the UI next needs ui_tick even without input (the idle reset, the next minute for the
 * clock and "om 20 min." texts, the end of a new screen's press guard), as UTC ms; never in
 * the past of `now_ms`. An idle kiosk at home wakes once a minute. */
int64_t ui_next_deadline(const ui *u, int64_t now_ms);

/* Builds the current screen into `out` (reset first). */
void ui_build(ui *u, const ui_model *m, const ui_measure *measure, int64_t now_ms,
              ui_frame *out);

/* Takes the next pending action; false when there is none. While an action is pending (until
 * ui_action_done) the screen shows that it is working ("Et øjeblik…") and ignores taps, so a
 * double tap gives one action. The action holds what was typed: wipe it after use. */
bool ui_take_action(ui *u, ui_action *out);

/* The app's answer to the action taken last: the flow moves on (confirmation, waiting list
 * place) or shows the message. */
void ui_action_done(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);

/* The current screen's name (as in the frame), and the language in use. */
const char *ui_screen_name(const ui *u);
size_t ui_lang(const ui *u);

/* Leaves any flow and goes home, wiping what was typed (used by the app for a stick, night
 * mode, and by the idle reset, which also restores the default language). */
void ui_go_home(ui *u, int64_t now_ms);

#endif
