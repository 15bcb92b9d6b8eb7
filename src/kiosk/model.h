/* model: what the screens show, loaded from the store. The only bridge between the store
 * (SQLite) and the ui (pure): activities from a little before `now` to some weeks ahead, their
 * public counts and their QR codes.
 *
 * QR codes are planned at load (the payload and its kind, which is text work) and encoded
 * only when a screen shows one (kiosk_model_need_qr, the ui's model.need_qr), so a program of
 * 2,000 activities costs no encoding before the first frame; a reload after a sign-up keeps
 * the codes whose payload did not change.
 *
 * Memory: an entry holds its activity as a ui_activity whose texts live in the model's arena,
 * so 300 activities cost the length of their words and some 300 bytes each, not 300 whole
 * `activity` structs (3.5 KB each, most of it empty fields); kiosk_model_bytes counts it.
 *
 * The store hands the window over one activity at a time, reading it in batches of 32 with
 * grouped queries (store_activities_first_each), so a load never holds it as 300 whole
 * structs either.
 *
 * Ownership: a kiosk_model owns its entries, their texts and QR grids; kiosk_model_load
 * replaces them all (the previous texts are freed once the new ones are in).
 * kiosk_model_free is NULL-safe on a zeroed model.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_MODEL_H
#define VM_KIOSK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"
#include "ui/ui.h"

/* How far ahead the kiosk looks, and how many activities it holds at most: the first ones
 * from now. A program of 2,000 or 20,000 activities costs the kiosk what 300 cost (start-up,
 * memory, a reload after each sign-up), and 300 are more than ten busy weeks of an estate:
 * the week at a glance and the detailed list reach as far as they go. */
#define MODEL_WEEKS_AHEAD 10
#define MODEL_MAX_ENTRIES 300
/* SQLite's page cache of the kiosk's connection, in KiB (SQLite's default is 2 MiB). Reading
 * the window above at 2,000 stored activities touches ~200 KB of pages: with 256 a load takes
 * 2.5 ms, with 128 3.8 ms, with 64 10 ms (bench_ops model, 6 December), and every page kept
 * stays in the kiosk's memory for its whole life. */
#define MODEL_PAGE_CACHE_KIB 256

typedef struct model_qr {
    const char *uid;  /* its entry's uid (in the model's arena) */
    char *payload;    /* malloc'd */
    uint8_t *modules; /* malloc'd size*size */
    int size;
    ui_qr_kind kind;
    bool encode_failed; /* tried once: too long for a readable code */
} model_qr;

typedef struct kiosk_model {
    ui_entry *entries;
    size_t n_entries;
    ui_arena text; /* the entries' texts and helper tasks (ui_activity.h) */
    model_qr *qrs; /* parallel to entries */
    ui_model ui;   /* points into the above; langs/estate filled by the caller */
    unsigned long generation; /* counts the loads: ui.generation */
    bool more;     /* the window held more than MODEL_MAX_ENTRIES: the rest is left out */
    ui_contact *contacts; /* who residents can ask, with their tel: codes (encoded at load:
                             a few small codes) */
    size_t n_contacts;
    idea *ideas;          /* "Hvad savner du?" */
    size_t n_ideas;
} kiosk_model;

/* Loads activities ending after now-12h and starting before now+MODEL_WEEKS_AHEAD weeks, the
 * first MODEL_MAX_ENTRIES of them by start, and the contacts (a contact whose number makes no
 * code is shown without one). */
vm_status kiosk_model_load(kiosk_model *m, store *s, int64_t now, const char *url_template,
                           vm_err *err);
void kiosk_model_free(kiosk_model *m);

/* The bytes the model holds for its activities: the entries, the code plans, the arena of
 * texts, the codes' payloads and the codes made so far (not the contacts or the ideas). */
size_t kiosk_model_bytes(const kiosk_model *m);

/* "tel:<digits>" for a phone number as people write it ("+45 21 43 65 87" -> "tel:+4521436587");
 * false when it has no digit or does not fit. */
bool kiosk_model_tel_payload(const char *phone, char *out, size_t size);

/* The ui's model.need_qr: encodes `entry`'s planned code (ctx is the kiosk_model). */
void kiosk_model_need_qr(void *ctx, const ui_entry *entry);

#endif
