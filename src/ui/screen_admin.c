/* admin: the staff's screens, behind a hidden gesture (a 5 s press on the clock, ui.c) and
 * the staff PIN (checked by the app, which also rate-limits wrong ones).
 *
 *   admin-pin      the PIN on a number pad                              [confirm]
 *   admin          version, kiosk id, database size, last sync, clock, config problems, the
 *                  stick; authorise the stick, export now, sign-ups, touch test, restart
 *   admin-confirm  "are you sure" for a staff cancel and for restart      [confirm]
 *   admin-test     a grid of squares that light up where touched, and the last position
 *
 * Everything is forgotten when the admin screens are left: by back, by the idle reset, by a
 * stick. The staff words are Danish and English only (ui_admin_catalog). */
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "ui/flow.h"

#define PIN_MIN 4
#define PIN_MAX 8

bool ui_is_admin_screen(ui_screen_id s)
{
    return s == SCR_ADMIN_PIN || s == SCR_ADMIN || s == SCR_ADMIN_SIGNUPS || s == SCR_ADMIN_STICKS ||
           s == SCR_ADMIN_CONFIRM || s == SCR_ADMIN_TEST || s == SCR_ADMIN_CHECKIN;
}

const i18n_catalog *ui_admin_catalog(const ui *u, const ui_model *m)
{
    if (!m->n_langs)
        return NULL;
    const i18n_catalog *cur = m->langs[u->lang < m->n_langs ? u->lang : 0];
    const char *code = i18n_lang(cur);
    if (strcmp(code, "da") == 0 || strcmp(code, "en") == 0)
        return cur;
    /* the staff's words exist in Danish and English only: Danish, else English, if the
     * kiosk has them, else the default (English msgids then) */
    static const char *const STAFF[] = {"da", "en"};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < m->n_langs; i++)
            if (strcmp(i18n_lang(m->langs[i]), STAFF[k]) == 0)
                return m->langs[i];
    size_t d = u->opt.default_lang < m->n_langs ? u->opt.default_lang : 0;
    return m->langs[d];
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

static void say(ui *u, const char *msg, bool ok)
{
    snprintf(u->admin.msg, sizeof u->admin.msg, "%s", msg ? msg : "");
    u->admin.msg_ok = ok;
}

static void queue(ui *u, const ui_action *a)
{
    u->admin.pending = true;
    u->admin.pending_kind = a->kind;
    u->admin.msg[0] = '\0';
    ui_queue_action(u, a);
}

/* ---- the answers */

void ui_admin_action_done(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    const i18n_catalog *cat = ui_admin_catalog(u, m);
    ad->pending = false;
    /* the answer is at the top of the list: in sight */
    u->scroll[SCR_ADMIN] = 0;
    u->scroll[SCR_ADMIN_STICKS] = 0;
    bool ok = r->status == VM_OK;
    const char *msg = r->message[0] ? r->message : NULL;
    switch (ad->pending_kind) {
    case UI_ACTION_ADMIN_PIN:
        ui_wipe(ad->pin, sizeof ad->pin);
        if (ok) {
            ad->unlocked = true;
            say(u, "", true);
            if (u->screen == SCR_ADMIN_PIN)
                ui_goto(u, SCR_ADMIN, now_ms);
        } else {
            say(u, msg ? msg : i18n_text_ctx(cat, "staff", "That PIN is not right"), false);
        }
        break;
    case UI_ACTION_ADMIN_LOAD_SIGNUPS:
        ad->loaded = ok;
        say(u,
            ok    ? ""
            : msg ? msg
                  : i18n_text_ctx(cat, "staff", "The sign-ups could not be loaded"),
            ok);
        break;
    case UI_ACTION_ADMIN_CANCEL_SIGNUP:
        say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The sign-up is cancelled")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_SET_CAME:
    case UI_ACTION_ADMIN_SET_WALKINS:
        /* a tick or a count: the screen shows it; only a failure is said */
        say(u, ok ? "" : msg ? msg : i18n_text_ctx(cat, "staff", "That did not work"), ok);
        break;
    case UI_ACTION_ADMIN_DELETE_INTEREST:
        say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "It is deleted")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_REVOKE_STICK:
        say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The USB stick is withdrawn")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_RESTART:
        say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The kiosk is restarting\xE2\x80\xA6")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    case UI_ACTION_ADMIN_CLOCK_RESET:
        say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "The kiosk counts from its own clock again.")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        if (u->screen == SCR_ADMIN_CONFIRM)
            ui_goto(u, ad->confirm_from, now_ms);
        break;
    default:
        say(u,
            msg  ? msg
            : ok ? i18n_text_ctx(cat, "staff", "Done")
                 : i18n_text_ctx(cat, "staff", "That did not work"),
            ok);
        break;
    }
    ui_wipe(&ad->confirm, sizeof ad->confirm);
}

