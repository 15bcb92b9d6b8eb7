/* admin-checkin: "Hvem kom?", at the activity, behind the PIN. Big counters for who came
 * without signing up (children, adults, 65+), then each sign-up as a row to tick when that
 * person came. Every change goes to the app at once (UI_ACTION_ADMIN_SET_WALKINS,
 * UI_ACTION_ADMIN_SET_CAME) and the screen shows what the app has stored, so a pulled plug
 * loses at most the last tap. The statistics on the stick count them, never the names. */
#include <stdio.h>
#include <string.h>

#include "ui/admin.h"

/* what a tap on admin-checkin reaches (WIDGETS, at the end); each counter of walk-ins is a
 * pair, fewer and more, in the order of WALKIN_* */
enum { WALKIN_CHILDREN, WALKIN_ADULTS, WALKIN_SENIORS, WALKIN_KINDS };
enum {
    W_BACK,
    W_SCROLL_UP,
    W_SCROLL_DOWN,
    W_CAME,
    W_CHILDREN_FEWER,
    W_CHILDREN_MORE,
    W_ADULTS_FEWER,
    W_ADULTS_MORE,
    W_SENIORS_FEWER,
    W_SENIORS_MORE,
    W_COUNT
};
static const ui_widget_def WIDGETS[W_COUNT];

#define COUNT_MAX 9999

/* The model's sign-ups, when they are those of `uid`. */
static bool signups_of(const ui_model *m, const char *uid, const signup **out, size_t *n)
{
    const ui_admin_info *ai = m->admin;
    *out = NULL;
    *n = 0;
    if (!ai || !ai->signups_uid || strcmp(ai->signups_uid, uid) != 0)
        return false;
    *out = ai->signups;
    *n = ai->signups ? ai->n_signups : 0;
    return true;
}

/* "Birgitte · 2 voksne, 1 barn" (a helper: "Giv en hånd: Dække bord") */
static void person_line(const ui_ctx *c, const ui_activity *a, const signup *s, char *out,
                        size_t size)
{
    char part[160] = "";
    if (s->task_id) {
        const ui_helper_task *t = ui_task_find(a, s->task_id, NULL);
        i18n_format(part, sizeof part, tr(c, "Give a hand: %s"), t ? t->title : "?");
    } else if (a->count_household) {
        char ad[48], ch[48];
        i18n_format(ad, sizeof ad, i18n_plural(c->cat, "%d adult", "%d adults", s->adults),
                    s->adults);
        i18n_format(ch, sizeof ch, i18n_plural(c->cat, "%d child", "%d children", s->children),
                    s->children);
        snprintf(part, sizeof part, s->children ? "%s, %s" : "%s", ad, ch);
    }
    snprintf(out, size, "%s%s%s", s->name[0] ? s->name : "\xE2\x80\x94", *part ? " \xC2\xB7 " : "",
             part);
}

/* A big counter: the words, then [-] n [+], the number as wide as four digits. Returns its
 * height. */
static int counter(ui_ctx *c, int which, int value, int x, int y, int w, bool draw)
{
    const ui_widget_def *fewer = &WIDGETS[W_CHILDREN_FEWER + 2 * which];
    const ui_widget_def *more = &WIDGETS[W_CHILDREN_MORE + 2 * which];
    const char *label = tr_staff(c, fewer->label);
    const ui_layout *L = c->L;
    int b = L->btn_h;
    int num_w = text_width(c->ms, UI_FONT_HUGE, "8888") + L->pad;
    int ctl_w = 2 * b + num_w;
    int label_w = w - ctl_w - L->gap;
    bool under = !text_fits(c->ms, UI_FONT_TITLE, label, label_w, 1); /* a narrow screen */
    if (under)
        label_w = w;
    int lh = w_text(c, label, UI_FONT_TITLE, COL_TEXT, 0, 0, label_w, 0, false);
    int h = under ? lh + L->gap / 2 + b : (lh > b ? lh : b);
    if (!draw)
        return h;
    int ly = under ? y : y + (h - lh) / 2;
    int lx = c->rtl && !under ? x + ctl_w + L->gap : x;
    w_text(c, label, UI_FONT_TITLE, COL_TEXT, lx, ly, label_w, 0, true);
    char id[64];
    /* the words are the counter's name: walkin-children-label */
    snprintf(id, sizeof id, "%.*s-label", (int)strlen(fewer->id) - 1, fewer->id);
    w_register(c, id, UI_ROLE_TEXT, label, rect_make(lx, ly, label_w, lh), 0, COL_TEXT, COL_BG);
    int cy = under ? y + lh + L->gap / 2 : y + (h - b) / 2;
    int cx = c->rtl ? x : x + w - ctl_w;
    w_icon_button(c, fewer->id, tr(c, "Fewer"), ICON_MINUS, rect_make(c->rtl ? cx + b + num_w : cx, cy, b, b),
                  BTN_SECONDARY, value <= 0);
    w_icon_button(c, more->id, tr(c, "More"), ICON_PLUS, rect_make(c->rtl ? cx : cx + b + num_w, cy, b, b),
                  BTN_SECONDARY, value >= COUNT_MAX);
    char num[16];
    snprintf(num, sizeof num, "%d", value);
    int nw = text_width(c->ms, UI_FONT_HUGE, num), nh = text_line_h(c->ms, UI_FONT_HUGE);
    draw_text(c->f, cx + b + (num_w - nw) / 2, cy + (b - nh) / 2, nw, nh, UI_FONT_HUGE, COL_TEXT,
              num);
    snprintf(id, sizeof id, "%.*s", (int)strlen(fewer->id) - 1, fewer->id); /* the count */
    w_register(c, id, UI_ROLE_TEXT, num, rect_make(cx + b, cy, num_w, b), 0, COL_TEXT, COL_BG);
    return h;
}

