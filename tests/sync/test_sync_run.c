/* A whole sync against real folders standing in for sticks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalogs.h"
#include "core/dktime.h"
#include "print/print.h"
#include "store/bundle.h"
#include "sync/sync.h"
#include "sync_test_util.h"
#include "test_support.h"

#define NOW_ISO "2026-11-23T10:00Z"

/* Staff's program as Danish Excel saves it: Windows-1252, ';', CRLF. */
static const char program_cp1252[] =
    "id;titel;kategori;start;slut;sted;pladser;frist;husstand;opgaver\r\n"
    "spis-1;F\xE6llesspisning;f\xE6llesspisning;03-12-2026 18:00;03-12-2026 20:00;"
    "F\xE6lleshuset;3;01-12-2026;nej;\"D\xE6kke bord 30 min 2\"\r\n"
    "gaa-1;G\xE5tur;g\xE5tur;04.12.2026 10.00;04.12.2026 11.00;Ved s\xF8""en;;;;\r\n"
    "banko-1;Banko;banko;2026-12-06 14:00;2026-12-06 16:00;Caf\xE9""en;30;;;\r\n";

typedef struct fixture {
    char dir[1024];
    char stick[1024];
    char db[1024];
    store *s;
    int64_t now;
    seal_secret staff; /* the staff's key pair: what the kiosk seals, this opens */
} fixture;

static fixture *setup(const char *name)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "%s", ts_fresh_dir(name));
    snprintf(f->stick, sizeof f->stick, "%s", ts_path(f->dir, "stick"));
    snprintf(f->db, sizeof f->db, "%s", ts_path(f->dir, "kiosk.db"));
    f->now = ts_time(NOW_ISO);
    f->s = stu_kiosk(f->dir, "fh-1");
    stu_authorise(f->s, f->stick, 1, f->now);
    stu_staff_key(f->s, &f->staff);
    return f;
}

static void teardown(fixture *f)
{
    store_close(f->s);
    free(f);
}

/* The kiosk's PDF writer and calendar reader come from its modules; here they are linked. */
static vm_status test_pdf(void *user, const activity *acts, size_t n, size_t not_shown,
                          int64_t now, const char *path, vm_err *err)
{
    const sync_options *opt = user;
    print_options po = {.estate_name = opt->estate_name, .url_template = opt->url_template,
                        .now = now, .not_shown = not_shown};
    return print_week(acts, n, now, &po, path, NULL, err);
}

static vm_status run(fixture *f, const sync_options *opt, sync_result *res, vm_err *err)
{
    sync_options o = {0};
    if (opt)
        o = *opt;
    if (!o.program_pdf) {
        o.program_pdf = test_pdf;
        o.pdf_user = &o;
    }
    if (!o.read_ics)
        o.read_ics = sync_read_ics;
    return sync_run(f->s, f->stick, f->now, &o, res, err);
}

static const char *kfile(fixture *f, const char *name)
{
    static char p[2048];
    snprintf(p, sizeof p, "%s/vaermed/fh-1/%s", f->stick, name);
    return p;
}

