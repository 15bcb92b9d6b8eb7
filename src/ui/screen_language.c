/* language: the chooser behind home's language button. Every language of the kiosk as a big
 * button with its own name in its own script ("Dansk", "English", "العربية", "Soomaali",
 * "Türkçe", "اردو"), the one in use marked; one tap picks it and goes home. */
#include <stdio.h>
#include <string.h>

#include "ui/widgets.h"
#include "ui/nav.h"
#include "ui/screen.h"

/* what a tap on language reaches (WIDGETS, at the end) */
enum { W_BACK, W_LANG, W_COUNT };
static const ui_widget_def WIDGETS[W_COUNT];

static void build(ui_ctx *c)
{
    const ui_layout *L = c->L;
    const ui_model *m = c->m;
    w_background(c);
    int top = w_top_bar(c, tr(c, "Choose your language"), NULL, NULL, ICON_NONE, false);
    size_t n = m->n_langs;
    if (!n)
        return;
    int full_w = L->w - 2 * L->margin;
    /* as many columns as the longest name allows, the buttons as wide as they can be */
    int need = L->btn_h * 2;
    for (size_t i = 0; i < n; i++) {
        int w = w_button_width(c, i18n_lang_name(m->langs[i]), ICON_CHECK, UI_FONT_TITLE);
        if (w > need)
            need = w;
    }
    int ncols = (full_w + L->gap) / (need + L->gap);
    if (ncols < 1)
        ncols = 1;
    if ((size_t)ncols > n)
        ncols = (int)n;
    int bw = (full_w - (ncols - 1) * L->gap) / ncols;
    int rows = (int)((n + (size_t)ncols - 1) / (size_t)ncols);
    int bh = L->btn_h;
    ui_rect view = rect_make(L->margin, top + L->gap, full_w, L->h - top - L->gap);
    int content = rows * bh + (rows - 1) * L->gap + L->margin;
    int scroll_max;
    int s = w_scroll_begin(c, SCR_LANGUAGE, view, content, COL_BG, &scroll_max);
    char id[32];
    for (size_t i = 0; i < n; i++) {
        int col = (int)(i % (size_t)ncols), row = (int)(i / (size_t)ncols);
        int slot = c->rtl ? ncols - 1 - col : col;
        ui_rect r = rect_make(view.x + slot * (bw + L->gap), view.y - s + row * (bh + L->gap), bw,
                              bh);
        if (r.y + r.h <= view.y || r.y >= view.y + view.h)
            continue;
        bool current = i == c->u->lang;
        ui_widget_id(&WIDGETS[W_LANG], i18n_lang(m->langs[i]), id, sizeof id);
        w_button(c, id, i18n_lang_name(m->langs[i]), current ? ICON_CHECK : ICON_NONE, r,
                 current ? BTN_CHOSEN : BTN_SECONDARY, UI_FONT_TITLE, false);
    }
    w_scroll_end(c);
    /* (six languages fit every supported window; a longer list scrolls by swipe) */
}

static void tap_back(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg;
    ui_goto(u, SCR_HOME, now_ms);
}

static void tap_lang(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    for (size_t i = 0; i < m->n_langs; i++) {
        if (strcmp(i18n_lang(m->langs[i]), arg) == 0) {
            u->lang = i;
            u->scroll[SCR_HOME] = 0;
            ui_goto(u, SCR_HOME, now_ms);
            return;
        }
    }
}

static const ui_widget_def WIDGETS[W_COUNT] = {
    [W_BACK] = {"back", tap_back, NULL},
    [W_LANG] = {"lang:", tap_lang, NULL}, /* lang:<code>, each language in its own name */
};

const ui_screen_def screen_language = {
    .name = "language",
    .build = build,
    .widgets = UI_WIDGETS(WIDGETS),
    .flags = UI_SCREEN_SCROLLS,
};
