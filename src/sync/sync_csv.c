/* The program.csv reader: Excel's CSV in, activities out (see sync_program.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/code.h"
#include "core/dktime.h"
#include "core/utf8.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_fields.h"
#include "sync/sync_program.h"
#include "sync/sync_tr.h"

void sync_program_free(sync_program *p)
{
    if (!p)
        return;
    free(p->acts);
    free(p->notes);
    p->acts = NULL;
    p->notes = NULL;
    p->n = 0;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

typedef struct uid_line {
    const char *uid;
    int line;
} uid_line;

static int cmp_uid_line(const void *a, const void *b)
{
    const uid_line *x = a, *y = b;
    int c = strcmp(x->uid, y->uid);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* A uid for a row without one: the title and start, so the same row keeps its uid. */
static void derive_uid(activity *a)
{
    char iso[21], key[ACT_TITLE_MAX + 32], hex[65];
    dktime_format_iso_utc(a->start, iso);
    snprintf(key, sizeof key, "%s|%s", a->title, iso);
    code_sha256_hex(key, strlen(key), hex);
    snprintf(a->uid, sizeof a->uid, "csv-%.24s", hex);
}

/* What the reader keeps between its steps. */
typedef struct csv_reader {
    const i18n_catalog *cat;
    sync_buf notes_buf;
    sync_notes notes;       /* the row rules' notes, into notes_buf */
    sync_csv csv;
    int header_line;
    size_t ncols;           /* cells in the header */
    size_t named;           /* cells up to the header's last one with a name */
    int colmap[SYNC_CSV_MAX_CELLS];
    char header_names[SYNC_CSV_MAX_CELLS][128];
    activity *acts;
    int *lines;             /* the line of each activity, for the messages */
    size_t n, cap;
} csv_reader;

static void note(csv_reader *r, const char *text)
{
    sync_buf_adds(&r->notes_buf, text);
    sync_buf_adds(&r->notes_buf, "\n");
}

static bool row_blank(const char *const *cells, size_t nc)
{
    for (size_t i = 0; i < nc; i++)
        if (!blank(cells[i]))
            return false;
    return true;
}

/* The reader's error for a row the tokenizer refused (it set `err`). */
static vm_status csv_failed(vm_err *err)
{
    return err ? err->status : VM_ERR_INVALID;
}

/* Step 1: the bytes as UTF-8 text (Excel's Windows-1252 is said in the notes). */
static vm_status decode(csv_reader *r, const char *data, size_t len, char **text,
                        size_t *text_len, vm_err *err)
{
    sync_text_encoding enc;
    vm_status st = sync_text_decode(data, len, text, text_len, &enc, r->cat, err);
    if (st == VM_OK && enc == SYNC_TEXT_CP1252)
        note(r, SYNC_T(r->cat, "program.csv was read as Windows-1252 (Excel's "
                               "\"CSV (semikolonsepareret)\")"));
    return st;
}

/* Step 2b: what each header cell means; an unknown name is noted, two names for one column
 * refused, and the title and start must be there. */
