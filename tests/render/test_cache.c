/* The render module's bounded cache (src/render/cache.h): least recently used out, the
 * owner told of every value that leaves, and every live entry found again however many
 * entries came and went before it (the table is rebuilt now and then without its
 * tombstones, and the recency order must survive that). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "render/cache.h"

static int evicted;
static int last_evicted;

static void count_evict(void *value, void *ctx)
{
    (void)ctx;
    evicted++;
    memcpy(&last_evicted, value, sizeof last_evicted);
}

static int *get(cache *c, int key)
{
    char k[32];
    int n = snprintf(k, sizeof k, "key-%d", key);
    return cache_get(c, k, (size_t)n);
}

static void put(cache *c, int key)
{
    char k[32];
    int n = snprintf(k, sizeof k, "key-%d", key);
    int *v = cache_put(c, k, (size_t)n, &key);
    assert_non_null(v);
    assert_int_equal(*v, key);
}

static void least_recently_used_goes_first(void **state)
{
    (void)state;
    evicted = 0;
    cache *c = cache_new(3, sizeof(int), count_evict, NULL);
    put(c, 1);
    put(c, 2);
    put(c, 3);
    assert_non_null(get(c, 1)); /* 2 is now the oldest */
    put(c, 4);
    assert_int_equal(evicted, 1);
    assert_int_equal(last_evicted, 2);
    assert_null(get(c, 2));
    assert_non_null(get(c, 1));
    assert_non_null(get(c, 3));
    assert_non_null(get(c, 4));
    assert_int_equal(cache_count(c), 3);
    put(c, 3); /* replacing a key gives its old value back to the owner */
    assert_int_equal(evicted, 2);
    assert_int_equal(cache_count(c), 3);
    cache_clear(c);
    assert_int_equal(evicted, 5);
    assert_int_equal(cache_count(c), 0);
    assert_null(get(c, 1));
    cache_free(c);
}

/* Far more entries than the capacity pass through: the live ones are always those put
 * last (or used last), each found, in the right order of eviction. */
static void a_long_stream_keeps_the_newest(void **state)
{
    (void)state;
    enum { CAP = 64, N = 20000 };
    evicted = 0;
    cache *c = cache_new(CAP, sizeof(int), count_evict, NULL);
    for (int i = 0; i < N; i++) {
        put(c, i);
        if (i >= CAP) /* the oldest goes, skipping the warm 7 */
            assert_int_equal(last_evicted, i - CAP + (i - CAP >= 7));
        /* keep key 7 warm: it must never be the one to go */
        if (i >= 7)
            assert_non_null(get(c, 7));
        assert_true(cache_count(c) <= CAP);
    }
    assert_int_equal(cache_count(c), CAP);
    for (int i = N - CAP + 1; i < N; i++) {
        int *v = get(c, i);
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_non_null(get(c, 7));
    assert_null(get(c, N - CAP - 1));
    assert_int_equal(evicted, N - CAP);
    cache_free(c);
    assert_int_equal(evicted, N);
}

/* Bounded in cost too: the least recently used go until a new entry fits, an entry bigger
 * than the whole budget is kept alone, and a smaller budget evicts at once. */
static void the_budget_bounds_the_cost(void **state)
{
    (void)state;
    evicted = 0;
    cache *c = cache_new(100, sizeof(int), count_evict, NULL);
    cache_set_budget(c, 1000);
    char k[16];
    for (int i = 0; i < 10; i++) {
        int n = snprintf(k, sizeof k, "key-%d", i);
        assert_non_null(cache_put_cost(c, k, (size_t)n, &i, 300));
        assert_true(cache_cost(c) <= 1000);
    }
    assert_int_equal(cache_count(c), 3);
    assert_int_equal(cache_cost(c), 900);
    assert_non_null(get(c, 9));
    assert_non_null(get(c, 7));
    assert_null(get(c, 6));
    int big = 42;
    evicted = 0;
    assert_non_null(cache_put_cost(c, "big", 3, &big, 5000));
    assert_int_equal(cache_count(c), 1);
    assert_int_equal(cache_cost(c), 5000);
    put(c, 1); /* the next one, however small, makes it go: it was over the budget */
    assert_int_equal(cache_count(c), 1);
    assert_int_equal(cache_cost(c), 0);
    assert_non_null(get(c, 1));
    for (int i = 2; i < 5; i++) {
        int n = snprintf(k, sizeof k, "key-%d", i);
        assert_non_null(cache_put_cost(c, k, (size_t)n, &i, 200));
    }
    assert_int_equal(cache_cost(c), 600);
    cache_set_budget(c, 450); /* a smaller budget evicts at once, oldest first */
    assert_int_equal(cache_cost(c), 400);
    assert_null(get(c, 1));
    assert_null(get(c, 2));
    assert_non_null(get(c, 4));
    cache_clear(c);
    assert_int_equal(cache_cost(c), 0);
    cache_free(c);
}

/* A value stays at its address while its entry lives, however many entries come and go
 * around it (and the index is rebuilt without its tombstones many times over). */
static void values_stay_where_they_are(void **state)
{
    (void)state;
    cache *c = cache_new(8, sizeof(int), NULL, NULL);
    assert_non_null(c);
    put(c, -1);
    int *kept = get(c, -1);
    assert_non_null(kept);
    for (int i = 0; i < 5000; i++) {
        put(c, i);
        assert_ptr_equal(get(c, -1), kept); /* asked for: stays the most recent */
        assert_int_equal(*kept, -1);
    }
    assert_int_equal(cache_count(c), 8);
    cache_free(c);
}

/* The kiosk keeps its caches for its whole life: a slot per entry plus its value, and a
 * small index, not whole entries and values at twice the capacity. */
static void the_cache_costs_little_per_entry(void **state)
{
    (void)state;
    enum { CAP = 1024, VALUE = 32 };
    cache *c = cache_new(CAP, VALUE, NULL, NULL);
    assert_non_null(c);
    size_t empty = cache_bytes(c);
    assert_true(empty >= (size_t)CAP * VALUE);
    assert_true(empty <= (size_t)CAP * (VALUE + 64));
    unsigned char value[VALUE] = {0};
    assert_non_null(cache_put(c, "twelve bytes", 12, value));
    assert_int_equal(cache_bytes(c), empty + 12); /* its key */
    cache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(least_recently_used_goes_first),
        cmocka_unit_test(a_long_stream_keeps_the_newest),
        cmocka_unit_test(the_budget_bounds_the_cost),
        cmocka_unit_test(values_stay_where_they_are),
        cmocka_unit_test(the_cache_costs_little_per_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
