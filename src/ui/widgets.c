/* widgets: buttons, text, pills, flows of facts, notices, the top bar, steppers, toggles. */
#include <stdio.h>
#include <string.h>

#include "ui/widgets.h"

ui_rect rect_clip(ui_rect r, ui_rect clip)
{
    if (clip.w <= 0 || clip.h <= 0)
        return r;
    int x0 = r.x > clip.x ? r.x : clip.x;
    int y0 = r.y > clip.y ? r.y : clip.y;
    int x1 = r.x + r.w < clip.x + clip.w ? r.x + r.w : clip.x + clip.w;
    int y1 = r.y + r.h < clip.y + clip.h ? r.y + r.h : clip.y + clip.h;
    if (x1 <= x0 || y1 <= y0)
        return (ui_rect){x0, y0, 0, 0};
    return (ui_rect){x0, y0, x1 - x0, y1 - y0};
}

bool rect_empty(ui_rect r)
{
    return r.w <= 0 || r.h <= 0;
}

bool rect_overlap(ui_rect a, ui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

ui_widget *w_register(ui_ctx *c, const char *id, ui_role role, const char *label, ui_rect r,
                      unsigned flags, ui_color fg, ui_color bg)
{
    ui_rect vis = rect_clip(r, c->view);
    if (rect_empty(vis))
        return NULL;
    ui_widget *w = ui_frame_widget(c->f, id, role, label, vis, flags);
    if (w) {
        w->fg = fg;
        w->bg = bg;
    }
    return w;
}

bool w_pressed(const ui_ctx *c, const char *id)
{
    const ui *u = c->u;
    return u->down && !u->dragging && !u->ignored && strcmp(u->press_id, id) == 0;
}

int w_longest_word(const ui_ctx *c, ui_font font, const char *s)
{
    int best = 0;
    char word[256];
    while (s && *s) {
        while (*s == ' ')
            s++;
        size_t n = 0;
        while (s[n] && s[n] != ' ')
            n++;
        if (n && n < sizeof word) {
            memcpy(word, s, n);
            word[n] = '\0';
            int w = text_width(c->ms, font, word);
            if (w > best)
                best = w;
        }
        s += n;
    }
    return best;
}

int w_button_width(const ui_ctx *c, const char *label, icon_id icon, ui_font font)
{
    int w = text_width(c->ms, font, label) + 2 * c->L->pad + 2 * c->L->border;
    if (icon != ICON_NONE)
        w += c->L->icon + (label && *label ? c->L->gap : 0);
    return w;
}

int w_button_lines(const ui_ctx *c, const char *label, icon_id icon, ui_font font, int w)
{
    const ui_layout *L = c->L;
    if (!label || !*label)
        return 1;
    int icon_w = icon != ICON_NONE ? L->icon + L->gap : 0;
    int inner = w - 2 * L->pad - 2 * L->border;
    for (int lines = 1; lines <= 3; lines++) {
        /* beside the pictogram, or (as button() does) alone on a wide button */
        text_block b, alone;
        text_wrap(&b, c->ms, font, label, inner - icon_w, lines);
        text_wrap(&alone, c->ms, font, label, inner, lines);
        if (!b.cut || (icon_w && !alone.cut && w >= 2 * L->icon))
            return lines;
    }
    return 0;
}

int w_button_height(const ui_ctx *c, const char *label, icon_id icon, ui_font font, int w)
{
    const ui_layout *L = c->L;
    int lines = label && *label ? w_button_lines(c, label, icon, font, w) : 0;
    if (!lines)
        return L->btn_h; /* no words, or the pictogram speaks alone */
    int h = lines * text_line_h(c->ms, font) + 2 * L->border + L->pad;
    return h > L->btn_h ? h : L->btn_h;
}

static void button(ui_ctx *c, const char *id, const char *label, icon_id icon, ui_rect r,
                   btn_style style, ui_font font, bool disabled, bool show_label)
{
    const ui_layout *L = c->L;
    bool pressed = !disabled && w_pressed(c, id);
    ui_color bg, fg;
    bool outline = false;
    if (disabled) {
        bg = COL_DISABLED_BG;
        fg = COL_DISABLED_TEXT;
    } else if (style == BTN_PRIMARY || style == BTN_KEY_ON || style == BTN_CHOSEN) {
        bg = pressed ? COL_PRIMARY_PRESSED : COL_PRIMARY;
        fg = COL_WHITE;
    } else {
        bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
        fg = COL_TEXT;
        outline = true;
    }
    draw_rect(c->f, r, bg, L->radius);
    if (outline)
        draw_frame(c->f, r, COL_LINE, L->border, L->radius);

    /* Icon and words centred together. Words that do not fit on one line take two (or
     * three) when the button is tall enough, else the pictogram speaks alone (the label
     * stays the widget's); only a button with neither room nor pictogram cuts its words. */
    int icon_w = icon != ICON_NONE ? L->icon : 0;
    int inner = r.w - 2 * L->pad - 2 * L->border;
    int lh = text_line_h(c->ms, font);
    text_block b;
    bool words = show_label && label && *label;
    if (words) {
        text_wrap(&b, c->ms, font, label, inner - (icon_w ? icon_w + L->gap : 0), 1);
        int room = lh > 0 ? (r.h - 2 * L->border) / lh : 1;
        if (b.cut && room >= 2)
            text_wrap(&b, c->ms, font, label, inner - (icon_w ? icon_w + L->gap : 0),
                      room >= 3 ? 3 : 2);
        if (b.cut && icon_w) {
            /* a wide button keeps its words and lets the pictogram go, when the words fit
             * alone; a narrow one, or words too long even so, show the pictogram alone */
            text_wrap(&b, c->ms, font, label, inner, room >= 3 ? 3 : room >= 2 ? 2 : 1);
            if (!b.cut && r.w >= 2 * icon_w)
                icon_w = 0;
            else
                words = false;
        } else if (b.cut) {
            text_wrap(&b, c->ms, font, label, inner, 1);
        }
    }
    if (!words && icon_w) {
        int big = (r.w < r.h ? r.w : r.h) * 11 / 20;
        icon_w = big > icon_w ? big : icon_w;
        /* a pictogram alone that does nothing now (the scroll arrow at the end) is faded,
         * so it looks off; a disabled button with words keeps them readable, as a tap on
         * it says why */
        if (disabled)
            fg = COL_FADED;
    }
    int tw = words ? b.w : 0;
    int th = words ? b.h : 0;
    int total = icon_w + (icon_w && tw ? L->gap : 0) + tw;
    int x = r.x + (r.w - total) / 2;
    if (c->rtl) {
        /* pictogram after the words, reading from the right */
        if (tw)
            text_draw(c->f, &b, label, x, r.y + (r.h - th) / 2, tw, font, fg, ALIGN_CENTER,
                      true);
        if (icon_w)
            draw_icon(c->f, rect_make(x + total - icon_w, r.y + (r.h - icon_w) / 2, icon_w,
                                      icon_w),
                      icon, fg);
    } else {
        if (icon_w) {
            draw_icon(c->f, rect_make(x, r.y + (r.h - icon_w) / 2, icon_w, icon_w), icon, fg);
            x += icon_w + (tw ? L->gap : 0);
        }
        if (tw)
            text_draw(c->f, &b, label, x, r.y + (r.h - th) / 2, tw, font, fg, ALIGN_CENTER,
                      false);
    }
    unsigned flags = UI_WIDGET_TAPPABLE;
    if (disabled)
        flags |= UI_WIDGET_DISABLED;
    if (pressed)
        flags |= UI_WIDGET_PRESSED;
    if (style == BTN_KEY_ON || style == BTN_CHOSEN)
        flags |= UI_WIDGET_SELECTED;
    bool key = style == BTN_KEY || style == BTN_KEY_ON;
    w_register(c, id, key ? UI_ROLE_KEY : UI_ROLE_BUTTON, label, r, flags, fg, bg);
}

void w_button(ui_ctx *c, const char *id, const char *label, icon_id icon, ui_rect r,
              btn_style style, ui_font font, bool disabled)
{
    button(c, id, label, icon, r, style, font, disabled, true);
}

void w_icon_button(ui_ctx *c, const char *id, const char *label, icon_id icon, ui_rect r,
                   btn_style style, bool disabled)
{
    button(c, id, label, icon, r, style, UI_FONT_BOLD, disabled, false);
}

int w_text(ui_ctx *c, const char *s, ui_font font, ui_color col, int x, int y, int w,
           int max_lines, bool draw)
{
    if (!s || !*s)
        return 0;
    text_block b;
    text_wrap(&b, c->ms, font, s, w, max_lines);
    if (draw)
        text_draw(c->f, &b, s, x, y, w, font, col, ALIGN_START, c->rtl);
    return b.h;
}

void w_strike(ui_ctx *c, const char *s, ui_font font, ui_color col, int x, int y, int w,
              int max_lines)
{
    if (!s || !*s)
        return;
    text_block b;
    text_wrap(&b, c->ms, font, s, w, max_lines);
    for (int k = 0; k < b.n; k++) {
        int lw = b.line[k].w;
        int lx = c->rtl ? x + w - lw : x;
        draw_rect(c->f, rect_make(lx, y + k * b.line_h + b.line_h * 11 / 20, lw,
                                  c->L->border > 2 ? c->L->border : 2),
                  col, 0);
    }
}

int w_text_widget(ui_ctx *c, const char *id, ui_role role, const char *s, ui_font font,
                  ui_color col, ui_color bg, int x, int y, int w, int max_lines, bool draw)
{
    int h = w_text(c, s, font, col, x, y, w, max_lines, draw);
    if (draw && h)
        w_register(c, id, role, s, rect_make(x, y, w, h), 0, col, bg);
    return h;
}

int w_text_whole(ui_ctx *c, const char *id, ui_role role, const char *s, ui_font font,
                 ui_color col, ui_color bg, int x, int y, int w, int max_lines, int room_h)
{
    if (!s || !*s || max_lines < 1)
        return 0;
    text_block b;
    text_wrap(&b, c->ms, font, s, w, max_lines);
    if (b.cut || b.h > room_h)
        return 0;
    return w_text_widget(c, id, role, s, font, col, bg, x, y, w, max_lines, true);
}

int w_pill(ui_ctx *c, int x, int y, const char *text, icon_id icon, ui_color fg, ui_color bg,
           ui_font font, int max_w, int *h, bool draw)
{
    const ui_layout *L = c->L;
    int lh = text_line_h(c->ms, font);
    int icon_w = icon != ICON_NONE ? lh : 0;
    int padx = L->pad * 2 / 3;
    int room = max_w - 2 * padx - (icon_w ? icon_w + L->gap / 2 : 0);
    /* one line when it fits; else its words on more lines, a taller chip, never cut */
    text_block b;
    text_wrap(&b, c->ms, font, text, room > 0 ? room : 1, 0); /* (Somali's long badges) */
    int tw = b.w;
    int ph = b.h + L->pad / 2;
    int w = 2 * padx + icon_w + (icon_w && tw ? L->gap / 2 : 0) + tw;
    if (h)
        *h = ph;
    if (draw) {
        draw_rect(c->f, rect_make(x, y, w, ph), bg, b.n > 1 ? L->radius / 2 : ph / 2);
        int cx = x + padx;
        if (c->rtl && icon_w) {
            text_draw(c->f, &b, text, cx, y + L->pad / 4, tw, font, fg, ALIGN_START, true);
            draw_icon(c->f, rect_make(x + w - padx - icon_w, y + (ph - icon_w) / 2, icon_w, icon_w),
                      icon, fg);
        } else {
            if (icon_w) {
                draw_icon(c->f, rect_make(cx, y + (ph - icon_w) / 2, icon_w, icon_w), icon, fg);
                cx += icon_w + L->gap / 2;
            }
            text_draw(c->f, &b, text, cx, y + L->pad / 4, tw, font, fg, ALIGN_START, c->rtl);
        }
    }
    return w;
}

int w_flow(ui_ctx *c, const w_item *items, int n, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    int cx = 0, cy = 0, row_h = 0;
    /* Lay out left to right; for right-to-left the same rows are mirrored. */
    for (int i = 0; i < n; i++) {
        const w_item *it = &items[i];
        if (!it->text || !*it->text)
            continue;
        int h = 0;
        int iw;
        if (it->chip) {
            iw = w_pill(c, 0, 0, it->text, it->icon, it->fg, it->bg, it->font, w, &h, false);
        } else {
            int lh = text_line_h(c->ms, it->font);
            int icon_w = it->icon != ICON_NONE ? lh : 0;
            iw = icon_w + (icon_w ? L->gap / 2 : 0) + text_width(c->ms, it->font, it->text);
            h = lh;
            if (iw > w) {
                /* longer than the row: its words on more lines, never cut */
                iw = w;
                text_block b;
                text_wrap(&b, c->ms, it->font, it->text, w - icon_w - (icon_w ? L->gap / 2 : 0),
                          0);
                h = b.h;
            }
        }
        if (cx > 0 && cx + iw > w) {
            cx = 0;
            cy += row_h + L->gap / 2;
            row_h = 0;
        }
        if (draw) {
            int ix = c->rtl ? x + w - cx - iw : x + cx;
            if (it->chip) {
                w_pill(c, ix, y + cy, it->text, it->icon, it->fg, it->bg, it->font, w, NULL,
                       true);
            } else {
                int lh = text_line_h(c->ms, it->font);
                int icon_w = it->icon != ICON_NONE ? lh : 0;
                int room = iw - icon_w - (icon_w ? L->gap / 2 : 0);
                text_block b;
                text_wrap(&b, c->ms, it->font, it->text, room, 0);
                if (c->rtl) {
                    text_draw(c->f, &b, it->text, ix, y + cy, room, it->font, it->fg, ALIGN_START,
                              true);
                    if (icon_w)
                        draw_icon(c->f, rect_make(ix + iw - icon_w, y + cy, icon_w, icon_w),
                                  it->icon, it->fg);
                } else {
                    if (icon_w)
                        draw_icon(c->f, rect_make(ix, y + cy, icon_w, icon_w), it->icon, it->fg);
                    text_draw(c->f, &b, it->text, ix + icon_w + (icon_w ? L->gap / 2 : 0), y + cy,
                              room, it->font, it->fg, ALIGN_START, false);
                }
            }
        }
        cx += iw + L->gap;
        if (h > row_h)
            row_h = h;
    }
    return row_h ? cy + row_h : 0;
}

int w_notice(ui_ctx *c, const char *id, const char *text, icon_id icon, int x, int y, int w,
             int max_lines, bool draw)
{
    const ui_layout *L = c->L;
    if (!text || !*text)
        return 0;
    int lh = text_line_h(c->ms, UI_FONT_BOLD);
    int icon_w = icon != ICON_NONE ? lh : 0;
    int tx = x + L->pad + (icon_w ? icon_w + L->gap : 0);
    int tw = w - (tx - x) - L->pad;
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_BOLD, text, tw, max_lines);
    int h = b.h + L->pad;
    if (draw) {
        ui_rect r = rect_make(x, y, w, h);
        draw_rect(c->f, r, COL_NOTICE, L->radius / 2);
        if (c->rtl) {
            text_draw(c->f, &b, text, x + L->pad, y + L->pad / 2, tw, UI_FONT_BOLD, COL_TEXT,
                      ALIGN_START, true);
            if (icon_w)
                draw_icon(c->f, rect_make(x + w - L->pad - icon_w, y + L->pad / 2, icon_w, icon_w),
                          icon, COL_TEXT);
        } else {
            if (icon_w)
                draw_icon(c->f, rect_make(x + L->pad, y + L->pad / 2, icon_w, icon_w), icon,
                          COL_TEXT);
            text_draw(c->f, &b, text, tx, y + L->pad / 2, tw, UI_FONT_BOLD, COL_TEXT,
                      ALIGN_START, false);
        }
        w_register(c, id, UI_ROLE_TEXT, text, r, 0, COL_TEXT, COL_NOTICE);
    }
    return h;
}

