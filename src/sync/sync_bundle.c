/* The vaermed.db reader: store/bundle.h does the SQLite work; this says it in staff words
 * (the store's English goes no further than the journal). */
#include <stdlib.h>
#include <string.h>

#include "store/bundle.h"
#include "sync/sync_program.h"
#include "sync/sync_tr.h"

vm_status sync_read_bundle(const char *data, size_t len, const sync_read_opts *opt,
                           sync_program *out, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    activity *acts = NULL;
    size_t n = 0;
    vm_err e;
    err_clear(&e);
    store_bundle_problem why;
    memset(out, 0, sizeof *out);
    vm_status st = store_bundle_read(data, len, &acts, &n, &why, &e);
    if (st == VM_OK) {
        out->acts = acts;
        out->n = n;
        return VM_OK;
    }
    const char *name = why.name, *what = why.what;
    switch (why.kind) {
    case STORE_BUNDLE_TOO_BIG:
        return sync_err(err, st, cat, "vaermed.db is too big (at most %ld MB)", why.number);
    case STORE_BUNDLE_NOT_SQLITE:
        return sync_err(err, st, cat, "vaermed.db is not a Vær med bundle (not a database)");
    case STORE_BUNDLE_OTHER_PROGRAM:
        return sync_err(err, st, cat,
                        "vaermed.db is not a Vær med bundle (it is another program's "
                        "database)");
    case STORE_BUNDLE_NO_VERSION:
        return sync_err(err, st, cat,
                        "vaermed.db is not a Vær med bundle (it has no Vær med version)");
    case STORE_BUNDLE_TOO_NEW:
        return sync_err(err, st, cat,
                        "vaermed.db was made by a newer Vær med (version %ld); update this "
                        "kiosk first",
                        why.number);
    case STORE_BUNDLE_DAMAGED:
        return sync_err(err, st, cat, "vaermed.db is damaged; make it again");
    case STORE_BUNDLE_TOO_MUCH_WORK:
        return sync_err(err, st, cat, "vaermed.db is refused: it takes too much work to read");
    case STORE_BUNDLE_TOO_MUCH_MEMORY:
    case STORE_BUNDLE_NO_MEMORY:
        return sync_err(err, st, cat,
                        "vaermed.db is refused: it takes too much memory to read");
    case STORE_BUNDLE_CODE:
        return strcmp(what, "view") == 0
                   ? sync_err(err, st, cat,
                              "vaermed.db is refused: it holds a view (\"%s\"), and a bundle "
                              "holds only the kiosk's tables",
                              name)
                   : sync_err(err, st, cat,
                              "vaermed.db is refused: it holds a trigger (\"%s\"), and a "
                              "bundle holds only the kiosk's tables",
                              name);
    case STORE_BUNDLE_VIRTUAL_TABLE:
        return sync_err(err, st, cat,
                        "vaermed.db is refused: its table \"%s\" is a virtual table (a "
                        "full-text index or the like), not the kiosk's",
                        name);
    case STORE_BUNDLE_UNKNOWN_TABLE:
        return sync_err(err, st, cat,
                        "vaermed.db is not a Vær med bundle: it holds a table \"%s\" the kiosk "
                        "does not have",
                        name);
    case STORE_BUNDLE_UNKNOWN_INDEX:
        return sync_err(err, st, cat,
                        "vaermed.db is refused: it holds an index \"%s\" the kiosk does not "
                        "make",
                        name);
    case STORE_BUNDLE_MISSING_TABLE:
        return sync_err(err, st, cat,
                        "vaermed.db is not a Vær med bundle: its table \"%s\" is missing",
                        name);
    case STORE_BUNDLE_COLUMNS_DIFFER:
        return sync_err(err, st, cat,
                        "vaermed.db is not a Vær med bundle: its table \"%s\" does not have "
                        "the kiosk's columns (\"%s\")",
                        name, what);
    case STORE_BUNDLE_TOO_MANY_ACTIVITIES:
        return sync_err(err, st, cat, "vaermed.db holds more than %ld activities",
                        why.number);
    case STORE_BUNDLE_BAD_UID:
        return sync_err(err, st, cat, "vaermed.db holds an activity without an id");
    case STORE_BUNDLE_BAD_TEXT:
        return sync_err(err, st, cat,
                        "vaermed.db: the activity \"%s\" has a text that is missing, too long "
                        "or not readable",
                        name);
    case STORE_BUNDLE_BAD_TIMES:
        return sync_err(err, st, cat,
                        "vaermed.db: the activity \"%s\" has times that cannot be right", name);
    case STORE_BUNDLE_BAD_SETTINGS:
        return sync_err(err, st, cat,
                        "vaermed.db: the activity \"%s\" has sign-up settings that cannot be "
                        "right",
                        name);
    case STORE_BUNDLE_BAD_TASK:
        return sync_err(err, st, cat,
                        "vaermed.db: a helper task of the activity \"%s\" cannot be right",
                        name);
    case STORE_BUNDLE_TOO_MANY_TASKS:
        return sync_err(err, st, cat,
                        "vaermed.db: the activity \"%s\" has more than %ld helper tasks", name,
                        why.number);
    case STORE_BUNDLE_TASK_TWICE:
        return sync_err(err, st, cat,
                        "vaermed.db: the activity \"%s\" names the helper task \"%s\" twice",
                        name, what);
    case STORE_BUNDLE_UID_TWICE:
        return sync_err(err, st, cat, "vaermed.db names the activity \"%s\" twice", name);
    case STORE_BUNDLE_OK:
        break;
    }
    return sync_err(err, st == VM_OK ? VM_ERR_INTERNAL : st, cat,
                    "vaermed.db cannot be used: %s", sync_store_words(cat, st));
}
