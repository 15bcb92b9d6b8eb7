#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <string.h>

#include "core/dktime.h"

static int64_t utc(int y, int mo, int d, int h, int mi)
{
    return dktime_utc_from_civil(y, mo, d, h, mi, 0);
}

static int64_t local(int y, int mo, int d, int h, int mi)
{
    int64_t t = 0;
    assert_true(dktime_from_local(y, mo, d, h, mi, &t));
    return t;
}

/* Local midnight starting the day after y-mo-d. */
static int64_t next_midnight(int y, int mo, int d)
{
    int ny, nmo, nd, h, mi, sec;
    dktime_utc_civil(utc(y, mo, d, 12, 0) + 86400, &ny, &nmo, &nd, &h, &mi, &sec);
    return local(ny, nmo, nd, 0, 0);
}

static void assert_local(int64_t t, int y, int mo, int d, int h, int mi, int offset)
{
    dk_tm tm = dktime_local(t);
    assert_int_equal(tm.year, y);
    assert_int_equal(tm.month, mo);
    assert_int_equal(tm.day, d);
    assert_int_equal(tm.hour, h);
    assert_int_equal(tm.minute, mi);
    assert_int_equal(tm.utc_offset, offset);
}

/* The change days of several years: {year, March day, October day}. */
static const int change_days[][3] = {
    {2020, 29, 25}, {2024, 31, 27}, {2025, 30, 26}, {2026, 29, 25}, {2027, 28, 31},
    {2028, 26, 29}, {2030, 31, 27},
};

static void civil_round_trip(void **state)
{
    (void)state;
    assert_int_equal(dktime_utc_from_civil(1970, 1, 1, 0, 0, 0), 0);
    assert_int_equal(dktime_utc_from_civil(2000, 3, 1, 0, 0, 0), 951868800);
    assert_int_equal(dktime_utc_from_civil(1969, 12, 31, 23, 59, 59), -1);
    int y, mo, d, h, mi, s;
    dktime_utc_civil(-1, &y, &mo, &d, &h, &mi, &s);
    assert_int_equal(y, 1969);
    assert_int_equal(s, 59);
    for (int64_t t = -86400 * 400; t < 86400LL * 365 * 80; t += 86400 * 7 + 3607) {
        dktime_utc_civil(t, &y, &mo, &d, &h, &mi, &s);
        assert_int_equal(dktime_utc_from_civil(y, mo, d, h, mi, s), t);
    }
}

static void winter_and_summer(void **state)
{
    (void)state;
    assert_local(utc(2026, 1, 15, 12, 0), 2026, 1, 15, 13, 0, 3600);
    assert_local(utc(2026, 7, 1, 12, 0), 2026, 7, 1, 14, 0, 7200);
    /* New Year in Copenhagen is an hour before UTC's */
    assert_local(utc(2025, 12, 31, 23, 30), 2026, 1, 1, 0, 30, 3600);
    assert_int_equal(dktime_local(utc(2026, 12, 10, 17, 0)).weekday, 3); /* Thursday */
    assert_int_equal(dktime_local(utc(2026, 11, 23, 12, 0)).weekday, 0); /* Monday */
    assert_int_equal(dktime_local(utc(2026, 3, 29, 12, 0)).weekday, 6); /* Sunday */
}

static void march_change(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof change_days / sizeof change_days[0]; i++) {
        int y = change_days[i][0], d = change_days[i][1];
        int64_t change = utc(y, 3, d, 1, 0);
        assert_int_equal(dktime_local(change).weekday, 6);
        /* one second before: 01:59:59 CET; at it: 03:00 CEST */
        dk_tm before = dktime_local(change - 1);
        assert_int_equal(before.hour, 1);
        assert_int_equal(before.minute, 59);
        assert_int_equal(before.second, 59);
        assert_int_equal(before.utc_offset, 3600);
        assert_local(change, y, 3, d, 3, 0, 7200);
        /* the day before and the Saturday night are still winter */
        assert_local(utc(y, 3, d - 1, 12, 0), y, 3, d - 1, 13, 0, 3600);
        /* wall clock times around the gap */
        assert_int_equal(local(y, 3, d, 1, 59), change - 60);
        assert_int_equal(local(y, 3, d, 3, 0), change);
        /* 02:00 .. 02:59 do not exist: the instant after the gap */
        assert_int_equal(local(y, 3, d, 2, 0), change);
        assert_int_equal(local(y, 3, d, 2, 30), change);
        assert_int_equal(local(y, 3, d, 2, 59), change);
        /* the day has 23 hours, and is one calendar day */
        int64_t midnight = local(y, 3, d, 0, 0), next = next_midnight(y, 3, d);
        assert_int_equal(next - midnight, 23 * 3600);
        assert_int_equal(dktime_day_start(utc(y, 3, d, 20, 0)), midnight);
        assert_int_equal(dktime_days_between(midnight, next), 1);
        assert_int_equal(dktime_days_between(midnight, next - 1), 0);
    }
}

