#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalogs.h"
#include "core/i18n.h"
#include "core/utf8.h"

#define HEADER(lang, forms)                                                    \
    "msgid \"\"\n"                                                             \
    "msgstr \"\"\n"                                                            \
    "\"Language: " lang "\\n\"\n"                                              \
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"                         \
    "\"Plural-Forms: " forms "\\n\"\n\n"

static i18n_catalog *parse(const char *lang, const char *text, vm_err *err)
{
    return i18n_catalog_parse(lang, text, strlen(text), err);
}

static i18n_catalog *parse_ok(const char *lang, const char *text)
{
    vm_err err = {0};
    i18n_catalog *cat = parse(lang, text, &err);
    if (!cat)
        fail_msg("parse failed: %s", err.msg);
    return cat;
}

static void parses_the_format(void **state)
{
    (void)state;
    const char *po =
        "# a translator comment\n"
        HEADER("da", "nplurals=2; plural=(n != 1);")
        "#. extracted comment\n"
        "#: src/ui/home.c:12\n"
        "msgid \"Join\"\n"
        "msgstr \"Tilmeld\"\n"
        "\n"
        "msgid \"\"\n"
        "\"A long \"\n"
        "\"text\"\n"
        "msgstr \"\"\n"
        "\"En lang \"\n"
        "\"tekst\"\n"
        "msgid \"Escapes\"\n" /* no blank line between entries */
        "msgstr \"a\\nb\\t\\\"c\\\" \\\\ \\101\\x42 \\303\\246\"\n"
        "\n"
        "msgctxt \"button\"\n"
        "msgid \"Back\"\n"
        "msgstr \"Tilbage\"\n"
        "\n"
        "msgctxt \"direction\"\n"
        "msgid \"Back\"\n"
        "msgstr \"Bagud\"\n"
        "\n"
        "msgid \"Back\"\n"
        "msgstr \"Tilbage (uden kontekst)\"\n"
        "\n"
        "#, c-format\n"
        "msgid \"%d place left\"\n"
        "msgid_plural \"%d places left\"\n"
        "msgstr[0] \"%d ledig plads\"\n"
        "msgstr[1] \"%d ledige pladser\"\n"
        "\n"
        "#, fuzzy\n"
        "msgid \"Cancel\"\n"
        "msgstr \"Afmeld\"\n"
        "\n"
        "#~ msgid \"Old\"\n"
        "#~ msgstr \"Gammel\"\n"
        "\n"
        "msgid \"Untranslated\"\n"
        "msgstr \"\"\n"
        "   msgid   \"Indented\"   \n"
        "msgstr \"Indrykket\"\n";
    i18n_catalog *cat = parse_ok("da", po);
    assert_string_equal(i18n_text(cat, "Join"), "Tilmeld");
    assert_string_equal(i18n_text(cat, "A long text"), "En lang tekst");
    assert_string_equal(i18n_text(cat, "Escapes"), "a\nb\t\"c\" \\ AB æ");
    assert_string_equal(i18n_text_ctx(cat, "button", "Back"), "Tilbage");
    assert_string_equal(i18n_text_ctx(cat, "direction", "Back"), "Bagud");
    assert_string_equal(i18n_text(cat, "Back"), "Tilbage (uden kontekst)");
    assert_string_equal(i18n_text_ctx(cat, "other", "Back"), "Back");
    assert_string_equal(i18n_plural(cat, "%d place left", "%d places left", 1),
                        "%d ledig plads");
    assert_string_equal(i18n_plural(cat, "%d place left", "%d places left", 3),
                        "%d ledige pladser");
    assert_string_equal(i18n_plural(cat, "%d place left", "%d places left", 0),
                        "%d ledige pladser");
    /* fuzzy and obsolete entries are not used */
    assert_string_equal(i18n_text(cat, "Cancel"), "Cancel");
    assert_string_equal(i18n_text(cat, "Old"), "Old");
    assert_string_equal(i18n_text(cat, "Indented"), "Indrykket");
    size_t translated = 0;
    /* Join, A long text, Escapes, Back x3, plural, Cancel (fuzzy), Untranslated, Indented */
    assert_int_equal(i18n_count(cat, &translated), 10);
    assert_int_equal(translated, 8);
    assert_int_equal(i18n_dropped(cat, NULL), 0);
    assert_string_equal(i18n_lang(cat), "da");
    assert_string_equal(i18n_lang_name(cat), "Dansk");
    i18n_catalog_free(cat);
}

