/* seal: sealed exports, the staff's key files and the PIN hash (see seal.h). */
#include "seal/seal.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "VMSEAL1\n"
#define MAGIC_LEN 8
#define ID_BYTES 8
#define SEALED_KEY_BYTES (crypto_secretstream_xchacha20poly1305_KEYBYTES + crypto_box_SEALBYTES)
#define ENTRY_BYTES (ID_BYTES + SEALED_KEY_BYTES)
#define CHUNK 65536u
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define HEADERBYTES crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define PASSPHRASE_MIN 8
#define KDF_MEM_MAX (1u << 30)
#define KDF_OPS_MAX 20u
#define PIN_OPS 4u
#define PIN_MEM (32u << 20)

vm_status seal_init(vm_err *err)
{
    if (sodium_init() < 0)
        return err_set(err, VM_ERR_INTERNAL, "The cryptography library (libsodium) cannot start.");
    return VM_OK;
}

/* ---- small text helpers */

static void b64(const uint8_t *in, size_t n, char *out, size_t size)
{
    sodium_bin2base64(out, size, in, n, sodium_base64_VARIANT_ORIGINAL);
}

/* Exactly `n` bytes from base64 text (spaces around allowed). */
static bool unb64(const char *text, uint8_t *out, size_t n)
{
    size_t got = 0;
    const char *end = NULL;
    while (*text == ' ' || *text == '\t')
        text++;
    if (sodium_base642bin(out, n, text, strlen(text), " \t\r\n", &got, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    while (end && (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
        end++;
    return got == n && end && *end == '\0';
}

/* The value of `key` in `key = value` text ('#' comments), trimmed; false when absent. */
static bool kv_get(const char *text, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    const char *p = text;
    while (p && *p) {
        const char *line = p;
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        p = nl ? nl + 1 : NULL;
        while (len && (*line == ' ' || *line == '\t'))
            line++, len--;
        if (!len || *line == '#')
            continue;
        if (len > klen && strncmp(line, key, klen) == 0) {
            const char *q = line + klen;
            size_t rest = len - klen;
            while (rest && (*q == ' ' || *q == '\t'))
                q++, rest--;
            if (!rest || *q != '=')
                continue;
            q++, rest--;
            while (rest && (*q == ' ' || *q == '\t'))
                q++, rest--;
            while (rest && (q[rest - 1] == ' ' || q[rest - 1] == '\t' || q[rest - 1] == '\r'))
                rest--;
            if (rest >= size)
                return false;
            memcpy(out, q, rest);
            out[rest] = '\0';
            return true;
        }
    }
    return false;
}

static bool kv_ull(const char *text, const char *key, unsigned long long *out)
{
    char v[32];
    if (!kv_get(text, key, v, sizeof v) || !v[0])
        return false;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (*end || !isdigit((unsigned char)v[0]))
        return false;
    *out = n;
    return true;
}

/* ---- public keys */

void seal_public_to_text(const seal_public *pk, char out[SEAL_PUBLIC_TEXT_MAX])
{
    b64(pk->bytes, SEAL_KEY_BYTES, out, SEAL_PUBLIC_TEXT_MAX);
}

bool seal_public_from_text(const char *text, seal_public *out)
{
    seal_public pk;
    if (!text || !unb64(text, pk.bytes, SEAL_KEY_BYTES))
        return false;
    *out = pk;
    return true;
}

static void key_id(const seal_public *pk, uint8_t id[ID_BYTES])
{
    uint8_t h[crypto_generichash_BYTES_MIN];
    crypto_generichash(h, sizeof h, pk->bytes, SEAL_KEY_BYTES, (const uint8_t *)"vaermed", 7);
    memcpy(id, h, ID_BYTES);
}

void seal_fingerprint(const seal_public *pk, char out[SEAL_FINGERPRINT_MAX])
{
    static const char hexd[] = "0123456789ABCDEF";
    uint8_t id[ID_BYTES];
    key_id(pk, id);
    size_t o = 0;
    for (int i = 0; i < ID_BYTES; i++) {
        if (i && i % 2 == 0)
            out[o++] = '-';
        out[o++] = hexd[id[i] >> 4];
        out[o++] = hexd[id[i] & 15];
    }
    out[o] = '\0';
}

void seal_public_file_format(const seal_public *pk, char *out, size_t size)
{
    char text[SEAL_PUBLIC_TEXT_MAX], fp[SEAL_FINGERPRINT_MAX];
    seal_public_to_text(pk, text);
    seal_fingerprint(pk, fp);
    snprintf(out, size,
             "# Vær med: the staff's public key. A kiosk that knows it saves the sign-ups on\n"
             "# the USB stick so that only this key's owner can open them. It is no secret.\n"
             "# Check that the kiosk's staff screen shows the same fingerprint.\n"
             "vaermed-staff-public-key = %s\n"
             "fingerprint = %s\n",
             text, fp);
}

vm_status seal_public_file_parse(const char *text, seal_public *out, vm_err *err)
{
    char v[128], fp[64], want[SEAL_FINGERPRINT_MAX];
    seal_public pk;
    if (!kv_get(text, "vaermed-staff-public-key", v, sizeof v) &&
        !kv_get(text, "public", v, sizeof v))
        return err_set(err, VM_ERR_INVALID, "It holds no staff public key.");
    if (!seal_public_from_text(v, &pk))
        return err_set(err, VM_ERR_INVALID, "Its staff public key is damaged.");
    seal_fingerprint(&pk, want);
    if (kv_get(text, "fingerprint", fp, sizeof fp) && strcasecmp(fp, want) != 0)
        return err_set(err, VM_ERR_INVALID,
                       "Its fingerprint does not belong to its key: the file was changed.");
    *out = pk;
    return VM_OK;
}

/* ---- the locked key file */

static vm_status derive(const char *passphrase, const uint8_t *salt, unsigned long long ops,
                        size_t mem, uint8_t key[crypto_secretbox_KEYBYTES], vm_err *err)
{
    if (crypto_pwhash(key, crypto_secretbox_KEYBYTES, passphrase, strlen(passphrase), salt, ops,
                      mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return err_set(err, VM_ERR_NOMEM,
                       "There is not enough memory to unlock the key (it needs %zu MB).",
                       mem >> 20);
    return VM_OK;
}

vm_status seal_keypair_new(const char *passphrase, seal_kdf kdf, char **file_text,
                           seal_public *pub, vm_err *err)
{
    *file_text = NULL;
    vm_status st = seal_init(err);
    if (st != VM_OK)
        return st;
    if (!passphrase || strlen(passphrase) < PASSPHRASE_MIN)
        return err_set(err, VM_ERR_INVALID,
                       "The passphrase must have at least %d characters; a few words are best.",
                       PASSPHRASE_MIN);
    seal_secret sk;
    crypto_box_keypair(sk.pub.bytes, sk.bytes);
    unsigned long long ops = kdf == SEAL_KDF_FAST ? crypto_pwhash_OPSLIMIT_MIN
                                                  : crypto_pwhash_OPSLIMIT_MODERATE;
    size_t mem = kdf == SEAL_KDF_FAST ? crypto_pwhash_MEMLIMIT_MIN
                                      : crypto_pwhash_MEMLIMIT_MODERATE;
    uint8_t salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES];
    uint8_t key[crypto_secretbox_KEYBYTES], locked[SEAL_KEY_BYTES + crypto_secretbox_MACBYTES];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    if ((st = derive(passphrase, salt, ops, mem, key, err)) != VM_OK)
        goto out;
    crypto_secretbox_easy(locked, sk.bytes, SEAL_KEY_BYTES, nonce, key);
    char pubt[SEAL_PUBLIC_TEXT_MAX], fp[SEAL_FINGERPRINT_MAX], salt_t[64], nonce_t[64],
        locked_t[128];
    seal_public_to_text(&sk.pub, pubt);
    seal_fingerprint(&sk.pub, fp);
    b64(salt, sizeof salt, salt_t, sizeof salt_t);
    b64(nonce, sizeof nonce, nonce_t, sizeof nonce_t);
    b64(locked, sizeof locked, locked_t, sizeof locked_t);
    size_t size = 2048;
    char *text = malloc(size);
    if (!text) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory.");
        goto out;
    }
    snprintf(text, size,
             "# Vær med: the staff's secret key. It opens the sign-ups the kiosks save on the\n"
             "# USB stick. It is locked with the staff's passphrase. Keep it on the office\n"
             "# computer (and a backup somewhere safe): never put it on the USB stick.\n"
             "vaermed-staff-secret-key = 1\n"
             "public = %s\n"
             "fingerprint = %s\n"
             "kdf = argon2id13\n"
             "opslimit = %llu\n"
             "memlimit = %zu\n"
             "salt = %s\n"
             "nonce = %s\n"
             "secret = %s\n",
             pubt, fp, ops, mem, salt_t, nonce_t, locked_t);
    *file_text = text;
    if (pub)
        *pub = sk.pub;
out:
    sodium_memzero(key, sizeof key);
    seal_secret_wipe(&sk);
    return st;
}

vm_status seal_secret_file_public(const char *file_text, seal_public *out, vm_err *err)
{
    char v[128];
    if (!kv_get(file_text, "vaermed-staff-secret-key", v, sizeof v) || strcmp(v, "1") != 0)
        return err_set(err, VM_ERR_INVALID, "This is not a Vær med staff key file.");
    if (!kv_get(file_text, "public", v, sizeof v) || !seal_public_from_text(v, out))
        return err_set(err, VM_ERR_INVALID, "The staff key file is damaged (public).");
    return VM_OK;
}

vm_status seal_secret_file_open(const char *file_text, const char *passphrase,
                                seal_secret *out, vm_err *err)
{
    vm_status st = seal_init(err);
    if (st != VM_OK)
        return st;
    memset(out, 0, sizeof *out);
    seal_public pub;
    if ((st = seal_secret_file_public(file_text, &pub, err)) != VM_OK)
        return st;
    char v[160];
    unsigned long long ops = 0, mem = 0;
    uint8_t salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES];
    uint8_t locked[SEAL_KEY_BYTES + crypto_secretbox_MACBYTES];
    if (!kv_get(file_text, "kdf", v, sizeof v) || strcmp(v, "argon2id13") != 0 ||
        !kv_ull(file_text, "opslimit", &ops) || !kv_ull(file_text, "memlimit", &mem) ||
        !kv_get(file_text, "salt", v, sizeof v) || !unb64(v, salt, sizeof salt) ||
        !kv_get(file_text, "nonce", v, sizeof v) || !unb64(v, nonce, sizeof nonce) ||
        !kv_get(file_text, "secret", v, sizeof v) || !unb64(v, locked, sizeof locked))
        return err_set(err, VM_ERR_INVALID, "The staff key file is damaged.");
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > KDF_OPS_MAX ||
        mem < crypto_pwhash_MEMLIMIT_MIN || mem > KDF_MEM_MAX)
        return err_set(err, VM_ERR_INVALID,
                       "The staff key file asks for more work than this program allows.");
    uint8_t key[crypto_secretbox_KEYBYTES];
    if ((st = derive(passphrase ? passphrase : "", salt, ops, (size_t)mem, key, err)) != VM_OK)
        return st;
    int rc = crypto_secretbox_open_easy(out->bytes, locked, sizeof locked, nonce, key);
    sodium_memzero(key, sizeof key);
    if (rc != 0) {
        seal_secret_wipe(out);
        return err_set(err, VM_ERR_REFUSED, "The passphrase is not right.");
    }
    seal_public check;
    crypto_scalarmult_base(check.bytes, out->bytes);
    if (sodium_memcmp(check.bytes, pub.bytes, SEAL_KEY_BYTES) != 0) {
        seal_secret_wipe(out);
        return err_set(err, VM_ERR_INVALID,
                       "The staff key file is damaged (its two halves do not belong together).");
    }
    out->pub = pub;
    return VM_OK;
}

vm_status seal_secret_from_seed(const uint8_t seed[SEAL_KEY_BYTES], seal_secret *out,
                                vm_err *err)
{
    vm_status st = seal_init(err);
    if (st != VM_OK)
        return st;
    crypto_box_seed_keypair(out->pub.bytes, out->bytes, seed);
    return VM_OK;
}

void seal_secret_wipe(seal_secret *sk)
{
    if (sk)
        sodium_memzero(sk, sizeof *sk);
}

/* ---- sealed data */

bool seal_is_sealed(const void *data, size_t len)
{
    return len >= MAGIC_LEN && memcmp(data, MAGIC, MAGIC_LEN) == 0;
}

vm_status seal_encrypt(const seal_public *to, size_t n, const void *data, size_t len,
                       uint8_t **out, size_t *out_len, vm_err *err)
{
    *out = NULL;
    *out_len = 0;
    vm_status st = seal_init(err);
    if (st != VM_OK)
        return st;
    if (n < 1 || n > SEAL_MAX_RECIPIENTS)
        return err_set(err, VM_ERR_INVALID, "A sealed file is for 1 to %d staff keys.",
                       SEAL_MAX_RECIPIENTS);
    size_t chunks = len / CHUNK + 1; /* the last one (maybe empty) is the final one */
    size_t pre = MAGIC_LEN + 1 + n * ENTRY_BYTES + HEADERBYTES;
    size_t total = pre + len + chunks * ABYTES;
    uint8_t *buf = malloc(total);
    if (!buf)
        return err_set(err, VM_ERR_NOMEM, "Out of memory while sealing %zu bytes.", len);
    uint8_t file_key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    crypto_secretstream_xchacha20poly1305_keygen(file_key);
    uint8_t *p = buf;
    memcpy(p, MAGIC, MAGIC_LEN);
    p += MAGIC_LEN;
    *p++ = (uint8_t)n;
    for (size_t i = 0; i < n; i++) {
        key_id(&to[i], p);
        if (crypto_box_seal(p + ID_BYTES, file_key, sizeof file_key, to[i].bytes) != 0) {
            st = err_set(err, VM_ERR_INVALID, "A staff public key cannot be used.");
            goto fail;
        }
        p += ENTRY_BYTES;
    }
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, p, file_key);
    p += HEADERBYTES;
    const uint8_t *in = data;
    for (size_t c = 0; c < chunks; c++) {
        size_t part = c + 1 < chunks ? CHUNK : len - c * CHUNK;
        unsigned char tag = c + 1 < chunks ? 0 : crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        unsigned long long clen = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, p, &clen, in + c * CHUNK, part,
                                                   c == 0 ? buf : NULL, c == 0 ? pre : 0, tag);
        p += clen;
    }
    sodium_memzero(&state, sizeof state);
    sodium_memzero(file_key, sizeof file_key);
    *out = buf;
    *out_len = (size_t)(p - buf);
    return VM_OK;
fail:
    sodium_memzero(file_key, sizeof file_key);
    free(buf);
    return st;
}

