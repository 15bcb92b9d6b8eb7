/* qr_decode: see qr_decode.h. */
#include "qr_decode.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zbar.h>

static void add_symbols(const zbar_image_t *img, qrd_result *out)
{
    for (const zbar_symbol_t *s = zbar_image_first_symbol(img); s;
         s = zbar_symbol_next(s)) {
        if (zbar_symbol_get_type(s) != ZBAR_QRCODE)
            continue;
        qrd_symbol *grown = realloc(out->sym, (out->n + 1) * sizeof *grown);
        if (!grown)
            return;
        out->sym = grown;
        qrd_symbol *d = &out->sym[out->n];
        d->len = zbar_symbol_get_data_length(s);
        d->data = malloc(d->len + 1);
        if (!d->data)
            return;
        memcpy(d->data, zbar_symbol_get_data(s), d->len);
        d->data[d->len] = '\0';
        int minx = 1 << 30, miny = 1 << 30;
        for (unsigned i = 0; i < zbar_symbol_get_loc_size(s); i++) {
            int x = zbar_symbol_get_loc_x(s, i), y = zbar_symbol_get_loc_y(s, i);
            minx = x < minx ? x : minx;
            miny = y < miny ? y : miny;
        }
        d->x = minx;
        d->y = miny;
        out->n++;
    }
}

size_t qrd_decode_gray(const uint8_t *gray, int w, int h, int stride, qrd_result *out)
{
    out->sym = NULL;
    out->n = 0;
    uint8_t *packed = malloc((size_t)w * h);
    if (!packed)
        return 0;
    for (int y = 0; y < h; y++)
        memcpy(packed + (size_t)y * w, gray + (size_t)y * stride, (size_t)w);
    zbar_image_scanner_t *sc = zbar_image_scanner_create();
    zbar_image_scanner_set_config(sc, 0, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
    zbar_image_t *img = zbar_image_create();
    zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(img, (unsigned)w, (unsigned)h);
    zbar_image_set_data(img, packed, (unsigned long)w * h, NULL);
    zbar_scan_image(sc, img);
    add_symbols(img, out);
    zbar_image_destroy(img);
    zbar_image_scanner_destroy(sc);
    free(packed);
    return out->n;
}

size_t qrd_decode_png(const char *path, qrd_result *out)
{
    out->sym = NULL;
    out->n = 0;
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return (size_t)-1;
    }
    /* flatten onto white, then take the green channel as grey */
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    cairo_surface_t *flat = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(flat);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(flat);
    const unsigned char *px = cairo_image_surface_get_data(flat);
    int stride = cairo_image_surface_get_stride(flat);
    uint8_t *gray = malloc((size_t)w * h);
    size_t n = 0;
    if (gray) {
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                uint32_t v;
                memcpy(&v, px + (size_t)y * stride + x * 4, 4);
                gray[(size_t)y * w + x] = (uint8_t)((v >> 8) & 255);
            }
        n = qrd_decode_gray(gray, w, h, w, out);
        free(gray);
    }
    cairo_surface_destroy(flat);
    cairo_surface_destroy(s);
    return n;
}

size_t qrd_decode_pgm(const char *path, qrd_result *out)
{
    out->sym = NULL;
    out->n = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return (size_t)-1;
    int w = 0, h = 0, maxval = 0;
    size_t n = (size_t)-1;
    if (fscanf(f, "P5 %d %d %d", &w, &h, &maxval) == 3 && maxval == 255 && w > 0 && h > 0 &&
        fgetc(f) != EOF) {
        uint8_t *gray = malloc((size_t)w * h);
        if (gray && fread(gray, 1, (size_t)w * h, f) == (size_t)w * h)
            n = qrd_decode_gray(gray, w, h, w, out);
        free(gray);
    }
    fclose(f);
    return n;
}

void qrd_free(qrd_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->sym[i].data);
    free(r->sym);
    r->sym = NULL;
    r->n = 0;
}
