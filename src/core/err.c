#include "core/err.h"

#include <stdio.h>
#include <string.h>

vm_status err_setv(vm_err *err, vm_status status, const char *fmt, va_list ap)
{
    if (err) {
        err->status = status;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    }
    return status;
}

vm_status err_set(vm_err *err, vm_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_setv(err, status, fmt, ap);
    va_end(ap);
    return status;
}

void err_prefix(vm_err *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[VM_ERR_MSG_MAX], old[VM_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, old);
}

void err_clear(vm_err *err)
{
    if (err) {
        err->status = VM_OK;
        err->msg[0] = '\0';
    }
}
