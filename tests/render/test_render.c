/* The SDL renderer, on SDL's software renderer with the dummy video driver (no display):
 * - a frame's text, icons and QR codes are rasterised once and then only copied;
 * - rounded rectangles, text and QR modules land where the draw list says;
 * - golden images of the home and detail screens at 800x480 and 1920x1080 (a tolerance for
 *   font rasteriser differences; an _actual.png is written next to the test's temp folder
 *   on failure; VAERMED_UPDATE_GOLDEN=1 rewrites the goldens after a deliberate change).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/catalogs.h"
#include "core/dktime.h"
#include "core/i18n.h"
#include "render/fonts.h"
#include "render/render.h"
#include "test_support.h"
#include "ui/ui.h"

static render *open_renderer(int w, int h)
{
    render_options o = {.title = "test", .width = w, .height = h, .software = true};
    render *r = NULL;
    vm_err err = {0};
    if (render_open(&o, &r, &err) != VM_OK)
        fail_msg("render_open: %s", err.msg);
    return r;
}

static void set_fonts(render *r, int base)
{
    int sizes[UI_FONT_COUNT] = {base, base, base, base * 3 / 2, base * 2};
    vm_err err = {0};
    assert_int_equal(render_set_font_sizes(r, sizes, &err), VM_OK);
}

static uint32_t pixel(const unsigned char *px, int w, int x, int y)
{
    uint32_t v;
    memcpy(&v, px + ((size_t)y * (size_t)w + (size_t)x) * 4, 4);
    return v & 0x00FFFFFFu;
}

static void text_is_rasterised_once(void **state)
{
    (void)state;
    render *r = open_renderer(400, 200);
    set_fonts(r, 24);
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "t", 400, 200);
    draw_rect(&f, (ui_rect){0, 0, 400, 200}, (ui_color){255, 255, 255, 255}, 0);
    draw_text(&f, 10, 10, 200, 30, UI_FONT_BODY, (ui_color){0, 0, 0, 255}, "Fællesspisning");
    draw_text(&f, 10, 50, 200, 30, UI_FONT_TITLE, (ui_color){0, 0, 0, 255}, "I dag 18:00");
    draw_icon(&f, (ui_rect){300, 10, 48, 48}, ICON_CAT_FOOD, (ui_color){200, 0, 0, 255});
    render_present(r, &f);
    unsigned long made1, hits1, made2, hits2;
    render_stats(r, &made1, &hits1);
    assert_int_equal(made1, 4); /* two texts, one icon, and it mixed with the white under it */
    for (int i = 0; i < 5; i++)
        render_present(r, &f);
    render_stats(r, &made2, &hits2);
    assert_int_equal(made2, made1);
    assert_int_equal(hits2 - hits1, 10);
    /* A different colour is a different texture. */
    f.cmds[1].color = (ui_color){20, 20, 120, 255};
    render_present(r, &f);
    render_stats(r, &made2, NULL);
    assert_int_equal(made2, made1 + 1);
    ui_frame_free(&f);
    render_close(r);
}

/* What cannot be seen is not rasterised or kept: a scrolled list's texts below the fold and
 * outside its clip cost nothing, and the ones half in view are drawn. */
static void unseen_text_is_not_rasterised(void **state)
{
    (void)state;
    render *r = open_renderer(400, 200);
    set_fonts(r, 24);
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "t", 400, 200);
    const ui_color black = {0, 0, 0, 255};
    draw_rect(&f, (ui_rect){0, 0, 400, 200}, (ui_color){255, 255, 255, 255}, 0);
    draw_text(&f, 10, 230, 200, 30, UI_FONT_BODY, black, "Below the picture");
    draw_text(&f, 10, -40, 200, 30, UI_FONT_BODY, black, "Above the picture");
    draw_text(&f, 450, 10, 200, 30, UI_FONT_BODY, black, "Right of the picture");
    draw_icon(&f, (ui_rect){10, 300, 48, 48}, ICON_CAT_FOOD, black);
    draw_clip(&f, (ui_rect){0, 100, 400, 100});
    draw_text(&f, 10, 20, 200, 30, UI_FONT_BODY, black, "Outside the clip");
    draw_text(&f, 10, 180, 200, 30, UI_FONT_BODY, black, "Half in view");
    draw_clip(&f, (ui_rect){0, 0, 0, 0});
    render_present(r, &f);
    unsigned long made;
    render_stats(r, &made, NULL);
    assert_int_equal(made, 1); /* "Half in view" only */
    /* ... and it is drawn: dark pixels in the clip's last rows. */
    unsigned char *px;
    int w, h;
    vm_err err = {0};
    assert_int_equal(render_read_pixels(r, &px, &w, &h, &err), VM_OK);
    bool dark = false;
    for (int y = 180; y < 200 && !dark; y++)
        for (int x = 10; x < 210 && !dark; x++)
            dark = (pixel(px, w, x, y) & 0xFF) < 0x80;
    assert_true(dark);
    /* Nothing was drawn where the clip kept "Outside the clip" away. */
    for (int y = 20; y < 50; y++)
        for (int x = 10; x < 210; x++)
            assert_int_equal(pixel(px, w, x, y), 0xFFFFFF);
    free(px);
    ui_frame_free(&f);
    render_close(r);
}

