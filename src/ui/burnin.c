/* burnin: a kiosk shows the same picture for months; an LCD keeps a ghost of what never
 * moves, an OLED burns it in. The day screens move a few pixels every few minutes (in a
 * cycle of small steps, so the move is never seen), the idle screen moves its content over
 * a larger room, and the night is black. All positions are functions of the time alone, so
 * they are testable and the same on every build of a frame within a period. */
#include "ui/ui_internal.h"

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    return a - floor_div(a, b) * b;
}

void ui_shift_offset(int64_t now_ms, int range, int *dx, int *dy)
{
    /* A snake over a 3 x 3 grid of {0, range/2, range} and back along it: each step moves one
     * grid place, so text never jumps by more than a pixel or three. */
    static const signed char SNAKE[9][2] = {{0, 0}, {1, 0}, {2, 0}, {2, 1}, {1, 1},
                                            {0, 1}, {0, 2}, {1, 2}, {2, 2}};
    int slot = (int)floor_mod(floor_div(now_ms, UI_SHIFT_PERIOD_MS), 16);
    int i = slot < 9 ? slot : 16 - slot; /* 0..8, then 7..1 */
    if (range < 0)
        range = 0;
    *dx = SNAKE[i][0] * range / 2;
    *dy = SNAKE[i][1] * range / 2;
}

void ui_idle_offset(int64_t now_ms, int slack_x, int slack_y, int *dx, int *dy)
{
    /* Corners, edges and the middle, in an order that crosses the room each time, so no
     * part of the screen stays lit or dark for long. */
    static const signed char PLACES[9][2] = {{0, 0}, {2, 2}, {2, 0}, {0, 2}, {1, 1},
                                             {2, 1}, {0, 1}, {1, 0}, {1, 2}};
    int slot = (int)floor_mod(floor_div(now_ms, UI_IDLE_MOVE_MS), 9);
    if (slack_x < 0)
        slack_x = 0;
    if (slack_y < 0)
        slack_y = 0;
    *dx = PLACES[slot][0] * slack_x / 2;
    *dy = PLACES[slot][1] * slack_y / 2;
}

/* Moves r by (dx, dy); an edge that was on (or past) the laid-out area's edge goes to the
 * frame's edge instead. */
static ui_rect shifted(ui_rect r, int w, int h, int fw, int fh, int dx, int dy, bool stretch)
{
    int x0 = r.x, y0 = r.y, x1 = r.x + r.w, y1 = r.y + r.h;
    int nx0 = x0 + dx, ny0 = y0 + dy, nx1 = x1 + dx, ny1 = y1 + dy;
    if (stretch) {
        if (x0 <= 0 && x1 > 0)
            nx0 = x0 < 0 ? x0 : 0;
        if (y0 <= 0 && y1 > 0)
            ny0 = y0 < 0 ? y0 : 0;
        if (x1 >= w && x0 < w)
            nx1 = x1 > w ? x1 + (fw - w) : fw;
        if (y1 >= h && y0 < h)
            ny1 = y1 > h ? y1 + (fh - h) : fh;
    }
    return (ui_rect){nx0, ny0, nx1 - nx0, ny1 - ny0};
}

void ui_frame_shift(ui_frame *f, int w, int h, int dx, int dy)
{
    for (size_t i = 0; i < f->n_cmds; i++) {
        draw_cmd *c = &f->cmds[i];
        if (c->kind == DRAW_CLIP && (c->rect.w <= 0 || c->rect.h <= 0))
            continue; /* "clip off" stays off */
        bool stretch = c->kind == DRAW_RECT || c->kind == DRAW_CLIP;
        c->rect = shifted(c->rect, w, h, f->width, f->height, dx, dy, stretch);
    }
    for (size_t i = 0; i < f->n_widgets; i++) {
        ui_widget *wd = &f->widgets[i];
        wd->rect = shifted(wd->rect, w, h, f->width, f->height, dx, dy, true);
    }
}
