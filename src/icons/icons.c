/* icons: see icons.h. Each pictogram is a function drawing in the unit square with the pen
 * of icons_pen.h; the drawings keep a margin of about 0.04 so strokes never leave the square.
 * They were tuned by eye on the contact sheet the icons test writes (icons_sheet.png). */
#include "icons/icons.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "icons/icons_pen.h"

#define P(...) (const double[]){__VA_ARGS__}
#define NPTS(...) ((int)(sizeof((const double[]){__VA_ARGS__}) / sizeof(double) / 2))
#define LINE(cr, w, ...) pen_line(cr, w, NPTS(__VA_ARGS__), P(__VA_ARGS__))
#define POLY(cr, round, ...) pen_poly(cr, round, NPTS(__VA_ARGS__), P(__VA_ARGS__))

/* ---- categories ---- */

static void draw_other(cairo_t *cr)
{
    /* a star: "something is on" */
    double pts[20];
    for (int i = 0; i < 10; i++) {
        double r = (i % 2) ? 0.19 : 0.42, a = -M_PI / 2 + i * M_PI / 5;
        pts[2 * i] = 0.5 + r * cos(a);
        pts[2 * i + 1] = 0.55 + r * sin(a);
    }
    pen_poly(cr, 0.07, 10, pts);
}

static void draw_food(cairo_t *cr)
{
    /* plate between fork and knife */
    pen_ring(cr, 0.5, 0.52, 0.23, 0.075);
    pen_disc(cr, 0.5, 0.52, 0.11);
    /* fork */
    for (int i = 0; i < 3; i++)
        pen_seg(cr, 0.04, 0.06 + i * 0.065, 0.1, 0.06 + i * 0.065, 0.3);
    pen_rrect(cr, 0.04, 0.27, 0.17, 0.12, 0.05);
    pen_seg(cr, 0.07, 0.125, 0.36, 0.125, 0.9);
    /* knife */
    cairo_new_path(cr);
    cairo_move_to(cr, 0.84, 0.56);
    cairo_line_to(cr, 0.84, 0.2);
    cairo_curve_to(cr, 0.84, 0.12, 0.9, 0.08, 0.95, 0.08);
    cairo_line_to(cr, 0.95, 0.56);
    cairo_close_path(cr);
    cairo_fill(cr);
    pen_seg(cr, 0.07, 0.895, 0.5, 0.895, 0.9);
}

static void draw_walk(cairo_t *cr)
{
    /* a walker striding to the right */
    pen_disc(cr, 0.56, 0.14, 0.1);
    LINE(cr, 0.12, 0.53, 0.32, 0.46, 0.58);
    LINE(cr, 0.1, 0.46, 0.58, 0.36, 0.74, 0.24, 0.9);
    LINE(cr, 0.1, 0.46, 0.58, 0.6, 0.72, 0.66, 0.91);
    LINE(cr, 0.09, 0.52, 0.35, 0.64, 0.48, 0.76, 0.52);
    LINE(cr, 0.09, 0.52, 0.35, 0.38, 0.45, 0.31, 0.57);
}

static void wrench_local(cairo_t *cr)
{
    /* upright in the square, jaw up */
    pen_rrect(cr, 0.44, 0.28, 0.12, 0.56, 0.05);
    pen_disc(cr, 0.5, 0.24, 0.16);
    pen_disc(cr, 0.5, 0.82, 0.1);
    pen_cut(cr);
    pen_rrect(cr, 0.445, 0.0, 0.11, 0.24, 0.03);
    pen_disc(cr, 0.5, 0.82, 0.04);
    pen_ink(cr);
}

static void hammer_local(cairo_t *cr, double grow)
{
    pen_rrect(cr, 0.445 - grow, 0.3 - grow, 0.11 + 2 * grow, 0.62 + 2 * grow, 0.05 + grow);
    /* head: flat face left, tapering claw right */
    cairo_new_path(cr);
    cairo_move_to(cr, 0.26 - grow, 0.1 - grow);
    cairo_line_to(cr, 0.6, 0.1 - grow);
    cairo_line_to(cr, 0.76 + grow, 0.16 - grow);
    cairo_line_to(cr, 0.76 + grow, 0.25 + grow);
    cairo_line_to(cr, 0.6, 0.31 + grow);
    cairo_line_to(cr, 0.26 - grow, 0.31 + grow);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.04);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_fill_preserve(cr);
    cairo_stroke(cr);
}