static void shapes_and_qr_land_where_asked(void **state)
{
    (void)state;
    render *r = open_renderer(300, 200);
    set_fonts(r, 22);
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "t", 300, 200);
    draw_rect(&f, (ui_rect){0, 0, 300, 200}, (ui_color){255, 255, 255, 255}, 0);
    draw_rect(&f, (ui_rect){10, 10, 100, 60}, (ui_color){0, 0, 255, 255}, 20);
    /* A 3x3 "code": only the centre module dark, 10 px per module, quiet zone 4 modules. */
    static const uint8_t modules[9] = {0, 0, 0, 0, 1, 0, 0, 0, 0};
    draw_qr(&f, (ui_rect){150, 10, 110, 110}, modules, 3);
    render_draw(r, &f);
    unsigned char *px;
    int w, h;
    vm_err err = {0};
    assert_int_equal(render_read_pixels(r, &px, &w, &h, &err), VM_OK);
    assert_int_equal(w, 300);
    /* Inside the rectangle: blue. The very corner is rounded off: white. */
    assert_int_equal(pixel(px, w, 60, 40), 0x0000FF);
    assert_int_equal(pixel(px, w, 10, 10), 0xFFFFFF);
    assert_int_equal(pixel(px, w, 30, 12), 0x0000FF);
    /* 11 modules of 10 px: the dark centre module spans x 150+50..150+59. */
    assert_int_equal(pixel(px, w, 205, 65), 0x000000);
    assert_int_equal(pixel(px, w, 195, 65), 0xFFFFFF);
    assert_int_equal(pixel(px, w, 165, 25), 0xFFFFFF);
    free(px);
    ui_frame_free(&f);
    render_close(r);
}

/* A screen hung on its side: the picture is laid out portrait and turned; a touch maps back. */
static void rotation_turns_picture_and_touches(void **state)
{
    (void)state;
    render_options o = {.width = 300, .height = 200, .software = true, .rotation = 90};
    render *r = NULL;
    vm_err err = {0};
    assert_int_equal(render_open(&o, &r, &err), VM_OK);
    set_fonts(r, 22);
    int w, h;
    render_output_size(r, &w, &h);
    assert_int_equal(w, 200); /* laid out portrait */
    assert_int_equal(h, 300);
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "t", w, h);
    draw_rect(&f, (ui_rect){0, 0, w, h}, (ui_color){255, 255, 255, 255}, 0);
    draw_rect(&f, (ui_rect){0, 0, 40, 20}, (ui_color){255, 0, 0, 255}, 0); /* top-left */
    render_draw(r, &f);
    unsigned char *px;
    int pw, ph;
    assert_int_equal(render_read_pixels(r, &px, &pw, &ph, &err), VM_OK);
    assert_int_equal(pw, 300);
    /* Turned a quarter clockwise, the laid-out top-left lands at the physical top-right. */
    assert_int_equal(pixel(px, pw, 290, 10), 0xFF0000);
    assert_int_equal(pixel(px, pw, 10, 10), 0xFFFFFF);
    free(px);
    /* And a touch there maps back to the laid-out top-left. */
    int lx, ly;
    render_map_point(r, 290, 10, &lx, &ly);
    assert_in_range(lx, 0, 39);
    assert_in_range(ly, 0, 19);
    ui_frame_free(&f);
    render_close(r);
}

static void missing_fonts_are_a_plain_error(void **state)
{
    (void)state;
    render_options o = {.width = 100, .height = 100, .software = true,
                        .font_dir = "/nonexistent-fonts"};
    render *r = NULL;
    vm_err err = {0};
    assert_int_equal(render_open(&o, &r, &err), VM_ERR_NOT_FOUND);
    assert_null(r);
    assert_non_null(strstr(err.msg, "fonts-noto-core"));
}

