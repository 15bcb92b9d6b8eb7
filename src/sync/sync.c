/* sync_run: one visit of a staff stick, from the key check to the log (see sync.h). */
#include "sync/sync.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <errno.h>
#include <nettle/sha2.h>
#include <sodium.h>
#include <sys/stat.h>

#include "core/dktime.h"
#include "seal/seal.h"
#include "sync/sync_buf.h"
#include "sync/sync_contacts.h"
#include "sync/sync_photo.h"
#include "sync/sync_export.h"
#include "sync/sync_share.h"
#include "sync/sync_program.h"
#include "sync/sync_stick.h"
#include "sync/sync_tr.h"

#define LOG_MAX_READ (1u << 20)
#define LOG_KEEP (192u << 10)

const char *sync_phase_text(const i18n_catalog *cat, sync_phase phase)
{
    switch (phase) {
    case SYNC_PHASE_CHECK:
        return SYNC_T(cat, "Checking the USB stick");
    case SYNC_PHASE_READ:
        return SYNC_T(cat, "Reading the program");
    case SYNC_PHASE_IMPORT:
        return SYNC_T(cat, "Saving the program");
    case SYNC_PHASE_EXPORT:
        return SYNC_T(cat, "Saving sign-ups on the USB stick");
    case SYNC_PHASE_DONE:
        return SYNC_T(cat, "Sync done");
    }
    return "";
}

typedef struct run {
    store *s;
    const sync_options *opt;
    const i18n_catalog *cat;
    sync_result *res;
    int64_t now;      /* the effective now: never behind the clock floor */
    int64_t real_now; /* what the caller's clock said */
    int sfd, vfd, kfd;
    sync_buf log;     /* this sync's lines */
    double shown;     /* progress last reported */
} run;

static void progress(run *r, sync_phase phase, double fraction)
{
    if (fraction < r->shown)
        fraction = r->shown;
    if (fraction > 1)
        fraction = 1;
    r->shown = fraction;
    if (r->opt && r->opt->progress)
        r->opt->progress(r->opt->progress_user, phase, fraction);
}

static void log_line(run *r, const char *text)
{
    sync_buf_adds(&r->log, text);
    sync_buf_adds(&r->log, "\r\n");
}

/* Notes from a reader are "\n"-separated; the log on the stick uses CRLF for Notepad. */
static void log_lines(run *r, const char *notes)
{
    while (notes && *notes) {
        size_t n = strcspn(notes, "\n");
        if (n) {
            sync_buf_add(&r->log, "  ", 2);
            sync_buf_add(&r->log, notes, n);
            sync_buf_adds(&r->log, "\r\n");
        }
        notes += n;
        if (*notes)
            notes++;
    }
}

/* A folder name from the kiosk id: ASCII letters, digits, '-' and '_' only. */
void sync_kiosk_folder(const char *id, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = id; *p && o + 1 < size; p++) {
        unsigned char ch = (unsigned char)*p;
        bool ok = (isalnum(ch) && ch < 0x80) || ch == '-' || ch == '_';
        out[o] = ok ? (char)ch : '-';
        o++;
    }
    out[o] = '\0';
    if (!o || strspn(out, "-.") == o)
        snprintf(out, size, "kiosk");
}

/* The technical words of a failure (the store's, a library's) go to the journal only
 * (result.detail); the staff get plain words (sync_store_words). */
static void keep_detail(run *r, const vm_err *e)
{
    if (e && e->msg[0] && !r->res->detail[0])
        snprintf(r->res->detail, sizeof r->res->detail, "%s", e->msg);
}

static vm_status kiosk_id(run *r, vm_err *err)
{
    vm_err e;
    char id[KIOSK_ID_MAX];
    vm_status st = store_fact_get(r->s, "kiosk_id", id, sizeof id, &e);
    if (st == VM_OK && id[0]) {
        snprintf(r->res->kiosk_id, sizeof r->res->kiosk_id, "%s", id);
        return VM_OK;
    }
    if (st != VM_OK && st != VM_ERR_NOT_FOUND) {
        keep_detail(r, &e);
        return sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                        sync_store_words(r->cat, st));
    }
    if (r->opt && r->opt->random16) {
        const uint8_t *b = r->opt->random16;
        snprintf(id, sizeof id, "kiosk-%02x%02x%02x%02x", b[0], b[1], b[2], b[3]);
    } else {
        snprintf(id, sizeof id, "kiosk");
    }
    st = store_fact_set(r->s, "kiosk_id", id, &e);
    if (st != VM_OK) {
        keep_detail(r, &e);
        return sync_err(err, st, r->cat, "the kiosk's database cannot be written: %s",
                        sync_store_words(r->cat, st));
    }
    snprintf(r->res->kiosk_id, sizeof r->res->kiosk_id, "%s", id);
    return VM_OK;
}

/* ---- reading the program */

/* The calendar reader is the app's (sync_options.read_ics): it lives in a module. */
static const struct {
    const char *name;
    sync_reader_fn read;
    size_t max;
} sources[] = {
    {"vaermed.db", sync_read_bundle, SYNC_MAX_BUNDLE_BYTES},
    {"program.csv", sync_read_csv, SYNC_MAX_FILE_BYTES},
    {"program.ics", NULL, SYNC_MAX_FILE_BYTES},
};

/* While a file is read: the progress bar moves and the app can ping its watchdog. */
static void read_alive(void *user, double done)
{
    run *r = user;
    progress(r, SYNC_PHASE_READ, 0.05 + 0.2 * done);
}

/* Picks the program file (logging the others as not used); -1 when there is none. */
static int choose_source(run *r)
{
    int chosen = -1;
    for (int i = 0; i < (int)(sizeof sources / sizeof sources[0]); i++) {
        if (!sync_fs_exists(r->vfd, sources[i].name))
            continue;
        if (chosen < 0) {
            chosen = i;
            continue;
        }
        char line[300];
        snprintf(line, sizeof line,
                 SYNC_T(r->cat, "%s was not used, because %s is there (it comes first)"),
                 sources[i].name, sources[chosen].name);
        log_line(r, line);
    }
    if (chosen >= 0)
        snprintf(r->res->source, sizeof r->res->source, "%s", sources[chosen].name);
    return chosen;
}

/* Reads the chosen file with r->now; nothing logged (it may be read twice, see sync_run). */
static vm_status read_source(run *r, int chosen, sync_program *prog, vm_err *err)
{
    memset(prog, 0, sizeof *prog);
    const char *name = sources[chosen].name;
    char *data = NULL;
    size_t len = 0;
    vm_err e;
    vm_status st = sync_fs_read(r->vfd, name, sources[chosen].max, &data, &len, NULL, r->cat,
                                &e);
    if (st != VM_OK)
        return sync_err(err, st == VM_ERR_IO ? VM_ERR_IO : VM_ERR_REFUSED, r->cat, "%s", e.msg);
    sync_read_opts ro = {r->cat, r->now, r->opt ? r->opt->ics_weeks : 0,
                         r->opt ? r->opt->clock_ms : NULL, 0, read_alive, r};
    sync_reader_fn read = sources[chosen].read ? sources[chosen].read
                                               : r->opt ? r->opt->read_ics : NULL;
    if (read)
        st = read(data, len, &ro, prog, &e);
    else
        st = sync_err(&e, VM_ERR_REFUSED, r->cat, "this kiosk does not read calendar files");
    free(data);
    if (st != VM_OK && prog->cut_off) {
        /* Where it stops goes to the log; the staff are told what most likely happened. */
        char line[VM_ERR_MSG_MAX + 100];
        snprintf(line, sizeof line, "%s: %s", name, e.msg);
        if (!r->res->program_cut_off) /* read twice when the stick's time moved "now" */
            log_line(r, line);
        r->res->program_cut_off = true;
        return sync_err(err, st, r->cat,
                        "The file %s seems to be cut off – was the USB stick pulled out too "
                        "early? Nothing was changed.",
                        name);
    }
    if (st != VM_OK)
        return sync_err(err, st, r->cat, "%s: %s", name, e.msg);
    return VM_OK;
}

