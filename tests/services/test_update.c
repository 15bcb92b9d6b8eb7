/* update: a package signed with the estate's key is accepted; anything changed, signed with
 * another key, renamed or cut short is refused with a reason; Debian's version order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "services/update.h"
#include "core/i18n.h"
#include "test_support.h"

static const char *dir(void)
{
    static char d[1024];
    snprintf(d, sizeof d, "%s", ts_fresh_dir("update"));
    return d;
}

static void write_deb(const char *path, size_t size)
{
    char *data = malloc(size);
    assert_non_null(data);
    for (size_t i = 0; i < size; i++)
        data[i] = (char)(i * 31 + 7);
    ts_write_file(path, data, size);
    free(data);
}

static void signed_package_round_trip(void **state)
{
    (void)state;
    const char *d = dir();
    char pub[65], sec[129], other_pub[65], other_sec[129], sig[UPDATE_SIG_MAX];
    vm_err err = {0};
    assert_int_equal(update_keygen(pub, sec, &err), VM_OK);
    assert_int_equal(update_keygen(other_pub, other_sec, &err), VM_OK);
    assert_string_not_equal(pub, other_pub);
    char deb[1100];
    snprintf(deb, sizeof deb, "%s/vaermed_0.2.0_arm64.deb", d);
    write_deb(deb, 300000);
    assert_int_equal(update_sign(deb, sec, sig, sizeof sig, NULL, &err), VM_OK);
    assert_non_null(strstr(sig, "vaermed-update 1\npackage vaermed\nversion 0.2.0\n"
                                "architecture arm64\nsize 300000\nsha256 "));

    update_manifest m;
    assert_int_equal(update_verify(deb, sig, strlen(sig), pub, &m, NULL, &err), VM_OK);
    assert_string_equal(m.package, "vaermed");
    assert_string_equal(m.version, "0.2.0");
    assert_string_equal(m.arch, "arm64");
    assert_int_equal(m.size, 300000);

    /* Another key (a staff stick's, a stranger's): refused. */
    assert_int_equal(update_verify(deb, sig, strlen(sig), other_pub, NULL, NULL, &err), VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "not signed with this estate's update key"));
    /* No key set: refused, saying so. */
    assert_int_equal(update_verify(deb, sig, strlen(sig), "", NULL, NULL, &err), VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "update_key"));

    /* The manifest changed after signing (a newer version claimed): refused. */
    char forged[UPDATE_SIG_MAX];
    snprintf(forged, sizeof forged, "%s", sig);
    memcpy(strstr(forged, "version 0.2.0"), "version 9.2.0", 13);
    assert_int_equal(update_verify(deb, forged, strlen(forged), pub, NULL, NULL, &err), VM_ERR_REFUSED);

    /* The package changed by one byte, or cut short: refused. */
    char *data = ts_read_file(deb, NULL);
    data[150000] ^= 1;
    ts_write_file(deb, data, 300000);
    assert_int_equal(update_verify(deb, sig, strlen(sig), pub, NULL, NULL, &err), VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "not the one that was signed"));
    data[150000] ^= 1;
    ts_write_file(deb, data, 299999);
    assert_int_equal(update_verify(deb, sig, strlen(sig), pub, NULL, NULL, &err), VM_ERR_REFUSED);
    ts_write_file(deb, data, 300000);
    free(data);
    assert_int_equal(update_verify(deb, sig, strlen(sig), pub, NULL, NULL, &err), VM_OK);

    /* The same bytes under another name (another version or architecture): refused. */
    char renamed[1100];
    snprintf(renamed, sizeof renamed, "%s/vaermed_0.3.0_arm64.deb", d);
    assert_int_equal(rename(deb, renamed), 0);
    assert_int_equal(update_verify(renamed, sig, strlen(sig), pub, NULL, NULL, &err), VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "does not match"));

    /* Not a signature at all, or one with something after it. */
    assert_int_equal(update_verify(renamed, "hello\n", 6, pub, NULL, NULL, &err), VM_ERR_REFUSED);
    char longer[UPDATE_SIG_MAX + 16];
    snprintf(longer, sizeof longer, "%sextra 1\n", sig);
    assert_int_equal(update_verify(deb, longer, strlen(longer), pub, NULL, NULL, &err), VM_ERR_REFUSED);

    /* A badly named file cannot be signed. */
    char odd[1100];
    snprintf(odd, sizeof odd, "%s/vaermed.deb", d);
    write_deb(odd, 10);
    assert_int_equal(update_sign(odd, sec, sig, sizeof sig, NULL, &err), VM_ERR_INVALID);
    assert_int_equal(update_sign(renamed, "00", sig, sizeof sig, NULL, &err), VM_ERR_INVALID);
}

/* Staff read the reason on the kiosk's sync screen and in the installer's result, in the
 * kiosk's language: a Danish catalog gives Danish reasons, every one of them. */
