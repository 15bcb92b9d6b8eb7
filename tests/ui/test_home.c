/* home and detail: what the public screens show, on a fake clock and a fixed-width font. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "harness.h"

/* Every card label and heading on home, scrolling down through the whole list. */
typedef struct seen {
    char text[16384];
} seen;

static void collect(harness *h, seen *s)
{
    for (size_t i = 0; i < h->f.n_widgets; i++) {
        const ui_widget *w = &h->f.widgets[i];
        size_t k = strlen(s->text);
        snprintf(s->text + k, sizeof s->text - k, "[%s|%s]", w->id, w->label);
    }
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        if (h->f.cmds[i].kind != DRAW_TEXT)
            continue;
        size_t k = strlen(s->text);
        snprintf(s->text + k, sizeof s->text - k, "{%s}", h->f.cmds[i].text);
    }
}

static void scroll_through(harness *h, seen *s)
{
    memset(s, 0, sizeof *s);
    collect(h, s);
    for (int i = 0; i < 40 && h_has(h, "scroll-down") &&
                    !(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED);
         i++) {
        h_tap(h, "scroll-down");
        collect(h, s);
    }
}

static void home_shows_the_week(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    assert_string_equal(h_screen(h), "home");
    /* the header: the clock, the language button saying the language in use */
    assert_string_equal(h_widget(h, "clock")->label, "10:00");
    assert_string_equal(h_widget(h, "lang")->label, "Dansk");
    assert_true(h_widget(h, "lang")->flags & UI_WIDGET_TAPPABLE);
    /* (the week is in test_week.c) the whole program as detailed cards, one tap away: the
     * leaf of today */
    h_tap(h, "day:2026-11-24");
    assert_string_equal(h_screen(h), "program");
    assert_string_equal(h_widget(h, "title")->label, "Hele programmet");
    /* the list scrolls; its buttons are there and up is disabled at the top */
    assert_true(h_widget(h, "scroll-up")->flags & UI_WIDGET_DISABLED);
    assert_false(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED);

    seen *s = calloc(1, sizeof *s);
    scroll_through(h, s);
    /* sections in order */
    const char *today = strstr(s->text, "[section:today|I dag]");
    const char *week = strstr(s->text, "[section:week|Denne uge]");
    const char *later = strstr(s->text, "[section:later|Senere]");
    assert_non_null(today);
    assert_non_null(week);
    assert_non_null(later);
    assert_true(today < week && week < later);
    /* every activity that is not over is a card, with its places line */
    assert_non_null(strstr(s->text, "[card:kaffe-2411|Morgenkaffe \xC2\xB7 I dag 09:30 \xC2\xB7 Tilmelding lukket]"));
    assert_non_null(strstr(s->text, "[card:gaa-2411|Gåtur i parken \xC2\xB7 I dag 10:20 \xC2\xB7 Bare kom]"));
    assert_non_null(strstr(s->text, "[card:spis-2411|Fællesspisning \xC2\xB7 I dag 18:00 \xC2\xB7 5 ledige pladser]"));
    assert_non_null(strstr(s->text, "[card:strik-2511|Strikkecafé \xC2\xB7 I morgen 14:00 \xC2\xB7 Der er plads til dig]"));
    assert_non_null(strstr(s->text, "[card:lektie-2511|Lektiecafé \xC2\xB7 I morgen 15:00 \xC2\xB7 1 ledig plads]"));
    assert_non_null(strstr(s->text, "[card:banko-2611|Banko \xC2\xB7 Torsdag 26. nov. 19:00 \xC2\xB7 Fuldt \xE2\x80\x93 venteliste]"));
    assert_non_null(strstr(s->text, "[card:foredrag-2711|Foredrag: Bedre søvn \xC2\xB7 Fredag 27. nov. 19:00 \xC2\xB7 Tilmelding lukket]"));
    assert_non_null(strstr(s->text, "[card:vaerksted-3011|Cykelværksted \xC2\xB7 Mandag 30. nov. 16:00 \xC2\xB7 Bare kom]"));
    assert_non_null(strstr(s->text, "[card:fest-1212|Julefest \xC2\xB7 Lørdag 12. dec. 17:00 \xC2\xB7 Aflyst]"));
    /* what is over is gone */
    assert_null(strstr(s->text, "gammel-2311"));
    assert_null(strstr(s->text, "Brætspil"));
    /* the texts on the cards: time soon, in progress, host, badges, helpers */
    assert_non_null(strstr(s->text, "{om 20 min.}"));
    assert_non_null(strstr(s->text, "{Nu}"));
    assert_non_null(strstr(s->text, "{Vært: Hanne}"));
    assert_non_null(strstr(s->text, "{Gratis}"));
    assert_non_null(strstr(s->text, "{Børnepasning}"));
    assert_non_null(strstr(s->text, "{Det er fint at komme")); /* (a chip of two lines) */
    assert_non_null(strstr(s->text, "{Uden trapper}"));
    assert_non_null(strstr(s->text, "{Giv en hånd: 2")); /* Dække bord (a chip of two lines) */
    assert_non_null(strstr(s->text, "{Giv en hånd: 3")); /* værksted */
    /* cards come in the order of their start */
    assert_true(strstr(s->text, "card:kaffe-2411") < strstr(s->text, "card:gaa-2411"));
    assert_true(strstr(s->text, "card:gaa-2411") < strstr(s->text, "card:spis-2411"));
    /* at the end, down is disabled and up is not */
    assert_true(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED);
    assert_false(h_widget(h, "scroll-up")->flags & UI_WIDGET_DISABLED);
    free(s);
    h_free(h);
}

