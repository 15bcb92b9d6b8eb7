/* sync_fields: the columns of the staff's program and how their cells are read (internal
 * to src/sync; the CSV reader uses them for columns, the ICS reader for "Pladser: 20"
 * lines in a description). The names and formats are documented in docs/stick-format.md.
 *
 * Threads: the main loop (the kiosk runs the whole sync there, between frames; sync_work keeps
 * the screen and the watchdog alive meanwhile), or the command line. Never two syncs at once
 * on one store.
 */
#ifndef VM_SYNC_FIELDS_H
#define VM_SYNC_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/err.h"
#include "core/i18n.h"
#include "sync/sync_buf.h"

typedef enum sync_col {
    SCOL_NONE = -1,
    SCOL_ID = 0,
    SCOL_TITLE,
    SCOL_CATEGORY,
    SCOL_DATE,      /* a date alone, when start and end hold only times */
    SCOL_START,
    SCOL_END,
    SCOL_PLACE,
    SCOL_HOST,
    SCOL_PHONE,
    SCOL_PRICE,
    SCOL_DESCRIPTION,
    SCOL_AUDIENCE,
    SCOL_MODE,
    SCOL_CAPACITY,
    SCOL_DEADLINE,
    SCOL_HOUSEHOLD,
    SCOL_BADGES,    /* several badges in one cell: "gratis, bare kom" */
    SCOL_FREE,
    SCOL_JUST_COME,
    SCOL_CHILDCARE,
    SCOL_ALONE_OK,
    SCOL_RESIDENTS_ONLY,
    SCOL_STEP_FREE,
    SCOL_TASKS,
    SCOL_LINK,
    SCOL_CANCELLED,
    SCOL_WEEKDAY,   /* "mandag": checked against the date */
    SCOL_WEEK,      /* the ISO week number: checked against the date */
    SCOL_COUNT
} sync_col;

/* The column a header names (Danish or English, any case, spaces and punctuation ignored),
 * or SCOL_NONE. */
sync_col sync_col_from_name(const char *name);

/* The name the template uses for a column ("titel"). */
const char *sync_col_name(sync_col c);

/* True for the header words "dag" and "day", which name a date column alone, and the
 * weekday column beside a date column ("Uge;Dag;Dato;Tid"). */
bool sync_col_is_day_word(const char *name);

/* One row of cells by column; NULL = no such column. */
typedef struct sync_row {
    const char *cell[SCOL_COUNT];
    const char *where; /* "line 12" or "\"Banko\" 24-12-2026": starts every message */
    /* The column's name as the staff wrote it ("Tid"), for messages; NULL: the template's
     * name. With `lines`, the cells are lines "Pladser: 20" of a calendar's description,
     * and messages name the line rather than a column. */
    const char *header[SCOL_COUNT];
    bool lines;
} sync_row;

/* Where cleaning notes go while a file is read. */
typedef struct sync_notes {
    sync_buf *buf;            /* may be NULL */
    const i18n_catalog *cat;
    long cleaned;             /* characters dropped or replaced, summed over the file */
} sync_notes;

/* Fills the fields of `a` that `row` has cells for. `a` keeps what it had for the others,
 * so the ICS reader can add "Pladser: 20" to an event. Start and end are read together (a
 * date column with time-only start and end, an end with only a time on the start's day,
 * an end before the start on the next day); a weekday or week column is checked against
 * the date. A cell that cannot be read refuses the row: VM_ERR_INVALID with
 * "<where>, column "<name>": ..." in plain words. An id or phone number in Excel's
 * shortened form (1,23457E+11) is refused with what to do in Excel. */
vm_status sync_row_apply(const sync_row *row, activity *a, sync_notes *notes, vm_err *err);

/* Parses a local Copenhagen date and/or time: "24-12-2026 18:00", "24.12.2026 18.00",
 * "2026-12-24 18:00", "24/12/26 kl. 18.00", seconds allowed. Sets *has_date / *has_time
 * for what it found; false when the text is neither or holds a date that does not exist. */
bool sync_parse_when(const char *s, int *year, int *month, int *day, bool *has_date, int *hour,
                     int *minute, bool *has_time);

/* Parses helper tasks "Dække bord 30 min 2; Lave kaffe (ca. 30 min, 1 person)" into `a`. */
vm_status sync_parse_tasks(const char *cell, activity *a, const char *where,
                           const i18n_catalog *cat, vm_err *err);

/* Reads "ja"/"nej" words (ja, x, 1, yes, true, ✓ / nej, 0, no, false, empty). */
bool sync_parse_yes_no(const char *s, bool *out);

/* Copies cleaned single-line text into dst (size bytes): refuses (false) when it does not
 * fit; counts what cleaning removed in notes. */
bool sync_clean_field(const char *in, char *dst, size_t size, sync_notes *notes);

/* One text cell of another of the staff's files (kontakter.csv): cleaned into `dst`, or
 * refused (VM_ERR_INVALID) when it does not fit, saying how many characters it has and how
 * many fit; `where` starts the message ("line 3, column "Telefon""). With `number`, Excel's
 * shortened form of a long number (1,23457E+11) is refused with what to do in Excel. */
vm_status sync_text_cell(const char *cell, const char *where, bool number, char *dst,
                         size_t size, sync_notes *notes, vm_err *err);

#endif
