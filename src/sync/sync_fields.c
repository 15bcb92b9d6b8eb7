#include "sync/sync_fields.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dktime.h"
#include "core/utf8.h"
#include "sync/sync_tr.h"

static const char *skip_space(const char *s);

/* Room for one helper task as typed, before its title is cut out of it. */
#define SYNC_CSV_TASK_BYTES 512

/* ---- column names */

static const char *const col_names[SCOL_COUNT] = {
    [SCOL_ID] = "id",
    [SCOL_TITLE] = "titel",
    [SCOL_CATEGORY] = "kategori",
    [SCOL_DATE] = "dato",
    [SCOL_START] = "start",
    [SCOL_END] = "slut",
    [SCOL_PLACE] = "sted",
    [SCOL_HOST] = "vært",
    [SCOL_PHONE] = "telefon",
    [SCOL_PRICE] = "pris",
    [SCOL_DESCRIPTION] = "beskrivelse",
    [SCOL_AUDIENCE] = "målgruppe",
    [SCOL_MODE] = "tilmelding",
    [SCOL_CAPACITY] = "pladser",
    [SCOL_DEADLINE] = "frist",
    [SCOL_HOUSEHOLD] = "husstand",
    [SCOL_BADGES] = "mærker",
    [SCOL_FREE] = "gratis",
    [SCOL_JUST_COME] = "bare kom",
    [SCOL_CHILDCARE] = "børnepasning",
    [SCOL_ALONE_OK] = "alene",
    [SCOL_RESIDENTS_ONLY] = "kun beboere",
    [SCOL_STEP_FREE] = "uden trapper",
    [SCOL_TASKS] = "opgaver",
    [SCOL_LINK] = "link",
    [SCOL_CANCELLED] = "aflyst",
    [SCOL_WEEKDAY] = "ugedag",
    [SCOL_WEEK] = "uge",
};

