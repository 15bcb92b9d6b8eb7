/* dump: VAERMED_UI_DUMP=FILE. For each presented frame, one JSON line:
 *   {"seq":N,"ticks":T,"input_ticks":I,"screen":"home","width":800,"height":480,
 *    "widgets":[{"id":"card:x","role":"card","label":"...","x":..,"y":..,"w":..,"h":..,
 *                "enabled":true,"pressed":false,"fg":"#1a1a1a","bg":"#ffffff"}]}
 * `ticks` is SDL_GetTicks() when the frame was presented and `input_ticks` the timestamp of
 * the last input event handled before it (0 if none), so the benchmark can measure
 * tap-to-present latency on the kiosk's own clock.
 * End-to-end tests, the accessibility checks and outside scripts read it. The line is
 * flushed at once so a reader sees each frame as it is presented.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_DUMP_H
#define VM_KIOSK_DUMP_H

#include <stdio.h>

#include "ui/draw.h"

/* Writes one line for the frame (flushes). */
void dump_frame(FILE *out, unsigned long seq, unsigned long ticks, unsigned long input_ticks,
                const ui_frame *f);

/* Writes `s` as a JSON string literal, quotes included. */
void dump_json_string(FILE *out, const char *s);

#endif
