#include "sync/sync_csvtok.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "sync/sync_tr.h"

vm_status sync_text_decode(const char *raw, size_t len, char **out, size_t *out_len,
                           sync_text_encoding *enc, const i18n_catalog *cat, vm_err *err)
{
    *out = NULL;
    *out_len = 0;
    sync_text_encoding e = SYNC_TEXT_UTF8;
    if (len >= 2 && (((unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) ||
                     ((unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF)))
        return sync_err(err, VM_ERR_INVALID, cat,
                        "the file is saved as \"Unicode text\"; in Excel choose \"Gem som\" "
                        "and \"CSV (semikolonsepareret)\"");
    if (len >= 3 && (unsigned char)raw[0] == 0xEF && (unsigned char)raw[1] == 0xBB &&
        (unsigned char)raw[2] == 0xBF) {
        raw += 3;
        len -= 3;
        e = SYNC_TEXT_UTF8_BOM;
    }
    if (memchr(raw, '\0', len))
        return sync_err(err, VM_ERR_INVALID, cat, "the file holds bytes that are not text");
    if (utf8_valid(raw, len)) {
        char *s = malloc(len + 1);
        if (!s)
            return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        memcpy(s, raw, len);
        s[len] = '\0';
        *out = s;
        *out_len = len;
    } else {
        /* Windows-1252 needs at most 3 UTF-8 bytes per byte (U+20AC and friends). */
        size_t cap = len * 3 + 1;
        char *s = malloc(cap);
        if (!s)
            return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        size_t n = utf8_from_cp1252(raw, len, s, cap);
        if (n == (size_t)-1) {
            free(s);
            return sync_err(err, VM_ERR_INTERNAL, cat, "sync_text_decode: buffer too small");
        }
        s[n] = '\0';
        *out = s;
        *out_len = n;
        e = SYNC_TEXT_CP1252;
    }
    if (enc)
        *enc = e;
    return VM_OK;
}

static char detect_sep(const char *p, const char *end)
{
    size_t semi = 0, comma = 0, tab = 0;
    bool quoted = false;
    for (; p < end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && (*p == '\n' || *p == '\r'))
            break;
        else if (!quoted && *p == ';')
            semi++;
        else if (!quoted && *p == ',')
            comma++;
        else if (!quoted && *p == '\t')
            tab++;
    }
    if (tab > semi && tab > comma)
        return '\t';
    if (comma > semi)
        return ',';
    return ';';
}

void sync_csv_init(sync_csv *c, const char *text, size_t len, char sep,
                   const i18n_catalog *cat)
{
    memset(c, 0, sizeof *c);
    c->p = text;
    c->end = text + len;
    c->line = 1;
    c->cat = cat;
    if (!sep && len >= 5 && strncmp(text, "sep=", 4) == 0 &&
        (len == 5 || text[5] == '\r' || text[5] == '\n')) {
        sep = text[4];
        c->p += 5;
        if (c->p < c->end && *c->p == '\r')
            c->p++;
        if (c->p < c->end && *c->p == '\n')
            c->p++;
        c->line = 2;
    }
    c->sep = sep ? sep : detect_sep(c->p, c->end);
}

void sync_csv_free(sync_csv *c)
{
    if (c)
        sync_buf_free(&c->cells);
}

/* Consumes one line break at c->p if there is one; returns whether it did. */
static bool eat_newline(sync_csv *c)
{
    if (c->p < c->end && *c->p == '\r') {
        c->p++;
        if (c->p < c->end && *c->p == '\n')
            c->p++;
        c->line++;
        return true;
    }
    if (c->p < c->end && *c->p == '\n') {
        c->p++;
        c->line++;
        return true;
    }
    return false;
}

int sync_csv_next(sync_csv *c, const char **cells, size_t *n, int *line, vm_err *err)
{
    *n = 0;
    if (c->p >= c->end)
        return 0;
    *line = c->line;
    c->cells.len = 0;
    size_t count = 0;
    for (;;) {
        if (count == SYNC_CSV_MAX_CELLS) {
            sync_err(err, VM_ERR_INVALID, c->cat, "line %d has more than %d columns", *line,
                    SYNC_CSV_MAX_CELLS);
            return -1;
        }
        c->offs[count] = c->cells.len;
        size_t start_len = c->cells.len;
        if (c->p < c->end && *c->p == '"') {
            int quote_line = c->line;
            bool broke = false, rows = false; /* a line break; a separator after one */
            c->p++;
            for (;;) {
                if (c->p >= c->end) {
                    /* Cut off in the cell, unless the cell swallowed what looks like rows:
                     * then a closing quote is missing, and its line is what helps. */
                    c->cut_off = !rows;
                    sync_err(err, VM_ERR_INVALID, c->cat,
                            "line %d: a quote (\") is opened and never closed", quote_line);
                    return -1;
                }
                char ch = *c->p;
                if (ch == '"') {
                    if (c->p + 1 < c->end && c->p[1] == '"') {
                        sync_buf_add(&c->cells, "\"", 1);
                        c->p += 2;
                        continue;
                    }
                    c->p++;
                    break;
                }
                if (ch == '\r' || ch == '\n') {
                    eat_newline(c);
                    sync_buf_add(&c->cells, "\n", 1);
                    broke = true;
                    continue;
                }
                /* the run of plain bytes up to the next quote or line break, added at once */
                const char *run = c->p;
                while (c->p < c->end && *c->p != '"' && *c->p != '\r' && *c->p != '\n')
                    c->p++;
                size_t len = (size_t)(c->p - run);
                rows = rows || (broke && memchr(run, c->sep, len));
                sync_buf_add(&c->cells, run, len);
                if (c->cells.len - start_len > SYNC_CSV_MAX_CELL_BYTES)
                    goto too_long;
            }
        }
        /* Unquoted text, or what follows a closing quote, up to the separator: one run. */
        const char *run = c->p;
        while (c->p < c->end && *c->p != c->sep && *c->p != '\r' && *c->p != '\n')
            c->p++;
        sync_buf_add(&c->cells, run, (size_t)(c->p - run));
        if (c->cells.len - start_len > SYNC_CSV_MAX_CELL_BYTES)
            goto too_long;
        sync_buf_add(&c->cells, "", 1);
        count++;
        if (c->p < c->end && *c->p == c->sep) {
            c->p++;
            continue;
        }
        c->unbroken = !eat_newline(c);
        break;
    }
    if (!sync_buf_ok(&c->cells)) {
        sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory reading line %d", *line);
        return -1;
    }
    for (size_t i = 0; i < count; i++)
        cells[i] = c->cells.data + c->offs[i];
    *n = count;
    return 1;
too_long:
    sync_err(err, VM_ERR_INVALID, c->cat,
             "line %d: a cell holds too much text (more than %d kB); perhaps a quotation mark "
             "(\") is missing",
             *line, SYNC_CSV_MAX_CELL_BYTES / 1024);
    return -1;
}

vm_status sync_csv_check_cut(sync_csv *c, size_t n, size_t named, int line, vm_err *err)
{
    if (c->unbroken && n < named && !c->short_rows) {
        c->cut_off = true;
        return sync_err(err, VM_ERR_INVALID, c->cat,
                        "line %d stops in the middle of the row (it has %d of the %d "
                        "columns): the file seems cut off",
                        line, (int)n, (int)named);
    }
    if (n < named)
        c->short_rows = true;
    return VM_OK;
}

void sync_csv_put(sync_buf *b, const char *cell, char sep, bool neutralise)
{
    bool lead = neutralise && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' ||
                               cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r');
    /* The length and whether anything forces quotes in one pass over a plain cell (sync
     * runs this for every cell of 10,000 sign-ups). */
    bool quote = lead || cell[0] == ' ';
    const char special[] = {sep, '"', '\r', '\n', '\0'};
    /* libc's strcspn, many bytes at a time (a NUL `sep` would end the set: left out) */
    size_t n = strcspn(cell, sep ? special : special + 1);
    if (cell[n]) {
        quote = true;
        n += strlen(cell + n);
    }
    if (n && cell[n - 1] == ' ')
        quote = true;
    if (!quote) {
        sync_buf_add(b, cell, n);
        return;
    }
    sync_buf_add(b, "\"", 1);
    if (lead)
        sync_buf_add(b, "'", 1);
    const char *run = cell;
    for (const char *p = cell; *p; p++)
        if (*p == '"') {
            sync_buf_add(b, run, (size_t)(p + 1 - run)); /* up to and with the quote */
            sync_buf_add(b, "\"", 1);
            run = p + 1;
        }
    sync_buf_add(b, run, strlen(run));
    sync_buf_add(b, "\"", 1);
}

const char *sync_csv_unneutralise(const char *cell)
{
    if (cell[0] == '\'' && (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' ||
                            cell[1] == '@' || cell[1] == '\t' || cell[1] == '\r'))
        return cell + 1;
    return cell;
}
