/* bench_mkdb: the benchmark's inputs, made with the product's own code.
 *
 *   bench_mkdb db PATH NOW ACTIVITIES SIGNUPS   a kiosk database: the synthetic program
 *                                               (store_import_program) and SIGNUPS sign-ups
 *                                               (store_join), spread round robin over the
 *                                               activities that take them. ACTIVITIES 0
 *                                               keeps the program already in PATH.
 *   bench_mkdb csv FILE NOW ACTIVITIES          the same program as the staff's program.csv
 *   bench_mkdb ics FILE NOW EVENTS              EVENTS weekly recurring events as program.ics
 *
 * NOW is "2026-11-23T09:30Z". The db command prints one JSON line of what it made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_gen.h"
#include "core/dktime.h"
#include "store/store.h"

static int usage(void)
{
    fputs("usage: bench_mkdb db PATH NOW ACTIVITIES SIGNUPS\n"
          "       bench_mkdb csv FILE NOW ACTIVITIES\n"
          "       bench_mkdb ics FILE NOW EVENTS\n",
          stderr);
    return 2;
}

static const char *const NAMES[] = {"Hanne", "Ali", "Birgit", "Fatima", "Jens", "Amira",
                                    "Poul", "Leila", "Karen", "Omar", "Grethe", "Yusuf",
                                    "Inge", "Nadia", "Bent", "Sara", "Ole", "Mette", "A.K.",
                                    "Zeynep"};
#define N_NAMES (sizeof NAMES / sizeof NAMES[0])

static int make_db(const char *path, int64_t now, size_t n_acts, size_t n_signups)
{
    int rc = 1;
    store *s = NULL;
    activity *acts = NULL, *listed = NULL;
    size_t *open_idx = NULL;
    vm_err err = {0};
    int64_t t0 = bench_now_ns();
    if (store_open(path, STORE_CREATE, &s, &err) != VM_OK)
        goto fail;
    char kiosk[KIOSK_ID_MAX];
    if (store_fact_get(s, "kiosk_id", kiosk, sizeof kiosk, NULL) != VM_OK &&
        store_fact_set(s, "kiosk_id", "bench", &err) != VM_OK)
        goto fail;
    if (n_acts) {
        acts = calloc(n_acts, sizeof *acts);
        if (!acts)
            goto fail;
        bench_gen_program(acts, n_acts, now);
        store_import_report rep;
        if (store_import_program(s, acts, n_acts, now, &rep, &err) != VM_OK)
            goto fail;
    }
    int64_t t1 = bench_now_ns();

    /* The activities that take participant sign-ups now. */
    size_t n_listed = 0;
    if (store_activities_between(s, now, now + 80 * 86400, &listed, NULL, &n_listed, &err) !=
        VM_OK)
        goto fail;
    open_idx = calloc(n_listed ? n_listed : 1, sizeof *open_idx);
    if (!open_idx)
        goto fail;
    size_t n_open = 0;
    for (size_t i = 0; i < n_listed; i++) {
        const activity *a = &listed[i];
        if (a->mode == SIGNUP_MODE_OPEN && !a->cancelled && a->start > now &&
            (a->deadline == 0 || a->deadline > now))
            open_idx[n_open++] = i;
    }
    size_t confirmed = 0, waiting = 0, refused = 0, made = 0;
    for (size_t k = 0; k < n_signups && n_open; k++) {
        const activity *a = &listed[open_idx[k % n_open]];
        signup su;
        memset(&su, 0, sizeof su);
        snprintf(su.id, sizeof su.id, "%08x-0000-4000-8000-%012llx", (unsigned)(k & 0xffffffffu),
                 (unsigned long long)((k * 7919) & 0xffffffffffffull));
        snprintf(su.activity_uid, sizeof su.activity_uid, "%s", a->uid);
        snprintf(su.name, sizeof su.name, "%s", NAMES[k % N_NAMES]);
        su.adults = a->count_household ? 1 + (int)(k % 2) : 1;
        su.children = a->count_household ? (int)(k % 3) : 0;
        su.wants_company = k % 9 == 0;
        su.created = now - 86400 + (int64_t)k;
        vm_err jerr = {0};
        if (store_join(s, &su, now, NULL, &jerr) != VM_OK) {
            refused++;
            continue;
        }
        made++;
        if (su.status == SIGNUP_CONFIRMED)
            confirmed++;
        else
            waiting++;
    }
    int64_t t2 = bench_now_ns();
    size_t total = 0;
    store_activity_count(s, &total, NULL);
    printf("{\"activities\":%zu,\"joinable\":%zu,\"signups\":%zu,\"confirmed\":%zu,"
           "\"waiting\":%zu,\"refused\":%zu,\"import_s\":%.4f,\"joins_s\":%.4f}\n",
           total, n_open, made, confirmed, waiting, refused, (double)(t1 - t0) / 1e9,
           (double)(t2 - t1) / 1e9);
    rc = made == n_signups ? 0 : 1;
    if (rc)
        fprintf(stderr, "bench_mkdb: only %zu of %zu sign-ups could be made\n", made,
                n_signups);
    goto out;
fail:
    fprintf(stderr, "bench_mkdb: %s\n", err.msg[0] ? err.msg : "out of memory");
out:
    free(acts);
    free(listed);
    free(open_idx);
    store_close(s);
    return rc;
}

static int write_file(const char *path, int64_t now, size_t n, bool ics)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return 1;
    }
    int rc = 0;
    if (ics) {
        rc = bench_gen_write_ics(f, n, now);
    } else {
        activity *acts = calloc(n ? n : 1, sizeof *acts);
        if (!acts) {
            fclose(f);
            return 1;
        }
        bench_gen_program(acts, n, now);
        rc = bench_gen_write_csv(f, acts, n);
        free(acts);
    }
    if (fclose(f) != 0)
        rc = -1;
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 5)
        return usage();
    int64_t now;
    if (!dktime_parse_iso(argv[3], &now)) {
        fprintf(stderr, "bench_mkdb: NOW must look like 2026-11-23T09:30Z\n");
        return 2;
    }
    size_t n = strtoul(argv[4], NULL, 10);
    if (strcmp(argv[1], "db") == 0 && argc == 6)
        return make_db(argv[2], now, n, strtoul(argv[5], NULL, 10));
    if (strcmp(argv[1], "csv") == 0 && argc == 5)
        return write_file(argv[2], now, n, false);
    if (strcmp(argv[1], "ics") == 0 && argc == 5)
        return write_file(argv[2], now, n, true);
    return usage();
}
