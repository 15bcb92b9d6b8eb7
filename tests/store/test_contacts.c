/* contacts: who residents can ask, replaced whole from the staff's stick. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store_test_util.h"

static contact make(const char *name, const char *role, const char *phone, const char *hours)
{
    contact c;
    memset(&c, 0, sizeof c);
    snprintf(c.name, sizeof c.name, "%s", name);
    snprintf(c.role, sizeof c.role, "%s", role);
    snprintf(c.phone, sizeof c.phone, "%s", phone);
    snprintf(c.hours, sizeof c.hours, "%s", hours);
    return c;
}

static void replaced_in_order_and_read_back(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_contacts");
    store *s = tu_open(path);
    vm_err err = {0};
    contact *got = NULL;
    size_t n = 99;
    assert_int_equal(store_contacts_list(s, &got, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    assert_null(got);

    contact list[3] = {
        make("Hanne Jensen", "Boligsocial medarbejder", "+45 21 43 65 87", "Man.–tors. 9–15"),
        make("Søren", "Varmemester", "70 12 34 56", ""),
        make("Rådgivningen", "", "", "Tirsdag 10–12 i Fælleshuset"),
    };
    bool changed = false;
    assert_int_equal(store_contacts_replace(s, list, 3, &changed, &err), VM_OK);
    assert_true(changed);
    assert_int_equal(store_contacts_list(s, &got, &n, &err), VM_OK);
    assert_int_equal(n, 3);
    assert_memory_equal(got, list, sizeof list);
    free(got);

    /* the same list again writes nothing: the file stays byte for byte */
    store_close(s);
    char *before = tu_dump(path);
    s = tu_open(path);
    assert_int_equal(store_contacts_replace(s, list, 3, &changed, &err), VM_OK);
    assert_false(changed);
    store_close(s);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(after);

    /* a shorter list replaces the whole, in its order */
    s = tu_open(path);
    contact two[2] = {list[2], list[0]};
    assert_int_equal(store_contacts_replace(s, two, 2, &changed, &err), VM_OK);
    assert_true(changed);
    assert_int_equal(store_contacts_list(s, &got, &n, &err), VM_OK);
    assert_int_equal(n, 2);
    assert_string_equal(got[0].name, "Rådgivningen");
    assert_string_equal(got[1].phone, "+45 21 43 65 87");
    free(got);

    /* an empty list empties it (the staff's file had only its header row) */
    assert_int_equal(store_contacts_replace(s, NULL, 0, &changed, &err), VM_OK);
    assert_true(changed);
    assert_int_equal(store_contacts_list(s, &got, &n, &err), VM_OK);
    assert_int_equal(n, 0);
    store_close(s);
    free(before);
}

static void a_bad_contact_changes_nothing(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_contacts_bad");
    store *s = tu_open(path);
    vm_err err = {0};
    contact good = make("Hanne", "Boligsocial medarbejder", "21436587", "");
    assert_int_equal(store_contacts_replace(s, &good, 1, NULL, &err), VM_OK);
    store_close(s);
    char *before = tu_dump(path);

    s = tu_open(path);
    contact bad[2] = {make("Ali", "", "", ""), make("", "Varmemester", "", "")};
    assert_int_equal(store_contacts_replace(s, bad, 2, NULL, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "Contact 2"));
    assert_non_null(strstr(err.msg, "name"));
    /* not UTF-8 */
    contact latin1 = make("S\xF8ren", "", "", "");
    assert_int_equal(store_contacts_replace(s, &latin1, 1, NULL, &err), VM_ERR_INVALID);
    /* a field not ended inside its size */
    contact full = make("Ali", "", "", "");
    memset(full.hours, 'x', sizeof full.hours);
    assert_int_equal(store_contacts_replace(s, &full, 1, NULL, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "hours"));
    /* more than a screen */
    contact *many = calloc(CONTACTS_MAX + 1, sizeof *many);
    for (int i = 0; i <= CONTACTS_MAX; i++)
        many[i] = make("Ali", "", "", "");
    assert_int_equal(store_contacts_replace(s, many, CONTACTS_MAX + 1, NULL, &err),
                     VM_ERR_INVALID);
    assert_int_equal(store_contacts_replace(s, many, CONTACTS_MAX, NULL, &err), VM_OK);
    free(many);
    store_close(s);
    /* (the last call was a good one: undo it to compare the refusals alone) */
    s = tu_open(path);
    assert_int_equal(store_contacts_replace(s, &good, 1, NULL, &err), VM_OK);
    store_close(s);
    char *after = tu_dump(path);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void the_schema_refuses_what_the_kiosk_cannot_read_back(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_contacts_schema");
    store *s = tu_open(path);
    store_close(s);
    /* a writer other than the store (a bundle made by a tool) meets the same limits */
    tu_sql(path, "INSERT INTO contacts (position, name) VALUES (0, 'Hanne')");
    assert_int_equal(tu_query_int(path, "SELECT count(*) FROM contacts"), 1);
    s = tu_open(path);
    contact *got = NULL;
    size_t n = 0;
    vm_err err = {0};
    assert_int_equal(store_contacts_list(s, &got, &n, &err), VM_OK);
    assert_int_equal(n, 1);
    assert_string_equal(got[0].role, "");
    free(got);
    store_close(s);
}

/* Photos go with their contacts, are compared like them, and must be of a right size. */
static void photos_with_their_contacts(void **state)
{
    (void)state;
    const char *path = tu_db_path("store_contact_photos");
    store *s = tu_open(path);
    vm_err err = {0};
    contact list[2] = {make("Hanne", "", "21436587", ""), make("Søren", "", "", "")};
    uint8_t px[2 * 3 * 3];
    for (size_t i = 0; i < sizeof px; i++)
        px[i] = (uint8_t)(i * 13);
    store_photo photos[2] = {{2, 3, px}, {0, 0, NULL}};
    bool changed = false;
    assert_int_equal(store_contacts_replace_photos(s, list, photos, 2, &changed, &err), VM_OK);
    assert_true(changed);
    store_photo got[CONTACTS_MAX];
    assert_int_equal(store_contact_photos(s, got, &err), VM_OK);
    assert_int_equal(got[0].w, 2);
    assert_int_equal(got[0].h, 3);
    assert_memory_equal(got[0].rgb, px, sizeof px);
    assert_null(got[1].rgb);
    store_photos_free(got);
    /* the same again: nothing written; another picture: written */
    assert_int_equal(store_contacts_replace_photos(s, list, photos, 2, &changed, &err), VM_OK);
    assert_false(changed);
    px[0] ^= 0xFF;
    assert_int_equal(store_contacts_replace_photos(s, list, photos, 2, &changed, &err), VM_OK);
    assert_true(changed);
    /* too big: refused, nothing changes */
    store_photo big[2] = {{CONTACT_PHOTO_MAX + 1, 1, px}, {0, 0, NULL}};
    assert_int_equal(store_contacts_replace_photos(s, list, big, 2, NULL, &err), VM_ERR_INVALID);
    /* the contacts without photos take them away */
    assert_int_equal(store_contacts_replace(s, list, 2, &changed, &err), VM_OK);
    assert_true(changed);
    assert_int_equal(store_contact_photos(s, got, &err), VM_OK);
    assert_null(got[0].rgb);
    store_photos_free(got);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(replaced_in_order_and_read_back),
        cmocka_unit_test(a_bad_contact_changes_nothing),
        cmocka_unit_test(the_schema_refuses_what_the_kiosk_cannot_read_back),
        cmocka_unit_test(photos_with_their_contacts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
