/* home: the week at a glance, as the paper Ugeplan on the notice board.
 *
 * A header with the language button (the language in use, in its own words), "Hvem kan jeg
 * spørge?" when the staff gave contacts, the estate and the date where there is room, and
 * the clock. Under it the days from today on, each a band:
 * a calendar leaf at the start ("I dag" in green, else "Ons." and "25."), then the day's
 * activities as tiles, a pictogram, the time and the title, big enough to tap (each opens
 * the detail). A cancelled one says "Aflyst" first, greyed and struck through. The leaf
 * opens the whole program at that day, as detailed cards (program), and so does the button
 * at the end of the week.
 *
 * Which days: the seven from today (today always, the others when something is on); when
 * nothing is on in them, the next seven days that have something. Activities that are over
 * are not shown.
 *
 * Fitting the panel: tiles are never narrower than the longest word of today's and
 * tomorrow's titles at the body size, so a narrow screen has fewer tiles beside each other,
 * not smaller ones; each line of a tile is as high as its own letters (a Danish title on an
 * Urdu screen is not Nastaliq-high) and a short title starts on its time's line, so on a 7"
 * 800x480 panel the rest of today and tomorrow are whole without a swipe (where they still
 * are not, a countdown of hours, or one taller than the time, is left off); the scroll arrows
 * sit in the header of a landscape screen (the width is the week's) and under the week on a
 * portrait one. The list shows whole rows only: a row that does not fit whole is left for the
 * down arrow (not cut by the arrows' bar), which brings it to the top with one tap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "ui/card.h"
#include "ui/nav.h"
#include "ui/rows.h"
#include "ui/screen.h"

/* what a tap on home reaches (WIDGETS, at the end) */
enum { W_CARD, W_DAY, W_PROGRAM, W_IDEAS, W_CONTACTS, W_LANG, W_SCROLL_UP, W_SCROLL_DOWN, W_COUNT };
static const ui_widget_def WIDGETS[W_COUNT];

#define WEEK_DAYS 7
#define WEEK_MAX_TILES 64 /* tiles measured per frame at most (a week of a busy house) */

typedef struct week_day {
    int64_t day;   /* a moment of the day (the first activity's start, or now for today) */
    size_t first;  /* index of the first entry of the day in the model */
    int n;         /* entries of the day shown */
} week_day;

/* The tile's inside padding: the line boxes of the text have room of their own. */
static int tile_pad(const ui_layout *L)
{
    return L->pad / 2 > 2 ? L->pad / 2 : 2;
}

/* A tile's room around its words: across (a little), and above and below (the line boxes
 * of the text have air of their own; on a 7" panel three rows of tiles, the rest of today
 * and tomorrow, fit under the header only with little more). */
static int tile_px(const ui_layout *L)
{
    return (L->pad / 4 > 2 ? L->pad / 4 : 2) + L->border;
}

static int tile_py(const ui_layout *L)
{
    return L->border + 1;
}

static bool shown(const ui_activity *a, int64_t now)
{
    return !ui_entry_over(a, now);
}

/* The days of the week view, in order; returns how many. */
static int week_days(const ui_ctx *c, week_day out[WEEK_DAYS])
{
    const ui_model *m = c->m;
    int n = 0;
    /* today, always */
    out[n++] = (week_day){c->now, 0, 0};
    bool any = false;
    for (size_t i = 0; i < m->n_entries; i++) {
        const ui_activity *a = &m->entries[i].act;
        if (!shown(a, c->now))
            continue;
        int d = a->start <= c->now ? 0 : dktime_days_between(c->now, a->start);
        if (d < 0 || d >= WEEK_DAYS)
            continue;
        any = true;
        week_day *wd = &out[n - 1];
        if (d == 0) {
            wd = &out[0];
        } else if (dktime_days_between(wd->day, a->start) != 0) {
            out[n] = (week_day){a->start, i, 0};
            wd = &out[n++];
        }
        if (wd->n++ == 0)
            wd->first = i;
    }
    if (any)
        return n;
    /* nothing this week: the next days that have something */
    n = 0;
    for (size_t i = 0; i < m->n_entries; i++) {
        const ui_activity *a = &m->entries[i].act;
        if (!shown(a, c->now))
            continue;
        if (n && dktime_days_between(out[n - 1].day, a->start) == 0) {
            out[n - 1].n++;
            continue;
        }
        if (n == WEEK_DAYS)
            break;
        out[n++] = (week_day){a->start, i, 1};
    }
    return n;
}

/* Whether entry i belongs to the day `d` (in the view: today takes what has begun too). */
static bool of_day(const ui_ctx *c, const week_day *d, const ui_activity *a, bool today)
{
    if (!shown(a, c->now))
        return false;
    if (today)
        return a->start <= c->now || dktime_days_between(c->now, a->start) == 0;
    return a->start > c->now && dktime_days_between(d->day, a->start) == 0;
}

static bool is_today(const ui_ctx *c, const week_day *d)
{
    return dktime_days_between(c->now, d->day) == 0;
}

/* One activity as a tile: pictogram, time (and "om 20 min." where it fits), the title under
 * them. Returns its height; draws it `h` high when draw. */
static int tile_of(ui_ctx *c, const ui_entry *e, int x, int y, int w, int h, bool draw,
                   bool with_day, bool short_lines);

/* `short_lines`: no countdown of hours ("om 8 timer": the time says it) and none whose
 * letters stand taller than the time's (Urdu's "ابھی"), where the week would not show today
 * and tomorrow whole with them. */
static int tile(ui_ctx *c, const ui_entry *e, int x, int y, int w, int h, bool draw,
                bool short_lines)
{
    return tile_of(c, e, x, y, w, h, draw, false, short_lines);
}

int card_tile(ui_ctx *c, const ui_entry *e, int x, int y, int w, int h, bool draw)
{
    return tile_of(c, e, x, y, w, h, draw, true, false);
}

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

