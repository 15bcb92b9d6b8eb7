/* icons: every pictogram draws, fits its square, and both drawing paths agree. Writes a
 * contact sheet (icons_sheet.png) to look at by eye. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icons/icons_cairo.h"

static unsigned alpha_at(const unsigned char *px, int size, int x, int y)
{
    uint32_t v;
    memcpy(&v, px + ((size_t)y * size + x) * 4, 4);
    return v >> 24;
}

static void test_every_icon_draws_inside_its_square(void **state)
{
    (void)state;
    const int sizes[] = {24, 32, 64, 128};
    for (int id = ICON_NONE + 1; id < ICON_COUNT; id++) {
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            int n = sizes[k];
            unsigned char *px = icons_rasterise((icon_id)id, n);
            assert_non_null(px);
            char problem[160] = "";
            long inked = 0;
            for (int y = 0; y < n; y++)
                for (int x = 0; x < n; x++) {
                    uint32_t v;
                    memcpy(&v, px + ((size_t)y * n + x) * 4, 4);
                    unsigned a = v >> 24, r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
                    /* premultiplied white: every channel equals alpha */
                    if (r != a || g != a || b != a)
                        snprintf(problem, sizeof problem, "pixel %d,%d is not white", x, y);
                    if (a > 127)
                        inked++;
                }
            /* a pictogram fills a good part of its square, not a speck */
            if (inked < (long)n * n / 10)
                snprintf(problem, sizeof problem, "only %ld of %d pixels inked", inked, n * n);
            /* The drawing is clipped to the square, so a shape that overflows would show as
             * ink on the outermost pixels. Checked at sizes where the margin is > 2 px. */
            for (int i = 0; n >= 64 && i < n; i++) {
                unsigned edge = alpha_at(px, n, i, 0) | alpha_at(px, n, i, n - 1) |
                                alpha_at(px, n, 0, i) | alpha_at(px, n, n - 1, i);
                if (edge)
                    snprintf(problem, sizeof problem, "touches the edge of its square near %d",
                             i);
            }
            free(px);
            if (problem[0])
                fail_msg("%s at %d px: %s", icon_name(id), n, problem);
        }
    }
}

static void test_unknown_and_bad_sizes(void **state)
{
    (void)state;
    assert_null(icons_rasterise(ICON_CAT_FOOD, 0));
    assert_null(icons_rasterise(ICON_CAT_FOOD, -3));
    const icon_id unknown[] = {ICON_NONE, ICON_COUNT, (icon_id)(ICON_COUNT + 7)};
    for (size_t i = 0; i < 3; i++) {
        unsigned char *px = icons_rasterise(unknown[i], 16);
        assert_non_null(px);
        for (int j = 0; j < 16 * 16 * 4; j++)
            assert_int_equal(px[j], 0);
        free(px);
    }
    icons_draw(NULL, ICON_CAT_FOOD, 0, 0, 10, 0, 0, 0, 1); /* NULL-safe */
}

static void test_icons_are_distinct(void **state)
{
    (void)state;
    enum { N = 32 };
    unsigned char *px[ICON_COUNT] = {0};
    for (int id = 1; id < ICON_COUNT; id++)
        px[id] = icons_rasterise((icon_id)id, N);
    for (int a = 1; a < ICON_COUNT; a++)
        for (int b = a + 1; b < ICON_COUNT; b++) {
            long diff = 0;
            for (int i = 0; i < N * N * 4; i += 4)
                diff += abs((int)px[a][i + 3] - (int)px[b][i + 3]) > 128;
            if (diff < N * N / 20)
                fail_msg("%s and %s look alike (%ld pixels differ)", icon_name(a),
                         icon_name(b), diff);
        }
    for (int id = 1; id < ICON_COUNT; id++)
        free(px[id]);
}

static cairo_surface_t *white_surface(int w, int h)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_destroy(cr);
    return s;
}

