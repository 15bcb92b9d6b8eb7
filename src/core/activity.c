#include "core/activity.h"

#include <string.h>

#include "core/utf8.h"

/* Words are compared after folding case (Æ Ø Å too), turning '_' and '-' into spaces,
 * collapsing spaces and dropping a trailing full stop or colon, so "Bare-kom", "BARE KOM"
 * and " bare  kom." are one word. */
static void normalise(const char *in, char *out, size_t size)
{
    char folded[256];
    utf8_fold_case(in ? in : "", folded, sizeof folded);
    for (char *p = folded; *p; p++)
        if (*p == '_' || *p == '-' || *p == '\t')
            *p = ' ';
    size_t o = 0;
    bool space = false;
    for (const char *p = folded; *p && o + 1 < size; p++) {
        if (*p == ' ') {
            space = o > 0;
            continue;
        }
        if (space && o + 2 < size)
            out[o++] = ' ';
        space = false;
        out[o++] = *p;
    }
    while (o > 0 && (out[o - 1] == '.' || out[o - 1] == ':' || out[o - 1] == '!'))
        o--;
    out[o] = '\0';
}

typedef struct word_map {
    const char *word; /* normalised: lower case, single spaces */
    int value;
} word_map;

static const char *const category_keys[CAT_COUNT] = {
    "other", "food", "walk", "workshop", "games", "homework", "talk", "cafe",
    "sport", "kids", "music", "garden", "party", "meeting", "crafts",
};

