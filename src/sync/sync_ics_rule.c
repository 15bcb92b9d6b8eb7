/* program.ics: recurrence rules to start times, within bounds (see sync_ics_internal.h).
 *
 * libical's iterator (icalrecur_iterator) is good at the rules calendar programs write, but
 * two of its loops run inside one call and cannot be interrupted: creating an iterator for
 * a MONTHLY or YEARLY rule searches up to the year 20000 for a first month or year that has
 * an occurrence, and each step searches up to the year 2582 for the next one. A rule that
 * never matches (BYMONTH=2;BYMONTHDAY=31, BYSETPOS=10 of one day a month) keeps it there
 * for seconds; a SECONDLY rule with a filter for years. So:
 *   - ics_rule_shape admits only shapes for which a first match is near: the BY parts of
 *     DAILY and WEEKLY rules only filter (each step is cut short by UNTIL, below), and for
 *     MONTHLY and YEARLY every combination is checked to exist within a few years;
 *   - UNTIL is clamped to the end of the window the kiosk shows, so no step looks further;
 *   - rules that repeat within a day never reach libical: they are expanded here by
 *     arithmetic, as far as is sensible for a kiosk (SYNC_ICS_MAX_SUBDAILY occurrences at
 *     least SYNC_ICS_MIN_SUBDAILY_STEP apart), or the event is left out with a note;
 *   - every step counts against the event's bound and the file's (sync_program.h).
 * UNTIL is also put in the frame of DTSTART first: RFC 5545 makes it inclusive, and
 * Outlook, Exchange and Thunderbird write it in UTC for a series in local time, which
 * libical compares field by field, so the last occurrence was lost.
 */
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "sync/sync_ics_internal.h"
#include "sync/sync_program.h"
#include "sync/sync_tr.h"

static int count_by(const short *v, int size)
{
    int n = 0;
    while (n < size && v[n] != ICAL_RECURRENCE_ARRAY_MAX)
        n++;
    return n;
}

bool ics_starts_add(ics_starts *s, int64_t t)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 32;
        int64_t *nv = realloc(s->v, nc * sizeof *nv);
        if (!nv)
            return false;
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n++] = t;
    return true;
}

/* The longest month among the rule's BYMONTH (all months when none): a month day beyond
 * it never exists. February counts 29 days. */
static int longest_month(const struct icalrecurrencetype *r, int nmon)
{
    if (!nmon)
        return 31;
    int best = 0;
    for (int i = 0; i < nmon; i++) {
        int m = icalrecurrencetype_month_month(r->by_month[i]);
        if (m < 1 || m > 12)
            return -1;
        int d = m == 2 ? 29 : dktime_days_in_month(2001, m);
        if (d > best)
            best = d;
    }
    return best;
}

