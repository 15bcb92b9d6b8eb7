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
    cache *corners; /* (radius, thickness) -> circle texture; thickness 0 = filled */
    bool blend_opaque; /* blend opaque fills too (the old way; a test compares the two) */
} shapes;

void shapes_init(shapes *s, SDL_Renderer *renderer);
void shapes_close(shapes *s);

/* The corner radius a rectangle `r` is drawn with: `radius`, at most half its width and
 * height (so two corners meet, never cross), never below 0. */
int shapes_clamp_radius(ui_rect r, int radius);
void shapes_fill(shapes *s, ui_rect r, ui_color c, int radius);
void shapes_outline(shapes *s, ui_rect r, ui_color c, int thickness, int radius);

#endif
