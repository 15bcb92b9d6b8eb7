/* The estate's languages: Arabic, Somali, Turkish and Urdu beside Danish and English. What a
 * resident reads is translated; right-to-left lines are cut into runs the renderer can draw
 * (digits never reversed, Latin names never in the Arabic font); every screen holds its
 * words at every size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "harness.h"
#include "ui/text.h"
#include "ui/ui_internal.h"

static const char *const LANGS[] = {"ar", "so", "tr", "ur"};

/* ---- bidi runs */

static void runs_are(const char *s, bool rtl, const char *const *want, const bool *want_rtl, int n)
{
    text_bidi_run runs[TEXT_BIDI_MAX_RUNS];
    char buf[2048];
    int got = text_bidi_runs(s, rtl, runs, TEXT_BIDI_MAX_RUNS, buf, sizeof buf);
    if (got != n) {
        for (int i = 0; i < got; i++)
            print_message("run %d: [%s]\n", i, runs[i].text);
        fail_msg("'%s': %d runs, not %d", s, got, n);
    }
    for (int i = 0; i < n; i++) {
        assert_string_equal(runs[i].text, want[i]);
        assert_int_equal(runs[i].rtl, want_rtl[i]);
    }
}

static void bidi_runs(void **state)
{
    (void)state;
    /* a Latin name after an Arabic label: the name on the left, in its own run */
    runs_are("المضيف: Hanne", true, (const char *[]){"Hanne", "المضيف: "}, (bool[]){0, 1}, 2);
    /* a title, a dot, an Arabic day and a time: read from the right, the time last (left);
     * the time's digits in order */
    runs_are("Fællesspisning · اليوم، الساعة 18:00", true,
             (const char *[]){"18:00", "اليوم، الساعة ", " · ", "Fællesspisning"},
             (bool[]){0, 1, 1, 0}, 4);
    /* a time first and then a Danish title, on a right-to-left screen: a line with no
     * right-to-left letter reads left to right, as it is written */
    runs_are("10:20  Gåtur i parken", true, (const char *[]){"10:20  Gåtur i parken"},
             (bool[]){0}, 1);
    /* a Danish sentence on an Arabic screen keeps its full stop at its end */
    runs_are("Husk at melde til.", true, (const char *[]){"Husk at melde til."}, (bool[]){0}, 1);
    /* a time first in a right-to-left sentence: on the right, where reading starts */
    runs_are("10:20  اليوم", true, (const char *[]){"  اليوم", "10:20"}, (bool[]){1, 0}, 2);
    /* a number after Latin letters belongs to them */
    runs_are("Hanne 18:00", true, (const char *[]){"Hanne 18:00"}, (bool[]){0}, 1);
    /* a range of times: both numbers in order, the dash between */
    runs_are("اليوم، الساعة 18:00–20:00", true,
             (const char *[]){"20:00", "–", "18:00", "اليوم، الساعة "}, (bool[]){0, 1, 0, 1}, 4);
    /* neutral marks at a right-to-left level are turned, brackets mirrored */
    runs_are("(Hanne) مرحبا", true, (const char *[]){"مرحبا", " (", "Hanne", ")"},
             (bool[]){1, 1, 0, 1}, 4);
    runs_are("مرحبا (Hanne)", true, (const char *[]){"(", "Hanne", ")", "مرحبا "},
             (bool[]){1, 0, 1, 1}, 4);
    runs_are("مرحبا (٣)", true, (const char *[]){"(", "٣", ")", "مرحبا "}, (bool[]){1, 0, 1, 1}, 4);
    /* per cent: with its number when it touches it, else a neutral mark */
    runs_are("45 % مجاني", true, (const char *[]){"مجاني", " % ", "45"}, (bool[]){1, 1, 0}, 3);
    runs_are("25%", true, (const char *[]){"25%"}, (bool[]){0}, 1);
    /* Arabic inside a left-to-right line */
    runs_are("Navn: فاطمة 2", false, (const char *[]){"Navn: ", "2", "فاطمة "}, (bool[]){0, 0, 1},
             3);
    /* nothing to cut */
    assert_false(text_needs_bidi("Fællesspisning 18:00", false));
    assert_true(text_needs_bidi("Fællesspisning 18:00", true));
    assert_false(text_needs_bidi(" \xC2\xB7 ", true));
    assert_true(text_needs_bidi("اليوم", false));
    /* too many runs for the buffer: 0, the caller draws the line whole */
    text_bidi_run runs[2];
    char buf[64];
    assert_int_equal(text_bidi_runs("a ب c د", true, runs, 2, buf, sizeof buf), 0);
    assert_int_equal(text_bidi_runs("اليوم اليوم اليوم", true, runs, 2, buf, 8), 0);
}

