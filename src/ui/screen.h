/* screen: how a screen declares itself. Each screen has one table of the widgets a tap can
 * reach (their id, what a tap on one does, the words it says): its build draws them by
 * their place in the table and its taps are found in the same table, so a widget and what a
 * tap on it does are written once. Each screen is one ui_screen_def (screens.c lists them);
 * the state machine (ui.c) knows screens only through that list.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_SCREEN_H
#define VM_UI_SCREEN_H

#include "ui/ui_internal.h"

/* What a tap does. `arg` is what follows the family's prefix ("card:demo-banko" gives
 * "demo-banko"), "" for a single widget. */
typedef void (*ui_tap_fn)(ui *u, const ui_model *m, const char *arg, int64_t now_ms);

typedef struct ui_widget_def {
    const char *id;    /* as the dump and the tests know it; a family ends in ':' ("card:"),
                          its members add what tells them apart ("card:<uid>") */
    ui_tap_fn tap;     /* NULL: read, not tapped */
    const char *label; /* the msgid of its words (N_, or STAFF_ on the staff's screens);
                          NULL where the words are made at build time */
} ui_widget_def;

/* Marks a staff word in a widget table (msgctxt "staff"; the po test collects it). */
#define STAFF_(msgid) (msgid)

/* Calls the tap of the entry of `defs` that `id` names (a family by its prefix). Returns
 * false when none does: a stale id from an older frame does nothing. */
bool ui_widget_tap(const ui_widget_def *defs, size_t n, ui *u, const ui_model *m,
                   const char *id, int64_t now_ms);
/* A family member's id: the prefix of `d` and `arg`, in `buf`. */
const char *ui_widget_id(const ui_widget_def *d, const char *arg, char *buf, size_t size);

/* The widgets every scrolled screen shares: a page up and down of the current screen. */
void ui_tap_scroll_up(ui *u, const ui_model *m, const char *arg, int64_t now_ms);
void ui_tap_scroll_down(ui *u, const ui_model *m, const char *arg, int64_t now_ms);

enum {
    UI_SCREEN_SCROLLS = 1 << 0, /* a finger or the wheel scrolls it */
    UI_SCREEN_RESTING = 1 << 1, /* idle and night: the first touch only wakes */
    UI_SCREEN_FLOW = 1 << 2,    /* a resident's flow for the activity flow.uid */
};

typedef struct ui_screen_def {
    const char *name;                  /* as ui_screen_name, the dump and the tests say it */
    void (*build)(ui_ctx *c);          /* NULL: nothing to draw (too-small is drawn apart) */
    const ui_widget_def *widgets;      /* what a tap can reach */
    size_t n_widgets;
    /* NULL: always; false: the tap is dropped (it may also leave, e.g. home) */
    bool (*may_tap)(ui *u, const ui_model *m, int64_t now_ms);
    /* NULL, or characters from a physical keyboard (a name, digits) */
    void (*text)(ui *u, const ui_model *m, const char *text, int64_t now_ms);
    void (*touch)(ui *u, int x, int y); /* NULL, or a press and its moves, where they are
                                           (admin-test lights the square under a finger) */
    unsigned flags;
} ui_screen_def;

#define UI_WIDGETS(table) (table), (sizeof(table) / sizeof((table)[0]))

/* The screen `s` (screens.c). */
const ui_screen_def *ui_screen_def_of(ui_screen_id s);

/* How an answer of the app (ui_action_done) reaches the screens that asked: by the action's
 * kind (screens.c). NULL: nobody waits for it. */
typedef void (*ui_answer_fn)(ui *u, const ui_model *m, const ui_action_result *r,
                             int64_t now_ms);
ui_answer_fn ui_answer_of(ui_action_kind kind);

#endif