static int tile_of(ui_ctx *c, const ui_entry *e, int x, int y, int w, int h, bool draw,
                   bool with_day, bool short_lines)
{
    const ui_layout *L = c->L;
    const ui_activity *a = &e->act;
    int p = tile_px(L), py = tile_py(L);
    int inner = w - 2 * p;
    char clock[96], countdown[64];
    if (with_day) /* away from the week: "Torsdag 26. nov. 19:00" */
        i18n_when(c->cat, a->start, c->now, clock, sizeof clock);
    else
        i18n_clock(c->cat, a->start, clock, sizeof clock);
    i18n_countdown(c->cat, a->start, a->end, c->now, countdown, sizeof countdown);
    const char *cancelled = tr(c, "Cancelled");
    /* each line as high as its own letters: a time is Latin, a title mostly is */
    int lh = text_line_h_for(c->ms, UI_FONT_BOLD, clock); /* the pictogram's square */
    /* begun, or a countdown in minutes ("om 59 min."; "om 1 time" is one of hours): turns
     * on the minute, as the countdown does */
    bool soon = a->start <= c->now || (a->start - c->now + 59) / 60 < 60;
    if (a->cancelled ||
        (short_lines && *countdown &&
         (!soon || text_line_h_for(c->ms, UI_FONT_BOLD, countdown) > lh)))
        countdown[0] = '\0';
    int chip_h = *countdown ? text_line_h_for(c->ms, UI_FONT_BOLD, countdown) : 0;
    text_block tb;
    text_wrap(&tb, c->ms, UI_FONT_BODY, a->title, inner, 3);
    /* "Nu" and "om 20 min." matter: on the time's line; a countdown of hours only where it
     * fits */
    int room = inner - lh - L->gap / 2;
    int first_w = text_width(c->ms, UI_FONT_BOLD, a->cancelled ? cancelled : clock);
    if (a->cancelled)
        first_w += L->gap / 2 + text_width(c->ms, UI_FONT_BOLD, clock);
    int chip_w = *countdown ? text_width(c->ms, UI_FONT_BOLD, countdown) + L->pad : 0;
    bool chip_inline = chip_w && first_w + L->gap / 2 + chip_w <= room;
    /* where both do not fit the time's line, "om 52 min." says when in the time's place (a
     * line more would push tomorrow off a 7" panel); a line of its own only where even it
     * alone does not fit there */
    bool chip_instead = chip_w && !chip_inline && soon && chip_w <= room;
    bool chip_below = chip_w && !chip_inline && !chip_instead && soon && chip_w <= inner;
    int l1 = lh; /* the first line: the time, "Aflyst", the countdown */
    if (a->cancelled)
        l1 = max_i(l1, text_line_h_for(c->ms, UI_FONT_BOLD, cancelled));
    if (chip_inline || chip_instead)
        l1 = max_i(l1, chip_h);
    /* "Aflyst" always: one longer than the room beside the pictogram (Somali's "Waa la
     * joojiyay") takes the lines it needs there, and the time is left to the detail */
    text_block cancelled_lines;
    bool cancelled_wraps = a->cancelled && text_width(c->ms, UI_FONT_BOLD, cancelled) > room;
    if (cancelled_wraps) {
        text_wrap(&cancelled_lines, c->ms, UI_FONT_BOLD, cancelled, room, 3);
        l1 = max_i(l1, cancelled_lines.h);
    }
    /* line 1's parts, from the start of the room after the pictogram, in reading order */
    const char *parts[3] = {a->cancelled && !cancelled_wraps ? cancelled : NULL,
                            chip_instead || cancelled_wraps ? NULL : clock,
                            chip_inline || chip_instead ? countdown : ""};
    int part_at[3] = {-1, -1, -1}, part_w[3] = {0, 0, 0};
    int used = 0;
    for (int k = 0; k < 3; k++) {
        const char *t = parts[k];
        if (!t || !*t)
            continue;
        int pw = text_width(c->ms, UI_FONT_BOLD, t) + (k == 2 ? L->pad : 0);
        if (used + (used ? L->gap / 2 : 0) + pw > room)
            break; /* "Aflyst" and the time always fit a tile; the countdown may not */
        used += used ? L->gap / 2 : 0;
        part_at[k] = used;
        part_w[k] = pw;
        used += pw;
    }
    /* the title starts on the time's line where its first words fit there and that saves a
     * line ("10:00 Gåtur" / "rundt om søen"; on a wide tile "10:00 Morgenkaffe" alone): the
     * rest of today and tomorrow stay on a 7" panel, standing up too */
    char head[ACT_TITLE_MAX + 1] = "";
    const char *rest = a->title;
    if (tb.n >= 1 && !a->cancelled && !chip_below) {
        int r1 = room - used - L->gap;
        size_t best = 0;
        for (size_t i = 1; i < sizeof head && a->title[i - 1]; i++) {
            if ((a->title[i] != ' ' && a->title[i] != '\0') || a->title[i - 1] == ' ')
                continue;
            memcpy(head, a->title, i);
            head[i] = '\0';
            if (text_width(c->ms, UI_FONT_BODY, head) > r1)
                break;
            best = i;
        }
        head[best] = '\0';
        if (best && text_line_h_for(c->ms, UI_FONT_BODY, head) <= l1) {
            const char *r = a->title + best;
            while (*r == ' ')
                r++;
            text_block rb;
            text_wrap(&rb, c->ms, UI_FONT_BODY, r, inner, 3);
            if (rb.n < tb.n && !rb.cut) {
                tb = rb;
                rest = r;
            } else {
                head[0] = '\0';
            }
        } else {
            head[0] = '\0';
        }
    }
    int height = py + l1 + tb.h + (chip_below ? chip_h + L->gap / 3 : 0) + py;
    if (height < L->target)
        height = L->target;
    if (!draw)
        return height;

    char id[UI_ID_MAX];
    ui_widget_id(&WIDGETS[W_CARD], a->uid, id, sizeof id);
    bool pressed = w_pressed(c, id);
    ui_color bg = a->cancelled ? COL_DISABLED_BG : pressed ? COL_CHIP : COL_CARD;
    ui_color fg = a->cancelled ? COL_DISABLED_TEXT : COL_TEXT;
    ui_rect r = rect_make(x, y, w, h);
    draw_rect(c->f, r, bg, L->radius / 2);
    draw_frame(c->f, r, a->cancelled ? COL_DISABLED_BG : COL_LINE, L->border, L->radius / 2);

    /* line 1: the pictogram on its colour, "Aflyst", the time, the countdown */
    int ix = c->rtl ? x + w - p - lh : x + p;
    int iy = y + py + (l1 - lh) / 2;
    ui_color cat = a->cancelled ? COL_CLOSED : ui_category_color(a->category);
    draw_rect(c->f, rect_make(ix, iy, lh, lh), cat, L->radius / 3);
    int ic = lh * 3 / 4;
    draw_icon(c->f, rect_make(ix + (lh - ic) / 2, iy + (lh - ic) / 2, ic, ic),
              icon_for_category(a->category), COL_WHITE);
    for (int k = 0; k < 3; k++) {
        const char *t = parts[k];
        if (part_at[k] < 0)
            continue;
        bool chip = k == 2;
        int tw = text_width(c->ms, UI_FONT_BOLD, t);
        int pw = part_w[k], cx = part_at[k];
        int tx = c->rtl ? ix - L->gap / 2 - cx - pw : ix + lh + L->gap / 2 + cx;
        if (chip) {
            draw_rect(c->f, rect_make(tx, y + py, pw, l1), COL_SOON, l1 / 2);
            draw_text(c->f, tx + L->pad / 2, y + py, tw, l1, UI_FONT_BOLD, COL_WHITE, t);
        } else {
            draw_text(c->f, tx, y + py, tw, l1, UI_FONT_BOLD, fg, t);
            if (a->cancelled && k == 1)
                draw_rect(c->f, rect_make(tx, iy + lh * 11 / 20, tw, L->border), fg, 0);
        }
    }
    if (cancelled_wraps)
        text_draw(c->f, &cancelled_lines, cancelled,
                  c->rtl ? ix - L->gap / 2 - room : ix + lh + L->gap / 2, y + py, room,
                  UI_FONT_BOLD, fg, ALIGN_START, c->rtl);
    if (*head) {
        int hw = text_width(c->ms, UI_FONT_BODY, head);
        int hx = c->rtl ? ix - L->gap / 2 - used - L->gap - hw
                        : ix + lh + L->gap / 2 + used + L->gap;
        draw_text(c->f, hx, y + py, hw, l1, UI_FONT_BODY, fg, head);
    }
    /* the title (or the rest of it), and the countdown under it when it needs a line */
    text_draw(c->f, &tb, rest, x + p, y + py + l1, inner, UI_FONT_BODY, fg, ALIGN_START,
              c->rtl);
    if (chip_below) {
        int tw = text_width(c->ms, UI_FONT_BOLD, countdown);
        int cy = y + py + l1 + tb.h + L->gap / 3;
        int chx = c->rtl ? x + w - p - chip_w : x + p;
        draw_rect(c->f, rect_make(chx, cy, chip_w, chip_h), COL_SOON, chip_h / 2);
        draw_text(c->f, chx + L->pad / 2, cy, tw, chip_h, UI_FONT_BOLD, COL_WHITE, countdown);
    }
    if (a->cancelled)
        w_strike(c, a->title, UI_FONT_BODY, fg, x + p, y + py + l1, inner, 3);

    char when[96], places_buf[96], label[ACT_TITLE_MAX + 220];
    ui_color places_col;
    i18n_when(c->cat, a->start, c->now, when, sizeof when);
    const char *places = ui_places_text(c, e, places_buf, sizeof places_buf, &places_col);
    snprintf(label, sizeof label, "%s \xC2\xB7 %s \xC2\xB7 %s", a->title, when, places);
    w_register(c, id, UI_ROLE_CARD, label, r,
               UI_WIDGET_TAPPABLE | (pressed ? UI_WIDGET_PRESSED : 0) |
                   (a->cancelled ? UI_WIDGET_DISABLED : 0),
               fg, bg);
    return h;
}

