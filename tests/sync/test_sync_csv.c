/* The program.csv reader on bytes as Excel writes them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "sync/sync_csvtok.h"
#include "sync/sync_program.h"
#include "test_support.h"

static const sync_read_opts opts = {0};

static const activity *find(const sync_program *p, const char *uid)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->acts[i].uid, uid) == 0)
            return &p->acts[i];
    return NULL;
}

static void assert_local(int64_t t, const char *local)
{
    char buf[17];
    dktime_format_local(t, buf);
    assert_string_equal(buf, local);
}

/* Danish Excel's "CSV UTF-8": a BOM, ';', CRLF, quotes around a cell with a line break. */
static void test_utf8_bom_semicolon(void **state)
{
    (void)state;
    const char csv[] =
        "\xEF\xBB\xBF"
        "id;titel;kategori;start;slut;sted;v\xC3\xA6rt;pris;pladser;frist;husstand;gratis;"
        "bare kom;opgaver;beskrivelse\r\n"
        "spis-1;F\xC3\xA6llesspisning;f\xC3\xA6llesspisning;24-12-2026 18:00;20:00;"
        "F\xC3\xA6lleshuset;Hanne;25 kr.;40;20-12-2026;ja;nej;nej;"
        "\"D\xC3\xA6kke bord 30 min 2; Lave kaffe (ca. 30 min, 1 person); Opvask x3\";"
        "\"Vi spiser \"\"risalamande\"\".\r\nTag naboen med.\"\r\n"
        "gaa-1;G\xC3\xA5tur;g\xC3\xA5tur;24.12.2026 10.00;;Ved s\xC3\xB8""en;Bent;;;;;ja;ja;;\r\n"
        ";;;;;;;;;;;;;;\r\n"
        "banko-1;Banko;banko;2026-12-26 14:00;2026-12-26 16:00;;Lis;10 kr.;30;;;;;;\r\n";
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_csv(csv, sizeof csv - 1, &opts, &p, &err), VM_OK);
    assert_int_equal(p.n, 3);

    const activity *a = find(&p, "spis-1");
    assert_non_null(a);
    assert_string_equal(a->title, "F\xC3\xA6llesspisning");
    assert_int_equal(a->category, CAT_FOOD);
    assert_local(a->start, "2026-12-24 18:00");
    assert_local(a->end, "2026-12-24 20:00");
    assert_string_equal(a->place, "F\xC3\xA6lleshuset");
    assert_string_equal(a->host, "Hanne");
    assert_int_equal(a->capacity, 40);
    assert_local(a->deadline, "2026-12-20 23:59");
    assert_true(a->count_household);
    assert_int_equal(a->mode, SIGNUP_MODE_OPEN);
    assert_string_equal(a->description, "Vi spiser \"risalamande\".\nTag naboen med.");
    assert_int_equal(a->n_tasks, 3);
    assert_string_equal(a->tasks[0].title, "D\xC3\xA6kke bord");
    assert_int_equal(a->tasks[0].minutes, 30);
    assert_int_equal(a->tasks[0].slots, 2);
    assert_string_equal(a->tasks[1].title, "Lave kaffe");
    assert_int_equal(a->tasks[1].minutes, 30);
    assert_int_equal(a->tasks[1].slots, 1);
    assert_string_equal(a->tasks[2].title, "Opvask");
    assert_int_equal(a->tasks[2].slots, 3);

    a = find(&p, "gaa-1");
    assert_non_null(a);
    assert_string_equal(a->title, "G\xC3\xA5tur");
    assert_local(a->start, "2026-12-24 10:00");
    assert_int_equal(a->end - a->start, 2 * 3600); /* no end: two hours */
    assert_int_equal(a->mode, SIGNUP_MODE_NONE);
    assert_true(a->badges & BADGE_FREE);
    assert_true(a->badges & BADGE_JUST_COME);
    assert_string_equal(a->place, "Ved s\xC3\xB8""en");

    a = find(&p, "banko-1");
    assert_non_null(a);
    assert_local(a->start, "2026-12-26 14:00");
    assert_local(a->end, "2026-12-26 16:00");
    assert_int_equal(a->mode, SIGNUP_MODE_OPEN);
    sync_program_free(&p);
}

