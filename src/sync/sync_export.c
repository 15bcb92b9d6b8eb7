/* The export files: sign-ups, statistics and the template (see sync_export.h). */
#include "sync/sync_export.h"
#include "sync/sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dktime.h"
#include "store/bundle.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_fields.h"
#include "sync/sync_tr.h"

#define SEP ';'

void sync_export_bom(sync_buf *out)
{
    sync_buf_add(out, "\xEF\xBB\xBF", 3);
}

void sync_export_eol(sync_buf *out)
{
    sync_buf_add(out, "\r\n", 2);
}

const char *sync_status_word(signup_status st)
{
    switch (st) {
    case SIGNUP_CONFIRMED:
        return "tilmeldt";
    case SIGNUP_WAITING:
        return "venteliste";
    case SIGNUP_CANCELLED:
        return "afmeldt";
    }
    return "";
}

bool sync_status_from_word(const char *w, signup_status *out)
{
    static const struct {
        const char *w;
        signup_status st;
    } words[] = {{"tilmeldt", SIGNUP_CONFIRMED}, {"venteliste", SIGNUP_WAITING},
                 {"afmeldt", SIGNUP_CANCELLED},  {"confirmed", SIGNUP_CONFIRMED},
                 {"waiting", SIGNUP_WAITING},    {"cancelled", SIGNUP_CANCELLED}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcasecmp(w, words[i].w) == 0) {
            *out = words[i].st;
            return true;
        }
    return false;
}

static void put(sync_buf *b, const char *cell, bool last)
{
    sync_csv_put(b, cell, SEP, true);
    if (last)
        sync_export_eol(b);
    else
        sync_buf_add(b, ";", 1);
}

static void put_int(sync_buf *b, long v, bool last)
{
    char n[24];
    sync_fmt_long(v, n);
    put(b, n, last);
}