static void october_change(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof change_days / sizeof change_days[0]; i++) {
        int y = change_days[i][0], d = change_days[i][2];
        int64_t change = utc(y, 10, d, 1, 0);
        assert_int_equal(dktime_local(change).weekday, 6);
        /* 02:59:59 CEST, then 02:00 CET again */
        dk_tm before = dktime_local(change - 1);
        assert_int_equal(before.hour, 2);
        assert_int_equal(before.minute, 59);
        assert_int_equal(before.utc_offset, 7200);
        assert_local(change, y, 10, d, 2, 0, 3600);
        /* both 02:30s show as 02:30 */
        assert_local(change - 1800, y, 10, d, 2, 30, 7200);
        assert_local(change + 1800, y, 10, d, 2, 30, 3600);
        /* the ambiguous 02:30 is the first of the two */
        assert_int_equal(local(y, 10, d, 2, 30), change - 1800);
        assert_int_equal(local(y, 10, d, 2, 0), change - 3600);
        assert_int_equal(local(y, 10, d, 3, 0), change + 3600);
        assert_int_equal(local(y, 10, d, 1, 59), change - 3660);
        /* the day has 25 hours */
        int64_t midnight = local(y, 10, d, 0, 0), next = next_midnight(y, 10, d);
        assert_int_equal(next - midnight, 25 * 3600);
        assert_int_equal(dktime_day_start(utc(y, 10, d, 22, 30)), midnight);
        assert_int_equal(dktime_days_between(midnight, next - 1), 0);
        assert_int_equal(dktime_days_between(midnight, next), 1);
    }
}

static void the_named_days_of_2026(void **state)
{
    (void)state;
    /* the brief's days, spelled out */
    assert_int_equal(local(2026, 3, 29, 3, 0), ts_time("2026-03-29T01:00Z"));
    assert_int_equal(local(2026, 3, 29, 1, 0), ts_time("2026-03-29T00:00Z"));
    assert_int_equal(local(2026, 10, 25, 2, 0), ts_time("2026-10-25T00:00Z"));
    assert_int_equal(local(2026, 10, 25, 3, 0), ts_time("2026-10-25T02:00Z"));
    assert_int_equal(ts_time("2026-10-25 02:30"), ts_time("2026-10-25T00:30Z"));
    assert_int_equal(ts_time("2026-03-29 02:30"), ts_time("2026-03-29T01:00Z"));
}

static void days_between_across_changes(void **state)
{
    (void)state;
    /* Saturday evening to Sunday morning across the March change */
    assert_int_equal(dktime_days_between(local(2026, 3, 28, 23, 0), local(2026, 3, 29, 0, 30)),
                     1);
    /* a week across it */
    assert_int_equal(dktime_days_between(local(2026, 3, 25, 0, 0), local(2026, 4, 1, 0, 0)), 7);
    /* 23:30 to 00:30 is "tomorrow" on both change days */
    assert_int_equal(dktime_days_between(local(2026, 10, 24, 23, 30), local(2026, 10, 25, 0, 30)),
                     1);
    assert_int_equal(dktime_days_between(local(2026, 10, 25, 23, 30), local(2026, 10, 26, 0, 30)),
                     1);
    /* 24 hours after 00:30 on the long day is still that day (23:30) */
    assert_int_equal(
        dktime_days_between(local(2026, 10, 25, 0, 30), local(2026, 10, 25, 0, 30) + 86400), 0);
    /* 24 hours after 23:30 before the short day is two days on */
    assert_int_equal(
        dktime_days_between(local(2026, 3, 28, 23, 30), local(2026, 3, 28, 23, 30) + 86400), 2);
    assert_int_equal(dktime_days_between(local(2026, 12, 31, 12, 0), local(2026, 1, 1, 12, 0)),
                     -364);
    assert_int_equal(dktime_days_between(local(2024, 2, 28, 12, 0), local(2024, 3, 1, 12, 0)), 2);
    assert_int_equal(dktime_days_between(local(2025, 2, 28, 12, 0), local(2025, 3, 1, 12, 0)), 1);
}

static void check_week(int y, int mo, int d, int want_year, int want_week, int mon_y, int mon_mo,
                       int mon_d)
{
    int week = 0, year = 0;
    int64_t start = dktime_week_start(local(y, mo, d, 15, 0), &week, &year);
    assert_int_equal(year, want_year);
    assert_int_equal(week, want_week);
    assert_int_equal(start, local(mon_y, mon_mo, mon_d, 0, 0));
}

static void iso_weeks(void **state)
{
    (void)state;
    check_week(2026, 1, 1, 2026, 1, 2025, 12, 29);  /* a Thursday: week 1 */
    check_week(2026, 12, 31, 2026, 53, 2026, 12, 28); /* 2026 has 53 weeks */
    check_week(2027, 1, 3, 2026, 53, 2026, 12, 28);
    check_week(2027, 1, 4, 2027, 1, 2027, 1, 4);
    check_week(2020, 12, 31, 2020, 53, 2020, 12, 28);
    check_week(2021, 1, 3, 2020, 53, 2020, 12, 28);
    check_week(2024, 12, 30, 2025, 1, 2024, 12, 30);  /* Monday belongs to next year */
    check_week(2025, 12, 28, 2025, 52, 2025, 12, 22);
    check_week(2026, 3, 29, 2026, 13, 2026, 3, 23);   /* the March change Sunday */
    check_week(2026, 10, 25, 2026, 43, 2026, 10, 19);
    /* the week holding the change starts at midnight CET, not an hour off */
    int64_t s = dktime_week_start(local(2026, 3, 30, 9, 0), NULL, NULL);
    assert_int_equal(s, local(2026, 3, 30, 0, 0));
    assert_int_equal(dktime_local(s).hour, 0);
}

