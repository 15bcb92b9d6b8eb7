#!/usr/bin/env python3
"""make bench: Vær med's speed and footprint, and the browser kiosk estates use instead.

Run through bench/run.sh BUILD_DIR. Uses only the standard library, the product binary
(BUILD/vaermed), the helpers in BUILD/bench/ (bench_mkdb, bench_frame, bench_ops), Xvfb,
xdotool and Debian's chromium. Writes bench/results.json and prints the table that
docs/benchmarks.md explains. Every timing is repeated and the median reported; the machine
is described in the results. Work files live on a tmpfs when there is one (/dev/shm), so
fsync is nearly free: the numbers leave out the storage device's own flush.

VAERMED_BENCH_QUICK=1 makes a short trial run (fewer repetitions, 10 s idle).
"""
import ctypes
import json
import os
import platform
import resource
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import html_page  # noqa: E402  (beside this file)

NOW = "2026-11-23T09:30Z"           # a Monday, 10:30 in Copenhagen
IDLE_NOW = "2026-11-23T09:30:30Z"   # the minute tick then falls 30 s into the idle window
ESTATE = "Fælleshuset Solbakken"
STAFF_PUBLIC_KEY = "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo="  # any staff key will do
QUICK = os.environ.get("VAERMED_BENCH_QUICK") == "1"
REPS = 2 if QUICK else 5            # process starts, Chromium runs, CLI commands
IDLE_SECONDS = 10 if QUICK else 60
TAPS = 4 if QUICK else 20
FRAMES = 30 if QUICK else 150       # frames per variant in bench_frame
SIZES = (20, 200, 2000, 20000)      # activities stored (ten sign-ups each)
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
CLK_TCK = os.sysconf("SC_CLK_TCK")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]

STARTED = []  # every process this script started, so none outlives it


