/* The program.ics reader: a calendar from Outlook or Google in, activities out (libical). */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/code.h"
#include "core/dktime.h"
#include "core/utf8.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_fields.h"
#include "sync/sync_program.h"
#include "sync/sync_tr.h"

#define DAY (24 * 3600)
/* Upper bound on recurrence steps per event, so a rule that never reaches the window
 * (or a hostile one) cannot keep the kiosk busy. */
#define MAX_STEPS 20000

typedef struct ics_ctx {
    const i18n_catalog *cat;
    icalcomponent *root;
    int64_t from, to;      /* window for recurrences */
    int64_t keep_after;    /* single events ending before this are skipped */
    activity *acts;
    size_t n, cap;
    bool *is_occurrence;   /* parallel to acts: uid carries an @yyyymmdd suffix */
    sync_buf *notes;
    sync_notes fnotes;
    long skipped_old;
    long cut;
} ics_ctx;

static void note(ics_ctx *c, const char *line)
{
    sync_buf_adds(c->notes, line);
    sync_buf_adds(c->notes, "\n");
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

static const char *prop_tzid(icalproperty *p)
{
    icalparameter *par = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;
    return par ? icalparameter_get_tzid(par) : NULL;
}

/* The UTC instant a calendar time names. Dates are local midnight in Copenhagen. */
static bool ics_to_utc(ics_ctx *c, struct icaltimetype t, const char *tzid, int64_t *out)
{
    if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
        return false;
    if (t.year < 1970 || t.year > 2200)
        return false;
    if (t.is_date)
        return dktime_from_local(t.year, t.month, t.day, 0, 0, out);
    if (t.hour > 23 || t.minute > 59 || t.second > 60)
        return false;
    if (icaltime_is_utc(t)) {
        if (t.month < 1 || t.month > 12 || t.day < 1 ||
            t.day > dktime_days_in_month(t.year, t.month))
            return false;
        *out = dktime_utc_from_civil(t.year, t.month, t.day, t.hour, t.minute, 0);
        return true;
    }
    if (!tzid || !*tzid || copenhagen_like(tzid))
        return dktime_from_local(t.year, t.month, t.day, t.hour, t.minute, out);
    icaltimezone *zone = c->root ? icalcomponent_get_timezone(c->root, tzid) : NULL;
    if (!zone)
        zone = icaltimezone_get_builtin_timezone(tzid);
    if (!zone) /* an unknown zone: the kiosk's own clock is the best guess */
        return dktime_from_local(t.year, t.month, t.day, t.hour, t.minute, out);
    t.zone = zone;
    if (t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > dktime_days_in_month(t.year, t.month))
        return false;
    *out = (int64_t)icaltime_as_timet_with_zone(t, zone);
    return true;
}

static void local_ymd(int64_t utc, char out[16])
{
    dk_tm tm = dktime_local(utc);
    snprintf(out, 16, "%04d%02d%02d", tm.year, tm.month, tm.day);
}

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
                col == SCOL_PLACE || (col != SCOL_NONE && row.cell[col]))
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
static vm_status event_fields(ics_ctx *c, icalcomponent *ev, activity *a, const char *where,
                              vm_err *err)
{
    const char *s;
    if ((s = icalcomponent_get_summary(ev)))
        cut_text(c, s, a->title, sizeof a->title, false);
    if (!a->title[0])
        cut_text(c, SYNC_T(c->cat, "(no title)"), a->title, sizeof a->title, false);
    if ((s = icalcomponent_get_location(ev)))
        cut_text(c, s, a->place, sizeof a->place, false);
    icalproperty *p = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
    icalparameter *cn = p ? icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER) : NULL;
    if (cn && icalparameter_get_cn(cn))
        cut_text(c, icalparameter_get_cn(cn), a->host, sizeof a->host, false);
    for (p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
        const char *cats = icalproperty_get_categories(p);
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
    if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED)
        a->cancelled = true;
    p = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
    if (p && (s = icalproperty_get_url(p)) && (strncasecmp(s, "https://", 8) == 0 ||
                                               strncasecmp(s, "http://", 7) == 0) &&
        strlen(s) < sizeof a->signup_url && !strpbrk(s, " \t\r\n\"<>\\"))
        snprintf(a->signup_url, sizeof a->signup_url, "%s", s);
    s = icalcomponent_get_description(ev);
    return apply_description(c, a, s ? s : "", where, err);
}

