/* random: bytes from the kernel (getrandom), for UUIDs, salts and stick keys.
 *
 * Threads: any.
 */
#ifndef VM_PLATFORM_RANDOM_H
#define VM_PLATFORM_RANDOM_H

#include <stdbool.h>
#include <stddef.h>

/* Fills buf; false only if the kernel refuses (then nothing secret may be made). */
bool random_bytes(void *buf, size_t n);

#endif