static void draw_workshop(cairo_t *cr)
{
    /* wrench and hammer crossed */
    cairo_save(cr);
    cairo_translate(cr, 0.5, 0.5);
    cairo_rotate(cr, -M_PI / 4);
    cairo_translate(cr, -0.5, -0.5);
    wrench_local(cr);
    cairo_restore(cr);

    cairo_save(cr);
    cairo_translate(cr, 0.5, 0.5);
    cairo_rotate(cr, M_PI / 4);
    cairo_translate(cr, -0.5, -0.5);
    pen_cut(cr);
    hammer_local(cr, 0.04);
    pen_ink(cr);
    hammer_local(cr, 0);
    cairo_restore(cr);
}

static void draw_games(cairo_t *cr)
{
    /* a die and a bingo ball */
    pen_ring(cr, 0.7, 0.3, 0.16, 0.08);
    pen_disc(cr, 0.7, 0.3, 0.07);
    cairo_save(cr);
    cairo_translate(cr, 0.38, 0.62);
    cairo_rotate(cr, -0.2);
    pen_cut(cr);
    pen_rrect(cr, -0.33, -0.33, 0.66, 0.66, 0.13);
    pen_ink(cr);
    pen_rrect(cr, -0.28, -0.28, 0.56, 0.56, 0.1);
    pen_cut(cr);
    const double pip[5][2] = {{-0.14, -0.14}, {0.14, -0.14}, {0, 0}, {-0.14, 0.14}, {0.14, 0.14}};
    for (int i = 0; i < 5; i++)
        pen_disc(cr, pip[i][0], pip[i][1], 0.055);
    cairo_restore(cr);
}

static void book_page(cairo_t *cr, double side)
{
    /* one page of an open book, side -1 left, +1 right, the spine at x 0.5 */
    double x = 0.5 + side * 0.02, o = 0.5 + side * 0.45;
    cairo_new_path(cr);
    cairo_move_to(cr, x, 0.56);
    cairo_curve_to(cr, 0.5 + side * 0.14, 0.47, 0.5 + side * 0.32, 0.46, o, 0.5);
    cairo_line_to(cr, o, 0.88);
    cairo_curve_to(cr, 0.5 + side * 0.32, 0.84, 0.5 + side * 0.14, 0.86, x, 0.95);
    cairo_close_path(cr);
    cairo_fill(cr);
}

static void pencil_local(cairo_t *cr, double grow)
{
    /* lying along x, point at -x */
    double g = grow;
    pen_rrect(cr, -0.28 - g, -0.075 - g, 0.54 + 2 * g, 0.15 + 2 * g, 0.03 + g);
    POLY(cr, 0.02 + 2 * g, -0.28, -0.075 - g, -0.42 - g, 0.0, -0.28, 0.075 + g);
}

static void draw_homework(cairo_t *cr)
{
    /* an open book, a pencil writing in it */
    book_page(cr, -1);
    book_page(cr, 1);
    cairo_save(cr);
    cairo_translate(cr, 0.64, 0.27);
    cairo_rotate(cr, -0.7);
    pen_cut(cr);
    pencil_local(cr, 0.045);
    pen_ink(cr);
    pencil_local(cr, 0);
    pen_cut(cr);
    pen_seg(cr, 0.035, 0.16, -0.1, 0.16, 0.1);
    pen_ink(cr);
    cairo_restore(cr);
}

static void draw_talk(cairo_t *cr)
{
    /* a speech bubble with three dots */
    cairo_new_path(cr);
    pen_rrect_path(cr, 0.05, 0.1, 0.9, 0.6, 0.18);
    cairo_fill(cr);
    POLY(cr, 0.02, 0.22, 0.6, 0.18, 0.92, 0.5, 0.66);
    pen_cut(cr);
    for (int i = 0; i < 3; i++)
        pen_disc(cr, 0.29 + i * 0.21, 0.4, 0.07);
    pen_ink(cr);
}

