/* The staff's everyday commands: list, join, signups, cancel, qr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "services/clock.h"
#include "platform/modules.h"
#include "platform/paths.h"
#include "platform/secret.h"
#include "services/signing.h"
#include "config/langs.h"
#include "core/dktime.h"
#include "core/rules.h"
#include "qr/qr.h"
#include "store/store.h"
#include "sync/sync.h"

struct store *cli_open_store(const cli_ctx *ctx, cli_open_mode mode)
{
    store *s = NULL;
    vm_err err = {0};
    unsigned flags = mode == CLI_READ ? STORE_READONLY : mode == CLI_CREATE ? STORE_CREATE : 0;
    if (mode == CLI_CREATE && paths_make_parent(ctx->db_path, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        return NULL;
    }
    if (store_open(ctx->db_path, flags, &s, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        if (err.status == VM_ERR_NOT_FOUND)
            fprintf(ctx->err, "vaermed: (start the kiosk once, or give --db PATH)\n");
        return NULL;
    }
    code_key key;
    if (mode != CLI_READ && secret_load_and_upgrade(s, ctx->db_path, &key, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        store_close(s);
        return NULL;
    }
    memset(&key, 0, sizeof key);
    return s;
}

int64_t cli_now(const cli_ctx *ctx, struct store *s)
{
    int64_t floor = sync_clock_floor(s);
    return floor > ctx->now && clock_floor_plausible(floor) ? floor : ctx->now;
}

/* Parses a whole non-negative number within [lo, hi]. */
static bool parse_count(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static void places_text(const activity *a, const activity_counts *c, int64_t now, char *out,
                        size_t size)
{
    join_state js = rules_join_state(a, c, now);
    int left = rules_places_left(a, c);
    if (a->cancelled)
        snprintf(out, size, "cancelled");
    else if (a->mode == SIGNUP_MODE_NONE)
        snprintf(out, size, "just come");
    else if (a->mode == SIGNUP_MODE_HELPERS)
        snprintf(out, size, "%d helpers", c->helpers);
    else if (left < 0)
        snprintf(out, size, "%d signed up, no limit", c->heads_taken);
    else if (left == 0)
        snprintf(out, size, "full, %d of %d taken, %d waiting", c->heads_taken, a->capacity,
                 c->waiting);
    else
        snprintf(out, size, "%d of %d places left", left, a->capacity);
    if (js == JOIN_DEADLINE_PASSED && !a->cancelled) {
        size_t n = strlen(out);
        snprintf(out + n, size - n, ", sign-up closed");
    }
}

int cli_list(const cli_ctx *ctx, int argc, char **argv)
{
    int all = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--all") == 0) {
            all = 1;
        } else {
            fprintf(ctx->err, "usage: vaermed list [--all] [--db PATH]\n");
            return 2;
        }
    }
    store *s = cli_open_store(ctx, CLI_READ);
    if (!s)
        return 1;
    activity *acts = NULL;
    activity_counts *counts = NULL;
    size_t n = 0;
    vm_err err = {0};
    int status = 1;
    int64_t now = cli_now(ctx, s);
    int64_t from = all ? INT64_MIN / 2 : now;
    if (store_activities_between(s, from, INT64_MAX / 2, &acts, &counts, &n, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        char when[17], places[128];
        dktime_format_local(acts[i].start, when);
        places_text(&acts[i], &counts[i], now, places, sizeof places);
        fprintf(ctx->out, "%s\t%s\t%s\t%s\n", acts[i].uid, when, acts[i].title, places);
    }
    status = 0;
out:
    free(acts);
    free(counts);
    store_close(s);
    return status;
}

/* Finds a helper task of `a` by id or by title (case-insensitive). */
static int64_t find_task(const activity *a, const char *what)
{
    char *end;
    long long id = strtoll(what, &end, 10);
    for (int i = 0; i < a->n_tasks; i++) {
        if ((*end == '\0' && a->tasks[i].id == id) || strcasecmp(a->tasks[i].title, what) == 0)
            return a->tasks[i].id;
    }
    return 0;
}

