#include "services/signing.h"

#include <stdio.h>
#include <string.h>

#include "platform/random.h"
#include "core/code.h"
#include "core/utf8.h"

vm_status signing_kiosk_id(store *s, char out[KIOSK_ID_MAX], vm_err *err)
{
    vm_err lookup = {0};
    if (store_fact_get(s, "kiosk_id", out, KIOSK_ID_MAX, &lookup) == VM_OK && out[0])
        return VM_OK;
    if (lookup.status != VM_ERR_NOT_FOUND && lookup.status != VM_OK)
        return err_set(err, lookup.status, "%s", lookup.msg);
    unsigned char r[4];
    if (!random_bytes(r, sizeof r))
        return err_set(err, VM_ERR_INTERNAL, "The kernel gave no random numbers for an id.");
    snprintf(out, KIOSK_ID_MAX, "kiosk-%02x%02x%02x%02x", r[0], r[1], r[2], r[3]);
    return store_fact_set(s, "kiosk_id", out, err);
}

vm_status signing_join(store *s, const signing_request *req, const code_key *key, int64_t now,
                       signup *out, join_refusal *why, vm_err *err)
{
    memset(out, 0, sizeof *out);
    if (why)
        *why = JOIN_REFUSAL_NONE;
    if (req->code && *req->code && !code_valid(req->code))
        return err_set(err, VM_ERR_INVALID, "The code must be exactly 4 digits.");
    if (rules_household(req->adults, req->children) != JOIN_REFUSAL_NONE) {
        if (why)
            *why = JOIN_REFUSAL_HOUSEHOLD;
        return err_set(err, VM_ERR_INVALID,
                       "Adults and children must each be 0 to %d, and at least one person.",
                       HOUSEHOLD_MAX);
    }
    if (strlen(req->uid) >= sizeof out->activity_uid)
        return err_set(err, VM_ERR_NOT_FOUND, "There is no activity with that id.");
    if (strlen(req->name) >= sizeof out->name)
        return err_set(err, VM_ERR_INVALID, "The name is too long: at most %d letters.",
                       SIGNUP_NAME_MAX);

    unsigned char uuid[16], salt[CODE_SALT_BYTES];
    if (!random_bytes(uuid, sizeof uuid) || !random_bytes(salt, sizeof salt))
        return err_set(err, VM_ERR_INTERNAL, "The kernel gave no random numbers.");
    code_uuid_v4(uuid, out->id);
    snprintf(out->activity_uid, sizeof out->activity_uid, "%s", req->uid);
    out->task_id = req->task_id;
    snprintf(out->name, sizeof out->name, "%s", req->name);
    out->adults = req->adults;
    out->children = req->children;
    out->wants_company = req->wants_company;
    if (req->code && *req->code) {
        code_hash(req->code, salt, 0, key, out->code_hash);
        /* The verifier for the estate's other kiosks: the name as the store compares it,
         * with the code, under a salt of its own (core/code.h). */
        unsigned char peer_salt[CODE_SALT_BYTES];
        char clean[SIGNUP_NAME_BYTES * 2], folded[SIGNUP_NAME_BYTES];
        char secret[SIGNUP_NAME_BYTES + CODE_DIGITS + 2];
        if (key && random_bytes(peer_salt, sizeof peer_salt)) {
            utf8_clean_line(req->name, clean, sizeof clean);
            utf8_fold_case(clean, folded, sizeof folded);
            code_peer_secret(folded, req->code, secret, sizeof secret);
            code_peer_make(secret, peer_salt, key, out->peer_code);
            memset(secret, 0, sizeof secret);
        }
    }
    out->created = now;
    vm_status st = signing_kiosk_id(s, out->kiosk_id, err);
    if (st != VM_OK)
        return st;
    return store_join(s, out, now, why, err);
}

void cancel_limiter_key(const char *uid, const char *name, char key[65])
{
    char clean[SIGNUP_NAME_BYTES * 2], folded[SIGNUP_NAME_BYTES * 2];
    char buf[ACT_UID_MAX + SIGNUP_NAME_BYTES * 2 + 2];
    utf8_clean_line(name ? name : "", clean, sizeof clean);
    utf8_fold_case(clean, folded, sizeof folded);
    int n = snprintf(buf, sizeof buf, "%s\n%s", uid ? uid : "", folded);
    code_sha256_hex(buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1, key);
    memset(buf, 0, sizeof buf);
    memset(clean, 0, sizeof clean);
    memset(folded, 0, sizeof folded);
}

static void refill(cancel_limiter *l, int64_t now)
{
    if (!l->started || now < l->refilled_at) { /* first use, or the clock went back */
        l->started = true;
        l->tokens = CANCEL_GLOBAL_BURST;
        l->refilled_at = now;
        return;
    }
    int64_t add = (now - l->refilled_at) / CANCEL_GLOBAL_REFILL;
    if (add > 0) {
        l->tokens = add >= CANCEL_GLOBAL_BURST ? CANCEL_GLOBAL_BURST
                    : l->tokens + (int)add > CANCEL_GLOBAL_BURST ? CANCEL_GLOBAL_BURST
                                                                 : l->tokens + (int)add;
        l->refilled_at += add * CANCEL_GLOBAL_REFILL;
    }
    if (l->tokens >= CANCEL_GLOBAL_BURST)
        l->refilled_at = now;
}

static int find_slot(const cancel_limiter *l, const char *key)
{
    for (int i = 0; i < CANCEL_LIMITER_SLOTS; i++)
        if (l->slot[i].key[0] && strcmp(l->slot[i].key, key) == 0)
            return i;
    return -1;
}

int64_t cancel_limiter_wait(cancel_limiter *l, const char *key, int64_t now)
{
    refill(l, now);
    int64_t wait = 0;
    int i = find_slot(l, key);
    if (i >= 0)
        wait = code_limiter_wait(&l->slot[i].l, now);
    if (l->tokens <= 0) {
        int64_t next = l->refilled_at + CANCEL_GLOBAL_REFILL - now;
        if (next > wait)
            wait = next;
    }
    return wait;
}

void cancel_limiter_result(cancel_limiter *l, const char *key, bool right, int64_t now)
{
    refill(l, now);
    int i = find_slot(l, key);
    if (right) {
        if (i >= 0)
            memset(&l->slot[i], 0, sizeof l->slot[i]);
        return;
    }
    if (l->tokens > 0)
        l->tokens--;
    if (i < 0) {
        i = 0;
        for (int k = 0; k < CANCEL_LIMITER_SLOTS; k++) {
            if (!l->slot[k].key[0]) {
                i = k;
                break;
            }
            if (l->slot[k].touched < l->slot[i].touched)
                i = k;
        }
        memset(&l->slot[i], 0, sizeof l->slot[i]);
        snprintf(l->slot[i].key, sizeof l->slot[i].key, "%s", key);
    }
    l->slot[i].touched = now;
    code_limiter_result(&l->slot[i].l, false, now);
}
