/* Updates on a staff stick, from the kiosk's side (app/update.h has the whole story): the
 * kiosk checks a signed new Vær med and leaves it for the installer (root), and says on the
 * sync screen what it did, and what the installer did last. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kiosk/kiosk_update.h"

#include "kiosk/kiosk_screen.h"
#include "platform/logmsg.h"
#include "services/update.h"

#ifndef VAERMED_DEB_ARCH
#define VAERMED_DEB_ARCH "unknown"
#endif

static const char *update_dir(void)
{
    const char *d = getenv("VAERMED_UPDATE_DIR");
    return d && *d ? d : "/var/lib/vaermed/update-incoming";
}

static const char *result_path(void)
{
    const char *p = getenv("VAERMED_UPDATE_RESULT");
    return p && *p ? p : "/var/lib/vaermed-update/result";
}

static void append(char *text, size_t size, const char *sentence)
{
    size_t n = strlen(text);
    snprintf(text + n, size - n, "%s%s", n ? " " : "", sentence);
}

static const char *staff(const kiosk *k, const char *msgid)
{
    return i18n_text_ctx(kiosk_staff_catalog(k), "staff", msgid);
}

/* The installer (deploy/raspberry-pi/vaermed-update.sh) writes its own reasons in English
 * and a refusal of `vaermed update verify` already in the kiosk's language: its own are
 * said here in the staff's language. */
static const char *const INSTALLER_REASONS[] = {
    N_("the update folder held something else than a package"),
    N_("the package is not the one the signature names"),
    N_("the installed version is as new or newer"),
    N_("the installed version could not be kept for a roll-back"),
    N_("it did not start"),
    N_("dpkg could not install it"),
};

static const char *installer_words(const kiosk *k, const char *reason)
{
    for (size_t i = 0; i < sizeof INSTALLER_REASONS / sizeof INSTALLER_REASONS[0]; i++)
        if (strcmp(reason, INSTALLER_REASONS[i]) == 0)
            return i18n_text(kiosk_staff_catalog(k), INSTALLER_REASONS[i]);
    return reason;
}

/* The installer's last word (written by vaermed-update as root), when it is from the last
 * hour: "state", "version", "previous", "reason" lines. */
static void last_result(const kiosk *k, char *text, size_t size)
{
    struct stat sb;
    const char *path = result_path();
    if (stat(path, &sb) != 0 || time(NULL) - sb.st_mtime > 3600)
        return;
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512], state[32] = "", version[64] = "", previous[64] = "", reason[400] = "";
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = '\0';
        const char *v = sp + 1;
        if (strcmp(line, "state") == 0)
            snprintf(state, sizeof state, "%s", v);
        else if (strcmp(line, "version") == 0)
            snprintf(version, sizeof version, "%s", v);
        else if (strcmp(line, "previous") == 0)
            snprintf(previous, sizeof previous, "%s", v);
        else if (strcmp(line, "reason") == 0)
            snprintf(reason, sizeof reason, "%s", v);
    }
    fclose(f);
    char s[1024];
    if (strcmp(state, "installed") == 0)
        i18n_format(s, sizeof s, staff(k, "Vær med %s is installed (it was %s)."), version,
                    previous);
    else if (strcmp(state, "rolled-back") == 0)
        i18n_format(s, sizeof s,
                    staff(k, "Vær med %s did not start, so %s is back (%s)."), version,
                    previous, installer_words(k, reason));
    else if (strcmp(state, "refused") == 0)
        i18n_format(s, sizeof s, staff(k, "The update to %s was not installed: %s"), version,
                    installer_words(k, reason));
    else
        return;
    append(text, size, s);
}

/* Copies `name` from folder `from` (on the stick) to `to_dir/tmp_name`, refusing links and
 * what is too big; VM_OK when the copy is whole and on disk. */