/* Header words after normalising (lower case, letters and digits only). */
static const struct {
    const char *word;
    sync_col col;
} aliases[] = {
    {"id", SCOL_ID}, {"uid", SCOL_ID}, {"nr", SCOL_ID}, {"nummer", SCOL_ID},
    {"aktivitetsid", SCOL_ID}, {"aktivitetid", SCOL_ID}, {"kode", SCOL_ID},
    {"titel", SCOL_TITLE}, {"title", SCOL_TITLE}, {"navn", SCOL_TITLE},
    {"aktivitet", SCOL_TITLE}, {"overskrift", SCOL_TITLE}, {"emne", SCOL_TITLE},
    {"subject", SCOL_TITLE}, {"name", SCOL_TITLE}, {"hvad", SCOL_TITLE},
    {"kategori", SCOL_CATEGORY}, {"category", SCOL_CATEGORY}, {"type", SCOL_CATEGORY},
    {"slags", SCOL_CATEGORY},
    {"dato", SCOL_DATE}, {"date", SCOL_DATE}, {"dag", SCOL_DATE}, {"startdato", SCOL_DATE},
    {"day", SCOL_DATE}, {"startdate", SCOL_DATE},
    {"start", SCOL_START}, {"starttid", SCOL_START}, {"fra", SCOL_START},
    {"begynder", SCOL_START}, {"tidspunkt", SCOL_START}, {"kl", SCOL_START},
    {"klokken", SCOL_START}, {"from", SCOL_START}, {"begin", SCOL_START},
    {"starttime", SCOL_START}, {"starttidspunkt", SCOL_START}, {"tid", SCOL_START},
    {"time", SCOL_START}, {"hvornår", SCOL_START},
    {"slut", SCOL_END}, {"sluttid", SCOL_END}, {"til", SCOL_END}, {"slutter", SCOL_END},
    {"end", SCOL_END}, {"endtime", SCOL_END}, {"to", SCOL_END}, {"sluttidspunkt", SCOL_END},
    {"sted", SCOL_PLACE}, {"place", SCOL_PLACE}, {"location", SCOL_PLACE},
    {"lokale", SCOL_PLACE}, {"hvor", SCOL_PLACE}, {"adresse", SCOL_PLACE},
    {"where", SCOL_PLACE}, {"lokation", SCOL_PLACE},
    {"vært", SCOL_HOST}, {"host", SCOL_HOST}, {"tovholder", SCOL_HOST},
    {"kontakt", SCOL_HOST}, {"kontaktperson", SCOL_HOST}, {"ansvarlig", SCOL_HOST},
    {"arrangør", SCOL_HOST}, {"værtinde", SCOL_HOST}, {"contact", SCOL_HOST},
    {"telefon", SCOL_PHONE}, {"tlf", SCOL_PHONE}, {"phone", SCOL_PHONE},
    {"mobil", SCOL_PHONE}, {"telefonnummer", SCOL_PHONE}, {"tlfnr", SCOL_PHONE},
    {"sms", SCOL_PHONE}, {"værtstelefon", SCOL_PHONE},
    {"pris", SCOL_PRICE}, {"price", SCOL_PRICE}, {"betaling", SCOL_PRICE},
    {"koster", SCOL_PRICE}, {"entré", SCOL_PRICE}, {"entre", SCOL_PRICE},
    {"beskrivelse", SCOL_DESCRIPTION}, {"description", SCOL_DESCRIPTION},
    {"tekst", SCOL_DESCRIPTION}, {"info", SCOL_DESCRIPTION}, {"detaljer", SCOL_DESCRIPTION},
    {"note", SCOL_DESCRIPTION}, {"noter", SCOL_DESCRIPTION}, {"om", SCOL_DESCRIPTION},
    {"text", SCOL_DESCRIPTION}, {"details", SCOL_DESCRIPTION},
    {"målgruppe", SCOL_AUDIENCE}, {"audience", SCOL_AUDIENCE}, {"forhvem", SCOL_AUDIENCE},
    {"for", SCOL_AUDIENCE}, {"hvem", SCOL_AUDIENCE},
    {"tilmelding", SCOL_MODE}, {"signup", SCOL_MODE}, {"tilmeldingstype", SCOL_MODE},
    {"mode", SCOL_MODE},
    {"pladser", SCOL_CAPACITY}, {"capacity", SCOL_CAPACITY}, {"antalpladser", SCOL_CAPACITY},
    {"maks", SCOL_CAPACITY}, {"max", SCOL_CAPACITY}, {"maksdeltagere", SCOL_CAPACITY},
    {"deltagere", SCOL_CAPACITY}, {"places", SCOL_CAPACITY}, {"plads", SCOL_CAPACITY},
    {"frist", SCOL_DEADLINE}, {"deadline", SCOL_DEADLINE},
    {"tilmeldingsfrist", SCOL_DEADLINE}, {"sidstetilmelding", SCOL_DEADLINE},
    {"husstand", SCOL_HOUSEHOLD}, {"household", SCOL_HOUSEHOLD},
    {"voksneogbørn", SCOL_HOUSEHOLD}, {"tælvoksneogbørn", SCOL_HOUSEHOLD},
    {"mærker", SCOL_BADGES}, {"badges", SCOL_BADGES}, {"mærkater", SCOL_BADGES},
    {"skilte", SCOL_BADGES},
    {"gratis", SCOL_FREE}, {"free", SCOL_FREE},
    {"barekom", SCOL_JUST_COME}, {"justcome", SCOL_JUST_COME}, {"dropin", SCOL_JUST_COME},
    {"børnepasning", SCOL_CHILDCARE}, {"childcare", SCOL_CHILDCARE},
    {"alene", SCOL_ALONE_OK}, {"alone", SCOL_ALONE_OK}, {"kommealene", SCOL_ALONE_OK},
    {"fintatkommealene", SCOL_ALONE_OK}, {"detfintatkommealene", SCOL_ALONE_OK},
    {"aleneok", SCOL_ALONE_OK}, {"aloneok", SCOL_ALONE_OK},
    {"kunbeboere", SCOL_RESIDENTS_ONLY}, {"kunforbeboere", SCOL_RESIDENTS_ONLY},
    {"residentsonly", SCOL_RESIDENTS_ONLY}, {"beboere", SCOL_RESIDENTS_ONLY},
    {"udentrapper", SCOL_STEP_FREE}, {"stepfree", SCOL_STEP_FREE},
    {"kørestol", SCOL_STEP_FREE}, {"niveaufri", SCOL_STEP_FREE},
    {"tilgængelig", SCOL_STEP_FREE}, {"handicapvenlig", SCOL_STEP_FREE},
    {"opgaver", SCOL_TASKS}, {"tasks", SCOL_TASKS}, {"hjælpere", SCOL_TASKS},
    {"givenhånd", SCOL_TASKS}, {"hjælpeopgaver", SCOL_TASKS}, {"frivillige", SCOL_TASKS},
    {"helpers", SCOL_TASKS},
    {"link", SCOL_LINK}, {"url", SCOL_LINK}, {"tilmeldingslink", SCOL_LINK},
    {"web", SCOL_LINK}, {"hjemmeside", SCOL_LINK}, {"signupurl", SCOL_LINK},
    {"aflyst", SCOL_CANCELLED}, {"cancelled", SCOL_CANCELLED}, {"canceled", SCOL_CANCELLED},
    {"ugedag", SCOL_WEEKDAY}, {"weekday", SCOL_WEEKDAY}, {"dagnavn", SCOL_WEEKDAY},
    {"uge", SCOL_WEEK}, {"week", SCOL_WEEK}, {"ugenr", SCOL_WEEK}, {"ugenummer", SCOL_WEEK},
    {"weekno", SCOL_WEEK}, {"uge nr", SCOL_WEEK},
};

/* Lower case (Danish capitals too), keeping only letters and digits. */
static void normalise(const char *in, char *out, size_t size)
{
    char folded[256];
    utf8_fold_case(in, folded, sizeof folded);
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)folded; *p && o + 1 < size; p++) {
        if (*p >= 0x80 || isalnum(*p))
            out[o++] = (char)tolower(*p);
    }
    out[o] = '\0';
}

sync_col sync_col_from_name(const char *name)
{
    char key[256];
    normalise(name, key, sizeof key);
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].word, key) == 0)
            return aliases[i].col;
    return SCOL_NONE;
}

const char *sync_col_name(sync_col c)
{
    return c >= 0 && c < SCOL_COUNT ? col_names[c] : "";
}

bool sync_col_is_day_word(const char *name)
{
    char key[64];
    normalise(name, key, sizeof key);
    return strcmp(key, "dag") == 0 || strcmp(key, "day") == 0;
}

/* "line 12, column "Tid"" for a message about one cell (a calendar: "..., the line
 * "Pladser:""), with the column named as the staff wrote it. */
static const char *cell_where(const sync_row *row, sync_col col, const i18n_catalog *cat,
                              char *buf, size_t size)
{
    const char *name = row->header[col] ? row->header[col] : sync_col_name(col);
    if (row->lines)
        snprintf(buf, size, SYNC_T(cat, "%s, the line \"%s:\""), row->where, name);
    else
        snprintf(buf, size, SYNC_T(cat, "%s, column \"%s\""), row->where, name);
    return buf;
}

