#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <string.h>

#include "core/rules.h"

#define C SIGNUP_CONFIRMED
#define W SIGNUP_WAITING
#define X SIGNUP_CANCELLED

static activity common_meal(int capacity)
{
    activity a;
    memset(&a, 0, sizeof a);
    strcpy(a.uid, "spis-1");
    strcpy(a.title, "Fællesspisning");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = capacity;
    a.count_household = true;
    a.start = ts_time("2026-12-10 18:00");
    a.end = ts_time("2026-12-10 20:00");
    a.deadline = ts_time("2026-12-08 12:00");
    return a;
}

static void expect(const rules_entry *q, size_t n, const signup_status *status, const int *pos)
{
    for (size_t i = 0; i < n; i++) {
        if (q[i].status != status[i] || q[i].waiting_position != pos[i])
            fail_msg("entry %zu: status %d position %d, wanted %d %d", i, q[i].status,
                     q[i].waiting_position, status[i], pos[i]);
    }
}

static void heads_and_places(void **state)
{
    (void)state;
    activity a = common_meal(18);
    assert_int_equal(rules_heads(&a, 2, 1), 3);
    assert_int_equal(rules_heads(&a, 0, 0), 1);
    assert_int_equal(rules_heads(&a, -3, 2), 2);
    a.count_household = false;
    assert_int_equal(rules_heads(&a, 2, 1), 1);

    activity_counts c;
    memset(&c, 0, sizeof c);
    a.count_household = true;
    rules_count(&c, &a, -1, C, 2, 1, false);
    rules_count(&c, &a, -1, C, 4, 0, true);
    rules_count(&c, &a, -1, W, 3, 0, true);
    rules_count(&c, &a, -1, X, 9, 9, true);
    assert_int_equal(c.heads_taken, 7);
    assert_int_equal(c.signups, 2);
    assert_int_equal(c.adults, 6);
    assert_int_equal(c.children, 1);
    assert_int_equal(c.waiting, 1);
    assert_int_equal(c.cancelled, 1);
    assert_int_equal(c.company_wanted, 1);
    assert_int_equal(rules_places_left(&a, &c), 11);
    c.heads_taken = 25; /* capacity lowered under the sign-ups */
    assert_int_equal(rules_places_left(&a, &c), 0);
    a.capacity = 0;
    assert_int_equal(rules_places_left(&a, &c), -1);
}

static void join_states(void **state)
{
    (void)state;
    activity a = common_meal(4);
    activity_counts c;
    memset(&c, 0, sizeof c);
    int64_t before = ts_time("2026-12-01 10:00");
    assert_int_equal(rules_join_state(&a, &c, before), JOIN_OPEN);
    c.heads_taken = 4;
    assert_int_equal(rules_join_state(&a, &c, before), JOIN_WAITLIST);
    assert_int_equal(rules_join_state(&a, &c, ts_time("2026-12-08 12:00")),
                     JOIN_DEADLINE_PASSED);
    assert_int_equal(rules_join_state(&a, &c, ts_time("2026-12-10 18:00")), JOIN_STARTED);
    a.deadline = 0;
    assert_int_equal(rules_join_state(&a, &c, ts_time("2026-12-10 17:59")), JOIN_WAITLIST);
    a.capacity = 0;
    assert_int_equal(rules_join_state(&a, &c, before), JOIN_OPEN);
    a.cancelled = true;
    assert_int_equal(rules_join_state(&a, &c, before), JOIN_CANCELLED);
    a.cancelled = false;
    a.mode = SIGNUP_MODE_NONE;
    assert_int_equal(rules_join_state(&a, &c, before), JOIN_NO_SIGNUP);
    /* "Bare kom" is still true while it goes on */
    assert_int_equal(rules_join_state(&a, &c, ts_time("2026-12-10 19:00")), JOIN_NO_SIGNUP);
    a.mode = SIGNUP_MODE_HELPERS;
    assert_int_equal(rules_join_state(&a, &c, before), JOIN_NO_SIGNUP);
}

