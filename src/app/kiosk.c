#include "app/kiosk.h"

#include <math.h>
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/automation.h"
#include "app/demo.h"
#include "app/dump.h"
#include "app/fatal.h"
#include "app/input.h"
#include "app/langs.h"
#include "app/model.h"
#include "app/paths.h"
#include "app/service.h"
#include "app/signing.h"
#include "app/random.h"
#include "app/sticks.h"
#include "core/dktime.h"
#include "core/rules.h"
#include "render/render.h"
#include "store/store.h"
#include "ui/ui.h"

#ifndef VAERMED_BUILD_TIME
#define VAERMED_BUILD_TIME 0
#endif

/* The USB stick as the screens see it. */
typedef enum stick_state {
    STICK_NONE = 0,
    STICK_SYNCING,
    STICK_DONE,
    STICK_REFUSED,
    STICK_FAILED
} stick_state;

typedef struct kiosk_stick {
    stick_state state;
    double fraction;
    char text[2048];             /* the phase while syncing, then the summary */
    char path[SYNC_WATCH_PATH_MAX]; /* the stick shown */
} kiosk_stick;

/* Everything the loop works with, so the steps can be functions with one argument. */
typedef struct kiosk {
    const kiosk_options *opt;
    vm_clock *clock;
    render *render;
    store *store;
    ui *ui;
    langs langs;
    kiosk_model model;
    ui_frame shown, next;
    bool have_shown, force_present;
    FILE *dump;
    unsigned long seq;
    automation *automation;
    input_state input;
    code_limiter limiter;
    int64_t model_loaded_at;  /* UTC seconds */
    int win_w, win_h, out_w, out_h;
    unsigned long wakeups;    /* loop iterations: the benchmark's idle measure */
    unsigned long input_ticks;/* SDL timestamp of the last pointer event handled */
    sticks *sticks;           /* the USB stick watcher; NULL when it could not start */
    kiosk_stick stick;        /* what the sync screen shows */
    int64_t watchdog_ms;      /* 0 = no systemd watchdog */
    int64_t last_ping_ms;     /* monotonic */
    bool quit;
} kiosk;

static void warn_stderr(const char *msg)
{
    fprintf(stderr, "vaermed: %s\n", msg);
}