/* ---- the catalogs */

/* The messages of one section of po/en.po: from `from` to the next "# ----" line, or to
 * `until` when that comes first. Each as msgctxt \x04 msgid (and msgid_plural after \x05). */
typedef struct msgs {
    char *item[400];
    size_t n;
} msgs;

static char *unquote(const char *line)
{
    const char *a = strchr(line, '"');
    const char *b = strrchr(line, '"');
    assert_non_null(a);
    assert_true(b > a);
    char *out = calloc(1, (size_t)(b - a) + 1);
    size_t k = 0;
    for (const char *p = a + 1; p < b; p++) {
        if (*p == '\\' && p + 1 < b) {
            p++;
            out[k++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
        } else {
            out[k++] = *p;
        }
    }
    return out;
}

static void read_section(msgs *m, const char *from, const char *until)
{
    size_t len;
    char *po = ts_read_file(ts_source_path("po/en.po"), &len);
    assert_non_null(po);
    char *start = strstr(po, from);
    assert_non_null(start);
    start = strchr(start, '\n') + 1;
    char *end = strstr(start, "\n# ----");
    char *stop = until ? strstr(start, until) : NULL;
    if (stop && (!end || stop < end))
        end = stop;
    if (end)
        *end = '\0';
    char *ctxt = NULL, *id = NULL;
    for (char *line = strtok(start, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "msgctxt ", 8) == 0) {
            ctxt = unquote(line);
        } else if (strncmp(line, "msgid ", 6) == 0) {
            id = unquote(line);
        } else if (strncmp(line, "msgid_plural ", 13) == 0 || strncmp(line, "msgstr", 6) == 0) {
            if (!id)
                continue;
            char *plural = strncmp(line, "msgid_plural ", 13) == 0 ? unquote(line) : NULL;
            char *item = calloc(1, strlen(id) + (ctxt ? strlen(ctxt) : 0) +
                                       (plural ? strlen(plural) : 0) + 4);
            sprintf(item, "%s\x04%s%s%s", ctxt ? ctxt : "", id, plural ? "\x05" : "",
                    plural ? plural : "");
            assert_true(m->n < sizeof m->item / sizeof m->item[0]);
            m->item[m->n++] = item;
            free(plural);
            free(ctxt);
            free(id);
            ctxt = id = NULL;
        }
    }
    free(ctxt);
    free(id);
    free(po);
}

static void msgs_free(msgs *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->item[i]);
}

/* True when `cat` has the message translated (every plural form the language needs). */
static bool translated(const i18n_catalog *cat, const char *item)
{
    size_t n = i18n_count(cat, NULL);
    for (size_t i = 0; i < n; i++) {
        const char *ctxt, *id, *plural;
        bool done = i18n_message_at(cat, i, &ctxt, &id, &plural);
        char key[1024];
        snprintf(key, sizeof key, "%s\x04%s%s%s", ctxt ? ctxt : "", id, plural ? "\x05" : "",
                 plural ? plural : "");
        if (strcmp(key, item) == 0)
            return done;
    }
    return false;
}

/* Every date word and every resident-facing word of the screens is in each language, and
 * nothing was dropped for a wrong %d or %s. The staff's words need not be. */
