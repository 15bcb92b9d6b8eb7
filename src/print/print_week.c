/* print_week: the week's program for the stairwell. See print.h.
 *
 * Laid out twice with the same code: once to count the pages ("Side 1 af 3"), once to draw.
 * A row never splits across pages, and a day heading never ends a page on its own. */
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "core/icon.h"
#include "icons/icons.h"
#include "print/print.h"
#include "print/print_internal.h"

#define MARGIN 36.0
#define CONTENT_W (PR_A4_W - 2 * MARGIN)
#define FOOTER_H 34.0
#define SQUARE 50.0
#define TEXT_X (MARGIN + SQUARE + 14)
#define QR_COL_W 128.0
#define QR_SIDE 96.0
#define TEXT_W (CONTENT_W - SQUARE - 14 - QR_COL_W - 12)
#define ROW_PAD 8.0
#define FACT_ICON 13.0

static const pr_font F_ESTATE = {26, true, false, 2, PANGO_ALIGN_LEFT, {0.08, 0.08, 0.08}};
static const pr_font F_WEEK = {18, false, false, 1, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}};
static const pr_font F_WELCOME = {14, true, false, 1, PANGO_ALIGN_RIGHT, {0.1, 0.1, 0.1}};
static const pr_font F_HEAD_SMALL = {13, true, false, 1, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}};
static const pr_font F_DAY = {15, true, false, 1, PANGO_ALIGN_LEFT, {0.05, 0.05, 0.05}};
static const pr_font F_TIME = {14, true, false, 1, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}};
static const pr_font F_TITLE = {17, true, false, 2, PANGO_ALIGN_LEFT, {0.05, 0.05, 0.05}};
static const pr_font F_TITLE_OFF = {17, true, true, 2, PANGO_ALIGN_LEFT, {0.35, 0.35, 0.35}};
static const pr_font F_FACT = {12, false, false, 2, PANGO_ALIGN_LEFT, {0.12, 0.12, 0.12}};
static const pr_font F_FACT_BOLD = {12, true, false, 2, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}};
static const pr_font F_CHIP = {11, false, false, 1, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}};
static const pr_font F_SCAN = {9, true, false, 2, PANGO_ALIGN_CENTER, {0.1, 0.1, 0.1}};
static const pr_font F_CANCEL = {16, true, false, 1, PANGO_ALIGN_CENTER, {1, 1, 1}};
static const pr_font F_FOOT = {9.5, false, false, 1, PANGO_ALIGN_LEFT, {0.25, 0.25, 0.25}};
static const pr_font F_FOOT_R = {9.5, false, false, 1, PANGO_ALIGN_RIGHT, {0.25, 0.25, 0.25}};
static const pr_font F_FOOT_C = {9.5, false, false, 1, PANGO_ALIGN_CENTER, {0.25, 0.25, 0.25}};
static const pr_font F_NOTHING = {18, false, false, 0, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}};

typedef struct row {
    const activity *a;
    qr_code *code;
    qr_target_kind kind;
} row;

typedef struct week_ctx {
    pr_doc *d;
    const print_options *opt;
    int64_t week_start;
    row *rows;
    size_t n;
    bool draw;
    int page;        /* 1-based */
    int total_pages; /* known on the drawing pass */
    double y;        /* next free line on the page */
} week_ctx;

static int by_start(const void *pa, const void *pb)
{
    const row *a = pa, *b = pb;
    if (a->a->start != b->a->start)
        return a->a->start < b->a->start ? -1 : 1;
    return strcmp(a->a->title, b->a->title);
}

static double bottom_limit(void)
{
    return PR_A4_H - MARGIN - FOOTER_H;
}

/* ---- the page frame ---- */

static void header(week_ctx *w)
{
    pr_doc *d = w->d;
    char week[160];
    pr_week_title(w->week_start, week, sizeof week);
    const char *estate = (w->opt->estate_name && *w->opt->estate_name) ? w->opt->estate_name
                                                                       : pr_word("program");
    double y = MARGIN;
    if (w->page == 1) {
        double welcome_w = 190;
        double h = w->draw ? pr_text(d, estate, &F_ESTATE, MARGIN, y, CONTENT_W - welcome_w)
                           : pr_text_height(d, estate, &F_ESTATE, CONTENT_W - welcome_w);
        if (w->draw)
            pr_text(d, pr_word("welcome"), &F_WELCOME, PR_A4_W - MARGIN - welcome_w, y + 8,
                    welcome_w);
        y += h + 2;
        y += w->draw ? pr_text(d, week, &F_WEEK, MARGIN, y, CONTENT_W)
                     : pr_text_height(d, week, &F_WEEK, CONTENT_W);
        y += 8;
        if (w->draw) {
            cairo_new_path(d->cr);
            cairo_rectangle(d->cr, MARGIN, y, CONTENT_W, 3);
            cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
            cairo_fill(d->cr);
        }
        y += 3 + 12;
    } else {
        char line[800];
        snprintf(line, sizeof line, "%s · %s", estate, week);
        y += w->draw ? pr_text(d, line, &F_HEAD_SMALL, MARGIN, y, CONTENT_W)
                     : pr_text_height(d, line, &F_HEAD_SMALL, CONTENT_W);
        y += 5;
        if (w->draw) {
            cairo_new_path(d->cr);
            cairo_rectangle(d->cr, MARGIN, y, CONTENT_W, 1.5);
            cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
            cairo_fill(d->cr);
        }
        y += 1.5 + 10;
    }
    w->y = y;
}

