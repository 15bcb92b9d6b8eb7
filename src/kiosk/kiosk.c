/* The kiosk's loop: opening the screen and the database, the events, and closing. The top of
 * the kiosk's files: it uses the others (kiosk_hooks, kiosk_actions, kiosk_sticks,
 * kiosk_model, kiosk_clock, kiosk_screen); none of them uses it. */
#include "kiosk/kiosk_actions.h"
#include "kiosk/kiosk_admin.h"
#include "kiosk/kiosk_clock.h"
#include "kiosk/kiosk_hooks.h"
#include "kiosk/kiosk_model.h"
#include "kiosk/kiosk_screen.h"
#include "kiosk/kiosk_sticks.h"
#include "platform/secret.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "platform/cursor.h"
#include "demo/demo.h"
#include "kiosk/fatal.h"
#include "platform/logmsg.h"
#include "kiosk/night.h"
#include "platform/paths.h"
#include "platform/service.h"
#include "ui/theme.h"
#include "core/dktime.h"
#include "sync/sync.h"


static void warn_stderr(const char *msg)
{
    logmsg(LOG_WARNING, "%s", msg);
}

/* The panel's density from its diagonal; without screen_inches, the ui assumes the usual
 * panel of the window's resolution (and follows the window when it changes). */
static double px_per_mm(const kiosk *k)
{
    double inches = k->opt->cfg->screen_diagonal_inch;
    return inches > 0 ? ui_px_per_mm(k->out_w, k->out_h, inches) : 0;
}

static vm_status apply_size(kiosk *k, vm_err *err)
{
    render_window_size(k->render, &k->win_w, &k->win_h);
    render_output_size(k->render, &k->out_w, &k->out_h);
    if (k->ui)
        ui_resize(k->ui, k->out_w, k->out_h);
    int sizes[UI_FONT_COUNT];
    ui_font_sizes(k->ui, sizes);
    return render_set_font_sizes(k->render, sizes, err);
}

/* Returns true when the picture may have changed. Automation commands are collected in
 * `pending` and acknowledged after the next present. */
static bool handle_event(kiosk *k, const SDL_Event *ev, auto_cmd **pending, size_t *n_pending)
{
    if (k->automation && ev->type == automation_event_type(k->automation)) {
        auto_cmd *c = ev->user.data1;
        bool changed = kiosk_hooks_automation(k, c);
        pending[(*n_pending)++] = c;
        return changed;
    }
    if (k->sticks && ev->type == sticks_event_type(k->sticks))
        return kiosk_handle_sticks(k, ev->user.data1);
    if (k->syncfolder && ev->type == syncfolder_event_type(k->syncfolder)) {
        kiosk_sync_folder(k, NULL, 0);
        syncfolder_handled(k->syncfolder);
        return true;
    }
    if (k->dbwatch && ev->type == dbwatch_event_type(k->dbwatch)) {
        dbwatch_handled(k->dbwatch);
        return kiosk_reload_if_changed(k);
    }
    if (ev->type == SDL_QUIT) {
        k->quit = true;
        return false;
    }
    if (ev->type == SDL_WINDOWEVENT) {
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            vm_err err = {0};
            if (apply_size(k, &err) != VM_OK)
                logmsg(LOG_ERR, "%s", err.msg);
            k->force_present = true;
            return true;
        }
        if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            k->force_present = true;
            return true;
        }
    }
    kiosk_set_cursor(k, cursor_shown_after_event(k->cursor_shown, k->cursor_console, ev));
    ui_input in;
    int pw, ph;
    render_physical_size(k->render, &pw, &ph);
    if (!input_translate(&k->input, ev, k->win_w, k->win_h, pw, ph, &in))
        return false;
    render_map_point(k->render, in.x, in.y, &in.x, &in.y);
    k->input_ticks = ev->common.timestamp;
    return ui_handle(k->ui, &k->model.ui, &in, clock_now_ms(k->clock));
}

/* The database cannot be written (a read-only card, folder or file) or is damaged: the kiosk
 * reads what it can of it, or else shows an empty program, and runs read-only, saying sign-up
 * is paused, rather than stopping and being restarted for ever. Nothing is written to the
 * file. VM_OK when it can go on so; else `why` stands. */