size_t sync_fmt_long(long v, char out[24])
{
    char rev[24];
    size_t n = 0, k = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        rev[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = rev[--n];
    out[k] = '\0';
    return k;
}

/* Two digits of 0..99 (printf "%02d"). */
static char *two(char *p, int v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

void sync_fmt_local(int64_t t, char date[16], char clock[8])
{
    dk_tm tm = dktime_local(t);
    if (tm.day < 0 || tm.day > 99 || tm.month < 0 || tm.month > 99 || tm.year < 0 ||
        tm.year > 9999 || tm.hour < 0 || tm.hour > 99 || tm.minute < 0 || tm.minute > 99) {
        snprintf(date, 16, "%02d-%02d-%04d", tm.day, tm.month, tm.year);
        snprintf(clock, 8, "%02d:%02d", tm.hour, tm.minute);
        return;
    }
    char *p = two(date, tm.day);
    *p++ = '-';
    p = two(p, tm.month);
    *p++ = '-';
    p = two(p, tm.year / 100);
    p = two(p, tm.year % 100);
    *p = '\0';
    p = two(clock, tm.hour);
    *p++ = ':';
    p = two(p, tm.minute);
    *p = '\0';
}

static void local_date(int64_t t, char out[16])
{
    char clock[8];
    sync_fmt_local(t, out, clock);
}

static void local_clock(int64_t t, char out[8])
{
    char date[16];
    sync_fmt_local(t, date, out);
}

/* "dd-mm-yyyy hh:mm" (the "%s %s" of the two). */
static void local_stamp(int64_t t, char out[32])
{
    char clock[8];
    sync_fmt_local(t, out, clock);
    size_t n = strlen(out);
    out[n] = ' ';
    memcpy(out + n + 1, clock, strlen(clock) + 1);
}

static int cmp_act_uid(const void *a, const void *b)
{
    const activity *const *x = a, *const *y = b;
    return strcmp((*x)->uid, (*y)->uid);
}

static int cmp_uid_act(const void *key, const void *elem)
{
    return strcmp((const char *)key, (*(activity *const *)elem)->uid);
}

/* Every activity the kiosk has, cancelled ones included. */
static vm_status all_activities(store *s, activity **acts, activity_counts **counts, size_t *n,
                                vm_err *err)
{
    return store_activities_between(s, INT64_MIN / 2, INT64_MAX / 2, acts, counts, n, err);
}

vm_status sync_export_program_read(store *s, sync_export_program *p, vm_err *err)
{
    memset(p, 0, sizeof *p);
    return all_activities(s, &p->acts, &p->counts, &p->n, err);
}

void sync_export_program_free(sync_export_program *p)
{
    free(p->acts);
    free(p->counts);
    memset(p, 0, sizeof *p);
}

vm_status sync_export_interests(store *s, sync_buf *out, int *rows, const i18n_catalog *cat,
                                vm_err *err)
{
    (void)cat;
    interest *list = NULL;
    size_t n = 0;
    *rows = 0;
    vm_status st = store_interests_list(s, &list, &n, err);
    if (st != VM_OK)
        return st;
    sync_export_bom(out);
    sync_buf_adds(out, SYNC_INTERESTS_HEADER);
    sync_export_eol(out);
    for (size_t i = 0; i < n; i++) {
        const interest *in = &list[i];
        char cd[16], cc[8], left[32];
        local_date(in->created, cd);
        local_clock(in->created, cc);
        snprintf(left, sizeof left, "%s %s", cd, cc);
        put(out, in->id, false);
        put(out, category_key(in->cat), false);
        put(out, in->about, false);
        put(out, in->activity_uid, false);
        put(out, in->name, false);
        put(out, in->phone, false);
        put(out, in->flat, false);
        put(out, left, false);
        put(out, in->kiosk_id, true);
        (*rows)++;
    }
    if (list)
        memset(list, 0, n * sizeof *list); /* names and numbers */
    free(list);
    return VM_OK;
}

vm_status sync_export_signups(store *s, sync_buf *out, int *rows, const char *kiosk_id,
                              const char *kiosk_name, const i18n_catalog *cat, vm_err *err)
{
    sync_export_program p = {0};
    *rows = 0;
    vm_status st = all_activities(s, &p.acts, NULL, &p.n, err);
    if (st == VM_OK)
        st = sync_export_signups_of(s, &p, out, rows, kiosk_id, kiosk_name, cat, err);
    sync_export_program_free(&p);
    return st;
}

vm_status sync_export_signups_of(store *s, const sync_export_program *p, sync_buf *out,
                                 int *rows, const char *kiosk_id, const char *kiosk_name,
                                 const i18n_catalog *cat, vm_err *err)
{
    const activity *acts = p->acts;
    const activity **by_uid = NULL;
    signup *sus = NULL;
    struct act_when {
        char date[16], clock[8];
        bool done;
    } *when = NULL;
    size_t n_acts = p->n, n_sus = 0;
    vm_status st;
    *rows = 0;
    if ((st = store_signups_list(s, NULL, &sus, &n_sus, err)) != VM_OK)
        goto out;
    by_uid = malloc((n_acts ? n_acts : 1) * sizeof *by_uid);
    when = calloc(n_acts ? n_acts : 1, sizeof *when);
    if (!by_uid || !when) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n_acts; i++)
        by_uid[i] = &acts[i];
    qsort(by_uid, n_acts, sizeof *by_uid, cmp_act_uid);

    sync_export_bom(out);
    sync_buf_adds(out, SYNC_SIGNUPS_HEADER);
    sync_export_eol(out);
    for (size_t i = 0; i < n_sus; i++) {
        const signup *su = &sus[i];
        const activity **found = n_acts ? bsearch(su->activity_uid, by_uid, n_acts,
                                                  sizeof *by_uid, cmp_uid_act)
                                        : NULL;
        const activity *a = found ? *found : NULL;
        const char *task = "";
        if (a && su->task_id)
            for (int k = 0; k < a->n_tasks; k++)
                if (a->tasks[k].id == su->task_id)
                    task = a->tasks[k].title;
        const char *date = "", *clock = "";
        char created[32], updated[24];
        if (a) { /* each activity's start converted once, not once per sign-up */
            size_t ai = (size_t)(a - acts);
            if (!when[ai].done) {
                sync_fmt_local(a->start, when[ai].date, when[ai].clock);
                when[ai].done = true;
            }
            date = when[ai].date;
            clock = when[ai].clock;
        }
        local_stamp(su->created, created);
        dktime_format_iso_utc(su->updated ? su->updated : su->created, updated);

        put(out, su->id, false);
        put(out, su->activity_uid, false);
        put(out, a ? a->title : "", false);
        put(out, date, false);
        put(out, clock, false);
        put(out, task, false);
        put(out, su->name, false);
        put_int(out, su->adults, false);
        put_int(out, su->children, false);
        put(out, su->wants_company ? "ja" : "", false);
        put(out, sync_status_word(su->status), false);
        if (su->status == SIGNUP_WAITING)
            put_int(out, su->waiting_position, false);
        else
            put(out, "", false);
        put(out, created, false);
        put(out, updated, false);
        put(out, su->kiosk_id, false);
        bool ours = kiosk_id && kiosk_name && strcmp(su->kiosk_id, kiosk_id) == 0;
        put(out, ours ? kiosk_name : "", true);
        (*rows)++;
    }
    if (!sync_buf_ok(out))
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
out:
    free(by_uid);
    free(when);
    free(sus);
    return st;
}

static int cmp_attendance_uid(const void *a, const void *b)
{
    return strcmp(((const store_attendance *)a)->uid, ((const store_attendance *)b)->uid);
}

/* The visits of one activity: those signed up who came, and those who came without. */
static int visits(const store_attendance *a)
{
    return a->came_heads + a->walkins.children + a->walkins.adults + a->walkins.seniors;
}

static int cmp_uid_attendance(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const store_attendance *)elem)->uid);
}

