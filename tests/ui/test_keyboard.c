/* The on-screen keyboard: the letters of every language the kiosk speaks, keys of 16 mm both
 * ways on every panel, pages where the alphabet does not fit, Latin and the language's own
 * script, Turkish capitals done right, and names typed in any script reaching the join
 * exactly as typed. */
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
#include "ui/keyboard.h"
#include "ui/theme.h"

static const char *const CONTROLS[] = {"key:shift", "key:-",    "key:.",     "key:space",
                                       "key:backspace", "key:page", "key:script"};

static bool is_control(const char *id)
{
    for (size_t i = 0; i < sizeof CONTROLS / sizeof CONTROLS[0]; i++)
        if (strcmp(id, CONTROLS[i]) == 0)
            return true;
    return false;
}

/* A harness whose default language is `lang`, on the join-name screen of the fællesspisning. */
static harness *at_name_step(int w, int hgt, double inches, const char *lang)
{
    harness *h = h_new_panel(w, hgt, inches);
    if (strcmp(lang, "da") != 0) {
        vm_err err = {0};
        i18n_catalog_free(h->langs[0]);
        h->langs[0] = i18n_catalog_embedded(lang, &err);
        assert_non_null(h->langs[0]);
    }
    h_build(h);
    h_open_detail(h, E_STRIK);
    h_tap(h, "join");
    assert_string_equal(h_screen(h), "join-name");
    return h;
}

/* Every key on the screen at least 16 mm both ways. */
static void keys_are_big(const harness *h)
{
    for (size_t i = 0; i < h->f.n_widgets; i++) {
        const ui_widget *w = &h->f.widgets[i];
        if (strncmp(w->id, "key:", 4) != 0)
            continue;
        double wmm = w->rect.w / h->ppm, hmm = w->rect.h / h->ppm;
        if (wmm < UI_TARGET_MM - 0.05 || hmm < UI_TARGET_MM - 0.05)
            fail_msg("%dx%d: '%s' is %.1f x %.1f mm", h->width, h->height, w->id, wmm, hmm);
    }
}

/* The letters of the keyboard on all its pages (each once), as one string; the number of
 * pages in *pages. Leaves it on its first page. */
static char *all_letters(harness *h, int *pages)
{
    static char out[1024];
    out[0] = '\0';
    *pages = 0;
    char first[32] = "";
    for (int p = 0; p < 8; p++) {
        keys_are_big(h);
        char page_first[32] = "";
        for (size_t i = 0; i < h->f.n_widgets; i++) {
            const ui_widget *w = &h->f.widgets[i];
            if (strncmp(w->id, "key:", 4) != 0 || is_control(w->id))
                continue;
            if (!page_first[0])
                snprintf(page_first, sizeof page_first, "%s", w->id);
            if (strstr(out, w->id + 4))
                fail_msg("'%s' is on two pages", w->id + 4);
            strcat(out, w->id + 4);
        }
        if (p == 0)
            snprintf(first, sizeof first, "%s", page_first);
        (*pages)++;
        if (!h_has(h, "key:page"))
            break;
        h_tap(h, "key:page");
        /* back on the first page: done */
        bool again = false;
        for (size_t i = 0; i < h->f.n_widgets && !again; i++)
            if (strncmp(h->f.widgets[i].id, "key:", 4) == 0 && !is_control(h->f.widgets[i].id))
                again = strcmp(h->f.widgets[i].id, first) == 0;
        if (again)
            break;
    }
    return out;
}

static const struct {
    const char *lang, *letters;
} ALPHABETS[] = {
    {"da", "abcdefghijklmnopqrstuvwxyzæøå"},
    {"en", "abcdefghijklmnopqrstuvwxyzéñöü"},
    {"tr", "abcçdefgğhıijklmnoöprsştuüvyz"},
    {"so", "abcdefghijklmnoqrstuwxy'"},
    {"ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ"},
    {"ur", "اآبپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےئ"},
};

static const struct {
    int w, h;
    double inches;
} PANELS[] = {{800, 480, 7}, {1280, 800, 10.1}, {1920, 1080, 21.5}, {480, 800, 7}};

/* Each language's alphabet, whole and in order, at 16 mm on every panel; a 7" panel lying
 * down holds the Latin ones on one page. */
