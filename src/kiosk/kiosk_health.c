/* The kiosk's health and a picture of its screen, onto the staff's stick at each sync. */
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#include "services/health.h"
#include "kiosk/kiosk_health.h"

#include "kiosk/kiosk_clock.h"
#include "kiosk/kiosk_screen.h"
#include "platform/logmsg.h"
#include "platform/paths.h"

#ifdef VAERMED_HAVE_SYSTEMD
#include <systemd/sd-id128.h>
#endif

#define SERVICE_UNIT "vaermed.service"

unsigned char *kiosk_snapshot(kiosk *k, size_t *len)
{
    unsigned char *png = NULL;
    vm_err err = {0};
    *len = 0;
    if (!k->have_shown)
        return NULL;
    /* The picture goes on the stick in the clear: never one that may hold a name (the staff
     * screens list sign-ups; a flow shows the name being typed, "Sig til" a number too).
     * docs/security.md. */
    static const char *const private_screens[] = {"admin", "join-", "cancel-", "interest-",
                                                  "wish"};
    for (size_t i = 0; i < sizeof private_screens / sizeof private_screens[0]; i++)
        if (strncmp(k->shown.screen, private_screens[i], strlen(private_screens[i])) == 0) {
            logmsg(LOG_INFO, "no picture of the screen for the stick: it showed %s",
                   k->shown.screen);
            return NULL;
        }
    if (render_snapshot_png(k->render, &k->shown, &png, len, &err) != VM_OK) {
        logmsg(LOG_WARNING, "no picture of the screen for the stick: %s", err.msg);
        return NULL;
    }
    return png;
}

static void disk_space(const char *db_path, int64_t *free_bytes, int64_t *size)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", db_path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, "%s", slash ? "/" : ".");
    struct statvfs sv;
    *free_bytes = *size = -1;
    if (statvfs(dir, &sv) == 0) {
        *free_bytes = (int64_t)sv.f_bavail * (int64_t)sv.f_frsize;
        *size = (int64_t)sv.f_blocks * (int64_t)sv.f_frsize;
    }
}

void kiosk_health_to_stick(kiosk *k, const char *path, const sync_options *opt,
                           const char *kiosk_id, const unsigned char *png, size_t png_len)
{
    const i18n_catalog *cat = kiosk_staff_catalog(k);
    health_facts f = {0};
    f.version = VAERMED_VERSION;
    f.kiosk_name = k->opt->cfg->kiosk_name[0] ? k->opt->cfg->kiosk_name : NULL;
    f.kiosk_id = kiosk_id;
    f.now = clock_now(k->clock);
    f.system_up_s = health_read_uptime(NULL);
    f.kiosk_up_s = (clock_monotonic_ms() - k->started_ms) / 1000;
    disk_space(k->opt->db_path, &f.disk_free, &f.disk_size);
    f.clock_suspect = kiosk_clock_check(k, &f.clock_floor) != UI_CLOCK_OK;
    f.power = health_read_power(NULL);
    f.read_only = k->read_only ? k->read_only_reason : NULL;

    /* The system's journal, this boot; a test gives a journal file of its own. */
    const char *file = getenv("VAERMED_JOURNAL_FILE");
    char boot[33] = "";
#ifdef VAERMED_HAVE_SYSTEMD
    sd_id128_t id;
    if (!file && sd_id128_get_boot(&id) >= 0)
        sd_id128_to_string(id, boot);
#endif
    health_journal j;
    vm_err err = {0};
    if (health_read_journal(file && *file ? file : NULL, SERVICE_UNIT, boot[0] ? boot : NULL,
                            HEALTH_JOURNAL_LINES, &j, &err) == VM_OK) {
        f.journal = j.lines;
        f.restarts = j.restarts;
        f.watchdog_resets = j.watchdog_resets;
    } else {
        f.journal_note = err.msg;
        f.restarts = f.watchdog_resets = -1;
    }

    char *text = health_format(&f, cat);
    vm_err werr = {0};
    if (!text)
        logmsg(LOG_ERR, "no %s for the stick: out of memory", HEALTH_FILE);
    else if (sync_write_kiosk_file(k->store, path, opt, clock_now(k->clock), kiosk_id,
                                   HEALTH_FILE, text, strlen(text), &werr) != VM_OK)
        logmsg(LOG_WARNING, "%s could not be written to the stick %s: %s", HEALTH_FILE, path,
               werr.msg);
    if (png && sync_write_kiosk_file(k->store, path, opt, clock_now(k->clock), kiosk_id,
                                     HEALTH_SCREENSHOT, png, png_len, &werr) != VM_OK)
        logmsg(LOG_WARNING, "%s could not be written to the stick %s: %s", HEALTH_SCREENSHOT,
               path, werr.msg);
    free(text);
    free(j.lines);
}
