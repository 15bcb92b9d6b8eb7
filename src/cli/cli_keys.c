/* The staff's keys on the command line: staff sticks (init, list, revoke), the staff PIN
 * (pin set), the staff's key pair (staff-key new, add, list, remove) and opening what a
 * kiosk sealed for the staff (open-export). See docs/security.md. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/langs.h"
#include "cli/prompt.h"
#include "platform/random.h"
#include "platform/secret.h"
#include "core/code.h"
#include "kiosk/sticks.h"
#include "seal/seal.h"
#include "core/dktime.h"
#include "store/store.h"
#include "sync/sync.h"

#define STICK_DAYS_DEFAULT 365
#define FILE_MAX (64u << 20) /* what open-export reads: a sealed snapshot of a big kiosk */

/* ---- small helpers */

static void day_text(int64_t t, char out[16])
{
    if (t <= 0) {
        snprintf(out, 16, "-");
        return;
    }
    dk_tm tm = dktime_local(t);
    snprintf(out, 16, "%02d-%02d-%04d", tm.day, tm.month, tm.year);
}

/* Reads a whole (small) file; NULL with errno set. */
static char *slurp(const char *path, size_t max, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
        int e = S_ISREG(st.st_mode) ? EFBIG : EISDIR;
        close(fd);
        errno = e;
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    size_t got = 0;
    while (buf && got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            free(buf);
            buf = NULL;
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    if (buf) {
        buf[got] = '\0';
        if (len)
            *len = got;
    }
    return buf;
}

/* Writes a new file (never over an existing one), mode `mode`, flushed. */
static bool write_new(const char *path, const void *data, size_t len, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    bool ok = write(fd, data, len) == (ssize_t)len && fsync(fd) == 0;
    int e = errno;
    close(fd);
    if (!ok) {
        unlink(path);
        errno = e;
    }
    return ok;
}

static void default_key_path(char *out, size_t size)
{
    const char *env = getenv("VAERMED_STAFF_KEY");
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (env && *env)
        snprintf(out, size, "%s", env);
    else if (xdg && *xdg)
        snprintf(out, size, "%s/vaermed/personale.key", xdg);
    else
        snprintf(out, size, "%s/.config/vaermed/personale.key", home ? home : ".");
}

int cli_unlock_staff_key(const cli_ctx *ctx, const char *path, seal_secret *out)
{
    char def[4096];
    if (!path) {
        default_key_path(def, sizeof def);
        path = def;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    int status = 1;
    char pass[256];
    char *text = slurp(path, 64 * 1024, NULL);
    if (!text) {
        fprintf(ctx->err, "vaermed: %s %s: %s\n",
                i18n_text(cat, "The staff key cannot be read:"), path, strerror(errno));
        fprintf(ctx->err, "vaermed: %s\n",
                i18n_text(cat, "(give it with --key FILE; `vaermed staff-key new` makes one)"));
        goto out;
    }
    if (!prompt_secret(i18n_text(cat, "The staff passphrase:"), pass, sizeof pass, ctx->err)) {
        fprintf(ctx->err, "vaermed: %s\n", i18n_text(cat, "No passphrase was given."));
        goto out;
    }
    vm_err err = {0};
    if (seal_secret_file_open(text, pass, out, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s: %s\n", path, err.msg);
        goto out;
    }
    status = 0;
out:
    sodium_memzero(pass, sizeof pass);
    free(text);
    langs_free(&l);
    return status;
}

static bool sealed_list_in(const char *dir)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, SYNC_SIGNUPS_CSV SEAL_SUFFIX);
    return n > 0 && (size_t)n < sizeof path && access(path, F_OK) == 0;
}

bool cli_inputs_sealed(const char *const *inputs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(inputs[i], &st) != 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            size_t len = 0;
            char *data = slurp(inputs[i], FILE_MAX, &len);
            bool sealed = data && seal_is_sealed(data, len);
            free(data);
            if (sealed)
                return true;
            continue;
        }
        /* a folder: a sealed list in it, in its vaermed/, or in their kiosk folders */
        if (strlen(inputs[i]) > 3000)
            continue;
        char dirs[2][3100];
        snprintf(dirs[0], sizeof dirs[0], "%s", inputs[i]);
        snprintf(dirs[1], sizeof dirs[1], "%s/vaermed", inputs[i]);
        for (size_t k = 0; k < 2; k++) {
            if (sealed_list_in(dirs[k]))
                return true;
            DIR *d = opendir(dirs[k]);
            if (!d)
                continue;
            struct dirent *de;
            bool found = false;
            while (!found && (de = readdir(d))) {
                char sub[3400];
                if (de->d_name[0] == '.' || strlen(de->d_name) > 255)
                    continue;
                if (snprintf(sub, sizeof sub, "%s/%s", dirs[k], de->d_name) < (int)sizeof sub)
                    found = sealed_list_in(sub);
            }
            closedir(d);
            if (found)
                return true;
        }
    }
    return false;
}

