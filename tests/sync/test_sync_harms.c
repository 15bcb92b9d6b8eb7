/* Sticks with ordinary files that once did real harm: a calendar that hung the kiosk, a
 * typo in time.txt that moved the clock for good, an empty program that cancelled
 * everything. A whole sync against real folders, as the kiosk runs it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalogs.h"
#include "core/dktime.h"
#include "sync/sync.h"
#include "sync_test_util.h"
#include "test_support.h"

#define NOW_ISO "2026-11-23T10:00Z"

static const char program[] =
    "id;titel;start;slut;pladser\r\n"
    "spis-1;F\xC3\xA6llesspisning;03-12-2026 18:00;03-12-2026 20:00;30\r\n"
    "banko-1;Banko;06-12-2026 14:00;06-12-2026 16:00;40\r\n";

typedef struct fixture {
    char dir[1024];
    char stick[1024];
    char db[1024];
    store *s;
    int64_t now;
    i18n_catalog *da;
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
    seal_secret staff; /* the sign-ups go home sealed to a staff key */
    stu_staff_key(f->s, &staff);
    seal_secret_wipe(&staff);
    size_t n;
    const catalog_source *src = catalogs_embedded(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].lang, "da") == 0)
            f->da = i18n_catalog_parse("da", src[i].text, src[i].len, NULL);
    assert_non_null(f->da);
    return f;
}

static void teardown(fixture *f)
{
    store_close(f->s);
    i18n_catalog_free(f->da);
    free(f);
}

static vm_status run(fixture *f, sync_options *o, sync_result *res, vm_err *err)
{
    sync_options d = {0};
    if (!o)
        o = &d;
    o->cat = f->da;
    if (!o->read_ics) /* the kiosk's comes from its module; here it is linked */
        o->read_ics = sync_read_ics;
    return sync_run(f->s, f->stick, f->now, o, res, err);
}

/* The start most tests share: the two-activity program synced from the stick (asserted to go
 * well) and, when `joiner` is set, them signed up for the meal. */
static void first_sync(fixture *f, sync_options *o, const char *joiner)
{
    stu_put(f->stick, "program.csv", program, sizeof program - 1);
    sync_result res;
    vm_err err = {0};
    if (run(f, o, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    if (joiner)
        stu_join(f->s, "spis-1", joiner, 1, f->now);
}

static char *stick_file(fixture *f, const char *name)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/vaermed/%s", f->stick, name);
    size_t len;
    return ts_read_file(path, &len);
}

static void rm_stick(fixture *f, const char *name)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/vaermed/%s", f->stick, name);
    unlink(path);
}

/* ---- item 1: a calendar that made the kiosk loop forever is read, the rest of it too */

