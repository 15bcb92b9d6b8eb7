/* print: the week program and the poster rendered to pixels (pdftoppm, 300 dpi) and every QR
 * code read back with zbar; the words read back with pdftotext. The rendered pages are kept in
 * the test folder to look at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "icons/icons_cairo.h"
#include "print/print.h"
#include "print/print_internal.h"
#include "qr/qr.h"
#include "qr_decode.h"

#define TEMPLATE "https://beboerne.dk/tilmeld/{uid}"

static activity make(const char *uid, const char *title, category cat, const char *start,
                     const char *end)
{
    activity a;
    memset(&a, 0, sizeof a);
    snprintf(a.uid, sizeof a.uid, "%s", uid);
    snprintf(a.title, sizeof a.title, "%s", title);
    a.category = cat;
    a.start = ts_time(start);
    a.end = ts_time(end);
    snprintf(a.place, sizeof a.place, "Fælleshuset");
    return a;
}

/* A lively week on Æblegården: every target kind, cancelled and residents-only ones, long
 * titles and descriptions, enough for more than one page. Not in time order on purpose. */
static size_t the_week(activity *w)
{
    size_t n = 0;
    activity a;

    a = make("spis-1", "Fællesspisning: gule ærter og æblekage", CAT_FOOD, "2026-11-26 18:00",
             "2026-11-26 20:00");
    snprintf(a.host, sizeof a.host, "Søren");
    snprintf(a.host_phone, sizeof a.host_phone, "+45 20 30 40 50");
    snprintf(a.price, sizeof a.price, "25 kr., børn 10 kr.");
    a.mode = SIGNUP_MODE_OPEN;
    a.deadline = ts_time("2026-11-24 12:00");
    a.badges = BADGE_CHILDCARE | BADGE_ALONE_OK | BADGE_STEP_FREE;
    w[n++] = a;

    a = make("gaa-1", "Gåtur i Præstøparken", CAT_WALK, "2026-11-23 10:00", "2026-11-23 11:30");
    snprintf(a.place, sizeof a.place, "Vi mødes ved fælleshusets dør");
    snprintf(a.host, sizeof a.host, "Åse");
    a.badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK;
    w[n++] = a;

    a = make("vaerk-1", "Reparationscafé – cykler, lamper og tøj", CAT_WORKSHOP,
             "2026-11-24 16:00", "2026-11-24 19:00");
    snprintf(a.host, sizeof a.host, "Bjørn og Mette");
    snprintf(a.signup_url, sizeof a.signup_url, "https://ex.dk/tilmeld?id=værksted&uge=48");
    a.mode = SIGNUP_MODE_HELPERS;
    a.badges = BADGE_FREE;
    w[n++] = a;

    a = make("banko-1", "Banko", CAT_GAMES, "2026-11-25 19:00", "2026-11-25 21:30");
    snprintf(a.host, sizeof a.host, "Jørgen");
    snprintf(a.price, sizeof a.price, "Plader 10 kr.");
    w[n++] = a;

    a = make("lektie-1", "Lektiecafé", CAT_HOMEWORK, "2026-11-24 15:00", "2026-11-24 17:00");
    snprintf(a.place, sizeof a.place, "Lokale 2, Fælleshuset");
    a.badges = BADGE_FREE | BADGE_JUST_COME;
    w[n++] = a;

    a = make("mode-1", "Beboermøde om de nye altaner", CAT_MEETING, "2026-11-26 19:30",
             "2026-11-26 21:00");
    a.badges = BADGE_RESIDENTS_ONLY;
    snprintf(a.host, sizeof a.host, "Afdelingsbestyrelsen");
    w[n++] = a;

    a = make("kaffe-1", "Morgenkaffe", CAT_CAFE, "2026-11-27 09:00", "2026-11-27 10:30");
    a.badges = BADGE_FREE | BADGE_JUST_COME | BADGE_ALONE_OK;
    snprintf(a.host, sizeof a.host, "Hanne");
    w[n++] = a;

    a = make("yoga-1", "Stolegymnastik", CAT_SPORT, "2026-11-27 11:00", "2026-11-27 12:00");
    a.cancelled = true;
    snprintf(a.host, sizeof a.host, "Lise");
    w[n++] = a;

    a = make("born-1", "Juleklip for børn og voksne", CAT_KIDS, "2026-11-28 13:00",
             "2026-11-28 16:00");
    snprintf(a.description, sizeof a.description,
             "Vi klipper julehjerter, laver pynt og drikker kakao. Tag gerne en voksen med.");
    a.badges = BADGE_FREE | BADGE_CHILDCARE;
    w[n++] = a;

    a = make("sang-1", "Fællessang med harmonika", CAT_MUSIC, "2026-11-29 14:00",
             "2026-11-29 15:30");
    snprintf(a.host, sizeof a.host, "Ejnar");
    snprintf(a.host_phone, sizeof a.host_phone, "61 62 63 64");
    w[n++] = a;

    a = make("strik-1", "Strikkeklub", CAT_CRAFTS, "2026-11-25 14:00", "2026-11-25 16:00");
    a.badges = BADGE_JUST_COME;
    w[n++] = a;

    a = make("fest-1", "Julefrokost i opgangen; alle er velkomne, også naboerne", CAT_PARTY,
             "2026-11-28 18:00", "2026-11-28 23:00");
    snprintf(a.price, sizeof a.price, "75 kr.");
    a.mode = SIGNUP_MODE_OPEN;
    a.deadline = ts_time("2026-11-25 20:00");
    w[n++] = a;
    return n;
}

/* Another normal week, Solbakken's: a dozen activities, every one but one with a code (the
 * calendar codes are the densest), long titles and places, three days with three things on. */
