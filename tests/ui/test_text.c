/* text wrapping, the draw list's arena, frame comparison, colours and the layout scale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "harness.h"
#include "ui/text.h"
#include "ui/theme.h"

/* 10 px per character in every font, 20 px lines: easy to reason about. */
static void fixed(void *ctx, ui_font font, const char *s, int *w, int *h)
{
    (void)ctx;
    (void)font;
    *w = (int)utf8_length(s) * 10;
    *h = 20;
}
static const ui_measure MS = {.ctx = NULL, .size = fixed};

/* A measure with faces, as the renderer's: Latin 20 px lines, Naskh 31 px, Nastaliq 37 px
 * (Noto's 1.362, 2.112 and 2.0 em at 15 px, Nastaliq at 0.8 of the size). */
static bool arabic(const char *s)
{
    return (unsigned char)s[0] == 0xD8 || (unsigned char)s[0] == 0xD9 ||
           (unsigned char)s[0] == 0xDA || (unsigned char)s[0] == 0xDB;
}
static void faced(void *ctx, ui_font font, ui_face face, const char *s, int *w, int *h)
{
    (void)ctx;
    (void)font;
    *w = (int)utf8_length(s) * 10;
    *h = !arabic(s) ? 20 : face == UI_FACE_NASTALIQ ? 37 : 31;
}
static void unfaced(void *ctx, ui_font font, const char *s, int *w, int *h)
{
    faced(ctx, font, UI_FACE_NASKH, s, w, h);
}

static void lines_fit_the_face(void **state)
{
    (void)state;
    ui_measure naskh = {.size = unfaced, .size_face = faced, .face = UI_FACE_NASKH};
    ui_measure nastaliq = naskh;
    nastaliq.face = UI_FACE_NASTALIQ;
    /* a line of Urdu is as tall as Nastaliq's ink (0.852 of its height), Arabic keeps the
     * Latin line */
    assert_int_equal(text_line_h(&naskh, UI_FONT_BODY), 20);
    assert_int_equal(text_line_h(&nastaliq, UI_FONT_BODY), 32);
    /* every run's baseline on the line's: the Latin line's own run does not move, a taller
     * Arabic run goes up, a Latin run in an Urdu line goes down and Nastaliq up by its
     * empty top */
    assert_int_equal(text_run_y(&naskh, "Hanne", 20, 20), 0);
    assert_int_equal(text_run_y(&naskh, "مرحبا", 20, 31), -4);  /* 0.785*20 - 0.651*31 */
    assert_int_equal(text_run_y(&nastaliq, "Hanne", 32, 20), 7); /* 0.723*32 - 0.785*20 */
    assert_int_equal(text_run_y(&nastaliq, "مرحبا", 32, 37), -5); /* 0.723*32 - 0.764*37 */
    /* a measure without faces measures every face the same */
    assert_int_equal(text_line_h(&MS, UI_FONT_BODY), 20);

    /* Nastaliq's spaces at a run's ends have next to no width: they are runs of their own */
    text_bidi_run runs[TEXT_BIDI_MAX_RUNS];
    char buf[512];
    int n = text_runs_for(&naskh, "المضيف: Hanne", true, runs, TEXT_BIDI_MAX_RUNS, buf,
                          sizeof buf);
    assert_int_equal(n, 2);
    assert_string_equal(runs[1].text, "المضيف: ");
    n = text_runs_for(&nastaliq, "المضيف: Hanne", true, runs, TEXT_BIDI_MAX_RUNS, buf,
                      sizeof buf);
    assert_int_equal(n, 3);
    assert_string_equal(runs[0].text, "Hanne");
    assert_string_equal(runs[1].text, " ");
    assert_string_equal(runs[2].text, "المضيف:");
    assert_true(runs[2].rtl);
    /* and the line is as wide as its pieces: the space counts in the Latin font */
    assert_int_equal(text_width(&nastaliq, UI_FONT_BODY, "المضيف: Hanne"), 130);
}

