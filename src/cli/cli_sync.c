/* The stick commands: vaermed sync DIR, vaermed merge DIR... -o F, and vaermed clock
 * [reset] for the time the sticks set (stick init/list/revoke are in cli_keys.c). They run
 * the same code as the kiosk (src/sync) and speak the kiosk's first language. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "services/clock.h"
#include "config/langs.h"
#include "platform/batch_memory.h"
#include "platform/random.h"
#include "kiosk/sticks.h"
#include "platform/secret.h"
#include "core/dktime.h"
#include "store/store.h"
#include "sync/sync.h"
#include "sync/sync_merge.h"

const i18n_catalog *cli_first_language(const cli_ctx *ctx, langs *l)
{
    langs_load_staff(l, ctx->cfg);
    return langs_staff(l);
}

int cli_sync(const cli_ctx *ctx, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(ctx->err, "usage: vaermed sync DIR [--db PATH]\n");
        return 2;
    }
    batch_memory_prefer();
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    /* a synced folder is told of in its own words ("Mappen er opdateret"), as the kiosk's
     * own folder syncs are, not as a stick to take out */
    i18n_catalog *folder_words = sticks_folder_words(ctx->cfg, argv[1], false, cat);
    if (folder_words)
        cat = folder_words;
    store *s = cli_open_store(ctx, CLI_WRITE);
    if (!s) {
        i18n_catalog_free(folder_words);
        langs_free(&l);
        return 1;
    }
    uint8_t rnd[16];
    bool have_rnd = random_bytes(rnd, sizeof rnd);
    sync_options opt;
    sticks_sync_options(ctx->cfg, cat, have_rnd ? rnd : NULL, &opt);
    sync_result res;
    vm_err err = {0};
    code_key key;
    vm_err kerr = {0};
    if (secret_load(ctx->db_path, true, &key, &kerr) == VM_OK)
        opt.code_key = &key; /* else the codes stay here; the sync goes on */
    vm_status st = sync_run(s, argv[1], ctx->now, &opt, &res, &err);
    memset(&key, 0, sizeof key);
    char summary[2048];
    sync_summary_text(&res, cat, summary, sizeof summary);
    if (st == VM_OK)
        fprintf(ctx->out, "%s\n", summary);
    else
        fprintf(ctx->err, "vaermed: %s\n", summary);
    if (res.detail[0]) /* the technical words, for whoever helps the staff */
        fprintf(ctx->err, "vaermed: (%s)\n", res.detail);
    store_close(s);
    i18n_catalog_free(folder_words);
    langs_free(&l);
    return st == VM_OK ? 0 : 1;
}

/* The association's figures: visits and people, per kiosk and for the estate. */
static void print_totals(const cli_ctx *ctx, const i18n_catalog *cat,
                         const sync_merge_report *rep)
{
    fprintf(ctx->out, "\n%s\n", i18n_text(cat, "Kiosk\tSign-ups\tPersons\tDifferent names"));
    for (int k = 0; k < rep->n_kiosks; k++) {
        const sync_merge_totals *t = &rep->kiosk[k];
        char who[160];
        if (t->kiosk_name[0])
            snprintf(who, sizeof who, "%s (%s)", t->kiosk_name, t->kiosk_id);
        else
            snprintf(who, sizeof who, "%s", t->kiosk_id[0] ? t->kiosk_id : "?");
        fprintf(ctx->out, "%s\t%d\t%d\t%d\n", who, t->signups, t->heads, t->people);
    }
    fprintf(ctx->out, "%s\t%d\t%d\t%d\n", i18n_text(cat, "The whole estate"),
            rep->estate.signups, rep->estate.heads, rep->estate.people);
}

