/* The model the screens are built from: the activities from the store, and the state of
 * the stick, the night, the clock and the admin screen. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kiosk/kiosk_internal.h"
#include "platform/logmsg.h"
#include "kiosk/night.h"
#include "core/dktime.h"
#include "sync/sync.h"

#define TRUSTED_FACT "clock_trusted"

void kiosk_trust_begin(kiosk *k)
{
    char iso[64];
    int64_t last = 0;
    if (store_fact_get(k->store, TRUSTED_FACT, iso, sizeof iso, NULL) != VM_OK ||
        !dktime_parse_iso(iso, &last))
        last = 0;
    /* A database from before the kiosk kept this: its latest sign-up is a time it lived. */
    if (!last && store_signups_last_change(k->store, &last, NULL) != VM_OK)
        last = 0;
    k->trust_last = last;
    k->trust_saved = last;
    k->trust_start = clock_now(k->clock);
    k->trust_start_unfloored_ms = clock_unfloored_ms(k->clock);
}

/* Personal data (names, codes) of activities that ended more than retention_days ago is
 * erased; the counts stay for the staff's statistics. Run at start and then hourly, by the
 * time the kiosk trusts: a clock that jumped a year ahead shows the wrong date to the staff
 * long before it could erase the name of a sign-up that is still to come. */
void kiosk_purge_old_personal_data(kiosk *k, int64_t now)
{
    if (k->read_only)
        return; /* nothing can be erased now; it is done when the kiosk can write again */
    vm_err err = {0};
    int erased = 0;
    int64_t retention = (int64_t)k->opt->cfg->retention_days * 86400;
    int64_t elapsed = (clock_unfloored_ms(k->clock) - k->trust_start_unfloored_ms) / 1000;
    int64_t trusted = clock_trusted(now, k->trust_start, elapsed, k->trust_last, retention);
    if (trusted < now - 86400 && !k->trust_said) {
        char t[17];
        dktime_format_local(trusted, t);
        logmsg(LOG_NOTICE,
               "the clock moved %lld days ahead since the kiosk last ran; names are erased by "
               "%s, and by the clock once the kiosk has run long enough",
               (long long)((now - trusted) / 86400), t);
        k->trust_said = true;
    }
    if (store_purge_personal(k->store, trusted - retention, &erased, &err) != VM_OK)
        logmsg(LOG_ERR, "could not erase old names: %s", err.msg);
    else if (erased > 0)
        logmsg(LOG_INFO, "erased the names of %d old sign-ups (kept %d days)", erased,
                k->opt->cfg->retention_days);
    if (trusted > k->trust_saved) {
        char iso[21];
        dktime_format_iso_utc(trusted, iso);
        if (store_fact_set(k->store, TRUSTED_FACT, iso, NULL) == VM_OK)
            k->trust_saved = trusted;
    }
}

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


static int64_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
}

ui_clock_status kiosk_clock_check(kiosk *k, int64_t *floor_out)
{
    int64_t raw = clock_unfloored_ms(k->clock) / 1000, floor = sync_clock_floor(k->store);
    *floor_out = 0;
    if (raw < floor) {
        *floor_out = floor;
        return UI_CLOCK_BEHIND_IMPORT;
    }
    if (clock_suspect(k->clock, clock_build_time())) { /* before the build */
        *floor_out = clock_build_time();
        return UI_CLOCK_BEFORE_BUILD;
    }
    return UI_CLOCK_OK;
}

