/* The program.ics reader: a calendar from Outlook, Google, Apple or Thunderbird in,
 * activities out (libical inside; the bounds and why they are where they are:
 * sync_ics_internal.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/code.h"
#include "core/dktime.h"
#include "core/utf8.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_ics_internal.h"
#include "sync/sync_program.h"
#include "sync/sync_tr.h"

/* ---- shared helpers (sync_ics_internal.h) */

void ics_note(ics_ctx *c, const char *msgid, ...)
{
    va_list ap;
    va_start(ap, msgid);
    char line[600];
    vsnprintf(line, sizeof line, SYNC_T(c->cat, msgid), ap);
    va_end(ap);
    sync_buf_adds(c->notes, line);
    sync_buf_adds(c->notes, "\n");
}

void ics_event_where(ics_ctx *c, const ics_event *ev, char *out, size_t size)
{
    char title[64];
    const char *s = ev->summary ? icalproperty_get_summary(ev->summary) : NULL;
    utf8_clean_line(s ? s : "", title, sizeof title);
    if (ev->line)
        snprintf(out, size, SYNC_T(c->cat, "the event \"%s\" (line %d)"), title, ev->line);
    else
        snprintf(out, size, SYNC_T(c->cat, "the event \"%s\""), title);
}

bool ics_step(ics_ctx *c, long units)
{
    double done = c->n_events ? (double)c->events_done / (double)c->n_events : 0;
    return sync_work_step(&c->work, units, 0.2 + 0.8 * done);
}

/* ---- gathering an event's properties in one pass */

static bool props_add(ics_props *p, icalproperty *x)
{
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 4;
        icalproperty **nv = realloc(p->v, nc * sizeof *nv);
        if (!nv)
            return false;
        p->v = nv;
        p->cap = nc;
    }
    p->v[p->n++] = x;
    return true;
}

static void event_free(ics_event *e)
{
    free(e->rrules.v);
    free(e->rdates.v);
    free(e->exdates.v);
    free(e->categories.v);
}

static void keep_first(icalproperty **slot, icalproperty *p)
{
    if (!*slot)
        *slot = p;
}

/* Outlook writes an all-day event made in another zone as midnight to midnight in that
 * zone, marked X-MICROSOFT-CDO-ALLDAYEVENT:TRUE: the days are what it means. */
static bool outlook_all_day(icalproperty *p)
{
    const char *name = icalproperty_get_x_name(p);
    const char *v = icalproperty_get_value_as_string(p);
    return name && v &&
           (strcasecmp(name, "X-MICROSOFT-CDO-ALLDAYEVENT") == 0 ||
            strcasecmp(name, "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT") == 0) &&
           strcasecmp(v, "TRUE") == 0;
}

static vm_status event_gather(ics_ctx *c, icalcomponent *comp, icalcomponent *cal, int line,
                              ics_event *e, bool *all_day_mark, vm_err *err)
{
    memset(e, 0, sizeof *e);
    e->comp = comp;
    e->cal = cal;
    e->line = line;
    *all_day_mark = false;
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_ANY_PROPERTY)) {
        bool ok = true;
        switch (icalproperty_isa(p)) {
        case ICAL_UID_PROPERTY: keep_first(&e->uid, p); break;
        case ICAL_DTSTART_PROPERTY: keep_first(&e->dtstart, p); break;
        case ICAL_DTEND_PROPERTY: keep_first(&e->dtend, p); break;
        case ICAL_DURATION_PROPERTY: keep_first(&e->duration, p); break;
        case ICAL_RECURRENCEID_PROPERTY: keep_first(&e->rid, p); break;
        case ICAL_SUMMARY_PROPERTY: keep_first(&e->summary, p); break;
        case ICAL_LOCATION_PROPERTY: keep_first(&e->location, p); break;
        case ICAL_ORGANIZER_PROPERTY: keep_first(&e->organizer, p); break;
        case ICAL_DESCRIPTION_PROPERTY: keep_first(&e->description, p); break;
        case ICAL_URL_PROPERTY: keep_first(&e->url, p); break;
        case ICAL_STATUS_PROPERTY: keep_first(&e->status, p); break;
        case ICAL_RRULE_PROPERTY: ok = props_add(&e->rrules, p); break;
        case ICAL_RDATE_PROPERTY: ok = props_add(&e->rdates, p); break;
        case ICAL_EXDATE_PROPERTY: ok = props_add(&e->exdates, p); break;
        case ICAL_CATEGORIES_PROPERTY: ok = props_add(&e->categories, p); break;
        case ICAL_X_PROPERTY:
            if (outlook_all_day(p))
                *all_day_mark = true;
            break;
        default: break;
        }
        if (!ok)
            return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
    }
    return VM_OK;
}

