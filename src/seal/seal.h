/* seal: names leave the kiosk only sealed to the staff's public key (libsodium).
 *
 * The staff have a key pair (X25519). The public key is given to each kiosk once, by a
 * person who may (the staff screen behind the PIN, or the kiosk's command line); the secret
 * key stays on the office computer in a file locked with the staff's passphrase (Argon2id +
 * XSalsa20-Poly1305), never on a USB stick. Whatever the kiosk writes with names (the
 * sign-ups, its database snapshot) is sealed to every staff public key it knows: a fresh
 * random file key, sealed to each recipient with crypto_box_seal, encrypts the data with
 * crypto_secretstream (XChaCha20-Poly1305, 64 KiB chunks, the last one marked final). A
 * copied or lost stick therefore carries only ciphertext; cutting a sealed file short,
 * changing a byte or swapping the recipients' lines is noticed when it is opened.
 *
 * The sealed file (`*.vaermed`):
 *   "VMSEAL1\n"                          8 bytes
 *   n                                   1 byte, 1..SEAL_MAX_RECIPIENTS
 *   n x { key id (8 bytes: BLAKE2b of the public key, cut), crypto_box_seal(file key) (80) }
 *   secretstream header                 24 bytes
 *   chunks of up to 64 KiB + 17 bytes   the first with all of the above as additional data
 *
 * The staff's files are text, one `key = value` a line, '#' comments (formats below, and in
 * docs/stick-format.md).
 *
 * Also here: the staff PIN's hash for the config (Argon2id, libsodium's crypto_pwhash_str).
 *
 * Randomness comes from libsodium (the kernel's getrandom); nothing else is read from the
 * system. Secret keys are wiped (sodium_memzero) by the functions that hold them.
 * Errors: VM_ERR_INVALID for text that is not what it should be, VM_ERR_REFUSED for a
 * wrong passphrase or a file sealed for other keys, VM_ERR_CORRUPT for a damaged or cut
 * sealed file, VM_ERR_NOMEM.
 *
 * Threads: any. No state of its own (libsodium initialises itself once, safely from any
 * thread).
 */
#ifndef VM_SEAL_SEAL_H
#define VM_SEAL_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define SEAL_KEY_BYTES 32
#define SEAL_MAX_RECIPIENTS 16
#define SEAL_SUFFIX ".vaermed"
/* The public key as text: base64 of 32 bytes (44 characters). */
#define SEAL_PUBLIC_TEXT_MAX 45
/* "7F3A-91C2-0B4D-EE10": what a person compares on two screens. */
#define SEAL_FINGERPRINT_MAX 20
/* The staff PIN's hash (crypto_pwhash_str). */
#define SEAL_PIN_HASH_MAX 128
/* A PIN hash may ask for at most this much memory and these many passes when checked. */
#define SEAL_PIN_MAX_MEMORY (64u << 20)
#define SEAL_PIN_MAX_PASSES 10

typedef struct seal_public {
    uint8_t bytes[SEAL_KEY_BYTES];
} seal_public;

/* A staff key pair, unlocked. Wipe with seal_secret_wipe when done. */
typedef struct seal_secret {
    seal_public pub;
    uint8_t bytes[SEAL_KEY_BYTES];
} seal_secret;

/* How hard the passphrase is made to guess: MODERATE (256 MiB, ~0.5-1 s on a PC) for real
 * keys; FAST (libsodium's minimum) only for tests. */
typedef enum seal_kdf { SEAL_KDF_MODERATE = 0, SEAL_KDF_FAST } seal_kdf;

/* libsodium's start; VM_ERR_INTERNAL when it cannot start. Safe to call often. */
vm_status seal_init(vm_err *err);

/* ---- public keys */

void seal_public_to_text(const seal_public *pk, char out[SEAL_PUBLIC_TEXT_MAX]);
/* Base64 of exactly 32 bytes (spaces around allowed); false otherwise. */
bool seal_public_from_text(const char *text, seal_public *out);
void seal_fingerprint(const seal_public *pk, char out[SEAL_FINGERPRINT_MAX]);

/* The staff's public key file (`personale.pub` on a stick):
 *   # comments
 *   vaermed-staff-public-key = <base64>
 *   fingerprint = 7F3A-91C2-0B4D-EE10          (written for people; checked when read)
 * Formats into `out` (size >= 512). */
void seal_public_file_format(const seal_public *pk, char *out, size_t size);
/* VM_ERR_INVALID (with the reason) for anything else, or a fingerprint that does not fit. */
vm_status seal_public_file_parse(const char *text, seal_public *out, vm_err *err);

/* ---- the staff's key pair, locked with a passphrase */

/* Makes a key pair and its locked file text (malloc'd, the caller frees):
 *   vaermed-staff-secret-key = 1
 *   public = <base64>, fingerprint = ..., kdf = argon2id13, opslimit = N, memlimit = N,
 *   salt = <base64>, nonce = <base64>, secret = <base64 of the locked secret key>
 * VM_ERR_INVALID for a passphrase shorter than 8 characters. */
vm_status seal_keypair_new(const char *passphrase, seal_kdf kdf, char **file_text,
                           seal_public *pub, vm_err *err);
/* Unlocks a key file: VM_ERR_REFUSED for a wrong passphrase; VM_ERR_INVALID for a file that
 * is not a staff key (or asks for more work or memory than a PC has: at most 1 GiB). */
vm_status seal_secret_file_open(const char *file_text, const char *passphrase,
                                seal_secret *out, vm_err *err);
/* Reads only the public key of a locked key file (no passphrase needed). */
vm_status seal_secret_file_public(const char *file_text, seal_public *out, vm_err *err);
void seal_secret_wipe(seal_secret *sk);
/* A kiosk's own key pair, made again the same from a 32-byte `seed` (code_kiosk_seed: the
 * kiosk's secret file); the other kiosks of the estate seal cancel-code verifiers to its
 * public half (docs/security.md). VM_ERR_INTERNAL when libsodium cannot start. */
vm_status seal_secret_from_seed(const uint8_t seed[SEAL_KEY_BYTES], seal_secret *out,
                                vm_err *err);

/* ---- sealed data */

/* True when `data` starts like a sealed file. */
bool seal_is_sealed(const void *data, size_t len);
/* Seals `len` bytes to each of the `n` public keys (1..SEAL_MAX_RECIPIENTS) into a malloc'd
 * buffer. */
vm_status seal_encrypt(const seal_public *to, size_t n, const void *data, size_t len,
                       uint8_t **out, size_t *out_len, vm_err *err);
/* Opens a sealed file with a staff key: a malloc'd buffer with the data (and a NUL after
 * it, not counted). VM_ERR_REFUSED when it was not sealed for this key; VM_ERR_CORRUPT when
 * it is damaged or cut short; VM_ERR_INVALID when it is no sealed file at all. */
vm_status seal_decrypt(const seal_secret *sk, const void *data, size_t len, uint8_t **out,
                       size_t *out_len, vm_err *err);

/* ---- the staff PIN */

/* VM_ERR_INVALID unless `pin` is 4 to 8 digits. */
vm_status seal_pin_hash(const char *pin, char out[SEAL_PIN_HASH_MAX], vm_err *err);
/* True when `pin` is the one hashed. False for a malformed hash, or one that asks for more
 * than SEAL_PIN_MAX_MEMORY. */
bool seal_pin_verify(const char *pin, const char *hash);
/* True for a string that looks like seal_pin_hash's output (for the config). */
bool seal_pin_hash_valid(const char *hash);

#endif
