/* store: the kiosk's SQLite database. Every SQL statement of the project lives under
 * src/store; nothing above it sees SQLite. The schema of record is db/schema.sql (embedded
 * at build time); src/store/migrate.c brings older files up to it.
 *
 * The file carries application_id 0x56724D64 ("VrMd") and user_version STORE_SCHEMA_VERSION.
 * The kiosk's own database runs in WAL mode with synchronous=FULL and foreign keys on, so a
 * sign-up reported as done survives a power cut. Every change is one transaction
 * (BEGIN IMMEDIATE), so another process waits for it (busy timeout 5 s) instead of failing.
 *
 * Queues: the participants of an activity are one queue, each helper task another, in the
 * order the sign-ups were made (created, then stored order). After every change the store
 * rebalances the queue with core's rules_rebalance in the same transaction. Waiting
 * positions are not stored: they are derived from that order whenever a sign-up is read.
 *
 * Ownership: store_open gives a `store` the caller closes with store_close (NULL-safe).
 * Lists (`activity **`, `signup **`, ...) are single malloc'd arrays the caller free()s.
 * Errors: every function returns a vm_status and fills `err` with a plain-words message.
 *
 * Threads: one thread per store handle (the kiosk's main loop, or the command line). The
 * connection is opened with SQLITE_OPEN_NOMUTEX, so a handle must never be shared between
 * threads.
 */
#ifndef VM_STORE_STORE_H
#define VM_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/code.h"
#include "core/contact.h"
#include "core/idea.h"
#include "core/interest.h"
#include "core/err.h"
#include "core/rules.h"

#define STORE_APPLICATION_ID 0x56724D64
#define STORE_SCHEMA_VERSION 8

typedef struct store store;

enum {
    STORE_CREATE = 1u << 0,   /* create the file when it does not exist */
    STORE_READONLY = 1u << 1, /* open without writing (for `list`, `signups`) */
    STORE_CHECK_LATER = 1u << 2, /* leave quick_check of an up-to-date file to store_check */
    STORE_SALVAGE = 1u << 3,  /* with STORE_READONLY: open a damaged file (quick_check fails)
                                 anyway, to read what can still be read (the kiosk shows its
                                 program, with sign-up paused); reads may then fail with
                                 VM_ERR_CORRUPT */
};

/* Opens (or with STORE_CREATE creates) the database at `path` and migrates it to the
 * current schema. Everything that decides whether the file is usable is read through a
 * read-only connection first; only then is it opened for writing. Refuses, without writing
 * a byte to the file (nor creating anything beside it):
 *   VM_ERR_NOT_FOUND  no file and no STORE_CREATE (or STORE_READONLY);
 *   VM_ERR_FOREIGN    not an SQLite file, or another application's (application_id, or
 *                     tables that are not ours, or any trigger or view);
 *   VM_ERR_TOO_NEW    user_version above STORE_SCHEMA_VERSION (a newer Vær med wrote it);
 *   VM_ERR_CORRUPT    ours, but damaged (quick_check fails, or it cannot be read);
 *   VM_ERR_IO         the folder is missing, or the folder or file cannot be read or (unless
 *                     STORE_READONLY) written; the message names which;
 *   VM_ERR_REFUSED    STORE_READONLY on a file that first needs setting up or migrating.
 * An empty file (0 bytes, or an SQLite file with nothing in it) counts as version 0 and is
 * given the schema. With STORE_READONLY the store refuses every change with VM_ERR_IO; on a
 * WAL file SQLite may leave its -wal/-shm files beside it (the database file is not
 * written). */
vm_status store_open(const char *path, unsigned flags, store **out, vm_err *err);
void store_close(store *s);

