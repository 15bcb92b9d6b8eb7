/* icons_categories: the pictograms of the activity categories. See icons_drawings.h. */
#include <math.h>

#include "icons/icons_drawings.h"
#include "icons/icons_pen.h"

/* ---- categories ---- */

void draw_other(vg *cr)
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

void draw_food(vg *cr)
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
    vg_new_path(cr);
    vg_move_to(cr, 0.84, 0.56);
    vg_line_to(cr, 0.84, 0.2);
    vg_curve_to(cr, 0.84, 0.12, 0.9, 0.08, 0.95, 0.08);
    vg_line_to(cr, 0.95, 0.56);
    vg_close_path(cr);
    vg_fill(cr);
    pen_seg(cr, 0.07, 0.895, 0.5, 0.895, 0.9);
}

void draw_walk(vg *cr)
{
    /* a walker striding to the right */
    pen_disc(cr, 0.56, 0.14, 0.1);
    LINE(cr, 0.12, 0.53, 0.32, 0.46, 0.58);
    LINE(cr, 0.1, 0.46, 0.58, 0.36, 0.74, 0.24, 0.9);
    LINE(cr, 0.1, 0.46, 0.58, 0.6, 0.72, 0.66, 0.91);
    LINE(cr, 0.09, 0.52, 0.35, 0.64, 0.48, 0.76, 0.52);
    LINE(cr, 0.09, 0.52, 0.35, 0.38, 0.45, 0.31, 0.57);
}

static void wrench_local(vg *cr)
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

static void hammer_local(vg *cr, double grow)
{
    pen_rrect(cr, 0.445 - grow, 0.3 - grow, 0.11 + 2 * grow, 0.62 + 2 * grow, 0.05 + grow);
    /* head: flat face left, tapering claw right */
    vg_new_path(cr);
    vg_move_to(cr, 0.26 - grow, 0.1 - grow);
    vg_line_to(cr, 0.6, 0.1 - grow);
    vg_line_to(cr, 0.76 + grow, 0.16 - grow);
    vg_line_to(cr, 0.76 + grow, 0.25 + grow);
    vg_line_to(cr, 0.6, 0.31 + grow);
    vg_line_to(cr, 0.26 - grow, 0.31 + grow);
    vg_close_path(cr);
    vg_set_line_width(cr, 0.04);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_fill_preserve(cr);
    vg_stroke(cr);
}

void draw_workshop(vg *cr)
{
    /* wrench and hammer crossed */
    vg_save(cr);
    vg_translate(cr, 0.5, 0.5);
    vg_rotate(cr, -M_PI / 4);
    vg_translate(cr, -0.5, -0.5);
    wrench_local(cr);
    vg_restore(cr);

    vg_save(cr);
    vg_translate(cr, 0.5, 0.5);
    vg_rotate(cr, M_PI / 4);
    vg_translate(cr, -0.5, -0.5);
    pen_cut(cr);
    hammer_local(cr, 0.04);
    pen_ink(cr);
    hammer_local(cr, 0);
    vg_restore(cr);
}

void draw_games(vg *cr)
{
    /* a die and a bingo ball */
    pen_ring(cr, 0.7, 0.3, 0.16, 0.08);
    pen_disc(cr, 0.7, 0.3, 0.07);
    vg_save(cr);
    vg_translate(cr, 0.38, 0.62);
    vg_rotate(cr, -0.2);
    pen_cut(cr);
    pen_rrect(cr, -0.33, -0.33, 0.66, 0.66, 0.13);
    pen_ink(cr);
    pen_rrect(cr, -0.28, -0.28, 0.56, 0.56, 0.1);
    pen_cut(cr);
    const double pip[5][2] = {{-0.14, -0.14}, {0.14, -0.14}, {0, 0}, {-0.14, 0.14}, {0.14, 0.14}};
    for (int i = 0; i < 5; i++)
        pen_disc(cr, pip[i][0], pip[i][1], 0.055);
    vg_restore(cr);
}

