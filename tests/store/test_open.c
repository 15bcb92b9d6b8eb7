/* store_open: creating, reopening, and refusing what is not ours without writing a byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <sqlite3.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "store_test_util.h"

static const int64_t T0 = 1767261600; /* 2026-01-01T10:00Z */

static int64_t pragma_int(store *s, const char *sql)
{
    /* The store hides its connection; a second, read-only look is what a staff tool gets. */
    return tu_query_int(store_path(s), sql);
}

static void creates_opens_and_reopens(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_open_create");
    store *s = tu_open(path);
    assert_string_equal(store_path(s), path);
    assert_int_equal(pragma_int(s, "PRAGMA application_id"), STORE_APPLICATION_ID);
    assert_int_equal(pragma_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(pragma_int(s, "SELECT CAST(value AS INTEGER) FROM facts "
                                   "WHERE key = 'schema_version'"),
                     STORE_SCHEMA_VERSION);
    vm_err err = {0};
    assert_int_equal(store_fact_set(s, "kiosk_id", "kiosk-fælleshus", &err), VM_OK);
    activity a = tu_activity("a1", "Fællesspisning", T0 + 86400);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    store_close(s);

    s = NULL;
    assert_int_equal(store_open(path, 0, &s, &err), VM_OK);
    char v[64];
    assert_int_equal(store_fact_get(s, "kiosk_id", v, sizeof v, &err), VM_OK);
    assert_string_equal(v, "kiosk-fælleshus");
    assert_int_equal(store_fact_get(s, "nothing", v, sizeof v, &err), VM_ERR_NOT_FOUND);
    char tiny[4];
    assert_int_equal(store_fact_get(s, "kiosk_id", tiny, sizeof tiny, &err), VM_ERR_INVALID);
    size_t n = 0;
    assert_int_equal(store_activity_count(s, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    assert_int_equal(store_integrity_check(s, &err), VM_OK);
    store_close(s);
    store_close(NULL);
}

static void file_is_in_wal_mode(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_open_wal");
    store *s = tu_open(path);
    store_close(s);
    size_t len = 0;
    unsigned char *bytes = (unsigned char *)ts_read_file(path, &len);
    assert_non_null(bytes);
    assert_true(len >= 100);
    /* File format bytes 18 and 19 are 2 in WAL mode. */
    assert_int_equal(bytes[18], 2);
    assert_int_equal(bytes[19], 2);
    free(bytes);
}

static void missing_file_without_create_is_not_found(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("store_open_missing");
    store *s = (store *)1;
    vm_err err = {0};
    assert_int_equal(store_open(ts_path(dir, "none.db"), 0, &s, &err), VM_ERR_NOT_FOUND);
    assert_null(s);
    assert_non_null(strstr(err.msg, "none.db"));
    assert_int_equal(store_open(ts_path(dir, "none.db"), STORE_READONLY, &s, &err),
                     VM_ERR_NOT_FOUND);
    char *listing = tu_listing(dir);
    assert_string_equal(listing, "");
    free(listing);
}

static void missing_folder_is_io_with_the_folder_named(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("store_open_nofolder");
    char path[4096];
    snprintf(path, sizeof path, "%s/no/such/folder/vaermed.db", dir);
    store *s = NULL;
    vm_err err = {0};
    assert_int_equal(store_open(path, STORE_CREATE, &s, &err), VM_ERR_IO);
    assert_null(s);
    assert_non_null(strstr(err.msg, "does not exist"));
    assert_non_null(strstr(err.msg, "no/such/folder"));

    /* A path through a file: the "folder" cannot hold anything. */
    ts_write_file(ts_path(dir, "plain"), "x", 1);
    snprintf(path, sizeof path, "%s/plain/vaermed.db", dir);
    assert_int_equal(store_open(path, STORE_CREATE, &s, &err), VM_ERR_IO);
    assert_null(s);

    /* A folder given as the database. */
    assert_int_equal(store_open(dir, STORE_CREATE, &s, &err), VM_ERR_IO);
    assert_non_null(strstr(err.msg, "folder"));
}

/* The refusal cases: each file is byte-identical afterwards, and nothing appears beside it. */
static void assert_refused_untouched(const char *dir, const char *path, unsigned flags,
                                     vm_status expect, const char *words)
{
    size_t len = 0;
    char *before = ts_read_file(path, &len);
    assert_non_null(before);
    char *listing_before = tu_listing(dir);
    store *s = NULL;
    vm_err err = {0};
    vm_status got = store_open(path, flags, &s, &err);
    if (got != expect)
        fail_msg("store_open(%s) gave %d (%s), expected %d", path, got, err.msg, expect);
    assert_null(s);
    if (getenv("STORE_TEST_VERBOSE"))
        print_message("%s: %s\n", path, err.msg);
    if (words && !strstr(err.msg, words))
        fail_msg("message \"%s\" does not say \"%s\"", err.msg, words);
    size_t len_after = 0;
    char *after = ts_read_file(path, &len_after);
    assert_non_null(after);
    assert_int_equal(len_after, len);
    assert_memory_equal(after, before, len);
    char *listing_after = tu_listing(dir);
    assert_string_equal(listing_after, listing_before);
    free(before);
    free(after);
    free(listing_before);
    free(listing_after);
}

static void refuses_other_programs_databases(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("store_open_foreign");
    const char *other = ts_path(dir, "contacts.db");
    tu_sql(other, "PRAGMA application_id = 1234; CREATE TABLE contacts (name TEXT);"
                  "INSERT INTO contacts VALUES ('Hanne');");
    assert_refused_untouched(dir, other, STORE_CREATE, VM_ERR_FOREIGN, "another program");
    assert_refused_untouched(dir, other, STORE_READONLY, VM_ERR_FOREIGN, "another program");

    /* No application id at all, but tables: still not ours. */
    const char *plain = ts_path(dir, "plain.db");
    tu_sql(plain, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);");
    assert_refused_untouched(dir, plain, STORE_CREATE, VM_ERR_FOREIGN, "another program");

    /* Another program's database in WAL mode: not even its -shm appears. */
    const char *wal = ts_path(dir, "wal.db");
    tu_sql(wal, "PRAGMA journal_mode = WAL; CREATE TABLE t (x);");
    assert_refused_untouched(dir, wal, STORE_CREATE, VM_ERR_FOREIGN, "another program");

    /* Ours by id, but with a table we never make. */
    const char *mixed = ts_path(dir, "mixed.db");
    store *s = tu_open(mixed);
    store_close(s);
    tu_sql(mixed, "CREATE TABLE payroll (x);");
    assert_refused_untouched(dir, mixed, STORE_CREATE, VM_ERR_FOREIGN, "payroll");

    /* Ours by id, with a trigger: a hostile file. */
    const char *trig = ts_path(dir, "trigger.db");
    s = tu_open(trig);
    store_close(s);
    tu_sql(trig, "CREATE TRIGGER evil AFTER INSERT ON facts BEGIN DELETE FROM signups; END;");
    assert_refused_untouched(dir, trig, STORE_CREATE, VM_ERR_FOREIGN, "trigger");
}

static void refuses_files_that_are_not_databases(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("store_open_random");
    unsigned char noise[8192];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof noise; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise[i] = (unsigned char)x;
    }
    const char *random = ts_path(dir, "random.db");
    ts_write_file(random, noise, sizeof noise);
    assert_refused_untouched(dir, random, STORE_CREATE, VM_ERR_FOREIGN, "not a database");

    const char *text = ts_path(dir, "program.csv");
    ts_write_file(text, "Titel;Start\nBanko;24-12-2026 18:00\n", (size_t)-1);
    assert_refused_untouched(dir, text, STORE_CREATE, VM_ERR_FOREIGN, "not a database");
    assert_refused_untouched(dir, text, STORE_READONLY, VM_ERR_FOREIGN, "not a database");

    const char *shorty = ts_path(dir, "short.db");
    ts_write_file(shorty, "SQLite format 3", 16); /* the magic, and nothing after it */
    assert_refused_untouched(dir, shorty, STORE_CREATE, VM_ERR_FOREIGN, NULL);
}

static void refuses_a_newer_version(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_open_newer");
    store *s = tu_open(path);
    store_close(s);
    tu_sql(path, "PRAGMA user_version = 99;");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';
    assert_refused_untouched(dir, path, STORE_CREATE, VM_ERR_TOO_NEW, "newer");
    assert_refused_untouched(dir, path, STORE_READONLY, VM_ERR_TOO_NEW, "newer");
}

/* The kiosk opens with STORE_CHECK_LATER and runs store_check after its first frame: the
 * damage is still found, named, and the file is left exactly as it was. */
static void assert_damage_found_later(const char *dir, const char *path)
{
    size_t len = 0;
    char *before = ts_read_file(path, &len);
    char *listing_before = tu_listing(dir);
    store *s = NULL;
    vm_err err = {0};
    vm_status got = store_open(path, STORE_CREATE | STORE_CHECK_LATER, &s, &err);
    if (got == VM_OK) {
        got = store_check(s, &err);
        store_close(s);
    }
    assert_int_equal(got, VM_ERR_CORRUPT);
    if (!strstr(err.msg, "damaged"))
        fail_msg("message \"%s\" does not say \"damaged\"", err.msg);
    size_t len_after = 0;
    char *after = ts_read_file(path, &len_after);
    assert_int_equal(len_after, len);
    assert_memory_equal(after, before, len);
    char *listing_after = tu_listing(dir);
    assert_string_equal(listing_after, listing_before);
    free(before);
    free(after);
    free(listing_before);
    free(listing_after);
}

/* A sound file passes the deferred check once; a new file needs none. */
static void check_later_passes_a_sound_file(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_open_check_later");
    store *s = NULL;
    vm_err err = {0};
    assert_int_equal(store_open(path, STORE_CREATE | STORE_CHECK_LATER, &s, &err), VM_OK);
    assert_int_equal(store_check(s, &err), VM_OK);
    activity a = tu_activity("banko-1", "Banko", T0);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    store_close(s);
    assert_int_equal(store_open(path, STORE_CREATE | STORE_CHECK_LATER, &s, &err), VM_OK);
    assert_int_equal(store_check(s, &err), VM_OK);
    assert_int_equal(store_check(s, &err), VM_OK);
    store_close(s);
    assert_int_equal(store_check(NULL, &err), VM_ERR_INVALID);
}

static void refuses_a_damaged_file(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_open_corrupt");
    store *s = tu_open(path);
    vm_err err = {0};
    /* Enough rows to fill several pages, so there are pages to damage after the first. */
    for (int i = 0; i < 60; i++) {
        char uid[32];
        snprintf(uid, sizeof uid, "act-%02d", i);
        activity a = tu_activity(uid, "Banko i festsalen", T0 + i * 3600);
        memset(a.description, 'x', 1000);
        a.description[1000] = '\0';
        assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    }
    store_close(s);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    *strrchr(dir, '/') = '\0';

    size_t len = 0;
    char *bytes = ts_read_file(path, &len);
    assert_true(len > 4 * 4096);
    /* Scribble over the middle of the file: b-tree pages, not the header page. */
    for (size_t i = 2 * 4096; i < 4 * 4096; i++)
        bytes[i] = (char)0xA5;
    ts_write_file(path, bytes, len);
    free(bytes);
    assert_refused_untouched(dir, path, STORE_CREATE, VM_ERR_CORRUPT, "damaged");
    assert_refused_untouched(dir, path, STORE_READONLY, VM_ERR_CORRUPT, "damaged");
    assert_damage_found_later(dir, path);

    /* Cut short: a pulled power cord during a copy. */
    const char *cut = ts_path(dir, "cut.db");
    s = tu_open(cut);
    for (int i = 0; i < 60; i++) {
        char uid[32];
        snprintf(uid, sizeof uid, "act-%02d", i);
        activity a = tu_activity(uid, "Strikkeklub", T0 + i * 3600);
        memset(a.description, 'y', 1000);
        a.description[1000] = '\0';
        assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    }
    store_close(s);
    bytes = ts_read_file(cut, &len);
    ts_write_file(cut, bytes, len / 2);
    free(bytes);
    assert_refused_untouched(dir, cut, STORE_CREATE, VM_ERR_CORRUPT, "damaged");
}

static void an_empty_file_becomes_a_database(void **state)
{
    (void)state;
    /* Version 0: an empty file (what `touch` makes) is set up from the schema. */
    const char *dir = ts_fresh_dir("store_open_empty");
    const char *path = ts_path(dir, "vaermed.db");
    ts_write_file(path, "", 0);
    store *s = NULL;
    vm_err err = {0};
    assert_int_equal(store_open(path, STORE_READONLY, &s, &err), VM_ERR_REFUSED);
    assert_null(s);
    assert_int_equal(store_open(path, 0, &s, &err), VM_OK);
    size_t n = 1;
    assert_int_equal(store_activity_count(s, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    store_close(s);
    assert_int_equal(tu_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(tu_query_int(path, "PRAGMA application_id"), STORE_APPLICATION_ID);

    /* And an SQLite file with nothing in it, as `sqlite3 x.db 'PRAGMA user_version'` leaves. */
    const char *bare = ts_path(dir, "bare.db");
    tu_sql(bare, "PRAGMA page_size = 4096; VACUUM;");
    assert_int_equal(store_open(bare, 0, &s, &err), VM_OK);
    store_close(s);
    assert_int_equal(tu_query_int(bare, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

static void readonly_reads_and_refuses_writes(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_open_readonly");
    store *s = tu_open(path);
    vm_err err = {0};
    activity a = tu_activity("ro-1", "Morgenkaffe", T0 + 3600);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    store_close(s);
    assert_int_equal(chmod(path, 0444), 0);
    size_t len = 0;
    char *before = ts_read_file(path, &len);

    s = NULL;
    assert_int_equal(store_open(path, STORE_READONLY, &s, &err), VM_OK);
    activity got;
    assert_int_equal(store_activity_get(s, "ro-1", &got, NULL, &err), VM_OK);
    assert_string_equal(got.title, "Morgenkaffe");
    assert_int_equal(store_fact_set(s, "kiosk_id", "x", &err), VM_ERR_IO);
    activity b = tu_activity("ro-2", "Banko", T0 + 7200);
    assert_int_equal(store_activity_put(s, &b, &err), VM_ERR_IO);
    signup su = tu_signup("ro-1", 1, "Hanne", 1, 0);
    assert_int_equal(store_join(s, &su, T0, NULL, &err), VM_ERR_IO);
    store_close(s);

    size_t len_after = 0;
    char *after = ts_read_file(path, &len_after);
    assert_int_equal(len, len_after);
    assert_memory_equal(before, after, len);
    free(before);
    free(after);
    chmod(path, 0644);
}

/* Run as an ordinary user (root may write anywhere): returns 0 when all is as expected,
 * else the number of the check that failed. */
static int permission_checks(const char *dir, const char *ro_file, const char *ro_dir)
{
    store *s = NULL;
    vm_err err = {0};
    if (store_open(ro_file, 0, &s, &err) != VM_ERR_IO || s || !strstr(err.msg, "may not write"))
        return 1;
    if (store_open(ro_file, STORE_READONLY, &s, &err) != VM_OK)
        return 2;
    activity got;
    if (store_activity_get(s, "perm-1", &got, NULL, &err) != VM_OK)
        return 3;
    store_close(s);
    s = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/new.db", ro_dir);
    if (store_open(path, STORE_CREATE, &s, &err) != VM_ERR_IO || s ||
        !strstr(err.msg, "may not write in the folder"))
        return 4;
    (void)dir;
    return 0;
}

/* As root the checks run as "nobody" in a child, which must be able to walk to the test
 * folder: the build folder may lie in a home other users cannot enter, so root makes its
 * folder in /tmp, which every user may walk through. */
static void permission_dir(char *out, size_t size)
{
    if (geteuid() != 0) {
        snprintf(out, size, "%s", ts_fresh_dir("store_open_perm"));
        return;
    }
    snprintf(out, size, "/tmp/vaermed-store-perm-XXXXXX");
    if (!mkdtemp(out))
        fail_msg("cannot make a folder in /tmp: %s", strerror(errno));
}

static void permissions_are_said_plainly(void **state)
{
    (void)state;
    char dir[4096], ro_file[4096 + 16], ro_dir[4096 + 16];
    permission_dir(dir, sizeof dir);
    snprintf(ro_file, sizeof ro_file, "%s/ro.db", dir);
    snprintf(ro_dir, sizeof ro_dir, "%s/locked", dir);
    store *s = tu_open(ro_file);
    vm_err err = {0};
    activity a = tu_activity("perm-1", "Banko", T0 + 3600);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    store_close(s);
    assert_int_equal(mkdir(ro_dir, 0555), 0);
    assert_int_equal(chmod(ro_file, 0444), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    size_t len = 0;
    char *before = ts_read_file(ro_file, &len);

    int result;
    if (geteuid() != 0) {
        result = permission_checks(dir, ro_file, ro_dir);
    } else {
        /* Root may write anywhere: check as "nobody" in a child. */
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(90);
            if (access(ro_file, R_OK) != 0)
                _exit(91); /* a folder on the way closed to others */
            _exit(permission_checks(dir, ro_file, ro_dir));
        }
        int wstatus = 0;
        assert_int_equal(waitpid(pid, &wstatus, 0), pid);
        assert_true(WIFEXITED(wstatus));
        result = WEXITSTATUS(wstatus);
    }
    size_t len_after = 0;
    char *after = ts_read_file(ro_file, &len_after);
    bool same = after && len == len_after && memcmp(before, after, len) == 0;
    free(before);
    free(after);
    chmod(ro_file, 0644);
    if (geteuid() == 0)
        ts_remove_tree(dir);
    if (result == 91)
        fail_msg("\"nobody\" cannot reach %s: the checks could not be made", dir);
    assert_int_equal(result, 0);
    assert_true(same);
}

static void null_arguments_are_refused(void **state)
{
    (void)state;
    store *s = NULL;
    assert_int_equal(store_open(NULL, STORE_CREATE, &s, NULL), VM_ERR_INVALID);
    assert_int_equal(store_open("", STORE_CREATE, &s, NULL), VM_ERR_INVALID);
    assert_null(store_path(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(creates_opens_and_reopens),
        cmocka_unit_test(file_is_in_wal_mode),
        cmocka_unit_test(missing_file_without_create_is_not_found),
        cmocka_unit_test(missing_folder_is_io_with_the_folder_named),
        cmocka_unit_test(refuses_other_programs_databases),
        cmocka_unit_test(refuses_files_that_are_not_databases),
        cmocka_unit_test(refuses_a_newer_version),
        cmocka_unit_test(refuses_a_damaged_file),
        cmocka_unit_test(check_later_passes_a_sound_file),
        cmocka_unit_test(an_empty_file_becomes_a_database),
        cmocka_unit_test(readonly_reads_and_refuses_writes),
        cmocka_unit_test(permissions_are_said_plainly),
        cmocka_unit_test(null_arguments_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
