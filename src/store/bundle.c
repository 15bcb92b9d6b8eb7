/* bundle: reading SQLite files from outside as hostile; export and test queries (see
 * bundle.h). Owned by sync. */
#include "store/bundle.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
#include "store/migrate.h"
#include "store/store_internal.h"

/* ---- opening a bundle */

/* Work bound for one bundle: the progress handler runs every 1000 VM steps. */
#define BUNDLE_PROGRESS_STEP 1000
#define BUNDLE_PROGRESS_MAX 200000

/* One reading: the connection, the work done, and why it was refused. */
typedef struct bundle {
    sqlite3 *db;
    long calls;
    store_bundle_problem *why;
} bundle;

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int progress_cb(void *arg)
{
    long *calls = arg;
    return ++*calls > BUNDLE_PROGRESS_MAX;
}

/* Says why (for the staff's words) and sets `err` (English, for the journal). */
static vm_status refuse(bundle *b, vm_status st, store_bundle_problem_kind kind,
                        const char *name, const char *what, long number, vm_err *err,
                        const char *fmt, ...) __attribute__((format(printf, 8, 9)));
static vm_status refuse(bundle *b, vm_status st, store_bundle_problem_kind kind,
                        const char *name, const char *what, long number, vm_err *err,
                        const char *fmt, ...)
{
    if (b->why && b->why->kind == STORE_BUNDLE_OK) {
        b->why->kind = kind;
        snprintf(b->why->name, sizeof b->why->name, "%s", name ? name : "");
        snprintf(b->why->what, sizeof b->why->what, "%s", what ? what : "");
        b->why->number = number;
    }
    va_list ap;
    va_start(ap, fmt);
    err_setv(err, st, fmt, ap);
    va_end(ap);
    return st;
}

static vm_status sql_fail(bundle *b, int rc, vm_err *err, const char *what)
{
    int prim = rc & 0xff;
    const char *msg = b->db ? sqlite3_errmsg(b->db) : sqlite3_errstr(rc);
    if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
        return refuse(b, VM_ERR_CORRUPT, STORE_BUNDLE_DAMAGED, NULL, NULL, 0, err,
                      "the bundle is damaged (%s: %s)", what, msg);
    if (prim == SQLITE_INTERRUPT)
        return refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_TOO_MUCH_WORK, NULL, NULL, 0, err,
                      "the bundle takes too much work to read (%s)", what);
    if (prim == SQLITE_NOMEM)
        return refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_TOO_MUCH_MEMORY, NULL, NULL, 0, err,
                      "the bundle takes too much memory to read (%s)", what);
    if (prim == SQLITE_ERROR)
        return refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_UNKNOWN_TABLE, NULL, NULL, 0, err,
                      "the bundle does not hold the tables of Vær med (%s: %s)", what, msg);
    return refuse(b, VM_ERR_CORRUPT, STORE_BUNDLE_DAMAGED, NULL, NULL, 0, err,
                  "the bundle cannot be read (%s: %s)", what, msg);
}

