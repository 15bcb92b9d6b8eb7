/* syncfolder: a synced folder that stands in for the staff stick (config sync_folder).
 *
 * Where an estate has a network, Syncthing (deploy/syncthing/) keeps the same `vaermed/`
 * folder on the office computer and on each kiosk. The kiosk treats the folder as a stick
 * that stays: a thread sleeps in poll() on an inotify watch of `vaermed/` and of every other
 * kiosk's folder in it, and asks the loop for a sync (an SDL event of
 * syncfolder_event_type, and a wake of the waiter) when something there has changed and
 * then been quiet for QUIET_MS (Syncthing writes a temporary file and renames it), at
 * start, and every `minutes` besides. The kiosk's own folder is not watched: its own exports
 * must not start the next sync. Names starting with '.' (temporary files, Syncthing's
 * markers) are not looked at.
 *
 * Ownership: syncfolder_start returns a watcher syncfolder_stop ends and frees (NULL-safe);
 * NULL (said in the journal) when the folder cannot be watched: the timer alone is not
 * started either, so a wrong path is seen at once.
 * Threads: syncfolder_start, _handled and _stop on the main loop, which runs the sync; the
 * watcher thread only reads inotify and pushes SDL events. syncfolder_device_id runs a
 * child process and waits for it: call it once, not per frame.
 */
#ifndef VM_PLATFORM_SYNCFOLDER_H
#define VM_PLATFORM_SYNCFOLDER_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct syncfolder syncfolder;

struct waiter;
syncfolder *syncfolder_start(const char *folder, const char *own, int minutes,
                             struct waiter *wake);
Uint32 syncfolder_event_type(const syncfolder *f);
/* The loop ran the sync: the next change asks for a new one. */
void syncfolder_handled(syncfolder *f);
void syncfolder_stop(syncfolder *f);

/* The Syncthing device id of this machine ("ABCDEFG-...", 63 characters), read with
 * `syncthing serve --home=HOME --device-id` from `home`, or when it is NULL or "" from
 * $HOME/.local/state/syncthing or $HOME/.config/syncthing. False (and `out` "") when there
 * is no Syncthing or no key of it there. */
bool syncfolder_device_id(const char *home, char *out, size_t size);

#endif