static void draw_cafe(cairo_t *cr)
{
    /* a cup of coffee on a saucer, steaming */
    pen_ring(cr, 0.74, 0.54, 0.1, 0.07);
    cairo_new_path(cr);
    cairo_move_to(cr, 0.1, 0.4);
    cairo_line_to(cr, 0.74, 0.4);
    cairo_curve_to(cr, 0.74, 0.72, 0.63, 0.82, 0.42, 0.82);
    cairo_curve_to(cr, 0.21, 0.82, 0.1, 0.72, 0.1, 0.4);
    cairo_close_path(cr);
    cairo_fill(cr);
    pen_rrect(cr, 0.05, 0.86, 0.76, 0.08, 0.04);
    for (int i = 0; i < 3; i++) {
        double x = 0.26 + i * 0.16;
        cairo_new_path(cr);
        cairo_move_to(cr, x, 0.31);
        cairo_curve_to(cr, x - 0.07, 0.24, x + 0.07, 0.16, x, 0.07);
        cairo_set_line_width(cr, 0.055);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_stroke(cr);
    }
}

static void draw_sport(cairo_t *cr)
{
    /* a ball with its seams */
    pen_disc(cr, 0.5, 0.5, 0.44);
    pen_cut(cr);
    cairo_set_line_width(cr, 0.05);
    pen_seg(cr, 0.05, 0.5, 0.0, 0.5, 1.0);
    pen_seg(cr, 0.05, 0.0, 0.5, 1.0, 0.5);
    cairo_new_path(cr);
    cairo_arc(cr, 0.02, 0.5, 0.36, -M_PI / 2, M_PI / 2);
    cairo_stroke(cr);
    cairo_new_path(cr);
    cairo_arc_negative(cr, 0.98, 0.5, 0.36, -M_PI / 2, M_PI / 2);
    cairo_stroke(cr);
    pen_ink(cr);
}

static void draw_kids(cairo_t *cr)
{
    /* a grown-up and a child holding hands */
    pen_figure(cr, 0.3, 0.06, 0.88, 0);
    pen_figure(cr, 0.76, 0.42, 0.52, 0);
    LINE(cr, 0.06, 0.47, 0.6, 0.6, 0.66, 0.64, 0.66);
}

static void draw_music(cairo_t *cr)
{
    /* two beamed notes */
    pen_ellipse(cr, 0.25, 0.8, 0.15, 0.11, -0.35);
    pen_ellipse(cr, 0.71, 0.7, 0.15, 0.11, -0.35);
    pen_seg(cr, 0.07, 0.365, 0.78, 0.365, 0.22);
    pen_seg(cr, 0.07, 0.825, 0.68, 0.825, 0.12);
    POLY(cr, 0.02, 0.33, 0.16, 0.86, 0.05, 0.86, 0.2, 0.33, 0.31);
}

static void draw_garden(cairo_t *cr)
{
    /* a flower with a stem and leaves */
    pen_seg(cr, 0.07, 0.5, 0.45, 0.5, 0.94);
    pen_ellipse(cr, 0.32, 0.7, 0.15, 0.07, 0.55);
    pen_ellipse(cr, 0.68, 0.64, 0.15, 0.07, -0.55);
    for (int i = 0; i < 6; i++) {
        double a = i * M_PI / 3;
        pen_disc(cr, 0.5 + 0.15 * cos(a), 0.28 + 0.15 * sin(a), 0.11);
    }
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.28, 0.1);
    pen_ink(cr);
    pen_disc(cr, 0.5, 0.28, 0.065);
}

static void balloon(cairo_t *cr, double cx, double cy, double grow)
{
    pen_ellipse(cr, cx, cy, 0.19 + grow, 0.24 + grow, 0);
    POLY(cr, 0.02 + grow, cx, cy + 0.22, cx - 0.04, cy + 0.3, cx + 0.04, cy + 0.3);
}

