/* program.ics as text: the checks before libical sees it (see sync_ics_scan.h). */
#include "sync/sync_ics_scan.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "sync/sync_buf.h"
#include "sync/sync_tr.h"

#define MAX_DEPTH 8
#define NAME_MAX_BYTES 64

typedef struct open_comp {
    char name[NAME_MAX_BYTES];
    long line;
} open_comp;

typedef struct scanner {
    const i18n_catalog *cat;
    sync_work *w;
    ics_scan *out;
    size_t cap_events, cap_zones;
    open_comp stack[MAX_DEPTH];
    int depth;
    double size; /* for the progress */
} scanner;

/* A short, clean quote of a line for a message. */
static void excerpt(const char *line, char out[64])
{
    char clean[256];
    char head[200];
    size_t n = utf8_prefix_bytes(line, 60, sizeof head - 1);
    memcpy(head, line, n);
    head[n] = '\0';
    utf8_clean_line(head, clean, sizeof clean);
    size_t k = utf8_prefix_bytes(clean, 40, 63 - 3);
    memcpy(out, clean, k);
    out[k] = '\0';
    if (k < strlen(clean) || n < strlen(line))
        memcpy(out + k, "...", 4);
}

static bool push_line(int **arr, size_t *n, size_t *cap, long line)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        int *na = realloc(*arr, nc * sizeof *na);
        if (!na)
            return false;
        *arr = na;
        *cap = nc;
    }
    (*arr)[(*n)++] = (int)line;
    return true;
}

/* Reads `n` digits at s into *v. */
static bool digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

/* A DATE (20261201) or DATE-TIME (20261201T180000, ...Z) that exists. libical also reads
 * the extended forms (2026-12-01, 18:00:00), so '-' and ':' are allowed and skipped. */
static bool date_ok(const char *v, size_t n)
{
    char b[32];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] == '-' || v[i] == ':')
            continue;
        if (k + 1 >= sizeof b)
            return false;
        b[k++] = v[i];
    }
    b[k] = '\0';
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (k != 8 && k != 15 && k != 16)
        return false;
    if (!digits(b, 4, &y) || !digits(b + 4, 2, &mo) || !digits(b + 6, 2, &d))
        return false;
    if (k > 8) {
        if (b[8] != 'T' || !digits(b + 9, 2, &h) || !digits(b + 11, 2, &mi) ||
            !digits(b + 13, 2, &s) || (k == 16 && b[15] != 'Z'))
            return false;
    }
    return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= dktime_days_in_month(y, mo) &&
           h <= 23 && mi <= 59 && s <= 60;
}

/* A comma-separated list of dates; with `periods`, "start/end-or-duration" items too. */
static bool date_list_ok(const char *v, bool periods)
{
    if (!*v)
        return false;
    while (*v) {
        size_t n = strcspn(v, ",");
        size_t d = n;
        if (periods) {
            const char *slash = memchr(v, '/', n);
            if (slash)
                d = (size_t)(slash - v);
        }
        if (!date_ok(v, d))
            return false;
        v += n;
        if (*v)
            v++;
    }
    return true;
}

static bool number_ok(const char *v, size_t n, long lo, long hi)
{
    if (!n || n > 9)
        return false;
    long x = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)v[i]))
            return false;
        x = x * 10 + (v[i] - '0');
    }
    return x >= lo && x <= hi;
}

/* FREQ known; UNTIL a date; COUNT and INTERVAL numbers. Other parts are libical's. */
static bool rrule_ok(const char *v)
{
    static const char *const freqs[] = {"SECONDLY", "MINUTELY", "HOURLY", "DAILY",
                                        "WEEKLY",   "MONTHLY",  "YEARLY"};
    bool freq = false;
    while (*v) {
        size_t n = strcspn(v, ";");
        const char *eq = memchr(v, '=', n);
        if (eq) {
            size_t kl = (size_t)(eq - v), vl = n - kl - 1;
            const char *val = eq + 1;
            if (kl == 4 && strncasecmp(v, "FREQ", 4) == 0) {
                for (size_t i = 0; i < sizeof freqs / sizeof freqs[0]; i++)
                    if (vl == strlen(freqs[i]) && strncasecmp(val, freqs[i], vl) == 0)
                        freq = true;
                if (!freq)
                    return false;
            } else if (kl == 5 && strncasecmp(v, "UNTIL", 5) == 0) {
                if (!date_ok(val, vl))
                    return false;
            } else if (kl == 5 && strncasecmp(v, "COUNT", 5) == 0) {
                if (!number_ok(val, vl, 1, 100000000))
                    return false;
            } else if (kl == 8 && strncasecmp(v, "INTERVAL", 8) == 0) {
                if (!number_ok(val, vl, 1, 100000))
                    return false;
            }
        }
        v += n;
        if (*v)
            v++;
    }
    return freq;
}

