/* migrate: the schema's versions and the steps between them (see migrate.h). */
#include <stdio.h>
#include <string.h>

#include "store/migrate.h"
#include "store/store.h"
#include "store/store_internal.h"

/* From version N to N + 1, in order. Each step comes with a frozen copy of the older schema
 * in tests/store/fixtures/v<N>.sql. */
static const store_migration MIGRATIONS[] = {
    /* 1 -> 2: staff sticks get a label, an expiry, a withdrawal and a last use; the staff's
     * public keys for sealed exports (issue 12). */
    {1,
     "ALTER TABLE stick_keys ADD COLUMN label TEXT NOT NULL DEFAULT '' "
     "    CHECK (length(CAST(label AS BLOB)) <= 63);"
     "ALTER TABLE stick_keys ADD COLUMN expires_utc INTEGER NOT NULL DEFAULT 0 "
     "    CHECK (expires_utc >= 0);"
     "ALTER TABLE stick_keys ADD COLUMN revoked_utc INTEGER NOT NULL DEFAULT 0 "
     "    CHECK (revoked_utc >= 0);"
     "ALTER TABLE stick_keys ADD COLUMN last_used_utc INTEGER NOT NULL DEFAULT 0 "
     "    CHECK (last_used_utc >= 0);"
     "CREATE TABLE staff_keys ("
     "    public_key  TEXT    NOT NULL PRIMARY KEY"
     "                CHECK (length(public_key) = 44 AND public_key NOT GLOB '*[^A-Za-z0-9+/=]*'),"
     "    label       TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(label AS BLOB)) <= 63),"
     "    created_utc INTEGER NOT NULL"
     ") STRICT;",
     ""},
    /* 2 -> 3: who residents can ask, from the staff's stick (issue 17). */
    {2,
     "CREATE TABLE contacts ("
     "    position INTEGER NOT NULL PRIMARY KEY CHECK (position BETWEEN 0 AND 23),"
     "    name     TEXT    NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 95),"
     "    role     TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(role AS BLOB)) <= 95),"
     "    phone    TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(phone AS BLOB)) <= 31),"
     "    hours    TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(hours AS BLOB)) <= 159)"
     ") STRICT;",
     ""},
    /* 3 -> 4: "Sig til, når der sker noget" (issue 17). */
    {3,
     "CREATE TABLE interests ("
     "    id           TEXT    NOT NULL PRIMARY KEY"
     "                 CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-fA-F-]*'),"
     "    category     TEXT    NOT NULL CHECK (length(category) BETWEEN 1 AND 32),"
     "    about        TEXT    NOT NULL CHECK (length(CAST(about AS BLOB)) BETWEEN 1 AND 159),"
     "    activity_uid TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(activity_uid AS BLOB)) <= 127),"
     "    name         TEXT    NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 160),"
     "    phone        TEXT    NOT NULL DEFAULT '' CHECK (phone NOT GLOB '*[^0-9]*' AND length(phone) <= 15),"
     "    flat         TEXT    NOT NULL DEFAULT '' CHECK (flat NOT GLOB '*[^0-9]*' AND length(flat) <= 6),"
     "    created_utc  INTEGER NOT NULL,"
     "    kiosk_id     TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(kiosk_id AS BLOB)) <= 63),"
     "    CHECK (phone <> '' OR flat <> '')"
     ") STRICT;",
     ""},
    /* 4 -> 5: "Hvem kom?": who came, and who came without signing up (issue 17). */
    {4,
     "ALTER TABLE signups ADD COLUMN came INTEGER NOT NULL DEFAULT 0 CHECK (came IN (0, 1));"
     "ALTER TABLE signups ADD COLUMN first_visit INTEGER NOT NULL DEFAULT 0 "
     "    CHECK (first_visit IN (0, 1));"
     "CREATE TABLE walkins ("
     "    activity_id INTEGER NOT NULL PRIMARY KEY REFERENCES activities (id),"
     "    children    INTEGER NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 9999),"
     "    adults      INTEGER NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 9999),"
     "    seniors     INTEGER NOT NULL DEFAULT 0 CHECK (seniors BETWEEN 0 AND 9999),"
     "    updated_utc INTEGER NOT NULL DEFAULT 0"
     ") STRICT;",
     ""},
    /* 5 -> 6: "Hvad savner du?": ideas, their votes, short wishes (issue 17). */
    {5,
     "CREATE TABLE ideas ("
     "    position INTEGER NOT NULL PRIMARY KEY CHECK (position BETWEEN 0 AND 11),"
     "    title    TEXT    NOT NULL UNIQUE CHECK (length(CAST(title AS BLOB)) BETWEEN 1 AND 95),"
     "    category TEXT    NOT NULL DEFAULT 'other' CHECK (length(category) BETWEEN 1 AND 32)"
     ") STRICT;"
     "CREATE TABLE idea_votes ("
     "    title TEXT NOT NULL CHECK (length(CAST(title AS BLOB)) BETWEEN 1 AND 95),"
     "    day   TEXT NOT NULL CHECK (length(day) = 10 AND day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
     "    PRIMARY KEY (title, day)"
     ") STRICT;"
     "CREATE TABLE wishes ("
     "    id          INTEGER PRIMARY KEY,"
     "    text        TEXT    NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 160),"
     "    created_utc INTEGER NOT NULL"
     ") STRICT;",
     ""},
    /* 6 -> 7: the contacts' photos (issue 17). */
    {6,
     "CREATE TABLE contact_photos ("
     "    position INTEGER NOT NULL PRIMARY KEY CHECK (position BETWEEN 0 AND 23),"
     "    width    INTEGER NOT NULL CHECK (width BETWEEN 1 AND 160),"
     "    height   INTEGER NOT NULL CHECK (height BETWEEN 1 AND 160),"
     "    rgb      BLOB    NOT NULL CHECK (length(rgb) = width * height * 3)"
     ") STRICT;",
     ""},
    /* 7 -> 8: cancel codes across the kiosks of one estate (issue 14). */
    {7,
     "CREATE TABLE peer_codes ("
     "    signup_id TEXT NOT NULL PRIMARY KEY REFERENCES signups (id),"
     "    verifier  TEXT NOT NULL"
     "              CHECK (length(verifier) BETWEEN 1 AND 127 AND"
     "                     (verifier GLOB 's1$*' OR verifier GLOB 'k1$*'))"
     ") STRICT;",
     ""},
    {0, NULL, NULL}, /* sentinel, not a step */
};