static void task_states(void **state)
{
    (void)state;
    activity a = common_meal(10);
    a.n_tasks = 2;
    strcpy(a.tasks[0].title, "Dække bord");
    a.tasks[0].slots = 2;
    strcpy(a.tasks[1].title, "Lave kaffe");
    a.tasks[1].slots = 0; /* any number of hands */
    activity_counts c;
    memset(&c, 0, sizeof c);
    int64_t now = ts_time("2026-12-01 10:00");
    rules_count(&c, &a, 0, C, 1, 0, false);
    assert_int_equal(rules_task_join_state(&a, &c, 0, now), JOIN_OPEN);
    rules_count(&c, &a, 0, C, 1, 0, false);
    rules_count(&c, &a, 0, W, 1, 0, false);
    assert_int_equal(c.helpers, 2);
    assert_int_equal(c.helpers_waiting, 1);
    assert_int_equal(c.task_taken[0], 2);
    assert_int_equal(c.heads_taken, 0); /* helpers take no participant places */
    assert_int_equal(rules_task_join_state(&a, &c, 0, now), JOIN_WAITLIST);
    c.task_taken[1] = 50;
    assert_int_equal(rules_task_join_state(&a, &c, 1, now), JOIN_OPEN);
    assert_int_equal(rules_task_join_state(&a, &c, 2, now), JOIN_NO_SIGNUP);
    assert_int_equal(rules_task_join_state(&a, &c, -1, now), JOIN_NO_SIGNUP);
    a.mode = SIGNUP_MODE_NONE; /* tasks of a "Bare kom" gathering still take helpers */
    assert_int_equal(rules_task_join_state(&a, &c, 1, now), JOIN_OPEN);
    assert_int_equal(rules_task_join_state(&a, &c, 1, ts_time("2026-12-09 10:00")),
                     JOIN_DEADLINE_PASSED);
    assert_int_equal(rules_task_join_state(&a, &c, 1, a.start), JOIN_STARTED);
    a.cancelled = true;
    assert_int_equal(rules_task_join_state(&a, &c, 1, now), JOIN_CANCELLED);
}

static void new_signups_fill_then_wait(void **state)
{
    (void)state;
    rules_entry q[5];
    memset(q, 0, sizeof q);
    const int heads[5] = {3, 4, 2, 1, 1};
    size_t n = 0;
    /* capacity 8: 3 + 4 fit, 2 waits, 1 fits (the first who fits), the last 1 waits */
    for (size_t i = 0; i < 5; i++) {
        q[n].heads = heads[i];
        q[n].status = W;
        n++;
        rules_rebalance(q, n, 8);
    }
    expect(q, 5, (signup_status[]){C, C, W, C, W}, (int[]){0, 0, 1, 0, 2});
}

static void cancel_promotes_in_order(void **state)
{
    (void)state;
    /* capacity 6: A(2) B(4) confirmed; waiting C(3) D(1) E(2) */
    rules_entry q[] = {{2, C, 0}, {4, C, 0}, {3, W, 1}, {1, W, 2}, {2, W, 3}};
    q[0].status = X; /* A cancels: 2 free; C(3) does not fit, D(1) does, E(2) not any more */
    int changed = rules_rebalance(q, 5, 6);
    assert_int_equal(changed, 1);
    expect(q, 5, (signup_status[]){X, C, W, C, W}, (int[]){0, 0, 1, 0, 2});
    q[1].status = X; /* B cancels: 5 free; C(3) first, then E(2) */
    changed = rules_rebalance(q, 5, 6);
    assert_int_equal(changed, 2);
    expect(q, 5, (signup_status[]){X, X, C, C, C}, (int[]){0, 0, 0, 0, 0});
    /* nothing to do: nothing changes */
    assert_int_equal(rules_rebalance(q, 5, 6), 0);
}

static void capacity_drop_demotes_latest(void **state)
{
    (void)state;
    rules_entry q[] = {{4, C, 0}, {4, C, 0}, {2, C, 0}, {1, W, 1}};
    /* capacity 10 -> 7: C(2) then B(4) move to waiting; then, in order, what fits in 3:
     * B(4) no, W(1) yes, C(2) yes again */
    int changed = rules_rebalance(q, 4, 7);
    expect(q, 4, (signup_status[]){C, W, C, C}, (int[]){0, 1, 0, 0});
    assert_int_equal(changed, 2); /* B demoted, the waiting one promoted; C ends as it began */
    /* capacity 3: the latest go until the rest fit, then the one of 1 fits back in */
    rules_entry r[] = {{2, C, 0}, {2, C, 0}, {1, C, 0}};
    changed = rules_rebalance(r, 3, 3);
    expect(r, 3, (signup_status[]){C, W, C}, (int[]){0, 1, 0});
    assert_int_equal(changed, 1);
    /* nobody is dropped: the counts of heads stay */
    rules_entry s[] = {{5, C, 0}, {5, C, 0}};
    rules_rebalance(s, 2, 1);
    expect(s, 2, (signup_status[]){W, W}, (int[]){1, 2});
}

