#!/usr/bin/env python3
"""End-to-end: the waiting list and a cancel with a code on the screen, the staff's QR and
poster commands (decoded back with zbarimg), and the bad inputs of the foundation: a newer
or damaged database, a missing folder, missing fonts, wrong arguments."""
import csv
import glob
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Failure, Workspace, check  # noqa: E402
from test_kiosk import PAUSE, type_name  # noqa: E402

CLUB = "demo-boerneklub"  # capacity 15, four sign-ups in the demo


def rows(ws, uid):
    return list(csv.DictReader(io.StringIO(ws.cli("signups", uid).stdout)))


def test_waiting_list_and_cancel_with_code():
    ws = Workspace("waitlist")
    ws.kiosk([])  # the demo program
    ws.cli("join", CLUB, "--name", "Ida", "--code", "1357")
    for i in range(10):
        ws.cli("join", CLUB, "--name", "Barn %d" % i)
    check(all(r["status"] == "confirmed" for r in rows(ws, CLUB)), "the club is not full yet")
    script = ["tap-id card:" + CLUB, PAUSE, "tap-id join", PAUSE] + type_name("Mette")
    script += ["tap-id next", PAUSE, "tap-id confirm", PAUSE, "tap-id done", PAUSE]
    frames, cp = ws.kiosk(script)
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [f for f in frames if f["screen"] == "join-done"]
    check(done and any("venteliste" in w["label"] and "1" in w["label"] for w in done[-1]["widgets"]),
          "joining a full activity did not say the waiting-list place: %s" %
          [w["label"] for f in done for w in f["widgets"]])
    mette = [r for r in rows(ws, CLUB) if r["name"] == "Mette"]
    check(len(mette) == 1 and mette[0]["status"] == "waiting" and mette[0]["waiting_position"] == "1",
          "Mette is not first on the waiting list: %s" % mette)
    # Ida cancels on the screen with her code: a wrong code first, then the right one.
    script = ["tap-id card:" + CLUB, PAUSE, "tap-id cancel-signup", PAUSE] + type_name("Ida")
    script += ["tap-id next", PAUSE] + ["tap-id digit:9"] * 4 + ["tap-id confirm", PAUSE]
    frames, cp = ws.kiosk(script, demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check(any("passer ikke" in w["label"] for f in frames for w in f["widgets"]),
          "a wrong code said nothing")
    check([r["status"] for r in rows(ws, CLUB) if r["name"] == "Ida"] == ["confirmed"],
          "a wrong code cancelled")
    script = ["tap-id card:" + CLUB, PAUSE, "tap-id cancel-signup", PAUSE] + type_name("Ida")
    script += ["tap-id next", PAUSE, "tap-id digit:1", "tap-id digit:3", "tap-id digit:5",
               "tap-id digit:7", "tap-id confirm", PAUSE]
    frames, cp = ws.kiosk(script, demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check(frames[-1]["screen"] == "cancel-done", "the right code did not cancel: %s" %
          frames[-1]["screen"])
    after = {r["name"]: r for r in rows(ws, CLUB)}
    check(after["Ida"]["status"] == "cancelled", "Ida is not cancelled")
    check(after["Mette"]["status"] == "confirmed", "the first waiting was not promoted: %s" % after["Mette"])


def zbar(path):
    cp = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", path], capture_output=True)
    return [c for c in cp.stdout.decode("utf-8", "replace").split("\n") if c]


def test_qr_and_poster_commands():
    ws = Workspace("print")
    ws.kiosk([])
    png = ws.path("fodbold.png")
    ws.cli("qr", "demo-pigefodbold", "-o", png)
    check(zbar(png) == ["https://example.org/tilmeld/fodbold-piger"], "the PNG decodes to %r" % zbar(png))
    bad = ws.cli("qr", "demo-beboermoede", "-o", ws.path("m.png"), check_ok=False)
    check(bad.returncode == 1 and "residents only" in bad.stderr, "residents only: %r" % bad.stderr)
    bad = ws.cli("qr", "no-such-uid", "-o", ws.path("n.png"), check_ok=False)
    check(bad.returncode == 1 and bad.stderr.strip(), "an unknown uid: %r" % bad.stderr)
    bad = ws.cli("qr", "demo-pigefodbold", "-o", "/nonexistent/folder/x.png", check_ok=False)
    check(bad.returncode == 1 and "/nonexistent/folder" in bad.stderr, "an unwritable path: %r" % bad.stderr)
    bad = ws.cli("qr", "demo-pigefodbold", check_ok=False)
    check(bad.returncode == 2, "a missing -o is a usage error")

    pdf = ws.path("uge.pdf")
    ws.cli("poster", "--week", "-o", pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, ws.path("page")], check=True)
    codes = [c for page in sorted(glob.glob(ws.path("page*.png"))) for c in zbar(page)]
    check(len(codes) >= 3, "the week poster has only %d readable codes" % len(codes))
    check(any(c.startswith("BEGIN:VEVENT") for c in codes), "no calendar code on the poster")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    check("Fællesspisning" in text and "Uge" in text, "the poster's text is not there")
    one = ws.path("sy.pdf")
    ws.cli("poster", "--activity", "demo-sycafe", "-o", one)
    subprocess.run(["pdftoppm", "-r", "150", "-png", one, ws.path("sy")], check=True)
    codes = [c for page in glob.glob(ws.path("sy*.png")) for c in zbar(page)]
    check(len(codes) == 1 and codes[0].startswith("SMSTO:"), "the sy-café poster reads %r" % codes)


HEAVY = ("libcairo", "libpango", "libical", "libicu", "libfontconfig", "vaermed-print.so",
         "vaermed-calendar.so")


def mapped(pid):
    with open("/proc/%d/maps" % pid) as f:
        return {line.split()[-1].rsplit("/", 1)[-1] for line in f if "/" in line}


def test_print_and_calendar_parts_load_when_needed():
    """The kiosk starts without cairo, Pango and libical: they are in vaermed-print.so and
    vaermed-calendar.so, loaded when a PDF, a PNG or a calendar file needs them. Without
    those files the kiosk still starts and takes the sign-ups home, and says plainly what it
    cannot do."""
    ws = Workspace("modules")
    dump = ws.path("dump.jsonl")
    fifo = ws.path("input.fifo")
    os.mkfifo(fifo)
    env = ws.env(extra={"VAERMED_UI_DUMP": dump, "VAERMED_UI_INPUT": fifo})
    p = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--demo"], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    feed = os.open(fifo, os.O_WRONLY)
    try:
        for _ in range(600):
            if os.path.exists(dump) and os.path.getsize(dump) > 0:
                break
            time.sleep(0.05)
        check(os.path.getsize(dump) > 0, "the kiosk showed no frame")
        heavy = sorted(name for name in mapped(p.pid) if name.startswith(HEAVY))
        check(not heavy, "the kiosk mapped %s before anyone printed" % heavy)
    finally:
        os.write(feed, b"quit\n")
        os.close(feed)
        p.wait(60)
    check(p.returncode == 0, p.stderr.read()[-2000:])

    # A copy of the program without its modules beside it (and none installed).
    alone = ws.path("alone")
    os.makedirs(alone)
    shutil.copy(kiosk.BIN, alone)
    me = os.path.join(alone, os.path.basename(kiosk.BIN))
    cp = subprocess.run([me, "poster", "-o", ws.path("x.pdf"), "--db", ws.db], env=ws.env(),
                        capture_output=True, text=True, timeout=60)
    check(cp.returncode == 1 and "printing part" in cp.stderr and "vaermed-print.so" in cp.stderr,
          "a missing printing part is not said plainly: %r" % cp.stderr)
    check(not os.path.exists(ws.path("x.pdf")), "a PDF appeared without the printing part")
    cp = subprocess.run([me, "qr", "demo-pigefodbold", "-o", ws.path("x.png"), "--db", ws.db],
                        env=ws.env(), capture_output=True, text=True, timeout=60)
    check(cp.returncode == 1 and "printing part" in cp.stderr, "qr: %r" % cp.stderr)

    # A staff stick with a calendar file: refused plainly; the sign-ups still go home.
    stick = ws.path("stick")
    os.makedirs(stick)
    subprocess.run([me, "stick", "init", stick, "--db", ws.db], env=ws.env(), check=True,
                   capture_output=True)
    # The staff's key, so the sign-ups go home (sealed: docs/security.md).
    subprocess.run([me, "staff-key", "add", "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=",
                    "--db", ws.db], env=ws.env(), check=True, capture_output=True)
    src = os.path.join(os.path.dirname(__file__), "..", "sync", "data", "program.ics")
    shutil.copy(src, os.path.join(stick, "vaermed", "program.ics"))
    listed = subprocess.run([me, "list", "--db", ws.db], env=ws.env(), capture_output=True,
                            text=True).stdout
    cp = subprocess.run([me, "sync", stick, "--db", ws.db], env=ws.env(), capture_output=True,
                        text=True, timeout=60)
    said = cp.stdout + cp.stderr
    check(cp.returncode != 0 and "calendar" in said, "a calendar file without its reader: %r" % said)
    check(subprocess.run([me, "list", "--db", ws.db], env=ws.env(), capture_output=True,
                         text=True).stdout == listed, "the program changed")
    out = [d for d in os.listdir(os.path.join(stick, "vaermed")) if d.startswith("kiosk-")]
    check(out and os.path.exists(os.path.join(stick, "vaermed", out[0],
                                              "tilmeldinger.csv.vaermed")),
          "the sign-ups did not go home")
    with open(os.path.join(stick, "vaermed", out[0], "log.txt"), encoding="utf-8-sig") as f:
        log = f.read()
    check("vaermed-print.so" in log, "the log does not say why there is no PDF: %s" % log)

    # The real program, with its modules: the same stick is read and the PDF made.
    cp = ws.cli("sync", stick, check_ok=False)
    check(cp.returncode == 0, "with its modules the calendar is read: %r" % (cp.stdout + cp.stderr))
    check(os.path.exists(os.path.join(stick, "vaermed", out[0], "ugeprogram.pdf")), "no PDF")


def refused_untouched(ws, expect_words):
    with open(ws.db, "rb") as f:
        before = f.read()
    frames, cp = ws.kiosk([], demo=True)
    check(cp.returncode != 0, "the kiosk accepted it")
    check(any(w in cp.stderr for w in expect_words), "no plain message: %r" % cp.stderr[-600:])
    with open(ws.db, "rb") as f:
        check(f.read() == before, "the file was changed")


def test_newer_database_is_refused():
    ws = Workspace("newer")
    con = sqlite3.connect(ws.db)
    con.execute("PRAGMA application_id = %d" % 0x56724D64)
    con.execute("PRAGMA user_version = 99")
    con.execute("CREATE TABLE activities (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    refused_untouched(ws, ["newer"])


def test_damaged_file_is_refused():
    ws = Workspace("damaged")
    with open(ws.db, "wb") as f:
        f.write(os.urandom(16384))
    refused_untouched(ws, ["not", "damaged", "SQLite", "database"])


def test_missing_folder_and_fonts_and_arguments():
    ws = Workspace("args")
    cp = subprocess.run([kiosk.BIN, "--db", "/nonexistent/folder/v.db"], env=ws.env(),
                        capture_output=True, text=True, timeout=60)
    check(cp.returncode == 1 and "/nonexistent/folder" in cp.stderr, "a missing folder: %r" % cp.stderr)
    env = ws.env(extra={"VAERMED_FONT_DIR": "/nonexistent-fonts"})
    cp = subprocess.run([kiosk.BIN, "--db", ws.db, "--demo"], env=env, capture_output=True,
                        text=True, timeout=60)
    check(cp.returncode == 1 and "fonts-noto-core" in cp.stderr, "missing fonts: %r" % cp.stderr)
    check(not os.path.exists(ws.db), "a database was made although the kiosk could not start")
    cp = subprocess.run([kiosk.BIN, "frobnicate"], env=ws.env(), capture_output=True, text=True)
    check(cp.returncode == 2 and "frobnicate" in cp.stderr, "an unknown command: %r" % cp.stderr)
    cp = subprocess.run([kiosk.BIN, "--window", "huge"], env=ws.env(), capture_output=True, text=True)
    check(cp.returncode == 2 and "800x480" in cp.stderr, "a bad window size: %r" % cp.stderr)
    env = ws.env(now="yesterday")
    cp = subprocess.run([kiosk.BIN, "list", "--db", ws.db], env=env, capture_output=True, text=True)
    check(cp.returncode == 2 and "VAERMED_NOW" in cp.stderr, "a bad VAERMED_NOW: %r" % cp.stderr)
    cp = subprocess.run([kiosk.BIN, "--config", "/nonexistent.conf", "list"], env=ws.env(),
                        capture_output=True, text=True)
    check(cp.returncode == 1 and "nonexistent.conf" in cp.stderr, "a missing --config: %r" % cp.stderr)
    cp = subprocess.run([kiosk.BIN, "--help"], env=ws.env(), capture_output=True, text=True)
    check(cp.returncode == 0 and "vaermed join UID" in cp.stdout, "--help")
    cp = subprocess.run([kiosk.BIN, "--version"], env=ws.env(), capture_output=True, text=True)
    check(cp.returncode == 0 and cp.stdout.startswith("vaermed "), "--version")


def test_clock_behind_the_last_stick():
    """A Pi without battery or network may wake up in the past; the time the last staff stick
    carried is a floor: nothing that clearly passed is shown as coming."""
    ws = Workspace("floor")
    ws.kiosk([])
    before = ws.cli("list").stdout
    check("demo-faellesspisning-1\t" in before, "tomorrow's dinner is listed at first")
    con = sqlite3.connect(ws.db)
    con.execute("INSERT OR REPLACE INTO facts (key, value) VALUES ('clock_floor', '2026-11-27T12:00:00Z')")
    con.commit()
    con.close()
    after = ws.cli("list").stdout
    check("demo-faellesspisning-1\t" not in after, "a passed dinner is listed as coming")
    frames, cp = ws.kiosk(["wait 200"], demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    labels = " ".join(w["label"] for w in frames[0]["widgets"])
    # today on the week is the floor's day (the date itself is in the header where it fits)
    check(any(w["id"] == "day:2026-11-27" and w["label"] == "I dag" for w in frames[0]["widgets"]),
          "the screen does not use the floor: %s" % labels[:300])
    check("card:demo-faellesspisning-1" not in [w["id"] for w in frames[0]["widgets"]],
          "the passed dinner is on the screen")


def all_signups(ws, now=kiosk.NOW):
    return list(csv.DictReader(io.StringIO(ws.cli("signups", now=now).stdout)))


def test_a_year_ahead_keeps_upcoming_names():
    """A kiosk started once a year in the future (a wrong RTC, a Pi without battery) does not
    erase the names of sign-ups that are still to come: it erases by the time it trusts."""
    ws = Workspace("yearahead")
    ws.kiosk([])  # the demo program and its sign-ups, at NOW
    starts = {}
    for line in ws.cli("list", "--all").stdout.splitlines():
        uid, start = line.split("\t")[:2]
        starts[uid] = start
    upcoming = [r for r in all_signups(ws)
                if r["name"] and starts.get(r["activity"], "") > "2026-11-23 10:00"]
    check(len(upcoming) >= 5, "the demo has too few sign-ups to come: %s" % upcoming)
    frames, cp = ws.kiosk(["wait 200"], now="2027-11-23T09:00Z", demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check("names are erased by" in cp.stderr, "the journal does not say why names wait: %s"
          % cp.stderr[-2000:])
    after = {r["id"]: r["name"] for r in all_signups(ws)}
    for r in upcoming:
        check(after.get(r["id"]) == r["name"], "the name on sign-up %s (%s) was erased"
              % (r["id"], r["activity"]))


def test_clock_reset_forgets_a_wrong_time():
    """A wrong time from a staff stick (kept by a kiosk before sticks were bounded) is
    forgotten with `vaermed clock reset`; `vaermed clock` says what the kiosk counts from."""
    ws = Workspace("clockreset")
    ws.kiosk([])
    con = sqlite3.connect(ws.db)
    con.execute("INSERT OR REPLACE INTO facts (key, value) VALUES ('clock_floor', '2027-06-01T09:00:00Z')")
    con.commit()
    con.close()
    out = ws.cli("clock").stdout
    check("2027-06-01 11:00" in out and "vaermed clock reset" in out, "vaermed clock: %r" % out)
    check("demo-faellesspisning-1\t" not in ws.cli("list").stdout, "list does not use the floor")
    cp = ws.cli("clock", "reset")
    check("2027-06-01 11:00" in cp.stdout and "glemt" in cp.stdout, "clock reset: %r" % cp.stdout)
    check("Ingen personalenøgle har sat tiden." in ws.cli("clock").stdout, "the floor is kept")
    check("demo-faellesspisning-1\t" in ws.cli("list").stdout, "list still uses the floor")
    cp = ws.cli("clock", "reset")
    check(cp.returncode == 0 and "intet at glemme" in cp.stdout, "a second reset: %r" % cp.stdout)
    cp = ws.cli("clock", "now", check_ok=False)
    check(cp.returncode == 2 and "usage" in cp.stderr, "a wrong word: %r" % cp.stderr)
    cp = subprocess.run([kiosk.BIN, "--help"], env=ws.env(), capture_output=True, text=True)
    check("vaermed clock [reset]" in cp.stdout, "--help does not name clock")


def test_a_floor_past_any_stick_is_forgotten():
    """A time a stick set before sticks were bounded (a typo: 2062 for 2026) is more than ten
    years after this Vær med was made: the kiosk does not count from it but forgets it, so
    the program is there and nothing (a stick's expiry) counts from 2062."""
    ws = Workspace("oldfloor")
    ws.kiosk([])
    con = sqlite3.connect(ws.db)
    con.execute("INSERT OR REPLACE INTO facts (key, value) VALUES ('clock_floor', '2062-11-23T09:00:00Z')")
    con.commit()
    con.close()
    frames, cp = ws.kiosk(["wait 200"], demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    check("forgot the clock floor 2062-11-23T09:00:00Z" in cp.stderr,
          "the journal does not say the floor was forgotten: %s" % cp.stderr[-2000:])
    home = [f for f in frames if f["screen"] == "home"]
    ids = [w["id"] for w in home[-1]["widgets"]] if home else []
    check("card:demo-morgenkaffe" in ids, "the program is not shown: %s" % ids[:40])
    check("Ingen personalenøgle har sat tiden." in ws.cli("clock").stdout, "the floor is kept")


def test_signups_csv_is_safe_for_excel():
    """`vaermed signups` escapes what a spreadsheet would run as a formula, as the stick's
    export does: a name typed as =HYPERLINK(...) stays text."""
    ws = Workspace("signupscsv")
    ws.kiosk([])
    ws.cli("join", "demo-banko", "--name", '=HYPERLINK("http://x";"Klik")')
    ws.cli("join", "demo-banko", "--name", "+45 Bo")
    ws.cli("join", "demo-banko", "--name", "@Ali")
    out = ws.cli("signups", "demo-banko").stdout
    for raw in ('=HYPERLINK', '+45 Bo', '@Ali'):
        check(",%s" % raw not in out and ",\"%s" % raw not in out, "%r reached the CSV as it is: %s"
              % (raw, out))
    rows = list(csv.DictReader(io.StringIO(out)))
    names = [r["name"] for r in rows]
    check("'=HYPERLINK(\"http://x\";\"Klik\")" in names and "'+45 Bo" in names and
          "'@Ali" in names, "names as read back: %s" % names)


def man_commands(path):
    """The commands vaermed(1) describes: the first word of each tag under COMMANDS."""
    out, in_commands, tag = set(), False, False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith(".SH"):
            in_commands = line.strip() == ".SH COMMANDS"
        elif in_commands and line == ".TP":
            tag = True
        elif in_commands and tag:
            tag = False
            text = re.sub(r"^\.[A-Z]+ ?", "", line)
            text = re.sub(r"\\f.", "", text).replace("\\-", "-").replace('"', " ")
            out.add(text.split()[0])
    return out


def test_help_and_man_page_name_the_same_commands():
    """--help and vaermed(1) name the same commands, the estate's too: a command the staff
    read about in one is in the other (vaermed cancel UID --name --code, vaermed kiosk key)."""
    ws = Workspace("help-man")
    helptext = subprocess.run([kiosk.BIN, "--help"], env=ws.env(), capture_output=True,
                              text=True).stdout
    in_help = set(re.findall(r"^  vaermed ([a-z][a-z-]*)", helptext, re.M))
    man = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "man",
                       "vaermed.1")
    in_man = man_commands(man)
    check(len(in_help) >= 15, "--help names only %s" % sorted(in_help))
    check(in_help == in_man, "only in --help: %s; only in vaermed(1): %s" %
          (sorted(in_help - in_man), sorted(in_man - in_help)))
    manpage = open(man, encoding="utf-8").read()
    for form, man_form in (("vaermed cancel UID --name NAME --code", r'.BI cancel " UID " \-\-name'),
                           ("vaermed kiosk key", ".B kiosk key")):
        check(form in helptext, "--help does not show %r:\n%s" % (form, helptext))
        check(man_form in manpage, "vaermed(1) does not describe %r" % form)
    # Every command it names is one the binary knows (not "unknown command").
    for cmd in sorted(in_help):
        cp = subprocess.run([kiosk.BIN, cmd, "--db", ws.db], env=ws.env(), capture_output=True,
                            text=True, input="", timeout=60)
        check("there is no command" not in cp.stderr, "%s: %s" % (cmd, cp.stderr))


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_waiting_list_and_cancel_with_code,
        test_qr_and_poster_commands,
        test_newer_database_is_refused,
        test_damaged_file_is_refused,
        test_missing_folder_and_fonts_and_arguments,
        test_clock_behind_the_last_stick,
        test_a_year_ahead_keeps_upcoming_names,
        test_clock_reset_forgets_a_wrong_time,
        test_a_floor_past_any_stick_is_forgotten,
        test_print_and_calendar_parts_load_when_needed,
        test_signups_csv_is_safe_for_excel,
        test_help_and_man_page_name_the_same_commands,
    ]))
