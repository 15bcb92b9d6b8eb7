/* ui: the state machine. Input is hit-tested against the last frame built; a tap fires on
 * release inside the widget it pressed; screens are built from the state, the model and the
 * time. See ui.h for the contract. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/nav.h"
#include "ui/screen.h"

#define WHEEL_STEP_LINES 3

/* The layout is made for the window less the burn-in margin: the screens are shifted inside
 * that margin, so nothing they draw ever leaves the window. */
static void relayout(ui *u)
{
    ui_layout full;
    /* the panel's density is the whole window's (the shift only moves the picture) */
    double ppm = u->opt.px_per_mm > 0 ? u->opt.px_per_mm : ui_px_per_mm(u->win_w, u->win_h, 0);
    ui_layout_compute(&full, u->win_w, u->win_h, ppm);
    u->shift = (int)lround(4.0 * full.sp);
    if (u->shift < 2)
        u->shift = 2;
    int w = u->win_w - u->shift, h = u->win_h - u->shift;
    u->opt.width = w > 1 ? w : 1;
    u->opt.height = h > 1 ? h : 1;
    ui_layout_compute(&u->L, u->opt.width, u->opt.height, ppm);
}

ui *ui_new(const ui_options *opt)
{
    ui *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    if (opt)
        u->opt = *opt;
    u->win_w = u->opt.width > 0 ? u->opt.width : 800;
    u->win_h = u->opt.height > 0 ? u->opt.height : 480;
    if (u->opt.idle_ms <= 0)
        u->opt.idle_ms = 60000;
    if (u->opt.idle_screen_ms <= 0)
        u->opt.idle_screen_ms = u->opt.idle_ms;
    if (u->opt.night_wake_ms <= 0)
        u->opt.night_wake_ms = UI_NIGHT_WAKE_MS;
    relayout(u);
    u->screen = SCR_HOME;
    u->lang = u->opt.default_lang;
    u->screen_since = INT64_MIN / 2;
    u->admin.test_x = u->admin.test_y = -1;
    ui_frame_init(&u->last);
    return u;
}

void ui_free(ui *u)
{
    if (!u)
        return;
    ui_frame_free(&u->last);
    free(u->home_cache.heights);
    free(u->home_cache.sec);
    free(u->home_week);
    ui_wipe(u, sizeof *u);
    free(u);
}

void ui_resize(ui *u, int width, int height)
{
    u->win_w = width > 0 ? width : 1;
    u->win_h = height > 0 ? height : 1;
    relayout(u);
}

/* Below the smallest size the screens are made for (either way round). */
static bool too_small(const ui *u)
{
    bool portrait = u->win_h > u->win_w;
    int long_side = portrait ? u->win_h : u->win_w, short_side = portrait ? u->win_w : u->win_h;
    return long_side < UI_MIN_WIDTH || short_side < UI_MIN_HEIGHT;
}

void ui_font_sizes(const ui *u, int sizes[UI_FONT_COUNT])
{
    for (int i = 0; i < UI_FONT_COUNT; i++)
        sizes[i] = u->L.font[i];
}

const char *ui_screen_name(const ui *u)
{
    return ui_screen_def_of(too_small(u) ? SCR_TOO_SMALL : u->screen)->name;
}

bool ui_admin_open(const ui *u)
{
    return u->admin.unlocked && ui_is_admin_screen(u->screen) && u->screen != SCR_ADMIN_PIN;
}

size_t ui_lang(const ui *u)
{
    return u->lang;
}

/* Nothing to undo when nobody is there: home, the default language, the top of the list. */
static bool at_rest(const ui *u)
{
    return u->screen == SCR_HOME && u->lang == u->opt.default_lang && u->scroll[SCR_HOME] == 0 &&
           !u->down;
}

/* Screens that are not a resident's or a staff member's business: time does not reset them. */
static bool resting_screen(ui_screen_id s)
{
    return ui_screen_def_of(s)->flags & UI_SCREEN_RESTING;
}

static bool sync_screen(ui_screen_id s)
{
    return s == SCR_SYNC || s == SCR_SYNC_DONE;
}

static bool busy(const ui *u)
{
    return u->flow.pending || u->admin.pending;
}

/* At night the screen goes dark from anything but a flow being answered, a sync, or the
 * night itself: the idle screen, a resting kiosk, goes dark too. */
