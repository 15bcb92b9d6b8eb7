/* share: the sign-ups the kiosks of one estate pass each other on the staff stick, so that
 * they count the same places (store.h, "places shared"). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "store/store_internal.h"

static void share_row(sqlite3_stmt *st, void *elem, const st_act_ref *a, st_order *key)
{
    store_share_row *r = elem;
    st_column_text(st, 0, r->id, sizeof r->id);
    memcpy(r->activity_uid, a->uid, sizeof r->activity_uid);
    st_column_text(st, 2, r->task, sizeof r->task);
    r->adults = sqlite3_column_int(st, 3);
    r->children = sqlite3_column_int(st, 4);
    r->cancelled = sqlite3_column_int(st, 5) != 0;
    r->created = sqlite3_column_int64(st, 6);
    r->updated = sqlite3_column_int64(st, 7);
    st_column_text(st, 8, r->kiosk_id, sizeof r->kiosk_id);
    key->k[2] = r->created; /* queue order: created, kiosk, seq */
    key->last = sqlite3_column_int64(st, 9);
}

vm_status store_share_rows(store *s, int64_t ended_after, store_share_row **out, size_t *n,
                           vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out || !n)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the sign-ups.");
    *out = NULL;
    *n = 0;
    st_act_ref *refs = NULL;
    size_t n_refs = 0;
    vm_status status = st_act_refs(s, NULL, ended_after, &refs, &n_refs, err);
    if (status != VM_OK)
        return status;
    /* Read in the table's order (the activities that ended are left out by `refs`, not by a
     * join), then put in queue order here: created, kiosk, seq. */
    sqlite3_stmt *st = st_prepare(
        s,
        "SELECT s.id, s.activity_id, coalesce(t.title, ''), s.adults, s.children, "
        "s.status = 'cancelled', s.created_utc, s.updated_utc, s.kiosk_id, s.seq "
        "FROM signups s LEFT JOIN helper_tasks t ON t.id = s.task_id",
        err);
    void *list = NULL;
    if (!st)
        status = err->status;
    else
        status = st_read_ordered(s, st, refs, n_refs, sizeof **out,
                                 offsetof(store_share_row, kiosk_id), share_row, &list, n, err);
    *out = list;
    free(refs);
    return status;
}

static bool row_valid(const store_share_row *r)
{
    if (strlen(r->id) != 36 || strspn(r->id, "0123456789abcdefABCDEF-") != 36)
        return false;
    return r->activity_uid[0] && r->adults >= 0 && r->adults <= HOUSEHOLD_MAX &&
           r->children >= 0 && r->children <= HOUSEHOLD_MAX && r->created > 0 &&
           r->updated >= 0;
}

/* Adds `id` to the set of activities to work out anew (kept sorted, no repeats). */
static bool note_activity(int64_t **ids, size_t *n, size_t *cap, int64_t id)
{
    size_t lo = 0, hi = *n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((*ids)[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < *n && (*ids)[lo] == id)
        return true;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 32;
        int64_t *bigger = realloc(*ids, ncap * sizeof **ids);
        if (!bigger)
            return false;
        *ids = bigger;
        *cap = ncap;
    }
    memmove(*ids + lo + 1, *ids + lo, (*n - lo) * sizeof **ids);
    (*ids)[lo] = id;
    (*n)++;
    return true;
}

/* One row: stored when new, cancelled here when cancelled there. `a` is its activity. */
static vm_status merge_row(store *s, const store_share_row *r, const activity *a, int64_t task_id,
                           store_share_report *rep, vm_err *err)
{
    sqlite3_stmt *st = st_prepare(s, "SELECT seq, status FROM signups WHERE id = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, r->id);
    int rc = sqlite3_step(st);
    int64_t seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    const char *status = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 1) : NULL;
    bool here_cancelled = status && strcmp(status, "cancelled") == 0;
    st_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "reading a sign-up");
    if (seq) {
        if (!r->cancelled || here_cancelled)
            return VM_OK;
        sqlite3_stmt *up = st_prepare(s,
                                      "UPDATE signups SET status = 'cancelled', updated_utc = "
                                      "max(updated_utc, ?2) WHERE seq = ?1",
                                      err);
        if (!up)
            return err->status;
        st_bind_i64(up, 1, seq);
        st_bind_i64(up, 2, r->updated);
        rc = sqlite3_step(up);
        st_reset(up);
        if (rc != SQLITE_DONE)
            return st_error(s->db, rc, err, "cancelling a sign-up another kiosk cancelled");
        rep->cancelled++;
        return VM_OK;
    }
    sqlite3_stmt *ins = st_prepare(
        s,
        "INSERT INTO signups (id, activity_id, task_id, name, adults, children, wants_company, "
        "code_hash, status, created_utc, updated_utc, kiosk_id, purged) "
        "VALUES (?1, ?2, ?3, '', ?4, ?5, 0, '', ?6, ?7, ?8, ?9, 1)",
        err);
    if (!ins)
        return err->status;
    st_bind_text(ins, 1, r->id);
    st_bind_i64(ins, 2, a->id);
    if (task_id)
        st_bind_i64(ins, 3, task_id);
    else
        sqlite3_bind_null(ins, 3);
    sqlite3_bind_int(ins, 4, task_id ? 1 : r->adults);
    sqlite3_bind_int(ins, 5, task_id ? 0 : r->children);
    st_bind_text(ins, 6, r->cancelled ? "cancelled" : "waiting");
    st_bind_i64(ins, 7, r->created);
    st_bind_i64(ins, 8, r->updated > r->created ? r->updated : r->created);
    st_bind_text(ins, 9, r->kiosk_id);
    rc = sqlite3_step(ins);
    st_reset(ins);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "storing a sign-up from another kiosk");
    rep->added++;
    return VM_OK;
}

