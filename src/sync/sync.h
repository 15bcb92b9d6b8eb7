/* sync: the USB stick, the kiosk's only link to the staff.
 *
 * A staff stick carries a folder `vaermed/` with a key file (`vaermed.key`, made by
 * sync_stick_init / `vaermed stick init DIR`). The kiosk keeps only the SHA-256 of the keys
 * it accepts (store_stick_key_add, with a label and an expiry, or `stick_key = <sha256>`
 * lines in the config). A stick without an accepted key (unknown, withdrawn or expired) is
 * refused before anything else on it is read, and nothing is written to it. The key only
 * lets a stick bring a program in and take away what is sealed for the staff: a copy of the
 * key file carries no names away (docs/security.md).
 *
 * A sync (sync_run; `vaermed sync DIR` runs the same function) then:
 *   1. reads the staff's program from `vaermed/`: `vaermed.db` (a Vær med bundle) if it is
 *      there, else `program.csv`, else `program.ics` (the others are named in the log as
 *      not used); format in docs/stick-format.md. A file that cannot be read refuses the
 *      import with the line and reason, and the kiosk's database does not change;
 *   2. imports it with store_import_program (one transaction, all or nothing);
 *   3. exports to `vaermed/<kiosk-id>/`: tilmeldinger.csv.vaermed (sign-ups for Excel) and
 *      vaermed-<kiosk-id>.db.vaermed (a snapshot), both sealed to the staff's public keys
 *      (src/seal; the store's staff_keys and opt->config_staff_keys) and written only when
 *      the kiosk knows one; any unsealed copy an older version left there is removed.
 *      Plain: statistik.csv (counts per activity, no names),
 *      ugeprogram.pdf (the week's program, made by opt->program_pdf: the app's, with the
 *      print module; none without it, said in the log; at most
 *      SYNC_PDF_MAX_ACTIVITIES, and made again only when what it shows changed, see
 *      SYNC_PROGRAM_PDF_INPUTS), program-skabelon.csv
 *      (the CSV template) and log.txt (what the syncs did). Every file is written to a
 *      temporary name, fsync'd, renamed and the folder fsync'd: a stick pulled at any moment
 *      holds the old file or the new one. The export runs after a refused import too, so
 *      the staff always take the sign-ups home;
 *   2b. reads `vaermed/kontakter.csv` when there is one (sync_contacts.h) and makes the
 *      kiosk's contacts ("Hvem kan jeg spørge?") exactly what it says; a file that cannot
 *      be read leaves them as they were (said in the log and the summary), whatever became
 *      of the program;
 *      Beside them, plain, pladser.csv: the places this kiosk counts, with no names
 *      (sync_share.h), which the other kiosks of the estate read at their syncs;
 *   2c. before the export (when the program was not refused), reads the other kiosks'
 *      pladser.csv and merges them (store_share_merge), so that the kiosks of one estate
 *      count the same places, waiting lists and cancellations;
 *   4. on success keeps the facts last_sync, last_sync_summary and clock_floor.
 *
 * Clock: the stick tells the staff's time (the key file's `created` line and an optional
 * `vaermed/time.txt`); the newest is result.stick_time, and the kiosk's clock floor (fact
 * `clock_floor`, sync_clock_floor) rises to it, so a kiosk whose clock is behind never
 * shows as upcoming what has passed. The import uses max(now, floor) as its "now". A floor
 * stays until it is reset (sync_clock_reset), so a stick may raise it only to a plausible
 * time: at most SYNC_CLOCK_MAX_YEARS after this Vær med was built (opt->build_time), and at
 * most SYNC_CLOCK_MARGIN_DAYS after the last activity of the program (the stick's, else the
 * kiosk's). A time past either is not used: result.clock_note says why, in the summary and
 * the log, and the sync goes on with the kiosk's own clock (a typo in time.txt, 2062 for
 * 2026, must not empty the program and have every name erased). A floor kept before that
 * bound existed, past it, is not used either (sync_clock_floor_usable; said the same way),
 * and a plausible time from the stick replaces it.
 *
 * Empty program: a program file that gives no upcoming activity would cancel every
 * activity on the kiosk, so it is refused ("Programmet på USB-nøglen er tomt"), unless the
 * stick also holds `vaermed/program-tomt.txt` (SYNC_EMPTY_MARKER): then the program is empty
 * on purpose and is imported (with no program file at all, too).
 *
 * Nothing here reads the clock, the environment or randomness: `now` and random bytes are
 * passed in. Messages are in the language of opt->cat (po/, section "sync").
 *
 * Detection of sticks is in sync_watch.h, the merge of several kiosks' exports in
 * sync_merge.h, the readers in sync_program.h.
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_SYNC_H
#define VM_SYNC_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/activity.h"
#include "core/code.h"
#include "core/err.h"
#include "core/i18n.h"
#include "store/store.h"
#include "sync/sync_fs.h"
#include "sync/sync_program.h"

#define SYNC_FOLDER "vaermed"
#define SYNC_KEY_FILE "vaermed.key"
#define SYNC_TIME_FILE "time.txt"
#define SYNC_EMPTY_MARKER "program-tomt.txt"
#define SYNC_CLOCK_MAX_YEARS 10        /* after the build */
#define SYNC_CLOCK_MARGIN_DAYS 62      /* after the program's last activity */
#define SYNC_KEY_RANDOM_BYTES 32

