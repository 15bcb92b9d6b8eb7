#include "sync/sync_share.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dktime.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_export.h"
#include "sync/sync_fs.h"
#include "sync/sync_tr.h"

#include <sodium.h>

vm_status sync_share_export(store *s, int64_t now, sync_buf *out, int *rows, vm_err *err)
{
    store_share_row *list = NULL;
    size_t n = 0;
    vm_status st = store_share_rows(s, now - 86400, &list, &n, err);
    if (st != VM_OK)
        return st;
    sync_export_bom(out);
    sync_buf_add(out, SYNC_SHARE_HEADER, strlen(SYNC_SHARE_HEADER));
    sync_export_eol(out);
    for (size_t i = 0; i < n; i++) {
        const store_share_row *r = &list[i];
        char adults[24], children[24], made[21], changed[21];
        sync_fmt_long(r->adults, adults);
        sync_fmt_long(r->children, children);
        dktime_format_iso_utc(r->created, made);
        dktime_format_iso_utc(r->updated, changed);
        const char *cells[] = {r->id, r->activity_uid, r->task, adults, children,
                               r->cancelled ? "ja" : "nej", made, changed, r->kiosk_id};
        for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
            if (c)
                sync_buf_add(out, ";", 1);
            sync_csv_put(out, cells[c], ';', true);
        }
        sync_export_eol(out);
    }
    if (rows)
        *rows = (int)n;
    free(list);
    return VM_OK;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static bool copy_cell(char *dst, size_t size, const char *src)
{
    size_t len = strlen(src);
    if (len >= size)
        return false;
    memcpy(dst, src, len + 1);
    return true;
}

vm_status sync_share_parse(const char *text, size_t len, store_share_row **out, size_t *n,
                           const i18n_catalog *cat, vm_err *err)
{
    *out = NULL;
    *n = 0;
    sync_csv csv;
    sync_csv_init(&csv, text, len, ';', cat);
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line = 0, r;
    vm_status st = VM_OK;
    store_share_row *list = NULL;
    size_t cnt = 0, cap = 0;
    r = sync_csv_next(&csv, cells, &nc, &line, err);
    if (r < 0) {
        st = err->status ? err->status : VM_ERR_INVALID;
        goto out;
    }
    /* The header, exactly as written (a BOM was dropped by the caller's decoding). */
    {
        sync_buf h = SYNC_BUF_INIT;
        for (size_t i = 0; r == 1 && i < nc; i++) {
            if (i)
                sync_buf_add(&h, ";", 1);
            sync_buf_add(&h, cells[i], strlen(cells[i]));
        }
        bool ok = r == 1 && h.data && strcmp(h.data, SYNC_SHARE_HEADER) == 0;
        sync_buf_free(&h);
        if (!ok) {
            st = sync_err(err, VM_ERR_INVALID, cat, "line %d: this is not a list of places", 1);
            goto out;
        }
    }
    while ((r = sync_csv_next(&csv, cells, &nc, &line, err)) == 1) {
        if (nc == 1 && !cells[0][0])
            continue;
        if (cnt == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            store_share_row *bigger = realloc(list, ncap * sizeof *list);
            if (!bigger) {
                st = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the places.");
                goto out;
            }
            list = bigger;
            cap = ncap;
        }
        store_share_row *row = &list[cnt];
        memset(row, 0, sizeof *row);
        bool ok = nc == 9 && copy_cell(row->id, sizeof row->id, cells[0]) &&
                  copy_cell(row->activity_uid, sizeof row->activity_uid,
                            sync_csv_unneutralise(cells[1])) &&
                  copy_cell(row->task, sizeof row->task, sync_csv_unneutralise(cells[2])) &&
                  parse_int(cells[3], 0, HOUSEHOLD_MAX, &row->adults) &&
                  parse_int(cells[4], 0, HOUSEHOLD_MAX, &row->children) &&
                  (strcmp(cells[5], "ja") == 0 || strcmp(cells[5], "nej") == 0) &&
                  dktime_parse_iso(cells[6], &row->created) && row->created > 0 &&
                  dktime_parse_iso(cells[7], &row->updated) &&
                  copy_cell(row->kiosk_id, sizeof row->kiosk_id, sync_csv_unneutralise(cells[8])) &&
                  strlen(row->id) == 36 && strspn(row->id, "0123456789abcdefABCDEF-") == 36 &&
                  row->activity_uid[0];
        if (!ok) {
            st = sync_err(err, VM_ERR_INVALID, cat, "line %d: this is not a list of places",
                          line);
            goto out;
        }
        row->cancelled = strcmp(cells[5], "ja") == 0;
        cnt++;
    }
    if (r < 0)
        st = err->status ? err->status : VM_ERR_INVALID;
out:
    sync_csv_free(&csv);
    if (st != VM_OK) {
        free(list);
        return st;
    }
    *out = list;
    *n = cnt;
    return VM_OK;
}

