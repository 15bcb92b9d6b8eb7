/* idle: what the kiosk shows when nobody is there. A dark screen, calm in the room, readable
 * from across it: the clock, today's and tomorrow's highlights (pictogram, time, title,
 * place, places), and the QR code of the next activity that has one, large, for a passer-by
 * to scan. The content moves to a new place every few minutes (burn-in). Any touch wakes the
 * kiosk to home (ui.c), so nothing here is a tap target.
 *
 * night: all black, one full-screen `wake`. too-small: the window is below the minimum. */
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "ui/card.h"
#include "ui/screens.h"

#define IDLE_MAX_ITEMS 12

typedef struct idle_item {
    const ui_entry *e;
    int day; /* 0 today, 1 tomorrow, 2 later ("coming up") */
    int h;
} idle_item;

static ui_color dark_places_color(ui_color c)
{
    if (c.r == COL_OPEN.r && c.g == COL_OPEN.g && c.b == COL_OPEN.b)
        return COL_DARK_OPEN;
    if (c.r == COL_FULL.r && c.g == COL_FULL.g && c.b == COL_FULL.b)
        return COL_DARK_FULL;
    return COL_DARK_SOFT;
}

static bool shown(const ui_entry *e, int64_t now)
{
    return !ui_entry_over(&e->act, now);
}

/* The next activity with a code: the first not yet started, else one going on now. */
static const ui_entry *next_with_qr(const ui_model *m, int64_t now)
{
    const ui_entry *going = NULL;
    for (size_t i = 0; i < m->n_entries; i++) {
        const ui_entry *e = &m->entries[i];
        if (!shown(e, now) || !ui_entry_has_qr(m, e))
            continue;
        if (e->act.start > now)
            return e;
        if (!going)
            going = e;
    }
    return going;
}

static const char *qr_line(const ui_ctx *c, ui_qr_kind kind)
{
    switch (kind) {
    case UI_QR_URL: return tr(c, "Scan and sign up");
    case UI_QR_SMS: return tr(c, "Scan and send a text to the host");
    case UI_QR_CALENDAR: return tr(c, "Scan and add it to your calendar");
    case UI_QR_NONE: break;
    }
    return "";
}

/* One highlight: a dark panel with the category's tile, "18:00  Fællesspisning", and
 * "Fælleshuset · 5 ledige pladser" (or "Nu · Fælleshuset") under it. Returns its height. */