static double px_per_mm(const kiosk *k)
{
    double diag_px = sqrt((double)k->out_w * k->out_w + (double)k->out_h * k->out_h);
    double inches = k->opt->cfg->screen_diagonal_inch > 0 ? k->opt->cfg->screen_diagonal_inch : 7;
    return diag_px / (inches * 25.4);
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

static const i18n_catalog *current_catalog(const kiosk *k)
{
    size_t i = ui_lang(k->ui);
    return i < k->langs.n ? k->langs.cat[i] : NULL;
}

/* Personal data (names, codes) of activities that ended more than retention_days ago is
 * erased; the counts stay for the staff's statistics. Run at start and then hourly. */
static void purge_old_personal_data(kiosk *k, int64_t now)
{
    vm_err err = {0};
    int erased = 0;
    int64_t before = now - (int64_t)k->opt->cfg->retention_days * 86400;
    if (store_purge_personal(k->store, before, &erased, &err) != VM_OK)
        fprintf(stderr, "vaermed: could not erase old names: %s\n", err.msg);
    else if (erased > 0)
        fprintf(stderr, "vaermed: erased the names of %d old sign-ups (kept %d days)\n", erased,
                k->opt->cfg->retention_days);
}

static vm_status reload_model(kiosk *k, int64_t now, vm_err *err)
{
    vm_status st = kiosk_model_load(&k->model, k->store, now, k->opt->cfg->url_template, err);
    if (st == VM_OK)
        k->model_loaded_at = now;
    return st;
}

/* A join or cancel from the screen, done against the store, answered in the resident's
 * language. The store's own messages are for staff logs; what the resident reads is chosen
 * here from the outcome. */
static void perform(kiosk *k, const ui_action *a, int64_t now, ui_action_result *r)
{
    const i18n_catalog *cat = current_catalog(k);
    vm_err err = {0};
    memset(r, 0, sizeof *r);
    if (a->kind == UI_ACTION_JOIN) {
        signing_request req = {a->uid,      a->task_id,      a->name, a->adults,
                               a->children, a->wants_company, a->code};
        signup su;
        r->status = signing_join(k->store, &req, now, &su, &err);
        if (r->status == VM_OK) {
            r->signup_status = su.status;
            r->waiting_position = su.waiting_position;
            return;
        }
        activity act;
        activity_counts counts;
        if (store_activity_get(k->store, a->uid, &act, &counts, NULL) == VM_OK) {
            join_state js = a->task_id ? JOIN_OPEN : rules_join_state(&act, &counts, now);
            const char *why =
                js == JOIN_CANCELLED ? "Sorry, this activity has been cancelled."
                : js == JOIN_STARTED ? "Sorry, this activity has already started."
                : js == JOIN_DEADLINE_PASSED ? "Sorry, the sign-up has closed."
                : js == JOIN_NO_SIGNUP ? "No sign-up is needed: just come."
                : r->status == VM_ERR_INVALID ? "Please check the name and try again."
                : "Sorry, that did not work. Please ask the staff.";
            snprintf(r->message, sizeof r->message, "%s", i18n_text(cat, why));
        } else {
            snprintf(r->message, sizeof r->message, "%s",
                     i18n_text(cat, "Sorry, this activity is no longer in the program."));
        }
        fprintf(stderr, "vaermed: sign-up refused: %s\n", err.msg);
        return;
    }
    /* Cancel with a code. */
    int64_t wait = code_limiter_wait(&k->limiter, now);
    if (wait > 0) {
        r->status = VM_ERR_REFUSED;
        i18n_format(r->message, sizeof r->message,
                    i18n_text(cat, "Too many wrong codes. Please wait %ld minutes, or ask the staff."),
                    (long)((wait + 59) / 60));
        return;
    }
    signup cancelled;
    int promoted = 0;
    r->status = store_cancel_with_code(k->store, a->uid, a->name, a->code, now, &cancelled,
                                       &promoted, &err);
    if (r->status == VM_OK) {
        code_limiter_result(&k->limiter, true, now);
        return;
    }
    if (r->status == VM_ERR_NOT_FOUND) {
        code_limiter_result(&k->limiter, false, now);
        snprintf(r->message, sizeof r->message, "%s",
                 i18n_text(cat, "The name and the code do not match. Please try again."));
    } else if (r->status == VM_ERR_REFUSED) {
        snprintf(r->message, sizeof r->message, "%s",
                 i18n_text(cat, "This sign-up has no code. Please ask the staff to cancel it."));
    } else {
        snprintf(r->message, sizeof r->message, "%s",
                 i18n_text(cat, "Sorry, that did not work. Please ask the staff."));
        fprintf(stderr, "vaermed: cancel failed: %s\n", err.msg);
    }
}

static bool run_actions(kiosk *k)
{
    bool changed = false;
    ui_action a;
    while (ui_take_action(k->ui, &a)) {
        int64_t now_ms = clock_now_ms(k->clock);
        ui_action_result r;
        perform(k, &a, now_ms / 1000, &r);
        memset(&a, 0, sizeof a); /* the typed name and code go no further */
        vm_err err = {0};
        if (reload_model(k, now_ms / 1000, &err) != VM_OK)
            fprintf(stderr, "vaermed: %s\n", err.msg);
        ui_action_done(k->ui, &k->model.ui, &r, now_ms);
        changed = true;
    }
    return changed;
}

static void tap_at(kiosk *k, int x, int y, int64_t now_ms)
{
    ui_input in = {.kind = UI_IN_DOWN, .x = x, .y = y};
    ui_handle(k->ui, &k->model.ui, &in, now_ms);
    in.kind = UI_IN_UP;
    ui_handle(k->ui, &k->model.ui, &in, now_ms);
}

static void present_if_changed(kiosk *k);

/* Taps the widget with this id as last presented. A widget further down the list is brought
 * into view the way a resident would: by the scroll-down button, a page at a time. */
static bool tap_widget(kiosk *k, const char *id, int64_t now_ms)
{
    for (int page = 0; page < 50; page++) {
        const ui_widget *w = k->have_shown ? ui_frame_find(&k->shown, id) : NULL;
        if (w) {
            tap_at(k, w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2, now_ms);
            return true;
        }
        const ui_widget *down = k->have_shown ? ui_frame_find(&k->shown, "scroll-down") : NULL;
        if (!down || (down->flags & UI_WIDGET_DISABLED))
            break;
        tap_at(k, down->rect.x + down->rect.w / 2, down->rect.y + down->rect.h / 2, now_ms);
        ui_tick(k->ui, &k->model.ui, now_ms);
        present_if_changed(k);
    }
    fprintf(stderr, "vaermed: automation: no widget '%s' on the screen '%s'\n", id,
            k->have_shown ? k->shown.screen : "");
    return false;
}

static bool handle_automation(kiosk *k, auto_cmd *c)
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

static void ping_watchdog_if_due(kiosk *k)
{
    if (k->watchdog_ms && clock_monotonic_ms() - k->last_ping_ms >= k->watchdog_ms) {
        service_ping();
        k->last_ping_ms = clock_monotonic_ms();
    }
}

/* Progress of a sync: shown at once, since the sync runs in the loop's own thread. */
static void sync_progress(void *user, sync_phase phase, double fraction)
{
    kiosk *k = user;
    k->stick.fraction = fraction;
    snprintf(k->stick.text, sizeof k->stick.text, "%s",
             sync_phase_text(k->langs.n ? k->langs.cat[0] : NULL, phase));
    present_if_changed(k);
    ping_watchdog_if_due(k); /* a long export must not look like a hung kiosk */
}

/* Syncs one stick that was just put in. Messages are in the kiosk's first language: the
 * sync is for the staff. */
static void sync_stick(kiosk *k, const char *path)
{
    const i18n_catalog *cat = k->langs.n ? k->langs.cat[0] : NULL;
    int64_t now_ms = clock_now_ms(k->clock);
    uint8_t rnd[16];
    bool have_rnd = random_bytes(rnd, sizeof rnd);
    sync_options opt;
    sticks_sync_options(k->opt->cfg, cat, have_rnd ? rnd : NULL, &opt);
    opt.progress = sync_progress;
    opt.progress_user = k;

    ui_go_home(k->ui, now_ms);
    memset(&k->stick, 0, sizeof k->stick);
    k->stick.state = STICK_SYNCING;
    snprintf(k->stick.path, sizeof k->stick.path, "%s", path);
    sync_progress(k, SYNC_PHASE_CHECK, 0);

    sync_result res;
    vm_err err = {0};
    vm_status st = sync_run(k->store, path, now_ms / 1000, &opt, &res, &err);
    sync_summary_text(&res, cat, k->stick.text, sizeof k->stick.text);
    k->stick.fraction = 1;
    k->stick.state = st == VM_OK ? STICK_DONE
                   : (res.outcome == SYNC_OUTCOME_NOT_STAFF_STICK ||
                      res.outcome == SYNC_OUTCOME_PROGRAM_REFUSED) ? STICK_REFUSED
                   : STICK_FAILED;
    fprintf(stderr, "vaermed: USB stick %s: %s\n", path, k->stick.text);
    if (res.clock_floor > 0)
        clock_set_floor(k->clock, res.clock_floor);
    vm_err lerr = {0};
    if (reload_model(k, clock_now(k->clock), &lerr) != VM_OK)
        fprintf(stderr, "vaermed: %s\n", lerr.msg);
}

static bool handle_sticks(kiosk *k, sticks_event *ev)
{
    bool changed = false;
    if (k->stick.state != STICK_NONE && k->stick.state != STICK_SYNCING) {
        bool still_in = false;
        for (size_t i = 0; i < ev->all.n; i++)
            still_in |= strcmp(ev->all.path[i], k->stick.path) == 0;
        if (!still_in) { /* taken out: the message has done its job */
            memset(&k->stick, 0, sizeof k->stick);
            changed = true;
        }
    }
    for (size_t i = 0; i < ev->fresh.n; i++) {
        sync_stick(k, ev->fresh.path[i]);
        changed = true;
    }
    free(ev);
    return changed;
}

/* Returns true when the picture may have changed. Automation commands are collected in
 * `pending` and acknowledged after the next present. */
static bool handle_event(kiosk *k, const SDL_Event *ev, auto_cmd **pending, size_t *n_pending)
{
    if (k->automation && ev->type == automation_event_type(k->automation)) {
        auto_cmd *c = ev->user.data1;
        bool changed = handle_automation(k, c);
        pending[(*n_pending)++] = c;
        return changed;
    }
    if (k->sticks && ev->type == sticks_event_type(k->sticks))
        return handle_sticks(k, ev->user.data1);
    if (ev->type == SDL_QUIT) {
        k->quit = true;
        return false;
    }
    if (ev->type == SDL_WINDOWEVENT) {
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            vm_err err = {0};
            if (apply_size(k, &err) != VM_OK)
                fprintf(stderr, "vaermed: %s\n", err.msg);
            k->force_present = true;
            return true;
        }
        if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
            k->force_present = true;
            return true;
        }
    }
    ui_input in;
    int pw, ph;
    render_physical_size(k->render, &pw, &ph);
    if (!input_translate(&k->input, ev, k->win_w, k->win_h, pw, ph, &in))
        return false;
    render_map_point(k->render, in.x, in.y, &in.x, &in.y);
    k->input_ticks = ev->common.timestamp;
    return ui_handle(k->ui, &k->model.ui, &in, clock_now_ms(k->clock));
}

