/* widgets: the building blocks of the screens. Each draws into the frame and registers
 * what can be tapped or read, with its colours for the contrast check.
 *
 * Functions that lay things out take `draw`: false only measures (returns the height), so
 * a screen can size a card or a block before it places it. Widgets inside a scrolled area
 * are registered clipped to ctx->view and not at all when they are outside it.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_WIDGETS_H
#define VM_UI_WIDGETS_H

#include "ui/ui_internal.h"

typedef enum btn_style {
    BTN_PRIMARY = 0, /* deep green, white words: the way forward */
    BTN_SECONDARY,   /* white with an outline: back, cancel, scroll */
    BTN_KEY,         /* a keyboard key */
    BTN_KEY_ON,      /* a key that is switched on (shift): green like the way forward */
    BTN_CHOSEN       /* the choice in use (the language): green, SELECTED */
} btn_style;

static inline ui_rect rect_make(int x, int y, int w, int h)
{
    return (ui_rect){x, y, w, h};
}

/* The part of `r` inside `clip` (w or h 0 when they do not meet). A clip of w 0 is none. */
ui_rect rect_clip(ui_rect r, ui_rect clip);
bool rect_empty(ui_rect r);
bool rect_overlap(ui_rect a, ui_rect b);

/* Registers a widget clipped to the view; NULL when it is outside it. */
ui_widget *w_register(ui_ctx *c, const char *id, ui_role role, const char *label, ui_rect r,
                      unsigned flags, ui_color fg, ui_color bg);

/* True while `id` is held down (and the finger has not turned it into a scroll). */
bool w_pressed(const ui_ctx *c, const char *id);

/* The width of the widest word of `s` in `font` (a column narrower than it breaks a word). */
int w_longest_word(const ui_ctx *c, ui_font font, const char *s);

/* Natural width of a button with this label (and icon) in `font`. */
int w_button_width(const ui_ctx *c, const char *label, icon_id icon, ui_font font);

/* The lines a button `w` wide needs to show its words (beside its pictogram, or alone when
 * only that fits): 1 to 3, or 0 when even three do not hold them (the pictogram then speaks
 * alone). */
int w_button_lines(const ui_ctx *c, const char *label, icon_id icon, ui_font font, int w);

/* The height a button `w` wide needs to show its words (beside its pictogram, or alone when
 * only that fits) on up to three lines: the standard button's height when one line holds
 * them, or when even three do not (the pictogram then speaks alone). */
int w_button_height(const ui_ctx *c, const char *label, icon_id icon, ui_font font, int w);

/* A button. A disabled one is greyed but still answers a tap, so the screen can say why. */
void w_button(ui_ctx *c, const char *id, const char *label, icon_id icon, ui_rect r,
              btn_style style, ui_font font, bool disabled);

/* A button that shows only its pictogram, big; `label` is what it says to the dump. */
void w_icon_button(ui_ctx *c, const char *id, const char *label, icon_id icon, ui_rect r,
                   btn_style style, bool disabled);

/* Wrapped text at (x, y) in width w; returns its height. */
int w_text(ui_ctx *c, const char *s, ui_font font, ui_color col, int x, int y, int w,
           int max_lines, bool draw);

/* A line through each line of `s` as w_text wraps it at (x, y) (what is cancelled). */
void w_strike(ui_ctx *c, const char *s, ui_font font, ui_color col, int x, int y, int w,
              int max_lines);

/* Wrapped text registered as a readable widget (role TEXT or HEADING) on `bg`. */
int w_text_widget(ui_ctx *c, const char *id, ui_role role, const char *s, ui_font font,
                  ui_color col, ui_color bg, int x, int y, int w, int max_lines, bool draw);

/* As w_text_widget, but only when the words fit whole in `max_lines` and `room_h`: what
 * helps but is not needed, on a screen that may be short of room. Returns the height drawn
 * (0: left out). */
int w_text_whole(ui_ctx *c, const char *id, ui_role role, const char *s, ui_font font,
                 ui_color col, ui_color bg, int x, int y, int w, int max_lines, int room_h);

/* A rounded label: text on a coloured ground. Returns its width; height in *h. */
int w_pill(ui_ctx *c, int x, int y, const char *text, icon_id icon, ui_color fg, ui_color bg,
           ui_font font, int max_w, int *h, bool draw);

/* A row of facts or badges flowing left to right and onto the next line. */
typedef struct w_item {
    icon_id icon;
    const char *text;
    ui_color fg;
    ui_color bg;     /* chip ground (when chip) */
    bool chip;       /* drawn as a rounded chip; else icon + text on the card */
    ui_font font;
} w_item;
int w_flow(ui_ctx *c, const w_item *items, int n, int x, int y, int w, bool draw);

/* A message box: soft yellow, dark words, a pictogram. Returns its height. */
int w_notice(ui_ctx *c, const char *id, const char *text, icon_id icon, int x, int y, int w,
             int max_lines, bool draw);

/* The bar at the top of every screen but home: `back` at the start, a title, and the way
 * forward (`primary_id`, may be NULL) at the end; its buttons grow taller when the way
 * forward needs two or three lines for its words beside back. Returns the bar's height. */
int w_top_bar(ui_ctx *c, const char *title, const char *primary_id, const char *primary_label,
              icon_id primary_icon, bool primary_disabled);
/* True when `title` fits on the bar's own row beside back (an arrow at least) and the way
 * forward (`primary_label`, NULL for none), so it takes no row of its own. */
bool w_top_bar_fits(ui_ctx *c, const char *title, const char *primary_label,
                    icon_id primary_icon);

/* The on-screen keyboard of the screen's language (keyboard.h: its alphabet, shift, "-", ".",
 * space, backspace, and where needed the page and script keys) inside a box `w` wide at
 * (x, y) and at most `max_h` high (0: as low as the whole alphabet on one page needs); keys
 * at least L->target both ways. Returns the height it takes. */
int w_keyboard(ui_ctx *c, int x, int y, int w, int max_h, bool upper, bool draw);

/* The number pad (digit:0..digit:9 and key:backspace), growing like the keyboard. Returns its
 * height; its width in *wout. */
int w_numpad(ui_ctx *c, int x, int y, int w, int max_h, int *wout, bool draw);

/* A − value + stepper with a label: ids `<base>-` and `<base>+`, the value `<base>`, the
 * words `<base>-label`. Returns its height: L->btn_h, or the words' when they need two lines. */
int w_stepper(ui_ctx *c, const char *base, const char *label, int value, int min, int max,
               int x, int y, int w);

/* A big row with a check box that turns on and off; its words wrap (up to three lines), so
 * it is w_toggle_height high. */
int w_toggle_height(ui_ctx *c, const char *label, int w);
void w_toggle(ui_ctx *c, const char *id, const char *label, bool on, ui_rect r);

/* The scroll buttons `scroll-up` and `scroll-down`, disabled at the ends. */
void w_scroll_buttons(ui_ctx *c, ui_rect up, ui_rect down, int scroll, int scroll_max);

/* Opens the scrolled area `view` of a screen whose content is `content_h` high: clamps the
 * screen's scroll position, tells the ui how far it scrolls and by how much a button moves
 * it, clips drawing to the view and registers it as the `list` on `bg`. Returns the scroll
 * offset to draw the content at; *scroll_max gets the furthest it goes. w_scroll_end closes
 * the area again. */
int w_scroll_begin(ui_ctx *c, int screen, ui_rect view, int content_h, ui_color bg,
                   int *scroll_max);
void w_scroll_end(ui_ctx *c);

/* Fills the whole frame with the background colour. */
void w_background(ui_ctx *c);

#endif
