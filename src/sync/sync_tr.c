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
