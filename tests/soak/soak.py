#!/usr/bin/env python3
"""Soak (issue 6, item 7): the real kiosk with --demo lives through a simulated day on a fake
clock, under AddressSanitizer's leak checker, while its resident memory is sampled.

  soak             From 06:00 on a Monday, hour by hour (SOAK_HOURS, default 24): residents
                   browse cards, switch the language, join (with a code) and later cancel,
                   give up half-way (the idle reset wipes what they typed); staff put a stick
                   with the next program in and take it out again; between people the
                   minutes pass one `advance 60` at a time (the clock, the idle screen, its
                   moving content, the hourly reload); from 23:00 to 06:00 the night (config
                   `night = 23:00-06:00`): the screen goes dark, a touch wakes it, it goes
                   dark again, and the morning brings it back. The driver writes the script
                   through a FIFO and waits on the dump's frames. At the end: `quit`, exit 0
                   and no leak report; RSS (VmRSS of /proc/<pid>/status, sampled every
                   simulated hour) at the end no more than a generous margin above RSS after
                   the first hour; every sign-up made on screen is in the database (cancelled
                   where it was cancelled).
  soak_night_idle  A kiosk resting on its idle screen when the night begins goes dark by
                   itself (docs/screens.md: "no touch for night_wake_ms -> night").

SOAK_SEED replays a run (the seed is printed first). On failure the workspace is kept.
"""
import os
import random
import re
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "powerloss"))
import harness  # noqa: E402
from harness import HOME, Failure, Workspace, check, label  # noqa: E402

TRACE = os.environ.get("SOAK_TRACE") == "1"  # each step with the real and simulated time
START_UTC = 1795410000  # 2026-11-23T05:00Z: Monday 06:00 in Copenhagen (CET, UTC+1)
START = "2026-11-23T05:00Z"
PROGRAMS = ["program-utf8bom.csv", "program.ics", "program-comma.csv", "bundle.db"]
# The first sync comes in the first hour, so that RSS after it already holds what a sync
# loads once (fontconfig, cairo and pango for the week's PDF).
SYNC_HOURS = (6, 10, 14, 19)
# RSS at the end may exceed RSS after the first hour by this much before it counts as
# growth. The first day legitimately grows by some 30-40 MB under ASan: the renderer's text
# cache fills up to its bound (1024 textures: every minute has a new clock text) and the
# allocator keeps what it got. Measured over 96 simulated hours it then stays flat (within
# a few MB from one day's end to the next), so a run of two days or more also compares the
# end with the end of the first day, with a much smaller margin.
RSS_MARGIN_FRACTION = 0.5
RSS_MARGIN_KB = 24 * 1024
RSS_DAY_MARGIN_FRACTION = 0.1
RSS_DAY_MARGIN_KB = 8 * 1024


