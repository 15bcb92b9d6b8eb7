#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "core/code.h"

static const uint8_t salt[CODE_SALT_BYTES] = {0, 1, 2, 3, 4, 5, 6, 7,
                                              8, 9, 10, 11, 12, 13, 14, 15};
#define SALT_HEX "000102030405060708090a0b0c0d0e0f"

/* A kiosk secret: bytes 100..131. */
static const code_key KEY = {{100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110,
                              111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121,
                              122, 123, 124, 125, 126, 127, 128, 129, 130, 131}};

static void valid_codes(void **state)
{
    (void)state;
    assert_true(code_valid("0000"));
    assert_true(code_valid("1234"));
    assert_false(code_valid("123"));
    assert_false(code_valid("12345"));
    assert_false(code_valid("12a4"));
    assert_false(code_valid(" 123"));
    assert_false(code_valid("١٢٣٤")); /* Arabic-Indic digits are not typed on the kiosk */
    assert_false(code_valid(""));
    assert_false(code_valid(NULL));
}

static void hash_matches_reference(void **state)
{
    (void)state;
    /* reference values from an independent PBKDF2-HMAC-SHA256 (Python's hashlib) */
    char out[SIGNUP_CODE_HASH_MAX];
    code_hash("1234", salt, 1000, NULL, out);
    assert_string_equal(out, "p1$1000$" SALT_HEX
                             "$2240ea2a22754a3c4610356ef8e4d7acf25af2ac3d2d11866de97a8b7812c52c");
    code_hash("1234", salt, 0, NULL, out); /* the default */
    char want[SIGNUP_CODE_HASH_MAX];
    snprintf(want, sizeof want, "p1$%u$%s$%s", CODE_DEFAULT_ITERATIONS, SALT_HEX,
             "cb95b0bff7ec77eacf200d324b8c59b5b151674f567eb7e2583f628535c1878a");
    assert_int_equal(CODE_DEFAULT_ITERATIONS, 3000);
    assert_string_equal(out, want);
    code_hash("æøå", salt, 1, NULL, out);
    assert_string_equal(out, "p1$1$" SALT_HEX
                             "$eed30c3aa7f88bdc0deeb81138858afdc84901061b4608cd74358a79d39775f8");
}

static void hash_and_verify(void **state)
{
    (void)state;
    char stored[SIGNUP_CODE_HASH_MAX];
    code_hash("4711", salt, 0, NULL, stored);
    assert_true(code_matches("4711", stored, NULL));
    assert_false(code_matches("4712", stored, NULL));
    assert_false(code_matches("", stored, NULL));
    assert_false(code_matches("47111", stored, NULL));
    assert_false(code_matches(NULL, stored, NULL));
    /* another salt gives another hash for the same code */
    uint8_t salt2[CODE_SALT_BYTES];
    memcpy(salt2, salt, sizeof salt2);
    salt2[15] ^= 1;
    char other[SIGNUP_CODE_HASH_MAX];
    code_hash("4711", salt2, 0, NULL, other);
    assert_string_not_equal(stored, other);
    assert_true(code_matches("4711", other, NULL));
    /* a stick key is a longer secret through the same function */
    code_hash("a-long-stick-key-of-many-bytes", salt, 10, NULL, stored);
    assert_true(code_matches("a-long-stick-key-of-many-bytes", stored, NULL));
    /* above the ceiling is cut to it */
    code_hash("1", salt, CODE_MAX_ITERATIONS + 1, NULL, stored);
    snprintf(other, sizeof other, "p1$%u$", CODE_MAX_ITERATIONS);
    assert_memory_equal(stored, other, strlen(other));
}

