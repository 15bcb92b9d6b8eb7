/* flow: what the join and cancel flows share: the name typed on the keyboard, the 4-digit
 * code on the number pad, and the friendly messages about them. */
#include <stdio.h>
#include <string.h>

#include "core/code.h"
#include "core/utf8.h"
#include "ui/flow.h"
#include "ui/keyboard.h"
#include "ui/nav.h"

/* The keyboard writes a capital at the start of the name and of each part ("Anne-Marie",
 * "K.J."), unless shift was tapped to say otherwise. */
bool flow_upper(const ui *u)
{
    size_t len = strlen(u->flow.name);
    char last = len ? u->flow.name[len - 1] : ' ';
    bool auto_upper = last == ' ' || last == '-' || last == '.';
    return auto_upper != u->flow.shift;
}

bool flow_name_ok(const ui *u)
{
    char clean[SIGNUP_NAME_BYTES];
    utf8_clean_line(u->flow.name, clean, sizeof clean);
    return clean[0] != '\0';
}

static void append_name_cp(ui *u, uint32_t cp)
{
    ui_flow *fl = &u->flow;
    if (cp == ' ') {
        size_t len = strlen(fl->name);
        if (len == 0 || fl->name[len - 1] == ' ')
            return; /* no leading or double spaces */
    }
    if (!text_append_cp(fl->name, sizeof fl->name, SIGNUP_NAME_MAX, cp)) {
        fl->msg = MSG_NAME_LIMIT;
        return;
    }
    fl->msg = utf8_length(fl->name) >= SIGNUP_NAME_MAX ? MSG_NAME_LIMIT : MSG_NONE;
}

static void append_digit(ui *u, char d)
{
    ui_flow *fl = &u->flow;
    size_t len = strlen(fl->code);
    if (len >= CODE_DIGITS) {
        fl->msg = MSG_CODE_FULL;
        return;
    }
    fl->code[len] = d;
    fl->code[len + 1] = '\0';
    fl->msg = MSG_NONE;
}

/* A key of the on-screen keyboard: `key` is its name after KB_KEY (a letter or a control),
 * `kb` its layout (for capitals). */
static void letter_key_tap(ui *u, const char *key, const kb_layout *kb)
{
    ui_flow *fl = &u->flow;
    if (strcmp(key, KB_SHIFT) == 0) {
        fl->shift = !fl->shift;
    } else if (strcmp(key, KB_PAGE) == 0) {
        fl->kb_page++; /* the keyboard takes it modulo its pages */
    } else if (strcmp(key, KB_SCRIPT) == 0) {
        fl->kb_latin = !fl->kb_latin;
        fl->kb_page = 0;
    } else if (strcmp(key, KB_BACKSPACE) == 0) {
        text_backspace(fl->name);
        fl->msg = MSG_NONE;
    } else if (strcmp(key, KB_SPACE) == 0) {
        append_name_cp(u, ' ');
    } else {
        uint32_t cp;
        size_t n = utf8_decode(key, strlen(key), &cp);
        if (!n || key[n] != '\0' || cp == 0xFFFD)
            return;
        if (flow_upper(u))
            cp = kb_upper(kb, cp);
        append_name_cp(u, cp);
        fl->shift = false;
    }
}

void flow_text_input(ui *u, const char *text, bool letters)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(text + i, len - i, &cp);
        if (letters) {
            /* a physical keyboard: letters, digits, marks; no emoji, no control characters */
            if (cp == ' ' || utf8_is_name_char(cp))
                append_name_cp(u, cp);
        } else if (cp >= '0' && cp <= '9') {
            append_digit(u, (char)cp);
        }
    }
}

