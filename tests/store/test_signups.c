/* sign-ups: joining, the waiting list, promotion in order, cancelling with a code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/code.h"
#include "store/store.h"
#include "store_test_util.h"

static const int64_t NOW = 1767261600; /* 2026-01-01T10:00Z */
#define DAY 86400

static store *with_activity(const char *dir, activity *a)
{
    store *s = tu_open(tu_db_path(dir));
    vm_err err = {0};
    assert_int_equal(store_activity_put(s, a, &err), VM_OK);
    return s;
}

static signup join_ok(store *s, const char *uid, unsigned n, const char *name, int adults,
                      int children, int64_t when)
{
    signup su = tu_signup(uid, n, name, adults, children);
    su.created = when;
    vm_err err = {0};
    vm_status st = store_join(s, &su, when, NULL, &err);
    if (st != VM_OK)
        fail_msg("join %s: %d %s", name, st, err.msg);
    return su;
}

static signup get(store *s, const signup *su)
{
    signup got;
    vm_err err = {0};
    assert_int_equal(store_signup_get(s, su->id, &got, &err), VM_OK);
    return got;
}

static void join_confirms_then_waits_then_promotes_in_order(void **state)
{
    (void)state;
    activity a = tu_activity("banko", "Banko", NOW + DAY);
    a.capacity = 3;
    store *s = with_activity("store_su_order", &a);
    signup s1 = join_ok(s, "banko", 1, "Hanne", 1, 0, NOW);
    signup s2 = join_ok(s, "banko", 2, "Ali", 1, 0, NOW + 1);
    signup s3 = join_ok(s, "banko", 3, "Birthe", 1, 0, NOW + 2);
    signup w1 = join_ok(s, "banko", 4, "Karen", 1, 0, NOW + 3);
    signup w2 = join_ok(s, "banko", 5, "Mona", 1, 0, NOW + 4);
    assert_int_equal(s3.status, SIGNUP_CONFIRMED);
    assert_int_equal(s3.waiting_position, 0);
    assert_int_equal(w1.status, SIGNUP_WAITING);
    assert_int_equal(w1.waiting_position, 1);
    assert_int_equal(w2.waiting_position, 2);

    activity_counts c;
    activity got;
    vm_err err = {0};
    assert_int_equal(store_activity_get(s, "banko", &got, &c, &err), VM_OK);
    assert_int_equal(c.signups, 3);
    assert_int_equal(c.heads_taken, 3);
    assert_int_equal(c.waiting, 2);

    int promoted = -1;
    assert_int_equal(store_cancel(s, s2.id, NOW + 10, &promoted, &err), VM_OK);
    assert_int_equal(promoted, 1);
    assert_int_equal(get(s, &w1).status, SIGNUP_CONFIRMED);
    assert_int_equal(get(s, &w2).status, SIGNUP_WAITING);
    assert_int_equal(get(s, &w2).waiting_position, 1);
    assert_int_equal(get(s, &s2).status, SIGNUP_CANCELLED);
    assert_int_equal(store_cancel(s, s2.id, NOW + 11, &promoted, &err), VM_ERR_REFUSED);
    assert_int_equal(promoted, 0);
    assert_int_equal(store_cancel(s, "00000000-0000-4000-8000-000000000000", NOW, NULL, &err),
                     VM_ERR_NOT_FOUND);

    /* Cancelling someone waiting promotes nobody and moves the queue up. */
    signup w3 = join_ok(s, "banko", 6, "Ole", 1, 0, NOW + 20);
    assert_int_equal(w3.waiting_position, 2);
    assert_int_equal(store_cancel(s, w2.id, NOW + 21, &promoted, &err), VM_OK);
    assert_int_equal(promoted, 0);
    assert_int_equal(get(s, &w3).waiting_position, 1);
    (void)s1;

    assert_int_equal(store_activity_get(s, "banko", &got, &c, &err), VM_OK);
    assert_int_equal(c.signups, 3);
    assert_int_equal(c.waiting, 1);
    assert_int_equal(c.cancelled, 2);
    store_close(s);
}