static void footer(week_ctx *w)
{
    if (!w->draw)
        return;
    pr_doc *d = w->d;
    double y = PR_A4_H - MARGIN - 12;
    icons_draw_on(d->cr, ICON_PHONE, MARGIN, y - 2, 15, 0.25, 0.25, 0.25, 1, 1, 1);
    pr_text(d, pr_word("scan footer"), &F_FOOT, MARGIN + 18, y, 220);
    char date[64], printed[128], page[64];
    pr_date_long(w->opt->now, date, sizeof date);
    snprintf(printed, sizeof printed, "%s %s", pr_word("printed"), date);
    pr_text(d, printed, &F_FOOT_C, MARGIN, y, CONTENT_W);
    snprintf(page, sizeof page, pr_word("page"), w->page, w->total_pages);
    pr_text(d, page, &F_FOOT_R, MARGIN, y, CONTENT_W);
}

static void new_page(week_ctx *w)
{
    footer(w);
    if (w->draw)
        pr_doc_page_done(w->d);
    w->page++;
    header(w);
}

/* ---- one day heading, one activity ---- */

static double day_heading(week_ctx *w, int64_t t, bool continued, bool measure_only)
{
    char text[128];
    pr_day_heading(t, text, sizeof text);
    if (continued) {
        size_t len = strlen(text);
        snprintf(text + len, sizeof text - len, " (%s)", pr_word("continued"));
    }
    double h = 25;
    if (w->draw && !measure_only) {
        cairo_t *cr = w->d->cr;
        cairo_new_path(cr);
        pr_round_rect(cr, MARGIN, w->y, CONTENT_W, h, 5);
        cairo_set_source_rgb(cr, 0.87, 0.87, 0.87);
        cairo_fill(cr);
        double th = pr_text_height(w->d, text, &F_DAY, 0);
        pr_text(w->d, text, &F_DAY, MARGIN + 10, w->y + (h - th) / 2, CONTENT_W - 20);
    }
    return h + 4;
}

/* A line of text after a small pictogram; returns its height. */
static double fact(week_ctx *w, icon_id icon, const char *text, const pr_font *f, double x,
                   double y, bool draw)
{
    double tx = x + FACT_ICON + 5, width = TEXT_W - FACT_ICON - 5;
    if (!draw)
        return pr_text_height(w->d, text, f, width);
    if (icon != ICON_NONE)
        icons_draw_on(w->d->cr, icon, x, y + 1, FACT_ICON, 0.15, 0.15, 0.15, 1, 1, 1);
    return pr_text(w->d, text, f, tx, y, width);
}

