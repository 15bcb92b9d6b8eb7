#include "app/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qr/qr.h"

static ui_qr_kind ui_kind(qr_target_kind k)
{
    switch (k) {
    case QR_TARGET_URL: return UI_QR_URL;
    case QR_TARGET_SMS: return UI_QR_SMS;
    case QR_TARGET_CALENDAR: return UI_QR_CALENDAR;
    case QR_TARGET_NONE: break;
    }
    return UI_QR_NONE;
}

static void qr_clear(model_qr *q)
{
    free(q->payload);
    free(q->modules);
    memset(q, 0, sizeof *q);
}

/* Finds the previous model's QR for this uid and payload, and moves it over. */
static bool take_previous(model_qr *prev, size_t n_prev, const char *uid, const char *payload,
                          model_qr *out)
{
    for (size_t i = 0; i < n_prev; i++) {
        if (prev[i].payload && strcmp(prev[i].uid, uid) == 0 &&
            strcmp(prev[i].payload, payload) == 0) {
            *out = prev[i];
            memset(&prev[i], 0, sizeof prev[i]);
            return true;
        }
    }
    return false;
}

/* Makes the code for one activity; an activity whose payload cannot be encoded simply shows
 * no code (the reason is for the log, not for the resident). */
static void make_qr(const activity *a, const char *url_template, model_qr *prev, size_t n_prev,
                    model_qr *out)
{
    char payload[QR_PAYLOAD_MAX];
    qr_target_kind kind = QR_TARGET_NONE;
    memset(out, 0, sizeof *out);
    snprintf(out->uid, sizeof out->uid, "%s", a->uid);
    if (qr_target_for(a, url_template, payload, sizeof payload, &kind, NULL) != VM_OK ||
        kind == QR_TARGET_NONE)
        return;
    if (take_previous(prev, n_prev, a->uid, payload, out))
        return;
    qr_code *code = NULL;
    if (qr_encode(payload, &code, NULL) != VM_OK)
        return;
    int size = qr_size(code);
    out->modules = malloc((size_t)size * (size_t)size);
    out->payload = strdup(payload);
    if (out->modules && out->payload) {
        memcpy(out->modules, qr_modules(code), (size_t)size * (size_t)size);
        out->size = size;
        out->kind = ui_kind(kind);
    } else {
        qr_clear(out);
        snprintf(out->uid, sizeof out->uid, "%s", a->uid);
    }
    qr_free(code);
}

vm_status kiosk_model_load(kiosk_model *m, store *s, int64_t now, const char *url_template,
                           vm_err *err)
{
    activity *acts = NULL;
    activity_counts *counts = NULL;
    size_t n = 0;
    ui_entry *entries = NULL;
    model_qr *qrs = NULL;
    vm_status st = store_activities_between(s, now - 12 * 3600,
                                            now + (int64_t)MODEL_WEEKS_AHEAD * 7 * 86400, &acts,
                                            &counts, &n, err);
    if (st != VM_OK)
        goto out;
    entries = calloc(n ? n : 1, sizeof *entries);
    qrs = calloc(n ? n : 1, sizeof *qrs);
    if (!entries || !qrs) {
        st = err_set(err, VM_ERR_NOMEM, "Out of memory loading the program.");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        entries[i].act = acts[i];
        entries[i].counts = counts[i];
        make_qr(&acts[i], url_template, m->qrs, m->n_entries, &qrs[i]);
        entries[i].qr = qrs[i].modules;
        entries[i].qr_size = qrs[i].size;
        entries[i].qr_kind = qrs[i].kind;
    }
    /* Swap in the new lists; what the previous model still holds is freed. */
    ui_model keep = m->ui;
    kiosk_model_free(m);
    m->entries = entries;
    m->qrs = qrs;
    m->n_entries = n;
    m->ui = keep;
    m->ui.entries = entries;
    m->ui.n_entries = n;
    entries = NULL;
    qrs = NULL;
out:
    free(acts);
    free(counts);
    free(entries);
    free(qrs);
    return st;
}

void kiosk_model_free(kiosk_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->qrs && i < m->n_entries; i++)
        qr_clear(&m->qrs[i]);
    free(m->qrs);
    free(m->entries);
    m->qrs = NULL;
    m->entries = NULL;
    m->n_entries = 0;
    m->ui.entries = NULL;
    m->ui.n_entries = 0;
}
