-- Vær med: the kiosk's database, schema version 8. The schema of record.
--
-- src/store embeds this file at build time (src/store/embed_schema.cmake) and runs it, in
-- one transaction, to create a new database. It is always the *current* schema: an older
-- file is brought up to it by the migration steps in src/store/migrate.c.
--
-- To change the schema: edit this file, raise STORE_SCHEMA_VERSION in src/store/store.h and
-- the user_version below, add a step from the previous version to MIGRATIONS in
-- src/store/migrate.c, and freeze the previous schema (with a few rows) as
-- tests/store/fixtures/v<previous>.sql. The store tests migrate every frozen version and
-- compare the result with a fresh database, column by column.
--
-- Conventions: times are UTC seconds since the epoch (INTEGER, *_utc); 0 means "none"
-- where a time is optional. Booleans are 0/1. Strings are UTF-8 and have the byte limits
-- of src/core/activity.h (the struct fields they are read into), checked here so that no
-- writer can store what the kiosk cannot read back. Tables are STRICT (SQLite >= 3.37), so
-- a value of the wrong type is refused, not converted. No triggers and no views: the store
-- opens any file with either as foreign.

PRAGMA application_id = 0x56724D64; -- "VrMd"
PRAGMA user_version = 8;

-- What is on. One row per activity, by the stable uid of the staff source. Activities are
-- never deleted (an import marks vanished ones cancelled), so sign-ups always have theirs.
CREATE TABLE activities (
    id              INTEGER PRIMARY KEY,
    uid             TEXT    NOT NULL UNIQUE
                    CHECK (length(CAST(uid AS BLOB)) BETWEEN 1 AND 127),
    title           TEXT    NOT NULL
                    CHECK (length(CAST(title AS BLOB)) BETWEEN 1 AND 159),
    description     TEXT    NOT NULL DEFAULT ''
                    CHECK (length(CAST(description AS BLOB)) <= 1199),
    category        TEXT    NOT NULL DEFAULT 'other'   -- category_key(): "food", "walk", ...
                    CHECK (length(category) BETWEEN 1 AND 32),
    place           TEXT    NOT NULL DEFAULT ''
                    CHECK (length(CAST(place AS BLOB)) <= 127),
    host            TEXT    NOT NULL DEFAULT ''
                    CHECK (length(CAST(host AS BLOB)) <= 127),
    host_phone      TEXT    NOT NULL DEFAULT ''        -- for an SMS sign-up QR code
                    CHECK (length(CAST(host_phone AS BLOB)) <= 31),
    price           TEXT    NOT NULL DEFAULT ''        -- free text; '' = nothing said
                    CHECK (length(CAST(price AS BLOB)) <= 63),
    audience        TEXT    NOT NULL DEFAULT ''        -- target group, free text
                    CHECK (length(CAST(audience AS BLOB)) <= 95),
    start_utc       INTEGER NOT NULL,
    end_utc         INTEGER NOT NULL,
    mode            TEXT    NOT NULL DEFAULT 'none'
                    CHECK (mode IN ('none', 'open', 'helpers')),
    capacity        INTEGER NOT NULL DEFAULT 0         -- heads; 0 = no limit
                    CHECK (capacity >= 0),
    deadline_utc    INTEGER NOT NULL DEFAULT 0         -- 0 = no deadline
                    CHECK (deadline_utc >= 0),
    count_household INTEGER NOT NULL DEFAULT 0         -- adults and children are counted
                    CHECK (count_household IN (0, 1)),
    badges          INTEGER NOT NULL DEFAULT 0         -- BADGE_* bits of core/activity.h
                    CHECK (badges >= 0),
    signup_url      TEXT    NOT NULL DEFAULT ''
                    CHECK (length(CAST(signup_url AS BLOB)) <= 511),
    cancelled       INTEGER NOT NULL DEFAULT 0         -- "Aflyst"
                    CHECK (cancelled IN (0, 1)),
    created_utc     INTEGER NOT NULL DEFAULT 0,        -- when first stored; 0 = unknown
    updated_utc     INTEGER NOT NULL DEFAULT 0,        -- when last changed; 0 = unknown
    CHECK (end_utc >= start_utc)
) STRICT;

CREATE INDEX activities_by_start ON activities (start_utc, title);

-- Small concrete tasks of an activity ("Dække bord", ca. 30 min, 2 hands). Matched by title
-- on import, so their sign-ups stay attached. A task that vanishes from the program but has
-- sign-ups is kept with retired = 1 (hidden); one without sign-ups is deleted.
CREATE TABLE helper_tasks (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    title       TEXT    NOT NULL
                CHECK (length(CAST(title AS BLOB)) BETWEEN 1 AND 95),
    minutes     INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    slots       INTEGER NOT NULL DEFAULT 1 CHECK (slots >= 0),
    position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0), -- order on screen, from 0
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    UNIQUE (activity_id, title),
    UNIQUE (id, activity_id) -- lets signups check that its task belongs to its activity
) STRICT;

