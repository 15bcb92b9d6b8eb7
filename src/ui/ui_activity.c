#include "ui/ui_activity.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

/* A chunk: its header, then `size` bytes of which `used` are taken. */
struct ui_arena_chunk {
    ui_arena_chunk *next;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

/* Most activities' texts are a few hundred bytes: a chunk holds a dozen or more of them,
 * and a long one (a 1,200-byte description, eight tasks) gets a chunk of its own size. */
#define CHUNK_BYTES 4096

void ui_arena_free(ui_arena *a)
{
    if (!a)
        return;
    for (ui_arena_chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->chunks = NULL;
    a->bytes = 0;
}

size_t ui_arena_bytes(const ui_arena *a)
{
    return a ? a->bytes : 0;
}

/* `size` bytes aligned for any object, or NULL. */
static void *arena_alloc(ui_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) / align * align;
    ui_arena_chunk *c = a->chunks;
    if (!c || c->size - c->used < size) {
        size_t want = size > CHUNK_BYTES ? size : CHUNK_BYTES;
        c = malloc(sizeof *c + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = a->chunks;
        a->chunks = c;
        a->bytes += sizeof *c + want;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

/* The length of a fixed field's text: up to its NUL or its size. */
static size_t field_len(const char *s, size_t size)
{
    const char *nul = memchr(s, '\0', size);
    return nul ? (size_t)(nul - s) : size;
}

/* Copies a field to *at and moves *at on; "" stays the shared empty string. */
static const char *put(char **at, const char *s, size_t size)
{
    size_t len = field_len(s, size);
    if (len == 0)
        return "";
    char *out = *at;
    memcpy(out, s, len);
    out[len] = '\0';
    *at += len + 1;
    return out;
}

static size_t need(const char *s, size_t size)
{
    size_t len = field_len(s, size);
    return len ? len + 1 : 0;
}

bool ui_activity_fill(ui_activity *out, const activity *a, ui_arena *arena)
{
    static const ui_activity empty = {.uid = "", .title = "", .description = "", .place = "",
                                      .host = "", .host_phone = "", .price = "",
                                      .audience = "", .signup_url = ""};
    int n_tasks = a->n_tasks < 0 ? 0 : a->n_tasks > ACT_TASKS_MAX ? ACT_TASKS_MAX : a->n_tasks;
    size_t tasks_bytes = (size_t)n_tasks * sizeof(ui_helper_task);
    size_t text = need(a->uid, sizeof a->uid) + need(a->title, sizeof a->title) +
                  need(a->description, sizeof a->description) +
                  need(a->place, sizeof a->place) + need(a->host, sizeof a->host) +
                  need(a->host_phone, sizeof a->host_phone) +
                  need(a->price, sizeof a->price) + need(a->audience, sizeof a->audience) +
                  need(a->signup_url, sizeof a->signup_url);
    for (int i = 0; i < n_tasks; i++)
        text += need(a->tasks[i].title, sizeof a->tasks[i].title);
    *out = empty;
    unsigned char *block = tasks_bytes + text ? arena_alloc(arena, tasks_bytes + text) : NULL;
    if (tasks_bytes + text && !block)
        return false;
    /* the tasks first (aligned at the block's start), then the texts */
    ui_helper_task *tasks = n_tasks ? (ui_helper_task *)block : NULL;
    char *at = (char *)block + tasks_bytes;
    out->id = a->id;
    out->uid = put(&at, a->uid, sizeof a->uid);
    out->title = put(&at, a->title, sizeof a->title);
    out->description = put(&at, a->description, sizeof a->description);
    out->category = a->category;
    out->place = put(&at, a->place, sizeof a->place);
    out->host = put(&at, a->host, sizeof a->host);
    out->host_phone = put(&at, a->host_phone, sizeof a->host_phone);
    out->price = put(&at, a->price, sizeof a->price);
    out->audience = put(&at, a->audience, sizeof a->audience);
    out->start = a->start;
    out->end = a->end;
    out->mode = a->mode;
    out->capacity = a->capacity;
    out->deadline = a->deadline;
    out->count_household = a->count_household;
    out->badges = a->badges;
    out->signup_url = put(&at, a->signup_url, sizeof a->signup_url);
    out->cancelled = a->cancelled;
    for (int i = 0; i < n_tasks; i++) {
        tasks[i].id = a->tasks[i].id;
        tasks[i].title = put(&at, a->tasks[i].title, sizeof a->tasks[i].title);
        tasks[i].minutes = a->tasks[i].minutes;
        tasks[i].slots = a->tasks[i].slots;
    }
    out->n_tasks = n_tasks;
    out->tasks = tasks;
    return true;
}

rules_terms ui_activity_terms(const ui_activity *a)
{
    if (!a)
        return (rules_terms){0};
    rules_terms t = rules_terms_make(a->mode, a->capacity, a->start, a->deadline, a->cancelled,
                                     a->count_household, a->n_tasks);
    for (int i = 0; i < t.n_tasks; i++)
        t.task_slots[i] = a->tasks[i].slots;
    return t;
}
