/* buf: a growable string, in the manner of git's strbuf.
 *
 * A vm_buf starts as VM_BUF_INIT (no memory yet) and grows as text is added. The bytes are
 * always NUL-terminated once anything was added, so `data` reads as a C string (it may also
 * hold NUL bytes: `len` is the length). A failed allocation sets `failed` and makes every
 * later addition a no-op, so a writer adds freely and checks once, with buf_ok, before it
 * uses the bytes.
 *
 * Ownership: the buffer owns `data`. buf_free releases it and leaves an empty buffer that can
 * be used again (NULL-safe); buf_detach hands the bytes to the caller, who frees them.
 *
 * Threads: any; one buffer is used by one thread at a time.
 */
#ifndef VM_CORE_BUF_H
#define VM_CORE_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vm_buf {
    char *data; /* NULL until something is added; NUL-terminated after */
    size_t len;
    size_t cap;
    bool failed; /* an allocation failed: the content is incomplete */
} vm_buf;

#define VM_BUF_INIT {NULL, 0, 0, false}

/* Appends `n` bytes (they may hold NULs). */
void buf_add(vm_buf *b, const void *data, size_t n);
/* Appends a C string. */
void buf_adds(vm_buf *b, const char *s);
/* Appends printf-formatted text. */
void buf_printf(vm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when every addition so far fitted in memory. */
bool buf_ok(const vm_buf *b);
/* Empties the buffer but keeps its memory, for the next piece. */
void buf_reset(vm_buf *b);
/* The bytes for the caller to free: "" when nothing was added, NULL when an allocation
 * failed (the buffer's memory is then freed). The buffer is left empty. */
char *buf_detach(vm_buf *b);
/* Frees the bytes; the buffer is empty afterwards (NULL-safe). */
void buf_free(vm_buf *b);

#endif
