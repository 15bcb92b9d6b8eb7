#!/usr/bin/env python3
"""End-to-end: the kiosk as an appliance when its data cannot be trusted.

A database that cannot be written (a read-only card, folder or file) or that is damaged gives
a read-only kiosk: it shows the program (what can still be read of it, or an empty one), says
on the home screen and on every "Sign up" that sign-up is paused, and keeps running instead
of stopping and being restarted for ever. The file is never changed. Under systemd each
message carries its journal priority (`<3>` for errors), so `journalctl -p err` shows them.

On every sync a staff stick gets helbred.txt (the kiosk's health and the last lines of its
log) and skaerm.png (what residents saw when the stick came in), also from a read-only
kiosk, which imports nothing.

Permissions do not stop root, so as root the kiosk is run as the user nobody (setpriv) for
the read-only case."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Workspace, check, widget  # noqa: E402
from test_kiosk import PAUSE  # noqa: E402
from test_staff import DATA, labels, stick_env, write_config  # noqa: E402

SPISNING = "demo-faellesspisning-1"  # tomorrow 18:00, open for sign-up in the demo
NOBODY = 65534


def demo_database(ws):
    frames, cp = ws.kiosk([])
    check(cp.returncode == 0 and frames, "the demo kiosk did not start: %s" % cp.stderr[-1500:])
    for suffix in ("-wal", "-shm"):
        check(not os.path.exists(ws.db + suffix), "the kiosk left %s behind" % suffix)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def run_kiosk(ws, script, as_nobody=False, journal=False):
    """The kiosk on ws.db with `script`; stderr to a file (the journal's stream when
    `journal`). Returns (frames, returncode, stderr text)."""
    run = ws.path("run")
    os.makedirs(run, exist_ok=True)
    os.chmod(run, 0o777)
    dump, script_path, err_path = (os.path.join(run, n) for n in ("dump.jsonl", "script.txt", "stderr"))
    for p in (dump, err_path):
        if os.path.exists(p):
            os.remove(p)
    with open(script_path, "w", encoding="utf-8") as f:
        f.write("\n".join(list(script) + ["quit"]) + "\n")
    cmd = [kiosk.BIN, "--db", ws.db, "--window", "800x480"]
    if as_nobody and os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups", "--"] + cmd
    env = ws.env(extra={"VAERMED_UI_DUMP": dump, "VAERMED_UI_INPUT": script_path})
    with open(err_path, "w+") as err:
        os.chmod(err_path, 0o666)
        if journal:
            st = os.fstat(err.fileno())
            env["JOURNAL_STREAM"] = "%d:%d" % (st.st_dev, st.st_ino)
        else:
            env.pop("JOURNAL_STREAM", None)
        cp = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, timeout=120)
    frames = []
    if os.path.exists(dump):
        with open(dump, encoding="utf-8") as f:
            frames = [json.loads(line) for line in f if line.strip()]
    with open(err_path, encoding="utf-8", errors="replace") as f:
        return frames, cp.returncode, f.read()


def check_paused_kiosk(frames, code, err, expect_cards):
    check(code == 0, "the kiosk did not run to the end of its script (exit %d): %s" % (code, err[-2000:]))
    homes = [f for f in frames if f["screen"] == "home"]
    check(homes, "no home screen: %s" % [f["screen"] for f in frames])
    # (A damage the integrity check finds after the first frame pauses sign-up from the next.)
    paused = [f for f in homes if widget(f, "signups-paused")]
    check(paused and "pause" in widget(paused[-1], "signups-paused")["label"],
          "the home screen does not say sign-up is paused: %s" % labels(homes[-1])[:600])
    cards = [w for f in homes for w in f["widgets"] if w["id"].startswith("card:")]
    if expect_cards:
        check(any(w["id"] == "card:" + SPISNING for w in cards),
              "the program is not shown: %s" % [w["id"] for w in cards])
        spisning = [w for w in cards if w["id"] == "card:" + SPISNING][-1]
        check("pause" in spisning["label"], "the card offers places: %s" % spisning["label"])
        details = [f for f in frames if f["screen"] == "detail"]
        check(details, "the detail screen did not open")
        join = widget(details[-1], "join")
        check(join is not None and join["enabled"] is False,
              "the detail screen offers 'Sign up': %s" % join)
        check(any("pause" in w["label"] for w in details[-1]["widgets"]),
              "the detail screen does not say why: %s" % labels(details[-1])[:800])
        check(not [f for f in frames if f["screen"].startswith("join")],
              "a sign-up flow started on a paused kiosk")
    else:
        check(not cards, "cards from nowhere: %s" % [w["id"] for w in cards])


TAP_JOIN = [PAUSE, "tap-id card:" + SPISNING, PAUSE, "tap-id join", PAUSE]


def test_read_only_database_pauses_sign_up():
    ws = Workspace("readonly")
    demo_database(ws)
    os.chmod(ws.dir, 0o755)
    secret = ws.db + ".secret"
    if os.path.exists(secret):  # the kiosk's own, readable by its user only
        os.chmod(secret, 0o644)
    os.chmod(ws.db, 0o444)
    os.chmod(ws.dir, 0o555)  # the folder too: not even a -wal may be made
    before = read(ws.db)
    try:
        frames, code, err = run_kiosk(ws, TAP_JOIN, as_nobody=True)
    finally:
        os.chmod(ws.dir, 0o755)
    check_paused_kiosk(frames, code, err, expect_cards=True)
    check("sign-up is paused" in err, "stderr does not say why: %s" % err[-1500:])
    check(read(ws.db) == before, "the read-only database was changed")
    rows = ws.cli("signups", SPISNING).stdout.strip().splitlines()
    check(len(rows) >= 1, "the sign-ups cannot be read back")


def test_damaged_database_shows_what_can_be_read():
    ws = Workspace("damaged-page")
    demo_database(ws)
    con = sqlite3.connect(ws.db)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    # An index the program's screens do not read: the stick keys' (empty) primary key.
    row = con.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND "
                      "tbl_name = 'stick_keys'").fetchone()
    con.close()
    check(row is not None, "the schema has no index on stick_keys to damage")
    with open(ws.db, "r+b") as f:
        f.seek((row[1] - 1) * page_size)
        f.write(b"\xde\xad" * (page_size // 2))
    con = sqlite3.connect("file:%s?mode=ro" % ws.db, uri=True)
    verdict = con.execute("PRAGMA quick_check(1)").fetchone()[0]
    con.close()
    check(verdict != "ok", "the page of %s was damaged, but quick_check says ok" % row[0])
    before = read(ws.db)
    frames, code, err = run_kiosk(ws, TAP_JOIN)
    check_paused_kiosk(frames, code, err, expect_cards=True)
    check("damaged" in err, "stderr does not say the database is damaged: %s" % err[-1500:])
    check(read(ws.db) == before, "the damaged database was changed")


def unreadable_database(ws):
    """A Vær med database damaged beyond reading: its header (the first 100 bytes: SQLite's
    and the application id) is whole, everything after it is noise."""
    demo_database(ws)
    with open(ws.db, "r+b") as f:
        size = os.path.getsize(ws.db)
        f.seek(100)
        f.write(os.urandom(size - 100))


def test_unreadable_database_gives_an_empty_paused_kiosk():
    ws = Workspace("unreadable")
    unreadable_database(ws)
    before = read(ws.db)
    frames, code, err = run_kiosk(ws, [PAUSE])
    check_paused_kiosk(frames, code, err, expect_cards=False)
    check("damaged" in err and "empty" in err, "stderr does not say what happened: %s" % err[-1500:])
    check(read(ws.db) == before, "the unreadable file was changed")
    check(not os.path.exists(ws.db + "-wal"), "a -wal was made beside the unreadable file")


def test_messages_carry_journal_priorities():
    ws = Workspace("journal")
    unreadable_database(ws)
    frames, code, err = run_kiosk(ws, [PAUSE], journal=True)
    check(code == 0, "exit %d: %s" % (code, err[-1500:]))
    lines = [l for l in err.splitlines() if l.strip() and not l.startswith("==")]
    check(lines, "the kiosk said nothing")
    check(any(l.startswith("<3>") and "damaged" in l for l in lines),
          "the damage is not an error (<3>) for the journal: %s" % lines)
    check(any(l.startswith("<3>") and "sign-up is paused" in l for l in lines),
          "'sign-up is paused' is not an error for the journal: %s" % lines)
    check(not any(l.startswith("vaermed: ") for l in lines),
          "lines for the journal carry the plain prefix: %s" % lines)
    # The same kiosk with stderr elsewhere (a terminal, a pipe) reads as before.
    frames, code, err = run_kiosk(ws, [PAUSE], journal=False)
    lines = [l for l in err.splitlines() if l.strip() and not l.startswith("==")]
    check(lines and all(not l.startswith("<") for l in lines) and
          any(l.startswith("vaermed: ") and "damaged" in l for l in lines),
          "lines off the journal are not plain: %s" % lines)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", "%s is not a PNG" % path)
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def colours(path):
    cp = subprocess.run(["convert", path, "-format", "%k", "info:"], capture_output=True, text=True)
    check(cp.returncode == 0, "convert cannot read %s: %s" % (path, cp.stderr))
    return int(cp.stdout.strip())


def journal_file(ws):
    """A journal file as systemd would leave it: the kiosk's lines, two restarts, one of them
    after the watchdog found it hung."""
    boot = "0123456789abcdef0123456789abcdef"
    entries = [
        "_SYSTEMD_UNIT=vaermed.service\nPRIORITY=6\nSYSLOG_IDENTIFIER=vaermed\nMESSAGE=started",
        "_PID=1\nUNIT=vaermed.service\nPRIORITY=4\nSYSLOG_IDENTIFIER=systemd\nUNIT_RESULT=watchdog\n"
        "MESSAGE_ID=d9b373ed55a64feb8242e02dbe79a49c\nMESSAGE=vaermed.service: Failed with result 'watchdog'.",
        "_PID=1\nUNIT=vaermed.service\nPRIORITY=5\nSYSLOG_IDENTIFIER=systemd\n"
        "MESSAGE_ID=5eb03494b6584870a536b337290809b3\nMESSAGE=vaermed.service: Scheduled restart job.",
        "_PID=1\nUNIT=vaermed.service\nPRIORITY=5\nSYSLOG_IDENTIFIER=systemd\n"
        "MESSAGE_ID=5eb03494b6584870a536b337290809b3\nMESSAGE=vaermed.service: Scheduled restart job.",
        "_SYSTEMD_UNIT=vaermed.service\nPRIORITY=3\nSYSLOG_IDENTIFIER=vaermed\nMESSAGE=a line in red",
    ]
    export = ws.path("log.export")
    with open(export, "w") as f:
        for i, e in enumerate(entries, 1):
            f.write("__CURSOR=s=1;i=%d\n__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n"
                    "_BOOT_ID=%s\n%s\n\n" % (i, (1795424400 + i) * 1000000, i * 1000, boot, e))
    journal = ws.path("kiosk.journal")
    cp = subprocess.run(["/lib/systemd/systemd-journal-remote", "-o", journal, export],
                        capture_output=True, text=True)
    check(cp.returncode == 0, "systemd-journal-remote (deploy/install-deps.sh test) failed: %s" % cp.stderr)
    return journal


def staff_stick(ws, key_in_config=False):
    """A stick made on this kiosk; with key_in_config its key is also a stick_key line, as
    for a stick made on another kiosk (accepted without reading the database)."""
    stick = ws.path("sticks/usb1")
    os.makedirs(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"), kiosk_name="Fælleshuset")
    out = ws.cli("--config", conf, "stick", "init", stick).stdout
    if key_in_config:
        line = [l for l in out.splitlines() if l.startswith("stick_key = ")]
        check(line, "stick init printed no stick_key line: %s" % out)
        with open(conf, "a", encoding="utf-8") as f:
            f.write(line[0] + "\n")
    return stick, conf


def export_folder(stick):
    exports = [d for d in os.listdir(os.path.join(stick, "vaermed")) if d.startswith("kiosk-")]
    check(len(exports) == 1, "no export folder on the stick: %s" % os.listdir(os.path.join(stick, "vaermed")))
    return os.path.join(stick, "vaermed", exports[0])


def test_staff_stick_gets_health_and_a_picture_of_the_screen():
    ws = Workspace("health")
    stick, conf = staff_stick(ws)
    env = dict(stick_env(ws))
    env["VAERMED_JOURNAL_FILE"] = journal_file(ws)
    # The stick is put in while the home screen shows (the watcher notices it at once).
    frames, cp = ws.kiosk(["wait 2500"], demo=True, extra_args=["--config", conf], extra_env=env)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check([f for f in frames if f["screen"] == "sync-done"], "no sync: %s" % [f["screen"] for f in frames])
    out = export_folder(stick)
    with open(os.path.join(out, "helbred.txt"), encoding="utf-8", newline="") as f:
        health = f.read()
    for want in ["Vær med: kioskens helbred", "Kiosk: Fælleshuset (kiosk-", "Version: ",
                 "Genstart siden systemet startede: 2 (af vagthunden, hængt: 1)",
                 "Ledig plads til data: ", "Strømforsyning: ", "Data: gemmes som de skal",
                 "err     vaermed: a line in red",
                 "systemd: vaermed.service: Failed with result 'watchdog'."]:
        check(want in health, "helbred.txt lacks %r:\n%s" % (want, health))
    check("\r\n" in health, "helbred.txt has no Windows line ends for Notepad")
    picture = os.path.join(out, "skaerm.png")
    check(png_size(picture) == (800, 480), "the picture is %s, not the screen's 800x480" % (png_size(picture),))
    check(colours(picture) > 50, "the picture is not the home screen (too few colours)")


def test_read_only_kiosk_gives_the_stick_its_health_and_imports_nothing():
    ws = Workspace("health-ro")
    stick, conf = staff_stick(ws, key_in_config=True)
    demo_database(ws)
    shutil.copy(os.path.join(DATA, "program-cp1252.csv"), os.path.join(stick, "vaermed", "program.csv"))
    with open(ws.db, "r+b") as f:  # damaged beyond reading the program: empty and paused
        f.seek(100)
        f.write(os.urandom(os.path.getsize(ws.db) - 100))
    before = read(ws.db)
    frames, cp = ws.kiosk(["wait 2500"], demo=False, extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and any("pause" in w["label"] and "helbred.txt" in w["label"] for w in done[-1]["widgets"]),
          "the sync screen does not say what happened: %s" % [labels(f) for f in done])
    check(read(ws.db) == before, "the database was changed")
    kiosk_dirs = [d for d in os.listdir(os.path.join(stick, "vaermed")) if d != "vaermed.key" and
                  os.path.isdir(os.path.join(stick, "vaermed", d))]
    check(kiosk_dirs, "nothing was written to the staff stick")
    with open(os.path.join(stick, "vaermed", kiosk_dirs[0], "helbred.txt"), encoding="utf-8") as f:
        health = f.read()
    check("KAN IKKE GEMMES" in health, "helbred.txt does not say the kiosk cannot save:\n%s" % health)
    check(os.path.exists(os.path.join(stick, "vaermed", kiosk_dirs[0], "skaerm.png")), "no picture")


def keygen(ws, name):
    d = ws.path(name)
    os.makedirs(d)
    out = ws.cli("update", "keygen", d, db=False).stdout
    line = [l for l in out.splitlines() if l.startswith("update_key = ")]
    check(line and os.stat(os.path.join(d, "estate-update.key")).st_mode & 0o077 == 0,
          "update keygen: no update_key line, or a secret key others may read: %s" % out)
    return os.path.join(d, "estate-update.key"), line[0]


def offer_update(ws, stick, version, key):
    """vaermed_<version>_<arch>.deb (any bytes: the kiosk only checks and hands it on) and its
    signature, in the stick's vaermed/opdatering."""
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    folder = os.path.join(stick, "vaermed", "opdatering")
    os.makedirs(folder, exist_ok=True)
    deb = os.path.join(folder, "vaermed_%s_%s.deb" % (version, arch))
    with open(deb, "wb") as f:
        f.write(os.urandom(200000))
    ws.cli("update", "sign", deb, "--key", key, db=False)
    return deb