/* A date as staff write it, for messages: "24-12-2026". */
static void date_text(int y, int m, int d, char out[16])
{
    snprintf(out, 16, "%02d-%02d-%04d", d % 100, m % 100, y % 10000);
}

/* ---- weekdays and weeks beside the date */

/* 0 = Monday .. 6 = Sunday for a weekday written in Danish or English, in full or short
 * ("mandag", "man.", "ma", "Monday", "Mon"); -1 otherwise. Only the first word counts
 * ("Mandag d. 24/11"). */
static int weekday_from_word(const char *s)
{
    static const char *const words[7][8] = {
        {"mandag", "man", "ma", "monday", "mon", "mo", NULL},
        {"tirsdag", "tirs", "tir", "ti", "tuesday", "tue", "tues", "tu"},
        {"onsdag", "ons", "on", "wednesday", "wed", "we", NULL},
        {"torsdag", "tors", "tor", "to", "thursday", "thu", "thur", "thurs"},
        {"fredag", "fre", "fr", "friday", "fri", NULL},
        {"lørdag", "lør", "lø", "saturday", "sat", "sa", NULL},
        {"søndag", "søn", "sø", "sunday", "sun", "su", NULL},
    };
    char first[64];
    s = skip_space(s);
    size_t n = strcspn(s, " \t.,/");
    if (!n || n >= sizeof first)
        return -1;
    memcpy(first, s, n);
    first[n] = '\0';
    char key[64];
    normalise(first, key, sizeof key);
    for (int d = 0; d < 7; d++)
        for (int i = 0; i < 8 && words[d][i]; i++)
            if (strcmp(key, words[d][i]) == 0)
                return d;
    return -1;
}

/* The week number in "49", "uge 49", "Uge 49", "week 49", "u49"; -1 otherwise. */
static int week_from_cell(const char *s)
{
    char key[64];
    normalise(s, key, sizeof key);
    const char *p = key;
    static const char *const prefixes[] = {"uge", "week", "u", "w"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(p, prefixes[i], strlen(prefixes[i])) == 0 &&
            isdigit((unsigned char)p[strlen(prefixes[i])])) {
            p += strlen(prefixes[i]);
            break;
        }
    int v = 0, n = 0;
    while (isdigit((unsigned char)p[n]) && n < 3)
        v = v * 10 + (p[n++] - '0');
    return n && !p[n] && v >= 1 && v <= 53 ? v : -1;
}

/* Checks the weekday and week columns against the activity's local date. */
static vm_status check_day_and_week(const sync_row *row, int64_t start, const i18n_catalog *cat,
                                    vm_err *err)
{
    static const char *const en[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
    char where[256], date[16];
    dk_tm tm = dktime_local(start);
    date_text(tm.year, tm.month, tm.day, date);
    const char *c = row->cell[SCOL_WEEKDAY];
    if (c && *skip_space(c)) {
        int wd = weekday_from_word(c);
        cell_where(row, SCOL_WEEKDAY, cat, where, sizeof where);
        if (wd < 0)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: \"%s\" is not a day of the week (write mandag, tirsdag, ...)",
                            where, c);
        if (wd != tm.weekday)
            return sync_err(err, VM_ERR_INVALID, cat, "%s: it says %s, but %s is a %s", where,
                            c, date, i18n_text_ctx(cat, "weekday", en[tm.weekday]));
    }
    c = row->cell[SCOL_WEEK];
    if (c && *skip_space(c)) {
        int week = week_from_cell(c), iso_week, iso_year;
        cell_where(row, SCOL_WEEK, cat, where, sizeof where);
        if (week < 0)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: \"%s\" is not a week number (write it like 49)", where, c);
        dktime_week_start(start, &iso_week, &iso_year);
        if (week != iso_week)
            return sync_err(err, VM_ERR_INVALID, cat, "%s: it says week %d, but %s is in week %d",
                            where, week, date, iso_week);
    }
    return VM_OK;
}

/* Excel shows a long number it has cut short as 1,23457E+11 (Danish) or 1.23457E+11, and
 * saves the CSV so: the number itself is lost. */
static bool excel_shortened(const char *s)
{
    s = skip_space(s);
    if (!isdigit((unsigned char)*s++))
        return false;
    if (*s != ',' && *s != '.')
        return false;
    s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    if (*s != 'E' && *s != 'e')
        return false;
    s++;
    if (*s == '+' || *s == '-')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    return !*skip_space(s);
}

/* ---- small readers */

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* Reads 1..max digits; returns the number of digits read. */
static int read_digits(const char **sp, int max, int *val)
{
    const char *s = *sp;
    int n = 0, v = 0;
    while (n < max && isdigit((unsigned char)s[n])) {
        v = v * 10 + (s[n] - '0');
        n++;
    }
    if (n) {
        *val = v;
        *sp = s + n;
    }
    return n;
}

static bool read_time(const char **sp, int *hour, int *minute)
{
    const char *s = *sp;
    int h, m, sec;
    if (!read_digits(&s, 2, &h))
        return false;
    if (*s != ':' && *s != '.')
        return false;
    s++;
    if (read_digits(&s, 2, &m) != 2)
        return false;
    if ((*s == ':' || *s == '.') && isdigit((unsigned char)s[1])) {
        s++;
        if (read_digits(&s, 2, &sec) != 2 || sec > 59)
            return false;
    }
    if (h > 23 || m > 59)
        return false;
    *hour = h;
    *minute = m;
    *sp = s;
    return true;
}

