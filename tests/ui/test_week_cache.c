/* The week at a glance (home) keeps its layout (the days, the leaves, every tile's place)
 * while what it depends on stays, and each frame draws only the tiles in view from it. The
 * screen stays a function of the model: after each kind of change (a sign-up, a new program,
 * a language, a window size, a new minute and a new day, a notice, a scroll, a press) the
 * frame built with the kept layout is the very frame built afresh. A model without a
 * generation (0) keeps nothing, so building it again is the fresh frame to compare with. */
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
    measured = 0;
    h_build(h);
    return measured;
}

/* The fake font a fifth wider: another measurer (the app's fonts changed). */
static void wider_size(void *ctx, ui_font font, const char *utf8, int *w, int *h)
{
    h_measure_size(ctx, font, utf8, w, h);
    *w += *w / 5;
}

static void assert_same_frame(const ui_frame *kept, const ui_frame *fresh)
{
    assert_string_equal(kept->screen, fresh->screen);
    assert_true(ui_frame_same_picture(kept, fresh));
    assert_int_equal(kept->n_widgets, fresh->n_widgets);
    for (size_t i = 0; i < kept->n_widgets; i++) {
        const ui_widget *a = &kept->widgets[i], *b = &fresh->widgets[i];
        assert_string_equal(a->id, b->id);
        assert_string_equal(a->label, b->label);
        assert_int_equal(a->role, b->role);
        assert_int_equal(a->flags, b->flags);
        assert_memory_equal(&a->rect, &b->rect, sizeof a->rect);
    }
}

/* Builds home with what is kept, then afresh (generation 0: nothing kept, nothing
 * dropped), and asserts both frames are the same; the kept one stays in h->f. */
static void assert_as_fresh(harness *h)
{
    h_build(h);
    ui_frame kept;
    ui_frame_init(&kept);
    assert_true(ui_frame_copy(&kept, &h->f));
    unsigned long generation = h->m.generation;
    assert_true(generation != 0);
    h->m.generation = 0;
    h_build(h);
    h->m.generation = generation;
    assert_string_equal(h_screen(h), "home");
    assert_same_frame(&kept, &h->f);
    ui_frame_free(&kept);
    h_build(h); /* back to the kept frame in h->f */
}

/* Time passes with someone at the kiosk (so it stays on home, not idle). */
static void later(harness *h, int64_t ms)
{
    h->now_ms += ms;
    ui_input in = {.kind = UI_IN_CANCEL};
    ui_handle(h->u, &h->m, &in, h->now_ms);
}

static harness *home_kept(int w, int hgt)
{
    harness *h = h_new(w, hgt);
    h->m.generation = 1;
    assert_as_fresh(h);
    return h;
}

static void kept_while_nothing_changes(void **state)
{
    (void)state;
    harness *h = home_kept(1920, 1080);
    h->ms.size = counting_size; /* (another measurer: laid out afresh once) */
    int first = build_counting(h);
    int second = build_counting(h);
    /* only what is drawn is measured again, not the whole week laid out */
    assert_true(second < first);
    h->now_ms += 30000; /* the same minute (every start and end on a whole one): kept */
    assert_int_equal(build_counting(h), second);
    h->m.generation = 0; /* unknown: laid out every time */
    int a = build_counting(h), b = build_counting(h);
    assert_int_equal(a, b);
    assert_true(b > second);
    h_free(h);
}

static void a_sign_up(void **state)
{
    (void)state;
    harness *h = home_kept(1920, 1080);
    assert_true(h_label_contains(h, "Lektiecafé \xC2\xB7 I morgen 15:00 \xC2\xB7 1 ledig plads"));
    /* the last place is taken: the app reloads its model, a new generation */
    h->entries[E_LEKTIE].counts =
        (activity_counts){.heads_taken = 4, .signups = 4, .adults = 4};
    h->m.generation++;
    assert_as_fresh(h);
    assert_false(h_label_contains(h, "1 ledig plads"));
    h_free(h);
}

static void a_new_program(void **state)
{
    (void)state;
    harness *h = home_kept(1920, 1080);
    int before = h_widget(h, "card:lektie-2511")->rect.h;
    /* the program is imported again with a longer title: a new generation */
    snprintf(h->acts[E_LEKTIE].title, sizeof h->acts[E_LEKTIE].title, "%s",
             "Lektiecafé med hjælp til matematik");
    h_sync(h);
    h->m.generation++;
    assert_as_fresh(h);
    assert_true(h_widget(h, "card:lektie-2511")->rect.h > before);
    /* a model that says its entries changed only by their number: from tomorrow on gone */
    h->m.n_entries = E_STRIK;
    assert_as_fresh(h);
    assert_false(h_has(h, "card:lektie-2511"));
    h_free(h);
}

static void a_language_and_a_measurer(void **state)
{
    (void)state;
    /* (at 1920x1080 the header and the buttons are as high in both: only the week's words
     * differ) */
    harness *h = home_kept(1920, 1080);
    h_choose_lang(h, 1);
    assert_as_fresh(h);
    assert_true(h_text_equals(h, "Today"));
    h_choose_lang(h, 0);
    assert_as_fresh(h);
    h->ms.size = wider_size;
    assert_as_fresh(h);
    h_free(h);
}