/* Everything under the bar, at y (scrolled); returns the height. */
static int content(ui_ctx *c, const ui_entry *e, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_admin_info *ai = c->m->admin;
    int y0 = y;
    char when[96], head[ACT_TITLE_MAX + 120];
    i18n_when(c->cat, e->act.start, c->now, when, sizeof when);
    snprintf(head, sizeof head, "%s \xC2\xB7 %s", e->act.title, when);
    y += w_text_widget(c, "heading", UI_ROLE_HEADING, head, UI_FONT_BOLD, COL_TEXT, COL_BG, x, y,
                       w, 0, draw) +
         L->gap;
    y += w_text_widget(c, "walkins-heading", UI_ROLE_HEADING,
                       tr_staff(c, "Came without signing up"), UI_FONT_TITLE, COL_TEXT, COL_BG, x,
                       y, w, 0, draw) +
         L->gap / 2;
    int counts[3] = {ai ? ai->walkin_children : 0, ai ? ai->walkin_adults : 0,
                     ai ? ai->walkin_seniors : 0};
    for (int i = 0; i < WALKIN_KINDS; i++)
        y += counter(c, i, counts[i], x, y, w, draw) + L->gap;

    const signup *list;
    size_t n = 0;
    signups_of(c->m, e->act.uid, &list, &n);
    int came = 0, live = 0;
    for (size_t i = 0; i < n; i++)
        if (list[i].status != SIGNUP_CANCELLED) {
            live++;
            came += list[i].came;
        }
    char sum[160];
    i18n_format(sum, sizeof sum,
                i18n_plural_ctx(c->cat, "staff", "Signed up: %d of %d came",
                                "Signed up: %d of %d came", live),
                came, live);
    y += L->gap;
    y += w_text_widget(c, "came-summary", UI_ROLE_HEADING, sum, UI_FONT_TITLE, COL_TEXT, COL_BG,
                       x, y, w, 0, draw) +
         L->gap / 2;
    char id[UI_ID_MAX + SIGNUP_ID_MAX], label[SIGNUP_NAME_BYTES + 200];
    for (size_t i = 0; i < n; i++) {
        const signup *s = &list[i];
        if (s->status == SIGNUP_CANCELLED)
            continue;
        person_line(c, &e->act, s, label, sizeof label);
        int h = w_toggle_height(c, label, w);
        if (draw) {
            ui_widget_id(&WIDGETS[W_CAME], s->id, id, sizeof id);
            w_toggle(c, id, label, s->came, rect_make(x, y, w, h));
        }
        y += h + L->gap / 2;
    }
    return y - y0 + L->margin;
}

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    ui_admin_state *ad = &c->u->admin;
    w_background(c);
    const ui_entry *e = ad->uid[0] ? ui_entry_find(c->m, ad->uid) : NULL;
    int top = w_top_bar(c, tr_staff(c, "Who came?"), NULL, NULL, ICON_NONE, false);
    if (!e)
        return;
    int x = L->margin, w = L->w - 2 * L->margin, y = top + L->gap;
    const char *msg = ad->msg;
    if (msg && *msg && !ad->msg_ok)
        y += w_notice(c, "message", msg, ICON_WARNING, x, y, w, 0, true) + L->gap;
    ui_rect view = rect_make(x, y, w, L->h - y);
    int sb = L->btn_h;
    int ch = content(c, e, 0, 0, w, false);
    bool need = ch > view.h;
    ui_rect up = {0}, down = {0};
    if (need) {
        if (!L->portrait) {
            view.w -= sb + L->gap;
            if (c->rtl)
                view.x += sb + L->gap;
            ch = content(c, e, 0, 0, view.w, false);
            int bh = (view.h - L->margin - L->gap) / 2;
            if (bh > sb * 2)
                bh = sb * 2;
            if (bh < sb)
                bh = sb;
            int bx = c->rtl ? L->margin : L->w - L->margin - sb;
            up = rect_make(bx, view.y, sb, bh);
            down = rect_make(bx, L->h - L->margin - bh, sb, bh);
        } else {
            view.h -= sb + L->margin;
            int bw = (w - L->gap) / 2;
            up = rect_make(x, L->h - L->margin - sb, bw, sb);
            down = rect_make(x + bw + L->gap, L->h - L->margin - sb, bw, sb);
        }
    }
    int scroll_max;
    int scroll = w_scroll_begin(c, SCR_ADMIN_CHECKIN, view, ch, COL_BG, &scroll_max);
    content(c, e, view.x, view.y - scroll, view.w, true);
    w_scroll_end(c);
    if (need)
        w_scroll_buttons(c, up, down, scroll, scroll_max);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->admin.msg[0] = '\0';
    ui_goto(u, SCR_ADMIN_SIGNUPS, now_ms);
}

