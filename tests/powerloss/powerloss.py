#!/usr/bin/env python3
"""Power loss (issue 6, item 6): the kiosk and the staff's commands are killed with SIGKILL at
random moments, hundreds of times, and after each cut the database must be whole, every
confirmed sign-up must be there, no program may be half imported, and the kiosk must start
again on the same database.

Each run is one power cut. Before it, a random mix is started on one database:
  - the kiosk, driven through join flows by its automation script (VAERMED_UI_INPUT); a
    sign-up counts as confirmed when a join-done screen appears in its dump, and the dump
    says which name was typed for which activity;
  - up to three `vaermed join` processes; a sign-up counts as confirmed when the process
    exits 0 with the sign-up's id;
  - an import of the next program file in a rotation of real staff files (tests/sync/data:
    Excel CSV, iCalendar, comma CSV, a bundle), either by `vaermed sync STICK` or by the kiosk
    itself noticing a stick in its stick_root when it starts.
Then everything still running is killed at once, either at a random moment or a few
milliseconds after the kiosk showed the last screen before a confirm. Afterwards:
  1. `PRAGMA integrity_check` and `foreign_key_check` pass on a copy of the files exactly as
     the cut left them;
  2. the kiosk starts on the database (recovering it) and shows its home screen;
  3. every sign-up ever confirmed in the whole test is in the database, once, with its name
     and activity; no activity has more confirmed heads than places;
  4. the program (every activity's content and helper tasks) is exactly the one before the
     import or exactly what a clean import of the new file gives from there;
  5. the files a sync wrote to the stick are whole (or the old ones).

POWERLOSS_RUNS sets the number of cuts (default 80); POWERLOSS_SEED replays a run's random
choices (the seed is printed first; how far each process got when the power went still
depends on the machine's timing). On failure the workspace is kept and named.
"""
import csv
import hashlib
import io
import os
import random
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Failure, Workspace, check  # noqa: E402

DEFAULT_RUNS = 80
PROGRAMS = ["program-utf8bom.csv", "program.ics", "program-comma.csv", "bundle.db"]
NOW_UTC = 1795424400  # harness.NOW as UTC seconds
ACT_COLS = ("uid, title, description, category, place, host, host_phone, price, audience, "
            "start_utc, end_utc, mode, capacity, deadline_utc, count_household, badges, "
            "signup_url, cancelled")


def program_state(db):
    """Everything an import decides: every activity's content and its helper tasks (not the
    row ids and the created/updated times, which depend on when the import ran)."""
    con = harness.connect(db)
    try:
        acts = con.execute("SELECT %s FROM activities ORDER BY uid" % ACT_COLS).fetchall()
        tasks = con.execute(
            "SELECT a.uid, t.title, t.minutes, t.slots, t.position, t.retired FROM helper_tasks t "
            "JOIN activities a ON a.id = t.activity_id ORDER BY a.uid, t.title").fetchall()
        return (tuple(acts), tuple(tasks))
    finally:
        con.close()


def state_key(state):
    return hashlib.sha256(repr(state).encode()).hexdigest()


def joinable(state):
    """Activities of the current program a resident can join: (uid, title, household)."""
    out = []
    for row in state[0]:
        uid, title, mode, deadline, household, cancelled, start = (
            row[0], row[1], row[11], row[13], row[14], row[17], row[9])
        if mode == "open" and not cancelled and start > NOW_UTC + 6 * 3600 and \
                (deadline == 0 or deadline > NOW_UTC + 6 * 3600):
            out.append((uid, title, bool(household)))
    return out


def describe(state):
    return sorted((r[0], r[1]) for r in state[0] if not r[17] and r[9] > NOW_UTC)


def check_stick_exports(stick):
    """The files a sync wrote to the stick are whole: the old ones or the new ones."""
    base = os.path.join(stick, "vaermed")
    for entry in os.listdir(base):
        kdir = os.path.join(base, entry)
        if not entry.startswith("kiosk-") or not os.path.isdir(kdir):
            continue
        for name in os.listdir(kdir):
            path = os.path.join(kdir, name)
            if name.startswith("."):
                continue  # a temporary file a cut left behind; the next sync replaces it
            with open(path, "rb") as f:
                data = f.read()
            if name.endswith(".csv"):
                check(data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n"),
                      "%s is cut short (%d bytes)" % (path, len(data)))
                rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))
                check(rows and all(len(r) == len(rows[0]) for r in rows),
                      "%s has rows of different lengths" % path)
            elif name.endswith(".pdf"):
                check(data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"),
                      "%s is not a whole PDF (%d bytes)" % (path, len(data)))
            elif name.endswith(".db"):
                copy = harness.copy_db(path, os.path.join(stick, "..", "snapshot-check"))
                problems = harness.integrity(copy)
                check(not problems, "the snapshot %s is damaged: %s" % (path, problems[:5]))
            elif name == "log.txt":
                check(data.endswith(b"\n"), "log.txt is cut short")


