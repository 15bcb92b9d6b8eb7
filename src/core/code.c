#include "core/code.h"

#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/pbkdf2.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#define HASH_BYTES 32

static const char hexdigits[] = "0123456789abcdef";

static void to_hex(const uint8_t *in, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hexdigits[in[i] >> 4];
        out[2 * i + 1] = hexdigits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; /* only what code_hash writes: lower case */
}

/* Exactly 2*n lower-case hex digits, then `end`. */
static bool from_hex(const char *s, size_t n, uint8_t *out, char end)
{
    for (size_t i = 0; i < n; i++) {
        int hi = hex_value(s[2 * i]), lo = hi < 0 ? -1 : hex_value(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return s[2 * n] == end;
}

bool code_valid(const char *code)
{
    if (!code)
        return false;
    for (int i = 0; i < CODE_DIGITS; i++)
        if (code[i] < '0' || code[i] > '9')
            return false;
    return code[CODE_DIGITS] == '\0';
}

static void derive(const char *secret, const uint8_t *salt, unsigned iterations,
                   uint8_t out[HASH_BYTES])
{
    const char *s = secret ? secret : "";
    pbkdf2_hmac_sha256(strlen(s), (const uint8_t *)s, iterations, CODE_SALT_BYTES, salt,
                       HASH_BYTES, out);
}

/* The keyed form: the kiosk's secret over what PBKDF2 gave. */
static void keyed(const code_key *key, const uint8_t derived[HASH_BYTES], uint8_t out[HASH_BYTES])
{
    struct hmac_sha256_ctx ctx;
    hmac_sha256_set_key(&ctx, CODE_KEY_BYTES, key->bytes);
    hmac_sha256_update(&ctx, HASH_BYTES, derived);
    hmac_sha256_digest(&ctx, HASH_BYTES, out);
}

static void format(char tag, unsigned iterations, const uint8_t *salt,
                   const uint8_t hash[HASH_BYTES], char out[SIGNUP_CODE_HASH_MAX])
{
    char salt_hex[2 * CODE_SALT_BYTES + 1], hash_hex[2 * HASH_BYTES + 1];
    to_hex(salt, CODE_SALT_BYTES, salt_hex);
    to_hex(hash, HASH_BYTES, hash_hex);
    snprintf(out, SIGNUP_CODE_HASH_MAX, "%c1$%u$%s$%s", tag, iterations, salt_hex, hash_hex);
}

void code_hash(const char *secret, const uint8_t salt[CODE_SALT_BYTES], unsigned iterations,
               const code_key *key, char out[SIGNUP_CODE_HASH_MAX])
{
    if (iterations == 0)
        iterations = CODE_DEFAULT_ITERATIONS;
    if (iterations > CODE_MAX_ITERATIONS)
        iterations = CODE_MAX_ITERATIONS;
    uint8_t hash[HASH_BYTES];
    derive(secret, salt, iterations, hash);
    if (key)
        keyed(key, hash, hash);
    format(key ? 'k' : 'p', iterations, salt, hash, out);
}

/* Reads "<tag>1$<iterations>$<salt>$<hash>"; false for anything malformed. */
static bool parse(const char *stored, char *tag, unsigned *iterations_out,
                  uint8_t salt[CODE_SALT_BYTES], uint8_t hash[HASH_BYTES])
{
    if (!stored || (stored[0] != 'p' && stored[0] != 'k') || strncmp(stored + 1, "1$", 2) != 0)
        return false;
    *tag = stored[0];
    const char *p = stored + 3;
    unsigned long iterations = 0;
    int ndigits = 0;
    for (; *p >= '0' && *p <= '9'; p++, ndigits++) {
        iterations = iterations * 10 + (unsigned long)(*p - '0');
        if (iterations > CODE_MAX_ITERATIONS)
            return false; /* a hostile bundle must not hang the kiosk */
    }
    if (ndigits == 0 || iterations == 0 || (ndigits > 1 && stored[3] == '0') || *p != '$')
        return false;
    p++;
    if (!from_hex(p, CODE_SALT_BYTES, salt, '$'))
        return false;
    p += 2 * CODE_SALT_BYTES + 1;
    if (!from_hex(p, HASH_BYTES, hash, '\0'))
        return false;
    *iterations_out = (unsigned)iterations;
    return true;
}

bool code_matches(const char *secret, const char *stored, const code_key *key)
{
    char tag;
    unsigned iterations;
    uint8_t salt[CODE_SALT_BYTES], want[HASH_BYTES], got[HASH_BYTES];
    if (!secret || !parse(stored, &tag, &iterations, salt, want))
        return false;
    if (tag == 'k' && !key)
        return false;
    derive(secret, salt, iterations, got);
    if (tag == 'k')
        keyed(key, got, got);
    return memeql_sec(got, want, HASH_BYTES) != 0;
}

bool code_upgrade(const char *stored, const code_key *key, char out[SIGNUP_CODE_HASH_MAX])
{
    char tag;
    unsigned iterations;
    uint8_t salt[CODE_SALT_BYTES], hash[HASH_BYTES];
    if (!key || !parse(stored, &tag, &iterations, salt, hash) || tag != 'p')
        return false;
    keyed(key, hash, hash);
    format('k', iterations, salt, hash, out);
    return true;
}

void code_peer_secret(const char *folded_name, const char *code, char *out, size_t size)
{
    snprintf(out, size, "%s\n%s", folded_name ? folded_name : "", code ? code : "");
}

/* What masks a peer verifier in the database of the kiosk that made it: a keystream of the
 * kiosk's key over the verifier's own (random) salt, used once. */
static void peer_mask(const code_key *key, const uint8_t salt[CODE_SALT_BYTES],
                      uint8_t out[HASH_BYTES])
{
    static const char LABEL[] = "vaermed peer code mask";
    struct hmac_sha256_ctx ctx;
    hmac_sha256_set_key(&ctx, CODE_KEY_BYTES, key->bytes);
    hmac_sha256_update(&ctx, sizeof LABEL, (const uint8_t *)LABEL);
    hmac_sha256_update(&ctx, CODE_SALT_BYTES, salt);
    hmac_sha256_digest(&ctx, HASH_BYTES, out);
}

void code_peer_make(const char *secret, const uint8_t salt[CODE_SALT_BYTES],
                    const code_key *key, char out[SIGNUP_CODE_HASH_MAX])
{
    uint8_t hash[HASH_BYTES], mask[HASH_BYTES];
    derive(secret, salt, CODE_DEFAULT_ITERATIONS, hash);
    peer_mask(key, salt, mask);
    for (size_t i = 0; i < HASH_BYTES; i++)
        hash[i] ^= mask[i];
    format('s', CODE_DEFAULT_ITERATIONS, salt, hash, out);
    memset(mask, 0, sizeof mask);
}

bool code_peer_open(const char *stored, const code_key *key, char out[SIGNUP_CODE_HASH_MAX])
{
    char tag;
    unsigned iterations;
    uint8_t salt[CODE_SALT_BYTES], hash[HASH_BYTES], mask[HASH_BYTES];
    if (!key || !stored || stored[0] != 's')
        return false;
    char as_p[SIGNUP_CODE_HASH_MAX];
    snprintf(as_p, sizeof as_p, "p%s", stored + 1);
    if (!parse(as_p, &tag, &iterations, salt, hash))
        return false;
    peer_mask(key, salt, mask);
    for (size_t i = 0; i < HASH_BYTES; i++)
        hash[i] ^= mask[i];
    format('p', iterations, salt, hash, out);
    memset(mask, 0, sizeof mask);
    return true;
}

bool code_peer_accept(const char *p1, const code_key *key, char out[SIGNUP_CODE_HASH_MAX])
{
    char tag;
    unsigned iterations;
    uint8_t salt[CODE_SALT_BYTES], hash[HASH_BYTES];
    if (!key || !parse(p1, &tag, &iterations, salt, hash) || tag != 'p' ||
        iterations > CODE_DEFAULT_ITERATIONS)
        return false;
    keyed(key, hash, hash);
    format('k', iterations, salt, hash, out);
    return true;
}

void code_kiosk_seed(const code_key *key, uint8_t seed[32])
{
    static const char LABEL[] = "vaermed kiosk key pair";
    struct hmac_sha256_ctx ctx;
    hmac_sha256_set_key(&ctx, CODE_KEY_BYTES, key->bytes);
    hmac_sha256_update(&ctx, sizeof LABEL, (const uint8_t *)LABEL);
    hmac_sha256_digest(&ctx, 32, seed);
}

void code_sha256_hex(const void *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof digest, digest);
    to_hex(digest, sizeof digest, out);
}

void code_uuid_v4(const uint8_t random16[16], char out[SIGNUP_ID_MAX])
{
    uint8_t b[16];
    memcpy(b, random16, 16);
    b[6] = (uint8_t)((b[6] & 0x0F) | 0x40); /* version 4 */
    b[8] = (uint8_t)((b[8] & 0x3F) | 0x80); /* variant 10xx (RFC 4122) */
    char hex[33];
    to_hex(b, 16, hex);
    snprintf(out, SIGNUP_ID_MAX, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16,
             hex + 20);
}

int64_t code_limiter_wait(const code_limiter *l, int64_t now)
{
    int64_t wait = l->locked_until > now ? l->locked_until - now : 0;
    return wait > CODE_LIMITER_MAX_WAIT ? CODE_LIMITER_MAX_WAIT : wait;
}

void code_limiter_result(code_limiter *l, bool right, int64_t now)
{
    if (right) {
        l->wrong = 0;
        l->locked_until = 0;
        return;
    }
    l->wrong++;
    if (l->wrong >= 3) {
        int64_t pause = 60;
        for (int i = 3; i < l->wrong && pause < 3600; i++)
            pause *= 2;
        l->locked_until = now + (pause > 3600 ? 3600 : pause);
    }
}
