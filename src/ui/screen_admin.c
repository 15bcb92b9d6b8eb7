/* admin: version, kiosk id, database size, last sync, clock, config problems, the stick;
 * the staff's actions: the sticks, export now, sign-ups (the way forward), touch test,
 * restart, and forgetting a stick's time that is wrong. */
#include <stdio.h>
#include <string.h>

#include "ui/admin.h"

/* what a tap on the admin screen reaches (WIDGETS, at the end) */
enum {
    W_BACK,
    W_SIGNUPS,
    W_STICKS,
    W_EXPORT,
    W_TEST_PATTERN,
    W_RESTART,
    W_CLOCK_RESET,
    W_SCROLL_UP,
    W_SCROLL_DOWN,
    W_COUNT
};
static const ui_widget_def WIDGETS[W_COUNT];

static void size_text(const ui_ctx *c, int64_t bytes, char *out, size_t size)
{
    if (bytes < 0) {
        snprintf(out, size, "%s", tr_staff(c, "unknown"));
    } else if (bytes < 1024 * 1024) {
        i18n_format(out, size, tr_staff(c, "%d kB"), (int)((bytes + 1023) / 1024));
    } else {
        int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        i18n_format(out, size, tr_staff(c, "%d.%d MB"), (int)(tenths / 10), (int)(tenths % 10));
    }
}

static void clock_text(const ui_ctx *c, const ui_admin_info *ai, char *out, size_t size, bool *warn)
{
    char floor[96] = "";
    ui_clock_status st = ai ? ai->clock_status : UI_CLOCK_OK;
    if (ai && ai->clock_floor > 0) /* in full: "today" is no help when today may be wrong */
        ui_admin_floor_text(c, ai->clock_floor, floor, sizeof floor);
    *warn = st != UI_CLOCK_OK || c->m->clock_suspect;
    if (st == UI_CLOCK_BEHIND_IMPORT) {
        /* with a synced folder the time may have come from the folder's time.txt as well */
        const char *why =
            ai->sync_folder
                ? STAFF_("Wrong: the clock is behind the time a USB stick or the synced folder "
                         "brought (%s). The kiosk counts from that time. Set the clock, or fit a "
                         "clock battery (RTC).")
                : STAFF_("Wrong: the clock is behind the time a USB stick brought (%s). The kiosk "
                         "counts from that time. Set the clock, or fit a clock battery (RTC).");
        i18n_format(out, size, tr_staff(c, why), floor);
    } else if (st == UI_CLOCK_BEFORE_BUILD) {
        i18n_format(out, size,
                    tr_staff(c,
                             "Wrong: the clock is before the day this kiosk was made (%s). Set the "
                             "clock, or fit a clock battery (RTC)."),
                    floor);
    } else if (c->m->clock_suspect) {
        snprintf(out, size, "%s",
                 tr_staff(c, "The clock may be wrong: check it against a phone, and fit a clock "
                             "battery (RTC) if it keeps losing time."));
    } else {
        snprintf(out, size, "%s", tr_staff(c, "OK"));
    }
}

/* One fact: "Label" in bold beside its value, or above it when the card is narrow. Returns
 * the height. */
static int fact(ui_ctx *c, const char *id, const char *label, const char *value, bool warn, int x,
                int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    int lw = (int)(230 * L->fs);
    bool stacked = w < 3 * lw;
    if (stacked)
        lw = w;
    int icon = warn ? text_line_h(c->ms, UI_FONT_BODY) : 0;
    int lx = c->rtl ? x + w - lw : x;
    int lh = w_text(c, label, UI_FONT_BOLD, COL_TEXT, lx, y, lw, 0, draw);
    int vy = stacked ? y + lh : y;
    int vw = stacked ? w : w - lw - L->gap;
    int vx = c->rtl || stacked ? x : x + lw + L->gap;
    int ix = c->rtl ? vx + vw - icon : vx;
    if (icon) {
        if (!c->rtl)
            vx += icon + L->gap / 2;
        vw -= icon + L->gap / 2;
    }
    int vh = w_text(c, value, UI_FONT_BODY, COL_TEXT, vx, vy, vw, 0, draw);
    int h = stacked ? lh + vh : (lh > vh ? lh : vh);
    if (draw) {
        if (icon)
            draw_icon(c->f, rect_make(ix, vy, icon, icon), ICON_WARNING, COL_FULL);
        char full[1200];
        snprintf(full, sizeof full, "%s: %s", label, value);
        w_register(c, id, UI_ROLE_TEXT, full, rect_make(x, y, w, h), 0, COL_TEXT, COL_CARD);
    }
    return h + L->gap;
}

