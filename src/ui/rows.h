/* rows: a scrolled list that shows only whole rows (the week's tiles on home, the ideas'
 * tiles). The list settles with a row at its top, ends under the last row that fits whole
 * (the one that does not is left for the down arrow, not cut by it), and its arrows step
 * by pages: the pages are laid from the top of the list, each starting at the first row the
 * page before could not show whole, so the down arrow brings that row to the top and the up
 * arrow goes back exactly to where the down arrow came from (a row taller than the view is
 * scrolled through by three quarters of the view).
 *
 * Threads: the main loop only.
 */
#ifndef VM_UI_ROWS_H
#define VM_UI_ROWS_H

#include "ui/ui_internal.h"

#define ROWS_MAX 128

/* The rows of a list, top to bottom, in content pixels (0 = the list's top). */
typedef struct ui_rows {
    int n;
    int start[ROWS_MAX], end[ROWS_MAX];
} ui_rows;

/* Adds a row below the others (a list longer than ROWS_MAX: the last row takes the rest). */
void rows_add(ui_rows *r, int start, int end);

/* The furthest the list scrolls in a view `view_h` high: the first row from which the rest
 * fits it. */
int rows_scroll_max(const ui_rows *r, int view_h);

/* The arrows' steps from the scroll `s` (a settled one): *down to the next page's start,
 * *up back to the page before (0 at an end). */
void rows_steps(const ui_rows *r, int s, int view_h, int *up, int *down);

/* Opens the scrolled area `view` of `screen` (as w_scroll_begin) for a list of whole rows
 * `content_h` high: settles the scroll on a row unless a finger is moving it, tells the ui
 * the arrows' steps, and clips to *vis: the part of the view down to the last whole row.
 * *whole_only is true when things cut by *vis's edge are to be left out. Returns the scroll
 * offset; *scroll_max gets the furthest it goes. Close with w_scroll_end. */
int rows_scroll_begin(ui_ctx *c, int screen, const ui_rows *r, ui_rect view, int content_h,
                      ui_color bg, ui_rect *vis, bool *whole_only, int *scroll_max);

#endif
