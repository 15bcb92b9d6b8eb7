#include "kiosk/dump.h"

static const char *role_name(ui_role r)
{
    switch (r) {
    case UI_ROLE_BUTTON: return "button";
    case UI_ROLE_CARD: return "card";
    case UI_ROLE_KEY: return "key";
    case UI_ROLE_TOGGLE: return "toggle";
    case UI_ROLE_TEXT: return "text";
    case UI_ROLE_HEADING: return "heading";
    case UI_ROLE_QR: return "qr";
    case UI_ROLE_INPUT: return "input";
    case UI_ROLE_LIST: return "list";
    }
    return "other";
}

void dump_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void dump_frame(FILE *out, unsigned long seq, unsigned long ticks, unsigned long input_ticks,
                const ui_frame *f)
{
    fprintf(out, "{\"seq\":%lu,\"ticks\":%lu,\"input_ticks\":%lu,\"screen\":", seq, ticks,
            input_ticks);
    dump_json_string(out, f->screen);
    fprintf(out, ",\"width\":%d,\"height\":%d,\"widgets\":[", f->width, f->height);
    for (size_t i = 0; i < f->n_widgets; i++) {
        const ui_widget *w = &f->widgets[i];
        fputs(i ? ",{\"id\":" : "{\"id\":", out);
        dump_json_string(out, w->id);
        fprintf(out, ",\"role\":\"%s\",\"label\":", role_name(w->role));
        dump_json_string(out, w->label);
        fprintf(out,
                ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"enabled\":%s,\"pressed\":%s,"
                "\"selected\":%s,\"fg\":\"#%02x%02x%02x\",\"bg\":\"#%02x%02x%02x\"}",
                w->rect.x, w->rect.y, w->rect.w, w->rect.h,
                (w->flags & UI_WIDGET_DISABLED) ? "false" : "true",
                (w->flags & UI_WIDGET_PRESSED) ? "true" : "false",
                (w->flags & UI_WIDGET_SELECTED) ? "true" : "false", w->fg.r, w->fg.g, w->fg.b,
                w->bg.r, w->bg.g, w->bg.b);
    }
    fputs("]}\n", out);
    fflush(out);
}
