/* icon: the pictograms the product knows, by name.
 *
 * Pictograms come before text for residents who read Danish poorly. The shapes are drawn as
 * vector paths by src/icons (cairo), rasterised once per size for the screen and kept vector
 * in the printed program. Core and ui refer to them only by these ids.
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_ICON_H
#define VM_CORE_ICON_H

#include <stdbool.h>

#include "core/activity.h"

typedef enum icon_id {
    ICON_NONE = 0,
    /* categories, in the order of enum category */
    ICON_CAT_OTHER,
    ICON_CAT_FOOD,
    ICON_CAT_WALK,
    ICON_CAT_WORKSHOP,
    ICON_CAT_GAMES,
    ICON_CAT_HOMEWORK,
    ICON_CAT_TALK,
    ICON_CAT_CAFE,
    ICON_CAT_SPORT,
    ICON_CAT_KIDS,
    ICON_CAT_MUSIC,
    ICON_CAT_GARDEN,
    ICON_CAT_PARTY,
    ICON_CAT_MEETING,
    ICON_CAT_CRAFTS,
    /* badges, in the order of the BADGE_* bits */
    ICON_BADGE_FREE,
    ICON_BADGE_JUST_COME,
    ICON_BADGE_CHILDCARE,
    ICON_BADGE_ALONE_OK,
    ICON_BADGE_RESIDENTS_ONLY,
    ICON_BADGE_STEP_FREE,
    /* facts on a card */
    ICON_CLOCK,
    ICON_PLACE,
    ICON_HOST,
    ICON_PEOPLE,    /* places */
    ICON_HELP_HAND, /* "Giv en hånd" */
    ICON_COMPANY,   /* two people: "følgeven" */
    /* controls */
    ICON_BACK,
    ICON_UP,
    ICON_DOWN,
    ICON_LANGUAGE,
    ICON_CHECK,
    ICON_CROSS,
    ICON_PLUS,
    ICON_MINUS,
    ICON_BACKSPACE,
    ICON_SHIFT,
    ICON_SPACE,     /* the space bar where its word does not fit: an open box */
    ICON_LOCK,      /* closed / code */
    ICON_PHONE,     /* scan with your phone */
    ICON_CALENDAR,
    ICON_USB,
    ICON_WARNING,
    ICON_ASK,       /* "Hvem kan jeg spørge?": a person and a speech bubble with "?" */
    /* the direction arrows of a right-to-left screen: mirrored */
    ICON_BACK_RTL,
    ICON_BACKSPACE_RTL,
    ICON_COUNT
} icon_id;

icon_id icon_for_category(category c);
/* Icon of one BADGE_* bit; ICON_NONE for anything else. */
icon_id icon_for_badge(unsigned badge_bit);
/* The icon as a right-to-left screen shows it: an arrow that points the way to go (back,
 * delete the last letter) is mirrored; every other pictogram is the same. */
icon_id icon_for_direction(icon_id id, bool rtl);
/* Stable ASCII name ("cat_food", "back"), for tests, goldens and the dump. */
const char *icon_name(icon_id id);

#endif
