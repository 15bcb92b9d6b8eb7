/* rows: a scrolled list of whole rows; see rows.h. */
#include "ui/rows.h"

#include "ui/draw.h"
#include "ui/widgets.h"

void rows_add(ui_rows *r, int start, int end)
{
    if (r->n < ROWS_MAX) {
        r->start[r->n] = start;
        r->end[r->n] = end;
        r->n++;
    } else if (r->n) {
        r->end[r->n - 1] = end;
    }
}

int rows_scroll_max(const ui_rows *r, int view_h)
{
    if (!r->n)
        return 0;
    int last = r->end[r->n - 1];
    for (int k = 0; k < r->n; k++)
        if (last - r->start[k] <= view_h)
            return r->start[k];
    return last - view_h; /* the last row taller than the view */
}

/* A scroll settled on the row it is in (its top whole), where that row fits the view (a
 * taller one scrolls through). */
static int rows_settle(const ui_rows *r, int s, int view_h)
{
    int k = -1;
    while (k + 1 < r->n && r->start[k + 1] <= s)
        k++;
    if (k < 0 || r->end[k] - r->start[k] > view_h)
        return s;
    return r->start[k];
}

/* The bottom of the last row whole in the view from `s`, or -1 when none is (a row taller
 * than the view: shown as far as it goes). */
static int rows_whole_end(const ui_rows *r, int s, int view_h)
{
    int end = -1;
    for (int k = 0; k < r->n; k++)
        if (r->start[k] >= s && r->end[k] <= s + view_h)
            end = r->end[k];
    if (end < 0)
        return -1;
    if (r->n && end == r->end[r->n - 1])
        return s + view_h; /* the end of the list: nothing cut below it */
    return end;
}

/* The start of the first row below `end`, or -1. */
static int rows_next(const ui_rows *r, int end)
{
    for (int k = 0; k < r->n; k++)
        if (r->start[k] >= end)
            return r->start[k];
    return -1;
}

/* The page after the one starting at `p`: the first row it does not show whole. */
static int page_after(const ui_rows *r, int p, int view_h, int max)
{
    int end = rows_whole_end(r, p, view_h);
    int next = end >= 0 ? rows_next(r, end) : -1;
    if (next <= p)
        next = p + (view_h * 3 / 4 > 0 ? view_h * 3 / 4 : 1);
    return next < max ? next : max;
}

void rows_steps(const ui_rows *r, int s, int view_h, int *up, int *down)
{
    int max = rows_scroll_max(r, view_h);
    /* the pages from the top: the last start above s and the first at or below it */
    int before = 0, p = 0;
    while (p < s && p < max) {
        before = p;
        p = page_after(r, p, view_h, max);
    }
    *up = s > 0 ? s - before : 0;
    if (s >= max)
        *down = 0;
    else if (p > s)
        *down = p - s; /* a finger left the list between two pages' starts */
    else
        *down = page_after(r, s, view_h, max) - s;
}

int rows_scroll_begin(ui_ctx *c, int screen, const ui_rows *r, ui_rect view, int content_h,
                      ui_color bg, ui_rect *vis, bool *whole_only, int *scroll_max)
{
    int max = rows_scroll_max(r, view.h);
    int s = c->u->scroll[screen];
    if (s > max)
        s = max;
    if (s < 0)
        s = 0;
    *vis = view;
    *whole_only = false;
    int up = 0, down = 0;
    if (!c->u->dragging) {
        s = rows_settle(r, s, view.h);
        c->u->scroll[screen] = s;
        int end = rows_whole_end(r, s, view.h);
        if (end >= 0) {
            *whole_only = true;
            vis->h = end - s;
        }
        rows_steps(r, s, view.h, &up, &down);
    }
    w_scroll_begin(c, screen, view, content_h, bg, &(int){0});
    c->scroll_max = max;
    if (down > 0)
        c->scroll_page = down;
    if (up > 0)
        c->scroll_back = up;
    if (vis->h != view.h) {
        c->view = *vis;
        draw_clip(c->f, *vis);
    }
    *scroll_max = max;
    return s;
}
