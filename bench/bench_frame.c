/* bench_frame: what one frame costs, split into ui_build (screens -> draw list) and
 * render_present (draw list -> pixels), on SDL's software renderer with the dummy video
 * driver (no display, no GPU: the slowest path the kiosk has).
 *
 * For each window size and program size it builds the model the kiosk would (the synthetic
 * program of bench_gen, public counts, QR codes from qr_target_for + qr_encode), opens a
 * fresh renderer (cold text cache), and measures:
 *   cold      the first frame: every text, pictogram and QR texture made;
 *   home      K frames of the home screen with nothing changed but the milliseconds
 *             (what the minute tick or a pressed state costs: the cache is warm);
 *   scroll    K frames of the home screen each scrolled one wheel step further (back to the
 *             top at the end): new cards come into view and their texts are rasterised;
 *   detail    K frames of the first card's detail screen, warm.
 * It also counts draw commands and cards per frame, which depend on what is visible.
 *
 * usage: bench_frame [-k FRAMES] [-n 20,200,2000] [-s 800x480,1920x1080] [--now ISO] [--accel]
 *                    [--home-only]
 * --home-only stops after the warm home frames (cold + home): for counting the instructions
 * of a home frame with callgrind (`--toggle-collect=ui_build`, `--toggle-collect=render_present`,
 * two runs with different -k, the difference divided by the frames between them).
 * --accel lets SDL choose its renderer instead of forcing the software one (with no GPU device
 * node the renderer module itself picks the software one unless SDL_RENDER_DRIVER names a
 * driver, as bench.py does for its OpenGL rows); SDL_VIDEODRIVER decides the driver (dummy
 * when unset).
 * Output: one JSON object per line (size, count, variant) on stdout.
 */
#include <SDL.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk/model.h"
#include "bench_gen.h"
#include "core/catalogs.h"
#include "core/dktime.h"
#include "core/i18n.h"
#include "qr/qr.h"
#include "render/render.h"
#include "ui/ui.h"

typedef struct model {
    ui_entry *entries;
    ui_arena text; /* the entries' texts, as the kiosk's model holds them */
    uint8_t **qr;
    size_t n;
    i18n_catalog *cats[2];
    const i18n_catalog *langs[2];
    ui_model ui;
} model;

static ui_qr_kind ui_kind(qr_target_kind k)
{
    return k == QR_TARGET_URL ? UI_QR_URL
           : k == QR_TARGET_SMS ? UI_QR_SMS
           : k == QR_TARGET_CALENDAR ? UI_QR_CALENDAR
                                     : UI_QR_NONE;
}