/* HH:MM, HH.MM or an hour alone ("14"). */
static bool read_clock(const char **sp, int *hour, int *minute)
{
    const char *s = *sp;
    if (read_time(&s, hour, minute)) {
        *sp = s;
        return true;
    }
    int v;
    if (!read_digits(&s, 2, &v) || v > 23 || isdigit((unsigned char)*s))
        return false;
    *hour = v;
    *minute = 0;
    *sp = s;
    return true;
}

/* "14:00-16:00", "14.00 – 16.00", "kl. 14-16": start and end in one cell, as the "Tid"
 * column of a weekly plan has them. */
static bool parse_time_range(const char *s, int *h1, int *m1, int *h2, int *m2)
{
    s = skip_space(s);
    if ((s[0] == 'k' || s[0] == 'K') && (s[1] == 'l' || s[1] == 'L')) {
        s += 2;
        if (*s == '.')
            s++;
        s = skip_space(s);
    }
    if (!read_clock(&s, h1, m1))
        return false;
    s = skip_space(s);
    if (*s == '-')
        s++;
    else if (strncmp(s, "\xE2\x80\x93", 3) == 0) /* an en dash, as Word and Excel make it */
        s += 3;
    else
        return false;
    s = skip_space(s);
    if (!read_clock(&s, h2, m2))
        return false;
    return !*skip_space(s);
}

static bool read_date(const char **sp, int *y, int *mo, int *d)
{
    const char *s = *sp;
    int a, b, c;
    int na = read_digits(&s, 4, &a);
    if (!na)
        return false;
    char sep = *s;
    if (sep != '-' && sep != '.' && sep != '/')
        return false;
    s++;
    if (!read_digits(&s, 2, &b) || *s != sep)
        return false;
    s++;
    int nc = read_digits(&s, 4, &c);
    if (!nc)
        return false;
    if (na == 4) { /* 2026-12-24 */
        if (nc > 2)
            return false;
        *y = a, *mo = b, *d = c;
    } else { /* 24-12-2026, 24.12.26 */
        if (na > 2 || (nc != 2 && nc != 4))
            return false;
        *y = nc == 2 ? 2000 + c : c, *mo = b, *d = a;
    }
    *sp = s;
    return true;
}

bool sync_parse_when(const char *s, int *year, int *month, int *day, bool *has_date, int *hour,
                     int *minute, bool *has_time)
{
    *has_date = *has_time = false;
    s = skip_space(s);
    const char *t = s;
    if (read_date(&t, year, month, day)) {
        *has_date = true;
        if (*year < 2000 || *year > 2200 || *month < 1 || *month > 12 || *day < 1 ||
            *day > dktime_days_in_month(*year, *month))
            return false;
        s = t;
        if (*s == 'T')
            s++;
        s = skip_space(s);
        if (*s == ',')
            s = skip_space(s + 1);
    }
    if ((s[0] == 'k' || s[0] == 'K') && (s[1] == 'l' || s[1] == 'L')) {
        s += 2;
        if (*s == '.')
            s++;
        s = skip_space(s);
    }
    if (*s) {
        if (!read_time(&s, hour, minute))
            return false;
        *has_time = true;
        s = skip_space(s);
        if (*s == 'Z' && !s[1])
            return false; /* UTC marks belong to ICS, not to staff sheets */
    }
    return *s == '\0' && (*has_date || *has_time);
}

bool sync_parse_yes_no(const char *s, bool *out)
{
    char key[64];
    normalise(s, key, sizeof key);
    static const char *const yes[] = {"ja", "x", "1", "yes", "y", "j", "true", "sand", "✓",
                                      "✔"};
    static const char *const no[] = {"", "nej", "0", "no", "n", "false", "falsk"};
    if (strcmp(skip_space(s), "✓") == 0 || strcmp(skip_space(s), "✔") == 0 ||
        strcmp(skip_space(s), "X") == 0) {
        *out = true;
        return true;
    }
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcmp(key, yes[i]) == 0) {
            *out = true;
            return true;
        }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcmp(key, no[i]) == 0) {
            *out = false;
            return true;
        }
    return false;
}

bool sync_clean_field(const char *in, char *dst, size_t size, sync_notes *notes)
{
    size_t len = strlen(in);
    char *tmp = malloc(len + 1);
    if (!tmp)
        return false;
    size_t dropped = utf8_clean_line(in, tmp, len + 1);
    bool fits = strlen(tmp) < size;
    if (fits) {
        memcpy(dst, tmp, strlen(tmp) + 1);
        if (notes)
            notes->cleaned += (long)dropped;
    }
    free(tmp);
    return fits;
}

/* ---- helper tasks */

static bool word_is(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(w, *list, n) == 0)
            return true;
    return false;
}

static const char *const minute_words[] = {"min", "min.", "minutter", "minut", "minutes",
                                           "minute", "m", NULL};
static const char *const slot_words[] = {"pers", "pers.", "person", "personer", "pladser",
                                         "plads", "stk", "stk.", "hænder", "hjælpere",
                                         "hjælper", "people", "persons", "slots", "x", NULL};