static void reasons_in_the_staff_language(void **state)
{
    (void)state;
    const char *d = dir();
    vm_err err = {0};
    i18n_catalog *da = i18n_catalog_embedded("da", &err);
    assert_non_null(da);
    char pub[65], sec[129], other_pub[65], other_sec[129], sig[UPDATE_SIG_MAX];
    assert_int_equal(update_keygen(pub, sec, &err), VM_OK);
    assert_int_equal(update_keygen(other_pub, other_sec, &err), VM_OK);
    char deb[1100];
    snprintf(deb, sizeof deb, "%s/vaermed_0.2.0_arm64.deb", d);
    write_deb(deb, 4000);
    assert_int_equal(update_sign(deb, sec, sig, sizeof sig, da, &err), VM_OK);

    assert_int_equal(update_verify(deb, sig, strlen(sig), other_pub, NULL, da, &err),
                     VM_ERR_REFUSED);
    assert_string_equal(err.msg, i18n_text_ctx(da, "staff", "The update is not signed with "
                                                            "this estate's update key."));
    assert_null(strstr(err.msg, "not signed"));
    assert_int_equal(update_verify(deb, sig, strlen(sig), "", NULL, da, &err), VM_ERR_REFUSED);
    assert_null(strstr(err.msg, "No update key"));
    assert_int_equal(update_verify(deb, "hello\n", 6, pub, NULL, da, &err), VM_ERR_REFUSED);
    assert_null(strstr(err.msg, "is not a"));
    char renamed[1100];
    snprintf(renamed, sizeof renamed, "%s/vaermed_0.3.0_arm64.deb", d);
    assert_int_equal(rename(deb, renamed), 0);
    assert_int_equal(update_verify(renamed, sig, strlen(sig), pub, NULL, da, &err),
                     VM_ERR_REFUSED);
    assert_null(strstr(err.msg, "does not match"));
    assert_non_null(strstr(err.msg, "0.2.0"));
    assert_int_equal(rename(renamed, deb), 0);
    write_deb(deb, 4001);
    assert_int_equal(update_verify(deb, sig, strlen(sig), pub, NULL, da, &err), VM_ERR_REFUSED);
    assert_null(strstr(err.msg, "not the one"));
    i18n_catalog_free(da);
}

static void names(void **state)
{
    (void)state;
    char p[32], v[64], a[16];
    assert_true(update_parse_name("vaermed_0.2.0_arm64.deb", p, sizeof p, v, sizeof v, a, sizeof a));
    assert_string_equal(p, "vaermed");
    assert_string_equal(v, "0.2.0");
    assert_string_equal(a, "arm64");
    assert_true(update_parse_name("vaermed_1%3a0.2.0-1~rc1_amd64.deb", p, sizeof p, v, sizeof v, a, sizeof a));
    assert_string_equal(v, "1:0.2.0-1~rc1");
    assert_false(update_parse_name("vaermed_0.2.0_arm64.tar", p, sizeof p, v, sizeof v, a, sizeof a));
    assert_false(update_parse_name("vaermed_0.2.0.deb", p, sizeof p, v, sizeof v, a, sizeof a));
    assert_false(update_parse_name("../vaermed_0.2.0_arm64.deb", p, sizeof p, v, sizeof v, a, sizeof a));
    assert_false(update_parse_name("vaermed_0.2;rm_arm64.deb", p, sizeof p, v, sizeof v, a, sizeof a));
    assert_false(update_parse_name("vaermed__arm64.deb", p, sizeof p, v, sizeof v, a, sizeof a));
}

static void debian_version_order(void **state)
{
    (void)state;
    static const struct { const char *a, *b; int want; } cases[] = {
        {"0.1.0", "0.1.0", 0},      {"0.2.0", "0.1.0", 1},       {"0.10.0", "0.9.0", 1},
        {"0.1.0", "0.1.0+test1", -1}, {"0.1.0~rc1", "0.1.0", -1}, {"1:0.1", "9.9", 1},
        {"0.1-2", "0.1-10", -1},    {"0.1a", "0.1", 1},          {"0.1.0", "0.1", 1},
        {"1.0~~", "1.0~", -1},      {"0.1+b1", "0.1", 1},        {"2.0", "10.0", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = update_version_compare(cases[i].a, cases[i].b);
        int sign = got < 0 ? -1 : got > 0;
        if (sign != cases[i].want)
            fail_msg("%s vs %s: %d, want %d", cases[i].a, cases[i].b, got, cases[i].want);
        int back = update_version_compare(cases[i].b, cases[i].a);
        assert_int_equal(back < 0 ? -1 : back > 0, -cases[i].want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signed_package_round_trip),
        cmocka_unit_test(reasons_in_the_staff_language),
        cmocka_unit_test(names),
        cmocka_unit_test(debian_version_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