static void draw_party(cairo_t *cr)
{
    /* two balloons on strings */
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_width(cr, 0.035);
    cairo_new_path(cr);
    cairo_move_to(cr, 0.67, 0.7);
    cairo_curve_to(cr, 0.6, 0.78, 0.7, 0.85, 0.52, 0.95);
    cairo_stroke(cr);
    balloon(cr, 0.67, 0.4, 0);
    pen_cut(cr);
    balloon(cr, 0.33, 0.3, 0.04);
    pen_ink(cr);
    cairo_new_path(cr);
    cairo_move_to(cr, 0.33, 0.6);
    cairo_curve_to(cr, 0.42, 0.72, 0.3, 0.82, 0.48, 0.95);
    cairo_set_line_width(cr, 0.035);
    cairo_stroke(cr);
    balloon(cr, 0.33, 0.3, 0);
}

static void draw_meeting(cairo_t *cr)
{
    /* three people behind a table */
    pen_bust(cr, 0.2, 0.24, 0.34, 0);
    pen_bust(cr, 0.8, 0.24, 0.34, 0);
    pen_bust(cr, 0.5, 0.06, 0.52, 0.05);
    pen_rrect(cr, 0.04, 0.62, 0.92, 0.1, 0.03);
    pen_seg(cr, 0.07, 0.16, 0.7, 0.16, 0.94);
    pen_seg(cr, 0.07, 0.84, 0.7, 0.84, 0.94);
}

static void draw_crafts(cairo_t *cr)
{
    /* a ball of yarn with knitting needles */
    pen_seg(cr, 0.05, 0.34, 0.56, 0.82, 0.13);
    pen_seg(cr, 0.05, 0.5, 0.64, 0.89, 0.28);
    pen_disc(cr, 0.82, 0.13, 0.05);
    pen_disc(cr, 0.89, 0.28, 0.05);
    pen_cut(cr);
    pen_disc(cr, 0.4, 0.6, 0.38);
    pen_ink(cr);
    pen_disc(cr, 0.4, 0.6, 0.33);
    cairo_new_path(cr);
    cairo_move_to(cr, 0.62, 0.86);
    cairo_curve_to(cr, 0.75, 0.96, 0.85, 0.84, 0.95, 0.93);
    cairo_set_line_width(cr, 0.045);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
    pen_cut(cr);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_arc(cr, 0.4, 0.6, 0.33, 0, 2 * M_PI);
    cairo_clip(cr);
    cairo_set_line_width(cr, 0.04);
    for (int i = 0; i < 3; i++) {
        cairo_new_path(cr);
        cairo_arc(cr, 0.02 + i * 0.0, 0.3 - i * 0.0, 0.36 + i * 0.13, 0, M_PI / 2);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    pen_ink(cr);
}

/* ---- badges ---- */

static void draw_free(cairo_t *cr)
{
    /* "kr" in a coin, crossed out */
    pen_ring(cr, 0.5, 0.5, 0.41, 0.08);
    pen_seg(cr, 0.085, 0.3, 0.29, 0.3, 0.71);
    LINE(cr, 0.085, 0.48, 0.38, 0.32, 0.53, 0.49, 0.71);
    pen_seg(cr, 0.085, 0.6, 0.46, 0.6, 0.71);
    cairo_new_path(cr);
    cairo_move_to(cr, 0.6, 0.57);
    cairo_curve_to(cr, 0.62, 0.48, 0.68, 0.45, 0.76, 0.46);
    cairo_set_line_width(cr, 0.08);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
    pen_cut(cr);
    pen_seg(cr, 0.15, 0.2, 0.8, 0.8, 0.2);
    pen_ink(cr);
    pen_seg(cr, 0.065, 0.2, 0.8, 0.8, 0.2);
}

static void draw_just_come(cairo_t *cr)
{
    /* an open door */
    LINE(cr, 0.07, 0.2, 0.94, 0.2, 0.08, 0.8, 0.08, 0.8, 0.94);
    pen_seg(cr, 0.06, 0.06, 0.94, 0.94, 0.94);
    POLY(cr, 0.03, 0.22, 0.1, 0.58, 0.2, 0.58, 0.95, 0.22, 0.92);
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.56, 0.045);
    pen_ink(cr);
}