/* ---- times */

static struct icaltimetype prop_time(icalproperty *p, bool all_day_mark)
{
    struct icaltimetype t = icaltime_null_time();
    switch (icalproperty_isa(p)) {
    case ICAL_DTSTART_PROPERTY: t = icalproperty_get_dtstart(p); break;
    case ICAL_DTEND_PROPERTY: t = icalproperty_get_dtend(p); break;
    case ICAL_RECURRENCEID_PROPERTY: t = icalproperty_get_recurrenceid(p); break;
    case ICAL_EXDATE_PROPERTY: t = icalproperty_get_exdate(p); break;
    default: break;
    }
    if (all_day_mark && !t.is_date && !icaltime_is_null_time(t) && t.hour == 0 &&
        t.minute == 0) {
        t.is_date = 1;
        t.zone = NULL;
    }
    return t;
}

/* Start and end of an event as UTC; false when DTSTART is missing or unreadable. A date
 * is a whole day: without DTEND, or with a DTEND on the same day (Apple and some web
 * calendars write that), it lasts until the next midnight. */
static bool event_times(ics_ctx *c, const ics_event *ev, bool mark, int64_t *start,
                        int64_t *end, bool *all_day)
{
    if (!ev->dtstart)
        return false;
    struct icaltimetype ts = prop_time(ev->dtstart, mark);
    if (!ics_time_to_utc(c, ev->cal, ts, ics_prop_tzid(ev->dtstart), start))
        return false;
    *all_day = ts.is_date;
    if (ev->dtend) {
        struct icaltimetype te = prop_time(ev->dtend, mark);
        if (!ics_time_to_utc(c, ev->cal, te, ics_prop_tzid(ev->dtend), end))
            return false;
    } else if (ev->duration) {
        struct icaldurationtype d = icalproperty_get_duration(ev->duration);
        int64_t secs = (int64_t)icaldurationtype_as_int(d);
        if (secs < 0 || secs > 14 * ICS_DAY)
            return false;
        *end = *start + secs;
    } else {
        *end = ts.is_date ? *start + ICS_DAY : *start;
    }
    if (ts.is_date && *end <= *start)
        *end = *start + ICS_DAY;
    if (*end < *start)
        *end = *start;
    if (*end - *start > 14 * ICS_DAY)
        *end = *start + 14 * ICS_DAY;
    return true;
}

/* The calendar day a time names, as a day number: the date as written for a date, a
 * floating time or one in a zone; the Danish date of the instant for a time in UTC.
 * Matching an all-day series' exceptions by this day, not by the instant, makes a
 * RECURRENCE-ID or EXDATE written at midnight in another zone hit the day it means. */
static bool day_of(ics_ctx *c, icalcomponent *cal, struct icaltimetype t, const char *tzid,
                   int64_t *day)
{
    int64_t instant;
    if (!ics_time_to_utc(c, cal, t, tzid, &instant))
        return false;
    if (icaltime_is_utc(t) && !t.is_date) {
        dk_tm tm = dktime_local(instant);
        *day = dktime_utc_from_civil(tm.year, tm.month, tm.day, 0, 0, 0) / ICS_DAY;
    } else {
        *day = dktime_utc_from_civil(t.year, t.month, t.day, 0, 0, 0) / ICS_DAY;
    }
    return true;
}

static int64_t day_of_instant(int64_t utc)
{
    dk_tm tm = dktime_local(utc);
    return dktime_utc_from_civil(tm.year, tm.month, tm.day, 0, 0, 0) / ICS_DAY;
}

static void day_ymd(int64_t day, char out[16])
{
    int y, m, d, h, mi, s;
    dktime_utc_civil(day * ICS_DAY, &y, &m, &d, &h, &mi, &s);
    snprintf(out, 16, "%04d%02d%02d", y, m, d);
}

/* ---- fields */

/* Copies text, cut on a character boundary (calendars carry long Teams footers). */
static void cut_text(ics_ctx *c, const char *in, char *dst, size_t size, bool multiline)
{
    size_t len = strlen(in);
    char *tmp = malloc(len + 1);
    if (!tmp) {
        dst[0] = '\0';
        return;
    }
    size_t dropped = multiline ? utf8_clean_text(in, tmp, len + 1)
                               : utf8_clean_line(in, tmp, len + 1);
    c->fnotes.cleaned += (long)dropped;
    size_t keep = utf8_prefix_bytes(tmp, (size_t)-1, size - 1);
    if (keep < strlen(tmp))
        c->cut++;
    memcpy(dst, tmp, keep);
    dst[keep] = '\0';
    free(tmp);
}

