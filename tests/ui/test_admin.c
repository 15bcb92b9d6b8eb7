/* The staff's screens: the hidden gesture, the PIN, the facts, the stick, the sign-ups with
 * names and a staff cancel, the touch test, restart, and forgetting it all when left. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ui/ui_internal.h"

#define BIRGITTE_ID "5a1e2b3c-0000-4000-8000-000000000001"
#define OLE_ID "5a1e2b3c-0000-4000-8000-000000000002"

typedef struct staff {
    ui_admin_info info;
    signup signups[3];
    ui_config_problem problems[2];
} staff;

static staff *staff_new(harness *h)
{
    staff *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->info.version = "0.4.0";
    s->info.kiosk_id = "kiosk-7f3a";
    s->info.db_bytes = 2600000;
    s->info.last_sync = ts_time("2026-11-21 10:00");
    s->info.last_sync_summary = "12 nye aktiviteter, 3 ændret, 1 aflyst.";
    s->problems[0] = (ui_config_problem){12, "night: write it like 23:00-06:00"};
    s->problems[1] = (ui_config_problem){17, "the key \"nigth\" is not known"};
    s->info.config_problems = s->problems;
    s->info.n_config_problems = 2;
    signup *b = &s->signups[0];
    snprintf(b->id, sizeof b->id, BIRGITTE_ID);
    snprintf(b->activity_uid, sizeof b->activity_uid, "spis-2411");
    snprintf(b->name, sizeof b->name, "Birgitte");
    b->adults = 2;
    b->children = 1;
    signup *o = &s->signups[1];
    snprintf(o->id, sizeof o->id, OLE_ID);
    snprintf(o->activity_uid, sizeof o->activity_uid, "spis-2411");
    snprintf(o->name, sizeof o->name, "Ole");
    o->adults = 1;
    o->status = SIGNUP_WAITING;
    o->waiting_position = 1;
    o->wants_company = true;
    h->m.admin_enabled = true;
    return s;
}

static ui_action take_one(harness *h)
{
    ui_action a;
    assert_true(ui_take_action(h->u, &a));
    ui_action again;
    assert_false(ui_take_action(h->u, &again));
    return a;
}

static void answer(harness *h, vm_status st, const char *msg)
{
    ui_action_result r = {.status = st};
    snprintf(r.message, sizeof r.message, "%s", msg ? msg : "");
    ui_action_done(h->u, &h->m, &r, h->now_ms);
    h_build(h);
}

/* Holds a finger on the clock for `ms`, ticking, and returns the screen while still held. */
static const char *hold_clock(harness *h, int64_t ms)
{
    const ui_widget *c = h_widget(h, "clock");
    int x = c->rect.x + c->rect.w / 2, y = c->rect.y + c->rect.h / 2;
    h->now_ms += 500;
    h_press(h, x, y);
    for (int64_t t = 0; t < ms; t += 500)
        h_advance(h, ms - t < 500 ? ms - t : 500);
    return h_screen(h);
}

static void release(harness *h)
{
    h_release(h, 5, 5);
}

/* Opens the admin screen: hold, PIN, the app says yes, and fills the staff block. */
static void open_admin(harness *h, staff *s)
{
    h_scroll_top(h);
    assert_string_equal(hold_clock(h, UI_ADMIN_HOLD_MS), "admin-pin");
    release(h);
    h_digits(h, "2468");
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_PIN);
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin");
    assert_true(ui_admin_open(h->u));
    h->m.admin = &s->info;
    h_build(h);
}

/* A five-second press on the clock opens the PIN screen while the finger is still down; a
 * tap, a shorter press, a press that moves, or a kiosk without a PIN do nothing. */
