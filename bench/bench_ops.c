/* bench_ops: the staff-side operations, timed in-process (no process start, no stick flush).
 *
 *   bench_ops import DIR NOW FILE REPS   read + parse FILE (program.csv or program.ics, by its
 *                                        ending) and store_import_program into a fresh
 *                                        database in DIR, REPS times
 *   bench_ops export DB NOW DIR REPS     the stick's export files from DB, written to DIR
 *                                        without fsync: sign-ups CSV, statistics CSV, the
 *                                        snapshot (store_snapshot), the week's PDF
 *   bench_ops qr NOW REPS                qr_target_for + qr_encode of a URL, an SMS and a
 *                                        VEVENT payload, and qr_write_png
 *   bench_ops print DB NOW DIR REPS      print_week (the week of NOW) and print_poster
 *   bench_ops model DB NOW REPS          what the kiosk does before its first frame:
 *                                        store_activities_between (the ten weeks) and
 *                                        kiosk_model_load (the same plus every QR code)
 *
 * The sync module's export builders (sync_export.h) are internal to src/sync; they are used
 * here so the export can be timed file by file. Output: one JSON object on stdout; times in
 * milliseconds, median of REPS (and the minimum and maximum).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk/model.h"
#include "bench_gen.h"
#include "core/dktime.h"
#include "print/print.h"
#include "qr/qr_cairo.h"
#include "store/store.h"
#include "sync/sync_buf.h"
#include "sync/sync_export.h"
#include "sync/sync_program.h"

#define MAX_REPS 200

typedef struct stat_ms {
    double v[MAX_REPS];
    size_t n;
} stat_ms;

static void add(stat_ms *s, int64_t t0, int64_t t1)
{
    if (s->n < MAX_REPS)
        s->v[s->n++] = (double)(t1 - t0) / 1e6;
}

static void put(const char *name, stat_ms *s, bool comma)
{
    double med = bench_median(s->v, s->n);
    printf("\"%s\":{\"median\":%.4f,\"min\":%.4f,\"max\":%.4f,\"n\":%zu}%s", name, med,
           s->n ? s->v[0] : 0.0, s->n ? s->v[s->n - 1] : 0.0, s->n, comma ? "," : "");
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
            *len = fread(buf, 1, (size_t)n, f);
            buf[*len] = '\0';
        }
    }
    fclose(f);
    return buf;
}

/* Writes a file without fsync: the stick's own flush is not what is measured. */
static bool spill(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static int cmd_import(const char *dir, int64_t now, const char *file, int reps)
{
    stat_ms parse = {0}, import = {0}, total = {0};
    size_t n_acts = 0;
    int rc = 1;
    bool ics = strlen(file) > 4 && strcmp(file + strlen(file) - 4, ".ics") == 0;
    for (int r = 0; r < reps; r++) {
        char db[4096];
        snprintf(db, sizeof db, "%s/import-%d.db", dir, r);
        unlink(db);
        store *s = NULL;
        vm_err err = {0};
        if (store_open(db, STORE_CREATE, &s, &err) != VM_OK) {
            fprintf(stderr, "bench_ops: %s\n", err.msg);
            return 1;
        }
        int64_t t0 = bench_now_ns();
        size_t len = 0;
        char *data = slurp(file, &len);
        sync_program prog = {0};
        sync_read_opts ro = {.now = now};
        vm_status st = !data ? VM_ERR_IO
                       : ics ? sync_read_ics(data, len, &ro, &prog, &err)
                             : sync_read_csv(data, len, &ro, &prog, &err);
        int64_t t1 = bench_now_ns();
        store_import_report rep;
        if (st == VM_OK)
            st = store_import_program(s, prog.acts, prog.n, now, &rep, &err);
        int64_t t2 = bench_now_ns();
        n_acts = prog.n;
        sync_program_free(&prog);
        free(data);
        store_close(s);
        unlink(db);
        if (st != VM_OK) {
            fprintf(stderr, "bench_ops: import of %s: %s\n", file, err.msg);
            return 1;
        }
        add(&parse, t0, t1);
        add(&import, t1, t2);
        add(&total, t0, t2);
        rc = 0;
    }
    printf("{\"file\":\"%s\",\"activities\":%zu,", ics ? "ics" : "csv", n_acts);
    put("read_parse_ms", &parse, true);
    put("store_ms", &import, true);
    put("total_ms", &total, false);
    printf("}\n");
    return rc;
}

static int cmd_export(const char *db, int64_t now, const char *dir, int reps)
{
    store *s = NULL;
    vm_err err = {0};
    int rc = 1;
    activity *acts = NULL;
    stat_ms signups = {0}, stats = {0}, snap = {0}, pdf = {0}, total = {0};
    int rows = 0, act_rows = 0;
    size_t n_week = 0;
    print_report prep = {0};
    if (store_open(db, 0, &s, &err) != VM_OK)
        goto fail;
    int week, year;
    int64_t monday = dktime_week_start(now, &week, &year);
    int64_t sunday_end = dktime_week_start(monday + 7 * 86400 + 43200, &week, &year);
    for (int r = 0; r < reps; r++) {
        char path[4096];
        int64_t t0 = bench_now_ns();
        sync_buf b = SYNC_BUF_INIT;
        if (sync_export_signups(s, &b, &rows, NULL, NULL, NULL, &err) != VM_OK || !sync_buf_ok(&b))
            goto fail;
        snprintf(path, sizeof path, "%s/tilmeldinger.csv", dir);
        if (!spill(path, b.data, b.len))
            goto fail_io;
        sync_buf_free(&b);
        int64_t t1 = bench_now_ns();
        if (sync_export_stats(s, &b, &act_rows, NULL, &err) != VM_OK || !sync_buf_ok(&b))
            goto fail;
        snprintf(path, sizeof path, "%s/statistik.csv", dir);
        if (!spill(path, b.data, b.len))
            goto fail_io;
        sync_buf_free(&b);
        int64_t t2 = bench_now_ns();
        snprintf(path, sizeof path, "%s/snapshot-%d.db", dir, r);
        unlink(path);
        if (store_snapshot(s, path, &err) != VM_OK)
            goto fail;
        int64_t t3 = bench_now_ns();
        free(acts);
        acts = NULL;
        if (store_activities_between(s, monday, sunday_end, &acts, NULL, &n_week, &err) != VM_OK)
            goto fail;
        print_options po = {.estate_name = "Fælleshuset Solbakken", .now = now};
        snprintf(path, sizeof path, "%s/ugeprogram.pdf", dir);
        if (print_week(acts, n_week, monday, &po, path, &prep, &err) != VM_OK)
            goto fail;
        int64_t t4 = bench_now_ns();
        snprintf(path, sizeof path, "%s/snapshot-%d.db", dir, r);
        unlink(path);
        add(&signups, t0, t1);
        add(&stats, t1, t2);
        add(&snap, t2, t3);
        add(&pdf, t3, t4);
        add(&total, t0, t4);
    }
    printf("{\"signups\":%d,\"activities\":%d,\"week_activities\":%zu,\"pdf_pages\":%d,", rows,
           act_rows, n_week, prep.pages);
    put("signups_csv_ms", &signups, true);
    put("stats_csv_ms", &stats, true);
    put("snapshot_ms", &snap, true);
    put("week_pdf_ms", &pdf, true);
    put("total_ms", &total, false);
    printf("}\n");
    rc = 0;
    goto out;
fail_io:
    snprintf(err.msg, sizeof err.msg, "cannot write into %s", dir);
fail:
    fprintf(stderr, "bench_ops: export: %s\n", err.msg);
out:
    free(acts);
    store_close(s);
    return rc;
}

static int cmd_qr(int64_t now, int reps, const char *dir)
{
    activity acts[40];
    bench_gen_program(acts, 40, now);
    /* one of each target: the estate's sign-up page, an SMS to the host, a calendar entry */
    const activity *pick[3] = {NULL, NULL, NULL};
    const char *names[3] = {"url", "sms", "vevent"};
    for (size_t i = 0; i < 40; i++) {
        char payload[QR_PAYLOAD_MAX];
        qr_target_kind kind;
        if (qr_target_for(&acts[i], NULL, payload, sizeof payload, &kind, NULL) != VM_OK)
            continue;
        int slot = kind == QR_TARGET_URL ? 0 : kind == QR_TARGET_SMS ? 1
                   : kind == QR_TARGET_CALENDAR ? 2 : -1;
        if (slot >= 0 && !pick[slot])
            pick[slot] = &acts[i];
    }
    printf("{");
    bool first = true;
    for (int k = 0; k < 3; k++) {
        if (!pick[k])
            continue;
        stat_ms st = {0};
        int version = 0, size = 0;
        size_t bytes = 0;
        for (int r = 0; r < reps; r++) {
            char payload[QR_PAYLOAD_MAX];
            qr_target_kind kind;
            qr_code *code = NULL;
            int64_t t0 = bench_now_ns();
            if (qr_target_for(pick[k], NULL, payload, sizeof payload, &kind, NULL) != VM_OK ||
                qr_encode(payload, &code, NULL) != VM_OK) {
                fprintf(stderr, "bench_ops: qr %s failed\n", names[k]);
                return 1;
            }
            int64_t t1 = bench_now_ns();
            version = qr_version(code);
            size = qr_size(code);
            bytes = strlen(payload);
            qr_free(code);
            add(&st, t0, t1);
        }
        printf("%s\"%s\":{\"bytes\":%zu,\"version\":%d,\"modules\":%d,", first ? "" : ",",
               names[k], bytes, version, size);
        put("encode_ms", &st, false);
        printf("}");
        first = false;
    }
    /* the PNG the `vaermed qr` command writes (8 px a module) */
    if (pick[2]) {
        char payload[QR_PAYLOAD_MAX], path[4096];
        qr_target_kind kind;
        qr_code *code = NULL;
        stat_ms st = {0};
        snprintf(path, sizeof path, "%s/qr.png", dir);
        if (qr_target_for(pick[2], NULL, payload, sizeof payload, &kind, NULL) == VM_OK &&
            qr_encode(payload, &code, NULL) == VM_OK) {
            int n = reps < 50 ? reps : 50;
            for (int r = 0; r < n; r++) {
                int64_t t0 = bench_now_ns();
                if (qr_write_png(code, 8, path, NULL) != VM_OK)
                    break;
                add(&st, t0, bench_now_ns());
            }
        }
        qr_free(code);
        printf(",\"png\":{");
        put("write_ms", &st, false);
        printf("}");
    }
    printf("}\n");
    return 0;
}

static int cmd_print(const char *db, int64_t now, const char *dir, int reps)
{
    store *s = NULL;
    vm_err err = {0};
    activity *acts = NULL;
    size_t n = 0;
    int rc = 1;
    stat_ms week = {0}, poster = {0};
    print_report wrep = {0}, prep = {0};
    if (store_open(db, 0, &s, &err) != VM_OK)
        goto fail;
    int w, y;
    int64_t monday = dktime_week_start(now, &w, &y);
    int64_t end = dktime_week_start(monday + 7 * 86400 + 43200, &w, &y);
    if (store_activities_between(s, monday, end, &acts, NULL, &n, &err) != VM_OK)
        goto fail;
    print_options po = {.estate_name = "Fælleshuset Solbakken", .now = now};
    char path[4096];
    for (int r = 0; r < reps; r++) {
        snprintf(path, sizeof path, "%s/week.pdf", dir);
        int64_t t0 = bench_now_ns();
        if (print_week(acts, n, monday, &po, path, &wrep, &err) != VM_OK)
            goto fail;
        int64_t t1 = bench_now_ns();
        snprintf(path, sizeof path, "%s/poster.pdf", dir);
        if (n && print_poster(&acts[n / 2], &po, path, &prep, &err) != VM_OK)
            goto fail;
        int64_t t2 = bench_now_ns();
        add(&week, t0, t1);
        add(&poster, t1, t2);
    }
    printf("{\"week_activities\":%zu,\"week_pages\":%d,\"week_codes\":%d,", n, wrep.pages,
           wrep.codes);
    put("week_ms", &week, true);
    put("poster_ms", &poster, false);
    printf("}\n");
    rc = 0;
    goto out;
fail:
    fprintf(stderr, "bench_ops: print: %s\n", err.msg);
out:
    free(acts);
    store_close(s);
    return rc;
}

static int cmd_model(const char *db, int64_t now, int reps)
{
    store *s = NULL;
    vm_err err = {0};
    stat_ms query = {0}, load = {0};
    size_t n = 0, codes = 0;
    if (store_open(db, STORE_READONLY, &s, &err) != VM_OK) {
        fprintf(stderr, "bench_ops: model: %s\n", err.msg);
        return 1;
    }
    /* the kiosk's page cache, not SQLite's default */
    if (store_limit_cache(s, MODEL_PAGE_CACHE_KIB, &err) != VM_OK) {
        fprintf(stderr, "bench_ops: model: %s\n", err.msg);
        store_close(s);
        return 1;
    }
    for (int r = 0; r < reps; r++) {
        activity *acts = NULL;
        activity_counts *counts = NULL;
        int64_t t0 = bench_now_ns();
        bool more = false;
        /* The kiosk's query: the first MODEL_MAX_ENTRIES of the weeks ahead (kiosk/model.c). */
        vm_status st = store_activities_first(s, now - 12 * 3600,
                                              now + (int64_t)MODEL_WEEKS_AHEAD * 7 * 86400,
                                              MODEL_MAX_ENTRIES, &acts, &counts, &n, &more, &err);
        int64_t t1 = bench_now_ns();
        free(acts);
        free(counts);
        kiosk_model m;
        memset(&m, 0, sizeof m);
        if (st == VM_OK)
            st = kiosk_model_load(&m, s, now, NULL, &err);
        int64_t t2 = bench_now_ns();
        codes = 0;
        for (size_t i = 0; i < m.n_entries; i++)
            codes += m.entries[i].qr != NULL;
        kiosk_model_free(&m);
        if (st != VM_OK) {
            fprintf(stderr, "bench_ops: model: %s\n", err.msg);
            store_close(s);
            return 1;
        }
        add(&query, t0, t1);
        add(&load, t1, t2);
    }
    store_close(s);
    printf("{\"activities\":%zu,\"qr_codes\":%zu,", n, codes);
    put("query_ms", &query, true);
    put("model_load_ms", &load, false);
    printf("}\n");
    return 0;
}

int main(int argc, char **argv)
{
    int64_t now = 0;
    if (argc >= 3 && strcmp(argv[1], "qr") == 0 && argc == 5 && dktime_parse_iso(argv[2], &now))
        return cmd_qr(now, atoi(argv[3]) < MAX_REPS ? atoi(argv[3]) : MAX_REPS, argv[4]);
    if (argc == 5 && strcmp(argv[1], "model") == 0 && dktime_parse_iso(argv[3], &now))
        return cmd_model(argv[2], now, atoi(argv[4]) < 1 ? 1 : atoi(argv[4]) % (MAX_REPS + 1));
    if (argc == 6 && dktime_parse_iso(argv[3], &now)) {
        int reps = atoi(argv[5]);
        if (reps < 1)
            reps = 1;
        if (reps > MAX_REPS)
            reps = MAX_REPS;
        if (strcmp(argv[1], "import") == 0)
            return cmd_import(argv[2], now, argv[4], reps);
        if (strcmp(argv[1], "export") == 0)
            return cmd_export(argv[2], now, argv[4], reps);
        if (strcmp(argv[1], "print") == 0)
            return cmd_print(argv[2], now, argv[4], reps);
    }
    fputs("usage: bench_ops import DIR NOW FILE REPS\n"
          "       bench_ops export DB NOW DIR REPS\n"
          "       bench_ops qr NOW REPS DIR\n"
          "       bench_ops print DB NOW DIR REPS\n"
          "       bench_ops model DB NOW REPS\n",
          stderr);
    return 2;
}