class PowerLoss:
    def __init__(self, binary, runs, seed):
        self.runs = runs
        self.seed = seed
        self.rng = random.Random(seed)
        self.ws = Workspace(binary, "powerloss")
        ws = self.ws
        self.cli_stick = ws.path("stick-cli")
        self.usb_out = ws.path("stick-usb")          # the kiosk's stick while it is "out"
        self.usb_in = os.path.join(ws.sticks, "usb")  # ... and while it is "in"
        self.ref_stick = ws.path("stick-ref")
        harness.make_stick(ws, self.cli_stick)  # creates the database
        harness.make_stick(ws, self.usb_out)
        os.makedirs(os.path.join(self.ref_stick, "vaermed"))
        shutil.copyfile(os.path.join(self.cli_stick, "vaermed", "vaermed.key"),
                        os.path.join(self.ref_stick, "vaermed", "vaermed.key"))
        self.logs = ws.path("logs")
        os.makedirs(self.logs)
        self.names = 0
        self.confirmed_cli = {}     # sign-up id -> (uid, name)
        self.confirmed_screen = {}  # name -> (uid, title)
        self.refusals = {}          # why `vaermed join` said no -> how often
        self.expected = {}          # (state key, program) -> state after a clean import
        self.stats = dict(cuts=0, killed_kiosk=0, killed_join=0, killed_sync=0,
                          joins_cli=0, joins_screen=0, imports=0, imports_kept_old=0,
                          refused_joins=0)
        harness.put_program(self.cli_stick, PROGRAMS[0])
        ws.cli("sync", self.cli_stick)
        self.current = 0
        self.state = program_state(ws.db)

    def new_name(self):
        self.names += 1
        return harness.name_for(self.names, self.rng.choice(harness.ALPHABET[:26]))

    # ---- one cut

    def plan(self):
        r = self.rng
        targets = joinable(self.state)
        import_kind = r.choices(["none", "cli", "kiosk"], [3, 4, 3])[0]
        with_kiosk = import_kind == "kiosk" or r.random() < 0.8
        flows = []
        if with_kiosk and targets:
            for _ in range(r.randint(1, 3)):
                uid, title, household = r.choice(targets)
                flows.append((uid, title, household, self.new_name(),
                              r.randint(1, 2) if household else 1,
                              r.randint(0, 1) if household else 0))
        joins = []
        if targets:
            for _ in range(r.randint(0, 3)):
                uid, title, household = r.choice(targets)
                joins.append((uid, self.new_name(), r.randint(1, 3) if household else 1,
                              r.randint(0, 2) if household else 0))
        # A third of the cuts come right after a chosen screen instead of at a random time:
        # a few milliseconds after the last screen before a confirm, or after the n-th
        # progress frame of the kiosk's own import (check, read, store, export...).
        trigger = None
        if import_kind == "kiosk" and r.random() < 0.4:
            trigger = ("sync", r.randint(1, 4), False)
        elif flows and r.random() < 0.35:
            trigger = ("join-extra", r.randint(1, len(flows)), True)
        return dict(kiosk=with_kiosk, flows=flows, joins=joins, import_kind=import_kind,
                    program=(self.current + 1) % len(PROGRAMS), trigger=trigger)

    def run_one(self, n):
        ws, r = self.ws, self.rng
        p = self.plan()
        before = self.state
        pre_db = None
        if p["import_kind"] != "none":
            pre_db = harness.copy_db(ws.db, ws.path("pre"))
            stick = self.usb_out if p["import_kind"] == "kiosk" else self.cli_stick
            harness.put_program(stick, PROGRAMS[p["program"]])
        if p["import_kind"] == "kiosk":
            os.rename(self.usb_out, self.usb_in)

        horizon = self.kiosk_time * (0.6 + 0.4 * len(p["flows"]))
        if p["import_kind"] == "kiosk":
            horizon = max(horizon, self.import_time * 1.2)
        starts = []  # (time, kind, payload)
        if p["kiosk"]:
            starts.append((0.0, "kiosk", None))
        if p["import_kind"] == "cli":
            starts.append((r.uniform(0, horizon * 0.7), "sync", None))
        for j in p["joins"]:
            starts.append((r.uniform(0, horizon), "join", j))
        starts.sort(key=lambda s: s[0])
        cut_at = r.uniform(0, horizon * 1.1)

        dump_path = os.path.join(self.logs, "dump.jsonl")
        if os.path.exists(dump_path):
            os.remove(dump_path)
        script = os.path.join(self.logs, "script.txt")
        with open(script, "w", encoding="utf-8") as f:
            for (uid, _, household, name, adults, children) in p["flows"]:
                f.write("\n".join(harness.join_lines(uid, name, household, adults, children)) + "\n")
            if p["import_kind"] == "kiosk":
                f.write("wait 3000\n")  # the stick is synced before the kiosk quits
            f.write("quit\n")
        dump = harness.Dump(dump_path)
        trigger_delay = r.uniform(0, 0.012)

        procs = []  # (kind, payload, Proc)
        t0 = time.monotonic()
        cut = False
        triggered_at = None
        while not cut:
            now = time.monotonic() - t0
            while starts and starts[0][0] <= now:
                _, kind, payload = starts.pop(0)
                prefix = os.path.join(self.logs, "%s-%d" % (kind, len(procs)))
                if kind == "kiosk":
                    proc = ws.spawn_kiosk(prefix, dump_path, script)
                elif kind == "sync":
                    proc = ws.spawn_cli(prefix, "sync", self.cli_stick)
                else:
                    uid, name, adults, children = payload
                    proc = ws.spawn_cli(prefix, "join", uid, "--name", name, "--adults",
                                        str(adults), "--children", str(children))
                procs.append((kind, payload, proc))
            if p["trigger"]:
                screen, nth, entries = p["trigger"]
                if triggered_at is None:
                    dump.poll()
                    seen, prev = 0, None
                    for f in dump.frames:
                        if f["screen"] == screen and not (entries and prev == screen):
                            seen += 1
                        prev = f["screen"]
                    if seen >= nth:
                        triggered_at = now
                cut = (triggered_at is not None and now >= triggered_at + trigger_delay) or \
                    now > horizon * 3
            else:
                cut = now >= cut_at
            if not starts and all(not pr.alive() for _, _, pr in procs):
                cut = True
            if not cut:
                time.sleep(0.0005)
        for _, _, proc in procs:  # the power goes: everything at once
            proc.kill()
        for _, _, proc in procs:
            proc.wait()
        self.stats["cuts"] += 1
        if p["import_kind"] == "kiosk":
            os.rename(self.usb_in, self.usb_out)
        self.collect(p, procs, dump)
        self.verify(p, before, pre_db)

    def collect(self, p, procs, dump):
        for kind, payload, proc in procs:
            err = proc.err()
            rep = harness.sanitizer_report(err)
            check(rep is None, "%s: sanitizer report:\n%s" % (kind, rep))
            if proc.killed:
                self.stats["killed_" + kind] += 1
                continue
            if kind == "join":
                uid, name, _, _ = payload
                if proc.rc == 0:
                    sid = proc.out().split("\t")[0].strip()
                    check(len(sid) == 36, "join printed no sign-up id: %r" % proc.out())
                    self.confirmed_cli[sid] = (uid, name)
                    self.stats["joins_cli"] += 1
                else:
                    # Refused (the activity was just cancelled by the import): said plainly.
                    check(proc.rc == 1 and err.strip(), "join of %s exited %s: %s" % (name, proc.rc, err))
                    self.stats["refused_joins"] += 1
                    why = err.strip().splitlines()[0][:90]
                    self.refusals[why] = self.refusals.get(why, 0) + 1
            else:
                check(proc.rc == 0, "%s exited %s: %s" % (kind, proc.rc, err[-3000:]))
        dump.poll()
        scripted = {name: (uid, title) for (uid, title, _, name, _, _) in p["flows"]}
        for name, context, result in harness.joins_on_screen(dump.frames):
            check(name in scripted, "join-done after the name %r, which was never typed" % name)
            uid, title = scripted[name]
            check(context and context.startswith(title),
                  "the join screen for %s named %r, not %s" % (name, context, title))
            check(result, "join-done without a result")
            self.confirmed_screen[name] = (uid, title)
            self.stats["joins_screen"] += 1

    def verify(self, p, before, pre_db):
        ws = self.ws
        # 1. The files as the cut left them.
        copy = harness.copy_db(ws.db, ws.path("crash"))
        problems = harness.integrity(copy)
        check(not problems, "integrity_check after the cut: %s" % problems[:10])
        # 2. The kiosk starts again on the same database.
        self.restart_kiosk()
        # 3. Every confirmed sign-up is there, once.
        con = harness.connect(ws.db)
        try:
            rows = con.execute(
                "SELECT s.id, a.uid, s.name, s.status FROM signups s "
                "JOIN activities a ON a.id = s.activity_id").fetchall()
            over = con.execute(
                "SELECT a.uid, a.capacity, SUM(CASE WHEN a.count_household = 1 "
                "THEN s.adults + s.children ELSE 1 END) FROM signups s "
                "JOIN activities a ON a.id = s.activity_id "
                "WHERE s.status = 'confirmed' AND s.task_id IS NULL AND a.capacity > 0 "
                "GROUP BY a.id HAVING SUM(CASE WHEN a.count_household = 1 "
                "THEN s.adults + s.children ELSE 1 END) > a.capacity").fetchall()
        finally:
            con.close()
        check(not over, "more confirmed heads than places: %s" % over)
        by_id = {r[0]: r for r in rows}
        by_name = {}
        for r in rows:
            by_name.setdefault(r[2], []).append(r)
        for sid, (uid, name) in self.confirmed_cli.items():
            check(sid in by_id, "the sign-up %s (%s for %s) confirmed by `vaermed join` is gone"
                  % (sid, name, uid))
            check(by_id[sid][1] == uid and by_id[sid][2] == name,
                  "the sign-up %s changed: %s" % (sid, by_id[sid]))
        for name, (uid, title) in self.confirmed_screen.items():
            found = by_name.get(name, [])
            check(len(found) == 1 and found[0][1] == uid,
                  "%s's sign-up for %s, confirmed on screen, is %s in the database" %
                  (name, uid, "missing" if not found else found))
        for name, found in by_name.items():
            check(len(found) == 1, "%s is signed up %d times: %s" % (name, len(found), found))
        # 4. The program is the old one or the new one, whole.
        after = program_state(ws.db)
        if p["import_kind"] == "none":
            check(after == before, "the program changed without an import")
        elif after == before:
            self.stats["imports_kept_old"] += 1
        else:
            want = self.expected_after(before, p["program"], pre_db)
            if after != want:
                raise Failure("the program is half imported: neither the old one nor %s.\n"
                              "old: %s\nnew: %s\nnow: %s" %
                              (PROGRAMS[p["program"]], describe(before), describe(want),
                               describe(after)))
            self.current = p["program"]
            self.stats["imports"] += 1
        self.state = after
        # 5. What the sync wrote to the stick is whole.
        if p["import_kind"] != "none":
            check_stick_exports(self.usb_out if p["import_kind"] == "kiosk" else self.cli_stick)

    def expected_after(self, before, program, pre_db):
        """The program a clean import of `program` gives from the state before the cut,
        found once by importing it into a copy of the database as it was."""
        key = (state_key(before), program)
        if key not in self.expected:
            ref = harness.copy_db(pre_db, self.ws.path("ref"))
            harness.put_program(self.ref_stick, PROGRAMS[program])
            self.ws.cli("sync", self.ref_stick, db=ref)
            self.expected[key] = program_state(ref)
        return self.expected[key]

    def restart_kiosk(self):
        dump_path = os.path.join(self.logs, "restart.jsonl")
        if os.path.exists(dump_path):
            os.remove(dump_path)
        script = os.path.join(self.logs, "restart.txt")
        with open(script, "w") as f:
            f.write("quit\n")
        proc = self.ws.spawn_kiosk(os.path.join(self.logs, "restart"), dump_path, script)
        rc = proc.wait()
        err = proc.err()
        check(harness.sanitizer_report(err) is None, "restart: %s" % harness.sanitizer_report(err))
        check(rc == 0, "the kiosk did not start again after the cut (exit %s): %s" % (rc, err[-2000:]))
        dump = harness.Dump(dump_path)
        dump.poll()
        check(any(f["screen"] == "home" for f in dump.frames),
              "the kiosk started again but showed no home screen: %s" %
              [f["screen"] for f in dump.frames])

    # ---- calibration: one clean round, which also shows that the checks see what they must

    def calibrate(self):
        targets = joinable(self.state)
        check(targets, "the first program has nothing to join")
        flows = []
        for i in range(3):
            uid, title, household = targets[i % len(targets)]
            flows.append((uid, title, household, self.new_name(), 2 if household else 1,
                          1 if household else 0))
        dump_path = os.path.join(self.logs, "calibrate.jsonl")
        script = os.path.join(self.logs, "calibrate.txt")
        with open(script, "w", encoding="utf-8") as f:
            for (uid, _, household, name, adults, children) in flows:
                f.write("\n".join(harness.join_lines(uid, name, household, adults, children)) + "\n")
            f.write("quit\n")
        t0 = time.monotonic()
        proc = self.ws.spawn_kiosk(os.path.join(self.logs, "calibrate"), dump_path, script)
        rc = proc.wait()
        self.kiosk_time = time.monotonic() - t0
        check(rc == 0, "the kiosk failed on a clean run: %s" % proc.err()[-3000:])
        dump = harness.Dump(dump_path)
        dump.poll()
        done = harness.joins_on_screen(dump.frames)
        check([d[0] for d in done] == [f[3] for f in flows],
              "a clean run confirmed %s on screen, not the three names typed %s" %
              ([d[0] for d in done], [f[3] for f in flows]))
        for (uid, title, _, name, _, _) in flows:
            self.confirmed_screen[name] = (uid, title)
        self.verify(dict(import_kind="none"), self.state, None)
        # A clean import by the kiosk itself, timed; it moves the rotation on by one.
        before, program = self.state, (self.current + 1) % len(PROGRAMS)
        pre_db = harness.copy_db(self.ws.db, self.ws.path("pre"))
        harness.put_program(self.usb_out, PROGRAMS[program])
        os.rename(self.usb_out, self.usb_in)
        t0 = time.monotonic()
        k = harness.Session(self.ws, "logs/calibrate-import")
        k.wait_screen("sync-done")
        k.quit()
        self.import_time = time.monotonic() - t0
        os.rename(self.usb_in, self.usb_out)
        self.verify(dict(import_kind="kiosk", program=program), before, pre_db)
        check(self.current == program, "the kiosk did not import the stick it was given")


