/* vaermed update: the estate's update key, and signing and checking a new Vær med for the
 * kiosks' staff sticks (app/update.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/langs.h"
#include "services/update.h"

static const char usage_text[] =
    "usage: vaermed update keygen DIR                  a new estate update key in DIR\n"
    "       vaermed update sign FILE.deb --key FILE    writes FILE.deb.sig\n"
    "       vaermed update verify FILE.deb [--sig FILE] checks it with update_key\n";

static const i18n_catalog *language(const cli_ctx *ctx, langs *l)
{
    langs_load(l, ctx->cfg, NULL);
    const i18n_catalog *cat = NULL;
    if (ctx->cfg && ctx->cfg->n_languages)
        cat = langs_find(l, ctx->cfg->languages[0]);
    return cat ? cat : langs_find(l, "da");
}

static char *read_small(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(max + 1);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    fclose(f);
    if (!buf || n > max) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int keygen(const cli_ctx *ctx, const i18n_catalog *cat, const char *dir)
{
    char pub[65], sec[129], path[4096];
    vm_err err = {0};
    snprintf(path, sizeof path, "%s/estate-update.key", dir);
    if (update_keygen(pub, sec, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return 1;
    }
    /* Never over an existing key: the kiosks trust that one. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        fprintf(ctx->err, "vaermed: %s: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return 1;
    }
    bool ok = fprintf(f, "%s\n", sec) > 0;
    ok = fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
    ok = fclose(f) == 0 && ok;
    memset(sec, 0, sizeof sec);
    if (!ok) {
        fprintf(ctx->err, "vaermed: %s: %s\n", path, strerror(errno));
        unlink(path);
        return 1;
    }
    fprintf(ctx->out, "%s %s\n",
            i18n_text(cat, "The secret update key is in"), path);
    fprintf(ctx->out, "%s\n",
            i18n_text(cat, "Keep it safe, away from the kiosks and never on a staff stick."));
    fprintf(ctx->out, "%s\nupdate_key = %s\n",
            i18n_text(cat, "Put this line in every kiosk's settings:"), pub);
    return 0;
}

static int sign(const cli_ctx *ctx, const i18n_catalog *cat, const char *deb, const char *keyfile)
{
    size_t len = 0;
    char *key = read_small(keyfile, 256, &len);
    if (!key) {
        fprintf(ctx->err, "vaermed: %s: %s\n", keyfile, strerror(errno ? errno : EINVAL));
        return 1;
    }
    key[strcspn(key, "\r\n")] = '\0';
    char sig[UPDATE_SIG_MAX], path[4096];
    vm_err err = {0};
    vm_status st = update_sign(deb, key, sig, sizeof sig, cat, &err);
    memset(key, 0, len);
    free(key);
    if (st != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return 1;
    }
    snprintf(path, sizeof path, "%s.sig", deb);
    FILE *f = fopen(path, "wb");
    bool ok = f && fputs(sig, f) >= 0;
    if (f)
        ok = fclose(f) == 0 && ok;
    if (!ok) {
        fprintf(ctx->err, "vaermed: %s: %s\n", path, strerror(errno));
        return 1;
    }
    fprintf(ctx->out, "%s %s\n", i18n_text(cat, "The signature is in"), path);
    return 0;
}

static int verify(const cli_ctx *ctx, const i18n_catalog *cat, const char *deb, const char *sigfile)
{
    char path[4096];
    if (!sigfile) {
        snprintf(path, sizeof path, "%s.sig", deb);
        sigfile = path;
    }
    size_t len = 0;
    char *sig = read_small(sigfile, UPDATE_SIG_MAX, &len);
    if (!sig) {
        fprintf(ctx->err, "vaermed: %s: %s\n", sigfile, strerror(errno ? errno : EFBIG));
        return 1;
    }
    update_manifest m;
    vm_err err = {0};
    vm_status st =
        update_verify(deb, sig, len, ctx->cfg ? ctx->cfg->update_key : "", &m, cat, &err);
    free(sig);
    if (st != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return 1;
    }
    fprintf(ctx->err, "%s\n", i18n_text(cat, "The update is signed with the estate's update key."));
    fprintf(ctx->out, "%s %s %s\n", m.package, m.version, m.arch);
    return 0;
}

int cli_update(const cli_ctx *ctx, int argc, char **argv)
{
    langs l = {0};
    const i18n_catalog *cat = language(ctx, &l);
    int status = 2;
    if (argc == 3 && strcmp(argv[1], "keygen") == 0) {
        status = keygen(ctx, cat, argv[2]);
    } else if (argc == 5 && strcmp(argv[1], "sign") == 0 && strcmp(argv[3], "--key") == 0) {
        status = sign(ctx, cat, argv[2], argv[4]);
    } else if ((argc == 3 || (argc == 5 && strcmp(argv[3], "--sig") == 0)) &&
               strcmp(argv[1], "verify") == 0) {
        status = verify(ctx, cat, argv[2], argc == 5 ? argv[4] : NULL);
    } else {
        fputs(usage_text, ctx->err);
    }
    langs_free(&l);
    return status;
}
