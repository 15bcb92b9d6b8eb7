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
 */
#ifndef VM_CORE_I18N_H
#define VM_CORE_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef struct i18n_catalog i18n_catalog;

/* Parses .po text (msgid, msgid_plural, msgstr, msgstr[n], msgctxt, multi-line strings,
 * C escapes, the header's Language and Plural-Forms). `lang` is the language code the
 * catalog is for ("da", "en", "ar", ...). Returns NULL with a message on a syntax error. */
i18n_catalog *i18n_catalog_parse(const char *lang, const char *po_text, size_t len,
                                 vm_err *err);
void i18n_catalog_free(i18n_catalog *cat);

const char *i18n_lang(const i18n_catalog *cat);        /* "da" */
const char *i18n_lang_name(const i18n_catalog *cat);   /* the language's own name: "Dansk" */
bool i18n_right_to_left(const i18n_catalog *cat);      /* Arabic, Urdu, ... */

/* The translation of `msgid`, or `msgid` itself. `cat` may be NULL (gives msgid). */
const char *i18n_text(const i18n_catalog *cat, const char *msgid);

/* The plural form for `n`, by the catalog's Plural-Forms; falls back to English rules. */
const char *i18n_plural(const i18n_catalog *cat, const char *msgid, const char *msgid_plural,
                        long n);

/* Number of messages and number translated (non-empty msgstr), for completeness tests. */
size_t i18n_count(const i18n_catalog *cat, size_t *translated);

/* Formats `fmt` (already translated, printf-style, %s %d %ld only) into out. Thin vsnprintf
 * wrapper kept here so translated formats are checked in one place: a translation whose
 * conversions differ from the msgid's is rejected at parse time. */
int i18n_format(char *out, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Human dates and times, in the catalog's language, Copenhagen time:
 *   i18n_when:      "I dag 18:00", "I morgen 10:00", "Torsdag 12. dec. 18:00"
 *   i18n_day:       "I dag", "I morgen", "Torsdag 12. dec."
 *   i18n_clock:     "18:00"
 *   i18n_date_long: "Mandag 23. november 2026"
 *   i18n_countdown: "om 20 min.", "om 2 timer", "Nu" (started, not ended), "" otherwise
 *                   (only within the next 12 hours)
 * All write into `out` (NUL-terminated, truncated on a character boundary). */
void i18n_when(const i18n_catalog *cat, int64_t t, int64_t now, char *out, size_t size);
void i18n_day(const i18n_catalog *cat, int64_t t, int64_t now, char *out, size_t size);
void i18n_clock(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_date_long(const i18n_catalog *cat, int64_t t, char *out, size_t size);
void i18n_countdown(const i18n_catalog *cat, int64_t start, int64_t end, int64_t now,
                    char *out, size_t size);

#endif
