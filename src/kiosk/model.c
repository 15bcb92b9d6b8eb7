#include "kiosk/model.h"

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

/* The codes of the previous model that were encoded (the few a screen has shown): only
 * those are worth carrying over, and looking through them alone keeps a reload linear. */
typedef struct made_codes {
    model_qr *prev;
    size_t *index;
    size_t n;
} made_codes;

/* Finds an encoded code of the previous model for this uid and payload, and moves it over. */
static bool take_previous(made_codes *made, const char *uid, const char *payload,
                          model_qr *out)
{
    for (size_t k = 0; k < made->n; k++) {
        model_qr *q = &made->prev[made->index[k]];
        if (q->modules && strcmp(q->uid, uid) == 0 && strcmp(q->payload, payload) == 0) {
            *out = *q;
            memset(q, 0, sizeof *q);
            return true;
        }
    }
    return false;
}

/* Chooses the code's payload for one activity (cheap: text only) and takes the previous
 * model's modules when the payload is the same; encoding waits until a screen needs it
 * (kiosk_model_need_qr). */
static void plan_qr(const activity *a, const char *url_template, made_codes *made,
                    model_qr *out)
{
    char payload[QR_PAYLOAD_MAX];
    qr_target_kind kind = QR_TARGET_NONE;
    memset(out, 0, sizeof *out);
    if (qr_target_for(a, url_template, payload, sizeof payload, &kind, NULL) != VM_OK ||
        kind == QR_TARGET_NONE)
        return;
    if (take_previous(made, a->uid, payload, out)) {
        out->kind = ui_kind(kind);
        return;
    }
    out->payload = strdup(payload);
    out->kind = out->payload ? ui_kind(kind) : UI_QR_NONE;
}

/* Encodes one planned code. An activity whose payload cannot be encoded simply shows no code
 * (the reason is for the log, not for the resident). */
static void encode_qr(model_qr *q)
{
    qr_code *code = NULL;
    if (q->modules || !q->payload || q->encode_failed)
        return;
    if (qr_encode(q->payload, &code, NULL) != VM_OK) {
        q->encode_failed = true;
        return;
    }
    int size = qr_size(code);
    q->modules = malloc((size_t)size * (size_t)size);
    if (q->modules) {
        memcpy(q->modules, qr_modules(code), (size_t)size * (size_t)size);
        q->size = size;
    }
    qr_free(code);
}

void kiosk_model_need_qr(void *ctx, const ui_entry *entry)
{
    kiosk_model *m = ctx;
    if (entry < m->entries || entry >= m->entries + m->n_entries)
        return;
    size_t i = (size_t)(entry - m->entries);
    encode_qr(&m->qrs[i]);
    m->entries[i].qr = m->qrs[i].modules;
    m->entries[i].qr_size = m->qrs[i].size;
}

bool kiosk_model_tel_payload(const char *phone, char *out, size_t size)
{
    size_t o = 0;
    bool digits = false;
    if (size < 5)
        return false;
    memcpy(out, "tel:", 4);
    o = 4;
    for (const char *p = phone; *p; p++) {
        bool plus = *p == '+' && o == 4;
        if (!plus && (*p < '0' || *p > '9'))
            continue;
        if (o + 1 >= size)
            return false;
        out[o++] = *p;
        digits = digits || !plus;
    }
    out[o] = '\0';
    return digits;
}

static void contacts_free(kiosk_model *m)
{
    for (size_t i = 0; m->contacts && i < m->n_contacts; i++) {
        free((void *)m->contacts[i].qr);
        free((void *)m->contacts[i].photo);
    }
    free(m->contacts);
    m->contacts = NULL;
    m->n_contacts = 0;
    m->ui.contacts = NULL;
    m->ui.n_contacts = 0;
}

/* The contacts with their codes; on failure the model keeps those it had. */
static vm_status load_contacts(kiosk_model *m, store *s, vm_err *err)
{
    contact *list = NULL;
    size_t n = 0;
    vm_status st = store_contacts_list(s, &list, &n, err);
    if (st != VM_OK)
        return st;
    ui_contact *out = n ? calloc(n, sizeof *out) : NULL;
    if (n && !out) {
        free(list);
        return err_set(err, VM_ERR_NOMEM, "Out of memory loading the contacts.");
    }
    store_photo photos[CONTACTS_MAX];
    if (store_contact_photos(s, photos, NULL) != VM_OK)
        memset(photos, 0, sizeof photos); /* the contacts without their photos, then */
    for (size_t i = 0; i < n; i++) {
        out[i].c = list[i];
        if (i < CONTACTS_MAX && photos[i].rgb) {
            out[i].photo = photos[i].rgb; /* the model owns it now */
            out[i].photo_w = photos[i].w;
            out[i].photo_h = photos[i].h;
            photos[i].rgb = NULL;
        }
        char payload[CONTACT_PHONE_MAX + 8];
        qr_code *code = NULL;
        if (!kiosk_model_tel_payload(list[i].phone, payload, sizeof payload) ||
            qr_encode(payload, &code, NULL) != VM_OK)
            continue;
        int size = qr_size(code);
        uint8_t *mod = malloc((size_t)size * (size_t)size);
        if (mod) {
            memcpy(mod, qr_modules(code), (size_t)size * (size_t)size);
            out[i].qr = mod;
            out[i].qr_size = size;
        }
        qr_free(code);
    }
    free(list);
    store_photos_free(photos);
    contacts_free(m);
    m->contacts = out;
    m->n_contacts = n;
    m->ui.contacts = out;
    m->ui.n_contacts = n;
    return VM_OK;
}