static void test_full_sync_cp1252(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_full");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    sync_result res;
    vm_err err = {0};
    if (run(f, NULL, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(res.outcome, SYNC_OUTCOME_DONE);
    assert_string_equal(res.source, "program.csv");
    assert_int_equal(res.import.added, 3);
    assert_true(res.export_ok);

    activity a;
    assert_int_equal(store_activity_get(f->s, "spis-1", &a, NULL, &err), VM_OK);
    assert_string_equal(a.title, "F\xC3\xA6llesspisning");
    assert_string_equal(a.place, "F\xC3\xA6lleshuset");
    assert_int_equal(a.n_tasks, 1);

    /* A sign-up, then a second sync exports it with æ ø å intact. */
    stu_join(f->s, "spis-1", "S\xC3\xB8ren \xC3\x86g\xC3\xA5rd", 1, f->now);
    stu_join(f->s, "banko-1", "=1+1", 2, f->now + 60);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.added, 0);
    assert_int_equal(res.import.unchanged, 3);
    assert_int_equal(res.signups_exported, 2);

    size_t len;
    /* The names leave only sealed: nothing plain with a name is on the stick. */
    assert_int_not_equal(access(kfile(f, "tilmeldinger.csv"), F_OK), 0);
    assert_int_not_equal(access(kfile(f, "vaermed-fh-1.db"), F_OK), 0);
    char *raw = ts_read_file(kfile(f, "tilmeldinger.csv.vaermed"), &len);
    assert_non_null(raw);
    assert_true(seal_is_sealed(raw, len));
    assert_false(ts_contains(raw, len, "S\xC3\xB8ren"));
    free(raw);
    char *csv = stu_unseal(kfile(f, "tilmeldinger.csv.vaermed"), &f->staff, &len);
    assert_memory_equal(csv, "\xEF\xBB\xBFTilmelding-id;Aktivitet-id;Aktivitet;Dato;", 44);
    assert_non_null(strstr(csv, "S\xC3\xB8ren \xC3\x86g\xC3\xA5rd"));
    assert_non_null(strstr(csv, "\r\n"));
    assert_null(strstr(csv, ";=1+1"));       /* formula neutralised */
    assert_non_null(strstr(csv, "\"'=1+1\""));
    assert_non_null(strstr(csv, ";03-12-2026;18:00;"));
    assert_non_null(strstr(csv, ";tilmeldt;"));
    free(csv);

    char *stats = ts_read_file(kfile(f, "statistik.csv"), &len);
    assert_non_null(stats);
    assert_null(strstr(stats, "S\xC3\xB8ren")); /* no names in statistics */
    assert_non_null(strstr(stats, "spis-1;F\xC3\xA6llesspisning;food;03-12-2026;18:00;"));
    free(stats);

    char *tmpl = ts_read_file(kfile(f, "program-skabelon.csv"), &len);
    assert_non_null(tmpl);
    /* The template is a program the kiosk reads back. */
    stu_put(f->stick, "program.csv", tmpl, len);
    free(tmpl);

    char *log = ts_read_file(kfile(f, "log.txt"), &len);
    assert_non_null(log);
    assert_non_null(strstr(log, "3 new activities"));
    assert_non_null(strstr(log, "2 sign-ups saved on the USB stick"));
    free(log);

    /* The snapshot is a whole database with the sign-ups, once opened. */
    char plain_db[1100];
    snprintf(plain_db, sizeof plain_db, "%s", ts_path(f->dir, "opened.db"));
    stu_unseal_to(kfile(f, "vaermed-fh-1.db.vaermed"), &f->staff, plain_db);
    char *dump = stu_dump(plain_db);
    assert_non_null(strstr(dump, "S\xC3\xB8ren"));
    free(dump);

    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.added, 3);     /* the template's three examples */
    assert_int_equal(res.import.cancelled, 3); /* the earlier program's future activities */
    char summary[512];
    sync_summary_text(&res, NULL, summary, sizeof summary);
    assert_string_equal(summary, "3 new activities, 3 cancelled. 2 sign-ups saved on the USB "
                                 "stick. You can take it out now.");
    teardown(f);
}

static void test_summary_in_danish(void **state)
{
    (void)state;
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    i18n_catalog *da = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, "da") == 0)
            da = i18n_catalog_parse("da", src[i].text, src[i].len, NULL);
    assert_non_null(da);
    sync_result res;
    memset(&res, 0, sizeof res);
    strcpy(res.source, "program.csv");
    res.import.added = 12;
    res.import.changed = 3;
    res.import.cancelled = 1;
    res.export_ok = true;
    res.signups_exported = 57;
    res.staff_keys = 1;
    char out[512];
    sync_summary_text(&res, da, out, sizeof out);
    assert_string_equal(out, "12 nye aktiviteter, 3 \xC3\xA6ndret, 1 aflyst. 57 tilmeldinger "
                             "gemt p\xC3\xA5 USB-n\xC3\xB8glen. Du kan nu tage den ud.");
    /* A kiosk that knows no staff key says plainly that the names stayed. */
    res.staff_keys = 0;
    sync_summary_text(&res, da, out, sizeof out);
    assert_string_equal(out, "12 nye aktiviteter, 3 \xC3\xA6ndret, 1 aflyst. Tilmeldingerne "
                             "blev ikke gemt p\xC3\xA5 USB-n\xC3\xB8glen: kiosken kender "
                             "endnu ingen personalen\xC3\xB8gle. Du kan nu tage den ud.");
    res.outcome = SYNC_OUTCOME_NOT_STAFF_STICK;
    sync_summary_text(&res, da, out, sizeof out);
    assert_non_null(strstr(out, "ikke"));
    i18n_catalog_free(da);
}

/* A synced folder (sync_folder) is a stick that stays: its sync, in the folder's words (the
 * catalog's context "folder", as the kiosk and `vaermed sync` on a folder use it), never
 * tells anyone to take a USB stick out, on the screen, in the journal or in log.txt. */
static bool stick_words(const char *text)
{
    return strstr(text, "USB") || strstr(text, "tage den ud") || strstr(text, "n\xC3\xB8glen") ||
           strstr(text, "take it out");
}