/* The staff's answer (a notice; calm green when it went well), or why the stick buttons are
 * grey, over the facts. Returns the height with the gap under it. */
static int admin_words(ui_ctx *c, const char *words, bool is_msg, bool ok, bool pending, int x,
                       int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    if (is_msg && ok) {
        int h = w_text(c, words, UI_FONT_BOLD, COL_TEXT, 0, 0, w - 2 * L->pad, 0, false) + L->pad;
        if (draw) {
            draw_rect(c->f, rect_make(x, y, w, h), COL_OK_NOTICE, L->radius / 2);
            w_text(c, words, UI_FONT_BOLD, COL_TEXT, x + L->pad, y + L->pad / 2, w - 2 * L->pad,
                   0, true);
            w_register(c, "message", UI_ROLE_TEXT, words, rect_make(x, y, w, h), 0, COL_TEXT,
                       COL_OK_NOTICE);
        }
        return h + L->gap;
    }
    if (is_msg)
        return w_notice(c, "message", words, pending ? ICON_CLOCK : ICON_WARNING, x, y, w, 0,
                        draw) +
               L->gap;
    return w_text_widget(c, "stick-reason", UI_ROLE_TEXT, words, UI_FONT_BOLD, COL_TEXT, COL_BG,
                         x, y, w, 0, draw) +
           L->gap / 2;
}

/* The facts, in the scrolled card. Returns the height. */
static int facts(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_admin_info *ai = c->m->admin;
    char buf[1024], when[96];
    int y0 = y;
    x += L->pad;
    w -= 2 * L->pad;
    y += L->pad;
    const char *dots = "\xE2\x80\xA6";
    bool warn;
    clock_text(c, ai, buf, sizeof buf, &warn);
    y += fact(c, "info:clock", tr_staff(c, "Clock"), buf, warn, x, y, w, draw);
    if (ai && ai->clock_status == UI_CLOCK_BEHIND_IMPORT) {
        /* The time came from a staff stick; when it is wrong (a typo in time.txt), the staff
         * can undo it here, as with `vaermed clock reset`. */
        const char *label = tr_staff(c, ai->sync_folder ? STAFF_("Forget the stick's or folder's time")
                                                        : WIDGETS[W_CLOCK_RESET].label);
        int bw = w_button_width(c, label, ICON_CROSS, UI_FONT_BOLD);
        int bh = L->btn_h;
        if (bw > w) {
            /* Too wide for one line (a 7" screen): tall enough for the lines it needs
             * (three at most), so the words stay beside the cross, which alone would read
             * as "close". */
            bw = w;
            int inner = w - 2 * L->pad - 2 * L->border - L->icon - L->gap;
            int lines = text_fits(c->ms, UI_FONT_BOLD, label, inner, 2) ? 2 : 3;
            int need = lines * text_line_h(c->ms, UI_FONT_BOLD) + 2 * L->border + L->pad;
            if (need > bh)
                bh = need;
        }
        if (draw)
            w_button(c, WIDGETS[W_CLOCK_RESET].id, label, ICON_CROSS,
                     rect_make(c->rtl ? x + w - bw : x, y, bw, bh), BTN_SECONDARY,
                     UI_FONT_BOLD, false);
        y += bh + L->gap;
    }
    if (ai && ai->last_sync > 0) {
        i18n_when(c->cat, ai->last_sync, c->now, when, sizeof when);
        if (ai->last_sync_summary && *ai->last_sync_summary)
            snprintf(buf, sizeof buf, "%s \xE2\x80\x93 %s", when, ai->last_sync_summary);
        else
            snprintf(buf, sizeof buf, "%s", when);
    } else {
        snprintf(buf, sizeof buf, "%s", tr_staff(c, "Never"));
    }
    y += fact(c, "info:sync", tr_staff(c, "Last sync"), buf, false, x, y, w, draw);
    const char *stick = !ai || !ai->stick_present ? tr_staff(c, "None in")
                        : ai->stick_authorised ? tr_staff(c, "A staff stick for this kiosk is in")
                                               : tr_staff(c, "A USB stick is in; it is not a staff "
                                                             "stick for this kiosk");
    y += fact(c, "info:stick", tr_staff(c, "USB stick"), stick, false, x, y, w, draw);
    size_t np = ai ? ai->n_config_problems : 0;
    if (np == 0) {
        y += fact(c, "info:config", tr_staff(c, "Settings"), tr_staff(c, "No problems"), false, x,
                  y, w, draw);
    } else {
        size_t k = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < np && k + 1 < sizeof buf; i++) {
            const ui_config_problem *p = &ai->config_problems[i];
            char line[400];
            if (p->line > 0)
                i18n_format(line, sizeof line, tr_staff(c, "Line %d: %s"), p->line,
                            p->message ? p->message : "");
            else
                snprintf(line, sizeof line, "%s", p->message ? p->message : "");
            k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? "\n" : "", line);
        }
        y += fact(c, "info:config", tr_staff(c, "Settings"), buf, true, x, y, w, draw);
    }
    y += fact(c, "info:version", tr_staff(c, "Version"), ai && ai->version ? ai->version : dots,
              false, x, y, w, draw);
    y += fact(c, "info:kiosk", tr_staff(c, "Kiosk id"), ai && ai->kiosk_id ? ai->kiosk_id : dots,
              false, x, y, w, draw);
    /* Who this kiosk is to the estate's other kiosks and to the office: its own key (what
     * `vaermed kiosk key` prints, for estate_kiosk_key) and its Syncthing device id. */
    if (ai && ai->kiosk_key && *ai->kiosk_key) {
        i18n_format(buf, sizeof buf,
                    tr_staff(c, "%s (the line for the estate's other kiosks: vaermed kiosk key)"),
                    ai->kiosk_key);
        y += fact(c, "info:kiosk-key", tr_staff(c, "Kiosk key"), buf, false, x, y, w, draw);
    }
    if (ai && ai->sync_device && *ai->sync_device)
        y += fact(c, "info:syncthing", tr_staff(c, "Syncthing device id"), ai->sync_device, false,
                  x, y, w, draw);
    else if (ai && ai->sync_folder)
        y += fact(c, "info:syncthing", tr_staff(c, "Syncthing device id"),
                  tr_staff(c, "None found: is Syncthing set up for the kiosk's user?"),
                  true, x, y, w, draw);
    size_text(c, ai ? ai->db_bytes : -1, buf, sizeof buf);
    y += fact(c, "info:database", tr_staff(c, "Database"), buf, false, x, y, w, draw);
    return y - y0 + L->pad - L->gap;
}

