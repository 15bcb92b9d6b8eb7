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

/* The cancel-code verifiers (peer_codes) go with the names: this kiosk's own ("s1$", made at
 * sign-up) and those another kiosk of the estate sent ("k1$", for sign-ups learned from its
 * places), for the activities that ended before the retention time; those to come stay, so
 * a code still cancels there. */
static void purge_erases_peer_codes_with_the_names(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_purge_peer");
    store *s = tu_open(path);
    vm_err err = {0};
    code_key key;
    memset(&key, 7, sizeof key);
    activity old = tu_activity("old", "Banko", NOW - 40 * DAY);
    activity recent = tu_activity("recent", "Gåtur", NOW + DAY);
    assert_int_equal(store_activity_put(s, &old, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &recent, &err), VM_OK);
    uint8_t salt[CODE_SALT_BYTES] = {1};
    char secret[128];
    /* Sign-ups made here with a code: their masked verifiers are stored beside them. */
    const char *uids[2] = {"old", "recent"};
    int64_t when[2] = {NOW - 41 * DAY, NOW};
    for (int i = 0; i < 2; i++) {
        signup su = tu_signup(uids[i], 10 + (unsigned)i, "Hanne", 1, 0);
        code_hash("1234", salt, 10, &key, su.code_hash);
        code_peer_secret("hanne", "1234", secret, sizeof secret);
        code_peer_make(secret, salt, &key, su.peer_code);
        assert_int_equal(store_join(s, &su, when[i], NULL, &err), VM_OK);
    }
    /* Sign-ups made at another kiosk, learned from its places, and the codes it sent. */
    store_share_row rows[2];
    store_peer_code codes[2];
    for (int i = 0; i < 2; i++) {
        memset(&rows[i], 0, sizeof rows[i]);
        snprintf(rows[i].id, sizeof rows[i].id, "00000000-0000-4000-8000-0000000000%02d", 20 + i);
        snprintf(rows[i].activity_uid, sizeof rows[i].activity_uid, "%s", uids[i]);
        rows[i].adults = 1;
        rows[i].created = rows[i].updated = when[i] + 60;
        snprintf(rows[i].kiosk_id, sizeof rows[i].kiosk_id, "kiosk-vaskeri");
        char masked[SIGNUP_CODE_HASH_MAX], p1[SIGNUP_CODE_HASH_MAX];
        code_peer_secret("ali", "5678", secret, sizeof secret);
        code_peer_make(secret, salt, &key, masked);
        assert_true(code_peer_open(masked, &key, p1));
        snprintf(codes[i].id, sizeof codes[i].id, "%s", rows[i].id);
        assert_true(code_peer_accept(p1, &key, codes[i].verifier));
    }
    store_share_report rep;
    assert_int_equal(store_share_merge(s, rows, 2, NOW, &rep, &err), VM_OK);
    assert_int_equal(rep.added, 2);
    int kept = 0;
    assert_int_equal(store_peer_codes_keep(s, codes, 2, &kept, &err), VM_OK);
    assert_int_equal(kept, 2);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM peer_codes"), 4);

    /* Kept 30 days (retention_days = 30): the old activity ended 40 days ago. */
    s = tu_open(path);
    int erased = -1;
    assert_int_equal(store_purge_personal(s, NOW - 30 * DAY, &erased, &err), VM_OK);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM peer_codes p JOIN signups s ON "
                                        "s.id = p.signup_id JOIN activities a ON a.id = "
                                        "s.activity_id WHERE a.uid = 'old'"),
                     0);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM peer_codes p JOIN signups s ON "
                                        "s.id = p.signup_id JOIN activities a ON a.id = "
                                        "s.activity_id WHERE a.uid = 'recent'"),
                     2);
    /* What is left still works: Ali's code cancels the sign-up to come made elsewhere. */
    s = tu_open(path);
    signup done;
    int promoted = 0;
    assert_int_equal(store_cancel_with_code(s, "recent", "Ali", "5678", &key, NOW, &done,
                                            &promoted, &err),
                     VM_OK);
    assert_string_equal(done.id, rows[1].id);
    store_close(s);
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
        cmocka_unit_test(purge_erases_peer_codes_with_the_names),
        cmocka_unit_test(snapshot_is_a_complete_standalone_copy),
        cmocka_unit_test(integrity_check_passes_on_a_good_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