/* Danish Excel's "CSV (semikolonsepareret)": Windows-1252 bytes, no BOM. */
static void test_cp1252(void **state)
{
    (void)state;
    const char csv[] = "Titel;Start;Slut;Sted;Beskrivelse\r\n"
                       "\xC6""blekage og kaffe;01-12-2026 14:00;01-12-2026 15:30;"
                       "Caf\xE9""en;R\xF8""dgr\xF8""d med fl\xF8""de \x80 5\r\n";
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_csv(csv, sizeof csv - 1, &opts, &p, &err), VM_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.acts[0].title, "\xC3\x86""blekage og kaffe");
    assert_string_equal(p.acts[0].place, "Caf\xC3\xA9""en");
    assert_string_equal(p.acts[0].description,
                        "R\xC3\xB8""dgr\xC3\xB8""d med fl\xC3\xB8""de \xE2\x82\xAC 5");
    assert_local(p.acts[0].start, "2026-12-01 14:00");
    /* Without an id column the uid comes from title and start: stable across imports. */
    assert_true(strncmp(p.acts[0].uid, "csv-", 4) == 0);
    assert_non_null(p.notes);
    assert_non_null(strstr(p.notes, "Windows-1252"));
    char first[ACT_UID_MAX];
    strcpy(first, p.acts[0].uid);
    sync_program_free(&p);
    assert_int_equal(sync_read_csv(csv, sizeof csv - 1, &opts, &p, &err), VM_OK);
    assert_string_equal(p.acts[0].uid, first);
    sync_program_free(&p);
}

/* Comma-separated with English names, and a date column beside time-only start/end. */
static void test_comma_and_date_column(void **state)
{
    (void)state;
    const char csv[] = "ID,Title,Date,From,To,Capacity,Signup\n"
                       "yoga-3,\"Yoga, stille\",03-12-2026,09:30,10:30,12,ja\n"
                       "fest-1,Julefest,2026-12-19,22:00,01:00,,nej\n";
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_csv(csv, sizeof csv - 1, &opts, &p, &err), VM_OK);
    assert_int_equal(p.n, 2);
    const activity *a = find(&p, "yoga-3");
    assert_string_equal(a->title, "Yoga, stille");
    assert_local(a->start, "2026-12-03 09:30");
    assert_local(a->end, "2026-12-03 10:30");
    assert_int_equal(a->capacity, 12);
    a = find(&p, "fest-1");
    assert_local(a->start, "2026-12-19 22:00");
    assert_local(a->end, "2026-12-20 01:00"); /* past midnight */
    assert_int_equal(a->mode, SIGNUP_MODE_NONE);
    sync_program_free(&p);
}

