/* harness: a fake font, a fake clock, a model of an estate's week, taps by widget id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "harness.h"
#include "ui/theme.h"

void h_measure_size(void *ctx, ui_font font, const char *utf8, int *w, int *h)
{
    const int *sizes = ctx;
    int size = sizes[font];
    *w = (int)(utf8_length(utf8) * (size_t)size * 55 / 100);
    *h = size * 136 / 100;
}

static int font_sizes[UI_FONT_COUNT];

static void set(activity *a, const char *uid, const char *title, category cat,
                const char *start, const char *end)
{
    memset(a, 0, sizeof *a);
    snprintf(a->uid, sizeof a->uid, "%s", uid);
    snprintf(a->title, sizeof a->title, "%s", title);
    a->category = cat;
    a->start = ts_time(start);
    a->end = end ? ts_time(end) : a->start;
    a->mode = SIGNUP_MODE_OPEN;
    snprintf(a->place, sizeof a->place, "%s", "Fælleshuset");
}

static void build_model(harness *h)
{
    ui_entry *e = h->entries;
    memset(e, 0, sizeof h->entries);
    activity *a;

    a = &e[E_GAMMEL].act;
    set(a, "gammel-2311", "Brætspil", CAT_GAMES, "2026-11-23 19:00", "2026-11-23 21:00");

    a = &e[E_KAFFE].act;
    set(a, "kaffe-2411", "Morgenkaffe", CAT_CAFE, "2026-11-24 09:30", "2026-11-24 11:00");
    snprintf(a->host, sizeof a->host, "Lis");
    a->badges = BADGE_FREE;

    a = &e[E_GAA].act;
    set(a, "gaa-2411", "Gåtur i parken", CAT_WALK, "2026-11-24 10:20", "2026-11-24 11:30");
    snprintf(a->host, sizeof a->host, "Karl");
    snprintf(a->place, sizeof a->place, "Ved hovedindgangen");
    a->mode = SIGNUP_MODE_NONE;
    a->badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK;
    e[E_GAA].qr = h->qr;
    e[E_GAA].qr_size = 21;
    e[E_GAA].qr_kind = UI_QR_CALENDAR;

    a = &e[E_SPIS].act;
    set(a, "spis-2411", "Fællesspisning", CAT_FOOD, "2026-11-24 18:00", "2026-11-24 20:00");
    snprintf(a->host, sizeof a->host, "Hanne");
    snprintf(a->price, sizeof a->price, "25 kr., børn 10 kr.");
    snprintf(a->audience, sizeof a->audience, "For alle i afdelingen");
    snprintf(a->description, sizeof a->description,
             "Vi laver mad sammen og spiser ved de lange borde. Tag gerne naboen med.\n"
             "Der er altid en vegetarret.");
    a->capacity = 30;
    a->deadline = ts_time("2026-11-24 12:00");
    a->count_household = true;
    a->badges = BADGE_CHILDCARE | BADGE_ALONE_OK | BADGE_STEP_FREE;
    a->n_tasks = 2;
    a->tasks[0] = (helper_task){11, "Dække bord", 30, 2};
    a->tasks[1] = (helper_task){12, "Opvask", 30, 2};
    e[E_SPIS].counts = (activity_counts){.heads_taken = 25, .signups = 10, .adults = 18,
                                         .children = 7, .helpers = 2,
                                         .task_taken = {0, 2}};
    e[E_SPIS].qr = h->qr;
    e[E_SPIS].qr_size = 21;
    e[E_SPIS].qr_kind = UI_QR_URL;

    a = &e[E_STRIK].act;
    set(a, "strik-2511", "Strikkecafé", CAT_CRAFTS, "2026-11-25 14:00", "2026-11-25 16:00");
    a->badges = BADGE_STEP_FREE;

    a = &e[E_LEKTIE].act;
    set(a, "lektie-2511", "Lektiecafé", CAT_HOMEWORK, "2026-11-25 15:00", "2026-11-25 17:00");
    a->capacity = 4;
    a->badges = BADGE_FREE;
    e[E_LEKTIE].counts = (activity_counts){.heads_taken = 3, .signups = 3, .adults = 3};

    a = &e[E_BANKO].act;
    set(a, "banko-2611", "Banko", CAT_GAMES, "2026-11-26 19:00", "2026-11-26 21:30");
    snprintf(a->price, sizeof a->price, "Plader 10 kr.");
    a->capacity = 20;
    e[E_BANKO].counts = (activity_counts){.heads_taken = 20, .signups = 20, .adults = 20,
                                          .waiting = 2};

    a = &e[E_FOREDRAG].act;
    set(a, "foredrag-2711", "Foredrag: Bedre søvn", CAT_TALK, "2026-11-27 19:00",
        "2026-11-27 20:30");
    a->capacity = 40;
    a->deadline = ts_time("2026-11-24 08:00");
    e[E_FOREDRAG].counts = (activity_counts){.heads_taken = 10, .signups = 10, .adults = 10};

    a = &e[E_VAERKSTED].act;
    set(a, "vaerksted-3011", "Cykelværksted", CAT_WORKSHOP, "2026-11-30 16:00",
        "2026-11-30 18:00");
    a->mode = SIGNUP_MODE_HELPERS;
    a->n_tasks = 2;
    a->tasks[0] = (helper_task){21, "Lave kaffe", 30, 1};
    a->tasks[1] = (helper_task){22, "Rydde op", 20, 2};

    a = &e[E_FEST].act;
    set(a, "fest-1212", "Julefest", CAT_PARTY, "2026-12-12 17:00", "2026-12-12 22:00");
    a->capacity = 60;
    a->cancelled = true;

    h->m.entries = h->entries;
    h->m.n_entries = E_COUNT;
    h->m.langs = (const i18n_catalog *const *)h->langs;
    h->m.n_langs = h->n_langs;
    h->m.estate_name = "Fælleshuset, Solbakken";
}

harness *h_new(int width, int height)
{
    return h_new_panel(width, height, 0);
}

harness *h_new_panel(int width, int height, double inches)
{
    harness *h = calloc(1, sizeof *h);
    assert_non_null(h);
    vm_err err = {0};
    h->langs[0] = i18n_catalog_embedded("da", &err);
    assert_non_null(h->langs[0]);
    h->langs[1] = i18n_catalog_embedded("en", &err);
    assert_non_null(h->langs[1]);
    h->n_langs = 2;
    for (int i = 0; i < 21 * 21; i++)
        h->qr[i] = (uint8_t)((i * 7 + i / 21) % 3 == 0);
    build_model(h);
    h->width = width;
    h->height = height;
    /* (Next: the panel's density, ui_px_per_mm(width, height, inches), for every test; until
     * the screens have the new sizes, the old 5.4 px/mm the tests were written for.) */
    h->ppm = inches > 0 ? ui_px_per_mm(width, height, inches) : 5.4;
    ui_options opt = {.width = width, .height = height, .px_per_mm = h->ppm, .idle_ms = 60000,
                      .default_lang = 0};
    h->u = ui_new(&opt);
    assert_non_null(h->u);
    ui_font_sizes(h->u, font_sizes);
    h->ms = (ui_measure){.ctx = font_sizes, .size = h_measure_size};
    ui_frame_init(&h->f);
    h->now_ms = ts_time(H_NOW) * 1000;
    h->secret = "Birgitte";
    h->check_layout = true;
    h_build(h);
    return h;
}

