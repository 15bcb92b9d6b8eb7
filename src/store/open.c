/* open: finding out whether a file is ours before touching it, then opening and migrating.
 *
 * The order matters. Everything that decides whether a file may be opened is read through
 * a read-only connection (immutable where no other connection can be writing, so SQLite
 * does not even create its -shm file), and only a file that passed every check is opened
 * read-write, switched to WAL and migrated. A foreign, too new or damaged file is thus left
 * byte-identical.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/migrate.h"
#include "store/store_internal.h"

#define BUSY_TIMEOUT_MS 5000

static const char SQLITE_MAGIC[16] = "SQLite format 3";

typedef struct file_facts {
    bool empty;         /* nothing in it yet: version 0 */
    int version;        /* user_version when not empty */
    bool check_pending; /* quick_check left for store_check */
    bool salvage;       /* in: STORE_SALVAGE, so a failed quick_check does not refuse the file */
} file_facts;

/* ---- small file helpers */

static bool file_exists(const char *path, const char *suffix)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s%s", path, suffix) >= (int)sizeof buf)
        return false;
    struct stat sb;
    return stat(buf, &sb) == 0;
}

static void remove_with_suffix(const char *path, const char *suffix)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s%s", path, suffix) < (int)sizeof buf)
        unlink(buf);
}

/* The folder holding `path` ("." when it has no slash), into `out`. */
static void parent_dir(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, size, ".");
    else if (slash == path)
        snprintf(out, size, "/");
    else
        snprintf(out, size, "%.*s", (int)(slash - path), path);
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* "file:" URI for `path` with every byte outside the unreserved set %-escaped. */
static char *file_uri(const char *path, const char *query)
{
    size_t n = strlen(path);
    char *uri = malloc(n * 3 + strlen(query) + 16);
    if (!uri)
        return NULL;
    char *o = uri + sprintf(uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/._-~", *p))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    sprintf(o, "?%s", query);
    return uri;
}

/* ---- the read-only look before anything is written */


static vm_status look_failed(const char *path, sqlite3 *db, int rc, vm_err *err)
{
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return err_set(err, VM_ERR_CORRUPT,
                       "%s is damaged: it cannot be read as a database (%s). It was left "
                       "untouched; use a backup copy or start a new file.",
                       path, sqlite3_errmsg(db));
    case SQLITE_NOMEM:
        return err_set(err, VM_ERR_NOMEM, "Out of memory while opening %s.", path);
    default:
        return err_set(err, VM_ERR_IO, "%s cannot be read (%s).", path, sqlite3_errmsg(db));
    }
}

/* Opens a connection with the store's safety settings. `uri_query` is "mode=ro",
 * "mode=ro&immutable=1" or "mode=rw". */
