/* migrate: bringing a database of an older schema version up to STORE_SCHEMA_VERSION.
 *
 * Internal to src/store (and its tests). store_open runs the real list; the tests also run
 * made-up lists on fixture files, so the runner itself is tested before a version 2 exists.
 *
 * Version 0 is a file with nothing in it (an empty file, or a fresh SQLite database with no
 * tables): it gets the whole current schema from db/schema.sql in one transaction. Every
 * later version N has one step from N to N + 1 with the SQL that changes the schema (and
 * moves data) from one to the other. Each step runs in its own BEGIN IMMEDIATE transaction
 * that also sets user_version and the schema_version fact, so a failing step leaves the
 * file at the last version that succeeded, never in between.
 *
 * Threads: as store.h: the thread that owns the database handle.
 */
#ifndef VM_STORE_MIGRATE_H
#define VM_STORE_MIGRATE_H

#include <sqlite3.h>
#include <stddef.h>

#include "core/err.h"

typedef struct store_migration {
    int from;               /* the user_version the step starts at; it ends at from + 1 */
    const char *sql;        /* the change; may hold several statements */
    const char *old_tables; /* space-separated names of tables that existed at `from` but are
                             * dropped by a later step, so files holding them are not taken
                             * for another application's */
} store_migration;

/* The steps store_open uses. */
const store_migration *store_migrations(size_t *n);

/* Migrates `db` (read-write) from its user_version up to `target` with `steps`: version 0
 * is created with `schema_sql`, then each step from the list, each in its own transaction.
 * VM_ERR_INTERNAL when a needed step is missing; VM_ERR_CORRUPT/VM_ERR_IO/... with the step
 * named when one fails (the file then stays at the version before that step). */
vm_status store_migrate_run(sqlite3 *db, const char *schema_sql, const store_migration *steps,
                            size_t n_steps, int target, vm_err *err);

/* An in-memory database holding `schema_sql`: what a current file looks like. The caller
 * closes it with sqlite3_close. NULL with `err` set if the schema does not run. */
sqlite3 *store_schema_reference(const char *schema_sql, vm_err *err);

/* Whether `table` belongs to some version of our schema: a table of `reference` or one of
 * the steps' old_tables. */
int store_table_is_ours(sqlite3 *reference, const char *table, const store_migration *steps,
                        size_t n_steps);

#endif
