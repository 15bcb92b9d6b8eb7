/* kiosk_screen: presenting the frame, the night's power, the pointer, the languages and the
 * watchdog. The bottom of the kiosk's files (kiosk_internal.h): it uses none of them.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_SCREEN_H
#define VM_KIOSK_KIOSK_SCREEN_H

#include "kiosk/kiosk_internal.h"

/* Builds the current screen and presents it when the picture changed (or must be redrawn);
 * switches the screen on or off around the night's picture; writes the dump line. */
void kiosk_present_if_changed(kiosk *k);

/* Shows or hides the pointer (cursor.h decides when). */
void kiosk_set_cursor(kiosk *k, bool shown);

/* The language the resident is using now. */
const i18n_catalog *kiosk_current_catalog(const kiosk *k);
/* The kiosk's first language, with Danish for what it has no words for (langs_staff): the
 * staff's and the sync's. */
const i18n_catalog *kiosk_staff_catalog(const kiosk *k);

/* Tells systemd's watchdog the kiosk is alive when it is due (a long sync calls it too). */
void kiosk_ping_watchdog_if_due(kiosk *k);

#endif