static void book_page(vg *cr, double side)
{
    /* one page of an open book, side -1 left, +1 right, the spine at x 0.5 */
    double x = 0.5 + side * 0.02, o = 0.5 + side * 0.45;
    vg_new_path(cr);
    vg_move_to(cr, x, 0.56);
    vg_curve_to(cr, 0.5 + side * 0.14, 0.47, 0.5 + side * 0.32, 0.46, o, 0.5);
    vg_line_to(cr, o, 0.88);
    vg_curve_to(cr, 0.5 + side * 0.32, 0.84, 0.5 + side * 0.14, 0.86, x, 0.95);
    vg_close_path(cr);
    vg_fill(cr);
}

static void pencil_local(vg *cr, double grow)
{
    /* lying along x, point at -x */
    double g = grow;
    pen_rrect(cr, -0.28 - g, -0.075 - g, 0.54 + 2 * g, 0.15 + 2 * g, 0.03 + g);
    POLY(cr, 0.02 + 2 * g, -0.28, -0.075 - g, -0.42 - g, 0.0, -0.28, 0.075 + g);
}

void draw_homework(vg *cr)
{
    /* an open book, a pencil writing in it */
    book_page(cr, -1);
    book_page(cr, 1);
    vg_save(cr);
    vg_translate(cr, 0.64, 0.27);
    vg_rotate(cr, -0.7);
    pen_cut(cr);
    pencil_local(cr, 0.045);
    pen_ink(cr);
    pencil_local(cr, 0);
    pen_cut(cr);
    pen_seg(cr, 0.035, 0.16, -0.1, 0.16, 0.1);
    pen_ink(cr);
    vg_restore(cr);
}

void draw_talk(vg *cr)
{
    /* a speech bubble with three dots */
    vg_new_path(cr);
    pen_rrect_path(cr, 0.05, 0.1, 0.9, 0.6, 0.18);
    vg_fill(cr);
    POLY(cr, 0.02, 0.22, 0.6, 0.18, 0.92, 0.5, 0.66);
    pen_cut(cr);
    for (int i = 0; i < 3; i++)
        pen_disc(cr, 0.29 + i * 0.21, 0.4, 0.07);
    pen_ink(cr);
}

void draw_cafe(vg *cr)
{
    /* a cup of coffee on a saucer, steaming */
    pen_ring(cr, 0.74, 0.54, 0.1, 0.07);
    vg_new_path(cr);
    vg_move_to(cr, 0.1, 0.4);
    vg_line_to(cr, 0.74, 0.4);
    vg_curve_to(cr, 0.74, 0.72, 0.63, 0.82, 0.42, 0.82);
    vg_curve_to(cr, 0.21, 0.82, 0.1, 0.72, 0.1, 0.4);
    vg_close_path(cr);
    vg_fill(cr);
    pen_rrect(cr, 0.05, 0.86, 0.76, 0.08, 0.04);
    for (int i = 0; i < 3; i++) {
        double x = 0.26 + i * 0.16;
        vg_new_path(cr);
        vg_move_to(cr, x, 0.31);
        vg_curve_to(cr, x - 0.07, 0.24, x + 0.07, 0.16, x, 0.07);
        vg_set_line_width(cr, 0.055);
        vg_set_line_cap(cr, VG_CAP_ROUND);
        vg_stroke(cr);
    }
}

void draw_sport(vg *cr)
{
    /* a person exercising, arms up and legs apart: motion of any kind (stolegymnastik, yoga,
     * fodbold), not one sport's ball */
    pen_disc(cr, 0.5, 0.15, 0.105);
    LINE(cr, 0.17, 0.5, 0.36, 0.5, 0.6);
    LINE(cr, 0.11, 0.5, 0.38, 0.33, 0.25, 0.2, 0.1);
    LINE(cr, 0.11, 0.5, 0.38, 0.67, 0.25, 0.8, 0.1);
    LINE(cr, 0.12, 0.5, 0.6, 0.36, 0.75, 0.25, 0.9);
    LINE(cr, 0.12, 0.5, 0.6, 0.64, 0.75, 0.75, 0.9);
}