static void test_a_synced_folder_is_not_taken_out(void **state)
{
    (void)state;
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    i18n_catalog *da = NULL, *en = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(src[i].lang, "da") == 0)
            da = i18n_catalog_parse("da", src[i].text, src[i].len, NULL);
        if (strcmp(src[i].lang, "en") == 0)
            en = i18n_catalog_parse("en", src[i].text, src[i].len, NULL);
    }
    assert_non_null(da);
    assert_non_null(en);
    i18n_catalog *folder = i18n_catalog_view(da, "folder");
    i18n_catalog *folder_en = i18n_catalog_view(en, "folder");
    sync_result res;
    memset(&res, 0, sizeof res);
    strcpy(res.source, "program.csv");
    res.import.added = 2;
    res.export_ok = true;
    res.signups_exported = 5;
    res.staff_keys = 1;
    char out[1024];
    sync_summary_text(&res, folder, out, sizeof out);
    assert_string_equal(out, "2 nye aktiviteter. 5 tilmeldinger gemt i mappen. Mappen er "
                             "opdateret.");
    sync_summary_text(&res, folder_en, out, sizeof out);
    assert_string_equal(out, "2 new activities. 5 sign-ups saved in the folder. The folder is "
                             "up to date.");
    res.staff_keys = 0;
    sync_summary_text(&res, folder, out, sizeof out);
    if (stick_words(out) || !strstr(out, "Mappen er opdateret."))
        fail_msg("no staff key, in a folder: %s", out);
    res.source[0] = '\0';
    res.staff_keys = 1;
    sync_summary_text(&res, folder, out, sizeof out);
    if (stick_words(out) || !strstr(out, "Mappen er opdateret."))
        fail_msg("no new program, in a folder: %s", out);
    res.outcome = SYNC_OUTCOME_NOT_STAFF_STICK;
    sync_summary_text(&res, folder, out, sizeof out);
    if (stick_words(out))
        fail_msg("not a staff folder: %s", out);

    /* A whole sync of a folder: its summary, its log.txt and the staff screen's last sync. */
    fixture *f = setup("sync_run_folder");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    sync_options o = {0};
    o.cat = folder;
    vm_err err = {0};
    if (run(f, &o, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    stu_join(f->s, "spis-1", "Hanne", 1, f->now);
    if (run(f, &o, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    sync_summary_text(&res, folder, out, sizeof out);
    if (stick_words(out) || !strstr(out, "Mappen er opdateret."))
        fail_msg("the folder's summary: %s", out);
    char *log = ts_read_file(kfile(f, "log.txt"), NULL);
    assert_non_null(log);
    if (stick_words(log) || !strstr(log, "Mappen er opdateret."))
        fail_msg("the folder's log.txt: %s", log);
    free(log);
    char fact[2048];
    assert_int_equal(store_fact_get(f->s, "last_sync_summary", fact, sizeof fact, &err), VM_OK);
    if (stick_words(fact) || !strstr(fact, "Mappen er opdateret."))
        fail_msg("the staff screen's last sync: %s", fact);
    /* The same sync of a stick still says to take it out. */
    o.cat = da;
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    sync_summary_text(&res, da, out, sizeof out);
    assert_non_null(strstr(out, "Du kan nu tage den ud."));
    teardown(f);
    i18n_catalog_free(folder_en);
    i18n_catalog_free(folder);
    i18n_catalog_free(en);
    i18n_catalog_free(da);
}

/* A stranger's stick: nothing is read (beyond the key file) and nothing is written. */
static void test_unauthorised_stick(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_stranger");
    char stranger[1024];
    snprintf(stranger, sizeof stranger, "%s", ts_path(f->dir, "stranger"));
    mkdir(stranger, 0755);
    stu_put(stranger, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    stu_put(stranger, "vaermed.key",
            "key = 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", -1);
    char *before = stu_listing(stranger);
    char *db_before = stu_dump(f->db);
    sync_options o = {0};
    sync_result res;
    vm_err err = {0};
    assert_int_equal(sync_run(f->s, stranger, f->now, &o, &res, &err), VM_ERR_REFUSED);
    assert_int_equal(res.outcome, SYNC_OUTCOME_NOT_STAFF_STICK);
    assert_non_null(strstr(err.msg, "not a staff stick for this kiosk"));
    char *after = stu_listing(stranger);
    stu_assert_same(before, after);
    char *db_after = stu_dump(f->db);
    stu_assert_same(db_before, db_after);
    free(after);
    free(db_after);

    /* No key file at all, and no vaermed folder at all. */
    unlink(ts_path(ts_path(stranger, "vaermed"), "vaermed.key"));
    free(before);
    before = stu_listing(stranger);
    assert_int_equal(sync_run(f->s, stranger, f->now, &o, &res, &err), VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "no key file"));
    after = stu_listing(stranger);
    stu_assert_same(before, after);
    free(after);
    char empty[1024];
    snprintf(empty, sizeof empty, "%s", ts_path(f->dir, "empty"));
    mkdir(empty, 0755);
    assert_int_equal(sync_run(f->s, empty, f->now, &o, &res, &err), VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "no vaermed folder"));
    after = stu_listing(empty);
    assert_string_equal(after, "");
    db_after = stu_dump(f->db);
    stu_assert_same(db_before, db_after);
    free(after);
    free(db_after);
    free(before);
    free(db_before);

    /* A key accepted only through the config (stick_key = <hash>). */
    char hash[65];
    store *other = NULL;
    char odir[1024];
    snprintf(odir, sizeof odir, "%s", ts_path(f->dir, "other"));
    mkdir(odir, 0755);
    other = stu_kiosk(odir, "fh-2");
    uint8_t key[32] = {7};
    sync_init_result ir;
    assert_int_equal(sync_stick_init(other, stranger, key, f->now, NULL, 0, NULL, &ir, &err),
                     VM_OK);
    memcpy(hash, ir.hash, 65);
    store_close(other);
    assert_int_equal(sync_stick_check(f->s, stranger, &o, f->now, NULL, &err), VM_ERR_REFUSED);
    char keys[1][65];
    memcpy(keys[0], hash, 65);
    o.config_keys = (const char(*)[65])keys;
    o.n_config_keys = 1;
    assert_int_equal(sync_stick_check(f->s, stranger, &o, f->now, NULL, &err), VM_OK);
    teardown(f);
}

/* Each bad stick program: refused, the kiosk's database byte-for-byte as it was, the
 * sign-ups still taken home, and the reason in the log on the stick. */
static void test_bad_inputs_change_nothing(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_bad");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    stu_join(f->s, "spis-1", "Bo", 1, f->now);
    char vdir[1100];
    snprintf(vdir, sizeof vdir, "%s/vaermed", f->stick);
    unlink(ts_path(vdir, "program.csv"));

    /* A trigger-carrying bundle, made from a real snapshot. */
    char bdir[1024];
    snprintf(bdir, sizeof bdir, "%s", ts_path(f->dir, "b"));
    mkdir(bdir, 0755);
    const char *bpath = ts_path(bdir, "b.db");
    assert_int_equal(store_snapshot(f->s, bpath, &err), VM_OK);
    char cmd[3000];
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' 'CREATE TRIGGER t AFTER UPDATE ON facts BEGIN DELETE FROM signups; "
             "END;'",
             bpath);
    assert_int_equal(system(cmd), 0);
    size_t blen;
    char *trig = ts_read_file(bpath, &blen);
    assert_non_null(trig);
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'DROP TRIGGER t; CREATE VIEW v AS SELECT 1;'",
             bpath);
    assert_int_equal(system(cmd), 0);
    size_t vlen;
    char *view = ts_read_file(bpath, &vlen);
    char *big = calloc(1, (4u << 20) + 10);
    memset(big, 'a', (4u << 20) + 9);
    ts_write_file(ts_path(f->dir, "outside.csv"), program_cp1252, sizeof program_cp1252 - 1);

    struct {
        const char *file;
        const char *data;
        size_t len;
        const char *why;
    } cases[] = {
        {"program.csv", "titel;start\r\nA;24-12-2026 18:00\r\nB;31-11-2026 18:00\r\n", (size_t)-1,
         "line 3"},
        /* a quote open at the end: cut off (the log says where: "never closed") */
        {"program.csv", "titel;start\r\n\"A;24-12-2026 18:00\r\n", (size_t)-1, "cut off"},
        {"program.csv", "\xFF\xFEt\0i\0", 6, "Unicode"},
        {"program.csv", big, (4u << 20) + 9, "too big"},
        {"program.csv", NULL, 0, "link"}, /* a symlink to a file outside the stick */
        {"vaermed.db", trig, blen, "trigger"},
        {"vaermed.db", view, vlen, "view"},
        {"vaermed.db", "SQLite format 3\0 but not really", 32, "not"},
        {"program.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T140000Z"
                        "\r\nSUMMARY:B\r\nDESCRIPTION:Pladser: mange\r\nEND:VEVENT\r\n"
                        "END:VCALENDAR\r\n",
         (size_t)-1, "mange"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unlink(ts_path(vdir, "program.csv"));
        unlink(ts_path(vdir, "vaermed.db"));
        unlink(ts_path(vdir, "program.ics"));
        if (cases[i].data)
            stu_put(f->stick, cases[i].file, cases[i].data, cases[i].len);
        else
            assert_int_equal(symlink(ts_path(f->dir, "outside.csv"),
                                     ts_path(vdir, cases[i].file)),
                             0);
        char *before = stu_dump(f->db);
        unlink(kfile(f, "tilmeldinger.csv.vaermed"));
        vm_status st = run(f, NULL, &res, &err);
        if (st == VM_OK)
            fail_msg("case %zu accepted", i);
        assert_int_equal(res.outcome, SYNC_OUTCOME_PROGRAM_REFUSED);
        if (!strstr(err.msg, cases[i].why))
            fail_msg("case %zu: \"%s\" not in \"%s\"", i, cases[i].why, err.msg);
        char *after = stu_dump(f->db);
        stu_assert_same(before, after);
        free(before);
        free(after);
        /* The sign-ups went home all the same, and the log says why the program did not. */
        assert_true(res.export_ok);
        size_t len;
        char *csv = stu_unseal(kfile(f, "tilmeldinger.csv.vaermed"), &f->staff, &len);
        assert_non_null(strstr(csv, ";Bo;"));
        free(csv);
        char *log = ts_read_file(kfile(f, "log.txt"), &len);
        assert_non_null(strstr(log, "The program was not read"));
        free(log);
    }
    free(trig);
    free(view);
    free(big);
    teardown(f);
}

/* Re-import changes nothing; sign-ups survive a new program; a lower capacity moves the
 * latest to the waiting list. */
static void test_reimport_and_signups(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_reimport");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    stu_join(f->s, "spis-1", "Ann", 1, f->now + 1);
    stu_join(f->s, "spis-1", "Bo", 2, f->now + 2);
    stu_join(f->s, "spis-1", "Cai", 3, f->now + 3);
    stu_join(f->s, "banko-1", "Dora", 4, f->now + 4);
    char *before = stu_dump_no_facts(f->db);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.added + res.import.changed + res.import.cancelled, 0);
    char *after = stu_dump_no_facts(f->db);
    stu_assert_same(before, after);
    free(before);
    free(after);

    /* The new program drops banko and gives the fællesspisning 2 places instead of 3. */
    const char next[] = "id;titel;start;slut;pladser\r\n"
                        "spis-1;F\xE6llesspisning;03-12-2026 18:00;03-12-2026 20:00;2\r\n"
                        "gaa-1;G\xE5tur;04.12.2026 10.00;04.12.2026 11.00;\r\n";
    stu_put(f->stick, "program.csv", next, sizeof next - 1);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.cancelled, 1);
    assert_int_equal(res.import.moved_to_waiting, 1);
    activity a;
    assert_int_equal(store_activity_get(f->s, "banko-1", &a, NULL, &err), VM_OK);
    assert_true(a.cancelled);
    signup *sus;
    size_t n;
    assert_int_equal(store_signups_list(f->s, "banko-1", &sus, &n, &err), VM_OK);
    assert_int_equal(n, 1); /* Dora is still there */
    free(sus);
    assert_int_equal(store_signups_list(f->s, "spis-1", &sus, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(sus[i].name, "Cai") == 0)
            assert_int_equal(sus[i].status, SIGNUP_WAITING);
        else
            assert_int_equal(sus[i].status, SIGNUP_CONFIRMED);
    }
    free(sus);
    teardown(f);
}

