#include "kiosk/fatal.h"

#include <SDL.h>
#include <stdlib.h>

#include "services/clock.h"
#include "platform/service.h"
#include "ui/ui.h"

void fatal_screen(render *r, const i18n_catalog *cat, vm_status status, const char *detail)
{
    (void)status;
    int w, h;
    render_output_size(r, &w, &h);
    ui_options uo = {.width = w, .height = h};
    ui *u = ui_new(&uo);
    if (!u)
        return;
    int sizes[UI_FONT_COUNT];
    ui_font_sizes(u, sizes);
    if (render_set_font_sizes(r, sizes, NULL) == VM_OK) {
        ui_measure m = render_measure(r);
        ui_frame f;
        ui_frame_init(&f);
        ui_build_error(u, cat, &m, detail, &f);
        render_present(r, &f);
        ui_frame_free(&f);
    }
    ui_free(u);

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

void fatal_fonts_screen(render *r)
{
    static const char *const lines[] = {
        "Vær med kan ikke vise tekst:",
        "skrifttyperne mangler.",
        "Personalet: installer",
        "pakken fonts-noto-core.",
        "",
        "The fonts are missing.",
        "Staff: install the package",
        "fonts-noto-core.",
    };
    render_present_plain(r, lines, sizeof lines / sizeof lines[0]);
    service_ready();
    int64_t watchdog = service_watchdog_interval_ms();
    const char *env = getenv("VAERMED_ERROR_SECONDS");
    long seconds = env ? strtol(env, NULL, 10) : -1; /* -1: until stopped */
    int64_t until = clock_monotonic_ms() + (int64_t)seconds * 1000;
    SDL_Event ev;
    for (;;) {
        int64_t now = clock_monotonic_ms();
        if (seconds >= 0 && now >= until)
            break;
        int64_t wait = seconds >= 0 ? until - now : 3600 * 1000;
        if (watchdog && wait > watchdog)
            wait = watchdog;
        if (SDL_WaitEventTimeout(&ev, (int)wait)) {
            if (ev.type == SDL_QUIT)
                break;
            if (ev.type == SDL_WINDOWEVENT) /* exposed, resized: draw it again */
                render_present_plain(r, lines, sizeof lines / sizeof lines[0]);
        }
        service_ping();
    }
}
