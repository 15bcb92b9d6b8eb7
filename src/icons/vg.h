/* vg: the small vector drawing vocabulary the pictograms are written in (internal to icons/).
 *
 * It is the part of cairo's API the drawings use, with cairo's meaning: a path is built in
 * user space through the current transformation (and kept across save/restore), fill and
 * stroke use the nonzero rule and consume the path (fill_preserve keeps it), clip intersects
 * the clip with the path, save/restore keep the transformation, line width, cap, join,
 * colour, operator and clip. Two backends draw it:
 *   - vg_cairo (icons_cairo.c): forwards every call to a cairo_t, for the printed program
 *     (PDF stays vector) and for tests;
 *   - vg_raster (vg_raster.c): an 8-bit coverage canvas rasterised with FreeType's outline
 *     stroker and anti-aliasing rasteriser, for the screen. The kiosk already has FreeType
 *     (SDL_ttf draws its text with it), so its pictograms need neither cairo nor the dozen
 *     libraries cairo brings along.
 * The raster canvas draws in one colour (alpha only): VG_OP_OVER adds coverage, VG_OP_CLEAR
 * removes it; set_rgb is for the vector backend's paper path and is ignored there.
 *
 * Threads: any. No state of its own; a cairo context or raster is used by one thread at a
 * time.
 */
#ifndef VM_ICONS_VG_H
#define VM_ICONS_VG_H

typedef enum vg_cap { VG_CAP_BUTT = 0, VG_CAP_ROUND, VG_CAP_SQUARE } vg_cap;
typedef enum vg_join { VG_JOIN_MITER = 0, VG_JOIN_ROUND, VG_JOIN_BEVEL } vg_join;
typedef enum vg_op { VG_OP_OVER = 0, VG_OP_CLEAR } vg_op;

typedef struct vg vg;

typedef struct vg_ops {
    void (*save)(vg *v);
    void (*restore)(vg *v);
    void (*translate)(vg *v, double x, double y);
    void (*rotate)(vg *v, double radians);
    void (*scale)(vg *v, double sx, double sy);
    void (*set_line_width)(vg *v, double w);
    void (*set_line_cap)(vg *v, vg_cap cap);
    void (*set_line_join)(vg *v, vg_join join);
    void (*set_op)(vg *v, vg_op op);
    void (*set_rgb)(vg *v, double r, double g, double b);
    void (*new_path)(vg *v);
    void (*new_sub_path)(vg *v);
    void (*move_to)(vg *v, double x, double y);
    void (*line_to)(vg *v, double x, double y);
    void (*curve_to)(vg *v, double x1, double y1, double x2, double y2, double x3, double y3);
    void (*arc)(vg *v, double xc, double yc, double r, double a1, double a2);
    void (*arc_negative)(vg *v, double xc, double yc, double r, double a1, double a2);
    void (*rectangle)(vg *v, double x, double y, double w, double h);
    void (*close_path)(vg *v);
    void (*fill)(vg *v, int preserve);
    void (*stroke)(vg *v);
    void (*clip)(vg *v);
} vg_ops;

/* Every backend starts with this. `paper` is the pen's paper (icons_pen.h), NULL when the
 * holes are real holes. */
struct vg {
    const vg_ops *ops;
    void *paper;
};

static inline void vg_save(vg *v) { v->ops->save(v); }
static inline void vg_restore(vg *v) { v->ops->restore(v); }
static inline void vg_translate(vg *v, double x, double y) { v->ops->translate(v, x, y); }
static inline void vg_rotate(vg *v, double a) { v->ops->rotate(v, a); }
static inline void vg_scale(vg *v, double sx, double sy) { v->ops->scale(v, sx, sy); }
static inline void vg_set_line_width(vg *v, double w) { v->ops->set_line_width(v, w); }
static inline void vg_set_line_cap(vg *v, vg_cap c) { v->ops->set_line_cap(v, c); }
static inline void vg_set_line_join(vg *v, vg_join j) { v->ops->set_line_join(v, j); }
static inline void vg_set_op(vg *v, vg_op op) { v->ops->set_op(v, op); }
static inline void vg_set_rgb(vg *v, double r, double g, double b) { v->ops->set_rgb(v, r, g, b); }
static inline void vg_new_path(vg *v) { v->ops->new_path(v); }
static inline void vg_new_sub_path(vg *v) { v->ops->new_sub_path(v); }
static inline void vg_move_to(vg *v, double x, double y) { v->ops->move_to(v, x, y); }
static inline void vg_line_to(vg *v, double x, double y) { v->ops->line_to(v, x, y); }
static inline void vg_curve_to(vg *v, double x1, double y1, double x2, double y2, double x3,
                               double y3)
{
    v->ops->curve_to(v, x1, y1, x2, y2, x3, y3);
}
static inline void vg_arc(vg *v, double xc, double yc, double r, double a1, double a2)
{
    v->ops->arc(v, xc, yc, r, a1, a2);
}
static inline void vg_arc_negative(vg *v, double xc, double yc, double r, double a1, double a2)
{
    v->ops->arc_negative(v, xc, yc, r, a1, a2);
}
static inline void vg_rectangle(vg *v, double x, double y, double w, double h)
{
    v->ops->rectangle(v, x, y, w, h);
}
static inline void vg_close_path(vg *v) { v->ops->close_path(v); }
static inline void vg_fill(vg *v) { v->ops->fill(v, 0); }
static inline void vg_fill_preserve(vg *v) { v->ops->fill(v, 1); }
static inline void vg_stroke(vg *v) { v->ops->stroke(v); }
static inline void vg_clip(vg *v) { v->ops->clip(v); }

/* ---- the raster backend (vg_raster.c) */

typedef struct vg_raster vg_raster;

/* A w x h canvas, all clear, with the identity transformation (user units = pixels). NULL
 * when out of memory or FreeType cannot start. */
vg_raster *vg_raster_new(int w, int h);
vg *vg_raster_vg(vg_raster *r);
/* The coverage, w*h bytes, row by row, 0 = clear, 255 = covered; owned by the canvas. */
const unsigned char *vg_raster_alpha(const vg_raster *r);
void vg_raster_free(vg_raster *r);

#endif
