#include "sync/sync_tr.h"

#include <stdarg.h>

vm_status sync_err(vm_err *err, vm_status st, const i18n_catalog *cat, const char *msgid, ...)
{
    va_list ap;
    va_start(ap, msgid);
    err_setv(err, st, i18n_text(cat, msgid), ap);
    va_end(ap);
    return st;
}

const char *sync_store_words(const i18n_catalog *cat, vm_status st)
{
    switch (st) {
    case VM_ERR_IO:
        return SYNC_T(cat, "the kiosk's own storage could not be read or written (it may be "
                           "full)");
    case VM_ERR_CORRUPT:
        return SYNC_T(cat, "the kiosk's database is damaged");
    case VM_ERR_NOMEM:
        return SYNC_T(cat, "out of memory");
    case VM_ERR_INVALID:
        return SYNC_T(cat, "a value the kiosk cannot keep");
    default:
        return SYNC_T(cat, "an error inside the kiosk");
    }
}
