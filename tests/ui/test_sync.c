/* The USB stick: the sync screen over everything, then what it did, then home. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ui/theme.h"
#include "ui/ui_internal.h"

#define SUMMARY                                                                                    \
    "12 nye aktiviteter, 3 ændret, 1 aflyst. 57 tilmeldinger gemt på USB-nøglen. Du kan nu "    \
    "tage den ud."

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

static int tappables(const harness *h)
{
    int n = 0;
    for (size_t i = 0; i < h->f.n_widgets; i++)
        if (h->f.widgets[i].flags & UI_WIDGET_TAPPABLE)
            n++;
    return n;
}

static bool has_icon(const harness *h, icon_id icon)
{
    for (size_t i = 0; i < h->f.n_cmds; i++)
        if (h->f.cmds[i].kind == DRAW_ICON && h->f.cmds[i].icon == icon)
            return true;
    return false;
}

/* The width of the bar's fill, the widest green rect under the progress widget. */
static int fill_width(const harness *h)
{
    const ui_widget *p = h_widget((harness *)h, "progress");
    int w = 0;
    for (size_t i = 0; i < h->f.n_cmds; i++) {
        const draw_cmd *d = &h->f.cmds[i];
        if (d->kind == DRAW_RECT && d->color.r == COL_PRIMARY.r && d->color.g == COL_PRIMARY.g &&
            d->color.b == COL_PRIMARY.b && d->rect.y >= p->rect.y && d->rect.y < p->rect.y + 20)
            w = d->rect.w > w ? d->rect.w : w;
    }
    return w;
}

/* A stick comes while someone types their name: the flow is wiped, the sync screen shows its
 * progress and takes no taps; then the summary, `ok`, home. */
static void sync_interrupts_a_flow(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_choose_lang(h, 1); /* English, to see that it goes back to the default */
    h_open_detail(h, E_LEKTIE);
    h_tap(h, "join");
    h_type(h, "Birgitte");
    h->m.stick = (ui_stick){UI_STICK_SYNCING, "Læser programmet", 0.4, NULL};
    h_build(h);
    assert_string_equal(h_screen(h), "sync");
    assert_true(all_zero(&h->u->flow, sizeof h->u->flow));
    assert_int_equal(ui_lang(h->u), 0);
    assert_string_equal(h_widget(h, "phase")->label, "Læser programmet");
    assert_string_equal(h_widget(h, "progress")->label, "40 %");
    assert_string_equal(h_widget(h, "sync-hint")->label, "Tag ikke USB-nøglen ud endnu");
    assert_int_equal(tappables(h), 0);
    int w40 = fill_width(h);
    /* progress moves; out-of-range fractions are clamped */
    h->m.stick.fraction = 0.8;
    h->m.stick.phase = "Gemmer tilmeldinger på USB-nøglen";
    h_build(h);
    assert_string_equal(h_widget(h, "progress")->label, "80 %");
    int w80 = fill_width(h);
    assert_true(w80 > w40 * 19 / 10 && w80 < w40 * 21 / 10);
    h->m.stick.fraction = 7.0;
    h_build(h);
    assert_string_equal(h_widget(h, "progress")->label, "100 %");
    h->m.stick.fraction = NAN;
    h->m.stick.phase = NULL;
    h_build(h);
    assert_string_equal(h_widget(h, "progress")->label, "0 %");
    assert_string_equal(h_widget(h, "phase")->label, "Arbejder med USB-nøglen");
    /* taps and time do nothing while it works: no idle reset, no idle screen */
    h_tap_at(h, 400, 240, 500);
    h_advance(h, 5 * 60000);
    assert_string_equal(h_screen(h), "sync");
    ui_input back = {.kind = UI_IN_KEY_BACK};
    assert_false(ui_handle(h->u, &h->m, &back, h->now_ms));
    /* done: the summary and a big `ok` */
    h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1.0, SUMMARY};
    assert_true(h_advance(h, 100));
    assert_string_equal(h_screen(h), "sync-done");
    assert_string_equal(h_widget(h, "result")->label, "USB-nøglen er færdig");
    assert_string_equal(h_widget(h, "message")->label, SUMMARY);
    assert_int_equal(tappables(h), 1);
    const ui_widget *ok = h_widget(h, "ok");
    assert_string_equal(ok->label, "OK");
    assert_true(ok->rect.w >= 3 * 65 && ok->rect.h >= 65);
    h_tap(h, "ok");
    assert_string_equal(h_screen(h), "home");
    /* the stick is still in and still DONE: it does not come back */
    h_advance(h, 1000);
    assert_string_equal(h_screen(h), "home");
    /* taken out: nothing to do */
    h->m.stick = (ui_stick){0};
    assert_true(h_advance(h, 1000));
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* sync-done goes by itself: after UI_SYNC_DONE_MS, or at once when the stick is taken out. */
static void sync_done_goes_by_itself(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h->m.stick = (ui_stick){UI_STICK_SYNCING, "Læser programmet", 0.5, NULL};
    h_build(h);
    h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1.0, SUMMARY};
    h_build(h);
    assert_string_equal(h_screen(h), "sync-done");
    assert_true(ui_next_deadline(h->u, h->now_ms) <= h->now_ms + UI_SYNC_DONE_MS);
    h_advance(h, UI_SYNC_DONE_MS - 1);
    assert_string_equal(h_screen(h), "sync-done");
    assert_true(h_advance(h, 1));
    assert_string_equal(h_screen(h), "home");
    /* the next stick, taken out while its summary shows */
    h->m.stick = (ui_stick){0};
    h_build(h);
    h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1.0, SUMMARY};
    h_build(h);
    assert_string_equal(h_screen(h), "sync-done");
    h->m.stick = (ui_stick){0};
    assert_true(h_advance(h, 2000));
    assert_string_equal(h_screen(h), "home");
    /* a stick pulled out while it syncs: home */
    h->m.stick = (ui_stick){UI_STICK_SYNCING, NULL, 0.1, NULL};
    h_build(h);
    assert_string_equal(h_screen(h), "sync");
    h->m.stick = (ui_stick){0};
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* A stranger's stick: a brief, calm message (no warning sign, grey), gone after a few seconds. */
static void stranger_stick_is_calm(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h_open_detail(h, E_SPIS);
    h->m.stick = (ui_stick){UI_STICK_REFUSED, NULL, 0, "Denne USB-nøgle er ikke en Vær med-nøgle."};
    h_build(h);
    assert_string_equal(h_screen(h), "sync-done");
    assert_string_equal(h_widget(h, "result")->label, "Denne USB-nøgle er ikke en Vær med-nøgle.");
    assert_false(h_has(h, "message"));
    assert_false(has_icon(h, ICON_WARNING));
    assert_true(has_icon(h, ICON_USB));
    assert_true(ui_next_deadline(h->u, h->now_ms) <= h->now_ms + UI_SYNC_REFUSED_MS);
    h_advance(h, UI_SYNC_REFUSED_MS - 1);
    assert_string_equal(h_screen(h), "sync-done");
    h_advance(h, 1);
    assert_string_equal(h_screen(h), "home");
    /* a refusal without words still says something */
    h->m.stick = (ui_stick){0};
    h_build(h);
    h->m.stick = (ui_stick){UI_STICK_REFUSED, NULL, 0, NULL};
    h_build(h);
    assert_string_equal(h_widget(h, "result")->label, "Denne USB-nøgle bruges ikke her");
    h_free(h);
}

