/* vg_raster: the vg vocabulary drawn into an 8-bit coverage canvas with FreeType (see vg.h).
 *
 * The path is kept in device pixels (each point goes through the transformation when it is
 * added, as cairo does). A fill turns it into an FT_Outline and FreeType's anti-aliasing
 * rasteriser hands back coverage spans; a stroke first runs it through FT_Stroker with the
 * line width, cap and join. Spans are composited into the canvas with the operator and the
 * clip: OVER adds coverage (c + a * (1 - c)), CLEAR takes it away (a * (1 - c)), the same
 * arithmetic as cairo's on an alpha surface, so the pictograms come out as on paper.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_STROKER_H

#include "icons/vg.h"

#define MAX_DEPTH 16

typedef enum seg_kind { SEG_MOVE, SEG_LINE, SEG_CUBIC, SEG_CLOSE } seg_kind;

typedef struct seg {
    seg_kind kind;
    double p[6]; /* device pixels: the end point, or control 1, control 2, end */
} seg;

typedef struct state {
    double m[6]; /* x' = m0 x + m2 y + m4; y' = m1 x + m3 y + m5 */
    double line_width;
    vg_cap cap;
    vg_join join;
    vg_op op;
    unsigned char *clip; /* w*h coverage, or NULL: no clip; owned by the level that made it */
    bool own_clip;
} state;

struct vg_raster {
    vg base;
    int w, h;
    unsigned char *alpha;
    state st[MAX_DEPTH];
    int depth;
    seg *segs;
    size_t n_segs, cap_segs;
    bool has_point;   /* a current point exists */
    double cx, cy;    /* the current point, device */
    double sx, sy;    /* the current subpath's start, device */
    bool oom;         /* a path could not grow: drawing stops rather than drawing half */
    FT_Library ft;
    FT_Stroker stroker;
};

static vg_raster *R(vg *v)
{
    return (vg_raster *)v;
}

static state *cur(vg_raster *r)
{
    return &r->st[r->depth];
}

static void to_device(const state *s, double x, double y, double *dx, double *dy)
{
    *dx = s->m[0] * x + s->m[2] * y + s->m[4];
    *dy = s->m[1] * x + s->m[3] * y + s->m[5];
}

/* ---- the state */

static void r_save(vg *v)
{
    vg_raster *r = R(v);
    if (r->depth + 1 >= MAX_DEPTH)
        return; /* the drawings nest two deep; deeper is a bug, drawn unbalanced not crashed */
    r->st[r->depth + 1] = r->st[r->depth];
    r->st[r->depth + 1].own_clip = false;
    r->depth++;
}

static void r_restore(vg *v)
{
    vg_raster *r = R(v);
    if (r->depth == 0)
        return;
    if (cur(r)->own_clip)
        free(cur(r)->clip);
    r->depth--;
}

static void multiply(double m[6], const double t[6])
{
    /* m = m * t: t applies first (to user coordinates), as cairo's transformations do */
    double a = m[0] * t[0] + m[2] * t[1], b = m[1] * t[0] + m[3] * t[1];
    double c = m[0] * t[2] + m[2] * t[3], d = m[1] * t[2] + m[3] * t[3];
    double e = m[0] * t[4] + m[2] * t[5] + m[4], f = m[1] * t[4] + m[3] * t[5] + m[5];
    m[0] = a;
    m[1] = b;
    m[2] = c;
    m[3] = d;
    m[4] = e;
    m[5] = f;
}

static void r_translate(vg *v, double x, double y)
{
    const double t[6] = {1, 0, 0, 1, x, y};
    multiply(cur(R(v))->m, t);
}

static void r_rotate(vg *v, double a)
{
    const double t[6] = {cos(a), sin(a), -sin(a), cos(a), 0, 0};
    multiply(cur(R(v))->m, t);
}

static void r_scale(vg *v, double sx, double sy)
{
    const double t[6] = {sx, 0, 0, sy, 0, 0};
    multiply(cur(R(v))->m, t);
}

static void r_set_line_width(vg *v, double w)
{
    cur(R(v))->line_width = w;
}

