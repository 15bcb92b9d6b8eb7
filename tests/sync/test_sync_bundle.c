/* Bundles (vaermed.db): read from memory with defensive settings; strange files refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalogs.h"
#include "store/bundle.h"
#include "sync/sync.h"
#include "sync/sync_program.h"
#include "sync_test_util.h"
#include "test_support.h"

/* A bundle file made the way a kiosk makes one: a snapshot of its database. */
static char *make_bundle(const char *parent, size_t *len)
{
    static int counter;
    char name[64];
    snprintf(name, sizeof name, "bundle-src-%d", counter++);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", ts_path(parent, name));
    ts_remove_tree(dir);
    mkdir(dir, 0755);
    store *s = stu_kiosk(dir, "staff");
    activity a = stu_activity("spis-1", "F\xC3\xA6llesspisning", "2026-12-03 18:00", 40);
    a.n_tasks = 2;
    snprintf(a.tasks[0].title, sizeof a.tasks[0].title, "D\xC3\xA6kke bord");
    a.tasks[0].minutes = 30;
    a.tasks[0].slots = 2;
    snprintf(a.tasks[1].title, sizeof a.tasks[1].title, "Opvask");
    a.tasks[1].minutes = 45;
    a.tasks[1].slots = 1;
    a.count_household = true;
    a.badges = BADGE_CHILDCARE | BADGE_STEP_FREE;
    vm_err err = {0};
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    activity b = stu_activity("gaa-1", "G\xC3\xA5tur", "2026-12-04 10:00", 0);
    b.mode = SIGNUP_MODE_NONE;
    b.cancelled = true;
    assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
    const char *path = ts_path(dir, "bundle.db");
    assert_int_equal(store_snapshot(s, path, &err), VM_OK);
    store_close(s);
    char *data = ts_read_file(path, len);
    assert_non_null(data);
    return data;
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_bundle_rt");
    size_t len;
    char *data = make_bundle(dir, &len);
    sync_program p;
    vm_err err = {0};
    if (sync_read_bundle(data, len, NULL, &p, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(p.n, 2);
    const activity *a = strcmp(p.acts[0].uid, "spis-1") == 0 ? &p.acts[0] : &p.acts[1];
    const activity *b = a == &p.acts[0] ? &p.acts[1] : &p.acts[0];
    activity want = stu_activity("spis-1", "F\xC3\xA6llesspisning", "2026-12-03 18:00", 40);
    assert_string_equal(a->title, want.title);
    assert_int_equal(a->start, want.start);
    assert_int_equal(a->n_tasks, 2);
    assert_string_equal(a->tasks[0].title, "D\xC3\xA6kke bord");
    assert_int_equal(a->tasks[1].minutes, 45);
    assert_true(a->count_household);
    assert_int_equal(a->badges, BADGE_CHILDCARE | BADGE_STEP_FREE);
    assert_true(b->cancelled);
    assert_int_equal(b->mode, SIGNUP_MODE_NONE);
    sync_program_free(&p);
    free(data);
}

/* Runs `sql` on a copy of a good bundle and returns the bytes. */
static char *altered(const char *dir, const char *sql, size_t *len)
{
    char *data = make_bundle(dir, len);
    const char *path = ts_path(dir, "altered.db");
    ts_write_file(path, data, *len);
    free(data);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(db);
    data = ts_read_file(path, len);
    assert_non_null(data);
    return data;
}

static void expect_refused(const char *data, size_t len, vm_status want, const char *word)
{
    sync_program p;
    vm_err err = {0};
    vm_status st = sync_read_bundle(data, len, NULL, &p, &err);
    if (st != want)
        fail_msg("status %d, wanted %d: %s", st, want, err.msg);
    assert_null(p.acts);
    if (word && !strstr(err.msg, word))
        fail_msg("\"%s\" not in \"%s\"", word, err.msg);
}

static void test_trigger_and_view_refused(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_bundle_tv");
    size_t len;
    char *data = altered(dir,
                         "CREATE TRIGGER t AFTER INSERT ON facts BEGIN "
                         "DELETE FROM activities; END;",
                         &len);
    expect_refused(data, len, VM_ERR_REFUSED, "trigger");
    free(data);
    data = altered(dir, "CREATE VIEW v AS SELECT title FROM activities;", &len);
    expect_refused(data, len, VM_ERR_REFUSED, "view");
    free(data);
}

static void test_foreign_and_corrupt_refused(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_bundle_bad");
    size_t len;
    char *data = altered(dir, "PRAGMA application_id = 1234;", &len);
    expect_refused(data, len, VM_ERR_FOREIGN, "another program");
    free(data);
    data = altered(dir, "PRAGMA user_version = 99;", &len);
    expect_refused(data, len, VM_ERR_TOO_NEW, "newer");
    free(data);
    data = altered(dir, "DROP TABLE helper_tasks;", &len);
    expect_refused(data, len, VM_ERR_FOREIGN, NULL);
    free(data);
    /* A broken CHECK is damage to quick_check; a link the schema allows is refused by the
     * reader because it would end up in a QR code. */
    data = altered(dir,
                   "PRAGMA ignore_check_constraints = ON; "
                   "UPDATE activities SET mode = 'sometimes';",
                   &len);
    expect_refused(data, len, VM_ERR_CORRUPT, NULL);
    free(data);
    data = altered(dir, "UPDATE activities SET signup_url = 'javascript:alert(1)';", &len);
    expect_refused(data, len, VM_ERR_INVALID, "spis-1");
    free(data);

    expect_refused("hello", 5, VM_ERR_FOREIGN, NULL);
    data = make_bundle(dir, &len);
    expect_refused(data, len - 100, VM_ERR_CORRUPT, NULL); /* cut short */
    /* Damage a page in the middle: quick_check or the reader must notice. */
    assert_true(len >= 4 * 4096);
    for (size_t i = 4096; i < 3 * 4096; i++)
        data[i] = (char)0xA5;
    sync_program p;
    vm_err err = {0};
    vm_status st = sync_read_bundle(data, len, NULL, &p, &err);
    assert_true(st == VM_ERR_CORRUPT || st == VM_ERR_FOREIGN || st == VM_ERR_INVALID);
    free(data);
}

/* The sample bundle in tests/sync/data (a fuzz seed) is a valid bundle. */
static void test_sample_bundle(void **state)
{
    (void)state;
    size_t len;
    char *data = ts_read_file(ts_source_path("tests/sync/data/bundle.db"), &len);
    assert_non_null(data);
    sync_program p;
    vm_err err = {0};
    if (sync_read_bundle(data, len, NULL, &p, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(p.n, 2);
    sync_program_free(&p);
    free(data);
}

/* A bundle is the kiosk's schema and nothing more: an FTS5 "activities" (imported before),
 * an rtree, a generated or an added column, a table or index the kiosk does not make. */
static void test_schema_is_the_kiosks(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_bundle_schema");
    struct {
        const char *sql;
        vm_status want;
        const char *word;
    } cases[] = {
        {"PRAGMA foreign_keys = OFF; CREATE TABLE a2 AS SELECT * FROM activities; "
         "DROP TABLE activities; CREATE VIRTUAL TABLE activities USING fts5(id, uid, title, "
         "description, category, place, host, host_phone, price, audience, start_utc, end_utc, "
         "mode, capacity, deadline_utc, count_household, badges, signup_url, cancelled, "
         "created_utc, updated_utc); "
         "INSERT INTO activities SELECT * FROM a2; DROP TABLE a2;",
         VM_ERR_REFUSED, "virtual table"},
        {"CREATE VIRTUAL TABLE places USING rtree(id, x0, x1);", VM_ERR_REFUSED, "virtual"},
        {"ALTER TABLE activities ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(title)) "
         "VIRTUAL;",
         VM_ERR_FOREIGN, "shout"},
        {"ALTER TABLE activities ADD COLUMN extra TEXT;", VM_ERR_FOREIGN, "extra"},
        {"CREATE TABLE notes (x TEXT);", VM_ERR_FOREIGN, "notes"},
        {"CREATE INDEX by_title ON activities (title);", VM_ERR_REFUSED, "by_title"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *data = altered(dir, cases[i].sql, &len);
        sqlite3_int64 before = sqlite3_hard_heap_limit64(-1);
        expect_refused(data, len, cases[i].want, cases[i].word);
        /* The heap limit for reading a bundle is the process's: it is put back. */
        assert_true(sqlite3_hard_heap_limit64(-1) == before);
        free(data);
    }
    /* In the staff's words. */
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    i18n_catalog *da = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, "da") == 0)
            da = i18n_catalog_parse("da", src[i].text, src[i].len, NULL);
    assert_non_null(da);
    size_t len;
    char *data = altered(dir, cases[0].sql, &len);
    sync_read_opts o = {.cat = da};
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_bundle(data, len, &o, &p, &err), VM_ERR_REFUSED);
    assert_string_equal(err.msg, "vaermed.db afvises: dens tabel \"activities\" er en virtuel "
                                 "tabel (et fuldtekstindeks eller lignende), ikke kioskens");
    free(data);
    i18n_catalog_free(da);
}

/* The Danish catalog (the caller frees it). */
static i18n_catalog *danish(void)
{
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, "da") == 0)
            return i18n_catalog_parse("da", src[i].text, src[i].len, NULL);
    fail_msg("no Danish catalog");
    return NULL;
}

