/* sticks: the kiosk's side of the USB stick.
 *
 * A watcher thread sleeps in poll() on /proc/self/mounts (the kernel wakes it when anything
 * is mounted or unmounted) and, only when a configured stick folder is not a mount point
 * (tests, odd setups), also every few seconds. When the sticks present change it pushes an
 * SDL event whose data1 is a malloc'd sticks_event for the loop, which runs the sync in the
 * main thread. An idle kiosk with the usual /media roots is never woken by this.
 *
 * Ownership: sticks_start returns a watcher sticks_stop ends and frees (NULL-safe); each
 * event's data the loop frees with free().
 *
 * Threads: sticks_start and sticks_stop on the main loop; the watcher thread it starts only
 * scans and pushes SDL events (SDL_PushEvent is thread-safe), then waiter_wake.
 */
#ifndef VM_KIOSK_STICKS_H
#define VM_KIOSK_STICKS_H

#include <SDL.h>

#include "config/config.h"
#include "core/i18n.h"
#include "sync/sync.h"
#include "sync/sync_watch.h"

typedef struct sticks_event {
    sync_sticks all;   /* stick folders present now */
    sync_sticks fresh; /* new since the last event: to be synced */
} sticks_event;

typedef struct sticks sticks;

/* Starts watching the config's stick roots; `mounts_path` NULL = /proc/self/mounts. NULL
 * (with the reason on stderr) when it cannot; the kiosk then runs without stick detection. */
struct waiter;
sticks *sticks_start(const config *cfg, const char *mounts_path, struct waiter *wake);
Uint32 sticks_event_type(const sticks *s);
void sticks_stop(sticks *s);

/* The sync options every sync of this kiosk uses (the kiosk and `vaermed sync`), with the
 * week's PDF and the calendar reader from their modules (app/modules.h). `random16` must
 * stay valid while the options are used, and `*out` must not be copied or moved before the
 * sync: the PDF writer reads the estate's name and the link template from it. */
void sticks_sync_options(const config *cfg, const i18n_catalog *cat, const uint8_t *random16,
                         sync_options *out);

/* True when `dir` is a synced folder rather than a stick: the config's sync_folder (the same
 * folder, by device and inode; `cfg` may be NULL), or a folder Syncthing keeps (its marker
 * .stfolder). Its sentences then speak of the folder ("Mappen er opdateret"), not of a stick
 * to take out. */
bool sticks_synced_folder(const config *cfg, const char *dir);

/* The words for a sync or a stick init at `dir`: a view of `cat` in its folder words
 * (context "folder") when `dir` is a synced folder (sticks_synced_folder) or `folder` is
 * true (the kiosk's own sync_folder), else NULL (then `cat` itself is meant). The caller
 * frees it (i18n_catalog_free) before `cat`. */
i18n_catalog *sticks_folder_words(const config *cfg, const char *dir, bool folder,
                                  const i18n_catalog *cat);

#endif