static void draw_childcare(cairo_t *cr)
{
    /* a pram */
    cairo_new_path(cr);
    cairo_move_to(cr, 0.48, 0.42);
    cairo_arc(cr, 0.48, 0.42, 0.33, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_new_path(cr);
    cairo_arc(cr, 0.5, 0.46, 0.34, 0, M_PI);
    cairo_close_path(cr);
    cairo_fill(cr);
    LINE(cr, 0.065, 0.82, 0.48, 0.86, 0.18, 0.94, 0.18);
    pen_disc(cr, 0.3, 0.86, 0.09);
    pen_disc(cr, 0.72, 0.86, 0.09);
    pen_cut(cr);
    pen_disc(cr, 0.3, 0.86, 0.035);
    pen_disc(cr, 0.72, 0.86, 0.035);
    pen_ink(cr);
}

static void draw_alone_ok(cairo_t *cr)
{
    /* one person and a heart */
    pen_figure(cr, 0.36, 0.08, 0.88, 0);
    pen_heart(cr, 0.78, 0.25, 0.34);
}

static void draw_residents_only(cairo_t *cr)
{
    /* a house */
    POLY(cr, 0.05, 0.5, 0.07, 0.94, 0.48, 0.84, 0.48, 0.84, 0.93, 0.16, 0.93, 0.16, 0.48,
         0.06, 0.48);
    pen_cut(cr);
    pen_rrect(cr, 0.41, 0.62, 0.18, 0.4, 0.03);
    pen_ink(cr);
}

static void draw_step_free(cairo_t *cr)
{
    /* the wheelchair symbol */
    pen_disc(cr, 0.42, 0.13, 0.09);
    LINE(cr, 0.1, 0.4, 0.3, 0.42, 0.56, 0.68, 0.56, 0.8, 0.82, 0.9, 0.79);
    pen_seg(cr, 0.08, 0.41, 0.4, 0.6, 0.4);
    cairo_new_path(cr);
    cairo_arc(cr, 0.4, 0.66, 0.26, -M_PI * 0.25, M_PI * 1.25);
    cairo_set_line_width(cr, 0.08);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
}

/* ---- facts ---- */

static void draw_clock(cairo_t *cr)
{
    pen_ring(cr, 0.5, 0.5, 0.41, 0.09);
    LINE(cr, 0.08, 0.5, 0.24, 0.5, 0.5, 0.69, 0.6);
}

static void draw_place(cairo_t *cr)
{
    /* a map pin */
    cairo_new_path(cr);
    cairo_arc(cr, 0.5, 0.37, 0.31, M_PI * 0.8, M_PI * 2.2);
    cairo_line_to(cr, 0.5, 0.95);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.02);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_fill_preserve(cr);
    cairo_stroke(cr);
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.37, 0.12);
    pen_ink(cr);
}

static void draw_host(cairo_t *cr)
{
    /* a person with a name tag */
    pen_bust(cr, 0.5, 0.06, 0.88, 0);
    pen_cut(cr);
    pen_rrect(cr, 0.54, 0.7, 0.22, 0.11, 0.03);
    pen_ink(cr);
}

static void draw_people(cairo_t *cr)
{
    pen_bust(cr, 0.27, 0.18, 0.5, 0);
    pen_bust(cr, 0.73, 0.18, 0.5, 0);
    pen_bust(cr, 0.5, 0.32, 0.62, 0.05);
}

