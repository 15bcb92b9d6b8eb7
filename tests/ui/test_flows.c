/* The join and cancel flows, by injected taps on a fake clock. */
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

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* The app's side: takes the one action there is and answers it. */
static ui_action take_one(harness *h)
{
    ui_action a;
    assert_true(ui_take_action(h->u, &a));
    ui_action again;
    assert_false(ui_take_action(h->u, &again));
    return a;
}

static void answer(harness *h, vm_status status, signup_status st, int pos, const char *msg)
{
    ui_action_result r = {.status = status, .signup_status = st, .waiting_position = pos};
    snprintf(r.message, sizeof r.message, "%s", msg ? msg : "");
    ui_action_done(h->u, &h->m, &r, h->now_ms);
    h_build(h);
}

/* A single person joins the lektiecafé: name, (no household), confirm. */
static void join_without_household(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    assert_string_equal(h_screen(h), "join-name");
    assert_string_equal(h_widget(h, "name")->label, "");
    assert_true(h_widget(h, "key:å")->flags & UI_WIDGET_TAPPABLE);
    assert_non_null(h_widget(h, "key:æ"));
    assert_non_null(h_widget(h, "key:ø"));
    assert_string_equal(h_widget(h, "key:a")->label, "A"); /* a name starts with a capital */
    h_type(h, "Birgitte");
    assert_string_equal(h_widget(h, "name")->label, "Birgitte");
    assert_true(h_text_equals(h, "Birgitte")); /* shown big while typing */
    h_tap(h, "next");                          /* tap 1 */
    assert_string_equal(h_screen(h), "join-extra");
    assert_false(h_has(h, "adults+"));
    assert_true(h_label_contains(h, "Vælg en kode, hvis du vil kunne afmelde dig selv"));
    h_tap(h, "confirm"); /* tap 2 */
    assert_string_equal(h_widget(h, "confirm")->label, "Et øjeblik\xE2\x80\xA6");
    assert_true(h_widget(h, "confirm")->flags & UI_WIDGET_DISABLED);
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_JOIN);
    assert_string_equal(a.uid, "lektie-2511");
    assert_string_equal(a.name, "Birgitte");
    assert_int_equal(a.task_id, 0);
    assert_int_equal(a.adults, 1);
    assert_int_equal(a.children, 0);
    assert_false(a.wants_company);
    assert_string_equal(a.code, "");
    answer(h, VM_OK, SIGNUP_CONFIRMED, 0, NULL);
    assert_string_equal(h_screen(h), "join-done");
    assert_string_equal(h_widget(h, "result")->label, "Du er tilmeldt!");
    assert_string_equal(h_widget(h, "result-detail")->label, "Vi ses i morgen kl. 15:00");
    /* a suggestion of what is on next */
    assert_non_null(h_widget(h, "suggestion"));
    assert_non_null(h_widget(h, "card:banko-2611"));
    /* the flow is wiped: no tasks to offer here, so nothing is kept */
    assert_true(all_zero(h->u->flow.name, sizeof h->u->flow.name));
    h_tap(h, "done");
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* Fællesspisning with two adults and a child, a code and "følges med nogen"; back keeps
 * everything; the tasks are offered once afterwards. */