static int item(ui_ctx *c, const idle_item *it, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_activity *a = &it->e->act;
    int pad = L->pad * 2 / 3;
    /* the time and title big; on a low screen in the body size, so a title is not broken */
    ui_font big = L->h < 7 * L->target ? UI_FONT_BOLD : UI_FONT_TITLE;
    int tile0 = text_line_h(c->ms, big) * 3 / 2;
    if (big == UI_FONT_TITLE &&
        w_longest_word(c, big, a->title) > w - 2 * (L->pad * 2 / 3) - tile0 - L->gap)
        big = UI_FONT_BOLD; /* a title's word too wide for the big size: the body size */
    int tile = text_line_h(c->ms, big) * 3 / 2;
    int tx = c->rtl ? x + pad : x + pad + tile + L->gap;
    int tw = w - 2 * pad - tile - L->gap;
    char when[96], line1[ACT_TITLE_MAX + 112], places_buf[96], line2[ACT_PLACE_MAX + 112];
    char now_word[64];
    /* a low screen has no room for the day's headings: each line says its day */
    bool own_day = L->h < 7 * L->target && it->day <= 1;
    if (it->day <= 1 && !own_day)
        i18n_clock(c->cat, a->start, when, sizeof when);
    else
        i18n_when(c->cat, a->start, c->now, when, sizeof when);
    snprintf(line1, sizeof line1, "%s  %s", when, a->title);
    ui_color pc;
    const char *places = ui_places_text(c, it->e, places_buf, sizeof places_buf, &pc);
    if (a->cancelled) {
        /* "Aflyst" first, greyed, the rest struck through */
        snprintf(line1, sizeof line1, "%s  %s  %s", tr(c, "Cancelled"), when, a->title);
        places = "";
        pc = COL_CLOSED;
    } else if (a->start <= c->now) {
        /* going on now: that is what matters, not that sign-up has closed */
        i18n_countdown(c->cat, a->start, a->end, c->now, now_word, sizeof now_word);
        places = now_word;
        pc = COL_OPEN;
    }
    if (a->place[0] && *places)
        snprintf(line2, sizeof line2, "%s \xC2\xB7 %s", places, a->place);
    else
        snprintf(line2, sizeof line2, "%s", *places ? places : a->place);
    /* on one line: the places, and the place when there is room for all of it */
    const char *shown2 = line2;
    if (*places && text_width(c->ms, UI_FONT_BOLD, line2) > tw)
        shown2 = places;

    int h1 = w_text(c, line1, big, COL_DARK_TEXT, tx, 0, tw, 0, false);
    int h2 = *shown2 ? w_text(c, shown2, UI_FONT_BOLD, COL_DARK_SOFT, tx, 0, tw, 0, false) : 0;
    int th = h1 + (h2 ? L->gap / 3 + h2 : 0);
    int h = (th > tile ? th : tile) + 2 * pad;
    if (!draw)
        return h;
    draw_rect(c->f, rect_make(x, y, w, h), COL_DARK_PANEL, L->radius);
    int ix = c->rtl ? x + w - pad - tile : x + pad;
    int iy = y + (h - tile) / 2;
    draw_rect(c->f, rect_make(ix, iy, tile, tile),
              a->cancelled ? COL_CLOSED : ui_category_color(a->category), L->radius / 2);
    int ic = tile * 3 / 4;
    draw_icon(c->f, rect_make(ix + (tile - ic) / 2, iy + (tile - ic) / 2, ic, ic),
              icon_for_category(a->category), COL_WHITE);
    int ty = y + (h - th) / 2;
    text_block b;
    text_wrap(&b, c->ms, big, line1, tw, 0);
    text_draw(c->f, &b, line1, tx, ty, tw, big,
              a->cancelled ? COL_DARK_SOFT : COL_DARK_TEXT, ALIGN_START, c->rtl);
    if (a->cancelled) {
        /* the line through what was planned, not through "Aflyst" */
        char cut[ACT_TITLE_MAX + 112];
        snprintf(cut, sizeof cut, "%s  ", tr(c, "Cancelled"));
        int skip = text_width(c->ms, big, cut);
        int lw = b.line[0].w - skip;
        if (lw > 0)
            draw_rect(c->f, rect_make(c->rtl ? tx + tw - b.line[0].w : tx + skip,
                                      ty + b.line_h * 11 / 20, lw, L->border > 2 ? L->border : 2),
                      COL_DARK_SOFT, 0);
        for (int k = 1; k < b.n; k++)
            draw_rect(c->f, rect_make(c->rtl ? tx + tw - b.line[k].w : tx,
                                      ty + k * b.line_h + b.line_h * 11 / 20, b.line[k].w,
                                      L->border > 2 ? L->border : 2),
                      COL_DARK_SOFT, 0);
    }
    ty += b.h + L->gap / 3;
    if (h2) {
        /* the place and the places line in the places' own colour (light green, amber) */
        text_wrap(&b, c->ms, UI_FONT_BOLD, shown2, tw, 0);
        text_draw(c->f, &b, shown2, tx, ty, tw, UI_FONT_BOLD, dark_places_color(pc), ALIGN_START,
                  c->rtl);
    }
    char id[UI_ID_MAX], label[ACT_TITLE_MAX + ACT_PLACE_MAX + 240];
    snprintf(id, sizeof id, "idle-item:%s", a->uid);
    snprintf(label, sizeof label, "%s \xC2\xB7 %s", line1, line2);
    w_register(c, id, UI_ROLE_TEXT, label, rect_make(x, y, w, h), 0, COL_DARK_TEXT, COL_DARK_PANEL);
    return h;
}

