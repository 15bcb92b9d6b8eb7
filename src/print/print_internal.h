/* print_internal: what the week program and the poster share (internal to print/).
 *
 * pr_doc: one PDF being written (temporary file, cairo surface and context, Pango context
 * with the private Noto fonts). Units are PostScript points; A4 is 595.28 x 841.89.
 * print_words.c: every Danish word and date format print uses, in one place.
 *
 * Threads: the caller's one thread at a time: the main loop during a sync, or the command line
 * (cairo and Pango's font map are not shared across threads here).
 */
#ifndef VM_PRINT_INTERNAL_H
#define VM_PRINT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/activity.h"
#include "core/err.h"
#include "print/print.h"
#include "qr/qr_cairo.h"

#define PR_A4_W 595.28
#define PR_A4_H 841.89

/* The texts laid out so far (print_doc.c): each (text, font, width) is laid out once, its
 * size measured and the same layout drawn. */
typedef struct pr_layouts pr_layouts;
/* The category squares drawn so far (print_doc.c): each drawn once, as a form. */
typedef struct pr_forms pr_forms;

typedef struct pr_doc {
    const char *path;
    char *tmp_path;
    FILE *file;
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoFontMap *font_map;
    PangoContext *pango;
    pr_layouts *layouts;
    int layouts_made;  /* texts laid out by Pango (for the tests: once each) */
    pr_forms *forms;
    int forms_made;    /* squares drawn into a form (for the tests: once each) */
    int pages;
} pr_doc;

/* Opens the fonts, then the temporary file and the PDF surface. On failure everything opened
 * is closed again and nothing is left on disk. */
vm_status pr_doc_open(pr_doc *d, const char *path, const char *font_dir, const char *title,
                      int64_t now, vm_err *err);
/* Ends the current page (counts it). */
void pr_doc_page_done(pr_doc *d);
/* With `keep`: finishes the PDF, flushes it to disk and renames it over `path`. Without (or
 * when that fails): removes the temporary file. Always releases everything; NULL-safe. */
vm_status pr_doc_close(pr_doc *d, bool keep, vm_err *err);

/* ---- text ---- */

typedef struct pr_font {
    double size;      /* points */
    bool bold;
    bool strike;      /* struck through (a cancelled title) */
    int max_lines;    /* 0 = as many as it takes; else ellipsised after that many */
    PangoAlignment align;
    double rgb[3];
    double spacing;   /* baseline to baseline, in units of the font's height; 0 = Pango's */
} pr_font;

/* Lays out `text` in `width` points. The caller unrefs the layout. */
PangoLayout *pr_layout(pr_doc *d, const char *text, const pr_font *f, double width);
/* The functions below lay out each text once per document: a text measured (its height, its
 * width) and then drawn, or measured again, with the same font (all but its colour) and
 * width reuses the layout made the first time (a week's program measures each block in two
 * forms and draws it in one). The document keeps them until it is closed (at most
 * PR_LAYOUTS_MAX; then it starts again). */
#define PR_LAYOUTS_MAX 4096
/* Height the text takes (points). */
double pr_text_height(pr_doc *d, const char *text, const pr_font *f, double width);
/* Where the ink of one line of `text` lies below the top of its line (*top) and how tall it
 * is (*height), in points: to centre the letters themselves, descenders included, in a bar
 * lower than the line (a line's height holds room for accents and for the line below). */
void pr_text_ink(pr_doc *d, const char *text, const pr_font *f, double *top, double *height);
/* Draws the text with its top at y; returns its height. */
double pr_text(pr_doc *d, const char *text, const pr_font *f, double x, double y, double width);
/* The same for Pango markup ("<b>Der er plads til dig.</b> Tilmeld dig ..."): only for the
 * program's own words, never for text from a schedule. */
double pr_markup_height(pr_doc *d, const char *markup, const pr_font *f, double width);
double pr_markup(pr_doc *d, const char *markup, const pr_font *f, double x, double y,
                 double width);
/* The width of one unwrapped line. */
double pr_text_width(pr_doc *d, const char *text, const pr_font *f);

/* ---- shapes and colours ---- */

void pr_rgb(cairo_t *cr, const double rgb[3]);
void pr_round_rect(cairo_t *cr, double x, double y, double w, double h, double r);
/* The deep colour of a category, the same as the kiosk's cards (white pictogram on it). */
void pr_category_rgb(category c, double rgb[3]);

/* A category square: rounded, deep colour, white pictogram. Drawn once per document for each
 * (category's pictogram, colour, size), into a recording surface that cairo writes once as a
 * form (XObject); every use is then one "Do" with its position, where drawn directly each of a
 * week's ~60 squares printed its ~100 coordinates again. In the form the pictogram has room
 * around it and no clip to its square (icons_draw_on_unclipped): cairo 1.16 rasterises a
 * whole form when a stroke crosses a clip's or the form's edge off the unit grid. (At most
 * PR_FORMS_MAX forms; past that, or without memory, a square is drawn directly.) */
#define PR_FORMS_MAX 64
void pr_category_square(pr_doc *d, const activity *a, double x, double y, double size);

/* One badge chip: pictogram and word. Returns the width used; draws only when `draw`. */
double pr_badge_chip(pr_doc *d, unsigned badge_bit, double x, double y, double icon,
                     const pr_font *f, bool draw);

/* The activity's QR code (encoded, or NULL with kind NONE when it has none or its payload is
 * too long: `too_long` says which). VM_ERR_* only for real failures (a template without
 * {uid}, out of memory). */
vm_status pr_activity_qr(const activity *a, const print_options *opt, qr_code **code,
                         qr_target_kind *kind, bool *too_long, vm_err *err);

/* ---- words (print_words.c) ---- */

extern const pr_font PR_BODY;

const char *pr_word_badge(unsigned badge_bit);    /* "Gratis", "Bare kom", ... */
const char *pr_word_scan(qr_target_kind kind);    /* "Scan og tilmeld dig", ... */
const char *pr_word(const char *key);             /* the rest, by an English key */
void pr_week_title(int64_t week_start, char *out, size_t size); /* "Uge 48 · 23.–29. november 2026" */
void pr_day_heading(int64_t t, char *out, size_t size);         /* "Mandag 23. november" */
void pr_date_long(int64_t t, char *out, size_t size);           /* "23. november 2026" */
void pr_time_span(const activity *a, char *out, size_t size);   /* "18:00–20:00" */
/* "", "Tilmeld dig senest tirsdag 24. november kl. 12:00" or, once past, "Tilmeldingen er
 * lukket" */
void pr_deadline(const activity *a, int64_t now, char *out, size_t size);
/* The same, short, for the week's program: "Tilmeld senest tirsdag kl. 12" (the weekday when
 * the deadline is less than six days before the activity, else the date; the minutes only
 * when not on the hour) */
void pr_deadline_short(const activity *a, int64_t now, char *out, size_t size);
void pr_host_line(const activity *a, char *out, size_t size);   /* "Vært: Søren" */
void pr_price_line(const activity *a, char *out, size_t size);  /* "Pris: 25 kr." or "" */

#endif
