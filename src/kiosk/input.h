/* input: the one place where SDL's finger and mouse events become ui_input.
 *
 * With the hints SDL_TOUCH_MOUSE_EVENTS=0 and SDL_MOUSE_TOUCH_EVENTS=0 SDL does not make
 * mouse events from touches or the other way round; mouse events that still carry
 * SDL_TOUCH_MOUSEID are dropped here too, so one tap is always one action. Only the first
 * finger down is followed until it lifts (a resting palm or a second finger does nothing).
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_INPUT_H
#define VM_KIOSK_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/ui.h"

typedef struct input_state {
    bool finger_down;
    SDL_FingerID finger;
    bool mouse_down;
} input_state;

/* Sets the SDL hints above; call before SDL_Init. */
void input_set_hints(void);

/* Translates one event. `win_w/h` is the window size, `out_w/h` the drawable size (they
 * differ on high-DPI screens). Returns false when the event is not pointer input for the UI. */
bool input_translate(input_state *st, const SDL_Event *ev, int win_w, int win_h, int out_w,
                     int out_h, ui_input *out);

#endif