static void leap_years_and_ranges(void **state)
{
    (void)state;
    assert_int_equal(dktime_days_in_month(2024, 2), 29);
    assert_int_equal(dktime_days_in_month(2026, 2), 28);
    assert_int_equal(dktime_days_in_month(2000, 2), 29);
    assert_int_equal(dktime_days_in_month(2100, 2), 28);
    assert_int_equal(dktime_days_in_month(2026, 4), 30);
    assert_int_equal(dktime_days_in_month(2026, 12), 31);
    assert_int_equal(dktime_days_in_month(2026, 13), 0);
    assert_int_equal(dktime_days_in_month(2026, 0), 0);

    int64_t t = 77;
    assert_true(dktime_from_local(2028, 2, 29, 12, 0, &t));
    assert_local(t, 2028, 2, 29, 12, 0, 3600);
    assert_local(t + 86400, 2028, 3, 1, 12, 0, 3600);
    t = 77;
    assert_false(dktime_from_local(2026, 2, 29, 12, 0, &t));
    assert_false(dktime_from_local(2026, 13, 1, 12, 0, &t));
    assert_false(dktime_from_local(2026, 0, 1, 12, 0, &t));
    assert_false(dktime_from_local(2026, 4, 31, 12, 0, &t));
    assert_false(dktime_from_local(2026, 4, 0, 12, 0, &t));
    assert_false(dktime_from_local(2026, 4, 1, 24, 0, &t));
    assert_false(dktime_from_local(2026, 4, 1, -1, 0, &t));
    assert_false(dktime_from_local(2026, 4, 1, 12, 60, &t));
    assert_int_equal(t, 77); /* untouched */
}

static void parse_and_format(void **state)
{
    (void)state;
    int64_t t = 0;
    assert_true(dktime_parse_iso("2026-12-24T17:00Z", &t));
    assert_int_equal(t, utc(2026, 12, 24, 17, 0));
    assert_true(dktime_parse_iso("2026-12-24T17:00:30Z", &t));
    assert_int_equal(t, utc(2026, 12, 24, 17, 0) + 30);
    assert_true(dktime_parse_iso("2026-12-24 18:00", &t));
    assert_int_equal(t, utc(2026, 12, 24, 17, 0));
    assert_true(dktime_parse_iso("2026-07-01 18:00", &t));
    assert_int_equal(t, utc(2026, 7, 1, 16, 0));
    const char *bad[] = {"", "2026-12-24", "2026-12-24T17:00", "2026-12-24 17:00Z",
                         "2026-12-24T17:00+01", "2026-12-24 18:00:00", "2026-13-01 10:00",
                         "2026-02-29 10:00", "2026-12-24 24:00", "2026-12-24T17:60Z",
                         "2026-12-24T17:00:60Z", "26-12-24 18:00", "2026-1-24 18:00",
                         "2026-12-24T17:00Zx", "2026/12/24 18:00", "x026-12-24 18:00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        t = 5;
        assert_false(dktime_parse_iso(bad[i], &t));
        assert_int_equal(t, 5);
    }
    assert_false(dktime_parse_iso(NULL, &t));

    char iso[21], loc[17];
    dktime_format_iso_utc(utc(2026, 3, 29, 1, 0) + 7, iso);
    assert_string_equal(iso, "2026-03-29T01:00:07Z");
    dktime_format_local(utc(2026, 3, 29, 1, 0), loc);
    assert_string_equal(loc, "2026-03-29 03:00");
    dktime_format_local(utc(2026, 10, 25, 1, 30), loc);
    assert_string_equal(loc, "2026-10-25 02:30");
    /* round trip through the local form on ordinary days */
    for (int64_t x = utc(2026, 1, 1, 0, 0); x < utc(2027, 1, 1, 0, 0); x += 86400 + 3600 * 5) {
        x -= x % 60;
        dktime_format_local(x, loc);
        int64_t back;
        assert_true(dktime_parse_iso(loc, &back));
        dk_tm tm = dktime_local(x);
        bool repeated = tm.month == 10 && tm.day == 25 && tm.hour == 2;
        if (!repeated)
            assert_int_equal(back, x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(civil_round_trip),
        cmocka_unit_test(winter_and_summer),
        cmocka_unit_test(march_change),
        cmocka_unit_test(october_change),
        cmocka_unit_test(the_named_days_of_2026),
        cmocka_unit_test(days_between_across_changes),
        cmocka_unit_test(iso_weeks),
        cmocka_unit_test(leap_years_and_ranges),
        cmocka_unit_test(parse_and_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
