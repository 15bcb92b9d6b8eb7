/* qr: payloads built exactly, encoded, written as PNG and read back by zbar byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "core/utf8.h"
#include "qr/qr_cairo.h"
#include "qr_decode.h"

static activity sample(void)
{
    activity a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "spis-2026-11-26");
    snprintf(a.title, sizeof a.title, "Fællesspisning");
    snprintf(a.place, sizeof a.place, "Fælleshuset, Æblegården 4");
    snprintf(a.host, sizeof a.host, "Søren");
    snprintf(a.price, sizeof a.price, "25 kr., børn 10 kr.");
    snprintf(a.description, sizeof a.description, "Vi laver mad sammen; alle er velkomne.");
    a.category = CAT_FOOD;
    a.start = ts_time("2026-11-26 18:00");
    a.end = ts_time("2026-11-26 20:00");
    return a;
}

/* Reads the PNG with `reader` and checks it finds one code with exactly `payload`. */
static void read_back(const char *png, qrd_reader reader, const char *payload)
{
    static const char *const names[] = {"zbar (bytes)", "zbar (text)", "ZXing"};
    qrd_result r;
    size_t n = qrd_decode_file(png, reader, &r);
    if (n != 1)
        fail_msg("%s found %zu codes in the PNG of \"%s\"", names[reader], n, payload);
    if (r.sym[0].len != strlen(payload) || memcmp(r.sym[0].data, payload, r.sym[0].len) != 0)
        fail_msg("%s read \"%s\" instead of \"%s\"", names[reader], r.sym[0].data, payload);
    /* ZXing tells whether the code says its character set: only a non-ASCII text does */
    if (reader == QRD_ZXING_TEXT)
        assert_int_equal(r.sym[0].has_eci, !qr_payload_is_ascii(payload));
    qrd_free(&r);
}

/* Encodes, writes a PNG at 4 px a module, and reads it back with zbar (the bytes, and the
 * text as an app shows it) and with ZXing: all three must give the payload exactly. */
static void round_trip(const char *payload)
{
    qr_code *q = NULL;
    vm_err err = {0};
    assert_int_equal(qr_encode(payload, &q, &err), VM_OK);
    assert_true(qr_version(q) >= 1 && qr_version(q) <= QR_MAX_VERSION);
    assert_int_equal(qr_size(q), 17 + 4 * qr_version(q));
    const char *dir = ts_fresh_dir("qr-roundtrip");
    const char *png = ts_path(dir, "code.png");
    assert_int_equal(qr_write_png(q, 4, png, &err), VM_OK);
    read_back(png, QRD_ZBAR_BYTES, payload);
    read_back(png, QRD_ZBAR_TEXT, payload);
    read_back(png, QRD_ZXING_TEXT, payload);
    qr_free(q);
}

static void test_url_payload_percent_encodes_uid(void **state)
{
    (void)state;
    char out[256];
    assert_true(qr_payload_url("https://ex.dk/t/{uid}?igen={uid}", "spis 1/æ~x", out, sizeof out));
    assert_string_equal(out, "https://ex.dk/t/spis%201%2F%C3%A6~x?igen=spis%201%2F%C3%A6~x");
    assert_true(qr_payload_url("{uid}", "A-z.0_9", out, sizeof out));
    assert_string_equal(out, "A-z.0_9");
    /* without {uid} every activity would get the same link: refused */
    assert_false(qr_payload_url("https://ex.dk/tilmeld", "x", out, sizeof out));
    assert_string_equal(out, "");
    /* too small a buffer: false, and nothing half-written */
    assert_false(qr_payload_url("https://ex.dk/{uid}", "abc", out, 12));
    assert_string_equal(out, "");
}

static void test_smsto_payload(void **state)
{
    (void)state;
    activity a = sample();
    char body[256], out[256];
    assert_true(qr_sms_body(&a, body, sizeof body));
    assert_string_equal(body, "Tilmeld Fællesspisning torsdag 26. november kl. 18:00");
    assert_true(qr_payload_smsto("+45 12 34-56 78", body, out, sizeof out));
    assert_string_equal(out, "SMSTO:+4512345678:Tilmeld Fællesspisning torsdag 26. november "
                             "kl. 18:00");
    assert_true(qr_payload_smsto("(+45) 20.30.40.50", "", out, sizeof out));
    assert_string_equal(out, "SMSTO:+4520304050:");
    assert_false(qr_payload_smsto("ring til Søren", "x", out, sizeof out));
    /* summer time: a Sunday in June at 10:30 local */
    a.start = ts_time("2026-06-14 10:30");
    assert_true(qr_sms_body(&a, body, sizeof body));
    assert_string_equal(body, "Tilmeld Fællesspisning søndag 14. juni kl. 10:30");
}