static size_t solbakken_week(activity *w)
{
    static const struct {
        const char *uid, *title, *place, *start, *end, *price, *host, *phone;
        category cat;
        signup_mode mode;
        unsigned badges;
    } t[] = {
        {"morgen-m", "Morgengymnastik i gården", "Gården ved opgang 4", "2026-11-23 09:30",
         "2026-11-23 10:15", "", "Kirsten", "", CAT_SPORT, SIGNUP_MODE_NONE,
         BADGE_FREE | BADGE_JUST_COME},
        {"lektier-m", "Lektiehjælp for skolebørn i 4.–9. klasse", "Lokale 2, Fælleshuset",
         "2026-11-23 15:00", "2026-11-23 17:00", "", "Amira", "", CAT_HOMEWORK,
         SIGNUP_MODE_NONE, BADGE_FREE | BADGE_JUST_COME},
        {"spis-m", "Fællesspisning: frikadeller med kartofler og sovs", "Festsalen",
         "2026-11-23 18:00", "2026-11-23 20:00", "35 kr., børn 15 kr.", "Hanne",
         "+45 22 33 44 55", CAT_FOOD, SIGNUP_MODE_OPEN, 0},
        {"cykel-t", "Cykelværksted: vi lapper dæk og skifter lygter", "Kælderen, opgang 7",
         "2026-11-24 16:00", "2026-11-24 18:30", "", "Bjørn", "", CAT_WORKSHOP,
         SIGNUP_MODE_HELPERS, BADGE_FREE},
        {"kaffe-o", "Formiddagskaffe for seniorer", "Cafeen i Fælleshuset", "2026-11-25 10:00",
         "2026-11-25 11:30", "10 kr.", "Else", "", CAT_CAFE, SIGNUP_MODE_NONE,
         BADGE_JUST_COME | BADGE_ALONE_OK},
        {"syning-o", "Syning og strik – tag dit eget projekt med", "Hobbyrummet",
         "2026-11-25 14:00", "2026-11-25 16:00", "", "Fatma", "", CAT_CRAFTS, SIGNUP_MODE_NONE,
         BADGE_JUST_COME},
        {"banko-o", "Banko med præmier fra de lokale butikker", "Festsalen", "2026-11-25 19:00",
         "2026-11-25 21:30", "Plader 10 kr.", "Jørgen", "", CAT_GAMES, SIGNUP_MODE_OPEN, 0},
        {"mode-to", "Beboermøde om varmeregnskabet", "Festsalen", "2026-11-26 19:00",
         "2026-11-26 21:00", "", "Afdelingsbestyrelsen", "", CAT_MEETING, SIGNUP_MODE_NONE,
         BADGE_RESIDENTS_ONLY},
        {"film-f", "Fredagsfilm for hele familien", "Festsalen", "2026-11-27 18:30",
         "2026-11-27 20:30", "", "Omar", "", CAT_KIDS, SIGNUP_MODE_NONE,
         BADGE_FREE | BADGE_JUST_COME},
        {"klip-l", "Juleklip og æbleskiver", "Fælleshuset", "2026-11-28 13:00",
         "2026-11-28 16:00", "20 kr.", "Mette", "", CAT_KIDS, SIGNUP_MODE_OPEN,
         BADGE_CHILDCARE},
        {"tur-l", "Tur til julemarkedet i Roskilde med bus", "Vi mødes ved busstoppestedet",
         "2026-11-28 10:00", "2026-11-28 15:00", "50 kr.", "Søren", "+45 40 50 60 70",
         CAT_WALK, SIGNUP_MODE_OPEN, 0},
        {"sang-s", "Fællessang og kaffe", "Cafeen i Fælleshuset", "2026-11-29 14:00",
         "2026-11-29 15:30", "", "Ejnar", "", CAT_MUSIC, SIGNUP_MODE_NONE,
         BADGE_FREE | BADGE_JUST_COME},
    };
    size_t n = sizeof t / sizeof t[0];
    for (size_t i = 0; i < n; i++) {
        activity a = make(t[i].uid, t[i].title, t[i].cat, t[i].start, t[i].end);
        snprintf(a.place, sizeof a.place, "%s", t[i].place);
        snprintf(a.price, sizeof a.price, "%s", t[i].price);
        snprintf(a.host, sizeof a.host, "%s", t[i].host);
        snprintf(a.host_phone, sizeof a.host_phone, "%s", t[i].phone);
        a.mode = t[i].mode;
        a.badges = t[i].badges;
        if (a.mode == SIGNUP_MODE_OPEN)
            a.deadline = a.start - 2 * 86400;
        w[i] = a;
    }
    return n;
}

static print_options options(void)
{
    print_options o = {.estate_name = "Æblegården, afdeling 7",
                       .now = ts_time("2026-11-20 09:00")};
    return o;
}

static int run(const char *cmd)
{
    int rc = system(cmd);
    return rc;
}

/* A phone held 15 cm from a page sees it at several hundred dpi; 300 dpi is under that. The
 * codes must also be read from a rendering at 150 dpi, a cheap printer's or a poor photo's
 * (the week program's smallest modules are 2 pixels there, the others 3). */
#define RENDER_DPI 300
#define RENDER_DPI_LOW 150

/* The same codes, read by another reader (the text as zbar converts it, or ZXing), as the
 * exact bytes zbar read: each one once. */
static void assert_same_codes(const qrd_result *bytes, const char *page, qrd_reader reader)
{
    qrd_result r;
    size_t n = qrd_decode_file(page, reader, &r);
    if (n != bytes->n)
        fail_msg("%s: %s read %zu codes, zbar's bytes %zu", page,
                 reader == QRD_ZXING_TEXT ? "ZXing" : "zbar (text)", n, bytes->n);
    bool used[64] = {false};
    for (size_t i = 0; i < r.n; i++) {
        bool found = false;
        for (size_t j = 0; j < bytes->n && j < 64 && !found; j++)
            if (!used[j] && r.sym[i].len == bytes->sym[j].len &&
                memcmp(r.sym[i].data, bytes->sym[j].data, r.sym[i].len) == 0)
                used[j] = found = true;
        if (!found)
            fail_msg("%s: %s reads a code as \"%s\"", page,
                     reader == QRD_ZXING_TEXT ? "ZXing" : "zbar (text)", r.sym[i].data);
    }
    qrd_free(&r);
}

static const char *page_file(const char *dir, const char *stem, int p, char *path, size_t size)
{
    struct stat st;
    /* pdftoppm pads the page number to the width of the last one */
    snprintf(path, size, "%s/%s-%d.pgm", dir, stem, p);
    if (stat(path, &st) == 0)
        return path;
    snprintf(path, size, "%s/%s-%02d.pgm", dir, stem, p);
    return stat(path, &st) == 0 ? path : NULL;
}

/* The same PDF at RENDER_DPI_LOW: every page's codes read by zbar and by ZXing, the same
 * ones as at RENDER_DPI (`want`, zbar's bytes of all pages). */
