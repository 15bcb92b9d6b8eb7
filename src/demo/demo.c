/* demo: a realistic program for a first start (see demo.h). */
#include "demo/demo.h"

#include <stdio.h>
#include <string.h>

#include "core/code.h"
#include "core/dktime.h"

#define DAY 86400

typedef struct demo {
    store *s;
    const code_key *key;  /* the kiosk's secret for the demo's cancel code */
    int64_t now;
    int64_t signup_clock; /* "created" of the next demo sign-up: they trickle in over days */
    uint32_t next_id;
    vm_err *err;
} demo;

/* Local Copenhagen wall-clock time `hour:minute` on the day `days` after today. */
static int64_t at(const demo *d, int days, int hour, int minute)
{
    /* Noon of today plus whole days lands on the wanted date on every day of the year:
     * a daylight-saving change moves it by an hour, never past midnight. */
    dk_tm day = dktime_local(dktime_day_start(d->now) + 12 * 3600 + (int64_t)days * DAY);
    int64_t utc = 0;
    if (!dktime_from_local(day.year, day.month, day.day, hour, minute, &utc))
        utc = dktime_day_start(d->now) + (int64_t)days * DAY + hour * 3600 + minute * 60;
    return utc;
}

static activity base(const demo *d, const char *uid, const char *title, category cat, int days,
                     int hour, int minute, int minutes_long)
{
    activity a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "demo-%s", uid);
    snprintf(a.title, sizeof a.title, "%s", title);
    a.category = cat;
    a.start = at(d, days, hour, minute);
    a.end = a.start + (int64_t)minutes_long * 60;
    a.mode = SIGNUP_MODE_NONE;
    return a;
}

static void text(char *field, size_t size, const char *value)
{
    snprintf(field, size, "%s", value);
}

#define SET(field, value) text((field), sizeof(field), (value))

static void task(activity *a, const char *title, int minutes, int slots)
{
    helper_task *t = &a->tasks[a->n_tasks++];
    SET(t->title, title);
    t->minutes = minutes;
    t->slots = slots;
}

static vm_status put(demo *d, activity *a)
{
    vm_status st = store_activity_put(d->s, a, d->err);
    if (st != VM_OK)
        err_prefix(d->err, "Demo activity %s", a->uid);
    return st;
}

/* A sign-up made before `now`; `task_index` -1 for a participant. */
static vm_status join(demo *d, const activity *a, int task_index, const char *name, int adults,
                      int children, bool company, const char *code)
{
    signup su;
    memset(&su, 0, sizeof su);
    uint8_t seed[16] = {'v', 'a', 'e', 'r', 'm', 'e', 'd', '-', 'd', 'e', 'm', 'o'};
    uint32_t n = ++d->next_id;
    seed[12] = (uint8_t)(n >> 24);
    seed[13] = (uint8_t)(n >> 16);
    seed[14] = (uint8_t)(n >> 8);
    seed[15] = (uint8_t)n;
    code_uuid_v4(seed, su.id);
    SET(su.activity_uid, a->uid);
    su.task_id = task_index >= 0 ? a->tasks[task_index].id : 0;
    SET(su.name, name);
    su.adults = adults;
    su.children = children;
    su.wants_company = company;
    if (code) {
        uint8_t salt[CODE_SALT_BYTES];
        for (int i = 0; i < CODE_SALT_BYTES; i++)
            salt[i] = (uint8_t)(0xd0 + i + n);
        code_hash(code, salt, 0, d->key, su.code_hash);
    }
    SET(su.kiosk_id, "demo");
    d->signup_clock += 23 * 60;
    su.created = d->signup_clock;
    vm_status st = store_join(d->s, &su, su.created, NULL, d->err);
    if (st != VM_OK)
        err_prefix(d->err, "Demo sign-up %s on %s", name, a->uid);
    return st;
}

