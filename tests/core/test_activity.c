#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "core/activity.h"
#include "core/icon.h"

static void category_words(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        category c;
    } words[] = {
        {"fællesspisning", CAT_FOOD}, {"FÆLLESSPISNING", CAT_FOOD}, {"Fællesspisning.", CAT_FOOD},
        {"spisning", CAT_FOOD}, {"Madklub", CAT_FOOD}, {"food", CAT_FOOD},
        {"gåtur", CAT_WALK}, {"GÅTUR", CAT_WALK}, {"Gå-tur", CAT_WALK}, {"udflugt", CAT_WALK},
        {"værksted", CAT_WORKSHOP}, {"VÆRKSTED", CAT_WORKSHOP}, {"banko", CAT_GAMES},
        {"Banko", CAT_GAMES}, {"lektiecafé", CAT_HOMEWORK}, {"LEKTIECAFÉ", CAT_HOMEWORK},
        {"lektiecafe", CAT_HOMEWORK}, {"foredrag", CAT_TALK}, {"kaffe", CAT_CAFE},
        {"morgenmad", CAT_CAFE}, {"motion", CAT_SPORT}, {"yoga", CAT_SPORT},
        {"børn", CAT_KIDS}, {"BØRN", CAT_KIDS}, {"Børn og familie", CAT_KIDS},
        {"musik", CAT_MUSIC}, {"fællessang", CAT_MUSIC}, {"have", CAT_GARDEN},
        {"fest", CAT_PARTY}, {"beboermøde", CAT_MEETING}, {"BEBOERMØDE", CAT_MEETING},
        {"strik", CAT_CRAFTS}, {"  strik  ", CAT_CRAFTS}, {"crafts", CAT_CRAFTS},
        {"homework", CAT_HOMEWORK}, {"  Kids ", CAT_KIDS}, {"other", CAT_OTHER},
        {"noget helt andet", CAT_OTHER}, {"", CAT_OTHER}, {NULL, CAT_OTHER},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (category_from_word(words[i].word) != words[i].c)
            fail_msg("'%s' gave %s", words[i].word ? words[i].word : "(null)",
                     category_key(category_from_word(words[i].word)));
    }
    /* keys round-trip, and are distinct ASCII */
    for (int c = 0; c < CAT_COUNT; c++) {
        const char *key = category_key((category)c);
        assert_int_equal(category_from_word(key), c);
        for (const char *p = key; *p; p++)
            assert_true(*p > ' ' && *p < 0x7f);
        for (int d = 0; d < c; d++)
            assert_string_not_equal(key, category_key((category)d));
    }
    assert_string_equal(category_key(CAT_COUNT), "other");
    assert_string_equal(category_key(CAT_FOOD), "food");
}

static void badge_words(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        unsigned bit;
    } words[] = {
        {"gratis", BADGE_FREE}, {"Gratis", BADGE_FREE}, {"GRATIS", BADGE_FREE},
        {"bare kom", BADGE_JUST_COME}, {"Bare kom!", BADGE_JUST_COME},
        {"bare_kom", BADGE_JUST_COME}, {"just_come", BADGE_JUST_COME},
        {"børnepasning", BADGE_CHILDCARE}, {"BØRNEPASNING", BADGE_CHILDCARE},
        {"fint at komme alene", BADGE_ALONE_OK},
        {"Det er fint at komme alene", BADGE_ALONE_OK}, {"alone_ok", BADGE_ALONE_OK},
        {"kun for beboere", BADGE_RESIDENTS_ONLY}, {"Kun for beboere", BADGE_RESIDENTS_ONLY},
        {"residents_only", BADGE_RESIDENTS_ONLY},
        {"uden trapper", BADGE_STEP_FREE}, {"Uden  trapper", BADGE_STEP_FREE},
        {"step_free", BADGE_STEP_FREE}, {"free", BADGE_FREE},
        {"billig", 0}, {"", 0}, {NULL, 0},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (badge_from_word(words[i].word) != words[i].bit)
            fail_msg("'%s' gave %u", words[i].word ? words[i].word : "(null)",
                     badge_from_word(words[i].word));
    }
    for (int i = 0; i < BADGE_COUNT; i++) {
        const char *key = badge_key(1u << i);
        assert_non_null(key);
        assert_int_equal(badge_from_word(key), 1u << i);
    }
    assert_null(badge_key(0));
    assert_null(badge_key(BADGE_FREE | BADGE_JUST_COME));
    assert_null(badge_key(1u << BADGE_COUNT));
}

static void modes_and_statuses(void **state)
{
    (void)state;
    signup_mode m = SIGNUP_MODE_OPEN;
    assert_true(signup_mode_from_word("Bare kom", &m));
    assert_int_equal(m, SIGNUP_MODE_NONE);
    assert_true(signup_mode_from_word("tilmelding", &m));
    assert_int_equal(m, SIGNUP_MODE_OPEN);
    assert_true(signup_mode_from_word("Giv en hånd", &m));
    assert_int_equal(m, SIGNUP_MODE_HELPERS);
    assert_true(signup_mode_from_word("HJÆLPERE", &m));
    assert_int_equal(m, SIGNUP_MODE_HELPERS);
    assert_true(signup_mode_from_word("nej", &m));
    assert_int_equal(m, SIGNUP_MODE_NONE);
    m = SIGNUP_MODE_HELPERS;
    assert_false(signup_mode_from_word("måske", &m));
    assert_false(signup_mode_from_word("", &m));
    assert_int_equal(m, SIGNUP_MODE_HELPERS);
    for (int i = 0; i < 3; i++) {
        assert_true(signup_mode_from_word(signup_mode_key((signup_mode)i), &m));
        assert_int_equal(m, i);
        signup_status s;
        assert_true(signup_status_from_key(signup_status_key((signup_status)i), &s));
        assert_int_equal(s, i);
    }
    signup_status s = SIGNUP_WAITING;
    assert_false(signup_status_from_key("Confirmed", &s)); /* keys are exact */
    assert_false(signup_status_from_key(NULL, &s));
    assert_int_equal(s, SIGNUP_WAITING);
}

