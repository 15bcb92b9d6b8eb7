/* draw: the draw list, the boundary between the screens and the SDL renderer.
 *
 * A screen emits commands (filled rectangles, outlines, single lines of text, pictograms, QR
 * codes, clipping) and widgets (what can be tapped or read, for input and for the
 * VAERMED_UI_DUMP automation file). The renderer only executes commands; it never decides
 * layout. Text is one line per command, already wrapped and positioned by the screen with an
 * injected measuring function, so the screens are testable without SDL.
 *
 * Ownership: a ui_frame owns its arrays and reuses them between frames (ui_frame_reset keeps
 * the memory, and zeroes the strings of the last frame, which may hold a typed name). Strings and QR modules in commands and widgets point into the frame's own
 * arena and live until the next reset (the arena may move while a frame is being built;
 * pointers are valid once building is done). ui_frame_free is NULL-safe. Allocation failure sets `oom`; the frame
 * is then incomplete but safe to draw.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_DRAW_H
#define VM_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/icon.h"

typedef struct ui_rect {
    int x, y, w, h;
} ui_rect;

typedef struct ui_color {
    uint8_t r, g, b, a;
} ui_color;

/* Font roles; the pixel size of each is set by the layout for the window (ui_layout). */
typedef enum ui_font {
    UI_FONT_SMALL = 0, /* secondary facts; still >= 22 px at 800x480 */
    UI_FONT_BODY,
    UI_FONT_BOLD,      /* body size, bold */
    UI_FONT_TITLE,     /* card and screen titles, bold */
    UI_FONT_HUGE,      /* clock, confirmation, idle screen, bold */
    UI_FONT_COUNT
} ui_font;

/* The face Arabic-script text is drawn in: the letters are the same, the calligraphy is the
 * reader's. Urdu is read in Nastaliq; Arabic (and Farsi, Kurdish, ...) in Naskh. Latin and
 * other scripts have one face. */
typedef enum ui_face {
    UI_FACE_NASKH = 0, /* Noto Sans Arabic */
    UI_FACE_NASTALIQ   /* Noto Nastaliq Urdu */
} ui_face;

/* The face a language's Arabic-script text is read in ("ur": Nastaliq). */
ui_face ui_face_for_lang(const char *lang);

/* Measures one line of UTF-8 text in a font role: width and height in pixels. Injected by the
 * app (SDL_ttf) or by tests (a fixed-width fake). `size_face` (may be NULL: then every face
 * measures as `size`) measures Arabic-script text in a given face; `face` is the face this
 * measure is for (ui_build sets it from the language). */
typedef struct ui_measure {
    void *ctx;
    void (*size)(void *ctx, ui_font font, const char *utf8, int *w, int *h);
    void (*size_face)(void *ctx, ui_font font, ui_face face, const char *utf8, int *w, int *h);
    ui_face face;
} ui_measure;

static inline void ui_measure_size(const ui_measure *ms, ui_font font, const char *utf8, int *w,
                                   int *h)
{
    if (ms->size_face)
        ms->size_face(ms->ctx, font, ms->face, utf8, w, h);
    else
        ms->size(ms->ctx, font, utf8, w, h);
}

typedef enum draw_kind {
    DRAW_RECT = 0, /* filled rect, rounded by `radius` */
    DRAW_FRAME,    /* outline of `thickness` px, rounded by `radius` */
    DRAW_TEXT,     /* one line of `text` in `font` (Arabic script in `face`), top-left at
                      rect.x/y; rect.w/h = measured */
    DRAW_ICON,     /* pictogram `icon` scaled into rect, in `color` */
    DRAW_QR,       /* QR modules, dark on white, quiet zone included in rect */
    DRAW_CLIP,     /* from here on draw only inside rect (w or h 0: clip off) */
    DRAW_IMAGE,    /* a small RGB picture (a contact's photo) scaled into rect, its shape kept:
                      pixels in `qr` (qr_size wide, image_h high, 3 bytes a pixel) */
} draw_kind;

typedef struct draw_cmd {
    draw_kind kind;
    ui_rect rect;
    ui_color color;
    int radius;
    int thickness;
    ui_font font;
    ui_face face;          /* DRAW_TEXT: the face of its Arabic-script letters */
    const char *text;      /* DRAW_TEXT: NUL-terminated, in the frame's arena */
    icon_id icon;          /* DRAW_ICON */
    const uint8_t *qr;     /* DRAW_QR: qr_size*qr_size modules, row-major, nonzero = dark;
                              copied into the frame's arena (the model may change freely) */
    int qr_size;
    int image_h;           /* DRAW_IMAGE: its height (qr_size is its width) */
} draw_cmd;

