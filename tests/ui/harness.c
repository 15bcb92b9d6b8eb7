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

/* Advance of one character in thousandths of an em, near Noto Sans Regular's: narrow
 * letters are narrow, so a layout made for the fake font is made for the real one. */
static int advance(uint32_t cp)
{
    if (cp == ' ' || cp == 'i' || cp == 'l' || cp == 'j' || cp == '.' || cp == ',' ||
        cp == ':' || cp == ';' || cp == '!' || cp == '\'' || cp == 'I' || cp == '|')
        return 260;
    if (cp == 'f' || cp == 't' || cp == 'r')
        return 380;
    if (cp == 'm' || cp == 'w' || cp == 0xE6 || cp == 'M' || cp == 'W' || cp == 0xC6)
        return 870;
    if (cp >= '0' && cp <= '9')
        return 572;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE))
        return 650;
    if (cp >= 0x0600 && cp <= 0x06FF)
        return 460; /* Noto Sans Arabic Bold: "الأربعاء" is 3.7 em */
    return 560;
}

void h_measure_size(void *ctx, ui_font font, const char *utf8, int *w, int *h)
{
    const int *sizes = ctx;
    int size = sizes[font];
    size_t len = strlen(utf8);
    long em = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(utf8 + i, len - i, &cp);
        em += advance(cp);
    }
    *w = (int)(em * size / 1000);
    *h = size * 136 / 100;
}

static bool arabic_cp(uint32_t cp)
{
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

void h_measure_size_face(void *ctx, ui_font font, ui_face face, const char *utf8, int *w,
                         int *h)
{
    h_measure_size(ctx, font, utf8, w, h);
    const int *sizes = ctx;
    size_t len = strlen(utf8);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(utf8 + i, len - i, &cp);
        if (arabic_cp(cp) && face == UI_FACE_NASTALIQ) { /* Noto Nastaliq Urdu's line */
            *h = sizes[font] * 250 / 100;
            return;
        }
    }
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
    activity *acts = h->acts;
    memset(e, 0, sizeof h->entries);
    memset(acts, 0, sizeof h->acts);
    activity *a;

    a = &acts[E_GAMMEL];
    set(a, "gammel-2311", "Brætspil", CAT_GAMES, "2026-11-23 19:00", "2026-11-23 21:00");

    a = &acts[E_KAFFE];
    set(a, "kaffe-2411", "Morgenkaffe", CAT_CAFE, "2026-11-24 09:30", "2026-11-24 11:00");
    snprintf(a->host, sizeof a->host, "Lis");
    a->badges = BADGE_FREE;

    a = &acts[E_GAA];
    set(a, "gaa-2411", "Gåtur i parken", CAT_WALK, "2026-11-24 10:20", "2026-11-24 11:30");
    snprintf(a->host, sizeof a->host, "Karl");
    snprintf(a->place, sizeof a->place, "Ved hovedindgangen");
    a->mode = SIGNUP_MODE_NONE;
    a->badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK;
    e[E_GAA].qr = h->qr;
    e[E_GAA].qr_size = 21;
    e[E_GAA].qr_kind = UI_QR_CALENDAR;

    a = &acts[E_SPIS];
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

    a = &acts[E_STRIK];
    set(a, "strik-2511", "Strikkecafé", CAT_CRAFTS, "2026-11-25 14:00", "2026-11-25 16:00");
    a->badges = BADGE_STEP_FREE;

    a = &acts[E_LEKTIE];
    set(a, "lektie-2511", "Lektiecafé", CAT_HOMEWORK, "2026-11-25 15:00", "2026-11-25 17:00");
    a->capacity = 4;
    a->badges = BADGE_FREE;
    e[E_LEKTIE].counts = (activity_counts){.heads_taken = 3, .signups = 3, .adults = 3};

    a = &acts[E_BANKO];
    set(a, "banko-2611", "Banko", CAT_GAMES, "2026-11-26 19:00", "2026-11-26 21:30");
    snprintf(a->price, sizeof a->price, "Plader 10 kr.");
    a->capacity = 20;
    e[E_BANKO].counts = (activity_counts){.heads_taken = 20, .signups = 20, .adults = 20,
                                          .waiting = 2};

    a = &acts[E_FOREDRAG];
    set(a, "foredrag-2711", "Foredrag: Bedre søvn", CAT_TALK, "2026-11-27 19:00",
        "2026-11-27 20:30");
    a->capacity = 40;
    a->deadline = ts_time("2026-11-24 08:00");
    e[E_FOREDRAG].counts = (activity_counts){.heads_taken = 10, .signups = 10, .adults = 10};

    a = &acts[E_VAERKSTED];
    set(a, "vaerksted-3011", "Cykelværksted", CAT_WORKSHOP, "2026-11-30 16:00",
        "2026-11-30 18:00");
    a->mode = SIGNUP_MODE_HELPERS;
    a->n_tasks = 2;
    a->tasks[0] = (helper_task){21, "Lave kaffe", 30, 1};
    a->tasks[1] = (helper_task){22, "Rydde op", 20, 2};

    a = &acts[E_FEST];
    set(a, "fest-1212", "Julefest", CAT_PARTY, "2026-12-12 17:00", "2026-12-12 22:00");
    a->capacity = 60;
    a->cancelled = true;

    h_sync(h);
    h->m.entries = h->entries;
    h->m.n_entries = E_COUNT;
    h->m.langs = (const i18n_catalog *const *)h->langs;
    h->m.n_langs = h->n_langs;
    h->m.estate_name = "Fælleshuset, Solbakken";
}

