/* "Sig til, når der sker noget": from an activity's detail, a first name and a phone or flat
 * number, the consent in plain words, then thanks that name the activity and not the person;
 * the staff's list with a delete behind the PIN. Every frame is checked by the harness (sizes,
 * contrast, words, and no typed name on a public screen). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ui/ui_internal.h"

static ui_action take_one(harness *h)
{
    ui_action a;
    assert_true(ui_take_action(h->u, &a));
    ui_action again;
    assert_false(ui_take_action(h->u, &again));
    return a;
}

static void answer(harness *h, vm_status st, const char *msg)
{
    ui_action_result r = {.status = st};
    snprintf(r.message, sizeof r.message, "%s", msg ? msg : "");
    ui_action_done(h->u, &h->m, &r, h->now_ms);
    h_build(h);
}

/* From home to interest-consent with `name` and a phone number. */
static void to_consent(harness *h, int e, const char *name, const char *digits)
{
    h_open_detail(h, e);
    h_scroll_to(h, "interest");
    h_tap(h, "interest");
    assert_string_equal(h_screen(h), "interest-name");
    h_type(h, name);
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "interest-reach");
    h_digits(h, digits);
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "interest-consent");
}

static const int SIZES[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {480, 800}, {1024, 600}};

static void a_phone_number_with_consent(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
        harness *h = h_new(SIZES[s][0], SIZES[s][1]);
        h->m.retention_days = 30;
        h_open_detail(h, E_SPIS);
        const ui_widget *b = h_scroll_to(h, "interest");
        assert_string_equal(b->label, "Sig til, når der sker noget");
        h_tap(h, "interest");
        assert_string_equal(h_screen(h), "interest-name");
        /* no name: said, and it stays (landscape: on a portrait screen the shared name step
         * has two lines for its message, and "Skriv først dit fornavn ..." needs three: the
         * shared name step's layout, the same for join-name) */
        if (SIZES[s][0] > SIZES[s][1]) {
            h_tap(h, "next");
            assert_string_equal(h_screen(h), "interest-name");
            assert_true(h_has(h, "message"));
        }
        h_type(h, "Birgitte");
        h_tap(h, "next");
        assert_string_equal(h_screen(h), "interest-reach");
        assert_false(h->u->flow.by_flat); /* a phone number first */
        assert_true(h_has(h, "by-flat"));
        /* too short a phone number: said, and it stays */
        h_digits(h, "2143");
        h_tap(h, "next");
        assert_string_equal(h_screen(h), "interest-reach");
        assert_string_equal(h_widget(h, "message")->label, "Mindst 8 cifre");
        h_digits(h, "6587");
        assert_string_equal(h_widget(h, "number")->label, "21436587");
        assert_true(h_text_equals(h, "21 43 65 87"));
        h_tap(h, "next");
        assert_string_equal(h_screen(h), "interest-consent");
        const ui_widget *c = h_widget(h, "consent");
        assert_non_null(strstr(c->label, "Personalet gemmer dit fornavn og dit telefonnummer i "
                                         "højst 30 dage."));
        assert_non_null(strstr(c->label, "når der sker noget som \"Fællesspisning\""));
        assert_non_null(strstr(c->label, "Kun personalet kan se det"));
        assert_string_equal(h_widget(h, "confirm")->label, "Ja, sig til");
        h_tap(h, "confirm");
        ui_action a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_INTEREST);
        assert_string_equal(a.uid, h->entries[E_SPIS].act.uid);
        assert_string_equal(a.name, "Birgitte");
        assert_string_equal(a.reach, "21436587");
        assert_false(a.by_flat);
        /* a second tap while the app works gives nothing more */
        h_tap(h, "confirm");
        ui_action none;
        assert_false(ui_take_action(h->u, &none));
        answer(h, VM_OK, NULL);
        assert_string_equal(h_screen(h), "interest-done");
        assert_string_equal(h_widget(h, "result")->label,
                            "Tak! Personalet siger til, når der sker noget som "
                            "\"Fællesspisning\".");
        /* what was typed is gone already */
        assert_string_equal(h->u->flow.name, "");
        assert_string_equal(h->u->flow.reach, "");
        h_tap(h, "done");
        assert_string_equal(h_screen(h), "home");
        h_free(h);
    }
}

