/* sync_photo: a contact's photo from the stick (internal to src/sync, used by tests): a PNG
 * file, checked and made small for a card.
 *
 * Threads: any; no state between calls.
 */
#ifndef VM_SYNC_PHOTO_H
#define VM_SYNC_PHOTO_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/i18n.h"
#include "store/store.h"

#define SYNC_PHOTO_MAX_BYTES (2 * 1024 * 1024)
#define SYNC_PHOTO_MAX_SIDE 4096

/* Decodes `data` (a PNG file, at most SYNC_PHOTO_MAX_BYTES, at most SYNC_PHOTO_MAX_SIDE
 * pixels either way) and scales it, keeping its shape, to fit CONTACT_PHOTO_MAX square,
 * transparency on white. *out gets a malloc'd RGB picture the caller frees (out->rgb).
 * VM_ERR_INVALID in plain words for anything else (a JPEG says how to save it as PNG). */
vm_status sync_photo_decode(const void *data, size_t len, store_photo *out,
                            const i18n_catalog *cat, vm_err *err);

#endif
