/* bundle: SQLite files that come from outside the kiosk, read as hostile (owned by sync).
 *
 * A Vær med bundle (`vaermed.db` on a staff stick) is a database with the kiosk's schema:
 * its activities and helper tasks are the program to import. The bytes are read into
 * memory by the caller (no path on the stick is ever given to SQLite) and opened there
 * read-only (SQLITE_OPEN_READONLY + SQLITE_DESERIALIZE_READONLY) with
 * SQLITE_DBCONFIG_DEFENSIVE on, trusted_schema off, triggers and views off, lowered
 * sqlite3_limits and a bound on the work done. The header, application_id and user_version
 * are checked and PRAGMA quick_check must say "ok" before a row is read.
 *
 * Also here: the SQL behind the sync's exports and tests that the store's public API does
 * not offer (sign-up update times, a full text dump of a database file).
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

/* Reads the program of a bundle held in `data` (len bytes; not modified, may be freed
 * after). *out is a malloc'd array of *n activities (uids unique, tasks in screen order,
 * cancelled flags kept, ids 0) the caller frees. Refuses, reading nothing:
 *   VM_ERR_FOREIGN  not an SQLite file, another application's (application_id), or
 *                   without our tables and columns;
 *   VM_ERR_TOO_NEW  user_version above STORE_SCHEMA_VERSION;
 *   VM_ERR_CORRUPT  quick_check fails, or SQLite finds damage while reading;
 *   VM_ERR_REFUSED  the file holds triggers or views, or is over the size or row limits;
 *   VM_ERR_INVALID  an activity that the kiosk cannot show (bad times, unknown mode,
 *                   text that is not UTF-8 or too long), named by its uid. */
vm_status store_bundle_read(const void *data, size_t len, activity **out, size_t *n,
                            vm_err *err);

/* When each sign-up last changed (signups.updated_utc), for the `updated` column of the
 * sign-up export that lets `vaermed merge` keep the latest status. *out is a malloc'd
 * array sorted by id (strcmp) the caller frees. */
typedef struct store_signup_time {
    char id[SIGNUP_ID_MAX];
    int64_t updated;
} store_signup_time;
vm_status store_signup_times(store *s, store_signup_time **out, size_t *n, vm_err *err);

/* A text dump of the database file at `path`: application_id, user_version, every schema
 * entry and every row of every table in rowid order, values tagged with their type. Two
 * dumps are equal exactly when the content is. Opens the file read-only; for tests and
 * diagnostics. *out is malloc'd; the caller frees it. */
vm_status store_dump(const char *path, char **out, vm_err *err);

#endif