static void hold_the_clock(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    /* no PIN configured: nothing */
    assert_string_equal(hold_clock(h, 6000), "home");
    release(h);
    h->m.admin_enabled = true;
    h_build(h);
    /* a tap on the clock is nothing */
    h_tap(h, "clock");
    assert_string_equal(h_screen(h), "home");
    /* a press of 4.5 s is nothing; the deadline is the end of the hold */
    const ui_widget *c = h_widget(h, "clock");
    int x = c->rect.x + c->rect.w / 2, y = c->rect.y + c->rect.h / 2;
    h->now_ms += 500;
    int64_t down = h->now_ms;
    h_press(h, x, y);
    assert_int_equal(ui_next_deadline(h->u, h->now_ms), down + UI_ADMIN_HOLD_MS);
    h_advance(h, 4500);
    assert_string_equal(h_screen(h), "home");
    h_release(h, x, y);
    assert_string_equal(h_screen(h), "home");
    /* a press that slides away (a swipe) is nothing */
    h->now_ms += 500;
    h_press(h, x, y);
    ui_input mv = {.kind = UI_IN_MOVE, .x = x + 60, .y = y + 60};
    ui_handle(h->u, &h->m, &mv, h->now_ms);
    h_advance(h, 6000);
    assert_string_equal(h_screen(h), "home");
    h_release(h, x + 60, y + 60);
    /* a hold elsewhere (the header between the language button and the arrows) is nothing */
    int ex = h_widget(h, "lang")->rect.x + h_widget(h, "lang")->rect.w + 20, ey = 20;
    assert_null(ui_frame_hit(&h->f, ex, ey));
    h->now_ms += 500;
    h_press(h, ex, ey);
    h_advance(h, 6000);
    assert_string_equal(h_screen(h), "home");
    h_release(h, ex, ey);
    /* five seconds: admin-pin, before the finger is lifted; lifting it types nothing */
    assert_string_equal(hold_clock(h, UI_ADMIN_HOLD_MS), "admin-pin");
    assert_false(ui_admin_open(h->u));
    const ui_widget *one = h_widget(h, "digit:1");
    h_release(h, one->rect.x + 5, one->rect.y + 5);
    assert_string_equal(h_widget(h, "pin")->label, "");
    /* back goes home */
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "home");
    h_free(h);
}

/* The PIN: too short is said; a wrong one gets the app's message (it rate-limits); a right one
 * opens the admin screen. The PIN shows as bullets and is wiped once sent. */
static void the_pin(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    hold_clock(h, UI_ADMIN_HOLD_MS);
    release(h);
    h_digits(h, "12");
    assert_string_equal(h_widget(h, "pin")->label, "\xE2\x80\xA2\xE2\x80\xA2");
    assert_false(h_text_contains(h, "12"));
    h_tap(h, "confirm");
    assert_string_equal(h_widget(h, "message")->label, "Koden har 4 til 8 cifre");
    assert_false(ui_take_action(h->u, &(ui_action){0}));
    h_digits(h, "3456789"); /* 9 digits typed: the 9th is not taken */
    assert_int_equal(strlen(h_widget(h, "pin")->label), 8 * 3);
    h_tap(h, "key:backspace");
    h_tap(h, "confirm");
    assert_string_equal(h_widget(h, "confirm")->label, "Et øjeblik\xE2\x80\xA6");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_PIN);
    assert_string_equal(a.pin, "1234567");
    assert_string_equal(h_widget(h, "pin")->label, "");
    /* taps wait while the app checks */
    h_tap(h, "digit:5");
    assert_string_equal(h_widget(h, "pin")->label, "");
    answer(h, VM_ERR_REFUSED, "Forkert kode. Prøv igen om 1 minut.");
    assert_string_equal(h_screen(h), "admin-pin");
    assert_string_equal(h_widget(h, "message")->label, "Forkert kode. Prøv igen om 1 minut.");
    assert_false(ui_admin_open(h->u));
    /* a wrong one without words */
    h_digits(h, "0000");
    h_tap(h, "confirm");
    take_one(h);
    answer(h, VM_ERR_NOT_FOUND, NULL);
    assert_string_equal(h_widget(h, "message")->label, "Koden er forkert");
    /* a physical keyboard types digits only */
    ui_input in = {.kind = UI_IN_TEXT};
    snprintf(in.text, sizeof in.text, "2a4b6c8");
    ui_handle(h->u, &h->m, &in, h->now_ms);
    h_build(h);
    assert_int_equal(strlen(h_widget(h, "pin")->label), 4 * 3);
    h_tap(h, "confirm");
    a = take_one(h);
    assert_string_equal(a.pin, "2468");
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin");
    assert_true(ui_admin_open(h->u));
    free(s);
    h_free(h);
}

/* Who this kiosk is to the estate's other kiosks and the office: its key's fingerprint (as
 * `vaermed kiosk key` prints it) and, with a synced folder, the Syncthing device id, or
 * plainly that none was found; without a folder no Syncthing line at all. At 7" too. */
static void admin_shows_the_kiosks_identity(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1280, 800}, {480, 800}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        harness *h = h_new(sizes[k][0], sizes[k][1]);
        staff *s = staff_new(h);
        s->info.kiosk_key = "7F3A-91C2-0B4D-EE10";
        open_admin(h, s);
        assert_string_equal(h_scroll_to(h, "info:kiosk-key")->label,
                            "Kioskens nøgle: 7F3A-91C2-0B4D-EE10 (linjen til afdelingens andre "
                            "kiosker: vaermed kiosk key)");
        assert_false(h_has(h, "info:syncthing"));
        /* a synced folder, but no Syncthing found for the kiosk's user */
        s->info.sync_folder = true;
        h_build(h);
        const ui_widget *w = h_scroll_to(h, "info:syncthing");
        assert_non_null(strstr(w->label, "Syncthing-enheds-id: Ikke fundet"));
        /* found: the id itself */
        s->info.sync_device =
            "MFZWI3D-BONSGYC-YLTMRWG-C43ENR5-QXGZDMM-FZWI3DP-BONSGYY-LTMRWAD";
        h_build(h);
        w = h_scroll_to(h, "info:syncthing");
        assert_string_equal(w->label, "Syncthing-enheds-id: MFZWI3D-BONSGYC-YLTMRWG-C43ENR5-"
                                      "QXGZDMM-FZWI3DP-BONSGYY-LTMRWAD");
        /* every frame is checked for the people's sizes and whole words (harness.h) */
        assert_true(h->check_layout && h->check_words);
        free(s);
        h_free(h);
    }
}