static void crlf_bom_and_no_header(void **state)
{
    (void)state;
    const char *po = "\xef\xbb\xbfmsgid \"Yes\"\r\nmsgstr \"Ja\"\r\n\r\nmsgid \"No\"\r\n"
                     "msgstr \"Nej\"";  /* and no newline at the end */
    i18n_catalog *cat = parse_ok("da", po);
    assert_string_equal(i18n_text(cat, "Yes"), "Ja");
    assert_string_equal(i18n_text(cat, "No"), "Nej");
    assert_int_equal(i18n_nplurals(cat), 2); /* Danish from the built-in table */
    i18n_catalog_free(cat);

    cat = parse_ok("da", "");
    assert_int_equal(i18n_count(cat, NULL), 0);
    assert_string_equal(i18n_text(cat, "Yes"), "Yes");
    i18n_catalog_free(cat);

    /* the language can come from the header */
    cat = parse_ok(NULL, HEADER("so", "nplurals=2; plural=(n != 1);"));
    assert_string_equal(i18n_lang(cat), "so");
    assert_string_equal(i18n_lang_name(cat), "Soomaali");
    i18n_catalog_free(cat);
}

static void expect_syntax_error(const char *po, int line)
{
    vm_err err = {0};
    i18n_catalog *cat = parse("da", po, &err);
    if (cat) {
        i18n_catalog_free(cat);
        fail_msg("accepted: %s", po);
    }
    assert_int_equal(err.status, VM_ERR_INVALID);
    if (line > 0) {
        char want[32];
        snprintf(want, sizeof want, "line %d:", line);
        if (!strstr(err.msg, want))
            fail_msg("'%s' does not say %s", err.msg, want);
    }
}

static void syntax_errors(void **state)
{
    (void)state;
    expect_syntax_error("msgid \"open\n", 1);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstrx \"b\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgtxt \"b\"\n", 2);
    expect_syntax_error("msgstr \"b\"\n", 1);
    expect_syntax_error("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", 3);
    expect_syntax_error("msgid \"a\"\n", 2); /* at the end */
    expect_syntax_error("msgid \"a\"\nmsgstr[0] \"b\"\n", 0);
    expect_syntax_error("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n", 0);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\\q\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\\0\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\\x\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\" x\n", 2);
    expect_syntax_error("msgid a\nmsgstr \"b\"\n", 1);
    expect_syntax_error("\"stray\"\nmsgid \"a\"\nmsgstr \"b\"\n", 1);
    expect_syntax_error("msgid \"a\"\nmsgstr[9] \"b\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstr[x] \"b\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", 3);
    expect_syntax_error("msgid \"a\"\nmsgctxt \"c\"\nmsgstr \"b\"\n", 2);
    expect_syntax_error("msgid \"a\"\nmsgstr \"b\"\nmsgid_plural \"as\"\n", 3);
    /* twice the same message is an error; with different contexts it is not */
    vm_err err = {0};
    assert_null(parse("da", "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", &err));
    assert_non_null(strstr(err.msg, "\"a\""));
    assert_non_null(strstr(err.msg, "twice"));
    i18n_catalog *ok = parse_ok(
        "da", "msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n");
    i18n_catalog_free(ok);
    /* two headers */
    expect_syntax_error(HEADER("da", "nplurals=2; plural=n != 1;")
                            HEADER("da", "nplurals=2; plural=n != 1;"), 0);
    /* a NUL byte inside */
    assert_null(i18n_catalog_parse("da", "msgid \"a\"\0msgstr \"b\"\n", 20, &err));
    /* err may be NULL */
    assert_null(i18n_catalog_parse("da", "msgid \"a\n", 9, NULL));
}

