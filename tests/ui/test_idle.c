/* When nobody is there: the idle screen, the burn-in shift, the night, a window too small. */
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

static const draw_cmd *first_cmd(const harness *h, draw_kind kind)
{
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == kind)
            return &h->f.cmds[i];
    return NULL;
}

static bool same_color(ui_color a, ui_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* Home, a minute without a touch: the idle screen, dark, with today's and tomorrow's
 * highlights and the next code. */
static void idle_screen_after_a_minute(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), h->now_ms + 60000);
    assert_false(h_advance(h, 59000));
    assert_string_equal(h_screen(h), "home");
    assert_true(h_advance(h, 1000));
    assert_string_equal(h_screen(h), "idle");

    /* dark: the whole window, light words on it (the harness checked every contrast) */
    const draw_cmd *bg = first_cmd(h, DRAW_RECT);
    assert_non_null(bg);
    assert_true(same_color(bg->color, COL_DARK_BG));
    assert_int_equal(bg->rect.x, 0);
    assert_int_equal(bg->rect.y, 0);
    assert_int_equal(bg->rect.w, 800);
    assert_int_equal(bg->rect.h, 480);
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_TEXT)
            assert_true(ui_contrast(h->f.cmds[i].color, COL_DARK_BG) >= 7.0);

    /* the clock, today and tomorrow (a 7" panel: each line says its day, the date gives way
     * to what is on; the headings and the date on a big screen, below) */
    assert_string_equal(h_widget(h, "clock")->label, "10:01");
    assert_true(h_label_contains(
        h, "I dag 10:20  Gåtur i parken \xC2\xB7 Bare kom \xC2\xB7 Ved hovedindgangen"));
    /* the walk (ahead) comes before the coffee (going on since 09:30) when room is short
     * (a 7" panel holds one or two beside the code; tomorrow's on a bigger one, below) */
    assert_false(h_has(h, "idle-item:kaffe-2411"));
    /* what is over or on another day is not a highlight */
    assert_false(h_label_contains(h, "Brætspil"));
    assert_false(h_label_contains(h, "Banko"));
    assert_false(h_has(h, "idle-item:fest-1212"));

    /* the code of the next activity that has one: the walk at 10:20, large, with its line */
    const ui_widget *qr = h_widget(h, "qr");
    assert_string_equal(qr->label, "Scan og tilføj til din kalender");
    assert_true(h_label_contains(h, "Gåtur i parken"));
    assert_true(h_text_contains(h, "I dag 10:20")); /* its time whole on a line */
    const draw_cmd *code = first_cmd(h, DRAW_QR);
    assert_non_null(code);
    assert_int_equal(code->qr_size, 21);
    int module = code->rect.w / (21 + 8); /* the rect holds the 4-module quiet zone */
    assert_true(module >= 4);             /* the 4 px minimum at 800x480 */
    assert_int_equal(code->rect.w, module * 29);
    assert_int_equal(code->rect.w, code->rect.h);
    /* nothing to tap but the whole screen, which only wakes */
    for (size_t i = 0; i < h->f.n_widgets; i++)
        assert_false(h->f.widgets[i].flags & UI_WIDGET_TAPPABLE);
    assert_string_equal(h_widget(h, "wake")->label, "Tryk for at se hele programmet");

    /* when the walk has begun, the code is the next one's: the dinner's sign-up link */
    h->now_ms += 20 * 60000;
    h_build(h);
    assert_string_equal(h_screen(h), "idle");
    assert_string_equal(h_widget(h, "qr")->label, "Scan og tilmeld dig");
    assert_true(h_label_contains(h, "Fællesspisning"));
    assert_true(h_text_contains(h, "I dag 18:00"));
    /* the idle screen keeps its minute tick (the clock) */
    assert_int_equal(ui_next_deadline(h->u, h->now_ms) % 60000, 0);
    h_free(h);

    /* a big screen has room for more: the date, today's in order of time, then tomorrow's */
    h = h_new(1920, 1080);
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "idle");
    assert_string_equal(h_widget(h, "date")->label, "Tirsdag 24. november 2026");
    assert_string_equal(h_widget(h, "idle-today")->label, "I dag");
    assert_string_equal(h_widget(h, "idle-tomorrow")->label, "I morgen");
    assert_true(h_label_contains(
        h, "18:00  Fællesspisning \xC2\xB7 5 ledige pladser \xC2\xB7 Fælleshuset"));
    assert_true(h_widget(h, "idle-item:gaa-2411")->rect.y <
                h_widget(h, "idle-item:spis-2411")->rect.y);
    assert_true(h_widget(h, "idle-item:spis-2411")->rect.y <
                h_widget(h, "idle-item:strik-2511")->rect.y);
    if (h_has(h, "idle-item:kaffe-2411")) /* going on now: "Nu", not "sign-up closed" */
        assert_true(h_label_contains(h, "09:30  Morgenkaffe \xC2\xB7 Nu"));
    module = 0;
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_QR)
            module = h->f.cmds[i].rect.w / 29;
    assert_true(module >= 16);
    h_free(h);
}