static void malformed_stored_strings(void **state)
{
    (void)state;
    char good[SIGNUP_CODE_HASH_MAX];
    code_hash("1234", salt, 2, NULL, good);
    assert_true(code_matches("1234", good, NULL));
    const char *hash = strrchr(good, '$') + 1;
    char bad[20][200];
    int n = 0;
    snprintf(bad[n++], 200, "p2$2$%s$%s", SALT_HEX, hash);       /* unknown scheme */
    snprintf(bad[n++], 200, "k2$2$%s$%s", SALT_HEX, hash);
    snprintf(bad[n++], 200, "p1$$%s$%s", SALT_HEX, hash);        /* no iterations */
    snprintf(bad[n++], 200, "p1$0$%s$%s", SALT_HEX, hash);       /* zero */
    snprintf(bad[n++], 200, "p1$02$%s$%s", SALT_HEX, hash);      /* leading zero */
    snprintf(bad[n++], 200, "p1$-2$%s$%s", SALT_HEX, hash);
    snprintf(bad[n++], 200, "p1$99999999999$%s$%s", SALT_HEX, hash); /* far too many */
    snprintf(bad[n++], 200, "p1$2$%.30s$%s", SALT_HEX, hash);    /* short salt */
    snprintf(bad[n++], 200, "p1$2$%sff$%s", SALT_HEX, hash);     /* long salt */
    snprintf(bad[n++], 200, "p1$2$%s$%.63s", SALT_HEX, hash);    /* short hash */
    snprintf(bad[n++], 200, "p1$2$%s$%s0", SALT_HEX, hash);      /* long hash */
    snprintf(bad[n++], 200, "p1$2$%s$%s ", SALT_HEX, hash);      /* trailing space */
    snprintf(bad[n++], 200, "p1$2$%s$", SALT_HEX);
    snprintf(bad[n++], 200, "p1$2$%s", SALT_HEX);
    snprintf(bad[n++], 200, "p1$2$%sg$%s", "000102030405060708090a0b0c0d0e0", hash); /* not hex */
    snprintf(bad[n++], 200, "p1$2$%s$%s", "000102030405060708090A0B0C0D0E0F", hash); /* case */
    snprintf(bad[n++], 200, "%s", "");
    for (int i = 0; i < n; i++) {
        if (code_matches("1234", bad[i], NULL) || code_matches("1234", bad[i], &KEY))
            fail_msg("accepted malformed '%s'", bad[i]);
    }
    assert_false(code_matches("1234", NULL, NULL));
    /* a stored hash with one bit off */
    char flipped[SIGNUP_CODE_HASH_MAX];
    strcpy(flipped, good);
    char *last = flipped + strlen(flipped) - 1;
    *last = *last == '0' ? '1' : '0';
    assert_false(code_matches("1234", flipped, NULL));
}

/* The keyed form: HMAC-SHA256(key, PBKDF2(code, salt)), as an independent HMAC computes it
 * (Python's hashlib and hmac). */
static void keyed_hash_matches_reference(void **state)
{
    (void)state;
    char out[SIGNUP_CODE_HASH_MAX];
    code_hash("1234", salt, 1000, &KEY, out);
    assert_string_equal(out, "k1$1000$" SALT_HEX
                             "$ff41df0c5d923256f57f3bf5184abc42e3672de8695993e8956db63d1cd45144");
    assert_true(code_matches("1234", out, &KEY));
    assert_false(code_matches("1235", out, &KEY));
    /* without the kiosk's secret, or with another kiosk's, the code cannot be checked */
    assert_false(code_matches("1234", out, NULL));
    code_key other = KEY;
    other.bytes[31] ^= 1;
    assert_false(code_matches("1234", out, &other));
    /* the old form still works with or without a key */
    char old[SIGNUP_CODE_HASH_MAX];
    code_hash("1234", salt, 1000, NULL, old);
    assert_true(code_matches("1234", old, &KEY));
    assert_true(code_matches("1234", old, NULL));
}

/* Keying an old hash needs no code and gives what keying at the start would have given. */
static void upgrade_old_hashes(void **state)
{
    (void)state;
    char old[SIGNUP_CODE_HASH_MAX], up[SIGNUP_CODE_HASH_MAX], fresh[SIGNUP_CODE_HASH_MAX];
    code_hash("0815", salt, 0, NULL, old);
    assert_true(code_upgrade(old, &KEY, up));
    code_hash("0815", salt, 0, &KEY, fresh);
    assert_string_equal(up, fresh);
    assert_true(code_matches("0815", up, &KEY));
    assert_false(code_matches("0816", up, &KEY));
    assert_false(code_matches("0815", up, NULL));
    /* nothing to do for a keyed hash, a malformed one or without a key */
    char out[SIGNUP_CODE_HASH_MAX] = "untouched";
    assert_false(code_upgrade(up, &KEY, out));
    assert_false(code_upgrade("p1$0$00$00", &KEY, out));
    assert_false(code_upgrade("", &KEY, out));
    assert_false(code_upgrade(old, NULL, out));
    assert_string_equal(out, "untouched");
}

static void sha256(void **state)
{
    (void)state;
    char out[65];
    code_sha256_hex("", 0, out);
    assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    code_sha256_hex("abc", 3, out);
    assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    code_sha256_hex(two_blocks, strlen(two_blocks), out);
    assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void uuid_v4(void **state)
{
    (void)state;
    uint8_t ones[16], zeros[16];
    memset(ones, 0xff, sizeof ones);
    memset(zeros, 0, sizeof zeros);
    char id[SIGNUP_ID_MAX];
    code_uuid_v4(ones, id);
    assert_string_equal(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    code_uuid_v4(zeros, id);
    assert_string_equal(id, "00000000-0000-4000-8000-000000000000");
    uint8_t r[16];
    for (int seed = 0; seed < 64; seed++) {
        for (int i = 0; i < 16; i++)
            r[i] = (uint8_t)(seed * 37 + i * 101);
        code_uuid_v4(r, id);
        assert_int_equal(strlen(id), 36);
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23)
                assert_int_equal(id[i], '-');
            else
                assert_non_null(strchr("0123456789abcdef", id[i]));
        }
        assert_int_equal(id[14], '4');
        assert_non_null(strchr("89ab", id[19]));
    }
    /* the random bits come through */
    uint8_t a[16] = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
                     0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
    code_uuid_v4(a, id);
    assert_string_equal(id, "12345678-9abc-4ef0-8123-456789abcdef");
}

