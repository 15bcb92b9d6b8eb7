#include "services/clock.h"

#include <stdlib.h>
#include <time.h>

#include "core/dktime.h"
#include "sync/sync.h"

#ifndef VAERMED_BUILD_TIME
#define VAERMED_BUILD_TIME 0
#endif

int64_t clock_build_time(void)
{
    return VAERMED_BUILD_TIME;
}

bool clock_floor_plausible(int64_t floor_seconds)
{
    /* The same bound as sync_clock_floor_usable (the clock tests link no sync). */
    int64_t built = clock_build_time();
    return built <= 0 ||
           floor_seconds <= built + (int64_t)SYNC_CLOCK_MAX_YEARS * 36525 * 864;
}

int64_t clock_monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t real_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool clock_init(vm_clock *c)
{
    *c = (vm_clock){0};
    c->mono_start_ms = clock_monotonic_ms();
    const char *env = getenv("VAERMED_NOW");
    if (!env || !*env)
        return true;
    int64_t t;
    if (!dktime_parse_iso(env, &t))
        return false;
    c->fake = true;
    c->fake_start_ms = t * 1000;
    return true;
}

int64_t clock_unfloored_ms(const vm_clock *c)
{
    int64_t now = c->fake ? c->fake_start_ms + (clock_monotonic_ms() - c->mono_start_ms)
                          : real_ms();
    return now + c->offset_ms;
}

/* The floor, run on since it was set. */
static int64_t running_floor_ms(const vm_clock *c, int64_t unfloored)
{
    if (!c->floor_ms)
        return 0;
    int64_t ran = unfloored - c->floor_set_ms;
    return c->floor_ms + (ran > 0 ? ran : 0);
}

int64_t clock_now_ms(const vm_clock *c)
{
    int64_t now = clock_unfloored_ms(c);
    int64_t floor = running_floor_ms(c, now);
    return now < floor ? floor : now;
}

bool clock_suspect(const vm_clock *c, int64_t build_time)
{
    int64_t now = clock_unfloored_ms(c);
    /* A fake clock (VAERMED_NOW) was set on purpose; only the floor can prove it wrong. */
    return now < running_floor_ms(c, now) || (!c->fake && now < build_time * 1000);
}

int64_t clock_now(const vm_clock *c)
{
    return clock_now_ms(c) / 1000;
}

void clock_advance(vm_clock *c, int64_t ms)
{
    c->offset_ms += ms;
}

bool clock_set_floor(vm_clock *c, int64_t floor_seconds)
{
    int64_t now = clock_now_ms(c);
    bool behind = now < floor_seconds * 1000;
    if (floor_seconds * 1000 > running_floor_ms(c, clock_unfloored_ms(c))) {
        c->floor_ms = floor_seconds * 1000;
        c->floor_set_ms = clock_unfloored_ms(c);
    }
    return behind;
}

int64_t clock_trusted(int64_t now, int64_t start, int64_t elapsed, int64_t last,
                      int64_t max_jump)
{
    int64_t base = start;
    if (last > 0 && start - last > max_jump)
        base = last; /* a jump: believed only as the kiosk runs */
    if (elapsed < 0)
        elapsed = 0;
    int64_t t = base + 2 * elapsed;
    return t < now ? t : now;
}

void clock_clear_floor(vm_clock *c)
{
    c->floor_ms = 0;
    c->floor_set_ms = 0;
}
