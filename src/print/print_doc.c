/* print_doc: the PDF file, the fonts, text and the shared pieces. See print_internal.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "core/dktime.h"
#include "core/icon.h"
#include "core/utf8.h"
#include "icons/icons_cairo.h"
#include "print/print_internal.h"

#ifndef VM_PRINT_FONT_DIR
#define VM_PRINT_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif
#define PR_FONT_FAMILY "Noto Sans"

static const char *const required_fonts[] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"};
/* Used when present, for the odd symbol in a title (arrows, stars) and for titles and places
 * in the estate's other scripts (Arabic, Urdu, Tigrinya); never required. */
static const char *const optional_fonts[] = {
    "NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf",
    "NotoSansArabic-Regular.ttf",  "NotoSansArabic-Bold.ttf",
    "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"};

static vm_status open_fonts(pr_doc *d, const char *font_dir, vm_err *err)
{
    const char *dir = (font_dir && *font_dir) ? font_dir : VM_PRINT_FONT_DIR;
    vm_status st = VM_OK;
    char path[4096];
    FcConfig *fc = FcConfigCreate();
    if (!fc)
        return err_set(err, VM_ERR_NOMEM, "Out of memory while loading the fonts.");
    for (size_t i = 0; i < sizeof required_fonts / sizeof required_fonts[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, required_fonts[i]);
        if (access(path, R_OK) != 0) {
            st = err_set(err, VM_ERR_NOT_FOUND,
                         "The font %s is missing in %s, so the program cannot be printed. "
                         "Install the package fonts-noto-core or set the font folder.",
                         required_fonts[i], dir);
            goto out;
        }
        if (!FcConfigAppFontAddFile(fc, (const FcChar8 *)path)) {
            st = err_set(err, VM_ERR_CORRUPT, "The font file %s cannot be read as a font.",
                         path);
            goto out;
        }
    }
    for (size_t i = 0; i < sizeof optional_fonts / sizeof optional_fonts[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, optional_fonts[i]);
        if (access(path, R_OK) == 0)
            FcConfigAppFontAddFile(fc, (const FcChar8 *)path);
    }
    /* A private font set: the layout is the same on every machine with these files. It is
     * also fontconfig's current configuration (print is the program's only user of
     * fontconfig): Pango's font map starts a thread that calls FcInit, which otherwise loads
     * the machine's whole configuration and font list (~25 M instructions, in a thread of
     * its own) for nothing, as Pango is given this set. */
    if (!FcConfigSetCurrent(fc)) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory while loading the fonts.");
        goto out;
    }
    d->font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!d->font_map) {
        st = err_set(err, VM_ERR_INTERNAL, "print: no FreeType font map in Pango");
        goto out;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(d->font_map), fc);
    d->pango = pango_font_map_create_context(d->font_map);
    pango_cairo_context_set_resolution(d->pango, 72); /* 1 point = 1 unit of the PDF */
    cairo_font_options_t *fo = cairo_font_options_create();
    /* no hinting: metrics for paper, not for a pixel grid */
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(d->pango, fo);
    cairo_font_options_destroy(fo);
out:
    FcConfigDestroy(fc); /* the font map keeps its own reference */
    return st;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
}

static void layouts_free(pr_layouts *c);
static void forms_free(pr_forms *f);

static void release(pr_doc *d)
{
    layouts_free(d->layouts);
    forms_free(d->forms);
    if (d->cr)
        cairo_destroy(d->cr);
    if (d->surface)
        cairo_surface_destroy(d->surface);
    if (d->pango)
        g_object_unref(d->pango);
    if (d->font_map)
        g_object_unref(d->font_map);
    if (d->file)
        fclose(d->file);
    if (d->tmp_path) {
        unlink(d->tmp_path);
        free(d->tmp_path);
    }
    memset(d, 0, sizeof *d);
}