static void r_set_line_cap(vg *v, vg_cap c)
{
    cur(R(v))->cap = c;
}

static void r_set_line_join(vg *v, vg_join j)
{
    cur(R(v))->join = j;
}

static void r_set_op(vg *v, vg_op op)
{
    cur(R(v))->op = op;
}

static void r_set_rgb(vg *v, double red, double green, double blue)
{
    (void)v;
    (void)red;
    (void)green;
    (void)blue; /* one colour: the canvas is coverage only */
}

/* ---- the path */

static void add_seg(vg_raster *r, seg_kind kind, const double *p, int n)
{
    if (r->n_segs == r->cap_segs) {
        size_t cap = r->cap_segs ? r->cap_segs * 2 : 64;
        seg *bigger = realloc(r->segs, cap * sizeof *bigger);
        if (!bigger) {
            r->oom = true;
            return;
        }
        r->segs = bigger;
        r->cap_segs = cap;
    }
    seg *s = &r->segs[r->n_segs++];
    s->kind = kind;
    memset(s->p, 0, sizeof s->p);
    memcpy(s->p, p, (size_t)n * sizeof *p);
}

static void r_new_path(vg *v)
{
    vg_raster *r = R(v);
    r->n_segs = 0;
    r->has_point = false;
    r->oom = false;
}

static void r_new_sub_path(vg *v)
{
    R(v)->has_point = false;
}

static void move_device(vg_raster *r, double x, double y)
{
    const double p[2] = {x, y};
    add_seg(r, SEG_MOVE, p, 2);
    r->cx = r->sx = x;
    r->cy = r->sy = y;
    r->has_point = true;
}

static void line_device(vg_raster *r, double x, double y)
{
    if (!r->has_point) {
        move_device(r, x, y);
        return;
    }
    if (r->n_segs && r->segs[r->n_segs - 1].kind == SEG_CLOSE)
        move_device(r, r->cx, r->cy); /* a new subpath starts where the closed one began */
    const double p[2] = {x, y};
    add_seg(r, SEG_LINE, p, 2);
    r->cx = x;
    r->cy = y;
}

static void r_move_to(vg *v, double x, double y)
{
    vg_raster *r = R(v);
    double dx, dy;
    to_device(cur(r), x, y, &dx, &dy);
    move_device(r, dx, dy);
}

static void r_line_to(vg *v, double x, double y)
{
    vg_raster *r = R(v);
    double dx, dy;
    to_device(cur(r), x, y, &dx, &dy);
    line_device(r, dx, dy);
}

static void cubic_device(vg_raster *r, const double p[6])
{
    if (!r->has_point)
        move_device(r, p[0], p[1]);
    else if (r->n_segs && r->segs[r->n_segs - 1].kind == SEG_CLOSE)
        move_device(r, r->cx, r->cy);
    add_seg(r, SEG_CUBIC, p, 6);
    r->cx = p[4];
    r->cy = p[5];
}

static void r_curve_to(vg *v, double x1, double y1, double x2, double y2, double x3, double y3)
{
    vg_raster *r = R(v);
    double p[6];
    to_device(cur(r), x1, y1, &p[0], &p[1]);
    to_device(cur(r), x2, y2, &p[2], &p[3]);
    to_device(cur(r), x3, y3, &p[4], &p[5]);
    cubic_device(r, p);
}

/* An arc from a1 to a2 (already ordered in the drawing direction) as cubic pieces of at
 * most a quarter turn each, which is within a few thousandths of the circle's radius. */