const char *ui_admin_authorise_reason(const ui_ctx *c)
{
    const ui_admin_info *ai = c->m->admin;
    if (!ai || !ai->stick_present)
        return tr_staff(c, "Put a USB stick in first");
    if (ai->stick_authorised)
        return tr_staff(c, "This USB stick is already a staff stick");
    return NULL;
}

/* True when "export now" goes to the synced folder (sync_folder): one is set and no staff
 * stick is in (a staff stick in is what the app writes to first, kiosk_actions.c). */
static bool export_to_folder(const ui_ctx *c)
{
    const ui_admin_info *ai = c->m->admin;
    return ai && ai->sync_folder && !(ai->stick_present && ai->stick_authorised);
}

static const char *export_reason(const ui_ctx *c)
{
    const ui_admin_info *ai = c->m->admin;
    if (export_to_folder(c))
        return NULL;
    if (!ai || !ai->stick_present || !ai->stick_authorised)
        return tr_staff(c, "Put a staff USB stick in first");
    return NULL;
}

static void build(ui_ctx *c)
{
    w_background(c);
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    /* the staff's most common errand, the sign-ups, is the way forward in the bar */
    int top = w_top_bar(c, tr_staff(c, "Staff"), WIDGETS[W_SIGNUPS].id,
                        tr_staff(c, WIDGETS[W_SIGNUPS].label), ICON_PEOPLE, false);
    enum { NB = 4 };
    static const int BUTTONS[NB] = {W_STICKS, W_EXPORT, W_TEST_PATTERN, W_RESTART};
    const char *labels[NB];
    for (int i = 0; i < NB; i++)
        labels[i] = tr_staff(c, WIDGETS[BUTTONS[i]].label);
    icon_id ICONS[NB] = {ICON_USB, ICON_USB, ICON_CHECK, ICON_NONE};
    /* With a synced folder the staff are told where each action really goes: the sticks are
     * the physical staff sticks still, and "export now" goes to the folder (no USB icon)
     * unless a staff stick is in. */
    if (c->m->admin && c->m->admin->sync_folder)
        labels[0] = tr_staff(c, "Staff sticks"); /* short: it stands beside the others */
    if (export_to_folder(c)) {
        labels[1] = tr_staff(c, "Save in the folder");
        ICONS[1] = ICON_NONE;
    }
    const char *why = export_reason(c);
    bool disabled[NB] = {false, why != NULL, false, false};

    int full_w = L->w - 2 * L->margin;
    int y = top + L->gap;
    const char *msg = ad->pending ? tr_staff(c, "One moment\xE2\x80\xA6") : ad->msg;
    /* buttons: a column at the end (landscape) or a block of two columns at the foot */
    int col_w = 0, bx = 0, by = 0, rows = NB, cols = 1;
    if (!L->portrait) {
        col_w = full_w * 2 / 5;
        for (int i = 0; i < NB; i++) {
            int bw = w_button_width(c, labels[i], ICONS[i], UI_FONT_BOLD);
            /* as wide as the longest label, up to half the window: there a label too long
             * beside its pictogram shows its words alone rather than lose them */
            if (bw > col_w)
                col_w = bw < full_w / 2 ? bw : full_w / 2;
        }
        bx = c->rtl ? L->margin : L->w - L->margin - col_w;
        by = y;
    } else {
        /* two columns at the foot, or one when the words would be cut */
        cols = 2;
        rows = NB / 2;
        col_w = (full_w - L->gap) / 2;
        for (int i = 0; i < NB; i++)
            if (w_button_width(c, labels[i], ICONS[i], UI_FONT_BOLD) > col_w) {
                cols = 1;
                rows = NB;
                col_w = full_w;
            }
        bx = L->margin;
        by = L->h - L->margin - rows * L->btn_h - (rows - 1) * L->gap;
    }
    /* "Personalenøgler" says the sticks are the staff's physical ones beside the folder;
     * where it would leave the pictogram alone (a 7" screen), the shorter "USB-nøgler",
     * which says as much */
    if (c->m->admin && c->m->admin->sync_folder &&
        w_button_width(c, labels[0], ICONS[0], UI_FONT_BOLD) > col_w)
        labels[0] = tr_staff(c, WIDGETS[W_STICKS].label);
    /* tight: closer together, never smaller than 16 mm */
    int bgap = L->gap;
    if (!L->portrait && NB * L->btn_h + (NB - 1) * bgap > L->h - L->margin - by)
        bgap = L->gap / 3;
    int bstep = L->btn_h + bgap;
    for (int i = 0; i < NB; i++) {
        int r = cols == 1 ? i : i / 2, k = cols == 1 ? 0 : i % 2;
        int x = bx + k * (col_w + L->gap);
        if (c->rtl && cols == 2)
            x = bx + (1 - k) * (col_w + L->gap);
        w_button(c, WIDGETS[BUTTONS[i]].id, labels[i], ICONS[i], rect_make(x, by + r * bstep, col_w, L->btn_h),
                 BTN_SECONDARY, UI_FONT_BOLD, disabled[i]);
    }

    /* the message and the facts in what is left */
    int ix = L->margin, iw = full_w, ibottom = L->h - L->margin;
    if (!L->portrait) {
        iw = full_w - col_w - L->margin;
        if (c->rtl)
            ix = L->margin + col_w + L->margin;
    } else {
        ibottom = by - L->gap;
    }
    /* the answer (or why the stick buttons are grey) at the top of the facts' list, so a long
     * one on a low screen still leaves the facts a swipe away */
    bool ok_msg = ad->msg_ok && !ad->pending;
    const char *top_words = msg && *msg ? msg : why;
    ui_rect view = rect_make(ix, y, iw, ibottom - y);
    int mh = top_words && *top_words ? admin_words(c, top_words, msg && *msg, ok_msg,
                                                   ad->pending, 0, 0, iw, false) : 0;
    int ch = mh + facts(c, 0, 0, iw, false);
    int sb = L->btn_h;
    bool need = ch > view.h;
    ui_rect up = {0}, down = {0};
    if (need && !L->portrait && view.h >= 2 * sb + L->gap &&
        iw - sb - L->gap >= L->font[UI_FONT_BODY] * 9) {
        /* scroll buttons beside the facts, one over the other */
        view.w -= sb + L->gap;
        if (c->rtl)
            view.x += sb + L->gap;
        mh = top_words && *top_words ? admin_words(c, top_words, msg && *msg, ok_msg, ad->pending,
                                                    0, 0, view.w, false)
                                     : 0;
        ch = mh + facts(c, 0, 0, view.w, false);
        int ax = c->rtl ? ix : ix + iw - sb;
        int bh = (view.h - L->gap) / 2 > 2 * sb ? 2 * sb : (view.h - L->gap) / 2;
        up = rect_make(ax, view.y, sb, bh);
        down = rect_make(ax, view.y + view.h - bh, sb, bh);
    } else if (need) {
        /* scroll buttons under the facts, side by side */
        view.h -= sb + L->gap;
        int hw = (iw - L->gap) / 2;
        up = rect_make(ix, view.y + view.h + L->gap, hw, sb);
        down = rect_make(ix + hw + L->gap, view.y + view.h + L->gap, hw, sb);
    }
    int scroll_max;
    int scroll = w_scroll_begin(c, SCR_ADMIN, view, ch, COL_CARD, &scroll_max);
    if (mh)
        admin_words(c, top_words, msg && *msg, ok_msg, ad->pending, view.x, view.y - scroll,
                    view.w, true);
    draw_rect(c->f, rect_make(view.x, view.y - scroll + mh, view.w, ch - mh > view.h - mh ? ch - mh : view.h - mh),
              COL_CARD, L->radius);
    facts(c, view.x, view.y - scroll + mh, view.w, true);
    w_scroll_end(c);
    if (need)
        w_scroll_buttons(c, up, down, scroll, scroll_max);
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_go_home(u, now_ms);
}