#define TRY(x)                                                                                   \
    do {                                                                                         \
        if ((st = (x)) != VM_OK)                                                                 \
            return st;                                                                           \
    } while (0)

static vm_status today(demo *d)
{
    vm_status st;
    activity a = base(d, "morgenkaffe", "Morgenkaffe", CAT_CAFE, 0, 9, 30, 90);
    SET(a.description, "Der er kaffe på kanden og rundstykker fra bageren. Kom som du er – "
                       "der er altid nogen at snakke med.");
    SET(a.place, "Fælleshuset, caféen");
    SET(a.host, "Birthe");
    SET(a.audience, "For alle");
    a.badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK | BADGE_STEP_FREE;
    TRY(put(d, &a));

    a = base(d, "strikkeklub", "Strikkeklub", CAT_CRAFTS, 0, 14, 0, 120);
    SET(a.description, "Tag dit strikketøj med, eller lån garn og pinde hos os. Begyndere er "
                       "meget velkomne – vi hjælper gerne med at komme i gang.");
    SET(a.place, "Fælleshuset, lille stue");
    SET(a.host, "Inge");
    SET(a.audience, "For alle");
    a.badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK;
    TRY(put(d, &a));

    a = base(d, "lektiecafe-1", "Lektiecafé", CAT_HOMEWORK, 0, 15, 0, 120);
    SET(a.description, "Frivillige hjælper med lektier i dansk, matematik og engelsk. Der er "
                       "frugt og saft, og man må gerne bare sidde og læse.");
    SET(a.place, "Fælleshuset, 1. sal");
    SET(a.host, "Yasmin");
    SET(a.audience, "Børn og unge i 3.–10. klasse");
    a.badges = BADGE_FREE | BADGE_JUST_COME;
    TRY(put(d, &a));

    a = base(d, "faellessang", "Fællessang", CAT_MUSIC, 0, 19, 0, 90);
    SET(a.description, "Vi synger fra Højskolesangbogen og lidt nyere sange. Morten spiller "
                       "klaver, og sangbøgerne ligger klar. Man behøver ikke kunne synge.");
    SET(a.place, "Festsalen");
    SET(a.host, "Morten");
    SET(a.audience, "For alle");
    a.badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK | BADGE_STEP_FREE;
    return put(d, &a);
}

