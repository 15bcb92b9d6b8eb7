/* automation: VAERMED_UI_INPUT=FILE drives the kiosk from a script, for end-to-end tests and
 * outside test scripts. One command a line, run in order; each waits until the kiosk has
 * handled it and presented the result:
 *   tap X Y | down X Y | move X Y | up X Y     pointer events in window pixels
 *   tap-id ID                                 a tap in the middle of widget ID as last presented
 *   hold-id ID SECONDS                        press widget ID, let SECONDS pass, release
 *   text STRING                               typed text (physical keyboard)
 *   advance SECONDS                           moves the kiosk's clock forward
 *   wait MS                                   pauses the script
 *   quit                                      ends the kiosk (exit 0)
 * Blank lines and lines starting with # are skipped. An unknown command is reported on
 * stderr and skipped.
 *
 * Threads: automation_start and automation_stop on the main loop; the reader thread it starts
 * only reads the script and pushes SDL events, waiting for each to be handled.
 */
#ifndef VM_KIOSK_AUTOMATION_H
#define VM_KIOSK_AUTOMATION_H

#include <SDL.h>
#include <stdbool.h>

typedef enum auto_kind {
    AUTO_DOWN,
    AUTO_MOVE,
    AUTO_UP,
    AUTO_TAP,
    AUTO_TAP_ID,
    AUTO_HOLD_ID,
    AUTO_TEXT,
    AUTO_ADVANCE,
    AUTO_QUIT
} auto_kind;

typedef struct auto_cmd {
    auto_kind kind;
    int x, y;
    long seconds;
    char arg[256]; /* widget id or text */
} auto_cmd;

typedef struct automation automation;

/* Starts the reader thread on `path`; NULL (with a message on stderr) if it cannot. The
 * thread pushes SDL user events of type automation_event_type(a) whose data1 is an auto_cmd*
 * the loop passes to automation_done when handled. */
struct waiter;
automation *automation_start(const char *path, struct waiter *wake);
Uint32 automation_event_type(const automation *a);
/* Frees `cmd` and lets the script go on. */
void automation_done(automation *a, auto_cmd *cmd);
/* Stops the thread (NULL-safe). */
void automation_stop(automation *a);

#endif
