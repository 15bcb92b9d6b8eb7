#!/usr/bin/env python3
"""Power loss during the kiosk's very first start, when it creates its database.

  first_start  A new kiosk whose config already accepts the staff stick (a `stick_key` line)
               starts with the stick in: it creates the database and imports the program.
               The power is cut at a random moment. The files as the cut left them pass
               integrity_check and hold no program or the whole program; the kiosk then
               starts again (stick out) and shows its home screen, and with the stick in
               again ends with the whole program.
  demo         `vaermed --demo` on a new database, cut at a random moment, started again
               with --demo: it must show the whole demo program (every activity and demo
               sign-up a clean start makes), not the part written before the cut.

POWERLOSS_RUNS sets the number of cuts (default 15 here); POWERLOSS_SEED replays one.
"""
import os
import random
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Failure, Workspace, check  # noqa: E402
from powerloss import program_state  # noqa: E402

DEFAULT_RUNS = 15


def has_program_tables(db):
    if not os.path.exists(db) or os.path.getsize(db) == 0:
        return False
    con = harness.connect(db)
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'activities'"
                           ).fetchone()[0] == 1
    finally:
        con.close()


def demo_content(db):
    con = harness.connect(db)
    try:
        acts = con.execute("SELECT uid, title, start_utc, cancelled FROM activities ORDER BY uid"
                           ).fetchall()
        signups = con.execute("SELECT id, name, status FROM signups ORDER BY id").fetchall()
        return acts, signups
    finally:
        con.close()


class FirstStart:
    def __init__(self, binary, mode, rng):
        self.mode = mode
        self.rng = rng
        self.binary = binary
        # The stick and its key, made once with a scratch database; the kiosk's config
        # accepts the key by its hash, as on a kiosk installed with the stick_key line.
        self.home = Workspace(binary, "firststart-" + mode)
        self.stick = self.home.path("stick")
        os.makedirs(os.path.join(self.stick, "vaermed"))
        cp = self.home.cli("stick", "init", self.stick)
        harness.put_program(self.stick, "program-utf8bom.csv")
        self.key_line = [ln for ln in cp.stdout.splitlines() if ln.startswith("stick_key")][0]
        self.reference = None
        self.clean_time = None

    def fresh(self, name):
        ws = Workspace(self.binary, name, config_lines=[self.key_line])
        ws.dir_stick = os.path.join(ws.sticks, "usb")
        if self.mode == "first_start":
            shutil.copytree(self.stick, ws.dir_stick,
                            ignore=shutil.ignore_patterns("kiosk-*"))
        return ws

    def start(self, ws, tag, lines=("quit",)):
        dump = ws.path(tag + ".jsonl")
        if os.path.exists(dump):
            os.remove(dump)
        script = ws.path(tag + ".txt")
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        return ws.spawn_kiosk(ws.path(tag), dump, script, demo=self.mode == "demo"), dump

    def wait_started(self, ws, proc, dump_path, what):
        rc = proc.wait()
        err = proc.err()
        check(harness.sanitizer_report(err) is None, "%s: %s" % (what, harness.sanitizer_report(err)))
        check(rc == 0, "%s: the kiosk exited %s: %s" % (what, rc, err[-2000:]))
        dump = harness.Dump(dump_path)
        dump.poll()
        check(any(f["screen"] == "home" for f in dump.frames),
              "%s: no home screen, only %s" % (what, [f["screen"] for f in dump.frames]))
        return dump

    def content(self, db):
        return demo_content(db) if self.mode == "demo" else program_state(db)

    def calibrate(self):
        ws = self.fresh("firststart-ref-" + self.mode)
        t0 = time.monotonic()
        self.clean_start(ws, "clean")
        self.clean_time = time.monotonic() - t0
        self.reference = self.content(ws.db)
        check(self.reference[0], "a clean first start shows no program")
        shutil.rmtree(ws.dir, ignore_errors=True)

    def clean_start(self, ws, tag):
        """A start to the end: the home screen, and with a stick in, its sync done."""
        k = harness.Session(ws, tag, demo=self.mode == "demo")
        k.wait_for(lambda f: f["screen"] == "home", "the home screen")
        if self.mode == "first_start" and os.path.exists(ws.dir_stick):
            k.wait_for(lambda f: f["screen"] == "sync-done", "the end of the stick's sync")
        k.quit()

    def cut_once(self, n):
        ws = self.fresh("firststart-cut-" + self.mode)
        # Long enough to be cut: the kiosk never gets to quit by itself.
        proc, _ = self.start(ws, "cut", ["wait 60000", "quit"])
        time.sleep(self.rng.uniform(0, self.clean_time * 1.1))
        proc.kill()
        proc.wait()
        rep = harness.sanitizer_report(proc.err())
        check(rep is None, "before the cut: %s" % rep)
        if os.path.exists(ws.db):
            copy = harness.copy_db(ws.db, ws.path("crash"))
            if os.path.getsize(copy) > 0 or os.path.exists(copy + "-wal"):
                problems = harness.integrity(copy)
                check(not problems, "integrity_check after the cut: %s" % problems[:10])
            if self.mode == "first_start" and has_program_tables(copy):
                state = program_state(copy)
                check(not state[0] or state == self.reference,
                      "the first import is half done after the cut: %d of %d activities" %
                      (len(state[0]), len(self.reference[0])))
        if self.mode == "first_start":
            os.rename(ws.dir_stick, ws.path("usb-out"))
        proc, dump = self.start(ws, "restart")
        self.wait_started(ws, proc, dump, "the start after the cut")
        if self.mode == "first_start":
            os.rename(ws.path("usb-out"), ws.dir_stick)
            self.clean_start(ws, "again")
        got = self.content(ws.db)
        if got != self.reference:
            raise Failure("after a cut during the first start and a new start, the %s is not "
                          "whole: %d activities and %d sign-ups, where a clean start has %d and "
                          "%d" % ("demo program" if self.mode == "demo" else "program",
                                  len(got[0]), len(got[1]), len(self.reference[0]),
                                  len(self.reference[1])))
        shutil.rmtree(ws.dir, ignore_errors=True)


def main():
    args = sys.argv[1:]
    if len(args) != 3 or args[0] != "--bin" or args[2] not in ("first_start", "demo"):
        print("usage: first_start.py --bin PATH/vaermed first_start|demo", file=sys.stderr)
        return 2
    mode = args[2]
    runs = int(os.environ.get("POWERLOSS_RUNS") or DEFAULT_RUNS)
    seed_text = os.environ.get("POWERLOSS_SEED")
    seed = int(seed_text) if seed_text else int.from_bytes(os.urandom(4), "little")
    print("%s: %d cuts, seed %d (replay with POWERLOSS_SEED=%d)" % (mode, runs, seed, seed),
          flush=True)
    t0 = time.monotonic()
    fs = None
    n = 0
    try:
        fs = FirstStart(args[1], mode, random.Random(seed))
        fs.calibrate()
        for n in range(1, runs + 1):
            fs.cut_once(n)
    except Failure as e:
        print("FAIL %s: cut %d of %d, seed %d: %s" % (mode, n, runs, seed, e), flush=True)
        return 1
    shutil.rmtree(fs.home.dir, ignore_errors=True)
    print("%s: %d/%d cuts survived in %.0f s, seed %d" %
          (mode, runs, runs, time.monotonic() - t0, seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