void draw_kids(vg *cr)
{
    /* a grown-up and a child holding hands */
    pen_figure(cr, 0.3, 0.06, 0.88, 0);
    pen_figure(cr, 0.76, 0.42, 0.52, 0);
    LINE(cr, 0.06, 0.47, 0.6, 0.6, 0.66, 0.64, 0.66);
}

void draw_music(vg *cr)
{
    /* two beamed notes */
    pen_ellipse(cr, 0.25, 0.8, 0.15, 0.11, -0.35);
    pen_ellipse(cr, 0.71, 0.7, 0.15, 0.11, -0.35);
    pen_seg(cr, 0.07, 0.365, 0.78, 0.365, 0.22);
    pen_seg(cr, 0.07, 0.825, 0.68, 0.825, 0.12);
    POLY(cr, 0.02, 0.33, 0.16, 0.86, 0.05, 0.86, 0.2, 0.33, 0.31);
}

void draw_garden(vg *cr)
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

static void balloon(vg *cr, double cx, double cy, double grow)
{
    pen_ellipse(cr, cx, cy, 0.19 + grow, 0.24 + grow, 0);
    POLY(cr, 0.02 + grow, cx, cy + 0.22, cx - 0.04, cy + 0.3, cx + 0.04, cy + 0.3);
}

void draw_party(vg *cr)
{
    /* two balloons on strings */
    vg_set_line_cap(cr, VG_CAP_ROUND);
    vg_set_line_width(cr, 0.035);
    vg_new_path(cr);
    vg_move_to(cr, 0.67, 0.7);
    vg_curve_to(cr, 0.6, 0.78, 0.7, 0.85, 0.52, 0.95);
    vg_stroke(cr);
    balloon(cr, 0.67, 0.4, 0);
    pen_cut(cr);
    balloon(cr, 0.33, 0.3, 0.04);
    pen_ink(cr);
    vg_new_path(cr);
    vg_move_to(cr, 0.33, 0.6);
    vg_curve_to(cr, 0.42, 0.72, 0.3, 0.82, 0.48, 0.95);
    vg_set_line_width(cr, 0.035);
    vg_stroke(cr);
    balloon(cr, 0.33, 0.3, 0);
}

void draw_meeting(vg *cr)
{
    /* three people behind a table */
    pen_bust(cr, 0.2, 0.24, 0.34, 0);
    pen_bust(cr, 0.8, 0.24, 0.34, 0);
    pen_bust(cr, 0.5, 0.06, 0.52, 0.05);
    pen_rrect(cr, 0.04, 0.62, 0.92, 0.1, 0.03);
    pen_seg(cr, 0.07, 0.16, 0.7, 0.16, 0.94);
    pen_seg(cr, 0.07, 0.84, 0.7, 0.84, 0.94);
}

void draw_crafts(vg *cr)
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
    vg_new_path(cr);
    vg_move_to(cr, 0.62, 0.86);
    vg_curve_to(cr, 0.75, 0.96, 0.85, 0.84, 0.95, 0.93);
    vg_set_line_width(cr, 0.045);
    vg_set_line_cap(cr, VG_CAP_ROUND);
    vg_stroke(cr);
    pen_cut(cr);
    vg_save(cr);
    vg_new_path(cr);
    vg_arc(cr, 0.4, 0.6, 0.33, 0, 2 * M_PI);
    vg_clip(cr);
    vg_set_line_width(cr, 0.04);
    for (int i = 0; i < 3; i++) {
        vg_new_path(cr);
        vg_arc(cr, 0.02 + i * 0.0, 0.3 - i * 0.0, 0.36 + i * 0.13, 0, M_PI / 2);
        vg_stroke(cr);
    }
    vg_restore(cr);
    pen_ink(cr);
}
