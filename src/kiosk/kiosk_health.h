/* kiosk_health: helbred.txt and the screen's picture on the staff stick. Uses kiosk_clock and
 * kiosk_screen; used by kiosk_sticks.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_HEALTH_H
#define VM_KIOSK_KIOSK_HEALTH_H

#include "kiosk/kiosk_internal.h"

/* A picture of what residents see now (the last frame shown), as PNG; NULL when it cannot
 * be made. The caller frees it. */
unsigned char *kiosk_snapshot(kiosk *k, size_t *len);

/* Writes helbred.txt and the picture `png` (may be NULL) into the kiosk's folder on the
 * staff stick at `path`; says in the journal what could not be written. */
void kiosk_health_to_stick(kiosk *k, const char *path, const sync_options *opt,
                           const char *kiosk_id, const unsigned char *png, size_t png_len);

#endif