static void every_alphabet_at_every_size(void **state)
{
    (void)state;
    for (size_t p = 0; p < sizeof PANELS / sizeof PANELS[0]; p++) {
        for (size_t l = 0; l < sizeof ALPHABETS / sizeof ALPHABETS[0]; l++) {
            harness *h = at_name_step(PANELS[p].w, PANELS[p].h, PANELS[p].inches,
                                      ALPHABETS[l].lang);
            int pages = 0;
            const char *got = all_letters(h, &pages);
            if (strcmp(got, ALPHABETS[l].letters) != 0)
                fail_msg("%s at %dx%d: the keys are \"%s\"", ALPHABETS[l].lang, PANELS[p].w,
                         PANELS[p].h, got);
            bool latin = ALPHABETS[l].letters[0] == 'a';
            if (latin && pages != 1)
                fail_msg("%s at %dx%d: %d pages", ALPHABETS[l].lang, PANELS[p].w, PANELS[p].h,
                         pages);
            assert_true(pages <= 2);
            /* the controls are there, big too */
            assert_true(h_has(h, "key:space") && h_has(h, "key:backspace") && h_has(h, "key:-"));
            /* initials with a full stop are written in Latin letters */
            assert_int_equal(h_has(h, "key:."), latin);
            assert_int_equal(h_has(h, "key:shift"), latin);
            assert_int_equal(h_has(h, "key:script"), !latin);
            h_free(h);
        }
    }
}

/* A right-to-left alphabet starts at the right; the script key goes to Latin letters and
 * back; the page key says which letters it brings. */
static void script_and_pages(void **state)
{
    (void)state;
    harness *h = at_name_step(800, 480, 7, "ar");
    assert_true(h_widget(h, "key:ا")->rect.x > h_widget(h, "key:ب")->rect.x);
    assert_true(h_has(h, "key:page"));
    const char *range = h_widget(h, "key:page")->label;
    assert_non_null(strstr(range, "\xE2\x80\x93")); /* "ق–ئ": from – to */
    h_tap(h, "key:script");
    assert_true(h_has(h, "key:a") && h_has(h, "key:ø") && h_has(h, "key:."));
    assert_false(h_has(h, "key:ب"));
    /* the Latin letters on one page: without shift here (a name's capitals come by
     * themselves), with it where there is room */
    int pages = 0;
    assert_string_equal(all_letters(h, &pages), "abcdefghijklmnopqrstuvwxyzæøå");
    assert_int_equal(pages, 1);
    assert_false(h_has(h, "key:shift"));
    assert_string_equal(h_widget(h, "key:script")->label, "\xD8\xA3\xD8\xA8\xD8\xAA");
    assert_true(h_widget(h, "key:a")->rect.x < h_widget(h, "key:b")->rect.x);
    h_type(h, "Hanne");
    h_tap(h, "key:script");
    assert_true(h_has(h, "key:ا"));
    assert_string_equal(h_widget(h, "key:script")->label, "ABC");
    h_tap(h, "key:space");
    h_type(h, "حسن");
    assert_string_equal(h_widget(h, "name")->label, "Hanne حسن");
    harness *big = at_name_step(1280, 800, 10.1, "ur");
    h_tap(big, "key:script");
    assert_true(h_has(big, "key:shift") && h_has(big, "key:å"));
    h_free(big);
    /* Danish has no second script */
    harness *d = at_name_step(800, 480, 7, "da");
    assert_false(h_has(d, "key:script"));
    assert_false(h_has(d, "key:page"));
    h_free(d);
    h_free(h);
}

/* The screens around the keys: on a 7" panel lying down the keys take the screen (back, the
 * field with the question, next in one bar); standing up, the field has its own row under
 * back and next when the question does not fit between them, and the alphabet stays on one
 * page; on a 10.1" panel the usual screen, with what is being joined. */
static void the_question_is_always_there(void **state)
{
    (void)state;
    harness *h = at_name_step(800, 480, 7, "da");
    const ui_widget *name = h_widget(h, "name"), *next = h_widget(h, "next");
    assert_int_equal(name->rect.y, next->rect.y);
    assert_string_equal(h_widget(h, "title")->label, "Hvad hedder du?");
    h_free(h);
    h = at_name_step(480, 800, 7, "da");
    name = h_widget(h, "name");
    next = h_widget(h, "next");
    assert_true(name->rect.y >= next->rect.y + next->rect.h);
    assert_string_equal(h_widget(h, "title")->label, "Hvad hedder du?");
    assert_false(h_has(h, "key:page"));
    assert_true(h_widget(h, "key:a")->rect.y > name->rect.y + name->rect.h);
    h_type(h, "Bo");
    assert_string_equal(h_widget(h, "name")->label, "Bo");
    assert_false(h_has(h, "title")); /* the name where the question was */
    h_free(h);
    h = at_name_step(1280, 800, 10.1, "da");
    assert_true(h_has(h, "context"));
    assert_true(h_widget(h, "key:a")->rect.y > h_widget(h, "context")->rect.y);
    h_free(h);
}

