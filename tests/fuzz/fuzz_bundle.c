/* libFuzzer: vaermed.db bundle reader (header checks, defensive SQLite, row checks). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "store/bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    activity *acts = NULL;
    size_t n = 0;
    if (store_bundle_read(data, size, &acts, &n, NULL, NULL) == VM_OK)
        free(acts);
    return 0;
}
