#include "render/fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utf8.h"

#ifndef VAERMED_FONT_DIR
#define VAERMED_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

static const char *const font_files[SCRIPT_COUNT][2] = {
    /* regular, bold */
    [SCRIPT_LATIN] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"},
    [SCRIPT_ARABIC] = {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
    [SCRIPT_ETHIOPIC] = {"NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"},
    [SCRIPT_NASTALIQ] = {"NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf"},
};

static bool role_is_bold(ui_font role)
{
    return role == UI_FONT_BOLD || role == UI_FONT_TITLE || role == UI_FONT_HUGE;
}

static bool file_readable(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, R_OK) == 0;
}

vm_status fonts_init(fonts *f, const char *dir, vm_err *err)
{
    memset(f, 0, sizeof *f);
    const char *chosen = (dir && *dir) ? dir : VAERMED_FONT_DIR;
    snprintf(f->dir, sizeof f->dir, "%s", chosen);
    for (int bold = 0; bold < 2; bold++) {
        const char *name = font_files[SCRIPT_LATIN][bold];
        if (!file_readable(f->dir, name))
            return err_set(err, VM_ERR_NOT_FOUND,
                           "The font %s is missing in %s. Install the Debian package "
                           "fonts-noto-core (deploy/install-deps.sh does it).",
                           name, f->dir);
    }
    return VM_OK;
}

static void close_faces(fonts *f)
{
    for (int w = 0; w < 2; w++)
        for (int s = 0; s < SCRIPT_COUNT; s++) {
            if (f->face[w][s])
                TTF_CloseFont(f->face[w][s]);
            f->face[w][s] = NULL;
            f->face_size[w][s] = 0;
        }
}

static int size_for(const fonts *f, ui_font role, font_script script)
{
    int size = f->sizes[role];
    if (script == SCRIPT_NASTALIQ)
        size = (int)(size * FONTS_NASTALIQ_SCALE + 0.5);
    return size;
}

static TTF_Font *open_face(fonts *f, ui_font role, font_script script)
{
    int bold = role_is_bold(role);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", f->dir, font_files[script][bold]);
    int size = size_for(f, role, script);
    TTF_Font *font = TTF_OpenFont(path, size);
    if (!font)
        return NULL;
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (script == SCRIPT_ARABIC || script == SCRIPT_NASTALIQ) {
        TTF_SetFontDirection(font, TTF_DIRECTION_RTL);
        TTF_SetFontScriptName(font, "Arab");
    } else if (script == SCRIPT_ETHIOPIC) {
        TTF_SetFontScriptName(font, "Ethi");
    }
    f->face[bold][script] = font;
    f->face_size[bold][script] = size;
    return font;
}

vm_status fonts_set_sizes(fonts *f, const int sizes[UI_FONT_COUNT], vm_err *err)
{
    for (int role = 0; role < UI_FONT_COUNT; role++)
        f->sizes[role] = sizes[role] > 4 ? sizes[role] : 4;
    /* the faces stay open; fonts_get sets a face to its role's size */
    for (int bold = 0; bold < 2; bold++) {
        ui_font role = bold ? UI_FONT_BOLD : UI_FONT_BODY;
        if (!f->face[bold][SCRIPT_LATIN] && !open_face(f, role, SCRIPT_LATIN))
            return err_set(err, VM_ERR_NOT_FOUND, "Cannot open the font in %s: %s", f->dir,
                           TTF_GetError());
    }
    return VM_OK;
}

font_script fonts_script_of(const char *utf8, ui_face face)
{
    size_t len = strlen(utf8);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(utf8 + i, len - i, &cp);
        if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
            (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
            return face == UI_FACE_NASTALIQ ? SCRIPT_NASTALIQ : SCRIPT_ARABIC;
        if (cp >= 0x1200 && cp <= 0x139F)
            return SCRIPT_ETHIOPIC;
    }
    return SCRIPT_LATIN;
}

TTF_Font *fonts_get(fonts *f, ui_font role, font_script script)
{
    if ((int)role < 0 || role >= UI_FONT_COUNT)
        role = UI_FONT_BODY;
    if ((int)script < 0 || script >= SCRIPT_COUNT)
        script = SCRIPT_LATIN;
    int bold = role_is_bold(role);
    if (!f->face[bold][SCRIPT_LATIN])
        return NULL;
    if (script != SCRIPT_LATIN && !f->face[bold][script])
        open_face(f, role, script);
    if (!f->face[bold][script])
        script = SCRIPT_LATIN; /* the script's font is missing */
    TTF_Font *font = f->face[bold][script];
    int size = size_for(f, role, script);
    if (f->face_size[bold][script] != size && TTF_SetFontSize(font, size) == 0)
        f->face_size[bold][script] = size;
    return font;
}

void fonts_close(fonts *f)
{
    close_faces(f);
}
