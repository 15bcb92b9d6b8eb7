/* health: helbred.txt, what the kiosk tells the staff about itself on every sync, so a
 * problem (a full card, a weak power supply, a clock that is off, restarts in the night) is
 * seen at the office and not only by the resident who met it. Written beside the export, in
 * vaermed/<kiosk-id>/ on the stick, with a picture of the screen (skaerm.png).
 *
 * The facts are gathered by the caller (health_gather_* for the machine's own); the text
 * is made by health_format in the staff's language (po/, context "health"). Nothing here
 * reads the clock: `now` is passed in.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_SERVICES_HEALTH_H
#define VM_SERVICES_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/i18n.h"

#define HEALTH_FILE "helbred.txt"
#define HEALTH_SCREENSHOT "skaerm.png"
#define HEALTH_JOURNAL_LINES 200

/* The Pi's power supply, from the firmware (get_throttled) or its voltage sensor. */
typedef enum health_power {
    HEALTH_POWER_UNKNOWN = 0, /* no sensor: not a Raspberry Pi */
    HEALTH_POWER_OK,
    HEALTH_POWER_LOW_BEFORE,  /* the voltage was too low since the system started */
    HEALTH_POWER_LOW_NOW      /* too low right now */
} health_power;

typedef struct health_facts {
    const char *version;
    const char *kiosk_name;       /* may be NULL */
    const char *kiosk_id;         /* may be NULL */
    int64_t now;                  /* UTC seconds */
    int64_t system_up_s;          /* since the system started; < 0 unknown */
    int64_t kiosk_up_s;           /* since this kiosk process started; < 0 unknown */
    int restarts;                 /* the service's restarts since the system started; < 0 unknown */
    int watchdog_resets;          /* of them, after the watchdog found it hung; < 0 unknown */
    int64_t disk_free, disk_size; /* bytes on the data folder's file system; < 0 unknown */
    bool clock_suspect;           /* the clock is behind what the sticks or the build know */
    int64_t clock_floor;          /* then: it should be at least this (UTC), or 0 */
    health_power power;
    const char *read_only;        /* why the kiosk cannot save (sign-up paused), or NULL */
    const char *journal;          /* the last lines of the service's log, one a line, or NULL */
    const char *journal_note;     /* why there are none (plain words), or NULL */
} health_facts;

/* helbred.txt's text (UTF-8, Windows line ends so Notepad shows it right), malloc'd; NULL
 * when out of memory. */
char *health_format(const health_facts *f, const i18n_catalog *cat);

/* The Pi's power supply as the firmware sees it, under `root` ("" or NULL = "/": tests give
 * a folder with a fake sysfs): sys/devices/platform/soc/soc:firmware/get_throttled (bit 0:
 * under-voltage now, bit 16: since boot), else the hwmon sensor named rpi_volt
 * (in0_lcrit_alarm). */
health_power health_read_power(const char *root);

/* Seconds since the system started (/proc/uptime under `root`), or -1. */
int64_t health_read_uptime(const char *root);

/* The service's log from the journal: its last `max_lines` lines (the kiosk's own, and what
 * systemd said about it), and how often systemd restarted it, and how many of those were
 * the watchdog's, within the boot `boot_id` (32 hex digits; NULL: all boots). `file` names
 * a journal file to read instead of the system's journal (tests). Fills out->lines
 * (malloc'd, the caller frees) and the counts; VM_ERR_IO with the reason when the journal
 * cannot be read (the kiosk's user is in the group systemd-journal for this). */
typedef struct health_journal {
    char *lines;
    int restarts;
    int watchdog_resets;
} health_journal;
vm_status health_read_journal(const char *file, const char *unit, const char *boot_id,
                              size_t max_lines, health_journal *out, vm_err *err);

#endif