/* Description lines "Pladser: 20", "Tilmelding: ja", ... set the CSV fields of that name;
 * they are taken out of the description shown on screen. */
static vm_status apply_description(ics_ctx *c, activity *a, const char *desc, const char *where,
                                   vm_err *err)
{
    size_t len = strlen(desc);
    char *buf = malloc(len + 1), *rest = malloc(len + 1);
    vm_status st = VM_OK;
    if (!buf || !rest) {
        st = sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
        goto out;
    }
    memcpy(buf, desc, len + 1);
    rest[0] = '\0';
    size_t rl = 0;
    sync_row row;
    memset(&row, 0, sizeof row);
    row.where = where;
    row.lines = true;
    bool any = false;
    for (char *line = buf; line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *colon = strchr(line, ':');
        sync_col col = SCOL_NONE;
        if (colon && colon - line < 40) {
            *colon = '\0';
            col = sync_col_from_name(line);
            /* Title, times and place come from the event itself. */
            if (col == SCOL_ID || col == SCOL_TITLE || col == SCOL_DATE || col == SCOL_START ||
                col == SCOL_END || col == SCOL_DESCRIPTION || col == SCOL_CANCELLED ||
                col == SCOL_PLACE || col == SCOL_WEEKDAY || col == SCOL_WEEK ||
                (col != SCOL_NONE && row.cell[col]))
                col = SCOL_NONE;
            if (col == SCOL_NONE)
                *colon = ':';
        }
        if (col != SCOL_NONE) {
            char *v = colon + 1;
            while (*v == ' ' || *v == '\t')
                v++;
            size_t vl = strlen(v);
            while (vl && (v[vl - 1] == '\r' || v[vl - 1] == ' '))
                v[--vl] = '\0';
            row.cell[col] = v;
            row.header[col] = line;
            any = true;
        } else {
            size_t ll = strlen(line);
            memcpy(rest + rl, line, ll);
            rl += ll;
            if (nl)
                rest[rl++] = '\n';
            rest[rl] = '\0';
        }
        line = nl ? nl + 1 : NULL;
    }
    cut_text(c, rest, a->description, sizeof a->description, true);
    if (any)
        st = sync_row_apply(&row, a, &c->fnotes, err);
out:
    free(buf);
    free(rest);
    return st;
}

/* The fields of one VEVENT (master or override) except times and uid. */
static vm_status event_fields(ics_ctx *c, const ics_event *ev, activity *a, const char *where,
                              vm_err *err)
{
    const char *s;
    if (ev->summary && (s = icalproperty_get_summary(ev->summary)))
        cut_text(c, s, a->title, sizeof a->title, false);
    if (!a->title[0])
        cut_text(c, SYNC_T(c->cat, "(no title)"), a->title, sizeof a->title, false);
    if (ev->location && (s = icalproperty_get_location(ev->location)))
        cut_text(c, s, a->place, sizeof a->place, false);
    icalparameter *cn = ev->organizer
                            ? icalproperty_get_first_parameter(ev->organizer, ICAL_CN_PARAMETER)
                            : NULL;
    if (cn && icalparameter_get_cn(cn))
        cut_text(c, icalparameter_get_cn(cn), a->host, sizeof a->host, false);
    for (size_t i = 0; i < ev->categories.n; i++) {
        const char *cats = icalproperty_get_categories(ev->categories.v[i]);
        if (!cats)
            continue;
        char word[128];
        while (*cats) {
            size_t n = strcspn(cats, ",");
            if (n < sizeof word) {
                memcpy(word, cats, n);
                word[n] = '\0';
                char clean[128];
                utf8_clean_line(word, clean, sizeof clean);
                category k = category_from_word(clean);
                unsigned b = badge_from_word(clean);
                if (k != CAT_OTHER && a->category == CAT_OTHER)
                    a->category = k;
                a->badges |= b;
            }
            cats += n;
            if (*cats)
                cats++;
        }
    }
    if (ev->status && icalproperty_get_status(ev->status) == ICAL_STATUS_CANCELLED)
        a->cancelled = true;
    if (ev->url && (s = icalproperty_get_url(ev->url)) &&
        (strncasecmp(s, "https://", 8) == 0 || strncasecmp(s, "http://", 7) == 0) &&
        strlen(s) < sizeof a->signup_url && !strpbrk(s, " \t\r\n\"<>\\"))
        snprintf(a->signup_url, sizeof a->signup_url, "%s", s);
    s = ev->description ? icalproperty_get_description(ev->description) : NULL;
    return apply_description(c, a, s ? s : "", where, err);
}