/* Scrolling never goes past the content, by buttons, by swipe, or by wheel. */
static void scroll_stays_in_the_content(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    const ui_widget *list = h_widget(h, "list");
    /* (on a tile of the week: a press there is a press of something) */
    const ui_widget *tile = h_widget(h, "card:gaa-2411");
    int lx = tile->rect.x + tile->rect.w / 2, ly = tile->rect.y + tile->rect.h / 2;
    char first_card[64];
    snprintf(first_card, sizeof first_card, "%s", "card:kaffe-2411");
    int y0 = h_widget(h, first_card)->rect.y;

    /* a swipe up by 100 px moves the list by 100 px and taps nothing */
    h->now_ms += 500;
    ui_input in = {.kind = UI_IN_DOWN, .x = lx, .y = ly};
    assert_true(ui_handle(h->u, &h->m, &in, h->now_ms));
    h_build(h);
    in.kind = UI_IN_MOVE;
    in.y = ly - 100;
    assert_true(ui_handle(h->u, &h->m, &in, h->now_ms + 50));
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms + 100);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    const ui_widget *c = ui_frame_find(&h->f, first_card);
    assert_true(!c || c->rect.y <= y0 - 99 || c->rect.h < h->f.height);
    /* a swipe down far beyond the top stops at the top */
    h->now_ms += 500;
    in = (ui_input){.kind = UI_IN_DOWN, .x = lx, .y = list->rect.y + 10};
    ui_handle(h->u, &h->m, &in, h->now_ms);
    in.kind = UI_IN_MOVE;
    in.y = h->f.height - 1;
    ui_handle(h->u, &h->m, &in, h->now_ms);
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    assert_int_equal(h_widget(h, first_card)->rect.y, y0);
    assert_true(h_widget(h, "scroll-up")->flags & UI_WIDGET_DISABLED);
    /* the wheel: far down stops at the end */
    in = (ui_input){.kind = UI_IN_WHEEL, .dy = -1000};
    assert_true(ui_handle(h->u, &h->m, &in, h->now_ms));
    h_build(h);
    assert_true(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED);
    assert_false(ui_handle(h->u, &h->m, &in, h->now_ms)); /* already at the end */
    h_free(h);
}