bool w_top_bar_fits(ui_ctx *c, const char *title, const char *primary_label,
                    icon_id primary_icon)
{
    const ui_layout *L = c->L;
    int prim_w = primary_label ? w_button_width(c, primary_label, primary_icon, UI_FONT_BOLD) : 0;
    if (primary_label && prim_w < L->btn_h * 2)
        prim_w = L->btn_h * 2;
    int room = L->w - 2 * L->margin - L->btn_h * 3 / 2 - L->gap -
               (primary_label ? prim_w + L->gap : 0);
    return room > L->icon && text_fits(c->ms, UI_FONT_BOLD, title, room, 1);
}

int w_top_bar(ui_ctx *c, const char *title, const char *primary_id, const char *primary_label,
              icon_id primary_icon, bool primary_disabled)
{
    const ui_layout *L = c->L;
    const char *back = tr(c, "Back");
    int avail = L->w - 2 * L->margin;
    int back_w = w_button_width(c, back, ICON_BACK, UI_FONT_BOLD);
    int prim_w = primary_id ? w_button_width(c, primary_label, primary_icon, UI_FONT_BOLD) : 0;
    if (back_w < L->btn_h * 2)
        back_w = L->btn_h * 2;
    if (primary_id && prim_w < L->btn_h * 2)
        prim_w = L->btn_h * 2;
    /* When both buttons do not fit with their words, the back arrow speaks alone (the way
     * forward keeps its word); then the way forward too, as big squares. */
    int between = primary_id ? L->gap : 0;
    int arrow_w = L->btn_h * 3 / 2;
    if (back_w + prim_w + between > avail)
        back_w = arrow_w;
    if (back_w + prim_w + between > avail)
        prim_w = avail - back_w - between;
    /* A way forward whose words three lines beside back cannot hold takes a row of its own
     * under back, the whole width, rather than stand as a bare pictogram. */
    bool own_row = primary_id &&
                   w_button_lines(c, primary_label, primary_icon, UI_FONT_BOLD, prim_w) == 0 &&
                   w_button_lines(c, primary_label, primary_icon, UI_FONT_BOLD, avail) > 0;
    int prim_row_w = prim_w; /* what the way forward takes of back's row */
    if (own_row) {
        prim_w = avail;
        prim_row_w = 0;
        between = 0;
        back_w = w_button_width(c, back, ICON_BACK, UI_FONT_BOLD);
        if (back_w < L->btn_h * 2)
            back_w = L->btn_h * 2;
        if (back_w > avail)
            back_w = arrow_w;
    }
    /* A title that fits beside the buttons only when back is an arrow alone: the arrow,
     * rather than a row less for the screen (a 7" panel has few). */
    if (title && *title && back_w > arrow_w) {
        int room_full = avail - back_w - prim_row_w - L->gap - between;
        int room_arrow = avail - arrow_w - prim_row_w - L->gap - between;
        if (!text_fits(c->ms, UI_FONT_BOLD, title, room_full, 1) &&
            text_fits(c->ms, UI_FONT_BOLD, title, room_arrow, 1))
            back_w = arrow_w;
    }

    /* The title between the buttons on one line when it fits there (big, else bold);
     * otherwise on its own row under them, up to two lines. */
    int left = L->margin + back_w + L->gap;
    int right = L->w - L->margin - (prim_row_w ? prim_w + L->gap : 0);
    int room = right - left;
    ui_font font = UI_FONT_TITLE;
    bool has_title = title && *title;
    bool below = false;
    if (has_title) {
        if (room < L->icon || !text_fits(c->ms, font, title, room, 1)) {
            font = UI_FONT_BOLD;
            below = room < L->icon || !text_fits(c->ms, font, title, room, 1);
        }
    }
    /* a way forward squeezed beside back keeps its words on two (or three) lines, and the
     * bar's buttons grow to hold them, rather than stand as a bare pictogram */
    int prim_h = primary_id ? w_button_height(c, primary_label, primary_icon, UI_FONT_BOLD, prim_w)
                            : L->btn_h;
    int btn_h = own_row ? L->btn_h : prim_h;
    int row_h = btn_h + L->margin;
    text_block b;
    int bar_h = row_h;
    if (below) {
        font = text_fits(c->ms, UI_FONT_TITLE, title, avail, 2) ? UI_FONT_TITLE : UI_FONT_BOLD;
        text_wrap(&b, c->ms, font, title, avail, 2);
        bar_h = row_h + b.h + L->margin / 2;
    } else if (has_title) {
        text_wrap(&b, c->ms, font, title, room, 1);
    }
    int prim_y = L->margin / 2;
    if (own_row) {
        prim_y = bar_h - L->margin / 2 + L->gap;
        bar_h = prim_y + prim_h + L->margin / 2;
    }
    draw_rect(c->f, rect_make(0, 0, L->w, bar_h), COL_CARD, 0);
    draw_rect(c->f, rect_make(0, bar_h - L->border, L->w, L->border), COL_LINE, 0);

    ui_rect rb = rect_make(L->margin, L->margin / 2, back_w, btn_h);
    ui_rect rp = rect_make(L->w - L->margin - prim_w, prim_y, prim_w, prim_h);
    if (c->rtl) {
        rb.x = L->w - L->margin - back_w;
        rp.x = L->margin;
    }
    w_button(c, "back", back, ICON_BACK, rb, BTN_SECONDARY, UI_FONT_BOLD, false);
    if (primary_id)
        w_button(c, primary_id, primary_label, primary_icon, rp, BTN_PRIMARY, UI_FONT_BOLD,
                 primary_disabled);
    if (has_title) {
        int tx = below ? L->margin : (c->rtl ? L->w - right : left);
        int tw = below ? avail : room;
        int ty = below ? row_h - L->margin / 4 : (row_h - b.h) / 2;
        text_draw(c->f, &b, title, tx, ty, tw, font, COL_TEXT, ALIGN_CENTER, c->rtl);
        w_register(c, "title", UI_ROLE_HEADING, title, rect_make(tx, ty, tw, b.h), 0, COL_TEXT,
                   COL_CARD);
    }
    return bar_h;
}

