/* contact: who a resident can ask. The estate's people and opening hours as the staff put
 * them on the stick (vaermed/kontakter.csv, docs/stick-format.md): the boligsocial
 * medarbejder, the caretaker, the counselling hours. Plain value type, no resources.
 *
 * Strings are fixed-size, NUL-terminated UTF-8 fields; the sizes are also the limits the
 * reader on the stick enforces (a longer cell is refused, naming the line and the column) and
 * the schema checks (db/schema.sql, table contacts).
 *
 * Threads: any. A plain value; it is used by one thread at a time.
 */
#ifndef VM_CORE_CONTACT_H
#define VM_CORE_CONTACT_H

#define CONTACT_NAME_MAX 96   /* bytes incl. NUL: "Hanne Jensen", "Rådgivningen" */
#define CONTACT_ROLE_MAX 96   /* "Boligsocial medarbejder", "Varmemester" */
#define CONTACT_PHONE_MAX 32  /* as written: "+45 12 34 56 78", "112" */
#define CONTACT_HOURS_MAX 160 /* free text: "Man.-tors. 9-15, fre. 9-12" */
#define CONTACTS_MAX 24       /* on one screen, a list a person can read */
#define CONTACT_PHOTO_MAX 160 /* px, either side: what a card shows, kept small */

typedef struct contact {
    char name[CONTACT_NAME_MAX];
    char role[CONTACT_ROLE_MAX];   /* "" = none */
    char phone[CONTACT_PHONE_MAX]; /* "" = none */
    char hours[CONTACT_HOURS_MAX]; /* "" = none */
} contact;

#endif