/* The week's PDF is most of a sync's time: a sync whose program did not change keeps it
 * (its sign-ups still go on the stick), and anything the PDF shows that changed makes it
 * again: the program, a deadline passing, the file gone, a fingerprint that is not ours. */
static void test_week_pdf_made_again_only_when_it_changes(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_pdf_again");
    /* this week (Monday 23 November): the deadline falls between two syncs */
    const char program[] = "id;titel;start;slut;pladser;frist\r\n"
                           "spis-1;Spisning;24-11-2026 18:00;24-11-2026 20:00;20;"
                           "23-11-2026 15:00\r\n"
                           "gaa-1;Gaatur;25-11-2026 10:00;25-11-2026 11:00;;\r\n";
    stu_put(f->stick, "program.csv", program, sizeof program - 1);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_true(res.pdf_written);
    assert_false(res.pdf_unchanged);
    size_t len_first;
    char *first = ts_read_file(kfile(f, "ugeprogram.pdf"), &len_first);
    assert_non_null(first);
    struct stat before;
    assert_int_equal(stat(kfile(f, "ugeprogram.pdf"), &before), 0);

    /* unchanged program, new sign-ups: the sign-ups go, the PDF stays as it was */
    stu_join(f->s, "spis-1", "Ann", 1, f->now + 1);
    f->now += 600;
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_false(res.pdf_written);
    assert_true(res.pdf_unchanged);
    assert_int_equal(res.signups_exported, 1);
    struct stat after;
    assert_int_equal(stat(kfile(f, "ugeprogram.pdf"), &after), 0);
    assert_int_equal(after.st_ino, before.st_ino);
    size_t len;
    char *log = ts_read_file(kfile(f, "log.txt"), &len);
    assert_non_null(strstr(log, "The week's program (PDF) on the USB stick is up to date."));
    assert_non_null(strstr(log, "ugeprogram.pdf"));
    free(log);

    /* the deadline has passed: the PDF says "closed" now */
    f->now = ts_time("2026-11-23T15:30Z");
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_true(res.pdf_written);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_true(res.pdf_unchanged);

    /* the staff deleted the PDF from the stick */
    assert_int_equal(unlink(kfile(f, "ugeprogram.pdf")), 0);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_true(res.pdf_written);

    /* a fingerprint file that is not ours (or from another program) */
    ts_write_file(kfile(f, ".ugeprogram.pdf.inputs"), "week-pdf-1 0000\n", (size_t)-1);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_true(res.pdf_written);

    /* a changed program */
    const char changed[] = "id;titel;start;slut;pladser;frist\r\n"
                           "spis-1;Spisning med dessert;24-11-2026 18:00;24-11-2026 20:00;20;"
                           "23-11-2026 15:00\r\n"
                           "gaa-1;Gaatur;25-11-2026 10:00;25-11-2026 11:00;;\r\n";
    stu_put(f->stick, "program.csv", changed, sizeof changed - 1);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.changed, 1);
    assert_true(res.pdf_written);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_true(res.pdf_unchanged);
    free(first);
    teardown(f);
}

