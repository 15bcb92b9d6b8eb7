/* sync_contacts: who residents can ask, as the staff write it (internal to src/sync, used by
 * tests): vaermed/kontakter.csv, saved from Excel like program.csv (the same dialect and
 * encodings, sync_csvtok.h). Format in docs/stick-format.md, section 2.5.
 *
 * Columns (the first non-empty line names them; Danish or English, any case): `navn`
 * (required), `rolle`, `telefon`, `tider`, `billede` (a PNG file's name). One contact a row, in the order shown, at most
 * CONTACTS_MAX. A row that cannot be read refuses the whole file with the line, the column
 * as the staff named it and the reason in plain words; the kiosk's contacts then stay as
 * they were. A file with only its header row empties the list (the staff's file is the
 * truth).
 *
 * Threads: the main loop (inside a sync, see sync.h) or the command line; the reader keeps no
 * state between calls.
 */
#ifndef VM_SYNC_CONTACTS_H
#define VM_SYNC_CONTACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/contact.h"
#include "core/err.h"
#include "core/i18n.h"

#include "core/idea.h"

#define SYNC_CONTACTS_FILE "kontakter.csv"
#define SYNC_IDEAS_FILE "ideer.csv"
#define SYNC_CONTACTS_MAX_BYTES (64 * 1024)

/* Reads `data` (len bytes, the file as it is on the stick). On VM_OK *out is a malloc'd
 * array of *n contacts (NULL when none) and *notes (may be NULL) malloc'd "\n"-separated
 * lines for the log (unknown columns, the encoding), or NULL; the caller frees both. On
 * failure nothing is returned and `err` says why. */
vm_status sync_read_contacts(const char *data, size_t len, const i18n_catalog *cat,
                             contact **out, size_t *n, char **notes, vm_err *err);

/* A contact's photo as the file names it (column `billede`: a PNG file beside kontakter.csv
 * in vaermed/); the sync reads it (sync_photo.h). */
typedef struct sync_photo_ref {
    char file[129];  /* "" = none */
    char where[256]; /* "linje 2, kolonne "Billede"", for messages */
} sync_photo_ref;

/* As sync_read_contacts, with each contact's photo file in `photos` (CONTACTS_MAX slots;
 * may be NULL: the column is then ignored). `cut_off` (may be NULL) is set on a refusal
 * because the file looks cut off while it was written (a pulled stick): it ends inside a
 * quoted cell, or its last row stops short (sync_csv_check_cut); sync.c then says so
 * plainly, and `err` says where it stops. */
vm_status sync_read_contacts_photos(const char *data, size_t len, const i18n_catalog *cat,
                                    contact **out, size_t *n, sync_photo_ref photos[CONTACTS_MAX],
                                    char **notes, bool *cut_off, vm_err *err);

/* vaermed/ideer.csv ("Hvad savner du?"), read the same way: columns `idé` (required: the
 * idea, at most 95 bytes, each once) and `pictogram` (a category word as in program.csv:
 * "motion", "musik", "have"; unknown or empty: the plain one, said in the notes); at most
 * IDEAS_MAX rows; only the header row: no ideas. `cut_off` (may be NULL) as for the
 * contacts. */
vm_status sync_read_ideas(const char *data, size_t len, const i18n_catalog *cat, idea **out,
                          size_t *n, char **notes, bool *cut_off, vm_err *err);

#endif
