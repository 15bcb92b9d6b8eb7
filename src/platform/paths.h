/* paths: where the kiosk keeps its database when nobody says.
 * Order: --db, then `database =` in the config, then $XDG_DATA_HOME/vaermed/vaermed.db
 * (~/.local/share/vaermed/vaermed.db). Only the default folder is created on demand: a path
 * given explicitly must already have its folder, so a typo never scatters files.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_PLATFORM_PATHS_H
#define VM_PLATFORM_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

/* Writes the database path into out. `explicit_path` may be NULL, `config_path` may be "". 
 * Sets *is_default when the XDG default was chosen. VM_ERR_INVALID when no home is known. */
vm_status paths_db(const char *explicit_path, const char *config_path, char *out, size_t size,
                   bool *is_default, vm_err *err);

/* Creates the folder that holds `file_path` and its parents (mode 0700); VM_ERR_IO with a
 * plain message when it cannot. */
vm_status paths_make_parent(const char *file_path, vm_err *err);

/* VM_OK when the folder holding `file_path` exists and is writable, else VM_ERR_IO/NOT_FOUND
 * with a message naming the folder. */
vm_status paths_check_parent_writable(const char *file_path, vm_err *err);

#endif