static bool may_darken(const ui *u)
{
    return !busy(u) && !sync_screen(u->screen) && u->screen != SCR_NIGHT;
}

static bool scrolls(ui_screen_id s)
{
    return ui_screen_def_of(s)->flags & UI_SCREEN_SCROLLS;
}

static int64_t max64(int64_t a, int64_t b)
{
    return a > b ? a : b;
}

/* ---- what the model says: the stick and the night */

static bool observe(ui *u, const ui_model *m, int64_t now_ms)
{
    bool changed = false;
    if (!u->time_seen) {
        /* a kiosk that just started has not been idle for decades */
        u->time_seen = true;
        u->last_input = now_ms;
    }
    u->admin_enabled = m->admin_enabled;
    ui_stick_state st = m->stick.state;
    if (st != u->stick_seen) {
        u->stick_seen = st;
        changed = true;
        switch (st) {
        case UI_STICK_SYNCING:
            ui_enter_sync(u, SCR_SYNC, now_ms);
            break;
        case UI_STICK_REFUSED:
            /* staff on an admin screen put it in to authorise it: no interruption */
            if (u->admin.unlocked && ui_is_admin_screen(u->screen) && u->screen != SCR_ADMIN_PIN)
                break;
            /* fall through */
        case UI_STICK_DONE:
        case UI_STICK_FAILED:
            ui_enter_sync(u, SCR_SYNC_DONE, now_ms);
            u->sync_done_since = now_ms;
            u->sync_done_state = st;
            break;
        case UI_STICK_NONE:
            if (sync_screen(u->screen))
                ui_leave_sync(u, now_ms);
            break;
        }
    }
    if (m->night != u->night) {
        u->night = m->night;
        changed = true;
        if (!m->night && u->screen == SCR_NIGHT) {
            /* morning: the idle screen, as after any long rest */
            ui_goto(u, SCR_IDLE, now_ms);
        }
    }
    return changed;
}

static void clamp_scroll(ui *u)
{
    for (int s = 0; s < SCR_COUNT; s++) {
        if (u->scroll[s] > u->scroll_max[s])
            u->scroll[s] = u->scroll_max[s];
        if (u->scroll[s] < 0)
            u->scroll[s] = 0;
    }
}

/* A tap on the widget `id_in` of the current screen: its table says what it does. */
static void fire_on_screen(ui *u, const ui_model *m, const char *id_in, int64_t now_ms)
{
    char id[UI_ID_MAX]; /* the handler may go elsewhere, and drop the gesture it came from */
    snprintf(id, sizeof id, "%s", id_in);
    const ui_screen_def *s = ui_screen_def_of(u->screen);
    if (!s->may_tap || s->may_tap(u, m, now_ms))
        ui_widget_tap(s->widgets, s->n_widgets, u, m, id, now_ms);
    clamp_scroll(u);
}

/* A digit of a code was just typed: it shows a moment, then becomes a dot. */
static void note_code_typed(ui *u, size_t before, int64_t now_ms)
{
    if (strlen(u->flow.code) > before)
        u->flow.code_peek_until = now_ms + UI_CODE_PEEK_MS;
    else if (strlen(u->flow.code) < before)
        u->flow.code_peek_until = 0; /* a digit taken back: nothing stays shown */
}

static void fire(ui *u, const ui_model *m, const char *id_in, int64_t now_ms)
{
    size_t code_before = strlen(u->flow.code);
    fire_on_screen(u, m, id_in, now_ms);
    note_code_typed(u, code_before, now_ms);
}

static int absi(int v)
{
    return v < 0 ? -v : v;
}

/* The hidden gesture starts: a press on the clock of the home screen (not a tap target). */
static void maybe_hold(ui *u, int x, int y, int64_t now_ms)
{
    u->holding = false;
    if (u->screen != SCR_HOME || !u->admin_enabled || !u->have_last || u->ignored)
        return;
    const ui_widget *clock = ui_frame_find(&u->last, "clock");
    if (clock && ui_rect_contains(clock->rect, x, y)) {
        u->holding = true;
        u->hold_since = now_ms;
    }
}