static vm_status map_columns(csv_reader *r, const char *const *cells, size_t nc, vm_err *err)
{
    int seen[SCOL_COUNT];
    for (int c = 0; c < SCOL_COUNT; c++)
        seen[c] = -1;
    r->ncols = nc;
    for (size_t i = 0; i < nc; i++) {
        utf8_clean_line(cells[i], r->header_names[i], sizeof r->header_names[i]);
        r->colmap[i] = sync_col_from_name(r->header_names[i]);
        if (r->header_names[i][0])
            r->named = i + 1;
    }
    /* "Uge;Dag;Dato;Tid": beside a date column, "Dag" is the day of the week. */
    for (size_t i = 0; i < nc; i++)
        for (size_t j = 0; j < nc; j++)
            if (i != j && r->colmap[i] == SCOL_DATE && r->colmap[j] == SCOL_DATE &&
                sync_col_is_day_word(r->header_names[i]) &&
                !sync_col_is_day_word(r->header_names[j]))
                r->colmap[i] = SCOL_WEEKDAY;
    for (size_t i = 0; i < nc; i++) {
        sync_col col = r->colmap[i];
        const char *name = r->header_names[i];
        if (col == SCOL_NONE) {
            if (name[0]) {
                sync_buf_printf(&r->notes_buf,
                                SYNC_T(r->cat, "the column \"%s\" is not known and was not used"),
                                name);
                sync_buf_adds(&r->notes_buf, "\n");
            }
            continue;
        }
        if (seen[col] >= 0)
            return sync_err(err, VM_ERR_INVALID, r->cat,
                            "line %d: the columns \"%s\" and \"%s\" both mean \"%s\"; keep one",
                            r->header_line, r->header_names[seen[col]], name,
                            sync_col_name(col));
        seen[col] = (int)i;
    }
    if (seen[SCOL_TITLE] < 0 || seen[SCOL_START] < 0)
        return sync_err(err, VM_ERR_INVALID, r->cat,
                        "line %d must name the columns, at least \"titel\" and \"start\" (see "
                        "program-skabelon.csv)",
                        r->header_line);
    return VM_OK;
}

/* Step 2: the header, the first row that is not empty. */
static vm_status read_header(csv_reader *r, vm_err *err)
{
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line, got;
    while ((got = sync_csv_next(&r->csv, cells, &nc, &line, err)) == 1 && row_blank(cells, nc))
        ;
    if (got < 0)
        return csv_failed(err);
    if (got == 0)
        return sync_err(err, VM_ERR_INVALID, r->cat, "the file is empty");
    r->header_line = line;
    return map_columns(r, cells, nc, err);
}

/* Room for one more activity (at most SYNC_MAX_ACTIVITIES). */
static vm_status make_room(csv_reader *r, vm_err *err)
{
    if (r->n == SYNC_MAX_ACTIVITIES)
        return sync_err(err, VM_ERR_INVALID, r->cat, "more than %d activities in one file",
                        SYNC_MAX_ACTIVITIES);
    if (r->n < r->cap)
        return VM_OK;
    size_t ncap = r->cap ? r->cap * 2 : 64;
    activity *na = realloc(r->acts, ncap * sizeof *na);
    if (!na)
        return sync_err(err, VM_ERR_NOMEM, r->cat, "out of memory");
    r->acts = na;
    int *nl = realloc(r->lines, ncap * sizeof *nl);
    if (!nl)
        return sync_err(err, VM_ERR_NOMEM, r->cat, "out of memory");
    r->lines = nl;
    r->cap = ncap;
    return VM_OK;
}

/* Step 3b: one row that is not empty becomes an activity, by the rules of sync_fields.h. */
static vm_status add_row(csv_reader *r, const char *const *cells, size_t nc, int line,
                         vm_err *err)
{
    for (size_t i = r->ncols; i < nc; i++)
        if (!blank(cells[i]))
            return sync_err(err, VM_ERR_INVALID, r->cat,
                            "line %d has more cells than the first line has columns (is "
                            "there a \"%s\" too many?)",
                            line, r->csv.sep == ',' ? "," : r->csv.sep == '\t' ? "TAB" : ";");
    vm_status st = make_room(r, err);
    if (st != VM_OK)
        return st;
    sync_row row;
    memset(&row, 0, sizeof row);
    char where[64];
    snprintf(where, sizeof where, SYNC_T(r->cat, "line %d"), line);
    row.where = where;
    for (size_t i = 0; i < r->ncols; i++)
        if (r->colmap[i] != SCOL_NONE) {
            row.cell[r->colmap[i]] = i < nc ? cells[i] : "";
            row.header[r->colmap[i]] = r->header_names[i];
        }
    activity *a = &r->acts[r->n];
    memset(a, 0, sizeof *a);
    st = sync_row_apply(&row, a, &r->notes, err);
    if (st != VM_OK)
        return st;
    if (!a->title[0])
        return sync_err(err, VM_ERR_INVALID, r->cat, "line %d, column \"%s\": the title is empty",
                        line, row.header[SCOL_TITLE]); /* a title column is there (map_columns) */
    if (!a->uid[0])
        derive_uid(a);
    r->lines[r->n++] = line;
    return VM_OK;
}

