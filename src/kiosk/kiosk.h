/* kiosk: the touch screen program: opens the screen and the database, then runs the event
 * loop until it is closed. The loop blocks in SDL_WaitEventTimeout until an event or the
 * UI's next deadline (idle reset, the next minute), and presents a frame only when the
 * picture changed: an idle kiosk does not redraw and uses no CPU.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_KIOSK_H
#define VM_KIOSK_KIOSK_H

#include <stdbool.h>

#include "services/clock.h"
#include "config/config.h"

typedef struct kiosk_options {
    const config *cfg;
    const char *db_path;
    bool db_is_default; /* the default location: its folder may be created */
    bool demo;          /* fill an empty database with the demo program */
    bool fullscreen;
    int width, height;  /* windowed size */
    const char *dump_path;  /* VAERMED_UI_DUMP */
    const char *input_path; /* VAERMED_UI_INPUT */
    bool software;      /* SDL's software renderer (VAERMED_SOFTWARE=1) */
} kiosk_options;

/* Returns the exit status: 0 after a normal quit, 1 when it could not go on (the reason was
 * shown on screen where possible and printed to stderr). */
int kiosk_run(const kiosk_options *o, vm_clock *clock);

#endif