typedef struct ics_override {
    icalcomponent *ev;
    int64_t recurrence_id; /* UTC instant of the occurrence it replaces */
    bool used;
} ics_override;

static bool same_uid(icalcomponent *a, const char *uid)
{
    const char *u = icalcomponent_get_uid(a);
    return u && uid && strcmp(u, uid) == 0;
}

/* Start and end of an event as UTC; false when DTSTART is missing or unreadable. */
static bool event_times(ics_ctx *c, icalcomponent *ev, int64_t *start, int64_t *end,
                        bool *all_day)
{
    icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!ps)
        return false;
    struct icaltimetype ts = icalproperty_get_dtstart(ps);
    if (!ics_to_utc(c, ts, prop_tzid(ps), start))
        return false;
    *all_day = ts.is_date;
    icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
    icalproperty *pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
    if (pe) {
        struct icaltimetype te = icalproperty_get_dtend(pe);
        if (!ics_to_utc(c, te, prop_tzid(pe), end))
            return false;
    } else if (pd) {
        struct icaldurationtype d = icalproperty_get_duration(pd);
        int64_t secs = (int64_t)icaldurationtype_as_int(d);
        if (secs < 0 || secs > 14 * DAY)
            return false;
        *end = *start + secs;
    } else {
        *end = ts.is_date ? *start + DAY : *start;
    }
    if (*end < *start)
        *end = *start;
    if (*end - *start > 14 * DAY)
        *end = *start + 14 * DAY;
    return true;
}

static void event_uid(ics_ctx *c, icalcomponent *ev, int64_t start, char *out, size_t size)
{
    const char *uid = icalcomponent_get_uid(ev);
    char clean[512];
    clean[0] = '\0';
    if (uid)
        utf8_clean_line(uid, clean, sizeof clean);
    /* Room for "@yyyymmddThhmm" after it. */
    if (!clean[0] || strlen(clean) > ACT_UID_MAX - 16) {
        char key[700], hex[65], iso[21];
        dktime_format_iso_utc(start, iso);
        if (clean[0])
            snprintf(key, sizeof key, "%s", clean);
        else
            snprintf(key, sizeof key, "%s|%s", icalcomponent_get_summary(ev)
                                                   ? icalcomponent_get_summary(ev) : "", iso);
        code_sha256_hex(key, strlen(key), hex);
        snprintf(out, size, "ics-%.32s", hex);
        (void)c;
        return;
    }
    snprintf(out, size, "%s", clean);
}

static vm_status where_of(ics_ctx *c, icalcomponent *ev, int64_t start, char *out, size_t size)
{
    char when[17], title[64];
    dktime_format_local(start, when);
    const char *s = icalcomponent_get_summary(ev);
    utf8_clean_line(s ? s : "", title, sizeof title);
    snprintf(out, size, SYNC_T(c->cat, "the event \"%s\" on %s"), title, when);
    return VM_OK;
}

static vm_status add_occurrence(ics_ctx *c, icalcomponent *ev, const char *base_uid,
                                int64_t original_start, int64_t start, int64_t end,
                                bool occurrence, vm_err *err)
{
    activity a;
    memset(&a, 0, sizeof a);
    char where[256];
    where_of(c, ev, start, where, sizeof where);
    vm_status st = event_fields(c, ev, &a, where, err);
    if (st != VM_OK)
        return st;
    if (occurrence) {
        char ymd[16];
        local_ymd(original_start, ymd);
        snprintf(a.uid, sizeof a.uid, "%s@%s", base_uid, ymd);
    } else {
        snprintf(a.uid, sizeof a.uid, "%s", base_uid);
    }
    a.start = start;
    a.end = end;
    if (c->n >= SYNC_MAX_ACTIVITIES)
        return sync_err(err, VM_ERR_INVALID, c->cat,
                        "the calendar gives more than %d activities", SYNC_MAX_ACTIVITIES);
    if (!push(c, &a, occurrence))
        return sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");
    return VM_OK;
}

