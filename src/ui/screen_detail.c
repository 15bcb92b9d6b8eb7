/* detail: everything about one activity, the big back button, and the ways in: "Tilmeld"
 * (or the waiting list, or the plain reason it is closed), "Afmeld", the helper tasks
 * ("Giv en hånd"), and the QR code a passer-by scans. Counts only, never names. */
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "ui/card.h"
#include "ui/nav.h"
#include "ui/screen.h"

/* what a tap on detail reaches (WIDGETS, at the end) */
enum { W_BACK, W_JOIN, W_CANCEL, W_TASK, W_INTEREST, W_SCROLL_UP, W_SCROLL_DOWN, W_COUNT };
static const ui_widget_def WIDGETS[W_COUNT];

static const char *qr_line(const ui_ctx *c, ui_qr_kind kind)
{
    switch (kind) {
    case UI_QR_URL:
        return tr(c, "Scan and sign up");
    case UI_QR_SMS:
        return tr(c, "Scan and send a text to the host");
    case UI_QR_CALENDAR:
        return tr(c, "Scan and add it to your calendar");
    case UI_QR_NONE:
        break;
    }
    return "";
}

/* One fact with its pictogram ("Fælleshuset", "Vært: Hanne"); returns its height. */
static int fact(ui_ctx *c, const char *id, icon_id icon, const char *text, ui_font font,
                ui_color col, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    if (!text || !*text)
        return 0;
    int lh = text_line_h(c->ms, font);
    int icon_w = icon != ICON_NONE ? lh : 0;
    int tx = c->rtl ? x : x + icon_w + (icon_w ? L->gap : 0);
    int tw = w - icon_w - (icon_w ? L->gap : 0);
    int h = w_text(c, text, font, col, tx, y, tw, 0, draw);
    if (draw) {
        if (icon_w)
            draw_icon(c->f, rect_make(c->rtl ? x + w - icon_w : x, y, icon_w, icon_w), icon, col);
        w_register(c, id, UI_ROLE_TEXT, text, rect_make(x, y, w, h), 0, col, COL_CARD);
    }
    return h + L->gap;
}

/* The QR code and the line under it, `w` wide at most; returns the height. */
static int qr_block(ui_ctx *c, const ui_entry *e, int x, int y, int w, int max_side, bool draw,
                    int *side_out)
{
    const ui_layout *L = c->L;
    int n = e->qr_size + 8; /* 4 modules of quiet zone on each side */
    int mod = (max_side < w ? max_side : w) / n;
    if (mod < 4)
        mod = 4;
    int side = mod * n;
    if (side_out)
        *side_out = side;
    const char *line = qr_line(c, e->qr_kind);
    int qx = x + (w - side) / 2;
    if (draw) {
        ui_rect r = rect_make(qx, y, side, side);
        draw_qr(c->f, r, e->qr, e->qr_size);
        w_register(c, "qr", UI_ROLE_QR, line, r, 0, COL_TEXT, COL_CARD);
    }
    int h = side + L->gap / 2;
    int lh = 0;
    if (*line) {
        int lw = w > side ? w : side;
        int lx = x + (w - lw) / 2;
        if (draw) {
            text_block b;
            text_wrap(&b, c->ms, UI_FONT_BOLD, line, lw, 0);
            text_draw(c->f, &b, line, lx, y + h, lw, UI_FONT_BOLD, COL_TEXT, ALIGN_CENTER,
                      c->rtl);
            w_register(c, "qr-text", UI_ROLE_TEXT, line, rect_make(lx, y + h, lw, b.h), 0,
                       COL_TEXT, COL_CARD);
            lh = b.h;
        } else {
            lh = w_text(c, line, UI_FONT_BOLD, COL_TEXT, lx, y + h, lw, 0, false);
        }
    }
    return h + lh;
}