/* Chooses what fits in `avail_h`: today's and tomorrow's in turn (so tomorrow is never
 * crowded out by a full today), what is still ahead before what has begun; then shown in the
 * order of their start. Returns how many. */
static int choose(ui_ctx *c, idle_item *out, int w, int avail_h)
{
    const ui_model *m = c->m;
    idle_item cand[2][IDLE_MAX_ITEMS];
    int n[2] = {0, 0};
    for (int pass = 0; pass < 2; pass++) { /* 0: not begun, 1: going on now */
        for (size_t i = 0; i < m->n_entries; i++) {
            const ui_entry *e = &m->entries[i];
            if (!shown(e, c->now) || (e->act.start <= c->now) != (pass == 1))
                continue;
            int d = e->act.start <= c->now ? 0 : dktime_days_between(c->now, e->act.start);
            if (d < 0 || d > 1 || n[d] >= IDLE_MAX_ITEMS)
                continue;
            cand[d][n[d]++] = (idle_item){e, d, 0};
        }
    }
    if (n[0] == 0 && n[1] == 0) {
        /* nothing today or tomorrow: what comes next, with its day */
        for (size_t i = 0; i < m->n_entries && n[0] < IDLE_MAX_ITEMS; i++) {
            const ui_entry *e = &m->entries[i];
            if (shown(e, c->now))
                cand[0][n[0]++] = (idle_item){e, 2, 0};
        }
    }
    bool low = c->L->h < 7 * c->L->target; /* no headings for today and tomorrow */
    int head_h = text_line_h(c->ms, UI_FONT_TITLE) + c->L->gap / 2;
    bool taken[2][IDLE_MAX_ITEMS] = {{false}};
    int used = 0, count = 0;
    bool head[2] = {false, false};
    for (int round = 0; round < IDLE_MAX_ITEMS; round++) {
        bool any = false;
        for (int d = 0; d < 2; d++) {
            if (round >= n[d])
                continue;
            idle_item *it = &cand[d][round];
            it->h = item(c, it, 0, 0, w, false);
            int need = it->h + c->L->gap + (head[d] || (low && it->day <= 1) ? 0 : head_h);
            if (used + need > avail_h)
                continue;
            used += need;
            head[d] = true;
            taken[d][round] = true;
            any = true;
        }
        if (!any)
            break;
    }
    for (int d = 0; d < 2; d++) {
        int first = count;
        for (int i = 0; i < n[d]; i++) {
            if (!taken[d][i])
                continue;
            /* in order of start within the day */
            int k = count++;
            while (k > first && out[k - 1].e->act.start > cand[d][i].e->act.start) {
                out[k] = out[k - 1];
                k--;
            }
            out[k] = cand[d][i];
        }
    }
    return count;
}

/* Which activity a code is for: "Strikkeklub · I dag 14:00" on one line where it fits in `w`,
 * else the title and its time on lines of their own, so the time ("I dag 14:00") is never
 * broken between its words. */
static void qr_for_text(const ui_ctx *c, const ui_entry *e, ui_font font, int w, char *out,
                        size_t size)
{
    char when[96];
    i18n_when(c->cat, e->act.start, c->now, when, sizeof when);
    snprintf(out, size, "%s \xC2\xB7 %s", e->act.title, when);
    if (text_width(c->ms, font, out) > w)
        snprintf(out, size, "%s\n%s", e->act.title, when);
}

/* The QR code with what scanning does and what it is for. `side` is the code's size; returns
 * the block's height. */
