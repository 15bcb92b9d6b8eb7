/* fatal: the screen shown when the kiosk cannot go on (a foreign or damaged database, an
 * unwritable data folder). It says so in plain words on the screen as well as on stderr,
 * waits a while (VAERMED_ERROR_SECONDS, default 30) or until it is tapped, then returns, and
 * the program exits non-zero so the service manager can try again.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_FATAL_H
#define VM_KIOSK_FATAL_H

#include "core/err.h"
#include "core/i18n.h"
#include "render/render.h"

void fatal_screen(render *r, const i18n_catalog *cat, vm_status status, const char *detail);

/* The fonts are missing (render_fonts_missing): the screen says so in the built-in letters,
 * in Danish and English (the catalogs' words would need the fonts), and the kiosk waits,
 * telling systemd it is up and alive, until it is stopped (or VAERMED_ERROR_SECONDS pass):
 * a restart could not bring the fonts back, so it does not ask for one. */
void fatal_fonts_screen(render *r);

#endif
