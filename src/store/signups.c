/* signups: joining, cancelling, and keeping every queue as core's rules say.
 *
 * A queue is the participants of one activity, or the helpers of one task, in the order
 * (created_utc, kiosk_id, seq): the kiosk's id breaks a tie between sign-ups made at the
 * same second on two kiosks the same way on every kiosk (store_share_merge). After every change to a queue, in the same transaction, the store runs
 * rules_rebalance over its live entries and writes back the statuses that changed. The
 * waiting position is derived when read, so it is always the rules' numbering.
 */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/code.h"
#include "core/dktime.h"
#include "core/rules.h"
#include "core/utf8.h"
#include "store/store_internal.h"

/* The columns of a signup, with its waiting position computed from its queue. */
#define SIGNUP_SELECT                                                                            \
    "SELECT s.id, a.uid, coalesce(s.task_id, 0), s.name, s.adults, s.children, "               \
    "s.wants_company, s.code_hash, s.status, s.created_utc, s.kiosk_id, "                       \
    "CASE WHEN s.status = 'waiting' THEN (SELECT count(*) FROM signups w "                     \
    "WHERE w.activity_id = s.activity_id AND w.task_id IS s.task_id "                          \
    "AND w.status = 'waiting' AND (w.created_utc < s.created_utc "                             \
    "OR (w.created_utc = s.created_utc AND (w.kiosk_id < s.kiosk_id "                        \
    "OR (w.kiosk_id = s.kiosk_id AND w.seq <= s.seq))))) ELSE 0 END, s.came, s.updated_utc " \
    "FROM signups s JOIN activities a ON a.id = s.activity_id "

static void read_signup_row(sqlite3_stmt *st, signup *su)
{
    memset(su, 0, sizeof *su);
    st_column_text(st, 0, su->id, sizeof su->id);
    st_column_text(st, 1, su->activity_uid, sizeof su->activity_uid);
    su->task_id = sqlite3_column_int64(st, 2);
    st_column_text(st, 3, su->name, sizeof su->name);
    su->adults = sqlite3_column_int(st, 4);
    su->children = sqlite3_column_int(st, 5);
    su->wants_company = sqlite3_column_int(st, 6) != 0;
    st_column_text(st, 7, su->code_hash, sizeof su->code_hash);
    const char *status = (const char *)sqlite3_column_text(st, 8);
    if (!status || !signup_status_from_key(status, &su->status))
        su->status = SIGNUP_CANCELLED;
    su->created = sqlite3_column_int64(st, 9);
    st_column_text(st, 10, su->kiosk_id, sizeof su->kiosk_id);
    su->waiting_position = sqlite3_column_int(st, 11);
    su->came = sqlite3_column_int(st, 12) != 0;
    su->updated = sqlite3_column_int64(st, 13);
}

/* ---- queues */

typedef struct queue_row {
    int64_t seq;
    signup_status before;
} queue_row;

/* With `fresh`, the queue is worked out anew from the order alone, as if every live
 * sign-up were waiting: what store_share_merge needs so that every kiosk that holds the same
 * sign-ups gives the same places, whatever each had said before. */
