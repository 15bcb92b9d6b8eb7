/* migrations: every older version reaches the current schema; the runner steps one version
 * per transaction and stops cleanly at the last good one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrate.h"
#include "store/store.h"
#include "store_test_util.h"

/* ---- comparing schemas */

static void append(char **buf, size_t *len, const char *text)
{
    size_t n = strlen(text);
    *buf = realloc(*buf, *len + n + 1);
    assert_non_null(*buf);
    memcpy(*buf + *len, text, n + 1);
    *len += n;
}

static void append_rows(sqlite3 *db, const char *sql, char **buf, size_t *len)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW) {
        append(buf, len, "  ");
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            const char *v = (const char *)sqlite3_column_text(st, c);
            append(buf, len, v ? v : "NULL");
            append(buf, len, "|");
        }
        append(buf, len, "\n");
    }
    sqlite3_finalize(st);
}

/* What the schema is made of, as far as SQLite tells it without the SQL text: tables with
 * their columns (name, type, not null, default, key), foreign keys and indexes. A migrated
 * file must match a fresh one in all of it. With `with_sql`, the CREATE statements too
 * (only a copy of the same text can match that). */
static char *schema_signature(const char *path, bool with_sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    char *out = NULL;
    size_t len = 0;
    append(&out, &len, "");
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                                        "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
                                        -1, &st, NULL),
                     SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        char sql[512];
        append(&out, &len, type);
        append(&out, &len, " ");
        append(&out, &len, name);
        append(&out, &len, "\n");
        if (with_sql) {
            append(&out, &len, (const char *)sqlite3_column_text(st, 2));
            append(&out, &len, "\n");
        }
        if (strcmp(type, "table") == 0) {
            snprintf(sql, sizeof sql,
                     "SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                     "FROM pragma_table_xinfo('%s') ORDER BY cid",
                     name);
            append_rows(db, sql, &out, &len);
            snprintf(sql, sizeof sql,
                     "SELECT \"table\", \"from\", \"to\", on_update, on_delete "
                     "FROM pragma_foreign_key_list('%s') ORDER BY id, seq",
                     name);
            append_rows(db, sql, &out, &len);
            snprintf(sql, sizeof sql,
                     "SELECT il.name, il.\"unique\", il.partial, "
                     "(SELECT group_concat(coalesce(ii.name, ii.cid), ',') "
                     " FROM pragma_index_info(il.name) ii) "
                     "FROM pragma_index_list('%s') il ORDER BY il.name",
                     name);
            append_rows(db, sql, &out, &len);
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

static char *fresh_signature(bool with_sql)
{
    const char *path = tu_db_path("store_migrate_fresh");
    store *s = tu_open(path);
    store_close(s);
    return schema_signature(path, with_sql);
}

/* Makes `path` from tests/store/fixtures/v<version>.sql; version 0 is an empty file. */
static bool make_from_fixture(const char *path, int version)
{
    if (version == 0) {
        ts_write_file(path, "", 0);
        return true;
    }
    char rel[64];
    snprintf(rel, sizeof rel, "tests/store/fixtures/v%d.sql", version);
    char *sql = ts_read_file(ts_source_path(rel), NULL);
    if (!sql)
        return false;
    tu_sql(path, sql);
    free(sql);
    return true;
}

/* ---- the real list */

static void every_older_version_reaches_the_current_schema(void **state)
{
    (void)state;
    char *fresh = fresh_signature(false);
    for (int v = 0; v < STORE_SCHEMA_VERSION; v++) {
        char name[64];
        snprintf(name, sizeof name, "store_migrate_v%d", v);
        const char *path = tu_db_path(name);
        if (!make_from_fixture(path, v))
            fail_msg("tests/store/fixtures/v%d.sql is missing: freeze each older schema", v);
        int64_t signups_before =
            v == 0 ? 0 : tu_query_int(path, "SELECT count(*) FROM signups");
        store *s = NULL;
        vm_err err = {0};
        if (store_open(path, 0, &s, &err) != VM_OK)
            fail_msg("version %d does not open: %s", v, err.msg);
        assert_int_equal(store_integrity_check(s, &err), VM_OK);
        store_close(s);
        assert_int_equal(tu_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
        assert_int_equal(tu_query_int(path, "SELECT CAST(value AS INTEGER) FROM facts "
                                            "WHERE key = 'schema_version'"),
                         STORE_SCHEMA_VERSION);
        /* Nobody's sign-up is lost on the way. */
        assert_int_equal(tu_query_int(path, "SELECT count(*) FROM signups"), signups_before);
        char *got = schema_signature(path, false);
        if (strcmp(got, fresh) != 0)
            fail_msg("version %d migrated differs from a fresh database:\n%s\n--- fresh:\n%s", v,
                     got, fresh);
        free(got);
    }
    free(fresh);
}

static void the_frozen_current_schema_is_db_schema_sql(void **state)
{
    (void)state;
    /* If this fails, db/schema.sql changed without a new version: raise STORE_SCHEMA_VERSION,
     * add a migration step, and freeze the old schema as a new fixture. */
    const char *path = tu_db_path("store_migrate_frozen");
    char rel[64];
    snprintf(rel, sizeof rel, "tests/store/fixtures/v%d.sql", STORE_SCHEMA_VERSION);
    if (!make_from_fixture(path, STORE_SCHEMA_VERSION))
        fail_msg("%s is missing: freeze the current schema there", rel);
    char *frozen = schema_signature(path, true);
    char *fresh = fresh_signature(true);
    if (strcmp(frozen, fresh) != 0)
        fail_msg("db/schema.sql differs from %s but STORE_SCHEMA_VERSION is still %d", rel,
                 STORE_SCHEMA_VERSION);
    free(frozen);
    free(fresh);
}

static void the_real_list_has_a_step_from_every_version(void **state)
{
    (void)state;
    size_t n = 0;
    const store_migration *steps = store_migrations(&n);
    for (int v = 1; v < STORE_SCHEMA_VERSION; v++) {
        bool found = false;
        for (size_t i = 0; i < n; i++)
            found = found || steps[i].from == v;
        if (!found)
            fail_msg("no migration step from version %d", v);
    }
    for (size_t i = 0; i < n; i++) {
        assert_true(steps[i].from >= 1 && steps[i].from < STORE_SCHEMA_VERSION);
        assert_non_null(steps[i].sql);
    }
}

/* A kiosk of version 1 keeps its residents' codes: the schema moves to version 2 and the old
 * unkeyed hash is keyed with the kiosk's secret (what the app does after opening). */
static void a_version_1_kiosk_keeps_its_cancel_codes(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_migrate_codes");
    assert_true(make_from_fixture(path, 1));
    uint8_t salt[CODE_SALT_BYTES] = {3, 1, 4, 1, 5};
    char old[SIGNUP_CODE_HASH_MAX], sql[400];
    code_hash("4711", salt, 0, NULL, old);
    snprintf(sql, sizeof sql, "UPDATE signups SET code_hash = '%s' WHERE name = 'Birthe';", old);
    tu_sql(path, sql);
    store *s = NULL;
    vm_err err = {0};
    assert_int_equal(store_open(path, 0, &s, &err), VM_OK);
    assert_int_equal(tu_query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM stick_keys"), 0);
    static const code_key key = {{0xa5, 0x5a}};
    int n = 0;
    assert_int_equal(store_upgrade_code_hashes(s, &key, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    store_close(s);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM signups WHERE code_hash LIKE 'p1$%'"),
                     0);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM signups WHERE code_hash LIKE 'k1$%'"),
                     1);
    assert_int_equal(store_open(path, 0, &s, &err), VM_OK);
    assert_int_equal(store_cancel_with_code(s, "fix-food", "birthe", "4711", NULL, 1767200000,
                                            NULL, NULL, &err),
                     VM_ERR_NOT_FOUND);
    assert_int_equal(store_cancel_with_code(s, "fix-food", "birthe", "4711", &key, 1767200000,
                                            NULL, NULL, &err),
                     VM_OK);
    store_close(s);
}

/* ---- the runner, with made-up versions 2 and 3 on top of the frozen version 1 */

static const store_migration MADE_UP[] = {
    {1,
     "ALTER TABLE activities ADD COLUMN room TEXT NOT NULL DEFAULT '';"
     "UPDATE activities SET room = place;",
     "legacy_notes"},
    {2, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;", ""},
};

static const store_migration BROKEN_SECOND[] = {
    {1, "ALTER TABLE activities ADD COLUMN room TEXT NOT NULL DEFAULT '';", ""},
    {2, "CREATE TABLE notes (x); INSERT INTO nowhere VALUES (1);", ""},
};

static char *fixture_v1_sql(void)
{
    char *sql = ts_read_file(ts_source_path("tests/store/fixtures/v1.sql"), NULL);
    assert_non_null(sql);
    return sql;
}

static sqlite3 *open_rw(const char *path)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    return db;
}

static void runner_steps_from_version_1_to_3(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_migrate_runner");
    assert_true(make_from_fixture(path, 1));
    char *schema = fixture_v1_sql();
    sqlite3 *db = open_rw(path);
    vm_err err = {0};
    assert_int_equal(store_migrate_run(db, schema, MADE_UP, 2, 3, &err), VM_OK);
    sqlite3_close(db);
    assert_int_equal(tu_query_int(path, "PRAGMA user_version"), 3);
    assert_int_equal(tu_query_int(path, "SELECT CAST(value AS INTEGER) FROM facts "
                                        "WHERE key = 'schema_version'"),
                     3);
    /* Step 1 moved data, step 2 added a table, and the old rows are all there. */
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM activities WHERE room = place"),
                     2);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM notes"), 0);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM signups"), 2);

    /* Running again is a no-op. */
    char *before = tu_dump(path);
    db = open_rw(path);
    assert_int_equal(store_migrate_run(db, schema, MADE_UP, 2, 3, &err), VM_OK);
    sqlite3_close(db);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(before);
    free(after);
    free(schema);
}

