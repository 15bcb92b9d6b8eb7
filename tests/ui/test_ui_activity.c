/* ui_activity (ui/ui_activity.h): an activity's texts copied into an arena at their length,
 * every field there, an empty one "", the tasks with their titles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "ui/ui_activity.h"

static void every_field_is_copied(void **state)
{
    (void)state;
    activity a;
    memset(&a, 0, sizeof a);
    a.id = 42;
    strcpy(a.uid, "spis-2411");
    strcpy(a.title, "Fællesspisning");
    strcpy(a.description, "Vi laver mad sammen.\nTag gerne naboen med.");
    a.category = CAT_FOOD;
    strcpy(a.place, "Fælleshuset");
    strcpy(a.host, "Hanne");
    strcpy(a.host_phone, "21 43 65 87");
    strcpy(a.price, "25 kr.");
    strcpy(a.audience, "For alle");
    strcpy(a.signup_url, "https://example.org/spis");
    a.start = 1000;
    a.end = 2000;
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 30;
    a.deadline = 900;
    a.count_household = true;
    a.badges = BADGE_FREE | BADGE_STEP_FREE;
    a.cancelled = true;
    a.n_tasks = 2;
    a.tasks[0] = (helper_task){11, "Dække bord", 30, 2};
    a.tasks[1] = (helper_task){12, "Opvask", 20, 0};
    ui_arena arena = {0};
    ui_activity u;
    assert_true(ui_activity_fill(&u, &a, &arena));
    memset(&a, 0, sizeof a); /* the copy is its own */
    assert_int_equal(u.id, 42);
    assert_string_equal(u.uid, "spis-2411");
    assert_string_equal(u.title, "Fællesspisning");
    assert_string_equal(u.description, "Vi laver mad sammen.\nTag gerne naboen med.");
    assert_int_equal(u.category, CAT_FOOD);
    assert_string_equal(u.place, "Fælleshuset");
    assert_string_equal(u.host, "Hanne");
    assert_string_equal(u.host_phone, "21 43 65 87");
    assert_string_equal(u.price, "25 kr.");
    assert_string_equal(u.audience, "For alle");
    assert_string_equal(u.signup_url, "https://example.org/spis");
    assert_int_equal(u.start, 1000);
    assert_int_equal(u.end, 2000);
    assert_int_equal(u.mode, SIGNUP_MODE_OPEN);
    assert_int_equal(u.capacity, 30);
    assert_int_equal(u.deadline, 900);
    assert_true(u.count_household);
    assert_int_equal(u.badges, BADGE_FREE | BADGE_STEP_FREE);
    assert_true(u.cancelled);
    assert_int_equal(u.n_tasks, 2);
    assert_int_equal(u.tasks[0].id, 11);
    assert_string_equal(u.tasks[0].title, "Dække bord");
    assert_int_equal(u.tasks[0].minutes, 30);
    assert_int_equal(u.tasks[0].slots, 2);
    assert_int_equal(u.tasks[1].id, 12);
    assert_string_equal(u.tasks[1].title, "Opvask");
    /* the terms the rules read */
    rules_terms t = ui_activity_terms(&u);
    assert_int_equal(t.capacity, 30);
    assert_int_equal(t.deadline, 900);
    assert_true(t.cancelled);
    assert_int_equal(t.n_tasks, 2);
    assert_int_equal(t.task_slots[0], 2);
    /* the texts and tasks, not 3.5 KB of fixed fields */
    assert_true(ui_arena_bytes(&arena) <= 4096 + 256);
    ui_arena_free(&arena);
    assert_int_equal(ui_arena_bytes(&arena), 0);
}

static void empty_texts_and_odd_fields(void **state)
{
    (void)state;
    activity a;
    memset(&a, 0, sizeof a);
    ui_arena arena = {0};
    ui_activity u;
    /* nothing at all: every text "", no tasks, nothing taken from the arena */
    assert_true(ui_activity_fill(&u, &a, &arena));
    assert_string_equal(u.uid, "");
    assert_string_equal(u.title, "");
    assert_string_equal(u.description, "");
    assert_string_equal(u.signup_url, "");
    assert_int_equal(u.n_tasks, 0);
    assert_null(u.tasks);
    assert_int_equal(ui_arena_bytes(&arena), 0);
    /* a field without its NUL is cut at its size; a task count out of range is cut to the
     * tasks an activity holds */
    memset(a.title, 'x', sizeof a.title);
    a.n_tasks = ACT_TASKS_MAX + 3;
    for (int i = 0; i < ACT_TASKS_MAX; i++)
        a.tasks[i].title[0] = (char)('a' + i);
    assert_true(ui_activity_fill(&u, &a, &arena));
    assert_int_equal(strlen(u.title), sizeof a.title);
    assert_int_equal(u.n_tasks, ACT_TASKS_MAX);
    assert_string_equal(u.tasks[ACT_TASKS_MAX - 1].title, "h");
    a.n_tasks = -2;
    assert_true(ui_activity_fill(&u, &a, &arena));
    assert_int_equal(u.n_tasks, 0);
    ui_arena_free(&arena);
}

/* Many activities: each one's texts stay where they were put (chunks never move), also a
 * text larger than a chunk. */
static void texts_stay_put(void **state)
{
    (void)state;
    enum { N = 200 };
    ui_arena arena = {0};
    static ui_activity u[N];
    activity a;
    for (int i = 0; i < N; i++) {
        memset(&a, 0, sizeof a);
        snprintf(a.uid, sizeof a.uid, "act-%d", i);
        snprintf(a.title, sizeof a.title, "Aktivitet nummer %d", i);
        if (i % 50 == 7)
            memset(a.description, 'a' + i % 26, sizeof a.description - 1);
        assert_true(ui_activity_fill(&u[i], &a, &arena));
    }
    for (int i = 0; i < N; i++) {
        char want[64];
        snprintf(want, sizeof want, "act-%d", i);
        assert_string_equal(u[i].uid, want);
        snprintf(want, sizeof want, "Aktivitet nummer %d", i);
        assert_string_equal(u[i].title, want);
        if (i % 50 == 7) {
            assert_int_equal(strlen(u[i].description), ACT_TEXT_MAX - 1);
            assert_int_equal(u[i].description[0], 'a' + i % 26);
        }
    }
    ui_arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_field_is_copied),
        cmocka_unit_test(empty_texts_and_odd_fields),
        cmocka_unit_test(texts_stay_put),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