static bool excluded(ics_ctx *c, icalcomponent *ev, int64_t occ_start)
{
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
        struct icaltimetype t = icalproperty_get_exdate(p);
        int64_t x;
        if (!ics_to_utc(c, t, prop_tzid(p), &x))
            continue;
        if (t.is_date ? dktime_days_between(x, occ_start) == 0 : x == occ_start)
            return true;
    }
    return false;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Expands a recurring master into occurrences in [from, to], with its overrides. */
static vm_status expand(ics_ctx *c, icalcomponent *ev, ics_override *ovr, size_t n_ovr,
                        vm_err *err)
{
    vm_status st = VM_OK;
    int64_t *starts = NULL;
    size_t n_starts = 0, cap_starts = 0;
    int64_t start, end;
    bool all_day;
    if (!event_times(c, ev, &start, &end, &all_day))
        return VM_OK; /* told by the caller's check */
    int64_t length = end - start;
    char base[ACT_UID_MAX];
    event_uid(c, ev, start, base, sizeof base);
    icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    struct icaltimetype dtstart = icalproperty_get_dtstart(ps);
    const char *tzid = prop_tzid(ps);

#define ADD_START(x)                                                                       \
    do {                                                                                   \
        if (n_starts == cap_starts) {                                                      \
            size_t nc = cap_starts ? cap_starts * 2 : 32;                                  \
            int64_t *ns = realloc(starts, nc * sizeof *ns);                                \
            if (!ns) {                                                                     \
                st = sync_err(err, VM_ERR_NOMEM, c->cat, "out of memory");                 \
                goto out;                                                                  \
            }                                                                              \
            starts = ns;                                                                   \
            cap_starts = nc;                                                               \
        }                                                                                  \
        starts[n_starts++] = (x);                                                          \
    } while (0)

    for (icalproperty *rp = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY); rp;
         rp = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY)) {
        struct icalrecurrencetype rule = icalproperty_get_rrule(rp);
        if (rule.freq == ICAL_NO_RECURRENCE)
            continue;
        if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
            rule.freq == ICAL_HOURLY_RECURRENCE) {
            char where[256], line[400];
            where_of(c, ev, start, where, sizeof where);
            snprintf(line, sizeof line,
                     SYNC_T(c->cat, "%s repeats more than once a day and was skipped"), where);
            note(c, line);
            continue;
        }
        icalrecur_iterator *it = icalrecur_iterator_new(rule, dtstart);
        if (!it)
            continue;
        int steps = 0;
        for (struct icaltimetype t = icalrecur_iterator_next(it);
             !icaltime_is_null_time(t) && steps < MAX_STEPS; t = icalrecur_iterator_next(it)) {
            steps++;
            int64_t occ;
            if (!ics_to_utc(c, t, tzid, &occ))
                continue;
            if (occ > c->to)
                break;
            if (occ + length < c->from)
                continue;
            ADD_START(occ);
            if (n_starts > SYNC_MAX_ACTIVITIES)
                break;
        }
        icalrecur_iterator_free(it);
    }
    for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
        struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);
        struct icaltimetype t = icaltime_is_null_time(dp.time) ? dp.period.start : dp.time;
        int64_t occ;
        if (ics_to_utc(c, t, prop_tzid(p), &occ) && occ <= c->to && occ + length >= c->from)
            ADD_START(occ);
    }
    /* DTSTART itself is the first occurrence (RFC 5545), even when the rule skips it. */
    if (start <= c->to && start + length >= c->from)
        ADD_START(start);
#undef ADD_START
    if (n_starts)
        qsort(starts, n_starts, sizeof *starts, cmp_i64);
    for (size_t i = 0; i < n_starts; i++) {
        if (i && starts[i] == starts[i - 1])
            continue;
        if (excluded(c, ev, starts[i]))
            continue;
        ics_override *o = NULL;
        for (size_t k = 0; k < n_ovr; k++)
            if (!ovr[k].used && ovr[k].recurrence_id == starts[i] && same_uid(ovr[k].ev,
                                                                   icalcomponent_get_uid(ev))) {
                o = &ovr[k];
                break;
            }
        if (o) {
            int64_t os, oe;
            bool oad;
            o->used = true;
            if (!event_times(c, o->ev, &os, &oe, &oad))
                os = starts[i], oe = starts[i] + length;
            st = add_occurrence(c, o->ev, base, starts[i], os, oe, true, err);
        } else {
            st = add_occurrence(c, ev, base, starts[i], starts[i], starts[i] + length, true,
                                err);
        }
        if (st != VM_OK)
            goto out;
    }