static void event_uid(const ics_event *ev, int64_t start, char *out, size_t size)
{
    const char *uid = ev->uid ? icalproperty_get_uid(ev->uid) : NULL;
    char clean[512];
    clean[0] = '\0';
    if (uid)
        utf8_clean_line(uid, clean, sizeof clean);
    /* Room for "@yyyymmddThhmm" after it. */
    if (!clean[0] || strlen(clean) > ACT_UID_MAX - 16) {
        char key[700], hex[65], iso[21];
        dktime_format_iso_utc(start, iso);
        if (clean[0]) {
            snprintf(key, sizeof key, "%s", clean);
        } else {
            const char *s = ev->summary ? icalproperty_get_summary(ev->summary) : NULL;
            snprintf(key, sizeof key, "%.600s|%s", s ? s : "", iso);
        }
        code_sha256_hex(key, strlen(key), hex);
        snprintf(out, size, "ics-%.32s", hex);
        return;
    }
    snprintf(out, size, "%s", clean);
}

static bool push(ics_ctx *c, const activity *a, bool occurrence)
{
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 64;
        activity *na = realloc(c->acts, ncap * sizeof *na);
        if (!na)
            return false;
        c->acts = na;
        bool *no = realloc(c->is_occurrence, ncap * sizeof *no);
        if (!no)
            return false;
        c->is_occurrence = no;
        c->cap = ncap;
    }
    c->acts[c->n] = *a;
    c->is_occurrence[c->n] = occurrence;
    c->n++;
    return true;
}

/* `suffix_day`: the day number the uid's @yyyymmdd names (the occurrence as first
 * planned); -1 for a single event (no suffix). */
static vm_status add_occurrence(ics_ctx *c, const ics_event *ev, const char *base_uid,
                                int64_t suffix_day, int64_t start, int64_t end, vm_err *err)
{
    activity a;
    memset(&a, 0, sizeof a);
    char where[256], when[17], title[64];
    dktime_format_local(start, when);
    const char *s = ev->summary ? icalproperty_get_summary(ev->summary) : NULL;
    utf8_clean_line(s ? s : "", title, sizeof title);
    if (ev->line)
        snprintf(where, sizeof where, SYNC_T(c->cat, "line %d, the event \"%s\" on %s"),
                 ev->line, title, when);
    else
        snprintf(where, sizeof where, SYNC_T(c->cat, "the event \"%s\" on %s"), title, when);
    vm_status st = event_fields(c, ev, &a, where, err);
    if (st != VM_OK)
        return st;
    if (suffix_day >= 0) {
        char ymd[16];
        day_ymd(suffix_day, ymd);
        snprintf(a.uid, sizeof a.uid, "%s@%s", base_uid, ymd);
    } else {
        snprintf(a.uid, sizeof a.uid, "%s", base_uid);
    }
    a.start = start;
    a.end = end;
    if (c->n >= SYNC_MAX_ACTIVITIES)
        return sync_err(err, VM_ERR_INVALID, c->cat,
                        "the calendar gives more than %d activities", SYNC_MAX_ACTIVITIES);
    if (!push(c, &a, suffix_day >= 0))
        return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
    return VM_OK;
}

/* ---- overrides (a VEVENT with RECURRENCE-ID replaces one occurrence of its master) */

typedef struct ics_override {
    const ics_event *ev;
    bool mark;         /* X-MICROSOFT-CDO-ALLDAYEVENT */
    const char *uid;
    int64_t instant;   /* the occurrence it replaces, as an instant */
    int64_t day;       /* ... and as a day (day_of) */
    bool is_date;
    bool used;
} ics_override;

static int cmp_override(const void *a, const void *b)
{
    const ics_override *x = a, *y = b;
    return strcmp(x->uid, y->uid);
}