/* Every bad row refuses the whole file, naming the line and the reason. */
static void test_bad_rows(void **state)
{
    (void)state;
    static const struct {
        const char *csv;
        const char *want; /* in the message */
    } cases[] = {
        {"titel;start\nA;24-12-2026 18:00\nB;32-12-2026 18:00\n", "line 3"},
        {"titel;start\nA;24-12-2026 18:00\nB;i morgen\n", "i morgen"},
        {"titel;start\n\"A;24-12-2026 18:00\n", "never closed"},
        {"titel;start;pladser\nA;24-12-2026 18:00;mange\n", "mange"},
        {"id;titel;start\nx;A;24-12-2026 18:00\nx;B;25-12-2026 18:00\n", "line 3"},
        {"ting;tidspunktet\nA;24-12-2026 18:00\n", "titel"},
        {"titel;start\n", NULL},
        {"titel;sted\nA;Her\n", "start"},
        {"titel;start;link\nA;24-12-2026 18:00;javascript:alert(1)\n", "https://"},
        {"titel;start;slut\nA;24-12-2026 18:00;24-12-2026 17:00\n", "before"},
        {"titel;start;telefon\nA;24-12-2026 18:00;ring til Bo\n", "phone"},
        {"titel;start;gratis\nA;24-12-2026 18:00;m\xC3\xA5ske\n", "gratis"},
        {"titel;start;tilmelding\nA;24-12-2026 18:00;hj\xC3\xA6lpere\n", "helper"},
        {"titel;start;opgaver\nA;24-12-2026 18:00;a;b;c;d;e;f;g;h;i\n", "line 2"},
        {"titel;start;opgaver\nA;24-12-2026 18:00;\"a;b;c;d;e;f;g;h;i\"\n", "more than 8"},
        {"titel;start\nA;24-12-2026 18:00;ekstra\n", "more cells"},
        {"titel;start\nA;29-02-2027 18:00\n", "line 2"},
        {"titel;titel;start\nA;B;24-12-2026 18:00\n", "both mean"},
        {"\xFF\xFEt\0i\0t\0e\0l\0", "Unicode"},
        {"titel;start\nA\0B;24-12-2026 18:00\n", "not text"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = strlen(cases[i].csv);
        if (i == sizeof cases / sizeof cases[0] - 2)
            len = 10;
        if (i == sizeof cases / sizeof cases[0] - 1)
            len = 32;
        sync_program p;
        vm_err err = {0};
        vm_status st = sync_read_csv(cases[i].csv, len, &opts, &p, &err);
        if (st == VM_OK && cases[i].want == NULL) {
            assert_int_equal(p.n, 0); /* a header alone is an empty program */
            sync_program_free(&p);
            continue;
        }
        if (st == VM_OK)
            fail_msg("case %zu was accepted", i);
        assert_int_equal(st, VM_ERR_INVALID);
        assert_null(p.acts);
        if (!strstr(err.msg, cases[i].want))
            fail_msg("case %zu: \"%s\" not in \"%s\"", i, cases[i].want, err.msg);
    }
}

/* Each refusal names the line and the column as the staff wrote it (the place is written
 * only when there is something to say). */
static void test_refusals_name_the_cell(void **state)
{
    (void)state;
    static const struct {
        const char *csv, *want;
    } cases[] = {
        {"titel;start\nA; \n", "line 2, column \"start\": the start time is missing"},
        {"titel;start\nA;i morgen\n", "line 2, column \"start\": the start \"i morgen\" cannot"},
        {"titel;start\nA;29-02-2027 18:00\n", "line 2, column \"start\": the start \"29-02-2027"},
        {"Titel;Dato;Start\nA;32-13-2026;18:00\n",
         "line 2, column \"Dato\": the date \"32-13-2026\" cannot be read"},
        {"titel;start;Slut\nA;24-12-2026 18:00;snart\n",
         "line 2, column \"Slut\": the end \"snart\" cannot be read"},
        {"titel;start;slut\nA;24-12-2026 18:00;24-12-2026 17:00\n",
         "line 2, column \"slut\": the activity ends (24-12-2026 17:00) before it starts"},
        {"titel;start;slut\nA;01-12-2026 18:00;24-12-2026 17:00\n",
         "line 2, column \"slut\": the activity lasts more than two weeks"},
        {"titel;start;Sted\nB;24-12-2026 18:00;ok\nA;24-12-2026 18:00;"
         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
         "line 3, column \"Sted\": the text is too long"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sync_program p;
        vm_err err = {0};
        if (sync_read_csv(cases[i].csv, strlen(cases[i].csv), &opts, &p, &err) != VM_ERR_INVALID)
            fail_msg("case %zu was not refused", i);
        if (!strstr(err.msg, cases[i].want))
            fail_msg("case %zu: \"%s\" not in \"%s\"", i, cases[i].want, err.msg);
    }
}

static void test_long_and_dirty_text(void **state)
{
    (void)state;
    char csv[4000];
    char desc[1500];
    memset(desc, 'x', sizeof desc - 1);
    desc[sizeof desc - 1] = '\0';
    snprintf(csv, sizeof csv,
             "titel;start;beskrivelse\n"
             "Kaf\x01""fe \xE2\x80\xAE""evil;24-12-2026 18:00;%s\n",
             desc);
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_csv(csv, strlen(csv), &opts, &p, &err), VM_OK);
    assert_string_equal(p.acts[0].title, "Kaffe evil");
    assert_int_equal(strlen(p.acts[0].description), ACT_TEXT_MAX - 1);
    assert_non_null(strstr(p.notes, "cut"));
    assert_non_null(strstr(p.notes, "removed"));
    sync_program_free(&p);

    char title[400];
    memset(title, 'T', sizeof title - 1);
    title[sizeof title - 1] = '\0';
    snprintf(csv, sizeof csv, "titel;start\n%s;24-12-2026 18:00\n", title);
    assert_int_equal(sync_read_csv(csv, strlen(csv), &opts, &p, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "too long"));
}

/* Cells that spreadsheets would run as formulas get an apostrophe; quotes survive. */
static void test_csv_put_round_trip(void **state)
{
    (void)state;
    const char *cells[] = {"=HYPERLINK(\"x\")", "+45 1234", "-1", "@SUM(A1)", "Bo; \"Bente\"",
                           "line\nbreak", "plain"};
    sync_buf b = SYNC_BUF_INIT;
    for (size_t i = 0; i < 7; i++) {
        sync_csv_put(&b, cells[i], ';', true);
        sync_buf_adds(&b, i < 6 ? ";" : "\r\n");
    }
    assert_non_null(strstr(b.data, "\"'=HYPERLINK"));
    sync_csv c;
    sync_csv_init(&c, b.data, b.len, 0, NULL);
    const char *got[SYNC_CSV_MAX_CELLS];
    size_t n;
    int line;
    assert_int_equal(sync_csv_next(&c, got, &n, &line, NULL), 1);
    assert_int_equal(n, 7);
    for (size_t i = 0; i < 7; i++) {
        if (i < 4)
            assert_int_equal(got[i][0], '\'');
        assert_string_equal(sync_csv_unneutralise(got[i]), cells[i]);
    }
    assert_int_equal(sync_csv_next(&c, got, &n, &line, NULL), 0);
    sync_csv_free(&c);
    sync_buf_free(&b);
}

/* The tokenizer: doubled quotes, line breaks and separators inside quotes, text after a
 * closing quote, and the two ways a cell goes wrong (too long; a quote never closed, with
 * or without what looks like rows swallowed). */
static void test_csv_cells_quotes_and_limits(void **state)
{
    (void)state;
    const char text[] = "a;\"b \"\"q\"\" c\";\"x\r\ny;z\"tail;d\r\nnext\n";
    sync_csv c;
    sync_csv_init(&c, text, sizeof text - 1, ';', NULL);
    const char *got[SYNC_CSV_MAX_CELLS];
    size_t n;
    int line;
    assert_int_equal(sync_csv_next(&c, got, &n, &line, NULL), 1);
    assert_int_equal(n, 4);
    assert_int_equal(line, 1);
    assert_string_equal(got[0], "a");
    assert_string_equal(got[1], "b \"q\" c");
    assert_string_equal(got[2], "x\ny;ztail");
    assert_string_equal(got[3], "d");
    assert_int_equal(sync_csv_next(&c, got, &n, &line, NULL), 1);
    assert_int_equal(line, 3);
    assert_int_equal(n, 1);
    assert_string_equal(got[0], "next");
    assert_int_equal(sync_csv_next(&c, got, &n, &line, NULL), 0);
    sync_csv_free(&c);

    size_t big = SYNC_CSV_MAX_CELL_BYTES + 10;
    char *long_cell = malloc(big + 2);
    assert_non_null(long_cell);
    for (int quoted = 0; quoted < 2; quoted++) {
        memset(long_cell, 'x', big + 1);
        long_cell[0] = quoted ? '"' : 'x';
        long_cell[big + 1] = '\0';
        vm_err err = {0};
        sync_csv_init(&c, long_cell, big + 1, ';', NULL);
        assert_int_equal(sync_csv_next(&c, got, &n, &line, &err), -1);
        assert_non_null(strstr(err.msg, "too much text"));
        assert_false(c.cut_off);
        sync_csv_free(&c);
    }
    free(long_cell);

    static const struct {
        const char *text;
        bool cut_off; /* else a closing quote is missing */
    } open_quotes[] = {
        {"a;\"b\r\nc\r\n", true},
        {"a;\"b\r\nc;d\r\n", false},
    };
    for (size_t i = 0; i < 2; i++) {
        vm_err err = {0};
        sync_csv_init(&c, open_quotes[i].text, strlen(open_quotes[i].text), ';', NULL);
        assert_int_equal(sync_csv_next(&c, got, &n, &line, &err), -1);
        assert_non_null(strstr(err.msg, "never closed"));
        assert_int_equal(c.cut_off, open_quotes[i].cut_off);
        sync_csv_free(&c);
    }
}

/* The sample files in tests/sync/data (also fuzz seeds) are read as they should be. */
static void test_sample_files(void **state)
{
    (void)state;
    const char *good[] = {"tests/sync/data/program-utf8bom.csv",
                          "tests/sync/data/program-cp1252.csv",
                          "tests/sync/data/program-comma.csv"};
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *data = ts_read_file(ts_source_path(good[i]), &len);
        assert_non_null(data);
        sync_program p;
        vm_err err = {0};
        if (sync_read_csv(data, len, &opts, &p, &err) != VM_OK)
            fail_msg("%s: %s", good[i], err.msg);
        assert_true(p.n >= 3);
        sync_program_free(&p);
        free(data);
    }
    size_t len;
    char *data = ts_read_file(ts_source_path("tests/sync/data/program-bad-row.csv"), &len);
    assert_non_null(data);
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_csv(data, len, &opts, &p, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "line 5"));
    free(data);
}

