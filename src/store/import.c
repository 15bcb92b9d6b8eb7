/* import: making the stored program match the staff's file, in one transaction.
 *
 * The staff file is the truth for activities, never for sign-ups: an activity that is new
 * is added, one whose content differs is updated (its queues rebalanced, so a lowered
 * capacity moves the latest to the waiting list and a raised one promotes), a cancelled one
 * that is back is restored, and a future one that is missing is marked cancelled. Nothing
 * is deleted. An unchanged activity is not written at all, so importing the same file twice
 * leaves the database as it was.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Marks the future activities that the file no longer lists as cancelled. */
static vm_status cancel_missing(store *s, const char **sorted_uids, size_t n, int64_t now,
                                int *cancelled, vm_err *err)
{
    vm_status status = VM_OK;
    int64_t *ids = NULL;
    size_t len = 0, cap = 0;
    int rc;
    sqlite3_stmt *st = st_prepare(
        s, "SELECT id, uid FROM activities WHERE start_utc > ?1 AND cancelled = 0", err);
    if (!st)
        return err->status;
    st_bind_i64(st, 1, now);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *uid = (const char *)sqlite3_column_text(st, 1);
        if (uid && bsearch(&uid, sorted_uids, n, sizeof *sorted_uids, cmp_str))
            continue;
        int64_t *bigger = st_list_room(ids, len, &cap, sizeof *bigger, 16);
        if (!bigger) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory while importing.");
            break;
        }
        ids = bigger;
        ids[len++] = sqlite3_column_int64(st, 0);
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the program");
    st_reset(st);
    for (size_t i = 0; status == VM_OK && i < len; i++) {
        sqlite3_stmt *up = st_prepare(
            s, "UPDATE activities SET cancelled = 1, updated_utc = ?2 WHERE id = ?1", err);
        if (!up) {
            status = err->status;
            break;
        }
        st_bind_i64(up, 1, ids[i]);
        st_bind_i64(up, 2, now);
        rc = sqlite3_step(up);
        st_reset(up);
        if (rc != SQLITE_DONE)
            status = st_error(s->db, rc, err, "cancelling a vanished activity");
        else
            (*cancelled)++;
    }
    free(ids);
    return status;
}

vm_status store_import_program(store *s, const activity *acts, size_t n, int64_t now,
                               store_import_report *report, vm_err *err)
{
    ST_ERR_LOCAL(err);
    store_import_report r = {0};
    if (report)
        *report = r;
    if (!s || (!acts && n > 0))
        return err_set(err, VM_ERR_INVALID, "No program was given.");
    vm_status status = VM_OK;
    const char **uids = NULL;
    activity *incoming = NULL, *stored = NULL;

    /* Check the whole file before touching anything. */
    for (size_t i = 0; i < n; i++)
        if ((status = st_activity_validate(&acts[i], err)) != VM_OK)
            return status;
    uids = malloc((n ? n : 1) * sizeof *uids);
    incoming = malloc(sizeof *incoming);
    stored = malloc(sizeof *stored);
    if (!uids || !incoming || !stored) {
        status = err_set(err, VM_ERR_NOMEM, "Out of memory while importing.");
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        uids[i] = acts[i].uid;
    qsort(uids, n, sizeof *uids, cmp_str);
    for (size_t i = 1; i < n; i++)
        if (strcmp(uids[i - 1], uids[i]) == 0) {
            status = err_set(err, VM_ERR_INVALID,
                             "The program lists the activity %s twice. Nothing was imported.",
                             uids[i]);
            goto out;
        }

    if ((status = st_begin(s, err)) != VM_OK)
        goto out;
    for (size_t i = 0; i < n; i++) {
        *incoming = acts[i];
        vm_err lookup = {0};
        vm_status found = st_activity_load(s, 0, incoming->uid, stored, &lookup);
        if (found != VM_OK && found != VM_ERR_NOT_FOUND) {
            *err = lookup;
            status = found;
            goto fail;
        }
        if (found == VM_OK && activity_same_content(stored, incoming)) {
            r.unchanged++;
            continue;
        }
        if ((status = st_activity_upsert(s, incoming, now, &r.moved_to_waiting, &r.promoted,
                                         err)) != VM_OK) {
            err_prefix(err, "Activity %s", incoming->uid);
            goto fail;
        }
        if (found == VM_ERR_NOT_FOUND)
            r.added++;
        else if (stored->cancelled && !incoming->cancelled)
            r.restored++;
        else
            r.changed++;
    }
    if ((status = cancel_missing(s, uids, n, now, &r.cancelled, err)) != VM_OK)
        goto fail;
    if ((status = st_commit(s, err)) != VM_OK)
        goto out;
    if (report)
        *report = r;
    goto out;
fail:
    st_rollback(s);
out:
    free(uids);
    free(incoming);
    free(stored);
    return status;
}