/* statistik.csv from the attendance `att` (sorted here by uid). */
static vm_status stats_rows(const sync_export_program *p, store_attendance *att, size_t n_att,
                            sync_buf *out, int *rows, const i18n_catalog *cat, vm_err *err)
{
    const activity *acts = p->acts;
    const activity_counts *counts = p->counts;
    size_t n = p->n;
    vm_status st = VM_OK;
    *rows = 0;
    if (n_att)
        qsort(att, n_att, sizeof *att, cmp_attendance_uid);
    sync_export_bom(out);
    sync_buf_adds(out, "Aktivitet-id;Aktivitet;Kategori;Dato;Tid;Sted;Aflyst;Pladser;"
                       "Tilmeldinger;Voksne;Børn;Personer;Venteliste;Afmeldt;Hjælpere;"
                       "Vil gerne følges;" SYNC_STATS_CAME_HEADER);
    sync_export_eol(out);
    for (size_t i = 0; i < n; i++) {
        const activity *a = &acts[i];
        const activity_counts *c = &counts[i];
        char date[16], clock[8];
        sync_fmt_local(a->start, date, clock);
        put(out, a->uid, false);
        put(out, a->title, false);
        put(out, category_key(a->category), false);
        put(out, date, false);
        put(out, clock, false);
        put(out, a->place, false);
        put(out, a->cancelled ? "ja" : "", false);
        if (a->capacity)
            put_int(out, a->capacity, false);
        else
            put(out, "", false);
        put_int(out, c->signups, false);
        put_int(out, c->adults, false);
        put_int(out, c->children, false);
        put_int(out, c->heads_taken, false);
        put_int(out, c->waiting, false);
        put_int(out, c->cancelled, false);
        put_int(out, c->helpers, false);
        put_int(out, c->company_wanted, false);
        const store_attendance *at =
            n_att ? bsearch(a->uid, att, n_att, sizeof *att, cmp_uid_attendance) : NULL;
        store_attendance none;
        memset(&none, 0, sizeof none);
        if (!at)
            at = &none;
        put_int(out, at->came_heads, false);
        put_int(out, at->first_heads, false);
        put_int(out, at->walkins.children, false);
        put_int(out, at->walkins.adults, false);
        put_int(out, at->walkins.seniors, false);
        put_int(out, visits(at), true);
        (*rows)++;
    }
    if (!sync_buf_ok(out))
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    return st;
}