static void draw_help_hand(cairo_t *cr)
{
    /* a heart held in an open hand */
    pen_heart(cr, 0.5, 0.3, 0.42);
    /* palm and fingers as one cupped shape, the thumb raised on the right */
    cairo_new_path(cr);
    cairo_move_to(cr, 0.04, 0.6);
    cairo_line_to(cr, 0.2, 0.6);
    cairo_curve_to(cr, 0.3, 0.66, 0.45, 0.68, 0.58, 0.66);
    cairo_line_to(cr, 0.72, 0.52);
    cairo_curve_to(cr, 0.77, 0.47, 0.85, 0.5, 0.82, 0.57);
    cairo_line_to(cr, 0.76, 0.7);
    cairo_curve_to(cr, 0.72, 0.78, 0.66, 0.82, 0.56, 0.84);
    cairo_line_to(cr, 0.2, 0.86);
    cairo_line_to(cr, 0.04, 0.86);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.03);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_fill_preserve(cr);
    cairo_stroke(cr);
    pen_cut(cr);
    pen_seg(cr, 0.035, 0.2, 0.58, 0.2, 0.9);
    pen_ink(cr);
}

static void draw_company(cairo_t *cr)
{
    /* two people side by side, holding hands */
    pen_figure(cr, 0.28, 0.08, 0.86, 0);
    pen_figure(cr, 0.72, 0.08, 0.86, 0);
    pen_seg(cr, 0.06, 0.44, 0.62, 0.56, 0.62);
}

/* ---- controls ---- */

static void draw_back(cairo_t *cr)
{
    pen_seg(cr, 0.13, 0.2, 0.5, 0.86, 0.5);
    LINE(cr, 0.13, 0.46, 0.2, 0.16, 0.5, 0.46, 0.8);
}

static void draw_up(cairo_t *cr)
{
    LINE(cr, 0.14, 0.14, 0.7, 0.5, 0.32, 0.86, 0.7);
}

static void draw_down(cairo_t *cr)
{
    LINE(cr, 0.14, 0.14, 0.3, 0.5, 0.68, 0.86, 0.3);
}

static void draw_language(cairo_t *cr)
{
    /* a globe */
    pen_ring(cr, 0.5, 0.5, 0.41, 0.075);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_translate(cr, 0.5, 0.5);
    cairo_scale(cr, 0.18, 0.41);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
    cairo_set_line_width(cr, 0.06);
    cairo_stroke(cr);
    pen_seg(cr, 0.06, 0.5, 0.09, 0.5, 0.91);
    pen_seg(cr, 0.06, 0.09, 0.5, 0.91, 0.5);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (int s = -1; s <= 1; s += 2) {
        cairo_new_path(cr);
        cairo_move_to(cr, 0.18, 0.5 + s * 0.24);
        cairo_line_to(cr, 0.82, 0.5 + s * 0.24);
        cairo_set_line_width(cr, 0.05);
        cairo_stroke(cr);
    }
}

static void draw_check(cairo_t *cr)
{
    LINE(cr, 0.15, 0.12, 0.52, 0.38, 0.78, 0.88, 0.24);
}

static void draw_cross(cairo_t *cr)
{
    pen_seg(cr, 0.15, 0.18, 0.18, 0.82, 0.82);
    pen_seg(cr, 0.15, 0.82, 0.18, 0.18, 0.82);
}

static void draw_plus(cairo_t *cr)
{
    pen_seg(cr, 0.15, 0.5, 0.12, 0.5, 0.88);
    pen_seg(cr, 0.15, 0.12, 0.5, 0.88, 0.5);
}

static void draw_minus(cairo_t *cr)
{
    pen_seg(cr, 0.15, 0.12, 0.5, 0.88, 0.5);
}

static void draw_backspace(cairo_t *cr)
{
    POLY(cr, 0.08, 0.08, 0.5, 0.32, 0.2, 0.92, 0.2, 0.92, 0.8, 0.32, 0.8);
    pen_cut(cr);
    pen_seg(cr, 0.08, 0.5, 0.37, 0.74, 0.63);
    pen_seg(cr, 0.08, 0.74, 0.37, 0.5, 0.63);
    pen_ink(cr);
}

static void draw_shift(cairo_t *cr)
{
    cairo_new_path(cr);
    const double p[] = {0.5, 0.08, 0.9, 0.5, 0.68, 0.5, 0.68, 0.9,
                        0.32, 0.9, 0.32, 0.5, 0.1, 0.5};
    cairo_move_to(cr, p[0], p[1]);
    for (int i = 1; i < 7; i++)
        cairo_line_to(cr, p[2 * i], p[2 * i + 1]);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.09);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
}