static void plural_rules(void **state)
{
    (void)state;
    static const char *const ar_forms[6] = {"zero", "one", "two", "few", "many", "other"};
    char po[2048];
    snprintf(po, sizeof po,
             HEADER("ar", "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                          "n%%100>=3 && n%%100<=10 ? 3 : n%%100>=11 ? 4 : 5);")
             "msgid \"%%d day\"\nmsgid_plural \"%%d days\"\n"
             "msgstr[0] \"%s\"\nmsgstr[1] \"%s\"\nmsgstr[2] \"%s\"\n"
             "msgstr[3] \"%%d %s\"\nmsgstr[4] \"%%d %s\"\nmsgstr[5] \"%%d %s\"\n",
             ar_forms[0], ar_forms[1], ar_forms[2], ar_forms[3], ar_forms[4], ar_forms[5]);
    i18n_catalog *ar = parse_ok("ar", po);
    assert_int_equal(i18n_dropped(ar, NULL), 0); /* forms 0-2 may leave the number out */
    static const struct {
        long n;
        int form;
    } cases[] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {10, 3}, {11, 4}, {99, 4}, {100, 5},
                 {101, 5}, {102, 5}, {103, 3}, {111, 4}, {1000, 5}, {-1, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = i18n_plural(ar, "%d day", "%d days", cases[i].n);
        if (!strstr(got, ar_forms[cases[i].form]))
            fail_msg("ar n=%ld gave '%s'", cases[i].n, got);
    }
    assert_int_equal(i18n_nplurals(ar), 6);
    assert_true(i18n_right_to_left(ar));
    assert_string_equal(i18n_lang_name(ar), "العربية");
    i18n_catalog_free(ar);

    /* built-in rules when the header has none */
    const char *body = "msgid \"%d day\"\nmsgid_plural \"%d days\"\n"
                       "msgstr[0] \"A%d\"\nmsgstr[1] \"B%d\"\nmsgstr[2] \"C%d\"\n";
    i18n_catalog *pl = parse_ok("pl", body);
    const long pl_n[] = {1, 2, 4, 5, 12, 21, 22, 24, 25, 112, 122, 0};
    const char pl_form[] = {'A', 'B', 'B', 'C', 'C', 'C', 'B', 'B', 'C', 'C', 'B', 'C'};
    for (size_t i = 0; i < sizeof pl_n / sizeof pl_n[0]; i++)
        assert_int_equal(i18n_plural(pl, "%d day", "%d days", pl_n[i])[0], pl_form[i]);
    assert_int_equal(i18n_dropped(pl, NULL), 0);
    i18n_catalog_free(pl);

    const char *two = "msgid \"%d day\"\nmsgid_plural \"%d days\"\n"
                      "msgstr[0] \"A%d\"\nmsgstr[1] \"B%d\"\n";
    static const struct {
        const char *lang;
        char f0, f1, f2; /* forms for 0, 1, 2 */
    } langs[] = {{"da", 'B', 'A', 'B'}, {"en", 'B', 'A', 'B'}, {"so", 'B', 'A', 'B'},
                 {"tr", 'B', 'A', 'B'}, {"ur", 'B', 'A', 'B'}, {"fa", 'A', 'A', 'B'},
                 {"da_DK", 'B', 'A', 'B'}, {"xx", 'B', 'A', 'B'}};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        i18n_catalog *c = parse_ok(langs[i].lang, two);
        assert_int_equal(i18n_plural(c, "%d day", "%d days", 0)[0], langs[i].f0);
        assert_int_equal(i18n_plural(c, "%d day", "%d days", 1)[0], langs[i].f1);
        assert_int_equal(i18n_plural(c, "%d day", "%d days", 2)[0], langs[i].f2);
        i18n_catalog_free(c);
    }

    /* a broken Plural-Forms: the built-in rule, and a note */
    i18n_catalog *bad = parse_ok("pl", HEADER("pl", "nplurals=3; plural=(n==1 ? 0 :);"));
    const char *why = NULL;
    assert_int_equal(i18n_dropped(bad, &why), 0);
    assert_non_null(why);
    assert_non_null(strstr(why, "Plural-Forms"));
    assert_int_equal(i18n_nplurals(bad), 3);
    i18n_catalog_free(bad);
    /* an index out of range counts as broken too */
    bad = parse_ok("da", HEADER("da", "nplurals=2; plural=n;"));
    assert_int_equal(i18n_nplurals(bad), 2);
    i18n_catalog_free(bad);
}