/* What a load builds, one activity at a time (store_activities_first_each). */
typedef struct loading {
    ui_entry *entries;
    model_qr *qrs;
    size_t n;
    ui_arena text;
    made_codes made;
    const char *url_template;
} loading;

static vm_status take_one(void *ctx, size_t i, size_t n, const activity *a,
                          const activity_counts *counts, vm_err *err)
{
    loading *l = ctx;
    if (i == 0) {
        l->entries = calloc(n, sizeof *l->entries);
        l->qrs = calloc(n, sizeof *l->qrs);
        l->n = n;
        if (!l->entries || !l->qrs)
            return err_set(err, VM_ERR_NOMEM, "Out of memory loading the program.");
    }
    ui_entry *e = &l->entries[i];
    model_qr *q = &l->qrs[i];
    if (!ui_activity_fill(&e->act, a, &l->text))
        return err_set(err, VM_ERR_NOMEM, "Out of memory loading the program.");
    e->counts = *counts;
    plan_qr(a, l->url_template, &l->made, q);
    q->uid = e->act.uid;
    e->qr = q->modules;
    e->qr_size = q->size;
    e->qr_kind = q->kind;
    return VM_OK;
}

vm_status kiosk_model_load(kiosk_model *m, store *s, int64_t now, const char *url_template,
                           vm_err *err)
{
    loading l = {.url_template = url_template};
    bool more = false;
    vm_status st = VM_OK;
    l.made.prev = m->qrs;
    l.made.index = malloc((m->n_entries ? m->n_entries : 1) * sizeof *l.made.index);
    for (size_t i = 0; l.made.index && i < m->n_entries; i++)
        if (m->qrs[i].modules)
            l.made.index[l.made.n++] = i;
    /* The store hands over one activity at a time (read in batches of 32), and its texts go
     * to the arena at their length: the window never exists as 300 whole activity structs
     * (3.5 KB each). */
    st = store_activities_first_each(s, now - 12 * 3600,
                                     now + (int64_t)MODEL_WEEKS_AHEAD * 7 * 86400,
                                     MODEL_MAX_ENTRIES, take_one, &l, &more, err);
    if (st == VM_OK && !l.entries) { /* an empty window */
        l.entries = calloc(1, sizeof *l.entries);
        l.qrs = calloc(1, sizeof *l.qrs);
        if (!l.entries || !l.qrs)
            st = err_set(err, VM_ERR_NOMEM, "Out of memory loading the program.");
    }
    if (st != VM_OK)
        goto out;
    ui_entry *entries = l.entries;
    model_qr *qrs = l.qrs;
    size_t n = l.n;
    /* Swap in the new lists; what the previous model still holds is freed. */
    ui_model keep = m->ui;
    unsigned long generation = m->generation;
    ui_contact *contacts = m->contacts;
    size_t n_contacts = m->n_contacts;
    idea *kept_ideas = m->ideas;
    size_t n_kept_ideas = m->n_ideas;
    m->contacts = NULL;
    m->n_contacts = 0;
    m->ideas = NULL;
    m->n_ideas = 0;
    kiosk_model_free(m);
    m->contacts = contacts;
    m->n_contacts = n_contacts;
    m->ideas = kept_ideas;
    m->n_ideas = n_kept_ideas;
    m->generation = generation;
    m->entries = entries;
    m->qrs = qrs;
    m->n_entries = n;
    m->text = l.text;
    m->ui = keep;
    m->ui.entries = entries;
    m->ui.n_entries = n;
    m->ui.need_qr = kiosk_model_need_qr;
    m->ui.need_qr_ctx = m;
    m->ui.generation = ++m->generation;
    m->more = more;
    l.entries = NULL;
    l.qrs = NULL;
    l.n = 0;
    l.text = (ui_arena){0};
    /* the contacts and ideas travel with the model but keep theirs if they cannot be read
     * now */
    load_contacts(m, s, NULL);
    idea *ideas = NULL;
    size_t n_ideas = 0;
    if (store_ideas_list(s, &ideas, &n_ideas, NULL) == VM_OK) {
        free(m->ideas);
        m->ideas = ideas;
        m->n_ideas = n_ideas;
        m->ui.ideas = ideas;
        m->ui.n_ideas = n_ideas;
    }
out:
    for (size_t i = 0; l.qrs && i < l.n; i++)
        qr_clear(&l.qrs[i]);
    free(l.made.index);
    free(l.entries);
    free(l.qrs);
    ui_arena_free(&l.text);
    return st;
}

size_t kiosk_model_bytes(const kiosk_model *m)
{
    if (!m || !m->entries)
        return 0;
    size_t bytes = m->n_entries * (sizeof *m->entries + sizeof *m->qrs) +
                   ui_arena_bytes(&m->text);
    for (size_t i = 0; i < m->n_entries; i++) {
        if (m->qrs[i].payload)
            bytes += strlen(m->qrs[i].payload) + 1;
        if (m->qrs[i].modules)
            bytes += (size_t)m->qrs[i].size * (size_t)m->qrs[i].size;
    }
    return bytes;
}

void kiosk_model_free(kiosk_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->qrs && i < m->n_entries; i++)
        qr_clear(&m->qrs[i]);
    free(m->qrs);
    free(m->entries);
    ui_arena_free(&m->text);
    contacts_free(m);
    free(m->ideas);
    m->ideas = NULL;
    m->n_ideas = 0;
    m->ui.ideas = NULL;
    m->ui.n_ideas = 0;
    m->qrs = NULL;
    m->entries = NULL;
    m->n_entries = 0;
    m->ui.entries = NULL;
    m->ui.n_entries = 0;
}