static void log_program(run *r, const sync_program *prog)
{
    char line[200];
    snprintf(line, sizeof line, SYNC_T(r->cat, "Program: %s with %d activities"),
             r->res->source, (int)prog->n);
    log_line(r, line);
    log_lines(r, prog->notes);
}

/* ---- who residents can ask (kontakter.csv) */

/* The store refused a list read from the stick: its own words are kept for the log's detail;
 * the staff read plain ones in `e`. */
static void store_refused(run *r, vm_status st, vm_err *e)
{
    keep_detail(r, e);
    vm_err t;
    sync_err(&t, st, r->cat, "%s", sync_store_words(r->cat, st));
    *e = t;
}

/* Says in the log how a list from the stick (contacts, ideas) went: `refused` ("%s was not
 * read: %s. ...", the file and the reason), kept in `note` for the summary, or `done`
 * ("%s: %d ...", the file and how many). A file refused as `cut_off` is said as the program
 * is (read_program): where it stops goes to the log, and the staff are told what most
 * likely happened. */
static void log_list_outcome(run *r, vm_status st, const vm_err *e, bool cut_off,
                             const char *file, int n, char *note, size_t note_size,
                             const char *refused, const char *done)
{
    char line[VM_ERR_MSG_MAX + 200];
    if (st != VM_OK && cut_off) {
        snprintf(line, sizeof line, "%s: %s", file, e->msg);
        log_line(r, line);
        snprintf(note, note_size,
                 SYNC_T(r->cat, "The file %s seems to be cut off – was the USB stick pulled out "
                                "too early? Nothing was changed."),
                 file);
        log_line(r, note);
        return;
    }
    if (st != VM_OK) {
        snprintf(note, note_size, refused, file, e->msg);
        log_line(r, note);
        return;
    }
    snprintf(line, sizeof line, done, file, n);
    log_line(r, line);
}

/* Reads vaermed/kontakter.csv when the stick has one and makes the kiosk's contacts exactly
 * what it says; a file that cannot be read leaves them as they were, said in the log and
 * the summary. Independent of the program: either may be refused without the other. */
static void import_contacts(run *r)
{
    sync_result *res = r->res;
    res->contacts = -1;
    if (!sync_fs_exists(r->vfd, SYNC_CONTACTS_FILE))
        return;
    char *data = NULL, *notes = NULL;
    size_t len = 0, n = 0;
    contact *list = NULL;
    bool changed = false, cut_off = false;
    vm_err e;
    err_clear(&e);
    sync_photo_ref refs[CONTACTS_MAX];
    store_photo photos[CONTACTS_MAX];
    memset(photos, 0, sizeof photos);
    vm_status st = sync_fs_read(r->vfd, SYNC_CONTACTS_FILE, SYNC_CONTACTS_MAX_BYTES, &data, &len,
                                NULL, r->cat, &e);
    if (st == VM_OK)
        st = sync_read_contacts_photos(data, len, r->cat, &list, &n, refs, &notes, &cut_off,
                                       &e);
    /* the photos it names, beside it; one that cannot be used refuses the file, as a bad
     * cell does */
    for (size_t i = 0; st == VM_OK && i < n; i++) {
        if (!refs[i].file[0])
            continue;
        char *raw = NULL;
        size_t raw_len = 0;
        vm_err pe;
        vm_status ps = sync_fs_name_ok(refs[i].file)
                           ? sync_fs_read(r->vfd, refs[i].file, SYNC_PHOTO_MAX_BYTES, &raw,
                                          &raw_len, NULL, r->cat, &pe)
                           : sync_err(&pe, VM_ERR_INVALID, r->cat,
                                      "write only the file's name, not a folder");
        if (ps == VM_ERR_NOT_FOUND)
            sync_err(&pe, ps, r->cat, "there is no file of that name in the vaermed folder");
        if (ps == VM_OK)
            ps = sync_photo_decode(raw, raw_len, &photos[i], r->cat, &pe);
        free(raw);
        if (ps != VM_OK) {
            st = sync_err(&e, VM_ERR_INVALID, r->cat, "%s: \"%s\": %s", refs[i].where,
                          refs[i].file, pe.msg);
        }
    }
    if (st == VM_OK) {
        log_lines(r, notes);
        st = store_contacts_replace_photos(r->s, list, photos, n, &changed, &e);
        if (st != VM_OK)
            store_refused(r, st, &e);
    }
    if (st == VM_OK) {
        res->contacts = (int)n;
        res->contacts_changed = changed;
    }
    log_list_outcome(
        r, st, &e, cut_off, SYNC_CONTACTS_FILE, (int)n, res->contacts_note, sizeof res->contacts_note,
        SYNC_T(r->cat, "%s was not read: %s. The contacts on the kiosk are unchanged."),
        changed ? i18n_plural(r->cat, "%s: %d contact, now shown on \"Who can I ask?\"",
                              "%s: %d contacts, now shown on \"Who can I ask?\"", (int)n)
                : i18n_plural(r->cat, "%s: %d contact, unchanged", "%s: %d contacts, unchanged",
                              (int)n));
    free(data);
    free(notes);
    free(list);
    store_photos_free(photos);
}

/* "Hvad savner du?": vaermed/ideer.csv, the same way as the contacts. */
static void import_ideas(run *r)
{
    sync_result *res = r->res;
    res->ideas = -1;
    if (!sync_fs_exists(r->vfd, SYNC_IDEAS_FILE))
        return;
    char *data = NULL, *notes = NULL;
    size_t len = 0, n = 0;
    idea *list = NULL;
    bool changed = false, cut_off = false;
    vm_err e;
    err_clear(&e);
    vm_status st = sync_fs_read(r->vfd, SYNC_IDEAS_FILE, SYNC_CONTACTS_MAX_BYTES, &data, &len,
                                NULL, r->cat, &e);
    if (st == VM_OK)
        st = sync_read_ideas(data, len, r->cat, &list, &n, &notes, &cut_off, &e);
    if (st == VM_OK) {
        log_lines(r, notes);
        st = store_ideas_replace(r->s, list, n, &changed, &e);
        if (st != VM_OK)
            store_refused(r, st, &e);
    }
    if (st == VM_OK) {
        res->ideas = (int)n;
        res->ideas_changed = changed;
    }
    log_list_outcome(
        r, st, &e, cut_off, SYNC_IDEAS_FILE, (int)n, res->ideas_note, sizeof res->ideas_note,
        SYNC_T(r->cat, "%s was not read: %s. The ideas on the kiosk are unchanged."),
        changed ? i18n_plural(r->cat, "%s: %d idea, now shown on \"What do you miss?\"",
                              "%s: %d ideas, now shown on \"What do you miss?\"", (int)n)
                : i18n_plural(r->cat, "%s: %d idea, unchanged", "%s: %d ideas, unchanged",
                              (int)n));
    free(data);
    free(notes);
    free(list);
}

