/* activities: what is on, its helper tasks, and the counts the public screens may show. */
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "core/utf8.h"
#include "store/store_internal.h"

#define ACT_COLUMNS                                                                              \
    "id, uid, title, description, category, place, host, host_phone, price, audience, "         \
    "start_utc, end_utc, mode, capacity, deadline_utc, count_household, badges, signup_url, "   \
    "cancelled"

/* ---- checking what is about to be stored */

static bool text_ok(const char *t, size_t size)
{
    size_t n = strnlen(t, size);
    return n < size && utf8_valid(t, n);
}

vm_status st_activity_validate(const activity *a, vm_err *err)
{
    const char *uid = text_ok(a->uid, sizeof a->uid) ? a->uid : "(unreadable)";
    struct {
        const char *text;
        size_t size;
        const char *name;
    } fields[] = {
        {a->uid, sizeof a->uid, "id"},
        {a->title, sizeof a->title, "title"},
        {a->description, sizeof a->description, "description"},
        {a->place, sizeof a->place, "place"},
        {a->host, sizeof a->host, "host"},
        {a->host_phone, sizeof a->host_phone, "host's phone"},
        {a->price, sizeof a->price, "price"},
        {a->audience, sizeof a->audience, "target group"},
        {a->signup_url, sizeof a->signup_url, "sign-up link"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (!text_ok(fields[i].text, fields[i].size))
            return err_set(err, VM_ERR_INVALID,
                           "The activity %s has a %s that is too long or not readable text.",
                           uid, fields[i].name);
    if (!a->uid[0])
        return err_set(err, VM_ERR_INVALID, "An activity has no id.");
    if (!a->title[0])
        return err_set(err, VM_ERR_INVALID, "The activity %s has no title.", uid);
    if (a->end < a->start)
        return err_set(err, VM_ERR_INVALID, "The activity %s ends before it starts.", uid);
    if (a->capacity < 0)
        return err_set(err, VM_ERR_INVALID, "The activity %s has a negative number of places.",
                       uid);
    if (a->deadline < 0)
        return err_set(err, VM_ERR_INVALID, "The activity %s has an impossible deadline.", uid);
    if ((unsigned)a->mode > SIGNUP_MODE_HELPERS)
        return err_set(err, VM_ERR_INVALID, "The activity %s has an unknown sign-up kind.", uid);
    if ((unsigned)a->category >= CAT_COUNT)
        return err_set(err, VM_ERR_INVALID, "The activity %s has an unknown category.", uid);
    if (a->badges & ~(unsigned)BADGE_ALL)
        return err_set(err, VM_ERR_INVALID, "The activity %s has an unknown badge.", uid);
    if (a->n_tasks < 0 || a->n_tasks > ACT_TASKS_MAX)
        return err_set(err, VM_ERR_INVALID, "The activity %s has more than %d helper tasks.", uid,
                       ACT_TASKS_MAX);
    for (int i = 0; i < a->n_tasks; i++) {
        const helper_task *t = &a->tasks[i];
        if (!text_ok(t->title, sizeof t->title) || !t->title[0])
            return err_set(err, VM_ERR_INVALID,
                           "A helper task of the activity %s has no readable title.", uid);
        if (t->minutes < 0 || t->slots < 0)
            return err_set(err, VM_ERR_INVALID,
                           "The helper task \"%s\" of %s has a negative time or number.",
                           t->title, uid);
        for (int j = 0; j < i; j++)
            if (strcmp(a->tasks[j].title, t->title) == 0)
                return err_set(err, VM_ERR_INVALID,
                               "The activity %s lists the helper task \"%s\" twice.", uid,
                               t->title);
    }
    return VM_OK;
}

/* ---- reading */

static void read_activity_row(sqlite3_stmt *st, activity *a)
{
    char word[40];
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    st_column_text(st, 1, a->uid, sizeof a->uid);
    st_column_text(st, 2, a->title, sizeof a->title);
    st_column_text(st, 3, a->description, sizeof a->description);
    st_column_text(st, 4, word, sizeof word);
    a->category = category_from_word(word);
    st_column_text(st, 5, a->place, sizeof a->place);
    st_column_text(st, 6, a->host, sizeof a->host);
    st_column_text(st, 7, a->host_phone, sizeof a->host_phone);
    st_column_text(st, 8, a->price, sizeof a->price);
    st_column_text(st, 9, a->audience, sizeof a->audience);
    a->start = sqlite3_column_int64(st, 10);
    a->end = sqlite3_column_int64(st, 11);
    st_column_text(st, 12, word, sizeof word);
    if (!signup_mode_from_word(word, &a->mode))
        a->mode = SIGNUP_MODE_NONE;
    a->capacity = sqlite3_column_int(st, 13);
    a->deadline = sqlite3_column_int64(st, 14);
    a->count_household = sqlite3_column_int(st, 15) != 0;
    a->badges = (unsigned)sqlite3_column_int64(st, 16) & (unsigned)BADGE_ALL;
    st_column_text(st, 17, a->signup_url, sizeof a->signup_url);
    a->cancelled = sqlite3_column_int(st, 18) != 0;
}

/* The tasks of one activity (id = activity_id), or of every activity of a program window
 * (one query for all: `list` is ordered by start, `by_id` finds an activity by its row id). */
static void read_task_row(sqlite3_stmt *st, activity *a)
{
    if (a->n_tasks == ACT_TASKS_MAX)
        return; /* more than the struct holds: only a hand-edited file does this */
    helper_task *t = &a->tasks[a->n_tasks++];
    t->id = sqlite3_column_int64(st, 1);
    st_column_text(st, 2, t->title, sizeof t->title);
    t->minutes = sqlite3_column_int(st, 3);
    t->slots = sqlite3_column_int(st, 4);
}

/* The live tasks of one activity in (position, id) order, the first ACT_TASKS_MAX of them:
 * put in order here as they come (there are a few), since SQLite's ORDER BY set up a sorter
 * for every activity an import looks at (a third of the cost of loading one). */
static vm_status load_tasks(store *s, activity *a, vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT activity_id, id, title, minutes, slots, position "
                                  "FROM helper_tasks WHERE activity_id = ?1 AND retired = 0",
                                  err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, a->id);
    int rc;
    int64_t position[ACT_TASKS_MAX];
    a->n_tasks = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t pos = sqlite3_column_int64(st, 5), id = sqlite3_column_int64(st, 1);
        int k = a->n_tasks;
        while (k > 0 && (position[k - 1] > pos ||
                         (position[k - 1] == pos && a->tasks[k - 1].id > id)))
            k--;
        if (k == ACT_TASKS_MAX)
            continue; /* after the ones the struct holds: only a hand-edited file does this */
        int moved = (a->n_tasks < ACT_TASKS_MAX ? a->n_tasks : ACT_TASKS_MAX - 1) - k;
        memmove(&a->tasks[k + 1], &a->tasks[k], (size_t)moved * sizeof a->tasks[0]);
        memmove(&position[k + 1], &position[k], (size_t)moved * sizeof position[0]);
        if (a->n_tasks < ACT_TASKS_MAX)
            a->n_tasks++;
        helper_task *t = &a->tasks[k];
        memset(t, 0, sizeof *t);
        t->id = id;
        st_column_text(st, 2, t->title, sizeof t->title);
        t->minutes = sqlite3_column_int(st, 3);
        t->slots = sqlite3_column_int(st, 4);
        position[k] = pos;
    }
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the helper tasks");
    st_reset(st);
    return status;
}

