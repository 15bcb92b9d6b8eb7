/* sync_csvtok: the CSV dialect Excel writes, and the text decoding of files from a stick
 * (internal to src/sync: the program reader and merge share it).
 *
 * Records are separated by CRLF, LF or CR; a cell in double quotes may hold the separator,
 * line breaks and doubled quotes (""). Anything else is taken literally. The tokenizer
 * counts physical lines so errors can name the line staff see in a text editor (Excel's row
 * number, when no cell holds a line break).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_CSVTOK_H
#define VM_SYNC_CSVTOK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "core/i18n.h"
#include "sync/sync_buf.h"

#define SYNC_CSV_MAX_CELLS 64
#define SYNC_CSV_MAX_CELL_BYTES 8192

/* How the raw bytes were read. */
typedef enum sync_text_encoding {
    SYNC_TEXT_UTF8 = 0,
    SYNC_TEXT_UTF8_BOM,
    SYNC_TEXT_CP1252
} sync_text_encoding;

/* Turns the bytes of a text file from a stick into UTF-8: a UTF-8 BOM is dropped, valid
 * UTF-8 is kept, anything else is read as Windows-1252. Refuses (VM_ERR_INVALID) UTF-16
 * (Excel's "Unicode text") and bytes that are not text (NUL). *out is malloc'd,
 * NUL-terminated; the caller frees it. */
vm_status sync_text_decode(const char *raw, size_t len, char **out, size_t *out_len,
                           sync_text_encoding *enc, const i18n_catalog *cat, vm_err *err);

typedef struct sync_csv {
    const char *p;
    const char *end;
    char sep;
    const i18n_catalog *cat; /* language of the messages; may be NULL */
    int line;          /* physical line where the next record starts (1-based) */
    bool unbroken;     /* the record just read ended at the end of the text, not a break */
    bool cut_off;      /* the text ended inside a quoted cell (the -1 of sync_csv_next), or
                        * in the middle of a row (sync_csv_check_cut) */
    bool short_rows;   /* a row checked by sync_csv_check_cut had fewer cells than named */
    sync_buf cells;    /* the current row's cells, each NUL-terminated */
    size_t offs[SYNC_CSV_MAX_CELLS];
} sync_csv;

/* Starts reading `text` (UTF-8, len bytes). The separator is `sep`, or detected from the
 * first record when 0: a first line "sep=X" (Excel's hint) names it and is skipped, else
 * the most frequent of ';' ',' and TAB outside quotes (';' on a tie, as Danish Excel
 * writes). */
void sync_csv_init(sync_csv *c, const char *text, size_t len, char sep,
                   const i18n_catalog *cat);
void sync_csv_free(sync_csv *c);

/* Reads the next record into `cells` (room for SYNC_CSV_MAX_CELLS). Returns 1 and fills
 * `cells`/`n` (pointers into `c`, valid until
 * the next call), 0 at the end, -1 with a message on an unterminated quote, too many cells
 * or a cell over SYNC_CSV_MAX_CELL_BYTES. `line` gets the record's first physical line.
 * A quote still open at the end of the text sets c->cut_off (a file cut off while it was
 * written, as by a pulled stick, ends like that), unless the open cell holds a line break
 * followed by a separator (it swallowed rows: a closing quote is missing); a record that ends with the text rather
 * than a line break sets c->unbroken (Excel ends every record with one; Notepad may not). */
int sync_csv_next(sync_csv *c, const char **cells, size_t *n, int *line, vm_err *err);

/* The check each reader of a file with a header row makes of every filled row after it, in
 * order, with the `n` cells sync_csv_next gave: a row that stops with the text (c->unbroken)
 * before the columns the header names are all there (`named`: the cells up to the header's
 * last one with a name), in a file whose rows before it had them all (Excel writes every
 * row whole; a file typed with short rows is not judged by its last one), is the end of a
 * file cut off while it was written, as by a pulled stick; what is in it may be cut too
 * ("18:00" as "18"), so none of the file may be used. Then c->cut_off is set and the row is
 * refused (VM_ERR_INVALID, with its line); else VM_OK. */
vm_status sync_csv_check_cut(sync_csv *c, size_t n, size_t named, int line, vm_err *err);

/* Appends one cell to `b` quoted as needed for `sep`; with `neutralise`, a cell that starts
 * with = + - @ TAB or CR gets a leading apostrophe so spreadsheets show it as text and never
 * run it as a formula. */
void sync_csv_put(sync_buf *b, const char *cell, char sep, bool neutralise);

/* Undoes the apostrophe sync_csv_put adds (for reading our own exports back). */
const char *sync_csv_unneutralise(const char *cell);

#endif
