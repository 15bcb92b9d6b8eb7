/* kiosk_admin: the staff screen's state (kiosk_admin in kiosk_internal.h). Uses kiosk_clock;
 * used by kiosk_model and kiosk_actions.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_ADMIN_H
#define VM_KIOSK_KIOSK_ADMIN_H

#include "kiosk/kiosk_internal.h"

/* Gathers what the admin screen shows into k->admin.info; only while it is open. */
void kiosk_admin_fill(kiosk *k);

/* Reads the sign-ups (names) of activity `uid` and its walk-ins for the staff's list; on a
 * refusal `r` says why. */
void kiosk_admin_load_signups(kiosk *k, const char *uid, ui_action_result *r);

/* Wipes and frees the staff's list of sign-ups (names) once the admin screen is closed. */
void kiosk_admin_forget_signups(kiosk *k);
/* Wipes and frees the wishes ("Sig til") the admin screen showed. */
void kiosk_admin_forget_interests(kiosk *k);

#endif
