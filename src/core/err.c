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
    char old[VM_ERR_MSG_MAX];
    memcpy(old, err->msg, sizeof old);
    old[sizeof old - 1] = '\0';
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    /* then ": " and the old message, as much as fits */
    size_t used = n < 0 ? 0 : (size_t)n < sizeof err->msg ? (size_t)n : sizeof err->msg - 1;
    const char *parts[2] = {": ", old};
    for (int i = 0; i < 2; i++) {
        size_t len = strlen(parts[i]), room = sizeof err->msg - 1 - used;
        if (len > room)
            len = room;
        memcpy(err->msg + used, parts[i], len);
        used += len;
    }
    err->msg[used] = '\0';
}

void err_clear(vm_err *err)
{
    if (err) {
        err->status = VM_OK;
        err->msg[0] = '\0';
    }
}
