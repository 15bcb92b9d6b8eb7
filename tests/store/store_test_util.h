/* store_test_util: what the store tests share. Include after test_support.h. */
#ifndef VM_STORE_TEST_UTIL_H
#define VM_STORE_TEST_UTIL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/activity.h"
#include "store/store.h"

/* An open-sign-up activity with every field filled (æøå in the texts), starting at `start`
 * for two hours, no tasks. */
activity tu_activity(const char *uid, const char *title, int64_t start);

/* Adds a helper task to `a`. */
void tu_add_task(activity *a, const char *title, int minutes, int slots);

/* A sign-up for `uid` with a deterministic UUID from `n`. */
signup tu_signup(const char *uid, unsigned n, const char *name, int adults, int children);

/* A fresh database in a fresh folder named `name`: its path (static buffer). */
const char *tu_db_path(const char *name);

/* Opens (creating) and asserts success. */
store *tu_open(const char *path);

/* Every row of every table of the file, as text, in a stable order (malloc'd); for
 * "nothing changed" comparisons. Opened read-only through SQLite directly. */
char *tu_dump(const char *path);

/* Runs SQL on a file through SQLite directly (creating it), asserting success. */
void tu_sql(const char *path, const char *sql);

/* One integer from a query on the file, read through SQLite directly. */
int64_t tu_query_int(const char *path, const char *sql);

/* The names in a folder, sorted and joined by '/' (malloc'd): for "no file appeared". */
char *tu_listing(const char *dir);

#endif