bool ui_handle(ui *u, const ui_model *m, const ui_input *in, int64_t now_ms)
{
    bool seen = observe(u, m, now_ms);
    u->last_input = now_ms;
    switch (in->kind) {
    case UI_IN_DOWN: {
        u->down = true;
        u->dragging = false;
        u->press_id[0] = '\0';
        u->down_x = in->x;
        u->down_y = in->y;
        u->scroll_at_down = u->scroll[u->screen];
        if (resting_screen(u->screen)) {
            /* the first touch only wakes: home, and this finger does nothing there */
            ui_goto(u, SCR_HOME, now_ms);
            return true;
        }
        if (u->screen == SCR_SYNC || too_small(u)) {
            u->ignored = true;
            return seen;
        }
        /* a new screen ignores presses for a moment: a double tap cannot act on it */
        u->ignored = now_ms - u->screen_since < UI_GUARD_MS;
        void (*touch)(ui *, int, int) = ui_screen_def_of(u->screen)->touch;
        if (touch)
            touch(u, in->x, in->y);
        maybe_hold(u, in->x, in->y, now_ms);
        if (u->ignored || !u->have_last)
            return seen || touch != NULL;
        const ui_widget *w = ui_frame_hit(&u->last, in->x, in->y);
        if (!w)
            return seen || touch != NULL;
        snprintf(u->press_id, sizeof u->press_id, "%s", w->id);
        return true;
    }
    case UI_IN_MOVE: {
        void (*touch)(ui *, int, int) = ui_screen_def_of(u->screen)->touch;
        if (u->down && touch)
            touch(u, in->x, in->y);
        if (u->holding &&
            (absi(in->y - u->down_y) > u->L.drag || absi(in->x - u->down_x) > u->L.drag))
            u->holding = false;
        if (!u->down || u->ignored)
            return seen || touch != NULL;
        bool changed = touch != NULL;
        if (!u->dragging && scrolls(u->screen) &&
            (absi(in->y - u->down_y) > u->L.drag || absi(in->x - u->down_x) > u->L.drag)) {
            u->dragging = true;
            changed = u->press_id[0] != '\0';
            u->press_id[0] = '\0';
        }
        if (u->dragging) {
            int before = u->scroll[u->screen];
            u->scroll[u->screen] = u->scroll_at_down - (in->y - u->down_y);
            clamp_scroll(u);
            changed = changed || u->scroll[u->screen] != before;
        }
        return changed;
    }
    case UI_IN_UP: {
        u->holding = false;
        if (!u->down)
            return seen;
        u->down = false;
        if (u->ignored) {
            u->ignored = false;
            return false;
        }
        if (u->dragging) {
            u->dragging = false;
            return true;
        }
        if (!u->press_id[0])
            return false;
        char id[UI_ID_MAX];
        snprintf(id, sizeof id, "%s", u->press_id);
        u->press_id[0] = '\0';
        const ui_widget *w = u->have_last ? ui_frame_hit(&u->last, in->x, in->y) : NULL;
        if (w && strcmp(w->id, id) == 0)
            fire(u, m, id, now_ms);
        return true;
    }
    case UI_IN_CANCEL: {
        bool had = u->down && u->press_id[0];
        u->holding = false;
        u->down = u->dragging = u->ignored = false;
        u->press_id[0] = '\0';
        return had;
    }
    case UI_IN_WHEEL: {
        if (!scrolls(u->screen))
            return false;
        int before = u->scroll[u->screen];
        int step = u->L.font[UI_FONT_BODY] * 2 * WHEEL_STEP_LINES;
        u->scroll[u->screen] -= in->dy * step;
        clamp_scroll(u);
        return u->scroll[u->screen] != before;
    }
    case UI_IN_TEXT: {
        char text[sizeof in->text + 1];
        memcpy(text, in->text, sizeof in->text);
        text[sizeof in->text] = '\0';
        if (busy(u))
            return seen;
        const ui_screen_def *def = ui_screen_def_of(u->screen);
        if (def->text) {
            size_t code_before = strlen(u->flow.code);
            def->text(u, m, text, now_ms);
            note_code_typed(u, code_before, now_ms);
        }
        ui_wipe(text, sizeof text);
        return true;
    }
    case UI_IN_KEY_BACK:
        if (u->screen == SCR_HOME || resting_screen(u->screen) || u->screen == SCR_SYNC)
            return seen;
        fire(u, m, u->screen == SCR_SYNC_DONE ? "ok" : "back", now_ms);
        return true;
    }
    return seen;
}

static void idle_reset(ui *u, int64_t now_ms)
{
    ui_go_home(u, now_ms);
    u->lang = u->opt.default_lang;
    u->scroll[SCR_HOME] = 0;
    u->down = u->dragging = u->ignored = false;
}