/* ---- the stick's clock */

/* Whether the stick's time `t` (from file `source`) may raise the clock floor (sync.h);
 * when not, `note` says why. The program is the one just read from the stick, NULL when it
 * could not be read. */
static bool clock_plausible(run *r, int64_t t, const char *source, const sync_program *prog,
                            char *note, size_t size)
{
    char when[17];
    dktime_format_local(t, when);
    int64_t build = r->opt ? r->opt->build_time : 0;
    if (build > 0 && t > build + (int64_t)SYNC_CLOCK_MAX_YEARS * 36525 * 864) {
        snprintf(note, size,
                 SYNC_T(r->cat, "The USB stick's clock (%s says %s) was not used: that is more "
                                "than %d years after this Vær med was made. The kiosk's clock "
                                "is unchanged."),
                 source, when, SYNC_CLOCK_MAX_YEARS);
        return false;
    }
    int64_t newest = 0;
    if (prog && prog->n) {
        for (size_t i = 0; i < prog->n; i++)
            if (prog->acts[i].end > newest)
                newest = prog->acts[i].end;
    } else if (store_activity_last_end(r->s, &newest, NULL) != VM_OK) {
        newest = 0;
    }
    if (newest > 0 && t > newest + (int64_t)SYNC_CLOCK_MARGIN_DAYS * 86400) {
        snprintf(note, size,
                 SYNC_T(r->cat, "The USB stick's clock (%s says %s) was not used: that is more "
                                "than %d days after the last activity in the program. The "
                                "kiosk's clock is unchanged."),
                 source, when, SYNC_CLOCK_MARGIN_DAYS);
        return false;
    }
    return true;
}

/* A program that gives nothing to come would cancel every activity on the kiosk. */
static bool program_empty(const run *r, const sync_program *prog)
{
    for (size_t i = 0; i < prog->n; i++)
        if (prog->acts[i].end >= r->now)
            return false;
    return true;
}

/* ---- export */

static vm_status write_file(run *r, const char *name, sync_buf *b, vm_err *err)
{
    if (!sync_buf_ok(b))
        return sync_err(err, VM_ERR_NOMEM, r->cat, "out of memory");
    return sync_fs_write_atomic(r->kfd, name, b->data ? b->data : "", b->len,
                                r->opt ? r->opt->io : NULL, r->cat, err);
}

/* The staff's public keys the names are sealed to: the store's and the config's. */
static vm_status staff_keys(run *r, seal_public *out, size_t *n, vm_err *err)
{
    *n = 0;
    store_staff_key *list = NULL;
    size_t count = 0;
    vm_err e;
    vm_status st = store_staff_keys_list(r->s, &list, &count, &e);
    if (st != VM_OK) {
        keep_detail(r, &e);
        return sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                        sync_store_words(r->cat, st));
    }
    size_t n_cfg = r->opt ? r->opt->n_config_staff_keys : 0;
    for (size_t i = 0; i < count + n_cfg && *n < SEAL_MAX_RECIPIENTS; i++) {
        const char *text = i < count ? list[i].public_key : r->opt->config_staff_keys[i - count];
        seal_public pk;
        if (!seal_public_from_text(text, &pk))
            continue;
        bool dup = false;
        for (size_t k = 0; k < *n && !dup; k++)
            dup = memcmp(out[k].bytes, pk.bytes, SEAL_KEY_BYTES) == 0;
        if (!dup)
            out[(*n)++] = pk;
    }
    free(list);
    return VM_OK;
}

static vm_status write_sealed(run *r, const char *name, const seal_public *to, size_t n,
                              const void *data, size_t len, vm_err *err)
{
    uint8_t *sealed = NULL;
    size_t sealed_len = 0;
    vm_err e;
    vm_status st = seal_encrypt(to, n, data, len, &sealed, &sealed_len, &e);
    if (st != VM_OK)
        return sync_err(err, st, r->cat, "could not seal %s: %s", name, e.msg);
    st = sync_fs_write_atomic(r->kfd, name, sealed, sealed_len, r->opt ? r->opt->io : NULL,
                              r->cat, err);
    free(sealed);
    return st;
}

/* Clears and frees what held names. */
static void wipe_buf(sync_buf *b)
{
    if (b->data)
        sodium_memzero(b->data, b->len);
    sync_buf_free(b);
}

/* Seals and writes an export the store made into `b` (`st`, `e`: how making it went; the
 * store's own words are kept for the log's detail). */
static vm_status write_sealed_export(run *r, vm_status st, const vm_err *e, const sync_buf *b,
                                     const char *name, const seal_public *to, size_t n,
                                     vm_err *err)
{
    if (st != VM_OK) {
        keep_detail(r, e);
        return sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                        sync_store_words(r->cat, st));
    }
    if (!sync_buf_ok(b))
        return sync_err(err, VM_ERR_NOMEM, r->cat, "out of memory");
    return write_sealed(r, name, to, n, b->data ? b->data : "", b->len, err);
}

/* The sign-ups, sealed: tilmeldinger.csv.vaermed. */
static vm_status export_signups(run *r, const sync_export_program *p, const seal_public *to,
                                size_t n, vm_err *err)
{
    sync_buf b = SYNC_BUF_INIT;
    vm_err e;
    vm_status st = sync_export_signups_of(r->s, p, &b, &r->res->signups_exported,
                                          r->res->kiosk_id, r->opt ? r->opt->kiosk_name : NULL,
                                          r->cat, &e);
    st = write_sealed_export(r, st, &e, &b, SYNC_SIGNUPS_CSV SEAL_SUFFIX, to, n, err);
    wipe_buf(&b);
    return st;
}

/* "Sig til, når der sker noget", sealed like the sign-ups: sig-til.csv.vaermed. */
static vm_status export_interests(run *r, const seal_public *to, size_t n, vm_err *err)
{
    sync_buf b = SYNC_BUF_INIT;
    vm_err e;
    vm_status st = sync_export_interests(r->s, &b, &r->res->interests_exported, r->cat, &e);
    st = write_sealed_export(r, st, &e, &b, SYNC_INTERESTS_CSV SEAL_SUFFIX, to, n, err);
    wipe_buf(&b);
    return st;
}

/* "Hvad savner du?": the residents' own words, sealed (free text may hold a name). */
static vm_status export_wishes(run *r, const seal_public *to, size_t n, vm_err *err)
{
    sync_buf b = SYNC_BUF_INIT;
    vm_err e;
    vm_status st = sync_export_wishes(r->s, &b, r->cat, &e);
    st = write_sealed_export(r, st, &e, &b, SYNC_WISHES_CSV SEAL_SUFFIX, to, n, err);
    wipe_buf(&b);
    return st;
}

/* Reads a whole file of the kiosk's own (the snapshot just made). */
static bool read_local(const char *path, char **out, size_t *len, int *e_no)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat stt;
    if (fd < 0 || fstat(fd, &stt) != 0) {
        *e_no = errno;
        if (fd >= 0)
            close(fd);
        return false;
    }
    size_t size = (size_t)stt.st_size;
    char *buf = malloc(size ? size : 1);
    if (!buf) {
        *e_no = ENOMEM;
        close(fd);
        return false;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *e_no = n < 0 ? errno : EIO;
            free(buf);
            close(fd);
            return false;
        }
        got += (size_t)n;
    }
    close(fd);
    *out = buf;
    *len = got;
    return true;
}