static void assert_low_dpi_reads_all(const char *pdf, const char *dir, const qrd_result *want)
{
    char cmd[2048], path[1024];
    snprintf(cmd, sizeof cmd, "pdftoppm -r %d -gray '%s' '%s/low'", RENDER_DPI_LOW, pdf, dir);
    assert_int_equal(run(cmd), 0);
    size_t read = 0;
    for (int p = 1; page_file(dir, "low", p, path, sizeof path); p++) {
        qrd_result r;
        size_t n = qrd_decode_pgm(path, &r);
        assert_true(n != (size_t)-1);
        for (size_t i = 0; i < r.n; i++) {
            bool found = false;
            for (size_t j = 0; j < want->n && !found; j++)
                found = r.sym[i].len == want->sym[j].len &&
                        memcmp(r.sym[i].data, want->sym[j].data, r.sym[i].len) == 0;
            if (!found)
                fail_msg("%s: zbar reads a code as \"%s\"", path, r.sym[i].data);
        }
        read += r.n;
        /* ZXing reads the same codes as zbar on this page */
        assert_same_codes(&r, path, QRD_ZXING_TEXT);
        qrd_free(&r);
    }
    if (read != want->n)
        fail_msg("at %d dpi zbar and ZXing read %zu codes of %zu", RENDER_DPI_LOW, read,
                 want->n);
}

/* A grey PGM (P5, maxval 255) as pdftoppm -gray writes it; caller frees *px. */
static bool read_pgm(const char *path, unsigned char **px, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    int maxval = 0;
    bool ok = f && fscanf(f, "P5 %d %d %d", w, h, &maxval) == 3 && maxval == 255 &&
              fgetc(f) != EOF;
    *px = ok ? malloc((size_t)*w * (size_t)*h) : NULL;
    ok = ok && *px && fread(*px, 1, (size_t)*w * (size_t)*h, f) == (size_t)*w * (size_t)*h;
    if (f)
        fclose(f);
    return ok;
}

/* The day headings' letters stay on their grey bar (rendered at RENDER_DPI): a bar starts at
 * a row with a column-wide run of the bar's grey (0.82) and goes on while the grey is there
 * near its right end (clear of the words and of the rounded corners); the two rows over it
 * and under it, across its width, hold no ink. Returns the bars found. */
static int assert_day_words_on_their_bars(const char *page)
{
    unsigned char *px;
    int w, h;
    assert_true(read_pgm(page, &px, &w, &h));
#define PX(x, y) px[(size_t)(y) * (size_t)w + (size_t)(x)]
#define BAR_GREY(v) ((v) >= 205 && (v) <= 213)
    int bars = 0;
    for (int y = 0; y < h; y++) {
        int best = 0, x0 = 0, run = 0;
        for (int x = 0; x < w; x++) {
            run = BAR_GREY(PX(x, y)) ? run + 1 : 0;
            if (run > best) {
                best = run;
                x0 = x - run + 1;
            }
        }
        if (best <= w / 6) /* a column's width: a bar, not a word's grey edge */
            continue;
        int x1 = x0 + best, probe = x1 - 30, r0 = y;
        while (y < h && BAR_GREY(PX(probe, y)))
            y++;
        bars++;
        const int edge[4] = {r0 - 2, r0 - 1, y, y + 1};
        for (int k = 0; k < 4; k++)
            for (int x = x0; edge[k] >= 0 && edge[k] < h && x < x1; x++)
                if (PX(x, edge[k]) < 128)
                    fail_msg("%s: a day heading's letters stand past its bar (rows %d-%d, ink "
                             "at %d,%d)", page, r0, y - 1, x, edge[k]);
    }
#undef BAR_GREY
#undef PX
    free(px);
    return bars;
}

/* Renders the PDF to grey PGM pages at RENDER_DPI and decodes every code on every page, with
 * zbar (bytes and text) and ZXing, which must agree; then the same at RENDER_DPI_LOW. Returns
 * the page count; the symbols of all pages (zbar's bytes at RENDER_DPI) are appended to
 * `all`. */
static int render_and_decode(const char *pdf, const char *dir, qrd_result *all)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "pdftoppm -r %d -gray '%s' '%s/page'", RENDER_DPI, pdf, dir);
    assert_int_equal(run(cmd), 0);
    all->sym = NULL;
    all->n = 0;
    int pages = 0;
    for (int p = 1; p < 100; p++) {
        char path[1024];
        if (!page_file(dir, "page", p, path, sizeof path))
            break;
        pages++;
        qrd_result r;
        size_t n = qrd_decode_pgm(path, &r);
        assert_true(n != (size_t)-1);
        assert_same_codes(&r, path, QRD_ZBAR_TEXT);
        assert_same_codes(&r, path, QRD_ZXING_TEXT);
        all->sym = realloc(all->sym, (all->n + r.n + 1) * sizeof *all->sym);
        for (size_t i = 0; i < r.n; i++)
            all->sym[all->n++] = r.sym[i];
        free(r.sym);
        /* a PNG of each page beside it, to look at */
        snprintf(cmd, sizeof cmd, "pdftoppm -r 75 -png -f %d -l %d '%s' '%s/look'", p, p, pdf,
                 dir);
        assert_int_equal(run(cmd), 0);
    }
    assert_low_dpi_reads_all(pdf, dir, all);
    return pages;
}

static char *pdf_text(const char *pdf)
{
    char cmd[2048], out[1024];
    snprintf(out, sizeof out, "%s.txt", pdf);
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' '%s'", pdf, out);
    assert_int_equal(run(cmd), 0);
    char *text = ts_read_file(out, NULL);
    assert_non_null(text);
    /* one line: a title wrapped on the page is still the title */
    for (char *c = text; *c; c++)
        if (*c == '\n')
            *c = ' ';
    return text;
}

/* A word on a page as pdftotext -bbox reports it, in points from the top-left. */
typedef struct pdf_word {
    char text[96];
    int page;
    double x0, y0, x1, y1;
} pdf_word;

/* Every word of the PDF with its box (malloc'd array, *n words). */
static pdf_word *pdf_words(const char *pdf, size_t *n)
{
    char cmd[2048], out[1024];
    snprintf(out, sizeof out, "%s.bbox.html", pdf);
    snprintf(cmd, sizeof cmd, "pdftotext -bbox -enc UTF-8 '%s' '%s'", pdf, out);
    assert_int_equal(run(cmd), 0);
    char *html = ts_read_file(out, NULL);
    assert_non_null(html);
    size_t cap = 256;
    pdf_word *w = malloc(cap * sizeof *w);
    *n = 0;
    int page = 0;
    for (const char *p = html; *p; p++) {
        if (strncmp(p, "<page ", 6) == 0) {
            page++;
            continue;
        }
        if (strncmp(p, "<word ", 6) != 0)
            continue;
        pdf_word x = {.page = page};
        if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">", &x.x0,
                   &x.y0, &x.x1, &x.y1) != 4)
            continue;
        const char *t = strchr(p, '>') + 1, *e = strstr(t, "</word>");
        size_t len = (size_t)(e - t) < sizeof x.text - 1 ? (size_t)(e - t) : sizeof x.text - 1;
        memcpy(x.text, t, len);
        x.text[len] = '\0';
        if (*n == cap)
            w = realloc(w, (cap *= 2) * sizeof *w);
        w[(*n)++] = x;
    }
    free(html);
    return w;
}

