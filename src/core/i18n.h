/* i18n: the words the kiosk says, in the resident's language.
 *
 * Catalogs are gettext .po files under po/ (one per language; Danish is the source the
 * translators see, English is complete too). They are embedded into the binary at build
 * time and parsed once at start. Every string the UI shows goes through i18n_text or
 * i18n_plural with an English msgid; a msgid without a translation falls back to the
 * English text itself, so a missing line is visible, never blank.
 *
 * Ownership: i18n_catalog_parse allocates a catalog, i18n_catalog_free releases it (NULL-safe).
 * Returned strings point into the catalog (or are the msgid) and live as long as it does.
 *
 * Threads: any. A loaded catalog is only read, so threads may share it; loading and freeing it
 * are its owner's.
 */
#ifndef VM_CORE_I18N_H
#define VM_CORE_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef struct i18n_catalog i18n_catalog;

/* Marks a string as a msgid for the catalogs where it is chosen before it is translated
 * (tests/po/check_po.py collects it); it stays the English text. */
#define N_(msgid) (msgid)

/* Parses .po text (msgid, msgid_plural, msgstr, msgstr[n], msgctxt, multi-line strings,
 * C escapes, comments, obsolete "#~" entries, the header's Language, X-Language-Name and
 * Plural-Forms). `lang` is the language code the catalog is for ("da", "en", "ar", ...);
 * NULL or "" takes the header's Language. Returns NULL with a message that names the line on
 * a syntax error (also: a message that is there twice, a NUL byte, a \0 escape).
 *
 * Translations that cannot be used are dropped one by one while the catalog still loads, so
 * one translator's slip never takes a language off the kiosk: entries flagged "#, fuzzy"; a
 * msgstr whose printf conversions differ from the msgid's (the same types in the same
 * argument positions, %1$s style allowed; a plural form may leave out trailing ones, as in
 * "an hour"; %n is never allowed), because printing it with the msgid's arguments would be
 * undefined behaviour; invalid UTF-8; plural forms the language does not have. Such a message
 * counts as untranslated (the English msgid is shown); i18n_dropped tells how many and why.
 * A Plural-Forms that does not parse, or gives an index out of range for 0..1000, is replaced
 * by the built-in rule of the language (da, en, ar, so, tr, ur, fa, pl and some 30 more;
 * unknown languages get English's). */
i18n_catalog *i18n_catalog_parse(const char *lang, const char *po_text, size_t len,
                                 vm_err *err);
void i18n_catalog_free(i18n_catalog *cat);

/* A view of `base` in which a message asked for without a context is looked up first under
 * `ctx` ("folder": the same sentences for a synced folder instead of a USB stick), then as
 * usual. It shares base's messages: free it (i18n_catalog_free) before base. `ctx` must
 * outlive it (a literal). NULL when out of memory or `base` is NULL. */
i18n_catalog *i18n_catalog_view(const i18n_catalog *base, const char *ctx);

/* A view of `base` in which a message `base` has no translation of is taken from `fallback`
 * (with fallback's plural rule): the staff's sentences (the sync's summary, its log, the
 * journal) exist in Danish and English only, and a kiosk whose first language is another
 * must still say them, above all in their folder words. A view of this view (for "folder")
 * keeps the fallback; its context is then looked up in both catalogs before the message
 * without it ("Mappen er opdateret" in Danish before "take the stick out" in the language).
 * It shares both catalogs' messages: free it before either. `fallback` NULL gives a plain
 * view. NULL when out of memory or `base` is NULL. */
i18n_catalog *i18n_catalog_fallback(const i18n_catalog *base, const i18n_catalog *fallback);

/* Parses the catalog of po/<lang>.po embedded at build time (core/catalogs.h). NULL with
 * VM_ERR_NOT_FOUND when there is none for `lang`, or as i18n_catalog_parse. */
i18n_catalog *i18n_catalog_embedded(const char *lang, vm_err *err);

/* How many translations were dropped (see i18n_catalog_parse), and the first problem in
 * words ("da.po line 40: the translation of ... is left out: ...") or NULL. */
size_t i18n_dropped(const i18n_catalog *cat, const char **first_problem);

/* The catalog's language code ("da"; "en" for NULL). */
const char *i18n_lang(const i18n_catalog *cat);
/* The language's own name for the language button: the header's X-Language-Name, else a
 * built-in table ("Dansk", "English", "العربية", "Soomaali", "Türkçe", "اردو", "فارسی",
 * "Polski", ...), else the code itself. */
const char *i18n_lang_name(const i18n_catalog *cat);
/* True for the languages written right to left: ar, ur, fa, he, ps, ckb, yi, sd, ug, dv
 * (a region suffix as in "ar_EG" is ignored). */
