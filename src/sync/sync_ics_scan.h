/* sync_ics_scan: a first look at program.ics as text, before libical parses it (internal
 * to src/sync, used by sync_ics.c).
 *
 * libical reads almost anything: a cut-off file, a line that is no property, a date it
 * cannot read all become X-LIC-ERROR properties or vanish, and an event is then silently
 * missing (and the import would cancel it on the kiosk). It has no line numbers either. So
 * the text is checked here first, line by line, and a file that is not a whole calendar is
 * refused with the line and what is wrong, in plain words:
 *   - every content line (after unfolding) is NAME[;PARAM=...]:VALUE;
 *   - BEGIN and END match and nest (at most 8 deep), VEVENT only at the top or in a
 *     VCALENDAR, nothing outside a component, and the file does not end inside one (then
 *     it is cut off: out->cut_off is set, and the message names the component even when
 *     its last line, cut in the middle, is no longer a line that can be read);
 *   - DTSTART, DTEND, DUE, RECURRENCE-ID, EXDATE and RDATE hold dates or date-times that
 *     exist (20261201, 20261201T180000, ...Z), and an RRULE names a known FREQ and a
 *     readable UNTIL, COUNT and INTERVAL;
 *   - the file holds at most SYNC_ICS_MAX_LINES lines, SYNC_ICS_MAX_EVENTS events and
 *     SYNC_ICS_MAX_ZONES time zones (VM_ERR_REFUSED), so libical's tree stays small.
 * It also notes where each VEVENT and VTIMEZONE begins, so later messages can name lines
 * (libical keeps the events in file order, but not the zones: they are found by TZID).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_ICS_SCAN_H
#define VM_SYNC_ICS_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "core/i18n.h"
#include "sync/sync_work.h"

typedef struct ics_scan {
    long lines;        /* physical lines */
    int *event_lines;  /* the line of each BEGIN:VEVENT, in file order (malloc'd) */
    size_t n_events;
    struct ics_scan_zone {
        int line;      /* of its BEGIN:VTIMEZONE */
        char tzid[64]; /* its TZID, cut to fit */
    } *zones;          /* in file order (malloc'd) */
    size_t n_zones;
    bool cut_off;      /* refused because the file ends inside a component (kept by
                        * ics_scan_free) */
} ics_scan;

/* Checks `text` (NUL-terminated UTF-8). VM_OK with *out filled (free with ics_scan_free),
 * VM_ERR_INVALID with "line N: ..." for a file that is not a whole calendar,
 * VM_ERR_REFUSED for one over a bound or that took too long (`w`). */
vm_status ics_scan_text(const char *text, size_t len, sync_work *w, const i18n_catalog *cat,
                        ics_scan *out, vm_err *err);

void ics_scan_free(ics_scan *s);

/* The line of the VTIMEZONE with this TZID, 0 when none. */
int ics_scan_zone_line(const ics_scan *s, const char *tzid);

#endif
