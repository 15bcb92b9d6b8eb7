/* secret: the kiosk's own secret, which keys the hashes of residents' cancel codes (see
 * core/code.h, "pepper").
 *
 * It lives in a file beside the database, `<database>.secret` (64 hex digits, mode 0600),
 * never in the database and never on a stick, so a snapshot or a copied database alone says
 * nothing about a code. It is made from the kernel's randomness the first time a process
 * needs it; two processes starting at once agree on one (the file appears with link(), which
 * never replaces). Losing the file (restoring only the database) makes every stored code
 * fail, so the staff cancel those sign-ups; nothing else is lost.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_PLATFORM_SECRET_H
#define VM_PLATFORM_SECRET_H

#include <stdbool.h>

#include "core/code.h"
#include "core/err.h"

/* The secret's file for a database path: "<db_path>.secret". */
void secret_path(const char *db_path, char *out, size_t size);

/* Reads the secret of the database at `db_path` into `out`, making the file when it is
 * missing and `create` is true. VM_ERR_NOT_FOUND when it is missing and !create; VM_ERR_IO
 * when it cannot be read or written; VM_ERR_CORRUPT when the file is not 64 hex digits (it
 * is then left alone: a damaged secret is for a person to look at, not to overwrite). With
 * `create`, the temporary files "<secret>.<pid>.tmp" of processes that were killed while
 * they made it (each a copy of the secret) are removed first. */
vm_status secret_load(const char *db_path, bool create, code_key *out, vm_err *err);

/* Opens nothing else: after store_open of a database that may be written, keys its old
 * unkeyed code hashes (store_upgrade_code_hashes) with the secret, made when missing. The
 * message says what failed; the caller decides whether that stops it. */
struct store;
vm_status secret_load_and_upgrade(struct store *s, const char *db_path, code_key *out,
                                  vm_err *err);

#endif
