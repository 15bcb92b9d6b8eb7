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
    s->mix_format = 0;
    s->corners_mixed = 0;
    s->corners = cache_new(64, sizeof(corner_tex), destroy_corner, NULL);
}

void shapes_close(shapes *s)
{
    cache_free(s->corners);
    s->corners = NULL;
}

SDL_Texture *shapes_mix(shapes *s, SDL_Surface *src, SDL_Rect part, ui_color bg,
                        const ui_color *tint)
{
    if (!s->mix_format)
        return NULL;
    SDL_Texture *tex = NULL;
    SDL_Surface *mixed = SDL_CreateRGBSurfaceWithFormat(0, part.w, part.h, 32, s->mix_format);
    if (mixed && SDL_FillRect(mixed, NULL, SDL_MapRGB(mixed->format, bg.r, bg.g, bg.b)) == 0 &&
        SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_BLEND) == 0 &&
        (!tint || (SDL_SetSurfaceColorMod(src, tint->r, tint->g, tint->b) == 0 &&
                   SDL_SetSurfaceAlphaMod(src, 255) == 0)) &&
        SDL_BlitSurface(src, &part, mixed, NULL) == 0)
        tex = SDL_CreateTextureFromSurface(s->renderer, mixed);
    SDL_FreeSurface(mixed);
    if (tex)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    return tex;
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

/* The whole circle (or ring), white with its coverage as alpha, or NULL. */
static SDL_Surface *circle_surface(int radius, int thickness)
{
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
    return surf;
}

/* The circle texture to tint and blend (`on` NULL), or the circle in colour *c mixed with the
 * opaque colour *on, to copy; cached. */
static SDL_Texture *corner_texture(shapes *s, int radius, int thickness, const ui_color *c,
                                   const ui_color *on)
{
    int key[4] = {radius, thickness, 0, 0};
    size_t klen = 2 * sizeof key[0];
    if (on) {
        key[2] = (c->r << 16) | (c->g << 8) | c->b;
        key[3] = (on->r << 16) | (on->g << 8) | on->b;
        klen = sizeof key;
    }
    corner_tex *hit = s->corners ? cache_get(s->corners, key, klen) : NULL;
    if (hit)
        return hit->tex;
    SDL_Surface *surf = circle_surface(radius, thickness);
    if (!surf)
        return NULL;
    corner_tex fresh = {NULL};
    if (on)
        fresh.tex = shapes_mix(s, surf, (SDL_Rect){0, 0, surf->w, surf->h}, *on, c);
    else if ((fresh.tex = SDL_CreateTextureFromSurface(s->renderer, surf)))
        SDL_SetTextureBlendMode(fresh.tex, SDL_BLENDMODE_BLEND);
    SDL_FreeSurface(surf);
    if (!fresh.tex)
        return NULL;
    if (!s->corners)
        return fresh.tex; /* leaks one texture per draw without a cache: never in practice */
    hit = cache_put(s->corners, key, klen, &fresh);
    return hit ? hit->tex : NULL;
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

void shapes_corner_boxes(ui_rect r, int rad, ui_rect out[4])
{
    out[0] = (ui_rect){r.x, r.y, rad, rad};
    out[1] = (ui_rect){r.x + r.w - rad, r.y, rad, rad};
    out[2] = (ui_rect){r.x, r.y + r.h - rad, rad, rad};
    out[3] = (ui_rect){r.x + r.w - rad, r.y + r.h - rad, rad, rad};
}

/* Copies the four quadrants of the circle into the corners of r: mixed with what is beneath
 * where that is known and the colour opaque, else tinted and blended. */
static void draw_corners(shapes *s, ui_rect r, int rad, int thickness, ui_color c,
                         const shapes_beneath *beneath)
{
    SDL_Texture *blended = NULL;
    ui_rect box[4];
    shapes_corner_boxes(r, rad, box);
    for (int i = 0; i < 4; i++) {
        const SDL_Rect src = {(i & 1) * rad, (i >> 1) * rad, rad, rad};
        const SDL_Rect dst = {box[i].x, box[i].y, rad, rad};
        SDL_Texture *mixed = beneath && beneath->known[i] && c.a == 255
                                 ? corner_texture(s, rad, thickness, &c, &beneath->color[i])
                                 : NULL;
        if (mixed) {
            SDL_RenderCopy(s->renderer, mixed, &src, &dst);
            s->corners_mixed++;
            continue;
        }
        if (!blended) {
            if (!(blended = corner_texture(s, rad, thickness, NULL, NULL)))
                return;
            SDL_SetTextureColorMod(blended, c.r, c.g, c.b);
            SDL_SetTextureAlphaMod(blended, c.a);
        }
        SDL_RenderCopy(s->renderer, blended, &src, &dst);
    }
}

int shapes_clamp_radius(ui_rect r, int radius)
{
    if (radius > r.w / 2)
        radius = r.w / 2;
    if (radius > r.h / 2)
        radius = r.h / 2;
    return radius < 0 ? 0 : radius;
}

int shapes_outline_radius(ui_rect r, int thickness, int radius)
{
    int rad = shapes_clamp_radius(r, radius);
    return rad < thickness ? 0 : rad;
}

void shapes_fill(shapes *s, ui_rect r, ui_color c, int radius, const shapes_beneath *beneath)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    set_colour(s, c);
    int rad = shapes_clamp_radius(r, radius);
    if (rad <= 0 || !corner_texture(s, rad, 0, NULL, NULL)) {
        fill_plain(s->renderer, r.x, r.y, r.w, r.h);
        return;
    }
    fill_plain(s->renderer, r.x + rad, r.y, r.w - 2 * rad, r.h);
    fill_plain(s->renderer, r.x, r.y + rad, rad, r.h - 2 * rad);
    fill_plain(s->renderer, r.x + r.w - rad, r.y + rad, rad, r.h - 2 * rad);
    draw_corners(s, r, rad, 0, c, beneath);
}

void shapes_outline(shapes *s, ui_rect r, ui_color c, int thickness, int radius,
                    const shapes_beneath *beneath)
{
    if (r.w <= 0 || r.h <= 0 || thickness <= 0)
        return;
    set_colour(s, c);
    int rad = shapes_outline_radius(r, thickness, radius);
    if (rad > 0 && !corner_texture(s, rad, thickness, NULL, NULL))
        rad = 0;
    int t = thickness;
    fill_plain(s->renderer, r.x + rad, r.y, r.w - 2 * rad, t);
    fill_plain(s->renderer, r.x + rad, r.y + r.h - t, r.w - 2 * rad, t);
    fill_plain(s->renderer, r.x, r.y + (rad ? rad : t), t, r.h - 2 * (rad ? rad : t));
    fill_plain(s->renderer, r.x + r.w - t, r.y + (rad ? rad : t), t, r.h - 2 * (rad ? rad : t));
    if (rad)
        draw_corners(s, r, rad, thickness, c, beneath);
}