/* The integrity check that STORE_CHECK_LATER left out of store_open, so that the kiosk can
 * show its first frame before reading every page of a large file. Until it has passed, the
 * caller only reads (SQLite answers a damaged page with an error, never with a crash) and
 * writes nothing. A file that needed creating or migrating was checked in store_open anyway.
 * VM_OK when the file is sound or was checked already; VM_ERR_CORRUPT (message as
 * store_open's) when it is damaged: close it and write nothing. */
vm_status store_check(store *s, vm_err *err);

/* An empty, read-only store in memory (nothing is written anywhere): what the kiosk shows
 * when its database cannot be read at all, rather than stopping. */
vm_status store_open_empty(store **out, vm_err *err);

/* Keeps SQLite's page cache of this connection to about `kib` KiB (SQLite's default is
 * 2 MiB). The kiosk reads a window of a few hundred activities and holds its memory low; the
 * command line keeps the default for big imports and exports. */
vm_status store_limit_cache(store *s, int kib, vm_err *err);

/* The file this store was opened from. */
const char *store_path(const store *s);

/* SQLite's data_version of this connection: it changes when another connection (another
 * process: `vaermed join`, a sync) has committed a change to the file, and never for this
 * connection's own changes. Cheap (no file is read). The kiosk compares it with the value
 * it last saw to know when to reload what it shows. */
vm_status store_data_version(store *s, int64_t *out, vm_err *err);

/* ---- kiosk facts: small named values (kiosk_id, last_sync, last_sync_summary, clock_floor) */

/* Copies the value of `key` into `out`; VM_ERR_NOT_FOUND when unset. */
vm_status store_fact_get(store *s, const char *key, char *out, size_t size, vm_err *err);
vm_status store_fact_set(store *s, const char *key, const char *value, vm_err *err);
/* Forgets `key` (not an error when it was not set). */
vm_status store_fact_unset(store *s, const char *key, vm_err *err);

/* ---- staff sticks this kiosk accepts (only the SHA-256 of each key file is kept) */

#define STORE_LABEL_MAX 64 /* bytes, with the NUL */

typedef struct store_stick_key {
    char key_sha256[65];     /* the id on screen is its first 8 characters */
    char label[STORE_LABEL_MAX];
    int64_t created;         /* UTC seconds */
    int64_t expires;         /* 0 = never */
    int64_t revoked;         /* 0 = in use; else when it was withdrawn */
    int64_t last_used;       /* 0 = never */
} store_stick_key;

typedef enum store_stick_state {
    STORE_STICK_UNKNOWN = 0, /* never authorised here */
    STORE_STICK_ACTIVE,
    STORE_STICK_REVOKED,
    STORE_STICK_EXPIRED
} store_stick_state;

/* Remembers a stick key by its SHA-256 (64 lower-case hex characters; VM_ERR_INVALID
 * otherwise) with a label (UTF-8, at most 63 bytes; cleaned) and an expiry (0 = never).
 * Adding a known key again sets its label (when one is given) and expiry, and makes a
 * withdrawn key active again (the caller decides whether that is right: sync_stick_init
 * gives a withdrawn or expired stick a new key instead). */
vm_status store_stick_key_add(store *s, const char *key_sha256, const char *label,
                              int64_t expires, int64_t now, vm_err *err);

/* The state of a stick key at `now`, and its row (`out` may be NULL; untouched when
 * unknown). A malformed hash is simply unknown. */
vm_status store_stick_key_check(store *s, const char *key_sha256, int64_t now,
                                store_stick_state *state, store_stick_key *out, vm_err *err);

/* Notes that the stick synced at `now`. */
vm_status store_stick_key_used(store *s, const char *key_sha256, int64_t now, vm_err *err);

/* Every stick key, withdrawn ones too, newest first (a malloc'd array). */
vm_status store_stick_keys_list(store *s, store_stick_key **out, size_t *n, vm_err *err);

/* Withdraws the stick key whose SHA-256 starts with `id` (at least 6 hex characters; the
 * lists show 8). `which` (may be NULL) gets it. VM_ERR_NOT_FOUND when none does,
 * VM_ERR_INVALID when `id` is too short or fits several, VM_ERR_REFUSED when it is withdrawn
 * already. */
