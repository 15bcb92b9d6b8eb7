/* buf: the growable string every module builds text in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

static void grows_and_stays_a_c_string(void **state)
{
    (void)state;
    vm_buf b = VM_BUF_INIT;
    buf_adds(&b, "Fælles");
    buf_add(&b, "spisning!", 8);
    assert_string_equal(b.data, "Fællesspisning");
    assert_int_equal(b.len, strlen("Fællesspisning"));
    /* longer than any first guess, by pieces and by one long printf */
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, ";%d", i);
    char longer[3000];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    buf_printf(&b, "[%s]", longer);
    assert_true(buf_ok(&b));
    assert_int_equal(strlen(b.data), b.len);
    assert_non_null(strstr(b.data, ";998;999["));
    assert_int_equal(b.data[b.len - 1], ']');
    assert_true(b.cap > b.len);
    buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    buf_free(NULL);
}

static void holds_nul_bytes_and_resets(void **state)
{
    (void)state;
    vm_buf b = VM_BUF_INIT;
    buf_add(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "a\0b", 4);
    size_t cap = b.cap;
    buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_int_equal(b.cap, cap); /* the memory is kept for the next piece */
    buf_adds(&b, "ny");
    assert_string_equal(b.data, "ny");
    buf_free(&b);
}

static void detach_hands_over_the_bytes(void **state)
{
    (void)state;
    vm_buf b = VM_BUF_INIT;
    char *empty = buf_detach(&b);
    assert_non_null(empty);
    assert_string_equal(empty, "");
    free(empty);
    buf_printf(&b, "%s %d", "Banko", 14);
    char *s = buf_detach(&b);
    assert_string_equal(s, "Banko 14");
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    free(s);
}

static void a_failure_sticks_and_is_told(void **state)
{
    (void)state;
    vm_buf b = VM_BUF_INIT;
    buf_adds(&b, "before");
    /* more than memory can ever hold: refused without touching the bytes */
    buf_add(&b, "x", (size_t)-1 - 2);
    assert_false(buf_ok(&b));
    assert_int_equal(b.len, 6);
    buf_adds(&b, "after");
    buf_printf(&b, "%d", 1);
    assert_int_equal(b.len, 6); /* later additions are no-ops */
    assert_null(buf_detach(&b)); /* the incomplete text is not handed on */
    assert_null(b.data);
    assert_true(buf_ok(&b)); /* and the buffer can be used again */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grows_and_stays_a_c_string),
        cmocka_unit_test(holds_nul_bytes_and_resets),
        cmocka_unit_test(detach_hands_over_the_bytes),
        cmocka_unit_test(a_failure_sticks_and_is_told),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
