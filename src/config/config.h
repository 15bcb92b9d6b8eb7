/* config: /etc/vaermed/vaermed.conf (or --config PATH), one `key = value` a line.
 *
 * A wrong value does not stop the kiosk: that line keeps its default and the problem is kept
 * in `problems` (line number and reason) for the admin screen and the journal. Unknown keys
 * are problems too (a typo should not pass silently). '#' starts a comment.
 *
 * Ownership: config values are fixed-size fields; config_load fills a struct the caller owns.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_CONFIG_CONFIG_H
#define VM_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define CONFIG_STR_MAX 512
#define CONFIG_PROBLEMS_MAX 16
#define CONFIG_LIST_MAX 8

typedef struct config {
    char estate_name[CONFIG_STR_MAX];   /* estate_name = Fælleshuset, Solbakken */
    char db_path[CONFIG_STR_MAX];       /* database = /var/lib/vaermed/vaermed.db; "" = XDG */
    char kiosk_name[CONFIG_STR_MAX];    /* kiosk_name = Fælleshuset (shown in exports) */
    char languages[CONFIG_LIST_MAX][8]; /* languages = da en ar so tr; first is the default */
    size_t n_languages;
    int rotation;                       /* rotation = 0 | 90 | 180 | 270 */
    int night_start_min, night_end_min; /* night = 23:00-06:00; -1/-1 = never */
    char staff_pin[16];                 /* staff_pin = 4 to 8 digits, in plain text (works, but
                                           is named as a problem: use staff_pin_hash) */
    char staff_pin_hash[128];           /* staff_pin_hash = $argon2id$... (`vaermed pin set`);
                                           with staff_pin both "": admin screen off */
    char stick_keys[CONFIG_LIST_MAX][65]; /* stick_key = <sha256 hex> (may repeat) */
    size_t n_stick_keys;
    char staff_keys[CONFIG_LIST_MAX][45]; /* staff_key = <base64 public key> (may repeat):
                                             sign-ups are sealed to these too */
    size_t n_staff_keys;
    char peer_keys[16][45];             /* estate_kiosk_key = <base64 public key> (may repeat):
                                           the estate's other kiosks (`vaermed kiosk key`
                                           prints a kiosk's line); cancel codes are shared
                                           with these only */
    size_t n_peer_keys;
    char update_key[65];                /* update_key = <ed25519 public key hex>: the estate's
                                           key that signs updates; "" = no updates */
    char url_template[CONFIG_STR_MAX];  /* signup_url_template = https://.../{uid} */
    int retention_days;                 /* retention_days = 30 */
    char stick_roots[CONFIG_LIST_MAX][CONFIG_STR_MAX]; /* stick_root = /media (may repeat) */
    size_t n_stick_roots;
    char sync_folder[CONFIG_STR_MAX];   /* sync_folder = /var/lib/vaermed/sync: a folder that
                                           holds vaermed/ as a stick does and stays (Syncthing
                                           keeps it in step with the office); "" = none */
    int sync_folder_minutes;            /* sync_folder_minutes = 15: the folder is synced at
                                           least this often, besides on every change */
    char syncthing_home[CONFIG_STR_MAX];/* syncthing_home = the Syncthing folder whose device
                                           id the staff screen shows; "" = the usual places */
    int idle_seconds;                   /* idle_seconds = 60 */
    double screen_diagonal_inch;        /* screen_inches = 7 (for 16 mm targets, 22 pt text);
                                           0 = the usual panel of the resolution */
    bool fullscreen;                    /* fullscreen = yes */

    struct {
        int line;
        char msg[256];
    } problems[CONFIG_PROBLEMS_MAX];
    size_t n_problems;
} config;

/* The defaults: Danish and English, no night, no PIN, 30 days, /media and /run/media. */
void config_defaults(config *c);

/* Reads `path` over the defaults. A missing file is VM_ERR_NOT_FOUND (the caller decides
 * whether that matters: it does for an explicit --config, not for the default path); bad
 * lines are recorded in c->problems and are not errors. */
vm_status config_load(config *c, const char *path, vm_err *err);

/* Parses config text (for tests and config_load). */
void config_parse(config *c, const char *text);

/* True when the admin screen has a PIN (staff_pin_hash or staff_pin). */
bool config_has_pin(const config *c);

/* Writes `key = value` into the config file at `path` (made, mode 0600, when missing): the
 * first active line of `key` or of any of `drop` (NULL-terminated keys, may be NULL) is
 * replaced, further ones of them are removed, else the line is added at the end; every
 * other line stays as it was. Atomic (a temp file beside it, renamed), keeping the file's
 * mode and owner. VM_ERR_IO with the reason when it cannot. */
vm_status config_write_setting(const char *path, const char *key, const char *value,
                               const char *const *drop, vm_err *err);

#endif