static vm_status bundle_open(bundle *b, const void *data, size_t len, vm_err *err)
{
    const unsigned char *d = data;
    if (len > STORE_BUNDLE_MAX_BYTES)
        return refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_TOO_BIG, NULL, NULL,
                      (long)(STORE_BUNDLE_MAX_BYTES >> 20), err,
                      "the bundle is too big (at most %u MB)", STORE_BUNDLE_MAX_BYTES >> 20);
    if (len < 512 || memcmp(d, "SQLite format 3", 16) != 0)
        return refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_NOT_SQLITE, NULL, NULL, 0, err,
                      "the bundle is not an SQLite database");
    uint32_t page = (uint32_t)d[16] << 8 | d[17];
    if (page == 1)
        page = 65536;
    if (page < 512 || (page & (page - 1)) || len % page != 0)
        return refuse(b, VM_ERR_CORRUPT, STORE_BUNDLE_DAMAGED, NULL, NULL, 0, err,
                      "the bundle is damaged (its size does not match its page size)");
    if (be32(d + 68) != (uint32_t)STORE_APPLICATION_ID)
        return refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_OTHER_PROGRAM, NULL, NULL, 0, err,
                      "the bundle is another program's database, not a Vær med bundle");
    uint32_t version = be32(d + 60);
    if (version > STORE_SCHEMA_VERSION)
        return refuse(b, VM_ERR_TOO_NEW, STORE_BUNDLE_TOO_NEW, NULL, NULL, (long)version, err,
                      "the bundle was made by a newer Vær med (schema %u; this kiosk knows "
                      "up to %d)",
                      version, STORE_SCHEMA_VERSION);
    if (version < 1)
        return refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_NO_VERSION, NULL, NULL, 0, err,
                      "the bundle has no Vær med schema version");

    unsigned char *copy = sqlite3_malloc64(len);
    if (!copy)
        return refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_TOO_MUCH_MEMORY, NULL, NULL, 0, err,
                      "out of memory reading the bundle");
    memcpy(copy, d, len);
    /* A WAL-mode file (the kiosk's own snapshots may say so) cannot be read from memory;
     * this copy is only read, so it may say "rollback journal" instead. */
    if (copy[18] == 2 && copy[19] == 2)
        copy[18] = copy[19] = 1;

    int rc = sqlite3_open_v2(":memory:", &b->db, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_free(copy);
        return refuse(b, VM_ERR_NOMEM, STORE_BUNDLE_NO_MEMORY, NULL, NULL, 0, err,
                      "cannot open an SQLite connection");
    }
    sqlite3 *db = b->db;
    int off = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &off);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &off);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &off);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &off);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &off);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, 0, &off);
    /* No module's code runs for a table the file declares: FTS5, rtree and the rest are
     * gone from this connection (the schema check below refuses such a table). */
    sqlite3_drop_modules(db, NULL);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1 << 16);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 50);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 4);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 25000);
    sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50);
    sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 16);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, 0);
    sqlite3_progress_handler(db, BUNDLE_PROGRESS_STEP, progress_cb, &b->calls);
    rc = sqlite3_deserialize(db, "main", copy, (sqlite3_int64)len, (sqlite3_int64)len,
                             SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE);
    if (rc != SQLITE_OK)
        return sql_fail(b, rc, err, "opening");
    /* A cell that claims more than its page holds is damage, found before it is read. */
    rc = sqlite3_exec(db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(b, rc, err, "opening");
    return VM_OK;
}

