/* attendance: "Hvem kom?", who came, and who came without signing up (see store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "store/store_internal.h"

/* The local calendar month that holds `t`, as [from, to) in UTC. */
static void month_of(int64_t t, int64_t *from, int64_t *to)
{
    dk_tm tm = dktime_local(t);
    int y = tm.month == 12 ? tm.year + 1 : tm.year, m = tm.month == 12 ? 1 : tm.month + 1;
    if (!dktime_from_local(tm.year, tm.month, 1, 0, 0, from))
        *from = t;
    if (!dktime_from_local(y, m, 1, 0, 0, to))
        *to = t + 1;
}

typedef struct visit {
    int64_t seq;
    char key[SIGNUP_NAME_BYTES * 2]; /* the name folded; "" when erased */
    bool first;
} visit;

/* Decides again, inside the caller's transaction, which came sign-ups of the month holding
 * `t` are a person's first visit that month. */
static vm_status recount_first_visits(store *s, int64_t t, vm_err *err)
{
    int64_t from, to;
    month_of(t, &from, &to);
    visit *v = NULL;
    size_t n = 0, cap = 0;
    vm_status status = VM_OK;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT s.seq, s.name, s.purged, s.first_visit FROM signups s "
                                  "JOIN activities a ON a.id = s.activity_id "
                                  "WHERE s.came = 1 AND s.status <> 'cancelled' "
                                  "AND a.start_utc >= ?1 AND a.start_utc < ?2 "
                                  "ORDER BY a.start_utc, s.seq",
                                  err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, from);
    st_bind_i64(st, 2, to);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        visit *nv = st_list_room(v, n, &cap, sizeof *nv, 32);
        if (!nv) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory counting visits.");
            goto out;
        }
        v = nv;
        visit *x = &v[n++];
        x->seq = sqlite3_column_int64(st, 0);
        char name[SIGNUP_NAME_BYTES];
        st_column_text(st, 1, name, sizeof name);
        bool purged = sqlite3_column_int(st, 2) != 0;
        x->first = sqlite3_column_int(st, 3) != 0;
        x->key[0] = '\0';
        if (!purged && name[0])
            utf8_fold_case(name, x->key, sizeof x->key);
    }
    st_reset(st);
    st = NULL;
    if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "counting visits");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        if (!v[i].key[0])
            continue; /* erased: what was decided stays */
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(v[k].key, v[i].key) == 0;
        bool first = !seen;
        if (first == v[i].first)
            continue;
        sqlite3_stmt *up =
            st_prepare(s, "UPDATE signups SET first_visit = ?1 WHERE seq = ?2", err);
        if (!up) {
            status = err->status;
            goto out;
        }
        st_bind_i64(up, 1, first);
        st_bind_i64(up, 2, v[i].seq);
        rc = sqlite3_step(up);
        st_reset(up);
        if (rc != SQLITE_DONE) {
            status = st_error(s->db, rc, err, "counting visits");
            goto out;
        }
    }
    /* a sign-up no longer ticked is nobody's first visit */
    sqlite3_stmt *clear = st_prepare(
        s, "UPDATE signups SET first_visit = 0 WHERE first_visit = 1 AND "
           "(came = 0 OR status = 'cancelled') AND activity_id IN "
           "(SELECT id FROM activities WHERE start_utc >= ?1 AND start_utc < ?2)",
        err);
    if (!clear) {
        status = err->status;
        goto out;
    }
    st_bind_i64(clear, 1, from);
    st_bind_i64(clear, 2, to);
    rc = sqlite3_step(clear);
    st_reset(clear);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "counting visits");
out:
    if (st)
        st_reset(st);
    if (v)
        memset(v, 0, n * sizeof *v); /* names */
    free(v);
    return status;
}

vm_status store_signup_set_came(store *s, const char *signup_id, bool came, vm_err *err)
{
    ST_ERR_LOCAL(err);
    vm_status status = st_begin(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT s.status, a.start_utc FROM signups s "
                                  "JOIN activities a ON a.id = s.activity_id WHERE s.id = ?1",
                                  err);
    if (!st) {
        status = err->status;
        goto fail;
    }
    st_bind_text(st, 1, signup_id ? signup_id : "");
    int rc = sqlite3_step(st);
    char state[16] = "";
    int64_t start = 0;
    if (rc == SQLITE_ROW) {
        st_column_text(st, 0, state, sizeof state);
        start = sqlite3_column_int64(st, 1);
    }
    st_reset(st);
    if (rc == SQLITE_DONE) {
        status = err_set(err, VM_ERR_NOT_FOUND, "There is no sign-up with that id.");
        goto fail;
    }
    if (rc != SQLITE_ROW) {
        status = st_error(s->db, rc, err, "reading the sign-up");
        goto fail;
    }
    if (strcmp(state, "cancelled") == 0) {
        status = err_set(err, VM_ERR_REFUSED, "That sign-up is cancelled.");
        goto fail;
    }
    st = st_prepare(s, "UPDATE signups SET came = ?1 WHERE id = ?2", err);
    if (!st) {
        status = err->status;
        goto fail;
    }
    st_bind_i64(st, 1, came);
    st_bind_text(st, 2, signup_id);
    rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "saving who came");
        goto fail;
    }
    if ((status = recount_first_visits(s, start, err)) != VM_OK)
        goto fail;
    return st_commit(s, err);
fail:
    st_rollback(s);
    return status;
}

