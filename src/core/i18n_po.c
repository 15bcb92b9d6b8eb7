/* The .po reader: gettext's text format, as msgfmt reads it, into an i18n_catalog.
 *
 * Understood: comments (#, #. #: #| and #, flags, of which "fuzzy" counts), obsolete entries
 * (#~, skipped), msgctxt, msgid, msgid_plural, msgstr, msgstr[N], strings split over lines,
 * C escapes, the header entry (msgid "") with Language, X-Language-Name and Plural-Forms.
 * A syntax error fails the whole catalog with the line number. A translation that cannot be
 * used safely (printf conversions other than the msgid's, invalid UTF-8, a plural index the
 * language does not have) is dropped on its own and the catalog still loads: the kiosk then
 * shows the English text for that one message, and i18n_dropped tells why.
 */
#include "core/i18n_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"

enum field { F_NONE = -1, F_CTXT = 0, F_ID, F_PLURAL, F_STR0 };
#define N_FIELDS (F_STR0 + I18N_MAX_FORMS)

typedef struct entry {
    vm_buf field[N_FIELDS];
    bool has[N_FIELDS];
    bool any_str, str_indexed, str_plain, fuzzy;
    int first_line;
} entry;

typedef struct reader {
    i18n_catalog *cat;
    const char *name; /* for messages: "da.po" */
    int line;
    entry e;
    bool pending_fuzzy;
    bool have_header;
    int header_nplurals;
    char *header_plural;
    vm_err *err;
    vm_status status;
} reader;

static void entry_reset(entry *e)
{
    for (int i = 0; i < N_FIELDS; i++) {
        buf_free(&e->field[i]);
        e->has[i] = false;
    }
    e->any_str = e->str_indexed = e->str_plain = e->fuzzy = false;
    e->first_line = 0;
}

static bool fail(reader *r, vm_status st, const char *what)
{
    if (r->status == VM_OK) {
        r->status = st;
        if (st == VM_ERR_NOMEM)
            err_set(r->err, st, "Not enough memory to read the words of %s.", r->name);
        else
            err_set(r->err, st, "The language file %s has a mistake on line %d: %s.", r->name,
                    r->line, what);
    }
    return false;
}

/* Remembers the first problem in words; `dropped` counts the translations left out. */
static void note_problem(reader *r, int line, const char *what, const char *why, bool dropped)
{
    i18n_catalog *cat = r->cat;
    if (!cat->first_problem[0])
        snprintf(cat->first_problem, sizeof cat->first_problem, "%s line %d: %s \"%.60s\" %s",
                 r->name, line, dropped ? "the translation of" : "the header field", what,
                 why);
    if (dropped)
        cat->dropped++;
}

/* The value of the header field `name` ("Language"), copied, or NULL. */
static char *header_field(const char *header, const char *name)
{
    size_t nlen = strlen(name);
    for (const char *line = header; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len > nlen && strncmp(line, name, nlen) == 0 && line[nlen] == ':') {
            const char *v = line + nlen + 1;
            while (*v == ' ' || *v == '\t')
                v++;
            size_t vlen = len - (size_t)(v - line);
            while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\r'))
                vlen--;
            char *out = malloc(vlen + 1);
            if (out) {
                memcpy(out, v, vlen);
                out[vlen] = '\0';
            }
            return out;
        }
        line = end ? end + 1 : NULL;
    }
    return NULL;
}

/* "nplurals=2; plural=(n != 1);" -> 2 and "(n != 1)" (copied). A value that does not work
 * for the numbers 0..1000 counts as missing. */
static bool parse_plural_forms(const char *v, int *nplurals, char **expr)
{
    const char *np = strstr(v, "nplurals=");
    const char *pl = strstr(v, "plural=");
    if (pl && pl > v && pl[-1] == 'n') /* "nplurals=" itself contains "plurals=" only */
        pl = strstr(pl + 1, "plural=");
    if (!np || !pl)
        return false;
    int n = atoi(np + 9);
    if (n < 1 || n > I18N_MAX_FORMS)
        return false;
    pl += 7;
    size_t len = strcspn(pl, ";");
    char *e = malloc(len + 1);
    if (!e)
        return false;
    memcpy(e, pl, len);
    e[len] = '\0';
    for (unsigned long k = 0; k <= 1000; k++) {
        unsigned long idx;
        if (!i18n_plural_eval(e, k, &idx) || idx >= (unsigned long)n) {
            free(e);
            return false;
        }
    }
    *nplurals = n;
    *expr = e;
    return true;
}