/* With fonts_optional the window opens anyway, says the fonts are missing, and the built-in
 * letters draw the message: white on the dark background, centred, one band per line, and
 * a character it has no glyph for left blank rather than drawn as something else. */
static void missing_fonts_still_give_a_plain_message(void **state)
{
    (void)state;
    render_options o = {.width = 400, .height = 240, .software = true,
                        .font_dir = "/nonexistent-fonts", .fonts_optional = true};
    render *r = NULL;
    vm_err err = {0};
    assert_int_equal(render_open(&o, &r, &err), VM_OK);
    const char *why = NULL;
    assert_true(render_fonts_missing(r, &why));
    assert_non_null(why);
    assert_non_null(strstr(why, "fonts-noto-core"));

    const char *const lines[] = {"Skrifttyperne mangler.", "fonts-noto-core"};
    render_present_plain(r, lines, 2);
    unsigned char *px = NULL;
    int w = 0, h = 0;
    assert_int_equal(render_read_pixels(r, &px, &w, &h, &err), VM_OK);
    int lit = 0, top = h, bottom = -1, left = w, right = -1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (pixel(px, w, x, y) == 0xFFFFFFu) {
                lit++;
                top = y < top ? y : top;
                bottom = y > bottom ? y : bottom;
                left = x < left ? x : left;
                right = x > right ? x : right;
            }
    assert_int_equal(pixel(px, w, 0, 0), 0x1F2A44u); /* the background */
    assert_true(lit > 500);
    /* Centred (within a pixel block), and big: at least half the width (whole pixels). */
    assert_true(abs((left + right) / 2 - w / 2) <= 4);
    assert_true(abs((top + bottom) / 2 - h / 2) <= 12);
    assert_true(right - left >= w / 2);
    /* Two lines: a blank band between them. */
    int blank_rows = 0;
    for (int y = top; y <= bottom; y++) {
        bool any = false;
        for (int x = 0; x < w && !any; x++)
            any = pixel(px, w, x, y) == 0xFFFFFFu;
        blank_rows += !any;
    }
    assert_true(blank_rows > 0);
    free(px);

    /* A line of characters without glyphs draws nothing. */
    const char *const strange[] = {"\xE2\x82\xAC \xE2\x84\x96"};
    render_present_plain(r, strange, 1);
    assert_int_equal(render_read_pixels(r, &px, &w, &h, &err), VM_OK);
    lit = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            lit += pixel(px, w, x, y) == 0xFFFFFFu;
    assert_int_equal(lit, 0);
    free(px);
    render_close(r);
}

/* ---- goldens ------------------------------------------------------------------------------ */

static i18n_catalog *danish(void)
{
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, "da") == 0)
            return i18n_catalog_parse("da", src[i].text, src[i].len, NULL);
    return NULL;
}

static void entry(ui_entry *e, ui_arena *text, const char *uid, const char *title,
                  category cat, const char *start_local, int minutes, int capacity, int taken)
{
    memset(e, 0, sizeof *e);
    activity act;
    memset(&act, 0, sizeof act);
    activity *a = &act;
    snprintf(a->uid, sizeof a->uid, "%s", uid);
    snprintf(a->title, sizeof a->title, "%s", title);
    snprintf(a->place, sizeof a->place, "Fælleshuset");
    snprintf(a->host, sizeof a->host, "Hanne");
    snprintf(a->description, sizeof a->description,
             "Vi laver mad sammen og spiser ved de lange borde. Alle er velkomne.");
    a->category = cat;
    a->start = ts_time(start_local);
    a->end = a->start + minutes * 60;
    a->mode = capacity >= 0 ? SIGNUP_MODE_OPEN : SIGNUP_MODE_NONE;
    a->capacity = capacity > 0 ? capacity : 0;
    a->badges = capacity < 0 ? BADGE_FREE | BADGE_JUST_COME : BADGE_ALONE_OK;
    e->counts.heads_taken = taken;
    e->counts.signups = taken;
    assert_true(ui_activity_fill(&e->act, a, text));
}