const char *flow_msg_text(const ui_ctx *c, char *buf, size_t size)
{
    const ui_flow *fl = &c->u->flow;
    switch (fl->msg) {
    case MSG_NAME_EMPTY:
        return tr(c, "Please type your first name or your initials");
    case MSG_NAME_LIMIT:
        if (c->u->screen == SCR_WISH)
            i18n_format(buf, size, tr(c, "A wish can have at most %d letters"), WISH_MAX);
        else
            i18n_format(buf, size, tr(c, "A name can have at most %d letters"), SIGNUP_NAME_MAX);
        return buf;
    case MSG_CODE_SHORT:
        return tr(c, "The code must have 4 digits");
    case MSG_CODE_FULL:
        return tr(c, "The code has its 4 digits");
    case MSG_NUMBER_SHORT:
        return fl->by_flat ? tr(c, "Type your flat number")
                           : tr(c, "At least 8 digits");
    case MSG_NUMBER_FULL:
        return tr(c, "The number is as long as it can be");
    case MSG_WISH_EMPTY:
        return tr(c, "Write a few words");
    case MSG_APP:
        return fl->app_msg;
    case MSG_TASK_FULL:
        return tr(c, "This task has enough hands. Thank you for offering!");
    case MSG_WHY_CLOSED:
    case MSG_NONE:
        break;
    }
    return "";
}

/* The typed name, big, in a white field; the end stays visible when it is long. */
static int name_field(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const char *name = c->u->flow.name;
    int lh = text_line_h(c->ms, UI_FONT_TITLE);
    int h = lh + L->pad;
    if (!draw)
        return h;
    ui_rect r = rect_make(x, y, w, h);
    draw_rect(c->f, r, COL_CARD, L->radius / 2);
    draw_frame(c->f, r, COL_TEXT, L->border, L->radius / 2);
    int room = w - 2 * L->pad - L->border * 2;
    const char *shown = name;
    /* drop characters from the start until the end fits */
    while (*shown && text_width(c->ms, UI_FONT_TITLE, shown) > room) {
        uint32_t cp;
        shown += utf8_decode(shown, strlen(shown), &cp);
    }
    int tw = text_width(c->ms, UI_FONT_TITLE, shown);
    int tx = c->rtl ? x + w - L->pad - tw : x + L->pad;
    int ty = y + (h - lh) / 2;
    if (*shown) {
        draw_text(c->f, tx, ty, tw, lh, UI_FONT_TITLE, COL_TEXT, shown);
    } else {
        /* what to write, where it fits whole (a message beside a narrow field says it) */
        const char *ph = tr(c, "First name or initials");
        int pw = text_width(c->ms, UI_FONT_BODY, ph);
        int plh = text_line_h(c->ms, UI_FONT_BODY);
        if (pw <= room)
            draw_text(c->f, c->rtl ? x + w - L->pad - pw : x + L->pad, y + (h - plh) / 2, pw, plh,
                      UI_FONT_BODY, COL_TEXT_SOFT, ph);
    }
    /* the caret */
    int caret_x = c->rtl ? tx - L->border * 2 : (*shown ? tx + tw + L->border : x + L->pad);
    draw_rect(c->f, rect_make(caret_x, ty, L->border, lh), COL_TEXT, 0);
    ui_widget *wd = ui_frame_widget(c->f, "name", UI_ROLE_INPUT, name, r, 0);
    if (wd) {
        wd->fg = COL_TEXT;
        wd->bg = COL_CARD;
    }
    return h;
}

/* ---- the whole name screen, on a screen too low for a bar, a field, a line and the keys */

/* The short form of a message, for the field of the compact screen. */
static const char *short_msg(const ui_ctx *c, char *buf, size_t size)
{
    switch (c->u->flow.msg) {
    case MSG_NAME_EMPTY:
        return tr(c, "Write your name first");
    case MSG_NAME_LIMIT:
        i18n_format(buf, size, tr(c, "At most %d letters"), SIGNUP_NAME_MAX);
        return buf;
    default:
        return flow_msg_text(c, buf, size);
    }
}

/* The field in the bar: the name (its end when long), else the question in soft words, or the
 * message on the yellow of a notice. Widget `name` (and `message`). */
