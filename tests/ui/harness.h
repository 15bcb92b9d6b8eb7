/* harness: drives the ui like a resident would, on a fake clock, with a fixed-width font.
 *
 * A model of a Danish estate's week is built in C around "now" (Tuesday 24 November 2026,
 * 10:00 in Copenhagen). Every frame built through the harness is checked: contrast of every
 * widget and every text against what it is drawn on, and, on the public screens, that no
 * name typed in a flow appears anywhere in the frame's strings.
 */
#ifndef VM_TESTS_UI_HARNESS_H
#define VM_TESTS_UI_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/i18n.h"
#include "checks.h"
#include "ui/ui.h"

/* The fake font: characters about as wide as Noto Sans Regular's (narrow i and l, wide m
 * and æ, 0.56 em for most, Arabic letters 0.46 em), a line 1.36 em high. */
void h_measure_size(void *ctx, ui_font font, const char *utf8, int *w, int *h);
/* The same in a face: a text with Arabic letters in Nastaliq is as high as Noto Nastaliq
 * Urdu's line (2.5 em), so an Urdu layout is as tall as it is on the kiosk; the harness
 * a test sets it as h->ms.size_face. (Naskh keeps the Latin height: its letters fit a Latin
 * line.) */
void h_measure_size_face(void *ctx, ui_font font, ui_face face, const char *utf8, int *w,
                         int *h);

/* The model's entries, in the order of their start (as the app gives them). */
enum {
    E_GAMMEL = 0, /* yesterday: over, not shown */
    E_KAFFE,      /* morgenkaffe 09:30-11:00: in progress ("Nu") */
    E_GAA,        /* gåtur today 10:20 ("om 20 min."), Bare kom */
    E_SPIS,       /* fællesspisning today 18:00, 5 of 30 left, household, deadline 12:00,
                     helper tasks, a QR code */
    E_STRIK,      /* strikkecafé tomorrow, no limit ("Der er plads til dig") */
    E_LEKTIE,     /* lektiecafé tomorrow, 1 place left */
    E_BANKO,      /* banko Thursday: full, 2 waiting */
    E_FOREDRAG,   /* talk Friday, deadline passed */
    E_VAERKSTED,  /* værksted next Monday: helpers only */
    E_FEST,       /* julefest in December: cancelled */
    E_COUNT
};

typedef struct harness {
    ui *u;
    ui_model m;
    ui_entry entries[E_COUNT];
    activity acts[E_COUNT]; /* what the entries show, as the store gives it: a test that
                               changes a text changes it here and calls h_sync */
    ui_arena text;          /* the entries' texts */
    i18n_catalog *langs[3];
    size_t n_langs;
    ui_measure ms;
    ui_frame f;
    int64_t now_ms;
    int width, height;
    const char *secret;   /* a typed name that must never show on a public screen */
    bool check_layout;    /* also check bounds, overlaps and the people's sizes (16 mm targets,
                             22 pt text: h_check_sizes) on every frame */
    double ppm;           /* the panel's pixels per millimetre */
    bool check_words;     /* also check that no word is lost (h_check_words); off only for
                             texts made too long on purpose */
    uint8_t qr[21 * 21];
    size_t frames;        /* frames built and checked */
} harness;

#define H_NOW "2026-11-24 10:00"

/* A harness at this window size with Danish and English (langs[0] = da), on the usual panel
 * of that resolution (7" for 800x480, 10.1" for 1280x800, 21.5" for 1920x1080: theme.h). */
harness *h_new(int width, int height);
/* The same on a panel of this diagonal. */
harness *h_new_panel(int width, int height, double inches);
void h_free(harness *h);
/* Fills every entry's act from h->acts again, as the app does at a reload (the counts and
 * codes stay; the generation is the test's to change). */
void h_sync(harness *h);

/* The checks of every frame (checks.h): placement, the people's sizes on h->ppm, words. */
void h_check_frame(harness *h);
/* Rebuilds the frame and checks it. */
void h_build(harness *h);
/* The widget `id` in the current frame (asserts that it is there). */
const ui_widget *h_widget(harness *h, const char *id);
/* True when the current frame has `id`. */
bool h_has(harness *h, const char *id);
/* Advances the clock past the press guard, then down + up at the widget's centre; rebuilds. */
void h_tap(harness *h, const char *id);
/* down + up at a point without advancing the clock; returns whether ui_handle said changed. */
void h_tap_at(harness *h, int x, int y, int64_t advance_ms);
/* A press (down) or release (up) at a point, now; rebuilds; returns ui_handle's answer. */
bool h_press(harness *h, int x, int y);
bool h_release(harness *h, int x, int y);
/* Types `text` on the on-screen keyboard (shift as needed); rebuilds. */
void h_type(harness *h, const char *text);
/* Taps digit:N for each digit of `code`. */
void h_digits(harness *h, const char *code);
/* Advances the clock and lets the ui tick; returns ui_tick's answer. */
bool h_advance(harness *h, int64_t ms);
/* True when some DRAW_TEXT of the frame equals / contains `s`. */
bool h_text_equals(const harness *h, const char *s);
bool h_text_contains(const harness *h, const char *s);
/* True when some widget label contains `s`. */
bool h_label_contains(const harness *h, const char *s);
/* The screen name of the frame. */
const char *h_screen(const harness *h);

/* Scrolls the current screen to its top with the scroll-up button. */
void h_scroll_top(harness *h);
/* Scrolls from the top down until widget `id` shows; asserts that it does. */
const ui_widget *h_scroll_to(harness *h, const char *id);
/* From home: the language chooser, then language `i` (back on home). */
void h_choose_lang(harness *h, size_t i);
/* From home: the whole program (today's leaf), at its top. */
void h_open_program(harness *h);
/* Opens the detail of entry `e` from home (scrolling down to its card in the week, or to it
 * in the whole program when it is not this week). */
void h_open_detail(harness *h, int e);

#endif
