/* Stick detection: the mounts file's changes and a scan of the roots (see sync_watch.h). */
#include "sync/sync_watch.h"

#include <fcntl.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sync/sync.h"

#define MOUNTS_MAX (1u << 20)

typedef struct seen {
    char path[SYNC_WATCH_PATH_MAX];
    dev_t dev;
    ino_t ino;
} seen;

struct sync_watch {
    int fd;
    uint64_t mounts_hash;
    char roots[SYNC_WATCH_MAX_ROOTS][SYNC_WATCH_PATH_MAX];
    size_t n_roots;
    seen prev[SYNC_WATCH_MAX_STICKS];
    size_t n_prev;
};

/* FNV-1a of the whole mounts file, read from the start through the watched fd. */
static uint64_t mounts_hash(int fd)
{
    uint64_t h = 1469598103934665603ULL;
    if (fd < 0 || lseek(fd, 0, SEEK_SET) < 0)
        return 0;
    char buf[4096];
    size_t total = 0;
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) > 0 && total < MOUNTS_MAX) {
        for (ssize_t i = 0; i < r; i++) {
            h ^= (unsigned char)buf[i];
            h *= 1099511628211ULL;
        }
        total += (size_t)r;
    }
    return h;
}

vm_status sync_watch_open(const char *mounts_path, const char *const *roots, size_t n_roots,
                          sync_watch **out, vm_err *err)
{
    *out = NULL;
    sync_watch *w = calloc(1, sizeof *w);
    if (!w)
        return err_set(err, VM_ERR_NOMEM, "out of memory");
    w->fd = open(mounts_path ? mounts_path : "/proc/self/mounts", O_RDONLY | O_CLOEXEC);
    w->mounts_hash = mounts_hash(w->fd);
    for (size_t i = 0; i < n_roots && w->n_roots < SYNC_WATCH_MAX_ROOTS; i++) {
        if (!roots[i] || !roots[i][0] || strlen(roots[i]) >= SYNC_WATCH_PATH_MAX - 8)
            continue;
        snprintf(w->roots[w->n_roots++], SYNC_WATCH_PATH_MAX, "%s", roots[i]);
    }
    *out = w;
    return VM_OK;
}

void sync_watch_close(sync_watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    free(w);
}

int sync_watch_fd(const sync_watch *w)
{
    return w ? w->fd : -1;
}

bool sync_watch_mounts_changed(sync_watch *w)
{
    if (!w || w->fd < 0)
        return false;
    uint64_t h = mounts_hash(w->fd);
    bool changed = h != w->mounts_hash;
    w->mounts_hash = h;
    return changed;
}

static bool is_stick(const char *dir, dev_t *dev, ino_t *ino)
{
    char p[SYNC_WATCH_PATH_MAX + 16];
    struct stat sb;
    if (snprintf(p, sizeof p, "%s/%s", dir, SYNC_FOLDER) >= (int)sizeof p)
        return false;
    if (lstat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return false;
    *dev = sb.st_dev;
    *ino = sb.st_ino;
    return true;
}

vm_status sync_watch_scan(sync_watch *w, sync_sticks *all, sync_sticks *fresh, vm_err *err)
{
    (void)err;
    seen now[SYNC_WATCH_MAX_STICKS];
    size_t n_now = 0;
    if (all)
        all->n = 0;
    if (fresh)
        fresh->n = 0;
    for (size_t r = 0; r < w->n_roots; r++) {
        for (int depth = 0; depth <= 2; depth++) {
            char pattern[SYNC_WATCH_PATH_MAX + 8];
            snprintf(pattern, sizeof pattern, "%s%s", w->roots[r],
                     depth == 0 ? "" : depth == 1 ? "/*" : "/*/*");
            glob_t g;
            if (glob(pattern, GLOB_ONLYDIR | GLOB_NOSORT, NULL, &g) != 0)
                continue;
            for (size_t i = 0; i < g.gl_pathc && n_now < SYNC_WATCH_MAX_STICKS; i++) {
                const char *p = g.gl_pathv[i];
                dev_t dev;
                ino_t ino;
                if (strlen(p) >= SYNC_WATCH_PATH_MAX || !is_stick(p, &dev, &ino))
                    continue;
                bool dup = false;
                for (size_t k = 0; k < n_now && !dup; k++)
                    dup = now[k].dev == dev && now[k].ino == ino;
                if (dup)
                    continue;
                snprintf(now[n_now].path, SYNC_WATCH_PATH_MAX, "%s", p);
                now[n_now].dev = dev;
                now[n_now].ino = ino;
                n_now++;
            }
            globfree(&g);
        }
    }
    for (size_t i = 0; i < n_now; i++) {
        /* now[i].path is a buffer of the same size, so the copy always fits. */
        if (all)
            memcpy(all->path[all->n++], now[i].path, sizeof now[i].path);
        bool known = false;
        for (size_t k = 0; k < w->n_prev && !known; k++)
            known = w->prev[k].dev == now[i].dev && w->prev[k].ino == now[i].ino &&
                    strcmp(w->prev[k].path, now[i].path) == 0;
        if (!known && fresh)
            memcpy(fresh->path[fresh->n++], now[i].path, sizeof now[i].path);
    }
    memcpy(w->prev, now, n_now * sizeof *now);
    w->n_prev = n_now;
    return VM_OK;
}