static void bar_field(ui_ctx *c, ui_rect r, const char *question)
{
    const ui_layout *L = c->L;
    const char *name = c->u->flow.name;
    char buf[160];
    const char *msg = short_msg(c, buf, sizeof buf);
    ui_font font = UI_FONT_TITLE;
    int lh = text_line_h(c->ms, font);
    if (lh + L->pad > r.h) {
        font = UI_FONT_BOLD;
        lh = text_line_h(c->ms, font);
    }
    int room = r.w - 2 * L->pad - 2 * L->border;
    draw_rect(c->f, r, *msg ? COL_NOTICE : COL_CARD, L->radius / 2);
    draw_frame(c->f, r, COL_TEXT, L->border, L->radius / 2);
    ui_widget *wd = ui_frame_widget(c->f, "name", UI_ROLE_INPUT, name, r, 0);
    if (wd) {
        wd->fg = COL_TEXT;
        wd->bg = *msg ? COL_NOTICE : COL_CARD;
    }
    if (*msg) {
        /* the message where the name was, until the next key: as many lines as the field
         * holds, the warning sign before where the words leave it room (the yellow ground
         * says it too) */
        int mlh = text_line_h(c->ms, UI_FONT_BOLD);
        int icon = mlh;
        int tw = room - icon - L->gap;
        int lines = (r.h - L->pad / 2) / mlh;
        if (!text_fits(c->ms, UI_FONT_BOLD, msg, tw, lines > 0 ? lines : 1)) {
            icon = 0;
            tw = room;
        }
        text_block b;
        text_wrap(&b, c->ms, UI_FONT_BOLD, msg, tw, lines > 0 ? lines : 1);
        int ty = r.y + (r.h - b.h) / 2;
        int ix = c->rtl ? r.x + r.w - L->pad - icon : r.x + L->pad;
        int tx = c->rtl || !icon ? r.x + L->pad : ix + icon + L->gap;
        if (icon)
            draw_icon(c->f, rect_make(ix, r.y + (r.h - icon) / 2, icon, icon), ICON_WARNING,
                      COL_TEXT);
        text_draw(c->f, &b, msg, tx, ty, tw, UI_FONT_BOLD, COL_TEXT, ALIGN_START, c->rtl);
        w_register(c, "message", UI_ROLE_TEXT, msg, r, 0, COL_TEXT, COL_NOTICE);
        return;
    }
    const char *shown = name;
    while (*shown && text_width(c->ms, font, shown) > room) {
        uint32_t cp;
        shown += utf8_decode(shown, strlen(shown), &cp);
    }
    int tw = text_width(c->ms, font, shown);
    /* a name in Arabic letters stands at the right, whatever the screen's direction */
    bool right = text_needs_bidi(shown, false) ? true : c->rtl;
    int tx = right ? r.x + r.w - L->pad - tw : r.x + L->pad;
    int ty = r.y + (r.h - lh) / 2;
    if (*shown) {
        draw_text(c->f, tx, ty, tw, lh, font, COL_TEXT, shown);
    } else {
        int plh = text_line_h(c->ms, UI_FONT_BODY);
        const char *ph = question;
        if (text_width(c->ms, UI_FONT_BODY, ph) > room)
            ph = tr(c, "First name or initials");
        int pw = text_width(c->ms, UI_FONT_BODY, ph);
        int clear = 3 * L->border; /* the caret stands before it */
        if (pw <= room - clear) {
            ui_rect pr = rect_make(right ? r.x + r.w - L->pad - clear - pw : r.x + L->pad + clear,
                                   r.y + (r.h - plh) / 2, pw, plh);
            draw_text(c->f, pr.x, pr.y, pw, plh, UI_FONT_BODY, COL_TEXT_SOFT, ph);
            /* the question is the screen's title, as the bar of the other screens has it */
            w_register(c, "title", UI_ROLE_HEADING, ph, pr, 0, COL_TEXT_SOFT, COL_CARD);
        }
    }
    int caret_x = right ? tx - L->border * 2 : (*shown ? tx + tw + L->border : r.x + L->pad);
    draw_rect(c->f, rect_make(caret_x, ty, L->border, lh), COL_TEXT, 0);
}

/* The name screen when the keys take the screen: back, the field and next in one bar, the
 * keyboard under it as big as the rest allows. Where the question does not fit in a field
 * does not fit in a field between the buttons (a panel standing up) and a row more for the
 * field costs the keys no page, or a message does not fit there, the field has a row of its
 * own under back and next. */
