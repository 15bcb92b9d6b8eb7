/* Staff sticks: the key file, authorisation and the stick's clock (see sync.h). */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/code.h"
#include "core/dktime.h"
#include "seal/seal.h"
#include "sync/sync.h"
#include "sync/sync_fields.h"
#include "sync/sync_fs.h"
#include "sync/sync_stick.h"
#include "sync/sync_tr.h"

#define KEY_FILE_MAX 4096
/* Times before this are no clock at all (a stick from a box that never knew the date). */
#define SANE_TIME_MIN 1577836800LL /* 2020-01-01 */
#define SANE_TIME_MAX 7258118400LL /* 2200-01-01 */

static bool is_hex64(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!isxdigit((unsigned char)s[n]))
            return false;
    return n == 64;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Reads "TIME" as the staff write it: ISO UTC, ISO local, or Danish local. */
bool sync_parse_stick_time(const char *text, int64_t *out)
{
    char line[128];
    size_t n = strcspn(text, "\r\n");
    if (n >= sizeof line)
        return false;
    memcpy(line, text, n);
    line[n] = '\0';
    char *t = trim(line);
    int64_t v;
    if (dktime_parse_iso(t, &v)) {
        *out = v;
    } else {
        int y, mo, d, h, mi;
        bool hd, ht;
        if (!sync_parse_when(t, &y, &mo, &d, &hd, &h, &mi, &ht) || !hd)
            return false;
        if (!ht)
            h = 0, mi = 0;
        if (!dktime_from_local(y, mo, d, h, mi, &v))
            return false;
        *out = v;
    }
    return *out >= SANE_TIME_MIN && *out < SANE_TIME_MAX;
}

vm_status sync_key_parse(const char *text, char key_hex[65], int64_t *created)
{
    char *copy = strdup(text);
    if (!copy)
        return VM_ERR_NOMEM;
    key_hex[0] = '\0';
    *created = 0;
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        char *l = trim(line);
        if (*l == '#' || !*l)
            continue;
        char *eq = strchr(l, '=');
        if (!eq)
            continue;
        *eq = '\0';
        char *k = trim(l), *v = trim(eq + 1);
        if (strcasecmp(k, "key") == 0 && is_hex64(v)) {
            for (int i = 0; i < 64; i++)
                key_hex[i] = (char)tolower((unsigned char)v[i]);
            key_hex[64] = '\0';
        } else if (strcasecmp(k, "created") == 0) {
            int64_t t;
            if (sync_parse_stick_time(v, &t))
                *created = t;
        }
    }
    free(copy);
    return key_hex[0] ? VM_OK : VM_ERR_INVALID;
}

vm_status sync_stick_open(const char *stick_dir, int *stick_fd, int *vfd,
                          const i18n_catalog *cat, vm_err *err)
{
    *stick_fd = *vfd = -1;
    vm_err e;
    vm_status st = sync_fs_open_dir(AT_FDCWD, stick_dir, false, stick_fd, cat, &e);
    if (st != VM_OK)
        return sync_err(err, st == VM_ERR_NOT_FOUND ? VM_ERR_NOT_FOUND : VM_ERR_IO, cat,
                        "the USB stick folder %s cannot be opened: %s", stick_dir, e.msg);
    st = sync_fs_open_dir(*stick_fd, SYNC_FOLDER, false, vfd, cat, &e);
    if (st != VM_OK) {
        close(*stick_fd);
        *stick_fd = -1;
        return sync_err(err, VM_ERR_REFUSED, cat,
                        "This USB stick is not a Vær med staff stick (it has no vaermed "
                        "folder).");
    }
    return VM_OK;
}

/* "12-03-2027" for a message. */
static void day_text(int64_t t, char out[16])
{
    dk_tm tm = dktime_local(t);
    snprintf(out, 16, "%02d-%02d-%04d", tm.day, tm.month, tm.year);
}