static bool take_header(reader *r, const char *text)
{
    i18n_catalog *cat = r->cat;
    if (r->have_header)
        return fail(r, VM_ERR_INVALID, "there are two header entries (msgid \"\")");
    r->have_header = true;
    if (!cat->lang || !cat->lang[0]) {
        free(cat->lang);
        cat->lang = header_field(text, "Language");
    }
    cat->lang_name = header_field(text, "X-Language-Name");
    if (cat->lang_name && (!cat->lang_name[0] ||
                           !utf8_valid(cat->lang_name, strlen(cat->lang_name)))) {
        free(cat->lang_name);
        cat->lang_name = NULL;
    }
    char *forms = header_field(text, "Plural-Forms");
    if (forms) {
        int n;
        char *expr;
        if (parse_plural_forms(forms, &n, &expr)) {
            r->header_nplurals = n;
            r->header_plural = expr;
        } else {
            note_problem(r, r->e.first_line, "Plural-Forms",
                         "does not work: the built-in rule of the language is used", false);
        }
        free(forms);
    }
    return true;
}

static bool push_msg(reader *r, i18n_msg *m)
{
    i18n_catalog *cat = r->cat;
    if (cat->n == cat->cap) {
        size_t cap = cat->cap ? cat->cap * 2 : 64;
        i18n_msg *bigger = realloc(cat->msgs, cap * sizeof *bigger);
        if (!bigger)
            return false;
        cat->msgs = bigger;
        cat->cap = cap;
    }
    cat->msgs[cat->n++] = *m;
    return true;
}

/* Ends the entry being read: checks it, and adds it to the catalog. */
/* A field's bytes, handed over at their length: a field's buffer starts at 256 bytes, and the
 * kiosk keeps every language's ~2,000 messages for its whole life (0.9 MB of buffers for
 * 0.25 MB of words). */
static char *detach_exact(vm_buf *b)
{
    size_t len = b->len;
    char *s = buf_detach(b);
    char *fit = s ? realloc(s, len + 1) : NULL;
    return fit ? fit : s;
}

static bool finish_entry(reader *r)
{
    entry *e = &r->e;
    if (!e->has[F_ID] && !e->has[F_CTXT] && !e->any_str)
        return true; /* nothing read */
    if (!e->has[F_ID])
        return fail(r, VM_ERR_INVALID, "a msgstr or msgctxt has no msgid");
    if (!e->any_str)
        return fail(r, VM_ERR_INVALID, "a msgid has no msgstr");
    if (e->has[F_PLURAL] && e->str_plain)
        return fail(r, VM_ERR_INVALID, "a message with msgid_plural needs msgstr[0], msgstr[1] ...");
    if (!e->has[F_PLURAL] && e->str_indexed)
        return fail(r, VM_ERR_INVALID, "msgstr[N] is only for a message with msgid_plural");

    if (!e->has[F_CTXT] && e->field[F_ID].len == 0) {
        bool ok = take_header(r, e->field[F_STR0].data ? e->field[F_STR0].data : "");
        entry_reset(e);
        return ok;
    }
    if (e->has[F_ID] && e->field[F_ID].len == 0)
        return fail(r, VM_ERR_INVALID, "a msgid with a msgctxt is empty");

    i18n_msg m;
    memset(&m, 0, sizeof m);
    m.ctxt = e->has[F_CTXT] ? detach_exact(&e->field[F_CTXT]) : NULL;
    m.msgid = detach_exact(&e->field[F_ID]);
    m.msgid_plural = e->has[F_PLURAL] ? detach_exact(&e->field[F_PLURAL]) : NULL;
    m.nstr = 0;
    for (int i = 0; i < I18N_MAX_FORMS; i++) {
        if (e->has[F_STR0 + i]) {
            m.str[i] = detach_exact(&e->field[F_STR0 + i]);
            m.nstr = i + 1;
        }
    }
    bool oom = !m.msgid || (e->has[F_CTXT] && !m.ctxt) || (e->has[F_PLURAL] && !m.msgid_plural);
    for (int i = 0; i < m.nstr; i++)
        if (e->has[F_STR0 + i] && !m.str[i])
            oom = true;
    bool fuzzy = e->fuzzy;
    m.line = e->first_line;
    entry_reset(e);
    if (oom || !push_msg(r, &m)) {
        free(m.ctxt);
        free(m.msgid);
        free(m.msgid_plural);
        for (int i = 0; i < I18N_MAX_FORMS; i++)
            free(m.str[i]);
        return fail(r, VM_ERR_NOMEM, "");
    }
    /* the catalog owns it now; `translated` is decided once the plural rule is known */
    r->cat->msgs[r->cat->n - 1].translated = !fuzzy;
    return true;
}