vm_status store_stick_key_revoke(store *s, const char *id, int64_t now, store_stick_key *which,
                                 vm_err *err);

/* ---- the staff's public keys (sealed exports; base64 text, 44 characters) */

typedef struct store_staff_key {
    char public_key[45];
    char label[STORE_LABEL_MAX];
    int64_t created;
} store_staff_key;

/* Adds a staff public key; `added` (may be NULL) says whether it was new (a known key keeps
 * its label and time). VM_ERR_INVALID for text that is not 44 base64 characters. */
vm_status store_staff_key_add(store *s, const char *public_key, const char *label, int64_t now,
                              bool *added, vm_err *err);
/* Every staff key, oldest first (a malloc'd array). */
vm_status store_staff_keys_list(store *s, store_staff_key **out, size_t *n, vm_err *err);
/* Removes one; VM_ERR_NOT_FOUND when it is not there. */
vm_status store_staff_key_remove(store *s, const char *public_key, vm_err *err);

/* ---- activities */

/* Inserts or replaces (by uid) one activity and its helper tasks; fills a->id and the task
 * ids. Tasks are matched by title so their sign-ups stay attached; a task no longer listed
 * is deleted, or hidden when sign-ups point at it. The activity's queues are rebalanced.
 * VM_ERR_INVALID names the field when a text is too long, not UTF-8, or empty where it may
 * not be (uid, title), or a number is out of range. For demo data and tests; imports use
 * store_import_program. (It has no `now`, so the row's created/updated times stay 0.) */
vm_status store_activity_put(store *s, activity *a, vm_err *err);

/* One activity by uid, with its counts (counts may be NULL). VM_ERR_NOT_FOUND if absent. */
vm_status store_activity_get(store *s, const char *uid, activity *out, activity_counts *counts,
                             vm_err *err);

/* Activities that end after `from` and start before `to`, cancelled ones included, ordered
 * by start then title, with their counts (parallel array; `counts` may be NULL). */
vm_status store_activities_between(store *s, int64_t from, int64_t to, activity **out,
                                   activity_counts **counts, size_t *n, vm_err *err);

/* The same, but at most `max` of them, the first by start (then title and id): the kiosk's
 * window on a program of any size. *more (may be NULL) says whether the window held more.
 * Reads only those rows, their tasks and their sign-ups. */
vm_status store_activities_first(store *s, int64_t from, int64_t to, size_t max,
                                 activity **out, activity_counts **counts, size_t *n,
                                 bool *more, vm_err *err);

/* The same window handed over one activity at a time: `fn` is called for each, in that order,
 * with its index and the window's size `n` (known before the first call), and what it is
 * given is valid only during the call. The window is read in batches of a few dozen whole
 * activities (3.5 KB each), each batch's tasks and counts in two grouped queries, so it never
 * exists as one array of 300: the kiosk's model copies what it keeps. Read in one read
 * transaction (a consistent picture). A status other than VM_OK from `fn` stops the walk and
 * is returned. */
typedef vm_status (*store_activity_fn)(void *ctx, size_t index, size_t n, const activity *a,
                                       const activity_counts *counts, vm_err *err);
vm_status store_activities_first_each(store *s, int64_t from, int64_t to, size_t max,
                                      store_activity_fn fn, void *ctx, bool *more,
                                      vm_err *err);

/* Number of activities stored (all time). */
vm_status store_activity_count(store *s, size_t *n, vm_err *err);

/* The latest end of any stored activity, cancelled ones included; 0 when there is none. */
vm_status store_activity_last_end(store *s, int64_t *out, vm_err *err);

