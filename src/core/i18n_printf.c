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

/* ---- isolating what is put into a right-to-left sentence ----
 *
 * "السعر: %s" with "35 kr., børn 15 kr." would be drawn, by the Unicode Bidirectional
 * Algorithm, with "35" taken for an Arabic number and moved away from its "kr.". Text that a
 * right-to-left sentence takes in is isolated (U+2068 FIRST STRONG ISOLATE ... U+2069 POP
 * DIRECTIONAL ISOLATE, as UAX #9 advises), so it keeps its own order; the ui's bidi draws the
 * marks as nothing. Only %s arguments with a left-to-right letter in them are isolated:
 * numbers and Arabic words need nothing. */

#define MARK_OPEN "\xEF\xB7\x90"  /* U+FDD0, a noncharacter: never in text */
#define MARK_CLOSE "\xEF\xB7\x91" /* U+FDD1 */
#define FSI "\xE2\x81\xA8"        /* U+2068 */
#define PDI "\xE2\x81\xA9"        /* U+2069 */
#define FORMAT_MAX 1024

static bool rtl_letter(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDCF) ||
           (cp >= 0xFDF0 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

static bool ltr_letter(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !rtl_letter(cp) &&
           !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
           !(cp >= 0xFDD0 && cp <= 0xFDEF) && !(cp >= 0x0660 && cp <= 0x0669);
}

static bool has_rtl_letter(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        if (rtl_letter(cp))
            return true;
    }
    return false;
}

/* `fmt` with every %s conversion between MARK_OPEN and MARK_CLOSE; false when it does not
 * fit or has none. */
static bool mark_string_args(const char *fmt, char *out, size_t size)
{
    size_t k = 0;
    bool any = false;
    for (const char *p = fmt; *p;) {
        if (*p != '%' || p[1] == '%') {
            size_t n = *p == '%' ? 2 : 1;
            if (k + n >= size)
                return false;
            memcpy(out + k, p, n);
            k += n;
            p += n;
            continue;
        }
        const char *q = p + 1;
        while (*q && !strchr("diouxXeEfFgGaAcspn", *q))
            q++;
        bool str = *q == 's';
        size_t n = (size_t)(q - p) + (*q ? 1 : 0);
        if (k + n + (str ? 6 : 0) >= size)
            return false;
        if (str)
            memcpy(out + k, MARK_OPEN, 3), k += 3;
        memcpy(out + k, p, n);
        k += n;
        if (str)
            memcpy(out + k, MARK_CLOSE, 3), k += 3;
        any |= str;
        p += n;
    }
    out[k] = '\0';
    return any;
}

/* Turns the marks in `s` into isolates around text with a left-to-right letter, and drops
 * the others. */
static void isolate_marked(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        if (memcmp(r, MARK_OPEN, 3) == 0) {
            char *end = strstr(r + 3, MARK_CLOSE);
            size_t inner = end ? (size_t)(end - r - 3) : strlen(r + 3);
            bool ltr = false;
            for (size_t i = 0; i < inner;) {
                uint32_t cp;
                i += utf8_decode(r + 3 + i, inner - i, &cp);
                ltr |= ltr_letter(cp);
            }
            if (ltr)
                memcpy(w, FSI, 3), w += 3;
            memmove(w, r + 3, inner);
            w += inner;
            r += 3 + inner;
            if (end) {
                if (ltr)
                    memcpy(w, PDI, 3), w += 3;
                r += 3;
            }
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
}

int i18n_format(char *out, size_t size, const char *fmt, ...)
{
    char marked[FORMAT_MAX];
    bool isolate = has_rtl_letter(fmt) && mark_string_args(fmt, marked, sizeof marked);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, size, isolate ? marked : fmt, ap);
    va_end(ap);
    if (size > 0 && n >= 0 && (size_t)n >= size)
        utf8_truncate(out, size);
    if (isolate && size > 0)
        isolate_marked(out);
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