static void draw_lock(cairo_t *cr)
{
    cairo_new_path(cr);
    cairo_move_to(cr, 0.29, 0.5);
    cairo_arc(cr, 0.5, 0.31, 0.21, M_PI, 2 * M_PI);
    cairo_line_to(cr, 0.71, 0.5);
    cairo_set_line_width(cr, 0.09);
    cairo_stroke(cr);
    pen_rrect(cr, 0.16, 0.44, 0.68, 0.5, 0.08);
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.63, 0.07);
    pen_rrect(cr, 0.465, 0.63, 0.07, 0.18, 0.02);
    pen_ink(cr);
}

static void draw_phone(cairo_t *cr)
{
    pen_rrect(cr, 0.25, 0.04, 0.5, 0.92, 0.1);
    pen_cut(cr);
    pen_rrect(cr, 0.32, 0.14, 0.36, 0.64, 0.02);
    pen_disc(cr, 0.5, 0.87, 0.045);
    pen_ink(cr);
}

static void draw_calendar(cairo_t *cr)
{
    pen_rrect(cr, 0.07, 0.14, 0.86, 0.8, 0.1);
    pen_cut(cr);
    pen_rrect(cr, 0.15, 0.36, 0.7, 0.5, 0.03);
    pen_seg(cr, 0.16, 0.3, 0.02, 0.3, 0.24);
    pen_seg(cr, 0.16, 0.7, 0.02, 0.7, 0.24);
    pen_ink(cr);
    pen_seg(cr, 0.08, 0.3, 0.06, 0.3, 0.22);
    pen_seg(cr, 0.08, 0.7, 0.06, 0.7, 0.22);
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 3; c++)
            pen_rrect(cr, 0.2 + c * 0.21, 0.42 + r * 0.22, 0.17, 0.16, 0.02);
}

static void draw_usb(cairo_t *cr)
{
    /* a memory stick */
    cairo_new_path(cr);
    cairo_rectangle(cr, 0.37, 0.07, 0.26, 0.28);
    cairo_set_line_width(cr, 0.06);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    pen_rrect(cr, 0.43, 0.15, 0.05, 0.06, 0.005);
    pen_rrect(cr, 0.52, 0.15, 0.05, 0.06, 0.005);
    pen_rrect(cr, 0.26, 0.34, 0.48, 0.62, 0.09);
    pen_cut(cr);
    pen_seg(cr, 0.06, 0.42, 0.5, 0.58, 0.5);
    pen_ink(cr);
}

static void draw_warning(cairo_t *cr)
{
    POLY(cr, 0.08, 0.5, 0.08, 0.93, 0.88, 0.07, 0.88);
    pen_cut(cr);
    pen_seg(cr, 0.1, 0.5, 0.37, 0.5, 0.6);
    pen_disc(cr, 0.5, 0.76, 0.06);
    pen_ink(cr);
}

typedef void (*icon_fn)(cairo_t *cr);