static int connect(const char *path, const char *uri_query, sqlite3 **out)
{
    *out = NULL;
    char *uri = file_uri(path, uri_query);
    if (!uri)
        return SQLITE_NOMEM;
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                (strstr(uri_query, "mode=rw") ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
    int rc = sqlite3_open_v2(uri, out, flags, NULL);
    free(uri);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_extended_result_codes(*out, 1);
    sqlite3_busy_timeout(*out, BUSY_TIMEOUT_MS);
    sqlite3_db_config(*out, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(*out, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_db_config(*out, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
    return sqlite3_exec(*out, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
}

static vm_status check_tables(const char *path, sqlite3 *db, int version, vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3 *ref = store_schema_reference(store_schema_sql, err);
    sqlite3_stmt *st = NULL;
    if (!ref)
        return err->status;
    size_t n_steps;
    const store_migration *steps = store_migrations(&n_steps);
    int rc = sqlite3_prepare_v2(db,
                                "SELECT type, name FROM sqlite_master "
                                "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                                -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        if (!type || !name)
            continue;
        if (strcmp(type, "trigger") == 0 || strcmp(type, "view") == 0) {
            status = err_set(err, VM_ERR_FOREIGN,
                             "%s holds a %s (\"%s\"), which Vær med never makes: it is not a "
                             "Vær med database. It was left untouched.",
                             path, type, name);
            goto out;
        }
        if (strcmp(type, "table") == 0 && !store_table_is_ours(ref, name, steps, n_steps)) {
            status = err_set(err, VM_ERR_FOREIGN,
                             "%s holds a table \"%s\" that is not Vær med's: it belongs to "
                             "another program. It was left untouched.",
                             path, name);
            goto out;
        }
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_DONE) {
        status = look_failed(path, db, rc, err);
        goto out;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (version == STORE_SCHEMA_VERSION) {
        /* A current file must have every table of the current schema. */
        rc = sqlite3_prepare_v2(ref, "SELECT name FROM sqlite_master WHERE type = 'table'", -1,
                                &st, NULL);
        while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(st, 0);
            char sql[256];
            int found = 0;
            snprintf(sql, sizeof sql,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                     name);
            int qrc = st_query_int(db, sql, &found);
            if (qrc != SQLITE_OK) {
                status = look_failed(path, db, qrc, err);
                goto out;
            }
            if (!found) {
                status = err_set(err, VM_ERR_CORRUPT,
                                 "%s is a Vær med database, but its table \"%s\" is missing. "
                                 "It was left untouched; use a backup copy or start a new "
                                 "file.",
                                 path, name);
                goto out;
            }
        }
    }
out:
    sqlite3_finalize(st);
    sqlite3_close(ref);
    return status;
}

static vm_status quick_check(const char *path, sqlite3 *db, vm_err *err)
{
    sqlite3_stmt *st = NULL;
    vm_status status = VM_OK;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        const char *noise = "*** in database main ***\n";
        if (r && strncmp(r, noise, strlen(noise)) == 0)
            r += strlen(noise);
        if (!r || strcmp(r, "ok") != 0)
            status = err_set(err, VM_ERR_CORRUPT,
                             "%s is a Vær med database, but it is damaged (%s). It was left "
                             "untouched; use a backup copy or start a new file.",
                             path, r ? r : "no answer");
    } else {
        status = look_failed(path, db, rc, err);
    }
    sqlite3_finalize(st);
    return status;
}

/* Decides, reading only, whether `path` (which exists) may be opened. */
static vm_status look_at_file(const char *path, file_facts *ff, bool check_later, bool may_write,
                              vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3 *db = NULL;
    unsigned char hdr[100];
    size_t got = 0;
    struct stat sb;

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == EISDIR)
            return err_set(err, VM_ERR_IO, "%s is a folder, not a database file.", path);
        return err_set(err, VM_ERR_IO, "%s cannot be read: %s.", path, strerror(errno));
    }
    if (fstat(fd, &sb) != 0) {
        status = err_set(err, VM_ERR_IO, "%s cannot be read: %s.", path, strerror(errno));
        close(fd);
        return status;
    }
    if (S_ISDIR(sb.st_mode)) {
        close(fd);
        return err_set(err, VM_ERR_IO, "%s is a folder, not a database file.", path);
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        return err_set(err, VM_ERR_FOREIGN, "%s is not a file Vær med can use as its database.",
                       path);
    }
    while (got < sizeof hdr) {
        ssize_t r = read(fd, hdr + got, sizeof hdr - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            status = err_set(err, VM_ERR_IO, "%s cannot be read: %s.", path, strerror(errno));
            close(fd);
            return status;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);

    bool has_wal = file_exists(path, "-wal");
    bool has_journal = file_exists(path, "-journal");
    ff->empty = false;
    ff->version = 0;
    if (got == 0 && !has_wal && !has_journal) {
        ff->empty = true; /* SQLite takes an empty file as an empty database */
        return VM_OK;
    }
    if ((got > 0 && got < 100) || (got >= 16 && memcmp(hdr, SQLITE_MAGIC, 16) != 0))
        return err_set(err, VM_ERR_FOREIGN,
                       "%s is not a Vær med database (it is not a database file at all). It "
                       "was left untouched.",
                       path);
    if (got == 100) {
        uint32_t app = be32(hdr + 68);
        if (app != 0 && app != STORE_APPLICATION_ID)
            return err_set(err, VM_ERR_FOREIGN,
                           "%s belongs to another program (it is a database, but not Vær "
                           "med's). It was left untouched.",
                           path);
    }

    /* A -journal left by a power cut in the middle of a transaction (the very first start
     * makes the schema before the file is in WAL mode) is "hot": SQLite must roll it back
     * before anyone may read, and a read-only connection cannot. The file is ours (or still
     * nobody's) by its header, so let SQLite do what it would do on any open for writing:
     * restore the file to before the cut. */
    if (has_journal && may_write) {
        int qv = 0;
        if (connect(path, "mode=rw", &db) == SQLITE_OK)
            st_query_int(db, "PRAGMA user_version", &qv);
        sqlite3_close(db);
        db = NULL;
        has_journal = file_exists(path, "-journal");
    }
    /* Without a -wal or -journal beside it nobody can be writing the file, and it is read as
     * immutable: no locks, no -shm file, nothing created beside it. */
    int rc = connect(path, (has_wal || has_journal) ? "mode=ro" : "mode=ro&immutable=1", &db);
    if (rc != SQLITE_OK) {
        status = look_failed(path, db, rc, err);
        goto out;
    }
    int app = 0, version = 0, objects = 0;
    if ((rc = st_query_int(db, "PRAGMA application_id", &app)) != SQLITE_OK ||
        (rc = st_query_int(db, "PRAGMA user_version", &version)) != SQLITE_OK) {
        status = look_failed(path, db, rc, err);
        goto out;
    }
    if ((uint32_t)app != STORE_APPLICATION_ID) {
        rc = st_query_int(db, "SELECT count(*) FROM sqlite_master", &objects);
        if (rc == SQLITE_OK && app == 0 && version == 0 && objects == 0) {
            ff->empty = true; /* an SQLite file with nothing in it yet */
            goto out;
        }
        status = err_set(err, VM_ERR_FOREIGN,
                         "%s belongs to another program (it is a database, but not Vær "
                         "med's). It was left untouched.",
                         path);
        goto out;
    }
    if (version > STORE_SCHEMA_VERSION) {
        status = err_set(err, VM_ERR_TOO_NEW,
                         "%s was written by a newer Vær med (database version %d; this one "
                         "knows up to %d). Update Vær med to use it. It was left untouched.",
                         path, version, STORE_SCHEMA_VERSION);
        goto out;
    }
    if (version < 1) {
        status = err_set(err, VM_ERR_CORRUPT,
                         "%s is marked as Vær med's but has no valid version (%d): it is "
                         "damaged. It was left untouched.",
                         path, version);
        goto out;
    }
    status = check_tables(path, db, version, err);
    /* A file about to be migrated is checked before anything is written to it. */
    if (status == VM_OK && check_later && version == STORE_SCHEMA_VERSION) {
        ff->check_pending = true;
    } else if (status == VM_OK) {
        vm_err damage = {0};
        status = quick_check(path, db, &damage);
        /* Salvaging: a damaged file still gives what can be read. */
        if (status == VM_ERR_CORRUPT && ff->salvage)
            status = VM_OK;
        else if (status != VM_OK)
            err_set(err, status, "%s", damage.msg);
    }
    ff->version = version;
out:
    sqlite3_close(db);
    return status;
}

/* ---- the folder, before creating or writing */

static vm_status check_folder(const char *path, bool need_write, vm_err *err)
{
    char dir[4096];
    struct stat sb;
    parent_dir(path, dir, sizeof dir);
    if (stat(dir, &sb) != 0) {
        if (errno == ENOENT)
            return err_set(err, VM_ERR_IO, "The folder %s does not exist, so the database %s "
                                           "cannot be made there.",
                           dir, path);
        return err_set(err, VM_ERR_IO, "The folder %s cannot be used: %s.", dir,
                       strerror(errno));
    }
    if (!S_ISDIR(sb.st_mode))
        return err_set(err, VM_ERR_IO, "%s is not a folder, so the database %s cannot be there.",
                       dir, path);
    if (need_write && access(dir, W_OK | X_OK) != 0)
        return err_set(err, VM_ERR_IO,
                       "Vær med may not write in the folder %s (%s), so it cannot keep its "
                       "database %s there.",
                       dir, strerror(errno), path);
    return VM_OK;
}

/* ---- opening for real */

static vm_status setup_rw(store *s, vm_err *err)
{
    sqlite3_stmt *st = NULL;
    vm_status status = VM_OK;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        status = st_error(s->db, rc, err, "opening the database");
        goto out;
    }
    const char *mode = (const char *)sqlite3_column_text(st, 0);
    if (!mode || strcmp(mode, "wal") != 0) {
        status = err_set(err, VM_ERR_IO,
                         "The database %s cannot use its safe write mode (WAL) in this folder.",
                         s->path);
        goto out;
    }
    status = st_exec(s, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", err,
                     "opening the database");
out:
    sqlite3_finalize(st);
    return status;
}

static vm_status setup_ro(store *s, vm_err *err)
{
    return st_exec(s, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;", err,
                   "opening the database");
}

vm_status store_open(const char *path, unsigned flags, store **out, vm_err *err)
{
    vm_status status = VM_OK;
    store *s = NULL;
    bool created = false;
    file_facts ff = {0};
    struct stat sb;

    ST_ERR_LOCAL(err);
    if (out)
        *out = NULL;
    if (!path || !*path || !out)
        return err_set(err, VM_ERR_INVALID, "No database file was given.");
    bool readonly = (flags & STORE_READONLY) != 0;
    if ((flags & STORE_SALVAGE) && !readonly)
        return err_set(err, VM_ERR_INVALID, "A damaged database is only read, never written.");
    ff.salvage = (flags & STORE_SALVAGE) != 0;

    if (stat(path, &sb) != 0) {
        if (errno == ENOTDIR)
            return err_set(err, VM_ERR_IO, "A part of the path %s is not a folder.", path);
        if (errno != ENOENT)
            return err_set(err, VM_ERR_IO, "%s cannot be used: %s.", path, strerror(errno));
        if (!(flags & STORE_CREATE) || readonly) {
            if ((status = check_folder(path, false, err)) != VM_OK)
                return status;
            return err_set(err, VM_ERR_NOT_FOUND, "There is no database at %s.", path);
        }
        if ((status = check_folder(path, true, err)) != VM_OK)
            return status;
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0)
            return err_set(err, VM_ERR_IO, "The database %s cannot be made: %s.", path,
                           strerror(errno));
        close(fd);
        created = true;
        ff.empty = true;
    } else if ((status = look_at_file(path, &ff, (flags & STORE_CHECK_LATER) != 0, !readonly,
                                      err)) != VM_OK) {
        return status;
    }

    if (readonly && (ff.empty || ff.version < STORE_SCHEMA_VERSION))
        return err_set(err, VM_ERR_REFUSED,
                       "%s needs to be set up or updated first: start Vær med once with it "
                       "(not read-only).",
                       path);
    if (!readonly && !created) {
        if ((status = check_folder(path, true, err)) != VM_OK)
            return status;
        if (access(path, W_OK) != 0)
            return err_set(err, VM_ERR_IO,
                           "Vær med may not write to %s (%s). It can only be opened read-only.",
                           path, strerror(errno));
    }

    s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        status = err_set(err, VM_ERR_NOMEM, "Out of memory while opening %s.", path);
        goto out;
    }
    s->readonly = readonly;
    s->check_pending = ff.check_pending;
    int rc = connect(path, readonly ? "mode=ro" : "mode=rw", &s->db);
    int probe = 0;
    if (readonly && !file_exists(path, "-wal") &&
        (rc != SQLITE_OK || st_query_int(s->db, "SELECT count(*) FROM sqlite_master", &probe) !=
                                SQLITE_OK)) {
        /* A read-only file in a folder where SQLite cannot make the -wal and -shm files of a
         * WAL database. Without a -wal nobody is writing it, so read it as immutable. */
        sqlite3_close(s->db);
        rc = connect(path, "mode=ro&immutable=1", &s->db);
    }
    if (rc != SQLITE_OK) {
        status = st_error(s->db, rc, err, "opening the database");
        goto out;
    }
    if (readonly) {
        if ((status = setup_ro(s, err)) != VM_OK)
            goto out;
    } else {
        if ((status = setup_rw(s, err)) != VM_OK)
            goto out;
        size_t n_steps;
        const store_migration *steps = store_migrations(&n_steps);
        status = store_migrate_run(s->db, store_schema_sql, steps, n_steps,
                                   STORE_SCHEMA_VERSION, err);
        if (status != VM_OK)
            goto out;
    }
    *out = s;
    return VM_OK;
out:
    store_close(s);
    if (created) {
        /* Only what this call made is removed: the file did not exist before. */
        unlink(path);
        remove_with_suffix(path, "-wal");
        remove_with_suffix(path, "-shm");
    }
    return status;
}