static void runner_starts_an_empty_file_from_the_schema(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_migrate_runner_empty");
    ts_write_file(path, "", 0);
    char *schema = fixture_v1_sql();
    sqlite3 *db = open_rw(path);
    vm_err err = {0};
    assert_int_equal(store_migrate_run(db, schema, MADE_UP, 2, 3, &err), VM_OK);
    sqlite3_close(db);
    assert_int_equal(tu_query_int(path, "PRAGMA user_version"), 3);
    assert_int_equal(tu_query_int(path, "PRAGMA application_id"), STORE_APPLICATION_ID);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM activities WHERE room = place"),
                     2);
    free(schema);
}

static void a_failing_step_leaves_the_last_good_version(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_migrate_broken");
    assert_true(make_from_fixture(path, 1));
    char *schema = fixture_v1_sql();
    sqlite3 *db = open_rw(path);
    vm_err err = {0};
    vm_status st = store_migrate_run(db, schema, BROKEN_SECOND, 2, 3, &err);
    sqlite3_close(db);
    assert_int_not_equal(st, VM_OK);
    assert_non_null(strstr(err.msg, "version 2"));
    /* Step 1 is in, step 2 is not, not even the half before its failing statement. */
    assert_int_equal(tu_query_int(path, "PRAGMA user_version"), 2);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM pragma_table_info('activities') "
                                        "WHERE name = 'room'"),
                     1);
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM sqlite_master "
                                        "WHERE name = 'notes'"),
                     0);
    assert_int_equal(tu_query_int(path, "SELECT CAST(value AS INTEGER) FROM facts "
                                        "WHERE key = 'schema_version'"),
                     2);
    free(schema);
}