/* When a sign-up last changed (its latest updated time); 0 when there is none. */
vm_status store_signups_last_change(store *s, int64_t *out, vm_err *err);

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
 * changed ones updated (content compared with activity_same_content; an unchanged one is not
 * written at all), activities that start after `now` and are missing from `acts` are marked
 * cancelled (never deleted; past ones are left as they are). Sign-ups are never deleted;
 * queues of changed activities are rebalanced with rules_rebalance. Importing the same list
 * twice changes nothing the second time. All of `acts` is checked before anything is
 * written: an invalid activity or a uid listed twice is VM_ERR_INVALID and nothing changes.
 * `report` (may be NULL) is filled on success, zeroed otherwise. */
vm_status store_import_program(store *s, const activity *acts, size_t n, int64_t now,
                               store_import_report *report, vm_err *err);

/* ---- sign-ups */

/* Adds a sign-up. In: s->id (UUID), activity_uid, task_id (0 = participant), name (cleaned
 * here with utf8_clean_line and cut to SIGNUP_NAME_MAX characters; empty after cleaning, or
 * holding emoji, is VM_ERR_INVALID), adults, children (used only where the activity counts
 * households: 0..HOUSEHOLD_MAX each, at least one head; else 1 adult), wants_company,
 * code_hash, kiosk_id (empty: the kiosk_id fact), created (0: `now`). Out: `*su` is replaced
 * by the sign-up as stored, with status and waiting_position as decided by the rules.
 * Refuses with VM_ERR_REFUSED and a message to show when the activity is cancelled, has
 * started, is past its deadline, takes no sign-ups, or the household is larger than all its
 * places; VM_ERR_NOT_FOUND for an unknown uid or task. The name and household rules are
 * core/rules.h's. `why` (may be NULL) gets the rule that refused (JOIN_REFUSAL_NONE on
 * success and for errors that are no rule's: a bad id, a full disk), so the caller can word
 * the answer without asking again. The same id again (a double tap) is not a second sign-up:
 * it returns the stored one with VM_OK. The sign-up is committed (fsync'd) when this returns
 * VM_OK. */
vm_status store_join(store *s, signup *su, int64_t now, join_refusal *why, vm_err *err);

/* Cancels one sign-up by id and promotes who fits from the waiting list. `promoted` (may be
 * NULL) gets how many were promoted. Cancelling a cancelled sign-up is VM_ERR_REFUSED. */
vm_status store_cancel(store *s, const char *signup_id, int64_t now, int *promoted, vm_err *err);

/* Finds the live sign-ups of `activity_uid` whose name matches `name` (cleaned, then
 * case-folded with utf8_fold_case on both sides) and whose code hash matches `code`
 * (code_matches with the kiosk's `key`), and cancels the first (oldest), promoting who fits.
 * `cancelled` (may be NULL) gets it as stored. VM_ERR_NOT_FOUND when none matches, the same
 * for no such name, a sign-up without a code and a wrong code (and with about the same work:
 * a code hash is computed even when there is nothing to compare), so the answer does not
 * tell whether a name is signed up. Sign-ups made at the estate's other kiosks (nameless
 * here) are matched by their peer verifier (peer_codes, core/code.h): every one of the
 * activity's (at most STORE_PEER_CANDIDATES_MAX) is tried with the name and the code
 * together, and a match is cancelled here by id, which the other kiosks take at their next
 * sync. */
#define STORE_PEER_CANDIDATES_MAX 256
vm_status store_cancel_with_code(store *s, const char *activity_uid, const char *name,
                                 const char *code, const code_key *key, int64_t now,
                                 signup *cancelled, int *promoted, vm_err *err);

/* One sign-up by id, with its waiting position. VM_ERR_NOT_FOUND if absent. */
vm_status store_signup_get(store *s, const char *signup_id, signup *out, vm_err *err);

/* Sign-ups of one activity (uid) or of all (NULL), ordered by activity start, then created,
 * with waiting positions. Cancelled ones included (status says so). VM_ERR_NOT_FOUND for an
 * unknown uid. */
