/* signing: making and cancelling sign-ups, the same way for a tap on the kiosk and for the
 * staff's command line. Adds what the store must not invent itself: the UUID, the salted
 * hash of the cancel code, the kiosk's id, randomness. */
#ifndef VM_APP_SIGNING_H
#define VM_APP_SIGNING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/activity.h"
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

/* Validates, hashes the code, and commits the sign-up (store_join). `out` gets the stored
 * sign-up (status, waiting position, id). VM_ERR_INVALID for a bad code or household. */
vm_status signing_join(store *s, const signing_request *req, int64_t now, signup *out,
                       vm_err *err);

/* Wrong cancel codes are rate-limited for the whole kiosk, so trying codes on one name after
 * another does not help: after 3 wrong codes, a pause of 1 minute, doubling with each further
 * wrong code up to an hour; a right code resets it. */
typedef struct code_limiter {
    int wrong;
    int64_t locked_until; /* UTC seconds */
} code_limiter;

/* Seconds left to wait before another code may be tried (0 = go ahead). */
int64_t code_limiter_wait(const code_limiter *l, int64_t now);
void code_limiter_result(code_limiter *l, bool right, int64_t now);

#endif