static void a_window_size(void **state)
{
    (void)state;
    harness *h = home_kept(1920, 1080);
    /* (1440x800 after 1280x800: only the width, the rest of the key as it was) */
    static const int sizes[][2] = {{800, 480}, {1280, 800}, {1440, 800}, {800, 480}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        h->width = sizes[i][0];
        h->height = sizes[i][1];
        ui_resize(h->u, h->width, h->height);
        assert_as_fresh(h);
    }
    h_free(h);
}

static void a_new_minute_and_a_new_day(void **state)
{
    (void)state;
    harness *h = home_kept(800, 480);
    int64_t t0 = h->now_ms; /* 10:00 */
    assert_true(h_text_equals(h, "om 20 min."));
    later(h, 60000);
    assert_as_fresh(h);
    assert_true(h_text_equals(h, "om 19 min."));
    /* 10:20: the walk has begun */
    later(h, 19 * 60000);
    assert_as_fresh(h);
    /* the next morning: yesterday's activities are over, tomorrow is today */
    later(h, t0 + 22 * 3600000LL - h->now_ms);
    assert_as_fresh(h);
    assert_true(h_has(h, "day:2026-11-25"));
    assert_false(h_has(h, "day:2026-11-24"));
    h_free(h);
}

/* An hour before the dinner (18:00) the countdown says "om 1 time" for that minute, a
 * countdown of hours: the tile is the same the whole minute (half a minute later too), so
 * the week kept for the minute is the week laid out afresh. */
static void an_hour_before(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1280, 800}, {1920, 1080}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        harness *h = home_kept(sizes[i][0], sizes[i][1]);
        snprintf(h->acts[E_SPIS].title, sizeof h->acts[E_SPIS].title, "%s",
                 "Fælles mad i salen");
        h_sync(h);
        h->m.generation++;
        later(h, 7 * 3600000LL); /* 17:00:00 */
        assert_as_fresh(h);
        later(h, 30000);
        assert_as_fresh(h);
        h_free(h);
    }
}

static void an_end_between_minutes(void **state)
{
    (void)state;
    harness *h = home_kept(800, 480);
    /* the morning coffee (begun at 09:30) ends 30 s into 10:00, not on a whole minute: the
     * week is then kept for a second, not a minute */
    h->entries[E_KAFFE].act.end = h->now_ms / 1000 + 30;
    h->m.generation++;
    assert_as_fresh(h);
    assert_true(h_has(h, "card:kaffe-2411"));
    later(h, 31000);
    assert_as_fresh(h);
    assert_false(h_has(h, "card:kaffe-2411"));
    h_free(h);
}

static void a_notice_a_scroll_and_a_press(void **state)
{
    (void)state;
    harness *h = home_kept(800, 480);
    /* a notice takes room from the week: the rows that fit change */
    h->m.notice = "USB-nøglen blev ikke godkendt";
    assert_as_fresh(h);
    h->m.notice = NULL;
    assert_as_fresh(h);
    /* (the room left for the week decides whether its tiles drop their countdowns of hours
     * to show today and tomorrow whole: a notice lays the week out again, seen by what is
     * measured) */
    h->ms.size = counting_size;
    h_build(h);
    h->m.notice = "USB-nøglen blev ikke godkendt";
    int with_notice = build_counting(h);
    int again = build_counting(h);
    assert_true(with_notice > again);
    h->m.notice = NULL;
    int without = build_counting(h);
    assert_true(without > build_counting(h));
    /* the staff's ideas: "Hvad savner du?" ends the list, seen at its end */
    static const idea ideas[1] = {{.title = "Brætspilsaften", .cat = CAT_GAMES}};
    h->m.ideas = ideas;
    h->m.n_ideas = 1;
    for (int i = 0; i < 20 && !(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED); i++)
        h_tap(h, "scroll-down");
    assert_as_fresh(h);
    assert_true(h_has(h, "ideas"));
    h->m.n_ideas = 0;
    h_scroll_top(h);
    assert_as_fresh(h);
    /* a scroll is each frame's own: the kept layout, seen further down */
    h_tap(h, "scroll-down");
    assert_as_fresh(h);
    /* a press on a tile: its colour, from the kept layout */
    const ui_widget *card = h_widget(h, h->f.widgets[h->f.n_widgets - 1].id);
    for (size_t i = 0; i < h->f.n_widgets; i++)
        if (h->f.widgets[i].role == UI_ROLE_CARD)
            card = &h->f.widgets[i];
    assert_int_equal(card->role, UI_ROLE_CARD);
    char id[160];
    snprintf(id, sizeof id, "%s", card->id);
    h_press(h, card->rect.x + 4, card->rect.y + 4);
    assert_as_fresh(h);
    assert_true(h_widget(h, id)->flags & UI_WIDGET_PRESSED);
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_while_nothing_changes),
        cmocka_unit_test(a_sign_up),
        cmocka_unit_test(a_new_program),
        cmocka_unit_test(a_language_and_a_measurer),
        cmocka_unit_test(a_window_size),
        cmocka_unit_test(a_new_minute_and_a_new_day),
        cmocka_unit_test(an_hour_before),
        cmocka_unit_test(an_end_between_minutes),
        cmocka_unit_test(a_notice_a_scroll_and_a_press),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