/* Runs a one-value query; the value as int64 (or the text's first row into txt). */
static vm_status one_value(bundle *b, const char *sql, int64_t *num, char *txt, size_t size,
                           vm_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(b->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(b, rc, err, sql);
    rc = sqlite3_step(st);
    vm_status s = VM_OK;
    if (rc == SQLITE_ROW) {
        if (num)
            *num = sqlite3_column_int64(st, 0);
        if (txt) {
            const unsigned char *t = sqlite3_column_text(st, 0);
            snprintf(txt, size, "%s", t ? (const char *)t : "");
        }
    } else if (rc == SQLITE_DONE) {
        if (num)
            *num = 0;
        if (txt && size)
            txt[0] = '\0';
    } else {
        s = sql_fail(b, rc, err, sql);
    }
    sqlite3_finalize(st);
    return s;
}

/* ---- the schema: the kiosk's own and nothing more */

/* The columns of `table` in `db` as "name type|name type|..." with a '!' for a hidden or
 * generated column; "" when there is no such table. */
static int columns_of(sqlite3 *db, const char *table, char *out, size_t size)
{
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    int rc = sqlite3_prepare_v2(db, "SELECT name, type, hidden FROM pragma_table_xinfo(?1)", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    size_t n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n + 1 < size) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        int hidden = sqlite3_column_int(st, 2);
        int w = snprintf(out + n, size - n, "%s%s %s%s", n ? "|" : "", name ? name : "",
                         type ? type : "", hidden ? "!" : "");
        n = w < 0 ? size : n + (size_t)w;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The first column name where two column lists differ. */
static void first_difference(const char *a, const char *b, char *out, size_t size)
{
    while (*a || *b) {
        size_t na = strcspn(a, "|"), nb = strcspn(b, "|");
        if (na != nb || strncmp(a, b, na) != 0) {
            const char *which = na ? a : b;
            size_t n = strcspn(which, " |");
            snprintf(out, size, "%.*s", (int)(n < 100 ? n : 100), which);
            return;
        }
        a += na + (a[na] == '|');
        b += nb + (b[nb] == '|');
    }
    snprintf(out, size, "?");
}

/* The tables a bundle's program is read from. */
static bool is_read_table(const char *name)
{
    return strcmp(name, "activities") == 0 || strcmp(name, "helper_tasks") == 0;
}

static vm_status check_schema(bundle *b, int64_t version, vm_err *err)
{
    vm_status s = VM_OK;
    sqlite3_stmt *st = NULL, *q = NULL;
    sqlite3 *ref = store_schema_reference(store_schema_sql, err);
    char mine[2048], ours[2048];
    if (!ref)
        return refuse(b, VM_ERR_INTERNAL, STORE_BUNDLE_NO_MEMORY, NULL, NULL, 0, err, "%s",
                      err ? err->msg : "no reference schema");
    /* Virtual tables first, from the parsed schema (their module code never runs here). */
    int rc = sqlite3_prepare_v2(b->db, "SELECT name, type FROM pragma_table_list "
                                       "WHERE schema = 'main'", -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        if (type && (strcmp(type, "virtual") == 0 || strcmp(type, "shadow") == 0)) {
            s = refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_VIRTUAL_TABLE, name, NULL, 0, err,
                       "the bundle holds a virtual table \"%s\" (a full-text index or the "
                       "like); a bundle holds only the kiosk's own tables",
                       name ? name : "?");
            goto out;
        }
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_DONE) {
        s = sql_fail(b, rc, err, "the list of tables");
        goto out;
    }
    sqlite3_finalize(st);
    st = NULL;
    /* Every entry is ours, as ours is. */
    rc = sqlite3_prepare_v2(b->db, "SELECT type, name, tbl_name FROM sqlite_schema", -1, &st,
                            NULL);
    if (rc != SQLITE_OK) {
        s = sql_fail(b, rc, err, "the schema");
        goto out;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        const char *tbl = (const char *)sqlite3_column_text(st, 2);
        if (!type || !name) {
            s = refuse(b, VM_ERR_CORRUPT, STORE_BUNDLE_DAMAGED, NULL, NULL, 0, err,
                       "the bundle's schema has an entry without a name");
            goto out;
        }
        if (strcmp(type, "trigger") == 0 || strcmp(type, "view") == 0) {
            s = refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_CODE, name, type, 0, err,
                       "the bundle holds a %s %s; a bundle may hold only tables, so it is "
                       "refused",
                       type, name);
            goto out;
        }
        if (strncmp(name, "sqlite_", 7) == 0)
            continue; /* SQLite's own: sqlite_sequence, sqlite_autoindex_*, sqlite_stat1 */
        sqlite3_finalize(q);
        q = NULL;
        if (sqlite3_prepare_v2(ref, "SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2 "
                                    "AND tbl_name = ?3", -1, &q, NULL) != SQLITE_OK) {
            s = refuse(b, VM_ERR_INTERNAL, STORE_BUNDLE_NO_MEMORY, NULL, NULL, 0, err,
                       "the reference schema cannot be asked");
            goto out;
        }
        sqlite3_bind_text(q, 1, type, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, tbl ? tbl : "", -1, SQLITE_STATIC);
        bool known = sqlite3_step(q) == SQLITE_ROW;
        if (!known && strcmp(type, "index") == 0) {
            s = refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_UNKNOWN_INDEX, name, NULL, 0, err,
                       "the bundle holds an index \"%s\" that the kiosk does not make", name);
            goto out;
        }
        if (!known) {
            s = refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_UNKNOWN_TABLE, name, NULL, 0, err,
                       "the bundle holds a table \"%s\" that is not Vær med's", name);
            goto out;
        }
        if (strcmp(type, "table") != 0)
            continue;
        int c1 = columns_of(b->db, name, mine, sizeof mine);
        int c2 = columns_of(ref, name, ours, sizeof ours);
        if (c1 != SQLITE_OK) {
            s = sql_fail(b, c1, err, name);
            goto out;
        }
        /* The tables read are exactly the kiosk's; the others (facts, sign-ups, keys) are
         * never read, and a file of an earlier build of this schema version may lack a
         * column there, but none may hide a generated column. */
        bool read = is_read_table(name) && version == STORE_SCHEMA_VERSION;
        if (c2 != SQLITE_OK || (read ? strcmp(mine, ours) != 0 : strchr(mine, '!') != NULL)) {
            char col[128];
            first_difference(mine, ours, col, sizeof col);
            s = refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_COLUMNS_DIFFER, name, col, 0, err,
                       "the bundle's table \"%s\" does not have the kiosk's columns (first at "
                       "\"%s\")",
                       name, col);
            goto out;
        }
    }
    if (rc != SQLITE_DONE) {
        s = sql_fail(b, rc, err, "the schema");
        goto out;
    }
    /* ... and what is read is there. */
    sqlite3_finalize(q);
    q = NULL;
    rc = sqlite3_prepare_v2(ref, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &q,
                            NULL);
    while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(q, 0);
        if (!name || !is_read_table(name))
            continue;
        int found = 0;
        sqlite3_stmt *f = NULL;
        if (sqlite3_prepare_v2(b->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                      "AND name = ?1", -1, &f, NULL) == SQLITE_OK) {
            sqlite3_bind_text(f, 1, name, -1, SQLITE_STATIC);
            if (sqlite3_step(f) == SQLITE_ROW)
                found = sqlite3_column_int(f, 0);
        }
        sqlite3_finalize(f);
        if (!found) {
            s = refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_MISSING_TABLE, name, NULL, 0, err,
                       "the bundle does not hold the table \"%s\" of Vær med", name);
            goto out;
        }
    }