static void unlimited_confirms_everyone(void **state)
{
    (void)state;
    rules_entry q[] = {{20, W, 1}, {1, C, 0}, {3, X, 0}, {7, W, 2}};
    int changed = rules_rebalance(q, 4, 0);
    assert_int_equal(changed, 2);
    expect(q, 4, (signup_status[]){C, C, X, C}, (int[]){0, 0, 0, 0});
}

static void household_bigger_than_capacity(void **state)
{
    (void)state;
    /* a family of 6 for 4 places waits; the ones after it are not held up */
    rules_entry q[] = {{6, W, 0}, {2, W, 0}, {2, W, 0}, {1, W, 0}};
    rules_rebalance(q, 4, 4);
    expect(q, 4, (signup_status[]){W, C, C, W}, (int[]){1, 0, 0, 2});
    /* even alone on an empty list it waits, at place 1 */
    rules_entry one[] = {{6, W, 0}};
    assert_int_equal(rules_rebalance(one, 1, 4), 0);
    expect(one, 1, (signup_status[]){W}, (int[]){1});
}

static void helpers_are_one_head(void **state)
{
    (void)state;
    /* task "Dække bord" with 2 slots */
    rules_entry q[] = {{1, W, 0}, {1, W, 0}, {1, W, 0}};
    rules_rebalance(q, 3, 2);
    expect(q, 3, (signup_status[]){C, C, W}, (int[]){0, 0, 1});
    q[0].status = X;
    rules_rebalance(q, 3, 2);
    expect(q, 3, (signup_status[]){X, C, C}, (int[]){0, 0, 0});
}

static void cancelled_untouched_and_empty(void **state)
{
    (void)state;
    rules_entry q[] = {{1, X, 7}, {1, X, 0}};
    assert_int_equal(rules_rebalance(q, 2, 1), 0);
    expect(q, 2, (signup_status[]){X, X}, (int[]){0, 0});
    assert_int_equal(rules_rebalance(NULL, 0, 5), 0);
    /* zero heads (a malformed row) takes no room and is confirmed */
    rules_entry z[] = {{0, W, 0}, {-2, W, 0}};
    rules_rebalance(z, 2, 1);
    expect(z, 2, (signup_status[]){C, C}, (int[]){0, 0});
}

/* The household and name rules, written once here for the store, the app and the command
 * line. */
static void household_and_name_rules(void **state)
{
    (void)state;
    assert_int_equal(rules_household(1, 0), JOIN_REFUSAL_NONE);
    assert_int_equal(rules_household(0, 1), JOIN_REFUSAL_NONE);
    assert_int_equal(rules_household(HOUSEHOLD_MAX, HOUSEHOLD_MAX), JOIN_REFUSAL_NONE);
    assert_int_equal(rules_household(0, 0), JOIN_REFUSAL_HOUSEHOLD);
    assert_int_equal(rules_household(-1, 2), JOIN_REFUSAL_HOUSEHOLD);
    assert_int_equal(rules_household(HOUSEHOLD_MAX + 1, 0), JOIN_REFUSAL_HOUSEHOLD);
    assert_int_equal(rules_household(1, HOUSEHOLD_MAX + 1), JOIN_REFUSAL_HOUSEHOLD);

    char out[SIGNUP_NAME_BYTES];
    assert_int_equal(rules_clean_name("  Søren \t Ærø\n", out), JOIN_REFUSAL_NONE);
    assert_string_equal(out, "Søren Ærø");
    assert_int_equal(rules_clean_name("\xd9\x85\xd8\xb1\xd9\x8a\xd9\x85", out), JOIN_REFUSAL_NONE);
    assert_int_equal(rules_clean_name(" \t ", out), JOIN_REFUSAL_NAME);
    assert_int_equal(rules_clean_name(NULL, out), JOIN_REFUSAL_NAME);
    assert_int_equal(rules_clean_name("Hanne \xf0\x9f\x98\x80", out), JOIN_REFUSAL_NAME);
    /* cut to SIGNUP_NAME_MAX characters, and no space left at the end by the cut */
    char longer[200] = "";
    for (int i = 0; i < SIGNUP_NAME_MAX - 1; i++)
        strcat(longer, "\xc3\xa5"); /* å */
    strcat(longer, " Bo");
    assert_int_equal(rules_clean_name(longer, out), JOIN_REFUSAL_NONE);
    assert_int_equal(strlen(out), (SIGNUP_NAME_MAX - 1) * 2);

    assert_int_equal(rules_refusal(JOIN_OPEN), JOIN_REFUSAL_NONE);
    assert_int_equal(rules_refusal(JOIN_WAITLIST), JOIN_REFUSAL_NONE);
    assert_int_equal(rules_refusal(JOIN_CANCELLED), JOIN_REFUSAL_CANCELLED);
    assert_int_equal(rules_refusal(JOIN_DEADLINE_PASSED), JOIN_REFUSAL_DEADLINE_PASSED);
    assert_int_equal(rules_refusal(JOIN_PAUSED), JOIN_REFUSAL_PAUSED);
}

