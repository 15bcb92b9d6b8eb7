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

/* The entry holds what the store holds, field by field, text by text. */
static void assert_same_activity(const ui_activity *u, const activity *a)
{
    assert_int_equal(u->id, a->id);
    assert_string_equal(u->uid, a->uid);
    assert_string_equal(u->title, a->title);
    assert_string_equal(u->description, a->description);
    assert_int_equal(u->category, a->category);
    assert_string_equal(u->place, a->place);
    assert_string_equal(u->host, a->host);
    assert_string_equal(u->host_phone, a->host_phone);
    assert_string_equal(u->price, a->price);
    assert_string_equal(u->audience, a->audience);
    assert_int_equal(u->start, a->start);
    assert_int_equal(u->end, a->end);
    assert_int_equal(u->mode, a->mode);
    assert_int_equal(u->capacity, a->capacity);
    assert_int_equal(u->deadline, a->deadline);
    assert_int_equal(u->count_household, a->count_household);
    assert_int_equal(u->badges, a->badges);
    assert_string_equal(u->signup_url, a->signup_url);
    assert_int_equal(u->cancelled, a->cancelled);
    assert_int_equal(u->n_tasks, a->n_tasks);
    for (int i = 0; i < a->n_tasks; i++) {
        assert_int_equal(u->tasks[i].id, a->tasks[i].id);
        assert_string_equal(u->tasks[i].title, a->tasks[i].title);
        assert_int_equal(u->tasks[i].minutes, a->tasks[i].minutes);
        assert_int_equal(u->tasks[i].slots, a->tasks[i].slots);
    }
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
        assert_same_activity(&m.entries[i].act, &a);
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

/* The bytes of an activity's texts: each non-empty one with its NUL. */
static size_t text_bytes(const activity *a)
{
    const char *texts[] = {a->uid, a->title, a->description, a->place, a->host, a->host_phone,
                           a->price, a->audience, a->signup_url};
    size_t n = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        n += texts[i][0] ? strlen(texts[i]) + 1 : 0;
    for (int i = 0; i < a->n_tasks; i++)
        n += strlen(a->tasks[i].title) + 1 + sizeof(ui_helper_task);
    return n;
}

/* What an entry may cost beyond its texts and its code's payload: the entry, its code's plan
 * and alignment. A whole `activity` (3.5 KB of fixed fields) is far over it. */
#define ENTRY_BYTES 512
/* One partly filled chunk of the arena. */
#define ARENA_SLACK 4200

/* The model holds an activity's texts at their length, not at their fields' largest size. */
static void the_model_holds_texts_at_their_length(void **state)
{
    (void)state;
    int64_t now = ts_time(NOW_ISO);
    store *s = program("app_model_bytes", 120, now);
    kiosk_model m;
    memset(&m, 0, sizeof m);
    vm_err err = {0};
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    assert_int_equal(m.n_entries, 120);
    size_t texts = 0;
    for (size_t i = 0; i < m.n_entries; i++) {
        activity a;
        assert_int_equal(store_activity_get(s, m.entries[i].act.uid, &a, NULL, &err), VM_OK);
        texts += text_bytes(&a);
        if (m.qrs[i].payload)
            texts += strlen(m.qrs[i].payload) + 1;
    }
    size_t bytes = kiosk_model_bytes(&m);
    size_t bound = texts + m.n_entries * ENTRY_BYTES + ARENA_SLACK;
    if (bytes > bound)
        fail_msg("the model holds %zu bytes for %zu bytes of text in %zu entries (at most %zu)",
                 bytes, texts, m.n_entries, bound);
    assert_true(bytes >= texts); /* it does hold them */
    kiosk_model_free(&m);
    assert_int_equal(kiosk_model_bytes(&m), 0);
    store_close(s);
}

/* `n` bytes of Danish text (æ ø å are two bytes each), ending with `tag` so texts differ. */
static void danish(char *out, size_t n, const char *tag)
{
    static const char words[] = "Vi spiser sammen i fælleshuset og går en tur ved søen. ";
    size_t o = 0, tag_len = strlen(tag);
    while (o + tag_len < n) {
        size_t i = o % (sizeof words - 1);
        size_t step = (unsigned char)words[i] >= 0x80 ? 2 : 1;
        if (o + step + tag_len > n) {
            out[o++] = '.';
            continue;
        }
        memcpy(out + o, words + i, step);
        o += step;
    }
    memcpy(out + o, tag, tag_len);
    out[n] = '\0';
}

/* Every field at its largest, eight tasks: the entry gives back exactly what was stored. */
static void long_texts_come_through_whole(void **state)
{
    (void)state;
    int64_t now = ts_time(NOW_ISO);
    store *s = NULL;
    vm_err err = {0};
    const char *path = ts_path(ts_fresh_dir("app_model_long"), "kiosk.db");
    assert_int_equal(store_open(path, STORE_CREATE, &s, &err), VM_OK);
    activity a;
    memset(&a, 0, sizeof a);
    danish(a.uid, sizeof a.uid - 1, "u");
    danish(a.title, sizeof a.title - 1, "t");
    danish(a.description, sizeof a.description - 1, "d");
    danish(a.place, sizeof a.place - 1, "p");
    danish(a.host, sizeof a.host - 1, "h");
    snprintf(a.host_phone, sizeof a.host_phone, "+45 21 43 65 87");
    danish(a.price, sizeof a.price - 1, "k");
    danish(a.audience, sizeof a.audience - 1, "a");
    memset(a.signup_url, 'x', sizeof a.signup_url - 1);
    memcpy(a.signup_url, "https://example.org/", 20);
    a.category = CAT_FOOD;
    a.start = now + 3600;
    a.end = a.start + 7200;
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 30;
    a.deadline = now + 1800;
    a.count_household = true;
    a.badges = BADGE_FREE | BADGE_ALONE_OK;
    a.n_tasks = ACT_TASKS_MAX;
    for (int i = 0; i < ACT_TASKS_MAX; i++) {
        char tag[4] = {(char)('0' + i), '\0'};
        danish(a.tasks[i].title, sizeof a.tasks[i].title - 1, tag);
        a.tasks[i].minutes = 10 * (i + 1);
        a.tasks[i].slots = i;
    }
    assert_int_equal(strlen(a.description), 1199);
    if (store_activity_put(s, &a, &err) != VM_OK)
        fail_msg("put: %s", err.msg);
    activity stored;
    assert_int_equal(store_activity_get(s, a.uid, &stored, NULL, &err), VM_OK);
    assert_string_equal(stored.description, a.description);
    kiosk_model m;
    memset(&m, 0, sizeof m);
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    assert_int_equal(m.n_entries, 1);
    assert_same_activity(&m.entries[0].act, &stored);
    assert_int_equal(strlen(m.entries[0].act.description), 1199);
    assert_int_equal(m.entries[0].act.n_tasks, ACT_TASKS_MAX);
    /* the code's plan names its entry by the entry's own uid */
    assert_ptr_equal(m.qrs[0].uid, m.entries[0].act.uid);
    kiosk_model_free(&m);
    store_close(s);
}

/* A reload replaces the texts (ASan tells if the old arena were kept) and the codes already
 * made come along, named by the new entries. */
static void a_reload_replaces_the_texts(void **state)
{
    (void)state;
    int64_t now = ts_time(NOW_ISO);
    store *s = program("app_model_reload", 40, now);
    kiosk_model m;
    memset(&m, 0, sizeof m);
    vm_err err = {0};
    assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
    kiosk_model_need_qr(&m, &m.entries[3]);
    assert_non_null(m.entries[3].qr);
    const uint8_t *made = m.entries[3].qr;
    size_t bytes = kiosk_model_bytes(&m);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(kiosk_model_load(&m, s, now, NULL, &err), VM_OK);
        assert_int_equal(kiosk_model_bytes(&m), bytes); /* replaced, not added to */
    }
    assert_ptr_equal(m.entries[3].qr, made); /* the code made once is kept */
    assert_ptr_equal(m.qrs[3].uid, m.entries[3].act.uid);
    assert_string_equal(m.entries[3].act.uid, "act-0003");
    assert_string_equal(m.entries[3].act.title, "Aktivitet 0003");
    kiosk_model_free(&m);
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
        cmocka_unit_test(the_model_holds_texts_at_their_length),
        cmocka_unit_test(long_texts_come_through_whole),
        cmocka_unit_test(a_reload_replaces_the_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
