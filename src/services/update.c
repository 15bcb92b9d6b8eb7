#include "services/update.h"

#include <stdarg.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* err_set with the staff's words for `msgid` (context "staff"): the reason reaches the kiosk's
 * sync screen and the installer's result, read by staff in the kiosk's language. The
 * catalogs keep a translation's conversions the same as its msgid's. */
static vm_status update_err(vm_err *err, vm_status st, const i18n_catalog *cat,
                            const char *msgid, ...) __attribute__((format(printf, 4, 5)));
static vm_status update_err(vm_err *err, vm_status st, const i18n_catalog *cat,
                            const char *msgid, ...)
{
    va_list ap;
    va_start(ap, msgid);
    err_setv(err, st, i18n_text_ctx(cat, "staff", msgid), ap);
    va_end(ap);
    return st;
}

static bool sodium_ready(const i18n_catalog *cat, vm_err *err)
{
    if (sodium_init() < 0) {
        update_err(err, VM_ERR_INTERNAL, cat,
                   "The cryptography library (libsodium) cannot start.");
        return false;
    }
    return true;
}

static bool from_hex(const char *hex, uint8_t *out, size_t n)
{
    size_t len = 0;
    return hex && strlen(hex) == 2 * n &&
           sodium_hex2bin(out, n, hex, 2 * n, NULL, &len, NULL) == 0 && len == n;
}

vm_status update_keygen(char public_hex[65], char secret_hex[129], vm_err *err)
{
    uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    if (!sodium_ready(NULL, err))
        return VM_ERR_INTERNAL;
    crypto_sign_keypair(pk, sk);
    sodium_bin2hex(public_hex, 65, pk, sizeof pk);
    sodium_bin2hex(secret_hex, 129, sk, sizeof sk);
    sodium_memzero(sk, sizeof sk);
    return VM_OK;
}

bool update_parse_name(const char *name, char *package, size_t psize, char *version,
                       size_t vsize, char *arch, size_t asize)
{
    size_t len = strlen(name);
    if (len < 8 || strcmp(name + len - 4, ".deb") != 0 || strchr(name, '/'))
        return false;
    const char *u1 = strchr(name, '_');
    const char *u2 = u1 ? strchr(u1 + 1, '_') : NULL;
    if (!u1 || !u2 || strchr(u2 + 1, '_') || u1 == name || u2 == u1 + 1 ||
        u2 + 1 >= name + len - 4)
        return false;
    size_t pl = (size_t)(u1 - name), vl = (size_t)(u2 - u1 - 1), al = (size_t)(name + len - 4 - u2 - 1);
    if (pl >= psize || vl >= vsize || al >= asize)
        return false;
    memcpy(package, name, pl);
    package[pl] = '\0';
    memcpy(version, u1 + 1, vl);
    version[vl] = '\0';
    memcpy(arch, u2 + 1, al);
    arch[al] = '\0';
    /* Debian's file names write an epoch's ':' as "%3a". */
    char *pct = strstr(version, "%3a");
    if (pct) {
        *pct = ':';
        memmove(pct + 1, pct + 3, strlen(pct + 3) + 1);
    }
    for (const char *p = version; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr(".+-~:", *p))
            return false;
    return true;
}

/* SHA-256 and size of a file, read in blocks. */
static vm_status hash_file(const char *path, uint8_t out[32], uint64_t *size,
                           const i18n_catalog *cat, vm_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return update_err(err, VM_ERR_IO, cat, "%s cannot be read: %s.", path,
                          strerror(errno));
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    unsigned char buf[65536];
    uint64_t total = 0;
    vm_status status = VM_OK;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0) {
            status = update_err(err, VM_ERR_IO, cat, "%s cannot be read: %s.", path,
                                strerror(errno));
            break;
        }
        if (n == 0)
            break;
        total += (uint64_t)n;
        if (total > UPDATE_MAX_BYTES) {
            status = update_err(err, VM_ERR_REFUSED, cat, "%s is larger than an update can be.",
                                path);
            break;
        }
        crypto_hash_sha256_update(&st, buf, (unsigned long long)n);
    }
    close(fd);
    crypto_hash_sha256_final(&st, out);
    *size = total;
    return status;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

