/* keyboard: the Danish on-screen keyboard and the number pad.
 *
 * Keys are at least L->key (9 mm) square. On a narrow screen (a portrait 7" panel) a row of
 * eleven such keys does not fit, so each row is split in two, keeping the Danish order. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/widgets.h"

static const char *const ROWS[3][11] = {
    {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "\xC3\xA5"},
    {"a", "s", "d", "f", "g", "h", "j", "k", "l", "\xC3\xA6", "\xC3\xB8"},
    {"z", "x", "c", "v", "b", "n", "m"},
};
static const int ROW_LEN[3] = {11, 11, 7};

typedef struct chunk {
    int row, first, n;
} chunk;

/* Splits the letter rows into chunks of at most `per` keys. Returns the number of chunks. */
static int split_rows(int per, chunk out[12], int *longest)
{
    int k = 0;
    *longest = 0;
    for (int r = 0; r < 3; r++) {
        int parts = (ROW_LEN[r] + per - 1) / per;
        int first = 0;
        for (int p = 0; p < parts; p++) {
            int n = (ROW_LEN[r] - first + (parts - p) - 1) / (parts - p);
            out[k++] = (chunk){r, first, n};
            if (n > *longest)
                *longest = n;
            first += n;
        }
    }
    return k;
}

static void key_label(const char *key, bool upper, char out[8])
{
    uint32_t cp;
    size_t len = strlen(key);
    utf8_decode(key, len, &cp);
    if (upper)
        cp = text_upper_cp(cp);
    size_t k = utf8_encode(cp, out);
    out[k] = '\0';
}

/* A key as tall as the room allows, from 9 mm up to half as much again. */
static int key_height(const ui_layout *L, int max_h, int rows, int gap)
{
    int kh = max_h > 0 ? (max_h - (rows - 1) * gap) / rows : L->key;
    if (kh > L->key * 3 / 2)
        kh = L->key * 3 / 2;
    if (kh < L->key)
        kh = L->key;
    return kh;
}

int w_keyboard(ui_ctx *c, int x, int y, int w, int max_h, bool upper, bool draw)
{
    /* (The letter keys keep their old size, 9 mm and 52 px, until the keyboard's own rework
     * for 16 mm keys; the number pad has them already.) */
    ui_layout Lk = *c->L;
    int old_key = (int)ceil(9.0 * Lk.ppm), old_px = (int)lround(52 * Lk.sp);
    Lk.key = old_key > old_px ? old_key : old_px;
    const ui_layout *L = &Lk;
    int gap = L->gap * 2 / 3;
    int per = (w + gap) / (L->key + gap);
    /* a whole Danish row when the keys can keep their 9 mm at least (a 640 px wide window) */
    int key_min = (int)ceil(9.0 * L->ppm); /* (the old 9 mm keys, until the 16 mm keyboard) */
    if (per < 11 && (w + gap) / (key_min + gap) >= 11)
        per = 11;
    if (per < 6)
        per = 6;
    chunk chunks[12];
    int longest;
    int n = split_rows(per, chunks, &longest);
    int rows = n + 1;
    int kh = key_height(L, max_h, rows, gap);
    int kw = (w - (longest - 1) * gap) / longest;
    if (kw > kh * 3 / 2)
        kw = kh * 3 / 2;
    int total_w = longest * kw + (longest - 1) * gap;
    int x0 = x + (w - total_w) / 2;
    int h = rows * kh + (rows - 1) * gap;
    if (!draw)
        return h;

    char id[UI_ID_MAX], label[8];
    for (int i = 0; i < n; i++) {
        const chunk *ch = &chunks[i];
        int row_w = ch->n * kw + (ch->n - 1) * gap;
        int rx = x0 + (total_w - row_w) / 2;
        int ry = y + i * (kh + gap);
        for (int k = 0; k < ch->n; k++) {
            const char *key = ROWS[ch->row][ch->first + k];
            snprintf(id, sizeof id, "key:%s", key);
            key_label(key, upper, label);
            w_button(c, id, label, ICON_NONE, rect_make(rx + k * (kw + gap), ry, kw, kh), BTN_KEY,
                     UI_FONT_TITLE, false);
        }
    }
    /* shift, "-", space, ".", backspace: the marks of "Anne-Marie" and "H.C." by the space */
    int ry = y + n * (kh + gap);
    int side = (total_w - 4 * gap) * 3 / 14;
    if (side < L->key)
        side = L->key;
    int mark = kw > L->key ? kw : L->key;
    int space_w = total_w - 4 * gap - 2 * side - 2 * mark;
    int cx = x0;
    w_icon_button(c, "key:shift", tr(c, "Capital letter"), ICON_SHIFT, rect_make(cx, ry, side, kh),
                  upper ? BTN_KEY_ON : BTN_KEY, false);
    cx += side + gap;
    w_button(c, "key:-", "-", ICON_NONE, rect_make(cx, ry, mark, kh), BTN_KEY, UI_FONT_TITLE,
             false);
    cx += mark + gap;
    /* the word on the space bar when it fits; a blank wide key reads as space anyway */
    const char *space = tr(c, "space");
    if (w_button_width(c, space, ICON_NONE, UI_FONT_BODY) <= space_w)
        w_button(c, "key:space", space, ICON_NONE, rect_make(cx, ry, space_w, kh), BTN_KEY,
                 UI_FONT_BODY, false);
    else
        w_icon_button(c, "key:space", space, ICON_NONE, rect_make(cx, ry, space_w, kh), BTN_KEY,
                      false);
    cx += space_w + gap;
    w_button(c, "key:.", ".", ICON_NONE, rect_make(cx, ry, mark, kh), BTN_KEY, UI_FONT_TITLE,
             false);
    cx += mark + gap;
    w_icon_button(c, "key:backspace", tr(c, "Delete"), ICON_BACKSPACE,
                  rect_make(cx, ry, side, kh), BTN_KEY, false);
    return h;
}

int w_numpad(ui_ctx *c, int x, int y, int w, int max_h, int *wout, bool draw)
{
    const ui_layout *L = c->L;
    int gap = L->gap * 2 / 3;
    int kh = key_height(L, max_h, 4, gap);
    int kw = (w - 2 * gap) / 3;
    if (kw > kh * 8 / 5)
        kw = kh * 8 / 5;
    int total_w = 3 * kw + 2 * gap;
    if (wout)
        *wout = total_w;
    int h = 4 * kh + 3 * gap;
    if (!draw)
        return h;
    static const char *const PAD[4][3] = {
        {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {NULL, "0", "backspace"}};
    char id[UI_ID_MAX];
    for (int r = 0; r < 4; r++) {
        for (int k = 0; k < 3; k++) {
            const char *key = PAD[r][k];
            if (!key)
                continue;
            ui_rect rr = rect_make(x + k * (kw + gap), y + r * (kh + gap), kw, kh);
            if (strcmp(key, "backspace") == 0) {
                w_icon_button(c, "key:backspace", tr(c, "Delete"), ICON_BACKSPACE, rr, BTN_KEY,
                              false);
                continue;
            }
            snprintf(id, sizeof id, "digit:%s", key);
            w_button(c, id, key, ICON_NONE, rr, BTN_KEY, UI_FONT_HUGE, false);
        }
    }
    return h;
}
