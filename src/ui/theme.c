/* theme: colours, the contrast rule, and the layout of a window size. */
#include <math.h>

#include "ui/theme.h"

ui_color ui_category_color(category c)
{
    return ui_rgb(category_rgb(c)); /* the table is core's: paper uses the same */
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(ui_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double ui_contrast(ui_color a, ui_color b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

static int px(double v)
{
    return (int)lround(v);
}

static int at_least(int v, int min)
{
    return v > min ? v : min;
}

double ui_panel_inches(int w, int h)
{
    int l = w > h ? w : h, s = w > h ? h : w;
    static const struct {
        int l, s;
        double inches;
    } PANELS[] = {
        {800, 480, 7.0},    {1024, 600, 7.0},   {1280, 800, 10.1}, {1280, 720, 10.1},
        {1366, 768, 15.6},  {1920, 1080, 21.5}, {1920, 1200, 24.0}, {2560, 1440, 27.0},
        {3840, 2160, 27.0},
    };
    for (size_t i = 0; i < sizeof PANELS / sizeof PANELS[0]; i++)
        if (PANELS[i].l == l && PANELS[i].s == s)
            return PANELS[i].inches;
    /* a window of another size: as dense as the 7" 800x480 panel when it is about that
     * big (a window on a small panel), else a 100 dpi monitor */
    double dpi = l <= 1024 ? sqrt(800.0 * 800 + 480.0 * 480) / 7.0 : 100.0;
    return sqrt((double)l * l + (double)s * s) / dpi;
}

double ui_px_per_mm(int w, int h, double inches)
{
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    if (inches <= 0)
        inches = ui_panel_inches(w, h);
    return sqrt((double)w * w + (double)h * h) / (inches * 25.4);
}

void ui_layout_compute(ui_layout *L, int w, int h, double px_per_mm)
{
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    L->w = w;
    L->h = h;
    L->portrait = h > w;
    int long_side = w > h ? w : h, short_side = w > h ? h : w;
    double sl = long_side / 800.0, ss = short_side / 480.0;
    L->s = sl < ss ? sl : ss;
    L->ppm = px_per_mm > 0 ? px_per_mm : ui_px_per_mm(w, h, 0);
    L->target = (int)ceil(UI_TARGET_MM * L->ppm - 1e-9);
    L->text_min = (int)ceil(UI_TEXT_MIN_MM * L->ppm - 1e-9);

    /* Fonts grow slower than the window, so a big screen shows more, not just bigger; on a
     * small panel the 22 pt minimum decides. */
    double win = 1.0 + 0.6 * (L->s - 1.0);
    if (win < 1.0)
        win = 1.0;
    int body = at_least(px(24 * win), L->text_min);
    L->font[UI_FONT_SMALL] = at_least(px(22 * win), L->text_min);
    L->font[UI_FONT_BODY] = body;
    L->font[UI_FONT_BOLD] = body;
    L->font[UI_FONT_TITLE] = at_least(px(30 * win), px(body * 1.2));
    L->font[UI_FONT_HUGE] = at_least(px(44 * win), px(body * 1.6));
    L->fs = body / 24.0;
    L->sp = win;

    /* Room around things grows with the window (a small panel keeps its room for words);
     * what sits beside words grows with them. */
    double sp = L->sp;
    L->margin = px(12 * sp);
    L->gap = px(10 * sp);
    L->pad = px(12 * sp);
    L->radius = px(14 * sp);
    L->border = at_least(px(2 * sp), 2);
    L->icon = px(body * 1.25);
    L->band_w = px(body * 2.8);
    L->col_min = px(body * 18);

    L->btn_h = at_least(px(64 * sp), L->target);
    L->key = at_least(px(52 * sp), L->target);
    L->drag = at_least(px(4.0 * L->ppm), 8);
}
