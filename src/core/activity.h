/* activity: what is on, and who joins it. Plain value types, no resources.
 *
 * Strings are fixed-size, NUL-terminated UTF-8 fields, so an activity can be copied with `=`
 * and a list of them is one allocation. The sizes are also the limits the importers enforce
 * (a longer field from a stick is refused or cut, and said so in the log).
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_ACTIVITY_H
#define VM_CORE_ACTIVITY_H

#include <stdbool.h>
#include <stdint.h>

#define ACT_UID_MAX 128      /* bytes incl. NUL; staff UIDs, ICS UIDs with a recurrence suffix */
#define ACT_TITLE_MAX 160
#define ACT_TEXT_MAX 1200    /* description */
#define ACT_PLACE_MAX 128
#define ACT_HOST_MAX 128
#define ACT_PHONE_MAX 32
#define ACT_PRICE_MAX 64
#define ACT_AUDIENCE_MAX 96
#define ACT_URL_MAX 512
#define ACT_TASKS_MAX 8
#define TASK_TITLE_MAX 96

#define SIGNUP_ID_MAX 37     /* a UUID: 36 characters + NUL */
#define SIGNUP_NAME_MAX 40   /* characters (code points) a resident may type */
#define SIGNUP_NAME_BYTES (SIGNUP_NAME_MAX * 4 + 1)
#define SIGNUP_CODE_HASH_MAX 128 /* see core/code.h */
#define KIOSK_ID_MAX 64
#define HOUSEHOLD_MAX 20     /* adults or children in one sign-up */

typedef enum signup_mode {
    SIGNUP_MODE_NONE = 0, /* "Bare kom": shown, no sign-up */
    SIGNUP_MODE_OPEN,     /* tap to join, optional capacity and deadline */
    SIGNUP_MODE_HELPERS   /* only helper tasks ("Giv en hånd") */
} signup_mode;

/* Categories give a pictogram and a colour. Keys are stable ASCII words stored in the
 * database and accepted in the staff CSV along with their Danish names. */
typedef enum category {
    CAT_OTHER = 0,
    CAT_FOOD,     /* fællesspisning, madklub */
    CAT_WALK,     /* gåtur, udflugt */
    CAT_WORKSHOP, /* værksted, reparation */
    CAT_GAMES,    /* banko, kortspil, brætspil */
    CAT_HOMEWORK, /* lektiecafé */
    CAT_TALK,     /* foredrag, information */
    CAT_CAFE,     /* kaffe, morgenmad, café */
    CAT_SPORT,    /* motion, yoga, fodbold */
    CAT_KIDS,     /* børn og familie */
    CAT_MUSIC,    /* sang, musik */
    CAT_GARDEN,   /* have, natur */
    CAT_PARTY,    /* fest */
    CAT_MEETING,  /* beboermøde */
    CAT_CRAFTS,   /* strik, syning, kreativ */
    CAT_COUNT
} category;

/* Threshold badges: what lowers the step over the door. A bit set. */
enum {
    BADGE_FREE = 1u << 0,           /* "Gratis" */
    BADGE_JUST_COME = 1u << 1,      /* "Bare kom" */
    BADGE_CHILDCARE = 1u << 2,      /* "Børnepasning" */
    BADGE_ALONE_OK = 1u << 3,       /* "Det er fint at komme alene" */
    BADGE_RESIDENTS_ONLY = 1u << 4, /* "Kun for beboere": no QR code for passers-by */
    BADGE_STEP_FREE = 1u << 5,      /* "Uden trapper" (wheelchair, walker) */
    BADGE_ALL = (1u << 6) - 1
};
#define BADGE_COUNT 6

typedef struct helper_task {
    int64_t id;                 /* store row id; 0 before it is stored */
    char title[TASK_TITLE_MAX]; /* "Dække bord" */
    int minutes;                /* about how long: 30 */
    int slots;                  /* how many hands */
} helper_task;

typedef struct activity {
    int64_t id;                  /* store row id; 0 before it is stored */
    char uid[ACT_UID_MAX];       /* stable id from the staff source */
    char title[ACT_TITLE_MAX];
    char description[ACT_TEXT_MAX];
    category category;
    char place[ACT_PLACE_MAX];
    char host[ACT_HOST_MAX];     /* a named host lowers the threshold: "Vært: Hanne" */
    char host_phone[ACT_PHONE_MAX]; /* for an SMS sign-up QR; may be empty */
    char price[ACT_PRICE_MAX];   /* free text: "25 kr., børn 10 kr."; empty = nothing said */
    char audience[ACT_AUDIENCE_MAX]; /* target group, free text: "For alle", "Kvinder" */
    int64_t start;               /* UTC */
    int64_t end;                 /* UTC; >= start */
    signup_mode mode;
    int capacity;                /* places (heads); 0 = no limit */
    int64_t deadline;            /* UTC; 0 = none */
    bool count_household;        /* adults and children are counted (fællesspisning) */
    unsigned badges;             /* BADGE_* */
    char signup_url[ACT_URL_MAX];/* web sign-up from the schedule; may be empty */
    bool cancelled;              /* "Aflyst" */
    int n_tasks;
    helper_task tasks[ACT_TASKS_MAX];
} activity;

