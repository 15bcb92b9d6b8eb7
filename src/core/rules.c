#include "core/rules.h"

#include <string.h>

#include "core/utf8.h"

rules_terms rules_terms_make(signup_mode mode, int capacity, int64_t start, int64_t deadline,
                             bool cancelled, bool count_household, int n_tasks)
{
    rules_terms t = {0};
    t.mode = mode;
    t.capacity = capacity;
    t.start = start;
    t.deadline = deadline;
    t.cancelled = cancelled;
    t.count_household = count_household;
    t.n_tasks = n_tasks < 0 ? 0 : n_tasks > ACT_TASKS_MAX ? ACT_TASKS_MAX : n_tasks;
    return t;
}

rules_terms rules_terms_of(const activity *a)
{
    if (!a)
        return (rules_terms){0};
    rules_terms t = rules_terms_make(a->mode, a->capacity, a->start, a->deadline, a->cancelled,
                                     a->count_household, a->n_tasks);
    for (int i = 0; i < t.n_tasks; i++)
        t.task_slots[i] = a->tasks[i].slots;
    return t;
}

int rules_terms_heads(const rules_terms *t, int adults, int children)
{
    if (!t || !t->count_household)
        return 1;
    int heads = (adults > 0 ? adults : 0) + (children > 0 ? children : 0);
    return heads > 0 ? heads : 1;
}

int rules_terms_places_left(const rules_terms *t, const activity_counts *c)
{
    if (t->capacity <= 0)
        return -1;
    int left = t->capacity - c->heads_taken;
    return left > 0 ? left : 0;
}

/* What applies to participants and helpers alike, or JOIN_OPEN when nothing stops them. */
static join_state closed_state(const rules_terms *t, int64_t now)
{
    if (t->cancelled)
        return JOIN_CANCELLED;
    if (now >= t->start)
        return JOIN_STARTED;
    if (t->deadline != 0 && now >= t->deadline)
        return JOIN_DEADLINE_PASSED;
    return JOIN_OPEN;
}

join_state rules_terms_join_state(const rules_terms *t, const activity_counts *c, int64_t now)
{
    if (t->cancelled)
        return JOIN_CANCELLED;
    /* "Bare kom" stays true while it goes on, so it is said before "started". */
    if (t->mode != SIGNUP_MODE_OPEN)
        return JOIN_NO_SIGNUP;
    join_state s = closed_state(t, now);
    if (s != JOIN_OPEN)
        return s;
    return rules_terms_places_left(t, c) == 0 ? JOIN_WAITLIST : JOIN_OPEN;
}

join_state rules_terms_task_join_state(const rules_terms *t, const activity_counts *c,
                                       int task_index, int64_t now)
{
    if (t->cancelled)
        return JOIN_CANCELLED;
    if (task_index < 0 || task_index >= t->n_tasks || task_index >= ACT_TASKS_MAX)
        return JOIN_NO_SIGNUP;
    join_state s = closed_state(t, now);
    if (s != JOIN_OPEN)
        return s;
    int slots = t->task_slots[task_index];
    if (slots > 0 && c->task_taken[task_index] >= slots)
        return JOIN_WAITLIST;
    return JOIN_OPEN;
}

int rules_heads(const activity *a, int adults, int children)
{
    rules_terms t = rules_terms_of(a);
    return rules_terms_heads(a ? &t : NULL, adults, children);
}

int rules_places_left(const activity *a, const activity_counts *c)
{
    rules_terms t = rules_terms_of(a);
    return rules_terms_places_left(&t, c);
}

join_state rules_join_state(const activity *a, const activity_counts *c, int64_t now)
{
    rules_terms t = rules_terms_of(a);
    return rules_terms_join_state(&t, c, now);
}

join_state rules_task_join_state(const activity *a, const activity_counts *c, int task_index,
                                 int64_t now)
{
    rules_terms t = rules_terms_of(a);
    return rules_terms_task_join_state(&t, c, task_index, now);
}