static void task_label(const ui_ctx *c, const ui_entry *e, int i, char *out, size_t size,
                       bool *open)
{
    const ui_helper_task *t = &e->act.tasks[i];
    char minutes[64] = "", state[96];
    join_state js = ui_task_join_state(c->m, e, i, c->now);
    *open = js == JOIN_OPEN;
    if (t->minutes > 0)
        i18n_format(minutes, sizeof minutes, tr(c, "about %d min."), t->minutes);
    if (*open && t->slots <= 0) {
        state[0] = '\0'; /* any number of hands */
    } else if (*open) {
        int left = t->slots - e->counts.task_taken[i];
        i18n_format(state, sizeof state,
                    i18n_plural(c->cat, "%d free spot", "%d free spots", left), left);
    } else {
        snprintf(state, sizeof state, "%s", tr(c, "Enough hands \xE2\x80\x93 thank you!"));
    }
    snprintf(out, size, "%s", t->title);
    size_t k = strlen(out);
    if (*minutes)
        k += (size_t)snprintf(out + k, size - k, " \xC2\xB7 %s", minutes);
    if (*state && k < size)
        snprintf(out + k, size - k, " \xC2\xB7 %s", state);
}

/* True when the activity's tasks are worth showing: not cancelled, not started. */
static bool tasks_shown(const ui_ctx *c, const ui_entry *e)
{
    if (!e->act.n_tasks || e->act.cancelled)
        return false;
    for (int i = 0; i < e->act.n_tasks && i < ACT_TASKS_MAX; i++) {
        join_state js = ui_task_join_state(c->m, e, i, c->now);
        if (js == JOIN_OPEN || js == JOIN_WAITLIST)
            return true;
    }
    return false;
}

