/* dbwatch: noticing that another process (`vaermed join`, `vaermed sync`, a staff script)
 * changed the kiosk's database, so the screen shows it within a second, not at the hourly
 * reload.
 *
 * A thread sleeps in poll() on an inotify watch of the database's folder and wakes only when
 * the database file or its `-wal` file is written (the kiosk's own writes wake it too; the
 * loop tells them apart with store_data_version, which changes only for other connections'
 * commits). It then pushes one SDL event of dbwatch_event_type (no data) and wakes the
 * waiter; while that event waits to be handled no second one is pushed. An idle kiosk is
 * never woken by it.
 *
 * Ownership: dbwatch_start returns a watcher dbwatch_stop ends and frees (NULL-safe). NULL
 * (with the reason in the journal) when inotify cannot watch the folder: the kiosk then
 * notices changes at its hourly reload, as before.
 * Threads: dbwatch_start, dbwatch_handled and dbwatch_stop on the main loop; the watcher
 * thread it starts only reads inotify and pushes SDL events (SDL_PushEvent is thread-safe).
 */
#ifndef VM_PLATFORM_DBWATCH_H
#define VM_PLATFORM_DBWATCH_H

#include <SDL.h>

typedef struct dbwatch dbwatch;

struct waiter;
dbwatch *dbwatch_start(const char *db_path, struct waiter *wake);
Uint32 dbwatch_event_type(const dbwatch *w);
/* The loop has handled the event: the next change pushes a new one. */
void dbwatch_handled(dbwatch *w);
void dbwatch_stop(dbwatch *w);

#endif