static void households_are_counted_and_the_first_who_fits_is_promoted(void **state)
{
    (void)state;
    activity a = tu_activity("spis", "Fællesspisning", NOW + DAY);
    a.capacity = 6;
    a.count_household = true;
    store *s = with_activity("store_su_household", &a);
    signup big = join_ok(s, "spis", 1, "Hanne", 2, 3, NOW);      /* 5 */
    signup four = join_ok(s, "spis", 2, "Ali", 2, 2, NOW + 1);   /* waits: 9 > 6 */
    signup one = join_ok(s, "spis", 3, "Birthe", 1, 0, NOW + 2); /* fits: 6 */
    assert_int_equal(big.status, SIGNUP_CONFIRMED);
    assert_int_equal(four.status, SIGNUP_WAITING);
    assert_int_equal(one.status, SIGNUP_CONFIRMED);
    assert_int_equal(big.adults, 2);
    assert_int_equal(big.children, 3);

    vm_err err = {0};
    activity_counts c;
    activity got;
    assert_int_equal(store_activity_get(s, "spis", &got, &c, &err), VM_OK);
    assert_int_equal(c.heads_taken, 6);
    assert_int_equal(c.adults, 3);
    assert_int_equal(c.children, 3);

    /* Too big for the whole activity, too many, nobody at all: each says which rule. */
    join_refusal why = JOIN_REFUSAL_NONE;
    signup huge = tu_signup("spis", 4, "Ole", 4, 3);
    assert_int_equal(store_join(s, &huge, NOW, &why, &err), VM_ERR_REFUSED);
    assert_int_equal(why, JOIN_REFUSAL_TOO_MANY);
    signup many = tu_signup("spis", 5, "Ole", 21, 0);
    assert_int_equal(store_join(s, &many, NOW, &why, &err), VM_ERR_INVALID);
    assert_int_equal(why, JOIN_REFUSAL_HOUSEHOLD);
    signup none = tu_signup("spis", 6, "Ole", 0, 0);
    assert_int_equal(store_join(s, &none, NOW, &why, &err), VM_ERR_INVALID);
    assert_int_equal(why, JOIN_REFUSAL_HOUSEHOLD);

    int promoted = 0;
    assert_int_equal(store_cancel(s, big.id, NOW + 5, &promoted, &err), VM_OK);
    assert_int_equal(promoted, 1);
    assert_int_equal(get(s, &four).status, SIGNUP_CONFIRMED);
    store_close(s);
}

static void without_household_counting_everyone_is_one(void **state)
{
    (void)state;
    activity a = tu_activity("talk", "Foredrag", NOW + DAY);
    a.capacity = 2;
    store *s = with_activity("store_su_single", &a);
    signup x = join_ok(s, "talk", 1, "Hanne", 3, 2, NOW);
    assert_int_equal(x.adults, 1);
    assert_int_equal(x.children, 0);
    signup y = join_ok(s, "talk", 2, "Ali", 1, 0, NOW);
    assert_int_equal(y.status, SIGNUP_CONFIRMED);
    /* No household rule where households are not counted (0 adults is 1 head); success
     * leaves no refusal behind. */
    signup z = tu_signup("talk", 3, "Bo", 0, 0);
    join_refusal why = JOIN_REFUSAL_NAME;
    vm_err err = {0};
    assert_int_equal(store_join(s, &z, NOW, &why, &err), VM_OK);
    assert_int_equal(why, JOIN_REFUSAL_NONE);
    assert_int_equal(z.status, SIGNUP_WAITING);
    store_close(s);
}