out:
    sqlite3_finalize(st);
    sqlite3_finalize(q);
    sqlite3_close(ref);
    return s;
}

static vm_status bundle_check(bundle *b, vm_err *err)
{
    int64_t v = 0, version = 0;
    char text[256];
    vm_status st = one_value(b, "PRAGMA application_id", &v, NULL, 0, err);
    if (st != VM_OK)
        return st;
    if (v != STORE_APPLICATION_ID)
        return refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_OTHER_PROGRAM, NULL, NULL, 0, err,
                      "the bundle is another program's database, not a Vær med bundle");
    if ((st = one_value(b, "PRAGMA user_version", &version, NULL, 0, err)) != VM_OK)
        return st;
    if (version > STORE_SCHEMA_VERSION)
        return refuse(b, VM_ERR_TOO_NEW, STORE_BUNDLE_TOO_NEW, NULL, NULL, (long)version, err,
                      "the bundle has schema version %lld; this kiosk reads 1 to %d",
                      (long long)version, STORE_SCHEMA_VERSION);
    if (version < 1)
        return refuse(b, VM_ERR_FOREIGN, STORE_BUNDLE_NO_VERSION, NULL, NULL, 0, err,
                      "the bundle has no Vær med schema version");
    if ((st = one_value(b, "PRAGMA quick_check(1)", NULL, text, sizeof text, err)) != VM_OK)
        return st;
    if (strcmp(text, "ok") != 0)
        return refuse(b, VM_ERR_CORRUPT, STORE_BUNDLE_DAMAGED, NULL, NULL, 0, err,
                      "the bundle is damaged (%s)", text);
    return check_schema(b, version, err);
}

/* ---- reading rows */

/* Copies a TEXT column (NULL counts as empty) cleaned into out; false when it is another
 * type, holds a NUL or is not UTF-8, or does not fit. */
static bool col_text(sqlite3_stmt *st, int col, char *out, size_t size, bool multiline)
{
    int type = sqlite3_column_type(st, col);
    out[0] = '\0';
    if (type == SQLITE_NULL)
        return true;
    if (type != SQLITE_TEXT)
        return false;
    const char *t = (const char *)sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    if (!t || n < 0 || (size_t)n >= size || memchr(t, '\0', (size_t)n) ||
        !utf8_valid(t, (size_t)n))
        return false;
    if (multiline)
        utf8_clean_text(t, out, size);
    else
        utf8_clean_line(t, out, size);
    return true;
}