-- Who joins. Never deleted: a cancelled sign-up keeps its row (status 'cancelled'), and the
-- purge of personal data blanks name and code but keeps the counts.
--
-- Queues: the participants of an activity (task_id NULL) form one queue, each helper task
-- another. Queue order is (created_utc, seq): oldest first, ties in the order stored. The
-- waiting position is derived from that order when read (1 + the waiting sign-ups ahead in
-- the same queue), never stored, so it cannot go stale. The store keeps every queue
-- rebalanced (core rules_rebalance) in the same transaction as each change.
CREATE TABLE signups (
    seq           INTEGER PRIMARY KEY,                 -- insertion order, breaks ties
    id            TEXT    NOT NULL UNIQUE              -- UUID, made where the sign-up was made
                  CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-fA-F-]*'),
    activity_id   INTEGER NOT NULL REFERENCES activities (id),
    task_id       INTEGER,                             -- NULL = participant
    name          TEXT    NOT NULL                     -- first name or initials, cleaned
                  CHECK (length(CAST(name AS BLOB)) <= 160),
    adults        INTEGER NOT NULL DEFAULT 1 CHECK (adults BETWEEN 0 AND 20),
    children      INTEGER NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 20),
    wants_company INTEGER NOT NULL DEFAULT 0 CHECK (wants_company IN (0, 1)),
    code_hash     TEXT    NOT NULL DEFAULT ''          -- core/code.h; '' = no code
                  CHECK (length(code_hash) <= 127),
    status        TEXT    NOT NULL
                  CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    created_utc   INTEGER NOT NULL,
    updated_utc   INTEGER NOT NULL,
    kiosk_id      TEXT    NOT NULL DEFAULT ''
                  CHECK (length(CAST(kiosk_id AS BLOB)) <= 63),
    purged        INTEGER NOT NULL DEFAULT 0           -- personal data erased
                  CHECK (purged IN (0, 1)),
    came          INTEGER NOT NULL DEFAULT 0           -- ticked on "Hvem kom?" (staff)
                  CHECK (came IN (0, 1)),
    first_visit   INTEGER NOT NULL DEFAULT 0           -- came, and the first time that month
                  CHECK (first_visit IN (0, 1)),       -- (by name, decided while it exists)
    CHECK ((purged = 0 AND name <> '') OR (purged = 1 AND name = '' AND code_hash = '')),
    FOREIGN KEY (task_id, activity_id) REFERENCES helper_tasks (id, activity_id)
) STRICT;

CREATE INDEX signups_by_queue ON signups (activity_id, task_id, created_utc, seq);
CREATE INDEX signups_by_task ON signups (task_id, activity_id);

-- Cancel codes across the kiosks of one estate (docs/security.md, core/code.h). For a
-- sign-up made here with a code: its peer verifier, masked with this kiosk's secret
-- ('s1$...'), sealed to the other kiosks at each sync. For a sign-up made at another kiosk:
-- the verifier it sent, keyed with this kiosk's secret ('k1$...'), so that a name and a
-- code typed here can cancel it. Never a name, never a code; erased with the names.
CREATE TABLE peer_codes (
    signup_id TEXT NOT NULL PRIMARY KEY REFERENCES signups (id),
    verifier  TEXT NOT NULL
              CHECK (length(verifier) BETWEEN 1 AND 127 AND
                     (verifier GLOB 's1$*' OR verifier GLOB 'k1$*'))
) STRICT;

-- Small named values of this kiosk: kiosk_id, schema_version, last_sync, ...
CREATE TABLE facts (
    key   TEXT NOT NULL PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value TEXT NOT NULL CHECK (length(CAST(value AS BLOB)) <= 4096)
) STRICT;

INSERT INTO facts (key, value) VALUES ('schema_version', '8');

-- Staff sticks this kiosk accepts: the SHA-256 (lower-case hex) of each stick's key file.
-- The key itself is never stored here. A stick's key lets it bring a program in and take
-- away what the kiosk seals for the staff (see staff_keys); it can carry an expiry and be
-- withdrawn. A withdrawn key stays listed (revoked_utc), so its stick gets a clear answer.
CREATE TABLE stick_keys (
    key_sha256    TEXT    NOT NULL PRIMARY KEY
                  CHECK (length(key_sha256) = 64 AND key_sha256 NOT GLOB '*[^0-9a-f]*'),
    created_utc   INTEGER NOT NULL,
    label         TEXT    NOT NULL DEFAULT ''        -- "Hannes nøgle"; '' = none given
                  CHECK (length(CAST(label AS BLOB)) <= 63),
    expires_utc   INTEGER NOT NULL DEFAULT 0 CHECK (expires_utc >= 0),   -- 0 = never
    revoked_utc   INTEGER NOT NULL DEFAULT 0 CHECK (revoked_utc >= 0),   -- 0 = in use
    last_used_utc INTEGER NOT NULL DEFAULT 0 CHECK (last_used_utc >= 0)  -- 0 = never
) STRICT;

