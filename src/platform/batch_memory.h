/* batch_memory: how a short process that works through megabytes takes its memory.
 *
 * A command such as `vaermed sync` reads, sorts and writes megabytes of sign-ups, activities,
 * pages and exports one after another, then ends. Every page the kernel hands it is a page
 * fault, and on a virtual machine a fault costs ~20 µs: before this, a sync of 10,000
 * sign-ups took 5,600 faults, half of its CPU. batch_memory_prefer() makes the process keep
 * what it frees for its next block, and asks the kernel for its heap in 2 MiB pages
 * (transparent huge pages, where the kernel allows them for the asking), so one fault brings
 * 2 MiB instead of 4 KiB.
 *
 * Not for the kiosk: it runs for weeks and should give back what it frees, in small pages.
 * Does nothing where the C library is not glibc, and nothing more than the first part where
 * the kernel has no huge pages or allocations do not come from glibc's heap (a build with
 * AddressSanitizer). Nothing it does changes what a program computes; it fails silently.
 *
 * Threads: call once, first thing in main's command, before any other thread exists.
 */
#ifndef VM_PLATFORM_BATCH_MEMORY_H
#define VM_PLATFORM_BATCH_MEMORY_H

void batch_memory_prefer(void);

#endif
