/* The model the screens are built from: the activities from the store, and the state of
 * the stick, the night, the clock and the admin screen (kiosk_admin gathers its part). */
#include <stdlib.h>
#include <string.h>

#include "kiosk/kiosk_model.h"

#include "kiosk/kiosk_admin.h"
#include "kiosk/kiosk_clock.h"
#include "platform/logmsg.h"
#include "kiosk/night.h"
#include "sync/sync.h"


vm_status kiosk_reload_model(kiosk *k, int64_t now, vm_err *err)
{
    /* Read before the model: a change committed in between is seen at the next look. */
    int64_t version = 0;
    bool have_version = store_data_version(k->store, &version, NULL) == VM_OK;
    vm_status st = kiosk_model_load(&k->model, k->store, now, k->opt->cfg->url_template, err);
    if (st == VM_OK) {
        k->model_loaded_at = now;
        if (have_version)
            k->data_version = version;
    }
    return st;
}

bool kiosk_reload_if_changed(kiosk *k)
{
    int64_t version = 0;
    vm_err err = {0};
    if (!k->store || store_data_version(k->store, &version, &err) != VM_OK ||
        version == k->data_version)
        return false;
    int64_t now = clock_now(k->clock);
    if (kiosk_reload_model(k, now, &err) != VM_OK) {
        logmsg(LOG_ERR, "%s", err.msg);
        return false;
    }
    logmsg(LOG_DEBUG, "the database was changed by another program: the screen shows it");
    return true;
}

void kiosk_refresh_model(kiosk *k, int64_t now)
{
    ui_model *m = &k->model.ui;
    const config *cfg = k->opt->cfg;
    m->night = night_is_on(cfg, now);
    m->signups_paused = k->read_only;
    m->stick.state = k->stick.state;
    m->stick.fraction = k->stick.fraction;
    m->stick.phase = k->stick.state == UI_STICK_SYNCING ? k->stick.text : NULL;
    m->stick.message =
        k->stick.state != UI_STICK_SYNCING && k->stick.text[0] ? k->stick.text : NULL;
    m->admin_enabled = config_has_pin(cfg);
    m->clock_suspect = clock_suspect(k->clock, clock_build_time());
    m->retention_days = cfg->retention_days;
    if (ui_admin_open(k->ui)) {
        kiosk_admin_fill(k);
        m->admin = &k->admin.info;
    } else {
        if (k->admin.signups)
            kiosk_admin_forget_signups(k);
        if (k->admin.interests)
            kiosk_admin_forget_interests(k);
        m->admin = NULL;
    }
}