static void tap_sticks(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    if (u->admin.pending)
        return;
    u->admin.msg[0] = '\0';
    u->scroll[SCR_ADMIN_STICKS] = 0;
    ui_goto(u, SCR_ADMIN_STICKS, now_ms);
}

static void tap_export(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg, (void)now_ms;
    if (u->admin.pending)
        return;
    ui_ctx c = {.u = u, .m = m, .cat = ui_admin_catalog(u, m)}; /* for the reason's words */
    const char *why = export_reason(&c);
    if (why) {
        ui_admin_say(u, why, false);
        return;
    }
    ui_action a;
    memset(&a, 0, sizeof a);
    a.kind = UI_ACTION_ADMIN_EXPORT;
    ui_admin_queue(u, &a);
}

static void tap_signups(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    ad->msg[0] = '\0';
    ad->uid[0] = '\0';
    ad->loaded = false;
    u->scroll[SCR_ADMIN_SIGNUPS] = 0;
    ui_goto(u, SCR_ADMIN_SIGNUPS, now_ms);
}

static void tap_test_pattern(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    memset(ad->lit, 0, sizeof ad->lit);
    ad->test_x = ad->test_y = -1;
    ui_goto(u, SCR_ADMIN_TEST, now_ms);
}

static void ask(ui *u, ui_action_kind kind, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    ad->msg[0] = '\0';
    ad->confirm.kind = kind;
    ad->confirm_from = SCR_ADMIN;
    ui_goto(u, SCR_ADMIN_CONFIRM, now_ms);
}

