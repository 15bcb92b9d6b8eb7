/* keys: the staff sticks a kiosk accepts and the staff's public keys (see store.h). */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "store/store_internal.h"

static bool is_sha256_hex(const char *h)
{
    if (!h || strlen(h) != 64)
        return false;
    for (const char *p = h; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    return true;
}

static bool is_public_key(const char *k)
{
    if (!k || strlen(k) != 44 || k[43] != '=')
        return false;
    for (int i = 0; i < 43; i++) {
        char c = k[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/'))
            return false;
    }
    return true;
}

static void clean_label(const char *label, char out[STORE_LABEL_MAX])
{
    char tmp[STORE_LABEL_MAX * 4];
    utf8_clean_line(label ? label : "", tmp, sizeof tmp);
    utf8_copy(out, STORE_LABEL_MAX, tmp);
}

vm_status store_stick_key_add(store *s, const char *key_sha256, const char *label,
                              int64_t expires, int64_t now, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !is_sha256_hex(key_sha256))
        return err_set(err, VM_ERR_INVALID,
                       "A stick key must be given as 64 lower-case hexadecimal characters.");
    if (expires < 0)
        return err_set(err, VM_ERR_INVALID, "A stick's expiry cannot be before 1970.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    char lbl[STORE_LABEL_MAX];
    clean_label(label, lbl);
    sqlite3_stmt *st = st_prepare(
        s, "INSERT INTO stick_keys (key_sha256, created_utc, label, expires_utc) "
           "VALUES (?1, ?2, ?3, ?4) "
           "ON CONFLICT (key_sha256) DO UPDATE SET "
           "label = CASE WHEN excluded.label <> '' THEN excluded.label ELSE label END, "
           "expires_utc = excluded.expires_utc, revoked_utc = 0",
        err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, key_sha256);
    st_bind_i64(st, 2, now);
    st_bind_text(st, 3, lbl);
    st_bind_i64(st, 4, expires);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "saving the stick key");
    st_reset(st);
    return status;
}

#define STICK_COLUMNS "key_sha256, label, created_utc, expires_utc, revoked_utc, last_used_utc"

static void stick_row(sqlite3_stmt *st, store_stick_key *k)
{
    memset(k, 0, sizeof *k);
    st_column_text(st, 0, k->key_sha256, sizeof k->key_sha256);
    st_column_text(st, 1, k->label, sizeof k->label);
    k->created = sqlite3_column_int64(st, 2);
    k->expires = sqlite3_column_int64(st, 3);
    k->revoked = sqlite3_column_int64(st, 4);
    k->last_used = sqlite3_column_int64(st, 5);
}

vm_status store_stick_key_check(store *s, const char *key_sha256, int64_t now,
                                store_stick_state *state, store_stick_key *out, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (!s || !state)
        return err_set(err, VM_ERR_INVALID, "No stick key was given.");
    *state = STORE_STICK_UNKNOWN;
    if (!is_sha256_hex(key_sha256))
        return VM_OK;
    vm_status status = VM_OK;
    sqlite3_stmt *st =
        st_prepare(s, "SELECT " STICK_COLUMNS " FROM stick_keys WHERE key_sha256 = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, key_sha256);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        store_stick_key k;
        stick_row(st, &k);
        *state = k.revoked ? STORE_STICK_REVOKED
                 : k.expires && now >= k.expires ? STORE_STICK_EXPIRED
                                                 : STORE_STICK_ACTIVE;
        if (out)
            *out = k;
    } else if (rc != SQLITE_DONE) {
        status = st_error(s->db, rc, err, "reading the stick keys");
    }
    st_reset(st);
    return status;
}

vm_status store_stick_key_used(store *s, const char *key_sha256, int64_t now, vm_err *err)
{
    ST_ERR_LOCAL(err);
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st =
        st_prepare(s, "UPDATE stick_keys SET last_used_utc = ?2 WHERE key_sha256 = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, key_sha256);
    st_bind_i64(st, 2, now < 0 ? 0 : now);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "saving when the stick was used");
    st_reset(st);
    return status;
}

static void stick_list_row(sqlite3_stmt *st, void *elem)
{
    stick_row(st, elem);
}

vm_status store_stick_keys_list(store *s, store_stick_key **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prepare(s, "SELECT " STICK_COLUMNS " FROM stick_keys "
                                     "ORDER BY created_utc DESC, key_sha256", err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, 8, stick_list_row, &list, n,
                                    "reading the stick keys", err);
    *out = list;
    return status;
}

vm_status store_stick_key_revoke(store *s, const char *id, int64_t now, store_stick_key *which,
                                 vm_err *err)
{
    ST_ERR_LOCAL(err);
    size_t len = id ? strlen(id) : 0;
    char lower[65];
    if (len < 6 || len > 64)
        return err_set(err, VM_ERR_INVALID,
                       "Give at least the first 6 characters of the stick's id (as listed).");
    for (size_t i = 0; i <= len; i++)
        lower[i] = (char)(id[i] >= 'A' && id[i] <= 'F' ? id[i] - 'A' + 'a' : id[i]);
    for (size_t i = 0; i < len; i++)
        if (!((lower[i] >= '0' && lower[i] <= '9') || (lower[i] >= 'a' && lower[i] <= 'f')))
            return err_set(err, VM_ERR_INVALID, "'%s' is not a stick's id (as listed).", id);
    store_stick_key *all = NULL;
    size_t n = 0, hits = 0, at = 0;
    vm_status status = store_stick_keys_list(s, &all, &n, err);
    if (status != VM_OK)
        return status;
    for (size_t i = 0; i < n; i++)
        if (strncmp(all[i].key_sha256, lower, len) == 0)
            hits++, at = i;
    if (hits == 0) {
        status = err_set(err, VM_ERR_NOT_FOUND, "No stick with the id %s is known here.", id);
        goto out;
    }
    if (hits > 1) {
        status = err_set(err, VM_ERR_INVALID, "Several sticks have ids starting %s: give more "
                                              "of it.", id);
        goto out;
    }
    if (which)
        *which = all[at];
    if (all[at].revoked) {
        status = err_set(err, VM_ERR_REFUSED, "That stick was withdrawn already.");
        goto out;
    }
    if ((status = st_writable(s, err)) != VM_OK)
        goto out;
    sqlite3_stmt *st =
        st_prepare(s, "UPDATE stick_keys SET revoked_utc = ?2 WHERE key_sha256 = ?1", err);
    if (!st) {
        status = err->status;
        goto out;
    }
    st_bind_text(st, 1, all[at].key_sha256);
    st_bind_i64(st, 2, now > 0 ? now : 1);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "withdrawing the stick");
    st_reset(st);
    if (status == VM_OK && which)
        which->revoked = now > 0 ? now : 1;
out:
    free(all);
    return status;
}

