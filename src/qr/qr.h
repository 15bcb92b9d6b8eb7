/* qr: what a passer-by's phone reads, and the code that carries it. libqrencode stays inside.
 *
 * Payloads (RFC 5545 VEVENT with escaping and 75-octet folding, SMSTO:, URLs) are built into
 * caller buffers. qr_encode turns a payload into a module grid with error correction M; a
 * payload that would need more than QR_MAX_VERSION (too dense to scan from a notice board or
 * from 50 cm at 4 px per module) is refused, and the activity then shows no code.
 *
 * Drawing a code with cairo (paper, PNG files) is qr_cairo.h, a library of its own so that
 * the kiosk's screen, which draws the modules itself, does not link cairo.
 *
 * Ownership: qr_encode returns a qr_code the caller frees with qr_free (NULL-safe).
 *
 * Threads: any. No state of its own.
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

/* Encodes `payload` (UTF-8, byte mode) with ECC level M. A payload with any byte outside ASCII
 * gets an ECI designator 26 (UTF-8) in front, so readers know its letters ("Fællesspisning",
 * Arabic) rather than guess them; plain ASCII (links) goes without, as every reader expects.
 * VM_ERR_INVALID with a message when it is empty or too long for QR_MAX_VERSION. */
vm_status qr_encode(const char *payload, qr_code **out, vm_err *err);
void qr_free(qr_code *q);

int qr_size(const qr_code *q);               /* modules per side, without quiet zone */
int qr_version(const qr_code *q);
const uint8_t *qr_modules(const qr_code *q); /* size*size bytes, row-major, 1 = dark */

/* Chooses the target for an activity, in this order: its signup_url; else `url_template`
 * with "{uid}" replaced (URL-encoded) when the template is set (NULL or "" = not set); else
 * SMSTO to host_phone with "Tilmeld <title> <date>"; else a VEVENT. BADGE_RESIDENTS_ONLY or a
 * cancelled activity give QR_TARGET_NONE and an empty `out`. A VEVENT that would not fit
 * qr_max_bytes is built again without its DESCRIPTION. Writes the payload into `out`.
 * VM_ERR_INVALID for a template without {uid} or a payload longer than `size` (then *kind is
 * QR_TARGET_NONE and `out` empty). Whether the payload fits a code is qr_encode's verdict. */
vm_status qr_target_for(const activity *a, const char *url_template, char *out, size_t size,
                        qr_target_kind *kind, vm_err *err);

/* The payload builders, each writing into `out` (NUL-terminated); false when it did not fit
 * (or, for the URL, when the template has no "{uid}").
 *
 * qr_payload_url: every "{uid}" in the template becomes the UID percent-encoded (RFC 3986:
 *   only A-Z a-z 0-9 - . _ ~ stay as they are, UTF-8 bytes become %XX).
 * qr_payload_smsto: "SMSTO:<phone>:<body>"; the phone keeps its digits and a leading "+"
 *   (spaces, dashes, dots and brackets dropped). False when no digit is left.
 * qr_payload_vevent: BEGIN:VEVENT, UID, DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION,
 *   END:VEVENT, CRLF line ends, folded at 75 octets between UTF-8 characters. Times are UTC
 *   ("20261126T170000Z"): ZXing-based scanners ignore TZID and read a time without Z in the
 *   phone's zone, while a Z time is read right by every scanner we know. No DTSTAMP: phones
 *   ignore it, and the payload (and so the printed code) stays the same from day to day.
 *   DESCRIPTION says only host and price ("Vært: Hanne", "Pris: 25 kr."): the free-text
 *   description would make the code dense (version 11-13 instead of about 7), too fine to
 *   scan from a notice board or from 50 cm off a small screen; `with_description` false
 *   leaves DESCRIPTION out. */
bool qr_payload_url(const char *url_template, const char *uid, char *out, size_t size);
bool qr_payload_smsto(const char *phone, const char *body, char *out, size_t size);
bool qr_payload_vevent(const activity *a, char *out, size_t size);
bool qr_payload_vevent_ex(const activity *a, bool with_description, char *out, size_t size);

/* The SMS body for an activity: "Tilmeld <title> <weekday> <day>. <month> kl. <HH:MM>" in
 * Danish, Copenhagen time ("Tilmeld Fællesspisning torsdag 26. november kl. 18:00"). */
bool qr_sms_body(const activity *a, char *out, size_t size);

/* RFC 5545 TEXT escaping (backslash, comma, semicolon, newline) into out. CR is dropped
 * ("\r\n" is one line break). */
bool qr_ical_escape(const char *in, char *out, size_t size);

/* RFC 5545 line folding of one content line (without its CRLF) into out: a CRLF and a space
 * are put in before the octet that would make a line longer than 75 octets, never inside a
 * UTF-8 character. */
bool qr_ical_fold(const char *line, char *out, size_t size);

/* Modules per side including the quiet zone (size + 2 * QR_QUIET_ZONE). */
#define QR_QUIET_ZONE 4
int qr_size_with_quiet_zone(const qr_code *q);

/* The longest payload, in bytes, that fits QR_MAX_VERSION at ECC M in byte mode: 412 for
 * ASCII; with the ECI designator that any other text carries, 409 (as libqrencode packs
 * the designator and its own mode header). */
#define QR_MAX_BYTES 412
#define QR_MAX_BYTES_UTF8 409
#define QR_ECI_UTF8 26
/* True when every byte of `payload` is ASCII (no ECI designator needed). */
bool qr_payload_is_ascii(const char *payload);
/* QR_MAX_BYTES or QR_MAX_BYTES_UTF8, whichever applies to `payload`. */
size_t qr_max_bytes(const char *payload);

#endif
