/* The kiosk's test hooks: the automation script's commands (VAERMED_UI_INPUT, automation.h)
 * done as a resident would, and the loop's statistics for the benchmark (VAERMED_STATS). */
#include "kiosk/kiosk_hooks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk/kiosk_screen.h"
#include "platform/logmsg.h"

static void tap_at(kiosk *k, int x, int y, int64_t now_ms)
{
    ui_input in = {.kind = UI_IN_DOWN, .x = x, .y = y};
    ui_handle(k->ui, &k->model.ui, &in, now_ms);
    in.kind = UI_IN_UP;
    ui_handle(k->ui, &k->model.ui, &in, now_ms);
}

/* Taps the widget with this id as last presented. A widget further down the list is brought
 * into view the way a resident would: by the scroll-down button, a page at a time; an
 * activity that is not in the week on home, by the whole program at the end of it. */
static bool tap_widget(kiosk *k, const char *id, int64_t now_ms)
{
    bool via_program = false;
    for (int page = 0; page < 100; page++) {
        const ui_widget *w = k->have_shown ? ui_frame_find(&k->shown, id) : NULL;
        if (w) {
            tap_at(k, w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2, now_ms);
            return true;
        }
        const ui_widget *down = k->have_shown ? ui_frame_find(&k->shown, "scroll-down") : NULL;
        const ui_widget *program = k->have_shown ? ui_frame_find(&k->shown, "program") : NULL;
        if ((!down || (down->flags & UI_WIDGET_DISABLED)) && program && !via_program &&
            strncmp(id, "card:", 5) == 0 && strcmp(k->shown.screen, "home") == 0) {
            via_program = true;
            tap_at(k, program->rect.x + program->rect.w / 2, program->rect.y + program->rect.h / 2,
                   now_ms);
            now_ms += 500; /* the new screen's press guard */
            ui_tick(k->ui, &k->model.ui, now_ms);
            kiosk_present_if_changed(k);
            continue;
        }
        if (!down || (down->flags & UI_WIDGET_DISABLED))
            break;
        tap_at(k, down->rect.x + down->rect.w / 2, down->rect.y + down->rect.h / 2, now_ms);
        ui_tick(k->ui, &k->model.ui, now_ms);
        kiosk_present_if_changed(k);
    }
    logmsg(LOG_WARNING, "automation: no widget '%s' on the screen '%s'", id,
            k->have_shown ? k->shown.screen : "");
    return false;
}

/* Presses a widget, lets time pass on the kiosk's clock (the screen updating as it would),
 * and releases: the hidden gesture on the clock. */
static bool hold_widget(kiosk *k, const char *id, long seconds)
{
    const ui_widget *w = k->have_shown ? ui_frame_find(&k->shown, id) : NULL;
    if (!w) {
        logmsg(LOG_WARNING, "automation: no widget '%s' to hold", id);
        return false;
    }
    ui_input in = {.kind = UI_IN_DOWN, .x = w->rect.x + w->rect.w / 2,
                   .y = w->rect.y + w->rect.h / 2};
    ui_handle(k->ui, &k->model.ui, &in, clock_now_ms(k->clock));
    kiosk_present_if_changed(k);
    for (long s = 0; s < seconds; s++) {
        clock_advance(k->clock, 1000);
        ui_tick(k->ui, &k->model.ui, clock_now_ms(k->clock));
        kiosk_present_if_changed(k);
    }
    in.kind = UI_IN_UP;
    ui_handle(k->ui, &k->model.ui, &in, clock_now_ms(k->clock));
    return true;
}

bool kiosk_hooks_automation(kiosk *k, auto_cmd *c)
{
    int64_t now_ms = clock_now_ms(k->clock);
    ui_input in = {.x = c->x, .y = c->y};
    switch (c->kind) {
    case AUTO_DOWN: in.kind = UI_IN_DOWN; break;
    case AUTO_MOVE: in.kind = UI_IN_MOVE; break;
    case AUTO_UP: in.kind = UI_IN_UP; break;
    case AUTO_TAP:
        tap_at(k, c->x, c->y, now_ms);
        return true;
    case AUTO_TAP_ID:
        return tap_widget(k, c->arg, now_ms);
    case AUTO_HOLD_ID:
        return hold_widget(k, c->arg, c->seconds);
    case AUTO_TEXT:
        in.kind = UI_IN_TEXT;
        snprintf(in.text, sizeof in.text, "%.31s", c->arg);
        break;
    case AUTO_ADVANCE:
        clock_advance(k->clock, (int64_t)c->seconds * 1000);
        return ui_tick(k->ui, &k->model.ui, clock_now_ms(k->clock));
    case AUTO_QUIT:
        k->quit = true;
        return false;
    }
    return ui_handle(k->ui, &k->model.ui, &in, now_ms);
}

/* VAERMED_STATS=FILE: a JSON line of what the loop did, for the benchmark. */
void kiosk_hooks_write_stats(const kiosk *k)
{
    const char *path = getenv("VAERMED_STATS");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    unsigned long made = 0, hits = 0;
    render_stats(k->render, &made, &hits);
    fprintf(f, "{\"frames\":%lu,\"wakeups\":%lu,\"rasterised\":%lu,\"cache_hits\":%lu}\n",
            k->seq, k->wakeups, made, hits);
    fclose(f);
}