/* ---- staff keys */

vm_status store_staff_key_add(store *s, const char *public_key, const char *label, int64_t now,
                              bool *added, vm_err *err)
{
    ST_ERR_LOCAL(err);
    if (added)
        *added = false;
    if (!s || !is_public_key(public_key))
        return err_set(err, VM_ERR_INVALID, "A staff public key is 44 characters of base64.");
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    char lbl[STORE_LABEL_MAX];
    clean_label(label, lbl);
    sqlite3_stmt *st = st_prepare(s, "INSERT INTO staff_keys (public_key, label, created_utc) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT (public_key) DO NOTHING",
                                  err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, public_key);
    st_bind_text(st, 2, lbl);
    st_bind_i64(st, 3, now);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "saving the staff key");
    else if (added)
        *added = sqlite3_changes(s->db) > 0;
    st_reset(st);
    return status;
}

static void staff_key_row(sqlite3_stmt *st, void *elem)
{
    store_staff_key *k = elem;
    st_column_text(st, 0, k->public_key, sizeof k->public_key);
    st_column_text(st, 1, k->label, sizeof k->label);
    k->created = sqlite3_column_int64(st, 2);
}

vm_status store_staff_keys_list(store *s, store_staff_key **out, size_t *n, vm_err *err)
{
    ST_ERR_LOCAL(err);
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prepare(s, "SELECT public_key, label, created_utc FROM staff_keys "
                                     "ORDER BY created_utc, public_key", err);
    if (!st)
        return err->status;
    void *list;
    vm_status status = st_read_list(s, st, sizeof **out, 4, staff_key_row, &list, n,
                                    "reading the staff keys", err);
    *out = list;
    return status;
}

vm_status store_staff_key_remove(store *s, const char *public_key, vm_err *err)
{
    ST_ERR_LOCAL(err);
    vm_status status = st_writable(s, err);
    if (status != VM_OK)
        return status;
    sqlite3_stmt *st = st_prepare(s, "DELETE FROM staff_keys WHERE public_key = ?1", err);
    if (!st)
        return err->status;
    st_bind_text(st, 1, public_key ? public_key : "");
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        status = st_error(s->db, rc, err, "removing the staff key");
    else if (sqlite3_changes(s->db) == 0)
        status = err_set(err, VM_ERR_NOT_FOUND, "That staff key is not known here.");
    st_reset(st);
    return status;
}
