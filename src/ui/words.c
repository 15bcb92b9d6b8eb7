/* words: what the screens say about an activity, in the current language. */
#include <stdio.h>
#include <string.h>

#include "core/dktime.h"
#include "ui/ui_internal.h"

const char *tr(const ui_ctx *c, const char *msgid)
{
    return i18n_text(c->cat, msgid);
}

const char *tr_staff(const ui_ctx *c, const char *msgid)
{
    return i18n_text_ctx(c->cat, "staff", msgid);
}

/* Languages that write day names in lower case inside a sentence ("vi ses torsdag"). */
static bool lower_day_names(const i18n_catalog *cat)
{
    static const char *const langs[] = {"da", "nb", "nn", "no", "sv", "fi", "fr", "es", "it",
                                        "pt", "pl", "cs", "ro", "nl", "so"};
    const char *l = cat ? i18n_lang(cat) : "en";
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
        if (l && strcmp(l, langs[i]) == 0)
            return true;
    return false;
}

/* "I dag" and "I morgen" are words, not names: lower case inside a sentence everywhere. */
static bool is_relative_day(const ui_ctx *c, const char *day)
{
    char word[64];
    i18n_day(c->cat, c->now, c->now, word, sizeof word);
    if (strncmp(day, word, strlen(word)) == 0)
        return true;
    int64_t tomorrow = dktime_day_start(c->now) + 36 * 3600;
    i18n_day(c->cat, tomorrow, c->now, word, sizeof word);
    return strncmp(day, word, strlen(word)) == 0;
}

void ui_day_in_sentence(const ui_ctx *c, int64_t t, char *out, size_t size)
{
    i18n_day(c->cat, t, c->now, out, size);
    if (lower_day_names(c->cat) || is_relative_day(c, out))
        text_lower_first(out);
}

void ui_when_in_sentence(const ui_ctx *c, int64_t t, char *out, size_t size)
{
    i18n_when(c->cat, t, c->now, out, size);
    if (lower_day_names(c->cat) || is_relative_day(c, out))
        text_lower_first(out);
}

bool ui_entry_over(const ui_activity *a, int64_t now)
{
    int64_t end = a->end > a->start ? a->end : a->start + 3600;
    return now >= end;
}

/* Joining that the rules allow is paused while the kiosk cannot save. */
static join_state paused_if(const ui_model *m, join_state js)
{
    return m && m->signups_paused && (js == JOIN_OPEN || js == JOIN_WAITLIST) ? JOIN_PAUSED : js;
}

join_state ui_join_state(const ui_model *m, const ui_entry *e, int64_t now)
{
    rules_terms t = ui_activity_terms(&e->act);
    return paused_if(m, rules_terms_join_state(&t, &e->counts, now));
}

join_state ui_task_join_state(const ui_model *m, const ui_entry *e, int index, int64_t now)
{
    rules_terms t = ui_activity_terms(&e->act);
    return paused_if(m, rules_terms_task_join_state(&t, &e->counts, index, now));
}

int ui_free_helper_slots(const ui_model *m, const ui_entry *e, int64_t now)
{
    int free_slots = 0;
    for (int i = 0; i < e->act.n_tasks && i < ACT_TASKS_MAX; i++) {
        if (ui_task_join_state(m, e, i, now) != JOIN_OPEN)
            continue;
        if (e->act.tasks[i].slots <= 0)
            return UI_SLOTS_UNLIMITED; /* as many hands as come */
        int left = e->act.tasks[i].slots - e->counts.task_taken[i];
        if (left > 0)
            free_slots += left;
    }
    return free_slots;
}

const ui_helper_task *ui_task_find(const ui_activity *a, int64_t task_id, int *index)
{
    for (int i = 0; i < a->n_tasks && i < ACT_TASKS_MAX; i++) {
        if (a->tasks[i].id == task_id) {
            if (index)
                *index = i;
            return &a->tasks[i];
        }
    }
    return NULL;
}

const char *ui_places_text(const ui_ctx *c, const ui_entry *e, char *buf, size_t size,
                           ui_color *color)
{
    const ui_activity *a = &e->act;
    *color = COL_CLOSED;
    if (a->cancelled)
        return tr(c, "Cancelled");
    if (a->mode != SIGNUP_MODE_OPEN) {
        *color = COL_OPEN;
        return tr(c, "Just come");
    }
    switch (ui_join_state(c->m, e, c->now)) {
    case JOIN_OPEN: {
        rules_terms t = ui_activity_terms(a);
        int left = rules_terms_places_left(&t, &e->counts);
        *color = COL_OPEN;
        if (left < 0)
            return tr(c, "There is room for you");
        i18n_format(buf, size, i18n_plural(c->cat, "%d place left", "%d places left", left),
                    left);
        return buf;
    }
    case JOIN_WAITLIST:
        *color = COL_FULL;
        return tr(c, "Full \xE2\x80\x93 waiting list");
    case JOIN_NO_SIGNUP:
        *color = COL_OPEN;
        return tr(c, "Just come");
    case JOIN_CANCELLED:
        return tr(c, "Cancelled");
    case JOIN_STARTED:
    case JOIN_DEADLINE_PASSED:
        return tr(c, "Sign-up closed");
    case JOIN_PAUSED:
        return tr(c, "Sign-up paused");
    }
    return "";
}

const char *ui_join_reason(const ui_ctx *c, const ui_entry *e, join_state js, char *buf,
                           size_t size)
{
    switch (js) {
    case JOIN_OPEN:
    case JOIN_WAITLIST:
        return "";
    case JOIN_NO_SIGNUP:
        return tr(c, "Just come \xE2\x80\x93 you don't need to sign up");
    case JOIN_CANCELLED:
        return tr(c, "This activity is cancelled");
    case JOIN_STARTED:
        return tr(c, "It has already started");
    case JOIN_DEADLINE_PASSED: {
        char when[96];
        ui_when_in_sentence(c, e->act.deadline, when, sizeof when);
        i18n_format(buf, size, tr(c, "Sign-up closed %s"), when);
        return buf;
    }
    case JOIN_PAUSED:
        return tr(c, "Sign-up is paused: the kiosk cannot save right now. Please tell the staff.");
    }
    return "";
}