static void arc_path(vg_raster *r, double xc, double yc, double rad, double a1, double a2)
{
    double x0, y0;
    to_device(cur(r), xc + rad * cos(a1), yc + rad * sin(a1), &x0, &y0);
    if (r->has_point)
        line_device(r, x0, y0);
    else
        move_device(r, x0, y0);
    double sweep = a2 - a1;
    int pieces = (int)ceil(fabs(sweep) / (M_PI / 2) - 1e-9);
    if (pieces < 1)
        pieces = 1;
    double step = sweep / pieces, k = 4.0 / 3.0 * tan(step / 4);
    for (int i = 0; i < pieces; i++) {
        double t0 = a1 + i * step, t1 = t0 + step;
        double c0 = cos(t0), s0 = sin(t0), c1 = cos(t1), s1 = sin(t1);
        double p[6];
        to_device(cur(r), xc + rad * (c0 - k * s0), yc + rad * (s0 + k * c0), &p[0], &p[1]);
        to_device(cur(r), xc + rad * (c1 + k * s1), yc + rad * (s1 - k * c1), &p[2], &p[3]);
        to_device(cur(r), xc + rad * c1, yc + rad * s1, &p[4], &p[5]);
        cubic_device(r, p);
    }
}

static void r_arc(vg *v, double xc, double yc, double rad, double a1, double a2)
{
    while (a2 < a1)
        a2 += 2 * M_PI;
    arc_path(R(v), xc, yc, rad, a1, a2);
}

static void r_arc_negative(vg *v, double xc, double yc, double rad, double a1, double a2)
{
    while (a2 > a1)
        a2 -= 2 * M_PI;
    arc_path(R(v), xc, yc, rad, a1, a2);
}

static void r_close_path(vg *v)
{
    vg_raster *r = R(v);
    if (!r->has_point)
        return;
    const double p[2] = {r->sx, r->sy};
    add_seg(r, SEG_CLOSE, p, 2);
    r->cx = r->sx;
    r->cy = r->sy;
}

static void r_rectangle(vg *v, double x, double y, double w, double h)
{
    r_move_to(v, x, y);
    r_line_to(v, x + w, y);
    r_line_to(v, x + w, y + h);
    r_line_to(v, x, y + h);
    r_close_path(v);
}

/* ---- turning the path into coverage */

static FT_Vector fx(double x, double y)
{
    FT_Vector p = {(FT_Pos)lround(x * 64), (FT_Pos)lround(y * 64)};
    return p;
}

/* The path as an FT_Outline, every subpath a closed contour (as a fill closes them). */
static bool path_outline(vg_raster *r, FT_Outline *o)
{
    size_t points = 0, contours = 0;
    for (size_t i = 0; i < r->n_segs; i++) {
        if (r->segs[i].kind == SEG_MOVE)
            contours++, points++;
        else if (r->segs[i].kind == SEG_LINE)
            points++;
        else if (r->segs[i].kind == SEG_CUBIC)
            points += 3;
    }
    if (!contours || points > 30000 || contours > 30000)
        return false;
    if (FT_Outline_New(r->ft, (FT_UInt)points, (FT_Int)contours, o) != 0)
        return false;
    int np = 0, nc = 0;
    for (size_t i = 0; i < r->n_segs; i++) {
        const seg *s = &r->segs[i];
        switch (s->kind) {
        case SEG_MOVE:
            if (np > 0)
                o->contours[nc++] = (short)(np - 1);
            o->points[np] = fx(s->p[0], s->p[1]);
            o->tags[np++] = FT_CURVE_TAG_ON;
            break;
        case SEG_LINE:
            o->points[np] = fx(s->p[0], s->p[1]);
            o->tags[np++] = FT_CURVE_TAG_ON;
            break;
        case SEG_CUBIC:
            for (int k = 0; k < 3; k++) {
                o->points[np] = fx(s->p[2 * k], s->p[2 * k + 1]);
                o->tags[np++] = k < 2 ? FT_CURVE_TAG_CUBIC : FT_CURVE_TAG_ON;
            }
            break;
        case SEG_CLOSE:
            break; /* every contour is closed anyway */
        }
    }
    o->contours[nc++] = (short)(np - 1);
    o->n_points = (short)np;
    o->n_contours = (short)nc;
    o->flags &= ~FT_OUTLINE_EVEN_ODD_FILL; /* nonzero winding; FT_Outline_Done frees it */
    return true;
}

