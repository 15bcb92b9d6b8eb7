/* admin: what the staff's screens share (admin.c): their answers, their queue to the app and
 * the words they write a clock floor in. Each admin screen is a file of its own
 * (screen_admin*.c); this is their common ground, not part of the contract with the app.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_ADMIN_H
#define VM_UI_ADMIN_H

#include "ui/nav.h"
#include "ui/screen.h"
#include "ui/widgets.h"

/* The staff's answer or reason, shown as `message` (`ok`: a success, in a calmer colour). */
void ui_admin_say(ui *u, const char *msg, bool ok);
/* Hands `a` to the app; the admin screens wait (`pending`) until ui_admin_action_done. */
void ui_admin_queue(ui *u, const ui_action *a);
/* "tirsdag 1. juni 2027 11:00": a clock floor in full, for the middle of a sentence (a
 * "today" is no help when today may be wrong). */
void ui_admin_floor_text(const ui_ctx *c, int64_t t, char *out, size_t size);
/* A press on admin-test (down or move): lights the cell under it (screen_admin_test.c). */
void ui_admin_test_touch(ui *u, int x, int y);
/* The admin screens' may_tap: false (and home) when the PIN was not given. */
bool ui_admin_may_tap(ui *u, const ui_model *m, int64_t now_ms);

#endif