static bool col_int(sqlite3_stmt *st, int col, int64_t lo, int64_t hi, int64_t *out)
{
    if (sqlite3_column_type(st, col) != SQLITE_INTEGER)
        return false;
    int64_t v = sqlite3_column_int64(st, col);
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool link_ok(const char *s)
{
    if (!s[0])
        return true;
    if (strncasecmp(s, "https://", 8) != 0 && strncasecmp(s, "http://", 7) != 0)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return false;
    return true;
}

static int cmp_uid(const void *a, const void *b)
{
    return strcmp(((const activity *)a)->uid, ((const activity *)b)->uid);
}

#define YEAR_2200 7258118400LL

static vm_status read_activities(bundle *b, activity **out, size_t *n_out, vm_err *err)
{
    vm_status s = VM_OK;
    sqlite3_stmt *st = NULL;
    activity *acts = NULL;
    int64_t *rowids = NULL;
    size_t n = 0, cap = 0;
    sqlite3 *db = b->db;
    int rc = sqlite3_prepare_v2(
        db,
        "SELECT id, uid, title, description, category, place, host, host_phone, price, "
        "audience, start_utc, end_utc, mode, capacity, deadline_utc, count_household, badges, "
        "signup_url, cancelled FROM activities ORDER BY id",
        -1, &st, NULL);
    if (rc != SQLITE_OK) {
        s = sql_fail(b, rc, err, "activities");
        goto out;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == STORE_BUNDLE_MAX_ACTIVITIES) {
            s = refuse(b, VM_ERR_REFUSED, STORE_BUNDLE_TOO_MANY_ACTIVITIES, NULL, NULL,
                       STORE_BUNDLE_MAX_ACTIVITIES, err, "the bundle holds more than %d activities",
                       STORE_BUNDLE_MAX_ACTIVITIES);
            goto out;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            activity *na = realloc(acts, ncap * sizeof *na);
            int64_t *nr = na ? realloc(rowids, ncap * sizeof *nr) : NULL;
            if (na)
                acts = na;
            if (!na || !nr) {
                s = refuse(b, VM_ERR_NOMEM, STORE_BUNDLE_NO_MEMORY, NULL, NULL, 0, err,
                           "out of memory reading the bundle");
                goto out;
            }
            rowids = nr;
            cap = ncap;
        }
        activity *a = &acts[n];
        memset(a, 0, sizeof *a);
        int64_t v, start, end, cap_v, deadline, household, badges, cancelled;
        char word[64];
        if (!col_int(st, 0, 1, INT64_MAX, &rowids[n]) ||
            !col_text(st, 1, a->uid, sizeof a->uid, false) || !a->uid[0]) {
            s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_BAD_UID, NULL, NULL, 0, err,
                       "the bundle holds an activity without a usable uid");
            goto out;
        }
        if (!col_text(st, 2, a->title, sizeof a->title, false) || !a->title[0] ||
            !col_text(st, 3, a->description, sizeof a->description, true) ||
            !col_text(st, 4, word, sizeof word, false) ||
            !col_text(st, 5, a->place, sizeof a->place, false) ||
            !col_text(st, 6, a->host, sizeof a->host, false) ||
            !col_text(st, 7, a->host_phone, sizeof a->host_phone, false) ||
            !col_text(st, 8, a->price, sizeof a->price, false) ||
            !col_text(st, 9, a->audience, sizeof a->audience, false)) {
            s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_BAD_TEXT, a->uid, NULL, 0, err,
                       "the activity \"%s\" in the bundle has text that is missing, too long "
                       "or not UTF-8",
                       a->uid);
            goto out;
        }
        a->category = category_from_word(word);
        if (!col_int(st, 10, 0, YEAR_2200, &start) || !col_int(st, 11, 0, YEAR_2200, &end) ||
            end < start) {
            s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_BAD_TIMES, a->uid, NULL, 0, err,
                       "the activity \"%s\" in the bundle has times that cannot be right",
                       a->uid);
            goto out;
        }
        a->start = start;
        a->end = end;
        if (!col_text(st, 12, word, sizeof word, false) ||
            !signup_mode_from_word(word, &a->mode) || !col_int(st, 13, 0, 10000, &cap_v) ||
            !col_int(st, 14, 0, YEAR_2200, &deadline) || !col_int(st, 15, 0, 1, &household) ||
            !col_int(st, 16, 0, INT32_MAX, &badges) ||
            !col_text(st, 17, a->signup_url, sizeof a->signup_url, false) ||
            !link_ok(a->signup_url) || !col_int(st, 18, 0, 1, &cancelled)) {
            s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_BAD_SETTINGS, a->uid, NULL, 0, err,
                       "the activity \"%s\" in the bundle has sign-up settings that cannot "
                       "be right",
                       a->uid);
            goto out;
        }
        a->capacity = (int)cap_v;
        a->deadline = deadline;
        a->count_household = household != 0;
        a->badges = (unsigned)badges & BADGE_ALL;
        a->cancelled = cancelled != 0;
        (void)v;
        n++;
    }
    if (rc != SQLITE_DONE) {
        s = sql_fail(b, rc, err, "activities");
        goto out;
    }
    sqlite3_finalize(st);
    st = NULL;

    rc = sqlite3_prepare_v2(db,
                            "SELECT activity_id, title, minutes, slots FROM helper_tasks "
                            "WHERE retired = 0 ORDER BY activity_id, position, id",
                            -1, &st, NULL);
    if (rc != SQLITE_OK) {
        s = sql_fail(b, rc, err, "helper tasks");
        goto out;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t aid, minutes, slots;
        if (!col_int(st, 0, 1, INT64_MAX, &aid))
            continue;
        /* rowids are ascending (ORDER BY id): find the activity by binary search. */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (rowids[mid] < aid)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == n || rowids[lo] != aid)
            continue; /* a task of no activity: nothing to show it on */
        activity *a = &acts[lo];
        if (a->n_tasks == ACT_TASKS_MAX) {
            s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_TOO_MANY_TASKS, a->uid, NULL,
                       ACT_TASKS_MAX, err,
                       "the activity \"%s\" in the bundle has more than %d helper tasks",
                       a->uid, ACT_TASKS_MAX);
            goto out;
        }
        helper_task *t = &a->tasks[a->n_tasks];
        memset(t, 0, sizeof *t);
        if (!col_text(st, 1, t->title, sizeof t->title, false) || !t->title[0] ||
            !col_int(st, 2, 0, 24 * 60, &minutes) || !col_int(st, 3, 0, 100, &slots)) {
            s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_BAD_TASK, a->uid, NULL, 0, err,
                       "a helper task of \"%s\" in the bundle cannot be right", a->uid);
            goto out;
        }
        for (int i = 0; i < a->n_tasks; i++)
            if (strcmp(a->tasks[i].title, t->title) == 0) {
                s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_TASK_TWICE, a->uid, t->title, 0,
                           err,
                           "the activity \"%s\" in the bundle names the helper task \"%s\" "
                           "twice",
                           a->uid, t->title);
                goto out;
            }
        t->minutes = (int)minutes;
        t->slots = (int)slots;
        a->n_tasks++;
    }
    if (rc != SQLITE_DONE) {
        s = sql_fail(b, rc, err, "helper tasks");
        goto out;
    }
    if (n > 1) {
        qsort(acts, n, sizeof *acts, cmp_uid);
        for (size_t i = 1; i < n; i++)
            if (strcmp(acts[i].uid, acts[i - 1].uid) == 0) {
                s = refuse(b, VM_ERR_INVALID, STORE_BUNDLE_UID_TWICE, acts[i].uid, NULL, 0,
                           err, "the bundle names the activity \"%s\" twice", acts[i].uid);
                goto out;
            }
    }
    *out = acts;
    *n_out = n;
    acts = NULL;