static vm_status rebalance_queue_as(store *s, const activity *a, int64_t task_id, int capacity,
                                    bool fresh, int64_t now, int *moved, int *promoted,
                                    vm_err *err)
{
    vm_status status = VM_OK;
    queue_row *rows = NULL;
    rules_entry *q = NULL;
    size_t n = 0, cap = 0;
    int rc;

    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT seq, status, adults, children FROM signups "
                                  "WHERE activity_id = ?1 AND task_id IS ?2 "
                                  "AND status <> 'cancelled' ORDER BY created_utc, kiosk_id, seq",
                                  err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, a->id);
    if (task_id)
        st_bind_i64(st, 2, task_id);
    else
        sqlite3_bind_null(st, 2);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            queue_row *r2 = realloc(rows, ncap * sizeof *rows);
            if (r2)
                rows = r2;
            rules_entry *q2 = r2 ? realloc(q, ncap * sizeof *q) : NULL;
            if (!r2 || !q2) {
                status = err_set(err, VM_ERR_NOMEM, "Out of memory while ordering sign-ups.");
                break;
            }
            q = q2;
            cap = ncap;
        }
        const char *key = (const char *)sqlite3_column_text(st, 1);
        signup_status sst = SIGNUP_WAITING;
        if (key)
            signup_status_from_key(key, &sst);
        rows[n].seq = sqlite3_column_int64(st, 0);
        rows[n].before = sst;
        q[n].status = fresh ? SIGNUP_WAITING : sst;
        q[n].waiting_position = 0;
        q[n].heads = task_id ? 1
                             : rules_heads(a, sqlite3_column_int(st, 2), sqlite3_column_int(st, 3));
        n++;
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading a waiting list");
    st_reset(st);
    if (status != VM_OK || n == 0)
        goto out;

    rules_rebalance(q, n, capacity);
    for (size_t i = 0; i < n; i++) {
        if (q[i].status == rows[i].before)
            continue;
        sqlite3_stmt *up = st_prepare(s,
                                      "UPDATE signups SET status = ?2, updated_utc = "
                                      "CASE WHEN ?3 > 0 THEN ?3 ELSE updated_utc END "
                                      "WHERE seq = ?1",
                                      err);
        if (!up) {
            status = err->status;
            goto out;
        }
        st_bind_i64(up, 1, rows[i].seq);
        st_bind_text(up, 2, signup_status_key(q[i].status));
        st_bind_i64(up, 3, now);
        rc = sqlite3_step(up);
        st_reset(up);
        if (rc != SQLITE_DONE) {
            status = st_error(s->db, rc, err, "moving the waiting list");
            goto out;
        }
        if (q[i].status == SIGNUP_WAITING && rows[i].before == SIGNUP_CONFIRMED && moved)
            (*moved)++;
        if (q[i].status == SIGNUP_CONFIRMED && rows[i].before == SIGNUP_WAITING && promoted)
            (*promoted)++;
    }
out:
    free(rows);
    free(q);
    return status;
}

static vm_status rebalance_queue(store *s, const activity *a, int64_t task_id, int capacity,
                                 int64_t now, int *moved, int *promoted, vm_err *err)
{
    return rebalance_queue_as(s, a, task_id, capacity, false, now, moved, promoted, err);
}

vm_status st_rebalance_activity_fresh(store *s, const activity *a, int64_t now, int *moved,
                                      int *promoted, vm_err *err)
{
    vm_status status = rebalance_queue_as(s, a, 0, a->capacity, true, now, moved, promoted, err);
    for (int i = 0; status == VM_OK && i < a->n_tasks; i++)
        status = rebalance_queue_as(s, a, a->tasks[i].id, a->tasks[i].slots, true, now, moved,
                                    promoted, err);
    return status;
}

vm_status st_rebalance_activity(store *s, const activity *a, int64_t now, int *moved,
                                int *promoted, vm_err *err)
{
    vm_status status = rebalance_queue(s, a, 0, a->capacity, now, moved, promoted, err);
    for (int i = 0; status == VM_OK && i < a->n_tasks; i++)
        status = rebalance_queue(s, a, a->tasks[i].id, a->tasks[i].slots, now, moved, promoted,
                                 err);
    return status;
}

/* ---- reading */

static vm_status signup_load(store *s, const char *id, signup *out, vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3_stmt *st = st_prepare(s, SIGNUP_SELECT "WHERE s.id = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_signup_row(st, out);
    else if (rc == SQLITE_DONE)
        status = err_set(err, VM_ERR_NOT_FOUND, "There is no such sign-up.");
    else
        status = st_error(s->db, rc, err, "reading a sign-up");
    st_reset(st);
    return status;
}

vm_status store_signup_get(store *s, const char *signup_id, signup *out, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !signup_id || !out)
        return err_set(err, VM_ERR_INVALID, "No sign-up was named.");
    return signup_load(s, signup_id, out, err);
}

/* The waiting list's places of `list` (ordered by activity, then created, kiosk and seq, as
 * store_signups_list reads it): 1, 2, ... among the waiting of the same activity and task, in
 * that order. Done here in one pass rather than by a window function in the query, which made
 * SQLite sort every sign-up twice (a sync reads them all). */