static void closed_activities_refuse_with_a_reason(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_su_closed"));
    vm_err err = {0};
    activity walk = tu_activity("walk", "Gåtur", NOW + DAY);
    walk.mode = SIGNUP_MODE_NONE;
    activity gone = tu_activity("gone", "Yoga", NOW + DAY);
    gone.cancelled = true;
    activity started = tu_activity("started", "Banko", NOW - 60);
    activity late = tu_activity("late", "Fællesspisning", NOW + DAY);
    late.deadline = NOW - 60;
    activity *all[] = {&walk, &gone, &started, &late};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(store_activity_put(s, all[i], &err), VM_OK);

    const char *uids[] = {"walk", "gone", "started", "late"};
    const char *words[] = {"just come", "cancelled", "started", "deadline"};
    const join_refusal rules[] = {JOIN_REFUSAL_NO_SIGNUP, JOIN_REFUSAL_CANCELLED,
                                  JOIN_REFUSAL_STARTED, JOIN_REFUSAL_DEADLINE_PASSED};
    join_refusal why = JOIN_REFUSAL_NONE;
    for (size_t i = 0; i < 4; i++) {
        signup su = tu_signup(uids[i], (unsigned)i, "Hanne", 1, 0);
        assert_int_equal(store_join(s, &su, NOW, &why, &err), VM_ERR_REFUSED);
        if (!strstr(err.msg, words[i]))
            fail_msg("%s: \"%s\" does not say \"%s\"", uids[i], err.msg, words[i]);
        assert_int_equal(why, rules[i]);
    }
    signup su = tu_signup("nowhere", 9, "Hanne", 1, 0);
    assert_int_equal(store_join(s, &su, NOW, &why, &err), VM_ERR_NOT_FOUND);
    assert_int_equal(why, JOIN_REFUSAL_NOT_FOUND);
    signup *list = NULL;
    size_t n = 7;
    assert_int_equal(store_signups_list(s, NULL, &list, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    free(list);
    assert_int_equal(store_signups_list(s, "nowhere", &list, &n, &err), VM_ERR_NOT_FOUND);
    store_close(s);
}

static void names_are_cleaned_and_bad_ones_refused(void **state)
{
    (void)state;
    activity a = tu_activity("banko", "Banko", NOW + DAY);
    store *s = with_activity("store_su_names", &a);
    vm_err err = {0};
    signup su = tu_signup("banko", 1, "  Søren \t Ærø\n", 1, 0);
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_OK);
    assert_string_equal(su.name, "Søren Ærø");
    assert_string_equal(get(s, &su).name, "Søren Ærø");

    const char *bad[] = {"", "   ", "\t\n\x01", "Hanne \xf0\x9f\x98\x80"};
    for (unsigned i = 0; i < 4; i++) {
        signup b = tu_signup("banko", 10 + i, bad[i], 1, 0);
        join_refusal why = JOIN_REFUSAL_NONE;
        assert_int_equal(store_join(s, &b, NOW, &why, &err), VM_ERR_INVALID);
        assert_int_equal(why, JOIN_REFUSAL_NAME);
        assert_true(strlen(err.msg) > 0);
    }
    /* 75 characters are cut to what a name may hold. */
    signup longer = tu_signup("banko", 20, "", 1, 0);
    for (int i = 0; i < 75; i++)
        strcat(longer.name, "å");
    assert_int_equal(store_join(s, &longer, NOW, NULL, &err), VM_OK);
    assert_int_equal(strlen(longer.name), SIGNUP_NAME_MAX * 2);

    signup badid = tu_signup("banko", 30, "Ali", 1, 0);
    strcpy(badid.id, "not-a-uuid");
    assert_int_equal(store_join(s, &badid, NOW, NULL, &err), VM_ERR_INVALID);
    store_close(s);
}

static void the_same_signup_twice_is_one_signup(void **state)
{
    (void)state;
    activity a = tu_activity("banko", "Banko", NOW + DAY);
    a.capacity = 1;
    store *s = with_activity("store_su_double", &a);
    vm_err err = {0};
    signup first = tu_signup("banko", 1, "Hanne", 1, 0);
    first.kiosk_id[0] = '\0'; /* and no kiosk_id fact either */
    signup again = first;
    assert_int_equal(store_join(s, &first, NOW, NULL, &err), VM_OK);
    /* Success leaves the error untouched, though lookups on the way found nothing. */
    assert_int_equal(err.status, VM_OK);
    assert_string_equal(err.msg, "");
    /* The tap again carries other words (a retried command may), and what the caller's
     * struct held before must not show through: the answer is the stored sign-up. */
    snprintf(again.name, sizeof again.name, "Someone else");
    again.status = SIGNUP_CANCELLED;
    again.waiting_position = 7;
    assert_int_equal(store_join(s, &again, NOW + 1, NULL, &err), VM_OK);
    assert_string_equal(again.id, first.id);
    assert_string_equal(again.name, "Hanne");
    assert_int_equal(again.status, SIGNUP_CONFIRMED);
    assert_int_equal(again.waiting_position, 0);
    assert_int_equal(again.created, first.created);

    /* A waiting sign-up tapped twice stays one place in the queue, and says so. */
    signup waits = tu_signup("banko", 2, "Ali", 1, 0);
    signup waits_again = waits;
    assert_int_equal(store_join(s, &waits, NOW + 2, NULL, &err), VM_OK);
    assert_int_equal(waits.status, SIGNUP_WAITING);
    assert_int_equal(store_join(s, &waits_again, NOW + 3, NULL, &err), VM_OK);
    assert_int_equal(waits_again.status, SIGNUP_WAITING);
    assert_int_equal(waits_again.waiting_position, 1);

    signup *list = NULL;
    size_t n = 0;
    assert_int_equal(store_signups_list(s, "banko", &list, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].name, "Hanne");
    assert_int_equal(list[0].status, SIGNUP_CONFIRMED);
    assert_int_equal(list[1].status, SIGNUP_WAITING);
    free(list);
    store_close(s);
}

static void helper_tasks_have_their_own_queues(void **state)
{
    (void)state;
    activity a = tu_activity("værksted", "Værksted", NOW + DAY);
    a.mode = SIGNUP_MODE_HELPERS;
    tu_add_task(&a, "Lave kaffe", 30, 1);
    tu_add_task(&a, "Rydde op", 20, 2);
    store *s = with_activity("store_su_tasks", &a);
    vm_err err = {0};
    signup p = tu_signup("værksted", 1, "Hanne", 1, 0);
    assert_int_equal(store_join(s, &p, NOW, NULL, &err), VM_ERR_REFUSED); /* helpers only */

    signup k1 = tu_signup("værksted", 2, "Ali", 1, 0);
    k1.task_id = a.tasks[0].id;
    assert_int_equal(store_join(s, &k1, NOW, NULL, &err), VM_OK);
    signup k2 = tu_signup("værksted", 3, "Birthe", 1, 0);
    k2.task_id = a.tasks[0].id;
    k2.created = NOW + 1;
    assert_int_equal(store_join(s, &k2, NOW + 1, NULL, &err), VM_OK);
    assert_int_equal(k1.status, SIGNUP_CONFIRMED);
    assert_int_equal(k2.status, SIGNUP_WAITING);
    assert_int_equal(k2.waiting_position, 1);
    signup r1 = tu_signup("værksted", 4, "Mona", 1, 0);
    r1.task_id = a.tasks[1].id;
    assert_int_equal(store_join(s, &r1, NOW, NULL, &err), VM_OK);
    assert_int_equal(r1.status, SIGNUP_CONFIRMED);
    assert_int_equal(r1.task_id, a.tasks[1].id);

    activity got;
    activity_counts c;
    assert_int_equal(store_activity_get(s, "værksted", &got, &c, &err), VM_OK);
    assert_int_equal(c.helpers, 2);
    assert_int_equal(c.task_taken[0], 1);
    assert_int_equal(c.task_taken[1], 1);
    assert_int_equal(c.signups, 0);

    signup bad = tu_signup("værksted", 5, "Ole", 1, 0);
    bad.task_id = 9999;
    assert_int_equal(store_join(s, &bad, NOW, NULL, &err), VM_ERR_NOT_FOUND);

    int promoted = 0;
    assert_int_equal(store_cancel(s, k1.id, NOW + 5, &promoted, &err), VM_OK);
    assert_int_equal(promoted, 1);
    assert_int_equal(get(s, &k2).status, SIGNUP_CONFIRMED);
    store_close(s);
}

static const code_key KIOSK_KEY = {{42, 1, 2, 3}};

static void cancel_with_code(void **state)
{
    (void)state;
    activity a = tu_activity("banko", "Banko", NOW + DAY);
    a.capacity = 1;
    store *s = with_activity("store_su_code", &a);
    vm_err err = {0};
    uint8_t salt[CODE_SALT_BYTES] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    signup coded = tu_signup("banko", 1, "Ærlige Åse", 1, 0);
    code_hash("1234", salt, 10, &KIOSK_KEY, coded.code_hash);
    coded.created = NOW;
    assert_int_equal(store_join(s, &coded, NOW, NULL, &err), VM_OK);
    signup nocode = tu_signup("banko", 2, "Ole", 1, 0);
    nocode.created = NOW + 1;
    assert_int_equal(store_join(s, &nocode, NOW + 1, NULL, &err), VM_OK);
    assert_int_equal(nocode.status, SIGNUP_WAITING);

    signup done;
    int promoted = -1;
    /* Wrong code, unknown name, unknown activity, a sign-up without a code: one answer, the
     * same words, so a stranger learns nothing about who is signed up. */
    char first[VM_ERR_MSG_MAX] = "";
    struct {
        const char *uid, *name, *code;
        const code_key *key;
    } tries[] = {
        {"banko", "Ærlige Åse", "9999", &KIOSK_KEY},
        {"banko", "Hanne", "1234", &KIOSK_KEY},
        {"nowhere", "Ærlige Åse", "1234", &KIOSK_KEY},
        {"banko", "ole", "1234", &KIOSK_KEY},
        {"banko", "Ole", "", &KIOSK_KEY},
        /* the right code, but not the kiosk's secret: a copied database alone is no help */
        {"banko", "Ærlige Åse", "1234", NULL},
    };
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        err_clear(&err);
        assert_int_equal(store_cancel_with_code(s, tries[i].uid, tries[i].name, tries[i].code,
                                                tries[i].key, NOW + 2, &done, &promoted, &err),
                         VM_ERR_NOT_FOUND);
        if (i == 0)
            snprintf(first, sizeof first, "%s", err.msg);
        assert_string_equal(err.msg, first);
    }
    assert_int_equal(get(s, &coded).status, SIGNUP_CONFIRMED);
    assert_int_equal(get(s, &nocode).status, SIGNUP_WAITING);
    /* Right code, the name typed in other case and with extra spaces. */
    assert_int_equal(store_cancel_with_code(s, "banko", "  ÆRLIGE   åse ", "1234", &KIOSK_KEY,
                                            NOW + 3, &done, &promoted, &err),
                     VM_OK);
    assert_string_equal(done.id, coded.id);
    assert_int_equal(done.status, SIGNUP_CANCELLED);
    assert_int_equal(promoted, 1);
    assert_int_equal(get(s, &nocode).status, SIGNUP_CONFIRMED);
    /* Once cancelled, the code finds nothing more. */
    assert_int_equal(store_cancel_with_code(s, "banko", "Ærlige Åse", "1234", &KIOSK_KEY,
                                            NOW + 4, NULL, NULL, &err),
                     VM_ERR_NOT_FOUND);
    store_close(s);
}

