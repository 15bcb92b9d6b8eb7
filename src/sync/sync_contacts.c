/* sync_contacts: kontakter.csv, who residents can ask (see sync_contacts.h). */
#include "sync/sync_contacts.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_fields.h"
#include "sync/sync_tr.h"

enum { CCOL_NONE = -1, CCOL_NAME = 0, CCOL_ROLE, CCOL_PHONE, CCOL_HOURS, CCOL_PHOTO, CCOL_COUNT };

static const char *const CCOL_NAMES[CCOL_COUNT] = {"navn", "rolle", "telefon", "tider",
                                                    "billede"};

/* Header words, as sync_fields normalises them: folded, only letters and digits. */
static const struct {
    const char *word;
    int col;
} ALIASES[] = {
    {"navn", CCOL_NAME},        {"name", CCOL_NAME},          {"kontakt", CCOL_NAME},
    {"hvem", CCOL_NAME},        {"person", CCOL_NAME},        {"kontaktperson", CCOL_NAME},
    {"rolle", CCOL_ROLE},       {"role", CCOL_ROLE},          {"titel", CCOL_ROLE},
    {"stilling", CCOL_ROLE},    {"funktion", CCOL_ROLE},      {"title", CCOL_ROLE},
    {"telefon", CCOL_PHONE},    {"tlf", CCOL_PHONE},          {"tlfnr", CCOL_PHONE},
    {"telefonnummer", CCOL_PHONE}, {"phone", CCOL_PHONE},     {"mobil", CCOL_PHONE},
    {"nummer", CCOL_PHONE},     {"tider", CCOL_HOURS},        {"tid", CCOL_HOURS},
    {"hours", CCOL_HOURS},      {"åbningstider", CCOL_HOURS}, {"åbningstid", CCOL_HOURS},
    {"træffetid", CCOL_HOURS},  {"træffetider", CCOL_HOURS},  {"hvornår", CCOL_HOURS},
    {"openinghours", CCOL_HOURS}, {"billede", CCOL_PHOTO},   {"foto", CCOL_PHOTO},
    {"photo", CCOL_PHOTO},      {"picture", CCOL_PHOTO},      {"billedfil", CCOL_PHOTO},
};

static void normalise(const char *in, char *out, size_t size)
{
    char folded[256];
    utf8_fold_case(in, folded, sizeof folded);
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)folded; *p && o + 1 < size; p++)
        if (*p >= 0x80 || isalnum(*p))
            out[o++] = (char)tolower(*p);
    out[o] = '\0';
}

static int col_from_name(const char *name)
{
    char key[256];
    normalise(name, key, sizeof key);
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        if (strcmp(ALIASES[i].word, key) == 0)
            return ALIASES[i].col;
    return CCOL_NONE;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

/* The next row that is not blank: 1, 0 at the end, -1 with `err` set. */
static int next_filled(sync_csv *csv, const char **cells, size_t *nc, int *line, vm_err *err)
{
    int r;
    while ((r = sync_csv_next(csv, cells, nc, line, err)) == 1) {
        bool all_blank = true;
        for (size_t i = 0; i < *nc; i++)
            all_blank = all_blank && blank(cells[i]);
        if (!all_blank)
            break;
    }
    return r;
}

/* The header: the first row that is not blank; a file without one is refused. */
static vm_status read_header_row(sync_csv *csv, const char **cells, size_t *nc, int *line,
                                 vm_err *err)
{
    int r = next_filled(csv, cells, nc, line, err);
    if (r < 0)
        return err ? err->status : VM_ERR_INVALID;
    if (r == 0)
        return sync_err(err, VM_ERR_INVALID, csv->cat, "the file is empty");
    return VM_OK;
}

/* What each header cell means (`col_of`, -1 for a name it does not know, which is noted),
 * into `colmap` and `names`; two cells for one column (`col_names[c]`) are refused. seen[c]
 * (n_cols of them) gets the cell of column c, or -1. */
static vm_status map_header(const sync_csv *csv, const char *const *cells, size_t nc, int line,
                            int (*col_of)(const char *), const char *const *col_names,
                            int *seen, int n_cols, int *colmap,
                            char names[][128], sync_buf *notes, vm_err *err)
{
    for (int c = 0; c < n_cols; c++)
        seen[c] = -1;
    for (size_t i = 0; i < nc; i++) {
        utf8_clean_line(cells[i], names[i], sizeof names[i]);
        colmap[i] = col_of(names[i]);
        if (colmap[i] < 0) {
            if (names[i][0]) {
                sync_buf_printf(notes,
                                SYNC_T(csv->cat, "the column \"%s\" is not known and was not used"),
                                names[i]);
                sync_buf_adds(notes, "\n");
            }
            continue;
        }
        if (seen[colmap[i]] >= 0)
            return sync_err(err, VM_ERR_INVALID, csv->cat,
                            "line %d: the columns \"%s\" and \"%s\" both mean \"%s\"; keep one",
                            line, names[seen[colmap[i]]], names[i], col_names[colmap[i]]);
        seen[colmap[i]] = (int)i;
    }
    return VM_OK;
}

/* A row with more cells than the header has columns: a separator too many, refused. */
static vm_status check_width(const sync_csv *csv, const char *const *cells, size_t nc,
                             size_t ncols, int line, vm_err *err)
{
    for (size_t i = ncols; i < nc; i++)
        if (!blank(cells[i]))
            return sync_err(err, VM_ERR_INVALID, csv->cat,
                            "line %d has more cells than the first line has columns (is "
                            "there a \"%s\" too many?)",
                            line, csv->sep == ',' ? "," : csv->sep == '\t' ? "TAB" : ";");
    return VM_OK;
}

/* The cells up to the header's last one with a name (what sync_csv_check_cut counts). */
static size_t named_columns(char names[][128], size_t ncols)
{
    size_t named = 0;
    for (size_t i = 0; i < ncols; i++)
        if (names[i][0])
            named = i + 1;
    return named;
}

/* A number a phone can call: 3 to 15 digits (112, 1813, +45 12 34 56 78), with +, spaces,
 * dashes and brackets as people write them. */
static bool phone_ok(const char *s)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(" +-()./", *p))
            return false;
    }
    return digits >= 3 && digits <= 15;
}

