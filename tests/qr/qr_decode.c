/* qr_decode: see qr_decode.h. */
#include "qr_decode.h"

#include <cairo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zbar.h>
#include <zlib.h>

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
        d->has_eci = -1;
        out->n++;
    }
}

static size_t zbar_decode(const uint8_t *gray, int w, int h, int stride, bool binary,
                          qrd_result *out)
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
    zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_BINARY, binary ? 1 : 0);
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

size_t qrd_decode_gray(const uint8_t *gray, int w, int h, int stride, qrd_result *out)
{
    return zbar_decode(gray, w, h, stride, true, out);
}

/* A PNG flattened onto white, its green channel as grey (malloc'd), or NULL. */
static uint8_t *png_gray(const char *path, int *w, int *h)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    *w = cairo_image_surface_get_width(s);
    *h = cairo_image_surface_get_height(s);
    cairo_surface_t *flat = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *w, *h);
    cairo_t *cr = cairo_create(flat);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(flat);
    const unsigned char *px = cairo_image_surface_get_data(flat);
    int stride = cairo_image_surface_get_stride(flat);
    uint8_t *gray = malloc((size_t)*w * *h);
    if (gray) {
        for (int y = 0; y < *h; y++)
            for (int x = 0; x < *w; x++) {
                uint32_t v;
                memcpy(&v, px + (size_t)y * stride + x * 4, 4);
                gray[(size_t)y * *w + x] = (uint8_t)((v >> 8) & 255);
            }
    }
    cairo_surface_destroy(flat);
    cairo_surface_destroy(s);
    return gray;
}

/* A binary PGM (maxval 255) as grey (malloc'd), or NULL. */
static uint8_t *pgm_gray(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    int maxval = 0;
    uint8_t *gray = NULL;
    if (fscanf(f, "P5 %d %d %d", w, h, &maxval) == 3 && maxval == 255 && *w > 0 && *h > 0 &&
        fgetc(f) != EOF) {
        gray = malloc((size_t)*w * *h);
        if (gray && fread(gray, 1, (size_t)*w * *h, f) != (size_t)*w * *h) {
            free(gray);
            gray = NULL;
        }
    }
    fclose(f);
    return gray;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static void add_text(qrd_result *out, const char *text, size_t len, int x, int y, int has_eci)
{
    qrd_symbol *grown = realloc(out->sym, (out->n + 1) * sizeof *grown);
    if (!grown)
        return;
    out->sym = grown;
    qrd_symbol *d = &out->sym[out->n];
    d->data = malloc(len + 1);
    if (!d->data)
        return;
    memcpy(d->data, text, len);
    d->data[len] = '\0';
    d->len = len;
    d->x = x;
    d->y = y;
    d->has_eci = has_eci;
    out->n++;
}

/* Runs ZXingReader on the file and reads its report: per symbol a block of "Field: value"
 * lines, the text quoted and unescaped (it may span lines), blocks apart by a blank line. */
static size_t zxing_decode(const char *path, qrd_result *out)
{
    char cmd[4200];
    if (strlen(path) > 4000 || strchr(path, '\''))
        return (size_t)-1;
    snprintf(cmd, sizeof cmd, "ZXingReader -format QRCode '%s' 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    if (!p)
        return (size_t)-1;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    int rc = pclose(p);
    if (!buf || rc != 0) {
        free(buf);
        return (size_t)-1;
    }
    buf[len] = '\0';
    for (char *at = buf; (at = strstr(at, "Text:")) != NULL;) {
        char *open = strchr(at, '"');
        char *end = open ? strstr(open, "\"\nBytes:") : NULL;
        if (!end)
            break;
        char *eci = strstr(end, "HasECI:");
        char *pos = strstr(end, "Position:");
        char *next = strstr(end, "Text:");
        int x = 0, y = 0, has_eci = -1;
        if (pos && (!next || pos < next))
            sscanf(pos, "Position: %dx%d", &x, &y);
        if (eci && (!next || eci < next))
            has_eci = strncmp(eci + 7 + strspn(eci + 7, " "), "true", 4) == 0;
        add_text(out, open + 1, (size_t)(end - open - 1), x, y, has_eci);
        at = end;
    }
    free(buf);
    return out->n;
}

size_t qrd_decode_file(const char *path, qrd_reader reader, qrd_result *out)
{
    out->sym = NULL;
    out->n = 0;
    if (reader == QRD_ZXING_TEXT)
        return zxing_decode(path, out);
    int w = 0, h = 0;
    uint8_t *gray = ends_with(path, ".png") ? png_gray(path, &w, &h) : pgm_gray(path, &w, &h);
    if (!gray)
        return (size_t)-1;
    size_t n = zbar_decode(gray, w, h, w, reader == QRD_ZBAR_BYTES, out);
    free(gray);
    return n;
}

size_t qrd_decode_png(const char *path, qrd_result *out)
{
    out->sym = NULL;
    out->n = 0;
    int w = 0, h = 0;
    uint8_t *gray = png_gray(path, &w, &h);
    if (!gray)
        return (size_t)-1;
    size_t n = qrd_decode_gray(gray, w, h, w, out);
    free(gray);
    return n;
}

size_t qrd_decode_pgm(const char *path, qrd_result *out)
{
    out->sym = NULL;
    out->n = 0;
    int w = 0, h = 0;
    uint8_t *gray = pgm_gray(path, &w, &h);
    if (!gray)
        return (size_t)-1;
    size_t n = qrd_decode_gray(gray, w, h, w, out);
    free(gray);
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

/* qrd_pdf_streams: see qr_decode.h. */
char *qrd_pdf_streams(const char *pdf, size_t len)
{
    size_t cap = 1 << 16, used = 0;
    char *out = malloc(cap);
    bool ok = out != NULL;
    for (size_t i = 0; ok && i + 7 < len; i++) {
        if (memcmp(pdf + i, "stream", 6) != 0 || (i > 0 && pdf[i - 1] == 'd'))
            continue; /* "endstream" */
        size_t at = i + 6;
        if (pdf[at] == '\r')
            at++;
        if (pdf[at] != '\n')
            continue;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit(&z) != Z_OK)
            break;
        z.next_in = (Bytef *)(pdf + at + 1);
        z.avail_in = (uInt)(len - at - 1);
        int zs = Z_OK;
        while (ok && zs == Z_OK) {
            if (cap - used < 4096) {
                char *more = realloc(out, cap * 2);
                ok = more != NULL;
                out = ok ? more : out;
                cap *= 2;
                if (!ok)
                    break;
            }
            z.next_out = (Bytef *)(out + used);
            z.avail_out = (uInt)(cap - used - 1);
            zs = inflate(&z, Z_NO_FLUSH);
            used = cap - 1 - z.avail_out;
        }
        ok = ok && zs == Z_STREAM_END;
        out[used++] = '\n';
        inflateEnd(&z);
        i = at;
    }
    if (!ok) {
        free(out);
        return NULL;
    }
    out[used] = '\0';
    return out;
}
