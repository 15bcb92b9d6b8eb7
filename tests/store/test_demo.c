/* demo_fill: a lively, deterministic program relative to `now`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/demo.h"
#include "core/dktime.h"
#include "core/rules.h"
#include "store/store.h"
#include "store_test_util.h"

#define DAY 86400

static const code_key DEMO_KEY = {{7, 7, 7}};

static store *filled(const char *name, int64_t now, const char **path_out)
{
    const char *path = tu_db_path(name);
    store *s = tu_open(path);
    vm_err err = {0};
    vm_status st = demo_fill(s, now, &DEMO_KEY, &err);
    if (st != VM_OK)
        fail_msg("demo_fill: %d %s", st, err.msg);
    if (path_out)
        *path_out = path;
    return s;
}

static bool has_task(const activity *a, const char *title)
{
    for (int i = 0; i < a->n_tasks; i++)
        if (strcmp(a->tasks[i].title, title) == 0 && a->tasks[i].minutes > 0 &&
            a->tasks[i].slots > 0)
            return true;
    return false;
}

static void check_program(int64_t now)
{
    store *s = filled("store_demo_kinds", now, NULL);
    vm_err err = {0};
    activity *list = NULL;
    activity_counts *counts = NULL;
    size_t n = 0;
    assert_int_equal(store_activities_between(s, now - DAY, now + 60 * DAY, &list, &counts, &n,
                                              &err),
                     VM_OK);
    assert_in_range(n, 18, 24);

    bool food = false, walk = false, workshop = false, games = false, homework = false,
         talk = false, crafts = false, cafe = false, kids = false, meeting = false,
         garden = false, full = false, cancelled = false, phone = false, url = false,
         residents = false;
    int with_signups = 0, today = 0, tomorrow = 0, this_week = 0, later = 0;
    for (size_t i = 0; i < n; i++) {
        const activity *a = &list[i];
        const activity_counts *c = &counts[i];
        assert_true(a->end > a->start);
        assert_true(a->host[0] != '\0');
        assert_true(a->place[0] != '\0');
        assert_true(strlen(a->description) > 40);
        assert_int_equal(strncmp(a->uid, "demo-", 5), 0);
        int days = dktime_days_between(now, a->start);
        assert_in_range(days, 0, 21);
        today += days == 0;
        tomorrow += days == 1;
        this_week += days >= 2 && days < 7;
        later += days >= 7;
        if (c->signups + c->helpers + c->waiting > 0)
            with_signups++;
        switch (a->category) {
        case CAT_FOOD:
            if (a->count_household && a->price[0] && a->deadline > now && c->children > 0)
                food = true;
            break;
        case CAT_WALK:
            if (a->mode == SIGNUP_MODE_NONE && (a->badges & BADGE_JUST_COME))
                walk = true;
            break;
        case CAT_WORKSHOP:
            workshop = has_task(a, "Dække bord") && has_task(a, "Lave kaffe") &&
                       has_task(a, "Rydde op") && c->helpers > 0;
            break;
        case CAT_GAMES:
            games = games || strstr(a->title, "Banko") != NULL;
            break;
        case CAT_HOMEWORK:
            homework = true;
            break;
        case CAT_TALK:
            talk = true;
            break;
        case CAT_CRAFTS:
            crafts = true;
            break;
        case CAT_CAFE:
            cafe = true;
            break;
        case CAT_KIDS:
            kids = true;
            break;
        case CAT_MEETING:
            meeting = true;
            break;
        case CAT_GARDEN:
            garden = true;
            break;
        default:
            break;
        }
        if (a->capacity > 0 && rules_places_left(a, c) == 0 && c->waiting > 0)
            full = true;
        cancelled = cancelled || a->cancelled;
        phone = phone || a->host_phone[0];
        url = url || strncmp(a->signup_url, "https://", 8) == 0;
        residents = residents || (a->badges & BADGE_RESIDENTS_ONLY);
    }
    assert_true(food);
    assert_true(walk);
    assert_true(workshop);
    assert_true(games);
    assert_true(homework);
    assert_true(talk);
    assert_true(crafts);
    assert_true(cafe);
    assert_true(kids);
    assert_true(meeting);
    assert_true(garden);
    assert_true(full);
    assert_true(cancelled);
    assert_true(phone);
    assert_true(url);
    assert_true(residents);
    assert_true(with_signups >= 8);
    assert_true(today >= 3);
    assert_true(tomorrow >= 2);
    assert_true(this_week >= 5);
    assert_true(later >= 4);
    free(list);
    free(counts);

    /* The demo code works on the banko evening. */
    signup done;
    assert_int_equal(store_cancel_with_code(s, "demo-banko", DEMO_CODE_NAME, DEMO_CODE, NULL,
                                            now, &done, NULL, &err),
                     VM_ERR_NOT_FOUND); /* keyed: not without the kiosk's secret */
    assert_int_equal(store_cancel_with_code(s, "demo-banko", DEMO_CODE_NAME, DEMO_CODE,
                                            &DEMO_KEY, now, &done, NULL, &err),
                     VM_OK);
    store_close(s);
}