/* One task: "Dække bord 30 min 2", "Lave kaffe (ca. 30 min., 1 person)", "Opvask x2". */
/* `long_title` (may be NULL) gets the task's name when only its length stood in the way. */
static bool parse_one_task(const char *in, helper_task *t, char *long_title, size_t size)
{
    if (long_title && size)
        long_title[0] = '\0';
    char buf[SYNC_CSV_TASK_BYTES];
    if (strlen(in) >= sizeof buf)
        return false;
    strcpy(buf, in);
    int minutes = -1, slots = -1;
    /* Blank out number+unit spans; what remains is the title. */
    for (char *p = buf; *p; p++) {
        if (!isdigit((unsigned char)*p))
            continue;
        if (p > buf && (isalnum((unsigned char)p[-1]) && tolower((unsigned char)p[-1]) != 'x'))
            continue; /* part of a word like "3D" or "bord2" */
        char *num = p;
        const char *q = p;
        int v;
        int nd = read_digits(&q, 4, &v);
        if (nd == 0 || isdigit((unsigned char)*q))
            return false;
        const char *w = q;
        while (*w == ' ')
            w++;
        const char *we = w;
        while (*we && *we != ' ' && *we != ',' && *we != ')' && *we != '(')
            we++;
        char *span_start = num, *span_end = (char *)q;
        if (num > buf && tolower((unsigned char)num[-1]) == 'x' &&
            (num - 1 == buf || num[-2] == ' ' || num[-2] == '(')) {
            slots = v; /* "x2" */
            span_start = num - 1;
        } else if (we > w && word_is(w, (size_t)(we - w), minute_words)) {
            minutes = v;
            span_end = (char *)we;
        } else if (we > w && word_is(w, (size_t)(we - w), slot_words)) {
            slots = v;
            span_end = (char *)we;
        } else if (!*skip_space(q) || *skip_space(q) == ')') {
            slots = v; /* a bare number at the end */
        } else {
            p = (char *)q - 1;
            continue;
        }
        /* "ca." before the minutes is dropped with them. */
        char *c = span_start;
        while (c > buf && c[-1] == ' ')
            c--;
        if (c - buf >= 3 && strncasecmp(c - 3, "ca.", 3) == 0)
            span_start = c - 3;
        else if (c - buf >= 2 && strncasecmp(c - 2, "ca", 2) == 0 &&
                 (c - 2 == buf || c[-3] == ' ' || c[-3] == '('))
            span_start = c - 2;
        memset(span_start, ' ', (size_t)(span_end - span_start));
        p = span_end - 1;
    }
    /* Drop empty brackets and separators left behind. */
    for (char *p = buf; *p; p++)
        if (*p == '(' || *p == ')' || *p == ',')
            *p = ' ';
    char title[SYNC_CSV_TASK_BYTES];
    utf8_clean_line(buf, title, sizeof title);
    size_t tl = strlen(title);
    while (tl && (title[tl - 1] == '-' || title[tl - 1] == ':' || title[tl - 1] == ' '))
        title[--tl] = '\0';
    if (tl >= sizeof t->title && long_title)
        snprintf(long_title, size, "%s", title);
    if (!tl || tl >= sizeof t->title)
        return false;
    if (minutes == 0 || minutes > 24 * 60 || slots == 0 || slots > 100)
        return false;
    memset(t, 0, sizeof *t);
    memcpy(t->title, title, tl + 1);
    t->minutes = minutes < 0 ? 30 : minutes;
    t->slots = slots < 0 ? 1 : slots;
    return true;
}

vm_status sync_parse_tasks(const char *cell, activity *a, const char *where,
                           const i18n_catalog *cat,
                           vm_err *err)
{
    a->n_tasks = 0;
    const char *p = cell;
    while (*p) {
        size_t n = strcspn(p, ";\n|");
        char part[SYNC_CSV_TASK_BYTES];
        if (n >= sizeof part)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: a helper task is too long (keep each to a short line)",
                            where);
        memcpy(part, p, n);
        part[n] = '\0';
        if (*skip_space(part)) {
            if (a->n_tasks == ACT_TASKS_MAX)
                return sync_err(err, VM_ERR_INVALID, cat,
                                "%s: more than %d helper tasks", where, ACT_TASKS_MAX);
            char long_title[SYNC_CSV_TASK_BYTES];
            bool ok = parse_one_task(part, &a->tasks[a->n_tasks], long_title, sizeof long_title);
            if (!ok && long_title[0]) {
                char fit[TASK_TITLE_MAX];
                utf8_copy(fit, sizeof fit, long_title);
                return sync_err(err, VM_ERR_INVALID, cat,
                                "%s: the helper task \"%s\" has a name of %d characters; %d "
                                "fit",
                                where, long_title, (int)utf8_length(long_title),
                                (int)utf8_length(fit));
            }
            if (!ok)
                return sync_err(err, VM_ERR_INVALID, cat,
                                "%s: the helper task \"%s\" cannot be read (write it like "
                                "\"Dække bord 30 min 2\": what, minutes, how many)",
                                where, part);
            for (int i = 0; i < a->n_tasks; i++)
                if (strcmp(a->tasks[i].title, a->tasks[a->n_tasks].title) == 0)
                    return sync_err(err, VM_ERR_INVALID, cat,
                                    "%s: the helper task \"%s\" is named twice", where,
                                    a->tasks[i].title);
            a->n_tasks++;
        }
        p += n;
        if (*p)
            p++;
    }
    return VM_OK;
}

/* ---- a row */

static bool parse_int(const char *s, int max, int *out)
{
    s = skip_space(s);
    int v = 0, n = 0;
    while (isdigit((unsigned char)s[n])) {
        if (v > max)
            return false;
        v = v * 10 + (s[n] - '0');
        n++;
    }
    if (!n || *skip_space(s + n) || v > max)
        return false;
    *out = v;
    return true;
}

static bool phone_ok(const char *s)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(" +-()", *p))
            return false;
    }
    return digits >= 8 && digits <= 15;
}

static bool link_ok(const char *s)
{
    if (strncasecmp(s, "https://", 8) != 0 && strncasecmp(s, "http://", 7) != 0)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return false;
    return strlen(s) > 8;
}

