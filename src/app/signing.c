#include "app/signing.h"

#include <stdio.h>
#include <string.h>

#include "app/random.h"
#include "core/code.h"

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

vm_status signing_join(store *s, const signing_request *req, int64_t now, signup *out,
                       vm_err *err)
{
    memset(out, 0, sizeof *out);
    if (req->code && *req->code && !code_valid(req->code))
        return err_set(err, VM_ERR_INVALID, "The code must be exactly 4 digits.");
    if (req->adults < 0 || req->adults > HOUSEHOLD_MAX || req->children < 0 ||
        req->children > HOUSEHOLD_MAX)
        return err_set(err, VM_ERR_INVALID, "Adults and children must each be 0 to %d.",
                       HOUSEHOLD_MAX);
    if (req->adults + req->children < 1)
        return err_set(err, VM_ERR_INVALID, "A sign-up is for at least one person.");
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
    if (req->code && *req->code)
        code_hash(req->code, salt, 0, out->code_hash);
    out->created = now;
    vm_status st = signing_kiosk_id(s, out->kiosk_id, err);
    if (st != VM_OK)
        return st;
    return store_join(s, out, now, err);
}

int64_t code_limiter_wait(const code_limiter *l, int64_t now)
{
    return l->locked_until > now ? l->locked_until - now : 0;
}

void code_limiter_result(code_limiter *l, bool right, int64_t now)
{
    if (right) {
        l->wrong = 0;
        l->locked_until = 0;
        return;
    }
    l->wrong++;
    if (l->wrong >= 3) {
        int64_t pause = 60;
        for (int i = 3; i < l->wrong && pause < 3600; i++)
            pause *= 2;
        l->locked_until = now + (pause > 3600 ? 3600 : pause);
    }
}
