/* icons_marks: the pictograms of badges, facts and controls. See icons_drawings.h. */
#include <math.h>

#include "icons/icons_drawings.h"
#include "icons/icons_pen.h"

/* ---- badges ---- */

void draw_free(vg *cr)
{
    /* "kr" in a coin, crossed out */
    pen_ring(cr, 0.5, 0.5, 0.41, 0.08);
    pen_seg(cr, 0.085, 0.3, 0.29, 0.3, 0.71);
    LINE(cr, 0.085, 0.48, 0.38, 0.32, 0.53, 0.49, 0.71);
    pen_seg(cr, 0.085, 0.6, 0.46, 0.6, 0.71);
    vg_new_path(cr);
    vg_move_to(cr, 0.6, 0.57);
    vg_curve_to(cr, 0.62, 0.48, 0.68, 0.45, 0.76, 0.46);
    vg_set_line_width(cr, 0.08);
    vg_set_line_cap(cr, VG_CAP_ROUND);
    vg_stroke(cr);
    pen_cut(cr);
    pen_seg(cr, 0.15, 0.2, 0.8, 0.8, 0.2);
    pen_ink(cr);
    pen_seg(cr, 0.065, 0.2, 0.8, 0.8, 0.2);
}

void draw_just_come(vg *cr)
{
    /* an open door */
    LINE(cr, 0.07, 0.2, 0.94, 0.2, 0.08, 0.8, 0.08, 0.8, 0.94);
    pen_seg(cr, 0.06, 0.06, 0.94, 0.94, 0.94);
    POLY(cr, 0.03, 0.22, 0.1, 0.58, 0.2, 0.58, 0.95, 0.22, 0.92);
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.56, 0.045);
    pen_ink(cr);
}

void draw_childcare(vg *cr)
{
    /* a pram */
    vg_new_path(cr);
    vg_move_to(cr, 0.48, 0.42);
    vg_arc(cr, 0.48, 0.42, 0.33, M_PI, 3 * M_PI / 2);
    vg_close_path(cr);
    vg_fill(cr);
    vg_new_path(cr);
    vg_arc(cr, 0.5, 0.46, 0.34, 0, M_PI);
    vg_close_path(cr);
    vg_fill(cr);
    LINE(cr, 0.065, 0.82, 0.48, 0.86, 0.18, 0.94, 0.18);
    pen_disc(cr, 0.3, 0.86, 0.09);
    pen_disc(cr, 0.72, 0.86, 0.09);
    pen_cut(cr);
    pen_disc(cr, 0.3, 0.86, 0.035);
    pen_disc(cr, 0.72, 0.86, 0.035);
    pen_ink(cr);
}

void draw_alone_ok(vg *cr)
{
    /* one person and a heart */
    pen_figure(cr, 0.36, 0.08, 0.88, 0);
    pen_heart(cr, 0.78, 0.25, 0.34);
}

void draw_residents_only(vg *cr)
{
    /* a house */
    POLY(cr, 0.05, 0.5, 0.07, 0.94, 0.48, 0.84, 0.48, 0.84, 0.93, 0.16, 0.93, 0.16, 0.48,
         0.06, 0.48);
    pen_cut(cr);
    pen_rrect(cr, 0.41, 0.62, 0.18, 0.4, 0.03);
    pen_ink(cr);
}

void draw_step_free(vg *cr)
{
    /* the wheelchair symbol */
    pen_disc(cr, 0.42, 0.13, 0.09);
    LINE(cr, 0.1, 0.4, 0.3, 0.42, 0.56, 0.68, 0.56, 0.8, 0.82, 0.9, 0.79);
    pen_seg(cr, 0.08, 0.41, 0.4, 0.6, 0.4);
    vg_new_path(cr);
    vg_arc(cr, 0.4, 0.66, 0.26, -M_PI * 0.25, M_PI * 1.25);
    vg_set_line_width(cr, 0.08);
    vg_set_line_cap(cr, VG_CAP_ROUND);
    vg_stroke(cr);
}

/* ---- facts ---- */

void draw_clock(vg *cr)
{
    pen_ring(cr, 0.5, 0.5, 0.41, 0.09);
    LINE(cr, 0.08, 0.5, 0.24, 0.5, 0.5, 0.69, 0.6);
}

void draw_place(vg *cr)
{
    /* a map pin */
    vg_new_path(cr);
    vg_arc(cr, 0.5, 0.37, 0.31, M_PI * 0.8, M_PI * 2.2);
    vg_line_to(cr, 0.5, 0.95);
    vg_close_path(cr);
    vg_set_line_width(cr, 0.02);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_fill_preserve(cr);
    vg_stroke(cr);
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.37, 0.12);
    pen_ink(cr);
}