static void resident_words_complete(void **state)
{
    (void)state;
    msgs core = {0}, screens = {0};
    read_section(&core, "# ---- dates and times (core) ----", NULL);
    read_section(&screens, "# ---- screens (ui) ----", "\n# staff only");
    assert_true(core.n >= 40);
    assert_true(screens.n >= 90);
    for (size_t l = 0; l < sizeof LANGS / sizeof LANGS[0]; l++) {
        vm_err err = {0};
        i18n_catalog *cat = i18n_catalog_embedded(LANGS[l], &err);
        if (!cat)
            fail_msg("no catalog for %s: %s", LANGS[l], err.msg);
        const char *why = NULL;
        if (i18n_dropped(cat, &why) > 0)
            fail_msg("%s.po: %s", LANGS[l], why);
        const msgs *sections[2] = {&core, &screens};
        for (int s = 0; s < 2; s++)
            for (size_t i = 0; i < sections[s]->n; i++)
                if (!translated(cat, sections[s]->item[i]))
                    fail_msg("%s.po: \"%s\" is not translated", LANGS[l],
                             strchr(sections[s]->item[i], '\x04') + 1);
        i18n_catalog_free(cat);
    }
    msgs_free(&core);
    msgs_free(&screens);
}

/* The words of the dates, and plurals where the language has them. */
static void dates_and_plurals(void **state)
{
    (void)state;
    vm_err err = {0};
    int64_t now = ts_time("2026-11-24 10:00");
    static const struct {
        const char *lang, *long_date, *when_tomorrow, *countdown;
    } WANT[] = {
        {"ar", "الثلاثاء 24 نوفمبر 2026", "غدًا، الساعة 14:00", "بعد 20 دقيقة"},
        {"so", "Talaado 24 Nofembar 2026", "Berri 14:00", "20 daqiiqo kadib"},
        {"tr", "Salı, 24 Kasım 2026", "Yarın 14:00", "20 dk. sonra"},
        {"ur", "منگل 24 نومبر 2026", "کل، 14:00", "20 منٹ میں"},
    };
    for (size_t i = 0; i < sizeof WANT / sizeof WANT[0]; i++) {
        i18n_catalog *cat = i18n_catalog_embedded(WANT[i].lang, &err);
        assert_non_null(cat);
        char out[128];
        i18n_date_long(cat, now, out, sizeof out);
        assert_string_equal(out, WANT[i].long_date);
        i18n_when(cat, ts_time("2026-11-25 14:00"), now, out, sizeof out);
        assert_string_equal(out, WANT[i].when_tomorrow);
        i18n_countdown(cat, ts_time("2026-11-24 10:20"), ts_time("2026-11-24 11:00"), now, out,
                       sizeof out);
        assert_string_equal(out, WANT[i].countdown);
        i18n_catalog_free(cat);
    }
    /* Arabic has six plural forms: the noun follows the number's form */
    i18n_catalog *ar = i18n_catalog_embedded("ar", &err);
    assert_int_equal(i18n_nplurals(ar), 6);
    char out[128];
    i18n_format(out, sizeof out, i18n_plural(ar, "%d place left", "%d places left", 5), 5);
    assert_string_equal(out, "5 أماكن شاغرة");
    i18n_format(out, sizeof out, i18n_plural(ar, "%d place left", "%d places left", 11), 11);
    assert_string_equal(out, "11 مكانًا شاغرًا");
    i18n_format(out, sizeof out, i18n_plural(ar, "%d place left", "%d places left", 1), 1);
    assert_string_equal(out, "1 مكان شاغر");
    i18n_catalog_free(ar);
    /* names of the languages for the language button */
    static const char *const NAMES[][2] = {
        {"ar", "العربية"}, {"so", "Soomaali"}, {"tr", "Türkçe"}, {"ur", "اردو"}};
    for (size_t i = 0; i < 4; i++) {
        i18n_catalog *cat = i18n_catalog_embedded(NAMES[i][0], &err);
        assert_string_equal(i18n_lang_name(cat), NAMES[i][1]);
        assert_int_equal(i18n_right_to_left(cat), NAMES[i][0][0] == 'a' || NAMES[i][0][0] == 'u');
        i18n_catalog_free(cat);
    }
}