static vm_status copy_in(const kiosk *k, int from, const char *name, int to_dir,
                         const char *tmp_name, size_t max, bool folder, vm_err *err)
{
    int in = openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0)
        return err_set(err, VM_ERR_IO, staff(k, "%s cannot be read: %s."), name,
                       strerror(errno));
    int out = openat(to_dir, tmp_name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                     0640);
    vm_status st = VM_OK;
    struct stat sb;
    if (out < 0) {
        st = err_set(err, VM_ERR_IO, staff(k, "The update folder cannot be written: %s."),
                     strerror(errno));
        goto out;
    }
    if (fstat(in, &sb) != 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size > max) {
        st = err_set(err, VM_ERR_REFUSED, staff(k, "%s is not a file an update can be."), name);
        goto out;
    }
    char buf[65536];
    size_t total = 0;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 || (n > 0 && (total += (size_t)n) > max) ||
            (n > 0 && write(out, buf, (size_t)n) != n)) {
            st = err_set(err, VM_ERR_IO,
                         folder ? staff(k, "%s could not be copied from the synced folder.")
                                : staff(k, "%s could not be copied from the stick."),
                         name);
            goto out;
        }
        if (n == 0)
            break;
    }
    if (fsync(out) != 0)
        st = err_set(err, VM_ERR_IO, staff(k, "The update folder cannot be written: %s."),
                     strerror(errno));
out:
    if (out >= 0)
        close(out);
    close(in);
    if (st != VM_OK)
        unlinkat(to_dir, tmp_name, 0);
    return st;
}

/* The newest vaermed_<version>_<arch>.deb for this kiosk in the stick's folder, newer than
 * this version; "" when there is none. */
static void newest_offer(int dir, char *name, size_t size, char *version, size_t vsize)
{
    name[0] = version[0] = '\0';
    int fd = dup(dir);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char package[32], v[64], arch[16];
        if (!update_parse_name(e->d_name, package, sizeof package, v, sizeof v, arch,
                               sizeof arch) ||
            strcmp(package, "vaermed") != 0 || strcmp(arch, VAERMED_DEB_ARCH) != 0 ||
            update_version_compare(v, VAERMED_VERSION) <= 0 ||
            (version[0] && update_version_compare(v, version) <= 0))
            continue;
        snprintf(name, size, "%s", e->d_name);
        snprintf(version, vsize, "%s", v);
    }
    closedir(d);
}

/* The installer's result names `version` as rolled back or refused (at any age). */
static bool installer_gave_up(const char *version)
{
    FILE *f = fopen(result_path(), "r");
    if (!f)
        return false;
    char line[512], state[32] = "", v[64] = "";
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "state ", 6) == 0)
            snprintf(state, sizeof state, "%.*s", (int)sizeof state - 1, line + 6);
        else if (strncmp(line, "version ", 8) == 0)
            snprintf(v, sizeof v, "%.*s", (int)sizeof v - 1, line + 8);
    }
    fclose(f);
    return strcmp(v, version) == 0 &&
           (strcmp(state, "rolled-back") == 0 || strcmp(state, "refused") == 0);
}

/* Whether the offer in the synced folder is one already handled; else remembers it as
 * handled (handed on or refused) when `remember`. */