vm_status pr_doc_open(pr_doc *d, const char *path, const char *font_dir, const char *title,
                      int64_t now, vm_err *err)
{
    memset(d, 0, sizeof *d);
    vm_status st = VM_OK;
    if (!path || !*path)
        return err_set(err, VM_ERR_INVALID, "No file name was given for the PDF.");
    d->path = path;
    st = open_fonts(d, font_dir, err);
    if (st != VM_OK)
        goto out;
    size_t n = strlen(path) + 32;
    d->tmp_path = malloc(n);
    if (!d->tmp_path) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory while starting the PDF.");
        goto out;
    }
    snprintf(d->tmp_path, n, "%s.tmp-%ld", path, (long)getpid());
    d->file = fopen(d->tmp_path, "wb");
    if (!d->file) {
        st = err_set(err, VM_ERR_IO, "Cannot write %s: %s.", path, strerror(errno));
        free(d->tmp_path); /* nothing was created */
        d->tmp_path = NULL;
        goto out;
    }
    d->surface = cairo_pdf_surface_create_for_stream(write_stream, d->file, PR_A4_W, PR_A4_H);
    d->cr = cairo_create(d->surface);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS) {
        st = err_set(err, VM_ERR_NOMEM, "Cannot start the PDF: %s.",
                     cairo_status_to_string(cairo_status(d->cr)));
        goto out;
    }
    char date[32];
    dktime_format_iso_utc(now, date);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "Vær med");
    /* the date passed in, not the clock: the same program gives the same file */
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    pango_cairo_update_context(d->cr, d->pango);
out:
    if (st != VM_OK)
        release(d);
    return st;
}

void pr_doc_page_done(pr_doc *d)
{
    cairo_show_page(d->cr);
    d->pages++;
}

vm_status pr_doc_close(pr_doc *d, bool keep, vm_err *err)
{
    if (!d)
        return VM_OK;
    vm_status st = VM_OK;
    if (!keep || !d->surface)
        goto out;
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    cairo_status_t cs = cairo_surface_status(d->surface);
    if (cs != CAIRO_STATUS_SUCCESS) {
        st = err_set(err, VM_ERR_IO, "Cannot write %s: %s.", d->path,
                     cs == CAIRO_STATUS_WRITE_ERROR ? strerror(errno)
                                                    : cairo_status_to_string(cs));
        goto out;
    }
    if (fflush(d->file) != 0 || fsync(fileno(d->file)) != 0) {
        st = err_set(err, VM_ERR_IO, "Cannot write %s: %s.", d->path, strerror(errno));
        goto out;
    }
    int rc = fclose(d->file);
    d->file = NULL;
    if (rc != 0) {
        st = err_set(err, VM_ERR_IO, "Cannot write %s: %s.", d->path, strerror(errno));
        goto out;
    }
    if (rename(d->tmp_path, d->path) != 0) {
        st = err_set(err, VM_ERR_IO, "Cannot write %s: %s.", d->path, strerror(errno));
        goto out;
    }
    free(d->tmp_path); /* renamed: nothing to remove */
    d->tmp_path = NULL;
out:
    release(d);
    return st;
}

/* ---- text ---- */

static PangoFontDescription *font_description(const pr_font *f)
{
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, PR_FONT_FAMILY);
    pango_font_description_set_weight(fd, f->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(fd, f->size * PANGO_SCALE);
    return fd;
}

/* The height of `lines` lines in this font (points), with its line spacing, a little over
 * for rounding. */
static double lines_height(pr_doc *d, const pr_font *f, int lines)
{
    PangoLayout *l = pango_layout_new(d->pango);
    PangoFontDescription *fd = font_description(f);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (f->spacing > 0)
        pango_layout_set_line_spacing(l, (float)f->spacing);
    char text[4 * 16 + 1] = "";
    for (int i = 0; i < lines && i < 16; i++)
        strcat(text, i ? "\nÅg" : "Åg");
    pango_layout_set_text(l, text, -1);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE + 0.5;
}

PangoLayout *pr_layout(pr_doc *d, const char *text, const pr_font *f, double width)
{
    PangoLayout *l = pango_layout_new(d->pango);
    PangoFontDescription *fd = font_description(f);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (f->spacing > 0)
        pango_layout_set_line_spacing(l, (float)f->spacing);
    if (f->max_lines > 0) {
        /* A negative height would count lines per paragraph; a height in units limits the
         * whole text, which is what a box on paper needs. */
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        /* with a line spacing Pango counts whole lines against a height, so the count
         * itself is given (these texts are one paragraph) */
        if (f->spacing > 0)
            pango_layout_set_height(l, -f->max_lines);
        else
            pango_layout_set_height(l, (int)(lines_height(d, f, f->max_lines) * PANGO_SCALE));
    }
    pango_layout_set_alignment(l, f->align);
    if (f->strike) {
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_strikethrough_new(TRUE));
        pango_layout_set_attributes(l, attrs);
        pango_attr_list_unref(attrs);
    }
    const char *t = text ? text : "";
    size_t len = strlen(t);
    if (utf8_valid(t, len)) {
        pango_layout_set_text(l, t, (int)len);
    } else {
        /* importers clean text; should a bad byte still get here, it becomes U+FFFD */
        char *clean = malloc(len * 3 + 1);
        if (clean) {
            utf8_clean_text(t, clean, len * 3 + 1);
            pango_layout_set_text(l, clean, -1);
            free(clean);
        }
    }
    return l;
}