vm_status seal_decrypt(const seal_secret *sk, const void *data, size_t len, uint8_t **out,
                       size_t *out_len, vm_err *err)
{
    *out = NULL;
    *out_len = 0;
    vm_status st = seal_init(err);
    if (st != VM_OK)
        return st;
    const uint8_t *d = data;
    if (!seal_is_sealed(data, len) || len < MAGIC_LEN + 1)
        return err_set(err, VM_ERR_INVALID, "This is not a sealed Vær med file.");
    size_t n = d[MAGIC_LEN];
    size_t pre = MAGIC_LEN + 1 + n * ENTRY_BYTES + HEADERBYTES;
    if (n < 1 || n > SEAL_MAX_RECIPIENTS || len < pre + ABYTES)
        return err_set(err, VM_ERR_CORRUPT, "The sealed file is damaged or cut short.");
    uint8_t my_id[ID_BYTES];
    key_id(&sk->pub, my_id);
    uint8_t file_key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    bool opened = false;
    for (size_t i = 0; i < n && !opened; i++) {
        const uint8_t *e = d + MAGIC_LEN + 1 + i * ENTRY_BYTES;
        if (memcmp(e, my_id, ID_BYTES) != 0)
            continue;
        opened = crypto_box_seal_open(file_key, e + ID_BYTES, SEALED_KEY_BYTES, sk->pub.bytes,
                                      sk->bytes) == 0;
    }
    if (!opened)
        return err_set(err, VM_ERR_REFUSED,
                       "This file was not sealed for this staff key (it is for another key, or "
                       "it was damaged).");
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, d + pre - HEADERBYTES,
                                                        file_key) != 0) {
        sodium_memzero(file_key, sizeof file_key);
        return err_set(err, VM_ERR_CORRUPT, "The sealed file is damaged.");
    }
    sodium_memzero(file_key, sizeof file_key);
    size_t body = len - pre;
    uint8_t *buf = malloc(body + 1);
    if (!buf) {
        sodium_memzero(&state, sizeof state);
        return err_set(err, VM_ERR_NOMEM, "Out of memory while opening %zu bytes.", len);
    }
    size_t at = pre, o = 0;
    bool final = false, first = true;
    while (at < len && !final) {
        size_t clen = len - at < CHUNK + ABYTES ? len - at : CHUNK + ABYTES;
        unsigned long long mlen = 0;
        unsigned char tag = 0;
        if (clen < ABYTES ||
            crypto_secretstream_xchacha20poly1305_pull(&state, buf + o, &mlen, &tag, d + at,
                                                       clen, first ? d : NULL,
                                                       first ? pre : 0) != 0) {
            st = err_set(err, VM_ERR_CORRUPT, "The sealed file is damaged.");
            goto fail;
        }
        first = false;
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        at += clen;
        o += mlen;
    }
    if (!final || at != len) {
        st = err_set(err, VM_ERR_CORRUPT,
                     final ? "The sealed file has something after its end."
                           : "The sealed file is cut short (was the USB stick pulled out?).");
        goto fail;
    }
    sodium_memzero(&state, sizeof state);
    buf[o] = '\0';
    *out = buf;
    *out_len = o;
    return VM_OK;
