/* store_import_program: the staff file is the truth for activities, never for sign-ups. */
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

/* The staff's program: three future activities and one past. */
static size_t program(activity *out)
{
    out[0] = tu_activity("food", "Fællesspisning", NOW + DAY);
    out[0].capacity = 10;
    out[0].count_household = true;
    out[1] = tu_activity("walk", "Gåtur", NOW + 2 * DAY);
    out[1].mode = SIGNUP_MODE_NONE;
    out[2] = tu_activity("work", "Værksted", NOW + 3 * DAY);
    out[2].mode = SIGNUP_MODE_HELPERS;
    tu_add_task(&out[2], "Lave kaffe", 30, 2);
    out[3] = tu_activity("past", "Banko", NOW - 7 * DAY);
    return 4;
}

static void import_ok(store *s, const activity *acts, size_t n, int64_t now,
                      store_import_report *r)
{
    vm_err err = {0};
    vm_status st = store_import_program(s, acts, n, now, r, &err);
    if (st != VM_OK)
        fail_msg("import: %d %s", st, err.msg);
    assert_string_equal(err.msg, ""); /* success leaves the error untouched */
}

static void first_import_adds_and_second_changes_nothing(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_import_twice");
    store *s = tu_open(path);
    activity acts[8];
    size_t n = program(acts);
    store_import_report r;
    import_ok(s, acts, n, NOW, &r);
    assert_int_equal(r.added, 4);
    assert_int_equal(r.changed + r.unchanged + r.cancelled + r.restored, 0);
    vm_err err = {0};
    signup su = tu_signup("food", 1, "Hanne", 2, 1);
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_OK);
    store_close(s);

    char *before = tu_dump(path);
    s = tu_open(path);
    import_ok(s, acts, n, NOW + 60, &r);
    store_close(s);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(r.added + r.changed + r.cancelled + r.restored + r.moved_to_waiting +
                         r.promoted,
                     0);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void changes_cancellations_and_restores_are_told_apart(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_import_kinds");
    store *s = tu_open(path);
    activity acts[8];
    size_t n = program(acts);
    store_import_report r;
    import_ok(s, acts, n, NOW, &r);
    vm_err err = {0};
    signup su = tu_signup("walk", 1, "Ole", 1, 0);
    /* "walk" takes no sign-ups; put one on "work" instead, and on the one that will vanish */
    signup helper = tu_signup("work", 2, "Ole", 1, 0);
    activity work;
    assert_int_equal(store_activity_get(s, "work", &work, NULL, &err), VM_OK);
    helper.task_id = work.tasks[0].id;
    assert_int_equal(store_join(s, &helper, NOW, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_ERR_REFUSED);

    /* The new file: food moved an hour, work vanished, past vanished, a new one appeared. */
    activity next[8];
    next[0] = acts[0];
    next[0].start += 3600;
    next[0].end += 3600;
    next[1] = acts[1];
    next[2] = tu_activity("talk", "Foredrag", NOW + 4 * DAY);
    import_ok(s, next, 3, NOW, &r);
    assert_int_equal(r.added, 1);
    assert_int_equal(r.changed, 1);
    assert_int_equal(r.unchanged, 1);
    assert_int_equal(r.cancelled, 1); /* work; the past one is left as it was */
    assert_int_equal(r.restored, 0);
    activity got;
    assert_int_equal(store_activity_get(s, "work", &got, NULL, &err), VM_OK);
    assert_true(got.cancelled);
    assert_int_equal(store_activity_get(s, "past", &got, NULL, &err), VM_OK);
    assert_false(got.cancelled);
    assert_int_equal(store_activity_get(s, "food", &got, NULL, &err), VM_OK);
    assert_int_equal(got.start, acts[0].start + 3600);
    /* The helper's sign-up is still there, on a cancelled activity. */
    signup back;
    assert_int_equal(store_signup_get(s, helper.id, &back, &err), VM_OK);
    assert_int_equal(back.status, SIGNUP_CONFIRMED);

    /* Importing the same new file again: nothing is cancelled twice. */
    import_ok(s, next, 3, NOW, &r);
    assert_int_equal(r.unchanged, 3);
    assert_int_equal(r.cancelled, 0);

    /* work comes back: restored, with its task and helper. */
    next[3] = acts[2];
    import_ok(s, next, 4, NOW, &r);
    assert_int_equal(r.restored, 1);
    assert_int_equal(r.unchanged, 3);
    activity_counts c;
    assert_int_equal(store_activity_get(s, "work", &got, &c, &err), VM_OK);
    assert_false(got.cancelled);
    assert_int_equal(c.task_taken[0], 1);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM activities"), 5);
}

static void a_lower_capacity_moves_the_latest_to_waiting(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_import_capacity"));
    activity acts[8];
    size_t n = program(acts);
    store_import_report r;
    import_ok(s, acts, n, NOW, &r);
    vm_err err = {0};
    /* Households of 3, 3 and 4 fill the 10 places. */
    signup a = tu_signup("food", 1, "Hanne", 2, 1);
    signup b = tu_signup("food", 2, "Ali", 1, 2);
    signup c = tu_signup("food", 3, "Birthe", 2, 2);
    a.created = NOW - 300;
    b.created = NOW - 200;
    c.created = NOW - 100;
    assert_int_equal(store_join(s, &a, NOW, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &b, NOW, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &c, NOW, NULL, &err), VM_OK);
    assert_int_equal(c.status, SIGNUP_CONFIRMED);

    acts[0].capacity = 6;
    import_ok(s, acts, n, NOW, &r);
    assert_int_equal(r.changed, 1);
    assert_int_equal(r.moved_to_waiting, 1);
    signup got;
    assert_int_equal(store_signup_get(s, c.id, &got, &err), VM_OK);
    assert_int_equal(got.status, SIGNUP_WAITING);
    assert_int_equal(got.waiting_position, 1);
    assert_int_equal(store_signup_get(s, b.id, &got, &err), VM_OK);
    assert_int_equal(got.status, SIGNUP_CONFIRMED);

    acts[0].capacity = 5;
    import_ok(s, acts, n, NOW, &r);
    assert_int_equal(r.moved_to_waiting, 1);
    assert_int_equal(store_signup_get(s, b.id, &got, &err), VM_OK);
    assert_int_equal(got.status, SIGNUP_WAITING);
    assert_int_equal(got.waiting_position, 1); /* older than Birthe: first in the queue */
    assert_int_equal(store_signup_get(s, c.id, &got, &err), VM_OK);
    assert_int_equal(got.waiting_position, 2);

    /* Room again: promoted in order. */
    acts[0].capacity = 10;
    import_ok(s, acts, n, NOW, &r);
    assert_int_equal(r.promoted, 2);
    assert_int_equal(r.moved_to_waiting, 0);
    signup *list = NULL;
    size_t len = 0;
    assert_int_equal(store_signups_list(s, "food", &list, &len, &err), VM_OK);
    assert_int_equal(len, 3);
    for (size_t i = 0; i < len; i++)
        assert_int_equal(list[i].status, SIGNUP_CONFIRMED);
    free(list);
    store_close(s);
}

static void a_bad_program_changes_nothing(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_import_bad");
    store *s = tu_open(path);
    activity acts[8];
    size_t n = program(acts);
    store_import_report r;
    import_ok(s, acts, n, NOW, &r);
    store_close(s);
    char *before = tu_dump(path);

    s = tu_open(path);
    vm_err err = {0};
    activity next[8];
    memcpy(next, acts, sizeof acts);
    next[0].capacity = 1;
    next[4] = next[1]; /* the same uid twice */
    assert_int_equal(store_import_program(s, next, 5, NOW, &r, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "walk"));
    assert_int_equal(r.changed, 0);
    next[4] = tu_activity("new", "", NOW + DAY); /* no title */
    assert_int_equal(store_import_program(s, next, 5, NOW, &r, &err), VM_ERR_INVALID);
    store_close(s);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void an_empty_program_cancels_the_future_only(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_import_empty"));
    activity acts[8];
    size_t n = program(acts);
    store_import_report r;
    import_ok(s, acts, n, NOW, &r);
    import_ok(s, NULL, 0, NOW, &r);
    assert_int_equal(r.cancelled, 3);
    size_t count = 0;
    vm_err err = {0};
    assert_int_equal(store_activity_count(s, &count, &err), VM_OK);
    assert_int_equal(count, 4);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_import_adds_and_second_changes_nothing),
        cmocka_unit_test(changes_cancellations_and_restores_are_told_apart),
        cmocka_unit_test(a_lower_capacity_moves_the_latest_to_waiting),
        cmocka_unit_test(a_bad_program_changes_nothing),
        cmocka_unit_test(an_empty_program_cancels_the_future_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
