/* idea: "Hvad savner du?". Ideas the staff propose on the stick (vaermed/ideer.csv), each
 * with a pictogram (a category's), that residents vote for with one tap; or a short wish of
 * their own. No names: a vote is counted once per idea per day per kiosk.
 *
 * Threads: any. A plain value; it is used by one thread at a time.
 */
#ifndef VM_CORE_IDEA_H
#define VM_CORE_IDEA_H

#include "core/activity.h"

#define IDEA_TITLE_MAX 96 /* bytes incl. NUL: "Yoga for begyndere" */
#define IDEAS_MAX 12      /* one screen of big tiles */
#define WISH_MAX SIGNUP_NAME_MAX /* characters of a short wish (the keyboard's field) */

typedef struct idea {
    char title[IDEA_TITLE_MAX];
    category cat; /* its pictogram and colour */
} idea;

#endif
