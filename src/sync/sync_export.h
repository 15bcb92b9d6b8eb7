/* sync_export: the files a sync leaves on the stick, built in memory (internal to
 * src/sync; sync.c writes them with sync_fs_write_atomic).
 *
 * The CSV files are for Danish Excel: UTF-8 with a BOM, ';' between cells, CRLF line ends,
 * Danish headers, and every cell that starts with = + - @ made harmless (sync_csv_put).
 * Their columns are documented in docs/stick-format.md and read back by sync_merge.
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_EXPORT_H
#define VM_SYNC_EXPORT_H

#include <stdint.h>

#include "core/err.h"
#include "core/i18n.h"
#include "store/store.h"
#include "sync/sync_buf.h"

/* The header row of tilmeldinger.csv (also what merge writes). */
#define SYNC_SIGNUPS_HEADER                                                                 \
    "Tilmelding-id;Aktivitet-id;Aktivitet;Dato;Tid;Opgave;Navn;Voksne;Børn;Følgeskab;"      \
    "Status;Venteplads;Tilmeldt;Opdateret;Kiosk;Kiosknavn"
#define SYNC_SIGNUPS_COLUMNS 16

/* The Danish word of a sign-up status in the export ("tilmeldt", "venteliste", "afmeldt")
 * and back. */
const char *sync_status_word(signup_status st);
bool sync_status_from_word(const char *w, signup_status *out);

/* The kiosk's whole program (cancelled activities too) with its counts, read once for the
 * exports that need it (the sign-ups and the statistics). */
typedef struct sync_export_program {
    activity *acts;
    activity_counts *counts;
    size_t n;
} sync_export_program;
vm_status sync_export_program_read(store *s, sync_export_program *p, vm_err *err);
void sync_export_program_free(sync_export_program *p);

/* All sign-ups, cancelled ones included, oldest activity first. `rows` gets the count.
 * `kiosk_id` and `kiosk_name` (either may be NULL) name this kiosk: its own sign-ups carry
 * the name in "Kiosknavn"; those it counts for another kiosk carry that kiosk's id only. */
vm_status sync_export_signups(store *s, sync_buf *out, int *rows, const char *kiosk_id,
                              const char *kiosk_name, const i18n_catalog *cat, vm_err *err);
/* The same from a program already read (`p`, as sync_export_program_read gives it). */
vm_status sync_export_signups_of(store *s, const sync_export_program *p, sync_buf *out,
                                 int *rows, const char *kiosk_id, const char *kiosk_name,
                                 const i18n_catalog *cat, vm_err *err);

/* The header row of sig-til.csv ("Sig til, når der sker noget": who wants to hear when). */
#define SYNC_INTERESTS_HEADER                                                               \
    "Id;Kategori;Om;Aktivitet-id;Navn;Telefon;Lejlighed;Efterladt;Kiosk"

/* Every wish to hear when something is on, newest first. `rows` gets the count. Names and
 * numbers: sealed before they leave (sync.c). */
vm_status sync_export_interests(store *s, sync_buf *out, int *rows, const i18n_catalog *cat,
                                vm_err *err);

/* The columns statistik.csv ends with: who came ("Hvem kom?"). */
#define SYNC_STATS_CAME_HEADER                                                              \
    "Kom (tilmeldte);Første besøg i måneden;Uden tilmelding børn;Uden tilmelding voksne;"   \
    "Uden tilmelding 65+;Besøg i alt"

/* statistik-maaned.csv: one row per month with activities (not cancelled), no names. */
#define SYNC_STATS_MONTH_HEADER                                                             \
    "Måned;Aktiviteter;Tilmeldte;Kom (tilmeldte);Unikke personer (tilmeldte, der kom);"     \
    "Uden tilmelding børn;Uden tilmelding voksne;Uden tilmelding 65+;Besøg i alt"
vm_status sync_export_stats_month(store *s, sync_buf *out, int *rows, const i18n_catalog *cat,
                                  vm_err *err);

/* ideer-stemmer.csv: each idea with its votes (days with a vote), no names. */
#define SYNC_VOTES_HEADER "Idé;Pictogram;Vises nu;Stemmer (dage med en stemme);Sidste stemme"
vm_status sync_export_votes(store *s, sync_buf *out, const i18n_catalog *cat, vm_err *err);
/* onsker.csv: the residents' short wishes, oldest first (sealed before it leaves). */
#define SYNC_WISHES_HEADER "Ønske;Skrevet"
vm_status sync_export_wishes(store *s, sync_buf *out, const i18n_catalog *cat, vm_err *err);

/* One row per activity with its counts and no names. */
vm_status sync_export_stats(store *s, sync_buf *out, int *rows, const i18n_catalog *cat,
                            vm_err *err);

/* Both statistics files (sync_export_stats into `stats`, sync_export_stats_month into
 * `month`) from one reading of the attendance. Either buffer may be NULL (with its count):
 * that file is not made; the two single-file functions above are this with one NULL. */
vm_status sync_export_stats_both(store *s, sync_buf *stats, int *rows, sync_buf *month,
                                 int *months, const i18n_catalog *cat, vm_err *err);
/* The same from a program already read (`p`; NULL: read here when `stats` needs it). */
vm_status sync_export_stats_both_of(store *s, const sync_export_program *p, sync_buf *stats,
                                    int *rows, sync_buf *month, int *months,
                                    const i18n_catalog *cat, vm_err *err);

/* The program template with three example rows dated in the weeks after `now`. */
void sync_export_template(sync_buf *out, int64_t now);

/* The export's numbers and times, written by hand (sync formats ~70,000 of them for 10,000
 * sign-ups) and byte for byte what printf writes: `sync_fmt_long` is "%ld" (returns the
 * length); `sync_fmt_local` is the Copenhagen date "%02d-%02d-%04d" (day-month-year) and
 * clock "%02d:%02d" of a UTC time, converted once for both. */
size_t sync_fmt_long(long v, char out[24]);
void sync_fmt_local(int64_t t, char date[16], char clock[8]);

/* Appends a CSV row end (CRLF) and starts files with the UTF-8 BOM. */
void sync_export_bom(sync_buf *out);
void sync_export_eol(sync_buf *out);

#endif