vm_status st_activity_load(store *s, int64_t id, const char *uid, activity *out, vm_err *err)
{
    vm_status status = VM_OK;
    sqlite3_stmt *st =
        uid ? st_prepare(s, "SELECT " ACT_COLUMNS " FROM activities WHERE uid = ?1", err)
            : st_prepare(s, "SELECT " ACT_COLUMNS " FROM activities WHERE id = ?1", err);
    if (!st)
        return err->status;
    if (uid)
        st_bind_text(st, 1, uid);
    else
        st_bind_i64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_activity_row(st, out);
    else if (rc == SQLITE_DONE)
        status = err_set(err, VM_ERR_NOT_FOUND, "There is no activity %s.", uid ? uid : "with that number");
    else
        status = st_error(s->db, rc, err, "reading an activity");
    st_reset(st);
    if (status == VM_OK)
        status = load_tasks(s, out, err);
    return status;
}

static void act_ref_row(sqlite3_stmt *st, void *elem)
{
    st_act_ref *r = elem;
    r->id = sqlite3_column_int64(st, 0);
    r->start = sqlite3_column_int64(st, 1);
    r->end = sqlite3_column_int64(st, 2);
    st_column_text(st, 3, r->uid, sizeof r->uid);
}

vm_status st_act_refs(store *s, const char *uid, int64_t ended_after, st_act_ref **out,
                      size_t *n, vm_err *err)
{
    /* by row id: the table's own order, so nothing is sorted */
    sqlite3_stmt *st =
        uid ? st_prepare(s, "SELECT id, start_utc, end_utc, uid FROM activities WHERE uid = ?1",
                         err)
            : st_prepare(s,
                         "SELECT id, start_utc, end_utc, uid FROM activities "
                         "WHERE end_utc > ?1 ORDER BY id",
                         err);
    if (!st)
        return err->status;
    if (uid)
        st_bind_text(st, 1, uid);
    else
        st_bind_i64(st, 1, ended_after);
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, 64, act_ref_row, &list, n,
                                    "reading the program", err);
    *out = list;
    return status;
}

