/* signing: making and cancelling sign-ups, the same way for a tap on the kiosk and for the
 * staff's command line. Adds what the store must not invent itself: the UUID, the salted
 * hash of the cancel code, the kiosk's id, randomness.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_SERVICES_SIGNING_H
#define VM_SERVICES_SIGNING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/code.h"
#include "core/err.h"
#include "store/store.h"

/* The kiosk's id ("kiosk-1a2b3c4d"), made once and kept as a fact in the database. */
vm_status signing_kiosk_id(store *s, char out[KIOSK_ID_MAX], vm_err *err);

typedef struct signing_request {
    const char *uid;
    int64_t task_id;    /* 0 = participant */
    const char *name;
    int adults, children;
    bool wants_company;
    const char *code;   /* NULL or "" = none; else exactly 4 digits */
} signing_request;

/* Validates, hashes the code with the kiosk's `key` (secret.h), and commits the sign-up
 * (store_join). `out` gets the stored sign-up (status, waiting position, id). VM_ERR_INVALID
 * for a bad code or household (rules_household). `why` (may be NULL) gets the rule that
 * refused, as from store_join. */
vm_status signing_join(store *s, const signing_request *req, const code_key *key, int64_t now,
                       signup *out, join_refusal *why, vm_err *err);

/* Wrong cancel codes, per name and gently for the whole kiosk.
 *
 * Per name: each (activity, name as typed, cleaned and case-folded) has its own
 * code_limiter, so someone trying codes against one resident's sign-up is slowed down
 * without locking every other resident out of cancelling. The name is kept only as a
 * SHA-256, never as typed. The table holds CANCEL_LIMITER_SLOTS names; a new one takes the
 * place of the one longest untouched.
 *
 * For the whole kiosk: trying one code on many names (or filling the table to push a lock
 * out) is limited by a bucket of CANCEL_GLOBAL_BURST wrong codes that refills by one every
 * CANCEL_GLOBAL_REFILL seconds; when it is empty, everyone waits for the next one (at most
 * that long), which a resident who mistypes once hardly ever meets.
 *
 * A wrong code, an unknown name and a sign-up without a code count alike (the store gives
 * one answer for all three). */
#define CANCEL_LIMITER_SLOTS 64
#define CANCEL_GLOBAL_BURST 10
#define CANCEL_GLOBAL_REFILL 60

typedef struct cancel_limiter {
    struct {
        char key[65];     /* SHA-256 hex of the activity and the folded name; "" = free */
        code_limiter l;
        int64_t touched;  /* UTC seconds, for replacing the oldest */
    } slot[CANCEL_LIMITER_SLOTS];
    int tokens;           /* wrong codes the whole kiosk may still make now */
    int64_t refilled_at;  /* when `tokens` was last brought up to date */
    bool started;
} cancel_limiter;

/* The key of a name for `uid`'s sign-ups (folded as the store compares names). */
void cancel_limiter_key(const char *uid, const char *name, char key[65]);
/* Seconds to wait before a code for `key` may be tried (0 = go ahead): the name's own wait
 * or, when the kiosk's bucket is empty, the time to the next refill. */
int64_t cancel_limiter_wait(cancel_limiter *l, const char *key, int64_t now);
void cancel_limiter_result(cancel_limiter *l, const char *key, bool right, int64_t now);

#endif
