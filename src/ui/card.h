/* card: one activity as a card (home screen, and the suggestion after joining).
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_CARD_H
#define VM_UI_CARD_H

#include "ui/widgets.h"

/* Lays out the card of `e` at (x, y), `w` wide. With draw false, returns the height it needs
 * (at least min_h); with draw true, draws it `min_h` high (the height of its row) and
 * registers the widget `card:<uid>`. */
int card_build(ui_ctx *c, const ui_entry *e, int x, int y, int w, int min_h, bool draw);

/* The activity as a tile of the week (home), with its day: pictogram, "Torsdag 19:00", the
 * title; `card:<uid>`. As card_build: the height it needs, or drawn `h` high. */
int card_tile(ui_ctx *c, const ui_entry *e, int x, int y, int w, int h, bool draw);

/* The badge chips of an activity ("Gratis", "Bare kom", ...); returns how many. */
int card_badges(const ui_ctx *c, const ui_activity *a, bool skip_just_come, w_item *out, int max);

/* "Vært: Hanne", or "" without a host. */
void card_host_line(const ui_ctx *c, const ui_activity *a, char *out, size_t size);

#endif
