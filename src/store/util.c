/* util: errors, cached statements and transactions shared by the files of src/store. */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "store/store_internal.h"

vm_status st_error(sqlite3 *db, int rc, vm_err *err, const char *what)
{
    const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return err_set(err, VM_ERR_IO, "The disk is full while %s. Nothing was changed.", what);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return err_set(err, VM_ERR_IO, "The database file could not be read or written while %s (%s).",
                       what, detail);
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return err_set(err, VM_ERR_IO, "The database is read-only, so %s is not possible.", what);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return err_set(err, VM_ERR_IO,
                       "The database is busy (another program is using it) while %s. Try again.",
                       what);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return err_set(err, VM_ERR_CORRUPT, "The database file is damaged (found while %s).", what);
    case SQLITE_CONSTRAINT:
        return err_set(err, VM_ERR_INVALID, "A value was not accepted while %s (%s).", what, detail);
    case SQLITE_NOMEM:
        return err_set(err, VM_ERR_NOMEM, "Out of memory while %s.", what);
    default:
        return err_set(err, VM_ERR_INTERNAL, "Database error while %s: %s.", what, detail);
    }
}

sqlite3_stmt *st_prepare(store *s, const char *sql, vm_err *err)
{
    for (size_t i = 0; i < s->n_cached; i++) {
        if (s->cache[i].sql == sql || strcmp(s->cache[i].sql, sql) == 0) {
            sqlite3_reset(s->cache[i].stmt);
            sqlite3_clear_bindings(s->cache[i].stmt);
            return s->cache[i].stmt;
        }
    }
    if (s->n_cached == s->cap_cached) {
        size_t cap = s->cap_cached ? s->cap_cached * 2 : 32;
        st_cached *bigger = realloc(s->cache, cap * sizeof *bigger);
        if (!bigger) {
            err_set(err, VM_ERR_NOMEM, "Out of memory while preparing a query.");
            return NULL;
        }
        s->cache = bigger;
        s->cap_cached = cap;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        st_error(s->db, rc, err, "preparing a query");
        sqlite3_finalize(st);
        return NULL;
    }
    s->cache[s->n_cached].sql = sql;
    s->cache[s->n_cached].stmt = st;
    s->n_cached++;
    return st;
}

void st_reset(sqlite3_stmt *st)
{
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
}

void st_cache_clear(store *s)
{
    for (size_t i = 0; i < s->n_cached; i++)
        sqlite3_finalize(s->cache[i].stmt);
    free(s->cache);
    s->cache = NULL;
    s->n_cached = s->cap_cached = 0;
}

int st_bind_text(sqlite3_stmt *st, int i, const char *text)
{
    return sqlite3_bind_text(st, i, text ? text : "", -1, SQLITE_TRANSIENT);
}

int st_bind_i64(sqlite3_stmt *st, int i, int64_t v)
{
    return sqlite3_bind_int64(st, i, (sqlite3_int64)v);
}

vm_status st_one_i64(store *s, const char *sql, int64_t *out, const char *what, vm_err *err)
{
    sqlite3_stmt *st = st_prepare(s, sql, err);
    if (!st)
        return err->status;
    vm_status status = VM_OK;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        status = st_error(s->db, rc, err, what);
    st_reset(st);
    return status;
}

vm_status st_change_i64(store *s, const char *sql, int64_t v, int *changed, const char *what,
                        vm_err *err)
{
    sqlite3_stmt *st = st_prepare(s, sql, err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, v);
    int rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, what);
    if (changed)
        *changed += sqlite3_changes(s->db);
    return VM_OK;
}

void *st_list_room(void *list, size_t count, size_t *cap, size_t size, size_t first)
{
    if (count < *cap)
        return list;
    size_t ncap = *cap ? *cap * 2 : first;
    void *bigger = realloc(list, ncap * size);
    if (bigger)
        *cap = ncap;
    return bigger;
}

static int order_cmp(const void *x, const void *y)
{
    const st_order *a = x, *b = y;
    for (int i = 0; i < 3; i++)
        if (a->k[i] != b->k[i])
            return a->k[i] < b->k[i] ? -1 : 1;
    int c = strcmp(a->text ? a->text : "", b->text ? b->text : "");
    if (c)
        return c;
    return (a->last > b->last) - (a->last < b->last);
}

/* Each element is moved once, along the cycles of the permutation, through one spare
 * element: a sorted copy of the whole list (10,000 sign-ups are ~7 MB) cost a fresh
 * allocation's page faults and every element moved twice, an eighth of a sync's CPU. */