static void join_with_household(void **state)
{
    (void)state;
    harness *h = h_new(1280, 800); /* (the 4 taps at 800x480: test_panels.c) */
    h_open_detail(h, E_SPIS);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "join-household");
    assert_string_equal(h_widget(h, "adults")->label, "1");
    assert_string_equal(h_widget(h, "children")->label, "0");
    assert_true(h_widget(h, "adults-")->flags & UI_WIDGET_DISABLED); /* at least one adult */
    assert_true(h_widget(h, "children-")->flags & UI_WIDGET_DISABLED);
    assert_string_equal(h_widget(h, "heads")->label, "1 person \xC2\xB7 5 ledige pladser");
    h_tap(h, "adults+");
    h_tap(h, "children+");
    assert_string_equal(h_widget(h, "heads")->label, "3 personer \xC2\xB7 5 ledige pladser");
    /* more heads than places: said plainly */
    h_tap(h, "children+");
    h_tap(h, "children+");
    h_tap(h, "children+");
    assert_string_equal(h_widget(h, "heads")->label,
                        "6 personer \xC2\xB7 Der er kun 5 ledige pladser, så I kommer på ventelisten");
    h_tap(h, "children-");
    h_tap(h, "children-");
    h_tap(h, "children-");
    /* the counts step can confirm by itself; a code is one step further */
    assert_string_equal(h_widget(h, "confirm")->label, "Bekræft");
    h_tap(h, "more");
    assert_string_equal(h_screen(h), "join-extra");
    assert_string_equal(h_widget(h, "summary")->label, "Birgitte \xC2\xB7 2 voksne, 1 barn");
    h_tap(h, "company");
    assert_true(h_widget(h, "company")->flags & UI_WIDGET_SELECTED);
    h_digits(h, "4711");
    /* back twice and forward again: nothing is lost */
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "join-household");
    assert_string_equal(h_widget(h, "adults")->label, "2");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "join-name");
    assert_string_equal(h_widget(h, "name")->label, "Birgitte");
    h_tap(h, "next");
    h_tap(h, "more");
    assert_true(h_widget(h, "company")->flags & UI_WIDGET_SELECTED);
    assert_string_equal(h_widget(h, "code")->label, "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2");
    assert_true(h_text_equals(h, "4") && h_text_equals(h, "7"));
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_JOIN);
    assert_string_equal(a.uid, "spis-2411");
    assert_string_equal(a.name, "Birgitte");
    assert_int_equal(a.adults, 2);
    assert_int_equal(a.children, 1);
    assert_true(a.wants_company);
    assert_string_equal(a.code, "4711");
    /* the app commits it and refreshes the counts before answering */
    h->entries[E_SPIS].counts.heads_taken += 3;
    answer(h, VM_OK, SIGNUP_CONFIRMED, 0, NULL);
    assert_string_equal(h_screen(h), "join-done");
    assert_string_equal(h_widget(h, "result-detail")->label, "Vi ses i dag kl. 18:00");
    /* the code once more, to remember; hidden in the dump */
    assert_true(h_text_contains(h, "4 7 1 1"));
    assert_null(strstr(h_widget(h, "code-repeat")->label, "4711"));
    /* once: the helper tasks, with the open one only */
    assert_string_equal(h_widget(h, "offer")->label, "Vil du også give en hånd?");
    assert_non_null(h_widget(h, "task:11"));
    assert_false(h_has(h, "task:12")); /* Opvask has its hands */
    /* a task: the same flow without the household, the name already there */
    h_tap(h, "task:11");
    assert_string_equal(h_screen(h), "join-name");
    assert_string_equal(h_widget(h, "name")->label, "Birgitte");
    assert_true(h_label_contains(h, "Giv en hånd: Dække bord"));
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "join-extra");
    h_tap(h, "confirm");
    a = take_one(h);
    assert_int_equal(a.task_id, 11);
    assert_int_equal(a.adults, 1);
    assert_int_equal(a.children, 0);
    assert_string_equal(a.code, "");
    h->entries[E_SPIS].counts.task_taken[0] = 1;
    answer(h, VM_OK, SIGNUP_CONFIRMED, 0, NULL);
    assert_string_equal(h_widget(h, "result")->label, "Tak, fordi du giver en hånd!");
    assert_false(h_has(h, "offer")); /* offered once */
    assert_true(all_zero(&h->u->flow.name, sizeof h->u->flow.name));
    /* back goes to the activity, where the places have dropped */
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "detail");
    assert_string_equal(h_scroll_to(h, "places")->label, "2 ledige pladser");
    h_free(h);
}

/* Full: the waiting list, and the place on it. */
static void join_waiting_list(void **state)
{
    (void)state;
    harness *h = h_new(1280, 800); /* (800x480 has no room to say it again here) */
    h_open_detail(h, E_BANKO);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    h_tap(h, "next");
    assert_string_equal(h_widget(h, "message")->label,
                        "Der er fuldt, så du kommer på ventelisten");
    h_tap(h, "confirm");
    take_one(h);
    answer(h, VM_OK, SIGNUP_WAITING, 3, NULL);
    assert_string_equal(h_screen(h), "join-done");
    assert_string_equal(h_widget(h, "result")->label, "Du er på ventelisten som nr. 3");
    h_free(h);
}