/* ---- vaermed stick init | list | revoke */

/* "2027-06-30" or "30-06-2027" (the end of that day, Copenhagen), "never"; false otherwise. */
static bool parse_expiry(const char *v, int64_t *out)
{
    if (strcmp(v, "never") == 0 || strcmp(v, "aldrig") == 0) {
        *out = 0;
        return true;
    }
    int y, m, d;
    char tail;
    if (sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 &&
        sscanf(v, "%2d-%2d-%4d%c", &d, &m, &y, &tail) != 3)
        return false;
    int64_t t;
    if (y < 2020 || !dktime_from_local(y, m, d, 23, 59, &t))
        return false;
    *out = t + 59;
    return true;
}

static int stick_init(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] =
        "usage: vaermed stick init DIR [--label NAME] [--days N | --expires DATE | --expires "
        "never]\n";
    const char *dir = NULL, *label = NULL;
    int days = STICK_DAYS_DEFAULT;
    int64_t expires = -1;
    for (int i = 2; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--label") == 0 && v) {
            label = v, i++;
        } else if (strcmp(argv[i], "--days") == 0 && v) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 3650) {
                fprintf(ctx->err, "vaermed: --days must be 1 to 3650, not '%s'\n", v);
                return 2;
            }
            days = (int)n, i++;
        } else if (strcmp(argv[i], "--expires") == 0 && v) {
            if (!parse_expiry(v, &expires)) {
                fprintf(ctx->err, "vaermed: --expires wants a date like 2027-06-30, or never\n");
                return 2;
            }
            i++;
        } else if (argv[i][0] != '-' && !dir) {
            dir = argv[i];
        } else {
            fprintf(ctx->err, "%s", usage);
            return 2;
        }
    }
    if (!dir) {
        fprintf(ctx->err, "%s", usage);
        return 2;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    /* a synced folder made the staff's is told of as a folder, as `vaermed sync` does */
    i18n_catalog *folder_words = sticks_folder_words(ctx->cfg, dir, false, cat);
    if (folder_words)
        cat = folder_words;
    uint8_t key[SYNC_KEY_RANDOM_BYTES];
    store *s = NULL;
    int rc = 1;
    if (!random_bytes(key, sizeof key)) {
        fprintf(ctx->err, "vaermed: %s\n",
                i18n_text(cat, "the kiosk could not get random numbers for the key"));
        goto done;
    }
    s = cli_open_store(ctx, CLI_CREATE);
    if (!s)
        goto done;
    int64_t now = cli_now(ctx, s);
    if (expires < 0)
        expires = now + (int64_t)days * 86400;
    sync_init_result res;
    vm_err err = {0};
    vm_status st = sync_stick_init(s, dir, key, ctx->now, label, expires, cat, &res, &err);
    memset(key, 0, sizeof key);
    if (st == VM_OK) {
        char day[16];
        fprintf(ctx->out, "%s\n", i18n_text(cat, "The USB stick is now a staff stick for this kiosk."));
        if (expires) {
            day_text(expires, day);
            fprintf(ctx->out, "%s %s\n", i18n_text(cat, "It works until"), day);
        }
        if (res.staff_key_found && !res.staff_problem[0])
            fprintf(ctx->out, "%s %s%s\n",
                    i18n_text(cat, "Sign-ups are sealed for the staff key"), res.staff_fingerprint,
                    res.staff_key_added ? "" : i18n_text(cat, " (already known)"));
        else if (res.staff_problem[0])
            fprintf(ctx->err, "vaermed: %s\n", res.staff_problem);
        fprintf(ctx->out, "%s\nstick_key = %s\n",
                i18n_text(cat, "For other kiosks, put this line in their configuration:"), res.hash);
    } else {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
    }
    rc = st == VM_OK ? 0 : 1;
done:
    store_close(s);
    i18n_catalog_free(folder_words);
    langs_free(&l);
    return rc;
}

