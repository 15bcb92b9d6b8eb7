/* contacts: "Hvem kan jeg spørge?", one tap from home. Where to turn for someone new or
 * lonely: first, always, the emergency number (112), then the estate's people and opening
 * hours as the staff put them on the stick (the boligsocial medarbejder, the caretaker, the
 * counselling hours), each a card with the name, the role, the hours and the number, and
 * the number as a QR code that a phone scans to call. Nothing here can be tapped but back
 * and the scroll buttons: it is a notice board that answers. */
#include <stdio.h>
#include <string.h>

#include "ui/widgets.h"
#include "ui/nav.h"
#include "ui/screen.h"

/* The QR code's side: about 30 mm, 4 px a module at least, never wider than `max_w`. */
static int qr_side(const ui_ctx *c, const ui_contact *k, int max_w)
{
    int n = k->qr_size + 8; /* 4 modules of quiet zone on each side */
    int mod = (int)(c->L->ppm * 30) / n;
    if (mod * n > max_w)
        mod = max_w / n;
    if (mod < 4)
        mod = 4;
    return mod * n;
}

/* TITLE when every word of `s` fits `w` at it, else the body size in bold: a long Danish
 * word ("Beboerrådgivningen") is never broken on a narrow screen. */
static ui_font heading_font(const ui_ctx *c, const char *s, int w)
{
    return w_longest_word(c, UI_FONT_TITLE, s) <= w ? UI_FONT_TITLE : UI_FONT_BOLD;
}

/* One line of a card with its pictogram in front; returns its height. */
static int line_with_icon(ui_ctx *c, icon_id icon, const char *text, ui_font font, int x, int y,
                          int w, bool draw)
{
    const ui_layout *L = c->L;
    if (!text || !*text)
        return 0;
    int lh = text_line_h(c->ms, font);
    int tw = w - lh - L->gap / 2;
    int tx = c->rtl ? x : x + lh + L->gap / 2;
    int h = w_text(c, text, font, COL_TEXT, tx, y, tw, 0, draw);
    if (draw)
        draw_icon(c->f, rect_make(c->rtl ? x + w - lh : x, y, lh, lh), icon, COL_TEXT);
    return h;
}