static void a_flat_number_and_a_refusal(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_STRIK);
    h_scroll_to(h, "interest");
    h_tap(h, "interest");
    h_type(h, "Ali");
    h_tap(h, "next");
    h_digits(h, "2143");
    h_tap(h, "by-flat"); /* another kind of number: what was typed goes */
    assert_true(h->u->flow.by_flat);
    assert_true(h_has(h, "by-phone")); /* the way back to a phone number */
    assert_string_equal(h_widget(h, "number")->label, "");
    h_tap(h, "next");
    assert_non_null(strstr(h_widget(h, "message")->label, "lejlighedsnummer"));
    h_digits(h, "1234567");
    assert_string_equal(h_widget(h, "number")->label, "123456");
    assert_true(h_has(h, "message")); /* "the number is as long as it can be" */
    h_tap(h, "key:backspace");
    h_tap(h, "key:backspace");
    h_tap(h, "key:backspace");
    assert_string_equal(h_widget(h, "number")->label, "123");
    h_tap(h, "next");
    /* retention not given: said without days */
    assert_non_null(strstr(h_widget(h, "consent")->label,
                           "Personalet gemmer dit fornavn og dit lejlighedsnummer i kort tid."));
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_true(a.by_flat);
    assert_string_equal(a.reach, "123");
    answer(h, VM_ERR_REFUSED, "Tilmelding er sat på pause");
    assert_string_equal(h_screen(h), "interest-consent");
    assert_string_equal(h_widget(h, "message")->label, "Tilmelding er sat på pause");
    /* back twice: the number, the name, and out to the detail */
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "interest-reach");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "interest-name");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "detail");
    assert_string_equal(h->u->flow.reach, "");
    h_free(h);
}

static void left_alone_it_forgets(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    to_consent(h, E_SPIS, "Birgitte", "21436587");
    h_advance(h, 61000);
    assert_string_equal(h_screen(h), "home");
    assert_string_equal(h->u->flow.name, "");
    assert_string_equal(h->u->flow.reach, "");
    h_free(h);
}

static void not_while_the_kiosk_cannot_save(void **state)
{
    (void)state;
    harness *h = h_new(1280, 800);
    h->m.signups_paused = true;
    h_build(h);
    h_open_detail(h, E_SPIS);
    h_scroll_top(h);
    for (int i = 0; i < 10 && !h_has(h, "interest"); i++)
        if (h_has(h, "scroll-down") && !(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED))
            h_tap(h, "scroll-down");
    assert_false(h_has(h, "interest"));
    h_free(h);
}

static void in_every_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *button;
    } WANT[] = {
        {"ar", "أخبرني عندما يكون هناك نشاط مثل هذا"},
        {"so", "Ii sheeg marka wax sidan oo kale dhacaan"},
        {"tr", "Böyle bir etkinlik olunca bana haber verin"},
        {"ur", "جب ایسا کچھ ہو تو مجھے بتائیں"},
    };
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}};
    for (size_t l = 0; l < sizeof WANT / sizeof WANT[0]; l++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            harness *h = h_new(sizes[s][0], sizes[s][1]);
            vm_err err = {0};
            h->langs[2] = i18n_catalog_embedded(WANT[l].lang, &err);
            assert_non_null(h->langs[2]);
            h->n_langs = 3;
            h->m.n_langs = 3;
            h->m.retention_days = 30;
            h_build(h);
            h_choose_lang(h, 2);
            h_open_detail(h, E_SPIS);
            assert_string_equal(h_scroll_to(h, "interest")->label, WANT[l].button);
            h_tap(h, "interest");
            h_type(h, "Birgitte");
            h_tap(h, "next");
            h_tap(h, "next"); /* no number yet: the message in the language */
            assert_true(h_has(h, "message"));
            h_tap(h, "by-flat");
            assert_true(h->u->flow.by_flat);
            h_tap(h, "by-phone");
            assert_false(h->u->flow.by_flat);
            h_digits(h, "21436587");
            h_tap(h, "next");
            assert_string_equal(h_screen(h), "interest-consent");
            assert_non_null(strstr(h_widget(h, "consent")->label, "30"));
            h_tap(h, "confirm");
            take_one(h);
            answer(h, VM_OK, NULL);
            assert_string_equal(h_screen(h), "interest-done");
            h_free(h);
        }
}

