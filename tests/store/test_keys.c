/* Staff sticks (listed, withdrawn, expiring) and the staff's public keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store_test_util.h"
#include "test_support.h"

#define T0 1790000000LL
#define DAY 86400
#define KEY_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define KEY_B "9f86d0aa884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define KEY_C "1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"
#define STAFF_1 "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo="
#define STAFF_2 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

static store_stick_state state_of(store *s, const char *key, int64_t now)
{
    store_stick_state st = STORE_STICK_ACTIVE;
    vm_err err = {0};
    assert_int_equal(store_stick_key_check(s, key, now, &st, NULL, &err), VM_OK);
    return st;
}

static void sticks_are_remembered_and_expire(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_keys_sticks");
    store *s = tu_open(path);
    vm_err err = {0};
    assert_int_equal(state_of(s, KEY_A, T0), STORE_STICK_UNKNOWN);
    assert_int_equal(store_stick_key_add(s, KEY_A, "Hannes nøgle", T0 + 30 * DAY, T0, &err),
                     VM_OK);
    assert_int_equal(state_of(s, KEY_A, T0), STORE_STICK_ACTIVE);
    assert_int_equal(state_of(s, KEY_A, T0 + 30 * DAY - 1), STORE_STICK_ACTIVE);
    assert_int_equal(state_of(s, KEY_A, T0 + 30 * DAY), STORE_STICK_EXPIRED);
    /* authorised again: a new expiry, the label kept when none is given */
    assert_int_equal(store_stick_key_add(s, KEY_A, "", 0, T0 + 40 * DAY, &err), VM_OK);
    store_stick_key k;
    store_stick_state st;
    assert_int_equal(store_stick_key_check(s, KEY_A, T0 + 400 * DAY, &st, &k, &err), VM_OK);
    assert_int_equal(st, STORE_STICK_ACTIVE);
    assert_string_equal(k.label, "Hannes nøgle");
    assert_int_equal(k.expires, 0);
    assert_int_equal(k.created, T0);
    assert_int_equal(store_stick_key_used(s, KEY_A, T0 + DAY, &err), VM_OK);
    assert_int_equal(store_stick_key_check(s, KEY_A, T0 + DAY, &st, &k, &err), VM_OK);
    assert_int_equal(k.last_used, T0 + DAY);
    /* bad input */
    assert_int_equal(store_stick_key_add(s, "NOT-HEX", "", 0, T0, &err), VM_ERR_INVALID);
    assert_int_equal(state_of(s, "NOT-HEX", T0), STORE_STICK_UNKNOWN);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM stick_keys"), 1);
}

static void sticks_are_listed_and_withdrawn(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_keys_revoke"));
    vm_err err = {0};
    assert_int_equal(store_stick_key_add(s, KEY_A, "A", 0, T0, &err), VM_OK);
    assert_int_equal(store_stick_key_add(s, KEY_B, "B", 0, T0 + 1, &err), VM_OK);
    assert_int_equal(store_stick_key_add(s, KEY_C, "C", 0, T0 + 2, &err), VM_OK);
    store_stick_key *list = NULL;
    size_t n = 0;
    assert_int_equal(store_stick_keys_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    assert_string_equal(list[0].label, "C"); /* newest first */
    free(list);
    /* A and B share their first six characters: the id must say which */
    store_stick_key which;
    assert_int_equal(store_stick_key_revoke(s, "9f86d0", T0 + 5, &which, &err), VM_ERR_INVALID);
    assert_int_equal(store_stick_key_revoke(s, "9f86", T0 + 5, &which, &err), VM_ERR_INVALID);
    assert_int_equal(store_stick_key_revoke(s, "ffffff", T0 + 5, &which, &err),
                     VM_ERR_NOT_FOUND);
    assert_int_equal(store_stick_key_revoke(s, "9F86D081", T0 + 5, &which, &err), VM_OK);
    assert_string_equal(which.key_sha256, KEY_A);
    assert_int_equal(which.revoked, T0 + 5);
    assert_int_equal(state_of(s, KEY_A, T0 + 6), STORE_STICK_REVOKED);
    assert_int_equal(state_of(s, KEY_B, T0 + 6), STORE_STICK_ACTIVE);
    assert_int_equal(store_stick_key_revoke(s, "9f86d081", T0 + 7, &which, &err),
                     VM_ERR_REFUSED);
    /* still listed, as withdrawn */
    assert_int_equal(store_stick_keys_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    assert_int_equal(list[2].revoked, T0 + 5);
    free(list);
    store_close(s);
}

static void staff_keys_are_added_listed_and_removed(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_keys_staff"));
    vm_err err = {0};
    bool added = false;
    assert_int_equal(store_staff_key_add(s, STAFF_1, "Kontoret", T0, &added, &err), VM_OK);
    assert_true(added);
    assert_int_equal(store_staff_key_add(s, STAFF_1, "Igen", T0 + 1, &added, &err), VM_OK);
    assert_false(added);
    assert_int_equal(store_staff_key_add(s, STAFF_2, "", T0 + 2, &added, &err), VM_OK);
    assert_int_equal(store_staff_key_add(s, "too short", "", T0, &added, &err), VM_ERR_INVALID);
    assert_int_equal(store_staff_key_add(s, STAFF_1 "x", "", T0, &added, &err), VM_ERR_INVALID);
    store_staff_key *list = NULL;
    size_t n = 0;
    assert_int_equal(store_staff_keys_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].public_key, STAFF_1);
    assert_string_equal(list[0].label, "Kontoret");
    free(list);
    assert_int_equal(store_staff_key_remove(s, STAFF_1, &err), VM_OK);
    assert_int_equal(store_staff_key_remove(s, STAFF_1, &err), VM_ERR_NOT_FOUND);
    assert_int_equal(store_staff_keys_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    free(list);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sticks_are_remembered_and_expire),
        cmocka_unit_test(sticks_are_listed_and_withdrawn),
        cmocka_unit_test(staff_keys_are_added_listed_and_removed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