vm_status store_limit_cache(store *s, int kib, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || kib <= 0)
        return err_set(err, VM_ERR_INVALID, "No database or no cache size.");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
    return st_exec(s, sql, err, "setting the page cache");
}

vm_status store_data_version(store *s, int64_t *out, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out)
        return err_set(err, VM_ERR_INVALID, "No database to look at.");
    return st_one_i64(s, "PRAGMA data_version", out, "asking whether the database changed",
                      err);
}

vm_status store_check(store *s, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s)
        return err_set(err, VM_ERR_INVALID, "No database to check.");
    if (!s->check_pending)
        return VM_OK;
    /* On a read-only connection, as store_open checks: SQLite's quick_check costs several
     * times as much on a connection that may write. */
    sqlite3 *ro = NULL;
    int rc = connect(s->path, "mode=ro", &ro);
    /* It reads every page once: a cache would only hold memory. */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(ro, "PRAGMA cache_size = -64", NULL, NULL, NULL);
    vm_status status = rc == SQLITE_OK ? quick_check(s->path, ro, err)
                                       : look_failed(s->path, ro, rc, err);
    sqlite3_close(ro);
    if (status == VM_OK)
        s->check_pending = false;
    return status;
}

vm_status store_open_empty(store **out, vm_err *err)
{
    vm_status status = VM_OK;
    ST_ERR_LOCAL(err);
    store *s = calloc(1, sizeof *s);
    *out = NULL;
    if (!s || !(s->path = strdup(":memory:"))) {
        status = err_set(err, VM_ERR_NOMEM, "Out of memory.");
        goto out;
    }
    /* Private memory, nothing on disk: the schema goes in, then it is read-only. */
    int rc = sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                             NULL);
    if (rc != SQLITE_OK) {
        status = st_error(s->db, rc, err, "making an empty program");
        goto out;
    }
    sqlite3_extended_result_codes(s->db, 1);
    size_t n_steps;
    const store_migration *steps = store_migrations(&n_steps);
    status = store_migrate_run(s->db, store_schema_sql, steps, n_steps, STORE_SCHEMA_VERSION,
                               err);
    if (status == VM_OK)
        status = setup_ro(s, err);
    if (status != VM_OK)
        goto out;
    s->readonly = true;
    *out = s;
    return VM_OK;