/* Press on down (visible), fire on up inside the same widget; a drag cancels. */
static void touch_rules(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    const ui_widget *card = h_widget(h, "card:kaffe-2411");
    int x = card->rect.x + card->rect.w / 2, y = card->rect.y + card->rect.h / 2;
    h->now_ms += 500;
    ui_input in = {.kind = UI_IN_DOWN, .x = x, .y = y};
    assert_true(ui_handle(h->u, &h->m, &in, h->now_ms));
    h_build(h);
    const ui_widget *pressed = h_widget(h, "card:kaffe-2411");
    assert_true(pressed->flags & UI_WIDGET_PRESSED);
    /* and it looks pressed: a darker fill than the white of a card */
    bool darker = false;
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        const draw_cmd *d = &h->f.cmds[i];
        if (d->kind == DRAW_RECT && d->rect.x == pressed->rect.x && d->rect.y == pressed->rect.y &&
            d->rect.w == pressed->rect.w)
            darker = d->color.r < 255 && d->color.g < 255;
    }
    assert_true(darker);
    /* released outside it: nothing happens */
    in.kind = UI_IN_UP;
    in.x = 2;
    in.y = 2;
    ui_handle(h->u, &h->m, &in, h->now_ms + 80);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    assert_false(h_widget(h, "card:kaffe-2411")->flags & UI_WIDGET_PRESSED);
    /* a small wobble (under 4 mm) still taps */
    in = (ui_input){.kind = UI_IN_DOWN, .x = x, .y = y};
    ui_handle(h->u, &h->m, &in, h->now_ms + 200);
    in.kind = UI_IN_MOVE;
    in.y = y + 10;
    ui_handle(h->u, &h->m, &in, h->now_ms + 250);
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms + 300);
    h->now_ms += 300;
    h_build(h);
    assert_string_equal(h_screen(h), "detail");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "home");
    /* a drag of 5 mm is a scroll and cancels the press */
    card = h_widget(h, "card:kaffe-2411");
    x = card->rect.x + card->rect.w / 2;
    y = card->rect.y + card->rect.h / 2;
    h->now_ms += 500;
    in = (ui_input){.kind = UI_IN_DOWN, .x = x, .y = y};
    ui_handle(h->u, &h->m, &in, h->now_ms);
    in.kind = UI_IN_MOVE;
    in.y = y - 30;
    ui_handle(h->u, &h->m, &in, h->now_ms + 50);
    h_build(h);
    const ui_widget *c = ui_frame_find(&h->f, "card:kaffe-2411");
    assert_true(!c || !(c->flags & UI_WIDGET_PRESSED));
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms + 100);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    /* a cancelled gesture fires nothing */
    h->now_ms += 500;
    in = (ui_input){.kind = UI_IN_DOWN, .x = x, .y = y};
    ui_handle(h->u, &h->m, &in, h->now_ms);
    in.kind = UI_IN_CANCEL;
    ui_handle(h->u, &h->m, &in, h->now_ms);
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

static void detail_tells_everything(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_SPIS);
    assert_string_equal(h_widget(h, "title")->label, "Fællesspisning");
    assert_non_null(h_widget(h, "back"));
    assert_string_equal(h_widget(h, "join")->label, "Tilmeld");
    assert_false(h_widget(h, "join")->flags & UI_WIDGET_DISABLED);
    assert_string_equal(h_widget(h, "cancel-signup")->label, "Afmeld");
    /* scroll through the content, collecting */
    seen *s = calloc(1, sizeof *s);
    scroll_through(h, s);
    assert_non_null(strstr(s->text, "[when|I dag 18:00\xE2\x80\x93" "20:00]"));
    assert_non_null(strstr(s->text, "[place|Fælleshuset]"));
    assert_non_null(strstr(s->text, "[host|Vært: Hanne]"));
    assert_non_null(strstr(s->text, "[price|Pris: 25 kr., børn 10 kr.]"));
    assert_non_null(strstr(s->text, "[audience|For alle i afdelingen]"));
    assert_non_null(strstr(s->text, "[places|5 ledige pladser]"));
    assert_non_null(strstr(s->text, "[taken|25 af 30 pladser er taget]"));
    assert_non_null(strstr(s->text, "[description|Vi laver mad sammen"));
    assert_non_null(strstr(s->text, "{Børnepasning}"));
    assert_non_null(strstr(s->text, "[task:11|Dække bord \xC2\xB7 ca. 30 min. \xC2\xB7 2 ledige pladser]"));
    assert_non_null(strstr(s->text, "[task:12|Opvask \xC2\xB7 ca. 30 min. \xC2\xB7 Der er hænder nok \xE2\x80\x93 tak!]"));
    assert_non_null(strstr(s->text, "[qr|Scan og tilmeld dig]"));
    free(s);
    /* the QR: modules of at least 4 px, 4 modules of quiet zone in the rect */
    for (int i = 0; i < 40 && !h_has(h, "qr"); i++)
        h_tap(h, "scroll-up");
    const draw_cmd *qr = NULL;
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_QR)
            qr = &h->f.cmds[i];
    assert_non_null(qr);
    assert_int_equal(qr->qr_size, 21);
    assert_int_equal(qr->rect.w, qr->rect.h);
    assert_int_equal(qr->rect.w % (21 + 8), 0);
    assert_true(qr->rect.w / (21 + 8) >= 4);
    assert_memory_equal(qr->qr, h->qr, 21 * 21);
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

