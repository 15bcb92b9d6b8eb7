/* cursor: the mouse pointer on a touch kiosk.
 *
 * On the bare console (SDL's KMSDRM driver, the service) a pointer in the middle of the
 * picture is only in the way, so it is hidden from the start. It shows when a real mouse moves
 * or clicks (a caretaker with a mouse), and hides again at the next touch of the screen and
 * when the kiosk goes to rest (the idle or night screen). In a desktop window (development,
 * X11 or Wayland) the pointer belongs to the desktop and always shows.
 *
 * Pure decisions; the kiosk applies them with SDL_ShowCursor.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_PLATFORM_CURSOR_H
#define VM_PLATFORM_CURSOR_H

#include <SDL.h>
#include <stdbool.h>

/* Whether SDL's video driver (SDL_GetCurrentVideoDriver(), may be NULL) is the bare console,
 * where the kiosk decides about the pointer. */
bool cursor_on_console(const char *video_driver);

/* The pointer's state at the start. */
bool cursor_shown_at_start(bool console);

/* Its state after this event: a mouse's motion or button shows it, a finger hides it (mouse
 * events SDL made from a finger, SDL_TOUCH_MOUSEID, count as the finger); anything else leaves
 * `shown` as it is. Off the console always true. */
bool cursor_shown_after_event(bool shown, bool console, const SDL_Event *ev);

/* Its state after a new screen was presented: the resting screens ("idle", "night") hide it. */
bool cursor_shown_after_screen(bool shown, bool console, const char *screen);

#endif
