/* kiosk_hooks: the kiosk's test hooks, out of its loop: the automation script's commands
 * (VAERMED_UI_INPUT, automation.h) done as a resident would, and the loop's statistics for
 * the benchmark (VAERMED_STATS). Uses kiosk_screen; used by kiosk.c.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_HOOKS_H
#define VM_KIOSK_KIOSK_HOOKS_H

#include "kiosk/kiosk_internal.h"

/* Does one automation command; true when the picture may have changed. `quit` ends the
 * loop (k->quit). */
bool kiosk_hooks_automation(kiosk *k, auto_cmd *c);

/* VAERMED_STATS=FILE: appends a JSON line of what the loop did (frames, wake-ups, the text
 * cache). Nothing when the variable is unset. */
void kiosk_hooks_write_stats(const kiosk *k);

#endif
