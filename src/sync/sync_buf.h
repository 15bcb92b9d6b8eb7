/* sync_buf: the sync's name for core/buf.h's growable string (internal to src/sync).
 *
 * The same type and the same rules as vm_buf (a failed allocation makes later additions
 * no-ops; check once with sync_buf_ok). The sync's files still say sync_buf; new code says
 * vm_buf and buf_*, and the old names go when those files are next reworked.
 *
 * Threads: as core/buf.h: one buffer is used by one thread at a time.
 */
#ifndef VM_SYNC_BUF_H
#define VM_SYNC_BUF_H

#include "core/buf.h"

typedef vm_buf sync_buf;

#define SYNC_BUF_INIT VM_BUF_INIT
#define sync_buf_add buf_add
#define sync_buf_adds buf_adds
#define sync_buf_printf buf_printf
#define sync_buf_ok buf_ok
#define sync_buf_free buf_free

#endif