static int by_start(const void *a, const void *b)
{
    const activity *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The program of `n` stored activities, and of it what the kiosk holds (kiosk/model.h): the
 * first MODEL_MAX_ENTRIES of the MODEL_WEEKS_AHEAD weeks from now, by start. */
static bool model_make(model *m, size_t n, int64_t now)
{
    memset(m, 0, sizeof *m);
    activity *acts = calloc(n ? n : 1, sizeof *acts);
    m->entries = calloc(n ? n : 1, sizeof *m->entries);
    m->qr = calloc(n ? n : 1, sizeof *m->qr);
    if (!acts || !m->entries || !m->qr) {
        free(acts);
        return false;
    }
    bench_gen_program(acts, n, now);
    qsort(acts, n, sizeof *acts, by_start);
    size_t held = 0;
    while (held < n && held < MODEL_MAX_ENTRIES &&
           acts[held].start < now + (int64_t)MODEL_WEEKS_AHEAD * 7 * 86400)
        held++;
    n = held;
    m->n = n;
    for (size_t i = 0; i < n; i++) {
        ui_entry *e = &m->entries[i];
        if (!ui_activity_fill(&e->act, &acts[i], &m->text)) {
            free(acts);
            return false;
        }
        /* plausible public counts: some full, some with people waiting */
        int cap = acts[i].capacity;
        int taken = cap ? (int)((i * 37) % (size_t)(cap + 1)) : (int)(i % 9);
        e->counts.heads_taken = taken;
        e->counts.signups = taken;
        e->counts.adults = taken;
        e->counts.waiting = cap && taken == cap ? (int)(i % 4) : 0;
        char payload[QR_PAYLOAD_MAX];
        qr_target_kind kind = QR_TARGET_NONE;
        qr_code *code = NULL;
        if (qr_target_for(&acts[i], NULL, payload, sizeof payload, &kind, NULL) == VM_OK &&
            kind != QR_TARGET_NONE && qr_encode(payload, &code, NULL) == VM_OK) {
            int size = qr_size(code);
            m->qr[i] = malloc((size_t)size * (size_t)size);
            if (m->qr[i]) {
                memcpy(m->qr[i], qr_modules(code), (size_t)size * (size_t)size);
                e->qr = m->qr[i];
                e->qr_size = size;
                e->qr_kind = ui_kind(kind);
            }
        }
        qr_free(code);
    }
    free(acts);
    size_t nsrc = 0;
    const catalog_source *src = catalogs_embedded(&nsrc);
    static const char *const want[2] = {"da", "en"};
    size_t nl = 0;
    for (int w = 0; w < 2; w++)
        for (size_t i = 0; i < nsrc; i++)
            if (strcmp(src[i].lang, want[w]) == 0) {
                m->cats[nl] = i18n_catalog_parse(src[i].lang, src[i].text, src[i].len, NULL);
                if (m->cats[nl]) {
                    m->langs[nl] = m->cats[nl];
                    nl++;
                }
            }
    m->ui = (ui_model){.entries = m->entries, .n_entries = n, .langs = m->langs,
                       .n_langs = nl, .estate_name = "Fælleshuset Solbakken",
                       .generation = 1 /* loaded once, as the kiosk does */};
    return nl > 0;
}

static void model_free(model *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->qr[i]);
    free(m->qr);
    free(m->entries);
    ui_arena_free(&m->text);
    for (int i = 0; i < 2; i++)
        i18n_catalog_free(m->cats[i]);
}

typedef struct series {
    double *build, *present, *total, *cpu;
    size_t n;
} series;

static int64_t thread_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The name of the renderer SDL chose for the one window open (render.h does not say). */
static const char *renderer_name(void)
{
    for (Uint32 id = 4096; id > 0; id--) {
        SDL_Window *w = SDL_GetWindowFromID(id);
        SDL_Renderer *r = w ? SDL_GetRenderer(w) : NULL;
        SDL_RendererInfo info;
        if (r && SDL_GetRendererInfo(r, &info) == 0)
            return info.name;
    }
    return "unknown";
}

static void print_stat(const char *name, double *v, size_t n, bool comma)
{
    double med = bench_median(v, n);
    double p99 = bench_p99(v, n);
    printf("\"%s\":{\"median\":%.4f,\"p99\":%.4f,\"max\":%.4f}%s", name, med, p99,
           n ? v[n - 1] : 0.0, comma ? "," : "");
}

static size_t count_cards(const ui_frame *f)
{
    size_t c = 0;
    for (size_t i = 0; i < f->n_widgets; i++)
        if (f->widgets[i].role == UI_ROLE_CARD)
            c++;
    return c;
}

/* Builds and presents one frame, adding its times (ms) to `s` at index i when s is given. */
static void frame(ui *u, const model *m, render *r, const ui_measure *meas, int64_t now_ms,
                  ui_frame *f, series *s, size_t i)
{
    int64_t c0 = thread_cpu_ns();
    int64_t t0 = bench_now_ns();
    ui_build(u, &m->ui, meas, now_ms, f);
    int64_t t1 = bench_now_ns();
    render_present(r, f);
    int64_t t2 = bench_now_ns();
    int64_t c1 = thread_cpu_ns();
    if (s) {
        s->build[i] = (double)(t1 - t0) / 1e6;
        s->present[i] = (double)(t2 - t1) / 1e6;
        s->total[i] = (double)(t2 - t0) / 1e6;
        s->cpu[i] = (double)(c1 - c0) / 1e6;
    }
}

