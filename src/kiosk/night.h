/* night: the dark hours from the config (`night = 23:00-06:00`), in Copenhagen time.
 *
 * At night the screen shows black (the ui's night screen) and is switched off: the backlight
 * through /sys/class/backlight/<name>/bl_power where the board has one, an HDMI screen through
 * DPMS (display_power.h), so the panel rests and nothing burns in. A touch wakes the screen
 * for a while (the ui decides how long), and the end of the night switches it on.
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_KIOSK_NIGHT_H
#define VM_KIOSK_NIGHT_H

#include <stdbool.h>
#include <stdint.h>

#include "config/config.h"

/* True when `now` (UTC seconds) falls in the night hours; false when there are none. A span
 * that crosses midnight (23:00-06:00) is handled. */
bool night_is_on(const config *c, int64_t now);

/* The next moment after `now` when night starts or ends (UTC seconds), or 0 when there are no
 * night hours. The loop sleeps until then at most. */
int64_t night_next_change(const config *c, int64_t now);

/* Switches every backlight under `sysfs_dir` (NULL = /sys/class/backlight) on or off by
 * writing bl_power (0 = on, 4 = powered down). Returns how many were switched; boards without
 * a backlight control (HDMI monitors) give 0 and the black frame does the work. */
int night_backlight(const char *sysfs_dir, bool on);

/* What to do with the screen's power around presenting a frame of `next_screen` while it is
 * `off` now. The screen comes on before a picture that is not the night's (a touch, the
 * morning), so that picture is seen; it goes off after the black night picture was shown. */
typedef enum night_power {
    NIGHT_POWER_KEEP = 0,
    NIGHT_POWER_ON_BEFORE,
    NIGHT_POWER_OFF_AFTER
} night_power;
night_power night_power_step(bool off, const char *next_screen);

#endif
