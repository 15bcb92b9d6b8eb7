#include "cli/prompt.h"

#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static bool read_line(int fd, char *out, size_t size)
{
    size_t n = 0;
    for (;;) {
        char c;
        ssize_t got = read(fd, &c, 1);
        if (got < 0)
            return false;
        if (got == 0 || c == '\n')
            break;
        if (n + 1 >= size) {
            memset(out, 0, size);
            return false;
        }
        out[n++] = c;
    }
    if (n && out[n - 1] == '\r')
        n--;
    out[n] = '\0';
    return true;
}

bool prompt_secret(const char *question, char *out, size_t size, FILE *err)
{
    if (size == 0)
        return false;
    out[0] = '\0';
    int tty = isatty(STDIN_FILENO) ? open("/dev/tty", O_RDWR | O_CLOEXEC) : -1;
    if (tty < 0) {
        /* A script or a test: one line from standard input. (Reading stdin with read(2)
         * leaves nothing buffered behind for the next question.) */
        return read_line(STDIN_FILENO, out, size);
    }
    fprintf(err, "%s ", question);
    fflush(err);
    struct termios old, quiet;
    bool restore = tcgetattr(tty, &old) == 0;
    if (restore) {
        quiet = old;
        quiet.c_lflag &= (tcflag_t) ~(ECHO | ECHONL);
        quiet.c_lflag |= ICANON;
        tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    bool ok = read_line(tty, out, size);
    if (restore)
        tcsetattr(tty, TCSAFLUSH, &old);
    fputc('\n', err);
    close(tty);
    return ok && out[0];
}
