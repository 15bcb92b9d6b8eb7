#include "config/langs.h"

#include <stdio.h>
#include <string.h>

#include "core/catalogs.h"

static const catalog_source *source_for(const char *code)
{
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, code) == 0)
            return &src[i];
    return NULL;
}

static void add(langs *l, const char *code, void (*warn)(const char *msg))
{
    if (langs_find(l, code) || l->n >= sizeof l->cat / sizeof l->cat[0])
        return;
    const catalog_source *src = source_for(code);
    char msg[VM_ERR_MSG_MAX + 64];
    if (!src) {
        snprintf(msg, sizeof msg, "There are no words for the language '%s'; it is left out.",
                 code);
        if (warn)
            warn(msg);
        return;
    }
    vm_err err = {0};
    i18n_catalog *cat = i18n_catalog_parse(code, src->text, src->len, &err);
    if (!cat) {
        snprintf(msg, sizeof msg, "The words for '%s' cannot be read: %s", code, err.msg);
        if (warn)
            warn(msg);
        return;
    }
    l->cat[l->n++] = cat;
}

static bool danish_or_english(const char *code)
{
    return strcmp(code, "da") == 0 || strcmp(code, "en") == 0;
}

/* The staff's words: the first language, with Danish (else English) behind it when it is
 * neither (else the first alone: l->staff stays NULL). */
static void choose_staff(langs *l)
{
    if (l->n == 0 || danish_or_english(i18n_lang(l->cat[0])))
        return;
    const i18n_catalog *staff = langs_find(l, "da");
    if (!staff)
        staff = langs_find(l, "en");
    if (staff)
        l->staff = i18n_catalog_fallback(l->cat[0], staff); /* NULL: the first alone */
}

void langs_load(langs *l, const config *cfg, void (*warn)(const char *msg))
{
    memset(l, 0, sizeof *l);
    for (size_t i = 0; i < cfg->n_languages; i++)
        add(l, cfg->languages[i], warn);
    add(l, "da", warn);
    add(l, "en", warn);
    choose_staff(l);
}

void langs_load_staff(langs *l, const config *cfg)
{
    memset(l, 0, sizeof *l);
    /* the first language that loads, in langs_load's order */
    for (size_t i = 0; i < cfg->n_languages && l->n == 0; i++)
        add(l, cfg->languages[i], NULL);
    /* and Danish, else English, when the first is neither (or none loaded) */
    if (l->n == 0 || !danish_or_english(i18n_lang(l->cat[0]))) {
        add(l, "da", NULL);
        if (!langs_find(l, "da"))
            add(l, "en", NULL);
    }
    choose_staff(l);
}

const i18n_catalog *langs_staff(const langs *l)
{
    return l->staff ? l->staff : l->n ? l->cat[0] : NULL;
}

const i18n_catalog *langs_find(const langs *l, const char *code)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(i18n_lang(l->cat[i]), code) == 0)
            return l->cat[i];
    return NULL;
}

void langs_free(langs *l)
{
    i18n_catalog_free(l->staff); /* a view: before the catalogs it borrows from */
    l->staff = NULL;
    for (size_t i = 0; i < l->n; i++)
        i18n_catalog_free(l->cat[i]);
    l->n = 0;
}