out:
    free(starts);
    return st;
}

static int cmp_uid_ptr(const void *a, const void *b)
{
    const activity *const *x = a, *const *y = b;
    return strcmp((*x)->uid, (*y)->uid);
}

vm_status sync_read_ics(const char *data, size_t len, const sync_read_opts *opt,
                        sync_program *out, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    vm_status st = VM_OK;
    char *text = NULL;
    size_t text_len;
    sync_buf notes = SYNC_BUF_INIT;
    ics_override *ovr = NULL;
    size_t n_ovr = 0;
    activity **sorted = NULL;
    ics_ctx c;
    memset(&c, 0, sizeof c);
    c.cat = cat;
    c.notes = &notes;
    c.fnotes = (sync_notes){&notes, cat, 0};
    int64_t now = opt ? opt->now : 0;
    int weeks = opt && opt->weeks > 0 ? opt->weeks : SYNC_ICS_DEFAULT_WEEKS;
    c.from = now - 7 * DAY;
    c.to = now + (int64_t)weeks * 7 * DAY;
    c.keep_after = now - 30 * DAY;

    memset(out, 0, sizeof *out);
    if (len > SYNC_MAX_FILE_BYTES)
        return sync_err(err, VM_ERR_INVALID, cat, "the file is too big (at most %d MB)",
                        (int)(SYNC_MAX_FILE_BYTES >> 20));
    st = sync_text_decode(data, len, &text, &text_len, NULL, cat, err);
    if (st != VM_OK)
        goto out;
    if (!strstr(text, "BEGIN:VCALENDAR") && !strstr(text, "BEGIN:VEVENT")) {
        st = sync_err(err, VM_ERR_INVALID, cat,
                      "program.ics is not a calendar (no BEGIN:VCALENDAR); export it again "
                      "from the calendar program");
        goto out;
    }
    icalerror_set_errors_are_fatal(0);
    c.root = icalparser_parse_string(text);
    if (!c.root) {
        st = sync_err(err, VM_ERR_INVALID, cat, "program.ics cannot be read as a calendar");
        goto out;
    }
    icalcomponent *holder = c.root;
    bool single = icalcomponent_isa(c.root) == ICAL_VEVENT_COMPONENT;
    if (!single && icalcomponent_isa(c.root) != ICAL_VCALENDAR_COMPONENT) {
        /* Several calendars in one file come wrapped in an XROOT. */
        holder = icalcomponent_get_first_component(c.root, ICAL_VCALENDAR_COMPONENT);
        if (!holder) {
            st = sync_err(err, VM_ERR_INVALID, cat, "program.ics cannot be read as a calendar");
            goto out;
        }
    }
    /* Overrides first: a VEVENT with RECURRENCE-ID replaces one occurrence of its master. */
    size_t n_events = 0;
    for (icalcomponent *ev = single ? c.root
                                    : icalcomponent_get_first_component(holder,
                                                                        ICAL_VEVENT_COMPONENT);
         ev; ev = single ? NULL : icalcomponent_get_next_component(holder,
                                                                   ICAL_VEVENT_COMPONENT))
        n_events++;
    if (n_events > 4 * SYNC_MAX_ACTIVITIES) {
        st = sync_err(err, VM_ERR_INVALID, cat, "the calendar holds more than %d events",
                      4 * SYNC_MAX_ACTIVITIES);
        goto out;
    }
    ovr = calloc(n_events ? n_events : 1, sizeof *ovr);
    if (!ovr) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    for (icalcomponent *ev = single ? c.root
                                    : icalcomponent_get_first_component(holder,
                                                                        ICAL_VEVENT_COMPONENT);
         ev; ev = single ? NULL : icalcomponent_get_next_component(holder,
                                                                   ICAL_VEVENT_COMPONENT)) {
        icalproperty *rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
        if (!rid)
            continue;
        int64_t t;
        if (ics_to_utc(&c, icalproperty_get_recurrenceid(rid), prop_tzid(rid), &t))
            ovr[n_ovr++] = (ics_override){ev, t, false};
    }
    long unreadable = 0;
    for (icalcomponent *ev = single ? c.root
                                    : icalcomponent_get_first_component(holder,
                                                                        ICAL_VEVENT_COMPONENT);
         ev; ev = single ? NULL : icalcomponent_get_next_component(holder,
                                                                   ICAL_VEVENT_COMPONENT)) {
        if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY))
            continue;
        int64_t start, end;
        bool all_day;
        if (!event_times(&c, ev, &start, &end, &all_day)) {
            unreadable++;
            continue;
        }
        bool recurring = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) ||
                         icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY);
        if (recurring) {
            st = expand(&c, ev, ovr, n_ovr, err);
        } else {
            if (end < c.keep_after) {
                c.skipped_old++;
                continue;
            }
            char uid[ACT_UID_MAX];
            event_uid(&c, ev, start, uid, sizeof uid);
            st = add_occurrence(&c, ev, uid, start, start, end, false, err);
        }
        if (st != VM_OK)
            goto out;
    }
    /* Overrides whose master is gone or whose occurrence lies outside the window. */
    for (size_t k = 0; k < n_ovr; k++) {
        if (ovr[k].used)
            continue;
        int64_t start, end;
        bool all_day;
        if (!event_times(&c, ovr[k].ev, &start, &end, &all_day) || start > c.to ||
            end < c.from)
            continue;
        char uid[ACT_UID_MAX];
        event_uid(&c, ovr[k].ev, start, uid, sizeof uid);
        st = add_occurrence(&c, ovr[k].ev, uid, ovr[k].recurrence_id, start, end, true, err);
        if (st != VM_OK)
            goto out;
    }
    /* Uids must be unique: two occurrences on one day get the time after the date; a
     * repeated event keeps its first copy. */
    if (c.n > 1) {
        sorted = malloc(c.n * sizeof *sorted);
        if (!sorted) {
            st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
            goto out;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (size_t i = 0; i < c.n; i++)
                sorted[i] = &c.acts[i];
            qsort(sorted, c.n, sizeof *sorted, cmp_uid_ptr);
            for (size_t i = 1; i < c.n; i++) {
                if (strcmp(sorted[i]->uid, sorted[i - 1]->uid) != 0 || sorted[i]->uid[0] == 0)
                    continue;
                activity *a = sorted[i];
                size_t idx = (size_t)(a - c.acts);
                if (pass == 0 && c.is_occurrence[idx]) {
                    dk_tm tm = dktime_local(a->start);
                    size_t ul = strlen(a->uid);
                    snprintf(a->uid + ul, sizeof a->uid - ul, "T%02d%02d", tm.hour, tm.minute);
                } else {
                    a->uid[0] = '\0'; /* dropped below */
                }
            }
        }
        size_t w = 0, dropped = 0;
        for (size_t i = 0; i < c.n; i++) {
            if (!c.acts[i].uid[0]) {
                dropped++;
                continue;
            }
            c.acts[w++] = c.acts[i];
        }
        c.n = w;
        if (dropped) {
            char line[200];
            snprintf(line, sizeof line,
                     SYNC_T(cat, "%ld events appeared twice with the same UID; the first was "
                                 "used"),
                     (long)dropped);
            note(&c, line);
        }
    }
    char line[300];
    if (unreadable) {
        snprintf(line, sizeof line,
                 SYNC_T(cat, "%ld events had no start time that could be read and were "
                             "skipped"),
                 unreadable);
        note(&c, line);
    }
    if (c.skipped_old) {
        snprintf(line, sizeof line,
                 SYNC_T(cat, "%ld events that ended more than 30 days ago were skipped"),
                 c.skipped_old);
        note(&c, line);
    }
    if (c.cut) {
        snprintf(line, sizeof line, SYNC_T(cat, "%ld long texts were cut to fit the screen"),
                 c.cut);
        note(&c, line);
    }
    if (c.fnotes.cleaned) {
        snprintf(line, sizeof line,
                 SYNC_T(cat, "%ld control characters or broken letters were removed"),
                 c.fnotes.cleaned);
        note(&c, line);
    }
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
    if (c.root)
        icalcomponent_free(c.root);
    free(text);
    free(c.acts);
    free(c.is_occurrence);
    free(ovr);
    free(sorted);
    sync_buf_free(&notes);
    return st;
}
