/* print_words: every Danish word and date format the printed program uses, in one place, so
 * they can move to the i18n catalogs in one step. Paper hangs in a Danish stairwell, so print
 * speaks Danish whatever language the screen was left in. */
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "print/print_internal.h"

const pr_font PR_BODY = {12, false, false, 0, PANGO_ALIGN_LEFT, {0.1, 0.1, 0.1}, 0};

static const char *const weekdays[7] = {"Mandag", "Tirsdag", "Onsdag", "Torsdag",
                                        "Fredag", "Lørdag",  "Søndag"};
static const char *const weekdays_lower[7] = {"mandag", "tirsdag", "onsdag", "torsdag",
                                              "fredag", "lørdag",  "søndag"};
static const char *const months[12] = {"januar", "februar", "marts",     "april",
                                       "maj",    "juni",    "juli",      "august",
                                       "september", "oktober", "november", "december"};

static const struct {
    const char *key, *da;
} words[] = {
    {"cancelled", "Aflyst"},
    {"week", "Uge"},
    {"continued", "fortsat"},
    {"page", "Side %d af %d"},
    {"printed", "Udskrevet"},
    {"scan help", "Hold mobilens kamera over koden"},
    {"scan footer", "Scan en kode med mobilens kamera"},
    {"nothing this week", "Der er ingen aktiviteter i denne uge."},
    {"more this week", "Og %zu aktiviteter mere i denne uge: se skærmen i fælleshuset."},
    {"welcome", "Der er plads til dig!"},
    {"host", "Vært"},
    {"price", "Pris"},
    {"at", "kl."},
    {"deadline", "Tilmeld dig senest"},
    {"closed", "Tilmeldingen er lukket"},
    {"ask host", "Spørg værten eller kom forbi fælleshuset"},
    {"program", "Det sker i fælleshuset"},
    {"join us", "Vær med"},
    {"how to join", "Tilmeld dig på skærmen i fælleshuset eller med mobilen: scan koden. "
                    "»Bare kom«: ingen tilmelding."},
    {"join", "Tilmeld dig på skærmen eller med koden"},
    {"give a hand", "Giv en hånd: tilmeld dig"},
    {"deadline short", "Tilmeld senest"},
};

const char *pr_word(const char *key)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].key, key) == 0)
            return words[i].da;
    return key; /* visible, never blank: a missing word shows as its key */
}

const char *pr_word_badge(unsigned badge_bit)
{
    switch (badge_bit) {
    case BADGE_FREE: return "Gratis";
    case BADGE_JUST_COME: return "Bare kom";
    case BADGE_CHILDCARE: return "Børnepasning";
    case BADGE_ALONE_OK: return "Det er fint at komme alene";
    case BADGE_RESIDENTS_ONLY: return "Kun for beboere";
    case BADGE_STEP_FREE: return "Uden trapper";
    default: return "";
    }
}

const char *pr_word_scan(qr_target_kind kind)
{
    switch (kind) {
    case QR_TARGET_URL: return "Scan og tilmeld dig";
    case QR_TARGET_SMS: return "Scan og tilmeld dig med en sms";
    case QR_TARGET_CALENDAR: return "Scan og tilføj til din kalender";
    default: return "";
    }
}

/* Noon of the day `days` after local midnight `day_start`, safe across the DST change days. */
static dk_tm day_after(int64_t day_start, int days)
{
    return dktime_local(day_start + (int64_t)days * 86400 + 12 * 3600);
}

void pr_week_title(int64_t week_start, char *out, size_t size)
{
    int week = 0, year = 0;
    int64_t monday = dktime_week_start(week_start, &week, &year);
    dk_tm a = day_after(monday, 0), b = day_after(monday, 6);
    const char *w = pr_word("week");
    if (a.year != b.year)
        snprintf(out, size, "%s %d · %d. %s %d – %d. %s %d", w, week, a.day, months[a.month - 1],
                 a.year, b.day, months[b.month - 1], b.year);
    else if (a.month != b.month)
        snprintf(out, size, "%s %d · %d. %s – %d. %s %d", w, week, a.day, months[a.month - 1],
                 b.day, months[b.month - 1], b.year);
    else
        snprintf(out, size, "%s %d · %d.–%d. %s %d", w, week, a.day, b.day, months[b.month - 1],
                 b.year);
}

void pr_day_heading(int64_t t, char *out, size_t size)
{
    dk_tm d = dktime_local(t);
    snprintf(out, size, "%s %d. %s", weekdays[d.weekday], d.day, months[d.month - 1]);
}

void pr_date_long(int64_t t, char *out, size_t size)
{
    dk_tm d = dktime_local(t);
    snprintf(out, size, "%d. %s %d", d.day, months[d.month - 1], d.year);
}

void pr_time_span(const activity *a, char *out, size_t size)
{
    dk_tm s = dktime_local(a->start);
    if (a->end > a->start) {
        dk_tm e = dktime_local(a->end);
        snprintf(out, size, "%02d:%02d–%02d:%02d", s.hour, s.minute, e.hour, e.minute);
    } else {
        snprintf(out, size, "%02d:%02d", s.hour, s.minute);
    }
}

void pr_deadline(const activity *a, int64_t now, char *out, size_t size)
{
    out[0] = '\0';
    if (a->mode == SIGNUP_MODE_NONE || a->deadline <= 0 || a->cancelled)
        return;
    if (a->deadline <= now) {
        snprintf(out, size, "%s", pr_word("closed"));
        return;
    }
    dk_tm d = dktime_local(a->deadline);
    snprintf(out, size, "%s %s %d. %s %s %02d:%02d", pr_word("deadline"),
             weekdays_lower[d.weekday], d.day, months[d.month - 1], pr_word("at"), d.hour,
             d.minute);
}

void pr_deadline_short(const activity *a, int64_t now, char *out, size_t size)
{
    out[0] = '\0';
    if (a->mode == SIGNUP_MODE_NONE || a->deadline <= 0 || a->cancelled)
        return;
    if (a->deadline <= now) {
        snprintf(out, size, "%s", pr_word("closed"));
        return;
    }
    dk_tm d = dktime_local(a->deadline);
    char at[16]; /* "kl. 12" on the hour, "kl. 12:30" else */
    if (d.minute)
        snprintf(at, sizeof at, "%02d:%02d", d.hour, d.minute);
    else
        snprintf(at, sizeof at, "%d", d.hour);
    /* within the week before the activity the weekday says which day; earlier, the date */
    if (a->start - a->deadline < 6 * 86400)
        snprintf(out, size, "%s %s %s %s", pr_word("deadline short"), weekdays_lower[d.weekday],
                 pr_word("at"), at);
    else
        snprintf(out, size, "%s %d. %s %s %s", pr_word("deadline short"), d.day,
                 months[d.month - 1], pr_word("at"), at);
}

void pr_host_line(const activity *a, char *out, size_t size)
{
    out[0] = '\0';
    if (a->host[0])
        snprintf(out, size, "%s: %s", pr_word("host"), a->host);
}

void pr_price_line(const activity *a, char *out, size_t size)
{
    out[0] = '\0';
    if (a->price[0])
        snprintf(out, size, "%s: %s", pr_word("price"), a->price);
}