static vm_status this_week(demo *d)
{
    vm_status st;
    /* Fællesspisning: households counted, a price, a deadline, and helpers beside. */
    activity a = base(d, "faellesspisning-1", "Fællesspisning", CAT_FOOD, 1, 18, 0, 120);
    SET(a.description, "Hanne og køkkenholdet laver kylling i karry med ris og salat, og der "
                       "er is til dessert. Sæt dig hvor du vil – der er altid plads ved "
                       "bordet. Husk at melde til, så vi kan købe ind.");
    SET(a.place, "Festsalen");
    SET(a.host, "Hanne");
    SET(a.price, "35 kr., børn 15 kr.");
    SET(a.audience, "For alle – børn er velkomne");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 40;
    a.count_household = true;
    a.deadline = at(d, 1, 10, 0);
    a.badges = BADGE_ALONE_OK | BADGE_STEP_FREE;
    task(&a, "Dække bord", 30, 2);
    task(&a, "Rydde op", 45, 3);
    TRY(put(d, &a));
    TRY(join(d, &a, -1, "Fatima", 2, 3, false, NULL));
    TRY(join(d, &a, -1, "Jørgen", 1, 0, false, NULL));
    TRY(join(d, &a, -1, "K.J.", 2, 0, false, NULL));
    TRY(join(d, &a, -1, "Aysel", 1, 2, false, NULL));
    TRY(join(d, &a, -1, "Bodil", 1, 0, true, NULL));
    TRY(join(d, &a, -1, "Ole", 2, 0, false, NULL));
    TRY(join(d, &a, -1, "Mahmoud", 2, 4, false, NULL));
    TRY(join(d, &a, 0, "Lis", 1, 0, false, NULL));

    /* The weekly walk, this week and the next two. */
    for (int week = 0; week < 3; week++) {
        char uid[32];
        snprintf(uid, sizeof uid, "gaatur-%d", week + 1);
        a = base(d, uid, "Gåtur rundt om søen", CAT_WALK, 1 + 7 * week, 10, 0, 90);
        SET(a.description, "Vi går i roligt tempo, ca. 3 km, og holder pause på bænken ved "
                           "søen. Alle kan være med, også med rollator.");
        SET(a.place, "Vi mødes foran Fælleshuset");
        SET(a.host, "Ali");
        SET(a.audience, "For alle");
        a.badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK;
        TRY(put(d, &a));
    }

    a = base(d, "stolegymnastik", "Stolegymnastik", CAT_SPORT, 2, 16, 0, 60);
    SET(a.description, "Aflyst i denne uge, fordi Lise er syg. Vi ses igen næste gang.");
    SET(a.place, "Fælleshuset");
    SET(a.host, "Lise");
    SET(a.audience, "For seniorer");
    a.badges = BADGE_FREE | BADGE_STEP_FREE;
    a.cancelled = true;
    TRY(put(d, &a));

    a = base(d, "lektiecafe-2", "Lektiecafé", CAT_HOMEWORK, 2, 15, 0, 120);
    SET(a.description, "Frivillige hjælper med lektier i dansk, matematik og engelsk. Der er "
                       "frugt og saft.");
    SET(a.place, "Fælleshuset, 1. sal");
    SET(a.host, "Yasmin");
    SET(a.audience, "Børn og unge i 3.–10. klasse");
    a.badges = BADGE_FREE | BADGE_JUST_COME;
    TRY(put(d, &a));

    a = base(d, "banko", "Banko", CAT_GAMES, 3, 19, 0, 150);
    SET(a.description, "Hyggelig bankoaften med gevinster fra de lokale butikker. Der er kaffe "
                       "og kage i pausen. Plader kan købes ved døren.");
    SET(a.place, "Festsalen");
    SET(a.host, "Birthe");
    SET(a.price, "Plader 10 kr. stk.");
    SET(a.audience, "For alle");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 60;
    a.badges = BADGE_ALONE_OK | BADGE_STEP_FREE;
    TRY(put(d, &a));
    const char *banko[] = {"Grethe", "Poul", "Annie", "B.H.", "Svend", "Ingrid", "Erik"};
    for (size_t i = 0; i < sizeof banko / sizeof banko[0]; i++)
        TRY(join(d, &a, -1, banko[i], 1, 0, i == 2, NULL));
    TRY(join(d, &a, -1, DEMO_CODE_NAME, 1, 0, false, DEMO_CODE));

    a = base(d, "boerneklub", "Børneklubben: perler og brætspil", CAT_KIDS, 4, 16, 30, 90);
    SET(a.description, "Vi laver perleplader og spiller brætspil. Der er saftevand og boller. "
                       "Forældre er også velkomne til at blive.");
    SET(a.place, "Fælleshuset, lille sal");
    SET(a.host, "Yasmin");
    SET(a.audience, "Børn 6–12 år");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 15;
    a.badges = BADGE_FREE;
    TRY(put(d, &a));
    TRY(join(d, &a, -1, "Amina", 1, 0, false, NULL));
    TRY(join(d, &a, -1, "Noah", 1, 0, false, NULL));
    TRY(join(d, &a, -1, "Sofie", 1, 0, false, NULL));
    TRY(join(d, &a, -1, "Y.A.", 1, 0, false, NULL));

    /* The værksted takes helpers only: small tasks, each with its slots. */
    a = base(d, "vaerksted", "Reparationsværksted", CAT_WORKSHOP, 4, 10, 0, 240);
    SET(a.description, "Har du en cykel, en lampe eller en stol, der trænger til en hånd? Tag "
                       "den med – vi reparerer sammen. Giv gerne en hånd med kaffen og "
                       "oprydningen.");
    SET(a.place, "Værkstedet i kælderen, opgang 7");
    SET(a.host, "Jens");
    SET(a.audience, "For alle");
    a.mode = SIGNUP_MODE_HELPERS;
    a.badges = BADGE_FREE | BADGE_JUST_COME;
    task(&a, "Dække bord", 30, 2);
    task(&a, "Lave kaffe", 20, 1);
    task(&a, "Rydde op", 45, 2);
    TRY(put(d, &a));
    TRY(join(d, &a, 1, "Ali", 1, 0, false, NULL));
    TRY(join(d, &a, 0, "Per", 1, 0, false, NULL));
    TRY(join(d, &a, 2, "Rasmus", 1, 0, false, NULL));

    /* Full, with people waiting. */
    a = base(d, "louisiana", "Udflugt til Louisiana", CAT_WALK, 5, 9, 0, 480);
    SET(a.description, "Vi tager bussen til Louisiana og ser den nye udstilling. Madpakke "
                       "og kaffe i parken ved vandet. Bussen kører fra Fælleshuset kl. 9.");
    SET(a.place, "Bussen holder foran Fælleshuset");
    SET(a.host, "Hanne");
    SET(a.price, "75 kr. inkl. bus og entré");
    SET(a.audience, "For voksne");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 12;
    a.deadline = at(d, 3, 12, 0);
    a.badges = BADGE_ALONE_OK;
    TRY(put(d, &a));
    const char *trip[] = {"Grethe", "Kirsten", "Hassan", "Else", "Bent", "M.L.", "Tove",
                          "Leila", "Arne", "Gitte", "Kurt", "Jytte", "Nadia", "Preben", "Ruth"};
    for (size_t i = 0; i < sizeof trip / sizeof trip[0]; i++)
        TRY(join(d, &a, -1, trip[i], 1, 0, i == 1 || i == 13, NULL));

    a = base(d, "foredrag-hjertet", "Foredrag: Hjertet og hverdagen", CAT_TALK, 6, 14, 0, 120);
    SET(a.description, "Sygeplejerske Mette fortæller om, hvad man selv kan gøre for hjertet: "
                       "mad, motion og søvn. Der er god tid til spørgsmål og kaffe bagefter.");
    SET(a.place, "Festsalen");
    SET(a.host, "Mette");
    SET(a.audience, "For alle");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 40;
    a.badges = BADGE_FREE | BADGE_ALONE_OK | BADGE_STEP_FREE;
    TRY(put(d, &a));
    const char *talk[] = {"Ingrid", "Svend", "Dorthe", "Abdi", "Vibeke"};
    for (size_t i = 0; i < sizeof talk / sizeof talk[0]; i++)
        TRY(join(d, &a, -1, talk[i], 1, 0, false, NULL));
    return VM_OK;
}