/* admin-sticks: the sticks (newest first) and the staff keys the names are sealed to. */
static void fill_admin_sticks(kiosk *k, ui_admin_info *a)
{
    const config *cfg = k->opt->cfg;
    int64_t now = sync_effective_now(k->store, clock_now(k->clock));
    store_stick_key *rows = NULL;
    size_t n = 0;
    char in_slot[65] = "";
    if (k->present.n)
        sync_stick_hash(k->present.path[0], in_slot);
    if (store_stick_keys_list(k->store, &rows, &n, NULL) == VM_OK) {
        if (n > ADMIN_STICKS_MAX)
            n = ADMIN_STICKS_MAX;
        for (size_t i = 0; i < n; i++) {
            store_stick_key *r = &k->admin_stick_rows[i];
            ui_admin_stick *u = &k->admin_sticks[i];
            *r = rows[i];
            memset(u, 0, sizeof *u);
            snprintf(u->id, sizeof u->id, "%.8s", r->key_sha256);
            u->label = r->label;
            u->created = r->created;
            u->expires = r->expires;
            u->last_used = r->last_used;
            u->revoked = r->revoked;
            u->expired = !r->revoked && r->expires && now >= r->expires;
            u->in_slot = in_slot[0] && strcmp(in_slot, r->key_sha256) == 0;
        }
        free(rows);
        a->sticks = k->admin_sticks;
        a->n_sticks = n;
    }
    /* the store's staff keys and the config's, as fingerprints */
    char *out = k->admin_staff_keys;
    size_t size = sizeof k->admin_staff_keys, used = 0;
    out[0] = '\0';
    store_staff_key *keys = NULL;
    size_t nk = 0;
    if (store_staff_keys_list(k->store, &keys, &nk, NULL) != VM_OK)
        nk = 0;
    for (size_t i = 0; i < nk + cfg->n_staff_keys; i++) {
        seal_public pk;
        char fp[SEAL_FINGERPRINT_MAX];
        const char *text = i < nk ? keys[i].public_key : cfg->staff_keys[i - nk];
        if (!seal_public_from_text(text, &pk))
            continue;
        seal_fingerprint(&pk, fp);
        if (strstr(out, fp))
            continue;
        int w = snprintf(out + used, size - used, "%s%s", used ? ", " : "", fp);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
    free(keys);
    a->staff_keys = out;
}

/* What the admin screen shows; only gathered while it is open. */
static void fill_admin(kiosk *k)
{
    ui_admin_info *a = &k->admin;
    const config *cfg = k->opt->cfg;
    char path[4096 + 8], iso[64];
    memset(a, 0, sizeof *a);
    a->version = VAERMED_VERSION;
    if (signing_kiosk_id(k->store, k->admin_kiosk_id, NULL) != VM_OK)
        snprintf(k->admin_kiosk_id, sizeof k->admin_kiosk_id, "?");
    a->kiosk_id = k->admin_kiosk_id;
    a->sync_device = k->sync_device;
    snprintf(path, sizeof path, "%s-wal", k->opt->db_path);
    a->db_bytes = file_size(k->opt->db_path) + file_size(path);
    if (store_fact_get(k->store, "last_sync", iso, sizeof iso, NULL) == VM_OK)
        dktime_parse_iso(iso, &a->last_sync);
    if (store_fact_get(k->store, "last_sync_summary", k->admin_last_sync_summary,
                       sizeof k->admin_last_sync_summary, NULL) == VM_OK)
        a->last_sync_summary = k->admin_last_sync_summary;
    a->clock_status = kiosk_clock_check(k, &a->clock_floor);
    for (size_t i = 0; i < cfg->n_problems; i++) {
        k->admin_problems[i].line = cfg->problems[i].line;
        k->admin_problems[i].message = cfg->problems[i].msg;
    }
    a->config_problems = k->admin_problems;
    a->n_config_problems = cfg->n_problems;
    a->stick_present = k->present.n > 0;
    if (a->stick_present) {
        sync_options opt;
        sticks_sync_options(cfg, NULL, NULL, &opt);
        a->stick_authorised =
            sync_stick_check(k->store, k->present.path[0], &opt,
                             sync_effective_now(k->store, clock_now(k->clock)), NULL, NULL) ==
            VM_OK;
    }
    fill_admin_sticks(k, a);
    kiosk_forget_admin_interests(k);
    if (store_interests_list(k->store, &k->admin_interests, &k->n_admin_interests, NULL) ==
        VM_OK) {
        a->interests = k->admin_interests;
        a->n_interests = k->n_admin_interests;
    }
    if (k->admin_signups_uid[0]) {
        a->walkin_children = k->admin_walkins.children;
        a->walkin_adults = k->admin_walkins.adults;
        a->walkin_seniors = k->admin_walkins.seniors;
        a->signups_uid = k->admin_signups_uid;
        a->signups = k->admin_signups;
        a->n_signups = k->n_admin_signups;
    }
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
        fill_admin(k);
        m->admin = &k->admin;
    } else {
        if (k->admin_signups)
            kiosk_forget_admin_signups(k);
        if (k->admin_interests)
            kiosk_forget_admin_interests(k);
        m->admin = NULL;
    }
}
