/* The export files byte for byte (sync_export.c): sign-ups, statistics, statistics per month
 * on a kiosk with Danish letters, quotes and semicolons, households, a waiting list, a
 * cancellation and times on both sides of the summer-time changes. The expected files are
 * tests/sync/data/export-*.csv; any change in how a date, a number or a cell is written
 * fails here. (VAERMED_WRITE_GOLDEN=1 writes them instead, for a deliberate format change.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "sync/sync_buf.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_export.h"
#include "sync/sync_share.h"
#include "sync_test_util.h"
#include "test_support.h"

static void join(store *s, const char *uid, const char *name, int n, const char *when,
                 int adults, int children, bool company, const char *kiosk)
{
    signup su;
    memset(&su, 0, sizeof su);
    snprintf(su.id, sizeof su.id, "00000000-0000-4000-8000-%012d", n);
    snprintf(su.activity_uid, sizeof su.activity_uid, "%s", uid);
    snprintf(su.name, sizeof su.name, "%s", name);
    snprintf(su.kiosk_id, sizeof su.kiosk_id, "%s", kiosk);
    su.adults = adults;
    su.children = children;
    su.wants_company = company;
    su.created = ts_time(when);
    vm_err err = {0};
    if (store_join(s, &su, su.created, NULL, &err) != VM_OK)
        fail_msg("store_join: %s", err.msg);
}

static void check(const char *name, const sync_buf *b)
{
    char rel[128];
    snprintf(rel, sizeof rel, "tests/sync/data/%s", name);
    const char *path = ts_source_path(rel);
    if (getenv("VAERMED_WRITE_GOLDEN")) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
        fclose(f);
        return;
    }
    size_t len = 0;
    char *want = ts_read_file(path, &len);
    assert_non_null(want);
    if (len != b->len || memcmp(want, b->data, len) != 0)
        stu_assert_same(want, b->data);
    assert_int_equal(len, b->len);
    assert_memory_equal(want, b->data, len);
    free(want);
}

static void test_exports_byte_for_byte(void **state)
{
    (void)state;
    char dir[] = "/tmp/vm-export-XXXXXX";
    assert_non_null(mkdtemp(dir));
    store *s = stu_kiosk(dir, "kiosk-a");
    vm_err err = {0};

    /* Summer time ends 25-10-2026 03:00 -> 02:00; it begins 28-03-2027 02:00 -> 03:00. */
    activity a1 =
        stu_activity("spis-1", "Fællesspisning; \"Æblegrød\" og flæsk", "2026-10-25 18:00", 4);
    a1.count_household = true;
    a1.n_tasks = 1;
    snprintf(a1.tasks[0].title, sizeof a1.tasks[0].title, "Dække bord; \"pænt\"");
    a1.tasks[0].slots = 2;
    a1.tasks[0].minutes = 30;
    activity a2 = stu_activity("gaa-2", "Gåtur ved søen", "2026-10-25 10:00", 0);
    activity a3 = stu_activity("banko-3", "=Banko for ældre", "2027-03-28 05:30", 2);
    activity a4 = stu_activity("strik-4", " Strikkecafé ", "2027-03-28 14:05", 0);
    activity a5 = stu_activity("aflyst-5", "Loppemarked, aflyst", "2026-12-31 09:00", 0);
    activity a6 = stu_activity("morgen-6", "Morgenkaffe", "2026-10-24 09:00", 0);
    activity *all[] = {&a1, &a2, &a3, &a4, &a5, &a6};
    for (size_t i = 0; i < 6; i++)
        if (store_activity_put(s, all[i], &err) != VM_OK)
            fail_msg("store_activity_put: %s", err.msg);

    join(s, "spis-1", "Søren Ørsted", 1, "2026-10-20 08:05", 2, 1, true, "kiosk-a");
    join(s, "spis-1", "Åse \"Mor\" Jensen", 2, "2026-10-25 01:59", 1, 0, false, "kiosk-b");
    join(s, "spis-1", "Bjørn; Kaj", 3, "2026-10-25T01:30Z", 1, 2, false, "kiosk-a");
    join(s, "spis-1", "-Lise", 4, "2026-10-25T00:30Z", 1, 0, false, "kiosk-a");
    join(s, "gaa-2", "Mette", 5, "2026-10-24T23:59Z", 1, 0, true, "kiosk-a");
    join(s, "banko-3", "Ib", 6, "2027-03-28T00:59Z", 1, 0, false, "kiosk-a");
    join(s, "banko-3", "Hanne", 7, "2027-03-28T01:00Z", 1, 0, false, "kiosk-a");
    join(s, "banko-3", "Kurt ", 8, "2027-03-28 04:15", 1, 0, false, "kiosk-a");
    join(s, "strik-4", "Ærlige Ølse", 9, "2026-01-01 00:00", 1, 0, false, "kiosk-a");
    join(s, "aflyst-5", "Per", 10, "2026-12-01 12:00", 1, 0, false, "kiosk-a");
    join(s, "morgen-6", "Øjvind", 11, "2026-10-20 07:00", 1, 0, false, "kiosk-b");
    int promoted = 0;
    assert_int_equal(store_cancel(s, "00000000-0000-4000-8000-000000000002",
                                  ts_time("2026-10-23 12:00"), &promoted, &err),
                     VM_OK);
    assert_int_equal(store_signup_set_came(s, "00000000-0000-4000-8000-000000000001", true,
                                           &err),
                     VM_OK);
    assert_int_equal(store_signup_set_came(s, "00000000-0000-4000-8000-000000000006", true,
                                           &err),
                     VM_OK);
    store_walkins w = {.children = 3, .adults = 12, .seniors = 1234};
    assert_int_equal(store_walkins_set(s, "spis-1", &w, ts_time("2026-10-25 21:00"), &err),
                     VM_OK);
    a5.cancelled = true;
    assert_int_equal(store_activity_put(s, &a5, &err), VM_OK);

    sync_buf b = SYNC_BUF_INIT;
    int rows = 0;
    assert_int_equal(sync_export_signups(s, &b, &rows, "kiosk-a", "Kiosk \"Salen\"; stuen",
                                         NULL, &err),
                     VM_OK);
    assert_int_equal(rows, 11);
    check("export-signups.csv", &b);
    sync_buf_free(&b);
    b = (sync_buf)SYNC_BUF_INIT;
    assert_int_equal(sync_export_stats(s, &b, &rows, NULL, &err), VM_OK);
    check("export-stats.csv", &b);
    sync_buf_free(&b);
    b = (sync_buf)SYNC_BUF_INIT;
    assert_int_equal(sync_export_stats_month(s, &b, &rows, NULL, &err), VM_OK);
    check("export-stats-month.csv", &b);
    sync_buf_free(&b);
    /* both from one reading of the attendance: the same two files */
    b = (sync_buf)SYNC_BUF_INIT;
    sync_buf mb = SYNC_BUF_INIT;
    int months = 0;
    assert_int_equal(sync_export_stats_both(s, &b, &rows, &mb, &months, NULL, &err), VM_OK);
    assert_int_equal(rows, 6);
    assert_int_equal(months, 2);
    check("export-stats.csv", &b);
    check("export-stats-month.csv", &mb);
    sync_buf_free(&b);
    sync_buf_free(&mb);
    /* the same files from the program read once, as a sync makes them */
    sync_export_program prog;
    assert_int_equal(sync_export_program_read(s, &prog, &err), VM_OK);
    assert_int_equal(prog.n, 6);
    b = (sync_buf)SYNC_BUF_INIT;
    assert_int_equal(sync_export_signups_of(s, &prog, &b, &rows, "kiosk-a",
                                            "Kiosk \"Salen\"; stuen", NULL, &err),
                     VM_OK);
    assert_int_equal(rows, 11);
    check("export-signups.csv", &b);
    sync_buf_free(&b);
    b = (sync_buf)SYNC_BUF_INIT;
    mb = (sync_buf)SYNC_BUF_INIT;
    assert_int_equal(sync_export_stats_both_of(s, &prog, &b, &rows, &mb, &months, NULL, &err),
                     VM_OK);
    assert_int_equal(rows, 6);
    check("export-stats.csv", &b);
    check("export-stats-month.csv", &mb);
    sync_buf_free(&b);
    sync_buf_free(&mb);
    sync_export_program_free(&prog);
    assert_null(prog.acts);
    /* pladser.csv, what the estate's other kiosks count from this one */
    b = (sync_buf)SYNC_BUF_INIT;
    assert_int_equal(sync_share_export(s, ts_time("2026-01-01 00:00"), &b, &rows, &err), VM_OK);
    check("export-share.csv", &b);
    sync_buf_free(&b);
    store_close(s);
    ts_remove_tree(dir);
}

