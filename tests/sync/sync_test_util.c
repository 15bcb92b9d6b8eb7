#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/dktime.h"
#include "store/bundle.h"
#include "sync_test_util.h"
#include "test_support.h"

store *stu_kiosk(const char *dir, const char *kiosk_id)
{
    store *s = NULL;
    vm_err err = {0};
    if (store_open(ts_path(dir, "kiosk.db"), STORE_CREATE, &s, &err) != VM_OK)
        fail_msg("store_open: %s", err.msg);
    assert_int_equal(store_fact_set(s, "kiosk_id", kiosk_id, &err), VM_OK);
    return s;
}

void stu_authorise(store *s, const char *stick, uint8_t seed, int64_t now)
{
    uint8_t key[32];
    for (int i = 0; i < 32; i++)
        key[i] = (uint8_t)(seed * 31 + i);
    vm_err err = {0};
    mkdir(stick, 0755);
    if (sync_stick_init(s, stick, key, now, NULL, 0, NULL, NULL, &err) != VM_OK)
        fail_msg("sync_stick_init: %s", err.msg);
}

void stu_put(const char *stick, const char *name, const void *data, size_t len)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/vaermed", stick);
    mkdir(dir, 0755);
    ts_write_file(ts_path(dir, name), data, len);
}

activity stu_activity(const char *uid, const char *title, const char *start, int capacity)
{
    activity a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "%s", uid);
    snprintf(a.title, sizeof a.title, "%s", title);
    a.start = ts_time(start);
    a.end = a.start + 7200;
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = capacity;
    return a;
}

void stu_join(store *s, const char *uid, const char *name, int n, int64_t when)
{
    signup su;
    memset(&su, 0, sizeof su);
    snprintf(su.id, sizeof su.id, "00000000-0000-4000-8000-%012d", n);
    snprintf(su.activity_uid, sizeof su.activity_uid, "%s", uid);
    snprintf(su.name, sizeof su.name, "%s", name);
    su.adults = 1;
    su.created = when;
    vm_err err = {0};
    if (store_join(s, &su, when, NULL, &err) != VM_OK)
        fail_msg("store_join: %s", err.msg);
}

char *stu_dump(const char *db_path)
{
    char *out = NULL;
    vm_err err = {0};
    if (store_dump(db_path, &out, &err) != VM_OK)
        fail_msg("store_dump: %s", err.msg);
    return out;
}

char *stu_dump_no_facts(const char *db_path)
{
    char *d = stu_dump(db_path);
    char *out = calloc(strlen(d) + 1, 1);
    assert_non_null(out);
    bool in_facts = false;
    for (char *line = strtok(d, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] != ' ')
            in_facts = strncmp(line, "table facts:", 12) == 0;
        else if (in_facts)
            continue;
        strcat(out, line);
        strcat(out, "\n");
    }
    free(d);
    return out;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_into(const char *dir, const char *rel, char ***lines, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char path[2048], r[2048];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        snprintf(r, sizeof r, "%s%s", rel, de->d_name);
        struct stat sb;
        lstat(path, &sb);
        char *line = malloc(2200);
        snprintf(line, 2200, "%s %o %lld %lld", r, (unsigned)sb.st_mode, (long long)sb.st_size,
                 (long long)sb.st_mtim.tv_nsec + (long long)sb.st_mtime * 1000000000LL);
        *lines = realloc(*lines, (*n + 1) * sizeof **lines);
        (*lines)[(*n)++] = line;
        if (S_ISDIR(sb.st_mode)) {
            strcat(r, "/");
            list_into(path, r, lines, n);
        }
    }
    closedir(d);
}

char *stu_listing(const char *dir)
{
    char **lines = NULL;
    size_t n = 0;
    list_into(dir, "", &lines, &n);
    if (n)
        qsort(lines, n, sizeof *lines, cmp_str);
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(lines[i]) + 1;
    char *out = calloc(total, 1);
    for (size_t i = 0; i < n; i++) {
        strcat(out, lines[i]);
        strcat(out, "\n");
        free(lines[i]);
    }
    free(lines);
    return out;
}

void stu_assert_same(const char *a, const char *b)
{
    int line = 1;
    const char *la = a, *lb = b;
    while (*a && *a == *b) {
        if (*a == '\n') {
            line++;
            la = a + 1;
            lb = b + 1;
        }
        a++;
        b++;
    }
    if (*a == *b)
        return;
    fail_msg("texts differ at line %d:\n  before: %.200s\n  after:  %.200s", line, la, lb);
}

void stu_staff_key(store *s, seal_secret *out)
{
    char *text = NULL;
    seal_public pub;
    vm_err err = {0};
    if (seal_keypair_new("a test passphrase", SEAL_KDF_FAST, &text, &pub, &err) != VM_OK ||
        seal_secret_file_open(text, "a test passphrase", out, &err) != VM_OK)
        fail_msg("a staff key: %s", err.msg);
    free(text);
    char b64[SEAL_PUBLIC_TEXT_MAX];
    seal_public_to_text(&pub, b64);
    if (store_staff_key_add(s, b64, "test", 0, NULL, &err) != VM_OK)
        fail_msg("store_staff_key_add: %s", err.msg);
}

char *stu_unseal(const char *path, const seal_secret *sk, size_t *len)
{
    size_t n = 0;
    char *data = ts_read_file(path, &n);
    if (!data)
        fail_msg("%s is not there", path);
    uint8_t *plain = NULL;
    size_t plen = 0;
    vm_err err = {0};
    if (seal_decrypt(sk, data, n, &plain, &plen, &err) != VM_OK)
        fail_msg("%s does not open: %s", path, err.msg);
    free(data);
    if (len)
        *len = plen;
    return (char *)plain;
}

void stu_unseal_to(const char *path, const seal_secret *sk, const char *plain_path)
{
    size_t len = 0;
    char *plain = stu_unseal(path, sk, &len);
    ts_write_file(plain_path, plain, len);
    free(plain);
}