/* One contact as a card `w` wide at (x, y); returns its height (draws when `draw`). */
static int contact_card(ui_ctx *c, size_t i, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    const ui_contact *k = &c->m->contacts[i];
    int p = L->pad + L->border;
    int inner = w - 2 * p;
    const char *scan = tr(c, "Scan and call");
    bool has_qr = k->qr && k->qr_size > 0;
    /* the code beside the words when both fit, else under them */
    int side = has_qr ? qr_side(c, k, inner) : 0;
    int qr_w = side;
    if (has_qr) {
        int word = w_longest_word(c, UI_FONT_BOLD, scan);
        if (word > qr_w)
            qr_w = word;
    }
    /* a number is read as one: on one line, big where it fits */
    int icon_room = text_line_h(c->ms, UI_FONT_TITLE) + L->gap / 2;
    int phone_need = text_width(c->ms, UI_FONT_BOLD, k->c.phone) + icon_room;
    bool beside = has_qr && inner - qr_w - L->gap >= L->font[UI_FONT_BODY] * 8 &&
                  inner - qr_w - L->gap >= phone_need;
    int tw = beside ? inner - qr_w - L->gap : inner;
    ui_font phone_font =
        text_width(c->ms, UI_FONT_TITLE, k->c.phone) + icon_room <= tw ? UI_FONT_TITLE
                                                                         : UI_FONT_BOLD;
    int tx = c->rtl && beside ? x + p + qr_w + L->gap : x + p;
    /* the photo (about 25 mm) at the start of the words, where the words keep their room */
    int ph = 0;
    bool photo_above = false;
    if (k->photo && k->photo_w > 0 && k->photo_h > 0) {
        ph = (int)(L->ppm * 25);
        if (ph > tw)
            ph = tw;
        /* beside the words where they keep their room, else over them */
        photo_above = tw - ph - L->gap < L->font[UI_FONT_BODY] * 6 || tw - ph - L->gap < phone_need;
    }
    int photo_x = c->rtl ? tx + tw - ph : tx;
    int top_y = y + p + (photo_above ? ph + L->gap / 2 : 0);
    if (ph && !photo_above) {
        tw -= ph + L->gap;
        if (!c->rtl)
            tx += ph + L->gap;
        phone_font = text_width(c->ms, UI_FONT_TITLE, k->c.phone) + icon_room <= tw
                         ? UI_FONT_TITLE
                         : UI_FONT_BOLD;
    }

    ui_font name_font = heading_font(c, k->c.name, tw);
    int yy = top_y;
    yy += w_text(c, k->c.name, name_font, COL_TEXT, tx, yy, tw, 0, false);
    int role_h = w_text(c, k->c.role, UI_FONT_BODY, COL_TEXT, tx, yy, tw, 0, false);
    yy += role_h;
    int phone_y = yy + (k->c.phone[0] ? L->gap / 2 : 0);
    int phone_h = line_with_icon(c, ICON_PHONE, k->c.phone, phone_font, tx, phone_y, tw, false);
    yy = phone_y + phone_h;
    int hours_y = yy + (k->c.hours[0] ? L->gap / 2 : 0);
    int hours_h = line_with_icon(c, ICON_CLOCK, k->c.hours, UI_FONT_BODY, tx, hours_y, tw, false);
    yy = hours_y + hours_h;
    int text_bottom = yy > y + p + ph ? yy : y + p + ph;
    int qr_top = beside ? y + p : yy + L->gap;
    int scan_h = has_qr ? w_text(c, scan, UI_FONT_BOLD, COL_TEXT, 0, 0, qr_w, 0, false) : 0;
    int qr_bottom = has_qr ? qr_top + side + L->gap / 2 + scan_h : 0;
    int bottom = text_bottom > qr_bottom ? text_bottom : qr_bottom;
    int h = bottom + p - y;
    if (!draw)
        return h;

    ui_rect r = rect_make(x, y, w, h);
    draw_rect(c->f, r, COL_CARD, L->radius / 2);
    draw_frame(c->f, r, COL_LINE, L->border, L->radius / 2);
    if (ph)
        draw_image(c->f, rect_make(photo_x, y + p, ph, ph), k->photo, k->photo_w, k->photo_h);
    yy = top_y;
    yy += w_text(c, k->c.name, name_font, COL_TEXT, tx, yy, tw, 0, true);
    w_text(c, k->c.role, UI_FONT_BODY, COL_TEXT, tx, yy, tw, 0, true);
    line_with_icon(c, ICON_PHONE, k->c.phone, phone_font, tx, phone_y, tw, true);
    line_with_icon(c, ICON_CLOCK, k->c.hours, UI_FONT_BODY, tx, hours_y, tw, true);
    char id[32], label[CONTACT_NAME_MAX + CONTACT_ROLE_MAX + CONTACT_PHONE_MAX +
                        CONTACT_HOURS_MAX + 16];
    snprintf(label, sizeof label, "%s", k->c.name);
    const char *parts[3] = {k->c.role, k->c.phone, k->c.hours};
    for (int j = 0; j < 3; j++)
        if (parts[j][0])
            snprintf(label + strlen(label), sizeof label - strlen(label), " \xC2\xB7 %s",
                     parts[j]);
    snprintf(id, sizeof id, "contact:%zu", i);
    w_register(c, id, UI_ROLE_TEXT, label, r, 0, COL_TEXT, COL_CARD);
    if (has_qr) {
        int col_x = beside ? (c->rtl ? x + p : x + w - p - qr_w) : x + p;
        int col_w = beside ? qr_w : inner;
        ui_rect q = rect_make(col_x + (col_w - side) / 2, qr_top, side, side);
        draw_qr(c->f, q, k->qr, k->qr_size);
        snprintf(id, sizeof id, "qr:%zu", i);
        w_register(c, id, UI_ROLE_QR, scan, q, 0, COL_TEXT, COL_CARD);
        text_block b;
        text_wrap(&b, c->ms, UI_FONT_BOLD, scan, col_w, 0);
        text_draw(c->f, &b, scan, col_x, qr_top + side + L->gap / 2, col_w, UI_FONT_BOLD,
                  COL_TEXT, ALIGN_CENTER, c->rtl);
    }
    return h;
}

/* The emergency number, always first, in a colour that stands out (white on deep red-brown,
 * over 7:1); returns its height. */
