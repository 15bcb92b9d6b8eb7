/* print_module: the table vaermed-print.so exports (see print_module.h). */
#include "print/print_module.h"

#include "qr/qr_cairo.h"

static vm_status qr_png(const char *payload, int px_per_module, const char *path, vm_err *err)
{
    qr_code *code = NULL;
    vm_status st = qr_encode(payload, &code, err);
    if (st == VM_OK)
        st = qr_write_png(code, px_per_module, path, err);
    qr_free(code);
    return st;
}

static const print_module table = {PRINT_MODULE_ABI, VAERMED_VERSION, PRINT_MODULE_LAYOUT,
                                   print_week,       print_poster,    qr_png};

__attribute__((visibility("default"))) const print_module *vaermed_print_module(void);

const print_module *vaermed_print_module(void)
{
    return &table;
}
