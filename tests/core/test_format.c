/* Dates and times in words, Danish and English, on a fake clock (the catalogs as embedded). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

typedef struct cats {
    i18n_catalog *da, *en;
} cats;

static int setup(void **state)
{
    static cats c;
    vm_err err = {0};
    c.da = i18n_catalog_embedded("da", &err);
    c.en = i18n_catalog_embedded("en", &err);
    if (!c.da || !c.en) {
        print_error("cannot load the embedded catalogs: %s\n", err.msg);
        return -1;
    }
    *state = &c;
    return 0;
}

static int teardown(void **state)
{
    cats *c = *state;
    i18n_catalog_free(c->da);
    i18n_catalog_free(c->en);
    return 0;
}

#define T(s) ts_time(s)

static void expect_when(const i18n_catalog *cat, const char *t, const char *now,
                        const char *want)
{
    char out[128];
    i18n_when(cat, T(t), T(now), out, sizeof out);
    if (strcmp(out, want) != 0)
        fail_msg("when(%s, now %s) = \"%s\", wanted \"%s\"", t, now, out, want);
}

static void expect_day(const i18n_catalog *cat, const char *t, const char *now, const char *want)
{
    char out[128];
    i18n_day(cat, T(t), T(now), out, sizeof out);
    if (strcmp(out, want) != 0)
        fail_msg("day(%s, now %s) = \"%s\", wanted \"%s\"", t, now, out, want);
}

static void expect_countdown(const i18n_catalog *cat, int64_t start, int64_t end, int64_t now,
                             const char *want)
{
    char out[64];
    i18n_countdown(cat, start, end, now, out, sizeof out);
    if (strcmp(out, want) != 0)
        fail_msg("countdown(start %+lld s, end %+lld s) = \"%s\", wanted \"%s\"",
                 (long long)(start - now), (long long)(end - now), out, want);
}

static void danish_days(void **state)
{
    const i18n_catalog *da = ((cats *)*state)->da;
    const char *now = "2024-12-01 14:00"; /* a Sunday */
    expect_when(da, "2024-12-01 18:00", now, "I dag 18:00");
    expect_when(da, "2024-12-01 09:05", now, "I dag 09:05");
    expect_when(da, "2024-12-02 10:00", now, "I morgen 10:00");
    expect_when(da, "2024-11-30 18:00", now, "I går 18:00");
    expect_day(da, "2024-11-30 18:00", now, "I går");
    expect_day(da, "2024-12-01 23:59", now, "I dag");
    expect_day(da, "2024-12-02 00:00", now, "I morgen");
    expect_when(da, "2024-12-12 18:00", now, "Torsdag 12. dec. 18:00");
    expect_day(da, "2024-12-12 18:00", now, "Torsdag 12. dec.");
    expect_when(da, "2024-12-03 00:00", now, "Tirsdag 3. dec. 00:00");
    expect_day(da, "2024-11-25 12:00", now, "Mandag 25. nov.");
    /* far away: with the year */
    expect_day(da, "2025-12-12 18:00", now, "Fredag 12. dec. 2025");
    expect_day(da, "2023-12-12 18:00", now, "Tirsdag 12. dec. 2023");
}

static void danish_months(void **state)
{
    const i18n_catalog *da = ((cats *)*state)->da;
    static const char *const want[12] = {
        "Søndag 10. jan.", "Onsdag 10. feb.", "Onsdag 10. mar.", "Lørdag 10. apr.",
        "Mandag 10. maj", "Torsdag 10. jun.", "Lørdag 10. jul.", "Tirsdag 10. aug.",
        "Fredag 10. sep.", "Søndag 10. okt.", "Onsdag 10. nov.", "Fredag 10. dec.",
    };
    for (int m = 1; m <= 12; m++) {
        char t[32], now[32];
        snprintf(t, sizeof t, "2027-%02d-10 12:00", m);
        snprintf(now, sizeof now, "2027-%02d-05 12:00", m);
        expect_day(da, t, now, want[m - 1]);
    }
}