static void test_ical_escape(void **state)
{
    (void)state;
    char out[128];
    assert_true(qr_ical_escape("Kaffe, kage; og \\snak\r\nbagefter", out, sizeof out));
    assert_string_equal(out, "Kaffe\\, kage\\; og \\\\snak\\nbagefter");
    assert_true(qr_ical_escape("æ\x01ø\tå", out, sizeof out));
    assert_string_equal(out, "æø\tå");
    assert_false(qr_ical_escape(",,,,", out, 8));
}

static void test_vevent_exact(void **state)
{
    (void)state;
    activity a = sample();
    char out[2048];
    assert_true(qr_payload_vevent(&a, out, sizeof out));
    assert_string_equal(out, "BEGIN:VEVENT\r\n"
                             "UID:spis-2026-11-26\r\n"
                             "DTSTART:20261126T170000Z\r\n"
                             "DTEND:20261126T190000Z\r\n"
                             "SUMMARY:Fællesspisning\r\n"
                             "LOCATION:Fælleshuset\\, Æblegården 4\r\n"
                             "DESCRIPTION:Vært: Søren\\nPris: 25 kr.\\, børn 10 kr.\r\n"
                             "END:VEVENT");
    /* summer: CEST is UTC+2 */
    a.start = ts_time("2026-07-01 12:00");
    a.end = a.start;
    assert_true(qr_payload_vevent_ex(&a, false, out, sizeof out));
    assert_non_null(strstr(out, "DTSTART:20260701T100000Z\r\n"));
    assert_non_null(strstr(out, "DTEND:20260701T110000Z\r\n")); /* no end: an hour */
    assert_null(strstr(out, "DESCRIPTION"));
}

/* Unfolds per RFC 5545 (CRLF + one space or tab removed). */
static void unfold(const char *in, char *out)
{
    while (*in) {
        if (in[0] == '\r' && in[1] == '\n' && (in[2] == ' ' || in[2] == '\t'))
            in += 3;
        else
            *out++ = *in++;
    }
    *out = '\0';
}

static void test_folding_keeps_lines_short_and_characters_whole(void **state)
{
    (void)state;
    activity a = sample();
    /* a title of Danish letters (2 bytes each) with a 3-byte and a 4-byte character in it */
    char *t = a.title;
    for (int i = 0; i < 40; i++)
        t += sprintf(t, "%s", (i % 3 == 0) ? "æ" : (i % 3 == 1) ? "ø" : "Å");
    t += sprintf(t, "…x😀yz");
    char out[4096], line_buf[4096], flat[4096];
    assert_true(qr_payload_vevent(&a, out, sizeof out));
    const char *p = out;
    int continuation = 0;
    while (*p) {
        const char *e = strstr(p, "\r\n");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n > 75)
            fail_msg("a line of %zu octets: %.*s", n, (int)n, p);
        memcpy(line_buf, p, n);
        line_buf[n] = '\0';
        if (!utf8_valid(line_buf, n))
            fail_msg("a fold split a character: %s", line_buf);
        continuation += line_buf[0] == ' ';
        p = e ? e + 2 : p + n;
    }
    assert_true(continuation >= 1);
    unfold(out, flat);
    char want[1024];
    snprintf(want, sizeof want, "\r\nSUMMARY:%s\r\n", a.title);
    assert_non_null(strstr(flat, want));

    /* qr_ical_fold on its own: 75 octets stay, 76 fold before the last */
    char line[80], folded[200];
    memset(line, 'a', 75);
    line[75] = '\0';
    assert_true(qr_ical_fold(line, folded, sizeof folded));
    assert_string_equal(folded, line);
    line[75] = 'b';
    line[76] = '\0';
    assert_true(qr_ical_fold(line, folded, sizeof folded));
    assert_int_equal(strlen(folded), 79);
    assert_string_equal(folded + 75, "\r\n b");
    /* a 2-byte character across the border moves whole to the next line */
    memset(line, 'a', 74);
    strcpy(line + 74, "ø");
    assert_true(qr_ical_fold(line, folded, sizeof folded));
    assert_string_equal(folded + 74, "\r\n ø");
}