/* The overrides of `uid`: [*lo, *hi) in the sorted array. */
static void override_range(ics_override *ovr, size_t n, const char *uid, size_t *lo,
                           size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (strcmp(ovr[m].uid, uid) < 0)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (b < n && strcmp(ovr[b].uid, uid) == 0)
        b++;
    *hi = b > a ? b : a;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static bool in_sorted(const int64_t *v, size_t n, int64_t x)
{
    return n && bsearch(&x, v, n, sizeof *v, cmp_i64) != NULL;
}

/* ---- expanding a recurring master into occurrences in [from, to], with its overrides */

typedef struct master_ctx {
    ics_starts starts;
    ics_starts ex_instants;
    ics_starts ex_days;
} master_ctx;

static vm_status expand(ics_ctx *c, const ics_event *ev, bool mark, ics_override *ovr,
                        size_t n_ovr, vm_err *err)
{
    vm_status st = VM_OK;
    master_ctx m;
    memset(&m, 0, sizeof m);
    int64_t start, end;
    bool all_day;
    if (!event_times(c, ev, mark, &start, &end, &all_day))
        return VM_OK; /* counted by the caller's check */
    int64_t length = end - start;
    char base[ACT_UID_MAX];
    event_uid(ev, start, base, sizeof base);
    struct icaltimetype dtstart = prop_time(ev->dtstart, mark);
    ics_frame fr = ics_frame_of(c, ev->cal, dtstart, ics_prop_tzid(ev->dtstart));

    for (size_t i = 0; i < ev->rrules.n; i++) {
        struct icalrecurrencetype rule = icalproperty_get_rrule(ev->rrules.v[i]);
        if (rule.freq == ICAL_NO_RECURRENCE)
            continue;
        bool left_out = false;
        st = ics_expand_rule(c, ev, &fr, dtstart, start, length, rule, &m.starts, &left_out,
                             err);
        if (st != VM_OK || left_out)
            goto out; /* a rule the kiosk cannot follow leaves the whole event out */
    }
    for (size_t i = 0; i < ev->rdates.n; i++) {
        icalproperty *p = ev->rdates.v[i];
        struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);
        struct icaltimetype t = icaltime_is_null_time(dp.time) ? dp.period.start : dp.time;
        int64_t occ;
        if (!ics_step(c, 1)) {
            st = sync_work_refuse(&c->work, "program.ics", err);
            goto out;
        }
        if (ics_time_to_utc(c, ev->cal, t, ics_prop_tzid(p), &occ) && occ <= c->to &&
            occ + length >= c->from && !ics_starts_add(&m.starts, occ)) {
            st = sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
            goto out;
        }
    }
    /* DTSTART itself is the first occurrence (RFC 5545), even when the rule skips it. */
    if (start <= c->to && start + length >= c->from && !ics_starts_add(&m.starts, start)) {
        st = sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
        goto out;
    }
    if (!m.starts.n)
        goto out;
    /* EXDATE: by day in an all-day series (or for a date), else by instant. */
    for (size_t i = 0; i < ev->exdates.n; i++) {
        icalproperty *p = ev->exdates.v[i];
        struct icaltimetype t = prop_time(p, mark);
        int64_t instant, day;
        bool ok = true;
        if (all_day || t.is_date) {
            if (day_of(c, ev->cal, t, ics_prop_tzid(p), &day))
                ok = ics_starts_add(&m.ex_days, day);
        } else if (ics_time_to_utc(c, ev->cal, t, ics_prop_tzid(p), &instant)) {
            ok = ics_starts_add(&m.ex_instants, instant);
        }
        if (!ok) {
            st = sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
            goto out;
        }
    }
    qsort(m.starts.v, m.starts.n, sizeof *m.starts.v, cmp_i64);
    if (m.ex_days.n)
        qsort(m.ex_days.v, m.ex_days.n, sizeof *m.ex_days.v, cmp_i64);
    if (m.ex_instants.n)
        qsort(m.ex_instants.v, m.ex_instants.n, sizeof *m.ex_instants.v, cmp_i64);
    size_t lo = 0, hi = 0;
    const char *uid = ev->uid ? icalproperty_get_uid(ev->uid) : NULL;
    if (uid)
        override_range(ovr, n_ovr, uid, &lo, &hi);
    for (size_t i = 0; i < m.starts.n; i++) {
        int64_t s = m.starts.v[i];
        if (i && s == m.starts.v[i - 1])
            continue;
        int64_t day = day_of_instant(s);
        if (in_sorted(m.ex_days.v, m.ex_days.n, day) ||
            in_sorted(m.ex_instants.v, m.ex_instants.n, s))
            continue;
        ics_override *o = NULL;
        for (size_t k = lo; k < hi && !o; k++) {
            if (ovr[k].used)
                continue;
            if ((all_day || ovr[k].is_date) ? ovr[k].day == day : ovr[k].instant == s)
                o = &ovr[k];
        }
        if (!ics_step(c, 1 + (long)(hi - lo))) {
            st = sync_work_refuse(&c->work, "program.ics", err);
            goto out;
        }
        if (o) {
            int64_t os, oe;
            bool oad;
            o->used = true;
            if (!event_times(c, o->ev, o->mark, &os, &oe, &oad))
                os = s, oe = s + length;
            st = add_occurrence(c, o->ev, base, day, os, oe, err);
        } else {
            st = add_occurrence(c, ev, base, day, s, s + length, err);
        }
        if (st != VM_OK)
            goto out;
    }
out:
    free(m.starts.v);
    free(m.ex_days.v);
    free(m.ex_instants.v);
    return st;
}