typedef enum ui_role {
    UI_ROLE_BUTTON = 0,
    UI_ROLE_CARD,
    UI_ROLE_KEY,      /* on-screen keyboard key */
    UI_ROLE_TOGGLE,
    UI_ROLE_TEXT,     /* readable text the dump reports (headings, messages) */
    UI_ROLE_HEADING,
    UI_ROLE_QR,
    UI_ROLE_INPUT,    /* a field showing what was typed */
    UI_ROLE_LIST      /* a scrollable area */
} ui_role;

enum {
    UI_WIDGET_DISABLED = 1u << 0,
    UI_WIDGET_PRESSED = 1u << 1,
    UI_WIDGET_SELECTED = 1u << 2,
    UI_WIDGET_TAPPABLE = 1u << 3 /* reacts to a tap (buttons, cards, keys, toggles) */
};

typedef struct ui_widget {
    const char *id;    /* stable automation id: "card:<uid>", "back", "join", "key:a" */
    const char *label; /* what it says, in the current language */
    ui_role role;
    ui_rect rect;      /* on screen, clipped to its scroll area */
    unsigned flags;    /* UI_WIDGET_* */
    ui_color fg, bg;   /* main text and background colour, for the contrast check */
} ui_widget;

typedef struct ui_frame {
    char screen[32];   /* "home", "detail", "join-name", ... */
    int width, height;
    draw_cmd *cmds;
    size_t n_cmds, cap_cmds;
    ui_widget *widgets;
    size_t n_widgets, cap_widgets;
    char *arena;
    size_t arena_len, arena_cap;
    bool oom;
    /* Set by ui_build while it builds (NULL/false otherwise, and in frames built by hand):
     * with them, draw_text cuts a line that mixes directions (Arabic with a Latin name or a
     * number) into runs of one direction and one font, in visual order, each its own
     * DRAW_TEXT, so the renderer never reverses digits or draws Latin letters in the Arabic
     * font. `rtl` is the direction of the screen's language; `face` the face its Arabic
     * script is read in (every DRAW_TEXT gets it). */
    const ui_measure *measure;
    bool rtl;
    ui_face face;
} ui_frame;

void ui_frame_init(ui_frame *f);
void ui_frame_reset(ui_frame *f, const char *screen, int width, int height);
void ui_frame_free(ui_frame *f);

/* Copies a string into the frame's arena; returns the copy ("" on allocation failure). */
const char *ui_frame_strdup(ui_frame *f, const char *s);

void draw_rect(ui_frame *f, ui_rect r, ui_color c, int radius);
void draw_frame(ui_frame *f, ui_rect r, ui_color c, int thickness, int radius);
/* One line of text with its top-left at (x, y), `w` x `h` as measured (see `measure` above
 * for text that mixes directions). */
void draw_text(ui_frame *f, int x, int y, int w, int h, ui_font font, ui_color c,
               const char *utf8);
void draw_icon(ui_frame *f, ui_rect r, icon_id icon, ui_color c);
void draw_qr(ui_frame *f, ui_rect r, const uint8_t *modules, int size);
/* A `w` x `h` RGB picture (copied into the frame's arena), fitted into `r`. */
void draw_image(ui_frame *f, ui_rect r, const uint8_t *rgb, int w, int h);
void draw_clip(ui_frame *f, ui_rect r);

/* Adds a widget; `id` and `label` are copied. Returns the widget (NULL on OOM). */
ui_widget *ui_frame_widget(ui_frame *f, const char *id, ui_role role, const char *label,
                           ui_rect r, unsigned flags);

/* The last widget with UI_WIDGET_TAPPABLE whose rect holds (x, y), or NULL. */
const ui_widget *ui_frame_hit(const ui_frame *f, int x, int y);
/* The widget with this id, or NULL. */
const ui_widget *ui_frame_find(const ui_frame *f, const char *id);

/* True when both frames would put the same pixels on screen (same commands, same text). The
 * app presents a frame only when this is false: an idle kiosk does not redraw. */
bool ui_frame_same_picture(const ui_frame *a, const ui_frame *b);

/* Copies `src` into `dst` (dst's memory is reused; pointers are rebased into dst's arena). */
bool ui_frame_copy(ui_frame *dst, const ui_frame *src);

static inline bool ui_rect_contains(ui_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

#endif