static vm_status number_the_waiting(signup *list, size_t n, vm_err *err)
{
    typedef struct task_count {
        int64_t task_id;
        int waiting;
    } task_count;
    task_count *counts = NULL;
    size_t n_counts = 0, cap = 0;
    vm_status status = VM_OK;
    for (size_t i = 0; i < n; i++) {
        signup *su = &list[i];
        if (i > 0 && strcmp(su->activity_uid, list[i - 1].activity_uid) != 0)
            n_counts = 0; /* a new activity: its queues start again */
        if (su->status != SIGNUP_WAITING) {
            su->waiting_position = 0;
            continue;
        }
        size_t k = 0;
        while (k < n_counts && counts[k].task_id != su->task_id)
            k++;
        if (k == n_counts) {
            task_count *room = st_list_room(counts, n_counts, &cap, sizeof *counts, 8);
            if (!room) {
                status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading sign-ups.");
                goto out;
            }
            counts = room;
            counts[n_counts++] = (task_count){su->task_id, 0};
        }
        su->waiting_position = ++counts[k].waiting;
    }
out:
    free(counts);
    return status;
}

/* A sign-up's columns as read_signup_row takes them, but column 1 is the activity's row id
 * (its uid comes from st_act_refs) and column 14 the sign-up's seq. */
#define SIGNUP_ROWS                                                                              \
    "SELECT s.id, s.activity_id, coalesce(s.task_id, 0), s.name, s.adults, s.children, "       \
    "s.wants_company, s.code_hash, s.status, s.created_utc, s.kiosk_id, 0, s.came, "           \
    "s.updated_utc, s.seq FROM signups s "

static void list_row(sqlite3_stmt *st, void *elem, const st_act_ref *a, st_order *key)
{
    signup *su = elem;
    read_signup_row(st, su);
    memcpy(su->activity_uid, a->uid, sizeof su->activity_uid);
    /* the activity's start and row id, then created, kiosk and seq */
    *key = (st_order){{a->start, a->id, su->created}, NULL, sqlite3_column_int64(st, 14), 0};
}

vm_status store_signups_list(store *s, const char *activity_uid, signup **out, size_t *n,
                             vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out || !n)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the sign-ups.");
    *out = NULL;
    *n = 0;
    st_act_ref *refs = NULL;
    size_t n_refs = 0, count = 0;
    void *list = NULL;
    vm_status status = st_act_refs(s, activity_uid, INT64_MIN, &refs, &n_refs, err);
    if (status != VM_OK)
        return status;
    /* An unknown activity is an error, not an empty list: a typo should be said. */
    if (activity_uid && n_refs == 0) {
        status = err_set(err, VM_ERR_NOT_FOUND, "There is no activity %s.", activity_uid);
        goto out;
    }
    /* Read in the table's order (no join, no sort: the activity comes from `refs`), then
     * ordered by the activity's start and id, then created, kiosk and seq. */
    sqlite3_stmt *st = activity_uid ? st_prepare(s, SIGNUP_ROWS "WHERE s.activity_id = ?1", err)
                                    : st_prepare(s, SIGNUP_ROWS, err);
    if (!st) {
        status = err->status;
        goto out;
    }
    if (activity_uid)
        st_bind_i64(st, 1, refs[0].id);
    status = st_read_ordered(s, st, refs, n_refs, sizeof **out, offsetof(signup, kiosk_id),
                             list_row, &list, &count, err);
    if (status == VM_OK && (status = number_the_waiting(list, count, err)) == VM_OK) {
        *out = list;
        *n = count;
        list = NULL;
    }
out:
    free(list);
    free(refs);
    return status;
}

/* ---- joining */

static bool is_uuid(const char *id)
{
    if (strnlen(id, SIGNUP_ID_MAX) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        char c = id[i];
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex)
            return false;
    }
    return true;
}

/* The name rule is core/rules.c's; this gives its refusal the store's words. */
vm_status st_clean_name(const char *in, char out[SIGNUP_NAME_BYTES], vm_err *err)
{
    if (rules_clean_name(in, out) == JOIN_REFUSAL_NONE)
        return VM_OK;
    return err_set(err, VM_ERR_INVALID,
                   "Please write your name or your initials, with letters, numbers and signs "
                   "but no pictures.");
}

