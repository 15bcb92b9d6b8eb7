/* theme: the colours and sizes of the kiosk, and the contrast rule they obey.
 *
 * Calm and warm: big white cards on a soft cream background, a deep colour per category
 * with a white pictogram, dark text. Every colour pair used for text is at least 7:1
 * (WCAG AAA); tests check it on every widget of every screen with ui_contrast.
 *
 * The layout scales with the window: `s` compares the window with the 800x480 panel (the
 * smallest supported), fonts grow a bit slower than the window so wide screens show more,
 * and everything that is touched is also at least a physical size (12 mm buttons, 9 mm
 * keys) from the screen's density.
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

/* The layout of one window size. */
typedef struct ui_layout {
    int w, h;
    bool portrait;
    double s;    /* window vs 800x480 (>= 1 for supported sizes) */
    double fs;   /* font and spacing scale: 1 at 800x480 */
    double ppm;  /* pixels per millimetre */
    int font[UI_FONT_COUNT];
    int margin;  /* outer margin */
    int gap;     /* between items */
    int pad;     /* inside cards and buttons */
    int radius;
    int btn_h;   /* >= 12 mm: every button */
    int key;     /* >= 9 mm: keyboard and number pad keys */
    int icon;    /* a pictogram beside text */
    int band_w;  /* category band of a card */
    int drag;    /* a move beyond this many px is a scroll, not a tap (~4 mm) */
    int col_min; /* narrowest column of cards */
    int border;  /* outline thickness */
} ui_layout;

#define UI_DEFAULT_PX_PER_MM 5.4 /* a 7" 800x480 panel */
#define UI_BUTTON_MM 12.0
#define UI_KEY_MM 9.0

void ui_layout_compute(ui_layout *L, int w, int h, double px_per_mm);

#endif