/* A harness whose third language is `lang`, switched to it with the language button. */
static harness *h_lang(int w, int hgt, const char *lang)
{
    harness *h = h_new(w, hgt);
    vm_err err = {0};
    h->langs[2] = i18n_catalog_embedded(lang, &err);
    assert_non_null(h->langs[2]);
    h->n_langs = 3;
    h->m.n_langs = 3;
    h_build(h);
    h_choose_lang(h, 2);
    return h;
}

/* Some DRAW_TEXT is exactly `s`. */
static bool drawn(const harness *h, const char *s)
{
    return h_text_equals(h, s);
}

/* Every resident screen in each language, at several sizes: nothing off the screen, nothing
 * overlapping, contrast, no typed name on the public screens (harness), and the words are
 * the language's. */
static void resident_screens_in_every_language(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1920, 1080}, {1024, 600}};
    for (size_t l = 0; l < sizeof LANGS / sizeof LANGS[0]; l++) {
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            harness *h = h_lang(sizes[s][0], sizes[s][1], LANGS[l]);
            h_open_detail(h, E_SPIS);
            h_tap(h, "join");
            h_type(h, "Birgitte");
            h_tap(h, "next");
            h_tap(h, "children+");
            h_tap(h, "more");
            h_digits(h, "12");
            h_tap(h, "confirm");
            h_digits(h, "34");
            h_tap(h, "company");
            h_tap(h, "confirm");
            ui_action a;
            assert_true(ui_take_action(h->u, &a));
            ui_action_result res = {
                .status = VM_OK, .signup_status = SIGNUP_WAITING, .waiting_position = 3};
            ui_action_done(h->u, &h->m, &res, h->now_ms);
            h_build(h);
            assert_string_equal(h_screen(h), "join-done");
            h_tap(h, "done");
            h_open_detail(h, E_BANKO);
            h_tap(h, "cancel-signup");
            h_type(h, "Birgitte");
            h_tap(h, "next");
            h_digits(h, "1234");
            h_tap(h, "confirm");
            assert_true(ui_take_action(h->u, &a));
            ui_action_result no = {.status = VM_ERR_NOT_FOUND};
            ui_action_done(h->u, &h->m, &no, h->now_ms);
            h_build(h);
            assert_string_equal(h_screen(h), "cancel-done");
            h_tap(h, "done");
            h_open_detail(h, E_FOREDRAG);
            h_tap(h, "join"); /* the reason it is closed */
            h_tap(h, "back");
            /* the stick while a resident looks: it goes back to the default language, so the
             * sync screens are seen in Danish; the idle screen too */
            h->m.stick = (ui_stick){UI_STICK_SYNCING, NULL, 0.5, NULL};
            h_build(h);
            assert_string_equal(h_screen(h), "sync");
            h->m.stick = (ui_stick){0};
            h_build(h);
            h_free(h);
        }
    }
}

/* The sync, idle and night screens in each language (the app may keep a language as the
 * default: `languages = ar da` in the config). */
static void quiet_screens_in_every_language(void **state)
{
    (void)state;
    for (size_t l = 0; l < sizeof LANGS / sizeof LANGS[0]; l++) {
        harness *h = h_new(800, 480);
        vm_err err = {0};
        i18n_catalog_free(h->langs[0]);
        h->langs[0] = i18n_catalog_embedded(LANGS[l], &err);
        h_build(h);
        h_advance(h, 60000);
        assert_string_equal(h_screen(h), "idle");
        assert_string_not_equal(h_widget(h, "wake")->label, "Touch to see the whole program");
        assert_string_not_equal(h_widget(h, "qr")->label, "Scan and add it to your calendar");
        h->m.stick = (ui_stick){UI_STICK_SYNCING, NULL, 0.25, NULL};
        h_build(h);
        assert_string_not_equal(h_widget(h, "phase")->label, "Working with the USB stick");
        h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1, NULL};
        h_build(h);
        assert_string_not_equal(h_widget(h, "result")->label, "The USB stick is done");
        assert_string_not_equal(h_widget(h, "ok")->label, "");
        h_tap(h, "ok");
        h->m.night = true;
        h_advance(h, 130000);
        assert_string_equal(h_screen(h), "night");
        assert_string_not_equal(h_widget(h, "wake")->label, "Touch to wake the screen");
        h_free(h);
    }
}