static void fallbacks(void **state)
{
    (void)state;
    assert_string_equal(i18n_text(NULL, "Join"), "Join");
    assert_string_equal(i18n_plural(NULL, "%d seat", "%d seats", 1), "%d seat");
    assert_string_equal(i18n_plural(NULL, "%d seat", "%d seats", 2), "%d seats");
    assert_string_equal(i18n_plural(NULL, "%d seat", "%d seats", 0), "%d seats");
    assert_string_equal(i18n_lang(NULL), "en");
    assert_string_equal(i18n_lang_name(NULL), "English");
    assert_false(i18n_right_to_left(NULL));
    assert_int_equal(i18n_count(NULL, NULL), 0);
    i18n_catalog_free(NULL);

    i18n_catalog *cat = parse_ok("da", "msgid \"Empty\"\nmsgstr \"\"\n\n"
                                       "msgid \"%d seat\"\nmsgid_plural \"%d seats\"\n"
                                       "msgstr[0] \"%d plads\"\nmsgstr[1] \"\"\n");
    assert_string_equal(i18n_text(cat, "Empty"), "Empty");
    assert_string_equal(i18n_text(cat, "Missing"), "Missing");
    assert_string_equal(i18n_plural(cat, "%d seat", "%d seats", 1), "%d plads");
    assert_string_equal(i18n_plural(cat, "%d seat", "%d seats", 5), "%d seats");
    assert_string_equal(i18n_plural(cat, "Missing", "Missings", 5), "Missings");
    size_t translated = 9;
    assert_int_equal(i18n_count(cat, &translated), 2);
    assert_int_equal(translated, 0); /* a plural with a form missing is not complete */
    i18n_catalog_free(cat);
}

static void conversion_mismatch_dropped(void **state)
{
    (void)state;
    const char *po =
        HEADER("da", "nplurals=2; plural=(n != 1);")
        "msgid \"%d places\"\nmsgstr \"%s pladser\"\n\n"          /* type */
        "msgid \"%s at %s\"\nmsgstr \"%s\"\n\n"                   /* one missing */
        "msgid \"Hello %s\"\nmsgstr \"Hej %s %s\"\n\n"            /* one too many */
        "msgid \"%d left\"\nmsgstr \"%n tilbage\"\n\n"            /* never %n */
        "msgid \"%ld heads\"\nmsgstr \"%d hoveder\"\n\n"          /* length */
        "msgid \"Just text\"\nmsgstr \"100%\"\n\n"                /* a stray % */
        "msgid \"%s on %d\"\nmsgstr \"%2$d: %1$s\"\n\n"           /* reordered: fine */
        "msgid \"%s and %d\"\nmsgstr \"%2$s: %1$d\"\n\n"          /* reordered wrong */
        "msgid \"%s or %s\"\nmsgstr \"%1$s eller %s\"\n\n"        /* mixed styles */
        "msgid \"%d%% off\"\nmsgstr \"%d %% rabat\"\n\n"          /* %% is no argument */
        "msgid \"%5.1f km\"\nmsgstr \"%.2f km\"\n\n"              /* flags may differ */
        "msgid \"Bad UTF-8\"\nmsgstr \"\\303(\"\n\n"
        "msgid \"%d hour\"\nmsgid_plural \"%d hours\"\n"
        "msgstr[0] \"en time\"\nmsgstr[1] \"%d timer\"\n\n"       /* fine for a plural */
        "msgid \"%d min\"\nmsgid_plural \"%d min\"\n"
        "msgstr[0] \"%d min.\"\nmsgstr[1] \"%s min.\"\n";         /* one form wrong */
    vm_err err = {0};
    i18n_catalog *cat = parse("da", po, &err);
    assert_non_null(cat); /* the catalog still loads */
    const char *why = NULL;
    assert_int_equal(i18n_dropped(cat, &why), 10);
    assert_non_null(why);
    assert_non_null(strstr(why, "da.po line 7"));
    assert_non_null(strstr(why, "%d places"));
    assert_string_equal(i18n_text(cat, "%d places"), "%d places");
    assert_string_equal(i18n_text(cat, "%s at %s"), "%s at %s");
    assert_string_equal(i18n_text(cat, "Hello %s"), "Hello %s");
    assert_string_equal(i18n_text(cat, "%d left"), "%d left");
    assert_string_equal(i18n_text(cat, "%ld heads"), "%ld heads");
    assert_string_equal(i18n_text(cat, "Just text"), "Just text");
    assert_string_equal(i18n_text(cat, "%s on %d"), "%2$d: %1$s");
    assert_string_equal(i18n_text(cat, "%s and %d"), "%s and %d");
    assert_string_equal(i18n_text(cat, "%s or %s"), "%s or %s");
    assert_string_equal(i18n_text(cat, "%d%% off"), "%d %% rabat");
    assert_string_equal(i18n_text(cat, "%5.1f km"), "%.2f km");
    assert_string_equal(i18n_text(cat, "Bad UTF-8"), "Bad UTF-8");
    assert_string_equal(i18n_plural(cat, "%d hour", "%d hours", 1), "en time");
    assert_string_equal(i18n_plural(cat, "%d hour", "%d hours", 3), "%d timer");
    assert_string_equal(i18n_plural(cat, "%d min", "%d min", 1), "%d min"); /* all dropped */
    size_t translated = 0;
    assert_int_equal(i18n_count(cat, &translated), 14);
    assert_int_equal(translated, 4);
    /* what survives prints right */
    char out[64];
    i18n_format(out, sizeof out, i18n_text(cat, "%s on %d"), "Banko", 7);
    assert_string_equal(out, "7: Banko");
    i18n_catalog_free(cat);
}