/* The calendar leaf of a day: "I dag" / "Ons.", and the day of the month. `narrow`: today
 * too by its weekday (marked by its colour), where "I dag" would cost the week a column. */
static void leaf_words(const ui_ctx *c, const week_day *d, bool narrow, char *top, size_t ts,
                       char *bottom, size_t bs)
{
    if (is_today(c, d) && !narrow)
        i18n_day(c->cat, c->now, c->now, top, ts);
    else
        i18n_weekday_short(c->cat, d->day, top, ts);
    i18n_day_of_month(c->cat, d->day, bottom, bs);
}

/* A leaf's two lines, each as high as its letters ("بدھ" in Nastaliq is taller than "25"). */
static int leaf_two_h(const ui_ctx *c, const char *top, const char *bottom)
{
    return text_line_h_for(c->ms, UI_FONT_BOLD, top) +
           text_line_h_for(c->ms, UI_FONT_BOLD, bottom) + 2 * tile_py(c->L);
}

/* Whether a leaf of a day with one row of tiles says its day on one line: where its two
 * lines would stand taller than the row (Nastaliq). */
static bool leaf_one_line(const ui_ctx *c, const char *top, const char *bottom)
{
    return leaf_two_h(c, top, bottom) >
           2 * text_line_h_for(c->ms, UI_FONT_BOLD, "0") + 2 * tile_py(c->L);
}

static int leaf_width(const ui_ctx *c, const week_day *days, int n, bool narrow)
{
    const ui_layout *L = c->L;
    int w = L->target;
    for (int i = 0; i < n; i++) {
        char top[64], bottom[16], one[96];
        leaf_words(c, &days[i], narrow, top, sizeof top, bottom, sizeof bottom);
        int t = text_width(c->ms, UI_FONT_BOLD, top) + 2 * tile_pad(L);
        int b = text_width(c->ms, UI_FONT_BOLD, bottom) + 2 * tile_pad(L);
        if (t > w)
            w = t;
        if (b > w)
            w = b;
        if (i < 2 && leaf_one_line(c, top, bottom)) { /* (today and tomorrow: whole) */
            snprintf(one, sizeof one, "%s %s", top, bottom);
            int o = text_width(c->ms, UI_FONT_BOLD, one) + 2 * tile_pad(L);
            if (o > w)
                w = o;
        }
    }
    return w;
}

/* The height of a day's leaf `leaf_w` wide beside `tiles_h` of tiles. */
static int leaf_h(const ui_ctx *c, const week_day *d, bool narrow, int tiles_h, int leaf_w)
{
    char top[64], bottom[16];
    leaf_words(c, d, narrow, top, sizeof top, bottom, sizeof bottom);
    int two = leaf_two_h(c, top, bottom);
    if (two <= tiles_h || !leaf_one_line(c, top, bottom))
        return two;
    char one[96];
    snprintf(one, sizeof one, "%s %s", top, bottom);
    if (text_width(c->ms, UI_FONT_BOLD, one) + 2 * tile_pad(c->L) > leaf_w)
        return two;
    return text_line_h_for(c->ms, UI_FONT_BOLD, one) + 2 * tile_py(c->L);
}

/* `shown`: the part of the leaf in view; its words stand in the middle of that part, so a
 * day taller than the view keeps saying "I dag" while its tiles scroll by. */