int cli_merge(const cli_ctx *ctx, int argc, char **argv)
{
    const char *out = NULL, *key_path = NULL;
    const char *inputs[64];
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--key") == 0 && i + 1 < argc) {
            key_path = argv[++i];
        } else if (argv[i][0] == '-' || n == sizeof inputs / sizeof inputs[0]) {
            out = NULL;
            n = 0;
            break;
        } else {
            inputs[n++] = argv[i];
        }
    }
    if (!out || !n) {
        fprintf(ctx->err, "usage: vaermed merge DIR... -o FILE.csv [--key STAFF.KEY]\n");
        return 2;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    sync_merge_report rep;
    vm_err err = {0};
    seal_secret key;
    bool have_key = false;
    vm_status st = VM_OK;
    /* A sealed list needs the staff key: unlocked once, only when one is there. */
    if (key_path || cli_inputs_sealed(inputs, n)) {
        if (cli_unlock_staff_key(ctx, key_path, &key) != 0) {
            langs_free(&l);
            return 1;
        }
        have_key = true;
    }
    st = sync_merge(inputs, n, out, have_key ? &key : NULL, cat, &rep, &err);
    seal_secret_wipe(&key);
    if (st == VM_OK) {
        char line[256];
        snprintf(line, sizeof line,
                 i18n_plural(cat, "%d sign-up written to %s", "%d sign-ups written to %s",
                             rep.signups),
                 rep.signups, out);
        fprintf(ctx->out, "%s\n", line);
        print_totals(ctx, cat, &rep);
    } else {
        fprintf(ctx->err, "vaermed: %s\n", err.msg);
    }
    langs_free(&l);
    return st == VM_OK ? 0 : 1;
}

/* vaermed clock: what the kiosk takes as now, and the floor a staff stick set; `reset`
 * forgets the floor (a wrong time.txt), as the staff screen's button does. */
int cli_clock(const cli_ctx *ctx, int argc, char **argv)
{
    bool reset = argc == 2 && strcmp(argv[1], "reset") == 0;
    if (argc > 2 || (argc == 2 && !reset)) {
        fprintf(ctx->err, "usage: vaermed clock [reset] [--db PATH]\n");
        return 2;
    }
    langs l = {0};
    const i18n_catalog *cat = cli_first_language(ctx, &l);
    store *s = cli_open_store(ctx, reset ? CLI_WRITE : CLI_READ);
    if (!s) {
        langs_free(&l);
        return 1;
    }
    int status = 0;
    char own[17], floor_text[17], line[512];
    dktime_format_local(ctx->now, own);
    int64_t floor = sync_clock_floor(s);
    dktime_format_local(floor, floor_text);
    if (reset) {
        vm_err err = {0};
        if (sync_clock_reset(s, NULL, &err) != VM_OK) {
            fprintf(ctx->err, "vaermed: %s\n", err.msg);
            status = 1;
        } else if (floor > 0) {
            snprintf(line, sizeof line,
                     i18n_text(cat, "The time a staff stick set (%s) is forgotten. The kiosk "
                                    "counts from its own clock (%s); a kiosk that is running "
                                    "follows when it starts again."),
                     floor_text, own);
            fprintf(ctx->out, "%s\n", line);
        } else {
            fprintf(ctx->out, "%s\n",
                    i18n_text(cat, "No staff stick has set the time: there is nothing to "
                                   "forget."));
        }
    } else {
        snprintf(line, sizeof line, i18n_text(cat, "The computer's clock: %s"), own);
        fprintf(ctx->out, "%s\n", line);
        if (floor > 0) {
            snprintf(line, sizeof line,
                     i18n_text(cat, "The time a staff stick set: %s (the kiosk never counts "
                                    "from before it; `vaermed clock reset` forgets it)"),
                     floor_text);
        } else {
            snprintf(line, sizeof line, "%s",
                     i18n_text(cat, "No staff stick has set the time."));
        }
        fprintf(ctx->out, "%s\n", line);
        int64_t built = clock_build_time();
        if (built > 0) {
            char b[17];
            dktime_format_local(built, b);
            snprintf(line, sizeof line, i18n_text(cat, "This Vær med was made: %s"), b);
            fprintf(ctx->out, "%s\n", line);
        }
    }
    store_close(s);
    langs_free(&l);
    return status;
}
