"""Shared by the power-loss and soak tests: the real vaermed binary run headless.

The kiosk runs with SDL's dummy video driver and software renderer on a fake clock
(VAERMED_NOW), reads its taps from VAERMED_UI_INPUT (a file or a FIFO) and writes one JSON line
per presented frame to VAERMED_UI_DUMP. Each test gets a private folder with its own config,
database and stick folders. Nothing here waits a fixed time where a frame can be waited for.
"""
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time

NOW = "2026-11-23T09:00Z"  # a Monday morning, 10:00 in Copenhagen
ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"  # the letters of the on-screen keyboard
SOURCE_DIR = os.environ.get("VAERMED_SOURCE_DIR",
                            os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PROGRAMS_DIR = os.path.join(SOURCE_DIR, "tests", "sync", "data")


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


SANITIZER_MARKS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                   "SUMMARY: UndefinedBehaviorSanitizer")


def sanitizer_report(text):
    """The sanitizer's report in a process's stderr, or None."""
    for mark in SANITIZER_MARKS:
        i = text.find(mark)
        if i >= 0:
            return text[max(0, i - 200):i + 4000]
    return None


class Proc:
    """A child process whose output goes to files (never pipes: a killed or chatty child
    must not block us)."""

    def __init__(self, args, env, log_prefix, stdin=None):
        self.args = args
        self.out_path = log_prefix + ".out"
        self.err_path = log_prefix + ".err"
        self.started = time.monotonic()
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.p = subprocess.Popen(args, env=env, stdout=out, stderr=err,
                                      stdin=stdin if stdin is not None else subprocess.DEVNULL)
        self.killed = False

    def alive(self):
        return self.p.poll() is None

    def kill(self):
        """SIGKILL if still running; True when it was."""
        if self.p.poll() is None:
            try:
                os.kill(self.p.pid, signal.SIGKILL)
                self.killed = True
            except ProcessLookupError:
                pass
        return self.killed

    def wait(self, timeout=120):
        try:
            return self.p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self.p.wait()
            raise Failure("%s did not end within %ds" % (" ".join(self.args[1:4]), timeout))

    @property
    def rc(self):
        return self.p.returncode

    def out(self):
        with open(self.out_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def err(self):
        with open(self.err_path, encoding="utf-8", errors="replace") as f:
            return f.read()


class Workspace:
    """A private folder: config, database, stick folders, logs."""

    def __init__(self, binary, name, config_lines=()):
        root = os.environ.get("VAERMED_TEST_TMP") or "/tmp"
        self.bin = binary
        self.dir = os.path.join(root, "%s-%d" % (name, os.getpid()))
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.db = self.path("vaermed.db")
        self.config = self.path("vaermed.conf")
        self.sticks = self.path("sticks")  # the kiosk's stick_root: a plain folder, scanned
        os.makedirs(self.sticks)
        self.mounts = self.path("mounts")  # an empty stand-in for /proc/self/mounts
        open(self.mounts, "w").close()
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("estate_name = Fælleshuset Prøvehuset\n")
            f.write("stick_root = %s\n" % self.sticks)
            for line in config_lines:
                f.write(line + "\n")

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def env(self, now=NOW, extra=None):
        env = dict(os.environ)
        env.update({
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "VAERMED_SOFTWARE": "1",
            "VAERMED_NOW": now,
            "XDG_DATA_HOME": self.path("xdg"),
            "VAERMED_MOUNTS": self.mounts,
            "VAERMED_ERROR_SECONDS": "0",
        })
        for k in ("VAERMED_UI_DUMP", "VAERMED_UI_INPUT", "VAERMED_STATS"):
            env.pop(k, None)
        if extra:
            env.update(extra)
        return env

    def base_args(self, db=None):
        return [self.bin, "--db", db or self.db, "--config", self.config]

    def cli(self, *args, now=NOW, ok=True, timeout=120, db=None):
        cp = subprocess.run(self.base_args(db) + list(args), env=self.env(now),
                            capture_output=True, text=True, timeout=timeout)
        rep = sanitizer_report(cp.stderr)
        check(rep is None, "vaermed %s: sanitizer report:\n%s" % (" ".join(args), rep))
        if ok and cp.returncode != 0:
            raise Failure("vaermed %s exited %d: %s" % (" ".join(args), cp.returncode, cp.stderr))
        return cp

    def spawn_cli(self, log_prefix, *args, now=NOW):
        return Proc(self.base_args() + list(args), self.env(now), log_prefix)

    def spawn_kiosk(self, log_prefix, dump, script, now=NOW, demo=False, size=(800, 480),
                    extra_env=None):
        """Starts the kiosk reading `script` (a path: a file or a FIFO)."""
        args = self.base_args() + ["--window", "%dx%d" % size] + (["--demo"] if demo else [])
        env = self.env(now, dict({"VAERMED_UI_DUMP": dump, "VAERMED_UI_INPUT": script},
                                 **(extra_env or {})))
        return Proc(args, env, log_prefix)


def make_stick(ws, folder, now=NOW):
    """A staff stick for the workspace's kiosk (creates the database when missing). The key
    file records `now` as the time it was made, and a kiosk never lets its clock be behind
    the time a stick tells it."""
    os.makedirs(os.path.join(folder, "vaermed"), exist_ok=True)
    ws.cli("stick", "init", folder, now=now)


PROGRAM_NAMES = {"csv": "program.csv", "ics": "program.ics", "db": "vaermed.db"}


def put_program(stick, source):
    """Makes `source` (a file in tests/sync/data) the only program file on the stick."""
    folder = os.path.join(stick, "vaermed")
    for name in PROGRAM_NAMES.values():
        p = os.path.join(folder, name)
        if os.path.exists(p):
            os.remove(p)
    ext = source.rsplit(".", 1)[1]
    shutil.copyfile(os.path.join(PROGRAMS_DIR, source), os.path.join(folder, PROGRAM_NAMES[ext]))


class Dump:
    """Reads the kiosk's dump as it grows. A line is taken only when whole: the kiosk may be
    killed in the middle of writing one."""

    def __init__(self, path):
        self.path = path
        self.frames = []
        self.cursor = 0  # frames before it were looked at by wait_for
        self._pos = 0
        self._rest = b""

    def poll(self):
        """Reads what is new; returns the new frames."""
        try:
            with open(self.path, "rb") as f:
                f.seek(self._pos)
                data = f.read()
        except FileNotFoundError:
            return []
        self._pos += len(data)
        data = self._rest + data
        lines = data.split(b"\n")
        self._rest = lines.pop()
        new = []
        for line in lines:
            if line.strip():
                new.append(json.loads(line.decode("utf-8")))
        self.frames += new
        return new

    def wait_for(self, ready, proc=None, timeout=60, what="a frame"):
        """Waits until a frame not looked at before satisfies ready(frame); returns it. The
        frames after it are left for the next wait."""
        deadline = time.monotonic() + timeout
        while True:
            self.poll()
            while self.cursor < len(self.frames):
                f = self.frames[self.cursor]
                self.cursor += 1
                if ready(f):
                    return f
            if proc is not None and not proc.alive():
                if len(self.poll()):
                    continue
                raise Failure("the kiosk ended (exit %s) before %s; last screens %s\n%s" %
                              (proc.rc, what, [f["screen"] for f in self.frames[-5:]],
                               proc.err()[-3000:]))
            if time.monotonic() > deadline:
                raise Failure("no %s within %ds; last screens %s" %
                              (what, timeout, [f["screen"] for f in self.frames[-5:]]))
            time.sleep(0.002)


class Session:
    """The kiosk driven step by step: its automation script is a FIFO the test writes to as
    it goes, and the test waits on the frames in the dump, not on the clock."""

    def __init__(self, ws, tag, demo=False, size=(800, 480), extra_env=None, timeout=60):
        self.fifo = ws.path(tag + ".fifo")
        if os.path.exists(self.fifo):
            os.remove(self.fifo)
        os.mkfifo(self.fifo)
        dump_path = ws.path(tag + ".jsonl")
        if os.path.exists(dump_path):
            os.remove(dump_path)
        self.dump = Dump(dump_path)
        self.proc = ws.spawn_kiosk(ws.path(tag), dump_path, self.fifo, demo=demo, size=size,
                                   extra_env=extra_env)
        # The kiosk opens the script as it starts; until then there is no reader to write to.
        deadline = time.monotonic() + timeout
        while True:
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as e:
                if e.errno != errno.ENXIO:
                    raise
            if not self.proc.alive() or time.monotonic() > deadline:
                self.proc.kill()
                self.proc.wait()
                raise Failure("the kiosk never read its script (exit %s): %s" %
                              (self.proc.rc, self.proc.err()[-3000:]))
            time.sleep(0.002)
        os.set_blocking(fd, True)
        self.w = os.fdopen(fd, "w", encoding="utf-8")

    @property
    def pid(self):
        return self.proc.p.pid

    def mark(self):
        """From now on, waits look only at frames presented after this point: a wait for
        the effect of the next lines is not answered by a frame of earlier ones."""
        self.dump.poll()
        self.dump.cursor = len(self.dump.frames)

    def send(self, *lines):
        try:
            self.w.write("".join(line + "\n" for line in lines))
            self.w.flush()
        except BrokenPipeError:
            self.proc.wait()
            raise Failure("the kiosk ended (exit %s): %s" % (self.proc.rc, self.proc.err()[-3000:]))

    def wait_for(self, ready, what, timeout=60):
        return self.dump.wait_for(ready, self.proc, timeout, what)

    def wait_screen(self, *screens, timeout=60):
        return self.wait_for(lambda f: f["screen"] in screens, "the screen " + "/".join(screens),
                             timeout)

    def quit(self, timeout=300):
        """Ends the kiosk with `quit`; returns its stderr after checking it exited 0 with no
        sanitizer report (the leak checker runs at exit)."""
        self.send("quit")
        rc = self.proc.wait(timeout)
        self.close()
        err = self.proc.err()
        rep = sanitizer_report(err)
        check(rep is None, "the kiosk's sanitizer report:\n%s" % rep)
        check(rc == 0, "the kiosk exited %s: %s" % (rc, err[-3000:]))
        return err

    def close(self):
        try:
            self.w.close()
        except BrokenPipeError:
            pass


def widget(frame, wid):
    for w in frame["widgets"]:
        if w["id"] == wid:
            return w
    return None


def label(frame, wid):
    w = widget(frame, wid)
    return w["label"] if w else None


def name_for(n, first):
    """A name no one else in the run has: a first letter and `n` spelled in keyboard letters."""
    digits = []
    while True:
        digits.append(ALPHABET[n % len(ALPHABET)])
        n //= len(ALPHABET)
        if not n:
            break
    return first.upper() + "".join(reversed(digits))


def type_name(name):
    """Taps a name on the on-screen keyboard: it capitalises the first letter by itself, and
    the names here have no other capitals."""
    return ["tap-id key:" + ch.lower() for ch in name]


# Home from anywhere: a minute without a touch ends any flow (the idle reset); at home it
# brings the idle screen instead, which a touch wakes. A tap on a widget that is not there is
# only reported on stderr, so the same lines serve both cases.
HOME = ["advance 61", "tap-id wake", "advance 1"]


def join_lines(uid, name, household, adults=1, children=0, code=None):
    """A whole join flow from wherever the kiosk is. `advance 61` lets the idle reset bring
    it home first; `advance 1` lets each new screen's press guard pass without a real wait."""
    lines = HOME + ["tap-id card:" + uid, "advance 1", "tap-id join", "advance 1"]
    lines += type_name(name) + ["tap-id next", "advance 1"]
    if household:
        # the counts step confirms by itself; a code (and the last screen before confirm
        # that the power cuts aim at) is one step further
        lines += ["tap-id adults+"] * (adults - 1) + ["tap-id children+"] * children
        lines += ["tap-id more", "advance 1"]
    if code:
        lines += ["tap-id digit:" + d for d in code]
    lines += ["tap-id confirm", "advance 1"]
    return lines


def cancel_lines(uid, name, code):
    """A whole cancel flow (name and 4-digit code) from wherever the kiosk is."""
    lines = HOME + ["tap-id card:" + uid, "advance 1", "tap-id cancel-signup", "advance 1"]
    lines += type_name(name) + ["tap-id next", "advance 1"]
    lines += ["tap-id digit:" + d for d in code] + ["tap-id confirm", "advance 1"]
    return lines


def joins_on_screen(frames):
    """The sign-ups a resident saw confirmed: for each join-done screen that appeared, the
    name typed on the join-name screen before it and the activity named there."""
    done = []
    name = context = None
    prev = None
    opened = None
    for f in frames:
        if f["screen"] == "detail":
            # the activity opened (the name step says it again where it has the room)
            opened = label(f, "heading") or label(f, "title") or opened
        if f["screen"] == "join-name":
            name = label(f, "name")
            context = label(f, "context") or opened
        if f["screen"] == "join-done" and prev != "join-done":
            done.append((name, context, label(f, "result")))
        prev = f["screen"]
    return done


def connect(db, readonly=False):
    if readonly:
        return sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=30)
    return sqlite3.connect(db, timeout=30)


def integrity(db):
    """`PRAGMA integrity_check` and `foreign_key_check`; returns the problems ([] = fine)."""
    con = connect(db)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        problems += ["foreign key: %r" % (r,) for r in fk]
        return problems
    finally:
        con.close()


def copy_db(src, dst_dir):
    """Copies a database as a power cut left it (the file and its WAL; SQLite rebuilds the
    shared-memory index from the WAL)."""
    os.makedirs(dst_dir, exist_ok=True)
    dst = os.path.join(dst_dir, os.path.basename(src))
    for suffix in ("-shm", "-wal", ""):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    for suffix in ("", "-wal"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)
    return dst


def rss_kb(pid):
    """VmRSS of a process in kB, or None when it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None
