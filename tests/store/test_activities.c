/* activities: every field round-trips, tasks keep their sign-ups, ranges are right. */
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

static void assert_same_activity(const activity *want, const activity *got)
{
    assert_string_equal(got->uid, want->uid);
    assert_string_equal(got->title, want->title);
    assert_string_equal(got->description, want->description);
    assert_int_equal(got->category, want->category);
    assert_string_equal(got->place, want->place);
    assert_string_equal(got->host, want->host);
    assert_string_equal(got->host_phone, want->host_phone);
    assert_string_equal(got->price, want->price);
    assert_string_equal(got->audience, want->audience);
    assert_int_equal(got->start, want->start);
    assert_int_equal(got->end, want->end);
    assert_int_equal(got->mode, want->mode);
    assert_int_equal(got->capacity, want->capacity);
    assert_int_equal(got->deadline, want->deadline);
    assert_int_equal(got->count_household, want->count_household);
    assert_int_equal(got->badges, want->badges);
    assert_string_equal(got->signup_url, want->signup_url);
    assert_int_equal(got->cancelled, want->cancelled);
    assert_int_equal(got->n_tasks, want->n_tasks);
    for (int i = 0; i < want->n_tasks; i++) {
        assert_string_equal(got->tasks[i].title, want->tasks[i].title);
        assert_int_equal(got->tasks[i].minutes, want->tasks[i].minutes);
        assert_int_equal(got->tasks[i].slots, want->tasks[i].slots);
        assert_true(got->tasks[i].id > 0);
    }
    assert_true(activity_same_content(want, got));
}

static void every_field_round_trips(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_act_roundtrip"));
    vm_err err = {0};
    activity a = tu_activity("fællesspisning-2026-01-02", "Fællesspisning: æøå ÆØÅ é ü",
                             NOW + DAY);
    a.category = CAT_WORKSHOP;
    a.mode = SIGNUP_MODE_HELPERS;
    a.capacity = 40;
    a.deadline = NOW + DAY / 2;
    a.count_household = true;
    a.badges = BADGE_ALL;
    a.cancelled = true;
    tu_add_task(&a, "Dække bord", 30, 2);
    tu_add_task(&a, "Lave kaffe", 20, 1);
    tu_add_task(&a, "Rydde op", 45, 3);
    /* The longest texts the struct holds, in two-byte characters. */
    memset(a.description, 0, sizeof a.description);
    for (size_t i = 0; i + 2 < sizeof a.description; i += 2)
        memcpy(a.description + i, "ø", 2);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    assert_true(a.id > 0);
    for (int i = 0; i < a.n_tasks; i++)
        assert_true(a.tasks[i].id > 0);

    activity got;
    activity_counts c;
    memset(&c, 0xff, sizeof c);
    assert_int_equal(store_activity_get(s, a.uid, &got, &c, &err), VM_OK);
    assert_same_activity(&a, &got);
    assert_int_equal(got.id, a.id);
    assert_int_equal(c.signups, 0);
    assert_int_equal(c.heads_taken, 0);
    assert_int_equal(c.task_taken[2], 0);

    /* Each category, mode and badge survives. */
    for (int cat = 0; cat < CAT_COUNT; cat++) {
        char uid[32];
        snprintf(uid, sizeof uid, "cat-%d", cat);
        activity b = tu_activity(uid, "Kategori", NOW + cat * 3600);
        b.category = (category)cat;
        b.mode = (signup_mode)(cat % 3);
        b.badges = 1u << (cat % BADGE_COUNT);
        assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
        assert_int_equal(store_activity_get(s, uid, &got, NULL, &err), VM_OK);
        assert_same_activity(&b, &got);
    }
    assert_int_equal(store_activity_get(s, "nobody", &got, NULL, &err), VM_ERR_NOT_FOUND);
    store_close(s);
}

