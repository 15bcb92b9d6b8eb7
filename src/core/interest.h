/* interest: "Sig til, når der sker noget". A resident who wants to hear when something is on
 * leaves a first name and a way to be found (a phone number, or a flat number) for a kind of
 * activity: its category and its title (the series, "Fællesspisning"). Personal data: kept
 * on the kiosk only as long as `retention_days` allows, never on a public screen, leaving the
 * kiosk only sealed to the staff's key (docs/security.md). Plain value type.
 *
 * Threads: any. A plain value; it is used by one thread at a time.
 */
#ifndef VM_CORE_INTEREST_H
#define VM_CORE_INTEREST_H

#include <stdint.h>

#include "core/activity.h"

#define INTEREST_REACH_MAX 16    /* bytes incl. NUL: digits only */
#define INTEREST_PHONE_MIN 8     /* digits of a Danish number; up to 15 with a country code */
#define INTEREST_PHONE_DIGITS 15
#define INTEREST_FLAT_DIGITS 6   /* a flat (lejemål) number as the estate counts them */

typedef struct interest {
    char id[SIGNUP_ID_MAX];          /* a UUID made where it was made */
    category cat;                    /* the kind of activity */
    char about[ACT_TITLE_MAX];       /* the activity's title when it was left: the series */
    char activity_uid[ACT_UID_MAX];  /* the activity it was left on ("" = not known) */
    char name[SIGNUP_NAME_BYTES];    /* a first name, cleaned */
    char phone[INTEREST_REACH_MAX];  /* digits, or "" */
    char flat[INTEREST_REACH_MAX];   /* digits, or "" (one of the two is given) */
    int64_t created;                 /* UTC seconds */
    char kiosk_id[KIOSK_ID_MAX];
} interest;

#endif