/* Noto Sans's line box (ascent + descent) is 1.362 em: pdftotext's word height in points
 * over that is the font size the word was set in. */
#define NOTO_BOX_EM 1.362

/* Every word on every page is set in at least `min_pt` points. */
static void assert_words_at_least(const char *pdf, double min_pt)
{
    size_t n = 0;
    pdf_word *w = pdf_words(pdf, &n);
    assert_true(n > 20);
    for (size_t i = 0; i < n; i++) {
        double pt = (w[i].y1 - w[i].y0) / NOTO_BOX_EM;
        if (pt < min_pt - 0.05)
            fail_msg("\"%s\" on page %d is set in %.1f pt, under %.0f pt", w[i].text, w[i].page,
                     pt, min_pt);
    }
    free(w);
}

/* The payloads the activities should carry, in the same way print chooses them. */
static size_t expected_payloads(const activity *acts, size_t n, const char *template,
                                char (*out)[QR_PAYLOAD_MAX])
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        qr_target_kind kind;
        assert_int_equal(qr_target_for(&acts[i], template, out[k], QR_PAYLOAD_MAX, &kind, NULL),
                         VM_OK);
        if (kind == QR_TARGET_NONE)
            continue;
        qr_code *q = NULL;
        if (qr_encode(out[k], &q, NULL) == VM_OK)
            k++;
        qr_free(q);
    }
    return k;
}

/* Every decoded code is one of the expected payloads, each exactly once. */
static void assert_codes_match(qrd_result *got, char (*want)[QR_PAYLOAD_MAX], size_t n_want)
{
    if (got->n != n_want)
        fail_msg("decoded %zu codes, expected %zu", got->n, n_want);
    bool used[64] = {false};
    for (size_t i = 0; i < got->n; i++) {
        bool found = false;
        for (size_t j = 0; j < n_want && !found; j++)
            if (!used[j] && got->sym[i].len == strlen(want[j]) &&
                memcmp(got->sym[i].data, want[j], got->sym[i].len) == 0)
                used[j] = found = true;
        if (!found)
            fail_msg("a code decodes to an unexpected payload: %s", got->sym[i].data);
    }
}

/* Each code stands beside the title of its own activity: the code whose top is level with the
 * title's first word (or with the time line above it), in its column, reads that activity's
 * payload. */
static void assert_codes_beside_their_titles(const char *pdf, const qrd_result *got,
                                             const activity *acts, size_t n,
                                             const char *template)
{
    size_t nw = 0;
    pdf_word *words = pdf_words(pdf, &nw);
    const double px_to_pt = 72.0 / RENDER_DPI;
    for (size_t i = 0; i < n; i++) {
        char payload[QR_PAYLOAD_MAX], first[96];
        qr_target_kind kind;
        assert_int_equal(qr_target_for(&acts[i], template, payload, sizeof payload, &kind, NULL),
                         VM_OK);
        if (kind == QR_TARGET_NONE)
            continue;
        sscanf(acts[i].title, "%95s", first);
        const pdf_word *title = NULL;
        for (size_t k = 0; k < nw && !title; k++)
            if (strcmp(words[k].text, first) == 0)
                title = &words[k];
        if (!title)
            fail_msg("no title \"%s\" on the page", acts[i].title);
        const qrd_symbol *best = NULL;
        double best_d = 1e9;
        for (size_t s = 0; s < got->n; s++) {
            double sx = got->sym[s].x * px_to_pt, sy = got->sym[s].y * px_to_pt;
            /* level with the title, or up to a time line (24 pt) above it */
            double dy = sy - title->y0;
            dy = dy < -24 ? -24 - dy : dy < 0 ? 0 : dy;
            /* right of the title, in its half of the page, level with it */
            bool same_col = sx > title->x0 && sx - title->x0 < 595.28 / 2; /* A4 */
            if (same_col && dy < best_d) {
                best_d = dy;
                best = &got->sym[s];
            }
        }
        if (!best || best_d > 12)
            fail_msg("no code level with \"%s\"", acts[i].title);
        if (best->len != strlen(payload) || memcmp(best->data, payload, best->len) != 0)
            fail_msg("the code beside \"%s\" reads \"%s\"", acts[i].title, best->data);
    }
    free(words);
}

static size_t count_files(const char *dir)
{
    DIR *dd = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; dd && (e = readdir(dd));)
        n += e->d_name[0] != '.';
    if (dd)
        closedir(dd);
    return n;
}