static void languages(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *name;
        bool rtl;
    } langs[] = {{"da", "Dansk", false},     {"en", "English", false},
                 {"ar", "العربية", true},    {"so", "Soomaali", false},
                 {"tr", "Türkçe", false},    {"ur", "اردو", true},
                 {"fa", "فارسی", true},      {"he", "עברית", true},
                 {"pl", "Polski", false},    {"ar_SY", "العربية", true},
                 {"zz", "zz", false}};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        i18n_catalog *c = parse_ok(langs[i].lang, "");
        assert_string_equal(i18n_lang(c), langs[i].lang);
        assert_string_equal(i18n_lang_name(c), langs[i].name);
        assert_int_equal(i18n_right_to_left(c), langs[i].rtl);
        i18n_catalog_free(c);
    }
    /* the header's own name wins */
    i18n_catalog *c = parse_ok("ti", "msgid \"\"\nmsgstr \"X-Language-Name: ትግርኛ (ኤርትራ)\\n\"\n");
    assert_string_equal(i18n_lang_name(c), "ትግርኛ (ኤርትራ)");
    i18n_catalog_free(c);
}

static void format_truncates_on_characters(void **state)
{
    (void)state;
    char out[8];
    assert_int_equal(i18n_format(out, sizeof out, "%s", "Søndag!"), 8);
    assert_string_equal(out, "Søndag"); /* "Søndag!" is 8 bytes: no room for '!' + NUL */
    assert_int_equal(i18n_format(out, 4, "%s", "aæø"), 5);
    assert_string_equal(out, "aæ");
    assert_int_equal(i18n_format(out, 3, "%s", "aæø"), 5);
    assert_string_equal(out, "a");
    assert_int_equal(i18n_format(out, sizeof out, "%d af %d", 7, 18), 7);
    assert_string_equal(out, "7 af 18");
}

/* Text put into a right-to-left sentence is isolated when it has left-to-right letters, so
 * the bidi algorithm keeps its order; nothing else changes. */
static void format_isolates_latin_in_rtl_sentences(void **state)
{
    (void)state;
    char out[128];
    i18n_format(out, sizeof out, "السعر: %s", "35 kr., børn 15 kr.");
    assert_string_equal(out, "السعر: \u206835 kr., børn 15 kr.\u2069");
    i18n_format(out, sizeof out, "%2$s :%1$s المضيف", "Hanne", "غدًا");
    assert_string_equal(out, "غدًا :\u2068Hanne\u2069 المضيف");
    /* numbers, times and Arabic words need nothing */
    i18n_format(out, sizeof out, "الساعة %s، %d دقيقة", "18:00", 20);
    assert_string_equal(out, "الساعة 18:00، 20 دقيقة");
    i18n_format(out, sizeof out, "قیمت: %s", "مفت");
    assert_string_equal(out, "قیمت: مفت");
    /* a left-to-right sentence is left alone, and so is %% */
    i18n_format(out, sizeof out, "Pris: %s (100%%)", "35 kr.");
    assert_string_equal(out, "Pris: 35 kr. (100%)");
    /* cut short: the isolate is opened, the text whole characters */
    char small[24];
    i18n_format(small, sizeof small, "السعر: %s", "35 kr., børn 15 kr.");
    assert_true(utf8_valid(small, strlen(small)));
    assert_null(strstr(small, "\xEF\xB7"));
    assert_non_null(strstr(small, "\u2068"));
}

