/* ui: the state machine. Input is hit-tested against the last frame built; a tap fires on
 * release inside the widget it pressed; screens are built from the state, the model and the
 * time. See ui.h for the contract. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui_internal.h"

static const char *const SCREEN_NAMES[SCR_COUNT] = {
    [SCR_HOME] = "home",
    [SCR_DETAIL] = "detail",
    [SCR_JOIN_NAME] = "join-name",
    [SCR_JOIN_HOUSEHOLD] = "join-household",
    [SCR_JOIN_EXTRA] = "join-extra",
    [SCR_JOIN_DONE] = "join-done",
    [SCR_CANCEL_NAME] = "cancel-name",
    [SCR_CANCEL_CODE] = "cancel-code",
    [SCR_CANCEL_DONE] = "cancel-done",
};

#define WHEEL_STEP_LINES 3

void ui_wipe(void *p, size_t n)
{
    volatile unsigned char *b = p;
    while (n--)
        *b++ = 0;
}

ui *ui_new(const ui_options *opt)
{
    ui *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    if (opt)
        u->opt = *opt;
    if (u->opt.width <= 0)
        u->opt.width = 800;
    if (u->opt.height <= 0)
        u->opt.height = 480;
    if (u->opt.idle_ms <= 0)
        u->opt.idle_ms = 60000;
    ui_layout_compute(&u->L, u->opt.width, u->opt.height, u->opt.px_per_mm);
    u->screen = SCR_HOME;
    u->lang = u->opt.default_lang;
    u->screen_since = INT64_MIN / 2;
    ui_frame_init(&u->last);
    return u;
}

void ui_free(ui *u)
{
    if (!u)
        return;
    ui_frame_free(&u->last);
    ui_wipe(u, sizeof *u);
    free(u);
}

void ui_resize(ui *u, int width, int height)
{
    u->opt.width = width;
    u->opt.height = height;
    ui_layout_compute(&u->L, width, height, u->opt.px_per_mm);
}

void ui_font_sizes(const ui *u, int sizes[UI_FONT_COUNT])
{
    for (int i = 0; i < UI_FONT_COUNT; i++)
        sizes[i] = u->L.font[i];
}

const char *ui_screen_name(const ui *u)
{
    return SCREEN_NAMES[u->screen];
}

size_t ui_lang(const ui *u)
{
    return u->lang;
}

const ui_entry *ui_entry_find(const ui_model *m, const char *uid)
{
    if (!m || !uid || !*uid)
        return NULL;
    for (size_t i = 0; i < m->n_entries; i++)
        if (strcmp(m->entries[i].act.uid, uid) == 0)
            return &m->entries[i];
    return NULL;
}

static void drop_gesture(ui *u)
{
    /* a finger still down belongs to the old screen: its release does nothing here */
    u->ignored = u->down;
    u->dragging = false;
    u->press_id[0] = '\0';
}

void ui_goto(ui *u, ui_screen_id s, int64_t now_ms)
{
    u->screen = s;
    u->screen_since = now_ms;
    u->detail_msg = MSG_NONE;
    drop_gesture(u);
}

void ui_flow_wipe(ui *u)
{
    ui_wipe(&u->flow, sizeof u->flow);
    ui_wipe(&u->action, sizeof u->action);
    u->action_ready = false;
    /* the last frame may show the name too: gone with it (taps wait for the next build) */
    ui_frame_reset(&u->last, "", u->L.w, u->L.h);
    u->have_last = false;
}

void ui_flow_start(ui *u, const ui_entry *e, int64_t task_id, int64_t now_ms)
{
    ui_flow_wipe(u);
    snprintf(u->flow.uid, sizeof u->flow.uid, "%s", e->act.uid);
    snprintf(u->detail_uid, sizeof u->detail_uid, "%s", e->act.uid);
    u->flow.task_id = task_id;
    u->flow.adults = 1;
    u->flow.children = 0;
    ui_goto(u, SCR_JOIN_NAME, now_ms);
}

void ui_queue_action(ui *u, const ui_action *a)
{
    u->action = *a;
    u->action_ready = true;
}

