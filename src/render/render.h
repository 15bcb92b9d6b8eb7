/* render: draws a ui_frame with SDL2 and SDL2_ttf. The only module that draws pixels for the
 * screen.
 *
 * Text is rasterised once per (font, colour, string) into a texture and kept in a bounded
 * cache (least recently used first out), so a frame only copies textures. Pictograms are
 * rasterised once per (icon, size) by src/icons. Measurements are cached the same way.
 *
 * Ownership: render_open creates the window and renderer and returns a `render` that
 * render_close destroys (NULL-safe). SDL itself is initialised and quit by the caller.
 * Errors: a missing font or a failed window is VM_ERR_* with a message, never an exit.
 *
 * Threads: the main loop only, the thread that made the SDL renderer (SDL's renderer and
 * SDL_ttf are not thread-safe).
 */
#ifndef VM_RENDER_RENDER_H
#define VM_RENDER_RENDER_H

#include <stdbool.h>

#include "core/err.h"
#include "ui/draw.h"

typedef struct render render;

typedef struct render_options {
    const char *title;     /* window title */
    int width, height;     /* windowed size; ignored when fullscreen */
    bool fullscreen;       /* desktop-fullscreen at the display's resolution */
    bool software;         /* force SDL's software renderer (tests, goldens) */
    bool hidden;           /* no visible window (benchmarks, offscreen tests) */
    const char *font_dir;  /* where the Noto .ttf files are; NULL or "" = the build's default
                              (the app passes $VAERMED_FONT_DIR) */
    int rotation;          /* 0, 90, 180 or 270 degrees clockwise: a screen hung on its side */
    bool blend_opaque_fills; /* draw opaque fills blended too, as before they were copied (only
                                for the test that shows both give the same picture) */
    bool blend_texts;      /* draw every text, pictogram and rounded corner blended onto the
                              picture, as before those on one opaque colour were copied
                              ready-mixed (only for the test that shows both give the same
                              picture) */
    bool fonts_optional;   /* open even when the fonts are missing (render_fonts_missing
                              says so, and only render_present_plain can draw then) */
    const char *gpu_dir;   /* where the GPU's device nodes are; NULL = "/dev/dri" (tests
                              give a folder of their own) */
} render_options;

/* Why a renderer draws in software. With no GPU device node (no card* or renderD* in
 * gpu_dir) every OpenGL there is a CPU rasteriser (Mesa's llvmpipe), which under X costs
 * ~85 MB more (libLLVM, Mesa) and a slower first frame than SDL's software renderer for the
 * same picture; so unless a render driver is asked for (SDL_RENDER_DRIVER, as the Pi's
 * service and the benchmark's GL rows do), the kiosk then draws in software without loading
 * GL at all. */
typedef enum render_software_why {
    RENDER_ON_GPU,          /* SDL's accelerated renderer */
    RENDER_SW_ASKED,        /* render_options.software */
    RENDER_SW_NO_GPU,       /* no GPU device node, and no render driver asked for */
    RENDER_SW_FALLBACK      /* an accelerated renderer was tried and could not be made */
} render_software_why;

render_software_why render_software_reason(const render *r);

vm_status render_open(const render_options *opt, render **out, vm_err *err);
void render_close(render *r);

/* The window's size in screen coordinates (what mouse events use). */
void render_window_size(const render *r, int *w, int *h);

/* The size the screens are laid out for, in pixels: the drawable size (which may differ from
 * the window size on high-DPI displays), turned by the rotation. */
void render_output_size(const render *r, int *w, int *h);

/* The drawable size in pixels, before rotation (what touch coordinates are relative to). */
void render_physical_size(const render *r, int *w, int *h);

/* Maps a point in drawable pixels (as the display reports a touch) to the laid-out picture's
 * pixels, undoing the rotation. */
void render_map_point(const render *r, int x, int y, int *out_x, int *out_y);

/* Opens the fonts at these pixel sizes (index by ui_font). Cheap when unchanged; flushes the
 * text cache when a size changes. Also sizes the text cache's bound in bytes to the output
 * (call it after the window changed size, as the kiosk does). */
vm_status render_set_font_sizes(render *r, const int sizes[UI_FONT_COUNT], vm_err *err);

/* The measuring function for ui_build, backed by this renderer's fonts and cache. */
ui_measure render_measure(render *r);

/* Whether the fonts were missing when it opened (with fonts_optional); *why (may be NULL)
 * then names the missing file and the package, in plain words. */
bool render_fonts_missing(const render *r, const char **why);

/* For when the fonts are missing: shows `lines` centred on a dark screen, white, as large as
 * fits, in a small bitmap font built into the program (letters A-Z, a-z, æ ø å Æ Ø Å,
 * digits and . , : - ' ( ) / ? !; anything else as a space), and presents it. */
void render_present_plain(render *r, const char *const *lines, size_t n);

/* Draws the frame into the back buffer and presents it. */
void render_present(render *r, const ui_frame *f);

/* Draws the frame into the back buffer without presenting (for render_read_pixels). */
void render_draw(render *r, const ui_frame *f);

/* Reads the back buffer drawn by render_draw as 32-bit ARGB (for goldens and QR tests): `pixels` is
 * malloc'd, w*h*4 bytes, the caller frees it. */
vm_status render_read_pixels(render *r, unsigned char **pixels, int *w, int *h, vm_err *err);

/* The DRM device SDL draws with on the bare console (its KMSDRM driver), for switching the
 * screen off at night (app/display_power.h); -1 under any other video driver. Owned by SDL:
 * never close it. */
int render_drm_fd(const render *r);

/* A picture of `f` as the screen shows it (turned as the panel hangs), as PNG bytes in a
 * malloc'd buffer the caller frees: for the staff's stick. Draws into the back buffer
 * without presenting, so the screen does not change. */
vm_status render_snapshot_png(render *r, const ui_frame *f, unsigned char **png, size_t *len,
                              vm_err *err);

/* Statistics for the benchmark and tests: textures made since open, cache hits. */
void render_stats(const render *r, unsigned long *texts_rasterised, unsigned long *cache_hits);
/* Texts, pictograms and rounded corners drawn so far as copies (each may be NULL): on SDL's
 * software renderer one whose ink (the pixels its letters or its shape touch; a corner's
 * whole square) lies on one opaque colour (a card, a bar, the background, a pictogram's
 * square) is mixed with that colour once, when it is rasterised, exactly as blending it
 * would, and then copied, which costs a fraction of blending it on every frame. */
void render_copied(const render *r, unsigned long *texts, unsigned long *icons,
                   unsigned long *corners);

#endif
