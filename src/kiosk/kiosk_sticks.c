/* The USB stick from the kiosk's side: a sync with its progress on the screen. */
#include <stdlib.h>
#include <string.h>

#include "kiosk/kiosk_sticks.h"

#include "core/utf8.h"

#include "kiosk/kiosk_health.h"
#include "kiosk/kiosk_model.h"
#include "kiosk/kiosk_screen.h"
#include "kiosk/kiosk_update.h"
#include "platform/logmsg.h"
#include "platform/random.h"
#include "platform/service.h"

/* Progress of a sync: shown at once, since the sync runs in the loop's own thread. */
static void sync_progress(void *user, sync_phase phase, double fraction)
{
    kiosk *k = user;
    k->stick.fraction = fraction;
    snprintf(k->stick.text, sizeof k->stick.text, "%s",
             sync_phase_text(kiosk_staff_catalog(k), phase));
    int64_t now_ms = clock_now_ms(k->clock);
    kiosk_refresh_model(k, now_ms / 1000);
    ui_tick(k->ui, &k->model.ui, now_ms);
    kiosk_present_if_changed(k);
    kiosk_ping_watchdog_if_due(k); /* a long export must not look like a hung kiosk */
}

/* A stick while the kiosk cannot save: nothing is imported, but a staff stick still gets the
 * kiosk's health and a picture of its screen, and the screen says why nothing else. */
static void read_only_stick(kiosk *k, const char *path, const sync_options *opt,
                            const unsigned char *png, size_t png_len)
{
    const i18n_catalog *cat = kiosk_staff_catalog(k);
    vm_err err = {0};
    k->stick.fraction = 1;
    if (sync_stick_check(k->store, path, opt, sync_effective_now(k->store, clock_now(k->clock)),
                         NULL, &err) != VM_OK) {
        k->stick.state = UI_STICK_REFUSED;
        snprintf(k->stick.text, sizeof k->stick.text, "%s", err.msg);
        logmsg(LOG_WARNING, "USB stick %s: %s", path, k->stick.text);
        return;
    }
    char id[KIOSK_ID_MAX] = "";
    if (store_fact_get(k->store, "kiosk_id", id, sizeof id, NULL) != VM_OK)
        snprintf(id, sizeof id, "kiosk");
    kiosk_health_to_stick(k, path, opt, id, png, png_len);
    k->stick.state = UI_STICK_FAILED;
    snprintf(k->stick.text, sizeof k->stick.text, "%s",
             i18n_text_ctx(cat, "staff",
                           "Sign-up is paused: the kiosk cannot save, so nothing was read from "
                           "the stick. Its health (helbred.txt) and a picture of the screen "
                           "are on the stick."));
    logmsg(LOG_ERR, "USB stick %s: %s", path, k->stick.text);
}

static void folder_progress(void *user, sync_phase phase, double fraction)
{
    (void)phase;
    (void)fraction;
    kiosk_ping_watchdog_if_due(user);
}

vm_status kiosk_sync_folder(kiosk *k, char *out, size_t size)
{
    const char *path = k->opt->cfg->sync_folder;
    if (out && size)
        out[0] = '\0';
    if (k->read_only || !path[0])
        return VM_ERR_REFUSED;
    /* The sync's sentences in their folder words ("mappen", not "USB-nøglen") where the
     * catalog has them (context "folder"). */
    i18n_catalog *folder_words = sticks_folder_words(k->opt->cfg, path, true,
                                                     kiosk_staff_catalog(k));
    const i18n_catalog *cat = folder_words ? folder_words : kiosk_staff_catalog(k);
    uint8_t rnd[16];
    bool have_rnd = random_bytes(rnd, sizeof rnd);
    sync_options opt;
    sticks_sync_options(k->opt->cfg, cat, have_rnd ? rnd : NULL, &opt);
    opt.code_key = &k->code_key;
    opt.progress = folder_progress;
    opt.progress_user = k;
    sync_result res;
    vm_err err = {0};
    char summary[2048];
    vm_status st = sync_run(k->store, path, clock_now(k->clock), &opt, &res, &err);
    sync_summary_text(&res, cat, summary, sizeof summary);
    if (res.outcome != SYNC_OUTCOME_NOT_STAFF_STICK) {
        kiosk_health_to_stick(k, path, &opt, res.kiosk_id, NULL, 0);
        kiosk_update_from_folder(k, path, summary, sizeof summary);
    }
    logmsg(st == VM_OK ? LOG_NOTICE : LOG_WARNING, "synced folder %s: %s", path, summary);
    if (out && size)
        utf8_copy(out, size, summary);
    if (res.detail[0])
        logmsg(LOG_ERR, "synced folder %s: %s", path, res.detail);
    if (res.clock_floor > 0)
        clock_set_floor(k->clock, res.clock_floor);
    i18n_catalog_free(folder_words);
    vm_err lerr = {0};
    if (kiosk_reload_model(k, clock_now(k->clock), &lerr) != VM_OK)
        logmsg(LOG_ERR, "%s", lerr.msg);
    return st;
}

