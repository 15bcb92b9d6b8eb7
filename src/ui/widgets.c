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

int w_button_width(const ui_ctx *c, const char *label, icon_id icon, ui_font font)
{
    int w = text_width(c->ms, font, label) + 2 * c->L->pad + 2 * c->L->border;
    if (icon != ICON_NONE)
        w += c->L->icon + (label && *label ? c->L->gap : 0);
    return w;
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
    } else if (style == BTN_PRIMARY || style == BTN_KEY_ON) {
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

    /* Icon and words centred together; the words are cut with "…" if they must be. */
    char fit[256];
    int icon_w = icon != ICON_NONE ? L->icon : 0;
    if (!show_label && icon_w) {
        int big = (r.w < r.h ? r.w : r.h) * 11 / 20;
        icon_w = big > icon_w ? big : icon_w;
    }
    int room = r.w - 2 * L->pad - 2 * L->border - (icon_w ? icon_w + L->gap : 0);
    int tw = show_label && label && *label ? text_fit(c->ms, font, label, room, fit, sizeof fit)
                                           : 0;
    if (!tw)
        fit[0] = '\0';
    int total = icon_w + (icon_w && tw ? L->gap : 0) + tw;
    int x = r.x + (r.w - total) / 2;
    int lh = text_line_h(c->ms, font);
    if (c->rtl) {
        /* pictogram after the words, reading from the right */
        if (tw)
            draw_text(c->f, x, r.y + (r.h - lh) / 2, tw, lh, font, fg, fit);
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
            draw_text(c->f, x, r.y + (r.h - lh) / 2, tw, lh, font, fg, fit);
    }
    unsigned flags = UI_WIDGET_TAPPABLE;
    if (disabled)
        flags |= UI_WIDGET_DISABLED;
    if (pressed)
        flags |= UI_WIDGET_PRESSED;
    if (style == BTN_KEY_ON)
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

int w_text_widget(ui_ctx *c, const char *id, ui_role role, const char *s, ui_font font,
                  ui_color col, ui_color bg, int x, int y, int w, int max_lines, bool draw)
{
    int h = w_text(c, s, font, col, x, y, w, max_lines, draw);
    if (draw && h)
        w_register(c, id, role, s, rect_make(x, y, w, h), 0, col, bg);
    return h;
}

int w_pill(ui_ctx *c, int x, int y, const char *text, icon_id icon, ui_color fg, ui_color bg,
           ui_font font, int max_w, int *h, bool draw)
{
    const ui_layout *L = c->L;
    int lh = text_line_h(c->ms, font);
    int ph = lh + L->pad / 2;
    int icon_w = icon != ICON_NONE ? lh : 0;
    int padx = L->pad * 2 / 3;
    char fit[256];
    int room = max_w - 2 * padx - (icon_w ? icon_w + L->gap / 2 : 0);
    int tw = text_fit(c->ms, font, text, room > 0 ? room : 1, fit, sizeof fit);
    int w = 2 * padx + icon_w + (icon_w && tw ? L->gap / 2 : 0) + tw;
    if (h)
        *h = ph;
    if (draw) {
        draw_rect(c->f, rect_make(x, y, w, ph), bg, ph / 2);
        int cx = x + padx;
        if (c->rtl && icon_w) {
            draw_text(c->f, cx, y + (ph - lh) / 2, tw, lh, font, fg, fit);
            draw_icon(c->f, rect_make(x + w - padx - icon_w, y + (ph - icon_w) / 2, icon_w, icon_w),
                      icon, fg);
        } else {
            if (icon_w) {
                draw_icon(c->f, rect_make(cx, y + (ph - icon_w) / 2, icon_w, icon_w), icon, fg);
                cx += icon_w + L->gap / 2;
            }
            draw_text(c->f, cx, y + (ph - lh) / 2, tw, lh, font, fg, fit);
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
            if (iw > w)
                iw = w;
            h = lh;
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
                int lh = h;
                int icon_w = it->icon != ICON_NONE ? lh : 0;
                char fit[512];
                int room = iw - icon_w - (icon_w ? L->gap / 2 : 0);
                int tw = text_fit(c->ms, it->font, it->text, room, fit, sizeof fit);
                if (c->rtl) {
                    draw_text(c->f, ix + iw - icon_w - (icon_w ? L->gap / 2 : 0) - tw, y + cy,
                              tw, lh, it->font, it->fg, fit);
                    if (icon_w)
                        draw_icon(c->f, rect_make(ix + iw - icon_w, y + cy, icon_w, icon_w),
                                  it->icon, it->fg);
                } else {
                    if (icon_w)
                        draw_icon(c->f, rect_make(ix, y + cy, icon_w, icon_w), it->icon, it->fg);
                    draw_text(c->f, ix + icon_w + (icon_w ? L->gap / 2 : 0), y + cy, tw, lh,
                              it->font, it->fg, fit);
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

int w_top_bar(ui_ctx *c, const char *title, const char *primary_id, const char *primary_label,
              icon_id primary_icon, bool primary_disabled)
{
    const ui_layout *L = c->L;
    int bar_h = L->btn_h + L->margin;
    draw_rect(c->f, rect_make(0, 0, L->w, bar_h), COL_CARD, 0);
    draw_rect(c->f, rect_make(0, bar_h - L->border, L->w, L->border), COL_LINE, 0);

    const char *back = tr(c, "Back");
    int back_w = w_button_width(c, back, ICON_BACK, UI_FONT_BOLD);
    int prim_w = primary_id ? w_button_width(c, primary_label, primary_icon, UI_FONT_BOLD) : 0;
    if (back_w < L->btn_h * 2)
        back_w = L->btn_h * 2;
    if (primary_id && prim_w < L->btn_h * 2)
        prim_w = L->btn_h * 2;
    /* The buttons never take more than the bar has: each at most 40 %. */
    int cap = L->w * 2 / 5 - L->margin;
    if (back_w > cap)
        back_w = cap;
    if (prim_w > cap)
        prim_w = cap;

    ui_rect rb = rect_make(L->margin, L->margin / 2, back_w, L->btn_h);
    ui_rect rp = rect_make(L->w - L->margin - prim_w, L->margin / 2, prim_w, L->btn_h);
    if (c->rtl) {
        rb.x = L->w - L->margin - back_w;
        rp.x = L->margin;
    }
    w_button(c, "back", back, ICON_BACK, rb, BTN_SECONDARY, UI_FONT_BOLD, false);
    if (primary_id)
        w_button(c, primary_id, primary_label, primary_icon, rp, BTN_PRIMARY, UI_FONT_BOLD,
                 primary_disabled);

    /* The title between them, centred, up to two lines. */
    int left = L->margin + back_w + L->gap;
    int right = L->w - L->margin - (primary_id ? prim_w + L->gap : 0);
    if (c->rtl) {
        left = L->margin + (primary_id ? prim_w + L->gap : 0);
        right = L->w - L->margin - back_w - L->gap;
    }
    if (title && *title && right - left > L->icon) {
        text_block b;
        ui_font font = UI_FONT_TITLE;
        text_wrap(&b, c->ms, font, title, right - left, 1);
        if (b.line[0].ellipsis) {
            font = UI_FONT_BOLD;
            text_wrap(&b, c->ms, font, title, right - left, 2);
        }
        int ty = (bar_h - b.h) / 2;
        text_draw(c->f, &b, title, left, ty, right - left, font, COL_TEXT, ALIGN_CENTER, c->rtl);
        w_register(c, "title", UI_ROLE_HEADING, title, rect_make(left, ty, right - left, b.h), 0,
                   COL_TEXT, COL_CARD);
    }
    return bar_h;
}

void w_stepper(ui_ctx *c, const char *base, const char *label, int value, int min, int max,
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
    if (label_w > 0) {
        text_block tb;
        text_wrap(&tb, c->ms, UI_FONT_TITLE, label, label_w, 2);
        text_draw(c->f, &tb, label, lx, y + (b - tb.h) / 2, label_w, UI_FONT_TITLE, COL_TEXT,
                  ALIGN_START, c->rtl);
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
}

void w_toggle(ui_ctx *c, const char *id, const char *label, bool on, ui_rect r)
{
    const ui_layout *L = c->L;
    bool pressed = w_pressed(c, id);
    ui_color bg = pressed ? COL_PRESSED_LIGHT : COL_CARD;
    draw_rect(c->f, r, bg, L->radius);
    draw_frame(c->f, r, on ? COL_SELECTED : COL_LINE, on ? L->border * 2 : L->border, L->radius);
    int box = L->btn_h - 2 * L->pad;
    if (box < L->icon)
        box = L->icon;
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
    text_wrap(&b, c->ms, UI_FONT_BOLD, label, tw, 2);
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