static void invalid_activities_are_refused_with_the_field_named(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_act_invalid"));
    vm_err err = {0};
    activity a = tu_activity("", "Banko", NOW);
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    a = tu_activity("x", "", NOW);
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "title"));
    a = tu_activity("x", "Banko", NOW);
    a.end = a.start - 1;
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    a = tu_activity("x", "Banko", NOW);
    a.capacity = -1;
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    a = tu_activity("x", "Banko", NOW);
    memset(a.place, 'x', sizeof a.place); /* no NUL */
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "place"));
    a = tu_activity("x", "Banko", NOW);
    strcpy(a.host, "\xff\xfe");
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    a = tu_activity("x", "Banko", NOW);
    tu_add_task(&a, "Lave kaffe", 20, 1);
    tu_add_task(&a, "Lave kaffe", 20, 1);
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "twice"));
    a = tu_activity("x", "Banko", NOW);
    a.badges = 1u << 20;
    assert_int_equal(store_activity_put(s, &a, &err), VM_ERR_INVALID);
    size_t n = 9;
    assert_int_equal(store_activity_count(s, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    store_close(s);
}

static void put_again_updates_and_keeps_task_signups(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_act_update");
    store *s = tu_open(path);
    vm_err err = {0};
    activity a = tu_activity("værksted", "Reparationsværksted", NOW + DAY);
    a.mode = SIGNUP_MODE_HELPERS;
    tu_add_task(&a, "Dække bord", 30, 2);
    tu_add_task(&a, "Lave kaffe", 20, 1);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    int64_t id = a.id, coffee = a.tasks[1].id, table = a.tasks[0].id;

    signup su = tu_signup("værksted", 1, "Ali", 1, 0);
    su.task_id = coffee;
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_OK);
    signup su2 = tu_signup("værksted", 2, "Birthe", 1, 0);
    su2.task_id = table;
    assert_int_equal(store_join(s, &su2, NOW, NULL, &err), VM_OK);

    /* New order, a renamed first task, more slots for coffee. */
    activity b = tu_activity("værksted", "Reparationsværksted og kaffe", NOW + DAY);
    b.mode = SIGNUP_MODE_HELPERS;
    tu_add_task(&b, "Lave kaffe", 25, 3);
    tu_add_task(&b, "Rydde op", 30, 2);
    assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
    assert_int_equal(b.id, id);
    assert_int_equal(b.tasks[0].id, coffee); /* matched by title */

    activity got;
    activity_counts c;
    assert_int_equal(store_activity_get(s, "værksted", &got, &c, &err), VM_OK);
    assert_same_activity(&b, &got);
    assert_int_equal(c.task_taken[0], 1);
    assert_int_equal(c.task_taken[1], 0);
    /* Birthe's task is gone from the program, her sign-up is not. */
    signup back;
    assert_int_equal(store_signup_get(s, su2.id, &back, &err), VM_OK);
    assert_int_equal(back.task_id, table);
    assert_int_equal(back.status, SIGNUP_CONFIRMED);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT retired FROM helper_tasks WHERE title = 'Dække bord'"),
                     1);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM helper_tasks"), 3);

    /* A task without sign-ups that leaves the program is simply removed. */
    s = tu_open(path);
    b.n_tasks = 1;
    assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM helper_tasks WHERE title = 'Rydde op'"),
                     0);
    /* And one that comes back is the same row, live again. */
    s = tu_open(path);
    tu_add_task(&b, "Dække bord", 30, 2);
    assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
    assert_int_equal(b.tasks[1].id, table);
    assert_int_equal(store_activity_get(s, "værksted", &got, &c, &err), VM_OK);
    assert_int_equal(c.task_taken[1], 1);
    store_close(s);
}

static void between_selects_by_overlap_in_order(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_act_between"));
    vm_err err = {0};
    activity list[] = {
        tu_activity("d", "Banko", NOW + 3 * DAY),
        tu_activity("b", "Gåtur", NOW + DAY),
        tu_activity("c", "Banko", NOW + DAY), /* same start: by title */
        tu_activity("a", "Morgenkaffe", NOW - DAY),
        tu_activity("e", "Strikkeklub", NOW - 3600), /* started, still going */
    };
    list[4].end = NOW + 3600;
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        assert_int_equal(store_activity_put(s, &list[i], &err), VM_OK);
    signup su = tu_signup("c", 1, "Mona", 1, 0);
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_OK);

    activity *got = NULL;
    activity_counts *counts = NULL;
    size_t n = 0;
    assert_int_equal(store_activities_between(s, NOW, NOW + 2 * DAY, &got, &counts, &n, &err),
                     VM_OK);
    assert_int_equal(n, 3);
    assert_string_equal(got[0].uid, "e");
    assert_string_equal(got[1].uid, "c");
    assert_string_equal(got[2].uid, "b");
    assert_int_equal(counts[1].signups, 1);
    assert_int_equal(counts[2].signups, 0);
    free(got);
    free(counts);

    assert_int_equal(store_activities_between(s, NOW + 10 * DAY, NOW + 11 * DAY, &got, NULL, &n,
                                              &err),
                     VM_OK);
    assert_int_equal(n, 0);
    free(got);
    size_t total = 0;
    assert_int_equal(store_activity_count(s, &total, &err), VM_OK);
    assert_int_equal(total, 5);
    store_close(s);
}

/* The kiosk's window: the first `max` by start, with their tasks and counts, whatever else
 * the window holds; one with the same start as the last read but left out is not counted in
 * (nor are its sign-ups given to another). Every way of reading gives the same activities,
 * tasks and counts as reading them all. */

/* store_activities_first_each's callback: each activity is the window's next, whole. */
typedef struct each_check {
    const activity *all;
    const activity_counts *all_counts;
    size_t want_n;
    size_t seen;
    size_t stop_at; /* 0 = never: else returns VM_ERR_NOMEM at this index */
} each_check;

