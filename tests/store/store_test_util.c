#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/code.h"
#include "store_test_util.h"

activity tu_activity(const char *uid, const char *title, int64_t start)
{
    activity a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "%s", uid);
    snprintf(a.title, sizeof a.title, "%s", title);
    snprintf(a.description, sizeof a.description,
             "Vi mødes i fælleshuset og spiser sammen.\nAlle er velkomne – også børn.");
    a.category = CAT_FOOD;
    snprintf(a.place, sizeof a.place, "Fælleshuset, opgang 7");
    snprintf(a.host, sizeof a.host, "Søren Ærø");
    snprintf(a.host_phone, sizeof a.host_phone, "+45 12 34 56 78");
    snprintf(a.price, sizeof a.price, "35 kr., børn 15 kr.");
    snprintf(a.audience, sizeof a.audience, "For alle på Åbyhøj");
    a.start = start;
    a.end = start + 2 * 3600;
    a.mode = SIGNUP_MODE_OPEN;
    a.capacity = 0;
    a.deadline = 0;
    a.count_household = false;
    a.badges = BADGE_FREE | BADGE_ALONE_OK;
    snprintf(a.signup_url, sizeof a.signup_url, "https://example.org/tilmeld?id=%s", uid);
    a.cancelled = false;
    return a;
}

void tu_add_task(activity *a, const char *title, int minutes, int slots)
{
    assert_true(a->n_tasks < ACT_TASKS_MAX);
    helper_task *t = &a->tasks[a->n_tasks++];
    memset(t, 0, sizeof *t);
    snprintf(t->title, sizeof t->title, "%s", title);
    t->minutes = minutes;
    t->slots = slots;
}

signup tu_signup(const char *uid, unsigned n, const char *name, int adults, int children)
{
    signup su;
    memset(&su, 0, sizeof su);
    uint8_t bytes[16] = {0x54, 0x45, 0x53, 0x54};
    bytes[12] = (uint8_t)(n >> 24);
    bytes[13] = (uint8_t)(n >> 16);
    bytes[14] = (uint8_t)(n >> 8);
    bytes[15] = (uint8_t)n;
    code_uuid_v4(bytes, su.id);
    snprintf(su.activity_uid, sizeof su.activity_uid, "%s", uid);
    snprintf(su.name, sizeof su.name, "%s", name);
    su.adults = adults;
    su.children = children;
    snprintf(su.kiosk_id, sizeof su.kiosk_id, "kiosk-test");
    return su;
}

const char *tu_db_path(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s", ts_path(ts_fresh_dir(name), "vaermed.db"));
    return buf;
}

store *tu_open(const char *path)
{
    store *s = NULL;
    vm_err err = {0};
    vm_status st = store_open(path, STORE_CREATE, &s, &err);
    if (st != VM_OK)
        fail_msg("store_open(%s): %d %s", path, st, err.msg);
    return s;
}

static void append(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
        assert_non_null(*buf);
    }
    memcpy(*buf + *len, text, n + 1);
    *len += n;
}

char *tu_dump(const char *path)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    char *out = NULL;
    size_t len = 0, cap = 0;
    append(&out, &len, &cap, "");
    sqlite3_stmt *tables = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "ORDER BY name",
                                        -1, &tables, NULL),
                     SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY 1", name);
        append(&out, &len, &cap, "== ");
        append(&out, &len, &cap, name);
        append(&out, &len, &cap, "\n");
        sqlite3_stmt *rows = NULL;
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(rows); c++) {
                const char *v = (const char *)sqlite3_column_text(rows, c);
                append(&out, &len, &cap, v ? v : "NULL");
                append(&out, &len, &cap, "|");
            }
            append(&out, &len, &cap, "\n");
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    char v[64];
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    sqlite3_step(st);
    snprintf(v, sizeof v, "user_version %d\n", sqlite3_column_int(st, 0));
    sqlite3_finalize(st);
    append(&out, &len, &cap, v);
    sqlite3_close(db);
    return out;
}

void tu_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("SQL on %s failed: %s", path, msg ? msg : "?");
    sqlite3_close(db);
}

int64_t tu_query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("query on %s failed: %s", path, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *tu_listing(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    char *out = NULL;
    size_t len = 0, cap = 0;
    append(&out, &len, &cap, "");
    for (size_t i = 0; i < n; i++) {
        append(&out, &len, &cap, names[i]);
        append(&out, &len, &cap, "/");
        free(names[i]);
    }
    return out;
}