static vm_status activity_id(store *s, const char *uid, int64_t *id, vm_err *err)
{
    sqlite3_stmt *st = st_prepare(s, "SELECT id FROM activities WHERE uid = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, uid ? uid : "");
    int rc = sqlite3_step(st);
    vm_status status = VM_OK;
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    else if (rc == SQLITE_DONE)
        status = err_set(err, VM_ERR_NOT_FOUND, "There is no activity with that id.");
    else
        status = st_error(s->db, rc, err, "reading the activity");
    st_reset(st);
    return status;
}

vm_status store_walkins_get(store *s, const char *uid, store_walkins *out, vm_err *err)
{
    ST_ERR_LOCAL(err);
    memset(out, 0, sizeof *out);
    int64_t id = 0;
    vm_status status = activity_id(s, uid, &id, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(
        s, "SELECT children, adults, seniors FROM walkins WHERE activity_id = ?1", err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->children = sqlite3_column_int(st, 0);
        out->adults = sqlite3_column_int(st, 1);
        out->seniors = sqlite3_column_int(st, 2);
    } else if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "reading who came");
    }
    st_reset(st);
    return status;
}

vm_status store_walkins_set(store *s, const char *uid, const store_walkins *w, int64_t now,
                            vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (w->children < 0 || w->children > 9999 || w->adults < 0 || w->adults > 9999 ||
        w->seniors < 0 || w->seniors > 9999)
        return err_set(err, VM_ERR_INVALID, "A count of who came is 0 to 9999.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    int64_t id = 0;
    if ((status = activity_id(s, uid, &id, err)) != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(
        s, "INSERT INTO walkins (activity_id, children, adults, seniors, updated_utc) "
           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (activity_id) DO UPDATE SET "
           "children = excluded.children, adults = excluded.adults, "
           "seniors = excluded.seniors, updated_utc = excluded.updated_utc",
        err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, id);
    st_bind_i64(st, 2, w->children);
    st_bind_i64(st, 3, w->adults);
    st_bind_i64(st, 4, w->seniors);
    st_bind_i64(st, 5, now);
    int rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "saving who came");
    return VM_OK;
}

/* An activity's row id and whether it counts households, beside its row of the list. */
typedef struct att_ref {
    int64_t id;
    size_t pos;
    bool household;
} att_ref;

static int att_ref_cmp(const void *x, const void *y)
{
    int64_t a = ((const att_ref *)x)->id, b = ((const att_ref *)y)->id;
    return (a > b) - (a < b);
}

vm_status store_attendance_list(store *s, store_attendance **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    store_attendance *list = NULL;
    att_ref *refs = NULL;
    size_t count = 0, cap = 0, rcap = 0;
    vm_status status = VM_OK;
    int rc;
    /* The activities in start order (the index's), then one pass over the participants'
     * sign-ups in the table's order, added up here: SQLite's GROUP BY sorted every sign-up
     * first, which cost more than reading them. */
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT a.uid, a.start_utc, a.cancelled, a.id, "
                                  "a.count_household, coalesce(w.children, 0), "
                                  "coalesce(w.adults, 0), coalesce(w.seniors, 0) "
                                  "FROM activities a LEFT JOIN walkins w ON w.activity_id = a.id "
                                  "ORDER BY a.start_utc, a.title, a.id",
                                  err);
    if (!st)
        return err->status;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_attendance *room = st_list_room(list, count, &cap, sizeof *list, 64);
        if (room)
            list = room;
        att_ref *rroom = room ? st_list_room(refs, count, &rcap, sizeof *refs, 64) : NULL;
        if (!rroom) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory reading who came.");
            break;
        }
        refs = rroom;
        store_attendance *a = &list[count];
        memset(a, 0, sizeof *a);
        st_column_text(st, 0, a->uid, sizeof a->uid);
        a->start = sqlite3_column_int64(st, 1);
        a->cancelled = sqlite3_column_int(st, 2) != 0;
        refs[count] = (att_ref){sqlite3_column_int64(st, 3), count,
                                sqlite3_column_int(st, 4) == 1};
        a->walkins.children = sqlite3_column_int(st, 5);
        a->walkins.adults = sqlite3_column_int(st, 6);
        a->walkins.seniors = sqlite3_column_int(st, 7);
        count++;
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading who came");
    st_reset(st);
    if (status != VM_OK || count == 0)
        goto out;
    qsort(refs, count, sizeof *refs, att_ref_cmp);

    st = st_prepare(s,
                    "SELECT activity_id, task_id IS NULL, status, came, first_visit, adults, "
                    "children FROM signups",
                    err);
    if (!st) {
        status = err->status;
        goto out;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!sqlite3_column_int(st, 1))
            continue; /* helpers are not participants */
        att_ref key = {sqlite3_column_int64(st, 0), 0, false};
        const att_ref *r = bsearch(&key, refs, count, sizeof *refs, att_ref_cmp);
        if (!r)
            continue;
        const char *status_key = (const char *)sqlite3_column_text(st, 2);
        bool confirmed = status_key && strcmp(status_key, "confirmed") == 0;
        bool live = status_key && strcmp(status_key, "cancelled") != 0;
        /* Heads as the counts take them: adults and children where the activity counts
         * households, else one. */
        int heads = r->household ? sqlite3_column_int(st, 5) + sqlite3_column_int(st, 6) : 1;
        store_attendance *a = &list[r->pos];
        if (confirmed)
            a->signed_up_heads += heads;
        if (live && sqlite3_column_int(st, 3) == 1) {
            a->came_heads += heads;
            if (sqlite3_column_int(st, 4) == 1)
                a->first_heads += heads;
        }
    }
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading who came");
    st_reset(st);
out:
    free(refs);
    if (status != VM_OK) {
        free(list);
        return status;
    }
    *out = list;
    *n = count;
    return VM_OK;
}