static int ref_by_id(const void *key, const void *elem)
{
    int64_t a = *(const int64_t *)key, b = ((const st_act_ref *)elem)->id;
    return (a > b) - (a < b);
}

const st_act_ref *st_act_ref_find(const st_act_ref *refs, size_t n, int64_t id)
{
    return n ? bsearch(&id, refs, n, sizeof *refs, ref_by_id) : NULL;
}

/* Adds one sign-up row (activity_id, task_id, status, adults, children, wants_company) to
 * the counts of `a`. */
static void add_count_row(sqlite3_stmt *st, const activity *a, activity_counts *out)
{
    int task_index = -1;
    if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
        int64_t task_id = sqlite3_column_int64(st, 1);
        task_index = -2;
        for (int i = 0; i < a->n_tasks; i++)
            if (a->tasks[i].id == task_id)
                task_index = i;
        if (task_index == -2)
            return; /* a retired task: no longer part of the program */
    }
    signup_status sst;
    const char *key = (const char *)sqlite3_column_text(st, 2);
    if (!key || !signup_status_from_key(key, &sst))
        return;
    rules_count(out, a, task_index, sst, sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
                sqlite3_column_int(st, 5) != 0);
}

#define COUNT_COLUMNS "s.activity_id, s.task_id, s.status, s.adults, s.children, s.wants_company"

vm_status st_activity_counts(store *s, const activity *a, activity_counts *out, vm_err *err)
{
    vm_status status = VM_OK;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT " COUNT_COLUMNS " FROM signups s "
                                  "WHERE s.activity_id = ?1",
                                  err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, a->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        add_count_row(st, a, out);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "counting the sign-ups");
    st_reset(st);
    return status;
}

/* ---- writing */