/* The catalogs the kiosk carries: each parses cleanly, Danish and English are complete, and
 * both know exactly the same messages. */
static void embedded_catalogs_complete(void **state)
{
    (void)state;
    size_t n = 0;
    const catalog_source *src = catalogs_embedded(&n);
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++) {
        vm_err err = {0};
        i18n_catalog *c = i18n_catalog_parse(src[i].lang, src[i].text, src[i].len, &err);
        if (!c)
            fail_msg("%s.po does not parse: %s", src[i].lang, err.msg);
        const char *why = NULL;
        if (i18n_dropped(c, &why) > 0 || why)
            fail_msg("%s.po: %s", src[i].lang, why);
        i18n_catalog_free(c);
    }
    vm_err err = {0};
    i18n_catalog *da = i18n_catalog_embedded("da", &err);
    i18n_catalog *en = i18n_catalog_embedded("en", &err);
    assert_non_null(da);
    assert_non_null(en);
    const i18n_catalog *both[2] = {da, en};
    for (int k = 0; k < 2; k++) {
        const i18n_catalog *cat = both[k], *other = both[1 - k];
        size_t translated = 0, total = i18n_count(cat, &translated);
        assert_true(total > 0);
        for (size_t i = 0; i < total; i++) {
            const char *ctxt, *msgid, *plural;
            bool done = i18n_message_at(cat, i, &ctxt, &msgid, &plural);
            if (!done)
                fail_msg("%s.po: \"%s\" (context \"%s\") has no translation", i18n_lang(cat),
                         msgid, ctxt ? ctxt : "");
            /* the same message, with the same plural, in the other catalog */
            bool found = false;
            for (size_t j = 0; j < i18n_count(other, NULL) && !found; j++) {
                const char *c2, *m2, *p2;
                i18n_message_at(other, j, &c2, &m2, &p2);
                found = strcmp(m2, msgid) == 0 && !c2 == !ctxt && (!ctxt || !strcmp(c2, ctxt)) &&
                        !p2 == !plural && (!plural || !strcmp(p2, plural));
            }
            if (!found)
                fail_msg("\"%s\" (context \"%s\") is in %s.po but not in %s.po", msgid,
                         ctxt ? ctxt : "", i18n_lang(cat), i18n_lang(other));
        }
        assert_int_equal(translated, total);
        assert_int_equal(total, i18n_count(other, NULL));
    }
    /* the words the kiosk cannot do without */
    assert_string_equal(i18n_text_ctx(da, "weekday", "Thursday"), "torsdag");
    assert_string_equal(i18n_text_ctx(da, "relative day", "Today"), "I dag");
    assert_string_equal(i18n_lang_name(da), "Dansk");
    assert_string_equal(i18n_lang_name(en), "English");
    i18n_catalog_free(da);
    i18n_catalog_free(en);

    assert_null(i18n_catalog_embedded("xx", &err));
    assert_int_equal(err.status, VM_ERR_NOT_FOUND);
}

/* Whatever the bytes, the reader returns a catalog or a message, never crashes or leaks
 * (the sanitizers watch): every prefix of the real Danish catalog, and byte flips in it. */
static void damaged_catalogs_never_crash(void **state)
{
    (void)state;
    size_t n = 0;
    const catalog_source *src = catalogs_embedded(&n);
    const catalog_source *da = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, "da") == 0)
            da = &src[i];
    assert_non_null(da);
    char *copy = test_malloc(da->len + 1);
    /* some hundred cuts and flips spread over the file, so the test stays quick as it grows */
    size_t cut_step = da->len / 400 + 1, flip_step = da->len / 200 + 1;
    for (size_t cut = 0; cut <= da->len; cut += cut_step) {
        memcpy(copy, da->text, cut);
        vm_err err = {0};
        i18n_catalog *c = i18n_catalog_parse("da", copy, cut, &err);
        if (!c)
            assert_true(err.msg[0] != '\0');
        i18n_catalog_free(c);
    }
    static const char flips[] = {'"', '\\', '\n', '%', '[', '#', 'x', (char)0xC3, '\0'};
    for (size_t pos = 0; pos < da->len; pos += flip_step) {
        for (size_t f = 0; f < sizeof flips; f++) {
            memcpy(copy, da->text, da->len);
            copy[pos] = flips[f];
            vm_err err = {0};
            i18n_catalog *c = i18n_catalog_parse("da", copy, da->len, &err);
            if (!c)
                assert_true(err.msg[0] != '\0');
            else
                (void)i18n_plural_ctx(c, "countdown", "in %d min", "in %d min", 5);
            i18n_catalog_free(c);
        }
    }
    test_free(copy);
}

