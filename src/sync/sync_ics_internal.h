/* sync_ics_internal: what the parts of the program.ics reader share (internal to
 * src/sync/sync_ics*.c).
 *
 * The reader is in four parts: sync_ics_scan.c looks at the text before libical does,
 * sync_ics_zone.c decides which VTIMEZONEs libical may expand and converts times,
 * sync_ics_rule.c turns recurrence rules into start times within the work bounds, and
 * sync_ics.c reads the events and makes activities of them.
 *
 * One rule holds everywhere: libical is never asked to do work we cannot bound. Its
 * recurrence iterator loops inside a single call until it finds an occurrence (up to the
 * year 2582, or 20000 when it starts), and its time zone code expands a VTIMEZONE's rules
 * from their DTSTART to the year asked for; a hostile rule turns either into minutes or
 * hours of work in one call we cannot interrupt. So rules are checked for a shape libical
 * handles in bounded time before it sees them (ics_rule_shape, ics_zone_check), the end of
 * every iteration is clamped to the window the kiosk shows, and every step is counted
 * (sync_work).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_ICS_INTERNAL_H
#define VM_SYNC_ICS_INTERNAL_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"
#include "core/i18n.h"
#include "sync/sync_buf.h"
#include "sync/sync_fields.h"
#include "sync/sync_ics_scan.h"
#include "sync/sync_work.h"

#define ICS_DAY (24 * 3600)

/* A growable list of properties of one kind. */
typedef struct ics_props {
    icalproperty **v;
    size_t n, cap;
} ics_props;

/* The properties of one VEVENT, gathered in one pass over it. Nothing else walks an
 * event's properties: libical keeps one iterator per component, and a getter such as
 * icalcomponent_get_summary() called inside a loop over the RRULEs moves that iterator
 * back to the SUMMARY, so the loop never ends (a SUMMARY before the RRULE made the kiosk
 * loop forever). */
typedef struct ics_event {
    icalcomponent *comp;
    icalcomponent *cal; /* the VCALENDAR whose VTIMEZONEs its TZIDs name (may be NULL) */
    int line;           /* of its BEGIN:VEVENT; 0 when unknown */
    icalproperty *uid, *dtstart, *dtend, *duration, *rid, *summary, *location, *organizer,
        *description, *url, *status;
    ics_props rrules, rdates, exdates, categories;
} ics_event;

/* How the times of an event are written, so that a rule's times can be turned into
 * instants and back: in UTC, in Copenhagen's clock (floating times, Copenhagen-like zones,
 * unknown zones), or in a VTIMEZONE that passed ics_zone_check. `date` for all-day. */
typedef enum ics_frame_kind { ICS_FRAME_UTC, ICS_FRAME_DK, ICS_FRAME_ZONE } ics_frame_kind;
typedef struct ics_frame {
    ics_frame_kind kind;
    icaltimezone *zone;
    bool date;
} ics_frame;

typedef struct ics_ctx {
    const i18n_catalog *cat;
    sync_work work;
    int64_t from, to;      /* the window for recurrences */
    int64_t keep_after;    /* single events ending before this are skipped */
    long steps;            /* recurrence steps of the whole file */
    bool too_much;         /* SYNC_ICS_MAX_STEPS was passed: the file is refused */
    size_t events_done, n_events;
    activity *acts;
    size_t n, cap;
    bool *is_occurrence;   /* parallel to acts: uid carries an @yyyymmdd suffix */
    sync_buf *notes;
    sync_notes fnotes;
    long skipped_old, cut;
    long unknown_zone;     /* times in a zone neither known nor given: read as Danish */
    char unknown_zone_name[64];
} ics_ctx;

/* Adds a line to the notes (printf-style, the format translated). */
void ics_note(ics_ctx *c, const char *msgid, ...) __attribute__((format(printf, 2, 3)));

/* "the event "Banko" (line 12)" for messages. */
void ics_event_where(ics_ctx *c, const ics_event *ev, char *out, size_t size);

/* Work for the bound: counts `units` and tells the progress; false when the file is over
 * its wall-time bound. */
bool ics_step(ics_ctx *c, long units);

/* ---- zones and times (sync_ics_zone.c) */

/* Checks every VTIMEZONE of `cal`: one whose rules libical could not expand in bounded
 * time is taken out of the calendar (and freed), with a note naming its line (from
 * `scan`); times in it are then read as a known zone of that name or as Danish time. */
void ics_zone_check(ics_ctx *c, icalcomponent *cal, const ics_scan *scan);

/* The frame of a time written as `t` with the TZID `tzid` (may be NULL) in `cal`. */
ics_frame ics_frame_of(ics_ctx *c, icalcomponent *cal, struct icaltimetype t,
                       const char *tzid);

/* The instant of `t` read in `fr` (t's own zone field is ignored); false when it is not a
 * time the kiosk can show (before 1970, after 2200, not a date that exists). A date is
 * local midnight in Copenhagen. */
bool ics_frame_to_utc(const ics_frame *fr, struct icaltimetype t, int64_t *out);

/* The time in `fr` (floating: no zone attached) of the instant `utc`; a date in a date
 * frame. */
struct icaltimetype ics_frame_from_utc(const ics_frame *fr, int64_t utc);

/* ics_frame_to_utc(ics_frame_of(...)). */
bool ics_time_to_utc(ics_ctx *c, icalcomponent *cal, struct icaltimetype t, const char *tzid,
                     int64_t *out);

/* The TZID parameter of a property, or NULL. */
const char *ics_prop_tzid(icalproperty *p);

/* ---- recurrence rules (sync_ics_rule.c) */

typedef enum ics_rule_verdict {
    ICS_RULE_OK,        /* libical expands it in bounded time */
    ICS_RULE_SUBDAILY,  /* repeats within a day: expanded here, or the event is left out */
    ICS_RULE_UNBOUNDED  /* a shape libical might spin on: the event is left out */
} ics_rule_verdict;

ics_rule_verdict ics_rule_shape(const struct icalrecurrencetype *r);

/* Start instants, growable. */
typedef struct ics_starts {
    int64_t *v;
    size_t n, cap;
} ics_starts;

bool ics_starts_add(ics_starts *s, int64_t t);

/* Adds the starts of one RRULE of `ev` (its DTSTART `dtstart` in frame `fr`, first start
 * `start`, `length` seconds long) that fall in the window. VM_OK with *left_out set when
 * the event cannot be expanded within its bounds (a note says why); VM_ERR_REFUSED when the
 * file is over its bounds; VM_ERR_NOMEM. */
vm_status ics_expand_rule(ics_ctx *c, const ics_event *ev, const ics_frame *fr,
                          struct icaltimetype dtstart, int64_t start, int64_t length,
                          struct icalrecurrencetype rule, ics_starts *out, bool *left_out,
                          vm_err *err);

#endif