const store_migration *store_migrations(size_t *n)
{
    *n = sizeof MIGRATIONS / sizeof MIGRATIONS[0] - 1;
    return MIGRATIONS;
}

static int set_version_fact(sqlite3 *db, int version)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facts'", -1, &st, NULL);
    int has_facts = rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (rc != SQLITE_OK || !has_facts)
        return rc;
    char sql[200];
    snprintf(sql, sizeof sql,
             "INSERT INTO facts (key, value) VALUES ('schema_version', '%d') "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
             version);
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static vm_status sql_failed(sqlite3 *db, int rc, vm_err *err, int from)
{
    vm_status st;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        st = VM_ERR_IO;
        break;
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        st = VM_ERR_IO;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        st = VM_ERR_CORRUPT;
        break;
    default:
        st = VM_ERR_INTERNAL;
    }
    return err_set(err, st,
                   "Updating the database from version %d failed (%s); it was left as it was.",
                   from, sqlite3_errmsg(db));
}

/* One step in its own transaction; on return the file is at the old or the new version. */
static vm_status run_step(sqlite3 *db, const char *schema_sql, const store_migration *steps,
                          size_t n_steps, int target, int *version, vm_err *err)
{
    vm_status status = VM_OK;
    int v = 0, objects = 0;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sql_failed(db, rc, err, *version);
    /* Read again under the write lock: another process may have migrated meanwhile. */
    if ((rc = st_query_int(db, "PRAGMA user_version", &v)) != SQLITE_OK) {
        status = sql_failed(db, rc, err, *version);
        goto out;
    }
    if (v >= target)
        goto out;
    if (v == 0) {
        if ((rc = st_query_int(db, "SELECT count(*) FROM sqlite_master", &objects)) != SQLITE_OK) {
            status = sql_failed(db, rc, err, v);
            goto out;
        }
        if (objects != 0) {
            status = err_set(err, VM_ERR_FOREIGN,
                             "This file holds tables but no Vær med version: it is not a Vær med database.");
            goto out;
        }
        if ((rc = sqlite3_exec(db, schema_sql, NULL, NULL, NULL)) != SQLITE_OK) {
            status = sql_failed(db, rc, err, v);
            goto out;
        }
    } else {
        const store_migration *step = NULL;
        for (size_t i = 0; i < n_steps; i++)
            if (steps[i].from == v)
                step = &steps[i];
        if (!step) {
            status = err_set(err, VM_ERR_INTERNAL,
                             "This Vær med cannot update a database from version %d to %d.", v,
                             target);
            goto out;
        }
        char sql[160];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if ((rc = sqlite3_exec(db, step->sql, NULL, NULL, NULL)) != SQLITE_OK ||
            (rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) != SQLITE_OK) {
            status = sql_failed(db, rc, err, v);
            goto out;
        }
    }
    int now_v = 0;
    if ((rc = st_query_int(db, "PRAGMA user_version", &now_v)) != SQLITE_OK) {
        status = sql_failed(db, rc, err, v);
        goto out;
    }
    if (now_v <= v || now_v > target) {
        status = err_set(err, VM_ERR_INTERNAL,
                         "Updating the database from version %d ended at version %d, not at "
                         "most %d.",
                         v, now_v, target);
        goto out;
    }
    /* Keep the schema_version fact true (a new file gets it from the schema itself). */
    if (v != 0 && (rc = set_version_fact(db, now_v)) != SQLITE_OK) {
        status = sql_failed(db, rc, err, v);
        goto out;
    }
    if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
        status = sql_failed(db, rc, err, v);
        goto out;
    }
    *version = now_v;
    return VM_OK;