static vm_status save_tasks(store *s, activity *a, vm_err *err)
{
    vm_status status = VM_OK;
    int rc = SQLITE_OK;
    sqlite3_stmt *find = NULL, *upd = NULL, *ins = NULL, *retire = NULL, *drop = NULL;

    for (int i = 0; i < a->n_tasks; i++) {
        helper_task *t = &a->tasks[i];
        find = st_prepare(s, "SELECT id FROM helper_tasks WHERE activity_id = ?1 AND title = ?2",
                          err);
        if (!find)
            return err->status;
        st_bind_i64(find, 1, a->id);
        st_bind_text(find, 2, t->title);
        rc = sqlite3_step(find);
        t->id = rc == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
        st_reset(find);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return st_error(s->db, rc, err, "saving the helper tasks");
        if (t->id) {
            upd = st_prepare(s,
                             "UPDATE helper_tasks SET minutes = ?2, slots = ?3, position = ?4, "
                             "retired = 0 WHERE id = ?1",
                             err);
            if (!upd)
                return err->status;
            st_bind_i64(upd, 1, t->id);
            sqlite3_bind_int(upd, 2, t->minutes);
            sqlite3_bind_int(upd, 3, t->slots);
            sqlite3_bind_int(upd, 4, i);
            rc = sqlite3_step(upd);
            st_reset(upd);
        } else {
            ins = st_prepare(s,
                             "INSERT INTO helper_tasks (activity_id, title, minutes, slots, "
                             "position) VALUES (?1, ?2, ?3, ?4, ?5)",
                             err);
            if (!ins)
                return err->status;
            st_bind_i64(ins, 1, a->id);
            st_bind_text(ins, 2, t->title);
            sqlite3_bind_int(ins, 3, t->minutes);
            sqlite3_bind_int(ins, 4, t->slots);
            sqlite3_bind_int(ins, 5, i);
            rc = sqlite3_step(ins);
            st_reset(ins);
            t->id = sqlite3_last_insert_rowid(s->db);
        }
        if (rc != SQLITE_DONE)
            return st_error(s->db, rc, err, "saving the helper tasks");
    }

    /* Tasks no longer listed: kept (hidden) while sign-ups point at them, else removed. */
    int64_t gone[64];
    size_t n_gone = 0;
    sqlite3_stmt *all = st_prepare(s, "SELECT id FROM helper_tasks WHERE activity_id = ?1", err);
    if (!all)
        return err->status;
    st_bind_i64(all, 1, a->id);
    while ((rc = sqlite3_step(all)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(all, 0);
        bool listed = false;
        for (int i = 0; i < a->n_tasks; i++)
            listed = listed || a->tasks[i].id == id;
        if (!listed && n_gone < sizeof gone / sizeof gone[0])
            gone[n_gone++] = id;
    }
    st_reset(all);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "saving the helper tasks");
    for (size_t i = 0; i < n_gone; i++) {
        retire = st_prepare(s,
                            "UPDATE helper_tasks SET retired = 1 WHERE id = ?1 "
                            "AND EXISTS (SELECT 1 FROM signups WHERE task_id = ?1)",
                            err);
        if (!retire)
            return err->status;
        st_bind_i64(retire, 1, gone[i]);
        rc = sqlite3_step(retire);
        st_reset(retire);
        if (rc != SQLITE_DONE)
            return st_error(s->db, rc, err, "saving the helper tasks");
        drop = st_prepare(s,
                          "DELETE FROM helper_tasks WHERE id = ?1 "
                          "AND NOT EXISTS (SELECT 1 FROM signups WHERE task_id = ?1)",
                          err);
        if (!drop)
            return err->status;
        st_bind_i64(drop, 1, gone[i]);
        rc = sqlite3_step(drop);
        st_reset(drop);
        if (rc != SQLITE_DONE)
            return st_error(s->db, rc, err, "saving the helper tasks");
    }
    return status;
}

static void bind_activity(sqlite3_stmt *st, const activity *a)
{
    st_bind_text(st, 1, a->uid);
    st_bind_text(st, 2, a->title);
    st_bind_text(st, 3, a->description);
    st_bind_text(st, 4, category_key(a->category));
    st_bind_text(st, 5, a->place);
    st_bind_text(st, 6, a->host);
    st_bind_text(st, 7, a->host_phone);
    st_bind_text(st, 8, a->price);
    st_bind_text(st, 9, a->audience);
    st_bind_i64(st, 10, a->start);
    st_bind_i64(st, 11, a->end);
    st_bind_text(st, 12, signup_mode_key(a->mode));
    sqlite3_bind_int(st, 13, a->capacity);
    st_bind_i64(st, 14, a->deadline);
    sqlite3_bind_int(st, 15, a->count_household ? 1 : 0);
    st_bind_i64(st, 16, (int64_t)a->badges);
    st_bind_text(st, 17, a->signup_url);
    sqlite3_bind_int(st, 18, a->cancelled ? 1 : 0);
}

