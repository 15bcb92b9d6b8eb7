#include "platform/paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

vm_status paths_db(const char *explicit_path, const char *config_path, char *out, size_t size,
                   bool *is_default, vm_err *err)
{
    *is_default = false;
    if (explicit_path && *explicit_path) {
        snprintf(out, size, "%s", explicit_path);
        return VM_OK;
    }
    if (config_path && *config_path) {
        snprintf(out, size, "%s", config_path);
        return VM_OK;
    }
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(out, size, "%s/vaermed/vaermed.db", xdg);
    else if (home && home[0] == '/')
        n = snprintf(out, size, "%s/.local/share/vaermed/vaermed.db", home);
    else
        return err_set(err, VM_ERR_INVALID,
                       "I do not know where to keep the database: give --db PATH.");
    if (n < 0 || (size_t)n >= size)
        return err_set(err, VM_ERR_INVALID, "The path to the database is too long.");
    *is_default = true;
    return VM_OK;
}

static void parent_of(const char *file_path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", file_path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, size, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
}

vm_status paths_make_parent(const char *file_path, vm_err *err)
{
    char dir[4096];
    parent_of(file_path, dir, sizeof dir);
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return err_set(err, VM_ERR_IO, "Cannot make the folder %s: %s", dir, strerror(errno));
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return err_set(err, VM_ERR_IO, "Cannot make the folder %s: %s", dir, strerror(errno));
    return VM_OK;
}

vm_status paths_check_parent_writable(const char *file_path, vm_err *err)
{
    char dir[4096];
    struct stat st;
    parent_of(file_path, dir, sizeof dir);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return err_set(err, VM_ERR_NOT_FOUND, "The folder %s does not exist.", dir);
    if (access(dir, W_OK) != 0)
        return err_set(err, VM_ERR_IO, "I may not write in the folder %s: %s", dir,
                       strerror(errno));
    return VM_OK;
}
