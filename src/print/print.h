/* print: the printed program for the stairwells and one activity's poster, as A4 PDF.
 *
 * "Opslag i opgangene" is what reaches residents today, so paper matters as much as the
 * screen. Both products are drawn with cairo's PDF surface and stay vector (text, pictograms
 * from icons_draw_on, QR codes from qr_draw), so they print sharp at any size. They read in
 * black and white: colours are only the deep category squares (white pictogram on them,
 * grey on a mono printer) and light tints; every word is near-black on white.
 *
 * Text is set with Pango in the kiosk's Noto Sans (NotoSans-Regular.ttf and NotoSans-Bold.ttf
 * from `font_dir`), loaded into a private fontconfig set so the result does not depend on the
 * machine's font configuration; Noto Sans Arabic and Ethiopic join it when present, for
 * titles written in those scripts. Danish words: the paper hangs in a Danish stairwell.
 *
 * QR codes: the same targets as on the screen (qr_target_for with the configured URL
 * template), with the line saying what scanning does. No code for residents-only and
 * cancelled activities, and none (rather than an unreadable one) when the payload is too
 * long; print_report counts those.
 *
 * Files: written to a temporary file next to `path`, flushed and renamed over it, so a
 * pulled stick or a full disk leaves the old file or the new one, never half. An unwritable
 * path is VM_ERR_IO with the path and the reason; missing fonts are VM_ERR_NOT_FOUND naming
 * the file. Nothing here reads the clock: `now` is passed in.
 *
 * The caller (the `vaermed poster` command, the stick export) chooses the activities; print
 * only lays out what it is given.
 *
 * Threads: the caller's one thread at a time: the main loop during a sync, or the command line
 * (cairo and Pango's font map are not shared across threads here).
 */
#ifndef VM_PRINT_PRINT_H
#define VM_PRINT_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"

typedef struct print_options {
    const char *estate_name;  /* "Fælleshuset, Solbakken"; NULL or "" = left out */
    const char *url_template; /* the config's signup_url_template ("{uid}"); NULL/"" = none */
    const char *font_dir;     /* folder with the Noto Sans .ttf files; NULL = the build's
                                 VAERMED_FONT_DIR, else /usr/share/fonts/truetype/noto */
    int64_t now;              /* UTC; shown as "Udskrevet 23. november 2026" */
    size_t not_shown;         /* print_week: activities of the week the caller left out (a
                                 program too big for paper); the last page says how many */
} print_options;

/* What a print run did, for the command line and the stick log. */
typedef struct print_report {
    int pages;
    int codes;           /* QR codes printed */
    int codes_too_long;  /* activities that should have had a code but whose payload was too
                            long for a scannable one (they are printed without) */
} print_report;

/* The week program, a poster for the stairwell: A4 portrait, every word at least 16 pt. The
 * estate's name, "Uge 48" (the biggest words) and the dates, a box that says how to join (on
 * the kiosk's screen, or with the phone on an activity's code; "Bare kom" needs nothing), then
 * the activities sorted by start in two columns grouped by day ("Mandag 23. november"):
 * pictogram, time and what joining takes ("Bare kom", "Tilmeld senest tirsdag kl. 12", "Kun
 * for beboere"), title, place and price, and the QR code beside it (modules of 0.5 mm, 0.34 mm
 * for a dense calendar code, whole pixels at 150 to 600 dpi; read by zbar and ZXing at 150
 * dpi). The code starts level with the time line when that makes the block shorter. Cancelled
 * activities stay, struck through, with "Aflyst" where the code would be. A normal week (a
 * dozen activities, long titles and places among them) is one page; a busier one goes on to
 * more, numbered, a day that runs on saying so. The host and the badges are on each activity's
 * own poster (print_poster). `week_start` is any moment of the week (its Monday is found);
 * `acts` (n may be 0: the page then says there is nothing this week) are not modified.
 * `report` may be NULL. */
vm_status print_week(const activity *acts, size_t n, int64_t week_start,
                     const print_options *opt, const char *path, print_report *report,
                     vm_err *err);

/* One activity's poster: A4 portrait, its pictogram and title large on the category's colour,
 * when / where / host / price, badges, the description, and a large QR code (about 7 cm)
 * with what scanning does. A cancelled activity's poster says "Aflyst" across it. */
vm_status print_poster(const activity *a, const print_options *opt, const char *path,
                       print_report *report, vm_err *err);

#endif
