/* The /etc/vaermed/vaermed.conf that install.sh writes (deploy/raspberry-pi/vaermed.conf) is
 * read by the kiosk's own parser without a single complaint, means what its comments say, and
 * the example lines a caretaker is told to un-comment are accepted too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "seal/seal.h"
#include "test_support.h"

static const char template_rel[] = "deploy/raspberry-pi/vaermed.conf";

static void print_problems(const config *c)
{
    for (size_t i = 0; i < c->n_problems; i++)
        print_error("line %d: %s\n", c->problems[i].line, c->problems[i].msg);
}

static void template_reads_cleanly(void **state)
{
    (void)state;
    config c;
    config_defaults(&c);
    vm_err err = {0};
    assert_int_equal(config_load(&c, ts_source_path(template_rel), &err), VM_OK);
    print_problems(&c);
    assert_int_equal(c.n_problems, 0);

    assert_string_equal(c.estate_name, "Fælleshuset");
    assert_string_equal(c.kiosk_name, "Fælleshuset");
    assert_string_equal(c.db_path, "/var/lib/vaermed/vaermed.db");
    assert_int_equal(c.n_languages, 2);
    assert_string_equal(c.languages[0], "da");
    assert_string_equal(c.languages[1], "en");
    assert_int_equal(c.rotation, 0);
    assert_true(c.screen_diagonal_inch > 6.99 && c.screen_diagonal_inch < 7.01);
    assert_true(c.fullscreen);
    assert_int_equal(c.night_start_min, 23 * 60);
    assert_int_equal(c.night_end_min, 6 * 60);
    assert_int_equal(c.idle_seconds, 60);
    assert_int_equal(c.retention_days, 30);
    /* The sticks are mounted under /media only (99-vaermed-usb.rules), and the first
     * stick_root of a file replaces the defaults. */
    assert_int_equal(c.n_stick_roots, 1);
    assert_string_equal(c.stick_roots[0], "/media");
    /* Shipped switched off: the caretaker chooses the code, the keys and the address. */
    assert_string_equal(c.staff_pin, "");
    assert_int_equal(c.n_stick_keys, 0);
    assert_string_equal(c.url_template, "");
}

/* Takes the '#' away from the template's "#key =" lines, as the comments tell a caretaker to
 * do, appending `fill` to the line of `fill_key` (whose example has no value). */
static char *uncommented(const char *text, const char *fill_key, const char *fill)
{
    size_t n = strlen(text);
    char *out = malloc(n + strlen(fill) + 1);
    assert_non_null(out);
    char *o = out;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        const char *line = p;
        size_t key_len = strlen(fill_key);
        bool example = line[0] == '#' && line[1] >= 'a' && line[1] <= 'z' && memchr(line, '=', len);
        if (example) {
            line++;
            len--;
        }
        if (example && strncmp(line, fill_key, key_len) == 0 && line[key_len] == ' ') {
            size_t body = len - (line[len - 1] == '\n');
            memcpy(o, line, body);
            o += body;
            strcpy(o, fill);
            o += strlen(fill);
            if (line[len - 1] == '\n')
                *o++ = '\n';
        } else {
            memcpy(o, line, len);
            o += len;
        }
        p += (size_t)(line - p) + len;
    }
    *o = '\0';
    return out;
}

static void examples_are_accepted_when_uncommented(void **state)
{
    (void)state;
    size_t len;
    char *text = ts_read_file(ts_source_path(template_rel), &len);
    assert_non_null(text);
    char hash[SEAL_PIN_HASH_MAX];
    assert_int_equal(seal_pin_hash("258036", hash, NULL), VM_OK);
    char *edited = uncommented(text, "staff_pin_hash", hash);
    assert_null(strstr(edited, "\n#staff_pin"));
    assert_null(strstr(edited, "\n#staff_key"));
    assert_null(strstr(edited, "\n#stick_key"));
    assert_null(strstr(edited, "\n#signup_url_template"));

    config c;
    config_defaults(&c);
    config_parse(&c, edited);
    print_problems(&c);
    assert_int_equal(c.n_problems, 0);
    assert_string_equal(c.staff_pin_hash, hash);
    assert_true(config_has_pin(&c));
    assert_int_equal(c.n_staff_keys, 1);
    assert_int_equal(c.n_stick_keys, 1);
    assert_string_equal(c.url_template, "https://www.example.dk/tilmeld?aktivitet={uid}");
    free(edited);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(template_reads_cleanly),
        cmocka_unit_test(examples_are_accepted_when_uncommented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
