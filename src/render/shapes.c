#include "render/shapes.h"

#include <math.h>

typedef struct corner_tex {
    SDL_Texture *tex;
} corner_tex;

static void destroy_corner(void *value, void *ctx)
{
    (void)ctx;
    corner_tex *c = value;
    if (c->tex)
        SDL_DestroyTexture(c->tex);
}

void shapes_init(shapes *s, SDL_Renderer *renderer)
{
    s->renderer = renderer;
    s->blend_opaque = false;
    s->corners = cache_new(64, sizeof(corner_tex), destroy_corner, NULL);
}

void shapes_close(shapes *s)
{
    cache_free(s->corners);
    s->corners = NULL;
}

/* Coverage of pixel (px, py) by a disc (or ring of `thickness`) of radius r centred at (r, r),
 * by 4x4 supersampling: enough for smooth corners at kiosk sizes. */
static double coverage(int px, int py, int r, int thickness)
{
    int inside = 0;
    for (int sy = 0; sy < 4; sy++)
        for (int sx = 0; sx < 4; sx++) {
            double x = px + (sx + 0.5) / 4.0 - r, y = py + (sy + 0.5) / 4.0 - r;
            double d = sqrt(x * x + y * y);
            if (d <= r && (thickness <= 0 || d >= r - thickness))
                inside++;
        }
    return inside / 16.0;
}

static SDL_Texture *corner_texture(shapes *s, int radius, int thickness)
{
    int key[2] = {radius, thickness};
    corner_tex *c = s->corners ? cache_get(s->corners, key, sizeof key) : NULL;
    if (c)
        return c->tex;
    int d = radius * 2;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, d, d, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf)
        return NULL;
    for (int y = 0; y < d; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)surf->pixels + (size_t)y * (size_t)surf->pitch);
        for (int x = 0; x < d; x++) {
            Uint32 a = (Uint32)lround(coverage(x, y, radius, thickness) * 255.0);
            row[x] = (a << 24) | 0x00FFFFFFu;
        }
    }
    corner_tex fresh = {SDL_CreateTextureFromSurface(s->renderer, surf)};
    SDL_FreeSurface(surf);
    if (!fresh.tex)
        return NULL;
    SDL_SetTextureBlendMode(fresh.tex, SDL_BLENDMODE_BLEND);
    if (!s->corners)
        return fresh.tex; /* leaks one texture per draw without a cache: never in practice */
    c = cache_put(s->corners, key, sizeof key, &fresh);
    return c ? c->tex : NULL;
}

/* An opaque colour is copied, not blended: the same pixels (blending at alpha 255 gives
 * the colour itself), and on SDL's software renderer a copy is a row fill while a blend
 * reads and mixes every pixel, which was most of a 1080p frame. */
static void set_colour(shapes *s, ui_color c)
{
    SDL_SetRenderDrawColor(s->renderer, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(s->renderer, c.a == 255 && !s->blend_opaque ? SDL_BLENDMODE_NONE
                                                                           : SDL_BLENDMODE_BLEND);
}

static void fill_plain(SDL_Renderer *rd, int x, int y, int w, int h)
{
    if (w <= 0 || h <= 0)
        return;
    SDL_Rect r = {x, y, w, h};
    SDL_RenderFillRect(rd, &r);
}

/* Copies the four quadrants of the circle texture into the corners of r. */
static void draw_corners(shapes *s, SDL_Texture *tex, ui_rect r, int rad, ui_color c)
{
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    const SDL_Rect src[4] = {{0, 0, rad, rad}, {rad, 0, rad, rad}, {0, rad, rad, rad},
                             {rad, rad, rad, rad}};
    const SDL_Rect dst[4] = {{r.x, r.y, rad, rad},
                             {r.x + r.w - rad, r.y, rad, rad},
                             {r.x, r.y + r.h - rad, rad, rad},
                             {r.x + r.w - rad, r.y + r.h - rad, rad, rad}};
    for (int i = 0; i < 4; i++)
        SDL_RenderCopy(s->renderer, tex, &src[i], &dst[i]);
}

int shapes_clamp_radius(ui_rect r, int radius)
{
    if (radius > r.w / 2)
        radius = r.w / 2;
    if (radius > r.h / 2)
        radius = r.h / 2;
    return radius < 0 ? 0 : radius;
}

void shapes_fill(shapes *s, ui_rect r, ui_color c, int radius)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    set_colour(s, c);
    int rad = shapes_clamp_radius(r, radius);
    SDL_Texture *tex = rad > 0 ? corner_texture(s, rad, 0) : NULL;
    if (!tex) {
        fill_plain(s->renderer, r.x, r.y, r.w, r.h);
        return;
    }
    fill_plain(s->renderer, r.x + rad, r.y, r.w - 2 * rad, r.h);
    fill_plain(s->renderer, r.x, r.y + rad, rad, r.h - 2 * rad);
    fill_plain(s->renderer, r.x + r.w - rad, r.y + rad, rad, r.h - 2 * rad);
    draw_corners(s, tex, r, rad, c);
}

void shapes_outline(shapes *s, ui_rect r, ui_color c, int thickness, int radius)
{
    if (r.w <= 0 || r.h <= 0 || thickness <= 0)
        return;
    set_colour(s, c);
    int rad = shapes_clamp_radius(r, radius);
    if (rad < thickness)
        rad = 0;
    SDL_Texture *tex = rad > 0 ? corner_texture(s, rad, thickness) : NULL;
    int t = thickness;
    if (!tex)
        rad = 0;
    fill_plain(s->renderer, r.x + rad, r.y, r.w - 2 * rad, t);
    fill_plain(s->renderer, r.x + rad, r.y + r.h - t, r.w - 2 * rad, t);
    fill_plain(s->renderer, r.x, r.y + (rad ? rad : t), t, r.h - 2 * (rad ? rad : t));
    fill_plain(s->renderer, r.x + r.w - t, r.y + (rad ? rad : t), t, r.h - 2 * (rad ? rad : t));
    if (tex)
        draw_corners(s, tex, r, rad, c);
}
