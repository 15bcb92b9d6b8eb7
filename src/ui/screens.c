/* screens: the list of screens by id, and which answer goes where. See screen.h. */
#include <stddef.h>

#include "ui/screens.h"

/* drawn apart (ui.c), never u->screen: only its name */
static const ui_screen_def screen_too_small = {.name = "too-small"};

static const ui_screen_def *const SCREENS[SCR_COUNT] = {
    [SCR_HOME] = &screen_home,
    [SCR_DETAIL] = &screen_detail,
    [SCR_JOIN_NAME] = &screen_join_name,
    [SCR_JOIN_HOUSEHOLD] = &screen_join_household,
    [SCR_JOIN_EXTRA] = &screen_join_extra,
    [SCR_JOIN_DONE] = &screen_join_done,
    [SCR_CANCEL_NAME] = &screen_cancel_name,
    [SCR_CANCEL_CODE] = &screen_cancel_code,
    [SCR_CANCEL_DONE] = &screen_cancel_done,
    [SCR_INTEREST_NAME] = &screen_interest_name,
    [SCR_INTEREST_REACH] = &screen_interest_reach,
    [SCR_INTEREST_CONSENT] = &screen_interest_consent,
    [SCR_INTEREST_DONE] = &screen_interest_done,
    [SCR_WISH] = &screen_wish,
    [SCR_IDEAS_DONE] = &screen_ideas_done,
    [SCR_IDLE] = &screen_idle,
    [SCR_NIGHT] = &screen_night,
    [SCR_SYNC] = &screen_sync,
    [SCR_SYNC_DONE] = &screen_sync_done,
    [SCR_ADMIN_PIN] = &screen_admin_pin,
    [SCR_ADMIN] = &screen_admin,
    [SCR_ADMIN_SIGNUPS] = &screen_admin_signups,
    [SCR_ADMIN_STICKS] = &screen_admin_sticks,
    [SCR_ADMIN_CONFIRM] = &screen_admin_confirm,
    [SCR_ADMIN_TEST] = &screen_admin_test,
    [SCR_TOO_SMALL] = &screen_too_small,
    [SCR_PROGRAM] = &screen_program,
    [SCR_LANGUAGE] = &screen_language,
    [SCR_CONTACTS] = &screen_contacts,
    [SCR_ADMIN_CHECKIN] = &screen_admin_checkin,
    [SCR_IDEAS] = &screen_ideas,
};

const ui_screen_def *ui_screen_def_of(ui_screen_id s)
{
    return (unsigned)s < SCR_COUNT && SCREENS[s] ? SCREENS[s] : &screen_too_small;
}

ui_answer_fn ui_answer_of(ui_action_kind kind)
{
    switch (kind) {
    case UI_ACTION_JOIN:
        return ui_join_answer;
    case UI_ACTION_CANCEL_WITH_CODE:
        return ui_cancel_answer;
    case UI_ACTION_INTEREST:
        return ui_interest_answer;
    case UI_ACTION_VOTE:
    case UI_ACTION_WISH:
        return ui_ideas_answer;
    case UI_ACTION_ADMIN_PIN:
    case UI_ACTION_ADMIN_AUTHORISE_STICK:
    case UI_ACTION_ADMIN_EXPORT:
    case UI_ACTION_ADMIN_LOAD_SIGNUPS:
    case UI_ACTION_ADMIN_CANCEL_SIGNUP:
    case UI_ACTION_ADMIN_RESTART:
    case UI_ACTION_ADMIN_CLOCK_RESET:
    case UI_ACTION_ADMIN_REVOKE_STICK:
    case UI_ACTION_ADMIN_DELETE_INTEREST:
    case UI_ACTION_ADMIN_SET_CAME:
    case UI_ACTION_ADMIN_SET_WALKINS:
        return ui_admin_action_done;
    }
    return NULL;
}