static int emergency(ui_ctx *c, int x, int y, int w, bool draw)
{
    const ui_layout *L = c->L;
    int p = L->pad + L->border;
    const char *call = tr(c, "Emergency: call 112");
    const char *when = tr(c, "Fire, accident or danger to life");
    int lh = text_line_h(c->ms, UI_FONT_TITLE);
    int tw = w - 2 * p - lh - L->gap / 2;
    int tx = c->rtl ? x + p : x + p + lh + L->gap / 2;
    ui_font call_font = heading_font(c, call, tw);
    int h1 = w_text(c, call, call_font, COL_WHITE, tx, y + p, tw, 0, false);
    int h2 = w_text(c, when, UI_FONT_BODY, COL_WHITE, tx, y + p + h1, tw, 0, false);
    int h = p + h1 + h2 + p;
    if (!draw)
        return h;
    ui_rect r = rect_make(x, y, w, h);
    draw_rect(c->f, r, COL_FULL, L->radius / 2);
    draw_icon(c->f, rect_make(c->rtl ? x + w - p - lh : x + p, y + p, lh, lh), ICON_WARNING,
              COL_WHITE);
    w_text(c, call, call_font, COL_WHITE, tx, y + p, tw, 0, true);
    w_text(c, when, UI_FONT_BODY, COL_WHITE, tx, y + p + h1, tw, 0, true);
    char label[256];
    snprintf(label, sizeof label, "%s \xC2\xB7 %s", call, when);
    w_register(c, "emergency", UI_ROLE_TEXT, label, r, 0, COL_WHITE, COL_FULL);
    return h;
}

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    w_background(c);
    int top = w_top_bar(c, tr(c, "Who can I ask?"), NULL, NULL, ICON_NONE, false) + L->gap;
    int full_w = L->w - 2 * L->margin;
    int sb = L->btn_h;

    /* the cards in as many columns as fit a readable card; the scroll buttons beside the
     * list (landscape) or under it (portrait), only when it scrolls */
    ui_rect view = rect_make(L->margin, top, full_w, L->h - top);
    int content = 0;
    int ncols = 1, col_w = full_w;
    for (int pass = 0; pass < 2; pass++) {
        int w = view.w;
        ncols = (w + L->gap) / (L->col_min + L->gap);
        if (ncols < 1)
            ncols = 1;
        if ((size_t)ncols > m->n_contacts + 1)
            ncols = (int)m->n_contacts + 1;
        col_w = (w - (ncols - 1) * L->gap) / ncols;
        content = emergency(c, 0, 0, w, false) + L->gap;
        int row_h = 0;
        for (size_t i = 0; i < m->n_contacts; i++) {
            int h = contact_card(c, i, 0, 0, col_w, false);
            if (h > row_h)
                row_h = h;
            if ((int)(i % (size_t)ncols) == ncols - 1 || i + 1 == m->n_contacts) {
                content += row_h + L->gap;
                row_h = 0;
            }
        }
        content += L->margin;
        if (pass == 1 || content <= view.h)
            break;
        /* it scrolls: make room for the buttons and measure again */
        if (L->portrait)
            view.h -= sb + L->margin;
        else
            view.w -= sb + L->gap;
        if (!L->portrait && c->rtl)
            view.x += sb + L->gap;
    }
    int scroll_max;
    int s = w_scroll_begin(c, SCR_CONTACTS, view, content, COL_BG, &scroll_max);
    int yy = view.y - s;
    int eh = emergency(c, view.x, yy, view.w, false);
    if (yy + eh > view.y && yy < view.y + view.h)
        emergency(c, view.x, yy, view.w, true);
    yy += eh + L->gap;
    int row_h = 0;
    int heights[CONTACTS_MAX];
    for (size_t i = 0; i < m->n_contacts && i < CONTACTS_MAX; i++) {
        heights[i] = contact_card(c, i, 0, 0, col_w, false);
        if (heights[i] > row_h)
            row_h = heights[i];
        int col = (int)(i % (size_t)ncols);
        if (col == ncols - 1 || i + 1 == m->n_contacts) {
            for (size_t j = i - (size_t)col; j <= i; j++) {
                int k = (int)(j % (size_t)ncols);
                int cx = c->rtl ? view.x + view.w - (k + 1) * col_w - k * L->gap
                                : view.x + k * (col_w + L->gap);
                if (yy + heights[j] > view.y && yy < view.y + view.h)
                    contact_card(c, j, cx, yy, col_w, true);
            }
            yy += row_h + L->gap;
            row_h = 0;
        }
    }
    w_scroll_end(c);
    if (scroll_max > 0) {
        ui_rect up, down;
        if (L->portrait) {
            int bw = (full_w - L->gap) / 2;
            int by = L->h - L->margin - sb;
            up = rect_make(L->margin, by, bw, sb);
            down = rect_make(L->margin + bw + L->gap, by, bw, sb);
        } else {
            int bh = (view.h - L->margin - L->gap) / 2;
            if (bh > sb * 2)
                bh = sb * 2;
            if (bh < sb)
                bh = sb;
            int bx = c->rtl ? L->margin : L->w - L->margin - sb;
            up = rect_make(bx, view.y, sb, bh);
            down = rect_make(bx, L->h - L->margin - bh, sb, bh);
        }
        w_scroll_buttons(c, up, down, s, scroll_max);
    }
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    u->scroll[SCR_CONTACTS] = 0;
    ui_goto(u, SCR_HOME, now_ms);
}

static const ui_widget_def WIDGETS[] = {
    {"back", tap_back, NULL},
    {"scroll-up", ui_tap_scroll_up, NULL},
    {"scroll-down", ui_tap_scroll_down, NULL},
};

const ui_screen_def screen_contacts = {
    .name = "contacts",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .flags = UI_SCREEN_SCROLLS,
};
