#include "core/utf8.h"

#include <string.h>

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *cp = 0xFFFD;
        return 0;
    }
    unsigned char b0 = u[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 2;
        v = b0 & 0x1Fu;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 3;
        v = b0 & 0x0Fu;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 4;
        v = b0 & 0x07u;
        min = 0x10000;
    } else {
        /* a stray continuation byte, C0/C1 (always overlong), or F5..FF */
        *cp = 0xFFFD;
        return 1;
    }
    if (len < need) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return need;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

/* True when the bytes at s decode to a real character, not the replacement of an error. */
static size_t decode_checked(const char *s, size_t len, uint32_t *cp, bool *bad)
{
    size_t n = utf8_decode(s, len, cp);
    /* A literal U+FFFD in the input is 3 bytes; an error is always 1. */
    *bad = (*cp == 0xFFFD && n == 1);
    return n;
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        bool bad;
        i += decode_checked(s + i, len - i, &cp, &bad);
        if (bad)
            return false;
    }
    return true;
}

size_t utf8_length(const char *s)
{
    size_t len = strlen(s), i = 0, n = 0;
    while (i < len) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        n++;
    }
    return n;
}

size_t utf8_prefix_bytes(const char *s, size_t max_chars, size_t max_bytes)
{
    size_t len = strlen(s), i = 0, chars = 0;
    while (i < len && chars < max_chars) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (i + n > max_bytes)
            break;
        i += n;
        chars++;
    }
    return i;
}

size_t utf8_last_char_start(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t start = len - 1;
    /* step back over at most three continuation bytes */
    while (start > 0 && len - start < 4 && (u[start] & 0xC0) == 0x80)
        start--;
    uint32_t cp;
    if (utf8_decode(s + start, len - start, &cp) == len - start)
        return start;
    /* the tail is not one whole character: backspace removes the last byte alone */
    return len - 1;
}

static bool is_space_cp(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

static bool is_line_break_cp(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029 ||
           cp == '\v' || cp == '\f';
}

/* Characters dropped from clean text: C0, DEL, C1, the bidi embeddings/overrides/isolates
 * (which can make a name display as something else), and the byte order mark Excel puts in
 * front of a UTF-8 file (invisible, and it would make two equal names differ). */
static bool is_dropped_cp(uint32_t cp)
{
    if (is_space_cp(cp))
        return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static size_t clean(const char *in, char *out, size_t out_size, bool keep_lines)
{
    size_t changed = 0;
    if (out_size == 0)
        out = NULL;
    size_t len = in ? strlen(in) : 0, i = 0, o = 0;
    bool started = false, pending_space = false, prev_cr = false, full = false;
    int pending_breaks = 0;
    while (i < len && !full) {
        uint32_t cp;
        bool bad;
        size_t n = decode_checked(in + i, len - i, &cp, &bad);
        i += n;
        bool was_cr = prev_cr;
        prev_cr = false;
        if (bad) {
            changed++;
            cp = 0xFFFD;
        } else if (is_dropped_cp(cp)) {
            changed++;
            continue;
        } else if (is_space_cp(cp)) {
            if (keep_lines && is_line_break_cp(cp)) {
                if (cp == '\r')
                    prev_cr = true;
                else if (cp == '\n' && was_cr)
                    continue; /* the second half of a CRLF */
                pending_breaks++;
                pending_space = false;
            } else if (!(keep_lines && pending_breaks > 0)) {
                pending_space = true; /* spaces at the start of a line are dropped below */
            }
            continue;
        }
        char enc[4];
        size_t elen = utf8_encode(cp, enc);
        char sep[2];
        size_t slen = 0;
        if (started && pending_breaks > 0) {
            sep[0] = '\n';
            sep[1] = '\n';
            slen = pending_breaks > 1 ? 2 : 1;
        } else if (started && pending_space) {
            sep[0] = ' ';
            slen = 1;
        }
        pending_breaks = 0;
        pending_space = false;
        if (!out || o + slen + elen > out_size - 1) {
            full = true;
            break;
        }
        memcpy(out + o, sep, slen);
        o += slen;
        memcpy(out + o, enc, elen);
        o += elen;
        started = true;
    }
    if (out)
        out[o] = '\0';
    return changed;
}

size_t utf8_clean_line(const char *in, char *out, size_t out_size)
{
    return clean(in, out, out_size, false);
}

size_t utf8_clean_text(const char *in, char *out, size_t out_size)
{
    return clean(in, out, out_size, true);
}

/* Windows-1252 0x80..0x9F; 0 marks the five bytes the code page leaves undefined. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

size_t utf8_from_cp1252(const char *in, size_t len, char *out, size_t out_size)
{
    const unsigned char *u = (const unsigned char *)in;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = u[i];
        if (cp >= 0x80 && cp <= 0x9F) {
            cp = cp1252_high[cp - 0x80];
            if (cp == 0)
                cp = 0xFFFD;
        }
        char enc[4];
        size_t n = utf8_encode(cp, enc);
        if (o + n + 1 > out_size) {
            if (out_size > 0)
                out[0] = '\0';
            return (size_t)-1;
        }
        memcpy(out + o, enc, n);
        o += n;
    }
    if (out_size == 0)
        return (size_t)-1;
    out[o] = '\0';
    return o;
}

/* Blocks of emoji, pictographs and emoji-forming marks; names are printed in Noto Sans,
 * which has none of them, so they would show as empty boxes. */
static bool is_pictograph(uint32_t cp)
{
    return (cp >= 0x2190 && cp <= 0x21FF) ||   /* arrows (↔ ↩ are emoji) */
           (cp >= 0x2300 && cp <= 0x23FF) ||   /* misc technical: ⌚ ⌛ ⏰ */
           (cp >= 0x25A0 && cp <= 0x27BF) ||   /* geometric shapes, misc symbols, dingbats */
           (cp >= 0x2900 && cp <= 0x297F) ||   /* supplemental arrows-B (⤴) */
           (cp >= 0x2B00 && cp <= 0x2BFF) ||   /* misc symbols and arrows: ⭐ ⬛ */
           cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299 ||
           cp == 0x20E3 ||                     /* keycap */
           (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors (emoji style) */
           (cp >= 0x1F000 && cp <= 0x1FBFF) || /* all the emoji planes' blocks */
           (cp >= 0xE0000 && cp <= 0xE007F);   /* tags (flag sequences) */
}

bool utf8_is_name_char(uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_space_cp(cp))
        return false;
    /* invisible format characters that could make one name look like another */
    if ((cp >= 0x200B && cp <= 0x200F && cp != 0x200C && cp != 0x200D) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
        cp == 0x061C || cp == 0xFFFD)
        return false;
    /* private use and noncharacters: no font shows them */
    if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
        (cp & 0xFFFE) == 0xFFFE)
        return false;
    return !is_pictograph(cp);
}

uint32_t utf8_lower_cp(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x130)
            return 'i'; /* Turkish İ */
        if (cp == 0x178)
            return 0xFF; /* Ÿ */
        if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
            return (cp % 2 == 0) ? cp + 1 : cp;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp % 2 == 1) ? cp + 1 : cp;
    }
    return cp;
}