/* The hand-written numbers and times are what printf writes, at the edges too. */
static void test_fmt_like_printf(void **state)
{
    (void)state;
    const long nums[] = {0, 1, 9, 10, 99, 100, 12345, -1, -10, -9999, LONG_MAX, LONG_MIN};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        char want[32], got[24];
        snprintf(want, sizeof want, "%ld", nums[i]);
        assert_int_equal(sync_fmt_long(nums[i], got), strlen(want));
        assert_string_equal(got, want);
    }
    /* Every hour for two years and a bit, the two changes of 2026 and 2027 among them. */
    for (int64_t t = ts_time("2025-12-31T20:07Z"); t < ts_time("2028-01-02T00:00Z"); t += 3599) {
        dk_tm tm = dktime_local(t);
        char wd[16], wc[8], d[16], c[8];
        snprintf(wd, sizeof wd, "%02d-%02d-%04d", tm.day, tm.month, tm.year);
        snprintf(wc, sizeof wc, "%02d:%02d", tm.hour, tm.minute);
        sync_fmt_local(t, d, c);
        assert_string_equal(d, wd);
        assert_string_equal(c, wc);
    }
}

/* A cell written in one pass is the cell the three-scan writer wrote. */
static void test_csv_put_cells(void **state)
{
    (void)state;
    const char *cells[] = {"",       "a",           "Søren",  "a;b",   "\"",     "\"\"x\"",
                           " lead",  "trail ",      " ",      "=1+1",  "+45",    "-Lise",
                           "@x",     "\tx",         "\rx",    "a\nb",  "x\r",    "a\"b;c ",
                           "Æ\"Ø\"", "end\"",       "'=x",    "mid=x", "9-9",    "a,b"};
    const char *want[] = {"",         "a",           "Søren",     "\"a;b\"",  "\"\"\"\"",
                          "\"\"\"\"\"x\"\"\"",       "\" lead\"", "\"trail \"", "\" \"",
                          "\"'=1+1\"", "\"'+45\"",   "\"'-Lise\"", "\"'@x\"",  "\"'\tx\"",
                          "\"'\rx\"",  "\"a\nb\"",   "\"x\r\"",   "\"a\"\"b;c \"",
                          "\"Æ\"\"Ø\"\"\"",          "\"end\"\"\"", "'=x",   "mid=x",
                          "9-9",       "a,b"};
    assert_int_equal(sizeof cells / sizeof cells[0], sizeof want / sizeof want[0]);
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        sync_buf b = SYNC_BUF_INIT;
        sync_csv_put(&b, cells[i], ';', true);
        buf_adds(&b, "|");
        char w[64];
        snprintf(w, sizeof w, "%s|", want[i]);
        assert_string_equal(b.data, w);
        sync_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exports_byte_for_byte),
        cmocka_unit_test(test_fmt_like_printf),
        cmocka_unit_test(test_csv_put_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