/* What staff write in the category column of a spreadsheet. */
static const word_map category_words[] = {
    {"andet", CAT_OTHER},
    {"fællesspisning", CAT_FOOD}, {"spisning", CAT_FOOD}, {"madklub", CAT_FOOD},
    {"mad", CAT_FOOD}, {"aftensmad", CAT_FOOD}, {"middag", CAT_FOOD}, {"frokost", CAT_FOOD},
    {"fællesmiddag", CAT_FOOD}, {"fællesfrokost", CAT_FOOD}, {"fællesmad", CAT_FOOD},
    {"madlavning", CAT_FOOD}, {"spis sammen", CAT_FOOD}, {"meal", CAT_FOOD},
    {"dinner", CAT_FOOD},
    {"gåtur", CAT_WALK}, {"gåture", CAT_WALK}, {"gå tur", CAT_WALK}, {"gågruppe", CAT_WALK},
    {"gåklub", CAT_WALK}, {"udflugt", CAT_WALK}, {"tur", CAT_WALK}, {"vandring", CAT_WALK},
    {"vandretur", CAT_WALK}, {"walk", CAT_WALK},
    {"værksted", CAT_WORKSHOP}, {"reparation", CAT_WORKSHOP},
    {"cykelværksted", CAT_WORKSHOP}, {"reparationscafé", CAT_WORKSHOP},
    {"reparationscafe", CAT_WORKSHOP}, {"repair café", CAT_WORKSHOP},
    {"håndværk", CAT_WORKSHOP}, {"træværksted", CAT_WORKSHOP},
    {"banko", CAT_GAMES}, {"bingo", CAT_GAMES}, {"kortspil", CAT_GAMES},
    {"brætspil", CAT_GAMES}, {"spil", CAT_GAMES}, {"spilleaften", CAT_GAMES},
    {"bridge", CAT_GAMES}, {"whist", CAT_GAMES}, {"skak", CAT_GAMES}, {"dart", CAT_GAMES},
    {"lektiecafé", CAT_HOMEWORK}, {"lektiecafe", CAT_HOMEWORK},
    {"lektiehjælp", CAT_HOMEWORK}, {"lektier", CAT_HOMEWORK}, {"lektieklub", CAT_HOMEWORK},
    {"foredrag", CAT_TALK}, {"information", CAT_TALK}, {"infomøde", CAT_TALK},
    {"informationsmøde", CAT_TALK}, {"oplæg", CAT_TALK}, {"debat", CAT_TALK},
    {"rådgivning", CAT_TALK}, {"info", CAT_TALK},
    {"kaffe", CAT_CAFE}, {"café", CAT_CAFE}, {"kaffeklub", CAT_CAFE},
    {"kaffemik", CAT_CAFE}, {"morgenmad", CAT_CAFE}, {"morgenkaffe", CAT_CAFE},
    {"kaffe og kage", CAT_CAFE}, {"fællesmorgenmad", CAT_CAFE}, {"coffee", CAT_CAFE},
    {"motion", CAT_SPORT}, {"yoga", CAT_SPORT}, {"fodbold", CAT_SPORT},
    {"gymnastik", CAT_SPORT}, {"stolegymnastik", CAT_SPORT}, {"træning", CAT_SPORT},
    {"petanque", CAT_SPORT}, {"dans", CAT_SPORT}, {"svømning", CAT_SPORT},
    {"løb", CAT_SPORT}, {"bevægelse", CAT_SPORT}, {"fitness", CAT_SPORT},
    {"børn", CAT_KIDS}, {"familie", CAT_KIDS}, {"børn og familie", CAT_KIDS},
    {"børnefamilier", CAT_KIDS}, {"børneklub", CAT_KIDS}, {"legestue", CAT_KIDS},
    {"leg", CAT_KIDS}, {"unge", CAT_KIDS}, {"ungdom", CAT_KIDS}, {"familiedag", CAT_KIDS},
    {"children", CAT_KIDS}, {"family", CAT_KIDS},
    {"musik", CAT_MUSIC}, {"sang", CAT_MUSIC}, {"fællessang", CAT_MUSIC},
    {"kor", CAT_MUSIC}, {"koncert", CAT_MUSIC}, {"syng sammen", CAT_MUSIC},
    {"have", CAT_GARDEN}, {"natur", CAT_GARDEN}, {"haveklub", CAT_GARDEN},
    {"nyttehave", CAT_GARDEN}, {"havearbejde", CAT_GARDEN}, {"køkkenhave", CAT_GARDEN},
    {"fællesnyttehave", CAT_GARDEN}, {"plantebytte", CAT_GARDEN},
    {"fest", CAT_PARTY}, {"julefest", CAT_PARTY}, {"sommerfest", CAT_PARTY},
    {"fastelavn", CAT_PARTY}, {"fødselsdag", CAT_PARTY}, {"jul", CAT_PARTY},
    {"juletræsfest", CAT_PARTY}, {"eid", CAT_PARTY}, {"fejring", CAT_PARTY},
    {"beboermøde", CAT_MEETING}, {"møde", CAT_MEETING}, {"afdelingsmøde", CAT_MEETING},
    {"bestyrelsesmøde", CAT_MEETING}, {"beboerråd", CAT_MEETING},
    {"strik", CAT_CRAFTS}, {"strikning", CAT_CRAFTS}, {"strikkeklub", CAT_CRAFTS},
    {"strikkecafé", CAT_CRAFTS}, {"strikkecafe", CAT_CRAFTS}, {"syning", CAT_CRAFTS},
    {"syklub", CAT_CRAFTS}, {"sy", CAT_CRAFTS}, {"hækling", CAT_CRAFTS},
    {"kreativ", CAT_CRAFTS}, {"kreativt værksted", CAT_CRAFTS}, {"maling", CAT_CRAFTS},
    {"håndarbejde", CAT_CRAFTS}, {"crafts", CAT_CRAFTS},
};

static const char *const badge_keys[BADGE_COUNT] = {
    "free", "just_come", "childcare", "alone_ok", "residents_only", "step_free",
};