/* ---- the calendars of the file, their zones checked, and their events in file order */

typedef struct ics_file {
    ics_event *events;
    bool *marks;
    size_t n, cap;
} ics_file;

static vm_status file_add_event(ics_ctx *c, ics_file *f, icalcomponent *ev, icalcomponent *cal,
                                vm_err *err)
{
    if (f->n == f->cap) {
        size_t nc = f->cap ? f->cap * 2 : 64;
        ics_event *ne = realloc(f->events, nc * sizeof *ne);
        if (!ne)
            return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
        f->events = ne;
        bool *nm = realloc(f->marks, nc * sizeof *nm);
        if (!nm)
            return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
        f->marks = nm;
        f->cap = nc;
    }
    vm_status st = event_gather(c, ev, cal, 0, &f->events[f->n], &f->marks[f->n], err);
    f->n++; /* gathered in part or whole: freed with the rest */
    if (st == VM_OK && !ics_step(c, 1))
        st = sync_work_refuse(&c->work, "program.ics", err);
    return st;
}

static vm_status file_collect(ics_ctx *c, icalcomponent *root, const ics_scan *scan,
                              ics_file *f, vm_err *err)
{
    vm_status st = VM_OK;
    icalcomponent_kind k = icalcomponent_isa(root);
    if (k == ICAL_VEVENT_COMPONENT)
        return file_add_event(c, f, root, NULL, err);
    /* Zones first, before any time is read. */
    if (k == ICAL_VCALENDAR_COMPONENT) {
        ics_zone_check(c, root, scan);
    } else {
        for (icalcomponent *cal = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
             cal; cal = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
            ics_zone_check(c, cal, scan);
    }
    if (k == ICAL_VCALENDAR_COMPONENT) {
        for (icalcomponent *ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
             ev && st == VM_OK; ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT))
            st = file_add_event(c, f, ev, root, err);
    } else {
        /* Several calendars (or loose events) in one file come wrapped in an XROOT. */
        for (icalcomponent *top = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT);
             top && st == VM_OK; top = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT)) {
            if (icalcomponent_isa(top) == ICAL_VEVENT_COMPONENT) {
                st = file_add_event(c, f, top, NULL, err);
                continue;
            }
            if (icalcomponent_isa(top) != ICAL_VCALENDAR_COMPONENT)
                continue;
            for (icalcomponent *ev = icalcomponent_get_first_component(top, ICAL_VEVENT_COMPONENT);
                 ev && st == VM_OK; ev = icalcomponent_get_next_component(top, ICAL_VEVENT_COMPONENT))
                st = file_add_event(c, f, ev, top, err);
        }
    }
    /* Line numbers, when libical kept every event the text has (it always should). */
    if (st == VM_OK && scan && scan->n_events == f->n)
        for (size_t i = 0; i < f->n; i++)
            f->events[i].line = scan->event_lines[i];
    return st;
}

static void file_free(ics_file *f)
{
    for (size_t i = 0; i < f->n; i++)
        event_free(&f->events[i]);
    free(f->events);
    free(f->marks);
}

/* ---- the reader */

static int cmp_uid_start(const void *a, const void *b)
{
    const activity *const *x = a, *const *y = b;
    int c = strcmp((*x)->uid, (*y)->uid);
    if (c)
        return c;
    return ((*x)->start > (*y)->start) - ((*x)->start < (*y)->start);
}

/* Uids must be unique: of two occurrences on one day, the later gets its time after the
 * date ("@20261201T1100"); a repeated event keeps its first copy. */
