/* display_power: switching the screen off for the night for real, and on in the morning.
 *
 * A black picture still lights the panel. Where the panel has a backlight (the official
 * Raspberry Pi touch display), night_backlight switches that off. An HDMI screen has none the
 * kiosk can reach, so it is told through the display's power management: the DRM connector's
 * "DPMS" property, set to Off and On again on the very DRM device SDL draws with (on the
 * console the kiosk holds DRM master there, which setting it needs). Most HDMI screens then go
 * to standby. (vcgencmd display_power does the same on the Pi's old firmware driver only;
 * bookworm's KMS driver listens to DPMS.)
 *
 * The device is reached through `display_power_ops`, so the decisions (which connectors,
 * which values) are tested without a screen; display_power_drm_ops gives the real one
 * (libdrm).
 *
 * Threads: the kiosk's main loop only (or the command line's one thread).
 */
#ifndef VM_PLATFORM_DISPLAY_POWER_H
#define VM_PLATFORM_DISPLAY_POWER_H

#include <stdbool.h>
#include <stdint.h>

/* DPMS values of the kernel's connector property (as DRM_MODE_DPMS_ON/_OFF in xf86drmMode.h). */
#define DISPLAY_DPMS_ON 0
#define DISPLAY_DPMS_OFF 3
#define DISPLAY_CONNECTORS_MAX 8

typedef struct display_connector {
    uint32_t id;        /* the connector's object id */
    uint32_t dpms_prop; /* the id of its "DPMS" property, 0 when it has none */
    bool connected;     /* a screen is plugged in */
    uint64_t dpms;      /* the property's value now */
} display_connector;

typedef struct display_power_ops {
    void *ctx;
    /* Fills up to `max` connectors of the device; returns how many, or -1 when the device
     * cannot be asked. */
    int (*connectors)(void *ctx, display_connector *out, int max);
    /* Sets property `prop` of connector `id` to `value`; 0 when done, else an errno. */
    int (*set_property)(void *ctx, uint32_t id, uint32_t prop, uint64_t value);
} display_power_ops;

/* Switches every connected connector that has a DPMS property on or off, skipping those
 * already there. Returns how many were switched, or -1 when the device could not be asked
 * (`errors` counts the connectors that refused; may be NULL). */
int display_power_set(const display_power_ops *ops, bool on, int *errors);

/* The ops for the DRM device open as `*fd` (the caller keeps the int alive and the fd open). */
void display_power_drm_ops(display_power_ops *ops, int *fd);

#endif
