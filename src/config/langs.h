/* langs: the catalogs the kiosk offers, in the config's order (the first is the default).
 * Danish and English are always there; a language named in the config without a catalog is
 * reported and skipped.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_CONFIG_LANGS_H
#define VM_CONFIG_LANGS_H

#include <stddef.h>

#include "config/config.h"
#include "core/i18n.h"

typedef struct langs {
    i18n_catalog *cat[CONFIG_LIST_MAX + 2];
    size_t n;
} langs;

/* Parses the embedded catalogs named by the config. Problems go to `warn` (may be NULL). */
void langs_load(langs *l, const config *cfg, void (*warn)(const char *msg));
/* The catalog for a language code, or NULL. */
const i18n_catalog *langs_find(const langs *l, const char *code);
void langs_free(langs *l);

#endif
