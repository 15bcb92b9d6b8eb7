/* "Hvem kan jeg spørge?": from home in one tap, 112 first, the staff's contacts with their
 * numbers as codes to scan; at every size and in every language the kiosk speaks, with the
 * people's sizes, contrast and no lost words (the harness checks each frame). */
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

static ui_contact CONTACTS[5];

static void set(ui_contact *k, const char *name, const char *role, const char *phone,
                const char *hours, const uint8_t *qr)
{
    memset(k, 0, sizeof *k);
    snprintf(k->c.name, sizeof k->c.name, "%s", name);
    snprintf(k->c.role, sizeof k->c.role, "%s", role);
    snprintf(k->c.phone, sizeof k->c.phone, "%s", phone);
    snprintf(k->c.hours, sizeof k->c.hours, "%s", hours);
    k->qr = qr;
    k->qr_size = qr ? 21 : 0;
}

/* The estate's people as a staff member would write them; the last at its fields' limits
 * (94 and 159 bytes: long Danish words, not one unbreakable string). */
static void give_contacts(harness *h, size_t n)
{
    set(&CONTACTS[0], "Hanne Jensen", "Boligsocial medarbejder", "+45 21 43 65 87",
        "Mandag til torsdag 9–15", h->qr);
    set(&CONTACTS[1], "Søren Madsen", "Varmemester", "70 12 34 56", "Hverdage 7–15", h->qr);
    set(&CONTACTS[2], "Rådgivningen", "Gratis hjælp med breve og penge", "",
        "Tirsdag 10–12 i Fælleshuset", NULL);
    set(&CONTACTS[3], "Lægevagten", "Når lægen har lukket", "1813", "Hele døgnet", h->qr);
    set(&CONTACTS[4],
        "Beboerrådgivningen for Solbakken og Engparken ved Boligselskabets lokalkontor",
        "Boligsocial medarbejder og frivillige fra afdelingsbestyrelsen",
        "+45 70 20 30 40 50",
        "Mandag, tirsdag og torsdag fra klokken 9 til 15, onsdag fra klokken 13 til 18 og "
        "fredag efter aftale i Fælleshuset",
        h->qr);
    h->m.contacts = CONTACTS;
    h->m.n_contacts = n;
    h_build(h);
}

static const int SIZES[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {480, 800}, {1024, 600}};

static void from_home_in_one_tap_at_every_size(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
        harness *h = h_new(SIZES[s][0], SIZES[s][1]);
        give_contacts(h, 5);
        const ui_widget *b = h_widget(h, "contacts");
        assert_string_equal(b->label, "Hvem kan jeg spørge?");
        assert_true(b->flags & UI_WIDGET_TAPPABLE);
        h_tap(h, "contacts");
        assert_string_equal(h_screen(h), "contacts");
        assert_string_equal(h_widget(h, "title")->label, "Hvem kan jeg spørge?");
        /* the emergency number first, always */
        const ui_widget *e = h_widget(h, "emergency");
        assert_non_null(strstr(e->label, "Akut hjælp: ring 112"));
        assert_non_null(strstr(e->label, "Brand, ulykke eller fare for liv"));
        const ui_widget *c0 = h_scroll_to(h, "contact:0");
        assert_string_equal(c0->label, "Hanne Jensen · Boligsocial medarbejder · "
                                       "+45 21 43 65 87 · Mandag til torsdag 9–15");
        assert_true(c0->rect.y > h_widget(h, "emergency")->rect.y ||
                    !h_has(h, "emergency"));
        assert_string_equal(h_scroll_to(h, "qr:0")->label, "Scan og ring op");
        assert_true(h_text_contains(h, "+45 21 43 65 87"));
        /* no number, no code: the counselling hours are words only */
        assert_string_equal(h_scroll_to(h, "contact:2")->label,
                            "Rådgivningen · Gratis hjælp med breve og penge · Tirsdag 10–12 i "
                            "Fælleshuset");
        assert_false(h_has(h, "qr:2"));
        /* the longest one, whole (the harness would fail on a lost word) */
        h_scroll_to(h, "contact:4");
        h_scroll_to(h, "qr:4");
        /* nothing but back and the scroll buttons can be tapped */
        for (size_t i = 0; i < h->f.n_widgets; i++)
            if (h->f.widgets[i].flags & UI_WIDGET_TAPPABLE) {
                const char *id = h->f.widgets[i].id;
                if (strcmp(id, "back") && strcmp(id, "scroll-up") && strcmp(id, "scroll-down"))
                    fail_msg("%dx%d: %s can be tapped", SIZES[s][0], SIZES[s][1], id);
            }
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "home");
        h_free(h);
    }
}