static void test_target_order(void **state)
{
    (void)state;
    activity a = sample();
    snprintf(a.host_phone, sizeof a.host_phone, "+45 20 30 40 50");
    snprintf(a.signup_url, sizeof a.signup_url, "https://ex.dk/s?id=7");
    char out[QR_PAYLOAD_MAX];
    qr_target_kind kind;
    vm_err err = {0};
    assert_int_equal(qr_target_for(&a, "https://t.dk/{uid}", out, sizeof out, &kind, &err), VM_OK);
    assert_int_equal(kind, QR_TARGET_URL);
    assert_string_equal(out, "https://ex.dk/s?id=7");

    a.signup_url[0] = '\0';
    assert_int_equal(qr_target_for(&a, "https://t.dk/{uid}", out, sizeof out, &kind, &err), VM_OK);
    assert_int_equal(kind, QR_TARGET_URL);
    assert_string_equal(out, "https://t.dk/spis-2026-11-26");

    assert_int_equal(qr_target_for(&a, "", out, sizeof out, &kind, &err), VM_OK);
    assert_int_equal(kind, QR_TARGET_SMS);
    assert_string_equal(out, "SMSTO:+4520304050:Tilmeld Fællesspisning torsdag 26. november "
                             "kl. 18:00");

    a.host_phone[0] = '\0';
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, &err), VM_OK);
    assert_int_equal(kind, QR_TARGET_CALENDAR);
    assert_true(strncmp(out, "BEGIN:VEVENT\r\n", 14) == 0);

    a.badges = BADGE_FREE | BADGE_RESIDENTS_ONLY;
    snprintf(a.signup_url, sizeof a.signup_url, "https://ex.dk/s?id=7");
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, &err), VM_OK);
    assert_int_equal(kind, QR_TARGET_NONE);
    assert_string_equal(out, "");

    a.badges = 0;
    a.cancelled = true;
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, &err), VM_OK);
    assert_int_equal(kind, QR_TARGET_NONE);
    assert_string_equal(out, "");
}

static void test_template_without_uid_refused(void **state)
{
    (void)state;
    activity a = sample();
    char out[QR_PAYLOAD_MAX];
    qr_target_kind kind = QR_TARGET_URL;
    vm_err err = {0};
    assert_int_equal(qr_target_for(&a, "https://ex.dk/tilmeld", out, sizeof out, &kind, &err),
                     VM_ERR_INVALID);
    assert_int_equal(kind, QR_TARGET_NONE);
    assert_non_null(strstr(err.msg, "{uid}"));
    assert_non_null(strstr(err.msg, "https://ex.dk/tilmeld"));
    /* a payload longer than the caller's buffer */
    err.msg[0] = '\0';
    assert_int_equal(qr_target_for(&a, NULL, out, 40, &kind, &err), VM_ERR_INVALID);
    assert_int_equal(kind, QR_TARGET_NONE);
    assert_string_equal(out, "");
    assert_true(strlen(err.msg) > 0);
}

static void test_long_vevent_drops_description(void **state)
{
    (void)state;
    activity a = sample();
    /* Host and price (what DESCRIPTION holds) as long as the importers allow, and a long
     * title and place: together more than a scannable code holds. */
    memset(a.host, 'h', sizeof a.host - 1);
    a.host[sizeof a.host - 1] = '\0';
    memset(a.price, 'p', sizeof a.price - 1);
    a.price[sizeof a.price - 1] = '\0';
    memset(a.place, 'q', 100);
    a.place[100] = '\0';
    snprintf(a.title, sizeof a.title, "%s", "En lang titel om en aften i fælleshuset med mad, "
                                            "musik og dans for hele opgangen");
    char full[QR_PAYLOAD_MAX], out[QR_PAYLOAD_MAX];
    assert_true(qr_payload_vevent(&a, full, sizeof full));
    assert_true(strlen(full) > QR_MAX_BYTES);
    qr_target_kind kind;
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, NULL), VM_OK);
    assert_int_equal(kind, QR_TARGET_CALENDAR);
    assert_true(strlen(out) <= qr_max_bytes(out));
    assert_null(strstr(out, "DESCRIPTION"));
    round_trip(out);
}

