/* icons_cairo: the pictograms drawn with cairo (see icons_cairo.h): a vg backend that
 * forwards to a cairo_t, so the printed program keeps them as vectors. */
#include "icons/icons_cairo.h"

#include <stdbool.h>
#include <stddef.h>

#include "icons/icons_drawings.h"
#include "icons/icons_pen.h"

typedef struct vg_cairo {
    vg base;
    cairo_t *cr;
} vg_cairo;

static cairo_t *C(vg *v)
{
    return ((vg_cairo *)v)->cr;
}

static void c_save(vg *v) { cairo_save(C(v)); }
static void c_restore(vg *v) { cairo_restore(C(v)); }
static void c_translate(vg *v, double x, double y) { cairo_translate(C(v), x, y); }
static void c_rotate(vg *v, double a) { cairo_rotate(C(v), a); }
static void c_scale(vg *v, double sx, double sy) { cairo_scale(C(v), sx, sy); }
static void c_set_line_width(vg *v, double w) { cairo_set_line_width(C(v), w); }

static void c_set_line_cap(vg *v, vg_cap cap)
{
    cairo_set_line_cap(C(v), cap == VG_CAP_ROUND    ? CAIRO_LINE_CAP_ROUND
                             : cap == VG_CAP_SQUARE ? CAIRO_LINE_CAP_SQUARE
                                                    : CAIRO_LINE_CAP_BUTT);
}

static void c_set_line_join(vg *v, vg_join join)
{
    cairo_set_line_join(C(v), join == VG_JOIN_ROUND   ? CAIRO_LINE_JOIN_ROUND
                              : join == VG_JOIN_BEVEL ? CAIRO_LINE_JOIN_BEVEL
                                                      : CAIRO_LINE_JOIN_MITER);
}

static void c_set_op(vg *v, vg_op op)
{
    cairo_set_operator(C(v), op == VG_OP_CLEAR ? CAIRO_OPERATOR_CLEAR : CAIRO_OPERATOR_OVER);
}

static void c_set_rgb(vg *v, double r, double g, double b) { cairo_set_source_rgb(C(v), r, g, b); }
static void c_new_path(vg *v) { cairo_new_path(C(v)); }
static void c_new_sub_path(vg *v) { cairo_new_sub_path(C(v)); }
static void c_move_to(vg *v, double x, double y) { cairo_move_to(C(v), x, y); }
static void c_line_to(vg *v, double x, double y) { cairo_line_to(C(v), x, y); }

static void c_curve_to(vg *v, double x1, double y1, double x2, double y2, double x3, double y3)
{
    cairo_curve_to(C(v), x1, y1, x2, y2, x3, y3);
}

static void c_arc(vg *v, double xc, double yc, double r, double a1, double a2)
{
    cairo_arc(C(v), xc, yc, r, a1, a2);
}

static void c_arc_negative(vg *v, double xc, double yc, double r, double a1, double a2)
{
    cairo_arc_negative(C(v), xc, yc, r, a1, a2);
}

static void c_rectangle(vg *v, double x, double y, double w, double h)
{
    cairo_rectangle(C(v), x, y, w, h);
}

static void c_close_path(vg *v) { cairo_close_path(C(v)); }

static void c_fill(vg *v, int preserve)
{
    if (preserve)
        cairo_fill_preserve(C(v));
    else
        cairo_fill(C(v));
}

static void c_stroke(vg *v) { cairo_stroke(C(v)); }
static void c_clip(vg *v) { cairo_clip(C(v)); }

static const vg_ops cairo_ops = {
    c_save,        c_restore,       c_translate, c_rotate,  c_scale,    c_set_line_width,
    c_set_line_cap, c_set_line_join, c_set_op,   c_set_rgb, c_new_path, c_new_sub_path,
    c_move_to,     c_line_to,       c_curve_to,  c_arc,     c_arc_negative, c_rectangle,
    c_close_path,  c_fill,          c_stroke,    c_clip,
};

static icon_fn drawable(cairo_t *cr, icon_id icon, double size)
{
    return cr && size > 0 ? icons_drawing(icon) : NULL;
}

/* Puts the unit square at (x, y, size) and, with `clip`, clips to it, so nothing ever spills
 * out. */
static void enter_square(cairo_t *cr, double x, double y, double size, bool clip)
{
    cairo_translate(cr, x, y);
    cairo_scale(cr, size, size);
    cairo_new_path(cr);
    if (clip) {
        cairo_rectangle(cr, 0, 0, 1, 1);
        cairo_clip(cr);
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
}

void icons_draw(cairo_t *cr, icon_id icon, double x, double y, double size, double r, double g,
                double b, double a)
{
    icon_fn draw = drawable(cr, icon, size);
    if (!draw)
        return;
    vg_cairo v = {{&cairo_ops, NULL}, cr};
    cairo_save(cr);
    enter_square(cr, x, y, size, true);
    /* Draw into an alpha-only group so the cuts make holes in the icon only, not in whatever
     * lies beneath it, then paint the colour through that shape. */
    cairo_push_group_with_content(cr, CAIRO_CONTENT_ALPHA);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    pen_ink(&v.base);
    draw(&v.base);
    cairo_pattern_t *shape = cairo_pop_group(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_source_rgba(cr, r, g, b, a);
    cairo_mask(cr, shape);
    cairo_pattern_destroy(shape);
    cairo_restore(cr);
}

static void draw_on(cairo_t *cr, icon_id icon, double x, double y, double size, double r,
                    double g, double b, double paper_r, double paper_g, double paper_b, bool clip)
{
    icon_fn draw = drawable(cr, icon, size);
    if (!draw)
        return;
    vg_cairo v = {{&cairo_ops, NULL}, cr};
    pen_paper paper = {{r, g, b}, {paper_r, paper_g, paper_b}};
    cairo_save(cr);
    enter_square(cr, x, y, size, clip);
    pen_use_paper(&v.base, &paper);
    pen_ink(&v.base);
    draw(&v.base);
    pen_use_paper(&v.base, NULL);
    cairo_restore(cr);
}

void icons_draw_on(cairo_t *cr, icon_id icon, double x, double y, double size, double r,
                   double g, double b, double paper_r, double paper_g, double paper_b)
{
    draw_on(cr, icon, x, y, size, r, g, b, paper_r, paper_g, paper_b, true);
}

void icons_draw_on_unclipped(cairo_t *cr, icon_id icon, double x, double y, double size,
                             double r, double g, double b, double paper_r, double paper_g,
                             double paper_b)
{
    draw_on(cr, icon, x, y, size, r, g, b, paper_r, paper_g, paper_b, false);
}
