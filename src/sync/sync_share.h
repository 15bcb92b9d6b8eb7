/* sync_share: the places the kiosks of one estate share on the staff stick (internal to
 * src/sync; sync.c calls it, docs/stick-format.md section 3 describes the file).
 *
 * Every kiosk writes `vaermed/<kiosk-id>/pladser.csv`: each sign-up of the activities to
 * come that it knows (its own and those it learned from other kiosks), by id, with the
 * activity's id, the helper task, adults and children, whether it is cancelled, when it was
 * made and changed, and the kiosk it was made at. No name, no cancel code, no "would like
 * company": the file is plain, like statistik.csv, and says how many, not who. At a sync a
 * kiosk reads the other kiosks' files and merges them (store_share_merge): places, waiting
 * lists and cancellations are the estate's, not one kiosk's.
 *
 * Only folders are read as kiosks (not a link, not a loose file such as vaermed.key or the
 * staff's own notes, which are passed over without a word). A file that is not such a list
 * (a bad row, too big, a link) is not used at all, said in the log by its kiosk folder; the
 * others are.
 * Threads: the main loop, inside a sync (as sync.h).
 */
#ifndef VM_SYNC_SHARE_H
#define VM_SYNC_SHARE_H

#include "core/err.h"
#include "core/i18n.h"
#include "seal/seal.h"
#include "store/store.h"
#include "sync/sync_buf.h"

#define SYNC_SHARE_CSV "pladser.csv"
#define SYNC_SHARE_MAX_BYTES (8u << 20)
#define SYNC_SHARE_MAX_KIOSKS 64
#define SYNC_SHARE_HEADER                                                                     \
    "Tilmelding-id;Aktivitet-id;Opgave;Voksne;Børn;Afmeldt;Tilmeldt;Opdateret;Kiosk"

/* pladser.csv for the sign-ups of activities that end after `now` - 1 day. */
vm_status sync_share_export(store *s, int64_t now, sync_buf *out, int *rows, vm_err *err);

/* Reads one pladser.csv (`text`, UTF-8). *out is malloc'd (NULL when empty). VM_ERR_INVALID
 * with the line for anything that is not one. */
vm_status sync_share_parse(const char *text, size_t len, store_share_row **out, size_t *n,
                           const i18n_catalog *cat, vm_err *err);

/* Reads every other kiosk's pladser.csv in the `vaermed` folder `vfd` (not the folder
 * `own`) and merges them into the store at `now`. Lines for the log (one per file not
 * used) are appended to `log`. */
vm_status sync_share_import(store *s, int vfd, const char *own, int64_t now,
                            store_share_report *rep, int *kiosks, sync_buf *log,
                            const i18n_catalog *cat, vm_err *err);

/* ---- cancel codes across the estate (docs/security.md, docs/stick-format.md 3.2)
 *
 * `vaermed/<kiosk-id>/koder.vaermed`: for each of this kiosk's live sign-ups to come that
 * has a code, a line "<sign-up id>;<p1$ verifier>" (core/code.h: the name as compared and
 * the code, PBKDF2, no key), sealed (seal.h) to the public keys of the estate's other
 * kiosks as configured (estate_kiosk_key), never to a key found on the stick. A kiosk opens
 * the files sealed to its own key pair (from its secret, code_kiosk_seed) and keys each
 * verifier with its secret before it is stored (store_peer_codes_keep). */
#define SYNC_SHARE_CODES "koder.vaermed"
#define SYNC_SHARE_CODES_MAX_BYTES (4u << 20)

/* The plain text of koder.vaermed (to be sealed by the caller, then wiped): this kiosk's
 * verifiers unmasked with `key`. `rows` gets how many. */
vm_status sync_share_codes_text(store *s, const code_key *key, int64_t now, sync_buf *out,
                                int *rows, vm_err *err);

/* Reads every other kiosk's koder.vaermed in `vfd` (not `own`) sealed to `self`, keys the
 * verifiers with `key` and keeps them for the sign-ups learned from the places. A file
 * sealed to other kiosks only is passed over; a damaged one is said in `log`. `kept` gets
 * how many sign-ups can now be cancelled here with their code. */
vm_status sync_share_codes_import(store *s, int vfd, const char *own, const seal_secret *self,
                                  const code_key *key, int *kept, sync_buf *log,
                                  const i18n_catalog *cat, vm_err *err);

#endif
