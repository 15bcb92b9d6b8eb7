/* catalogs: the .po files of po/, embedded at build time (cmake/embed_po.cmake).
 * The texts are static; parse them with i18n_catalog_parse.
 *
 * Threads: any (constant data).
 */
#ifndef VM_CORE_CATALOGS_H
#define VM_CORE_CATALOGS_H

#include <stddef.h>

typedef struct catalog_source {
    const char *lang; /* file name without .po: "da" */
    const char *text;
    size_t len;
} catalog_source;

const catalog_source *catalogs_embedded(size_t *n);

#endif