static void has_every_kind_of_activity(void **state)
{
    (void)state;
    check_program(ts_time("2026-01-14 08:00"));
}

static void works_on_daylight_saving_days_and_late_evenings(void **state)
{
    (void)state;
    /* The night the clocks go forward, the day they go back, and a Sunday just before
     * midnight. */
    const char *days[] = {"2026-03-29 01:30", "2026-10-25 12:00", "2026-06-07 23:50"};
    for (size_t i = 0; i < 3; i++) {
        int64_t now = ts_time(days[i]);
        store *s = filled("store_demo_dst", now, NULL);
        activity a;
        vm_err err = {0};
        assert_int_equal(store_activity_get(s, "demo-morgenkaffe", &a, NULL, &err), VM_OK);
        dk_tm local = dktime_local(a.start);
        assert_int_equal(local.hour, 9);
        assert_int_equal(local.minute, 30);
        assert_int_equal(dktime_days_between(now, a.start), 0);
        assert_int_equal(store_activity_get(s, "demo-faellesspisning-1", &a, NULL, &err), VM_OK);
        local = dktime_local(a.start);
        assert_int_equal(local.hour, 18);
        assert_int_equal(dktime_days_between(now, a.start), 1);
        store_close(s);
    }
}

static void same_now_same_database_and_a_second_fill_adds_nothing(void **state)
{
    (void)state;
    int64_t now = ts_time("2026-05-04 13:15");
    const char *p1 = NULL, *p2 = NULL;
    char first[4096];
    store *s = filled("store_demo_det1", now, &p1);
    store_close(s);
    snprintf(first, sizeof first, "%s", p1);
    s = filled("store_demo_det2", now, &p2);
    store_close(s);
    char *a = tu_dump(first);
    char *b = tu_dump(p2);
    assert_string_equal(a, b);

    s = tu_open(p2);
    vm_err err = {0};
    assert_int_equal(demo_fill(s, now + DAY, &DEMO_KEY, &err), VM_OK);
    store_close(s);
    char *c = tu_dump(p2);
    assert_string_equal(b, c);
    free(a);
    free(b);
    free(c);
}

static void a_real_program_is_left_alone(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_demo_real");
    store *s = tu_open(path);
    vm_err err = {0};
    activity real = tu_activity("real-1", "Beboermøde", ts_time("2026-05-05 19:00"));
    assert_int_equal(store_activity_put(s, &real, &err), VM_OK);
    assert_int_equal(demo_fill(s, ts_time("2026-05-04 13:15"), &DEMO_KEY, &err), VM_OK);
    size_t n = 0;
    assert_int_equal(store_activity_count(s, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(has_every_kind_of_activity),
        cmocka_unit_test(works_on_daylight_saving_days_and_late_evenings),
        cmocka_unit_test(same_now_same_database_and_a_second_fill_adds_nothing),
        cmocka_unit_test(a_real_program_is_left_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
