/* screen: a tap found in a screen's widget table. See screen.h. */
#include <stdio.h>
#include <string.h>

#include "ui/screen.h"

bool ui_widget_tap(const ui_widget_def *defs, size_t n, ui *u, const ui_model *m,
                   const char *id, int64_t now_ms)
{
    for (size_t i = 0; i < n; i++) {
        const ui_widget_def *d = &defs[i];
        size_t k = strlen(d->id);
        bool family = k && d->id[k - 1] == ':';
        if (family ? strncmp(id, d->id, k) != 0 : strcmp(id, d->id) != 0)
            continue;
        if (d->tap)
            d->tap(u, m, family ? id + k : "", now_ms);
        return d->tap != NULL;
    }
    return false;
}

const char *ui_widget_id(const ui_widget_def *d, const char *arg, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s", d->id, arg ? arg : "");
    return buf;
}

void ui_tap_scroll_up(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    u->scroll[u->screen] -= u->scroll_back[u->screen];
}

void ui_tap_scroll_down(ui *u, const ui_model *m, const char *arg, int64_t now_ms)
{
    (void)m, (void)arg, (void)now_ms;
    u->scroll[u->screen] += u->scroll_page[u->screen];
}
