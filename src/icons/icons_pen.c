/* icons_pen: see icons_pen.h. */
#include "icons/icons_pen.h"

#include <math.h>
#include <stddef.h>

void pen_use_paper(vg *cr, pen_paper *paper)
{
    cr->paper = paper;
}

void pen_ink(vg *cr)
{
    pen_paper *p = cr->paper;
    vg_set_op(cr, VG_OP_OVER);
    if (p)
        vg_set_rgb(cr, p->ink[0], p->ink[1], p->ink[2]);
}

void pen_cut(vg *cr)
{
    pen_paper *p = cr->paper;
    if (p) {
        vg_set_op(cr, VG_OP_OVER);
        vg_set_rgb(cr, p->paper[0], p->paper[1], p->paper[2]);
    } else {
        vg_set_op(cr, VG_OP_CLEAR);
    }
}

void pen_line(vg *cr, double w, int n, const double *pts)
{
    if (n < 2)
        return;
    vg_new_path(cr);
    vg_move_to(cr, pts[0], pts[1]);
    for (int i = 1; i < n; i++)
        vg_line_to(cr, pts[2 * i], pts[2 * i + 1]);
    vg_set_line_width(cr, w);
    vg_set_line_cap(cr, VG_CAP_ROUND);
    vg_set_line_join(cr, VG_JOIN_ROUND);
    vg_stroke(cr);
}

void pen_seg(vg *cr, double w, double x0, double y0, double x1, double y1)
{
    const double p[4] = {x0, y0, x1, y1};
    pen_line(cr, w, 2, p);
}

void pen_poly(vg *cr, double round, int n, const double *pts)
{
    vg_new_path(cr);
    vg_move_to(cr, pts[0], pts[1]);
    for (int i = 1; i < n; i++)
        vg_line_to(cr, pts[2 * i], pts[2 * i + 1]);
    vg_close_path(cr);
    if (round > 0) {
        vg_set_line_width(cr, round);
        vg_set_line_join(cr, VG_JOIN_ROUND);
        vg_fill_preserve(cr);
        vg_stroke(cr);
    } else {
        vg_fill(cr);
    }
}

void pen_disc(vg *cr, double cx, double cy, double r)
{
    vg_new_path(cr);
    vg_arc(cr, cx, cy, r, 0, 2 * M_PI);
    vg_fill(cr);
}

void pen_ring(vg *cr, double cx, double cy, double r, double w)
{
    vg_new_path(cr);
    vg_arc(cr, cx, cy, r, 0, 2 * M_PI);
    vg_set_line_width(cr, w);
    vg_stroke(cr);
}

void pen_ellipse(vg *cr, double cx, double cy, double rx, double ry, double angle)
{
    vg_save(cr);
    vg_new_path(cr);
    vg_translate(cr, cx, cy);
    vg_rotate(cr, angle);
    vg_scale(cr, rx, ry);
    vg_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    vg_restore(cr);
    vg_fill(cr);
}

void pen_rrect_path(vg *cr, double x, double y, double w, double h, double r)
{
    if (r > w / 2)
        r = w / 2;
    if (r > h / 2)
        r = h / 2;
    vg_new_sub_path(cr);
    vg_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    vg_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    vg_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    vg_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    vg_close_path(cr);
}

void pen_rrect(vg *cr, double x, double y, double w, double h, double r)
{
    vg_new_path(cr);
    pen_rrect_path(cr, x, y, w, h, r);
    vg_fill(cr);
}

void pen_heart(vg *cr, double cx, double cy, double s)
{
    /* Two lobes and a point, drawn in a box s wide and about 0.9 s tall. */
    double h = s * 0.9, top = cy - h * 0.45;
    vg_new_path(cr);
    vg_move_to(cr, cx, top + h);
    vg_curve_to(cr, cx - s * 0.1, top + h * 0.85, cx - s * 0.5, top + h * 0.6, cx - s * 0.5,
                   top + h * 0.3);
    vg_curve_to(cr, cx - s * 0.5, top + h * 0.05, cx - s * 0.28, top - h * 0.04, cx - s * 0.2,
                   top);
    vg_curve_to(cr, cx - s * 0.08, top - h * 0.02, cx, top + h * 0.08, cx, top + h * 0.2);
    vg_curve_to(cr, cx, top + h * 0.08, cx + s * 0.08, top - h * 0.02, cx + s * 0.2, top);
    vg_curve_to(cr, cx + s * 0.28, top - h * 0.04, cx + s * 0.5, top + h * 0.05, cx + s * 0.5,
                   top + h * 0.3);
    vg_curve_to(cr, cx + s * 0.5, top + h * 0.6, cx + s * 0.1, top + h * 0.85, cx, top + h);
    vg_close_path(cr);
    vg_fill(cr);
}

/* The figure's parts grown by `e` on every side (e = 0: the figure itself). */
static void figure_parts(vg *cr, double cx, double top, double h, double e)
{
    double hr = 0.125 * h;
    pen_disc(cr, cx, top + hr, hr + e);
    double bw = 0.44 * h, by = top + 0.29 * h, bh = 0.38 * h;
    pen_rrect(cr, cx - bw / 2 - e, by - e, bw + 2 * e, bh + 2 * e, 0.13 * h + e);
    double lw = 0.3 * h, ly = top + 0.55 * h;
    pen_rrect(cr, cx - lw / 2 - e, ly - e, lw + 2 * e, top + h - ly + 2 * e, 0.06 * h + e);
}

void pen_figure(vg *cr, double cx, double top, double h, double gap)
{
    if (gap > 0) {
        pen_cut(cr);
        figure_parts(cr, cx, top, h, gap);
        pen_ink(cr);
    }
    figure_parts(cr, cx, top, h, 0);
    /* the legs apart and the arms off the body, so it reads as a person, not a bottle */
    pen_cut(cr);
    pen_seg(cr, 0.045 * h, cx, top + 0.7 * h, cx, top + h + 0.05);
    vg_set_line_cap(cr, VG_CAP_BUTT);
    for (int side = -1; side <= 1; side += 2) {
        double x = cx + side * 0.15 * h;
        vg_new_path(cr);
        vg_move_to(cr, x, top + 0.42 * h);
        vg_line_to(cr, x, top + 0.72 * h);
        vg_set_line_width(cr, 0.035 * h);
        vg_stroke(cr);
    }
    pen_ink(cr);
}

static void bust_parts(vg *cr, double cx, double top, double h, double e)
{
    double hr = 0.23 * h;
    pen_disc(cr, cx, top + hr, hr + e);
    double sw = 0.9 * h, sy = top + 0.54 * h;
    pen_rrect(cr, cx - sw / 2 - e, sy - e, sw + 2 * e, h, 0.32 * h + e);
}

void pen_bust(vg *cr, double cx, double top, double h, double gap)
{
    vg_save(cr);
    vg_new_path(cr);
    vg_rectangle(cr, -1, -1, 3, top + h + 1);
    vg_clip(cr);
    if (gap > 0) {
        pen_cut(cr);
        bust_parts(cr, cx, top, h, gap);
        pen_ink(cr);
    }
    bust_parts(cr, cx, top, h, 0);
    vg_restore(cr);
}
