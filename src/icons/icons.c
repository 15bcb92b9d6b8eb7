/* icons: see icons.h. Each pictogram is a function (icons_categories.c, icons_marks.c)
 * drawing in the unit square with the pen of icons_pen.h on a vg canvas (vg.h); the drawings
 * keep a margin of about 0.04 so strokes never leave the square. They were tuned by eye on the
 * contact sheet the icons test writes (icons_sheet.png). This file draws them for the screen
 * (FreeType, no cairo); icons_cairo.c draws the same functions with cairo for paper. */
#include "icons/icons.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "icons/icons_drawings.h"
#include "icons/icons_pen.h"

/* The arrows of a right-to-left screen: the same drawing, mirrored in the unit square. */
static void draw_back_rtl(vg *cr)
{
    vg_translate(cr, 1, 0);
    vg_scale(cr, -1, 1);
    draw_back(cr);
}

static void draw_backspace_rtl(vg *cr)
{
    vg_translate(cr, 1, 0);
    vg_scale(cr, -1, 1);
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
    [ICON_SPACE] = draw_space,
    [ICON_SHIFT] = draw_shift,
    [ICON_LOCK] = draw_lock,
    [ICON_PHONE] = draw_phone,
    [ICON_CALENDAR] = draw_calendar,
    [ICON_USB] = draw_usb,
    [ICON_WARNING] = draw_warning,
    [ICON_ASK] = draw_ask,
    [ICON_BACK_RTL] = draw_back_rtl,
    [ICON_BACKSPACE_RTL] = draw_backspace_rtl,
};

icon_fn icons_drawing(icon_id icon)
{
    return (int)icon > ICON_NONE && icon < ICON_COUNT ? drawings[icon] : NULL;
}

unsigned char *icons_rasterise(icon_id icon, int size)
{
    if (size <= 0 || size > 4096)
        return NULL;
    unsigned char *pixels = calloc((size_t)size * (size_t)size, 4);
    icon_fn draw = icons_drawing(icon);
    if (!pixels || !draw)
        return pixels; /* an unknown icon is a clear square */
    vg_raster *canvas = vg_raster_new(size, size);
    if (!canvas) {
        free(pixels);
        return NULL;
    }
    /* The canvas is the icon's square, so its edges are the clip cairo's path has. */
    vg *v = vg_raster_vg(canvas);
    vg_scale(v, size, size);
    pen_ink(v);
    draw(v);
    const unsigned char *alpha = vg_raster_alpha(canvas);
    uint32_t *px = (uint32_t *)pixels;
    for (size_t i = 0; i < (size_t)size * (size_t)size; i++)
        px[i] = alpha[i] * 0x01010101u; /* premultiplied white */
    vg_raster_free(canvas);
    return pixels;
}