static void test_week_program(void **state)
{
    (void)state;
    activity w[16];
    size_t n = the_week(w);
    activity copy[16];
    memcpy(copy, w, sizeof copy);
    print_options o = options();
    const char *dir = ts_fresh_dir("print-week");
    const char *pdf = ts_path(dir, "uge48.pdf");
    print_report rep;
    vm_err err = {0};
    vm_status st = print_week(w, n, ts_time("2026-11-25 12:00"), &o, pdf, &rep, &err);
    if (st != VM_OK)
        fail_msg("print_week: %s", err.msg);
    assert_memory_equal(w, copy, sizeof copy); /* the input is not touched */
    assert_int_equal(count_files(dir), 1);     /* no temporary file left */

    static char want[16][QR_PAYLOAD_MAX];
    size_t n_want = expected_payloads(w, n, o.url_template, want);
    assert_int_equal(n_want, n - 2); /* all but the cancelled and the residents-only */
    int kinds[4] = {0};
    for (size_t i = 0; i < n_want; i++)
        kinds[strncmp(want[i], "SMSTO:", 6) == 0 ? QR_TARGET_SMS
              : strncmp(want[i], "BEGIN:VEVENT", 12) == 0 ? QR_TARGET_CALENDAR
                                                          : QR_TARGET_URL]++;
    assert_int_equal(kinds[QR_TARGET_URL], 1);
    assert_int_equal(kinds[QR_TARGET_SMS], 2);
    assert_int_equal(kinds[QR_TARGET_CALENDAR], (int)n_want - 3);
    assert_int_equal(rep.codes, (int)n_want);
    assert_int_equal(rep.codes_too_long, 0);

    /* a normal week is one page, a poster: every word at least 16 pt */
    qrd_result got;
    int pages = render_and_decode(pdf, dir, &got);
    assert_int_equal(pages, 1);
    assert_int_equal(pages, rep.pages);
    assert_codes_match(&got, want, n_want);
    assert_codes_beside_their_titles(pdf, &got, w, n, o.url_template);
    qrd_free(&got);
    assert_words_at_least(pdf, 16);

    char *text = pdf_text(pdf);
    const char *must[] = {"Æblegården, afdeling 7", "Uge 48", "23.–29. november 2026",
                          "Mandag 23. november", "Torsdag 26. november", "Søndag 29. november",
                          "Fællesspisning: gule ærter og æblekage", "25 kr., børn 10 kr.",
                          "Aflyst", "Kun for beboere", "Bare kom", "Gratis",
                          /* where to sign up, said plainly */
                          "Tilmeld dig på skærmen i fælleshuset eller med mobilen: scan koden.",
                          "Tilmeld senest tirsdag kl. 12", "Giv en hånd: tilmeld dig",
                          "Der er plads til dig!", "æ", "ø", "å", "Udskrevet 20. november 2026"};
    for (size_t i = 0; i < sizeof must / sizeof must[0]; i++)
        if (!strstr(text, must[i]))
            fail_msg("the program does not say \"%s\"", must[i]);
    /* days in order: Monday's walk before Sunday's singing */
    assert_true(strstr(text, "Gåtur i Præstøparken") < strstr(text, "Fællessang med harmonika"));
    assert_null(strstr(text, "Side 1 af")); /* one page needs no page numbers */
    free(text);

    /* vector only: no embedded bitmaps (the icons' holes and the codes are paths) */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "test $(pdfimages -list '%s' | tail -n +3 | wc -l) -eq 0", pdf);
    assert_int_equal(run(cmd), 0);
    print_message("week program pages: %s/look-*.png\n", dir);
}

/* pdfinfo's page count. */
static int pdf_pages(const char *pdf)
{
    char cmd[1200], out[1100];
    snprintf(out, sizeof out, "%s.info", pdf);
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' > '%s'", pdf, out);
    assert_int_equal(run(cmd), 0);
    char *info = ts_read_file(out, NULL);
    assert_non_null(info);
    const char *p = strstr(info, "Pages:");
    assert_non_null(p);
    int pages = atoi(p + strlen("Pages:"));
    free(info);
    return pages;
}

/* Prints the week `w` of 23 November with `o` into `dir`/uge48.pdf and asserts it is one A4
 * page whose every code is read by zbar and ZXing at 300 and 150 dpi beside its title, whose
 * words are 16 pt or more, and which says each of `must`. Returns the PDF's path. */
static const char *assert_one_good_page(const activity *w, size_t n, const print_options *o,
                                        const char *dir, const char *const *must,
                                        size_t n_must)
{
    const char *pdf = ts_path(dir, "uge48.pdf");
    print_report rep;
    vm_err err = {0};
    if (print_week(w, n, ts_time("2026-11-23 08:00"), o, pdf, &rep, &err) != VM_OK)
        fail_msg("print_week: %s", err.msg);
    if (pdf_pages(pdf) != 1)
        fail_msg("the week takes %d pages", pdf_pages(pdf));
    assert_int_equal(rep.pages, 1);
    static char want[16][QR_PAYLOAD_MAX];
    size_t n_want = expected_payloads(w, n, o->url_template, want);
    assert_int_equal(n_want, n - 1); /* all but the residents' meeting */
    assert_int_equal(rep.codes, (int)n_want);
    qrd_result got;
    assert_int_equal(render_and_decode(pdf, dir, &got), 1);
    assert_codes_match(&got, want, n_want);
    assert_codes_beside_their_titles(pdf, &got, w, n, o->url_template);
    qrd_free(&got);
    assert_words_at_least(pdf, 16);
    char *text = pdf_text(pdf);
    for (size_t i = 0; i < n_must; i++)
        if (!strstr(text, must[i]))
            fail_msg("the program does not say \"%s\"", must[i]);
    free(text);
    return pdf;
}

/* Solbakken's normal week, with calendar and SMS codes (no link template) and with the
 * estate's links: one A4 page each time, every word 16 pt or more, every code read by zbar
 * and ZXing at 300 and at 150 dpi, and where to sign up said in plain words. */
static void test_normal_week_is_one_page(void **state)
{
    (void)state;
    activity w[16];
    size_t n = solbakken_week(w);
    assert_int_equal(n, 12);
    for (int links = 0; links < 2; links++) {
        print_options o = options();
        o.estate_name = "Solbakken";
        o.url_template = links ? TEMPLATE : NULL;
        const char *dir = ts_fresh_dir(links ? "print-normal-links" : "print-normal");
        const char *must[] = {"Solbakken", "Uge 48", "Mandag 23. november",
                              "Søndag 29. november", "Bare kom", "Kun for beboere",
                              /* where and how to sign up */
                              "Tilmeld dig på skærmen i fælleshuset eller med mobilen: scan "
                              "koden.",
                              "Tilmeld senest lørdag kl. 18"};
        assert_one_good_page(w, n, &o, dir, must, sizeof must / sizeof must[0]);
        print_message("normal week: %s/look-1.png\n", dir);
    }
}

/* A normal week whose every title takes three lines (a committee writing more in the title
 * field): it would spill to a second page; set compact, titles of two lines ("…"), it is one
 * A4 page, every word 16 pt or more, and every code read by zbar and ZXing at 300 and 150 dpi,
 * beside its title. */
static void test_long_titles_still_one_page(void **state)
{
    (void)state;
    activity w[16];
    size_t n = solbakken_week(w);
    assert_int_equal(n, 12);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(w[i].title);
        snprintf(w[i].title + len, sizeof w[i].title - len, "%s",
                 ": for alle i afdelingen");
    }
    print_options o = options();
    o.estate_name = "Solbakken";
    const char *dir = ts_fresh_dir("print-long-titles");
    const char *must[] = {"Mandag 23. november", "Søndag 29. november", "Morgengymnastik",
                          "Fællessang og kaffe", "Kun for beboere"};
    assert_one_good_page(w, n, &o, dir, must, sizeof must / sizeof must[0]);
    /* in the compact form the bars are lower than a 16 pt line: the letters still on them */
    char page[1024];
    assert_non_null(page_file(dir, "page", 1, page, sizeof page));
    assert_true(assert_day_words_on_their_bars(page) >= 5);
    print_message("long titles: %s/look-1.png\n", dir);
}

