/* keyboard: the letters of the screen's language, keys of 16 mm, pages where they must, and
 * the number pad. See keyboard.h. */
#include "ui/keyboard.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"

/* ---- the alphabets */

static const char *const DANISH[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                     "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                                     "u", "v", "w", "x", "y", "z", "æ", "ø", "å"};
static const char *const ENGLISH[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                      "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                                      "u", "v", "w", "x", "y", "z", "é", "ñ", "ö", "ü"};
/* Turkish: its 29 letters, in its order (no q, w, x) */
static const char *const TURKISH[] = {"a", "b", "c", "ç", "d", "e", "f", "g", "ğ", "h",
                                      "ı", "i", "j", "k", "l", "m", "n", "o", "ö", "p",
                                      "r", "s", "ş", "t", "u", "ü", "v", "y", "z"};
/* Somali in Latin letters (no p, v, z), and the glottal stop of "Ka'ab" */
static const char *const SOMALI[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                     "k", "l", "m", "n", "o", "q", "r", "s", "t", "u",
                                     "w", "x", "y", "'"};
/* Arabic: the 28 letters, then the hamza forms, ta marbuta and alif maqsura */
static const char *const ARABIC[] = {"ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر",
                                     "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف",
                                     "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ء", "أ",
                                     "إ", "آ", "ة", "ى", "ؤ", "ئ"};
/* Urdu: its own letters (ک, ی and ہ, not the Arabic ك, ي and ه) in its order */
static const char *const URDU[] = {"ا", "آ", "ب", "پ", "ت", "ٹ", "ث", "ج", "چ", "ح", "خ",
                                   "د", "ڈ", "ذ", "ر", "ڑ", "ز", "ژ", "س", "ش", "ص", "ض",
                                   "ط", "ظ", "ع", "غ", "ف", "ق", "ک", "گ", "ل", "م", "ن",
                                   "ں", "و", "ہ", "ھ", "ء", "ی", "ے", "ئ"};

#define N(a) ((int)(sizeof a / sizeof a[0]))

static const kb_layout LATIN_AR, LATIN_UR;
static const kb_layout L_DA = {"da", DANISH, N(DANISH), false, true, false, NULL, NULL};
static const kb_layout L_EN = {"en", ENGLISH, N(ENGLISH), false, true, false, NULL, NULL};
static const kb_layout L_TR = {"tr", TURKISH, N(TURKISH), false, true, true, NULL, NULL};
static const kb_layout L_SO = {"so", SOMALI, N(SOMALI), false, true, false, NULL, NULL};
static const kb_layout L_AR = {"ar", ARABIC, N(ARABIC), true, false, false, &LATIN_AR,
                               "\xD8\xA3\xD8\xA8\xD8\xAA"};              /* أبت */
static const kb_layout L_UR = {"ur", URDU, N(URDU), true, false, false, &LATIN_UR,
                               "\xD8\xA7\xD8\xA8\xD9\xBE"};              /* ابپ */
/* the Latin letters of a Danish name, reached from Arabic or Urdu and back */
static const kb_layout LATIN_AR = {"latin", DANISH, N(DANISH), false, true, false, &L_AR, "ABC"};
static const kb_layout LATIN_UR = {"latin", DANISH, N(DANISH), false, true, false, &L_UR, "ABC"};

const kb_layout *kb_layout_for(const char *lang, bool latin)
{
    static const kb_layout *const all[] = {&L_DA, &L_EN, &L_TR, &L_SO, &L_AR, &L_UR};
    const kb_layout *k = &L_DA;
    for (size_t i = 0; lang && i < sizeof all / sizeof all[0]; i++)
        if (strncmp(lang, all[i]->name, 2) == 0 && (lang[2] == '\0' || lang[2] == '_' ||
                                                    lang[2] == '-'))
            k = all[i];
    return latin && k->other ? k->other : k;
}

const kb_layout *kb_current(const ui *u, const ui_model *m)
{
    const char *lang = m && u->lang < m->n_langs ? i18n_lang(m->langs[u->lang]) : NULL;
    return kb_layout_for(lang, u->flow.kb_latin);
}

static const kb_layout *ctx_layout(const ui_ctx *c)
{
    return kb_layout_for(c->cat ? i18n_lang(c->cat) : NULL, c->u->flow.kb_latin);
}

uint32_t kb_upper(const kb_layout *k, uint32_t cp)
{
    if (k->turkish_i && cp == 'i')
        return 0x130; /* İ */
    if (cp == 0x131)
        return 'I';   /* ı */
    return k->cased ? utf8_upper_cp(cp) : cp;
}

/* ---- where the keys go */

typedef enum ctl { CTL_SHIFT, CTL_DASH, CTL_DOT, CTL_SPACE, CTL_BACKSPACE, CTL_PAGE, CTL_SCRIPT,
                   CTL_COUNT } ctl;

/* The control keys of a layout, in order, `paged` adding the page key. The Arabic and Urdu
 * scripts write no initials with a full stop (their Latin letters have the key). `lean`: a
 * Latin layout reached by the script key leaves out shift (capitals come by themselves at the
 * start of each name) where that keeps its letters on one page. */
static int controls(const kb_layout *k, bool paged, bool lean, ctl out[CTL_COUNT])
{
    int n = 0;
    if (k->cased && !(lean && k->other))
        out[n++] = CTL_SHIFT;
    out[n++] = CTL_DASH;
    if (k->cased)
        out[n++] = CTL_DOT;
    out[n++] = CTL_SPACE;
    out[n++] = CTL_BACKSPACE;
    if (paged)
        out[n++] = CTL_PAGE;
    if (k->other)
        out[n++] = CTL_SCRIPT;
    return n;
}

/* The slots a control key takes in a row `cols` wide: the keys with words two, the page
 * key's "ق–ئ" and the script key's "ABC" where the row has five or more, the space bar where
 * it has seven (a narrow one shows "␣"). */
static int span_of(ctl kind, int cols)
{
    if (kind == CTL_PAGE || kind == CTL_SCRIPT)
        return cols >= 5 ? 2 : 1;
    return kind == CTL_SPACE && cols >= 7 ? 2 : 1;
}

/* How the control keys fall in rows of `cols`: one row, or two when they need more slots
 * (the first as full as it goes). Returns the rows; the keys of each in per_row. */
static int control_rows(const ctl *list, int n, int cols, int per_row[2])
{
    int slots = 0, first = 0;
    while (first < n && slots + span_of(list[first], cols) <= cols)
        slots += span_of(list[first++], cols);
    per_row[0] = first;
    per_row[1] = n - first;
    return per_row[1] > 0 ? 2 : 1;
}

static int slots_of(const ctl *list, int n, int cols)
{
    int slots = 0;
    for (int i = 0; i < n; i++)
        slots += span_of(list[i], cols);
    return slots;
}

/* The letters `rows` rows of `cols` hold beside the control keys `list`: the controls take
 * the last row, or the last two when they need more than one, and letters fill what is left
 * of a single control row. */
static int capacity(int cols, int rows, const ctl *list, int n)
{
    int per_row[2];
    if (control_rows(list, n, cols, per_row) == 2)
        return (rows - 2) * cols;
    return (rows - 1) * cols + (cols - slots_of(list, n, cols));
}

/* Rows and pages of `k` with these controls: the rows the alphabet needs, up to `rows_fit`;
 * then pages (with the page key). */
static void fit(const kb_layout *k, int cols, int rows_fit, bool lean, kb_plan *p)
{
    ctl list[CTL_COUNT];
    int n = controls(k, false, lean, list);
    int rows = 1;
    while (capacity(cols, rows, list, n) < k->n && rows < rows_fit)
        rows++;
    p->rows = rows;
    p->lean = lean;
    p->pages = 1;
    p->per_page = k->n;
    if (capacity(cols, rows, list, n) < k->n) {
        n = controls(k, true, lean, list);
        int per = capacity(cols, rows, list, n);
        if (per < 1)
            per = 1;
        p->pages = (k->n + per - 1) / per;
        p->per_page = per;
    }
}

void kb_plan_for(const ui_ctx *c, const kb_layout *k, int w, int max_h, kb_plan *p)
{
    const ui_layout *L = c->L;
    int key_min = L->target > L->key ? L->target : L->key;
    /* as many columns as keys of 16 mm go into the width with a thin gap: a key more in the
     * row is worth more than air between the keys (a key is its whole outline) */
    const int thin = 2;
    int cols = (w + thin) / (key_min + thin);
    if (cols > 11)
        cols = 11;
    if (cols < 3)
        cols = 3;
    int gap = cols > 1 ? (w - cols * key_min) / (cols - 1) : thin;
    if (gap > L->gap * 2 / 3)
        gap = L->gap * 2 / 3;
    if (gap < thin)
        gap = thin;
    /* rows as many as fit with thin gaps between them: a row of keys more is worth more
     * than air (the gaps between rows grow back where there is room) */
    int rows_fit = max_h > 0 ? (max_h + thin) / (key_min + thin) : 1000;
    fit(k, cols, rows_fit, false, p);
    if (p->pages > 1 && k->other) {
        kb_plan lean;
        fit(k, cols, rows_fit, true, &lean);
        if (lean.pages < p->pages)
            *p = lean;
    }
    int rows = p->rows;
    p->cols = cols;
    p->gap = gap;
    int vgap = gap;
    if (max_h > 0 && rows > 1 && rows * key_min + (rows - 1) * vgap > max_h)
        vgap = (max_h - rows * key_min) / (rows - 1);
    if (vgap < thin)
        vgap = thin;
    p->vgap = vgap;
    int kw = (w - (cols - 1) * gap) / cols;
    if (kw > key_min * 2)
        kw = key_min * 2;
    int kh = max_h > 0 ? (max_h - (rows - 1) * vgap) / rows : key_min;
    if (kh > kw)
        kh = kw;
    if (kh > key_min * 3 / 2)
        kh = key_min * 3 / 2;
    if (kh < key_min)
        kh = key_min;
    if (kw < key_min)
        kw = key_min;
    p->key_w = kw;
    p->key_h = kh;
}

int kb_pages(const ui_ctx *c, int w, int max_h)
{
    kb_plan p;
    kb_plan_for(c, ctx_layout(c), w, max_h, &p);
    return p.pages;
}

/* ---- drawing */

static void letter_label(const kb_layout *k, const char *key, bool upper, char out[8])
{
    uint32_t cp;
    size_t n = utf8_decode(key, strlen(key), &cp);
    if (upper && n == strlen(key))
        cp = kb_upper(k, cp);
    size_t m = utf8_encode(cp, out);
    out[m] = '\0';
}

int w_keyboard(ui_ctx *c, int x, int y, int w, int max_h, bool upper, bool draw)
{
    const kb_layout *k = ctx_layout(c);
    kb_plan p;
    kb_plan_for(c, k, w, max_h, &p);
    int h = p.rows * p.key_h + (p.rows - 1) * p.vgap;
    if (!draw)
        return h;
    int page = c->u->flow.kb_page % p.pages;
    int first = page * p.per_page;
    int n = k->n - first < p.per_page ? k->n - first : p.per_page;
    ctl list[CTL_COUNT];
    int nctl = controls(k, p.pages > 1, p.lean, list);
    int per_row[2];
    int ctl_rows = control_rows(list, nctl, p.cols, per_row);
    int total_w = p.cols * p.key_w + (p.cols - 1) * p.gap;
    int x0 = x + (w - total_w) / 2;
    int step = p.key_w + p.gap;
    /* a right-to-left alphabet starts at the right */
#define SLOT_X(col, span) (k->rtl ? x0 + total_w - ((col) + (span)) * step + p.gap : x0 + (col) * step)

    /* the rows of letters above the controls; a short last one in the middle */
    char id[UI_ID_MAX], label[8];
    int letter_rows = p.rows - ctl_rows;
    int i = 0;
    for (int r = 0; r < letter_rows && i < n; r++) {
        int in_row = n - i < p.cols ? n - i : p.cols;
        int offset = (p.cols - in_row) / 2;
        for (int j = 0; j < in_row; j++, i++) {
            const char *key = k->letters[first + i];
            snprintf(id, sizeof id, KB_KEY "%s", key);
            letter_label(k, key, upper, label);
            w_button(c, id, label, ICON_NONE,
                     rect_make(SLOT_X(offset + j, 1), y + r * (p.key_h + p.vgap), p.key_w, p.key_h),
                     BTN_KEY, UI_FONT_TITLE, false);
        }
    }
    /* the control rows: shift first (left of the last letters, as on any keyboard), the
     * letters that did not fit above, the marks, the space bar (it takes what the row has
     * left), delete, the page key and the script key; a row without the space bar gives the
     * rest to its last key */
    int ry = y + letter_rows * (p.key_h + p.vgap);
    int ci = 0;
    for (int r = 0; r < ctl_rows; r++, ry += p.key_h + p.vgap) {
        int letters_here = r == 0 ? n - i : 0;
        bool has_space = false;
        for (int q = 0; q < per_row[r]; q++)
            has_space |= list[ci + q] == CTL_SPACE;
        /* the slots the row has left, for the stretching key */
        int rest = p.cols - slots_of(list + ci, per_row[r], p.cols) - letters_here;
        int col = 0;
        for (int q = 0; q < per_row[r]; q++, ci++) {
            ctl kind = list[ci];
            if (letters_here && kind != CTL_SHIFT) {
                for (int j = 0; j < letters_here; j++, i++, col++) {
                    const char *key = k->letters[first + i];
                    snprintf(id, sizeof id, KB_KEY "%s", key);
                    letter_label(k, key, upper, label);
                    w_button(c, id, label, ICON_NONE,
                             rect_make(SLOT_X(col, 1), ry, p.key_w, p.key_h), BTN_KEY,
                             UI_FONT_TITLE, false);
                }
                letters_here = 0;
            }
            bool stretch = has_space ? kind == CTL_SPACE : q == per_row[r] - 1;
            int span = span_of(kind, p.cols) + (stretch && rest > 0 ? rest : 0);
            ui_rect rr = rect_make(SLOT_X(col, span), ry, span * step - p.gap, p.key_h);
            col += span;
            switch (kind) {
            case CTL_SHIFT:
                w_icon_button(c, KB_KEY KB_SHIFT, tr(c, "Capital letter"), ICON_SHIFT, rr,
                              upper ? BTN_KEY_ON : BTN_KEY, false);
                break;
            case CTL_DASH:
                w_button(c, KB_KEY KB_DASH, "-", ICON_NONE, rr, BTN_KEY, UI_FONT_TITLE, false);
                break;
            case CTL_DOT:
                w_button(c, KB_KEY KB_DOT, ".", ICON_NONE, rr, BTN_KEY, UI_FONT_TITLE, false);
                break;
            case CTL_SPACE: {
                /* the word on the space bar when it fits; else the open box "␣" */
                const char *space = tr(c, "space");
                if (w_button_width(c, space, ICON_NONE, UI_FONT_BODY) <= rr.w)
                    w_button(c, KB_KEY KB_SPACE, space, ICON_NONE, rr, BTN_KEY, UI_FONT_BODY, false);
                else
                    w_icon_button(c, KB_KEY KB_SPACE, space, ICON_SPACE, rr, BTN_KEY, false);
                break;
            }
            case CTL_BACKSPACE:
                w_icon_button(c, KB_KEY KB_BACKSPACE, tr(c, "Delete"), ICON_BACKSPACE, rr, BTN_KEY,
                              false);
                break;
            case CTL_PAGE: {
                /* the first and the last letter of the next page: where the others are */
                int next = (page + 1) % p.pages, a = next * p.per_page;
                int b = a + p.per_page - 1 < k->n - 1 ? a + p.per_page - 1 : k->n - 1;
                char range[32];
                snprintf(range, sizeof range, "%s\xE2\x80\x93%s", k->letters[a], k->letters[b]);
                w_button(c, KB_KEY KB_PAGE, range, ICON_NONE, rr, BTN_KEY_ON, UI_FONT_BODY, false);
                break;
            }
            case CTL_SCRIPT:
                w_button(c, KB_KEY KB_SCRIPT, k->other->script_label, ICON_NONE, rr, BTN_KEY_ON,
                         UI_FONT_BODY, false);
                break;
            case CTL_COUNT:
                break;
            }
        }
    }
#undef SLOT_X
    return h;
}

/* A number pad key as tall as the room allows, from L->key up to half as much again. */
static int key_height(const ui_layout *L, int max_h, int rows, int gap)
{
    int key = L->key;
    int kh = max_h > 0 ? (max_h - (rows - 1) * gap) / rows : key;
    if (kh > key * 3 / 2)
        kh = key * 3 / 2;
    if (kh < key)
        kh = key;
    return kh;
}

int w_numpad(ui_ctx *c, int x, int y, int w, int max_h, int *wout, bool draw)
{
    const ui_layout *L = c->L;
    int gap = L->gap * 2 / 3;
    int kh = key_height(L, max_h, 4, gap);
    int kw = (w - 2 * gap) / 3;
    if (kw > kh * 8 / 5)
        kw = kh * 8 / 5;
    int total_w = 3 * kw + 2 * gap;
    if (wout)
        *wout = total_w;
    int h = 4 * kh + 3 * gap;
    if (!draw)
        return h;
    static const char *const PAD[4][3] = {
        {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {NULL, "0", KB_BACKSPACE}};
    char id[UI_ID_MAX];
    for (int r = 0; r < 4; r++) {
        for (int k = 0; k < 3; k++) {
            const char *key = PAD[r][k];
            if (!key)
                continue;
            ui_rect rr = rect_make(x + k * (kw + gap), y + r * (kh + gap), kw, kh);
            if (strcmp(key, KB_BACKSPACE) == 0) {
                w_icon_button(c, KB_KEY KB_BACKSPACE, tr(c, "Delete"), ICON_BACKSPACE, rr, BTN_KEY,
                              false);
                continue;
            }
            snprintf(id, sizeof id, KB_DIGIT "%s", key);
            w_button(c, id, key, ICON_NONE, rr, BTN_KEY, UI_FONT_HUGE, false);
        }
    }
    return h;
}
