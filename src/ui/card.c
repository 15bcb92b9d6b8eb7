/* card: one activity on the home screen. A white card with the category's colour band and
 * white pictogram, the time big, the title, place and host, badges, and the places line.
 * Never a name of anyone who joined: counts only. */
#include <stdio.h>
#include <string.h>

#include "ui/card.h"

static const struct {
    unsigned bit;
    const char *word;
} BADGES[] = {
    {BADGE_FREE, "Free"},
    {BADGE_JUST_COME, "Just come"},
    {BADGE_CHILDCARE, "Childcare"},
    {BADGE_ALONE_OK, "It's fine to come alone"},
    {BADGE_RESIDENTS_ONLY, "For residents"},
    {BADGE_STEP_FREE, "No stairs"},
};

int card_badges(const ui_ctx *c, const ui_activity *a, bool skip_just_come, w_item *out, int max)
{
    int n = 0;
    for (size_t i = 0; i < sizeof BADGES / sizeof BADGES[0] && n < max; i++) {
        if (!(a->badges & BADGES[i].bit))
            continue;
        if (skip_just_come && BADGES[i].bit == BADGE_JUST_COME)
            continue;
        out[n++] = (w_item){icon_for_badge(BADGES[i].bit), tr(c, BADGES[i].word), COL_TEXT,
                            COL_CHIP, true, UI_FONT_SMALL};
    }
    return n;
}

void card_host_line(const ui_ctx *c, const ui_activity *a, char *out, size_t size)
{
    out[0] = '\0';
    if (a->host[0])
        i18n_format(out, size, tr(c, "Host: %s"), a->host);
}