static void english_days(void **state)
{
    const i18n_catalog *en = ((cats *)*state)->en;
    const char *now = "2024-12-01 14:00";
    expect_when(en, "2024-12-01 18:00", now, "Today 18:00");
    expect_when(en, "2024-12-02 10:00", now, "Tomorrow 10:00");
    expect_day(en, "2024-12-02 10:00", now, "Tomorrow");
    expect_day(en, "2024-11-30 10:00", now, "Yesterday");
    expect_when(en, "2024-12-12 18:00", now, "Thursday 12 Dec 18:00");
    expect_day(en, "2027-05-10 12:00", "2027-05-01 12:00", "Monday 10 May");
    expect_day(en, "2025-12-12 18:00", now, "Friday 12 Dec 2025");
    /* no catalog at all speaks the same English */
    expect_when(NULL, "2024-12-12 18:00", now, "Thursday 12 Dec 18:00");
    expect_when(NULL, "2024-12-01 18:00", now, "Today 18:00");
}

static void long_dates_and_clock(void **state)
{
    cats *c = *state;
    char out[128];
    i18n_date_long(c->da, T("2026-11-23 12:00"), out, sizeof out);
    assert_string_equal(out, "Mandag 23. november 2026");
    i18n_date_long(c->en, T("2026-11-23 12:00"), out, sizeof out);
    assert_string_equal(out, "Monday 23 November 2026");
    i18n_date_long(c->da, T("2028-02-29 12:00"), out, sizeof out); /* leap day */
    assert_string_equal(out, "Tirsdag 29. februar 2028");
    i18n_date_long(c->da, T("2026-03-29 03:00"), out, sizeof out);
    assert_string_equal(out, "Søndag 29. marts 2026");
    i18n_clock(c->da, T("2026-07-01 07:05"), out, sizeof out);
    assert_string_equal(out, "07:05");
    i18n_clock(c->en, T("2026-07-01 19:45"), out, sizeof out);
    assert_string_equal(out, "19:45"); /* 24-hour in English too */
    i18n_weekday(c->da, T("2024-12-12 18:00"), out, sizeof out);
    assert_string_equal(out, "torsdag"); /* for "Vi ses torsdag kl. 18:00" */
    i18n_weekday(c->en, T("2024-12-12 18:00"), out, sizeof out);
    assert_string_equal(out, "Thursday");
}

static void countdowns(void **state)
{
    cats *c = *state;
    int64_t now = T("2026-12-10 14:00");
    int64_t h2 = 2 * 3600;
    expect_countdown(c->da, now + 20 * 60, now + 20 * 60 + h2, now, "om 20 min.");
    expect_countdown(c->en, now + 20 * 60, now + 20 * 60 + h2, now, "in 20 min");
    expect_countdown(c->da, now + 30, now + h2, now, "om 1 min.");
    expect_countdown(c->da, now + 59 * 60, now + h2, now, "om 59 min.");
    expect_countdown(c->da, now + 60 * 60, now + h2, now, "om 1 time");
    expect_countdown(c->en, now + 60 * 60, now + h2, now, "in 1 hour");
    expect_countdown(c->da, now + 89 * 60, now + h2, now, "om 1 time");
    expect_countdown(c->da, now + 90 * 60, now + h2 * 2, now, "om 2 timer");
    expect_countdown(c->en, now + 2 * 3600, now + h2 * 2, now, "in 2 hours");
    expect_countdown(c->da, now + 12 * 3600, now + 13 * 3600, now, "om 12 timer");
    expect_countdown(c->da, now + 12 * 3600 + 1, now + 13 * 3600, now, "");
    expect_countdown(c->da, now, now + h2, now, "Nu");
    expect_countdown(c->en, now - 600, now + 600, now, "Now");
    expect_countdown(c->da, now - h2, now, now, "");      /* ended */
    expect_countdown(c->da, now - 1800, now - 1800, now, "Nu"); /* no end: its first hour */
    expect_countdown(c->da, now - 3600, now - 3600, now, "");
    expect_countdown(c->da, now - 86400, now - 80000, now, "");
}