/* Old unkeyed hashes are keyed in place: the code still works, the stored text no longer
 * lets a code be checked without the kiosk's secret. */
static void old_code_hashes_are_keyed(void **state)
{
    (void)state;
    activity a = tu_activity("banko", "Banko", NOW + DAY);
    store *s = with_activity("store_su_rekey", &a);
    vm_err err = {0};
    uint8_t salt[CODE_SALT_BYTES] = {9};
    signup old = tu_signup("banko", 1, "Karen", 1, 0);
    code_hash("2580", salt, 10, NULL, old.code_hash);
    assert_int_equal(store_join(s, &old, NOW, NULL, &err), VM_OK);
    signup none = tu_signup("banko", 2, "Ib", 1, 0);
    assert_int_equal(store_join(s, &none, NOW, NULL, &err), VM_OK);
    int n = -1;
    assert_int_equal(store_upgrade_code_hashes(s, &KIOSK_KEY, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    signup back = get(s, &old);
    assert_memory_equal(back.code_hash, "k1$10$", 6);
    assert_true(code_matches("2580", back.code_hash, &KIOSK_KEY));
    /* Whoever has the database but not the kiosk's secret tries every code in vain. */
    for (int c = 0; c < 10000; c++) {
        char guess[8];
        snprintf(guess, sizeof guess, "%04d", c);
        if (code_matches(guess, back.code_hash, NULL))
            fail_msg("the code %s was found from the database alone", guess);
    }
    assert_string_equal(get(s, &none).code_hash, "");
    /* a second run finds nothing to do */
    assert_int_equal(store_upgrade_code_hashes(s, &KIOSK_KEY, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    assert_int_equal(store_cancel_with_code(s, "banko", "karen", "2580", &KIOSK_KEY, NOW + 1,
                                            NULL, NULL, &err),
                     VM_OK);
    store_close(s);
}

static void list_is_ordered_with_waiting_positions(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_su_list"));
    vm_err err = {0};
    activity late = tu_activity("late", "Banko", NOW + 2 * DAY);
    late.capacity = 1;
    activity early = tu_activity("early", "Gåtur", NOW + DAY);
    assert_int_equal(store_activity_put(s, &late, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &early, &err), VM_OK);
    signup l1 = join_ok(s, "late", 1, "Hanne", 1, 0, NOW);
    signup l2 = join_ok(s, "late", 2, "Ali", 1, 0, NOW + 5);
    signup l3 = join_ok(s, "late", 3, "Birthe", 1, 0, NOW + 5); /* same second: stored order */
    signup e1 = join_ok(s, "early", 4, "Mona", 1, 0, NOW + 9);
    assert_int_equal(store_cancel(s, l1.id, NOW + 10, NULL, &err), VM_OK);

    signup *list = NULL;
    size_t n = 0;
    assert_int_equal(store_signups_list(s, NULL, &list, &n, &err), VM_OK);
    assert_int_equal(n, 4);
    assert_string_equal(list[0].id, e1.id);
    assert_string_equal(list[1].id, l1.id);
    assert_int_equal(list[1].status, SIGNUP_CANCELLED);
    assert_int_equal(list[1].updated, NOW + 10); /* when it was cancelled */
    assert_string_equal(list[2].id, l2.id);
    assert_int_equal(list[2].status, SIGNUP_CONFIRMED);
    assert_string_equal(list[3].id, l3.id);
    assert_int_equal(list[3].status, SIGNUP_WAITING);
    assert_int_equal(list[3].waiting_position, 1);
    assert_string_equal(list[3].activity_uid, "late");
    assert_string_equal(list[3].kiosk_id, "kiosk-test");
    assert_int_equal(list[3].created, NOW + 5);
    assert_int_equal(list[3].updated, NOW + 5);
    free(list);
    store_close(s);
}

static signup join_from(store *s, const char *uid, unsigned n, const char *name,
                        int64_t task_id, int64_t when, const char *kiosk)
{
    signup su = tu_signup(uid, n, name, 1, 0);
    su.created = when;
    su.task_id = task_id;
    snprintf(su.kiosk_id, sizeof su.kiosk_id, "%s", kiosk);
    vm_err err = {0};
    if (store_join(s, &su, when, NULL, &err) != VM_OK)
        fail_msg("join %s: %s", name, err.msg);
    return su;
}

/* When the keys tie: activities that start together in the order they were stored (row id),
 * sign-ups made in the same second by the kiosk's id, then in the order stored. The places
 * shared with other kiosks are in the same queue order, without the activities that ended. */
static void lists_order_ties_by_row_id_kiosk_and_seq(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_su_ties"));
    vm_err err = {0};
    activity second = tu_activity("b-stored-first", "Banko", NOW + DAY);
    tu_add_task(&second, "Opvask", 30, 2);
    activity first = tu_activity("a-stored-second", "Gåtur", NOW + DAY);
    activity old = tu_activity("old", "Kaffe", NOW + 3600); /* ends NOW + 3 h */
    assert_int_equal(store_activity_put(s, &second, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &first, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &old, &err), VM_OK);
    signup x1 = join_from(s, "a-stored-second", 1, "Ib", 0, NOW + 9, "kiosk-b");
    signup x2 = join_from(s, "a-stored-second", 2, "Al", 0, NOW + 9, "kiosk-a");
    signup x3 = join_from(s, "a-stored-second", 3, "Bo", 0, NOW + 9, "kiosk-a");
    signup y1 = join_from(s, "b-stored-first", 4, "Cy", second.tasks[0].id, NOW + 5, "kiosk-c");
    signup o1 = join_from(s, "old", 5, "Di", 0, NOW + 20, "kiosk-a");

    signup *list = NULL;
    size_t n = 0;
    assert_int_equal(store_signups_list(s, NULL, &list, &n, &err), VM_OK);
    assert_int_equal(n, 5);
    const signup *want[] = {&o1, &y1, &x2, &x3, &x1};
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(list[i].id, want[i]->id);
        assert_string_equal(list[i].activity_uid, want[i]->activity_uid);
        assert_string_equal(list[i].kiosk_id, want[i]->kiosk_id);
        assert_string_equal(list[i].name, want[i]->name);
    }
    assert_int_equal(list[1].task_id, second.tasks[0].id);
    free(list);
    assert_int_equal(store_signups_list(s, "a-stored-second", &list, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    assert_string_equal(list[0].id, x2.id);
    assert_string_equal(list[1].id, x3.id);
    assert_string_equal(list[2].id, x1.id);
    free(list);

    store_share_row *rows = NULL;
    assert_int_equal(store_share_rows(s, NOW + 4 * 3600, &rows, &n, &err), VM_OK);
    assert_int_equal(n, 4);
    const signup *queue[] = {&y1, &x2, &x3, &x1};
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(rows[i].id, queue[i]->id);
        assert_string_equal(rows[i].activity_uid, queue[i]->activity_uid);
        assert_string_equal(rows[i].kiosk_id, queue[i]->kiosk_id);
        assert_int_equal(rows[i].created, queue[i]->created);
    }
    assert_string_equal(rows[0].task, "Opvask");
    assert_string_equal(rows[1].task, "");
    free(rows);
    /* before the old one ended it is shared too, last: it was made last */
    assert_int_equal(store_share_rows(s, NOW, &rows, &n, &err), VM_OK);
    assert_int_equal(n, 5);
    assert_string_equal(rows[4].id, o1.id);
    free(rows);
    store_close(s);
}

/* Sign-ups stored in an order far from the list's (many activities, times out of order):
 * each comes once, in the list's order, whole. The rows are put in order in place, along the
 * cycles of their permutation, so this takes cycles of many lengths. */
static void a_long_scrambled_list_comes_in_order(void **state)
{
    (void)state;
    store *s = tu_open(tu_db_path("store_su_scrambled"));
    vm_err err = {0};
    enum { ACTS = 7, SIGNUPS = 60 };
    char uids[ACTS][16];
    int64_t starts[ACTS];
    for (int a = 0; a < ACTS; a++) {
        snprintf(uids[a], sizeof uids[a], "act-%d", a);
        starts[a] = NOW + DAY + (int64_t)((a * 3) % ACTS) * 3600; /* stored out of order */
        activity act = tu_activity(uids[a], "Banko", starts[a]);
        act.capacity = 0;
        assert_int_equal(store_activity_put(s, &act, &err), VM_OK);
    }
    signup made[SIGNUPS];
    int act_of[SIGNUPS];
    for (int k = 0; k < SIGNUPS; k++) {
        char name[16];
        snprintf(name, sizeof name, "Navn %d", k);
        act_of[k] = (k * 5) % ACTS;
        made[k] = join_from(s, uids[act_of[k]], (unsigned)k + 1, name, 0,
                            NOW + (k * 7) % 13, "kiosk-a");
    }
    signup *list = NULL;
    size_t n = 0;
    assert_int_equal(store_signups_list(s, NULL, &list, &n, &err), VM_OK);
    assert_int_equal(n, SIGNUPS);
    int prev = -1;
    bool seen[SIGNUPS] = {false};
    for (size_t i = 0; i < n; i++) {
        int k = -1;
        for (int j = 0; j < SIGNUPS; j++)
            if (strcmp(list[i].id, made[j].id) == 0)
                k = j;
        assert_true(k >= 0);
        assert_false(seen[k]);
        seen[k] = true;
        assert_string_equal(list[i].name, made[k].name);
        assert_string_equal(list[i].activity_uid, uids[act_of[k]]);
        assert_int_equal(list[i].created, made[k].created);
        if (prev >= 0) { /* by the activity's start, then created, then as stored */
            int64_t ps = starts[act_of[prev]], ks = starts[act_of[k]];
            assert_true(ps < ks || (ps == ks && (made[prev].created < made[k].created ||
                                                 (made[prev].created == made[k].created &&
                                                  prev < k))));
        }
        prev = k;
    }
    free(list);
    store_close(s);
}

static void kiosk_id_comes_from_the_facts_when_not_given(void **state)
{
    (void)state;
    activity a = tu_activity("banko", "Banko", NOW + DAY);
    store *s = with_activity("store_su_kiosk", &a);
    vm_err err = {0};
    assert_int_equal(store_fact_set(s, "kiosk_id", "kiosk-7", &err), VM_OK);
    signup su = tu_signup("banko", 1, "Hanne", 1, 0);
    su.kiosk_id[0] = '\0';
    assert_int_equal(store_join(s, &su, NOW, NULL, &err), VM_OK);
    assert_string_equal(su.kiosk_id, "kiosk-7");
    assert_int_equal(su.created, NOW);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(join_confirms_then_waits_then_promotes_in_order),
        cmocka_unit_test(households_are_counted_and_the_first_who_fits_is_promoted),
        cmocka_unit_test(without_household_counting_everyone_is_one),
        cmocka_unit_test(closed_activities_refuse_with_a_reason),
        cmocka_unit_test(names_are_cleaned_and_bad_ones_refused),
        cmocka_unit_test(the_same_signup_twice_is_one_signup),
        cmocka_unit_test(helper_tasks_have_their_own_queues),
        cmocka_unit_test(cancel_with_code),
        cmocka_unit_test(old_code_hashes_are_keyed),
        cmocka_unit_test(list_is_ordered_with_waiting_positions),
        cmocka_unit_test(lists_order_ties_by_row_id_kiosk_and_seq),
        cmocka_unit_test(a_long_scrambled_list_comes_in_order),
        cmocka_unit_test(kiosk_id_comes_from_the_facts_when_not_given),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
