/* Stick detection without real mounts: a plain file as the mounts file, temp folders as
 * roots. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sync/sync_watch.h"
#include "test_support.h"

static void mk(const char *base, const char *rel)
{
    char p[2048];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    mkdir(p, 0755);
}

static void test_scan_finds_new_sticks(void **state)
{
    (void)state;
    char dir[1024], root[1100], mounts[1100];
    snprintf(dir, sizeof dir, "%s", ts_fresh_dir("sync_watch"));
    snprintf(root, sizeof root, "%s/media", dir);
    snprintf(mounts, sizeof mounts, "%s/mounts", dir);
    mkdir(root, 0755);
    ts_write_file(mounts, "/dev/sda1 / ext4 rw 0 0\n", (size_t)-1);
    const char *roots[] = {root};
    sync_watch *w = NULL;
    assert_int_equal(sync_watch_open(mounts, roots, 1, &w, NULL), VM_OK);
    assert_true(sync_watch_fd(w) >= 0);
    sync_sticks all, fresh;
    assert_int_equal(sync_watch_scan(w, &all, &fresh, NULL), VM_OK);
    assert_int_equal(all.n, 0);

    /* /media/STICK and /media/user/STICK; a folder without vaermed/ is no stick. */
    mk(root, "STICK");
    mk(root, "STICK/vaermed");
    mk(root, "anna");
    mk(root, "anna/KINGSTON");
    mk(root, "anna/KINGSTON/vaermed");
    mk(root, "camera");
    mk(root, "camera/DCIM");
    /* vaermed as a link is not followed */
    mk(root, "LINKED");
    char target[1200], link[1200];
    snprintf(target, sizeof target, "%s/STICK/vaermed", root);
    snprintf(link, sizeof link, "%s/LINKED/vaermed", root);
    assert_int_equal(symlink(target, link), 0);
    ts_write_file(mounts, "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/STICK vfat rw 0 0\n",
                  (size_t)-1);
    assert_true(sync_watch_mounts_changed(w));
    assert_false(sync_watch_mounts_changed(w));
    assert_int_equal(sync_watch_scan(w, &all, &fresh, NULL), VM_OK);
    assert_int_equal(all.n, 2);
    assert_int_equal(fresh.n, 2);
    char want1[1200], want2[1200];
    snprintf(want1, sizeof want1, "%s/STICK", root);
    snprintf(want2, sizeof want2, "%s/anna/KINGSTON", root);
    bool got1 = false, got2 = false;
    for (size_t i = 0; i < fresh.n; i++) {
        got1 = got1 || strcmp(fresh.path[i], want1) == 0;
        got2 = got2 || strcmp(fresh.path[i], want2) == 0;
    }
    assert_true(got1 && got2);

    /* Seen once: not fresh again while it stays. */
    assert_int_equal(sync_watch_scan(w, &all, &fresh, NULL), VM_OK);
    assert_int_equal(all.n, 2);
    assert_int_equal(fresh.n, 0);

    /* Taken out and put back: fresh again. */
    char vd[1200];
    snprintf(vd, sizeof vd, "%s/STICK/vaermed", root);
    assert_int_equal(rmdir(vd), 0);
    assert_int_equal(sync_watch_scan(w, &all, &fresh, NULL), VM_OK);
    assert_int_equal(all.n, 1);
    mk(root, "STICK/vaermed");
    assert_int_equal(sync_watch_scan(w, &all, &fresh, NULL), VM_OK);
    assert_int_equal(fresh.n, 1);
    assert_string_equal(fresh.path[0], want1);
    sync_watch_close(w);
    sync_watch_close(NULL);
}

/* The root itself may be the stick (a folder named in the config); no mounts file is fine. */
static void test_root_is_stick(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", ts_fresh_dir("sync_watch_root"));
    mk(dir, "vaermed");
    const char *roots[] = {dir, ""};
    sync_watch *w = NULL;
    assert_int_equal(sync_watch_open("/nonexistent/mounts", roots, 2, &w, NULL), VM_OK);
    assert_int_equal(sync_watch_fd(w), -1);
    assert_false(sync_watch_mounts_changed(w));
    sync_sticks fresh;
    assert_int_equal(sync_watch_scan(w, NULL, &fresh, NULL), VM_OK);
    assert_int_equal(fresh.n, 1);
    assert_string_equal(fresh.path[0], dir);
    sync_watch_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_finds_new_sticks),
        cmocka_unit_test(test_root_is_stick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
