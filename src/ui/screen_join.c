/* join: the sign-up flow, from "Tilmeld" to "Du er tilmeldt!".
 *
 *   join-name       the name on the keyboard                          [next]
 *   join-household  adults and children, where the activity counts them [confirm]; `more`
 *                   goes on to join-extra for a code or someone to go with
 *   join-extra      "følges med nogen", an optional 4-digit code      [confirm]
 *   join-done       the answer (and the code chosen), the next activity, and once: the
 *                   helper tasks
 *
 * A fællesspisning for 2 adults and a child: Næste, +, +, Bekræft after "Tilmeld" and the
 * name; without a household: Næste, Bekræft. Every step has `back`, and going back keeps
 * what was typed. A helper task is the same flow without the household step. */
#include <stdio.h>
#include <string.h>

#include "core/code.h"
#include "core/utf8.h"
#include "ui/card.h"
#include "ui/flow.h"
#include "ui/keyboard.h"
#include "ui/nav.h"
#include "ui/screens.h"

/* what a tap reaches on join-household, join-extra and join-done (the tables at the end);
 * the steppers' adults-/adults+ and children-/children+ are w_stepper's */
enum {
    HW_BACK,
    HW_CONFIRM,
    HW_MORE,
    HW_ADULTS_FEWER,
    HW_ADULTS_MORE,
    HW_CHILDREN_FEWER,
    HW_CHILDREN_MORE,
    HW_COUNT
};
enum { EW_BACK, EW_CONFIRM, EW_COMPANY, EW_KEY, EW_DIGIT, EW_COUNT };
enum { DW_BACK, DW_DONE, DW_TASK, DW_CARD, DW_COUNT };
static const ui_widget_def HOUSEHOLD_WIDGETS[HW_COUNT];
static const ui_widget_def EXTRA_WIDGETS[EW_COUNT];
static const ui_widget_def DONE_WIDGETS[DW_COUNT];

static const ui_entry *flow_entry(const ui_ctx *c)
{
    return ui_entry_find(c->m, c->u->flow.uid);
}

static bool counts_household(const ui_flow *fl, const ui_entry *e)
{
    return fl->task_id == 0 && e && e->act.count_household;
}

/* Whether the flow's join can still happen, and if not, why (in *reason). */
static join_state flow_join_state(const ui_model *m, const ui_entry *e, int64_t task_id,
                                  int64_t now)
{
    if (task_id == 0)
        return ui_join_state(m, e, now);
    int index = -1;
    if (!ui_task_find(&e->act, task_id, &index))
        return JOIN_CANCELLED;
    return ui_task_join_state(m, e, index, now);
}

/* Participant: confirmed or waiting; a task: only while it has free slots. */
static bool joinable(join_state js, int64_t task_id)
{
    return js == JOIN_OPEN || (js == JOIN_WAITLIST && task_id == 0);
}

static const char *flow_reason(const ui_ctx *c, const ui_entry *e, join_state js, char *buf,
                               size_t size)
{
    if (c->u->flow.task_id != 0 && js == JOIN_WAITLIST)
        return tr(c, "This task has enough hands. Thank you for offering!");
    return ui_join_reason(c, e, js, buf, size);
}

/* "Fællesspisning · I dag 18:00" or "Giv en hånd: Dække bord · I dag 18:00" */
static void context_line(const ui_ctx *c, const ui_entry *e, char *out, size_t size)
{
    char when[96];
    i18n_when(c->cat, e->act.start, c->now, when, sizeof when);
    const ui_helper_task *t = ui_task_find(&e->act, c->u->flow.task_id, NULL);
    if (c->u->flow.task_id && t) {
        char task[TASK_TITLE_MAX + 64];
        i18n_format(task, sizeof task, tr(c, "Give a hand: %s"), t->title);
        snprintf(out, size, "%s \xC2\xB7 %s \xC2\xB7 %s", e->act.title, task, when);
    } else {
        snprintf(out, size, "%s \xC2\xB7 %s", e->act.title, when);
    }
}

static void build_name(ui_ctx *c, const ui_entry *e)
{
    char msg_buf[160], line[ACT_TITLE_MAX + TASK_TITLE_MAX + 200];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (*msg) {
        flow_name_screen(c, tr(c, "What is your name?"), msg, true);
    } else {
        context_line(c, e, line, sizeof line);
        flow_name_screen(c, tr(c, "What is your name?"), line, false);
    }
}

