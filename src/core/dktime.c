#include "core/dktime.h"


#define DAY 86400

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int dktime_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && is_leap(year))
        return 29;
    return days[month - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *year, int *month, int *day)
{
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(y + (m <= 2));
    *month = m;
    *day = d;
}

/* 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday. */
static int weekday_of_days(int64_t days)
{
    return (int)(days + 3 - floor_div(days + 3, 7) * 7);
}

void dktime_utc_civil(int64_t utc, int *year, int *month, int *day, int *hour, int *minute,
                      int *second)
{
    int64_t days = floor_div(utc, DAY);
    int64_t secs = utc - days * DAY;
    civil_from_days(days, year, month, day);
    *hour = (int)(secs / 3600);
    *minute = (int)(secs / 60 % 60);
    *second = (int)(secs % 60);
}

int64_t dktime_utc_from_civil(int year, int month, int day, int hour, int minute, int second)
{
    return days_from_civil(year, month, day) * DAY + (int64_t)hour * 3600 + minute * 60 + second;
}

/* 01:00 UTC on the last Sunday of `month` of `year`: when Denmark changes its clocks. */
static int64_t last_sunday_0100_utc(int year, int month)
{
    int last = dktime_days_in_month(year, month);
    int64_t days = days_from_civil(year, month, last);
    days -= (weekday_of_days(days) + 1) % 7; /* back to Sunday (weekday 6) */
    return days * DAY + 3600;
}

static int offset_at(int64_t utc)
{
    int y, mo, d, h, mi, s;
    dktime_utc_civil(utc, &y, &mo, &d, &h, &mi, &s);
    int64_t summer_from = last_sunday_0100_utc(y, 3);
    int64_t summer_to = last_sunday_0100_utc(y, 10);
    return (utc >= summer_from && utc < summer_to) ? 7200 : 3600;
}

dk_tm dktime_local(int64_t utc)
{
    dk_tm tm;
    tm.utc_offset = offset_at(utc);
    int64_t local = utc + tm.utc_offset;
    dktime_utc_civil(local, &tm.year, &tm.month, &tm.day, &tm.hour, &tm.minute, &tm.second);
    tm.weekday = weekday_of_days(floor_div(local, DAY));
    return tm;
}

bool dktime_from_local(int year, int month, int day, int hour, int minute, int64_t *utc)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > dktime_days_in_month(year, month) || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59)
        return false;
    int64_t wall = dktime_utc_from_civil(year, month, day, hour, minute, 0);
    int64_t summer = wall - 7200, winter = wall - 3600;
    bool summer_ok = offset_at(summer) == 7200, winter_ok = offset_at(winter) == 3600;
    if (summer_ok) {
        *utc = summer; /* in October's repeated hour this is the first of the two */
    } else if (winter_ok) {
        *utc = winter;
    } else {
        /* March's skipped hour: the first instant after the gap, 03:00 CEST */
        *utc = last_sunday_0100_utc(year, 3);
    }
    return true;
}

static int64_t local_days(int64_t utc)
{
    return floor_div(utc + offset_at(utc), DAY);
}

static int64_t midnight_of_days(int64_t days)
{
    int64_t wall = days * DAY;
    /* Midnight is never inside a change (the clocks change at 02:00/03:00 local), so one of
     * the two offsets fits. */
    return offset_at(wall - 7200) == 7200 ? wall - 7200 : wall - 3600;
}

int64_t dktime_day_start(int64_t utc)
{
    return midnight_of_days(local_days(utc));
}

int dktime_days_between(int64_t from, int64_t to)
{
    return (int)(local_days(to) - local_days(from));
}

int64_t dktime_week_start(int64_t utc, int *iso_week, int *iso_year)
{
    int64_t days = local_days(utc);
    int64_t monday = days - weekday_of_days(days);
    /* The ISO week belongs to the year that holds its Thursday. */
    int64_t thursday = monday + 3;
    int y, m, d;
    civil_from_days(thursday, &y, &m, &d);
    int64_t doy = thursday - days_from_civil(y, 1, 1);
    if (iso_week)
        *iso_week = (int)(doy / 7 + 1);
    if (iso_year)
        *iso_year = y;
    return midnight_of_days(monday);
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool dktime_parse_iso(const char *s, int64_t *utc)
{
    if (!s)
        return false;
    int y, mo, d, h, mi, sec = 0;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
        !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2, &h) ||
        s[13] != ':' || !digits(s + 14, 2, &mi))
        return false;
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > dktime_days_in_month(y, mo) || h > 23 ||
        mi > 59)
        return false;
    if (s[10] == ' ') {
        if (s[16] != '\0')
            return false;
        return dktime_from_local(y, mo, d, h, mi, utc);
    }
    const char *rest = s + 16;
    if (rest[0] == ':') {
        if (!digits(rest + 1, 2, &sec) || sec > 59)
            return false;
        rest += 3;
    }
    if (rest[0] != 'Z' || rest[1] != '\0')
        return false;
    *utc = dktime_utc_from_civil(y, mo, d, h, mi, sec);
    return true;
}

/* Writes `v` as exactly `width` digits (years outside 0..9999 are clamped: never met in use). */
static char *put_digits(char *p, int v, int width)
{
    int max = width == 4 ? 9999 : 99;
    v = v < 0 ? 0 : v > max ? max : v;
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

void dktime_format_iso_utc(int64_t utc, char out[21])
{
    int y, mo, d, h, mi, s;
    dktime_utc_civil(utc, &y, &mo, &d, &h, &mi, &s);
    char *p = put_digits(out, y, 4);
    *p++ = '-';
    p = put_digits(p, mo, 2);
    *p++ = '-';
    p = put_digits(p, d, 2);
    *p++ = 'T';
    p = put_digits(p, h, 2);
    *p++ = ':';
    p = put_digits(p, mi, 2);
    *p++ = ':';
    p = put_digits(p, s, 2);
    *p++ = 'Z';
    *p = '\0';
}

void dktime_format_local(int64_t utc, char out[17])
{
    dk_tm t = dktime_local(utc);
    char *p = put_digits(out, t.year, 4);
    *p++ = '-';
    p = put_digits(p, t.month, 2);
    *p++ = '-';
    p = put_digits(p, t.day, 2);
    *p++ = ' ';
    p = put_digits(p, t.hour, 2);
    *p++ = ':';
    p = put_digits(p, t.minute, 2);
    *p = '\0';
}
