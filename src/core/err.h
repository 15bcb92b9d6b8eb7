/* err: an error as a value, with a message in plain words.
 *
 * Every function below app/ that can fail takes a `vm_err *` (which may be NULL when the
 * caller does not care) and returns a `vm_status`. On failure it fills the message; on
 * success it leaves `err` untouched. Messages are written for the person in front of the
 * kiosk or the staff member at the command line: what happened and what to do, no jargon.
 *
 * Threads: any. Nothing here keeps state between calls; a value is used by one thread at a
 * time.
 */
#ifndef VM_CORE_ERR_H
#define VM_CORE_ERR_H

#include <stdarg.h>

typedef enum vm_status {
    VM_OK = 0,
    VM_ERR_INVALID,   /* the input is wrong: a bad argument, row, name, code */
    VM_ERR_NOT_FOUND, /* an activity, sign-up or file that is not there */
    VM_ERR_IO,        /* reading or writing a file failed (disk full, read-only, pulled stick) */
    VM_ERR_FOREIGN,   /* a file that is not ours (another application's database, a strange stick) */
    VM_ERR_CORRUPT,   /* a file of ours that is damaged */
    VM_ERR_TOO_NEW,   /* a database written by a newer Vær med */
    VM_ERR_REFUSED,   /* the rules say no: closed, cancelled, rate-limited, wrong code */
    VM_ERR_NOMEM,
    VM_ERR_INTERNAL   /* a bug: the message says where */
} vm_status;

#define VM_ERR_MSG_MAX 512

typedef struct vm_err {
    vm_status status;
    char msg[VM_ERR_MSG_MAX];
} vm_err;

/* Sets status and a printf-formatted message; returns `status` so callers can write
 * `return err_set(err, VM_ERR_IO, "...")`. `err` may be NULL. */
vm_status err_set(vm_err *err, vm_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
vm_status err_setv(vm_err *err, vm_status status, const char *fmt, va_list ap);

/* Puts `prefix: ` before the message already in `err` (for context). NULL-safe. */
void err_prefix(vm_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Clears to VM_OK with an empty message. NULL-safe. */
void err_clear(vm_err *err);

#endif