static vm_status refusal(join_state js, const activity *a, vm_err *err)
{
    char when[17];
    switch (js) {
    case JOIN_NO_SIGNUP:
        return err_set(err, VM_ERR_REFUSED,
                       a->mode == SIGNUP_MODE_HELPERS
                           ? "This activity takes helpers only; there are no places to join."
                           : "No sign-up is needed for this activity: just come.");
    case JOIN_CANCELLED:
        return err_set(err, VM_ERR_REFUSED, "This activity is cancelled.");
    case JOIN_STARTED:
        return err_set(err, VM_ERR_REFUSED, "This activity has already started.");
    case JOIN_DEADLINE_PASSED:
        dktime_format_local(a->deadline, when);
        return err_set(err, VM_ERR_REFUSED, "Sign-up closed at the deadline, %s.", when);
    case JOIN_PAUSED:
        return err_set(err, VM_ERR_REFUSED, "Sign-up is paused on this kiosk.");
    default:
        return err_set(err, VM_ERR_INTERNAL, "Unknown sign-up state %d.", (int)js);
    }
}

vm_status store_join(store *s, signup *su, int64_t now, join_refusal *why, vm_err *err)
{
    ST_ERR_LOCAL(err);
    join_refusal refused = JOIN_REFUSAL_NONE;
    if (!why)
        why = &refused;
    *why = JOIN_REFUSAL_NONE;
    if (!s || !su)
        return err_set(err, VM_ERR_INVALID, "No sign-up was given.");
    vm_status status = VM_OK;
    activity a;
    activity_counts counts;
    signup existing;
    char name[SIGNUP_NAME_BYTES];
    int task_index = -1;

    if (!is_uuid(su->id))
        return err_set(err, VM_ERR_INVALID, "The sign-up has no valid id.");
    if (strnlen(su->activity_uid, sizeof su->activity_uid) == sizeof su->activity_uid ||
        strnlen(su->name, sizeof su->name) == sizeof su->name ||
        strnlen(su->code_hash, sizeof su->code_hash) == sizeof su->code_hash ||
        strnlen(su->peer_code, sizeof su->peer_code) == sizeof su->peer_code ||
        (su->peer_code[0] && strncmp(su->peer_code, "s1$", 3) != 0) ||
        strnlen(su->kiosk_id, sizeof su->kiosk_id) == sizeof su->kiosk_id)
        return err_set(err, VM_ERR_INVALID, "The sign-up has a field that is too long.");
    if ((status = st_clean_name(su->name, name, err)) != VM_OK) {
        *why = JOIN_REFUSAL_NAME;
        return status;
    }
    if ((status = st_begin(s, err)) != VM_OK)
        return status;

    /* The same sign-up again (a double tap, a retried command) is the one already made. */
    vm_err lookup = {0};
    status = signup_load(s, su->id, &existing, &lookup);
    if (status != VM_OK && status != VM_ERR_NOT_FOUND)
        *err = lookup;
    if (status == VM_OK) {
        if (strcmp(existing.activity_uid, su->activity_uid) != 0) {
            status = err_set(err, VM_ERR_INVALID, "This sign-up id is already used elsewhere.");
            goto fail;
        }
        st_rollback(s);
        *su = existing;
        return VM_OK;
    }
    if (status != VM_ERR_NOT_FOUND)
        goto fail;
    status = VM_OK;

    if ((status = st_activity_load(s, 0, su->activity_uid, &a, err)) != VM_OK) {
        if (status == VM_ERR_NOT_FOUND)
            *why = JOIN_REFUSAL_NOT_FOUND;
        goto fail;
    }
    if ((status = st_activity_counts(s, &a, &counts, err)) != VM_OK)
        goto fail;
    if (su->task_id) {
        for (int i = 0; i < a.n_tasks; i++)
            if (a.tasks[i].id == su->task_id)
                task_index = i;
        if (task_index < 0) {
            *why = JOIN_REFUSAL_NOT_FOUND;
            status = err_set(err, VM_ERR_NOT_FOUND, "This helper task is no longer there.");
            goto fail;
        }
    }
    join_state js = task_index >= 0 ? rules_task_join_state(&a, &counts, task_index, now)
                                    : rules_join_state(&a, &counts, now);
    if ((*why = rules_refusal(js)) != JOIN_REFUSAL_NONE) {
        status = refusal(js, &a, err);
        goto fail;
    }

    int adults = 1, children = 0;
    if (task_index < 0 && a.count_household) {
        adults = su->adults;
        children = su->children;
        if ((*why = rules_household(adults, children)) != JOIN_REFUSAL_NONE) {
            status = err_set(err, VM_ERR_INVALID, "Please count at least one person, and at "
                                                  "most %d adults and %d children at once.",
                             HOUSEHOLD_MAX, HOUSEHOLD_MAX);
            goto fail;
        }
    }
    if (task_index < 0 && a.capacity > 0 && rules_heads(&a, adults, children) > a.capacity) {
        *why = JOIN_REFUSAL_TOO_MANY;
        status = err_set(err, VM_ERR_REFUSED, "This activity has only %d places in all.",
                         a.capacity);
        goto fail;
    }

    char kiosk[KIOSK_ID_MAX];
    snprintf(kiosk, sizeof kiosk, "%s", su->kiosk_id);
    if (!kiosk[0] && st_fact_get(s, "kiosk_id", kiosk, sizeof kiosk, &lookup) != VM_OK)
        kiosk[0] = '\0';
    int64_t created = su->created ? su->created : now;

    sqlite3_stmt *ins = st_prepare(
        s,
        "INSERT INTO signups (id, activity_id, task_id, name, adults, children, wants_company, "
        "code_hash, status, created_utc, updated_utc, kiosk_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'waiting', ?9, ?10, ?11)",
        err);
    if (!ins) {
        status = err->status;
        goto fail;
    }
    st_bind_text(ins, 1, su->id);
    st_bind_i64(ins, 2, a.id);
    if (task_index >= 0)
        st_bind_i64(ins, 3, su->task_id);
    else
        sqlite3_bind_null(ins, 3);
    st_bind_text(ins, 4, name);
    sqlite3_bind_int(ins, 5, adults);
    sqlite3_bind_int(ins, 6, children);
    sqlite3_bind_int(ins, 7, su->wants_company ? 1 : 0);
    st_bind_text(ins, 8, su->code_hash);
    st_bind_i64(ins, 9, created);
    st_bind_i64(ins, 10, now);
    st_bind_text(ins, 11, kiosk);
    int rc = sqlite3_step(ins);
    st_reset(ins);
    if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "saving the sign-up");
        goto fail;
    }
    if (su->peer_code[0]) {
        sqlite3_stmt *pc = st_prepare(
            s, "INSERT INTO peer_codes (signup_id, verifier) VALUES (?1, ?2)", err);
        if (!pc) {
            status = err->status;
            goto fail;
        }
        st_bind_text(pc, 1, su->id);
        st_bind_text(pc, 2, su->peer_code);
        rc = sqlite3_step(pc);
        st_reset(pc);
        if (rc != SQLITE_DONE) {
            status = st_error(s->db, rc, err, "saving the sign-up");
            goto fail;
        }
    }
    if (task_index >= 0)
        status = rebalance_queue(s, &a, su->task_id, a.tasks[task_index].slots, now, NULL, NULL,
                                 err);
    else
        status = rebalance_queue(s, &a, 0, a.capacity, now, NULL, NULL, err);
    if (status != VM_OK)
        goto fail;
    if ((status = signup_load(s, su->id, &existing, err)) != VM_OK)
        goto fail;
    if ((status = st_commit(s, err)) != VM_OK)
        return status;
    *su = existing;
    return VM_OK;