static vm_status open_read_only(kiosk *k, const vm_err *why, vm_err *err)
{
    const kiosk_options *o = k->opt;
    struct stat sb;
    if ((why->status != VM_ERR_IO && why->status != VM_ERR_CORRUPT) ||
        stat(o->db_path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return err_set(err, why->status, "%s", why->msg); /* nothing there to show */
    vm_err ro = {0};
    vm_status st = store_open(o->db_path, STORE_READONLY | STORE_SALVAGE, &k->store, &ro);
    if (st == VM_OK && kiosk_reload_model(k, clock_now(k->clock), &ro) != VM_OK) {
        store_close(k->store); /* opened, but the program cannot be read from it */
        k->store = NULL;
        st = ro.status;
    }
    if (st != VM_OK) {
        if (why->status != VM_ERR_CORRUPT && ro.status != VM_ERR_CORRUPT)
            return err_set(err, why->status, "%s", why->msg);
        logmsg(LOG_ERR, "nothing can be read from %s (%s): the program is shown empty",
               o->db_path, ro.msg);
        if ((st = store_open_empty(&k->store, err)) != VM_OK)
            return st;
    }
    k->read_only = true;
    k->model.ui.signups_paused = true;
    snprintf(k->read_only_reason, sizeof k->read_only_reason, "%s", why->msg);
    logmsg(LOG_ERR, "%s", why->msg);
    logmsg(LOG_ERR, "sign-up is paused: the kiosk shows the program read-only until its "
                    "database %s can be written again",
           o->db_path);
    if (clock_floor_plausible(sync_clock_floor(k->store)))
        clock_set_floor(k->clock, sync_clock_floor(k->store));
    return VM_OK;
}

/* A clock floor past what any stick may set now (clock_floor_plausible) was kept before
 * sticks were bounded (a typo in time.txt): it is not used, and forgotten, so that nothing
 * (the staff screen's sticks, a stick made there) counts from it. */
static void forget_implausible_floor(kiosk *k)
{
    int64_t floor = sync_clock_floor(k->store);
    if (!floor || clock_floor_plausible(floor))
        return;
    char when[21];
    dktime_format_iso_utc(floor, when);
    vm_err err = {0};
    if (sync_clock_reset(k->store, NULL, &err) != VM_OK)
        logmsg(LOG_ERR, "could not forget the clock floor %s: %s", when, err.msg);
    else
        logmsg(LOG_WARNING, "forgot the clock floor %s a staff stick set long ago: it is more "
                            "than %d years after this Vær med was made, too far ahead to be right",
               when, SYNC_CLOCK_MAX_YEARS);
}

/* What waits until the first frame is on the screen: the integrity check of the database
 * (it reads every page, which takes a while on a large file) and then the first writes. */
static vm_status finish_opening(kiosk *k, vm_err *err)
{
    if (k->read_only)
        return VM_OK; /* nothing to check or write: the store only reads */
    char id[KIOSK_ID_MAX];
    vm_status st = store_check(k->store, err);
    /* Cancel codes are keyed with the kiosk's secret (old ones are keyed now). */
    if (st == VM_OK)
        st = secret_load_and_upgrade(k->store, k->opt->db_path, &k->code_key, err);
    if (st == VM_OK)
        st = signing_kiosk_id(k->store, id, err);
    if (st == VM_OK)
        forget_implausible_floor(k);
    if (st == VM_OK) {
        kiosk_trust_begin(k);
        kiosk_load_pin_limiter(k);
        kiosk_purge_old_personal_data(k, clock_now(k->clock));
    }
    return st;
}

static int loop(kiosk *k)
{
    auto_cmd *pending[64];
    size_t n_pending = 0;
    kiosk_refresh_model(k, clock_now(k->clock));
    kiosk_present_if_changed(k);
    vm_err open_err = {0};
    if (finish_opening(k, &open_err) != VM_OK) {
        /* The integrity check found damage: what can still be read is shown, read-only. */
        vm_err ro_err = {0};
        if (open_err.status == VM_ERR_CORRUPT) {
            store_close(k->store);
            k->store = NULL;
        }
        if (open_err.status != VM_ERR_CORRUPT || open_read_only(k, &open_err, &ro_err) != VM_OK) {
            logmsg(LOG_ERR, "%s", open_err.msg);
            fatal_screen(k->render, kiosk_staff_catalog(k), open_err.status, open_err.msg);
            return 1;
        }
        kiosk_refresh_model(k, clock_now(k->clock));
        kiosk_present_if_changed(k);
    }
    const config *cfg = k->opt->cfg;
    if (cfg->sync_folder[0] && !k->read_only) {
        char id[KIOSK_ID_MAX] = "", own[KIOSK_ID_MAX];
        if (store_fact_get(k->store, "kiosk_id", id, sizeof id, NULL) != VM_OK)
            id[0] = '\0';
        sync_kiosk_folder(id, own, sizeof own);
        k->syncfolder = syncfolder_start(cfg->sync_folder, id[0] ? own : NULL,
                                         cfg->sync_folder_minutes, k->waiter);
    }
    if (cfg->sync_folder[0] || cfg->syncthing_home[0])
        syncfolder_device_id(cfg->syncthing_home, k->sync_device, sizeof k->sync_device);
    service_ready();
    k->watchdog_ms = service_watchdog_interval_ms();
    k->last_ping_ms = clock_monotonic_ms();
    while (!k->quit) {
        int64_t now_ms = clock_now_ms(k->clock);
        int64_t deadline = ui_next_deadline(k->ui, now_ms);
        int64_t night_change = night_next_change(k->opt->cfg, now_ms / 1000);
        if (night_change > 0 && night_change * 1000 < deadline)
            deadline = night_change * 1000;
        int64_t wait = deadline > now_ms ? deadline - now_ms : 0;
        if (wait > 3600 * 1000)
            wait = 3600 * 1000;
        if (k->watchdog_ms) {
            /* The only wake-up an idle kiosk has beyond the minute tick: the watchdog's. */
            kiosk_ping_watchdog_if_due(k);
            int64_t since = clock_monotonic_ms() - k->last_ping_ms;
            if (wait > k->watchdog_ms - since)
                wait = k->watchdog_ms - since;
        }
        SDL_Event ev;
        bool changed = false;
        k->wakeups++;
        if (waiter_wait(k->waiter, &ev, (int)wait)) {
            do {
                changed |= handle_event(k, &ev, pending, &n_pending);
            } while (n_pending < 64 && SDL_PollEvent(&ev));
        }
        now_ms = clock_now_ms(k->clock);
        /* The window of activities moves with the day; an hourly reload keeps it current. */
        if (now_ms / 1000 - k->model_loaded_at >= 3600 ||
            dktime_days_between(k->model_loaded_at, now_ms / 1000) != 0) {
            vm_err err = {0};
            kiosk_purge_old_personal_data(k, now_ms / 1000);
            if (kiosk_reload_model(k, now_ms / 1000, &err) != VM_OK)
                logmsg(LOG_ERR, "%s", err.msg);
            changed = true;
        }
        kiosk_refresh_model(k, now_ms / 1000);
        changed |= ui_tick(k->ui, &k->model.ui, now_ms);
        changed |= kiosk_run_actions(k);
        if (changed || k->force_present)
            kiosk_present_if_changed(k);
        for (size_t i = 0; i < n_pending; i++)
            automation_done(k->automation, pending[i]);
        n_pending = 0;
    }
    return 0;
}

/* Opens (or creates) the database; the reason for a refusal goes to `err`. Its integrity
 * check and the first writes wait for the first frame (finish_opening), except for the demo
 * program, which is written before it is shown. */
static vm_status open_store(kiosk *k, vm_err *err)
{
    const kiosk_options *o = k->opt;
    vm_err why = {0};
    vm_status st = o->db_is_default ? paths_make_parent(o->db_path, &why)
                                    : paths_check_parent_writable(o->db_path, &why);
    if (st == VM_OK)
        st = store_open(o->db_path, STORE_CREATE | STORE_CHECK_LATER, &k->store, &why);
    if (st != VM_OK)
        return open_read_only(k, &why, err);
    /* The kiosk reads a window of the program (MODEL_MAX_ENTRIES): a small page cache does. */
    st = store_limit_cache(k->store, MODEL_PAGE_CACHE_KIB, err);
    if (st == VM_OK && o->demo) {
        st = store_check(k->store, err);
        /* Cancel codes are keyed with the kiosk's secret (old ones are keyed now). */
        if (st == VM_OK)
            st = secret_load_and_upgrade(k->store, o->db_path, &k->code_key, err);
        if (st == VM_OK)
            st = demo_fill(k->store, clock_now(k->clock), &k->code_key, err);
    }
    if (st == VM_OK) {
        int64_t floor = sync_clock_floor(k->store);
        if (clock_floor_plausible(floor)) /* else forgotten in finish_opening */
            clock_set_floor(k->clock, floor);
    }
    return st;
}

/* With no screen (no X or Wayland desktop, no graphics device) SDL falls back to a driver
 * that draws nowhere, and the kiosk would run unseen. Such a driver is used only when it was
 * asked for by name in SDL_VIDEODRIVER (the tests, the benchmarks). */
static bool draws_nowhere_unasked(const char *driver, const char *asked)
{
    bool nowhere = driver && (strcasecmp(driver, "offscreen") == 0 ||
                              strcasecmp(driver, "dummy") == 0 || strcasecmp(driver, "evdev") == 0);
    return nowhere && !(asked && *asked);
}

int kiosk_run(const kiosk_options *o, vm_clock *clock)
{
    kiosk k = {0};
    int status = 1;
    vm_err err = {0};
    k.opt = o;
    k.clock = clock;
    k.started_ms = clock_monotonic_ms();
    ui_frame_init(&k.shown);
    ui_frame_init(&k.next);

    input_set_hints();
    waiter_begin();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        logmsg(LOG_ERR, "no screen to show the kiosk on: %s", SDL_GetError());
        return 1;
    }
    if (draws_nowhere_unasked(SDL_GetCurrentVideoDriver(), getenv("SDL_VIDEODRIVER"))) {
        logmsg(LOG_ERR, "no screen to show the kiosk on: there is no desktop (neither DISPLAY "
                        "nor WAYLAND_DISPLAY is set) and no graphics device (/dev/dri) to draw "
                        "on. Start Vær med on the kiosk's own screen or from a desktop.");
        SDL_Quit();
        return 1;
    }
    k.waiter = waiter_new();
    if (!k.waiter) {
        logmsg(LOG_CRIT, "out of memory");
        goto out;
    }
    render_options ro = {.title = "Vær med", .width = o->width, .height = o->height,
                         .fullscreen = o->fullscreen, .software = o->software,
                         .rotation = o->cfg->rotation, .fonts_optional = true,
                         .font_dir = getenv("VAERMED_FONT_DIR")};
    if (render_open(&ro, &k.render, &err) != VM_OK) {
        logmsg(LOG_ERR, "%s", err.msg);
        goto out;
    }
    if (render_software_reason(k.render) == RENDER_SW_NO_GPU)
        logmsg(LOG_INFO, "no GPU (/dev/dri): drawing with SDL's software renderer "
                         "(SDL_RENDER_DRIVER=opengles2 draws with OpenGL ES anyway)");
    const char *no_fonts = NULL;
    if (render_fonts_missing(k.render, &no_fonts)) {
        logmsg(LOG_ERR, "%s", no_fonts);
        fatal_fonts_screen(k.render);
        goto out;
    }
    render_window_size(k.render, &k.win_w, &k.win_h);
    render_output_size(k.render, &k.out_w, &k.out_h);
    k.cursor_console = cursor_on_console(SDL_GetCurrentVideoDriver());
    k.cursor_shown = cursor_shown_at_start(k.cursor_console);
    /* A kiosk that stopped at night may have left an HDMI screen in standby: the first
     * picture that is not the night's switches it on. */
    k.screen_off = true;
    SDL_ShowCursor(k.cursor_shown ? SDL_ENABLE : SDL_DISABLE);
    langs_load(&k.langs, o->cfg, warn_stderr);
    k.model.ui.langs = (const i18n_catalog *const *)k.langs.cat;
    k.model.ui.n_langs = k.langs.n;
    k.model.ui.estate_name = o->cfg->estate_name;

    if (open_store(&k, &err) != VM_OK ||
        (!k.read_only && kiosk_reload_model(&k, clock_now(clock), &err) != VM_OK)) {
        logmsg(LOG_ERR, "%s", err.msg);
        fatal_screen(k.render, langs_staff(&k.langs), err.status, err.msg);
        goto out;
    }

    ui_options uo = {.width = k.out_w, .height = k.out_h, .px_per_mm = px_per_mm(&k),
                     .idle_ms = (int64_t)o->cfg->idle_seconds * 1000, .default_lang = 0};
    k.ui = ui_new(&uo);
    if (!k.ui) {
        logmsg(LOG_CRIT, "out of memory");
        goto out;
    }
    if (apply_size(&k, &err) != VM_OK) {
        logmsg(LOG_ERR, "%s", err.msg);
        goto out;
    }
    if (o->dump_path && *o->dump_path) {
        k.dump = fopen(o->dump_path, "a");
        if (!k.dump)
            logmsg(LOG_WARNING, "cannot write the UI dump to %s", o->dump_path);
    }
    if (o->input_path && *o->input_path)
        k.automation = automation_start(o->input_path, k.waiter);
    k.sticks = sticks_start(o->cfg, getenv("VAERMED_MOUNTS"), k.waiter);
    if (!k.read_only)
        k.dbwatch = dbwatch_start(o->db_path, k.waiter);
    status = loop(&k);
    kiosk_hooks_write_stats(&k);
out:
    syncfolder_stop(k.syncfolder);
    dbwatch_stop(k.dbwatch);
    sticks_stop(k.sticks);
    kiosk_admin_forget_signups(&k);
    kiosk_admin_forget_interests(&k);
    automation_stop(k.automation);
    if (k.dump)
        fclose(k.dump);
    ui_free(k.ui);
    ui_frame_free(&k.shown);
    ui_frame_free(&k.next);
    kiosk_model_free(&k.model);
    langs_free(&k.langs);
    store_close(k.store);
    render_close(k.render);
    waiter_free(k.waiter);
    SDL_Quit();
    return status;
}