vm_status sync_stick_check_fd(store *s, int vfd, const sync_options *opt, int64_t now,
                              int64_t *key_time, char hash_out[65], store_stick_state *state_out,
                              vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    char *text = NULL;
    size_t len;
    vm_err e;
    if (key_time)
        *key_time = 0;
    if (hash_out)
        hash_out[0] = '\0';
    if (state_out)
        *state_out = STORE_STICK_UNKNOWN;
    vm_status st = sync_fs_read(vfd, SYNC_KEY_FILE, KEY_FILE_MAX, &text, &len, NULL, cat, &e);
    if (st == VM_ERR_NOT_FOUND)
        return sync_err(err, VM_ERR_REFUSED, cat,
                        "This USB stick is not a Vær med staff stick (it has no key file).");
    if (st != VM_OK)
        return sync_err(err, VM_ERR_REFUSED, cat,
                        "This USB stick is not a Vær med staff stick (its key file cannot be "
                        "read: %s).",
                        e.msg);
    char key[65], hash[65];
    int64_t created;
    st = sync_key_parse(text, key, &created);
    free(text);
    if (st != VM_OK)
        return sync_err(err, VM_ERR_REFUSED, cat,
                        "This USB stick is not a Vær med staff stick (its key file is "
                        "damaged).");
    code_sha256_hex(key, 64, hash);
    memset(key, 0, sizeof key);
    bool known = false;
    for (size_t i = 0; opt && i < opt->n_config_keys && !known; i++)
        known = strcasecmp(opt->config_keys[i], hash) == 0;
    if (!known && s) {
        store_stick_state state;
        store_stick_key row;
        st = store_stick_key_check(s, hash, now, &state, &row, &e);
        if (st != VM_OK)
            return sync_err(err, st, cat, "the kiosk's database cannot be read: %s",
                            sync_store_words(cat, st));
        if (state_out)
            *state_out = state;
        char day[16];
        if (state == STORE_STICK_REVOKED) {
            day_text(row.revoked, day);
            return sync_err(err, VM_ERR_REFUSED, cat,
                            "This USB stick was withdrawn as a staff stick on %s. Nothing was "
                            "read from it or written to it.",
                            day);
        }
        if (state == STORE_STICK_EXPIRED) {
            day_text(row.expires, day);
            return sync_err(err, VM_ERR_REFUSED, cat,
                            "This staff stick ran out on %s. Authorise it again on the staff "
                            "screen.",
                            day);
        }
        known = state == STORE_STICK_ACTIVE;
        if (known && hash_out)
            memcpy(hash_out, hash, 65);
    }
    if (!known)
        return sync_err(err, VM_ERR_REFUSED, cat,
                        "This USB stick is not a staff stick for this kiosk (its key is not "
                        "accepted here).");
    if (key_time)
        *key_time = created;
    return VM_OK;
}

vm_status sync_stick_check(store *s, const char *stick_dir, const sync_options *opt,
                           int64_t now, int64_t *key_time, vm_err *err)
{
    int sfd, vfd;
    vm_status st = sync_stick_open(stick_dir, &sfd, &vfd, opt ? opt->cat : NULL, err);
    if (st != VM_OK)
        return st;
    st = sync_stick_check_fd(s, vfd, opt, now, key_time, NULL, NULL, err);
    close(vfd);
    close(sfd);
    return st;
}

void sync_stick_hash(const char *stick_dir, char out[65])
{
    int sfd, vfd;
    char *text = NULL, key[65];
    size_t len;
    int64_t created;
    out[0] = '\0';
    if (sync_stick_open(stick_dir, &sfd, &vfd, NULL, NULL) != VM_OK)
        return;
    if (sync_fs_read(vfd, SYNC_KEY_FILE, KEY_FILE_MAX, &text, &len, NULL, NULL, NULL) == VM_OK &&
        sync_key_parse(text, key, &created) == VM_OK)
        code_sha256_hex(key, 64, out);
    memset(key, 0, sizeof key);
    free(text);
    close(vfd);
    close(sfd);
}

