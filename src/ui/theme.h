/* theme: the colours and sizes of the kiosk, and the contrast rule they obey.
 *
 * Calm and warm: big white cards on a soft cream background, a deep colour per category
 * with a white pictogram, dark text. Every colour pair used for text is at least 7:1
 * (WCAG AAA); tests check it on every widget of every screen with ui_contrast.
 *
 * The layout comes from the panel: its resolution and its size (screen_inches), so the
 * people's budgets of DESIGN.md hold in millimetres on the glass:
 *   - every tappable target is at least UI_TARGET_MM (16 mm) both ways (L->target, and
 *     L->btn_h and L->key, which are never less);
 *   - every text is at least 22 pt (UI_TEXT_MIN_MM, 7.76 mm of font size; L->text_min).
 * On a big screen the sizes also grow with the window (`fs`: fonts a bit slower than the
 * window, so a wide screen shows more), whichever is larger. A screen that cannot fit what
 * it has at these sizes changes its layout (fewer things, another arrangement); it never
 * draws smaller. tests/ui (h_check_sizes) measures every frame against these limits.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_THEME_H
#define VM_UI_THEME_H

#include <stdbool.h>

#include "core/activity.h"
#include "ui/draw.h"

static inline ui_color ui_rgb(unsigned hex)
{
    return (ui_color){(uint8_t)(hex >> 16), (uint8_t)(hex >> 8), (uint8_t)hex, 255};
}

/* Palette. */
#define COL_BG ui_rgb(0xF6F1E7)          /* soft warm background */
#define COL_CARD ui_rgb(0xFFFFFF)        /* cards, bars, secondary buttons */
#define COL_TEXT ui_rgb(0x1E1E1E)        /* all main text */
#define COL_TEXT_SOFT ui_rgb(0x3A3A3A)   /* secondary text, still > 7:1 on white and cream */
#define COL_LINE ui_rgb(0x8A8175)        /* outlines of white buttons and fields */
#define COL_CHIP ui_rgb(0xEFE9DD)        /* badge chips, pressed white buttons */
#define COL_PRESSED_LIGHT ui_rgb(0xD9D2C3)
#define COL_DISABLED_BG ui_rgb(0xE8E2D6)
#define COL_DISABLED_TEXT ui_rgb(0x3A3A3A)
#define COL_FADED ui_rgb(0x9C9488)       /* the pictogram of a button that is off (no words) */
#define COL_PRIMARY ui_rgb(0x14532D)     /* join, next, confirm: deep green, white text */
#define COL_PRIMARY_PRESSED ui_rgb(0x0B3B1E)
#define COL_WHITE ui_rgb(0xFFFFFF)
#define COL_OPEN ui_rgb(0x14532D)        /* "3 ledige pladser" */
#define COL_FULL ui_rgb(0x7C2D12)        /* "Fuldt – venteliste": warm, not alarming */
#define COL_CLOSED ui_rgb(0x3A3A3A)      /* "Tilmelding lukket", "Aflyst" */
#define COL_SOON ui_rgb(0x0B3D91)        /* "om 20 min." pill */
#define COL_NOTICE ui_rgb(0xFFF3C4)      /* messages: soft yellow, dark text */
#define COL_SELECTED ui_rgb(0x14532D)
#define COL_OK_NOTICE ui_rgb(0xDCF2E3)   /* a success message: soft green, dark text */

/* The idle screen: light words on a dark ground, so a screen that is on all day is calm and
 * wears less. Every text colour is >= 7:1 on COL_DARK_BG and COL_DARK_PANEL. */
#define COL_DARK_BG ui_rgb(0x101418)
#define COL_DARK_PANEL ui_rgb(0x1C232B)  /* the ground of a highlight */
#define COL_DARK_TEXT ui_rgb(0xF4F1EA)
#define COL_DARK_SOFT ui_rgb(0xCFCAC0)   /* place, date */
#define COL_DARK_OPEN ui_rgb(0x9BE3B0)   /* places left */
#define COL_DARK_FULL ui_rgb(0xF9C38F)   /* waiting list */
#define COL_BLACK ui_rgb(0x000000)       /* the night */

/* The deep colour of a category band (white pictogram on it). */
ui_color ui_category_color(category c);

/* WCAG 2 contrast ratio of two colours (1..21), alpha ignored. */
double ui_contrast(ui_color a, ui_color b);

/* The people's budgets, in millimetres on the panel (DESIGN.md). */
#define UI_TARGET_MM 16.0                        /* every tappable target, both ways */
#define UI_TEXT_MIN_PT 22.0                      /* every text ... */
#define UI_TEXT_MIN_MM (UI_TEXT_MIN_PT * 25.4 / 72.0) /* ... = 7.76 mm of font size (em) */
#define UI_BUTTON_MM UI_TARGET_MM                /* buttons, cards, toggles, steppers */
#define UI_KEY_MM UI_TARGET_MM                   /* keyboard and number pad keys */

/* The layout of one window size. */
typedef struct ui_layout {
    int w, h;
    bool portrait;
    double s;    /* window vs 800x480 (>= 1 for supported sizes) */
    double fs;   /* the scale of the fonts against their 800x480 design sizes (BODY 24 px):
                    >= 1; on a 7" 800x480 panel 41/24, from the 22 pt minimum */
    double sp;   /* the scale of margins and gaps: the window's, >= 1 */
    double ppm;  /* pixels per millimetre on the panel */
    int font[UI_FONT_COUNT]; /* each >= text_min */
    int target;  /* UI_TARGET_MM in px, rounded up: the least any tap target may be */
    int text_min; /* UI_TEXT_MIN_MM in px, rounded up: the least font size */
    int margin;  /* outer margin */
    int gap;     /* between items */
    int pad;     /* inside cards and buttons */
    int radius;
    int btn_h;   /* >= target: every button */
    int key;     /* >= target: keyboard and number pad keys */
    int icon;    /* a pictogram beside text */
    int band_w;  /* category band of a card */
    int drag;    /* a move beyond this many px is a scroll, not a tap (~4 mm) */
    int col_min; /* narrowest column of cards */
    int border;  /* outline thickness */
} ui_layout;

/* Pixels per millimetre of a panel of `w` x `h` pixels and this diagonal; inches <= 0: the
 * usual panel of that resolution (ui_panel_inches). */
double ui_px_per_mm(int w, int h, double inches);
/* The diagonal of the panel usually sold with this resolution (either way round): 7" for
 * 800x480 and 1024x600, 10.1" for 1280x800, 15.6" for 1366x768, 21.5" for 1920x1080, 24" for
 * 1920x1200, 27" for 2560x1440 and up; other sizes as dense as the 7" 800x480 panel up to
 * 1024 px on the long side, else as a 100 dpi monitor. */
double ui_panel_inches(int w, int h);

/* The layout of a `w` x `h` window on a panel of `px_per_mm` (<= 0: ui_px_per_mm(w, h, 0)). */
void ui_layout_compute(ui_layout *L, int w, int h, double px_per_mm);

#endif
