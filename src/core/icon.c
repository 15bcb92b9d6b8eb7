#include "core/icon.h"

static const char *const names[ICON_COUNT] = {
    [ICON_NONE] = "none",
    [ICON_CAT_OTHER] = "cat_other",
    [ICON_CAT_FOOD] = "cat_food",
    [ICON_CAT_WALK] = "cat_walk",
    [ICON_CAT_WORKSHOP] = "cat_workshop",
    [ICON_CAT_GAMES] = "cat_games",
    [ICON_CAT_HOMEWORK] = "cat_homework",
    [ICON_CAT_TALK] = "cat_talk",
    [ICON_CAT_CAFE] = "cat_cafe",
    [ICON_CAT_SPORT] = "cat_sport",
    [ICON_CAT_KIDS] = "cat_kids",
    [ICON_CAT_MUSIC] = "cat_music",
    [ICON_CAT_GARDEN] = "cat_garden",
    [ICON_CAT_PARTY] = "cat_party",
    [ICON_CAT_MEETING] = "cat_meeting",
    [ICON_CAT_CRAFTS] = "cat_crafts",
    [ICON_BADGE_FREE] = "badge_free",
    [ICON_BADGE_JUST_COME] = "badge_just_come",
    [ICON_BADGE_CHILDCARE] = "badge_childcare",
    [ICON_BADGE_ALONE_OK] = "badge_alone_ok",
    [ICON_BADGE_RESIDENTS_ONLY] = "badge_residents_only",
    [ICON_BADGE_STEP_FREE] = "badge_step_free",
    [ICON_CLOCK] = "clock",
    [ICON_PLACE] = "place",
    [ICON_HOST] = "host",
    [ICON_PEOPLE] = "people",
    [ICON_HELP_HAND] = "help_hand",
    [ICON_COMPANY] = "company",
    [ICON_BACK] = "back",
    [ICON_UP] = "up",
    [ICON_DOWN] = "down",
    [ICON_LANGUAGE] = "language",
    [ICON_CHECK] = "check",
    [ICON_CROSS] = "cross",
    [ICON_PLUS] = "plus",
    [ICON_MINUS] = "minus",
    [ICON_BACKSPACE] = "backspace",
    [ICON_SHIFT] = "shift",
    [ICON_SPACE] = "space",
    [ICON_LOCK] = "lock",
    [ICON_PHONE] = "phone",
    [ICON_CALENDAR] = "calendar",
    [ICON_USB] = "usb",
    [ICON_WARNING] = "warning",
    [ICON_ASK] = "ask",
    [ICON_BACK_RTL] = "back_rtl",
    [ICON_BACKSPACE_RTL] = "backspace_rtl",
};

/* The enums are kept in the same order; a new category or badge without its icon is a
 * compile error here rather than a wrong pictogram on the wall. */
_Static_assert(ICON_CAT_CRAFTS - ICON_CAT_OTHER == CAT_CRAFTS - CAT_OTHER,
               "icon_id categories follow enum category");
_Static_assert(ICON_CAT_CRAFTS - ICON_CAT_OTHER + 1 == CAT_COUNT,
               "every category has an icon");
_Static_assert(ICON_BADGE_STEP_FREE - ICON_BADGE_FREE + 1 == BADGE_COUNT,
               "every badge has an icon");

icon_id icon_for_category(category c)
{
    if ((int)c < 0 || c >= CAT_COUNT)
        return ICON_CAT_OTHER;
    return (icon_id)(ICON_CAT_OTHER + (int)c);
}

icon_id icon_for_badge(unsigned badge_bit)
{
    for (int i = 0; i < BADGE_COUNT; i++)
        if (badge_bit == 1u << i)
            return (icon_id)(ICON_BADGE_FREE + i);
    return ICON_NONE;
}

icon_id icon_for_direction(icon_id id, bool rtl)
{
    if (!rtl)
        return id;
    switch (id) {
    case ICON_BACK: return ICON_BACK_RTL;
    case ICON_BACKSPACE: return ICON_BACKSPACE_RTL;
    default: return id;
    }
}

const char *icon_name(icon_id id)
{
    if ((int)id < 0 || id >= ICON_COUNT || !names[id])
        return "none";
    return names[id];
}