def test_update_on_a_staff_stick_is_checked_and_handed_on():
    ws = Workspace("update")
    stick, conf = staff_stick(ws)
    key, key_line = keygen(ws, "estate")
    other_key, _ = keygen(ws, "stranger")
    with open(conf, "a", encoding="utf-8") as f:
        f.write(key_line + "\n")
    incoming = ws.path("incoming")
    os.makedirs(incoming)
    env = dict(stick_env(ws))
    env["VAERMED_UPDATE_DIR"] = incoming
    env["VAERMED_UPDATE_RESULT"] = ws.path("no-result")

    # Signed with a stranger's key: refused, nothing handed on.
    deb = offer_update(ws, stick, "99.0.0", other_key)
    frames, cp = ws.kiosk(["wait 2500"], demo=True, extra_args=["--config", conf], extra_env=env)
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and "99.0.0" in labels(done[-1]) and "ikke installeret" in labels(done[-1]),
          "the sync screen does not say the update was refused: %s" % [labels(f) for f in done])
    check("ikke underskrevet med boligområdets opdateringsnøgle" in labels(done[-1]),
          "the sync screen does not say why, in Danish: %s" % labels(done[-1]))
    check(os.listdir(incoming) == [], "a refused update was handed on: %s" % os.listdir(incoming))

    # The same package, but with the signature of a changed copy: refused.
    with open(deb, "ab") as f:
        f.write(b"x")
    frames, cp = ws.kiosk(["wait 2500"], demo=False, extra_args=["--config", conf], extra_env=env)
    check(os.listdir(incoming) == [], "a changed package was handed on")

    # Signed with the estate's key: checked, handed on, and the screen says so.
    os.remove(deb + ".sig")
    deb = offer_update(ws, stick, "99.0.0", key)
    frames, cp = ws.kiosk(["wait 2500"], demo=False, extra_args=["--config", conf], extra_env=env)
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and "99.0.0 er på vej ind" in labels(done[-1]),
          "the sync screen does not say the update is on its way: %s" % [labels(f) for f in done])
    name = os.path.basename(deb)
    check(sorted(os.listdir(incoming)) == [name, name + ".sig"],
          "the installer did not get the package and its signature: %s" % os.listdir(incoming))
    with open(deb, "rb") as a, open(os.path.join(incoming, name), "rb") as b:
        check(a.read() == b.read(), "the handed-on package is not the stick's")
    cp2 = ws.cli("--config", conf, "update", "verify", os.path.join(incoming, name), db=False)
    check("vaermed 99.0.0" in cp2.stdout, "update verify: %s" % cp2.stdout)

    # The installer's last word is on the next sync's screen.
    with open(ws.path("no-result"), "w") as f:
        f.write("state rolled-back\nversion 99.0.0\nprevious 0.1.0\nreason it did not start\n")
    for n in os.listdir(incoming):
        os.remove(os.path.join(incoming, n))
    frames, cp = ws.kiosk(["wait 2500"], demo=False, extra_args=["--config", conf], extra_env=env)
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and "99.0.0 startede ikke, så 0.1.0 er sat på igen (den startede ikke)" in labels(done[-1]),
          "the sync screen does not say the update was rolled back: %s" % [labels(f) for f in done])


