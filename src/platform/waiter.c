#include "platform/waiter.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#define MAX_INPUTS 32
#define INPUT_DIR "/dev/input"

struct waiter {
    bool own;
    int wake[2];      /* the pipe other threads write to */
    int sig;          /* signalfd for SIGTERM, SIGINT, SIGHUP; -1 when unavailable */
    int notify;       /* inotify on /dev/input; -1 when unavailable */
    int inputs[MAX_INPUTS];
    int n_inputs;
};

static sigset_t quit_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    return set;
}

void waiter_begin(void)
{
    sigset_t set = quit_signals();
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/* Drivers whose SDL_WaitEventTimeout really sleeps. */
static bool driver_waits(const char *driver)
{
    static const char *const waiting[] = {"x11", "wayland", "windows", "cocoa"};
    for (size_t i = 0; driver && i < sizeof waiting / sizeof waiting[0]; i++)
        if (strcmp(driver, waiting[i]) == 0)
            return true;
    return false;
}

static void close_inputs(waiter *w)
{
    for (int i = 0; i < w->n_inputs; i++)
        close(w->inputs[i]);
    w->n_inputs = 0;
}

/* Our own read-only handle on each input device: the kernel gives every reader its own
 * queue, so reading ours (to keep poll quiet) takes nothing from SDL's. */
static void open_inputs(waiter *w)
{
    close_inputs(w);
    DIR *d = opendir(INPUT_DIR);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && w->n_inputs < MAX_INPUTS) {
        if (strncmp(e->d_name, "event", 5) != 0)
            continue;
        char path[300];
        snprintf(path, sizeof path, "%s/%s", INPUT_DIR, e->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0)
            w->inputs[w->n_inputs++] = fd;
    }
    closedir(d);
}

waiter *waiter_new(void)
{
    waiter *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->wake[0] = w->wake[1] = w->sig = w->notify = -1;
    w->own = !driver_waits(SDL_GetCurrentVideoDriver());
    if (!w->own || pipe(w->wake) != 0) {
        w->own = false;
        sigset_t set = quit_signals();
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
        return w;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(w->wake[i], F_SETFD, FD_CLOEXEC);
        fcntl(w->wake[i], F_SETFL, O_NONBLOCK);
    }
    sigset_t set = quit_signals();
    w->sig = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    w->notify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->notify >= 0 && inotify_add_watch(w->notify, INPUT_DIR, IN_CREATE | IN_DELETE |
                                                                     IN_ATTRIB) < 0) {
        close(w->notify);
        w->notify = -1;
    }
    open_inputs(w);
    return w;
}

void waiter_free(waiter *w)
{
    if (!w)
        return;
    close_inputs(w);
    int fds[] = {w->wake[0], w->wake[1], w->sig, w->notify};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    free(w);
}

bool waiter_is_own(const waiter *w)
{
    return w && w->own;
}

void waiter_wake(waiter *w)
{
    if (w && w->own) {
        ssize_t n = write(w->wake[1], "w", 1);
        (void)n; /* a full pipe already wakes the waiter */
    }
}

static void drain(int fd)
{
    char buf[1024];
    while (read(fd, buf, sizeof buf) > 0)
        ;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int waiter_wait(waiter *w, SDL_Event *ev, int timeout_ms)
{
    if (!w->own)
        return SDL_WaitEventTimeout(ev, timeout_ms);
    int64_t deadline = now_ms() + (timeout_ms < 0 ? 0 : timeout_ms);
    for (;;) {
        if (SDL_PollEvent(ev))
            return 1;
        int64_t left = deadline - now_ms();
        if (left <= 0)
            return 0;
        struct pollfd fds[3 + MAX_INPUTS];
        int n = 0, notify_at = -1;
        fds[n++] = (struct pollfd){w->wake[0], POLLIN, 0};
        if (w->sig >= 0)
            fds[n++] = (struct pollfd){w->sig, POLLIN, 0};
        if (w->notify >= 0) {
            notify_at = n;
            fds[n++] = (struct pollfd){w->notify, POLLIN, 0};
        }
        int first_input = n;
        for (int i = 0; i < w->n_inputs; i++)
            fds[n++] = (struct pollfd){w->inputs[i], POLLIN, 0};
        if (poll(fds, (nfds_t)n, (int)left) < 0 && errno != EINTR)
            return 0;
        drain(w->wake[0]);
        struct signalfd_siginfo si;
        if (w->sig >= 0 && read(w->sig, &si, sizeof si) == (ssize_t)sizeof si) {
            SDL_Event quit = {0};
            quit.type = SDL_QUIT;
            SDL_PushEvent(&quit);
        }
        if (notify_at >= 0 && fds[notify_at].revents) {
            drain(w->notify);
            open_inputs(w); /* a device came or went */
        } else {
            for (int i = first_input; i < n; i++)
                if (fds[i].revents & (POLLERR | POLLHUP | POLLNVAL)) {
                    open_inputs(w);
                    break;
                } else if (fds[i].revents) {
                    drain(fds[i].fd);
                }
        }
    }
}
