/* ui_internal: the state of the ui, shared by the state machine (ui.c) and the screens.
 *
 * A screen is a pure function of the state, the model and the time that fills a frame; its
 * taps go through its table of widgets (screen.h), and it moves only through nav.h. Nothing
 * here is part of the contract with the app (that is ui.h).
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_UI_INTERNAL_H
#define VM_UI_UI_INTERNAL_H

#include "core/activity.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/ui.h"

#define UI_GUARD_MS 400   /* a new screen ignores presses this long */
#define UI_ID_MAX (ACT_UID_MAX + 16)

typedef enum ui_screen_id {
    SCR_HOME = 0,
    SCR_DETAIL,
    SCR_JOIN_NAME,
    SCR_JOIN_HOUSEHOLD,
    SCR_JOIN_EXTRA,
    SCR_JOIN_DONE,
    SCR_CANCEL_NAME,
    SCR_CANCEL_CODE,
    SCR_CANCEL_DONE,
    SCR_INTEREST_NAME,  /* "Sig til, når der sker noget": the first name */
    SCR_INTEREST_REACH, /* a phone number or a flat number */
    SCR_INTEREST_CONSENT, /* what is kept, for how long, who sees it: "Ja, sig til mig" */
    SCR_INTEREST_DONE,
    SCR_WISH,           /* "Hvad savner du?": a short wish on the keyboard */
    SCR_IDEAS_DONE,     /* thanks for a vote or a wish */
    SCR_IDLE,           /* dark, highlights and a QR code, moving slowly */
    SCR_NIGHT,          /* black, one full-screen `wake` */
    SCR_SYNC,           /* a stick is being synced: progress, no actions */
    SCR_SYNC_DONE,      /* what the sync did (or why not), `ok` */
    SCR_ADMIN_PIN,      /* the staff PIN */
    SCR_ADMIN,          /* facts and staff actions */
    SCR_ADMIN_SIGNUPS,  /* activities, then one activity's sign-ups with names */
    SCR_ADMIN_STICKS,   /* the staff sticks: authorise the one in, withdraw one */
    SCR_ADMIN_CONFIRM,  /* "are you sure" for cancel and restart */
    SCR_ADMIN_TEST,     /* the touch test pattern */
    SCR_TOO_SMALL,      /* only as a frame: the window is too small (never u->screen) */
    SCR_PROGRAM,        /* every activity as a detailed card (home is the week at a glance) */
    SCR_LANGUAGE,       /* the language chooser: every language in its own name */
    SCR_CONTACTS,       /* who residents can ask: 112 first, the staff's contacts */
    SCR_ADMIN_CHECKIN,  /* "Hvem kom?": tick who came, count who came without signing up */
    SCR_IDEAS,          /* "Hvad savner du?": the staff's ideas, one tap a vote */
    SCR_COUNT
} ui_screen_id;

#define UI_NIGHT_WAKE_MS 120000
#define UI_TEST_ROWS_MAX 12
#define UI_TEST_COLS_MAX 20

/* A message a flow screen shows; words are looked up when the frame is built, so a
 * language switch translates them too. */
typedef enum ui_msg {
    MSG_NONE = 0,
    MSG_NAME_EMPTY,    /* "Skriv dit navn eller dine forbogstaver" */
    MSG_NAME_LIMIT,    /* the name is as long as it may be */
    MSG_CODE_SHORT,    /* "Koden skal have 4 cifre" */
    MSG_CODE_FULL,     /* the code has its 4 digits */
    MSG_WHY_CLOSED,    /* a tap on a disabled join/confirm: the reason, emphasised */
    MSG_TASK_FULL,     /* a tap on a task that has its hands */
    MSG_NUMBER_SHORT,  /* "Skriv dit telefonnummer (8 cifre)" / "Skriv dit lejlighedsnummer" */
    MSG_NUMBER_FULL,   /* the number is as long as it may be */
    MSG_WISH_EMPTY,    /* "Skriv dit ønske med et par ord" */
    MSG_APP            /* the app's message, in `app_msg` (already translated) */
} ui_msg;