void draw_host(vg *cr)
{
    /* a person with a name tag */
    pen_bust(cr, 0.5, 0.06, 0.88, 0);
    pen_cut(cr);
    pen_rrect(cr, 0.54, 0.7, 0.22, 0.11, 0.03);
    pen_ink(cr);
}

void draw_people(vg *cr)
{
    pen_bust(cr, 0.27, 0.18, 0.5, 0);
    pen_bust(cr, 0.73, 0.18, 0.5, 0);
    pen_bust(cr, 0.5, 0.32, 0.62, 0.05);
}

void draw_help_hand(vg *cr)
{
    /* a heart held in an open hand */
    pen_heart(cr, 0.5, 0.3, 0.42);
    /* palm and fingers as one cupped shape, the thumb raised on the right */
    vg_new_path(cr);
    vg_move_to(cr, 0.04, 0.6);
    vg_line_to(cr, 0.2, 0.6);
    vg_curve_to(cr, 0.3, 0.66, 0.45, 0.68, 0.58, 0.66);
    vg_line_to(cr, 0.72, 0.52);
    vg_curve_to(cr, 0.77, 0.47, 0.85, 0.5, 0.82, 0.57);
    vg_line_to(cr, 0.76, 0.7);
    vg_curve_to(cr, 0.72, 0.78, 0.66, 0.82, 0.56, 0.84);
    vg_line_to(cr, 0.2, 0.86);
    vg_line_to(cr, 0.04, 0.86);
    vg_close_path(cr);
    vg_set_line_width(cr, 0.03);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_fill_preserve(cr);
    vg_stroke(cr);
    pen_cut(cr);
    pen_seg(cr, 0.035, 0.2, 0.58, 0.2, 0.9);
    pen_ink(cr);
}

void draw_company(vg *cr)
{
    /* two people side by side, holding hands */
    pen_figure(cr, 0.28, 0.08, 0.86, 0);
    pen_figure(cr, 0.72, 0.08, 0.86, 0);
    pen_seg(cr, 0.06, 0.44, 0.62, 0.56, 0.62);
}

/* ---- controls ---- */

void draw_back(vg *cr)
{
    pen_seg(cr, 0.13, 0.2, 0.5, 0.86, 0.5);
    LINE(cr, 0.13, 0.46, 0.2, 0.16, 0.5, 0.46, 0.8);
}

void draw_up(vg *cr)
{
    LINE(cr, 0.14, 0.14, 0.7, 0.5, 0.32, 0.86, 0.7);
}

void draw_down(vg *cr)
{
    LINE(cr, 0.14, 0.14, 0.3, 0.5, 0.68, 0.86, 0.3);
}

void draw_language(vg *cr)
{
    /* a globe */
    pen_ring(cr, 0.5, 0.5, 0.41, 0.075);
    vg_save(cr);
    vg_new_path(cr);
    vg_translate(cr, 0.5, 0.5);
    vg_scale(cr, 0.18, 0.41);
    vg_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    vg_restore(cr);
    vg_set_line_width(cr, 0.06);
    vg_stroke(cr);
    pen_seg(cr, 0.06, 0.5, 0.09, 0.5, 0.91);
    pen_seg(cr, 0.06, 0.09, 0.5, 0.91, 0.5);
    vg_set_line_cap(cr, VG_CAP_BUTT);
    for (int s = -1; s <= 1; s += 2) {
        vg_new_path(cr);
        vg_move_to(cr, 0.18, 0.5 + s * 0.24);
        vg_line_to(cr, 0.82, 0.5 + s * 0.24);
        vg_set_line_width(cr, 0.05);
        vg_stroke(cr);
    }
}

void draw_check(vg *cr)
{
    LINE(cr, 0.15, 0.12, 0.52, 0.38, 0.78, 0.88, 0.24);
}

void draw_cross(vg *cr)
{
    pen_seg(cr, 0.15, 0.18, 0.18, 0.82, 0.82);
    pen_seg(cr, 0.15, 0.82, 0.18, 0.18, 0.82);
}

void draw_plus(vg *cr)
{
    pen_seg(cr, 0.15, 0.5, 0.12, 0.5, 0.88);
    pen_seg(cr, 0.15, 0.12, 0.5, 0.88, 0.5);
}