static void leaf(ui_ctx *c, const week_day *d, bool narrow, ui_rect r, ui_rect shown)
{
    const ui_layout *L = c->L;
    char top[64], bottom[16], id[32], label[96];
    leaf_words(c, d, narrow, top, sizeof top, bottom, sizeof bottom);
    dk_tm tm = dktime_local(d->day);
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", tm.year, tm.month, tm.day);
    ui_widget_id(&WIDGETS[W_DAY], day, id, sizeof id);
    bool today = is_today(c, d);
    bool pressed = w_pressed(c, id);
    ui_color bg = today ? (pressed ? COL_PRIMARY_PRESSED : COL_PRIMARY)
                        : (pressed ? COL_PRESSED_LIGHT : COL_CHIP);
    ui_color fg = today ? COL_WHITE : COL_TEXT;
    draw_rect(c->f, r, bg, L->radius / 2);
    int th = text_line_h_for(c->ms, UI_FONT_BOLD, top);
    int bh = text_line_h_for(c->ms, UI_FONT_BOLD, bottom);
    int tw = text_width(c->ms, UI_FONT_BOLD, top), bw = text_width(c->ms, UI_FONT_BOLD, bottom);
    /* the words' band: the leaf, or where the view cuts it the part in view, so that a day
     * whose tiles go on past the view's edge still says which day it is */
    ui_rect band = r;
    int sy0 = shown.y > r.y ? shown.y : r.y;
    int sy1 = shown.y + shown.h < r.y + r.h ? shown.y + shown.h : r.y + r.h;
    if (sy1 > sy0 && sy1 - sy0 < r.h) {
        band.y = sy0;
        band.h = sy1 - sy0;
    }
    if (band.h < leaf_two_h(c, top, bottom)) {
        /* a bar over the day, a leaf beside one row of tiles, or the part of a leaf in view:
         * "I dag 24." on one line; where that is wider than the leaf, the day's name alone */
        char one[96];
        snprintf(one, sizeof one, "%s %s", top, bottom);
        int ow = text_width(c->ms, UI_FONT_BOLD, one);
        if (band.h < r.h && ow + 2 * tile_pad(L) > r.w) {
            snprintf(one, sizeof one, "%s", top);
            ow = tw;
        }
        int oh = text_line_h_for(c->ms, UI_FONT_BOLD, one);
        int ox = r.w < 2 * (ow + 2 * L->pad) ? r.x + (r.w - ow) / 2
                 : c->rtl                     ? r.x + r.w - L->pad - ow
                                              : r.x + L->pad;
        draw_text(c->f, ox, band.y + (band.h - oh) / 2, ow, oh, UI_FONT_BOLD, fg, one);
    } else {
        int ty = band.y + (band.h - th - bh) / 2;
        draw_text(c->f, r.x + (r.w - tw) / 2, ty, tw, th, UI_FONT_BOLD, fg, top);
        draw_text(c->f, r.x + (r.w - bw) / 2, ty + th, bw, bh, UI_FONT_BOLD, fg, bottom);
    }
    i18n_day(c->cat, d->day, c->now, label, sizeof label);
    w_register(c, id, UI_ROLE_BUTTON, label, r,
               UI_WIDGET_TAPPABLE | (today ? UI_WIDGET_SELECTED : 0) |
                   (pressed ? UI_WIDGET_PRESSED : 0),
               fg, bg);
}

/* The font of the header's clock: as big as the bar holds. */
static ui_font clock_font(const ui_ctx *c)
{
    return text_line_h_for(c->ms, UI_FONT_HUGE, "00:00") > c->L->btn_h ? UI_FONT_TITLE
                                                                      : UI_FONT_HUGE;
}

/* The room the header has between the language button and the clock (and the arrows), for
 * "Hvem kan jeg spørge?", the estate and the date. */
static int header_room(const ui_ctx *c, bool arrows)
{
    const ui_layout *L = c->L;
    int room = L->w - 2 * L->margin;
    if (c->m->n_langs > 1) {
        int lw = w_button_width(c, i18n_lang_name(c->m->langs[c->u->lang]), ICON_LANGUAGE,
                                UI_FONT_BOLD);
        room -= (lw < L->btn_h * 2 ? L->btn_h * 2 : lw) + L->gap;
    }
    char clock[32];
    i18n_clock(c->cat, c->now, clock, sizeof clock);
    room -= text_width(c->ms, clock_font(c), clock) + L->gap;
    if (arrows)
        room -= 2 * L->btn_h + 2 * L->gap;
    return room;
}

/* "Hvem kan jeg spørge?" has a row of its own under the header when the header has no room
 * for even its pictogram (a narrow portrait screen in a language with a long name). */
static bool ask_below(const ui_ctx *c)
{
    return c->m->n_contacts && header_room(c, !c->L->portrait) < c->L->btn_h;
}

/* The header; returns its height. Tells where the scroll arrows go when they sit in it. */
static int header(ui_ctx *c, bool arrows, ui_rect *up, ui_rect *down)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    char date[96], clock[32];
    i18n_date_long(c->cat, c->now, date, sizeof date);
    i18n_clock(c->cat, c->now, clock, sizeof clock);
    int bar_h = L->btn_h + L->margin;
    draw_rect(c->f, rect_make(0, 0, L->w, bar_h), COL_CARD, 0);
    draw_rect(c->f, rect_make(0, bar_h - L->border, L->w, L->border), COL_LINE, 0);

    int start = L->margin, end = L->w - L->margin; /* in reading order */
    int by = L->margin / 2;
    /* the language button: the language in use, in its own words */
    if (m->n_langs > 1) {
        const char *name = i18n_lang_name(m->langs[c->u->lang]);
        int lw = w_button_width(c, name, ICON_LANGUAGE, UI_FONT_BOLD);
        if (lw < L->btn_h * 2)
            lw = L->btn_h * 2;
        ui_rect r = rect_make(c->rtl ? L->w - start - lw : start, by, lw, L->btn_h);
        w_button(c, WIDGETS[W_LANG].id, name, ICON_LANGUAGE, r, BTN_SECONDARY, UI_FONT_BOLD, false);
        start += lw + L->gap;
    }
    /* the clock at the end (a 5 s press on it opens the staff's PIN) */
    ui_font cf = clock_font(c);
    int clock_h = text_line_h_for(c->ms, cf, clock); /* digits: as high as they are */
    int clock_w = text_width(c->ms, cf, clock);
    int cx = c->rtl ? L->w - end : end - clock_w;
    draw_text(c->f, cx, (bar_h - clock_h) / 2, clock_w, clock_h, cf, COL_TEXT, clock);
    w_register(c, "clock", UI_ROLE_TEXT, clock,
               rect_make(cx, (bar_h - clock_h) / 2, clock_w, clock_h), 0, COL_TEXT, COL_CARD);
    end -= clock_w + L->gap;
    if (arrows) {
        int s = L->btn_h;
        int ux = end - 2 * s - L->gap;
        *up = rect_make(c->rtl ? L->w - ux - 2 * s - L->gap : ux, by, s, s);
        *down = rect_make(c->rtl ? up->x + s + L->gap : ux + s + L->gap, by, s, s);
        if (c->rtl) {
            /* reading from the right: up first */
            ui_rect t = *up;
            *up = rect_make(t.x + s + L->gap, by, s, s);
            *down = rect_make(t.x, by, s, s);
        }
        end -= 2 * s + 2 * L->gap;
    }
    /* "Hvem kan jeg spørge?" beside the language, before the estate and the date: in words
     * where they fit, else as its pictogram (the words then in the dump's label) */
    if (m->n_contacts && !ask_below(c)) {
        const char *ask = tr(c, "Who can I ask?");
        int aw = w_button_width(c, ask, ICON_ASK, UI_FONT_BOLD);
        bool words = aw <= end - start;
        if (!words)
            aw = L->btn_h;
        if (aw <= end - start) {
            ui_rect r = rect_make(c->rtl ? L->w - start - aw : start, by, aw, L->btn_h);
            if (words)
                w_button(c, WIDGETS[W_CONTACTS].id, ask, ICON_ASK, r, BTN_SECONDARY, UI_FONT_BOLD, false);
            else
                w_icon_button(c, WIDGETS[W_CONTACTS].id, ask, ICON_ASK, r, BTN_SECONDARY, false);
            start += aw + L->gap;
        }
    }
    /* the estate and the date between, as much of them as fits whole */
    int room = end - start;
    const char *estate = m->estate_name ? m->estate_name : "";
    int lh = text_line_h(c->ms, UI_FONT_BOLD);
    bool two = 2 * lh <= bar_h && *estate && text_fits(c->ms, UI_FONT_BOLD, estate, room, 1) &&
               text_fits(c->ms, UI_FONT_SMALL, date, room, 1);
    int tx = c->rtl ? L->w - end : start;
    if (two) {
        int ty = (bar_h - 2 * lh) / 2;
        w_text_widget(c, "estate", UI_ROLE_HEADING, estate, UI_FONT_BOLD, COL_TEXT, COL_CARD,
                      tx, ty, room, 1, true);
        w_text_widget(c, "date", UI_ROLE_TEXT, date, UI_FONT_SMALL, COL_TEXT, COL_CARD, tx,
                      ty + lh, room, 1, true);
    } else if (room > 0 && text_fits(c->ms, UI_FONT_SMALL, date, room, 1)) {
        w_text_widget(c, "date", UI_ROLE_TEXT, date, UI_FONT_SMALL, COL_TEXT, COL_CARD, tx,
                      (bar_h - lh) / 2, room, 1, true);
    } else if (room > 0 && *estate && text_fits(c->ms, UI_FONT_BOLD, estate, room, 1)) {
        w_text_widget(c, "estate", UI_ROLE_HEADING, estate, UI_FONT_BOLD, COL_TEXT, COL_CARD,
                      tx, (bar_h - lh) / 2, room, 1, true);
    }
    return bar_h;
}