static int qr_block(ui_ctx *c, const ui_entry *e, int x, int y, int w, int side, bool draw,
                    bool with_what)
{
    const ui_layout *L = c->L;
    char what[ACT_TITLE_MAX + 112];
    qr_for_text(c, e, UI_FONT_SMALL, w, what, sizeof what);
    const char *line = qr_line(c, e->qr_kind);
    int lh = w_text(c, line, UI_FONT_BOLD, COL_DARK_TEXT, x, 0, w, 0, false);
    int wh = with_what ? w_text(c, what, UI_FONT_SMALL, COL_DARK_SOFT, x, 0, w, 0, false) : 0;
    int h = side + L->gap + lh + (with_what ? L->gap / 3 + wh : 0);
    if (!draw)
        return h;
    ui_rect r = rect_make(x + (w - side) / 2, y, side, side);
    draw_qr(c->f, r, e->qr, e->qr_size);
    w_register(c, "qr", UI_ROLE_QR, line, r, 0, COL_TEXT, COL_CARD);
    int ty = y + side + L->gap;
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_BOLD, line, w, 0);
    text_draw(c->f, &b, line, x, ty, w, UI_FONT_BOLD, COL_DARK_TEXT, ALIGN_CENTER, c->rtl);
    w_register(c, "qr-text", UI_ROLE_TEXT, line, rect_make(x, ty, w, b.h), 0, COL_DARK_TEXT,
               COL_DARK_BG);
    if (!with_what)
        return h;
    ty += b.h + L->gap / 3;
    text_wrap(&b, c->ms, UI_FONT_SMALL, what, w, 0);
    text_draw(c->f, &b, what, x, ty, w, UI_FONT_SMALL, COL_DARK_SOFT, ALIGN_CENTER, c->rtl);
    w_register(c, "qr-for", UI_ROLE_TEXT, what, rect_make(x, ty, w, b.h), 0, COL_DARK_SOFT,
               COL_DARK_BG);
    return h;
}

/* The largest code side (whole pixels per module, the quiet zone included) within `max`. */
static int qr_side(const ui_entry *e, int max)
{
    int n = e->qr_size + 8;
    int mod = max / n;
    return mod >= 4 ? mod * n : 0;
}

/* The code's turn on a low screen: the clock, what scanning does and which activity it is
 * for, and the code as big as the height beside them. */
static void idle_code_turn(ui_ctx *c, const ui_entry *q, int bx, int by, int bw, int bh, int side)
{
    const ui_layout *L = c->L;
    int tw = bw - side - 2 * L->margin;
    int tx = c->rtl ? bx + side + 2 * L->margin : bx;
    int qx = c->rtl ? bx : bx + bw - side;
    char clock[32];
    i18n_clock(c->cat, c->now, clock, sizeof clock);
    int clock_w = text_width(c->ms, UI_FONT_HUGE, clock);
    int clock_h = text_line_h(c->ms, UI_FONT_HUGE);
    int cx = c->rtl ? tx + tw - clock_w : tx;
    draw_text(c->f, cx, by, clock_w, clock_h, UI_FONT_HUGE, COL_DARK_TEXT, clock);
    w_register(c, "clock", UI_ROLE_TEXT, clock, rect_make(cx, by, clock_w, clock_h), 0,
               COL_DARK_TEXT, COL_DARK_BG);
    char what[ACT_TITLE_MAX + 112];
    qr_for_text(c, q, UI_FONT_TITLE, tw, what, sizeof what);
    const char *line = qr_line(c, q->qr_kind);
    int y = by + clock_h + L->gap;
    y += w_text_widget(c, "qr-for", UI_ROLE_TEXT, what, UI_FONT_TITLE, COL_DARK_TEXT, COL_DARK_BG,
                       tx, y, tw, 0, true) +
         L->gap;
    w_text_widget(c, "qr-text", UI_ROLE_TEXT, line, UI_FONT_BOLD, COL_DARK_SOFT, COL_DARK_BG, tx,
                  y, tw, 0, true);
    ui_rect r = rect_make(qx, by + (bh - side) / 2, side, side);
    draw_qr(c->f, r, q->qr, q->qr_size);
    w_register(c, "qr", UI_ROLE_QR, line, r, 0, COL_TEXT, COL_CARD);
}

