/* icons_pen: the small drawing vocabulary the pictograms are made of (internal to icons/).
 *
 * Every drawing works in the unit square with the ink already chosen: `ink` paints, `cut`
 * erases what was painted (the drawing happens in an alpha-only group, so a cut is a real
 * hole, also on paper). Widths are in units of the square: 0.1 is a tenth of the icon.
 */
#ifndef VM_ICONS_PEN_H
#define VM_ICONS_PEN_H

#include <cairo.h>

typedef struct pen_paper {
    double ink[3];   /* the icon's colour */
    double paper[3]; /* the plain background it sits on */
} pen_paper;

/* Switches `cr` to the paper path for as long as `paper` is set (NULL switches back). The
 * struct must outlive that use; it is not copied. */
void pen_use_paper(cairo_t *cr, pen_paper *paper);

void pen_ink(cairo_t *cr);
void pen_cut(cairo_t *cr);

/* A stroked polyline through n points (x0, y0, x1, y1, ...), round caps and joins. */
void pen_line(cairo_t *cr, double w, int n, const double *pts);
void pen_seg(cairo_t *cr, double w, double x0, double y0, double x1, double y1);
/* A filled polygon through n points; `round` > 0 rounds its corners by stroking the outline
 * at that width as well. */
void pen_poly(cairo_t *cr, double round, int n, const double *pts);

void pen_disc(cairo_t *cr, double cx, double cy, double r);
void pen_ring(cairo_t *cr, double cx, double cy, double r, double w);
void pen_ellipse(cairo_t *cr, double cx, double cy, double rx, double ry, double angle);
void pen_rrect_path(cairo_t *cr, double x, double y, double w, double h, double r);
void pen_rrect(cairo_t *cr, double x, double y, double w, double h, double r);

/* A heart centred on (cx, cy), `s` wide. */
void pen_heart(cairo_t *cr, double cx, double cy, double s);
/* A standing figure: head and body, `h` tall from `top`, centred on cx. `gap` > 0 cuts a
 * margin of that width around it first, so it stands out from what is behind. */
void pen_figure(cairo_t *cr, double cx, double top, double h, double gap);
/* Head and shoulders, `h` tall from `top`, cut off flat at top + h. */
void pen_bust(cairo_t *cr, double cx, double top, double h, double gap);

#endif
