#include "core/i18n_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/catalogs.h"

i18n_catalog *i18n_catalog_view(const i18n_catalog *base, const char *ctx)
{
    if (!base)
        return NULL;
    i18n_catalog *view = malloc(sizeof *view);
    if (!view)
        return NULL;
    *view = *base;
    view->prefer_ctx = ctx;
    view->borrowed = true;
    return view;
}

i18n_catalog *i18n_catalog_fallback(const i18n_catalog *base, const i18n_catalog *fallback)
{
    i18n_catalog *view = i18n_catalog_view(base, base ? base->prefer_ctx : NULL);
    if (view && fallback != base)
        view->fallback = fallback;
    return view;
}

void i18n_catalog_free(i18n_catalog *cat)
{
    if (!cat)
        return;
    if (cat->borrowed) {
        free(cat);
        return;
    }
    for (size_t i = 0; i < cat->n; i++) {
        i18n_msg *m = &cat->msgs[i];
        free(m->ctxt);
        free(m->msgid);
        free(m->msgid_plural);
        for (int k = 0; k < I18N_MAX_FORMS; k++)
            free(m->str[k]);
    }
    free(cat->msgs);
    free(cat->lang);
    free(cat->lang_name);
    free(cat->plural_expr);
    free(cat);
}

i18n_catalog *i18n_catalog_embedded(const char *lang, vm_err *err)
{
    size_t n = 0;
    const catalog_source *src = catalogs_embedded(&n);
    for (size_t i = 0; lang && i < n; i++)
        if (strcmp(src[i].lang, lang) == 0)
            return i18n_catalog_parse(src[i].lang, src[i].text, src[i].len, err);
    err_set(err, VM_ERR_NOT_FOUND, "There are no words for the language \"%s\" in this kiosk.",
            lang ? lang : "");
    return NULL;
}

/* The languages' own names, for the language button. */
static const struct {
    const char *code;
    const char *name;
    bool rtl;
} languages[] = {
    {"da", "Dansk", false},          {"en", "English", false},
    {"ar", "العربية", true},         {"so", "Soomaali", false},
    {"tr", "Türkçe", false},         {"ur", "اردو", true},
    {"fa", "فارسی", true},           {"pl", "Polski", false},
    {"de", "Deutsch", false},        {"sv", "Svenska", false},
    {"nb", "Norsk bokmål", false},   {"nn", "Norsk nynorsk", false},
    {"no", "Norsk", false},          {"fo", "Føroyskt", false},
    {"kl", "Kalaallisut", false},    {"is", "Íslenska", false},
    {"uk", "Українська", false},     {"ru", "Русский", false},
    {"ti", "ትግርኛ", false},           {"am", "አማርኛ", false},
    {"ps", "پښتو", true},            {"ku", "Kurdî", false},
    {"ckb", "کوردی", true},          {"bs", "Bosanski", false},
    {"sr", "Srpski", false},         {"hr", "Hrvatski", false},
    {"sq", "Shqip", false},          {"ro", "Română", false},
    {"lt", "Lietuvių", false},       {"vi", "Tiếng Việt", false},
    {"th", "ไทย", false},            {"tl", "Tagalog", false},
    {"fr", "Français", false},       {"es", "Español", false},
    {"it", "Italiano", false},       {"fi", "Suomi", false},
    {"he", "עברית", true},           {"yi", "ייִדיש", true},
    {"sd", "سنڌي", true},            {"ug", "ئۇيغۇرچە", true},
    {"dv", "ދިވެހި", true},
};

static int language_index(const char *lang)
{
    if (!lang)
        return -1;
    size_t len = strcspn(lang, "_-.@");
    for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
        if (strlen(languages[i].code) == len && strncmp(languages[i].code, lang, len) == 0)
            return (int)i;
    return -1;
}

const char *i18n_lang(const i18n_catalog *cat)
{
    return cat && cat->lang ? cat->lang : "en";
}

const char *i18n_lang_name(const i18n_catalog *cat)
{
    if (cat && cat->lang_name)
        return cat->lang_name;
    int i = language_index(i18n_lang(cat));
    return i >= 0 ? languages[i].name : i18n_lang(cat);
}

bool i18n_right_to_left(const i18n_catalog *cat)
{
    int i = language_index(i18n_lang(cat));
    return i >= 0 && languages[i].rtl;
}

static int compare_key(const char *ctxt, const char *msgid, const i18n_msg *m)
{
    if (!ctxt != !m->ctxt)
        return ctxt ? 1 : -1;
    if (ctxt) {
        int c = strcmp(ctxt, m->ctxt);
        if (c)
            return c;
    }
    return strcmp(msgid, m->msgid);
}