static void test_encode_limits(void **state)
{
    (void)state;
    char big[QR_MAX_BYTES + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    qr_code *q = (qr_code *)1;
    vm_err err = {0};
    assert_int_equal(qr_encode(big, &q, &err), VM_ERR_INVALID);
    assert_null(q);
    assert_non_null(strstr(err.msg, "too long"));
    big[QR_MAX_BYTES] = '\0'; /* exactly the most that fits */
    assert_int_equal(qr_encode(big, &q, &err), VM_OK);
    assert_int_equal(qr_version(q), QR_MAX_VERSION);
    qr_free(q);
    /* a text beyond ASCII carries the 12-bit designator: one byte less fits */
    memcpy(big, "\xC3\xA6", 2);
    big[QR_MAX_BYTES] = '\0';
    assert_int_equal(qr_encode(big, &q, &err), VM_ERR_INVALID);
    assert_null(q);
    big[QR_MAX_BYTES_UTF8] = '\0';
    assert_int_equal(qr_max_bytes(big), QR_MAX_BYTES_UTF8);
    assert_int_equal(qr_encode(big, &q, &err), VM_OK);
    assert_int_equal(qr_version(q), QR_MAX_VERSION);
    qr_free(q);
    err.msg[0] = '\0';
    assert_int_equal(qr_encode("", &q, &err), VM_ERR_INVALID);
    assert_true(strlen(err.msg) > 0);
    qr_free(NULL);
    assert_int_equal(qr_size(NULL), 0);
}

static void test_round_trip_every_kind(void **state)
{
    (void)state;
    activity a = sample();
    char out[QR_PAYLOAD_MAX];
    qr_target_kind kind;

    assert_int_equal(qr_target_for(&a, "https://beboer.dk/tilmeld/{uid}", out, sizeof out, &kind,
                                   NULL), VM_OK);
    round_trip(out);

    snprintf(a.host_phone, sizeof a.host_phone, "+45 20 30 40 50");
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, NULL), VM_OK);
    assert_int_equal(kind, QR_TARGET_SMS);
    round_trip(out);

    a.host_phone[0] = '\0';
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, NULL), VM_OK);
    assert_int_equal(kind, QR_TARGET_CALENDAR);
    round_trip(out);

    round_trip("ÆØÅ æøå – “citat” 😀");
}

/* Without an ECI designator zbar guesses the UTF-8 of "Fællesspisning" as Shift JIS
 * ("F疆llesspisning"); a phone must show the title as it was written, in any script. */
static void test_phones_read_letters_right(void **state)
{
    (void)state;
    round_trip("Fællesspisning");
    round_trip("øl");
    round_trip("فطور جماعي في البيت المشترك");        /* Arabic */
    round_trip("مشترکہ کھانا");                        /* Urdu */
    round_trip("Kahvaltı – Şükrü'nün çayı, İğne");    /* Turkish */
    round_trip("https://ex.dk/tilmeld/faelles");       /* ASCII: no designator */
    activity a = sample();
    snprintf(a.title, sizeof a.title, "فطور جماعي");
    char out[QR_PAYLOAD_MAX];
    qr_target_kind kind;
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, NULL), VM_OK);
    assert_int_equal(kind, QR_TARGET_CALENDAR);
    assert_non_null(strstr(out, "SUMMARY:فطور جماعي\r\n"));
    round_trip(out);
    snprintf(a.host_phone, sizeof a.host_phone, "+45 20 30 40 50");
    assert_int_equal(qr_target_for(&a, NULL, out, sizeof out, &kind, NULL), VM_OK);
    assert_int_equal(kind, QR_TARGET_SMS);
    round_trip(out);
}

static void test_write_png_errors(void **state)
{
    (void)state;
    qr_code *q = NULL;
    assert_int_equal(qr_encode("https://ex.dk", &q, NULL), VM_OK);
    vm_err err = {0};
    const char *dir = ts_fresh_dir("qr-png");
    char bad[512];
    snprintf(bad, sizeof bad, "%s/no-such-folder/code.png", dir);
    assert_int_equal(qr_write_png(q, 4, bad, &err), VM_ERR_IO);
    assert_non_null(strstr(err.msg, bad));
    assert_int_equal(qr_write_png(q, 0, ts_path(dir, "x.png"), &err), VM_ERR_INVALID);

    /* an existing file is replaced whole, and no temporary file is left */
    const char *path = ts_path(dir, "code.png");
    ts_write_file(path, "old", 3);
    assert_int_equal(qr_write_png(q, 3, path, &err), VM_OK);
    size_t len = 0;
    char *png = ts_read_file(path, &len);
    assert_true(len > 8 && memcmp(png, "\x89PNG", 4) == 0);
    free(png);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
    /* size: (modules + quiet zone) * 3 px */
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_image_surface_get_width(s), (qr_size(q) + 8) * 3);
    cairo_surface_destroy(s);
    qr_free(q);
}

