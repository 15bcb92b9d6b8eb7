/* vaermed merge: several kiosks' sign-up exports into one list (see sync_merge.h). */
#include "sync/sync_merge.h"

#include <dirent.h>
#include <sodium.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "sync/sync.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_export.h"
#include "sync/sync_fields.h"
#include "sync/sync_fs.h"
#include "sync/sync_tr.h"

#define MERGE_MAX_FILE (16u << 20)
#define MERGE_MAX_FILES 256
#define MERGE_MAX_ROWS 1000000

enum { C_ID = 0, C_UID, C_TITLE, C_DATE, C_TIME, C_TASK, C_NAME, C_ADULTS, C_CHILDREN,
       C_COMPANY, C_STATUS, C_WAITPOS, C_CREATED, C_UPDATED, C_KIOSK, C_KIOSK_NAME };

static const char *const header_names[SYNC_SIGNUPS_COLUMNS] = {
    "Tilmelding-id", "Aktivitet-id", "Aktivitet", "Dato",   "Tid",
    "Opgave",        "Navn",         "Voksne",    "Børn",   "Følgeskab",
    "Status",        "Venteplads",   "Tilmeldt",  "Opdateret", "Kiosk",
    "Kiosknavn"};

typedef struct mrow {
    char *cell[SYNC_SIGNUPS_COLUMNS]; /* malloc'd each */
    int64_t updated;
    int64_t when;    /* activity start, for sorting */
    int64_t created;
    bool cancelled;
    size_t order;    /* read order, for stable ties */
} mrow;

typedef struct merge {
    const i18n_catalog *cat;
    const seal_secret *key;  /* opens sealed lists; NULL: only plain ones */
    mrow *rows;
    size_t n, cap;
    sync_merge_report rep;
} merge;

static void fold_key(const char *in, char *out, size_t size)
{
    char f[128];
    utf8_fold_case(in, f, sizeof f);
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)f; *p && o + 1 < size; p++)
        if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            out[o++] = (char)*p;
    out[o] = '\0';
}

static int64_t when_of(const char *date, const char *time)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s", date, time);
    int y, mo, d, h = 0, mi = 0;
    bool hd, ht;
    int64_t t;
    if (sync_parse_when(buf, &y, &mo, &d, &hd, &h, &mi, &ht) && hd &&
        dktime_from_local(y, mo, d, ht ? h : 0, ht ? mi : 0, &t))
        return t;
    return INT64_MAX;
}