vm_status store_signups_list(store *s, const char *activity_uid, signup **out, size_t *n,
                             vm_err *err);

/* ---- who residents can ask (the staff's kontakter.csv; core/contact.h) */

/* Makes the stored contacts exactly `c` (n <= CONTACTS_MAX, in this order), in one
 * transaction. Every contact is checked first: an empty name, a text over its field's size
 * or not UTF-8 is VM_ERR_INVALID (naming the contact and the field) and nothing changes.
 * The same list again is not written at all; `changed` (may be NULL) says whether it was. */
vm_status store_contacts_replace(store *s, const contact *c, size_t n, bool *changed,
                                 vm_err *err);

/* The stored contacts in their order (a malloc'd array, NULL when there are none). */
vm_status store_contacts_list(store *s, contact **out, size_t *n, vm_err *err);

/* A contact's photo: `w` x `h` pixels (1..CONTACT_PHOTO_MAX), RGB, row by row; rgb NULL =
 * none. */
typedef struct store_photo {
    int w, h;
    uint8_t *rgb;
} store_photo;

/* As store_contacts_replace, with `photos` parallel to `c` (may be NULL: none); a photo of
 * the wrong size is VM_ERR_INVALID and nothing changes. Photos are compared too. */
vm_status store_contacts_replace_photos(store *s, const contact *c, const store_photo *photos,
                                        size_t n, bool *changed, vm_err *err);
/* The photos by the contacts' positions: out[i] for contact i (CONTACTS_MAX slots, rgb NULL
 * where none); free with store_photos_free. */
vm_status store_contact_photos(store *s, store_photo out[CONTACTS_MAX], vm_err *err);
void store_photos_free(store_photo photos[CONTACTS_MAX]);

/* ---- "Sig til, når der sker noget" (core/interest.h): personal data, like sign-ups */

/* Stores what a resident left. In: in->id (UUID), cat, about (the activity's title, 1..159
 * bytes), activity_uid (may be ""), name (cleaned here as store_join cleans it), phone
 * (INTEREST_PHONE_MIN..INTEREST_PHONE_DIGITS digits) and/or flat (1..INTEREST_FLAT_DIGITS
 * digits), at least one of the two; kiosk_id ("" = the kiosk_id fact), created (0 = `now`).
 * VM_ERR_INVALID names what is wrong. The same id again (a double tap) is VM_OK and changes
 * nothing. Out: `*in` as stored. */
vm_status store_interest_add(store *s, interest *in, int64_t now, vm_err *err);

/* Every interest kept, newest first (a malloc'd array, NULL when none). */
vm_status store_interests_list(store *s, interest **out, size_t *n, vm_err *err);

/* Deletes one (the staff screen, behind the PIN); VM_ERR_NOT_FOUND when it is not there. */
vm_status store_interest_delete(store *s, const char *id, vm_err *err);

/* ---- "Hvem kom?": who came (staff, at the activity). Counts for the reports, no names */

/* Who came without signing up, by age group. */
typedef struct store_walkins {
    int children, adults, seniors; /* seniors: 65 and over; each 0..9999 */
} store_walkins;

/* Ticks (or unticks) that sign-up `signup_id` came; a cancelled one is VM_ERR_REFUSED,
 * an unknown one VM_ERR_NOT_FOUND. Decides again, for the calendar month of its activity,
 * which came sign-ups are a person's first visit that month (by the name, case-folded,
 * while the names are there; a name erased by the purge keeps what was decided). */
vm_status store_signup_set_came(store *s, const char *signup_id, bool came, vm_err *err);

/* The walk-ins of activity `uid` (all 0 when none were counted); VM_ERR_NOT_FOUND for an
 * unknown uid. */
vm_status store_walkins_get(store *s, const char *uid, store_walkins *out, vm_err *err);
/* Sets them (each 0..9999, VM_ERR_INVALID otherwise). */
vm_status store_walkins_set(store *s, const char *uid, const store_walkins *w, int64_t now,
                            vm_err *err);

