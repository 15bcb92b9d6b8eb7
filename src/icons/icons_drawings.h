/* icons_drawings: one function per pictogram, each drawing in the unit square with the pen
 * (internal to icons/). icons_categories.c holds the category pictograms, icons_marks.c the
 * badges, facts and controls; icons.c maps icon ids to them.
 *
 * Threads: any. No state of its own; a cairo context or raster is used by one thread at a
 * time.
 */
#ifndef VM_ICONS_DRAWINGS_H
#define VM_ICONS_DRAWINGS_H

#include "core/icon.h"
#include "icons/vg.h"

/* Point lists for pen_line and pen_poly written inline: LINE(cr, 0.1, x0, y0, x1, y1, ...). */
#define P(...) (const double[]){__VA_ARGS__}
#define NPTS(...) ((int)(sizeof((const double[]){__VA_ARGS__}) / sizeof(double) / 2))
#define LINE(cr, w, ...) pen_line(cr, w, NPTS(__VA_ARGS__), P(__VA_ARGS__))
#define POLY(cr, round, ...) pen_poly(cr, round, NPTS(__VA_ARGS__), P(__VA_ARGS__))

typedef void (*icon_fn)(vg *cr);

/* The drawing of `icon`, or NULL for ICON_NONE and ids out of range. */
icon_fn icons_drawing(icon_id icon);

void draw_other(vg *cr);
void draw_food(vg *cr);
void draw_walk(vg *cr);
void draw_workshop(vg *cr);
void draw_games(vg *cr);
void draw_homework(vg *cr);
void draw_talk(vg *cr);
void draw_cafe(vg *cr);
void draw_sport(vg *cr);
void draw_kids(vg *cr);
void draw_music(vg *cr);
void draw_garden(vg *cr);
void draw_party(vg *cr);
void draw_meeting(vg *cr);
void draw_crafts(vg *cr);
void draw_free(vg *cr);
void draw_just_come(vg *cr);
void draw_childcare(vg *cr);
void draw_alone_ok(vg *cr);
void draw_residents_only(vg *cr);
void draw_step_free(vg *cr);
void draw_clock(vg *cr);
void draw_place(vg *cr);
void draw_host(vg *cr);
void draw_people(vg *cr);
void draw_help_hand(vg *cr);
void draw_company(vg *cr);
void draw_back(vg *cr);
void draw_up(vg *cr);
void draw_down(vg *cr);
void draw_language(vg *cr);
void draw_check(vg *cr);
void draw_cross(vg *cr);
void draw_plus(vg *cr);
void draw_minus(vg *cr);
void draw_backspace(vg *cr);
void draw_space(vg *cr);
void draw_shift(vg *cr);
void draw_lock(vg *cr);
void draw_phone(vg *cr);
void draw_calendar(vg *cr);
void draw_usb(vg *cr);
void draw_warning(vg *cr);
void draw_ask(vg *cr);

#endif