/* The snapshot, sealed: made on the kiosk's own disk beside its database (never in the
 * clear on the stick), read, removed, sealed. */
static vm_status export_snapshot(run *r, const seal_public *to, size_t n, vm_err *err)
{
    char name[KIOSK_ID_MAX + 32], local[4200];
    char folder[KIOSK_ID_MAX];
    sync_kiosk_folder(r->res->kiosk_id, folder, sizeof folder);
    snprintf(name, sizeof name, "vaermed-%s.db" SEAL_SUFFIX, folder);
    snprintf(local, sizeof local, "%s.export", store_path(r->s));
    unlink(local);
    vm_err e;
    vm_status st = store_snapshot(r->s, local, &e);
    if (st != VM_OK) {
        unlink(local);
        keep_detail(r, &e);
        /* The snapshot is made on the kiosk's own disk, so this is the kiosk's storage. */
        return sync_err(err, st == VM_ERR_NOT_FOUND ? VM_ERR_IO : st, r->cat,
                        "could not write %s: %s", name, sync_store_words(r->cat, st));
    }
    char *data = NULL;
    size_t len = 0;
    int e_no = 0;
    bool read_ok = read_local(local, &data, &len, &e_no);
    unlink(local);
    if (!read_ok) {
        snprintf(r->res->detail, sizeof r->res->detail, "reading %.200s: %s", local,
                 strerror(e_no));
        return sync_err(err, e_no == ENOMEM ? VM_ERR_NOMEM : VM_ERR_IO, r->cat,
                        "could not write %s: %s", name,
                        sync_store_words(r->cat, e_no == ENOMEM ? VM_ERR_NOMEM : VM_ERR_IO));
    }
    st = write_sealed(r, name, to, n, data, len, err);
    sodium_memzero(data, len);
    free(data);
    return st;
}

/* What an older version left on the stick in the clear (names!) goes. */
/* The estate's other kiosks' public keys, from the config only: a key a stick brings is
 * never trusted with a verifier (docs/security.md). */
static size_t peer_keys(const run *r, seal_public *out)
{
    size_t n = 0;
    for (size_t i = 0; r->opt && i < r->opt->n_config_peer_keys && n < SEAL_MAX_RECIPIENTS;
         i++) {
        seal_public pk;
        if (seal_public_from_text(r->opt->config_peer_keys[i], &pk))
            out[n++] = pk;
    }
    return n;
}

/* koder.vaermed: this kiosk's cancel-code verifiers, sealed to the estate's other kiosks.
 * Without such kiosks, codes or the kiosk's secret an old file is removed, so that nothing
 * stale rides on. */
static vm_status export_codes(run *r, vm_err *err)
{
    seal_public to[SEAL_MAX_RECIPIENTS];
    size_t n_to = r->opt && r->opt->code_key ? peer_keys(r, to) : 0;
    if (!n_to) {
        unlinkat(r->kfd, SYNC_SHARE_CODES, 0);
        return VM_OK;
    }
    sync_buf b = SYNC_BUF_INIT;
    vm_err e;
    int rows = 0;
    vm_status st = sync_share_codes_text(r->s, r->opt->code_key, r->now, &b, &rows, &e);
    if (st != VM_OK) {
        keep_detail(r, &e);
        st = sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                      sync_store_words(r->cat, st));
    } else if (!rows) {
        unlinkat(r->kfd, SYNC_SHARE_CODES, 0);
    } else {
        st = write_sealed(r, SYNC_SHARE_CODES, to, n_to, b.data ? b.data : "", b.len, err);
        if (st == VM_OK)
            r->res->codes_sent = rows;
    }
    wipe_buf(&b);
    return st;
}

static void remove_unsealed(run *r)
{
    char folder[KIOSK_ID_MAX], snap[KIOSK_ID_MAX + 16], tmp[KIOSK_ID_MAX + 32];
    sync_kiosk_folder(r->res->kiosk_id, folder, sizeof folder);
    snprintf(snap, sizeof snap, "vaermed-%s.db", folder);
    const char *names[] = {SYNC_SIGNUPS_CSV, snap};
    for (size_t i = 0; i < 2; i++) {
        snprintf(tmp, sizeof tmp, ".%s.tmp", names[i]);
        unlinkat(r->kfd, tmp, 0);
        if (unlinkat(r->kfd, names[i], 0) == 0) {
            char line[300];
            snprintf(line, sizeof line,
                     SYNC_T(r->cat, "Removed %s, which an older version left here unsealed."),
                     names[i]);
            log_line(r, line);
        }
    }
}


static void hash_text(struct sha256_ctx *c, const char *text)
{
    text = text ? text : "";
    uint64_t len = strlen(text);
    sha256_update(c, sizeof len, (const uint8_t *)&len);
    sha256_update(c, (size_t)len, (const uint8_t *)text);
}

/* What the week's PDF is made from, as a fingerprint: the week, the activities shown (as
 * read from the store, so two reads of one program give the same bytes) and whether each
 * one's sign-up has closed, how many were left out, the estate's name, the link template
 * and this program's version. The printed date is left out on purpose: a PDF made on
 * Monday from the same program is as good on Thursday. */
static void pdf_fingerprint(const run *r, int64_t monday, const activity *acts, size_t n,
                            size_t not_shown, char out[80])
{
    struct sha256_ctx c;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    hash_text(&c, "vaermed week pdf 1");
    hash_text(&c, VAERMED_VERSION);
    hash_text(&c, r->opt ? r->opt->estate_name : NULL);
    hash_text(&c, r->opt ? r->opt->url_template : NULL);
    uint64_t nums[3] = {(uint64_t)monday, (uint64_t)n, (uint64_t)not_shown};
    sha256_update(&c, sizeof nums, (const uint8_t *)nums);
    for (size_t i = 0; i < n; i++) {
        uint8_t closed = acts[i].deadline > 0 && acts[i].deadline <= r->now;
        sha256_update(&c, sizeof acts[i], (const uint8_t *)&acts[i]);
        sha256_update(&c, 1, &closed);
    }
    sha256_digest(&c, sizeof digest, digest);
    size_t o = (size_t)snprintf(out, 80, "week-pdf-1 ");
    for (size_t i = 0; i < sizeof digest; i++)
        o += (size_t)snprintf(out + o, 80 - o, "%02x", digest[i]);
    snprintf(out + o, 80 - o, "\n");
}

/* True when the stick already holds the PDF of exactly this fingerprint. */
static bool pdf_is_current(run *r, const char *fingerprint)
{
    char *old = NULL;
    size_t len = 0;
    if (!sync_fs_exists(r->kfd, SYNC_PROGRAM_PDF) ||
        sync_fs_read(r->kfd, SYNC_PROGRAM_PDF_INPUTS, 256, &old, &len, NULL, r->cat, NULL) !=
            VM_OK)
        return false;
    bool same = len == strlen(fingerprint) && memcmp(old, fingerprint, len) == 0;
    free(old);
    return same;
}

