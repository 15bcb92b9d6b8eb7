/* kiosk_actions: what residents and staff ask for on the screen (joins, cancels, the staff
 * screen). Uses kiosk_sticks, kiosk_model, kiosk_admin and kiosk_screen; used by kiosk.c.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_ACTIONS_H
#define VM_KIOSK_KIOSK_ACTIONS_H

#include "kiosk/kiosk_internal.h"

/* Runs every action the ui has pending; true when something was done. */
bool kiosk_run_actions(kiosk *k);

/* Reads the staff PIN's lockout kept in the database (facts pin_wrong, pin_locked_until). */
void kiosk_load_pin_limiter(kiosk *k);

#endif