/* "I er 3 · 5 ledige pladser", or that the household goes on the waiting list. */
static const char *heads_line(const ui_ctx *c, const ui_entry *e, char *buf, size_t size,
                              bool *waiting)
{
    const ui_flow *fl = &c->u->flow;
    rules_terms t = ui_activity_terms(&e->act);
    int heads = rules_terms_heads(&t, fl->adults, fl->children);
    int left = rules_terms_places_left(&t, &e->counts);
    char people[64], places[96];
    i18n_format(people, sizeof people, i18n_plural(c->cat, "%d person", "%d people", heads),
                heads);
    *waiting = false;
    if (left < 0) {
        snprintf(buf, size, "%s", people);
    } else if (left == 0) {
        *waiting = true;
        snprintf(buf, size, "%s \xC2\xB7 %s", people,
                 tr(c, "It is full, so you will be on the waiting list"));
    } else if (heads > left) {
        *waiting = true;
        i18n_format(places, sizeof places,
                    i18n_plural(c->cat, "There is only %d place left, so you will be on the waiting list",
                                "There are only %d places left, so you will be on the waiting list",
                                left),
                    left);
        snprintf(buf, size, "%s \xC2\xB7 %s", people, places);
    } else {
        i18n_format(places, sizeof places,
                    i18n_plural(c->cat, "%d place left", "%d places left", left), left);
        snprintf(buf, size, "%s \xC2\xB7 %s", people, places);
    }
    return buf;
}

static void build_household(ui_ctx *c, const ui_entry *e)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    join_state js = flow_join_state(c->m, e, fl->task_id, c->now);
    bool can = joinable(js, fl->task_id);
    const char *label = fl->pending ? tr(c, "One moment\xE2\x80\xA6") : tr(c, "Confirm");
    int top = w_top_bar(c, tr(c, "How many of you are coming?"), HOUSEHOLD_WIDGETS[HW_CONFIRM].id, label,
                        fl->pending ? ICON_CLOCK : ICON_CHECK, fl->pending || !can);
    int w = L->w - 2 * L->margin;
    int max_w = (int)(640 * L->fs);
    if (w > max_w)
        w = max_w;
    int x = (L->w - w) / 2;
    int step = L->gap;
    int y = top + step;
    char msg_buf[256], reason_buf[160];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (!*msg && !can)
        msg = flow_reason(c, e, js, reason_buf, sizeof reason_buf);
    if (*msg)
        y += w_notice(c, "message", msg, ICON_WARNING, x, y, w, 2, true) + step;
    char buf[256];
    bool waiting;
    const char *line = heads_line(c, e, buf, sizeof buf, &waiting);
    /* a code to cancel by oneself, or someone to go with: one step further, for who wants */
    const char *more = tr(c, "A code, or someone to go with");
    /* (on two lines when one does not hold the words: a narrow screen standing up) */
    int more_h = w_button_height(c, more, ICON_LOCK, UI_FONT_BOLD, w);
    int bottom = L->h - L->margin - more_h - step;
    int lh = text_line_h(c->ms, UI_FONT_BOLD);
    int ctl_w = 2 * L->btn_h + text_width(c->ms, UI_FONT_HUGE, "88") + L->pad * 2;
    int label_room = w - ctl_w - L->gap;
    bool beside = label_room > 0 && text_fits(c->ms, UI_FONT_BOLD, tr(c, "Adults"), label_room, 3) &&
                  text_fits(c->ms, UI_FONT_BOLD, tr(c, "Children"), label_room, 3);
    bool stacked = beside && (y + 2 * (L->btn_h + step) + lh <= bottom || L->portrait);
    if (!beside && L->portrait) {
        /* a narrow screen and long words: each word over its buttons, one under the other,
         * closer together (as side by side below) so the way to a code keeps its room */
        step = L->gap / 2;
        bottom = L->h - L->margin - more_h - step;
        const char *words[2] = {tr(c, "Adults"), tr(c, "Children")};
        const char *base[2] = {"adults", "children"};
        int value[2] = {fl->adults, fl->children}, min[2] = {1, 0};
        for (int k = 0; k < 2; k++) {
            char lid[32];
            snprintf(lid, sizeof lid, "%s-label", base[k]);
            y += w_text_widget(c, lid, UI_ROLE_TEXT, words[k], UI_FONT_BOLD, COL_TEXT, COL_BG, x,
                               y, w, 2, true);
            w_stepper(c, base[k], "", value[k], min[k], HOUSEHOLD_MAX,
                      c->rtl ? x + w - ctl_w : x, y, ctl_w);
            y += L->btn_h + step;
        }
    } else if (stacked) {
        y += w_stepper(c, "adults", tr(c, "Adults"), fl->adults, 1, HOUSEHOLD_MAX, x, y, w) +
             step;
        y += w_stepper(c, "children", tr(c, "Children"), fl->children, 0, HOUSEHOLD_MAX, x, y,
                       w) +
             step;
    } else {
        /* a low landscape screen: the two side by side, each word over its buttons, so the
         * line of places keeps its room */
        step = L->gap / 2;
        int half = (w - L->gap) / 2;
        const char *words[2] = {tr(c, "Adults"), tr(c, "Children")};
        const char *base[2] = {"adults", "children"};
        int value[2] = {fl->adults, fl->children}, min[2] = {1, 0};
        for (int k = 0; k < 2; k++) {
            int cx = c->rtl ? x + w - (k + 1) * half - k * L->gap : x + k * (half + L->gap);
            char lid[32];
            snprintf(lid, sizeof lid, "%s-label", base[k]);
            w_text_widget(c, lid, UI_ROLE_TEXT, words[k], UI_FONT_BOLD, COL_TEXT, COL_BG, cx, y,
                          half, 1, true);
            w_stepper(c, base[k], "", value[k], min[k], HOUSEHOLD_MAX,
                      c->rtl ? cx + half - ctl_w : cx, y + lh, ctl_w);
        }
        y += lh + L->btn_h + step;
        bottom = L->h - L->margin / 2 - more_h - step;
    }
    /* the heads line whole; that the household goes on the waiting list matters more than
     * the way to a code, which gives it its room on a low screen */
    int text_w = waiting ? w - lh - 3 * L->pad : w;
    int need_lines = 1;
    while (need_lines < 4 && !text_fits(c->ms, UI_FONT_BOLD, line, text_w, need_lines))
        need_lines++;
    int need_h = need_lines * lh + (waiting ? L->pad : 0);
    bool with_more = y + need_h <= bottom;
    if (!with_more)
        bottom = L->h - L->margin / 2;
    if (!*msg && y + need_h <= bottom) {
        if (waiting)
            w_notice(c, "heads", line, ICON_PEOPLE, x, y, w, need_lines, true);
        else
            w_text_widget(c, "heads", UI_ROLE_TEXT, line, UI_FONT_BOLD, COL_TEXT, COL_BG, x, y, w,
                          need_lines, true);
    }
    if (with_more)
        w_button(c, HOUSEHOLD_WIDGETS[HW_MORE].id, more, ICON_LOCK, rect_make(x, bottom + step, w, more_h),
                 BTN_SECONDARY, UI_FONT_BOLD, fl->pending);
}