/* Reads a "..." string at *p into b, with C escapes. */
static bool read_string(reader *r, const char **pp, vm_buf *b)
{
    const char *p = *pp;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '"')
        return fail(r, VM_ERR_INVALID, "a text in double quotes was expected");
    p++;
    for (;;) {
        char c = *p;
        if (c == '\0' || c == '\n')
            return fail(r, VM_ERR_INVALID, "a text in quotes is not closed");
        if (c == '"') {
            p++;
            break;
        }
        if (c != '\\') {
            size_t run = strcspn(p, "\"\\\n");
            buf_add(b, p, run);
            if (!buf_ok(b))
                return fail(r, VM_ERR_NOMEM, "");
            p += run;
            continue;
        }
        p++;
        char out;
        switch (*p) {
        case 'n': out = '\n'; break;
        case 't': out = '\t'; break;
        case 'r': out = '\r'; break;
        case 'a': out = '\a'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'v': out = '\v'; break;
        case '\\': out = '\\'; break;
        case '"': out = '"'; break;
        case '\'': out = '\''; break;
        case '?': out = '?'; break;
        case 'x': {
            int v = 0, digits = 0;
            for (p++; digits < 2; p++, digits++) {
                char h = *p;
                int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (d < 0)
                    break;
                v = v * 16 + d;
            }
            if (digits == 0 || v == 0)
                return fail(r, VM_ERR_INVALID, "a \\x escape is empty or zero");
            out = (char)v;
            p--; /* the loop below steps past the last digit */
            break;
        }
        default:
            if (*p >= '0' && *p <= '7') {
                int v = 0, digits = 0;
                for (; digits < 3 && *p >= '0' && *p <= '7'; p++, digits++)
                    v = v * 8 + (*p - '0');
                if (v == 0 || v > 255)
                    return fail(r, VM_ERR_INVALID, "an octal escape is zero or too big");
                out = (char)v;
                p--;
                break;
            }
            return fail(r, VM_ERR_INVALID, "an unknown escape after a backslash");
        }
        p++;
        buf_add(b, &out, 1);
        if (!buf_ok(b))
            return fail(r, VM_ERR_NOMEM, "");
    }
    while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
    if (*p != '\0' && *p != '\n')
        return fail(r, VM_ERR_INVALID, "there is something after the closing quote");
    *pp = p;
    return true;
}

static bool keyword(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n) != 0)
        return false;
    char next = (*p)[n];
    if (next != ' ' && next != '\t' && next != '"' && next != '[')
        return false;
    *p += n;
    return true;
}

