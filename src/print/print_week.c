/* print_week: the week's program for the stairwell, as a poster. See print.h.
 *
 * One A4 page for a normal week (up to a dozen activities), read from a step away: every
 * word at least 16 pt. The page says first how to join (on the kiosk's screen, or with the
 * phone on an activity's code; "Bare kom" needs nothing), then the days in two columns, as
 * the paper Ugeplan on a notice board: each activity a block with its pictogram, time,
 * title, place, host and price, what joining takes (the deadline, "Bare kom", "Kun for
 * beboere") and its QR code beside it. A cancelled activity keeps its place, struck
 * through, with "Aflyst" where its code would be.
 *
 * Each block takes the shorter of two forms: its code under the time line, or beside it too
 * (the time line then narrower). The codes' modules are whole pixels on a 1/150-inch grid
 * (see QR_GRID), so that they are read at 150 dpi as well as 300.
 *
 * Everything is measured first (the blocks only depend on the column width), then placed:
 * blocks never split, a day heading never ends a column, a day that goes on in the next
 * column says "(fortsat)", and the last page's columns are balanced. A normal week (up to a
 * dozen activities) that would not fit one page, its titles long, is set again compact: a
 * title and a place on at most two lines ("…"), the codes' modules 2 pixels at 150 dpi, the
 * blocks and day headings closer, the words still 16 pt. A week that still does not fit one
 * page goes on to more, each with the week in its heading. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "core/icon.h"
#include "icons/icons_cairo.h"
#include "print/print.h"
#include "print/print_internal.h"

#define MARGIN 17.0 /* 6 mm: inside what office printers print, as top and bottom */
#define MARGIN_Y 15.0 /* 5.3 mm */
#define CONTENT_W (PR_A4_W - 2 * MARGIN)
#define GUTTER 12.0
#define COL_W ((CONTENT_W - GUTTER) / 2)
/* A code's modules are whole device pixels at 150, 200, 300 and 600 dpi (and its corner is on
 * that grid too): 1.44 pt (0.5 mm, 3 pixels at 150 dpi) when the code stays within
 * QR_MAX_SIDE with it, else 0.96 pt (0.34 mm, 2 pixels). Off the grid, a printer's or a
 * viewer's rounding of each run to whole pixels makes some rows a pixel thinner or leaves a
 * white seam between them, and at 150 dpi zbar and ZXing then miss codes of 2 to 3 pixels a
 * module that they read when the modules are whole pixels. */
#define QR_GRID (72.0 / 150.0)
#define QR_MODULE_BIG (3 * QR_GRID)
#define QR_MODULE_SMALL (2 * QR_GRID)
#define QR_MAX_SIDE 77.0 /* 2.7 cm: a version 7 code (53 modules with its quiet zone) */
#define QR_GAP 3.0 /* and the quiet zone: text stays 7 to 9 pt off the modules */
#define CANCEL_W 63.0 /* the black "Aflyst" box where the code would be */
#define SQUARE 20.0
#define SQUARE_GAP 6.0
#define BLOCK_PAD 2.0
#define BLOCK_PAD_COMPACT 0.5
#define COMPACT_MAX 12 /* a normal week: the compact form, when it spills to a second page */
#define COMPACT_LINES 2 /* a title's (and a place's) lines in it, then "…" */
#define DAY_H 22.0
#define DAY_H_COMPACT 20.0 /* the 16 pt words' ink fits its grey; their line does not */
#define LINE 0.84 /* baseline to baseline: under 1.2 em of Noto Sans, tight but clear */