int w_stepper(ui_ctx *c, const char *base, const char *label, int value, int min, int max,
              int x, int y, int w)
{
    const ui_layout *L = c->L;
    char id[UI_ID_MAX], num[16];
    int b = L->btn_h;
    int num_w = text_width(c->ms, UI_FONT_HUGE, "88") + L->pad * 2;
    int ctl_w = 2 * b + num_w;
    int label_w = w - ctl_w - L->gap;
    /* label at the start, [-] n [+] at the end (mirrored for right-to-left) */
    int lx = c->rtl ? x + ctl_w + L->gap : x;
    int cx = c->rtl ? x : x + w - ctl_w;
    int h = b;
    if (label_w > 0) {
        text_block tb;
        ui_font font = text_fits(c->ms, UI_FONT_TITLE, label, label_w, 1) ? UI_FONT_TITLE
                                                                           : UI_FONT_BOLD;
        text_wrap(&tb, c->ms, font, label, label_w, 3);
        if (tb.h > h) {
            h = tb.h;
            y += (h - b) / 2; /* the buttons in the middle of the words' height */
        }
        text_draw(c->f, &tb, label, lx, y + (b - tb.h) / 2, label_w, font, COL_TEXT,
                  ALIGN_START, c->rtl);
        char lid[UI_ID_MAX];
        snprintf(lid, sizeof lid, "%s-label", base);
        w_register(c, lid, UI_ROLE_TEXT, label, rect_make(lx, y + (b - tb.h) / 2, label_w,
                                                           tb.h),
                   0, COL_TEXT, COL_BG);
    }
    snprintf(id, sizeof id, "%s-", base);
    w_icon_button(c, id, tr(c, "Fewer"), ICON_MINUS,
                  rect_make(c->rtl ? cx + b + num_w : cx, y, b, b), BTN_SECONDARY, value <= min);
    snprintf(id, sizeof id, "%s+", base);
    w_icon_button(c, id, tr(c, "More"), ICON_PLUS, rect_make(c->rtl ? cx : cx + b + num_w, y, b, b),
                  BTN_SECONDARY, value >= max);
    snprintf(num, sizeof num, "%d", value);
    int nw = text_width(c->ms, UI_FONT_HUGE, num);
    int nh = text_line_h(c->ms, UI_FONT_HUGE);
    draw_text(c->f, cx + b + (num_w - nw) / 2, y + (b - nh) / 2, nw, nh, UI_FONT_HUGE, COL_TEXT,
              num);
    snprintf(id, sizeof id, "%s", base);
    w_register(c, id, UI_ROLE_TEXT, num, rect_make(cx + b, y, num_w, b), 0, COL_TEXT, COL_BG);
    return h;
}