/* Three wrong codes, then a minute's pause, doubling to an hour; a right code forgets. */
/* A verifier made at kiosk A travels unmasked (p1, no key), is keyed at kiosk B, and then
 * matches the name and the code at B only: not at A's key, not another code or name; the
 * masked form at A matches nothing and opens only with A's key. */
static void peer_verifiers_cross_kiosks(void **state)
{
    (void)state;
    code_key a, b;
    memset(a.bytes, 0x11, sizeof a.bytes);
    memset(b.bytes, 0x22, sizeof b.bytes);
        char secret[64], masked[SIGNUP_CODE_HASH_MAX], p1[SIGNUP_CODE_HASH_MAX],
        k1[SIGNUP_CODE_HASH_MAX], other[SIGNUP_CODE_HASH_MAX];
    code_peer_secret("karen", "2580", secret, sizeof secret);
    assert_string_equal(secret, "karen\n2580");
    code_peer_make(secret, salt, &a, masked);
    assert_memory_equal(masked, "s1$3000$", 8);
    /* the masked form is no verifier of anything */
    assert_false(code_matches(secret, masked, &a));
    assert_false(code_peer_open(masked, &b, p1) && code_matches(secret, p1, NULL));
    assert_true(code_peer_open(masked, &a, p1));
    assert_memory_equal(p1, "p1$3000$", 8);
    assert_true(code_matches(secret, p1, NULL));
    assert_true(code_peer_accept(p1, &b, k1));
    assert_memory_equal(k1, "k1$3000$", 8);
    assert_true(code_matches(secret, k1, &b));
    assert_false(code_matches(secret, k1, &a));
    code_peer_secret("karen", "2581", other, sizeof other);
    assert_false(code_matches(other, k1, &b));
    code_peer_secret("karin", "2580", other, sizeof other);
    assert_false(code_matches(other, k1, &b));
    /* keyed already, or too slow to check: refused */
    assert_false(code_peer_accept(k1, &b, other));
    char slow[SIGNUP_CODE_HASH_MAX];
    code_hash(secret, salt, 200000, NULL, slow);
    assert_false(code_peer_accept(slow, &b, other));
    assert_false(code_peer_accept("p1$3000$00$00", &b, other));
    /* the kiosk's key pair seed follows its key */
    uint8_t sa[32], sa2[32], sb[32];
    code_kiosk_seed(&a, sa);
    code_kiosk_seed(&a, sa2);
    code_kiosk_seed(&b, sb);
    assert_memory_equal(sa, sa2, 32);
    assert_memory_not_equal(sa, sb, 32);
}

static void wrong_codes_slow_down_and_a_right_one_forgets(void **state)
{
    (void)state;
    const int64_t t = 1767261600;
    code_limiter l = {0};
    code_limiter_result(&l, false, t);
    code_limiter_result(&l, false, t);
    assert_int_equal(code_limiter_wait(&l, t), 0);
    code_limiter_result(&l, false, t);
    assert_int_equal(code_limiter_wait(&l, t), 60);
    assert_int_equal(code_limiter_wait(&l, t + 59), 1);
    assert_int_equal(code_limiter_wait(&l, t + 60), 0);
    code_limiter_result(&l, false, t + 60);
    assert_int_equal(code_limiter_wait(&l, t + 60), 120);
    for (int i = 0; i < 20; i++)
        code_limiter_result(&l, false, t + 200);
    assert_int_equal(code_limiter_wait(&l, t + 200), CODE_LIMITER_MAX_WAIT);
    /* a clock that went back does not make the wait longer than an hour */
    assert_int_equal(code_limiter_wait(&l, t - 86400), CODE_LIMITER_MAX_WAIT);
    code_limiter_result(&l, true, t + 300);
    assert_int_equal(code_limiter_wait(&l, t + 300), 0);
    code_limiter_result(&l, false, t + 301);
    assert_int_equal(code_limiter_wait(&l, t + 301), 0); /* counting starts again */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_codes),
        cmocka_unit_test(hash_matches_reference),
        cmocka_unit_test(hash_and_verify),
        cmocka_unit_test(malformed_stored_strings),
        cmocka_unit_test(keyed_hash_matches_reference),
        cmocka_unit_test(upgrade_old_hashes),
        cmocka_unit_test(sha256),
        cmocka_unit_test(uuid_v4),
        cmocka_unit_test(wrong_codes_slow_down_and_a_right_one_forgets),
        cmocka_unit_test(peer_verifiers_cross_kiosks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