/* ---- the layouts of a document, each made once ---- */

/* One text laid out: what it was made from (the font but its colour, the width, whether the
 * text is markup), the layout and its size in Pango units. */
typedef struct pr_laid {
    uint64_t hash;      /* 0: a free slot */
    char *text;
    double size, spacing, width;
    int max_lines;
    PangoAlignment align;
    bool bold, strike, markup;
    PangoLayout *layout;
    int w, h;
} pr_laid;

struct pr_layouts {
    pr_laid *slot;      /* open addressing, a power of two */
    size_t cap, used;
};

static void layouts_clear(pr_layouts *c)
{
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slot[i].hash)
            continue;
        g_object_unref(c->slot[i].layout);
        free(c->slot[i].text);
    }
    memset(c->slot, 0, c->cap * sizeof *c->slot);
    c->used = 0;
}

static void layouts_free(pr_layouts *c)
{
    if (!c)
        return;
    layouts_clear(c);
    free(c->slot);
    free(c);
}

static uint64_t mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL; /* FNV-1a */
    return h;
}

static uint64_t laid_hash(const char *text, const pr_font *f, double width, bool markup)
{
    uint64_t h = mix(0xcbf29ce484222325ULL, text, strlen(text));
    int ints[5] = {f->max_lines, (int)f->align, f->bold, f->strike, markup};
    double reals[3] = {f->size, f->spacing, width};
    h = mix(h, ints, sizeof ints);
    h = mix(h, reals, sizeof reals);
    return h ? h : 1;
}

static bool laid_is(const pr_laid *e, uint64_t hash, const char *text, const pr_font *f,
                    double width, bool markup)
{
    return e->hash == hash && e->size == f->size && e->spacing == f->spacing &&
           e->width == width && e->max_lines == f->max_lines && e->align == f->align &&
           e->bold == f->bold && e->strike == f->strike && e->markup == markup &&
           strcmp(e->text, text) == 0;
}

/* Doubles the table (or makes its first); false when out of memory. */
static bool layouts_grow(pr_layouts *c)
{
    size_t cap = c->cap ? c->cap * 2 : 256;
    pr_laid *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return false;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slot[i].hash)
            continue;
        size_t k = (size_t)c->slot[i].hash & (cap - 1);
        while (slot[k].hash)
            k = (k + 1) & (cap - 1);
        slot[k] = c->slot[i];
    }
    free(c->slot);
    c->slot = slot;
    c->cap = cap;
    return true;
}

static PangoLayout *make_layout(pr_doc *d, const char *text, const pr_font *f, double width,
                                bool markup)
{
    d->layouts_made++;
    PangoLayout *l = pr_layout(d, markup ? "" : text, f, width);
    if (markup)
        pango_layout_set_markup(l, text, -1);
    return l;
}

/* The layout of `text` in this font and width, made the first time it is asked for and kept
 * by the document (the caller does not unref it). Its size in Pango units in *w, *h. Without
 * memory for the table it is made anew each time and *own says the caller unrefs it. */
static PangoLayout *laid_out(pr_doc *d, const char *text, const pr_font *f, double width,
                             bool markup, int *w, int *h, bool *own)
{
    text = text ? text : "";
    *own = false;
    pr_layouts *c = d->layouts ? d->layouts : (d->layouts = calloc(1, sizeof *d->layouts));
    uint64_t hash = laid_hash(text, f, width, markup);
    if (c && c->cap) {
        for (size_t k = (size_t)hash & (c->cap - 1); c->slot[k].hash; k = (k + 1) & (c->cap - 1))
            if (laid_is(&c->slot[k], hash, text, f, width, markup)) {
                *w = c->slot[k].w;
                *h = c->slot[k].h;
                return c->slot[k].layout;
            }
    }
    if (c && c->used >= PR_LAYOUTS_MAX)
        layouts_clear(c);
    char *copy = NULL;
    bool keep = c && ((c->used + 1) * 2 <= c->cap || layouts_grow(c)) &&
                (copy = strdup(text)) != NULL;
    PangoLayout *l = make_layout(d, text, f, width, markup);
    pango_layout_get_size(l, w, h);
    if (!keep) { /* out of memory for the table: this layout is the caller's */
        *own = true;
        return l;
    }
    size_t k = (size_t)hash & (c->cap - 1);
    while (c->slot[k].hash)
        k = (k + 1) & (c->cap - 1);
    c->slot[k] = (pr_laid){.hash = hash, .text = copy, .size = f->size, .spacing = f->spacing,
                           .width = width, .max_lines = f->max_lines, .align = f->align,
                           .bold = f->bold, .strike = f->strike, .markup = markup,
                           .layout = l, .w = *w, .h = *h};
    c->used++;
    return l;
}