static void detail_of_each_kind(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    /* full: the waiting list */
    h_open_detail(h, E_BANKO);
    assert_string_equal(h_widget(h, "join")->label, "Skriv mig på ventelisten");
    assert_false(h_widget(h, "join")->flags & UI_WIDGET_DISABLED);
    seen *s = calloc(1, sizeof *s);
    scroll_through(h, s);
    assert_non_null(strstr(s->text, "[waiting|2 på venteliste]"));
    assert_non_null(strstr(s->text, "[places|Fuldt \xE2\x80\x93 venteliste]"));
    free(s);
    h_tap(h, "back");
    /* Bare kom: no sign-up, said plainly, and no padlocked button; a calendar QR */
    h_open_detail(h, E_GAA);
    assert_false(h_has(h, "join"));
    assert_string_equal(h_widget(h, "join-reason")->label,
                        "Bare kom \xE2\x80\x93 du behøver ikke melde dig til");
    assert_false(h_has(h, "cancel-signup"));
    assert_string_equal(h_scroll_to(h, "qr")->label, "Scan og tilføj til din kalender");
    h_tap(h, "back");
    /* cancelled: no QR, no join, said calmly: "Aflyst" first, the title struck through */
    h_open_detail(h, E_FEST);
    assert_false(h_has(h, "join"));
    assert_false(h_has(h, "cancel-signup"));
    assert_true(strncmp(h_widget(h, "when")->label, "Aflyst", 6) == 0);
    assert_string_equal(h_widget(h, "join-reason")->label, "Aktiviteten er aflyst");
    assert_string_equal(h_scroll_to(h, "places")->label, "Aflyst");
    assert_false(h_has(h, "qr"));
    h_tap(h, "back");
    /* started */
    h_open_detail(h, E_KAFFE);
    assert_string_equal(h_widget(h, "join-reason")->label, "Det er allerede begyndt");
    h_tap(h, "back");
    /* helpers only: tasks, "Bare kom" for the rest */
    h_open_detail(h, E_VAERKSTED);
    assert_string_equal(h_scroll_to(h, "places")->label, "Bare kom");
    assert_non_null(h_scroll_to(h, "task:21"));
    h_free(h);
}

/* After the deadline joining is closed, with the deadline; a tap says why, nothing else. */
static void passed_deadline(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_FOREDRAG);
    const ui_widget *join = h_widget(h, "join");
    assert_true(join->flags & UI_WIDGET_DISABLED);
    assert_string_equal(h_widget(h, "join-reason")->label, "Tilmeldingen lukkede i dag 08:00");
    assert_false(h_has(h, "message"));
    h_tap(h, "join");
    assert_string_equal(h_screen(h), "detail");
    assert_string_equal(h_widget(h, "message")->label, "Tilmeldingen lukkede i dag 08:00");
    ui_action a;
    assert_false(ui_take_action(h->u, &a));
    h_free(h);
}

