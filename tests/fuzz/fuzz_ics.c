/* libFuzzer: program.ics reader (libical parsing, recurrence expansion, time zones). */
#include <stddef.h>
#include <stdint.h>

#include "sync/sync_program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sync_read_opts o = {.now = 1791108000 /* 2026-10-12 */, .weeks = 8};
    sync_program p;
    if (sync_read_ics((const char *)data, size, &o, &p, NULL) == 0)
        sync_program_free(&p);
    return 0;
}