static vm_status export_pdf(run *r, vm_err *err)
{
    sync_pdf_fn fn = r->opt ? r->opt->program_pdf : NULL;
    void *user = r->opt ? r->opt->pdf_user : NULL;
    if (!fn) {
        log_line(r, SYNC_T(r->cat, "The week's program (PDF) is not made by this kiosk."));
        return VM_OK;
    }
    int week, year;
    int64_t from = dktime_week_start(r->now, &week, &year);
    activity *acts = NULL;
    size_t n = 0;
    vm_err e;
    vm_status st = store_activities_between(r->s, from, from + 7 * 86400 + 3600, &acts, NULL,
                                            &n, &e);
    if (st != VM_OK)
    {
        keep_detail(r, &e);
        return sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                        sync_store_words(r->cat, st));
    }
    size_t shown = n < SYNC_PDF_MAX_ACTIVITIES ? n : SYNC_PDF_MAX_ACTIVITIES;
    char fingerprint[80];
    pdf_fingerprint(r, from, acts, shown, n - shown, fingerprint);
    if (pdf_is_current(r, fingerprint)) {
        free(acts);
        r->res->pdf_unchanged = true;
        log_line(r, SYNC_T(r->cat, "The week's program (PDF) on the USB stick is up to date."));
        return VM_OK;
    }
    /* The old fingerprint goes first: a PDF replaced without a new one is made again next
     * time, never taken for another program's. */
    unlinkat(r->kfd, SYNC_PROGRAM_PDF_INPUTS, 0);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d/%s", r->kfd, SYNC_PROGRAM_PDF);
    st = fn(user, acts, shown, n - shown, r->now, path, &e);
    free(acts);
    if (st == VM_ERR_IO) {
        keep_detail(r, &e);
        return sync_err(err, st, r->cat, "could not write %s: %s", SYNC_PROGRAM_PDF,
                        SYNC_T(r->cat, "the USB stick could not be written (is it full, "
                                       "write-protected or pulled out?)"));
    }
    if (st != VM_OK) {
        /* Not the stick's fault (the printing part or a font is missing): the sign-ups are
         * on the stick all the same, and the log says what is wrong, as the loader says
         * it (what to install). */
        char line[VM_ERR_MSG_MAX + 100];
        snprintf(line, sizeof line,
                 SYNC_T(r->cat, "The week's program (PDF) could not be made: %s"), e.msg);
        log_line(r, line);
        return VM_OK;
    }
    r->res->pdf_written = true;
    if (n > shown) {
        char line[300];
        snprintf(line, sizeof line,
                 SYNC_T(r->cat, "The week's program (PDF) shows the first %d of the week's %d "
                                "activities."),
                 (int)shown, (int)n);
        log_line(r, line);
    }
    /* Only a shortcut for the next sync: if it cannot be written, the PDF is simply made
     * again then. */
    sync_fs_write_atomic(r->kfd, SYNC_PROGRAM_PDF_INPUTS, fingerprint, strlen(fingerprint),
                         r->opt ? r->opt->io : NULL, r->cat, NULL);
    return VM_OK;
}

/* Writes every export file but the log; stops at the first failure. */
static vm_status export_all(run *r, vm_err *err)
{
    vm_status st;
    sync_buf b = SYNC_BUF_INIT;
    char folder[KIOSK_ID_MAX];
    sync_kiosk_folder(r->res->kiosk_id, folder, sizeof folder);
    if ((st = sync_fs_open_dir(r->vfd, folder, true, &r->kfd, r->cat, err)) != VM_OK)
        return st;
    /* A stick pulled during an earlier sync left its temporary files (a PDF is 1.7 MB). */
    int stale = sync_fs_remove_stale_temps(r->kfd);
    if (stale) {
        char line[200];
        snprintf(line, sizeof line,
                 i18n_plural(r->cat,
                             "%d temporary file left by an earlier sync (a pulled stick) was "
                             "removed",
                             "%d temporary files left by an earlier sync (a pulled stick) were "
                             "removed",
                             stale),
                 stale);
        log_line(r, line);
    }
    progress(r, SYNC_PHASE_EXPORT, 0.5);
    seal_public to[SEAL_MAX_RECIPIENTS];
    size_t n_to = 0;
    vm_err e;
    /* the whole program, read once for the sign-ups and the statistics */
    sync_export_program program = {0};
    if ((st = sync_export_program_read(r->s, &program, &e)) != VM_OK) {
        keep_detail(r, &e);
        st = sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                      sync_store_words(r->cat, st));
        goto out;
    }
    if ((st = staff_keys(r, to, &n_to, err)) != VM_OK)
        goto out;
    r->res->staff_keys = (int)n_to;
    if (n_to) {
        if ((st = export_signups(r, &program, to, n_to, err)) != VM_OK ||
            (st = export_interests(r, to, n_to, err)) != VM_OK ||
            (st = export_wishes(r, to, n_to, err)) != VM_OK)
            goto out;
    } else {
        log_line(r, SYNC_T(r->cat, "The sign-ups with names were not saved: this kiosk knows no "
                                   "staff key yet (see docs/stick-format.md, personale.pub)."));
    }
    remove_unsealed(r);
    progress(r, SYNC_PHASE_EXPORT, 0.6);
    sync_buf_free(&b);
    int months = 0;
    sync_buf mb = SYNC_BUF_INIT;
    st = sync_export_stats_both_of(r->s, &program, &b, &r->res->activities_exported, &mb,
                                   &months, r->cat, &e);
    if (st != VM_OK) {
        sync_buf_free(&mb);
        keep_detail(r, &e);
        st = sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                      sync_store_words(r->cat, st));
        goto out;
    }
    if ((st = write_file(r, SYNC_STATS_CSV, &b, err)) == VM_OK)
        st = write_file(r, SYNC_STATS_MONTH_CSV, &mb, err);
    sync_buf_free(&mb);
    if (st != VM_OK)
        goto out;
    sync_buf_free(&b);
    if ((st = sync_export_votes(r->s, &b, r->cat, &e)) != VM_OK) {
        keep_detail(r, &e);
        st = sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                      sync_store_words(r->cat, st));
        goto out;
    }
    if ((st = write_file(r, SYNC_VOTES_CSV, &b, err)) != VM_OK)
        goto out;
    sync_buf_free(&b);
    if ((st = sync_share_export(r->s, r->now, &b, NULL, &e)) != VM_OK) {
        keep_detail(r, &e);
        st = sync_err(err, st, r->cat, "the kiosk's database cannot be read: %s",
                      sync_store_words(r->cat, st));
        goto out;
    }
    if ((st = write_file(r, SYNC_SHARE_CSV, &b, err)) != VM_OK)
        goto out;
    if ((st = export_codes(r, err)) != VM_OK)
        goto out;
    progress(r, SYNC_PHASE_EXPORT, 0.7);
    sync_buf_free(&b);
    sync_export_template(&b, r->now);
    if ((st = write_file(r, SYNC_TEMPLATE_CSV, &b, err)) != VM_OK)
        goto out;
    progress(r, SYNC_PHASE_EXPORT, 0.75);
    if (n_to && (st = export_snapshot(r, to, n_to, err)) != VM_OK)
        goto out;
    progress(r, SYNC_PHASE_EXPORT, 0.85);
    if ((st = export_pdf(r, err)) != VM_OK)
        goto out;
    progress(r, SYNC_PHASE_EXPORT, 0.95);
    char line[300];
    snprintf(line, sizeof line, SYNC_T(r->cat, "Saved on the USB stick in %s: %s%s%s"), folder,
             n_to ? "tilmeldinger.csv.vaermed, sig-til.csv.vaermed, onsker.csv.vaermed, "
                    "vaermed-*.db.vaermed, "
                  : "",
             "statistik.csv, statistik-maaned.csv, ideer-stemmer.csv, pladser.csv, "
             "program-skabelon.csv",
             r->res->pdf_written || r->res->pdf_unchanged ? ", ugeprogram.pdf" : "");
    log_line(r, line);