static vm_status later(demo *d)
{
    vm_status st;
    activity a = base(d, "beboermoede", "Afdelingsmøde", CAT_MEETING, 7, 19, 0, 120);
    SET(a.description, "Vi taler om budgettet for næste år og om den nye legeplads. Alle "
                       "beboere kan stemme. Der er børnepasning i lille sal og kaffe og kage.");
    SET(a.place, "Festsalen");
    SET(a.host, "Afdelingsbestyrelsen");
    SET(a.audience, "For alle beboere i afdelingen");
    a.badges = BADGE_FREE | BADGE_CHILDCARE | BADGE_RESIDENTS_ONLY | BADGE_STEP_FREE;
    TRY(put(d, &a));

    a = base(d, "havedag", "Havedag i fælleshaven", CAT_GARDEN, 9, 10, 0, 240);
    SET(a.description, "Vi gør haven klar og planter løg. Redskaber og handsker ligger klar. "
                       "Frokost til alle, der har givet en hånd.");
    SET(a.place, "Fælleshaven bag opgang 3");
    SET(a.host, "Ali");
    SET(a.audience, "For hele familien");
    a.mode = SIGNUP_MODE_OPEN;
    a.badges = BADGE_FREE | BADGE_ALONE_OK;
    task(&a, "Luge bedene", 60, 4);
    task(&a, "Plante løg", 45, 3);
    task(&a, "Lave kaffe", 20, 1);
    TRY(put(d, &a));
    TRY(join(d, &a, -1, "Mona", 2, 2, false, NULL));
    TRY(join(d, &a, 0, "Hassan", 1, 0, false, NULL));
    TRY(join(d, &a, 1, "Tove", 1, 0, false, NULL));

    a = base(d, "sycafe", "Sy-café: vi lapper og syr om", CAT_CRAFTS, 10, 13, 0, 120);
    SET(a.description, "Symaskiner og tråd står klar. Tag det tøj med, der trænger til en ny "
                       "lynlås eller et par kortere ben. Skriv til Fatima, hvis du har "
                       "spørgsmål.");
    SET(a.place, "Fælleshuset, lille stue");
    SET(a.host, "Fatima");
    SET(a.host_phone, "+4512345678");
    SET(a.audience, "For alle");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 10;
    a.badges = BADGE_FREE | BADGE_ALONE_OK;
    TRY(put(d, &a));
    TRY(join(d, &a, -1, "Leila", 1, 0, false, NULL));
    TRY(join(d, &a, -1, "Else", 1, 0, true, NULL));

    a = base(d, "pigefodbold", "Fodbold for piger", CAT_SPORT, 11, 17, 0, 90);
    SET(a.description, "Træning og små kampe for piger. Vi har bolde og overtrækstrøjer. Tag "
                       "indendørssko eller kondisko med.");
    SET(a.place, "Boldbanen ved opgang 12");
    SET(a.host, "Sara");
    SET(a.audience, "Piger 8–14 år");
    SET(a.signup_url, "https://example.org/tilmeld/fodbold-piger");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 20;
    a.badges = BADGE_FREE;
    TRY(put(d, &a));

    a = base(d, "madklub", "Madklub: syriske retter", CAT_FOOD, 12, 18, 0, 120);
    SET(a.description, "Aya og Rami viser, hvordan man laver fattoush og kibbeh. Vi laver "
                       "maden sammen og spiser den bagefter.");
    SET(a.place, "Fælleshusets køkken");
    SET(a.host, "Aya");
    SET(a.price, "30 kr., børn 10 kr.");
    SET(a.audience, "For alle");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 24;
    a.count_household = true;
    a.deadline = at(d, 11, 20, 0);
    a.badges = BADGE_ALONE_OK;
    TRY(put(d, &a));
    TRY(join(d, &a, -1, "Karin", 1, 0, false, NULL));

    a = base(d, "fest", "Fest: afdelingen fylder 50", CAT_PARTY, 16, 18, 0, 300);
    SET(a.description, "Vi fejrer afdelingens fødselsdag med buffet, musik og dans. Børnene "
                       "får deres eget hjørne med lege.");
    SET(a.place, "Festsalen");
    SET(a.host, "Festudvalget");
    SET(a.price, "50 kr., børn gratis");
    SET(a.audience, "For alle beboere og deres familier");
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 120;
    a.count_household = true;
    a.deadline = at(d, 12, 12, 0);
    a.badges = BADGE_CHILDCARE | BADGE_STEP_FREE;
    TRY(put(d, &a));
    TRY(join(d, &a, -1, "Hanne", 2, 0, false, NULL));
    TRY(join(d, &a, -1, "Fatima", 2, 3, false, NULL));
    TRY(join(d, &a, -1, "Ali", 2, 2, false, NULL));
    return VM_OK;
}

