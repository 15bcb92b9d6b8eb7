#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <string.h>

#include "core/utf8.h"

static void decode_valid_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_decode("\xc3\xa6", 2, &cp), 2); /* æ */
    assert_int_equal(cp, 0xE6);
    assert_int_equal(utf8_decode("\xe2\x82\xac", 3, &cp), 3); /* € */
    assert_int_equal(cp, 0x20AC);
    assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4); /* 😀 */
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(utf8_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4); /* U+10FFFF */
    assert_int_equal(cp, 0x10FFFF);
    assert_int_equal(utf8_decode("\xef\xbf\xbd", 3, &cp), 3); /* a real U+FFFD */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(utf8_decode("", 0, &cp), 0);
}

static void decode_rejects_invalid(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t len;
    } bad[] = {
        {"\x80", 1},                 /* lone continuation */
        {"\xbf", 1},
        {"\xc0\x80", 2},             /* overlong NUL */
        {"\xc1\xbf", 2},             /* overlong */
        {"\xe0\x80\xaf", 3},         /* overlong '/' */
        {"\xe0\x9f\xbf", 3},         /* overlong U+07FF */
        {"\xf0\x80\x80\xaf", 4},     /* overlong '/' */
        {"\xf0\x8f\xbf\xbf", 4},     /* overlong U+FFFF */
        {"\xed\xa0\x80", 3},         /* surrogate D800 */
        {"\xed\xbf\xbf", 3},         /* surrogate DFFF */
        {"\xf4\x90\x80\x80", 4},     /* U+110000 */
        {"\xf5\x80\x80\x80", 4},
        {"\xfe", 1},
        {"\xff", 1},
        {"\xc3", 1},                 /* truncated */
        {"\xe2\x82", 2},
        {"\xc3\x41", 2},             /* continuation missing */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp = 0;
        assert_int_equal(utf8_decode(bad[i].s, bad[i].len, &cp), 1);
        assert_int_equal(cp, 0xFFFD);
        assert_false(utf8_valid(bad[i].s, bad[i].len));
    }
    /* the length limit is honoured even if more bytes follow in memory */
    uint32_t cp;
    assert_int_equal(utf8_decode("\xc3\xa6", 1, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
}

static void encode_round_trip(void **state)
{
    (void)state;
    const uint32_t cps[] = {0, 'a', 0x7F, 0x80, 0xE5, 0x7FF, 0x800, 0xFFFD, 0xFFFF, 0x10000,
                            0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        size_t n = utf8_encode(cps[i], buf);
        assert_true(n >= 1 && n <= 4);
        uint32_t back;
        assert_int_equal(utf8_decode(buf, n, &back), n);
        assert_int_equal(back, cps[i]);
    }
    char buf[4];
    assert_int_equal(utf8_encode(0xD800, buf), 0);
    assert_int_equal(utf8_encode(0xDFFF, buf), 0);
    assert_int_equal(utf8_encode(0x110000, buf), 0);
}

static void valid_and_length(void **state)
{
    (void)state;
    const char *s = "Bøgevej 12, Århus – 5 €";
    assert_true(utf8_valid(s, strlen(s)));
    assert_int_equal(utf8_length(s), 23);
    assert_int_equal(utf8_length(""), 0);
    assert_int_equal(utf8_length("\xff" "a"), 2);
    assert_false(utf8_valid("ok\xc3(", 5));
}

static void prefix_never_splits(void **state)
{
    (void)state;
    const char *s = "æøå"; /* 6 bytes, 3 chars */
    assert_int_equal(utf8_prefix_bytes(s, 2, 100), 4);
    assert_int_equal(utf8_prefix_bytes(s, 10, 5), 4); /* 5 bytes would split the å */
    assert_int_equal(utf8_prefix_bytes(s, 10, 1), 0);
    assert_int_equal(utf8_prefix_bytes(s, 0, 100), 0);
    assert_int_equal(utf8_prefix_bytes("a😀b", 10, 4), 1);
    assert_int_equal(utf8_prefix_bytes("a😀b", 10, 5), 5);

    char out[5];
    assert_int_equal(utf8_copy(out, sizeof out, "aæøå"), 3); /* "aæ" + no room for ø */
    assert_string_equal(out, "aæ");
    assert_int_equal(utf8_copy(out, 0, "x"), 0);
    assert_int_equal(utf8_copy(out, sizeof out, NULL), 0);
    assert_string_equal(out, "");

    /* utf8_truncate mends what snprintf leaves */
    char cut[8] = "abc\xc3"; /* what snprintf leaves of "abcø" in 5 bytes */
    utf8_truncate(cut, 5);
    assert_string_equal(cut, "abc");
    char whole[8] = "abø";
    utf8_truncate(whole, sizeof whole);
    assert_string_equal(whole, "abø");
    char emoji[8] = "a\xf0\x9f\x98";
    utf8_truncate(emoji, sizeof emoji);
    assert_string_equal(emoji, "a");
}

static void last_char_start_for_backspace(void **state)
{
    (void)state;
    assert_int_equal(utf8_last_char_start("", 0), 0);
    assert_int_equal(utf8_last_char_start("ab", 2), 1);
    assert_int_equal(utf8_last_char_start("aø", 3), 1);
    assert_int_equal(utf8_last_char_start("a€", 4), 1);
    assert_int_equal(utf8_last_char_start("a😀", 5), 1);
    assert_int_equal(utf8_last_char_start("ø", 2), 0);
    /* a broken tail goes one byte at a time */
    assert_int_equal(utf8_last_char_start("a\x80\x80", 3), 2);
}

static void clean_line_rules(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(utf8_clean_line("  Hanne \t Jensen\n", out, sizeof out), 0);
    assert_string_equal(out, "Hanne Jensen");
    /* controls and bidi overrides dropped, counted */
    assert_int_equal(utf8_clean_line("Ali\x01\x7f\xc2\x85" "ce", out, sizeof out), 2);
    assert_string_equal(out, "Ali ce"); /* NEL (U+0085) is a line break: a space */
    assert_int_equal(utf8_clean_line("\xe2\x80\xae" "evil\xe2\x80\xac", out, sizeof out), 2);
    assert_string_equal(out, "evil");
    assert_int_equal(utf8_clean_line("a\xe2\x81\xa6" "b\xe2\x81\xa9", out, sizeof out), 2);
    assert_string_equal(out, "ab");
    assert_int_equal(utf8_clean_line("\xc2\x9b" "x", out, sizeof out), 1); /* C1 CSI */
    assert_string_equal(out, "x");
    /* a BOM in front, as Excel writes it */
    assert_int_equal(utf8_clean_line("\xef\xbb\xbfNavn", out, sizeof out), 1);
    assert_string_equal(out, "Navn");
    /* invalid bytes become U+FFFD */
    assert_int_equal(utf8_clean_line("S\xf8ren", out, sizeof out), 1);
    assert_string_equal(out, "S\xef\xbf\xbdren");
    /* unicode spaces fold into one */
    assert_int_equal(utf8_clean_line("a\xc2\xa0\xe2\x80\x83 b", out, sizeof out), 0);
    assert_string_equal(out, "a b");
    assert_int_equal(utf8_clean_line(" \t\n ", out, sizeof out), 0);
    assert_string_equal(out, "");
    assert_int_equal(utf8_clean_line(NULL, out, sizeof out), 0);
    assert_string_equal(out, "");
    /* Persian zero-width non-joiner is kept: it belongs to the spelling */
    assert_int_equal(utf8_clean_line("\xd9\x85\xe2\x80\x8c\xd9\x85", out, sizeof out), 0);
    assert_string_equal(out, "\xd9\x85\xe2\x80\x8c\xd9\x85");
}

static void clean_line_truncates_on_boundary(void **state)
{
    (void)state;
    char out[6];
    utf8_clean_line("ææææ", out, sizeof out); /* room for 5 bytes: two æ */
    assert_string_equal(out, "ææ");
    /* characters are cut, not words */
    utf8_clean_line("abc defgh", out, sizeof out);
    assert_string_equal(out, "abc d");
    /* and no dangling space when the next character does not fit */
    utf8_clean_line("abc Ã¦Ã¦", out, sizeof out);
    assert_string_equal(out, "abc");
    char one[1];
    utf8_clean_line("abc", one, sizeof one);
    assert_string_equal(one, "");
    utf8_clean_line("abc", NULL, 0); /* size 0 writes nothing */
}

static void clean_text_keeps_paragraphs(void **state)
{
    (void)state;
    char out[128];
    assert_int_equal(utf8_clean_text("\r\n Line one  \r\nline two\r\r\r\n\nlast\t\n\n", out,
                                     sizeof out),
                     0);
    assert_string_equal(out, "Line one\nline two\n\nlast");
    assert_int_equal(utf8_clean_text("a\rb\x0b" "c\x07", out, sizeof out), 1);
    assert_string_equal(out, "a\nb\nc");
}

static void cp1252_conversion(void **state)
{
    (void)state;
    char out[64];
    /* "Bøgevej æ Å € – “x”" as Danish Excel writes it */
    const char in[] = "B\xf8gevej \xe6 \xc5 \x80 \x96 \x93x\x94";
    size_t n = utf8_from_cp1252(in, sizeof in - 1, out, sizeof out);
    assert_string_equal(out, "Bøgevej æ Å € – “x”");
    assert_int_equal(n, strlen(out));
    /* the five undefined bytes */
    const char undef[] = "\x81\x8d\x8f\x90\x9d";
    n = utf8_from_cp1252(undef, 5, out, sizeof out);
    assert_int_equal(n, 15);
    assert_string_equal(out, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    /* every byte converts to valid UTF-8 */
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)(i == 0 ? ' ' : i);
    char big[1024];
    n = utf8_from_cp1252(all, 256, big, sizeof big);
    assert_true(n != (size_t)-1);
    assert_true(utf8_valid(big, n));
    assert_int_equal(utf8_length(big), 256);
    /* too small */
    assert_int_equal(utf8_from_cp1252("\xe6\xe6", 2, out, 4), (size_t)-1);
    assert_int_equal(utf8_from_cp1252("\xe6\xe6", 2, out, 5), 4);
}

static void name_chars(void **state)
{
    (void)state;
    const uint32_t ok[] = {'a', 'Z', '0', '-', '.', '\'', 0xE6, 0xF8, 0xE5, 0xC5, 0xE9,
                           0x0627 /* Arabic alef */, 0x06CC /* Persian yeh */, 0x0301,
                           0x015F /* ş */, 0x0142 /* ł */, 0x4E2D, 0x200C};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        assert_true(utf8_is_name_char(ok[i]));
    const uint32_t bad[] = {0, '\n', '\t', ' ', 0x7F, 0x85, 0xA0, 0x202E, 0x2066, 0x200B,
                            0x200F, 0xFEFF, 0xFFFD, 0xD800, 0x110000, 0xE000,
                            0x1F600 /* 😀 */, 0x1F44D /* 👍 */, 0x2764 /* ❤ */,
                            0x2600 /* ☀ */, 0x2B50 /* ⭐ */, 0xFE0F, 0x1F1E9 /* flag */,
                            0x1F3FB /* skin tone */, 0x231A /* ⌚ */, 0x20E3, 0xE0067};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(utf8_is_name_char(bad[i]));
}

static void fold_case_for_names(void **state)
{
    (void)state;
    char out[64];
    utf8_fold_case("ÆBLE Øst ÅSE Émile", out, sizeof out);
    assert_string_equal(out, "æble øst åse émile");
    utf8_fold_case("ŁÓDŹ İSTANBUL ŞÜKRÜ", out, sizeof out);
    assert_string_equal(out, "łódź istanbul şükrü");
    utf8_fold_case("×÷ß", out, sizeof out); /* not letters with a case, or none single */
    assert_string_equal(out, "×÷ß");
    utf8_fold_case("AØ", out, 3); /* room for "a" and not a whole ø */
    assert_string_equal(out, "a");
    assert_int_equal(utf8_upper_cp(0xE6), 0xC6);
    assert_int_equal(utf8_upper_cp(0xFF), 0x178);
    assert_int_equal(utf8_upper_cp(0x15F), 0x15E);
    assert_int_equal(utf8_lower_cp(0x178), 0xFF);
    assert_int_equal(utf8_upper_cp(0xDF), 0xDF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decode_valid_sequences),
        cmocka_unit_test(decode_rejects_invalid),
        cmocka_unit_test(encode_round_trip),
        cmocka_unit_test(valid_and_length),
        cmocka_unit_test(prefix_never_splits),
        cmocka_unit_test(last_char_start_for_backspace),
        cmocka_unit_test(clean_line_rules),
        cmocka_unit_test(clean_line_truncates_on_boundary),
        cmocka_unit_test(clean_text_keeps_paragraphs),
        cmocka_unit_test(cp1252_conversion),
        cmocka_unit_test(name_chars),
        cmocka_unit_test(fold_case_for_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
