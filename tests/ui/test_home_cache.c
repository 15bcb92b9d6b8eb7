/* The whole program (the detailed cards, one tap from home) keeps its cards' measurements while the model's generation, the minute,
 * the width and the language stay: a scroll does not measure the whole program again, and a
 * new generation (a reload after a sign-up or a sync) is measured afresh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "harness.h"

static int measured;

static void counting_size(void *ctx, ui_font font, const char *utf8, int *w, int *h)
{
    measured++;
    h_measure_size(ctx, font, utf8, w, h);
}

static int build_counting(harness *h)
{
    h->ms.size = counting_size;
    measured = 0;
    h_build(h);
    return measured;
}

static void kept_while_nothing_changes(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_program(h);
    h->m.generation = 7;
    int first = build_counting(h);
    int second = build_counting(h);
    /* only what is drawn is measured again, not every card of the program */
    assert_true(second < first);
    h->m.generation = 0; /* unknown: measured every time */
    int a = build_counting(h), b = build_counting(h);
    assert_int_equal(a, b);
    assert_true(b > second);
    h_free(h);
}

static void a_new_generation_is_measured_afresh(void **state)
{
    (void)state;
    harness *h = h_new(1920, 1080); /* the whole card in view */
    h_open_program(h);
    h->m.generation = 1;
    h_build(h);
    int before = h_widget(h, "card:kaffe-2411")->rect.h;
    /* The program is reloaded with a longer title: a new generation. */
    snprintf(h->acts[E_KAFFE].title, sizeof h->acts[E_KAFFE].title, "%s",
             "Morgenkaffe med rundstykker og avisen i caféen");
    h_sync(h);
    h->m.generation = 1; /* the same generation: the kept height stays (as it must) */
    h_build(h);
    assert_int_equal(h_widget(h, "card:kaffe-2411")->rect.h, before);
    h->m.generation = 2;
    h_build(h);
    assert_true(h_widget(h, "card:kaffe-2411")->rect.h > before);
    h_free(h);
}

static void the_minute_and_the_language_count_too(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_program(h);
    h->m.generation = 1;
    build_counting(h);
    int same = build_counting(h);
    h->now_ms += 60000; /* a new minute: the countdown chips may change */
    int next_minute = build_counting(h);
    assert_true(next_minute > same);
    h_tap(h, "back");
    h_choose_lang(h, 1);
    measured = 0;
    h_open_program(h); /* English: other words, other heights; measured afresh */
    int english = measured;
    int english_again = build_counting(h);
    assert_true(english_again < english);
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_while_nothing_changes),
        cmocka_unit_test(a_new_generation_is_measured_afresh),
        cmocka_unit_test(the_minute_and_the_language_count_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
