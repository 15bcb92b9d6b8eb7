/* rules: who gets a place. Pure functions of an activity, its sign-ups and `now`.
 *
 * The store applies these inside its transactions, so the rule lives in one place and is
 * tested without a database.
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_RULES_H
#define VM_CORE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"

/* Whether a resident can join now, and if not, why. rules_join_state checks, in this order:
 * cancelled, no participant sign-up (mode none or helpers), started, deadline, full. */
typedef enum join_state {
    JOIN_OPEN = 0,      /* places free (or no limit): joining confirms if the household fits
                         * in the places left; a bigger one goes on the waiting list */
    JOIN_WAITLIST,      /* full: joining puts you on the waiting list */
    JOIN_NO_SIGNUP,     /* mode none: "Bare kom" (said even while it goes on); mode helpers:
                         * only the helper tasks take sign-ups */
    JOIN_CANCELLED,     /* "Aflyst" */
    JOIN_STARTED,       /* it has begun or passed */
    JOIN_DEADLINE_PASSED, /* "Tilmelding lukket" with the deadline */
    JOIN_PAUSED         /* never from these rules: the kiosk cannot save sign-ups now (its
                         * database is read-only or damaged), so it takes none */
} join_state;

/* Why a sign-up is refused. store_join says which, so whoever words the answer (the kiosk, the
 * command line) need not ask the rules again. */
typedef enum join_refusal {
    JOIN_REFUSAL_NONE = 0,     /* not refused by a rule (an error of another kind may still be) */
    JOIN_REFUSAL_NO_SIGNUP,    /* JOIN_NO_SIGNUP: just come, or helpers only */
    JOIN_REFUSAL_CANCELLED,    /* JOIN_CANCELLED */
    JOIN_REFUSAL_STARTED,      /* JOIN_STARTED */
    JOIN_REFUSAL_DEADLINE_PASSED, /* JOIN_DEADLINE_PASSED */
    JOIN_REFUSAL_PAUSED,       /* JOIN_PAUSED */
    JOIN_REFUSAL_NOT_FOUND,    /* no such activity or helper task (any more) */
    JOIN_REFUSAL_TOO_MANY,     /* the household is larger than all the places */
    JOIN_REFUSAL_HOUSEHOLD,    /* adults or children outside 0..HOUSEHOLD_MAX, or nobody */
    JOIN_REFUSAL_NAME          /* nothing left of the name once cleaned, or pictures in it */
} join_refusal;

/* The refusal of a join state: JOIN_REFUSAL_NONE for JOIN_OPEN and JOIN_WAITLIST. */
join_refusal rules_refusal(join_state js);

/* The household rule: adults and children each 0..HOUSEHOLD_MAX and at least one person.
 * JOIN_REFUSAL_HOUSEHOLD when it is broken, else JOIN_REFUSAL_NONE. */
join_refusal rules_household(int adults, int children);

/* The name rule: `in` cleaned to one line (utf8_clean_line), cut to SIGNUP_NAME_MAX
 * characters and trailing spaces, into `out`. JOIN_REFUSAL_NAME when nothing is left or it
 * holds what a name cannot (emoji, pictographs: utf8_is_name_char), else JOIN_REFUSAL_NONE. */
join_refusal rules_clean_name(const char *in, char out[SIGNUP_NAME_BYTES]);

/* The terms of an activity the rules read: its scalars, without its texts. The ui keeps
 * activities in a leaner form than `activity` (its strings are pointers), so it gives the
 * rules these instead; rules_terms_of takes them from an activity. The functions that take
 * an `activity` below are these same rules on rules_terms_of(a). */
typedef struct rules_terms {
    signup_mode mode;
    int capacity;                    /* 0 = no limit */
    int64_t start;                   /* UTC */
    int64_t deadline;                /* UTC; 0 = none */
    bool cancelled;
    bool count_household;
    int n_tasks;
    int task_slots[ACT_TASKS_MAX];   /* tasks[i].slots; 0 = no limit */
} rules_terms;

rules_terms rules_terms_of(const activity *a);
/* Terms from an activity's scalars, with `n_tasks` cut to 0..ACT_TASKS_MAX and every task's
 * slots 0 (the caller sets task_slots[0..n_tasks)): for a holder of an activity's fields
 * other than `activity`. */
rules_terms rules_terms_make(signup_mode mode, int capacity, int64_t start, int64_t deadline,
                             bool cancelled, bool count_household, int n_tasks);

int rules_terms_heads(const rules_terms *t, int adults, int children);
int rules_terms_places_left(const rules_terms *t, const activity_counts *c);
join_state rules_terms_join_state(const rules_terms *t, const activity_counts *c, int64_t now);
join_state rules_terms_task_join_state(const rules_terms *t, const activity_counts *c,
                                       int task_index, int64_t now);

/* Heads a sign-up takes: adults + children where the activity counts households (negative
 * numbers count as 0, and a sign-up always takes at least 1), else 1. */
int rules_heads(const activity *a, int adults, int children);

/* Places left for participants (capacity - heads taken, never below 0), or -1 when there is
 * no limit. */
int rules_places_left(const activity *a, const activity_counts *c);

/* Whether a participant can join `a` now. */
join_state rules_join_state(const activity *a, const activity_counts *c, int64_t now);

/* Same for helper task number `task_index` (slots instead of places; slots 0 = no limit), in
 * any sign-up mode. Tasks of a cancelled, started or closed activity are closed too; a full
 * task gives JOIN_WAITLIST; an index that is not a task gives JOIN_NO_SIGNUP. */
join_state rules_task_join_state(const activity *a, const activity_counts *c, int task_index,
                                 int64_t now);

/* One entry of a queue for rules_rebalance: a sign-up's heads and status, in the order they
 * were made (oldest first). */
typedef struct rules_entry {
    int heads;            /* rules_heads, or 1 for a helper; below 0 counts as 0 */
    signup_status status; /* in: current; out: new. Cancelled entries are left alone. */
    int waiting_position; /* out: 1-based while waiting, else 0 */
} rules_entry;

/* Makes the queue fit `capacity` heads (0 = no limit), in place:
 * 1. while the confirmed heads exceed the capacity, the latest confirmed moves to waiting
 *    (so when staff lower the capacity, nobody is silently dropped);
 * 2. then, oldest first, every waiting entry that fits in the free places is confirmed
 *    ("the first who fits is promoted");
 * 3. waiting positions are numbered 1.. in queue order.
 * Returns the number of entries whose status changed (one demoted in step 1 and promoted
 * again in step 2 has not changed). A new sign-up is added at the end as SIGNUP_WAITING and
 * rebalanced: if it fits and nobody before it waits for the room, it is confirmed. An entry
 * with more heads than the whole capacity waits (in its place in the queue) and never holds
 * up those after it; with capacity 0 everybody not cancelled is confirmed. For helper task
 * slots, pass heads 1 per entry and the slots as capacity. */
int rules_rebalance(rules_entry *queue, size_t n, int capacity);

/* Adds one sign-up to counts (participant or helper per task index, -1 for a participant).
 * Cancelled ones count only in `cancelled`; waiting participants in `waiting`, waiting helpers
 * in `helpers_waiting`. Start from a zeroed activity_counts. */
void rules_count(activity_counts *c, const activity *a, int task_index, signup_status status,
                 int adults, int children, bool wants_company);

#endif