out:
    sqlite3_finalize(st);
    free(acts);
    free(rowids);
    return s;
}

vm_status store_bundle_read(const void *data, size_t len, activity **out, size_t *n,
                            store_bundle_problem *why, vm_err *err)
{
    bundle b = {NULL, 0, why};
    *out = NULL;
    *n = 0;
    if (why)
        memset(why, 0, sizeof *why);
    /* SQLite's heap limit is the process's: raised to what the kiosk uses now plus room for
     * the bundle, then put back, so a hostile file fails with "too much memory" instead of
     * growing the kiosk past what a Pi has. */
    sqlite3_int64 before = sqlite3_hard_heap_limit64(-1);
    sqlite3_int64 limit = sqlite3_memory_used() + STORE_BUNDLE_HEAP_MAX;
    if (before <= 0 || before > limit)
        sqlite3_hard_heap_limit64(limit);
    vm_status st = bundle_open(&b, data, len, err);
    if (st == VM_OK)
        st = bundle_check(&b, err);
    if (st == VM_OK)
        st = read_activities(&b, out, n, err);
    sqlite3_close(b.db);
    sqlite3_hard_heap_limit64(before);
    return st;
}

/* ---- dump */

static void dump_value(sqlite3_stmt *st, int i, FILE *f)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER:
        fprintf(f, "i:%lld", (long long)sqlite3_column_int64(st, i));
        break;
    case SQLITE_FLOAT:
        fprintf(f, "r:%.17g", sqlite3_column_double(st, i));
        break;
    case SQLITE_TEXT: {
        const unsigned char *t = sqlite3_column_text(st, i);
        int n = sqlite3_column_bytes(st, i);
        fputs("t:'", f);
        for (int k = 0; k < n; k++) {
            if (t[k] == '\'' || t[k] == '\\' || t[k] < 0x20)
                fprintf(f, "\\x%02x", t[k]);
            else
                fputc(t[k], f);
        }
        fputc('\'', f);
        break;
    }
    case SQLITE_BLOB: {
        const unsigned char *b = sqlite3_column_blob(st, i);
        int n = sqlite3_column_bytes(st, i);
        fputs("b:", f);
        for (int k = 0; k < n; k++)
            fprintf(f, "%02x", b[k]);
        break;
    }
    default:
        fputs("n", f);
    }
}

