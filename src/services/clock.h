/* clock: the one place the kiosk reads the time.
 *
 * VAERMED_NOW=2026-11-23T10:00Z (or a local "2026-11-23 10:00") starts a fake clock that
 * then runs at real speed from that moment (for tests, goldens and screenshots); automation
 * can move it forward (`advance`). A floor (the newest time seen on a staff stick) keeps a
 * kiosk whose clock is behind from showing passed activities as coming: the clock is then
 * the floor, running on from when it was set (not standing still at it, which stopped the
 * minute clock, the idle timer and the staff's hold on the clock).
 *
 * Trust: names are erased `retention_days` after an activity, by the time the kiosk trusts
 * (clock_trusted), not by whatever the clock says: a clock that jumped forward across a
 * restart (a wrong RTC, a board without battery) must not erase the names of sign-ups that
 * are still to come.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_SERVICES_CLOCK_H
#define VM_SERVICES_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct vm_clock {
    bool fake;
    int64_t fake_start_ms; /* UTC ms at start when fake */
    int64_t mono_start_ms; /* monotonic ms at start */
    int64_t offset_ms;     /* moved forward by automation */
    int64_t floor_ms;      /* never earlier than this (0 = none) ... */
    int64_t floor_set_ms;  /* ... plus what the unfloored clock ran since it was set */
} vm_clock;

/* Reads VAERMED_NOW. Returns false (and a real clock) when it is set but malformed. */
bool clock_init(vm_clock *c);
int64_t clock_now_ms(const vm_clock *c);
int64_t clock_now(const vm_clock *c); /* seconds */
/* Monotonic milliseconds, for measuring durations. */
int64_t clock_monotonic_ms(void);
void clock_advance(vm_clock *c, int64_t ms);
/* Raises the floor; returns true when the clock was behind it. */
bool clock_set_floor(vm_clock *c, int64_t floor_seconds);
/* Drops the floor (the staff forgot a wrong one: sync_clock_reset). */
void clock_clear_floor(vm_clock *c);

/* The clock as the system (or the fake) tells it, before the floor is applied. */
int64_t clock_unfloored_ms(const vm_clock *c);

/* When this Vær med was built (UTC seconds): no clock is trusted before it, and no stick
 * may push the clock more than SYNC_CLOCK_MAX_YEARS after it. */
int64_t clock_build_time(void);

/* Whether a clock floor kept in the database may be used: not more than
 * SYNC_CLOCK_MAX_YEARS after the build (a floor stored before sticks were bounded). */
bool clock_floor_plausible(int64_t floor_seconds);

/* The time the kiosk trusts for erasing names (UTC seconds), a pure function:
 *   now      the kiosk's time now;
 *   start    its time when this run started, and `elapsed` how far its own clock ran
 *            since (the unfloored clock, so a floor raised meanwhile is not a run of time);
 *   last     the trusted time the runs before got to (fact clock_trusted; 0 = none);
 *   max_jump how far the clock may move between two runs and still be believed at once
 *            (the retention: a weekend or a month off).
 * A start within max_jump of `last` (or the very first) is trusted as it is; after a bigger
 * jump the trusted time starts from `last` and runs at twice the clock's speed until it
 * meets `now`, so a real long pause is caught up, and a wrong date is on the screen for
 * weeks before it could erase the name of a sign-up that is still to come. */
int64_t clock_trusted(int64_t now, int64_t start, int64_t elapsed, int64_t last,
                      int64_t max_jump);

/* True when the clock (before the floor is applied) is behind the floor or before
 * `build_time` (UTC seconds): the board has no battery clock and no network told it the
 * time. The admin screen says so. */
bool clock_suspect(const vm_clock *c, int64_t build_time);

#endif
