/* i18n_internal: what the i18n_*.c files share. Not a contract for other modules.
 *
 * Threads: as i18n.h.
 */
#ifndef VM_CORE_I18N_INTERNAL_H
#define VM_CORE_I18N_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/i18n.h"

#define I18N_MAX_FORMS 6 /* Arabic has the most plural forms: six */

typedef struct i18n_msg {
    char *ctxt;         /* NULL when the message has no msgctxt */
    char *msgid;
    char *msgid_plural; /* NULL for a singular message */
    char *str[I18N_MAX_FORMS]; /* NULL or "" = not translated; [0] only for singular */
    int nstr;
    int line;           /* where it begins in the .po text, for messages */
    bool translated;    /* every form the language needs is there and was kept */
} i18n_msg;

struct i18n_catalog {
    char *lang;         /* as given to i18n_catalog_parse, else the header's Language */
    char *lang_name;    /* the header's X-Language-Name, or NULL */
    char *plural_expr;  /* the header's plural=..., or a built-in rule for the language */
    int nplurals;
    i18n_msg *msgs;     /* sorted by (ctxt, msgid) */
    size_t n, cap;
    size_t dropped;
    char first_problem[256];
    const char *prefer_ctx; /* a view (i18n_catalog_view): this context first, for a
                               message asked for without one */
    bool borrowed;          /* a view: the messages and names are its base's */
    const i18n_catalog *fallback; /* a view (i18n_catalog_fallback): asked when this catalog
                                     has no translation of a message */
};

/* The plural rule of a language code ("pl", "ar_EG"), as "nplurals=N; plural=EXPR;" parts,
 * or false when the built-in table does not know it. */
bool i18n_builtin_plural(const char *lang, int *nplurals, const char **expr);

/* Evaluates a gettext plural expression (C syntax over n) for `n`. False on a syntax error
 * or a division by zero. */
bool i18n_plural_eval(const char *expr, unsigned long n, unsigned long *out);

/* Whether `translation` may be used as printf format in place of `msgid`: the same
 * conversions for the same arguments (plural forms may leave out trailing ones). False also
 * for %n and for formats this check does not understand. */
bool i18n_formats_compatible(const char *msgid, const char *translation, bool plural_form);

/* Upper-cases the first letter of `s` in place where its upper case has the same length. */
void i18n_capitalise_first(char *s);

#endif
