#include "core/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for `extra` more bytes and the NUL; false (and `failed`) when it cannot. */
static bool grow(vm_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra < (size_t)-1 - b->len && b->len + extra + 1 <= b->cap)
        return true;
    if (extra >= (size_t)-1 / 2 - b->len) {
        b->failed = true;
        return false;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void buf_add(vm_buf *b, const void *data, size_t n)
{
    if (!grow(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_adds(vm_buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_printf(vm_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        buf_add(b, small, (size_t)n);
        return;
    }
    if (!grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

bool buf_ok(const vm_buf *b)
{
    return !b->failed;
}

void buf_reset(vm_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *buf_detach(vm_buf *b)
{
    char *s = b->failed ? NULL : b->data ? b->data : calloc(1, 1);
    if (b->failed)
        free(b->data);
    *b = (vm_buf)VM_BUF_INIT;
    return s;
}

void buf_free(vm_buf *b)
{
    if (!b)
        return;
    free(b->data);
    *b = (vm_buf)VM_BUF_INIT;
}