static char *line_of(const text_block *b, const char *s, int k, char *out, size_t size)
{
    const text_line *l = &b->line[k];
    snprintf(out, size, "%.*s%s", l->len, s + l->start, l->ellipsis ? "\xE2\x80\xA6" : "");
    return out;
}

static void wraps_on_words(void **state)
{
    (void)state;
    const char *s = "Vi laver mad sammen og spiser ved de lange borde";
    text_block b;
    text_wrap(&b, &MS, UI_FONT_BODY, s, 150, 0); /* 15 characters a line */
    char buf[64];
    assert_int_equal(b.n, 4);
    assert_string_equal(line_of(&b, s, 0, buf, sizeof buf), "Vi laver mad");
    assert_string_equal(line_of(&b, s, 1, buf, sizeof buf), "sammen og");
    assert_string_equal(line_of(&b, s, 2, buf, sizeof buf), "spiser ved de");
    assert_string_equal(line_of(&b, s, 3, buf, sizeof buf), "lange borde");
    assert_int_equal(b.h, 80);
    for (int k = 0; k < b.n; k++)
        assert_true(b.line[k].w <= 150);
}

static void hard_breaks_and_blank_lines(void **state)
{
    (void)state;
    const char *s = "En\n\nTo";
    text_block b;
    text_wrap(&b, &MS, UI_FONT_BODY, s, 300, 0);
    assert_int_equal(b.n, 3);
    assert_int_equal(b.line[1].len, 0);
    char buf[16];
    assert_string_equal(line_of(&b, s, 2, buf, sizeof buf), "To");
}

static void ellipsis_on_the_last_line(void **state)
{
    (void)state;
    const char *s = "Fællesspisning med hele afdelingen i den store sal";
    text_block b;
    text_wrap(&b, &MS, UI_FONT_TITLE, s, 160, 2);
    assert_int_equal(b.n, 2);
    assert_false(b.line[0].ellipsis);
    assert_true(b.line[1].ellipsis);
    assert_true(b.line[1].w <= 160);
    char buf[64];
    const char *last = line_of(&b, s, 1, buf, sizeof buf);
    assert_non_null(strstr(last, "\xE2\x80\xA6"));
    assert_true(utf8_valid(last, strlen(last)));
}

/* A word wider than the line breaks between characters, never inside one. */
static void long_words_break_on_characters(void **state)
{
    (void)state;
    const char *s = "æøåæøåæøåæøåæøå"; /* 15 two-byte characters */
    text_block b;
    text_wrap(&b, &MS, UI_FONT_BODY, s, 40, 0);
    assert_int_equal(b.n, 4); /* 4 + 4 + 4 + 3 */
    char buf[64];
    for (int k = 0; k < b.n; k++) {
        const char *l = line_of(&b, s, k, buf, sizeof buf);
        assert_true(utf8_valid(l, strlen(l)));
        assert_true(b.line[k].w <= 40);
    }
    /* and with an ellipsis on a line of 2.5 characters */
    text_wrap(&b, &MS, UI_FONT_BODY, s, 25, 1);
    assert_int_equal(b.n, 1);
    const char *l = line_of(&b, s, 0, buf, sizeof buf);
    assert_string_equal(l, "æ\xE2\x80\xA6");
    /* an id in groups breaks after a hyphen that fits, so it is read in its groups */
    s = "7F3A-91C2-0B4D-EE10 (kiosk)";
    text_wrap(&b, &MS, UI_FONT_BODY, s, 120, 0);
    assert_int_equal(b.n, 3);
    assert_string_equal(line_of(&b, s, 0, buf, sizeof buf), "7F3A-91C2-");
    assert_string_equal(line_of(&b, s, 1, buf, sizeof buf), "0B4D-EE10");
    assert_string_equal(line_of(&b, s, 2, buf, sizeof buf), "(kiosk)");
    assert_true(b.cut); /* layouts still see that it did not fit whole */
    /* no hyphen in reach: between characters, as before */
    s = "ABCDEFGHIJKLMNOP-Q";
    text_wrap(&b, &MS, UI_FONT_BODY, s, 120, 0);
    assert_string_equal(line_of(&b, s, 0, buf, sizeof buf), "ABCDEFGHIJKL");
}