/* Whether `what` is among the `len` bytes at `data` (which may hold zero bytes). */
static bool has_bytes(const char *data, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, what, n) == 0)
            return true;
    return false;
}

/* A sign-up link's code drawn on a 200 x 200 pt PDF page in a fresh folder named `name`, at
 * an odd place and module size; the PDF's bytes (to free) in *len, the code in *q. */
static char *code_on_paper(const char *name, qr_code **q, size_t *len)
{
    assert_int_equal(qr_encode("https://beboer.dk/tilmeld/spis-2026-11-26", q, NULL), VM_OK);
    const char *path = ts_path(ts_fresh_dir(name), "code.pdf");
    cairo_surface_t *s = cairo_pdf_surface_create(path, 200, 200);
    cairo_t *cr = cairo_create(s);
    qr_draw(cr, *q, 17.28, 33.6, 0.96);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    char *pdf = ts_read_file(path, len);
    assert_non_null(pdf);
    return pdf;
}

/* On paper a code is a form of its own in module units (its box the code with its quiet
 * zone), painted once where it goes: cairo then prints whole and half modules, not the
 * page's points with three decimals, for each of the ~31,000 runs of a week's program. On
 * an image it is drawn directly (the PNG above, read back). */
static void test_code_on_paper_is_a_form_in_modules(void **state)
{
    (void)state;
    qr_code *q = NULL;
    size_t len = 0;
    char *pdf = code_on_paper("qr-pdf", &q, &len);
    char box[64];
    int full = qr_size_with_quiet_zone(q);
    snprintf(box, sizeof box, "/BBox [ 0 0 %d %d ]", full, full);
    assert_true(has_bytes(pdf, len, "/Subtype /Form"));
    if (!has_bytes(pdf, len, box))
        fail_msg("no form of %d modules (%s) in the PDF", full, box);
    assert_false(has_bytes(pdf, len, "/Subtype /Image")); /* still vector */
    free(pdf);
    qr_free(q);
}

/* The PDF drawing operators of a code's form, as far as the test needs them. */
typedef struct pdf_ops {
    int strokes, moves, lines, rects, fills, dashes;
    int rows_checked;
} pdf_ops;

/* Walks the content streams of a PDF that holds one code `q` drawn by qr_draw, and checks
 * each stroke against the code's modules: "[ a b c ... ] 0 d x y m x2 y l S" must be the row
 * at y, its dashes the dark runs and its gaps the light ones from x (a module's left edge, in
 * module units from the quiet zone's corner) to x2, on the module grid, starting with dark
 * and covering every dark module of the row. Counts the operators it met. */
