/* sync_ics_module: the calendar reader's door. sync_read_ics (libical, which brings ICU and
 * the C++ runtime) is built into a shared module of its own, vaermed-calendar.so, that the
 * kiosk and the command line load only when a stick carries a program.ics
 * (src/platform/modules.h, sync_options.read_ics). The module exports one function,
 * ICS_MODULE_SYMBOL, that gives this table; a module from another build is refused (abi,
 * version, layout).
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_ICS_MODULE_H
#define VM_SYNC_ICS_MODULE_H

#include "sync/sync_program.h"

#define ICS_MODULE_FILE "vaermed-calendar.so"
#define ICS_MODULE_SYMBOL "vaermed_calendar_module"
#define ICS_MODULE_ABI 1
#define ICS_MODULE_LAYOUT                                                                    \
    ((unsigned long)sizeof(activity) * 7919u + sizeof(sync_read_opts) * 31u +               \
     sizeof(sync_program))

typedef struct ics_module {
    int abi;              /* ICS_MODULE_ABI */
    const char *version;  /* VAERMED_VERSION */
    unsigned long layout; /* ICS_MODULE_LAYOUT */
    /* sync_read_ics of sync_program.h; the program it fills is freed with
     * sync_program_free (plain malloc'd memory) */
    vm_status (*read)(const char *data, size_t len, const sync_read_opts *opt,
                      sync_program *out, vm_err *err);
} ics_module;

typedef const ics_module *(*ics_module_fn)(void);

#endif
