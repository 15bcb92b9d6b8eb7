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
    i18n_catalog *staff; /* langs_staff's view, or NULL when the first language is da/en */
} langs;

/* Parses the embedded catalogs named by the config. Problems go to `warn` (may be NULL). */
void langs_load(langs *l, const config *cfg, void (*warn)(const char *msg));
/* Parses only what langs_staff needs: the first language that loads and, when it is neither
 * Danish nor English, Danish (else English) behind it. The command line speaks only the
 * staff's words, and each catalog costs ~9 M instructions to parse. langs_find finds only
 * those. */
void langs_load_staff(langs *l, const config *cfg);
/* The catalog for a language code, or NULL. */
const i18n_catalog *langs_find(const langs *l, const char *code);
/* The staff's words, as the kiosk and `vaermed` speak them (the sync's summary, log.txt on
 * the stick, the journal): the first language, with Danish (else English, the staff
 * screens' rule) for every message it has no translation of, since the staff's and the
 * sync's sentences exist in Danish and English only. NULL when there is no language. */
const i18n_catalog *langs_staff(const langs *l);
void langs_free(langs *l);

#endif
