/* icons_drawings: one function per pictogram, each drawing in the unit square with the pen
 * (internal to icons/). icons_categories.c holds the category pictograms, icons_marks.c the
 * badges, facts and controls; icons.c maps icon ids to them. */
#ifndef VM_ICONS_DRAWINGS_H
#define VM_ICONS_DRAWINGS_H

#include <cairo.h>

/* Point lists for pen_line and pen_poly written inline: LINE(cr, 0.1, x0, y0, x1, y1, ...). */
#define P(...) (const double[]){__VA_ARGS__}
#define NPTS(...) ((int)(sizeof((const double[]){__VA_ARGS__}) / sizeof(double) / 2))
#define LINE(cr, w, ...) pen_line(cr, w, NPTS(__VA_ARGS__), P(__VA_ARGS__))
#define POLY(cr, round, ...) pen_poly(cr, round, NPTS(__VA_ARGS__), P(__VA_ARGS__))

void draw_other(cairo_t *cr);
void draw_food(cairo_t *cr);
void draw_walk(cairo_t *cr);
void draw_workshop(cairo_t *cr);
void draw_games(cairo_t *cr);
void draw_homework(cairo_t *cr);
void draw_talk(cairo_t *cr);
void draw_cafe(cairo_t *cr);
void draw_sport(cairo_t *cr);
void draw_kids(cairo_t *cr);
void draw_music(cairo_t *cr);
void draw_garden(cairo_t *cr);
void draw_party(cairo_t *cr);
void draw_meeting(cairo_t *cr);
void draw_crafts(cairo_t *cr);
void draw_free(cairo_t *cr);
void draw_just_come(cairo_t *cr);
void draw_childcare(cairo_t *cr);
void draw_alone_ok(cairo_t *cr);
void draw_residents_only(cairo_t *cr);
void draw_step_free(cairo_t *cr);
void draw_clock(cairo_t *cr);
void draw_place(cairo_t *cr);
void draw_host(cairo_t *cr);
void draw_people(cairo_t *cr);
void draw_help_hand(cairo_t *cr);
void draw_company(cairo_t *cr);
void draw_back(cairo_t *cr);
void draw_up(cairo_t *cr);
void draw_down(cairo_t *cr);
void draw_language(cairo_t *cr);
void draw_check(cairo_t *cr);
void draw_cross(cairo_t *cr);
void draw_plus(cairo_t *cr);
void draw_minus(cairo_t *cr);
void draw_backspace(cairo_t *cr);
void draw_shift(cairo_t *cr);
void draw_lock(cairo_t *cr);
void draw_phone(cairo_t *cr);
void draw_calendar(cairo_t *cr);
void draw_usb(cairo_t *cr);
void draw_warning(cairo_t *cr);

#endif
