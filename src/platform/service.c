#include "platform/service.h"

#include <stdbool.h>

#ifdef VAERMED_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>

void service_ready(void)
{
    sd_notify(0, "READY=1");
}

int64_t service_watchdog_interval_ms(void)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0)
        return 0;
    return (int64_t)(usec / 2000);
}

void service_ping(void)
{
    sd_notify(0, "WATCHDOG=1");
}

void service_status(const char *text)
{
    sd_notifyf(0, "STATUS=%s", text);
}

#else

void service_ready(void) {}
int64_t service_watchdog_interval_ms(void) { return 0; }
void service_ping(void) {}
void service_status(const char *text) { (void)text; }

#endif
