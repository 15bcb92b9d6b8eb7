/* health_journal: the service's log, read back through sd-journal (libsystemd). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "services/health.h"
#include "core/dktime.h"

#ifdef VAERMED_HAVE_SYSTEMD
#include <systemd/sd-journal.h>

/* systemd's own message ids (sd-messages.h): "Scheduled restart job" for a unit, and "Failed
 * with result ..." (whose UNIT_RESULT says watchdog after a hang). */
#define RESTART_SCHEDULED "MESSAGE_ID=5eb03494b6584870a536b337290809b3"

/* (field=unit [and the boot]) or (UNIT=unit [and the boot]), plus `extra` in each group. */
static int match_unit(sd_journal *j, const char *unit, const char *boot, const char *extra)
{
    static const char *const fields[] = {"_SYSTEMD_UNIT", "UNIT"};
    char m[320];
    int r = 0;
    for (size_t i = 0; i < 2 && r >= 0; i++) {
        if (i && (r = sd_journal_add_disjunction(j)) < 0)
            break;
        snprintf(m, sizeof m, "%s=%s", fields[i], unit);
        r = sd_journal_add_match(j, m, 0);
        if (r >= 0 && boot) {
            snprintf(m, sizeof m, "_BOOT_ID=%s", boot);
            r = sd_journal_add_match(j, m, 0);
        }
        if (r >= 0 && extra)
            r = sd_journal_add_match(j, extra, 0);
    }
    return r;
}

/* A field's value (after "NAME="), copied with control characters as spaces. */
static void field(sd_journal *j, const char *name, char *out, size_t size)
{
    const void *data;
    size_t len, skip = strlen(name) + 1;
    out[0] = '\0';
    if (sd_journal_get_data(j, name, &data, &len) < 0 || len < skip)
        return;
    size_t n = len - skip < size - 1 ? len - skip : size - 1;
    memcpy(out, (const char *)data + skip, n);
    out[n] = '\0';
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
}

static const char *priority_word(int p)
{
    static const char *const words[] = {"emerg", "alert", "crit", "err",
                                        "warning", "notice", "info", "debug"};
    return p >= 0 && p < 8 ? words[p] : "info";
}

static int count(sd_journal *j, const char *unit, const char *boot, const char *extra)
{
    sd_journal_flush_matches(j);
    if (match_unit(j, unit, boot, extra) < 0 || sd_journal_seek_head(j) < 0)
        return -1;
    int n = 0;
    while (sd_journal_next(j) > 0)
        n++;
    return n;
}

vm_status health_read_journal(const char *file, const char *unit, const char *boot_id,
                              size_t max_lines, health_journal *out, vm_err *err)
{
    sd_journal *j = NULL;
    vm_status st = VM_OK;
    memset(out, 0, sizeof *out);
    out->restarts = out->watchdog_resets = -1;
    int r;
    if (file) {
        const char *files[] = {file, NULL};
        r = sd_journal_open_files(&j, files, 0);
    } else {
        r = sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY | SD_JOURNAL_SYSTEM);
    }
    if (r < 0)
        return err_set(err, VM_ERR_IO, "The journal cannot be opened: %s.", strerror(-r));

    /* The last lines: back from the end, then forward printing. */
    size_t cap = max_lines * 256 + 1, len = 0, back = 0;
    out->lines = malloc(cap);
    if (!out->lines) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory reading the journal.");
        goto out;
    }
    out->lines[0] = '\0';
    if ((r = match_unit(j, unit, boot_id, NULL)) < 0 || (r = sd_journal_seek_tail(j)) < 0) {
        st = err_set(err, VM_ERR_IO, "The journal cannot be read: %s.", strerror(-r));
        goto out;
    }
    while (back < max_lines && sd_journal_previous(j) > 0)
        back++;
    for (size_t i = 0; i < back; i++) {
        if (i && sd_journal_next(j) <= 0)
            break;
        uint64_t usec = 0;
        char msg[200], prio[8], who[40];
        sd_journal_get_realtime_usec(j, &usec);
        field(j, "MESSAGE", msg, sizeof msg);
        field(j, "PRIORITY", prio, sizeof prio);
        field(j, "SYSLOG_IDENTIFIER", who, sizeof who);
        dk_tm t = dktime_local((int64_t)(usec / 1000000));
        int n = snprintf(out->lines + len, cap - len,
                         "%04d-%02d-%02d %02d:%02d:%02d %-7s %s: %s\n", t.year, t.month, t.day,
                         t.hour, t.minute, t.second, priority_word(prio[0] ? atoi(prio) : 6),
                         who[0] ? who : "?", msg);
        if (n < 0 || (size_t)n >= cap - len)
            break;
        len += (size_t)n;
    }
    out->restarts = count(j, unit, boot_id, RESTART_SCHEDULED);
    out->watchdog_resets = count(j, unit, boot_id, "UNIT_RESULT=watchdog");
out:
    sd_journal_close(j);
    if (st != VM_OK) {
        free(out->lines);
        out->lines = NULL;
    }
    return st;
}

#else

vm_status health_read_journal(const char *file, const char *unit, const char *boot_id,
                              size_t max_lines, health_journal *out, vm_err *err)
{
    (void)file, (void)unit, (void)boot_id, (void)max_lines;
    memset(out, 0, sizeof *out);
    out->restarts = out->watchdog_resets = -1;
    return err_set(err, VM_ERR_IO, "This kiosk was built without the journal (libsystemd).");
}

#endif
