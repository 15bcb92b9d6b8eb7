/* maintenance: purging names on time, consistent copies, integrity checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/code.h"
#include "store/store.h"
#include "store_test_util.h"

static const int64_t NOW = 1767261600; /* 2026-01-01T10:00Z */
#define DAY 86400

static void purge_erases_names_of_old_activities_and_keeps_counts(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_purge");
    store *s = tu_open(path);
    vm_err err = {0};
    activity old = tu_activity("old", "Banko", NOW - 40 * DAY);
    old.count_household = true;
    activity recent = tu_activity("recent", "Gåtur", NOW + DAY);
    assert_int_equal(store_activity_put(s, &old, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &recent, &err), VM_OK);
    uint8_t salt[CODE_SALT_BYTES] = {0};
    signup a = tu_signup("old", 1, "Hanne", 2, 1);
    code_hash("1234", salt, 10, NULL, a.code_hash);
    signup b = tu_signup("old", 2, "Ali", 1, 0);
    signup c = tu_signup("recent", 3, "Birthe", 1, 0);
    /* Joined back when it was open. */
    assert_int_equal(store_join(s, &a, NOW - 41 * DAY, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &b, NOW - 41 * DAY, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &c, NOW, NULL, &err), VM_OK);
    assert_int_equal(store_cancel(s, b.id, NOW - 41 * DAY, NULL, &err), VM_OK);
    activity_counts before;
    activity got;
    assert_int_equal(store_activity_get(s, "old", &got, &before, &err), VM_OK);

    int erased = -1;
    assert_int_equal(store_purge_personal(s, NOW - 30 * DAY, &erased, &err), VM_OK);
    assert_int_equal(erased, 2);
    signup back;
    assert_int_equal(store_signup_get(s, a.id, &back, &err), VM_OK);
    assert_string_equal(back.name, "");
    assert_string_equal(back.code_hash, "");
    assert_int_equal(back.adults, 2);
    assert_int_equal(back.status, SIGNUP_CONFIRMED);
    assert_int_equal(store_signup_get(s, c.id, &back, &err), VM_OK);
    assert_string_equal(back.name, "Birthe");
    activity_counts after;
    assert_int_equal(store_activity_get(s, "old", &got, &after, &err), VM_OK);
    assert_memory_equal(&before, &after, sizeof before);

    /* Twice changes nothing more. */
    assert_int_equal(store_purge_personal(s, NOW - 30 * DAY, &erased, &err), VM_OK);
    assert_int_equal(erased, 0);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM signups WHERE name = 'Hanne' "
                                        "OR name = 'Ali'"),
                     0);
}

static void snapshot_is_a_complete_standalone_copy(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_snapshot");
    store *s = tu_open(path);
    vm_err err = {0};
    activity a = tu_activity("spis", "Fællesspisning", NOW + DAY);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    signup su = tu_signup("spis", 1, "Søren", 1, 0);
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_OK);

    char copy[4096];
    snprintf(copy, sizeof copy, "%s", path);
    strcpy(strrchr(copy, '/'), "/copy.db");
    assert_int_equal(store_snapshot(s, copy, &err), VM_OK);
    /* Never over an existing file. */
    assert_int_equal(store_snapshot(s, copy, &err), VM_ERR_IO);
    assert_non_null(strstr(err.msg, "already exists"));
    store_close(s);

    char *dir_listing = NULL;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", copy);
    *strrchr(dir, '/') = '\0';
    /* One self-contained file: not WAL, no temporary left. */
    size_t len = 0;
    unsigned char *bytes = (unsigned char *)ts_read_file(copy, &len);
    assert_non_null(bytes);
    assert_int_equal(bytes[18], 1);
    free(bytes);
    dir_listing = tu_listing(dir);
    assert_null(strstr(dir_listing, ".tmp"));
    free(dir_listing);

    char *original = tu_dump(path);
    char *copied = tu_dump(copy);
    assert_string_equal(original, copied);
    free(original);
    free(copied);

    /* It opens as a Vær med database. */
    store *c = NULL;
    assert_int_equal(store_open(copy, STORE_READONLY, &c, &err), VM_OK);
    signup back;
    assert_int_equal(store_signup_get(c, su.id, &back, &err), VM_OK);
    assert_string_equal(back.name, "Søren");
    store_close(c);

    /* A folder that is not there. */
    s = tu_open(path);
    assert_int_equal(store_snapshot(s, "/nonexistent-folder-vaermed/copy.db", &err), VM_ERR_IO);
    store_close(s);
}

static void integrity_check_passes_on_a_good_file(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_integrity"));
    vm_err err = {0};
    for (int i = 0; i < 30; i++) {
        char uid[16];
        snprintf(uid, sizeof uid, "a%d", i);
        activity a = tu_activity(uid, "Strikkeklub", NOW + i * DAY);
        assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    }
    assert_int_equal(store_integrity_check(s, &err), VM_OK);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(purge_erases_names_of_old_activities_and_keeps_counts),
        cmocka_unit_test(snapshot_is_a_complete_standalone_copy),
        cmocka_unit_test(integrity_check_passes_on_a_good_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
