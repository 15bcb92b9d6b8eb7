#include "platform/batch_memory.h"

#include <stdlib.h> /* first: it says whether this is glibc */

#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

enum {
    MIB = 1024 * 1024,
    HUGE_PAGE = 2 * MIB,      /* x86-64, and arm64 with 4 KiB pages (the Pi's kernels) */
    HEAP_RESERVE = 64 * MIB,  /* address space only: a page costs nothing until touched */
};

/* Never touched and never freed: it only keeps the heap's next block on a 2 MiB boundary. */
static void *heap_alignment_filler;

static uintptr_t align_up(uintptr_t x, uintptr_t to)
{
    return (x + to - 1) & ~(to - 1);
}

/* glibc grows its heap by moving the program break, and with a large top pad one growth
 * reserves HEAP_RESERVE at once. That fresh stretch is then marked for huge pages. The kernel
 * backs only whole aligned 2 MiB spans with one, and only spans nothing was written to before
 * the mark, so the block that makes the heap grow is sized to end at the first boundary past
 * the heap's free top: glibc writes its bookkeeping just below the boundary, the block itself
 * is never touched, and every block allocated after it lies in huge-page spans. */
static void prefer_huge_heap_pages(void)
{
    uintptr_t old_break = (uintptr_t)sbrk(0);
    if (old_break == (uintptr_t)-1)
        return;
    /* glibc's main heap ends at the break with its free top, whose size is `keepcost` */
#if __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33)
    size_t top_size = mallinfo2().keepcost;
#else
    size_t top_size = (size_t)(unsigned)mallinfo().keepcost;
#endif
    uintptr_t top = old_break - top_size;
    uintptr_t boundary = align_up(top + 4096, HUGE_PAGE);
    if (boundary - top <= top_size)
        boundary += HUGE_PAGE; /* more than the free top: the filler must make the heap grow */
    void *filler = malloc(boundary - top - 64);
    uintptr_t new_break = (uintptr_t)sbrk(0);
    if (!filler || new_break <= old_break + HEAP_RESERVE) {
        free(filler); /* not glibc's heap (AddressSanitizer's, say): leave it be */
        return;
    }
    heap_alignment_filler = filler;
    uintptr_t start = align_up(old_break, (uintptr_t)sysconf(_SC_PAGESIZE));
    (void)madvise((void *)start, new_break - start, MADV_HUGEPAGE); /* fails: no huge pages */
}

void batch_memory_prefer(void)
{
    /* glibc gives each block of 128 KiB or more back to the kernel when it is freed, and the
     * next one comes as fresh pages. 16 MiB is the most it takes on a 32-bit Pi too. */
    mallopt(M_MMAP_THRESHOLD, 16 * MIB);
    mallopt(M_TRIM_THRESHOLD, 256 * MIB);
    mallopt(M_TOP_PAD, HEAP_RESERVE);
    prefer_huge_heap_pages();
}

#else

void batch_memory_prefer(void)
{
}

#endif
