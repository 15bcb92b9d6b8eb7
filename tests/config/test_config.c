/* The configuration file: every setting read, every wrong line reported with its number while
 * the rest still applies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config/config.h"
#include "config/langs.h"
#include "seal/seal.h"
#include "test_support.h"

/* A hash `vaermed pin set` wrote for 246810, and a staff public key. */
#define PIN_HASH                                                                            \
    "$argon2id$v=19$m=32768,t=4,p=1$oZ9K5kzqPq0Tq3m4c1m0yQ$"                                 \
    "Xq9m1qz0W1mE7mXb8r7G0mYy3X8mJm0a2i3kqB0xq6A"
#define STAFF_KEY "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo="

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
                     "staff_pin_hash = " PIN_HASH "\n"
                     "stick_key = 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                     "staff_key = " STAFF_KEY "\n"
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
    assert_string_equal(c.staff_pin, "");
    assert_string_equal(c.staff_pin_hash, PIN_HASH);
    assert_true(config_has_pin(&c));
    assert_int_equal(c.n_stick_keys, 1);
    assert_int_equal(c.n_staff_keys, 1);
    assert_string_equal(c.staff_keys[0], STAFF_KEY);
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

/* The PIN: a hash from `vaermed pin set` is the way; a plain PIN still works but is said to
 * be a problem, so the staff screen shows it until it is hashed. */
static void the_pin_is_kept_as_a_hash(void **state)
{
    (void)state;
    char hash[SEAL_PIN_HASH_MAX], text[400];
    vm_err err = {0};
    assert_int_equal(seal_pin_hash("482915", hash, &err), VM_OK);
    assert_null(strstr(hash, "482915"));
    assert_true(seal_pin_verify("482915", hash));
    assert_false(seal_pin_verify("482916", hash));
    assert_false(seal_pin_verify("", hash));
    config c;
    config_defaults(&c);
    assert_false(config_has_pin(&c));
    snprintf(text, sizeof text, "staff_pin_hash = %s\n", hash);
    config_parse(&c, text);
    assert_int_equal(c.n_problems, 0);
    assert_true(config_has_pin(&c));
    config_defaults(&c);
    config_parse(&c, "staff_pin = 2468\n"
                     "staff_pin_hash = $argon2id$v=19$m=9999999,t=4,p=1$abc$def\n"
                     "staff_key = not-a-key\n");
    assert_string_equal(c.staff_pin, "2468");
    assert_int_equal(c.n_problems, 3);
    assert_non_null(strstr(c.problems[0].msg, "plain text"));
    assert_non_null(strstr(c.problems[1].msg, "staff_pin_hash"));
    assert_non_null(strstr(c.problems[2].msg, "staff_key"));
    assert_string_equal(c.staff_pin_hash, ""); /* a hash asking for 10 GB is not used */
}

/* `vaermed pin set` rewrites one line of the file: the plain PIN goes, the rest stays. */
static void a_setting_is_written_into_the_file(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("app_config_write");
    const char *path = ts_path(dir, "vaermed.conf");
    ts_write_file(path,
                  "# Solbakken\n"
                  "estate_name = Solbakken\n"
                  "staff_pin = 2468 # the old one\n"
                  "night = 23:00-06:00\n"
                  "staff_pin=1357",
                  (size_t)-1);
    chmod(path, 0640);
    static const char *const drop[] = {"staff_pin", NULL};
    vm_err err = {0};
    assert_int_equal(config_write_setting(path, "staff_pin_hash", "$argon2id$X", drop, &err),
                     VM_OK);
    char *text = ts_read_file(path, NULL);
    assert_string_equal(text, "# Solbakken\n"
                              "estate_name = Solbakken\n"
                              "staff_pin_hash = $argon2id$X\n"
                              "night = 23:00-06:00\n");
    free(text);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    /* again: the hash line is replaced in place */
    assert_int_equal(config_write_setting(path, "staff_pin_hash", "$argon2id$Y", drop, &err),
                     VM_OK);
    text = ts_read_file(path, NULL);
    assert_non_null(strstr(text, "staff_pin_hash = $argon2id$Y\nnight"));
    assert_null(strstr(text, "$argon2id$X"));
    free(text);
    /* a missing file is made, private */
    const char *fresh = ts_path(dir, "new.conf");
    assert_int_equal(config_write_setting(fresh, "staff_pin_hash", "$argon2id$Z", NULL, &err),
                     VM_OK);
    assert_int_equal(stat(fresh, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* an unwritable folder says so, and nothing changes */
    assert_int_equal(config_write_setting("/nonexistent/x.conf", "a", "b", NULL, &err),
                     VM_ERR_IO);
}

/* The command line's words from only the catalogs they need: the same staff catalog as
 * from all of them (the first language that loads, Danish behind one that is not da/en). */
static void staff_words_need_only_their_catalogs(void **state)
{
    (void)state;
    static const struct {
        const char *line, *first;
        size_t parsed;
    } cases[] = {
        {"", "da", 1},
        {"languages = en, da\n", "en", 1},
        {"languages = ar, so\n", "ar", 2},
        {"languages = ar, en\n", "ar", 2},
        {"languages = xx, so, da\n", "so", 2},
    };
    const char *ids[] = {"Saved on the USB stick in %s: %s%s%s", "April", "June"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        config c;
        config_defaults(&c);
        config_parse(&c, cases[i].line);
        langs all, staff;
        langs_load(&all, &c, NULL);
        langs_load_staff(&staff, &c);
        const i18n_catalog *want = langs_staff(&all), *got = langs_staff(&staff);
        assert_non_null(got);
        assert_string_equal(i18n_lang(got), cases[i].first);
        assert_string_equal(i18n_lang(got), i18n_lang(want));
        assert_int_equal(staff.n, cases[i].parsed);
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
            assert_string_equal(i18n_text(got, ids[k]), i18n_text(want, ids[k]));
        langs_free(&all);
        langs_free(&staff);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_pin_is_kept_as_a_hash),
        cmocka_unit_test(a_setting_is_written_into_the_file),
        cmocka_unit_test(defaults_are_danish_first),
        cmocka_unit_test(staff_words_need_only_their_catalogs),
        cmocka_unit_test(every_setting_is_read),
        cmocka_unit_test(wrong_lines_keep_defaults_and_are_named),
        cmocka_unit_test(missing_file_is_not_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