static void report(int w, int h, size_t n, size_t held, const char *variant, series *s,
                   const ui_frame *f, unsigned long rasterised)
{
    printf("{\"width\":%d,\"height\":%d,\"activities\":%zu,\"model_entries\":%zu,"
           "\"variant\":\"%s\",\"frames\":%zu,",
           w, h, n, held, variant, s->n);
    print_stat("build_ms", s->build, s->n, true);
    print_stat("present_ms", s->present, s->n, true);
    print_stat("total_ms", s->total, s->n, true);
    print_stat("cpu_ms", s->cpu, s->n, true);
    printf("\"renderer\":\"%s\",", renderer_name());
    printf("\"cmds\":%zu,\"widgets\":%zu,\"cards\":%zu,\"rasterised\":%lu,\"screen\":\"%s\"}\n",
           f->n_cmds, f->n_widgets, count_cards(f), rasterised, f->screen);
    fflush(stdout);
}

static bool home_only;

static int run_one(int w, int h, size_t n, size_t k, int64_t now, bool accel)
{
    int rc = 1;
    model m;
    render *r = NULL;
    ui *u = NULL;
    ui_frame f;
    ui_frame_init(&f);
    series s = {calloc(k, sizeof(double)), calloc(k, sizeof(double)), calloc(k, sizeof(double)),
                calloc(k, sizeof(double)), k};
    vm_err err = {0};
    if (!model_make(&m, n, now) || !s.build || !s.present || !s.total || !s.cpu) {
        fprintf(stderr, "bench_frame: out of memory or no catalogs\n");
        goto out;
    }
    render_options ro = {.title = "bench", .width = w, .height = h, .software = !accel,
                         .hidden = true, .font_dir = getenv("VAERMED_FONT_DIR")};
    if (render_open(&ro, &r, &err) != VM_OK) {
        fprintf(stderr, "bench_frame: %s\n", err.msg);
        goto out;
    }
    int ow, oh;
    render_output_size(r, &ow, &oh);
    ui_options uo = {.width = ow, .height = oh, .idle_ms = 60000};
    u = ui_new(&uo);
    int sizes[UI_FONT_COUNT];
    ui_font_sizes(u, sizes);
    if (render_set_font_sizes(r, sizes, &err) != VM_OK) {
        fprintf(stderr, "bench_frame: %s\n", err.msg);
        goto out;
    }
    ui_measure meas = render_measure(r);
    int64_t now_ms = now * 1000 + 1000;
    unsigned long made0, made1;

    /* cold: the first frame makes every texture */
    series cold = {s.build, s.present, s.total, s.cpu, 1};
    frame(u, &m, r, &meas, now_ms, &f, &cold, 0);
    render_stats(r, &made1, NULL);
    report(w, h, n, m.n, "cold", &cold, &f, made1);

    /* home, warm: same picture, time moving by a millisecond */
    render_stats(r, &made0, NULL);
    for (size_t i = 0; i < k; i++)
        frame(u, &m, r, &meas, now_ms + 1 + (int64_t)i, &f, &s, i);
    render_stats(r, &made1, NULL);
    report(w, h, n, m.n, "home", &s, &f, made1 - made0);
    now_ms += 1 + (int64_t)k;
    if (home_only) {
        rc = 0;
        goto out;
    }

    /* scroll: one wheel step a frame, back to the top at the end */
    render_stats(r, &made0, NULL);
    int dir = -1;
    for (size_t i = 0; i < k; i++) {
        ui_input in = {.kind = UI_IN_WHEEL, .dy = dir};
        now_ms++;
        if (!ui_handle(u, &m.ui, &in, now_ms)) {
            dir = -dir;
            in.dy = dir;
            ui_handle(u, &m.ui, &in, now_ms);
        }
        frame(u, &m, r, &meas, now_ms, &f, &s, i);
    }
    render_stats(r, &made1, NULL);
    report(w, h, n, m.n, "scroll", &s, &f, made1 - made0);
    /* back to the top for the tap */
    for (int i = 0; i < 10000; i++) {
        ui_input in = {.kind = UI_IN_WHEEL, .dy = 1};
        if (!ui_handle(u, &m.ui, &in, now_ms))
            break;
    }
    now_ms += 1000;
    frame(u, &m, r, &meas, now_ms, &f, NULL, 0);

    /* detail: tap the first card on screen */
    const ui_widget *card = NULL;
    for (size_t i = 0; i < f.n_widgets && !card; i++)
        if (f.widgets[i].role == UI_ROLE_CARD)
            card = &f.widgets[i];
    if (!card) {
        fprintf(stderr, "bench_frame: no card on the home screen\n");
        goto out;
    }
    ui_input in = {.kind = UI_IN_DOWN, .x = card->rect.x + 10, .y = card->rect.y + 10};
    ui_handle(u, &m.ui, &in, now_ms);
    in.kind = UI_IN_UP;
    ui_handle(u, &m.ui, &in, now_ms + 80);
    now_ms += 2000;
    ui_tick(u, &m.ui, now_ms);
    render_stats(r, &made0, NULL);
    frame(u, &m, r, &meas, now_ms, &f, &cold, 0);
    render_stats(r, &made1, NULL);
    if (strcmp(f.screen, "detail") != 0) {
        fprintf(stderr, "bench_frame: the tap opened '%s', not the detail screen\n", f.screen);
        goto out;
    }
    report(w, h, n, m.n, "detail-cold", &cold, &f, made1 - made0);
    render_stats(r, &made0, NULL);
    for (size_t i = 0; i < k; i++)
        frame(u, &m, r, &meas, now_ms + 1 + (int64_t)i, &f, &s, i);
    render_stats(r, &made1, NULL);
    report(w, h, n, m.n, "detail", &s, &f, made1 - made0);
    rc = 0;
out:
    free(s.build);
    free(s.present);
    free(s.total);
    free(s.cpu);
    ui_frame_free(&f);
    ui_free(u);
    render_close(r);
    model_free(&m);
    return rc;
}

