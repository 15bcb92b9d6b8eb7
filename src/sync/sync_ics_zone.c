/* program.ics: time zones and the instants times name (see sync_ics_internal.h).
 *
 * Most calendars the kiosk meets are in Copenhagen's clock (Europe/Copenhagen, or
 * Outlook's "Romance Standard Time"): those times are read with core/dktime, and libical's
 * zone code never runs for them. Other zones are read by libical, from the file's own
 * VTIMEZONE or from the system's tz database. libical expands a VTIMEZONE by iterating the
 * recurrence rules of its STANDARD and DAYLIGHT parts from their DTSTART up to the year it
 * needs; a part that repeats every second from 1601 (or never matches) spins there for
 * hours in one call. Real zones change twice a year, by rules of one shape: FREQ=YEARLY in
 * one month, on a weekday counted from the start or end of it (or a few month days). So a
 * VTIMEZONE is handed to libical only when every part has that shape and the changes it
 * makes up to 2200 are few; any other is taken out of the calendar before anything could
 * expand it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "sync/sync_ics_internal.h"
#include "sync/sync_tr.h"

#define ZONE_FIRST_YEAR 1583 /* the first whole Gregorian year; Outlook writes 1601 */
#define ZONE_LAST_YEAR 2205  /* the last year the kiosk reads (2200) and libical's margin */
#define ZONE_MAX_RDATES 1000

const char *ics_prop_tzid(icalproperty *p)
{
    icalparameter *par = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;
    return par ? icalparameter_get_tzid(par) : NULL;
}

/* Zones that keep Copenhagen's clock (CET/CEST, EU rules): read with core/dktime, so the
 * kiosk needs no tz database for the calendars it meets. Windows names from Outlook. */
static bool copenhagen_like(const char *tzid)
{
    static const char *const names[] = {
        "Europe/Copenhagen", "Europe/Berlin", "Europe/Oslo", "Europe/Stockholm",
        "Europe/Amsterdam", "Europe/Brussels", "Europe/Paris", "Europe/Vienna",
        "Europe/Rome", "Europe/Madrid", "Europe/Zurich", "Europe/Prague",
        "Europe/Warsaw", "Europe/Budapest", "Europe/Luxembourg", "CET",
        "Romance Standard Time", "W. Europe Standard Time", "Central Europe Standard Time",
        "Central European Standard Time", "(UTC+01:00)"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strstr(tzid, names[i]))
            return true;
    return false;
}

static int count_by(const short *v, int size)
{
    int n = 0;
    while (n < size && v[n] != ICAL_RECURRENCE_ARRAY_MAX)
        n++;
    return n;
}

/* Changes one STANDARD/DAYLIGHT rule can make up to ZONE_LAST_YEAR; -1 when its shape is
 * not a zone's. */
static long zone_rule_changes(const struct icalrecurrencetype *r, int first_year)
{
    if (r->freq != ICAL_YEARLY_RECURRENCE || ics_rule_shape(r) != ICS_RULE_OK)
        return -1;
    if (count_by(r->by_year_day, ICAL_BY_YEARDAY_SIZE) ||
        count_by(r->by_week_no, ICAL_BY_WEEKNO_SIZE) ||
        count_by(r->by_set_pos, ICAL_BY_SETPOS_SIZE))
        return -1;
    int nmon = count_by(r->by_month, ICAL_BY_MONTH_SIZE);
    int nday = count_by(r->by_day, ICAL_BY_DAY_SIZE);
    int nmd = count_by(r->by_month_day, ICAL_BY_MONTHDAY_SIZE);
    long per_month = nmd ? nmd : nday ? 5L * nday : 1;
    if (nmd && nday && 5L * nday < per_month)
        per_month = 5L * nday;
    long per_year = (nmon ? nmon : (nday || nmd) ? 12 : 1) * per_month;
    int last = ZONE_LAST_YEAR;
    if (!icaltime_is_null_time(r->until) && r->until.year < last)
        last = r->until.year;
    long years = last >= first_year ? (last - first_year) / (r->interval > 0 ? r->interval : 1) + 1
                                    : 1;
    long n = years * per_year;
    if (r->count > 0 && r->count < n)
        n = r->count;
    return n;
}

/* True when libical may expand this VTIMEZONE: every part a zone's shape, few changes. */
static bool zone_bounded(icalcomponent *z)
{
    long changes = 0;
    int parts = 0;
    for (icalcomponent *part = icalcomponent_get_first_component(z, ICAL_ANY_COMPONENT); part;
         part = icalcomponent_get_next_component(z, ICAL_ANY_COMPONENT)) {
        icalcomponent_kind k = icalcomponent_isa(part);
        if (k != ICAL_XSTANDARD_COMPONENT && k != ICAL_XDAYLIGHT_COMPONENT)
            continue;
        if (++parts > SYNC_ICS_MAX_ZONE_PARTS)
            return false;
        int first_year = -1, rdates = 0;
        /* DTSTART first: the rules count from it. */
        icalproperty *ds = icalcomponent_get_first_property(part, ICAL_DTSTART_PROPERTY);
        if (ds) {
            struct icaltimetype t = icalproperty_get_dtstart(ds);
            first_year = t.year;
        }
        if (first_year < ZONE_FIRST_YEAR || first_year > ZONE_LAST_YEAR)
            return false;
        for (icalproperty *p = icalcomponent_get_first_property(part, ICAL_ANY_PROPERTY); p;
             p = icalcomponent_get_next_property(part, ICAL_ANY_PROPERTY)) {
            icalproperty_kind pk = icalproperty_isa(p);
            if (pk == ICAL_RRULE_PROPERTY) {
                struct icalrecurrencetype r = icalproperty_get_rrule(p);
                long n = zone_rule_changes(&r, first_year);
                if (n < 0)
                    return false;
                changes += n;
            } else if (pk == ICAL_RDATE_PROPERTY) {
                if (++rdates > ZONE_MAX_RDATES)
                    return false;
                changes++;
            }
            if (changes > SYNC_ICS_MAX_ZONE_CHANGES)
                return false;
        }
    }
    return true;
}

