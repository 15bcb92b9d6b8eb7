/* code: secrets the kiosk keeps only as salted hashes.
 *
 * A resident's optional 4-digit cancel code and a staff stick's key are never stored as
 * typed. The hash is PBKDF2-HMAC-SHA256 (nettle) with a random 16-byte salt, written as
 * "p1$<iterations>$<salt hex>$<hash hex>". Randomness is passed in (the app reads it from
 * getrandom), so these functions are pure and testable.
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

/* True for exactly four ASCII digits. */
bool code_valid(const char *code);

/* Hashes `secret` (NULL = "") with `salt` into `out` (SIGNUP_CODE_HASH_MAX bytes).
 * `iterations` 0 means the default (a few milliseconds on a Pi: enough to make a stolen
 * database slow to search, cheap enough for one tap); more than CODE_MAX_ITERATIONS is cut to
 * that. */
void code_hash(const char *secret, const uint8_t salt[CODE_SALT_BYTES], unsigned iterations,
               char out[SIGNUP_CODE_HASH_MAX]);

/* True when `secret` hashes to `stored` (a string made by code_hash). Constant time in the
 * hash comparison. False for a NULL or malformed `stored` (wrong prefix, iterations 0, with a
 * leading zero or above CODE_MAX_ITERATIONS, salt or hash not exactly 32/64 lower-case hex
 * digits, anything after the hash). */
bool code_matches(const char *secret, const char *stored);

/* Lower-case hex SHA-256 of `len` bytes (65 bytes out incl. NUL). For stick key files. */
void code_sha256_hex(const void *data, size_t len, char out[65]);

/* Formats 16 random bytes as an RFC 4122 version 4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-..."). */
void code_uuid_v4(const uint8_t random16[16], char out[SIGNUP_ID_MAX]);

#endif
