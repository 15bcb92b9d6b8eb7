/* sync_tr: messages of the sync in the kiosk's language (internal to src/sync).
 *
 * Everything the sync says ends up on the kiosk screen, on stderr of `vaermed sync` and in
 * the log on the stick, read by staff: so every message is an English msgid translated
 * through the catalog (po/, section "sync"). `cat` may be NULL (English).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_TR_H
#define VM_SYNC_TR_H

#include "core/err.h"
#include "core/i18n.h"

/* err_set with the translation of `msgid` as the format. The catalogs guarantee that a
 * translation has the same conversions as its msgid. Returns `st`. */
vm_status sync_err(vm_err *err, vm_status st, const i18n_catalog *cat, const char *msgid, ...)
    __attribute__((format(printf, 4, 5)));

#define SYNC_T(cat, msgid) i18n_text((cat), (msgid))

/* Plain words for a failure of the kiosk's own database, by its status: the store words
 * its errors in English for the journal, and they must not reach the screen or the stick
 * ("kioskens eget lager kunne ikke læses eller skrives (det kan være fuldt)"). */
const char *sync_store_words(const i18n_catalog *cat, vm_status st);

#endif
