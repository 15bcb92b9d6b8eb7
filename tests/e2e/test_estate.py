#!/usr/bin/env python3
"""End-to-end: three kiosks of one estate and one staff stick. Each kiosk counts the places
alone between syncs; at each sync it reads the others' places (pladser.csv, no names) from
the stick, so that after the stick has been round, every kiosk holds the same sign-ups with
the same places and waiting lists, whatever the order of the visits."""
import csv
import io
import itertools
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Failure, Workspace, check  # noqa: E402

UID = "spis-1"
CAPACITY = 5
PROGRAM = ("id;titel;kategori;start;pladser;husstand;opgaver\r\n"
           "spis-1;Fællesspisning;fællesspisning;03-12-2026 18:00;%d;ja;Dække bord 30 min 1\r\n"
           % CAPACITY)
# (kiosk, name, adults, children, time, task): made at three kiosks that have not met.
SIGNUPS = [
    ("a", "Aazo", 2, 0, "2026-11-23T10:00Z", None),
    ("c", "Cezo", 0, 0, "2026-11-23T10:01Z", "Dække bord"),
    ("a", "Alzo", 0, 0, "2026-11-23T10:05Z", "Dække bord"),
    ("b", "Bezo", 1, 1, "2026-11-23T10:10Z", None),
    ("c", "Cizo", 1, 0, "2026-11-23T10:20Z", None),
    ("a", "Anzo", 1, 0, "2026-11-23T10:30Z", None),
    ("b", "Bizo", 2, 0, "2026-11-23T10:40Z", None),
    ("c", "Cazo", 1, 0, "2026-11-23T10:50Z", None),
    ("b", "Bozo", 1, 0, "2026-11-23T10:55Z", None),
]
CANCELLED = {"Bozo"}  # cancelled at kiosk b before any sync
SYNC_NOW = "2026-11-23T12:00Z"


def rows(ws):
    cp = ws.cli("signups", UID, now=SYNC_NOW)
    return {r["id"]: r for r in csv.DictReader(io.StringIO(cp.stdout))}


def expected(made):
    """The places by the documented rule, worked out here on its own: in the order the
    sign-ups were made, each live one takes a place if it fits in what is left; the rest
    wait. Cancelled ones hold nothing."""
    out = {}
    for queue, cap in ((False, CAPACITY), (True, 1)):
        left = cap
        for m in sorted((m for m in made if (m["task"] is not None) == queue), key=lambda m: m["time"]):
            if m["name"] in CANCELLED:
                out[m["id"]] = "cancelled"
                continue
            heads = 1 if queue else m["adults"] + m["children"]
            if heads <= left:
                out[m["id"]] = "confirmed"
                left -= heads
            else:
                out[m["id"]] = "waiting"
    return out


PASS = "fire ord kun personalet kender\n"


