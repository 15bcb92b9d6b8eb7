/* service: talking to systemd when the kiosk runs as a service (Type=notify, WatchdogSec=).
 * READY=1 once the first frame is on the screen; WATCHDOG=1 from the main loop, so a hung
 * loop (not a crash, which Restart=always handles) gets the kiosk restarted. Without systemd
 * (development, tests) every call does nothing.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_PLATFORM_SERVICE_H
#define VM_PLATFORM_SERVICE_H

#include <stdint.h>

/* Tells systemd the kiosk is up. */
void service_ready(void);
/* How often the loop must ping, in ms (half the WatchdogSec), or 0 when no watchdog runs. */
int64_t service_watchdog_interval_ms(void);
void service_ping(void);
/* A one-line status for `systemctl status`. */
void service_status(const char *text);

#endif