/* Arabic on the screen: the bar mirrored, the words right-aligned, times and names drawn
 * as their own runs in reading order. */
static void arabic_screen(void **state)
{
    (void)state;
    harness *h = h_lang(800, 480, "ar");
    assert_string_equal(h_widget(h, "day:2026-11-24")->label, "اليوم");
    /* the week: the time of the meal, digits in order (the walk's tile, two beside each
     * other, says "in 20 minutes" in its time's place); the first tile at the start (right) */
    assert_true(drawn(h, "18:00"));
    assert_false(h_text_contains(h, "00:81"));
    assert_true(h_widget(h, "card:kaffe-2411")->rect.x >= h_widget(h, "card:gaa-2411")->rect.x);
    assert_true(h_widget(h, "day:2026-11-24")->rect.x > 400); /* the leaf at the start */
    /* the language button at the start (right) of a right-to-left bar, saying the language */
    assert_true(h_widget(h, "lang")->rect.x > 400);
    assert_string_equal(h_widget(h, "lang")->label, "العربية");
    h_open_program(h);
    assert_string_equal(h_widget(h, "section:today")->label, "اليوم");
    /* the card of the walk: its time and the place are their own runs, digits in order */
    h_scroll_to(h, "card:gaa-2411");
    assert_true(drawn(h, "10:20"));
    assert_true(h_text_contains(h, "اليوم، الساعة"));
    assert_false(h_text_contains(h, "02:01"));
    h_tap(h, "back");
    h_open_detail(h, E_SPIS);
    const ui_widget *back = h_widget(h, "back");
    assert_true(back->rect.x > 400);
    assert_string_equal(back->label, "رجوع");
    /* "المضيف: Hanne": the name on the left of its label */
    h_scroll_to(h, "host");
    const draw_cmd *name = NULL, *label = NULL;
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        const draw_cmd *d = &h->f.cmds[i];
        if (d->kind != DRAW_TEXT)
            continue;
        if (strcmp(d->text, "Hanne") == 0)
            name = d;
        if (strcmp(d->text, "المضيف: ") == 0)
            label = d;
    }
    assert_non_null(name);
    assert_non_null(label);
    assert_int_equal(name->rect.x + name->rect.w, label->rect.x);
    assert_int_equal(name->rect.y, label->rect.y);
    /* the widget keeps the whole sentence for the dump, the name isolated in it (U+2068 ..
     * U+2069: i18n_format), so it keeps its own order whatever follows */
    assert_string_equal(h_widget(h, "host")->label, "المضيف: \u2068Hanne\u2069");
    h_free(h);
}

/* The marks that steer the bidi algorithm are never drawn (they would be empty boxes). */
static void assert_no_marks_drawn(const harness *h)
{
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        const draw_cmd *d = &h->f.cmds[i];
        if (d->kind != DRAW_TEXT)
            continue;
        for (const char *m = "\u2066\0\u2067\0\u2068\0\u2069\0\u200e\0\u200f\0"; *m;
             m += strlen(m) + 1)
            if (strstr(d->text, m))
                fail_msg("a direction mark is drawn in \"%s\"", d->text);
    }
}

/* "السعر: 35 kr., børn 15 kr.": the Danish price keeps its order inside an Arabic or Urdu
 * sentence. By the book without isolation the "35" after the Arabic label is an Arabic
 * number and goes to the right of "kr., børn 15 kr" (that was the scrambled line); isolated,
 * the price is one run, in order. */
