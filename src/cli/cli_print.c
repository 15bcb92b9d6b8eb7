/* vaermed poster: the printed program of the week, or one activity's poster. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "platform/modules.h"
#include "core/dktime.h"
#include "store/store.h"

int cli_poster(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] =
        "usage: vaermed poster [--week | --next-week] -o FILE.pdf [--db PATH]\n"
        "       vaermed poster --activity UID -o FILE.pdf [--db PATH]\n";
    const char *uid = NULL, *out_path = NULL;
    int weeks_ahead = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            out_path = argv[++i];
        else if (strcmp(argv[i], "--activity") == 0 && i + 1 < argc)
            uid = argv[++i];
        else if (strcmp(argv[i], "--week") == 0)
            weeks_ahead = 0;
        else if (strcmp(argv[i], "--next-week") == 0)
            weeks_ahead = 1;
        else {
            fprintf(ctx->err, "vaermed: I do not understand '%s'\n%s", argv[i], usage);
            return 2;
        }
    }
    if (!out_path) {
        fprintf(ctx->err, "vaermed: poster needs -o FILE.pdf\n%s", usage);
        return 2;
    }
    vm_err err = {0};
    const print_module *print = modules_print(&err);
    if (!print) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return 1;
    }
    store *s = cli_open_store(ctx, CLI_READ);
    if (!s)
        return 1;
    int status = 1;
    activity *acts = NULL;
    size_t n = 0;
    print_report rep = {0};
    int64_t now = cli_now(ctx, s);
    print_options po = {.estate_name = ctx->cfg->estate_name,
                        .url_template = ctx->cfg->url_template, .now = now};
    if (uid) {
        activity act;
        if (store_activity_get(s, uid, &act, NULL, &err) != VM_OK ||
            print->poster(&act, &po, out_path, &rep, &err) != VM_OK) {
            fprintf(ctx->err, "vaermed: %s\n", err.msg);
            goto out;
        }
    } else {
        int week, year;
        int64_t monday = dktime_week_start(now, &week, &year);
        /* A week later, found on the calendar: 7 days are 169 hours across October's change. */
        int64_t start = dktime_week_start(monday + (int64_t)weeks_ahead * 7 * 86400 + 43200,
                                          &week, &year);
        int64_t end = dktime_week_start(start + 7 * 86400 + 43200, &week, &year);
        if (store_activities_between(s, start, end, &acts, NULL, &n, &err) != VM_OK ||
            print->week(acts, n, start, &po, out_path, &rep, &err) != VM_OK) {
            fprintf(ctx->err, "vaermed: %s\n", err.msg);
            goto out;
        }
    }
    fprintf(ctx->out, "%s\t%d page%s, %d QR code%s\n", out_path, rep.pages,
            rep.pages == 1 ? "" : "s", rep.codes, rep.codes == 1 ? "" : "s");
    if (rep.codes_too_long)
        fprintf(ctx->err, "vaermed: %d activit%s printed without a QR code: the link or text is "
                          "too long for a code a phone can read\n",
                rep.codes_too_long, rep.codes_too_long == 1 ? "y" : "ies");
    status = 0;
out:
    free(acts);
    store_close(s);
    return status;
}
