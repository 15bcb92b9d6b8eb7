#include "bench_gen.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dktime.h"

/* What an estate's week holds; each synthetic activity is one of these on some day. */
typedef struct tmpl {
    const char *title;
    category cat;
    const char *place, *host, *phone, *price, *audience, *url;
    signup_mode mode;
    int capacity;
    bool household;
    unsigned badges;
    int minutes;
    const char *tasks; /* "title minutes slots; ..." as in the CSV, or NULL */
    const char *description;
} tmpl;

static const tmpl TEMPLATES[] = {
    {"Morgenkaffe", CAT_CAFE, "Caféen", "Inge", NULL, NULL, "For alle", NULL, SIGNUP_MODE_NONE,
     0, false, BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK | BADGE_STEP_FREE, 90, NULL,
     "Kom og få en kop kaffe og en snak med naboerne. Der er altid et rundstykke."},
    {"Fællesspisning", CAT_FOOD, "Fælleshuset", "Hanne", NULL, "25 kr., børn 10 kr.", "For alle",
     NULL, SIGNUP_MODE_OPEN, 40, true, BADGE_ALONE_OK | BADGE_CHILDCARE, 120,
     "Dække bord 30 2; Lave kaffe 30 1; Opvask 45 2",
     "Vi laver mad sammen og spiser ved de lange borde. Tag gerne naboen med."},
    {"Gåtur rundt om søen", CAT_WALK, "Ved indgangen", "Bent", NULL, NULL, "For alle", NULL,
     SIGNUP_MODE_NONE, 0, false, BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK, 60, NULL,
     "Vi går i roligt tempo, og der er bænke på vejen."},
    {"Lektiecafé", CAT_HOMEWORK, "Biblioteket", "Amira", NULL, NULL, "Børn og unge", NULL,
     SIGNUP_MODE_NONE, 0, false, BADGE_FREE | BADGE_JUST_COME, 120, NULL,
     "Frivillige hjælper med lektier i dansk, matematik og engelsk."},
    {"Banko", CAT_GAMES, "Fælleshuset", "Lis", "20304050", "10 kr. pr. plade", NULL, NULL,
     SIGNUP_MODE_OPEN, 30, false, BADGE_ALONE_OK, 120, NULL,
     "Præmier, kaffe og kage. Plader kan købes ved døren."},
    {"Strikkeklub", CAT_CRAFTS, "Caféen", "Grethe", NULL, NULL, "For alle", NULL,
     SIGNUP_MODE_OPEN, 12, false, BADGE_FREE | BADGE_ALONE_OK, 120, NULL,
     "Vi strikker, hækler og drikker kaffe. Garn og pinde kan lånes."},
    {"Fællessang", CAT_MUSIC, "Salen", "Poul", NULL, NULL, "For alle", NULL, SIGNUP_MODE_NONE,
     0, false, BADGE_FREE | BADGE_JUST_COME | BADGE_STEP_FREE, 60, NULL,
     "Vi synger fra Højskolesangbogen med klaver."},
    {"Reparationsværksted", CAT_WORKSHOP, "Værkstedet", "Jens", NULL, NULL, "For alle", NULL,
     SIGNUP_MODE_HELPERS, 0, false, BADGE_FREE, 180, "Hjælpe ved bordene 60 3; Lave kaffe 30 1",
     "Tag din cykel, lampe eller brødrister med. Vi reparerer sammen."},
    {"Børneklub", CAT_KIDS, "Klubrummet", "Sara", NULL, NULL, "Børn 6-12 år", NULL,
     SIGNUP_MODE_OPEN, 20, false, BADGE_FREE, 120, NULL,
     "Spil, leg og saft. En voksen fra klubben er med hele tiden."},
    {"Havedag", CAT_GARDEN, "Gården", "Ole", NULL, NULL, "For alle", NULL, SIGNUP_MODE_HELPERS,
     0, false, BADGE_FREE | BADGE_JUST_COME, 180, "Luge bede 60 6; Lave frokost 60 2",
     "Vi luger, planter og spiser frokost sammen bagefter."},
    {"Foredrag om pension", CAT_TALK, "Salen", "Mette", NULL, NULL, "For alle", NULL,
     SIGNUP_MODE_OPEN, 60, false, BADGE_FREE | BADGE_STEP_FREE, 90, NULL,
     "En rådgiver fortæller om pension og boligstøtte. Der er tid til spørgsmål."},
    {"Beboermøde", CAT_MEETING, "Fælleshuset", "Afdelingsbestyrelsen", NULL, NULL, "Beboere",
     NULL, SIGNUP_MODE_NONE, 0, false, BADGE_RESIDENTS_ONLY | BADGE_JUST_COME, 120, NULL,
     "Dagsorden hænger i opgangene. Der er tolk på arabisk og somali."},
    {"Yoga for alle", CAT_SPORT, "Salen", "Fatima", NULL, "20 kr.", "For alle", NULL,
     SIGNUP_MODE_OPEN, 15, false, BADGE_ALONE_OK, 60, NULL,
     "Rolig yoga på stol eller måtte. Tag løst tøj på."},
    {"Sy-café", CAT_CRAFTS, "Caféen", "Leila", "+45 22 33 44 55", NULL, "Kvinder", NULL,
     SIGNUP_MODE_OPEN, 10, false, BADGE_FREE | BADGE_CHILDCARE, 120, NULL,
     "Symaskiner og stof er der. Vi hjælper hinanden."},
    {"Pigefodbold", CAT_SPORT, "Banen", "Nadia", NULL, NULL, "Piger 10-14 år",
     "https://example.org/tilmeld/pigefodbold", SIGNUP_MODE_OPEN, 22, false, BADGE_FREE, 90,
     NULL, "Træning for alle piger, også dem der aldrig har spillet."},
    {"Julefest", CAT_PARTY, "Fælleshuset", "Festudvalget", NULL, "50 kr., børn gratis",
     "For alle", NULL, SIGNUP_MODE_OPEN, 80, true, BADGE_ALONE_OK | BADGE_CHILDCARE, 240,
     "Pynte op 60 4; Rydde op 60 4", "Mad, musik og julemand. Husk at tilmelde hele familien."},
};
#define N_TEMPLATES (sizeof TEMPLATES / sizeof TEMPLATES[0])

