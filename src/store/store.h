/* store: the kiosk's SQLite database. Every SQL statement of the project lives under
 * src/store; nothing above it sees SQLite.
 *
 * The file carries application_id 0x56724D64 ("VrMd") and user_version STORE_SCHEMA_VERSION.
 * The kiosk's own database runs in WAL mode with synchronous=FULL and foreign keys on, so a
 * sign-up reported as done survives a power cut. Every change is one transaction.
 *
 * Ownership: store_open gives a `store` the caller closes with store_close (NULL-safe).
 * Lists (`activity **`, `signup **`, ...) are single malloc'd arrays the caller free()s.
 * Errors: every function returns a vm_status and fills `err` with a plain-words message.
 */
#ifndef VM_STORE_STORE_H
#define VM_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"

#define STORE_APPLICATION_ID 0x56724D64
#define STORE_SCHEMA_VERSION 1

typedef struct store store;

enum {
    STORE_CREATE = 1u << 0,   /* create the file when it does not exist */
    STORE_READONLY = 1u << 1, /* open without writing (for `list`, `signups`) */
};

/* Opens (or with STORE_CREATE creates) the database at `path` and migrates it to the
 * current schema. Refuses, without writing a byte:
 *   VM_ERR_NOT_FOUND  no file and no STORE_CREATE;
 *   VM_ERR_FOREIGN    not an SQLite file, or another application's (application_id, or
 *                     tables that are not ours);
 *   VM_ERR_TOO_NEW    user_version above STORE_SCHEMA_VERSION (a newer Vær med wrote it);
 *   VM_ERR_CORRUPT    ours, but damaged (quick_check fails);
 *   VM_ERR_IO         the folder or file cannot be read or written. */
vm_status store_open(const char *path, unsigned flags, store **out, vm_err *err);
void store_close(store *s);

/* The file this store was opened from. */
const char *store_path(const store *s);

/* ---- kiosk facts: small named values (kiosk_id, last_sync, last_sync_summary, clock_floor) */

/* Copies the value of `key` into `out`; VM_ERR_NOT_FOUND when unset. */
vm_status store_fact_get(store *s, const char *key, char *out, size_t size, vm_err *err);
vm_status store_fact_set(store *s, const char *key, const char *value, vm_err *err);

/* ---- staff sticks this kiosk accepts (only the SHA-256 of each key file is kept) */

/* Remembers a stick key by its SHA-256 (64 lower-case hex characters; VM_ERR_INVALID
 * otherwise). Adding a known key again is not an error. */
vm_status store_stick_key_add(store *s, const char *key_sha256, int64_t now, vm_err *err);

/* Whether the key with this SHA-256 was added. A malformed hash is simply not known. */
vm_status store_stick_key_known(store *s, const char *key_sha256, bool *known, vm_err *err);

/* ---- activities */

/* Inserts or replaces (by uid) one activity and its helper tasks; fills a->id and the task
 * ids. Tasks are matched by title so their sign-ups stay attached. For demo data and tests;
 * imports use store_import_program. */
vm_status store_activity_put(store *s, activity *a, vm_err *err);

/* One activity by uid, with its counts (counts may be NULL). VM_ERR_NOT_FOUND if absent. */
vm_status store_activity_get(store *s, const char *uid, activity *out, activity_counts *counts,
                             vm_err *err);

/* Activities that end after `from` and start before `to`, cancelled ones included, ordered
 * by start then title, with their counts (parallel array; `counts` may be NULL). */
vm_status store_activities_between(store *s, int64_t from, int64_t to, activity **out,
                                   activity_counts **counts, size_t *n, vm_err *err);

/* Number of activities stored (all time). */
vm_status store_activity_count(store *s, size_t *n, vm_err *err);

/* ---- the program from the staff: one transaction, all or nothing */

typedef struct store_import_report {
    int added;      /* new activities */
    int changed;    /* known uid, different content */
    int unchanged;
    int cancelled;  /* future activities missing from the file, now shown as "Aflyst" */
    int restored;   /* cancelled ones that came back in the file */
    int moved_to_waiting; /* sign-ups moved to the waiting list because capacity dropped */
    int promoted;   /* sign-ups confirmed because capacity grew */
} store_import_report;

/* Makes the stored program match `acts` (the staff file is the truth): new ones are added,
 * changed ones updated, activities that start after `now` and are missing from `acts` are
 * marked cancelled (never deleted). Sign-ups are never deleted; queues are rebalanced with
 * rules_rebalance. Importing the same list twice changes nothing the second time. */
vm_status store_import_program(store *s, const activity *acts, size_t n, int64_t now,
                               store_import_report *report, vm_err *err);

/* ---- sign-ups */

/* Adds a sign-up. In: s->id (UUID), activity_uid, task_id (0 = participant), name (cleaned
 * here; empty after cleaning is refused), adults, children, wants_company, code_hash,
 * kiosk_id, created. Out: status and waiting_position as decided by the rules. Refuses with
 * VM_ERR_REFUSED and a message to show when the activity is cancelled, has started, is past
 * its deadline or takes no sign-ups; VM_ERR_NOT_FOUND for an unknown uid or task. The
 * sign-up is committed (fsync'd) when this returns VM_OK. */
vm_status store_join(store *s, signup *su, int64_t now, vm_err *err);

/* Cancels one sign-up by id and promotes who fits from the waiting list. `promoted` (may be
 * NULL) gets how many were promoted. Cancelling a cancelled sign-up is VM_ERR_REFUSED. */
vm_status store_cancel(store *s, const char *signup_id, int64_t now, int *promoted, vm_err *err);

/* Finds the live sign-ups of `activity_uid` whose name matches `name` (case-folded, cleaned)
 * and whose code hash matches `code`, and cancels the first (oldest). VM_ERR_NOT_FOUND when
 * none matches (the caller counts this as a wrong code); VM_ERR_REFUSED when the matching
 * sign-up has no code (the resident must ask the staff). */
vm_status store_cancel_with_code(store *s, const char *activity_uid, const char *name,
                                 const char *code, int64_t now, signup *cancelled,
                                 int *promoted, vm_err *err);

/* One sign-up by id. */
vm_status store_signup_get(store *s, const char *signup_id, signup *out, vm_err *err);

/* Sign-ups of one activity (uid) or of all (NULL), ordered by activity start, then created.
 * Cancelled ones included (status says so). */
vm_status store_signups_list(store *s, const char *activity_uid, signup **out, size_t *n,
                             vm_err *err);

/* ---- maintenance */

/* Erases names and code hashes of sign-ups of activities that ended before `before`; counts
 * stay. `erased` (may be NULL) gets how many sign-ups were blanked. */
vm_status store_purge_personal(store *s, int64_t before, int *erased, vm_err *err);

/* Writes a consistent copy of the database to `path` (VACUUM INTO); `path` must not exist. */
vm_status store_snapshot(store *s, const char *path, vm_err *err);

/* Runs PRAGMA integrity_check; VM_ERR_CORRUPT with the first problem if not "ok". */
vm_status store_integrity_check(store *s, vm_err *err);

#endif
