/* nftw() is X/Open: the build defines only _POSIX_C_SOURCE and _DEFAULT_SOURCE. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dktime.h"

static const char *tmp_root(void)
{
    const char *t = getenv("VAERMED_TEST_TMP");
    return (t && *t) ? t : "/tmp";
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void ts_remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *ts_fresh_dir(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s.%ld", tmp_root(), name, (long)getpid());
    ts_remove_tree(buf);
    if (mkdir(buf, 0700) != 0 && errno != EEXIST)
        fail_msg("cannot make %s: %s", buf, strerror(errno));
    return buf;
}

const char *ts_path(const char *dir, const char *file)
{
    static char ring[8][4096];
    static int next;
    char *b = ring[next++ % 8];
    snprintf(b, 4096, "%s/%s", dir, file);
    return b;
}

void ts_write_file(const char *path, const void *data, size_t len)
{
    if (len == (size_t)-1)
        len = strlen(data);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s: %s", path, strerror(errno));
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

char *ts_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

bool ts_files_equal(const char *a, const char *b)
{
    size_t la, lb;
    char *da = ts_read_file(a, &la), *db = ts_read_file(b, &lb);
    bool same = da && db && la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

const char *ts_source_path(const char *rel)
{
    static char buf[4096];
    const char *src = getenv("VAERMED_SOURCE_DIR");
    snprintf(buf, sizeof buf, "%s/%s", (src && *src) ? src : VAERMED_SOURCE_DIR, rel);
    return buf;
}

int64_t ts_time(const char *iso)
{
    int64_t t = 0;
    if (!dktime_parse_iso(iso, &t))
        fail_msg("bad test time '%s'", iso);
    return t;
}

bool ts_contains(const void *data, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    const unsigned char *d = data;
    for (size_t i = 0; n && i + n <= len; i++)
        if (memcmp(d + i, needle, n) == 0)
            return true;
    return false;
}
