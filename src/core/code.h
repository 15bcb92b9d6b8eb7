/* code: secrets the kiosk keeps only as salted hashes.
 *
 * A resident's optional 4-digit cancel code and a staff stick's key are never stored as
 * typed. The hash is PBKDF2-HMAC-SHA256 (nettle) with a random 16-byte salt.
 *
 * A cancel code has only 10,000 values, so no number of iterations keeps a stolen database
 * from giving it away. The kiosk therefore keys the hash with a secret of its own (a
 * "pepper", code_key: 32 random bytes in a file beside the database, never in it and never
 * on a stick): the stored value is HMAC-SHA256(key, PBKDF2(code, salt)), written as
 * "k1$<iterations>$<salt hex>$<mac hex>". A snapshot or a copied database alone then says
 * nothing about a code. The older unkeyed form "p1$<iterations>$<salt hex>$<hash hex>"
 * (PBKDF2 alone) is still read, and code_upgrade turns it into the keyed form without
 * knowing the code (the store does that to every stored hash when the kiosk starts).
 *
 * Randomness and the key are passed in (the app reads them), so these functions are pure
 * and testable.
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_CODE_H
#define VM_CORE_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"

#define CODE_DIGITS 4
#define CODE_SALT_BYTES 16

/* The default work factor. PBKDF2-HMAC-SHA256 costs two SHA-256 blocks an iteration: about
 * 0.1 us on a desktop core with SHA extensions, 1.5-3 us on a Raspberry Pi 3/4 (plain C), so
 * 3000 iterations are some 5-10 ms on a Pi. A stored hash asking for more than
 * CODE_MAX_ITERATIONS is refused (a hostile bundle must not stall the kiosk). */
#define CODE_DEFAULT_ITERATIONS 3000u
#define CODE_MAX_ITERATIONS 200000u

#define CODE_KEY_BYTES 32

/* The kiosk's own secret for keyed code hashes (see above). */
typedef struct code_key {
    uint8_t bytes[CODE_KEY_BYTES];
} code_key;

/* True for exactly four ASCII digits. */
bool code_valid(const char *code);

/* Hashes `secret` (NULL = "") with `salt` into `out` (SIGNUP_CODE_HASH_MAX bytes): the keyed
 * "k1$..." form with `key`, the old unkeyed "p1$..." form with `key` NULL (for tests and the
 * fixtures of old databases; the kiosk always passes its key). `iterations` 0 means the
 * default (a few milliseconds on a Pi); more than CODE_MAX_ITERATIONS is cut to that. */
void code_hash(const char *secret, const uint8_t salt[CODE_SALT_BYTES], unsigned iterations,
               const code_key *key, char out[SIGNUP_CODE_HASH_MAX]);

/* True when `secret` hashes to `stored` (a string made by code_hash). A "k1$" hash needs the
 * key it was made with (false with another key or NULL); a "p1$" hash needs none. Constant
 * time in the hash comparison. False for a NULL or malformed `stored` (unknown prefix,
 * iterations 0, with a leading zero or above CODE_MAX_ITERATIONS, salt or hash not exactly
 * 32/64 lower-case hex digits, anything after the hash). */
bool code_matches(const char *secret, const char *stored, const code_key *key);

/* Turns an unkeyed "p1$" hash into the keyed "k1$" form of the same code, salt and
 * iterations (no code needed: the key is applied to what p1 stored). True and `out` written
 * for a well-formed p1 hash; false (out untouched) for anything else, "k1$" included. */
bool code_upgrade(const char *stored, const code_key *key, char out[SIGNUP_CODE_HASH_MAX]);

/* ---- cancel codes across the kiosks of one estate (docs/security.md)
 *
 * A sign-up made with a code at kiosk A can be cancelled at kiosk B. B never learns the
 * name: A keeps, beside its own keyed hash, a *peer verifier* of "<name as compared>\n<code>"
 * (code_peer_secret), a PBKDF2 of it with its own salt, masked with A's key so that A's
 * database alone says nothing ("s1$<iterations>$<salt hex>$<masked hex>"). At a sync A
 * unmasks it (code_peer_open gives the unkeyed "p1$" form), seals it to the other kiosks'
 * public keys, and B keys it with its own key (code_peer_accept: the "k1$" form), so that
 * B's database alone says nothing either. B checks a name and a code typed there with
 * code_matches(code_peer_secret(...), stored, B's key). */

/* "<folded name>\n<code>" into `out` (size >= SIGNUP_NAME_BYTES + CODE_DIGITS + 2). The name
 * must already be cleaned and case-folded the way the store compares names. */
void code_peer_secret(const char *folded_name, const char *code, char *out, size_t size);
/* The masked peer verifier of `secret` with `salt` (the default iterations). */
void code_peer_make(const char *secret, const uint8_t salt[CODE_SALT_BYTES],
                    const code_key *key, char out[SIGNUP_CODE_HASH_MAX]);
/* Unmasks a verifier made by code_peer_make with `key` into the unkeyed "p1$" form that
 * travels sealed. False (out untouched) for anything else. */
bool code_peer_open(const char *stored, const code_key *key, char out[SIGNUP_CODE_HASH_MAX]);
/* Takes a "p1$" verifier that came from another kiosk and keys it with this kiosk's `key`.
 * False for anything malformed, keyed already, or asking for more than the default
 * iterations (a forged file must not make every cancel slow). */
bool code_peer_accept(const char *p1, const code_key *key, char out[SIGNUP_CODE_HASH_MAX]);
/* 32 bytes derived from `key` for the kiosk's own key pair (seal_secret_from_seed): the
 * pair lives and dies with the key file and never needs a file of its own. */
void code_kiosk_seed(const code_key *key, uint8_t seed[32]);

/* Lower-case hex SHA-256 of `len` bytes (65 bytes out incl. NUL). For stick key files. */
void code_sha256_hex(const void *data, size_t len, char out[65]);

/* One counter of wrong codes: after 3 wrong ones, a pause of 1 minute, doubling with each
 * further wrong code up to an hour; a right code resets it. (The staff PIN has one; cancel
 * codes have one per name, app/signing.h.) */
typedef struct code_limiter {
    int wrong;
    int64_t locked_until; /* UTC seconds */
} code_limiter;

#define CODE_LIMITER_MAX_WAIT 3600

/* Seconds left to wait before another code may be tried (0 = go ahead). Never more than an
 * hour, also when the clock went back after the lock was set. */
int64_t code_limiter_wait(const code_limiter *l, int64_t now);
void code_limiter_result(code_limiter *l, bool right, int64_t now);

/* Formats 16 random bytes as an RFC 4122 version 4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-..."). */
void code_uuid_v4(const uint8_t random16[16], char out[SIGNUP_ID_MAX]);

#endif