/* Step 3: the rows after the header; empty ones are skipped. */
static vm_status read_rows(csv_reader *r, vm_err *err)
{
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line, got;
    while ((got = sync_csv_next(&r->csv, cells, &nc, &line, err)) == 1) {
        if (row_blank(cells, nc))
            continue;
        /* A last row cut short: none of the file is used (sync_csvtok.h). */
        vm_status cut = sync_csv_check_cut(&r->csv, nc, r->named, line, err);
        if (cut != VM_OK)
            return cut;
        vm_status st = add_row(r, cells, nc, line, err);
        if (st != VM_OK)
            return st;
    }
    return got < 0 ? csv_failed(err) : VM_OK;
}

/* Step 4: every row has its own id; the first repeat is named with both lines. */
static vm_status check_unique_ids(csv_reader *r, vm_err *err)
{
    if (!r->n)
        return VM_OK;
    uid_line *uids = malloc(r->n * sizeof *uids);
    if (!uids)
        return sync_err(err, VM_ERR_NOMEM, r->cat, "out of memory");
    for (size_t i = 0; i < r->n; i++)
        uids[i] = (uid_line){r->acts[i].uid, r->lines[i]};
    qsort(uids, r->n, sizeof *uids, cmp_uid_line);
    vm_status st = VM_OK;
    for (size_t i = 1; i < r->n && st == VM_OK; i++)
        if (strcmp(uids[i].uid, uids[i - 1].uid) == 0)
            st = sync_err(err, VM_ERR_INVALID, r->cat,
                          "line %d: the id \"%s\" is used before, on line %d (every row "
                          "needs its own id)",
                          uids[i].line, uids[i].uid, uids[i - 1].line);
    free(uids);
    return st;
}

vm_status sync_read_csv(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    vm_status st = VM_OK;
    char *text = NULL;
    size_t text_len = 0;
    bool csv_open = false;
    csv_reader *r = calloc(1, sizeof *r);

    memset(out, 0, sizeof *out);
    if (!r)
        return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    r->cat = cat;
    r->notes_buf = (sync_buf)SYNC_BUF_INIT;
    r->notes = (sync_notes){&r->notes_buf, cat, 0};
    if (len > SYNC_MAX_FILE_BYTES) {
        st = sync_err(err, VM_ERR_INVALID, cat, "the file is too big (at most %d MB)",
                      (int)(SYNC_MAX_FILE_BYTES >> 20));
        goto out;
    }
    if ((st = decode(r, data, len, &text, &text_len, err)) != VM_OK)
        goto out;
    sync_csv_init(&r->csv, text, text_len, 0, cat);
    csv_open = true;
    if ((st = read_header(r, err)) != VM_OK || (st = read_rows(r, err)) != VM_OK ||
        (st = check_unique_ids(r, err)) != VM_OK)
        goto out;
    if (r->notes.cleaned > 0) {
        sync_buf_printf(&r->notes_buf,
                        SYNC_T(cat, "%ld control characters or broken letters were removed"),
                        r->notes.cleaned);
        sync_buf_adds(&r->notes_buf, "\n");
    }
    if (!sync_buf_ok(&r->notes_buf)) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    out->acts = r->acts;
    out->n = r->n;
    out->notes = r->notes_buf.data;
    r->acts = NULL;
    r->notes_buf.data = NULL;
out:
    if (st != VM_OK)
        out->cut_off = r->csv.cut_off;
    if (csv_open)
        sync_csv_free(&r->csv);
    free(text);
    free(r->acts);
    free(r->lines);
    sync_buf_free(&r->notes_buf);
    free(r);
    return st;
}
