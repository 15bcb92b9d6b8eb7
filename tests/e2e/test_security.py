#!/usr/bin/env python3
"""End-to-end: what the kiosk gives away, and to whom (docs/security.md).

The cancel screen's answers, the cancel codes in the database, the staff PIN and its
lockout, the staff sticks and what a sync writes on them, the code typed on the screen."""
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Workspace, check  # noqa: E402
from test_kiosk import PAUSE, type_name  # noqa: E402

CLUB = "demo-boerneklub"  # capacity 15, four sign-ups in the demo


def cancel_try(uid, name, code):
    """One attempt on the cancel screen, ending on cancel-done; then home."""
    lines = ["tap-id card:" + uid, PAUSE, "tap-id cancel-signup", PAUSE] + type_name(name)
    lines += ["tap-id next", PAUSE] + ["tap-id digit:" + d for d in code]
    lines += ["tap-id confirm", PAUSE, "tap-id done", PAUSE]
    return lines


def answers(frames):
    """What each visit of cancel-done said last, in order (a visit is a run of frames with
    consecutive numbers: any other screen in between is dumped too)."""
    labels, last_seq = [], None
    for f in frames:
        if f["screen"] != "cancel-done":
            continue
        label = [w["label"] for w in f["widgets"] if w["id"] == "result"][0]
        if last_seq is None or f["seq"] != last_seq + 1:
            labels.append(label)
        else:
            labels[-1] = label
        last_seq = f["seq"]
    return labels