static bool is(const char *name, const char *want)
{
    return strcasecmp(name, want) == 0;
}

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

/* One unfolded content line, starting on physical line `line`. */
static vm_status content_line(scanner *sc, char *text, long line, vm_err *err)
{
    const i18n_catalog *cat = sc->cat;
    char quote[64];
    size_t nl = 0;
    while (isalnum((unsigned char)text[nl]) || text[nl] == '-')
        nl++;
    /* The value starts after the first ':' outside a quoted parameter. */
    char *colon = NULL;
    if (nl && (text[nl] == ':' || text[nl] == ';')) {
        bool quoted = false;
        for (char *p = text + nl; *p; p++) {
            if (*p == '"')
                quoted = !quoted;
            else if (*p == ':' && !quoted) {
                colon = p;
                break;
            }
        }
    }
    if (!colon || nl >= NAME_MAX_BYTES) {
        excerpt(text, quote);
        return sync_err(err, VM_ERR_INVALID, cat,
                        "line %ld: \"%s\" is not a line of a calendar (a name, then a colon); "
                        "export the calendar again",
                        line, quote);
    }
    char name[NAME_MAX_BYTES];
    memcpy(name, text, nl);
    name[nl] = '\0';
    const char *params = text + nl;
    *colon = '\0';
    char *value = colon + 1;
    size_t vl = strlen(value);
    while (vl && (value[vl - 1] == ' ' || value[vl - 1] == '\t'))
        value[--vl] = '\0';

    if (is(name, "BEGIN")) {
        if (!vl || vl >= NAME_MAX_BYTES) {
            excerpt(value, quote);
            return sync_err(err, VM_ERR_INVALID, cat, "line %ld: BEGIN:%s cannot be read",
                            line, quote);
        }
        if (sc->depth == MAX_DEPTH)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "line %ld: the calendar's parts are nested too deep", line);
        const char *parent = sc->depth ? sc->stack[sc->depth - 1].name : NULL;
        if (is(value, "VEVENT")) {
            if (parent && !is(parent, "VCALENDAR"))
                return sync_err(err, VM_ERR_INVALID, cat,
                                "line %ld: an event begins inside BEGIN:%s from line %ld",
                                line, parent, sc->stack[sc->depth - 1].line);
            if (sc->out->n_events == SYNC_ICS_MAX_EVENTS)
                return sync_err(err, VM_ERR_REFUSED, cat,
                                "the calendar holds more than %d events",
                                SYNC_ICS_MAX_EVENTS);
            if (!push_line(&sc->out->event_lines, &sc->out->n_events, &sc->cap_events, line))
                return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        } else if (is(value, "VTIMEZONE")) {
            if (sc->out->n_zones == SYNC_ICS_MAX_ZONES)
                return sync_err(err, VM_ERR_REFUSED, cat,
                                "the calendar holds more than %d time zones",
                                SYNC_ICS_MAX_ZONES);
            if (sc->out->n_zones == sc->cap_zones) {
                size_t nc = sc->cap_zones ? sc->cap_zones * 2 : 4;
                struct ics_scan_zone *nz = realloc(sc->out->zones, nc * sizeof *nz);
                if (!nz)
                    return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
                sc->out->zones = nz;
                sc->cap_zones = nc;
            }
            sc->out->zones[sc->out->n_zones].line = (int)line;
            sc->out->zones[sc->out->n_zones].tzid[0] = '\0';
            sc->out->n_zones++;
        } else if (!parent && !is(value, "VCALENDAR")) {
            return sync_err(err, VM_ERR_INVALID, cat,
                            "line %ld: BEGIN:%s is outside BEGIN:VCALENDAR", line, value);
        }
        snprintf(sc->stack[sc->depth].name, NAME_MAX_BYTES, "%s", value);
        sc->stack[sc->depth].line = line;
        sc->depth++;
        return VM_OK;
    }
    if (is(name, "END")) {
        excerpt(value, quote);
        if (!sc->depth)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "line %ld: END:%s, but nothing was begun", line, quote);
        open_comp *top = &sc->stack[sc->depth - 1];
        if (!is(value, top->name))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "line %ld: END:%s does not close BEGIN:%s from line %ld", line,
                            quote, top->name, top->line);
        sc->depth--;
        return VM_OK;
    }
    if (!sc->depth) {
        excerpt(text, quote);
        return sync_err(err, VM_ERR_INVALID, cat,
                        "line %ld: \"%s\" is outside BEGIN:VCALENDAR", line, quote);
    }
    if (is(name, "TZID") && is(sc->stack[sc->depth - 1].name, "VTIMEZONE") &&
        sc->out->n_zones)
        snprintf(sc->out->zones[sc->out->n_zones - 1].tzid,
                 sizeof sc->out->zones[0].tzid, "%s", value);
    bool dates = is(name, "DTSTART") || is(name, "DTEND") || is(name, "DUE") ||
                 is(name, "RECURRENCE-ID");
    bool lists = is(name, "EXDATE") || is(name, "RDATE");
    if (dates || lists) {
        bool periods = is(name, "RDATE") && contains_ci(params, "VALUE=PERIOD");
        bool ok = lists ? date_list_ok(value, periods) : date_ok(value, vl) && vl;
        if (!ok) {
            excerpt(value, quote);
            return sync_err(err, VM_ERR_INVALID, cat,
                            "line %ld: %s \"%s\" is not a date that exists (a calendar "
                            "writes it like 20261201 or 20261201T180000)",
                            line, name, quote);
        }
    } else if (is(name, "RRULE") && !rrule_ok(value)) {
        excerpt(value, quote);
        return sync_err(err, VM_ERR_INVALID, cat,
                        "line %ld: the repeat rule \"%s\" cannot be read", line, quote);
    }
    return VM_OK;
}