static double measure(pr_doc *d, const char *text, const pr_font *f, double width, bool markup,
                      bool want_width)
{
    int w = 0, h = 0;
    bool own = false;
    PangoLayout *l = laid_out(d, text, f, width, markup, &w, &h, &own);
    if (own)
        g_object_unref(l);
    return (double)(want_width ? w : h) / PANGO_SCALE;
}

static double draw(pr_doc *d, const char *text, const pr_font *f, double x, double y,
                   double width, bool markup)
{
    int w = 0, h = 0;
    bool own = false;
    PangoLayout *l = laid_out(d, text, f, width, markup, &w, &h, &own);
    cairo_save(d->cr);
    pr_rgb(d->cr, f->rgb);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
    cairo_restore(d->cr);
    if (own)
        g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

double pr_text_height(pr_doc *d, const char *text, const pr_font *f, double width)
{
    return measure(d, text, f, width, false, false);
}

void pr_text_ink(pr_doc *d, const char *text, const pr_font *f, double *top, double *height)
{
    int w = 0, h = 0;
    bool own = false;
    PangoLayout *l = laid_out(d, text, f, 0, false, &w, &h, &own);
    PangoRectangle ink;
    pango_layout_get_extents(l, &ink, NULL);
    if (own)
        g_object_unref(l);
    *top = (double)ink.y / PANGO_SCALE;
    *height = (double)ink.height / PANGO_SCALE;
}

double pr_text_width(pr_doc *d, const char *text, const pr_font *f)
{
    return measure(d, text, f, 0, false, true);
}

double pr_text(pr_doc *d, const char *text, const pr_font *f, double x, double y, double width)
{
    return draw(d, text, f, x, y, width, false);
}

double pr_markup_height(pr_doc *d, const char *markup, const pr_font *f, double width)
{
    return measure(d, markup, f, width, true, false);
}

double pr_markup(pr_doc *d, const char *markup, const pr_font *f, double x, double y,
                 double width)
{
    return draw(d, markup, f, x, y, width, true);
}

/* ---- shapes ---- */

void pr_rgb(cairo_t *cr, const double rgb[3])
{
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}

void pr_round_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    if (r > w / 2)
        r = w / 2;
    if (r > h / 2)
        r = h / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

void pr_category_rgb(category c, double rgb[3])
{
    unsigned v = category_rgb(c); /* the kiosk's card colours (core/activity.h) */
    rgb[0] = ((v >> 16) & 255) / 255.0;
    rgb[1] = ((v >> 8) & 255) / 255.0;
    rgb[2] = (v & 255) / 255.0;
}

/* ---- category squares as forms ---- */

/* What a square's form shows: the pictogram, white on the square's colour, at a size.
 * Compared whole (memcmp): the colour is computed the same way each time. */
typedef struct pr_form_key {
    int icon;
    double size;
    double rgb[3];
} pr_form_key;

typedef struct pr_form {
    pr_form_key key;
    cairo_surface_t *rec;
} pr_form;

struct pr_forms {
    pr_form slot[PR_FORMS_MAX];
    int used;
};

static void forms_free(pr_forms *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->used; i++)
        cairo_surface_destroy(f->slot[i].rec);
    free(f);
}

/* Draws the square of `k` with its top-left corner at (x, y); in a form (`in_form`) without
 * the pictogram's clip (icons_draw_on_unclipped: a clip edge inside a form can turn the form
 * into an image). */
static void draw_square(cairo_t *cr, const pr_form_key *k, double x, double y, bool in_form)
{
    cairo_save(cr);
    cairo_new_path(cr);
    pr_round_rect(cr, x, y, k->size, k->size, k->size * 0.16);
    pr_rgb(cr, k->rgb);
    cairo_fill(cr);
    cairo_restore(cr);
    double pad = k->size * 0.14, side = k->size - 2 * pad;
    (in_form ? icons_draw_on_unclipped : icons_draw_on)(cr, (icon_id)k->icon, x + pad, y + pad,
                                                         side, 1, 1, 1, k->rgb[0], k->rgb[1],
                                                         k->rgb[2]);
}

