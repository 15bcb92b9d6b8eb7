/* health: helbred.txt says what staff need in Danish, the Pi's power supply is read from the
 * firmware's files, and the service's log is read back from a real journal file (made with
 * systemd-journal-remote from journal export format): the last lines in order, the restarts
 * systemd scheduled and how many of them the watchdog caused, in the boot asked for only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "services/health.h"
#include "core/i18n.h"
#include "test_support.h"

#define BOOT_A "0123456789abcdef0123456789abcdef"
#define BOOT_B "fedcba9876543210fedcba9876543210"

static void write(const char *path, const char *text)
{
    ts_write_file(path, text, (size_t)-1);
}

static void format_in_danish(void **state)
{
    (void)state;
    vm_err err = {0};
    i18n_catalog *da = i18n_catalog_embedded("da", &err);
    assert_non_null(da);
    health_facts f = {
        .version = "0.1.0", .kiosk_name = "Fælleshuset", .kiosk_id = "kiosk-1a2b3c4d",
        .now = ts_time("2026-11-23T09:00Z"), .system_up_s = 3 * 86400 + 4 * 3600 + 5 * 60,
        .kiosk_up_s = 2 * 3600 + 5 * 60, .restarts = 2, .watchdog_resets = 1,
        .disk_free = 1000000000, .disk_size = 32000000000, .clock_suspect = true,
        .clock_floor = ts_time("2026-11-27T11:00Z"), .power = HEALTH_POWER_LOW_BEFORE,
        .read_only = "/var/lib/vaermed/vaermed.db is damaged",
        .journal = "2026-11-23 09:58:01 err     vaermed: one\n2026-11-23 09:59:00 info    vaermed: two\n"};
    char *t = health_format(&f, da);
    assert_non_null(t);
    const char *expect[] = {
        "Vær med: kioskens helbred\r\n",
        "Kiosk: Fælleshuset (kiosk-1a2b3c4d)\r\n",
        "Skrevet: 2026-11-23 10:00\r\n",
        "Version: 0.1.0\r\n",
        "Tændt siden systemet startede: 3 d. 4 t. 5 min.\r\n",
        "Kørt siden kiosken startede: 2 t. 5 min.\r\n",
        "Genstart siden systemet startede: 2 (af vagthunden, hængt: 1)\r\n",
        "Ledig plads til data: 1.0 GB / 32.0 GB - NÆSTEN FULD\r\n",
        "Uret: FORKERT, bagud; det burde være mindst 2026-11-27 12:00\r\n",
        "Strømforsyning: spændingen har været for lav siden opstart",
        "Data: KAN IKKE GEMMES, tilmelding er sat på pause: /var/lib/vaermed/vaermed.db is damaged\r\n",
        "De sidste 200 linjer fra kioskens log (journalctl -u vaermed):\r\n"
        "2026-11-23 09:58:01 err     vaermed: one\r\n"
        "2026-11-23 09:59:00 info    vaermed: two\r\n",
    };
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
        if (!strstr(t, expect[i]))
            fail_msg("helbred.txt lacks '%s':\n%s", expect[i], t);
    free(t);

    /* Unknowns are said, not guessed; a kiosk that saves says so. */
    health_facts g = {.version = "0.1.0", .now = f.now, .system_up_s = -1, .kiosk_up_s = 5,
                      .restarts = -1, .watchdog_resets = -1, .disk_free = -1, .disk_size = -1,
                      .journal_note = "The journal cannot be opened: Permission denied."};
    t = health_format(&g, da);
    assert_non_null(t);
    assert_non_null(strstr(t, "Tændt siden systemet startede: ukendt\r\n"));
    assert_non_null(strstr(t, "Genstart siden systemet startede: ukendt\r\n"));
    assert_non_null(strstr(t, "Strømforsyning: ukendt (ikke en Raspberry Pi)\r\n"));
    assert_non_null(strstr(t, "Uret: ser rigtigt ud\r\n"));
    assert_non_null(strstr(t, "Data: gemmes som de skal\r\n"));
    assert_non_null(strstr(t, "The journal cannot be opened: Permission denied.\r\n"));
    free(t);
    i18n_catalog_free(da);
}

static void power_from_the_firmware(void **state)
{
    (void)state;
    const char *root = ts_fresh_dir("health-power");
    char dir[1024], path[1100];
    assert_int_equal(health_read_power(root), HEALTH_POWER_UNKNOWN); /* not a Pi */

    /* A Pi 4 with the hwmon sensor only. */
    snprintf(dir, sizeof dir, "%s/sys/class/hwmon/hwmon0", root);
    assert_int_equal(system(NULL) != 0, 1);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' '%s/sys/class/hwmon/hwmon1'", dir, root);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/sys/class/hwmon/hwmon1/name", root);
    write(path, "cpu_thermal\n");
    snprintf(path, sizeof path, "%s/name", dir);
    write(path, "rpi_volt\n");
    snprintf(path, sizeof path, "%s/in0_lcrit_alarm", dir);
    write(path, "0\n");
    assert_int_equal(health_read_power(root), HEALTH_POWER_OK);
    write(path, "1\n");
    assert_int_equal(health_read_power(root), HEALTH_POWER_LOW_NOW);

    /* The firmware's own word wins: bit 16 since boot, bit 0 now. */
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/sys/devices/platform/soc/soc:firmware'", root);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/sys/devices/platform/soc/soc:firmware/get_throttled", root);
    write(path, "0\n");
    assert_int_equal(health_read_power(root), HEALTH_POWER_OK);
    write(path, "50000\n");
    assert_int_equal(health_read_power(root), HEALTH_POWER_LOW_BEFORE);
    write(path, "50005\n");
    assert_int_equal(health_read_power(root), HEALTH_POWER_LOW_NOW);

    snprintf(cmd, sizeof cmd, "mkdir -p '%s/proc'", root);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(health_read_uptime(root), -1);
    snprintf(path, sizeof path, "%s/proc/uptime", root);
    write(path, "273900.51 540000.02\n");
    assert_int_equal(health_read_uptime(root), 273900);
}