bool st_order_list(void *list, size_t n, size_t size, st_order *keys)
{
    if (n < 2)
        return true;
    unsigned char *spare = malloc(size), *at = list;
    if (!spare)
        return false;
    qsort(keys, n, sizeof *keys, order_cmp);
    const size_t placed = SIZE_MAX; /* keys[i].pos once element i holds its row */
    for (size_t i = 0; i < n; i++) {
        if (keys[i].pos == placed || keys[i].pos == i)
            continue;
        memcpy(spare, at + i * size, size);
        size_t to = i;
        for (;;) {
            size_t from = keys[to].pos;
            keys[to].pos = placed;
            if (from == i) {
                memcpy(at + to * size, spare, size);
                break;
            }
            memcpy(at + to * size, at + from * size, size);
            to = from;
        }
    }
    free(spare);
    return true;
}

vm_status st_read_ordered(store *s, sqlite3_stmt *st, const st_act_ref *refs, size_t n_refs,
                          size_t size, size_t text_at, st_ordered_row_fn row, void **out,
                          size_t *n, vm_err *err)
{
    unsigned char *list = NULL;
    st_order *keys = NULL;
    size_t count = 0, cap = 0, kcap = 0;
    vm_status status = VM_OK;
    int rc;
    *out = NULL;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const st_act_ref *a = st_act_ref_find(refs, n_refs, sqlite3_column_int64(st, 1));
        if (!a)
            continue; /* an activity left out (one that ended), or none: the foreign key */
        unsigned char *room = st_list_room(list, count, &cap, size, 64);
        if (room)
            list = room;
        st_order *kroom = room ? st_list_room(keys, count, &kcap, sizeof *keys, 64) : NULL;
        if (!kroom) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the sign-ups.");
            break;
        }
        keys = kroom;
        unsigned char *elem = list + count * size;
        memset(elem, 0, size);
        memset(&keys[count], 0, sizeof keys[count]);
        row(st, elem, a, &keys[count]);
        keys[count].pos = count;
        count++;
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the sign-ups");
    st_reset(st);
    if (status == VM_OK) {
        for (size_t i = 0; i < count; i++)
            keys[i].text = (const char *)(list + keys[i].pos * size + text_at);
        if (!st_order_list(list, count, size, keys))
            status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the sign-ups.");
    }
    free(keys);
    if (status != VM_OK) {
        free(list);
        return status;
    }
    *out = list;
    *n = count;
    return VM_OK;
}

vm_status st_read_list(store *s, sqlite3_stmt *st, size_t size, size_t first, st_row_fn row,
                       void **out, size_t *n, const char *what, vm_err *err)
{
    unsigned char *list = NULL;
    size_t count = 0, cap = 0;
    vm_status status = VM_OK;
    int rc;
    *out = NULL;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        unsigned char *room = st_list_room(list, count, &cap, size, first);
        if (!room) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory %s.", what);
            break;
        }
        list = room;
        unsigned char *elem = list + count++ * size;
        memset(elem, 0, size);
        row(st, elem);
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, what);
    st_reset(st);
    if (status != VM_OK) {
        free(list);
        return status;
    }
    *out = list;
    *n = count;
    return VM_OK;
}

void st_column_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
    if (size == 0)
        return;
    const char *t = (const char *)sqlite3_column_text(st, col);
    if (!t) {
        out[0] = '\0';
        return;
    }
    /* A text that fits is copied whole (what utf8_prefix_bytes would keep of it, without
     * decoding it: a sync reads ~150,000 of them); only a longer one is cut at a whole
     * character. */
    size_t n = strlen(t);
    if (n > size - 1)
        n = utf8_prefix_bytes(t, (size_t)-1, size - 1);
    memcpy(out, t, n);
    out[n] = '\0';
}

vm_status st_exec(store *s, const char *sql, vm_err *err, const char *what)
{
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        return st_error(s->db, rc, err, what);
    return VM_OK;
}

vm_status st_begin(store *s, vm_err *err)
{
    vm_status st = st_writable(s, err);
    if (st != VM_OK)
        return st;
    return st_exec(s, "BEGIN IMMEDIATE", err, "starting a change");
}

vm_status st_commit(store *s, vm_err *err)
{
    vm_status st = st_exec(s, "COMMIT", err, "saving the change");
    if (st != VM_OK)
        st_rollback(s);
    return st;
}

void st_rollback(store *s)
{
    if (s && s->db && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

vm_status st_writable(const store *s, vm_err *err)
{
    if (s->readonly)
        return err_set(err, VM_ERR_IO,
                       "The database was opened read-only, so it cannot be changed now.");
    return VM_OK;
}

int st_query_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}
