/* display_power: at night every connected screen with DPMS is told Off (3), in the morning On
 * (0); screens already there, connectors with nothing plugged in and connectors without DPMS
 * are left alone; a refusal is counted, and a device that cannot be asked says so. The DRM
 * device is a fake that writes down what it was told. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "platform/display_power.h"
#include "test_support.h"

typedef struct fake_drm {
    display_connector conn[DISPLAY_CONNECTORS_MAX];
    int n;              /* -1: the device cannot be asked */
    uint32_t refuse_id; /* this connector refuses */
    struct { uint32_t id, prop; uint64_t value; } calls[16];
    int n_calls;
} fake_drm;

static int fake_connectors(void *ctx, display_connector *out, int max)
{
    fake_drm *d = ctx;
    if (d->n < 0)
        return -1;
    int n = d->n < max ? d->n : max;
    memcpy(out, d->conn, (size_t)n * sizeof *out);
    return n;
}

static int fake_set(void *ctx, uint32_t id, uint32_t prop, uint64_t value)
{
    fake_drm *d = ctx;
    d->calls[d->n_calls].id = id;
    d->calls[d->n_calls].prop = prop;
    d->calls[d->n_calls].value = value;
    d->n_calls++;
    if (id == d->refuse_id)
        return EACCES;
    for (int i = 0; i < d->n; i++)
        if (d->conn[i].id == id)
            d->conn[i].dpms = value;
    return 0;
}

static display_power_ops ops_for(fake_drm *d)
{
    display_power_ops ops = {d, fake_connectors, fake_set};
    return ops;
}

/* A Pi 4 with an HDMI screen on the first port, nothing on the second, and its DSI panel
 * (which has no DPMS here: the backlight does it). */
static fake_drm pi_with_hdmi(void)
{
    fake_drm d;
    memset(&d, 0, sizeof d);
    d.n = 3;
    d.conn[0] = (display_connector){.id = 32, .dpms_prop = 2, .connected = true, .dpms = 0};
    d.conn[1] = (display_connector){.id = 41, .dpms_prop = 2, .connected = false, .dpms = 0};
    d.conn[2] = (display_connector){.id = 50, .dpms_prop = 0, .connected = true, .dpms = 0};
    return d;
}

static void night_switches_the_plugged_in_screen_off_and_morning_on(void **state)
{
    (void)state;
    fake_drm d = pi_with_hdmi();
    display_power_ops ops = ops_for(&d);
    int errors = -1;
    assert_int_equal(display_power_set(&ops, false, &errors), 1);
    assert_int_equal(errors, 0);
    assert_int_equal(d.n_calls, 1);
    assert_int_equal(d.calls[0].id, 32);
    assert_int_equal(d.calls[0].prop, 2);
    assert_int_equal(d.calls[0].value, DISPLAY_DPMS_OFF);
    assert_int_equal(DISPLAY_DPMS_OFF, 3);

    /* Off already: nothing more is said. */
    assert_int_equal(display_power_set(&ops, false, &errors), 0);
    assert_int_equal(d.n_calls, 1);

    assert_int_equal(display_power_set(&ops, true, &errors), 1);
    assert_int_equal(d.n_calls, 2);
    assert_int_equal(d.calls[1].id, 32);
    assert_int_equal(d.calls[1].value, DISPLAY_DPMS_ON);
    assert_int_equal(DISPLAY_DPMS_ON, 0);
}

static void a_refusal_is_counted_and_the_others_still_switch(void **state)
{
    (void)state;
    fake_drm d = pi_with_hdmi();
    d.conn[1].connected = true; /* a second screen */
    d.refuse_id = 32;
    display_power_ops ops = ops_for(&d);
    int errors = 0;
    assert_int_equal(display_power_set(&ops, false, &errors), 1);
    assert_int_equal(errors, 1);
    assert_int_equal(d.n_calls, 2);
    assert_int_equal(d.conn[1].dpms, DISPLAY_DPMS_OFF);
}

static void a_device_that_cannot_be_asked(void **state)
{
    (void)state;
    fake_drm d = pi_with_hdmi();
    d.n = -1;
    display_power_ops ops = ops_for(&d);
    assert_int_equal(display_power_set(&ops, false, NULL), -1);
    assert_int_equal(d.n_calls, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(night_switches_the_plugged_in_screen_off_and_morning_on),
        cmocka_unit_test(a_refusal_is_counted_and_the_others_still_switch),
        cmocka_unit_test(a_device_that_cannot_be_asked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
