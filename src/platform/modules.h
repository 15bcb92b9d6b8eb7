/* modules: the parts of Vær med that bring big libraries, loaded when first needed.
 *
 * Printing (vaermed-print.so: cairo, Pango, fontconfig) and reading calendar files
 * (vaermed-calendar.so: libical, ICU, the C++ runtime) are shared modules of this build, so
 * the kiosk starts with neither (half the libraries a kiosk would otherwise map, and their
 * memory, which on a Pi nothing else shares). A module is looked for beside the running
 * binary (the build folder) and then in VAERMED_MODULE_DIR (the package's
 * /usr/lib/<arch>/vaermed); one from another build (version, table layout) is refused.
 *
 * modules_print / modules_calendar load a module the first time it is needed and keep it for
 * the life of the process: Pango's GLib types cannot be unloaded and loaded again (a kiosk
 * that let the print module go after a sync crashed at its next PDF), so a kiosk that has
 * made a PDF carries those libraries from then on (docs/benchmarks.md measures it). Errors
 * are plain words for the staff ("Vær med's printing part is missing: ..."); nothing here
 * exits.
 *
 * Threads: the main loop or the command line only: the loaded modules are kept in statics
 * without a lock.
 */
#ifndef VM_PLATFORM_MODULES_H
#define VM_PLATFORM_MODULES_H

#include "core/err.h"
#include "print/print_module.h"
#include "sync/sync.h"
#include "sync/sync_ics_module.h"

const print_module *modules_print(vm_err *err);
const ics_module *modules_calendar(vm_err *err);

/* For sync_options: program_pdf (user: the sync_options, for the estate and link template)
 * and read_ics, through the modules. */
vm_status modules_week_pdf(void *user, const activity *acts, size_t n, size_t not_shown,
                           int64_t now, const char *path, vm_err *err);
vm_status modules_read_ics(const char *data, size_t len, const sync_read_opts *opt,
                           sync_program *out, vm_err *err);

#endif