def prepare(base, staff=False):
    """Three kiosks with their own sign-ups, one stick; kept as the start of every order.
    With `staff`, the office's staff key is on the stick (its secret in base's config) and
    every kiosk has a name in its settings."""
    stick = os.path.join(base.dir, "stick")
    os.makedirs(os.path.join(stick, "vaermed"))
    if staff:
        base.cli("staff-key", "new", "--stick", stick, db=False, input=PASS * 2)
    with open(os.path.join(stick, "vaermed", "program.csv"), "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    kiosks = {}
    for k in "abc":
        ws = Workspace("estate-" + k)
        if staff:
            conf = ws.path("vaermed.conf")
            with open(conf, "w", encoding="utf-8") as f:
                f.write("kiosk_name = Kiosk %s\n" % k.upper())
            ws.conf = conf
        ws.cli("stick", "init", stick, now="2026-11-23T08:00Z")
        kiosks[k] = ws
    # The program reaches every kiosk first; the sign-ups are made after, between visits.
    for k in "abc":
        ws = kiosks[k]
        ws.cli("sync", stick, *(["--config", ws.conf] if staff else []), now="2026-11-23T08:00Z")
    made = []
    for k, name, adults, children, when, task in SIGNUPS:
        args = ["join", UID, "--name", name]
        if task:
            args += ["--task", task]
        else:
            args += ["--adults", str(adults), "--children", str(children)]
        cp = kiosks[k].cli(*args, now=when)
        sid = cp.stdout.split()[0]
        made.append({"id": sid, "kiosk": k, "name": name, "adults": adults,
                     "children": children, "time": when, "task": task})
        if name in CANCELLED:
            kiosks[k].cli("cancel", sid, now=when)
    # Each kiosk alone has given places the estate does not have.
    alone = sum(int(r["adults"]) + int(r["children"]) for k in "abc"
                for r in rows(kiosks[k]).values() if r["status"] == "confirmed" and not r["task_id"])
    check(alone > CAPACITY, "the kiosks alone gave %d places of %d" % (alone, CAPACITY))
    return stick, kiosks, made


def copy_state(stick, kiosks, dest):
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    shutil.copytree(stick, os.path.join(dest, "stick"))
    dbs = {}
    for k, ws in kiosks.items():
        kd = os.path.join(dest, k)
        shutil.copytree(ws.dir, kd)
        dbs[k] = kd
    return os.path.join(dest, "stick"), dbs


class Kiosk(Workspace):
    def __init__(self, folder):  # a copied workspace
        self.dir = folder
        self.db = os.path.join(folder, "vaermed.db")


def test_three_kiosks_one_stick_every_order():
    base = Workspace("estate")
    stick0, kiosks0, made = prepare(base)
    want = expected(made)
    check(list(want.values()).count("waiting") >= 2, "the case has no overbooking: %s" % want)
    for order in itertools.permutations("abc"):
        stick, dirs = copy_state(stick0, kiosks0, base.path("order-" + "".join(order)))
        ks = {k: Kiosk(d) for k, d in dirs.items()}
        # One round: the first kiosk has seen nobody, the last everybody; a second round
        # brings the places of the later ones to the earlier ones.
        for k in order + order:
            cp = ks[k].cli("sync", stick, now=SYNC_NOW, check_ok=False)
            check(cp.returncode == 0, "sync of %s in %s: %s" % (k, order, cp.stderr))
        seen = {k: rows(ks[k]) for k in "abc"}
        for k in "abc":
            got = {i: r["status"] for i, r in seen[k].items()}
            check(set(got) == set(want),
                  "order %s: kiosk %s holds %d sign-ups, not the estate's %d" %
                  ("".join(order), k, len(got), len(want)))
            check(got == want, "order %s: kiosk %s counts %s, the rule says %s" %
                  ("".join(order), k, got, want))
            # Its own residents keep their names; the others' sign-ups count, nameless.
            for m in made:
                r = seen[k][m["id"]]
                check((r["name"] == m["name"]) == (m["kiosk"] == k),
                      "kiosk %s shows %r for %s's sign-up" % (k, r["name"], m["kiosk"]))
        # The heads taken never exceed the places, on any kiosk.
        for k in "abc":
            taken = sum(int(r["adults"]) + int(r["children"]) for r in seen[k].values()
                        if r["status"] == "confirmed" and not r["task_id"])
            check(taken <= CAPACITY, "kiosk %s gives %d places of %d" % (k, taken, CAPACITY))
        # Another visit of everybody changes nothing: it has converged.
        for k in order:
            ks[k].cli("sync", stick, now="2026-11-23T12:30Z")
        again = {k: rows(ks[k]) for k in "abc"}
        check(again == seen, "order %s: a repeat visit changed the sign-ups" % "".join(order))
        # The kiosk whose residents lost a place says so in its log on the stick.
        losers = {m["kiosk"] for m in made if want[m["id"]] == "waiting"}
        for k in losers:
            folder = [d for d in os.listdir(os.path.join(stick, "vaermed"))
                      if os.path.isdir(os.path.join(stick, "vaermed", d))]
            logs = ""
            for d in folder:
                p = os.path.join(stick, "vaermed", d, "log.txt")
                if os.path.exists(p):
                    logs += open(p, encoding="utf-8-sig").read()
            check("ventelisten" in logs or "waiting list" in logs,
                  "no log on the stick says that sign-ups moved to the waiting list")
        # Nothing on the stick holds a name in the clear.
        for root, _, files in os.walk(stick):
            for fn in files:
                data = open(os.path.join(root, fn), "rb").read()
                for m in made:
                    check(m["name"].encode() not in data,
                          "the name %s is in %s on the stick" % (m["name"], fn))


def test_a_damaged_places_file_is_not_used():
    """Another kiosk's pladser.csv that is not one (edited, cut short) is left out, said in
    the log; nothing of it is counted and the sync is still done."""
    base = Workspace("estate-bad")
    stick, kiosks, made = prepare(base)
    kiosks["a"].cli("sync", stick, now=SYNC_NOW)
    # Kiosk a's folder is the one whose places hold sign-ups (the others synced before any).
    def lines(d):
        p = os.path.join(stick, "vaermed", d, "pladser.csv")
        return open(p, encoding="utf-8-sig").read().splitlines() if os.path.exists(p) else []
    folders = [d for d in os.listdir(os.path.join(stick, "vaermed")) if len(lines(d)) > 1]
    check(len(folders) == 1, "places with sign-ups in %s" % folders)
    path = os.path.join(stick, "vaermed", folders[0], "pladser.csv")
    data = open(path, encoding="utf-8-sig").read().splitlines()
    check(len(data) > 3, "kiosk a shares %d lines" % len(data))
    with open(path, "w", encoding="utf-8") as f:
        cells = data[1].split(";")
        cells[3] = "99"  # adults over what one sign-up may hold
        f.write("\n".join(data[:1] + [";".join(cells)] + data[2:]) + "\n")
    before = rows(kiosks["b"])
    cp = kiosks["b"].cli("sync", stick, now=SYNC_NOW)
    check(rows(kiosks["b"]) == before, "a damaged places file changed kiosk b's sign-ups")
    logs = [open(os.path.join(stick, "vaermed", d, "log.txt"), encoding="utf-8-sig").read()
            for d in os.listdir(os.path.join(stick, "vaermed"))
            if d != folders[0] and os.path.exists(os.path.join(stick, "vaermed", d, "log.txt"))]
    check(any(folders[0] in log and ("linje 2" in log or "line 2" in log) for log in logs),
          "no log names the bad file and its line: %s" % [l[-400:] for l in logs])


def test_merge_counts_per_kiosk_and_estate():
    """The office merges the stick's lists: one row per sign-up with its name and the name
    of the kiosk it was made at, and the figures for the association: per kiosk and for
    the estate, visits (sign-ups and heads) and people (different names)."""
    base = Workspace("estate-merge")
    stick, kiosks, made = prepare(base, staff=True)
    for k in "abcabc":
        kiosks[k].cli("sync", stick, "--config", kiosks[k].conf, now=SYNC_NOW)
    out = base.path("alle.csv")
    cp = base.cli("merge", stick, "-o", out, db=False, input=PASS)
    merged = list(csv.DictReader(io.StringIO(open(out, encoding="utf-8-sig").read()),
                                 delimiter=";"))
    check(len(merged) == len(made), "merged %d rows for %d sign-ups" % (len(merged), len(made)))
    by_id = {r["Tilmelding-id"]: r for r in merged}
    for m in made:
        r = by_id[m["id"]]
        check(r["Navn"] == m["name"], "the merged list has %r for %s" % (r["Navn"], m["name"]))
        check(r["Kiosknavn"] == "Kiosk " + m["kiosk"].upper(),
              "%s's sign-up names the kiosk %r" % (m["name"], r["Kiosknavn"]))
    table = [l.split("\t") for l in cp.stdout.splitlines() if "\t" in l]
    rows = {r[0]: [int(x) for x in r[1:]] for r in table[1:]}
    live = [m for m in made if m["name"] not in CANCELLED]
    def heads(ms):
        return sum(1 if m["task"] else m["adults"] + m["children"] for m in ms)
    for k in "abc":
        label = [l for l in rows if l.startswith("Kiosk %s (" % k.upper())]
        check(len(label) == 1, "no line for kiosk %s in %s" % (k, cp.stdout))
        mine = [m for m in live if m["kiosk"] == k]
        check(rows[label[0]] == [len(mine), heads(mine), len({m["name"] for m in mine})],
              "kiosk %s: %s, not %s" % (k, rows[label[0]], [len(mine), heads(mine), len(mine)]))
    estate = [v for l, v in rows.items() if not l.startswith("Kiosk ")]
    check(estate == [[len(live), heads(live), len({m["name"] for m in live})]],
          "the estate's line: %s" % cp.stdout)


WRONG = "Navnet og koden passer ikke sammen. Prøv igen, eller spørg personalet."


def test_cancel_codes_work_at_every_kiosk():
    """A resident who signed up with a code at kiosk a cancels at kiosk b: a verifier of
    the name and the code travels sealed to the kiosks a's settings name (estate_kiosk_key),
    b keys it with its own secret, and a takes the cancellation at its next sync. A wrong
    code gets #12's one answer; a kiosk a does not name (c) cannot cancel with the code;
    the stick holds no name and no code in the clear, and the staff's key does not open
    the codes."""
    base = Workspace("estate-codes")
    stick = os.path.join(base.dir, "stick")
    os.makedirs(os.path.join(stick, "vaermed"))
    base.cli("staff-key", "new", "--stick", stick, db=False, input=PASS * 2)
    with open(os.path.join(stick, "vaermed", "program.csv"), "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    ks = {k: Workspace("estate-codes-" + k) for k in "abc"}
    keys = {}
    for k, ws in ks.items():
        ws.cli("stick", "init", stick, now="2026-11-23T08:00Z")
        cp = ws.cli("kiosk", "key")
        line = [l for l in cp.stdout.splitlines() if l.startswith("estate_kiosk_key = ")]
        check(len(line) == 1, "vaermed kiosk key printed %r" % cp.stdout)
        keys[k] = line[0]
    # a and b know each other; c knows them, but a does not name c.
    peers = {"a": "b", "b": "a", "c": "ab"}
    for k, ws in ks.items():
        ws.conf = ws.path("vaermed.conf")
        with open(ws.conf, "w", encoding="utf-8") as f:
            f.write("kiosk_name = Kiosk %s\n" % k.upper())
            for p in peers[k]:
                f.write(keys[p] + "\n")
    def sync(k, now):
        cp = ks[k].cli("sync", stick, "--config", ks[k].conf, now=now, check_ok=False)
        check(cp.returncode == 0, "sync of %s: %s" % (k, cp.stderr))
        return cp
    for k in "abc":
        sync(k, "2026-11-23T08:00Z")
    cp = ks["a"].cli("join", UID, "--name", "Karen Gulstad", "--adults", "1", "--children",
                     "0", "--code", "7913", now="2026-11-23T10:00Z")
    sid = cp.stdout.split()[0]
    ks["a"].cli("join", UID, "--name", "Ole", "--adults", "1", "--children", "0",
                now="2026-11-23T10:01Z")
    # Before any sync, b knows nothing of it: the same one answer.
    cp = ks["b"].cli("cancel", UID, "--name", "Karen Gulstad", "--code", "7913",
                     now="2026-11-23T10:05Z", check_ok=False)
    check(cp.returncode != 0 and WRONG in cp.stderr, "b before the sync: %s" % cp.stderr)
    sync("a", "2026-11-23T11:00Z")
    codes = os.path.join(stick, "vaermed")
    sealed = [os.path.join(codes, d, "koder.vaermed") for d in os.listdir(codes)
              if os.path.exists(os.path.join(codes, d, "koder.vaermed"))]
    check(len(sealed) == 1, "koder.vaermed on the stick: %s" % sealed)
    check(open(sealed[0], "rb").read().startswith(b"VMSEAL1\n"), "koder.vaermed is not sealed")
    # The staff's key opens the sign-ups, not the codes.
    cp = base.cli("open-export", sealed[0], db=False, input=PASS, check_ok=False)
    check(cp.returncode != 0 and "7913" not in cp.stdout, "the staff key opened the codes")
    sync("b", "2026-11-23T11:10Z")
    sync("c", "2026-11-23T11:15Z")
    before_b = rows(ks["b"])[sid]
    check(before_b["name"] == "" and before_b["status"] == "confirmed",
          "b holds a's sign-up as %s" % before_b)
    # A wrong code at b: refused with the one answer, nothing changed.
    with open(ks["b"].db, "rb") as f:
        db_before = f.read()
    cp = ks["b"].cli("cancel", UID, "--name", "Karen Gulstad", "--code", "7914",
                     now="2026-11-23T11:20Z", check_ok=False)
    check(cp.returncode != 0 and WRONG in cp.stderr, "a wrong code at b: %s" % cp.stderr)
    cp = ks["b"].cli("cancel", UID, "--name", "Ole", "--code", "7913",
                     now="2026-11-23T11:20Z", check_ok=False)
    check(cp.returncode != 0 and WRONG in cp.stderr, "another name at b: %s" % cp.stderr)
    with open(ks["b"].db, "rb") as f:
        check(f.read() == db_before, "a wrong code changed b's database")
    check(rows(ks["b"])[sid]["status"] == "confirmed", "a wrong code changed b")
    # c is not named in a's settings: the code does not work there.
    cp = ks["c"].cli("cancel", UID, "--name", "Karen Gulstad", "--code", "7913",
                     now="2026-11-23T11:20Z", check_ok=False)
    check(cp.returncode != 0 and WRONG in cp.stderr, "c, not named by a: %s" % cp.stderr)
    # The right name (typed as people do) and code at b.
    cp = ks["b"].cli("cancel", UID, "--name", "  karen   GULSTAD ", "--code", "7913",
                     now="2026-11-23T11:30Z", check_ok=False)
    check(cp.returncode == 0 and sid in cp.stdout, "the right code at b: %s %s" %
          (cp.stdout, cp.stderr))
    check(rows(ks["b"])[sid]["status"] == "cancelled", "b does not show it cancelled")
    check(rows(ks["a"])[sid]["status"] == "confirmed", "a learned it before any sync")
    sync("b", "2026-11-23T11:40Z")
    sync("a", "2026-11-23T11:50Z")
    check(rows(ks["a"])[sid]["status"] == "cancelled", "a does not show the cancellation")
    check(rows(ks["a"])[sid]["name"] == "Karen Gulstad", "a lost the name")
    # Cancelled, it is no longer offered: the code at a and b now gets the one answer.
    for k in "ab":
        cp = ks[k].cli("cancel", UID, "--name", "Karen Gulstad", "--code", "7913",
                       now="2026-11-23T12:00Z", check_ok=False)
        check(cp.returncode != 0 and WRONG in cp.stderr, "cancelled twice at %s" % k)
    # Nothing on the stick holds the name or the code in the clear.
    for root, _, files in os.walk(stick):
        for fn in files:
            data = open(os.path.join(root, fn), "rb").read()
            for secret in (b"Karen", b"karen", b"Gulstad", b"gulstad", b"7913"):
                check(secret not in data, "%r is in %s on the stick" % (secret, fn))


def all_logs(stick):
    """The log.txt of every kiosk folder on the stick, by folder."""
    v = os.path.join(stick, "vaermed")
    out = {}
    for d in os.listdir(v):
        p = os.path.join(v, d, "log.txt")
        if os.path.isfile(p):
            out[d] = open(p, encoding="utf-8-sig").read()
    return out


def test_loose_files_on_the_stick_are_no_kiosks():
    """What lies loose in the stick's vaermed/ folder (the key file vaermed.key, the
    program, the staff's own notes, a folder of old papers) is no kiosk: only kiosk folders
    are read for places and codes, no log says "Pladserne fra kiosken vaermed.key blev ikke
    brugt", and the places come out as the rule says."""
    base = Workspace("estate-loose")
    stick, ks, made = prepare(base)
    v = os.path.join(stick, "vaermed")
    check(os.path.isfile(os.path.join(v, "vaermed.key")), "the stick has no vaermed.key: %s"
          % os.listdir(v))
    with open(os.path.join(v, "noter.txt"), "w", encoding="utf-8") as f:
        f.write("Husk kaffe til fællesspisning\n")
    os.makedirs(os.path.join(v, "gamle papirer"))
    with open(os.path.join(v, "gamle papirer", "pladser.txt"), "w", encoding="utf-8") as f:
        f.write("ikke en kiosk\n")
    for k in "abcabc":
        cp = ks[k].cli("sync", stick, now=SYNC_NOW, check_ok=False)
        check(cp.returncode == 0, "sync of %s: %s" % (k, cp.stderr))
    logs = all_logs(stick)
    check(len(logs) == 3, "log.txt in %s" % sorted(logs))
    for d, log in logs.items():
        for line in log.splitlines():
            check("ikke brugt" not in line and "not used" not in line,
                  "kiosk folder %s logs: %s" % (d, line))
        for loose in ("vaermed.key", "noter.txt", "program.csv", "gamle papirer"):
            check("kiosken " + loose not in log, "the log of %s reads %s as a kiosk" % (d, loose))
    want = expected(made)
    for k in "abc":
        got = {i: r["status"] for i, r in rows(ks[k]).items()}
        check(got == want, "kiosk %s counts %s, the rule says %s" % (k, got, want))


STAFF_PIN = "2468"


def open_admin():
    return (["hold-id clock 6", "wait 450"] + ["tap-id digit:%s" % d for d in STAFF_PIN] +
            ["tap-id confirm", "wait 450"])


def stick_words(text):
    """Words that tell the staff to take a stick out, wrong for a folder that stays."""
    return [w for w in ("USB", "tage den ud", "take it out") if w in text]


def kiosk_syncs_the_folder_itself(ws, folder, conf, env):
    """The kiosk syncs the synced folder by itself at start (after 2 s of quiet), and its
    journal and the folder's log.txt say so in the folder's words, never 'take it out'."""
    said = []
    for _ in range(5):
        _, cp = ws.kiosk(["wait 4000"], demo=False, extra_args=["--config", conf],
                         extra_env=env)
        said = [l for l in cp.stderr.splitlines() if "synced folder" in l]
        if said:
            break
    check(said, "the kiosk did not sync the folder")
    for line in said:
        check(not stick_words(line), "the journal tells to take the folder out: %s" % line)
    check(any("Mappen er opdateret" in l for l in said), "the journal says %s" % said)
    own = [d for d in os.listdir(os.path.join(folder, "vaermed"))
           if os.path.isdir(os.path.join(folder, "vaermed", d))]
    check(len(own) == 1, "kiosk folders: %s" % own)
    log = open(os.path.join(folder, "vaermed", own[0], "log.txt"), encoding="utf-8-sig").read()
    check("Mappen er opdateret" in log and not stick_words(log),
          "the folder's log.txt: %s" % log[-1500:])


def test_a_synced_folder_is_a_stick_that_stays():
    """A synced folder (sync_folder) is not taken out: its sync says "Mappen er opdateret"
    in the journal, in its log.txt and on the staff screen's last sync, and so does
    `vaermed sync` on it (and on a folder Syncthing keeps, by its .stfolder), while a stick
    still says to take it out. The staff screen shows the kiosk's key by the fingerprint
    `vaermed kiosk key` prints, and says when no Syncthing device id was found."""
    ws = Workspace("estate-folder")
    folder = ws.path("synced")
    os.makedirs(os.path.join(folder, "vaermed"))
    with open(os.path.join(folder, "vaermed", "program.csv"), "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    conf = ws.path("vaermed.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write("kiosk_name = Fælleshuset\nsync_folder = %s\nsync_folder_minutes = 60\n"
                "stick_root = %s\nstaff_pin = %s\nsyncthing_home = %s\n"
                % (folder, ws.path("no-sticks"), STAFF_PIN, ws.path("no-syncthing")))
    ws.cli("--config", conf, "stick", "init", folder)
    env = {"HOME": ws.dir, "VAERMED_MOUNTS": ws.path("mounts")}
    open(ws.path("mounts"), "w").close()

    # The kiosk syncs the folder by itself, at start (after 2 s of quiet).
    kiosk_syncs_the_folder_itself(ws, folder, conf, env)

    # The staff screen: the last sync in the folder's words, the kiosk's key, no device id.
    cp = ws.cli("kiosk", "key")
    fp = cp.stdout.split("fingerprint ", 1)[1].split(")", 1)[0]
    frames, cp = ws.kiosk(open_admin() + ["tap-id scroll-down", "wait 300"] * 6,
                          size=(1280, 800), demo=False, extra_args=["--config", conf],
                          extra_env=env)
    admin = [f for f in frames if f["screen"] == "admin"]
    check(admin, "the staff screen did not open: %s" % [f["screen"] for f in frames])
    labels = {}  # the facts, scrolled through
    for f in admin:
        labels.update({w["id"]: w["label"] for w in f["widgets"]})
    last = labels.get("info:sync", "")
    check("Mappen er opdateret" in last and not stick_words(last),
          "the staff screen's last sync: %r" % last)
    check(fp in labels.get("info:kiosk-key", ""),
          "the staff screen shows %r, not the kiosk key %s" % (labels.get("info:kiosk-key"), fp))
    check("Ikke fundet" in labels.get("info:syncthing", ""),
          "the staff screen's Syncthing line: %r" % labels.get("info:syncthing"))

    # vaermed sync on the folder of the settings speaks of the folder too.
    cp = ws.cli("sync", folder, "--config", conf)
    check("Mappen er opdateret" in cp.stdout and not stick_words(cp.stdout + cp.stderr),
          "vaermed sync on the folder: %s %s" % (cp.stdout, cp.stderr))
    # ... and on a folder Syncthing keeps, without the settings.
    st = ws.path("syncthing-folder")
    shutil.copytree(folder, st)
    os.makedirs(os.path.join(st, ".stfolder"))
    cp = ws.cli("sync", st)
    check("Mappen er opdateret" in cp.stdout and not stick_words(cp.stdout + cp.stderr),
          "vaermed sync on a Syncthing folder: %s %s" % (cp.stdout, cp.stderr))
    # A stick is still a stick.
    stick = ws.path("stick")
    shutil.copytree(folder, stick)
    cp = ws.cli("sync", stick)
    check("tage den ud" in cp.stdout and "Mappen" not in cp.stdout,
          "vaermed sync on a stick: %s" % cp.stdout)


def test_a_synced_folder_in_every_language():
    """The sync's sentences are the staff's, in Danish and English only: a kiosk whose first
    language is Arabic or Urdu still speaks of its synced folder as a folder, in Danish
    ("Mappen er opdateret", not the English "take it out") in the journal, in log.txt and
    from `vaermed sync`. `vaermed stick init` on a folder (the settings' sync_folder, or one
    Syncthing keeps) says the folder is now the staff's; on a stick it still says stick."""
    ws = Workspace("estate-folder-lang")
    folder = ws.path("synced")
    os.makedirs(os.path.join(folder, "vaermed"))
    with open(os.path.join(folder, "vaermed", "program.csv"), "w", encoding="utf-8") as f:
        f.write(PROGRAM)
    confs = {}
    for lang in ("ar da", "ur da", "en"):
        conf = ws.path("vaermed-%s.conf" % lang.split()[0])
        with open(conf, "w", encoding="utf-8") as f:
            f.write("languages = %s\nsync_folder = %s\nsync_folder_minutes = 60\n"
                    "stick_root = %s\nsyncthing_home = %s\n"
                    % (lang, folder, ws.path("no-sticks"), ws.path("no-syncthing")))
        confs[lang.split()[0]] = conf

    cp = ws.cli("--config", confs["ar"], "stick", "init", folder)
    check("Mappen er nu personalets mappe" in cp.stdout and not stick_words(cp.stdout),
          "vaermed stick init on the folder: %s" % cp.stdout)
    cp = ws.cli("--config", confs["en"], "stick", "init", folder)
    check("The folder is now a staff folder" in cp.stdout and not stick_words(cp.stdout),
          "vaermed stick init on the folder, in English: %s" % cp.stdout)
    st = ws.path("syncthing-folder")
    os.makedirs(os.path.join(st, ".stfolder"))
    cp = ws.cli("stick", "init", st)
    check("Mappen er nu personalets mappe" in cp.stdout and not stick_words(cp.stdout),
          "vaermed stick init on a Syncthing folder: %s" % cp.stdout)
    stick = ws.path("stick")
    os.makedirs(stick)
    cp = ws.cli("stick", "init", stick)
    check("USB-nøglen er nu en personalenøgle" in cp.stdout and "Mappen" not in cp.stdout,
          "vaermed stick init on a stick: %s" % cp.stdout)

    # The kiosk, Arabic first, syncs the folder by itself at start.
    env = {"HOME": ws.dir, "VAERMED_MOUNTS": ws.path("mounts")}
    open(ws.path("mounts"), "w").close()
    kiosk_syncs_the_folder_itself(ws, folder, confs["ar"], env)

    # vaermed sync, Urdu first.
    cp = ws.cli("sync", folder, "--config", confs["ur"])
    check("Mappen er opdateret" in cp.stdout and not stick_words(cp.stdout + cp.stderr),
          "vaermed sync on the folder, Urdu first: %s %s" % (cp.stdout, cp.stderr))


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_three_kiosks_one_stick_every_order,
        test_a_damaged_places_file_is_not_used,
        test_merge_counts_per_kiosk_and_estate,
        test_cancel_codes_work_at_every_kiosk,
        test_loose_files_on_the_stick_are_no_kiosks,
        test_a_synced_folder_is_a_stick_that_stays,
        test_a_synced_folder_in_every_language,
    ]))