static int64_t sync_done_ms(const ui *u)
{
    return u->sync_done_state == UI_STICK_REFUSED ? UI_SYNC_REFUSED_MS : UI_SYNC_DONE_MS;
}

/* When home at rest turns into the idle screen: a while after the last touch, and after it
 * came home (an idle reset shows home for that long first). */
static int64_t idle_screen_at(const ui *u)
{
    return max64(u->last_input, u->screen_since) + u->opt.idle_screen_ms;
}

bool ui_tick(ui *u, const ui_model *m, int64_t now_ms)
{
    bool changed = observe(u, m, now_ms);
    /* the hidden gesture fires while the finger is still on the clock */
    if (u->holding && u->down && !u->dragging && now_ms - u->hold_since >= UI_ADMIN_HOLD_MS) {
        u->holding = false;
        if (u->screen == SCR_HOME && u->admin_enabled) {
            ui_go_home(u, now_ms); /* the flow is nothing, but the scroll goes too */
            ui_goto(u, SCR_ADMIN_PIN, now_ms);
            changed = true;
        }
    }
    if (u->screen == SCR_SYNC_DONE && now_ms - u->sync_done_since >= sync_done_ms(u)) {
        ui_leave_sync(u, now_ms);
        changed = true;
    }
    bool free_to_reset = !busy(u) && !sync_screen(u->screen) && !resting_screen(u->screen);
    if (u->night && may_darken(u) && !u->down &&
        now_ms - u->last_input >= u->opt.night_wake_ms) {
        idle_reset(u, now_ms);
        ui_goto(u, SCR_NIGHT, now_ms);
        changed = true;
    } else if (free_to_reset && !at_rest(u) && now_ms - u->last_input >= u->opt.idle_ms) {
        idle_reset(u, now_ms);
        changed = true;
    }
    if (u->screen == SCR_HOME && at_rest(u) && !u->night && now_ms >= idle_screen_at(u)) {
        ui_goto(u, SCR_IDLE, now_ms);
        changed = true;
    }
    if (u->flow.code_peek_until && now_ms >= u->flow.code_peek_until) {
        u->flow.code_peek_until = 0; /* the last digit of the code becomes a dot */
        changed = true;
    }
    if (u->built && u->screen != SCR_NIGHT && now_ms / 60000 != u->last_build / 60000)
        changed = true; /* the clock, the "om 20 min." texts, the burn-in shift */
    return changed;
}

int64_t ui_next_deadline(const ui *u, int64_t now_ms)
{
    int64_t next = UI_NO_DEADLINE;
    if (u->screen != SCR_NIGHT) /* a black screen needs no clock */
        next = now_ms - (now_ms % 60000 + 60000) % 60000 + 60000;
    bool free_to_reset = !busy(u) && !sync_screen(u->screen) && !resting_screen(u->screen);
    int64_t t[6];
    int n = 0;
    if (may_darken(u) && u->night)
        t[n++] = u->last_input + u->opt.night_wake_ms;
    if (free_to_reset && !at_rest(u))
        t[n++] = u->last_input + u->opt.idle_ms;
    if (u->screen == SCR_HOME && at_rest(u) && !u->night)
        t[n++] = idle_screen_at(u);
    if (u->holding)
        t[n++] = u->hold_since + UI_ADMIN_HOLD_MS;
    if (u->screen == SCR_SYNC_DONE)
        t[n++] = u->sync_done_since + sync_done_ms(u);
    if (u->flow.code_peek_until > now_ms)
        t[n++] = u->flow.code_peek_until; /* the last digit of a code turns into a dot */
    for (int i = 0; i < n; i++)
        if (t[i] < next)
            next = t[i];
    int64_t guard_end = u->screen_since + UI_GUARD_MS;
    if (guard_end > now_ms && guard_end < next)
        next = guard_end;
    return next < now_ms ? now_ms : next;
}

static bool flow_screen(ui_screen_id s)
{
    return ui_screen_def_of(s)->flags & UI_SCREEN_FLOW;
}