fail:
    sodium_memzero(&state, sizeof state);
    sodium_memzero(buf, body + 1);
    free(buf);
    return st;
}

/* ---- the staff PIN */

static bool all_digits(const char *s, size_t min, size_t max)
{
    size_t n = s ? strlen(s) : 0;
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

vm_status seal_pin_hash(const char *pin, char out[SEAL_PIN_HASH_MAX], vm_err *err)
{
    vm_status st = seal_init(err);
    if (st != VM_OK)
        return st;
    if (!all_digits(pin, 4, 8))
        return err_set(err, VM_ERR_INVALID, "The PIN must be 4 to 8 digits.");
    char h[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(h, pin, strlen(pin), PIN_OPS, PIN_MEM) != 0 ||
        strlen(h) >= SEAL_PIN_HASH_MAX)
        return err_set(err, VM_ERR_NOMEM, "There is not enough memory to hash the PIN.");
    snprintf(out, SEAL_PIN_HASH_MAX, "%s", h);
    return VM_OK;
}

/* "$argon2id$v=19$m=<KiB>,t=<passes>,p=1$<salt>$<hash>" within the limits. */
bool seal_pin_hash_valid(const char *hash)
{
    unsigned long m = 0, t = 0, p = 0;
    int used = 0;
    if (!hash || strlen(hash) >= SEAL_PIN_HASH_MAX ||
        sscanf(hash, "$argon2id$v=19$m=%lu,t=%lu,p=%lu$%n", &m, &t, &p, &used) != 3 || !used)
        return false;
    if (m < 8 || m > SEAL_PIN_MAX_MEMORY / 1024 || t < 1 || t > SEAL_PIN_MAX_PASSES || p != 1)
        return false;
    for (const char *c = hash + used; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '+' && *c != '/' && *c != '$')
            return false;
    return true;
}

bool seal_pin_verify(const char *pin, const char *hash)
{
    if (seal_init(NULL) != VM_OK || !pin || !seal_pin_hash_valid(hash))
        return false;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}