static void test_hourly_calendar_imports(void **state)
{
    (void)state;
    fixture *f = setup("harms_hourly");
    const char ics[] =
        "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        "VERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:kaffe\r\nSUMMARY:Kaffe\r\nDTSTART:20261201T090000Z\r\n"
        "RRULE:FREQ=HOURLY;COUNT=3\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:sek\r\nSUMMARY:Hvert sekund\r\nDTSTART:20261201T090000Z\r\n"
        "RRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:banko\r\nSUMMARY:Banko\r\nDTSTART:20261204T180000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    stu_put(f->stick, "program.ics", ics, sizeof ics - 1);
    sync_result res;
    vm_err err = {0};
    if (run(f, NULL, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(res.import.added, 4);
    char *log = stick_file(f, "fh-1/log.txt");
    assert_non_null(log);
    /* The event left out is named in plain Danish in the log. */
    assert_non_null(strstr(log, "begivenheden \"Hvert sekund\" (linje 10) gentages oftere end "
                                "hvert 15. minut og blev udeladt"));
    free(log);
    teardown(f);
}

/* ---- items 2 and 3: the stick's clock moves the kiosk's only to a plausible time */

static void test_clock_typo_refused(void **state)
{
    (void)state;
    fixture *f = setup("harms_clock");
    sync_options o = {0};
    o.build_time = ts_time("2026-11-01T00:00Z");
    first_sync(f, &o, NULL);
    sync_result res;
    vm_err err = {0};
    stu_join(f->s, "spis-1", "Karen", 1, f->now);
    int64_t key_time = f->now; /* the key file's created = */
    assert_int_equal(sync_clock_floor(f->s), key_time);

    /* A typo in time.txt: 2062 for 2026. */
    stu_put(f->stick, "time.txt", "23-11-2062 10:00\r\n", (size_t)-1);
    char *before = stu_dump_no_facts(f->db);
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_int_equal(sync_clock_floor(f->s), key_time);
    assert_int_equal(res.clock_floor, key_time);
    char summary[2048];
    sync_summary_text(&res, f->da, summary, sizeof summary);
    assert_non_null(strstr(summary, "USB-n\xC3\xB8glens ur (time.txt siger 2062-11-23 10:00) "
                                    "blev ikke brugt"));
    assert_non_null(strstr(summary, "Kioskens ur er ikke \xC3\xA6ndret"));
    char *log = stick_file(f, "fh-1/log.txt");
    assert_non_null(strstr(log, "time.txt siger 2062-11-23 10:00"));
    free(log);
    char *after = stu_dump_no_facts(f->db);
    stu_assert_same(before, after);
    free(before);
    free(after);

    /* A year after the last activity, within the build's years: also refused. */
    stu_put(f->stick, "time.txt", "2027-11-23 10:00", (size_t)-1);
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_int_equal(sync_clock_floor(f->s), key_time);
    assert_non_null(strstr(res.clock_note, "62"));

    /* A key file made by a kiosk whose clock said 2199. */
    rm_stick(f, "time.txt");
    char *key = stick_file(f, "vaermed.key");
    char *c = strstr(key, "created = ");
    assert_non_null(c);
    memcpy(c + 10, "2199", 4);
    stu_put(f->stick, "vaermed.key", key, (size_t)-1);
    free(key);
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_int_equal(sync_clock_floor(f->s), key_time);
    assert_non_null(strstr(res.clock_note, "vaermed.key"));

    /* A time.txt a few days ahead of a kiosk whose clock was behind: that is what it is
     * for, and the key file's wrong time does not stand in its way. */
    stu_put(f->stick, "time.txt", "2026-11-25 08:00", (size_t)-1);
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_non_null(strstr(res.clock_note, "vaermed.key"));
    assert_int_equal(sync_clock_floor(f->s), ts_time("2026-11-25 08:00"));

    /* And the staff can undo a floor. */
    int64_t was = 0;
    assert_int_equal(sync_clock_reset(f->s, &was, &err), VM_OK);
    assert_int_equal(was, ts_time("2026-11-25 08:00"));
    assert_int_equal(sync_clock_floor(f->s), 0);
    teardown(f);
}

/* A stick that brings its program decides by that program's last activity. */
static void test_clock_with_new_program(void **state)
{
    (void)state;
    fixture *f = setup("harms_clock_program");
    sync_options o = {0};
    o.build_time = ts_time("2026-01-01T00:00Z");
    f->now = ts_time("2026-01-02T00:00Z"); /* a Pi that lost its clock */
    stu_put(f->stick, "program.csv", program, sizeof program - 1);
    stu_put(f->stick, "time.txt", "2026-11-25 10:00", (size_t)-1);
    sync_result res;
    vm_err err = {0};
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_int_equal(sync_clock_floor(f->s), ts_time("2026-11-25 10:00"));
    assert_int_equal(res.import.added, 2);
    teardown(f);
}

/* A floor kept before sticks were bounded (2062, from a typo) is not used: the sync counts
 * from the kiosk's clock (the stick is not "expired", the program not "passed"), and a
 * plausible time from the stick replaces it; with none, the staff are told how to forget it. */
static void test_old_floor_past_the_bound(void **state)
{
    (void)state;
    fixture *f = setup("harms_old_floor");
    sync_options o = {0};
    o.build_time = ts_time("2026-11-01T00:00Z");
    first_sync(f, &o, NULL);
    sync_result res;
    vm_err err = {0};
    int64_t key_time = f->now;
    stu_join(f->s, "spis-1", "Karen", 1, f->now);

    /* The key file says 2199 too: the stick tells no usable time. */
    assert_int_equal(store_fact_set(f->s, "clock_floor", "2062-11-23T09:00:00Z", &err), VM_OK);
    char *key = stick_file(f, "vaermed.key");
    char *good_key = strdup(key);
    char *c = strstr(key, "created = ");
    assert_non_null(c);
    memcpy(c + 10, "2199", 4);
    stu_put(f->stick, "vaermed.key", key, (size_t)-1);
    free(key);
    const char more[] = "id;titel;start;slut\r\n"
                        "spis-1;F\xC3\xA6llesspisning;03-12-2026 18:00;03-12-2026 20:00\r\n"
                        "kaffe-1;Kaffe;04-12-2026 10:00;04-12-2026 11:00\r\n";
    stu_put(f->stick, "program.csv", more, sizeof more - 1);
    if (run(f, &o, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(res.import.added, 1);
    assert_int_equal(res.clock_floor, 0);
    assert_int_equal(sync_clock_floor(f->s), ts_time("2062-11-23T09:00Z"));
    char summary[2048];
    sync_summary_text(&res, f->da, summary, sizeof summary);
    if (!strstr(summary, "Tiden, en USB-n\xC3\xB8gle satte tidligere (2062-11-23 10:00), blev "
                         "ikke brugt") || !strstr(summary, "vaermed clock reset"))
        fail_msg("%s", summary);
    char *log = stick_file(f, "fh-1/log.txt");
    assert_non_null(strstr(log, "satte tidligere (2062-11-23 10:00)"));
    free(log);
    activity a;
    assert_int_equal(store_activity_get(f->s, "spis-1", &a, NULL, &err), VM_OK);
    assert_false(a.cancelled);

    /* The stick's own, plausible time replaces it. */
    stu_put(f->stick, "vaermed.key", good_key, (size_t)-1);
    free(good_key);
    assert_int_equal(run(f, &o, &res, &err), VM_OK);
    assert_int_equal(res.clock_floor, key_time);
    assert_int_equal(sync_clock_floor(f->s), key_time);
    assert_string_equal(res.clock_note, "");
    teardown(f);
}

/* ---- item 5: an empty program does not cancel everything */

static void test_empty_program_refused(void **state)
{
    (void)state;
    fixture *f = setup("harms_empty");
    first_sync(f, NULL, "Karen");
    sync_result res;
    vm_err err = {0};
    struct {
        const char *file;
        const char *data;
    } cases[] = {
        {"program.csv", "id;titel;start;slut;pladser\r\n"},       /* Excel, an empty sheet */
        {"program.csv", "\xEF\xBB\xBFtitel;start\r\n;\r\n;\r\n"}, /* and with empty rows */
        {"program.csv", "titel;start\r\nGammel;01-01-2026 10:00\r\n"}, /* nothing to come */
        {"program.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"},
        {"program.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Uden tid\r\n"
                        "END:VEVENT\r\nEND:VCALENDAR\r\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rm_stick(f, "program.csv");
        rm_stick(f, "program.ics");
        stu_put(f->stick, cases[i].file, cases[i].data, (size_t)-1);
        char *before = stu_dump(f->db);
        assert_int_equal(run(f, NULL, &res, &err), VM_ERR_INVALID);
        assert_int_equal(res.outcome, SYNC_OUTCOME_PROGRAM_REFUSED);
        assert_true(res.program_empty);
        char *after = stu_dump(f->db);
        stu_assert_same(before, after);
        free(before);
        free(after);
        char summary[2048];
        sync_summary_text(&res, f->da, summary, sizeof summary);
        if (!strstr(summary, i == 2 ? "Programmet p\xC3\xA5 USB-n\xC3\xB8glen har ingen kommende "
                                      "aktiviteter \xE2\x80\x93 intet er \xC3\xA6ndret."
                                    : "Programmet p\xC3\xA5 USB-n\xC3\xB8glen er tomt \xE2\x80\x93 "
                                      "intet er \xC3\xA6ndret."))
            fail_msg("case %zu: %s", i, summary);
        assert_non_null(strstr(summary, "program-tomt.txt"));
        assert_non_null(strstr(summary, "1 tilmelding gemt"));
    }
    /* Said on purpose: the program is emptied, the sign-ups kept. */
    stu_put(f->stick, "program-tomt.txt", "", 0);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.cancelled, 2);
    activity a;
    assert_int_equal(store_activity_get(f->s, "spis-1", &a, NULL, &err), VM_OK);
    assert_true(a.cancelled);
    char *log = stick_file(f, "fh-1/log.txt");
    assert_non_null(strstr(log, "program-tomt.txt"));
    free(log);
    /* With a program that is not empty, the marker is not used. */
    rm_stick(f, "program.ics");
    stu_put(f->stick, "program.csv", program, sizeof program - 1);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    assert_int_equal(res.import.restored, 2);
    teardown(f);
}

/* ---- item 6: the staff's own sheets get plain Danish, each sentence ended once */

static void test_excel_number_in_danish(void **state)
{
    (void)state;
    fixture *f = setup("harms_excel");
    const char sheet[] = "Nr;Titel;Start\r\n1,23457E+11;Banko;24-12-2026 18:00\r\n";
    stu_put(f->stick, "program.csv", sheet, sizeof sheet - 1);
    sync_result res;
    vm_err err = {0};
    char *before = stu_dump(f->db);
    assert_int_equal(run(f, NULL, &res, &err), VM_ERR_INVALID);
    char *after = stu_dump(f->db);
    stu_assert_same(before, after);
    free(before);
    free(after);
    char summary[2048];
    sync_summary_text(&res, f->da, summary, sizeof summary);
    if (!strstr(summary, "linje 2, kolonne \"Nr\": \"1,23457E+11\" er s\xC3\xA5" "dan, Excel viser "
                         "et langt tal") ||
        !strstr(summary, "og gem. Kioskens program er u\xC3\xA6ndret.") || strstr(summary, ".."))
        fail_msg("%s", summary);
    teardown(f);
}

/* A stick that fills up: said in Danish, the kiosk's data untouched. */
static ssize_t full_write(void *user, int fd, const void *buf, size_t n)
{
    (void)user;
    (void)fd;
    (void)buf;
    (void)n;
    errno = ENOSPC;
    return -1;
}

static void test_full_stick_in_danish(void **state)
{
    (void)state;
    fixture *f = setup("harms_full");
    first_sync(f, NULL, "Karen");
    sync_result res;
    vm_err err = {0};
    char *before = stu_dump_no_facts(f->db);
    sync_io io = {.write = full_write};
    sync_options o = {0};
    o.io = &io;
    assert_int_equal(run(f, &o, &res, &err), VM_ERR_IO);
    char *after = stu_dump_no_facts(f->db);
    stu_assert_same(before, after);
    free(before);
    free(after);
    char summary[2048];
    sync_summary_text(&res, f->da, summary, sizeof summary);
    if (!strstr(summary, "USB-n\xC3\xB8glen er fuld") || strstr(summary, "full") ||
        strstr(summary, " the ") || strstr(summary, "could not"))
        fail_msg("%s", summary);
    teardown(f);
}

/* ---- item 7: a pulled stick's temporary files go with the next sync */

static void test_stale_temp_files_removed(void **state)
{
    (void)state;
    fixture *f = setup("harms_temps");
    first_sync(f, NULL, NULL);
    sync_result res;
    vm_err err = {0};
    char kdir[1100];
    snprintf(kdir, sizeof kdir, "%s/vaermed/fh-1", f->stick);
    /* What a stick pulled in the middle of an export leaves: the PDF writer's temp (1.7 MB
     * for a full week), the atomic writers' and the database snapshot's. */
    size_t big = 1700 * 1024;
    char *pdf = calloc(1, big);
    memcpy(pdf, "%PDF-1.5", 8);
    ts_write_file(ts_path(kdir, "ugeprogram.pdf.tmp-4242"), pdf, big);
    ts_write_file(ts_path(kdir, "ugeprogram.pdf.tmp-977"), pdf, 100);
    free(pdf);
    ts_write_file(ts_path(kdir, ".tilmeldinger.csv.tmp"), "Tilmelding-id;", (size_t)-1);
    ts_write_file(ts_path(kdir, ".vaermed-fh-1.db.tmp.tmp"), "SQLite", (size_t)-1);
    ts_write_file(ts_path(kdir, ".vaermed-fh-1.db.tmp.tmp-journal"), "x", (size_t)-1);
    /* What is not ours stays: the staff's own files, a folder, and what a link points at. */
    ts_write_file(ts_path(kdir, "noter.txt"), "husk kaffe", (size_t)-1);
    ts_write_file(ts_path(kdir, "plan.tmp-udkast"), "x", (size_t)-1);
    mkdir(ts_path(kdir, "gem.tmp-1"), 0755);
    ts_write_file(ts_path(f->dir, "outside.txt"), "keep me", (size_t)-1);
    assert_int_equal(symlink(ts_path(f->dir, "outside.txt"), ts_path(kdir, "link.tmp-5")), 0);
    assert_int_equal(run(f, NULL, &res, &err), VM_OK);
    char *list = stu_listing(kdir);
    assert_null(strstr(list, ".tmp-4242"));
    assert_null(strstr(list, ".tmp-977"));
    assert_null(strstr(list, ".tilmeldinger.csv.tmp"));
    assert_null(strstr(list, ".db.tmp.tmp"));
    assert_null(strstr(list, "link.tmp-5"));
    assert_non_null(strstr(list, "noter.txt"));
    assert_non_null(strstr(list, "plan.tmp-udkast"));
    assert_non_null(strstr(list, "gem.tmp-1"));
    assert_non_null(strstr(list, "tilmeldinger.csv"));
    free(list);
    size_t len;
    char *outside = ts_read_file(ts_path(f->dir, "outside.txt"), &len);
    assert_string_equal(outside, "keep me");
    free(outside);
    char *log = stick_file(f, "fh-1/log.txt");
    assert_non_null(strstr(log, "6 midlertidige filer fra en tidligere synkronisering"));
    free(log);
    teardown(f);
}

/* ---- a file cut off while staff's PC wrote it (the stick pulled too early) */

/* `file` from tests/sync/data cut: before its last `tail` bytes, or (tail < 0) before the
 * line holding `at` (whole lines, the file ending inside a component), or in the middle of
 * the line holding `at` (mid > 0: that many bytes of it kept). */
static char *cut_copy(const char *file, const char *at, long tail, size_t mid, size_t *len)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/sync/data/%s", file);
    char *data = ts_read_file(ts_source_path(rel), len);
    assert_non_null(data);
    if (!at) {
        assert_true(tail > 0 && (size_t)tail < *len);
        *len -= (size_t)tail;
        return data;
    }
    char *p = strstr(data, at);
    assert_non_null(p);
    while (p > data && p[-1] != '\n')
        p--;
    *len = (size_t)(p - data) + mid;
    return data;
}

static void test_cut_off_files(void **state)
{
    (void)state;
    fixture *f = setup("harms_cut");
    first_sync(f, NULL, "Karen");
    sync_result res;
    vm_err err = {0};
    struct {
        const char *file, *at;
        long tail;
        size_t mid;
        const char *where; /* what the log says of where it stops */
    } cases[] = {
        /* Outlook: the last END:VCALENDAR never written */
        {"outlook-exchange.ics", "END:VCALENDAR", 0, 0, "BEGIN:VCALENDAR"},
        /* Outlook: cut between the lines of an event */
        {"outlook-exchange.ics", "LOCATION", 0, 0, "BEGIN:VEVENT fra linje 44"},
        /* Google: cut inside a date ("DTSTART;TZID=...:2026100") */
        {"google.ics", "DTSTART;TZID=Europe/Copenhagen:20261001T100000", 0, 38,
         "BEGIN:VEVENT"},
        /* Thunderbird: cut in "END:VEVENT" itself */
        {"thunderbird.ics", "END:VEVENT", 0, 5, "BEGIN:VEVENT"},
        /* Excel's ugeplan: the last row cut in its fourth cell ("Fællesspisning" gone) */
        {"program-ugeplan.csv", NULL, 40, 0, "linje 7 holder op midt i r\xC3\xA6kken"},
        /* a comma file cut inside a quoted cell */
        {"program-comma.csv", "\"Yoga, stille\"", 0, 16, "lukkes aldrig"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *data = cut_copy(cases[i].file, cases[i].at, cases[i].tail, cases[i].mid, &len);
        const char *name = strstr(cases[i].file, ".ics") ? "program.ics" : "program.csv";
        rm_stick(f, "program.csv");
        rm_stick(f, "program.ics");
        rm_stick(f, "fh-1/log.txt");
        stu_put(f->stick, name, data, len);
        free(data);
        char *before = stu_dump(f->db);
        size_t raw_len;
        char *raw = ts_read_file(f->db, &raw_len);
        assert_int_equal(run(f, NULL, &res, &err), VM_ERR_INVALID);
        assert_int_equal(res.outcome, SYNC_OUTCOME_PROGRAM_REFUSED);
        if (!res.program_cut_off)
            fail_msg("case %zu not said to be cut off: %s", i, err.msg);
        assert_int_equal(res.import.added + res.import.changed + res.import.cancelled, 0);
        char *after = stu_dump(f->db);
        stu_assert_same(before, after);
        size_t raw_len2;
        char *raw2 = ts_read_file(f->db, &raw_len2);
        assert_true(raw_len == raw_len2 && memcmp(raw, raw2, raw_len) == 0);
        free(before);
        free(after);
        free(raw);
        free(raw2);
        char summary[2048], want[300];
        sync_summary_text(&res, f->da, summary, sizeof summary);
        snprintf(want, sizeof want,
                 "Filen %s ser ud til at v\xC3\xA6re sk\xC3\xA5ret af \xE2\x80\x93 blev "
                 "USB-n\xC3\xB8glen taget ud for tidligt? Intet er \xC3\xA6ndret.",
                 name);
        if (!strstr(summary, want))
            fail_msg("case %zu: %s", i, summary);
        assert_non_null(strstr(summary, "1 tilmelding gemt"));
        /* The log on the stick says it too, and where the file stops. */
        char *log = stick_file(f, "fh-1/log.txt");
        assert_non_null(log);
        if (!strstr(log, want) || !strstr(log, cases[i].where))
            fail_msg("case %zu: the log says\n%s", i, log);
        free(log);
    }
    /* A file typed in Notepad may end without a line break, or with rows shorter than its
     * header: whole, it is read. */
    rm_stick(f, "program.ics");
    const char typed[] = "titel;start;pladser;noter\r\nBanko;06-12-2026 14:00\r\n"
                         "Kaffe;07-12-2026 10:00";
    stu_put(f->stick, "program.csv", typed, sizeof typed - 1);
    if (run(f, NULL, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_false(res.program_cut_off);
    const char whole[] = "titel;start;pladser\r\nBanko;06-12-2026 14:00;40\r\n"
                         "Kaffe;07-12-2026 10:00;12";
    stu_put(f->stick, "program.csv", whole, sizeof whole - 1);
    if (run(f, NULL, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    /* A quote opened by mistake swallows the rows after it: its line is said, not "cut off". */
    const char stray[] = "titel;start;pladser\r\n\"Banko;06-12-2026 14:00;40\r\n"
                         "Kaffe;07-12-2026 10:00;12\r\n";
    stu_put(f->stick, "program.csv", stray, sizeof stray - 1);
    assert_int_equal(run(f, NULL, &res, &err), VM_ERR_INVALID);
    assert_false(res.program_cut_off);
    assert_non_null(strstr(err.msg, "linje 2"));
    /* A calendar with a real mistake in its middle still gets its line, not "cut off". */
    rm_stick(f, "program.csv");
    const char wrong[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                         "SUMMARY:A\r\nDTSTART:20261301T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    stu_put(f->stick, "program.ics", wrong, sizeof wrong - 1);
    assert_int_equal(run(f, NULL, &res, &err), VM_ERR_INVALID);
    assert_false(res.program_cut_off);
    assert_non_null(strstr(err.msg, "linje 6"));
    teardown(f);
}

/* ---- making a staff stick leaves no key behind but its own (vaermed stick init) */

/* The side files staff put on the stick beside the program, cut the same way: said as
 * plainly, nothing of them used, the kiosk's contacts and ideas kept. */
static const char contacts[] =
    "Navn;Rolle;Telefon;Tider\r\n"
    "Hanne Jensen;Boligsocial medarbejder;+45 21 43 65 87;Man.-tors. 9-15\r\n"
    "S\xC3\xB8ren Madsen;Varmemester;70 12 34 56;Hverdage 7-15\r\n"
    "R\xC3\xA5" "dgivningen;Om penge og breve;;\"Tirsdag 10-12\r\ni F\xC3\xA6lleshuset\"\r\n";
static const char ideas[] = "Id\xC3\xA9;Pictogram\r\n"
                            "Yoga;motion\r\n"
                            "\"Tur til stranden; med kaffe\";natur\r\n"
                            "Havedag;have\r\n";

static void test_cut_off_side_files(void **state)
{
    (void)state;
    fixture *f = setup("harms_cut_side");
    stu_put(f->stick, "program.csv", program, sizeof program - 1);
    stu_put(f->stick, "kontakter.csv", contacts, sizeof contacts - 1);
    stu_put(f->stick, "ideer.csv", ideas, sizeof ideas - 1);
    sync_result res;
    vm_err err = {0};
    if (run(f, NULL, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(res.contacts, 3);
    assert_int_equal(res.ideas, 3);
    struct {
        const char *file, *text, *at; /* cut where `at` starts, plus `mid` bytes of it */
        size_t mid;
        const char *where; /* what the log says of where it stops */
    } cases[] = {
        /* the last row stops in its phone number: "70 12" */
        {"kontakter.csv", contacts, "S\xC3\xB8ren", 31, "linje 3 holder op midt i r\xC3\xA6kken"},
        /* the last row stops after its name */
        {"kontakter.csv", contacts, "R\xC3\xA5", 13, "linje 4 holder op midt i r\xC3\xA6kken"},
        /* inside the quoted cell with a line break */
        {"kontakter.csv", contacts, "i F\xC3\xA6", 3, "lukkes aldrig"},
        /* the last row without its pictogram */
        {"ideer.csv", ideas, "Havedag", 7, "linje 4 holder op midt i r\xC3\xA6kken"},
        /* inside a quoted idea */
        {"ideer.csv", ideas, "\"Tur", 12, "lukkes aldrig"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *at = strstr(cases[i].text, cases[i].at);
        assert_non_null(at);
        size_t len = (size_t)(at - cases[i].text) + cases[i].mid;
        bool is_contacts = strcmp(cases[i].file, "kontakter.csv") == 0;
        rm_stick(f, "fh-1/log.txt");
        stu_put(f->stick, "kontakter.csv", contacts, sizeof contacts - 1);
        stu_put(f->stick, "ideer.csv", ideas, sizeof ideas - 1);
        stu_put(f->stick, cases[i].file, cases[i].text, len);
        char *before = stu_dump_no_facts(f->db);
        if (run(f, NULL, &res, &err) != VM_OK) /* the program and the rest go on */
            fail_msg("case %zu: %s", i, err.msg);
        assert_int_equal(is_contacts ? res.contacts : res.ideas, -1);
        assert_int_equal(is_contacts ? res.ideas : res.contacts, 3);
        char *after = stu_dump_no_facts(f->db);
        stu_assert_same(before, after);
        free(before);
        free(after);
        contact *c = NULL;
        idea *d = NULL;
        size_t nc = 0, nd = 0;
        assert_int_equal(store_contacts_list(f->s, &c, &nc, &err), VM_OK);
        assert_int_equal(store_ideas_list(f->s, &d, &nd, &err), VM_OK);
        assert_int_equal(nc, 3);
        assert_int_equal(nd, 3);
        assert_string_equal(c[1].phone, "70 12 34 56");
        assert_string_equal(c[2].role, "Om penge og breve");
        free(c);
        free(d);
        char summary[2048], want[300];
        sync_summary_text(&res, f->da, summary, sizeof summary);
        snprintf(want, sizeof want,
                 "Filen %s ser ud til at v\xC3\xA6re sk\xC3\xA5ret af \xE2\x80\x93 blev "
                 "USB-n\xC3\xB8glen taget ud for tidligt? Intet er \xC3\xA6ndret.",
                 cases[i].file);
        if (!strstr(summary, want) || strstr(summary, "lukkes aldrig"))
            fail_msg("case %zu: %s", i, summary);
        /* The log on the stick says it too, and where the file stops. */
        char *log = stick_file(f, "fh-1/log.txt");
        assert_non_null(log);
        if (!strstr(log, want) || !strstr(log, cases[i].where))
            fail_msg("case %zu: the log says\n%s", i, log);
        free(log);
    }
    /* Typed in Notepad: no line break at the end, or rows shorter than the header (the
     * later columns left out): whole, they are read. */
    stu_put(f->stick, "kontakter.csv",
            "Navn;Rolle;Telefon\r\nHanne Jensen;Pedel\r\nS\xC3\xB8ren Madsen;Varmemester", (size_t)-1);
    stu_put(f->stick, "ideer.csv", "Id\xC3\xA9;Pictogram\r\nYoga;motion\r\nHavedag;have",
            (size_t)-1);
    if (run(f, NULL, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    if (res.contacts != 2 || res.ideas != 2)
        fail_msg("%s / %s", res.contacts_note, res.ideas_note);
    teardown(f);
}

/* A write-protected stick, as the system says it (test_stick_init_leaves_no_temp). */
static int readonly_open(void *user, int dirfd, const char *name, int flags, mode_t mode)
{
    (void)user, (void)dirfd, (void)name, (void)flags, (void)mode;
    errno = EROFS;
    return -1;
}

static ssize_t readonly_write(void *user, int fd, const void *buf, size_t n)
{
    (void)user, (void)fd, (void)buf, (void)n;
    errno = EROFS;
    return -1;
}

static void test_stick_init_leaves_no_temp(void **state)
{
    (void)state;
    fixture *f = setup("harms_init");
    uint8_t key[32];
    memset(key, 7, sizeof key);
    vm_err err = {0};
    /* A full stick: the key file's first bytes cannot be written (a file size limit is a
     * full disk to write(2), also for root). */
    char full[1100];
    snprintf(full, sizeof full, "%s", ts_path(f->dir, "full"));
    mkdir(full, 0755);
    char *before = stu_dump(f->db);
    struct rlimit was, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
    small = (struct rlimit){64, was.rlim_max}; /* the soft limit only: it can be put back */
    void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    vm_status st = sync_stick_init(f->s, full, key, f->now, NULL, 0, f->da, NULL, &err);
    setrlimit(RLIMIT_FSIZE, &was);
    signal(SIGXFSZ, old);
    assert_int_equal(st, VM_ERR_IO);
    if (!strstr(err.msg, "USB-n\xC3\xB8glen er fuld"))
        fail_msg("%s", err.msg);
    char *list = stu_listing(full);
    if (strstr(list, "tmp") || strstr(list, "vaermed.key"))
        fail_msg("left on the stick:\n%s", list);
    free(list);
    char *after = stu_dump(f->db);
    stu_assert_same(before, after); /* the kiosk knows no key that is on no stick */
    free(after);
    /* A write-protected stick: the system says EROFS when the key file is made (a stick
     * with its lock switch on, mounted read-only), or only when it is written (FAT put
     * read-only after an error). Through the I/O seam, so it runs as root too. */
    sync_io protect[] = {{.open = readonly_open}, {.write = readonly_write}};
    for (size_t i = 0; i < sizeof protect / sizeof protect[0]; i++) {
        char ro[1100];
        snprintf(ro, sizeof ro, "%s", ts_path(f->dir, i ? "ro-write" : "ro-open"));
        mkdir(ro, 0755);
        mkdir(ts_path(ro, "vaermed"), 0755); /* a stick that has been a staff stick's */
        sync_init_result ir;
        st = sync_stick_init_io(f->s, ro, key, f->now, NULL, 0, &protect[i], f->da, &ir, &err);
        assert_int_equal(st, VM_ERR_IO);
        assert_false(ir.new_key);
        if (!strstr(err.msg, "USB-n\xC3\xB8glen er skrivebeskyttet"))
            fail_msg("case %zu: %s", i, err.msg);
        list = stu_listing(ro);
        if (strstr(list, "tmp") || strstr(list, "vaermed.key"))
            fail_msg("case %zu: left on the stick:\n%s", i, list);
        free(list);
        after = stu_dump(f->db);
        stu_assert_same(before, after); /* no key remembered */
        free(after);
    }
    free(before);
    /* An init stopped halfway before (the stick pulled, the command killed) left its temp
     * key file; making the stick again removes it, also when the stick keeps its key. */
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s/vaermed/.vaermed.key.tmp", f->stick);
    ts_write_file(tmp, "key = 0123", 10);
    assert_int_equal(sync_stick_init(f->s, f->stick, key, f->now, NULL, 0, f->da, NULL, &err),
                     VM_OK);
    list = stu_listing(f->stick);
    if (strstr(list, "tmp"))
        fail_msg("left on the stick:\n%s", list);
    assert_non_null(strstr(list, "vaermed.key"));
    free(list);
    teardown(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hourly_calendar_imports),
        cmocka_unit_test(test_clock_typo_refused),
        cmocka_unit_test(test_clock_with_new_program),
        cmocka_unit_test(test_old_floor_past_the_bound),
        cmocka_unit_test(test_empty_program_refused),
        cmocka_unit_test(test_excel_number_in_danish),
        cmocka_unit_test(test_full_stick_in_danish),
        cmocka_unit_test(test_stale_temp_files_removed),
        cmocka_unit_test(test_cut_off_files),
        cmocka_unit_test(test_cut_off_side_files),
        cmocka_unit_test(test_stick_init_leaves_no_temp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