static void a_missing_step_changes_nothing(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_migrate_gap");
    assert_true(make_from_fixture(path, 1));
    char *before = tu_dump(path);
    char *schema = fixture_v1_sql();
    sqlite3 *db = open_rw(path);
    vm_err err = {0};
    assert_int_equal(store_migrate_run(db, schema, MADE_UP + 1, 1, 3, &err), VM_ERR_INTERNAL);
    sqlite3_close(db);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(before);
    free(after);
    free(schema);
}

static void tables_of_older_versions_are_ours(void **state)
{
    (void)state;
    char *schema = fixture_v1_sql();
    vm_err err = {0};
    sqlite3 *ref = store_schema_reference(schema, &err);
    assert_non_null(ref);
    assert_true(store_table_is_ours(ref, "signups", MADE_UP, 2));
    assert_true(store_table_is_ours(ref, "legacy_notes", MADE_UP, 2));
    assert_false(store_table_is_ours(ref, "legacy", MADE_UP, 2));
    assert_false(store_table_is_ours(ref, "notes_legacy", MADE_UP, 2));
    assert_false(store_table_is_ours(ref, "payroll", MADE_UP, 2));
    sqlite3_close(ref);
    assert_null(store_schema_reference("CREATE TABLE (", &err));
    assert_int_equal(err.status, VM_ERR_INTERNAL);
    free(schema);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_older_version_reaches_the_current_schema),
        cmocka_unit_test(the_frozen_current_schema_is_db_schema_sql),
        cmocka_unit_test(the_real_list_has_a_step_from_every_version),
        cmocka_unit_test(a_version_1_kiosk_keeps_its_cancel_codes),
        cmocka_unit_test(runner_steps_from_version_1_to_3),
        cmocka_unit_test(runner_starts_an_empty_file_from_the_schema),
        cmocka_unit_test(a_failing_step_leaves_the_last_good_version),
        cmocka_unit_test(a_missing_step_changes_nothing),
        cmocka_unit_test(tables_of_older_versions_are_ours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