int rules_rebalance(rules_entry *queue, size_t n, int capacity)
{
    int changed = 0;
    long confirmed_heads = 0;
    for (size_t i = 0; i < n; i++) {
        queue[i].waiting_position = 0; /* scratch until step 3: -1 marks "demoted in step 1" */
        if (queue[i].status == SIGNUP_CONFIRMED)
            confirmed_heads += queue[i].heads > 0 ? queue[i].heads : 0;
    }
    if (capacity > 0) {
        /* 1. a lowered capacity: the latest confirmed wait again, until the rest fit */
        for (size_t i = n; i-- > 0 && confirmed_heads > capacity;) {
            if (queue[i].status == SIGNUP_CONFIRMED) {
                queue[i].status = SIGNUP_WAITING;
                queue[i].waiting_position = -1;
                confirmed_heads -= queue[i].heads > 0 ? queue[i].heads : 0;
            }
        }
    }
    /* 2. oldest first, whoever fits in the room left is confirmed */
    for (size_t i = 0; i < n; i++) {
        if (queue[i].status != SIGNUP_WAITING)
            continue;
        long heads = queue[i].heads > 0 ? queue[i].heads : 0;
        if (capacity <= 0 || confirmed_heads + heads <= capacity) {
            queue[i].status = SIGNUP_CONFIRMED;
            confirmed_heads += heads;
            if (queue[i].waiting_position != -1)
                changed++; /* a demoted one promoted again ends as it began */
            queue[i].waiting_position = 0;
        }
    }
    /* 3. number the waiting list */
    int position = 0;
    for (size_t i = 0; i < n; i++) {
        if (queue[i].status == SIGNUP_WAITING) {
            if (queue[i].waiting_position == -1)
                changed++;
            queue[i].waiting_position = ++position;
        } else {
            queue[i].waiting_position = 0;
        }
    }
    return changed;
}

void rules_count(activity_counts *c, const activity *a, int task_index, signup_status status,
                 int adults, int children, bool wants_company)
{
    if (status == SIGNUP_CANCELLED) {
        c->cancelled++;
        return;
    }
    if (task_index >= 0) {
        if (status == SIGNUP_CONFIRMED) {
            c->helpers++;
            if (task_index < ACT_TASKS_MAX)
                c->task_taken[task_index]++;
        } else {
            c->helpers_waiting++;
        }
        return;
    }
    if (status == SIGNUP_WAITING) {
        c->waiting++;
        return;
    }
    c->signups++;
    c->heads_taken += rules_heads(a, adults, children);
    c->adults += adults > 0 ? adults : 0;
    c->children += children > 0 ? children : 0;
    if (wants_company)
        c->company_wanted++;
}

join_refusal rules_refusal(join_state js)
{
    switch (js) {
    case JOIN_OPEN:
    case JOIN_WAITLIST:
        return JOIN_REFUSAL_NONE;
    case JOIN_NO_SIGNUP:
        return JOIN_REFUSAL_NO_SIGNUP;
    case JOIN_CANCELLED:
        return JOIN_REFUSAL_CANCELLED;
    case JOIN_STARTED:
        return JOIN_REFUSAL_STARTED;
    case JOIN_DEADLINE_PASSED:
        return JOIN_REFUSAL_DEADLINE_PASSED;
    case JOIN_PAUSED:
        return JOIN_REFUSAL_PAUSED;
    }
    return JOIN_REFUSAL_NO_SIGNUP; /* a state from nowhere takes no sign-up */
}

join_refusal rules_household(int adults, int children)
{
    if (adults < 0 || children < 0 || adults > HOUSEHOLD_MAX || children > HOUSEHOLD_MAX ||
        adults + children < 1)
        return JOIN_REFUSAL_HOUSEHOLD;
    return JOIN_REFUSAL_NONE;
}

join_refusal rules_clean_name(const char *in, char out[SIGNUP_NAME_BYTES])
{
    char line[SIGNUP_NAME_BYTES * 2];
    utf8_clean_line(in ? in : "", line, sizeof line);
    size_t keep = utf8_prefix_bytes(line, SIGNUP_NAME_MAX, SIGNUP_NAME_BYTES - 1);
    memcpy(out, line, keep);
    out[keep] = '\0';
    /* Cutting may leave a space at the end. */
    while (keep > 0 && out[keep - 1] == ' ')
        out[--keep] = '\0';
    if (!out[0])
        return JOIN_REFUSAL_NAME;
    for (size_t i = 0; i < keep;) {
        uint32_t cp;
        size_t used = utf8_decode(out + i, keep - i, &cp);
        if (cp != ' ' && !utf8_is_name_char(cp))
            return JOIN_REFUSAL_NAME;
        i += used;
    }
    return JOIN_REFUSAL_NONE;
}