/* The week laid out in `w`: the tiles' columns, and the height of everything. */
typedef struct week_layout {
    bool narrow; /* the leaves without "I dag" */
    bool above;  /* the leaves as a bar over their day's tiles: a narrow screen where a leaf
                    beside the tiles would break a title's word */
    int word;    /* the widest word of the titles, with a tile's padding */
    bool short_lines; /* tiles without a countdown taller than the time (tile) */
    int leaf_w, ncols, tile_w;
    int room;    /* the width of a band's tiles */
    int h;
} week_layout;

/* A day's tiles: as many beside each other as the week has, fewer when a title has a word
 * too long for the tile ("Reparationsværksted"): a word is never broken where it can fit. */
static void band_cols(ui_ctx *c, const week_day *d, bool today, const week_layout *wl,
                      int *ncols, int *tile_w)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    int need = 0, k = 0;
    for (size_t i = d->first; i < m->n_entries && k < d->n; i++) {
        const ui_activity *a = &m->entries[i].act;
        if (!of_day(c, d, a, today))
            continue;
        k++;
        int w = w_longest_word(c, UI_FONT_BODY, a->title) + 2 * tile_px(L);
        if (w > need)
            need = w;
    }
    *ncols = wl->ncols;
    while (*ncols > 1 && (wl->room - (*ncols - 1) * (L->gap / 2)) / *ncols < need)
        (*ncols)--;
    *tile_w = (wl->room - (*ncols - 1) * (L->gap / 2)) / *ncols;
}

static int day_height(ui_ctx *c, const week_day *d, bool today, const week_layout *wl,
                      int *row_h, int max_rows)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    int col = 0, rows = 0, h = 0, rh = 0, k = 0, ncols, tile_w;
    band_cols(c, d, today, wl, &ncols, &tile_w);
    for (size_t i = d->first; i < m->n_entries && k < d->n; i++) {
        const ui_entry *e = &m->entries[i];
        if (!of_day(c, d, &e->act, today))
            continue;
        k++;
        int th = tile(c, e, 0, 0, tile_w, 0, false, wl->short_lines);
        if (th > rh)
            rh = th;
        if (++col == ncols || k == d->n) {
            if (row_h && rows < max_rows)
                row_h[rows] = rh;
            rows++;
            h += rh + (k < d->n ? L->gap / 2 : 0);
            col = 0;
            rh = 0;
        }
    }
    if (wl->above)
        return L->target + L->gap / 2 + (d->n ? h : 2 * text_line_h(c->ms, UI_FONT_BODY));
    int lf = leaf_h(c, d, wl->narrow, h, wl->leaf_w);
    return h > lf ? h : lf;
}

/* The gap between a leaf and its day's tiles: as between two tiles. */
static int leaf_gap(const ui_layout *L)
{
    return L->gap / 2;
}

/* The widest word of the titles of the first `upto` days of the week. */
static int widest_title_word(ui_ctx *c, const week_day *days, int upto)
{
    int need = 0;
    for (int i = 0; i < upto; i++) {
        bool today = i == 0 && is_today(c, &days[i]);
        int kk = 0;
        for (size_t j = days[i].first; j < c->m->n_entries && kk < days[i].n; j++) {
            const ui_activity *a = &c->m->entries[j].act;
            if (!of_day(c, &days[i], a, today))
                continue;
            kk++;
            int ww = w_longest_word(c, UI_FONT_BODY, a->title);
            if (ww > need)
                need = ww;
        }
    }
    return need;
}

/* The narrowest a tile may be: the widest word of today's and tomorrow's titles (a day
 * with a longer one has fewer tiles beside each other: band_cols), and the pictogram with a
 * time, with the padding. A narrow screen has fewer tiles beside each other, not smaller
 * ones. */
static int tile_min_w(ui_ctx *c, const week_day *days, int nd)
{
    const ui_layout *L = c->L;
    int need = widest_title_word(c, days, nd < 2 ? nd : 2);
    int lh = text_line_h_for(c->ms, UI_FONT_BOLD, "00:00");
    int time = lh + L->gap / 2 + text_width(c->ms, UI_FONT_BOLD, "00:00");
    return (need > time ? need : time) + 2 * tile_px(L);
}

static int week_height(ui_ctx *c, const week_day *days, int nd, const week_layout *wl, int upto)
{
    int h = 0;
    for (int i = 0; i < nd && i < upto; i++) {
        if (i)
            h += c->L->gap;
        h += day_height(c, &days[i], i == 0 && is_today(c, &days[i]), wl, NULL, 0);
    }
    return h;
}

