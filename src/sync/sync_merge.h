/* sync_merge: one sign-up list from the exports of several kiosks (`vaermed merge`).
 *
 * Each kiosk writes its own `vaermed/<kiosk-id>/tilmeldinger.csv.vaermed` (sealed for the
 * staff; older kiosks wrote a plain tilmeldinger.csv, still read); staff with several
 * kiosks, or several sticks, merge them on a laptop. A sign-up is one row however often it
 * appears (its "Tilmelding-id" is a UUID made where the sign-up was made); when copies
 * differ, the one with the latest "Opdateret" wins, and on a tie a cancellation wins (it
 * can only come after the sign-up). Files re-saved by Excel (Windows-1252, ';' or ',')
 * are read too. The result has the same columns as tilmeldinger.csv, sorted by activity
 * time and sign-up time, written atomically. Beside it, the report counts visits and people
 * per kiosk and for the estate (sync_merge_totals); `vaermed merge` prints them.
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_MERGE_H
#define VM_SYNC_MERGE_H

#include <stddef.h>

#include "core/err.h"
#include "core/i18n.h"
#include "seal/seal.h"

#define SYNC_MERGE_MAX_KIOSKS 32

/* Totals for the association's reports, of the sign-ups that were not cancelled: visits
 * (sign-ups, and the heads they bring) and people (different names; the same first name
 * twice counts once, so this is a floor, and old sign-ups whose names were erased count
 * as visits only). */
typedef struct sync_merge_totals {
    char kiosk_id[64];   /* "" for the whole estate */
    char kiosk_name[64]; /* from the kiosk's own list ("Kiosknavn"); "" when not known */
    int signups;         /* visits: sign-ups (participants and helpers) */
    int heads;           /* adults + children of the participants, and the helpers */
    int people;          /* different names */
} sync_merge_totals;

typedef struct sync_merge_report {
    int files;      /* tilmeldinger.csv files read */
    int rows;       /* sign-up rows read in all */
    int signups;    /* rows written: distinct sign-ups */
    int duplicates; /* rows that were a copy of a sign-up already counted */
    int n_kiosks;   /* per kiosk where the sign-up was made, by id (at most
                       SYNC_MERGE_MAX_KIOSKS; more are counted in the estate only) */
    sync_merge_totals kiosk[SYNC_MERGE_MAX_KIOSKS];
    sync_merge_totals estate;
} sync_merge_report;

/* `inputs` may each be a sign-up list (plain or sealed), a kiosk folder holding one, a
 * `vaermed` folder (its kiosk folders), or a stick's folder (every kiosk folder in its
 * vaermed/). Sealed lists are opened with the staff's `key` (NULL: a sealed list is
 * VM_ERR_REFUSED, saying that the key is needed). Links are not followed inside folders.
 * VM_ERR_NOT_FOUND when an input holds no list, VM_ERR_INVALID with file and line for a
 * file that is not a sign-up list, VM_ERR_IO when the output cannot be written (the old
 * output file is then untouched). The output is plain: it is for the office computer. */
vm_status sync_merge(const char *const *inputs, size_t n, const char *out_path,
                     const seal_secret *key, const i18n_catalog *cat,
                     sync_merge_report *report, vm_err *err);

#endif
