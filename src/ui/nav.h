/* nav: where the ui goes. Every screen moves through these (never by setting u->screen), so
 * the press guard, the dropped gesture and what is wiped on the way are the same everywhere;
 * the state machine (ui.c) uses them too. Nothing here knows a screen's insides.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_NAV_H
#define VM_UI_NAV_H

#include "ui/ui_internal.h"

/* Goes to `s`: the press guard starts, the gesture in progress is dropped. */
void ui_goto(ui *u, ui_screen_id s, int64_t now_ms);
/* Opens the detail of `e`, coming from `from` (home, program, join-done): back returns
 * there. */
void ui_open_detail(ui *u, const ui_entry *e, ui_screen_id from, int64_t now_ms);
/* Leaves any flow and wipes what was typed. */
void ui_flow_wipe(ui *u);
/* Starts a join (task_id 0: as participant) of `e`: a fresh flow, the name screen. */
void ui_flow_start(ui *u, const ui_entry *e, int64_t task_id, int64_t now_ms);
/* Starts a cancel of `e`'s sign-up: a fresh flow, the name screen. */
void ui_flow_start_cancel(ui *u, const ui_entry *e, int64_t now_ms);
/* Starts "Sig til, når der sker noget" for `e`: a fresh flow, the name screen. */
void ui_flow_start_interest(ui *u, const ui_entry *e, int64_t now_ms);
/* Hands `a` to the app (ui_take_action); a resident's flow waits (`pending`) for the answer,
 * which ui_action_done routes by `a->kind`. */
void ui_flow_queue(ui *u, const ui_action *a);
/* Hands `a` to the app without waiting (the admin screens keep their own `pending`). */
void ui_queue_action(ui *u, const ui_action *a);
/* Wipes the admin state (PIN, names in the last frame). */
void ui_admin_wipe(ui *u);
/* A stick came: a resident's flow is wiped (home, the default language); an admin screen is
 * kept to come back to. Then `s` (sync or sync-done). */
void ui_enter_sync(ui *u, ui_screen_id s, int64_t now_ms);
/* The sync screens are done: back to the admin screen a stick interrupted, else home. */
void ui_leave_sync(ui *u, int64_t now_ms);
/* Zeroes memory that held what a resident typed, in a way the compiler keeps. */
void ui_wipe(void *p, size_t n);

#endif
