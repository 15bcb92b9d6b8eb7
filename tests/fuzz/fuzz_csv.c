/* libFuzzer: program.csv reader (tokenizer, decoding, every column parser). */
#include <stddef.h>
#include <stdint.h>

#include "sync/sync_program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sync_read_opts o = {.now = 1795435200 /* 2026-11-23 */, .weeks = 8};
    sync_program p;
    if (sync_read_csv((const char *)data, size, &o, &p, NULL) == 0)
        sync_program_free(&p);
    return 0;
}
