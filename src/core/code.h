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

/* True for exactly four ASCII digits. */
bool code_valid(const char *code);

/* Hashes `secret` with `salt` into `out` (SIGNUP_CODE_HASH_MAX bytes). `iterations` 0 means
 * the default (a few milliseconds on a Pi: enough to make a stolen database slow to search,
 * cheap enough for one tap). */
void code_hash(const char *secret, const uint8_t salt[CODE_SALT_BYTES], unsigned iterations,
               char out[SIGNUP_CODE_HASH_MAX]);

/* True when `secret` hashes to `stored` (a string made by code_hash). Constant time in the
 * hash comparison. False for a malformed `stored`. */
bool code_matches(const char *secret, const char *stored);

/* Lower-case hex SHA-256 of `len` bytes (65 bytes out incl. NUL). For stick key files. */
void code_sha256_hex(const void *data, size_t len, char out[65]);

/* Formats 16 random bytes as an RFC 4122 version 4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-..."). */
void code_uuid_v4(const uint8_t random16[16], char out[SIGNUP_ID_MAX]);

#endif