static bool compare_golden(const char *name, const unsigned char *px, int w, int h)
{
    char golden[512], actual[512];
    snprintf(golden, sizeof golden, "%s", ts_source_path("tests/render/golden/"));
    strncat(golden, name, sizeof golden - strlen(golden) - 5);
    strcat(golden, ".png");
    cairo_surface_t *mine = cairo_image_surface_create_for_data(
        (unsigned char *)px, CAIRO_FORMAT_RGB24, w, h, w * 4);
    const char *update = getenv("VAERMED_UPDATE_GOLDEN");
    if (update && *update == '1') {
        cairo_surface_write_to_png(mine, golden);
        cairo_surface_destroy(mine);
        print_message("rewrote %s\n", golden);
        return true;
    }
    cairo_surface_t *want = cairo_image_surface_create_from_png(golden);
    bool ok = false;
    long differing = 0;
    if (cairo_surface_status(want) != CAIRO_STATUS_SUCCESS)
        print_error("there is no golden image %s (VAERMED_UPDATE_GOLDEN=1 writes it)\n", golden);
    else if (cairo_image_surface_get_width(want) != w || cairo_image_surface_get_height(want) != h)
        print_error("the golden image %s is not %dx%d\n", golden, w, h);
    else {
        cairo_surface_flush(want);
        const unsigned char *g = cairo_image_surface_get_data(want);
        int stride = cairo_image_surface_get_stride(want);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                const unsigned char *a = g + (size_t)y * (size_t)stride + (size_t)x * 4;
                const unsigned char *b = px + ((size_t)y * (size_t)w + (size_t)x) * 4;
                for (int c = 0; c < 3; c++)
                    if (abs(a[c] - b[c]) > 40) {
                        differing++;
                        break;
                    }
            }
        /* A different font rasteriser moves anti-aliased edges, not whole shapes. */
        ok = differing <= (long)w * h / 200;
    }
    if (!ok) {
        snprintf(actual, sizeof actual, "%s/%s_actual.png",
                 getenv("VAERMED_TEST_TMP") ? getenv("VAERMED_TEST_TMP") : "/tmp", name);
        cairo_surface_write_to_png(mine, actual);
        print_error("%s differs from the golden in %ld pixels; see %s\n", name, differing,
                    actual);
    }
    cairo_surface_destroy(want);
    cairo_surface_destroy(mine);
    return ok;
}

/* Draws the golden screen; `px` gets its pixels (the caller frees them). */
static unsigned long texts_copied, icons_copied, corners_copied; /* by the last draw_golden_screen */

static void draw_golden_screen_texts(int w, int h, bool open_detail, bool blend_opaque_fills,
                                     bool blend_texts, unsigned char **px, int *pw, int *ph)
{
    render_options ro = {.title = "test", .width = w, .height = h, .software = true,
                         .blend_opaque_fills = blend_opaque_fills, .blend_texts = blend_texts};
    render *r = NULL;
    vm_err err = {0};
    if (render_open(&ro, &r, &err) != VM_OK)
        fail_msg("render_open: %s", err.msg);
    i18n_catalog *da = danish();
    assert_non_null(da);
    const i18n_catalog *langs[] = {da};
    ui_entry entries[4];
    ui_arena text = {0};
    entry(&entries[0], &text, "spis-1", "Fællesspisning", CAT_FOOD, "2026-11-23 18:00", 120,
          40, 31);
    entry(&entries[1], &text, "gaa-1", "Gåtur i parken", CAT_WALK, "2026-11-24 10:00", 60, -1,
          0);
    entry(&entries[2], &text, "banko-1", "Banko", CAT_GAMES, "2026-11-26 19:00", 120, 30, 30);
    entries[2].counts.waiting = 2;
    entry(&entries[3], &text, "strik-1", "Strikkecafé", CAT_CRAFTS, "2026-12-02 14:00", 120, 0,
          3);
    ui_model m = {.entries = entries, .n_entries = 4, .langs = langs, .n_langs = 1,
                  .estate_name = "Fælleshuset Solbakken"};
    ui_options o = {.width = w, .height = h, .idle_ms = 60000};
    ui *u = ui_new(&o);
    assert_non_null(u);
    int sizes[UI_FONT_COUNT];
    ui_font_sizes(u, sizes);
    assert_int_equal(render_set_font_sizes(r, sizes, &err), VM_OK);
    ui_measure meas = render_measure(r);
    int64_t now_ms = ts_time("2026-11-23 09:30") * 1000;
    ui_frame f;
    ui_frame_init(&f);
    ui_build(u, &m, &meas, now_ms, &f);
    if (open_detail) {
        const ui_widget *card = ui_frame_find(&f, "card:spis-1");
        assert_non_null(card);
        ui_input in = {.kind = UI_IN_DOWN, .x = card->rect.x + 10, .y = card->rect.y + 10};
        now_ms += 1000;
        ui_handle(u, &m, &in, now_ms);
        in.kind = UI_IN_UP;
        ui_handle(u, &m, &in, now_ms + 80);
        now_ms += 2000;
        ui_tick(u, &m, now_ms);
        ui_build(u, &m, &meas, now_ms, &f);
        assert_string_equal(f.screen, "detail");
    }
    render_draw(r, &f);
    assert_int_equal(render_read_pixels(r, px, pw, ph, &err), VM_OK);
    render_copied(r, &texts_copied, &icons_copied, &corners_copied);
    ui_frame_free(&f);
    ui_free(u);
    ui_arena_free(&text);
    i18n_catalog_free(da);
    render_close(r);
}