/* One journal entry in export format. */
static void entry(FILE *f, int i, const char *boot, const char *fields)
{
    fprintf(f, "__CURSOR=s=1;i=%d\n__REALTIME_TIMESTAMP=%lld\n__MONOTONIC_TIMESTAMP=%d\n"
               "_BOOT_ID=%s\n%s\n\n",
            i, (long long)ts_time("2026-11-23T08:00Z") * 1000000LL + i * 1000000LL, i * 1000,
            boot, fields);
}

static void the_log_from_a_journal_file(void **state)
{
    (void)state;
    const char *dir = ts_fresh_dir("health-journal");
    char export_path[1024], journal[1024], cmd[2400];
    snprintf(export_path, sizeof export_path, "%s/in.export", dir);
    snprintf(journal, sizeof journal, "%s/test.journal", dir);
    FILE *f = fopen(export_path, "w");
    assert_non_null(f);
    int i = 1;
    /* An earlier boot: a restart that must not count. */
    entry(f, i++, BOOT_B, "_PID=1\nUNIT=vaermed.service\nPRIORITY=5\nSYSLOG_IDENTIFIER=systemd\n"
                          "MESSAGE_ID=5eb03494b6584870a536b337290809b3\n"
                          "MESSAGE=vaermed.service: Scheduled restart job, restart counter is at 1.");
    for (int n = 0; n < 230; n++) {
        char fields[200];
        snprintf(fields, sizeof fields, "_SYSTEMD_UNIT=vaermed.service\nPRIORITY=6\n"
                                        "SYSLOG_IDENTIFIER=vaermed\nMESSAGE=line %d", n);
        entry(f, i++, BOOT_A, fields);
    }
    /* Another service's lines are not the kiosk's. */
    entry(f, i++, BOOT_A, "_SYSTEMD_UNIT=cron.service\nPRIORITY=6\nSYSLOG_IDENTIFIER=cron\nMESSAGE=not ours");
    entry(f, i++, BOOT_A, "_PID=1\nUNIT=vaermed.service\nPRIORITY=3\nSYSLOG_IDENTIFIER=systemd\n"
                          "MESSAGE=vaermed.service: Watchdog timeout (limit 1min)!");
    entry(f, i++, BOOT_A, "_PID=1\nUNIT=vaermed.service\nPRIORITY=4\nSYSLOG_IDENTIFIER=systemd\n"
                          "MESSAGE_ID=d9b373ed55a64feb8242e02dbe79a49c\nUNIT_RESULT=watchdog\n"
                          "MESSAGE=vaermed.service: Failed with result 'watchdog'.");
    for (int n = 0; n < 2; n++)
        entry(f, i++, BOOT_A, "_PID=1\nUNIT=vaermed.service\nPRIORITY=5\nSYSLOG_IDENTIFIER=systemd\n"
                              "MESSAGE_ID=5eb03494b6584870a536b337290809b3\n"
                              "MESSAGE=vaermed.service: Scheduled restart job, restart counter is at 2.");
    entry(f, i++, BOOT_A, "_SYSTEMD_UNIT=vaermed.service\nPRIORITY=3\nSYSLOG_IDENTIFIER=vaermed\n"
                          "MESSAGE=the database is damaged");
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "/lib/systemd/systemd-journal-remote -o '%s' '%s' >/dev/null 2>&1", journal,
             export_path);
    if (system(cmd) != 0)
        fail_msg("systemd-journal-remote could not make the journal file "
                 "(deploy/install-deps.sh test installs it): %s", cmd);

    health_journal j;
    vm_err err = {0};
    assert_int_equal(health_read_journal(journal, "vaermed.service", BOOT_A, 200, &j, &err), VM_OK);
    assert_int_equal(j.restarts, 2);
    assert_int_equal(j.watchdog_resets, 1);
    assert_non_null(j.lines);
    int lines = 0;
    for (const char *p = j.lines; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 200);
    assert_null(strstr(j.lines, "not ours"));
    assert_null(strstr(j.lines, "line 33\n")); /* the oldest fell off */
    /* Copenhagen time, the priority in words, the last line last. */
    assert_non_null(strstr(j.lines, "2026-11-23 09:0"));
    const char *last = "err     vaermed: the database is damaged\n";
    size_t n = strlen(j.lines), m = strlen(last);
    assert_true(n > m && strcmp(j.lines + n - m, last) == 0);
    assert_non_null(strstr(j.lines, "systemd: vaermed.service: Failed with result 'watchdog'."));
    free(j.lines);

    /* Every boot: the earlier restart counts too. */
    assert_int_equal(health_read_journal(journal, "vaermed.service", NULL, 10, &j, &err), VM_OK);
    assert_int_equal(j.restarts, 3);
    free(j.lines);

    /* No such file: a reason, not a crash. */
    char missing[1100];
    snprintf(missing, sizeof missing, "%s/none.journal", dir);
    assert_int_not_equal(health_read_journal(missing, "vaermed.service", NULL, 10, &j, &err), VM_OK);
    assert_null(j.lines);
    assert_non_null(strstr(err.msg, "journal"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_in_danish),
        cmocka_unit_test(power_from_the_firmware),
        cmocka_unit_test(the_log_from_a_journal_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
