/* "Hvad savner du?": from the week in one tap; an idea is one tap; a short wish on the
 * keyboard; thanks. In every language, at every size (the harness checks each frame). */
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
#include "ui/theme.h"
#include "ui/ui_internal.h"

static idea IDEAS[5];

static void give_ideas(harness *h)
{
    static const struct {
        const char *t;
        category c;
    } L[] = {{"Yoga for begyndere", CAT_SPORT},
             {"Syværksted", CAT_CRAFTS},
             {"Filmaften", CAT_PARTY},
             {"Fælles køkkenhave med højbede og bænke", CAT_GARDEN},
             {"Lektiehjælp til voksne", CAT_HOMEWORK}};
    for (int i = 0; i < 5; i++) {
        memset(&IDEAS[i], 0, sizeof IDEAS[i]);
        snprintf(IDEAS[i].title, sizeof IDEAS[i].title, "%s", L[i].t);
        IDEAS[i].cat = L[i].c;
    }
    h->m.ideas = IDEAS;
    h->m.n_ideas = 5;
    h_build(h);
}

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

static const int SIZES[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {480, 800}, {1024, 600}};

static void a_vote_and_a_wish(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
        harness *h = h_new(SIZES[s][0], SIZES[s][1]);
        assert_false(h_has(h, "ideas")); /* no ideas from the staff: no way there */
        give_ideas(h);
        assert_string_equal(h_scroll_to(h, "ideas")->label, "Hvad savner du?");
        h_tap(h, "ideas");
        assert_string_equal(h_screen(h), "ideas");
        assert_string_equal(h_widget(h, "title")->label, "Hvad savner du?");
        assert_string_equal(h_scroll_to(h, "idea:3")->label,
                            "Fælles køkkenhave med højbede og bænke");
        h_scroll_to(h, "idea:0");
        h_tap(h, "idea:0");
        ui_action a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_VOTE);
        assert_string_equal(a.idea_title, "Yoga for begyndere");
        h_tap(h, h_has(h, "idea:1") ? "idea:1" : "idea:0"); /* while the app answers: nothing more */
        ui_action none;
        assert_false(ui_take_action(h->u, &none));
        answer(h, VM_OK, "Tak for din stemme!");
        assert_string_equal(h_screen(h), "ideas-done");
        assert_string_equal(h_widget(h, "result")->label, "Tak for din stemme!");
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "ideas");
        /* a wish of one's own */
        h_scroll_to(h, "wish");
        h_tap(h, "wish");
        assert_string_equal(h_screen(h), "wish");
        {
            h_tap(h, "next");
            assert_string_equal(h_screen(h), "wish");
            assert_true(h_has(h, "message"));
        }
        h_type(h, "Mere musik");
        h_tap(h, "next");
        a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_WISH);
        assert_string_equal(a.name, "Mere musik");
        answer(h, VM_OK, NULL);
        assert_string_equal(h_screen(h), "ideas-done");
        assert_string_equal(h_widget(h, "result")->label, "Tak! Personalet får det at se.");
        assert_string_equal(h->u->flow.name, "");
        h_tap(h, "done");
        assert_string_equal(h_screen(h), "home");
        h_free(h);
    }
}

/* The wish comes first: on the screen as it opens, at every size and in Urdu (its tall
 * letters), before any of the staff's ideas, without a swipe. */
static void the_wish_first_without_a_swipe(void **state)
{
    (void)state;
    static const char *const LANGS[] = {"da", "ur", "ar"};
    for (size_t l = 0; l < 3; l++)
        for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
            harness *h = h_new(SIZES[s][0], SIZES[s][1]);
            if (l) {
                vm_err err = {0};
                h->langs[2] = i18n_catalog_embedded(LANGS[l], &err);
                h->n_langs = 3;
                h->m.n_langs = 3;
            }
            give_ideas(h);
            if (l)
                h_choose_lang(h, 2);
            h_scroll_to(h, "ideas");
            h_tap(h, "ideas");
            assert_string_equal(h_screen(h), "ideas");
            const ui_widget *list = h_widget(h, "list");
            const ui_widget *wish = h_widget(h, "wish"); /* there, unscrolled */
            assert_true(wish->rect.y >= list->rect.y &&
                        wish->rect.y + wish->rect.h <= list->rect.y + list->rect.h);
            assert_true(wish->rect.h / h->ppm >= UI_TARGET_MM); /* whole */
            /* before every idea in reading order */
            for (size_t i = 0; i < h->f.n_widgets; i++) {
                const ui_widget *w = &h->f.widgets[i];
                if (strncmp(w->id, "idea:", 5) == 0)
                    assert_true(w->rect.y > wish->rect.y ||
                                (w->rect.y == wish->rect.y &&
                                 (l == 2 || l == 1 ? w->rect.x < wish->rect.x
                                                   : w->rect.x > wish->rect.x)));
            }
            h_free(h);
        }
}

/* Left alone on the wish, the words are wiped and the kiosk goes home. */
static void a_wish_left_alone(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    give_ideas(h);
    h_scroll_to(h, "ideas");
    h_tap(h, "ideas");
    h_scroll_to(h, "wish");
    h_tap(h, "wish");
    h_type(h, "Birgitte");
    h_advance(h, 61000);
    assert_string_equal(h_screen(h), "home");
    assert_string_equal(h->u->flow.name, "");
    h_free(h);
}

static void in_every_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *title;
    } WANT[] = {{"ar", "ما الذي تفتقده هنا؟"},
                {"so", "Maxaa kaa maqan?"},
                {"tr", "Burada neyi özlüyorsunuz?"},
                {"ur", "آپ کو کس چیز کی کمی ہے؟"}};
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}};
    for (size_t l = 0; l < 4; l++)
        for (size_t s = 0; s < 3; s++) {
            harness *h = h_new(sizes[s][0], sizes[s][1]);
            vm_err err = {0};
            h->langs[2] = i18n_catalog_embedded(WANT[l].lang, &err);
            h->n_langs = 3;
            h->m.n_langs = 3;
            give_ideas(h);
            h_choose_lang(h, 2);
            assert_string_equal(h_scroll_to(h, "ideas")->label, WANT[l].title);
            h_tap(h, "ideas");
            h_scroll_to(h, "idea:4");
            h_scroll_to(h, "wish");
            h_tap(h, "wish");
            h_type(h, "Musik");
            h_tap(h, "next");
            take_one(h);
            answer(h, VM_OK, NULL);
            assert_string_equal(h_screen(h), "ideas-done");
            h_free(h);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_vote_and_a_wish),
        cmocka_unit_test(a_wish_left_alone),
        cmocka_unit_test(the_wish_first_without_a_swipe),
        cmocka_unit_test(in_every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