/* Parses "a,b,c" of numbers or WxH sizes. */
static size_t parse_list(const char *s, int *a, int *b, size_t max)
{
    size_t n = 0;
    while (s && *s && n < max) {
        char *end;
        a[n] = (int)strtol(s, &end, 10);
        b[n] = 0;
        if (*end == 'x')
            b[n] = (int)strtol(end + 1, &end, 10);
        n++;
        s = *end == ',' ? end + 1 : NULL;
    }
    return n;
}

int main(int argc, char **argv)
{
    size_t k = 200;
    int counts[8] = {20, 200, 2000}, unused[8], ws[8] = {800, 1920}, hs[8] = {480, 1080};
    size_t n_counts = 3, n_sizes = 2;
    int64_t now = 0;
    bool accel = false;
    dktime_parse_iso("2026-11-23T09:30Z", &now);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-k") == 0 && i + 1 < argc)
            k = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            n_counts = parse_list(argv[++i], counts, unused, 8);
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            n_sizes = parse_list(argv[++i], ws, hs, 8);
        else if (strcmp(argv[i], "--accel") == 0)
            accel = true;
        else if (strcmp(argv[i], "--home-only") == 0)
            home_only = true;
        else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc) {
            if (!dktime_parse_iso(argv[++i], &now)) {
                fprintf(stderr, "bench_frame: --now must look like 2026-11-23T09:30Z\n");
                return 2;
            }
        } else {
            fprintf(stderr, "usage: bench_frame [-k FRAMES] [-n 20,200,2000] "
                            "[-s 800x480,1920x1080] [--now ISO] [--accel] [--home-only]\n");
            return 2;
        }
    }
    if (k < 1)
        k = 1;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "bench_frame: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    int rc = 0;
    for (size_t si = 0; si < n_sizes && rc == 0; si++)
        for (size_t ci = 0; ci < n_counts && rc == 0; ci++)
            rc = run_one(ws[si], hs[si], (size_t)counts[ci], k, now, accel);
    SDL_Quit();
    return rc;
}