static bool mode_from_cell(const char *s, signup_mode *m)
{
    char key[64];
    normalise(s, key, sizeof key);
    static const struct {
        const char *w;
        signup_mode m;
    } words[] = {
        {"ja", SIGNUP_MODE_OPEN}, {"åben", SIGNUP_MODE_OPEN}, {"tilmelding", SIGNUP_MODE_OPEN},
        {"open", SIGNUP_MODE_OPEN}, {"yes", SIGNUP_MODE_OPEN}, {"x", SIGNUP_MODE_OPEN},
        {"1", SIGNUP_MODE_OPEN}, {"deltagere", SIGNUP_MODE_OPEN},
        {"nej", SIGNUP_MODE_NONE}, {"ingen", SIGNUP_MODE_NONE}, {"barekom", SIGNUP_MODE_NONE},
        {"none", SIGNUP_MODE_NONE}, {"no", SIGNUP_MODE_NONE}, {"0", SIGNUP_MODE_NONE},
        {"hjælpere", SIGNUP_MODE_HELPERS}, {"kunhjælpere", SIGNUP_MODE_HELPERS},
        {"givenhånd", SIGNUP_MODE_HELPERS}, {"helpers", SIGNUP_MODE_HELPERS},
        {"opgaver", SIGNUP_MODE_HELPERS}, {"kunopgaver", SIGNUP_MODE_HELPERS},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].w, key) == 0) {
            *m = words[i].m;
            return true;
        }
    return signup_mode_from_word(s, m);
}

static const struct {
    sync_col col;
    unsigned bit;
} badge_cols[] = {
    {SCOL_FREE, BADGE_FREE},         {SCOL_JUST_COME, BADGE_JUST_COME},
    {SCOL_CHILDCARE, BADGE_CHILDCARE}, {SCOL_ALONE_OK, BADGE_ALONE_OK},
    {SCOL_RESIDENTS_ONLY, BADGE_RESIDENTS_ONLY}, {SCOL_STEP_FREE, BADGE_STEP_FREE},
};


static vm_status apply_times(const sync_row *row, activity *a, const i18n_catalog *cat,
                             vm_err *err)
{
    char where[256]; /* a cell's place, written only for a message */
    int dy = 0, dm = 0, dd = 0, h, mi, y, mo, d;
    bool has_date_col = false, hd, ht;
    const char *sc = row->cell[SCOL_START], *ec = row->cell[SCOL_END];
    const char *dc = row->cell[SCOL_DATE];
    if (dc && *skip_space(dc)) {
        if (weekday_from_word(dc) >= 0 && !strpbrk(dc, "0123456789"))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: \"%s\" is a day of the week; the kiosk needs the date too (a "
                            "column \"dato\" with 24-12-2026)",
                            cell_where(row, SCOL_DATE, cat, where, sizeof where), dc);
        if (!sync_parse_when(dc, &dy, &dm, &dd, &hd, &h, &mi, &ht) || !hd || ht)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the date \"%s\" cannot be read (write it like "
                            "24-12-2026)",
                            cell_where(row, SCOL_DATE, cat, where, sizeof where), dc);
        has_date_col = true;
    }
    if (!sc)
        return VM_OK;
    if (!*skip_space(sc))
        return sync_err(err, VM_ERR_INVALID, cat, "%s: the start time is missing",
                       cell_where(row, SCOL_START, cat, where, sizeof where));
    int rh, rm; /* the end of a range "14:00-16:00" in the start cell */
    bool range = has_date_col && (!ec || !*skip_space(ec)) &&
                 parse_time_range(sc, &h, &mi, &rh, &rm);
    if (range) {
        hd = false;
    } else if (!sync_parse_when(sc, &y, &mo, &d, &hd, &h, &mi, &ht) || !ht ||
               (!hd && !has_date_col)) {
        return sync_err(err, VM_ERR_INVALID, cat,
                        "%s: the start \"%s\" cannot be read (write it like 24-12-2026 "
                        "18:00)",
                        cell_where(row, SCOL_START, cat, where, sizeof where), sc);
    }
    if (!hd)
        y = dy, mo = dm, d = dd;
    int64_t start;
    if (!dktime_from_local(y, mo, d, h, mi, &start))
        return sync_err(err, VM_ERR_INVALID, cat,
                        "%s: the start \"%s\" is not a date that exists",
                        cell_where(row, SCOL_START, cat, where, sizeof where), sc);
    int64_t end = start + 2 * 3600;
    if (range) {
        if (!dktime_from_local(y, mo, d, rh, rm, &end))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the start \"%s\" is not a date that exists",
                        cell_where(row, SCOL_START, cat, where, sizeof where), sc);
        if (end < start)
            end += 24 * 3600; /* 22-01 ends the next day */
    } else if (ec && *skip_space(ec)) {
        int ey, emo, ed, eh, emi;
        bool ehd, eht;
        if (!sync_parse_when(ec, &ey, &emo, &ed, &ehd, &eh, &emi, &eht) || !eht)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the end \"%s\" cannot be read (write it like 20:00 or "
                            "24-12-2026 20:00)",
                            cell_where(row, SCOL_END, cat, where, sizeof where), ec);
        if (!ehd)
            ey = y, emo = mo, ed = d;
        if (!dktime_from_local(ey, emo, ed, eh, emi, &end))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the end \"%s\" is not a date that exists",
                            cell_where(row, SCOL_END, cat, where, sizeof where), ec);
        if (!ehd && end < start)
            end += 24 * 3600; /* 22:00 to 01:00 ends the next day */
        if (end < start)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the activity ends (%s) before it starts (%s)",
                            cell_where(row, SCOL_END, cat, where, sizeof where), ec,
                            sc);
        if (end - start > 14 * 24 * 3600)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the activity lasts more than two weeks (%s to %s)",
                            cell_where(row, SCOL_END, cat, where, sizeof where),
                            sc, ec);
    }
    vm_status st = check_day_and_week(row, start, cat, err);
    if (st != VM_OK)
        return st;
    a->start = start;
    a->end = end;
    return VM_OK;
}

