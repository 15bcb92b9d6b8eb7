#include "render/cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Entries live in one array of `capacity` that never moves (a value's address stays valid
 * while it is stored), chained in recency order, free ones on a free list. An index of
 * int32 slots, twice the capacity, finds them: open addressing with linear probing and
 * tombstones. The kiosk keeps four caches for its whole life, and a table of whole entries
 * and values at twice the capacity cost twice the memory of this. */

#define SLOT_EMPTY (-1)
#define SLOT_TOMB (-2)

typedef struct entry {
    unsigned char *key; /* NULL: on the free list */
    uint32_t key_len;
    uint32_t hash;
    size_t cost;
    int prev, next; /* recency list (head = most recent); for a free entry, the next free */
    int slot;       /* where the index points at it */
} entry;

struct cache {
    entry *entries;
    unsigned char *values; /* entry i's value at values + i * value_size */
    int32_t *index;        /* n_slots: an entry number, SLOT_EMPTY or SLOT_TOMB */
    size_t n_slots, capacity, count, value_size;
    size_t tombs; /* slots marked as once used: kept counted, so compact() costs nothing
                     until they crowd the index */
    size_t budget, spent; /* bound on the entries' total cost (0: none), and their cost */
    size_t key_bytes;
    int head, tail, free_head;
    cache_evict_fn on_evict;
    void *ctx;
};

static uint32_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return (uint32_t)(h ^ (h >> 32));
}

cache *cache_new(size_t capacity, size_t value_size, cache_evict_fn on_evict, void *ctx)
{
    if (capacity > INT32_MAX / 4)
        return NULL;
    cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->capacity = capacity ? capacity : 1;
    c->n_slots = c->capacity * 2 + 1;
    c->value_size = value_size;
    c->entries = calloc(c->capacity, sizeof *c->entries);
    c->values = calloc(c->capacity, value_size ? value_size : 1);
    c->index = malloc(c->n_slots * sizeof *c->index);
    if (!c->entries || !c->values || !c->index) {
        free(c->entries);
        free(c->values);
        free(c->index);
        free(c);
        return NULL;
    }
    for (size_t i = 0; i < c->n_slots; i++)
        c->index[i] = SLOT_EMPTY;
    for (size_t i = 0; i < c->capacity; i++)
        c->entries[i].next = i + 1 < c->capacity ? (int)i + 1 : -1;
    c->free_head = 0;
    c->head = c->tail = -1;
    c->on_evict = on_evict;
    c->ctx = ctx;
    return c;
}

static void *value_at(const cache *c, int i)
{
    return c->values + (size_t)i * c->value_size;
}

static void unlink_entry(cache *c, int i)
{
    entry *e = &c->entries[i];
    if (e->prev >= 0)
        c->entries[e->prev].next = e->next;
    else
        c->head = e->next;
    if (e->next >= 0)
        c->entries[e->next].prev = e->prev;
    else
        c->tail = e->prev;
    e->prev = e->next = -1;
}

static void push_front(cache *c, int i)
{
    entry *e = &c->entries[i];
    e->prev = -1;
    e->next = c->head;
    if (c->head >= 0)
        c->entries[c->head].prev = i;
    c->head = i;
    if (c->tail < 0)
        c->tail = i;
}

static void remove_entry(cache *c, int i)
{
    entry *e = &c->entries[i];
    unlink_entry(c, i);
    if (c->on_evict)
        c->on_evict(value_at(c, i), c->ctx);
    free(e->key);
    e->key = NULL;
    c->key_bytes -= e->key_len;
    c->index[e->slot] = SLOT_TOMB;
    c->tombs++;
    c->spent -= e->cost;
    e->cost = 0;
    e->next = c->free_head;
    c->free_head = i;
    c->count--;
}