vm_status update_sign(const char *deb_path, const char *secret_hex, char *out, size_t size,
                      const i18n_catalog *cat, vm_err *err)
{
    update_manifest m = {0};
    uint8_t sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
    char hash_hex[65], sig_hex[2 * crypto_sign_BYTES + 1];
    vm_status st = VM_OK;
    if (!sodium_ready(cat, err))
        return VM_ERR_INTERNAL;
    if (!update_parse_name(base_name(deb_path), m.package, sizeof m.package, m.version,
                           sizeof m.version, m.arch, sizeof m.arch))
        return update_err(err, VM_ERR_INVALID, cat,
                          "%s is not named as a package: <package>_<version>_<arch>.deb.",
                          deb_path);
    if (!from_hex(secret_hex, sk, sizeof sk))
        return update_err(err, VM_ERR_INVALID, cat,
                          "The secret update key is not 128 hex digits.");
    if ((st = hash_file(deb_path, m.sha256, &m.size, cat, err)) != VM_OK)
        goto out;
    sodium_bin2hex(hash_hex, sizeof hash_hex, m.sha256, sizeof m.sha256);
    int n = snprintf(out, size,
                     "vaermed-update 1\npackage %s\nversion %s\narchitecture %s\nsize %llu\n"
                     "sha256 %s\n",
                     m.package, m.version, m.arch, (unsigned long long)m.size, hash_hex);
    if (n < 0 || (size_t)n >= size) {
        st = update_err(err, VM_ERR_INVALID, cat, "No room for the signature.");
        goto out;
    }
    crypto_sign_detached(sig, NULL, (const unsigned char *)out, (unsigned long long)n, sk);
    sodium_bin2hex(sig_hex, sizeof sig_hex, sig, sizeof sig);
    if ((size_t)n + strlen(sig_hex) + 12 >= size) {
        st = update_err(err, VM_ERR_INVALID, cat, "No room for the signature.");
        goto out;
    }
    snprintf(out + n, size - (size_t)n, "signature %s\n", sig_hex);
out:
    sodium_memzero(sk, sizeof sk);
    return st;
}

/* "key value\n" at *p, advancing; false when the line is not `key`. */
static bool take(const char **p, const char *end, const char *key, char *value, size_t size)
{
    size_t kl = strlen(key);
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || (size_t)(nl - *p) < kl + 2 || memcmp(*p, key, kl) != 0 || (*p)[kl] != ' ')
        return false;
    size_t vl = (size_t)(nl - *p) - kl - 1;
    if (vl == 0 || vl >= size)
        return false;
    memcpy(value, *p + kl + 1, vl);
    value[vl] = '\0';
    for (size_t i = 0; i < vl; i++)
        if ((unsigned char)value[i] < 0x21 || (unsigned char)value[i] > 0x7e)
            return false;
    *p = nl + 1;
    return true;
}