int card_build(ui_ctx *c, const ui_entry *e, int x, int y, int w, int min_h, bool draw)
{
    const ui_layout *L = c->L;
    const ui_activity *a = &e->act;
    char when[96], countdown[64], host[ACT_HOST_MAX + 32], places_buf[96], helpers[96];
    char id[UI_ID_MAX], label[ACT_TITLE_MAX + 200];
    ui_color places_col;
    const char *places = ui_places_text(c, e, places_buf, sizeof places_buf, &places_col);
    i18n_when(c->cat, a->start, c->now, when, sizeof when);

    int band = L->band_w;
    /* a narrow card (a panel standing up) keeps its words whole (the title's, and the places
     * line's after its pictogram: Somali's "Is-diiwaangelintu"): the band gives up its room
     * down to a pictogram's, then the title is set a size smaller (never under 22 pt) */
    ui_font title_font = UI_FONT_TITLE;
    int title_word = w_longest_word(c, UI_FONT_TITLE, a->title);
    int places_word = w_longest_word(c, UI_FONT_BOLD, places) +
                      text_line_h(c->ms, UI_FONT_BOLD) + L->gap;
    int when_word = w_longest_word(c, UI_FONT_TITLE, when) + text_line_h(c->ms, UI_FONT_TITLE) +
                    L->gap; /* "Perşembe," after the clock */
    int longest = title_word > places_word ? title_word : places_word;
    if (when_word > longest)
        longest = when_word;
    if (longest > w - band - 2 * L->pad) {
        int least = L->icon + L->pad;
        band = w - 2 * L->pad - longest;
        if (band < least)
            band = least;
        if (band > L->band_w)
            band = L->band_w;
        if (title_word > w - band - 2 * L->pad)
            title_font = UI_FONT_BOLD;
    }
    int cx = c->rtl ? x + L->pad : x + band + L->pad;
    int cw = w - band - 2 * L->pad;
    int cy = y + L->pad;
    int step = L->gap / 2;

    i18n_countdown(c->cat, a->start, a->end, c->now, countdown, sizeof countdown);
    if (a->cancelled)
        countdown[0] = '\0';
    card_host_line(c, a, host, sizeof host);
    int free_slots = a->cancelled ? 0 : ui_free_helper_slots(c->m, e, c->now);
    helpers[0] = '\0';
    if (free_slots >= UI_SLOTS_UNLIMITED)
        snprintf(helpers, sizeof helpers, "%s", tr(c, "Give a hand"));
    else if (free_slots > 0)
        i18n_format(helpers, sizeof helpers,
                    i18n_plural(c->cat, "Give a hand: %d free spot", "Give a hand: %d free spots",
                                free_slots),
                    free_slots);

    snprintf(id, sizeof id, "card:%s", a->uid);
    bool pressed = draw && w_pressed(c, id);
    ui_color bg = pressed ? COL_CHIP : COL_CARD;

    if (draw) {
        /* the card at the height its row gives it, the band and the pictogram */
        draw_rect(c->f, rect_make(x, y, w, min_h), bg, L->radius);
        ui_color cat = ui_category_color(a->category);
        int bx = c->rtl ? x + w - band : x;
        draw_rect(c->f, rect_make(bx, y, band, min_h), cat, L->radius);
        draw_rect(c->f, rect_make(c->rtl ? bx : bx + band - L->radius, y, L->radius, min_h), cat,
                  0); /* square off the band's inner edge */
        int ic = band - L->pad;
        draw_icon(c->f, rect_make(bx + (band - ic) / 2, y + L->pad, ic, ic),
                  icon_for_category(a->category), COL_WHITE);
    }
    int yy = cy;
    /* the time, and "om 20 min." / "Nu" */
    w_item top[2] = {
        {ICON_CLOCK, when, COL_TEXT, bg, false, UI_FONT_TITLE}, /* the time, big */
        {ICON_NONE, countdown, COL_WHITE, COL_SOON, true, UI_FONT_BOLD},
    };
    yy += w_flow(c, top, 2, cx, yy, cw, draw) + step;
    /* the title */
    yy += w_text(c, a->title, title_font, COL_TEXT, cx, yy, cw, 4, draw) + step;
    /* place and host */
    w_item facts[2] = {
        {ICON_PLACE, a->place, COL_TEXT_SOFT, bg, false, UI_FONT_SMALL},
        {ICON_HOST, host, COL_TEXT_SOFT, bg, false, UI_FONT_SMALL},
    };
    int fh = w_flow(c, facts, 2, cx, yy, cw, draw);
    if (fh)
        yy += fh + step;
    /* badges ("Bare kom" only once when the places line says it already) */
    w_item badges[BADGE_COUNT];
    bool just_come_said = a->mode != SIGNUP_MODE_OPEN && !a->cancelled;
    int nb = card_badges(c, a, just_come_said, badges, BADGE_COUNT);
    int bh = w_flow(c, badges, nb, cx, yy, cw, draw);
    if (bh)
        yy += bh + step;
    /* places, and helpers wanted */
    w_item pl[2] = {
        {ICON_PEOPLE, places, places_col, bg, false, UI_FONT_BOLD},
        {ICON_HELP_HAND, helpers, COL_TEXT, COL_CHIP, true, UI_FONT_SMALL},
    };
    if (a->cancelled) /* said clearly, in a calm grey, not in red */
        pl[0] = (w_item){ICON_CROSS, places, COL_CLOSED, COL_DISABLED_BG, true, UI_FONT_BOLD};
    if (places_word > cw) /* the words before their pictogram */
        pl[0].icon = ICON_NONE;
    yy += w_flow(c, pl, 2, cx, yy, cw, draw);

    int h = yy - y + L->pad;
    if (h < band + L->pad)
        h = band + L->pad;
    if (h < L->btn_h)
        h = L->btn_h;
    if (!draw)
        return h > min_h ? h : min_h;
    snprintf(label, sizeof label, "%s \xC2\xB7 %s \xC2\xB7 %s", a->title, when, places);
    w_register(c, id, UI_ROLE_CARD, label, rect_make(x, y, w, min_h),
               UI_WIDGET_TAPPABLE | (pressed ? UI_WIDGET_PRESSED : 0), COL_TEXT, bg);
    return min_h;
}
