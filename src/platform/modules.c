#include "platform/modules.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef VAERMED_MODULE_DIR
#define VAERMED_MODULE_DIR "/usr/lib/vaermed"
#endif

typedef struct loaded {
    void *handle;
    const void *table;
} loaded;

static loaded print_mod, calendar_mod;

/* The folder of the running binary, or "" when /proc cannot tell. */
static void own_folder(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    out[0] = '\0';
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = '\0';
    snprintf(out, size, "%s", exe);
}

/* dlopen()s `file` beside the binary, else in VAERMED_MODULE_DIR, and asks it for its table.
 * `what` names the part for the staff ("printing"). */
static const void *load(loaded *m, const char *file, const char *symbol, const char *what,
                        vm_err *err)
{
    if (m->table)
        return m->table;
    char dirs[2][PATH_MAX], path[PATH_MAX + 64], why[512] = "";
    own_folder(dirs[0], sizeof dirs[0]);
    snprintf(dirs[1], sizeof dirs[1], "%s", VAERMED_MODULE_DIR);
    for (int i = 0; i < 2 && !m->handle; i++) {
        if (!dirs[i][0])
            continue;
        if (snprintf(path, sizeof path, "%s/%s", dirs[i], file) >= (int)sizeof path ||
            access(path, R_OK) != 0)
            continue;
        /* Never unloaded: GLib's type system (under Pango) keeps pointers into the libraries
         * it registered types from, and a module loaded again after dlclose crashed the
         * kiosk at its second PDF. */
        m->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (!m->handle)
            snprintf(why, sizeof why, "%s", dlerror());
    }
    if (!m->handle && why[0]) {
        err_set(err, VM_ERR_NOT_FOUND,
                "Vær med's %s part (%s) cannot be loaded: %s. Install Vær med again.", what,
                file, why);
        return NULL;
    }
    if (!m->handle) {
        err_set(err, VM_ERR_NOT_FOUND,
                "Vær med's %s part (%s) is missing: it is neither beside the program nor in "
                "%s. Install Vær med again.",
                what, file, VAERMED_MODULE_DIR);
        return NULL;
    }
    void *fn = dlsym(m->handle, symbol);
    m->table = fn ? ((const void *(*)(void))fn)() : NULL;
    if (!m->table) {
        dlclose(m->handle);
        m->handle = NULL;
        err_set(err, VM_ERR_INTERNAL, "Vær med's %s part (%s) is not one of Vær med's. "
                                      "Install Vær med again.", what, file);
    }
    return m->table;
}

/* Forgets a module that was refused (RTLD_NODELETE keeps its code mapped; it is never
 * called again). */
static void unload(loaded *m)
{
    if (m->handle)
        dlclose(m->handle);
    m->handle = NULL;
    m->table = NULL;
}

static bool same_build(loaded *m, int abi, int want_abi, const char *version,
                       unsigned long layout, unsigned long want_layout, const char *what,
                       const char *file, vm_err *err)
{
    if (abi == want_abi && version && strcmp(version, VAERMED_VERSION) == 0 &&
        layout == want_layout)
        return true;
    err_set(err, VM_ERR_INTERNAL,
            "Vær med's %s part (%s) is from another version (%s, this is %s). Install Vær "
            "med again.",
            what, file, version ? version : "?", VAERMED_VERSION);
    unload(m);
    return false;
}

const print_module *modules_print(vm_err *err)
{
    const print_module *p = load(&print_mod, PRINT_MODULE_FILE, PRINT_MODULE_SYMBOL,
                                 "printing", err);
    if (p && !same_build(&print_mod, p->abi, PRINT_MODULE_ABI, p->version, p->layout,
                         PRINT_MODULE_LAYOUT, "printing", PRINT_MODULE_FILE, err))
        return NULL;
    return p;
}

const ics_module *modules_calendar(vm_err *err)
{
    const ics_module *c = load(&calendar_mod, ICS_MODULE_FILE, ICS_MODULE_SYMBOL,
                               "calendar", err);
    if (c && !same_build(&calendar_mod, c->abi, ICS_MODULE_ABI, c->version, c->layout,
                         ICS_MODULE_LAYOUT, "calendar", ICS_MODULE_FILE, err))
        return NULL;
    return c;
}

vm_status modules_week_pdf(void *user, const activity *acts, size_t n, size_t not_shown,
                           int64_t now, const char *path, vm_err *err)
{
    vm_err local;
    if (!err)
        err = &local;
    const sync_options *opt = user;
    const print_module *p = modules_print(err);
    if (!p)
        return err->status;
    print_options po = {.estate_name = opt ? opt->estate_name : NULL,
                        .url_template = opt ? opt->url_template : NULL,
                        .now = now,
                        .not_shown = not_shown};
    return p->week(acts, n, now, &po, path, NULL, err);
}

vm_status modules_read_ics(const char *data, size_t len, const sync_read_opts *opt,
                           sync_program *out, vm_err *err)
{
    vm_err local;
    if (!err)
        err = &local;
    const ics_module *c = modules_calendar(err);
    if (!c)
        return err->status;
    return c->read(data, len, opt, out, err);
}
