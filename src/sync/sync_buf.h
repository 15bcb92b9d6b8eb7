/* sync_buf: a growable byte buffer for the files the sync writes (internal to src/sync).
 *
 * A failed allocation sets `failed` and makes every later append a no-op, so writers append
 * freely and check once (sync_buf_ok) before using the bytes. The data is always
 * NUL-terminated when not failed. sync_buf_free is NULL-safe and leaves an empty buffer.
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_BUF_H
#define VM_SYNC_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sync_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} sync_buf;

#define SYNC_BUF_INIT {NULL, 0, 0, false}

void sync_buf_add(sync_buf *b, const void *data, size_t n);
void sync_buf_adds(sync_buf *b, const char *s);
void sync_buf_printf(sync_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool sync_buf_ok(const sync_buf *b);
void sync_buf_free(sync_buf *b);

#endif
