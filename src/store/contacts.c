/* contacts: who residents can ask, as the staff's stick last gave them (see store.h). */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "store/store_internal.h"

/* A field that the schema accepts and the struct reads back whole. */
static bool field_ok(const char *text, size_t size, bool required)
{
    size_t len = strnlen(text, size);
    if (len == size) /* not terminated inside its field */
        return false;
    if (required && len == 0)
        return false;
    return utf8_valid(text, len);
}

static vm_status check_all(const contact *c, size_t n, vm_err *err)
{
    if (n > CONTACTS_MAX)
        return err_set(err, VM_ERR_INVALID, "At most %d contacts can be shown, not %zu.",
                       CONTACTS_MAX, n);
    for (size_t i = 0; i < n; i++) {
        const char *bad = !field_ok(c[i].name, sizeof c[i].name, true)    ? "name"
                          : !field_ok(c[i].role, sizeof c[i].role, false)   ? "role"
                          : !field_ok(c[i].phone, sizeof c[i].phone, false) ? "phone"
                          : !field_ok(c[i].hours, sizeof c[i].hours, false) ? "hours"
                                                                             : NULL;
        if (bad)
            return err_set(err, VM_ERR_INVALID,
                           "Contact %zu has a %s that is empty, too long or not UTF-8.", i + 1,
                           bad);
    }
    return VM_OK;
}

static bool same_list(const contact *a, size_t na, const contact *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (strcmp(a[i].name, b[i].name) != 0 || strcmp(a[i].role, b[i].role) != 0 ||
            strcmp(a[i].phone, b[i].phone) != 0 || strcmp(a[i].hours, b[i].hours) != 0)
            return false;
    return true;
}

static void contact_row(sqlite3_stmt *st, void *elem)
{
    contact *c = elem;
    st_column_text(st, 0, c->name, sizeof c->name);
    st_column_text(st, 1, c->role, sizeof c->role);
    st_column_text(st, 2, c->phone, sizeof c->phone);
    st_column_text(st, 3, c->hours, sizeof c->hours);
}

vm_status store_contacts_list(store *s, contact **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prepare(
        s, "SELECT name, role, phone, hours FROM contacts ORDER BY position LIMIT 24", err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, CONTACTS_MAX, contact_row, &list, n,
                                    "reading the contacts", err);
    *out = list;
    return status;
}

void store_photos_free(store_photo photos[CONTACTS_MAX])
{
    for (size_t i = 0; i < CONTACTS_MAX; i++) {
        free(photos[i].rgb);
        memset(&photos[i], 0, sizeof photos[i]);
    }
}

vm_status store_contact_photos(store *s, store_photo out[CONTACTS_MAX], vm_err *err)
{
    ST_ERR_LOCAL(err);
    memset(out, 0, CONTACTS_MAX * sizeof *out);
    vm_status status = VM_OK;
    sqlite3_stmt *st = st_prepare(
        s, "SELECT position, width, height, rgb FROM contact_photos ORDER BY position", err);
    if (!st)
        return err->status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int pos = sqlite3_column_int(st, 0), w = sqlite3_column_int(st, 1),
            h = sqlite3_column_int(st, 2);
        const void *blob = sqlite3_column_blob(st, 3);
        int len = sqlite3_column_bytes(st, 3);
        if (pos < 0 || pos >= CONTACTS_MAX || w < 1 || h < 1 || w > CONTACT_PHOTO_MAX ||
            h > CONTACT_PHOTO_MAX || !blob || len != w * h * 3)
            continue; /* (the schema's checks make this a damaged file: no photo then) */
        uint8_t *rgb = malloc((size_t)len);
        if (!rgb) {
            status = err_set(err, VM_ERR_NOMEM, "Out of memory reading the photos.");
            break;
        }
        memcpy(rgb, blob, (size_t)len);
        out[pos] = (store_photo){w, h, rgb};
    }
    if (status == VM_OK && rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "reading the photos");
    st_reset(st);
    if (status != VM_OK)
        store_photos_free(out);
    return status;
}

static bool same_photo(const store_photo *a, const store_photo *b)
{
    bool ha = a && a->rgb, hb = b && b->rgb;
    if (ha != hb)
        return false;
    if (!ha)
        return true;
    return a->w == b->w && a->h == b->h && memcmp(a->rgb, b->rgb, (size_t)a->w * a->h * 3) == 0;
}

vm_status store_contacts_replace(store *s, const contact *c, size_t n, bool *changed,
                                 vm_err *err)
{
    return store_contacts_replace_photos(s, c, NULL, n, changed, err);
}

vm_status store_contacts_replace_photos(store *s, const contact *c, const store_photo *photos,
                                        size_t n, bool *changed, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (changed)
        *changed = false;
    contact *old = NULL;
    size_t n_old = 0;
    store_photo old_photos[CONTACTS_MAX];
    memset(old_photos, 0, sizeof old_photos);
    vm_status status = check_all(c, n, err);
    if (status != VM_OK)
        return status;
    for (size_t i = 0; photos && i < n; i++)
        if (photos[i].rgb && (photos[i].w < 1 || photos[i].h < 1 ||
                              photos[i].w > CONTACT_PHOTO_MAX || photos[i].h > CONTACT_PHOTO_MAX))
            return err_set(err, VM_ERR_INVALID, "Contact %zu has a photo of a wrong size.",
                           i + 1);
    if ((status = st_begin(s, err)) != VM_OK)
        return status;
    if ((status = store_contacts_list(s, &old, &n_old, err)) != VM_OK ||
        (status = store_contact_photos(s, old_photos, err)) != VM_OK)
        goto fail;
    bool same = same_list(old, n_old, c, n);
    for (size_t i = 0; same && i < CONTACTS_MAX; i++)
        same = same_photo(&old_photos[i], photos && i < n ? &photos[i] : NULL);
    if (same) {
        st_rollback(s); /* nothing to write: the file stays byte for byte */
        goto out;
    }
    if ((status = st_exec(s, "DELETE FROM contacts", err, "replacing the contacts")) != VM_OK ||
        (status = st_exec(s, "DELETE FROM contact_photos", err, "replacing the contacts")) !=
            VM_OK)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = st_prepare(s,
                                      "INSERT INTO contacts (position, name, role, phone, hours) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5)",
                                      err);
        if (!st) {
            status = err->status;
            goto fail;
        }
        st_bind_i64(st, 1, (int64_t)i);
        st_bind_text(st, 2, c[i].name);
        st_bind_text(st, 3, c[i].role);
        st_bind_text(st, 4, c[i].phone);
        st_bind_text(st, 5, c[i].hours);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE)
            status = st_error(s->db, rc, err, "saving the contacts");
        st_reset(st);
        if (status != VM_OK)
            goto fail;
        if (!photos || !photos[i].rgb)
            continue;
        st = st_prepare(s,
                        "INSERT INTO contact_photos (position, width, height, rgb) "
                        "VALUES (?1, ?2, ?3, ?4)",
                        err);
        if (!st) {
            status = err->status;
            goto fail;
        }
        st_bind_i64(st, 1, (int64_t)i);
        st_bind_i64(st, 2, photos[i].w);
        st_bind_i64(st, 3, photos[i].h);
        sqlite3_bind_blob(st, 4, photos[i].rgb, photos[i].w * photos[i].h * 3,
                          SQLITE_TRANSIENT);
        rc = sqlite3_step(st);
        if (rc != SQLITE_DONE)
            status = st_error(s->db, rc, err, "saving the photos");
        st_reset(st);
        if (status != VM_OK)
            goto fail;
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
    store_photos_free(old_photos);
    return status;
}