/* However big the week, the PDF holds at most SYNC_PDF_MAX_ACTIVITIES and the log says so. */
static void test_week_pdf_is_capped(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_pdf_cap");
    char *program = malloc(64 * 1024);
    size_t o = (size_t)snprintf(program, 64 * 1024, "id;titel;start;slut\r\n");
    int n = SYNC_PDF_MAX_ACTIVITIES + 15;
    for (int i = 0; i < n; i++)
        o += (size_t)snprintf(program + o, 64 * 1024 - o,
                              "a-%d;Aktivitet %d;%02d-11-2026 %02d:00;%02d-11-2026 %02d:30\r\n",
                              i, i, 24 + i % 5, 8 + i % 12, 24 + i % 5, 8 + i % 12);
    stu_put(f->stick, "program.csv", program, o);
    free(program);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.added, n);
    assert_true(res.pdf_written);
    size_t len;
    char *log = ts_read_file(kfile(f, "log.txt"), &len);
    char want[200];
    snprintf(want, sizeof want,
             "The week's program (PDF) shows the first %d of the week's %d activities.",
             SYNC_PDF_MAX_ACTIVITIES, n);
    assert_non_null(strstr(log, want));
    free(log);
    teardown(f);
}

/* A writer that fails after `budget` bytes, like a stick that fills up or is pulled. */
typedef struct failing {
    long budget;
    int err;
} failing;

