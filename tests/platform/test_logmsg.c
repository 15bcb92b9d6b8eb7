/* logmsg: a line carries its journal priority ("<3>...") exactly when $JOURNAL_STREAM names
 * the file stderr is, and reads "vaermed: ..." everywhere else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/logmsg.h"
#include "test_support.h"

static FILE *open_tmp(const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s", ts_path(ts_fresh_dir("logmsg"), name));
    FILE *f = fopen(path, "w+");
    assert_non_null(f);
    return f;
}

static void stream_of(FILE *f, char *out, size_t size)
{
    struct stat st;
    assert_int_equal(fstat(fileno(f), &st), 0);
    snprintf(out, size, "%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
}

static void journal_stream_must_name_this_very_file(void **state)
{
    (void)state;
    char path[512], stream[64], other[64];
    FILE *f = open_tmp("stderr", path, sizeof path);
    stream_of(f, stream, sizeof stream);
    assert_true(logmsg_is_journal(stream, fileno(f)));

    /* Another file (a child's stderr sent elsewhere inherits the variable): plain lines. */
    FILE *g = fopen(ts_path(ts_fresh_dir("logmsg-other"), "other"), "w");
    assert_non_null(g);
    stream_of(g, other, sizeof other);
    assert_false(logmsg_is_journal(other, fileno(f)));
    assert_true(logmsg_is_journal(other, fileno(g)));
    fclose(g);

    assert_false(logmsg_is_journal(NULL, fileno(f)));
    assert_false(logmsg_is_journal("", fileno(f)));
    assert_false(logmsg_is_journal("12", fileno(f)));
    assert_false(logmsg_is_journal("x:y", fileno(f)));
    char trailing[80];
    snprintf(trailing, sizeof trailing, "%sz", stream);
    assert_false(logmsg_is_journal(trailing, fileno(f)));
    fclose(f);
}

static void lines_carry_priority_for_the_journal_and_a_name_elsewhere(void **state)
{
    (void)state;
    char path[512];
    FILE *f = open_tmp("lines", path, sizeof path);
    logmsg_to(f, true, LOG_ERR, "the database %s is damaged", "/var/lib/vaermed/vaermed.db");
    logmsg_to(f, true, LOG_WARNING, "line %d: night: write it like 23:00-06:00", 7);
    logmsg_to(f, true, LOG_NOTICE, "USB stick %s: 3 new activities", "/media/STAFF");
    logmsg_to(f, true, LOG_INFO, "erased the names of %d old sign-ups", 2);
    logmsg_to(f, false, LOG_ERR, "the database %s is damaged", "x.db");
    fclose(f);
    char *text = ts_read_file(path, NULL);
    assert_non_null(text);
    assert_string_equal(text, "<3>the database /var/lib/vaermed/vaermed.db is damaged\n"
                              "<4>line 7: night: write it like 23:00-06:00\n"
                              "<5>USB stick /media/STAFF: 3 new activities\n"
                              "<6>erased the names of 2 old sign-ups\n"
                              "vaermed: the database x.db is damaged\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(journal_stream_must_name_this_very_file),
        cmocka_unit_test(lines_carry_priority_for_the_journal_and_a_name_elsewhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
