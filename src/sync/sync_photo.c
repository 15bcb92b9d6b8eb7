/* sync_photo: a contact's photo, PNG in, a small RGB picture out (see sync_photo.h). */
#include "sync/sync_photo.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "sync/sync_tr.h"

vm_status sync_photo_decode(const void *data, size_t len, store_photo *out,
                            const i18n_catalog *cat, vm_err *err)
{
    const unsigned char *b = data;
    memset(out, 0, sizeof *out);
    if (len > SYNC_PHOTO_MAX_BYTES)
        return sync_err(err, VM_ERR_INVALID, cat, "the picture is too big (at most %d MB)",
                        SYNC_PHOTO_MAX_BYTES >> 20);
    if (len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return sync_err(err, VM_ERR_INVALID, cat,
                        "the picture is a JPEG; save it as PNG (in Paint: \"Gem som\", PNG)");
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (len < 8 || !png_image_begin_read_from_memory(&img, data, len)) {
        png_image_free(&img);
        return sync_err(err, VM_ERR_INVALID, cat,
                        "the file is not a PNG picture (or it is damaged); save it as PNG");
    }
    if (img.width < 1 || img.height < 1 || img.width > SYNC_PHOTO_MAX_SIDE ||
        img.height > SYNC_PHOTO_MAX_SIDE) {
        int w = (int)img.width, h = (int)img.height;
        png_image_free(&img);
        return sync_err(err, VM_ERR_INVALID, cat,
                        "the picture is %d x %d pixels; make it at most %d x %d", w, h,
                        SYNC_PHOTO_MAX_SIDE, SYNC_PHOTO_MAX_SIDE);
    }
    img.format = PNG_FORMAT_RGB;
    size_t w = img.width, h = img.height;
    unsigned char *full = malloc(w * h * 3);
    if (!full) {
        png_image_free(&img);
        return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    }
    png_color white = {255, 255, 255};
    if (!png_image_finish_read(&img, &white, full, 0, NULL)) {
        png_image_free(&img);
        free(full);
        return sync_err(err, VM_ERR_INVALID, cat,
                        "the file is not a PNG picture (or it is damaged); save it as PNG");
    }
    /* to fit CONTACT_PHOTO_MAX, keeping its shape: each small pixel the mean of its area */
    size_t side = w > h ? w : h;
    size_t ow = w, oh = h;
    if (side > CONTACT_PHOTO_MAX) {
        ow = w * CONTACT_PHOTO_MAX / side;
        oh = h * CONTACT_PHOTO_MAX / side;
    }
    if (ow < 1)
        ow = 1;
    if (oh < 1)
        oh = 1;
    unsigned char *small = malloc(ow * oh * 3);
    if (!small) {
        free(full);
        return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    }
    for (size_t y = 0; y < oh; y++) {
        size_t y0 = y * h / oh, y1 = (y + 1) * h / oh;
        if (y1 <= y0)
            y1 = y0 + 1;
        for (size_t x = 0; x < ow; x++) {
            size_t x0 = x * w / ow, x1 = (x + 1) * w / ow;
            if (x1 <= x0)
                x1 = x0 + 1;
            unsigned long sum[3] = {0, 0, 0}, n = 0;
            for (size_t yy = y0; yy < y1; yy++)
                for (size_t xx = x0; xx < x1; xx++) {
                    const unsigned char *p = full + (yy * w + xx) * 3;
                    sum[0] += p[0];
                    sum[1] += p[1];
                    sum[2] += p[2];
                    n++;
                }
            unsigned char *q = small + (y * ow + x) * 3;
            for (int k = 0; k < 3; k++)
                q[k] = (unsigned char)(sum[k] / n);
        }
    }
    free(full);
    out->w = (int)ow;
    out->h = (int)oh;
    out->rgb = small;
    return VM_OK;
}
