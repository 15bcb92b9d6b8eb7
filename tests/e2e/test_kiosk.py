#!/usr/bin/env python3
"""End-to-end: the real vaermed binary, headless, driven through VAERMED_UI_INPUT and read
back through VAERMED_UI_DUMP, plus the staff command line on the same database."""
import contextlib
import csv
import io
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Failure, Workspace, card_with, check, widget, widgets  # noqa: E402

SPISNING = "demo-faellesspisning-1"  # tomorrow 18:00, counts adults and children
PAUSE = "wait 450"  # a new screen ignores presses for a moment (double-tap guard)


def type_name(name):
    """Taps the on-screen keyboard for a name. The keyboard starts a name with a capital
    letter by itself; any other capital takes a shift."""
    lines = []
    for i, ch in enumerate(name):
        if (i == 0) != ch.isupper():
            lines += ["tap-id key:shift"]
        lines += ["tap-id key:space" if ch == " " else "tap-id key:" + ch.lower()]
    return lines


def signups(ws, uid=None):
    cp = ws.cli("signups", *( [uid] if uid else []))
    return list(csv.DictReader(io.StringIO(cp.stdout)))


def last(frames, screen=None):
    chosen = [f for f in frames if screen is None or f["screen"] == screen]
    check(chosen, "no frame of screen %s; screens: %s" % (screen, [f["screen"] for f in frames]))
    return chosen[-1]


def test_home_shows_the_program():
    ws = Workspace("home")
    frames, cp = ws.kiosk(["wait 200"])
    check(cp.returncode == 0, "kiosk exited %d: %s" % (cp.returncode, cp.stderr[-2000:]))
    first = frames[0]
    check(first["screen"] == "home", "first screen is %s" % first["screen"])
    cards = widgets(first, "card:")
    check(len(cards) >= 2, "only %d cards on the first screen" % len(cards))
    check(widget(first, "lang") is not None, "no language button")
    check(widget(first, "clock")["label"] == "10:00", "clock shows %s" % widget(first, "clock")["label"])
    # Names are never on a public screen.
    names = {row["name"] for row in signups(ws) if row["name"]}
    check(names, "the demo has sign-ups")
    for f in frames:
        for w in f["widgets"]:
            for n in names:
                check(n not in w["label"], "the name %s is on screen %s in %s" % (n, f["screen"], w["id"]))
    # The window of 800x480 holds every widget.
    for w in first["widgets"]:
        check(w["x"] >= 0 and w["y"] >= 0 and w["x"] + w["w"] <= 800 and w["y"] + w["h"] <= 480,
              "%s is outside the screen: %s" % (w["id"], w))


def test_detail_and_back():
    ws = Workspace("detail")
    frames, cp = ws.kiosk([
        "tap-id card:" + SPISNING, PAUSE, "tap-id back", PAUSE])
    check(cp.returncode == 0, cp.stderr[-2000:])
    detail = last(frames, "detail")
    check(widget(detail, "back") is not None, "no back button on the detail screen")
    check(widget(detail, "join") is not None, "no join button on the detail screen")
    check(any("Fællesspisning" in w["label"] for w in detail["widgets"]), "the title is missing")
    check(frames[-1]["screen"] == "home", "back did not go home: %s" % frames[-1]["screen"])


def join_script(name, adults=1, children=0, code=None, uid=SPISNING):
    lines = [PAUSE, "tap-id join", PAUSE] + type_name(name) + ["tap-id next", PAUSE]
    lines += ["tap-id adults+"] * (adults - 1) + ["tap-id children+"] * children
    if code:  # a code is one step further; without one the counts step confirms
        lines += ["tap-id more", PAUSE]
    if code:
        lines += ["tap-id digit:" + d for d in code]
    lines += ["tap-id confirm", PAUSE]
    return lines


def open_card(uid):
    """Opens a card; tap-id pages down the list until the card is on screen."""
    return ["tap-id card:" + uid]