static void test_draw_stays_in_place_and_leaves_state(void **state)
{
    (void)state;
    enum { S = 40 };
    for (int id = 1; id < ICON_COUNT; id++) {
        for (int path = 0; path < 2; path++) {
            cairo_surface_t *s = white_surface(3 * S, 3 * S);
            cairo_t *cr = cairo_create(s);
            cairo_set_source_rgb(cr, 0, 1, 0);
            cairo_set_operator(cr, CAIRO_OPERATOR_XOR);
            cairo_set_line_width(cr, 7);
            cairo_matrix_t before, after;
            cairo_get_matrix(cr, &before);
            if (path == 0)
                icons_draw(cr, (icon_id)id, S, S, S, 1, 0, 0, 1);
            else
                icons_draw_on(cr, (icon_id)id, S, S, S, 1, 0, 0, 1, 1, 1);
            cairo_get_matrix(cr, &after);
            assert_memory_equal(&before, &after, sizeof before);
            assert_int_equal(cairo_get_operator(cr), CAIRO_OPERATOR_XOR);
            assert_true(cairo_get_line_width(cr) == 7);
            double r, g, b, a;
            assert_int_equal(cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a),
                             CAIRO_STATUS_SUCCESS);
            assert_true(r == 0 && g == 1 && b == 0);
            cairo_destroy(cr);
            cairo_surface_flush(s);
            const unsigned char *px = cairo_image_surface_get_data(s);
            int stride = cairo_image_surface_get_stride(s);
            long red = 0;
            for (int y = 0; y < 3 * S; y++)
                for (int x = 0; x < 3 * S; x++) {
                    uint32_t v;
                    memcpy(&v, px + (size_t)y * stride + x * 4, 4);
                    bool inside = x >= S && x < 2 * S && y >= S && y < 2 * S;
                    if (!inside && v != 0xffffffffu)
                        fail_msg("%s (path %d) drew outside its square at %d,%d",
                                 icon_name(id), path, x, y);
                    if (inside && ((v >> 16) & 255) > 200 && ((v >> 8) & 255) < 60)
                        red++;
                }
            if (red < S * S / 10)
                fail_msg("%s (path %d) drew little in its colour: %ld px", icon_name(id), path,
                         red);
            cairo_surface_destroy(s);
        }
    }
}

/* Without its clip (for a PDF form, icons_cairo.h) a pictogram draws the same pixels inside
 * its square and next to nothing outside it: no shape reaches past the square, at most a
 * round cap's anti-aliased hair. */
static void test_unclipped_stays_in_its_square(void **state)
{
    (void)state;
    enum { S = 96 };
    for (int id = 1; id < ICON_COUNT; id++) {
        cairo_surface_t *a = white_surface(3 * S, 3 * S), *b = white_surface(3 * S, 3 * S);
        cairo_t *ca = cairo_create(a), *cb = cairo_create(b);
        icons_draw_on(ca, (icon_id)id, S, S, S, 0, 0, 0, 1, 1, 1);
        icons_draw_on_unclipped(cb, (icon_id)id, S, S, S, 0, 0, 0, 1, 1, 1);
        cairo_destroy(ca);
        cairo_destroy(cb);
        cairo_surface_flush(a);
        cairo_surface_flush(b);
        const unsigned char *pa = cairo_image_surface_get_data(a);
        const unsigned char *pb = cairo_image_surface_get_data(b);
        int stride = cairo_image_surface_get_stride(a);
        long inked = 0;
        for (int y = 0; y < 3 * S; y++)
            for (int x = 0; x < 3 * S; x++) {
                int ga = pa[(size_t)y * stride + x * 4 + 1], gb = pb[(size_t)y * stride + x * 4 + 1];
                bool inside = x >= S && x < 2 * S && y >= S && y < 2 * S;
                inked += inside && gb < 128;
                if (inside && ga != gb)
                    fail_msg("%s: unclipped, %d,%d inside its square is %d, clipped %d",
                             icon_name(id), x, y, gb, ga);
                if (!inside && gb < 255 - 8)
                    fail_msg("%s: unclipped, it reaches %d,%d outside its square (%d)",
                             icon_name(id), x, y, gb);
            }
        assert_true(inked > S * S / 10);
        cairo_surface_destroy(a);
        cairo_surface_destroy(b);
    }
}

/* The vector path (holes painted in the paper colour) looks like the screen path on white. */
static void test_paper_path_matches_screen_path(void **state)
{
    (void)state;
    enum { S = 48 };
    for (int id = 1; id < ICON_COUNT; id++) {
        cairo_surface_t *a = white_surface(S, S), *b = white_surface(S, S);
        cairo_t *ca = cairo_create(a), *cb = cairo_create(b);
        icons_draw(ca, (icon_id)id, 0, 0, S, 0, 0, 0, 1);
        icons_draw_on(cb, (icon_id)id, 0, 0, S, 0, 0, 0, 1, 1, 1);
        cairo_destroy(ca);
        cairo_destroy(cb);
        cairo_surface_flush(a);
        cairo_surface_flush(b);
        const unsigned char *pa = cairo_image_surface_get_data(a);
        const unsigned char *pb = cairo_image_surface_get_data(b);
        int stride = cairo_image_surface_get_stride(a);
        long off = 0;
        for (int y = 0; y < S; y++)
            for (int x = 0; x < S; x++)
                off += abs((int)pa[y * stride + x * 4] - (int)pb[y * stride + x * 4]) > 100;
        /* antialiased edges may differ a little where a cut meets an edge; shapes may not */
        if (off > S * S / 50)
            fail_msg("%s: paper path differs from screen path in %ld pixels", icon_name(id),
                     off);
        cairo_surface_destroy(a);
        cairo_surface_destroy(b);
    }
}