static vm_status read_list(merge *m, const char *data, size_t len, const char *label,
                           vm_err *err)
{
    char *text = NULL;
    size_t tl;
    vm_status st = sync_text_decode(data, len, &text, &tl, NULL, m->cat, err);
    if (st != VM_OK)
        return sync_err(err, st, m->cat, "%s: %s", label, err ? err->msg : "");
    sync_csv csv;
    sync_csv_init(&csv, text, tl, 0, m->cat);
    const char *cells[SYNC_CSV_MAX_CELLS];
    size_t nc;
    int line, r;
    int map[SYNC_SIGNUPS_COLUMNS];
    for (int i = 0; i < SYNC_SIGNUPS_COLUMNS; i++)
        map[i] = -1;
    r = sync_csv_next(&csv, cells, &nc, &line, err);
    if (r < 0) {
        st = sync_err(err, VM_ERR_INVALID, m->cat, "%s: %s", label, err ? err->msg : "");
        goto out;
    }
    for (size_t i = 0; r == 1 && i < nc; i++) {
        char a[128], b[128];
        fold_key(cells[i], a, sizeof a);
        for (int k = 0; k < SYNC_SIGNUPS_COLUMNS; k++) {
            fold_key(header_names[k], b, sizeof b);
            if (strcmp(a, b) == 0 && map[k] < 0)
                map[k] = (int)i;
        }
    }
    if (r != 1 || map[C_ID] < 0 || map[C_STATUS] < 0 || map[C_UPDATED] < 0) {
        st = sync_err(err, VM_ERR_INVALID, m->cat,
                      "%s is not a sign-up list from Vær med (the first line must name "
                      "Tilmelding-id, Status and Opdateret)",
                      label);
        goto out;
    }
    m->rep.files++;
    while ((r = sync_csv_next(&csv, cells, &nc, &line, err)) == 1) {
        if (nc == 1 && !cells[0][0])
            continue;
        const char *get[SYNC_SIGNUPS_COLUMNS];
        for (int k = 0; k < SYNC_SIGNUPS_COLUMNS; k++)
            get[k] = map[k] >= 0 && (size_t)map[k] < nc ? sync_csv_unneutralise(cells[map[k]])
                                                        : "";
        signup_status ss;
        int64_t updated;
        if (strlen(get[C_ID]) != 36) {
            st = sync_err(err, VM_ERR_INVALID, m->cat,
                          "%s, line %d: \"%s\" is not a sign-up id", label, line, get[C_ID]);
            goto out;
        }
        if (!sync_status_from_word(get[C_STATUS], &ss)) {
            st = sync_err(err, VM_ERR_INVALID, m->cat, "%s, line %d: the status \"%s\" is not "
                                                       "known",
                          label, line, get[C_STATUS]);
            goto out;
        }
        if (!dktime_parse_iso(get[C_UPDATED], &updated)) {
            st = sync_err(err, VM_ERR_INVALID, m->cat,
                          "%s, line %d: the time \"%s\" in Opdateret cannot be read", label,
                          line, get[C_UPDATED]);
            goto out;
        }
        if (m->n >= MERGE_MAX_ROWS) {
            st = sync_err(err, VM_ERR_INVALID, m->cat, "more than %d sign-ups",
                          MERGE_MAX_ROWS);
            goto out;
        }
        if (m->n == m->cap) {
            size_t ncap = m->cap ? m->cap * 2 : 256;
            mrow *nr = realloc(m->rows, ncap * sizeof *nr);
            if (!nr) {
                st = sync_err(err, VM_ERR_NOMEM, m->cat, "out of memory");
                goto out;
            }
            m->rows = nr;
            m->cap = ncap;
        }
        mrow *row = &m->rows[m->n];
        memset(row, 0, sizeof *row);
        for (int k = 0; k < SYNC_SIGNUPS_COLUMNS; k++) {
            row->cell[k] = strdup(get[k]);
            if (!row->cell[k]) {
                for (int j = 0; j < k; j++)
                    free(row->cell[j]);
                st = sync_err(err, VM_ERR_NOMEM, m->cat, "out of memory");
                goto out;
            }
        }
        row->updated = updated;
        row->cancelled = ss == SIGNUP_CANCELLED;
        row->when = when_of(get[C_DATE], get[C_TIME]);
        row->created = when_of(get[C_CREATED], "");
        {
            /* "Tilmeldt" holds date and time in one cell. */
            int y, mo, d, h, mi;
            bool hd, ht;
            int64_t t;
            if (sync_parse_when(get[C_CREATED], &y, &mo, &d, &hd, &h, &mi, &ht) && hd &&
                dktime_from_local(y, mo, d, ht ? h : 0, ht ? mi : 0, &t))
                row->created = t;
        }
        row->order = m->n;
        m->n++;
        m->rep.rows++;
    }
    if (r < 0)
        st = sync_err(err, VM_ERR_INVALID, m->cat, "%s: %s", label, err ? err->msg : "");
out:
    sync_csv_free(&csv);
    free(text);
    return st;
}

/* A list as read from a file: opened first when it is sealed. */
static vm_status read_any(merge *m, const char *data, size_t len, const char *label,
                          vm_err *err)
{
    if (!seal_is_sealed(data, len))
        return read_list(m, data, len, label, err);
    if (!m->key)
        return sync_err(err, VM_ERR_REFUSED, m->cat,
                        "%s is sealed for the staff: give the staff key (--key FILE)", label);
    uint8_t *plain = NULL;
    size_t plen = 0;
    vm_err e;
    vm_status st = seal_decrypt(m->key, data, len, &plain, &plen, &e);
    if (st != VM_OK)
        return sync_err(err, st, m->cat, "%s: %s", label, e.msg);
    st = read_list(m, (const char *)plain, plen, label, err);
    sodium_memzero(plain, plen);
    free(plain);
    return st;
}

/* The sign-up list in a kiosk folder: plain (older kiosks) or sealed. */
static const char *list_name(int dirfd)
{
    if (sync_fs_exists(dirfd, SYNC_SIGNUPS_CSV SEAL_SUFFIX))
        return SYNC_SIGNUPS_CSV SEAL_SUFFIX;
    if (sync_fs_exists(dirfd, SYNC_SIGNUPS_CSV))
        return SYNC_SIGNUPS_CSV;
    return NULL;
}