uint32_t utf8_upper_cp(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'z')
        return cp - 32;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        return cp - 32;
    if (cp == 0xFF)
        return 0x178;
    if (cp == 0x131)
        return 'I'; /* dotless ı: its capital is the plain I */
    if (cp >= 0x100 && cp <= 0x17F) {
        if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
            return (cp % 2 == 1) ? cp - 1 : cp;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp % 2 == 0) ? cp - 1 : cp;
    }
    return cp;
}

void utf8_fold_case(const char *in, char *out, size_t out_size)
{
    if (out_size == 0)
        return;
    size_t len = in ? strlen(in) : 0, i = 0, o = 0;
    while (i < len) {
        uint32_t cp;
        bool bad;
        size_t n = decode_checked(in + i, len - i, &cp, &bad);
        char enc[4];
        size_t elen;
        if (bad) {
            enc[0] = in[i]; /* an invalid byte is kept as it is: folding only compares */
            elen = 1;
        } else {
            elen = utf8_encode(utf8_lower_cp(cp), enc);
        }
        if (o + elen > out_size - 1)
            break;
        memcpy(out + o, enc, elen);
        o += elen;
        i += n;
    }
    out[o] = '\0';
}

size_t utf8_copy(char *out, size_t out_size, const char *in)
{
    if (out_size == 0)
        return 0;
    if (!in)
        in = "";
    size_t n = utf8_prefix_bytes(in, (size_t)-1, out_size - 1);
    memcpy(out, in, n);
    out[n] = '\0';
    return n;
}

void utf8_truncate(char *s, size_t size)
{
    if (size == 0)
        return;
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strnlen(s, size - 1);
    /* find the lead byte of the last character and cut it if its bytes run past n */
    size_t k = n;
    while (k > 0 && n - k < 4 && (u[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0) {
        unsigned char lead = u[k - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (lead >= 0xC0 && n - (k - 1) < need)
            n = k - 1;
    }
    s[n] = '\0';
}
