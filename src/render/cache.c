#include "render/cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Open addressing with linear probing and tombstones, plus an intrusive doubly linked list for
 * the recency order. The table holds twice the capacity, so probes stay short. */

typedef struct entry {
    unsigned char *key;
    size_t key_len;
    uint64_t hash;
    size_t cost;
    int prev, next; /* recency list: head = most recent */
    bool used, tomb;
} entry;

struct cache {
    entry *slots;
    unsigned char *values; /* slot i's value at values + i * value_size */
    size_t n_slots, capacity, count, value_size;
    size_t tombs; /* slots marked as once used: kept counted, so compact() costs nothing
                     until they crowd the table */
    size_t budget, spent; /* bound on the entries' total cost (0: none), and their cost */
    int head, tail;
    cache_evict_fn on_evict;
    void *ctx;
};

static uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

cache *cache_new(size_t capacity, size_t value_size, cache_evict_fn on_evict, void *ctx)
{
    cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->capacity = capacity ? capacity : 1;
    c->n_slots = c->capacity * 2 + 1;
    c->value_size = value_size;
    c->slots = calloc(c->n_slots, sizeof *c->slots);
    c->values = calloc(c->n_slots, value_size);
    c->head = c->tail = -1;
    c->on_evict = on_evict;
    c->ctx = ctx;
    if (!c->slots || !c->values) {
        free(c->slots);
        free(c->values);
        free(c);
        return NULL;
    }
    return c;
}

static void *value_at(cache *c, int i)
{
    return c->values + (size_t)i * c->value_size;
}

static void unlink_entry(cache *c, int i)
{
    entry *e = &c->slots[i];
    if (e->prev >= 0)
        c->slots[e->prev].next = e->next;
    else
        c->head = e->next;
    if (e->next >= 0)
        c->slots[e->next].prev = e->prev;
    else
        c->tail = e->prev;
    e->prev = e->next = -1;
}

static void push_front(cache *c, int i)
{
    entry *e = &c->slots[i];
    e->prev = -1;
    e->next = c->head;
    if (c->head >= 0)
        c->slots[c->head].prev = i;
    c->head = i;
    if (c->tail < 0)
        c->tail = i;
}

static void remove_slot(cache *c, int i)
{
    entry *e = &c->slots[i];
    unlink_entry(c, i);
    if (c->on_evict)
        c->on_evict(value_at(c, i), c->ctx);
    free(e->key);
    e->key = NULL;
    e->used = false;
    e->tomb = true;
    c->spent -= e->cost;
    e->cost = 0;
    c->tombs++;
    c->count--;
}

static int find_slot(const cache *c, const void *key, size_t key_len, uint64_t h)
{
    size_t i = h % c->n_slots;
    for (size_t probes = 0; probes < c->n_slots; probes++, i = (i + 1) % c->n_slots) {
        const entry *e = &c->slots[i];
        if (!e->used && !e->tomb)
            return -1;
        if (e->used && e->hash == h && e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
            return (int)i;
    }
    return -1;
}

void *cache_get(cache *c, const void *key, size_t key_len)
{
    int i = find_slot(c, key, key_len, hash_bytes(key, key_len));
    if (i < 0)
        return NULL;
    unlink_entry(c, i);
    push_front(c, i);
    return value_at(c, i);
}

/* Rebuilds the table without tombstones once they crowd it, keeping recency. The rebuild
 * walks every slot, but it comes only after n_slots / 4 removals since the last one, so its
 * cost per insert stays constant. */
static void compact(cache *c)
{
    if (c->tombs < c->n_slots / 4)
        return;
    entry *old = c->slots;
    unsigned char *old_values = c->values;
    entry *slots = calloc(c->n_slots, sizeof *slots);
    unsigned char *values = calloc(c->n_slots, c->value_size);
    if (!slots || !values) {
        free(slots);
        free(values);
        return; /* keep working with tombstones */
    }
    /* Walk from least to most recent and re-insert at the front each time. */
    int order = c->tail;
    c->slots = slots;
    c->values = values;
    c->head = c->tail = -1;
    while (order >= 0) {
        entry *e = &old[order];
        size_t j = e->hash % c->n_slots;
        while (c->slots[j].used)
            j = (j + 1) % c->n_slots;
        c->slots[j] = *e;
        c->slots[j].prev = c->slots[j].next = -1;
        memcpy(value_at(c, (int)j), old_values + (size_t)order * c->value_size, c->value_size);
        push_front(c, (int)j);
        order = e->prev;
    }
    c->tombs = 0;
    free(old);
    free(old_values);
}

void cache_set_budget(cache *c, size_t budget)
{
    c->budget = budget;
    while (c->budget && c->spent > c->budget && c->count > 1 && c->tail >= 0)
        remove_slot(c, c->tail);
}

size_t cache_cost(const cache *c)
{
    return c->spent;
}

void *cache_put(cache *c, const void *key, size_t key_len, const void *value)
{
    return cache_put_cost(c, key, key_len, value, 0);
}

void *cache_put_cost(cache *c, const void *key, size_t key_len, const void *value, size_t cost)
{
    uint64_t h = hash_bytes(key, key_len);
    int i = find_slot(c, key, key_len, h);
    if (i >= 0)
        remove_slot(c, i);
    while (c->count >= c->capacity && c->tail >= 0)
        remove_slot(c, c->tail);
    while (c->budget && c->count > 0 && c->spent + cost > c->budget && c->tail >= 0)
        remove_slot(c, c->tail);
    compact(c);
    unsigned char *copy = malloc(key_len ? key_len : 1);
    if (!copy) {
        if (c->on_evict)
            c->on_evict((void *)value, c->ctx);
        return NULL;
    }
    memcpy(copy, key, key_len);
    size_t j = h % c->n_slots;
    while (c->slots[j].used)
        j = (j + 1) % c->n_slots;
    entry *e = &c->slots[j];
    if (e->tomb)
        c->tombs--;
    e->key = copy;
    e->key_len = key_len;
    e->hash = h;
    e->cost = cost;
    c->spent += cost;
    e->used = true;
    e->tomb = false;
    memcpy(value_at(c, (int)j), value, c->value_size);
    push_front(c, (int)j);
    c->count++;
    return value_at(c, (int)j);
}

void cache_clear(cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_slots; i++)
        if (c->slots[i].used)
            remove_slot(c, (int)i);
    for (size_t i = 0; i < c->n_slots; i++)
        c->slots[i].tomb = false;
    c->tombs = 0;
    c->head = c->tail = -1;
}

void cache_free(cache *c)
{
    if (!c)
        return;
    cache_clear(c);
    free(c->slots);
    free(c->values);
    free(c);
}

size_t cache_count(const cache *c)
{
    return c->count;
}
