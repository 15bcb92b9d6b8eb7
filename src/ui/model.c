/* model: the activities of the model, as the screens and the state machine look them up. */
#include <string.h>

#include "ui/ui_internal.h"

bool ui_entry_has_qr(const ui_model *m, const ui_entry *e)
{
    if (e->qr_kind == UI_QR_NONE || e->act.cancelled)
        return false;
    if (!e->qr && m->need_qr)
        m->need_qr(m->need_qr_ctx, e);
    return e->qr && e->qr_size > 0;
}

const ui_entry *ui_entry_find(const ui_model *m, const char *uid)
{
    if (!m || !uid || !*uid)
        return NULL;
    for (size_t i = 0; i < m->n_entries; i++)
        if (strcmp(m->entries[i].act.uid, uid) == 0)
            return &m->entries[i];
    return NULL;
}