/* What came to one activity, for the statistics. */
typedef struct store_attendance {
    char uid[ACT_UID_MAX];
    int64_t start;           /* UTC, for the month */
    bool cancelled;
    int signed_up_heads;     /* confirmed participants' heads (adults + children where counted) */
    int came_heads;          /* heads of the sign-ups ticked as came */
    int first_heads;         /* ... of them, a first visit that month */
    store_walkins walkins;
} store_attendance;

/* One row per activity (all of them), ordered by start (a malloc'd array). */
vm_status store_attendance_list(store *s, store_attendance **out, size_t *n, vm_err *err);

/* ---- "Hvad savner du?" (core/idea.h): the staff's ideas, votes and short wishes */

/* Makes the stored ideas exactly `ideas` (n <= IDEAS_MAX, in this order, titles distinct),
 * in one transaction; VM_ERR_INVALID names the idea that cannot be stored and nothing
 * changes. The same list again is not written; `changed` (may be NULL) says whether it was.
 * Votes are kept by title, also for ideas no longer listed. */
vm_status store_ideas_replace(store *s, const idea *ideas, size_t n, bool *changed,
                              vm_err *err);
/* The ideas in their order (a malloc'd array, NULL when none). */
vm_status store_ideas_list(store *s, idea **out, size_t *n, vm_err *err);

/* A vote for the idea `title` (one of the stored ideas: VM_ERR_NOT_FOUND otherwise) on the
 * local day of `now`. One vote per idea per day per kiosk: `counted` (may be NULL) is false
 * when the idea had its vote today already (VM_OK all the same). */
vm_status store_idea_vote(store *s, const char *title, int64_t now, bool *counted, vm_err *err);

typedef struct store_idea_count {
    char title[IDEA_TITLE_MAX];
    category cat;        /* CAT_OTHER for an idea no longer listed */
    bool listed;         /* still one of the ideas */
    int votes;           /* days with a vote */
    char last_day[11];   /* "2026-11-24", "" when none */
} store_idea_count;
/* Every idea with votes or listed: the listed ones in their order, then the others by title. */
vm_status store_idea_counts(store *s, store_idea_count **out, size_t *n, vm_err *err);

/* A short wish (cleaned to one line, 1..WISH_MAX characters; VM_ERR_INVALID otherwise). */
vm_status store_wish_add(store *s, const char *text, int64_t now, vm_err *err);
typedef struct store_wish {
    char text[SIGNUP_NAME_BYTES];
    int64_t created;
} store_wish;
/* Every wish kept, oldest first (a malloc'd array). */
vm_status store_wishes_list(store *s, store_wish **out, size_t *n, vm_err *err);

/* ---- maintenance */

/* ---- places shared by the kiosks of one estate (src/sync: pladser.csv)
 *
 * What one kiosk tells the others so they count the same places: each sign-up without
 * name, code or "would like company" (nothing that says who), by its id. */
typedef struct store_share_row {
    char id[SIGNUP_ID_MAX];
    char activity_uid[ACT_UID_MAX];
    char task[TASK_TITLE_MAX];  /* the helper task's title; "" = participant */
    int adults, children;
    bool cancelled;
    int64_t created, updated;   /* UTC seconds */
    char kiosk_id[KIOSK_ID_MAX];/* where it was made */
} store_share_row;

/* Every sign-up (cancelled ones too, this kiosk's and those it learned from others) of the
 * activities that end after `ended_after`, in queue order. *out is malloc'd. */
vm_status store_share_rows(store *s, int64_t ended_after, store_share_row **out, size_t *n,
                           vm_err *err);

