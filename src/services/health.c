#include "services/health.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/dktime.h"

static void duration(const i18n_catalog *cat, int64_t s, char *out, size_t size)
{
    if (s < 0) {
        snprintf(out, size, "%s", i18n_text_ctx(cat, "health", "unknown"));
        return;
    }
    int64_t days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60;
    if (days > 0)
        i18n_format(out, size, i18n_text_ctx(cat, "health", "%lld d %lld h %lld min"), (long long)days,
                    (long long)hours, (long long)minutes);
    else
        i18n_format(out, size, i18n_text_ctx(cat, "health", "%lld h %lld min"), (long long)hours, (long long)minutes);
}

static void local_time(int64_t utc, char *out, size_t size)
{
    dk_tm t = dktime_local(utc);
    snprintf(out, size, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
}

static void bytes(int64_t b, char *out, size_t size)
{
    snprintf(out, size, "%.1f GB", (double)b / 1e9);
}

char *health_format(const health_facts *f, const i18n_catalog *cat)
{
    vm_buf t = VM_BUF_INIT;
    char a[96], b[96];
    local_time(f->now, a, sizeof a);
    buf_printf(&t, "%s\r\n", i18n_text_ctx(cat, "health", "Vær med: the kiosk's health"));
    buf_printf(&t, "%s: %s%s%s%s\r\n", i18n_text_ctx(cat, "health", "Kiosk"), f->kiosk_name ? f->kiosk_name : "",
        f->kiosk_name ? " (" : "", f->kiosk_id ? f->kiosk_id : "", f->kiosk_name ? ")" : "");
    buf_printf(&t, "%s: %s\r\n\r\n", i18n_text_ctx(cat, "health", "Written"), a);

    buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Version"), f->version ? f->version : "?");
    duration(cat, f->system_up_s, a, sizeof a);
    duration(cat, f->kiosk_up_s, b, sizeof b);
    buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Running since the system started"), a);
    buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Running since the kiosk started"), b);
    if (f->restarts >= 0)
        buf_printf(&t, "%s: %d (%s: %d)\r\n", i18n_text_ctx(cat, "health", "Restarts since the system started"), f->restarts,
            i18n_text_ctx(cat, "health", "by the watchdog, hung"), f->watchdog_resets > 0 ? f->watchdog_resets : 0);
    else
        buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Restarts since the system started"), i18n_text_ctx(cat, "health", "unknown"));
    if (f->disk_free >= 0 && f->disk_size > 0) {
        bytes(f->disk_free, a, sizeof a);
        bytes(f->disk_size, b, sizeof b);
        buf_printf(&t, "%s: %s / %s%s\r\n", i18n_text_ctx(cat, "health", "Free space for the data"), a, b,
            f->disk_free < f->disk_size / 20 ? i18n_text_ctx(cat, "health", " - ALMOST FULL") : "");
    } else {
        buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Free space for the data"), i18n_text_ctx(cat, "health", "unknown"));
    }
    if (f->clock_suspect && f->clock_floor > 0) {
        local_time(f->clock_floor, a, sizeof a);
        buf_printf(&t, "%s: %s %s\r\n", i18n_text_ctx(cat, "health", "Clock"),
            i18n_text_ctx(cat, "health", "WRONG, behind; it should be at least"), a);
    } else {
        buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Clock"),
            f->clock_suspect ? i18n_text_ctx(cat, "health", "WRONG, behind") : i18n_text_ctx(cat, "health", "looks right"));
    }
    const char *power = f->power == HEALTH_POWER_LOW_NOW
                            ? i18n_text_ctx(cat, "health", "TOO LOW VOLTAGE NOW: use the official power supply")
                        : f->power == HEALTH_POWER_LOW_BEFORE
                            ? i18n_text_ctx(cat, "health", "the voltage was too low since the start: use the "
                                     "official power supply")
                        : f->power == HEALTH_POWER_OK ? i18n_text_ctx(cat, "health", "in order")
                                                      : i18n_text_ctx(cat, "health", "unknown (not a Raspberry Pi)");
    buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Power supply"), power);
    if (f->read_only)
        buf_printf(&t, "%s: %s %s\r\n", i18n_text_ctx(cat, "health", "Data"),
            i18n_text_ctx(cat, "health", "CANNOT BE SAVED, sign-up is paused:"), f->read_only);
    else
        buf_printf(&t, "%s: %s\r\n", i18n_text_ctx(cat, "health", "Data"), i18n_text_ctx(cat, "health", "saved as it should be"));

    i18n_format(a, sizeof a, i18n_text_ctx(cat, "health", "The last %d lines of the kiosk's log"),
                HEALTH_JOURNAL_LINES);
    buf_printf(&t, "\r\n%s (journalctl -u vaermed):\r\n", a);
    if (f->journal && *f->journal) {
        for (const char *p = f->journal; *p;) {
            size_t n = strcspn(p, "\n");
            buf_printf(&t, "%.*s\r\n", (int)n, p);
            p += n + (p[n] == '\n');
        }
    } else {
        buf_printf(&t, "%s\r\n", f->journal_note ? f->journal_note : i18n_text_ctx(cat, "health", "(none)"));
    }
    return buf_detach(&t); /* NULL when memory ran out */
}

static bool read_line(const char *path, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    bool ok = fgets(out, (int)size, f) != NULL;
    fclose(f);
    return ok;
}

health_power health_read_power(const char *root)
{
    char path[1024], line[64];
    const char *r = root && *root ? root : "";
    snprintf(path, sizeof path, "%s/sys/devices/platform/soc/soc:firmware/get_throttled", r);
    if (read_line(path, line, sizeof line)) {
        unsigned long bits = strtoul(line, NULL, 16);
        return (bits & 0x1) ? HEALTH_POWER_LOW_NOW
               : (bits & 0x10000) ? HEALTH_POWER_LOW_BEFORE : HEALTH_POWER_OK;
    }
    snprintf(path, sizeof path, "%s/sys/class/hwmon", r);
    DIR *d = opendir(path);
    health_power p = HEALTH_POWER_UNKNOWN;
    if (!d)
        return p;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && p == HEALTH_POWER_UNKNOWN) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/sys/class/hwmon/%s/name", r, e->d_name);
        if (!read_line(path, line, sizeof line) || strncmp(line, "rpi_volt", 8) != 0)
            continue;
        snprintf(path, sizeof path, "%s/sys/class/hwmon/%s/in0_lcrit_alarm", r, e->d_name);
        if (read_line(path, line, sizeof line))
            p = atoi(line) ? HEALTH_POWER_LOW_NOW : HEALTH_POWER_OK;
    }
    closedir(d);
    return p;
}

int64_t health_read_uptime(const char *root)
{
    char path[1024], line[64];
    snprintf(path, sizeof path, "%s/proc/uptime", root && *root ? root : "");
    if (!read_line(path, line, sizeof line))
        return -1;
    return (int64_t)strtod(line, NULL);
}
