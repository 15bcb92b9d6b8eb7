/* sync_program: the staff's program read from the bytes of a stick file.
 *
 * Three readers turn a file into a list of activities for store_import_program:
 *   sync_read_csv   program.csv as Excel saves it (see docs/stick-format.md),
 *   sync_read_ics   program.ics from Outlook or Google Calendar (libical),
 *   sync_read_bundle  vaermed.db, a Vær med SQLite bundle (checks in store/bundle.h).
 * They are pure: bytes in, activities out, nothing read from disk, the clock or the
 * environment (`now` is passed in), so they can be fuzzed and tested on plain buffers.
 *
 * A reader either accepts the whole file or refuses it: VM_ERR_INVALID with the line and
 * the reason in plain words in `err` (translated through opt->cat), and nothing in `out`.
 * Text is cleaned on the way in (utf8_clean_line / utf8_clean_text); what was cleaned or
 * cut, and columns that were not used, are told in out->notes for the log on the stick.
 *
 * Ownership: sync_program_free releases acts and notes (NULL-safe, leaves it empty).
 */
#ifndef VM_SYNC_PROGRAM_H
#define VM_SYNC_PROGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"
#include "core/i18n.h"

#define SYNC_MAX_FILE_BYTES (4u << 20)    /* program.csv and program.ics */
#define SYNC_MAX_BUNDLE_BYTES (32u << 20) /* vaermed.db */
#define SYNC_MAX_ACTIVITIES 5000          /* per import, occurrences included */
#define SYNC_ICS_DEFAULT_WEEKS 8

typedef struct sync_read_opts {
    const i18n_catalog *cat; /* language of messages and notes; NULL = English */
    int64_t now;             /* UTC; recurrences are expanded from a week before now */
    int weeks;               /* ... to this many weeks after it (0 = 8) */
} sync_read_opts;

typedef struct sync_program {
    activity *acts; /* malloc'd, n entries, each with a unique uid */
    size_t n;
    char *notes;    /* malloc'd lines ("\n"-ended) for the log; may be NULL */
} sync_program;

vm_status sync_read_csv(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err);

/* Every VEVENT becomes an activity; a recurring one becomes one activity per occurrence
 * from a week before `now` to `weeks` after it, with the uid "<UID>@<yyyymmdd>" (the local
 * date of the occurrence as first planned, so a moved occurrence keeps its sign-ups).
 * EXDATE removes occurrences, RDATE adds some, a VEVENT with RECURRENCE-ID replaces one.
 * STATUS:CANCELLED gives a cancelled activity. Times in UTC, floating, Europe/Copenhagen
 * (or another TZID with a VTIMEZONE) are all read as the instants they name. SUMMARY is the
 * title, LOCATION the place, DESCRIPTION the description, CATEGORIES the category and
 * badges; lines in the description like "Pladser: 20" set the CSV fields of the same name.
 * Events ending more than 30 days before `now` are skipped. */
vm_status sync_read_ics(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err);

/* The bundle's activities after the checks of store_bundle_read (store/bundle.h). */
vm_status sync_read_bundle(const char *data, size_t len, const sync_read_opts *opt,
                           sync_program *out, vm_err *err);

void sync_program_free(sync_program *p);

#endif