/* The screen's pictograms (FreeType) are the printed ones (cairo): the same drawings through
 * two rasterisers may differ only in the anti-aliasing of their edges. */
static void test_screen_raster_matches_cairo(void **state)
{
    (void)state;
    const int sizes[] = {24, 48, 96, 160};
    for (int id = 1; id < ICON_COUNT; id++)
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            int n = sizes[k];
            unsigned char *mine = icons_rasterise((icon_id)id, n);
            assert_non_null(mine);
            cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, n, n);
            cairo_t *cr = cairo_create(s);
            icons_draw(cr, (icon_id)id, 0, 0, n, 1, 1, 1, 1);
            cairo_destroy(cr);
            cairo_surface_flush(s);
            const unsigned char *ref = cairo_image_surface_get_data(s);
            int stride = cairo_image_surface_get_stride(s);
            long off = 0, sum = 0;
            int worst = 0;
            for (int y = 0; y < n; y++)
                for (int x = 0; x < n; x++) {
                    int a = alpha_at(mine, n, x, y);
                    uint32_t v;
                    memcpy(&v, ref + (size_t)y * stride + x * 4, 4);
                    int d = abs(a - (int)(v >> 24));
                    sum += d;
                    off += d > 96;
                    if (d > worst)
                        worst = d;
                }
            if (getenv("ICONS_VERBOSE"))
                print_message("%-16s %3d px: mean %.2f, worst %d, %ld far off\n",
                              icon_name((icon_id)id), n, (double)sum / (n * n), worst, off);
            if (off > (long)n * n / 200 || sum > (long)n * n * 3)
                fail_msg("%s at %d px: the screen's raster differs from cairo's (mean %.2f, "
                         "%ld pixels far off)",
                         icon_name((icon_id)id), n, (double)sum / (n * n), off);
            cairo_surface_destroy(s);
            free(mine);
        }
}

/* Not an assertion: the sheet is for eyes. Three sizes per icon, on light and dark. */
static void test_write_contact_sheet(void **state)
{
    (void)state;
    const int sizes[] = {96, 48, 32, 24};
    const int cols = 6, cell_w = 96 + 48 + 32 + 24 + 4 * 10 + 10, cell_h = 96 + 30;
    int n = ICON_COUNT - 1, rows = (n + cols - 1) / cols;
    cairo_surface_t *s = white_surface(cols * cell_w, rows * cell_h);
    cairo_t *cr = cairo_create(s);
    for (int id = 1; id < ICON_COUNT; id++) {
        int c = (id - 1) % cols, r = (id - 1) / cols;
        double x = c * cell_w + 10, y = r * cell_h + 6;
        for (int k = 0; k < 4; k++) {
            bool dark = k == 2;
            cairo_set_source_rgb(cr, dark ? 0.13 : 0.93, dark ? 0.16 : 0.93, dark ? 0.22 : 0.93);
            cairo_rectangle(cr, x, y, sizes[k], sizes[k]);
            cairo_fill(cr);
            if (dark)
                icons_draw(cr, (icon_id)id, x, y, sizes[k], 1, 1, 1, 1);
            else
                icons_draw(cr, (icon_id)id, x, y, sizes[k], 0.1, 0.12, 0.2, 1);
            x += sizes[k] + 10;
        }
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 13);
        cairo_move_to(cr, c * cell_w + 10, r * cell_h + 96 + 22);
        cairo_show_text(cr, icon_name((icon_id)id));
    }
    cairo_destroy(cr);
    const char *dir = ts_fresh_dir("icons");
    const char *path = ts_path(dir, "icons_sheet.png");
    assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    size_t len = 0;
    char *png = ts_read_file(path, &len);
    assert_non_null(png);
    assert_true(len > 8 && memcmp(png, "\x89PNG", 4) == 0);
    free(png);
    print_message("contact sheet: %s\n", path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_icon_draws_inside_its_square),
        cmocka_unit_test(test_unknown_and_bad_sizes),
        cmocka_unit_test(test_icons_are_distinct),
        cmocka_unit_test(test_draw_stays_in_place_and_leaves_state),
        cmocka_unit_test(test_unclipped_stays_in_its_square),
        cmocka_unit_test(test_paper_path_matches_screen_path),
        cmocka_unit_test(test_screen_raster_matches_cairo),
        cmocka_unit_test(test_write_contact_sheet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