static void danish_inside_arabic_keeps_its_order(void **state)
{
    (void)state;
    const char *price = "35 kr., børn 15 kr.";
    text_bidi_run runs[TEXT_BIDI_MAX_RUNS];
    char buf[1024], out[256];
    int n = text_bidi_runs("السعر: 35 kr., børn 15 kr.", true, runs, TEXT_BIDI_MAX_RUNS, buf,
                           sizeof buf);
    assert_true(n >= 2);
    assert_string_not_equal(runs[0].text, price);
    static const char *const rtl_langs[] = {"ar", "ur"};
    for (size_t l = 0; l < 2; l++) {
        vm_err err = {0};
        i18n_catalog *cat = i18n_catalog_embedded(rtl_langs[l], &err);
        assert_non_null(cat);
        const char *fmt = i18n_text(cat, "Price: %s");
        assert_string_not_equal(fmt, "Price: %s");
        i18n_format(out, sizeof out, fmt, price);
        n = text_bidi_runs(out, true, runs, TEXT_BIDI_MAX_RUNS, buf, sizeof buf);
        if (n != 2)
            fail_msg("%s: \"%s\" is %d runs", rtl_langs[l], out, n);
        assert_string_equal(runs[0].text, price);
        assert_false(runs[0].rtl);
        assert_true(runs[1].rtl);
        assert_null(strstr(runs[1].text, "\u2068"));
        assert_null(strstr(runs[1].text, "\u2069"));
        /* a time needs no isolation: it stays as it was */
        i18n_format(out, sizeof out, fmt, "18:00");
        assert_null(strstr(out, "\u2068"));
        i18n_catalog_free(cat);
    }
}

/* Urdu is drawn in Nastaliq, Arabic in Naskh; a right-to-left screen's arrows point its way. */
static void faces_and_arrows(void **state)
{
    (void)state;
    static const struct {
        const char *lang;
        ui_face face;
        bool rtl;
    } cases[] = {{"ur", UI_FACE_NASTALIQ, true}, {"ar", UI_FACE_NASKH, true},
                 {"tr", UI_FACE_NASKH, false}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        harness *h = h_lang(800, 480, cases[k].lang);
        h_open_detail(h, E_SPIS);
        size_t texts = 0;
        for (size_t i = 0; i < h->f.n_cmds; i++) {
            const draw_cmd *d = &h->f.cmds[i];
            if (d->kind == DRAW_TEXT) {
                texts++;
                assert_int_equal(d->face, cases[k].face);
            }
        }
        assert_true(texts > 5);
        assert_no_marks_drawn(h);
        /* the arrow on the back button */
        const ui_widget *back = h_widget(h, "back");
        icon_id seen = ICON_NONE;
        for (size_t i = 0; i < h->f.n_cmds; i++) {
            const draw_cmd *d = &h->f.cmds[i];
            if (d->kind == DRAW_ICON && ui_rect_contains(back->rect, d->rect.x, d->rect.y))
                seen = d->icon;
        }
        assert_int_equal(seen, cases[k].rtl ? ICON_BACK_RTL : ICON_BACK);
        /* and the keyboard's delete key */
        h_tap(h, "join");
        seen = ICON_NONE;
        const ui_widget *del = h_widget(h, "key:backspace");
        for (size_t i = 0; i < h->f.n_cmds; i++) {
            const draw_cmd *d = &h->f.cmds[i];
            if (d->kind == DRAW_ICON && ui_rect_contains(del->rect, d->rect.x, d->rect.y))
                seen = d->icon;
        }
        assert_int_equal(seen, cases[k].rtl ? ICON_BACKSPACE_RTL : ICON_BACKSPACE);
        h_free(h);
    }
    assert_int_equal(ui_face_for_lang("ur"), UI_FACE_NASTALIQ);
    assert_int_equal(ui_face_for_lang("ur_PK"), UI_FACE_NASTALIQ);
    assert_int_equal(ui_face_for_lang("uz"), UI_FACE_NASKH);
    assert_int_equal(ui_face_for_lang(NULL), UI_FACE_NASKH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bidi_runs),
        cmocka_unit_test(resident_words_complete),
        cmocka_unit_test(dates_and_plurals),
        cmocka_unit_test(resident_screens_in_every_language),
        cmocka_unit_test(quiet_screens_in_every_language),
        cmocka_unit_test(arabic_screen),
        cmocka_unit_test(danish_inside_arabic_keeps_its_order),
        cmocka_unit_test(faces_and_arrows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