/* Which activity the code is for: its time ("I dag 14:00") is drawn whole on one line, never
 * broken between "I" and "dag" where the title and the time do not fit on one line beside the
 * code. In every language, at every panel, as the afternoon goes on. */
static void the_codes_time_is_never_broken(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1024, 600}, {480, 800}, {1280, 800}, {1920, 1080}};
    static const char *const langs[] = {NULL, "ar", "so", "tr", "ur"};
    int checked = 0;
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
            harness *h = h_new(sizes[z][0], sizes[z][1]);
            if (langs[l]) {
                vm_err err = {0};
                h->langs[2] = i18n_catalog_embedded(langs[l], &err);
                assert_non_null(h->langs[2]);
                h->n_langs = 3;
                h->m.n_langs = 3;
                h_build(h);
                h_choose_lang(h, 2);
            }
            /* a chosen language goes back home after a minute, idle the next */
            for (int i = 0; i < 3 && strcmp(h_screen(h), "idle") != 0; i++)
                h_advance(h, 60000);
            assert_string_equal(h_screen(h), "idle");
            for (int step = 0; step < 6; step++, h->now_ms += 90 * 60000, h_build(h)) {
                if (!h_has(h, "qr-for"))
                    continue;
                const char *label = h_widget(h, "qr-for")->label;
                const char *when = strchr(label, '\n');
                if (when) {
                    when++;
                } else {
                    when = strstr(label, " \xC2\xB7 ");
                    assert_non_null(when);
                    when += 4;
                }
                if (!h_text_contains(h, when)) {
                    fprintf(stderr, "%dx%d %s: \"%s\" is broken in \"%s\"\n", sizes[z][0],
                            sizes[z][1], langs[l] ? langs[l] : "da", when, label);
                    fail();
                }
                checked++;
            }
            h_free(h);
        }
    }
    assert_true(checked >= 25);
}

/* From a flow: the idle reset goes home after a minute, the idle screen a minute later. */
static void idle_after_a_flow(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    int64_t typed = h->now_ms;
    assert_true(ui_next_deadline(h->u, h->now_ms) <= typed + 60000);
    h_advance(h, 59000);
    assert_string_equal(h_screen(h), "join-name");
    h_advance(h, 1000);
    assert_string_equal(h_screen(h), "home");
    h_advance(h, 59000);
    assert_string_equal(h_screen(h), "home");
    h_advance(h, 1000);
    assert_string_equal(h_screen(h), "idle");
    h_free(h);
}

/* Any touch wakes the idle screen to home, and acts on nothing under the finger. */
static void touch_wakes_without_acting(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    const ui_widget *card = h_widget(h, "card:kaffe-2411");
    int x = card->rect.x + card->rect.w / 2, y = card->rect.y + card->rect.h / 2;
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "idle");
    /* the home screen shows on the press, and the release on the card does nothing */
    assert_true(h_press(h, x, y));
    assert_string_equal(h_screen(h), "home");
    h->now_ms += 80;
    h_release(h, x, y);
    assert_string_equal(h_screen(h), "home");
    /* a second tap right after is within the new screen's guard: still nothing */
    h_tap_at(h, x, y, 100);
    assert_string_equal(h_screen(h), "home");
    /* a real tap later opens the card */
    h_tap_at(h, x, y, 500);
    assert_string_equal(h_screen(h), "detail");
    /* a swipe on the idle screen also only wakes */
    h_tap(h, "back");
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "idle");
    h->now_ms += 1000;
    h_press(h, 400, 300);
    ui_input in = {.kind = UI_IN_MOVE, .x = 400, .y = 100};
    assert_false(ui_handle(h->u, &h->m, &in, h->now_ms));
    h_release(h, 400, 100);
    assert_string_equal(h_screen(h), "home");
    assert_true(h_widget(h, "scroll-up")->flags & UI_WIDGET_DISABLED); /* not scrolled */
    h_free(h);
}

/* The idle screen's content moves to a new place every few minutes: the same place for the
 * same time, always inside the window, visiting the room. */