/* sync_text_cell, with the cell's place either given (`where`) or written from `row` and
 * `col` only when there is something to say (it cost a snprintf for every cell). */
static vm_status text_cell(const char *c, const sync_row *row, sync_col col, const char *where,
                           bool number, char *dst, size_t size, sync_notes *notes, vm_err *err)
{
    const i18n_catalog *cat = notes ? notes->cat : NULL;
    char buf[256];
    if (number && excel_shortened(c))
        return sync_err(err, VM_ERR_INVALID, cat,
                        "%s: \"%s\" is how Excel shows a long number it has cut short, so the "
                        "number itself is lost. In Excel, format the column as Text, type the "
                        "numbers again and save.",
                        where ? where : cell_where(row, col, cat, buf, sizeof buf), c);
    if (sync_clean_field(c, dst, size, notes))
        return VM_OK;
    /* Too long: say it in characters, as the staff count, not in bytes. */
    size_t len = strlen(c);
    char *tmp = malloc(len + 1);
    if (!tmp)
        return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
    utf8_clean_line(c, tmp, len + 1);
    int has = (int)utf8_length(tmp);
    tmp[utf8_prefix_bytes(tmp, (size_t)-1, size - 1)] = '\0';
    int fit = (int)utf8_length(tmp);
    free(tmp);
    return sync_err(err, VM_ERR_INVALID, cat,
                    "%s: the text is too long: it has %d characters, and %d fit here",
                    where ? where : cell_where(row, col, cat, buf, sizeof buf), has, fit);
}

vm_status sync_text_cell(const char *c, const char *where, bool number, char *dst, size_t size,
                         sync_notes *notes, vm_err *err)
{
    return text_cell(c, NULL, SCOL_ID, where, number, dst, size, notes, err);
}

/* A text field: cleaned, and refused, with how much fits, when it does not fit. */
static vm_status text_field(const sync_row *row, sync_col col, char *dst, size_t size,
                            sync_notes *notes, vm_err *err)
{
    const char *c = row->cell[col];
    if (!c)
        return VM_OK;
    return text_cell(c, row, col, NULL, col == SCOL_ID || col == SCOL_PHONE, dst, size, notes,
                     err);
}

