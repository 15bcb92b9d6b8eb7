/* icons_pen: see icons_pen.h. */
#include "icons/icons_pen.h"

#include <math.h>
#include <stddef.h>

static const cairo_user_data_key_t paper_key;

void pen_use_paper(cairo_t *cr, pen_paper *paper)
{
    cairo_set_user_data(cr, &paper_key, paper, NULL);
}

void pen_ink(cairo_t *cr)
{
    pen_paper *p = cairo_get_user_data(cr, &paper_key);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    if (p)
        cairo_set_source_rgb(cr, p->ink[0], p->ink[1], p->ink[2]);
}

void pen_cut(cairo_t *cr)
{
    pen_paper *p = cairo_get_user_data(cr, &paper_key);
    if (p) {
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
        cairo_set_source_rgb(cr, p->paper[0], p->paper[1], p->paper[2]);
    } else {
        cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
    }
}

void pen_line(cairo_t *cr, double w, int n, const double *pts)
{
    if (n < 2)
        return;
    cairo_new_path(cr);
    cairo_move_to(cr, pts[0], pts[1]);
    for (int i = 1; i < n; i++)
        cairo_line_to(cr, pts[2 * i], pts[2 * i + 1]);
    cairo_set_line_width(cr, w);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
}

void pen_seg(cairo_t *cr, double w, double x0, double y0, double x1, double y1)
{
    const double p[4] = {x0, y0, x1, y1};
    pen_line(cr, w, 2, p);
}

void pen_poly(cairo_t *cr, double round, int n, const double *pts)
{
    cairo_new_path(cr);
    cairo_move_to(cr, pts[0], pts[1]);
    for (int i = 1; i < n; i++)
        cairo_line_to(cr, pts[2 * i], pts[2 * i + 1]);
    cairo_close_path(cr);
    if (round > 0) {
        cairo_set_line_width(cr, round);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_fill_preserve(cr);
        cairo_stroke(cr);
    } else {
        cairo_fill(cr);
    }
}

void pen_disc(cairo_t *cr, double cx, double cy, double r)
{
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    cairo_fill(cr);
}

void pen_ring(cairo_t *cr, double cx, double cy, double r, double w)
{
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    cairo_set_line_width(cr, w);
    cairo_stroke(cr);
}

void pen_ellipse(cairo_t *cr, double cx, double cy, double rx, double ry, double angle)
{
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, angle);
    cairo_scale(cr, rx, ry);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
    cairo_fill(cr);
}

void pen_rrect_path(cairo_t *cr, double x, double y, double w, double h, double r)
{
    if (r > w / 2)
        r = w / 2;
    if (r > h / 2)
        r = h / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

void pen_rrect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    cairo_new_path(cr);
    pen_rrect_path(cr, x, y, w, h, r);
    cairo_fill(cr);
}

void pen_heart(cairo_t *cr, double cx, double cy, double s)
{
    /* Two lobes and a point, drawn in a box s wide and about 0.9 s tall. */
    double h = s * 0.9, top = cy - h * 0.45;
    cairo_new_path(cr);
    cairo_move_to(cr, cx, top + h);
    cairo_curve_to(cr, cx - s * 0.1, top + h * 0.85, cx - s * 0.5, top + h * 0.6, cx - s * 0.5,
                   top + h * 0.3);
    cairo_curve_to(cr, cx - s * 0.5, top + h * 0.05, cx - s * 0.28, top - h * 0.04, cx - s * 0.2,
                   top);
    cairo_curve_to(cr, cx - s * 0.08, top - h * 0.02, cx, top + h * 0.08, cx, top + h * 0.2);
    cairo_curve_to(cr, cx, top + h * 0.08, cx + s * 0.08, top - h * 0.02, cx + s * 0.2, top);
    cairo_curve_to(cr, cx + s * 0.28, top - h * 0.04, cx + s * 0.5, top + h * 0.05, cx + s * 0.5,
                   top + h * 0.3);
    cairo_curve_to(cr, cx + s * 0.5, top + h * 0.6, cx + s * 0.1, top + h * 0.85, cx, top + h);
    cairo_close_path(cr);
    cairo_fill(cr);
}

/* The figure's parts grown by `e` on every side (e = 0: the figure itself). */
static void figure_parts(cairo_t *cr, double cx, double top, double h, double e)
{
    double hr = 0.125 * h;
    pen_disc(cr, cx, top + hr, hr + e);
    double bw = 0.44 * h, by = top + 0.29 * h, bh = 0.38 * h;
    pen_rrect(cr, cx - bw / 2 - e, by - e, bw + 2 * e, bh + 2 * e, 0.13 * h + e);
    double lw = 0.3 * h, ly = top + 0.55 * h;
    pen_rrect(cr, cx - lw / 2 - e, ly - e, lw + 2 * e, top + h - ly + 2 * e, 0.06 * h + e);
}

void pen_figure(cairo_t *cr, double cx, double top, double h, double gap)
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
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (int side = -1; side <= 1; side += 2) {
        double x = cx + side * 0.15 * h;
        cairo_new_path(cr);
        cairo_move_to(cr, x, top + 0.42 * h);
        cairo_line_to(cr, x, top + 0.72 * h);
        cairo_set_line_width(cr, 0.035 * h);
        cairo_stroke(cr);
    }
    pen_ink(cr);
}

static void bust_parts(cairo_t *cr, double cx, double top, double h, double e)
{
    double hr = 0.23 * h;
    pen_disc(cr, cx, top + hr, hr + e);
    double sw = 0.9 * h, sy = top + 0.54 * h;
    pen_rrect(cr, cx - sw / 2 - e, sy - e, sw + 2 * e, h, 0.32 * h + e);
}

void pen_bust(cairo_t *cr, double cx, double top, double h, double gap)
{
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, -1, -1, 3, top + h + 1);
    cairo_clip(cr);
    if (gap > 0) {
        pen_cut(cr);
        bust_parts(cr, cx, top, h, gap);
        pen_ink(cr);
    }
    bust_parts(cr, cx, top, h, 0);
    cairo_restore(cr);
}