static void test_week_is_reproducible_and_replaces_old_file(void **state)
{
    (void)state;
    activity w[16];
    size_t n = the_week(w);
    print_options o = options();
    const char *dir = ts_fresh_dir("print-again");
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%s", ts_path(dir, "a.pdf"));
    snprintf(b, sizeof b, "%s", ts_path(dir, "b.pdf"));
    ts_write_file(b, "an old program", (size_t)-1);
    assert_int_equal(print_week(w, n, w[0].start, &o, a, NULL, NULL), VM_OK);
    assert_int_equal(print_week(w, n, w[0].start, &o, b, NULL, NULL), VM_OK);
    /* the same week, the same `now`: the same bytes (no clock inside) */
    assert_true(ts_files_equal(a, b));
    assert_int_equal(count_files(dir), 2);
}

static void test_empty_week(void **state)
{
    (void)state;
    print_options o = options();
    o.estate_name = NULL;
    const char *dir = ts_fresh_dir("print-empty");
    const char *pdf = ts_path(dir, "tom.pdf");
    print_report rep;
    assert_int_equal(print_week(NULL, 0, ts_time("2026-12-30 12:00"), &o, pdf, &rep, NULL), VM_OK);
    assert_int_equal(rep.pages, 1);
    assert_int_equal(rep.codes, 0);
    char *text = pdf_text(pdf);
    assert_non_null(strstr(text, "Der er ingen aktiviteter i denne uge."));
    /* a week across the new year */
    assert_non_null(strstr(text, "Uge 53"));
    assert_non_null(strstr(text, "28. december 2026 – 3. januar 2027"));
    free(text);
}

/* A busy month's worth in one week: more pages, each headed with the week and numbered,
 * every code on them read back, every word still 16 pt. */
static void test_busy_week_goes_on_to_more_pages(void **state)
{
    (void)state;
    activity w[16], many[36];
    size_t n = the_week(w), k = 0;
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < n; i++) {
            activity a = w[i];
            char uid[32];
            snprintf(uid, sizeof uid, "%.20s-%d", w[i].uid, round);
            memcpy(a.uid, uid, sizeof uid);
            a.start += round * 3600;
            a.end += round * 3600;
            many[k++] = a;
        }
    print_options o = options();
    const char *dir = ts_fresh_dir("print-busy");
    const char *pdf = ts_path(dir, "travl.pdf");
    print_report rep;
    assert_int_equal(print_week(many, k, many[0].start, &o, pdf, &rep, NULL), VM_OK);
    assert_true(rep.pages >= 2 && rep.pages <= 4);
    static char want[36][QR_PAYLOAD_MAX];
    size_t n_want = expected_payloads(many, k, o.url_template, want);
    qrd_result got;
    assert_int_equal(render_and_decode(pdf, dir, &got), rep.pages);
    assert_codes_match(&got, want, n_want);
    qrd_free(&got);
    assert_words_at_least(pdf, 16);
    char *text = pdf_text(pdf);
    char page[160];
    for (int p = 1; p <= rep.pages; p++) {
        snprintf(page, sizeof page, "Side %d af %d", p, rep.pages);
        if (!strstr(text, page))
            fail_msg("the program does not say \"%s\"", page);
    }
    assert_non_null(strstr(text, "(fortsat)"));
    free(text);
}

/* A week too big for paper: the caller prints the first ones and the last page says how many
 * more there are, so nobody takes the paper for the whole week. */
static void test_week_says_what_was_left_out(void **state)
{
    (void)state;
    activity w[16];
    size_t n = the_week(w);
    print_options o = options();
    o.not_shown = 1234;
    const char *dir = ts_fresh_dir("print-more");
    const char *pdf = ts_path(dir, "uge.pdf");
    assert_int_equal(print_week(w, n, w[0].start, &o, pdf, NULL, NULL), VM_OK);
    char *text = pdf_text(pdf);
    assert_non_null(strstr(text, "Og 1234 aktiviteter mere i denne uge"));
    free(text);
    o.not_shown = 0;
    assert_int_equal(print_week(w, n, w[0].start, &o, pdf, NULL, NULL), VM_OK);
    text = pdf_text(pdf);
    assert_null(strstr(text, "aktiviteter mere"));
    free(text);
}

static void test_poster(void **state)
{
    (void)state;
    activity w[16];
    the_week(w);
    activity a = w[0]; /* fællesspisning: SMS to the host */
    snprintf(a.description, sizeof a.description,
             "Vi laver mad sammen og spiser ved de lange borde. Der er gule ærter med flæsk og "
             "pølser, og til dessert æblekage med flødeskum. Børn spiser for 10 kr.\n\nSig "
             "gerne til, hvis du kan hjælpe med at dække bord eller vaske op bagefter.");
    print_options o = options();
    const char *dir = ts_fresh_dir("print-poster");
    const char *pdf = ts_path(dir, "plakat.pdf");
    print_report rep;
    vm_err err = {0};
    if (print_poster(&a, &o, pdf, &rep, &err) != VM_OK)
        fail_msg("print_poster: %s", err.msg);
    assert_int_equal(rep.pages, 1);
    assert_int_equal(rep.codes, 1);
    char want[1][QR_PAYLOAD_MAX];
    assert_int_equal(expected_payloads(&a, 1, o.url_template, want), 1);
    assert_non_null(strstr(want[0], "SMSTO:+4520304050:Tilmeld Fællesspisning"));
    qrd_result got;
    assert_int_equal(render_and_decode(pdf, dir, &got), 1);
    assert_codes_match(&got, want, 1);
    qrd_free(&got);
    char *text = pdf_text(pdf);
    const char *must[] = {"Fællesspisning", "Torsdag 26. november, kl. 18:00–20:00",
                          "Vært: Søren", "Børnepasning", "Uden trapper", "æblekage",
                          "Scan og tilmeld dig med en sms", "Æblegården, afdeling 7"};
    for (size_t i = 0; i < sizeof must / sizeof must[0]; i++)
        if (!strstr(text, must[i]))
            fail_msg("the poster does not say \"%s\"", must[i]);
    free(text);
    print_message("poster: %s/look-1.png\n", dir);

    /* printed after the deadline: said plainly */
    print_options later = o;
    later.now = ts_time("2026-11-25 09:00");
    const char *pdf3 = ts_path(dir, "sent.pdf");
    assert_int_equal(print_poster(&a, &later, pdf3, NULL, NULL), VM_OK);
    text = pdf_text(pdf3);
    assert_non_null(strstr(text, "Tilmeldingen er lukket"));
    assert_null(strstr(text, "Tilmeld dig senest"));
    free(text);

    /* a calendar poster for the walk */
    const char *pdf2 = ts_path(dir, "gaatur.pdf");
    print_options walk = {.estate_name = "Æblegården", .now = o.now};
    assert_int_equal(print_poster(&w[1], &walk, pdf2, &rep, NULL), VM_OK);
    const char *dir2 = ts_fresh_dir("print-poster-walk");
    qr_target_kind kind;
    assert_int_equal(qr_target_for(&w[1], NULL, want[0], QR_PAYLOAD_MAX, &kind, NULL), VM_OK);
    assert_int_equal(kind, QR_TARGET_CALENDAR);
    assert_int_equal(render_and_decode(pdf2, dir2, &got), 1);
    assert_codes_match(&got, want, 1);
    qrd_free(&got);
}