/* `view_h`: the height the week is seen in; today and the next day are to be whole in it. */
static void week_measure(ui_ctx *c, const week_day *days, int nd, int w, int view_h,
                         week_layout *wl)
{
    const ui_layout *L = c->L;
    int room_wide = 0;
    int min_w = tile_min_w(c, days, nd);
    wl->word = min_w + L->pad; /* (some air) */
    wl->short_lines = false;
    for (int k = 0; k < 2; k++) {
        wl->narrow = k == 1;
        wl->leaf_w = leaf_width(c, days, nd, wl->narrow);
        int room = w - wl->leaf_w - leaf_gap(L);
        int ncols = (room + L->gap / 2) / (min_w + L->gap / 2);
        if (ncols < 1)
            ncols = 1;
        if (k == 0)
            room_wide = room;
        if (k == 1 && ncols <= wl->ncols && wl->word <= room_wide) {
            /* "I dag" costs nothing: keep it */
            wl->narrow = false;
            wl->leaf_w = leaf_width(c, days, nd, false);
            break;
        }
        wl->ncols = ncols;
    }
    int room = w - wl->leaf_w - leaf_gap(L);
    /* a word of a later day's title wider than the room beside the leaves: the days stand as
     * bars over their tiles, so that no title's word is broken between letters
     * ("Reparationsvær / ksted" standing up) */
    int widest = widest_title_word(c, days, nd) + 2 * tile_px(L);
    wl->above = wl->word > room || widest > room;
    if (wl->above) {
        wl->leaf_w = w;
        wl->ncols = (w + L->gap / 2) / (min_w + L->gap / 2);
        if (wl->ncols < 1)
            wl->ncols = 1;
        room = w;
    }
    wl->room = room;
    wl->tile_w = (room - (wl->ncols - 1) * (L->gap / 2)) / wl->ncols;
    /* today and the next day whole: without a countdown taller than the time where that
     * is what it takes */
    if (week_height(c, days, nd, wl, 2) > view_h) {
        wl->short_lines = true;
        if (week_height(c, days, nd, wl, 2) > view_h)
            wl->short_lines = false; /* no help: keep the words */
    }
    wl->h = week_height(c, days, nd, wl, nd);
}

/* The rows of the week as the list shows them, from the top of its content: each row of
 * tiles (a day's first with its leaf, or its bar above it); then (rows_tail) the whole
 * program and "Hvad savner du?". */
static void week_rows_of(ui_ctx *c, const week_day *days, int nd, const week_layout *wl,
                         ui_rows *out)
{
    const ui_layout *L = c->L;
    out->n = 0;
    int y = 0;
    for (int i = 0; i < nd; i++) {
        const week_day *d = &days[i];
        bool today = i == 0 && is_today(c, d);
        int row_h[WEEK_MAX_TILES];
        if (i)
            y += L->gap;
        int dh = day_height(c, d, today, wl, row_h, WEEK_MAX_TILES);
        int ncols, tile_w;
        band_cols(c, d, today, wl, &ncols, &tile_w);
        int nrows = d->n ? (d->n + ncols - 1) / ncols : 1;
        if (nrows > WEEK_MAX_TILES)
            nrows = WEEK_MAX_TILES;
        if (d->n == 0 || (!wl->above && d->n <= ncols)) {
            rows_add(out, y, y + dh);
        } else {
            int ry = y + (wl->above ? L->target + L->gap / 2 : 0);
            for (int r = 0; r < nrows; r++) {
                int end = ry + row_h[r];
                if (r == nrows - 1 && end < y + dh)
                    end = y + dh; /* the leaf, when it stands taller than the tiles */
                rows_add(out, r ? ry : y, end);
                ry += row_h[r] + L->gap / 2;
            }
        }
        y += dh;
    }
}

/* The rows after the days (`days_h` high): the whole program, "Hvad savner du?". */
static void rows_tail(ui_rows *out, const ui_layout *L, int days_h, int nd, int end_btn_h,
                      int ideas_h)
{
    int y = days_h + L->gap;
    if (nd) {
        rows_add(out, y, y + end_btn_h);
        y += end_btn_h + L->gap;
    }
    if (ideas_h)
        rows_add(out, y, y + ideas_h);
}

/* The week laid out, from the top of the list's content and the start of its view: which
 * days, the leaves, every tile's place and size, the rows the list settles on. It depends on
 * the model's entries (their generation), the language (words, direction, face), the
 * measurer, the panel (ui_layout), the minute of `now` (what is over, today, the
 * countdowns; the second where a start or an end is not on a whole minute), and the room the
 * notes leave; not on the scroll, a press or the buttons after the days, which each frame
 * applies. Kept in the ui (`home_week`) while all of that stays, so a frame measures only
 * the tiles it draws: its cost does not grow with the week. */
typedef struct week_tile {
    size_t entry;     /* index in the model */
    int x, y, w, h;   /* x from the view's start, y from the content's top */
} week_tile;

typedef struct week_band {
    week_day d;
    bool today;
    int y, h;         /* the day, from the content's top */
    ui_rect leaf;     /* x from the view's start, y from the content's top */
    int empty_y;      /* "Nothing more today": its top (before the tile padding) */
    size_t first, n;  /* its tiles in `tiles` */
} week_band;

struct home_week {
    /* the key: what the layout was made from (the widths and heights passed in with it, the
     * week's width and the buttons' heights, follow from the panel, the language and the
     * measurer; the face the measurer reads Arabic script in from the language) */
    unsigned long generation;
    size_t n_entries; /* (changes with the generation; kept too, so that no tile ever
                         points past the entries of a model that did not say) */
    const i18n_catalog *cat;
    ui_measure ms;
    ui_layout L;
    int64_t now;      /* the second it was laid out at; */
    bool by_minute;   /* ... and the same for the whole minute: every start and end is on
                         a whole minute (as a day, the countdowns and what is over turn) */
    int notes;        /* the height of the notes over the week (the rest of the room it is
                         seen in follows from the panel) */
    /* the layout */
    int nd;
    week_band bands[WEEK_DAYS];
    week_layout wl;
    ui_rows rows;   /* the days' rows (each frame adds the buttons' after them) */
    int days_h;       /* the days' height, from the content's top */
    size_t n_tiles;
    week_tile tiles[];
};

static int64_t minute_of(int64_t t)
{
    return t >= 0 ? t / 60 : -((-t + 59) / 60);
}

static bool week_key_same(const struct home_week *w, const ui_ctx *c, int notes)
{
    const ui_model *m = c->m;
    return w && m->generation && w->generation == m->generation &&
           w->n_entries == m->n_entries && w->cat == c->cat && w->ms.ctx == c->ms->ctx &&
           w->ms.size == c->ms->size && w->ms.size_face == c->ms->size_face &&
           memcmp(&w->L, c->L, sizeof w->L) == 0 &&
           (w->by_minute ? minute_of(w->now) == minute_of(c->now) : w->now == c->now) &&
           w->notes == notes;
}