/* ---- admin-pin */

static void build_pin(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    const char *label = ad->pending ? tr_staff(c, "One moment\xE2\x80\xA6") : tr_staff(c, "Open");
    const char *title = tr_staff(c, "Staff PIN");
    if (!w_top_bar_fits(c, title, label, ad->pending ? ICON_CLOCK : ICON_LOCK))
        title = ""; /* the number pad needs the height */
    int top = w_top_bar(c, title, "confirm", label, ad->pending ? ICON_CLOCK : ICON_LOCK,
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

static void tap_pin(ui *u, const ui_model *m, const char *id, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    const i18n_catalog *cat = ui_admin_catalog(u, m);
    if (strcmp(id, "back") == 0) {
        ui_go_home(u, now_ms);
        return;
    }
    size_t n = strlen(ad->pin);
    if (strncmp(id, "digit:", 6) == 0 && id[6] >= '0' && id[6] <= '9' && !id[7]) {
        if (n < PIN_MAX) {
            ad->pin[n] = id[6];
            ad->pin[n + 1] = '\0';
        }
        ad->msg[0] = '\0';
    } else if (strcmp(id, "key:backspace") == 0) {
        if (n)
            ad->pin[n - 1] = '\0';
        ad->msg[0] = '\0';
    } else if (strcmp(id, "confirm") == 0) {
        if (n < PIN_MIN) {
            say(u, i18n_text_ctx(cat, "staff", "The PIN has 4 to 8 digits"), false);
            return;
        }
        ui_action a;
        memset(&a, 0, sizeof a);
        a.kind = UI_ACTION_ADMIN_PIN;
        snprintf(a.pin, sizeof a.pin, "%s", ad->pin);
        ui_wipe(ad->pin, sizeof ad->pin);
        queue(u, &a);
        ui_wipe(&a, sizeof a);
    }
}

/* ---- admin */

/* "Tirsdag 1. juni 2027 11:00", lower-cased at its start for the middle of a sentence. */
static void floor_text(const ui_ctx *c, int64_t t, char *out, size_t size)
{
    char day[64], at[16];
    i18n_date_long(c->cat, t, day, sizeof day);
    i18n_clock(c->cat, t, at, sizeof at);
    uint32_t cp;
    size_t n = utf8_decode(day, strlen(day), &cp);
    char low[4];
    if (n && utf8_encode(utf8_lower_cp(cp), low) == n)
        memcpy(day, low, n);
    snprintf(out, size, "%s %s", day, at);
}

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
        floor_text(c, ai->clock_floor, floor, sizeof floor);
    *warn = st != UI_CLOCK_OK || c->m->clock_suspect;
    if (st == UI_CLOCK_BEHIND_IMPORT) {
        i18n_format(out, size,
                    tr_staff(c,
                             "Wrong: the clock is behind the newest program (%s). The kiosk counts "
                             "from that time. Set the clock, or fit a clock battery (RTC)."),
                    floor);
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
        const char *label = tr_staff(c, "Forget the USB stick's time");
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
            w_button(c, "admin-clock-reset", label, ICON_CROSS,
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
    if (ai && ai->sync_device && *ai->sync_device)
        y += fact(c, "info:syncthing", tr_staff(c, "Syncthing device id"), ai->sync_device, false,
                  x, y, w, draw);
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

static const char *export_reason(const ui_ctx *c)
{
    const ui_admin_info *ai = c->m->admin;
    if (!ai || !ai->stick_present || !ai->stick_authorised)
        return tr_staff(c, "Put a staff USB stick in first");
    return NULL;
}

static void build_admin(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    /* the staff's most common errand, the sign-ups, is the way forward in the bar */
    int top = w_top_bar(c, tr_staff(c, "Staff"), "admin-signups", tr_staff(c, "Sign-ups"),
                        ICON_PEOPLE, false);
    enum { NB = 4 };
    static const char *const IDS[NB] = {"admin-sticks", "admin-export", "admin-test-pattern",
                                        "admin-restart"};
    const char *labels[NB] = {tr_staff(c, "USB sticks"), tr_staff(c, "Save to the stick"),
                              tr_staff(c, "Touch test"), tr_staff(c, "Restart")};
    static const icon_id ICONS[NB] = {ICON_USB, ICON_USB, ICON_CHECK, ICON_NONE};
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
            if (bw > col_w && bw < full_w / 2)
                col_w = bw;
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
        w_button(c, IDS[i], labels[i], ICONS[i], rect_make(x, by + r * bstep, col_w, L->btn_h),
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

static void tap_admin(ui *u, const ui_model *m, const char *id, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    const i18n_catalog *cat = ui_admin_catalog(u, m);
    ui_ctx c = {.u = u, .m = m, .cat = cat}; /* for the reasons' words */
    if (strcmp(id, "back") == 0) {
        ui_go_home(u, now_ms);
        return;
    }
    if (ad->pending)
        return;
    ui_action a;
    memset(&a, 0, sizeof a);
    if (strcmp(id, "admin-sticks") == 0) {
        ad->msg[0] = '\0';
        u->scroll[SCR_ADMIN_STICKS] = 0;
        ui_goto(u, SCR_ADMIN_STICKS, now_ms);
    } else if (strcmp(id, "admin-export") == 0) {
        const char *why = export_reason(&c);
        if (why) {
            say(u, why, false);
            return;
        }
        a.kind = UI_ACTION_ADMIN_EXPORT;
        queue(u, &a);
    } else if (strcmp(id, "admin-signups") == 0) {
        ad->msg[0] = '\0';
        ad->uid[0] = '\0';
        ad->loaded = false;
        u->scroll[SCR_ADMIN_SIGNUPS] = 0;
        ui_goto(u, SCR_ADMIN_SIGNUPS, now_ms);
    } else if (strcmp(id, "admin-test-pattern") == 0) {
        memset(ad->lit, 0, sizeof ad->lit);
        ad->test_x = ad->test_y = -1;
        ui_goto(u, SCR_ADMIN_TEST, now_ms);
    } else if (strcmp(id, "admin-restart") == 0) {
        ad->msg[0] = '\0';
        ad->confirm.kind = UI_ACTION_ADMIN_RESTART;
        ad->confirm_from = SCR_ADMIN;
        ui_goto(u, SCR_ADMIN_CONFIRM, now_ms);
    } else if (strcmp(id, "admin-clock-reset") == 0) {
        ad->msg[0] = '\0';
        ad->confirm.kind = UI_ACTION_ADMIN_CLOCK_RESET;
        ad->confirm_from = SCR_ADMIN;
        ui_goto(u, SCR_ADMIN_CONFIRM, now_ms);
    } else if (strcmp(id, "scroll-up") == 0) {
        u->scroll[SCR_ADMIN] -= u->scroll_page[SCR_ADMIN];
    } else if (strcmp(id, "scroll-down") == 0) {
        u->scroll[SCR_ADMIN] += u->scroll_page[SCR_ADMIN];
    }
}

/* ---- admin-confirm */

static const signup *find_signup(const ui_model *m, const char *uid, const char *id)
{
    const ui_admin_info *ai = m->admin;
    if (!ai || !ai->signups_uid || strcmp(ai->signups_uid, uid) != 0)
        return NULL;
    for (size_t i = 0; i < ai->n_signups; i++)
        if (strcmp(ai->signups[i].id, id) == 0)
            return &ai->signups[i];
    return NULL;
}

static void build_confirm(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_admin_state *ad = &c->u->admin;
    int top = w_top_bar(c, tr_staff(c, "Are you sure?"), NULL, NULL, ICON_NONE, false);
    char q[512];
    const char *yes;
    if (ad->confirm.kind == UI_ACTION_ADMIN_RESTART) {
        snprintf(q, sizeof q, "%s",
                 tr_staff(c, "Restart the kiosk? It is back in about a minute."));
        yes = tr_staff(c, "Yes, restart");
    } else if (ad->confirm.kind == UI_ACTION_ADMIN_CLOCK_RESET) {
        char floor[96] = "";
        const ui_admin_info *ai = c->m->admin;
        if (ai && ai->clock_floor > 0)
            floor_text(c, ai->clock_floor, floor, sizeof floor);
        i18n_format(q, sizeof q,
                    tr_staff(c, "Forget the time a USB stick set (%s)? The kiosk then counts "
                                "from its own clock."),
                    floor);
        yes = tr_staff(c, "Yes, forget it");
    } else if (ad->confirm.kind == UI_ACTION_ADMIN_DELETE_INTEREST) {
        const ui_admin_info *ai = c->m->admin;
        const interest *in = NULL;
        for (size_t i = 0; ai && i < ai->n_interests; i++)
            if (strcmp(ai->interests[i].id, ad->confirm.interest_id) == 0)
                in = &ai->interests[i];
        i18n_format(q, sizeof q,
                    tr_staff(c, "Delete %s's wish to hear about %s, with the number?"),
                    in ? in->name : "?", in ? in->about : "?");
        yes = tr_staff(c, "Yes, delete it");
    } else if (ad->confirm.kind == UI_ACTION_ADMIN_REVOKE_STICK) {
        const ui_admin_info *ai = c->m->admin;
        const char *label = "";
        for (size_t i = 0; ai && i < ai->n_sticks; i++)
            if (strcmp(ai->sticks[i].id, ad->confirm.stick_id) == 0 && ai->sticks[i].label)
                label = ai->sticks[i].label;
        char which[96];
        snprintf(which, sizeof which, "%s%s%s%s", ad->confirm.stick_id, *label ? " (" : "",
                 label, *label ? ")" : "");
        i18n_format(q, sizeof q,
                    tr_staff(c, "Withdraw the USB stick %s? It can no longer be used at this "
                                "kiosk; a stick that is found again must be authorised anew."),
                    which);
        yes = tr_staff(c, "Yes, withdraw it");
    } else {
        const ui_entry *e = ui_entry_find(c->m, ad->confirm.uid);
        const signup *s = find_signup(c->m, ad->confirm.uid, ad->confirm.signup_id);
        i18n_format(q, sizeof q,
                    tr_staff(c, "Cancel the sign-up of %s for %s? The waiting list moves up."),
                    s ? s->name : "?", e ? e->act.title : ad->confirm.uid);
        yes = tr_staff(c, "Yes, cancel it");
    }
    if (ad->pending)
        yes = tr_staff(c, "One moment\xE2\x80\xA6");
    int w = L->w - 2 * L->margin;
    int y = top + L->margin;
    /* the question whole, in the title size where it leaves room for the button */
    int bh = L->h < 7 * L->target ? L->btn_h : L->btn_h * 5 / 4;
    int room = L->h - L->margin - bh - L->margin - y;
    ui_font qf = UI_FONT_TITLE;
    text_block qb;
    text_wrap(&qb, c->ms, qf, q, w, 0);
    if (qb.h > room)
        qf = UI_FONT_BOLD;
    y += w_text_widget(c, "question", UI_ROLE_HEADING, q, qf, COL_TEXT, COL_BG, L->margin, y, w,
                       0, true) +
         L->margin;
    int bw = w_button_width(c, yes, ICON_CHECK, UI_FONT_TITLE);
    if (bw < L->btn_h * 4)
        bw = L->btn_h * 4;
    if (bw > w)
        bw = w;
    if (y + bh > L->h - L->margin)
        y = L->h - L->margin - bh;
    w_button(c, "confirm", yes, ICON_CHECK,
             rect_make(c->rtl ? L->w - L->margin - bw : L->margin, y, bw, bh), BTN_PRIMARY,
             UI_FONT_TITLE, ad->pending);
}

static void tap_confirm(ui *u, const char *id, int64_t now_ms)
{
    ui_admin_state *ad = &u->admin;
    if (ad->pending)
        return;
    if (strcmp(id, "back") == 0) {
        ui_wipe(&ad->confirm, sizeof ad->confirm);
        ui_goto(u, ad->confirm_from, now_ms);
    } else if (strcmp(id, "confirm") == 0) {
        ui_action a = ad->confirm;
        queue(u, &a);
        ui_wipe(&a, sizeof a);
    }
}

/* ---- admin-test */

void ui_admin_test_touch(ui *u, int x, int y)
{
    ui_admin_state *ad = &u->admin;
    ad->test_x = x;
    ad->test_y = y;
    if (!u->have_last)
        return;
    const ui_widget *w = ui_frame_hit(&u->last, x, y);
    int r, col;
    if (w && sscanf(w->id, "test:%d:%d", &r, &col) == 2 && r >= 0 && r < UI_TEST_ROWS_MAX &&
        col >= 0 && col < UI_TEST_COLS_MAX)
        ad->lit[r][col] = true;
}

static void build_test(ui_ctx *c)
{
    const ui_layout *L = c->L;
    ui_admin_state *ad = &c->u->admin;
    int top = w_top_bar(c, tr_staff(c, "Touch test"), NULL, NULL, ICON_NONE, false);
    char pos[128];
    if (ad->test_x >= 0)
        i18n_format(pos, sizeof pos, tr_staff(c, "Last touch: x %d, y %d"), ad->test_x, ad->test_y);
    else
        snprintf(pos, sizeof pos, "%s", tr_staff(c, "Touch every square: it turns green"));
    int y = top + L->gap / 2;
    y += w_text_widget(c, "touch-pos", UI_ROLE_TEXT, pos, UI_FONT_BOLD, COL_TEXT, COL_BG, L->margin,
                       y, L->w - 2 * L->margin, 3, true) +
         L->gap / 2;
    /* squares of 16 mm and more, filling the rest */
    int gap = L->gap / 2;
    int gw = L->w - 2 * L->margin, gh = L->h - L->margin - y;
    int cell = L->btn_h;
    int cols = (gw + gap) / (cell + gap), rows = (gh + gap) / (cell + gap);
    if (cols > UI_TEST_COLS_MAX)
        cols = UI_TEST_COLS_MAX;
    if (rows > UI_TEST_ROWS_MAX)
        rows = UI_TEST_ROWS_MAX;
    if (cols < 1 || rows < 1)
        return;
    int cw = (gw - (cols - 1) * gap) / cols, chh = (gh - (rows - 1) * gap) / rows;
    ad->test_rows = rows;
    ad->test_cols = cols;
    char id[32];
    for (int r = 0; r < rows; r++) {
        for (int k = 0; k < cols; k++) {
            ui_rect cr = rect_make(L->margin + k * (cw + gap), y + r * (chh + gap), cw, chh);
            bool lit = ad->lit[r][k];
            draw_rect(c->f, cr, lit ? COL_PRIMARY : COL_CARD, L->radius / 3);
            if (lit)
                draw_icon(c->f, rect_make(cr.x + cr.w / 4, cr.y + cr.h / 4, cr.w / 2, cr.h / 2),
                          ICON_CHECK, COL_WHITE);
            else
                draw_frame(c->f, cr, COL_LINE, L->border, L->radius / 3);
            snprintf(id, sizeof id, "test:%d:%d", r, k);
            w_register(c, id, UI_ROLE_BUTTON, lit ? "1" : "0", cr,
                       UI_WIDGET_TAPPABLE | (lit ? UI_WIDGET_SELECTED : 0),
                       lit ? COL_WHITE : COL_TEXT, lit ? COL_PRIMARY : COL_CARD);
        }
    }
}

/* ---- the screens' dispatch */

void screen_admin_build(ui_ctx *c)
{
    w_background(c);
    switch (c->u->screen) {
    case SCR_ADMIN_PIN: build_pin(c); break;
    case SCR_ADMIN: build_admin(c); break;
    case SCR_ADMIN_CONFIRM: build_confirm(c); break;
    case SCR_ADMIN_TEST: build_test(c); break;
    default: break;
    }
}

void screen_admin_tap(ui *u, const ui_model *m, const char *id, int64_t now_ms)
{
    if (u->screen != SCR_ADMIN_PIN && !u->admin.unlocked) {
        ui_go_home(u, now_ms); /* never behind the PIN without it */
        return;
    }
    switch (u->screen) {
    case SCR_ADMIN_PIN:
        if (!u->admin.pending)
            tap_pin(u, m, id, now_ms);
        break;
    case SCR_ADMIN: tap_admin(u, m, id, now_ms); break;
    case SCR_ADMIN_CONFIRM: tap_confirm(u, id, now_ms); break;
    case SCR_ADMIN_TEST:
        if (strcmp(id, "back") == 0)
            ui_goto(u, SCR_ADMIN, now_ms);
        break;
    default: break;
    }
}
