/* interests: "Sig til, når der sker noget", kept only as long as allowed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store_test_util.h"

static const int64_t NOW = 1767261600; /* 2026-01-01T10:00Z */
#define DAY 86400

static interest make(unsigned n, const char *name, const char *phone, const char *flat)
{
    interest in;
    memset(&in, 0, sizeof in);
    snprintf(in.id, sizeof in.id, "00000000-0000-4000-8000-%012u", n);
    in.cat = CAT_FOOD;
    snprintf(in.about, sizeof in.about, "Fællesspisning");
    snprintf(in.activity_uid, sizeof in.activity_uid, "spis-1");
    snprintf(in.name, sizeof in.name, "%s", name);
    snprintf(in.phone, sizeof in.phone, "%s", phone);
    snprintf(in.flat, sizeof in.flat, "%s", flat);
    return in;
}

static void kept_listed_and_deleted(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_interests");
    store *s = tu_open(path);
    vm_err err = {0};
    assert_int_equal(store_fact_set(s, "kiosk_id", "fh-1", &err), VM_OK);
    interest a = make(1, "  Birthe\t", "21436587", "");
    assert_int_equal(store_interest_add(s, &a, NOW - DAY, &err), VM_OK);
    assert_string_equal(a.name, "Birthe");
    assert_string_equal(a.kiosk_id, "fh-1");
    assert_int_equal(a.created, NOW - DAY);
    interest b = make(2, "Ali", "", "114");
    b.cat = CAT_WORKSHOP;
    assert_int_equal(store_interest_add(s, &b, NOW, &err), VM_OK);
    /* a double tap is one wish */
    interest again = make(2, "Someone else", "", "999");
    assert_int_equal(store_interest_add(s, &again, NOW + 5, &err), VM_OK);
    assert_string_equal(again.name, "Ali");
    interest *list = NULL;
    size_t n = 0;
    assert_int_equal(store_interests_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].name, "Ali"); /* newest first */
    assert_int_equal(list[0].cat, CAT_WORKSHOP);
    assert_string_equal(list[0].flat, "114");
    assert_string_equal(list[1].phone, "21436587");
    assert_string_equal(list[1].about, "Fællesspisning");
    free(list);
    assert_int_equal(store_interest_delete(s, b.id, &err), VM_OK);
    assert_int_equal(store_interest_delete(s, b.id, &err), VM_ERR_NOT_FOUND);
    assert_int_equal(store_interests_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    free(list);
    store_close(s);
}

static void what_cannot_be_right_changes_nothing(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_interests_bad");
    store *s = tu_open(path);
    vm_err err = {0};
    interest ok = make(1, "Birthe", "21436587", "");
    assert_int_equal(store_interest_add(s, &ok, NOW, &err), VM_OK);
    store_close(s);
    char *before = tu_dump(path);
    s = tu_open(path);
    struct {
        interest in;
        const char *why;
    } bad[] = {
        {make(2, "Ali", "", ""), "phone number or a flat"},
        {make(3, "Ali", "1234567", ""), "8 to 15"},
        {make(4, "Ali", "2143658x", ""), "8 to 15"},
        {make(6, "Ali", "", "1234567"), "1 to 6"},
        {make(7, "Ali", "", "12 tv"), "1 to 6"},
        {make(8, "   ", "21436587", ""), "name"},
        {make(9, "\xF0\x9F\x98\x80", "21436587", ""), "pictures"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (store_interest_add(s, &bad[i].in, NOW, &err) != VM_ERR_INVALID)
            fail_msg("case %zu was stored", i);
        if (!strstr(err.msg, bad[i].why))
            fail_msg("case %zu: \"%s\" does not say \"%s\"", i, err.msg, bad[i].why);
    }
    interest no_id = make(10, "Ali", "21436587", "");
    no_id.id[0] = '\0';
    assert_int_equal(store_interest_add(s, &no_id, NOW, &err), VM_ERR_INVALID);
    interest no_about = make(11, "Ali", "21436587", "");
    no_about.about[0] = '\0';
    assert_int_equal(store_interest_add(s, &no_about, NOW, &err), VM_ERR_INVALID);
    store_close(s);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

/* Kept only as long as retention_days allows: purged with the sign-ups' names. */
static void purged_with_the_names(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_interests_purge");
    store *s = tu_open(path);
    vm_err err = {0};
    interest old = make(1, "Birthe", "21436587", "");
    interest recent = make(2, "Ali", "", "114");
    assert_int_equal(store_interest_add(s, &old, NOW - 40 * DAY, &err), VM_OK);
    assert_int_equal(store_interest_add(s, &recent, NOW - 10 * DAY, &err), VM_OK);
    int erased = -1;
    assert_int_equal(store_purge_personal(s, NOW - 30 * DAY, &erased, &err), VM_OK);
    assert_int_equal(erased, 1);
    interest *list = NULL;
    size_t n = 0;
    assert_int_equal(store_interests_list(s, &list, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].name, "Ali");
    free(list);
    store_close(s);
    /* nothing of Birthe's is left in the file's live rows */
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM interests WHERE name = 'Birthe'"),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_listed_and_deleted),
        cmocka_unit_test(what_cannot_be_right_changes_nothing),
        cmocka_unit_test(purged_with_the_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