static ssize_t failing_write(void *user, int fd, const void *buf, size_t n)
{
    failing *fw = user;
    if (fw->budget <= 0) {
        errno = fw->err;
        return -1;
    }
    if ((long)n > fw->budget)
        n = (size_t)fw->budget;
    fw->budget -= (long)n;
    return write(fd, buf, n);
}

static void test_failing_write_keeps_old_export(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_fail");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    stu_join(f->s, "spis-1", "Ann", 1, f->now);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    size_t old_len;
    char *old = ts_read_file(kfile(f, "tilmeldinger.csv.vaermed"), &old_len);
    assert_non_null(old);
    stu_join(f->s, "spis-1", "Bo", 2, f->now);
    char *db_before = stu_dump_no_facts(f->db);

    failing fw = {10, ENOSPC};
    sync_io io = {.write = failing_write, .user = &fw};
    sync_options o = {0};
    o.io = &io;
    assert_int_equal(run(f, &o, &res, &err), VM_ERR_IO);
    assert_int_equal(res.outcome, SYNC_OUTCOME_EXPORT_FAILED);
    assert_non_null(strstr(err.msg, "full"));
    size_t len;
    char *now_csv = ts_read_file(kfile(f, "tilmeldinger.csv.vaermed"), &len);
    assert_int_equal(len, old_len);
    assert_memory_equal(now_csv, old, len);
    free(now_csv);
    assert_false(access(kfile(f, ".tilmeldinger.csv.vaermed.tmp"), F_OK) == 0);
    char *db_after = stu_dump_no_facts(f->db);
    stu_assert_same(db_before, db_after); /* the kiosk's data is untouched */
    free(db_after);

    fw = (failing){0, EROFS};
    assert_int_equal(run(f, &o, &res, &err), VM_ERR_IO);
    assert_non_null(strstr(err.msg, "write-protected"));
    now_csv = ts_read_file(kfile(f, "tilmeldinger.csv.vaermed"), &len);
    assert_memory_equal(now_csv, old, old_len);
    free(now_csv);
    char summary[1024];
    sync_summary_text(&res, NULL, summary, sizeof summary);
    assert_non_null(strstr(summary, "could not be saved"));
    free(old);
    free(db_before);
    teardown(f);
}

/* A recorder on the I/O seam: every file the sync writes on the stick must be fsync'd
 * before it is renamed into place, and its folder fsync'd after, or a stick pulled right
 * after the sync may hold an empty or a missing export. */
#define IO_EVENTS_MAX 256
typedef struct io_event {
    enum { EV_FSYNC_FILE, EV_FSYNC_DIR, EV_RENAME } kind;
    dev_t dev;
    ino_t ino; /* the file or folder synced; for a rename, the file renamed */
    dev_t dir_dev;
    ino_t dir_ino; /* for a rename, its folder */
} io_event;

typedef struct io_log {
    io_event ev[IO_EVENTS_MAX];
    int n;
    int fail_dir_fsync; /* errno for the folder's fsync, 0 = none */
} io_log;

static io_event *io_add(io_log *l)
{
    assert_true(l->n < IO_EVENTS_MAX);
    return &l->ev[l->n++];
}

static int recording_fsync(void *user, int fd)
{
    io_log *l = user;
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    io_event *e = io_add(l);
    e->kind = S_ISDIR(st.st_mode) ? EV_FSYNC_DIR : EV_FSYNC_FILE;
    e->dev = st.st_dev;
    e->ino = st.st_ino;
    if (e->kind == EV_FSYNC_DIR && l->fail_dir_fsync) {
        errno = l->fail_dir_fsync;
        return -1;
    }
    return fsync(fd);
}

static int recording_rename(void *user, int dirfd, const char *from, const char *to)
{
    io_log *l = user;
    struct stat file, dir;
    assert_int_equal(fstatat(dirfd, from, &file, AT_SYMLINK_NOFOLLOW), 0);
    assert_int_equal(fstat(dirfd, &dir), 0);
    io_event *e = io_add(l);
    e->kind = EV_RENAME;
    e->dev = file.st_dev;
    e->ino = file.st_ino;
    e->dir_dev = dir.st_dev;
    e->dir_ino = dir.st_ino;
    return renameat(dirfd, from, dirfd, to);
}

