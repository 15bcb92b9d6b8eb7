/* cli: the command line of DESIGN.md. main() parses the global options (--db, --config,
 * --help, --version), then hands the rest to one command function.
 *
 * A command returns the process exit status: 0 only when what it was asked to do is done
 * and committed; 1 when it refused or failed (the reason printed to ctx->err in plain words);
 * 2 for a usage error (wrong arguments; the usage line printed).
 *
 * Threads: the command line's one thread.
 */
#ifndef VM_CLI_CLI_H
#define VM_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "config/config.h"
#include "config/langs.h"
#include "seal/seal.h"

typedef struct cli_ctx {
    const config *cfg;
    const char *config_path; /* the file the config was read from (for `pin set`) */
    const char *db_path;  /* resolved: --db, else config, else $XDG_DATA_HOME/vaermed/vaermed.db */
    int64_t now;          /* UTC seconds (VAERMED_NOW for tests, else the system clock) */
    FILE *out;            /* stdout */
    FILE *err;            /* stderr */
} cli_ctx;

/* Each takes the arguments after the command word (argv[0] is the command word). */
int cli_list(const cli_ctx *ctx, int argc, char **argv);     /* vaermed list */
int cli_join(const cli_ctx *ctx, int argc, char **argv);     /* vaermed join UID --name ... */
int cli_signups(const cli_ctx *ctx, int argc, char **argv);  /* vaermed signups [UID] */
int cli_cancel(const cli_ctx *ctx, int argc, char **argv);   /* vaermed cancel SIGNUP_ID, or
                                                                UID --name N --code C */
int cli_kiosk(const cli_ctx *ctx, int argc, char **argv);    /* vaermed kiosk key */
int cli_qr(const cli_ctx *ctx, int argc, char **argv);       /* vaermed qr UID -o FILE.png */
int cli_poster(const cli_ctx *ctx, int argc, char **argv);   /* vaermed poster ... -o FILE.pdf */
int cli_sync(const cli_ctx *ctx, int argc, char **argv);     /* vaermed sync DIR */
int cli_stick(const cli_ctx *ctx, int argc, char **argv);    /* vaermed stick init|list|revoke */
int cli_merge(const cli_ctx *ctx, int argc, char **argv);    /* vaermed merge DIR... -o F.csv */
int cli_clock(const cli_ctx *ctx, int argc, char **argv);    /* vaermed clock [reset] */
int cli_pin(const cli_ctx *ctx, int argc, char **argv);      /* vaermed pin set */
int cli_staff_key(const cli_ctx *ctx, int argc, char **argv); /* vaermed staff-key new|add|... */
int cli_open_export(const cli_ctx *ctx, int argc, char **argv); /* vaermed open-export FILE */
int cli_update(const cli_ctx *ctx, int argc, char **argv);   /* vaermed update keygen|sign|verify */

/* How a command opens the database. */
typedef enum cli_open_mode {
    CLI_READ = 0, /* read-only: list, signups, qr, poster */
    CLI_WRITE,    /* an existing database: join, cancel, sync */
    CLI_CREATE    /* made when missing: stick init on a kiosk that never ran */
} cli_open_mode;

/* Opens the database for a command, with the plain-words message on failure (printed to
 * ctx->err). Returns NULL when it cannot. */
struct store;
struct store *cli_open_store(const cli_ctx *ctx, cli_open_mode mode);

/* The time a command works with: ctx->now, or the clock floor the last staff stick set when
 * this machine's clock is behind it (a Pi without battery or network), so a command never
 * takes a passed deadline for an open one. */
int64_t cli_now(const cli_ctx *ctx, struct store *s);

/* The kiosk's first language, with Danish for what it has no words for (langs_staff), for
 * a command's messages. */
const i18n_catalog *cli_first_language(const cli_ctx *ctx, langs *l);

/* The staff's secret key, unlocked with the passphrase asked on the terminal (or read from
 * standard input): from `path`, else $VAERMED_STAFF_KEY, else
 * $XDG_CONFIG_HOME/vaermed/personale.key. 0 when it is in `out` (wipe it after use), 1 with
 * the reason on ctx->err. */
int cli_unlock_staff_key(const cli_ctx *ctx, const char *path, seal_secret *out);

/* True when one of the inputs is (or holds) a sealed file. */
bool cli_inputs_sealed(const char *const *inputs, size_t n);

#endif