/* Reads one kiosk folder's pladser.csv and appends its rows to *all. */
static vm_status read_kiosk(int vfd, const char *folder, store_share_row **all, size_t *n,
                            const i18n_catalog *cat, vm_err *err)
{
    int kfd = -1;
    char *raw = NULL, *text = NULL;
    size_t raw_len = 0, text_len = 0;
    store_share_row *rows = NULL;
    size_t n_rows = 0;
    vm_status st = sync_fs_open_dir(vfd, folder, false, &kfd, cat, err);
    if (st != VM_OK)
        goto out;
    if (!sync_fs_exists(kfd, SYNC_SHARE_CSV)) {
        st = VM_ERR_NOT_FOUND;
        goto out;
    }
    if ((st = sync_fs_read(kfd, SYNC_SHARE_CSV, SYNC_SHARE_MAX_BYTES, &raw, &raw_len, NULL, cat,
                           err)) != VM_OK ||
        (st = sync_text_decode(raw, raw_len, &text, &text_len, NULL, cat, err)) != VM_OK ||
        (st = sync_share_parse(text, text_len, &rows, &n_rows, cat, err)) != VM_OK)
        goto out;
    if (n_rows) {
        store_share_row *bigger = realloc(*all, (*n + n_rows) * sizeof **all);
        if (!bigger) {
            st = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the places.");
            goto out;
        }
        memcpy(bigger + *n, rows, n_rows * sizeof *rows);
        *all = bigger;
        *n += n_rows;
    }
out:
    free(rows);
    free(text);
    free(raw);
    if (kfd >= 0)
        close(kfd);
    return st;
}

static int by_queue_order(const void *pa, const void *pb)
{
    const store_share_row *a = pa, *b = pb;
    if (a->created != b->created)
        return a->created < b->created ? -1 : 1;
    int c = strcmp(a->kiosk_id, b->kiosk_id);
    if (c)
        return c;
    c = strcmp(a->activity_uid, b->activity_uid);
    return c ? c : strcmp(a->id, b->id);
}

static int by_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The other kiosks' folders in the `vaermed` folder `vfd` (read through `d`, which is
 * closed): folders only, not a link, not a dot name, not `own`. What else lies there (the
 * stick's key file vaermed.key, the program, the staff's own files) is no kiosk and is not
 * read as one. Sorted: the same stick is read in the same order anywhere. */