/* Sizes per font as the theme's roles are: body and small 10 px a character, bold 10, title
 * 14, huge 20 (each of them a size the people's check accepts). */
static void sized(void *ctx, ui_font font, const char *s, int *w, int *h)
{
    (void)ctx;
    static const int px[UI_FONT_COUNT] = {[UI_FONT_SMALL] = 8, [UI_FONT_BODY] = 10,
                                          [UI_FONT_BOLD] = 10, [UI_FONT_TITLE] = 14,
                                          [UI_FONT_HUGE] = 20};
    *w = (int)utf8_length(s) * px[font];
    *h = px[font] * 2;
}

static void long_words_set_smaller_whole(void **state)
{
    (void)state;
    const ui_measure ms = {.size = sized};
    const char *s = "10:00 Reparationsværksted"; /* the word: 19 characters */
    text_block b;
    /* a title 200 px wide: 266 px in the title size, 190 in bold body: bold, whole */
    text_wrap(&b, &ms, UI_FONT_TITLE, s, 200, 3);
    assert_int_equal(b.font, UI_FONT_BOLD);
    assert_false(b.cut);
    assert_false(b.word_broken);
    assert_int_equal(b.n, 2);
    char buf[64];
    assert_string_equal(line_of(&b, s, 1, buf, sizeof buf), "Reparationsværksted");
    assert_int_equal(b.line_h, 20); /* the smaller size's lines */
    /* drawn whole, in the smaller font, whatever font the caller passes */
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "home", 800, 480);
    text_draw(&f, &b, s, 0, 0, 200, UI_FONT_TITLE, (ui_color){0, 0, 0, 255}, ALIGN_START,
              false);
    assert_int_equal(f.n_cmds, 2);
    assert_string_equal(f.cmds[1].text, "Reparationsværksted");
    assert_int_equal(f.cmds[1].font, UI_FONT_BOLD);
    assert_true(f.cmds[1].rect.w <= 200);
    ui_frame_free(&f);
    /* huge steps down as far as it must: title is enough at 280 px */
    text_wrap(&b, &ms, UI_FONT_HUGE, s, 280, 3);
    assert_int_equal(b.font, UI_FONT_TITLE);
    /* body text steps to the small size */
    text_wrap(&b, &ms, UI_FONT_BODY, s, 160, 3);
    assert_int_equal(b.font, UI_FONT_SMALL);
    assert_false(b.cut);
    /* words that fit keep their font */
    text_wrap(&b, &ms, UI_FONT_TITLE, "Banko i salen", 200, 3);
    assert_int_equal(b.font, UI_FONT_TITLE);
    /* too wide even in the smallest size of its face: broken, as before, in its own font */
    text_wrap(&b, &ms, UI_FONT_TITLE, s, 150, 3);
    assert_int_equal(b.font, UI_FONT_TITLE);
    assert_true(b.word_broken && b.cut);
    /* bold has no smaller bold size (body is the least at 7"): broken */
    text_wrap(&b, &ms, UI_FONT_BOLD, s, 150, 3);
    assert_int_equal(b.font, UI_FONT_BOLD);
    assert_true(b.word_broken);
    /* text_fits answers for the font asked: callers that draw in it are not misled */
    assert_false(text_fits(&ms, UI_FONT_TITLE, s, 200, 3));
}

