/* The vaermed.db reader: store/bundle.h does the SQLite work; this says it in staff words. */
#include <stdlib.h>
#include <string.h>

#include "store/bundle.h"
#include "sync/sync_program.h"
#include "sync/sync_tr.h"

vm_status sync_read_bundle(const char *data, size_t len, const sync_read_opts *opt,
                           sync_program *out, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    activity *acts = NULL;
    size_t n = 0;
    vm_err e;
    err_clear(&e);
    memset(out, 0, sizeof *out);
    vm_status st = store_bundle_read(data, len, &acts, &n, &e);
    switch (st) {
    case VM_OK:
        out->acts = acts;
        out->n = n;
        return VM_OK;
    case VM_ERR_FOREIGN:
        return sync_err(err, st, cat, "vaermed.db is not a Vær med bundle (%s)", e.msg);
    case VM_ERR_TOO_NEW:
        return sync_err(err, st, cat,
                        "vaermed.db was made by a newer Vær med; update this kiosk first (%s)",
                        e.msg);
    case VM_ERR_CORRUPT:
        return sync_err(err, st, cat, "vaermed.db is damaged (%s)", e.msg);
    case VM_ERR_REFUSED:
        return sync_err(err, st, cat, "vaermed.db is refused: %s", e.msg);
    case VM_ERR_NOMEM:
        return sync_err(err, st, cat, "out of memory");
    default:
        return sync_err(err, VM_ERR_INVALID, cat, "vaermed.db cannot be used: %s", e.msg);
    }
}