/* The clock suspect and the app's notice show on home. */
static void notices(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h->m.notice = "Denne USB-nøgle kender kiosken ikke.";
    h->m.clock_suspect = true;
    h_build(h);
    assert_string_equal(h_widget(h, "notice")->label, "Denne USB-nøgle kender kiosken ikke.");
    assert_non_null(h_widget(h, "clock-warning"));
    h_free(h);
}

/* Nothing on: a friendly empty screen; an empty model has no crash and no scroll. */
static void empty_program(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h->m.n_entries = 0;
    h_build(h);
    assert_string_equal(h_widget(h, "empty")->label, "Der er ikke noget på programmet lige nu");
    assert_false(h_has(h, "scroll-down"));
    h->m.n_langs = 0; /* no catalogs at all: the English msgids */
    h_build(h);
    assert_string_equal(h_widget(h, "empty")->label, "Nothing is planned right now");
    assert_false(h_has(h, "lang"));
    h_free(h);
}

/* Cards in columns on a wide screen; the minute tick changes the clock and the countdown. */
static void wide_screen_and_minute_tick(void **state)
{
    (void)state;
    harness *h = h_new(1920, 1080);
    const ui_widget *a = h_widget(h, "card:kaffe-2411");
    const ui_widget *b = h_widget(h, "card:gaa-2411");
    assert_int_equal(a->rect.y, b->rect.y); /* side by side */
    assert_true(b->rect.x > a->rect.x + a->rect.w);
    assert_true(h_text_equals(h, "om 20 min."));
    /* nothing to do until the next minute */
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), h->now_ms + 60000);
    assert_false(h_advance(h, 30000));
    /* someone reads the date (a touch on nothing): home stays, the idle screen waits */
    const ui_widget *date = h_widget(h, "date");
    h_tap_at(h, date->rect.x + 2, date->rect.y + 2, 0);
    assert_true(h_advance(h, 30000 - 60));
    assert_string_equal(h_screen(h), "home");
    assert_string_equal(h_widget(h, "clock")->label, "10:01");
    assert_true(h_text_equals(h, "om 19 min."));
    /* at 10:20 the walk has begun: "Nu"; at 11:30 it is over and gone */
    h->now_ms += 19 * 60000;
    h_build(h);
    assert_false(h_text_equals(h, "om 0 min."));
    assert_true(h_label_contains(h, "Gåtur"));
    h->now_ms += 70 * 60000;
    h_build(h);
    assert_false(h_label_contains(h, "Gåtur"));
    h_free(h);
}

/* Fields as long as they may be: cut or wrapped, never split inside a character, never off
 * the screen. */
static void longest_texts(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        harness *h = h_new(sizes[k][0], sizes[k][1]);
        h->check_words = false; /* longer than anything a screen can hold whole */
        activity *a = &h->acts[E_SPIS];
        char word[] = "Spisning\xC3\xA6\xC3\xB8\xC3\xA5 ";
        a->title[0] = a->place[0] = a->host[0] = a->description[0] = '\0';
        while (strlen(a->title) + strlen(word) < sizeof a->title)
            strcat(a->title, word);
        while (strlen(a->place) + 3 < sizeof a->place)
            strcat(a->place, "\xC3\xB8"); /* one word without spaces */
        while (strlen(a->host) + strlen(word) < sizeof a->host)
            strcat(a->host, word);
        while (strlen(a->description) + strlen(word) + 1 < sizeof a->description)
            strcat(a->description, word);
        a->tasks[0].title[0] = '\0';
        while (strlen(a->tasks[0].title) + strlen(word) < sizeof a->tasks[0].title)
            strcat(a->tasks[0].title, word);
        h->m.estate_name = a->title;
        h_sync(h);
        h_build(h);
        h_open_detail(h, E_SPIS);
        for (int i = 0; i < 40; i++) {
            for (size_t j = 0; j < h->f.n_cmds; j++)
                if (h->f.cmds[j].kind == DRAW_TEXT)
                    assert_true(utf8_valid(h->f.cmds[j].text, strlen(h->f.cmds[j].text)));
            if (!h_has(h, "scroll-down") || (h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED))
                break;
            h_tap(h, "scroll-down");
        }
        h_tap(h, "join");
        h_type(h, "Ib");
        assert_string_equal(h_screen(h), "join-name");
        h_free(h);
    }
}