/* Export file names inside vaermed/<kiosk-id>/ (the snapshot is vaermed-<kiosk-id>.db). */
#define SYNC_SIGNUPS_CSV "tilmeldinger.csv"
#define SYNC_INTERESTS_CSV "sig-til.csv" /* "Sig til, når der sker noget": sealed like it */
#define SYNC_STATS_CSV "statistik.csv"
#define SYNC_STATS_MONTH_CSV "statistik-maaned.csv" /* per month: signed up, came, walk-ins */
#define SYNC_VOTES_CSV "ideer-stemmer.csv"  /* "Hvad savner du?": the votes, no names */
#define SYNC_WISHES_CSV "onsker.csv"        /* ... the short wishes: sealed */
#define SYNC_TEMPLATE_CSV "program-skabelon.csv"
#define SYNC_PROGRAM_PDF "ugeprogram.pdf"
/* Beside the PDF: a fingerprint of what it was made from, so that a sync whose program did
 * not change keeps the PDF instead of making it again (most of a sync's time). */
#define SYNC_PROGRAM_PDF_INPUTS ".ugeprogram.pdf.inputs"
/* The most activities the week's PDF shows (the first of the week; the last page says how
 * many more there are): paper for a stairwell, bounded in work and size however big the
 * program is. */
#define SYNC_PDF_MAX_ACTIVITIES 60
#define SYNC_LOG "log.txt"

typedef enum sync_phase {
    SYNC_PHASE_CHECK = 0, /* is this a staff stick? */
    SYNC_PHASE_READ,      /* reading the program file */
    SYNC_PHASE_IMPORT,    /* storing the program */
    SYNC_PHASE_EXPORT,    /* writing sign-ups and the rest to the stick */
    SYNC_PHASE_DONE
} sync_phase;

/* Short words for a sync screen: "Tjekker USB-nøglen", "Læser programmet", ... */
const char *sync_phase_text(const i18n_catalog *cat, sync_phase phase);

/* A reader of sync_program.h (sync_read_ics is given this way: it lives in a module). */
typedef vm_status (*sync_reader_fn)(const char *data, size_t len, const sync_read_opts *opt,
                                    sync_program *out, vm_err *err);

/* Called as the sync goes: `fraction` runs from 0 to 1 over the whole sync (never back). */
typedef void (*sync_progress_fn)(void *user, sync_phase phase, double fraction);