#define INK {0.06, 0.06, 0.06}
#define SOFT {0.2, 0.2, 0.2}
static const pr_font F_ESTATE = {24, true, false, 1, PANGO_ALIGN_LEFT, INK, 0};
static const pr_font F_WEEK_NO = {26, true, false, 1, PANGO_ALIGN_RIGHT, INK, 0};
static const pr_font F_DATES = {18, false, false, 1, PANGO_ALIGN_LEFT, INK, 0};
static const pr_font F_PRINTED = {16, false, false, 1, PANGO_ALIGN_RIGHT, SOFT, 0};
static const pr_font F_HEAD_SMALL = {16, true, false, 1, PANGO_ALIGN_LEFT, INK, 0};
static const pr_font F_HOWTO = {16, false, false, 3, PANGO_ALIGN_LEFT, INK, LINE};
static const pr_font F_DAY = {16, true, false, 1, PANGO_ALIGN_LEFT, INK, 0};
static const pr_font F_TIME = {16, true, false, 1, PANGO_ALIGN_LEFT, INK, 0};
static const pr_font F_TITLE = {16, true, false, 4, PANGO_ALIGN_LEFT, INK, LINE};
static const pr_font F_TITLE_OFF = {16, true, true, 4, PANGO_ALIGN_LEFT, {0.3, 0.3, 0.3}, LINE};
static const pr_font F_FACT = {16, false, false, 3, PANGO_ALIGN_LEFT, SOFT, LINE};
static const pr_font F_JOIN = {16, true, false, 2, PANGO_ALIGN_LEFT, INK, LINE};
static const pr_font F_CANCEL = {16, true, false, 1, PANGO_ALIGN_CENTER, {1, 1, 1}, 0};
static const pr_font F_FOOT = {16, false, false, 1, PANGO_ALIGN_LEFT, SOFT, 0};
static const pr_font F_FOOT_R = {16, false, false, 1, PANGO_ALIGN_RIGHT, SOFT, 0};
static const pr_font F_NOTHING = {18, false, false, 0, PANGO_ALIGN_LEFT, INK, 0};
static const pr_font F_MORE = {17, true, false, 0, PANGO_ALIGN_LEFT, INK, 0};

typedef struct row {
    const activity *a;
    qr_code *code;
    qr_target_kind kind;
    double module; /* the code's module and its side with the quiet zone (points) */
    double side;
} row;

/* What goes into the columns: a day heading or an activity, and where it landed. */
typedef struct item {
    const row *r;       /* NULL: the heading of the day of `day`, or the closing note */
    bool note;          /* "Og 12 aktiviteter mere i denne uge ..." (print_options.not_shown) */
    int64_t day;
    double h;
    int page, col;
    double y;
    bool continued;     /* an activity that opens a column mid-day: its heading goes first */
} item;

typedef struct week_ctx {
    pr_doc *d;
    const print_options *opt;
    int64_t week_start;
    double first_top;   /* where the columns start on page 1 (below the how-to box) */
    double next_top;    /* and on the pages after it */
    double foot_h;
    bool compact;       /* a normal week that would take two pages: titles of at most two
                           lines, smaller modules, the blocks closer (lay_out) */
} week_ctx;

/* A font of the blocks as the form of the week has it: in the compact form at most
 * COMPACT_LINES lines, ellipsised. */
static pr_font block_font(const week_ctx *w, const pr_font *f)
{
    pr_font out = *f;
    if (w->compact && (out.max_lines == 0 || out.max_lines > COMPACT_LINES))
        out.max_lines = COMPACT_LINES;
    return out;
}

static double block_pad(const week_ctx *w)
{
    return w->compact ? BLOCK_PAD_COMPACT : BLOCK_PAD;
}

static double day_h(const week_ctx *w)
{
    return w->compact ? DAY_H_COMPACT : DAY_H;
}

static int by_start(const void *pa, const void *pb)
{
    const row *a = pa, *b = pb;
    if (a->a->start != b->a->start)
        return a->a->start < b->a->start ? -1 : 1;
    return strcmp(a->a->title, b->a->title);
}

static double bottom_limit(const week_ctx *w)
{
    return PR_A4_H - MARGIN_Y - w->foot_h;
}

static double col_x(int col)
{
    return MARGIN + col * (COL_W + GUTTER);
}

/* ---- the page frame ---- */

/* The top of page 1: the estate and the week, what it says to everyone, and how to join.
 * Returns where the columns start. */
