#include "platform/dbwatch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "platform/logmsg.h"
#include "platform/waiter.h"

/* How long the database's files must be quiet before the loop looks (ms). */
#define QUIET_MS 150

struct dbwatch {
    struct waiter *waiter;
    SDL_Thread *thread;
    Uint32 event_type;
    int notify;              /* inotify on the database's folder */
    int stop[2];             /* a pipe: writing to it ends the thread */
    char base[NAME_MAX + 1]; /* the database's file name */
    atomic_bool pending;     /* an event is queued and not handled yet */
};

/* The database itself, or SQLite's files beside it (-wal, -journal). */
static bool is_ours(const dbwatch *w, const char *name)
{
    size_t n = strlen(w->base);
    return strncmp(name, w->base, n) == 0 &&
           (name[n] == '\0' || strcmp(name + n, "-wal") == 0 ||
            strcmp(name + n, "-journal") == 0);
}

/* Reads what inotify has; true when it touched the database's files. */
static bool drain_ours(dbwatch *w)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool ours = false;
    ssize_t len;
    while ((len = read(w->notify, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->len && is_ours(w, e->name))
                ours = true;
            p += sizeof *e + e->len;
        }
    }
    return ours;
}

static int watcher(void *data)
{
    dbwatch *w = data;
    bool changed = false;
    for (;;) {
        struct pollfd fds[2] = {{w->stop[0], POLLIN, 0}, {w->notify, POLLIN, 0}};
        /* A write to the -wal file is seen before its commit is: the loop is told once the
         * files have been quiet for QUIET_MS, when the writer's commit is visible. */
        int n = poll(fds, 2, changed ? QUIET_MS : -1);
        if (n < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (n > 0) {
            if (fds[1].revents && drain_ours(w))
                changed = true;
            continue;
        }
        if (!changed)
            continue;
        changed = false;
        if (atomic_exchange(&w->pending, true))
            continue;
        SDL_Event ev = {0};
        ev.type = w->event_type;
        if (SDL_PushEvent(&ev) == 1)
            waiter_wake(w->waiter);
        else
            atomic_store(&w->pending, false);
    }
    return 0;
}

dbwatch *dbwatch_start(const char *db_path, struct waiter *wake)
{
    dbwatch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->notify = w->stop[0] = w->stop[1] = -1;
    w->waiter = wake;
    atomic_init(&w->pending, false);
    char dir[PATH_MAX];
    const char *slash = strrchr(db_path, '/');
    if (slash) {
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - db_path), db_path);
        if (!dir[0])
            snprintf(dir, sizeof dir, "/");
    } else {
        snprintf(dir, sizeof dir, ".");
    }
    snprintf(w->base, sizeof w->base, "%s", slash ? slash + 1 : db_path);
    w->notify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->notify < 0 ||
        inotify_add_watch(w->notify, dir, IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO |
                                              IN_CREATE) < 0) {
        logmsg(LOG_WARNING, "changes to the database by other programs are shown only at the "
                            "hourly reload: cannot watch %s (%s)", dir, strerror(errno));
        goto fail;
    }
    w->event_type = SDL_RegisterEvents(1);
    if (w->event_type == (Uint32)-1 || pipe(w->stop) != 0)
        goto fail;
    w->thread = SDL_CreateThread(watcher, "dbwatch", w);
    if (!w->thread)
        goto fail;
    return w;
fail:
    dbwatch_stop(w);
    return NULL;
}

Uint32 dbwatch_event_type(const dbwatch *w)
{
    return w ? w->event_type : (Uint32)-1;
}

void dbwatch_handled(dbwatch *w)
{
    if (w)
        atomic_store(&w->pending, false);
}

void dbwatch_stop(dbwatch *w)
{
    if (!w)
        return;
    if (w->thread) {
        ssize_t n = write(w->stop[1], "x", 1);
        (void)n;
        SDL_WaitThread(w->thread, NULL);
    }
    SDL_Event ev;
    while (w->event_type != (Uint32)-1 &&
           SDL_PeepEvents(&ev, 1, SDL_GETEVENT, w->event_type, w->event_type) == 1)
        ;
    int fds[] = {w->notify, w->stop[0], w->stop[1]};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    free(w);
}
