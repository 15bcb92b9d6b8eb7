/* The program.ics reader: recurrences, exceptions, overrides and time zones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dktime.h"
#include "sync/sync_program.h"
#include "test_support.h"

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

static void read_sample(sync_program *p, int64_t now)
{
    size_t len;
    char *data = ts_read_file(ts_source_path("tests/sync/data/program.ics"), &len);
    assert_non_null(data);
    sync_read_opts o = {NULL, now, 8};
    vm_err err = {0};
    if (sync_read_ics(data, len, &o, p, &err) != VM_OK)
        fail_msg("%s", err.msg);
    free(data);
}

static void test_weekly_with_exdate_and_override(void **state)
{
    (void)state;
    sync_program p;
    read_sample(&p, ts_time("2026-10-12T10:00Z"));
    /* Tuesdays from 6 Oct to 1 Dec (the window ends 7 Dec): 9, less the EXDATE. */
    int strik = 0;
    for (size_t i = 0; i < p.n; i++)
        strik += strncmp(p.acts[i].uid, "strik-uid@", 10) == 0;
    assert_int_equal(strik, 8);
    assert_null(find(&p, "strik-uid@20261020"));
    const activity *a = find(&p, "strik-uid@20261013");
    assert_non_null(a);
    assert_local(a->start, "2026-10-13 18:00");
    assert_int_equal(a->start, ts_time("2026-10-13T16:00Z")); /* summer time */
    assert_local(a->end, "2026-10-13 20:00");
    assert_string_equal(a->title, "Strikkeklub");
    assert_string_equal(a->place, "Caf\xC3\xA9""en");
    assert_int_equal(a->category, CAT_CRAFTS);
    assert_true(a->badges & BADGE_FREE);
    assert_int_equal(a->capacity, 12);
    assert_int_equal(a->mode, SIGNUP_MODE_OPEN);
    assert_string_equal(a->host, "Inge");
    assert_string_equal(a->description, "Vi strikker og drikker kaffe.");
    a = find(&p, "strik-uid@20261027");
    assert_non_null(a);
    assert_int_equal(a->start, ts_time("2026-10-27T17:00Z")); /* winter time, same 18:00 */
    /* The override keeps the uid of the day it replaces, so sign-ups stay with it. */
    a = find(&p, "strik-uid@20261103");
    assert_non_null(a);
    assert_local(a->start, "2026-11-04 19:00");
    assert_string_equal(a->title, "Strikkeklub (onsdag)");
    assert_non_null(find(&p, "strik-uid@20261201"));
    assert_null(find(&p, "strik-uid@20261208"));
    sync_program_free(&p);
}

static void test_utc_floating_allday_cancelled(void **state)
{
    (void)state;
    sync_program p;
    read_sample(&p, ts_time("2026-10-12T10:00Z"));
    const activity *a = find(&p, "moede-utc");
    assert_non_null(a);
    assert_int_equal(a->start, ts_time("2026-10-15T17:00Z"));
    assert_local(a->start, "2026-10-15 19:00");
    assert_int_equal(a->category, CAT_MEETING);
    assert_string_equal(a->place, "F\xC3\xA6lleshuset");
    a = find(&p, "fest-floating");
    assert_non_null(a);
    assert_local(a->start, "2026-10-31 19:00");
    assert_int_equal(a->end - a->start, 4 * 3600);
    a = find(&p, "loppe-allday");
    assert_non_null(a);
    assert_local(a->start, "2026-11-07 00:00");
    assert_local(a->end, "2026-11-08 00:00");
    a = find(&p, "aflyst-1");
    assert_non_null(a);
    assert_true(a->cancelled);
    assert_null(find(&p, "gammel-1")); /* ended long ago */
    assert_non_null(strstr(p.notes, "30 days"));
    sync_program_free(&p);
}

/* Outlook names the zone after Windows and brings its own VTIMEZONE. */
static void test_outlook_zone(void **state)
{
    (void)state;
    const char ics[] =
        "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        "VERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\n"
        "TZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\n"
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E0080000000010B1\r\n"
        "DTSTART;TZID=Romance Standard Time:20261201T140000\r\n"
        "DTEND;TZID=Romance Standard Time:20261201T160000\r\n"
        "RRULE:FREQ=DAILY;COUNT=3\r\n"
        "SUMMARY;LANGUAGE=da-DK:Juleklip\r\nORGANIZER;CN=\"Mette\":mailto:m@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    sync_read_opts o = {NULL, ts_time("2026-11-30T10:00Z"), 0};
    sync_program p;
    vm_err err = {0};
    assert_int_equal(sync_read_ics(ics, sizeof ics - 1, &o, &p, &err), VM_OK);
    assert_int_equal(p.n, 3);
    const activity *a = find(&p, "040000008200E00074C5B7101A82E0080000000010B1@20261202");
    assert_non_null(a);
    assert_local(a->start, "2026-12-02 14:00");
    assert_string_equal(a->host, "Mette");
    assert_string_equal(a->title, "Juleklip");
    sync_program_free(&p);
}

static void test_refused(void **state)
{
    (void)state;
    sync_read_opts o = {NULL, ts_time("2026-11-30T10:00Z"), 0};
    sync_program p;
    vm_err err = {0};
    const char junk[] = "id;titel\nnot a calendar\n";
    assert_int_equal(sync_read_ics(junk, sizeof junk - 1, &o, &p, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "calendar"));
    const char bad_pladser[] =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T140000Z\r\n"
        "SUMMARY:Banko\r\nDESCRIPTION:Pladser: mange\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_int_equal(sync_read_ics(bad_pladser, sizeof bad_pladser - 1, &o, &p, &err),
                     VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "Banko"));
    assert_non_null(strstr(err.msg, "mange"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekly_with_exdate_and_override),
        cmocka_unit_test(test_utc_floating_allday_cancelled),
        cmocka_unit_test(test_outlook_zone),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