static void present_if_changed(kiosk *k)
{
    ui_measure m = render_measure(k->render);
    int64_t now_ms = clock_now_ms(k->clock);
    ui_build(k->ui, &k->model.ui, &m, now_ms, &k->next);
    if (k->have_shown && !k->force_present && ui_frame_same_picture(&k->shown, &k->next))
        return;
    render_present(k->render, &k->next);
    ui_frame tmp = k->shown;
    k->shown = k->next;
    k->next = tmp;
    k->have_shown = true;
    k->force_present = false;
    k->seq++;
    if (k->dump)
        dump_frame(k->dump, k->seq, SDL_GetTicks(), k->input_ticks, &k->shown);
}

static int loop(kiosk *k)
{
    auto_cmd *pending[64];
    size_t n_pending = 0;
    present_if_changed(k);
    service_ready();
    k->watchdog_ms = service_watchdog_interval_ms();
    k->last_ping_ms = clock_monotonic_ms();
    while (!k->quit) {
        int64_t now_ms = clock_now_ms(k->clock);
        int64_t wait = ui_next_deadline(k->ui, now_ms) - now_ms;
        if (wait < 0)
            wait = 0;
        if (wait > 3600 * 1000)
            wait = 3600 * 1000;
        if (k->watchdog_ms) {
            /* The only wake-up an idle kiosk has beyond the minute tick: the watchdog's. */
            ping_watchdog_if_due(k);
            int64_t since = clock_monotonic_ms() - k->last_ping_ms;
            if (wait > k->watchdog_ms - since)
                wait = k->watchdog_ms - since;
        }
        SDL_Event ev;
        bool changed = false;
        k->wakeups++;
        if (SDL_WaitEventTimeout(&ev, (int)wait)) {
            do {
                changed |= handle_event(k, &ev, pending, &n_pending);
            } while (n_pending < 64 && SDL_PollEvent(&ev));
        }
        now_ms = clock_now_ms(k->clock);
        /* The window of activities moves with the day; an hourly reload keeps it current. */
        if (now_ms / 1000 - k->model_loaded_at >= 3600 ||
            dktime_days_between(k->model_loaded_at, now_ms / 1000) != 0) {
            vm_err err = {0};
            purge_old_personal_data(k, now_ms / 1000);
            if (reload_model(k, now_ms / 1000, &err) != VM_OK)
                fprintf(stderr, "vaermed: %s\n", err.msg);
            changed = true;
        }
        changed |= ui_tick(k->ui, &k->model.ui, now_ms);
        changed |= run_actions(k);
        if (changed || k->force_present)
            present_if_changed(k);
        for (size_t i = 0; i < n_pending; i++)
            automation_done(k->automation, pending[i]);
        n_pending = 0;
    }
    return 0;
}

