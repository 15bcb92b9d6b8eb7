/* snapshot: a picture of a frame as PNG bytes, for the staff's stick (what residents see). */
#include <cairo.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

typedef struct png_buf {
    unsigned char *data;
    size_t len, cap;
    bool failed;
} png_buf;

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int length)
{
    png_buf *b = closure;
    if (b->len + length > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256 * 1024;
        while (cap < b->len + length)
            cap *= 2;
        unsigned char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = true;
            return CAIRO_STATUS_NO_MEMORY;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    return CAIRO_STATUS_SUCCESS;
}

vm_status render_snapshot_png(render *r, const ui_frame *f, unsigned char **png, size_t *len,
                              vm_err *err)
{
    unsigned char *px = NULL;
    int w = 0, h = 0;
    png_buf b = {0};
    cairo_surface_t *s = NULL;
    *png = NULL;
    *len = 0;
    render_draw(r, f);
    vm_status st = render_read_pixels(r, &px, &w, &h, err);
    if (st != VM_OK)
        return st;
    /* SDL's ARGB8888 and cairo's RGB24 are the same 32-bit words. */
    s = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_RGB24, w, h, w * 4);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_write_to_png_stream(s, append, &b) != CAIRO_STATUS_SUCCESS || b.failed) {
        st = err_set(err, VM_ERR_NOMEM, "The picture of the screen could not be made.");
        free(b.data);
        goto out;
    }
    *png = b.data;
    *len = b.len;
out:
    cairo_surface_destroy(s);
    free(px);
    return st;
}
