/* Dates and times in words, in the catalog's language, Copenhagen time.
 *
 * The words and the order they come in are the catalog's (msgctxt "weekday",
 * "weekday abbreviation", "day of month", "month",
 * "month abbreviation", "relative day", "date", "date with year", "long date",
 * "day and time", "clock", "countdown"); the English msgids are the fallback. Weekday and
 * month names are written as in the middle of a sentence ("torsdag"); what starts a line is
 * capitalised here ("Torsdag 12. dec.").
 */
#include "core/i18n_internal.h"

#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "core/utf8.h"

/* Farther away than this, a date says its year. */
#define DAYS_WITHOUT_YEAR 300
/* A countdown is shown only this close to the start. */
#define COUNTDOWN_WINDOW (12 * 3600)

static const char *const weekdays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
static const char *const months[12] = {"January", "February", "March", "April",
                                       "May", "June", "July", "August",
                                       "September", "October", "November", "December"};
static const char *const months_short[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static const char *const weekdays_short[7] = {"Mon", "Tue", "Wed", "Thu",
                                              "Fri", "Sat", "Sun"};

static bool has_room(char *out, size_t size)
{
    if (!out || size == 0)
        return false;
    out[0] = '\0';
    return true;
}

void i18n_weekday(const i18n_catalog *cat, int64_t t, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    utf8_copy(out, size, i18n_text_ctx(cat, "weekday", weekdays[dktime_local(t).weekday]));
}

void i18n_weekday_short(const i18n_catalog *cat, int64_t t, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    utf8_copy(out, size,
              i18n_text_ctx(cat, "weekday abbreviation", weekdays_short[dktime_local(t).weekday]));
    i18n_capitalise_first(out);
}

void i18n_day_of_month(const i18n_catalog *cat, int64_t t, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    i18n_format(out, size, i18n_text_ctx(cat, "day of month", "%d"), dktime_local(t).day);
}

void i18n_clock(const i18n_catalog *cat, int64_t t, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    dk_tm tm = dktime_local(t);
    i18n_format(out, size, i18n_text_ctx(cat, "clock", "%02d:%02d"), tm.hour, tm.minute);
}

void i18n_day(const i18n_catalog *cat, int64_t t, int64_t now, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    int days = dktime_days_between(now, t);
    if (days == 0) {
        utf8_copy(out, size, i18n_text_ctx(cat, "relative day", "Today"));
        return;
    }
    if (days == 1) {
        utf8_copy(out, size, i18n_text_ctx(cat, "relative day", "Tomorrow"));
        return;
    }
    if (days == -1) {
        utf8_copy(out, size, i18n_text_ctx(cat, "relative day", "Yesterday"));
        return;
    }
    dk_tm tm = dktime_local(t);
    const char *wd = i18n_text_ctx(cat, "weekday", weekdays[tm.weekday]);
    const char *mon = i18n_text_ctx(cat, "month abbreviation", months_short[tm.month - 1]);
    if (days > DAYS_WITHOUT_YEAR || days < -DAYS_WITHOUT_YEAR)
        i18n_format(out, size, i18n_text_ctx(cat, "date with year", "%s %d %s %d"), wd, tm.day,
                    mon, tm.year);
    else
        i18n_format(out, size, i18n_text_ctx(cat, "date", "%s %d %s"), wd, tm.day, mon);
    i18n_capitalise_first(out);
}

void i18n_when(const i18n_catalog *cat, int64_t t, int64_t now, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    char day[128], clock[32];
    i18n_day(cat, t, now, day, sizeof day);
    i18n_clock(cat, t, clock, sizeof clock);
    i18n_format(out, size, i18n_text_ctx(cat, "day and time", "%s %s"), day, clock);
}

void i18n_date_long(const i18n_catalog *cat, int64_t t, char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    dk_tm tm = dktime_local(t);
    i18n_format(out, size, i18n_text_ctx(cat, "long date", "%s %d %s %d"),
                i18n_text_ctx(cat, "weekday", weekdays[tm.weekday]), tm.day,
                i18n_text_ctx(cat, "month", months[tm.month - 1]), tm.year);
    i18n_capitalise_first(out);
}

void i18n_countdown(const i18n_catalog *cat, int64_t start, int64_t end, int64_t now,
                    char *out, size_t size)
{
    if (!has_room(out, size))
        return;
    if (end <= start)
        end = start + 3600; /* no end given: it is "now" for its first hour */
    if (now >= start && now < end) {
        utf8_copy(out, size, i18n_text_ctx(cat, "countdown", "Now"));
        return;
    }
    int64_t left = start - now;
    if (left <= 0 || left > COUNTDOWN_WINDOW)
        return;
    long minutes = (long)((left + 59) / 60); /* 30 s to go is "in 1 min", never "in 0" */
    if (minutes < 60) {
        i18n_format(out, size,
                    i18n_plural_ctx(cat, "countdown", "in %d min", "in %d min", minutes),
                    (int)minutes);
        return;
    }
    long hours = (minutes + 30) / 60; /* to the nearest hour: 1 h 40 min is "in 2 hours" */
    i18n_format(out, size, i18n_plural_ctx(cat, "countdown", "in %d hour", "in %d hours", hours),
                (int)hours);
}