static vm_status each_one(void *ctx, size_t index, size_t n, const activity *a,
                          const activity_counts *counts, vm_err *err)
{
    each_check *c = ctx;
    assert_int_equal(index, c->seen);
    assert_int_equal(n, c->want_n);
    assert_memory_equal(a, &c->all[index], sizeof *a);
    assert_memory_equal(counts, &c->all_counts[index], sizeof *counts);
    c->seen++;
    if (c->stop_at && index == c->stop_at)
        return err_set(err, VM_ERR_NOMEM, "stop");
    return VM_OK;
}

static void first_reads_a_bounded_window(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_act_first"));
    vm_err err = {0};
    char uid[16], title[32];
    /* more than two of first_each's batches (32), with a pair of equal starts split across
     * each batch's end (31 and 32, 63 and 64) */
    enum { N_ACTS = 70 };
    for (int i = 0; i < N_ACTS; i++) {
        snprintf(uid, sizeof uid, "a%02d", i);
        snprintf(title, sizeof title, "Aktivitet %02d", i);
        /* pairs with the same start: 0 and 1, 2 and 3, ... */
        activity a = tu_activity(uid, title, NOW + 3600 + (i / 2) * 600);
        a.mode = SIGNUP_MODE_OPEN;
        if (i % 3 == 0) {
            a.mode = SIGNUP_MODE_HELPERS;
            tu_add_task(&a, "Dække bord", 30, 2);
            tu_add_task(&a, "Lave kaffe", 20, 1);
        }
        assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
        for (int k = 0; k <= i % 4; k++) {
            char name[16];
            snprintf(name, sizeof name, "Ida %d", k);
            signup su = tu_signup(uid, (unsigned)(i * 10 + k), name, 1 + k, k);
            if (a.mode == SIGNUP_MODE_HELPERS)
                su.task_id = a.tasks[k % 2].id;
            if (store_join(s, &su, NOW, NULL, &err) != VM_OK)
                fail_msg("join %s %d: %s", uid, k, err.msg);
        }
    }
    activity *all = NULL, *got = NULL;
    activity_counts *all_counts = NULL, *counts = NULL;
    size_t n_all = 0, n = 0;
    bool more = true;
    assert_int_equal(store_activities_between(s, NOW - DAY, NOW + DAY, &all, &all_counts,
                                              &n_all, &err),
                     VM_OK);
    assert_int_equal(n_all, N_ACTS);
    const size_t maxes[] = {1, 7, 8, 31, 32, 33, 64, 65, 69, 70, 71, 100};
    for (size_t m = 0; m < sizeof maxes / sizeof maxes[0]; m++) {
        assert_int_equal(store_activities_first(s, NOW - DAY, NOW + DAY, maxes[m], &got,
                                                &counts, &n, &more, &err),
                         VM_OK);
        size_t want = maxes[m] < N_ACTS ? maxes[m] : N_ACTS;
        assert_int_equal(n, want);
        assert_true(more == (maxes[m] < N_ACTS));
        for (size_t i = 0; i < n; i++) {
            assert_memory_equal(&got[i], &all[i], sizeof got[i]);
            assert_memory_equal(&counts[i], &all_counts[i], sizeof counts[i]);
        }
        free(got);
        free(counts);
        /* the same window one activity at a time */
        each_check c = {.all = all, .all_counts = all_counts, .want_n = want};
        more = !more;
        assert_int_equal(store_activities_first_each(s, NOW - DAY, NOW + DAY, maxes[m],
                                                     each_one, &c, &more, &err),
                         VM_OK);
        assert_int_equal(c.seen, want);
        assert_true(more == (maxes[m] < N_ACTS));
    }
    /* a status from the callback stops the walk and comes back */
    each_check stop = {.all = all, .all_counts = all_counts, .want_n = N_ACTS, .stop_at = 40};
    assert_int_equal(store_activities_first_each(s, NOW - DAY, NOW + DAY, 100, each_one, &stop,
                                                 NULL, &err),
                     VM_ERR_NOMEM);
    assert_int_equal(stop.seen, 41); /* in the second batch */
    assert_int_equal(store_activities_first_each(s, NOW - DAY, NOW + DAY, 0, each_one, &stop,
                                                 NULL, &err),
                     VM_ERR_INVALID);
    /* the store is usable after (its read transaction ended) */
    activity again;
    assert_int_equal(store_activity_get(s, "a00", &again, NULL, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &again, &err), VM_OK);
    assert_int_equal(store_activities_first(s, NOW - DAY, NOW + DAY, 0, &got, NULL, &n, NULL,
                                            &err),
                     VM_ERR_INVALID);
    free(all);
    free(all_counts);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_field_round_trips),
        cmocka_unit_test(invalid_activities_are_refused_with_the_field_named),
        cmocka_unit_test(put_again_updates_and_keeps_task_signups),
        cmocka_unit_test(between_selects_by_overlap_in_order),
        cmocka_unit_test(first_reads_a_bounded_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
