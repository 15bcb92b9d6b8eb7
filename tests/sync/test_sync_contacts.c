/* kontakter.csv: who residents can ask, from the staff's stick. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalogs.h"
#include "sync/sync.h"
#include "sync/sync_contacts.h"
#include "sync/sync_photo.h"
#include "sync_test_util.h"
#include "test_support.h"

static i18n_catalog *danish(void)
{
    vm_err err = {0};
    i18n_catalog *da = i18n_catalog_embedded("da", &err);
    assert_non_null(da);
    return da;
}

static vm_status read_text(const char *text, i18n_catalog *cat, contact **out, size_t *n,
                           vm_err *err)
{
    return sync_read_contacts(text, strlen(text), cat, out, n, NULL, err);
}

/* As Danish Excel saves a sheet: Windows-1252, ';', CRLF, a column the kiosk does not know,
 * an empty row at the end. */
static void excel_file_as_saved(void **state)
{
    (void)state;
    size_t len;
    char *data = ts_read_file(ts_source_path("tests/sync/data/kontakter-cp1252.csv"), &len);
    assert_non_null(data);
    i18n_catalog *da = danish();
    contact *c = NULL;
    size_t n = 0;
    char *notes = NULL;
    vm_err err = {0};
    if (sync_read_contacts(data, len, da, &c, &n, &notes, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(n, 3);
    assert_string_equal(c[0].name, "Hanne Jensen");
    assert_string_equal(c[0].role, "Boligsocial medarbejder");
    assert_string_equal(c[0].phone, "+45 21 43 65 87");
    assert_string_equal(c[0].hours, "Man.-tors. 9-15");
    assert_string_equal(c[1].name, "S\xC3\xB8ren Madsen");
    assert_string_equal(c[2].name, "R\xC3\xA5" "dgivningen");
    assert_string_equal(c[2].phone, "");
    assert_string_equal(c[2].hours, "Tirsdag 10-12 i F\xC3\xA6lleshuset");
    /* the log says how it was read and what was not used, in Danish */
    assert_non_null(notes);
    assert_non_null(strstr(notes, "Windows-1252"));
    assert_null(strstr(notes, "\"Billede\"")); /* the photo's column is known */
    free(notes);
    free(c);
    free(data);

    /* UTF-8 with a BOM, commas, English column names, quoted cells */
    const char *en = "\xEF\xBB\xBFName,Role,Phone,Opening hours\n"
                     "\"Ali, caretaker\",Caretaker,112,\"Mon-Fri 7-15\"\n";
    assert_int_equal(read_text(en, NULL, &c, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(c[0].name, "Ali, caretaker");
    assert_string_equal(c[0].phone, "112");
    assert_string_equal(c[0].hours, "Mon-Fri 7-15");
    free(c);

    /* only the header row: an empty list (the staff took everybody off) */
    assert_int_equal(read_text("navn;telefon\r\n", NULL, &c, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    assert_null(c);
    i18n_catalog_free(da);
}

static void refused(const char *text, const char *want)
{
    i18n_catalog *da = danish();
    contact *c = (contact *)1;
    size_t n = 7;
    vm_err err = {0};
    vm_status st = read_text(text, da, &c, &n, &err);
    if (st == VM_OK)
        fail_msg("was read: %s", text);
    assert_null(c);
    assert_int_equal(n, 0);
    if (!strstr(err.msg, want))
        fail_msg("\"%s\" does not say \"%s\"", err.msg, want);
    i18n_catalog_free(da);
}

/* Each bad file is refused with the line, the column as the staff named it and the reason,
 * in plain Danish. */
static void bad_files_say_where_and_why(void **state)
{
    (void)state;
    refused("", "tom");
    refused("Rolle;Telefon\r\nVarmemester;12345678\r\n", "\"navn\"");
    refused("Navn;Tlf\r\nHanne;1,23457E+11\r\n",
            "linje 2, kolonne \"Tlf\": \"1,23457E+11\" er sådan");
    refused("Navn;Tlf\r\nHanne;ring til mig\r\n", "linje 2, kolonne \"Tlf\": telefonnummeret");
    refused("Navn;Tlf\r\nHanne;12\r\n", "3 til 15 cifre");
    refused("Navn;Rolle\r\nHanne;Boligsocial\r\n;Varmemester\r\n", "linje 3: navnet er tomt");
    refused("Navn;Navn\r\nHanne;Hanne\r\n", "betyder begge");
    refused("Navn;Rolle\r\nHanne;a;b\r\n", "linje 2 har flere celler");
    refused("Navn\r\n\"Hanne\r\n", "linje 2");
    char longrole[400];
    snprintf(longrole, sizeof longrole, "Navn;Rolle\r\nHanne;%0120d\r\n", 0);
    refused(longrole, "har 120 tegn, og der er plads til 95");
    /* a whole screen at most */
    char many[4096] = "navn\n";
    for (int i = 0; i <= CONTACTS_MAX; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "Person %d\n", i);
    refused(many, "linje 26: mere end 24 kontakter");
    /* UTF-16 (Excel's "Unicode text") and a file too big */
    refused("\xFF\xFEN\0a\0v\0n\0", "Unicode");
    char *big = malloc(SYNC_CONTACTS_MAX_BYTES + 2);
    memset(big, 'a', SYNC_CONTACTS_MAX_BYTES + 1);
    big[SYNC_CONTACTS_MAX_BYTES + 1] = '\0';
    refused(big, "64 KB");
    free(big);
}

/* A photo that cannot be used is said plainly, and refuses the contacts as a bad cell does. */
static void photos_refused_plainly(void **state)
{
    (void)state;
    i18n_catalog *da = danish();
    store_photo out;
    vm_err err = {0};
    static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    assert_int_equal(sync_photo_decode(jpeg, sizeof jpeg, &out, da, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "JPEG"));
    assert_non_null(strstr(err.msg, "PNG"));
    assert_null(out.rgb);
    size_t len;
    char *png = ts_read_file(ts_source_path("tests/sync/data/hanne.png"), &len);
    /* cut short, as a pulled stick leaves it */
    assert_int_equal(sync_photo_decode(png, len / 2, &out, da, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "ikke et PNG-billede"));
    assert_int_equal(sync_photo_decode("hello", 5, &out, da, &err), VM_ERR_INVALID);
    assert_int_equal(sync_photo_decode(png, len, &out, da, &err), VM_OK);
    assert_int_equal(out.w, 133);
    free(out.rgb);
    free(png);
    i18n_catalog_free(da);
}

/* ---- a whole sync */

#define NOW_ISO "2026-11-23T10:00Z"

static seal_secret STAFF;

static store *kiosk_with_stick(const char *name, char *stick, size_t size, char *db,
                               size_t dbsize)
{
    const char *dir = ts_fresh_dir(name);
    snprintf(stick, size, "%s", ts_path(dir, "stick"));
    snprintf(db, dbsize, "%s", ts_path(dir, "kiosk.db"));
    store *s = stu_kiosk(dir, "fh-1");
    stu_authorise(s, stick, 1, ts_time(NOW_ISO));
    stu_staff_key(s, &STAFF);
    return s;
}

static void a_sync_brings_the_contacts_and_a_bad_file_changes_nothing(void **state)
{
    (void)state;
    char stick[1024], db[1024];
    store *s = kiosk_with_stick("sync_contacts", stick, sizeof stick, db, sizeof db);
    i18n_catalog *da = danish();
    sync_options opt = {.cat = da};
    sync_result res;
    vm_err err = {0};
    int64_t now = ts_time(NOW_ISO);

    /* no kontakter.csv: nothing said, nothing changed */
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    assert_int_equal(res.contacts, -1);
    size_t len;
    char *data = ts_read_file(ts_source_path("tests/sync/data/kontakter-cp1252.csv"), &len);
    stu_put(stick, "kontakter.csv", data, len);
    free(data);
    /* Hanne's photo, named in the sheet: first missing, then there */
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    assert_int_equal(res.contacts, -1);
    assert_non_null(strstr(res.contacts_note, "linje 2, kolonne \"Billede\": \"hanne.png\": "
                                              "der er ingen fil med det navn i vaermed-mappen"));
    data = ts_read_file(ts_source_path("tests/sync/data/hanne.png"), &len);
    stu_put(stick, "hanne.png", data, len);
    free(data);
    if (sync_run(s, stick, now, &opt, &res, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(res.contacts, 3);
    assert_true(res.contacts_changed);
    char summary[2048];
    sync_summary_text(&res, da, summary, sizeof summary);
    assert_non_null(strstr(summary, "\"Hvem kan jeg spørge?\" viser nu 3 kontakter."));
    contact *c = NULL;
    size_t n = 0;
    assert_int_equal(store_contacts_list(s, &c, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    assert_string_equal(c[1].role, "Varmemester");
    free(c);
    store_photo photos[CONTACTS_MAX];
    assert_int_equal(store_contact_photos(s, photos, &err), VM_OK);
    /* 200 x 240 made to fit 160, its shape kept; the face's colour in the middle */
    assert_int_equal(photos[0].w, 133);
    assert_int_equal(photos[0].h, 160);
    const uint8_t *mid = photos[0].rgb + ((size_t)60 * 133 + 66) * 3;
    assert_int_equal(mid[0], 233);
    assert_int_equal(mid[1], 190);
    assert_null(photos[1].rgb);
    store_photos_free(photos);
    char logp[2048];
    snprintf(logp, sizeof logp, "%s/vaermed/fh-1/log.txt", stick);
    char *log = ts_read_file(logp, &len);
    assert_non_null(strstr(log, "kontakter.csv: 3 kontakter"));
    free(log);

    /* the same file again: unchanged, and said so only in the log */
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    assert_false(res.contacts_changed);
    sync_summary_text(&res, da, summary, sizeof summary);
    assert_null(strstr(summary, "Hvem kan jeg"));

    /* a bad file: refused, said, the kiosk keeps its contacts; the rest of the sync is done */
    store_close(s);
    char *before = stu_dump_no_facts(db);
    vm_err oe = {0};
    assert_int_equal(store_open(db, 0, &s, &oe), VM_OK);
    stu_put(stick, "kontakter.csv", "Navn;Telefon\r\nHanne;12\r\n", (size_t)-1);
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    assert_int_equal(res.outcome, SYNC_OUTCOME_DONE);
    assert_true(res.export_ok);
    assert_int_equal(res.contacts, -1);
    sync_summary_text(&res, da, summary, sizeof summary);
    assert_non_null(strstr(summary, "kontakter.csv blev ikke læst: linje 2, kolonne "
                                    "\"Telefon\""));
    assert_non_null(strstr(summary, "Kontakterne på kiosken er ikke ændret."));
    store_close(s);
    char *after = stu_dump_no_facts(db);
    stu_assert_same(before, after);
    free(before);
    free(after);
    i18n_catalog_free(da);
}

/* True when `needle` is in any file under `dir` (the whole stick, as someone who found it). */
static bool anywhere(const char *dir, const char *needle)
{
    char *list = stu_listing(dir);
    bool found = false;
    for (char *line = strtok(list, "\n"); line && !found; line = strtok(NULL, "\n")) {
        char path[2048];
        char *sp = strchr(line, ' '); /* "name mode size mtime" */
        if (sp)
            *sp = '\0';
        snprintf(path, sizeof path, "%s/%s", dir, line);
        size_t len = 0;
        char *data = ts_read_file(path, &len);
        if (data && ts_contains(data, len, needle))
            found = true;
        free(data);
    }
    free(list);
    return found;
}

/* "Sig til": names and numbers leave only sealed to the staff's key, with the sign-ups. */
static void wishes_leave_only_sealed(void **state)
{
    (void)state;
    char stick[1024], db[1024];
    store *s = kiosk_with_stick("sync_interests", stick, sizeof stick, db, sizeof db);
    int64_t now = ts_time(NOW_ISO);
    interest in;
    memset(&in, 0, sizeof in);
    snprintf(in.id, sizeof in.id, "00000000-0000-4000-8000-0000000000a1");
    in.cat = CAT_FOOD;
    snprintf(in.about, sizeof in.about, "Fællesspisning");
    snprintf(in.name, sizeof in.name, "Birgitte");
    snprintf(in.phone, sizeof in.phone, "21436587");
    vm_err err = {0};
    assert_int_equal(store_interest_add(s, &in, now - 3600, &err), VM_OK);
    sync_options opt = {0};
    sync_result res;
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    assert_int_equal(res.interests_exported, 1);
    char path[2048];
    snprintf(path, sizeof path, "%s/vaermed/fh-1/sig-til.csv.vaermed", stick);
    size_t len;
    char *raw = ts_read_file(path, &len);
    assert_non_null(raw);
    assert_true(seal_is_sealed(raw, len));
    free(raw);
    assert_true(anywhere(stick, "sig-til.csv.vaermed")); /* (the log names it: the scan reads) */
    assert_false(anywhere(stick, "21436587"));
    assert_false(anywhere(stick, "Birgitte"));
    char *csv = stu_unseal(path, &STAFF, &len);
    assert_non_null(strstr(csv, "Id;Kategori;Om;Aktivitet-id;Navn;Telefon;Lejlighed;Efterladt;"
                                "Kiosk\r\n"));
    assert_non_null(strstr(csv, "00000000-0000-4000-8000-0000000000a1;food;Fællesspisning;;"
                                "Birgitte;21436587;;"));
    free(csv);
    store_close(s);
}

/* "Hvem kom?" on the stick: per activity and per month, no names. */
static void who_came_in_the_statistics(void **state)
{
    (void)state;
    char stick[1024], db[1024];
    store *s = kiosk_with_stick("sync_came", stick, sizeof stick, db, sizeof db);
    int64_t now = ts_time(NOW_ISO);
    vm_err err = {0};
    activity a = stu_activity("spis-1", "Fællesspisning", "2026-11-20 18:00", 0);
    a.count_household = true;
    activity b = stu_activity("spis-2", "Fællesspisning", "2026-11-21 18:00", 0);
    assert_int_equal(store_activity_put(s, &a, &err), VM_OK);
    assert_int_equal(store_activity_put(s, &b, &err), VM_OK);
    stu_join(s, "spis-1", "Birgitte", 1, ts_time("2026-11-19 10:00"));
    stu_join(s, "spis-2", "Birgitte", 2, ts_time("2026-11-19 10:00"));
    stu_join(s, "spis-2", "Ali", 3, ts_time("2026-11-19 10:00"));
    signup *list = NULL;
    size_t n = 0;
    assert_int_equal(store_signups_list(s, NULL, &list, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i].name, "Ali") != 0) /* Ali did not come */
            assert_int_equal(store_signup_set_came(s, list[i].id, true, &err), VM_OK);
    free(list);
    store_walkins w = {.children = 2, .adults = 1, .seniors = 3};
    assert_int_equal(store_walkins_set(s, "spis-2", &w, now, &err), VM_OK);
    sync_options opt = {0};
    sync_result res;
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    char path[2048];
    size_t len;
    snprintf(path, sizeof path, "%s/vaermed/fh-1/statistik.csv", stick);
    char *stats = ts_read_file(path, &len);
    assert_non_null(strstr(stats, "Kom (tilmeldte);Første besøg i måneden;Uden tilmelding børn;"
                                  "Uden tilmelding voksne;Uden tilmelding 65+;Besøg i alt\r\n"));
    /* spis-2: two signed up, Birgitte came (not her first this month), six without */
    assert_non_null(strstr(stats, ";1;0;2;1;3;7\r\n"));
    assert_false(ts_contains(stats, len, "Birgitte"));
    free(stats);
    snprintf(path, sizeof path, "%s/vaermed/fh-1/statistik-maaned.csv", stick);
    char *month = ts_read_file(path, &len);
    assert_non_null(month);
    assert_non_null(strstr(month, "Måned;Aktiviteter;Tilmeldte;Kom (tilmeldte);Unikke personer "
                                  "(tilmeldte, der kom);Uden tilmelding børn;Uden tilmelding "
                                  "voksne;Uden tilmelding 65+;Besøg i alt\r\n"));
    /* November: 2 activities, 3 signed up, 2 came, 1 of them unique, 6 walk-ins, 8 visits */
    assert_non_null(strstr(month, "2026-11;2;3;2;1;2;1;3;8\r\n"));
    assert_false(ts_contains(month, len, "Birgitte"));
    free(month);
    store_close(s);
}

/* ideer.csv as Excel saves it, its refusals, and the votes and wishes that go home. */
static void ideas_in_and_votes_out(void **state)
{
    (void)state;
    i18n_catalog *da = danish();
    idea *d = NULL;
    size_t n = 0;
    char *notes = NULL;
    vm_err err = {0};
    const char *csv = "Id\xE9;Pictogram;Kommentar\r\nYoga for begyndere;motion;\r\n"
                      "Syv\xE6rksted;strik;\r\nNoget helt nyt;rumfart;\r\n";
    if (sync_read_ideas(csv, strlen(csv), da, &d, &n, &notes, NULL, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(n, 3);
    assert_string_equal(d[1].title, "Syv\xC3\xA6rksted");
    assert_int_equal(d[0].cat, category_from_word("motion"));
    assert_int_equal(d[2].cat, CAT_OTHER);
    assert_non_null(strstr(notes, "\"rumfart\" kendes ikke"));
    assert_non_null(strstr(notes, "\"Kommentar\""));
    free(d);
    free(notes);
    static const struct {
        const char *csv, *want;
    } BAD[] = {
        {"Pictogram\r\nmotion\r\n", "mindst \"idé\""},
        {"Idé\r\nYoga\r\nYoga\r\n", "linje 3: idéen \"Yoga\" står der allerede, på linje 2"},
        {"Idé;Pictogram\r\n;motion\r\n", "linje 2: idéen er tom"},
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        assert_int_equal(sync_read_ideas(BAD[i].csv, strlen(BAD[i].csv), da, &d, &n, NULL, NULL, &err),
                         VM_ERR_INVALID);
        if (!strstr(err.msg, BAD[i].want))
            fail_msg("\"%s\" does not say \"%s\"", err.msg, BAD[i].want);
    }
    char many[2048] = "idé\n";
    for (int i = 0; i <= IDEAS_MAX; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "Idé nummer %d\n", i);
    assert_int_equal(sync_read_ideas(many, strlen(many), da, &d, &n, NULL, NULL, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "mere end 12 idéer"));

    /* a whole sync: the ideas come in; votes go home plain, wishes sealed */
    char stick[1024], db[1024];
    store *s = kiosk_with_stick("sync_ideas", stick, sizeof stick, db, sizeof db);
    int64_t now = ts_time(NOW_ISO);
    stu_put(stick, "ideer.csv", csv, (size_t)-1);
    sync_options opt = {.cat = da};
    sync_result res;
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    assert_int_equal(res.ideas, 3);
    char summary[2048];
    sync_summary_text(&res, da, summary, sizeof summary);
    assert_non_null(strstr(summary, "\"Hvad savner du?\" viser nu 3 idéer."));
    bool counted = false;
    assert_int_equal(store_idea_vote(s, "Yoga for begyndere", now, &counted, &err), VM_OK);
    assert_int_equal(store_wish_add(s, "Mere musik, ring til Birgitte 21436587", now, &err),
                     VM_OK);
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    char path[2048];
    size_t len;
    snprintf(path, sizeof path, "%s/vaermed/fh-1/ideer-stemmer.csv", stick);
    char *votes = ts_read_file(path, &len);
    assert_non_null(strstr(votes, "Idé;Pictogram;Vises nu;Stemmer (dage med en stemme);"
                                  "Sidste stemme\r\n"));
    assert_non_null(strstr(votes, "Yoga for begyndere;sport;ja;1;2026-11-23\r\n"));
    free(votes);
    assert_false(anywhere(stick, "21436587"));
    snprintf(path, sizeof path, "%s/vaermed/fh-1/onsker.csv.vaermed", stick);
    char *wishes = stu_unseal(path, &STAFF, &len);
    assert_non_null(strstr(wishes, "Mere musik, ring til Birgitte 21436587;"));
    free(wishes);
    /* a bad file the next time: refused, said, the ideas stay */
    stu_put(stick, "ideer.csv", "Idé\r\nYoga\r\nYoga\r\n", (size_t)-1);
    assert_int_equal(sync_run(s, stick, now, &opt, &res, &err), VM_OK);
    sync_summary_text(&res, da, summary, sizeof summary);
    assert_non_null(strstr(summary, "ideer.csv blev ikke læst: linje 3"));
    idea *kept = NULL;
    assert_int_equal(store_ideas_list(s, &kept, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    free(kept);
    store_close(s);
    i18n_catalog_free(da);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(excel_file_as_saved),
        cmocka_unit_test(bad_files_say_where_and_why),
        cmocka_unit_test(photos_refused_plainly),
        cmocka_unit_test(a_sync_brings_the_contacts_and_a_bad_file_changes_nothing),
        cmocka_unit_test(wishes_leave_only_sealed),
        cmocka_unit_test(who_came_in_the_statistics),
        cmocka_unit_test(ideas_in_and_votes_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