static const icon_fn drawings[ICON_COUNT] = {
    [ICON_CAT_OTHER] = draw_other,
    [ICON_CAT_FOOD] = draw_food,
    [ICON_CAT_WALK] = draw_walk,
    [ICON_CAT_WORKSHOP] = draw_workshop,
    [ICON_CAT_GAMES] = draw_games,
    [ICON_CAT_HOMEWORK] = draw_homework,
    [ICON_CAT_TALK] = draw_talk,
    [ICON_CAT_CAFE] = draw_cafe,
    [ICON_CAT_SPORT] = draw_sport,
    [ICON_CAT_KIDS] = draw_kids,
    [ICON_CAT_MUSIC] = draw_music,
    [ICON_CAT_GARDEN] = draw_garden,
    [ICON_CAT_PARTY] = draw_party,
    [ICON_CAT_MEETING] = draw_meeting,
    [ICON_CAT_CRAFTS] = draw_crafts,
    [ICON_BADGE_FREE] = draw_free,
    [ICON_BADGE_JUST_COME] = draw_just_come,
    [ICON_BADGE_CHILDCARE] = draw_childcare,
    [ICON_BADGE_ALONE_OK] = draw_alone_ok,
    [ICON_BADGE_RESIDENTS_ONLY] = draw_residents_only,
    [ICON_BADGE_STEP_FREE] = draw_step_free,
    [ICON_CLOCK] = draw_clock,
    [ICON_PLACE] = draw_place,
    [ICON_HOST] = draw_host,
    [ICON_PEOPLE] = draw_people,
    [ICON_HELP_HAND] = draw_help_hand,
    [ICON_COMPANY] = draw_company,
    [ICON_BACK] = draw_back,
    [ICON_UP] = draw_up,
    [ICON_DOWN] = draw_down,
    [ICON_LANGUAGE] = draw_language,
    [ICON_CHECK] = draw_check,
    [ICON_CROSS] = draw_cross,
    [ICON_PLUS] = draw_plus,
    [ICON_MINUS] = draw_minus,
    [ICON_BACKSPACE] = draw_backspace,
    [ICON_SHIFT] = draw_shift,
    [ICON_LOCK] = draw_lock,
    [ICON_PHONE] = draw_phone,
    [ICON_CALENDAR] = draw_calendar,
    [ICON_USB] = draw_usb,
    [ICON_WARNING] = draw_warning,
};

static bool drawable(cairo_t *cr, icon_id icon, double size)
{
    return cr && (int)icon > ICON_NONE && icon < ICON_COUNT && drawings[icon] && size > 0;
}

/* Puts the unit square at (x, y, size) and clips to it, so nothing ever spills out. */
static void enter_square(cairo_t *cr, double x, double y, double size)
{
    cairo_translate(cr, x, y);
    cairo_scale(cr, size, size);
    cairo_new_path(cr);
    cairo_rectangle(cr, 0, 0, 1, 1);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
}

void icons_draw(cairo_t *cr, icon_id icon, double x, double y, double size, double r, double g,
                double b, double a)
{
    if (!drawable(cr, icon, size))
        return;
    cairo_save(cr);
    enter_square(cr, x, y, size);
    /* Draw into an alpha-only group so the cuts make holes in the icon only, not in whatever
     * lies beneath it, then paint the colour through that shape. */
    cairo_push_group_with_content(cr, CAIRO_CONTENT_ALPHA);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    pen_ink(cr);
    drawings[icon](cr);
    cairo_pattern_t *shape = cairo_pop_group(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_source_rgba(cr, r, g, b, a);
    cairo_mask(cr, shape);
    cairo_pattern_destroy(shape);
    cairo_restore(cr);
}

void icons_draw_on(cairo_t *cr, icon_id icon, double x, double y, double size, double r,
                   double g, double b, double paper_r, double paper_g, double paper_b)
{
    if (!drawable(cr, icon, size))
        return;
    pen_paper paper = {{r, g, b}, {paper_r, paper_g, paper_b}};
    cairo_save(cr);
    enter_square(cr, x, y, size);
    pen_use_paper(cr, &paper);
    pen_ink(cr);
    drawings[icon](cr);
    pen_use_paper(cr, NULL);
    cairo_restore(cr);
}

unsigned char *icons_rasterise(icon_id icon, int size)
{
    if (size <= 0 || size > 4096)
        return NULL;
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, size);
    if (stride != size * 4)
        return NULL; /* the contract promises a tightly packed size*size*4 buffer */
    unsigned char *pixels = calloc((size_t)size * (size_t)size, 4);
    if (!pixels)
        return NULL;
    cairo_surface_t *s =
        cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, size, size, stride);
    cairo_t *cr = cairo_create(s);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        cairo_destroy(cr);
        cairo_surface_destroy(s);
        free(pixels);
        return NULL;
    }
    icons_draw(cr, icon, 0, 0, size, 1, 1, 1, 1);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    cairo_surface_destroy(s);
    return pixels;
}