static const word_map badge_words[] = {
    {"gratis", BADGE_FREE}, {"gratis adgang", BADGE_FREE}, {"gratis entré", BADGE_FREE},
    {"fri entré", BADGE_FREE}, {"det er gratis", BADGE_FREE}, {"0 kr", BADGE_FREE},
    {"bare kom", BADGE_JUST_COME}, {"kom bare", BADGE_JUST_COME},
    {"ingen tilmelding", BADGE_JUST_COME}, {"uden tilmelding", BADGE_JUST_COME},
    {"just come", BADGE_JUST_COME},
    {"børnepasning", BADGE_CHILDCARE}, {"pasning af børn", BADGE_CHILDCARE},
    {"børnepasning under mødet", BADGE_CHILDCARE}, {"childcare", BADGE_CHILDCARE},
    {"fint at komme alene", BADGE_ALONE_OK}, {"det er fint at komme alene", BADGE_ALONE_OK},
    {"kom gerne alene", BADGE_ALONE_OK}, {"alene", BADGE_ALONE_OK},
    {"du kan godt komme alene", BADGE_ALONE_OK}, {"alone ok", BADGE_ALONE_OK},
    {"fine to come alone", BADGE_ALONE_OK},
    {"kun for beboere", BADGE_RESIDENTS_ONLY}, {"kun beboere", BADGE_RESIDENTS_ONLY},
    {"for beboere", BADGE_RESIDENTS_ONLY}, {"beboere", BADGE_RESIDENTS_ONLY},
    {"residents only", BADGE_RESIDENTS_ONLY},
    {"uden trapper", BADGE_STEP_FREE}, {"trappefri", BADGE_STEP_FREE},
    {"niveaufri", BADGE_STEP_FREE}, {"niveaufri adgang", BADGE_STEP_FREE},
    {"handicapvenlig", BADGE_STEP_FREE}, {"kørestol", BADGE_STEP_FREE},
    {"kørestolsvenlig", BADGE_STEP_FREE}, {"tilgængelig", BADGE_STEP_FREE},
    {"rollator", BADGE_STEP_FREE}, {"step free", BADGE_STEP_FREE},
    {"wheelchair", BADGE_STEP_FREE},
};

static const word_map mode_words[] = {
    {"none", SIGNUP_MODE_NONE}, {"open", SIGNUP_MODE_OPEN}, {"helpers", SIGNUP_MODE_HELPERS},
    {"bare kom", SIGNUP_MODE_NONE}, {"ingen", SIGNUP_MODE_NONE},
    {"ingen tilmelding", SIGNUP_MODE_NONE}, {"uden tilmelding", SIGNUP_MODE_NONE},
    {"nej", SIGNUP_MODE_NONE},
    {"tilmelding", SIGNUP_MODE_OPEN}, {"åben", SIGNUP_MODE_OPEN}, {"tilmeld", SIGNUP_MODE_OPEN},
    {"ja", SIGNUP_MODE_OPEN}, {"med tilmelding", SIGNUP_MODE_OPEN},
    {"tilmelding nødvendig", SIGNUP_MODE_OPEN},
    {"hjælpere", SIGNUP_MODE_HELPERS}, {"giv en hånd", SIGNUP_MODE_HELPERS},
    {"frivillige", SIGNUP_MODE_HELPERS}, {"hjælpere søges", SIGNUP_MODE_HELPERS},
};

static bool lookup(const word_map *map, size_t n, const char *word, int *value)
{
    char norm[256];
    normalise(word, norm, sizeof norm);
    if (!norm[0])
        return false;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(map[i].word, norm) == 0) {
            *value = map[i].value;
            return true;
        }
    }
    return false;
}

/* Keys compare like words: "just_come" normalises to "just come". */
static bool lookup_key(const char *const *keys, size_t n, const char *word, size_t *index)
{
    char norm[256], key[64];
    /* A key as stored (what the database gives back, ~4,000 times a sync) is itself; the
     * keys stay distinct when normalised, so this finds what the loop below would. */
    for (size_t i = 0; word && i < n; i++)
        if (strcmp(keys[i], word) == 0) {
            *index = i;
            return true;
        }
    normalise(word, norm, sizeof norm);
    for (size_t i = 0; i < n; i++) {
        normalise(keys[i], key, sizeof key);
        if (strcmp(key, norm) == 0) {
            *index = i;
            return true;
        }
    }
    return false;
}

const char *category_key(category c)
{
    if ((int)c < 0 || c >= CAT_COUNT)
        return category_keys[CAT_OTHER];
    return category_keys[c];
}