def test_update_in_the_synced_folder_is_checked_and_handed_on():
    """A signed update put in the synced folder (sync_folder) is handled as from a stick:
    the estate's signature or nothing; with nobody at the screen it is handed on, said in
    the folder's words; a version the installer rolled back is not offered again."""
    ws = Workspace("update-folder")
    folder = ws.path("synced")
    os.makedirs(folder)
    conf = write_config(ws, stick_root=ws.path("no-sticks"), sync_folder=folder,
                        sync_folder_minutes=60, kiosk_name="Fælleshuset")
    ws.cli("--config", conf, "stick", "init", folder)
    key, key_line = keygen(ws, "estate")
    other_key, _ = keygen(ws, "stranger")
    with open(conf, "a", encoding="utf-8") as f:
        f.write(key_line + "\n")
    incoming = ws.path("incoming")
    os.makedirs(incoming)
    env = dict(stick_env(ws))
    env["VAERMED_UPDATE_DIR"] = incoming
    env["VAERMED_UPDATE_RESULT"] = ws.path("no-result")

    deb = offer_update(ws, folder, "99.0.0", other_key)
    _, cp = ws.kiosk(["wait 3000"], demo=False, extra_args=["--config", conf], extra_env=env)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check("Opdateringen til 99.0.0 i den synkroniserede mappe blev ikke installeret" in cp.stderr
          and "USB-nøgle" not in cp.stderr,
          "the log does not say, in the folder's words, that the update was refused: %s"
          % cp.stderr[-3000:])
    check(os.listdir(incoming) == [], "a refused update was handed on: %s" % os.listdir(incoming))

    os.remove(deb + ".sig")
    deb = offer_update(ws, folder, "99.0.0", key)
    _, cp = ws.kiosk(["wait 3000"], demo=False, extra_args=["--config", conf], extra_env=env)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check("99.0.0 er på vej ind fra den synkroniserede mappe" in cp.stderr,
          "the log does not say the update is on its way: %s" % cp.stderr[-3000:])
    name = os.path.basename(deb)
    check(sorted(os.listdir(incoming)) == [name, name + ".sig"],
          "the installer did not get the package and its signature: %s" % os.listdir(incoming))
    with open(deb, "rb") as a, open(os.path.join(incoming, name), "rb") as b:
        check(a.read() == b.read(), "the handed-on package is not the folder's")

    # The installer rolled it back: the folder still holds it, but it is not offered again.
    with open(ws.path("no-result"), "w") as f:
        f.write("state rolled-back\nversion 99.0.0\nprevious 0.1.0\nreason it did not start\n")
    for n in os.listdir(incoming):
        os.remove(os.path.join(incoming, n))
    _, cp = ws.kiosk(["wait 3000"], demo=False, extra_args=["--config", conf], extra_env=env)
    check(os.listdir(incoming) == [], "a rolled-back version was handed on again")
    check("blev ikke tilbudt igen" in cp.stderr,
          "the log does not say why the update was not offered: %s" % cp.stderr[-3000:])


