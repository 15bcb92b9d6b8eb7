/* night: the dark hours from the config (`night = 23:00-06:00`), in Copenhagen time.
 *
 * At night the screen shows black (the ui's night screen) and, where the board has one, the
 * backlight is switched off through /sys/class/backlight/<name>/bl_power, so the panel rests
 * and nothing burns in. A touch wakes the screen for a while (the ui decides how long). */
#ifndef VM_APP_NIGHT_H
#define VM_APP_NIGHT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/config.h"

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

#endif