static double header_first(week_ctx *w, bool draw)
{
    pr_doc *d = w->d;
    char week[160], week_no[32];
    int number = 0, year = 0;
    int64_t monday = dktime_week_start(w->week_start, &number, &year);
    pr_week_title(monday, week, sizeof week);
    snprintf(week_no, sizeof week_no, "%s %d", pr_word("week"), number);
    /* "Uge 48 · 23.–29. november 2026": the number stands big on the right, the dates under
     * the estate's name */
    const char *dates = strstr(week, " · ");
    dates = dates ? dates + strlen(" · ") : week;
    const char *estate = (w->opt->estate_name && *w->opt->estate_name) ? w->opt->estate_name
                                                                       : pr_word("program");
    double y = MARGIN_Y;
    double no_w = pr_text_width(d, week_no, &F_WEEK_NO) + 4;
    /* the week's number is the biggest thing on the page; the estate's name stands on the
     * same baseline (Noto Sans: ascent 1.069 of a line box of 1.362 em) */
    double h_estate = pr_text_height(d, estate, &F_ESTATE, CONTENT_W - no_w - 12);
    double h_week = pr_text_height(d, week_no, &F_WEEK_NO, 0);
    double h = h_estate > h_week ? h_estate : h_week;
    if (draw) {
        double drop = h_week > h_estate ? (h_week - h_estate) * (1.069 / 1.362) : 0;
        pr_text(d, estate, &F_ESTATE, MARGIN, y + drop, CONTENT_W - no_w - 12);
        pr_text(d, week_no, &F_WEEK_NO, PR_A4_W - MARGIN - no_w, y, no_w);
    }
    y += h;
    char date[64], printed[128];
    pr_date_long(w->opt->now, date, sizeof date);
    snprintf(printed, sizeof printed, "%s %s", pr_word("printed"), date);
    double printed_w = CONTENT_W / 2;
    h = pr_text_height(d, dates, &F_DATES, CONTENT_W - printed_w);
    if (draw) {
        pr_text(d, dates, &F_DATES, MARGIN, y, CONTENT_W - printed_w);
        pr_text(d, printed, &F_PRINTED, PR_A4_W - MARGIN - printed_w, y + 2, printed_w);
    }
    y += h + 4;

    /* a welcome, and how to join in plain words, with the phone's pictogram */
    const double icon = 28, pad = 7;
    double text_w = CONTENT_W - 2 * pad - icon - 10;
    char howto[600];
    snprintf(howto, sizeof howto, "<b>%s</b> %s", pr_word("welcome"), pr_word("how to join"));
    double th = pr_markup_height(d, howto, &F_HOWTO, text_w);
    double box_h = (th > icon ? th : icon) + 2 * pad - 4;
    if (draw) {
        cairo_t *cr = d->cr;
        cairo_new_path(cr);
        pr_round_rect(cr, MARGIN, y, CONTENT_W, box_h, 8);
        cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
        cairo_fill(cr);
        icons_draw_on(cr, ICON_PHONE, MARGIN + pad, y + (box_h - icon) / 2, icon, 0.06, 0.06,
                      0.06, 0.9, 0.9, 0.9);
        pr_markup(d, howto, &F_HOWTO, MARGIN + pad + icon + 10, y + (box_h - th) / 2, text_w);
    }
    return y + box_h + 6;
}

/* The top of every later page: the estate and the week on one line. */
static double header_next(week_ctx *w, bool draw)
{
    pr_doc *d = w->d;
    char week[160], line[800];
    pr_week_title(w->week_start, week, sizeof week);
    const char *estate = (w->opt->estate_name && *w->opt->estate_name) ? w->opt->estate_name
                                                                       : pr_word("program");
    snprintf(line, sizeof line, "%s · %s", estate, week);
    double y = MARGIN_Y;
    y += draw ? pr_text(d, line, &F_HEAD_SMALL, MARGIN, y, CONTENT_W)
              : pr_text_height(d, line, &F_HEAD_SMALL, CONTENT_W);
    y += 4;
    if (draw) {
        cairo_new_path(d->cr);
        cairo_rectangle(d->cr, MARGIN, y, CONTENT_W, 1.5);
        cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
        cairo_fill(d->cr);
    }
    return y + 1.5 + 10;
}

/* Only on a program of more pages: which page this is. */
static void footer(week_ctx *w, int page, int pages)
{
    pr_doc *d = w->d;
    double y = PR_A4_H - MARGIN_Y - pr_text_height(d, "Åg", &F_FOOT, 0);
    char page_no[64];
    snprintf(page_no, sizeof page_no, pr_word("page"), page, pages);
    pr_text(d, page_no, &F_FOOT_R, MARGIN, y, CONTENT_W);
}

/* ---- one day heading, one activity ---- */