/* Who residents can ask, as a staff stick's kontakter.csv would give them. */
static vm_status contacts(demo *d)
{
    static const struct {
        const char *name, *role, *phone, *hours;
    } LIST[] = {
        {"Hanne Jensen", "Boligsocial medarbejder", "+45 21 43 65 87",
         "Mandag til torsdag 9\xE2\x80\x93" "15"},
        {"S\xC3\xB8ren Madsen", "Varmemester", "70 12 34 56", "Hverdage 7\xE2\x80\x93" "15"},
        {"R\xC3\xA5" "dgivningen", "Gratis hj\xC3\xA6lp med breve og penge", "",
         "Tirsdag 10\xE2\x80\x93" "12 i F\xC3\xA6lleshuset"},
        {"L\xC3\xA6gevagten", "N\xC3\xA5r l\xC3\xA6gen har lukket", "1813", "Hele d\xC3\xB8gnet"},
    };
    contact c[sizeof LIST / sizeof LIST[0]];
    memset(c, 0, sizeof c);
    for (size_t i = 0; i < sizeof LIST / sizeof LIST[0]; i++) {
        text(c[i].name, sizeof c[i].name, LIST[i].name);
        text(c[i].role, sizeof c[i].role, LIST[i].role);
        text(c[i].phone, sizeof c[i].phone, LIST[i].phone);
        text(c[i].hours, sizeof c[i].hours, LIST[i].hours);
    }
    return store_contacts_replace(d->s, c, sizeof LIST / sizeof LIST[0], NULL, d->err);
}

