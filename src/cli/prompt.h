/* prompt: asking a person for a secret on the command line (the staff's passphrase, a PIN).
 *
 * From the terminal (/dev/tty) without echo when there is one; otherwise one line from
 * standard input (scripts, tests: `printf 'pass\n' | vaermed open-export ...`). The line
 * end is removed. The caller wipes `out` after use.
 *
 * Threads: the command line's one thread.
 */
#ifndef VM_CLI_PROMPT_H
#define VM_CLI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Shows `question` on `err` (the terminal) and reads the answer. False when nothing could
 * be read (end of input) or the answer did not fit. */
bool prompt_secret(const char *question, char *out, size_t size, FILE *err);

#endif