/* A photo the staff put on the stick: drawn in its contact's card, at every size. */
static void a_photo_in_its_card(void **state)
{
    (void)state;
    static uint8_t px[20 * 24 * 3];
    for (size_t i = 0; i < sizeof px; i++)
        px[i] = (uint8_t)(i * 7);
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
        harness *h = h_new(SIZES[s][0], SIZES[s][1]);
        give_contacts(h, 5);
        CONTACTS[0].photo = px;
        CONTACTS[0].photo_w = 20;
        CONTACTS[0].photo_h = 24;
        h_build(h);
        h_tap(h, "contacts");
        const ui_widget *card = h_scroll_to(h, "contact:0");
        const draw_cmd *img = NULL;
        for (size_t i = 0; i < h->f.n_cmds; i++)
            if (h->f.cmds[i].kind == DRAW_IMAGE)
                img = &h->f.cmds[i];
        assert_non_null(img);
        assert_int_equal(img->qr_size, 20);
        assert_int_equal(img->image_h, 24);
        assert_memory_equal(img->qr, px, sizeof px);
        /* inside its card (as far as the list shows it), at least 16 mm */
        assert_true(img->rect.x >= card->rect.x &&
                    img->rect.x + img->rect.w <= card->rect.x + card->rect.w);
        assert_true(img->rect.w >= (int)(h->ppm * 16));
        /* the words beside it whole (the harness checks every frame) */
        CONTACTS[0].photo = NULL;
        h_free(h);
    }
}

static void no_contacts_no_button(void **state)
{
    (void)state;
    harness *h = h_new(1920, 1080);
    assert_false(h_has(h, "contacts"));
    /* a tap where it would be changes nothing */
    ui_input in = {.kind = UI_IN_DOWN, .x = 400, .y = 40};
    ui_handle(h->u, &h->m, &in, h->now_ms);
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* Left alone, the screen goes home like the others (a resident walked away). */
static void left_alone_it_goes_home(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    give_contacts(h, 2);
    h_tap(h, "contacts");
    h_tap(h, "scroll-down");
    h_advance(h, 61000);
    assert_string_equal(h_screen(h), "home");
    /* and opens at the top next time */
    h_tap(h, "contacts");
    assert_true(h_has(h, "emergency"));
    h_free(h);
}

/* In the estate's languages: the words are the language's, right to left where it reads so. */
static void in_every_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *title, *scan;
    } WANT[] = {
        {"ar", "من يمكنني أن أسأل؟", "امسح الرمز واتصل"},
        {"so", "Yaan weydiin karaa?", "Iskaan garee oo wac"},
        {"tr", "Kime sorabilirim?", "Tarayın ve arayın"},
        {"ur", "کس سے پوچھیں؟", "اسکین کریں اور کال کریں"},
        {"en", "Who can I ask?", "Scan and call"},
    };
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1280, 800}};
    for (size_t l = 0; l < sizeof WANT / sizeof WANT[0]; l++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            harness *h = h_new(sizes[s][0], sizes[s][1]);
            size_t pick = 1; /* English is the harness's second language */
            if (strcmp(WANT[l].lang, "en") != 0) {
                vm_err err = {0};
                h->langs[2] = i18n_catalog_embedded(WANT[l].lang, &err);
                assert_non_null(h->langs[2]);
                h->n_langs = 3;
                h->m.n_langs = 3;
                pick = 2;
            }
            give_contacts(h, 5);
            h_choose_lang(h, pick);
            assert_string_equal(h_widget(h, "contacts")->label, WANT[l].title);
            h_tap(h, "contacts");
            assert_string_equal(h_screen(h), "contacts");
            assert_string_equal(h_widget(h, "title")->label, WANT[l].title);
            assert_non_null(strstr(h_widget(h, "emergency")->label, "112"));
            assert_string_equal(h_scroll_to(h, "qr:0")->label, WANT[l].scan);
            h_scroll_to(h, "contact:4");
            /* right to left: the code on the left of its card's words */
            if (strcmp(WANT[l].lang, "ar") == 0 || strcmp(WANT[l].lang, "ur") == 0) {
                const ui_widget *qr = h_scroll_to(h, "qr:0");
                const ui_widget *card = h_widget(h, "contact:0");
                if (qr->rect.y < card->rect.y + card->rect.h / 2) /* beside, not under */
                    assert_true(qr->rect.x < card->rect.x + card->rect.w / 2);
            }
            h_free(h);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(from_home_in_one_tap_at_every_size),
        cmocka_unit_test(a_photo_in_its_card),
        cmocka_unit_test(no_contacts_no_button),
        cmocka_unit_test(left_alone_it_goes_home),
        cmocka_unit_test(in_every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