static int toggle_box(const ui_layout *L)
{
    int box = L->btn_h - 2 * L->pad;
    return box < L->icon ? L->icon : box;
}

int w_toggle_height(ui_ctx *c, const char *label, int w)
{
    const ui_layout *L = c->L;
    int tw = w - toggle_box(L) - 2 * L->pad - L->gap;
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 3);
    int h = b.h + L->pad;
    return h > L->btn_h ? h : L->btn_h;
}

void w_toggle(ui_ctx *c, const char *id, const char *label, bool on, ui_rect r)
{
    const ui_layout *L = c->L;
    bool pressed = w_pressed(c, id);
    ui_color bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
    draw_rect(c->f, r, bg, L->radius);
    draw_frame(c->f, r, on ? COL_SELECTED : COL_LINE, on ? L->border * 2 : L->border, L->radius);
    int box = toggle_box(L);
    int bx = c->rtl ? r.x + r.w - L->pad - box : r.x + L->pad;
    ui_rect rb = rect_make(bx, r.y + (r.h - box) / 2, box, box);
    if (on) {
        draw_rect(c->f, rb, COL_SELECTED, L->radius / 2);
        draw_icon(c->f, rect_make(rb.x + box / 8, rb.y + box / 8, box * 3 / 4, box * 3 / 4),
                  ICON_CHECK, COL_WHITE);
    } else {
        draw_rect(c->f, rb, COL_CARD, L->radius / 2);
        draw_frame(c->f, rb, COL_TEXT, L->border, L->radius / 2);
    }
    int tx = c->rtl ? r.x + L->pad : bx + box + L->gap;
    int tw = r.w - box - 2 * L->pad - L->gap;
    text_block b;
    text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 3);
    text_draw(c->f, &b, label, tx, r.y + (r.h - b.h) / 2, tw, UI_FONT_BOLD, COL_TEXT, ALIGN_START,
              c->rtl);
    unsigned flags = UI_WIDGET_TAPPABLE | (on ? UI_WIDGET_SELECTED : 0) |
                     (pressed ? UI_WIDGET_PRESSED : 0);
    w_register(c, id, UI_ROLE_TOGGLE, label, r, flags, COL_TEXT, bg);
}