static void send(ui *u, ui_action *a)
{
    u->admin.pending = true;
    u->admin.pending_kind = a->kind;
    ui_queue_action(u, a);
}

static bool ready(const ui *u, const ui_model *m)
{
    return !u->admin.pending && m->admin && u->admin.uid[0];
}

static void tap_came(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)now_ms;
    ui_admin_state *ad = &u->admin;
    const signup *list;
    size_t n;
    if (!ready(u, m) || !signups_of(m, ad->uid, &list, &n))
        return;
    ui_action a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "%s", ad->uid);
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].id, arg) == 0 && list[i].status != SIGNUP_CANCELLED) {
            a.kind = UI_ACTION_ADMIN_SET_CAME;
            snprintf(a.signup_id, sizeof a.signup_id, "%s", list[i].id);
            a.came = !list[i].came;
        }
    if (a.kind)
        send(u, &a);
}

/* One more or one fewer of the walk-ins `which` (WALKIN_*). */
static void count(ui *u, const ui_model *m, int which, int step)
{
    if (!ready(u, m))
        return;
    const ui_admin_info *ai = m->admin;
    int v[WALKIN_KINDS] = {ai->walkin_children, ai->walkin_adults, ai->walkin_seniors};
    if ((step > 0 && v[which] >= COUNT_MAX) || (step < 0 && v[which] <= 0))
        return;
    v[which] += step;
    ui_action a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "%s", u->admin.uid);
    a.kind = UI_ACTION_ADMIN_SET_WALKINS;
    a.children = v[WALKIN_CHILDREN];
    a.adults = v[WALKIN_ADULTS];
    a.seniors = v[WALKIN_SENIORS];
    send(u, &a);
}

#define COUNTER_TAPS(name, which)                                                              \
    static void tap_##name##_fewer(ui *u, const ui_model *m, const char *arg, int64_t now_ms) \
    {                                                                                          \
        (void)arg, (void)now_ms;                                                               \
        count(u, m, which, -1);                                                                \
    }                                                                                          \
    static void tap_##name##_more(ui *u, const ui_model *m, const char *arg, int64_t now_ms)  \
    {                                                                                          \
        (void)arg, (void)now_ms;                                                               \
        count(u, m, which, +1);                                                                \
    }
COUNTER_TAPS(children, WALKIN_CHILDREN)
COUNTER_TAPS(adults, WALKIN_ADULTS)
COUNTER_TAPS(seniors, WALKIN_SENIORS)

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_SCROLL_UP] = {"scroll-up", ui_tap_scroll_up, NULL},
    [W_SCROLL_DOWN] = {"scroll-down", ui_tap_scroll_down, NULL},
    [W_CAME] = {"came:", tap_came, NULL},
    [W_CHILDREN_FEWER] = {"walkin-children-", tap_children_fewer, STAFF_("Children")},
    [W_CHILDREN_MORE] = {"walkin-children+", tap_children_more, STAFF_("Children")},
    [W_ADULTS_FEWER] = {"walkin-adults-", tap_adults_fewer, STAFF_("Adults")},
    [W_ADULTS_MORE] = {"walkin-adults+", tap_adults_more, STAFF_("Adults")},
    [W_SENIORS_FEWER] = {"walkin-seniors-", tap_seniors_fewer, STAFF_("65 and over")},
    [W_SENIORS_MORE] = {"walkin-seniors+", tap_seniors_more, STAFF_("65 and over")},
};

const ui_screen_def screen_admin_checkin = {
    .name = "admin-checkin",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .may_tap = ui_admin_may_tap,
    .flags = UI_SCREEN_SCROLLS,
};
