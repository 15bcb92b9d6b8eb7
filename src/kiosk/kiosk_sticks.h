/* kiosk_sticks: the USB stick and the synced folder from the kiosk's side: a sync with its
 * progress on the screen. Uses kiosk_health, kiosk_update, kiosk_model and kiosk_screen; used
 * by kiosk_actions and kiosk.c.
 *
 * Threads: the kiosk's main loop only.
 */
#ifndef VM_KIOSK_KIOSK_STICKS_H
#define VM_KIOSK_KIOSK_STICKS_H

#include "kiosk/kiosk_internal.h"

/* A stick was put in or taken out. Frees `ev`. */
bool kiosk_handle_sticks(kiosk *k, sticks_event *ev);
/* Syncs the synced folder (sync_folder) as a stick, quietly: residents go on using the
 * screen; the summary goes to the journal and the staff screen, and into `out` (may be
 * NULL) for the staff's "Gem i mappen". VM_ERR_REFUSED when there is no folder or the kiosk
 * cannot save; else the sync's status. */
vm_status kiosk_sync_folder(kiosk *k, char *out, size_t size);
/* Runs a whole sync with the stick at `path`, showing its progress. */
void kiosk_sync_stick(kiosk *k, const char *path);

#endif