/* "Birgitte · 2 voksne, 1 barn" */
static void summary_line(const ui_ctx *c, const ui_entry *e, char *out, size_t size)
{
    const ui_flow *fl = &c->u->flow;
    char clean[SIGNUP_NAME_BYTES];
    utf8_clean_line(fl->name, clean, sizeof clean);
    if (counts_household(fl, e)) {
        char adults[48], children[48];
        i18n_format(adults, sizeof adults, i18n_plural(c->cat, "%d adult", "%d adults", fl->adults),
                    fl->adults);
        i18n_format(children, sizeof children,
                    i18n_plural(c->cat, "%d child", "%d children", fl->children), fl->children);
        if (fl->children)
            snprintf(out, size, "%s \xC2\xB7 %s, %s", clean, adults, children);
        else
            snprintf(out, size, "%s \xC2\xB7 %s", clean, adults);
    } else {
        snprintf(out, size, "%s", clean);
    }
}

static void build_extra(ui_ctx *c, const ui_entry *e)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    join_state js = flow_join_state(c->m, e, fl->task_id, c->now);
    bool can = joinable(js, fl->task_id);
    const char *label = fl->pending ? tr(c, "One moment\xE2\x80\xA6") : tr(c, "Confirm");
    /* the title only where it fits on the bar's row: the number pad needs the height */
    const char *title = tr(c, "Almost done");
    if (!w_top_bar_fits(c, title, label, fl->pending ? ICON_CLOCK : ICON_CHECK))
        title = "";
    int top = w_top_bar(c, title, EXTRA_WIDGETS[EW_CONFIRM].id, label, fl->pending ? ICON_CLOCK : ICON_CHECK,
                        fl->pending || !can);

    /* What to say above everything: a problem first, then the waiting list. */
    char msg_buf[256], reason_buf[160], heads_buf[256];
    const char *msg = flow_msg_text(c, msg_buf, sizeof msg_buf);
    if (!*msg && !can)
        msg = flow_reason(c, e, js, reason_buf, sizeof reason_buf);
    bool reminder = false; /* only the waiting list again: said before, and after */
    if (!*msg && fl->task_id == 0) {
        bool waiting = js == JOIN_WAITLIST;
        reminder = fl->msg == MSG_NONE; /* (after a refusal it is the answer, not a reminder) */
        const char *hl = "";
        if (counts_household(fl, e))
            hl = heads_line(c, e, heads_buf, sizeof heads_buf, &waiting);
        if (waiting)
            msg = *hl ? hl : tr(c, "It is full, so you will be on the waiting list");
    }

    int full_w = L->w - 2 * L->margin;
    int y = top + L->gap;
    int pad_w;
    /* landscape: the pad beside, as tall as the screen allows; portrait: under, at least 9 mm */
    int side_max = L->portrait ? 0 : L->h - L->margin - y;
    /* the pad no wider than its keys need, so the words beside it have their room */
    int pad_room = full_w / 2;
    int narrow = 3 * L->key + 2 * (L->gap * 2 / 3);
    if (!L->portrait && narrow < pad_room && L->h < 7 * L->target)
        pad_room = narrow;
    int pad_h = w_numpad(c, 0, 0, L->portrait ? full_w : pad_room, side_max, &pad_w, false);
    int col_w = L->portrait ? full_w : full_w - pad_w - L->margin * 2;
    int x = c->rtl && !L->portrait ? L->margin + pad_w + L->margin * 2 : L->margin;
    int bottom = L->portrait ? L->h - L->margin - pad_h - L->gap : L->h - L->margin;

    char summary[SIGNUP_NAME_BYTES + 128];
    summary_line(c, e, summary, sizeof summary);
    const char *explain = tr(c, "Choose a code if you want to be able to cancel by yourself");
    const char *optional = tr(c, "You can also leave it empty");
    const char *company = tr(c, "I would like someone to go with");
    /* What must be there: the message, the toggle, the code; then, as room allows, the
     * explanation, that the code may be left empty, and who is signing up. */
    int room = bottom - y;
    int tog_h = w_toggle_height(c, company, col_w);
    int code_h = flow_code_boxes(c, x, 0, col_w, false);
    int need = tog_h + L->gap + L->gap / 2 + code_h;
    int msg_lines = 4;
    int msg_h = *msg ? w_notice(c, "message", msg, ICON_WARNING, x, 0, col_w, msg_lines, false) +
                           L->gap
                     : 0;
    if (msg_h && reminder && need + msg_h > room) {
        msg = ""; /* (the button on detail said it, and the answer says the place) */
        msg_h = 0;
    }
    need += msg_h;
    /* an answer that needs the room on a low screen: the toggle waits (its choice kept)
     * until the message has been read and the next tap clears it */
    bool show_toggle = need <= room;
    if (!show_toggle)
        need -= tog_h + L->gap;
    int exp_h = w_text(c, explain, UI_FONT_BODY, COL_TEXT, x, 0, col_w, 3, false);
    bool show_explain = exp_h && text_fits(c->ms, UI_FONT_BODY, explain, col_w, 3) &&
                        need + exp_h + L->gap / 2 <= room;
    if (show_explain)
        need += exp_h + L->gap / 2;
    int opt_h = w_text(c, optional, UI_FONT_SMALL, COL_TEXT, x, 0, col_w, 2, false);
    bool show_optional = text_fits(c->ms, UI_FONT_SMALL, optional, col_w, 2) &&
                         need + opt_h <= room;
    if (show_optional)
        need += opt_h;
    int sum_h = w_text(c, summary, UI_FONT_BOLD, COL_TEXT, x, 0, col_w, 1, false) + L->gap;
    bool show_summary = text_fits(c->ms, UI_FONT_BOLD, summary, col_w, 1) && need + sum_h <= room;

    if (*msg)
        y += w_notice(c, "message", msg, ICON_WARNING, x, y, col_w, msg_lines, true) + L->gap;
    if (show_summary)
        y += w_text_widget(c, "summary", UI_ROLE_TEXT, summary, UI_FONT_BOLD, COL_TEXT, COL_BG, x,
                           y, col_w, 1, true) +
             L->gap;
    if (show_toggle) {
        w_toggle(c, EXTRA_WIDGETS[EW_COMPANY].id, company, fl->company, rect_make(x, y, col_w, tog_h));
        y += tog_h + L->gap;
    }
    if (show_explain)
        y += w_text_widget(c, "code-explain", UI_ROLE_TEXT, explain, UI_FONT_BODY, COL_TEXT,
                           COL_BG, x, y, col_w, 3, true);
    if (show_optional)
        y += w_text(c, optional, UI_FONT_SMALL, COL_TEXT, x, y, col_w, 2, true);
    y += L->gap / 2;
    y += flow_code_boxes(c, x, y, col_w, true) + L->gap;
    flow_numpad(c, top, y, pad_w);
}

