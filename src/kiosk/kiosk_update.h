/* kiosk_update: a new Vær med from a staff stick. Uses kiosk_screen; used by kiosk_sticks.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_UPDATE_H
#define VM_KIOSK_KIOSK_UPDATE_H

#include "kiosk/kiosk_internal.h"

/* After a staff stick's sync: what the update installer did last, and a signed new Vær med
 * from the stick checked and handed to it; one sentence each appended to `text`. */
void kiosk_update_from_stick(kiosk *k, const char *stick, char *text, size_t size);

#endif