/* The scrolled content: a white card with everything. Returns its height. */
static int content(ui_ctx *c, const ui_entry *e, int x, int y, int w, int view_h, bool draw)
{
    const ui_layout *L = c->L;
    const ui_activity *a = &e->act;
    char when[160], end[32], countdown[64], host[ACT_HOST_MAX + 32], price[ACT_PRICE_MAX + 32];
    char places_buf[96], taken[96], waiting[96], label[TASK_TITLE_MAX + 160], id[UI_ID_MAX];
    ui_color places_col;

    /* the coloured strip's words: the time, and what is left until it */
    i18n_when(c->cat, a->start, c->now, when, sizeof when);
    if (a->end > a->start && dktime_days_between(a->start, a->end) == 0) {
        i18n_clock(c->cat, a->end, end, sizeof end);
        size_t k = strlen(when);
        snprintf(when + k, sizeof when - k, "\xE2\x80\x93%s", end);
    }
    i18n_countdown(c->cat, a->start, a->end, c->now, countdown, sizeof countdown);
    if (a->cancelled) {
        /* "Aflyst" first, on grey: the time is not a time to come */
        countdown[0] = '\0';
        char was[sizeof when];
        snprintf(was, sizeof was, "%s", when);
        if (snprintf(when, sizeof when, "%s \xC2\xB7 %s", tr(c, "Cancelled"), was) >=
            (int)sizeof when)
            utf8_truncate(when, sizeof when); /* a long translation: cut on a character */
    }

    /* QR beside the text on a wide screen, under the places on a narrow one. */
    bool has_qr = ui_entry_has_qr(c->m, e);
    int qr_max = view_h - 2 * L->pad - 3 * text_line_h(c->ms, UI_FONT_BOLD);
    if (qr_max > (int)(320 * L->fs))
        qr_max = (int)(320 * L->fs);
    int qr_side = 0;
    if (has_qr)
        qr_block(c, e, 0, 0, qr_max, qr_max, false, &qr_side);
    /* the column of the code as wide as the code, and as a word of the line under it */
    int qr_w = qr_side;
    if (has_qr) {
        int word = w_longest_word(c, UI_FONT_BOLD, qr_line(c, e->qr_kind));
        if (word > qr_w)
            qr_w = word;
    }
    int qr_col = qr_w + L->gap * 2;
    /* beside the words where they keep a column of their own (a 7" panel too: the code in
     * sight without a swipe) */
    int column = L->font[UI_FONT_BODY] * 15 / 2;
    /* and where the facts' words stay whole beside it (a place's "hovedindgangen" beside the
     * Somali words under the code) */
    int fact_word = w_longest_word(c, UI_FONT_BODY, a->place);
    int host_word = w_longest_word(c, UI_FONT_BODY, a->host);
    if (host_word > fact_word)
        fact_word = host_word;
    fact_word += text_line_h(c->ms, UI_FONT_BODY) + L->gap + 2 * L->pad;
    if (fact_word > column)
        column = fact_word;
    /* and where the strip keeps the time's words whole in the body size, and the countdown's
     * in its pill (Somali's "18:00–20:00" and "saacadood" beside the arrows) */
    int strip_word = w_longest_word(c, UI_FONT_BOLD, when);
    int pill_word = w_longest_word(c, UI_FONT_BOLD, countdown) + 2 * (L->pad * 2 / 3);
    if (pill_word > strip_word)
        strip_word = pill_word;
    strip_word += (L->band_w - L->pad / 2) + L->gap + 2 * L->pad;
    if (strip_word > column)
        column = strip_word;
    bool qr_beside = has_qr && !L->portrait && w - qr_col >= column;

    int tx = x + L->pad, tw = w - 2 * L->pad;
    if (qr_beside) {
        tw -= qr_col;
        if (c->rtl)
            tx += qr_col;
    }

    /* the coloured strip: pictogram and time, white on the category's colour */
    ui_color cat = a->cancelled ? COL_CLOSED : ui_category_color(a->category);
    int icon = L->band_w - L->pad / 2;
    int sx = c->rtl ? tx : tx + icon + L->gap;
    int sw = tw - icon - L->gap;
    /* the time big, or in the body size where a word of it would not fit the strip or the
     * whole of it not in four lines (Arabic's "cancelled · Saturday …" standing up); the
     * body size has the lines it needs */
    ui_font wf = w_longest_word(c, UI_FONT_TITLE, when) <= sw &&
                         text_fits(c->ms, UI_FONT_TITLE, when, sw, 4)
                     ? UI_FONT_TITLE
                     : UI_FONT_BOLD;
    const int when_lines = 8;
    int wh = w_text(c, when, wf, COL_WHITE, sx, 0, sw, when_lines, false);
    int pill_h = 0, pill_w = 0;
    if (*countdown)
        pill_w = w_pill(c, 0, 0, countdown, ICON_NONE, COL_TEXT, COL_CARD, UI_FONT_BOLD, sw,
                        &pill_h, false);
    int th = wh + (pill_h ? pill_h + L->gap / 2 : 0);
    int strip_h = (th > icon ? th : icon) + L->pad;
    int yy = y;
    int qr_top = y + L->pad / 2;
    if (draw) {
        int sy = yy + L->pad / 2;
        draw_rect(c->f, rect_make(tx - L->pad / 2, sy, tw + L->pad, strip_h), cat, L->radius);
        draw_icon(c->f, rect_make(c->rtl ? tx + tw - icon : tx, sy + (strip_h - icon) / 2, icon,
                                  icon),
                  icon_for_category(a->category), COL_WHITE);
        int ty = sy + (strip_h - th) / 2;
        w_text(c, when, wf, COL_WHITE, sx, ty, sw, when_lines, true);
        if (pill_h)
            w_pill(c, c->rtl ? sx + sw - pill_w : sx, ty + wh + L->gap / 2, countdown, ICON_NONE,
                   COL_TEXT, COL_CARD, UI_FONT_BOLD, sw, NULL, true);
        w_register(c, "when", UI_ROLE_TEXT, when, rect_make(tx - L->pad / 2, sy, tw + L->pad, strip_h),
                   0, COL_WHITE, cat);
    }
    yy += strip_h + L->pad;

    ui_color title_col = a->cancelled ? COL_DISABLED_TEXT : COL_TEXT;
    int heading_h = w_text_widget(c, "heading", UI_ROLE_HEADING, a->title, UI_FONT_TITLE,
                                  title_col, COL_CARD, tx, yy, tw, 4, draw);
    if (draw && a->cancelled)
        w_strike(c, a->title, UI_FONT_TITLE, title_col, tx, yy, tw, 4);
    yy += heading_h + L->gap;
    card_host_line(c, a, host, sizeof host);
    price[0] = '\0';
    if (a->price[0])
        i18n_format(price, sizeof price, tr(c, "Price: %s"), a->price);
    yy += fact(c, "place", ICON_PLACE, a->place, UI_FONT_BODY, COL_TEXT, tx, yy, tw, draw);
    yy += fact(c, "host", ICON_HOST, host, UI_FONT_BODY, COL_TEXT, tx, yy, tw, draw);
    yy += fact(c, "price", ICON_NONE, price, UI_FONT_BODY, COL_TEXT, tx, yy, tw, draw);
    yy += fact(c, "audience", ICON_NONE, a->audience, UI_FONT_BODY, COL_TEXT, tx, yy, tw, draw);

    w_item badges[BADGE_COUNT];
    int nb = card_badges(c, a, false, badges, BADGE_COUNT);
    int bh = w_flow(c, badges, nb, tx, yy, tw, draw);
    if (bh)
        yy += bh + L->gap;

    /* places: what is left, how many are taken and waiting; never who */
    const char *places = ui_places_text(c, e, places_buf, sizeof places_buf, &places_col);
    yy += fact(c, "places", a->cancelled ? ICON_CROSS : ICON_PEOPLE, places, UI_FONT_BOLD,
               places_col, tx, yy, tw, draw);
    if (a->mode == SIGNUP_MODE_OPEN && !a->cancelled) {
        taken[0] = waiting[0] = '\0';
        if (a->capacity > 0)
            i18n_format(taken, sizeof taken,
                        i18n_plural(c->cat, "%d of %d place is taken", "%d of %d places are taken",
                                    a->capacity),
                        e->counts.heads_taken, a->capacity);
        if (e->counts.waiting > 0)
            i18n_format(waiting, sizeof waiting,
                        i18n_plural(c->cat, "%d on the waiting list", "%d on the waiting list",
                                    e->counts.waiting),
                        e->counts.waiting);
        yy += fact(c, "taken", ICON_NONE, taken, UI_FONT_BODY, COL_TEXT, tx, yy, tw, draw);
        yy += fact(c, "waiting", ICON_NONE, waiting, UI_FONT_BODY, COL_TEXT, tx, yy, tw, draw);
    }

    if (has_qr && !qr_beside) {
        yy += qr_block(c, e, tx, yy, tw, qr_max, draw, NULL) + L->gap;
    }

    if (a->description[0])
        yy += w_text_widget(c, "description", UI_ROLE_TEXT, a->description, UI_FONT_BODY,
                            COL_TEXT, COL_CARD, tx, yy, tw, 0, draw) +
              L->gap;

    /* "Giv en hånd": one big button per task */
    if (tasks_shown(c, e)) {
        yy += L->gap;
        yy += fact(c, "tasks", ICON_HELP_HAND, tr(c, "Give a hand"), UI_FONT_TITLE, COL_TEXT, tx,
                   yy, tw, draw);
        for (int i = 0; i < a->n_tasks && i < ACT_TASKS_MAX; i++) {
            bool open;
            task_label(c, e, i, label, sizeof label, &open);
            char tid[24];
            snprintf(tid, sizeof tid, "%lld", (long long)a->tasks[i].id);
            ui_widget_id(&WIDGETS[W_TASK], tid, id, sizeof id);
            text_block b;
            text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw - 2 * L->pad - L->icon - L->gap, 0);
            int bh2 = b.h + L->pad * 2;
            if (bh2 < L->btn_h)
                bh2 = L->btn_h;
            if (draw) {
                ui_rect r = rect_make(tx, yy, tw, bh2);
                bool pressed = open && w_pressed(c, id);
                ui_color bg = !open ? COL_DISABLED_BG : pressed ? COL_PRESSED_LIGHT : COL_CARD;
                ui_color fg = !open ? COL_DISABLED_TEXT : COL_TEXT;
                draw_rect(c->f, r, bg, L->radius);
                if (open)
                    draw_frame(c->f, r, COL_LINE, L->border, L->radius);
                int ix = c->rtl ? r.x + r.w - L->pad - L->icon : r.x + L->pad;
                draw_icon(c->f, rect_make(ix, r.y + (r.h - L->icon) / 2, L->icon, L->icon),
                          open ? ICON_HELP_HAND : ICON_CHECK, fg);
                int lx = c->rtl ? r.x + L->pad : ix + L->icon + L->gap;
                text_draw(c->f, &b, label, lx, r.y + (r.h - b.h) / 2,
                          tw - 2 * L->pad - L->icon - L->gap, UI_FONT_BOLD, fg, ALIGN_START,
                          c->rtl);
                unsigned flags = UI_WIDGET_TAPPABLE | (open ? 0 : UI_WIDGET_DISABLED) |
                                 (pressed ? UI_WIDGET_PRESSED : 0);
                w_register(c, id, UI_ROLE_BUTTON, label, r, flags, fg, bg);
            }
            yy += bh2 + L->gap;
        }
    }

    /* "Sig til, når der sker noget": a name and a number for the staff, for next time (not
     * while the kiosk cannot save) */
    if (!c->m->signups_paused) {
        const char *tell = tr(c, WIDGETS[W_INTEREST].label);
        int lw = tw - 2 * L->pad - L->icon - L->gap;
        text_block b;
        text_wrap(&b, c->ms, UI_FONT_BOLD, tell, lw, 0);
        int bh2 = b.h + L->pad * 2 > L->btn_h ? b.h + L->pad * 2 : L->btn_h;
        yy += L->gap;
        if (draw) {
            ui_rect r = rect_make(tx, yy, tw, bh2);
            bool pressed = w_pressed(c, WIDGETS[W_INTEREST].id);
            ui_color bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
            draw_rect(c->f, r, bg, L->radius);
            draw_frame(c->f, r, COL_LINE, L->border, L->radius);
            int ix = c->rtl ? r.x + r.w - L->pad - L->icon : r.x + L->pad;
            draw_icon(c->f, rect_make(ix, r.y + (r.h - L->icon) / 2, L->icon, L->icon),
                      ICON_PHONE, COL_TEXT);
            int lx = c->rtl ? r.x + L->pad : ix + L->icon + L->gap;
            text_draw(c->f, &b, tell, lx, r.y + (r.h - b.h) / 2, lw, UI_FONT_BOLD, COL_TEXT,
                      ALIGN_START, c->rtl);
            w_register(c, WIDGETS[W_INTEREST].id, UI_ROLE_BUTTON, tell, r,
                       UI_WIDGET_TAPPABLE | (pressed ? UI_WIDGET_PRESSED : 0), COL_TEXT, bg);
        }
        yy += bh2 + L->gap;
    }

    if (qr_beside) {
        int qx = c->rtl ? x + L->pad : x + w - L->pad - qr_col + L->gap;
        int qh = qr_block(c, e, qx, qr_top, qr_w, qr_max, draw, NULL);
        if (qr_top + qh > yy)
            yy = qr_top + qh;
    }
    return yy - y + L->pad;
}

