/* nav: where the ui goes, and what is wiped on the way. See nav.h. */
#include <stdio.h>
#include <string.h>

#include "ui/nav.h"

void ui_wipe(void *p, size_t n)
{
    volatile unsigned char *b = p;
    while (n--)
        *b++ = 0;
}

static void drop_gesture(ui *u)
{
    /* a finger still down belongs to the old screen: its release does nothing here */
    u->ignored = u->down;
    u->dragging = false;
    u->holding = false;
    u->press_id[0] = '\0';
}

void ui_goto(ui *u, ui_screen_id s, int64_t now_ms)
{
    u->screen = s;
    u->screen_since = now_ms;
    u->detail_msg = MSG_NONE;
    drop_gesture(u);
}

void ui_open_detail(ui *u, const ui_entry *e, ui_screen_id from, int64_t now_ms)
{
    snprintf(u->detail_uid, sizeof u->detail_uid, "%s", e->act.uid);
    u->detail_from = from == SCR_PROGRAM ? SCR_PROGRAM : SCR_HOME;
    u->scroll[SCR_DETAIL] = 0;
    u->detail_msg = MSG_NONE;
    ui_goto(u, SCR_DETAIL, now_ms);
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

void ui_flow_start_cancel(ui *u, const ui_entry *e, int64_t now_ms)
{
    ui_flow_wipe(u);
    snprintf(u->flow.uid, sizeof u->flow.uid, "%s", e->act.uid);
    ui_goto(u, SCR_CANCEL_NAME, now_ms);
}

void ui_flow_start_interest(ui *u, const ui_entry *e, int64_t now_ms)
{
    ui_flow_wipe(u);
    snprintf(u->flow.uid, sizeof u->flow.uid, "%s", e->act.uid);
    ui_goto(u, SCR_INTEREST_NAME, now_ms);
}

void ui_queue_action(ui *u, const ui_action *a)
{
    u->action = *a;
    u->action_ready = true;
}

void ui_flow_queue(ui *u, const ui_action *a)
{
    u->flow.pending = true;
    u->flow.pending_kind = a->kind;
    ui_queue_action(u, a);
}

void ui_admin_wipe(ui *u)
{
    bool had = u->admin.unlocked || u->admin.pin[0] || u->admin.uid[0];
    ui_wipe(&u->admin, sizeof u->admin);
    u->admin.test_x = u->admin.test_y = -1;
    if (had) {
        /* the last frame may list names: gone with it (taps wait for the next build) */
        ui_frame_reset(&u->last, "", u->L.w, u->L.h);
        u->have_last = false;
    }
}

void ui_go_home(ui *u, int64_t now_ms)
{
    ui_flow_wipe(u);
    ui_admin_wipe(u);
    u->admin_resume = false;
    u->detail_uid[0] = '\0';
    u->detail_from = SCR_HOME;
    u->scroll[SCR_DETAIL] = 0;
    u->scroll[SCR_PROGRAM] = 0;
    u->scroll[SCR_CONTACTS] = 0;
    u->program_day = 0;
    ui_goto(u, SCR_HOME, now_ms);
}

bool ui_is_admin_screen(ui_screen_id s)
{
    return s == SCR_ADMIN_PIN || s == SCR_ADMIN || s == SCR_ADMIN_SIGNUPS || s == SCR_ADMIN_STICKS ||
           s == SCR_ADMIN_CONFIRM || s == SCR_ADMIN_TEST || s == SCR_ADMIN_CHECKIN;
}

static bool sync_screen(ui_screen_id s)
{
    return s == SCR_SYNC || s == SCR_SYNC_DONE;
}

void ui_enter_sync(ui *u, ui_screen_id s, int64_t now_ms)
{
    if (!sync_screen(u->screen)) {
        bool admin = u->admin.unlocked && ui_is_admin_screen(u->screen);
        if (admin) {
            ui_flow_wipe(u);
            u->admin_resume = true;
        } else {
            ui_go_home(u, now_ms);
            u->lang = u->opt.default_lang;
        }
    }
    ui_goto(u, s, now_ms);
}

void ui_leave_sync(ui *u, int64_t now_ms)
{
    if (u->admin_resume && u->admin.unlocked) {
        u->admin_resume = false;
        ui_goto(u, SCR_ADMIN, now_ms);
        return;
    }
    ui_go_home(u, now_ms);
}