void draw_minus(vg *cr)
{
    pen_seg(cr, 0.15, 0.12, 0.5, 0.88, 0.5);
}

void draw_backspace(vg *cr)
{
    POLY(cr, 0.08, 0.08, 0.5, 0.32, 0.2, 0.92, 0.2, 0.92, 0.8, 0.32, 0.8);
    pen_cut(cr);
    pen_seg(cr, 0.08, 0.5, 0.37, 0.74, 0.63);
    pen_seg(cr, 0.08, 0.74, 0.37, 0.5, 0.63);
    pen_ink(cr);
}

/* "␣", the open box that marks a space on keyboards */
void draw_space(vg *cr)
{
    vg_new_path(cr);
    vg_move_to(cr, 0.1, 0.42);
    vg_line_to(cr, 0.1, 0.72);
    vg_line_to(cr, 0.9, 0.72);
    vg_line_to(cr, 0.9, 0.42);
    vg_set_line_width(cr, 0.09);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_stroke(cr);
}

void draw_shift(vg *cr)
{
    vg_new_path(cr);
    const double p[] = {0.5, 0.08, 0.9, 0.5, 0.68, 0.5, 0.68, 0.9,
                        0.32, 0.9, 0.32, 0.5, 0.1, 0.5};
    vg_move_to(cr, p[0], p[1]);
    for (int i = 1; i < 7; i++)
        vg_line_to(cr, p[2 * i], p[2 * i + 1]);
    vg_close_path(cr);
    vg_set_line_width(cr, 0.09);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_stroke(cr);
}

void draw_lock(vg *cr)
{
    vg_new_path(cr);
    vg_move_to(cr, 0.29, 0.5);
    vg_arc(cr, 0.5, 0.31, 0.21, M_PI, 2 * M_PI);
    vg_line_to(cr, 0.71, 0.5);
    vg_set_line_width(cr, 0.09);
    vg_stroke(cr);
    pen_rrect(cr, 0.16, 0.44, 0.68, 0.5, 0.08);
    pen_cut(cr);
    pen_disc(cr, 0.5, 0.63, 0.07);
    pen_rrect(cr, 0.465, 0.63, 0.07, 0.18, 0.02);
    pen_ink(cr);
}

void draw_phone(vg *cr)
{
    pen_rrect(cr, 0.25, 0.04, 0.5, 0.92, 0.1);
    pen_cut(cr);
    pen_rrect(cr, 0.32, 0.14, 0.36, 0.64, 0.02);
    pen_disc(cr, 0.5, 0.87, 0.045);
    pen_ink(cr);
}

void draw_calendar(vg *cr)
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

void draw_usb(vg *cr)
{
    /* a memory stick */
    vg_new_path(cr);
    vg_rectangle(cr, 0.37, 0.07, 0.26, 0.28);
    vg_set_line_width(cr, 0.06);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_stroke(cr);
    pen_rrect(cr, 0.43, 0.15, 0.05, 0.06, 0.005);
    pen_rrect(cr, 0.52, 0.15, 0.05, 0.06, 0.005);
    pen_rrect(cr, 0.26, 0.34, 0.48, 0.62, 0.09);
    pen_cut(cr);
    pen_seg(cr, 0.06, 0.42, 0.5, 0.58, 0.5);
    pen_ink(cr);
}

void draw_warning(vg *cr)
{
    POLY(cr, 0.08, 0.5, 0.08, 0.93, 0.88, 0.07, 0.88);
    pen_cut(cr);
    pen_seg(cr, 0.1, 0.5, 0.37, 0.5, 0.6);
    pen_disc(cr, 0.5, 0.76, 0.06);
    pen_ink(cr);
}

void draw_ask(vg *cr)
{
    /* someone to ask: a person, and a speech bubble with a question mark over the shoulder */
    pen_bust(cr, 0.33, 0.34, 0.62, 0);
    pen_cut(cr);
    pen_rrect(cr, 0.42, 0.0, 0.58, 0.5, 0.12);
    pen_ink(cr);
    pen_rrect(cr, 0.48, 0.04, 0.5, 0.42, 0.1);
    POLY(cr, 0, 0.56, 0.44, 0.7, 0.44, 0.5, 0.6);
    pen_cut(cr);
    pen_line(cr, 0.07, 6, (const double[]){0.64, 0.16, 0.69, 0.1, 0.77, 0.1, 0.81, 0.16,
                                          0.73, 0.24, 0.73, 0.29});
    pen_disc(cr, 0.73, 0.37, 0.04);
    pen_ink(cr);
}
