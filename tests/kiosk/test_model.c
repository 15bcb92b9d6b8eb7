/* The model the screens are built from (kiosk/model.h): a window of at most MODEL_MAX_ENTRIES
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

#include "kiosk/model.h"
#include "qr_decode.h"
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
            if (store_join(s, &su, now, NULL, &err) != VM_OK)
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

/* Reads a module grid back with zbar: 4 px a module, the quiet zone around it. */
static char *decode(const uint8_t *mod, int size)
{
    int px = 4, side = (size + 8) * px;
    uint8_t *img = malloc((size_t)side * (size_t)side);
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++) {
            int mx = x / px - 4, my = y / px - 4;
            bool dark = mx >= 0 && my >= 0 && mx < size && my < size && mod[my * size + mx];
            img[y * side + x] = dark ? 0 : 255;
        }
    qrd_result r = {0};
    char *out = NULL;
    if (qrd_decode_gray(img, side, side, side, &r) == 1)
        out = strdup(r.sym[0].data);
    qrd_free(&r);
    free(img);
    return out;
}

/* "Hvem kan jeg spørge?": the stored contacts reach the screens, each number as a code a
 * phone scans to call; a contact without a number has no code. */
static void contacts_with_codes_that_call(void **state)
{
    (void)state;
    char out[64];
    assert_true(kiosk_model_tel_payload("+45 21 43 65 87", out, sizeof out));
    assert_string_equal(out, "tel:+4521436587");
    assert_true(kiosk_model_tel_payload("(70) 12-34.56", out, sizeof out));
    assert_string_equal(out, "tel:70123456");
    assert_true(kiosk_model_tel_payload("112", out, sizeof out));
    assert_string_equal(out, "tel:112");
    assert_false(kiosk_model_tel_payload("", out, sizeof out));
    assert_false(kiosk_model_tel_payload("+", out, sizeof out));
    assert_false(kiosk_model_tel_payload("12345678", out, 8));

    int64_t now = ts_time(NOW_ISO);
    store *s = program("app_model_contacts", 3, now);
    contact c[3];
    memset(c, 0, sizeof c);
    snprintf(c[0].name, sizeof c[0].name, "Hanne Jensen");
    snprintf(c[0].phone, sizeof c[0].phone, "+45 21 43 65 87");
    snprintf(c[1].name, sizeof c[1].name, "Rådgivningen");
    snprintf(c[1].hours, sizeof c[1].hours, "Tirsdag 10–12");
    snprintf(c[2].name, sizeof c[2].name, "Lægevagten");
    snprintf(c[2].phone, sizeof c[2].phone, "1813");
    vm_err err = {0};
    assert_int_equal(store_contacts_replace(s, c, 3, NULL, &err), VM_OK);
    kiosk_model m = {0};
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    assert_int_equal(m.ui.n_contacts, 3);
    assert_string_equal(m.ui.contacts[1].c.hours, "Tirsdag 10–12");
    assert_null(m.ui.contacts[1].qr);
    char *got = decode(m.ui.contacts[0].qr, m.ui.contacts[0].qr_size);
    assert_non_null(got);
    assert_string_equal(got, "tel:+4521436587");
    free(got);
    got = decode(m.ui.contacts[2].qr, m.ui.contacts[2].qr_size);
    assert_string_equal(got, "tel:1813");
    free(got);
    /* a reload (after a sign-up) keeps them; a sync that empties them empties the screen */
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    assert_int_equal(m.ui.n_contacts, 3);
    assert_int_equal(store_contacts_replace(s, NULL, 0, NULL, &err), VM_OK);
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    assert_int_equal(m.ui.n_contacts, 0);
    assert_null(m.ui.contacts);
    kiosk_model_free(&m);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_big_program_is_a_bounded_window),
        cmocka_unit_test(a_small_program_is_there_whole),
        cmocka_unit_test(contacts_with_codes_that_call),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