out:
    store_close(s);
    return status;
}

void store_close(store *s)
{
    if (!s)
        return;
    st_cache_clear(s);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

const char *store_path(const store *s)
{
    return s ? s->path : NULL;
}

/* ---- facts */

vm_status st_fact_get(store *s, const char *key, char *out, size_t size, vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3_stmt *st = st_prepare(s, "SELECT value FROM facts WHERE key = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, key);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        size_t n = v ? strlen(v) : 0;
        if (n >= size)
            status = err_set(err, VM_ERR_INVALID, "The stored value of \"%s\" is too long.",
                             key);
        else if (size > 0) {
            memcpy(out, v ? v : "", n);
            out[n] = '\0';
        }
    } else if (rc == SQLITE_DONE) {
        status = err_set(err, VM_ERR_NOT_FOUND, "\"%s\" is not set.", key);
    } else {
        status = st_error(s->db, rc, err, "reading a setting");
    }
    st_reset(st);
    return status;
}

vm_status store_fact_get(store *s, const char *key, char *out, size_t size, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !key || !out)
        return err_set(err, VM_ERR_INVALID, "No setting was named.");
    return st_fact_get(s, key, out, size, err);
}

vm_status store_fact_set(store *s, const char *key, const char *value, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !key || !*key || !value)
        return err_set(err, VM_ERR_INVALID, "No setting was named.");
    if (strlen(key) > 64 || strlen(value) > 4096)
        return err_set(err, VM_ERR_INVALID, "The setting \"%.64s\" is too long to keep.", key);
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s,
                                  "INSERT INTO facts (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, key);
    st_bind_text(st, 2, value);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "saving a setting");
    st_reset(st);
    return status;
}

vm_status store_fact_unset(store *s, const char *key, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !key || !*key)
        return err_set(err, VM_ERR_INVALID, "No setting was named.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s, "DELETE FROM facts WHERE key = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, key);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "forgetting a setting");
    st_reset(st);
    return status;
}