typedef enum signup_status {
    SIGNUP_CONFIRMED = 0,
    SIGNUP_WAITING,
    SIGNUP_CANCELLED
} signup_status;

typedef struct signup {
    char id[SIGNUP_ID_MAX];            /* UUID, made where the sign-up was made */
    char activity_uid[ACT_UID_MAX];
    int64_t task_id;                   /* 0 = participant; else the helper task */
    char name[SIGNUP_NAME_BYTES];      /* first name or initials, as typed */
    int adults;                        /* >= 1 for a participant where counted, else 1 */
    int children;
    bool wants_company;                /* "Jeg vil gerne følges med nogen" */
    char code_hash[SIGNUP_CODE_HASH_MAX]; /* empty = no code */
    char peer_code[SIGNUP_CODE_HASH_MAX]; /* in only (store_join): the masked verifier for
                                             the estate's other kiosks (core/code.h); "" =
                                             none. Never read back into this field. */
    signup_status status;
    int waiting_position;              /* 1-based while waiting, else 0 */
    int64_t created;                   /* UTC */
    char kiosk_id[KIOSK_ID_MAX];
    bool came;                         /* ticked on the staff's "Hvem kom?" */
    int64_t updated;                   /* out only: UTC of its last change (the export's
                                          `updated`, which `vaermed merge` compares) */
} signup;

/* What the public screens may know of an activity's sign-ups: counts, never names. */
typedef struct activity_counts {
    int heads_taken;     /* participant heads confirmed (adults + children where counted) */
    int signups;         /* confirmed participant sign-ups */
    int adults;          /* confirmed */
    int children;        /* confirmed */
    int waiting;         /* participant sign-ups on the waiting list */
    int cancelled;
    int helpers;         /* confirmed helper sign-ups, all tasks */
    int helpers_waiting; /* helper sign-ups waiting for a slot, all tasks */
    int task_taken[ACT_TASKS_MAX]; /* confirmed helpers per task, same order as tasks[] */
    int company_wanted;  /* confirmed sign-ups that would like someone to go with */
} activity_counts;

/* Stable ASCII key ("food") and back; unknown keys give CAT_OTHER. The parser also accepts
 * Danish words staff write ("fællesspisning", "gåtur", "banko", ...), case-insensitively
 * (Æ Ø Å too), with '-' or '_' for a space and a trailing full stop ignored. An out-of-range
 * category gives "other". */
const char *category_key(category c);
category category_from_word(const char *word);

/* The deep colour of a category as 0xRRGGBB, the same on the kiosk's cards and on paper: a
 * white pictogram reads on it at a glance (each is >= 7:1 against white, so also when a mono
 * printer turns it grey), and neighbours differ. Out of range: CAT_OTHER's. */
unsigned category_rgb(category c);

/* Stable ASCII key of a single badge bit ("free", "just_come", ...; NULL for anything that is
 * not exactly one known bit), and the bit of a key or Danish word ("gratis", "bare kom",
 * "børnepasning", "fint at komme alene", "kun for beboere", "uden trapper", ...), compared
 * like category words; 0 if unknown. */
const char *badge_key(unsigned badge_bit);
unsigned badge_from_word(const char *word);

const char *signup_mode_key(signup_mode m);       /* "none", "open", "helpers" */
/* Keys and Danish words: "bare kom"/"ingen"/"nej" = none, "tilmelding"/"ja" = open,
 * "hjælpere"/"giv en hånd" = helpers. False (and *out untouched) for anything else. */
bool signup_mode_from_word(const char *word, signup_mode *out);
const char *signup_status_key(signup_status s);   /* "confirmed", "waiting", "cancelled" */
bool signup_status_from_key(const char *key, signup_status *out);

/* True when both describe the same activity in every field the staff file controls
 * (everything but `id` and the task ids). Used to tell "changed" from "unchanged". */
bool activity_same_content(const activity *a, const activity *b);

#endif