static void day_heading(week_ctx *w, int64_t t, bool continued, double x, double y)
{
    char text[128];
    pr_day_heading(t, text, sizeof text);
    if (continued) {
        size_t len = strlen(text);
        snprintf(text + len, sizeof text - len, " (%s)", pr_word("continued"));
    }
    cairo_t *cr = w->d->cr;
    cairo_new_path(cr);
    pr_round_rect(cr, x, y, COL_W, day_h(w) - 1, 5);
    cairo_set_source_rgb(cr, 0.82, 0.82, 0.82);
    cairo_fill(cr);
    /* the letters, descenders too, in the middle of the bar (a 16 pt line is taller than the
     * compact form's bar: centring the line let "Mandag"'s g hang under the grey) */
    double ink_top, ink_h;
    pr_text_ink(w->d, text, &F_DAY, &ink_top, &ink_h);
    pr_text(w->d, text, &F_DAY, x + 8, y + (day_h(w) - 1 - ink_h) / 2 - ink_top, COL_W - 16);
}

/* "Fælleshuset · 25 kr., børn 10 kr." (or "Gratis"): the place and what it costs. The host
 * is on the activity's own poster and on the screen; here the room goes to the week. */
static void facts_line(const activity *a, char *out, size_t size)
{
    const char *price = a->price;
    if (!price[0] && (a->badges & BADGE_FREE))
        price = pr_word_badge(BADGE_FREE);
    const char *parts[2] = {a->place, price};
    out[0] = '\0';
    size_t used = 0;
    for (int i = 0; i < 2; i++) {
        if (!parts[i][0])
            continue;
        int k = snprintf(out + used, size - used, "%s%s", used ? " · " : "", parts[i]);
        if (k < 0 || (size_t)k >= size - used)
            break;
        used += (size_t)k;
    }
}

/* What joining takes, said plainly: the deadline, "Bare kom", "Kun for beboere", ... */
static void join_line(const week_ctx *w, const row *r, char *out, size_t size)
{
    const activity *a = r->a;
    out[0] = '\0';
    if (a->cancelled)
        return;
    if (a->badges & BADGE_RESIDENTS_ONLY) {
        snprintf(out, size, "%s", pr_word_badge(BADGE_RESIDENTS_ONLY));
    } else if (a->mode == SIGNUP_MODE_NONE) {
        snprintf(out, size, "%s", pr_word_badge(BADGE_JUST_COME));
    } else if (a->deadline > 0) {
        pr_deadline_short(a, w->opt->now, out, size);
    } else {
        snprintf(out, size, "%s",
                 pr_word(a->mode == SIGNUP_MODE_HELPERS ? "give a hand" : "join"));
    }
}

/* How one activity's block is set: where its code stands and where what joining takes goes. */
typedef struct block_form {
    bool code_at_top;  /* the code beside the time line too, not only under it */
    bool join_in_time; /* "10:00–11:30 · Bare kom" on one line */
} block_form;

/* The block of one activity at (x, y) in the form `f`; returns its height. Measures only
 * without `draw`.
 *
 *   [#] 10:00–11:30 · Bare kom     (with the code at the top: [QR] here already)
 *   Gåtur i Præstøparken           [QR]
 *   Vi mødes ved fælleshusets dør  [QR]
 *   (what does not fit beside the code goes on under it, the whole column wide)
 */
