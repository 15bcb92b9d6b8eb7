/* model: what the screens show, loaded from the store. The only bridge between the store
 * (SQLite) and the ui (pure): activities from a little before `now` to some weeks ahead, their
 * public counts and their QR codes.
 *
 * Ownership: a kiosk_model owns its entries and QR grids; kiosk_model_load replaces them
 * (reusing a QR when an activity's payload did not change, so a reload after a sign-up
 * costs no encoding). kiosk_model_free is NULL-safe on a zeroed model.
 */
#ifndef VM_APP_MODEL_H
#define VM_APP_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"
#include "ui/ui.h"

/* How far ahead the kiosk looks. */
#define MODEL_WEEKS_AHEAD 10

typedef struct model_qr {
    char uid[ACT_UID_MAX];
    char *payload;    /* malloc'd */
    uint8_t *modules; /* malloc'd size*size */
    int size;
    ui_qr_kind kind;
} model_qr;

typedef struct kiosk_model {
    ui_entry *entries;
    size_t n_entries;
    model_qr *qrs; /* parallel to entries */
    ui_model ui;   /* points into the above; langs/estate filled by the caller */
} kiosk_model;

/* Loads activities ending after now-12h and starting before now+MODEL_WEEKS_AHEAD weeks. */
vm_status kiosk_model_load(kiosk_model *m, store *s, int64_t now, const char *url_template,
                           vm_err *err);
void kiosk_model_free(kiosk_model *m);

#endif