/* The first activity after this one that is still ahead and not cancelled. */
static const ui_entry *next_activity(const ui_ctx *c, const ui_entry *e)
{
    for (size_t i = 0; i < c->m->n_entries; i++) {
        const ui_entry *o = &c->m->entries[i];
        if (o == e || strcmp(o->act.uid, e->act.uid) == 0 || o->act.cancelled ||
            ui_entry_over(&o->act, c->now) || o->act.start < e->act.start)
            continue;
        return o;
    }
    return NULL;
}

/* "Dække bord · ca. 30 min." */
static void task_label(const ui_ctx *c, const ui_helper_task *t, char *out, size_t size)
{
    if (t->minutes > 0) {
        char minutes[48];
        i18n_format(minutes, sizeof minutes, tr(c, "about %d min."), t->minutes);
        snprintf(out, size, "%s \xC2\xB7 %s", t->title, minutes);
    } else {
        snprintf(out, size, "%s", t->title);
    }
}

static void build_done(ui_ctx *c, const ui_entry *e)
{
    const ui_layout *L = c->L;
    const ui_flow *fl = &c->u->flow;
    int top = w_top_bar(c, "", DONE_WIDGETS[DW_DONE].id, tr(c, DONE_WIDGETS[DW_DONE].label), ICON_CHECK,
                        false);
    char day[96], clock[32], see[192], big[192];
    ui_day_in_sentence(c, e->act.start, day, sizeof day);
    i18n_clock(c->cat, e->act.start, clock, sizeof clock);
    i18n_format(see, sizeof see, tr(c, "See you %s at %s"), day, clock);
    const char *sub = see;
    if (fl->task_id)
        snprintf(big, sizeof big, "%s", tr(c, "Thank you for giving a hand!"));
    else if (fl->status == SIGNUP_WAITING) {
        i18n_format(big, sizeof big, tr(c, "You are on the waiting list as number %d"),
                    fl->waiting_position);
        sub = tr(c, "If a place frees up, it goes to the first on the list");
    } else
        snprintf(big, sizeof big, "%s", tr(c, "You are signed up!"));

    /* two columns on a landscape screen: the answer and the tasks, the suggestion beside */
    int full_w = L->w - 2 * L->margin;
    bool two = !L->portrait && full_w >= 2 * (int)(340 * L->fs);
    int col_w = two ? (full_w - L->margin) / 2 : full_w;
    int x = c->rtl && two ? L->margin + col_w + L->margin : L->margin;
    int y = top + L->margin;
    int icon = text_line_h(c->ms, UI_FONT_HUGE);
    ui_color mark = fl->status == SIGNUP_WAITING ? COL_FULL : COL_PRIMARY;
    draw_rect(c->f, rect_make(c->rtl ? x + col_w - icon : x, y, icon, icon), mark, icon / 2);
    draw_icon(c->f, rect_make((c->rtl ? x + col_w - icon : x) + icon / 6, y + icon / 6, icon * 2 / 3,
                              icon * 2 / 3),
              fl->status == SIGNUP_WAITING ? ICON_PEOPLE : ICON_CHECK, COL_WHITE);
    int tx = c->rtl ? x : x + icon + L->gap;
    int tw = col_w - icon - L->gap;
    /* the answer first, then the code chosen (once more, to remember), then when or what the
     * waiting list means: on a low screen in the body size, and the last left out rather
     * than the code */
    bool low = L->h < 7 * L->target;
    ui_font big_font = UI_FONT_HUGE;
    if (!text_fits(c->ms, big_font, big, tw, low ? 1 : 2))
        big_font = UI_FONT_TITLE;
    if (!text_fits(c->ms, big_font, big, tw, 3))
        big_font = UI_FONT_BOLD;
    y += w_text_widget(c, "result", UI_ROLE_HEADING, big, big_font, COL_TEXT, COL_BG, tx, y, tw,
                       4, true) +
         L->gap;
    char spaced[16] = "", said[256], masked[256];
    int code_h = 0;
    if (fl->code[0]) {
        for (size_t i = 0; fl->code[i] && i < 4; i++) {
            size_t k = strlen(spaced);
            snprintf(spaced + k, sizeof spaced - k, i ? " %c" : "%c", fl->code[i]);
        }
        const char *fmt = tr(c, "Your code is %s. Remember it to cancel by yourself.");
        i18n_format(said, sizeof said, fmt, spaced);
        i18n_format(masked, sizeof masked, fmt, "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2");
        code_h = w_text(c, said, UI_FONT_BOLD, COL_TEXT, x, y, col_w - L->pad, 0, false) +
                 L->pad + L->gap;
    }
    ui_font sub_font = low ? UI_FONT_BOLD : UI_FONT_TITLE;
    int sh = w_text_whole(c, "result-detail", UI_ROLE_TEXT, sub, sub_font, COL_TEXT, COL_BG, x, y,
                          col_w, 3, L->h - L->margin - y - code_h);
    if (sh)
        y += sh + L->gap;
    if (fl->code[0]) {
        int ch = w_text(c, said, UI_FONT_BOLD, COL_TEXT, x, y, col_w - L->pad, 0, false);
        draw_rect(c->f, rect_make(x, y, col_w, ch + L->pad), COL_NOTICE, L->radius / 2);
        w_text(c, said, UI_FONT_BOLD, COL_TEXT, x + L->pad / 2, y + L->pad / 2, col_w - L->pad, 0,
               true);
        w_register(c, "code-repeat", UI_ROLE_TEXT, masked, rect_make(x, y, col_w, ch + L->pad), 0,
                   COL_TEXT, COL_NOTICE);
        y += ch + L->pad + L->margin;
    }

    /* once: the helper tasks */
    if (fl->offer_tasks && !e->act.cancelled) {
        const char *offer = tr(c, "Would you also like to give a hand?");
        ui_font of = text_fits(c->ms, UI_FONT_TITLE, offer, col_w, 2) ? UI_FONT_TITLE : UI_FONT_BOLD;
        text_block ob;
        text_wrap(&ob, c->ms, of, offer, col_w, 3);
        /* (the offer only with room for its first task under it) */
        char label[TASK_TITLE_MAX + 64];
        int first_h = L->btn_h;
        for (int i = 0; i < e->act.n_tasks && i < ACT_TASKS_MAX; i++) {
            if (ui_task_join_state(c->m, e, i, c->now) == JOIN_OPEN) {
                task_label(c, &e->act.tasks[i], label, sizeof label);
                first_h = w_button_height(c, label, ICON_HELP_HAND, UI_FONT_BOLD, col_w);
                break;
            }
        }
        if (!ob.cut && y + ob.h + L->gap + first_h <= L->h - L->margin) {
            y += w_text_widget(c, "offer", UI_ROLE_HEADING, offer, of, COL_TEXT, COL_BG, x, y,
                               col_w, 3, true) +
                 L->gap;
            char id[UI_ID_MAX];
            for (int i = 0; i < e->act.n_tasks && i < ACT_TASKS_MAX; i++) {
                if (ui_task_join_state(c->m, e, i, c->now) != JOIN_OPEN)
                    continue;
                /* its words on two lines when one does not hold them (standing up) */
                task_label(c, &e->act.tasks[i], label, sizeof label);
                int th = w_button_height(c, label, ICON_HELP_HAND, UI_FONT_BOLD, col_w);
                if (y + th > L->h - L->margin)
                    break;
                char tid[24];
                snprintf(tid, sizeof tid, "%lld", (long long)e->act.tasks[i].id);
                ui_widget_id(&DONE_WIDGETS[DW_TASK], tid, id, sizeof id);
                w_button(c, id, label, ICON_HELP_HAND, rect_make(x, y, col_w, th), BTN_SECONDARY,
                         UI_FONT_BOLD, false);
                y += th + L->gap;
            }
            y += L->margin;
        }
    }

    /* a suggestion: what is on next */
    const ui_entry *next = next_activity(c, e);
    if (next) {
        int sx = two ? (c->rtl ? L->margin : L->margin + col_w + L->margin) : L->margin;
        int sy = two ? top + L->margin : y;
        /* as a tile of the week, with its day: the whole card is one tap further */
        int lh = text_line_h(c->ms, UI_FONT_BOLD);
        int ch = card_tile(c, next, sx, 0, col_w, 0, false);
        if (sy + lh + L->gap / 2 + ch <= L->h - L->margin / 2) {
            sy += w_text_widget(c, "suggestion", UI_ROLE_HEADING, tr(c, "Maybe this too:"),
                                UI_FONT_BOLD, COL_TEXT, COL_BG, sx, sy, col_w, 1, true) +
                  L->gap / 2;
            card_tile(c, next, sx, sy, col_w, ch, true);
        }
    }
}