static vm_status make_unique(ics_ctx *c, vm_err *err)
{
    if (c->n < 2)
        return VM_OK;
    activity **sorted = malloc(c->n * sizeof *sorted);
    if (!sorted)
        return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < c->n; i++)
            sorted[i] = &c->acts[i];
        qsort(sorted, c->n, sizeof *sorted, cmp_uid_start);
        for (size_t i = 0; i < c->n;) {
            size_t j = i + 1;
            while (j < c->n && sorted[i]->uid[0] && strcmp(sorted[j]->uid, sorted[i]->uid) == 0)
                j++;
            for (size_t k = i + 1; k < j; k++) {
                activity *a = sorted[k];
                size_t idx = (size_t)(a - c->acts);
                if (pass == 0 && c->is_occurrence[idx]) {
                    dk_tm tm = dktime_local(a->start);
                    size_t ul = strlen(a->uid);
                    snprintf(a->uid + ul, sizeof a->uid - ul, "T%02d%02d", tm.hour, tm.minute);
                } else {
                    a->uid[0] = '\0'; /* dropped below */
                }
            }
            i = j;
        }
    }
    free(sorted);
    size_t w = 0, dropped = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (!c->acts[i].uid[0]) {
            dropped++;
            continue;
        }
        c->acts[w] = c->acts[i];
        c->is_occurrence[w] = c->is_occurrence[i];
        w++;
    }
    c->n = w;
    if (dropped)
        ics_note(c, "%ld events appeared twice with the same UID; the first was used",
                 (long)dropped);
    return VM_OK;
}

/* Step 1: the bytes as text, checked to be a calendar, scanned (sync_ics_scan.h), parsed by
 * libical, and its events gathered in file order. */
static vm_status read_file(ics_ctx *c, const char *data, size_t len, char **text,
                           ics_scan *scan, icalcomponent **root, ics_file *file, vm_err *err)
{
    size_t text_len;
    vm_status st = sync_text_decode(data, len, text, &text_len, NULL, c->cat, err);
    if (st != VM_OK)
        return st;
    if (!strstr(*text, "BEGIN:VCALENDAR") && !strstr(*text, "BEGIN:VEVENT"))
        return sync_err(err, VM_ERR_INVALID, c->cat,
                        "program.ics is not a calendar (no BEGIN:VCALENDAR); export it again "
                        "from the calendar program");
    st = ics_scan_text(*text, text_len, &c->work, c->cat, scan, err);
    if (st != VM_OK)
        return st;
    icalerror_set_errors_are_fatal(0);
    *root = icalparser_parse_string(*text);
    if (!*root)
        return sync_err(err, VM_ERR_INVALID, c->cat, "program.ics cannot be read as a calendar");
    st = file_collect(c, *root, scan, file, err);
    c->n_events = file->n;
    return st;
}

/* Step 2: the overrides (a VEVENT with RECURRENCE-ID replaces one occurrence of its master),
 * sorted for expand(). `*ovr` is the caller's to free, also on failure. */
static vm_status collect_overrides(ics_ctx *c, const ics_file *file, ics_override **ovr,
                                   size_t *n_ovr, vm_err *err)
{
    *ovr = calloc(file->n ? file->n : 1, sizeof **ovr);
    if (!*ovr)
        return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
    for (size_t i = 0; i < file->n; i++) {
        const ics_event *ev = &file->events[i];
        if (!ev->rid)
            continue;
        struct icaltimetype t = prop_time(ev->rid, file->marks[i]);
        const char *tzid = ics_prop_tzid(ev->rid);
        ics_override o = {ev, file->marks[i], "", 0, 0, t.is_date != 0, false};
        const char *uid = ev->uid ? icalproperty_get_uid(ev->uid) : NULL;
        o.uid = uid ? uid : "";
        if (ics_time_to_utc(c, ev->cal, t, tzid, &o.instant) &&
            day_of(c, ev->cal, t, tzid, &o.day))
            (*ovr)[(*n_ovr)++] = o;
    }
    if (*n_ovr > 1)
        qsort(*ovr, *n_ovr, sizeof **ovr, cmp_override);
    return VM_OK;
}

/* Step 3: every event but the overrides becomes its occurrences in the window (a repeating
 * one through expand, with its overrides); `unreadable` counts those without a start. */