static pdf_ops check_form_rows(const char *content, const qr_code *q)
{
    pdf_ops ops = {0};
    const uint8_t *mod = qr_modules(q);
    int size = qr_size(q);
    double num[8], dash[200];
    int n_num = 0, n_dash = 0, in_array = 0;
    double mx = 0, my = 0, lx = 0, ly = 0;
    const char *p = content;
    while (*p) {
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (*p == '[' || *p == ']') {
            in_array = *p == '[';
            if (in_array)
                n_dash = 0;
            p++;
            continue;
        }
        const char *t = p;
        while (*p && !strchr(" \n\r\t[]", *p))
            p++;
        size_t tl = (size_t)(p - t);
        char *end = NULL;
        double v = strtod(t, &end);
        if (end == p) { /* a number */
            if (in_array) {
                assert_true(n_dash < 200);
                dash[n_dash++] = v;
            } else if (n_num < 8) {
                num[n_num++] = v;
            }
            continue;
        }
        if (tl == 1 && *t == 'd') {
            ops.dashes++;
            assert_int_equal(n_num, 1);
            assert_true(num[0] == 0); /* no phase: the first dash starts where the line does */
        } else if (tl == 1 && *t == 'm') {
            ops.moves++;
            assert_true(n_num >= 2);
            mx = num[n_num - 2];
            my = num[n_num - 1];
        } else if (tl == 1 && *t == 'l') {
            ops.lines++;
            assert_true(n_num >= 2);
            lx = num[n_num - 2];
            ly = num[n_num - 1];
        } else if (tl == 2 && memcmp(t, "re", 2) == 0) {
            ops.rects++;
        } else if (tl == 1 && *t == 'f') {
            ops.fills++;
        } else if (tl == 1 && *t == 'S') {
            ops.strokes++;
            if (ops.moves != ops.strokes || ops.lines != ops.strokes)
                fail_msg("stroke %d draws %d lines: one stroke of one line a row", ops.strokes,
                         ops.lines - ops.strokes + 1);
            /* the row: half a module below a whole module, left to right along it */
            assert_true(my == ly && lx > mx);
            int r = (int)(my - QR_QUIET_ZONE - 0.5);
            assert_true(my == QR_QUIET_ZONE + r + 0.5 && r >= 0 && r < size);
            assert_true(mx == (int)mx && lx == (int)lx); /* on the grid */
            int c = (int)mx - QR_QUIET_ZONE, last = (int)lx - QR_QUIET_ZONE;
            assert_true(c >= 0 && last <= size);
            const uint8_t *row = mod + (size_t)r * size;
            for (int k = 0; k < c; k++)
                assert_int_equal(row[k], 0); /* nothing dark before the line */
            for (int k = last; k < size; k++)
                assert_int_equal(row[k], 0); /* nor after it */
            for (int i = 0; c < last; i++) {
                assert_true(i < n_dash);
                assert_true(dash[i] >= 1 && dash[i] == (int)dash[i]); /* whole modules */
                for (int k = 0; k < (int)dash[i] && c < last; k++, c++)
                    if (row[c] != (i % 2 == 0))
                        fail_msg("row %d, module %d: %s in the PDF, %s in the code", r, c,
                                 i % 2 == 0 ? "dark" : "light", row[c] ? "dark" : "light");
            }
            ops.rows_checked++;
        }
        n_num = 0; /* any operator or name ends its operands */
    }
    return ops;
}

/* The dark modules in the PDF are one stroke per row whose dashes are the row's dark runs,
 * not a rectangle per module or a line per run: cairo prints and deflates every number of
 * a week PDF's ~60 codes at each sync, and a row's dash array is about one small number per
 * run. The dashes must land on the module grid (checked row by row against the code). */
static void test_code_form_strokes_each_row_once_with_dashes(void **state)
{
    (void)state;
    qr_code *q = NULL;
    size_t len = 0;
    char *pdf = code_on_paper("qr-rows", &q, &len);
    char *content = qrd_pdf_streams(pdf, len);
    assert_non_null(content);

    int size = qr_size(q), dark_rows = 0;
    for (int r = 0; r < size; r++)
        for (int c = 0; c < size; c++)
            if (qr_modules(q)[(size_t)r * size + c]) {
                dark_rows++;
                break;
            }
    pdf_ops ops = check_form_rows(content, q);
    assert_true(dark_rows > 0);
    assert_int_equal(ops.strokes, dark_rows);
    assert_int_equal(ops.rows_checked, dark_rows);
    assert_int_equal(ops.moves, dark_rows); /* one line a row, */
    assert_int_equal(ops.lines, dark_rows);
    assert_int_equal(ops.dashes, dark_rows); /* each with its own dashes */
    /* the white square with the quiet zone, and no other rectangle or fill */
    assert_int_equal(ops.rects, 1);
    assert_int_equal(ops.fills, 1);
    char square[64];
    int full = qr_size_with_quiet_zone(q);
    snprintf(square, sizeof square, "0 0 %d %d re f", full, full);
    assert_non_null(strstr(content, square));
    free(content);
    free(pdf);
    qr_free(q);
}

/* Paints `q` with qr_draw at (x0, y0), `module` pixels a module, on a grey RGB24 image:
 * directly (`as_form` false) or, as on paper, through a recording surface (a form), then
 * checks the picture against the code: each module, sampled a quarter and three quarters
 * across and down, is black where the code is dark and white where it is light (a dash half
 * a module off the grid, or a run too long or short, fails), the 4-module quiet zone white,
 * and the grey untouched just outside it. */
