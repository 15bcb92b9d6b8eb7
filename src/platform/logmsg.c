#include "platform/logmsg.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static bool to_journal;

bool logmsg_is_journal(const char *journal_stream, int fd)
{
    if (!journal_stream || !*journal_stream)
        return false;
    uintmax_t dev, ino;
    char tail;
    if (sscanf(journal_stream, "%ju:%ju%c", &dev, &ino, &tail) != 2)
        return false;
    struct stat st;
    if (fstat(fd, &st) != 0)
        return false;
    /* systemd sets it for the service's own stdout/stderr; a child whose stderr was sent
     * elsewhere inherits the variable, so the file must be the very one it names. */
    return (uintmax_t)st.st_dev == dev && (uintmax_t)st.st_ino == ino;
}

void logmsg_init(void)
{
    to_journal = logmsg_is_journal(getenv("JOURNAL_STREAM"), STDERR_FILENO);
}

static void vlog(FILE *out, bool journal, int priority, const char *fmt, va_list ap)
{
    char line[2048];
    vsnprintf(line, sizeof line, fmt, ap);
    if (journal)
        fprintf(out, "<%d>%s\n", LOG_PRI(priority), line);
    else
        fprintf(out, "vaermed: %s\n", line);
}

void logmsg(int priority, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(stderr, to_journal, priority, fmt, ap);
    va_end(ap);
}

void logmsg_to(FILE *out, bool journal, int priority, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(out, journal, priority, fmt, ap);
    va_end(ap);
}
