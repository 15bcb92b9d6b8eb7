/* admin-test: a grid of squares of 16 mm and more that light up where touched (down and
 * move, ui.c), and the last position in pixels. */
#include <stdio.h>
#include <string.h>

#include "ui/admin.h"

void ui_admin_test_touch(ui *u, int x, int y)
{
    ui_admin_state *ad = &u->admin;
    ad->test_x = x;
    ad->test_y = y;
    if (!u->have_last)
        return;
    const ui_widget *w = ui_frame_hit(&u->last, x, y);
    int r, col;
    if (w && sscanf(w->id, "test:%d:%d", &r, &col) == 2 && r >= 0 && r < UI_TEST_ROWS_MAX &&
        col >= 0 && col < UI_TEST_COLS_MAX)
        ad->lit[r][col] = true;
}

static void build(ui_ctx *c)
{
    w_background(c);
    const ui_layout *L = c->L;
    ui_admin_state *ad = &c->u->admin;
    int top = w_top_bar(c, tr_staff(c, "Touch test"), NULL, NULL, ICON_NONE, false);
    char pos[128];
    if (ad->test_x >= 0)
        i18n_format(pos, sizeof pos, tr_staff(c, "Last touch: x %d, y %d"), ad->test_x, ad->test_y);
    else
        snprintf(pos, sizeof pos, "%s", tr_staff(c, "Touch every square: it turns green"));
    int y = top + L->gap / 2;
    y += w_text_widget(c, "touch-pos", UI_ROLE_TEXT, pos, UI_FONT_BOLD, COL_TEXT, COL_BG, L->margin,
                       y, L->w - 2 * L->margin, 3, true) +
         L->gap / 2;
    /* squares of 16 mm and more, filling the rest */
    int gap = L->gap / 2;
    int gw = L->w - 2 * L->margin, gh = L->h - L->margin - y;
    int cell = L->btn_h;
    int cols = (gw + gap) / (cell + gap), rows = (gh + gap) / (cell + gap);
    if (cols > UI_TEST_COLS_MAX)
        cols = UI_TEST_COLS_MAX;
    if (rows > UI_TEST_ROWS_MAX)
        rows = UI_TEST_ROWS_MAX;
    if (cols < 1 || rows < 1)
        return;
    int cw = (gw - (cols - 1) * gap) / cols, chh = (gh - (rows - 1) * gap) / rows;
    ad->test_rows = rows;
    ad->test_cols = cols;
    char id[32];
    for (int r = 0; r < rows; r++) {
        for (int k = 0; k < cols; k++) {
            ui_rect cr = rect_make(L->margin + k * (cw + gap), y + r * (chh + gap), cw, chh);
            bool lit = ad->lit[r][k];
            draw_rect(c->f, cr, lit ? COL_PRIMARY : COL_CARD, L->radius / 3);
            if (lit)
                draw_icon(c->f, rect_make(cr.x + cr.w / 4, cr.y + cr.h / 4, cr.w / 2, cr.h / 2),
                          ICON_CHECK, COL_WHITE);
            else
                draw_frame(c->f, cr, COL_LINE, L->border, L->radius / 3);
            snprintf(id, sizeof id, "test:%d:%d", r, k);
            w_register(c, id, UI_ROLE_BUTTON, lit ? "1" : "0", cr,
                       UI_WIDGET_TAPPABLE | (lit ? UI_WIDGET_SELECTED : 0),
                       lit ? COL_WHITE : COL_TEXT, lit ? COL_PRIMARY : COL_CARD);
        }
    }
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_goto(u, SCR_ADMIN, now_ms);
}

/* the squares (test:<row>:<column>) light on the touch itself (ui_admin_test_touch), not on
 * a tap, so they answer no tap here */
static const ui_widget_def WIDGETS[] = {
    {"back", tap_back, NULL},
    {"test:", NULL, NULL},
};

const ui_screen_def screen_admin_test = {
    .name = "admin-test",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .may_tap = ui_admin_may_tap,
    .touch = ui_admin_test_touch,
};