def test_join_with_a_household():
    ws = Workspace("join")
    before = [r for r in signups(ws, None)] if os.path.exists(ws.db) else []
    frames, cp = ws.kiosk(open_card(SPISNING) + join_script("Mette", adults=2, children=1))
    check(cp.returncode == 0, cp.stderr[-2000:])
    done = last(frames)
    check(done["screen"] == "join-done", "ended on %s, not join-done" % done["screen"])
    check(any("tilmeldt" in w["label"].lower() or "signed up" in w["label"].lower()
              for w in done["widgets"]), "the confirmation does not say so")
    rows = [r for r in signups(ws, SPISNING) if r["name"] == "Mette"]
    check(len(rows) == 1, "expected one sign-up for Mette, got %s" % rows)
    check(rows[0]["adults"] == "2" and rows[0]["children"] == "1" and rows[0]["status"] == "confirmed",
          "stored %s" % rows[0])
    # The detail screen's places dropped by three heads.
    detail_before = [f for f in frames if f["screen"] == "detail"][0]
    check(detail_before is not None, "no detail frame")


def test_double_tap_on_confirm_makes_one_signup():
    ws = Workspace("double")
    script = open_card(SPISNING)
    script += join_script("Ib")[:-2] + ["tap-id confirm", "tap-id confirm", PAUSE]
    frames, cp = ws.kiosk(script)
    check(cp.returncode == 0, cp.stderr[-2000:])
    rows = [r for r in signups(ws, SPISNING) if r["name"] == "Ib"]
    check(len(rows) == 1, "a double tap made %d sign-ups" % len(rows))


def test_idle_reset_clears_the_typed_name():
    ws = Workspace("idle")
    script = open_card(SPISNING)
    script += [PAUSE, "tap-id join", PAUSE] + type_name("Hemmelig") + ["advance 61", "wait 100"]
    frames, cp = ws.kiosk(script)
    check(cp.returncode == 0, cp.stderr[-2000:])
    typed = [f for f in frames if f["screen"] == "join-name"]
    check(any("Hemmelig" in w["label"] for f in typed for w in f["widgets"]), "the name was not shown while typing")
    check(frames[-1]["screen"] == "home", "idle did not go home: %s" % frames[-1]["screen"])
    for w in frames[-1]["widgets"]:
        check("Hemmelig" not in w["label"], "the typed name stayed on screen")


def test_foreign_database_is_refused_and_untouched():
    ws = Workspace("foreign")
    con = sqlite3.connect(ws.db)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO recipes (name) VALUES ('æblekage')")
    con.commit()
    con.close()
    with open(ws.db, "rb") as f:
        before = f.read()
    frames, cp = ws.kiosk([], demo=True)
    check(cp.returncode != 0, "the kiosk accepted another application's database")
    check("database" in cp.stderr.lower() or "vær med" in cp.stderr.lower(),
          "no plain message on stderr: %r" % cp.stderr[-500:])
    cp2 = ws.cli("list", check_ok=False)
    check(cp2.returncode != 0 and cp2.stderr, "list accepted the foreign database")
    with open(ws.db, "rb") as f:
        check(f.read() == before, "the foreign database was changed")
    check(not os.path.exists(ws.db + "-wal"), "a WAL file was left beside the foreign database")


def test_staff_command_line():
    ws = Workspace("cli")
    # The kiosk makes and fills the database once.
    frames, cp = ws.kiosk([])
    check(cp.returncode == 0, cp.stderr[-2000:])
    listing = ws.cli("list").stdout.splitlines()
    check(len(listing) >= 15, "list shows only %d activities" % len(listing))
    check(any(line.startswith(SPISNING + "\t") for line in listing), "fællesspisning not listed")
    out = ws.cli("join", SPISNING, "--name", "Aisha", "--adults", "2", "--children", "3").stdout
    sid = out.split("\t")[0]
    rows = [r for r in signups(ws, SPISNING) if r["id"] == sid]
    check(len(rows) == 1 and rows[0]["children"] == "3", "the phoned-in sign-up is not stored: %s" % rows)
    ws.cli("cancel", sid)
    rows = [r for r in signups(ws, SPISNING) if r["id"] == sid]
    check(rows[0]["status"] == "cancelled", "cancel did not cancel: %s" % rows)
    bad = ws.cli("join", SPISNING, "--name", "   ", check_ok=False)
    check(bad.returncode != 0 and bad.stderr.strip(), "an empty name was accepted")
    bad = ws.cli("join", "no-such-activity", "--name", "Bo", check_ok=False)
    check(bad.returncode != 0 and "activity" in bad.stderr.lower(), "an unknown uid: %r" % bad.stderr)
    bad = ws.cli("join", SPISNING, "--name", "Bo", "--adults", "many", check_ok=False)
    check(bad.returncode == 2, "a bad number was accepted")


