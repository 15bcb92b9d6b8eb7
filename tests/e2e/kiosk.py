"""Drives the real vaermed binary for the end-to-end tests.

The kiosk runs headless (SDL's dummy video driver and software renderer) on a fake clock
(VAERMED_NOW), reads a script of taps from VAERMED_UI_INPUT, and writes one JSON line per
presented frame to VAERMED_UI_DUMP. Each test gets its own data folder.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.environ.get("VAERMED_BIN", "")
NOW = "2026-11-23T09:00Z"  # a Monday morning, 10:00 in Copenhagen


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


class Workspace:
    """A private folder with its own XDG data home and database."""

    def __init__(self, name):
        root = os.environ.get("VAERMED_TEST_TMP", tempfile.gettempdir())
        self.dir = os.path.join(root, "e2e-" + name + "-" + str(os.getpid()))
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "vaermed.db")

    def path(self, name):
        return os.path.join(self.dir, name)

    def env(self, now=NOW, extra=None):
        env = dict(os.environ)
        env.update({
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "VAERMED_SOFTWARE": "1",
            "VAERMED_NOW": now,
            "XDG_DATA_HOME": self.path("xdg"),
            "XDG_CONFIG_HOME": self.path("xdg-config"),  # the staff key's default place
            "VAERMED_ERROR_SECONDS": "0",
        })
        if extra:
            env.update(extra)
        return env

    def cli(self, *args, now=NOW, check_ok=True, db=True, input=None, cwd=None):
        """Runs a command; `input` is its standard input (a passphrase, one a line)."""
        cmd = [BIN] + list(args) + (["--db", self.db] if db else [])
        cp = subprocess.run(cmd, env=self.env(now), capture_output=True, text=True, timeout=60,
                            input=input if input is not None else "", cwd=cwd)
        if check_ok and cp.returncode != 0:
            raise Failure("%s exited %d: %s" % (" ".join(args), cp.returncode, cp.stderr))
        return cp

    def kiosk(self, script, now=NOW, size=(800, 480), demo=True, extra_args=(), timeout=90,
              extra_env=None):
        """Runs the kiosk with `script` (a list of automation lines, 'quit' added) and
        returns (frames, completed process)."""
        dump = self.path("dump.jsonl")
        if os.path.exists(dump):
            os.remove(dump)
        script_path = self.path("script.txt")
        with open(script_path, "w", encoding="utf-8") as f:
            f.write("\n".join(list(script) + ["quit"]) + "\n")
        cmd = [BIN, "--db", self.db, "--window", "%dx%d" % size] + list(extra_args)
        if demo:
            cmd.append("--demo")
        env = self.env(now, {"VAERMED_UI_DUMP": dump, "VAERMED_UI_INPUT": script_path})
        env.update(extra_env or {})
        cp = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        frames = []
        if os.path.exists(dump):
            with open(dump, encoding="utf-8") as f:
                frames = [json.loads(line) for line in f if line.strip()]
        return frames, cp


def widget(frame, wid):
    for w in frame["widgets"]:
        if w["id"] == wid:
            return w
    return None


def widgets(frame, prefix):
    return [w for w in frame["widgets"] if w["id"].startswith(prefix)]


def card_with(frame, text):
    for w in widgets(frame, "card:"):
        if text in w["label"]:
            return w
    raise Failure("no card with '%s' on %s: %s" % (text, frame["screen"],
                                                 [w["label"] for w in widgets(frame, "card:")]))


def run(tests):
    """Runs the named test functions given on the command line (all when none)."""
    global BIN
    args = sys.argv[1:]
    if args and args[0] == "--bin":
        BIN = args[1]
        args = args[2:]
    if not BIN:
        print("give --bin PATH or VAERMED_BIN", file=sys.stderr)
        return 2
    chosen = [t for t in tests if not args or t.__name__ in args]
    failed = 0
    for t in chosen:
        try:
            t()
            print("ok   ", t.__name__)
        except Failure as e:
            failed += 1
            print("FAIL ", t.__name__, ":", e)
    return 1 if failed else 0