/* Writes a fresh key file (replacing one this kiosk refuses). */
static vm_status write_key_file(int vfd, const uint8_t random[32], int64_t now,
                                const sync_io *io, const i18n_catalog *cat, char key[65],
                                vm_err *err)
{
    static const char hexd[] = "0123456789abcdef";
    for (int i = 0; i < SYNC_KEY_RANDOM_BYTES; i++) {
        key[2 * i] = hexd[random[i] >> 4];
        key[2 * i + 1] = hexd[random[i] & 15];
    }
    key[64] = '\0';
    char iso[21], file[640];
    dktime_format_iso_utc(now, iso);
    snprintf(file, sizeof file,
             "# Vær med: this file lets this USB stick bring the program to the kiosks that\n"
             "# accept it and take home what they seal for the staff. It carries no names.\n"
             "# Do not edit or copy this file.\n"
             "key = %s\n"
             "created = %s\n",
             key, iso);
    vm_err e;
    vm_status st = sync_fs_write_atomic(vfd, SYNC_KEY_FILE, file, strlen(file), io, cat, &e);
    memset(file, 0, sizeof file);
    if (st != VM_OK)
        return sync_err(err, st, cat, "the USB stick cannot be made a staff stick: %s", e.msg);
    return VM_OK;
}

/* personale.pub on the stick: read, checked and added to the staff keys. */
static void take_staff_key(store *s, int vfd, int64_t now, const i18n_catalog *cat,
                           sync_init_result *res)
{
    char *text = NULL;
    size_t len;
    vm_err e;
    vm_status st = sync_fs_read(vfd, SYNC_STAFF_PUB_FILE, KEY_FILE_MAX, &text, &len, NULL, cat,
                                &e);
    if (st == VM_ERR_NOT_FOUND)
        return;
    res->staff_key_found = true;
    seal_public pk;
    if (st == VM_OK)
        st = seal_public_file_parse(text, &pk, &e);
    free(text);
    if (st != VM_OK) {
        sync_err(&e, st, cat, "%s cannot be used: %s", SYNC_STAFF_PUB_FILE, e.msg);
        snprintf(res->staff_problem, sizeof res->staff_problem, "%s", e.msg);
        return;
    }
    char b64[SEAL_PUBLIC_TEXT_MAX];
    seal_public_to_text(&pk, b64);
    seal_fingerprint(&pk, res->staff_fingerprint);
    if ((st = store_staff_key_add(s, b64, "", now, &res->staff_key_added, &e)) != VM_OK) {
        sync_err(&e, VM_ERR_IO, cat, "the kiosk cannot remember the staff key: %s",
                 sync_store_words(cat, st));
        snprintf(res->staff_problem, sizeof res->staff_problem, "%s", e.msg);
    }
}

vm_status sync_stick_init(store *s, const char *stick_dir, const uint8_t random[32],
                          int64_t now, const char *label, int64_t expires,
                          const i18n_catalog *cat, sync_init_result *res, vm_err *err)
{
    return sync_stick_init_io(s, stick_dir, random, now, label, expires, NULL, cat, res, err);
}