/* Whether anything is on to show at all (today, tomorrow, or later). */
static bool anything_on(const ui_model *m, int64_t now)
{
    for (size_t i = 0; i < m->n_entries; i++)
        if (shown(&m->entries[i], now))
            return true;
    return false;
}

static void build_idle(ui_ctx *c)
{
    const ui_layout *L = c->L;
    draw_rect(c->f, rect_make(0, 0, L->w, L->h), COL_DARK_BG, 0);
    const char *hint = tr(c, "Touch to see the whole program");
    /* the whole screen wakes the kiosk (on press, in ui.c); the widget names it for the dump */
    w_register(c, "wake", UI_ROLE_TEXT, hint, rect_make(0, 0, L->w, L->h), 0, COL_DARK_TEXT,
               COL_DARK_BG);

    /* the room the content moves in */
    int slack_x = L->w * 6 / 100, slack_y = L->h * 6 / 100;
    int ox, oy;
    ui_idle_offset(c->now_ms, slack_x, slack_y, &ox, &oy);
    int bx = L->margin + ox, by = L->margin + oy;
    int bw = L->w - 2 * L->margin - slack_x, bh = L->h - 2 * L->margin - slack_y;

    /* The code first, as it decides the room of the rest: on a landscape screen a column
     * beside everything, from the top; on a portrait one under the highlights. Its words
     * say what scanning does and which activity it is for, whole. */
    const ui_entry *q = next_with_qr(c->m, c->now);
    int list_x = bx, list_w = bw, list_bottom = by + bh;
    int q_side = 0, q_x = 0, q_y = by, q_w = 0;
    if (q && !L->portrait) {
        int need = (q->qr_size + 8) * 4; /* 4 px a module */
        q_w = bw / 3 > need ? bw / 3 : need;
        /* and no word of its lines broken ("Fællesspisning") */
        int word = w_longest_word(c, UI_FONT_BOLD, q->act.title) + L->pad;
        if (q_w < word)
            q_w = word;
        int text_h = qr_block(c, q, 0, 0, q_w, 0, false, true);
        while (bh - text_h < need && q_w < bw * 11 / 20) {
            q_w += L->margin;
            text_h = qr_block(c, q, 0, 0, q_w, 0, false, true);
        }
        int max = bh - text_h;
        q_side = qr_side(q, max < q_w ? max : q_w);
        if (q_side) {
            int qh = qr_block(c, q, 0, 0, q_w, q_side, false, true);
            q_x = c->rtl ? bx : bx + bw - q_w;
            q_y = by + (bh - qh) / 2;
            list_w = bw - q_w - L->margin * 2;
            if (c->rtl)
                list_x = bx + q_w + L->margin * 2;
        }
    }
    if (q && !q_side && !L->portrait) {
        /* A low screen without room for the code beside what is on: the two take turns,
         * every few minutes (the code first: it is what a passer-by can take along). The
         * code as big as the height, its words beside it under the clock. */
        int turn = (int)(((c->now_ms - c->u->screen_since) / UI_IDLE_MOVE_MS) % 2);
        int need = (q->qr_size + 8) * 4;
        int side = qr_side(q, bh < bw / 2 ? bh : bw / 2);
        if (turn == 0 && side >= need) {
            idle_code_turn(c, q, bx, by, bw, bh, side);
            return;
        }
        q = NULL;
    } else if (!q_side) {
        q = q && L->portrait ? q : NULL;
    }

    /* the clock and the date: beside each other where they fit, else the date under */
    char clock[32], date[96];
    i18n_clock(c->cat, c->now, clock, sizeof clock);
    i18n_date_long(c->cat, c->now, date, sizeof date);
    int clock_w = text_width(c->ms, UI_FONT_HUGE, clock);
    int clock_h = text_line_h(c->ms, UI_FONT_HUGE);
    int cx = c->rtl ? list_x + list_w - clock_w : list_x;
    draw_text(c->f, cx, by, clock_w, clock_h, UI_FONT_HUGE, COL_DARK_TEXT, clock);
    w_register(c, "clock", UI_ROLE_TEXT, clock, rect_make(cx, by, clock_w, clock_h), 0,
               COL_DARK_TEXT, COL_DARK_BG);
    int dw = list_w - clock_w - L->gap * 2;
    int top;
    ui_font df = UI_FONT_TITLE;
    if (text_width(c->ms, df, date) > dw)
        df = UI_FONT_BOLD;
    if (text_width(c->ms, df, date) <= dw) {
        int dh = text_line_h(c->ms, df);
        int dx = c->rtl ? list_x : list_x + clock_w + L->gap * 2;
        w_text_widget(c, "date", UI_ROLE_TEXT, date, df, COL_DARK_SOFT, COL_DARK_BG, dx,
                      by + (clock_h - dh) / 2, dw, 1, true);
        top = by + clock_h + L->gap / 2;
    } else {
        /* the date under the clock, unless it would cost a highlight */
        top = by + clock_h;
        int date_h = w_text(c, date, UI_FONT_BOLD, COL_DARK_SOFT, list_x, top, list_w, 2, false);
        idle_item probe[2 * IDLE_MAX_ITEMS];
        int room = (L->portrait ? by + bh - (by + bh) / 2 : by + bh) - top - L->gap;
        int with = choose(c, probe, list_w, room - date_h);
        int without = choose(c, probe, list_w, room);
        if (with >= without)
            top += w_text_widget(c, "date", UI_ROLE_TEXT, date, UI_FONT_BOLD, COL_DARK_SOFT,
                                 COL_DARK_BG, list_x, top, list_w, 2, true) +
                   L->gap;
        else
            top += L->gap / 2;
    }

    /* portrait: the code under the highlights, at the foot */
    if (q && L->portrait) {
        q_w = bw;
        int text_h = qr_block(c, q, 0, 0, q_w, 0, false, true);
        int max = (by + bh - top) / 2 - text_h;
        q_side = qr_side(q, max < bw * 3 / 4 ? max : bw * 3 / 4);
        if (q_side) {
            int qh = qr_block(c, q, 0, 0, q_w, q_side, false, true);
            q_x = bx;
            q_y = by + bh - qh;
            list_bottom = q_y - L->margin;
        } else {
            q = NULL;
        }
    }

    /* how to wake it, at the foot of the list's column, where there is room for it */
    int hint_h = w_text(c, hint, UI_FONT_BODY, COL_DARK_SOFT, 0, 0, list_w, 2, false);
    bool show_hint = text_fits(c->ms, UI_FONT_BODY, hint, list_w, 2);
    int first_item = 0;
    if (show_hint) {
        idle_item probe[2 * IDLE_MAX_ITEMS];
        first_item = choose(c, probe, list_w, list_bottom - hint_h - L->gap - top);
        if (first_item == 0 && anything_on(c->m, c->now))
            show_hint = false; /* the highlights before the hint */
    }
    int bottom = show_hint ? list_bottom - hint_h - L->gap : list_bottom;

    idle_item items[2 * IDLE_MAX_ITEMS];
    int n = choose(c, items, list_w, bottom - top);
    int y = top;
    int last_day = -1;
    for (int i = 0; i < n; i++) {
        if (items[i].day != last_day && (L->h >= 7 * L->target || items[i].day == 2)) {
            last_day = items[i].day;
            char day[96];
            const char *head = day;
            if (last_day == 2)
                head = tr(c, "Coming up");
            else
                i18n_day(c->cat, last_day == 0 ? c->now : items[i].e->act.start, c->now, day,
                         sizeof day);
            y += w_text_widget(c, last_day == 1 ? "idle-tomorrow" : "idle-today", UI_ROLE_HEADING,
                               head, UI_FONT_TITLE, COL_DARK_TEXT, COL_DARK_BG, list_x, y, list_w,
                               1, true) +
                 L->gap / 2;
        }
        y += item(c, &items[i], list_x, y, list_w, true) + L->gap;
    }
    if (n == 0 && !anything_on(c->m, c->now))
        w_text_widget(c, "idle-empty", UI_ROLE_HEADING, tr(c, "Nothing is planned right now"),
                      UI_FONT_TITLE, COL_DARK_TEXT, COL_DARK_BG, list_x, top, list_w, 3, true);
    if (q)
        qr_block(c, q, q_x, q_y, q_w, q_side, true, true);
    if (show_hint) {
        text_block b;
        text_wrap(&b, c->ms, UI_FONT_BODY, hint, list_w, 2);
        text_draw(c->f, &b, hint, list_x, list_bottom - b.h, list_w, UI_FONT_BODY, COL_DARK_SOFT,
                  ALIGN_CENTER, c->rtl);
    }
}