static void fit_cuts_on_characters(void **state)
{
    (void)state;
    char out[64];
    int w = text_fit(&MS, UI_FONT_BODY, "Børnepasning", 65, out, sizeof out);
    assert_string_equal(out, "Børne\xE2\x80\xA6");
    assert_int_equal(w, 60);
    w = text_fit(&MS, UI_FONT_BODY, "Gratis", 65, out, sizeof out);
    assert_string_equal(out, "Gratis");
    /* a small buffer cuts too, still on a character boundary */
    char tiny[8];
    text_fit(&MS, UI_FONT_BODY, "ååååååå", 1000, tiny, sizeof tiny);
    assert_true(utf8_valid(tiny, strlen(tiny)));
    assert_true(strlen(tiny) < sizeof tiny);
}

static void name_editing(void **state)
{
    (void)state;
    char name[12] = "";
    assert_true(text_append_cp(name, sizeof name, 3, 0xC6)); /* Æ */
    assert_true(text_append_cp(name, sizeof name, 3, 'b'));
    assert_true(text_append_cp(name, sizeof name, 3, 0xF8)); /* ø */
    assert_false(text_append_cp(name, sizeof name, 3, 'x')); /* the limit */
    assert_string_equal(name, "Æbø");
    assert_true(text_backspace(name));
    assert_string_equal(name, "Æb");
    assert_true(text_backspace(name));
    assert_true(text_backspace(name));
    assert_false(text_backspace(name));
    assert_int_equal(text_upper_cp(0xE5), 0xC5); /* å -> Å */
    assert_int_equal(text_upper_cp('-'), '-');
    char day[32] = "Torsdag 12. dec.";
    text_lower_first(day);
    assert_string_equal(day, "torsdag 12. dec.");
    char oe[16] = "Økodag";
    text_lower_first(oe);
    assert_string_equal(oe, "økodag");
}

/* ---- the frame */

static void arena_growth_keeps_strings(void **state)
{
    (void)state;
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "home", 800, 480);
    char buf[64];
    for (int i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "tekst nummer %d med lidt mere", i);
        draw_text(&f, i, 0, 10, 10, UI_FONT_BODY, (ui_color){0, 0, 0, 255}, buf);
        snprintf(buf, sizeof buf, "id:%d", i);
        ui_frame_widget(&f, buf, UI_ROLE_BUTTON, "label", (ui_rect){i, 0, 5, 5},
                        UI_WIDGET_TAPPABLE);
    }
    assert_false(f.oom);
    assert_true(f.arena_cap > 4096); /* it grew, several times */
    assert_int_equal(f.n_cmds, 2000);
    for (int i = 0; i < 2000; i += 97) {
        snprintf(buf, sizeof buf, "tekst nummer %d med lidt mere", i);
        assert_string_equal(f.cmds[i].text, buf);
        snprintf(buf, sizeof buf, "id:%d", i);
        assert_string_equal(f.widgets[i].id, buf);
        assert_true(f.cmds[i].text >= f.arena && f.cmds[i].text < f.arena + f.arena_len);
    }
    const ui_widget *w = ui_frame_find(&f, "id:1234");
    assert_non_null(w);
    assert_ptr_equal(ui_frame_hit(&f, 1236, 2), ui_frame_find(&f, "id:1236"));
    assert_null(ui_frame_hit(&f, 3000, 2));
    ui_frame_free(&f);
    ui_frame_free(&f); /* twice is fine */
    ui_frame_free(NULL);
}

/* A reset frame does not keep the last frame's strings (a typed name) in its memory. */
static void reset_forgets_the_strings(void **state)
{
    (void)state;
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "join-name", 800, 480);
    for (int i = 0; i < 50; i++)
        draw_text(&f, 0, 0, 10, 10, UI_FONT_BODY, (ui_color){0, 0, 0, 255}, "tast");
    ui_frame_widget(&f, "name", UI_ROLE_INPUT, "Birgitte", (ui_rect){0, 0, 9, 9}, 0);
    size_t used = f.arena_len;
    ui_frame_reset(&f, "home", 800, 480);
    draw_text(&f, 0, 0, 10, 10, UI_FONT_BODY, (ui_color){0, 0, 0, 255}, "I dag");
    assert_true(f.arena_len < used);
    for (size_t i = 0; i + 8 <= used; i++)
        assert_false(memcmp(f.arena + i, "Birgitte", 8) == 0);
    ui_frame_free(&f);
}