/* Lays the week out afresh; NULL when out of memory. */
static struct home_week *week_lay_out(ui_ctx *c, int full_w, int view_h, int notes)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    week_day days[WEEK_DAYS];
    int nd = week_days(c, days);
    size_t n_tiles = 0;
    for (int i = 0; i < nd; i++)
        n_tiles += (size_t)days[i].n;
    struct home_week *w = malloc(sizeof *w + (n_tiles ? n_tiles : 1) * sizeof w->tiles[0]);
    if (!w)
        return NULL;
    memset(w, 0, sizeof *w);
    w->generation = m->generation;
    w->n_entries = m->n_entries;
    w->cat = c->cat;
    w->ms = *c->ms;
    memcpy(&w->L, L, sizeof w->L);
    w->now = c->now;
    /* What the week shows turns with time only where a start or an end is passed, a
     * countdown's minute turns ("om 20 min.": whole minutes before a start) and at midnight:
     * on whole minutes when every start and end is on one (local midnight is, in Denmark). */
    w->by_minute = true;
    for (size_t i = 0; i < m->n_entries && w->by_minute; i++)
        w->by_minute = m->entries[i].act.start % 60 == 0 && m->entries[i].act.end % 60 == 0;
    w->notes = notes;
    w->nd = nd;
    week_layout *wl = &w->wl;
    week_measure(c, days, nd, full_w, view_h, wl);
    week_rows_of(c, days, nd, wl, &w->rows);
    int yy = 0;
    for (int i = 0; i < nd; i++) {
        week_band *b = &w->bands[i];
        const week_day *d = &days[i];
        b->d = *d;
        b->today = i == 0 && is_today(c, d);
        int row_h[WEEK_MAX_TILES];
        int dh = day_height(c, d, b->today, wl, row_h, WEEK_MAX_TILES);
        if (i)
            yy += L->gap;
        b->y = yy;
        b->h = dh;
        int ry = yy;
        int tx0 = c->rtl ? 0 : wl->leaf_w + leaf_gap(L);
        if (wl->above) {
            b->leaf = rect_make(0, yy, full_w, L->target);
            ry += L->target + L->gap / 2;
            tx0 = 0;
        } else {
            b->leaf = rect_make(c->rtl ? full_w - wl->leaf_w : 0, yy, wl->leaf_w, dh);
        }
        int col = 0, row = 0, k = 0, ncols, tile_w;
        band_cols(c, d, b->today, wl, &ncols, &tile_w);
        b->first = w->n_tiles;
        for (size_t j = d->first; j < m->n_entries && k < d->n; j++) {
            const ui_entry *e = &m->entries[j];
            if (!of_day(c, d, &e->act, b->today))
                continue;
            k++;
            int rh = row < WEEK_MAX_TILES ? row_h[row] : L->target;
            if (!wl->above && d->n <= ncols)
                rh = dh; /* one row: as tall as its leaf */
            int slot = c->rtl ? ncols - 1 - col : col;
            if (w->n_tiles < n_tiles)
                w->tiles[w->n_tiles++] =
                    (week_tile){j, tx0 + slot * (tile_w + L->gap / 2), ry, tile_w, rh};
            if (++col == ncols) {
                col = 0;
                ry += rh + L->gap / 2;
                row++;
            }
        }
        b->n = w->n_tiles - b->first;
        b->empty_y = ry;
        yy += dh;
    }
    w->days_h = yy;
    return w;
}

/* The week for this frame, `full_w` wide and seen in `view_h` under `notes` of notes: the
 * kept one while its key holds, else laid out afresh (and kept, when the model has a
 * generation). A model without one (0) is laid out every frame, into `*fresh` (the caller
 * frees it), and leaves the kept one alone. NULL when out of memory. */