int cli_join(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] =
        "usage: vaermed join UID --name NAME [--adults N] [--children N] [--task TASK]\n"
        "                    [--company] [--code 1234] [--db PATH]\n";
    const char *uid = NULL, *name = NULL, *task = NULL, *code = NULL;
    int adults = 1, children = 0;
    bool company = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--name") == 0 && v) {
            name = v, i++;
        } else if (strcmp(a, "--adults") == 0 && v) {
            if (!parse_count(v, 0, HOUSEHOLD_MAX, &adults)) {
                fprintf(ctx->err, "vaermed: --adults must be a number from 0 to %d, not '%s'\n",
                        HOUSEHOLD_MAX, v);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--children") == 0 && v) {
            if (!parse_count(v, 0, HOUSEHOLD_MAX, &children)) {
                fprintf(ctx->err, "vaermed: --children must be a number from 0 to %d, not '%s'\n",
                        HOUSEHOLD_MAX, v);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--task") == 0 && v) {
            task = v, i++;
        } else if (strcmp(a, "--code") == 0 && v) {
            code = v, i++;
        } else if (strcmp(a, "--company") == 0) {
            company = true;
        } else if (a[0] != '-' && !uid) {
            uid = a;
        } else {
            fprintf(ctx->err, "vaermed: I do not understand '%s'\n%s", a, usage);
            return 2;
        }
    }
    if (!uid || !name) {
        fprintf(ctx->err, "vaermed: join needs the activity's id and --name\n%s", usage);
        return 2;
    }
    store *s = cli_open_store(ctx, CLI_WRITE);
    if (!s)
        return 1;
    int status = 1;
    vm_err err = {0};
    activity act;
    if (store_activity_get(s, uid, &act, NULL, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    int64_t task_id = 0;
    if (task) {
        task_id = find_task(&act, task);
        if (!task_id) {
            fprintf(ctx->err, "vaermed: '%s' has no helper task '%s'. Its tasks:\n", act.title,
                    task);
            for (int i = 0; i < act.n_tasks; i++)
                fprintf(ctx->err, "  %lld  %s\n", (long long)act.tasks[i].id, act.tasks[i].title);
            goto out;
        }
        adults = 1;
        children = 0;
    }
    signing_request req = {uid, task_id, name, adults, children, company, code};
    signup su;
    code_key key;
    if (secret_load(ctx->db_path, true, &key, &err) != VM_OK ||
        signing_join(s, &req, &key, cli_now(ctx, s), &su, NULL, &err) != VM_OK) {
        memset(&key, 0, sizeof key);
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    memset(&key, 0, sizeof key);
    if (su.status == SIGNUP_WAITING)
        fprintf(ctx->out, "%s\ton the waiting list as number %d for %s\n", su.id,
                su.waiting_position, act.title);
    else
        fprintf(ctx->out, "%s\tsigned up for %s\n", su.id, act.title);
    status = 0;
out:
    store_close(s);
    return status;
}

/* One CSV field, quoted when it holds a separator, quote or line break (RFC 4180). */
int cli_signups(const cli_ctx *ctx, int argc, char **argv)
{
    const char *uid = NULL;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-' && !uid) {
            uid = argv[i];
        } else {
            fprintf(ctx->err, "usage: vaermed signups [UID] [--db PATH]\n");
            return 2;
        }
    }
    store *s = cli_open_store(ctx, CLI_READ);
    if (!s)
        return 1;
    int status = 1;
    vm_err err = {0};
    signup *list = NULL;
    size_t n = 0;
    if (uid && store_activity_get(s, uid, &(activity){0}, NULL, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    if (store_signups_list(s, uid, &list, &n, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    fputs("id,activity,name,adults,children,status,waiting_position,created,task_id,"
          "wants_company\n", ctx->out);
    for (size_t i = 0; i < n; i++) {
        const signup *su = &list[i];
        char created[21];
        dktime_format_iso_utc(su->created, created);
        fprintf(ctx->out, "%s,", su->id);
        /* A name typed as =HYPERLINK(...) stays text in Excel, as in the stick's export. */
        sync_csv_write_cell(ctx->out, su->activity_uid, ',');
        fputc(',', ctx->out);
        sync_csv_write_cell(ctx->out, su->name, ',');
        fprintf(ctx->out, ",%d,%d,%s,", su->adults, su->children, signup_status_key(su->status));
        if (su->status == SIGNUP_WAITING)
            fprintf(ctx->out, "%d", su->waiting_position);
        fprintf(ctx->out, ",%s,", created);
        if (su->task_id)
            fprintf(ctx->out, "%lld", (long long)su->task_id);
        fprintf(ctx->out, ",%s\n", su->wants_company ? "yes" : "no");
    }
    status = 0;
out:
    free(list);
    store_close(s);
    return status;
}

/* vaermed cancel UID --name NAME --code CODE: as a resident on the cancel screen (the same
 * rule and the same one answer for no such name, no code and a wrong code), also for a
 * sign-up made at another kiosk of the estate. */
static int cancel_with_code(const cli_ctx *ctx, const char *uid, const char *name,
                            const char *code)
{
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    store *s = cli_open_store(ctx, CLI_WRITE);
    if (!s) {
        langs_free(&l);
        return 1;
    }
    vm_err err = {0};
    int promoted = 0, status = 1;
    code_key key;
    signup done;
    vm_status st = secret_load(ctx->db_path, true, &key, &err);
    if (st == VM_OK)
        st = store_cancel_with_code(s, uid, name, code, &key, cli_now(ctx, s), &done,
                                    &promoted, &err);
    memset(&key, 0, sizeof key);
    if (st == VM_ERR_NOT_FOUND) {
        fprintf(ctx->err, "vaermed: %s\n",
                i18n_text(cat, "The name and the code do not match. Please try again, or ask "
                               "the staff."));
    } else if (st != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
    } else {
        fprintf(ctx->out, "%s\tcancelled", done.id);
        if (promoted)
            fprintf(ctx->out, "; %d moved up from the waiting list", promoted);
        fputc('\n', ctx->out);
        status = 0;
    }
    store_close(s);
    langs_free(&l);
    return status;
}

int cli_cancel(const cli_ctx *ctx, int argc, char **argv)
{
    const char *name = NULL, *code = NULL;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--name") == 0)
            name = argv[i + 1];
        else if (strcmp(argv[i], "--code") == 0)
            code = argv[i + 1];
    }
    if (argc == 6 && argv[1][0] != '-' && name && code)
        return cancel_with_code(ctx, argv[1], name, code);
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(ctx->err, "usage: vaermed cancel SIGNUP_ID [--db PATH]\n"
                          "       vaermed cancel UID --name NAME --code CODE [--db PATH]\n");
        return 2;
    }
    store *s = cli_open_store(ctx, CLI_WRITE);
    if (!s)
        return 1;
    vm_err err = {0};
    int promoted = 0, status = 1;
    if (store_cancel(s, argv[1], cli_now(ctx, s), &promoted, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
    } else {
        fprintf(ctx->out, "%s\tcancelled", argv[1]);
        if (promoted)
            fprintf(ctx->out, "; %d moved up from the waiting list", promoted);
        fputc('\n', ctx->out);
        status = 0;
    }
    store_close(s);
    return status;
}

int cli_qr(const cli_ctx *ctx, int argc, char **argv)
{
    static const char usage[] = "usage: vaermed qr UID -o FILE.png [--db PATH]\n";
    const char *uid = NULL, *out_path = NULL;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            out_path = argv[++i];
        else if (argv[i][0] != '-' && !uid)
            uid = argv[i];
        else {
            fprintf(ctx->err, "vaermed: I do not understand '%s'\n%s", argv[i], usage);
            return 2;
        }
    }
    if (!uid || !out_path) {
        fprintf(ctx->err, "%s", usage);
        return 2;
    }
    store *s = cli_open_store(ctx, CLI_READ);
    if (!s)
        return 1;
    int status = 1;
    vm_err err = {0};
    activity act;
    char payload[QR_PAYLOAD_MAX];
    qr_target_kind kind;
    const print_module *print = NULL;
    if (store_activity_get(s, uid, &act, NULL, &err) != VM_OK ||
        qr_target_for(&act, ctx->cfg->url_template, payload, sizeof payload, &kind, &err) !=
            VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    if (kind == QR_TARGET_NONE) {
        fprintf(ctx->err, "vaermed: '%s' has no QR code: %s\n", act.title,
                act.cancelled ? "it is cancelled" : "it is for residents only");
        goto out;
    }
    if (!(print = modules_print(&err)) || print->qr_png(payload, 8, out_path, &err) != VM_OK) {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
        goto out;
    }
    status = 0;
out:
    store_close(s);
    return status;
}