static void copy_and_same_picture(void **state)
{
    (void)state;
    ui_frame a, b;
    ui_frame_init(&a);
    ui_frame_init(&b);
    uint8_t qr[9] = {1, 0, 1, 0, 1, 0, 1, 0, 1};
    ui_frame_reset(&a, "detail", 800, 480);
    draw_rect(&a, (ui_rect){0, 0, 800, 480}, (ui_color){1, 2, 3, 255}, 0);
    draw_text(&a, 10, 10, 50, 20, UI_FONT_BODY, (ui_color){0, 0, 0, 255}, "Tilmeld");
    draw_qr(&a, (ui_rect){100, 100, 44, 44}, qr, 3);
    ui_frame_widget(&a, "join", UI_ROLE_BUTTON, "Tilmeld", (ui_rect){5, 5, 90, 70},
                    UI_WIDGET_TAPPABLE);
    assert_true(ui_frame_copy(&b, &a));
    assert_true(ui_frame_same_picture(&a, &b));
    assert_string_equal(b.screen, "detail");
    assert_string_equal(b.cmds[1].text, "Tilmeld");
    assert_true(b.cmds[1].text >= b.arena && b.cmds[1].text < b.arena + b.arena_len);
    assert_string_equal(ui_frame_find(&b, "join")->label, "Tilmeld");
    /* the QR modules are the frame's own: the model may change them afterwards */
    assert_ptr_not_equal(a.cmds[2].qr, qr);
    qr[0] = 0;
    assert_int_equal(b.cmds[2].qr[0], 1);

    /* one character, one colour, one pixel of difference is a new picture */
    ui_frame_reset(&b, "detail", 800, 480);
    draw_rect(&b, (ui_rect){0, 0, 800, 480}, (ui_color){1, 2, 3, 255}, 0);
    draw_text(&b, 10, 10, 50, 20, UI_FONT_BODY, (ui_color){0, 0, 0, 255}, "Tilmelt");
    draw_qr(&b, (ui_rect){100, 100, 44, 44}, a.cmds[2].qr, 3);
    assert_false(ui_frame_same_picture(&a, &b));
    b.cmds[1].text = a.cmds[1].text;
    assert_true(ui_frame_same_picture(&a, &b));
    b.cmds[0].color.g = 3;
    assert_false(ui_frame_same_picture(&a, &b));
    ui_frame_free(&a);
    ui_frame_free(&b);
}

/* ---- colours and scale */

static void contrast_ratio(void **state)
{
    (void)state;
    assert_true(ui_contrast(ui_rgb(0x000000), ui_rgb(0xFFFFFF)) > 20.99);
    assert_true(ui_contrast(ui_rgb(0xFFFFFF), ui_rgb(0x000000)) > 20.99);
    double grey = ui_contrast(ui_rgb(0x777777), ui_rgb(0xFFFFFF)); /* the classic 4.48 */
    assert_true(grey > 4.47 && grey < 4.49);
    assert_true(ui_contrast(ui_rgb(0x123456), ui_rgb(0x123456)) < 1.0001);
    /* every category colour carries a white pictogram and could carry white words */
    for (int c = 0; c < CAT_COUNT; c++)
        assert_true(ui_contrast(ui_category_color((category)c), COL_WHITE) >= 7.0);
    /* and they differ from each other */
    for (int a = 0; a < CAT_COUNT; a++)
        for (int b = a + 1; b < CAT_COUNT; b++) {
            ui_color x = ui_category_color((category)a), y = ui_category_color((category)b);
            assert_false(x.r == y.r && x.g == y.g && x.b == y.b);
        }
}

/* The sizes come from the panel: 16 mm targets and 22 pt text on every panel the kiosk is
 * sold with, and a bigger screen shows more rather than the same bigger. */
