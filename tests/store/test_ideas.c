/* "Hvad savner du?": the staff's ideas, one vote per idea per day, short wishes. */
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

static idea make(const char *title, category cat)
{
    idea d;
    memset(&d, 0, sizeof d);
    snprintf(d.title, sizeof d.title, "%s", title);
    d.cat = cat;
    return d;
}

static void ideas_and_votes(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_ideas");
    store *s = tu_open(path);
    vm_err err = {0};
    idea list[2] = {make("Yoga for begyndere", CAT_SPORT), make("Syværksted", CAT_CRAFTS)};
    bool changed = false;
    assert_int_equal(store_ideas_replace(s, list, 2, &changed, &err), VM_OK);
    assert_true(changed);
    assert_int_equal(store_ideas_replace(s, list, 2, &changed, &err), VM_OK);
    assert_false(changed);
    idea twice[2] = {make("Yoga", CAT_SPORT), make("Yoga", CAT_SPORT)};
    assert_int_equal(store_ideas_replace(s, twice, 2, NULL, &err), VM_ERR_INVALID);
    idea *got = NULL;
    size_t n = 0;
    assert_int_equal(store_ideas_list(s, &got, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_int_equal(got[1].cat, CAT_CRAFTS);
    free(got);

    int64_t mon = ts_time("2026-11-23 10:00"), mon_late = ts_time("2026-11-23 23:30");
    int64_t tue = ts_time("2026-11-24 00:10");
    bool counted = false;
    assert_int_equal(store_idea_vote(s, "Yoga for begyndere", mon, &counted, &err), VM_OK);
    assert_true(counted);
    /* the same idea the same (Danish) day: thanks, but no second vote */
    assert_int_equal(store_idea_vote(s, "Yoga for begyndere", mon_late, &counted, &err), VM_OK);
    assert_false(counted);
    /* another idea the same day counts */
    assert_int_equal(store_idea_vote(s, "Syværksted", mon, &counted, &err), VM_OK);
    assert_true(counted);
    /* the next day counts again */
    assert_int_equal(store_idea_vote(s, "Yoga for begyndere", tue, &counted, &err), VM_OK);
    assert_true(counted);
    assert_int_equal(store_idea_vote(s, "Ukendt", tue, &counted, &err), VM_ERR_NOT_FOUND);

    /* a stick without yoga: its votes stay, no longer listed */
    idea now_list[1] = {make("Syværksted", CAT_CRAFTS)};
    assert_int_equal(store_ideas_replace(s, now_list, 1, NULL, &err), VM_OK);
    assert_int_equal(store_idea_vote(s, "Yoga for begyndere", tue + 86400, &counted, &err),
                     VM_ERR_NOT_FOUND);
    store_idea_count *c = NULL;
    assert_int_equal(store_idea_counts(s, &c, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(c[0].title, "Syværksted");
    assert_true(c[0].listed);
    assert_int_equal(c[0].votes, 1);
    assert_string_equal(c[1].title, "Yoga for begyndere");
    assert_false(c[1].listed);
    assert_int_equal(c[1].votes, 2);
    assert_string_equal(c[1].last_day, "2026-11-24");
    free(c);
    store_close(s);
}

static void wishes_kept_only_as_long_as_names(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_wishes");
    store *s = tu_open(path);
    vm_err err = {0};
    assert_int_equal(store_wish_add(s, "   ", 100, &err), VM_ERR_INVALID);
    assert_int_equal(store_wish_add(s, "Mere musik\tom fredagen", 1000, &err), VM_OK);
    assert_int_equal(store_wish_add(s, "Strikkeklub om aftenen", 5000, &err), VM_OK);
    store_wish *w = NULL;
    size_t n = 0;
    assert_int_equal(store_wishes_list(s, &w, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(w[0].text, "Mere musik om fredagen");
    free(w);
    int erased = 0;
    assert_int_equal(store_purge_personal(s, 2000, &erased, &err), VM_OK);
    assert_int_equal(erased, 1);
    assert_int_equal(store_wishes_list(s, &w, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(w[0].text, "Strikkeklub om aftenen");
    free(w);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ideas_and_votes),
        cmocka_unit_test(wishes_kept_only_as_long_as_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
