#include "kiosk/sticks.h"
#include "platform/logmsg.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How often folders that are no mount points are looked at. */
#define SCAN_INTERVAL_MS 3000

#include "services/clock.h"
#include "platform/modules.h"
#include "platform/waiter.h"

struct sticks {
    struct waiter *waiter; /* woken when an event is pushed */
    sync_watch *watch;
    SDL_Thread *thread;
    Uint32 event_type;
    int wake[2]; /* a pipe: writing to it ends the thread */
    int interval_ms; /* -1 = only when the mounts change */
    sync_sticks last;
};

/* /media/X and /run/media/U/X are mount points; anything else is only seen by scanning. */
static bool needs_timer(const config *cfg)
{
    for (size_t i = 0; i < cfg->n_stick_roots; i++) {
        const char *r = cfg->stick_roots[i];
        if (strcmp(r, "/media") != 0 && strcmp(r, "/run/media") != 0 &&
            strncmp(r, "/media/", 7) != 0 && strncmp(r, "/run/media/", 11) != 0)
            return true;
    }
    return false;
}

static bool same_sticks(const sync_sticks *a, const sync_sticks *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->path[i], b->path[i]) != 0)
            return false;
    return true;
}

/* Scans and, when something changed, hands the result to the loop. */
static void scan_and_tell(sticks *s)
{
    sticks_event *ev = calloc(1, sizeof *ev);
    vm_err err = {0};
    if (!ev)
        return;
    if (sync_watch_scan(s->watch, &ev->all, &ev->fresh, &err) != VM_OK) {
        logmsg(LOG_ERR, "looking for USB sticks: %s", err.msg);
        free(ev);
        return;
    }
    if (ev->fresh.n == 0 && same_sticks(&ev->all, &s->last)) {
        free(ev);
        return;
    }
    s->last = ev->all;
    SDL_Event e = {0};
    e.type = s->event_type;
    e.user.data1 = ev;
    if (SDL_PushEvent(&e) != 1)
        free(ev);
    else
        waiter_wake(s->waiter);
}

static int watcher(void *data)
{
    sticks *s = data;
    scan_and_tell(s); /* a stick already in at start is synced too */
    for (;;) {
        struct pollfd fds[2] = {{s->wake[0], POLLIN, 0},
                                {sync_watch_fd(s->watch), POLLPRI | POLLERR, 0}};
        int n = poll(fds, fds[1].fd >= 0 ? 2 : 1, s->interval_ms);
        if (n < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (n > 0 && fds[1].revents && !sync_watch_mounts_changed(s->watch))
            continue;
        scan_and_tell(s);
    }
    return 0;
}

sticks *sticks_start(const config *cfg, const char *mounts_path, struct waiter *wake)
{
    sticks *s = calloc(1, sizeof *s);
    const char *roots[CONFIG_LIST_MAX];
    vm_err err = {0};
    if (!s)
        return NULL;
    s->wake[0] = s->wake[1] = -1;
    s->waiter = wake;
    for (size_t i = 0; i < cfg->n_stick_roots; i++)
        roots[i] = cfg->stick_roots[i];
    if (sync_watch_open(mounts_path, roots, cfg->n_stick_roots, &s->watch, &err) != VM_OK) {
        logmsg(LOG_ERR, "USB sticks will not be noticed: %s", err.msg);
        goto fail;
    }
    s->interval_ms = needs_timer(cfg) || sync_watch_fd(s->watch) < 0 ? SCAN_INTERVAL_MS : -1;
    s->event_type = SDL_RegisterEvents(1);
    if (s->event_type == (Uint32)-1 || pipe(s->wake) != 0)
        goto fail;
    s->thread = SDL_CreateThread(watcher, "sticks", s);
    if (!s->thread)
        goto fail;
    return s;
fail:
    sticks_stop(s);
    return NULL;
}

Uint32 sticks_event_type(const sticks *s)
{
    return s ? s->event_type : (Uint32)-1;
}

void sticks_stop(sticks *s)
{
    if (!s)
        return;
    if (s->thread) {
        ssize_t w = write(s->wake[1], "x", 1);
        (void)w;
        SDL_WaitThread(s->thread, NULL);
    }
    SDL_Event ev;
    while (s->event_type != (Uint32)-1 &&
           SDL_PeepEvents(&ev, 1, SDL_GETEVENT, s->event_type, s->event_type) == 1)
        free(ev.user.data1);
    if (s->wake[0] >= 0)
        close(s->wake[0]);
    if (s->wake[1] >= 0)
        close(s->wake[1]);
    sync_watch_close(s->watch);
    free(s);
}

void sticks_sync_options(const config *cfg, const i18n_catalog *cat, const uint8_t *random16,
                         sync_options *out)
{
    memset(out, 0, sizeof *out);
    out->cat = cat;
    out->config_keys = cfg->stick_keys;
    out->n_config_keys = cfg->n_stick_keys;
    out->config_staff_keys = cfg->staff_keys;
    out->n_config_staff_keys = cfg->n_staff_keys;
    out->config_peer_keys = cfg->peer_keys;
    out->n_config_peer_keys = cfg->n_peer_keys;
    out->kiosk_name = cfg->kiosk_name[0] ? cfg->kiosk_name : NULL;
    out->estate_name = cfg->estate_name[0] ? cfg->estate_name : NULL;
    out->url_template = cfg->url_template[0] ? cfg->url_template : NULL;
    out->random16 = random16;
    out->clock_ms = clock_monotonic_ms; /* a file may take SYNC_READ_MAX_MS to read */
    out->build_time = clock_build_time();
    /* The PDF and the calendar reader come from modules, loaded when a sync needs them. The
     * PDF writer reads the estate and link template from these options, so they must not be
     * copied before the sync runs. */
    out->program_pdf = modules_week_pdf;
    out->pdf_user = out;
    out->read_ics = modules_read_ics;
}

bool sticks_synced_folder(const config *cfg, const char *dir)
{
    struct stat a, b;
    if (!dir || stat(dir, &a) != 0 || !S_ISDIR(a.st_mode))
        return false;
    if (cfg && cfg->sync_folder[0] && stat(cfg->sync_folder, &b) == 0 &&
        a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        return true;
    char marker[4096 + 16];
    int n = snprintf(marker, sizeof marker, "%s/.stfolder", dir);
    return n > 0 && (size_t)n < sizeof marker && lstat(marker, &b) == 0;
}

i18n_catalog *sticks_folder_words(const config *cfg, const char *dir, bool folder,
                                  const i18n_catalog *cat)
{
    if (!folder && !sticks_synced_folder(cfg, dir))
        return NULL;
    return i18n_catalog_view(cat, "folder");
}