/* With a synced folder (sync_folder) the staff are told where each action goes: "Gem i
 * mappen" goes to the folder and works without a stick; the sticks stay, named as the
 * physical staff sticks. Without a folder, the stick's words; with a staff stick in, the
 * export goes to the stick and says so. At 7", 10" and upright. */
static void admin_speaks_of_the_folder_where_there_is_one(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1280, 800}, {480, 800}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        harness *h = h_new(sizes[k][0], sizes[k][1]);
        staff *s = staff_new(h);
        open_admin(h, s);
        /* no folder: the stick's words, export grey until a staff stick is in */
        assert_string_equal(h_widget(h, "admin-sticks")->label, "USB-nøgler");
        assert_string_equal(h_widget(h, "admin-export")->label, "Gem på nøglen");
        assert_true(h_widget(h, "admin-export")->flags & UI_WIDGET_DISABLED);
        /* a synced folder: the folder's words, and export goes there without a stick */
        s->info.sync_folder = true;
        h_build(h);
        /* the staff's own sticks, or on a 7" screen, where that leaves the pictogram alone,
         * the shorter words */
        assert_string_equal(h_widget(h, "admin-sticks")->label,
                            sizes[k][0] == 800 ? "USB-nøgler" : "Personalenøgler");
        assert_string_equal(h_widget(h, "admin-export")->label, "Gem i mappen");
        assert_false(h_widget(h, "admin-export")->flags & UI_WIDGET_DISABLED);
        assert_false(h_has(h, "stick-reason"));
        h_tap(h, "admin-export");
        ui_action a = take_one(h);
        assert_int_equal(a.kind, UI_ACTION_ADMIN_EXPORT);
        answer(h, VM_OK, "Mappen er opdateret.");
        /* authorising is for a physical stick: kept, and said so */
        h_tap(h, "admin-sticks");
        assert_string_equal(h_screen(h), "admin-sticks");
        assert_string_equal(h_widget(h, "title")->label, "Personalets USB-nøgler");
        assert_string_equal(h_widget(h, "admin-authorise-stick")->label, "Godkend");
        assert_true(h_widget(h, "admin-authorise-stick")->flags & UI_WIDGET_DISABLED);
        h_tap(h, "back");
        /* a staff stick in: the export goes to the stick, and says so */
        s->info.stick_present = s->info.stick_authorised = true;
        h_build(h);
        assert_string_equal(h_widget(h, "admin-export")->label, "Gem på nøglen");
        assert_false(h_widget(h, "admin-export")->flags & UI_WIDGET_DISABLED);
        /* the time a stick or the folder set can be forgotten: it says both */
        s->info.stick_present = s->info.stick_authorised = false;
        s->info.clock_status = UI_CLOCK_BEHIND_IMPORT;
        s->info.clock_floor = ts_time("2026-11-24 11:00");
        h_build(h);
        assert_string_equal(h_scroll_to(h, "admin-clock-reset")->label,
                            "Glem tiden fra nøglen eller mappen");
        /* and the clock's fact names where such a time comes from: a stick or the folder */
        h_scroll_to(h, "info:clock");
        assert_true(h_label_contains(h, "Ur: Forkert: uret går bagud i forhold til den tid, en "
                                        "USB-nøgle eller mappen kom med"));
        /* the sticks screen says the sign-ups leave through the folder as well */
        h_scroll_top(h);
        h_tap(h, "admin-sticks");
        assert_true(h_label_contains(h, "Ingen personalenøgle: tilmeldinger gemmes ikke på "
                                        "USB-nøgler eller i mappen"));
        s->info.staff_keys = "7F3A-91C2-0B4D-EE10";
        h_build(h);
        assert_true(h_label_contains(h, "Tilmeldinger kommer med på USB-nøglen og i mappen "
                                        "forseglet til personalets nøgle 7F3A-91C2-0B4D-EE10."));
        assert_true(h->check_layout && h->check_words);
        free(s);
        h_free(h);
    }
}