/* A sync that failed: said with a warning and the app's reason; `ok` and Escape go home. */
static void failed_sync(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    h->m.stick = (ui_stick){UI_STICK_SYNCING, NULL, 0.3, NULL};
    h_build(h);
    h->m.stick = (ui_stick){UI_STICK_FAILED, NULL, 0.3,
                            "Tilmeldingerne kunne ikke gemmes på USB-nøglen: USB-nøglen er fuld. "
                            "Kioskens data er i god behold."};
    h_build(h);
    assert_string_equal(h_widget(h, "result")->label, "USB-nøglen kunne ikke bruges");
    assert_true(h_label_contains(h, "USB-nøglen er fuld"));
    assert_true(has_icon(h, ICON_WARNING));
    ui_input back = {.kind = UI_IN_KEY_BACK};
    h->now_ms += 1000;
    assert_true(ui_handle(h->u, &h->m, &back, h->now_ms));
    h_build(h);
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* Every sync screen at every size, with long words, passes the layout checks. */
static void sync_screens_at_every_size(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {480, 800},
                                   {1024, 600}, {600, 1024},   {1080, 1920}};
    static char long_msg[1200];
    memset(long_msg, 0, sizeof long_msg);
    for (int i = 0; i < 6; i++)
        strcat(long_msg, SUMMARY " ");
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        harness *h = h_new(sizes[s][0], sizes[s][1]);
        h->m.stick = (ui_stick){UI_STICK_SYNCING, "Gemmer tilmeldinger på USB-nøglen", 0.66, NULL};
        h_build(h);
        /* what the app says, whole */
        h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1, SUMMARY};
        h_build(h);
        assert_string_equal(h_widget(h, "message")->label, SUMMARY);
        h->m.stick = (ui_stick){0};
        h_build(h);
        /* six times as long: more than a screen holds, cut at its end, the button there */
        h->check_words = false;
        h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1, long_msg};
        h_build(h);
        assert_non_null(h_widget(h, "ok"));
        h->m.stick = (ui_stick){0};
        h_build(h);
        h->m.stick = (ui_stick){UI_STICK_REFUSED, NULL, 0, long_msg};
        h_build(h);
        h->m.stick = (ui_stick){0};
        h_build(h);
        h->check_words = true;
        h->m.stick = (ui_stick){UI_STICK_FAILED, NULL, 0, SUMMARY};
        h_build(h);
        h_tap(h, "ok");
        h_free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sync_interrupts_a_flow),     cmocka_unit_test(sync_done_goes_by_itself),
        cmocka_unit_test(stranger_stick_is_calm),     cmocka_unit_test(failed_sync),
        cmocka_unit_test(sync_screens_at_every_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
