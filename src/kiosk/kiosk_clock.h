/* kiosk_clock: the time the kiosk trusts for erasing names, and whether its clock can be
 * believed. Uses no other kiosk file.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_CLOCK_H
#define VM_KIOSK_KIOSK_CLOCK_H

#include "kiosk/kiosk_internal.h"

/* Notes the clock at the start of a run, for the trust in it (clock_trusted). */
void kiosk_trust_begin(kiosk *k);

/* Erases names and codes of sign-ups whose activity ended more than the retention before
 * the time the kiosk trusts (clock_trusted), and remembers how far that trust got. */
void kiosk_purge_old_personal_data(kiosk *k, int64_t now);

/* Whether the clock can be trusted, and if not the time it should be at least (UTC). */
ui_clock_status kiosk_clock_check(kiosk *k, int64_t *floor);

#endif