/* The facts, in words; the stick buttons grey with the reason until a stick is in. */
static void admin_facts_and_the_stick(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    open_admin(h, s);
    /* everything is said (some of it further down the scrolled card) */
    assert_true(h_label_contains(h, "Ur: OK"));
    assert_string_equal(h_scroll_to(h, "info:version")->label, "Version: 0.4.0");
    assert_string_equal(h_scroll_to(h, "info:kiosk")->label, "Kiosk-id: kiosk-7f3a");
    assert_string_equal(h_scroll_to(h, "info:database")->label, "Database: 2,5 MB");
    assert_string_equal(h_scroll_to(h, "info:sync")->label,
                        "Sidste synkronisering: Lørdag 21. nov. 10:00 \xE2\x80\x93 12 nye "
                        "aktiviteter, 3 ændret, 1 aflyst.");
    assert_string_equal(h_scroll_to(h, "info:stick")->label, "USB-nøgle: Ingen sat i");
    assert_string_equal(h_scroll_to(h, "info:config")->label,
                        "Indstillinger: Linje 12: night: write it like 23:00-06:00\n"
                        "Linje 17: the key \"nigth\" is not known");
    s->info.db_bytes = 5000;
    h_build(h);
    assert_string_equal(h_scroll_to(h, "info:database")->label, "Database: 5 kB");
    h_scroll_top(h);
    /* no stick: export grey, the reason said; a tap says it too, nothing is done */
    assert_false(h_widget(h, "admin-sticks")->flags & UI_WIDGET_DISABLED);
    assert_true(h_widget(h, "admin-export")->flags & UI_WIDGET_DISABLED);
    assert_string_equal(h_widget(h, "stick-reason")->label, "Sæt først en personalenøgle i");
    h_tap(h, "admin-export");
    assert_string_equal(h_widget(h, "message")->label, "Sæt først en personalenøgle i");
    assert_false(ui_take_action(h->u, &(ui_action){0}));
    /* USB sticks: no stick in, so it cannot be authorised, and it says why */
    h_tap(h, "admin-sticks");
    assert_string_equal(h_screen(h), "admin-sticks");
    assert_true(h_widget(h, "admin-authorise-stick")->flags & UI_WIDGET_DISABLED);
    assert_string_equal(h_widget(h, "stick-reason")->label, "Sæt først en USB-nøgle i");
    h_tap(h, "admin-authorise-stick");
    assert_false(ui_take_action(h->u, &(ui_action){0}));
    /* a stranger's stick goes in: the screen is not interrupted; it can be authorised */
    s->info.stick_present = true;
    h->m.stick = (ui_stick){UI_STICK_REFUSED, NULL, 0, "Denne USB-nøgle er ikke en Vær med-nøgle."};
    h_build(h);
    assert_string_equal(h_screen(h), "admin-sticks");
    assert_false(h_widget(h, "admin-authorise-stick")->flags & UI_WIDGET_DISABLED);
    h_tap(h, "admin-authorise-stick");
    assert_string_equal(h_widget(h, "message")->label, "Et øjeblik\xE2\x80\xA6");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_AUTHORISE_STICK);
    h_tap(h, "admin-authorise-stick"); /* nothing while the app works */
    assert_false(ui_take_action(h->u, &a));
    s->info.stick_authorised = true;
    answer(h, VM_OK, "USB-nøglen er nu en personalenøgle til denne kiosk.");
    assert_string_equal(h_widget(h, "message")->label,
                        "USB-nøglen er nu en personalenøgle til denne kiosk.");
    assert_true(h_widget(h, "admin-authorise-stick")->flags & UI_WIDGET_DISABLED);
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "admin");
    /* export now */
    h_tap(h, "admin-export");
    a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_EXPORT);
    answer(h, VM_ERR_IO, "Tilmeldingerne kunne ikke gemmes på USB-nøglen: USB-nøglen er fuld.");
    assert_true(h_label_contains(h, "USB-nøglen er fuld"));
    /* the clock: wrong, and said plainly with what to do */
    s->info.clock_status = UI_CLOCK_BEHIND_IMPORT;
    s->info.clock_floor = ts_time("2026-11-24 11:00");
    h_build(h);
    h_scroll_top(h);
    h_scroll_to(h, "info:clock");
    assert_true(h_label_contains(h, "Ur: Forkert: uret går bagud i forhold til den tid, en "
                                    "USB-nøgle kom med (tirsdag 24. november 2026 11:00)"));
    s->info.clock_status = UI_CLOCK_BEFORE_BUILD;
    h_build(h);
    assert_true(
        h_label_contains(h, "Ur: Forkert: uret viser en tid før den dag, kiosken blev lavet"));
    s->info.clock_status = UI_CLOCK_OK;
    h->m.clock_suspect = true;
    h_build(h);
    assert_true(h_label_contains(h, "Ur: Uret går måske forkert"));
    /* nothing filled in by the app (yet): dots, not a crash */
    h->m.admin = NULL;
    h_build(h);
    assert_string_equal(h_scroll_to(h, "info:version")->label, "Version: \xE2\x80\xA6");
    free(s);
    h_free(h);
}

