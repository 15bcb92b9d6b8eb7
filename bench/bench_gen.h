/* bench_gen: a synthetic but plausible estate program of any size, for the benchmarks.
 *
 * The same (n, now) always gives the same activities, so the frame benchmark, the databases
 * the kiosk is started on, the staff CSV and the HTML page for Chromium all show one program.
 * Activities run from the day of `now` over 14 days (n <= 30) or 69 days (more), so the
 * kiosk's ten-week window holds every one of them: a frame with 2,000 activities has 2,000
 * in its model, of which a screenful is visible.
 */
#ifndef VM_BENCH_GEN_H
#define VM_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/activity.h"

/* Fills acts[0..n) (uids "bench-00000", ...). */
void bench_gen_program(activity *acts, size_t n, int64_t now);

/* Writes acts as the staff's program.csv (Excel's Danish dialect: ';', UTF-8 with BOM,
 * CRLF, the column names of the template). Returns 0, or -1 when writing failed. */
int bench_gen_write_csv(FILE *out, const activity *acts, size_t n);

/* Writes an iCalendar file with `n_events` weekly recurring events (RRULE:FREQ=WEEKLY, no
 * end), the first occurrences in the week of `now`, as a Google Calendar export would. */
int bench_gen_write_ics(FILE *out, size_t n_events, int64_t now);

/* Monotonic time in nanoseconds. */
int64_t bench_now_ns(void);

/* Median and the 99th percentile (nearest rank) of v[0..n) (sorted in place); 0 when n==0. */
double bench_median(double *v, size_t n);
double bench_p99(double *v, size_t n);

#endif
