/* ideas: "Hvad savner du?", the staff's ideas, one vote per idea per day, short wishes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "store/store_internal.h"

static void idea_row(sqlite3_stmt *st, void *elem)
{
    idea *i = elem;
    char cat[64];
    st_column_text(st, 0, i->title, sizeof i->title);
    st_column_text(st, 1, cat, sizeof cat);
    i->cat = category_from_word(cat);
}

vm_status store_ideas_list(store *s, idea **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st =
        st_prepare(s, "SELECT title, category FROM ideas ORDER BY position LIMIT 12", err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, IDEAS_MAX, idea_row, &list, n,
                                    "reading the ideas", err);
    *out = list;
    return status;
}

vm_status store_ideas_replace(store *s, const idea *ideas, size_t n, bool *changed,
                              vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (changed)
        *changed = false;
    if (n > IDEAS_MAX)
        return err_set(err, VM_ERR_INVALID, "At most %d ideas can be shown, not %zu.",
                       IDEAS_MAX, n);
    for (size_t i = 0; i < n; i++) {
        size_t len = strnlen(ideas[i].title, sizeof ideas[i].title);
        if (len == 0 || len == sizeof ideas[i].title || !utf8_valid(ideas[i].title, len))
            return err_set(err, VM_ERR_INVALID,
                           "Idea %zu has a title that is empty, too long or not UTF-8.", i + 1);
        for (size_t k = 0; k < i; k++)
            if (strcmp(ideas[k].title, ideas[i].title) == 0)
                return err_set(err, VM_ERR_INVALID, "Idea %zu is the same as idea %zu.", i + 1,
                               k + 1);
    }
    idea *old = NULL;
    size_t n_old = 0;
    vm_status status = st_begin(s, err);
    if (status != VM_OK)
        return status;
    if ((status = store_ideas_list(s, &old, &n_old, err)) != VM_OK)
        goto fail;
    bool same = n_old == n;
    for (size_t i = 0; same && i < n; i++)
        same = strcmp(old[i].title, ideas[i].title) == 0 && old[i].cat == ideas[i].cat;
    if (same) {
        st_rollback(s);
        goto out;
    }
    if ((status = st_exec(s, "DELETE FROM ideas", err, "replacing the ideas")) != VM_OK)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = st_prepare(
            s, "INSERT INTO ideas (position, title, category) VALUES (?1, ?2, ?3)", err);
        if (!st) {
            status = err->status;
            goto fail;
        }
        st_bind_i64(st, 1, (int64_t)i);
        st_bind_text(st, 2, ideas[i].title);
        st_bind_text(st, 3, category_key(ideas[i].cat));
        int rc = sqlite3_step(st);
        st_reset(st);
        if (rc != SQLITE_DONE) {
            status = st_error(s->db, rc, err, "saving the ideas");
            goto fail;
        }
    }
    if ((status = st_commit(s, err)) != VM_OK)
        goto out;
    if (changed)
        *changed = true;
    goto out;
fail:
    st_rollback(s);
out:
    free(old);
    return status;
}

vm_status store_idea_vote(store *s, const char *title, int64_t now, bool *counted, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (counted)
        *counted = false;
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s, "SELECT 1 FROM ideas WHERE title = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, title ? title : "");
    int rc = sqlite3_step(st);
    st_reset(st);
    if (rc == SQLITE_DONE)
        return err_set(err, VM_ERR_NOT_FOUND, "There is no such idea.");
    if (rc != SQLITE_ROW)
        return st_error(s->db, rc, err, "reading the ideas");
    dk_tm tm = dktime_local(now);
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", tm.year % 10000, tm.month % 100, tm.day % 100);
    st = st_prepare(s, "INSERT OR IGNORE INTO idea_votes (title, day) VALUES (?1, ?2)", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, title);
    st_bind_text(st, 2, day);
    rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "saving a vote");
    if (counted)
        *counted = sqlite3_changes(s->db) > 0;
    return VM_OK;
}

static void idea_count_row(sqlite3_stmt *st, void *elem)
{
    store_idea_count *c = elem;
    char cat[64];
    st_column_text(st, 0, c->title, sizeof c->title);
    st_column_text(st, 1, cat, sizeof cat);
    c->cat = category_from_word(cat);
    c->listed = sqlite3_column_int(st, 2) != 0;
    c->votes = sqlite3_column_int(st, 3);
    st_column_text(st, 4, c->last_day, sizeof c->last_day);
}

vm_status store_idea_counts(store *s, store_idea_count **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prepare(
        s,
        "SELECT t.title, i.category, i.position IS NOT NULL, "
        "(SELECT count(*) FROM idea_votes v WHERE v.title = t.title), "
        "coalesce((SELECT max(day) FROM idea_votes v WHERE v.title = t.title), '') "
        "FROM (SELECT title FROM ideas UNION SELECT title FROM idea_votes) t "
        "LEFT JOIN ideas i ON i.title = t.title "
        "ORDER BY i.position IS NULL, i.position, t.title",
        err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, 16, idea_count_row, &list, n,
                                    "reading the votes", err);
    *out = list;
    return status;
}

vm_status store_wish_add(store *s, const char *text, int64_t now, vm_err *err)
{
    ST_ERR_LOCAL(err);
    char clean[SIGNUP_NAME_BYTES * 2];
    utf8_clean_line(text ? text : "", clean, sizeof clean);
    size_t keep = utf8_prefix_bytes(clean, WISH_MAX, SIGNUP_NAME_BYTES - 1);
    clean[keep] = '\0';
    while (keep > 0 && clean[keep - 1] == ' ')
        clean[--keep] = '\0';
    if (!clean[0])
        return err_set(err, VM_ERR_INVALID, "The wish is empty.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st =
        st_prepare(s, "INSERT INTO wishes (text, created_utc) VALUES (?1, ?2)", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, clean);
    st_bind_i64(st, 2, now);
    int rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "saving a wish");
    return VM_OK;
}

static void wish_row(sqlite3_stmt *st, void *elem)
{
    store_wish *w = elem;
    st_column_text(st, 0, w->text, sizeof w->text);
    w->created = sqlite3_column_int64(st, 1);
}

vm_status store_wishes_list(store *s, store_wish **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st =
        st_prepare(s, "SELECT text, created_utc FROM wishes ORDER BY created_utc, id", err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, 16, wish_row, &list, n,
                                    "reading the wishes", err);
    *out = list;
    return status;
}