/* The staff sticks: who the names are sealed for, each stick with its dates and state, and
 * withdrawing one after a question. */
static void staff_sticks(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    ui_admin_stick sticks[3] = {
        {"3fa9c2d1", "Hannes nøgle", ts_time("2026-11-02 10:00"), ts_time("2027-11-02 10:00"),
         ts_time("2026-11-21 10:00"), 0, false, true},
        {"9b0e11aa", "", ts_time("2025-10-01 10:00"), ts_time("2026-10-01 10:00"), 0, 0, true,
         false},
        {"77c0ffee", "Tabt", ts_time("2025-01-01 10:00"), 0, 0, ts_time("2026-03-01 10:00"),
         false, false},
    };
    s->info.sticks = sticks;
    s->info.n_sticks = 3;
    open_admin(h, s);
    h_tap(h, "admin-sticks");
    assert_string_equal(h_screen(h), "admin-sticks");
    /* no staff key yet: said first, plainly */
    assert_true(h_label_contains(h, "Ingen personalenøgle"));
    s->info.staff_keys = "7F3A-91C2-0B4D-EE10";
    h_build(h);
    assert_true(h_label_contains(h, "forseglet til personalets nøgle 7F3A-91C2-0B4D-EE10"));
    const ui_widget *w = h_scroll_to(h, "stick:3fa9c2d1"); /* (the words over the list scroll) */
    assert_non_null(w);
    assert_non_null(strstr(w->label, "Hannes nøgle"));
    assert_non_null(strstr(w->label, "sidst brugt"));
    assert_non_null(strstr(w->label, "sat i nu"));
    assert_non_null(strstr(h_scroll_to(h, "stick:9b0e11aa")->label, "udløb"));
    assert_non_null(strstr(h_scroll_to(h, "stick:77c0ffee")->label, "trukket tilbage"));
    /* a withdrawn stick has nothing more to withdraw; the others do */
    assert_false(h_has(h, "admin-revoke:77c0ffee"));
    h_scroll_to(h, "admin-revoke:9b0e11aa");
    h_scroll_to(h, "admin-revoke:3fa9c2d1");
    h_tap(h, "admin-revoke:3fa9c2d1");
    assert_string_equal(h_screen(h), "admin-confirm");
    assert_true(h_label_contains(h, "3fa9c2d1 (Hannes nøgle)"));
    assert_false(ui_take_action(h->u, &(ui_action){0})); /* nothing before the yes */
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_REVOKE_STICK);
    assert_string_equal(a.stick_id, "3fa9c2d1");
    sticks[0].revoked = ts_time("2026-11-23 10:00");
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin-sticks");
    assert_string_equal(h_widget(h, "message")->label, "USB-nøglen er trukket tilbage");
    assert_false(h_has(h, "admin-revoke:3fa9c2d1"));
    /* the admin screens forget it all when left */
    h_tap(h, "back");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "home");
    free(s);
    h_free(h);
}

/* The sign-ups with names, behind the PIN: choose an activity, see who, cancel one after a
 * question; the answer comes back to the list. No name ever reaches a public screen. */
