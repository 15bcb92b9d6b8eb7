/* qr_cairo: drawing a code with cairo and writing it as a PNG. See qr_cairo.h. */
#include "qr/qr_cairo.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Strokes the dark modules of each row as ONE line along the row's middle, one module thick
 * with butt caps, whose dash pattern is the row itself: dashes are the runs of dark modules,
 * gaps the runs of light ones. The line starts at the left edge of the row's first dark
 * module and ends at the right edge of its last, and every dash and gap is a whole number of
 * modules, so with dash offset 0 each dash starts and ends exactly on the module grid (no
 * phase to carry from row to row). In a PDF a row is then "[2 1 1 3 7 1] 0 d 4 9.5 m 18 9.5
 * l S": about one small integer per run, where a line per run took four numbers (x, y of its
 * two ends) and a rectangle per module four per module; cairo prints and deflates those
 * numbers, which was most of the week PDF's cost. The pattern starts and ends with a dash,
 * so it has an odd length, which cairo's PDF writer writes out twice over to make it even
 * (the week PDF 147 KB instead of 138 KB): one more gap after the last dash makes it even
 * here. That gap is never drawn: the line ends where the last dash ends. One stroke per row
 * (the dashes belong to the stroke, not to a sub-path); rows touch only along their edges. */
static void stroke_rows(cairo_t *cr, const uint8_t *modules, int size)
{
    double dashes[17 + 4 * QR_MAX_VERSION + 1]; /* a dash or gap per module, and one more */
    if (size >= (int)(sizeof dashes / sizeof dashes[0]))
        return; /* qr_encode makes no bigger code (QR_MAX_VERSION) */
    for (int r = 0; r < size; r++) {
        const uint8_t *row = modules + (size_t)r * size;
        int first = 0, end = size;
        while (first < size && !row[first])
            first++;
        if (first == size)
            continue; /* an all-light row: nothing to stroke */
        while (!row[end - 1])
            end--;
        int n = 0;
        for (int c = first; c < end;) {
            int from = c;
            while (c < end && row[c] == row[from])
                c++;
            dashes[n++] = c - from; /* dark, light, dark, ...: starts and ends dark */
        }
        dashes[n++] = 1; /* the even length's gap, past the line's end */
        cairo_set_dash(cr, dashes, n, 0);
        cairo_move_to(cr, QR_QUIET_ZONE + first, QR_QUIET_ZONE + r + 0.5);
        cairo_line_to(cr, QR_QUIET_ZONE + end, QR_QUIET_ZONE + r + 0.5);
        cairo_stroke(cr);
    }
}

/* The white square with the quiet zone, then the dark modules row by row (stroke_rows), in
 * units of one module with the code's top-left corner at the origin. */
static void draw_in_modules(cairo_t *cr, const qr_code *q)
{
    double full = qr_size_with_quiet_zone(q);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_new_path(cr);
    cairo_rectangle(cr, 0, 0, full, full);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    cairo_set_line_width(cr, 1);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0, 0, 0);
    stroke_rows(cr, qr_modules(q), qr_size(q));
}

/* On paper (a PDF, or any surface but an image) the code is drawn into a recording surface
 * in module units and painted from there: cairo writes it as one form (XObject) of its own,
 * its coordinates whole or half modules ("4 12.5 m 57 12.5 l") and its dashes whole modules
 * under one scale and offset, where drawn on the page every number was the page's point with
 * three decimals ("236.641 163.68 m"). A sync's week PDF holds ~60 codes (~2,800 rows, ~31,000
 * runs): their numbers are most of what cairo prints with printf and deflates, and the page's
 * form of them took a third more bytes to deflate. The same shapes: still vector, the modules
 * where they were.
 * Returns false when the recording surface cannot be made (then the caller draws directly). */
static bool draw_as_form(cairo_t *cr, const qr_code *q, double x, double y, double module)
{
    double full = qr_size_with_quiet_zone(q);
    cairo_rectangle_t extents = {0, 0, full, full};
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    if (cairo_surface_status(rec) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(rec);
        return false;
    }
    cairo_t *rc = cairo_create(rec);
    draw_in_modules(rc, q);
    cairo_status_t drawn = cairo_status(rc);
    cairo_destroy(rc);
    if (drawn == CAIRO_STATUS_SUCCESS) {
        cairo_save(cr);
        cairo_translate(cr, x, y);
        cairo_scale(cr, module, module);
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
        cairo_set_source_surface(cr, rec, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
    }
    cairo_surface_destroy(rec);
    return drawn == CAIRO_STATUS_SUCCESS;
}

void qr_draw(cairo_t *cr, const qr_code *q, double x, double y, double module)
{
    if (!cr || !q || module <= 0)
        return;
    /* pixels (the PNG) are drawn directly, as they always were: the same bytes */
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE &&
        draw_as_form(cr, q, x, y, module))
        return;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, module, module);
    draw_in_modules(cr, q);
    cairo_restore(cr);
}

static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

vm_status qr_write_png(const qr_code *q, int px_per_module, const char *path, vm_err *err)
{
    if (!q || !path || !*path)
        return err_set(err, VM_ERR_INVALID, "qr_write_png: no code or no file name");
    if (px_per_module < 1 || px_per_module > 64)
        return err_set(err, VM_ERR_INVALID,
                       "A QR code needs 1 to 64 pixels per module, not %d.", px_per_module);
    vm_status st = VM_OK;
    FILE *f = NULL;
    char *tmp = NULL;
    int side = qr_size_with_quiet_zone(q) * px_per_module;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
    cairo_t *cr = cairo_create(s);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory while drawing a QR code.");
        goto out;
    }
    qr_draw(cr, q, 0, 0, px_per_module);
    cairo_surface_flush(s);

    size_t n = strlen(path) + 32;
    tmp = malloc(n);
    if (!tmp) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory while writing a QR code.");
        goto out;
    }
    snprintf(tmp, n, "%s.tmp-%ld", path, (long)getpid());
    f = fopen(tmp, "wb");
    if (!f) {
        st = err_set(err, VM_ERR_IO, "Cannot write the QR code to %s: %s.", path,
                     strerror(errno));
        goto out;
    }
    cairo_status_t cs = cairo_surface_write_to_png_stream(s, write_to_file, f);
    if (cs != CAIRO_STATUS_SUCCESS) {
        st = err_set(err, VM_ERR_IO, "Cannot write the QR code to %s: %s.", path,
                     cairo_status_to_string(cs));
        goto out;
    }
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        st = err_set(err, VM_ERR_IO, "Cannot write the QR code to %s: %s.", path,
                     strerror(errno));
        goto out;
    }
    if (fclose(f) != 0) {
        f = NULL;
        st = err_set(err, VM_ERR_IO, "Cannot write the QR code to %s: %s.", path,
                     strerror(errno));
        goto out;
    }
    f = NULL;
    if (rename(tmp, path) != 0) {
        st = err_set(err, VM_ERR_IO, "Cannot write the QR code to %s: %s.", path,
                     strerror(errno));
        goto out;
    }
out:
    if (f)
        fclose(f);
    if (st != VM_OK && tmp)
        unlink(tmp);
    free(tmp);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return st;
}