static void test_posters_without_code(void **state)
{
    (void)state;
    activity w[16];
    the_week(w);
    print_options o = options();
    const activity *none[] = {&w[5], &w[7]}; /* residents only; cancelled */
    const char *say[] = {"Kun for beboere", "Aflyst"};
    for (int i = 0; i < 2; i++) {
        const char *dir = ts_fresh_dir(i ? "print-poster-cancelled" : "print-poster-residents");
        const char *pdf = ts_path(dir, "plakat.pdf");
        print_report rep;
        assert_int_equal(print_poster(none[i], &o, pdf, &rep, NULL), VM_OK);
        assert_int_equal(rep.codes, 0);
        qrd_result got;
        assert_int_equal(render_and_decode(pdf, dir, &got), 1);
        assert_int_equal(got.n, 0);
        qrd_free(&got);
        char *text = pdf_text(pdf);
        assert_non_null(strstr(text, say[i]));
        free(text);
    }
}

static void test_too_long_payload_prints_without_code(void **state)
{
    (void)state;
    activity w[16];
    the_week(w);
    activity a = w[2];
    /* a sign-up link far too long for a scannable code */
    memset(a.signup_url, 'x', 480);
    memcpy(a.signup_url, "https://", 8);
    a.signup_url[480] = '\0';
    print_options o = options();
    o.url_template = TEMPLATE; /* the walk gets a link from the template */
    const char *dir = ts_fresh_dir("print-long");
    const char *pdf = ts_path(dir, "uge.pdf");
    print_report rep;
    activity two[2] = {a, w[1]};
    assert_int_equal(print_week(two, 2, a.start, &o, pdf, &rep, NULL), VM_OK);
    assert_int_equal(rep.codes, 1);
    assert_int_equal(rep.codes_too_long, 1);
    qrd_result got;
    render_and_decode(pdf, dir, &got);
    assert_int_equal(got.n, 1);
    assert_string_equal(got.sym[0].data, "https://beboerne.dk/tilmeld/gaa-1");
    qrd_free(&got);
}

static void test_bad_input(void **state)
{
    (void)state;
    activity w[16];
    size_t n = the_week(w);
    print_options o = options();
    o.url_template = TEMPLATE;
    const char *dir = ts_fresh_dir("print-bad");
    vm_err err = {0};

    char bad[1024];
    snprintf(bad, sizeof bad, "%s/no-such-folder/uge.pdf", dir);
    assert_int_equal(print_week(w, n, w[0].start, &o, bad, NULL, &err), VM_ERR_IO);
    assert_non_null(strstr(err.msg, bad));
    assert_int_equal(print_poster(&w[0], &o, bad, NULL, &err), VM_ERR_IO);

    /* a template without {uid}: refused, nothing written */
    o.url_template = "https://beboerne.dk/tilmeld";
    const char *pdf = ts_path(dir, "uge.pdf");
    assert_int_equal(print_week(w, n, w[0].start, &o, pdf, NULL, &err), VM_ERR_INVALID);
    assert_non_null(strstr(err.msg, "{uid}"));
    assert_int_equal(count_files(dir), 0);

    /* no fonts: said plainly, nothing written */
    o.url_template = NULL;
    o.font_dir = dir;
    assert_int_equal(print_poster(&w[0], &o, pdf, NULL, &err), VM_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "NotoSans-Regular.ttf"));
    assert_int_equal(count_files(dir), 0);
}

/* A text is laid out once per document: measured (height, width), measured again and drawn
 * in another colour, it is the same layout; another width, weight or markup is another. A
 * week's program measures each block in two forms and draws it in a third pass: Pango laid
 * out every text five or six times. Past PR_LAYOUTS_MAX texts the document starts again. */
static void test_each_text_is_laid_out_once(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("print-layouts");
    pr_doc d;
    vm_err err = {0};
    assert_int_equal(pr_doc_open(&d, ts_path(dir, "t.pdf"), NULL, "t", ts_time("2026-11-20 09:00"),
                                 &err),
                     VM_OK);
    const char *text = "Fællesspisning: gule ærter og æblekage i fælleshuset";
    pr_font f = PR_BODY;
    double h = pr_text_height(&d, text, &f, 200);
    assert_true(h > 0);
    assert_int_equal(d.layouts_made, 1);
    assert_true(pr_text_height(&d, text, &f, 200) == h);
    pr_font grey = f;
    grey.rgb[0] = grey.rgb[1] = grey.rgb[2] = 0.5;
    assert_true(pr_text(&d, text, &grey, 20, 20, 200) == h);
    assert_int_equal(d.layouts_made, 1);

    double narrow = pr_text_height(&d, text, &f, 120); /* another width: more lines */
    assert_true(narrow > h);
    assert_int_equal(d.layouts_made, 2);
    pr_font bold = f;
    bold.bold = true;
    pr_text_height(&d, text, &bold, 200);
    assert_int_equal(d.layouts_made, 3);
    double w = pr_text_width(&d, text, &f); /* one unwrapped line */
    assert_true(w > 200);
    assert_true(pr_text_width(&d, text, &f) == w);
    assert_int_equal(d.layouts_made, 4);
    double mh = pr_markup_height(&d, "<b>Der er plads til dig!</b> Tilmeld dig", &f, 200);
    assert_true(pr_markup(&d, "<b>Der er plads til dig!</b> Tilmeld dig", &f, 20, 80, 200) == mh);
    assert_int_equal(d.layouts_made, 5);
    /* the same words as plain text are not the markup's layout */
    pr_text_height(&d, "<b>Der er plads til dig!</b> Tilmeld dig", &f, 200);
    assert_int_equal(d.layouts_made, 6);

    /* a document of more texts than it keeps starts again, and still measures right */
    char many[32];
    for (int i = 0; i < PR_LAYOUTS_MAX; i++) {
        snprintf(many, sizeof many, "%d", i);
        pr_text_height(&d, many, &f, 0);
    }
    assert_int_equal(d.layouts_made, 6 + PR_LAYOUTS_MAX);
    assert_true(pr_text_height(&d, text, &f, 200) == h);
    assert_int_equal(d.layouts_made, 7 + PR_LAYOUTS_MAX);
    pr_doc_page_done(&d);
    assert_int_equal(pr_doc_close(&d, true, &err), VM_OK);
}