/* A weekly plan as staff keep it: "Uge;Dag;Dato;Tid" (tests/sync/data/program-ugeplan.csv,
 * Danish Excel), the weekday and the week beside the date, the week only on its first row,
 * start and end in one "Tid" cell. */
static void test_weekly_plan(void **state)
{
    (void)state;
    size_t len;
    char *data = ts_read_file(ts_source_path("tests/sync/data/program-ugeplan.csv"), &len);
    assert_non_null(data);
    sync_program p;
    vm_err err = {0};
    if (sync_read_csv(data, len, &opts, &p, &err) != VM_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(p.n, 5);
    const activity *spis = NULL, *banko = NULL, *tree = NULL;
    for (size_t i = 0; i < p.n; i++) {
        if (strcmp(p.acts[i].title, "F\xC3\xA6llesspisning") == 0)
            spis = &p.acts[i];
        if (strcmp(p.acts[i].title, "Banko") == 0)
            banko = &p.acts[i];
        if (strncmp(p.acts[i].title, "Juletr", 6) == 0)
            tree = &p.acts[i];
    }
    assert_non_null(spis);
    assert_local(spis->start, "2026-12-01 17:30");
    assert_local(spis->end, "2026-12-01 20:00");
    assert_int_equal(spis->capacity, 40);
    assert_local(banko->start, "2026-12-03 14:00");
    assert_local(banko->end, "2026-12-03 16:00");
    assert_local(tree->start, "2026-12-13 13:00"); /* an en dash, as Excel makes it */
    assert_local(tree->end, "2026-12-13 16:00");
    assert_null(p.notes && strstr(p.notes, "\"Dag\"") ? p.notes : NULL); /* a known column */
    sync_program_free(&p);

    /* A weekday or week that does not fit the date refuses the file, naming the column. */
    struct {
        const char *from, *to, *want;
    } wrong[] = {
        {";Tirsdag;01-12-2026", ";Onsdag;01-12-2026",
         "line 3, column \"Dag\": it says Onsdag, but 01-12-2026 is a Tuesday"},
        {"49;Mandag", "48;Mandag",
         "line 2, column \"Uge\": it says week 48, but 30-11-2026 is in week 49"},
        {";Torsdag;", ";Torsdax;", "line 4, column \"Dag\": \"Torsdax\" is not a day of the week"},
        {"17.30-20.00", "17.30-", "line 3, column \"Tid\": the start \"17.30-\" cannot be read"},
        {";Banko;", ";;", "line 4, column \"Aktivitet\": the title is empty"},
    };
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        char *copy = malloc(len + 16);
        const char *at = strstr(data, wrong[i].from);
        assert_non_null(at);
        size_t pre = (size_t)(at - data);
        memcpy(copy, data, pre);
        strcpy(copy + pre, wrong[i].to);
        strcat(copy, at + strlen(wrong[i].from));
        assert_int_equal(sync_read_csv(copy, strlen(copy), &opts, &p, &err), VM_ERR_INVALID);
        if (!strstr(err.msg, wrong[i].want))
            fail_msg("case %zu: \"%s\" not in \"%s\"", i, wrong[i].want, err.msg);
        free(copy);
    }
    free(data);

    /* "Dag" alone with weekday names has no date: said so, not "cannot be read". */
    const char only_days[] = "Dag;Tid;Aktivitet\r\nMandag;10:00;Morgenkaffe\r\n";
    assert_int_equal(sync_read_csv(only_days, sizeof only_days - 1, &opts, &p, &err),
                     VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "line 2, column \"Dag\": \"Mandag\" is a day of the week"));
}