void h_sync(harness *h)
{
    ui_arena old = h->text;
    h->text = (ui_arena){0};
    for (int i = 0; i < E_COUNT; i++)
        assert_true(ui_activity_fill(&h->entries[i].act, &h->acts[i], &h->text));
    ui_arena_free(&old);
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
    h->ppm = ui_px_per_mm(width, height, inches);
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
    h->check_words = true;
    h_build(h);
    return h;
}

void h_free(harness *h)
{
    if (!h)
        return;
    ui_free(h->u);
    ui_frame_free(&h->f);
    ui_arena_free(&h->text);
    for (size_t i = 0; i < h->n_langs; i++)
        i18n_catalog_free(h->langs[i]);
    free(h);
}

static bool public_screen(const char *screen)
{
    static const char *const PUBLIC[] = {"home", "detail", "join-done", "cancel-done", "idle", "contacts", "interest-done", "ideas", "ideas-done",
                                         "night", "sync", "sync-done", "too-small"};
    for (size_t i = 0; i < sizeof PUBLIC / sizeof PUBLIC[0]; i++)
        if (strcmp(screen, PUBLIC[i]) == 0)
            return true;
    return false;
}

void h_check_frame(harness *h)
{
    const ui_frame *f = &h->f;
    h_check_placement(f);
    h_check_sizes(f, font_sizes, h->ppm);
    if (h->check_words) {
        h_check_words(f);
        h_check_button_words(f, font_sizes);
    }
}

void h_build(harness *h)
{
    ui_font_sizes(h->u, font_sizes);
    ui_build(h->u, &h->m, &h->ms, h->now_ms, &h->f);
    assert_false(h->f.oom);
    assert_string_equal(h->f.screen, ui_screen_name(h->u));
    h_check_contrast(&h->f);
    if (h->check_layout)
        h_check_frame(h);
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
    {
        for (size_t i = 0; i < h->f.n_widgets; i++)
            print_message("  widget %s (%d,%d %dx%d) [%s]\n", h->f.widgets[i].id,
                          h->f.widgets[i].rect.x, h->f.widgets[i].rect.y, h->f.widgets[i].rect.w,
                          h->f.widgets[i].rect.h, h->f.widgets[i].label);
        fail_msg("no widget '%s' on the screen '%s'", id, h->f.screen);
    }
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
    if (cp == 0x130)
        return 'i'; /* Turkish İ is the capital of the i key */
    if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x130)
        return cp + 1;
    return cp;
}

/* Brings the key `id` onto the screen: the next page of letters, or the other script. */
static bool find_key(harness *h, const char *id)
{
    for (int round = 0; round < 2; round++) {
        for (int page = 0; page < 6 && !h_has(h, id); page++) {
            if (!h_has(h, "key:page"))
                break;
            h_tap(h, "key:page");
        }
        if (h_has(h, id))
            return true;
        if (!h_has(h, "key:script"))
            return false;
        h_tap(h, "key:script");
    }
    return h_has(h, id);
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
        char id[16] = "key:";
        size_t k = utf8_encode(lc, id + 4);
        id[4 + k] = '\0';
        if (!find_key(h, id))
            fail_msg("no key for '%s' on the screen '%s'", id + 4, h->f.screen);
        /* the key shows the letter it will write: a capital or not */
        char want[8];
        want[utf8_encode(cp, want)] = '\0';
        if (strcmp(h_widget(h, id)->label, want) != 0 && h_has(h, "key:shift"))
            h_tap(h, "key:shift");
        if (strcmp(h_widget(h, id)->label, want) != 0 && lc != cp)
            fail_msg("the key '%s' does not write '%s' but '%s'", id + 4, want,
                     h_widget(h, id)->label);
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

void h_choose_lang(harness *h, size_t i)
{
    h_tap(h, "lang");
    assert_string_equal(h_screen(h), "language");
    char id[32];
    snprintf(id, sizeof id, "lang:%s", i18n_lang(h->langs[i]));
    h_tap(h, id);
    assert_string_equal(h_screen(h), "home");
    assert_int_equal(ui_lang(h->u), i);
}

void h_open_program(harness *h)
{
    h_scroll_top(h);
    h_tap(h, "day:2026-11-24");
    assert_string_equal(h_screen(h), "program");
}

void h_open_detail(harness *h, int e)
{
    char id[160];
    snprintf(id, sizeof id, "card:%s", h->entries[e].act.uid);
    h_scroll_top(h);
    for (int i = 0; i < 30 && !h_has(h, id) && can_scroll(h, "scroll-down"); i++)
        h_tap(h, "scroll-down");
    if (!h_has(h, id) && strcmp(h_screen(h), "home") == 0) {
        /* not in the week: the whole program, at the end of it */
        h_tap(h, "program");
        assert_string_equal(h_screen(h), "program");
        for (int i = 0; i < 30 && !h_has(h, id) && can_scroll(h, "scroll-down"); i++)
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