-- The staff's public keys (X25519, base64): sign-ups and snapshots leave the kiosk only
-- sealed to these (src/seal). Added by a person who may: the staff screen behind the PIN,
-- or the kiosk's command line; never taken from a stick by a sync on its own.
CREATE TABLE staff_keys (
    public_key  TEXT    NOT NULL PRIMARY KEY
                CHECK (length(public_key) = 44 AND public_key NOT GLOB '*[^A-Za-z0-9+/=]*'),
    label       TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(label AS BLOB)) <= 63),
    created_utc INTEGER NOT NULL
) STRICT;

-- Who residents can ask ("Hvem kan jeg spørge?"): the estate's contacts and opening hours,
-- from the staff's stick (vaermed/kontakter.csv). Replaced whole by each stick that carries
-- the file, in its order; no resident's data.
CREATE TABLE contacts (
    position INTEGER NOT NULL PRIMARY KEY CHECK (position BETWEEN 0 AND 23),
    name     TEXT    NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 95),
    role     TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(role AS BLOB)) <= 95),
    phone    TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(phone AS BLOB)) <= 31),
    hours    TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(hours AS BLOB)) <= 159)
) STRICT;

-- "Sig til, når der sker noget": residents who want to hear when an activity of a kind is on
-- (its category and title), with a first name and a phone or flat number. Personal data:
-- deleted `retention_days` after it was left (store_purge_personal), never shown on a public
-- screen, exported only sealed to the staff's keys, deletable on the staff screen.
CREATE TABLE interests (
    id           TEXT    NOT NULL PRIMARY KEY
                 CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-fA-F-]*'),
    category     TEXT    NOT NULL CHECK (length(category) BETWEEN 1 AND 32),
    about        TEXT    NOT NULL CHECK (length(CAST(about AS BLOB)) BETWEEN 1 AND 159),
    activity_uid TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(activity_uid AS BLOB)) <= 127),
    name         TEXT    NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 160),
    phone        TEXT    NOT NULL DEFAULT '' CHECK (phone NOT GLOB '*[^0-9]*' AND length(phone) <= 15),
    flat         TEXT    NOT NULL DEFAULT '' CHECK (flat NOT GLOB '*[^0-9]*' AND length(flat) <= 6),
    created_utc  INTEGER NOT NULL,
    kiosk_id     TEXT    NOT NULL DEFAULT '' CHECK (length(CAST(kiosk_id AS BLOB)) <= 63),
    CHECK (phone <> '' OR flat <> '')
) STRICT;

-- "Hvem kom?": who came without signing up, counted by the staff at the activity by age
-- group. Counts only, never names.
CREATE TABLE walkins (
    activity_id INTEGER NOT NULL PRIMARY KEY REFERENCES activities (id),
    children    INTEGER NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 9999),
    adults      INTEGER NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 9999),
    seniors     INTEGER NOT NULL DEFAULT 0 CHECK (seniors BETWEEN 0 AND 9999),
    updated_utc INTEGER NOT NULL DEFAULT 0
) STRICT;

-- "Hvad savner du?": the staff's ideas from the stick (vaermed/ideer.csv), replaced whole by
-- each stick that carries the file; the votes, one per idea per local day (kept by the
-- idea's title, so a re-import keeps them); and the residents' short wishes (free text that
-- may hold anything: deleted with the purge of old names, exported only sealed).
CREATE TABLE ideas (
    position INTEGER NOT NULL PRIMARY KEY CHECK (position BETWEEN 0 AND 11),
    title    TEXT    NOT NULL UNIQUE CHECK (length(CAST(title AS BLOB)) BETWEEN 1 AND 95),
    category TEXT    NOT NULL DEFAULT 'other' CHECK (length(category) BETWEEN 1 AND 32)
) STRICT;
CREATE TABLE idea_votes (
    title TEXT NOT NULL CHECK (length(CAST(title AS BLOB)) BETWEEN 1 AND 95),
    day   TEXT NOT NULL CHECK (length(day) = 10 AND day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (title, day)
) STRICT;
CREATE TABLE wishes (
    id          INTEGER PRIMARY KEY,
    text        TEXT    NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 160),
    created_utc INTEGER NOT NULL
) STRICT;

-- The contacts' photos, where the staff put one on the stick (kontakter.csv, column
-- billede): read, checked and made small at the sync (at most 160 x 160, RGB), replaced with
-- the contacts.
CREATE TABLE contact_photos (
    position INTEGER NOT NULL PRIMARY KEY CHECK (position BETWEEN 0 AND 23),
    width    INTEGER NOT NULL CHECK (width BETWEEN 1 AND 160),
    height   INTEGER NOT NULL CHECK (height BETWEEN 1 AND 160),
    rgb      BLOB    NOT NULL CHECK (length(rgb) = width * height * 3)
) STRICT;