static size_t kiosk_folders(DIR *d, int vfd, const char *own,
                            char names[SYNC_SHARE_MAX_KIOSKS][256])
{
    size_t n = 0;
    struct dirent *e;
    rewinddir(d);
    while ((e = readdir(d)) != NULL && n < SYNC_SHARE_MAX_KIOSKS) {
        struct stat sb;
        if (e->d_name[0] == '.' || strcmp(e->d_name, own) == 0 || !sync_fs_name_ok(e->d_name) ||
            strlen(e->d_name) >= sizeof names[0] ||
            fstatat(vfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);
    return n;
}

vm_status sync_share_import(store *s, int vfd, const char *own, int64_t now,
                            store_share_report *rep, int *kiosks, sync_buf *log,
                            const i18n_catalog *cat, vm_err *err)
{
    memset(rep, 0, sizeof *rep);
    *kiosks = 0;
    int dfd = dup(vfd);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        return VM_OK; /* nothing to read: the export says what the stick cannot do */
    }
    char names[SYNC_SHARE_MAX_KIOSKS][256];
    size_t n_names = kiosk_folders(d, vfd, own, names);
    store_share_row *all = NULL;
    size_t n = 0;
    vm_status st = VM_OK;
    for (size_t i = 0; i < n_names; i++) {
        vm_err fe = {0};
        vm_status fs = read_kiosk(vfd, names[i], &all, &n, cat, &fe);
        if (fs == VM_OK) {
            (*kiosks)++;
        } else if (fs == VM_ERR_NOMEM) {
            st = fs;
            *err = fe;
            goto out;
        } else if (fs != VM_ERR_NOT_FOUND) {
            char line[VM_ERR_MSG_MAX + 300];
            snprintf(line, sizeof line,
                     SYNC_T(cat, "The places of the kiosk %s were not used: %s"), names[i],
                     fe.msg);
            sync_buf_add(log, line, strlen(line));
            sync_buf_add(log, "\r\n", 2);
        }
    }
    /* In the queue's order, so that sign-ups new here are stored as they were made. */
    if (n)
        qsort(all, n, sizeof *all, by_queue_order);
    if (n)
        st = store_share_merge(s, all, n, now, rep, err);
out:
    free(all);
    return st;
}

vm_status sync_share_codes_text(store *s, const code_key *key, int64_t now, sync_buf *out,
                                int *rows, vm_err *err)
{
    store_peer_code *list = NULL;
    size_t n = 0;
    *rows = 0;
    vm_status st = store_peer_codes_own(s, now - 86400, &list, &n, err);
    if (st != VM_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        char p1[SIGNUP_CODE_HASH_MAX];
        if (!code_peer_open(list[i].verifier, key, p1))
            continue;
        sync_buf_add(out, list[i].id, strlen(list[i].id));
        sync_buf_add(out, ";", 1);
        sync_buf_add(out, p1, strlen(p1));
        sync_buf_add(out, "\n", 1);
        (*rows)++;
    }
    if (list)
        sodium_memzero(list, n * sizeof *list);
    free(list);
    return VM_OK;
}

/* "<id>;<p1$...>" lines into codes already keyed with `key`; false for anything else. */
static bool parse_codes(char *text, const code_key *key, store_peer_code **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *semi = strchr(line, ';');
        if (!semi || semi - line != 36 || strspn(line, "0123456789abcdefABCDEF-") != 36)
            goto bad;
        *semi = '\0';
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            store_peer_code *bigger = realloc(*out, ncap * sizeof **out);
            if (!bigger)
                goto bad;
            *out = bigger;
            cap = ncap;
        }
        store_peer_code *c = &(*out)[*n];
        snprintf(c->id, sizeof c->id, "%s", line);
        if (!code_peer_accept(semi + 1, key, c->verifier))
            goto bad;
        (*n)++;
    }
    return true;
bad:
    free(*out);
    *out = NULL;
    *n = 0;
    return false;
}

vm_status sync_share_codes_import(store *s, int vfd, const char *own, const seal_secret *self,
                                  const code_key *key, int *kept, sync_buf *log,
                                  const i18n_catalog *cat, vm_err *err)
{
    *kept = 0;
    int dfd = dup(vfd);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        return VM_OK;
    }
    char names[SYNC_SHARE_MAX_KIOSKS][256];
    size_t n_names = kiosk_folders(d, vfd, own, names);
    vm_status st = VM_OK;
    for (size_t i = 0; i < n_names && st == VM_OK; i++) {
        int kfd = -1;
        char *raw = NULL;
        size_t raw_len = 0;
        uint8_t *plain = NULL;
        size_t plain_len = 0;
        store_peer_code *codes = NULL;
        size_t n = 0;
        vm_err fe = {0};
        if (sync_fs_open_dir(vfd, names[i], false, &kfd, cat, &fe) != VM_OK ||
            !sync_fs_exists(kfd, SYNC_SHARE_CODES))
            goto next;
        vm_status fs = sync_fs_read(kfd, SYNC_SHARE_CODES, SYNC_SHARE_CODES_MAX_BYTES, &raw,
                                    &raw_len, NULL, cat, &fe);
        if (fs == VM_OK) {
            fs = seal_decrypt(self, raw, raw_len, &plain, &plain_len, &fe);
            if (fs == VM_ERR_REFUSED)
                goto next; /* sealed to the estate's other kiosks, not to this one */
        }
        if (fs == VM_OK && !parse_codes((char *)plain, key, &codes, &n))
            fs = sync_err(&fe, VM_ERR_INVALID, cat, "this is not a list of codes");
        if (fs == VM_OK) {
            int k = 0;
            st = store_peer_codes_keep(s, codes, n, &k, err);
            *kept += k;
        } else {
            char line[VM_ERR_MSG_MAX + 300];
            snprintf(line, sizeof line,
                     SYNC_T(cat, "The cancel codes of the kiosk %s were not used: %s"),
                     names[i], fe.msg);
            sync_buf_add(log, line, strlen(line));
            sync_buf_add(log, "\r\n", 2);
        }
    next:
        if (codes)
            sodium_memzero(codes, n * sizeof *codes);
        free(codes);
        if (plain)
            sodium_memzero(plain, plain_len);
        free(plain);
        free(raw);
        if (kfd >= 0)
            close(kfd);
    }
    return st;
}
