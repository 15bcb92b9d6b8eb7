#include "app/fatal.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

/* Greedy word wrap into lines of at most `max_w` pixels; returns the next y. */
static int wrap(ui_frame *f, const ui_measure *m, ui_font font, ui_color c, int x, int y,
                int max_w, const char *text)
{
    char line[512] = "";
    const char *p = text;
    int lh = 0;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t wl = sp ? (size_t)(sp - p) : strlen(p);
        char trial[512];
        snprintf(trial, sizeof trial, "%s%s%.*s", line, *line ? " " : "", (int)wl, p);
        int w, h;
        m->size(m->ctx, font, trial, &w, &h);
        lh = h;
        if (w > max_w && *line) {
            draw_text(f, x, y, w, h, font, c, line);
            y += h;
            snprintf(line, sizeof line, "%.*s", (int)wl, p);
        } else {
            snprintf(line, sizeof line, "%s", trial);
        }
        p += wl;
        while (*p == ' ')
            p++;
    }
    if (*line) {
        draw_text(f, x, y, max_w, lh, font, c, line);
        y += lh;
    }
    return y;
}

void fatal_screen(render *r, const i18n_catalog *cat, vm_status status, const char *detail)
{
    (void)status;
    int w, h;
    render_output_size(r, &w, &h);
    int unit = (w < h ? w : h) / 20;
    int sizes[UI_FONT_COUNT] = {unit, unit, unit, unit * 3 / 2, unit * 2};
    if (render_set_font_sizes(r, sizes, NULL) != VM_OK)
        return;
    ui_measure m = render_measure(r);
    ui_frame f;
    ui_frame_init(&f);
    ui_frame_reset(&f, "error", w, h);
    const ui_color bg = {255, 248, 225, 255}, ink = {26, 26, 26, 255}, warn = {150, 60, 0, 255};
    draw_rect(&f, (ui_rect){0, 0, w, h}, bg, 0);
    draw_icon(&f, (ui_rect){unit, unit, unit * 3, unit * 3}, ICON_WARNING, warn);
    int x = unit * 5, max_w = w - x - unit;
    int y = wrap(&f, &m, UI_FONT_TITLE, ink, x, unit,  max_w,
                 i18n_text(cat, "The kiosk cannot start right now."));
    y = wrap(&f, &m, UI_FONT_BODY, ink, x, y + unit, max_w,
             i18n_text(cat, "Please tell the staff. Nothing has been lost."));
    wrap(&f, &m, UI_FONT_SMALL, ink, x, y + unit, max_w, detail);
    ui_frame_widget(&f, "error", UI_ROLE_TEXT, detail, (ui_rect){0, 0, w, h}, 0);
    render_present(r, &f);
    ui_frame_free(&f);

    const char *env = getenv("VAERMED_ERROR_SECONDS");
    long seconds = env ? strtol(env, NULL, 10) : 30;
    Uint32 until = SDL_GetTicks() + (Uint32)(seconds > 0 ? seconds * 1000 : 0);
    SDL_Event ev;
    while (seconds > 0 && !SDL_TICKS_PASSED(SDL_GetTicks(), until)) {
        if (!SDL_WaitEventTimeout(&ev, (int)(until - SDL_GetTicks())))
            continue;
        if (ev.type == SDL_QUIT || ev.type == SDL_MOUSEBUTTONUP || ev.type == SDL_FINGERUP)
            break;
    }
}