void h_free(harness *h)
{
    if (!h)
        return;
    ui_free(h->u);
    ui_frame_free(&h->f);
    for (size_t i = 0; i < h->n_langs; i++)
        i18n_catalog_free(h->langs[i]);
    free(h);
}

static bool public_screen(const char *screen)
{
    static const char *const PUBLIC[] = {"home", "detail", "join-done", "cancel-done", "idle",
                                         "night", "sync", "sync-done", "too-small"};
    for (size_t i = 0; i < sizeof PUBLIC / sizeof PUBLIC[0]; i++)
        if (strcmp(screen, PUBLIC[i]) == 0)
            return true;
    return false;
}

void h_build(harness *h)
{
    ui_font_sizes(h->u, font_sizes);
    ui_build(h->u, &h->m, &h->ms, h->now_ms, &h->f);
    assert_false(h->f.oom);
    assert_string_equal(h->f.screen, ui_screen_name(h->u));
    h_check_contrast(&h->f);
    if (h->check_layout)
        h_check_layout(&h->f, font_sizes, h->ppm);
    if (h->secret && public_screen(h->f.screen))
        h_check_no_secret(&h->f, h->secret);
    h->frames++;
}

bool h_has(harness *h, const char *id)
{
    return ui_frame_find(&h->f, id) != NULL;
}

const ui_widget *h_widget(harness *h, const char *id)
{
    const ui_widget *w = ui_frame_find(&h->f, id);
    if (!w)
        fail_msg("no widget '%s' on the screen '%s'", id, h->f.screen);
    return w;
}

void h_tap_at(harness *h, int x, int y, int64_t advance_ms)
{
    h->now_ms += advance_ms;
    ui_input in = {.kind = UI_IN_DOWN, .x = x, .y = y};
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h->now_ms += 60;
    in.kind = UI_IN_UP;
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
}

bool h_press(harness *h, int x, int y)
{
    ui_input in = {.kind = UI_IN_DOWN, .x = x, .y = y};
    bool changed = ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    return changed;
}