void w_scroll_buttons(ui_ctx *c, ui_rect up, ui_rect down, int scroll, int scroll_max)
{
    ui_rect saved = c->view;
    c->view = rect_make(0, 0, 0, 0);
    w_icon_button(c, "scroll-up", tr(c, "Scroll up"), ICON_UP, up, BTN_SECONDARY, scroll <= 0);
    w_icon_button(c, "scroll-down", tr(c, "Scroll down"), ICON_DOWN, down, BTN_SECONDARY,
                  scroll >= scroll_max);
    c->view = saved;
}

void w_background(ui_ctx *c)
{
    draw_rect(c->f, rect_make(0, 0, c->L->w, c->L->h), COL_BG, 0);
}

int w_scroll_begin(ui_ctx *c, int screen, ui_rect view, int content_h, ui_color bg,
                   int *scroll_max)
{
    int max = content_h - view.h > 0 ? content_h - view.h : 0;
    int scroll = c->u->scroll[screen];
    if (scroll > max)
        scroll = max;
    if (scroll < 0)
        scroll = 0;
    c->scroll_max = max;
    c->scroll_page = view.h * 3 / 4;
    draw_clip(c->f, view);
    c->view = view;
    w_register(c, "list", UI_ROLE_LIST, "", view, 0, COL_TEXT, bg);
    *scroll_max = max;
    return scroll;
}

void w_scroll_end(ui_ctx *c)
{
    c->view = rect_make(0, 0, 0, 0);
    draw_clip(c->f, c->view);
}