vm_status update_verify(const char *deb_path, const char *sig, size_t sig_len,
                        const char *public_hex, update_manifest *out,
                        const i18n_catalog *cat, vm_err *err)
{
    update_manifest m = {0};
    uint8_t pk[crypto_sign_PUBLICKEYBYTES], signature[crypto_sign_BYTES], hash[32];
    char magic[32], size_s[32], hash_hex[80], sig_hex[2 * crypto_sign_BYTES + 8];
    if (!sodium_ready(cat, err))
        return VM_ERR_INTERNAL;
    if (!from_hex(public_hex, pk, sizeof pk))
        return update_err(err, VM_ERR_REFUSED, cat,
                          "No update key is set (update_key in the settings), so no update "
                          "is accepted.");
    if (sig_len == 0 || sig_len > UPDATE_SIG_MAX || memchr(sig, '\0', sig_len))
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The signature file is not a Vær med signature.");
    const char *p = sig, *end = sig + sig_len;
    if (!take(&p, end, "vaermed-update", magic, sizeof magic) || strcmp(magic, "1") != 0 ||
        !take(&p, end, "package", m.package, sizeof m.package) ||
        !take(&p, end, "version", m.version, sizeof m.version) ||
        !take(&p, end, "architecture", m.arch, sizeof m.arch) ||
        !take(&p, end, "size", size_s, sizeof size_s) ||
        !take(&p, end, "sha256", hash_hex, sizeof hash_hex))
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The signature file is not a Vær med signature.");
    size_t signed_len = (size_t)(p - sig);
    if (!take(&p, end, "signature", sig_hex, sizeof sig_hex) || p != end ||
        !from_hex(sig_hex, signature, sizeof signature) || !from_hex(hash_hex, m.sha256, 32))
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The signature file is not a Vær med signature.");
    if (crypto_sign_verify_detached(signature, (const unsigned char *)sig,
                                    (unsigned long long)signed_len, pk) != 0)
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The update is not signed with this estate's update key.");
    char *endp = NULL;
    errno = 0;
    unsigned long long size = strtoull(size_s, &endp, 10);
    if (errno || !endp || *endp || size > UPDATE_MAX_BYTES)
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The signature file is not a Vær med signature.");
    m.size = size;
    char package[32], version[64], arch[16];
    if (!update_parse_name(base_name(deb_path), package, sizeof package, version,
                           sizeof version, arch, sizeof arch) ||
        strcmp(package, m.package) != 0 || strcmp(version, m.version) != 0 ||
        strcmp(arch, m.arch) != 0)
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The package's name does not match its signature (%s %s %s).",
                          m.package, m.version, m.arch);
    uint64_t got = 0;
    vm_status st = hash_file(deb_path, hash, &got, cat, err);
    if (st != VM_OK)
        return st;
    if (got != m.size || sodium_memcmp(hash, m.sha256, sizeof hash) != 0)
        return update_err(err, VM_ERR_REFUSED, cat,
                          "The package is not the one that was signed (it was changed or "
                          "is incomplete).");
    if (out)
        *out = m;
    return VM_OK;
}

/* Debian policy 5.6.12: non-digit parts compared with '~' first, then letters, then the
 * rest; digit parts numerically. */
static int order(int c)
{
    if (isdigit(c))
        return 0;
    if (isalpha(c))
        return c;
    if (c == '~')
        return -1;
    if (c)
        return c + 256;
    return 0;
}

static int compare_part(const char *a, const char *b)
{
    while (*a || *b) {
        int diff = 0;
        while ((*a && !isdigit((unsigned char)*a)) || (*b && !isdigit((unsigned char)*b))) {
            int ac = order((unsigned char)*a), bc = order((unsigned char)*b);
            if (ac != bc)
                return ac - bc;
            a++;
            b++;
        }
        while (*a == '0')
            a++;
        while (*b == '0')
            b++;
        while (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            if (!diff)
                diff = *a - *b;
            a++;
            b++;
        }
        if (isdigit((unsigned char)*a))
            return 1;
        if (isdigit((unsigned char)*b))
            return -1;
        if (diff)
            return diff;
    }
    return 0;
}

static void split(const char *v, long *epoch, char *upstream, size_t usize, char *revision,
                  size_t rsize)
{
    const char *colon = strchr(v, ':');
    *epoch = colon ? strtol(v, NULL, 10) : 0;
    const char *up = colon ? colon + 1 : v;
    const char *dash = strrchr(up, '-');
    size_t ul = dash ? (size_t)(dash - up) : strlen(up);
    snprintf(upstream, usize, "%.*s", (int)ul, up);
    snprintf(revision, rsize, "%s", dash ? dash + 1 : "");
}

int update_version_compare(const char *a, const char *b)
{
    long ea, eb;
    char ua[64], ub[64], ra[64], rb[64];
    split(a, &ea, ua, sizeof ua, ra, sizeof ra);
    split(b, &eb, ub, sizeof ub, rb, sizeof rb);
    if (ea != eb)
        return ea < eb ? -1 : 1;
    int c = compare_part(ua, ub);
    if (c)
        return c < 0 ? -1 : 1;
    c = compare_part(ra, rb);
    return c < 0 ? -1 : c > 0;
}
