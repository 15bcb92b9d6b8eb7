/* qr_decode: reads QR codes back from pictures, for the qr, print and e2e tests, with two
 * independent readers: zbar (its library) and ZXing (the `ZXingReader` of zxing-cpp-tools,
 * the decoder family behind many Android scanner apps). */
#ifndef VM_TEST_QR_DECODE_H
#define VM_TEST_QR_DECODE_H

#include <stddef.h>
#include <stdint.h>

typedef struct qrd_symbol {
    char *data;   /* the bytes zbar read, NUL-terminated (malloc'd) */
    size_t len;
    int x, y;     /* the top-left corner of the symbol's bounding box, in pixels */
    int has_eci;  /* ZXing: the symbol carries an ECI designator (1), none (0); zbar: -1 */
} qrd_symbol;

typedef struct qrd_result {
    qrd_symbol *sym;
    size_t n;
} qrd_result;

/* Decodes every QR code in an 8-bit grey picture (`stride` bytes a row). zbar is told not to
 * convert the text (ZBAR_CFG_BINARY), so `data` is the exact payload. Returns the count. */
size_t qrd_decode_gray(const uint8_t *gray, int w, int h, int stride, qrd_result *out);
/* The same from a PNG file (any cairo-readable PNG) or a binary PGM (P5, as pdftoppm -gray
 * writes). Return (size_t)-1 when the file cannot be read. */
size_t qrd_decode_png(const char *path, qrd_result *out);
size_t qrd_decode_pgm(const char *path, qrd_result *out);
void qrd_free(qrd_result *r);

/* How a phone app would read it: the text as the reader converts it (zbar: without
 * ZBAR_CFG_BINARY, so it picks the character set from the ECI designator or by guessing;
 * ZXing: its Text), UTF-8. */
typedef enum qrd_reader {
    QRD_ZBAR_BYTES = 0, /* zbar, the exact bytes (as the functions above) */
    QRD_ZBAR_TEXT,
    QRD_ZXING_TEXT
} qrd_reader;
/* Decodes a PNG or binary PGM file (by its name's ending) with `reader`. (size_t)-1 when
 * the file cannot be read or the reader cannot be run. */
size_t qrd_decode_file(const char *path, qrd_reader reader, qrd_result *out);

/* Every stream of the PDF `pdf` (`len` bytes) inflated and joined, each followed by a newline,
 * with a NUL at the end; NULL if a stream does not inflate. cairo deflates each content stream
 * and form, so this is where a test reads the drawing operators. The caller frees it. */
char *qrd_pdf_streams(const char *pdf, size_t len);

#endif