static void idle_content_moves(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {480, 800}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        harness *h = h_new(sizes[s][0], sizes[s][1]);
        h_advance(h, 60000);
        assert_string_equal(h_screen(h), "idle");
        /* start at the beginning of a period */
        h->now_ms -= h->now_ms % UI_IDLE_MOVE_MS;
        h->now_ms += UI_IDLE_MOVE_MS;
        ui_rect seen[9];
        int distinct = 0;
        for (int k = 0; k < 9; k++) {
            h_build(h); /* checks everything is inside the window */
            ui_rect r = h_widget(h, "clock")->rect;
            /* the same place all through the period */
            h->now_ms += UI_IDLE_MOVE_MS - 1000;
            h_build(h);
            assert_int_equal(h_widget(h, "clock")->rect.x, r.x);
            assert_int_equal(h_widget(h, "clock")->rect.y, r.y);
            h->now_ms += 1000;
            bool is_new = true;
            for (int j = 0; j < distinct; j++)
                if (seen[j].x == r.x && seen[j].y == r.y)
                    is_new = false;
            if (is_new)
                seen[distinct++] = r;
            if (k > 0)
                assert_true(r.x != seen[0].x || r.y != seen[0].y || !is_new);
        }
        assert_int_equal(distinct, 9);
        /* and round again */
        h_build(h);
        assert_int_equal(h_widget(h, "clock")->rect.x, seen[0].x);
        assert_int_equal(h_widget(h, "clock")->rect.y, seen[0].y);
        /* the moves are large enough to matter: some 5 % of the window */
        int min_x = seen[0].x, max_x = seen[0].x, min_y = seen[0].y, max_y = seen[0].y;
        for (int j = 0; j < distinct; j++) {
            min_x = seen[j].x < min_x ? seen[j].x : min_x;
            max_x = seen[j].x > max_x ? seen[j].x : max_x;
            min_y = seen[j].y < min_y ? seen[j].y : min_y;
            max_y = seen[j].y > max_y ? seen[j].y : max_y;
        }
        assert_true(max_x - min_x >= sizes[s][0] / 20);
        assert_true(max_y - min_y >= sizes[s][1] / 20);
        h_free(h);
    }
}

/* The idle screen with little or nothing on: the next days, or a plain line; no code. */
static void idle_with_little_on(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    /* only what is after tomorrow: "Det sker snart" with days */
    h->m.entries = &h->entries[E_BANKO];
    h->m.n_entries = E_COUNT - E_BANKO;
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "idle");
    assert_string_equal(h_widget(h, "idle-today")->label, "Det sker snart");
    assert_true(h_label_contains(h, "Torsdag 26. nov. 19:00  Banko"));
    assert_false(h_has(h, "qr"));
    /* nothing at all */
    h->m.n_entries = 0;
    h_build(h);
    assert_string_equal(h_widget(h, "idle-empty")->label,
                        "Der er ikke noget på programmet lige nu");
    h_free(h);
}

/* The day screens move a few pixels every five minutes, in small steps, and stay whole. */
static void burn_in_shift(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {480, 800}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        harness *h = h_new(sizes[s][0], sizes[s][1]);
        h->now_ms -= h->now_ms % UI_SHIFT_PERIOD_MS;
        h_build(h);
        ui_rect first = h_widget(h, "clock")->rect;
        ui_rect prev = first;
        int min_x = first.x, max_x = first.x, min_y = first.y, max_y = first.y;
        int moves = 0;
        for (int k = 1; k <= 16; k++) {
            /* a touch keeps the kiosk awake; the periods pass */
            h_tap_at(h, 1, h->height - 1, UI_SHIFT_PERIOD_MS - 60);
            const ui_widget *clock = ui_frame_find(&h->f, "clock");
            assert_non_null(clock);
            ui_rect r = clock->rect;
            assert_int_equal(r.w, first.w);
            int step_x = abs(r.x - prev.x), step_y = abs(r.y - prev.y);
            /* small steps: one grid place at a time, a few pixels */
            assert_true(step_x <= 4 && step_y <= 4);
            if (step_x || step_y)
                moves++;
            min_x = r.x < min_x ? r.x : min_x;
            max_x = r.x > max_x ? r.x : max_x;
            min_y = r.y < min_y ? r.y : min_y;
            max_y = r.y > max_y ? r.y : max_y;
            prev = r;
        }
        assert_true(moves >= 15);
        assert_true(max_x - min_x >= 4 && max_x - min_x <= 8);
        assert_true(max_y - min_y >= 4 && max_y - min_y <= 8);
        /* back where it started after the whole cycle (16 periods) */
        assert_int_equal(prev.x, first.x);
        assert_int_equal(prev.y, first.y);
        /* the background and the header bar still fill the window at every offset */
        const draw_cmd *bg = first_cmd(h, DRAW_RECT);
        assert_int_equal(bg->rect.x, 0);
        assert_int_equal(bg->rect.w, sizes[s][0]);
        assert_int_equal(bg->rect.h, sizes[s][1]);
        h_free(h);
    }
    /* the offsets themselves: inside the range, the same for the same time */
    for (int64_t t = -3 * UI_SHIFT_PERIOD_MS; t < 40 * (int64_t)UI_SHIFT_PERIOD_MS;
         t += UI_SHIFT_PERIOD_MS / 2) {
        int dx, dy, dx2, dy2;
        ui_shift_offset(t, 7, &dx, &dy);
        ui_shift_offset(t, 7, &dx2, &dy2);
        assert_int_equal(dx, dx2);
        assert_int_equal(dy, dy2);
        assert_true(dx >= 0 && dx <= 7 && dy >= 0 && dy <= 7);
    }
}

