/* The plural expression of a .po header: a small C expression over n, evaluated by recursive
 * descent with unsigned arithmetic, as GNU gettext does. */
#include "core/i18n_internal.h"

#include <string.h>

typedef struct parser {
    const char *p;
    unsigned long n;
    bool ok;
    int depth;
} parser;

static unsigned long cond(parser *ps);

static void skip_space(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
        ps->p++;
}

static bool accept(parser *ps, const char *tok)
{
    skip_space(ps);
    size_t len = strlen(tok);
    if (strncmp(ps->p, tok, len) != 0)
        return false;
    /* "<" must not eat the "<" of "<=", "=" never stands alone */
    if (len == 1 && (tok[0] == '<' || tok[0] == '>' || tok[0] == '!') && ps->p[1] == '=')
        return false;
    ps->p += len;
    return true;
}

static unsigned long primary(parser *ps)
{
    skip_space(ps);
    if (++ps->depth > 100) {
        ps->ok = false;
        return 0;
    }
    unsigned long v = 0;
    if (*ps->p == 'n') {
        ps->p++;
        v = ps->n;
    } else if (*ps->p >= '0' && *ps->p <= '9') {
        while (*ps->p >= '0' && *ps->p <= '9')
            v = v * 10 + (unsigned long)(*ps->p++ - '0');
    } else if (accept(ps, "(")) {
        v = cond(ps);
        if (!accept(ps, ")"))
            ps->ok = false;
    } else if (accept(ps, "!")) {
        v = !primary(ps);
    } else {
        ps->ok = false;
    }
    ps->depth--;
    return v;
}

static unsigned long mul(parser *ps)
{
    unsigned long v = primary(ps);
    for (;;) {
        if (accept(ps, "*")) {
            v *= primary(ps);
        } else if (accept(ps, "/") || accept(ps, "%")) {
            char op = ps->p[-1];
            unsigned long r = primary(ps);
            if (r == 0) {
                ps->ok = false;
                return 0;
            }
            v = op == '/' ? v / r : v % r;
        } else {
            return v;
        }
    }
}

static unsigned long add(parser *ps)
{
    unsigned long v = mul(ps);
    for (;;) {
        if (accept(ps, "+"))
            v += mul(ps);
        else if (accept(ps, "-"))
            v -= mul(ps);
        else
            return v;
    }
}

static unsigned long rel(parser *ps)
{
    unsigned long v = add(ps);
    for (;;) {
        if (accept(ps, "<="))
            v = v <= add(ps);
        else if (accept(ps, ">="))
            v = v >= add(ps);
        else if (accept(ps, "<"))
            v = v < add(ps);
        else if (accept(ps, ">"))
            v = v > add(ps);
        else
            return v;
    }
}

static unsigned long eq(parser *ps)
{
    unsigned long v = rel(ps);
    for (;;) {
        if (accept(ps, "=="))
            v = v == rel(ps);
        else if (accept(ps, "!="))
            v = v != rel(ps);
        else
            return v;
    }
}

static unsigned long and_(parser *ps)
{
    unsigned long v = eq(ps);
    while (accept(ps, "&&")) {
        unsigned long r = eq(ps); /* both sides parsed: no side effects to skip */
        v = v && r;
    }
    return v;
}

static unsigned long or_(parser *ps)
{
    unsigned long v = and_(ps);
    while (accept(ps, "||")) {
        unsigned long r = and_(ps);
        v = v || r;
    }
    return v;
}

static unsigned long cond(parser *ps)
{
    if (++ps->depth > 100) {
        ps->ok = false;
        return 0;
    }
    unsigned long c = or_(ps);
    unsigned long v = c;
    if (accept(ps, "?")) {
        unsigned long a = cond(ps);
        if (!accept(ps, ":"))
            ps->ok = false;
        unsigned long b = cond(ps);
        v = c ? a : b;
    }
    ps->depth--;
    return v;
}

bool i18n_plural_eval(const char *expr, unsigned long n, unsigned long *out)
{
    parser ps = {expr, n, true, 0};
    unsigned long v = cond(&ps);
    skip_space(&ps);
    if (*ps.p == ';')
        ps.p++;
    skip_space(&ps);
    if (!ps.ok || *ps.p != '\0')
        return false;
    *out = v;
    return true;
}

/* gettext's rules for the languages of the estates (and their neighbours). */
static const struct {
    const char *lang;
    int nplurals;
    const char *expr;
} builtin[] = {
    {"da", 2, "n != 1"}, {"en", 2, "n != 1"}, {"de", 2, "n != 1"}, {"sv", 2, "n != 1"},
    {"nb", 2, "n != 1"}, {"nn", 2, "n != 1"}, {"no", 2, "n != 1"}, {"fo", 2, "n != 1"},
    {"is", 2, "n % 10 != 1 || n % 100 == 11"}, {"so", 2, "n != 1"}, {"tr", 2, "n != 1"},
    {"ur", 2, "n != 1"}, {"ps", 2, "n != 1"}, {"ku", 2, "n != 1"}, {"ckb", 2, "n != 1"},
    {"ti", 2, "n > 1"}, {"am", 2, "n > 1"}, {"fa", 2, "n > 1"}, {"fr", 2, "n > 1"},
    {"es", 2, "n != 1"}, {"it", 2, "n != 1"}, {"nl", 2, "n != 1"}, {"fi", 2, "n != 1"},
    {"el", 2, "n != 1"}, {"he", 2, "n != 1"}, {"hu", 2, "n != 1"}, {"sq", 2, "n != 1"},
    {"vi", 1, "0"}, {"th", 1, "0"}, {"zh", 1, "0"}, {"ja", 1, "0"}, {"ko", 1, "0"},
    {"pl", 3, "n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) "
              "? 1 : 2"},
    {"uk", 3, "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
              "(n % 100 < 10 || n % 100 >= 20) ? 1 : 2"},
    {"ru", 3, "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
              "(n % 100 < 10 || n % 100 >= 20) ? 1 : 2"},
    {"bs", 3, "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
              "(n % 100 < 10 || n % 100 >= 20) ? 1 : 2"},
    {"sr", 3, "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
              "(n % 100 < 10 || n % 100 >= 20) ? 1 : 2"},
    {"hr", 3, "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
              "(n % 100 < 10 || n % 100 >= 20) ? 1 : 2"},
    {"ro", 3, "n == 1 ? 0 : (n == 0 || (n % 100 > 0 && n % 100 < 20)) ? 1 : 2"},
    {"lt", 3, "n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && (n % 100 < 10 || "
              "n % 100 >= 20) ? 1 : 2"},
    {"ar", 6, "n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 "
              ": n % 100 >= 11 ? 4 : 5"},
};

bool i18n_builtin_plural(const char *lang, int *nplurals, const char **expr)
{
    if (!lang)
        return false;
    size_t len = strcspn(lang, "_-.@");
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
        if (strlen(builtin[i].lang) == len && strncmp(builtin[i].lang, lang, len) == 0) {
            *nplurals = builtin[i].nplurals;
            *expr = builtin[i].expr;
            return true;
        }
    }
    return false;
}