/* The narrowest button in [lo, hi] that shows `label`'s words on at most `lines` lines;
 * hi + 1 when none does. */
static int narrowest(const ui_ctx *c, const char *label, icon_id icon, int lines, int lo, int hi)
{
    int n = w_button_lines(c, label, icon, UI_FONT_BOLD, hi);
    if (n < 1 || n > lines)
        return hi + 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        n = w_button_lines(c, label, icon, UI_FONT_BOLD, mid);
        if (n >= 1 && n <= lines)
            hi = mid;
        else
            lo = mid + 1;
    }
    return hi;
}

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    ui *u = c->u;
    const ui_entry *e = ui_entry_find(c->m, u->detail_uid);
    w_background(c);
    if (!e)
        return;
    const ui_activity *a = &e->act;
    /* the title in the bar where it fits on its line; else the heading under it says it, and
     * the screen keeps its room */
    int bar_room = L->w - 2 * L->margin - L->btn_h * 3 / 2 - L->gap;
    bool in_bar = text_fits(c->ms, UI_FONT_BOLD, a->title, bar_room, 1);
    int top = w_top_bar(c, in_bar ? a->title : "", NULL, NULL, ICON_NONE, false);

    /* The action bar at the bottom: join (or why not), cancel. */
    join_state js = ui_join_state(c->m, e, c->now);
    bool can_join = js == JOIN_OPEN || js == JOIN_WAITLIST;
    /* "Bare kom" and a cancelled activity have nothing to join or cancel: the bar says so,
     * with no padlocked button */
    bool show_join = a->mode != SIGNUP_MODE_NONE && !a->cancelled;
    const char *join_label =
        js == JOIN_WAITLIST ? tr(c, "Put me on the waiting list") : tr(c, "Sign up");
    char reason_buf[160];
    const char *reason = ui_join_reason(c, e, js, reason_buf, sizeof reason_buf);
    bool show_cancel = a->mode != SIGNUP_MODE_NONE && !a->cancelled && c->now < a->start &&
                       e->counts.signups + e->counts.waiting + e->counts.helpers > 0;
    const char *cancel_label = tr(c, WIDGETS[W_CANCEL].label);

    int join_w = w_button_width(c, join_label, can_join ? ICON_CHECK : ICON_LOCK, UI_FONT_BOLD);
    int cancel_w = show_cancel ? w_button_width(c, cancel_label, ICON_CROSS, UI_FONT_BOLD) : 0;
    int min_w = L->btn_h * 3;
    if (join_w < min_w)
        join_w = min_w;
    if (!show_join)
        join_w = -L->gap; /* the reason takes the whole bar */
    if (show_cancel && cancel_w < L->btn_h * 2)
        cancel_w = L->btn_h * 2;
    int avail = L->w - 2 * L->margin;
    const char *join_shown = can_join ? join_label : tr(c, "Sign up");
    icon_id join_icon = can_join ? ICON_CHECK : ICON_LOCK;
    /* Side by side when both hold their words on a line; else each its share of the row by
     * its words' length, on two lines where they need them; else (old hands get words, not a
     * bare pictogram) one above the other, the whole width each. */
    bool stacked = false;
    int row_h = L->btn_h;
    if (join_w + cancel_w + L->gap > avail) {
        if (show_join && show_cancel) {
            /* the narrowest each can be with its words on two lines, then on three; the
             * room left over shared by their words' lengths */
            int lo = L->btn_h * 2, hi = avail - L->gap - L->btn_h * 2;
            for (int lines = 2; lines <= 3; lines++) {
                int jm = narrowest(c, join_shown, join_icon, lines, lo, hi);
                int cm = narrowest(c, cancel_label, ICON_CROSS, lines, lo, hi);
                if (jm + cm + L->gap <= avail) {
                    int spare = avail - L->gap - jm - cm;
                    join_w = jm + (int)((long)spare * join_w / (join_w + cancel_w));
                    break;
                }
                stacked = lines == 3;
            }
        } else {
            join_w = (avail - L->gap) * 3 / 5;
        }
        cancel_w = avail - L->gap - join_w;
        if (stacked) {
            join_w = cancel_w = avail;
        } else {
            if (show_join)
                row_h = w_button_height(c, join_shown, join_icon, UI_FONT_BOLD, join_w);
            int ch = show_cancel ? w_button_height(c, cancel_label, ICON_CROSS, UI_FONT_BOLD,
                                                   cancel_w)
                                 : 0;
            if (ch > row_h)
                row_h = ch;
        }
    }
    int join_h = stacked ? w_button_height(c, join_shown, join_icon, UI_FONT_BOLD, avail) : row_h;
    int cancel_h = stacked ? w_button_height(c, cancel_label, ICON_CROSS, UI_FONT_BOLD, avail)
                           : row_h;
    int rows_h = stacked ? join_h + L->gap + cancel_h : row_h;
    int reason_w = avail - join_w - (show_cancel ? cancel_w + L->gap : 0) - L->gap;
    bool reason_inline = reason_w >= (int)(260 * L->fs);
    if (!reason_inline)
        reason_w = avail;
    /* A tap on something closed says why, above the bar. */
    char why_buf[256] = "";
    if (u->detail_msg == MSG_WHY_CLOSED && *reason)
        snprintf(why_buf, sizeof why_buf, "%s", reason);
    else if (u->detail_msg == MSG_TASK_FULL)
        snprintf(why_buf, sizeof why_buf, "%s",
                 tr(c, "This task has enough hands. Thank you for offering!"));

    /* The reason and the message take up to three lines each, fewer on a low window, so the
     * content keeps room for its two scroll buttons. */
    int reason_lines = 3, why_lines = 3, reason_h = 0, why_h = 0, bar_h = 0, bottom = 0;
    bool emphasise = false;
    for (;;) {
        reason_h = *reason ? w_text(c, reason, UI_FONT_BOLD, COL_TEXT, 0, 0, reason_w,
                                    reason_lines, false)
                           : 0;
        bar_h = rows_h + L->margin;
        if (reason_inline && reason_h > rows_h)
            bar_h = reason_h + L->margin;
        if (!reason_inline && reason_h)
            bar_h += reason_h + L->gap;
        why_h = *why_buf ? w_notice(c, "message", why_buf, ICON_LOCK, 0, 0,
                                    L->w - 2 * L->margin, why_lines, false)
                         : 0;
        bottom = L->h - bar_h - (why_h ? why_h + L->gap : 0);
        if (bottom - top - 2 * L->gap >= 2 * L->btn_h + L->gap)
            break;
        if (why_lines > 1 && why_h &&
            text_fits(c->ms, UI_FONT_BOLD, why_buf, L->w - 2 * L->margin - L->icon - 3 * L->pad,
                      why_lines - 1))
            why_lines--;
        else if (why_h && u->detail_msg == MSG_WHY_CLOSED) {
            /* no room for the message over the bar: the reason in the bar is the message,
             * marked like one */
            why_buf[0] = '\0';
            why_h = 0;
            emphasise = true;
        } else if (reason_lines > 1 && reason_h &&
                   text_fits(c->ms, UI_FONT_BOLD, reason, reason_w, reason_lines - 1))
            reason_lines--;
        else
            break; /* the words whole, rather than the list's room */
    }

    ui_rect view = rect_make(L->margin, top + L->gap, L->w - 2 * L->margin,
                             bottom - top - L->gap);
    ui_rect up, down;
    int sb = L->btn_h;
    /* measure with the room the scroll buttons would leave, decide if they are needed */
    int cw_full = view.w;
    /* a list too low for the two arrows over each other: side by side, beside it */
    bool side_by_side = !L->portrait && view.h < 2 * sb + L->gap;
    int cw_scroll = L->portrait ? view.w : view.w - (side_by_side ? 2 * sb + L->gap : sb) - L->gap;
    int ch = content(c, e, 0, 0, cw_full, view.h, false);
    bool need_scroll = ch > view.h;
    int cw = cw_full;
    if (need_scroll) {
        cw = cw_scroll;
        if (L->portrait)
            view.h -= sb + L->gap;
        ch = content(c, e, 0, 0, cw, view.h, false);
    }
    int bx = c->rtl ? view.x : view.x + view.w - sb;
    if (side_by_side) {
        int ux = c->rtl ? view.x + sb + L->gap : bx - sb - L->gap;
        up = rect_make(c->rtl ? bx + sb + L->gap : ux, view.y, sb, sb);
        down = rect_make(c->rtl ? view.x : bx, view.y, sb, sb);
        if (need_scroll && c->rtl)
            view.x += 2 * sb + 2 * L->gap;
    } else if (!L->portrait) {
        int bh = (view.h - L->gap) / 2;
        if (bh > sb * 2)
            bh = sb * 2;
        if (bh < sb)
            bh = sb; /* never under 16 mm */
        up = rect_make(bx, view.y, sb, bh);
        down = rect_make(bx, view.y + view.h - bh, sb, bh);
        if (need_scroll && c->rtl)
            view.x += sb + L->gap;
    } else {
        int bw = (view.w - L->gap) / 2;
        up = rect_make(view.x, view.y + view.h + L->gap, bw, sb);
        down = rect_make(view.x + bw + L->gap, view.y + view.h + L->gap, bw, sb);
    }
    view.w = cw;

    int scroll_max;

    int scroll = w_scroll_begin(c, SCR_DETAIL, view, ch, COL_CARD, &scroll_max);
    draw_rect(c->f, rect_make(view.x, view.y - scroll, view.w, ch > view.h ? ch : view.h),
              COL_CARD, L->radius);
    content(c, e, view.x, view.y - scroll, view.w, view.h, true);
    w_scroll_end(c);
    if (need_scroll)
        w_scroll_buttons(c, up, down, scroll, scroll_max);

    if (why_h)
        w_notice(c, "message", why_buf, ICON_LOCK, L->margin, bottom, L->w - 2 * L->margin,
                 why_lines, true);

    /* the bar */
    int by = L->h - bar_h;
    draw_rect(c->f, rect_make(0, by, L->w, bar_h), COL_CARD, 0);
    draw_rect(c->f, rect_make(0, by, L->w, L->border), COL_LINE, 0);
    int row_y = L->h - L->margin / 2 - rows_h;
    if (reason_inline && reason_h > rows_h)
        row_y = by + (bar_h - rows_h) / 2;
    if (show_join) {
        ui_rect rj =
            rect_make(c->rtl ? L->w - L->margin - join_w : L->margin, row_y, join_w, join_h);
        w_button(c, WIDGETS[W_JOIN].id, join_shown, join_icon, rj, BTN_PRIMARY, UI_FONT_BOLD,
                 !can_join);
    }
    if (show_cancel) {
        ui_rect rc = rect_make(c->rtl ? L->margin : L->w - L->margin - cancel_w,
                               stacked ? row_y + join_h + L->gap : row_y, cancel_w, cancel_h);
        w_button(c, WIDGETS[W_CANCEL].id, cancel_label, ICON_CROSS, rc, BTN_SECONDARY, UI_FONT_BOLD,
                 false);
    }
    if (*reason) {
        int rx, ry;
        if (reason_inline) {
            rx = c->rtl ? L->w - L->margin - join_w - L->gap - reason_w
                        : L->margin + join_w + L->gap;
            ry = by + (bar_h - reason_h) / 2;
        } else {
            rx = L->margin;
            ry = by + L->margin / 2;
        }
        if (emphasise) {
            int rh = w_text(c, reason, UI_FONT_BOLD, COL_TEXT, rx, ry, reason_w, reason_lines,
                            false);
            draw_rect(c->f, rect_make(rx - L->pad / 2, ry, reason_w + L->pad, rh), COL_NOTICE,
                      L->radius / 2);
            w_text_widget(c, "message", UI_ROLE_TEXT, reason, UI_FONT_BOLD, COL_TEXT, COL_NOTICE,
                          rx, ry, reason_w, reason_lines, true);
            w_register(c, "join-reason", UI_ROLE_TEXT, reason, rect_make(rx, ry, reason_w, rh), 0,
                       COL_TEXT, COL_NOTICE);
        } else {
            w_text_widget(c, "join-reason", UI_ROLE_TEXT, reason, UI_FONT_BOLD, COL_TEXT,
                          COL_CARD, rx, ry, reason_w, reason_lines, true);
        }
    }
}