static vm_status add_events(ics_ctx *c, const ics_file *file, ics_override *ovr, size_t n_ovr,
                            long *unreadable, vm_err *err)
{
    for (size_t i = 0; i < file->n; i++) {
        const ics_event *ev = &file->events[i];
        c->events_done = i;
        if (!ics_step(c, 1))
            return sync_work_refuse(&c->work, "program.ics", err);
        if (ev->rid)
            continue;
        int64_t start, end;
        bool all_day;
        if (!event_times(c, ev, file->marks[i], &start, &end, &all_day)) {
            (*unreadable)++;
            continue;
        }
        vm_status st;
        if (ev->rrules.n || ev->rdates.n) {
            st = expand(c, ev, file->marks[i], ovr, n_ovr, err);
        } else {
            if (end < c->keep_after) {
                c->skipped_old++;
                continue;
            }
            char uid[ACT_UID_MAX];
            event_uid(ev, start, uid, sizeof uid);
            st = add_occurrence(c, ev, uid, -1, start, end, err);
        }
        if (st != VM_OK)
            return st;
    }
    return VM_OK;
}

/* Step 4: overrides whose master is gone or whose occurrence lies outside the window stand
 * on their own where they fall inside it. */
static vm_status add_lone_overrides(ics_ctx *c, const ics_override *ovr, size_t n_ovr,
                                    vm_err *err)
{
    for (size_t k = 0; k < n_ovr; k++) {
        if (ovr[k].used)
            continue;
        int64_t start, end;
        bool all_day;
        if (!event_times(c, ovr[k].ev, ovr[k].mark, &start, &end, &all_day) ||
            start > c->to || end < c->from)
            continue;
        char uid[ACT_UID_MAX];
        event_uid(ovr[k].ev, start, uid, sizeof uid);
        vm_status st = add_occurrence(c, ovr[k].ev, uid, ovr[k].day, start, end, err);
        if (st != VM_OK)
            return st;
    }
    return VM_OK;
}

/* Step 5: what the staff should know about the reading, in the sync's notes. */
static void note_what_was_left(ics_ctx *c, long unreadable)
{
    if (unreadable)
        ics_note(c, "%ld events had no start time that could be read and were skipped",
                 unreadable);
    if (c->skipped_old)
        ics_note(c, "%ld events that ended more than 30 days ago were skipped",
                 c->skipped_old);
    if (c->unknown_zone)
        ics_note(c, "the time zone \"%s\" is not known here; its times were read as Danish "
                    "time",
                 c->unknown_zone_name);
    if (c->cut)
        ics_note(c, "%ld long texts were cut to fit the screen", c->cut);
    if (c->fnotes.cleaned)
        ics_note(c, "%ld control characters or broken letters were removed",
                 c->fnotes.cleaned);
}

vm_status sync_read_ics(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    vm_status st = VM_OK;
    char *text = NULL;
    sync_buf notes = SYNC_BUF_INIT;
    ics_override *ovr = NULL;
    size_t n_ovr = 0;
    ics_scan scan = {0};
    ics_file file = {0};
    icalcomponent *root = NULL;
    long unreadable = 0;
    ics_ctx c;
    memset(&c, 0, sizeof c);
    c.cat = cat;
    c.notes = &notes;
    c.fnotes = (sync_notes){&notes, cat, 0};
    sync_work_begin(&c.work, opt);
    int64_t now = opt ? opt->now : 0;
    int weeks = opt && opt->weeks > 0 ? opt->weeks : SYNC_ICS_DEFAULT_WEEKS;
    c.from = now - 7 * ICS_DAY;
    c.to = now + (int64_t)weeks * 7 * ICS_DAY;
    c.keep_after = now - 30 * ICS_DAY;

    memset(out, 0, sizeof *out);
    if (len > SYNC_MAX_FILE_BYTES)
        return sync_err(err, VM_ERR_INVALID, cat, "the file is too big (at most %d MB)",
                        (int)(SYNC_MAX_FILE_BYTES >> 20));
    if ((st = read_file(&c, data, len, &text, &scan, &root, &file, err)) != VM_OK ||
        (st = collect_overrides(&c, &file, &ovr, &n_ovr, err)) != VM_OK ||
        (st = add_events(&c, &file, ovr, n_ovr, &unreadable, err)) != VM_OK ||
        (st = add_lone_overrides(&c, ovr, n_ovr, err)) != VM_OK ||
        (st = make_unique(&c, err)) != VM_OK)
        goto out;
    note_what_was_left(&c, unreadable);
    if (!sync_buf_ok(&notes)) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    out->acts = c.acts;
    out->n = c.n;
    out->notes = notes.data;
    c.acts = NULL;
    notes.data = NULL;
out:
    if (st != VM_OK)
        out->cut_off = scan.cut_off;
    file_free(&file);
    if (root)
        icalcomponent_free(root);
    ics_scan_free(&scan);
    free(text);
    free(c.acts);
    free(c.is_occurrence);
    free(ovr);
    sync_buf_free(&notes);
    return st;
}
