/* "Hvem kom?": who came, first visits by month, and walk-ins; counts only. */
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

#define DAY 86400

static const store_attendance *find(const store_attendance *l, size_t n, const char *uid)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(l[i].uid, uid) == 0)
            return &l[i];
    fail_msg("no row for %s", uid);
    return NULL;
}

static void who_came_and_first_visits(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_attendance");
    store *s = tu_open(path);
    vm_err err = {0};
    int64_t nov3 = ts_time("2026-11-03 18:00"), nov10 = ts_time("2026-11-10 18:00");
    int64_t dec1 = ts_time("2026-12-01 18:00");
    activity a = tu_activity("spis-3", "Fællesspisning", nov3);
    a.count_household = true;
    activity b = tu_activity("spis-10", "Fællesspisning", nov10);
    activity c = tu_activity("spis-dec", "Fællesspisning", dec1);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &c, &err), VM_OK);
    signup s1 = tu_signup("spis-3", 1, "Birthe", 2, 1);
    signup s2 = tu_signup("spis-10", 2, "birthe ", 1, 0);
    signup s3 = tu_signup("spis-10", 3, "Ali", 1, 0);
    signup s4 = tu_signup("spis-dec", 4, "Birthe", 1, 0);
    signup s5 = tu_signup("spis-3", 5, "Karen", 1, 0);
    int64_t then = ts_time("2026-11-01 10:00");
    assert_int_equal(store_join(s, &s1, then, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &s2, then, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &s3, then, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &s4, then, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &s5, then, NULL, &err), VM_OK);
    assert_int_equal(store_cancel(s, s5.id, then, NULL, &err), VM_OK);

    assert_int_equal(store_signup_set_came(s, s1.id, true, &err), VM_OK);
    assert_int_equal(store_signup_set_came(s, s2.id, true, &err), VM_OK);
    assert_int_equal(store_signup_set_came(s, s3.id, true, &err), VM_OK);
    assert_int_equal(store_signup_set_came(s, s4.id, true, &err), VM_OK);
    assert_int_equal(store_signup_set_came(s, s5.id, true, &err), VM_ERR_REFUSED);
    assert_int_equal(store_signup_set_came(s, "00000000-0000-4000-8000-999999999999", true,
                                           &err),
                     VM_ERR_NOT_FOUND);
    signup back;
    assert_int_equal(store_signup_get(s, s1.id, &back, &err), VM_OK);
    assert_true(back.came);
    signup *all = NULL;
    size_t n_all = 0;
    assert_int_equal(store_signups_list(s, "spis-10", &all, &n_all, &err), VM_OK);
    assert_int_equal(n_all, 2);
    assert_true(all[0].came && all[1].came); /* the staff's list shows the ticks */
    free(all);

    store_walkins w = {.children = 3, .adults = 2, .seniors = 4};
    assert_int_equal(store_walkins_set(s, "spis-10", &w, nov10, &err), VM_OK);
    store_walkins bad = {.children = -1};
    assert_int_equal(store_walkins_set(s, "spis-10", &bad, nov10, &err), VM_ERR_INVALID);
    assert_int_equal(store_walkins_set(s, "nope", &w, nov10, &err), VM_ERR_NOT_FOUND);
    store_walkins got;
    assert_int_equal(store_walkins_get(s, "spis-10", &got, &err), VM_OK);
    assert_memory_equal(&got, &w, sizeof w);
    assert_int_equal(store_walkins_get(s, "spis-3", &got, &err), VM_OK);
    assert_int_equal(got.adults + got.children + got.seniors, 0);

    store_attendance *l = NULL;
    size_t n = 0;
    assert_int_equal(store_attendance_list(s, &l, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    const store_attendance *r3 = find(l, n, "spis-3"), *r10 = find(l, n, "spis-10"),
                           *rd = find(l, n, "spis-dec");
    assert_int_equal(r3->signed_up_heads, 3); /* a household: 2 + 1 */
    assert_int_equal(r3->came_heads, 3);
    assert_int_equal(r3->first_heads, 3);     /* Birthe's first in November */
    assert_int_equal(r10->came_heads, 2);
    assert_int_equal(r10->first_heads, 1);    /* Birthe again (any case): only Ali is new */
    assert_int_equal(r10->walkins.seniors, 4);
    assert_int_equal(rd->first_heads, 1);     /* a new month */
    free(l);

    /* Birthe did not come on the 3rd after all: the 10th is her first visit */
    assert_int_equal(store_signup_set_came(s, s1.id, false, &err), VM_OK);
    assert_int_equal(store_attendance_list(s, &l, &n, &err), VM_OK);
    assert_int_equal(find(l, n, "spis-3")->came_heads, 0);
    assert_int_equal(find(l, n, "spis-3")->first_heads, 0);
    assert_int_equal(find(l, n, "spis-10")->first_heads, 2);
    free(l);

    /* after the purge the names are gone, and what was decided stays */
    int erased = 0;
    assert_int_equal(store_purge_personal(s, ts_time("2027-01-01 00:00"), &erased, &err), VM_OK);
    assert_int_equal(store_attendance_list(s, &l, &n, &err), VM_OK);
    assert_int_equal(find(l, n, "spis-10")->first_heads, 2);
    assert_int_equal(find(l, n, "spis-dec")->first_heads, 1);
    free(l);
    store_close(s);
}

/* Only the participants count (a helper who came is not a visitor), a waiting one is not
 * signed up, and the list is in start order with the activities nobody joined. */
static void helpers_and_the_waiting_list_are_not_signed_up(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_attendance_helpers"));
    vm_err err = {0};
    int64_t nov3 = ts_time("2026-11-03 18:00"), nov2 = ts_time("2026-11-02 18:00");
    activity a = tu_activity("spis-3", "Fællesspisning", nov3);
    a.capacity = 1;
    tu_add_task(&a, "Opvask", 30, 2);
    activity empty = tu_activity("tom-2", "Gåtur", nov2);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &empty, &err), VM_OK);
    int64_t then = ts_time("2026-11-01 10:00");
    signup in = tu_signup("spis-3", 1, "Birthe", 1, 0);
    signup waits = tu_signup("spis-3", 2, "Ali", 1, 0);
    signup helper = tu_signup("spis-3", 3, "Karen", 1, 0);
    helper.task_id = a.tasks[0].id;
    assert_int_equal(store_join(s, &in, then, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &waits, then + 1, NULL, &err), VM_OK);
    assert_int_equal(store_join(s, &helper, then + 2, NULL, &err), VM_OK);
    assert_int_equal(waits.status, SIGNUP_WAITING);
    assert_int_equal(store_signup_set_came(s, in.id, true, &err), VM_OK);
    assert_int_equal(store_signup_set_came(s, waits.id, true, &err), VM_OK);
    vm_status helper_came = store_signup_set_came(s, helper.id, true, &err);
    assert_true(helper_came == VM_OK || helper_came == VM_ERR_REFUSED);

    store_attendance *l = NULL;
    size_t n = 0;
    assert_int_equal(store_attendance_list(s, &l, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(l[0].uid, "tom-2");
    assert_int_equal(l[0].signed_up_heads + l[0].came_heads + l[0].first_heads, 0);
    assert_string_equal(l[1].uid, "spis-3");
    assert_int_equal(l[1].start, nov3);
    assert_int_equal(l[1].signed_up_heads, 1); /* Birthe; Ali waits, Karen helps */
    assert_int_equal(l[1].came_heads, 2);      /* Birthe and Ali came; Karen is a helper */
    free(l);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(who_came_and_first_visits),
        cmocka_unit_test(helpers_and_the_waiting_list_are_not_signed_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