fail:
    st_rollback(s);
    return status;
}

/* ---- cancelling */

/* Cancels the live sign-up with row `seq` and rebalances its queue, inside a transaction. */
static vm_status cancel_row(store *s, const char *id, int64_t now, int *promoted, vm_err *err)
{
    vm_status status = VM_OK;
    int64_t seq = 0, activity_id = 0, task_id = 0;
    char key[16] = "";
    sqlite3_stmt *st = st_prepare(
        s, "SELECT seq, activity_id, coalesce(task_id, 0), status FROM signups WHERE id = ?1",
        err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        seq = sqlite3_column_int64(st, 0);
        activity_id = sqlite3_column_int64(st, 1);
        task_id = sqlite3_column_int64(st, 2);
        st_column_text(st, 3, key, sizeof key);
    }
    st_reset(st);
    if (rc == SQLITE_DONE)
        return err_set(err, VM_ERR_NOT_FOUND, "There is no such sign-up.");
    if (rc != SQLITE_ROW)
        return st_error(s->db, rc, err, "reading a sign-up");
    if (strcmp(key, "cancelled") == 0)
        return err_set(err, VM_ERR_REFUSED, "This sign-up was already cancelled.");

    sqlite3_stmt *up = st_prepare(
        s, "UPDATE signups SET status = 'cancelled', updated_utc = ?2 WHERE seq = ?1", err);
    if (!up)
        return err->status;
    st_bind_i64(up, 1, seq);
    st_bind_i64(up, 2, now);
    rc = sqlite3_step(up);
    st_reset(up);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "cancelling the sign-up");

    activity a;
    if ((status = st_activity_load(s, activity_id, NULL, &a, err)) != VM_OK)
        return status;
    int capacity = a.capacity;
    if (task_id) {
        capacity = -1;
        for (int i = 0; i < a.n_tasks; i++)
            if (a.tasks[i].id == task_id)
                capacity = a.tasks[i].slots;
        if (capacity < 0)
            return VM_OK; /* a retired task: its queue no longer moves */
    }
    return rebalance_queue(s, &a, task_id, capacity, now, NULL, promoted, err);
}