out:
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, status == VM_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    if (status == VM_OK)
        *version = v;
    return status;
}

vm_status store_migrate_run(sqlite3 *db, const char *schema_sql, const store_migration *steps,
                            size_t n_steps, int target, vm_err *err)
{
    int version = 0;
    if (st_query_int(db, "PRAGMA user_version", &version) != SQLITE_OK)
        return sql_failed(db, SQLITE_ERROR, err, 0);
    while (version < target) {
        int before = version;
        vm_status st = run_step(db, schema_sql, steps, n_steps, target, &version, err);
        if (st != VM_OK)
            return st;
        if (version <= before)
            break; /* someone else got it to the target meanwhile */
    }
    return VM_OK;
}

sqlite3 *store_schema_reference(const char *schema_sql, vm_err *err)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, schema_sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        err_set(err, rc == SQLITE_NOMEM ? VM_ERR_NOMEM : VM_ERR_INTERNAL,
                "The built-in database schema does not run: %s.",
                db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static int word_in_list(const char *word, const char *list)
{
    size_t n = strlen(word);
    const char *p = list;
    while (p && *p) {
        while (*p == ' ')
            p++;
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        if ((size_t)(end - p) == n && n > 0 && memcmp(p, word, n) == 0)
            return 1;
        p = end;
    }
    return 0;
}

int store_table_is_ours(sqlite3 *reference, const char *table, const store_migration *steps,
                        size_t n_steps)
{
    int ours = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(reference,
                           "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1,
                           &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        ours = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    for (size_t i = 0; !ours && i < n_steps; i++)
        ours = word_in_list(table, steps[i].old_tables);
    return ours;
}
