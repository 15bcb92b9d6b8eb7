/* frame: the draw list and widget list of one screen, and the arena its strings live in.
 *
 * Strings and QR modules are copied into one growing arena. When the arena must grow, every
 * pointer into it (command texts, QR modules, widget ids and labels) is rebased onto the new
 * block, so callers only ever see pointers into the current arena. */
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/text.h"

void ui_frame_init(ui_frame *f)
{
    memset(f, 0, sizeof *f);
}

ui_face ui_face_for_lang(const char *lang)
{
    /* "ur", "ur_PK", "ur-IN" */
    if (lang && lang[0] == 'u' && lang[1] == 'r' &&
        (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-'))
        return UI_FACE_NASTALIQ;
    return UI_FACE_NASKH;
}

void ui_frame_reset(ui_frame *f, const char *screen, int width, int height)
{
    /* The old strings may hold what a resident typed: they do not linger in the memory. */
    if (f->arena && f->arena_len)
        memset(f->arena, 0, f->arena_len);
    f->n_cmds = 0;
    f->n_widgets = 0;
    f->arena_len = 0;
    f->oom = false;
    f->width = width;
    f->height = height;
    size_t n = screen ? strlen(screen) : 0;
    if (n >= sizeof f->screen)
        n = sizeof f->screen - 1;
    if (n)
        memcpy(f->screen, screen, n);
    f->screen[n] = '\0';
}

void ui_frame_free(ui_frame *f)
{
    if (!f)
        return;
    free(f->cmds);
    free(f->widgets);
    free(f->arena);
    ui_frame_init(f);
}

/* Moves every arena pointer from `old` to `new_base`. Offsets are taken while the old block
 * is still alive. */
static void rebase(ui_frame *f, const char *old, char *new_base)
{
    for (size_t i = 0; i < f->n_cmds; i++) {
        draw_cmd *c = &f->cmds[i];
        if (c->text)
            c->text = new_base + (c->text - old);
        if (c->qr)
            c->qr = (const uint8_t *)new_base + ((const char *)c->qr - old);
    }
    for (size_t i = 0; i < f->n_widgets; i++) {
        ui_widget *w = &f->widgets[i];
        if (w->id)
            w->id = new_base + (w->id - old);
        if (w->label)
            w->label = new_base + (w->label - old);
    }
}

/* Reserves `n` bytes in the arena; NULL (and `oom`) on failure. */
static char *arena_alloc(ui_frame *f, size_t n)
{
    if (f->arena_len + n > f->arena_cap) {
        size_t cap = f->arena_cap ? f->arena_cap : 4096;
        while (cap < f->arena_len + n)
            cap *= 2;
        char *grown = malloc(cap);
        if (!grown) {
            f->oom = true;
            return NULL;
        }
        if (f->arena) {
            memcpy(grown, f->arena, f->arena_len);
            rebase(f, f->arena, grown);
            free(f->arena);
        }
        f->arena = grown;
        f->arena_cap = cap;
    }
    char *p = f->arena + f->arena_len;
    f->arena_len += n;
    return p;
}

const char *ui_frame_strdup(ui_frame *f, const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(f, n);
    if (!p)
        return "";
    memcpy(p, s, n);
    return p;
}

static draw_cmd *push_cmd(ui_frame *f, draw_kind kind)
{
    if (f->n_cmds == f->cap_cmds) {
        size_t cap = f->cap_cmds ? f->cap_cmds * 2 : 256;
        draw_cmd *grown = realloc(f->cmds, cap * sizeof *grown);
        if (!grown) {
            f->oom = true;
            return NULL;
        }
        f->cmds = grown;
        f->cap_cmds = cap;
    }
    draw_cmd *c = &f->cmds[f->n_cmds++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

void draw_rect(ui_frame *f, ui_rect r, ui_color c, int radius)
{
    draw_cmd *d = push_cmd(f, DRAW_RECT);
    if (!d)
        return;
    d->rect = r;
    d->color = c;
    d->radius = radius;
}

void draw_frame(ui_frame *f, ui_rect r, ui_color c, int thickness, int radius)
{
    draw_cmd *d = push_cmd(f, DRAW_FRAME);
    if (!d)
        return;
    d->rect = r;
    d->color = c;
    d->thickness = thickness;
    d->radius = radius;
}

static void push_text(ui_frame *f, int x, int y, int w, int h, ui_font font, ui_color c,
                      const char *utf8);

void draw_text(ui_frame *f, int x, int y, int w, int h, ui_font font, ui_color c,
               const char *utf8)
{
    if (!utf8 || !*utf8)
        return;
    if (f->measure && text_needs_bidi(utf8, f->rtl)) {
        text_bidi_run runs[TEXT_BIDI_MAX_RUNS];
        char buf[TEXT_MAX_BYTES * 2];
        int n = text_runs_for(f->measure, utf8, f->rtl, runs, TEXT_BIDI_MAX_RUNS, buf, sizeof buf);
        if (n > 0) {
            /* Every run sits on the baseline of the line the layout planned (`h`), whatever
             * the height of its font (text_run_y). */
            int cx = x;
            for (int i = 0; i < n; i++) {
                int rw = 0, rh = 0;
                ui_measure_size(f->measure, font, runs[i].text, &rw, &rh);
                int ry = y + text_run_y(f->measure, runs[i].text, h, rh);
                push_text(f, cx, ry, rw, rh, font, c, runs[i].text);
                cx += rw;
            }
            return;
        }
    }
    push_text(f, x, y, w, h, font, c, utf8);
}

static void push_text(ui_frame *f, int x, int y, int w, int h, ui_font font, ui_color c,
                      const char *utf8)
{
    /* Copy first: the copy may move the arena, and the command must see the final place. */
    const char *copy = ui_frame_strdup(f, utf8);
    if (f->oom)
        return;
    draw_cmd *d = push_cmd(f, DRAW_TEXT);
    if (!d)
        return;
    d->rect = (ui_rect){x, y, w, h};
    d->color = c;
    d->font = font;
    d->face = f->face;
    d->text = copy;
}

void draw_icon(ui_frame *f, ui_rect r, icon_id icon, ui_color c)
{
    if (icon == ICON_NONE)
        return;
    icon = icon_for_direction(icon, f->rtl); /* a right-to-left screen's arrows point left */
    draw_cmd *d = push_cmd(f, DRAW_ICON);
    if (!d)
        return;
    d->rect = r;
    d->icon = icon;
    d->color = c;
}

void draw_qr(ui_frame *f, ui_rect r, const uint8_t *modules, int size)
{
    if (!modules || size <= 0)
        return;
    size_t n = (size_t)size * (size_t)size;
    char *copy = arena_alloc(f, n);
    if (!copy)
        return;
    memcpy(copy, modules, n);
    draw_cmd *d = push_cmd(f, DRAW_QR);
    if (!d)
        return;
    d->rect = r;
    d->qr = (const uint8_t *)copy;
    d->qr_size = size;
}

void draw_image(ui_frame *f, ui_rect r, const uint8_t *rgb, int w, int h)
{
    if (!rgb || w <= 0 || h <= 0)
        return;
    size_t n = (size_t)w * (size_t)h * 3;
    char *copy = arena_alloc(f, n);
    if (!copy)
        return;
    memcpy(copy, rgb, n);
    draw_cmd *d = push_cmd(f, DRAW_IMAGE);
    if (!d)
        return;
    d->rect = r;
    d->qr = (const uint8_t *)copy;
    d->qr_size = w;
    d->image_h = h;
}

void draw_clip(ui_frame *f, ui_rect r)
{
    draw_cmd *d = push_cmd(f, DRAW_CLIP);
    if (!d)
        return;
    d->rect = r;
}

ui_widget *ui_frame_widget(ui_frame *f, const char *id, ui_role role, const char *label,
                           ui_rect r, unsigned flags)
{
    const char *id_copy = ui_frame_strdup(f, id);
    if (f->oom)
        return NULL;
    /* the label's copy may move the arena: the id is found again by its offset */
    size_t id_off = (size_t)(id_copy - f->arena);
    const char *label_copy = ui_frame_strdup(f, label);
    if (f->oom)
        return NULL;
    id_copy = f->arena + id_off;
    if (f->n_widgets == f->cap_widgets) {
        size_t cap = f->cap_widgets ? f->cap_widgets * 2 : 64;
        ui_widget *grown = realloc(f->widgets, cap * sizeof *grown);
        if (!grown) {
            f->oom = true;
            return NULL;
        }
        f->widgets = grown;
        f->cap_widgets = cap;
    }
    ui_widget *w = &f->widgets[f->n_widgets++];
    memset(w, 0, sizeof *w);
    w->id = id_copy;
    w->label = label_copy;
    w->role = role;
    w->rect = r;
    w->flags = flags;
    w->fg = (ui_color){0, 0, 0, 255};
    w->bg = (ui_color){255, 255, 255, 255};
    return w;
}

const ui_widget *ui_frame_hit(const ui_frame *f, int x, int y)
{
    for (size_t i = f->n_widgets; i-- > 0;) {
        const ui_widget *w = &f->widgets[i];
        if ((w->flags & UI_WIDGET_TAPPABLE) && ui_rect_contains(w->rect, x, y))
            return w;
    }
    return NULL;
}

const ui_widget *ui_frame_find(const ui_frame *f, const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < f->n_widgets; i++)
        if (strcmp(f->widgets[i].id, id) == 0)
            return &f->widgets[i];
    return NULL;
}

static bool same_rect(ui_rect a, ui_rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static bool same_color(ui_color a, ui_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static bool same_cmd(const draw_cmd *a, const draw_cmd *b)
{
    if (a->kind != b->kind || !same_rect(a->rect, b->rect))
        return false;
    switch (a->kind) {
    case DRAW_RECT:
        return same_color(a->color, b->color) && a->radius == b->radius;
    case DRAW_FRAME:
        return same_color(a->color, b->color) && a->radius == b->radius &&
               a->thickness == b->thickness;
    case DRAW_TEXT:
        return same_color(a->color, b->color) && a->font == b->font && a->face == b->face &&
               strcmp(a->text ? a->text : "", b->text ? b->text : "") == 0;
    case DRAW_ICON:
        return same_color(a->color, b->color) && a->icon == b->icon;
    case DRAW_QR:
        return a->qr_size == b->qr_size &&
               memcmp(a->qr, b->qr, (size_t)a->qr_size * (size_t)a->qr_size) == 0;
    case DRAW_IMAGE:
        return a->qr_size == b->qr_size && a->image_h == b->image_h &&
               memcmp(a->qr, b->qr, (size_t)a->qr_size * (size_t)a->image_h * 3) == 0;
    case DRAW_CLIP:
        return true;
    }
    return false;
}

bool ui_frame_same_picture(const ui_frame *a, const ui_frame *b)
{
    if (a->width != b->width || a->height != b->height || a->n_cmds != b->n_cmds ||
        strcmp(a->screen, b->screen) != 0)
        return false;
    for (size_t i = 0; i < a->n_cmds; i++)
        if (!same_cmd(&a->cmds[i], &b->cmds[i]))
            return false;
    return true;
}

/* Grows `*arr` (of `*cap` elements of `elem` bytes) to hold `n`. */
static bool reserve(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n <= *cap)
        return true;
    void *grown = realloc(*arr, n * elem);
    if (!grown)
        return false;
    *arr = grown;
    *cap = n;
    return true;
}

bool ui_frame_copy(ui_frame *dst, const ui_frame *src)
{
    if (dst == src)
        return true;
    ui_frame_reset(dst, src->screen, src->width, src->height);
    if (!reserve((void **)&dst->cmds, &dst->cap_cmds, src->n_cmds, sizeof *dst->cmds) ||
        !reserve((void **)&dst->widgets, &dst->cap_widgets, src->n_widgets,
                 sizeof *dst->widgets) ||
        !reserve((void **)&dst->arena, &dst->arena_cap, src->arena_len, 1)) {
        dst->oom = true;
        return false;
    }
    if (src->n_cmds)
        memcpy(dst->cmds, src->cmds, src->n_cmds * sizeof *src->cmds);
    if (src->n_widgets)
        memcpy(dst->widgets, src->widgets, src->n_widgets * sizeof *src->widgets);
    if (src->arena_len)
        memcpy(dst->arena, src->arena, src->arena_len);
    dst->n_cmds = src->n_cmds;
    dst->n_widgets = src->n_widgets;
    dst->arena_len = src->arena_len;
    dst->oom = src->oom;
    /* The copied pointers still point into src's arena: move them onto dst's. */
    rebase(dst, src->arena, dst->arena);
    return true;
}
