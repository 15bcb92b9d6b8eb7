/* shapes: filled and outlined rectangles with anti-aliased rounded corners. Internal to
 * render. SDL2 has no rounded rectangle, so each corner is a quarter of a circle texture
 * (made once per radius and thickness, white with coverage as alpha, tinted when drawn) and
 * the straight parts are plain rectangles. Works on every SDL renderer, the software one too.
 *
 * Threads: the main loop only, the thread that made the SDL renderer (SDL's renderer and
 * SDL_ttf are not thread-safe).
 */
#ifndef VM_RENDER_SHAPES_H
#define VM_RENDER_SHAPES_H

#include <SDL.h>
#include <stdbool.h>

#include "render/cache.h"
#include "ui/draw.h"

typedef struct shapes {
    SDL_Renderer *renderer;
    cache *corners; /* (radius, thickness) -> circle texture; thickness 0 = filled; and
                       (radius, thickness, colour, colour beneath) -> the same mixed, opaque */
    bool blend_opaque; /* blend opaque fills too (the old way; a test compares the two) */
    Uint32 mix_format; /* the window's pixel format when mixing beforehand gives the pixels
                          blending gives (render's copy_texts), else 0: never mixed */
    unsigned long corners_mixed; /* corners drawn as mixed copies so far */
} shapes;

/* The opaque colour beneath each corner square of a rounded shape (top-left, top-right,
 * bottom-left, bottom-right: shapes_corner_boxes), where the whole square has one. Such a
 * corner, of an opaque colour, is mixed with it once and then copied: on SDL's software
 * renderer a blended corner costs a tinted per-pixel blend on every frame, and a page of
 * cards has hundreds of them. */
typedef struct shapes_beneath {
    bool known[4];
    ui_color color[4];
} shapes_beneath;

void shapes_init(shapes *s, SDL_Renderer *renderer);
void shapes_close(shapes *s);

/* The part `part` of `src` blended onto the opaque colour `bg` (tinted by `tint` when given)
 * as an opaque texture in s->mix_format, or NULL (also when mix_format is 0): SDL's blit onto
 * that colour is the very blit that blending `src` onto the window does, so copying the
 * texture instead changes no pixel. `src` stays the caller's; the texture is the caller's. */
SDL_Texture *shapes_mix(shapes *s, SDL_Surface *src, SDL_Rect part, ui_color bg,
                        const ui_color *tint);

/* The corner radius a rectangle `r` is drawn with: `radius`, at most half its width and
 * height (so two corners meet, never cross), never below 0. */
int shapes_clamp_radius(ui_rect r, int radius);
/* The four `rad` x `rad` corner squares of `r`, in shapes_beneath's order. */
void shapes_corner_boxes(ui_rect r, int rad, ui_rect out[4]);
/* The radius an outline of `thickness` is drawn with (0: square corners). */
int shapes_outline_radius(ui_rect r, int thickness, int radius);

/* `beneath` may be NULL: every corner blended. */
void shapes_fill(shapes *s, ui_rect r, ui_color c, int radius, const shapes_beneath *beneath);
void shapes_outline(shapes *s, ui_rect r, ui_color c, int thickness, int radius,
                    const shapes_beneath *beneath);

#endif