vm_status ics_scan_text(const char *text, size_t len, sync_work *w, const i18n_catalog *cat,
                        ics_scan *out, vm_err *err)
{
    memset(out, 0, sizeof *out);
    scanner sc = {.cat = cat, .w = w, .out = out, .size = len ? (double)len : 1};
    sync_buf cur = SYNC_BUF_INIT;
    long cur_line = 0, phys = 0;
    vm_status st = VM_OK;
    const char *p = text, *end = text + len;
    bool have = false, unbroken = false; /* the line in `cur` stops without a line break */
    while (st == VM_OK) {
        bool eof = p >= end;
        const char *nl = eof ? end : memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t n = eof ? 0 : (size_t)(le - p);
        if (n && p[n - 1] == '\r')
            n--;
        bool blank = true;
        for (size_t i = 0; i < n && blank; i++)
            blank = p[i] == ' ' || p[i] == '\t';
        if (!eof)
            phys++;
        if (!eof && !blank && (p[0] == ' ' || p[0] == '\t') && have) {
            sync_buf_add(&cur, p + 1, n - 1); /* a folded line goes on */
            unbroken = !nl;
        } else if (eof || !blank) {
            if (have) {
                if (!sync_buf_ok(&cur)) {
                    st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
                    break;
                }
                st = content_line(&sc, cur.data, cur_line, err);
                /* The last line of a file that ends inside a component is most likely cut
                 * in the middle ("DTSTART:2026120", "END:VEV"): the file is said to be cut
                 * off below, not that line to be wrong. */
                if (st == VM_ERR_INVALID && eof && unbroken && sc.depth)
                    st = VM_OK;
                if (st != VM_OK)
                    break;
                have = false;
            }
            if (eof)
                break;
            if (phys > SYNC_ICS_MAX_LINES) {
                st = sync_err(err, VM_ERR_REFUSED, cat,
                              "the calendar has more than %d lines", SYNC_ICS_MAX_LINES);
                break;
            }
            cur.len = 0;
            sync_buf_add(&cur, p, n);
            cur_line = phys;
            have = true;
            unbroken = !nl;
        }
        p = nl ? nl + 1 : end;
        if (!sync_work_step(w, 1, 0.2 * (double)(p - text) / sc.size)) {
            st = sync_work_refuse(w, "program.ics", err);
            break;
        }
    }
    if (st == VM_OK && sc.depth) {
        /* Name the event it ends in, if any: that is what staff can find. */
        int k = sc.depth - 1;
        for (int i = sc.depth - 1; i >= 0; i--)
            if (is(sc.stack[i].name, "VEVENT"))
                k = i;
        out->cut_off = true;
        st = sync_err(err, VM_ERR_INVALID, cat,
                      "the file ends inside BEGIN:%s from line %ld; it seems cut off (export "
                      "the calendar again)",
                      sc.stack[k].name, sc.stack[k].line);
    }
    out->lines = phys;
    sync_buf_free(&cur);
    if (st != VM_OK)
        ics_scan_free(out);
    return st;
}

void ics_scan_free(ics_scan *s)
{
    if (!s)
        return;
    free(s->event_lines);
    free(s->zones);
    s->event_lines = NULL;
    s->zones = NULL;
    s->n_events = s->n_zones = 0;
}

int ics_scan_zone_line(const ics_scan *s, const char *tzid)
{
    for (size_t i = 0; s && tzid && i < s->n_zones; i++)
        if (strncmp(s->zones[i].tzid, tzid, sizeof s->zones[i].tzid - 1) == 0)
            return s->zones[i].line;
    return 0;
}
