/* icons_pen: the shapes the pictograms are made of (internal to icons/), drawn with vg.
 *
 * Every drawing works in the unit square with the ink already chosen: `ink` paints, `cut`
 * erases what was painted (on the screen the drawing is alpha only, so a cut is a real
 * hole; on paper the hole is painted in the paper's colour). Widths are in units of the
 * square: 0.1 is a tenth of the icon.
 *
 * Threads: any. No state of its own; a cairo context or raster is used by one thread at a
 * time.
 */
#ifndef VM_ICONS_PEN_H
#define VM_ICONS_PEN_H

#include "icons/vg.h"

typedef struct pen_paper {
    double ink[3];   /* the icon's colour */
    double paper[3]; /* the plain background it sits on */
} pen_paper;

/* Switches `cr` to the paper path for as long as `paper` is set (NULL switches back). The
 * struct must outlive that use; it is not copied. */
void pen_use_paper(vg *cr, pen_paper *paper);

void pen_ink(vg *cr);
void pen_cut(vg *cr);

/* A stroked polyline through n points (x0, y0, x1, y1, ...), round caps and joins. */
void pen_line(vg *cr, double w, int n, const double *pts);
void pen_seg(vg *cr, double w, double x0, double y0, double x1, double y1);
/* A filled polygon through n points; `round` > 0 rounds its corners by stroking the outline
 * at that width as well. */
void pen_poly(vg *cr, double round, int n, const double *pts);

void pen_disc(vg *cr, double cx, double cy, double r);
void pen_ring(vg *cr, double cx, double cy, double r, double w);
void pen_ellipse(vg *cr, double cx, double cy, double rx, double ry, double angle);
void pen_rrect_path(vg *cr, double x, double y, double w, double h, double r);
void pen_rrect(vg *cr, double x, double y, double w, double h, double r);

/* A heart centred on (cx, cy), `s` wide. */
void pen_heart(vg *cr, double cx, double cy, double s);
/* A standing figure: head and body, `h` tall from `top`, centred on cx. `gap` > 0 cuts a
 * margin of that width around it first, so it stands out from what is behind. */
void pen_figure(vg *cr, double cx, double top, double h, double gap);
/* Head and shoulders, `h` tall from `top`, cut off flat at top + h. */
void pen_bust(vg *cr, double cx, double top, double h, double gap);

#endif