static double block_in_form(week_ctx *w, const row *r, block_form f, double x, double y,
                            bool draw)
{
    pr_doc *d = w->d;
    const activity *a = r->a;
    bool side = r->code || a->cancelled; /* something stands at the right */
    double top = y + block_pad(w);
    char buf[800], join[300], line[1200];

    double side_h = 0, side_w = 0;
    if (a->cancelled) {
        side_h = pr_text_height(d, pr_word("cancelled"), &F_CANCEL, 0) + 10;
        side_w = CANCEL_W;
    } else if (r->code) {
        side_h = r->side + QR_GRID; /* its corner goes down to the grid */
        side_w = r->side + QR_GRID; /* and left */
    }

    /* the pictogram and the time, and what joining takes after it when the form says so */
    join_line(w, r, join, sizeof join);
    pr_time_span(a, buf, sizeof buf);
    snprintf(line, sizeof line, "%s · %s", buf, join);
    const char *time_text = f.join_in_time && join[0] ? line : buf;
    double line_w = COL_W - SQUARE - SQUARE_GAP - (f.code_at_top ? side_w + QR_GAP : 0);
    if (draw)
        pr_category_square(d, a, x, top, SQUARE);
    double th = pr_text_height(d, time_text, &F_TIME, 0);
    if (draw)
        pr_text(d, time_text, &F_TIME, x + SQUARE + SQUARE_GAP, top + (SQUARE - th) / 2,
                line_w);
    double ty = top + (SQUARE > th ? SQUARE : th) + (w->compact ? 0 : 1);
    double side_top = f.code_at_top ? top : ty;

    /* beside the code the text is narrower; once under it, the whole column */
#define TEXT_W (side && ty < side_top + side_h - 6 ? COL_W - side_w - QR_GAP : COL_W)
    pr_font title_f = block_font(w, a->cancelled ? &F_TITLE_OFF : &F_TITLE);
    pr_font fact_f = block_font(w, &F_FACT);
    double tw = TEXT_W;
    ty += draw ? pr_text(d, a->title, &title_f, x, ty, tw)
               : pr_text_height(d, a->title, &title_f, tw);
    facts_line(a, buf, sizeof buf);
    tw = TEXT_W;
    if (buf[0])
        ty += draw ? pr_text(d, buf, &fact_f, x, ty, tw) : pr_text_height(d, buf, &fact_f, tw);
    tw = TEXT_W;
    if (join[0] && !(f.join_in_time))
        ty += draw ? pr_text(d, join, &F_JOIN, x, ty, tw) : pr_text_height(d, join, &F_JOIN, tw);
#undef TEXT_W

    if (draw && a->cancelled) {
        double cx = x + COL_W - CANCEL_W;
        cairo_new_path(d->cr);
        pr_round_rect(d->cr, cx, side_top, CANCEL_W, side_h, 6);
        cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
        cairo_fill(d->cr);
        pr_text(d, pr_word("cancelled"), &F_CANCEL, cx, side_top + 5, CANCEL_W);
    } else if (draw && r->code) {
        double qx = floor((x + COL_W - r->side) / QR_GRID) * QR_GRID;
        double qy = ceil(side_top / QR_GRID) * QR_GRID;
        qr_draw(d->cr, r->code, qx, qy, r->module);
    }
    double bottom = ty > side_top + side_h ? ty : side_top + side_h;
    return bottom - top + 2 * block_pad(w);
}

/* The form that takes the least height: the code under the time line, or beside it too
 * (then the time line is narrower, and what joining takes may go on a line of its own).
 * What joining takes goes on the time line whenever it fits there. */
static block_form block_form_for(week_ctx *w, const row *r)
{
    pr_doc *d = w->d;
    char time[64], join[300], line[400];
    join_line(w, r, join, sizeof join);
    pr_time_span(r->a, time, sizeof time);
    snprintf(line, sizeof line, "%s · %s", time, join);
    double line_w = join[0] ? pr_text_width(d, line, &F_TIME) : 0;
    double full_w = COL_W - SQUARE - SQUARE_GAP;
    block_form best = {false, join[0] && line_w <= full_w};
    if (!r->code && !r->a->cancelled)
        return best;
    double side_w = r->a->cancelled ? CANCEL_W : r->side + QR_GRID;
    double narrow_w = full_w - side_w - QR_GAP;
    if (pr_text_width(d, time, &F_TIME) > narrow_w)
        return best;
    block_form top = {true, join[0] && line_w <= narrow_w};
    return block_in_form(w, r, top, 0, 0, false) < block_in_form(w, r, best, 0, 0, false)
               ? top
               : best;
}

static double activity_block(week_ctx *w, const row *r, double x, double y, bool draw)
{
    return block_in_form(w, r, block_form_for(w, r), x, y, draw);
}

/* The last words when the caller left activities out: how many, and where to see them.
 * Returns its height. */
static double more_note(week_ctx *w, double x, double y, bool draw)
{
    char more[200];
    snprintf(more, sizeof more, pr_word("more this week"), w->opt->not_shown);
    double h = draw ? pr_text(w->d, more, &F_MORE, x, y + 8, COL_W)
                    : pr_text_height(w->d, more, &F_MORE, COL_W);
    return h + 8;
}

static void separator(week_ctx *w, double x, double y)
{
    cairo_t *cr = w->d->cr;
    cairo_new_path(cr);
    cairo_move_to(cr, x, y - 0.5);
    cairo_line_to(cr, x + COL_W, y - 0.5);
    cairo_set_line_width(cr, 0.75);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_stroke(cr);
}

