/* demo: the program `vaermed --demo` (and `make run`) shows, so a first start looks alive.
 *
 * About twenty activities of a Danish estate, dated relative to `now` in Copenhagen days
 * (today, tomorrow, this week, the next two weeks): morgenkaffe, strikkeklub, lektiecafé,
 * fællessang, fællesspisning counting adults and children with a price and a deadline, a
 * weekly gåtur ("Bare kom"), a værksted with helper tasks, banko, børneklub, a full trip
 * with people waiting, a cancelled activity, a talk, a beboermøde for residents only, a
 * havedag, a sy-café with the host's phone number (SMS QR code), pigefodbold with a web
 * sign-up link, a madklub and a fest. And four contacts for "Hvem kan jeg spørge?" (the
 * boligsocial medarbejder, the caretaker, the counselling hours, the doctor on call), and
 * five ideas for "Hvad savner du?". Many already have sign-ups so the counts look real.
 *
 * The same `now` gives the same database (sign-up ids come from a counter, not chance).
 * One sign-up carries a cancel code to try the "Afmeld" flow: DEMO_CODE_NAME on the banko
 * evening, code DEMO_CODE.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_DEMO_DEMO_H
#define VM_DEMO_DEMO_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

#define DEMO_CODE_NAME "Karen"
#define DEMO_CODE "1234"

/* Fills `s` with the demo program when it holds no activities yet; a store that already has
 * activities (a second `--demo` start, or a real program) is left as it is and VM_OK is
 * returned, so `--demo` is idempotent and never mixes demo data into a real program. Each
 * activity and sign-up is its own transaction; the fact `demo_fill` says "started" until the
 * last one is in ("done"), so a fill cut short by a power cut is finished at the next start
 * (filling again is safe: activities go by uid, demo sign-up ids are fixed). The demo's
 * cancel code is hashed with the kiosk's `key` (NULL: the old unkeyed form). */
vm_status demo_fill(store *s, int64_t now, const code_key *key, vm_err *err);

#endif