/* A view with a preferred context: a message asked for without a context is taken from
 * "folder" where the catalog has it there, else as usual; contexts asked for stay; the base
 * is unchanged, and the view is freed on its own. */
static void view_prefers_a_context(void **state)
{
    (void)state;
    i18n_catalog *base = parse_ok(
        "da",
        HEADER("da", "nplurals=2; plural=(n != 1);")
        "msgid \"on the stick\"\nmsgstr \"på USB-nøglen\"\n\n"
        "msgctxt \"folder\"\nmsgid \"on the stick\"\nmsgstr \"i mappen\"\n\n"
        "msgid \"only here\"\nmsgstr \"kun her\"\n\n"
        "msgctxt \"staff\"\nmsgid \"on the stick\"\nmsgstr \"på nøglen\"\n\n"
        "msgid \"%d file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"%d fil\"\n"
        "msgstr[1] \"%d filer\"\n\n"
        "msgctxt \"folder\"\nmsgid \"%d file\"\nmsgid_plural \"%d files\"\n"
        "msgstr[0] \"%d fil i mappen\"\nmsgstr[1] \"%d filer i mappen\"\n");
    assert_non_null(base);
    i18n_catalog *view = i18n_catalog_view(base, "folder");
    assert_non_null(view);
    assert_string_equal(i18n_text(view, "on the stick"), "i mappen");
    assert_string_equal(i18n_text(view, "only here"), "kun her");
    assert_string_equal(i18n_text_ctx(view, "staff", "on the stick"), "på nøglen");
    assert_string_equal(i18n_plural(view, "%d file", "%d files", 3), "%d filer i mappen");
    assert_string_equal(i18n_text(base, "on the stick"), "på USB-nøglen");
    assert_string_equal(i18n_plural(base, "%d file", "%d files", 3), "%d filer");
    i18n_catalog_free(view);
    assert_string_equal(i18n_text(base, "only here"), "kun her");
    i18n_catalog_free(base);
    assert_null(i18n_catalog_view(NULL, "folder"));
}

/* A view with a fallback: what the first language (here Arabic, with a plural rule of its
 * own) has no translation of comes from Danish, with Danish's plural rule; what it has stays
 * its own. A "folder" view of it takes the folder's words from either catalog before the
 * stick's words of the first language: a folder is never told to be taken out. */
