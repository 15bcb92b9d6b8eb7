/* keyboard: the letters a resident can type a name with, in the language of the screen.
 *
 * Each language the kiosk speaks has its alphabet, in the order it is taught (a name is found
 * the way one looks a word up, not by a typist's habit): Danish a-z æ ø å; English a-z and
 * é ñ ö ü; Turkish with ç ğ ı i ö ş ü (no q w x); Somali's Latin letters and its glottal
 * stop '; Arabic's letters with the hamza forms, ة and ى; Urdu's with ٹ ڈ ڑ ں ہ ھ ے.
 * Arabic and Urdu have a key to Latin letters (a Danish name on an Arabic screen) and back.
 * Keys are at least L->target (16 mm) both ways: where the alphabet does not fit the room
 * at that size, it goes on pages with a key to the next one, it never shrinks.
 *
 * Key ids: KB_KEY followed by the letter (lower case) or by one of the control names below;
 * the number pad's digits are KB_DIGIT followed by the digit. The names are written here once,
 * for the keyboard that draws the keys and the flows and screens that take their taps.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_KEYBOARD_H
#define VM_UI_KEYBOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/widgets.h"

#define KB_KEY "key:"        /* the id of a key: KB_KEY "a", KB_KEY KB_SHIFT, ... */
#define KB_DIGIT "digit:"    /* a digit of the number pad: KB_DIGIT "7" */
#define KB_SHIFT "shift"     /* the next letter as a capital */
#define KB_DASH "-"
#define KB_DOT "."
#define KB_SPACE "space"
#define KB_BACKSPACE "backspace"
#define KB_PAGE "page"       /* the next page of letters */
#define KB_SCRIPT "script"   /* Latin <-> the language's own script */

typedef struct kb_layout {
    const char *name;              /* "da", "en", "tr", "so", "ar", "ur", "latin" */
    const char *const *letters;    /* UTF-8, one letter each, lower case */
    int n;
    bool rtl;                      /* laid out from the right */
    bool cased;                    /* has capitals (a shift key) */
    bool turkish_i;                /* i/İ and ı/I */
    const struct kb_layout *other; /* what the script key switches to (NULL: no key) */
    const char *script_label;      /* what the script key says to come here: "ABC", "أبت" */
} kb_layout;

/* The layout of a language (its code, "ar_SY" as "ar"); Danish for one without its own.
 * `latin`: the Latin letters a right-to-left language's script key switches to. */
const kb_layout *kb_layout_for(const char *lang, bool latin);
/* The layout a flow shows now: the screen's language, switched by the script key. */
const kb_layout *kb_current(const ui *u, const ui_model *m);

/* The capital of a letter in this layout (Turkish i -> İ, ı -> I); itself when it has none. */
uint32_t kb_upper(const kb_layout *k, uint32_t cp);

/* How the keys of `k` fall in a box `w` wide and at most `max_h` high (0: as low as one page
 * of the whole alphabet needs): columns of keys at least L->target wide (11 at most), and as
 * many rows as the alphabet needs or the box allows, then pages. */
typedef struct kb_plan {
    int cols, rows;
    int key_w, key_h, gap;         /* gap: between keys in a row */
    int vgap;                      /* between rows: thinner where a row more fits so */
    int pages, per_page;           /* letters on each page */
    bool lean;                     /* without shift, to keep a script's Latin on one page */
} kb_plan;
void kb_plan_for(const ui_ctx *c, const kb_layout *k, int w, int max_h, kb_plan *p);
/* The pages the keyboard of the screen (w_keyboard's) needs in a box `w` by `max_h`. */
int kb_pages(const ui_ctx *c, int w, int max_h);

#endif