vm_status store_dump(const char *path, char **out, vm_err *err)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *tables = NULL, *rows = NULL;
    char *buf = NULL;
    size_t size = 0;
    vm_status status = VM_OK;
    *out = NULL;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return err_set(err, VM_ERR_NOMEM, "out of memory");
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        status = err_set(err, VM_ERR_IO, "cannot open %s: %s", path, sqlite3_errmsg(db));
        goto out;
    }
    int64_t v;
    bundle b = {db, 0, NULL};
    if ((status = one_value(&b, "PRAGMA application_id", &v, NULL, 0, err)) != VM_OK)
        goto out;
    fprintf(f, "application_id %lld\n", (long long)v);
    if ((status = one_value(&b, "PRAGMA user_version", &v, NULL, 0, err)) != VM_OK)
        goto out;
    fprintf(f, "user_version %lld\n", (long long)v);
    rc = sqlite3_prepare_v2(db,
                            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                            "ORDER BY type, name",
                            -1, &tables, NULL);
    if (rc != SQLITE_OK) {
        status = sql_fail(&b, rc, err, "schema");
        goto out;
    }
    while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(tables, 0);
        const char *name = (const char *)sqlite3_column_text(tables, 1);
        /* One line per schema entry, so a dump can be read (and filtered) line by line. */
        fprintf(f, "%s %s: ", type, name);
        for (const unsigned char *q = sqlite3_column_text(tables, 3); q && *q; q++)
            if (*q == '\n')
                fputs("\\n", f);
            else
                fputc(*q, f);
        fputc('\n', f);
        if (strcmp(type, "table") != 0 || strncmp(name, "sqlite_", 7) == 0)
            continue;
        char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY rowid", name);
        if (!sql) {
            status = err_set(err, VM_ERR_NOMEM, "out of memory");
            goto out;
        }
        rc = sqlite3_prepare_v2(db, sql, -1, &rows, NULL);
        sqlite3_free(sql);
        if (rc != SQLITE_OK) {
            status = sql_fail(&b, rc, err, name);
            goto out;
        }
        while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
            fputs("  (", f);
            for (int i = 0; i < sqlite3_column_count(rows); i++) {
                if (i)
                    fputs(", ", f);
                dump_value(rows, i, f);
            }
            fputs(")\n", f);
        }
        sqlite3_finalize(rows);
        rows = NULL;
        if (rc != SQLITE_DONE) {
            status = sql_fail(&b, rc, err, name);
            goto out;
        }
    }
    if (rc != SQLITE_DONE)
        status = sql_fail(&b, rc, err, "schema");
out:
    sqlite3_finalize(rows);
    sqlite3_finalize(tables);
    sqlite3_close(db);
    if (fclose(f) != 0 && status == VM_OK)
        status = err_set(err, VM_ERR_NOMEM, "out of memory");
    if (status == VM_OK)
        *out = buf;
    else
        free(buf);
    return status;
}