/* What a resident typed and chose. Wiped with memset when a flow ends. */
typedef struct ui_flow {
    char uid[ACT_UID_MAX];
    int64_t task_id;               /* 0: join as participant */
    char name[SIGNUP_NAME_BYTES];
    bool shift;                    /* the shift key was tapped (inverts the automatic case) */
    int kb_page;                   /* the keyboard's page of letters (taken modulo its pages) */
    bool kb_latin;                 /* the script key switched to Latin letters */
    int adults, children;
    bool company;
    char code[8];
    int64_t code_peek_until;       /* ms: the last digit typed shows until then, then a dot */
    bool pending;                  /* the action is with the app */
    ui_action_kind pending_kind;   /* ...and which: its answer goes there (ui_answer_of) */
    ui_msg msg;
    char app_msg[256];
    /* result (join-done, cancel-done) */
    bool ok;
    signup_status status;
    int waiting_position;
    bool offer_tasks;              /* "Vil du også give en hånd?" (offered once) */
    /* "Sig til, når der sker noget" */
    char reach[INTEREST_REACH_MAX]; /* digits typed: a phone number, or a flat number */
    bool by_flat;
} ui_flow;

/* The staff's side. Wiped when the admin screens are left (idle, back, a stick). */
typedef struct ui_admin_state {
    bool unlocked;                 /* the PIN was accepted */
    char pin[16];                  /* digits typed on admin-pin */
    bool pending;                  /* an admin action is with the app */
    ui_action_kind pending_kind;
    char msg[256];                 /* the last answer or reason, shown as `message` */
    bool msg_ok;                   /* the last answer was a success (a calmer colour) */
    char uid[ACT_UID_MAX];         /* admin-signups: the chosen activity ("" = the list) */
    bool loaded;                   /* the sign-ups of `uid` were loaded */
    bool interests;                /* admin-signups shows the wishes to hear when ("Sig til") */
    ui_action confirm;             /* admin-confirm: what confirm will do */
    ui_screen_id confirm_from;     /* where back / the answer return to */
    /* admin-test */
    bool lit[UI_TEST_ROWS_MAX][UI_TEST_COLS_MAX];
    int test_x, test_y;            /* the last touch, -1 = none yet */
    int test_rows, test_cols;      /* the grid of the last build */
    ui_rect test_grid;
} ui_admin_state;

struct ui {
    ui_options opt;
    int win_w, win_h;              /* the window; opt.width/height and L are the laid-out part
                                      (the window less the burn-in margin) */
    int shift;                     /* the burn-in margin, px */
    ui_layout L;
    ui_screen_id screen;
    size_t lang;
    int64_t screen_since;          /* ms: when this screen appeared (press guard) */
    int64_t last_input;            /* ms: idle reset counts from here */
    int64_t last_build;            /* ms: the minute shown */
    bool built;

    char detail_uid[ACT_UID_MAX];  /* the activity of detail and of the flows */
    ui_screen_id detail_from;      /* where detail's back goes: home or program */
    int64_t program_day;           /* program: scroll to this day's first card on the next
                                      build (a local midnight, UTC s), 0 = none */
    ui_flow flow;
    ui_msg detail_msg;             /* detail: a tap on a disabled button says why */

    int scroll[SCR_COUNT];         /* px scrolled, per screen that scrolls */
    int scroll_max[SCR_COUNT];     /* from the last build */
    int scroll_page[SCR_COUNT];    /* one press of the down scroll button */
    int scroll_back[SCR_COUNT];    /* one press of the up scroll button */

    /* the gesture in progress */
    bool down, ignored, dragging;
    char press_id[UI_ID_MAX];
    int down_x, down_y, scroll_at_down;

    bool action_ready;             /* ui_take_action has something */
    ui_action action;

    ui_frame last;                 /* the last built frame: taps are hit-tested on it */
    bool have_last;

    /* the hidden gesture: a press held on the clock */
    bool holding;
    int64_t hold_since;

    bool time_seen;                /* the first `now` was seen: idle counts from there */

    /* what the ui last saw of the model (changes are acted on once) */
    ui_stick_state stick_seen;
    bool night;                    /* model.night, as last seen */
    bool admin_enabled;
    int64_t sync_done_since;       /* ms: sync-done appeared */
    ui_stick_state sync_done_state;
    bool admin_resume;             /* a sync interrupted an admin screen: back to it after */

    ui_admin_state admin;

    /* program (the whole program): the cards' sections and heights, kept while nothing they
     * depend on changed (model.generation, the minute, the column width, the language) */
    struct {
        unsigned long generation;
        int64_t minute;
        int col_w;
        size_t lang, n;
        int *heights, *sec;
    } home_cache;
    /* home, the week at a glance: its layout (screen_home.c), kept while what it depends on
     * stays; NULL: none yet. */
    struct home_week *home_week;
};

