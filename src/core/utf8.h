/* utf8: the text rules of the kiosk, on NUL-terminated UTF-8 strings.
 *
 * Everything typed on the kiosk or read from a stick passes through here before it is stored
 * or shown. No function allocates; output goes into caller buffers of a stated size and is
 * always NUL-terminated (a size of 0 writes nothing). Truncation never splits a character.
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_UTF8_H
#define VM_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at `s` (at most `len` bytes). Returns the number of bytes used and
 * stores the code point in `*cp`; on an invalid or truncated sequence returns 1 and stores
 * 0xFFFD (so a caller always moves on; a real U+FFFD in the input uses 3 bytes). Overlong
 * forms, surrogates and values above 0x10FFFF are invalid. With `len` 0 returns 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes `cp` into `out` (room for 4 bytes). Returns the number of bytes, 0 if invalid. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True when the whole string is valid UTF-8. */
bool utf8_valid(const char *s, size_t len);

/* Number of code points in a valid string (in an invalid one, each bad byte counts as one). */
size_t utf8_length(const char *s);

/* Byte length of the longest prefix of `s` that holds at most `max_chars` code points and
 * at most `max_bytes` bytes, ending on a character boundary. */
size_t utf8_prefix_bytes(const char *s, size_t max_chars, size_t max_bytes);

/* Byte offset of the start of the last code point in s[0..len), or 0 when len is 0.
 * Used by backspace. */
size_t utf8_last_char_start(const char *s, size_t len);

/* Copies `in` into `out` (size `out_size`) as clean text for one line: invalid bytes become
 * U+FFFD, control characters (C0, C1, DEL, and the bidi overrides U+202A..U+202E,
 * U+2066..U+2069) and the byte order mark U+FEFF are dropped, every run of white space
 * (incl. tabs, line breaks, no-break and other Unicode spaces) becomes one space, and leading
 * and trailing space is trimmed. Returns the number of characters dropped or replaced, so a
 * caller can say "cleaned" in a log; white space tidied and characters cut off for want of
 * room are not counted (compare lengths to tell a cut). `in` NULL is taken as "". */
size_t utf8_clean_line(const char *in, char *out, size_t out_size);

/* Like utf8_clean_line, but keeps line breaks ("\n"; "\r\n", "\r", VT, FF, NEL, U+2028/9
 * become "\n"), for descriptions. Spaces at the start and end of each line are trimmed, runs
 * of blank lines collapse to one blank line, and blank lines at the start and end go. */
size_t utf8_clean_text(const char *in, char *out, size_t out_size);

/* Converts Windows-1252 bytes (what Danish Excel writes as "CSV") into UTF-8. Returns the
 * number of bytes written (without the NUL), or (size_t)-1 if `out_size` was too small (then
 * `out` holds "" when it has room for it). The five undefined bytes (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) become U+FFFD. A 0x00 byte is copied as it is (and ends the string for C): clean the
 * result before use. */
size_t utf8_from_cp1252(const char *in, size_t len, char *out, size_t out_size);

/* True when the code point is a letter, digit, mark or symbol a name may hold: not a control
 * character, not white space, not an invisible format character (bidi marks, zero-width
 * space, BOM; the joiners ZWNJ/ZWJ are kept for Persian and Indic spelling), not U+FFFD,
 * private use or a noncharacter, and not an emoji or pictograph (the emoji blocks, dingbats,
 * misc symbols, arrows, variation selectors, keycap, tags): names are printed and shown in
 * fonts without emoji. */
bool utf8_is_name_char(uint32_t cp);

/* ASCII/Latin-1-aware case folding for comparing names typed on the kiosk: lower-cases A-Z,
 * the Latin-1 capitals (Æ Ø Å É ...) and Latin Extended-A (Ł Ş Ğ İ ...: Polish, Turkish),
 * leaves the rest (invalid bytes are copied as they are). Writes into `out` like above. */
void utf8_fold_case(const char *in, char *out, size_t out_size);

/* The simple lower/upper case of one code point for the same ranges as utf8_fold_case
 * (İ lowers to i; ß and ı have no single-letter upper case and stay); others unchanged. */
uint32_t utf8_lower_cp(uint32_t cp);
uint32_t utf8_upper_cp(uint32_t cp);

/* Copies `in` (NULL = "") into `out` of `out_size` bytes, cut on a character boundary when it
 * does not fit. Returns the bytes copied (without the NUL). */
size_t utf8_copy(char *out, size_t out_size, const char *in);

/* Makes sure a string in a buffer of `size` bytes is NUL-terminated within it and does not
 * end in the first bytes of a character cut short (as snprintf may leave it). */
void utf8_truncate(char *s, size_t size);

#endif