/* ---- placing the items ---- */

/* Places items[from..n) into the columns of pages starting at `page`, each column at most
 * `limit` tall from `top` (and never past the page's bottom). Returns the index of the first
 * item that did not fit on that page (n when all did), or with `all_pages` places them all
 * and returns n; *last_page gets the page the last item went to. */
static size_t place(const week_ctx *w, item *it, size_t n, size_t from, int page, double limit,
                    bool all_pages, int *last_page)
{
    int col = 0;
    double top = page == 1 ? w->first_top : w->next_top;
    double y = top;
    for (size_t i = from; i < n; i++) {
        item *t = &it[i];
        double need = t->h;
        if (!t->r && !t->note && i + 1 < n)
            need += it[i + 1].h; /* a heading stays with its first activity */
        double bottom = top + limit;
        if (bottom > bottom_limit(w))
            bottom = bottom_limit(w);
        bool opens_mid_day = t->r && y == top;
        if (opens_mid_day)
            need += day_h(w);
        if (y > top && y + need > bottom) {
            col++;
            if (col == 2) {
                if (!all_pages)
                    return i;
                page++;
                col = 0;
                top = w->next_top;
            }
            y = top;
            i--; /* again, at the top of the next column */
            continue;
        }
        t->page = page;
        t->col = col;
        t->continued = opens_mid_day;
        t->y = y + (opens_mid_day ? day_h(w) : 0);
        y = t->y + t->h;
    }
    if (last_page)
        *last_page = page;
    return n;
}

/* Places everything: whole pages as full as they go, and the last one balanced, its two
 * columns as even as the blocks allow. Returns the number of pages. */
static int place_all(const week_ctx *w, item *it, size_t n)
{
    int page = 1;
    size_t from = 0;
    for (;;) {
        double top = page == 1 ? w->first_top : w->next_top;
        double full = bottom_limit(w) - top;
        size_t next = place(w, it, n, from, page, full, false, NULL);
        if (next < n && next > from) {
            from = next;
            page++;
            continue;
        }
        if (next < n) /* one block taller than a page: it goes on its own */
            return (place(w, it, n, from, page, full, true, &page), page);
        /* the rest fits this page: the lowest column limit that still holds it */
        double lo = 0, hi = full;
        for (int k = 0; k < 40; k++) {
            double mid = (lo + hi) / 2;
            if (place(w, it, n, from, page, mid, false, NULL) == n)
                hi = mid;
            else
                lo = mid;
        }
        place(w, it, n, from, page, hi, false, NULL);
        return page;
    }
}

static void draw_page(week_ctx *w, const item *it, size_t n, int page, int pages)
{
    if (page == 1)
        header_first(w, true);
    else
        header_next(w, true);
    for (size_t i = 0; i < n; i++) {
        const item *t = &it[i];
        if (t->page != page)
            continue;
        double x = col_x(t->col);
        if (t->note) {
            more_note(w, x, t->y, true);
            continue;
        }
        if (!t->r) {
            day_heading(w, t->day, false, x, t->y);
            continue;
        }
        if (t->continued)
            day_heading(w, t->day, true, x, t->y - day_h(w));
        else if (i > 0 && it[i - 1].r && it[i - 1].page == page && it[i - 1].col == t->col)
            separator(w, x, t->y);
        activity_block(w, t->r, x, t->y, true);
    }
    if (pages > 1)
        footer(w, page, pages);
}

/* Measures the items of the week in its form (w->compact) into `it` and places them; returns
 * the number of pages, *k the number of items. */
static int measure_and_place(week_ctx *w, row *rows, size_t n, item *it, size_t *k_out)
{
    pr_doc *d = w->d;
    w->foot_h = 0; /* one page needs no page numbers; the date is in the heading */
    w->first_top = header_first(w, false);
    w->next_top = header_next(w, false);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        if (i == 0 || dktime_days_between(rows[i - 1].a->start, r->a->start) != 0)
            it[k++] = (item){.r = NULL, .day = r->a->start, .h = day_h(w)};
        it[k++] = (item){.r = r, .day = r->a->start, .h = activity_block(w, r, 0, 0, false)};
    }
    if (w->opt->not_shown > 0)
        it[k++] = (item){.note = true, .h = more_note(w, 0, 0, false)};
    int pages = k ? place_all(w, it, k) : 1;
    if (pages > 1) {
        w->foot_h = pr_text_height(d, "Åg", &F_FOOT, 0) + 8;
        pages = place_all(w, it, k);
    }
    *k_out = k;
    return pages;
}