/* Syncs one stick that was just put in. Messages are in the kiosk's first language: the
 * sync is for the staff. */
void kiosk_sync_stick(kiosk *k, const char *path)
{
    const i18n_catalog *cat = kiosk_staff_catalog(k);
    int64_t now_ms = clock_now_ms(k->clock);
    uint8_t rnd[16];
    bool have_rnd = random_bytes(rnd, sizeof rnd);
    sync_options opt;
    sticks_sync_options(k->opt->cfg, cat, have_rnd ? rnd : NULL, &opt);
    opt.code_key = &k->code_key;
    opt.progress = sync_progress;
    opt.progress_user = k;

    /* What residents see, before the sync screen covers it: the staff take it home. */
    size_t png_len = 0;
    unsigned char *png = kiosk_snapshot(k, &png_len);

    memset(&k->stick, 0, sizeof k->stick);
    k->stick.state = UI_STICK_SYNCING;
    snprintf(k->stick.path, sizeof k->stick.path, "%s", path);
    sync_progress(k, SYNC_PHASE_CHECK, 0);

    if (k->read_only) {
        read_only_stick(k, path, &opt, png, png_len);
        free(png);
        return;
    }
    sync_result res;
    vm_err err = {0};
    vm_status st = sync_run(k->store, path, now_ms / 1000, &opt, &res, &err);
    sync_summary_text(&res, cat, k->stick.text, sizeof k->stick.text);
    /* The kiosk's health beside the export, on every staff stick (also after a refused
     * program or a failed export: that is when it is wanted most). */
    if (res.outcome != SYNC_OUTCOME_NOT_STAFF_STICK) {
        kiosk_health_to_stick(k, path, &opt, res.kiosk_id, png, png_len);
        kiosk_update_from_stick(k, path, k->stick.text, sizeof k->stick.text);
    }
    free(png);
    k->stick.fraction = 1;
    k->stick.state = st == VM_OK ? UI_STICK_DONE
                   : (res.outcome == SYNC_OUTCOME_NOT_STAFF_STICK ||
                      res.outcome == SYNC_OUTCOME_PROGRAM_REFUSED) ? UI_STICK_REFUSED
                   : UI_STICK_FAILED;
    logmsg(k->stick.state == UI_STICK_DONE ? LOG_NOTICE
           : k->stick.state == UI_STICK_REFUSED ? LOG_WARNING : LOG_ERR,
           "USB stick %s: %s", path, k->stick.text);
    if (res.detail[0]) /* the technical words, for whoever helps the staff */
        logmsg(LOG_ERR, "USB stick %s: %s", path, res.detail);
    if (res.clock_floor > 0)
        clock_set_floor(k->clock, res.clock_floor);
    vm_err lerr = {0};
    if (kiosk_reload_model(k, clock_now(k->clock), &lerr) != VM_OK)
        logmsg(LOG_ERR, "%s", lerr.msg);
}

bool kiosk_handle_sticks(kiosk *k, sticks_event *ev)
{
    bool changed = false;
    k->present = ev->all;
    if (k->stick.state != UI_STICK_NONE && k->stick.state != UI_STICK_SYNCING) {
        bool still_in = false;
        for (size_t i = 0; i < ev->all.n; i++)
            still_in |= strcmp(ev->all.path[i], k->stick.path) == 0;
        if (!still_in) { /* taken out: the message has done its job */
            memset(&k->stick, 0, sizeof k->stick);
            changed = true;
        }
    }
    for (size_t i = 0; i < ev->fresh.n; i++) {
        kiosk_sync_stick(k, ev->fresh.path[i]);
        changed = true;
    }
    free(ev);
    return changed;
}