static void view_falls_back(void **state)
{
    (void)state;
    i18n_catalog *da = parse_ok(
        "da",
        HEADER("da", "nplurals=2; plural=(n != 1);")
        "msgid \"You can take it out now.\"\nmsgstr \"Du kan tage den ud nu.\"\n\n"
        "msgctxt \"folder\"\nmsgid \"You can take it out now.\"\n"
        "msgstr \"Mappen er opdateret.\"\n\n"
        "msgid \"Done\"\nmsgstr \"Færdig\"\n\n"
        "msgctxt \"staff\"\nmsgid \"Done\"\nmsgstr \"Klar\"\n\n"
        "msgid \"%d sign-up\"\nmsgid_plural \"%d sign-ups\"\nmsgstr[0] \"%d tilmelding\"\n"
        "msgstr[1] \"%d tilmeldinger\"\n");
    i18n_catalog *ar = parse_ok(
        "ar",
        HEADER("ar", "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
                     "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);")
        "msgid \"Done\"\nmsgstr \"تم\"\n\n"
        "msgid \"You can take it out now.\"\nmsgstr \"يمكنك إخراجه الآن.\"\n");
    assert_non_null(da);
    assert_non_null(ar);
    i18n_catalog *staff = i18n_catalog_fallback(ar, da);
    assert_non_null(staff);
    assert_string_equal(i18n_lang(staff), "ar");
    assert_string_equal(i18n_text(staff, "Done"), "تم");
    assert_string_equal(i18n_text_ctx(staff, "staff", "Done"), "Klar");
    assert_string_equal(i18n_text(staff, "You can take it out now."), "يمكنك إخراجه الآن.");
    assert_string_equal(i18n_text(staff, "not anywhere"), "not anywhere");
    /* Danish's rule for Danish words: 2 is plural (Arabic's form 2 would be out of range) */
    assert_string_equal(i18n_plural(staff, "%d sign-up", "%d sign-ups", 2), "%d tilmeldinger");
    assert_string_equal(i18n_plural(staff, "%d sign-up", "%d sign-ups", 1), "%d tilmelding");
    assert_string_equal(i18n_plural(ar, "%d sign-up", "%d sign-ups", 2), "%d sign-ups");

    i18n_catalog *folder = i18n_catalog_view(staff, "folder");
    assert_non_null(folder);
    assert_string_equal(i18n_text(folder, "You can take it out now."), "Mappen er opdateret.");
    assert_string_equal(i18n_text(folder, "Done"), "تم");
    i18n_catalog_free(folder);

    /* the catalogs themselves are unchanged */
    assert_string_equal(i18n_text(ar, "You can take it out now."), "يمكنك إخراجه الآن.");
    assert_string_equal(i18n_text_ctx(ar, "staff", "Done"), "Done");
    i18n_catalog_free(staff);
    /* no fallback: a plain view */
    staff = i18n_catalog_fallback(ar, NULL);
    assert_string_equal(i18n_text_ctx(staff, "staff", "Done"), "Done");
    i18n_catalog_free(staff);
    assert_null(i18n_catalog_fallback(NULL, da));
    i18n_catalog_free(ar);
    i18n_catalog_free(da);
}

/* A catalog of `n` messages "m0001" -> "o0001" ...: each message's words the same size. */
static size_t bytes_for_messages(int n)
{
    size_t cap = 64 + (size_t)n * 32;
    char *po = malloc(cap);
    assert_non_null(po);
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(po + len, cap - len, "msgid \"m%04d\"\nmsgstr \"o%04d\"\n\n",
                                i, i);
    vm_err err = {0};
    i18n_catalog *cat = i18n_catalog_parse("da", po, len, &err);
    free(po);
    assert_non_null(cat);
    assert_int_equal(i18n_count(cat, NULL), (size_t)n);
    size_t bytes = i18n_catalog_bytes(cat);
    i18n_catalog_free(cat);
    return bytes;
}

/* The kiosk keeps its catalogs for its whole life: one message more than a power of two
 * costs one message more, not a doubled array of empty slots. */
static void catalog_holds_its_messages_at_their_count(void **state)
{
    (void)state;
    static const int sizes[] = {64, 1024};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t at = bytes_for_messages(sizes[i]);
        size_t one_more = bytes_for_messages(sizes[i] + 1);
        size_t per_message = at / (size_t)sizes[i];
        assert_true(one_more > at);
        assert_true(one_more - at <= 2 * per_message);
    }
    vm_err err = {0};
    i18n_catalog *da = i18n_catalog_embedded("da", &err);
    assert_non_null(da);
    /* the words are there: every message counts at least its msgid */
    size_t words = 0;
    for (size_t i = 0; i < i18n_count(da, NULL); i++) {
        const char *id = NULL;
        i18n_message_at(da, i, NULL, &id, NULL);
        words += strlen(id) + 1;
    }
    assert_true(i18n_catalog_bytes(da) > words);
    i18n_catalog_free(da);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_the_format),
        cmocka_unit_test(crlf_bom_and_no_header),
        cmocka_unit_test(syntax_errors),
        cmocka_unit_test(plural_rules),
        cmocka_unit_test(fallbacks),
        cmocka_unit_test(conversion_mismatch_dropped),
        cmocka_unit_test(languages),
        cmocka_unit_test(format_truncates_on_characters),
        cmocka_unit_test(format_isolates_latin_in_rtl_sentences),
        cmocka_unit_test(embedded_catalogs_complete),
        cmocka_unit_test(damaged_catalogs_never_crash),
        cmocka_unit_test(view_prefers_a_context),
        cmocka_unit_test(view_falls_back),
        cmocka_unit_test(catalog_holds_its_messages_at_their_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