static bool read_line(reader *r, const char *p, int *target)
{
    entry *e = &r->e;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0' || *p == '\n' || *p == '\r')
        return true;
    if (p[0] == '#') {
        if (p[1] == '~')
            return true; /* obsolete entry */
        if (e->any_str && !finish_entry(r))
            return false;
        if (p[1] == ',' && strstr(p, "fuzzy"))
            r->pending_fuzzy = true;
        *target = F_NONE;
        return true;
    }
    if (*p == '"') {
        if (*target == F_NONE)
            return fail(r, VM_ERR_INVALID, "a text in quotes belongs to no msgid or msgstr");
        return read_string(r, &p, &e->field[*target]);
    }
    int field;
    if (keyword(&p, "msgctxt")) {
        field = F_CTXT;
    } else if (keyword(&p, "msgid_plural")) {
        field = F_PLURAL;
    } else if (keyword(&p, "msgid")) {
        field = F_ID;
    } else if (keyword(&p, "msgstr")) {
        if (*p == '[') {
            p++;
            if (*p < '0' || *p > '9')
                return fail(r, VM_ERR_INVALID, "msgstr[ needs a number");
            int idx = 0;
            while (*p >= '0' && *p <= '9' && idx < 100)
                idx = idx * 10 + (*p++ - '0');
            if (*p != ']')
                return fail(r, VM_ERR_INVALID, "msgstr[N] is not closed with ]");
            p++;
            if (idx >= I18N_MAX_FORMS)
                return fail(r, VM_ERR_INVALID, "no language has that many plural forms");
            field = F_STR0 + idx;
            e->str_indexed = true;
        } else {
            field = F_STR0;
            e->str_plain = true;
        }
        e->any_str = true;
    } else {
        return fail(r, VM_ERR_INVALID, "a line starts with something that is not a keyword");
    }
    if (field == F_CTXT || field == F_ID) {
        /* a new message begins where the last one had its msgstr */
        if (e->any_str && !finish_entry(r))
            return false;
        if (field == F_ID && e->has[F_ID])
            return fail(r, VM_ERR_INVALID, "two msgid lines in one message");
        if (field == F_CTXT && (e->has[F_CTXT] || e->has[F_ID]))
            return fail(r, VM_ERR_INVALID, "msgctxt must come first in a message");
    } else if (field == F_PLURAL) {
        if (!e->has[F_ID] || e->any_str || e->has[F_PLURAL])
            return fail(r, VM_ERR_INVALID, "msgid_plural must follow its msgid");
    } else {
        if (!e->has[F_ID])
            return fail(r, VM_ERR_INVALID, "a msgstr has no msgid");
        if (e->has[field])
            return fail(r, VM_ERR_INVALID, "the same msgstr twice in one message");
    }
    if (e->first_line == 0) {
        e->first_line = r->line;
        e->fuzzy = r->pending_fuzzy;
        r->pending_fuzzy = false;
    }
    e->has[field] = true;
    buf_add(&e->field[field], "", 0);
    if (!buf_ok(&e->field[field]))
        return fail(r, VM_ERR_NOMEM, "");
    *target = field;
    return read_string(r, &p, &e->field[field]);
}

static int compare_msgs(const void *a, const void *b)
{
    const i18n_msg *x = a, *y = b;
    if (!x->ctxt != !y->ctxt)
        return x->ctxt ? 1 : -1;
    if (x->ctxt) {
        int c = strcmp(x->ctxt, y->ctxt);
        if (c)
            return c;
    }
    return strcmp(x->msgid, y->msgid);
}

/* Decides, message by message, which translations can be used. */
static void check_translations(reader *r)
{
    i18n_catalog *cat = r->cat;
    for (size_t i = 0; i < cat->n; i++) {
        i18n_msg *m = &cat->msgs[i];
        if (!m->translated) { /* fuzzy: kept as a message, never shown */
            for (int k = 0; k < I18N_MAX_FORMS; k++) {
                free(m->str[k]);
                m->str[k] = NULL;
            }
            continue;
        }
        const char *why = NULL;
        int forms = m->msgid_plural ? cat->nplurals : 1;
        for (int k = 0; k < I18N_MAX_FORMS && !why; k++) {
            const char *s = m->str[k];
            if (!s || !s[0])
                continue;
            if (k >= forms)
                why = "is left out: it has more plural forms than the language";
            else if (!utf8_valid(s, strlen(s)))
                why = "is left out: it is not valid UTF-8";
            else if (!i18n_formats_compatible(m->msgid_plural ? m->msgid_plural : m->msgid, s,
                                              m->msgid_plural != NULL))
                why = "is left out: its placeholders (%d, %s ...) differ from the English text";
        }
        bool complete = true;
        for (int k = 0; k < forms; k++)
            if (!m->str[k] || !m->str[k][0])
                complete = false;
        if (why) {
            note_problem(r, m->line, m->msgid, why, true);
            for (int k = 0; k < I18N_MAX_FORMS; k++) {
                free(m->str[k]);
                m->str[k] = NULL;
            }
            complete = false;
        }
        m->translated = complete;
    }
}