static void draw_golden_screen(int w, int h, bool open_detail, bool blend_opaque_fills,
                               unsigned char **px, int *pw, int *ph)
{
    draw_golden_screen_texts(w, h, open_detail, blend_opaque_fills, false, px, pw, ph);
}

static void golden(const char *name, int w, int h, bool open_detail)
{
    unsigned char *px;
    int pw, ph;
    draw_golden_screen(w, h, open_detail, false, &px, &pw, &ph);
    assert_true(compare_golden(name, px, pw, ph));
    free(px);
}

/* Opaque fills are copied, not blended (a 1080p frame on the software renderer was mostly
 * blending): the pictures must be the same to the last byte, not just within the goldens'
 * tolerance. */
static void opaque_fills_copied_give_the_blended_picture(void **state)
{
    (void)state;
    const struct {
        int w, h;
        bool detail;
    } screens[] = {{800, 480, false}, {800, 480, true}, {1920, 1080, false}};
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        unsigned char *copied, *blended;
        int w1, h1, w2, h2;
        draw_golden_screen(screens[i].w, screens[i].h, screens[i].detail, false, &copied, &w1,
                           &h1);
        draw_golden_screen(screens[i].w, screens[i].h, screens[i].detail, true, &blended, &w2,
                           &h2);
        assert_int_equal(w1, w2);
        assert_int_equal(h1, h2);
        assert_memory_equal(copied, blended, (size_t)w1 * (size_t)h1 * 4);
        free(copied);
        free(blended);
    }
    /* and a translucent fill (a dimmed layer) over them is still blended */
    unsigned char *px[2];
    for (int blend = 0; blend < 2; blend++) {
        render_options ro = {.title = "test", .width = 200, .height = 100, .software = true,
                             .blend_opaque_fills = blend};
        render *r = NULL;
        vm_err err = {0};
        assert_int_equal(render_open(&ro, &r, &err), VM_OK);
        ui_frame f;
        ui_frame_init(&f);
        ui_frame_reset(&f, "t", 200, 100);
        draw_rect(&f, (ui_rect){0, 0, 200, 100}, (ui_color){250, 240, 220, 255}, 0);
        draw_rect(&f, (ui_rect){20, 10, 120, 60}, (ui_color){30, 90, 160, 255}, 12);
        draw_rect(&f, (ui_rect){60, 30, 120, 60}, (ui_color){0, 0, 0, 128}, 0);
        render_draw(r, &f);
        int w, h;
        assert_int_equal(render_read_pixels(r, &px[blend], &w, &h, &err), VM_OK);
        ui_frame_free(&f);
        render_close(r);
    }
    assert_memory_equal(px[0], px[1], 200 * 100 * 4);
    uint32_t dimmed = pixel(px[0], 200, 150, 80);
    assert_true(dimmed != 0 && dimmed != 0x00FAF0DCu); /* mixed, neither black nor paper */
    free(px[0]);
    free(px[1]);
}

/* A hand-made 300x120 frame drawn in software, its texts, pictograms and corners copied
 * (blend 0) or blended (1): how many texts and corners were copied, and the picture. */
typedef struct small_drawn {
    unsigned char *px;
    unsigned long copied, corners;
} small_drawn;