/* ---- the staff's list */

static void held_clock_to_admin(harness *h)
{
    const ui_widget *c = h_widget(h, "clock");
    int x = c->rect.x + c->rect.w / 2, y = c->rect.y + c->rect.h / 2;
    h->now_ms += 500;
    h_press(h, x, y);
    for (int64_t t = 0; t < UI_ADMIN_HOLD_MS; t += 500)
        h_advance(h, 500);
    h_release(h, 5, 5);
    h_digits(h, "2468");
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_PIN);
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin");
}

static void staff_see_and_delete(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        harness *h = h_new(sizes[s][0], sizes[s][1]);
        h->m.admin_enabled = true;
        interest list[2];
        memset(list, 0, sizeof list);
        snprintf(list[0].id, sizeof list[0].id, "00000000-0000-4000-8000-0000000000a1");
        list[0].cat = CAT_FOOD;
        snprintf(list[0].about, sizeof list[0].about, "Fællesspisning");
        snprintf(list[0].name, sizeof list[0].name, "Birgitte");
        snprintf(list[0].phone, sizeof list[0].phone, "21436587");
        list[0].created = h->now_ms / 1000 - 3600;
        snprintf(list[1].id, sizeof list[1].id, "00000000-0000-4000-8000-0000000000a2");
        list[1].cat = CAT_CRAFTS;
        snprintf(list[1].about, sizeof list[1].about, "Strikkecafé");
        snprintf(list[1].name, sizeof list[1].name, "Ali");
        snprintf(list[1].flat, sizeof list[1].flat, "114");
        list[1].created = h->now_ms / 1000 - 86400;
        ui_admin_info info = {.version = "0.4.0", .kiosk_id = "kiosk-1", .interests = list,
                              .n_interests = 2};
        h_build(h);
        held_clock_to_admin(h);
        h->m.admin = &info;
        h_build(h);
        h_tap(h, "admin-signups");
        assert_string_equal(h_screen(h), "admin-signups");
        assert_string_equal(h_widget(h, "admin-interests")->label, "\"Sig til\": 2 ønsker");
        h_tap(h, "admin-interests");
        assert_string_equal(h_widget(h, "title")->label, "Sig til, når der sker noget");
        const ui_widget *w = h_widget(h, "interest:00000000-0000-4000-8000-0000000000a1");
        assert_non_null(strstr(w->label, "Birgitte · tlf. 21436587 · Fællesspisning"));
        w = h_scroll_to(h, "interest:00000000-0000-4000-8000-0000000000a2");
        assert_non_null(strstr(w->label, "Ali · lejl. 114 · Strikkecafé"));
        h_tap(h, "admin-delete-interest:00000000-0000-4000-8000-0000000000a2");
        assert_string_equal(h_screen(h), "admin-confirm");
        assert_non_null(strstr(h_widget(h, "question")->label, "Ali"));
        h_tap(h, "confirm");
        ui_action a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_ADMIN_DELETE_INTEREST);
        assert_string_equal(a.interest_id, "00000000-0000-4000-8000-0000000000a2");
        info.n_interests = 1;
        answer(h, VM_OK, NULL);
        assert_string_equal(h_screen(h), "admin-signups");
        assert_false(h_has(h, "interest:00000000-0000-4000-8000-0000000000a2"));
        assert_string_equal(h_widget(h, "message")->label, "Det er slettet");
        /* back: the sign-ups' list; back again: the admin screen; home forgets */
        h_tap(h, "back");
        assert_true(h_has(h, "admin-interests"));
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "admin");
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "home");
        assert_false(ui_admin_open(h->u));
        h->m.admin = NULL;
        h_free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_phone_number_with_consent),
        cmocka_unit_test(a_flat_number_and_a_refusal),
        cmocka_unit_test(left_alone_it_forgets),
        cmocka_unit_test(not_while_the_kiosk_cannot_save),
        cmocka_unit_test(in_every_language),
        cmocka_unit_test(staff_see_and_delete),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
