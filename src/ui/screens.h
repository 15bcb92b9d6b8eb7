/* screens: every screen's ui_screen_def, and the answers of the app each flow waits for.
 * Only screens.c, which lists them by ui_screen_id, needs this; the screens declare
 * themselves here and the state machine (ui.c) reaches them through screen.h alone.
 *
 * Threads: the main loop only: the ui state and the frame it builds are the loop's.
 */
#ifndef VM_UI_SCREENS_H
#define VM_UI_SCREENS_H

#include "ui/screen.h"

extern const ui_screen_def screen_home;       /* screen_home.c: the week at a glance */
extern const ui_screen_def screen_program;    /* screen_program.c: the detailed cards */
extern const ui_screen_def screen_language;   /* screen_language.c */
extern const ui_screen_def screen_contacts;   /* screen_contacts.c */
extern const ui_screen_def screen_detail;     /* screen_detail.c */
extern const ui_screen_def screen_join_name;  /* screen_join.c */
extern const ui_screen_def screen_join_household;
extern const ui_screen_def screen_join_extra;
extern const ui_screen_def screen_join_done;
extern const ui_screen_def screen_cancel_name; /* screen_cancel.c */
extern const ui_screen_def screen_cancel_code;
extern const ui_screen_def screen_cancel_done;
extern const ui_screen_def screen_interest_name; /* screen_interest.c */
extern const ui_screen_def screen_interest_reach;
extern const ui_screen_def screen_interest_consent;
extern const ui_screen_def screen_interest_done;
extern const ui_screen_def screen_ideas;      /* screen_ideas.c */
extern const ui_screen_def screen_wish;
extern const ui_screen_def screen_ideas_done;
extern const ui_screen_def screen_idle;       /* screen_idle.c */
extern const ui_screen_def screen_night;
extern const ui_screen_def screen_sync;       /* screen_sync.c */
extern const ui_screen_def screen_sync_done;
extern const ui_screen_def screen_admin_pin;  /* screen_admin_pin.c */
extern const ui_screen_def screen_admin;      /* screen_admin.c */
extern const ui_screen_def screen_admin_signups; /* screen_admin_signups.c */
extern const ui_screen_def screen_admin_sticks;  /* screen_admin_sticks.c */
extern const ui_screen_def screen_admin_confirm; /* screen_admin_confirm.c */
extern const ui_screen_def screen_admin_test;    /* screen_admin_test.c */
extern const ui_screen_def screen_admin_checkin; /* screen_admin_checkin.c */

/* The app's answers, each where its question was asked. */
void ui_join_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);
void ui_cancel_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);
void ui_interest_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);
void ui_ideas_answer(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);
void ui_admin_action_done(ui *u, const ui_model *m, const ui_action_result *r, int64_t now_ms);

#endif