static small_drawn draw_small(void (*build)(ui_frame *f), int blend)
{
    render_options ro = {.title = "test", .width = 300, .height = 120, .software = true,
                         .blend_texts = blend};
    render *r = NULL;
    vm_err err = {0};
    assert_int_equal(render_open(&ro, &r, &err), VM_OK);
    int sizes[UI_FONT_COUNT];
    for (int k = 0; k < UI_FONT_COUNT; k++)
        sizes[k] = 24;
    assert_int_equal(render_set_font_sizes(r, sizes, &err), VM_OK);
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "t", 300, 120);
    build(&f);
    render_draw(r, &f);
    small_drawn out = {0};
    int w, h;
    assert_int_equal(render_read_pixels(r, &out.px, &w, &h, &err), VM_OK);
    assert_int_equal(w, 300);
    assert_int_equal(h, 120);
    render_copied(r, &out.copied, NULL, &out.corners);
    ui_frame_free(&f);
    render_close(r);
    return out;
}

/* The frame `build` drawn both ways: with copies, `texts` texts and `corners` corners were
 * copied; blended, none; and the two pictures are the same, byte for byte. */
static void copies_are_blending(void (*build)(ui_frame *f), unsigned long texts,
                                unsigned long corners)
{
    small_drawn copied = draw_small(build, 0);
    small_drawn blended = draw_small(build, 1);
    assert_int_equal(copied.copied, texts);
    assert_int_equal(copied.corners, corners);
    assert_int_equal(blended.copied, 0);
    assert_int_equal(blended.corners, 0);
    assert_memory_equal(copied.px, blended.px, 300 * 120 * 4);
    free(copied.px);
    free(blended.px);
}

/* a text across two colours, on a rounded corner, and over a translucent layer, one on a
 * plain fill; a rounded rectangle and two outlines */
static void build_mixed_frame(ui_frame *f)
{
    draw_rect(f, (ui_rect){0, 0, 300, 120}, (ui_color){250, 240, 220, 255}, 0);
    draw_rect(f, (ui_rect){0, 0, 150, 60}, (ui_color){30, 90, 160, 255}, 12);
    draw_text(f, 100, 10, 150, 40, UI_FONT_BODY, (ui_color){20, 20, 20, 255}, "Halvt");
    draw_text(f, 2, 2, 100, 40, UI_FONT_BODY, (ui_color){255, 255, 255, 255}, "Hjørne");
    draw_text(f, 160, 70, 100, 40, UI_FONT_BODY, (ui_color){20, 20, 20, 255}, "Papir");
    draw_rect(f, (ui_rect){150, 60, 150, 60}, (ui_color){0, 0, 0, 100}, 0);
    draw_text(f, 160, 70, 100, 40, UI_FONT_BODY, (ui_color){255, 255, 255, 255}, "Dæmpet");
    draw_frame(f, (ui_rect){0, 0, 150, 60}, (ui_color){200, 40, 40, 255}, 3, 12);
    draw_frame(f, (ui_rect){140, 50, 160, 70}, (ui_color){20, 120, 40, 255}, 2, 10);
}

/* Texts and pictograms on one opaque colour (a card, the header, the background, a
 * pictogram's square) are mixed with it once and copied, not blended on every frame: most of
 * a 1080p home screen's, and the picture the same to the last byte as blending them all. */
static void texts_copied_give_the_blended_picture(void **state)
{
    (void)state;
    const struct {
        int w, h;
        bool detail;
    } screens[] = {{800, 480, false}, {800, 480, true}, {1920, 1080, false}, {1920, 1080, true}};
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        unsigned char *copied, *blended;
        int w1, h1, w2, h2;
        draw_golden_screen_texts(screens[i].w, screens[i].h, screens[i].detail, false, false,
                                 &copied, &w1, &h1);
        unsigned long n_copied = texts_copied, n_icons = icons_copied;
        unsigned long n_corners = corners_copied;
        draw_golden_screen_texts(screens[i].w, screens[i].h, screens[i].detail, false, true,
                                 &blended, &w2, &h2);
        assert_int_equal(texts_copied, 0);
        assert_int_equal(icons_copied, 0);
        assert_int_equal(corners_copied, 0);
        assert_true(n_copied >= 5);
        assert_true(n_corners >= 4); /* a rounded shape on the background */
        if (!screens[i].detail)
            assert_true(n_icons >= 2); /* the cards' pictograms on their squares */
        assert_int_equal(w1, w2);
        assert_int_equal(h1, h2);
        assert_memory_equal(copied, blended, (size_t)w1 * (size_t)h1 * 4);
        free(copied);
        free(blended);
    }
    /* a text across two colours, on a rounded corner, and over a translucent layer is
     * blended as before; one on a plain fill is copied. The rounded rectangle's corners lie
     * on the plain background and are copied; the outline's corners lie on the rectangle's
     * rounded corners (not one colour) and on the translucent layer: blended */
    /* one text, "Papir"; six corners: the rectangle's four and the green outline's
     * top-right and bottom-left, on the background; not its top-left (on the rectangle's
     * rounded corner), its bottom-right (on the translucent layer), nor the red outline's
     * (on the rectangle's corners) */
    copies_are_blending(build_mixed_frame, 1, 6);
}