vm_status st_activity_upsert(store *s, activity *a, int64_t now, int *moved, int *promoted,
                             vm_err *err)
{
    vm_status status = st_activity_validate(a, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(
        s,
        "INSERT INTO activities (uid, title, description, category, place, host, host_phone, "
        "price, audience, start_utc, end_utc, mode, capacity, deadline_utc, count_household, "
        "badges, signup_url, cancelled, created_utc, updated_utc) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, ?19) "
        "ON CONFLICT (uid) DO UPDATE SET title = excluded.title, "
        "description = excluded.description, category = excluded.category, "
        "place = excluded.place, host = excluded.host, host_phone = excluded.host_phone, "
        "price = excluded.price, audience = excluded.audience, "
        "start_utc = excluded.start_utc, end_utc = excluded.end_utc, mode = excluded.mode, "
        "capacity = excluded.capacity, deadline_utc = excluded.deadline_utc, "
        "count_household = excluded.count_household, badges = excluded.badges, "
        "signup_url = excluded.signup_url, cancelled = excluded.cancelled, "
        "updated_utc = CASE WHEN excluded.updated_utc > 0 THEN excluded.updated_utc "
        "ELSE updated_utc END "
        "RETURNING id",
        err);
    if (!st)
        return err->status;
    bind_activity(st, a);
    st_bind_i64(st, 19, now > 0 ? now : 0);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        a->id = sqlite3_column_int64(st, 0);
        rc = sqlite3_step(st);
    }
    st_reset(st);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "saving an activity");
    if ((status = save_tasks(s, a, err)) != VM_OK)
        return status;
    return st_rebalance_activity(s, a, now, moved, promoted, err);
}

/* ---- the public functions */

vm_status store_activity_put(store *s, activity *a, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !a)
        return err_set(err, VM_ERR_INVALID, "No activity was given.");
    vm_status status = st_begin(s, err);
    if (status != VM_OK)
        return status;
    status = st_activity_upsert(s, a, 0, NULL, NULL, err);
    if (status == VM_OK)
        status = st_commit(s, err);
    else
        st_rollback(s);
    return status;
}

vm_status store_activity_get(store *s, const char *uid, activity *out, activity_counts *counts,
                             vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !uid || !out)
        return err_set(err, VM_ERR_INVALID, "No activity was named.");
    activity a;
    vm_status status = st_activity_load(s, 0, uid, &a, err);
    if (status == VM_OK && counts)
        status = st_activity_counts(s, &a, counts, err);
    if (status == VM_OK)
        *out = a;
    return status;
}

/* Row id -> position in a program list, for attaching tasks and counts read in one query. */
typedef struct id_pos {
    int64_t id;
    size_t pos;
} id_pos;

static int by_id(const void *x, const void *y)
{
    int64_t a = ((const id_pos *)x)->id, b = ((const id_pos *)y)->id;
    return (a > b) - (a < b);
}

static activity *find_by_id(const id_pos *index, size_t n, activity *list, int64_t id)
{
    id_pos key = {id, 0};
    const id_pos *hit = bsearch(&key, index, n, sizeof *index, by_id);
    return hit ? &list[hit->pos] : NULL;
}

/* The tasks and (when clist is given) the counts of every activity in `list`, which holds
 * those with end > from and since <= start < to: two queries for the whole program (or a
 * batch of it, which `since` keeps from reading the batches before again). */
