/* cache: a bounded map from a byte-string key to a small value, least recently used out.
 * Internal to render: keys are (font, colour, text) for textures and (font, text) for sizes.
 *
 * Ownership: the cache owns copies of its keys. Values are opaque structs copied in; when an
 * entry is evicted or the cache is cleared, `on_evict` (may be NULL) is called with the value
 * so the owner can destroy what it points to (an SDL_Texture).
 *
 * Threads: any; one cache is used by one thread at a time (the renderer's: the main loop).
 */
#ifndef VM_RENDER_CACHE_H
#define VM_RENDER_CACHE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cache cache;

typedef void (*cache_evict_fn)(void *value, void *ctx);

/* `capacity` entries at most; values are `value_size` bytes. NULL on allocation failure. */
cache *cache_new(size_t capacity, size_t value_size, cache_evict_fn on_evict, void *ctx);
void cache_free(cache *c);

/* The value stored under the key, marked as most recently used; NULL when absent. A value
 * stays at its address until its entry is replaced, evicted or cleared. */
void *cache_get(cache *c, const void *key, size_t key_len);

/* Stores a copy of `value` under the key (replacing and evicting as needed). Returns the
 * stored value, or NULL on allocation failure (then `on_evict` has been called for `value`,
 * so nothing leaks). */
void *cache_put(cache *c, const void *key, size_t key_len, const void *value);

/* Also bounds the entries' total cost (set per entry with cache_put_cost: the bytes a
 * texture holds): the least recently used go until a new entry fits. 0 = no bound. An entry
 * costing more than the whole bound is still kept, alone. */
void cache_set_budget(cache *c, size_t budget);

/* cache_put with the entry's cost for the budget. */
void *cache_put_cost(cache *c, const void *key, size_t key_len, const void *value, size_t cost);

/* The entries' total cost. */
size_t cache_cost(const cache *c);

/* Evicts everything. */
void cache_clear(cache *c);

size_t cache_count(const cache *c);

/* The heap bytes the cache itself holds: its entries, values, index and keys (not what the
 * values point to). */
size_t cache_bytes(const cache *c);

#endif
