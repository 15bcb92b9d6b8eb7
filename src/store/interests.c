/* interests: "Sig til, når der sker noget", who wants to hear when something is on (see
 * store.h). Personal data: purged with the sign-ups' names (maintenance.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "store/store_internal.h"

static bool digits_only(const char *s, size_t min, size_t max)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] < '0' || s[n] > '9' || n >= max)
            return false;
    return n >= min;
}

static bool is_uuid(const char *id)
{
    if (strnlen(id, SIGNUP_ID_MAX) != 36)
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F') ||
              *p == '-'))
            return false;
    return true;
}

#define INTEREST_COLUMNS "id, category, about, activity_uid, name, phone, flat, created_utc, kiosk_id"

static void interest_row(sqlite3_stmt *st, interest *in)
{
    char cat[64];
    memset(in, 0, sizeof *in);
    st_column_text(st, 0, in->id, sizeof in->id);
    st_column_text(st, 1, cat, sizeof cat);
    in->cat = category_from_word(cat);
    st_column_text(st, 2, in->about, sizeof in->about);
    st_column_text(st, 3, in->activity_uid, sizeof in->activity_uid);
    st_column_text(st, 4, in->name, sizeof in->name);
    st_column_text(st, 5, in->phone, sizeof in->phone);
    st_column_text(st, 6, in->flat, sizeof in->flat);
    in->created = sqlite3_column_int64(st, 7);
    st_column_text(st, 8, in->kiosk_id, sizeof in->kiosk_id);
}

static vm_status find(store *s, const char *id, interest *out, vm_err *err)
{
    sqlite3_stmt *st =
        st_prepare(s, "SELECT " INTEREST_COLUMNS " FROM interests WHERE id = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    vm_status status = VM_OK;
    if (rc == SQLITE_ROW)
        interest_row(st, out);
    else if (rc == SQLITE_DONE)
        status = err_set(err, VM_ERR_NOT_FOUND, "There is no such wish to hear when.");
    else
        status = st_error(s->db, rc, err, "reading a wish to hear when");
    st_reset(st);
    return status;
}

vm_status store_interest_add(store *s, interest *in, int64_t now, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!is_uuid(in->id))
        return err_set(err, VM_ERR_INVALID, "A wish to hear when needs an id (a UUID).");
    size_t about = strnlen(in->about, sizeof in->about);
    if (about == 0 || about == sizeof in->about || !utf8_valid(in->about, about))
        return err_set(err, VM_ERR_INVALID, "A wish to hear when needs what it is about.");
    if (strnlen(in->activity_uid, sizeof in->activity_uid) == sizeof in->activity_uid)
        return err_set(err, VM_ERR_INVALID, "The activity's id is too long.");
    bool phone = in->phone[0] != '\0', flat = in->flat[0] != '\0';
    if (!phone && !flat)
        return err_set(err, VM_ERR_INVALID,
                       "A wish to hear when needs a phone number or a flat number.");
    if (phone && !digits_only(in->phone, INTEREST_PHONE_MIN, INTEREST_PHONE_DIGITS))
        return err_set(err, VM_ERR_INVALID, "A phone number is 8 to 15 digits.");
    if (flat && !digits_only(in->flat, 1, INTEREST_FLAT_DIGITS))
        return err_set(err, VM_ERR_INVALID, "A flat number is 1 to 6 digits.");
    if (strnlen(in->kiosk_id, sizeof in->kiosk_id) == sizeof in->kiosk_id)
        return err_set(err, VM_ERR_INVALID, "The kiosk id is too long.");
    char name[SIGNUP_NAME_BYTES];
    vm_status status = st_clean_name(in->name, name, err);
    if (status != VM_OK)
        return status;
    if ((status = st_begin(s, err)) != VM_OK)
        return status;
    interest stored;
    vm_err lookup;
    if (find(s, in->id, &stored, &lookup) == VM_OK) { /* a double tap: the first one stands */
        st_rollback(s);
        *in = stored;
        return VM_OK;
    }
    char kiosk[KIOSK_ID_MAX];
    snprintf(kiosk, sizeof kiosk, "%s", in->kiosk_id);
    if (!kiosk[0] && st_fact_get(s, "kiosk_id", kiosk, sizeof kiosk, &lookup) != VM_OK)
        kiosk[0] = '\0';
    int64_t created = in->created ? in->created : now;
    sqlite3_stmt *st = st_prepare(s,
                                  "INSERT INTO interests (" INTEREST_COLUMNS ") "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                  err);
    if (!st) {
        status = err->status;
        goto fail;
    }
    st_bind_text(st, 1, in->id);
    st_bind_text(st, 2, category_key(in->cat));
    st_bind_text(st, 3, in->about);
    st_bind_text(st, 4, in->activity_uid);
    st_bind_text(st, 5, name);
    st_bind_text(st, 6, in->phone);
    st_bind_text(st, 7, in->flat);
    st_bind_i64(st, 8, created);
    st_bind_text(st, 9, kiosk);
    int rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "saving a wish to hear when");
        goto fail;
    }
    if ((status = st_commit(s, err)) != VM_OK)
        return status;
    snprintf(in->name, sizeof in->name, "%s", name);
    snprintf(in->kiosk_id, sizeof in->kiosk_id, "%s", kiosk);
    in->created = created;
    return VM_OK;
fail:
    st_rollback(s);
    return status;
}

static void interest_list_row(sqlite3_stmt *st, void *elem)
{
    interest_row(st, elem);
}

vm_status store_interests_list(store *s, interest **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prepare(s,
                                  "SELECT " INTEREST_COLUMNS " FROM interests "
                                  "ORDER BY created_utc DESC, id",
                                  err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, 16, interest_list_row, &list, n,
                                    "reading the wishes to hear when", err);
    *out = list;
    return status;
}

vm_status store_interest_delete(store *s, const char *id, vm_err *err)
{
    ST_ERR_LOCAL(err);
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s, "DELETE FROM interests WHERE id = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, id ? id : "");
    int rc = sqlite3_step(st);
    st_reset(st);
    if (rc != SQLITE_DONE)
        return st_error(s->db, rc, err, "deleting a wish to hear when");
    if (sqlite3_changes(s->db) == 0)
        return err_set(err, VM_ERR_NOT_FOUND, "There is no such wish to hear when.");
    return VM_OK;
}