/* The entry stored under the key, or -1. */
static int find_entry(const cache *c, const void *key, size_t key_len, uint32_t h)
{
    size_t s = h % c->n_slots;
    for (size_t probes = 0; probes < c->n_slots; probes++, s = (s + 1) % c->n_slots) {
        int32_t i = c->index[s];
        if (i == SLOT_EMPTY)
            return -1;
        if (i >= 0) {
            const entry *e = &c->entries[i];
            if (e->hash == h && e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
                return i;
        }
    }
    return -1;
}

void *cache_get(cache *c, const void *key, size_t key_len)
{
    int i = find_entry(c, key, key_len, hash_bytes(key, key_len));
    if (i < 0)
        return NULL;
    unlink_entry(c, i);
    push_front(c, i);
    return value_at(c, i);
}

/* The first slot from the hash's place that holds no entry (empty or a tombstone). There is
 * always one: the index has twice as many slots as entries. */
static size_t free_slot(const cache *c, uint32_t h)
{
    size_t s = h % c->n_slots;
    while (c->index[s] >= 0)
        s = (s + 1) % c->n_slots;
    return s;
}

/* Rebuilds the index without tombstones once they crowd it. The rebuild walks every slot,
 * but it comes only after n_slots / 4 removals since the last one, so its cost per insert
 * stays constant; the entries and their values stay where they are. */
static void compact(cache *c)
{
    if (c->tombs < c->n_slots / 4)
        return;
    for (size_t s = 0; s < c->n_slots; s++)
        c->index[s] = SLOT_EMPTY;
    for (int i = c->head; i >= 0; i = c->entries[i].next) {
        size_t s = free_slot(c, c->entries[i].hash);
        c->index[s] = i;
        c->entries[i].slot = (int)s;
    }
    c->tombs = 0;
}

void cache_set_budget(cache *c, size_t budget)
{
    c->budget = budget;
    while (c->budget && c->spent > c->budget && c->count > 1 && c->tail >= 0)
        remove_entry(c, c->tail);
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
    uint32_t h = hash_bytes(key, key_len);
    int i = find_entry(c, key, key_len, h);
    if (i >= 0)
        remove_entry(c, i);
    while (c->count >= c->capacity && c->tail >= 0)
        remove_entry(c, c->tail);
    while (c->budget && c->count > 0 && c->spent + cost > c->budget && c->tail >= 0)
        remove_entry(c, c->tail);
    compact(c);
    unsigned char *copy = key_len <= UINT32_MAX ? malloc(key_len ? key_len : 1) : NULL;
    if (!copy) {
        if (c->on_evict)
            c->on_evict((void *)value, c->ctx);
        return NULL;
    }
    memcpy(copy, key, key_len);
    i = c->free_head; /* there is one: count < capacity here */
    entry *e = &c->entries[i];
    c->free_head = e->next;
    size_t s = free_slot(c, h);
    if (c->index[s] == SLOT_TOMB)
        c->tombs--;
    c->index[s] = i;
    e->slot = (int)s;
    e->key = copy;
    e->key_len = (uint32_t)key_len;
    e->hash = h;
    e->cost = cost;
    c->spent += cost;
    c->key_bytes += key_len;
    memcpy(value_at(c, i), value, c->value_size);
    push_front(c, i);
    c->count++;
    return value_at(c, i);
}

void cache_clear(cache *c)
{
    if (!c)
        return;
    while (c->head >= 0)
        remove_entry(c, c->head);
    for (size_t s = 0; s < c->n_slots; s++)
        c->index[s] = SLOT_EMPTY;
    c->tombs = 0;
}

void cache_free(cache *c)
{
    if (!c)
        return;
    cache_clear(c);
    free(c->entries);
    free(c->values);
    free(c->index);
    free(c);
}

size_t cache_count(const cache *c)
{
    return c->count;
}

size_t cache_bytes(const cache *c)
{
    if (!c)
        return 0;
    return sizeof *c + c->capacity * (sizeof *c->entries + c->value_size) +
           c->n_slots * sizeof *c->index + c->key_bytes;
}
