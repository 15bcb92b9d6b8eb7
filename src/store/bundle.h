/* bundle: SQLite files that come from outside the kiosk, read as hostile. It lives in the
 * store because all SQL does; its one user is the sync (sync_bundle.c reads a stick's
 * vaermed.db through it).
 *
 * A Vær med bundle (`vaermed.db` on a staff stick) is a database with the kiosk's schema:
 * its activities and helper tasks are the program to import. The bytes are read into
 * memory by the caller (no path on the stick is ever given to SQLite) and opened there
 * read-only (SQLITE_OPEN_READONLY + SQLITE_DESERIALIZE_READONLY) with
 * SQLITE_DBCONFIG_DEFENSIVE on, trusted_schema off, triggers and views off, every virtual
 * table module dropped, cell_size_check on, lowered sqlite3_limits, a bound on the work
 * done, and a hard limit on the heap while it is read (STORE_BUNDLE_HEAP_MAX above what the
 * process used before; SQLite's limit is for the whole process, so it is put back after).
 * The header, application_id and user_version are checked, PRAGMA quick_check must say
 * "ok", and the schema must be the kiosk's own and nothing more before a row is read: only
 * tables and indexes the kiosk makes, no virtual tables (FTS5, rtree), no generated columns,
 * no triggers or views, and the tables the program is read from (activities, helper_tasks)
 * with exactly the kiosk's columns (the others are never read, and a file of an earlier
 * build of the same schema version may lack a table or column there).
 *
 * Also here: the SQL behind the sync's exports and tests that the store's public API does
 * not offer (sign-up update times, a full text dump of a database file).
 *
 * Threads: one thread per bundle (the sync, in the main loop or the command line).
 */
#ifndef VM_STORE_BUNDLE_H
#define VM_STORE_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"
#include "store/store.h"

#define STORE_BUNDLE_MAX_BYTES (32u << 20)
#define STORE_BUNDLE_MAX_ACTIVITIES 5000
#define STORE_BUNDLE_HEAP_MAX (64ll << 20)

/* Why a bundle was refused, for words in the staff's language (the vm_err message is
 * English, for the journal). `name` is the table, index, trigger or activity uid named,
 * `what` a column or helper task, `number` a schema version. */
typedef enum store_bundle_problem_kind {
    STORE_BUNDLE_OK = 0,
    STORE_BUNDLE_TOO_BIG,
    STORE_BUNDLE_NOT_SQLITE,
    STORE_BUNDLE_OTHER_PROGRAM,   /* another application_id */
    STORE_BUNDLE_NO_VERSION,
    STORE_BUNDLE_TOO_NEW,         /* number: its schema version */
    STORE_BUNDLE_DAMAGED,
    STORE_BUNDLE_TOO_MUCH_WORK,
    STORE_BUNDLE_TOO_MUCH_MEMORY,
    STORE_BUNDLE_CODE,            /* a trigger or view: name; what: "trigger"/"view" */
    STORE_BUNDLE_VIRTUAL_TABLE,   /* FTS, rtree, ...: name */
    STORE_BUNDLE_UNKNOWN_TABLE,   /* name */
    STORE_BUNDLE_UNKNOWN_INDEX,   /* name */
    STORE_BUNDLE_MISSING_TABLE,   /* name */
    STORE_BUNDLE_COLUMNS_DIFFER,  /* name: table; what: the first column that differs */
    STORE_BUNDLE_TOO_MANY_ACTIVITIES,
    STORE_BUNDLE_BAD_UID,
    STORE_BUNDLE_BAD_TEXT,        /* name: uid */
    STORE_BUNDLE_BAD_TIMES,       /* name: uid */
    STORE_BUNDLE_BAD_SETTINGS,    /* name: uid */
    STORE_BUNDLE_BAD_TASK,        /* name: uid */
    STORE_BUNDLE_TOO_MANY_TASKS,  /* name: uid */
    STORE_BUNDLE_TASK_TWICE,      /* name: uid; what: task */
    STORE_BUNDLE_UID_TWICE,       /* name: uid */
    STORE_BUNDLE_NO_MEMORY
} store_bundle_problem_kind;

typedef struct store_bundle_problem {
    store_bundle_problem_kind kind;
    char name[ACT_UID_MAX];
    char what[128];
    long number;
} store_bundle_problem;

/* Reads the program of a bundle held in `data` (len bytes; not modified, may be freed
 * after). *out is a malloc'd array of *n activities (uids unique, tasks in screen order,
 * cancelled flags kept, ids 0) the caller frees. Refuses, reading nothing, with `why`
 * (may be NULL) saying which way:
 *   VM_ERR_FOREIGN  not an SQLite file, another application's (application_id), or
 *                   without our tables and columns, or with tables that are not ours;
 *   VM_ERR_TOO_NEW  user_version above STORE_SCHEMA_VERSION;
 *   VM_ERR_CORRUPT  quick_check fails, or SQLite finds damage while reading;
 *   VM_ERR_REFUSED  triggers, views, virtual tables, generated columns or unknown indexes,
 *                   or over the size, row, work or memory limits;
 *   VM_ERR_INVALID  an activity that the kiosk cannot show (bad times, unknown mode,
 *                   text that is not UTF-8 or too long), named by its uid. */
vm_status store_bundle_read(const void *data, size_t len, activity **out, size_t *n,
                            store_bundle_problem *why, vm_err *err);

/* A text dump of the database file at `path`: application_id, user_version, every schema
 * entry and every row of every table in rowid order, values tagged with their type. Two
 * dumps are equal exactly when the content is. Opens the file read-only; for tests and
 * diagnostics. *out is malloc'd; the caller frees it. */
vm_status store_dump(const char *path, char **out, vm_err *err);

#endif
