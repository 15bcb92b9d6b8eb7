/* maintenance: forgetting personal data on time, copies for the staff, health checks. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_internal.h"

vm_status store_purge_personal(store *s, int64_t before, int *erased, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (erased)
        *erased = 0;
    if (!s)
        return err_set(err, VM_ERR_INVALID, "No database.");
    vm_status status = st_begin(s, err);
    if (status != VM_OK)
        return status;
    int n = 0;
    if ((status = st_change_i64(s,
                                "UPDATE signups SET name = '', code_hash = '', purged = 1 "
                                "WHERE purged = 0 AND activity_id IN "
                                "(SELECT id FROM activities WHERE end_utc < ?1)",
                                before, &n, "erasing old names", err)) != VM_OK ||
        (status = st_change_i64(s,
                                "DELETE FROM peer_codes WHERE signup_id IN (SELECT s.id FROM "
                                "signups s JOIN activities a ON a.id = s.activity_id "
                                "WHERE a.end_utc < ?1)",
                                before, NULL, "erasing old names", err)) != VM_OK ||
        (status = st_change_i64(s, "DELETE FROM interests WHERE created_utc < ?1", before, &n,
                                "erasing old wishes to hear when something is on", err)) != VM_OK ||
        /* a wish is free text: it may hold a name or a number, so it goes the same way */
        (status = st_change_i64(s, "DELETE FROM wishes WHERE created_utc < ?1", before, &n,
                                "erasing old wishes", err)) != VM_OK)
        goto fail;
    if ((status = st_commit(s, err)) != VM_OK)
        return status;
    if (erased)
        *erased = n;
    return VM_OK;
fail:
    st_rollback(s);
    return status;
}

vm_status store_upgrade_code_hashes(store *s, const code_key *key, int *upgraded, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (upgraded)
        *upgraded = 0;
    if (!s || !key)
        return err_set(err, VM_ERR_INVALID, "No database or no key.");
    int n = 0;
    /* Most starts find nothing to do: look before taking the write lock. */
    if (st_query_int(s->db, "SELECT count(*) FROM signups WHERE code_hash LIKE 'p1$%'", &n) !=
        SQLITE_OK)
        return st_error(s->db, sqlite3_errcode(s->db), err, "reading the cancel codes");
    if (n == 0)
        return VM_OK;
    vm_status status = st_begin(s, err);
    if (status != VM_OK)
        return status;
    int done = 0;
    sqlite3_stmt *sel = st_prepare(s, "SELECT seq, code_hash FROM signups "
                                      "WHERE code_hash LIKE 'p1$%'", err);
    sqlite3_stmt *upd = sel ? st_prepare(s, "UPDATE signups SET code_hash = ?2 WHERE seq = ?1",
                                         err)
                            : NULL;
    if (!sel || !upd) {
        status = err->status;
        goto fail;
    }
    int rc;
    while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
        char old[SIGNUP_CODE_HASH_MAX], fresh[SIGNUP_CODE_HASH_MAX];
        st_column_text(sel, 1, old, sizeof old);
        /* A malformed old hash matches no code either way: it becomes no code at all
         * rather than stay readable without the key. */
        if (!code_upgrade(old, key, fresh))
            fresh[0] = '\0';
        sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
        st_bind_text(upd, 2, fresh);
        int urc = sqlite3_step(upd);
        st_reset(upd);
        if (urc != SQLITE_DONE) {
            st_reset(sel);
            status = st_error(s->db, urc, err, "keying the cancel codes");
            goto fail;
        }
        done++;
    }
    st_reset(sel);
    if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "reading the cancel codes");
        goto fail;
    }
    if ((status = st_commit(s, err)) != VM_OK)
        return status;
    if (upgraded)
        *upgraded = done;
    return VM_OK;
fail:
    st_rollback(s);
    return status;
}

static vm_status fsync_path(const char *path, bool dir, vm_err *err)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return err_set(err, VM_ERR_IO, "%s cannot be opened to be saved: %s.", path,
                       strerror(errno));
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    if (rc != 0)
        return err_set(err, VM_ERR_IO, "%s could not be saved to the disk: %s.", path,
                       strerror(e));
    return VM_OK;
}

/* A copy is handed around on sticks and opened by other programs, so it leaves WAL mode:
 * one self-contained file, readable without a -wal or -shm beside it. */
static vm_status make_standalone(const char *tmp, vm_err *err)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    vm_status status = VM_OK;
    if (rc != SQLITE_OK)
        status = err_set(err, VM_ERR_IO, "The copy %s could not be finished: %s.", tmp,
                         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return status;
}

vm_status store_snapshot(store *s, const char *path, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !path || !*path)
        return err_set(err, VM_ERR_INVALID, "No file was named for the copy.");
    struct stat sb;
    if (stat(path, &sb) == 0 || errno != ENOENT)
        return err_set(err, VM_ERR_IO, "%s already exists; the copy is not written over it.",
                       path);
    vm_status status = VM_OK;
    size_t len = strlen(path);
    char *tmp = malloc(len + 16), *dir = malloc(len + 2);
    if (!tmp || !dir) {
        status = err_set(err, VM_ERR_NOMEM, "Out of memory while copying the database.");
        goto out;
    }
    snprintf(tmp, len + 16, "%s.tmp", path);
    unlink(tmp); /* a copy left half-made by an earlier pulled stick */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "VACUUM INTO ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "copying the database");
        goto fail;
    }
    if ((status = make_standalone(tmp, err)) != VM_OK ||
        (status = fsync_path(tmp, false, err)) != VM_OK)
        goto fail;
    /* link() refuses an existing name, so a file that appeared meanwhile is never replaced. */
    if (link(tmp, path) != 0) {
        status = err_set(err, VM_ERR_IO, "The copy could not be named %s: %s.", path,
                         strerror(errno));
        goto fail;
    }
    unlink(tmp);
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, len + 2, ".");
    else
        snprintf(dir, len + 2, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    status = fsync_path(dir, true, err);
    goto out;
fail:
    unlink(tmp);
out:
    free(tmp);
    free(dir);
    return status;
}

vm_status store_integrity_check(store *s, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s)
        return err_set(err, VM_ERR_INVALID, "No database.");
    vm_status status = VM_OK;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        if (!r || strcmp(r, "ok") != 0)
            status = err_set(err, VM_ERR_CORRUPT, "The database %s is damaged: %s.", s->path,
                             r ? r : "no answer");
    } else {
        status = st_error(s->db, rc, err, "checking the database");
    }
    sqlite3_finalize(st);
    if (status != VM_OK)
        return status;
    /* Every sign-up must point at its activity and task: the schema says so, but a file
     * written with foreign keys off would not have been held to it. */
    rc = sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        status = err_set(err, VM_ERR_CORRUPT,
                         "The database %s is damaged: a row of \"%s\" points at something that "
                         "is not there.",
                         s->path, (const char *)sqlite3_column_text(st, 0));
    else if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "checking the database");
    sqlite3_finalize(st);
    return status;
}
