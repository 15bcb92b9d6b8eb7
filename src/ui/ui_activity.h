/* ui_activity: an activity as the screens hold it, its texts pointing into an arena.
 *
 * The same fields as `activity` (core/activity.h), with the same names, so a screen reads
 * `e->act.title` either way; but the texts are pointers to NUL-terminated UTF-8 (never NULL;
 * "" when empty) and the helper tasks a pointer and a count. A program of 300 activities is
 * then the length of its words, not 300 times every field's largest size (3.5 KB each).
 *
 * The texts and the task list live in a ui_arena: chunks of memory that are never moved
 * (a pointer into one stays valid until ui_arena_free), filled by ui_activity_fill one
 * activity at a time. Whoever owns the entries owns their arena and frees both together.
 *
 * The rules (core/rules.h) read an activity's terms, not its texts: ui_activity_terms.
 *
 * Threads: any; an arena is used by one thread at a time.
 */
#ifndef VM_UI_UI_ACTIVITY_H
#define VM_UI_UI_ACTIVITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/rules.h"

typedef struct ui_helper_task {
    int64_t id;
    const char *title;
    int minutes;
    int slots;
} ui_helper_task;

typedef struct ui_activity {
    int64_t id;
    const char *uid;
    const char *title;
    const char *description;
    category category;
    const char *place;
    const char *host;
    const char *host_phone;
    const char *price;
    const char *audience;
    int64_t start;
    int64_t end;
    signup_mode mode;
    int capacity;
    int64_t deadline;
    bool count_household;
    unsigned badges;
    const char *signup_url;
    bool cancelled;
    int n_tasks;                 /* 0..ACT_TASKS_MAX */
    const ui_helper_task *tasks; /* n_tasks of them; NULL when none */
} ui_activity;

typedef struct ui_arena_chunk ui_arena_chunk;

/* Zeroed is empty. */
typedef struct ui_arena {
    ui_arena_chunk *chunks; /* newest first */
    size_t bytes;           /* everything allocated for it, chunk headers included */
} ui_arena;

/* Frees every chunk (NULL-safe); the arena is empty again and may be filled anew. Every
 * ui_activity filled from it is invalid after. */
void ui_arena_free(ui_arena *a);

/* Bytes the arena holds (what it asked malloc for). */
size_t ui_arena_bytes(const ui_arena *a);

/* Copies `a`'s texts and tasks into `arena` and its scalars into `out`. False when memory ran
 * out (then `out` is zeroed with every text "", and the arena holds what it held). Texts are
 * taken up to their field's size (a field without a NUL is cut there). */
bool ui_activity_fill(ui_activity *out, const activity *a, ui_arena *arena);

/* The terms the rules read (core/rules.h). */
rules_terms ui_activity_terms(const ui_activity *a);

#endif