/* The activity shown; NULL (and back where detail was opened from) when it has gone. */
static const ui_entry *shown(ui *u, const ui_model *m, int64_t now_ms)
{
    const ui_entry *e = ui_entry_find(m, u->detail_uid);
    if (!e) {
        u->detail_msg = MSG_NONE;
        ui_goto(u, u->detail_from == SCR_PROGRAM ? SCR_PROGRAM : SCR_HOME, now_ms);
    }
    return e;
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->detail_msg = MSG_NONE;
    ui_goto(u, u->detail_from == SCR_PROGRAM ? SCR_PROGRAM : SCR_HOME, now_ms);
}

static void tap_join(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    const ui_entry *e = shown(u, m, now_ms);
    if (!e)
        return;
    join_state js = ui_join_state(m, e, now_ms / 1000);
    if (js != JOIN_OPEN && js != JOIN_WAITLIST) {
        u->detail_msg = MSG_WHY_CLOSED;
        return;
    }
    ui_flow_start(u, e, 0, now_ms);
}

static void tap_cancel(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    const ui_entry *e = shown(u, m, now_ms);
    if (e)
        ui_flow_start_cancel(u, e, now_ms);
}

static void tap_task(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    const ui_entry *e = shown(u, m, now_ms);
    long long tid = 0;
    int index = -1;
    if (!e || sscanf(arg, "%lld", &tid) != 1 || !ui_task_find(&e->act, tid, &index))
        return;
    if (ui_task_join_state(m, e, index, now_ms / 1000) != JOIN_OPEN) {
        u->detail_msg = MSG_TASK_FULL;
        return;
    }
    ui_flow_start(u, e, tid, now_ms);
}

static void tap_interest(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    const ui_entry *e = shown(u, m, now_ms);
    if (e && !m->signups_paused)
        ui_flow_start_interest(u, e, now_ms);
}

static void tap_scroll_up(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    if (shown(u, m, now_ms))
        ui_tap_scroll_up(u, m, arg, now_ms);
}

static void tap_scroll_down(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    if (shown(u, m, now_ms))
        ui_tap_scroll_down(u, m, arg, now_ms);
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_JOIN] = {"join", tap_join, NULL}, /* its words say how (sign up, the waiting list) */
    [W_CANCEL] = {"cancel-signup", tap_cancel, N_("Cancel my sign-up")},
    [W_TASK] = {"task:", tap_task, NULL},
    [W_INTEREST] = {"interest", tap_interest, N_("Tell me when something like this is on")},
    [W_SCROLL_UP] = {"scroll-up", tap_scroll_up, NULL},
    [W_SCROLL_DOWN] = {"scroll-down", tap_scroll_down, NULL},
};

const ui_screen_def screen_detail = {
    .name = "detail",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .flags = UI_SCREEN_SCROLLS,
};