void ics_zone_check(ics_ctx *c, icalcomponent *cal, const ics_scan *scan)
{
    icalcomponent *bad[SYNC_ICS_MAX_ZONES];
    size_t n_bad = 0;
    for (icalcomponent *z = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
         z; z = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
        ics_step(c, 1);
        if (zone_bounded(z) || n_bad == SYNC_ICS_MAX_ZONES)
            continue;
        bad[n_bad++] = z;
    }
    for (size_t i = 0; i < n_bad; i++) {
        icalproperty *p = icalcomponent_get_first_property(bad[i], ICAL_TZID_PROPERTY);
        const char *tzid = p ? icalproperty_get_tzid(p) : NULL;
        char name[64];
        snprintf(name, sizeof name, "%s", tzid ? tzid : "?");
        int line = ics_scan_zone_line(scan, tzid);
        bool known = tzid && (copenhagen_like(tzid) || icaltimezone_get_builtin_timezone(tzid));
        if (known)
            ics_note(c, "line %d: the time zone \"%s\" has rules the kiosk does not follow; "
                        "its times are read by the zone's own name",
                     line, name);
        else
            ics_note(c, "line %d: the time zone \"%s\" has rules the kiosk does not follow; "
                        "its times are read as Danish time",
                     line, name);
        icalcomponent_remove_component(cal, bad[i]);
        icalcomponent_free(bad[i]);
    }
}

ics_frame ics_frame_of(ics_ctx *c, icalcomponent *cal, struct icaltimetype t, const char *tzid)
{
    ics_frame fr = {ICS_FRAME_DK, NULL, t.is_date != 0};
    if (t.is_date)
        return fr;
    if (icaltime_is_utc(t)) {
        fr.kind = ICS_FRAME_UTC;
        return fr;
    }
    if (!tzid || !*tzid || copenhagen_like(tzid))
        return fr;
    icaltimezone *zone = cal ? icalcomponent_get_timezone(cal, tzid) : NULL;
    if (!zone)
        zone = icaltimezone_get_builtin_timezone(tzid);
    if (!zone) { /* an unknown zone: the kiosk's own clock is the best guess */
        if (!c->unknown_zone++)
            snprintf(c->unknown_zone_name, sizeof c->unknown_zone_name, "%s", tzid);
        return fr;
    }
    if (zone == icaltimezone_get_utc_timezone()) {
        fr.kind = ICS_FRAME_UTC;
        return fr;
    }
    fr.kind = ICS_FRAME_ZONE;
    fr.zone = zone;
    return fr;
}

bool ics_frame_to_utc(const ics_frame *fr, struct icaltimetype t, int64_t *out)
{
    if (icaltime_is_null_time(t))
        return false;
    if (t.year < 1970 || t.year > 2200 || t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > dktime_days_in_month(t.year, t.month))
        return false;
    if (fr->date || t.is_date)
        return dktime_from_local(t.year, t.month, t.day, 0, 0, out);
    if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
        t.second > 60)
        return false;
    switch (fr->kind) {
    case ICS_FRAME_UTC:
        *out = dktime_utc_from_civil(t.year, t.month, t.day, t.hour, t.minute, 0);
        return true;
    case ICS_FRAME_ZONE:
        t.zone = NULL;
        t.second = 0;
        *out = (int64_t)icaltime_as_timet_with_zone(t, fr->zone);
        return true;
    case ICS_FRAME_DK:
        break;
    }
    return dktime_from_local(t.year, t.month, t.day, t.hour, t.minute, out);
}

struct icaltimetype ics_frame_from_utc(const ics_frame *fr, int64_t utc)
{
    struct icaltimetype t = icaltime_null_time();
    if (fr->kind == ICS_FRAME_ZONE && !fr->date) {
        t = icaltime_from_timet_with_zone((time_t)utc, 0, fr->zone);
        t.zone = NULL;
        return t;
    }
    if (fr->kind == ICS_FRAME_UTC && !fr->date) {
        dktime_utc_civil(utc, &t.year, &t.month, &t.day, &t.hour, &t.minute, &t.second);
    } else {
        dk_tm tm = dktime_local(utc);
        t.year = tm.year;
        t.month = tm.month;
        t.day = tm.day;
        t.hour = tm.hour;
        t.minute = tm.minute;
        t.second = tm.second;
    }
    if (fr->date) {
        t.hour = t.minute = t.second = 0;
        t.is_date = 1;
    }
    return t;
}

bool ics_time_to_utc(ics_ctx *c, icalcomponent *cal, struct icaltimetype t, const char *tzid,
                     int64_t *out)
{
    ics_frame fr = ics_frame_of(c, cal, t, tzid);
    return ics_frame_to_utc(&fr, t, out);
}