/* Bad input: an empty or blank name, the length limit, a short code, a refused join. */
static void join_bad_input(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_STRIK);
    h_tap(h, "join");
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "join-name");
    /* (a 7" panel: the keys take the screen and the message stands in the field, short) */
    assert_string_equal(h_widget(h, "message")->label, "Skriv først dit navn");
    h_tap(h, "key:space"); /* a leading space is not typed */
    assert_string_equal(h_widget(h, "name")->label, "");
    /* a physical keyboard: emoji and control characters do not get in */
    ui_input in = {.kind = UI_IN_TEXT};
    snprintf(in.text, sizeof in.text, "%s", "\xF0\x9F\x98\x80\t ");
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "join-name");
    /* 40 characters, and then the keys stop and say so */
    for (int i = 0; i < 45; i++)
        h_tap(h, "key:a");
    assert_int_equal(strlen(h_widget(h, "name")->label), SIGNUP_NAME_MAX);
    assert_string_equal(h_widget(h, "message")->label, "Højst 40 tegn");
    for (int i = 0; i < 40; i++)
        h_tap(h, "key:backspace");
    assert_string_equal(h_widget(h, "name")->label, "");
    h_type(h, "Ali");
    h_tap(h, "next");
    /* a code of three digits */
    h_digits(h, "123");
    h_tap(h, "confirm");
    assert_string_equal(h_screen(h), "join-extra");
    assert_string_equal(h_widget(h, "message")->label, "Koden skal have 4 cifre");
    ui_action a;
    assert_false(ui_take_action(h->u, &a));
    /* a fifth digit does not get in */
    h_digits(h, "45");
    assert_string_equal(h_widget(h, "message")->label, "Koden har sine 4 cifre");
    h_tap(h, "key:backspace");
    h_tap(h, "key:backspace");
    h_tap(h, "key:backspace");
    h_tap(h, "key:backspace");
    assert_string_equal(h_widget(h, "code")->label, "");
    /* cancelled while typing: the app refuses, the screen says why and keeps the name */
    h_tap(h, "confirm");
    take_one(h);
    h->entries[E_STRIK].act.cancelled = true;
    answer(h, VM_ERR_REFUSED, SIGNUP_CONFIRMED, 0, "Strikkecafé er desværre aflyst.");
    assert_string_equal(h_screen(h), "join-extra");
    assert_string_equal(h_widget(h, "message")->label, "Strikkecafé er desværre aflyst.");
    assert_true(h_widget(h, "confirm")->flags & UI_WIDGET_DISABLED);
    assert_string_equal(h_widget(h, "confirm")->label, "Bekræft");
    /* a tap on the disabled confirm says why, and makes no action */
    h_tap(h, "confirm");
    assert_false(ui_take_action(h->u, &a));
    assert_string_equal(h_widget(h, "message")->label, "Aktiviteten er aflyst");
    h_tap(h, "back");
    assert_string_equal(h_widget(h, "name")->label, "Ali");
    h_free(h);
}

/* A double tap on "Bekræft" makes one sign-up and cannot act on the next screen. */
static void double_tap_confirm(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    h_tap(h, "next");
    const ui_widget *c = h_widget(h, "confirm");
    int x = c->rect.x + c->rect.w / 2, y = c->rect.y + c->rect.h / 2;
    /* two quick taps before the app looks */
    h_tap_at(h, x, y, 500);
    h_tap_at(h, x, y, 120);
    take_one(h);
    answer(h, VM_OK, SIGNUP_CONFIRMED, 0, NULL);
    assert_string_equal(h_screen(h), "join-done");
    /* the second tap of a double tap lands on the new screen: ignored (same place as done) */
    assert_true(ui_rect_contains(h_widget(h, "done")->rect, x, y));
    h_tap_at(h, x, y, 100);
    assert_string_equal(h_screen(h), "join-done");
    ui_action a;
    assert_false(ui_take_action(h->u, &a));
    /* the guard ends: the UI asks to be woken then, and taps work again */
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), h->u->screen_since + 400);
    h_tap_at(h, x, y, 500);
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* What the frame draws inside the code's boxes, in order. */
static void code_shown(harness *h, char *out, size_t size)
{
    const ui_widget *w = h_widget(h, "code");
    out[0] = '\0';
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        const draw_cmd *c = &h->f.cmds[i];
        if (c->kind != DRAW_TEXT || c->rect.x < w->rect.x || c->rect.y < w->rect.y ||
            c->rect.x >= w->rect.x + w->rect.w || c->rect.y >= w->rect.y + w->rect.h)
            continue;
        size_t n = strlen(out);
        snprintf(out + n, size - n, "%s", c->text);
    }
}

/* A code is dots on the screen: only the digit just typed shows, for a moment, and the ui
 * asks to be woken to hide it. At sign-up and at cancel alike. */
