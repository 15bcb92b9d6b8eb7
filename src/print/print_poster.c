/* print_poster: one activity on an A4 page, readable from the other side of the stairwell.
 * See print.h. Top to bottom: the category band with pictogram and title, the facts in big
 * type, the badges, the description in whatever room is left, and the code at the bottom. */
#include <string.h>

#include "core/dktime.h"
#include "core/icon.h"
#include "icons/icons_cairo.h"
#include "print/print.h"
#include "print/print_internal.h"

#define MARGIN 40.0
#define CONTENT_W (PR_A4_W - 2 * MARGIN)
#define BAND_PAD 22.0
#define BAND_ICON 112.0
#define FACT_ICON 26.0
#define QR_SIDE 206.0

static const pr_font F_ESTATE = {13, true, false, 1, PANGO_ALIGN_LEFT, {0.2, 0.2, 0.2}, 0};
static const pr_font F_JOIN = {13, true, false, 1, PANGO_ALIGN_RIGHT, {0.2, 0.2, 0.2}, 0};
static const pr_font F_TITLE = {38, true, false, 3, PANGO_ALIGN_LEFT, {1, 1, 1}, 0};
static const pr_font F_TITLE_OFF = {38, true, true, 3, PANGO_ALIGN_LEFT, {1, 1, 1}, 0};
static const pr_font F_CANCEL = {44, true, false, 1, PANGO_ALIGN_CENTER, {1, 1, 1}, 0};
static const pr_font F_WHEN = {24, true, false, 1, PANGO_ALIGN_LEFT, {0.05, 0.05, 0.05}, 0};
static const pr_font F_FACT = {21, false, false, 2, PANGO_ALIGN_LEFT, {0.08, 0.08, 0.08}, 0};
static const pr_font F_DEADLINE = {16, true, false, 2, PANGO_ALIGN_LEFT, {0.08, 0.08, 0.08}, 0};
static const pr_font F_CHIP = {15, false, false, 1, PANGO_ALIGN_LEFT, {0.08, 0.08, 0.08}, 0};
static const pr_font F_DESC = {14, false, false, 0, PANGO_ALIGN_LEFT, {0.12, 0.12, 0.12}, 0};
static const pr_font F_SCAN = {24, true, false, 3, PANGO_ALIGN_LEFT, {0.05, 0.05, 0.05}, 0};
static const pr_font F_SCAN_HELP = {15, false, false, 3, PANGO_ALIGN_LEFT, {0.15, 0.15, 0.15}, 0};
static const pr_font F_FOOT = {9.5, false, false, 1, PANGO_ALIGN_LEFT, {0.3, 0.3, 0.3}, 0};

/* A fact line: a pictogram, then the text beside it. Returns the height used. */
static double fact(pr_doc *d, icon_id icon, const char *text, const pr_font *f, double y,
                   bool draw)
{
    double tx = MARGIN + FACT_ICON + 12, width = CONTENT_W - FACT_ICON - 12;
    double th = pr_text_height(d, text, f, width);
    if (!draw)
        return th;
    if (icon != ICON_NONE)
        icons_draw_on(d->cr, icon, MARGIN, y + (f->size * 1.36 - FACT_ICON) / 2, FACT_ICON, 0.1,
                      0.1, 0.1, 1, 1, 1);
    pr_text(d, text, f, tx, y, width);
    return th;
}

static double band(pr_doc *d, const activity *a, double y)
{
    double rgb[3];
    pr_category_rgb(a->category, rgb);
    if (a->cancelled)
        rgb[0] = rgb[1] = rgb[2] = 0.4;
    double tx = MARGIN + BAND_PAD + BAND_ICON + BAND_PAD;
    double tw = PR_A4_W - MARGIN - BAND_PAD - tx;
    pr_font tf = a->cancelled ? F_TITLE_OFF : F_TITLE;
    /* as big as it can be: a short title in 38 pt, a long one smaller rather than 3 lines */
    for (double size = 38; size >= 28; size -= 5) {
        tf.size = size;
        tf.max_lines = 0;
        if (pr_text_height(d, a->title, &tf, tw) < size * 1.4 * 2.5)
            break;
    }
    tf.max_lines = 3;
    double th = pr_text_height(d, a->title, &tf, tw);
    double h = BAND_ICON + 2 * BAND_PAD;
    if (th + 2 * BAND_PAD > h)
        h = th + 2 * BAND_PAD;
    cairo_new_path(d->cr);
    pr_round_rect(d->cr, MARGIN, y, CONTENT_W, h, 14);
    pr_rgb(d->cr, rgb);
    cairo_fill(d->cr);
    icons_draw_on(d->cr, icon_for_category(a->category), MARGIN + BAND_PAD, y + (h - BAND_ICON) / 2,
                  BAND_ICON, 1, 1, 1, rgb[0], rgb[1], rgb[2]);
    pr_text(d, a->title, &tf, tx, y + (h - th) / 2, tw);
    return h;
}

