/* sync_watch: noticing a staff stick, for the kiosk's event loop.
 *
 * The loop polls sync_watch_fd() with POLLPRI|POLLERR next to its other events: the kernel
 * wakes /proc/self/mounts that way whenever something is mounted or unmounted. On a wake
 * (and, for folders that are no mount points, such as the one tests and some setups name in
 * the config, on a timer the app drives, e.g. every 5 s) it calls sync_watch_scan, which
 * lists the stick folders present now and those that are new since the previous scan; the
 * app runs sync_run on each new one. A stick that is taken out and put back is new again.
 *
 * A stick folder is a folder that holds a real `vaermed/` folder (no link): each root
 * itself, or a folder one or two levels below it (`/media/LABEL`, `/media/USER/LABEL`,
 * `/run/media/USER/LABEL`). Roots may hold glob patterns. Only names are looked at here:
 * whether the stick is authorised is sync_stick_check's business.
 *
 * Nothing here blocks on the mounts file or needs a real mount: tests give a plain file as
 * `mounts_path` and a temp folder as root.
 *
 * Threads: a watcher belongs to one thread at a time: the main loop opens it, the sticks
 * watcher thread (app/sticks.c) then alone calls sync_watch_scan, sync_watch_fd and
 * sync_watch_mounts_changed, and the main loop closes it after that thread has ended.
 */
#ifndef VM_SYNC_WATCH_H
#define VM_SYNC_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define SYNC_WATCH_MAX_ROOTS 8
#define SYNC_WATCH_MAX_STICKS 16
#define SYNC_WATCH_PATH_MAX 1024

typedef struct sync_watch sync_watch;

typedef struct sync_sticks {
    size_t n;
    char path[SYNC_WATCH_MAX_STICKS][SYNC_WATCH_PATH_MAX];
} sync_sticks;

/* Starts watching. `mounts_path` NULL means /proc/self/mounts; a file that cannot be
 * opened is no error (sync_watch_fd is then -1 and only scans find sticks). `roots` are
 * copied (at most SYNC_WATCH_MAX_ROOTS; empty ones skipped). */
vm_status sync_watch_open(const char *mounts_path, const char *const *roots, size_t n_roots,
                          sync_watch **out, vm_err *err);
void sync_watch_close(sync_watch *w);

/* The fd to poll with POLLPRI|POLLERR, or -1. Owned by the watch. */
int sync_watch_fd(const sync_watch *w);

/* Re-reads the mounts file; true when it differs from the previous read (the first call
 * after open compares with what open read). Call it when poll reports the fd. */
bool sync_watch_mounts_changed(sync_watch *w);

/* Lists the stick folders present now in `all` (may be NULL) and those not present at the
 * previous scan in `fresh` (may be NULL). The first scan after open finds every stick
 * fresh, so a stick already in at start-up is synced too. */
vm_status sync_watch_scan(sync_watch *w, sync_sticks *all, sync_sticks *fresh, vm_err *err);

#endif