@contextlib.contextmanager
def x_screen(ws, size, extra=None):
    """A private Xvfb screen of `size` with no window manager on it, as `xinit vaermed`
    gives a kiosk; yields the environment that draws on it."""
    display = ":%d" % (300 + (os.getpid() + sum(map(ord, size))) % 300)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", size + "x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = ws.env(extra=dict(extra or {}, DISPLAY=display))
        env.pop("SDL_VIDEODRIVER")
        for _ in range(50):
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        yield env
    finally:
        xvfb.terminate()
        xvfb.wait()


def kiosk_window(env):
    wid = subprocess.run(["xdotool", "search", "--name", "med$"], env=env,
                         capture_output=True, text=True).stdout.split()
    check(wid, "no kiosk window on the X display")
    return wid[0]


def test_real_mouse_clicks_under_xvfb():
    """The same tap through X11 and SDL's mouse events, not through automation."""
    ws = Workspace("xvfb")
    with x_screen(ws, "800x480", {"VAERMED_UI_DUMP": ws.path("dump.jsonl")}) as env:
        app = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--demo", "--window", "800x480"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            frames = wait_frames(ws.path("dump.jsonl"), lambda fs: fs and fs[-1]["screen"] == "home")
            card = widgets(frames[-1], "card:")[0]
            wid = kiosk_window(env)
            x, y = card["x"] + card["w"] // 2, card["y"] + card["h"] // 2
            subprocess.run(["xdotool", "mousemove", "--window", wid, str(x), str(y),
                            "click", "1"], env=env, check=True)
            frames = wait_frames(ws.path("dump.jsonl"),
                                 lambda fs: any(f["screen"] == "detail" for f in fs))
            check(frames[-1]["screen"] == "detail", "a click on the card did not open it")
        finally:
            app.terminate()
            app.wait(timeout=20)


def test_fullscreen_fills_an_x_screen_without_a_window_manager():
    """--fullscreen where no window manager grants it (xinit, a screen not 800x480): the
    window is the screen's size, the layout is the window's, and a tap in the far corner
    lands on what is drawn there."""
    ws = Workspace("xvfb-fullscreen")
    with x_screen(ws, "1024x600", {"VAERMED_UI_DUMP": ws.path("dump.jsonl")}) as env:
        app = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--demo", "--fullscreen"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            frames = wait_frames(ws.path("dump.jsonl"), lambda fs: fs and fs[-1]["screen"] == "home")
            home = frames[-1]
            check((home["width"], home["height"]) == (1024, 600),
                  "laid out for %dx%d on a 1024x600 screen" % (home["width"], home["height"]))
            geometry = subprocess.run(["xdotool", "getwindowgeometry", kiosk_window(env)],
                                      env=env, capture_output=True, text=True).stdout
            check("Geometry: 1024x600" in geometry,
                  "the kiosk's window does not fill the 1024x600 screen: %s" % geometry.strip())
            # the card nearest the bottom right corner, tapped where it is on the screen
            card = max(widgets(home, "card:"), key=lambda w: (w["y"] + w["h"], w["x"] + w["w"]))
            title = card["label"].split(" · ")[0]
            x, y = card["x"] + card["w"] // 2, card["y"] + card["h"] // 2
            subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=env,
                           check=True)
            frames = wait_frames(ws.path("dump.jsonl"),
                                 lambda fs: any(f["screen"] == "detail" for f in fs))
            check(any(title in w["label"] for w in frames[-1]["widgets"]),
                  "a tap on %s at %d,%d opened another activity" % (title, x, y))
        finally:
            app.terminate()
            app.wait(timeout=20)


def test_idle_kiosk_sleeps_and_stops_on_sigterm():
    """The loop blocks until there is something to do: five seconds at rest are a handful of
    wake-ups, not thousands (SDL's dummy and KMSDRM drivers cannot wait by themselves), and
    SIGTERM from systemd ends it cleanly."""
    ws = Workspace("sleep")
    stats = ws.path("stats.json")
    env = ws.env(extra={"VAERMED_STATS": stats, "VAERMED_UI_DUMP": ws.path("dump.jsonl")})
    app = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--demo"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_frames(ws.path("dump.jsonl"), lambda fs: len(fs) >= 1)
    time.sleep(0.5)
    before = context_switches(app.pid)
    time.sleep(5)
    woke = context_switches(app.pid) - before
    app.terminate()
    out, err = app.communicate(timeout=30)
    check(app.returncode == 0, "SIGTERM did not end the kiosk cleanly: %d %s" % (app.returncode, err[-1000:]))
    with open(stats) as f:
        st = kiosk.json.loads(f.readline())
    check(st["wakeups"] <= 5, "an idle kiosk woke %d times in 5 s" % st["wakeups"])
    # The main thread's sleeps: polling every millisecond would be thousands.
    check(woke < 100, "the main thread woke %d times in 5 s at rest" % woke)
    check(st["frames"] <= 2, "an idle kiosk drew %d frames" % st["frames"])


