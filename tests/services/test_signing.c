/* Wrong cancel codes are limited per name and gently for the whole kiosk; the kiosk's secret
 * is made once, kept beside the database and shared by every process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "platform/secret.h"
#include "services/signing.h"
#include "test_support.h"

#define T0 1790000000LL

static void wrong_codes_on_one_name_do_not_lock_the_others(void **state)
{
    (void)state;
    static cancel_limiter l;
    memset(&l, 0, sizeof l);
    char karen[65], ole[65], karen_typed[65], karen_elsewhere[65];
    cancel_limiter_key("banko", "Karen", karen);
    cancel_limiter_key("banko", "  KAREN ", karen_typed);
    cancel_limiter_key("spis", "Karen", karen_elsewhere);
    cancel_limiter_key("banko", "Ole", ole);
    /* the name as the store compares it: case and spaces do not make a new name */
    assert_string_equal(karen, karen_typed);
    assert_string_not_equal(karen, karen_elsewhere);
    assert_string_not_equal(karen, ole);
    /* the name is kept only as a hash */
    assert_null(strstr(karen, "Karen"));

    for (int i = 0; i < 3; i++) {
        assert_int_equal(cancel_limiter_wait(&l, karen, T0 + i), 0);
        cancel_limiter_result(&l, karen, false, T0 + i);
    }
    assert_int_equal(cancel_limiter_wait(&l, karen, T0 + 3), 59);
    assert_int_equal(cancel_limiter_wait(&l, karen_typed, T0 + 3), 59);
    /* Ole, and Karen on another activity, go ahead */
    assert_int_equal(cancel_limiter_wait(&l, ole, T0 + 3), 0);
    assert_int_equal(cancel_limiter_wait(&l, karen_elsewhere, T0 + 3), 0);
    /* the pause doubles for Karen */
    cancel_limiter_result(&l, karen, false, T0 + 62);
    assert_int_equal(cancel_limiter_wait(&l, karen, T0 + 62), 120);
    /* the right code ends it */
    cancel_limiter_result(&l, karen, true, T0 + 200);
    assert_int_equal(cancel_limiter_wait(&l, karen, T0 + 200), 0);
}

static void trying_one_code_on_many_names_meets_the_kiosks_cap(void **state)
{
    (void)state;
    static cancel_limiter l;
    memset(&l, 0, sizeof l);
    char key[65];
    char name[32];
    for (int i = 0; i < CANCEL_GLOBAL_BURST; i++) {
        snprintf(name, sizeof name, "Navn %d", i);
        cancel_limiter_key("banko", name, key);
        assert_int_equal(cancel_limiter_wait(&l, key, T0), 0);
        cancel_limiter_result(&l, key, false, T0);
    }
    /* a name never tried still waits: the bucket is empty, for at most a minute */
    cancel_limiter_key("banko", "Ny", key);
    int64_t wait = cancel_limiter_wait(&l, key, T0);
    assert_true(wait > 0 && wait <= CANCEL_GLOBAL_REFILL);
    /* one comes back a minute later, and only one */
    assert_int_equal(cancel_limiter_wait(&l, key, T0 + CANCEL_GLOBAL_REFILL), 0);
    cancel_limiter_result(&l, key, false, T0 + CANCEL_GLOBAL_REFILL);
    cancel_limiter_key("banko", "Endnu en", key);
    assert_true(cancel_limiter_wait(&l, key, T0 + CANCEL_GLOBAL_REFILL) > 0);
    /* a quiet quarter of an hour fills it again */
    assert_int_equal(cancel_limiter_wait(&l, key, T0 + 15 * 60), 0);
}

