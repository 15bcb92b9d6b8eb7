/* kiosk_model: the model the screens are built from. Uses kiosk_admin and kiosk_clock.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_MODEL_H
#define VM_KIOSK_KIOSK_MODEL_H

#include "kiosk/kiosk_internal.h"

/* Reloads the activities around `now` into the model. */
vm_status kiosk_reload_model(kiosk *k, int64_t now, vm_err *err);

/* Reloads the model when another process changed the database since it was loaded
 * (store_data_version); true when it did. */
bool kiosk_reload_if_changed(kiosk *k);

/* Fills the model's fields that are not activities (stick, night, clock, admin) from the
 * kiosk's state; called before every ui call that reads the model. */
void kiosk_refresh_model(kiosk *k, int64_t now);

#endif
