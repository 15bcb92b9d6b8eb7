/* qr: what a passer-by's phone reads, and the code that carries it. libqrencode stays inside.
 *
 * Payloads (RFC 5545 VEVENT with escaping and 75-octet folding, SMSTO:, URLs) are built into
 * caller buffers. qr_encode turns a payload into a module grid with error correction M; a
 * payload that would need more than QR_MAX_VERSION (too dense to scan from a notice board or
 * from 50 cm at 4 px per module) is refused, and the activity then shows no code.
 *
 * Ownership: qr_encode returns a qr_code the caller frees with qr_free (NULL-safe).
 */
#ifndef VM_QR_QR_H
#define VM_QR_QR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"

#define QR_MAX_VERSION 15 /* 77x77 modules */
#define QR_PAYLOAD_MAX 2048

typedef enum qr_target_kind {
    QR_TARGET_NONE = 0, /* residents only, or nothing scannable */
    QR_TARGET_URL,
    QR_TARGET_SMS,
    QR_TARGET_CALENDAR
} qr_target_kind;

typedef struct qr_code qr_code;

/* Encodes `payload` (UTF-8, byte mode) with ECC level M. VM_ERR_INVALID with a message when it
 * is empty or too long for QR_MAX_VERSION. */
vm_status qr_encode(const char *payload, qr_code **out, vm_err *err);
void qr_free(qr_code *q);

int qr_size(const qr_code *q);               /* modules per side, without quiet zone */
int qr_version(const qr_code *q);
const uint8_t *qr_modules(const qr_code *q); /* size*size bytes, row-major, 1 = dark */

/* Chooses the target for an activity, in this order: its signup_url; else `url_template`
 * with "{uid}" replaced (URL-encoded) when the template is set; else SMSTO to host_phone with
 * "Tilmeld <title> <date>"; else a VEVENT. BADGE_RESIDENTS_ONLY or a cancelled activity give
 * QR_TARGET_NONE. Writes the payload into `out`. VM_ERR_INVALID for a template without
 * {uid} or a payload longer than `size`. */
vm_status qr_target_for(const activity *a, const char *url_template, char *out, size_t size,
                        qr_target_kind *kind, vm_err *err);

/* The payload builders, each writing into `out` (NUL-terminated); false when it did not fit. */
bool qr_payload_url(const char *url_template, const char *uid, char *out, size_t size);
bool qr_payload_smsto(const char *phone, const char *body, char *out, size_t size);
bool qr_payload_vevent(const activity *a, char *out, size_t size);

/* RFC 5545 TEXT escaping (backslash, comma, semicolon, newline) into out. */
bool qr_ical_escape(const char *in, char *out, size_t size);

/* Writes the code as a PNG (cairo), `px_per_module` pixels per module and a 4-module quiet
 * zone. */
vm_status qr_write_png(const qr_code *q, int px_per_module, const char *path, vm_err *err);

#endif
