#include "platform/syncfolder.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "platform/logmsg.h"
#include "platform/waiter.h"

extern char **environ;

/* How long the folder must be quiet after a change before the sync starts (ms). */
#define QUIET_MS 2000
#define MAX_WATCHES 72

struct syncfolder {
    struct waiter *waiter;
    SDL_Thread *thread;
    Uint32 event_type;
    int notify;
    int stop[2];
    int top;                 /* the watch on vaermed/ */
    char dir[PATH_MAX];      /* <folder>/vaermed */
    char own[256];           /* this kiosk's folder name, not watched */
    int64_t interval_ms;
    atomic_bool pending;
};

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void watch_sub(syncfolder *f, const char *name)
{
    if (name[0] == '.' || strcmp(name, f->own) == 0)
        return;
    char path[PATH_MAX + 300];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    struct stat sb;
    if (lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return;
    inotify_add_watch(f->notify, path,
                      IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE |
                          IN_ONLYDIR | IN_DONT_FOLLOW);
}

static void watch_all(syncfolder *f)
{
    DIR *d = opendir(f->dir);
    if (!d)
        return;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL && n++ < MAX_WATCHES)
        watch_sub(f, e->d_name);
    closedir(d);
}

/* Reads what inotify has; true when a file that counts changed. */
static bool drain(syncfolder *f)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool changed = false;
    ssize_t len;
    while ((len = read(f->notify, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            p += sizeof *e + e->len;
            if (!e->len || e->name[0] == '.')
                continue;
            if (e->wd == f->top && strcmp(e->name, f->own) == 0)
                continue;
            if (e->wd == f->top && (e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)))
                watch_sub(f, e->name);
            changed = true;
        }
    }
    return changed;
}

static void ask(syncfolder *f)
{
    if (atomic_exchange(&f->pending, true))
        return;
    SDL_Event ev = {0};
    ev.type = f->event_type;
    if (SDL_PushEvent(&ev) == 1)
        waiter_wake(f->waiter);
    else
        atomic_store(&f->pending, false);
}

static int watcher(void *data)
{
    syncfolder *f = data;
    bool changed = true; /* a sync at start, as with a stick already in */
    int64_t next_timer = mono_ms() + f->interval_ms;
    for (;;) {
        int64_t now = mono_ms();
        int64_t wait = next_timer - now;
        if (changed && wait > QUIET_MS)
            wait = QUIET_MS;
        if (wait < 0)
            wait = 0;
        struct pollfd fds[2] = {{f->stop[0], POLLIN, 0}, {f->notify, POLLIN, 0}};
        int n = poll(fds, 2, (int)wait);
        if (n < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (n > 0) {
            if (fds[1].revents && drain(f))
                changed = true;
            continue;
        }
        if (f->top < 0) {
            /* vaermed/ did not exist yet (Syncthing had not brought it): look again. */
            f->top = inotify_add_watch(f->notify, f->dir,
                                       IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
                                           IN_DELETE | IN_CREATE | IN_ONLYDIR | IN_DONT_FOLLOW);
            if (f->top >= 0) {
                watch_all(f);
                changed = true;
            }
        }
        if (changed || mono_ms() >= next_timer) {
            changed = false;
            next_timer = mono_ms() + f->interval_ms;
            ask(f);
        }
    }
    return 0;
}

syncfolder *syncfolder_start(const char *folder, const char *own, int minutes,
                             struct waiter *wake)
{
    syncfolder *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->notify = f->stop[0] = f->stop[1] = f->top = -1;
    f->waiter = wake;
    atomic_init(&f->pending, false);
    snprintf(f->dir, sizeof f->dir, "%s/vaermed", folder);
    snprintf(f->own, sizeof f->own, "%s", own ? own : "");
    f->interval_ms = (int64_t)(minutes > 0 ? minutes : 15) * 60000;
    struct stat sb;
    if (stat(folder, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        logmsg(LOG_ERR, "sync_folder %s is not a folder: it is not synced", folder);
        goto fail;
    }
    f->notify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (f->notify < 0) {
        logmsg(LOG_ERR, "sync_folder %s cannot be watched (%s): it is not synced", folder,
               strerror(errno));
        goto fail;
    }
    f->top = inotify_add_watch(f->notify, f->dir,
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                   IN_CREATE | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (f->top >= 0)
        watch_all(f);
    f->event_type = SDL_RegisterEvents(1);
    if (f->event_type == (Uint32)-1 || pipe(f->stop) != 0)
        goto fail;
    f->thread = SDL_CreateThread(watcher, "syncfolder", f);
    if (!f->thread)
        goto fail;
    logmsg(LOG_INFO, "sync_folder %s: synced when it changes and every %d minutes", folder,
           minutes);
    return f;
fail:
    syncfolder_stop(f);
    return NULL;
}

Uint32 syncfolder_event_type(const syncfolder *f)
{
    return f ? f->event_type : (Uint32)-1;
}

void syncfolder_handled(syncfolder *f)
{
    if (f)
        atomic_store(&f->pending, false);
}

void syncfolder_stop(syncfolder *f)
{
    if (!f)
        return;
    if (f->thread) {
        ssize_t n = write(f->stop[1], "x", 1);
        (void)n;
        SDL_WaitThread(f->thread, NULL);
    }
    SDL_Event ev;
    while (f->event_type != (Uint32)-1 &&
           SDL_PeepEvents(&ev, 1, SDL_GETEVENT, f->event_type, f->event_type) == 1)
        ;
    int fds[] = {f->notify, f->stop[0], f->stop[1]};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    free(f);
}

static bool read_id(const char *home, char *out, size_t size)
{
    char cert[PATH_MAX + 16], arg[PATH_MAX + 16];
    snprintf(cert, sizeof cert, "%s/cert.pem", home);
    if (access(cert, R_OK) != 0)
        return false;
    snprintf(arg, sizeof arg, "--home=%s", home);
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&fa, pipefd[0]);
    char *argv[] = {"syncthing", "serve", arg, "--device-id", NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "syncthing", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(pipefd[1]);
    char buf[128] = "";
    size_t got = 0;
    if (rc == 0) {
        ssize_t r;
        while (got + 1 < sizeof buf && (r = read(pipefd[0], buf + got, sizeof buf - 1 - got)) > 0)
            got += (size_t)r;
        waitpid(pid, NULL, 0);
    }
    close(pipefd[0]);
    buf[got] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    /* Eight groups of seven letters and digits. */
    if (strlen(buf) != 63 || strspn(buf, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-") != 63)
        return false;
    snprintf(out, size, "%s", buf);
    return true;
}

bool syncfolder_device_id(const char *home, char *out, size_t size)
{
    if (size)
        out[0] = '\0';
    if (home && *home)
        return read_id(home, out, size);
    const char *h = getenv("HOME");
    if (!h || !*h)
        return false;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/.local/state/syncthing", h);
    if (read_id(dir, out, size))
        return true;
    snprintf(dir, sizeof dir, "%s/.config/syncthing", h);
    return read_id(dir, out, size);
}