def log(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.stderr.flush()


def med(values):
    return statistics.median(values) if values else None


def p99(values):
    if not values:
        return None
    v = sorted(values)
    return v[max(0, -(-99 * len(v) // 100) - 1)]


def summary(values, unit_digits=2):
    return {"median": round(med(values), unit_digits) if values else None,
            "min": round(min(values), unit_digits) if values else None,
            "max": round(max(values), unit_digits) if values else None,
            "n": len(values), "samples": [round(v, unit_digits) for v in values]}


# ---- inotify: seeing a file change the moment it changes --------------------------------

_libc = ctypes.CDLL(None, use_errno=True)
IN_MODIFY, IN_CLOSE_WRITE, IN_MOVED_TO = 0x2, 0x8, 0x80


class Watch:
    def __init__(self, path, mask):
        self.fd = _libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if _libc.inotify_add_watch(self.fd, os.fsencode(path), mask) < 0:
            err = ctypes.get_errno()
            os.close(self.fd)
            raise OSError(err, "inotify_add_watch " + path)

    def events(self, timeout):
        """Waits up to `timeout` s; returns [(mask, name)] (empty on timeout)."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return []
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return []
        out, i = [], 0
        while i + 16 <= len(data):
            _, mask, _, length = struct.unpack_from("iIII", data, i)
            name = data[i + 16:i + 16 + length].rstrip(b"\0").decode(errors="replace")
            out.append((mask, name))
            i += 16 + length
        return out

    def close(self):
        os.close(self.fd)


class Dump:
    """The kiosk's VAERMED_UI_DUMP file, read as it grows. Each frame gets `_t`, the
    monotonic time at which this process saw its line."""

    def __init__(self, path):
        self.path = path
        open(path, "w").close()
        self.watch = Watch(path, IN_MODIFY)
        self.f = open(path, "rb")
        self.buf = b""
        self.frames = []

    def poll(self):
        data = self.f.read()
        t = time.monotonic()
        new = []
        if data:
            self.buf += data
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                if line.strip():
                    frame = json.loads(line)
                    frame["_t"] = t
                    new.append(frame)
            self.frames.extend(new)
        return new

    def wait_for(self, pred, timeout):
        end = time.monotonic() + timeout
        while True:
            for frame in self.poll():
                if pred(frame):
                    return frame
            left = end - time.monotonic()
            if left <= 0:
                return None
            self.watch.events(min(left, 0.25))

    def quiet(self, seconds, limit):
        """Waits until no frame came for `seconds` (at most `limit` s)."""
        end = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < end:
            if self.poll():
                last = time.monotonic()
            if time.monotonic() - last >= seconds:
                return True
            self.watch.events(0.05)
        return False

    def close(self):
        self.watch.close()
        self.f.close()


# ---- processes ---------------------------------------------------------------------------

def spawn(cmd, env=None, **kw):
    p = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, **kw)
    STARTED.append(p)
    return p


def stop(p, timeout=10):
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    return p.returncode


def proc_status(pid):
    out = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                key, _, value = line.partition(":")
                out[key] = value.strip()
    except OSError:
        pass
    return out


def status_kb(status, key):
    v = status.get(key, "0 kB").split()
    return int(v[0]) if v else 0


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid, "rb") as f:
        s = f.read()
    fields = s[s.rindex(b")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def pss_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kb(pid):
    try:
        with open("/proc/%d/statm" % pid) as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def descendants(root):
    """root and every process below it (a scan of /proc)."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                s = f.read()
        except OSError:
            continue
        ppid = int(s[s.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


class TreeSampler(threading.Thread):
    """Sums the resident memory (RSS, and PSS, which shares shared pages out fairly) of a
    process and all its descendants every `interval` s; keeps the peaks."""

    def __init__(self, pid, interval=0.02):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = self.max_procs = self.samples = 0
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            pids = descendants(self.pid)
            rss = sum(rss_kb(p) for p in pids)
            if rss == 0:
                break
            pss = sum(pss_kb(p) for p in pids)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.max_procs = max(self.max_procs, len(pids))
            self.samples += 1
            self._halt.wait(self.interval)

    def finish(self):
        self._halt.set()
        self.join(5)
        return {"peak_rss_kb": self.peak_rss, "peak_pss_kb": self.peak_pss,
                "processes": self.max_procs, "samples": self.samples}


class Xvfb:
    def __init__(self, size="1920x1080x24"):
        r, w = os.pipe()
        self.p = spawn(["Xvfb", "-displayfd", str(w), "-screen", "0", size, "-nolisten", "tcp",
                        "-noreset"], pass_fds=(w,), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        os.close(w)
        data = b""
        end = time.monotonic() + 15
        while not data.endswith(b"\n") and time.monotonic() < end:
            ready, _, _ = select.select([r], [], [], 0.5)
            if ready:
                chunk = os.read(r, 64)
                if not chunk:
                    break
                data += chunk
        os.close(r)
        if not data.strip():
            stop(self.p)
            raise RuntimeError("Xvfb did not start")
        self.display = ":" + data.decode().strip()

    def close(self):
        stop(self.p)


# ---- the kiosk ---------------------------------------------------------------------------

class Bench:
    def __init__(self, build):
        self.build = os.path.abspath(build)
        self.bin = os.path.join(self.build, "vaermed")
        self.tools = os.path.join(self.build, "bench")
        shm = "/dev/shm"
        base = shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None
        self.work = tempfile.mkdtemp(prefix="vaermed-bench-", dir=base)
        self.config = self.path("bench.conf")
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("estate_name = %s\nkiosk_name = Bench\n" % ESTATE)
        self.seq = 0

    def path(self, name):
        return os.path.join(self.work, name)

    def fresh(self, stem, ext=""):
        self.seq += 1
        return self.path("%s-%d%s" % (stem, self.seq, ext))

    def tool(self, name):
        return os.path.join(self.tools, name)

    def env(self, mode="dummy", display=None, now=NOW, extra=None):
        env = dict(os.environ)
        for key in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", "VAERMED_SOFTWARE",
                    "VAERMED_UI_INPUT", "VAERMED_UI_DUMP", "VAERMED_STATS"):
            env.pop(key, None)
        env.update({"VAERMED_NOW": now, "XDG_DATA_HOME": self.path("xdg"),
                    "SDL_AUDIODRIVER": "dummy", "TZ": "Europe/Copenhagen"})
        if mode == "dummy":
            env.update({"SDL_VIDEODRIVER": "dummy", "VAERMED_SOFTWARE": "1"})
        else:
            env["DISPLAY"] = display
            if mode == "xvfb":
                # OpenGL (Mesa's llvmpipe here), asked for by name: with no GPU device node
                # the kiosk would choose SDL's software renderer by itself (render.h)
                env["SDL_RENDER_DRIVER"] = "opengl"
            if mode.startswith("xvfb-software"):
                env["VAERMED_SOFTWARE"] = "1"
            if mode == "xvfb-software-nofbaccel":
                # SDL otherwise loads OpenGL (Mesa, LLVM) under X11 to back the window surface
                env["SDL_FRAMEBUFFER_ACCELERATION"] = "0"
            if mode == "xvfb-gles2":
                # The Pi's path: SDL's OpenGL ES 2 renderer through EGL, as KMSDRM gives it
                # there; here Mesa's llvmpipe draws it on the CPU.
                env["SDL_RENDER_DRIVER"] = "opengles2"
                env["SDL_VIDEO_X11_FORCE_EGL"] = "1"
        if extra:
            env.update(extra)
        return env

    def cli(self, *args, db=None, now=NOW, check=True):
        cmd = [self.bin] + list(args) + ["--config", self.config]
        if db:
            cmd += ["--db", db]
        cp = subprocess.run(cmd, env=self.env(now=now), capture_output=True, text=True,
                            timeout=120)
        if check and cp.returncode != 0:
            raise RuntimeError("%s: %s" % (" ".join(args), cp.stderr.strip()))
        return cp

    def run_tool(self, *args, env=None):
        cp = subprocess.run([self.tool(args[0])] + list(args[1:]), capture_output=True,
                            text=True, timeout=600, env=env)
        if cp.returncode != 0:
            raise RuntimeError("%s: %s" % (args[0], cp.stderr.strip()))
        return cp.stdout

    def mkdb(self, path, activities, signups):
        return json.loads(self.run_tool("bench_mkdb", "db", path, NOW, str(activities),
                                        str(signups)))


class Kiosk:
    """One kiosk process with its own dump file; optional automation FIFO and stats file."""

    def __init__(self, b, db, mode="dummy", display=None, demo=False, now=NOW, size=(800, 480),
                 stats=None, fifo=False, fullscreen=False, config=None, extra_env=None):
        self.dump = Dump(b.fresh("dump", ".jsonl"))
        extra = {"VAERMED_UI_DUMP": self.dump.path}
        extra.update(extra_env or {})
        if stats:
            extra["VAERMED_STATS"] = stats
        self.fifo_fd = None
        if fifo:
            path = b.fresh("input", ".fifo")
            os.mkfifo(path)
            self.fifo_fd = os.open(path, os.O_RDWR)  # never blocks; the kiosk reads it
            extra["VAERMED_UI_INPUT"] = path
        cmd = [b.bin, "--db", db, "--config", config or b.config, "--window", "%dx%d" % size]
        if demo:
            cmd.append("--demo")
        if fullscreen:
            cmd.append("--fullscreen")
        self.stderr = open(b.fresh("kiosk", ".err"), "w+")
        env = b.env(mode, display, now, extra)
        self.t0 = time.monotonic()
        self.p = spawn(cmd, env=env, stdout=subprocess.DEVNULL, stderr=self.stderr)
        self.pid = self.p.pid
        self.first = None

    def first_frame(self, timeout=60):
        self.first = self.dump.wait_for(lambda f: True, timeout)
        if not self.first:
            self.stderr.seek(0)
            raise RuntimeError("the kiosk showed no frame: " + self.stderr.read().strip())
        return (self.first["_t"] - self.t0) * 1000

    def send(self, *lines):
        os.write(self.fifo_fd, ("\n".join(lines) + "\n").encode())

    def stop(self):
        if self.fifo_fd is not None:
            os.close(self.fifo_fd)  # the automation reader sees the end of its script
            self.fifo_fd = None
        rc = stop(self.p)
        self.dump.poll()
        self.dump.close()
        self.stderr.close()
        return rc


def first_card(frame):
    for w in frame["widgets"]:
        if w["role"] == "card" and w["y"] >= 0 and w["h"] >= 60:
            return w
    return None


def widget(frame, wid):
    for w in frame["widgets"]:
        if w["id"] == wid:
            return w
    return None


# ---- the measurements --------------------------------------------------------------------

def machine(b):
    info = {"python": platform.python_version(), "kernel": platform.release(),
            "cores": os.cpu_count(), "load_at_start": [round(x, 2) for x in os.getloadavg()]}
    cpu = None
    with open("/proc/cpuinfo") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "Hardware") and not cpu:
                cpu = value.strip()
    info["cpu"] = cpu or platform.machine()
    info["arch"] = platform.machine()
    for path, key in (("/etc/debian_version", "debian"),):
        try:
            with open(path) as f:
                info[key] = f.read().strip()
        except OSError:
            info[key] = None
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    with open("/proc/meminfo") as f:
        info["memory_mb"] = int(f.readline().split()[1]) // 1024
    for pkg in ("libsdl2-2.0-0", "libsqlite3-0", "chromium", "xvfb", "mesa-utils"):
        cp = subprocess.run(["dpkg-query", "-W", "-f=${Version}\\n", pkg], capture_output=True,
                            text=True)
        if cp.returncode == 0 and cp.stdout.strip():
            info[pkg] = cp.stdout.split()[0]
    cp = subprocess.run(["stat", "-f", "-c", "%T", b.work], capture_output=True, text=True)
    info["work_fs"] = cp.stdout.strip()
    return info


def prepare(b):
    """The databases and staff files every later step uses."""
    log("making the databases (store API) and the staff's files")
    data = {}
    b.dbs = {}
    for n in SIZES:
        path = b.path("program-%d.db" % n)
        data["db_%d" % n] = b.mkdb(path, n, n * 10)
        b.dbs[n] = path
    b.db_1000 = b.path("program-1000.db")
    data["db_1000"] = b.mkdb(b.db_1000, 1000, 10000)
    # the demo program, as a first `--demo` start makes it
    b.demo_db = b.path("demo.db")
    k = Kiosk(b, b.demo_db, demo=True)
    k.first_frame()
    k.stop()
    b.csv = b.path("program.csv")
    b.ics = b.path("program.ics")
    b.run_tool("bench_mkdb", "csv", b.csv, NOW, "1000")
    b.run_tool("bench_mkdb", "ics", b.ics, NOW, "50")
    data["csv_bytes"] = os.path.getsize(b.csv)
    data["ics_bytes"] = os.path.getsize(b.ics)
    return data


def startup(b, xvfb):
    """Process start -> first line in the dump, measured from outside."""
    out = {}
    cases = [("demo", None), ("20", b.dbs[20]), ("2000", b.dbs[2000]), ("20000", b.dbs[20000])]
    for mode in ("dummy", "xvfb"):
        for name, db in cases:
            if mode == "xvfb" and name in ("20", "20000"):
                continue  # how it grows is seen headless; X adds the same for each
            log("start-up to first frame: %s, %s" % (mode, name))
            ms, ticks = [], []
            for i in range(REPS + 1):  # the first run warms the page cache and is dropped
                path = db or b.fresh("startup-demo", ".db")
                k = Kiosk(b, path, mode=mode, display=xvfb.display, demo=db is None)
                t = k.first_frame()
                k.stop()
                if i:
                    ms.append(t)
                    ticks.append(k.first["ticks"])
            out["%s_%s" % (mode, name)] = {"ms": summary(ms, 1),
                                           "sdl_ticks_ms": summary(ticks, 0)}
    # what of it is the model: the query, and a QR code for every activity
    for name, db in (("demo", b.demo_db), ("2000", b.dbs[2000]), ("20000", b.dbs[20000])):
        try:
            out["model_" + name] = json.loads(b.run_tool("bench_ops", "model", db, NOW,
                                                         str(REPS)))
        except (RuntimeError, OSError, ValueError) as e:
            out["model_" + name] = {"error": str(e)}
    return out


def frames(b, xvfb):
    log("frame time: bench_frame, software renderer (%d frames a variant)" % FRAMES)
    rows = []
    text = b.run_tool("bench_frame", "-k", str(FRAMES), "-n", "20,200,2000,20000",
                      env=b.env("dummy"))
    rows += [dict(json.loads(line), driver="dummy") for line in text.splitlines() if line]
    log("frame time: bench_frame under Xvfb with OpenGL, asked for by name")
    env = b.env("xvfb", xvfb.display, extra={"SDL_VIDEODRIVER": "x11"})
    text = b.run_tool("bench_frame", "-k", str(FRAMES // 2), "-n", "20,2000", "--accel",
                      env=env)
    rows += [dict(json.loads(line), driver="x11") for line in text.splitlines() if line]
    log("frame time: bench_frame under Xvfb with OpenGL ES 2 through EGL (the Pi's renderer)")
    env = b.env("xvfb-gles2", xvfb.display, extra={"SDL_VIDEODRIVER": "x11"})
    text = b.run_tool("bench_frame", "-k", str(FRAMES // 2), "-n", "20,2000", "--accel",
                      env=env)
    rows += [dict(json.loads(line), driver="x11-gles2") for line in text.splitlines() if line]
    return rows


def xdotool(display, *args):
    env = dict(os.environ, DISPLAY=display)
    return subprocess.run(["xdotool"] + list(args), env=env, capture_output=True, text=True,
                          timeout=20)


def tap_latency(b, xvfb):
    """A finger's tap as X delivers it: button down (the pressed state must show on the next
    frame), 80 ms later button up (the next screen). Latency is the kiosk's own: SDL_GetTicks
    at present minus the SDL timestamp of the event (`ticks - input_ticks` in the dump)."""
    log("tap to presented frame: %d round trips with xdotool under Xvfb" % TAPS)
    k = Kiosk(b, b.fresh("tap", ".db"), mode="xvfb", display=xvfb.display, demo=True)
    k.first_frame()
    cp = xdotool(xvfb.display, "search", "--sync", "--pid", str(k.pid))
    wid = cp.stdout.split()[0] if cp.stdout.split() else None
    if not wid:
        k.stop()
        raise RuntimeError("xdotool found no kiosk window")
    k.dump.quiet(0.3, 3)
    res = {"press": [], "detail": [], "home": [], "detail_external": []}

    def tap(w, screen, key):
        time.sleep(0.6)  # past the new screen's 400 ms press guard
        x, y = w["x"] + w["w"] // 2, w["y"] + min(w["h"] // 2, 40)
        xdotool(xvfb.display, "mousemove", "--window", wid, str(x), str(y))
        xdotool(xvfb.display, "mousedown", "1")
        fr = k.dump.wait_for(lambda f: any(x["id"] == w["id"] and x.get("pressed")
                                           for x in f["widgets"]), 5)
        if fr:
            res["press"].append(fr["ticks"] - fr["input_ticks"])
        time.sleep(0.08)
        t0 = time.monotonic()
        xdotool(xvfb.display, "mouseup", "1")
        fr = k.dump.wait_for(lambda f: f["screen"] == screen, 5)
        if not fr:
            raise RuntimeError("the tap did not reach the %s screen" % screen)
        res[key].append(fr["ticks"] - fr["input_ticks"])
        if key == "detail":
            res["detail_external"].append((fr["_t"] - t0) * 1000)
        k.dump.quiet(0.1, 2)

    for _ in range(TAPS):
        tap(first_card(k.dump.frames[-1]), "detail", "detail")
        tap(widget(k.dump.frames[-1], "back"), "home", "home")
    k.stop()

    def stat(v, digits=0):
        return dict(summary(v, digits), p99=p99(v))
    return {"press_feedback_ms": stat(res["press"]),
            "card_to_detail_ms": stat(res["detail"]),
            "back_to_home_ms": stat(res["home"]),
            "card_to_detail_external_ms": stat(res["detail_external"], 1)}


def idle(b, mode, display, result):
    try:
        idle_run(b, mode, display, result)
    except Exception as e:  # reported in the results, not lost in a thread
        result[mode] = {"error": str(e)}


def idle_run(b, mode, display, result):
    """A kiosk left alone: redraws, wake-ups and CPU over IDLE_SECONDS."""
    stats = b.fresh("idle-stats", ".json")
    k = Kiosk(b, b.fresh("idle", ".db"), mode=mode, display=display, demo=True, now=IDLE_NOW,
              stats=stats)
    k.first_frame()
    time.sleep(1.0)
    k.dump.poll()
    n0, c0, t0 = len(k.dump.frames), cpu_seconds(k.pid), time.monotonic()
    s0 = proc_status(k.pid)
    time.sleep(IDLE_SECONDS)
    k.dump.poll()
    n1, c1, t1 = len(k.dump.frames), cpu_seconds(k.pid), time.monotonic()
    screens = [f["screen"] for f in k.dump.frames[n0:n1]]
    s1 = proc_status(k.pid)
    k.stop()
    life = time.monotonic() - k.t0
    with open(stats) as f:
        st = json.loads(f.read().strip().splitlines()[-1])
    minutes = (t1 - t0) / 60
    switches = (int(s1.get("voluntary_ctxt_switches", 0)) -
                int(s0.get("voluntary_ctxt_switches", 0)))
    result[mode] = {
        "window_s": round(t1 - t0, 2),
        "redraws": n1 - n0,
        "redraws_per_min": round((n1 - n0) / minutes, 2),
        "redraw_screens": screens,
        "cpu_s": round(c1 - c0, 3),
        "cpu_percent": round(100 * (c1 - c0) / (t1 - t0), 3),
        "os_wakeups_per_min": round(switches / minutes, 1),
        "loop_wakeups": st["wakeups"], "frames": st["frames"], "lifetime_s": round(life, 2),
        "loop_wakeups_per_min": round(st["wakeups"] / (life / 60), 2),
        "stats": st}


def memory(b, xvfb):
    """Peak resident memory of the kiosk after a short session (detail screen, scrolling)."""
    out = {}
    cases = [("demo", b.demo_db, "dummy"), ("20", b.dbs[20], "dummy"),
             ("200", b.dbs[200], "dummy"), ("2000", b.dbs[2000], "dummy"),
             ("20000", b.dbs[20000], "dummy"),
             ("2000", b.dbs[2000], "xvfb"), ("2000", b.dbs[2000], "xvfb-software"),
             ("2000", b.dbs[2000], "xvfb-software-nofbaccel"), ("2000", b.dbs[2000], "xvfb-gles2")]
    for name, db, mode in cases:
        log("peak memory: %s, %s" % (mode, name))
        copy = b.fresh("mem", ".db")
        shutil.copyfile(db, copy)
        k = Kiosk(b, copy, mode=mode, display=xvfb.display, fifo=True)
        sampler = TreeSampler(k.pid)
        sampler.start()
        k.first_frame()
        card = first_card(k.first)
        script = []
        if card:
            script += ["tap-id " + card["id"], "wait 450", "tap-id back", "wait 450"]
        script += ["tap-id scroll-down", "wait 100"] * 6
        k.send(*script)
        k.dump.quiet(1.0, 15)
        st = proc_status(k.pid)
        pss = pss_kb(k.pid)
        tree = sampler.finish()
        gl = 0
        try:
            with open("/proc/%d/maps" % k.pid) as f:
                gl = sum(1 for line in f if "libLLVM" in line or "_dri.so" in line)
        except OSError:
            pass
        k.stop()
        out["%s_%s" % (mode, name)] = {"vm_hwm_kb": status_kb(st, "VmHWM"),
                                       "vm_rss_kb": status_kb(st, "VmRSS"),
                                       "pss_kb": pss, "threads": int(st.get("Threads", 0)),
                                       "frames": len(k.dump.frames), "sampled": tree,
                                       "mesa_mapped": gl > 0}
    return out


HEAVY = ("libcairo", "libpango", "libical", "libicu", "libfontconfig", "vaermed-print.so",
         "vaermed-calendar.so")


def mapped_libraries(pid):
    with open("/proc/%d/maps" % pid) as f:
        return sorted({line.split()[-1].rsplit("/", 1)[-1] for line in f
                       if "/" in line and ".so" in line})


def modules_cost(b):
    """What printing and calendar files cost the kiosk, and what their modules save at its
    start: a headless kiosk (2,000 activities) is read after its first frame, then a staff
    stick with a calendar file arrives, the kiosk syncs (reads the calendar, writes the week's
    PDF), and it is read again."""
    log("modules: libraries and memory before and after a sync with a calendar and a PDF")
    d = b.fresh("modules")
    os.makedirs(d + "/sticks")
    stick = d + "/stick"
    os.makedirs(stick)
    db = d + "/kiosk.db"
    shutil.copyfile(b.dbs[2000], db)
    b.cli("stick", "init", stick, db=db)
    b.cli("staff-key", "add", STAFF_PUBLIC_KEY, db=db)
    shutil.copyfile(b.ics, stick + "/vaermed/program.ics")
    conf = d + "/vaermed.conf"
    with open(conf, "w", encoding="utf-8") as f:
        f.write("estate_name = %s\nkiosk_name = Bench\nstick_root = %s\n" % (ESTATE, d + "/sticks"))
    mounts = d + "/mounts"  # no mount table to watch: the kiosk scans the folder on a timer
    open(mounts, "w").close()
    k = Kiosk(b, db, config=conf, extra_env={"VAERMED_MOUNTS": mounts})
    try:
        k.first_frame()
        k.dump.quiet(1.0, 10)

        def look():
            st = proc_status(k.pid)
            libs = mapped_libraries(k.pid)
            return {"libraries": len(libs), "heavy": [x for x in libs if x.startswith(HEAVY)],
                    "vm_rss_kb": status_kb(st, "VmRSS"), "vm_hwm_kb": status_kb(st, "VmHWM"),
                    "pss_kb": pss_kb(k.pid)}
        before = look()
        os.rename(stick, d + "/sticks/usb1")
        done = k.dump.wait_for(lambda f: f["screen"] == "sync-done", 60)
        if not done:
            raise RuntimeError("the kiosk did not finish the sync")
        k.dump.quiet(1.0, 10)
        after = look()
        home = d + "/sticks/usb1/vaermed"  # the kiosk's own folder there holds the PDF
        pdf = any(os.path.exists(os.path.join(home, x, "ugeprogram.pdf"))
                  for x in os.listdir(home))
    finally:
        k.stop()
    return {"before": before, "after_sync": after, "pdf_written": pdf}


def timed(fn, reps):
    out = []
    for _ in range(reps):
        t0 = time.monotonic()
        fn()
        out.append((time.monotonic() - t0) * 1000)
    return summary(out, 1)


def sync_bench(b):
    """Import and export through the sync module: the whole command and in-process."""
    out = {}
    log("import and export: vaermed sync on a stick folder (whole command)")

    def new_stick(program, name):
        d = b.fresh("sync")
        os.makedirs(d + "/stick")
        db = d + "/kiosk.db"
        b.mkdb(db, 0, 0)
        b.cli("stick", "init", d + "/stick", db=db)
        # a staff key, so the sign-ups go home (sealed to it, docs/security.md)
        b.cli("staff-key", "add", STAFF_PUBLIC_KEY, db=db)
        shutil.copyfile(program, d + "/stick/vaermed/" + name)
        return d + "/stick", db

    def children_cpu():
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        return ru.ru_utime + ru.ru_stime

    def children_faults():
        # page faults the kernel served without reading the disk: each is a fresh page
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt

    for key, program, name in (("csv", b.csv, "program.csv"), ("ics", b.ics, "program.ics")):
        times, cpu, says = [], [], ""
        for _ in range(REPS):
            stick, db = new_stick(program, name)
            t0, c0 = time.monotonic(), children_cpu()
            cp = b.cli("sync", stick, db=db)
            times.append((time.monotonic() - t0) * 1000)
            cpu.append((children_cpu() - c0) * 1000)
            says = cp.stdout.strip()
        out["sync_import_" + key] = dict(summary(times, 1), says=says, cpu_ms=summary(cpu, 1))
    # 10,000 sign-ups on the imported program, then the sync that takes them home
    stick, db = new_stick(b.csv, "program.csv")
    b.cli("sync", stick, db=db)
    out["signups_made"] = b.mkdb(db, 0, 10000)
    times, cpu, faults = [], [], []
    for _ in range(REPS):
        t0, c0, f0 = time.monotonic(), children_cpu(), children_faults()
        cp = b.cli("sync", stick, db=db)
        times.append((time.monotonic() - t0) * 1000)
        cpu.append((children_cpu() - c0) * 1000)
        faults.append(children_faults() - f0)
    out["sync_export_10000"] = dict(summary(times, 1), says=cp.stdout.strip(),
                                    cpu_ms=summary(cpu, 1), faults=summary(faults, 0))
    # the same 10,000 sign-ups, and a program that changed (one title in every week): the
    # sync imports it, writes the week's PDF again and exports the sign-ups
    with open(b.csv, encoding="utf-8-sig") as f:
        changed = f.read().replace("Morgenkaffe", "Morgenkaffe og te")
    base = b.fresh("sync-changed")
    os.makedirs(base)
    shutil.copyfile(db, base + "/kiosk.db")
    shutil.copytree(stick, base + "/stick")
    times, cpu, faults = [], [], []
    for _ in range(REPS):
        db2, stick2 = base + "/run.db", base + "/run-stick"
        shutil.copyfile(base + "/kiosk.db", db2)
        shutil.rmtree(stick2, ignore_errors=True)
        shutil.copytree(base + "/stick", stick2)
        with open(stick2 + "/vaermed/program.csv", "w", encoding="utf-8-sig") as f:
            f.write(changed)
        t0, c0, f0 = time.monotonic(), children_cpu(), children_faults()
        cp = b.cli("sync", stick2, db=db2)
        times.append((time.monotonic() - t0) * 1000)
        cpu.append((children_cpu() - c0) * 1000)
        faults.append(children_faults() - f0)
    out["sync_changed_10000"] = dict(summary(times, 1), says=cp.stdout.strip(),
                                     cpu_ms=summary(cpu, 1), faults=summary(faults, 0))

    log("import and export in-process (bench_ops)")
    reps = str(max(REPS, 3))
    out["ops_import_csv"] = json.loads(b.run_tool("bench_ops", "import", b.work, NOW, b.csv, reps))
    out["ops_import_ics"] = json.loads(b.run_tool("bench_ops", "import", b.work, NOW, b.ics, reps))
    exp = b.fresh("export")
    os.makedirs(exp)
    out["ops_export"] = json.loads(b.run_tool("bench_ops", "export", db, NOW, exp, reps))
    return out


def qr_print_bench(b):
    """QR codes and posters: in-process and the commands."""
    out = {}
    log("QR codes and posters (bench_ops and the commands)")
    reps = str(max(REPS, 3))
    exp = b.fresh("print")
    os.makedirs(exp)
    out["ops_qr"] = json.loads(b.run_tool("bench_ops", "qr", NOW, "200", exp))
    out["ops_print_demo"] = json.loads(b.run_tool("bench_ops", "print", b.demo_db, NOW, exp,
                                                  reps))
    out["ops_print_1000"] = json.loads(b.run_tool("bench_ops", "print", b.db_1000, NOW, exp,
                                                  reps))
    uid = b.cli("list", db=b.demo_db).stdout.split("\t", 1)[0]
    png, pdf = b.path("qr.png"), b.path("poster.pdf")
    out["cli_qr"] = dict(timed(lambda: b.cli("qr", uid, "-o", png, db=b.demo_db), REPS), uid=uid)
    out["cli_poster_week_demo"] = timed(lambda: b.cli("poster", "-o", pdf, db=b.demo_db), REPS)
    out["cli_poster_week_1000"] = timed(lambda: b.cli("poster", "-o", pdf, db=b.db_1000), REPS)
    out["cli_poster_activity"] = timed(
        lambda: b.cli("poster", "--activity", uid, "-o", pdf, db=b.demo_db), REPS)
    return out


class XWatch:
    """bench_xwatch on an X display: every change of the screen's picture, timed. The moment
    the screen first showed its last picture is when the whole first screen was there."""

    def __init__(self, b, display, seconds):
        self.p = spawn([b.tool("bench_xwatch"), str(int(seconds * 1000)), "10"],
                       env=dict(os.environ, DISPLAY=display), stdout=subprocess.PIPE, text=True)
        ready = self.p.stdout.readline()
        if not ready.startswith("ready"):
            raise RuntimeError("bench_xwatch did not start")

    def settled_at(self):
        """Waits for the end; returns (monotonic seconds of the first showing of the last
        picture, number of pictures seen)."""
        changes, last = [], None
        for line in self.p.stdout:
            parts = line.split()
            if parts[0] == "end":
                last = parts[1]
            elif len(parts) == 2:
                changes.append((int(parts[0]) / 1e9, parts[1]))
        self.p.wait()
        if not changes or last is None:
            return None, 0
        t = None
        for when, h in changes:
            if h == last:
                t = when if t is None else t
            else:
                t = None  # it changed again after: only the last stretch counts
        return t, len(changes)


CHROMIUM_KIOSK_FLAGS = ["--kiosk", "--window-position=0,0", "--no-sandbox", "--test-type",
                        "--no-first-run", "--lang=da", "--disable-features=Translate",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-quic", "--password-store=basic"]


def visible_page(b, name, db):
    """The web page for Chromium: the activities whose cards Vær med's first screen shows (from
    its dump), laid out as html_page does. Made once per database."""
    page = b.path("page-kiosk-%s.html" % name)
    if not hasattr(b, "visible"):
        b.visible = {}
    if name not in b.visible:
        copy = b.fresh("visible", ".db")
        shutil.copyfile(db, copy)
        k = Kiosk(b, copy, mode="dummy")
        k.first_frame()
        uids = [w["id"][5:] for w in k.first["widgets"]
                if w["id"].startswith("card:") and w["y"] < 480 and w["y"] + w["h"] > 0]
        k.stop()
        text, shown = html_page.generate(db, html_page.parse_now(NOW), ESTATE, uids=uids)
        with open(page, "w", encoding="utf-8") as f:
            f.write(text)
        b.visible[name] = (page, shown, uids)
    return b.visible[name]


def memory_by_mapping(pid):
    """Where a process's resident memory is (kB, RSS and PSS from /proc/PID/smaps): LLVM (which
    Mesa's llvmpipe compiles its shaders with), Mesa's driver, the heap and anonymous memory
    (the kiosk's and the driver's: llvmpipe keeps textures and its framebuffers there), and the
    rest (the program and its other libraries)."""
    groups = {}
    name = None
    try:
        with open("/proc/%d/smaps" % pid) as f:
            for line in f:
                fields = line.split()
                if not fields:
                    continue
                if not fields[0].endswith(":"):
                    path = fields[5] if len(fields) > 5 else ""
                    name = ("llvm" if "libLLVM" in path else
                            "mesa_driver" if "/dri/" in path or "libgallium" in path else
                            "heap_anon" if path in ("", "[heap]") or path.startswith("[anon")
                            else "rest")
                elif fields[0] in ("Rss:", "Pss:") and name:
                    g = groups.setdefault(name, {"rss_kb": 0, "pss_kb": 0})
                    g[fields[0][:-1].lower() + "_kb"] += int(fields[1])
    except OSError:
        return {}
    return groups


def x_kiosk_once(b, display, what, db, page, seconds, cache):
    """One start on the 800x480 X screen: Vær med (`what` a kiosk mode) or Chromium (`page`).
    `cache` is what a start leaves for the next and finds from the last: Chromium's profile
    (its GPU shader cache and code cache in it), Vær med's Mesa shader cache (llvmpipe's
    compiled shaders; the software renderer has none). Returns ms to the finished first
    screen, the kiosk's own first frame (ms, or None), and the tree's peak memory, sampled
    the same way for both."""
    watch = XWatch(b, display, seconds)
    t0 = time.monotonic()
    if page:
        ud = cache
        os.makedirs(ud, exist_ok=True)
        p = spawn(["chromium"] + CHROMIUM_KIOSK_FLAGS +
                  ["--user-data-dir=" + ud, "--window-size=800,480", "file://" + page],
                  env=dict(os.environ, DISPLAY=display, TZ="Europe/Copenhagen"),
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        k = None
    else:
        # A window the size of the screen: --fullscreen under X without a window manager adds
        # SDL's wait of 100 ms for one to answer (docs/benchmarks.md)
        k = Kiosk(b, db, mode=what, display=display,
                  extra_env={"MESA_SHADER_CACHE_DIR": cache})
        p = k.p
    sampler = TreeSampler(p.pid)
    sampler.start()
    first_frame = None
    if k:  # seen as it is written (inotify), while the watcher keeps looking
        frame = k.dump.wait_for(lambda f: True, seconds)
        first_frame = (frame["_t"] - t0) * 1000 if frame else None
    settled, pictures = watch.settled_at()
    tree = sampler.finish()
    if k:
        tree["by_mapping"] = memory_by_mapping(k.pid)
        tree["threads"] = len(os.listdir("/proc/%d/task" % k.pid))
        k.stop()
    else:
        stop(p)
    if settled is None:
        raise RuntimeError("the screen showed nothing for %s" % (what or page))
    return (settled - t0) * 1000, first_frame, tree, pictures


def x_compare(b):
    """Vær med and Chromium as kiosks on one 800x480 X screen (Xvfb): Vær med with the software
    renderer and with OpenGL ES 2 (the Pi's path, on llvmpipe here), Chromium --kiosk on a page
    that shows the activities Vær med's first screen shows.

    Both sides start cold once and warm after, alike: each (side, program) has a cache of its
    own, empty before its first start: Vær med's Mesa shader cache (MESA_SHADER_CACHE_DIR;
    otherwise Mesa would use ~/.cache, warm from whatever ran before) and Chromium's profile
    (--user-data-dir, where its GPU process keeps compiled shaders). The first start is the
    cold one, reported alone; the medians are of the warm starts after it, as a kiosk that
    starts every day finds what it left the day before."""
    if not shutil.which("chromium"):
        raise RuntimeError("chromium is not installed (deploy/install-deps.sh bench installs it)")
    screen = Xvfb("800x480x24")
    out = {}
    try:
        xdotool(screen.display, "mousemove", "799", "479")
        for name, db in (("demo", b.demo_db), ("2000", b.dbs[2000])):
            page, shown, uids = visible_page(b, name, db)
            res = {"activities_shown": shown, "uids": uids}
            for what in ("xvfb-software", "xvfb-gles2", "chromium"):
                log("X screen, kiosks: %s, %s" % (what, name))
                runs = []
                cache = b.path("x-cache-%s-%s" % (what, name))  # not there yet: cold
                for i in range(REPS + 1):  # the first run is the cold one, kept apart
                    copy = b.fresh("xkiosk", ".db")
                    shutil.copyfile(db, copy)
                    r = x_kiosk_once(b, screen.display, what, copy,
                                     page if what == "chromium" else None,
                                     6 if name == "2000" else 5, cache)
                    if i:
                        runs.append(r)
                    else:
                        cold = {"screen_ms": round(r[0], 1),
                                "first_frame_ms": round(r[1], 1) if r[1] is not None else None,
                                "peak_rss_kb": r[2]["peak_rss_kb"],
                                "peak_pss_kb": r[2]["peak_pss_kb"]}
                shutil.rmtree(cache, ignore_errors=True)
                res[what] = {
                    "cold": cold,
                    "screen_ms": summary([r[0] for r in runs], 1),
                    "first_frame_ms": summary([r[1] for r in runs if r[1] is not None], 1),
                    "peak_rss_kb": summary([r[2]["peak_rss_kb"] for r in runs], 0),
                    "peak_pss_kb": summary([r[2]["peak_pss_kb"] for r in runs], 0),
                    "processes": max(r[2]["processes"] for r in runs),
                    "by_mapping": runs[-1][2].get("by_mapping", {}),
                    "threads": runs[-1][2].get("threads"),
                    "pictures": [r[3] for r in runs]}
            out[name] = res
            keep = os.path.join(HERE, "out")
            os.makedirs(keep, exist_ok=True)
            shutil.copyfile(page, os.path.join(keep, "page-kiosk-%s.html" % name))
    finally:
        screen.close()
    return out


def chromium_once(b, page, size):
    ud = b.fresh("chromium-profile")
    os.makedirs(ud)
    shot = b.fresh("chromium", ".png")
    watch = Watch(b.work, IN_CLOSE_WRITE | IN_MOVED_TO)
    cmd = (["chromium"] + CHROMIUM_FLAGS +
           ["--user-data-dir=" + ud, "--window-size=%d,%d" % size, "--screenshot=" + shot,
            "file://" + page])
    t0 = time.monotonic()
    p = spawn(cmd, env=dict(os.environ, TZ="Europe/Copenhagen"), stdout=subprocess.DEVNULL,
              stderr=subprocess.DEVNULL)
    sampler = TreeSampler(p.pid)
    sampler.start()
    t_shot = None
    name = os.path.basename(shot)
    while t_shot is None and time.monotonic() - t0 < 60:
        for _, n in watch.events(0.25):
            if n == name:
                t_shot = time.monotonic()
        if p.poll() is not None and t_shot is None and not os.path.exists(shot):
            break
    try:
        p.wait(60)
    except subprocess.TimeoutExpired:
        stop(p)
    t_exit = time.monotonic()
    watch.close()
    tree = sampler.finish()
    if t_shot is None:
        raise RuntimeError("chromium wrote no screenshot of " + page)
    shutil.rmtree(ud, ignore_errors=True)
    return (t_shot - t0) * 1000, (t_exit - t0) * 1000, tree, shot


def chromium(b):
    if not shutil.which("chromium"):
        raise RuntimeError("chromium is not installed (deploy/install-deps.sh bench installs it)")
    out = {}
    for name, db in (("demo", b.demo_db), ("2000", b.dbs[2000])):
        log("Chromium headless: what the kiosk shows, as a web page (%s)" % name)
        page, shown, _ = visible_page(b, name, db)
        shots, exits, rss, pss, procs = [], [], [], [], []
        last = None
        for i in range(REPS + 1):  # the first run warms caches and is dropped
            t_shot, t_exit, tree, last = chromium_once(b, page, (800, 480))
            if i:
                shots.append(t_shot)
                exits.append(t_exit)
                rss.append(tree["peak_rss_kb"])
                pss.append(tree["peak_pss_kb"])
                procs.append(tree["processes"])
        keep = os.path.join(HERE, "out")
        os.makedirs(keep, exist_ok=True)
        shutil.copyfile(last, os.path.join(keep, "chromium-%s.png" % name))
        shutil.copyfile(page, os.path.join(keep, "page-%s.html" % name))
        out[name] = {"activities": shown, "html_bytes": os.path.getsize(page),
                     "screenshot_ms": summary(shots, 1), "exit_ms": summary(exits, 1),
                     "peak_rss_kb": summary(rss, 0), "peak_pss_kb": summary(pss, 0),
                     "processes": max(procs) if procs else 0}
    return out


# ---- the table ---------------------------------------------------------------------------

def fmt_ms(v):
    if v is None:
        return "not yet"
    if v >= 100:
        return "{:,.0f} ms".format(v)
    if v >= 10:
        return "%.1f ms" % v
    return "%.2f ms" % v


def fmt_mb(kb):
    return "%.1f MB" % (kb / 1024) if kb else "not yet"


def ratio(a, b):
    return "%.0f×" % (a / b) if a and b and a / b >= 10 else ("%.1f×" % (a / b) if a and b else "")


def t_compare(r, add):
    su, mem, ch = r["startup"], r["memory"], r["chromium"]
    add("| Vær med against headless Chromium (800×480, the same activities) "
        "| Vær med | Chromium | Chromium / Vær med |")
    add("|---|---:|---:|---:|")
    for name, label in (("demo", "demo program (%d activities)" % ch["demo"]["activities"]),
                        ("2000", "2,000 activities, 20,000 sign-ups")):
        v = su["dummy_" + name]["ms"]["median"]
        c = ch[name]["screenshot_ms"]["median"]
        add("| Start to first frame / to screenshot, %s | %s | %s | %s |"
            % (label, fmt_ms(v), fmt_ms(c), ratio(c, v)))
    for name, label in (("demo", "demo program"), ("2000", "2,000 activities, 20,000 sign-ups")):
        v = mem["dummy_" + name]["vm_hwm_kb"]
        c = ch[name]["peak_rss_kb"]["median"]
        add("| Peak resident memory (RSS; Chromium: sum over its %d processes), %s "
            "| %s | %s | %s |" % (ch[name]["processes"], label, fmt_mb(v), fmt_mb(c), ratio(c, v)))
        v = mem["dummy_" + name]["sampled"]["peak_pss_kb"]
        c = ch[name]["peak_pss_kb"]["median"]
        add("| Peak proportional memory (PSS: shared pages divided among processes), %s "
            "| %s | %s | %s |" % (label, fmt_mb(v), fmt_mb(c), ratio(c, v)))


def t_x_compare(r, add):
    x = r["x_compare"]
    add("| Vær med and Chromium as kiosks on an 800×480 X screen (Xvfb); warm: every start "
        "after a first one finds its own caches from the one before (Vær med's Mesa shader "
        "cache, Chromium's profile), the cold rows are that first start | Vær med, software "
        "| Vær med, OpenGL ES 2 | Chromium `--kiosk` | Chromium / Vær med (software, ES 2) |")
    add("|---|---:|---:|---:|---:|")
    for name, label in (("demo", "demo program"), ("2000", "2,000 activities, 20,000 sign-ups")):
        c = x[name]
        sw, es, ch = c["xvfb-software"], c["xvfb-gles2"], c["chromium"]

        def row(title, key, fmt):
            a, g, h = sw[key]["median"], es[key]["median"], ch[key]["median"]
            add("| %s, %s | %s | %s | %s | %s / %s |" % (title, label, fmt(a), fmt(g), fmt(h),
                                                       ratio(h, a), ratio(h, g)))
        row("Start to the whole first screen on X (watched from outside; Chromium's page: the "
            "%d activities Vær med's first screen shows)" % c["activities_shown"],
            "screen_ms", fmt_ms)
        add("| … Vær med's own first frame (its dump), %s | %s | %s | | |" % (
            label, fmt_ms(sw["first_frame_ms"]["median"]), fmt_ms(es["first_frame_ms"]["median"])))
        row("Peak resident memory (RSS, sum over the process tree, sampled every 20 ms)",
            "peak_rss_kb", fmt_mb)
        row("Peak proportional memory (PSS, the same samples)", "peak_pss_kb", fmt_mb)

        def cold_row(title, key, fmt):
            a, g, h = (side.get("cold", {}).get(key) for side in (sw, es, ch))
            if None in (a, g, h):
                return
            add("| %s, cold (one start: Vær med's Mesa shader cache and Chromium's profile "
                "empty), %s | %s | %s | %s | %s / %s |" % (title, label, fmt(a), fmt(g), fmt(h),
                                                           ratio(h, a), ratio(h, g)))
        cold_row("Start to the whole first screen on X", "screen_ms", fmt_ms)
        cold_row("Peak resident memory (RSS)", "peak_rss_kb", fmt_mb)
        parts = [(sw.get("by_mapping") or {}), (es.get("by_mapping") or {})]
        if all(parts):
            def where(p):
                return " / ".join(fmt_mb(p[key]["rss_kb"]) if key in p else "none" for key in
                                  ("llvm", "mesa_driver", "heap_anon", "rest"))
            add("| … of it after the first screen (RSS): LLVM (llvmpipe's shader compiler) / "
                "Mesa's driver / heap and anonymous memory (the kiosk's and the driver's) / the "
                "program and its other libraries, %s | %s | %s | | |" % (
                    label, where(parts[0]), where(parts[1])))
    add("| Processes (threads: Vær med software, ES 2) | 1 (%s) | 1 (%s) | %d | |" % (
        x["2000"]["xvfb-software"].get("threads", "?"), x["2000"]["xvfb-gles2"].get("threads", "?"),
        x["2000"]["chromium"]["processes"]))


def t_startup(r, add):
    su = r["startup"]
    add("| Start-up: process start to first presented frame | headless (dummy, software) "
        "| Xvfb (OpenGL, SDL_RENDER_DRIVER=opengl) |")
    add("|---|---:|---:|")
    for name, label in (("demo", "fresh database, `--demo`"),
                        ("20", "20 activities, 200 sign-ups"),
                        ("2000", "2,000 activities, 20,000 sign-ups"),
                        ("20000", "20,000 activities, 200,000 sign-ups")):
        if "dummy_" + name not in su:
            continue
        x = su.get("xvfb_" + name)
        add("| %s | %s | %s |" % (label, fmt_ms(su["dummy_" + name]["ms"]["median"]),
                                  fmt_ms(x["ms"]["median"]) if x else ""))
        mo = su.get("model_" + name)
        if mo and "error" not in mo:
            # kiosk_model_load plans the codes; they are encoded when a screen shows one.
            add("| … of which loading the model: the query / the whole load (%d QR codes "
                "encoded then; the rest when shown) (in-process) | %s / %s | |"
                % (mo["qr_codes"], fmt_ms(mo["query_ms"]["median"]),
                   fmt_ms(mo["model_load_ms"]["median"])))


def t_frames(r, add):
    add("| Frame, software renderer | activities | home: ui_build | home: present "
        "| home median / p99 | detail median / p99 | scrolling median / p99 | draw cmds |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = {(x["driver"], x["width"], x["activities"], x["variant"]): x for x in r["frames"]}
    for (w, h) in ((800, 480), (1920, 1080)):
        for n in SIZES:
            home = rows.get(("dummy", w, n, "home"))
            det = rows.get(("dummy", w, n, "detail"))
            scr = rows.get(("dummy", w, n, "scroll"))
            if not home or not det or not scr:
                continue
            add("| %d×%d | %d | %s | %s | %s / %s | %s / %s | %s / %s | %d |"
                % (w, h, n, fmt_ms(home["build_ms"]["median"]),
                   fmt_ms(home["present_ms"]["median"]), fmt_ms(home["total_ms"]["median"]),
                   fmt_ms(home["total_ms"]["p99"]), fmt_ms(det["total_ms"]["median"]),
                   fmt_ms(det["total_ms"]["p99"]), fmt_ms(scr["total_ms"]["median"]),
                   fmt_ms(scr["total_ms"]["p99"]), home["cmds"]))
    for driver in ("x11", "x11-gles2"):
        accel = [x for x in r["frames"] if x["driver"] == driver and x["variant"] == "home"]
        if not accel:
            continue
        add("")
        add("| Frame under Xvfb, renderer %s%s | activities | home median / p99 "
            "| detail median / p99 |" % (accel[0]["renderer"],
                                        " (EGL; Mesa's llvmpipe draws it on the CPU)"
                                        if driver == "x11-gles2" else ""))
        add("|---|---:|---:|---:|")
        for x in accel:
            det = rows.get((driver, x["width"], x["activities"], "detail"))
            add("| %d×%d | %d | %s / %s | %s |"
                % (x["width"], x["height"], x["activities"], fmt_ms(x["total_ms"]["median"]),
                   fmt_ms(x["total_ms"]["p99"]),
                   "%s / %s" % (fmt_ms(det["total_ms"]["median"]),
                                fmt_ms(det["total_ms"]["p99"])) if det else ""))


def t_tap(r, add):
    t = r["tap"]
    add("| Tap to presented frame (Xvfb, xdotool; SDL's event timestamp to present) "
        "| median | p99 | n |")
    add("|---|---:|---:|---:|")
    for key, label in (("press_feedback_ms", "finger down → pressed state shown"),
                       ("card_to_detail_ms", "release on a card → detail screen"),
                       ("back_to_home_ms", "release on Tilbage → home screen")):
        add("| %s | %s | %s | %d |" % (label, fmt_ms(t[key]["median"]), fmt_ms(t[key]["p99"]),
                                       t[key]["n"]))
    add("| release on a card → detail screen, seen from outside (xdotool's start included) "
        "| %s | %s | %d |" % (fmt_ms(t["card_to_detail_external_ms"]["median"]),
                              fmt_ms(t["card_to_detail_external_ms"]["p99"]),
                              t["card_to_detail_external_ms"]["n"]))


def t_idle(r, add):
    add("| Idle, %d s, demo program | redraws / min (screens) | loop wake-ups / min "
        "| OS wake-ups / min | CPU seconds | CPU |" % IDLE_SECONDS)
    add("|---|---:|---:|---:|---:|---:|")
    for mode, label in (("xvfb", "Xvfb (X11 driver)"), ("dummy", "headless (dummy driver)")):
        i = r["idle"].get(mode)
        if i and "error" in i:
            add("| %s | not measured: %s | | | | |" % (label, i["error"]))
        elif i:
            add("| %s | %.1f (%s) | %.1f | %.0f | %.2f | %.2f %% |" % (
                label, i["redraws_per_min"], ", ".join(i["redraw_screens"]) or "none",
                i["loop_wakeups_per_min"], i["os_wakeups_per_min"], i["cpu_s"],
                i["cpu_percent"]))


def t_memory(r, add):
    mem = r["memory"]
    add("| Peak resident memory (VmHWM) after a short session | 20 | 200 | 2,000 "
        "| 20,000 activities |")
    add("|---|---:|---:|---:|---:|")
    add("| headless, software renderer (sign-ups: 10 per activity) | %s | %s | %s | %s |" % tuple(
        fmt_mb(mem["dummy_%d" % n]["vm_hwm_kb"]) for n in SIZES))
    add("| Xvfb: OpenGL (SDL_RENDER_DRIVER=opengl) / OpenGL ES 2 (EGL) / software renderer / "
        "software and SDL_FRAMEBUFFER_ACCELERATION=0 | | | %s / %s / %s / %s | |" % (
            fmt_mb(mem["xvfb_2000"]["vm_hwm_kb"]), fmt_mb(mem["xvfb-gles2_2000"]["vm_hwm_kb"]),
            fmt_mb(mem["xvfb-software_2000"]["vm_hwm_kb"]),
            fmt_mb(mem["xvfb-software-nofbaccel_2000"]["vm_hwm_kb"])))
    add("| … peak PSS, sampled (headless software / Xvfb ES 2) | %s | %s | %s / %s | %s |" % (
        fmt_mb(mem["dummy_20"]["sampled"]["peak_pss_kb"]),
        fmt_mb(mem["dummy_200"]["sampled"]["peak_pss_kb"]),
        fmt_mb(mem["dummy_2000"]["sampled"]["peak_pss_kb"]),
        fmt_mb(mem["xvfb-gles2_2000"]["sampled"]["peak_pss_kb"]),
        fmt_mb(mem["dummy_20000"]["sampled"]["peak_pss_kb"])))


def t_modules(r, add):
    m = r["modules"]
    a, z = m["before"], m["after_sync"]
    add("| Printing and calendar files as modules (headless kiosk, 2,000 activities) "
        "| libraries mapped | of them cairo, Pango, libical, ICU, fontconfig, the modules "
        "| RSS | PSS |")
    add("|---|---:|---:|---:|---:|")
    add("| after the first frame | %d | %d | %s | %s |" % (
        a["libraries"], len(a["heavy"]), fmt_mb(a["vm_rss_kb"]), fmt_mb(a["pss_kb"])))
    add("| after a stick's sync (a calendar file read, the week's PDF %s) | %d | %d | %s | %s |" % (
        "written" if m["pdf_written"] else "NOT written", z["libraries"], len(z["heavy"]),
        fmt_mb(z["vm_rss_kb"]), fmt_mb(z["pss_kb"])))


def t_sync(r, add):
    s, m = r["sync"], r["machine"]
    add("| Import and export (files on %s, no device flush) | in-process | whole command |"
        % m["work_fs"])
    add("|---|---:|---:|")
    oc, oi, oe = s["ops_import_csv"], s["ops_import_ics"], s["ops_export"]
    add("| Import of a %s-activity CSV (read, parse, store; the command also exports) "
        "| %s | %s (`vaermed sync`) |" % ("{:,}".format(oc["activities"]),
                                          fmt_ms(oc["total_ms"]["median"]),
                                          fmt_ms(s["sync_import_csv"]["median"])))
    add("| Import of an ICS, 50 weekly recurrences → %d activities | %s | %s (`vaermed sync`) |"
        % (oi["activities"], fmt_ms(oi["total_ms"]["median"]),
           fmt_ms(s["sync_import_ics"]["median"])))
    add("| Export of %s sign-ups: CSV | %s | |" % ("{:,}".format(oe["signups"]),
                                               fmt_ms(oe["signups_csv_ms"]["median"])))
    add("| Export: statistics CSV (%s activities) | %s | |" % (
        "{:,}".format(oe["activities"]), fmt_ms(oe["stats_csv_ms"]["median"])))
    add("| Export: database snapshot | %s | |" % fmt_ms(oe["snapshot_ms"]["median"]))
    add("| Export: week's program PDF (%d activities, %d pages) | %s | |" % (
        oe["week_activities"], oe["pdf_pages"], fmt_ms(oe["week_pdf_ms"]["median"])))
    add("| The four exports together / the whole `vaermed sync` with 10,000 sign-ups "
        "(unchanged program: the PDF is kept; sign-ups sealed) | %s | %s |" % (
            fmt_ms(oe["total_ms"]["median"]), fmt_ms(s["sync_export_10000"]["median"])))
    def faults(row):
        return (" (%s page faults)" % "{:,}".format(int(row["faults"]["median"]))
                if "faults" in row else "")

    add("| … CPU time of the whole `vaermed sync` (user + system): the 1,000-activity import / "
        "the 10,000 sign-ups | | %s / %s%s |" % (
            fmt_ms(s["sync_import_csv"]["cpu_ms"]["median"]),
            fmt_ms(s["sync_export_10000"]["cpu_ms"]["median"]), faults(s["sync_export_10000"])))
    if "sync_changed_10000" in s:
        c = s["sync_changed_10000"]
        add("| … the whole `vaermed sync` with 10,000 sign-ups and a changed program (imported, "
            "the week's PDF made again): time / CPU (user + system) | | %s / %s%s |" % (
                fmt_ms(c["median"]), fmt_ms(c["cpu_ms"]["median"]), faults(c)))


def t_qr_print(r, add):
    s = r["qr_print"]
    add("| QR codes and posters | in-process | whole command |")
    add("|---|---:|---:|")
    q = s["ops_qr"]
    for kind, label in (("url", "URL"), ("sms", "SMS"), ("vevent", "calendar (VEVENT)")):
        if kind in q:
            add("| QR code, %s payload (%d bytes, version %d) | %s | |" % (
                label, q[kind]["bytes"], q[kind]["version"],
                fmt_ms(q[kind]["encode_ms"]["median"])))
    add("| QR code as PNG (`vaermed qr`) | %s | %s |" % (
        fmt_ms(q["png"]["write_ms"]["median"]) if "png" in q else "",
        fmt_ms(s["cli_qr"]["median"])))
    pd, p1 = s["ops_print_demo"], s["ops_print_1000"]
    add("| Week program PDF, demo program (%d activities, %d pages) | %s | %s (`vaermed poster`) |"
        % (pd["week_activities"], pd["week_pages"], fmt_ms(pd["week_ms"]["median"]),
           fmt_ms(s["cli_poster_week_demo"]["median"])))
    add("| Week program PDF, 1,000-activity program (%d activities, %d pages) | %s | %s |" % (
        p1["week_activities"], p1["week_pages"], fmt_ms(p1["week_ms"]["median"]),
        fmt_ms(s["cli_poster_week_1000"]["median"])))
    add("| One activity's poster PDF | %s | %s (`--activity`) |" % (
        fmt_ms(pd["poster_ms"]["median"]), fmt_ms(s["cli_poster_activity"]["median"])))


# (title, table maker, the results it reads)
SECTIONS = [("Vær med and Chromium as kiosks on X", t_x_compare, ("x_compare",)),
            ("Vær med against headless Chromium", t_compare, ("startup", "memory", "chromium")),
            ("Start-up", t_startup, ("startup",)), ("Frame time", t_frames, ("frames",)),
            ("Tap latency", t_tap, ("tap",)), ("Idle", t_idle, ("idle",)),
            ("Memory", t_memory, ("memory",)), ("Modules", t_modules, ("modules",)),
            ("Import and export", t_sync, ("sync",)),
            ("QR codes and posters", t_qr_print, ("qr_print",))]


def table(r):
    m = r["machine"]
    lines = []
    add = lines.append
    add("Machine: %s, %s cores, %d MB, kernel %s, %s (Debian %s); load at start %s; "
        "files on %s; %s." % (m["cpu"], m["cores"], m["memory_mb"], m["kernel"],
                              m.get("os", "?"), m.get("debian", "?"),
                              " ".join(str(x) for x in m["load_at_start"]), m["work_fs"],
                              "QUICK trial run" if r["quick"] else
                              "median of %d runs unless said" % REPS))
    for title, fn, keys in SECTIONS:
        add("")
        mark = len(lines)
        try:
            fn(r, add)
        except Exception as e:  # a part that could not run says so; nothing is made up
            del lines[mark:]
            errors = [r[k]["error"] for k in keys
                      if isinstance(r.get(k), dict) and "error" in r[k]]
            add("| %s | not yet: %s |" % (title, "; ".join(errors) or repr(e)))
            add("|---|---|")
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: bench.py BUILD_DIR\n")
        return 2
    started = time.monotonic()
    b = Bench(argv[1])
    results = {"quick": QUICK, "now": NOW}
    xvfb = xvfb_idle = None
    idle_threads = []
    def part(name, fn, *args):
        try:
            results[name] = fn(*args)
        except Exception as e:  # recorded, and the table says "not yet" for it
            log("%s: not measured: %s" % (name, e))
            results[name] = {"error": str(e)}

    try:
        results["machine"] = machine(b)
        xvfb = Xvfb()
        results["inputs"] = prepare(b)
        part("startup", startup, b, xvfb)
        part("frames", frames, b, xvfb)
        # The idle kiosks sit still beside the rest (a second X server of their own).
        log("idle: two kiosks left alone for %d s while the rest runs" % IDLE_SECONDS)
        results["idle"] = {}
        xvfb_idle = Xvfb("800x480x24")
        for mode, display in (("xvfb", xvfb_idle.display), ("dummy", None)):
            th = threading.Thread(target=idle, args=(b, mode, display, results["idle"]))
            th.start()
            idle_threads.append(th)
        part("tap", tap_latency, b, xvfb)
        part("memory", memory, b, xvfb)
        part("modules", modules_cost, b)
        part("sync", sync_bench, b)
        part("qr_print", qr_print_bench, b)
        part("chromium", chromium, b)
        part("x_compare", x_compare, b)
        for th in idle_threads:
            th.join()
        results["machine"]["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
        results["seconds"] = round(time.monotonic() - started, 1)
        text = table(results)
        results["table"] = text
        with open(os.path.join(HERE, "results.json"), "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
        print(text)
        log("done in %.0f s; results in bench/results.json" % results["seconds"])
        return 0
    finally:
        for th in idle_threads:
            th.join(IDLE_SECONDS + 30)
        for p in STARTED:
            if p.poll() is None:
                stop(p)
        for x in (xvfb, xvfb_idle):
            if x:
                x.close()
        shutil.rmtree(b.work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