ics_rule_verdict ics_rule_shape(const struct icalrecurrencetype *r)
{
    int nsec = count_by(r->by_second, ICAL_BY_SECOND_SIZE);
    int nmin = count_by(r->by_minute, ICAL_BY_MINUTE_SIZE);
    int nhour = count_by(r->by_hour, ICAL_BY_HOUR_SIZE);
    int nday = count_by(r->by_day, ICAL_BY_DAY_SIZE);
    int nmd = count_by(r->by_month_day, ICAL_BY_MONTHDAY_SIZE);
    int nyd = count_by(r->by_year_day, ICAL_BY_YEARDAY_SIZE);
    int nwk = count_by(r->by_week_no, ICAL_BY_WEEKNO_SIZE);
    int nmon = count_by(r->by_month, ICAL_BY_MONTH_SIZE);
    int npos = count_by(r->by_set_pos, ICAL_BY_SETPOS_SIZE);
    if ((r->rscale && *r->rscale) || r->interval < 1 || r->interval > 1000)
        return ICS_RULE_UNBOUNDED;
    switch (r->freq) {
    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
        return ICS_RULE_SUBDAILY;
    case ICAL_DAILY_RECURRENCE:
    case ICAL_WEEKLY_RECURRENCE:
    case ICAL_MONTHLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
        break;
    default:
        return ICS_RULE_UNBOUNDED;
    }
    /* Several times of day make it a rule that repeats within a day. */
    if (nsec > 1 || nmin > 1 || nhour > 1)
        return ICS_RULE_SUBDAILY;
    int longest = longest_month(r, nmon);
    if (longest < 0)
        return ICS_RULE_UNBOUNDED;
    bool ordinals = false;
    for (int i = 0; i < nday; i++) {
        int pos = icalrecurrencetype_day_position(r->by_day[i]);
        if (pos)
            ordinals = true;
        if (pos < -53 || pos > 53)
            return ICS_RULE_UNBOUNDED;
    }
    if (r->freq == ICAL_DAILY_RECURRENCE || r->freq == ICAL_WEEKLY_RECURRENCE) {
        /* Their BY parts only filter, and each step ends at the clamped UNTIL. */
        if (ordinals || npos)
            return ICS_RULE_UNBOUNDED;
        if (r->freq == ICAL_WEEKLY_RECURRENCE && (nmd || nyd || nwk))
            return ICS_RULE_UNBOUNDED;
        return ICS_RULE_OK;
    }
    /* MONTHLY and YEARLY: the first match must exist within a few years. */
    if (nwk || (nyd && (r->freq != ICAL_YEARLY_RECURRENCE || nmd || nday || nmon || npos)))
        return ICS_RULE_UNBOUNDED;
    for (int i = 0; i < nmd; i++) {
        int md = r->by_month_day[i];
        if (md == 0 || md > 31 || md < -31)
            return ICS_RULE_UNBOUNDED;
    }
    if (nmd) {
        bool any = false;
        for (int i = 0; i < nmd; i++)
            any |= abs(r->by_month_day[i]) <= longest;
        if (!any)
            return ICS_RULE_UNBOUNDED;
        /* "The 2nd Sunday that is the 15th" never is: no counted weekdays with days. */
        if (ordinals)
            return ICS_RULE_UNBOUNDED;
    }
    /* A counted weekday within a month: at most the 5th; within a year: the 53rd. */
    bool in_month = r->freq == ICAL_MONTHLY_RECURRENCE || nmon;
    for (int i = 0; i < nday; i++) {
        int pos = abs(icalrecurrencetype_day_position(r->by_day[i]));
        if (pos > (in_month ? 5 : 53))
            return ICS_RULE_UNBOUNDED;
    }
    if (npos) {
        /* BYSETPOS picks among the candidates of one month or year: only weekdays, which
         * every month holds at least four times each ("the last weekday of the month"). */
        if (!nday || ordinals || nmd || nyd)
            return ICS_RULE_UNBOUNDED;
        int months = r->freq == ICAL_MONTHLY_RECURRENCE ? 1 : nmon ? nmon : 12;
        long candidates = 4L * nday * months;
        for (int i = 0; i < npos; i++) {
            int p = r->by_set_pos[i];
            if (p == 0 || abs(p) > candidates)
                return ICS_RULE_UNBOUNDED;
        }
    }
    return ICS_RULE_OK;
}

/* The step of a rule that repeats within a day, in seconds; 0 when it has filters (which
 * would make the arithmetic below wrong) or is not such a rule. */
static int64_t subdaily_step(const struct icalrecurrencetype *r)
{
    int64_t unit = r->freq == ICAL_SECONDLY_RECURRENCE   ? 1
                   : r->freq == ICAL_MINUTELY_RECURRENCE ? 60
                   : r->freq == ICAL_HOURLY_RECURRENCE   ? 3600
                                                         : 0;
    if (!unit || r->interval < 1 || (r->rscale && *r->rscale))
        return 0;
    if (count_by(r->by_second, ICAL_BY_SECOND_SIZE) || count_by(r->by_minute, ICAL_BY_MINUTE_SIZE) ||
        count_by(r->by_hour, ICAL_BY_HOUR_SIZE) || count_by(r->by_day, ICAL_BY_DAY_SIZE) ||
        count_by(r->by_month_day, ICAL_BY_MONTHDAY_SIZE) ||
        count_by(r->by_year_day, ICAL_BY_YEARDAY_SIZE) ||
        count_by(r->by_week_no, ICAL_BY_WEEKNO_SIZE) ||
        count_by(r->by_month, ICAL_BY_MONTH_SIZE) ||
        count_by(r->by_set_pos, ICAL_BY_SETPOS_SIZE))
        return 0;
    return unit * r->interval;
}