/* Writes the week's program for `activities` (the week of `now`) as a PDF to `path`
 * (which the callee writes atomically); `not_shown` more activities of the week were left
 * out (the PDF says so). Given by the app, which loads the print module for it; `user` is
 * opt->pdf_user. */
typedef vm_status (*sync_pdf_fn)(void *user, const activity *acts, size_t n, size_t not_shown,
                                 int64_t now, const char *path, vm_err *err);

typedef struct sync_options {
    const i18n_catalog *cat;        /* language of messages, log and summary; NULL = English */
    const char (*config_keys)[65];  /* accepted key hashes from the config (stick_key =) */
    size_t n_config_keys;
    const char (*config_staff_keys)[45]; /* staff public keys from the config (staff_key =),
                                            beside those in the store */
    size_t n_config_staff_keys;
    const char *kiosk_name;         /* shown in the log; may be NULL */
    const uint8_t *random16;        /* 16 random bytes for a kiosk id if the kiosk has none
                                       yet (fact kiosk_id); NULL = "kiosk" */
    int ics_weeks;                  /* recurrences expanded this far ahead; 0 = 8 */
    sync_progress_fn progress;      /* may be NULL */
    void *progress_user;
    sync_pdf_fn program_pdf;        /* NULL: no PDF (said in the log) */
    void *pdf_user;
    sync_reader_fn read_ics;        /* reads program.ics (sync_read_ics, in the calendar
                                       module); NULL: a program.ics is refused, plainly */
    const char *estate_name;        /* for the PDF writer; may be NULL */
    const char *url_template;       /* for the PDF writer's QR codes; may be NULL */
    const sync_io *io;              /* NULL = write(2); tests inject failures */
    int64_t (*clock_ms)(void);      /* a monotonic clock (ms) for the bound on the time a
                                       program file may take to read (SYNC_READ_MAX_MS);
                                       NULL = the work bounds only */
    int64_t build_time;             /* when this Vær med was built (UTC); 0 = unknown */
    const code_key *code_key;       /* the kiosk's secret (app/secret.h): cancel codes
                                       across the estate's kiosks (koder.vaermed); NULL =
                                       none are passed on or taken */
    const char (*config_peer_keys)[45]; /* the estate's other kiosks' public keys
                                           (estate_kiosk_key =), the only ones codes are
                                           sealed to */
    size_t n_config_peer_keys;
} sync_options;

typedef enum sync_outcome {
    SYNC_OUTCOME_DONE = 0,        /* program (if any) imported, everything exported */
    SYNC_OUTCOME_NOT_STAFF_STICK, /* no accepted key (unknown, withdrawn or expired): nothing
                                     read or written */
    SYNC_OUTCOME_PROGRAM_REFUSED, /* the program file was refused; kiosk data unchanged;
                                     sign-ups still exported (export_ok says if that worked) */
    SYNC_OUTCOME_EXPORT_FAILED,   /* writing to the stick failed (full, read-only, pulled) */
    SYNC_OUTCOME_FAILED           /* the kiosk's own database failed; nothing changed */
} sync_outcome;

