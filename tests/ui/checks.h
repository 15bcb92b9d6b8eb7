/* checks: what every frame must be, measured from its draw list and widgets. Used by the ui
 * harness on every frame it builds (a fake font) and by tests/render on frames measured with
 * the real fonts. Each fails the running cmocka test with a message that names the screen,
 * the size and what is wrong.
 *
 *   h_check_contrast  every widget and every text >= 7:1 against what it is drawn on (a
 *                     disabled button with no words, a faded arrow, is exempt: WCAG 1.4.3)
 *   h_check_layout    every widget on the window; tappable ones do not overlap; and
 *                     h_check_sizes
 *   h_check_sizes     the people's budgets in millimetres on the panel (DESIGN.md, theme.h):
 *                     every tappable widget >= UI_TARGET_MM (16 mm) both ways, unless its
 *                     scrolled list cuts it; every text's font >= UI_TEXT_MIN_MM (22 pt)
 *   h_check_words     no lost words: no text cut with an ellipsis (unless the words are a
 *                     widget's whole label, as "Et øjeblik…"), no word broken between two
 *                     lines, no text sticking out of the rectangle it is drawn on, the
 *                     window, or (unless scrolled) the widget it belongs to
 *   h_check_no_secret a typed name nowhere in the frame
 *
 * A test of a part of a screen (the keyboard) can call any of them on its frame.
 */
#ifndef VM_TESTS_UI_CHECKS_H
#define VM_TESTS_UI_CHECKS_H

#include "ui/draw.h"

void h_check_contrast(const ui_frame *f);
void h_check_layout(const ui_frame *f, const int font_px[UI_FONT_COUNT], double px_per_mm);
/* The first half of h_check_layout: on the window, no tappable widget over another. */
void h_check_placement(const ui_frame *f);
void h_check_sizes(const ui_frame *f, const int font_px[UI_FONT_COUNT], double px_per_mm);
void h_check_words(const ui_frame *f);
/* No button that has the room shows only its pictogram: a button with a label, at least
 * twice as wide as tall and as a pictogram (font_px[UI_FONT_BODY] * 1.25), draws some of its
 * words. The scroll arrows (pictograms by design) and buttons partly scrolled out of their
 * list are left alone. */
void h_check_button_words(const ui_frame *f, const int font_px[UI_FONT_COUNT]);
void h_check_no_secret(const ui_frame *f, const char *secret);

#endif