/* UNTIL in the frame of DTSTART (a floating time, or a date for an all-day series), so
 * libical's field-by-field comparison includes an occurrence at exactly UNTIL. */
static bool until_in_frame(ics_ctx *c, const ics_event *ev, const ics_frame *fr,
                           struct icaltimetype until, struct icaltimetype *out)
{
    (void)c;
    (void)ev;
    if (until.is_date && !fr->date) {
        /* A date ends a timed series at the end of that day (Google writes this). */
        until.is_date = 0;
        until.hour = 23;
        until.minute = 59;
        until.second = 59;
        until.zone = NULL;
        *out = until;
        return true;
    }
    if (icaltime_is_utc(until) && fr->kind != ICS_FRAME_UTC) {
        int64_t t;
        ics_frame utc = {ICS_FRAME_UTC, NULL, false};
        if (!ics_frame_to_utc(&utc, until, &t))
            return false;
        until.second = 0;
        *out = ics_frame_from_utc(fr, t);
        if (!fr->date)
            out->second = 59; /* the seconds of the series' times are not read either */
        return true;
    }
    until.zone = NULL;
    if (fr->date && !until.is_date) {
        until.is_date = 1;
        until.hour = until.minute = until.second = 0;
    }
    *out = until;
    return true;
}

static bool count_step(ics_ctx *c, long *event_steps)
{
    (*event_steps)++;
    if (++c->steps > SYNC_ICS_MAX_STEPS) {
        c->too_much = true;
        return false;
    }
    return ics_step(c, 1);
}

static vm_status refuse_file(ics_ctx *c, vm_err *err)
{
    if (c->work.over)
        return sync_work_refuse(&c->work, "program.ics", err);
    return sync_err(err, VM_ERR_REFUSED, c->cat,
                    "the calendar's repeat rules take too much work (more than %d steps); "
                    "shorten the series or export fewer events",
                    SYNC_ICS_MAX_STEPS);
}

/* A rule repeating within a day, by arithmetic on instants. */
static vm_status expand_subdaily(ics_ctx *c, const ics_event *ev, const ics_frame *fr,
                                 int64_t start, int64_t length,
                                 const struct icalrecurrencetype *r, ics_starts *out,
                                 bool *left_out, vm_err *err)
{
    char where[200];
    int64_t step = subdaily_step(r);
    if (!step || step < SYNC_ICS_MIN_SUBDAILY_STEP) {
        ics_event_where(c, ev, where, sizeof where);
        ics_note(c, "%s repeats more often than every %d minutes and was left out", where,
                 SYNC_ICS_MIN_SUBDAILY_STEP / 60);
        *left_out = true;
        return VM_OK;
    }
    int64_t until = INT64_MAX;
    if (!icaltime_is_null_time(r->until)) {
        ics_frame uf = *fr;
        if (icaltime_is_utc(r->until))
            uf.kind = ICS_FRAME_UTC, uf.date = false;
        if (!ics_frame_to_utc(&uf, r->until, &until)) {
            ics_event_where(c, ev, where, sizeof where);
            ics_note(c, "%s has a repeat rule whose end cannot be read; it was left out",
                     where);
            *left_out = true;
            return VM_OK;
        }
    }
    int64_t last_k = r->count > 0 ? (int64_t)r->count - 1 : INT64_MAX;
    /* The first occurrence that has not ended before the window. */
    int64_t k = 0;
    if (start + length < c->from)
        k = (c->from - length - start + step - 1) / step;
    int taken = 0;
    bool more = false;
    for (; k <= last_k; k++) {
        int64_t t = start + k * step;
        if (t > c->to || t > until)
            break;
        if (taken == SYNC_ICS_MAX_SUBDAILY) {
            more = true;
            break;
        }
        if (!ics_starts_add(out, t))
            return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
        taken++;
        if (!ics_step(c, 1))
            return refuse_file(c, err);
    }
    if (more) {
        ics_event_where(c, ev, where, sizeof where);
        ics_note(c, "%s repeats within a day; only its first %d times were taken", where,
                 SYNC_ICS_MAX_SUBDAILY);
    }
    return VM_OK;
}

