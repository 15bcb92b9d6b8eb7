/* cursor: on the console the pointer hides from the start, shows for a real mouse, hides at
 * a touch and when the kiosk rests; in a desktop window it always shows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "platform/cursor.h"
#include "test_support.h"

static SDL_Event motion(Uint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.which = which;
    return e;
}

static SDL_Event button(Uint32 type, Uint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.button.which = which;
    e.button.button = SDL_BUTTON_LEFT;
    return e;
}

static SDL_Event finger(Uint32 type)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.fingerId = 1;
    return e;
}

static void console_is_kmsdrm_only(void **state)
{
    (void)state;
    assert_true(cursor_on_console("KMSDRM"));
    assert_true(cursor_on_console("kmsdrm"));
    assert_false(cursor_on_console("x11"));
    assert_false(cursor_on_console("wayland"));
    assert_false(cursor_on_console("dummy"));
    assert_false(cursor_on_console(NULL));
}

static void console_hides_until_a_mouse_is_used(void **state)
{
    (void)state;
    bool shown = cursor_shown_at_start(true);
    assert_false(shown);
    SDL_Event quit = {.type = SDL_QUIT};
    assert_false(cursor_shown_after_event(shown, true, &quit));
    /* Mouse events SDL made from a finger are the finger's. */
    SDL_Event e = motion(SDL_TOUCH_MOUSEID);
    assert_false(cursor_shown_after_event(shown, true, &e));
    e = button(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID);
    assert_false(cursor_shown_after_event(shown, true, &e));
    /* A real mouse moves: the pointer shows, and stays through its clicks. */
    e = motion(0);
    shown = cursor_shown_after_event(shown, true, &e);
    assert_true(shown);
    e = button(SDL_MOUSEBUTTONDOWN, 0);
    assert_true(cursor_shown_after_event(shown, true, &e));
    e = button(SDL_MOUSEBUTTONUP, 0);
    assert_true(cursor_shown_after_event(shown, true, &e));
    /* Any screen but the resting ones keeps it. */
    assert_true(cursor_shown_after_screen(shown, true, "home"));
    assert_true(cursor_shown_after_screen(shown, true, "detail"));
    /* A finger on the screen hides it. */
    e = finger(SDL_FINGERDOWN);
    assert_false(cursor_shown_after_event(shown, true, &e));
    e = finger(SDL_FINGERUP);
    assert_false(cursor_shown_after_event(shown, true, &e));
    /* So does going to rest. */
    assert_false(cursor_shown_after_screen(true, true, "idle"));
    assert_false(cursor_shown_after_screen(true, true, "night"));
}

static void desktop_window_always_shows(void **state)
{
    (void)state;
    assert_true(cursor_shown_at_start(false));
    SDL_Event e = finger(SDL_FINGERDOWN);
    assert_true(cursor_shown_after_event(true, false, &e));
    assert_true(cursor_shown_after_screen(true, false, "night"));
    assert_true(cursor_shown_after_screen(true, false, "idle"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(console_is_kmsdrm_only),
        cmocka_unit_test(console_hides_until_a_mouse_is_used),
        cmocka_unit_test(desktop_window_always_shows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
