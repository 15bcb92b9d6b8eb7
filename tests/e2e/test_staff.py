#!/usr/bin/env python3
"""End-to-end, the staff's side and what passers-by scan: a stick synced on the screen, a
stranger's stick refused, the hidden admin screen with its PIN, night hours, and QR codes
read back from real screenshots of the kiosk (Xvfb + ImageMagick's import + zbarimg)."""
import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Failure, Workspace, check, widget  # noqa: E402

SRC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(SRC, "tests", "sync", "data")
PAUSE = "wait 450"


def screens(frames):
    return [f["screen"] for f in frames]


def labels(frame):
    return " | ".join(w["label"] for w in frame["widgets"])


def write_config(ws, **settings):
    lines = ["%s = %s" % (k, v) for k, v in settings.items()]
    path = ws.path("vaermed.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def stick_env(ws):
    # The sticks folder is no mount point: the kiosk scans it on a timer; no real mounts.
    empty = ws.path("mounts")
    open(empty, "w").close()
    return {"VAERMED_MOUNTS": empty}


def listing(path):
    out = []
    for root, _dirs, files in os.walk(path):
        for f in files:
            full = os.path.join(root, f)
            out.append((os.path.relpath(full, path), os.path.getsize(full)))
    return sorted(out)


def test_staff_stick_syncs_on_screen():
    ws = Workspace("stick")
    stick = ws.path("sticks/usb1")
    os.makedirs(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"), estate_name="Solbakken")
    # On the office PC: the staff's key pair; its public half goes on the stick.
    made = ws.cli("staff-key", "new", "--stick", stick, db=False,
                  input="fire ord kun personalet kender\n" * 2)
    fingerprint = made.stdout.strip().split()[-1]
    # At the kiosk: the stick is authorised and the staff key taken from it.
    init = ws.cli("--config", conf, "stick", "init", stick)
    check(fingerprint in init.stdout, "stick init did not take the staff key %s: %s" %
          (fingerprint, init.stdout))
    # As staff save it from Danish Excel: semicolons, Windows-1252.
    shutil.copy(os.path.join(DATA, "program-cp1252.csv"), os.path.join(stick, "vaermed", "program.csv"))
    frames, cp = ws.kiosk(["wait 2500"], demo=False, extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    check("sync" in screens(frames), "no sync screen: %s" % screens(frames))
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done, "no summary screen: %s" % screens(frames))
    check("nye aktiviteter" in labels(done[-1]) and "Du kan nu tage den ud" in labels(done[-1]),
          "the summary is not in plain Danish: %s" % labels(done[-1]))
    listed = ws.cli("list").stdout
    check("Fællesspisning" in listed, "the program from the stick is not on the kiosk: %s" % listed)
    exports = [d for d in os.listdir(os.path.join(stick, "vaermed")) if d.startswith("kiosk-")]
    check(len(exports) == 1, "no export folder on the stick")
    out = os.path.join(stick, "vaermed", exports[0])
    for name in ["tilmeldinger.csv.vaermed", "statistik.csv", "ugeprogram.pdf", "log.txt",
                 "program-skabelon.csv"]:
        check(os.path.exists(os.path.join(out, name)), "the stick has no %s" % name)
    check(not os.path.exists(os.path.join(out, "tilmeldinger.csv")), "names left unsealed")
    # Back at the office: the staff open it with their passphrase, into the office's folder.
    office = ws.path("office")
    os.makedirs(office)
    opened = ws.cli("open-export", os.path.join(out, "tilmeldinger.csv.vaermed"), db=False,
                    input="fire ord kun personalet kender\n", cwd=office)
    check("tilmeldinger.csv" in opened.stdout, opened.stdout)
    with open(os.path.join(office, "tilmeldinger.csv"), "rb") as f:
        check(f.read(3) == b"\xef\xbb\xbf", "the sign-ups CSV has no BOM for Excel")


def test_strangers_stick_is_refused_and_untouched():
    ws = Workspace("stranger")
    stick = ws.path("sticks/found")
    os.makedirs(os.path.join(stick, "vaermed"))
    shutil.copy(os.path.join(DATA, "program-utf8bom.csv"), os.path.join(stick, "vaermed", "program.csv"))
    before = listing(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"))
    frames, cp = ws.kiosk(["wait 2000"], extra_args=["--config", conf], extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and "ikke en Vær med" in labels(done[-1]), "no calm refusal: %s" %
          [labels(f) for f in done])
    check(listing(stick) == before, "something was written to a stranger's stick")
    check("spis-2026-12-03" not in ws.cli("list").stdout, "a stranger's program was imported")


def hold_clock(seconds=6):
    return ["hold-id clock %d" % seconds]


def test_admin_screen_behind_the_pin():
    ws = Workspace("admin")
    conf = write_config(ws, staff_pin="2468")
    # The demo's banko has Karen; the staff cancel her sign-up from the screen.
    ws.kiosk([], extra_args=["--config", conf])
    rows = list(csv.DictReader(io.StringIO(ws.cli("signups", "demo-banko").stdout)))
    karen = [r for r in rows if r["name"] == "Karen" and r["status"] != "cancelled"]
    check(karen, "the demo has no Karen on banko: %s" % rows)
    script = hold_clock() + [PAUSE]
    script += ["tap-id digit:1", "tap-id digit:1", "tap-id digit:1", "tap-id digit:1",
               "tap-id confirm", PAUSE]
    script += ["tap-id digit:2", "tap-id digit:4", "tap-id digit:6", "tap-id digit:8",
               "tap-id confirm", PAUSE]
    script += ["tap-id admin-signups", PAUSE, "tap-id admin-activity:demo-banko", PAUSE,
               "tap-id admin-cancel:" + karen[0]["id"], PAUSE, "tap-id confirm", PAUSE]
    frames, cp = ws.kiosk(script, demo=False, extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    pins = [f for f in frames if f["screen"] == "admin-pin"]
    check(pins, "holding the clock did not open the PIN screen: %s" % screens(frames))
    check(any("ikke personalekoden" in labels(f).lower() or "not the staff code" in labels(f).lower()
              for f in pins), "a wrong PIN said nothing")
    admin = [f for f in frames if f["screen"] == "admin"]
    check(admin, "the right PIN did not open the admin screen: %s" % screens(frames))
    # Its facts are there in its very first frame, not a frame later.
    check("Sidste synkronisering" in labels(admin[0]) and "…" not in labels(admin[0]),
          "the first admin frame lacks its facts: %s" % labels(admin[0])[:400])
    # A clock set on purpose (VAERMED_NOW) is not called wrong.
    check("Ur: OK" in labels(admin[0]), "the clock status: %s" % labels(admin[0])[:600])
    check(any("Karen" in labels(f) for f in frames if f["screen"] == "admin-signups"),
          "the staff list does not show names")
    for f in frames:
        if not f["screen"].startswith("admin"):
            check("Karen" not in labels(f), "a name on the public screen %s" % f["screen"])
    rows = list(csv.DictReader(io.StringIO(ws.cli("signups", "demo-banko").stdout)))
    check([r["status"] for r in rows if r["id"] == karen[0]["id"]] == ["cancelled"],
          "the staff cancel did not reach the database")


def test_staff_forget_a_wrong_stick_time():
    """A kiosk counting from a wrong time a staff stick set (here a year ahead: the program
    looks empty) still opens the staff screen by a hold on the clock, and the staff forget
    that time there; the program comes back."""
    ws = Workspace("forgetclock")
    conf = write_config(ws, staff_pin="2468")
    ws.kiosk([], extra_args=["--config", conf])
    import sqlite3
    con = sqlite3.connect(ws.db)
    con.execute("INSERT OR REPLACE INTO facts (key, value) VALUES ('clock_floor', '2027-11-23T09:00:00Z')")
    con.commit()
    con.close()
    script = hold_clock() + [PAUSE]
    script += ["tap-id digit:2", "tap-id digit:4", "tap-id digit:6", "tap-id digit:8",
               "tap-id confirm", PAUSE, "tap-id admin-clock-reset", PAUSE, "tap-id confirm",
               PAUSE, "tap-id back", PAUSE]
    frames, cp = ws.kiosk(script, demo=False, size=(1280, 800), extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    admin = [f for f in frames if f["screen"] == "admin"]
    check(any("Glem USB-nøglens tid" in labels(f) for f in admin),
          "no way to forget the time on the staff screen: %s" % screens(frames))
    check(any(f["screen"] == "admin-confirm" and "2027" in labels(f) for f in frames),
          "no question before forgetting")
    check(any("Kiosken regner fra sit eget ur igen." in labels(f) for f in admin),
          "the staff are not told it is done")
    home = [f for f in frames if f["screen"] == "home"]
    ids = [w["id"] for w in home[-1]["widgets"]] if home else []
    check(home and "day:2026-11-23" in ids and "card:demo-morgenkaffe" in ids,
          "the program did not come back: %s" % labels(home[-1])[:300])
    check("Ingen personalenøgle har sat tiden." in ws.cli("clock").stdout, "the floor is kept")


def test_a_tap_on_the_clock_is_just_a_tap():
    ws = Workspace("clocktap")
    conf = write_config(ws, staff_pin="2468")
    frames, cp = ws.kiosk(["tap-id clock", PAUSE], extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    check("admin-pin" not in screens(frames), "a short tap on the clock opened the PIN screen")


def test_night_goes_dark_and_wakes():
    ws = Workspace("night")
    conf = write_config(ws, night="23:00-06:00")
    frames, cp = ws.kiosk(["advance 130", "wait 200", "tap 400 240", "wait 300"],
                          now="2026-11-23T22:30Z", extra_args=["--config", conf])  # 23:30 local
    check(cp.returncode == 0, cp.stderr[-2000:])
    names = screens(frames)
    check("night" in names, "the night never went dark: %s" % names)
    after = names[names.index("night") + 1:]
    check(after and after[0] == "home", "a touch at night did not wake it: %s" % names)


def decode_screenshot(png):
    cp = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", png], capture_output=True)
    return cp.stdout.decode("utf-8", "replace").rstrip("\n")


def test_qr_codes_decode_from_screenshots():
    """Detail screen and idle screen, photographed from a real X display."""
    ws = Workspace("qrshot")
    display = ":%d" % (600 + os.getpid() % 300)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "800x480x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        script = ws.path("script.txt")
        # (next week's: in the whole program, one tap from the week)
        fifo_lines = ["tap-id program", PAUSE, "tap-id card:demo-pigefodbold", PAUSE, "wait 1200",
                      "tap-id back", PAUSE, "tap-id back", PAUSE,
                      # "Hvem kan jeg spørge?": the first contact's number as a code to call
                      "tap-id contacts", PAUSE, "wait 1200", "tap-id back", PAUSE,
                      "advance 65", "wait 300", "advance 65", "wait 1500", "quit"]
        with open(script, "w") as f:
            f.write("\n".join(fifo_lines) + "\n")
        env = ws.env(extra={"DISPLAY": display, "VAERMED_UI_DUMP": ws.path("dump.jsonl"),
                            "VAERMED_UI_INPUT": script})
        env.pop("SDL_VIDEODRIVER")
        for _ in range(50):
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        app = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--demo", "--window", "800x480"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        shots = {}
        try:
            for screen in ["detail", "contacts", "idle"]:
                frames = wait_for(ws.path("dump.jsonl"), screen)
                time.sleep(0.3)
                png = ws.path(screen + ".png")
                subprocess.run(["import", "-window", "root", png], env=env, check=True)
                shots[screen] = (decode_screenshot(png), frames[-1])
        finally:
            app.wait(timeout=60)
    finally:
        xvfb.terminate()
        xvfb.wait()
    url = "https://example.org/tilmeld/fodbold-piger"
    check(shots["detail"][0] == url, "the detail screen's code reads %r" % shots["detail"][0])
    check(widget(shots["detail"][1], "qr") is not None, "no qr widget on the detail screen")
    check(shots["contacts"][0] == "tel:+4521436587",
          "the first contact's code reads %r" % shots["contacts"][0])
    check(widget(shots["contacts"][1], "emergency") is not None, "no 112 on the contacts screen")
    check(shots["idle"][0] != "", "the idle screen's code does not decode")
    check(widget(shots["idle"][1], "qr") is not None, "no qr widget on the idle screen")


def wait_for(path, screen, timeout=30):
    deadline = time.time() + timeout
    frames = []
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                frames = [kiosk.json.loads(l) for l in f if l.strip()]
            if frames and frames[-1]["screen"] == screen:
                return frames
        time.sleep(0.1)
    raise Failure("the kiosk never showed %s: %s" % (screen, screens(frames)))


def test_contacts_from_the_stick_on_screen():
    """kontakter.csv as Danish Excel saves it: synced, shown from home in one tap; a bad one
    is refused with the line and the column, and the kiosk keeps what it showed."""
    ws = Workspace("contacts")
    stick = ws.path("sticks/usb1")
    os.makedirs(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"))
    ws.cli("staff-key", "new", "--stick", stick, db=False,
           input="fire ord kun personalet kender\n" * 2)
    ws.cli("--config", conf, "stick", "init", stick)
    shutil.copy(os.path.join(DATA, "kontakter-cp1252.csv"),
                os.path.join(stick, "vaermed", "kontakter.csv"))
    shutil.copy(os.path.join(DATA, "hanne.png"), os.path.join(stick, "vaermed", "hanne.png"))
    frames, cp = ws.kiosk(["wait 2500", "tap-id ok", PAUSE, "tap-id contacts", PAUSE],
                          demo=False, extra_args=["--config", conf], extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [f for f in frames if f["screen"] == "sync-done"]
    check(done and "\"Hvem kan jeg spørge?\" viser nu 3 kontakter." in labels(done[-1]),
          "the summary does not say the contacts came: %s" % [labels(f) for f in done])
    home = [f for f in frames if f["screen"] == "home"]
    check(home and widget(home[-1], "contacts") is not None, "no way to the contacts from home")
    shown = [f for f in frames if f["screen"] == "contacts"]
    check(shown, "the contacts screen did not open: %s" % screens(frames))
    got = labels(shown[-1])
    check("Akut hjælp: ring 112" in got, "no emergency number: %s" % got)
    check("Hanne Jensen · Boligsocial medarbejder · +45 21 43 65 87 · Man.-tors. 9-15" in got,
          "the first contact is not as the staff wrote it: %s" % got)
    check(widget(shown[-1], "qr:0") is not None, "no code for the first number")
    # A bad file the next time: refused in plain Danish, the contacts stay.
    with open(os.path.join(stick, "vaermed", "kontakter.csv"), "w", encoding="utf-8") as f:
        f.write("Navn;Telefon\r\nHanne;ring til mig\r\n")
    out = ws.cli("--config", conf, "sync", stick)
    check("kontakter.csv blev ikke læst: linje 2, kolonne \"Telefon\"" in out.stdout + out.stderr,
          "the refusal does not say where: %s %s" % (out.stdout, out.stderr))
    os.rename(stick, ws.path("away"))  # the stick is out again
    frames, cp = ws.kiosk(["wait 500", "tap-id contacts", PAUSE], demo=False,
                          extra_args=["--config", conf], extra_env=stick_env(ws))
    shown = [f for f in frames if f["screen"] == "contacts"]
    check(shown and "Hanne Jensen · Boligsocial medarbejder · +45 21 43 65 87" in labels(shown[-1]),
          "the contacts were lost: %s %s" % (screens(frames), cp.stderr[-1500:]))


def test_tell_me_when_leaves_only_sealed():
    """"Sig til, når der sker noget": a resident leaves a first name and a phone number with
    the consent on the screen; the staff take it home sealed with the sign-ups and open it at
    the office; on the staff screen they delete it. (Its erasing after retention_days is
    tests/store/test_interests.c.)"""
    ws = Workspace("interest")
    stick = ws.path("sticks/usb1")
    os.makedirs(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"), staff_pin="2468", retention_days=30)
    ws.cli("staff-key", "new", "--stick", stick, db=False,
           input="fire ord kun personalet kender\n" * 2)
    ws.cli("--config", conf, "stick", "init", stick)
    away = ws.path("away")
    os.rename(stick, away)  # the stick waits in the office for now
    script = ["tap-id card:demo-faellesspisning-1", PAUSE,
              "tap-id interest", PAUSE, "text Birgitte", "tap-id next", PAUSE,
              "text 21436587", "tap-id next", PAUSE, "tap-id confirm", "wait 600"]
    frames, cp = ws.kiosk(script, size=(1920, 1080), extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    consent = [f for f in frames if f["screen"] == "interest-consent"]
    check(consent, "no consent screen: %s" % screens(frames))
    words = widget(consent[-1], "consent")["label"]
    check("Personalet gemmer dit fornavn og dit telefonnummer i højst 30 dage." in words and
          "Kun personalet kan se det" in words, "the consent is not in plain words: %s" % words)
    done = [f for f in frames if f["screen"] == "interest-done"]
    check(done and "Fællesspisning" in labels(done[-1]), "no thanks: %s" % screens(frames))
    check("Birgitte" not in labels(done[-1]), "the name is on the public screen")
    db = sqlite3.connect(ws.db)
    rows = db.execute("SELECT name, phone, category FROM interests").fetchall()
    db.close()
    check(rows == [("Birgitte", "21436587", "food")], "not stored as left: %r" % rows)
    # The stick comes: sealed with the sign-ups, nothing in the clear.
    os.rename(away, stick)
    ws.cli("--config", conf, "sync", stick)
    out = [os.path.join(stick, "vaermed", d) for d in os.listdir(os.path.join(stick, "vaermed"))
           if d.startswith("kiosk-")][0]
    sealed = os.path.join(out, "sig-til.csv.vaermed")
    check(os.path.exists(sealed), "no sig-til.csv.vaermed on the stick")
    for root, _d, files in os.walk(stick):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                data = f.read()
            check(b"21436587" not in data and b"Birgitte" not in data,
                  "the number or name is in the clear in %s" % name)
    office = ws.path("office")
    os.makedirs(office)
    ws.cli("open-export", sealed, db=False, input="fire ord kun personalet kender\n", cwd=office)
    with open(os.path.join(office, "sig-til.csv"), encoding="utf-8-sig") as f:
        opened = f.read()
    check("Birgitte;21436587" in opened, "the office cannot read it: %r" % opened[:300])
    # On the staff screen: the list behind the PIN, and a delete.
    os.rename(stick, away)
    hold = hold_clock() + [PAUSE, "tap-id digit:2", "tap-id digit:4", "tap-id digit:6",
                           "tap-id digit:8", "tap-id confirm", PAUSE,
            "tap-id admin-signups", PAUSE, "tap-id admin-interests", PAUSE]
    frames, cp = ws.kiosk(hold, size=(1920, 1080), extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    listed = [f for f in frames if f["screen"] == "admin-signups" and
              "Birgitte" in labels(f)]
    check(listed, "the staff do not see the wish: %s" % screens(frames))
    delete = [w["id"] for w in listed[-1]["widgets"] if w["id"].startswith("admin-delete-interest:")]
    check(len(delete) == 1, "no delete button: %s" % labels(listed[-1]))
    frames, cp = ws.kiosk(hold + ["tap-id " + delete[0], PAUSE, "tap-id confirm", "wait 600"],
                          size=(1920, 1080), extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    db = sqlite3.connect(ws.db)
    left = db.execute("SELECT count(*) FROM interests").fetchone()[0]
    db.close()
    check(left == 0, "the wish was not deleted")


def test_who_came_counts_without_names():
    """"Hvem kom?": behind the PIN the staff tick who came and count who came without
    signing up; the statistics on the stick say it per activity and per month, no names."""
    ws = Workspace("checkin")
    stick = ws.path("sticks/usb1")
    os.makedirs(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"), staff_pin="2468")
    ws.cli("--config", conf, "stick", "init", stick)
    away = ws.path("away")
    os.rename(stick, away)
    ws.kiosk([], extra_args=["--config", conf], extra_env=stick_env(ws))  # the demo
    rows = list(csv.DictReader(io.StringIO(ws.cli("signups", "demo-banko").stdout)))
    live = [r for r in rows if r["status"] != "cancelled"]
    check(live, "the demo's banko has no sign-ups")
    script = hold_clock() + [PAUSE, "tap-id digit:2", "tap-id digit:4", "tap-id digit:6",
                             "tap-id digit:8", "tap-id confirm", PAUSE,
                             "tap-id admin-signups", PAUSE, "tap-id admin-activity:demo-banko",
                             PAUSE, "tap-id admin-checkin", PAUSE,
                             "tap-id walkin-seniors+", PAUSE, "tap-id walkin-seniors+", PAUSE,
                             "tap-id walkin-children+", PAUSE,
                             "tap-id came:" + live[0]["id"], PAUSE]
    frames, cp = ws.kiosk(script, demo=False, size=(1920, 1080), extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    shown = [f for f in frames if f["screen"] == "admin-checkin"]
    check(shown, "no check-in screen: %s" % screens(frames))
    last = shown[-1]
    check(widget(last, "walkin-seniors")["label"] == "2" and
          widget(last, "walkin-children")["label"] == "1", "the counters: %s" % labels(last))
    check(widget(last, "came:" + live[0]["id"])["selected"], "the tick did not stay: %s %s" % (widget(last, "came:" + live[0]["id"]), cp.stderr[-800:]))
    os.rename(away, stick)
    ws.cli("--config", conf, "sync", stick)
    out = [os.path.join(stick, "vaermed", d) for d in os.listdir(os.path.join(stick, "vaermed"))
           if d.startswith("kiosk-")][0]
    with open(os.path.join(out, "statistik-maaned.csv"), encoding="utf-8-sig") as f:
        month = list(csv.DictReader(f, delimiter=";"))
    nov = [m for m in month if m["Måned"] == "2026-11"]
    check(nov and nov[0]["Uden tilmelding 65+"] == "2" and nov[0]["Uden tilmelding børn"] == "1"
          and int(nov[0]["Kom (tilmeldte)"]) >= 1, "the month's statistics: %r" % month)
    for name in ("statistik.csv", "statistik-maaned.csv"):
        with open(os.path.join(out, name), encoding="utf-8-sig") as f:
            text = f.read()
        check(live[0]["name"] not in text, "a name in %s" % name)


def test_what_do_you_miss_votes_once_a_day():
    """"Hvad savner du?": one tap on an idea is a vote, once per idea per day; a short
    wish; the votes go on the stick plain, the wishes sealed."""
    ws = Workspace("ideas")
    stick = ws.path("sticks/usb1")
    os.makedirs(stick)
    conf = write_config(ws, stick_root=ws.path("sticks"))
    ws.cli("staff-key", "new", "--stick", stick, db=False,
           input="fire ord kun personalet kender\n" * 2)
    ws.cli("--config", conf, "stick", "init", stick)
    away = ws.path("away")
    os.rename(stick, away)
    to_ideas = ["tap-id scroll-down", PAUSE] * 4 + ["tap-id ideas", PAUSE]
    script = to_ideas + ["tap-id idea:0", "wait 600", "tap-id back", PAUSE, "tap-id idea:0",
                         "wait 600", "tap-id back", PAUSE, "tap-id wish", PAUSE,
                         "text Mere musik", "tap-id next", "wait 600"]
    frames, cp = ws.kiosk(script, size=(1920, 1080), extra_args=["--config", conf],
                          extra_env=stick_env(ws))
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = [labels(f) for f in frames if f["screen"] == "ideas-done"]
    check(any("Tak for din stemme!" in d for d in done), "no thanks for the vote: %s" % done)
    check(any("kom igen i morgen" in d for d in done), "the second vote was not told: %s" % done)
    check(any("Personalet får det at se" in d or "Personalet læser det" in d for d in done),
          "no thanks for the wish: %s" % done)
    db = sqlite3.connect(ws.db)
    votes = db.execute("SELECT title, count(*) FROM idea_votes GROUP BY title").fetchall()
    wishes = db.execute("SELECT text FROM wishes").fetchall()
    db.close()
    check(votes == [("Yoga for begyndere", 1)], "the votes: %r" % votes)
    check(wishes == [("Mere musik",)], "the wishes: %r" % wishes)
    os.rename(away, stick)
    ws.cli("--config", conf, "sync", stick)
    out = [os.path.join(stick, "vaermed", d) for d in os.listdir(os.path.join(stick, "vaermed"))
           if d.startswith("kiosk-")][0]
    with open(os.path.join(out, "ideer-stemmer.csv"), encoding="utf-8-sig") as f:
        counted = f.read()
    check("Yoga for begyndere;sport;ja;1;" in counted, "the votes on the stick: %r" % counted)
    check(os.path.exists(os.path.join(out, "onsker.csv.vaermed")), "no sealed wishes")
    for root, _d, files in os.walk(stick):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                check(b"Mere musik" not in f.read(), "a wish in the clear in %s" % name)


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_staff_stick_syncs_on_screen,
        test_strangers_stick_is_refused_and_untouched,
        test_admin_screen_behind_the_pin,
        test_staff_forget_a_wrong_stick_time,
        test_a_tap_on_the_clock_is_just_a_tap,
        test_night_goes_dark_and_wakes,
        test_qr_codes_decode_from_screenshots,
        test_contacts_from_the_stick_on_screen,
        test_tell_me_when_leaves_only_sealed,
        test_who_came_counts_without_names,
        test_what_do_you_miss_votes_once_a_day,
    ]))
