#include "config/config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utf8.h"
#include "seal/seal.h"

void config_defaults(config *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->estate_name, sizeof c->estate_name, "Fælleshuset");
    snprintf(c->languages[0], sizeof c->languages[0], "da");
    snprintf(c->languages[1], sizeof c->languages[1], "en");
    c->n_languages = 2;
    c->night_start_min = c->night_end_min = -1;
    c->retention_days = 30;
    snprintf(c->stick_roots[0], sizeof c->stick_roots[0], "/media");
    snprintf(c->stick_roots[1], sizeof c->stick_roots[1], "/run/media");
    c->n_stick_roots = 2;
    c->idle_seconds = 60;
    c->sync_folder_minutes = 15;
    c->screen_diagonal_inch = 0; /* the usual panel of the resolution (ui_panel_inches) */
}

static void problem(config *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Keeps a wrong line's reason for the admin screen and the journal; the setting keeps its
 * default, so one typo never keeps the kiosk dark. */
static void problem(config *c, int line, const char *fmt, ...)
{
    if (c->n_problems >= CONFIG_PROBLEMS_MAX)
        return;
    va_list ap;
    va_start(ap, fmt);
    c->problems[c->n_problems].line = line;
    vsnprintf(c->problems[c->n_problems].msg, sizeof c->problems[c->n_problems].msg, fmt, ap);
    va_end(ap);
    c->n_problems++;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

static bool parse_int(const char *v, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return false;
    *out = (int)n;
    return true;
}

static bool parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = {"yes", "ja", "true", "on", "1"};
    static const char *const no[] = {"no", "nej", "false", "off", "0"};
    for (size_t i = 0; i < 5; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return *out = true, true;
        if (strcasecmp(v, no[i]) == 0)
            return *out = false, true;
    }
    return false;
}

/* "HH:MM" -> minutes after midnight. */
static bool parse_clock(const char *v, int *minutes)
{
    int h, m;
    char tail;
    if (sscanf(v, "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

static bool is_hex64(const char *v)
{
    if (strlen(v) != 64)
        return false;
    for (const char *p = v; *p; p++)
        if (!isxdigit((unsigned char)*p))
            return false;
    return true;
}

static bool all_digits(const char *v, size_t min, size_t max)
{
    size_t n = strlen(v);
    if (n < min || n > max)
        return false;
    for (const char *p = v; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    return true;
}

static bool copy_text(char *dst, size_t size, const char *v)
{
    if (!utf8_valid(v, strlen(v)) || strlen(v) >= size)
        return false;
    utf8_clean_line(v, dst, size);
    return true;
}

static void apply(config *c, int line, const char *key, const char *v)
{
    int n;
    bool b;
    if (strcmp(key, "estate_name") == 0) {
        if (!copy_text(c->estate_name, sizeof c->estate_name, v))
            problem(c, line, "estate_name: '%s' is not readable text", v);
    } else if (strcmp(key, "kiosk_name") == 0) {
        if (!copy_text(c->kiosk_name, sizeof c->kiosk_name, v))
            problem(c, line, "kiosk_name: '%s' is not readable text", v);
    } else if (strcmp(key, "database") == 0) {
        if (v[0] != '/' || strlen(v) >= sizeof c->db_path)
            problem(c, line, "database: '%s' must be an absolute path", v);
        else
            snprintf(c->db_path, sizeof c->db_path, "%s", v);
    } else if (strcmp(key, "languages") == 0) {
        char buf[CONFIG_STR_MAX];
        snprintf(buf, sizeof buf, "%s", v);
        size_t count = 0;
        char langs[CONFIG_LIST_MAX][8];
        for (char *save = NULL, *tok = strtok_r(buf, " ,", &save); tok;
             tok = strtok_r(NULL, " ,", &save)) {
            if (strlen(tok) < 2 || strlen(tok) > 7 || count == CONFIG_LIST_MAX) {
                problem(c, line, "languages: '%s' is not a language code like da, en, ar", tok);
                return;
            }
            snprintf(langs[count++], sizeof langs[0], "%s", tok);
        }
        if (count == 0) {
            problem(c, line, "languages: the list is empty");
            return;
        }
        memcpy(c->languages, langs, sizeof langs);
        c->n_languages = count;
    } else if (strcmp(key, "rotation") == 0) {
        if (!parse_int(v, 0, 270, &n) || n % 90)
            problem(c, line, "rotation: '%s' must be 0, 90, 180 or 270", v);
        else
            c->rotation = n;
    } else if (strcmp(key, "night") == 0) {
        char a[16], bb[16];
        int s, e;
        if (strcasecmp(v, "off") == 0 || strcasecmp(v, "nej") == 0) {
            c->night_start_min = c->night_end_min = -1;
        } else if (sscanf(v, "%15[^- ] - %15s", a, bb) == 2 && parse_clock(a, &s) &&
                   parse_clock(bb, &e) && s != e) {
            c->night_start_min = s;
            c->night_end_min = e;
        } else {
            problem(c, line, "night: '%s' must look like 23:00-06:00, or off", v);
        }
    } else if (strcmp(key, "staff_pin") == 0) {
        if (!all_digits(v, 4, 8)) {
            problem(c, line, "staff_pin: must be 4 to 8 digits");
        } else {
            snprintf(c->staff_pin, sizeof c->staff_pin, "%s", v);
            /* It works, but anyone who reads the file has it: said until it is hashed. */
            problem(c, line, "staff_pin: the PIN is written here in plain text; `vaermed pin "
                             "set` stores it as a hash (the PIN works meanwhile)");
        }
    } else if (strcmp(key, "staff_pin_hash") == 0) {
        if (!seal_pin_hash_valid(v))
            problem(c, line, "staff_pin_hash: not a PIN hash; make one with `vaermed pin set`");
        else
            snprintf(c->staff_pin_hash, sizeof c->staff_pin_hash, "%s", v);
    } else if (strcmp(key, "staff_key") == 0) {
        seal_public pk;
        if (!seal_public_from_text(v, &pk))
            problem(c, line, "staff_key: '%s' is not a staff public key (44 characters)", v);
        else if (c->n_staff_keys == CONFIG_LIST_MAX)
            problem(c, line, "staff_key: at most 8 keys");
        else
            seal_public_to_text(&pk, c->staff_keys[c->n_staff_keys++]);
    } else if (strcmp(key, "estate_kiosk_key") == 0) {
        seal_public pk;
        if (!seal_public_from_text(v, &pk))
            problem(c, line, "estate_kiosk_key: '%s' is not a kiosk's public key (44 characters)",
                    v);
        else if (c->n_peer_keys == sizeof c->peer_keys / sizeof c->peer_keys[0])
            problem(c, line, "estate_kiosk_key: at most 16 kiosks");
        else
            seal_public_to_text(&pk, c->peer_keys[c->n_peer_keys++]);
    } else if (strcmp(key, "stick_key") == 0) {
        if (!is_hex64(v))
            problem(c, line, "stick_key: '%s' is not a key hash (64 hex digits)", v);
        else if (c->n_stick_keys == CONFIG_LIST_MAX)
            problem(c, line, "stick_key: at most 8 keys");
        else
            snprintf(c->stick_keys[c->n_stick_keys++], sizeof c->stick_keys[0], "%s", v);
    } else if (strcmp(key, "update_key") == 0) {
        if (!is_hex64(v))
            problem(c, line, "update_key: '%s' is not a public key (64 hex digits)", v);
        else
            snprintf(c->update_key, sizeof c->update_key, "%s", v);
    } else if (strcmp(key, "signup_url_template") == 0) {
        if (!strstr(v, "{uid}") || strlen(v) >= sizeof c->url_template)
            problem(c, line, "signup_url_template: '%s' must contain {uid}", v);
        else
            snprintf(c->url_template, sizeof c->url_template, "%s", v);
    } else if (strcmp(key, "retention_days") == 0) {
        if (!parse_int(v, 1, 3650, &n))
            problem(c, line, "retention_days: '%s' must be a number of days from 1 to 3650", v);
        else
            c->retention_days = n;
    } else if (strcmp(key, "stick_root") == 0) {
        if (v[0] != '/' || strlen(v) >= CONFIG_STR_MAX)
            problem(c, line, "stick_root: '%s' must be an absolute folder", v);
        else if (c->n_stick_roots == CONFIG_LIST_MAX)
            problem(c, line, "stick_root: at most 8 folders");
        else
            snprintf(c->stick_roots[c->n_stick_roots++], CONFIG_STR_MAX, "%s", v);
    } else if (strcmp(key, "sync_folder") == 0) {
        if (v[0] != '/' || strlen(v) >= CONFIG_STR_MAX)
            problem(c, line, "sync_folder: '%s' must be an absolute folder", v);
        else
            snprintf(c->sync_folder, sizeof c->sync_folder, "%s", v);
    } else if (strcmp(key, "sync_folder_minutes") == 0) {
        if (!parse_int(v, 1, 1440, &n))
            problem(c, line, "sync_folder_minutes: '%s' must be 1 to 1440", v);
        else
            c->sync_folder_minutes = n;
    } else if (strcmp(key, "syncthing_home") == 0) {
        if (v[0] != '/' || strlen(v) >= CONFIG_STR_MAX)
            problem(c, line, "syncthing_home: '%s' must be an absolute folder", v);
        else
            snprintf(c->syncthing_home, sizeof c->syncthing_home, "%s", v);
    } else if (strcmp(key, "idle_seconds") == 0) {
        if (!parse_int(v, 10, 3600, &n))
            problem(c, line, "idle_seconds: '%s' must be 10 to 3600", v);
        else
            c->idle_seconds = n;
    } else if (strcmp(key, "screen_inches") == 0) {
        char *end;
        double d = strtod(v, &end);
        if (end == v || *end || d < 3 || d > 100)
            problem(c, line, "screen_inches: '%s' must be the diagonal in inches, 3 to 100", v);
        else
            c->screen_diagonal_inch = d;
    } else if (strcmp(key, "fullscreen") == 0) {
        if (!parse_bool(v, &b))
            problem(c, line, "fullscreen: '%s' must be yes or no", v);
        else
            c->fullscreen = b;
    } else {
        problem(c, line, "unknown setting '%s'", key);
    }
}

void config_parse(config *c, const char *text)
{
    bool roots_from_file = false;
    int line_no = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[2 * CONFIG_STR_MAX];
        line_no++;
        if (len >= sizeof line) {
            problem(c, line_no, "the line is too long");
        } else {
            memcpy(line, p, len);
            line[len] = '\0';
            char *hash = strchr(line, '#');
            if (hash)
                *hash = '\0';
            char *s = trim(line);
            if (*s) {
                char *eq = strchr(s, '=');
                if (!eq) {
                    problem(c, line_no, "'%s' is not of the form key = value", s);
                } else {
                    *eq = '\0';
                    char *key = trim(s), *value = trim(eq + 1);
                    /* The first stick_root in a file replaces the defaults. */
                    if (strcmp(key, "stick_root") == 0 && !roots_from_file) {
                        roots_from_file = true;
                        c->n_stick_roots = 0;
                    }
                    apply(c, line_no, key, value);
                }
            }
        }
        p += len + (nl ? 1 : 0);
    }
}

vm_status config_load(config *c, const char *path, vm_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(err, errno == ENOENT ? VM_ERR_NOT_FOUND : VM_ERR_IO,
                       "Cannot read the configuration %s: %s", path, strerror(errno));
    char *text = NULL;
    size_t cap = 0, n = 0;
    vm_status st = VM_OK;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            if (cap > 1 << 20) {
                st = err_set(err, VM_ERR_INVALID, "The configuration %s is too big.", path);
                goto out;
            }
            char *bigger = realloc(text, cap ? cap * 2 : 8192);
            if (!bigger) {
                st = err_set(err, VM_ERR_NOMEM, "Out of memory reading %s.", path);
                goto out;
            }
            text = bigger;
            cap = cap ? cap * 2 : 8192;
        }
        size_t got = fread(text + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    text[n] = '\0';
    config_parse(c, text);
out:
    free(text);
    fclose(f);
    return st;
}

bool config_has_pin(const config *c)
{
    return c->staff_pin_hash[0] || c->staff_pin[0];
}

static bool line_key_is(const char *line, size_t len, const char *key)
{
    size_t k = strlen(key);
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    if (len <= k || strncmp(line, key, k) != 0)
        return false;
    line += k, len -= k;
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    return len && *line == '=';
}

vm_status config_write_setting(const char *path, const char *key, const char *value,
                               const char *const *drop, vm_err *err)
{
    char *old = NULL, *out = NULL, tmp[4200];
    size_t old_len = 0, o = 0;
    vm_status st = VM_OK;
    struct stat info;
    bool existed = stat(path, &info) == 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        old = malloc(1 << 20);
        old_len = old ? fread(old, 1, (1 << 20) - 1, f) : 0;
        if (old)
            old[old_len] = '\0';
        fclose(f);
        if (!old)
            return err_set(err, VM_ERR_NOMEM, "Out of memory reading %s.", path);
    } else if (errno != ENOENT) {
        return err_set(err, VM_ERR_IO, "Cannot read the configuration %s: %s", path,
                       strerror(errno));
    }
    size_t cap = old_len + strlen(key) + strlen(value) + 16;
    out = malloc(cap);
    if (!out) {
        free(old);
        return err_set(err, VM_ERR_NOMEM, "Out of memory writing %s.", path);
    }
    bool written = false;
    for (const char *p = old ? old : ""; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        bool ours = line_key_is(p, len, key);
        for (size_t i = 0; drop && drop[i] && !ours; i++)
            ours = line_key_is(p, len, drop[i]);
        if (ours && !written) {
            o += (size_t)snprintf(out + o, cap - o, "%s = %s\n", key, value);
            written = true;
        } else if (!ours) {
            memcpy(out + o, p, len);
            o += len;
            if (!nl) /* a last line without its newline */
                out[o++] = '\n';
        }
        p += len;
    }
    if (!written)
        o += (size_t)snprintf(out + o, cap - o, "%s = %s\n", key, value);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, existed ? info.st_mode & 07777
                                                                           : 0600);
    bool ok = fd >= 0;
    if (ok && existed && geteuid() == 0 && fchown(fd, info.st_uid, info.st_gid) != 0)
        ok = false;
    if (ok && existed)
        ok = fchmod(fd, info.st_mode & 07777) == 0;
    ok = ok && write(fd, out, o) == (ssize_t)o && fsync(fd) == 0;
    int e = errno;
    if (fd >= 0)
        close(fd);
    if (ok && rename(tmp, path) != 0) {
        e = errno;
        ok = false;
    }
    if (!ok) {
        unlink(tmp);
        st = err_set(err, VM_ERR_IO, "Cannot write the configuration %s: %s", path,
                     strerror(e));
    }
    free(old);
    free(out);
    return st;
}