static double cancelled_banner(pr_doc *d, double y)
{
    const char *word = pr_word("cancelled");
    double th = pr_text_height(d, word, &F_CANCEL, 0), h = th + 20;
    cairo_new_path(d->cr);
    pr_round_rect(d->cr, MARGIN, y, CONTENT_W, h, 10);
    cairo_set_source_rgb(d->cr, 0.08, 0.08, 0.08);
    cairo_fill(d->cr);
    pr_text(d, word, &F_CANCEL, MARGIN, y + 10, CONTENT_W);
    return h;
}

static double badges(pr_doc *d, const activity *a, double y, bool draw)
{
    double icon = 22, x = MARGIN, line_h = 0, top = y;
    for (unsigned bit = 1; bit & BADGE_ALL; bit <<= 1) {
        if (!(a->badges & bit))
            continue;
        double cw = pr_badge_chip(d, bit, x, y, icon, &F_CHIP, false);
        if (x > MARGIN && x + cw > MARGIN + CONTENT_W) {
            x = MARGIN;
            y += line_h + 8;
        }
        if (draw)
            pr_badge_chip(d, bit, x, y, icon, &F_CHIP, true);
        x += cw + 10;
        line_h = icon * 1.35;
    }
    return y + line_h - top;
}

/* The bottom block: the code at the right with what scanning does at its left, bottom-aligned
 * with it, or why there is no code. Returns the top of the text block at the left (the
 * description may use the room above it). */
static double bottom(pr_doc *d, const activity *a, const qr_code *code, qr_target_kind kind,
                     double qr_top)
{
    double qr_bottom = qr_top + QR_SIDE;
    double text_w = CONTENT_W - QR_SIDE - 24 - 66, tx = MARGIN + 66;
    const char *say = NULL, *help = NULL;
    icon_id icon = ICON_NONE;
    if (code) {
        double module = QR_SIDE / qr_size_with_quiet_zone(code);
        qr_draw(d->cr, code, PR_A4_W - MARGIN - QR_SIDE, qr_top, module);
        /* a thin frame so the white quiet zone has an edge on the wall */
        cairo_new_path(d->cr);
        pr_round_rect(d->cr, PR_A4_W - MARGIN - QR_SIDE - 0.5, qr_top - 0.5, QR_SIDE + 1,
                      QR_SIDE + 1, 6);
        cairo_set_line_width(d->cr, 1);
        cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
        cairo_stroke(d->cr);
        say = pr_word_scan(kind);
        help = pr_word("scan help");
        icon = ICON_PHONE;
    } else if (!a->cancelled && (a->badges & BADGE_RESIDENTS_ONLY)) {
        say = pr_word_badge(BADGE_RESIDENTS_ONLY);
        help = pr_word("ask host");
        icon = ICON_BADGE_RESIDENTS_ONLY;
        text_w = CONTENT_W - 66;
    } else {
        return qr_bottom;
    }
    double h1 = pr_text_height(d, say, &F_SCAN, text_w);
    double h2 = pr_text_height(d, help, &F_SCAN_HELP, text_w);
    double top = qr_bottom - (h1 + 6 + h2);
    icons_draw_on(d->cr, icon, MARGIN, top + 2, 54, 0.1, 0.1, 0.1, 1, 1, 1);
    pr_text(d, say, &F_SCAN, tx, top, text_w);
    pr_text(d, help, &F_SCAN_HELP, tx, top + h1 + 6, text_w);
    return top;
}

/* The description in whole lines within (x, y, width) down to `limit`, with a grey rule. */
static void description(pr_doc *d, const activity *a, double x, double y, double width,
                        double limit)
{
    if (!a->description[0] || limit - y < 24)
        return;
    pr_font f = F_DESC;
    f.max_lines = (int)((limit - y) / (f.size * 1.37));
    if (f.max_lines < 1)
        return;
    double h = pr_text_height(d, a->description, &f, width - 14);
    cairo_new_path(d->cr);
    cairo_rectangle(d->cr, x, y + 2, 3, h - 4);
    cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
    cairo_fill(d->cr);
    pr_text(d, a->description, &f, x + 14, y, width - 14);
}