unsigned category_rgb(category c)
{
    static const unsigned colours[CAT_COUNT] = {
        [CAT_OTHER] = 0x4B5563,    [CAT_FOOD] = 0x9A3412,  [CAT_WALK] = 0x14532D,
        [CAT_WORKSHOP] = 0x374151, [CAT_GAMES] = 0x6A1B9A, [CAT_HOMEWORK] = 0x1E40AF,
        [CAT_TALK] = 0x155E75,     [CAT_CAFE] = 0x713F12,  [CAT_SPORT] = 0xA4161A,
        [CAT_KIDS] = 0x9D174D,     [CAT_MUSIC] = 0x3730A3, [CAT_GARDEN] = 0x3F6212,
        [CAT_PARTY] = 0x86198F,    [CAT_MEETING] = 0x0B3D91, [CAT_CRAFTS] = 0x5D4037,
    };
    return colours[((int)c >= 0 && c < CAT_COUNT) ? c : CAT_OTHER];
}

category category_from_word(const char *word)
{
    size_t i;
    if (lookup_key(category_keys, CAT_COUNT, word, &i))
        return (category)i;
    int v;
    if (lookup(category_words, sizeof category_words / sizeof category_words[0], word, &v))
        return (category)v;
    return CAT_OTHER;
}

const char *badge_key(unsigned badge_bit)
{
    for (int i = 0; i < BADGE_COUNT; i++)
        if (badge_bit == 1u << i)
            return badge_keys[i];
    return NULL;
}

unsigned badge_from_word(const char *word)
{
    size_t i;
    if (lookup_key(badge_keys, BADGE_COUNT, word, &i))
        return 1u << i;
    int v;
    if (lookup(badge_words, sizeof badge_words / sizeof badge_words[0], word, &v))
        return (unsigned)v;
    return 0;
}

const char *signup_mode_key(signup_mode m)
{
    switch (m) {
    case SIGNUP_MODE_OPEN:
        return "open";
    case SIGNUP_MODE_HELPERS:
        return "helpers";
    case SIGNUP_MODE_NONE:
    default:
        return "none";
    }
}

bool signup_mode_from_word(const char *word, signup_mode *out)
{
    int v;
    if (!lookup(mode_words, sizeof mode_words / sizeof mode_words[0], word, &v))
        return false;
    *out = (signup_mode)v;
    return true;
}

const char *signup_status_key(signup_status s)
{
    switch (s) {
    case SIGNUP_WAITING:
        return "waiting";
    case SIGNUP_CANCELLED:
        return "cancelled";
    case SIGNUP_CONFIRMED:
    default:
        return "confirmed";
    }
}

bool signup_status_from_key(const char *key, signup_status *out)
{
    static const char *const keys[] = {"confirmed", "waiting", "cancelled"};
    if (!key)
        return false;
    for (int i = 0; i < 3; i++) {
        if (strcmp(key, keys[i]) == 0) {
            *out = (signup_status)i;
            return true;
        }
    }
    return false;
}

bool activity_same_content(const activity *a, const activity *b)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    if (strcmp(a->uid, b->uid) || strcmp(a->title, b->title) ||
        strcmp(a->description, b->description) || a->category != b->category ||
        strcmp(a->place, b->place) || strcmp(a->host, b->host) ||
        strcmp(a->host_phone, b->host_phone) || strcmp(a->price, b->price) ||
        strcmp(a->audience, b->audience) || a->start != b->start || a->end != b->end ||
        a->mode != b->mode || a->capacity != b->capacity || a->deadline != b->deadline ||
        a->count_household != b->count_household || a->badges != b->badges ||
        strcmp(a->signup_url, b->signup_url) || a->cancelled != b->cancelled ||
        a->n_tasks != b->n_tasks)
        return false;
    for (int i = 0; i < a->n_tasks && i < ACT_TASKS_MAX; i++) {
        const helper_task *ta = &a->tasks[i], *tb = &b->tasks[i];
        if (strcmp(ta->title, tb->title) || ta->minutes != tb->minutes || ta->slots != tb->slots)
            return false;
    }
    return true;
}
