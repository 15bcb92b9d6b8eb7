/* flow: the pieces the join and cancel flows share (name, code, messages).
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_FLOW_H
#define VM_UI_FLOW_H

#include "ui/screen.h"
#include "ui/widgets.h"

/* Whether the next letter is a capital (automatic at the start of a name part, inverted by
 * the shift key). */
bool flow_upper(const ui *u);
/* True when the typed name has something besides spaces. */
bool flow_name_ok(const ui *u);
/* The flows' shared widgets, for their tables (screen.h):
 *   back on a name screen   flow_tap_leave: the flow is left for the detail screen
 *   key:<k> on a keyboard   flow_tap_name_key: types into the name (shift, page, space, ...)
 *   key:backspace, digit:<d> on a number pad   flow_tap_code_key, flow_tap_code_digit */
void flow_tap_leave(ui *u, const ui_model *m, const char *arg, int64_t now_ms);
void flow_tap_name_key(ui *u, const ui_model *m, const char *arg, int64_t now_ms);
void flow_tap_code_key(ui *u, const ui_model *m, const char *arg, int64_t now_ms);
void flow_tap_code_digit(ui *u, const ui_model *m, const char *arg, int64_t now_ms);
/* `next` on a name screen: on to `next` when a name was typed, else says so. */
void flow_name_next(ui *u, ui_screen_id next, int64_t now_ms);
/* The may_tap of a flow for an activity: home when the activity has gone; nothing while
 * the app answers. */
bool flow_may_tap(ui *u, const ui_model *m, int64_t now_ms);
/* Characters from a physical keyboard: name characters, or digits for the code. */
void flow_text_input(ui *u, const char *text, bool letters);
/* The same as the `text` of a name screen and of a code screen (screen.h). */
void flow_text_name(ui *u, const ui_model *m, const char *text, int64_t now_ms);
void flow_text_code(ui *u, const ui_model *m, const char *text, int64_t now_ms);
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