static void tap_restart(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ask(u, UI_ACTION_ADMIN_RESTART, now_ms);
}

static void tap_clock_reset(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ask(u, UI_ACTION_ADMIN_CLOCK_RESET, now_ms);
}

/* the facts scroll only while nothing is with the app (its answer comes at the top) */
static void tap_scroll_up(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    if (!u->admin.pending)
        ui_tap_scroll_up(u, m, arg, now_ms);
}

static void tap_scroll_down(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    if (!u->admin.pending)
        ui_tap_scroll_down(u, m, arg, now_ms);
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_SIGNUPS] = {"admin-signups", tap_signups, STAFF_("Sign-ups")},
    [W_STICKS] = {"admin-sticks", tap_sticks, STAFF_("USB sticks")},
    [W_EXPORT] = {"admin-export", tap_export, STAFF_("Save to the stick")},
    [W_TEST_PATTERN] = {"admin-test-pattern", tap_test_pattern, STAFF_("Touch test")},
    [W_RESTART] = {"admin-restart", tap_restart, STAFF_("Restart")},
    [W_CLOCK_RESET] = {"admin-clock-reset", tap_clock_reset,
                       STAFF_("Forget the USB stick's time")},
    [W_SCROLL_UP] = {"scroll-up", tap_scroll_up, NULL},
    [W_SCROLL_DOWN] = {"scroll-down", tap_scroll_down, NULL},
};

const ui_screen_def screen_admin = {
    .name = "admin",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .may_tap = ui_admin_may_tap,
    .flags = UI_SCREEN_SCROLLS,
};
