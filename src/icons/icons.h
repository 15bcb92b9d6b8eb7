/* icons: the pictograms, one drawing per icon_id in a 0..1 unit square, filled in one
 * colour. Shapes are bold and simple so they read at 24 px and from across a room.
 *
 * The screen rasterises them once per size (icons_rasterise, with FreeType: the kiosk needs
 * no cairo for them); the printed program draws the same drawings as vectors with cairo
 * (icons_cairo.h, a separate library that only print links).
 *
 * Threads: any. No state of its own; a cairo context or raster is used by one thread at a
 * time.
 */
#ifndef VM_ICONS_ICONS_H
#define VM_ICONS_ICONS_H

#include "core/icon.h"

/* Rasterises `icon` into a new ARGB32 (premultiplied, as cairo) buffer of size*size pixels,
 * white with the shape's alpha, so the renderer can tint it. An unknown icon is a clear
 * square. Returns NULL for a size outside 1..4096 or when out of memory; the caller free()s
 * it. */
unsigned char *icons_rasterise(icon_id icon, int size);

#endif