/* A fill drawn inside a clip covers only its rectangle within that clip: the shapes drawn
 * after the clip is lifted are mixed with the colour really beneath them, and copied. */
static void build_clipped_frame(ui_frame *f)
{
    draw_rect(f, (ui_rect){0, 0, 300, 120}, (ui_color){250, 240, 220, 255}, 0);
    /* blue over the whole picture, but clipped to its left half */
    draw_clip(f, (ui_rect){0, 0, 150, 120});
    draw_rect(f, (ui_rect){0, 0, 300, 120}, (ui_color){30, 90, 160, 255}, 0);
    draw_clip(f, (ui_rect){0, 0, 300, 120});
    /* corners on the paper (right half): 4 */
    draw_rect(f, (ui_rect){170, 10, 100, 60}, (ui_color){200, 40, 40, 255}, 12);
    /* corners on the blue (left half): 4 */
    draw_rect(f, (ui_rect){20, 10, 100, 60}, (ui_color){20, 120, 40, 255}, 12);
    /* the left corners across the blue's edge (blended), the right ones on paper: 2 */
    draw_rect(f, (ui_rect){145, 90, 30, 20}, (ui_color){120, 60, 20, 255}, 8);
    /* a text on the red card, cut by a clip: what it may draw is on the red: copied */
    draw_clip(f, (ui_rect){0, 0, 300, 45});
    draw_text(f, 180, 20, 90, 40, UI_FONT_BODY, (ui_color){255, 255, 255, 255}, "Klip");
    draw_clip(f, (ui_rect){0, 0, 0, 0});
}

static void clips_are_looked_past(void **state)
{
    (void)state;
    copies_are_blending(build_clipped_frame, 1, 10);
}

static void golden_home_800x480(void **state)
{
    (void)state;
    golden("home-800x480", 800, 480, false);
}

static void golden_detail_800x480(void **state)
{
    (void)state;
    golden("detail-800x480", 800, 480, true);
}

static void golden_home_1920x1080(void **state)
{
    (void)state;
    golden("home-1920x1080", 1920, 1080, false);
}

static int setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    return SDL_Init(SDL_INIT_VIDEO) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    SDL_Quit();
    return 0;
}

/* Without a GPU device node, GL would be Mesa's llvmpipe on the CPU: the renderer chooses
 * SDL's software renderer (and no GL behind the window) by itself, unless a render driver is
 * asked for by name. With a node it tries the accelerated renderer (the dummy video driver
 * has none, so it falls back: a different reason). */
static void no_gpu_draws_in_software_unless_a_driver_is_asked_for(void **state)
{
    (void)state;
    char dir[] = "/tmp/vaermed-dri-XXXXXX";
    assert_non_null(mkdtemp(dir));
    render_options o = {.title = "test", .width = 64, .height = 48, .gpu_dir = dir};
    vm_err err = {0};
    render *r = NULL;
    const char *before = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    char *saved = before ? strdup(before) : NULL;

    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "");
    assert_int_equal(render_open(&o, &r, &err), VM_OK);
    assert_int_equal(render_software_reason(r), RENDER_SW_NO_GPU);
    render_close(r);

    o.software = true; /* asked for: that is the reason, whatever the machine has */
    assert_int_equal(render_open(&o, &r, &err), VM_OK);
    assert_int_equal(render_software_reason(r), RENDER_SW_ASKED);
    render_close(r);
    o.software = false;

    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2"); /* asked by name: tried, not skipped */
    assert_int_equal(render_open(&o, &r, &err), VM_OK);
    assert_int_not_equal(render_software_reason(r), RENDER_SW_NO_GPU);
    render_close(r);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "");

    char node[sizeof dir + 16];
    snprintf(node, sizeof node, "%s/renderD128", dir);
    FILE *f = fopen(node, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(render_open(&o, &r, &err), VM_OK);
    assert_int_not_equal(render_software_reason(r), RENDER_SW_NO_GPU);
    render_close(r);

    remove(node);
    rmdir(dir);
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, saved ? saved : "");
    free(saved);
}