vm_status store_share_merge(store *s, const store_share_row *rows, size_t n, int64_t now,
                            store_share_report *rep, vm_err *err)
{
    ST_ERR_LOCAL(err);
    store_share_report local = {0};
    if (!rep)
        rep = &local;
    memset(rep, 0, sizeof *rep);
    if (!s || (n && !rows))
        return err_set(err, VM_ERR_INVALID, "No sign-ups to merge.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    for (size_t i = 0; i < n; i++)
        if (!row_valid(&rows[i]))
            return err_set(err, VM_ERR_INVALID, "Sign-up %zu of another kiosk is not valid.",
                           i + 1);
    if ((status = st_begin(s, err)) != VM_OK)
        return status;
    int64_t *ids = NULL;
    size_t n_ids = 0, cap_ids = 0;
    activity a;
    a.id = 0;
    a.uid[0] = '\0';
    for (size_t i = 0; i < n && status == VM_OK; i++) {
        const store_share_row *r = &rows[i];
        if (strcmp(a.uid, r->activity_uid) != 0) {
            vm_err lookup;
            vm_status ls = st_activity_load(s, 0, r->activity_uid, &a, &lookup);
            if (ls == VM_ERR_NOT_FOUND) {
                a.uid[0] = '\0';
                rep->unknown++;
                continue;
            }
            if (ls != VM_OK) {
                *err = lookup;
                status = ls;
                break;
            }
        }
        int64_t task_id = 0;
        if (r->task[0]) {
            for (int t = 0; t < a.n_tasks && !task_id; t++)
                if (strcmp(a.tasks[t].title, r->task) == 0)
                    task_id = a.tasks[t].id;
            if (!task_id) {
                rep->unknown++;
                continue;
            }
        }
        if (!note_activity(&ids, &n_ids, &cap_ids, a.id)) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory while merging sign-ups.");
            break;
        }
        status = merge_row(s, r, &a, task_id, rep, err);
    }
    for (size_t i = 0; i < n_ids && status == VM_OK; i++) {
        activity act;
        if ((status = st_activity_load(s, ids[i], NULL, &act, err)) == VM_OK)
            status = st_rebalance_activity_fresh(s, &act, now, &rep->moved, &rep->promoted, err);
    }
    free(ids);
    if (status != VM_OK) {
        st_rollback(s);
        memset(rep, 0, sizeof *rep);
        return status;
    }
    return st_commit(s, err);
}

vm_status store_peer_codes_own(store *s, int64_t ended_after, store_peer_code **out, size_t *n,
                               vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out || !n)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the codes.");
    *out = NULL;
    *n = 0;
    vm_status status = VM_OK;
    store_peer_code *list = NULL;
    size_t len = 0, cap = 0;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT s.id, p.verifier FROM signups s "
                                  "JOIN activities a ON a.id = s.activity_id "
                                  "JOIN peer_codes p ON p.signup_id = s.id "
                                  "WHERE a.end_utc > ?1 AND s.purged = 0 "
                                  "AND s.status <> 'cancelled' AND p.verifier GLOB 's1$*' "
                                  "ORDER BY s.created_utc, s.seq",
                                  err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, ended_after);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            store_peer_code *bigger = realloc(list, ncap * sizeof *list);
            if (!bigger) {
                status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the codes.");
                break;
            }
            list = bigger;
            cap = ncap;
        }
        st_column_text(st, 0, list[len].id, sizeof list[len].id);
        st_column_text(st, 1, list[len].verifier, sizeof list[len].verifier);
        len++;
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the codes");
    st_reset(st);
    if (status != VM_OK) {
        free(list);
        return status;
    }
    *out = list;
    *n = len;
    return VM_OK;
}

vm_status store_peer_codes_keep(store *s, const store_peer_code *codes, size_t n, int *kept,
                                vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (kept)
        *kept = 0;
    if (!s || (n && !codes))
        return err_set(err, VM_ERR_INVALID, "No codes to keep.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK || n == 0)
        return status;
    if ((status = st_begin(s, err)) != VM_OK)
        return status;
    int count = 0;
    sqlite3_stmt *st = st_prepare(
        s,
        "INSERT OR IGNORE INTO peer_codes (signup_id, verifier) SELECT ?1, ?2 "
        "WHERE EXISTS (SELECT 1 FROM signups WHERE id = ?1 AND purged = 1 "
        "AND status <> 'cancelled')",
        err);
    if (!st)
        status = err->status;
    for (size_t i = 0; i < n && status == VM_OK; i++) {
        if (strncmp(codes[i].verifier, "k1$", 3) != 0 ||
            strnlen(codes[i].verifier, sizeof codes[i].verifier) == sizeof codes[i].verifier)
            continue;
        st_bind_text(st, 1, codes[i].id);
        st_bind_text(st, 2, codes[i].verifier);
        int rc = sqlite3_step(st);
        st_reset(st);
        if (rc != SQLITE_DONE)
            status = st_error(s->db, rc, err, "keeping another kiosk's codes");
        else
            count += sqlite3_changes(s->db);
    }
    if (status != VM_OK) {
        st_rollback(s);
        return status;
    }
    if ((status = st_commit(s, err)) == VM_OK && kept)
        *kept = count;
    return status;
}
