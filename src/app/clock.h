/* clock: the one place the kiosk reads the time.
 *
 * VAERMED_NOW=2026-11-23T10:00Z (or a local "2026-11-23 10:00") starts a fake clock that
 * then runs at real speed from that moment (for tests, goldens and screenshots); automation
 * can move it forward (`advance`). A floor (the newest time seen on a staff stick) keeps a
 * kiosk whose clock is behind from showing passed activities as coming. */
#ifndef VM_APP_CLOCK_H
#define VM_APP_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct vm_clock {
    bool fake;
    int64_t fake_start_ms; /* UTC ms at start when fake */
    int64_t mono_start_ms; /* monotonic ms at start */
    int64_t offset_ms;     /* moved forward by automation */
    int64_t floor_ms;      /* never earlier than this (0 = none) */
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

/* The clock as the system (or the fake) tells it, before the floor is applied. */
int64_t clock_unfloored_ms(const vm_clock *c);

/* True when the clock (before the floor is applied) is behind the floor or before
 * `build_time` (UTC seconds): the board has no battery clock and no network told it the
 * time. The admin screen says so. */
bool clock_suspect(const vm_clock *c, int64_t build_time);

#endif
