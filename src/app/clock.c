#include "app/clock.h"

#include <stdlib.h>
#include <time.h>

#include "core/dktime.h"

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

int64_t clock_now_ms(const vm_clock *c)
{
    int64_t now = clock_unfloored_ms(c);
    return now < c->floor_ms ? c->floor_ms : now;
}

bool clock_suspect(const vm_clock *c, int64_t build_time)
{
    int64_t now = clock_unfloored_ms(c);
    /* A fake clock (VAERMED_NOW) was set on purpose; only the floor can prove it wrong. */
    return now < c->floor_ms || (!c->fake && now < build_time * 1000);
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
    bool behind = clock_now_ms(c) < floor_seconds * 1000;
    if (floor_seconds * 1000 > c->floor_ms)
        c->floor_ms = floor_seconds * 1000;
    return behind;
}
