/* waiter: sleeping until there is something to do, on every SDL video driver.
 *
 * SDL 2's SDL_WaitEventTimeout sleeps properly only where the video driver can wait (X11,
 * Wayland); on KMSDRM, the Raspberry Pi console driver the service uses, and on the dummy
 * driver of the tests it wakes every millisecond to poll. There the waiter sleeps in poll()
 * itself, on what can bring an event: the input devices (/dev/input/event*, watched with
 * inotify so a touch screen plugged in later counts), a pipe the kiosk's own threads write to
 * after pushing an event (waiter_wake), and a signalfd for SIGTERM/SIGINT/SIGHUP, which it
 * turns into SDL_QUIT. On X11 and Wayland it is SDL_WaitEventTimeout.
 *
 * Ownership: waiter_begin must run before SDL_Init and before any thread starts (it blocks
 * the signals so that only the signalfd sees them); waiter_new after SDL_Init decides which
 * way to wait; waiter_free (NULL-safe) closes what it opened.
 *
 * Threads: the main loop, but for waiter_wake, which any thread may call.
 */
#ifndef VM_PLATFORM_WAITER_H
#define VM_PLATFORM_WAITER_H

#include <SDL.h>
#include <stdbool.h>

typedef struct waiter waiter;

/* Blocks SIGTERM, SIGINT and SIGHUP in this thread and in the threads it will start. */
void waiter_begin(void);

/* After SDL_Init: a waiter for the video driver in use. When the driver waits by itself the
 * signals are unblocked again, so SDL's own handlers turn them into SDL_QUIT. NULL only when
 * out of memory. */
waiter *waiter_new(void);
void waiter_free(waiter *w);

/* Like SDL_WaitEventTimeout: 1 with an event in *ev, 0 when `timeout_ms` passed without one. */
int waiter_wait(waiter *w, SDL_Event *ev, int timeout_ms);

/* Wakes a waiting waiter from another thread (after SDL_PushEvent). Async-signal-safe and
 * NULL-safe. */
void waiter_wake(waiter *w);

/* True when the waiter sleeps in its own poll() rather than in SDL's. */
bool waiter_is_own(const waiter *w);

#endif
