#include "render/render.h"

#include <SDL.h>
#include <dirent.h>
#include <SDL_syswm.h>
#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icons/icons.h"
#include "render/cache.h"
#include "render/fonts.h"
#include "render/plain_text.h"
#include "render/shapes.h"

/* Bounds for the caches: a home screen at 1920x1080 holds ~200 distinct strings; a few
 * screens' worth stay warm without holding more than a few tens of MB of textures. */
#define TEXT_CACHE_ENTRIES 1024
/* ... and the texts' pixels at most this many screenfuls (at least TEXT_CACHE_MIN_BYTES): a
 * kiosk that runs for weeks draws a new clock text every minute, and without a bound in bytes
 * its 1,024 textures grew to tens of MB within a day. One screenful holds every text of the
 * screen shown (texts do not overlap), so no frame re-rasterises what it just drew; at 800x480
 * the home screen's texts are about 0.3 MB, a detail screen's about 1 MB. Two screenfuls kept
 * the kiosk's peak memory 0.8 MB higher for texts seen once while scrolling. */
#define TEXT_CACHE_SCREENS 1
#define TEXT_CACHE_MIN_BYTES (1u << 20)
/* Measured sizes are a few bytes each, but the table's slots are touched across all of it: a
 * 1080p home screen measures ~200 strings, and 4,096 entries cost 0.4 MB of slots. */
#define SIZE_CACHE_ENTRIES 1024
#define ICON_CACHE_ENTRIES 256
#define QR_CACHE_ENTRIES 64

typedef struct tex_entry {
    SDL_Texture *tex;
    int w, h;
    SDL_Rect ink; /* a pictogram's: the part of it its shape touches (w 0: none) */
} tex_entry;

typedef struct size_entry {
    int w, h;
    bool ink_known;  /* `ink` was found (when a text was first drawn where it may be copied) */
    SDL_Rect ink;    /* the part of the text's box its letters touch (w 0: none) */
} size_entry;

struct render {
    SDL_Window *window;
    SDL_Renderer *renderer;
    fonts fonts;
    cache *texts;  /* (font, colour, text) -> texture */
    cache *sizes;  /* (font, text) -> size */
    cache *icons;  /* (icon, size) -> white texture, tinted when drawn */
    cache *qrs;    /* (modules) -> 1 px per module texture */
    shapes shapes; /* rounded corners */
    int rotation;  /* degrees clockwise */
    bool fonts_missing;         /* opened with fonts_optional, and the fonts are not there */
    char fonts_why[VM_ERR_MSG_MAX];
    SDL_Texture *target; /* the picture before rotation; NULL when not rotated */
    int target_w, target_h;
    SDL_Rect whole;   /* while drawing: the picture */
    SDL_Rect visible; /* while drawing: the clip, or the whole picture; what lies outside it
                         is not rasterised */
    /* while drawing, when texts may be copied: each command's rectangle within the clip it
     * is drawn in (empty: {0,0,0,0}), where it may paint beneath the commands after it;
     * NULL when it could not be made (nothing is then copied) */
    ui_rect *painted;
    size_t painted_cap;
    /* texts, pictograms and rounded corners on one opaque colour are mixed with it once and
     * copied (render_copied): SDL's software renderer drawing the window's own pixel format,
     * unturned */
    bool copy_texts;
    Uint32 window_format;
    unsigned long rasterised, hits, copied, icons_copied;
    render_software_why software_why;
};

/* Whether `dir` holds a GPU's device node (card* or renderD*). */
static bool gpu_present(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL)
        found = strncmp(e->d_name, "card", 4) == 0 || strncmp(e->d_name, "renderD", 7) == 0;
    closedir(d);
    return found;
}

static void destroy_texture(void *value, void *ctx)
{
    (void)ctx;
    tex_entry *e = value;
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    e->tex = NULL;
}

