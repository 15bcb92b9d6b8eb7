/* sync_stick: the parts of stick authorisation and the stick's clock that sync.c and the
 * tests share (internal to src/sync; the public API is in sync.h).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_STICK_H
#define VM_SYNC_STICK_H

#include <stdbool.h>
#include <stdint.h>

#include "sync/sync.h"

/* Reads the key file text: "key = <64 hex>" and "created = <time>" lines, '#' comments.
 * VM_ERR_INVALID without a well-formed key. */
vm_status sync_key_parse(const char *text, char key_hex[65], int64_t *created);

/* Reads a time as staff or the key file write it ("2026-12-01T10:00:00Z",
 * "2026-12-01 11:00", "01-12-2026 11:00"); false for anything else or a time before 2020. */
bool sync_parse_stick_time(const char *text, int64_t *out);

/* Opens the stick folder and its vaermed/ folder (no symlinks). VM_ERR_REFUSED when there
 * is no vaermed/ folder. Both fds are the caller's to close. */
vm_status sync_stick_open(const char *stick_dir, int *stick_fd, int *vfd,
                          const i18n_catalog *cat, vm_err *err);

/* sync_stick_check on an open vaermed/ folder; `hash_out` (may be NULL) gets the key's
 * SHA-256 when it is accepted from the store ("" when from the config); `state` (may be
 * NULL) what the store says of the key (UNKNOWN also for a stick with no key). */
vm_status sync_stick_check_fd(store *s, int vfd, const sync_options *opt, int64_t now,
                              int64_t *key_time, char hash_out[65], store_stick_state *state,
                              vm_err *err);

/* The time vaermed/time.txt tells (0 when there is none or it cannot be read). */
int64_t sync_stick_time_file(int vfd, const i18n_catalog *cat);

#endif