vm_status sync_read_contacts(const char *data, size_t len, const i18n_catalog *cat,
                             contact **out, size_t *n_out, char **notes_out, vm_err *err)
{
    return sync_read_contacts_photos(data, len, cat, out, n_out, NULL, notes_out, NULL, err);
}

vm_status sync_read_contacts_photos(const char *data, size_t len, const i18n_catalog *cat,
                                    contact **out, size_t *n_out,
                                    sync_photo_ref photos[CONTACTS_MAX], char **notes_out,
                                    bool *cut_off, vm_err *err)
{
    vm_status st = VM_OK;
    char *text = NULL;
    size_t text_len = 0;
    sync_text_encoding enc;
    sync_buf notes_buf = SYNC_BUF_INIT;
    sync_notes notes = {&notes_buf, cat, 0};
    contact *list = NULL;
    size_t n = 0;
    sync_csv csv;
    bool csv_open = false;
    int colmap[SYNC_CSV_MAX_CELLS];
    char header_names[SYNC_CSV_MAX_CELLS][128];
    size_t ncols = 0;

    *out = NULL;
    *n_out = 0;
    if (notes_out)
        *notes_out = NULL;
    if (cut_off)
        *cut_off = false;
    if (len > SYNC_CONTACTS_MAX_BYTES)
        return sync_err(err, VM_ERR_INVALID, cat, "the file is too big (at most %d KB)",
                        SYNC_CONTACTS_MAX_BYTES / 1024);
    if ((st = sync_text_decode(data, len, &text, &text_len, &enc, cat, err)) != VM_OK)
        goto out;
    if (enc == SYNC_TEXT_CP1252) {
        sync_buf_adds(&notes_buf, SYNC_T(cat, "kontakter.csv was read as Windows-1252 (Excel's "
                                              "\"CSV (semikolonsepareret)\")"));
        sync_buf_adds(&notes_buf, "\n");
    }
    list = calloc(CONTACTS_MAX, sizeof *list);
    if (!list) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    sync_csv_init(&csv, text, text_len, 0, cat);
    csv_open = true;
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line, r;
    if ((st = read_header_row(&csv, cells, &nc, &line, err)) != VM_OK)
        goto out;
    int seen[CCOL_COUNT];
    if (photos)
        memset(photos, 0, CONTACTS_MAX * sizeof *photos);
    ncols = nc;
    if ((st = map_header(&csv, cells, nc, line, col_from_name, CCOL_NAMES, seen, CCOL_COUNT,
                         colmap, header_names, &notes_buf, err)) != VM_OK)
        goto out;
    if (seen[CCOL_NAME] < 0) {
        st = sync_err(err, VM_ERR_INVALID, cat,
                      "line %d must name the columns, at least \"navn\" (the others: \"rolle\", "
                      "\"telefon\", \"tider\")",
                      line);
        goto out;
    }
    size_t named = named_columns(header_names, ncols);
    while ((r = next_filled(&csv, cells, &nc, &line, err)) == 1) {
        /* a last row cut short, as by a pulled stick: none of the file is used */
        if ((st = sync_csv_check_cut(&csv, nc, named, line, err)) != VM_OK ||
            (st = check_width(&csv, cells, nc, ncols, line, err)) != VM_OK)
            goto out;
        if (n == CONTACTS_MAX) {
            st = sync_err(err, VM_ERR_INVALID, cat,
                          "line %d: more than %d contacts in one file (a screen a person can "
                          "read)",
                          line, CONTACTS_MAX);
            goto out;
        }
        contact *c = &list[n];
        memset(c, 0, sizeof *c);
        char *dst[CCOL_COUNT] = {c->name, c->role, c->phone, c->hours};
        size_t size[CCOL_COUNT] = {sizeof c->name, sizeof c->role, sizeof c->phone,
                                   sizeof c->hours};
        for (size_t i = 0; i < ncols && i < nc; i++) {
            int col = colmap[i];
            if (col == CCOL_NONE)
                continue;
            char at[64], where[256];
            snprintf(at, sizeof at, SYNC_T(cat, "line %d"), line);
            snprintf(where, sizeof where, SYNC_T(cat, "%s, column \"%s\""), at,
                     header_names[i]);
            if (col == CCOL_PHOTO) {
                /* the file's name: read by the sync, beside this file on the stick */
                if (photos && !blank(cells[i])) {
                    if ((st = sync_text_cell(cells[i], where, false, photos[n].file,
                                             sizeof photos[n].file, &notes, err)) != VM_OK)
                        goto out;
                    snprintf(photos[n].where, sizeof photos[n].where, "%s", where);
                }
                continue;
            }
            if ((st = sync_text_cell(cells[i], where, col == CCOL_PHONE, dst[col], size[col],
                                     &notes, err)) != VM_OK)
                goto out;
            if (col == CCOL_PHONE && c->phone[0] && !phone_ok(c->phone)) {
                st = sync_err(err, VM_ERR_INVALID, cat,
                              "%s: the phone number \"%s\" cannot be read (3 to 15 digits)",
                              where, c->phone);
                goto out;
            }
        }
        if (!c->name[0]) {
            st = sync_err(err, VM_ERR_INVALID, cat,
                          "line %d: the name is empty (every contact needs one)", line);
            goto out;
        }
        n++;
    }
    if (r < 0) {
        st = err ? err->status : VM_ERR_INVALID;
        goto out;
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
    if (n) {
        *out = list;
        list = NULL;
    }
    *n_out = n;
    if (notes_out) {
        *notes_out = notes_buf.data;
        notes_buf.data = NULL;
    }
out:
    if (st != VM_OK && cut_off && csv_open)
        *cut_off = csv.cut_off;
    if (csv_open)
        sync_csv_free(&csv);
    free(list);
    free(text);
    sync_buf_free(&notes_buf);
    return st;
}

/* ---- ideer.csv */

enum { ICOL_NONE = -1, ICOL_TITLE = 0, ICOL_PICTO, ICOL_COUNT };
static const char *const ICOL_NAMES[ICOL_COUNT] = {"idé", "pictogram"};
static const struct {
    const char *word;
    int col;
} IDEA_ALIASES[] = {
    {"idé", ICOL_TITLE},      {"ide", ICOL_TITLE},        {"idea", ICOL_TITLE},
    {"ideer", ICOL_TITLE},    {"forslag", ICOL_TITLE},    {"titel", ICOL_TITLE},
    {"hvad", ICOL_TITLE},     {"title", ICOL_TITLE},      {"pictogram", ICOL_PICTO},
    {"piktogram", ICOL_PICTO}, {"kategori", ICOL_PICTO},  {"category", ICOL_PICTO},
    {"billede", ICOL_PICTO},  {"ikon", ICOL_PICTO},       {"icon", ICOL_PICTO},
    {"type", ICOL_PICTO},
};

static int idea_col(const char *name)
{
    char key[256];
    normalise(name, key, sizeof key);
    for (size_t i = 0; i < sizeof IDEA_ALIASES / sizeof IDEA_ALIASES[0]; i++)
        if (strcmp(IDEA_ALIASES[i].word, key) == 0)
            return IDEA_ALIASES[i].col;
    return ICOL_NONE;
}

vm_status sync_read_ideas(const char *data, size_t len, const i18n_catalog *cat, idea **out,
                          size_t *n_out, char **notes_out, bool *cut_off, vm_err *err)
{
    vm_status st = VM_OK;
    char *text = NULL;
    size_t text_len = 0;
    sync_text_encoding enc;
    sync_buf notes_buf = SYNC_BUF_INIT;
    sync_notes notes = {&notes_buf, cat, 0};
    idea *list = NULL;
    int lines[IDEAS_MAX];
    size_t n = 0;
    sync_csv csv;
    bool csv_open = false;
    int colmap[SYNC_CSV_MAX_CELLS];
    char header_names[SYNC_CSV_MAX_CELLS][128];
    size_t ncols = 0;

    *out = NULL;
    *n_out = 0;
    if (notes_out)
        *notes_out = NULL;
    if (cut_off)
        *cut_off = false;
    if (len > SYNC_CONTACTS_MAX_BYTES)
        return sync_err(err, VM_ERR_INVALID, cat, "the file is too big (at most %d KB)",
                        SYNC_CONTACTS_MAX_BYTES / 1024);
    if ((st = sync_text_decode(data, len, &text, &text_len, &enc, cat, err)) != VM_OK)
        goto out;
    list = calloc(IDEAS_MAX, sizeof *list);
    if (!list) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    sync_csv_init(&csv, text, text_len, 0, cat);
    csv_open = true;
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line, r;
    if ((st = read_header_row(&csv, cells, &nc, &line, err)) != VM_OK)
        goto out;
    int seen[ICOL_COUNT];
    ncols = nc;
    if ((st = map_header(&csv, cells, nc, line, idea_col, ICOL_NAMES, seen, ICOL_COUNT, colmap,
                         header_names, &notes_buf, err)) != VM_OK)
        goto out;
    if (seen[ICOL_TITLE] < 0) {
        st = sync_err(err, VM_ERR_INVALID, cat,
                      "line %d must name the columns, at least \"idé\" (and \"pictogram\")",
                      line);
        goto out;
    }
    size_t named = named_columns(header_names, ncols);
    while ((r = next_filled(&csv, cells, &nc, &line, err)) == 1) {
        /* a last row cut short, as by a pulled stick: none of the file is used */
        if ((st = sync_csv_check_cut(&csv, nc, named, line, err)) != VM_OK ||
            (st = check_width(&csv, cells, nc, ncols, line, err)) != VM_OK)
            goto out;
        if (n == IDEAS_MAX) {
            st = sync_err(err, VM_ERR_INVALID, cat,
                          "line %d: more than %d ideas in one file (one screen of them)", line,
                          IDEAS_MAX);
            goto out;
        }
        idea *d = &list[n];
        memset(d, 0, sizeof *d);
        d->cat = CAT_OTHER;
        for (size_t i = 0; i < ncols && i < nc; i++) {
            char at[64], where[256];
            snprintf(at, sizeof at, SYNC_T(cat, "line %d"), line);
            snprintf(where, sizeof where, SYNC_T(cat, "%s, column \"%s\""), at,
                     header_names[i]);
            if (colmap[i] == ICOL_TITLE) {
                if ((st = sync_text_cell(cells[i], where, false, d->title, sizeof d->title,
                                         &notes, err)) != VM_OK)
                    goto out;
            } else if (colmap[i] == ICOL_PICTO && !blank(cells[i])) {
                char word[64];
                utf8_clean_line(cells[i], word, sizeof word);
                d->cat = category_from_word(word);
                if (d->cat == CAT_OTHER) {
                    sync_buf_printf(&notes_buf,
                                    SYNC_T(cat, "%s: the pictogram \"%s\" is not known; the "
                                                "plain one is shown"),
                                    where, word);
                    sync_buf_adds(&notes_buf, "\n");
                }
            }
        }
        if (!d->title[0]) {
            st = sync_err(err, VM_ERR_INVALID, cat, "line %d: the idea is empty", line);
            goto out;
        }
        for (size_t k = 0; k < n; k++)
            if (strcmp(list[k].title, d->title) == 0) {
                st = sync_err(err, VM_ERR_INVALID, cat,
                              "line %d: the idea \"%s\" is there already, on line %d", line,
                              d->title, lines[k]);
                goto out;
            }
        lines[n] = line;
        n++;
    }
    if (r < 0) {
        st = err ? err->status : VM_ERR_INVALID;
        goto out;
    }
    if (!sync_buf_ok(&notes_buf)) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    if (n) {
        *out = list;
        list = NULL;
    }
    *n_out = n;
    if (notes_out) {
        *notes_out = notes_buf.data;
        notes_buf.data = NULL;
    }
out:
    if (st != VM_OK && cut_off && csv_open)
        *cut_off = csv.cut_off;
    if (csv_open)
        sync_csv_free(&csv);
    free(list);
    free(text);
    sync_buf_free(&notes_buf);
    return st;
}