/* What Excel does to long numbers, and texts measured as the staff count them. */
static void test_excel_numbers_and_long_text(void **state)
{
    (void)state;
    sync_program p;
    vm_err err = {0};
    const char sci[] = "Nr;Titel;Start\r\n1,23457E+11;Banko;24-12-2026 18:00\r\n";
    assert_int_equal(sync_read_csv(sci, sizeof sci - 1, &opts, &p, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "line 2, column \"Nr\": \"1,23457E+11\" is how Excel shows"));
    assert_non_null(strstr(err.msg, "format the column as Text"));
    const char phone[] = "titel;start;tlf\r\nBanko;24-12-2026 18:00;4.51235E+07\r\n";
    assert_int_equal(sync_read_csv(phone, sizeof phone - 1, &opts, &p, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "column \"tlf\": \"4.51235E+07\" is how Excel shows"));
    /* A title of 100 "æ" is 200 bytes: said in characters, with what fits. */
    char longer[512] = "titel;start\r\n";
    for (int i = 0; i < 100; i++)
        strcat(longer, "\xC3\xA6");
    strcat(longer, ";24-12-2026 18:00\r\n");
    assert_int_equal(sync_read_csv(longer, strlen(longer), &opts, &p, &err), VM_ERR_INVALID);
    if (!strstr(err.msg, "line 2, column \"titel\": the text is too long: it has 100 characters, "
                         "and 79 fit here"))
        fail_msg("%s", err.msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekly_plan),
        cmocka_unit_test(test_excel_numbers_and_long_text),
        cmocka_unit_test(test_utf8_bom_semicolon), cmocka_unit_test(test_cp1252),
        cmocka_unit_test(test_comma_and_date_column), cmocka_unit_test(test_bad_rows),
        cmocka_unit_test(test_refusals_name_the_cell),
        cmocka_unit_test(test_csv_cells_quotes_and_limits),
        cmocka_unit_test(test_long_and_dirty_text), cmocka_unit_test(test_csv_put_round_trip),
        cmocka_unit_test(test_sample_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