typedef struct sync_result {
    sync_outcome outcome;
    char source[32];              /* the program file used: "program.csv"; "" = none */
    bool imported;                /* the program was stored */
    store_import_report import;
    bool export_ok;               /* every export file was written */
    int signups_exported;         /* rows in tilmeldinger.csv (sealed) */
    int interests_exported;       /* rows in sig-til.csv (sealed) */
    int staff_keys;               /* the staff keys the names were sealed to; 0: no names
                                     left the kiosk (it knows no staff key) */
    int activities_exported;      /* rows in statistik.csv */
    bool pdf_written;
    bool pdf_unchanged;           /* the PDF on the stick was made from the same program: kept */
    store_stick_state stick_state; /* NOT_STAFF_STICK: unknown, or withdrawn / run out */
    int64_t stick_time;           /* the newest time the stick tells; 0 = none */
    int64_t clock_floor;          /* the kiosk's clock floor after this sync; 0 = none */
    char clock_note[VM_ERR_MSG_MAX]; /* why the stick's time was not used; "" otherwise */
    bool program_empty;           /* refused because it gives no activity to come */
    bool program_cut_off;         /* refused because the file ends mid-way (a pulled stick) */
    char kiosk_id[KIOSK_ID_MAX];
    int share_kiosks;             /* other kiosks whose places (pladser.csv) were read */
    store_share_report shared;    /* what their places changed here (sync_share.h) */
    int codes_sent;               /* own sign-ups whose cancel codes were sealed to the
                                     estate's other kiosks (koder.vaermed) */
    int codes_kept;               /* other kiosks' sign-ups that can now be cancelled here
                                     with their code */
    char reason[VM_ERR_MSG_MAX];  /* why it was not done, in plain words; "" when done */
    char detail[VM_ERR_MSG_MAX];  /* for the journal only: the technical reason (English)
                                     when the kiosk's own database or a library failed */
    char export_reason[VM_ERR_MSG_MAX]; /* why the export failed; "" when it did not */
    int contacts;                 /* kontakter.csv: the contacts read and stored; -1 = the
                                     stick had none, or it was not read */
    bool contacts_changed;        /* ... and they differ from what the kiosk showed */
    char contacts_note[VM_ERR_MSG_MAX + 100]; /* why kontakter.csv was not read; "" otherwise */
    int ideas;                    /* ideer.csv: the ideas read and stored; -1 = none, or not read */
    bool ideas_changed;
    char ideas_note[VM_ERR_MSG_MAX + 100]; /* why ideer.csv was not read; "" otherwise */
} sync_result;

/* Runs a whole sync with the stick mounted at `stick_dir` (the folder holding `vaermed/`).
 * Returns VM_OK only for SYNC_OUTCOME_DONE; otherwise the status of what stopped it
 * (VM_ERR_REFUSED for a stranger's stick, VM_ERR_INVALID/FOREIGN/CORRUPT/... for a refused
 * program, VM_ERR_IO for a failed export) with `err` holding res->reason. `res` is always
 * filled. */
vm_status sync_run(store *s, const char *stick_dir, int64_t now, const sync_options *opt,
                   sync_result *res, vm_err *err);

/* The summary in plain words for the screen, stderr and the log, e.g. "12 nye aktiviteter,
 * 3 ændret, 1 aflyst. 57 tilmeldinger gemt på USB-nøglen. Du kan nu tage den ud." or the
 * refusal ("Denne USB-nøgle er ikke en Vær med-nøgle. ..."). */
void sync_summary_text(const sync_result *res, const i18n_catalog *cat, char *out,
                       size_t size);

/* The kiosk's folder name inside `vaermed/` for its id: letters, digits, '-' and '_' kept,
 * anything else '-'; "kiosk" when nothing is left. */
void sync_kiosk_folder(const char *kiosk_id, char *out, size_t size);

/* Writes one more file of the kiosk's own (helbred.txt, a picture of its screen) into its
 * folder `vaermed/<kiosk-id>/` on the stick at `stick_dir`, atomically as the export's
 * files. The stick is checked first as sync_run checks it at `now`: a stranger's,
 * withdrawn or run-out stick gets VM_ERR_REFUSED and nothing. `name` is one plain file name
 * (VM_ERR_INVALID otherwise). */
vm_status sync_write_kiosk_file(store *s, const char *stick_dir, const sync_options *opt,
                                int64_t now, const char *kiosk_id, const char *name,
                                const void *data, size_t len, vm_err *err);

/* Writes one CSV cell to `out` the way the stick's exports do: quoted when it holds `sep`,
 * a quote or a line break, and with a leading apostrophe when it starts with = + - @ TAB or
 * CR, so a spreadsheet shows it as text and never runs it as a formula (`vaermed signups`). */
