/* The staff screen's state (kiosk_admin): what it shows, gathered only while it is open, and
 * the names it read, wiped when it closes. Uses kiosk_clock; used by kiosk_model and
 * kiosk_actions. */
#include "kiosk/kiosk_admin.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/code.h"
#include "core/dktime.h"
#include "core/utf8.h"
#include "kiosk/kiosk_clock.h"
#include "sync/sync.h"

static int64_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
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
            store_stick_key *r = &k->admin.stick_rows[i];
            ui_admin_stick *u = &k->admin.sticks[i];
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
        a->sticks = k->admin.sticks;
        a->n_sticks = n;
    }
    /* the store's staff keys and the config's, as fingerprints */
    char *out = k->admin.staff_keys;
    size_t size = sizeof k->admin.staff_keys, used = 0;
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

/* The fingerprint of the kiosk's own key pair (from its secret, as `vaermed kiosk key`
 * prints it); false when the secret was not read (a kiosk that cannot write). */
static bool kiosk_key_fingerprint(const kiosk *k, char out[SEAL_FINGERPRINT_MAX])
{
    out[0] = '\0';
    uint8_t any = 0;
    for (size_t i = 0; i < sizeof k->code_key.bytes; i++)
        any |= k->code_key.bytes[i];
    if (!any)
        return false;
    uint8_t seed[SEAL_KEY_BYTES];
    seal_secret self;
    code_kiosk_seed(&k->code_key, seed);
    vm_status st = seal_secret_from_seed(seed, &self, NULL);
    memset(seed, 0, sizeof seed);
    if (st != VM_OK)
        return false;
    seal_fingerprint(&self.pub, out);
    seal_secret_wipe(&self);
    return true;
}

/* What the admin screen shows; only gathered while it is open. */
void kiosk_admin_fill(kiosk *k)
{
    ui_admin_info *a = &k->admin.info;
    const config *cfg = k->opt->cfg;
    char path[4096 + 8], iso[64];
    memset(a, 0, sizeof *a);
    a->version = VAERMED_VERSION;
    if (signing_kiosk_id(k->store, k->admin.kiosk_id, NULL) != VM_OK)
        snprintf(k->admin.kiosk_id, sizeof k->admin.kiosk_id, "?");
    a->kiosk_id = k->admin.kiosk_id;
    a->sync_device = k->sync_device;
    a->sync_folder = cfg->sync_folder[0] != '\0';
    if (kiosk_key_fingerprint(k, k->admin.kiosk_key))
        a->kiosk_key = k->admin.kiosk_key;
    snprintf(path, sizeof path, "%s-wal", k->opt->db_path);
    a->db_bytes = file_size(k->opt->db_path) + file_size(path);
    if (store_fact_get(k->store, "last_sync", iso, sizeof iso, NULL) == VM_OK)
        dktime_parse_iso(iso, &a->last_sync);
    if (store_fact_get(k->store, "last_sync_summary", k->admin.last_sync_summary,
                       sizeof k->admin.last_sync_summary, NULL) == VM_OK)
        a->last_sync_summary = k->admin.last_sync_summary;
    a->clock_status = kiosk_clock_check(k, &a->clock_floor);
    for (size_t i = 0; i < cfg->n_problems; i++) {
        k->admin.problems[i].line = cfg->problems[i].line;
        k->admin.problems[i].message = cfg->problems[i].msg;
    }
    a->config_problems = k->admin.problems;
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
    kiosk_admin_forget_interests(k);
    if (store_interests_list(k->store, &k->admin.interests, &k->admin.n_interests, NULL) ==
        VM_OK) {
        a->interests = k->admin.interests;
        a->n_interests = k->admin.n_interests;
    }
    if (k->admin.signups_uid[0]) {
        a->walkin_children = k->admin.walkins.children;
        a->walkin_adults = k->admin.walkins.adults;
        a->walkin_seniors = k->admin.walkins.seniors;
        a->signups_uid = k->admin.signups_uid;
        a->signups = k->admin.signups;
        a->n_signups = k->admin.n_signups;
    }
}

/* Drops the staff's list of names from memory. */
void kiosk_admin_forget_signups(kiosk *k)
{
    if (k->admin.signups)
        memset(k->admin.signups, 0, k->admin.n_signups * sizeof *k->admin.signups);
    free(k->admin.signups);
    k->admin.signups = NULL;
    k->admin.n_signups = 0;
    k->admin.signups_uid[0] = '\0';
}

void kiosk_admin_forget_interests(kiosk *k)
{
    if (k->admin.interests)
        memset(k->admin.interests, 0, k->admin.n_interests * sizeof *k->admin.interests);
    free(k->admin.interests);
    k->admin.interests = NULL;
    k->admin.n_interests = 0;
}

void kiosk_admin_load_signups(kiosk *k, const char *uid, ui_action_result *r)
{
    vm_err err = {0};
    signup *list = NULL;
    size_t n = 0;
    kiosk_admin_forget_signups(k);
    if (store_signups_list(k->store, uid, &list, &n, &err) != VM_OK) {
        r->status = err.status;
        utf8_copy(r->message, sizeof r->message, err.msg);
        return;
    }
    k->admin.signups = list;
    k->admin.n_signups = n;
    snprintf(k->admin.signups_uid, sizeof k->admin.signups_uid, "%s", uid);
    memset(&k->admin.walkins, 0, sizeof k->admin.walkins);
    store_walkins_get(k->store, uid, &k->admin.walkins, NULL);
}