/* VAERMED_STATS=FILE: a JSON line of what the loop did, for the benchmark. */
static void write_stats(const kiosk *k)
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

/* Opens (or creates) the database; the reason for a refusal goes to `err`. */
static vm_status open_store(kiosk *k, vm_err *err)
{
    const kiosk_options *o = k->opt;
    vm_status st = o->db_is_default ? paths_make_parent(o->db_path, err)
                                    : paths_check_parent_writable(o->db_path, err);
    if (st != VM_OK)
        return st;
    st = store_open(o->db_path, STORE_CREATE, &k->store, err);
    if (st != VM_OK)
        return st;
    char id[KIOSK_ID_MAX];
    st = signing_kiosk_id(k->store, id, err);
    if (st == VM_OK && o->demo)
        st = demo_fill(k->store, clock_now(k->clock), err);
    if (st == VM_OK) {
        clock_set_floor(k->clock, sync_clock_floor(k->store));
        purge_old_personal_data(k, clock_now(k->clock));
    }
    return st;
}

int kiosk_run(const kiosk_options *o, vm_clock *clock)
{
    kiosk k = {0};
    int status = 1;
    vm_err err = {0};
    k.opt = o;
    k.clock = clock;
    ui_frame_init(&k.shown);
    ui_frame_init(&k.next);

    input_set_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "vaermed: no screen to show the kiosk on: %s\n", SDL_GetError());
        return 1;
    }
    render_options ro = {.title = "Vær med", .width = o->width, .height = o->height,
                         .fullscreen = o->fullscreen, .software = o->software,
                         .rotation = o->cfg->rotation};
    if (render_open(&ro, &k.render, &err) != VM_OK) {
        fprintf(stderr, "vaermed: %s\n", err.msg);
        goto out;
    }
    render_window_size(k.render, &k.win_w, &k.win_h);
    render_output_size(k.render, &k.out_w, &k.out_h);
    langs_load(&k.langs, o->cfg, warn_stderr);
    k.model.ui.langs = (const i18n_catalog *const *)k.langs.cat;
    k.model.ui.n_langs = k.langs.n;
    k.model.ui.estate_name = o->cfg->estate_name;

    if (open_store(&k, &err) != VM_OK ||
        reload_model(&k, clock_now(clock), &err) != VM_OK) {
        fprintf(stderr, "vaermed: %s\n", err.msg);
        fatal_screen(k.render, k.langs.n ? k.langs.cat[0] : NULL, err.status, err.msg);
        goto out;
    }

    ui_options uo = {.width = k.out_w, .height = k.out_h, .px_per_mm = px_per_mm(&k),
                     .idle_ms = (int64_t)o->cfg->idle_seconds * 1000, .default_lang = 0};
    k.ui = ui_new(&uo);
    if (!k.ui) {
        fprintf(stderr, "vaermed: out of memory\n");
        goto out;
    }
    if (apply_size(&k, &err) != VM_OK) {
        fprintf(stderr, "vaermed: %s\n", err.msg);
        goto out;
    }
    if (o->dump_path && *o->dump_path) {
        k.dump = fopen(o->dump_path, "a");
        if (!k.dump)
            fprintf(stderr, "vaermed: cannot write the UI dump to %s\n", o->dump_path);
    }
    if (o->input_path && *o->input_path)
        k.automation = automation_start(o->input_path);
    k.sticks = sticks_start(o->cfg, getenv("VAERMED_MOUNTS"));
    status = loop(&k);
    write_stats(&k);
out:
    sticks_stop(k.sticks);
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
    SDL_Quit();
    return status;
}
