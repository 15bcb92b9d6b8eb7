/* text: lines of text for the draw list, measured through the injected ui_measure.
 *
 * Word wrap on spaces, hard breaks on "\n", a word longer than the line set in a smaller size
 * of its face (text_wrap), or where even the smallest is too narrow broken between
 * characters (after its last hyphen that fits, where it has one), and an ellipsis ("…") on the last allowed line when the text does not fit.
 * A UTF-8 character is never split. Texts longer than TEXT_MAX_BYTES are cut (on a
 * character boundary) before wrapping; no text of the kiosk is that long.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_TEXT_H
#define VM_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/draw.h"

#define TEXT_MAX_BYTES 2048
#define TEXT_MAX_LINES 96

typedef enum text_align { ALIGN_START = 0, ALIGN_CENTER, ALIGN_END } text_align;

typedef struct text_line {
    int start, len;   /* byte range in the source text */
    bool ellipsis;    /* draw "…" after the range */
    int w;            /* measured width of the line as drawn */
} text_line;

typedef struct text_block {
    text_line line[TEXT_MAX_LINES];
    int n;
    int line_h;       /* height of one line in this font */
    int w;            /* widest line */
    int h;            /* n * line_h */
    bool cut;         /* something was lost: an ellipsis, or a word broken between
                         characters because it is wider than the line (layouts try another
                         arrangement when they see it) */
    bool word_broken; /* a word was broken between characters (it did not fit even in the
                         smallest size of its face) */
    ui_font font;     /* the font the block is set in: the one asked for, or a smaller size
                         of its face when a word was wider than the line (text_wrap) */
} text_block;

/* Width of one line of text (no wrapping): the sum of its pieces of one font when it mixes
 * Arabic with Latin letters or numbers (bidi.c), as it is drawn. */
int text_width(const ui_measure *ms, ui_font font, const char *s);

/* Mixed directions (bidi.c). A line of Arabic with a Latin name or a number cannot be drawn
 * by the renderer as one piece (one font, one direction): draw_text cuts it into runs of one
 * direction and one font, in visual order from the left. */
#define TEXT_BIDI_MAX_RUNS 64
typedef struct text_bidi_run {
    const char *text; /* in `buf`; already in visual order unless it is Arabic (the renderer
                         shapes and turns Arabic itself) */
    bool rtl;         /* a right-to-left run */
} text_bidi_run;
/* True when `s` in a line of this direction needs cutting: it has right-to-left letters, or
 * it is in a right-to-left line and has letters or numbers of another script. */
bool text_needs_bidi(const char *s, bool rtl);
/* The runs of `s` (one line) on a screen of direction `rtl`, left to right on the screen,
 * their texts written into `buf`. The line's own direction is the screen's when it has a
 * right-to-left letter, else left to right (a Danish sentence on an Arabic screen). Returns how many; 0 when it does not fit `max` or `size` (the
 * caller then draws the line whole). */
int text_bidi_runs(const char *s, bool rtl, text_bidi_run *out, int max, char *buf,
                   size_t size);
/* text_bidi_runs as the text is drawn through `ms`: in a Nastaliq measure the spaces at the
 * ends of an Arabic-script run are runs of their own (Noto Nastaliq Urdu gives them next to
 * no width). */
int text_runs_for(const ui_measure *ms, const char *s, bool rtl, text_bidi_run *out, int max,
                  char *buf, size_t size);
/* Height of one line in `font`: of Noto Sans's "Åg", or in a measure for Nastaliq (Urdu) the
 * height its ink takes, which is taller. */
int text_line_h(const ui_measure *ms, ui_font font);
/* Height of a line of `s`: text_line_h, but only as tall as Latin letters where `s` has no
 * Arabic letters (a Danish title or a time on an Urdu screen). text_wrap's blocks use it. */
int text_line_h_for(const ui_measure *ms, ui_font font, const char *s);
/* Where a run `run_h` high (as measured through `ms`) goes down from the top of a line
 * `line_h` high that the layout planned (text_line_h), so that its baseline is the line's:
 * Noto Sans Arabic and Noto Nastaliq Urdu stand taller than Noto Sans and set their
 * baselines lower. `run` is the run's text (its script says its font). */
int text_run_y(const ui_measure *ms, const char *run, int line_h, int run_h);

/* Wraps `s` into at most `max_lines` lines (<= TEXT_MAX_LINES; 0 means as many as allowed)
 * of at most `max_w` pixels. Where a single word is wider than `max_w`, the block is set in
 * the largest smaller size of the same face (HUGE, TITLE, BOLD; BODY, SMALL) in which every
 * word fits whole, never under the theme's least text size (every role is >= text_min);
 * only when none fits is the word broken, in `font`. `b->font` says which font was taken;
 * text_draw draws in it. */
void text_wrap(text_block *b, const ui_measure *ms, ui_font font, const char *s, int max_w,
               int max_lines);

/* Draws a wrapped block at (x, y) in a box `w` wide; `align` decides where a shorter line
 * sits (ALIGN_START is right-aligned for a right-to-left language: pass `rtl`). */
void text_draw(ui_frame *f, const text_block *b, const char *s, int x, int y, int w,
               ui_font font, ui_color c, text_align align, bool rtl);

/* True when `s` fits in `max_lines` lines of `max_w` without being cut (text_block.cut). */
bool text_fits(const ui_measure *ms, ui_font font, const char *s, int max_w, int max_lines);

/* Copies `s` into `out`, cut with "…" so it fits `max_w`. Returns the width. */
int text_fit(const ui_measure *ms, ui_font font, const char *s, int max_w, char *out,
             size_t size);

/* Appends one code point to a name buffer (`size` bytes) if it stays within `max_chars`
 * characters; false when it would not fit. */
bool text_append_cp(char *buf, size_t size, size_t max_chars, unsigned cp);

/* Removes the last character; false when empty. */
bool text_backspace(char *buf);

/* Upper case of a Latin-1 letter (a-z, æ ø å é ...); anything else unchanged. */
unsigned text_upper_cp(unsigned cp);

/* The first character of `s` in lower case (for a day name inside a sentence), in place. */
void text_lower_first(char *s);

#endif