static void staff_cancel(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    open_admin(h, s);
    h_tap(h, "admin-signups");
    assert_string_equal(h_screen(h), "admin-signups");
    /* the activities that take sign-ups, with their counts; not the walk (no sign-up) */
    assert_true(h_label_contains(h, "Fællesspisning \xC2\xB7 I dag 18:00 \xC2\xB7 12 tilmeldt"));
    assert_false(h_has(h, "admin-activity:gaa-2411"));
    h_tap(h, "admin-activity:spis-2411");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_LOAD_SIGNUPS);
    assert_string_equal(a.uid, "spis-2411");
    assert_true(h_label_contains(h, "Et øjeblik"));
    /* a list of another activity is never shown as this one's */
    s->info.signups_uid = "lektie-2511";
    s->info.signups = s->signups;
    s->info.n_signups = 2;
    h_build(h);
    assert_false(h_label_contains(h, "Birgitte"));
    s->info.signups_uid = "spis-2411";
    answer(h, VM_OK, NULL);
    assert_string_equal(h_widget(h, "title")->label, "Fællesspisning");
    assert_true(h_label_contains(h, "Birgitte \xC2\xB7 2 voksne, 1 barn"));
    assert_true(h_label_contains(
        h, "Ole \xC2\xB7 1 voksen \xC2\xB7 venteliste nr. 1 \xC2\xB7 vil gerne følges"));
    /* cancel Birgitte: first the question; back keeps her */
    h_tap(h, "admin-cancel:" BIRGITTE_ID);
    assert_string_equal(h_screen(h), "admin-confirm");
    assert_string_equal(h_widget(h, "question")->label,
                        "Afmeld Birgitte fra Fællesspisning? Ventelisten rykker op.");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "admin-signups");
    assert_false(ui_take_action(h->u, &a));
    h_tap(h, "admin-cancel:" BIRGITTE_ID);
    h_tap(h, "confirm");
    assert_string_equal(h_widget(h, "confirm")->label, "Et øjeblik\xE2\x80\xA6");
    h_tap(h, "confirm"); /* a double tap is one cancel */
    a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_CANCEL_SIGNUP);
    assert_string_equal(a.uid, "spis-2411");
    assert_string_equal(a.signup_id, BIRGITTE_ID);
    /* the app cancels, the waiting list moves, the list is refreshed */
    s->signups[0].status = SIGNUP_CANCELLED;
    s->signups[1].status = SIGNUP_CONFIRMED;
    s->signups[1].waiting_position = 0;
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin-signups");
    assert_string_equal(h_widget(h, "message")->label, "Tilmeldingen er afmeldt");
    assert_true(h_label_contains(h, "Birgitte \xC2\xB7 2 voksne, 1 barn \xC2\xB7 afmeldt"));
    assert_false(h_has(h, "admin-cancel:" BIRGITTE_ID)); /* nothing to cancel twice */
    assert_non_null(h_widget(h, "admin-cancel:" OLE_ID));
    /* a refusal from the app is said */
    h_tap(h, "admin-cancel:" OLE_ID);
    h_tap(h, "confirm");
    take_one(h);
    answer(h, VM_ERR_NOT_FOUND, "Tilmeldingen findes ikke længere.");
    assert_string_equal(h_widget(h, "message")->label, "Tilmeldingen findes ikke længere.");
    /* back: the list of activities, then the admin screen, then home; no names left */
    h_tap(h, "back");
    assert_non_null(h_widget(h, "admin-activity:spis-2411"));
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "admin");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "home"); /* the harness checks no "Birgitte" here */
    assert_false(ui_admin_open(h->u));
    /* and the PIN is asked again */
    assert_string_equal(hold_clock(h, UI_ADMIN_HOLD_MS), "admin-pin");
    release(h);
    free(s);
    h_free(h);
}

/* A minute without a touch leaves any admin screen and forgets the PIN. */
static void idle_leaves_admin(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    static const char *const from[] = {"admin", "admin-signups", "admin-test", "admin-pin"};
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        if (strcmp(from[i], "admin-pin") == 0) {
            hold_clock(h, UI_ADMIN_HOLD_MS);
            release(h);
            h_digits(h, "12");
        } else {
            open_admin(h, s);
            if (strcmp(from[i], "admin-signups") == 0) {
                h_tap(h, "admin-signups");
                h_tap(h, "admin-activity:spis-2411");
                take_one(h);
                s->info.signups_uid = "spis-2411";
                s->info.signups = s->signups;
                s->info.n_signups = 2;
                answer(h, VM_OK, NULL);
            } else if (strcmp(from[i], "admin-test") == 0) {
                h_tap(h, "admin-test-pattern");
            }
        }
        assert_string_equal(h_screen(h), from[i]);
        h_advance(h, 59000);
        assert_string_equal(h_screen(h), from[i]);
        assert_true(h_advance(h, 1000));
        assert_string_equal(h_screen(h), "home");
        assert_false(ui_admin_open(h->u));
        assert_false(h->u->admin.unlocked);
        assert_string_equal(h->u->admin.pin, "");
        h->m.admin = NULL; /* the app drops the names */
        h_build(h);
    }
    free(s);
    h_free(h);
}