static vm_status load_program_details(store *s, int64_t from, int64_t since, int64_t to,
                                      activity *list, activity_counts *clist, size_t len,
                                      vm_err *err)
{
    vm_status status = VM_OK;
    id_pos *index = malloc(len * sizeof *index);
    if (!index)
        return err_set(err, VM_ERR_NOMEM, "Out of memory while reading the program.");
    for (size_t i = 0; i < len; i++)
        index[i] = (id_pos){list[i].id, i};
    qsort(index, len, sizeof *index, by_id);

    int rc;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT t.activity_id, t.id, t.title, t.minutes, t.slots "
                                  "FROM activities a CROSS JOIN helper_tasks t "
                                  "ON t.activity_id = a.id "
                                  "WHERE a.end_utc > ?1 AND a.start_utc < ?2 "
                                  "AND a.start_utc >= ?3 AND t.retired = 0 "
                                  "ORDER BY t.activity_id, t.position, t.id",
                                  err);
    if (!st) {
        status = err->status;
        goto out;
    }
    st_bind_i64(st, 1, from);
    st_bind_i64(st, 2, to);
    st_bind_i64(st, 3, since);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        activity *a = find_by_id(index, len, list, sqlite3_column_int64(st, 0));
        if (a)
            read_task_row(st, a);
    }
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the helper tasks");
    st_reset(st);
    if (status != VM_OK || !clist)
        goto out;

    /* Activities first, then their sign-ups by the queue index: one query for the program,
     * and its cost follows the sign-ups of the window, not all those ever stored. (SQLite's
     * GROUP BY sorts every row first, which costs twice as much as counting them here.)
     * When the window is all time (the exports ask for INT64_MIN / 2 .. INT64_MAX / 2),
     * every sign-up is read anyway: then in the table's order, without looking each one up
     * from the index (a third of the cost); those of no activity in `list` are skipped. */
    bool whole = from <= INT64_MIN / 2 && to >= INT64_MAX / 2 && since == INT64_MIN;
    st = whole ? st_prepare(s, "SELECT " COUNT_COLUMNS " FROM signups s", err)
               : st_prepare(s,
                            "SELECT " COUNT_COLUMNS " FROM activities a "
                            "CROSS JOIN signups s ON s.activity_id = a.id "
                            "WHERE a.end_utc > ?1 AND a.start_utc < ?2 AND a.start_utc >= ?3",
                            err);
    if (!st) {
        status = err->status;
        goto out;
    }
    if (!whole) {
        st_bind_i64(st, 1, from);
        st_bind_i64(st, 2, to);
        st_bind_i64(st, 3, since);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        activity *a = find_by_id(index, len, list, sqlite3_column_int64(st, 0));
        if (a)
            add_count_row(st, a, &clist[a - list]);
    }
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "counting the sign-ups");
    st_reset(st);
out:
    free(index);
    return status;
}

/* The activities with end > from and start < to, at most `max` (0 = all), by start. */
static vm_status load_window(store *s, int64_t from, int64_t to, size_t max, activity **out,
                             activity_counts **counts, size_t *n, bool *more, vm_err *err)
{
    *out = NULL;
    *n = 0;
    if (counts)
        *counts = NULL;
    if (more)
        *more = false;
    vm_status status = VM_OK;
    activity *list = NULL;
    activity_counts *clist = NULL;
    size_t len = 0, cap = 0;

    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT " ACT_COLUMNS " FROM activities "
                                  "WHERE end_utc > ?1 AND start_utc < ?2 "
                                  "ORDER BY start_utc, title, id LIMIT ?3",
                                  err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, from);
    st_bind_i64(st, 2, to);
    /* one more than asked for, to know whether there is more */
    st_bind_i64(st, 3, max ? (int64_t)max + 1 : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (max && len == max) {
            if (more)
                *more = true;
            continue;
        }
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            if (max && ncap > max)
                ncap = max;
            activity *bigger = realloc(list, ncap * sizeof *list);
            if (!bigger) {
                status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the program.");
                break;
            }
            list = bigger;
            cap = ncap;
        }
        read_activity_row(st, &list[len++]);
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the program");
    st_reset(st);
    if (status == VM_OK && counts && len > 0) {
        clist = calloc(len, sizeof *clist);
        if (!clist)
            status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the program.");
    }
    /* Tasks and counts for the rows read: those starting up to the last one read (rows with
     * the same start that were left out are read and ignored). */
    int64_t until = len > 0 && len == max ? list[len - 1].start + 1 : to;
    if (status == VM_OK && len > 0)
        status = load_program_details(s, from, INT64_MIN, until < to ? until : to, list, clist,
                                      len, err);
    if (status != VM_OK) {
        free(list);
        free(clist);
        return status;
    }
    *out = list;
    *n = len;
    if (counts)
        *counts = clist;
    else
        free(clist);
    return VM_OK;
}

vm_status store_activities_between(store *s, int64_t from, int64_t to, activity **out,
                                   activity_counts **counts, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out || !n)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the activities.");
    return load_window(s, from, to, 0, out, counts, n, NULL, err);
}

vm_status store_activities_first(store *s, int64_t from, int64_t to, size_t max,
                                 activity **out, activity_counts **counts, size_t *n,
                                 bool *more, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out || !n || !max)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the activities.");
    return load_window(s, from, to, max, out, counts, n, more, err);
}

/* How many activities store_activities_first_each reads whole at once: a batch's tasks and
 * counts come from the same two grouped queries as a whole window's (load_program_details),
 * and a batch is 32 x 3.5 KB, not the window's 300. */