vm_status sync_stick_init_io(store *s, const char *stick_dir, const uint8_t random[32],
                             int64_t now, const char *label, int64_t expires,
                             const sync_io *io, const i18n_catalog *cat,
                             sync_init_result *res, vm_err *err)
{
    int sfd = -1, vfd = -1;
    char *text = NULL;
    size_t len;
    char key[65], hash[65];
    vm_err e;
    sync_init_result scratch;
    if (!res)
        res = &scratch;
    memset(res, 0, sizeof *res);
    vm_status st = sync_fs_open_dir(AT_FDCWD, stick_dir, false, &sfd, cat, &e);
    if (st != VM_OK) {
        st = sync_err(err, st == VM_ERR_NOT_FOUND ? VM_ERR_NOT_FOUND : VM_ERR_IO, cat,
                      "the USB stick folder %s cannot be opened: %s", stick_dir, e.msg);
        goto out;
    }
    st = sync_fs_open_dir(sfd, SYNC_FOLDER, true, &vfd, cat, &e);
    if (st != VM_OK) {
        st = sync_err(err, st, cat, "the USB stick cannot be made a staff stick: %s", e.msg);
        goto out;
    }
    /* A key file half written when an earlier init was stopped (the stick pulled, the
     * command killed) is a copy of a key: it goes, whether or not a key is written now. */
    sync_fs_remove_temp(vfd, SYNC_KEY_FILE);
    st = sync_fs_read(vfd, SYNC_KEY_FILE, KEY_FILE_MAX, &text, &len, NULL, cat, &e);
    if (st == VM_OK) {
        int64_t created;
        if (sync_key_parse(text, key, &created) != VM_OK) {
            st = sync_err(err, VM_ERR_INVALID, cat,
                          "the USB stick has a damaged key file (vaermed/vaermed.key); it is "
                          "left alone. Remove it by hand to make a new one.");
            goto out;
        }
        /* A key this kiosk withdrew, or that ran out here, is not brought back: copies of
         * it may be about. The stick gets a new key (other kiosks then authorise it anew). */
        code_sha256_hex(key, 64, hash);
        store_stick_state state;
        if ((st = store_stick_key_check(s, hash, now, &state, NULL, &e)) != VM_OK) {
            st = sync_err(err, st, cat, "the kiosk's database cannot be read: %s",
                          sync_store_words(cat, st));
            goto out;
        }
        if (state == STORE_STICK_REVOKED || state == STORE_STICK_EXPIRED) {
            if ((st = write_key_file(vfd, random, now, io, cat, key, err)) != VM_OK)
                goto out;
            res->new_key = true;
        }
    } else if (st == VM_ERR_NOT_FOUND) {
        if ((st = write_key_file(vfd, random, now, io, cat, key, err)) != VM_OK)
            goto out;
        res->new_key = true;
    } else {
        st = sync_err(err, st, cat, "the key file on the USB stick cannot be read: %s", e.msg);
        goto out;
    }
    code_sha256_hex(key, 64, hash);
    st = store_stick_key_add(s, hash, label, expires, now, &e);
    if (st != VM_OK) {
        st = sync_err(err, st, cat, "the kiosk cannot remember the stick: %s",
                      sync_store_words(cat, st));
        goto out;
    }
    memcpy(res->hash, hash, 65);
    take_staff_key(s, vfd, now, cat, res);
out:
    memset(key, 0, sizeof key);
    free(text);
    if (vfd >= 0)
        close(vfd);
    if (sfd >= 0)
        close(sfd);
    return st;
}

/* ---- clock */

int64_t sync_clock_floor(store *s)
{
    char v[64];
    int64_t t;
    if (!s || store_fact_get(s, "clock_floor", v, sizeof v, NULL) != VM_OK ||
        !dktime_parse_iso(v, &t))
        return 0;
    return t;
}

bool sync_clock_floor_usable(int64_t floor, int64_t build_time)
{
    return build_time <= 0 || floor <= build_time + (int64_t)SYNC_CLOCK_MAX_YEARS * 36525 * 864;
}

int64_t sync_effective_now(store *s, int64_t now)
{
    int64_t floor = sync_clock_floor(s);
    return floor > now ? floor : now;
}

vm_status sync_clock_reset(store *s, int64_t *was, vm_err *err)
{
    if (was)
        *was = sync_clock_floor(s);
    return store_fact_unset(s, "clock_floor", err);
}

int64_t sync_stick_time_file(int vfd, const i18n_catalog *cat)
{
    int64_t t = 0;
    char *text = NULL;
    size_t len;
    if (sync_fs_read(vfd, SYNC_TIME_FILE, KEY_FILE_MAX, &text, &len, NULL, cat, NULL) ==
        VM_OK) {
        const char *p = text;
        if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
            (unsigned char)p[2] == 0xBF)
            p += 3;
        if (!sync_parse_stick_time(p, &t))
            t = 0;
    }
    free(text);
    return t;
}