def test_a_phone_in_shows_on_the_running_kiosk():
    """A sign-up entered with `vaermed join` while the kiosk runs (a phone call to the
    office) changes what the screen says without a tap and without the hourly reload, and
    so does a cancellation; the kiosk draws nothing while nothing changes."""
    ws = Workspace("reload")
    dump = ws.path("dump.jsonl")
    script = ws.path("script.txt")
    with open(script, "w", encoding="utf-8") as f:
        # The activity's page; the script then waits while the office takes phone calls.
        f.write("\n".join(open_card(SPISNING) + ["wait 500"] * 120 + ["quit"]) + "\n")
    env = ws.env(extra={"VAERMED_UI_DUMP": dump, "VAERMED_UI_INPUT": script})
    app = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--demo"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def join_label(frame):
        w = widget(frame, "join")
        return w["label"] if w else None

    done = False
    try:
        frames = wait_frames(dump, lambda fs: fs and fs[-1]["screen"] == "detail")
        time.sleep(0.5)
        frames = wait_frames(dump, lambda fs: fs[-1]["screen"] == "detail")
        before = join_label(frames[-1])
        check(before, "no join button on the activity's page")
        # The demo's fællesspisning has places left; a household of twenty fills them.
        free = [r for r in signups(ws, SPISNING) if r["status"] != "cancelled" and not r["task_id"]]
        left = 40 - sum(int(r["adults"]) + int(r["children"]) for r in free)
        check(0 < left <= 20, "the demo's fællesspisning has %d places left" % left)
        n_frames = len(frames)
        cp = ws.cli("join", SPISNING, "--name", "Telefon", "--adults", str(left))
        signup_id = cp.stdout.split()[0]
        frames = wait_frames(dump, lambda fs: len(fs) > n_frames and
                             join_label(fs[-1]) != before, timeout=20)
        full = join_label(frames[-1])
        check(frames[-1]["screen"] == "detail", "the kiosk left the page: %s" % frames[-1]["screen"])
        check("vente" in full.lower(), "a full activity's button says %r" % full)
        # The office cancels it again: the places are free on the screen.
        n_frames = len(frames)
        ws.cli("cancel", signup_id)
        frames = wait_frames(dump, lambda fs: len(fs) > n_frames and
                             join_label(fs[-1]) == before, timeout=20)
        shown = len(frames)
        time.sleep(1)
        done = True
    finally:
        app.terminate()
        out, err = app.communicate(timeout=30)
        if not done:
            sys.stderr.write("the kiosk said:\n" + err[-3000:])
    check(app.returncode == 0, "the kiosk did not end cleanly: %d %s" % (app.returncode, err[-1000:]))
    with open(dump, encoding="utf-8") as f:
        total = sum(1 for l in f if l.strip())
    check(total == shown, "the kiosk drew %d frames after the last change" % (total - shown))


def context_switches(pid):
    with open("/proc/%d/task/%d/status" % (pid, pid)) as f:
        for line in f:
            if line.startswith("voluntary_ctxt_switches"):
                return int(line.split()[1])
    raise Failure("no context switch count for %d" % pid)


def wait_frames(path, ready, timeout=20):
    deadline = time.time() + timeout
    frames = []
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                frames = [kiosk.json.loads(l) for l in f if l.strip()]
            if ready(frames):
                return frames
        time.sleep(0.1)
    raise Failure("the kiosk did not get there in %ds; screens: %s" %
                  (timeout, [f["screen"] for f in frames]))


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_home_shows_the_program,
        test_detail_and_back,
        test_join_with_a_household,
        test_double_tap_on_confirm_makes_one_signup,
        test_idle_reset_clears_the_typed_name,
        test_foreign_database_is_refused_and_untouched,
        test_staff_command_line,
        test_real_mouse_clicks_under_xvfb,
        test_fullscreen_fills_an_x_screen_without_a_window_manager,
        test_idle_kiosk_sleeps_and_stops_on_sigterm,
        test_a_phone_in_shows_on_the_running_kiosk,
    ]))
