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

typedef struct fonts {
    char dir[512];
    int sizes[UI_FONT_COUNT];
    TTF_Font *font[UI_FONT_COUNT][SCRIPT_COUNT]; /* opened lazily for non-Latin scripts */
} fonts;

/* Finds the font folder (`dir` if given, else the build's default VAERMED_FONT_DIR; the app
 * passes $VAERMED_FONT_DIR as `dir`: nothing here reads the environment)
 * and checks the Latin fonts are there: VM_ERR_NOT_FOUND names the missing file and the
 * Debian package (fonts-noto-core). Opens nothing yet. */
vm_status fonts_init(fonts *f, const char *dir, vm_err *err);

/* Opens every role at these sizes (Latin now, other scripts when first needed). */
vm_status fonts_set_sizes(fonts *f, const int sizes[UI_FONT_COUNT], vm_err *err);

/* The script a line of text needs (the first non-Latin letter decides); Arabic script in
 * `face`. */
font_script fonts_script_of(const char *utf8, ui_face face);

/* The font for a role and script; falls back to Latin if the script's font is missing. */
TTF_Font *fonts_get(fonts *f, ui_font role, font_script script);

void fonts_close(fonts *f);

#endif