static void code_digits_are_masked(void **state)
{
    (void)state;
    static const char DOT[] = "\xE2\x80\xA2";
    char shown[64], want[64];
    for (int flow = 0; flow < 2; flow++) {
        harness *h = h_new(800, 480);
        h_open_detail(h, flow ? E_SPIS : E_LEKTIE);
        h_tap(h, flow ? "cancel-signup" : "join");
        h_type(h, "Birgitte");
        h_tap(h, "next");
        assert_string_equal(h_screen(h), flow ? "cancel-code" : "join-extra");
        h_digits(h, "7");
        code_shown(h, shown, sizeof shown);
        assert_string_equal(shown, "7");
        int64_t hide = ui_next_deadline(h->u, h->now_ms);
        assert_int_equal(hide, h->now_ms + UI_CODE_PEEK_MS);
        h_digits(h, "9");
        code_shown(h, shown, sizeof shown);
        snprintf(want, sizeof want, "%s9", DOT);
        assert_string_equal(shown, want);
        /* time passes: woken, it hides the last one too */
        assert_true(h_advance(h, UI_CODE_PEEK_MS));
        code_shown(h, shown, sizeof shown);
        snprintf(want, sizeof want, "%s%s", DOT, DOT);
        assert_string_equal(shown, want);
        assert_true(ui_next_deadline(h->u, h->now_ms) > h->now_ms + UI_CODE_PEEK_MS);
        /* taking a digit back shows nothing of the others */
        h_tap(h, "key:backspace");
        code_shown(h, shown, sizeof shown);
        assert_string_equal(shown, DOT);
        /* and the dump never had a digit */
        assert_string_equal(h_widget(h, "code")->label, DOT);
        h_free(h);
    }
}

/* Cancel with the right code, then with a wrong one. */
static void cancel_with_code(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_SPIS);
    h_tap(h, "cancel-signup");
    assert_string_equal(h_screen(h), "cancel-name");
    h_type(h, "Birgitte");
    h_tap(h, "next");
    assert_string_equal(h_screen(h), "cancel-code");
    assert_true(h_label_contains(h, "Ingen kode? Spørg personalet."));
    h_digits(h, "12");
    h_tap(h, "confirm");
    assert_string_equal(h_widget(h, "message")->label, "Koden skal have 4 cifre");
    h_digits(h, "34");
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_CANCEL_WITH_CODE);
    assert_string_equal(a.uid, "spis-2411");
    assert_string_equal(a.name, "Birgitte");
    assert_string_equal(a.code, "1234");
    answer(h, VM_OK, SIGNUP_CANCELLED, 0, NULL);
    assert_string_equal(h_screen(h), "cancel-done");
    assert_string_equal(h_widget(h, "result")->label, "Du er afmeldt Fællesspisning"); /* which */
    assert_true(all_zero(&h->u->flow.name, sizeof h->u->flow.name));
    assert_true(all_zero(&h->u->flow.code, sizeof h->u->flow.code));
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "detail");

    /* wrong code: the app's message; back tries again with the name kept */
    h_tap(h, "cancel-signup");
    h_type(h, "Birgitte");
    h_tap(h, "next");
    h_digits(h, "9999");
    h_tap(h, "confirm");
    take_one(h);
    answer(h, VM_ERR_REFUSED, SIGNUP_CONFIRMED, 0,
           "Navnet og koden passer ikke sammen. Prøv igen, eller spørg personalet.");
    assert_string_equal(h_screen(h), "cancel-done");
    assert_string_equal(h_widget(h, "result")->label,
                        "Navnet og koden passer ikke sammen. Prøv igen, eller spørg personalet.");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "cancel-code");
    assert_string_equal(h_widget(h, "code")->label, "");
    h_tap(h, "back");
    assert_string_equal(h_widget(h, "name")->label, "Birgitte");
    /* too many tries: the app says so; done goes home and wipes it all */
    h_tap(h, "next");
    h_digits(h, "0000");
    h_tap(h, "confirm");
    take_one(h);
    answer(h, VM_ERR_REFUSED, SIGNUP_CONFIRMED, 0,
           "For mange forsøg. Vent et kvarter, eller spørg personalet.");
    assert_true(h_label_contains(h, "For mange forsøg"));
    h_tap(h, "done");
    assert_string_equal(h_screen(h), "home");
    assert_true(all_zero(&h->u->flow, sizeof h->u->flow));
    h_free(h);
}