#define EACH_BATCH 32

/* Hands the batch's `len` activities (the window's from `first` on; `n` in all) to `fn`,
 * with their tasks and counts read in two queries. */
static vm_status hand_over_batch(store *s, int64_t from, int64_t to, activity *batch,
                                 activity_counts *counts, size_t len, size_t first, size_t n,
                                 store_activity_fn fn, void *ctx, vm_err *err)
{
    memset(counts, 0, len * sizeof *counts);
    /* from this batch's first start to its last: rows of the batches before or after with
     * the same first or last start are read too, and ignored */
    int64_t until = batch[len - 1].start + 1;
    vm_status status = load_program_details(s, from, batch[0].start, until < to ? until : to,
                                            batch, counts, len, err);
    for (size_t i = 0; i < len && status == VM_OK; i++)
        status = fn(ctx, first + i, n, &batch[i], &counts[i], err);
    return status;
}

vm_status store_activities_first_each(store *s, int64_t from, int64_t to, size_t max,
                                      store_activity_fn fn, void *ctx, bool *more,
                                      vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (more)
        *more = false;
    if (!s || !fn || !max)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the activities.");
    activity *batch = malloc(EACH_BATCH * sizeof *batch);
    activity_counts *counts = malloc(EACH_BATCH * sizeof *counts);
    int64_t n = 0;
    bool in_read = false;
    sqlite3_stmt *st = NULL;
    vm_status status = VM_OK;
    if (!batch || !counts) {
        status = err_set(err, VM_ERR_NOMEM, "Out of memory while reading the program.");
        goto out;
    }
    status = st_exec(s, "BEGIN DEFERRED", err, "reading the program");
    if (status != VM_OK)
        goto out;
    in_read = true;
    /* the window's size first: `fn` is told it with the first activity */
    st = st_prepare(s,
                    "SELECT count(*) FROM (SELECT 1 FROM activities "
                    "WHERE end_utc > ?1 AND start_utc < ?2 LIMIT ?3)",
                    err);
    if (!st) {
        status = err->status;
        goto out;
    }
    st_bind_i64(st, 1, from);
    st_bind_i64(st, 2, to);
    st_bind_i64(st, 3, (int64_t)max + 1); /* one more, to know whether there is more */
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    else
        status = st_error(s->db, rc, err, "reading the program");
    st_reset(st);
    if (status != VM_OK)
        goto out;
    if ((size_t)n > max) {
        n = (int64_t)max;
        if (more)
            *more = true;
    }
    st = st_prepare(s,
                    "SELECT " ACT_COLUMNS " FROM activities "
                    "WHERE end_utc > ?1 AND start_utc < ?2 "
                    "ORDER BY start_utc, title, id LIMIT ?3",
                    err);
    if (!st) {
        status = err->status;
        goto out;
    }
    st_bind_i64(st, 1, from);
    st_bind_i64(st, 2, to);
    st_bind_i64(st, 3, n);
    size_t len = 0, done = 0;
    while (status == VM_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_activity_row(st, &batch[len++]);
        if (len == EACH_BATCH) {
            status = hand_over_batch(s, from, to, batch, counts, len, done, (size_t)n, fn, ctx,
                                     err);
            done += len;
            len = 0;
        }
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the program");
    if (status == VM_OK && len > 0)
        status = hand_over_batch(s, from, to, batch, counts, len, done, (size_t)n, fn, ctx, err);
    st_reset(st);
out:
    if (in_read)
        st_rollback(s); /* it only read */
    free(batch);
    free(counts);
    return status;
}

vm_status store_activity_count(store *s, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !n)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the number.");
    int64_t count = 0;
    vm_status status = st_one_i64(s, "SELECT count(*) FROM activities", &count, "counting the activities", err);
    if (status == VM_OK)
        *n = (size_t)count;
    return status;
}

vm_status store_activity_last_end(store *s, int64_t *out, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !out)
        return err_set(err, VM_ERR_INVALID, "Nowhere to put the time.");
    return st_one_i64(s, "SELECT coalesce(max(end_utc), 0) FROM activities", out, "reading the program", err);
}