/* The touch test lights the squares touched and says where the last touch was. */
static void touch_test(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    open_admin(h, s);
    h_tap(h, "admin-test-pattern");
    assert_string_equal(h_screen(h), "admin-test");
    assert_string_equal(h_widget(h, "touch-pos")->label, "Tryk på hvert felt: det bliver grønt");
    const ui_widget *cell = h_widget(h, "test:0:0");
    assert_false(cell->flags & UI_WIDGET_SELECTED);
    int x = cell->rect.x + 3, y = cell->rect.y + 4;
    h_tap_at(h, x, y, 500);
    assert_true(h_widget(h, "test:0:0")->flags & UI_WIDGET_SELECTED);
    char want[64];
    snprintf(want, sizeof want, "Sidste tryk: x %d, y %d", x, y);
    assert_string_equal(h_widget(h, "touch-pos")->label, want);
    /* a finger drawn across lights what it passes, and the position follows it */
    const ui_widget *a = h_widget(h, "test:1:0"), *b = h_widget(h, "test:1:3");
    h->now_ms += 500;
    h_press(h, a->rect.x + 5, a->rect.y + 5);
    ui_input mv = {.kind = UI_IN_MOVE, .x = b->rect.x + 5, .y = b->rect.y + 5};
    ui_handle(h->u, &h->m, &mv, h->now_ms);
    h_release(h, b->rect.x + 5, b->rect.y + 5);
    assert_true(h_widget(h, "test:1:0")->flags & UI_WIDGET_SELECTED);
    assert_true(h_widget(h, "test:1:3")->flags & UI_WIDGET_SELECTED);
    assert_false(h_widget(h, "test:1:1")->flags & UI_WIDGET_SELECTED);
    /* the corners can be reached: the grid fills the screen below the bar */
    const ui_widget *last = NULL;
    for (size_t i = 0; i < h->f.n_widgets; i++)
        if (strncmp(h->f.widgets[i].id, "test:", 5) == 0)
            last = &h->f.widgets[i];
    assert_non_null(last);
    assert_true(last->rect.x + last->rect.w >= 800 - 24);
    assert_true(last->rect.y + last->rect.h >= 480 - 24);
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "admin");
    free(s);
    h_free(h);
}

/* Restart asks first. */
static void restart(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    open_admin(h, s);
    h_tap(h, "admin-restart");
    assert_string_equal(h_screen(h), "admin-confirm");
    assert_string_equal(h_widget(h, "question")->label,
                        "Genstart kiosken? Den er tilbage om cirka et minut.");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "admin");
    assert_false(ui_take_action(h->u, &(ui_action){0}));
    h_tap(h, "admin-restart");
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_RESTART);
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin");
    assert_string_equal(h_widget(h, "message")->label, "Kiosken starter forfra\xE2\x80\xA6");
    free(s);
    h_free(h);
}

/* A wrong time from a staff stick (a typo in time.txt) can be forgotten, after a question;
 * the button is there only while the kiosk counts from such a time. */
static void forget_the_sticks_time(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    open_admin(h, s);
    assert_false(h_has(h, "admin-clock-reset"));
    s->info.clock_status = UI_CLOCK_BEHIND_IMPORT;
    s->info.clock_floor = ts_time("2027-06-01 11:00");
    h_build(h);
    const ui_widget *b = h_scroll_to(h, "admin-clock-reset");
    assert_non_null(b);
    assert_string_equal(b->label, "Glem USB-nøglens tid");
    /* In words on a 7" screen too: a cross alone reads as "close". */
    assert_true(h_text_contains(h, "Glem"));
    h_tap(h, "admin-clock-reset");
    assert_string_equal(h_screen(h), "admin-confirm");
    assert_string_equal(h_widget(h, "question")->label,
                        "Glem den tid, en USB-nøgle har sat (tirsdag 1. juni 2027 11:00)? Så "
                        "regner kiosken fra sit eget ur.");
    h_tap(h, "back");
    assert_string_equal(h_screen(h), "admin");
    assert_false(ui_take_action(h->u, &(ui_action){0}));
    h_scroll_to(h, "admin-clock-reset");
    h_tap(h, "admin-clock-reset");
    h_tap(h, "confirm");
    ui_action a = take_one(h);
    assert_int_equal(a.kind, UI_ACTION_ADMIN_CLOCK_RESET);
    s->info.clock_status = UI_CLOCK_OK;
    s->info.clock_floor = 0;
    answer(h, VM_OK, NULL);
    assert_string_equal(h_screen(h), "admin");
    assert_string_equal(h_widget(h, "message")->label, "Kiosken regner fra sit eget ur igen.");
    assert_false(h_has(h, "admin-clock-reset"));
    free(s);
    h_free(h);
}

/* A stick that syncs interrupts the admin screen and comes back to it; the PIN is kept. */
static void sync_comes_back_to_admin(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    open_admin(h, s);
    h->m.stick = (ui_stick){UI_STICK_SYNCING, "Læser programmet", 0.2, NULL};
    h_build(h);
    assert_string_equal(h_screen(h), "sync");
    h->m.stick = (ui_stick){UI_STICK_DONE, NULL, 1, "57 tilmeldinger gemt på USB-nøglen."};
    h_build(h);
    assert_string_equal(h_screen(h), "sync-done");
    h_tap(h, "ok");
    assert_string_equal(h_screen(h), "admin");
    assert_true(ui_admin_open(h->u));
    /* on the PIN screen a stick goes home after (nothing was unlocked) */
    h_tap(h, "back");
    hold_clock(h, UI_ADMIN_HOLD_MS);
    release(h);
    h->m.stick = (ui_stick){0};
    h_build(h);
    h->m.stick = (ui_stick){UI_STICK_REFUSED, NULL, 0, "Denne USB-nøgle er ikke en Vær med-nøgle."};
    h_build(h);
    assert_string_equal(h_screen(h), "sync-done");
    h_tap(h, "ok");
    assert_string_equal(h_screen(h), "home");
    free(s);
    h_free(h);
}