bool h_release(harness *h, int x, int y)
{
    ui_input in = {.kind = UI_IN_UP, .x = x, .y = y};
    bool changed = ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    return changed;
}

void h_tap(harness *h, const char *id)
{
    const ui_widget *w = h_widget(h, id);
    h_tap_at(h, w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2, 500);
}

static uint32_t lower(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 32;
    return cp;
}

void h_type(harness *h, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(text + i, len - i, &cp);
        if (cp == ' ') {
            h_tap(h, "key:space");
            continue;
        }
        uint32_t lc = lower(cp);
        bool want_upper = lc != cp;
        bool upper_now = strcmp(h_widget(h, "key:a")->label, "A") == 0;
        if (want_upper != upper_now)
            h_tap(h, "key:shift");
        char id[16] = "key:";
        size_t k = utf8_encode(lc, id + 4);
        id[4 + k] = '\0';
        h_tap(h, id);
    }
}

void h_digits(harness *h, const char *code)
{
    for (const char *p = code; *p; p++) {
        char id[16];
        snprintf(id, sizeof id, "digit:%c", *p);
        h_tap(h, id);
    }
}

bool h_advance(harness *h, int64_t ms)
{
    h->now_ms += ms;
    bool changed = ui_tick(h->u, &h->m, h->now_ms);
    h_build(h);
    return changed;
}

bool h_text_equals(const harness *h, const char *s)
{
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_TEXT && strcmp(h->f.cmds[i].text, s) == 0)
            return true;
    return false;
}

bool h_text_contains(const harness *h, const char *s)
{
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_TEXT && strstr(h->f.cmds[i].text, s))
            return true;
    return false;
}

bool h_label_contains(const harness *h, const char *s)
{
    for (size_t i = 0; i < h->f.n_widgets; i++)
        if (strstr(h->f.widgets[i].label, s))
            return true;
    return false;
}

const char *h_screen(const harness *h)
{
    return h->f.screen;
}

/* ---- the checks */

/* Every widget's colours, and every text against the rectangle it is drawn on, >= 7:1. */
void h_check_contrast(const ui_frame *f)
{
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        if (w->role == UI_ROLE_LIST || w->role == UI_ROLE_QR)
            continue;
        double c = ui_contrast(w->fg, w->bg);
        if (c < 7.0)
            fail_msg("%s: widget '%s' has contrast %.2f", f->screen, w->id, c);
    }
    ui_rect clip = {0, 0, 0, 0};
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *t = &f->cmds[i];
        if (t->kind == DRAW_CLIP)
            clip = t->rect;
        if (t->kind != DRAW_TEXT)
            continue;
        /* what shows of the text: its part inside the clip */
        ui_rect vis = t->rect;
        if (clip.w > 0 && clip.h > 0) {
            int x0 = vis.x > clip.x ? vis.x : clip.x, y0 = vis.y > clip.y ? vis.y : clip.y;
            int x1 = vis.x + vis.w < clip.x + clip.w ? vis.x + vis.w : clip.x + clip.w;
            int y1 = vis.y + vis.h < clip.y + clip.h ? vis.y + vis.h : clip.y + clip.h;
            if (x1 <= x0 || y1 <= y0)
                continue; /* not seen at all */
            vis = (ui_rect){x0, y0, x1 - x0, y1 - y0};
        }
        int cx = vis.x + vis.w / 2, cy = vis.y + vis.h / 2;
        ui_color bg = {255, 255, 255, 255};
        bool found = false;
        for (size_t j = i; j-- > 0;) {
            const draw_cmd *r = &f->cmds[j];
            if (r->kind == DRAW_RECT && ui_rect_contains(r->rect, cx, cy)) {
                bg = r->color;
                found = true;
                break;
            }
        }
        if (!found)
            fail_msg("%s: text '%s' is drawn on nothing", f->screen, t->text);
        double c = ui_contrast(t->color, bg);
        if (c < 7.0)
            fail_msg("%s: text '%s' at (%d,%d %dx%d) has contrast %.2f on #%02x%02x%02x",
                     f->screen, t->text, t->rect.x, t->rect.y, t->rect.w, t->rect.h, c, bg.r,
                     bg.g, bg.b);
    }
}

static bool touches_list_edge(const ui_frame *f, ui_rect r)
{
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *l = &f->widgets[i];
        if (l->role != UI_ROLE_LIST)
            continue;
        if (r.y <= l->rect.y || r.y + r.h >= l->rect.y + l->rect.h)
            return ui_rect_contains(l->rect, r.x, r.y + r.h / 2);
    }
    return false;
}