bool i18n_right_to_left(const i18n_catalog *cat);
/* Number of plural forms of the catalog's language (2 for NULL). */
int i18n_nplurals(const i18n_catalog *cat);

/* The translation of `msgid`, or `msgid` itself. `cat` may be NULL (gives msgid). */
const char *i18n_text(const i18n_catalog *cat, const char *msgid);
/* The same for a message with a msgctxt (gettext's pgettext); `ctxt` NULL = none. */
const char *i18n_text_ctx(const i18n_catalog *cat, const char *ctxt, const char *msgid);

/* The plural form for `n`, by the catalog's Plural-Forms; falls back to English rules
 * (n == 1 ? msgid : msgid_plural) when the message or that form is missing. A negative n is
 * taken as its absolute value. */
const char *i18n_plural(const i18n_catalog *cat, const char *msgid, const char *msgid_plural,
                        long n);
const char *i18n_plural_ctx(const i18n_catalog *cat, const char *ctxt, const char *msgid,
                            const char *msgid_plural, long n);

/* Number of messages (the header not counted) and number translated: every form the
 * language needs is there, not empty, not fuzzy and not dropped. For completeness tests. */
size_t i18n_count(const i18n_catalog *cat, size_t *translated);

/* Message number `i` (0 .. i18n_count - 1, in an undefined but fixed order): its msgctxt
 * (NULL if none), msgid and msgid_plural (NULL if singular); any out-pointer may be NULL.
 * Returns whether it is translated; false also when `i` is out of range (the out-pointers
 * are then left alone). For tests that compare catalogs. */
bool i18n_message_at(const i18n_catalog *cat, size_t i, const char **msgctxt,
                     const char **msgid, const char **msgid_plural);

/* The heap bytes the catalog holds: its message slots as allocated and its words (a view:
 * only itself). For the kiosk's memory budget and its tests. */
size_t i18n_catalog_bytes(const i18n_catalog *cat);

/* Formats `fmt` (already translated, printf-style) into out. A vsnprintf wrapper kept here so
 * translated formats are checked in one place: a translation whose conversions differ from
 * the msgid's is rejected at parse time (see i18n_catalog_parse). In a right-to-left
 * sentence (a format with Arabic or Hebrew letters) every %s argument with a left-to-right
 * letter in it is put between U+2068 and U+2069 (first strong isolate, pop directional
 * isolate), so "35 kr., børn 15 kr." or a Latin name keeps its own order inside it (UAX #9).
 * Truncates on a character boundary; returns what vsnprintf returns for the format. */
int i18n_format(char *out, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Human dates and times, in the catalog's language, Copenhagen time, 24-hour clock
 * (English: "Today 18:00", "Thursday 12 Dec 18:00", "in 20 min", "Now"):
 *   i18n_when:      "I dag 18:00", "I morgen 10:00", "I går 18:00", "Torsdag 12. dec. 18:00"
 *   i18n_day:       "I dag", "I morgen", "I går", "Torsdag 12. dec."; more than 300 days
 *                   away with the year: "Torsdag 12. dec. 2027". "I morgen" is the next
 *                   calendar day, also across the 23- and 25-hour days.
 *   i18n_clock:     "18:00"
 *   i18n_date_long: "Mandag 23. november 2026"
 *   i18n_weekday:   the weekday as in the middle of a sentence: "torsdag" ("Thursday")
 *   i18n_weekday_short: the weekday in short, starting a line: "Tor." ("Thu")
 *   i18n_day_of_month:  "26." ("26")
 *   i18n_countdown: "om 20 min." (minutes rounded up, under an hour), "om 1 time",
 *                   "om 2 timer" (to the nearest hour), "Nu" (started, not ended; with no end
 *                   given, end <= start, for its first hour), "" otherwise (only within the
 *                   next 12 hours)
 * All write into `out` (NUL-terminated, truncated on a character boundary; nothing for a
 * size of 0). The words are the catalog's messages with msgctxt "weekday",
 * "weekday abbreviation", "day of month", "month",
 * "month abbreviation", "relative day", "date", "date with year", "long date",
 * "day and time", "clock" and "countdown" (see po/en.po). */
void i18n_when(const i18n_catalog *cat, int64_t t, int64_t now, char *out, size_t size);
void i18n_day(const i18n_catalog *cat, int64_t t, int64_t now, char *out, size_t size);
void i18n_clock(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_date_long(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_weekday(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_weekday_short(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_day_of_month(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_countdown(const i18n_catalog *cat, int64_t start, int64_t end, int64_t now,
                    char *out, size_t size);

#endif
