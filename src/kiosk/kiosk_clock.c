/* The clock the kiosk trusts for erasing names (clock_trusted), and whether its time can be
 * believed at all. Uses none of the other kiosk files. */
#include "kiosk/kiosk_clock.h"

#include "core/dktime.h"
#include "platform/logmsg.h"
#include "sync/sync.h"

#define TRUSTED_FACT "clock_trusted"

void kiosk_trust_begin(kiosk *k)
{
    char iso[64];
    int64_t last = 0;
    if (store_fact_get(k->store, TRUSTED_FACT, iso, sizeof iso, NULL) != VM_OK ||
        !dktime_parse_iso(iso, &last))
        last = 0;
    /* A database from before the kiosk kept this: its latest sign-up is a time it lived. */
    if (!last && store_signups_last_change(k->store, &last, NULL) != VM_OK)
        last = 0;
    k->trust_last = last;
    k->trust_saved = last;
    k->trust_start = clock_now(k->clock);
    k->trust_start_unfloored_ms = clock_unfloored_ms(k->clock);
}

/* Personal data (names, codes) of activities that ended more than retention_days ago is
 * erased; the counts stay for the staff's statistics. Run at start and then hourly, by the
 * time the kiosk trusts: a clock that jumped a year ahead shows the wrong date to the staff
 * long before it could erase the name of a sign-up that is still to come. */
void kiosk_purge_old_personal_data(kiosk *k, int64_t now)
{
    if (k->read_only)
        return; /* nothing can be erased now; it is done when the kiosk can write again */
    vm_err err = {0};
    int erased = 0;
    int64_t retention = (int64_t)k->opt->cfg->retention_days * 86400;
    int64_t elapsed = (clock_unfloored_ms(k->clock) - k->trust_start_unfloored_ms) / 1000;
    int64_t trusted = clock_trusted(now, k->trust_start, elapsed, k->trust_last, retention);
    if (trusted < now - 86400 && !k->trust_said) {
        char t[17];
        dktime_format_local(trusted, t);
        logmsg(LOG_NOTICE,
               "the clock moved %lld days ahead since the kiosk last ran; names are erased by "
               "%s, and by the clock once the kiosk has run long enough",
               (long long)((now - trusted) / 86400), t);
        k->trust_said = true;
    }
    if (store_purge_personal(k->store, trusted - retention, &erased, &err) != VM_OK)
        logmsg(LOG_ERR, "could not erase old names: %s", err.msg);
    else if (erased > 0)
        logmsg(LOG_INFO, "erased the names of %d old sign-ups (kept %d days)", erased,
                k->opt->cfg->retention_days);
    if (trusted > k->trust_saved) {
        char iso[21];
        dktime_format_iso_utc(trusted, iso);
        if (store_fact_set(k->store, TRUSTED_FACT, iso, NULL) == VM_OK)
            k->trust_saved = trusted;
    }
}

ui_clock_status kiosk_clock_check(kiosk *k, int64_t *floor_out)
{
    int64_t raw = clock_unfloored_ms(k->clock) / 1000, floor = sync_clock_floor(k->store);
    *floor_out = 0;
    if (raw < floor) {
        *floor_out = floor;
        return UI_CLOCK_BEHIND_IMPORT;
    }
    if (clock_suspect(k->clock, clock_build_time())) { /* before the build */
        *floor_out = clock_build_time();
        return UI_CLOCK_BEFORE_BUILD;
    }
    return UI_CLOCK_OK;
}