out:
    sync_export_program_free(&program);
    sync_buf_free(&b);
    return st;
}

/* The other kiosks' cancel-code verifiers sealed to this kiosk (koder.vaermed), kept for
 * the sign-ups their places brought. */
static void share_codes(run *r, const char *own)
{
    if (!r->opt || !r->opt->code_key)
        return;
    uint8_t seed[SEAL_KEY_BYTES];
    seal_secret self;
    vm_err e;
    err_clear(&e);
    code_kiosk_seed(r->opt->code_key, seed);
    vm_status st = seal_secret_from_seed(seed, &self, &e);
    sodium_memzero(seed, sizeof seed);
    if (st == VM_OK)
        st = sync_share_codes_import(r->s, r->vfd, own, &self, r->opt->code_key,
                                     &r->res->codes_kept, &r->log, r->cat, &e);
    seal_secret_wipe(&self);
    char line[VM_ERR_MSG_MAX + 200];
    if (st != VM_OK) {
        keep_detail(r, &e);
        snprintf(line, sizeof line,
                 SYNC_T(r->cat, "The other kiosks' cancel codes could not be kept: %s"),
                 sync_store_words(r->cat, st));
        log_line(r, line);
    } else if (r->res->codes_kept) {
        snprintf(line, sizeof line,
                 i18n_plural(r->cat,
                             "%d sign-up made at another kiosk can now be cancelled here "
                             "with its code",
                             "%d sign-ups made at another kiosk can now be cancelled here "
                             "with their code",
                             r->res->codes_kept),
                 r->res->codes_kept);
        log_line(r, line);
    }
}

/* The other kiosks' places (pladser.csv), merged before this kiosk writes its own. A
 * failure is said in the log and stops nothing: the staff still take the sign-ups home. */
static void share_places(run *r)
{
    char folder[KIOSK_ID_MAX];
    sync_kiosk_folder(r->res->kiosk_id, folder, sizeof folder);
    vm_err e;
    err_clear(&e);
    vm_status st = sync_share_import(r->s, r->vfd, folder, r->now, &r->res->shared,
                                     &r->res->share_kiosks, &r->log, r->cat, &e);
    const store_share_report *sh = &r->res->shared;
    char line[VM_ERR_MSG_MAX + 200];
    if (st != VM_OK) {
        keep_detail(r, &e);
        snprintf(line, sizeof line,
                 SYNC_T(r->cat, "The other kiosks' places could not be merged: %s"),
                 sync_store_words(r->cat, st));
        log_line(r, line);
        return;
    }
    share_codes(r, folder);
    if (!r->res->share_kiosks)
        return;
    snprintf(line, sizeof line,
             SYNC_T(r->cat, "Places of %d other kiosks read: %d new sign-ups, %d cancelled, "
                            "%d not known here yet"),
             r->res->share_kiosks, sh->added, sh->cancelled, sh->unknown);
    log_line(r, line);
    if (sh->moved) {
        snprintf(line, sizeof line,
                 i18n_plural(r->cat,
                             "%d sign-up moved to the waiting list: other kiosks had given the "
                             "places to earlier sign-ups",
                             "%d sign-ups moved to the waiting list: other kiosks had given the "
                             "places to earlier sign-ups",
                             sh->moved),
                 sh->moved);
        log_line(r, line);
    }
}

/* log.txt: the old log's tail (whole lines) and this sync's lines. */
static vm_status write_log(run *r, vm_err *err)
{
    char *old = NULL;
    size_t len = 0;
    sync_buf b = SYNC_BUF_INIT;
    if (sync_fs_read(r->kfd, SYNC_LOG, LOG_MAX_READ, &old, &len, NULL, r->cat, NULL) ==
        VM_OK) {
        const char *start = old;
        if (len > LOG_KEEP) {
            start = old + len - LOG_KEEP;
            const char *nl = strchr(start, '\n');
            start = nl ? nl + 1 : old + len;
        }
        sync_buf_add(&b, start, len - (size_t)(start - old));
    } else {
        sync_export_bom(&b);
    }
    sync_buf_add(&b, r->log.data ? r->log.data : "", r->log.len);
    vm_status st = write_file(r, SYNC_LOG, &b, err);
    sync_buf_free(&b);
    free(old);
    return st;
}

static void log_header(run *r)
{
    char when[17], iso[21];
    dktime_format_local(r->real_now, when);
    dktime_format_iso_utc(r->real_now, iso);
    const char *name = r->opt && r->opt->kiosk_name ? r->opt->kiosk_name : "";
    sync_buf_printf(&r->log, "==== %s (%s) %s%s%s\r\n", when, iso, name, name[0] ? " " : "",
                    r->res->kiosk_id);
}

static void result_reason(run *r, vm_err *err, const vm_err *e)
{
    snprintf(r->res->reason, sizeof r->res->reason, "%s", e->msg);
    if (err) {
        err->status = e->status;
        snprintf(err->msg, sizeof err->msg, "%s", e->msg);
    }
}