/* A day with more on than the list shows (a busy Tuesday on a 7" panel) keeps its leaf's
 * words in view while its tiles scroll by: "I dag" stands in the part of the leaf that is
 * shown, not in the middle of the whole, which can be above the screen. */
static void a_tall_day_keeps_its_words_in_view(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    static const int moved[] = {E_STRIK, E_LEKTIE, E_BANKO, E_FOREDRAG, E_VAERKSTED};
    for (size_t i = 0; i < sizeof moved / sizeof moved[0]; i++) {
        ui_activity *a = &h->entries[moved[i]].act;
        a->start = ts_time("2026-11-24 12:00") + (int64_t)i * 3600;
        a->end = a->start + 3600;
    }
    h->m.generation++;
    h_build(h);
    int steps = 0;
    for (int i = 0; i < 12 && h_has(h, "day:2026-11-24"); i++) {
        const ui_widget *leaf = h_widget(h, "day:2026-11-24");
        const draw_cmd *words = NULL;
        for (size_t k = 0; k < h->f.n_cmds; k++)
            if (h->f.cmds[k].kind == DRAW_TEXT && strcmp(h->f.cmds[k].text, "I dag") == 0)
                words = &h->f.cmds[k];
        assert_non_null(words);
        /* the widget's rect is the part of the leaf in view */
        assert_true(words->rect.y >= leaf->rect.y);
        assert_true(words->rect.y + words->rect.h <= leaf->rect.y + leaf->rect.h);
        steps++;
        if (!h_has(h, "scroll-down") || (h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED))
            break;
        h_tap(h, "scroll-down");
    }
    assert_true(steps >= 2); /* the day was taller than the list: it took a tap to pass */
    h_free(h);
}

/* A long word in a later day's title ("Reparationsværksted" on the Monday after) is never
 * broken between letters: standing up, where it is wider than the room beside the days'
 * leaves, the days stand as bars over their tiles (the tiles then have the whole width);
 * lying down, where it fits beside them, the leaves stay beside. Every frame is checked for
 * broken words (harness.h) while the list is scrolled to its end. */
static void a_long_word_later_in_the_week_stays_whole(void **state)
{
    (void)state;
    static const int sizes[][2] = {{480, 800}, {800, 480}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        harness *h = h_new(sizes[k][0], sizes[k][1]);
        activity *a = &h->acts[E_VAERKSTED];
        snprintf(a->title, sizeof a->title, "%s", "Reparationsværksted");
        h_sync(h);
        h->m.generation++;
        h_build(h);
        assert_true(h->check_words);
        seen *s = calloc(1, sizeof *s);
        scroll_through(h, s);
        assert_non_null(strstr(s->text, "{Reparationsværksted}"));
        /* lying down the leaves stay beside the tiles (a bar is as wide as the list) */
        h_scroll_top(h);
        const ui_widget *leaf = h_widget(h, "day:2026-11-24");
        if (sizes[k][0] > sizes[k][1])
            assert_true(leaf->rect.w < h->width / 3);
        free(s);
        h_free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(home_shows_the_week),
        cmocka_unit_test(scroll_stays_in_the_content),
        cmocka_unit_test(touch_rules),
        cmocka_unit_test(detail_tells_everything),
        cmocka_unit_test(detail_of_each_kind),
        cmocka_unit_test(passed_deadline),
        cmocka_unit_test(notices),
        cmocka_unit_test(empty_program),
        cmocka_unit_test(wide_screen_and_minute_tick),
        cmocka_unit_test(longest_texts),
        cmocka_unit_test(a_tall_day_keeps_its_words_in_view),
        cmocka_unit_test(a_long_word_later_in_the_week_stays_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