static vm_status read_file_at(merge *m, int dirfd, const char *name, const char *label,
                              vm_err *err)
{
    char *data = NULL;
    size_t len;
    vm_err e;
    vm_status st = sync_fs_read(dirfd, name, MERGE_MAX_FILE, &data, &len, NULL, m->cat, &e);
    if (st != VM_OK)
        return sync_err(err, st, m->cat, "%s: %s", label, e.msg);
    st = read_any(m, data, len, label, err);
    free(data);
    return st;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads <name>/tilmeldinger.csv for every real folder in dirfd; counts them in *found. */
static vm_status read_kiosk_folders(merge *m, int dirfd, const char *label, int *found,
                                    vm_err *err)
{
    vm_status st = VM_OK;
    int dfd2 = dup(dirfd);
    DIR *d = dfd2 >= 0 ? fdopendir(dfd2) : NULL;
    char *names[MERGE_MAX_FILES];
    size_t nn = 0;
    if (!d) {
        if (dfd2 >= 0)
            close(dfd2);
        return sync_err(err, VM_ERR_IO, m->cat, "cannot read the folder %s", label);
    }
    struct dirent *de;
    while ((de = readdir(d)) && nn < MERGE_MAX_FILES) {
        if (de->d_name[0] == '.')
            continue;
        struct stat sb;
        if (fstatat(dirfd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        names[nn] = strdup(de->d_name);
        if (names[nn])
            nn++;
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp_name);
    for (size_t i = 0; i < nn; i++) {
        int kfd = -1;
        if (st == VM_OK && sync_fs_open_dir(dirfd, names[i], false, &kfd, m->cat, NULL) ==
                               VM_OK) {
            const char *list = list_name(kfd);
            if (list) {
                char sub[1024];
                snprintf(sub, sizeof sub, "%s/%s/%s", label, names[i], list);
                st = read_file_at(m, kfd, list, sub, err);
                (*found)++;
            }
            close(kfd);
        }
        free(names[i]);
    }
    return st;
}

static vm_status read_input(merge *m, const char *path, vm_err *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return sync_err(err, VM_ERR_NOT_FOUND, m->cat, "%s is not there", path);
    if (S_ISREG(sb.st_mode)) {
        char *data = NULL;
        size_t len;
        vm_err e;
        vm_status st = sync_fs_read(AT_FDCWD, path, MERGE_MAX_FILE, &data, &len, NULL, m->cat,
                                    &e);
        if (st == VM_ERR_REFUSED && strchr(path, '/')) {
            /* a path with folders: open its folder, then the file without following links */
            char *copy = strdup(path), *copy2 = strdup(path);
            if (copy && copy2) {
                int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
                if (dfd >= 0) {
                    st = sync_fs_read(dfd, basename(copy2), MERGE_MAX_FILE, &data, &len, NULL,
                                      m->cat, &e);
                    close(dfd);
                }
            }
            free(copy);
            free(copy2);
        }
        if (st != VM_OK)
            return sync_err(err, st, m->cat, "%s: %s", path, e.msg);
        st = read_any(m, data, len, path, err);
        free(data);
        return st;
    }
    int dfd = -1, vfd = -1, found = 0;
    vm_status st = sync_fs_open_dir(AT_FDCWD, path, false, &dfd, m->cat, err);
    if (st != VM_OK)
        return st;
    const char *list = list_name(dfd);
    if (list) {
        char label[1024];
        snprintf(label, sizeof label, "%s/%s", path, list);
        st = read_file_at(m, dfd, list, label, err);
        found++;
    } else if (sync_fs_open_dir(dfd, SYNC_FOLDER, false, &vfd, m->cat, NULL) == VM_OK) {
        char label[1024];
        snprintf(label, sizeof label, "%s/%s", path, SYNC_FOLDER);
        st = read_kiosk_folders(m, vfd, label, &found, err);
        close(vfd);
    } else {
        st = read_kiosk_folders(m, dfd, path, &found, err);
    }
    close(dfd);
    if (st == VM_OK && !found)
        st = sync_err(err, VM_ERR_NOT_FOUND, m->cat, "%s holds no %s", path, SYNC_SIGNUPS_CSV);
    return st;
}

/* By id; within an id the winner first: a cancellation (nothing follows it, so it is the
 * latest change even when another kiosk later moved its copy in a waiting list), then the
 * latest update, then the first read. */
static int cmp_id_winner(const void *a, const void *b)
{
    const mrow *x = a, *y = b;
    int c = strcmp(x->cell[C_ID], y->cell[C_ID]);
    if (c)
        return c;
    if (x->cancelled != y->cancelled)
        return x->cancelled ? -1 : 1;
    if (x->updated != y->updated)
        return x->updated > y->updated ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

static int cmp_output(const void *a, const void *b)
{
    const mrow *x = a, *y = b;
    if (x->when != y->when)
        return x->when < y->when ? -1 : 1;
    if (x->created != y->created)
        return x->created < y->created ? -1 : 1;
    return strcmp(x->cell[C_ID], y->cell[C_ID]);
}

/* A kiosk's name is in its own list only: every copy of a row made there gets it (before
 * the copies are reduced to one, which may be another kiosk's). */
static void name_kiosks(merge *m)
{
    struct {
        const char *id, *name;
    } known[SYNC_MERGE_MAX_KIOSKS];
    int n_known = 0;
    for (size_t i = 0; i < m->n && n_known < SYNC_MERGE_MAX_KIOSKS; i++) {
        const mrow *r = &m->rows[i];
        if (!r->cell[C_KIOSK_NAME][0])
            continue;
        int k = 0;
        while (k < n_known && strcmp(known[k].id, r->cell[C_KIOSK]) != 0)
            k++;
        if (k == n_known) {
            known[n_known].id = r->cell[C_KIOSK];
            known[n_known++].name = r->cell[C_KIOSK_NAME];
        }
    }
    for (size_t i = 0; i < m->n; i++) {
        mrow *r = &m->rows[i];
        if (r->cell[C_KIOSK_NAME][0])
            continue;
        for (int k = 0; k < n_known; k++)
            if (strcmp(known[k].id, r->cell[C_KIOSK]) == 0) {
                char *name = strdup(known[k].name);
                if (name) {
                    free(r->cell[C_KIOSK_NAME]);
                    r->cell[C_KIOSK_NAME] = name;
                }
                break;
            }
    }
}

typedef struct kiosk_person {
    int kiosk;          /* index in rep.kiosk, -1 when beyond them */
    char name[192];     /* folded */
} kiosk_person;

static int cmp_person(const void *a, const void *b)
{
    const kiosk_person *x = a, *y = b;
    if (x->kiosk != y->kiosk)
        return x->kiosk < y->kiosk ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int cmp_person_name(const void *a, const void *b)
{
    return strcmp(((const kiosk_person *)a)->name, ((const kiosk_person *)b)->name);
}

static int find_kiosk(sync_merge_report *rep, const mrow *r)
{
    for (int k = 0; k < rep->n_kiosks; k++)
        if (strcmp(rep->kiosk[k].kiosk_id, r->cell[C_KIOSK]) == 0)
            return k;
    if (rep->n_kiosks == SYNC_MERGE_MAX_KIOSKS)
        return -1;
    sync_merge_totals *t = &rep->kiosk[rep->n_kiosks];
    memset(t, 0, sizeof *t);
    snprintf(t->kiosk_id, sizeof t->kiosk_id, "%s", r->cell[C_KIOSK]);
    snprintf(t->kiosk_name, sizeof t->kiosk_name, "%s", r->cell[C_KIOSK_NAME]);
    return rep->n_kiosks++;
}

/* Visits and people per kiosk and for the estate, of the sign-ups not cancelled. */
static void count_totals(merge *m)
{
    sync_merge_report *rep = &m->rep;
    rep->n_kiosks = 0;
    memset(&rep->estate, 0, sizeof rep->estate);
    kiosk_person *people = malloc((m->n ? m->n : 1) * sizeof *people);
    size_t n_people = 0;
    for (size_t i = 0; i < m->n; i++) {
        const mrow *r = &m->rows[i];
        if (r->cancelled)
            continue;
        int k = find_kiosk(rep, r);
        int heads = 1;
        if (!r->cell[C_TASK][0]) {
            heads = atoi(r->cell[C_ADULTS]) + atoi(r->cell[C_CHILDREN]);
            if (heads < 1)
                heads = 1;
        }
        rep->estate.signups++;
        rep->estate.heads += heads;
        if (k >= 0) {
            rep->kiosk[k].signups++;
            rep->kiosk[k].heads += heads;
        }
        if (people && r->cell[C_NAME][0]) {
            people[n_people].kiosk = k;
            utf8_fold_case(r->cell[C_NAME], people[n_people].name, sizeof people[0].name);
            n_people++;
        }
    }
    if (!people)
        return;
    qsort(people, n_people, sizeof *people, cmp_person);
    for (size_t i = 0; i < n_people; i++)
        if (people[i].kiosk >= 0 &&
            (i == 0 || cmp_person(&people[i - 1], &people[i]) != 0))
            rep->kiosk[people[i].kiosk].people++;
    qsort(people, n_people, sizeof *people, cmp_person_name);
    for (size_t i = 0; i < n_people; i++)
        if (i == 0 || strcmp(people[i - 1].name, people[i].name) != 0)
            rep->estate.people++;
    free(people);
}

static void free_row(mrow *r)
{
    for (int k = 0; k < SYNC_SIGNUPS_COLUMNS; k++)
        free(r->cell[k]);
}

vm_status sync_merge(const char *const *inputs, size_t n, const char *out_path,
                     const seal_secret *key, const i18n_catalog *cat,
                     sync_merge_report *report, vm_err *err)
{
    merge m;
    memset(&m, 0, sizeof m);
    m.cat = cat;
    m.key = key;
    vm_status st = VM_OK;
    sync_buf b = SYNC_BUF_INIT;
    char *dcopy = NULL, *bcopy = NULL;
    int ofd = -1;
    for (size_t i = 0; i < n && st == VM_OK; i++)
        st = read_input(&m, inputs[i], err);
    if (st != VM_OK)
        goto out;
    name_kiosks(&m);
    if (m.n)
        qsort(m.rows, m.n, sizeof *m.rows, cmp_id_winner);
    size_t w = 0;
    for (size_t i = 0; i < m.n; i++) {
        if (w && strcmp(m.rows[w - 1].cell[C_ID], m.rows[i].cell[C_ID]) == 0) {
            /* Another kiosk's copy counts the sign-up without the name: the name comes from
             * the copy of the kiosk it was made at. */
            mrow *win = &m.rows[w - 1];
            if (!win->cell[C_NAME][0] && m.rows[i].cell[C_NAME][0]) {
                for (int k = C_NAME; k <= C_COMPANY; k += C_COMPANY - C_NAME) {
                    char *t = win->cell[k];
                    win->cell[k] = m.rows[i].cell[k];
                    m.rows[i].cell[k] = t;
                }
            }
            free_row(&m.rows[i]);
            m.rep.duplicates++;
            continue;
        }
        m.rows[w++] = m.rows[i];
    }
    m.n = w;
    count_totals(&m);
    if (m.n)
        qsort(m.rows, m.n, sizeof *m.rows, cmp_output);
    sync_export_bom(&b);
    sync_buf_adds(&b, SYNC_SIGNUPS_HEADER);
    sync_export_eol(&b);
    for (size_t i = 0; i < m.n; i++)
        for (int k = 0; k < SYNC_SIGNUPS_COLUMNS; k++) {
            sync_csv_put(&b, m.rows[i].cell[k], ';', true);
            if (k + 1 < SYNC_SIGNUPS_COLUMNS)
                sync_buf_add(&b, ";", 1);
            else
                sync_export_eol(&b);
        }
    m.rep.signups = (int)m.n;
    if (!sync_buf_ok(&b)) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    dcopy = strdup(out_path);
    bcopy = strdup(out_path);
    if (!dcopy || !bcopy) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    ofd = open(dirname(dcopy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (ofd < 0) {
        st = sync_err(err, VM_ERR_IO, cat, "the folder of %s cannot be opened", out_path);
        goto out;
    }
    st = sync_fs_write_atomic(ofd, basename(bcopy), b.data, b.len, NULL, cat, err);
out:
    if (ofd >= 0)
        close(ofd);
    free(dcopy);
    free(bcopy);
    for (size_t i = 0; i < m.n; i++)
        free_row(&m.rows[i]);
    free(m.rows);
    sync_buf_free(&b);
    if (report)
        *report = m.rep;
    return st;
}