vm_status sync_run(store *s, const char *stick_dir, int64_t now, const sync_options *opt,
                   sync_result *res, vm_err *err)
{
    run r;
    memset(&r, 0, sizeof r);
    memset(res, 0, sizeof *res);
    r.s = s;
    r.opt = opt;
    r.cat = opt ? opt->cat : NULL;
    r.res = res;
    r.real_now = now;
    r.sfd = r.vfd = r.kfd = -1;
    sync_program prog = {0};
    vm_err e;
    err_clear(&e);
    vm_status st;

    progress(&r, SYNC_PHASE_CHECK, 0);
    /* Nothing but vaermed/vaermed.key is read before the key is accepted. */
    int64_t key_time = 0;
    char key_hash[65] = "";
    /* The floor kept from earlier sticks; one past the bound was kept before there was a
     * bound and is not used (said in the summary below). */
    int64_t kept_floor = sync_clock_floor(s);
    bool floor_usable = sync_clock_floor_usable(kept_floor, opt ? opt->build_time : 0);
    int64_t floor = floor_usable ? kept_floor : 0;
    int64_t check_now = now > floor ? now : floor;
    if ((st = sync_stick_open(stick_dir, &r.sfd, &r.vfd, r.cat, &e)) != VM_OK ||
        (st = sync_stick_check_fd(s, r.vfd, opt, check_now, &key_time, key_hash,
                                  &res->stick_state, &e)) != VM_OK) {
        res->outcome = st == VM_ERR_REFUSED ? SYNC_OUTCOME_NOT_STAFF_STICK : SYNC_OUTCOME_FAILED;
        if (st == VM_ERR_NOT_FOUND || st == VM_ERR_IO)
            res->outcome = SYNC_OUTCOME_FAILED;
        result_reason(&r, err, &e);
        goto out;
    }
    /* The staff's time: the key file's `created` and time.txt, the newest first. */
    struct {
        int64_t t;
        const char *source;
    } told[2] = {{key_time, SYNC_KEY_FILE}, {sync_stick_time_file(r.vfd, r.cat), SYNC_TIME_FILE}};
    if (told[1].t > told[0].t) {
        told[0].t = told[1].t, told[0].source = SYNC_TIME_FILE;
        told[1].t = key_time, told[1].source = SYNC_KEY_FILE;
    }
    res->stick_time = told[0].t;
    res->clock_floor = floor;
    r.now = check_now;
    if ((st = kiosk_id(&r, &e)) != VM_OK) {
        res->outcome = SYNC_OUTCOME_FAILED;
        result_reason(&r, err, &e);
        goto out;
    }
    log_header(&r);
    progress(&r, SYNC_PHASE_READ, 0.05);

    /* The program is read with the kiosk's own time first: whether the stick's time is
     * plausible depends on it. A stick time that moves "now" means a second reading (an
     * ICS calendar's window moves with it). */
    int chosen = choose_source(&r);
    bool marker = sync_fs_exists(r.vfd, SYNC_EMPTY_MARKER);
    st = chosen >= 0 ? read_source(&r, chosen, &prog, &e) : VM_OK;
    /* The newest plausible time the stick tells raises the floor; one too far ahead is
     * said on the screen and in the log, and not used. */
    bool told_note = false;
    for (int i = 0; i < 2 && told[i].t > floor; i++) {
        char note[VM_ERR_MSG_MAX];
        if (!clock_plausible(&r, told[i].t, told[i].source, st == VM_OK ? &prog : NULL,
                             note, sizeof note)) {
            if (!told_note) {
                if (!res->clock_note[0])
                    snprintf(res->clock_note, sizeof res->clock_note, "%s", note);
                log_line(&r, note);
                told_note = true;
            }
            continue;
        }
        res->clock_floor = told[i].t;
        if (told[i].t > r.now) {
            r.now = told[i].t;
            char line[200], when[17];
            dktime_format_local(r.now, when);
            snprintf(line, sizeof line,
                     SYNC_T(r.cat, "The kiosk's clock is behind the USB stick's; %s is used "
                                   "as now"),
                     when);
            log_line(&r, line);
            if (chosen >= 0) {
                sync_program_free(&prog);
                st = read_source(&r, chosen, &prog, &e);
            }
        }
        break;
    }
    if (!floor_usable && !res->clock_floor) { /* a stick's plausible time replaces it */
        char when[17];
        dktime_format_local(kept_floor, when);
        char note[VM_ERR_MSG_MAX];
        snprintf(note, sizeof note,
                 SYNC_T(r.cat, "The time a USB stick set earlier (%s) was not used: that is "
                               "more than %d years after this Vær med was made. Forget it on "
                               "the staff screen or with `vaermed clock reset`."),
                 when, SYNC_CLOCK_MAX_YEARS);
        size_t used = strlen(res->clock_note); /* after the stick's own time, if said */
        snprintf(res->clock_note + used, sizeof res->clock_note - used, "%s%s",
                 used ? " " : "", note);
        log_line(&r, note);
    }
    if (chosen < 0 && !marker)
        log_line(&r, SYNC_T(r.cat, "No program on the USB stick: the program is unchanged."));
    if (chosen < 0 && marker)
        snprintf(res->source, sizeof res->source, "%s", SYNC_EMPTY_MARKER);
    if (st == VM_OK && res->source[0]) {
        if (chosen >= 0)
            log_program(&r, &prog);
        if (program_empty(&r, &prog) && !marker) {
            res->program_empty = true;
            if (prog.n)
                st = sync_err(&e, VM_ERR_INVALID, r.cat,
                              "The program on the USB stick has no activity to come – nothing "
                              "was changed. If the program is to be empty, put a file %s in "
                              "the vaermed folder.",
                              SYNC_EMPTY_MARKER);
            else
                st = sync_err(&e, VM_ERR_INVALID, r.cat,
                              "The program on the USB stick is empty – nothing was changed. If "
                              "the program is to be empty, put a file %s in the vaermed "
                              "folder.",
                              SYNC_EMPTY_MARKER);
        } else if (program_empty(&r, &prog)) {
            char line[300];
            snprintf(line, sizeof line,
                     SYNC_T(r.cat, "%s is on the USB stick: the program is empty on purpose, "
                                   "and every activity to come is cancelled"),
                     SYNC_EMPTY_MARKER);
            log_line(&r, line);
        } else if (marker) {
            char line[300];
            snprintf(line, sizeof line,
                     SYNC_T(r.cat, "%s was not used: the program is not empty"),
                     SYNC_EMPTY_MARKER);
            log_line(&r, line);
        }
    }
    if (st != VM_OK) {
        res->outcome = SYNC_OUTCOME_PROGRAM_REFUSED;
        result_reason(&r, err, &e);
        char line[VM_ERR_MSG_MAX + 100];
        snprintf(line, sizeof line, SYNC_T(r.cat, "The program was not read: %s"), e.msg);
        log_line(&r, line);
    } else if (res->source[0]) {
        progress(&r, SYNC_PHASE_IMPORT, 0.25);
        st = store_import_program(s, prog.acts, prog.n, r.now, &res->import, &e);
        if (st != VM_OK) {
            /* The store's transaction rolled back: the kiosk's program is as it was. */
            res->outcome = st == VM_ERR_INVALID ? SYNC_OUTCOME_PROGRAM_REFUSED
                                                : SYNC_OUTCOME_FAILED;
            vm_err t;
            keep_detail(&r, &e);
            sync_err(&t, st, r.cat, "the program could not be saved: %s",
                     sync_store_words(r.cat, st));
            result_reason(&r, err, &t);
            log_line(&r, t.msg);
        } else {
            res->imported = true;
        }
    }
    if (res->outcome != SYNC_OUTCOME_FAILED) {
        import_contacts(&r);
        import_ideas(&r);
    }
    if (res->outcome == SYNC_OUTCOME_DONE)
        share_places(&r);
    progress(&r, SYNC_PHASE_EXPORT, 0.45);

    /* The export runs after a refused program too: the staff came for the sign-ups. */
    if (res->outcome != SYNC_OUTCOME_FAILED) {
        vm_err xe;
        err_clear(&xe);
        vm_status xs = export_all(&r, &xe);
        res->export_ok = xs == VM_OK;
        if (xs != VM_OK) {
            snprintf(res->export_reason, sizeof res->export_reason, "%s", xe.msg);
            char line[VM_ERR_MSG_MAX + 100];
            snprintf(line, sizeof line,
                     SYNC_T(r.cat, "The sign-ups could not be saved on the USB stick: %s"),
                     xe.msg);
            log_line(&r, line);
            if (res->outcome == SYNC_OUTCOME_DONE) {
                res->outcome = SYNC_OUTCOME_EXPORT_FAILED;
                vm_err t;
                sync_err(&t, xs, r.cat, "%s", line);
                result_reason(&r, err, &t);
                st = xs;
            }
        }
    }
    char summary[1024];
    sync_summary_text(res, r.cat, summary, sizeof summary);
    log_line(&r, summary);
    if (r.kfd >= 0) {
        vm_err le;
        if (write_log(&r, &le) != VM_OK && res->outcome == SYNC_OUTCOME_DONE) {
            res->export_ok = false;
            res->outcome = SYNC_OUTCOME_EXPORT_FAILED;
            snprintf(res->export_reason, sizeof res->export_reason, "%s", le.msg);
            vm_err t;
            sync_err(&t, le.status, r.cat, "The log could not be saved on the USB stick: %s",
                     le.msg);
            result_reason(&r, err, &t);
            sync_summary_text(res, r.cat, summary, sizeof summary);
        }
    }
    if (res->outcome == SYNC_OUTCOME_DONE) {
        /* Facts only for a sync that was done: a refused one leaves the kiosk as it was. */
        char iso[21];
        dktime_format_iso_utc(now, iso);
        store_fact_set(s, "last_sync", iso, NULL);
        if (key_hash[0])
            store_stick_key_used(s, key_hash, now, NULL);
        store_fact_set(s, "last_sync_summary", summary, NULL);
        if (res->clock_floor > floor) { /* a floor that was not usable is replaced */
            dktime_format_iso_utc(res->clock_floor, iso);
            store_fact_set(s, "clock_floor", iso, NULL);
        }
    }
    progress(&r, SYNC_PHASE_DONE, 1);
out:
    if (res->outcome != SYNC_OUTCOME_DONE && !res->reason[0])
        snprintf(res->reason, sizeof res->reason, "%s", e.msg);
    sync_program_free(&prog);
    sync_buf_free(&r.log);
    if (r.kfd >= 0)
        close(r.kfd);
    if (r.vfd >= 0)
        close(r.vfd);
    if (r.sfd >= 0)
        close(r.sfd);
    if (res->outcome == SYNC_OUTCOME_DONE)
        return VM_OK;
    if (err && err->status == VM_OK)
        err->status = VM_ERR_INTERNAL;
    return err ? err->status : (st != VM_OK ? st : VM_ERR_INTERNAL);
}

