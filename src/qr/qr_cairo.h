/* qr_cairo: a QR code of qr.h drawn with cairo, on paper or as a PNG file. Its own library
 * (vm_qr_cairo): only print and the `vaermed qr` command, through the print module, need it.
 *
 * Threads: any. No state of its own.
 */
#ifndef VM_QR_QR_CAIRO_H
#define VM_QR_QR_CAIRO_H

#include <cairo.h>

#include "qr/qr.h"

/* Writes the code as a PNG (cairo), `px_per_module` pixels per module and a 4-module quiet
 * zone, black on white. The file is written next to `path` under a temporary name, flushed
 * and renamed, so a failed write leaves any old file as it was. VM_ERR_IO with the path and
 * the reason when it cannot be written; VM_ERR_INVALID for px_per_module outside 1..64. */
vm_status qr_write_png(const qr_code *q, int px_per_module, const char *path, vm_err *err);

/* Draws the code into `cr` with its top-left corner at (x, y), `module` user units per module:
 * a white square including the quiet zone, then the dark modules in black, each row one
 * stroked line one module thick with butt caps whose dash pattern is the row's runs (dashes
 * the dark runs, gaps the light ones: exactly the modules' squares, on the module grid, with
 * no hairline seams between modules of a row in a PDF viewer). Stays vector. On any
 * surface but an image (a PDF) the code is one form of its own, drawn in module units and
 * painted scaled to `module` at (x, y); on an image it is drawn directly. Leaves the cairo
 * state as it was. */
void qr_draw(cairo_t *cr, const qr_code *q, double x, double y, double module);

#endif