static double activity_row(week_ctx *w, const row *r, bool draw)
{
    pr_doc *d = w->d;
    const activity *a = r->a;
    double top = w->y + ROW_PAD, y = top;
    char buf[600];

    if (draw)
        pr_category_square(d->cr, a, MARGIN, top, SQUARE);

    pr_time_span(a, buf, sizeof buf);
    y += draw ? pr_text(d, buf, &F_TIME, TEXT_X, y, TEXT_W) : pr_text_height(d, buf, &F_TIME, TEXT_W);
    const pr_font *tf = a->cancelled ? &F_TITLE_OFF : &F_TITLE;
    y += draw ? pr_text(d, a->title, tf, TEXT_X, y, TEXT_W) : pr_text_height(d, a->title, tf, TEXT_W);
    y += 3;
    if (a->place[0])
        y += fact(w, ICON_PLACE, a->place, &F_FACT, TEXT_X, y, draw) + 1;
    pr_host_line(a, buf, sizeof buf);
    if (buf[0])
        y += fact(w, ICON_HOST, buf, &F_FACT, TEXT_X, y, draw) + 1;
    pr_price_line(a, buf, sizeof buf);
    if (buf[0])
        y += fact(w, ICON_NONE, buf, &F_FACT, TEXT_X, y, draw) + 1;
    pr_deadline(a, w->opt->now, buf, sizeof buf);
    if (buf[0])
        y += fact(w, ICON_CLOCK, buf, &F_FACT_BOLD, TEXT_X, y, draw) + 1;

    /* badges as chips, flowing onto more lines when needed */
    double x = TEXT_X, line_h = 0;
    bool any = false;
    for (unsigned bit = 1; bit & BADGE_ALL; bit <<= 1) {
        if (!(a->badges & bit))
            continue;
        if (!any)
            y += 4;
        any = true;
        double cw = pr_badge_chip(d, bit, x, y, FACT_ICON, &F_CHIP, false);
        if (x > TEXT_X && x + cw > TEXT_X + TEXT_W) {
            x = TEXT_X;
            y += line_h + 4;
        }
        if (draw)
            pr_badge_chip(d, bit, x, y, FACT_ICON, &F_CHIP, true);
        x += cw + 6;
        line_h = FACT_ICON + FACT_ICON * 0.35;
    }
    y += line_h;
    double text_h = y - top;

    /* the right column: the code and what scanning does, or "Aflyst" */
    double qx = PR_A4_W - MARGIN - QR_COL_W, col_h = 0;
    if (a->cancelled) {
        double th = pr_text_height(d, pr_word("cancelled"), &F_CANCEL, 0);
        double tw = pr_text_width(d, pr_word("cancelled"), &F_CANCEL) + 28;
        col_h = th + 14;
        if (draw) {
            double bx = qx + (QR_COL_W - tw) / 2;
            cairo_new_path(d->cr);
            pr_round_rect(d->cr, bx, top, tw, col_h, 6);
            cairo_set_source_rgb(d->cr, 0.1, 0.1, 0.1);
            cairo_fill(d->cr);
            pr_text(d, pr_word("cancelled"), &F_CANCEL, bx, top + 7, tw);
        }
    } else if (r->code) {
        double module = QR_SIDE / qr_size_with_quiet_zone(r->code);
        const char *scan = pr_word_scan(r->kind);
        if (draw) {
            qr_draw(d->cr, r->code, qx + (QR_COL_W - QR_SIDE) / 2, top - 4, module);
            pr_text(d, scan, &F_SCAN, qx, top - 4 + QR_SIDE, QR_COL_W);
        }
        col_h = QR_SIDE - 4 + pr_text_height(d, scan, &F_SCAN, QR_COL_W);
    }
    double h = text_h;
    if (h < SQUARE)
        h = SQUARE;
    if (h < col_h)
        h = col_h;
    return h + 2 * ROW_PAD;
}

static void separator(week_ctx *w)
{
    if (!w->draw)
        return;
    cairo_t *cr = w->d->cr;
    cairo_new_path(cr);
    cairo_move_to(cr, MARGIN, w->y - 0.5);
    cairo_line_to(cr, PR_A4_W - MARGIN, w->y - 0.5);
    cairo_set_line_width(cr, 0.75);
    cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
    cairo_stroke(cr);
}

static void lay_out(week_ctx *w)
{
    w->page = 1;
    header(w);
    if (w->n == 0) {
        if (w->draw)
            pr_text(w->d, pr_word("nothing this week"), &F_NOTHING, MARGIN, w->y + 20, CONTENT_W);
    }
    for (size_t i = 0; i < w->n; i++) {
        const row *r = &w->rows[i];
        bool first_of_day =
            i == 0 || dktime_days_between(w->rows[i - 1].a->start, r->a->start) != 0;
        double row_h = activity_row(w, r, false);
        if (first_of_day) {
            double hh = day_heading(w, r->a->start, false, true);
            if (w->y + hh + row_h > bottom_limit() && i > 0)
                new_page(w);
            w->y += day_heading(w, r->a->start, false, false);
        } else if (w->y + row_h > bottom_limit()) {
            new_page(w);
            w->y += day_heading(w, r->a->start, true, false);
        } else {
            separator(w);
        }
        if (w->draw)
            activity_row(w, r, true);
        w->y += row_h;
    }
    if (w->opt->not_shown > 0) {
        char more[200];
        snprintf(more, sizeof more, pr_word("more this week"), w->opt->not_shown);
        double h = pr_text_height(w->d, more, &F_WEEK, CONTENT_W) + 12;
        if (w->y + h > bottom_limit())
            new_page(w);
        if (w->draw)
            pr_text(w->d, more, &F_WEEK, MARGIN, w->y + 12, CONTENT_W);
        w->y += h;
    }
    footer(w);
    if (w->draw)
        pr_doc_page_done(w->d);
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
    qsort(rows, n, sizeof *rows, by_start);

    char title[200];
    pr_week_title(week_start, title, sizeof title);
    st = pr_doc_open(&d, path, opt->font_dir, title, opt->now, err);
    if (st != VM_OK)
        goto out;
    opened = true;
    int week = 0, year = 0;
    week_ctx w = {&d, opt, dktime_week_start(week_start, &week, &year), rows, n, false, 1, 1, 0};
    lay_out(&w);
    w.total_pages = w.page;
    w.draw = true;
    lay_out(&w);
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