void sync_csv_write_cell(FILE *out, const char *cell, char sep);

/* ---- authorising a stick */

#define SYNC_STAFF_PUB_FILE "personale.pub"

typedef struct sync_init_result {
    char hash[65];            /* the key's SHA-256 (for a `stick_key =` config line) */
    bool new_key;             /* a key file was written: the stick had none, or its key was
                                 withdrawn or had expired here (a copy of the old one stays
                                 refused) */
    bool staff_key_found;     /* the stick carries vaermed/personale.pub */
    bool staff_key_added;     /* ... and it was new to this kiosk */
    char staff_fingerprint[24]; /* its fingerprint, to compare with the office PC's */
    char staff_problem[VM_ERR_MSG_MAX]; /* why personale.pub could not be used; "" if it could */
} sync_init_result;

/* Makes `stick_dir` a staff stick for this kiosk: writes `vaermed/vaermed.key` (the 32
 * random bytes as hex and `now`, atomically) unless the stick already has a valid key this
 * kiosk does not refuse, which is then kept (one stick can serve several kiosks); remembers
 * the key's SHA-256 with `label` (may be NULL) and `expires` (UTC seconds, 0 = never).
 * A staff public key on the stick (`vaermed/personale.pub`) is added to the kiosk's staff
 * keys: this is the moment a person who may (behind the PIN, or at the kiosk's command line)
 * says which staff the names are sealed for. `res` (may be NULL) says what happened.
 * VM_ERR_INVALID when an existing key file is damaged (it is left alone); VM_ERR_IO when
 * the stick cannot be written. */
vm_status sync_stick_init(store *s, const char *stick_dir, const uint8_t random[32],
                          int64_t now, const char *label, int64_t expires,
                          const i18n_catalog *cat, sync_init_result *res, vm_err *err);

/* As sync_stick_init, writing the key file through `io` (sync_fs.h; NULL = the system
 * calls): tests make the stick full or write-protected with it, also as root. */
vm_status sync_stick_init_io(store *s, const char *stick_dir, const uint8_t random[32],
                             int64_t now, const char *label, int64_t expires,
                             const sync_io *io, const i18n_catalog *cat,
                             sync_init_result *res, vm_err *err);

/* Whether `stick_dir` carries a key this kiosk accepts at `now` (store or
 * opt->config_keys); reads only `vaermed/vaermed.key`. VM_OK with *key_time (may be NULL) =
 * the key's `created` time (0 if unknown); VM_ERR_REFUSED with the reason otherwise (not a
 * staff stick, withdrawn on <day>, ran out on <day>). */
vm_status sync_stick_check(store *s, const char *stick_dir, const sync_options *opt,
                           int64_t now, int64_t *key_time, vm_err *err);

/* The SHA-256 of the key file on the stick at `stick_dir` (to say which listed stick is in),
 * "" when it has none that can be read. Reads only `vaermed/vaermed.key`. */
void sync_stick_hash(const char *stick_dir, char out[65]);

/* ---- clock */

/* The kiosk's clock floor (fact clock_floor), 0 when none. */
int64_t sync_clock_floor(store *s);

/* Whether a clock floor may be used: not more than SYNC_CLOCK_MAX_YEARS after `build_time`
 * (0: unknown, any floor). A sync never keeps one past that, so such a floor was kept
 * before sticks were bounded (a typo in time.txt): it is not used, and sync_run says so. */
bool sync_clock_floor_usable(int64_t floor, int64_t build_time);

/* The time the kiosk should use: `now`, or the clock floor when the clock is behind it. */
int64_t sync_effective_now(store *s, int64_t now);

/* Forgets the clock floor (a wrong one from a stick): the admin screen's button and
 * `vaermed clock reset`. *was (may be NULL) gets the floor it had (0 = none). */
vm_status sync_clock_reset(store *s, int64_t *was, vm_err *err);

#endif