/* The terms carry what the rules read: the same answers from them as from the activity, and
 * a later change to the activity's texts changes nothing. */
static void terms_answer_as_the_activity(void **state)
{
    (void)state;
    activity a = common_meal(10);
    a.n_tasks = 2;
    strcpy(a.tasks[0].title, "Dække bord");
    a.tasks[0].slots = 2;
    strcpy(a.tasks[1].title, "Opvask");
    a.tasks[1].slots = 0;
    rules_terms t = rules_terms_of(&a);
    assert_int_equal(t.mode, SIGNUP_MODE_OPEN);
    assert_int_equal(t.capacity, 10);
    assert_int_equal(t.start, a.start);
    assert_int_equal(t.deadline, a.deadline);
    assert_true(t.count_household);
    assert_false(t.cancelled);
    assert_int_equal(t.n_tasks, 2);
    assert_int_equal(t.task_slots[0], 2);
    assert_int_equal(t.task_slots[1], 0);
    activity_counts c = {.heads_taken = 10, .task_taken = {2, 5}};
    int64_t times[] = {ts_time("2026-12-01 12:00"), ts_time("2026-12-09 12:00"),
                       ts_time("2026-12-10 19:00")};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        assert_int_equal(rules_terms_join_state(&t, &c, times[i]),
                         rules_join_state(&a, &c, times[i]));
        for (int k = -1; k <= 2; k++)
            assert_int_equal(rules_terms_task_join_state(&t, &c, k, times[i]),
                             rules_task_join_state(&a, &c, k, times[i]));
    }
    assert_int_equal(rules_terms_join_state(&t, &c, times[0]), JOIN_WAITLIST);
    assert_int_equal(rules_terms_task_join_state(&t, &c, 0, times[0]), JOIN_WAITLIST);
    assert_int_equal(rules_terms_task_join_state(&t, &c, 1, times[0]), JOIN_OPEN);
    assert_int_equal(rules_terms_places_left(&t, &c), 0);
    assert_int_equal(rules_terms_heads(&t, 2, 3), 5);
    assert_int_equal(rules_terms_heads(NULL, 2, 3), 1);
    /* a task count out of range is cut to what an activity can hold */
    a.n_tasks = ACT_TASKS_MAX + 5;
    assert_int_equal(rules_terms_of(&a).n_tasks, ACT_TASKS_MAX);
    a.n_tasks = -1;
    assert_int_equal(rules_terms_of(&a).n_tasks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(heads_and_places),
        cmocka_unit_test(join_states),
        cmocka_unit_test(task_states),
        cmocka_unit_test(new_signups_fill_then_wait),
        cmocka_unit_test(cancel_promotes_in_order),
        cmocka_unit_test(capacity_drop_demotes_latest),
        cmocka_unit_test(unlimited_confirms_everyone),
        cmocka_unit_test(household_bigger_than_capacity),
        cmocka_unit_test(helpers_are_one_head),
        cmocka_unit_test(cancelled_untouched_and_empty),
        cmocka_unit_test(household_and_name_rules),
        cmocka_unit_test(terms_answer_as_the_activity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