/* What a screen builder needs. */
typedef struct ui_ctx {
    ui *u;
    const ui_model *m;
    const ui_measure *ms;
    const ui_layout *L;
    ui_frame *f;
    int64_t now_ms;
    int64_t now;                   /* seconds */
    const i18n_catalog *cat;
    bool rtl;
    ui_rect view;                  /* where scrolled content may show (w 0: everywhere) */
    int scroll_max;                /* out: how far this screen scrolls */
    int scroll_page;               /* out: one scroll-button step */
    int scroll_back;               /* out: the up button's step, when not scroll_page */
} ui_ctx;

/* ---- the model, as the screens read it (model.c) */
const ui_entry *ui_entry_find(const ui_model *m, const char *uid);
/* True when the entry has a code to show, asking the app to make it first when it is lazy
 * (model.need_qr). */
bool ui_entry_has_qr(const ui_model *m, const ui_entry *e);

/* ---- words (words.c) */
const char *tr(const ui_ctx *c, const char *msgid);
/* The words of the admin screens (msgctxt "staff" in the catalogs: Danish and English). */
const char *tr_staff(const ui_ctx *c, const char *msgid);
/* i18n_when/i18n_day lower-cased where the language writes them so inside a sentence. */
void ui_when_in_sentence(const ui_ctx *c, int64_t t, char *out, size_t size);
void ui_day_in_sentence(const ui_ctx *c, int64_t t, char *out, size_t size);
/* The places line of an activity: "3 ledige pladser", "Fuldt – venteliste", ... and its
 * colour. */
const char *ui_places_text(const ui_ctx *c, const ui_entry *e, char *buf, size_t size,
                           ui_color *color);
/* Why joining is not possible ("Tilmeldingen lukkede ..."), for a join state. */
const char *ui_join_reason(const ui_ctx *c, const ui_entry *e, join_state js, char *buf,
                           size_t size);
/* Free helper slots of all tasks of an activity that can still be joined;
 * UI_SLOTS_UNLIMITED when an open task takes any number of hands (slots 0). */
#define UI_SLOTS_UNLIMITED 1000000
int ui_free_helper_slots(const ui_model *m, const ui_entry *e, int64_t now);
/* rules_join_state and rules_task_join_state, but JOIN_PAUSED where they would let someone
 * join while m->signups_paused. */
join_state ui_join_state(const ui_model *m, const ui_entry *e, int64_t now);
join_state ui_task_join_state(const ui_model *m, const ui_entry *e, int index, int64_t now);
/* True when the activity is over (not shown any more). */
bool ui_entry_over(const ui_activity *a, int64_t now);
/* "Dække bord" of a task id, or NULL. */
const ui_helper_task *ui_task_find(const ui_activity *a, int64_t task_id, int *index);

/* ---- the dark theme of idle (theme.h has the colours) and the burn-in shift (burnin.c) */
/* The offset (0..range on each axis) of the day screens at `now_ms`: a small cycle of
 * positions, a new one every UI_SHIFT_PERIOD_MS, each a small step from the last. */
void ui_shift_offset(int64_t now_ms, int range, int *dx, int *dy);
/* Where the idle screen's content sits in `slack_x` x `slack_y` of free room at `now_ms`: a
 * new place every UI_IDLE_MOVE_MS, visiting the corners, edges and middle of the room. */
void ui_idle_offset(int64_t now_ms, int slack_x, int slack_y, int *dx, int *dy);
/* Moves everything in `f` by (dx, dy), and stretches the rectangles that touch the edge of
 * the laid-out `w` x `h` to the frame's edge, so backgrounds and bars still fill it. */
void ui_frame_shift(ui_frame *f, int w, int h, int dx, int dy);

/* ---- admin */
/* The staff's screens, behind the PIN (nav.c). */
bool ui_is_admin_screen(ui_screen_id s);

/* ---- frames that are no screen (screen_idle.c): the window is too small; the kiosk
 * cannot start */
void screen_too_small_build(ui_ctx *c, int min_w, int min_h);
void screen_error_build(ui_ctx *c, const char *detail);
/* The catalog the admin screens speak: the current language when it is Danish or English,
 * else Danish, else English (the staff's words are not translated further). */
const i18n_catalog *ui_admin_catalog(const ui *u, const ui_model *m);
/* Why the stick that is in cannot be authorised ("Put a USB stick in first"), or NULL
 * (screen_admin.c). */
const char *ui_admin_authorise_reason(const ui_ctx *c);


#endif
