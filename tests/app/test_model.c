/* The model the screens are built from (app/model.h): a window of at most MODEL_MAX_ENTRIES
 * activities, each with what the store says of it (activity and counts), whatever the size
 * of the program; a program that fits is there whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/model.h"
#include "test_support.h"

#define NOW_ISO "2026-11-23 09:30"

static store *program(const char *name, int n, int64_t now)
{
    store *s = NULL;
    vm_err err = {0};
    const char *path = ts_path(ts_fresh_dir(name), "kiosk.db");
    assert_int_equal(store_open(path, STORE_CREATE, &s, &err), VM_OK);
    for (int i = 0; i < n; i++) {
        activity a;
        memset(&a, 0, sizeof a);
        snprintf(a.uid, sizeof a.uid, "act-%04d", i);
        snprintf(a.title, sizeof a.title, "Aktivitet %04d", i);
        snprintf(a.description, sizeof a.description, "Beskrivelse %d", i);
        a.start = now + 3600 + (int64_t)(i / 3) * 1800;
        a.end = a.start + 3600;
        a.mode = SIGNUP_MODE_OPEN;
        a.capacity = 5;
        assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
        for (int k = 0; k < i % 3; k++) {
            signup su;
            memset(&su, 0, sizeof su);
            snprintf(su.id, sizeof su.id, "00000000-0000-4000-8000-%012d", i * 10 + k);
            snprintf(su.activity_uid, sizeof su.activity_uid, "%s", a.uid);
            snprintf(su.name, sizeof su.name, "Navn %d", k);
            su.adults = 1;
            su.created = now;
            snprintf(su.kiosk_id, sizeof su.kiosk_id, "test");
            if (store_join(s, &su, now, &err) != VM_OK)
                fail_msg("join: %s", err.msg);
        }
    }
    return s;
}

static void check_model(store *s, int n_program, int64_t now)
{
    kiosk_model m;
    memset(&m, 0, sizeof m);
    vm_err err = {0};
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    size_t want = n_program < MODEL_MAX_ENTRIES ? (size_t)n_program : MODEL_MAX_ENTRIES;
    assert_int_equal(m.n_entries, want);
    assert_int_equal(m.ui.n_entries, want);
    assert_true(m.more == (n_program > MODEL_MAX_ENTRIES));
    for (size_t i = 0; i < m.n_entries; i++) {
        activity a;
        activity_counts c;
        assert_int_equal(store_activity_get(s, m.entries[i].act.uid, &a, &c, &err), VM_OK);
        assert_memory_equal(&m.entries[i].act, &a, sizeof a);
        assert_memory_equal(&m.entries[i].counts, &c, sizeof c);
        if (i > 0)
            assert_true(m.entries[i - 1].act.start <= m.entries[i].act.start);
        char want_uid[32];
        snprintf(want_uid, sizeof want_uid, "act-%04zu", i);
        assert_string_equal(m.entries[i].act.uid, want_uid);
    }
    /* a reload (after a sign-up) gives the same window */
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    assert_int_equal(m.n_entries, want);
    kiosk_model_free(&m);
}

static void a_big_program_is_a_bounded_window(void **state)
{
    (void)state;
    int64_t now = ts_time(NOW_ISO);
    store *s = program("app_model_big", MODEL_MAX_ENTRIES + 40, now);
    check_model(s, MODEL_MAX_ENTRIES + 40, now);
    store_close(s);
}

static void a_small_program_is_there_whole(void **state)
{
    (void)state;
    int64_t now = ts_time(NOW_ISO);
    store *s = program("app_model_small", 25, now);
    check_model(s, 25, now);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_big_program_is_a_bounded_window),
        cmocka_unit_test(a_small_program_is_there_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