static void build(ui_ctx *c)
{
    w_background(c);
    const ui_entry *e = flow_entry(c);
    if (!e)
        return;
    switch (c->u->screen) {
    case SCR_JOIN_NAME:
        build_name(c, e);
        break;
    case SCR_JOIN_HOUSEHOLD:
        build_household(c, e);
        break;
    case SCR_JOIN_EXTRA:
        build_extra(c, e);
        break;
    case SCR_JOIN_DONE:
        build_done(c, e);
        break;
    default:
        break;
    }
}

static void clamp(int *v, int lo, int hi)
{
    if (*v < lo)
        *v = lo;
    if (*v > hi)
        *v = hi;
}

/* Bekræft, on join-household or join-extra: the join goes to the app (or the screen says
 * why not). */
static void join_confirm(ui *u, const ui_model *m, const ui_entry *e, int64_t now_ms)
{
    ui_flow *fl = &u->flow;
    join_state js = flow_join_state(m, e, fl->task_id, now_ms / 1000);
    if (!joinable(js, fl->task_id)) {
        fl->msg = MSG_WHY_CLOSED;
        return;
    }
    size_t n = strlen(fl->code);
    if (n != 0 && n != CODE_DIGITS) {
        fl->msg = MSG_CODE_SHORT;
        return;
    }
    if (!flow_name_ok(u)) { /* cannot happen through the screens; said anyway */
        fl->msg = MSG_NAME_EMPTY;
        ui_goto(u, SCR_JOIN_NAME, now_ms);
        return;
    }
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_JOIN;
    snprintf(a.uid, sizeof a.uid, "%s", fl->uid);
    a.task_id = fl->task_id;
    utf8_clean_line(fl->name, a.name, sizeof a.name);
    bool household = counts_household(fl, e);
    a.adults = household ? fl->adults : 1;
    a.children = household ? fl->children : 0;
    a.wants_company = fl->company;
    snprintf(a.code, sizeof a.code, "%s", fl->code);
    fl->msg = MSG_NONE;
    ui_flow_queue(u, &a);
    ui_wipe(&a, sizeof a);
}

