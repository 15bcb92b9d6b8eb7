/* Helpers for the sync tests: a kiosk database and a stick in temp folders. */
#ifndef VM_SYNC_TEST_UTIL_H
#define VM_SYNC_TEST_UTIL_H

#include <stdbool.h>
#include <stdint.h>

#include "seal/seal.h"
#include "store/store.h"
#include "sync/sync.h"

/* A fresh kiosk database `<dir>/kiosk.db` with kiosk_id set; asserts on failure. */
store *stu_kiosk(const char *dir, const char *kiosk_id);

/* Makes `<dir>` a stick authorised for `s` (key from a fixed seed byte). */
void stu_authorise(store *s, const char *stick, uint8_t seed, int64_t now);

/* A staff key pair (quick to make; the test's passphrase) whose public half `s` now seals
 * to; `out` gets the unlocked pair. */
void stu_staff_key(store *s, seal_secret *out);

/* Opens the sealed file at `path` with `sk`; asserts it opens. `len` may be NULL. Caller
 * frees. */
char *stu_unseal(const char *path, const seal_secret *sk, size_t *len);

/* Opens a sealed snapshot into the plain file `plain_path` (for stu_dump). */
void stu_unseal_to(const char *path, const seal_secret *sk, const char *plain_path);

/* Writes `<stick>/vaermed/<name>` (len (size_t)-1 = strlen). */
void stu_put(const char *stick, const char *name, const void *data, size_t len);

/* An open activity; start is given as local "YYYY-MM-DD HH:MM". */
activity stu_activity(const char *uid, const char *title, const char *start, int capacity);

/* Joins `name` to `uid` with a UUID built from `n`; asserts it is stored. */
void stu_join(store *s, const char *uid, const char *name, int n, int64_t when);

/* The full dump of the database file (store_dump); caller frees. */
char *stu_dump(const char *db_path);

/* The dump without the rows of the facts table (last_sync etc. change on every sync). */
char *stu_dump_no_facts(const char *db_path);

/* Fails naming the first line where the two texts differ. */
void stu_assert_same(const char *a, const char *b);

/* "name size\n" for every entry under `dir`, sorted, recursively; caller frees. */
char *stu_listing(const char *dir);

#endif
