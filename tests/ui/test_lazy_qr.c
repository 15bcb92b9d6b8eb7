/* Codes made only when a screen shows them (model.need_qr): the home screen asks for none,
 * the detail screen for its own, the idle screen for the next one's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "harness.h"

typedef struct asked {
    harness *h;
    int calls;
    const ui_entry *last;
} asked;

static void make_on_demand(void *ctx, const ui_entry *e)
{
    asked *a = ctx;
    a->calls++;
    a->last = e;
    /* The app owns the entries; the ui hands them back to be filled. */
    ui_entry *mine = &a->h->entries[e - a->h->entries];
    mine->qr = a->h->qr;
    mine->qr_size = 21;
}

static void lazy(harness *h, asked *a)
{
    memset(a, 0, sizeof *a);
    a->h = h;
    for (int i = 0; i < E_COUNT; i++) {
        h->entries[i].qr = NULL;
        h->entries[i].qr_size = 0;
    }
    h->m.need_qr = make_on_demand;
    h->m.need_qr_ctx = a;
}

static void home_asks_for_no_code(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    asked a;
    lazy(h, &a);
    h_build(h);
    assert_string_equal(h->f.screen, "home");
    assert_int_equal(a.calls, 0);
    h_free(h);
}

static void detail_asks_for_its_own_code(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    asked a;
    lazy(h, &a);
    h_open_detail(h, E_SPIS);
    assert_string_equal(h->f.screen, "detail");
    assert_true(a.calls >= 1);
    assert_ptr_equal(a.last, &h->entries[E_SPIS]);
    h_scroll_to(h, "qr"); /* (under the facts on a 7" panel) */
    /* Once made, it is not asked for again. */
    int calls = a.calls;
    h_build(h);
    assert_int_equal(a.calls, calls);
    h_free(h);
}

static void a_code_that_cannot_be_made_shows_none(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    asked a;
    lazy(h, &a);
    h->m.need_qr = NULL; /* nothing fills it: the screen must manage without */
    h_open_detail(h, E_SPIS);
    assert_string_equal(h->f.screen, "detail");
    for (int i = 0; i < 20; i++) {
        assert_false(h_has(h, "qr"));
        if (!h_has(h, "scroll-down") || (h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED))
            break;
        h_tap(h, "scroll-down");
    }
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(home_asks_for_no_code),
        cmocka_unit_test(detail_asks_for_its_own_code),
        cmocka_unit_test(a_code_that_cannot_be_made_shows_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