/* Turkish: the i key writes İ as a capital, the ı key I; Danish i is I. */
static void turkish_capitals(void **state)
{
    (void)state;
    harness *h = at_name_step(800, 480, 7, "tr");
    assert_string_equal(h_widget(h, "key:i")->label, "\xC4\xB0"); /* İ */
    assert_string_equal(h_widget(h, "key:ı")->label, "I");
    assert_string_equal(h_widget(h, "key:ş")->label, "\xC5\x9E"); /* Ş */
    h_tap(h, "key:ı");
    h_tap(h, "key:ş");
    h_tap(h, "key:ı");
    h_tap(h, "key:k");
    h_tap(h, "key:space");
    h_tap(h, "key:i");
    h_tap(h, "key:l");
    assert_string_equal(h_widget(h, "name")->label, "Işık İl");
    assert_string_equal(h_widget(h, "key:i")->label, "i");
    /* shift: a capital in the middle, once */
    h_tap(h, "key:shift");
    assert_string_equal(h_widget(h, "key:i")->label, "\xC4\xB0");
    h_tap(h, "key:ğ");
    assert_string_equal(h_widget(h, "name")->label, "Işık İlĞ");
    h_free(h);
    h = at_name_step(800, 480, 7, "da");
    assert_string_equal(h_widget(h, "key:i")->label, "I");
    h_tap(h, "key:i");
    h_tap(h, "key:b");
    h_tap(h, "key:.");
    h_tap(h, "key:k"); /* after a full stop a capital again: initials */
    h_tap(h, "key:.");
    assert_string_equal(h_widget(h, "name")->label, "Ib.K.");
    h_free(h);
}

/* Names in any script, typed on the keys, reach the join exactly. */
static void names_reach_the_join(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *name, *typed;
    } cases[] = {{"ar", "فاطمة الزهراء", NULL}, {"ur", "عائشہ بی بی", NULL},
                 {"tr", "Şükrü Işık", "Şükrü "}, {"so", "Cabdi Ka'ab", NULL},
                 {"en", "Zoë Núñez", NULL},          {"da", "Søren Æbelø", NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        harness *h = at_name_step(800, 480, 7, cases[i].lang);
        if (strcmp(cases[i].lang, "en") == 0) {
            /* ë and ú are not on the English keys: a physical keyboard writes them */
            h_type(h, "Zo");
            ui_input in = {.kind = UI_IN_TEXT};
            snprintf(in.text, sizeof in.text, "%s", "ë Nú");
            ui_handle(h->u, &h->m, &in, h->now_ms);
            h_build(h);
            h_type(h, "ñez");
        } else if (cases[i].typed) {
            h_type(h, cases[i].typed);
            h_tap(h, "key:ı"); /* at the start of a word: I */
            h_type(h, "şık");
        } else {
            h_type(h, cases[i].name);
        }
        assert_string_equal(h_widget(h, "name")->label, cases[i].name);
        h_tap(h, "next");
        assert_string_equal(h_screen(h), "join-extra");
        h_tap(h, "confirm");
        ui_action a;
        assert_true(ui_take_action(h->u, &a));
        assert_int_equal(a.kind, UI_ACTION_JOIN);
        assert_string_equal(a.name, cases[i].name);
        h_free(h);
    }
}

/* The layouts as the module gives them. */
static void layouts(void **state)
{
    (void)state;
    assert_string_equal(kb_layout_for("ar_SY", false)->name, "ar");
    assert_string_equal(kb_layout_for("ur", true)->name, "latin");
    assert_string_equal(kb_layout_for("da", true)->name, "da");
    assert_string_equal(kb_layout_for("pl", false)->name, "da");
    assert_string_equal(kb_layout_for(NULL, false)->name, "da");
    const kb_layout *tr = kb_layout_for("tr", false), *da = kb_layout_for("da", false);
    assert_int_equal(kb_upper(tr, 'i'), 0x130);
    assert_int_equal(kb_upper(tr, 0x131), 'I');
    assert_int_equal(kb_upper(da, 'i'), 'I');
    assert_int_equal(kb_upper(da, 0xE6), 0xC6); /* æ */
    assert_int_equal(kb_upper(tr, 0x11F), 0x11E); /* ğ */
    assert_int_equal(kb_upper(kb_layout_for("ar", false), 0x628), 0x628);
    assert_int_equal(utf8_upper_cp(0x131), 'I');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(layouts),
        cmocka_unit_test(every_alphabet_at_every_size),
        cmocka_unit_test(script_and_pages),
        cmocka_unit_test(turkish_capitals),
        cmocka_unit_test(the_question_is_always_there),
        cmocka_unit_test(names_reach_the_join),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
