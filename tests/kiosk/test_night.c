/* Night hours: on and off on the Copenhagen clock, across midnight and daylight-saving days,
 * and the backlight switch on a fake sysfs folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config/config.h"
#include "kiosk/night.h"
#include "test_support.h"

static config night_config(const char *line)
{
    config c;
    config_defaults(&c);
    config_parse(&c, line);
    assert_int_equal(c.n_problems, 0);
    return c;
}

static void no_night_by_default(void **state)
{
    (void)state;
    config c;
    config_defaults(&c);
    assert_false(night_is_on(&c, ts_time("2026-11-23 03:00")));
    assert_int_equal(night_next_change(&c, ts_time("2026-11-23 03:00")), 0);
}

static void night_across_midnight(void **state)
{
    (void)state;
    config c = night_config("night = 23:00-06:00\n");
    assert_false(night_is_on(&c, ts_time("2026-11-23 22:59")));
    assert_true(night_is_on(&c, ts_time("2026-11-23 23:00")));
    assert_true(night_is_on(&c, ts_time("2026-11-24 02:30")));
    assert_true(night_is_on(&c, ts_time("2026-11-24 05:59")));
    assert_false(night_is_on(&c, ts_time("2026-11-24 06:00")));
    assert_int_equal(night_next_change(&c, ts_time("2026-11-23 12:00")),
                     ts_time("2026-11-23 23:00"));
    assert_int_equal(night_next_change(&c, ts_time("2026-11-23 23:30")),
                     ts_time("2026-11-24 06:00"));
}

static void night_on_daylight_saving_days(void **state)
{
    (void)state;
    config c = night_config("night = 01:00-05:00\n");
    /* 29 March 2026: 02:00 does not exist; the night still ends at 05:00 local. */
    assert_true(night_is_on(&c, ts_time("2026-03-29 01:30")));
    assert_int_equal(night_next_change(&c, ts_time("2026-03-29 01:30")),
                     ts_time("2026-03-29 05:00"));
    /* 25 October 2026: 02:00-03:00 happens twice; the night is an hour longer, not shorter. */
    assert_int_equal(night_next_change(&c, ts_time("2026-10-25 01:10")),
                     ts_time("2026-10-25 05:00"));
    assert_int_equal(ts_time("2026-10-25 05:00") - ts_time("2026-10-25 01:00"), 5 * 3600);
}

static void day_span_night(void **state)
{
    (void)state;
    config c = night_config("night = 09:00-10:00\n");
    assert_true(night_is_on(&c, ts_time("2026-11-23 09:30")));
    assert_false(night_is_on(&c, ts_time("2026-11-23 10:30")));
    assert_int_equal(night_next_change(&c, ts_time("2026-11-23 10:30")),
                     ts_time("2026-11-24 09:00"));
}

static void backlight_switch(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("backlight");
    assert_int_equal(night_backlight(dir, false), 0); /* no panel: nothing to switch */
    mkdir(ts_path(dir, "rpi_backlight"), 0700);
    ts_write_file(ts_path(dir, "rpi_backlight/bl_power"), "0\n", (size_t)-1);
    assert_int_equal(night_backlight(dir, false), 1);
    char *v = ts_read_file(ts_path(dir, "rpi_backlight/bl_power"), NULL);
    assert_string_equal(v, "4\n");
    free(v);
    assert_int_equal(night_backlight(dir, true), 1);
    v = ts_read_file(ts_path(dir, "rpi_backlight/bl_power"), NULL);
    assert_string_equal(v, "0\n");
    free(v);
    ts_remove_tree(dir);
}

/* The screen's power around a new picture: on before anything but the night's black picture
 * (a touch at night, the morning), off after the night's picture is on the screen. */
static void power_follows_the_night_screen(void **state)
{
    (void)state;
    assert_int_equal(night_power_step(false, "home"), NIGHT_POWER_KEEP);
    assert_int_equal(night_power_step(false, "night"), NIGHT_POWER_OFF_AFTER);
    assert_int_equal(night_power_step(true, "night"), NIGHT_POWER_KEEP);
    assert_int_equal(night_power_step(true, "home"), NIGHT_POWER_ON_BEFORE);
    assert_int_equal(night_power_step(true, "idle"), NIGHT_POWER_ON_BEFORE);
    assert_int_equal(night_power_step(true, "stick"), NIGHT_POWER_ON_BEFORE);
    assert_int_equal(night_power_step(true, NULL), NIGHT_POWER_ON_BEFORE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_night_by_default),
        cmocka_unit_test(night_across_midnight),
        cmocka_unit_test(night_on_daylight_saving_days),
        cmocka_unit_test(day_span_night),
        cmocka_unit_test(backlight_switch),
        cmocka_unit_test(power_follows_the_night_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
