/* test_support: what every test needs and no product code should have.
 * Include after <stdarg.h>, <stddef.h>, <setjmp.h>, <stdint.h> and <cmocka.h> (cmocka's rule). */
#ifndef VM_TEST_SUPPORT_H
#define VM_TEST_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A fresh, empty folder under $VAERMED_TEST_TMP (or /tmp) named after `name`, removed first if
 * it exists. Returns a static buffer valid until the next call. */
const char *ts_fresh_dir(const char *name);

/* Joins dir + "/" + file into a static ring of buffers (8 live at once). */
const char *ts_path(const char *dir, const char *file);

/* Writes `len` bytes (or strlen when len is (size_t)-1) to `path`; asserts on failure. */
void ts_write_file(const char *path, const void *data, size_t len);

/* Reads a whole file into a malloc'd NUL-terminated buffer (caller frees); NULL if absent. */
char *ts_read_file(const char *path, size_t *len);

/* True when the `len` bytes at `data` hold `needle` anywhere (binary-safe). */
bool ts_contains(const void *data, size_t len, const char *needle);

/* True when both files exist and have the same bytes. */
bool ts_files_equal(const char *a, const char *b);

/* Removes a folder tree (rm -rf); quietly ignores what is not there. */
void ts_remove_tree(const char *path);

/* A path inside the source tree: $VAERMED_SOURCE_DIR/rel. */
const char *ts_source_path(const char *rel);

/* UTC timestamp from "YYYY-MM-DDTHH:MMZ" or local "YYYY-MM-DD HH:MM"; asserts if malformed. */
int64_t ts_time(const char *iso);

#endif