/* statistik-maaned.csv from the attendance `att` in start order. */
static vm_status month_rows(const store_attendance *att, size_t n, sync_buf *out, int *rows,
                            const i18n_catalog *cat, vm_err *err)
{
    vm_status st = VM_OK;
    *rows = 0;
    sync_export_bom(out);
    sync_buf_adds(out, SYNC_STATS_MONTH_HEADER);
    sync_export_eol(out);
    /* the list is ordered by start: a month's activities are next to each other */
    for (size_t i = 0; i < n;) {
        dk_tm m = dktime_local(att[i].start);
        int acts = 0, signed_up = 0, came = 0, first = 0, kids = 0, adults = 0, seniors = 0;
        int total = 0;
        size_t k = i;
        for (; k < n; k++) {
            dk_tm t = dktime_local(att[k].start);
            if (t.year != m.year || t.month != m.month)
                break;
            if (att[k].cancelled)
                continue;
            acts++;
            signed_up += att[k].signed_up_heads;
            came += att[k].came_heads;
            first += att[k].first_heads;
            kids += att[k].walkins.children;
            adults += att[k].walkins.adults;
            seniors += att[k].walkins.seniors;
            total += visits(&att[k]);
        }
        i = k;
        if (!acts)
            continue;
        char month[16];
        snprintf(month, sizeof month, "%04d-%02d", m.year % 10000, m.month % 100);
        put(out, month, false);
        put_int(out, acts, false);
        put_int(out, signed_up, false);
        put_int(out, came, false);
        put_int(out, first, false);
        put_int(out, kids, false);
        put_int(out, adults, false);
        put_int(out, seniors, false);
        put_int(out, total, true);
        (*rows)++;
    }
    if (!sync_buf_ok(out))
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    return st;
}

vm_status sync_export_stats(store *s, sync_buf *out, int *rows, const i18n_catalog *cat,
                            vm_err *err)
{
    return sync_export_stats_both(s, out, rows, NULL, NULL, cat, err);
}

vm_status sync_export_stats_month(store *s, sync_buf *out, int *rows, const i18n_catalog *cat,
                                  vm_err *err)
{
    return sync_export_stats_both(s, NULL, NULL, out, rows, cat, err);
}

vm_status sync_export_stats_both(store *s, sync_buf *stats, int *rows, sync_buf *month,
                                 int *months, const i18n_catalog *cat, vm_err *err)
{
    return sync_export_stats_both_of(s, NULL, stats, rows, month, months, cat, err);
}

vm_status sync_export_stats_both_of(store *s, const sync_export_program *p, sync_buf *stats,
                                    int *rows, sync_buf *month, int *months,
                                    const i18n_catalog *cat, vm_err *err)
{
    sync_export_program own = {0};
    store_attendance *att = NULL;
    size_t n = 0;
    if (rows)
        *rows = 0;
    if (months)
        *months = 0;
    vm_status st = store_attendance_list(s, &att, &n, err);
    /* the months first: they need the start order stats_rows sorts away */
    if (st == VM_OK && month)
        st = month_rows(att, n, month, months, cat, err);
    if (st == VM_OK && stats && !p) {
        st = sync_export_program_read(s, &own, err);
        p = &own;
    }
    if (st == VM_OK && stats)
        st = stats_rows(p, att, n, stats, rows, cat, err);
    free(att);
    sync_export_program_free(&own);
    return st;
}