static void test_every_write_is_fsynced_around_its_rename(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_fsync");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    stu_join(f->s, "spis-1", "Ann", 1, f->now);
    io_log log = {0};
    sync_io io = {.user = &log, .fsync = recording_fsync, .rename = recording_rename};
    sync_options o = {0};
    o.io = &io;
    assert_int_equal(run(f, &o, &res, &err), VM_OK);

    int renames = 0;
    for (int i = 0; i < log.n; i++) {
        if (log.ev[i].kind != EV_RENAME)
            continue;
        renames++;
        const io_event *r = &log.ev[i];
        bool file_synced = false, dir_synced = false;
        for (int j = 0; j < i; j++)
            if (log.ev[j].kind == EV_FSYNC_FILE && log.ev[j].dev == r->dev &&
                log.ev[j].ino == r->ino)
                file_synced = true;
        for (int j = i + 1; j < log.n && log.ev[j].kind != EV_RENAME; j++)
            if (log.ev[j].kind == EV_FSYNC_DIR && log.ev[j].dev == r->dir_dev &&
                log.ev[j].ino == r->dir_ino)
                dir_synced = true;
        if (!file_synced || !dir_synced)
            fail_msg("rename %d of %d: file fsync'd %d, folder fsync'd after %d", renames,
                     log.n, file_synced, dir_synced);
    }
    /* the sign-ups, the sealed copy and the log at least */
    assert_true(renames >= 3);

    /* A folder that cannot be synced (a stick pulled then) is a failed export, said so. */
    log = (io_log){.fail_dir_fsync = EIO};
    stu_join(f->s, "spis-1", "Bo", 1, f->now);
    assert_int_equal(run(f, &o, &res, &err), VM_ERR_IO);
    assert_int_equal(res.outcome, SYNC_OUTCOME_EXPORT_FAILED);
    teardown(f);
}

/* Names that try to leave the stick's folder are not followed. */
static void test_path_traversal(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_paths");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    /* The kiosk folder on the stick is a link to a folder outside it. */
    char outside[1024], link[1100];
    snprintf(outside, sizeof outside, "%s", ts_path(f->dir, "outside"));
    mkdir(outside, 0755);
    snprintf(link, sizeof link, "%s/vaermed/fh-1", f->stick);
    assert_int_equal(symlink(outside, link), 0);
    sync_result res;
    vm_err err = {0};
    assert_int_not_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.outcome, SYNC_OUTCOME_EXPORT_FAILED);
    char *listing = stu_listing(outside);
    assert_string_equal(listing, "");
    free(listing);
    unlink(link);

    /* A kiosk id with "../" stays a name inside vaermed/. */
    assert_int_equal(store_fact_set(f->s, "kiosk_id", "../../evil", &err), VM_OK);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    char p[1200];
    snprintf(p, sizeof p, "%s/vaermed/------evil/tilmeldinger.csv.vaermed", f->stick);
    assert_int_equal(access(p, F_OK), 0);
    snprintf(p, sizeof p, "%s/evil", f->dir);
    assert_int_not_equal(access(p, F_OK), 0);

    /* vaermed/ itself a link: not a staff stick. */
    char stick2[1024], real[1100];
    snprintf(stick2, sizeof stick2, "%s", ts_path(f->dir, "stick2"));
    snprintf(real, sizeof real, "%s/vaermed", f->stick);
    mkdir(stick2, 0755);
    assert_int_equal(symlink(real, ts_path(stick2, "vaermed")), 0);
    assert_int_equal(sync_run(f->s, stick2, f->now, &(sync_options){0}, &res, &err),
                     VM_ERR_REFUSED);
    teardown(f);
}

/* The stick's clock moves a kiosk that is behind. */
static void test_clock_floor(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_clock");
    assert_int_equal(sync_clock_floor(f->s), 0);
    stu_put(f->stick, "time.txt", "2026-12-02 09:30\r\n", -1);
    sync_result res;
    vm_err err = {0};
    f->now = ts_time("2020-01-01T00:00Z"); /* a box whose clock was reset */
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.stick_time, ts_time("2026-12-02 09:30"));
    assert_int_equal(sync_clock_floor(f->s), ts_time("2026-12-02 09:30"));
    assert_int_equal(sync_effective_now(f->s, f->now), ts_time("2026-12-02 09:30"));
    assert_int_equal(sync_effective_now(f->s, ts_time("2027-01-01T00:00Z")),
                     ts_time("2027-01-01T00:00Z"));
    /* An older time never moves the floor back. */
    stu_put(f->stick, "time.txt", "01-12-2026 08:00", -1);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(sync_clock_floor(f->s), ts_time("2026-12-02 09:30"));
    teardown(f);
}

