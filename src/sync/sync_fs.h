/* sync_fs: files on a stick, opened as if hostile (internal to src/sync, used by tests).
 *
 * Every name is one plain path component opened relative to a folder's file descriptor with
 * O_NOFOLLOW: no "/", no "..", no symlinks, only regular files and real folders. Writes go
 * to a temporary name in the same folder, are fsync'd, renamed over the old file and the
 * folder is fsync'd, so a stick pulled at any moment holds the old file or the new one.
 *
 * Messages are translated through `cat` (may be NULL: English). Errors are plain words:
 * VM_ERR_NOT_FOUND (no such file), VM_ERR_REFUSED (a symlink, a
 * strange name, something that is not a regular file, too big), VM_ERR_IO (the stick is
 * full, write-protected, or was pulled out; the message says which).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_FS_H
#define VM_SYNC_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/err.h"
#include "core/i18n.h"

/* The I/O seam of sync_fs_write_atomic: the system calls unless a test injects its own (a
 * write-protected stick, a failing write, or a recorder that proves the file and its folder are fsync'd around the
 * rename). Each hook may be NULL: then the system call itself. */
typedef struct sync_io {
    /* Like openat(2), for the temporary file inside `dirfd`: an fd, or -1 with errno set. */
    int (*open)(void *user, int dirfd, const char *name, int flags, mode_t mode);
    /* Like write(2): bytes written, or -1 with errno set. */
    ssize_t (*write)(void *user, int fd, const void *buf, size_t n);
    void *user;
    /* Like fsync(2): called for the written file before the rename and for its folder after. */
    int (*fsync)(void *user, int fd);
    /* Like renameat(2), with both names inside `dirfd`. */
    int (*rename)(void *user, int dirfd, const char *from, const char *to);
} sync_io;

/* True for a name that is one harmless path component: not empty, not "." or "..", no
 * "/", no control characters, at most 128 bytes. */
bool sync_fs_name_ok(const char *name);

/* Opens folder `name` inside `dirfd` (AT_FDCWD for a path given on the command line, where
 * `name` may then be any path) without following a symlink at the last step; with `create`
 * it is made (0755) when missing. *out is an O_DIRECTORY fd the caller closes. */
vm_status sync_fs_open_dir(int dirfd, const char *name, bool create, int *out,
                           const i18n_catalog *cat, vm_err *err);

/* Reads regular file `name` inside `dirfd` whole into a malloc'd NUL-terminated buffer
 * (caller frees). Refuses symlinks, non-regular files and files over `max_bytes`.
 * `mtime` (may be NULL) gets the file's modification time. */
vm_status sync_fs_read(int dirfd, const char *name, size_t max_bytes, char **out, size_t *len,
                       int64_t *mtime, const i18n_catalog *cat, vm_err *err);

/* True when `name` exists inside `dirfd` as anything (without following a symlink). */
bool sync_fs_exists(int dirfd, const char *name);

/* Writes `data` to `name` inside `dirfd` atomically (temp, fsync, rename, fsync folder).
 * On failure the temp file is removed and the old `name`, if any, is untouched. `io` may
 * be NULL. */
vm_status sync_fs_write_atomic(int dirfd, const char *name, const void *data, size_t len,
                               const sync_io *io, const i18n_catalog *cat, vm_err *err);

/* Removes the temporary file sync_fs_write_atomic would use for `name` in `dirfd`, left
 * there when an earlier write was stopped (a link itself, never what it points at). */
void sync_fs_remove_temp(int dirfd, const char *name);

/* Removes the temporary files a sync left in `dirfd` when the stick was pulled before it
 * could rename them: ".NAME.tmp" (sync_fs_write_atomic), "NAME.tmp-PID" (the PDF and QR
 * writers), "NAME.tmp.tmp" and "NAME.tmp-journal" (the database snapshot). Only regular
 * files and links (a link itself, never what it points at); at most the first
 * SYNC_FS_SCAN_MAX names are looked at. Returns how many were removed. */
#define SYNC_FS_SCAN_MAX 10000
int sync_fs_remove_stale_temps(int dirfd);

/* The plain-words reason for an errno from writing to a stick ("the USB stick is full"). */
const char *sync_fs_write_reason(const i18n_catalog *cat, int errnum);

#endif