/* A bundle whose reading needs more heap than STORE_BUNDLE_HEAP_MAX (64 MB): indexes on
 * expressions, each ~10 kB of schema text that SQLite turns into ~300 kB of parse trees
 * when it loads the schema (before any check of ours can look at it). Without the hard heap
 * limit the schema loads and the bundle is refused for something else; with it, the reading
 * stops at the limit and says "too much memory". The indexes are made plain and their text
 * written afterwards (writable_schema), so making the file never parses the heavy text. */
#define HEAVY_INDEXES 400
static char *heap_hungry(const char *dir, size_t *len)
{
    size_t cap = 8u << 20, n = 0;
    char *sql = malloc(cap);
    assert_non_null(sql);
    for (int i = 0; i < HEAVY_INDEXES; i++)
        n += (size_t)snprintf(sql + n, cap - n, "CREATE INDEX heavy%d ON activities(title);\n",
                              i);
    n += (size_t)snprintf(sql + n, cap - n, "PRAGMA writable_schema = ON;\n");
    for (int i = 0; i < HEAVY_INDEXES; i++) {
        n += (size_t)snprintf(sql + n, cap - n,
                              "UPDATE sqlite_schema SET sql = 'CREATE INDEX heavy%d ON "
                              "activities(",
                              i);
        for (int c = 0; c < 50; c++) {
            n += (size_t)snprintf(sql + n, cap - n, "%s(title", c ? "," : "");
            for (int k = 0; k < 40; k++)
                n += (size_t)snprintf(sql + n, cap - n, "||%d", k % 10);
            n += (size_t)snprintf(sql + n, cap - n, ")");
        }
        n += (size_t)snprintf(sql + n, cap - n, ")' WHERE name = 'heavy%d';\n", i);
        assert_true(n < cap - 65536);
    }
    char *data = altered(dir, sql, len);
    free(sql);
    assert_true(*len <= STORE_BUNDLE_MAX_BYTES);
    return data;
}