/* Every screen shifted to every position still passes the checks (harness): the detail and
 * the join flow at each of the 16 offsets. */
static void shifted_screens_stay_whole(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    for (int k = 0; k < 16; k++) {
        h->now_ms += UI_SHIFT_PERIOD_MS;
        h_build(h);
        h_open_detail(h, E_SPIS);
        h_tap(h, "join");
        h_tap(h, "back");
        h_tap(h, "back");
        h_scroll_top(h);
    }
    h_free(h);
}

/* At night the screen goes black after two minutes without a touch, needs no wake-ups, and a
 * touch wakes it to home for two minutes. */
/* A kiosk resting on its idle screen when the night begins goes dark too (it used to stay
 * lit, redrawing every minute, until someone touched it). */
static void idle_screen_goes_dark_at_night(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_build(h);
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "idle");
    h->m.night = true; /* 23:00: the app's next tick brings the news */
    h_advance(h, 0);
    /* following the deadlines the ui gives, as the app's loop does, it is dark within the
     * night_wake_ms of the last touch */
    int64_t start = h->now_ms;
    for (int i = 0; i < 10 && strcmp(h_screen(h), "night") != 0; i++)
        h_advance(h, ui_next_deadline(h->u, h->now_ms) - h->now_ms);
    assert_string_equal(h_screen(h), "night");
    assert_true(h->now_ms - start <= 120000);
    assert_int_equal(ui_next_deadline(h->u, h->now_ms + 1000), UI_NO_DEADLINE);
    h_free(h);
}

static void night(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h->m.night = true;
    h_build(h);
    /* home at night: no idle screen; dark two minutes after the last touch */
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), h->now_ms + 60000);
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "home");
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), h->now_ms + 60000);
    assert_true(h_advance(h, 60000));
    assert_string_equal(h_screen(h), "night");
    /* all black, one full-screen `wake` */
    assert_int_equal(h->f.n_widgets, 1);
    const ui_widget *wake = h_widget(h, "wake");
    assert_true(wake->flags & UI_WIDGET_TAPPABLE);
    assert_int_equal(wake->rect.x, 0);
    assert_int_equal(wake->rect.y, 0);
    assert_int_equal(wake->rect.w, 800);
    assert_int_equal(wake->rect.h, 480);
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        assert_int_equal(h->f.cmds[i].kind, DRAW_RECT);
        assert_true(same_color(h->f.cmds[i].color, COL_BLACK));
    }
    /* no clock tick at night: no wake-up at all, and the minutes change nothing */
    h->now_ms += 1000;
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), UI_NO_DEADLINE);
    ui_frame before;
    ui_frame_init(&before);
    assert_true(ui_frame_copy(&before, &h->f));
    for (int i = 0; i < 5; i++)
        assert_false(h_advance(h, 60000));
    assert_true(ui_frame_same_picture(&before, &h->f));
    ui_frame_free(&before);
    /* a touch wakes it to home; a flow at night is reset after a minute, dark after two */
    h_tap(h, "wake");
    assert_string_equal(h_screen(h), "home");
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    h_advance(h, 60000);
    assert_string_equal(h_screen(h), "home");
    h_advance(h, 59000);
    assert_string_equal(h_screen(h), "home");
    h_advance(h, 1000);
    assert_string_equal(h_screen(h), "night");
    /* morning: the idle screen, then home on a touch */
    h->m.night = false;
    assert_true(h_advance(h, 1000));
    assert_string_equal(h_screen(h), "idle");
    h_tap_at(h, 10, 10, 500);
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* Night starts while someone uses the kiosk: they are not cut off. */
static void night_waits_for_the_resident(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_SPIS);
    h->m.night = true;
    h_advance(h, 30000);
    assert_string_equal(h_screen(h), "detail");
    h_tap(h, "join");
    h_advance(h, 59000);
    assert_string_equal(h_screen(h), "join-name");
    /* a pending answer is never interrupted */
    h_type(h, "Ib");
    h_tap(h, "next");
    h_tap(h, "confirm"); /* the counts step confirms */
    h_advance(h, 5 * 60000);
    assert_string_equal(h_screen(h), "join-household");
    ui_action a;
    assert_true(ui_take_action(h->u, &a));
    ui_action_result r = {.status = VM_OK};
    ui_action_done(h->u, &h->m, &r, h->now_ms);
    h_build(h);
    assert_string_equal(h_screen(h), "join-done");
    h_advance(h, 120000);
    assert_string_equal(h_screen(h), "night");
    h_free(h);
}