/* Room around a form's square inside its box (points): nothing drawn crosses the box's edge
 * (which, like a clip's, could turn the form into an image). */
#define FORM_ROOM 1.0

/* The recording surface of `k`, drawn the first time it is asked for, the square's corner at
 * (FORM_ROOM, FORM_ROOM); NULL when it cannot be (no memory, the table full). */
static cairo_surface_t *form_for(pr_doc *d, const pr_form_key *k)
{
    pr_forms *f = d->forms ? d->forms : (d->forms = calloc(1, sizeof *d->forms));
    if (!f)
        return NULL;
    for (int i = 0; i < f->used; i++)
        if (memcmp(&f->slot[i].key, k, sizeof *k) == 0)
            return f->slot[i].rec;
    if (f->used == PR_FORMS_MAX)
        return NULL;
    cairo_rectangle_t box = {0, 0, k->size + 2 * FORM_ROOM, k->size + 2 * FORM_ROOM};
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
    cairo_t *rc = cairo_create(rec);
    draw_square(rc, k, FORM_ROOM, FORM_ROOM, true);
    cairo_status_t drawn = cairo_status(rc);
    cairo_destroy(rc);
    if (drawn != CAIRO_STATUS_SUCCESS || cairo_surface_status(rec) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(rec);
        return NULL;
    }
    d->forms_made++;
    f->slot[f->used++] = (pr_form){*k, rec};
    return rec;
}

void pr_category_square(pr_doc *d, const activity *a, double x, double y, double size)
{
    if (size <= 0)
        return;
    pr_form_key k;
    memset(&k, 0, sizeof k); /* compared with memcmp: no stray padding */
    k.icon = (int)icon_for_category(a->category);
    k.size = size;
    pr_category_rgb(a->category, k.rgb);
    if (a->cancelled)
        k.rgb[0] = k.rgb[1] = k.rgb[2] = 0.45;
    cairo_surface_t *rec = form_for(d, &k);
    if (!rec) {
        draw_square(d->cr, &k, x, y, false);
        return;
    }
    cairo_save(d->cr);
    cairo_translate(d->cr, x - FORM_ROOM, y - FORM_ROOM);
    cairo_set_operator(d->cr, CAIRO_OPERATOR_OVER);
    cairo_set_source_surface(d->cr, rec, 0, 0);
    cairo_new_path(d->cr);
    cairo_paint(d->cr);
    cairo_restore(d->cr);
}

double pr_badge_chip(pr_doc *d, unsigned badge_bit, double x, double y, double icon,
                     const pr_font *f, bool draw)
{
    const char *word = pr_word_badge(badge_bit);
    double pad = icon * 0.35, gap = icon * 0.3;
    double tw = pr_text_width(d, word, f);
    double th = pr_text_height(d, word, f, 0);
    double h = (icon > th ? icon : th) + pad;
    double w = pad + icon + gap + tw + pad;
    if (!draw)
        return w;
    static const double tint = 0.9;
    cairo_save(d->cr);
    cairo_new_path(d->cr);
    pr_round_rect(d->cr, x, y, w, h, h / 2);
    cairo_set_source_rgb(d->cr, tint, tint, tint);
    cairo_fill(d->cr);
    icons_draw_on(d->cr, icon_for_badge(badge_bit), x + pad, y + (h - icon) / 2, icon, 0.1, 0.1,
                  0.1, tint, tint, tint);
    cairo_restore(d->cr);
    pr_text(d, word, f, x + pad + icon + gap, y + (h - th) / 2, 0);
    return w;
}

vm_status pr_activity_qr(const activity *a, const print_options *opt, qr_code **code,
                         qr_target_kind *kind, bool *too_long, vm_err *err)
{
    char payload[QR_PAYLOAD_MAX];
    *code = NULL;
    *too_long = false;
    vm_status st = qr_target_for(a, opt->url_template, payload, sizeof payload, kind, err);
    if (st != VM_OK || *kind == QR_TARGET_NONE)
        return st;
    vm_err local = {0};
    st = qr_encode(payload, code, &local);
    if (st == VM_ERR_INVALID) {
        /* too long to scan: the activity is printed without a code rather than with an
         * unreadable one */
        *too_long = true;
        *kind = QR_TARGET_NONE;
        return VM_OK;
    }
    if (st != VM_OK && err)
        *err = local;
    return st;
}