typedef struct store_share_report {
    int added;      /* sign-ups made at another kiosk, new here */
    int cancelled;  /* sign-ups cancelled at another kiosk, cancelled here now */
    int unknown;    /* rows for an activity or task this kiosk does not have (yet): left */
    int moved;      /* confirmed here before, on the waiting list now (an overbooking
                       between syncs: the later sign-ups wait) */
    int promoted;   /* waiting here before, a place now */
} store_share_report;

/* Merges other kiosks' rows into this kiosk's sign-ups, in one transaction, by sign-up id:
 * an id not seen before is stored as it is (with no name and no code: "purged", so it
 * counts and is never shown as a person), and a cancellation anywhere cancels it here too
 * (nothing follows a cancellation, so it is always the latest change). The same id twice
 * (several kiosks passing it on) counts once. Then every queue of the activities named is
 * worked out anew from its order alone (created, kiosk id, stored order; core's
 * rules_rebalance from all waiting): kiosks holding the same sign-ups give the same places,
 * the earliest sign-ups keep them and the latest wait; nobody is dropped. Rows for unknown
 * activities or tasks are left (counted). VM_ERR_INVALID, and nothing changed, for a row
 * that breaks the schema's limits. */
vm_status store_share_merge(store *s, const store_share_row *rows, size_t n, int64_t now,
                            store_share_report *rep, vm_err *err);

/* ---- cancel codes across the estate's kiosks (docs/security.md; core/code.h) */

typedef struct store_peer_code {
    char id[SIGNUP_ID_MAX];
    char verifier[SIGNUP_CODE_HASH_MAX];
} store_peer_code;

/* This kiosk's own live sign-ups of the activities that end after `ended_after` that carry
 * a masked peer verifier ("s1$", as stored by store_join), in queue order. *out is
 * malloc'd (NULL when none). */
vm_status store_peer_codes_own(store *s, int64_t ended_after, store_peer_code **out, size_t *n,
                               vm_err *err);

/* Keeps verifiers another kiosk sent, already keyed with this kiosk's key ("k1$"), for
 * sign-ups this kiosk learned from the places (nameless, not cancelled). The first one
 * kept for an id stays; ids unknown here, this kiosk's own and anything not "k1$" are left.
 * One transaction. `kept` (may be NULL) gets how many are new. */
vm_status store_peer_codes_keep(store *s, const store_peer_code *codes, size_t n, int *kept,
                                vm_err *err);

/* Erases names and code hashes (and the peer verifiers) of sign-ups of activities that ended
 * before `before`; counts and statuses stay. Deletes the interests ("Sig til") left before `before`, in the same
 * transaction, and the short wishes ("Hvad savner du?") written before `before`. `erased`
 * (may be NULL) gets how many sign-ups were blanked (those blanked earlier are not counted
 * again) plus how many interests and wishes were deleted. */
vm_status store_purge_personal(store *s, int64_t before, int *erased, vm_err *err);

/* Turns every unkeyed ("p1$") cancel-code hash into the keyed form with the kiosk's `key`
 * (code_upgrade: the codes keep working, but the database alone no longer gives them away),
 * in one transaction. `upgraded` (may be NULL) gets how many; a database without old hashes
 * is not written. The app calls this after every store_open that may write, since the key
 * lives outside the database (see core/code.h). */
vm_status store_upgrade_code_hashes(store *s, const code_key *key, int *upgraded, vm_err *err);

/* Writes a consistent copy of the database to `path` (VACUUM INTO "<path>.tmp", made a
 * single self-contained file in rollback-journal mode, fsync'd, then linked to `path` and
 * the folder fsync'd), so `path` holds a whole copy or nothing. `path` must not exist
 * (VM_ERR_IO otherwise; an existing file is never replaced). */
vm_status store_snapshot(store *s, const char *path, vm_err *err);

/* Runs PRAGMA integrity_check and foreign_key_check; VM_ERR_CORRUPT with the first problem
 * if not clean. */
vm_status store_integrity_check(store *s, vm_err *err);

#endif