static void compact_name_screen(ui_ctx *c, const char *question)
{
    const ui_layout *L = c->L;
    int bar_h = L->btn_h + L->margin;
    /* the keys to the edges but for half a margin: one more column of 16 mm may fit */
    int side = L->margin / 2;
    int full_w = L->w - 2 * side;
    int kb_max = L->h - side - (bar_h + L->gap / 2);
    /* a field of its own row is as high as the name in bold needs: it is no button */
    int field_h = text_line_h(c->ms, UI_FONT_BOLD) + L->pad;
    int field_row = field_h + L->gap / 2;

    const char *next = tr(c, "Next");
    int next_w = w_button_width(c, next, ICON_NONE, UI_FONT_BOLD);
    if (next_w < L->btn_h * 3 / 2)
        next_w = L->btn_h * 3 / 2;
    int back_w = L->btn_h;
    /* next says its word whole; the field keeps two keys' width at least for the name */
    int next_max = L->w - 2 * L->margin - back_w - 2 * L->gap - 2 * L->target;
    if (next_w > next_max)
        next_w = next_max;
    int field_w = L->w - 2 * L->margin - back_w - next_w - 2 * L->gap;
    int room = field_w - 2 * L->pad - 2 * L->border - 3 * L->border;
    char msg_buf[160];
    const char *msg = short_msg(c, msg_buf, sizeof msg_buf);
    /* a message is said whole, even where its row costs the keys a page until the next key */
    bool msg_needs_row = *msg && !text_fits(c->ms, UI_FONT_BOLD, msg, room, 1);
    bool own_row = kb_max - field_row > 0 &&
                   (msg_needs_row ||
                    (text_width(c->ms, UI_FONT_BODY, question) > room &&
                     kb_pages(c, full_w, kb_max - field_row) <= kb_pages(c, full_w, kb_max)));

    int by = L->margin / 2;
    ui_rect rb = rect_make(L->margin, by, back_w, L->btn_h);
    ui_rect rn = rect_make(L->w - L->margin - next_w, by, next_w, L->btn_h);
    ui_rect rf = rect_make(L->margin + back_w + L->gap, by, field_w, L->btn_h);
    if (c->rtl) {
        rb.x = L->w - L->margin - back_w;
        rn.x = L->margin;
        rf.x = L->margin + next_w + L->gap;
    }
    if (own_row) {
        if (msg_needs_row) {
            /* a message longer than the row: its lines, whole at word boundaries */
            text_block b;
            text_wrap(&b, c->ms, UI_FONT_BOLD, msg,
                      L->w - 2 * L->margin - 2 * L->pad - 2 * L->border, 4);
            if (b.h + L->pad > field_h) {
                field_row += b.h + L->pad - field_h;
                field_h = b.h + L->pad;
            }
        }
        rf = rect_make(L->margin, bar_h + L->gap / 2, L->w - 2 * L->margin, field_h);
        kb_max -= field_row;
    }
    draw_rect(c->f, rect_make(0, 0, L->w, bar_h), COL_CARD, 0);
    draw_rect(c->f, rect_make(0, bar_h - L->border, L->w, L->border), COL_LINE, 0);
    w_icon_button(c, "back", tr(c, "Back"), ICON_BACK, rb, BTN_SECONDARY, false);
    w_button(c, "next", next, ICON_NONE, rn, BTN_PRIMARY, UI_FONT_BOLD, false);
    bar_field(c, rf, question);

    int kb_h = w_keyboard(c, side, 0, full_w, kb_max, flow_upper(c->u), false);
    w_keyboard(c, side, L->h - side - kb_h, full_w, kb_max, flow_upper(c->u), true);
}

void flow_name_screen(ui_ctx *c, const char *question, const char *line, bool is_msg)
{
    const ui_layout *L = c->L;
    /* the usual screen (a bar with the question, the field, a line, the keys) when the whole
     * alphabet fits under it on one page at the least key size; else the keys take the
     * screen */
    int full_w = L->w - 2 * L->margin;
    int kb_one = w_keyboard(c, L->margin, 0, full_w, 0, flow_upper(c->u), false);
    int need = L->btn_h + L->margin + L->gap + name_field(c, 0, 0, full_w, false) + L->gap +
               text_line_h(c->ms, UI_FONT_BOLD) + L->pad + L->gap + kb_one + L->margin;
    if (need > L->h) {
        compact_name_screen(c, question);
        return;
    }
    /* the question in the bar; where it does not fit there, in the line over the keys */
    bool in_bar = w_top_bar_fits(c, question, tr(c, "Next"), ICON_NONE);
    int top = w_top_bar(c, in_bar ? question : "", "next", tr(c, "Next"), ICON_NONE, false);
    flow_name_body(c, top, in_bar || is_msg ? line : question, is_msg);
}