vm_status render_open(const render_options *opt, render **out, vm_err *err)
{
    vm_status st = VM_OK;
    render *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return err_set(err, VM_ERR_NOMEM, "Out of memory opening the screen.");

    if (!TTF_WasInit() && TTF_Init() != 0) {
        st = err_set(err, VM_ERR_INTERNAL, "Cannot start the font engine: %s", TTF_GetError());
        goto out;
    }
    st = fonts_init(&r->fonts, opt->font_dir, err);
    if (st != VM_OK) {
        if (!opt->fonts_optional)
            goto out;
        /* The screen can still say what is missing, in the built-in letters. */
        r->fonts_missing = true;
        snprintf(r->fonts_why, sizeof r->fonts_why, "%s", err->msg);
        st = VM_OK;
    }

    /* No GPU and no render driver asked for: GL would be drawn on the CPU anyway (see
     * render_software_why in render.h). */
    const char *asked = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    bool software = opt->software;
    r->software_why = software ? RENDER_SW_ASKED : RENDER_ON_GPU;
    const char *gpu_dir = opt->gpu_dir ? opt->gpu_dir : "/dev/dri";
    if (!software && !(asked && *asked) && !gpu_present(gpu_dir)) {
        software = true;
        r->software_why = RENDER_SW_NO_GPU;
    }
    /* Drawn in software, a window needs no GL context behind it; without this hint SDL
     * loads Mesa (and LLVM) to back the window, some 90 MB for nothing. */
    if (software)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int width = opt->width > 0 ? opt->width : 800, height = opt->height > 0 ? opt->height : 480;
    if (opt->fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        /* Full screen is the window manager's to grant, and an X server started for the
         * kiosk alone (xinit, no window manager) has none: the window keeps the size it was
         * made with while SDL lays out for the whole screen, and the screen is cut off. Made
         * at the screen's own size it fills the screen either way. */
        SDL_DisplayMode desktop;
        if (SDL_GetDesktopDisplayMode(0, &desktop) == 0 && desktop.w > 0 && desktop.h > 0) {
            width = desktop.w;
            height = desktop.h;
        }
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    if (opt->hidden)
        flags |= SDL_WINDOW_HIDDEN;
    r->window = SDL_CreateWindow(opt->title ? opt->title : "Vær med", SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (!r->window) {
        st = err_set(err, VM_ERR_IO, "Cannot open a window on the screen: %s", SDL_GetError());
        goto out;
    }
    if (!software)
        r->renderer = SDL_CreateRenderer(r->window, -1, SDL_RENDERER_ACCELERATED);
    if (!r->renderer) { /* no GPU (or asked for): SDL's software renderer always works */
        if (!software)
            r->software_why = RENDER_SW_FALLBACK;
        r->renderer = SDL_CreateRenderer(r->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!r->renderer) {
        st = err_set(err, VM_ERR_IO, "Cannot draw on the screen: %s", SDL_GetError());
        goto out;
    }
    SDL_SetRenderDrawBlendMode(r->renderer, SDL_BLENDMODE_BLEND);

    r->texts = cache_new(TEXT_CACHE_ENTRIES, sizeof(tex_entry), destroy_texture, NULL);
    r->sizes = cache_new(SIZE_CACHE_ENTRIES, sizeof(size_entry), NULL, NULL);
    r->icons = cache_new(ICON_CACHE_ENTRIES, sizeof(tex_entry), destroy_texture, NULL);
    r->qrs = cache_new(QR_CACHE_ENTRIES, sizeof(tex_entry), destroy_texture, NULL);
    if (!r->texts || !r->sizes || !r->icons || !r->qrs) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory opening the screen.");
        goto out;
    }
    shapes_init(&r->shapes, r->renderer);
    r->shapes.blend_opaque = opt->blend_opaque_fills;
    r->rotation = (opt->rotation == 90 || opt->rotation == 180 || opt->rotation == 270)
                      ? opt->rotation : 0;
    /* Mixing a text with its background beforehand gives the very pixels blending it gives
     * only where the mixing is SDL's own blit into the format blending writes into: the
     * software renderer's window (a GPU blends by its own arithmetic; a turned picture is
     * drawn into a texture of another format first). */
    SDL_RendererInfo info;
    r->window_format = SDL_GetWindowPixelFormat(r->window);
    r->copy_texts = !opt->blend_texts && !r->rotation &&
                    SDL_GetRendererInfo(r->renderer, &info) == 0 &&
                    (info.flags & SDL_RENDERER_SOFTWARE) &&
                    (r->window_format == SDL_PIXELFORMAT_RGB888 ||
                     r->window_format == SDL_PIXELFORMAT_ARGB8888);
    r->shapes.mix_format = r->copy_texts ? r->window_format : 0;
    *out = r;
    r = NULL;
out:
    render_close(r);
    return st;
}

void render_close(render *r)
{
    if (!r)
        return;
    cache_free(r->texts);
    cache_free(r->sizes);
    cache_free(r->icons);
    cache_free(r->qrs);
    shapes_close(&r->shapes);
    fonts_close(&r->fonts);
    free(r->painted);
    if (r->target)
        SDL_DestroyTexture(r->target);
    if (r->renderer)
        SDL_DestroyRenderer(r->renderer);
    if (r->window)
        SDL_DestroyWindow(r->window);
    free(r);
}

void render_window_size(const render *r, int *w, int *h)
{
    SDL_GetWindowSize(r->window, w, h);
}

void render_physical_size(const render *r, int *w, int *h)
{
    if (SDL_GetRendererOutputSize(r->renderer, w, h) != 0)
        SDL_GetWindowSize(r->window, w, h);
}

void render_output_size(const render *r, int *w, int *h)
{
    int pw, ph;
    render_physical_size(r, &pw, &ph);
    bool sideways = r->rotation == 90 || r->rotation == 270;
    *w = sideways ? ph : pw;
    *h = sideways ? pw : ph;
}

void render_map_point(const render *r, int x, int y, int *out_x, int *out_y)
{
    int pw, ph;
    render_physical_size(r, &pw, &ph);
    switch (r->rotation) {
    case 90: *out_x = y; *out_y = pw - 1 - x; break;
    case 180: *out_x = pw - 1 - x; *out_y = ph - 1 - y; break;
    case 270: *out_x = ph - 1 - y; *out_y = x; break;
    default: *out_x = x; *out_y = y; break;
    }
}

/* With a rotation, the picture is drawn into a texture of the laid-out size and copied turned;
 * the texture follows the window's size. */
static bool begin_rotated(render *r)
{
    if (!r->rotation)
        return false;
    int w, h;
    render_output_size(r, &w, &h);
    if (!r->target || r->target_w != w || r->target_h != h) {
        if (r->target)
            SDL_DestroyTexture(r->target);
        r->target = SDL_CreateTexture(r->renderer, SDL_PIXELFORMAT_ARGB8888,
                                      SDL_TEXTUREACCESS_TARGET, w, h);
        r->target_w = w;
        r->target_h = h;
    }
    if (!r->target || SDL_SetRenderTarget(r->renderer, r->target) != 0)
        return false; /* the picture is then drawn unturned rather than not at all */
    return true;
}

static void end_rotated(render *r)
{
    int pw, ph;
    SDL_SetRenderTarget(r->renderer, NULL);
    render_physical_size(r, &pw, &ph);
    SDL_RenderSetClipRect(r->renderer, NULL);
    SDL_SetRenderDrawColor(r->renderer, 0, 0, 0, 255);
    SDL_RenderClear(r->renderer);
    SDL_Rect dst = {(pw - r->target_w) / 2, (ph - r->target_h) / 2, r->target_w, r->target_h};
    SDL_RenderCopyEx(r->renderer, r->target, NULL, &dst, r->rotation, NULL, SDL_FLIP_NONE);
}

vm_status render_set_font_sizes(render *r, const int sizes[UI_FONT_COUNT], vm_err *err)
{
    int w, h;
    render_output_size(r, &w, &h);
    size_t budget =
        (size_t)TEXT_CACHE_SCREENS * (size_t)(w > 0 ? w : 0) * (size_t)(h > 0 ? h : 0) * 4;
    cache_set_budget(r->texts, budget > TEXT_CACHE_MIN_BYTES ? budget : TEXT_CACHE_MIN_BYTES);
    if (memcmp(sizes, r->fonts.sizes, sizeof r->fonts.sizes) == 0 &&
        r->fonts.face[0][SCRIPT_LATIN])
        return VM_OK;
    cache_clear(r->texts);
    cache_clear(r->sizes);
    return fonts_set_sizes(&r->fonts, sizes, err);
}

/* Key layout: role byte, face byte, then colour (4 bytes, or none for sizes), then the text. */
static size_t text_key(unsigned char *key, size_t cap, ui_font font, ui_face face,
                       const ui_color *c, const char *text)
{
    size_t n = 0, len = strlen(text);
    key[n++] = (unsigned char)font;
    key[n++] = (unsigned char)face;
    if (c) {
        key[n++] = c->r;
        key[n++] = c->g;
        key[n++] = c->b;
        key[n++] = c->a;
    }
    if (len > cap - n)
        len = cap - n;
    memcpy(key + n, text, len);
    return n + len;
}

static void measure_text_face(void *ctx, ui_font font, ui_face face, const char *utf8, int *w,
                              int *h)
{
    render *r = ctx;
    unsigned char key[1024];
    size_t klen = text_key(key, sizeof key, font, face, NULL, utf8);
    size_entry *e = cache_get(r->sizes, key, klen);
    if (!e) {
        size_entry fresh = {0, 0, false, {0, 0, 0, 0}};
        TTF_Font *f = fonts_get(&r->fonts, font, fonts_script_of(utf8, face));
        if (f && *utf8)
            TTF_SizeUTF8(f, utf8, &fresh.w, &fresh.h);
        else if (f)
            fresh.h = TTF_FontHeight(f);
        e = cache_put(r->sizes, key, klen, &fresh);
        if (!e) {
            *w = fresh.w;
            *h = fresh.h;
            return;
        }
    }
    *w = e->w;
    *h = e->h;
}

static void measure_text(void *ctx, ui_font font, const char *utf8, int *w, int *h)
{
    measure_text_face(ctx, font, UI_FACE_NASKH, utf8, w, h);
}

ui_measure render_measure(render *r)
{
    ui_measure m = {r, measure_text, measure_text_face, UI_FACE_NASKH};
    return m;
}

/* The text rasterised in its colour (opaque: an alpha is the texture's), or NULL. */
static SDL_Surface *text_surface(render *r, ui_font font, ui_face face, ui_color c,
                                 const char *text)
{
    TTF_Font *f = fonts_get(&r->fonts, font, fonts_script_of(text, face));
    if (!f || !*text)
        return NULL;
    SDL_Color col = {c.r, c.g, c.b, 255};
    return TTF_RenderUTF8_Blended(f, text, col);
}

/* The text's texture, blended where it is drawn; made from `ready` (text_surface's, freed
 * here) when given. */
static tex_entry *text_texture(render *r, ui_font font, ui_face face, ui_color c,
                               const char *text, SDL_Surface *ready)
{
    unsigned char key[1024];
    size_t klen = text_key(key, sizeof key, font, face, &c, text);
    tex_entry *e = cache_get(r->texts, key, klen);
    if (e) {
        SDL_FreeSurface(ready);
        r->hits++;
        return e;
    }
    SDL_Surface *s = ready ? ready : text_surface(r, font, face, c, text);
    if (!s)
        return NULL;
    tex_entry fresh = {SDL_CreateTextureFromSurface(r->renderer, s), s->w, s->h, {0, 0, 0, 0}};
    SDL_FreeSurface(s);
    if (!fresh.tex)
        return NULL;
    if (c.a != 255)
        SDL_SetTextureAlphaMod(fresh.tex, c.a);
    r->rasterised++;
    return cache_put_cost(r->texts, key, klen, &fresh, (size_t)fresh.w * (size_t)fresh.h * 4);
}

/* The part of a rasterised text its letters touch (alpha above 0); w 0 when none. */
static SDL_Rect ink_of(const SDL_Surface *s)
{
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row =
            (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            if (row[x] & s->format->Amask) {
                if (x < x0)
                    x0 = x;
                if (x > x1)
                    x1 = x;
                if (y < y0)
                    y0 = y;
                y1 = y;
            }
    }
    return x1 < 0 ? (SDL_Rect){0, 0, 0, 0} : (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

/* The ink of the text (kept with its size), found when not yet known; `*made` gets the
 * surface rasterised for it (the caller uses or frees it). False when it cannot be known. */
static bool text_ink(render *r, ui_font font, ui_face face, ui_color c, const char *text,
                     SDL_Rect *ink, SDL_Surface **made)
{
    unsigned char key[1024];
    size_t klen = text_key(key, sizeof key, font, face, NULL, text);
    *made = NULL;
    size_entry *e = cache_get(r->sizes, key, klen);
    if (e && e->ink_known) {
        *ink = e->ink;
        return true;
    }
    *made = text_surface(r, font, face, c, text);
    if (!*made || SDL_LockSurface(*made) != 0)
        return false;
    *ink = ink_of(*made);
    SDL_UnlockSurface(*made);
    if (!e) {
        size_entry fresh = {(*made)->w, (*made)->h, false, {0, 0, 0, 0}};
        e = cache_put(r->sizes, key, klen, &fresh);
    }
    if (e) {
        e->ink_known = true;
        e->ink = *ink;
    }
    return true;
}

/* The ink of the text mixed with the opaque colour `bg` beneath it, as an opaque texture to
 * copy: SDL's blit of the rasterised text onto that colour, into the window's format, is the
 * very blit that blending it onto the window does (and outside the ink blending changes no
 * pixel). Made from `ready` when given (not freed here). */
static tex_entry *text_texture_on(render *r, ui_font font, ui_face face, ui_color c,
                                  ui_color bg, const char *text, SDL_Rect ink,
                                  SDL_Surface *ready)
{
    unsigned char key[1024];
    key[0] = 0xFF; /* (no font has this number: not a key of text_texture) */
    key[1] = bg.r;
    key[2] = bg.g;
    key[3] = bg.b;
    size_t klen = 4 + text_key(key + 4, sizeof key - 4, font, face, &c, text);
    tex_entry *e = cache_get(r->texts, key, klen);
    if (e) {
        r->hits++;
        return e;
    }
    SDL_Surface *s = ready ? ready : text_surface(r, font, face, c, text);
    if (!s)
        return NULL;
    tex_entry fresh = {shapes_mix(&r->shapes, s, ink, bg, NULL), ink.w, ink.h, {0, 0, 0, 0}};
    if (s != ready)
        SDL_FreeSurface(s);
    if (!fresh.tex)
        return NULL;
    r->rasterised++;
    return cache_put_cost(r->texts, key, klen, &fresh, (size_t)fresh.w * (size_t)fresh.h * 4);
}

/* The pictogram's pixels (ARGB8888, size x size, to free), or NULL. The shape is white, so
 * un-premultiplying cairo's ARGB32 is just "RGB = white": then SDL's ordinary blend (which
 * every renderer, the software one included, supports) and the colour modulation tint it
 * exactly. */
static unsigned char *icon_pixels(icon_id icon, int size)
{
    unsigned char *pixels = icons_rasterise(icon, size);
    if (!pixels)
        return NULL;
    uint32_t *px = (uint32_t *)pixels;
    for (size_t i = 0; i < (size_t)size * (size_t)size; i++)
        px[i] = (px[i] & 0xFF000000u) | 0x00FFFFFFu;
    return pixels;
}

static tex_entry *icon_texture(render *r, icon_id icon, int size)
{
    int key[2] = {(int)icon, size};
    tex_entry *e = cache_get(r->icons, key, sizeof key);
    if (e)
        return e;
    unsigned char *pixels = icon_pixels(icon, size);
    if (!pixels)
        return NULL;
    tex_entry fresh = {SDL_CreateTexture(r->renderer, SDL_PIXELFORMAT_ARGB8888,
                                         SDL_TEXTUREACCESS_STATIC, size, size),
                       size, size, {0, 0, 0, 0}};
    SDL_Surface *view = SDL_CreateRGBSurfaceWithFormatFrom(pixels, size, size, 32, size * 4,
                                                           SDL_PIXELFORMAT_ARGB8888);
    if (view)
        fresh.ink = ink_of(view);
    SDL_FreeSurface(view);
    if (fresh.tex) {
        SDL_UpdateTexture(fresh.tex, NULL, pixels, size * 4);
        SDL_SetTextureBlendMode(fresh.tex, SDL_BLENDMODE_BLEND);
    }
    free(pixels);
    if (!fresh.tex)
        return NULL;
    r->rasterised++;
    return cache_put(r->icons, key, sizeof key, &fresh);
}

/* The ink of the pictogram in colour `c` mixed with the opaque colour `bg` beneath it, as an
 * opaque texture to copy: the same blit, with the same tint, that drawing it blends. */
static tex_entry *icon_texture_on(render *r, icon_id icon, int size, ui_color c, ui_color bg,
                                  SDL_Rect ink)
{
    int key[5] = {(int)icon, size, -1, (c.r << 16) | (c.g << 8) | c.b,
                  (bg.r << 16) | (bg.g << 8) | bg.b};
    tex_entry *e = cache_get(r->icons, key, sizeof key);
    if (e)
        return e;
    unsigned char *pixels = icon_pixels(icon, size);
    if (!pixels)
        return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(pixels, size, size, 32, size * 4,
                                                        SDL_PIXELFORMAT_ARGB8888);
    tex_entry fresh = {s ? shapes_mix(&r->shapes, s, ink, bg, &c) : NULL, ink.w, ink.h, ink};
    SDL_FreeSurface(s);
    free(pixels);
    if (!fresh.tex)
        return NULL;
    r->rasterised++;
    return cache_put(r->icons, key, sizeof key, &fresh);
}

static tex_entry *qr_texture(render *r, const uint8_t *modules, int size)
{
    size_t n = (size_t)size * (size_t)size;
    tex_entry *e = cache_get(r->qrs, modules, n);
    if (e)
        return e;
    int full = size + 8; /* the 4-module quiet zone on each side */
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, full, full, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    SDL_FillRect(s, NULL, 0xFFFFFFFFu);
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
            if (modules[(size_t)y * (size_t)size + (size_t)x]) {
                Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)(y + 4) * (size_t)s->pitch);
                row[x + 4] = 0xFF000000u;
            }
    tex_entry fresh = {SDL_CreateTextureFromSurface(r->renderer, s), full, full, {0, 0, 0, 0}};
    SDL_FreeSurface(s);
    if (!fresh.tex)
        return NULL;
    /* Modules must stay sharp squares when scaled up. */
    SDL_SetTextureScaleMode(fresh.tex, SDL_ScaleModeNearest);
    return cache_put(r->qrs, modules, n, &fresh);
}

static void draw_qr_cmd(render *r, const draw_cmd *c)
{
    if (!c->qr || c->qr_size <= 0)
        return;
    tex_entry *t = qr_texture(r, c->qr, c->qr_size);
    if (!t)
        return;
    /* Whole pixels per module, centred in the rect: a fractional scale would give modules
     * of unequal width, which phone cameras read badly. */
    int full = c->qr_size + 8;
    int side = c->rect.w < c->rect.h ? c->rect.w : c->rect.h;
    int px = side / full;
    if (px < 1)
        px = 1;
    SDL_Rect dst = {c->rect.x + (c->rect.w - px * full) / 2, c->rect.y + (c->rect.h - px * full) / 2,
                    px * full, px * full};
    SDL_RenderCopy(r->renderer, t->tex, NULL, &dst);
}

/* Whether any of `rc` can be seen: a text, pictogram or code scrolled out of view or outside
 * the clip would be rasterised and cached for nothing (a detail screen's lines below the fold,
 * the cards half-way in at the edges of a scrolled list). */
static bool seen(const render *r, ui_rect rc)
{
    return rc.w > 0 && rc.h > 0 && rc.x < r->visible.x + r->visible.w &&
           rc.x + rc.w > r->visible.x && rc.y < r->visible.y + r->visible.h &&
           rc.y + rc.h > r->visible.y;
}

/* A contact's photo: a texture per picture (kept by its pixels, as the codes are). */
static void draw_image_cmd(render *r, const draw_cmd *c)
{
    int w = c->qr_size, h = c->image_h;
    if (!c->qr || w <= 0 || h <= 0 || c->rect.w <= 0 || c->rect.h <= 0)
        return;
    size_t n = (size_t)w * (size_t)h * 3;
    tex_entry *t = cache_get(r->qrs, c->qr, n);
    if (!t) {
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom((void *)c->qr, w, h, 24, w * 3,
                                                            SDL_PIXELFORMAT_RGB24);
        if (!s)
            return;
        tex_entry fresh = {SDL_CreateTextureFromSurface(r->renderer, s), w, h, {0, 0, 0, 0}};
        SDL_FreeSurface(s);
        if (!fresh.tex)
            return;
        SDL_SetTextureScaleMode(fresh.tex, SDL_ScaleModeLinear);
        t = cache_put(r->qrs, c->qr, n, &fresh);
        if (!t)
            return;
    }
    /* as big as the rect holds, its shape kept, in the middle */
    int dw = c->rect.w, dh = c->rect.w * h / w;
    if (dh > c->rect.h) {
        dh = c->rect.h;
        dw = c->rect.h * w / h;
    }
    SDL_Rect dst = {c->rect.x + (c->rect.w - dw) / 2, c->rect.y + (c->rect.h - dh) / 2, dw, dh};
    SDL_RenderCopy(r->renderer, t->tex, NULL, &dst);
}

static bool overlap(ui_rect a, ui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool inside(ui_rect outer, ui_rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

/* Whether `box` misses the four `rad` x `rad` corner squares of `r` (where a rounded shape's
 * corners are blended). */
static bool clear_of_corners(ui_rect r, int rad, ui_rect box)
{
    if (rad <= 0)
        return true;
    ui_rect corners[4];
    shapes_corner_boxes(r, rad, corners);
    for (int i = 0; i < 4; i++)
        if (overlap(corners[i], box))
            return false;
    return true;
}

/* The rectangle both cover, or {0,0,0,0}. */
static ui_rect intersection(ui_rect a, ui_rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    if (x1 <= x0 || y1 <= y0)
        return (ui_rect){0, 0, 0, 0};
    return (ui_rect){x0, y0, x1 - x0, y1 - y0};
}

/* Where each command of `f` may paint: its rectangle within the clip it is drawn in (a clip
 * itself paints nothing), for solid_beneath. False when there is no memory for it. */
static bool note_painted(render *r, const ui_frame *f)
{
    if (f->n_cmds > r->painted_cap) {
        ui_rect *more = realloc(r->painted, f->n_cmds * sizeof *more);
        if (!more)
            return false;
        r->painted = more;
        r->painted_cap = f->n_cmds;
    }
    ui_rect whole = {r->whole.x, r->whole.y, r->whole.w, r->whole.h}, clip = whole;
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *c = &f->cmds[i];
        if (c->kind == DRAW_CLIP) {
            clip = c->rect.w > 0 && c->rect.h > 0 ? intersection(c->rect, whole) : whole;
            r->painted[i] = (ui_rect){0, 0, 0, 0};
        } else {
            r->painted[i] = intersection(c->rect, clip);
        }
    }
    return true;
}

/* The one opaque colour every pixel of `box` that command `i` of `f` may draw (those inside
 * the clip it is drawn in) has when it is drawn, if there is one: the last command before it
 * that may have painted there (its rectangle within its own clip) is an opaque fill that
 * covers all of them (clear of its rounded corners); an outline whose line misses them is
 * looked through; anything else painted there, and there is none. */
static bool solid_beneath(const render *r, const ui_frame *f, size_t i, ui_rect box,
                          ui_color *bg)
{
    if (!r->painted)
        return false;
    ui_rect want =
        intersection(box, (ui_rect){r->visible.x, r->visible.y, r->visible.w, r->visible.h});
    if (want.w <= 0)
        return false;
    const int x0 = want.x, y0 = want.y, x1 = want.x + want.w, y1 = want.y + want.h;
    while (i-- > 0) {
        /* most commands are elsewhere: a tight test on the rectangles alone (an empty one,
         * at 0,0, ends left of or above any box in the picture) */
        const ui_rect *p = &r->painted[i];
        if (p->x >= x1 || p->y >= y1 || p->x + p->w <= x0 || p->y + p->h <= y0)
            continue;
        const draw_cmd *c = &f->cmds[i];
        if (c->kind == DRAW_RECT) {
            if (c->color.a != 255 || !inside(*p, want) ||
                !clear_of_corners(c->rect, shapes_clamp_radius(c->rect, c->radius), want))
                return false;
            *bg = c->color;
            return true;
        }
        if (c->kind != DRAW_FRAME)
            return false;
        int t = c->thickness, rad = shapes_outline_radius(c->rect, t, c->radius);
        ui_rect in = {c->rect.x + t, c->rect.y + t, c->rect.w - 2 * t, c->rect.h - 2 * t};
        if (t > 0 && !(inside(in, want) && clear_of_corners(c->rect, rad, want)))
            return false; /* its line touches the box (one of no thickness draws nothing) */
    }
    return false;
}

/* A text drawn as a copy of its ink mixed with the one opaque colour beneath it
 * (render_copied); false when it is not, and `*ready` may then hold the text
 * rasterised (for text_texture). */
static bool copy_text(render *r, const ui_frame *f, size_t i, const char *text,
                      SDL_Surface **ready)
{
    const draw_cmd *c = &f->cmds[i];
    SDL_Rect ink;
    ui_color bg;
    if (!text_ink(r, c->font, c->face, c->color, text, &ink, ready))
        return false;
    if (ink.w <= 0 || ink.h <= 0)
        return true; /* nothing to draw (spaces) */
    ui_rect box = {c->rect.x + ink.x, c->rect.y + ink.y, ink.w, ink.h};
    if (!solid_beneath(r, f, i, box, &bg))
        return false;
    tex_entry *t = text_texture_on(r, c->font, c->face, c->color, bg, text, ink, *ready);
    SDL_FreeSurface(*ready);
    *ready = NULL;
    if (!t)
        return false;
    SDL_Rect dst = {box.x, box.y, t->w, t->h};
    SDL_RenderCopy(r->renderer, t->tex, NULL, &dst);
    r->copied++;
    return true;
}

/* The opaque colours beneath the rounded corners of rectangle or outline `i` (shapes_fill
 * mixes an opaque corner with such a colour once and copies it, as a text is); false when
 * none is known or the shape is not one whose corners are mixed. */
static bool corners_beneath(const render *r, const ui_frame *f, size_t i, shapes_beneath *out)
{
    const draw_cmd *c = &f->cmds[i];
    if (!r->copy_texts || c->color.a != 255)
        return false;
    int rad = c->kind == DRAW_FRAME ? shapes_outline_radius(c->rect, c->thickness, c->radius)
                                    : shapes_clamp_radius(c->rect, c->radius);
    if (rad <= 0)
        return false;
    ui_rect box[4];
    shapes_corner_boxes(c->rect, rad, box);
    bool any = false;
    for (int k = 0; k < 4; k++) {
        out->known[k] = solid_beneath(r, f, i, box[k], &out->color[k]);
        any = any || out->known[k];
    }
    return any;
}

static void execute(render *r, const ui_frame *f, size_t i)
{
    const draw_cmd *c = &f->cmds[i];
    if ((c->kind == DRAW_TEXT || c->kind == DRAW_ICON || c->kind == DRAW_QR ||
         c->kind == DRAW_IMAGE) && !seen(r, c->rect))
        return;
    switch (c->kind) {
    case DRAW_RECT:
    case DRAW_FRAME: {
        shapes_beneath beneath;
        const shapes_beneath *known = corners_beneath(r, f, i, &beneath) ? &beneath : NULL;
        if (c->kind == DRAW_RECT)
            shapes_fill(&r->shapes, c->rect, c->color, c->radius, known);
        else
            shapes_outline(&r->shapes, c->rect, c->color, c->thickness, c->radius, known);
        break;
    }
    case DRAW_TEXT: {
        const char *text = c->text ? c->text : "";
        SDL_Surface *ready = NULL;
        if (r->copy_texts && c->color.a == 255 && *text && copy_text(r, f, i, text, &ready))
            break;
        tex_entry *t = text_texture(r, c->font, c->face, c->color, text, ready);
        if (t) {
            SDL_Rect dst = {c->rect.x, c->rect.y, t->w, t->h};
            SDL_RenderCopy(r->renderer, t->tex, NULL, &dst);
        }
        break;
    }
    case DRAW_ICON: {
        int size = c->rect.w < c->rect.h ? c->rect.w : c->rect.h;
        if (size <= 0)
            break;
        tex_entry *t = icon_texture(r, c->icon, size);
        if (t) {
            SDL_Rect dst = {c->rect.x + (c->rect.w - size) / 2, c->rect.y + (c->rect.h - size) / 2,
                            size, size};
            /* on one opaque colour: mixed with it once, then copied (as a text is) */
            ui_rect box = {dst.x + t->ink.x, dst.y + t->ink.y, t->ink.w, t->ink.h};
            ui_color bg;
            tex_entry *o = NULL;
            if (r->copy_texts && c->color.a == 255 && box.w > 0 && box.h > 0 &&
                solid_beneath(r, f, i, box, &bg))
                o = icon_texture_on(r, c->icon, size, c->color, bg, t->ink);
            if (o) {
                SDL_Rect at = {box.x, box.y, o->w, o->h};
                SDL_RenderCopy(r->renderer, o->tex, NULL, &at);
                r->icons_copied++;
                break;
            }
            SDL_SetTextureColorMod(t->tex, c->color.r, c->color.g, c->color.b);
            SDL_SetTextureAlphaMod(t->tex, c->color.a);
            SDL_RenderCopy(r->renderer, t->tex, NULL, &dst);
        }
        break;
    }
    case DRAW_QR:
        draw_qr_cmd(r, c);
        break;
    case DRAW_IMAGE:
        draw_image_cmd(r, c);
        break;
    case DRAW_CLIP:
        if (c->rect.w > 0 && c->rect.h > 0) {
            SDL_Rect clip = {c->rect.x, c->rect.y, c->rect.w, c->rect.h};
            SDL_RenderSetClipRect(r->renderer, &clip);
            SDL_IntersectRect(&clip, &r->whole, &r->visible);
        } else {
            SDL_RenderSetClipRect(r->renderer, NULL);
            r->visible = r->whole;
        }
        break;
    }
}

void render_draw(render *r, const ui_frame *f)
{
    bool rotated = begin_rotated(r);
    SDL_RenderSetClipRect(r->renderer, NULL);
    /* Every screen starts with an opaque background over the whole window; clearing first
     * would fill a 1920x1080 picture twice, which the software renderer feels. */
    size_t first = 0;
    int w, h;
    render_output_size(r, &w, &h);
    if (f->n_cmds && f->cmds[0].kind == DRAW_RECT && f->cmds[0].color.a == 255 &&
        f->cmds[0].radius == 0 && f->cmds[0].rect.x <= 0 && f->cmds[0].rect.y <= 0 &&
        f->cmds[0].rect.x + f->cmds[0].rect.w >= w && f->cmds[0].rect.y + f->cmds[0].rect.h >= h) {
        const ui_color c = f->cmds[0].color;
        SDL_SetRenderDrawColor(r->renderer, c.r, c.g, c.b, 255);
        first = 1;
    } else {
        SDL_SetRenderDrawColor(r->renderer, 0, 0, 0, 255);
    }
    SDL_RenderClear(r->renderer);
    r->whole = r->visible = (SDL_Rect){0, 0, w, h};
    if (r->copy_texts && !note_painted(r, f)) {
        free(r->painted); /* nothing is copied this frame: each is blended as it comes */
        r->painted = NULL;
        r->painted_cap = 0;
    }
    for (size_t i = first; i < f->n_cmds; i++)
        execute(r, f, i);
    SDL_RenderSetClipRect(r->renderer, NULL);
    if (rotated)
        end_rotated(r);
}

bool render_fonts_missing(const render *r, const char **why)
{
    if (why)
        *why = r->fonts_missing ? r->fonts_why : NULL;
    return r->fonts_missing;
}

static void plain_pixel(void *ctx, int x, int y, int size)
{
    SDL_Rect px = {x, y, size, size};
    SDL_RenderFillRect(ctx, &px);
}

void render_present_plain(render *r, const char *const *lines, size_t n)
{
    bool rotated = begin_rotated(r);
    int w, h;
    render_output_size(r, &w, &h);
    SDL_RenderSetClipRect(r->renderer, NULL);
    SDL_SetRenderDrawColor(r->renderer, 0x1f, 0x2a, 0x44, 255); /* dark blue, calm */
    SDL_RenderClear(r->renderer);
    /* As big as fits: the widest line across 90 % of the width, every line with a line's
     * gap below it in 80 % of the height. */
    int widest = 1;
    for (size_t i = 0; i < n; i++) {
        int lw = plain_text_width(lines[i]);
        if (lw > widest)
            widest = lw;
    }
    int line_h = PLAIN_GLYPH_H + 4;
    int scale = w * 9 / 10 / widest;
    int by_height = n ? h * 8 / 10 / (int)(n * (size_t)line_h) : scale;
    if (by_height < scale)
        scale = by_height;
    if (scale < 1)
        scale = 1;
    int y = (h - (int)n * line_h * scale) / 2;
    SDL_SetRenderDrawColor(r->renderer, 255, 255, 255, 255);
    for (size_t i = 0; i < n; i++, y += line_h * scale)
        plain_text_draw(lines[i], (w - plain_text_width(lines[i]) * scale) / 2, y, scale,
                        plain_pixel, r->renderer);
    if (rotated)
        end_rotated(r);
    SDL_RenderPresent(r->renderer);
}

void render_present(render *r, const ui_frame *f)
{
    render_draw(r, f);
    SDL_RenderPresent(r->renderer);
}

vm_status render_read_pixels(render *r, unsigned char **pixels, int *w, int *h, vm_err *err)
{
    render_physical_size(r, w, h);
    *pixels = malloc((size_t)*w * (size_t)*h * 4);
    if (!*pixels)
        return err_set(err, VM_ERR_NOMEM, "Out of memory reading the screen.");
    if (SDL_RenderReadPixels(r->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, *pixels, *w * 4) != 0) {
        free(*pixels);
        *pixels = NULL;
        return err_set(err, VM_ERR_IO, "Cannot read the screen back: %s", SDL_GetError());
    }
    return VM_OK;
}

void render_stats(const render *r, unsigned long *texts_rasterised, unsigned long *cache_hits)
{
    if (texts_rasterised)
        *texts_rasterised = r->rasterised;
    if (cache_hits)
        *cache_hits = r->hits;
}

void render_copied(const render *r, unsigned long *texts, unsigned long *icons,
                   unsigned long *corners)
{
    if (texts)
        *texts = r->copied;
    if (icons)
        *icons = r->icons_copied;
    if (corners)
        *corners = r->shapes.corners_mixed;
}

render_software_why render_software_reason(const render *r)
{
    return r->software_why;
}

int render_drm_fd(const render *r)
{
    if (!r || !r->window)
        return -1;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(r->window, &info))
        return -1;
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
    if (info.subsystem == SDL_SYSWM_KMSDRM)
        return info.info.kmsdrm.drm_fd;
#endif
    return -1;
}