/* ---- what a tap does */

static void tap_name_next(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    const ui_entry *e = ui_entry_find(m, u->flow.uid);
    flow_name_next(u, counts_household(&u->flow, e) ? SCR_JOIN_HOUSEHOLD : SCR_JOIN_EXTRA,
                   now_ms);
}

static void tap_confirm(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    join_confirm(u, m, ui_entry_find(m, u->flow.uid), now_ms);
}

static void tap_household_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_goto(u, SCR_JOIN_NAME, now_ms);
}

static void tap_more(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_goto(u, SCR_JOIN_EXTRA, now_ms);
}

static void step(int *v, int by, int lo)
{
    *v += by;
    clamp(v, lo, HOUSEHOLD_MAX);
}

static void tap_adults_fewer(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    step(&u->flow.adults, -1, 1);
}

static void tap_adults_more(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    step(&u->flow.adults, +1, 1);
}

static void tap_children_fewer(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    step(&u->flow.children, -1, 0);
}

static void tap_children_more(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    step(&u->flow.children, +1, 0);
}

static void tap_extra_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    ui_flow *fl = &u->flow;
    fl->msg = MSG_NONE;
    ui_goto(u, counts_household(fl, ui_entry_find(m, fl->uid)) ? SCR_JOIN_HOUSEHOLD
                                                                : SCR_JOIN_NAME,
            now_ms);
}