vm_status sync_row_apply(const sync_row *row, activity *a, sync_notes *notes, vm_err *err)
{
    const i18n_catalog *cat = notes ? notes->cat : NULL;
    const char *c;

    vm_status st = apply_times(row, a, cat, err);
    if (st != VM_OK)
        return st;
    static const struct {
        sync_col col;
        size_t off, size;
    } texts[] = {
        {SCOL_ID, offsetof(activity, uid), sizeof a->uid},
        {SCOL_TITLE, offsetof(activity, title), sizeof a->title},
        {SCOL_PLACE, offsetof(activity, place), sizeof a->place},
        {SCOL_HOST, offsetof(activity, host), sizeof a->host},
        {SCOL_PRICE, offsetof(activity, price), sizeof a->price},
        {SCOL_AUDIENCE, offsetof(activity, audience), sizeof a->audience},
        {SCOL_PHONE, offsetof(activity, host_phone), sizeof a->host_phone},
        {SCOL_LINK, offsetof(activity, signup_url), sizeof a->signup_url},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if ((st = text_field(row, texts[i].col, (char *)a + texts[i].off, texts[i].size, notes,
                             err)) != VM_OK)
            return st;
    char cw[256];
    if (a->host_phone[0] && !phone_ok(a->host_phone))
        return sync_err(err, VM_ERR_INVALID, cat,
                        "%s: the phone number \"%s\" cannot be read (8 to 15 digits)",
                        cell_where(row, SCOL_PHONE, cat, cw, sizeof cw), a->host_phone);
    if (a->signup_url[0] && !link_ok(a->signup_url))
        return sync_err(err, VM_ERR_INVALID, cat,
                        "%s: the link \"%s\" must start with https:// and hold no spaces",
                        cell_where(row, SCOL_LINK, cat, cw, sizeof cw), a->signup_url);
    if ((c = row->cell[SCOL_DESCRIPTION])) {
        size_t len = strlen(c);
        char *tmp = malloc(len + 1);
        if (!tmp)
            return sync_err(err, VM_ERR_NOMEM, cat, "out of memory");
        size_t dropped = utf8_clean_text(c, tmp, len + 1);
        if (notes)
            notes->cleaned += (long)dropped;
        size_t keep = utf8_prefix_bytes(tmp, (size_t)-1, sizeof a->description - 1);
        memcpy(a->description, tmp, keep);
        a->description[keep] = '\0';
        if (keep < strlen(tmp) && notes && notes->buf) {
            sync_buf_printf(notes->buf,
                            SYNC_T(cat, "%s: the description was cut to its first %d "
                                        "characters"),
                            cell_where(row, SCOL_DESCRIPTION, cat, cw, sizeof cw),
                            (int)utf8_length(a->description));
            sync_buf_adds(notes->buf, "\n");
        }
        free(tmp);
    }
    if ((c = row->cell[SCOL_CATEGORY]) && *skip_space(c)) {
        char word[128];
        utf8_clean_line(c, word, sizeof word);
        a->category = category_from_word(word);
        if (a->category == CAT_OTHER && notes && notes->buf) {
            char key[128];
            normalise(word, key, sizeof key);
            if (strcmp(key, "andet") != 0 && strcmp(key, "other") != 0) {
                sync_buf_printf(notes->buf,
                                SYNC_T(cat, "%s: the category \"%s\" is not known; shown "
                                            "as \"other\""),
                                cell_where(row, SCOL_CATEGORY, cat, cw, sizeof cw), word);
                sync_buf_adds(notes->buf, "\n");
            }
        }
    }
    if ((c = row->cell[SCOL_CAPACITY]) && *skip_space(c)) {
        char key[32];
        normalise(c, key, sizeof key);
        if (strcmp(key, "ubegrænset") == 0 || strcmp(key, "ingen") == 0)
            a->capacity = 0;
        else if (!parse_int(c, 10000, &a->capacity))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the number of places \"%s\" is not a whole number from 0 "
                            "to 10000",
                            cell_where(row, SCOL_CAPACITY, cat, cw, sizeof cw), c);
    }
    if ((c = row->cell[SCOL_DEADLINE]) && *skip_space(c)) {
        int y, mo, d, h = 23, mi = 59;
        bool hd, ht;
        if (!sync_parse_when(c, &y, &mo, &d, &hd, &h, &mi, &ht) || !hd)
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the deadline \"%s\" cannot be read (write it like "
                            "20-12-2026 or 20-12-2026 12:00)",
                            cell_where(row, SCOL_DEADLINE, cat, cw, sizeof cw), c);
        if (!ht)
            h = 23, mi = 59;
        if (!dktime_from_local(y, mo, d, h, mi, &a->deadline))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: the deadline \"%s\" is not a date that exists",
                            cell_where(row, SCOL_DEADLINE, cat, cw, sizeof cw), c);
    }
    if ((c = row->cell[SCOL_HOUSEHOLD])) {
        if (!sync_parse_yes_no(c, &a->count_household))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: write \"ja\" or \"nej\", not \"%s\"",
                            cell_where(row, SCOL_HOUSEHOLD, cat, cw, sizeof cw), c);
    }
    if ((c = row->cell[SCOL_CANCELLED])) {
        if (!sync_parse_yes_no(c, &a->cancelled))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: write \"ja\" or \"nej\", not \"%s\"",
                            cell_where(row, SCOL_CANCELLED, cat, cw, sizeof cw), c);
    }
    for (size_t i = 0; i < sizeof badge_cols / sizeof badge_cols[0]; i++) {
        bool on;
        if (!(c = row->cell[badge_cols[i].col]))
            continue;
        if (!sync_parse_yes_no(c, &on))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: write \"ja\" or \"nej\", not \"%s\"",
                            cell_where(row, badge_cols[i].col, cat, cw, sizeof cw), c);
        if (on)
            a->badges |= badge_cols[i].bit;
        else
            a->badges &= ~badge_cols[i].bit;
    }
    if ((c = row->cell[SCOL_BADGES])) {
        const char *p = c;
        while (*p) {
            size_t n = strcspn(p, ",;/\n");
            char word[96];
            if (n < sizeof word) {
                memcpy(word, p, n);
                word[n] = '\0';
                char clean[96];
                utf8_clean_line(word, clean, sizeof clean);
                if (clean[0]) {
                    unsigned bit = badge_from_word(clean);
                    if (!bit)
                        return sync_err(err, VM_ERR_INVALID, cat,
                                        "%s: the badge \"%s\" is not known (use gratis, "
                                        "bare kom, børnepasning, alene, kun beboere, uden "
                                        "trapper)",
                                        cell_where(row, SCOL_BADGES, cat, cw, sizeof cw),
                                        clean);
                    a->badges |= bit;
                }
            } else {
                return sync_err(err, VM_ERR_INVALID, cat,
                                "%s: the badges cannot be read",
                                cell_where(row, SCOL_BADGES, cat, cw, sizeof cw));
            }
            p += n;
            if (*p)
                p++;
        }
    }
    if ((c = row->cell[SCOL_TASKS])) {
        st = sync_parse_tasks(c, a, cell_where(row, SCOL_TASKS, cat, cw, sizeof cw), cat,
                              err);
        if (st != VM_OK)
            return st;
    }
    bool mode_given = false;
    if ((c = row->cell[SCOL_MODE]) && *skip_space(c)) {
        if (!mode_from_cell(c, &a->mode))
            return sync_err(err, VM_ERR_INVALID, cat,
                            "%s: write \"ja\", \"nej\" or \"hjælpere\", not \"%s\"",
                            cell_where(row, SCOL_MODE, cat, cw, sizeof cw), c);
        mode_given = true;
    }
    if (!mode_given && a->mode == SIGNUP_MODE_NONE) {
        /* Nothing says it: places, a deadline or a head count mean sign-up; only tasks
         * mean helpers only; else "Bare kom". */
        if (a->capacity > 0 || a->deadline || a->count_household)
            a->mode = SIGNUP_MODE_OPEN;
        else if (a->n_tasks > 0)
            a->mode = SIGNUP_MODE_HELPERS;
    }
    if (a->mode == SIGNUP_MODE_HELPERS && a->n_tasks == 0)
        return sync_err(err, VM_ERR_INVALID, cat,
                        "%s: sign-up is \"hjælpere\" but no helper tasks are given in "
                        "column \"%s\"",
                        cell_where(row, SCOL_MODE, cat, cw, sizeof cw),
                        row->header[SCOL_TASKS] ? row->header[SCOL_TASKS]
                                                : sync_col_name(SCOL_TASKS));
    return VM_OK;
}