static void parse_tasks(const char *spec, activity *a)
{
    a->n_tasks = 0;
    while (spec && *spec && a->n_tasks < ACT_TASKS_MAX) {
        const char *end = strchr(spec, ';');
        size_t len = end ? (size_t)(end - spec) : strlen(spec);
        char item[TASK_TITLE_MAX];
        snprintf(item, sizeof item, "%.*s", (int)len, spec);
        /* "Dække bord 30 2": the last two words are minutes and slots */
        char *slots = strrchr(item, ' ');
        if (slots) {
            *slots++ = '\0';
            char *minutes = strrchr(item, ' ');
            if (minutes) {
                *minutes++ = '\0';
                helper_task *t = &a->tasks[a->n_tasks++];
                memset(t, 0, sizeof *t);
                snprintf(t->title, sizeof t->title, "%s", item);
                t->minutes = atoi(minutes);
                t->slots = atoi(slots);
            }
        }
        spec = end ? end + 1 : NULL;
        while (spec && *spec == ' ')
            spec++;
    }
}

void bench_gen_program(activity *acts, size_t n, int64_t now)
{
    int days = n <= 30 ? 14 : 69;
    int64_t day0 = dktime_day_start(now);
    size_t first_of_day = 0;
    int prev_day = -1;
    for (size_t i = 0; i < n; i++) {
        activity *a = &acts[i];
        const tmpl *t = &TEMPLATES[(i * 7 + i / N_TEMPLATES) % N_TEMPLATES];
        int day = (int)((i * (size_t)days) / (n ? n : 1));
        if (day != prev_day) {
            first_of_day = i;
            prev_day = day;
        }
        int k = (int)(i - first_of_day);
        memset(a, 0, sizeof *a);
        snprintf(a->uid, sizeof a->uid, "bench-%05zu", i);
        snprintf(a->title, sizeof a->title, "%s", t->title);
        snprintf(a->description, sizeof a->description, "%s", t->description);
        a->category = t->cat;
        snprintf(a->place, sizeof a->place, "%s", t->place ? t->place : "");
        snprintf(a->host, sizeof a->host, "%s", t->host ? t->host : "");
        snprintf(a->host_phone, sizeof a->host_phone, "%s", t->phone ? t->phone : "");
        snprintf(a->price, sizeof a->price, "%s", t->price ? t->price : "");
        snprintf(a->audience, sizeof a->audience, "%s", t->audience ? t->audience : "");
        snprintf(a->signup_url, sizeof a->signup_url, "%s", t->url ? t->url : "");
        /* 09:00, 09:30, ... 20:30 local, spread so a busy day's activities differ in time */
        int slot = (k * 5) % 24;
        int64_t midnight = dktime_day_start(day0 + (int64_t)day * 86400 + 12 * 3600);
        a->start = midnight + 9 * 3600 + slot * 1800;
        a->end = a->start + t->minutes * 60;
        a->mode = t->mode;
        a->capacity = t->capacity;
        a->count_household = t->household;
        a->badges = t->badges;
        /* sign-up closes the day before at noon, when that is still ahead */
        if (t->mode == SIGNUP_MODE_OPEN && t->household) {
            int64_t deadline = dktime_day_start(a->start) - 12 * 3600;
            if (deadline > now)
                a->deadline = deadline;
        }
        parse_tasks(t->tasks, a);
    }
}

static void csv_cell(FILE *out, const char *s, bool last)
{
    bool quote = strpbrk(s, ";\"\r\n") != NULL;
    if (quote) {
        fputc('"', out);
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    } else {
        fputs(s, out);
    }
    fputs(last ? "\r\n" : ";", out);
}

