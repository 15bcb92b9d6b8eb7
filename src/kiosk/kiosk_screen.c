/* The kiosk's screen: presenting a frame when the picture changed, the night's power, the
 * pointer, the languages, the watchdog. The bottom of the kiosk's files: it uses none of them. */
#include "kiosk/kiosk_screen.h"

#include "kiosk/dump.h"
#include "kiosk/night.h"
#include "platform/cursor.h"
#include "platform/display_power.h"
#include "platform/logmsg.h"
#include "platform/service.h"

const i18n_catalog *kiosk_current_catalog(const kiosk *k)
{
    size_t i = ui_lang(k->ui);
    return i < k->langs.n ? k->langs.cat[i] : NULL;
}

const i18n_catalog *kiosk_staff_catalog(const kiosk *k)
{
    return langs_staff(&k->langs);
}

void kiosk_ping_watchdog_if_due(kiosk *k)
{
    if (k->watchdog_ms && clock_monotonic_ms() - k->last_ping_ms >= k->watchdog_ms) {
        service_ping();
        k->last_ping_ms = clock_monotonic_ms();
    }
}

/* The night: the panel's backlight, and an HDMI screen's power (DPMS on SDL's own DRM
 * device, on the console). Says in the journal what it could switch. */
static void screen_power(kiosk *k, bool on)
{
    int lights = night_backlight(NULL, on);
    int fd = render_drm_fd(k->render);
    int screens = 0, refused = 0;
    if (fd >= 0) {
        display_power_ops ops;
        display_power_drm_ops(&ops, &fd);
        screens = display_power_set(&ops, on, &refused);
    }
    k->screen_off = !on;
    if (refused > 0 || screens < 0)
        logmsg(LOG_WARNING, "night: the screen would not switch %s (DPMS refused)",
               on ? "on" : "off");
    logmsg(LOG_INFO, "night: screen %s (%d backlight%s, %d screen%s through DPMS)",
           on ? "on" : "off", lights, lights == 1 ? "" : "s", screens > 0 ? screens : 0,
           screens == 1 ? "" : "s");
}

void kiosk_set_cursor(kiosk *k, bool shown)
{
    if (shown == k->cursor_shown)
        return;
    SDL_ShowCursor(shown ? SDL_ENABLE : SDL_DISABLE);
    k->cursor_shown = shown;
}

void kiosk_present_if_changed(kiosk *k)
{
    ui_measure m = render_measure(k->render);
    int64_t now_ms = clock_now_ms(k->clock);
    ui_build(k->ui, &k->model.ui, &m, now_ms, &k->next);
    if (k->have_shown && !k->force_present && ui_frame_same_picture(&k->shown, &k->next))
        return;
    /* The screen comes on before a picture residents should see, and goes off after the
     * night's black one. */
    night_power power = night_power_step(k->screen_off, k->next.screen);
    if (power == NIGHT_POWER_ON_BEFORE)
        screen_power(k, true);
    render_present(k->render, &k->next);
    ui_frame tmp = k->shown;
    k->shown = k->next;
    k->next = tmp;
    /* The frame before holds what was on screen (a typed name, the staff's list): wipe it
     * now rather than when it is reused. */
    ui_frame_reset(&k->next, "", 0, 0);
    k->have_shown = true;
    k->force_present = false;
    k->seq++;
    if (k->dump)
        dump_frame(k->dump, k->seq, SDL_GetTicks(), k->input_ticks, &k->shown);
    if (power == NIGHT_POWER_OFF_AFTER)
        screen_power(k, false);
    kiosk_set_cursor(k, cursor_shown_after_screen(k->cursor_shown, k->cursor_console,
                                                  k->shown.screen));
}