/* 60 s without a touch: home, Danish, and what was typed is gone from screen and memory. */
static void idle_reset_clears_the_name(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_choose_lang(h, 1);
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    assert_true(h_text_equals(h, "Birgitte"));
    /* the UI asks to be woken for the idle reset */
    int64_t deadline = ui_next_deadline(h->u, h->now_ms);
    assert_true(deadline <= h->now_ms + 60000);
    h_advance(h, 59000 - 60);
    assert_string_equal(h_screen(h), "join-name");
    assert_true(h_advance(h, 2000));
    assert_string_equal(h_screen(h), "home");
    assert_int_equal(ui_lang(h->u), 0);
    assert_string_equal(h_widget(h, "lang")->label, "Dansk");
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_TEXT)
            assert_null(strstr(h->f.cmds[i].text, "Birgitte"));
    assert_true(all_zero(&h->u->flow, sizeof h->u->flow));
    assert_true(all_zero(&h->u->action, sizeof h->u->action));
    /* at rest: after the press guard, only the minute tick is left */
    h->now_ms += 500;
    int64_t next = ui_next_deadline(h->u, h->now_ms);
    assert_true(next > h->now_ms && next <= h->now_ms + 60000);
    assert_int_equal(next % 60000, 0);
    h_free(h);
}

/* The language button switches every string at once; right-to-left aligns to the right. */
static void language_switch(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    assert_string_equal(h_widget(h, "day:2026-11-24")->label, "I dag");
    /* the button says the language in use; it opens the chooser, every language in its own
     * name, the one in use marked */
    assert_string_equal(h_widget(h, "lang")->label, "Dansk");
    h_tap(h, "lang");
    assert_string_equal(h_screen(h), "language");
    assert_string_equal(h_widget(h, "lang:da")->label, "Dansk");
    assert_true(h_widget(h, "lang:da")->flags & UI_WIDGET_SELECTED);
    assert_string_equal(h_widget(h, "lang:en")->label, "English");
    assert_false(h_widget(h, "lang:en")->flags & UI_WIDGET_SELECTED);
    /* one tap picks it: home, every word in English */
    h_tap(h, "lang:en");
    assert_string_equal(h_screen(h), "home");
    assert_int_equal(ui_lang(h->u), 1);
    assert_string_equal(h_widget(h, "day:2026-11-24")->label, "Today");
    assert_string_equal(h_widget(h, "lang")->label, "English");
    assert_true(h_label_contains(h, "Sign-up closed"));
    h_open_detail(h, E_SPIS);
    assert_string_equal(h_widget(h, "join")->label, "Sign up");
    assert_string_equal(h_widget(h, "back")->label, "Back");
    h_tap(h, "join");
    assert_string_equal(h_widget(h, "title")->label, "What is your name?");
    h_tap(h, "back");
    h_tap(h, "back");
    h_scroll_top(h);
    /* back from the chooser changes nothing */
    h_tap(h, "lang");
    h_tap(h, "back");
    assert_int_equal(ui_lang(h->u), 1);
    h_choose_lang(h, 0);
    assert_string_equal(h_widget(h, "day:2026-11-24")->label, "I dag");

    /* a right-to-left catalog: the text hugs the right edge */
    const char *po = "msgid \"\"\nmsgstr \"Language: ar\\n\"\n\n"
                     "msgid \"Today\"\nmsgstr \"\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85\"\n";
    vm_err err = {0};
    i18n_catalog *ar = i18n_catalog_parse("ar", po, strlen(po), &err);
    assert_non_null(ar);
    h->langs[2] = ar;
    h->n_langs = 3;
    h->m.n_langs = 3;
    h_choose_lang(h, 2);
    h_open_program(h);
    const ui_widget *today = h_widget(h, "section:today");
    assert_string_equal(today->label, "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85");
    const draw_cmd *t = NULL;
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_TEXT && strcmp(h->f.cmds[i].text, today->label) == 0)
            t = &h->f.cmds[i];
    assert_non_null(t);
    assert_int_equal(t->rect.x + t->rect.w, today->rect.x + today->rect.w);
    /* idle brings the default language back */
    assert_true(h_advance(h, 61000));
    assert_int_equal(ui_lang(h->u), 0);
    assert_string_equal(h_widget(h, "day:2026-11-24")->label, "I dag");
    h_free(h);
}

/* Every screen of the flows, at each size: nothing off-screen, nothing tappable overlapping,
 * buttons >= 12 mm and keys >= 9 mm, contrast >= 7:1 (checked by the harness on each frame). */