/* The path through FT_Stroker at the current width, cap and join, as an FT_Outline. */
static bool stroke_outline(vg_raster *r, FT_Outline *o)
{
    const state *s = cur(r);
    double scale = sqrt(fabs(s->m[0] * s->m[3] - s->m[1] * s->m[2]));
    double radius = s->line_width * scale / 2;
    if (radius <= 0)
        return false;
    static const FT_Stroker_LineCap caps[] = {FT_STROKER_LINECAP_BUTT, FT_STROKER_LINECAP_ROUND,
                                              FT_STROKER_LINECAP_SQUARE};
    static const FT_Stroker_LineJoin joins[] = {FT_STROKER_LINEJOIN_MITER_VARIABLE,
                                                FT_STROKER_LINEJOIN_ROUND,
                                                FT_STROKER_LINEJOIN_BEVEL};
    /* cairo's default miter limit is 10 */
    FT_Stroker_Set(r->stroker, (FT_Fixed)lround(radius * 64), caps[s->cap], joins[s->join],
                   10 * 0x10000);
    bool any = false;
    for (size_t i = 0; i < r->n_segs;) {
        /* one subpath: a MOVE, its segments, perhaps a CLOSE */
        if (r->segs[i].kind != SEG_MOVE) {
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < r->n_segs && r->segs[end].kind != SEG_MOVE &&
               r->segs[end].kind != SEG_CLOSE)
            end++;
        bool closed = end < r->n_segs && r->segs[end].kind == SEG_CLOSE;
        if (end > i + 1) {
            FT_Vector start = fx(r->segs[i].p[0], r->segs[i].p[1]);
            FT_Stroker_BeginSubPath(r->stroker, &start, !closed);
            for (size_t k = i + 1; k < end; k++) {
                const seg *g = &r->segs[k];
                if (g->kind == SEG_LINE) {
                    FT_Vector to = fx(g->p[0], g->p[1]);
                    FT_Stroker_LineTo(r->stroker, &to);
                } else {
                    FT_Vector c1 = fx(g->p[0], g->p[1]), c2 = fx(g->p[2], g->p[3]),
                              to = fx(g->p[4], g->p[5]);
                    FT_Stroker_CubicTo(r->stroker, &c1, &c2, &to);
                }
            }
            FT_Stroker_EndSubPath(r->stroker);
            any = true;
        }
        i = closed ? end + 1 : end;
    }
    if (!any)
        return false;
    FT_UInt points = 0, contours = 0;
    if (FT_Stroker_GetCounts(r->stroker, &points, &contours) != 0 || !points ||
        points > 30000 || contours > 30000 ||
        FT_Outline_New(r->ft, points, (FT_Int)contours, o) != 0) {
        FT_Stroker_Rewind(r->stroker);
        return false;
    }
    o->n_points = 0;
    o->n_contours = 0;
    FT_Stroker_Export(r->stroker, o);
    FT_Stroker_Rewind(r->stroker);
    return true;
}

/* x * y / 255, rounded, as pixman computes it */
static unsigned mul255(unsigned x, unsigned y)
{
    unsigned t = x * y + 0x80;
    return (t + (t >> 8)) >> 8;
}

typedef struct span_job {
    vg_raster *r;
    unsigned char *target; /* the canvas, or a fresh clip mask */
    const unsigned char *clip;
    vg_op op;
} span_job;

static void spans(int y, int count, const FT_Span *sp, void *user)
{
    span_job *j = user;
    vg_raster *r = j->r;
    if (y < 0 || y >= r->h)
        return;
    unsigned char *row = j->target + (size_t)y * (size_t)r->w;
    const unsigned char *clip = j->clip ? j->clip + (size_t)y * (size_t)r->w : NULL;
    for (int i = 0; i < count; i++) {
        int x0 = sp[i].x, x1 = sp[i].x + sp[i].len;
        if (x0 < 0)
            x0 = 0;
        if (x1 > r->w)
            x1 = r->w;
        for (int x = x0; x < x1; x++) {
            unsigned c = sp[i].coverage;
            if (clip)
                c = mul255(c, clip[x]);
            unsigned a = row[x];
            row[x] = (unsigned char)(j->op == VG_OP_CLEAR ? a - mul255(a, c)
                                                          : a + mul255(255 - a, c));
        }
    }
}