static const struct home_week *week_of(ui_ctx *c, int full_w, int view_h, int notes,
                                       struct home_week **fresh)
{
    ui *u = c->u;
    *fresh = NULL;
    if (week_key_same(u->home_week, c, notes))
        return u->home_week;
    struct home_week *w = week_lay_out(c, full_w, view_h, notes);
    if (!c->m->generation) {
        *fresh = w;
        return w;
    }
    free(u->home_week);
    u->home_week = w;
    return w;
}

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    w_background(c);

    int full_w = L->w - 2 * L->margin;
    /* the whole program, when there is one (below: when a day is shown): two lines tall
     * when its words need them */
    int program_btn_h = w_button_height(c, tr(c, "The whole program with all details"),
                                        ICON_CALENDAR, UI_FONT_BOLD, full_w);

    /* Whether the week scrolls decides where the arrows go (the header's height is the
     * same either way). */
    ui_rect up = {0}, down = {0};
    int top = L->btn_h + L->margin;
    int notes = 0;
    bool ask_row = ask_below(c);
    /* a row of its own is tall enough for the words on two lines, if one does not hold them */
    int ask_h = ask_row ? w_button_height(c, tr(c, "Who can I ask?"), ICON_ASK, UI_FONT_BOLD,
                                          full_w)
                        : 0;
    if (ask_row)
        notes += ask_h + L->gap;
    if (m->notice && *m->notice)
        notes += w_notice(c, "notice", m->notice, ICON_USB, L->margin, 0, full_w, 4, false) +
                 L->gap;
    if (m->signups_paused)
        notes += w_notice(c, "signups-paused",
                          tr(c, "Sign-up is paused \xE2\x80\x93 the program is shown as it is. "
                                "Please tell the staff."),
                          ICON_WARNING, L->margin, 0, full_w, 4, false) +
                 L->gap;
    if (m->clock_suspect)
        notes += w_notice(c, "clock-warning",
                          tr(c, "The clock may be wrong \xE2\x80\x93 please tell the staff"),
                          ICON_WARNING, L->margin, 0, full_w, 4, false) +
                 L->gap;
    /* "Hvad savner du?" after the whole program, when the staff gave ideas */
    int ideas_btn_h = m->n_ideas ? w_button_height(c, tr(c, "What do you miss?"), ICON_PLUS,
                                                   UI_FONT_BOLD, full_w)
                                 : 0;
    int ideas_h = m->n_ideas ? ideas_btn_h + L->gap : 0;
    struct home_week *fresh;
    const struct home_week *wk =
        week_of(c, full_w, L->h - top - L->gap - notes - (L->portrait ? L->btn_h + L->margin : 0),
                notes, &fresh);
    if (!wk) {
        c->f->oom = true;
        return;
    }
    int nd = wk->nd;
    int end_btn_h = nd ? program_btn_h : 0;
    int content = wk->wl.h + L->gap + end_btn_h + ideas_h;
    int view_h = L->h - top - L->gap - notes;
    bool scroll = content > view_h;
    if (scroll && L->portrait)
        view_h -= L->btn_h + L->margin;
    top = header(c, scroll && !L->portrait, &up, &down);
    int y = top + L->gap;
    if (ask_row) {
        w_button(c, WIDGETS[W_CONTACTS].id, tr(c, "Who can I ask?"), ICON_ASK,
                 rect_make(L->margin, y, full_w, ask_h), BTN_SECONDARY, UI_FONT_BOLD, false);
        y += ask_h + L->gap;
    }
    if (m->notice && *m->notice)
        y += w_notice(c, "notice", m->notice, ICON_USB, L->margin, y, full_w, 4, true) + L->gap;
    if (m->signups_paused)
        y += w_notice(c, "signups-paused",
                      tr(c, "Sign-up is paused \xE2\x80\x93 the program is shown as it is. "
                            "Please tell the staff."),
                      ICON_WARNING, L->margin, y, full_w, 4, true) +
             L->gap;
    if (m->clock_suspect)
        y += w_notice(c, "clock-warning",
                      tr(c, "The clock may be wrong \xE2\x80\x93 please tell the staff"),
                      ICON_WARNING, L->margin, y, full_w, 4, true) +
             L->gap;
    if (scroll && L->portrait) {
        int bw = (full_w - L->gap) / 2;
        int by = L->h - L->margin - L->btn_h;
        up = rect_make(L->margin, by, bw, L->btn_h);
        down = rect_make(L->margin + bw + L->gap, by, bw, L->btn_h);
    }
    ui_rect view = rect_make(L->margin, y, full_w, view_h);

    /* Only whole rows in the view: the list settles with a row at its top, ends under the
     * last row that fits whole (the one that does not is left for the arrow, not cut by it),
     * and a tap on the down arrow brings that row to the top. */
    ui_rows rows = wk->rows;
    rows_tail(&rows, L, wk->days_h, nd, end_btn_h, ideas_btn_h);
    ui_rect vis;
    bool whole_only; /* tiles cut by the view's edge left out */
    int scroll_max;
    int s = rows_scroll_begin(c, SCR_HOME, &rows, view, content, COL_BG, &vis, &whole_only,
                              &scroll_max);
    /* only the days and tiles in view are drawn (and measured again: their words) */
    const week_layout *wl = &wk->wl;
    int y0 = view.y - s;
    for (int i = 0; i < nd; i++) {
        const week_band *b = &wk->bands[i];
        if (y0 + b->y + b->h <= vis.y || y0 + b->y >= vis.y + vis.h)
            continue;
        leaf(c, &b->d, wl->narrow,
             rect_make(view.x + b->leaf.x, y0 + b->leaf.y, b->leaf.w, b->leaf.h), vis);
        for (size_t k = b->first; k < b->first + b->n; k++) {
            const week_tile *t = &wk->tiles[k];
            int ry = y0 + t->y;
            if (whole_only ? ry >= vis.y && ry + t->h <= vis.y + vis.h
                           : ry + t->h > vis.y && ry < vis.y + vis.h)
                tile(c, &m->entries[t->entry], view.x + t->x, ry, t->w, t->h, true,
                     wl->short_lines);
        }
        if (b->d.n == 0) {
            /* today with nothing (more) on */
            int tx = wl->above || c->rtl ? view.x : view.x + wl->leaf_w + leaf_gap(L);
            int tw = wl->above ? view.w : view.w - wl->leaf_w - leaf_gap(L);
            w_text_widget(c, "today-empty", UI_ROLE_TEXT, tr(c, "Nothing more today"),
                          UI_FONT_BODY, COL_TEXT, COL_BG, tx, y0 + b->empty_y + tile_pad(L), tw,
                          2, true);
        }
    }
    int yy = y0 + wk->days_h;
    if (nd == 0) {
        int ty = yy + L->gap;
        ty += w_text_widget(c, "empty", UI_ROLE_TEXT, tr(c, "Nothing is planned right now"),
                            UI_FONT_TITLE, COL_TEXT, COL_BG, view.x, ty, view.w, 2, true);
        w_text(c, tr(c, "Come back soon!"), UI_FONT_BODY, COL_TEXT, view.x, ty + L->gap, view.w,
               2, true);
    }
    /* the whole program, as detailed cards */
    yy += L->gap;
    if (nd && yy + end_btn_h > vis.y && yy < vis.y + vis.h) {
        const char *label = tr(c, "The whole program with all details");
        w_button(c, WIDGETS[W_PROGRAM].id, label, ICON_CALENDAR, rect_make(view.x, yy, view.w, end_btn_h),
                 BTN_SECONDARY, UI_FONT_BOLD, false);
    }
    yy += end_btn_h + L->gap;
    if (ideas_h && yy + ideas_btn_h > vis.y && yy < vis.y + vis.h)
        w_button(c, WIDGETS[W_IDEAS].id, tr(c, "What do you miss?"), ICON_PLUS,
                 rect_make(view.x, yy, view.w, ideas_btn_h), BTN_SECONDARY, UI_FONT_BOLD, false);
    w_scroll_end(c);
    if (scroll)
        w_scroll_buttons(c, up, down, s, scroll_max);
    free(fresh);
}

static void tap_card(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    const ui_entry *e = ui_entry_find(m, arg);
    if (e)
        ui_open_detail(u, e, SCR_HOME, now_ms);
}

/* a day of the week: the program from that day's first card */
static void tap_day(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m;
    int y, mo, d;
    if (sscanf(arg, "%d-%d-%d", &y, &mo, &d) != 3)
        return;
    int64_t noon;
    if (!dktime_from_local(y, mo, d, 12, 0, &noon))
        return;
    u->program_day = noon;
    u->scroll[SCR_PROGRAM] = 0;
    ui_goto(u, SCR_PROGRAM, now_ms);
}

static void tap_program(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->program_day = 0;
    u->scroll[SCR_PROGRAM] = 0;
    ui_goto(u, SCR_PROGRAM, now_ms);
}

static void tap_ideas(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    if (!m->n_ideas)
        return;
    ui_flow_wipe(u);
    u->scroll[SCR_IDEAS] = 0;
    ui_goto(u, SCR_IDEAS, now_ms);
}

static void tap_contacts(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    if (!m->n_contacts)
        return;
    u->scroll[SCR_CONTACTS] = 0;
    ui_goto(u, SCR_CONTACTS, now_ms);
}

static void tap_lang(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)arg;
    if (m->n_langs > 1)
        ui_goto(u, SCR_LANGUAGE, now_ms);
}

/* The words of the buttons are chosen as they are drawn (short or long, by the room). */
static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_CARD] = {"card:", tap_card, NULL},
    [W_DAY] = {"day:", tap_day, NULL}, /* day:YYYY-MM-DD, the week's leaves */
    [W_PROGRAM] = {"program", tap_program, NULL},
    [W_IDEAS] = {"ideas", tap_ideas, NULL},
    [W_CONTACTS] = {"contacts", tap_contacts, NULL},
    [W_LANG] = {"lang", tap_lang, NULL},
    [W_SCROLL_UP] = {"scroll-up", ui_tap_scroll_up, NULL},
    [W_SCROLL_DOWN] = {"scroll-down", ui_tap_scroll_down, NULL},
};

const ui_screen_def screen_home = {
    .name = "home",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .flags = UI_SCREEN_SCROLLS,
};