/* The codes' modules: QR_MODULE_BIG where the code stays within QR_MAX_SIDE with it, else
 * QR_MODULE_SMALL; in the compact form all QR_MODULE_SMALL (2 pixels at 150 dpi, as the
 * densest codes always have been, and still 1.9 cm for a version 7 code). */
static void size_codes(row *rows, size_t n, bool compact)
{
    for (size_t i = 0; i < n; i++) {
        if (!rows[i].code)
            continue;
        int modules = qr_size_with_quiet_zone(rows[i].code);
        rows[i].module = !compact && modules * QR_MODULE_BIG <= QR_MAX_SIDE ? QR_MODULE_BIG
                                                                            : QR_MODULE_SMALL;
        rows[i].side = modules * rows[i].module;
    }
}

/* A normal week is one poster: where its long titles would spill it to a second page, it is
 * set again in the compact form (titles and places of two lines at most, the codes' modules
 * 2 pixels at 150 dpi, the blocks closer; the words stay 16 pt), and kept so when that takes
 * fewer pages. */
static vm_status lay_out(week_ctx *w, row *rows, size_t n, vm_err *err)
{
    pr_doc *d = w->d;
    item *it = calloc(2 * n + 2, sizeof *it);
    if (!it)
        return err_set(err, VM_ERR_NOMEM, "Out of memory while laying out the program.");
    size_t k = 0;
    w->compact = false;
    int pages = measure_and_place(w, rows, n, it, &k);
    if (pages > 1 && n <= COMPACT_MAX) {
        w->compact = true;
        size_codes(rows, n, true);
        int compact_pages = measure_and_place(w, rows, n, it, &k);
        if (compact_pages < pages) {
            pages = compact_pages;
        } else {
            w->compact = false; /* no help: the full titles, the codes as big as they were */
            size_codes(rows, n, false);
            measure_and_place(w, rows, n, it, &k);
        }
    }
    for (int p = 1; p <= pages; p++) {
        draw_page(w, it, k, p, pages);
        if (n == 0)
            pr_text(d, pr_word("nothing this week"), &F_NOTHING, MARGIN, w->first_top + 10,
                    CONTENT_W);
        pr_doc_page_done(d);
    }
    free(it);
    return VM_OK;
}

vm_status print_week(const activity *acts, size_t n, int64_t week_start,
                     const print_options *opt, const char *path, print_report *report,
                     vm_err *err)
{
    if (report)
        memset(report, 0, sizeof *report);
    if (!opt || (n > 0 && !acts))
        return err_set(err, VM_ERR_INVALID, "print_week: no options or no activities");
    vm_status st = VM_OK;
    pr_doc d;
    bool opened = false;
    print_report rep = {0};
    row *rows = calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        return err_set(err, VM_ERR_NOMEM, "Out of memory while laying out the program.");
    for (size_t i = 0; i < n; i++) {
        rows[i].a = &acts[i];
        bool too_long = false;
        st = pr_activity_qr(&acts[i], opt, &rows[i].code, &rows[i].kind, &too_long, err);
        if (st != VM_OK)
            goto out;
        rep.codes += rows[i].code != NULL;
        rep.codes_too_long += too_long;
    }
    size_codes(rows, n, false);
    qsort(rows, n, sizeof *rows, by_start);

    char title[200];
    pr_week_title(week_start, title, sizeof title);
    st = pr_doc_open(&d, path, opt->font_dir, title, opt->now, err);
    if (st != VM_OK)
        goto out;
    opened = true;
    int week = 0, year = 0;
    week_ctx w = {&d, opt, dktime_week_start(week_start, &week, &year), 0, 0, 0, false};
    st = lay_out(&w, rows, n, err);
    rep.pages = d.pages;
out:
    if (opened) {
        vm_status cst = pr_doc_close(&d, st == VM_OK, err);
        if (st == VM_OK)
            st = cst;
    }
    for (size_t i = 0; i < n; i++)
        qr_free(rows[i].code);
    free(rows);
    if (st == VM_OK && report)
        *report = rep;
    return st;
}