vm_status ics_expand_rule(ics_ctx *c, const ics_event *ev, const ics_frame *fr,
                          struct icaltimetype dtstart, int64_t start, int64_t length,
                          struct icalrecurrencetype rule, ics_starts *out, bool *left_out,
                          vm_err *err)
{
    char where[200];
    *left_out = false;
    switch (ics_rule_shape(&rule)) {
    case ICS_RULE_SUBDAILY:
        if (subdaily_step(&rule))
            return expand_subdaily(c, ev, fr, start, length, &rule, out, left_out, err);
        ics_event_where(c, ev, where, sizeof where);
        ics_note(c, "%s repeats several times a day by a rule the kiosk does not follow; it "
                    "was left out",
                 where);
        *left_out = true;
        return VM_OK;
    case ICS_RULE_UNBOUNDED:
        ics_event_where(c, ev, where, sizeof where);
        ics_note(c, "%s has a repeat rule the kiosk cannot follow; it was left out", where);
        *left_out = true;
        return VM_OK;
    case ICS_RULE_OK:
        break;
    }
    /* The iterator works on floating times in the frame of DTSTART: libical converts no
     * zone during iteration (see sync_ics_zone.c). */
    dtstart.zone = NULL;
    struct icaltimetype end = ics_frame_from_utc(fr, c->to + ICS_DAY);
    if (!icaltime_is_null_time(rule.until)) {
        struct icaltimetype u;
        if (!until_in_frame(c, ev, fr, rule.until, &u)) {
            ics_event_where(c, ev, where, sizeof where);
            ics_note(c, "%s has a repeat rule whose end cannot be read; it was left out",
                     where);
            *left_out = true;
            return VM_OK;
        }
        rule.until = icaltime_compare(u, end) < 0 ? u : end;
    } else {
        rule.until = end;
    }
    icalrecur_iterator *it = icalrecur_iterator_new(rule, dtstart);
    if (!it)
        return VM_OK; /* libical found no occurrence: nothing to add */
    vm_status st = VM_OK;
    long event_steps = 0;
    size_t first = out->n;
    /* At most two a day over the window; more is a rule repeating within a day. */
    size_t max_occ = (size_t)((c->to - c->from) / ICS_DAY + 2) * 2;
    for (;;) {
        if (event_steps >= SYNC_ICS_MAX_EVENT_STEPS) {
            ics_event_where(c, ev, where, sizeof where);
            ics_note(c, "%s has a repeat rule that takes too much work to follow; it was "
                        "left out",
                     where);
            out->n = first;
            *left_out = true;
            break;
        }
        if (!count_step(c, &event_steps)) {
            st = refuse_file(c, err);
            break;
        }
        struct icaltimetype t = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(t))
            break;
        int64_t occ;
        if (!ics_frame_to_utc(fr, t, &occ))
            continue;
        if (occ > c->to)
            break;
        if (occ + length < c->from)
            continue;
        if (out->n - first >= max_occ) {
            ics_event_where(c, ev, where, sizeof where);
            ics_note(c, "%s repeats several times a day; it was left out", where);
            out->n = first;
            *left_out = true;
            break;
        }
        if (!ics_starts_add(out, occ)) {
            st = sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
            break;
        }
    }
    icalrecur_iterator_free(it);
    return st;
}
