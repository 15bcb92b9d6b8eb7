/* "Hvem kom?": behind the PIN, big counters for who came without signing up and a tick for
 * each sign-up that came; each change goes to the app at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define BIRGITTE_ID "5a1e2b3c-0000-4000-8000-000000000001"
#define OLE_ID "5a1e2b3c-0000-4000-8000-000000000002"
#define KAREN_ID "5a1e2b3c-0000-4000-8000-000000000003"

static ui_action take_one(harness *h)
{
    ui_action a;
    assert_true(ui_take_action(h->u, &a));
    ui_action again;
    assert_false(ui_take_action(h->u, &again));
    return a;
}

static void answer(harness *h, vm_status st)
{
    ui_action_result r = {.status = st};
    ui_action_done(h->u, &h->m, &r, h->now_ms);
    h_build(h);
}

static void to_admin(harness *h)
{
    const ui_widget *c = h_widget(h, "clock");
    int x = c->rect.x + c->rect.w / 2, y = c->rect.y + c->rect.h / 2;
    h->now_ms += 500;
    h_press(h, x, y);
    for (int64_t t = 0; t < UI_ADMIN_HOLD_MS; t += 500)
        h_advance(h, 500);
    h_release(h, 5, 5);
    h_digits(h, "2468");
    h_tap(h, "confirm");
    assert_int_equal(take_one(h).kind, UI_ACTION_ADMIN_PIN);
    answer(h, VM_OK);
    assert_string_equal(h_screen(h), "admin");
}

static void tick_and_count(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1280, 800}, {1920, 1080}};
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        harness *h = h_new(sizes[z][0], sizes[z][1]);
        h->m.admin_enabled = true;
        signup su[3];
        memset(su, 0, sizeof su);
        const char *ids[3] = {BIRGITTE_ID, OLE_ID, KAREN_ID};
        const char *names[3] = {"Birgitte", "Ole", "Karen"};
        for (int i = 0; i < 3; i++) {
            snprintf(su[i].id, sizeof su[i].id, "%s", ids[i]);
            snprintf(su[i].activity_uid, sizeof su[i].activity_uid, "spis-2411");
            snprintf(su[i].name, sizeof su[i].name, "%s", names[i]);
            su[i].adults = 1;
        }
        su[0].adults = 2;
        su[0].children = 1;
        su[2].status = SIGNUP_CANCELLED;
        ui_admin_info info = {.version = "0.4.0", .kiosk_id = "kiosk-1"};
        h_build(h);
        to_admin(h);
        h->m.admin = &info;
        h_build(h);
        h_tap(h, "admin-signups");
        h_tap(h, "admin-activity:spis-2411");
        assert_int_equal(take_one(h).kind, UI_ACTION_ADMIN_LOAD_SIGNUPS);
        info.signups_uid = "spis-2411";
        info.signups = su;
        info.n_signups = 3;
        answer(h, VM_OK);
        assert_string_equal(h_widget(h, "admin-checkin")->label, "Hvem kom?");
        h_tap(h, "admin-checkin");
        assert_string_equal(h_screen(h), "admin-checkin");
        assert_string_equal(h_widget(h, "title")->label, "Hvem kom?");
        assert_string_equal(h_scroll_to(h, "walkin-seniors-label")->label, "65 år og over");
        assert_string_equal(h_scroll_to(h, "walkin-children")->label, "0");
        /* a child came without signing up */
        h_scroll_to(h, "walkin-children+");
        h_tap(h, "walkin-children+");
        ui_action a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_ADMIN_SET_WALKINS);
        assert_string_equal(a.uid, "spis-2411");
        assert_int_equal(a.children, 1);
        assert_int_equal(a.adults + a.seniors, 0);
        info.walkin_children = 1;
        answer(h, VM_OK);
        assert_string_equal(h_scroll_to(h, "walkin-children")->label, "1");
        /* none below 0: the minus of an empty count does nothing */
        h_scroll_to(h, "walkin-seniors-");
        h_tap(h, "walkin-seniors-");
        ui_action none;
        assert_false(ui_take_action(h->u, &none));
        /* Birgitte's household came */
        const ui_widget *row = h_scroll_to(h, "came:" BIRGITTE_ID);
        assert_string_equal(row->label, "Birgitte · 2 voksne, 1 barn");
        assert_false(row->flags & UI_WIDGET_SELECTED);
        h_tap(h, "came:" BIRGITTE_ID);
        a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_ADMIN_SET_CAME);
        assert_string_equal(a.signup_id, BIRGITTE_ID);
        assert_true(a.came);
        su[0].came = true;
        answer(h, VM_OK);
        assert_true(h_scroll_to(h, "came:" BIRGITTE_ID)->flags & UI_WIDGET_SELECTED);
        assert_string_equal(h_scroll_to(h, "came-summary")->label, "Tilmeldte: 1 af 2 kom");
        /* a cancelled sign-up is not on the list */
        h_scroll_top(h);
        for (int i = 0; i < 10; i++) {
            assert_false(h_has(h, "came:" KAREN_ID));
            if (!h_has(h, "scroll-down") || (h_widget(h, "scroll-down")->flags & UI_WIDGET_DISABLED))
                break;
            h_tap(h, "scroll-down");
        }
        /* untick: a mistake is undone the same way */
        h_tap(h, "came:" BIRGITTE_ID);
        a = take_one(h);
        assert_false(a.came);
        su[0].came = false;
        answer(h, VM_OK);
        /* back to the list, then away: the names go with the admin screens */
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "admin-signups");
        h_advance(h, 61000);
        assert_string_equal(h_screen(h), "home");
        assert_false(ui_admin_open(h->u));
        h->m.admin = NULL;
        h_free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tick_and_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