def test_no_update_key_no_update():
    ws = Workspace("update-nokey")
    stick, conf = staff_stick(ws)
    key, _ = keygen(ws, "estate")
    offer_update(ws, stick, "99.0.0", key)
    incoming = ws.path("incoming")
    os.makedirs(incoming)
    env = dict(stick_env(ws))
    env["VAERMED_UPDATE_DIR"] = incoming
    frames, cp = ws.kiosk(["wait 2500"], demo=True, extra_args=["--config", conf], extra_env=env)
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and "ingen opdateringsnøgle" in labels(done[-1]),
          "the sync screen does not say the kiosk has no update key: %s" % [labels(f) for f in done])
    check(os.listdir(incoming) == [], "an update was handed on without an update key")


def test_no_screen_is_said_and_the_kiosk_stops():
    """`make run` on a machine without any screen: SDL would fall back to a driver that draws
    nowhere and the kiosk would run unseen. It says so and stops, touching no data; a driver
    asked for by name (as every other test here does) still runs."""
    ws = Workspace("noscreen")
    env = ws.env()
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        env.pop(var, None)
    env["XDG_RUNTIME_DIR"] = ws.path("no-runtime")  # no Wayland socket either
    cp = subprocess.run([kiosk.BIN, "--db", ws.db, "--demo"], env=env, capture_output=True,
                        text=True, timeout=60)
    check(cp.returncode == 1 and "no screen to show the kiosk on" in cp.stderr and
          "DISPLAY" in cp.stderr, "without a screen: %d %r" % (cp.returncode, cp.stderr))
    check(not os.path.exists(ws.db), "a database was made although there is no screen")
    frames, cp = ws.kiosk(["wait 100"])
    check(cp.returncode == 0 and frames, "SDL_VIDEODRIVER=dummy asked by name: %r" % cp.stderr[-2000:])


if __name__ == "__main__":
    sys.exit(kiosk.run([test_read_only_database_pauses_sign_up,
                        test_damaged_database_shows_what_can_be_read,
                        test_unreadable_database_gives_an_empty_paused_kiosk,
                        test_messages_carry_journal_priorities,
                        test_staff_stick_gets_health_and_a_picture_of_the_screen,
                        test_read_only_kiosk_gives_the_stick_its_health_and_imports_nothing,
                        test_update_on_a_staff_stick_is_checked_and_handed_on,
                        test_no_update_key_no_update,
                        test_update_in_the_synced_folder_is_checked_and_handed_on,
                        test_no_screen_is_said_and_the_kiosk_stops]))
