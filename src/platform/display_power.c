#include "platform/display_power.h"

#include <errno.h>
#include <string.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

int display_power_set(const display_power_ops *ops, bool on, int *errors)
{
    display_connector c[DISPLAY_CONNECTORS_MAX];
    if (errors)
        *errors = 0;
    int n = ops->connectors(ops->ctx, c, DISPLAY_CONNECTORS_MAX);
    if (n < 0)
        return -1;
    uint64_t want = on ? DISPLAY_DPMS_ON : DISPLAY_DPMS_OFF;
    int switched = 0;
    for (int i = 0; i < n; i++) {
        /* A connector with no screen has nothing to switch; one without DPMS cannot be. */
        if (!c[i].connected || !c[i].dpms_prop || c[i].dpms == want)
            continue;
        if (ops->set_property(ops->ctx, c[i].id, c[i].dpms_prop, want) == 0)
            switched++;
        else if (errors)
            (*errors)++;
    }
    return switched;
}

static int drm_connectors(void *ctx, display_connector *out, int max)
{
    int fd = *(int *)ctx;
    drmModeRes *res = drmModeGetResources(fd);
    if (!res)
        return -1;
    int n = 0;
    for (int i = 0; i < res->count_connectors && n < max; i++) {
        drmModeConnector *conn = drmModeGetConnector(fd, res->connectors[i]);
        if (!conn)
            continue;
        display_connector *d = &out[n++];
        memset(d, 0, sizeof *d);
        d->id = conn->connector_id;
        d->connected = conn->connection == DRM_MODE_CONNECTED;
        for (int p = 0; p < conn->count_props; p++) {
            drmModePropertyRes *prop = drmModeGetProperty(fd, conn->props[p]);
            if (!prop)
                continue;
            if (strcmp(prop->name, "DPMS") == 0) {
                d->dpms_prop = prop->prop_id;
                d->dpms = conn->prop_values[p];
            }
            drmModeFreeProperty(prop);
        }
        drmModeFreeConnector(conn);
    }
    drmModeFreeResources(res);
    return n;
}

static int drm_set_property(void *ctx, uint32_t id, uint32_t prop, uint64_t value)
{
    int fd = *(int *)ctx;
    int r = drmModeConnectorSetProperty(fd, id, prop, value);
    return r == 0 ? 0 : (r < 0 ? -r : EIO);
}

void display_power_drm_ops(display_power_ops *ops, int *fd)
{
    ops->ctx = fd;
    ops->connectors = drm_connectors;
    ops->set_property = drm_set_property;
}
