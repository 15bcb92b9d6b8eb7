/* update: a new Vær med from a staff stick, signed with the estate's update key.
 *
 * Staff bring `vaermed/opdatering/vaermed_<version>_<arch>.deb` and its signature file
 * `vaermed_<version>_<arch>.deb.sig`, made by `vaermed update sign` with the estate's secret
 * update key. The signature file is a short text, signed whole with Ed25519 (libsodium's
 * crypto_sign_detached) except for its last line:
 *
 *     vaermed-update 1
 *     package vaermed
 *     version 0.2.0
 *     architecture arm64
 *     size 712345
 *     sha256 <64 hex digits>
 *     signature <128 hex digits>
 *
 * The kiosk accepts it only with the estate's public key from the config (`update_key`): the
 * stick's own key, which only says the stick is a staff stick, is not enough, so a lost staff
 * stick cannot carry a program onto the kiosk. The kiosk checks the signature, the size and
 * the SHA-256 of the copy it made (what is checked is what gets installed), the package, the
 * architecture and that the version is newer, and leaves the pair in its update folder; the
 * installer (vaermed-update.service, root) checks all of it again before installing, and
 * rolls back if the new version does not start. Its last word is in a result file the kiosk
 * shows on the sync screen.
 *
 * Errors are VM_ERR_* with a plain message in the language of `cat` (context "staff"; NULL
 * for English): the reason reaches the sync screen and the installer's result, which staff
 * read in the kiosk's language.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_SERVICES_UPDATE_H
#define VM_SERVICES_UPDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/i18n.h"

#define UPDATE_STICK_FOLDER "opdatering"
#define UPDATE_MAX_BYTES (64u * 1024 * 1024)
#define UPDATE_SIG_MAX 2048
#define UPDATE_PUBLIC_KEY_BYTES 32
#define UPDATE_SECRET_KEY_BYTES 64

typedef struct update_manifest {
    char package[32];
    char version[64];
    char arch[16];
    uint64_t size;
    uint8_t sha256[32];
} update_manifest;

/* A new key pair: `public_hex` (64 hex digits + NUL) for the kiosks' update_key line,
 * `secret_hex` (128 + NUL) for the one who signs. VM_ERR_INTERNAL when libsodium cannot
 * start. */
vm_status update_keygen(char public_hex[65], char secret_hex[129], vm_err *err);

/* Signs the package file `deb_path` (its name must be <package>_<version>_<arch>.deb) with
 * `secret_hex`: the signature file's text into `out` (NUL-terminated). */
vm_status update_sign(const char *deb_path, const char *secret_hex, char *out, size_t size,
                      const i18n_catalog *cat, vm_err *err);

/* Checks signature file text `sig` against `public_hex` and then the package file at
 * `deb_path` (size and SHA-256), and that the file's name says the manifest's package,
 * version and architecture. Fills `m` (may be NULL). VM_ERR_REFUSED with the reason when
 * anything does not hold; VM_ERR_IO when the file cannot be read. */
vm_status update_verify(const char *deb_path, const char *sig, size_t sig_len,
                        const char *public_hex, update_manifest *m, const i18n_catalog *cat,
                        vm_err *err);

/* Debian's order of versions (epoch:upstream-revision, '~' before anything): < 0, 0, > 0. */
int update_version_compare(const char *a, const char *b);

/* "vaermed_0.2.0_arm64.deb" -> package, version, arch; false for any other shape. */
bool update_parse_name(const char *name, char *package, size_t psize, char *version,
                       size_t vsize, char *arch, size_t asize);

#endif
