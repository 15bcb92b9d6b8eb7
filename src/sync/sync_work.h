/* sync_work: the bound on the work and the wall time of reading one file from a stick
 * (internal to src/sync; the readers of sync_program.h use it).
 *
 * A file from a stick is hostile, and the kiosk reads it in its only thread: whatever the
 * file says, reading it must end soon and the kiosk must look alive meanwhile (the service
 * has a systemd watchdog). So every reader counts its work in units (a row, a property, a
 * recurrence step) and asks sync_work_step whether it may go on:
 *   - opt->alive is called now and then (every SYNC_WORK_ALIVE_MS when a clock is given,
 *     else every SYNC_WORK_ALIVE_UNITS units), so the app can redraw its progress bar and
 *     ping its watchdog while a big file is read;
 *   - when opt->clock_ms is given, a read that has taken longer than opt->max_ms (0:
 *     SYNC_READ_MAX_MS) is over: sync_work_step returns false from then on, and the reader
 *     refuses the file (sync_work_refuse says so in plain words).
 * The clock is passed in (never read here), so tests can drive it.
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_WORK_H
#define VM_SYNC_WORK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "sync/sync_program.h"

#define SYNC_WORK_ALIVE_MS 250
#define SYNC_WORK_ALIVE_UNITS 4096 /* without a clock */
#define SYNC_WORK_CLOCK_UNITS 64   /* units between two looks at the clock */

typedef struct sync_work {
    const sync_read_opts *opt;
    int64_t started_ms;
    int64_t last_alive_ms;
    int64_t max_ms;
    long units;       /* counted so far */
    long since_check; /* units since the clock (or the alive count) was last checked */
    bool over;        /* the wall-time bound was passed */
} sync_work;

void sync_work_begin(sync_work *w, const sync_read_opts *opt);

/* Counts `units` of work, `done` (0..1) being how much of the file is read. False when the
 * read has taken too long (and ever after). */
bool sync_work_step(sync_work *w, long units, double done);

/* The refusal of a file that took too long: VM_ERR_REFUSED with a plain message. */
vm_status sync_work_refuse(const sync_work *w, const char *file, vm_err *err);

#endif