/* When, where, who, price, deadline, badges. Returns the height; draws only when `draw`. */
static double facts(pr_doc *d, const activity *a, const print_options *opt, double y, bool draw)
{
    char buf[700], when[900];
    double top = y;
    /* when: the day in bold, the hours beside */
    pr_day_heading(a->start, when, sizeof when);
    pr_time_span(a, buf, sizeof buf);
    size_t wl = strlen(when);
    snprintf(when + wl, sizeof when - wl, ", %s %s", pr_word("at"), buf);
    y += fact(d, ICON_CLOCK, when, &F_WHEN, y, draw) + 10;
    if (a->place[0])
        y += fact(d, ICON_PLACE, a->place, &F_FACT, y, draw) + 8;
    pr_host_line(a, buf, sizeof buf);
    if (buf[0])
        y += fact(d, ICON_HOST, buf, &F_FACT, y, draw) + 8;
    pr_price_line(a, buf, sizeof buf);
    if (buf[0])
        y += fact(d, ICON_NONE, buf, &F_FACT, y, draw) + 8;
    pr_deadline(a, opt->now, buf, sizeof buf);
    if (buf[0])
        y += fact(d, ICON_NONE, buf, &F_DEADLINE, y, draw) + 8;
    if (a->badges) {
        y += 6;
        y += badges(d, a, y, draw) + 14;
    }
    return y - top;
}

vm_status print_poster(const activity *a, const print_options *opt, const char *path,
                       print_report *report, vm_err *err)
{
    if (report)
        memset(report, 0, sizeof *report);
    if (!a || !opt)
        return err_set(err, VM_ERR_INVALID, "print_poster: no activity or no options");
    qr_code *code = NULL;
    qr_target_kind kind = QR_TARGET_NONE;
    bool too_long = false;
    pr_doc d;
    bool opened = false;
    vm_status st = pr_activity_qr(a, opt, &code, &kind, &too_long, err);
    if (st != VM_OK)
        goto out;
    st = pr_doc_open(&d, path, opt->font_dir, a->title, opt->now, err);
    if (st != VM_OK)
        goto out;
    opened = true;

    char buf[700];
    double y = MARGIN - 6;
    const char *estate = opt->estate_name ? opt->estate_name : "";
    pr_text(&d, estate, &F_ESTATE, MARGIN, y, CONTENT_W - 120);
    pr_text(&d, pr_word("join us"), &F_JOIN, MARGIN, y, CONTENT_W);
    y += 24;
    y += band(&d, a, y) + 18;
    if (a->cancelled)
        y += cancelled_banner(&d, y) + 18;

    /* The code sits at the bottom; the description takes the room that is left: beside the
     * code when there is one, across the page when there is not. Without a description the
     * facts move down into the middle of the free room, so the page does not look empty. */
    double qr_top = PR_A4_H - MARGIN - 24 - QR_SIDE;
    double text_top = bottom(&d, a, code, kind, qr_top);
    if (!a->description[0]) {
        double limit = code ? qr_top : text_top;
        double free = limit - 24 - (y + facts(&d, a, opt, y, false));
        if (free > 0)
            y += free * 0.4;
    }
    y += facts(&d, a, opt, y, true);
    if (code)
        description(&d, a, MARGIN, y, CONTENT_W - QR_SIDE - 24, text_top - 16);
    else
        description(&d, a, MARGIN, y, CONTENT_W, text_top - 18);

    char date[64];
    pr_date_long(opt->now, date, sizeof date);
    snprintf(buf, sizeof buf, "%s%s%s %s", estate, estate[0] ? " · " : "", pr_word("printed"),
             date);
    pr_text(&d, buf, &F_FOOT, MARGIN, PR_A4_H - MARGIN, CONTENT_W);
    pr_doc_page_done(&d);
out:
    if (opened) {
        int pages = d.pages;
        vm_status cst = pr_doc_close(&d, st == VM_OK, err);
        if (st == VM_OK)
            st = cst;
        if (st == VM_OK && report) {
            report->pages = pages;
            report->codes = code != NULL;
            report->codes_too_long = too_long;
        }
    }
    qr_free(code);
    return st;
}
