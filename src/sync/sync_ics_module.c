/* sync_ics_module: the table vaermed-calendar.so exports (see sync_ics_module.h). */
#include "sync/sync_ics_module.h"

static const ics_module table = {ICS_MODULE_ABI, VAERMED_VERSION, ICS_MODULE_LAYOUT,
                                 sync_read_ics};

__attribute__((visibility("default"))) const ics_module *vaermed_calendar_module(void);

const ics_module *vaermed_calendar_module(void)
{
    return &table;
}
