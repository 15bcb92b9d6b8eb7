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

vm_status sync_read_csv(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    vm_status st = VM_OK;
    char *text = NULL;
    size_t text_len = 0;
    sync_text_encoding enc;
    sync_buf notes_buf = SYNC_BUF_INIT;
    sync_notes notes = {&notes_buf, cat, 0};
    activity *acts = NULL;
    int *lines = NULL;
    uid_line *uids = NULL;
    size_t n = 0, cap = 0;
    sync_csv csv;
    bool csv_open = false;
    int header_line = 0;
    int colmap[SYNC_CSV_MAX_CELLS];
    char header_names[SYNC_CSV_MAX_CELLS][128];
    size_t ncols = 0;

    memset(out, 0, sizeof *out);
    if (len > SYNC_MAX_FILE_BYTES)
        return sync_err(err, VM_ERR_INVALID, cat, "the file is too big (at most %d MB)",
                        (int)(SYNC_MAX_FILE_BYTES >> 20));
    st = sync_text_decode(data, len, &text, &text_len, &enc, cat, err);
    if (st != VM_OK)
        goto out;
    if (enc == SYNC_TEXT_CP1252) {
        sync_buf_adds(&notes_buf, SYNC_T(cat, "program.csv was read as Windows-1252 (Excel's "
                                              "\"CSV (semikolonsepareret)\")"));
        sync_buf_adds(&notes_buf, "\n");
    }

    sync_csv_init(&csv, text, text_len, 0, cat);
    csv_open = true;
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line;
    int r;
    /* The header: the first row that is not empty. */
    while ((r = sync_csv_next(&csv, cells, &nc, &line, err)) == 1) {
        bool all_blank = true;
        for (size_t i = 0; i < nc; i++)
            all_blank = all_blank && blank(cells[i]);
        if (!all_blank)
            break;
    }
    if (r < 0) {
        st = err ? err->status : VM_ERR_INVALID;
        goto out;
    }
    if (r == 0) {
        st = sync_err(err, VM_ERR_INVALID, cat, "the file is empty");
        goto out;
    }
    header_line = line;
    int seen[SCOL_COUNT];
    for (int c = 0; c < SCOL_COUNT; c++)
        seen[c] = -1;
    ncols = nc;
    for (size_t i = 0; i < nc; i++) {
        utf8_clean_line(cells[i], header_names[i], sizeof header_names[i]);
        colmap[i] = sync_col_from_name(header_names[i]);
    }
    /* "Uge;Dag;Dato;Tid": beside a date column, "Dag" is the day of the week. */
    for (size_t i = 0; i < nc; i++)
        for (size_t j = 0; j < nc; j++)
            if (i != j && colmap[i] == SCOL_DATE && colmap[j] == SCOL_DATE &&
                sync_col_is_day_word(header_names[i]) && !sync_col_is_day_word(header_names[j]))
                colmap[i] = SCOL_WEEKDAY;
    for (size_t i = 0; i < nc; i++) {
        sync_col col = colmap[i];
        const char *name = header_names[i];
        if (col == SCOL_NONE) {
            if (name[0]) {
                sync_buf_printf(&notes_buf,
                                SYNC_T(cat, "the column \"%s\" is not known and was not used"),
                                name);
                sync_buf_adds(&notes_buf, "\n");
            }
            continue;
        }
        if (seen[col] >= 0) {
            st = sync_err(err, VM_ERR_INVALID, cat,
                          "line %d: the columns \"%s\" and \"%s\" both mean \"%s\"; keep one",
                          line, header_names[seen[col]], name, sync_col_name(col));
            goto out;
        }
        seen[col] = (int)i;
    }
    if (seen[SCOL_TITLE] < 0 || seen[SCOL_START] < 0) {
        st = sync_err(err, VM_ERR_INVALID, cat,
                      "line %d must name the columns, at least \"titel\" and \"start\" (see "
                      "program-skabelon.csv)",
                      header_line);
        goto out;
    }

    while ((r = sync_csv_next(&csv, cells, &nc, &line, err)) == 1) {
        bool all_blank = true;
        for (size_t i = 0; i < nc; i++)
            all_blank = all_blank && blank(cells[i]);
        if (all_blank)
            continue;
        for (size_t i = ncols; i < nc; i++)
            if (!blank(cells[i])) {
                st = sync_err(err, VM_ERR_INVALID, cat,
                              "line %d has more cells than the first line has columns (is "
                              "there a \"%s\" too many?)",
                              line, csv.sep == ',' ? "," : csv.sep == '\t' ? "TAB" : ";");
                goto out;
            }
        if (n == SYNC_MAX_ACTIVITIES) {
            st = sync_err(err, VM_ERR_INVALID, cat, "more than %d activities in one file",
                          SYNC_MAX_ACTIVITIES);
            goto out;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            activity *na = realloc(acts, ncap * sizeof *na);
            if (!na) {
                st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
                goto out;
            }
            acts = na;
            int *nl = realloc(lines, ncap * sizeof *nl);
            if (!nl) {
                st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
                goto out;
            }
            lines = nl;
            cap = ncap;
        }
        sync_row row;
        memset(&row, 0, sizeof row);
        char where[64];
        snprintf(where, sizeof where, SYNC_T(cat, "line %d"), line);
        row.where = where;
        for (size_t i = 0; i < ncols; i++)
            if (colmap[i] != SCOL_NONE) {
                row.cell[colmap[i]] = i < nc ? cells[i] : "";
                row.header[colmap[i]] = header_names[i];
            }
        activity *a = &acts[n];
        memset(a, 0, sizeof *a);
        st = sync_row_apply(&row, a, &notes, err);
        if (st != VM_OK)
            goto out;
        if (!a->title[0]) {
            st = sync_err(err, VM_ERR_INVALID, cat, "line %d, column \"%s\": the title is empty",
                          line, row.header[SCOL_TITLE]); /* a title column is there (above) */
            goto out;
        }
        if (!a->uid[0])
            derive_uid(a);
        lines[n] = line;
        n++;
    }
    if (r < 0) {
        st = err ? err->status : VM_ERR_INVALID;
        goto out;
    }
    if (n) {
        uids = malloc(n * sizeof *uids);
        if (!uids) {
            st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
            goto out;
        }
        for (size_t i = 0; i < n; i++)
            uids[i] = (uid_line){acts[i].uid, lines[i]};
        qsort(uids, n, sizeof *uids, cmp_uid_line);
        for (size_t i = 1; i < n; i++)
            if (strcmp(uids[i].uid, uids[i - 1].uid) == 0) {
                st = sync_err(err, VM_ERR_INVALID, cat,
                              "line %d: the id \"%s\" is used before, on line %d (every row "
                              "needs its own id)",
                              uids[i].line, uids[i].uid, uids[i - 1].line);
                goto out;
            }
    }
    if (notes.cleaned > 0) {
        sync_buf_printf(&notes_buf,
                        SYNC_T(cat, "%ld control characters or broken letters were removed"),
                        notes.cleaned);
        sync_buf_adds(&notes_buf, "\n");
    }
    if (!sync_buf_ok(&notes_buf)) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    out->acts = acts;
    out->n = n;
    out->notes = notes_buf.data;
    acts = NULL;
    notes_buf.data = NULL;
out:
    if (csv_open)
        sync_csv_free(&csv);
    free(text);
    free(acts);
    free(lines);
    free(uids);
    sync_buf_free(&notes_buf);
    return st;
}