void ui_build(ui *u, const ui_model *m, const ui_measure *measure, int64_t now_ms,
              ui_frame *out)
{
    if (m->n_langs && u->opt.default_lang >= m->n_langs)
        u->opt.default_lang = 0; /* a default the model does not have: the first language */
    if (m->n_langs && u->lang >= m->n_langs)
        u->lang = u->opt.default_lang;
    observe(u, m, now_ms);
    /* The model may have changed under a screen: an activity that vanished sends home. */
    if (u->screen == SCR_DETAIL && !ui_entry_find(m, u->detail_uid))
        ui_go_home(u, now_ms);
    if (flow_screen(u->screen) && !ui_entry_find(m, u->flow.uid))
        ui_go_home(u, now_ms);

    bool small = too_small(u);
    ui_frame_reset(out, ui_screen_name(u), u->win_w, u->win_h);
    /* the app's measure, for the face the language's Arabic script is read in */
    ui_measure ms = *measure;
    out->measure = &ms;
    ui_ctx c = {
        .u = u,
        .m = m,
        .ms = &ms,
        .L = &u->L,
        .f = out,
        .now_ms = now_ms,
        .now = now_ms >= 0 ? now_ms / 1000 : -((-now_ms + 999) / 1000),
        .cat = m->n_langs ? m->langs[u->lang] : NULL,
    };
    if (ui_is_admin_screen(u->screen))
        c.cat = ui_admin_catalog(u, m);
    c.rtl = c.cat && i18n_right_to_left(c.cat);
    out->rtl = c.rtl;
    ms.face = ui_face_for_lang(c.cat ? i18n_lang(c.cat) : NULL);
    out->face = ms.face;
    if (small) {
        /* no layout below the minimum: one plain message instead of a broken screen */
        screen_too_small_build(&c, UI_MIN_WIDTH, UI_MIN_HEIGHT);
        ui_frame_shift(out, u->L.w, u->L.h, 0, 0);
        out->measure = NULL; /* the app's measurer is not kept past the build */
        u->have_last = ui_frame_copy(&u->last, out);
        u->last_build = now_ms;
        u->built = true;
        return;
    }
    const ui_screen_def *def = ui_screen_def_of(u->screen);
    if (def->build)
        def->build(&c);
    u->scroll_max[u->screen] = c.scroll_max;
    u->scroll_page[u->screen] = c.scroll_page > 0 ? c.scroll_page : u->L.h / 2;
    u->scroll_back[u->screen] = c.scroll_back > 0 ? c.scroll_back : u->scroll_page[u->screen];
    clamp_scroll(u);
    /* burn-in: the day screens sit a few pixels elsewhere every few minutes; idle moves its
     * own content and night is black */
    int dx = 0, dy = 0;
    if (!resting_screen(u->screen))
        ui_shift_offset(now_ms, u->shift, &dx, &dy);
    ui_frame_shift(out, u->L.w, u->L.h, dx, dy);
    out->measure = NULL; /* the app's measurer is not kept past the build */
    u->have_last = ui_frame_copy(&u->last, out);
    u->last_build = now_ms;
    u->built = true;
}

bool ui_take_action(ui *u, ui_action *out)
{
    if (!u->action_ready)
        return false;
    *out = u->action;
    ui_wipe(&u->action, sizeof u->action);
    u->action_ready = false;
    return true;
}

void ui_action_done(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    /* the answer goes to whoever asked, by what was asked */
    ui_action_kind kind;
    if (u->admin.pending) {
        kind = u->admin.pending_kind;
    } else if (u->flow.pending) {
        kind = u->flow.pending_kind;
        u->flow.pending = false;
    } else {
        return; /* the flow was left meanwhile (idle, stick): nothing to show */
    }
    ui_answer_fn answer = ui_answer_of(kind);
    if (answer)
        answer(u, m, r, now_ms);
}

void ui_build_error(ui *u, const i18n_catalog *cat, const ui_measure *measure,
                    const char *detail, ui_frame *out)
{
    ui_model none = {0};
    ui_frame_reset(out, "error", u->win_w, u->win_h);
    ui_measure ms = *measure;
    ms.face = ui_face_for_lang(cat ? i18n_lang(cat) : NULL);
    out->measure = &ms;
    ui_ctx c = {.u = u, .m = &none, .ms = &ms, .L = &u->L, .f = out, .cat = cat};
    c.rtl = cat && i18n_right_to_left(cat);
    out->rtl = c.rtl;
    out->face = ms.face;
    screen_error_build(&c, detail);
    ui_frame_shift(out, u->L.w, u->L.h, 0, 0);
    out->measure = NULL;
}
