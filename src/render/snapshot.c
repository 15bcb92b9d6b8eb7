/* snapshot: a picture of a frame as PNG bytes, for the staff's stick (what residents see).
 * Encoded with libpng's simplified API: the kiosk has libpng already (FreeType reads PNG
 * glyphs with it), so the picture costs no further library at start. */
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

vm_status render_snapshot_png(render *r, const ui_frame *f, unsigned char **png, size_t *len,
                              vm_err *err)
{
    unsigned char *px = NULL, *rgb = NULL;
    int w = 0, h = 0;
    *png = NULL;
    *len = 0;
    render_draw(r, f);
    vm_status st = render_read_pixels(r, &px, &w, &h, err);
    if (st != VM_OK)
        return st;
    /* SDL's ARGB8888 words, alpha left out: the screen is opaque. */
    rgb = malloc((size_t)w * (size_t)h * 3);
    if (!rgb) {
        st = err_set(err, VM_ERR_NOMEM, "The picture of the screen could not be made.");
        goto out;
    }
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
        uint32_t v;
        memcpy(&v, px + i * 4, 4);
        rgb[i * 3] = (unsigned char)(v >> 16);
        rgb[i * 3 + 1] = (unsigned char)(v >> 8);
        rgb[i * 3 + 2] = (unsigned char)v;
    }
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&img, NULL, &size, 0, rgb, w * 3, NULL) ||
        !(*png = malloc(size)) ||
        !png_image_write_to_memory(&img, *png, &size, 0, rgb, w * 3, NULL)) {
        free(*png);
        *png = NULL;
        png_image_free(&img);
        st = err_set(err, VM_ERR_NOMEM, "The picture of the screen could not be made.");
        goto out;
    }
    *len = size;
out:
    free(rgb);
    free(px);
    return st;
}