static void render(vg_raster *r, FT_Outline *o, unsigned char *target, const unsigned char *clip,
                   vg_op op)
{
    span_job job = {r, target, clip, op};
    FT_Raster_Params p;
    memset(&p, 0, sizeof p);
    p.source = o;
    p.flags = FT_RASTER_FLAG_AA | FT_RASTER_FLAG_DIRECT | FT_RASTER_FLAG_CLIP;
    p.gray_spans = spans;
    p.user = &job;
    p.clip_box.xMin = 0;
    p.clip_box.yMin = 0;
    p.clip_box.xMax = r->w;
    p.clip_box.yMax = r->h;
    FT_Outline_Render(r->ft, o, &p);
}

static void r_fill(vg *v, int preserve)
{
    vg_raster *r = R(v);
    FT_Outline o;
    if (!r->oom && path_outline(r, &o)) {
        render(r, &o, r->alpha, cur(r)->clip, cur(r)->op);
        FT_Outline_Done(r->ft, &o);
    }
    if (!preserve)
        r_new_path(v);
}

static void r_stroke(vg *v)
{
    vg_raster *r = R(v);
    FT_Outline o;
    if (!r->oom && stroke_outline(r, &o)) {
        render(r, &o, r->alpha, cur(r)->clip, cur(r)->op);
        FT_Outline_Done(r->ft, &o);
    }
    r_new_path(v);
}

static void r_clip(vg *v)
{
    vg_raster *r = R(v);
    state *s = cur(r);
    unsigned char *mask = calloc((size_t)r->w * (size_t)r->h, 1);
    FT_Outline o;
    if (mask && !r->oom && path_outline(r, &o)) {
        render(r, &o, mask, s->clip, VG_OP_OVER); /* the new clip within the old one */
        FT_Outline_Done(r->ft, &o);
    }
    if (mask) {
        if (s->own_clip)
            free(s->clip);
        s->clip = mask;
        s->own_clip = true;
    }
    r_new_path(v);
}

static const vg_ops raster_ops = {
    r_save,       r_restore,     r_translate, r_rotate,       r_scale,     r_set_line_width,
    r_set_line_cap, r_set_line_join, r_set_op, r_set_rgb,    r_new_path,  r_new_sub_path,
    r_move_to,    r_line_to,     r_curve_to,  r_arc,          r_arc_negative, r_rectangle,
    r_close_path, r_fill,        r_stroke,    r_clip,
};

vg_raster *vg_raster_new(int w, int h)
{
    if (w <= 0 || h <= 0 || w > 8192 || h > 8192)
        return NULL;
    vg_raster *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->base.ops = &raster_ops;
    r->w = w;
    r->h = h;
    r->alpha = calloc((size_t)w * (size_t)h, 1);
    if (!r->alpha || FT_Init_FreeType(&r->ft) != 0) {
        r->ft = NULL;
        vg_raster_free(r);
        return NULL;
    }
    if (FT_Stroker_New(r->ft, &r->stroker) != 0) {
        vg_raster_free(r);
        return NULL;
    }
    state *s = cur(r);
    const double identity[6] = {1, 0, 0, 1, 0, 0};
    memcpy(s->m, identity, sizeof identity);
    s->line_width = 2; /* cairo's default */
    s->cap = VG_CAP_BUTT;
    s->join = VG_JOIN_MITER;
    s->op = VG_OP_OVER;
    return r;
}

vg *vg_raster_vg(vg_raster *r)
{
    return &r->base;
}

const unsigned char *vg_raster_alpha(const vg_raster *r)
{
    return r->alpha;
}

void vg_raster_free(vg_raster *r)
{
    if (!r)
        return;
    while (r->depth > 0)
        r_restore(&r->base);
    if (cur(r)->own_clip)
        free(cur(r)->clip);
    if (r->stroker)
        FT_Stroker_Done(r->stroker);
    if (r->ft)
        FT_Done_FreeType(r->ft);
    free(r->segs);
    free(r->alpha);
    free(r);
}