/* The admin screens speak Danish or English, even when a resident chose another language. */
static void admin_speaks_danish_or_english(void **state)
{
    (void)state;
    harness *h = h_new(800, 480);
    staff *s = staff_new(h);
    const char *po = "msgid \"\"\nmsgstr \"Language: tr\\n\"\n\n"
                     "msgid \"Back\"\nmsgstr \"Geri\"\n";
    vm_err err = {0};
    h->langs[2] = i18n_catalog_parse("tr", po, strlen(po), &err);
    assert_non_null(h->langs[2]);
    h->n_langs = 3;
    h->m.n_langs = 3;
    h_choose_lang(h, 2);
    hold_clock(h, UI_ADMIN_HOLD_MS);
    release(h);
    assert_string_equal(h_widget(h, "title")->label, "Personalekode");
    assert_string_equal(h_widget(h, "back")->label, "Tilbage");
    h_tap(h, "back");
    assert_string_equal(h_widget(h, "lang")->label, "Türkçe"); /* still Turkish for residents */
    free(s);
    h_free(h);

    /* a kiosk with Arabic first and English (no Danish): the staff read English */
    h = h_new(800, 480);
    s = staff_new(h);
    i18n_catalog_free(h->langs[0]);
    h->langs[0] = i18n_catalog_embedded("ar", &err);
    assert_non_null(h->langs[0]);
    h_build(h);
    assert_string_equal(h_widget(h, "day:2026-11-24")->label, "اليوم");
    hold_clock(h, UI_ADMIN_HOLD_MS);
    release(h);
    assert_string_equal(h_widget(h, "title")->label, "Staff PIN");
    free(s);
    h_free(h);
}

/* Every admin screen at every size passes the checks (harness), with long words. */
static void admin_at_every_size(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {480, 800}, {1024, 600},
                                   {600, 1024}, {1080, 1920}, {1024, 600}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        harness *h = h_new(sizes[k][0], sizes[k][1]);
        staff *s = staff_new(h);
        s->info.clock_status = UI_CLOCK_BEFORE_BUILD;
        s->info.clock_floor = ts_time("2026-12-01 10:00");
        hold_clock(h, UI_ADMIN_HOLD_MS);
        release(h);
        h_digits(h, "1");
        h_tap(h, "confirm"); /* the message */
        h_digits(h, "234");
        h_tap(h, "confirm");
        take_one(h);
        answer(h, VM_OK, NULL);
        h->m.admin = &s->info;
        h_build(h);
        h_tap(h, "admin-export"); /* the reason as a message */
        s->info.stick_present = true;
        h_build(h);
        h_tap(h, "admin-signups");
        h_tap(h, "admin-activity:spis-2411");
        take_one(h);
        s->info.signups_uid = "spis-2411";
        s->info.signups = s->signups;
        s->info.n_signups = 2;
        answer(h, VM_OK, NULL);
        h_tap(h, "admin-cancel:" OLE_ID);
        h_tap(h, "confirm");
        take_one(h);
        answer(h, VM_ERR_NOT_FOUND,
               "Tilmeldingen findes ikke længere; den kan være afmeldt fra en anden kiosk, og "
               "listen er nu opdateret.");
        h_tap(h, "back");
        h_tap(h, "back");
        h_tap(h, "admin-test-pattern");
        h_tap(h, "test:0:0");
        h_tap(h, "back");
        h_tap(h, "admin-restart");
        h_tap(h, "back");
        h_tap(h, "back");
        assert_string_equal(h_screen(h), "home");
        free(s);
        h_free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hold_the_clock),
        cmocka_unit_test(the_pin),
        cmocka_unit_test(admin_facts_and_the_stick),
        cmocka_unit_test(admin_speaks_of_the_folder_where_there_is_one),
        cmocka_unit_test(admin_shows_the_kiosks_identity),
        cmocka_unit_test(staff_cancel),
        cmocka_unit_test(forget_the_sticks_time),
        cmocka_unit_test(staff_sticks),
        cmocka_unit_test(idle_leaves_admin),
        cmocka_unit_test(touch_test),
        cmocka_unit_test(restart),
        cmocka_unit_test(sync_comes_back_to_admin),
        cmocka_unit_test(admin_speaks_danish_or_english),
        cmocka_unit_test(admin_at_every_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