/* ---- summary */

static void add(char *out, size_t size, const char *text)
{
    size_t n = strlen(out);
    if (n + 1 < size)
        snprintf(out + n, size - n, "%s", text);
}

static void add_count(char *out, size_t size, bool *first, const char *fmt, int v)
{
    char part[128];
    snprintf(part, sizeof part, fmt, v);
    if (!*first)
        add(out, size, ", ");
    add(out, size, part);
    *first = false;
}

void sync_summary_text(const sync_result *res, const i18n_catalog *cat, char *out, size_t size)
{
    if (!size)
        return;
    out[0] = '\0';
    char part[VM_ERR_MSG_MAX + 200];
    switch (res->outcome) {
    case SYNC_OUTCOME_NOT_STAFF_STICK:
        /* a stick the staff withdrew or that ran out says so (and what to do) */
        if (res->stick_state == STORE_STICK_REVOKED || res->stick_state == STORE_STICK_EXPIRED)
            add(out, size, res->reason);
        else
            add(out, size, SYNC_T(cat, "This USB stick is not a Vær med staff stick for this "
                                       "kiosk. Nothing was read from it or written to it."));
        return;
    case SYNC_OUTCOME_FAILED:
        snprintf(part, sizeof part,
                 SYNC_T(cat, "The sync could not be done: %s. The kiosk's data is unchanged."),
                 res->reason);
        add(out, size, part);
        return;
    default:
        break;
    }
    if (res->outcome == SYNC_OUTCOME_PROGRAM_REFUSED &&
        (res->program_empty || res->program_cut_off)) {
        add(out, size, res->reason); /* says itself that nothing changed */
    } else if (res->outcome == SYNC_OUTCOME_PROGRAM_REFUSED) {
        /* The reason without its own full stop: the sentence gives one ("gem.." read ill). */
        char reason[sizeof res->reason];
        snprintf(reason, sizeof reason, "%s", res->reason);
        size_t n = strlen(reason);
        if (n && reason[n - 1] == '.')
            reason[n - 1] = '\0';
        snprintf(part, sizeof part,
                 SYNC_T(cat, "The program was not read: %s. The kiosk's program is unchanged."),
                 reason);
        add(out, size, part);
    } else if (!res->source[0]) {
        add(out, size, SYNC_T(cat, "There was no new program on the USB stick."));
    } else {
        const store_import_report *ir = &res->import;
        bool first = true;
        if (ir->added)
            add_count(out, size, &first,
                      i18n_plural(cat, "%d new activity", "%d new activities", ir->added),
                      ir->added);
        if (ir->changed)
            add_count(out, size, &first, i18n_plural(cat, "%d changed", "%d changed",
                                                     ir->changed),
                      ir->changed);
        if (ir->cancelled)
            add_count(out, size, &first, i18n_plural(cat, "%d cancelled", "%d cancelled",
                                                     ir->cancelled),
                      ir->cancelled);
        if (ir->restored)
            add_count(out, size, &first,
                      i18n_plural(cat, "%d back on the program", "%d back on the program",
                                  ir->restored),
                      ir->restored);
        if (ir->moved_to_waiting)
            add_count(out, size, &first,
                      i18n_plural(cat, "%d sign-up moved to the waiting list",
                                  "%d sign-ups moved to the waiting list",
                                  ir->moved_to_waiting),
                      ir->moved_to_waiting);
        if (first)
            add(out, size, SYNC_T(cat, "The program is unchanged."));
        else
            add(out, size, ".");
    }
    if (res->share_kiosks && (res->shared.added || res->shared.cancelled || res->shared.moved)) {
        add(out, size, " ");
        snprintf(part, sizeof part,
                 i18n_plural(cat, "Places counted with %d other kiosk",
                             "Places counted with %d other kiosks", res->share_kiosks),
                 res->share_kiosks);
        add(out, size, part);
        if (res->shared.moved) {
            add(out, size, ": ");
            snprintf(part, sizeof part,
                     i18n_plural(cat, "%d sign-up moved to the waiting list",
                                 "%d sign-ups moved to the waiting list", res->shared.moved),
                     res->shared.moved);
            add(out, size, part);
        }
        add(out, size, ".");
    }
    add(out, size, " ");
    if (res->export_ok && !res->staff_keys) {
        add(out, size, SYNC_T(cat, "The sign-ups were not saved on the USB stick: this kiosk "
                                   "knows no staff key yet."));
        add(out, size, " ");
        add(out, size, SYNC_T(cat, "You can take it out now."));
    } else if (res->export_ok) {
        snprintf(part, sizeof part,
                 i18n_plural(cat, "%d sign-up saved on the USB stick.",
                             "%d sign-ups saved on the USB stick.", res->signups_exported),
                 res->signups_exported);
        add(out, size, part);
        add(out, size, " ");
        add(out, size, SYNC_T(cat, "You can take it out now."));
    } else {
        snprintf(part, sizeof part,
                 SYNC_T(cat, "The sign-ups could not be saved on the USB stick: %s. The "
                             "kiosk's data is safe."),
                 res->export_reason);
        add(out, size, part);
    }
    if (res->clock_note[0]) {
        add(out, size, " ");
        add(out, size, res->clock_note);
    }
    if (res->contacts_note[0]) {
        add(out, size, " ");
        add(out, size, res->contacts_note);
    } else if (res->contacts_changed) {
        add(out, size, " ");
        snprintf(part, sizeof part,
                 i18n_plural(cat, "\"Who can I ask?\" now shows %d contact.",
                             "\"Who can I ask?\" now shows %d contacts.", res->contacts),
                 res->contacts);
        add(out, size, part);
    }
    if (res->ideas_note[0]) {
        add(out, size, " ");
        add(out, size, res->ideas_note);
    } else if (res->ideas_changed) {
        add(out, size, " ");
        snprintf(part, sizeof part,
                 i18n_plural(cat, "\"What do you miss?\" now shows %d idea.",
                             "\"What do you miss?\" now shows %d ideas.", res->ideas),
                 res->ideas);
        add(out, size, part);
    }
}
