/* batch_memory: after batch_memory_prefer() a short command keeps what it frees in its heap,
 * and where the kernel offers transparent huge pages for the asking, a list that grows to
 * megabytes comes in 2 MiB pages: a handful of page faults instead of one per 4 KiB.
 *
 * Built without the sanitizers (tests/platform/CMakeLists.txt): AddressSanitizer brings its
 * own allocator, and glibc's heap is what is under test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "platform/batch_memory.h"

enum { KIB = 1024, MIB = 1024 * 1024, LIST_BYTES = 12 * MIB };

/* What the kernel does with a process's request for huge pages: "always" and "madvise" grant
 * it, "never" (or no THP in the kernel at all) does not. */
static int kernel_grants_huge_pages(void)
{
    char mode[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (f) {
        if (!fgets(mode, sizeof mode, f))
            mode[0] = '\0';
        fclose(f);
    }
    return strstr(mode, "[always]") || strstr(mode, "[madvise]");
}

static long anon_huge_kib(void)
{
    char line[256];
    long kib = -1;
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "AnonHugePages: %ld kB", &kib) == 1)
            break;
    fclose(f);
    assert_true(kib >= 0);
    return kib;
}

static long minor_faults(void)
{
    struct rusage ru;
    assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
    return ru.ru_minflt;
}

static int prefer_once(void **state)
{
    (void)state;
    batch_memory_prefer();
    return 0;
}

/* glibc would hand a block of 1 MiB back to the kernel on free() and take fresh pages for the
 * next; a batch keeps it in the heap, below the program break. */
static void freed_blocks_stay_in_the_heap(void **state)
{
    (void)state;
    for (int round = 0; round < 3; round++) {
        char *block = malloc(MIB);
        assert_non_null(block);
        assert_true((uintptr_t)block < (uintptr_t)sbrk(0));
        memset(block, round + 1, MIB);
        free(block);
    }
}

/* A sign-up list grows by doubling, as the store's lists do, to 12 MiB, and is written all
 * through. With huge pages that is a few dozen faults; with 4 KiB pages over 3,000. */
static void a_growing_list_comes_in_huge_pages_where_the_kernel_grants_them(void **state)
{
    (void)state;
    long huge_before = anon_huge_kib(), faults_before = minor_faults();
    size_t size = 64 * KIB;
    unsigned char *list = NULL;
    while (size <= LIST_BYTES) {
        unsigned char *grown = realloc(list, size);
        assert_non_null(grown);
        list = grown;
        for (size_t i = size / 2; i < size; i++)
            list[i] = (unsigned char)(i * 7);
        size *= 2;
    }
    size /= 2;
    long faults = minor_faults() - faults_before;
    long huge = anon_huge_kib() - huge_before;
    for (size_t i = size / 2; i < size; i += 4093)
        assert_int_equal(list[i], (unsigned char)(i * 7));
    if (kernel_grants_huge_pages()) {
        print_message("huge pages granted: %ld KiB of them, %ld faults\n", huge, faults);
        assert_true(huge >= 4 * 1024);
        assert_true(faults < LIST_BYTES / (4 * KIB) / 4);
    } else {
        print_message("no huge pages in this kernel: %ld faults\n", faults);
        assert_int_equal(huge, 0);
    }
    free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(freed_blocks_stay_in_the_heap),
        cmocka_unit_test(a_growing_list_comes_in_huge_pages_where_the_kernel_grants_them),
    };
    return cmocka_run_group_tests(tests, prefer_once, NULL);
}