/* Roles of one weight share one open face, set to the role's size when handed out (each
 * TTF_Font holds its own FreeType face and HarfBuzz tables); another script's face is opened
 * only when a text in that script asks for it. */
static void roles_share_a_face_at_their_own_size(void **state)
{
    (void)state;
    assert_true(TTF_WasInit() || TTF_Init() == 0);
    fonts f;
    vm_err err = {0};
    assert_int_equal(fonts_init(&f, NULL, &err), VM_OK);
    int sizes[UI_FONT_COUNT] = {22, 26, 26, 31, 41};
    assert_int_equal(fonts_set_sizes(&f, sizes, &err), VM_OK);
    /* the same size as a face opened alone at it */
    int alone[UI_FONT_COUNT];
    for (int role = 0; role < UI_FONT_COUNT; role++) {
        bool bold = role == UI_FONT_BOLD || role == UI_FONT_TITLE || role == UI_FONT_HUGE;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", f.dir,
                 bold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf");
        TTF_Font *one = TTF_OpenFont(path, sizes[role]);
        assert_non_null(one);
        alone[role] = TTF_FontHeight(one);
        TTF_CloseFont(one);
    }
    TTF_Font *small = fonts_get(&f, UI_FONT_SMALL, SCRIPT_LATIN);
    assert_int_equal(TTF_FontHeight(small), alone[UI_FONT_SMALL]);
    TTF_Font *body = fonts_get(&f, UI_FONT_BODY, SCRIPT_LATIN);
    assert_ptr_equal(body, small);
    assert_int_equal(TTF_FontHeight(body), alone[UI_FONT_BODY]);
    TTF_Font *bold = fonts_get(&f, UI_FONT_BOLD, SCRIPT_LATIN);
    assert_ptr_not_equal(bold, body);
    assert_int_equal(TTF_FontHeight(bold), alone[UI_FONT_BOLD]);
    assert_ptr_equal(fonts_get(&f, UI_FONT_HUGE, SCRIPT_LATIN), bold);
    assert_int_equal(TTF_FontHeight(bold), alone[UI_FONT_HUGE]);
    assert_ptr_equal(fonts_get(&f, UI_FONT_TITLE, SCRIPT_LATIN), bold);
    assert_int_equal(TTF_FontHeight(bold), alone[UI_FONT_TITLE]);
    assert_int_equal(TTF_FontHeight(fonts_get(&f, UI_FONT_SMALL, SCRIPT_LATIN)),
                     alone[UI_FONT_SMALL]);
    /* two Latin faces open, nothing of the other scripts */
    for (int bold_w = 0; bold_w < 2; bold_w++)
        for (int s = SCRIPT_LATIN + 1; s < SCRIPT_COUNT; s++)
            assert_null(f.face[bold_w][s]);
    TTF_Font *arabic = fonts_get(&f, UI_FONT_BODY, SCRIPT_ARABIC);
    assert_non_null(arabic);
    char path[1024];
    snprintf(path, sizeof path, "%s/NotoSansArabic-Regular.ttf", f.dir);
    if (access(path, R_OK) == 0) { /* else the Latin face stands in */
        assert_ptr_equal(arabic, f.face[0][SCRIPT_ARABIC]);
        assert_ptr_not_equal(arabic, body);
    }
    assert_null(f.face[1][SCRIPT_ARABIC]);
    assert_null(f.face[0][SCRIPT_ETHIOPIC]);
    fonts_close(&f);
    assert_null(f.face[0][SCRIPT_LATIN]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_is_rasterised_once),
        cmocka_unit_test(unseen_text_is_not_rasterised),
        cmocka_unit_test(roles_share_a_face_at_their_own_size),
        cmocka_unit_test(shapes_and_qr_land_where_asked),
        cmocka_unit_test(rotation_turns_picture_and_touches),
        cmocka_unit_test(missing_fonts_are_a_plain_error),
        cmocka_unit_test(missing_fonts_still_give_a_plain_message),
        cmocka_unit_test(texts_copied_give_the_blended_picture),
        cmocka_unit_test(clips_are_looked_past),
        cmocka_unit_test(golden_home_800x480),
        cmocka_unit_test(golden_detail_800x480),
        cmocka_unit_test(golden_home_1920x1080),
        cmocka_unit_test(opaque_fills_copied_give_the_blended_picture),
        cmocka_unit_test(no_gpu_draws_in_software_unless_a_driver_is_asked_for),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
