#include "kiosk/night.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/dktime.h"

static int minute_of_day(int64_t now)
{
    dk_tm t = dktime_local(now);
    return t.hour * 60 + t.minute;
}

bool night_is_on(const config *c, int64_t now)
{
    int s = c->night_start_min, e = c->night_end_min;
    if (s < 0 || e < 0 || s == e)
        return false;
    int m = minute_of_day(now);
    return s < e ? (m >= s && m < e) : (m >= s || m < e);
}

int64_t night_next_change(const config *c, int64_t now)
{
    if (c->night_start_min < 0 || c->night_end_min < 0 || c->night_start_min == c->night_end_min)
        return 0;
    /* Jump by the distance to the boundary on the local clock, then, since a daylight-saving
     * change makes that distance an hour off, find the exact minute between the last time
     * that was still the same and the first that was not. */
    bool state = night_is_on(c, now);
    int64_t same = now - now % 60, t = same + 60; /* boundaries fall on whole minutes */
    for (int guard = 0; guard < 64 && night_is_on(c, t) == state; guard++) {
        same = t;
        int m = minute_of_day(t);
        int target = state ? c->night_end_min : c->night_start_min;
        int ahead = (target - m + 24 * 60) % (24 * 60);
        t += (int64_t)(ahead ? ahead : 1) * 60;
    }
    while (t - same > 60) { /* the change lies in (same, t]: halve on whole minutes */
        int64_t mid = same + ((t - same) / 120) * 60;
        if (night_is_on(c, mid) == state)
            same = mid;
        else
            t = mid;
    }
    return t;
}

int night_backlight(const char *sysfs_dir, bool on)
{
    const char *dir = sysfs_dir ? sysfs_dir : "/sys/class/backlight";
    DIR *d = opendir(dir);
    int switched = 0;
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s/bl_power", dir, e->d_name);
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        const char *v = on ? "0\n" : "4\n";
        if (write(fd, v, strlen(v)) == (ssize_t)strlen(v))
            switched++;
        close(fd);
    }
    closedir(d);
    return switched;
}

night_power night_power_step(bool off, const char *next_screen)
{
    bool dark = next_screen && strcmp(next_screen, "night") == 0;
    if (off && !dark)
        return NIGHT_POWER_ON_BEFORE;
    if (!off && dark)
        return NIGHT_POWER_OFF_AFTER;
    return NIGHT_POWER_KEEP;
}