static void local_dmy(int64_t utc, char out[32])
{
    dk_tm t = dktime_local(utc);
    snprintf(out, 32, "%02d-%02d-%04d %02d:%02d", t.day, t.month, t.year, t.hour, t.minute);
}

int bench_gen_write_csv(FILE *out, const activity *acts, size_t n)
{
    static const char *const header[] = {
        "id", "titel", "kategori", "start", "slut", "sted", "vært", "telefon", "pris",
        "målgruppe", "tilmelding", "pladser", "frist", "husstand", "gratis", "bare kom",
        "børnepasning", "alene", "kun beboere", "uden trapper", "opgaver", "link", "beskrivelse"};
    const size_t nh = sizeof header / sizeof header[0];
    fputs("\xEF\xBB\xBF", out);
    for (size_t i = 0; i < nh; i++)
        csv_cell(out, header[i], i + 1 == nh);
    for (size_t i = 0; i < n; i++) {
        const activity *a = &acts[i];
        char start[32], end[32], deadline[32] = "", cap[16] = "", tasks[512] = "";
        local_dmy(a->start, start);
        local_dmy(a->end, end);
        if (a->deadline)
            local_dmy(a->deadline, deadline);
        if (a->capacity)
            snprintf(cap, sizeof cap, "%d", a->capacity);
        for (int k = 0; k < a->n_tasks; k++) {
            size_t len = strlen(tasks);
            snprintf(tasks + len, sizeof tasks - len, "%s%s %d min %d", k ? "; " : "",
                     a->tasks[k].title, a->tasks[k].minutes, a->tasks[k].slots);
        }
        const char *mode = a->mode == SIGNUP_MODE_OPEN      ? "ja"
                           : a->mode == SIGNUP_MODE_HELPERS ? "hjælpere"
                                                            : "nej";
#define YN(bit) ((a->badges & (bit)) ? "ja" : "nej")
        const char *cells[] = {a->uid, a->title, category_key(a->category), start, end,
                               a->place, a->host, a->host_phone, a->price, a->audience, mode,
                               cap, deadline, a->count_household ? "ja" : "nej",
                               YN(BADGE_FREE), YN(BADGE_JUST_COME), YN(BADGE_CHILDCARE),
                               YN(BADGE_ALONE_OK), YN(BADGE_RESIDENTS_ONLY),
                               YN(BADGE_STEP_FREE), tasks, a->signup_url, a->description};
#undef YN
        for (size_t c = 0; c < nh; c++)
            csv_cell(out, cells[c], c + 1 == nh);
    }
    return ferror(out) ? -1 : 0;
}

/* RFC 5545 TEXT: backslash, comma, semicolon and newline escaped. */
static void ics_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == ',' || *s == ';')
            fputc('\\', out);
        if (*s == '\n')
            fputs("\\n", out);
        else
            fputc(*s, out);
    }
}

static void ics_local(int64_t utc, char out[32])
{
    dk_tm t = dktime_local(utc);
    snprintf(out, 32, "%04d%02d%02dT%02d%02d00", t.year, t.month, t.day, t.hour, t.minute);
}

int bench_gen_write_ics(FILE *out, size_t n_events, int64_t now)
{
    static const char *const days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
          "CALSCALE:GREGORIAN\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"
          "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
          "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
          "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
          "END:VTIMEZONE\r\n",
          out);
    int64_t monday = dktime_week_start(now, &(int){0}, &(int){0});
    for (size_t i = 0; i < n_events; i++) {
        const tmpl *t = &TEMPLATES[i % N_TEMPLATES];
        int wd = (int)(i % 7);
        int64_t start = dktime_day_start(monday + (int64_t)wd * 86400 + 12 * 3600) + 9 * 3600 +
                        (int64_t)((i * 5) % 24) * 1800;
        char s[32], e[32];
        ics_local(start, s);
        ics_local(start + t->minutes * 60, e);
        fprintf(out,
                "BEGIN:VEVENT\r\nUID:ugentlig-%03zu@bench.vaermed\r\nDTSTAMP:20261101T080000Z\r\n"
                "DTSTART;TZID=Europe/Copenhagen:%s\r\nDTEND;TZID=Europe/Copenhagen:%s\r\n"
                "RRULE:FREQ=WEEKLY;BYDAY=%s\r\nSUMMARY:",
                i, s, e, days[wd]);
        ics_text(out, t->title);
        fputs("\r\nLOCATION:", out);
        ics_text(out, t->place);
        fprintf(out, "\r\nCATEGORIES:%s\r\nDESCRIPTION:", category_key(t->cat));
        ics_text(out, t->description);
        fputs("\\nVært: ", out);
        ics_text(out, t->host);
        if (t->capacity)
            fprintf(out, "\\nPladser: %d", t->capacity);
        fputs("\r\nEND:VEVENT\r\n", out);
    }
    fputs("END:VCALENDAR\r\n", out);
    return ferror(out) ? -1 : 0;
}

int64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double bench_p99(double *v, size_t n)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t rank = (size_t)((99 * n + 99) / 100); /* ceil(0.99 n), 1-based */
    return v[rank - 1];
}