void ui_go_home(ui *u, int64_t now_ms)
{
    ui_flow_wipe(u);
    u->detail_uid[0] = '\0';
    u->scroll[SCR_DETAIL] = 0;
    ui_goto(u, SCR_HOME, now_ms);
}

/* Nothing to undo when nobody is there: home, the default language, the top of the list. */
static bool at_rest(const ui *u)
{
    return u->screen == SCR_HOME && u->lang == u->opt.default_lang && u->scroll[SCR_HOME] == 0 &&
           !u->down;
}

static bool scrolls(ui_screen_id s)
{
    return s == SCR_HOME || s == SCR_DETAIL;
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

static void fire(ui *u, const ui_model *m, const char *id_in, int64_t now_ms)
{
    char id[UI_ID_MAX];
    snprintf(id, sizeof id, "%s", id_in);
    switch (u->screen) {
    case SCR_HOME:
        screen_home_tap(u, m, id, now_ms);
        break;
    case SCR_DETAIL:
        screen_detail_tap(u, m, id, now_ms);
        break;
    case SCR_JOIN_NAME:
    case SCR_JOIN_HOUSEHOLD:
    case SCR_JOIN_EXTRA:
    case SCR_JOIN_DONE:
        screen_join_tap(u, m, id, now_ms);
        break;
    case SCR_CANCEL_NAME:
    case SCR_CANCEL_CODE:
    case SCR_CANCEL_DONE:
        screen_cancel_tap(u, m, id, now_ms);
        break;
    case SCR_COUNT:
        break;
    }
    clamp_scroll(u);
}

static int absi(int v)
{
    return v < 0 ? -v : v;
}

bool ui_handle(ui *u, const ui_model *m, const ui_input *in, int64_t now_ms)
{
    u->last_input = now_ms;
    switch (in->kind) {
    case UI_IN_DOWN: {
        u->down = true;
        u->dragging = false;
        u->press_id[0] = '\0';
        u->down_x = in->x;
        u->down_y = in->y;
        u->scroll_at_down = u->scroll[u->screen];
        /* a new screen ignores presses for a moment: a double tap cannot act on it */
        u->ignored = now_ms - u->screen_since < UI_GUARD_MS;
        if (u->ignored || !u->have_last)
            return false;
        const ui_widget *w = ui_frame_hit(&u->last, in->x, in->y);
        if (!w)
            return false;
        snprintf(u->press_id, sizeof u->press_id, "%s", w->id);
        return true;
    }
    case UI_IN_MOVE: {
        if (!u->down || u->ignored)
            return false;
        bool changed = false;
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
        if (!u->down)
            return false;
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
        if (u->flow.pending)
            return false;
        screen_flow_text(u, text);
        ui_wipe(text, sizeof text);
        return true;
    }
    case UI_IN_KEY_BACK:
        if (u->screen == SCR_HOME)
            return false;
        fire(u, m, "back", now_ms);
        return true;
    }
    return false;
}

static void idle_reset(ui *u, int64_t now_ms)
{
    ui_go_home(u, now_ms);
    u->lang = u->opt.default_lang;
    u->scroll[SCR_HOME] = 0;
    u->down = u->dragging = u->ignored = false;
}

bool ui_tick(ui *u, const ui_model *m, int64_t now_ms)
{
    (void)m;
    bool changed = false;
    if (!at_rest(u) && !u->flow.pending && now_ms - u->last_input >= u->opt.idle_ms) {
        idle_reset(u, now_ms);
        changed = true;
    }
    if (u->built && now_ms / 60000 != u->last_build / 60000)
        changed = true; /* the clock and the "om 20 min." texts */
    return changed;
}

int64_t ui_next_deadline(const ui *u, int64_t now_ms)
{
    int64_t minute = now_ms - (now_ms % 60000 + 60000) % 60000 + 60000;
    int64_t next = minute;
    if (!at_rest(u) && !u->flow.pending) {
        int64_t idle = u->last_input + u->opt.idle_ms;
        if (idle < next)
            next = idle;
    }
    int64_t guard_end = u->screen_since + UI_GUARD_MS;
    if (guard_end > now_ms && guard_end < next)
        next = guard_end;
    return next < now_ms ? now_ms : next;
}

void ui_build(ui *u, const ui_model *m, const ui_measure *measure, int64_t now_ms,
              ui_frame *out)
{
    if (m->n_langs && u->opt.default_lang >= m->n_langs)
        u->opt.default_lang = 0; /* a default the model does not have: the first language */
    if (m->n_langs && u->lang >= m->n_langs)
        u->lang = u->opt.default_lang;
    /* The model may have changed under a screen: an activity that vanished sends home. */
    if (u->screen == SCR_DETAIL && !ui_entry_find(m, u->detail_uid))
        ui_go_home(u, now_ms);
    if (u->screen != SCR_HOME && u->screen != SCR_DETAIL && !ui_entry_find(m, u->flow.uid))
        ui_go_home(u, now_ms);

    ui_frame_reset(out, SCREEN_NAMES[u->screen], u->L.w, u->L.h);
    ui_ctx c = {
        .u = u,
        .m = m,
        .ms = measure,
        .L = &u->L,
        .f = out,
        .now_ms = now_ms,
        .now = now_ms >= 0 ? now_ms / 1000 : -((-now_ms + 999) / 1000),
        .cat = m->n_langs ? m->langs[u->lang] : NULL,
    };
    c.rtl = c.cat && i18n_right_to_left(c.cat);
    switch (u->screen) {
    case SCR_HOME:
        screen_home_build(&c);
        break;
    case SCR_DETAIL:
        screen_detail_build(&c);
        break;
    case SCR_JOIN_NAME:
    case SCR_JOIN_HOUSEHOLD:
    case SCR_JOIN_EXTRA:
    case SCR_JOIN_DONE:
        screen_join_build(&c);
        break;
    case SCR_CANCEL_NAME:
    case SCR_CANCEL_CODE:
    case SCR_CANCEL_DONE:
        screen_cancel_build(&c);
        break;
    case SCR_COUNT:
        break;
    }
    u->scroll_max[u->screen] = c.scroll_max;
    u->scroll_page[u->screen] = c.scroll_page > 0 ? c.scroll_page : u->L.h / 2;
    clamp_scroll(u);
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
    ui_flow *fl = &u->flow;
    if (!fl->pending)
        return; /* the flow was left meanwhile (idle, stick): nothing to show */
    fl->pending = false;
    const char *msg = r->message[0] ? r->message : "";
    if (u->screen == SCR_JOIN_EXTRA) {
        if (r->status == VM_OK) {
            const ui_entry *e = ui_entry_find(m, fl->uid);
            fl->ok = true;
            fl->status = r->signup_status;
            fl->waiting_position = r->waiting_position;
            fl->msg = MSG_NONE;
            fl->offer_tasks = fl->task_id == 0 && e && !e->act.cancelled &&
                              ui_free_helper_slots(e, now_ms / 1000) > 0;
            /* done: the code is gone; the name stays only for the helper tasks offered */
            ui_wipe(fl->code, sizeof fl->code);
            if (!fl->offer_tasks)
                ui_wipe(fl->name, sizeof fl->name);
            ui_goto(u, SCR_JOIN_DONE, now_ms);
        } else {
            /* refused (filled or cancelled meanwhile, ...): say why, keep what was typed */
            fl->msg = MSG_APP;
            snprintf(fl->app_msg, sizeof fl->app_msg, "%s", msg);
            if (!fl->app_msg[0])
                fl->msg = MSG_WHY_CLOSED;
        }
    } else if (u->screen == SCR_CANCEL_CODE) {
        fl->ok = r->status == VM_OK;
        snprintf(fl->app_msg, sizeof fl->app_msg, "%s", fl->ok ? "" : msg);
        ui_wipe(fl->code, sizeof fl->code);
        if (fl->ok)
            ui_wipe(fl->name, sizeof fl->name);
        ui_goto(u, SCR_CANCEL_DONE, now_ms);
    }
}
