/* Sealed files open only with a staff key they were sealed for, and not at all once cut or
 * changed; the staff's key file opens only with its passphrase. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seal/seal.h"
#include "test_support.h"

#define PASS "ravn tulipan køkken"

static char *new_pair(seal_secret *sk)
{
    char *text = NULL;
    seal_public pub;
    vm_err err = {0};
    assert_int_equal(seal_keypair_new(PASS, SEAL_KDF_FAST, &text, &pub, &err), VM_OK);
    assert_int_equal(seal_secret_file_open(text, PASS, sk, &err), VM_OK);
    assert_memory_equal(sk->pub.bytes, pub.bytes, SEAL_KEY_BYTES);
    return text;
}

static void sealed_data_opens_only_for_its_keys(void **state)
{
    (void)state;
    seal_secret a, b, c;
    free(new_pair(&a));
    free(new_pair(&b));
    free(new_pair(&c));
    const char msg[] = "Tilmelding-id;Navn\r\n1;Søren Ægård\r\n";
    seal_public to[2] = {a.pub, b.pub};
    uint8_t *sealed = NULL, *plain = NULL;
    size_t slen = 0, plen = 0;
    vm_err err = {0};
    assert_int_equal(seal_encrypt(to, 2, msg, sizeof msg - 1, &sealed, &slen, &err), VM_OK);
    assert_true(seal_is_sealed(sealed, slen));
    assert_false(ts_contains(sealed, slen, "Søren"));
    /* both recipients open it */
    assert_int_equal(seal_decrypt(&a, sealed, slen, &plain, &plen, &err), VM_OK);
    assert_int_equal(plen, sizeof msg - 1);
    assert_memory_equal(plain, msg, plen);
    free(plain);
    assert_int_equal(seal_decrypt(&b, sealed, slen, &plain, &plen, &err), VM_OK);
    assert_string_equal((char *)plain, msg);
    free(plain);
    /* a third key does not */
    assert_int_equal(seal_decrypt(&c, sealed, slen, &plain, &plen, &err), VM_ERR_REFUSED);
    assert_null(plain);
    /* sealing twice gives different bytes (a fresh file key each time) */
    uint8_t *again = NULL;
    size_t alen = 0;
    assert_int_equal(seal_encrypt(to, 2, msg, sizeof msg - 1, &again, &alen, &err), VM_OK);
    assert_int_equal(alen, slen);
    assert_memory_not_equal(again, sealed, slen);
    free(again);
    free(sealed);
    seal_secret_wipe(&a);
    seal_secret_wipe(&b);
    seal_secret_wipe(&c);
}

static void cut_or_changed_files_do_not_open(void **state)
{
    (void)state;
    seal_secret a;
    free(new_pair(&a));
    /* more than one chunk, so a cut at a chunk's end is tried too */
    size_t len = 200000;
    uint8_t *big = malloc(len);
    for (size_t i = 0; i < len; i++)
        big[i] = (uint8_t)(i * 7 + i / 300);
    uint8_t *sealed = NULL, *plain = NULL;
    size_t slen = 0, plen = 0;
    vm_err err = {0};
    assert_int_equal(seal_encrypt(&a.pub, 1, big, len, &sealed, &slen, &err), VM_OK);
    assert_int_equal(seal_decrypt(&a, sealed, slen, &plain, &plen, &err), VM_OK);
    assert_int_equal(plen, len);
    assert_memory_equal(plain, big, len);
    free(plain);
    size_t pre = 8 + 1 + 88 + 24;
    size_t cuts[] = {slen - 1, pre + 65536 + 17, pre + 2 * (65536 + 17), pre + 10, 9, 0};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        vm_status st = seal_decrypt(&a, sealed, cuts[i], &plain, &plen, &err);
        if (st == VM_OK)
            fail_msg("a file cut at %zu of %zu opened", cuts[i], slen);
        assert_null(plain);
    }
    /* one changed byte anywhere: the recipients' line, the header, the data */
    size_t flips[] = {8, 9 + 3, 9 + 40, pre - 5, pre + 100, slen - 3};
    for (size_t i = 0; i < sizeof flips / sizeof flips[0]; i++) {
        sealed[flips[i]] ^= 0x20;
        vm_status st = seal_decrypt(&a, sealed, slen, &plain, &plen, &err);
        sealed[flips[i]] ^= 0x20;
        if (st == VM_OK)
            fail_msg("a file changed at byte %zu opened", flips[i]);
    }
    /* something after the end */
    uint8_t *longer = malloc(slen + 5);
    memcpy(longer, sealed, slen);
    memcpy(longer + slen, "extra", 5);
    assert_int_equal(seal_decrypt(&a, longer, slen + 5, &plain, &plen, &err), VM_ERR_CORRUPT);
    free(longer);
    /* an empty file seals and opens too */
    free(sealed);
    assert_int_equal(seal_encrypt(&a.pub, 1, "", 0, &sealed, &slen, &err), VM_OK);
    assert_int_equal(seal_decrypt(&a, sealed, slen, &plain, &plen, &err), VM_OK);
    assert_int_equal(plen, 0);
    free(plain);
    free(sealed);
    free(big);
    /* not sealed at all */
    assert_int_equal(seal_decrypt(&a, "Tilmelding-id;Navn", 18, &plain, &plen, &err),
                     VM_ERR_INVALID);
    seal_secret_wipe(&a);
}

