/* theme: colours, the contrast rule, and the layout of a window size. */
#include <math.h>

#include "ui/theme.h"

ui_color ui_category_color(category c)
{
    /* Deep enough that a white pictogram reads at a glance (all >= 7:1 against white), far
     * enough apart that neighbours on a screen differ. */
    static const unsigned colours[CAT_COUNT] = {
        [CAT_OTHER] = 0x4B5563,    [CAT_FOOD] = 0x9A3412,  [CAT_WALK] = 0x14532D,
        [CAT_WORKSHOP] = 0x374151, [CAT_GAMES] = 0x6A1B9A, [CAT_HOMEWORK] = 0x1E40AF,
        [CAT_TALK] = 0x155E75,     [CAT_CAFE] = 0x713F12,  [CAT_SPORT] = 0xA4161A,
        [CAT_KIDS] = 0x9D174D,     [CAT_MUSIC] = 0x3730A3, [CAT_GARDEN] = 0x3F6212,
        [CAT_PARTY] = 0x86198F,    [CAT_MEETING] = 0x0B3D91, [CAT_CRAFTS] = 0x5D4037,
    };
    if ((int)c < 0 || c >= CAT_COUNT)
        c = CAT_OTHER;
    return ui_rgb(colours[c]);
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
    /* Fonts grow slower than the window, so a big screen shows more, not just bigger; they
     * never shrink below the 800x480 sizes (22 px and up). */
    L->fs = 1.0 + 0.6 * (L->s - 1.0);
    if (L->fs < 1.0)
        L->fs = 1.0;
    L->ppm = px_per_mm > 0 ? px_per_mm : UI_DEFAULT_PX_PER_MM;

    double fs = L->fs;
    L->font[UI_FONT_SMALL] = px(22 * fs);
    L->font[UI_FONT_BODY] = px(24 * fs);
    L->font[UI_FONT_BOLD] = px(24 * fs);
    L->font[UI_FONT_TITLE] = px(30 * fs);
    L->font[UI_FONT_HUGE] = px(44 * fs);

    L->margin = px(12 * fs);
    L->gap = px(10 * fs);
    L->pad = px(12 * fs);
    L->radius = px(14 * fs);
    L->border = px(2 * fs);
    L->icon = px(30 * fs);
    L->band_w = px(68 * fs);
    L->col_min = px(440 * fs);

    int btn_mm = (int)ceil(UI_BUTTON_MM * L->ppm);
    int key_mm = (int)ceil(UI_KEY_MM * L->ppm);
    L->btn_h = btn_mm > px(64 * fs) ? btn_mm : px(64 * fs);
    L->key = key_mm > px(52 * fs) ? key_mm : px(52 * fs);
    L->drag = px(4.0 * L->ppm);
    if (L->drag < 8)
        L->drag = 8;
}
