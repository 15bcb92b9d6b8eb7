#include "sync/sync_work.h"

#include "sync/sync_tr.h"

void sync_work_begin(sync_work *w, const sync_read_opts *opt)
{
    *w = (sync_work){0};
    w->opt = opt;
    w->max_ms = opt && opt->max_ms > 0 ? opt->max_ms : SYNC_READ_MAX_MS;
    if (opt && opt->clock_ms)
        w->started_ms = w->last_alive_ms = opt->clock_ms();
}

bool sync_work_step(sync_work *w, long units, double done)
{
    if (w->over)
        return false;
    w->units += units;
    w->since_check += units;
    const sync_read_opts *o = w->opt;
    if (!o)
        return true;
    if (o->clock_ms) {
        /* The clock is a system call in the kiosk: looked at only every few units. */
        if (w->since_check < SYNC_WORK_CLOCK_UNITS)
            return true;
        w->since_check = 0;
        int64_t now = o->clock_ms();
        if (now - w->started_ms > w->max_ms) {
            w->over = true;
            return false;
        }
        if (now - w->last_alive_ms < SYNC_WORK_ALIVE_MS)
            return true;
        w->last_alive_ms = now;
    } else {
        if (w->since_check < SYNC_WORK_ALIVE_UNITS)
            return true;
        w->since_check = 0;
    }
    if (o->alive)
        o->alive(o->user, done < 0 ? 0 : done > 1 ? 1 : done);
    return true;
}

vm_status sync_work_refuse(const sync_work *w, const char *file, vm_err *err)
{
    const i18n_catalog *cat = w->opt ? w->opt->cat : NULL;
    return sync_err(err, VM_ERR_REFUSED, cat,
                    "%s takes too long to read (more than %d seconds), so it was not used",
                    file, (int)(w->max_ms / 1000));
}
