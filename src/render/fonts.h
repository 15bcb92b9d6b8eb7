/* fonts: finds the Noto .ttf files and opens them at the sizes the layout asks for.
 * Internal to render. Latin, Greek and Cyrillic come from Noto Sans; Arabic script (Arabic,
 * Urdu, Farsi, Kurdish Sorani) from Noto Sans Arabic, shaped right-to-left by SDL_ttf's
 * HarfBuzz; Ethiopic (Tigrinya, Amharic) from Noto Sans Ethiopic.
 *
 * Threads: the main loop only, the thread that made the SDL renderer (SDL's renderer and
 * SDL_ttf are not thread-safe).
 */
#ifndef VM_RENDER_FONTS_H
#define VM_RENDER_FONTS_H

#include <SDL_ttf.h>

#include "core/err.h"
#include "ui/draw.h"

typedef enum font_script {
    SCRIPT_LATIN = 0,
    SCRIPT_ARABIC,
    SCRIPT_ETHIOPIC,
    SCRIPT_NASTALIQ, /* Arabic script in the Nastaliq face, for Urdu (UI_FACE_NASTALIQ) */
    SCRIPT_COUNT
} font_script;

/* Nastaliq's letters stand half as tall again as Naskh's at one em: it is opened at this
 * share of the role's size, so Urdu reads as large as the Arabic and Latin beside it. */
#define FONTS_NASTALIQ_SCALE 0.8

/* One face per weight and script, shared by the roles of that weight and set to a role's
 * size when fonts_get hands it out: every TTF_Font holds its own FreeType face and HarfBuzz
 * tables (GSUB/GPOS copied to the heap), so one per role cost the kiosk ~0.4 MB more. */
typedef struct fonts {
    char dir[512];
    int sizes[UI_FONT_COUNT];
    TTF_Font *face[2][SCRIPT_COUNT]; /* [bold]; opened lazily for non-Latin scripts */
    int face_size[2][SCRIPT_COUNT];  /* the size each face is set to now */
} fonts;

/* Finds the font folder (`dir` if given, else the build's default VAERMED_FONT_DIR; the app
 * passes $VAERMED_FONT_DIR as `dir`: nothing here reads the environment)
 * and checks the Latin fonts are there: VM_ERR_NOT_FOUND names the missing file and the
 * Debian package (fonts-noto-core). Opens nothing yet. */
vm_status fonts_init(fonts *f, const char *dir, vm_err *err);

/* Sets the roles' sizes; opens the Latin faces (regular and bold) now, other scripts' when
 * first needed. */
vm_status fonts_set_sizes(fonts *f, const int sizes[UI_FONT_COUNT], vm_err *err);

/* The script a line of text needs (the first non-Latin letter decides); Arabic script in
 * `face`. */
font_script fonts_script_of(const char *utf8, ui_face face);

/* The font for a role and script; falls back to Latin if the script's font is missing.
 * Roles of one weight share a face: the font is set to this role's size and stays valid at
 * it until the next fonts_get or fonts_set_sizes. */
TTF_Font *fonts_get(fonts *f, ui_font role, font_script script);

void fonts_close(fonts *f);

#endif