static activity sample(void)
{
    activity a;
    memset(&a, 0, sizeof a);
    a.id = 7;
    strcpy(a.uid, "gaatur-2026-12-10");
    strcpy(a.title, "Gåtur i parken");
    strcpy(a.description, "Vi går en tur.");
    a.category = CAT_WALK;
    strcpy(a.place, "Fælleshuset");
    strcpy(a.host, "Hanne");
    a.start = 1000;
    a.end = 2000;
    a.mode = SIGNUP_MODE_NONE;
    a.badges = BADGE_FREE | BADGE_JUST_COME;
    a.n_tasks = 1;
    a.tasks[0].id = 3;
    strcpy(a.tasks[0].title, "Lave kaffe");
    a.tasks[0].minutes = 30;
    a.tasks[0].slots = 2;
    return a;
}

static void same_content(void **state)
{
    (void)state;
    activity a = sample(), b = sample();
    assert_true(activity_same_content(&a, &b));
    b.id = 99;
    b.tasks[0].id = 42;
    assert_true(activity_same_content(&a, &b)); /* store ids are not content */
    /* bytes after the NUL do not matter */
    b.title[sizeof b.title - 1] = 'x';
    assert_true(activity_same_content(&a, &b));
    assert_true(activity_same_content(NULL, NULL));
    assert_false(activity_same_content(&a, NULL));

#define CHANGED(stmt)                             \
    do {                                          \
        activity c = sample();                    \
        stmt;                                     \
        assert_false(activity_same_content(&a, &c)); \
    } while (0)
    CHANGED(strcpy(c.uid, "x"));
    CHANGED(strcpy(c.title, "Gåtur i skoven"));
    CHANGED(strcpy(c.description, ""));
    CHANGED(c.category = CAT_SPORT);
    CHANGED(strcpy(c.place, "P-pladsen"));
    CHANGED(strcpy(c.host, "Ole"));
    CHANGED(strcpy(c.host_phone, "12345678"));
    CHANGED(strcpy(c.price, "10 kr."));
    CHANGED(strcpy(c.audience, "For alle"));
    CHANGED(c.start++);
    CHANGED(c.end++);
    CHANGED(c.mode = SIGNUP_MODE_OPEN);
    CHANGED(c.capacity = 10);
    CHANGED(c.deadline = 900);
    CHANGED(c.count_household = true);
    CHANGED(c.badges |= BADGE_STEP_FREE);
    CHANGED(strcpy(c.signup_url, "https://example.org"));
    CHANGED(c.cancelled = true);
    CHANGED(c.n_tasks = 0);
    CHANGED(strcpy(c.tasks[0].title, "Dække bord"));
    CHANGED(c.tasks[0].minutes = 45);
    CHANGED(c.tasks[0].slots = 3);
#undef CHANGED
}

static void icons(void **state)
{
    (void)state;
    assert_int_equal(icon_for_category(CAT_FOOD), ICON_CAT_FOOD);
    assert_int_equal(icon_for_category(CAT_CRAFTS), ICON_CAT_CRAFTS);
    assert_int_equal(icon_for_category(CAT_OTHER), ICON_CAT_OTHER);
    assert_int_equal(icon_for_category(CAT_COUNT), ICON_CAT_OTHER);
    assert_int_equal(icon_for_badge(BADGE_FREE), ICON_BADGE_FREE);
    assert_int_equal(icon_for_badge(BADGE_STEP_FREE), ICON_BADGE_STEP_FREE);
    assert_int_equal(icon_for_badge(BADGE_RESIDENTS_ONLY), ICON_BADGE_RESIDENTS_ONLY);
    assert_int_equal(icon_for_badge(0), ICON_NONE);
    assert_int_equal(icon_for_badge(BADGE_FREE | BADGE_CHILDCARE), ICON_NONE);
    assert_string_equal(icon_name(ICON_CAT_FOOD), "cat_food");
    assert_string_equal(icon_name(ICON_BACK), "back");
    assert_string_equal(icon_name(ICON_BADGE_JUST_COME), "badge_just_come");
    assert_string_equal(icon_name(ICON_COUNT), "none");
    /* every icon has its own name; category icons are named after the category keys */
    for (int i = 0; i < ICON_COUNT; i++) {
        const char *name = icon_name((icon_id)i);
        assert_true(i == ICON_NONE || strcmp(name, "none") != 0);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(name, icon_name((icon_id)j));
    }
    for (int c = 0; c < CAT_COUNT; c++) {
        char want[64];
        snprintf(want, sizeof want, "cat_%s", category_key((category)c));
        assert_string_equal(icon_name(icon_for_category((category)c)), want);
    }
    for (int b = 0; b < BADGE_COUNT; b++) {
        char want[64];
        snprintf(want, sizeof want, "badge_%s", badge_key(1u << b));
        assert_string_equal(icon_name(icon_for_badge(1u << b)), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(category_words),
        cmocka_unit_test(badge_words),
        cmocka_unit_test(modes_and_statuses),
        cmocka_unit_test(same_content),
        cmocka_unit_test(icons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
