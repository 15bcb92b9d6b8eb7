/* qr: encoding with libqrencode, drawing and PNG writing with cairo. See qr.h. */
#include "qr/qr.h"

#include <errno.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct qr_code {
    int size;
    int version;
    uint8_t *modules;
};

bool qr_payload_is_ascii(const char *payload)
{
    for (const unsigned char *p = (const unsigned char *)payload; p && *p; p++)
        if (*p >= 0x80)
            return false;
    return true;
}

size_t qr_max_bytes(const char *payload)
{
    return qr_payload_is_ascii(payload) ? QR_MAX_BYTES : QR_MAX_BYTES_UTF8;
}

/* The symbol for `payload`: ASCII in plain byte mode, anything else behind an ECI 26 (UTF-8)
 * designator. Without the designator a reader has to guess the character set: zbar reads
 * the UTF-8 of "Fællesspisning" as Shift JIS ("F疆llesspisning"). Plain ASCII keeps the
 * simplest form, which every reader knows. NULL with errno set on failure. */
static QRcode *encode_symbol(const char *payload, size_t len)
{
    if (qr_payload_is_ascii(payload))
        return QRcode_encodeData((int)len, (const unsigned char *)payload, 0, QR_ECLEVEL_M);
    QRcode *c = NULL;
    QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
    if (!in)
        return NULL;
    if (QRinput_appendECIheader(in, QR_ECI_UTF8) == 0 &&
        QRinput_append(in, QR_MODE_8, (int)len, (const unsigned char *)payload) == 0)
        c = QRcode_encodeInput(in);
    int saved = errno;
    QRinput_free(in);
    errno = saved;
    return c;
}

vm_status qr_encode(const char *payload, qr_code **out, vm_err *err)
{
    *out = NULL;
    size_t len = payload ? strlen(payload) : 0;
    if (len == 0)
        return err_set(err, VM_ERR_INVALID, "There is nothing to put in the QR code.");
    size_t max = qr_max_bytes(payload);
    if (len > max)
        return err_set(err, VM_ERR_INVALID,
                       "The text for the QR code is too long (%zu bytes; at most %zu fit a code "
                       "that can be scanned from a notice board). Shorten the title, place or "
                       "link.",
                       len, max);
    /* Byte mode for the whole payload: a mixed-mode split would gain little on these short
     * texts. */
    errno = 0;
    QRcode *c = encode_symbol(payload, len);
    if (!c) {
        if (errno == ENOMEM)
            return err_set(err, VM_ERR_NOMEM, "Out of memory while making a QR code.");
        if (errno == ERANGE)
            return err_set(err, VM_ERR_INVALID,
                           "The text for the QR code is too long (%zu bytes). Shorten the "
                           "title, place or link.",
                           len);
        return err_set(err, VM_ERR_INTERNAL, "qr_encode: libqrencode failed (errno %d)", errno);
    }
    if (c->version > QR_MAX_VERSION) {
        int v = c->version;
        QRcode_free(c);
        return err_set(err, VM_ERR_INVALID,
                       "The text for the QR code is too long: it needs a version %d code, and "
                       "codes above version %d are too dense to scan. Shorten the title, place "
                       "or link.",
                       v, QR_MAX_VERSION);
    }
    vm_status st = VM_OK;
    qr_code *q = calloc(1, sizeof *q);
    if (!q) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory while making a QR code.");
        goto out;
    }
    q->size = c->width;
    q->version = c->version;
    q->modules = malloc((size_t)c->width * (size_t)c->width);
    if (!q->modules) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory while making a QR code.");
        goto out;
    }
    for (int i = 0; i < c->width * c->width; i++)
        q->modules[i] = c->data[i] & 1; /* bit 0 is "dark"; the others are libqrencode's */
    *out = q;
    q = NULL;
out:
    qr_free(q);
    QRcode_free(c);
    return st;
}

void qr_free(qr_code *q)
{
    if (!q)
        return;
    free(q->modules);
    free(q);
}

int qr_size(const qr_code *q)
{
    return q ? q->size : 0;
}

int qr_version(const qr_code *q)
{
    return q ? q->version : 0;
}

const uint8_t *qr_modules(const qr_code *q)
{
    return q ? q->modules : NULL;
}

int qr_size_with_quiet_zone(const qr_code *q)
{
    return q ? q->size + 2 * QR_QUIET_ZONE : 0;
}

void qr_draw(cairo_t *cr, const qr_code *q, double x, double y, double module)
{
    if (!cr || !q || module <= 0)
        return;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, module, module);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    double full = qr_size_with_quiet_zone(q);
    cairo_new_path(cr);
    cairo_rectangle(cr, 0, 0, full, full);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    /* One path of horizontal runs: fewer rectangles, and no seams where two touch. */
    cairo_new_path(cr);
    for (int r = 0; r < q->size; r++) {
        const uint8_t *row = q->modules + (size_t)r * q->size;
        for (int c = 0; c < q->size;) {
            if (!row[c]) {
                c++;
                continue;
            }
            int start = c;
            while (c < q->size && row[c])
                c++;
            cairo_rectangle(cr, QR_QUIET_ZONE + start, QR_QUIET_ZONE + r, c - start, 1);
        }
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_fill(cr);
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