static void tap_company(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    u->flow.company = !u->flow.company;
}

static void tap_done_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    u->scroll[SCR_DETAIL] = 0;
    ui_goto(u, SCR_DETAIL, now_ms);
}

static void tap_done(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_HOME, now_ms);
}

/* a helper task offered after the join: the same person helps; the name stays, the rest is
 * asked again */
static void tap_task(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    ui_flow *fl = &u->flow;
    const ui_entry *e = ui_entry_find(m, fl->uid);
    long long tid = 0;
    int index = -1;
    if (sscanf(arg, "%lld", &tid) != 1 || !ui_task_find(&e->act, tid, &index) ||
        ui_task_join_state(m, e, index, now_ms / 1000) != JOIN_OPEN)
        return;
    char name[SIGNUP_NAME_BYTES];
    memcpy(name, fl->name, sizeof name);
    ui_flow_start(u, e, tid, now_ms);
    memcpy(fl->name, name, sizeof name);
    ui_wipe(name, sizeof name);
}

/* the next activity, as a card */
static void tap_card(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    const ui_entry *o = ui_entry_find(m, arg);
    ui_flow_wipe(u);
    if (!o) {
        ui_goto(u, SCR_HOME, now_ms);
        return;
    }
    ui_open_detail(u, o, SCR_HOME, now_ms);
}

