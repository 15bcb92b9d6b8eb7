#include "platform/secret.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/random.h"
#include "store/store.h"

#define SECRET_FILE_MAX 512

void secret_path(const char *db_path, char *out, size_t size)
{
    snprintf(out, size, "%s.secret", db_path);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The first line that is not a comment holds the 64 hex digits. */
static bool parse(const char *text, code_key *out)
{
    const char *p = text;
    while (*p == '#') {
        p = strchr(p, '\n');
        if (!p)
            return false;
        p++;
    }
    for (int i = 0; i < CODE_KEY_BYTES; i++) {
        int hi = hexval(p[2 * i]), lo = hi < 0 ? -1 : hexval(p[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out->bytes[i] = (uint8_t)(hi << 4 | lo);
    }
    char end = p[2 * CODE_KEY_BYTES];
    return end == '\0' || end == '\n' || end == '\r';
}

static vm_status read_secret(const char *path, code_key *out, vm_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return err_set(err, errno == ENOENT ? VM_ERR_NOT_FOUND : VM_ERR_IO,
                       "The kiosk's secret %s cannot be read: %s.", path, strerror(errno));
    char text[SECRET_FILE_MAX + 1];
    ssize_t n = read(fd, text, SECRET_FILE_MAX);
    int e = errno;
    close(fd);
    if (n < 0)
        return err_set(err, VM_ERR_IO, "The kiosk's secret %s cannot be read: %s.", path,
                       strerror(e));
    text[n] = '\0';
    bool ok = parse(text, out);
    memset(text, 0, sizeof text);
    if (!ok)
        return err_set(err, VM_ERR_CORRUPT,
                       "The kiosk's secret %s is damaged; it is left as it is. Cancel codes "
                       "cannot be checked until it is restored (or removed: then the codes "
                       "made so far no longer work).",
                       path);
    return VM_OK;
}

static vm_status make_secret(const char *path, vm_err *err)
{
    uint8_t raw[CODE_KEY_BYTES];
    char tmp[4200], text[256];
    static const char hexd[] = "0123456789abcdef";
    if (snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof tmp)
        return err_set(err, VM_ERR_INVALID, "The kiosk's secret %s has too long a path.", path);
    if (!random_bytes(raw, sizeof raw))
        return err_set(err, VM_ERR_INTERNAL, "The kernel gave no random numbers for a secret.");
    int n = snprintf(text, sizeof text,
                     "# Vær med: this kiosk's own secret. It keys the residents' cancel codes.\n"
                     "# Never copy it anywhere: without it a copy of the database says nothing.\n");
    for (int i = 0; i < CODE_KEY_BYTES; i++) {
        text[n++] = hexd[raw[i] >> 4];
        text[n++] = hexd[raw[i] & 15];
    }
    text[n++] = '\n';
    memset(raw, 0, sizeof raw);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return err_set(err, VM_ERR_IO, "The kiosk's secret %s cannot be made: %s.", path,
                       strerror(errno));
    /* Made by root (a caretaker's `sudo vaermed ...`), it must still be the kiosk's: it
     * goes to whoever owns the database. */
    char db[4200];
    snprintf(db, sizeof db, "%.*s", (int)(strlen(path) - strlen(".secret")), path);
    struct stat dbst;
    if (geteuid() == 0 && stat(db, &dbst) == 0 && fchown(fd, dbst.st_uid, dbst.st_gid) != 0)
        fprintf(stderr, "vaermed: %s could not be given to the database's owner: %s\n", path,
                strerror(errno));
    bool ok = write(fd, text, (size_t)n) == n && fsync(fd) == 0;
    int e = errno;
    close(fd);
    memset(text, 0, sizeof text);
    /* link() never replaces: when another process was first, its secret stays. */
    if (ok && link(tmp, path) != 0 && errno != EEXIST) {
        e = errno;
        ok = false;
    }
    unlink(tmp);
    if (!ok)
        return err_set(err, VM_ERR_IO, "The kiosk's secret %s cannot be made: %s.", path,
                       strerror(e));
    /* the new name must survive a power cut too */
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return VM_OK;
}

/* Removes "<secret>.<pid>.tmp" files that make_secret of a process that no longer runs left
 * (it was killed between writing and removing its temp): each is a copy of a secret. A
 * process that still runs (or another user's, which kill() may not ask) keeps its own. */
static void remove_stale_temps(const char *path)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : path;
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    size_t blen = strlen(base);
    DIR *d = opendir(slash ? dir : ".");
    if (!d)
        return;
    int dfd = dirfd(d);
    struct dirent *e;
    int seen = 0;
    while ((e = readdir(d)) && seen++ < 10000) {
        const char *n = e->d_name;
        size_t len = strlen(n);
        if (len < blen + 6 || strncmp(n, base, blen) != 0 || n[blen] != '.' ||
            strcmp(n + len - 4, ".tmp") != 0)
            continue;
        const char *p = n + blen + 1, *end = n + len - 4;
        if (p == end)
            continue;
        long pid = 0;
        for (; p < end && isdigit((unsigned char)*p) && pid < 100000000; p++)
            pid = pid * 10 + (*p - '0');
        if (p != end || pid <= 0 || pid == (long)getpid())
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        unlinkat(dfd, n, 0);
    }
    closedir(d);
}

vm_status secret_load(const char *db_path, bool create, code_key *out, vm_err *err)
{
    char path[4200];
    secret_path(db_path, path, sizeof path);
    if (create)
        remove_stale_temps(path);
    vm_err e = {0};
    vm_status st = read_secret(path, out, &e);
    if (st == VM_ERR_NOT_FOUND && create) {
        if ((st = make_secret(path, err)) != VM_OK)
            return st;
        return read_secret(path, out, err);
    }
    if (st != VM_OK)
        return err_set(err, st, "%s", e.msg);
    return VM_OK;
}

vm_status secret_load_and_upgrade(struct store *s, const char *db_path, code_key *out,
                                  vm_err *err)
{
    vm_status st = secret_load(db_path, true, out, err);
    if (st != VM_OK)
        return st;
    int n = 0;
    st = store_upgrade_code_hashes(s, out, &n, err);
    if (st == VM_OK && n > 0)
        fprintf(stderr, "vaermed: %d cancel codes are now keyed with the kiosk's secret\n", n);
    return st;
}
