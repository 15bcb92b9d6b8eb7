#include "sync/sync_fs.h"

#include "sync/sync_tr.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool sync_fs_name_ok(const char *name)
{
    if (!name || !*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return false;
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++, n++) {
        if (*p == '/' || *p < 0x20 || *p == 0x7f)
            return false;
    }
    return n <= 128;
}

const char *sync_fs_write_reason(const i18n_catalog *cat, int errnum)
{
    switch (errnum) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return SYNC_T(cat, "the USB stick is full");
    case EROFS:
    case EACCES:
    case EPERM:
        return SYNC_T(cat, "the USB stick is write-protected (read-only)");
    case EIO:
    case ENODEV:
    case ENXIO:
    case ENOENT:
        return SYNC_T(cat, "the USB stick could not be written (was it pulled out?)");
    default:
        return SYNC_T(cat, "the USB stick could not be written");
    }
}

vm_status sync_fs_open_dir(int dirfd, const char *name, bool create, int *out,
                           const i18n_catalog *cat, vm_err *err)
{
    *out = -1;
    if (dirfd != AT_FDCWD && !sync_fs_name_ok(name))
        return sync_err(err, VM_ERR_REFUSED, cat, "the folder name \"%s\" is not allowed", name);
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create) {
        if (mkdirat(dirfd, name, 0755) != 0 && errno != EEXIST)
            return sync_err(err, VM_ERR_IO, cat, "cannot make the folder %s: %s", name,
                           sync_fs_write_reason(cat, errno));
        fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (fd < 0) {
        if (errno == ENOENT)
            return sync_err(err, VM_ERR_NOT_FOUND, cat, "there is no folder %s", name);
        if (errno == ELOOP || errno == ENOTDIR)
            return sync_err(err, VM_ERR_REFUSED, cat,
                           "%s is not a plain folder (a link or a file), so it is not used",
                           name);
        return sync_err(err, VM_ERR_IO, cat, "cannot open the folder %s: %s", name,
                        SYNC_T(cat, "the USB stick could not be read"));
    }
    *out = fd;
    return VM_OK;
}

bool sync_fs_exists(int dirfd, const char *name)
{
    struct stat st;
    return sync_fs_name_ok(name) && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

vm_status sync_fs_read(int dirfd, const char *name, size_t max_bytes, char **out, size_t *len,
                       int64_t *mtime, const i18n_catalog *cat, vm_err *err)
{
    vm_status st = VM_OK;
    char *buf = NULL;
    *out = NULL;
    *len = 0;
    if (!sync_fs_name_ok(name))
        return sync_err(err, VM_ERR_REFUSED, cat, "the file name \"%s\" is not allowed", name);
    /* O_NONBLOCK: a FIFO planted on a stick must not hang the kiosk before fstat says no. */
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return sync_err(err, VM_ERR_NOT_FOUND, cat, "there is no %s", name);
        if (errno == ELOOP)
            return sync_err(err, VM_ERR_REFUSED, cat, "%s is a link, and links are not followed",
                           name);
        return sync_err(err, VM_ERR_IO, cat, "cannot read %s: %s", name,
                        SYNC_T(cat, "the USB stick could not be read"));
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        st = sync_err(err, VM_ERR_IO, cat, "cannot read %s: %s", name,
                      SYNC_T(cat, "the USB stick could not be read"));
        goto out;
    }
    if (!S_ISREG(sb.st_mode)) {
        st = sync_err(err, VM_ERR_REFUSED, cat, "%s is not an ordinary file", name);
        goto out;
    }
    if ((uintmax_t)sb.st_size > max_bytes) {
        st = sync_err(err, VM_ERR_REFUSED, cat, "%s is too big (%ld bytes; at most %ld)", name,
                     (long)sb.st_size, (long)max_bytes);
        goto out;
    }
    buf = malloc((size_t)sb.st_size + 1);
    if (!buf) {
        st = sync_err(err, VM_ERR_NOMEM, cat, "out of memory reading %s", name);
        goto out;
    }
    size_t got = 0;
    /* Read up to one byte more than stat said, so a file that grows is noticed. */
    while (got < (size_t)sb.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)sb.st_size - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            st = sync_err(err, VM_ERR_IO, cat, "cannot read %s: %s", name,
                         errno == EIO ? SYNC_T(cat, "the USB stick could not be read (was it pulled out?)")
                                      : SYNC_T(cat, "the USB stick could not be read"));
            goto out;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    char extra;
    if (got == (size_t)sb.st_size && read(fd, &extra, 1) > 0) {
        st = sync_err(err, VM_ERR_REFUSED, cat, "%s changed while it was read", name);
        goto out;
    }
    buf[got] = '\0';
    *out = buf;
    *len = got;
    buf = NULL;
    if (mtime)
        *mtime = (int64_t)sb.st_mtime;
out:
    free(buf);
    close(fd);
    return st;
}