/* How many times `needle` occurs in the `len` bytes at `hay`. */
static int count_bytes(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    int count = 0;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0)
            count++;
    return count;
}

/* The square of `a` as it was drawn before it was a form: straight onto the page. */
static void square_directly(cairo_t *cr, const activity *a, double x, double y, double size)
{
    double rgb[3];
    pr_category_rgb(a->category, rgb);
    if (a->cancelled)
        rgb[0] = rgb[1] = rgb[2] = 0.45;
    cairo_save(cr);
    cairo_new_path(cr);
    pr_round_rect(cr, x, y, size, size, size * 0.16);
    pr_rgb(cr, rgb);
    cairo_fill(cr);
    double pad = size * 0.14;
    icons_draw_on(cr, icon_for_category(a->category), x + pad, y + pad, size - 2 * pad, 1, 1, 1,
                  rgb[0], rgb[1], rgb[2]);
    cairo_restore(cr);
}

/* Each pictogram is drawn once per document, as a form, and each use is one "Do": a week's
 * program has ~60 category squares of a dozen kinds, each ~100 numbers that cairo printed
 * again for every use. Every category's square, at places off the point grid, looks like the
 * square drawn directly beside it (rendered at 150 dpi: only anti-aliasing may differ), and
 * no form is an image: a clip inside a form makes cairo 1.16 rasterise the whole form when a
 * stroke crosses its edge (the kids' pictogram at 14.4 pt did). */
static void test_each_category_square_is_one_form(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("print-forms");
    const char *pdf = ts_path(dir, "forms.pdf");
    pr_doc d;
    vm_err err = {0};
    assert_int_equal(pr_doc_open(&d, pdf, NULL, "t", ts_time("2026-11-20 09:00"), &err), VM_OK);
    enum { SQ = 20, STEP = 40 };
    const double beside = 43.2; /* 90 px at 150 dpi: the same place in the pixel grid */
    int uses = 0;
    for (int c = 0; c <= CAT_COUNT; c++) {
        activity a;
        memset(&a, 0, sizeof a);
        a.category = c < CAT_COUNT ? (category)c : CAT_FOOD;
        a.cancelled = c == CAT_COUNT; /* grey: a form of its own */
        double x = 30.37, y = 40.61 + c * STEP;
        pr_category_square(&d, &a, x, y, SQ);
        square_directly(d.cr, &a, x + beside, y, SQ);
        pr_category_square(&d, &a, x + 2 * beside + 0.29, y + 0.13, SQ); /* the same form */
        uses += 2;
    }
    assert_int_equal(d.forms_made, CAT_COUNT + 1);
    activity big;
    memset(&big, 0, sizeof big);
    big.category = CAT_FOOD;
    pr_category_square(&d, &big, 300.3, 40.7, 2 * SQ); /* another size: another form */
    uses++;
    assert_int_equal(d.forms_made, CAT_COUNT + 2);
    pr_doc_page_done(&d);
    assert_int_equal(pr_doc_close(&d, true, &err), VM_OK);

    size_t len = 0;
    char *bytes = ts_read_file(pdf, &len);
    assert_non_null(bytes);
    assert_int_equal(count_bytes(bytes, len, "/Subtype /Form"), CAT_COUNT + 2);
    assert_int_equal(count_bytes(bytes, len, "/Subtype /Image"), 0); /* still vector */
    char *content = qrd_pdf_streams(bytes, len);
    assert_non_null(content);
    assert_int_equal(count_bytes(content, strlen(content), " Do\n"), uses);
    free(content);
    free(bytes);

    /* the forms look like the squares drawn directly beside them */
    char cmd[2048], page[1024];
    snprintf(cmd, sizeof cmd, "pdftoppm -r 150 -gray '%s' '%s/look'", pdf, dir);
    assert_int_equal(run(cmd), 0);
    assert_non_null(page_file(dir, "look", 1, page, sizeof page));
    unsigned char *px = NULL;
    int w = 0, h = 0;
    assert_true(read_pgm(page, &px, &w, &h));
    const double k = 150 / 72.0;
    for (int c = 0; c <= CAT_COUNT; c++) {
        int x0 = (int)(30.37 * k), y0 = (int)((40.61 + c * STEP) * k);
        int shift = 90, off = 0, worst = 0;
        for (int y = y0 - 2; y < y0 + SQ * k + 2; y++)
            for (int x = x0 - 2; x < x0 + SQ * k + 2; x++) {
                int dv = abs((int)px[(size_t)y * w + x] - (int)px[(size_t)y * w + x + shift]);
                worst = dv > worst ? dv : worst;
                off += dv > 48;
            }
        if (worst > 48) /* more than anti-aliasing */
            fail_msg("category %d: the form differs from the square drawn directly (by %d/255 "
                     "in %d pixels)", c, worst, off);
    }
    free(px);
    print_message("square forms: %s\n", page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_week_program),
        cmocka_unit_test(test_normal_week_is_one_page),
        cmocka_unit_test(test_long_titles_still_one_page),
        cmocka_unit_test(test_week_is_reproducible_and_replaces_old_file),
        cmocka_unit_test(test_empty_week),
        cmocka_unit_test(test_week_says_what_was_left_out),
        cmocka_unit_test(test_busy_week_goes_on_to_more_pages),
        cmocka_unit_test(test_poster),
        cmocka_unit_test(test_posters_without_code),
        cmocka_unit_test(test_too_long_payload_prints_without_code),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_each_text_is_laid_out_once),
        cmocka_unit_test(test_each_category_square_is_one_form),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
