/* ui_internal: the state of the ui, shared by the state machine (ui.c) and the screens.
 *
 * A screen is a pure function of the state, the model and the time that fills a frame
 * (screen_*_build); its taps go to screen_*_tap, which changes the state only through the
 * helpers below. Nothing here is part of the contract with the app (that is ui.h).
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
    SCR_COUNT
} ui_screen_id;

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
    MSG_APP            /* the app's message, in `app_msg` (already translated) */
} ui_msg;

/* What a resident typed and chose. Wiped with memset when a flow ends. */
typedef struct ui_flow {
    char uid[ACT_UID_MAX];
    int64_t task_id;               /* 0: join as participant */
    char name[SIGNUP_NAME_BYTES];
    bool shift;                    /* the shift key was tapped (inverts the automatic case) */
    int adults, children;
    bool company;
    char code[8];
    bool pending;                  /* the action is with the app */
    ui_msg msg;
    char app_msg[256];
    /* result (join-done, cancel-done) */
    bool ok;
    signup_status status;
    int waiting_position;
    bool offer_tasks;              /* "Vil du også give en hånd?" (offered once) */
} ui_flow;

struct ui {
    ui_options opt;
    ui_layout L;
    ui_screen_id screen;
    size_t lang;
    int64_t screen_since;          /* ms: when this screen appeared (press guard) */
    int64_t last_input;            /* ms: idle reset counts from here */
    int64_t last_build;            /* ms: the minute shown */
    bool built;

    char detail_uid[ACT_UID_MAX];  /* the activity of detail and of the flows */
    ui_flow flow;
    ui_msg detail_msg;             /* detail: a tap on a disabled button says why */

    int scroll[SCR_COUNT];         /* px scrolled, per screen that scrolls */
    int scroll_max[SCR_COUNT];     /* from the last build */
    int scroll_page[SCR_COUNT];    /* one press of a scroll button */

    /* the gesture in progress */
    bool down, ignored, dragging;
    char press_id[UI_ID_MAX];
    int down_x, down_y, scroll_at_down;

    bool action_ready;             /* ui_take_action has something */
    ui_action action;

    ui_frame last;                 /* the last built frame: taps are hit-tested on it */
    bool have_last;
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
} ui_ctx;

/* ---- state helpers (ui.c) */
const ui_entry *ui_entry_find(const ui_model *m, const char *uid);
/* Goes to `s`: the press guard starts, the gesture in progress is dropped. */
void ui_goto(ui *u, ui_screen_id s, int64_t now_ms);
/* Leaves any flow and wipes what was typed. */
void ui_flow_wipe(ui *u);
/* Starts a join (task_id 0: as participant) of `e`: a fresh flow, the name screen. */
void ui_flow_start(ui *u, const ui_entry *e, int64_t task_id, int64_t now_ms);
void ui_queue_action(ui *u, const ui_action *a);
/* Zeroes memory that held what a resident typed, in a way the compiler keeps. */
void ui_wipe(void *p, size_t n);

/* ---- words (words.c) */
const char *tr(const ui_ctx *c, const char *msgid);
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
int ui_free_helper_slots(const ui_entry *e, int64_t now);
/* True when the activity is over (not shown any more). */
bool ui_entry_over(const activity *a, int64_t now);
/* "Dække bord" of a task id, or NULL. */
const helper_task *ui_task_find(const activity *a, int64_t task_id, int *index);

/* ---- screens: build and tap */
void screen_home_build(ui_ctx *c);
void screen_home_tap(ui *u, const ui_model *m, const char *id, int64_t now_ms);
void screen_detail_build(ui_ctx *c);
void screen_detail_tap(ui *u, const ui_model *m, const char *id, int64_t now_ms);
void screen_join_build(ui_ctx *c);   /* join-name, join-household, join-extra, join-done */
void screen_join_tap(ui *u, const ui_model *m, const char *id, int64_t now_ms);
void screen_cancel_build(ui_ctx *c); /* cancel-name, cancel-code, cancel-done */
void screen_cancel_tap(ui *u, const ui_model *m, const char *id, int64_t now_ms);

/* Typing from a physical keyboard, on the screens that take text. */
void screen_flow_text(ui *u, const char *text);
/* Shared by both flows: a key of the on-screen keyboard or number pad. Returns true when
 * `id` was a key. */
bool flow_key_tap(ui *u, const char *id, bool letters);

#endif