static const i18n_msg *find(const i18n_catalog *cat, const char *ctxt, const char *msgid)
{
    if (!cat || !msgid)
        return NULL;
    size_t lo = 0, hi = cat->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_key(ctxt, msgid, &cat->msgs[mid]);
        if (c == 0)
            return &cat->msgs[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* The catalogs asked, in order: `cat`, then its fallbacks (a short chain; the depth limit
 * only guards against a loop). */
#define CHAIN_MAX 4

/* The context to look a message up under in pass 0 (the view's preferred one, for a message
 * asked for without a context) and pass 1 (its own); NULL key in pass 0 = skip the pass. */
static bool pass_key(const i18n_catalog *cat, const char *ctxt, int pass, const char **key)
{
    if (pass == 0) {
        *key = !ctxt && cat ? cat->prefer_ctx : NULL;
        return *key != NULL;
    }
    *key = ctxt;
    return true;
}

/* The translation of `msgid` through the passes and the fallback chain: its one form, or with
 * `plural` the form the catalog that has it chooses for `un` (by its own rule); NULL when no
 * catalog in the chain has one. */
static const char *lookup(const i18n_catalog *cat, const char *ctxt, const char *msgid,
                          bool plural, unsigned long un)
{
    const char *key;
    for (int pass = 0; pass < 2; pass++) {
        if (!pass_key(cat, ctxt, pass, &key))
            continue;
        const i18n_catalog *c = cat;
        for (int depth = 0; c && depth < CHAIN_MAX; c = c->fallback, depth++) {
            const i18n_msg *m = find(c, key, msgid);
            unsigned long idx = 0;
            if (!m || (plural && !(m->msgid_plural &&
                                   i18n_plural_eval(c->plural_expr, un, &idx) &&
                                   idx < I18N_MAX_FORMS)))
                continue;
            if (m->str[idx] && m->str[idx][0])
                return m->str[idx];
        }
    }
    return NULL;
}

const char *i18n_text_ctx(const i18n_catalog *cat, const char *ctxt, const char *msgid)
{
    const char *t = lookup(cat, ctxt, msgid, false, 0);
    return t ? t : msgid;
}

const char *i18n_text(const i18n_catalog *cat, const char *msgid)
{
    return i18n_text_ctx(cat, NULL, msgid);
}

const char *i18n_plural_ctx(const i18n_catalog *cat, const char *ctxt, const char *msgid,
                            const char *msgid_plural, long n)
{
    unsigned long un = n < 0 ? (unsigned long)0 - (unsigned long)n : (unsigned long)n;
    const char *t = lookup(cat, ctxt, msgid, true, un);
    return t ? t : un == 1 ? msgid : msgid_plural;
}

const char *i18n_plural(const i18n_catalog *cat, const char *msgid, const char *msgid_plural,
                        long n)
{
    return i18n_plural_ctx(cat, NULL, msgid, msgid_plural, n);
}

size_t i18n_count(const i18n_catalog *cat, size_t *translated)
{
    size_t done = 0;
    for (size_t i = 0; cat && i < cat->n; i++)
        done += cat->msgs[i].translated;
    if (translated)
        *translated = done;
    return cat ? cat->n : 0;
}

bool i18n_message_at(const i18n_catalog *cat, size_t i, const char **msgctxt,
                     const char **msgid, const char **msgid_plural)
{
    if (!cat || i >= cat->n)
        return false;
    const i18n_msg *m = &cat->msgs[i];
    if (msgctxt)
        *msgctxt = m->ctxt;
    if (msgid)
        *msgid = m->msgid;
    if (msgid_plural)
        *msgid_plural = m->msgid_plural;
    return m->translated;
}

static size_t text_bytes(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

size_t i18n_catalog_bytes(const i18n_catalog *cat)
{
    if (!cat)
        return 0;
    size_t n = sizeof *cat;
    if (cat->borrowed)
        return n;
    n += cat->cap * sizeof cat->msgs[0];
    n += text_bytes(cat->lang) + text_bytes(cat->lang_name) + text_bytes(cat->plural_expr);
    for (size_t i = 0; i < cat->n; i++) {
        const i18n_msg *m = &cat->msgs[i];
        n += text_bytes(m->ctxt) + text_bytes(m->msgid) + text_bytes(m->msgid_plural);
        for (int k = 0; k < I18N_MAX_FORMS; k++)
            n += text_bytes(m->str[k]);
    }
    return n;
}

size_t i18n_dropped(const i18n_catalog *cat, const char **first_problem)
{
    if (first_problem)
        *first_problem = cat && cat->first_problem[0] ? cat->first_problem : NULL;
    return cat ? cat->dropped : 0;
}

int i18n_nplurals(const i18n_catalog *cat)
{
    return cat ? cat->nplurals : 2;
}