def main():
    args = sys.argv[1:]
    if len(args) != 2 or args[0] != "--bin":
        print("usage: powerloss.py --bin PATH/vaermed", file=sys.stderr)
        return 2
    runs = int(os.environ.get("POWERLOSS_RUNS") or DEFAULT_RUNS)
    seed_text = os.environ.get("POWERLOSS_SEED")
    seed = int(seed_text) if seed_text else int.from_bytes(os.urandom(4), "little")
    print("powerloss: %d cuts, seed %d (replay with POWERLOSS_SEED=%d)" % (runs, seed, seed),
          flush=True)
    t0 = time.monotonic()
    pl = None
    n = 0
    try:
        pl = PowerLoss(args[1], runs, seed)
        pl.calibrate()
        print("powerloss: a clean kiosk run of three sign-ups takes %.2f s, a start with a "
              "stick to import %.2f s" % (pl.kiosk_time, pl.import_time), flush=True)
        for n in range(1, runs + 1):
            pl.run_one(n)
            if n % 50 == 0 or n == runs:
                print("powerloss: %d/%d cuts survived (%.0f s) %s" %
                      (n, runs, time.monotonic() - t0, pl.stats), flush=True)
    except Failure as e:
        print("FAIL powerloss: cut %d of %d, seed %d: %s" % (n, runs, seed, e), flush=True)
        if pl:
            print("the workspace is kept: %s (crash/ holds the database as the cut left it, "
                  "logs/ the last run's processes)" % pl.ws.dir, flush=True)
        return 1
    s = pl.stats
    if runs >= 50:
        # The cuts must really have hit work in progress, or the test proved nothing.
        for what in ("killed_kiosk", "killed_join", "killed_sync", "joins_cli", "joins_screen",
                     "imports", "imports_kept_old"):
            if s[what] == 0:
                print("FAIL powerloss: in %d cuts, %s never happened: %s" % (runs, what, s))
                return 1
    for why, count in sorted(pl.refusals.items()):
        print("powerloss: `vaermed join` refused %d times: %s" % (count, why))
    shutil.rmtree(pl.ws.dir, ignore_errors=True)
    print("powerloss: %d/%d cuts survived in %.0f s, seed %d" %
          (runs, runs, time.monotonic() - t0, seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