vm_status store_cancel(store *s, const char *signup_id, int64_t now, int *promoted, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (promoted)
        *promoted = 0;
    if (!s || !signup_id)
        return err_set(err, VM_ERR_INVALID, "No sign-up was named.");
    vm_status status = st_begin(s, err);
    if (status != VM_OK)
        return status;
    int n = 0;
    status = cancel_row(s, signup_id, now, &n, err);
    if (status == VM_OK)
        status = st_commit(s, err);
    else
        st_rollback(s);
    if (status == VM_OK && promoted)
        *promoted = n;
    return status;
}

typedef struct candidate {
    char id[SIGNUP_ID_MAX];
    char code_hash[SIGNUP_CODE_HASH_MAX];
} candidate;

/* Appends the live sign-ups of `activity_uid` made at other kiosks that carry a verifier
 * from there (peer_codes, keyed here), oldest first and at most STORE_PEER_CANDIDATES_MAX:
 * a forged list of places must not make one cancel slow. */
static vm_status peer_candidates(store *s, const char *activity_uid, candidate **cands,
                                 size_t *n, size_t *cap, vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT s.id, p.verifier FROM signups s "
                                  "JOIN activities a ON a.id = s.activity_id "
                                  "JOIN peer_codes p ON p.signup_id = s.id "
                                  "WHERE a.uid = ?1 AND s.status <> 'cancelled' "
                                  "AND s.purged = 1 AND p.verifier GLOB 'k1$*' "
                                  "ORDER BY s.created_utc, s.seq LIMIT ?2",
                                  err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, activity_uid);
    st_bind_i64(st, 2, STORE_PEER_CANDIDATES_MAX);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == *cap) {
            size_t ncap = *cap ? *cap * 2 : 4;
            candidate *bigger = realloc(*cands, ncap * sizeof **cands);
            if (!bigger) {
                status = err_set(err, VM_ERR_NOMEM, "Out of memory while finding the sign-up.");
                break;
            }
            *cands = bigger;
            *cap = ncap;
        }
        st_column_text(st, 0, (*cands)[*n].id, sizeof (*cands)[*n].id);
        st_column_text(st, 1, (*cands)[*n].code_hash, sizeof (*cands)[*n].code_hash);
        (*n)++;
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "finding the sign-up");
    st_reset(st);
    return status;
}