static vm_status write_all(int fd, const char *data, size_t len, const sync_io *io,
                           const char *name, const i18n_catalog *cat, vm_err *err)
{
    while (len > 0) {
        size_t chunk = len > (1u << 20) ? (1u << 20) : len;
        ssize_t w = io && io->write ? io->write(io->user, fd, data, chunk)
                                    : write(fd, data, chunk);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                           sync_fs_write_reason(cat, errno));
        }
        if (w == 0)
            return sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                           sync_fs_write_reason(cat, ENOSPC));
        data += w;
        len -= (size_t)w;
    }
    return VM_OK;
}

static int io_open(const sync_io *io, int dirfd, const char *name, int flags, mode_t mode)
{
    return io && io->open ? io->open(io->user, dirfd, name, flags, mode)
                          : openat(dirfd, name, flags, mode);
}

static int io_fsync(const sync_io *io, int fd)
{
    return io && io->fsync ? io->fsync(io->user, fd) : fsync(fd);
}

static int io_rename(const sync_io *io, int dirfd, const char *from, const char *to)
{
    return io && io->rename ? io->rename(io->user, dirfd, from, to)
                            : renameat(dirfd, from, dirfd, to);
}

static void temp_name(const char *name, char *out, size_t size)
{
    snprintf(out, size, ".%s.tmp", name);
}

void sync_fs_remove_temp(int dirfd, const char *name)
{
    char tmp[160];
    if (!sync_fs_name_ok(name))
        return;
    temp_name(name, tmp, sizeof tmp);
    unlinkat(dirfd, tmp, 0);
}

vm_status sync_fs_write_atomic(int dirfd, const char *name, const void *data, size_t len,
                               const sync_io *io, const i18n_catalog *cat, vm_err *err)
{
    if (!sync_fs_name_ok(name))
        return sync_err(err, VM_ERR_REFUSED, cat, "the file name \"%s\" is not allowed", name);
    char tmp[160];
    temp_name(name, tmp, sizeof tmp);
    /* A stale temp from a stick pulled earlier is ours to replace; a link there is not
     * followed because unlinkat removes the link itself. */
    unlinkat(dirfd, tmp, 0);
    int fd = io_open(io, dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                       sync_fs_write_reason(cat, errno));
    vm_status st = write_all(fd, data, len, io, name, cat, err);
    if (st == VM_OK && io_fsync(io, fd) != 0)
        st = sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                     sync_fs_write_reason(cat, errno));
    if (close(fd) != 0 && st == VM_OK)
        st = sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                     sync_fs_write_reason(cat, errno));
    if (st != VM_OK) {
        unlinkat(dirfd, tmp, 0);
        return st;
    }
    if (io_rename(io, dirfd, tmp, name) != 0) {
        st = sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                     sync_fs_write_reason(cat, errno));
        unlinkat(dirfd, tmp, 0);
        return st;
    }
    /* The rename itself is durable only once the folder is (EINVAL: a file system that
     * cannot sync a folder, where there is nothing more to do). */
    if (io_fsync(io, dirfd) != 0 && errno != EINVAL)
        return sync_err(err, VM_ERR_IO, cat, "could not write %s: %s", name,
                       sync_fs_write_reason(cat, errno));
    return VM_OK;
}

/* One of the temporary names the sync's writers use (sync_fs.h). */
static bool stale_temp_name(const char *name)
{
    size_t n = strlen(name);
    if (n > 5 && name[0] == '.' && strcmp(name + n - 4, ".tmp") == 0)
        return true;
    if (n > 8 && strcmp(name + n - 8, ".tmp.tmp") == 0)
        return true;
    if (n > 12 && strcmp(name + n - 12, ".tmp-journal") == 0)
        return true;
    const char *t = strstr(name, ".tmp-");
    if (t && t > name && t[5]) {
        for (const char *p = t + 5; *p; p++)
            if (!isdigit((unsigned char)*p))
                return false;
        return true;
    }
    return false;
}

int sync_fs_remove_stale_temps(int dirfd)
{
    int fd = dup(dirfd);
    if (fd < 0)
        return 0;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return 0;
    }
    int removed = 0, seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) && seen++ < SYNC_FS_SCAN_MAX) {
        if (!sync_fs_name_ok(e->d_name) || !stale_temp_name(e->d_name))
            continue;
        struct stat st;
        if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
            continue;
        if (unlinkat(dirfd, e->d_name, 0) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}