void flow_name_body(ui_ctx *c, int top, const char *line, bool is_msg)
{
    const ui_layout *L = c->L;
    int full_w = L->w - 2 * L->margin;
    int kb_w = full_w;
    int y = top + L->gap;
    int field_h = name_field(c, L->margin, y, full_w, false);
    int kb_h = w_keyboard(c, L->margin, 0, kb_w, 0, flow_upper(c->u), false);
    int lh = text_line_h(c->ms, UI_FONT_BOLD);
    /* the keys take what is left after the field and a line of message or context */
    int below = L->h - L->margin - (y + field_h + L->gap) - kb_h - L->gap;
    int under_lines = (below - L->pad) / lh > 2 ? 2 : (below - L->pad) / lh;
    bool msg_fits_under = under_lines >= 1 &&
                          text_fits(c->ms, UI_FONT_BOLD, line, full_w - L->icon - 3 * L->pad,
                                    under_lines);
    if (is_msg && line && *line && !msg_fits_under) {
        /* a low screen: the message beside the name, as tall as it needs */
        int field_w = (full_w - L->gap) / 3;
        int msg_w = full_w - L->gap - field_w;
        int mh = w_notice(c, "message", line, ICON_WARNING, 0, 0, msg_w, 5, false);
        int fx = c->rtl ? L->margin + msg_w + L->gap : L->margin;
        int mx = c->rtl ? L->margin : L->margin + field_w + L->gap;
        name_field(c, fx, y, field_w, true);
        w_notice(c, "message", line, ICON_WARNING, mx, y, msg_w, 5, true);
        y += (mh > field_h ? mh : field_h) + L->gap / 2;
        int kb_max = L->h - L->margin / 2 - y;
        kb_h = w_keyboard(c, L->margin, 0, kb_w, kb_max, flow_upper(c->u), false);
        w_keyboard(c, L->margin, L->h - L->margin / 2 - kb_h, kb_w, kb_max, flow_upper(c->u),
                   true);
        return;
    }
    y += name_field(c, L->margin, y, full_w, true) + L->gap;
    int line_reserve = lh + L->pad + L->gap;
    int kb_max = L->h - L->margin - y - line_reserve;
    kb_h = w_keyboard(c, L->margin, 0, kb_w, kb_max, flow_upper(c->u), false);
    int kb_y = L->h - L->margin - kb_h;
    /* the line between field and keyboard: a message, or what is being joined */
    int room = kb_y - L->gap - y;
    if (line && *line && room > 0) {
        if (is_msg) {
            int max_lines = (room - L->pad) / lh;
            if (max_lines > 2)
                max_lines = 2;
            if (max_lines >= 1)
                w_notice(c, "message", line, ICON_WARNING, L->margin, y, full_w, max_lines, true);
        } else if (room >= text_line_h(c->ms, UI_FONT_BODY) &&
                   text_fits(c->ms, UI_FONT_BODY, line, full_w, 1)) {
            w_text_widget(c, "context", UI_ROLE_TEXT, line, UI_FONT_BODY, COL_TEXT, COL_BG,
                          L->margin, y, full_w, 1, true);
        }
    }
    w_keyboard(c, L->margin, kb_y, kb_w, kb_max, flow_upper(c->u), true);
}

