/* vaermed: the kiosk and the staff's command line (DESIGN.md, "Command line"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "services/clock.h"
#include "config/config.h"
#include "kiosk/kiosk.h"
#include "platform/logmsg.h"
#include "platform/paths.h"

#define DEFAULT_CONFIG "/etc/vaermed/vaermed.conf"

static const char usage[] =
    "Vær med " VAERMED_VERSION ": the activities of the common house, one tap away.\n"
    "\n"
    "usage:\n"
    "  vaermed [--db PATH] [--config PATH] [--fullscreen] [--window WxH] [--demo]\n"
    "                                             the kiosk\n"
    "  vaermed list [--all]                       upcoming activities, one a line\n"
    "  vaermed join UID --name NAME [--adults N] [--children N] [--task TASK]\n"
    "               [--company] [--code 1234]     a sign-up for someone who phoned\n"
    "  vaermed signups [UID]                      sign-ups as CSV\n"
    "  vaermed cancel SIGNUP_ID                   cancel a sign-up\n"
    "  vaermed cancel UID --name NAME --code 1234 cancel as the resident would with the\n"
    "                                             code, also a sign-up made at another\n"
    "                                             kiosk of the estate\n"
    "  vaermed qr UID -o FILE.png                 one activity's QR code\n"
    "  vaermed poster [--week | --next-week] -o FILE.pdf\n"
    "                                             the week's program as an A4 poster\n"
    "  vaermed poster --activity UID -o FILE.pdf  a poster for one activity\n"
    "  vaermed sync DIR                           sync with a mounted USB stick folder or\n"
    "                                             the synced folder (sync_folder)\n"
    "  vaermed kiosk key                          this kiosk's key: the estate_kiosk_key\n"
    "                                             line for the estate's other kiosks\n"
    "  vaermed stick init DIR [--label NAME] [--days N | --expires DATE|never]\n"
    "                                             make DIR a staff stick for this kiosk\n"
    "  vaermed stick list | stick revoke ID       the staff sticks; withdraw one\n"
    "  vaermed pin set                            store the staff PIN as a hash in the config\n"
    "  vaermed staff-key new [--stick DIR]        (office PC) the staff's key pair\n"
    "  vaermed staff-key add FILE.pub | list | remove FINGERPRINT\n"
    "                                             the staff keys sign-ups are sealed to\n"
    "  vaermed open-export FILE.vaermed... [-o OUT] [--key FILE]\n"
    "                                             (office PC) open sealed sign-ups\n"
    "  vaermed merge DIR... -o FILE.csv [--key FILE]\n"
    "                                             combine several kiosks' sign-ups\n"
    "  vaermed clock [reset]                      the kiosk's clock and the time the staff\n"
    "                                             sticks set; reset forgets a wrong one\n"
    "  vaermed update keygen DIR                  a new estate update key\n"
    "  vaermed update sign FILE.deb --key FILE    sign a new Vær med for the sticks\n"
    "  vaermed update verify FILE.deb             check one with update_key\n"
    "\n"
    "Every command takes --db PATH and --config PATH (default " DEFAULT_CONFIG ").\n"
    "The database is by default $XDG_DATA_HOME/vaermed/vaermed.db.\n";

typedef int (*command_fn)(const cli_ctx *, int, char **);

static const struct {
    const char *name;
    command_fn fn;
} commands[] = {
    {"list", cli_list},     {"join", cli_join}, {"signups", cli_signups},
    {"cancel", cli_cancel}, {"qr", cli_qr},     {"poster", cli_poster},
    {"sync", cli_sync},     {"stick", cli_stick}, {"merge", cli_merge},
    {"clock", cli_clock},
    {"pin", cli_pin},       {"staff-key", cli_staff_key}, {"open-export", cli_open_export},
    {"update", cli_update}, {"kiosk", cli_kiosk},
};

static bool parse_size(const char *s, int *w, int *h)
{
    char x;
    return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w >= 200 &&
           *h >= 200 && *w <= 8192 && *h <= 8192;
}

int main(int argc, char **argv)
{
    logmsg_init();
    const char *db = NULL, *config_path = NULL;
    bool fullscreen = false, demo = false;
    int width = 800, height = 480;
    /* Global options may stand anywhere; the rest goes to the command. */
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int n_rest = 0;
    if (!rest)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--db") == 0 || strcmp(a, "--config") == 0 ||
             strcmp(a, "--window") == 0) && i + 1 >= argc) {
            logmsg(LOG_ERR, "%s needs a value", a);
            free(rest);
            return 2;
        }
        if (strcmp(a, "--db") == 0) {
            db = argv[++i];
        } else if (strcmp(a, "--config") == 0) {
            config_path = argv[++i];
        } else if (strcmp(a, "--window") == 0) {
            if (!parse_size(argv[++i], &width, &height)) {
                logmsg(LOG_ERR, "--window wants a size like 800x480, not '%s'", argv[i]);
                free(rest);
                return 2;
            }
        } else if (strcmp(a, "--fullscreen") == 0) {
            fullscreen = true;
        } else if (strcmp(a, "--demo") == 0) {
            demo = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            free(rest);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("vaermed %s\n", VAERMED_VERSION);
            free(rest);
            return 0;
        } else {
            rest[n_rest++] = argv[i];
        }
    }

    int status = 1;
    config cfg;
    config_defaults(&cfg);
    vm_err err = {0};
    const char *cfg_file = config_path ? config_path : DEFAULT_CONFIG;
    if (config_load(&cfg, cfg_file, &err) != VM_OK &&
        (config_path || err.status != VM_ERR_NOT_FOUND)) {
        logmsg(LOG_ERR, "%s", err.msg);
        goto out;
    }
    for (size_t i = 0; i < cfg.n_problems; i++)
        logmsg(LOG_WARNING, "%s line %d: %s (the default is used)", cfg_file,
                cfg.problems[i].line, cfg.problems[i].msg);

    char db_path[4096];
    bool db_default = false;
    if (paths_db(db, cfg.db_path, db_path, sizeof db_path, &db_default, &err) != VM_OK) {
        logmsg(LOG_ERR, "%s", err.msg);
        goto out;
    }
    vm_clock clock;
    if (!clock_init(&clock)) {
        logmsg(LOG_ERR, "VAERMED_NOW must look like 2026-11-23T10:00Z");
        status = 2;
        goto out;
    }

    if (n_rest == 0) {
        const char *soft = getenv("VAERMED_SOFTWARE");
        kiosk_options ko = {.cfg = &cfg,
                            .db_path = db_path,
                            .db_is_default = db_default,
                            .demo = demo,
                            .fullscreen = fullscreen || cfg.fullscreen,
                            .width = width,
                            .height = height,
                            .dump_path = getenv("VAERMED_UI_DUMP"),
                            .input_path = getenv("VAERMED_UI_INPUT"),
                            .software = soft && *soft == '1'};
        status = kiosk_run(&ko, &clock);
        goto out;
    }
    cli_ctx ctx = {&cfg, cfg_file, db_path, clock_now(&clock), stdout, stderr};
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(rest[0], commands[i].name) == 0) {
            status = commands[i].fn(&ctx, n_rest, rest);
            goto out;
        }
    }
    fprintf(stderr, "vaermed: there is no command '%s'\n\n%s", rest[0], usage);
    status = 2;
out:
    free(rest);
    return status;
}
