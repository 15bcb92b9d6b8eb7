/* flow: the pieces the join and cancel flows share (name, code, messages).
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_FLOW_H
#define VM_UI_FLOW_H

#include "ui/widgets.h"

/* Whether the next letter is a capital (automatic at the start of a name part, inverted by
 * the shift key). */
bool flow_upper(const ui *u);
/* True when the typed name has something besides spaces. */
bool flow_name_ok(const ui *u);
/* A tap on the name screen of either flow: `back` leaves the flow for the detail screen,
 * `next` goes on to `next` when a name was typed (else says so), keys type. */
void flow_name_tap(ui *u, const ui_model *m, const char *id, ui_screen_id next, int64_t now_ms);
/* Characters from a physical keyboard: name characters, or digits for the code. */
void flow_text_input(ui *u, const char *text, bool letters);
/* The words of the flow's current message ("" for none). */
const char *flow_msg_text(const ui_ctx *c, char *buf, size_t size);

/* The whole name screen of either flow: a top bar with `question` and `next`, then
 * flow_name_body; or, where the keys at 16 mm need the room, one bar of back, the field
 * (the question in it while it is empty, a message in it while there is one) and next, and
 * the keyboard under it. */
void flow_name_screen(ui_ctx *c, const char *question, const char *line, bool is_msg);
/* The name screen under its top bar: the field `name`, a line (a message when is_msg, else
 * what is being joined), and the keyboard. */
void flow_name_body(ui_ctx *c, int top, const char *line, bool is_msg);
/* Four boxes with the digits typed so far (widget `code`). Returns the height. */
int flow_code_boxes(ui_ctx *c, int x, int y, int w, bool draw);

/* The number pad: beside the words (landscape, `side_w` wide, as measured with the screen's
 * height) or under them (portrait, from content_end down), keys as big as there is room. */
void flow_numpad(ui_ctx *c, int top, int content_end, int side_w);

#endif