def local_hour(sim):
    return ((sim - START_UTC) // 3600 + 6) % 24


def is_night(hour):
    return hour >= 23 or hour < 6


class Soak:
    def __init__(self, binary, seed, hours):
        self.rng = random.Random(seed)
        self.hours = hours
        self.ws = Workspace(binary, "soak", config_lines=["night = 23:00-06:00"])
        self.out = self.ws.path("sticks-out")
        os.makedirs(self.out)
        self.stick_src = self.ws.path("stick-home")
        # `stick init` makes the database and trusts the stick; --demo then fills it.
        harness.make_stick(self.ws, self.stick_src, now=START)
        self.sim = START_UTC        # the kiosk's clock as far as the driver moved it
        self.names = 0
        self.joined = []            # (uid, name, code) made on screen, not cancelled
        self.cancelled = []         # (uid, name)
        self.syncs = 0
        self.rss = []               # (local time, kB)
        self.walls = []             # real seconds since the kiosk started, at each sample
        self.counts = dict(browse=0, language=0, joins=0, cancels=0, abandoned=0, syncs=0,
                           night_wakes=0, frames=0)

    # ---- driving

    def trace(self, what):
        if TRACE:
            print("soak: %6.2f s  %s  %s" % (time.monotonic() - self.k_started,
                                            time.strftime("%H:%M", time.gmtime(self.sim + 3600)),
                                            what), flush=True)

    def send(self, *lines, mark=True):
        """Sends lines; with `mark`, the next wait looks only at frames presented after."""
        self.trace(lines[0] + (" (+%d)" % (len(lines) - 1) if len(lines) > 1 else ""))
        for line in lines:
            if line.startswith("advance "):
                self.sim += int(line.split()[1])
        if mark:
            self.k.mark()
        self.k.send(*lines)

    def home(self):
        """Home from anywhere (a flow, the idle screen, the night, a sync message)."""
        self.send(*HOME)
        return self.k.wait_screen("home")

    def new_name(self):
        self.names += 1
        return harness.name_for(self.names, self.rng.choice(harness.ALPHABET[:26]))

    def open_activities(self):
        """Activities a resident can join now: (uid, household)."""
        con = harness.connect(self.ws.db, readonly=True)
        try:
            return con.execute(
                "SELECT uid, count_household FROM activities WHERE mode = 'open' AND "
                "cancelled = 0 AND start_utc > ? AND (deadline_utc = 0 OR deadline_utc > ?) "
                "ORDER BY uid", (self.sim + 3 * 3600, self.sim + 2 * 3600)).fetchall()
        finally:
            con.close()

    def browse(self):
        f = self.home()
        cards = [w for w in f["widgets"] if w["id"].startswith("card:")]
        check(cards, "the home screen shows no cards at %s" % label(f, "clock"))
        card = self.rng.choice(cards)
        title = card["label"].split(" \u00b7 ")[0]
        self.send("tap-id " + card["id"], "advance 1")
        self.k.wait_for(lambda fr: fr["screen"] == "detail" and
                        title in (label(fr, "title"), label(fr, "heading")),
                        "the detail of %s" % title)
        self.send("tap-id scroll-down", "advance 1", "tap-id back", "advance 1")
        self.k.wait_screen("home")
        self.counts["browse"] += 1

    def language(self):
        f = self.home()
        before = label(f, "lang")
        # the button says the language in use; its chooser has each language in its own name
        self.send("tap-id lang", "advance 1")
        chooser = self.k.wait_screen("language")
        other = [w["id"] for w in chooser["widgets"]
                 if w["id"].startswith("lang:") and w["label"] != before]
        self.send("tap-id " + self.rng.choice(other), "advance 1")
        self.k.wait_for(lambda fr: fr["screen"] == "home" and label(fr, "lang") != before,
                        "the other language")
        # Left in the other language: the idle reset must bring the default back.
        self.send("advance 61")
        self.k.wait_for(lambda fr: label(fr, "lang") == before or fr["screen"] == "idle",
                        "the default language back after the idle reset")
        self.counts["language"] += 1

    def join(self):
        targets = self.open_activities()
        if not targets:
            return
        uid, household = self.rng.choice(targets)
        name = self.new_name()
        code = "".join(self.rng.choice("0123456789") for _ in range(4))
        self.home()
        adults = 1 + self.rng.randint(0, 1) * household
        children = self.rng.randint(0, 1) * household
        self.send(*harness.join_lines(uid, name, household, adults, children, code)[len(HOME):])
        # The typed name is on this flow's screens only: the join-done after it is this one's.
        self.k.wait_for(lambda fr: fr["screen"] == "join-name" and label(fr, "name") == name,
                        "%s typed" % name)
        f = self.k.wait_screen("join-done")
        check(label(f, "result"), "join-done says nothing")
        self.joined.append((uid, name, code))
        self.counts["joins"] += 1

    def cancel(self):
        open_uids = {u for u, _ in self.open_activities()}
        mine = [j for j in self.joined if j[0] in open_uids]
        if not mine:
            return
        uid, name, code = mine[0]
        self.home()
        self.send(*harness.cancel_lines(uid, name, code)[len(HOME):])
        self.k.wait_for(lambda fr: fr["screen"] == "cancel-name" and label(fr, "name") == name,
                        "%s typed to cancel" % name)
        self.k.wait_screen("cancel-done")
        self.joined.remove((uid, name, code))
        self.cancelled.append((uid, name))
        self.counts["cancels"] += 1

    def abandon(self):
        """Someone starts to join, types a name and walks away."""
        targets = self.open_activities()
        if not targets:
            return
        uid, _ = self.rng.choice(targets)
        name = self.new_name()
        self.home()
        self.send("tap-id card:" + uid, "advance 1", "tap-id join", "advance 1",
                  *harness.type_name(name))
        self.k.wait_for(lambda f: f["screen"] == "join-name" and label(f, "name") == name,
                        "the typed name %s" % name)
        self.send("advance 61")
        f = self.k.wait_screen("home", "idle")
        # As a word: a short name like "Pr" is also the start of the estate's "Prøvehuset".
        typed = re.compile(r"\b%s\b" % re.escape(name))
        for w in f["widgets"]:
            check(not typed.search(w["label"]), "the abandoned name %s is still on screen" % name)
        self.counts["abandoned"] += 1

    def sync(self):
        """A staff member puts a stick with the next program in, waits, takes it out."""
        program = PROGRAMS[self.syncs % len(PROGRAMS)]
        self.syncs += 1
        name = "usb%d" % self.syncs  # a new stick each time: seen as new at once
        stick = os.path.join(self.ws.sticks, name)
        self.k.mark()
        shutil.copytree(self.stick_src, stick, ignore=shutil.ignore_patterns("kiosk-*"))
        harness.put_program(stick, program)
        # The kiosk looks at folders that are no mount points every 3 s (src/kiosk/sticks.c).
        f = self.k.wait_screen("sync-done", timeout=120)
        msg = label(f, "message") or ""
        shutil.move(stick, os.path.join(self.out, name))
        self.k.wait_for(lambda fr: fr["screen"] not in ("sync", "sync-done"),
                        "the kiosk back after the stick was taken out", timeout=120)
        exported = os.listdir(os.path.join(self.out, name, "vaermed"))
        check(any(e.startswith("kiosk-") for e in exported),
              "the sync of %s wrote nothing to the stick: %s" % (program, msg))
        self.counts["syncs"] += 1

    def kiosk_clock(self):
        """What the kiosk's clock shows now: where the driver moved it, plus the real time
        since it started (the fake clock runs on from VAERMED_NOW). November: CET, UTC+1."""
        t = self.sim + int(time.monotonic() - self.k_started) + 3600
        return t

    def minutes_until(self, target, wait_clock, mark=True):
        """Lets the minutes pass one at a time up to `target`; with wait_clock, waits until the
        kiosk's clock shows the last one (give or take the real time it takes to get there)."""
        n = max(0, -((self.sim - target) // 60))  # rounded up: the kiosk gets there
        if not n:
            return
        self.send(*["advance 60"] * n, mark=mark)
        if wait_clock:
            t = self.kiosk_clock()
            want = {time.strftime("%H:%M", time.gmtime(t + d)) for d in (-60, 0, 60, 120, 180)}
            self.k.wait_for(lambda fr: label(fr, "clock") in want, "the clock at %s" % sorted(want))

    def sample_rss(self):
        kb = harness.rss_kb(self.k.pid)
        check(kb is not None, "the kiosk is gone")
        self.rss.append((time.strftime("%H:%M", time.gmtime(self.sim + 3600)), kb))
        self.walls.append(time.monotonic() - self.k_started)

    # ---- the day

    def day_hour(self, hour, end):
        acts = [self.browse, self.language, self.browse, self.abandon]
        self.rng.shuffle(acts)
        acts = acts[:self.rng.randint(1, len(acts))] + [self.join]
        if hour % 2 == 0:
            acts.append(self.cancel)
        self.rng.shuffle(acts)
        for act in acts:
            act()
        if hour in SYNC_HOURS:
            self.sync()
        if hour == 22:
            # The last resident leaves as the night begins; a kiosk already resting on its
            # idle screen then is soak_night_idle's case.
            self.minutes_until(end - 2 * 60, wait_clock=True)
            self.join()
        self.minutes_until(end, wait_clock=True)

    def night_hour(self, hour, end):
        # Dark without a touch (night_wake_ms, 2 minutes, after the last one); a dark screen
        # is not redrawn, so one still dark from the hour before shows no new frame.
        self.k.dump.poll()
        if self.k.dump.frames[-1]["screen"] != "night":
            # No mark: the night may come while these lines are on their way, and it is
            # drawn once.
            self.minutes_until(min(end, self.sim + 5 * 60), wait_clock=False, mark=False)
            self.k.wait_screen("night")
        # Someone passes by: a touch wakes it, and it goes dark again by itself.
        self.send("tap-id wake", "advance 1")
        self.k.wait_for(lambda fr: fr["screen"] != "night", "the screen woken by a touch")
        self.counts["night_wakes"] += 1
        self.minutes_until(min(end, self.sim + 5 * 60), wait_clock=False)
        self.k.wait_screen("night")
        self.minutes_until(end, wait_clock=False)
        if hour == 5:
            self.k.wait_for(lambda fr: fr["screen"] != "night", "the morning")

    def run(self):
        t0 = time.monotonic()
        asan = os.environ.get("ASAN_OPTIONS", "")
        # ASan keeps freed blocks in quarantine (256 MB by default) to catch use after free;
        # a small quarantine keeps RSS about what the kiosk holds, so growth is visible.
        env = {"VAERMED_NOW": START, "ASAN_OPTIONS": (asan + ":" if asan else "") +
               "quarantine_size_mb=16:thread_local_quarantine_size_kb=256"}
        self.k = harness.Session(self.ws, "kiosk", demo=True, extra_env=env)
        self.k_started = time.monotonic()
        self.k.wait_screen("home")
        for h in range(self.hours):
            hour = (6 + h) % 24
            end = START_UTC + (h + 1) * 3600
            if is_night(hour):
                self.night_hour(hour, end)
            else:
                self.day_hour(hour, end)
            self.sample_rss()
        stderr = self.k.quit()
        self.counts["frames"] = len(self.k.dump.frames)
        self.check_database()
        self.check_rss()
        leaks = [ln for ln in stderr.splitlines() if "Leak" in ln]
        check(not leaks, "leak report: %s" % leaks)
        return time.monotonic() - t0

    def check_database(self):
        con = harness.connect(self.ws.db, readonly=True)
        try:
            rows = con.execute("SELECT a.uid, s.name, s.status FROM signups s "
                               "JOIN activities a ON a.id = s.activity_id").fetchall()
        finally:
            con.close()
        by_name = {}
        for uid, name, status in rows:
            by_name.setdefault(name, []).append((uid, status))
        for uid, name, _ in self.joined:
            got = by_name.get(name, [])
            check(len(got) == 1 and got[0][0] == uid and got[0][1] != "cancelled",
                  "%s's sign-up for %s is %s in the database" % (name, uid, got))
        for uid, name in self.cancelled:
            got = by_name.get(name, [])
            check(got == [(uid, "cancelled")], "%s cancelled %s, the database has %s" %
                  (name, uid, got))

    def check_rss(self):
        print("soak: RSS by simulated hour (kB): " +
              " ".join("%s=%d" % s for s in self.rss), flush=True)
        print("soak: real seconds at each sample: " + " ".join("%.0f" % w for w in self.walls),
              flush=True)
        if len(self.rss) < 3:
            return
        first, last = self.rss[0][1], self.rss[-1][1]
        limit = first * (1 + RSS_MARGIN_FRACTION) + RSS_MARGIN_KB
        check(last <= limit, "RSS grew from %d kB after the first hour to %d kB at the end "
              "(limit %d kB)" % (first, last, limit))
        if len(self.rss) >= 48:
            day = self.rss[23][1]
            limit = day * (1 + RSS_DAY_MARGIN_FRACTION) + RSS_DAY_MARGIN_KB
            check(last <= limit, "RSS grew from %d kB after the first day to %d kB at the end "
                  "(limit %d kB)" % (day, last, limit))


def night_idle(binary):
    """An untouched kiosk on its idle screen at 22:35 is dark (`night`) by 23:05."""
    ws = Workspace(binary, "soak-night-idle", config_lines=["night = 23:00-06:00"])
    k = harness.Session(ws, "kiosk", demo=True, extra_env={"VAERMED_NOW": "2026-11-23T21:30Z"})
    k.wait_screen("home")
    k.mark()
    k.send(*["advance 60"] * 5)
    k.wait_screen("idle")
    k.mark()
    k.send(*["advance 60"] * 30)  # 23:05: night_wake_ms (2 min) and more after 23:00
    # Dark: the night screen, drawn once. Still lit: the idle screen's clock reaches 23:05.
    f = k.wait_for(lambda fr: fr["screen"] == "night" or (label(fr, "clock") or "") >= "23:05",
                   "the night screen or 23:05")
    k.quit()
    check(f["screen"] == "night", "a kiosk resting on its idle screen when the night began "
          "is still lit at %s (screen %s)" % (label(f, "clock"), f["screen"]))
    shutil.rmtree(ws.dir, ignore_errors=True)


def main():
    args = sys.argv[1:]
    if len(args) != 3 or args[0] != "--bin" or args[2] not in ("soak", "soak_night_idle"):
        print("usage: soak.py --bin PATH/vaermed soak|soak_night_idle", file=sys.stderr)
        return 2
    if args[2] == "soak_night_idle":
        try:
            night_idle(args[1])
        except Failure as e:
            print("FAIL soak_night_idle: %s" % e)
            return 1
        print("soak_night_idle: ok")
        return 0
    hours = int(os.environ.get("SOAK_HOURS") or 24)
    seed_text = os.environ.get("SOAK_SEED")
    seed = int(seed_text) if seed_text else int.from_bytes(os.urandom(4), "little")
    print("soak: %d simulated hours, seed %d (replay with SOAK_SEED=%d)" % (hours, seed, seed),
          flush=True)
    s = None
    try:
        s = Soak(args[1], seed, hours)
        took = s.run()
    except Failure as e:
        print("FAIL soak at %s (simulated), seed %d: %s" %
              (time.strftime("%a %H:%M", time.gmtime((s.sim if s else START_UTC) + 3600)), seed, e),
              flush=True)
        if s:
            print("the workspace is kept: %s (kiosk.jsonl is the dump, kiosk.err its stderr)" %
                  s.ws.dir, flush=True)
            if s.rss:
                print("soak: RSS so far (kB): " + " ".join("%s=%d" % r for r in s.rss))
        return 1
    print("soak: %s" % s.counts)
    if os.environ.get("SOAK_KEEP") == "1":
        print("soak: the workspace is kept: %s" % s.ws.dir)
    else:
        shutil.rmtree(s.ws.dir, ignore_errors=True)
    print("soak: %d simulated hours in %.0f s, no leak, no growth, seed %d" % (hours, took, seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