static void tomorrow_on_change_days(void **state)
{
    const i18n_catalog *da = ((cats *)*state)->da;
    /* the 23-hour day */
    expect_when(da, "2026-03-29 10:00", "2026-03-28 23:30", "I morgen 10:00");
    expect_when(da, "2026-03-29 03:00", "2026-03-29 00:30", "I dag 03:00");
    expect_when(da, "2026-03-30 00:15", "2026-03-29 00:30", "I morgen 00:15");
    expect_when(da, "2026-03-30 10:00", "2026-03-28 23:30", "Mandag 30. mar. 10:00");
    /* the 25-hour day: 23 hours 59 minutes after 00:30 is still today */
    expect_when(da, "2026-10-25 23:30", "2026-10-25 00:30", "I dag 23:30");
    expect_when(da, "2026-10-25 23:00", "2026-10-24 23:30", "I morgen 23:00");
    expect_when(da, "2026-10-26 00:10", "2026-10-25 23:50", "I morgen 00:10");
    /* both 02:30s of the repeated hour read 02:30 */
    char out[64];
    i18n_when(da, T("2026-10-25T00:30Z"), T("2026-10-25 00:00"), out, sizeof out);
    assert_string_equal(out, "I dag 02:30");
    i18n_when(da, T("2026-10-25T01:30Z"), T("2026-10-25 00:00"), out, sizeof out);
    assert_string_equal(out, "I dag 02:30");
    /* the countdown counts real minutes across the change: 01:30 to 03:10 CEST is 40 */
    expect_countdown(da, T("2026-03-29 03:10"), T("2026-03-29 05:00"), T("2026-03-29 01:30"),
                     "om 40 min.");
    /* and over the repeated hour: 01:50 CEST to 02:20 CET is 90 min = "om 2 timer" */
    expect_countdown(da, T("2026-10-25T01:20Z"), T("2026-10-25T03:00Z"),
                     T("2026-10-24T23:50Z"), "om 2 timer");
    /* New Year's Eve to New Year's Day, and a leap day */
    expect_when(da, "2027-01-01 00:30", "2026-12-31 23:00", "I morgen 00:30");
    expect_when(da, "2028-02-29 10:00", "2028-02-28 20:00", "I morgen 10:00");
    expect_when(da, "2028-03-01 10:00", "2028-02-28 20:00", "Onsdag 1. mar. 10:00");
}

static void truncation_keeps_characters(void **state)
{
    const i18n_catalog *da = ((cats *)*state)->da;
    char out[6];
    memset(out, 'x', sizeof out);
    i18n_day(da, T("2024-11-30 12:00"), T("2024-12-01 12:00"), out, 5); /* "I går" is 6 bytes */
    assert_string_equal(out, "I g");
    i18n_when(da, T("2024-12-02 10:00"), T("2024-12-01 12:00"), out, sizeof out);
    assert_string_equal(out, "I mor");
    i18n_when(da, T("2024-12-02 10:00"), T("2024-12-01 12:00"), out, 1);
    assert_string_equal(out, "");
    char untouched = 'q';
    i18n_when(da, T("2024-12-02 10:00"), T("2024-12-01 12:00"), &untouched, 0);
    assert_int_equal(untouched, 'q');
    char small[8];
    i18n_date_long(da, T("2026-03-29 12:00"), small, sizeof small); /* "Søndag ..." */
    assert_string_equal(small, "Søndag"); /* 7 bytes + NUL */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(danish_days),
        cmocka_unit_test(danish_months),
        cmocka_unit_test(english_days),
        cmocka_unit_test(long_dates_and_clock),
        cmocka_unit_test(countdowns),
        cmocka_unit_test(tomorrow_on_change_days),
        cmocka_unit_test(truncation_keeps_characters),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
