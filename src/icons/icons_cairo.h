/* icons_cairo: the pictograms of icons.h drawn with cairo, for paper (print) and tests.
 * Its own library (vm_icons_cairo), so that the kiosk's screen, which only rasterises them,
 * does not link cairo.
 *
 * Threads: any. No state of its own; a cairo context or raster is used by one thread at a
 * time.
 */
#ifndef VM_ICONS_ICONS_CAIRO_H
#define VM_ICONS_ICONS_CAIRO_H

#include <cairo.h>

#include "icons/icons.h"

/* Draws `icon` into the square (x, y, size) of `cr` in the colour r, g, b, a (0..1). Leaves
 * the cairo state as it found it. Unknown ids draw nothing. */
void icons_draw(cairo_t *cr, icon_id icon, double x, double y, double size, double r, double g,
                double b, double a);

/* Draws `icon` opaque in r, g, b on a plain background of colour paper_r, paper_g, paper_b,
 * using only path fills and strokes (the holes in a shape are painted in the paper colour).
 * This is the path for vector output: cairo's PDF surface would turn the holes icons_draw
 * cuts into embedded bitmaps. Use it only where the square behind the icon is that one
 * colour (a badge, the page). Leaves the cairo state as it found it. */
void icons_draw_on(cairo_t *cr, icon_id icon, double x, double y, double size, double r,
                   double g, double b, double paper_r, double paper_g, double paper_b);

/* icons_draw_on without the clip to the square, for a PDF form (a recording surface) whose
 * box holds the square with room around it. Inside a form cairo 1.16 rasterises the whole
 * form when a stroke crosses a clip edge that is not on whole units (a round cap reaching a
 * hair past the square does), and then it is an image, not a vector. The pictograms keep
 * inside their square (test_icons: the same pixels inside, next to nothing outside), so the
 * clip changes nothing there. */
void icons_draw_on_unclipped(cairo_t *cr, icon_id icon, double x, double y, double size,
                             double r, double g, double b, double paper_r, double paper_g,
                             double paper_b);

#endif