i18n_catalog *i18n_catalog_parse(const char *lang, const char *po_text, size_t len, vm_err *err)
{
    i18n_catalog *cat = calloc(1, sizeof *cat);
    char name[48];
    snprintf(name, sizeof name, "%.40s.po", lang && lang[0] ? lang : "the");
    reader r = {.cat = cat, .name = name, .err = err, .status = VM_OK};
    vm_buf line = VM_BUF_INIT;
    if (!cat) {
        err_set(err, VM_ERR_NOMEM, "Not enough memory to read the words of %s.", name);
        return NULL;
    }
    cat->lang = strdup(lang ? lang : "");
    if (!cat->lang) {
        fail(&r, VM_ERR_NOMEM, "");
        goto out;
    }
    if (!po_text)
        len = 0;
    if (memchr(po_text ? po_text : "", '\0', len)) {
        r.line = 1;
        fail(&r, VM_ERR_INVALID, "the file holds a NUL byte: it is not a text file");
        goto out;
    }
    size_t pos = 0;
    /* a UTF-8 byte order mark is allowed in front */
    if (len >= 3 && memcmp(po_text, "\xef\xbb\xbf", 3) == 0)
        pos = 3;
    int target = F_NONE;
    while (pos < len) {
        const char *start = po_text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        r.line++;
        buf_reset(&line);
        buf_add(&line, start, n);
        if (!buf_ok(&line)) {
            fail(&r, VM_ERR_NOMEM, "");
            goto out;
        }
        if (line.len > 0 && line.data[line.len - 1] == '\r')
            line.data[--line.len] = '\0';
        if (!read_line(&r, line.data, &target))
            goto out;
    }
    r.line++;
    if (!finish_entry(&r))
        goto out;

    if (r.header_plural) {
        cat->nplurals = r.header_nplurals;
        cat->plural_expr = r.header_plural;
        r.header_plural = NULL;
    } else {
        const char *expr = "n != 1";
        cat->nplurals = 2;
        i18n_builtin_plural(cat->lang, &cat->nplurals, &expr);
        cat->plural_expr = strdup(expr);
        if (!cat->plural_expr) {
            fail(&r, VM_ERR_NOMEM, "");
            goto out;
        }
    }
    check_translations(&r); /* in file order, so the first problem told is the first in the file */
    if (cat->n > 0)
        qsort(cat->msgs, cat->n, sizeof cat->msgs[0], compare_msgs);
    for (size_t i = 1; i < cat->n; i++) {
        if (compare_msgs(&cat->msgs[i - 1], &cat->msgs[i]) == 0) {
            r.status = VM_ERR_INVALID;
            err_set(err, VM_ERR_INVALID,
                    "The language file %s has the message \"%.80s\"%s%s%s twice.", name,
                    cat->msgs[i].msgid, cat->msgs[i].ctxt ? " (context \"" : "",
                    cat->msgs[i].ctxt ? cat->msgs[i].ctxt : "", cat->msgs[i].ctxt ? "\")" : "");
            goto out;
        }
    }
    /* The kiosk keeps its catalogs for its whole life: the array grew by doubling, and half
     * of its last doubling would stay empty (~90 KB for a 1,100-message language). */
    if (cat->n > 0 && cat->n < cat->cap) {
        i18n_msg *fit = realloc(cat->msgs, cat->n * sizeof *fit);
        if (fit) {
            cat->msgs = fit;
            cat->cap = cat->n;
        }
    }
out:
    entry_reset(&r.e);
    buf_free(&line);
    free(r.header_plural);
    if (r.status != VM_OK) {
        i18n_catalog_free(cat);
        return NULL;
    }
    return cat;
}
