/* The kiosk's clock: a floor from a staff stick runs on from when it was set, and the time
 * trusted for erasing names does not jump with a clock that jumped (issue: a kiosk started a
 * year in the future erased every name). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include "services/clock.h"

#define DAY 86400
#define RETENTION (30 * DAY)

static void trusted_as_it_is(void **state)
{
    (void)state;
    int64_t t0 = ts_time("2026-11-23T10:00Z");
    /* The very first run, and a run after a night or a month off: the clock is believed. */
    assert_int_equal(clock_trusted(t0, t0, 0, 0, RETENTION), t0);
    assert_int_equal(clock_trusted(t0 + 3600, t0, 3600, t0 - 10 * 3600, RETENTION), t0 + 3600);
    assert_int_equal(clock_trusted(t0, t0, 0, t0 - 29 * DAY, RETENTION), t0);
    /* A clock that went back is believed too: it only erases less. */
    assert_int_equal(clock_trusted(t0, t0, 0, t0 + 5 * DAY, RETENTION), t0);
}

static void a_jump_is_believed_only_as_the_kiosk_runs(void **state)
{
    (void)state;
    int64_t last = ts_time("2026-11-23T10:00Z");
    int64_t start = last + 365 * DAY; /* started a year in the future */
    assert_int_equal(clock_trusted(start, start, 0, last, RETENTION), last);
    /* An hour later: two hours on from the last trusted time, not a year. */
    assert_int_equal(clock_trusted(start + 3600, start, 3600, last, RETENTION), last + 7200);
    /* A floor raised meanwhile (now jumps, the clock itself ran an hour) changes nothing. */
    assert_int_equal(clock_trusted(start + 40 * DAY, start, 3600, last, RETENTION), last + 7200);
    /* A real long pause is caught up after running as long as it lasted. */
    assert_int_equal(clock_trusted(start + 365 * DAY, start, 365 * DAY, last, RETENTION),
                     start + 365 * DAY);
    assert_true(clock_trusted(start + 100 * DAY, start, 100 * DAY, last, RETENTION) <
                start + 100 * DAY);
}

/* A clock with no wall clock under it: VAERMED_NOW's fake clock, stopped by hand. */
static vm_clock fake(int64_t start_s)
{
    vm_clock c = {0};
    c.fake = true;
    c.fake_start_ms = start_s * 1000;
    c.mono_start_ms = clock_monotonic_ms();
    return c;
}

static void a_floor_runs_on(void **state)
{
    (void)state;
    int64_t t0 = ts_time("2026-01-02T10:00Z"); /* a Pi that lost its clock */
    int64_t floor = ts_time("2026-11-23T10:00Z");
    vm_clock c = fake(t0);
    assert_true(clock_set_floor(&c, floor));
    assert_true(clock_now(&c) >= floor);
    assert_true(clock_now(&c) < floor + 60);
    assert_true(clock_suspect(&c, 0));
    /* Ten minutes later the kiosk's time is ten minutes later, not still the floor: the
     * minute clock, the idle timer and the staff's hold on the clock go on. */
    clock_advance(&c, 600 * 1000);
    assert_true(clock_now(&c) >= floor + 600);
    assert_true(clock_now(&c) < floor + 660);
    /* An older floor changes nothing; a newer one is taken. */
    clock_set_floor(&c, floor - DAY);
    assert_true(clock_now(&c) >= floor + 600);
    clock_set_floor(&c, floor + DAY);
    assert_true(clock_now(&c) >= floor + DAY);
    /* Forgotten: the clock is its own again. */
    clock_clear_floor(&c);
    assert_true(clock_now(&c) < t0 + 3600);
    assert_false(clock_suspect(&c, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trusted_as_it_is),
        cmocka_unit_test(a_jump_is_believed_only_as_the_kiosk_runs),
        cmocka_unit_test(a_floor_runs_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
