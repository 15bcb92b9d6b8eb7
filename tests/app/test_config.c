/* The configuration file: every setting read, every wrong line reported with its number while
 * the rest still applies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "app/config.h"
#include "test_support.h"

static void defaults_are_danish_first(void **state)
{
    (void)state;
    config c;
    config_defaults(&c);
    assert_int_equal(c.n_languages, 2);
    assert_string_equal(c.languages[0], "da");
    assert_string_equal(c.languages[1], "en");
    assert_int_equal(c.retention_days, 30);
    assert_int_equal(c.idle_seconds, 60);
    assert_int_equal(c.night_start_min, -1);
    assert_string_equal(c.stick_roots[0], "/media");
    assert_int_equal(c.n_problems, 0);
}

static void every_setting_is_read(void **state)
{
    (void)state;
    config c;
    config_defaults(&c);
    config_parse(&c, "# Solbakken\n"
                     "estate_name = Fælleshuset, Solbakken  \n"
                     "database = /var/lib/vaermed/vaermed.db\n"
                     "languages = da, en ar so\n"
                     "rotation = 90\n"
                     "night = 23:00-06:30\n"
                     "staff_pin = 246810\n"
                     "stick_key = 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                     "signup_url_template = https://solbakken.dk/tilmeld/{uid}\n"
                     "retention_days = 14 # two weeks\n"
                     "stick_root = /srv/sticks\n"
                     "idle_seconds = 90\n"
                     "screen_inches = 10.1\n"
                     "fullscreen = ja\n");
    assert_int_equal(c.n_problems, 0);
    assert_string_equal(c.estate_name, "Fælleshuset, Solbakken");
    assert_string_equal(c.db_path, "/var/lib/vaermed/vaermed.db");
    assert_int_equal(c.n_languages, 4);
    assert_string_equal(c.languages[2], "ar");
    assert_string_equal(c.languages[3], "so");
    assert_int_equal(c.rotation, 90);
    assert_int_equal(c.night_start_min, 23 * 60);
    assert_int_equal(c.night_end_min, 6 * 60 + 30);
    assert_string_equal(c.staff_pin, "246810");
    assert_int_equal(c.n_stick_keys, 1);
    assert_string_equal(c.url_template, "https://solbakken.dk/tilmeld/{uid}");
    assert_int_equal(c.retention_days, 14);
    /* A stick_root in the file replaces the default roots. */
    assert_int_equal(c.n_stick_roots, 1);
    assert_string_equal(c.stick_roots[0], "/srv/sticks");
    assert_int_equal(c.idle_seconds, 90);
    assert_true(c.screen_diagonal_inch > 10.0 && c.screen_diagonal_inch < 10.2);
    assert_true(c.fullscreen);
}

static void wrong_lines_keep_defaults_and_are_named(void **state)
{
    (void)state;
    config c;
    config_defaults(&c);
    config_parse(&c, "rotation = 45\n"
                     "retention_days = forever\n"
                     "staff_pin = 12\n"
                     "estate_name = Solbakken\n"
                     "signup_url_template = https://x.dk/tilmeld\n"
                     "colour = blue\n"
                     "just words\n"
                     "night = 25:00-06:00\n"
                     "stick_key = 1234\n");
    assert_int_equal(c.n_problems, 8);
    assert_int_equal(c.problems[0].line, 1);
    assert_non_null(strstr(c.problems[0].msg, "rotation"));
    assert_int_equal(c.problems[1].line, 2);
    assert_non_null(strstr(c.problems[1].msg, "retention_days"));
    assert_int_equal(c.problems[3].line, 5);
    assert_non_null(strstr(c.problems[3].msg, "{uid}"));
    assert_int_equal(c.problems[4].line, 6);
    assert_non_null(strstr(c.problems[4].msg, "unknown setting 'colour'"));
    assert_int_equal(c.problems[5].line, 7);
    /* The defaults stay where a line was wrong; good lines still apply. */
    assert_int_equal(c.rotation, 0);
    assert_int_equal(c.retention_days, 30);
    assert_string_equal(c.staff_pin, "");
    assert_string_equal(c.url_template, "");
    assert_int_equal(c.night_start_min, -1);
    assert_int_equal(c.n_stick_keys, 0);
    assert_string_equal(c.estate_name, "Solbakken");
}

static void missing_file_is_not_found(void **state)
{
    (void)state;
    config c;
    config_defaults(&c);
    vm_err err = {0};
    const char *dir = ts_fresh_dir("config");
    assert_int_equal(config_load(&c, ts_path(dir, "nope.conf"), &err), VM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "nope.conf"));
    ts_write_file(ts_path(dir, "ok.conf"), "estate_name = Solbakken\r\nidle_seconds = 30\r\n",
                  (size_t)-1);
    assert_int_equal(config_load(&c, ts_path(dir, "ok.conf"), &err), VM_OK);
    assert_string_equal(c.estate_name, "Solbakken");
    assert_int_equal(c.idle_seconds, 30);
    ts_remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_danish_first),
        cmocka_unit_test(every_setting_is_read),
        cmocka_unit_test(wrong_lines_keep_defaults_and_are_named),
        cmocka_unit_test(missing_file_is_not_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
