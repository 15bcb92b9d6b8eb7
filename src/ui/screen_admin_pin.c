/* admin-pin: the staff PIN on a number pad [confirm]; the app checks it and rate-limits
 * wrong ones. Back goes home. */
#include <stdio.h>
#include <string.h>

#include "ui/admin.h"
#include "ui/flow.h"
#include "ui/keyboard.h"

#define PIN_MIN 4
#define PIN_MAX 8

/* what a tap on admin-pin reaches (WIDGETS, at the end); the pad's digit:0..9 and
 * key:backspace are drawn by flow_numpad */
enum { W_BACK, W_DIGIT, W_KEY, W_CONFIRM, W_COUNT };
static const ui_widget_def WIDGETS[W_COUNT];

static void build(ui_ctx *c)
{
    w_background(c);
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    const char *label = ad->pending ? tr_staff(c, "One moment\xE2\x80\xA6") : tr_staff(c, WIDGETS[W_CONFIRM].label);
    const char *title = tr_staff(c, "Staff PIN");
    if (!w_top_bar_fits(c, title, label, ad->pending ? ICON_CLOCK : ICON_LOCK))
        title = ""; /* the number pad needs the height */
    int top = w_top_bar(c, title, WIDGETS[W_CONFIRM].id, label, ad->pending ? ICON_CLOCK : ICON_LOCK,
                        ad->pending);
    int full_w = L->w - 2 * L->margin;
    int y = top + L->gap;
    int pad_w;
    int pad_room = full_w / 2, narrow = 3 * L->key + 2 * (L->gap * 2 / 3);
    if (!L->portrait && narrow < pad_room && L->h < 7 * L->target)
        pad_room = narrow; /* a low screen: the words beside the pad get the room */
    w_numpad(c, 0, 0, L->portrait ? full_w : pad_room, L->portrait ? 0 : L->h - L->margin - y,
             &pad_w, false);
    int col_w = L->portrait ? full_w : full_w - pad_w - L->margin * 2;
    int x = c->rtl && !L->portrait ? L->margin + pad_w + L->margin * 2 : L->margin;
    int field_h = text_line_h(c->ms, UI_FONT_HUGE) + L->pad;
    int bottom = L->portrait ? L->h - L->margin - 4 * L->key - 3 * (L->gap * 2 / 3) - L->gap
                             : L->h - L->margin;
    if (ad->msg[0])
        y += w_notice(c, "message", ad->msg, ICON_WARNING, x, y, col_w, 0, true) + L->gap;
    int eh = w_text_whole(c, "pin-explain", UI_ROLE_TEXT,
                          tr_staff(c, "For the staff: type the PIN to see the kiosk's settings"),
                          UI_FONT_BODY, COL_TEXT, COL_BG, x, y, col_w, 4,
                          bottom - y - field_h - L->gap);
    if (eh)
        y += eh + L->gap;
    /* the PIN as bullets in a field */
    size_t n = strlen(ad->pin);
    char bullets[PIN_MAX * 4 + 1] = "";
    for (size_t i = 0; i < n && i < PIN_MAX; i++)
        memcpy(bullets + i * 3, "\xE2\x80\xA2", 4);
    int lh = text_line_h(c->ms, UI_FONT_HUGE);
    int fw = col_w < (int)(360 * L->fs) ? col_w : (int)(360 * L->fs);
    ui_rect r = rect_make(c->rtl ? x + col_w - fw : x, y, fw, lh + L->pad);
    draw_rect(c->f, r, COL_CARD, L->radius / 2);
    draw_frame(c->f, r, COL_TEXT, L->border, L->radius / 2);
    if (n) {
        int bw = text_width(c->ms, UI_FONT_HUGE, bullets);
        draw_text(c->f, r.x + (r.w - bw) / 2, r.y + L->pad / 2, bw, lh, UI_FONT_HUGE, COL_TEXT,
                  bullets);
    }
    ui_widget *wd = ui_frame_widget(c->f, "pin", UI_ROLE_INPUT, bullets, r, 0);
    if (wd) {
        wd->fg = COL_TEXT;
        wd->bg = COL_CARD;
    }
    y += r.h + L->gap;
    flow_numpad(c, top, y, pad_w);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_go_home(u, now_ms);
}

static void tap_digit(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)now_ms;
    ui_admin_state *ad = &u->admin;
    size_t n = strlen(ad->pin);
    if (arg[0] < '0' || arg[0] > '9' || arg[1])
        return;
    if (n < PIN_MAX) {
        ad->pin[n] = arg[0];
        ad->pin[n + 1] = '\0';
    }
    ad->msg[0] = '\0';
}

static void tap_key(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)now_ms;
    ui_admin_state *ad = &u->admin;
    size_t n = strlen(ad->pin);
    if (strcmp(arg, KB_BACKSPACE) != 0)
        return;
    if (n)
        ad->pin[n - 1] = '\0';
    ad->msg[0] = '\0';
}

static void tap_confirm(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg, (void)now_ms;
    ui_admin_state *ad = &u->admin;
    if (strlen(ad->pin) < PIN_MIN) {
        ui_admin_say(u, i18n_text_ctx(ui_admin_catalog(u, m), "staff", "The PIN has 4 to 8 digits"),
                     false);
        return;
    }
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_ADMIN_PIN;
    snprintf(a.pin, sizeof a.pin, "%s", ad->pin);
    ui_wipe(ad->pin, sizeof ad->pin);
    ui_admin_queue(u, &a);
    ui_wipe(&a, sizeof a);
}

/* digits from a physical keyboard are taps on the pad's */
static void text_digits(ui *u, const ui_model *m, const char *text, int64_t now_ms)
{
    if (u->admin.pending)
        return;
    for (const char *p = text; *p; p++) {
        char d[2] = {*p, '\0'};
        if (*p >= '0' && *p <= '9')
            tap_digit(u, m, d, now_ms);
    }
}

/* while the app checks the PIN, nothing else is typed */
static bool may_tap(ui *u, const ui_model *m, int64_t now_ms)
{
    (void)m, (void)now_ms;
    return !u->admin.pending;
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_DIGIT] = {KB_DIGIT, tap_digit, NULL},
    [W_KEY] = {KB_KEY, tap_key, NULL},
    [W_CONFIRM] = {"confirm", tap_confirm, STAFF_("Open")},
};

const ui_screen_def screen_admin_pin = {
    .name = "admin-pin",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .text = text_digits,
    .may_tap = may_tap,
};
