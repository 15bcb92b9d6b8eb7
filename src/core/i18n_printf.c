/* The printf check of translations: a translated format is handed the msgid's arguments, so
 * its conversions must take the same types in the same argument positions. */
#include "core/i18n_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

#define MAX_ARGS 16

typedef struct arg_list {
    char type[MAX_ARGS][6]; /* "d", "ld", "s", "u", "f", ...; "" = not used */
    int count;              /* highest argument number used */
    bool ok;
} arg_list;

static bool set_arg(arg_list *a, int pos, const char *type)
{
    if (pos < 1 || pos > MAX_ARGS)
        return false;
    char *slot = a->type[pos - 1];
    if (slot[0] && strcmp(slot, type) != 0)
        return false; /* one argument read as two types */
    snprintf(slot, sizeof a->type[0], "%s", type);
    if (pos > a->count)
        a->count = pos;
    return true;
}

static int read_number(const char **p)
{
    int v = 0;
    while (**p >= '0' && **p <= '9' && v < 10000)
        v = v * 10 + (*(*p)++ - '0');
    return v;
}

static arg_list parse_args(const char *fmt)
{
    arg_list a;
    memset(&a, 0, sizeof a);
    a.ok = true;
    int next = 1, positional = -1; /* -1 unknown, 0 no, 1 yes: glibc forbids mixing */
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        int pos = 0;
        const char *q = p;
        if (*q >= '1' && *q <= '9') {
            int v = read_number(&q);
            if (*q == '$') {
                pos = v;
                p = q + 1;
            }
        }
        int is_pos = pos > 0;
        if (positional >= 0 && positional != is_pos)
            goto bad;
        positional = is_pos;
        while (*p && strchr("-+ #0'", *p))
            p++;
        if (*p == '*') { /* width from an argument */
            if (is_pos || !set_arg(&a, next++, "d"))
                goto bad;
            p++;
        } else {
            read_number(&p);
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                if (is_pos || !set_arg(&a, next++, "d"))
                    goto bad;
                p++;
            } else {
                read_number(&p);
            }
        }
        char len[3] = "";
        if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
            len[0] = p[0];
            len[1] = p[1];
            p += 2;
        } else if (*p && strchr("hlLqjzt", *p)) {
            len[0] = *p++;
        }
        const char *cls;
        switch (*p) {
        case 'd': case 'i':
            cls = "d";
            break;
        case 'o': case 'u': case 'x': case 'X':
            cls = "u";
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            cls = "f";
            break;
        case 'c':
            cls = "c";
            break;
        case 's':
            cls = "s";
            break;
        case 'p':
            cls = "p";
            break;
        default: /* %n writes memory; anything else is a mistake */
            goto bad;
        }
        char type[6];
        snprintf(type, sizeof type, "%s%s", len, cls);
        if (!set_arg(&a, is_pos ? pos : next++, type))
            goto bad;
    }
    for (int i = 0; i < a.count; i++)
        if (!a.type[i][0])
            goto bad; /* a gap: printf could not know the type of that argument */
    return a;
bad:
    a.ok = false;
    return a;
}

bool i18n_formats_compatible(const char *msgid, const char *translation, bool plural_form)
{
    arg_list want = parse_args(msgid), got = parse_args(translation);
    if (!want.ok || !got.ok)
        return false;
    if (plural_form ? got.count > want.count : got.count != want.count)
        return false;
    for (int i = 0; i < got.count; i++)
        if (strcmp(want.type[i], got.type[i]) != 0)
            return false;
    return true;
}

int i18n_format(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, size, fmt, ap);
    va_end(ap);
    if (size > 0 && n >= 0 && (size_t)n >= size)
        utf8_truncate(out, size);
    return n;
}

void i18n_capitalise_first(char *s)
{
    size_t len = strlen(s);
    uint32_t cp;
    size_t n = utf8_decode(s, len, &cp);
    if (n == 0)
        return;
    char enc[4];
    size_t m = utf8_encode(utf8_upper_cp(cp), enc);
    if (m == n)
        memcpy(s, enc, m);
}