static bool overlap(ui_rect a, ui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void h_check_sizes(const ui_frame *f, const int font_px[UI_FONT_COUNT], double ppm)
{
    const double eps = 1e-6;
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        if (!(w->flags & UI_WIDGET_TAPPABLE) || touches_list_edge(f, w->rect))
            continue;
        double wmm = w->rect.w / ppm, hmm = w->rect.h / ppm;
        if (wmm + eps < UI_TARGET_MM || hmm + eps < UI_TARGET_MM)
            fail_msg("%s %dx%d: '%s' is %.1f x %.1f mm (%dx%d px), under %.0f mm", f->screen,
                     f->width, f->height, w->id, wmm, hmm, w->rect.w, w->rect.h, UI_TARGET_MM);
    }
    for (size_t i = 0; i < f->n_cmds; i++) {
        const draw_cmd *t = &f->cmds[i];
        if (t->kind != DRAW_TEXT)
            continue;
        double em = font_px[t->font] / ppm;
        if (em + eps < UI_TEXT_MIN_MM)
            fail_msg("%s %dx%d: text '%s' is %.1f pt (%d px), under %.0f pt", f->screen,
                     f->width, f->height, t->text, em * 72.0 / 25.4, font_px[t->font],
                     UI_TEXT_MIN_PT);
    }
}

void h_check_layout(const ui_frame *f, const int font_px[UI_FONT_COUNT], double ppm)
{
    /* (Next: h_check_sizes on every frame, once every screen has the new sizes.) */
    (void)font_px;
    int button_min = (int)(12.0 * ppm * 0.98), key_min = (int)(9.0 * ppm * 0.98);
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        ui_rect r = w->rect;
        if (r.x < 0 || r.y < 0 || r.x + r.w > f->width || r.y + r.h > f->height || r.w <= 0 ||
            r.h <= 0)
            fail_msg("%s %dx%d: widget '%s' (%d,%d %dx%d) is off the screen", f->screen,
                     f->width, f->height, w->id, r.x, r.y, r.w, r.h);
        if (!(w->flags & UI_WIDGET_TAPPABLE))
            continue;
        if (!touches_list_edge(f, r)) {
            int min = w->role == UI_ROLE_KEY ? key_min : button_min;
            if (r.w < min || r.h < min)
                fail_msg("%s %dx%d: '%s' is %dx%d px, under %d px", f->screen, f->width,
                         f->height, w->id, r.w, r.h, min);
        }
        for (size_t j = 0; j < f->n_widgets; j++) {
            const ui_widget *o = &f->widgets[j];
            if (j == i || o->role == UI_ROLE_LIST)
                continue;
            if (overlap(r, o->rect))
                fail_msg("%s %dx%d: '%s' overlaps '%s'", f->screen, f->width, f->height, w->id,
                         o->id);
        }
    }
}

void h_check_no_secret(const ui_frame *f, const char *secret)
{
    for (size_t i = 0; i < f->n_cmds; i++)
        if (f->cmds[i].kind == DRAW_TEXT && strstr(f->cmds[i].text, secret))
            fail_msg("%s shows the name '%s' in '%s'", f->screen, secret, f->cmds[i].text);
    for (size_t i = 0; i < f->n_widgets; i++)
        if (strstr(f->widgets[i].label, secret) || strstr(f->widgets[i].id, secret))
            fail_msg("%s has the name '%s' in widget '%s'", f->screen, secret, f->widgets[i].id);
}

static bool can_scroll(harness *h, const char *id)
{
    return h_has(h, id) && !(h_widget(h, id)->flags & UI_WIDGET_DISABLED);
}

void h_scroll_top(harness *h)
{
    for (int i = 0; i < 40 && can_scroll(h, "scroll-up"); i++)
        h_tap(h, "scroll-up");
}

const ui_widget *h_scroll_to(harness *h, const char *id)
{
    h_scroll_top(h);
    for (int i = 0; i < 40 && !h_has(h, id); i++) {
        if (!can_scroll(h, "scroll-down"))
            break;
        h_tap(h, "scroll-down");
    }
    return h_widget(h, id);
}

void h_open_detail(harness *h, int e)
{
    char id[160];
    snprintf(id, sizeof id, "card:%s", h->entries[e].act.uid);
    h_scroll_top(h);
    for (int i = 0; i < 30 && !h_has(h, id); i++) {
        assert_true(h_has(h, "scroll-down"));
        h_tap(h, "scroll-down");
    }
    /* a card half scrolled away: one more step brings all of it in */
    const ui_widget *w = h_widget(h, id);
    if (w->rect.h < 60 && h_has(h, "scroll-down") &&
        !(h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED))
        h_tap(h, "scroll-down");
    h_tap(h, id);
    assert_string_equal(h_screen(h), "detail");
}