/* The app's answer to the join: join-done, or why not (what was typed is kept). */
void ui_join_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    ui_flow *fl = &u->flow;
    if (r->status == VM_OK) {
        const ui_entry *e = ui_entry_find(m, fl->uid);
        fl->ok = true;
        fl->status = r->signup_status;
        fl->waiting_position = r->waiting_position;
        fl->msg = MSG_NONE;
        fl->offer_tasks = fl->task_id == 0 && e && !e->act.cancelled &&
                          ui_free_helper_slots(m, e, now_ms / 1000) > 0;
        /* done: the code stays for join-done to say it once more (it is wiped with the
         * flow when the screen is left); the name only for the helper tasks offered */
        if (!fl->offer_tasks)
            ui_wipe(fl->name, sizeof fl->name);
        ui_goto(u, SCR_JOIN_DONE, now_ms);
    } else {
        /* refused (filled or cancelled meanwhile, ...): say why, keep what was typed */
        fl->msg = MSG_APP;
        snprintf(fl->app_msg, sizeof fl->app_msg, "%s", r->message);
        if (!fl->app_msg[0])
            fl->msg = MSG_WHY_CLOSED;
    }
}

static const ui_widget_def NAME_WIDGETS[] = {
    {"back", flow_tap_leave, NULL},
    {"next", tap_name_next, NULL},
    {KB_KEY, flow_tap_name_key, NULL},
};

static const ui_widget_def HOUSEHOLD_WIDGETS[HW_COUNT] = {
    [HW_BACK] = {"back", tap_household_back, NULL},
    [HW_CONFIRM] = {"confirm", tap_confirm, NULL},
    [HW_MORE] = {"more", tap_more, NULL},
    [HW_ADULTS_FEWER] = {"adults-", tap_adults_fewer, NULL},
    [HW_ADULTS_MORE] = {"adults+", tap_adults_more, NULL},
    [HW_CHILDREN_FEWER] = {"children-", tap_children_fewer, NULL},
    [HW_CHILDREN_MORE] = {"children+", tap_children_more, NULL},
};

static const ui_widget_def EXTRA_WIDGETS[EW_COUNT] = {
    [EW_BACK] = {"back", tap_extra_back, NULL},
    [EW_CONFIRM] = {"confirm", tap_confirm, NULL},
    [EW_COMPANY] = {"company", tap_company, NULL},
    [EW_KEY] = {KB_KEY, flow_tap_code_key, NULL},
    [EW_DIGIT] = {KB_DIGIT, flow_tap_code_digit, NULL},
};

static const ui_widget_def DONE_WIDGETS[DW_COUNT] = {
    [DW_BACK] = {"back", tap_done_back, NULL},
    [DW_DONE] = {"done", tap_done, N_("Done")},
    [DW_TASK] = {"task:", tap_task, NULL},
    [DW_CARD] = {"card:", tap_card, NULL}, /* card.c draws it */
};

const ui_screen_def screen_join_name = {
    .name = "join-name",
    .build = build,
    .widgets = UI_WIDGETS(NAME_WIDGETS),
    .text = flow_text_name,
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_join_household = {
    .name = "join-household",
    .build = build,
    .widgets = UI_WIDGETS(HOUSEHOLD_WIDGETS),
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_join_extra = {
    .name = "join-extra",
    .build = build,
    .widgets = UI_WIDGETS(EXTRA_WIDGETS),
    .text = flow_text_code,
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};

const ui_screen_def screen_join_done = {
    .name = "join-done",
    .build = build,
    .widgets = UI_WIDGETS(DONE_WIDGETS),
    .may_tap = flow_may_tap,
    .flags = UI_SCREEN_FLOW,
};