static bool folder_seen(kiosk *k, int from, const char *name, bool remember)
{
    struct stat sb;
    char id[sizeof k->folder_update];
    if (fstatat(from, name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    snprintf(id, sizeof id, "%.255s %lld %lld", name, (long long)sb.st_size,
             (long long)sb.st_mtime);
    if (strcmp(id, k->folder_update) == 0)
        return true;
    if (remember)
        snprintf(k->folder_update, sizeof k->folder_update, "%s", id);
    return false;
}

static bool nobody_at_screen(const kiosk *k)
{
    if (k->screen_off)
        return true;
    return k->input_ticks == 0 || SDL_GetTicks() - k->input_ticks >= UPDATE_FOLDER_IDLE_MS;
}

static void offer(kiosk *k, const char *stick, bool folder, char *text, size_t size)
{
    char path[SYNC_WATCH_PATH_MAX + 64], name[256], version[64], tmp_deb[300], tmp_sig[300];
    snprintf(path, sizeof path, "%s/%s/%s", stick, SYNC_FOLDER, UPDATE_STICK_FOLDER);
    int from = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (from < 0)
        return; /* no updates on this stick */
    int to = -1;
    char *sig = NULL;
    vm_err err = {0};
    char s[1024];
    newest_offer(from, name, sizeof name, version, sizeof version);
    if (!name[0])
        goto out;
    if (folder) {
        if (folder_seen(k, from, name, false))
            goto out;
        if (installer_gave_up(version)) {
            folder_seen(k, from, name, true);
            i18n_format(s, sizeof s,
                        staff(k, "Vær med %s in the synced folder was not offered again: "
                                 "the installer already gave it up. Put a newer one there."),
                        version);
            append(text, size, s);
            goto out;
        }
        if (!nobody_at_screen(k)) {
            logmsg(LOG_NOTICE, "update %s in the synced folder waits until nobody uses the "
                               "screen", version);
            goto out;
        }
    }
    if (!k->opt->cfg->update_key[0]) {
        if (folder)
            folder_seen(k, from, name, true);
        i18n_format(s, sizeof s,
                    folder ? staff(k, "The synced folder carries Vær med %s, but this kiosk "
                                      "has no update key (update_key in its settings), so it "
                                      "was not installed.")
                           : staff(k, "The stick carries Vær med %s, but this kiosk has no "
                                      "update key (update_key in its settings), so it was not "
                                      "installed."),
                    version);
        append(text, size, s);
        goto out;
    }
    to = open(update_dir(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    snprintf(tmp_deb, sizeof tmp_deb, ".incoming-%s", name);
    snprintf(tmp_sig, sizeof tmp_sig, ".incoming-%s.sig", name);
    char sig_name[300];
    snprintf(sig_name, sizeof sig_name, "%s.sig", name);
    if (to < 0) {
        err_set(&err, VM_ERR_IO, staff(k, "%s cannot be used: %s."), update_dir(),
                strerror(errno));
    } else if (copy_in(k, from, sig_name, to, tmp_sig, UPDATE_SIG_MAX, folder, &err) == VM_OK &&
               copy_in(k, from, name, to, tmp_deb, UPDATE_MAX_BYTES, folder, &err) == VM_OK) {
        /* What is checked is the copy, which is what the installer gets. */
        char full_sig[4096];
        snprintf(full_sig, sizeof full_sig, "%s/%s", update_dir(), tmp_sig);
        FILE *f = fopen(full_sig, "rb");
        sig = malloc(UPDATE_SIG_MAX + 1);
        size_t len = f && sig ? fread(sig, 1, UPDATE_SIG_MAX, f) : 0;
        if (f)
            fclose(f);
        char named[4096];
        snprintf(named, sizeof named, "%s/%s", update_dir(), name);
        /* update_verify reads the package's name from the path: check under its own name. */
        if (sig && renameat(to, tmp_deb, to, name) == 0 &&
            update_verify(named, sig, len, k->opt->cfg->update_key, NULL,
                          kiosk_staff_catalog(k), &err) == VM_OK &&
            renameat(to, tmp_sig, to, sig_name) == 0) {
            i18n_format(s, sizeof s,
                        folder ? staff(k, "Vær med %s is on its way in from the synced folder: "
                                          "it is installed now, and the kiosk starts again in "
                                          "a minute.")
                               : staff(k, "Vær med %s is on its way in: it is installed now, "
                                          "and the kiosk starts again in a minute. Leave the "
                                          "stick in to see how it went."),
                        version);
            append(text, size, s);
            logmsg(LOG_NOTICE, "update %s from %s is signed and handed to the installer",
                   version, stick);
            if (folder)
                folder_seen(k, from, name, true);
            goto out;
        }
        unlinkat(to, name, 0);
    }
    if (to >= 0) {
        unlinkat(to, tmp_deb, 0);
        unlinkat(to, tmp_sig, 0);
    }
    i18n_format(s, sizeof s,
                folder ? staff(k, "The update to %s in the synced folder was not installed: %s")
                       : staff(k, "The update to %s on the stick was not installed: %s"),
                version, err.msg);
    append(text, size, s);
    logmsg(LOG_WARNING, "update %s in %s refused: %s", version, stick, err.msg);
    /* A signature not there yet (Syncthing brings the files one by one) is tried again at
     * the next change; anything else waits until the package changes. */
    if (folder && err.status != VM_ERR_IO)
        folder_seen(k, from, name, true);
out:
    free(sig);
    if (to >= 0)
        close(to);
    close(from);
}

void kiosk_update_from_stick(kiosk *k, const char *stick, char *text, size_t size)
{
    last_result(k, text, size);
    offer(k, stick, false, text, size);
}

void kiosk_update_from_folder(kiosk *k, const char *folder, char *text, size_t size)
{
    offer(k, folder, true, text, size);
}