vm_status store_cancel_with_code(store *s, const char *activity_uid, const char *name,
                                 const char *code, const code_key *key, int64_t now,
                                 signup *cancelled, int *promoted, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (promoted)
        *promoted = 0;
    if (!s || !activity_uid || !name)
        return err_set(err, VM_ERR_INVALID, "No activity or name was given.");
    vm_status status = VM_OK;
    candidate *cands = NULL;
    size_t n = 0, cap = 0;
    char want[SIGNUP_NAME_BYTES], clean[SIGNUP_NAME_BYTES * 2], folded[SIGNUP_NAME_BYTES * 2];
    utf8_clean_line(name, clean, sizeof clean);
    utf8_fold_case(clean, want, sizeof want);
    if (!want[0])
        return err_set(err, VM_ERR_INVALID, "Please write the name you signed up with.");

    if ((status = st_begin(s, err)) != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT s.id, s.name, s.code_hash FROM signups s "
                                  "JOIN activities a ON a.id = s.activity_id "
                                  "WHERE a.uid = ?1 AND s.status <> 'cancelled' "
                                  "AND s.purged = 0 ORDER BY s.created_utc, s.seq",
                                  err);
    if (!st) {
        status = err->status;
        goto out;
    }
    st_bind_text(st, 1, activity_uid);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *stored = (const char *)sqlite3_column_text(st, 1);
        utf8_fold_case(stored ? stored : "", folded, sizeof folded);
        if (strcmp(folded, want) != 0)
            continue;
        candidate *bigger = st_list_room(cands, n, &cap, sizeof *bigger, 4);
        if (!bigger) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory while finding the sign-up.");
            break;
        }
        cands = bigger;
        st_column_text(st, 0, cands[n].id, sizeof cands[n].id);
        st_column_text(st, 2, cands[n].code_hash, sizeof cands[n].code_hash);
        n++;
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "finding the sign-up");
    st_reset(st);
    if (status != VM_OK)
        goto out;
    size_t n_here = n;
    if ((status = peer_candidates(s, activity_uid, &cands, &n, &cap, err)) != VM_OK)
        goto out;

    /* No name, no code on it, a wrong code: one answer, and about the same work, so that
     * neither the words nor the time taken tell a stranger whether a name is signed up. */
    const candidate *match = NULL;
    int tried = 0;
    for (size_t i = 0; i < n_here && !match; i++) {
        if (!cands[i].code_hash[0])
            continue;
        tried++;
        if (code && code_matches(code, cands[i].code_hash, key))
            match = &cands[i];
    }
    /* Sign-ups made at the estate's other kiosks carry no name here: each is tried with the
     * name and the code together, all of them (their number is no secret, a match is). */
    if (n > n_here) {
        char secret[SIGNUP_NAME_BYTES + CODE_DIGITS + 2];
        code_peer_secret(want, code ? code : "", secret, sizeof secret);
        for (size_t i = n_here; i < n; i++) {
            tried++;
            if (code && code_matches(secret, cands[i].code_hash, key) && !match)
                match = &cands[i];
        }
        memset(secret, 0, sizeof secret);
    }
    if (!match) {
        if (!tried) {
            static const char DUMMY[] = "p1$3000$00000000000000000000000000000000$"
                                        "0000000000000000000000000000000000000000000000000000000000000000";
            (void)code_matches(code ? code : "", DUMMY, key);
        }
        status = err_set(err, VM_ERR_NOT_FOUND,
                         "The name and the code do not match a sign-up with a code here.");
        goto out;
    }
    int moved_up = 0;
    if ((status = cancel_row(s, match->id, now, &moved_up, err)) != VM_OK)
        goto out;
    signup done;
    if (cancelled && (status = signup_load(s, match->id, &done, err)) != VM_OK)
        goto out;
    if ((status = st_commit(s, err)) != VM_OK)
        goto out;
    if (cancelled)
        *cancelled = done;
    if (promoted)
        *promoted = moved_up;
out:
    st_rollback(s);
    free(cands);
    return status;
}

vm_status store_signups_last_change(store *s, int64_t *out, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the time.");
    return st_one_i64(s, "SELECT coalesce(max(updated_utc), 0) FROM signups", out, "reading the sign-ups", err);
}