/* Authorising the same stick at a second kiosk keeps its key. */
static void test_stick_init_keeps_key(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_init");
    size_t len;
    char path[1100];
    snprintf(path, sizeof path, "%s/vaermed/vaermed.key", f->stick);
    char *key1 = ts_read_file(path, &len);
    assert_non_null(key1);
    assert_non_null(strstr(key1, "key = "));
    assert_non_null(strstr(key1, "created = 2026-11-23T10:00:00Z"));
    char odir[1024];
    snprintf(odir, sizeof odir, "%s", ts_path(f->dir, "k2"));
    mkdir(odir, 0755);
    store *k2 = stu_kiosk(odir, "fh-2");
    stu_authorise(k2, f->stick, 9, f->now);
    char *key2 = ts_read_file(path, &len);
    assert_string_equal(key1, key2);
    vm_err err = {0};
    assert_int_equal(sync_stick_check(k2, f->stick, NULL, f->now, NULL, &err), VM_OK);
    store_close(k2);
    free(key1);
    free(key2);
    /* A damaged key file is left alone. */
    ts_write_file(path, "key = nonsense\n", (size_t)-1);
    uint8_t key[32] = {0};
    assert_int_equal(sync_stick_init(f->s, f->stick, key, f->now, NULL, 0, NULL, NULL, &err),
                     VM_ERR_INVALID);
    char *k3 = ts_read_file(path, &len);
    assert_string_equal(k3, "key = nonsense\n");
    free(k3);
    teardown(f);
}

/* The other program sources: an ICS calendar and a bundle from another kiosk. */
static void test_ics_and_bundle_sources(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_sources");
    size_t len;
    char *ics = ts_read_file(ts_source_path("tests/sync/data/program.ics"), &len);
    stu_put(f->stick, "program.ics", ics, len);
    free(ics);
    int phases = 0;
    double last = -1;
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_string_equal(res.source, "program.ics");
    assert_true(res.import.added >= 8);
    activity a;
    /* The key was made on 23 November: the recurrences run from the week before it. */
    assert_int_equal(store_activity_get(f->s, "strik-uid@20261124", &a, NULL, &err), VM_OK);
    assert_string_equal(a.title, "Strikkeklub");
    assert_int_not_equal(store_activity_get(f->s, "strik-uid@20260929", &a, NULL, &err),
                         VM_OK);
    (void)phases;
    (void)last;

    /* A bundle made by a staff kiosk wins over the ICS file. */
    char sdir[1024];
    snprintf(sdir, sizeof sdir, "%s", ts_path(f->dir, "staff"));
    mkdir(sdir, 0755);
    store *staff = stu_kiosk(sdir, "staff");
    activity b = stu_activity("b-1", "Bundlet banko", "2026-12-20 14:00", 10);
    assert_int_equal(store_activity_put(staff, &b, &err), VM_OK);
    assert_int_equal(store_snapshot(staff, ts_path(sdir, "out.db"), &err), VM_OK);
    store_close(staff);
    char *bundle = ts_read_file(ts_path(sdir, "out.db"), &len);
    stu_put(f->stick, "vaermed.db", bundle, len);
    free(bundle);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_string_equal(res.source, "vaermed.db");
    assert_int_equal(res.import.added, 1);
    assert_true(res.import.cancelled >= 8);
    char *log = ts_read_file(kfile(f, "log.txt"), &len);
    assert_non_null(strstr(log, "program.ics was not used"));
    free(log);
    teardown(f);
}

static void progress_cb(void *user, sync_phase phase, double fraction)
{
    double *last = user;
    assert_true(fraction >= last[0]);
    assert_true(fraction <= 1.0);
    assert_true((double)phase >= last[1]);
    last[0] = fraction;
    last[1] = phase;
    last[2] += 1;
}

static void test_progress(void **state)
{
    (void)state;
    fixture *f = setup("sync_run_progress");
    stu_put(f->stick, "program.csv", program_cp1252, sizeof program_cp1252 - 1);
    double last[3] = {0, 0, 0};
    sync_options o = {0};
    o.progress = progress_cb;
    o.progress_user = last;
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_true(last[2] >= 5);
    assert_true(last[0] == 1.0);
    assert_int_equal((int)last[1], SYNC_PHASE_DONE);
    teardown(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_sync_cp1252),
        cmocka_unit_test(test_every_write_is_fsynced_around_its_rename),
        cmocka_unit_test(test_summary_in_danish),
        cmocka_unit_test(test_a_synced_folder_is_not_taken_out),
        cmocka_unit_test(test_unauthorised_stick),
        cmocka_unit_test(test_bad_inputs_change_nothing),
        cmocka_unit_test(test_reimport_and_signups),
        cmocka_unit_test(test_failing_write_keeps_old_export),
        cmocka_unit_test(test_path_traversal),
        cmocka_unit_test(test_clock_floor),
        cmocka_unit_test(test_stick_init_keeps_key),
        cmocka_unit_test(test_ics_and_bundle_sources),
        cmocka_unit_test(test_progress),
        cmocka_unit_test(test_week_pdf_made_again_only_when_it_changes),
        cmocka_unit_test(test_week_pdf_is_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