static void check_pixels(const qr_code *q, double x0, double y0, double module, bool as_form)
{
    int full = qr_size_with_quiet_zone(q);
    int side = (int)(x0 + y0 + (full + 2) * module) + 2;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_paint(cr);
    if (as_form) {
        cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cairo_t *rc = cairo_create(rec);
        qr_draw(rc, q, x0, y0, module);
        assert_int_equal(cairo_status(rc), CAIRO_STATUS_SUCCESS);
        cairo_destroy(rc);
        cairo_set_source_surface(cr, rec, 0, 0);
        cairo_paint(cr);
        cairo_surface_destroy(rec);
    } else {
        qr_draw(cr, q, x0, y0, module);
    }
    assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    const unsigned char *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    const uint8_t *mod = qr_modules(q);
    int size = qr_size(q);
    static const double at[2] = {0.25, 0.75};
    for (int my = 0; my < full; my++)
        for (int mx = 0; mx < full; mx++) {
            int r = my - QR_QUIET_ZONE, c = mx - QR_QUIET_ZONE;
            bool dark = r >= 0 && r < size && c >= 0 && c < size && mod[(size_t)r * size + c];
            for (int i = 0; i < 4; i++) {
                int x = (int)(x0 + (mx + at[i % 2]) * module);
                int y = (int)(y0 + (my + at[i / 2]) * module);
                unsigned g = px[(size_t)y * stride + (size_t)x * 4 + 1];
                if (dark ? g > 16 : g < 239)
                    fail_msg("%s at %.2f px a module: module (%d, %d) of the %s is %u, not %s",
                             as_form ? "form" : "image", module, mx, my,
                             r >= 0 && r < size && c >= 0 && c < size ? "code" : "quiet zone",
                             g, dark ? "black" : "white");
            }
        }
    /* just outside the quiet zone: the grey, on all four sides */
    for (int k = 0; k < full; k++) {
        int in = (int)((k + 0.5) * module);
        int xs[4] = {(int)x0 - 1, (int)(x0 + full * module) + 1, (int)x0 + in, (int)x0 + in};
        int ys[4] = {(int)y0 + in, (int)y0 + in, (int)y0 - 1, (int)(y0 + full * module) + 1};
        for (int i = 0; i < 4; i++) {
            unsigned g = px[(size_t)ys[i] * stride + (size_t)xs[i] * 4 + 1];
            if (g < 120 || g > 136)
                fail_msg("%s: (%d, %d) outside the quiet zone is %u, not grey",
                         as_form ? "form" : "image", xs[i], ys[i], g);
        }
    }
    cairo_surface_destroy(img);
}

/* The rows' dashes give the same modules as the code on pixels too, drawn directly (as a
 * PNG) and as the form a PDF holds, at whole and fractional module sizes and offsets. */
static void test_code_rows_land_on_the_module_grid(void **state)
{
    (void)state;
    static const char *const payloads[] = {
        "https://ex.dk",
        "BEGIN:VEVENT\r\nSUMMARY:Fællesspisning\r\nDTSTART:20261126T180000\r\nDESCRIPTION:"
        "Vi laver mad sammen; alle er velkomne. Tag gerne børn og naboer med.\r\nEND:VEVENT",
    };
    for (size_t i = 0; i < sizeof payloads / sizeof payloads[0]; i++) {
        qr_code *q = NULL;
        assert_int_equal(qr_encode(payloads[i], &q, NULL), VM_OK);
        for (int form = 0; form < 2; form++) {
            check_pixels(q, 3, 5, 4, form);
            check_pixels(q, 6.5, 2.25, 6.5, form);
        }
        qr_free(q);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_url_payload_percent_encodes_uid),
        cmocka_unit_test(test_smsto_payload),
        cmocka_unit_test(test_ical_escape),
        cmocka_unit_test(test_vevent_exact),
        cmocka_unit_test(test_folding_keeps_lines_short_and_characters_whole),
        cmocka_unit_test(test_target_order),
        cmocka_unit_test(test_template_without_uid_refused),
        cmocka_unit_test(test_long_vevent_drops_description),
        cmocka_unit_test(test_encode_limits),
        cmocka_unit_test(test_round_trip_every_kind),
        cmocka_unit_test(test_phones_read_letters_right),
        cmocka_unit_test(test_write_png_errors),
        cmocka_unit_test(test_code_on_paper_is_a_form_in_modules),
        cmocka_unit_test(test_code_form_strokes_each_row_once_with_dashes),
        cmocka_unit_test(test_code_rows_land_on_the_module_grid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
