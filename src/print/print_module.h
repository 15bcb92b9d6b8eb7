/* print_module: the print module's door. print (cairo, Pango), the pictograms and QR codes
 * drawn with cairo are built into a shared module of their own, vaermed-print.so, that the
 * kiosk and the command line load when they first make a PDF or a PNG (src/platform/modules.h),
 * so the kiosk starts without cairo, Pango and what they bring (fontconfig, GLib, HarfBuzz's
 * friends). The module exports one function, PRINT_MODULE_SYMBOL, that gives this table.
 *
 * A module from another build is refused by the loader: `abi`, `version` and `layout` must
 * be this build's (layout changes with the structs that cross the door).
 *
 * Threads: the caller's one thread at a time: the main loop during a sync, or the command line
 * (cairo and Pango's font map are not shared across threads here).
 */
#ifndef VM_PRINT_PRINT_MODULE_H
#define VM_PRINT_PRINT_MODULE_H

#include "print/print.h"

#define PRINT_MODULE_FILE "vaermed-print.so"
#define PRINT_MODULE_SYMBOL "vaermed_print_module"
#define PRINT_MODULE_ABI 1
#define PRINT_MODULE_LAYOUT                                                                  \
    ((unsigned long)sizeof(activity) * 7919u + sizeof(print_options) * 31u +                \
     sizeof(print_report))

typedef struct print_module {
    int abi;             /* PRINT_MODULE_ABI */
    const char *version; /* VAERMED_VERSION */
    unsigned long layout; /* PRINT_MODULE_LAYOUT */
    /* print_week and print_poster of print.h */
    vm_status (*week)(const activity *acts, size_t n, int64_t week_start,
                      const print_options *opt, const char *path, print_report *report,
                      vm_err *err);
    vm_status (*poster)(const activity *a, const print_options *opt, const char *path,
                        print_report *report, vm_err *err);
    /* Encodes `payload` (qr_encode) and writes it as a PNG (qr_write_png of qr_cairo.h). */
    vm_status (*qr_png)(const char *payload, int px_per_module, const char *path, vm_err *err);
} print_module;

typedef const print_module *(*print_module_fn)(void);

#endif