static void build_night(ui_ctx *c)
{
    const ui_layout *L = c->L;
    draw_rect(c->f, rect_make(0, 0, L->w, L->h), COL_BLACK, 0);
    w_register(c, "wake", UI_ROLE_BUTTON, tr(c, "Touch to wake the screen"),
               rect_make(0, 0, L->w, L->h), UI_WIDGET_TAPPABLE, COL_WHITE, COL_BLACK);
}

/* the first touch only wakes them (ui.c): nothing on them answers a tap */
const ui_screen_def screen_idle = {
    .name = "idle",
    .build = build_idle,
    .flags = UI_SCREEN_RESTING,
};

const ui_screen_def screen_night = {
    .name = "night",
    .build = build_night,
    .flags = UI_SCREEN_RESTING,
};

void screen_too_small_build(ui_ctx *c, int min_w, int min_h)
{
    const ui_layout *L = c->L;
    w_background(c);
    c->view = rect_make(0, 0, L->w, L->h); /* whatever does not fit is not registered */
    draw_clip(c->f, c->view);
    char detail[160];
    i18n_format(detail, sizeof detail,
                tr(c, "Make it at least %d \xC3\x97 %d pixels, or use the full screen."), min_w,
                min_h);
    int w = L->w - 2 * L->margin;
    int y = L->margin;
    y += w_text_widget(c, "too-small", UI_ROLE_HEADING, tr(c, "The window is too small"),
                       UI_FONT_TITLE, COL_TEXT, COL_BG, L->margin, y, w, 3, true) +
         L->gap;
    w_text_widget(c, "too-small-detail", UI_ROLE_TEXT, detail, UI_FONT_BODY, COL_TEXT, COL_BG,
                  L->margin, y, w, 4, true);
    c->view = rect_make(0, 0, 0, 0);
    draw_clip(c->f, c->view);
}

void screen_error_build(ui_ctx *c, const char *detail)
{
    const ui_layout *L = c->L;
    w_background(c);
    int w = L->w - 2 * L->margin;
    int y = L->margin;
    y += w_notice(c, "error", tr(c, "The kiosk cannot start right now."), ICON_WARNING,
                  L->margin, y, w, 3, true) +
         L->gap;
    y += w_text_widget(c, "error-help", UI_ROLE_TEXT,
                       tr(c, "Please tell the staff. Nothing has been lost."), UI_FONT_BODY,
                       COL_TEXT, COL_BG, L->margin, y, w, 3, true) +
         L->gap;
    w_text_widget(c, "error-detail", UI_ROLE_TEXT, detail ? detail : "", UI_FONT_SMALL, COL_TEXT,
                  COL_BG, L->margin, y, w, 8, true);
}