static void every_screen_at_every_size(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {480, 800}, {1080, 1920},
                                   {1280, 800}, {1024, 600}, {1024, 600}, {600, 1024}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        harness *h = h_new(sizes[s][0], sizes[s][1]);
        h->m.notice = "Denne USB-nøgle kender kiosken ikke.";
        h->m.clock_suspect = true;
        h_build(h);
        h_open_detail(h, E_SPIS);
        h_tap(h, "join");
        h_type(h, "Anne-Marie");
        h_tap(h, "next");
        h_tap(h, "adults+");
        h_tap(h, "more");
        h_digits(h, "12");
        h_tap(h, "confirm"); /* the message */
        h_digits(h, "34");
        h_tap(h, "confirm");
        take_one(h);
        answer(h, VM_OK, SIGNUP_WAITING, 2, NULL);
        assert_string_equal(h_screen(h), "join-done");
        h_tap(h, "back");
        h_tap(h, "join"); /* a closed reason on detail */
        h_tap(h, "back");
        h_tap(h, "cancel-signup");
        h_type(h, "Anne-Marie");
        h_tap(h, "next");
        h_tap(h, "confirm");
        h_digits(h, "1234");
        h_tap(h, "confirm");
        take_one(h);
        answer(h, VM_ERR_REFUSED, SIGNUP_CONFIRMED, 0, "Navnet og koden passer ikke sammen.");
        assert_string_equal(h_screen(h), "cancel-done");
        h_tap(h, "done");
        h_open_detail(h, E_FOREDRAG);
        h_tap(h, "join");
        h_tap(h, "back");
        h_open_detail(h, E_GAA);
        h_tap(h, "back");
        h_scroll_top(h);
        h_choose_lang(h, 1);
        h_open_detail(h, E_VAERKSTED);
        h_free(h);
    }
}

/* The model changes under the screens; the app's own ways home; a key for back. */
static void model_changes_and_ways_home(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    /* an SMS code for the host */
    h->entries[E_LEKTIE].qr = h->qr;
    h->entries[E_LEKTIE].qr_size = 21;
    h->entries[E_LEKTIE].qr_kind = UI_QR_SMS;
    h_open_detail(h, E_LEKTIE);
    assert_string_equal(h_scroll_to(h, "qr")->label, "Scan og send en sms til værten");
    /* Escape on a development keyboard is back */
    ui_input in = {.kind = UI_IN_KEY_BACK};
    assert_true(ui_handle(h->u, &h->m, &in, h->now_ms));
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    assert_false(ui_handle(h->u, &h->m, &in, h->now_ms)); /* nothing behind home */
    /* the activity vanishes from the program while someone types: home, flow wiped */
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    h->m.n_entries = 0; /* a new program without it (without anything, even) */
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    assert_true(all_zero(&h->u->flow, sizeof h->u->flow));
    h->m.n_entries = E_COUNT;
    h_build(h);
    /* a stick comes in: the app sends everyone home */
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Ib");
    ui_go_home(h->u, h->now_ms);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    assert_true(all_zero(&h->u->flow, sizeof h->u->flow));
    /* an answer that comes after the flow was left is ignored */
    ui_action_result r = {.status = VM_OK};
    ui_action_done(h->u, &h->m, &r, h->now_ms);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    /* a refusal without words: the screen finds its own */
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Ib");
    h_tap(h, "next");
    h_tap(h, "confirm");
    take_one(h);
    h->entries[E_LEKTIE].counts.heads_taken = 4; /* someone was quicker: full now */
    answer(h, VM_ERR_REFUSED, SIGNUP_CONFIRMED, 0, "");
    assert_string_equal(h_screen(h), "join-extra");
    assert_string_equal(h_widget(h, "message")->label, "Der er fuldt, så du kommer på ventelisten");
    assert_false(h_widget(h, "confirm")->flags & UI_WIDGET_DISABLED); /* the waiting list is open */
    /* text from a physical keyboard goes into the code on the code screen, digits only */
    in = (ui_input){.kind = UI_IN_TEXT};
    snprintf(in.text, sizeof in.text, "%s", "1a2");
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    assert_string_equal(h_widget(h, "code")->label, "\xE2\x80\xA2\xE2\x80\xA2");
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(join_without_household),
        cmocka_unit_test(join_with_household),
        cmocka_unit_test(join_waiting_list),
        cmocka_unit_test(join_bad_input),
        cmocka_unit_test(double_tap_confirm),
        cmocka_unit_test(cancel_with_code),
        cmocka_unit_test(code_digits_are_masked),
        cmocka_unit_test(idle_reset_clears_the_name),
        cmocka_unit_test(language_switch),
        cmocka_unit_test(model_changes_and_ways_home),
        cmocka_unit_test(every_screen_at_every_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