static void test_heap_limit(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_bundle_heap");
    size_t len;
    char *data = heap_hungry(dir, &len);
    sqlite3_int64 before = sqlite3_hard_heap_limit64(-1);
    sync_program p;
    vm_err err = {0};
    vm_status st = sync_read_bundle(data, len, NULL, &p, &err);
    if (st != VM_ERR_REFUSED || !strstr(err.msg, "too much memory"))
        fail_msg("status %d: %s", st, err.msg);
    assert_null(p.acts);
    assert_true(sqlite3_hard_heap_limit64(-1) == before);
    /* A limit the process set lower stays in force while reading, and after. */
    sqlite3_hard_heap_limit64(sqlite3_memory_used() + (96ll << 20));
    sqlite3_int64 own = sqlite3_hard_heap_limit64(-1);
    st = sync_read_bundle(data, len, NULL, &p, &err);
    assert_int_equal(st, VM_ERR_REFUSED);
    assert_true(sqlite3_hard_heap_limit64(-1) == own);
    sqlite3_hard_heap_limit64(before);

    /* On a stick, in a whole sync: said in Danish, and the kiosk's database is as it was. */
    const char *kdir = ts_path(dir, "kiosk");
    mkdir(kdir, 0755);
    char stick[1024], db[1024];
    snprintf(stick, sizeof stick, "%s", ts_path(dir, "stick"));
    snprintf(db, sizeof db, "%s", ts_path(kdir, "kiosk.db"));
    store *s = stu_kiosk(kdir, "heap-1");
    int64_t now = ts_time("2026-11-23T10:00Z");
    stu_authorise(s, stick, 1, now);
    static const char program[] = "id;titel;start;pladser\r\n"
                                  "spis-1;F\xC3\xA6llesspisning;03-12-2026 18:00;30\r\n";
    stu_put(stick, "program.csv", program, sizeof program - 1);
    sync_options o = {.cat = danish()};
    sync_result res;
    if (sync_run(s, stick, now, &o, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    stu_join(s, "spis-1", "Karen", 1, now);
    char path[2048];
    snprintf(path, sizeof path, "%s/vaermed/program.csv", stick);
    unlink(path);
    stu_put(stick, "vaermed.db", data, len);
    char *dump = stu_dump(db);
    size_t raw_len;
    char *raw = ts_read_file(db, &raw_len);
    assert_int_equal(sync_run(s, stick, now, &o, &res, &err), VM_ERR_REFUSED);
    assert_int_equal(res.outcome, SYNC_OUTCOME_PROGRAM_REFUSED);
    assert_true(sqlite3_hard_heap_limit64(-1) == before);
    char summary[2048];
    sync_summary_text(&res, o.cat, summary, sizeof summary);
    if (!strstr(summary, "vaermed.db afvises: den kr\xC3\xA6ver for meget hukommelse at "
                         "l\xC3\xA6se. Kioskens program er u\xC3\xA6ndret."))
        fail_msg("%s", summary);
    char *dump2 = stu_dump(db);
    stu_assert_same(dump, dump2);
    size_t raw_len2;
    char *raw2 = ts_read_file(db, &raw_len2);
    assert_true(raw_len == raw_len2 && memcmp(raw, raw2, raw_len) == 0);
    free(dump);
    free(dump2);
    free(raw);
    free(raw2);
    store_close(s);
    i18n_catalog_free((i18n_catalog *)o.cat);

    /* The same reading works again once the file is a good one: nothing was left stuck. */
    free(data);
    data = make_bundle(dir, &len);
    if (sync_read_bundle(data, len, NULL, &p, &err) != VM_OK)
        fail_msg("%s", err.msg);
    sync_program_free(&p);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_trigger_and_view_refused),
        cmocka_unit_test(test_foreign_and_corrupt_refused),
        cmocka_unit_test(test_sample_bundle),
        cmocka_unit_test(test_schema_is_the_kiosks),
        cmocka_unit_test(test_heap_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