/* "Hvad savner du?": ideas as a staff stick's ideer.csv would give them. */
static vm_status ideas(demo *d)
{
    static const struct {
        const char *title;
        category cat;
    } LIST[] = {
        {"Yoga for begyndere", CAT_SPORT},
        {"Syværksted", CAT_CRAFTS},
        {"Filmaften", CAT_PARTY},
        {"Fælles køkkenhave", CAT_GARDEN},
        {"Lektiehjælp til voksne", CAT_HOMEWORK},
    };
    idea list[sizeof LIST / sizeof LIST[0]];
    memset(list, 0, sizeof list);
    for (size_t i = 0; i < sizeof LIST / sizeof LIST[0]; i++) {
        text(list[i].title, sizeof list[i].title, LIST[i].title);
        list[i].cat = LIST[i].cat;
    }
    return store_ideas_replace(d->s, list, sizeof LIST / sizeof LIST[0], NULL, d->err);
}

vm_status demo_fill(store *s, int64_t now, const code_key *key, vm_err *err)
{
    vm_err scratch;
    if (!err)
        err = &scratch;
    if (!s)
        return err_set(err, VM_ERR_INVALID, "No database for the demo program.");
    /* A fill cut short (a power cut at the first start) is finished on the next start: the
     * fact says it began, and filling again is safe, since activities are stored by uid and
     * the demo's sign-up ids are fixed. */
    size_t n = 0;
    char started[16] = "";
    vm_status st = store_activity_count(s, &n, err);
    if (st != VM_OK)
        return st;
    bool resumed = store_fact_get(s, "demo_fill", started, sizeof started, NULL) == VM_OK &&
                   strcmp(started, "started") == 0;
    if (n > 0 && !resumed)
        return VM_OK;
    if ((st = store_fact_set(s, "demo_fill", "started", err)) != VM_OK)
        return st;
    /* Sign-ups start arriving two days ago, 23 minutes apart: all before `now`, and before
     * every deadline in the program. */
    demo d = {.s = s, .key = key, .now = now, .signup_clock = now - 2 * DAY, .next_id = 0, .err = err};
    if ((st = today(&d)) != VM_OK || (st = this_week(&d)) != VM_OK ||
        (st = later(&d)) != VM_OK || (st = contacts(&d)) != VM_OK ||
        (st = ideas(&d)) != VM_OK)
        return st;
    return store_fact_set(s, "demo_fill", "done", err);
}
