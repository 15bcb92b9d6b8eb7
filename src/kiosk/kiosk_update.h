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

/* After a sync of the synced folder (sync_folder): the same check and hand-over as from a
 * stick, with three differences, since nobody stands by the kiosk: the package is handed
 * on only while nobody has touched the screen for UPDATE_FOLDER_IDLE_MS (or at night), so a
 * resident is not cut off by the restart; a package already handed on or refused is not
 * tried again until it changes; and a version the installer rolled back or refused is not
 * offered again (a stick is taken out, a folder stays). The sentences are the folder's. */
#define UPDATE_FOLDER_IDLE_MS (5 * 60 * 1000)
void kiosk_update_from_folder(kiosk *k, const char *folder, char *text, size_t size);

#endif
