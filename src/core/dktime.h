/* dktime: wall-clock time in Europe/Copenhagen, computed, not looked up.
 *
 * The kiosk stores every instant as UTC seconds since the epoch (`int64_t`, here called a
 * timestamp) and shows it in Danish local time: CET (UTC+1) in winter, CEST (UTC+2) from the
 * last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
 * The rule is coded here so the kiosk needs no tz database and tests need no TZ variable.
 * Nothing here reads the system clock: `now` is always passed in.
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_DKTIME_H
#define VM_CORE_DKTIME_H

#include <stdbool.h>
#include <stdint.h>

typedef struct dk_tm {
    int year;       /* e.g. 2026 */
    int month;      /* 1..12 */
    int day;        /* 1..31 */
    int hour;       /* 0..23 */
    int minute;     /* 0..59 */
    int second;     /* 0..59 */
    int weekday;    /* 0 = Monday .. 6 = Sunday (the Danish week) */
    int utc_offset; /* seconds east of UTC: 3600 or 7200 */
} dk_tm;

/* Local Copenhagen time of a UTC timestamp. */
dk_tm dktime_local(int64_t utc);

/* The UTC timestamp of a local Copenhagen wall-clock time. A time that does not exist (the
 * hour skipped in March, 02:00..02:59) is taken as the instant after the gap (03:00 CEST,
 * 01:00 UTC); an ambiguous time (the hour repeated in October) is the first of the two (the
 * CEST one). Returns false and leaves `*utc` alone when the fields are out of range (year
 * outside 1..9999, month 13, February 30, hour 24, ...). The EU rule is applied to every
 * year, also before 1996. */
bool dktime_from_local(int year, int month, int day, int hour, int minute, int64_t *utc);

/* UTC timestamp of local midnight starting the day that holds `utc`. */
int64_t dktime_day_start(int64_t utc);

/* Local calendar days from the day of `from` to the day of `to` (0 = same day, 1 = tomorrow,
 * -1 = yesterday), counted on the calendar, right across daylight-saving changes. */
int dktime_days_between(int64_t from, int64_t to);

/* UTC timestamp of local midnight starting the Monday of the ISO week that holds `utc`, and
 * that week's ISO number (1..53) and ISO year. */
int64_t dktime_week_start(int64_t utc, int *iso_week, int *iso_year);

/* Days in a month (handles leap years). */
int dktime_days_in_month(int year, int month);

/* Converts a UTC timestamp to a civil UTC date and back (proleptic Gregorian). */
void dktime_utc_civil(int64_t utc, int *year, int *month, int *day, int *hour, int *minute,
                      int *second);
int64_t dktime_utc_from_civil(int year, int month, int day, int hour, int minute, int second);

/* Parses "YYYY-MM-DDTHH:MM[:SS]Z" (UTC) or "YYYY-MM-DD HH:MM" (local Copenhagen) into UTC.
 * For tests and the command line. Returns false on anything else. */
bool dktime_parse_iso(const char *s, int64_t *utc);

/* Writes "YYYY-MM-DDTHH:MM:SSZ" (UTC) into `out` (at least 21 bytes). */
void dktime_format_iso_utc(int64_t utc, char out[21]);

/* Writes "YYYY-MM-DD HH:MM" (local) into `out` (at least 17 bytes). */
void dktime_format_local(int64_t utc, char out[17]);

#endif