static void layout_scales(void **state)
{
    (void)state;
    static const struct {
        int w, h;
        double inches;
    } PANELS[] = {{800, 480, 7}, {480, 800, 7}, {1024, 600, 7}, {1280, 800, 10.1},
                  {800, 1280, 10.1}, {1920, 1080, 21.5}, {1080, 1920, 21.5}};
    for (size_t i = 0; i < sizeof PANELS / sizeof PANELS[0]; i++) {
        ui_layout L;
        /* the usual panel of the resolution is the one named */
        assert_true(fabs(ui_panel_inches(PANELS[i].w, PANELS[i].h) - PANELS[i].inches) < 1e-9);
        ui_layout_compute(&L, PANELS[i].w, PANELS[i].h, 0);
        double ppm = ui_px_per_mm(PANELS[i].w, PANELS[i].h, PANELS[i].inches);
        assert_true(fabs(L.ppm - ppm) < 1e-9);
        for (int f = 0; f < UI_FONT_COUNT; f++)
            assert_true(L.font[f] / ppm >= UI_TEXT_MIN_MM);
        assert_true(L.btn_h / ppm >= UI_TARGET_MM && L.key / ppm >= UI_TARGET_MM);
        assert_true(L.target / ppm >= UI_TARGET_MM && (L.target - 1) / ppm < UI_TARGET_MM);
    }
    ui_layout small, big, tall;
    ui_layout_compute(&small, 800, 480, 0);
    ui_layout_compute(&big, 1920, 1080, 0);
    ui_layout_compute(&tall, 480, 800, 0);
    /* 22 pt on a 7" 800x480 panel (5.25 px/mm) is 41 px: the 24 px of old were 13 pt */
    assert_int_equal(small.font[UI_FONT_BODY], 41);
    assert_int_equal(small.target, 84);
    for (int f = 0; f < UI_FONT_COUNT; f++)
        assert_int_equal(tall.font[f], small.font[f]);
    assert_true(tall.portrait && !small.portrait);
    /* 21.5" 1080p: more room in millimetres; the text is bigger in mm, the screen holds more */
    assert_true(big.font[UI_FONT_BODY] / big.ppm > small.font[UI_FONT_BODY] / small.ppm);
    assert_true(big.w / big.font[UI_FONT_BODY] > 2 * (small.w / small.font[UI_FONT_BODY]));
    /* a dense screen still gets physical sizes */
    ui_layout dense;
    ui_layout_compute(&dense, 800, 480, 10.0);
    assert_true(dense.btn_h >= 160 && dense.key >= 160 && dense.font[UI_FONT_SMALL] >= 78);
    int sizes[UI_FONT_COUNT];
    ui_options opt = {.width = 1920, .height = 1080};
    ui *u = ui_new(&opt);
    ui_font_sizes(u, sizes);
    assert_int_equal(sizes[UI_FONT_BODY], big.font[UI_FONT_BODY]);
    ui_resize(u, 800, 480);
    ui_font_sizes(u, sizes);
    assert_int_equal(sizes[UI_FONT_BODY], small.font[UI_FONT_BODY]);
    ui_free(u);
    ui_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wraps_on_words),
        cmocka_unit_test(hard_breaks_and_blank_lines),
        cmocka_unit_test(ellipsis_on_the_last_line),
        cmocka_unit_test(long_words_break_on_characters),
        cmocka_unit_test(long_words_set_smaller_whole),
        cmocka_unit_test(fit_cuts_on_characters),
        cmocka_unit_test(name_editing),
        cmocka_unit_test(arena_growth_keeps_strings),
        cmocka_unit_test(reset_forgets_the_strings),
        cmocka_unit_test(copy_and_same_picture),
        cmocka_unit_test(contrast_ratio),
        cmocka_unit_test(layout_scales),
        cmocka_unit_test(lines_fit_the_face),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
