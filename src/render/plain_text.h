/* plain_text: a bitmap font built into the program, for when the real fonts are missing
 * (render_present_plain). Letters A-Z, a-z, æ ø å Æ Ø Å, digits and . , : - ' ( ) / ? !;
 * any other character is drawn as a space. Internal to render.
 *
 * Threads: the main loop only, the thread that made the SDL renderer (SDL's renderer and
 * SDL_ttf are not thread-safe).
 */
#ifndef VM_RENDER_PLAIN_TEXT_H
#define VM_RENDER_PLAIN_TEXT_H

#define PLAIN_GLYPH_W 5
#define PLAIN_GLYPH_H 9
#define PLAIN_ADVANCE 6 /* a glyph and one column between */

/* The width of a line in font pixels (multiply by the scale). */
int plain_text_width(const char *utf8);

/* Draws a line with its top left at x, y, each font pixel a square of `scale` screen pixels
 * handed to `pixel`. */
void plain_text_draw(const char *utf8, int x, int y, int scale,
                     void (*pixel)(void *ctx, int x, int y, int size), void *ctx);

#endif
