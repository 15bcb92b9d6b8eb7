/* qr_payload: what the phone reads. URL, SMSTO and VEVENT payloads and the choice between
 * them. See qr.h for the formats and why they are what they are. */
#include "qr/qr.h"

#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "core/utf8.h"

/* The few Danish words a payload carries. The SMS goes to a Danish host and the calendar
 * entry is read by a resident, so these are Danish whatever the screen's language. */
static const char *const da_weekdays[7] = {"mandag", "tirsdag", "onsdag", "torsdag",
                                           "fredag", "lørdag", "søndag"};
static const char *const da_months[12] = {"januar", "februar", "marts",     "april",
                                          "maj",    "juni",    "juli",      "august",
                                          "september", "oktober", "november", "december"};
#define DA_SIGN_UP "Tilmeld"
#define DA_AT_CLOCK "kl."
#define DA_HOST "Vært"
#define DA_PRICE "Pris"

#define ICAL_FOLD_OCTETS 75

/* A bounded string builder: once something does not fit, `ok` stays false. */
typedef struct sbuf {
    char *p;
    size_t size, len;
    bool ok;
} sbuf;

static sbuf sb_init(char *out, size_t size)
{
    sbuf b = {out, size, 0, out && size > 0};
    if (b.ok)
        out[0] = '\0';
    return b;
}

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (!b->ok)
        return;
    if (n >= b->size - b->len) {
        b->ok = false;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_put(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

static bool sb_done(sbuf *b)
{
    if (!b->ok && b->p && b->size > 0)
        b->p[0] = '\0';
    return b->ok;
}

/* ---- URL ---- */

static bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

bool qr_payload_url(const char *url_template, const char *uid, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    if (!url_template || !uid || !strstr(url_template, "{uid}")) {
        b.ok = false;
        return sb_done(&b);
    }
    const char *t = url_template;
    for (const char *hit; (hit = strstr(t, "{uid}")) != NULL; t = hit + 5) {
        sb_putn(&b, t, (size_t)(hit - t));
        for (const unsigned char *u = (const unsigned char *)uid; *u; u++) {
            char enc[4];
            if (unreserved(*u)) {
                enc[0] = (char)*u;
                sb_putn(&b, enc, 1);
            } else {
                snprintf(enc, sizeof enc, "%%%02X", *u);
                sb_putn(&b, enc, 3);
            }
        }
    }
    sb_put(&b, t);
    return sb_done(&b);
}

/* ---- SMS ---- */

static bool has_digit(const char *s)
{
    for (; s && *s; s++)
        if (*s >= '0' && *s <= '9')
            return true;
    return false;
}

bool qr_payload_smsto(const char *phone, const char *body, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    if (!phone || !has_digit(phone)) {
        b.ok = false;
        return sb_done(&b);
    }
    sb_put(&b, "SMSTO:");
    bool first = true;
    for (const char *c = phone; *c; c++) {
        if ((*c >= '0' && *c <= '9') || (*c == '+' && first)) {
            sb_putn(&b, c, 1);
            first = false;
        }
    }
    sb_put(&b, ":");
    sb_put(&b, body ? body : "");
    return sb_done(&b);
}

bool qr_sms_body(const activity *a, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    if (!a) {
        b.ok = false;
        return sb_done(&b);
    }
    dk_tm t = dktime_local(a->start);
    char when[96];
    snprintf(when, sizeof when, "%s %d. %s %s %02d:%02d", da_weekdays[t.weekday % 7], t.day,
             da_months[(t.month + 11) % 12], DA_AT_CLOCK, t.hour, t.minute);
    sb_put(&b, DA_SIGN_UP " ");
    sb_put(&b, a->title);
    sb_put(&b, " ");
    sb_put(&b, when);
    return sb_done(&b);
}

/* ---- iCalendar ---- */

bool qr_ical_escape(const char *in, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    for (const char *c = in ? in : ""; *c; c++) {
        switch (*c) {
        case '\\': sb_put(&b, "\\\\"); break;
        case ';': sb_put(&b, "\\;"); break;
        case ',': sb_put(&b, "\\,"); break;
        case '\n': sb_put(&b, "\\n"); break;
        case '\r': break;
        default:
            /* other control characters are not allowed in TEXT; a tab is */
            if ((unsigned char)*c >= 0x20 || *c == '\t')
                sb_putn(&b, c, 1);
        }
    }
    return sb_done(&b);
}

static size_t utf8_char_len(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 1; /* a stray continuation byte: on its own */
}

bool qr_ical_fold(const char *line, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    size_t used = 0; /* octets on the current physical line */
    const char *c = line ? line : "";
    while (*c) {
        size_t n = utf8_char_len((unsigned char)*c);
        for (size_t i = 1; i < n; i++)
            if (((unsigned char)c[i] & 0xC0) != 0x80) { /* truncated sequence */
                n = i;
                break;
            }
        if (used + n > ICAL_FOLD_OCTETS) {
            sb_put(&b, "\r\n ");
            used = 1;
        }
        sb_putn(&b, c, n);
        used += n;
        c += n;
    }
    return sb_done(&b);
}

/* Appends "NAME:value" (value already escaped) folded, with its CRLF. */
static void put_line(sbuf *b, const char *name, const char *value)
{
    char line[4 * ACT_TEXT_MAX], folded[5 * ACT_TEXT_MAX];
    int n = snprintf(line, sizeof line, "%s:%s", name, value);
    if (n < 0 || (size_t)n >= sizeof line || !qr_ical_fold(line, folded, sizeof folded)) {
        b->ok = false;
        return;
    }
    sb_put(b, folded);
    sb_put(b, "\r\n");
}

static void put_text(sbuf *b, const char *name, const char *text)
{
    char esc[2 * ACT_TEXT_MAX + 64];
    if (!qr_ical_escape(text, esc, sizeof esc)) {
        b->ok = false;
        return;
    }
    put_line(b, name, esc);
}

static void put_time(sbuf *b, const char *name, int64_t utc)
{
    int y, mo, d, h, mi, s;
    dktime_utc_civil(utc, &y, &mo, &d, &h, &mi, &s);
    char v[32];
    snprintf(v, sizeof v, "%04d%02d%02dT%02d%02d%02dZ", y, mo, d, h, mi, s);
    put_line(b, name, v);
}

/* "Vært: Hanne\nPris: 25 kr.\n<the first 100 characters of the description>" */
static void description_text(const activity *a, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    if (a->host[0]) {
        sb_put(&b, DA_HOST ": ");
        sb_put(&b, a->host);
    }
    if (a->price[0]) {
        if (b.len)
            sb_put(&b, "\n");
        sb_put(&b, DA_PRICE ": ");
        sb_put(&b, a->price);
    }
    if (!b.ok)
        out[0] = '\0';
}

bool qr_payload_vevent_ex(const activity *a, bool with_description, char *out, size_t size)
{
    sbuf b = sb_init(out, size);
    if (!a) {
        b.ok = false;
        return sb_done(&b);
    }
    sb_put(&b, "BEGIN:VEVENT\r\n");
    put_text(&b, "UID", a->uid);
    put_time(&b, "DTSTART", a->start);
    put_time(&b, "DTEND", a->end > a->start ? a->end : a->start + 3600);
    put_text(&b, "SUMMARY", a->title);
    if (a->place[0])
        put_text(&b, "LOCATION", a->place);
    if (with_description) {
        char desc[ACT_TEXT_MAX];
        description_text(a, desc, sizeof desc);
        if (desc[0])
            put_text(&b, "DESCRIPTION", desc);
    }
    sb_put(&b, "END:VEVENT");
    return sb_done(&b);
}

bool qr_payload_vevent(const activity *a, char *out, size_t size)
{
    return qr_payload_vevent_ex(a, true, out, size);
}

/* ---- the choice ---- */

vm_status qr_target_for(const activity *a, const char *url_template, char *out, size_t size,
                        qr_target_kind *kind, vm_err *err)
{
    qr_target_kind k = QR_TARGET_NONE;
    vm_status st = VM_OK;
    bool ok = true;
    if (out && size > 0)
        out[0] = '\0';
    if (!a || !out || size == 0) {
        st = err_set(err, VM_ERR_INVALID, "qr_target_for: no activity or no room");
        goto out;
    }
    if (a->cancelled || (a->badges & BADGE_RESIDENTS_ONLY))
        goto out;
    if (a->signup_url[0]) {
        k = QR_TARGET_URL;
        ok = (size_t)snprintf(out, size, "%s", a->signup_url) < size;
    } else if (url_template && url_template[0]) {
        if (!strstr(url_template, "{uid}")) {
            st = err_set(err, VM_ERR_INVALID,
                         "The sign-up link template \"%s\" has no {uid} in it, so every "
                         "activity would get the same link. Put {uid} where the activity's "
                         "id goes, e.g. https://example.dk/tilmeld/{uid}.",
                         url_template);
            goto out;
        }
        k = QR_TARGET_URL;
        ok = qr_payload_url(url_template, a->uid, out, size);
    } else if (has_digit(a->host_phone)) {
        char body[ACT_TITLE_MAX + 96];
        k = QR_TARGET_SMS;
        ok = qr_sms_body(a, body, sizeof body) &&
             qr_payload_smsto(a->host_phone, body, out, size);
    } else {
        k = QR_TARGET_CALENDAR;
        ok = qr_payload_vevent_ex(a, true, out, size);
        if (!ok || strlen(out) > qr_max_bytes(out))
            ok = qr_payload_vevent_ex(a, false, out, size);
    }
    if (!ok) {
        k = QR_TARGET_NONE;
        out[0] = '\0';
        st = err_set(err, VM_ERR_INVALID,
                     "The QR text for \"%s\" is longer than the %zu bytes there is room for.",
                     a->title, size);
    }
out:
    if (kind)
        *kind = k;
    return st;
}