def test_cancel_screen_tells_a_stranger_nothing():
    ws = Workspace("cancel-answers")
    ws.kiosk([])  # the demo program
    ws.cli("join", CLUB, "--name", "Ida", "--code", "1357")
    ws.cli("join", CLUB, "--name", "Bo")  # no code
    # A wrong code for Ida, a name nobody signed up with, Bo who has no code: one answer.
    script = cancel_try(CLUB, "Ida", "9999") + cancel_try(CLUB, "Zelda", "9999")
    script += cancel_try(CLUB, "Bo", "9999")
    frames, cp = ws.kiosk(script, demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    labels = answers(frames)
    check(len(labels) == 3, "three tries, three answers: %s" % labels)
    check(len(set(labels)) == 1, "the answers differ, so they tell who is signed up: %s" % labels)
    check("passer ikke" in labels[0] and "personalet" in labels[0], labels[0])
    con = sqlite3.connect(ws.db)
    left = con.execute("SELECT name, status FROM signups WHERE name IN ('Ida', 'Bo')").fetchall()
    con.close()
    check(sorted(left) == [("Bo", "confirmed"), ("Ida", "confirmed")], "a try cancelled: %s" % left)


def test_wrong_codes_slow_one_name_and_say_minutes_right():
    ws = Workspace("cancel-limit")
    ws.kiosk([])
    ws.cli("join", CLUB, "--name", "Ida", "--code", "1357")
    ws.cli("join", CLUB, "--name", "Ole", "--code", "2468")
    script = []
    for code in ["1111", "2222", "3333", "4444"]:
        script += cancel_try(CLUB, "Ida", code)
    # Ole is not locked out by the tries on Ida's name.
    script += cancel_try(CLUB, "Ole", "2468")
    frames, cp = ws.kiosk(script, demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    labels = answers(frames)
    check(len(labels) == 5, "five tries, five answers: %s" % labels)
    check("Vent 1 minut," in labels[3], "the fourth wrong code should wait a minute: %r" % labels[3])
    check("minutter" not in labels[3], "one minute is not 'minutter': %r" % labels[3])
    check(labels[4].startswith("Du er afmeldt"), "Ole was locked out by Ida's tries: %r" % labels[4])


PASS = "fire ord kun personalet kender\n"
NAMES = ["Zenobia Ægidius", "Quirin Østergård", "Yasmin Åbjørn"]


def staff_setup(ws):
    """A kiosk with the demo program and sign-ups with names found nowhere else, a staff key
    pair made 'at the office', and a staff stick authorised at the kiosk with the staff's
    public key. Returns (stick, sign-up names)."""
    ws.kiosk([])
    for i, name in enumerate(NAMES):
        ws.cli("join", CLUB, "--name", name, "--code", "%04d" % (1000 + i))
    stick = ws.path("stick")
    os.makedirs(stick)
    ws.cli("staff-key", "new", "--stick", stick, db=False, input=PASS * 2)
    ws.cli("stick", "init", stick)
    names = [r.split(",")[2] for r in ws.cli("signups").stdout.splitlines()[1:]]
    check(set(NAMES) <= set(names), "the sign-ups are not there: %s" % names)
    return stick, names


def leaks(folder, names):
    """Every file under `folder` that holds one of `names` (as UTF-8, UTF-16 or lower case)."""
    found = []
    for root, _dirs, files in os.walk(folder):
        for f in files:
            path = os.path.join(root, f)
            with open(path, "rb") as fh:
                data = fh.read()
            low = data.lower()
            for name in names:
                forms = [name.encode("utf-8"), name.lower().encode("utf-8"),
                         name.encode("utf-16-le"), name.encode("utf-16-be")]
                if any(form in data or form in low for form in forms):
                    found.append((os.path.relpath(path, folder), name))
    return found


def test_a_copied_key_file_takes_no_name_away():
    """The headline: someone copies vaermed/vaermed.key to a folder of their own (a stick
    borrowed for a minute), even adds a staff public key of their own, and syncs. Nothing
    written there reveals a name; what is sealed opens only with the real staff key."""
    ws = Workspace("copied-key")
    stick, _names = staff_setup(ws)
    copy = ws.path("copy")
    os.makedirs(os.path.join(copy, "vaermed"))
    shutil.copy(os.path.join(stick, "vaermed", "vaermed.key"), os.path.join(copy, "vaermed"))
    # The copier's own key pair, its public half planted where the staff's would be.
    os.makedirs(ws.path("thief"))
    ws.cli("staff-key", "new", "-o", ws.path("thief/thief.key"), "--stick", copy, db=False,
           input="tyvens egen kodesaetning\n" * 2)
    cp = ws.cli("sync", copy)
    check(cp.returncode == 0, cp.stderr)
    files = [os.path.relpath(os.path.join(r, f), copy) for r, _d, fs in os.walk(copy) for f in fs]
    check(any(f.endswith("tilmeldinger.csv.vaermed") for f in files), "nothing sealed: %s" % files)
    # The names planted for this test stand for every resident's (the demo's short first
    # names, "Ole", "Lis", are also parts of ordinary words and hosts' names in the program).
    found = leaks(copy, NAMES)
    check(not found, "a sync to a copied key file gave names away: %s" % found)
    # No database in the clear either (a snapshot would hold names and code hashes).
    for f in files:
        with open(os.path.join(copy, f), "rb") as fh:
            check(not fh.read(16).startswith(b"SQLite format 3"), "%s is a plain database" % f)
    # The copier's own key opens nothing: the kiosk sealed to the staff key it was given.
    sealed = [os.path.join(copy, f) for f in files if f.endswith(".vaermed")]
    out = ws.path("thief-out")
    os.makedirs(out)
    bad = ws.cli("open-export", "--key", ws.path("thief/thief.key"), "--dir", out, *sealed,
                 db=False, input="tyvens egen kodesaetning\n", check_ok=False)
    check(bad.returncode == 1 and not os.listdir(out), "the copier's key opened: %s" % bad.stdout)
    # The staff's key does: the names are there for them.
    good = ws.cli("open-export", "--dir", out, *sealed, db=False, input=PASS)
    check(good.returncode == 0, good.stderr)
    with open(os.path.join(out, "tilmeldinger.csv"), encoding="utf-8-sig") as f:
        text = f.read()
    check(all(n in text for n in NAMES), "the staff cannot read the names")
    # The staff's snapshot holds the codes only keyed: no 'p1$' hash a PC could search.
    db = sqlite3.connect(os.path.join(out, [f for f in os.listdir(out) if f.endswith(".db")][0]))
    hashes = [h for (h,) in db.execute("SELECT code_hash FROM signups WHERE code_hash <> ''")]
    db.close()
    check(hashes and all(h.startswith("k1$") for h in hashes), "unkeyed codes: %s" % hashes[:3])
    # A wrong passphrase opens nothing.
    wrong = ws.cli("open-export", "--dir", ws.path("thief"), sealed[0], db=False,
                   input="forkert\n", check_ok=False)
    check(wrong.returncode == 1 and "passphrase is not right" in wrong.stderr, wrong.stderr)


def test_a_lost_stick_is_withdrawn_and_a_stale_one_runs_out():
    ws = Workspace("revoke")
    stick, _names = staff_setup(ws)
    listed = ws.cli("stick", "list").stdout.splitlines()
    check(len(listed) == 2 and listed[1].endswith("active"), "stick list: %s" % listed)
    stick_id = listed[1].split("\t")[0]
    # The stick is lost: the staff withdraw it, and from then on it is refused untouched.
    ws.cli("stick", "revoke", stick_id)
    check(ws.cli("stick", "list").stdout.splitlines()[1].endswith("withdrawn"), "not withdrawn")
    before = sorted(os.listdir(os.path.join(stick, "vaermed")))
    cp = ws.cli("sync", stick, check_ok=False)
    check(cp.returncode == 1 and "trukket tilbage" in cp.stderr, "a withdrawn stick: %s" % cp.stderr)
    check(sorted(os.listdir(os.path.join(stick, "vaermed"))) == before, "written to a withdrawn stick")
    # Authorised again, it gets a new key: the old key file (and any copy of it) stays out.
    old_key = open(os.path.join(stick, "vaermed", "vaermed.key")).read()
    ws.cli("stick", "init", stick, "--days", "30")
    new_key = open(os.path.join(stick, "vaermed", "vaermed.key")).read()
    check(new_key != old_key, "a withdrawn stick kept its key")
    check(ws.cli("sync", stick).returncode == 0, "the renewed stick does not sync")
    # Thirty days on, it has run out.
    late = ws.cli("sync", stick, now="2027-01-05T09:00Z", check_ok=False)
    check(late.returncode == 1 and "udløb" in late.stderr, "an expired stick: %s" % late.stderr)


def pin_lines(pin):
    return ["tap-id digit:" + d for d in pin] + ["tap-id confirm", PAUSE]


def test_the_pin_is_a_hash_and_its_lockout_survives_a_restart():
    ws = Workspace("pin")
    conf = ws.path("vaermed.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write("estate_name = Solbakken\nstaff_pin = 2468\n")
    # Four digits are too few for a hash anyone may read; the two must match.
    short = ws.cli("--config", conf, "pin", "set", db=False, input="2468\n2468\n", check_ok=False)
    check(short.returncode == 1 and "6 til 8" in short.stderr, short.stderr)
    differ = ws.cli("--config", conf, "pin", "set", db=False, input="48261937\n48261938\n",
                    check_ok=False)
    check(differ.returncode == 1, differ.stderr)
    ws.cli("--config", conf, "pin", "set", db=False, input="48261937\n48261937\n")
    text = open(conf, encoding="utf-8").read()
    check("48261937" not in text and "staff_pin = " not in text, "the PIN is readable: %s" % text)
    check("staff_pin_hash = $argon2id$" in text and "estate_name = Solbakken" in text, text)
    # Three wrong PINs on the screen, then the kiosk is restarted (the plug pulled).
    hold = ["hold-id clock 6", PAUSE]
    frames, cp = ws.kiosk(hold + pin_lines("11111111") + pin_lines("22222222") +
                          pin_lines("33333333"), extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    # Restarted at the same minute (the fake clock starts there again): the right PIN waits.
    frames, cp = ws.kiosk(hold + pin_lines("48261937"), demo=False, extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    said = [w["label"] for f in frames if f["screen"] == "admin-pin" for w in f["widgets"]
            if w["id"] == "message"]
    check(any("For mange forkerte koder. Vent" in m for m in said),
          "no lockout after a restart: %s" % said)
    check("admin" not in [f["screen"] for f in frames], "the lockout did not survive a restart")
    # Two minutes later the right PIN opens the staff screen, and the plain-PIN warning is gone.
    frames, cp = ws.kiosk(hold + pin_lines("48261937"), now="2026-11-23T09:03Z", demo=False,
                          extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    admin = [f for f in frames if f["screen"] == "admin"]
    check(admin, "the right PIN did not open the staff screen: %s" % [f["screen"] for f in frames])
    labels = " ".join(w["label"] for w in admin[-1]["widgets"])
    check("plain text" not in labels, "a problem with the PIN line is shown: %s" % labels[:400])


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_cancel_screen_tells_a_stranger_nothing,
        test_wrong_codes_slow_one_name_and_say_minutes_right,
        test_a_copied_key_file_takes_no_name_away,
        test_a_lost_stick_is_withdrawn_and_a_stale_one_runs_out,
        test_the_pin_is_a_hash_and_its_lockout_survives_a_restart,
    ]))