static void the_key_file_opens_only_with_its_passphrase(void **state)
{
    (void)state;
    seal_secret a;
    char *text = new_pair(&a);
    /* the file says what it is and where it belongs */
    assert_non_null(strstr(text, "vaermed-staff-secret-key = 1"));
    assert_non_null(strstr(text, "never put it on the USB stick"));
    seal_secret b;
    vm_err err = {0};
    assert_int_equal(seal_secret_file_open(text, "ravn tulipan kokken", &b, &err), VM_ERR_REFUSED);
    assert_int_equal(seal_secret_file_open(text, "", &b, &err), VM_ERR_REFUSED);
    seal_public pub;
    assert_int_equal(seal_secret_file_public(text, &pub, &err), VM_OK);
    assert_memory_equal(pub.bytes, a.pub.bytes, SEAL_KEY_BYTES);
    /* a damaged or greedy file */
    char *greedy = malloc(strlen(text) + 32);
    const char *m = strstr(text, "memlimit = ");
    const char *nl = strchr(m, '\n');
    sprintf(greedy, "%.*smemlimit = 99999999999%s", (int)(m - text), text, nl);
    assert_non_null(strstr(greedy, "salt = "));
    assert_int_equal(seal_secret_file_open(greedy, PASS, &b, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "more work"));
    free(greedy);
    assert_int_equal(seal_secret_file_open("hello", PASS, &b, &err), VM_ERR_INVALID);
    /* a short passphrase is refused when making a key */
    char *t2 = NULL;
    assert_int_equal(seal_keypair_new("kort", SEAL_KDF_FAST, &t2, &pub, &err), VM_ERR_INVALID);
    assert_null(t2);
    free(text);
    seal_secret_wipe(&a);
}

static void public_key_files_and_fingerprints(void **state)
{
    (void)state;
    seal_secret a, b;
    free(new_pair(&a));
    free(new_pair(&b));
    char file[512], fp[SEAL_FINGERPRINT_MAX], fp2[SEAL_FINGERPRINT_MAX];
    seal_public_file_format(&a.pub, file, sizeof file);
    seal_fingerprint(&a.pub, fp);
    seal_fingerprint(&b.pub, fp2);
    assert_int_equal(strlen(fp), 19);
    assert_string_not_equal(fp, fp2);
    assert_non_null(strstr(file, fp));
    seal_public back;
    vm_err err = {0};
    assert_int_equal(seal_public_file_parse(file, &back, &err), VM_OK);
    assert_memory_equal(back.bytes, a.pub.bytes, SEAL_KEY_BYTES);
    /* a key swapped in by hand no longer fits its fingerprint */
    char text_b[SEAL_PUBLIC_TEXT_MAX], text_a[SEAL_PUBLIC_TEXT_MAX];
    seal_public_to_text(&a.pub, text_a);
    seal_public_to_text(&b.pub, text_b);
    memcpy(strstr(file, text_a), text_b, strlen(text_b));
    assert_int_equal(seal_public_file_parse(file, &back, &err), VM_ERR_INVALID);
    assert_int_equal(seal_public_file_parse("nothing here", &back, &err), VM_ERR_INVALID);
    assert_false(seal_public_from_text("too short", &back));
    assert_true(seal_public_from_text(text_a, &back));
    seal_secret_wipe(&a);
    seal_secret_wipe(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sealed_data_opens_only_for_its_keys),
        cmocka_unit_test(cut_or_changed_files_do_not_open),
        cmocka_unit_test(the_key_file_opens_only_with_its_passphrase),
        cmocka_unit_test(public_key_files_and_fingerprints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