static int stick_list(const cli_ctx *ctx)
{
    store *s = cli_open_store(ctx, CLI_READ);
    if (!s)
        return 1;
    store_stick_key *keys = NULL;
    size_t n = 0;
    vm_err err = {0};
    int64_t now = cli_now(ctx, s);
    if (store_stick_keys_list(s, &keys, &n, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        store_close(s);
        return 1;
    }
    fprintf(ctx->out, "id\tlabel\tauthorised\texpires\tlast used\tstate\n");
    for (size_t i = 0; i < n; i++) {
        const store_stick_key *k = &keys[i];
        char made[16], exp[16], used[16];
        day_text(k->created, made);
        day_text(k->expires, exp);
        day_text(k->last_used, used);
        const char *state = k->revoked                           ? "withdrawn"
                            : k->expires && now >= k->expires ? "expired"
                                                               : "active";
        fprintf(ctx->out, "%.8s\t%s\t%s\t%s\t%s\t%s\n", k->key_sha256,
                k->label[0] ? k->label : "-", made, k->expires ? exp : "never", used, state);
    }
    for (size_t i = 0; i < ctx->cfg->n_stick_keys; i++)
        fprintf(ctx->out, "%.8s\t(the configuration)\t-\tnever\t-\tactive\n",
                ctx->cfg->stick_keys[i]);
    free(keys);
    store_close(s);
    return 0;
}

static int stick_revoke(const cli_ctx *ctx, const char *id)
{
    for (size_t i = 0; i < ctx->cfg->n_stick_keys; i++)
        if (strncasecmp(ctx->cfg->stick_keys[i], id, strlen(id)) == 0 && strlen(id) >= 6) {
            fprintf(ctx->err, "vaermed: that stick is accepted by a `stick_key` line in the "
                              "configuration: remove the line there\n");
            return 1;
        }
    store *s = cli_open_store(ctx, CLI_WRITE);
    if (!s)
        return 1;
    store_stick_key k;
    vm_err err = {0};
    int status = 1;
    if (store_stick_key_revoke(s, id, cli_now(ctx, s), &k, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
    } else {
        fprintf(ctx->out, "%.8s\twithdrawn%s%s\n", k.key_sha256, k.label[0] ? "\t" : "",
                k.label);
        status = 0;
    }
    store_close(s);
    return status;
}

int cli_stick(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] = "usage: vaermed stick init DIR [--label NAME] [--days N | "
                                "--expires DATE|never]\n"
                                "       vaermed stick list\n"
                                "       vaermed stick revoke ID\n";
    if (argc >= 3 && strcmp(argv[1], "init") == 0)
        return stick_init(ctx, argc, argv);
    if (argc == 2 && strcmp(argv[1], "list") == 0)
        return stick_list(ctx);
    if (argc == 3 && strcmp(argv[1], "revoke") == 0)
        return stick_revoke(ctx, argv[2]);
    fprintf(ctx->err, "%s", usage);
    return 2;
}

/* ---- vaermed pin set */

int cli_pin(const cli_ctx *ctx, int argc, char **argv)
{
    if (argc != 2 || strcmp(argv[1], "set") != 0) {
        fprintf(ctx->err, "usage: vaermed pin set [--config PATH]\n");
        return 2;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    char pin[32] = "", again[32] = "", hash[SEAL_PIN_HASH_MAX];
    int status = 1;
    vm_err err = {0};
    if (!prompt_secret(i18n_text(cat, "The new staff PIN (6 to 8 digits):"), pin, sizeof pin, ctx->err) ||
        !prompt_secret(i18n_text(cat, "The same PIN again:"), again, sizeof again, ctx->err)) {
        fprintf(ctx->err, "vaermed: %s\n", i18n_text(cat, "No PIN was given."));
        goto out;
    }
    if (strcmp(pin, again) != 0) {
        fprintf(ctx->err, "vaermed: %s\n", i18n_text(cat, "The two PINs are not the same."));
        goto out;
    }
    size_t n = strlen(pin);
    bool digits = n >= 6 && n <= 8 && strspn(pin, "0123456789") == n;
    if (!digits) {
        /* 4 digits are 10,000 tries for whoever reads the config: too few for a hash */
        fprintf(ctx->err, "vaermed: %s\n", i18n_text(cat, "The PIN must be 6 to 8 digits."));
        goto out;
    }
    static const char *const drop[] = {"staff_pin", NULL};
    if (seal_pin_hash(pin, hash, &err) != VM_OK ||
        config_write_setting(ctx->config_path, "staff_pin_hash", hash, drop, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    fprintf(ctx->out, "%s %s\n", i18n_text(cat, "The staff PIN is saved as a hash in"), ctx->config_path);
    fprintf(ctx->out, "%s\n",
            i18n_text(cat, "Restart the kiosk to use it: sudo systemctl restart vaermed"));
    status = 0;
out:
    sodium_memzero(pin, sizeof pin);
    sodium_memzero(again, sizeof again);
    langs_free(&l);
    return status;
}

/* ---- vaermed staff-key new | add | list | remove */

static bool make_parent(const char *path)
{
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", path);
    char *dir = dirname(copy);
    if (access(dir, F_OK) == 0)
        return true;
    char cmd[4096];
    /* one level is what a default path needs (~/.config/vaermed) */
    snprintf(cmd, sizeof cmd, "%s", dir);
    char *up = dirname(cmd);
    if (access(up, F_OK) != 0 && mkdir(up, 0700) != 0)
        return false;
    return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

static int staff_key_new(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] =
        "usage: vaermed staff-key new [-o SECRET.key] [--pub FILE.pub] [--stick DIR]\n";
    const char *out = NULL, *pub_path = NULL, *stick = NULL;
    for (int i = 2; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--key") == 0) && v)
            out = v, i++;
        else if (strcmp(argv[i], "--pub") == 0 && v)
            pub_path = v, i++;
        else if (strcmp(argv[i], "--stick") == 0 && v)
            stick = v, i++;
        else {
            fprintf(ctx->err, "%s", usage);
            return 2;
        }
    }
    char def[4096], pub_def[4200];
    if (!out) {
        default_key_path(def, sizeof def);
        out = def;
    }
    if (!pub_path) {
        char copy[4096];
        snprintf(copy, sizeof copy, "%s", out);
        snprintf(pub_def, sizeof pub_def, "%s/personale.pub", dirname(copy));
        pub_path = pub_def;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    int status = 1;
    char pass[256] = "", again[256] = "", *text = NULL;
    vm_err err = {0};
    if (access(out, F_OK) == 0) {
        fprintf(ctx->err, "vaermed: %s %s\n", out,
                i18n_text(cat, "is there already: a new key would make what was sealed for the old one "
                       "unreadable. Give another name with -o."));
        goto out;
    }
    fprintf(ctx->err, "%s\n",
            i18n_text(cat, "Choose a passphrase for the staff key: a few words only the staff know, at "
                   "least 8 characters. Without it nobody can open the sign-ups, not even "
                   "the staff: keep it where the office keeps such things."));
    if (!prompt_secret(i18n_text(cat, "The new staff passphrase:"), pass, sizeof pass, ctx->err) ||
        !prompt_secret(i18n_text(cat, "The same passphrase again:"), again, sizeof again, ctx->err)) {
        fprintf(ctx->err, "vaermed: %s\n", i18n_text(cat, "No passphrase was given."));
        goto out;
    }
    if (strcmp(pass, again) != 0) {
        fprintf(ctx->err, "vaermed: %s\n", i18n_text(cat, "The two passphrases are not the same."));
        goto out;
    }
    seal_public pub;
    if (seal_keypair_new(pass, SEAL_KDF_MODERATE, &text, &pub, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    if (!make_parent(out) || !write_new(out, text, strlen(text), 0600)) {
        fprintf(ctx->err, "vaermed: %s: %s\n", out, strerror(errno));
        goto out;
    }
    char pubfile[512], fp[SEAL_FINGERPRINT_MAX];
    seal_public_file_format(&pub, pubfile, sizeof pubfile);
    seal_fingerprint(&pub, fp);
    unlink(pub_path); /* the public half of an older key is no use any more */
    if (!write_new(pub_path, pubfile, strlen(pubfile), 0644)) {
        fprintf(ctx->err, "vaermed: %s: %s\n", pub_path, strerror(errno));
        goto out;
    }
    fprintf(ctx->out, "%s %s\n", i18n_text(cat, "The staff's secret key (keep it here):"), out);
    fprintf(ctx->out, "%s %s\n", i18n_text(cat, "The staff's public key:"), pub_path);
    if (stick) {
        char vdir[4200], on_stick[4300];
        snprintf(vdir, sizeof vdir, "%s/vaermed", stick);
        if (mkdir(vdir, 0755) != 0 && errno != EEXIST) {
            fprintf(ctx->err, "vaermed: %s: %s\n", vdir, strerror(errno));
            goto out;
        }
        snprintf(on_stick, sizeof on_stick, "%s/" SYNC_STAFF_PUB_FILE, vdir);
        unlink(on_stick);
        if (!write_new(on_stick, pubfile, strlen(pubfile), 0644)) {
            fprintf(ctx->err, "vaermed: %s: %s\n", on_stick, strerror(errno));
            goto out;
        }
        fprintf(ctx->out, "%s %s\n", i18n_text(cat, "Put on the USB stick:"), on_stick);
    }
    fprintf(ctx->out, "%s %s\n", i18n_text(cat, "Fingerprint:"), fp);
    status = 0;
out:
    sodium_memzero(pass, sizeof pass);
    sodium_memzero(again, sizeof again);
    free(text);
    langs_free(&l);
    return status;
}

/* A public key from a personale.pub file, a locked key file, or the key's text. */
static bool public_from_arg(const char *arg, seal_public *pk)
{
    if (seal_public_from_text(arg, pk))
        return true;
    char *text = slurp(arg, 64 * 1024, NULL);
    if (!text)
        return false;
    bool ok = seal_public_file_parse(text, pk, NULL) == VM_OK ||
              seal_secret_file_public(text, pk, NULL) == VM_OK;
    free(text);
    return ok;
}

static int staff_key_add(const cli_ctx *ctx, int argc, char **argv)
{
    const char *what = NULL, *label = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
            label = argv[++i];
        else if (!what && argv[i][0] != '-')
            what = argv[i];
        else
            what = NULL, i = argc;
    }
    if (!what) {
        fprintf(ctx->err, "usage: vaermed staff-key add FILE.pub|KEY [--label NAME]\n");
        return 2;
    }
    seal_public pk;
    if (!public_from_arg(what, &pk)) {
        fprintf(ctx->err, "vaermed: '%s' is no staff public key (a personale.pub file, or the "
                          "key's 44 characters)\n",
                what);
        return 1;
    }
    store *s = cli_open_store(ctx, CLI_CREATE);
    if (!s)
        return 1;
    char text[SEAL_PUBLIC_TEXT_MAX], fp[SEAL_FINGERPRINT_MAX];
    seal_public_to_text(&pk, text);
    seal_fingerprint(&pk, fp);
    bool added = false;
    vm_err err = {0};
    int status = 1;
    if (store_staff_key_add(s, text, label, cli_now(ctx, s), &added, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
    } else {
        fprintf(ctx->out, "%s\t%s\n", fp, added ? "added" : "known already");
        status = 0;
    }
    store_close(s);
    return status;
}

static int staff_key_list(const cli_ctx *ctx)
{
    store *s = cli_open_store(ctx, CLI_READ);
    if (!s)
        return 1;
    store_staff_key *keys = NULL;
    size_t n = 0;
    vm_err err = {0};
    if (store_staff_keys_list(s, &keys, &n, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        store_close(s);
        return 1;
    }
    fprintf(ctx->out, "fingerprint\tlabel\tadded\tkey\n");
    for (size_t i = 0; i < n; i++) {
        seal_public pk;
        char fp[SEAL_FINGERPRINT_MAX] = "?", day[16];
        if (seal_public_from_text(keys[i].public_key, &pk))
            seal_fingerprint(&pk, fp);
        day_text(keys[i].created, day);
        fprintf(ctx->out, "%s\t%s\t%s\t%s\n", fp, keys[i].label[0] ? keys[i].label : "-", day,
                keys[i].public_key);
    }
    for (size_t i = 0; i < ctx->cfg->n_staff_keys; i++) {
        seal_public pk;
        char fp[SEAL_FINGERPRINT_MAX] = "?";
        if (seal_public_from_text(ctx->cfg->staff_keys[i], &pk))
            seal_fingerprint(&pk, fp);
        fprintf(ctx->out, "%s\t(the configuration)\t-\t%s\n", fp, ctx->cfg->staff_keys[i]);
    }
    free(keys);
    store_close(s);
    return 0;
}

static int staff_key_remove(const cli_ctx *ctx, const char *which)
{
    store *s = cli_open_store(ctx, CLI_WRITE);
    if (!s)
        return 1;
    store_staff_key *keys = NULL;
    size_t n = 0;
    vm_err err = {0};
    int status = 1;
    if (store_staff_keys_list(s, &keys, &n, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    const char *hit = NULL;
    for (size_t i = 0; i < n && !hit; i++) {
        seal_public pk;
        char fp[SEAL_FINGERPRINT_MAX] = "";
        if (seal_public_from_text(keys[i].public_key, &pk))
            seal_fingerprint(&pk, fp);
        if (strcasecmp(fp, which) == 0 || strcmp(keys[i].public_key, which) == 0)
            hit = keys[i].public_key;
    }
    if (!hit) {
        fprintf(ctx->err, "vaermed: no staff key '%s' here (see `vaermed staff-key list`)\n",
                which);
        goto out;
    }
    if (store_staff_key_remove(s, hit, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    fprintf(ctx->out, "%s\tremoved\n", which);
    status = 0;
out:
    free(keys);
    store_close(s);
    return status;
}

int cli_staff_key(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] =
        "usage: vaermed staff-key new [-o SECRET.key] [--pub FILE.pub] [--stick DIR]\n"
        "       vaermed staff-key add FILE.pub|KEY [--label NAME]\n"
        "       vaermed staff-key list\n"
        "       vaermed staff-key remove FINGERPRINT\n";
    if (argc >= 2 && strcmp(argv[1], "new") == 0)
        return staff_key_new(ctx, argc, argv);
    if (argc >= 3 && strcmp(argv[1], "add") == 0)
        return staff_key_add(ctx, argc, argv);
    if (argc == 2 && strcmp(argv[1], "list") == 0)
        return staff_key_list(ctx);
    if (argc == 3 && strcmp(argv[1], "remove") == 0)
        return staff_key_remove(ctx, argv[2]);
    fprintf(ctx->err, "%s", usage);
    return 2;
}

/* ---- vaermed open-export FILE... */

int cli_open_export(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] =
        "usage: vaermed open-export FILE.vaermed... [-o OUT | --dir FOLDER] [--key STAFF.KEY]\n";
    const char *files[64], *out = NULL, *dir = ".", *key_path = NULL;
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "-o") == 0 && v)
            out = v, i++;
        else if (strcmp(argv[i], "--dir") == 0 && v)
            dir = v, i++;
        else if (strcmp(argv[i], "--key") == 0 && v)
            key_path = v, i++;
        else if (argv[i][0] != '-' && n < 64)
            files[n++] = argv[i];
        else
            n = 0, i = argc;
    }
    if (!n || (out && n > 1)) {
        fprintf(ctx->err, "%s", usage);
        return 2;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    seal_secret key;
    int status = 1;
    if (cli_unlock_staff_key(ctx, key_path, &key) != 0) {
        langs_free(&l);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = 0, plen = 0;
        uint8_t *plain = NULL;
        char *data = slurp(files[i], FILE_MAX, &len);
        if (!data) {
            fprintf(ctx->err, "vaermed: %s: %s\n", files[i], strerror(errno));
            goto out;
        }
        vm_err err = {0};
        vm_status st = seal_decrypt(&key, data, len, &plain, &plen, &err);
        free(data);
        if (st != VM_OK) {
            fprintf(ctx->err, "vaermed: %s: %s\n", files[i], err.msg);
            goto out;
        }
        char target[4096], copy[4096];
        if (out) {
            snprintf(target, sizeof target, "%s", out);
        } else {
            snprintf(copy, sizeof copy, "%s", files[i]);
            char *base = basename(copy);
            size_t bl = strlen(base), sl = strlen(SEAL_SUFFIX);
            if (bl > sl && strcmp(base + bl - sl, SEAL_SUFFIX) == 0)
                base[bl - sl] = '\0';
            snprintf(target, sizeof target, "%s/%s", dir, base);
        }
        bool ok = write_new(target, plain, plen, 0600);
        int e = errno;
        sodium_memzero(plain, plen);
        free(plain);
        if (!ok) {
            fprintf(ctx->err, "vaermed: %s: %s%s\n", target, strerror(e),
                    e == EEXIST ? i18n_text(cat, " (it is not replaced: move it away or give -o)") : "");
            goto out;
        }
        fprintf(ctx->out, "%s\t%s\n", i18n_text(cat, "Opened:"), target);
    }
    status = 0;
out:
    seal_secret_wipe(&key);
    langs_free(&l);
    return status;
}

/* vaermed kiosk key: this kiosk's public key, as the line the estate's other kiosks put in
 * their config (estate_kiosk_key =), with its fingerprint to compare. The key pair comes
 * from the kiosk's secret (core/code.h, code_kiosk_seed); its secret half is never shown. */
int cli_kiosk(const cli_ctx *ctx, int argc, char **argv)
{
    if (argc != 2 || strcmp(argv[1], "key") != 0) {
        fprintf(ctx->err, "usage: vaermed kiosk key [--db PATH]\n");
        return 2;
    }
    vm_err err = {0};
    code_key key;
    uint8_t seed[SEAL_KEY_BYTES];
    seal_secret self;
    if (secret_load(ctx->db_path, true, &key, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return 1;
    }
    code_kiosk_seed(&key, seed);
    memset(&key, 0, sizeof key);
    vm_status st = seal_secret_from_seed(seed, &self, &err);
    memset(seed, 0, sizeof seed);
    if (st != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return 1;
    }
    char text[SEAL_PUBLIC_TEXT_MAX], fp[SEAL_FINGERPRINT_MAX];
    seal_public_to_text(&self.pub, text);
    seal_fingerprint(&self.pub, fp);
    seal_secret_wipe(&self);
    fprintf(ctx->out, "# this kiosk's key (fingerprint %s): put this line in the settings of\n"
                      "# the estate's other kiosks, so that cancel codes work on all of them\n"
                      "estate_kiosk_key = %s\n",
            fp, text);
    return 0;
}
