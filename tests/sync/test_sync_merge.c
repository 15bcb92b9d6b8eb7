/* vaermed merge: several kiosks' exports, each sign-up counted once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "sync/sync.h"
#include "sync/sync_merge.h"
#include "sync_test_util.h"
#include "test_support.h"

#define HDR "\xEF\xBB\xBFTilmelding-id;Aktivitet-id;Aktivitet;Dato;Tid;Opgave;Navn;Voksne;" \
            "B\xC3\xB8rn;F\xC3\xB8lgeskab;Status;Venteplads;Tilmeldt;Opdateret;Kiosk\r\n"
#define S1 "11111111-1111-4111-8111-111111111111"
#define S2 "22222222-2222-4222-8222-222222222222"
#define S3 "33333333-3333-4333-8333-333333333333"

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* The same kiosk's folder on two sticks, synced on Monday and on Friday: the later status
 * wins and nobody is counted twice. */
static void test_latest_status_wins(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_merge_latest");
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%s", ts_path(dir, "stickA"));
    snprintf(b, sizeof b, "%s", ts_path(dir, "stickB"));
    mkdir(a, 0755);
    mkdir(b, 0755);
    const char monday[] = HDR
        S1 ";spis-1;F\xC3\xA6llesspisning;03-12-2026;18:00;;S\xC3\xB8ren;2;1;;tilmeldt;;"
           "23-11-2026 11:00;2026-11-23T10:00:00Z;fh-1\r\n"
        S2 ";spis-1;F\xC3\xA6llesspisning;03-12-2026;18:00;;\"'=1+1\";1;0;;tilmeldt;;"
           "23-11-2026 12:00;2026-11-23T11:00:00Z;fh-1\r\n";
    const char friday[] = HDR
        S1 ";spis-1;F\xC3\xA6llesspisning;03-12-2026;18:00;;S\xC3\xB8ren;2;1;;afmeldt;;"
           "23-11-2026 11:00;2026-11-27T09:00:00Z;fh-1\r\n"
        S2 ";spis-1;F\xC3\xA6llesspisning;03-12-2026;18:00;;\"'=1+1\";1;0;;tilmeldt;;"
           "23-11-2026 12:00;2026-11-23T11:00:00Z;fh-1\r\n"
        S3 ";banko-1;Banko;01-12-2026;14:00;;Lis;1;0;ja;venteliste;1;"
           "26-11-2026 09:00;2026-11-26T08:00:00Z;fh-1\r\n";
    /* Monday's copy is given second, so the order of the inputs does not decide. */
    char p[1200];
    snprintf(p, sizeof p, "%s/vaermed/fh-1", a);
    mkdir(ts_path(a, "vaermed"), 0755);
    mkdir(p, 0755);
    ts_write_file(ts_path(p, "tilmeldinger.csv"), friday, sizeof friday - 1);
    snprintf(p, sizeof p, "%s/vaermed/fh-1", b);
    mkdir(ts_path(b, "vaermed"), 0755);
    mkdir(p, 0755);
    ts_write_file(ts_path(p, "tilmeldinger.csv"), monday, sizeof monday - 1);

    const char *inputs[] = {a, b};
    const char *out = ts_path(dir, "alle.csv");
    sync_merge_report rep;
    vm_err err = {0};
    if (sync_merge(inputs, 2, out, NULL, NULL, &rep, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(rep.files, 2);
    assert_int_equal(rep.rows, 5);
    assert_int_equal(rep.signups, 3);
    assert_int_equal(rep.duplicates, 2);
    size_t len;
    char *csv = ts_read_file(out, &len);
    assert_non_null(csv);
    /* The output names the kiosks too (Kiosknavn, empty for these older lists). */
    static const char hdr_out[] = "\xEF\xBB\xBFTilmelding-id;Aktivitet-id;Aktivitet;Dato;Tid;"
                                  "Opgave;Navn;Voksne;B\xC3\xB8rn;F\xC3\xB8lgeskab;Status;"
                                  "Venteplads;Tilmeldt;Opdateret;Kiosk;Kiosknavn\r\n";
    assert_memory_equal(csv, hdr_out, sizeof hdr_out - 1);
    assert_int_equal(count(csv, S1), 1);
    assert_int_equal(count(csv, S2), 1);
    assert_int_equal(count(csv, S3), 1);
    assert_non_null(strstr(csv, "S\xC3\xB8ren;2;1;;afmeldt"));
    assert_non_null(strstr(csv, ";\"'=1+1\";")); /* still harmless in the output */
    /* Sorted by the activity's time: banko (1 Dec) before the fællesspisning (3 Dec). */
    assert_true(strstr(csv, S3) < strstr(csv, S1));
    free(csv);

    /* A file re-saved by Excel as Windows-1252 with ';' reads the same. */
    const char cp1252[] = "Tilmelding-id;Aktivitet-id;Aktivitet;Dato;Tid;Opgave;Navn;Voksne;"
                          "B\xF8rn;F\xF8lgeskab;Status;Venteplads;Tilmeldt;Opdateret;Kiosk\r\n" S3
                          ";banko-1;Banko;01-12-2026;14:00;;Lis;1;0;ja;tilmeldt;;"
                          "26-11-2026 09:00;2026-11-28T08:00:00Z;fh-1\r\n";
    const char *cpath = ts_path(dir, "excel.csv");
    ts_write_file(cpath, cp1252, sizeof cp1252 - 1);
    const char *inputs2[] = {a, cpath};
    assert_int_equal(sync_merge(inputs2, 2, out, NULL, NULL, &rep, &err), VM_OK);
    assert_int_equal(rep.signups, 3);
    csv = ts_read_file(out, &len);
    assert_non_null(strstr(csv, "Lis;1;0;ja;tilmeldt;;"));
    free(csv);
}

/* Two kiosks synced to the same stick: merging the stick counts each sign-up once. */
static void test_two_kiosks_one_stick(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("sync_merge_two");
    char stick[1024], d1[1024], d2[1024];
    snprintf(stick, sizeof stick, "%s", ts_path(dir, "stick"));
    snprintf(d1, sizeof d1, "%s", ts_path(dir, "k1"));
    snprintf(d2, sizeof d2, "%s", ts_path(dir, "k2"));
    mkdir(d1, 0755);
    mkdir(d2, 0755);
    int64_t now = ts_time("2026-11-23T10:00Z");
    store *k1 = stu_kiosk(d1, "fh-1"), *k2 = stu_kiosk(d2, "fh-2");
    stu_authorise(k1, stick, 3, now);
    stu_authorise(k2, stick, 3, now);
    /* One staff key for both kiosks: the lists are sealed to it. */
    seal_secret staff;
    stu_staff_key(k1, &staff);
    char pub[SEAL_PUBLIC_TEXT_MAX];
    seal_public_to_text(&staff.pub, pub);
    vm_err kerr = {0};
    assert_int_equal(store_staff_key_add(k2, pub, "", now, NULL, &kerr), VM_OK);
    const char prog[] = "id;titel;start;pladser\r\nspis-1;Spis;03-12-2026 18:00;40\r\n";
    stu_put(stick, "program.csv", prog, sizeof prog - 1);
    sync_result res;
    vm_err err = {0};
    sync_options o1 = {0}, o2 = {0};
    o1.kiosk_name = "F\xC3\xA6lleshuset";
    o2.kiosk_name = "Vaskeriet";
    assert_int_equal(sync_run(k1, stick, now, &o1, &res, &err), VM_OK);
    assert_int_equal(sync_run(k2, stick, now, &o2, &res, &err), VM_OK);
    stu_join(k1, "spis-1", "Ann", 1, now);
    stu_join(k1, "spis-1", "Bo", 2, now);
    stu_join(k1, "spis-1", "ann", 3, now); /* the same first name: one person, two visits */
    stu_join(k2, "spis-1", "Cai", 4, now);
    stu_join(k2, "spis-1", "Bo", 5, now);
    assert_int_equal(sync_run(k1, stick, now + 60, &o1, &res, &err), VM_OK);
    assert_int_equal(sync_run(k2, stick, now + 60, &o2, &res, &err), VM_OK);
    /* And the stick's kiosk folders a second time, as if copied to a laptop twice. */
    char vdir[1100];
    snprintf(vdir, sizeof vdir, "%s/vaermed", stick);
    const char *inputs[] = {stick, vdir};
    sync_merge_report rep;
    /* Sealed: without the staff key, nothing; with it, the lists. */
    assert_int_equal(sync_merge(inputs, 2, ts_path(dir, "alle.csv"), NULL, NULL, &rep, &err),
                     VM_ERR_REFUSED);
    assert_non_null(strstr(err.msg, "--key"));
    assert_int_not_equal(access(ts_path(dir, "alle.csv"), F_OK), 0);
    assert_int_equal(sync_merge(inputs, 2, ts_path(dir, "alle.csv"), &staff, NULL, &rep, &err),
                     VM_OK);
    seal_secret_wipe(&staff);
    assert_int_equal(rep.files, 4);
    assert_int_equal(rep.signups, 5);
    /* k2 synced after k1, so its list holds k1's sign-ups too (counted with it, without
     * names): 3 + 5 rows, read twice, are 5 sign-ups and 11 copies. */
    assert_int_equal(rep.duplicates, 11);
    /* Per kiosk, by the name it was given: visits and different people. */
    assert_int_equal(rep.n_kiosks, 2);
    int at1 = strcmp(rep.kiosk[0].kiosk_id, "fh-1") == 0 ? 0 : 1;
    assert_string_equal(rep.kiosk[at1].kiosk_id, "fh-1");
    assert_string_equal(rep.kiosk[at1].kiosk_name, "F\xC3\xA6lleshuset");
    assert_int_equal(rep.kiosk[at1].signups, 3);
    assert_int_equal(rep.kiosk[at1].people, 2);
    assert_string_equal(rep.kiosk[1 - at1].kiosk_name, "Vaskeriet");
    assert_int_equal(rep.kiosk[1 - at1].signups, 2);
    assert_int_equal(rep.kiosk[1 - at1].people, 2);
    /* The estate: five visits, three people (Ann, Bo, Cai; Bo came at both kiosks). */
    assert_int_equal(rep.estate.signups, 5);
    assert_int_equal(rep.estate.heads, 5);
    assert_int_equal(rep.estate.people, 3);
    {
        size_t len;
        char *csv = ts_read_file(ts_path(dir, "alle.csv"), &len);
        assert_non_null(csv);
        /* Every sign-up has its name, whichever copy won. */
        assert_non_null(strstr(csv, ";Ann;"));
        assert_non_null(strstr(csv, ";Bo;"));
        assert_non_null(strstr(csv, ";Cai;"));
        /* Every row names the kiosk it was made at, also where k2's copy won. */
        assert_null(strstr(csv, ";fh-1;\r\n"));
        assert_non_null(strstr(csv, ";fh-1;F\xC3\xA6lleshuset\r\n"));
        assert_non_null(strstr(csv, ";fh-2;Vaskeriet\r\n"));
        free(csv);
    }
    store_close(k1);
    store_close(k2);

    /* Nothing to merge: said plainly. */
    const char *none[] = {d1};
    assert_int_equal(sync_merge(none, 1, ts_path(dir, "x.csv"), NULL, NULL, &rep, &err),
                     VM_ERR_NOT_FOUND);
    /* Not a sign-up list. */
    ts_write_file(ts_path(dir, "prog.csv"), prog, sizeof prog - 1);
    const char *bad[] = {ts_path(dir, "prog.csv")};
    assert_int_equal(sync_merge(bad, 1, ts_path(dir, "x.csv"), NULL, NULL, &rep, &err),
                     VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "not a sign-up list"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_latest_status_wins),
        cmocka_unit_test(test_two_kiosks_one_stick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