/* Below the minimum the window says so plainly, whatever the state; above it, the screens. */
static void window_too_small(void **state)
{
    (void)state;
    static const int small[][2] = {{799, 480}, {800, 479}, {479, 800}, {480, 799},
                                   {640, 400}, {320, 240}, {100, 60}};
    for (size_t s = 0; s < sizeof small / sizeof small[0]; s++) {
        harness *h = h_new(small[s][0], small[s][1]);
        assert_string_equal(h_screen(h), "too-small");
        if (small[s][0] >= 320) {
            assert_string_equal(h_widget(h, "too-small")->label, "Vinduet er for lille");
            assert_true(h_label_contains(h, "800 \xC3\x97 480"));
        }
        /* taps do nothing, time passes harmlessly */
        h_tap_at(h, small[s][0] / 2, small[s][1] / 2, 500);
        assert_string_equal(h_screen(h), "too-small");
        h_advance(h, 120000);
        assert_string_equal(h_screen(h), "too-small");
        /* made bigger: the kiosk is there again */
        ui_resize(h->u, 800, 480);
        h->width = 800;
        h->height = 480;
        h_build(h);
        assert_string_not_equal(h_screen(h), "too-small");
        h_free(h);
    }
    static const int fine[][2] = {{800, 480}, {480, 800}};
    for (size_t s = 0; s < sizeof fine / sizeof fine[0]; s++) {
        harness *h = h_new(fine[s][0], fine[s][1]);
        assert_string_equal(h_screen(h), "home");
        h_open_detail(h, E_SPIS);
        h_tap(h, "join");
        h_type(h, "Anne-Marie");
        h_tap(h, "next");
        h_tap(h, "adults+");
        h_tap(h, "more");
        h_digits(h, "1234");
        h_tap(h, "back");
        h_tap(h, "back");
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "detail");
        h_tap(h, "cancel-signup");
        h_type(h, "Ib");
        h_tap(h, "next");
        h_digits(h, "12");
        h_tap(h, "confirm");
        h_free(h);
    }
}

/* The screen when the kiosk cannot start: plain words in the resident's language, the reason
 * for the staff under them, readable and inside the window at any size. */
static void error_screen(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {480, 800}};
    for (size_t i = 0; i < 3; i++) {
        harness *h = h_new(sizes[i][0], sizes[i][1]);
        ui_build_error(h->u, h->langs[0], &h->ms,
                       "The file /var/lib/vaermed/vaermed.db belongs to another program.", &h->f);
        assert_string_equal(h->f.screen, "error");
        assert_string_equal(h_widget(h, "error")->label, "Skærmen kan ikke starte lige nu.");
        assert_string_equal(h_widget(h, "error-help")->label,
                            "Sig det til personalet. Intet er gået tabt.");
        assert_non_null(strstr(h_widget(h, "error-detail")->label, "another program"));
        h_check_contrast(&h->f);
        int fonts[UI_FONT_COUNT];
        ui_font_sizes(h->u, fonts);
        h_check_layout(&h->f, fonts, h->ppm);
        h_free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(idle_screen_after_a_minute),
        cmocka_unit_test(the_codes_time_is_never_broken),   cmocka_unit_test(idle_after_a_flow),
        cmocka_unit_test(touch_wakes_without_acting),   cmocka_unit_test(idle_content_moves),
        cmocka_unit_test(idle_with_little_on),          cmocka_unit_test(burn_in_shift),
        cmocka_unit_test(shifted_screens_stay_whole),   cmocka_unit_test(night),
        cmocka_unit_test(idle_screen_goes_dark_at_night),
        cmocka_unit_test(error_screen),
        cmocka_unit_test(night_waits_for_the_resident), cmocka_unit_test(window_too_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
