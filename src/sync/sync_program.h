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
 * the reason in plain words in `err` (translated through opt->cat), and nothing in `out`
 * but out->cut_off, which says that the file looks cut off (sync.c then says so plainly).
 * Text is cleaned on the way in (utf8_clean_line / utf8_clean_text); what was cleaned or
 * cut, and columns that were not used, are told in out->notes for the log on the stick.
 *
 * Ownership: sync_program_free releases acts and notes (NULL-safe, leaves it empty).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_PROGRAM_H
#define VM_SYNC_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"
#include "core/i18n.h"

#define SYNC_MAX_FILE_BYTES (4u << 20)    /* program.csv and program.ics */
#define SYNC_MAX_BUNDLE_BYTES (32u << 20) /* vaermed.db */
#define SYNC_MAX_ACTIVITIES 5000          /* per import, occurrences included */
#define SYNC_ICS_DEFAULT_WEEKS 8
#define SYNC_READ_MAX_MS 20000            /* wall time for reading one file */

/* Bounds on the work of reading a calendar, so that no file, however it is written, can
 * keep the kiosk busy for long (sync_ics.c says why each is where it is). A file over a
 * bound of the whole file is refused; an event over its own bound is left out, with a
 * line in the notes, and the rest is read. */
#define SYNC_ICS_MAX_LINES 100000         /* content lines, after unfolding */
#define SYNC_ICS_MAX_EVENTS (4 * SYNC_MAX_ACTIVITIES)
#define SYNC_ICS_MAX_ZONES 50             /* VTIMEZONE components */
#define SYNC_ICS_MAX_ZONE_PARTS 64        /* STANDARD/DAYLIGHT parts of one zone */
#define SYNC_ICS_MAX_ZONE_CHANGES 20000   /* changes one zone can make up to 2200 */
#define SYNC_ICS_MAX_EVENT_STEPS 20000    /* recurrence steps for one event */
#define SYNC_ICS_MAX_STEPS 400000         /* recurrence steps for the whole file */
#define SYNC_ICS_MAX_SUBDAILY 24          /* occurrences of a rule repeating within a day */
#define SYNC_ICS_MIN_SUBDAILY_STEP (15 * 60) /* seconds between them, at least */

typedef struct sync_read_opts {
    const i18n_catalog *cat; /* language of messages and notes; NULL = English */
    int64_t now;             /* UTC; recurrences are expanded from a week before now */
    int weeks;               /* ... to this many weeks after it (0 = 8) */
    /* Optional: a monotonic clock in milliseconds for the wall-time bound (NULL: the work
     * bounds only), the bound (0: SYNC_READ_MAX_MS), and a function called now and then
     * while reading with how much is done (0..1), so the app can show progress and ping
     * its watchdog (see sync_work.h). */
    int64_t (*clock_ms)(void);
    int64_t max_ms;
    void (*alive)(void *user, double done);
    void *user;
} sync_read_opts;

typedef struct sync_program {
    activity *acts; /* malloc'd, n entries, each with a unique uid */
    size_t n;
    char *notes;    /* malloc'd lines ("\n"-ended) for the log; may be NULL */
    bool cut_off;   /* also set on a refusal: the file ends in the middle of a row, a quoted
                     * cell or a calendar component, as a file does when the stick was
                     * pulled while staff's PC wrote it (the message in `err` says where) */
} sync_program;

vm_status sync_read_csv(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err);

/* Every VEVENT becomes an activity; a recurring one becomes one activity per occurrence
 * from a week before `now` to `weeks` after it, with the uid "<UID>@<yyyymmdd>" (the local
 * date of the occurrence as first planned, so a moved occurrence keeps its sign-ups).
 * EXDATE removes occurrences, RDATE adds some, a VEVENT with RECURRENCE-ID replaces one
 * (in an all-day series, the one of that day, whatever zone the RECURRENCE-ID is written
 * in). UNTIL includes an occurrence at exactly UNTIL, also when UNTIL is in UTC and the
 * series in local time. A rule repeating within a day (HOURLY, MINUTELY, SECONDLY) gives at
 * most SYNC_ICS_MAX_SUBDAILY occurrences at least SYNC_ICS_MIN_SUBDAILY_STEP apart; one
 * that cannot is left out with a note. STATUS:CANCELLED gives a cancelled activity. Times
 * in UTC, floating, Europe/Copenhagen (or another TZID with a VTIMEZONE) are all read as the
 * instants they name; a DATE (with or without VALUE=DATE) is a whole day. SUMMARY is the
 * title, LOCATION the place, DESCRIPTION the description, CATEGORIES the category and
 * badges; lines in the description like "Pladser: 20" set the CSV fields of the same name.
 * Events ending more than 30 days before `now` are skipped. A file that is not a whole
 * calendar (a line that is no property, BEGIN and END that do not match, a date that
 * cannot be read) is refused with its line number; one over the SYNC_ICS_ bounds, or
 * reading longer than opt->max_ms, is refused (VM_ERR_REFUSED). */
vm_status sync_read_ics(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err);

/* The bundle's activities after the checks of store_bundle_read (store/bundle.h). */
vm_status sync_read_bundle(const char *data, size_t len, const sync_read_opts *opt,
                           sync_program *out, vm_err *err);

void sync_program_free(sync_program *p);

#endif
