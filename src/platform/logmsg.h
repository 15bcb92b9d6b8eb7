/* logmsg: the kiosk's messages on stderr, each with its priority.
 *
 * Under systemd, stderr goes to the journal, and journald reads a leading "<N>" (the syslog
 * priority, as in <syslog.h>) as the line's priority: `journalctl -u vaermed -p err` then
 * shows the kiosk's errors alone. The kiosk knows it writes to the journal when
 * $JOURNAL_STREAM (set by systemd) names the device and inode of its stderr; then each line is
 * "<N>message" (journald adds the name). Anywhere else (a terminal, a test, a pipe) the line is
 * "vaermed: message", as people read it.
 *
 * logmsg_init reads the environment once, in main; before it, or without it, lines are
 * plain.
 *
 * Threads: logmsg from any thread (one fprintf a line); logmsg_init once in main, before any
 * thread starts. */
#ifndef VM_PLATFORM_LOGMSG_H
#define VM_PLATFORM_LOGMSG_H

#include <stdbool.h>
#include <stdio.h>
#include <syslog.h> /* LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO */

/* Decides, from $JOURNAL_STREAM and stderr, whether lines carry priorities. */
void logmsg_init(void);

/* Whether `journal_stream` (the value of $JOURNAL_STREAM, "DEVICE:INODE", or NULL) names the
 * file open as `fd`. */
bool logmsg_is_journal(const char *journal_stream, int fd);

/* One line on stderr at `priority` (LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO). The message
 * is one line in plain words; a trailing newline is added. */
void logmsg(int priority, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The same, onto `out` (for tests), journal style or plain. */
void logmsg_to(FILE *out, bool journal, int priority, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