int flow_code_boxes(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const char *code = c->u->flow.code;
    /* a low screen (a 7" panel lying down): the digits in the title size, so the words beside
     * the number pad keep their room */
    ui_font font = L->h < 7 * L->target ? UI_FONT_TITLE : UI_FONT_HUGE;
    int lh = text_line_h(c->ms, font);
    int bw = lh + L->pad;
    int h = lh + L->pad;
    if (CODE_DIGITS * bw + (CODE_DIGITS - 1) * L->gap > w) /* a narrow column: slimmer boxes */
        bw = (w - (CODE_DIGITS - 1) * L->gap) / CODE_DIGITS;
    int total = CODE_DIGITS * bw + (CODE_DIGITS - 1) * L->gap;
    if (!draw)
        return h;
    int x0 = c->rtl ? x + w - total : x;
    size_t len = strlen(code);
    for (int i = 0; i < CODE_DIGITS; i++) {
        ui_rect r = rect_make(x0 + i * (bw + L->gap), y, bw, h);
        draw_rect(c->f, r, COL_CARD, L->radius / 2);
        draw_frame(c->f, r, (size_t)i == len ? COL_PRIMARY : COL_TEXT,
                   (size_t)i == len ? L->border * 2 : L->border, L->radius / 2);
        if ((size_t)i < len) {
            /* a dot: someone behind can count the digits but not read them; the one just
             * typed shows a moment, so a shaky finger can see what it hit */
            bool peek = (size_t)i + 1 == len && c->now_ms < c->u->flow.code_peek_until;
            char d[4] = {code[i], '\0'};
            if (!peek)
                memcpy(d, "\xE2\x80\xA2", 4); /* U+2022 bullet */
            int dw = text_width(c->ms, font, d);
            draw_text(c->f, r.x + (bw - dw) / 2, y + (h - lh) / 2, dw, lh, font, COL_TEXT, d);
        }
    }
    /* the dump says how many digits, not which */
    char masked[CODE_DIGITS * 3 + 1] = "";
    for (size_t i = 0; i < len && i < CODE_DIGITS; i++)
        memcpy(masked + i * 3, "\xE2\x80\xA2", 4); /* U+2022 bullet (and its NUL) */
    ui_widget *wd = ui_frame_widget(c->f, "code", UI_ROLE_INPUT, masked,
                                    rect_make(x0, y, total, h), 0);
    if (wd) {
        wd->fg = COL_TEXT;
        wd->bg = COL_CARD;
    }
    return h;
}

void flow_text_name(ui *u, const ui_model *m, const char *text, int64_t now_ms)
{
    (void)m, (void)now_ms;
    flow_text_input(u, text, true);
}

void flow_text_code(ui *u, const ui_model *m, const char *text, int64_t now_ms)
{
    (void)m, (void)now_ms;
    flow_text_input(u, text, false);
}

void flow_numpad(ui_ctx *c, int top, int content_end, int side_w)
{
    const ui_layout *L = c->L;
    int full_w = L->w - 2 * L->margin;
    if (L->portrait) {
        /* under the words, as big as the rest of the screen allows */
        int max_h = L->h - L->margin - content_end;
        int w;
        int h = w_numpad(c, 0, 0, full_w, max_h, &w, false);
        w_numpad(c, L->margin + (full_w - w) / 2, L->h - L->margin - h, full_w, max_h, NULL,
                 true);
    } else {
        int y = top + L->gap;
        int max_h = L->h - L->margin - y;
        w_numpad(c, c->rtl ? L->margin : L->w - L->margin - side_w, y, side_w, max_h, NULL, true);
    }
}

void flow_tap_leave(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_flow_wipe(u);
    ui_goto(u, SCR_DETAIL, now_ms);
}

void flow_tap_name_key(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)now_ms;
    letter_key_tap(u, arg, kb_current(u, m));
}

void flow_tap_code_key(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)now_ms;
    /* the number pad has one key besides its digits */
    if (strcmp(arg, KB_BACKSPACE) == 0) {
        size_t len = strlen(u->flow.code);
        if (len)
            u->flow.code[len - 1] = '\0';
        u->flow.msg = MSG_NONE;
    }
}

void flow_tap_code_digit(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)now_ms;
    if (arg[0] >= '0' && arg[0] <= '9' && arg[1] == '\0')
        append_digit(u, arg[0]);
}

void flow_name_next(ui *u, ui_screen_id next, int64_t now_ms)
{
    if (!flow_name_ok(u)) {
        u->flow.msg = MSG_NAME_EMPTY;
        return;
    }
    u->flow.msg = MSG_NONE;
    ui_goto(u, next, now_ms);
}

bool flow_may_tap(ui *u, const ui_model *m, int64_t now_ms)
{
    if (!ui_entry_find(m, u->flow.uid)) {
        ui_flow_wipe(u);
        ui_goto(u, SCR_HOME, now_ms);
        return false;
    }
    return !u->flow.pending; /* the app is working: one tap is one action */
}
