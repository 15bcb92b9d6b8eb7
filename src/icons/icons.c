/* icons: see icons.h. Each pictogram is a function (icons_categories.c, icons_marks.c)
 * drawing in the unit square with the pen of icons_pen.h; the drawings keep a margin of about
 * 0.04 so strokes never leave the square. They were tuned by eye on the contact sheet the
 * icons test writes (icons_sheet.png). */
#include "icons/icons.h"

#include <stdbool.h>
#include <stdlib.h>

#include "icons/icons_drawings.h"
#include "icons/icons_pen.h"

typedef void (*icon_fn)(cairo_t *cr);

/* The arrows of a right-to-left screen: the same drawing, mirrored in the unit square. */
static void draw_back_rtl(cairo_t *cr)
{
    cairo_translate(cr, 1, 0);
    cairo_scale(cr, -1, 1);
    draw_back(cr);
}

static void draw_backspace_rtl(cairo_t *cr)
{
    cairo_translate(cr, 1, 0);
    cairo_scale(cr, -1, 1);
    draw_backspace(cr);
}

static const icon_fn drawings[ICON_COUNT] = {
    [ICON_CAT_OTHER] = draw_other,
    [ICON_CAT_FOOD] = draw_food,
    [ICON_CAT_WALK] = draw_walk,
    [ICON_CAT_WORKSHOP] = draw_workshop,
    [ICON_CAT_GAMES] = draw_games,
    [ICON_CAT_HOMEWORK] = draw_homework,
    [ICON_CAT_TALK] = draw_talk,
    [ICON_CAT_CAFE] = draw_cafe,
    [ICON_CAT_SPORT] = draw_sport,
    [ICON_CAT_KIDS] = draw_kids,
    [ICON_CAT_MUSIC] = draw_music,
    [ICON_CAT_GARDEN] = draw_garden,
    [ICON_CAT_PARTY] = draw_party,
    [ICON_CAT_MEETING] = draw_meeting,
    [ICON_CAT_CRAFTS] = draw_crafts,
    [ICON_BADGE_FREE] = draw_free,
    [ICON_BADGE_JUST_COME] = draw_just_come,
    [ICON_BADGE_CHILDCARE] = draw_childcare,
    [ICON_BADGE_ALONE_OK] = draw_alone_ok,
    [ICON_BADGE_RESIDENTS_ONLY] = draw_residents_only,
    [ICON_BADGE_STEP_FREE] = draw_step_free,
    [ICON_CLOCK] = draw_clock,
    [ICON_PLACE] = draw_place,
    [ICON_HOST] = draw_host,
    [ICON_PEOPLE] = draw_people,
    [ICON_HELP_HAND] = draw_help_hand,
    [ICON_COMPANY] = draw_company,
    [ICON_BACK] = draw_back,
    [ICON_UP] = draw_up,
    [ICON_DOWN] = draw_down,
    [ICON_LANGUAGE] = draw_language,
    [ICON_CHECK] = draw_check,
    [ICON_CROSS] = draw_cross,
    [ICON_PLUS] = draw_plus,
    [ICON_MINUS] = draw_minus,
    [ICON_BACKSPACE] = draw_backspace,
    [ICON_SHIFT] = draw_shift,
    [ICON_LOCK] = draw_lock,
    [ICON_PHONE] = draw_phone,
    [ICON_CALENDAR] = draw_calendar,
    [ICON_USB] = draw_usb,
    [ICON_WARNING] = draw_warning,
    [ICON_BACK_RTL] = draw_back_rtl,
    [ICON_BACKSPACE_RTL] = draw_backspace_rtl,
};

static bool drawable(cairo_t *cr, icon_id icon, double size)
{
    return cr && (int)icon > ICON_NONE && icon < ICON_COUNT && drawings[icon] && size > 0;
}

/* Puts the unit square at (x, y, size) and clips to it, so nothing ever spills out. */
static void enter_square(cairo_t *cr, double x, double y, double size)
{
    cairo_translate(cr, x, y);
    cairo_scale(cr, size, size);
    cairo_new_path(cr);
    cairo_rectangle(cr, 0, 0, 1, 1);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
}

void icons_draw(cairo_t *cr, icon_id icon, double x, double y, double size, double r, double g,
                double b, double a)
{
    if (!drawable(cr, icon, size))
        return;
    cairo_save(cr);
    enter_square(cr, x, y, size);
    /* Draw into an alpha-only group so the cuts make holes in the icon only, not in whatever
     * lies beneath it, then paint the colour through that shape. */
    cairo_push_group_with_content(cr, CAIRO_CONTENT_ALPHA);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    pen_ink(cr);
    drawings[icon](cr);
    cairo_pattern_t *shape = cairo_pop_group(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_source_rgba(cr, r, g, b, a);
    cairo_mask(cr, shape);
    cairo_pattern_destroy(shape);
    cairo_restore(cr);
}

void icons_draw_on(cairo_t *cr, icon_id icon, double x, double y, double size, double r,
                   double g, double b, double paper_r, double paper_g, double paper_b)
{
    if (!drawable(cr, icon, size))
        return;
    pen_paper paper = {{r, g, b}, {paper_r, paper_g, paper_b}};
    cairo_save(cr);
    enter_square(cr, x, y, size);
    pen_use_paper(cr, &paper);
    pen_ink(cr);
    drawings[icon](cr);
    pen_use_paper(cr, NULL);
    cairo_restore(cr);
}

unsigned char *icons_rasterise(icon_id icon, int size)
{
    if (size <= 0 || size > 4096)
        return NULL;
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, size);
    if (stride != size * 4)
        return NULL; /* the contract promises a tightly packed size*size*4 buffer */
    unsigned char *pixels = calloc((size_t)size * (size_t)size, 4);
    if (!pixels)
        return NULL;
    cairo_surface_t *s =
        cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, size, size, stride);
    cairo_t *cr = cairo_create(s);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        cairo_destroy(cr);
        cairo_surface_destroy(s);
        free(pixels);
        return NULL;
    }
    icons_draw(cr, icon, 0, 0, size, 1, 1, 1, 1);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    cairo_surface_destroy(s);
    return pixels;
}
