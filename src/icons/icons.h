/* icons: the pictograms as cairo vector paths.
 *
 * One drawing per icon_id, in a 0..1 unit square, filled in one colour. The screen
 * rasterises them once per size (render, icons_rasterise), the printed program keeps them as
 * vectors (print, icons_draw_on).
 * Shapes are bold and simple so they read at 24 px and from across a room.
 */
#ifndef VM_ICONS_ICONS_H
#define VM_ICONS_ICONS_H

#include <cairo.h>

#include "core/icon.h"

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

/* Rasterises `icon` into a new ARGB32 (premultiplied, as cairo) buffer of size*size pixels,
 * white with the shape's alpha, so the renderer can tint it. Returns NULL on failure; the
 * caller free()s it. */
unsigned char *icons_rasterise(icon_id icon, int size);

#endif