void sync_export_template(sync_buf *out, int64_t now)
{
    static const sync_col cols[] = {
        SCOL_ID,        SCOL_TITLE,     SCOL_CATEGORY,  SCOL_START,     SCOL_END,
        SCOL_PLACE,     SCOL_HOST,      SCOL_PHONE,     SCOL_PRICE,     SCOL_AUDIENCE,
        SCOL_MODE,      SCOL_CAPACITY,  SCOL_DEADLINE,  SCOL_HOUSEHOLD, SCOL_FREE,
        SCOL_JUST_COME, SCOL_CHILDCARE, SCOL_ALONE_OK,  SCOL_RESIDENTS_ONLY,
        SCOL_STEP_FREE, SCOL_TASKS,     SCOL_LINK,      SCOL_DESCRIPTION};
    size_t nc = sizeof cols / sizeof cols[0];
    sync_export_bom(out);
    for (size_t i = 0; i < nc; i++)
        put(out, sync_col_name(cols[i]), i + 1 == nc);

    /* Example dates: the weeks after `now`, so the rows look like a real program. */
    int64_t day = dktime_day_start(now);
    char d1[16], d2[16], d3[16], d0[16], id[48];
    local_date(day + 8 * 86400 + 43200, d1);
    local_date(day + 9 * 86400 + 43200, d2);
    local_date(day + 11 * 86400 + 43200, d3);
    local_date(day + 6 * 86400 + 43200, d0);
    char start[32], end[32], deadline[32];

    snprintf(id, sizeof id, "spis-%s", d1);
    snprintf(start, sizeof start, "%s 18:00", d1);
    snprintf(end, sizeof end, "%s 20:00", d1);
    snprintf(deadline, sizeof deadline, "%s 12:00", d0);
    const char *row1[] = {id, "Fællesspisning", "fællesspisning", start, end, "Fælleshuset",
                          "Hanne", "", "25 kr., børn 10 kr.", "For alle", "ja", "40",
                          deadline, "ja", "nej", "nej", "ja", "ja", "nej", "ja",
                          "Dække bord 30 min 2; Lave kaffe 30 min 1; Opvask 45 min 2", "",
                          "Vi spiser sammen. Tag gerne naboen med."};
    for (size_t i = 0; i < nc; i++)
        put(out, row1[i], i + 1 == nc);

    snprintf(id, sizeof id, "gaatur-%s", d2);
    snprintf(start, sizeof start, "%s 10:00", d2);
    snprintf(end, sizeof end, "%s 11:00", d2);
    const char *row2[] = {id, "Gåtur rundt om søen", "gåtur", start, end,
                          "Vi mødes ved indgangen", "Bent", "", "", "For alle", "nej", "", "",
                          "nej", "ja", "ja", "nej", "ja", "nej", "nej", "", "",
                          "Vi går i roligt tempo. Der er bænke på vejen."};
    for (size_t i = 0; i < nc; i++)
        put(out, row2[i], i + 1 == nc);

    snprintf(id, sizeof id, "banko-%s", d3);
    snprintf(start, sizeof start, "%s 14:00", d3);
    snprintf(end, sizeof end, "%s 16:00", d3);
    const char *row3[] = {id, "Banko", "banko", start, end, "Fælleshuset", "Lis", "",
                          "10 kr. pr. plade", "", "ja", "30", "", "nej", "nej", "nej", "nej",
                          "ja", "ja", "ja", "", "", "Præmier og kaffe."};
    for (size_t i = 0; i < nc; i++)
        put(out, row3[i], i + 1 == nc);
}

void sync_csv_write_cell(FILE *out, const char *cell, char sep)
{
    sync_buf b = SYNC_BUF_INIT;
    sync_csv_put(&b, cell ? cell : "", sep, true);
    if (sync_buf_ok(&b) && b.len)
        fwrite(b.data, 1, b.len, out);
    sync_buf_free(&b);
}

vm_status sync_export_votes(store *s, sync_buf *out, const i18n_catalog *cat, vm_err *err)
{
    store_idea_count *list = NULL;
    size_t n = 0;
    vm_status st = store_idea_counts(s, &list, &n, err);
    if (st != VM_OK)
        return st;
    sync_export_bom(out);
    sync_buf_adds(out, SYNC_VOTES_HEADER);
    sync_export_eol(out);
    for (size_t i = 0; i < n; i++) {
        put(out, list[i].title, false);
        put(out, category_key(list[i].cat), false);
        put(out, list[i].listed ? "ja" : "", false);
        put_int(out, list[i].votes, false);
        put(out, list[i].last_day, true);
    }
    free(list);
    if (!sync_buf_ok(out))
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    return st;
}

vm_status sync_export_wishes(store *s, sync_buf *out, const i18n_catalog *cat, vm_err *err)
{
    store_wish *list = NULL;
    size_t n = 0;
    vm_status st = store_wishes_list(s, &list, &n, err);
    if (st != VM_OK)
        return st;
    sync_export_bom(out);
    sync_buf_adds(out, SYNC_WISHES_HEADER);
    sync_export_eol(out);
    for (size_t i = 0; i < n; i++) {
        char cd[16], cc[8], when[32];
        local_date(list[i].created, cd);
        local_clock(list[i].created, cc);
        snprintf(when, sizeof when, "%s %s", cd, cc);
        put(out, list[i].text, false);
        put(out, when, true);
    }
    if (list)
        memset(list, 0, n * sizeof *list);
    free(list);
    if (!sync_buf_ok(out))
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    return st;
}
