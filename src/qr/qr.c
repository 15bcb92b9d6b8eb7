/* qr: encoding with libqrencode. See qr.h; drawing and PNG files are qr_cairo.c. */
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