static void pushing_a_lock_out_of_the_table_is_caught_by_the_cap(void **state)
{
    (void)state;
    static cancel_limiter l;
    memset(&l, 0, sizeof l);
    char karen[65], key[65], name[32];
    cancel_limiter_key("banko", "Karen", karen);
    int64_t t = T0;
    /* the kiosk's bucket is empty long before the table of names is full */
    for (int i = 0; i < 3; i++)
        cancel_limiter_result(&l, karen, false, t);
    int tried = 0;
    for (int i = 0; i < CANCEL_LIMITER_SLOTS; i++) {
        snprintf(name, sizeof name, "Fyld %d", i);
        cancel_limiter_key("banko", name, key);
        if (cancel_limiter_wait(&l, key, t) > 0)
            break;
        cancel_limiter_result(&l, key, false, t);
        tried++;
    }
    assert_true(tried < CANCEL_LIMITER_SLOTS);
    assert_true(cancel_limiter_wait(&l, karen, t) > 0);
}

static void a_lock_never_outlasts_an_hour(void **state)
{
    (void)state;
    code_limiter l = {0};
    for (int i = 0; i < 20; i++)
        code_limiter_result(&l, false, T0);
    assert_int_equal(code_limiter_wait(&l, T0), 3600);
    /* the clock went back a day after the lock was set */
    assert_int_equal(code_limiter_wait(&l, T0 - 86400), 3600);
}

static void the_secret_is_made_once_and_kept_private(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("app_secret");
    char db[512], path[600];
    snprintf(db, sizeof db, "%s/kiosk.db", dir);
    secret_path(db, path, sizeof path);
    unlink(path);
    code_key a, b;
    vm_err err = {0};
    assert_int_equal(secret_load(db, false, &a, &err), VM_ERR_NOT_FOUND);
    assert_int_equal(secret_load(db, true, &a, &err), VM_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(secret_load(db, true, &b, &err), VM_OK);
    assert_memory_equal(a.bytes, b.bytes, CODE_KEY_BYTES);
    static const uint8_t zero[CODE_KEY_BYTES];
    assert_memory_not_equal(a.bytes, zero, CODE_KEY_BYTES);
    /* a damaged secret is left alone and said */
    FILE *f = fopen(path, "w");
    fputs("not a secret\n", f);
    fclose(f);
    assert_int_equal(secret_load(db, true, &b, &err), VM_ERR_CORRUPT);
    char *text = ts_read_file(path, NULL);
    assert_string_equal(text, "not a secret\n");
    free(text);
    /* A process killed while it made the secret left its temp, a copy of the secret: the
     * next one that may write removes it; a running process's temp and other files stay. */
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0)
        _exit(0);
    assert_int_equal(waitpid(child, NULL, 0), child);
    char dead[700], alive[700], other[700];
    snprintf(dead, sizeof dead, "%s.%ld.tmp", path, (long)child);
    snprintf(alive, sizeof alive, "%s.%ld.tmp", path, (long)getppid());
    snprintf(other, sizeof other, "%s.x%ld.tmp", path, (long)child);
    ts_write_file(dead, "secret copy\n", 12);
    ts_write_file(alive, "in the making\n", 14);
    ts_write_file(other, "not ours\n", 9);
    assert_int_equal(secret_load(db, false, &b, &err), VM_ERR_CORRUPT);
    assert_int_equal(access(dead, F_OK), 0); /* a reader writes nothing */
    assert_int_equal(secret_load(db, true, &b, &err), VM_ERR_CORRUPT);
    assert_int_equal(access(dead, F_OK), -1);
    assert_int_equal(access(alive, F_OK), 0);
    assert_int_equal(access(other, F_OK), 0);
    unlink(alive);
    unlink(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrong_codes_on_one_name_do_not_lock_the_others),
        cmocka_unit_test(trying_one_code_on_many_names_meets_the_kiosks_cap),
        cmocka_unit_test(pushing_a_lock_out_of_the_table_is_caught_by_the_cap),
        cmocka_unit_test(a_lock_never_outlasts_an_hour),
        cmocka_unit_test(the_secret_is_made_once_and_kept_private),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
