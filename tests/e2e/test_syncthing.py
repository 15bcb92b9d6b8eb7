#!/usr/bin/env python3
"""End-to-end with a real network engine: two Syncthing instances on this machine (loopback
only, no discovery, no relays) keep the same vaermed/ folder on an "office" and a kiosk.
The program goes from the office to the running kiosk, the sign-ups come back sealed, and
a kiosk killed in the middle of a sync loses nothing: the next sync completes."""
import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Failure, Workspace, check  # noqa: E402

PASS = "fire ord kun personalet kender\n"
PROGRAM = ("id;titel;kategori;start;pladser;husstand\r\n"
           "spis-1;Fællesspisning;fællesspisning;03-12-2026 18:00;30;ja\r\n")
PROGRAM2 = PROGRAM + "banko-1;Banko;banko;04-12-2026 14:00;20;nej\r\n"
PROGRAM3 = PROGRAM2 + "gaa-1;Gåtur;gåtur;05-12-2026 10:00;;\r\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, ready, timeout=120, procs=()):
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = ready()
        if got:
            return got
        for p in procs:
            if p.poll() is not None:
                raise Failure("%s: a process ended early (%d)" % (what, p.returncode))
        time.sleep(0.2)
    raise Failure("%s: not within %d s" % (what, timeout))


class Syncthing:
    """One Syncthing instance with its own home, on 127.0.0.1 only."""

    def __init__(self, ws, name):
        self.home = ws.path("st-" + name)
        self.log = ws.path("st-" + name + ".log")
        env = dict(os.environ, STNODEFAULTFOLDER="1", STNOUPGRADE="1", HOME=ws.dir)
        self.env = env
        subprocess.run(["syncthing", "generate", "--home=" + self.home, "--no-default-folder",
                        "--skip-port-probing"], env=env, check=True, capture_output=True, timeout=60)
        self.id = subprocess.run(["syncthing", "serve", "--home=" + self.home, "--device-id"],
                                 env=env, check=True, capture_output=True, text=True,
                                 timeout=60).stdout.strip()
        self.port = free_port()
        self.gui = free_port()
        self.proc = None

    def configure(self, folder, peer):
        path = os.path.join(self.home, "config.xml")
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        gui.find("address").text = "127.0.0.1:%d" % self.gui
        opts = root.find("options")
        def opt(tag, value):
            el = opts.find(tag)
            if el is None:
                el = ET.SubElement(opts, tag)
            el.text = value
        for el in opts.findall("listenAddress"):
            opts.remove(el)
        ET.SubElement(opts, "listenAddress").text = "tcp://127.0.0.1:%d" % self.port
        for tag, value in (("globalAnnounceEnabled", "false"), ("localAnnounceEnabled", "false"),
                           ("relaysEnabled", "false"), ("natEnabled", "false"),
                           ("startBrowser", "false"), ("urAccepted", "-1"),
                           ("autoUpgradeIntervalH", "0"), ("crashReportingEnabled", "false")):
            opt(tag, value)
        dev = ET.SubElement(root, "device", id=peer.id, name="peer", compression="metadata",
                            introducer="false")
        ET.SubElement(dev, "address").text = "tcp://127.0.0.1:%d" % peer.port
        f = ET.SubElement(root, "folder", id="vaermed-estate", label="Vær med", path=folder,
                          type="sendreceive", rescanIntervalS="5", fsWatcherEnabled="true",
                          fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true")
        ET.SubElement(f, "device", id=self.id)
        ET.SubElement(f, "device", id=peer.id)
        tree.write(path)

    def start(self):
        self.logf = open(self.log, "w")
        self.proc = subprocess.Popen(["syncthing", "serve", "--home=" + self.home, "--no-browser",
                                      "--no-restart", "--no-upgrade"], env=self.env,
                                     stdout=self.logf, stderr=subprocess.STDOUT)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self.logf.close()


def own_folder(base):
    v = os.path.join(base, "vaermed")
    names = [d for d in os.listdir(v) if d.startswith("kiosk") and os.path.isdir(os.path.join(v, d))] \
        if os.path.isdir(v) else []
    return os.path.join(v, names[0]) if len(names) == 1 else None


def write(path, text):
    tmp = path + ".new"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def test_syncthing_carries_program_and_signups():
    if shutil.which("syncthing") is None:
        raise Failure("syncthing is not installed (deploy/install-deps.sh test installs it)")
    ws = Workspace("syncthing")
    office, kfolder = ws.path("office"), ws.path("kiosk-sync")
    os.makedirs(os.path.join(office, "vaermed"))
    os.makedirs(kfolder)
    # At the office: the staff key and the program. The kiosk authorises the office folder as
    # it would a stick (the key file travels with the folder).
    ws.cli("staff-key", "new", "--stick", office, db=False, input=PASS * 2)
    write(os.path.join(office, "vaermed", "program.csv"), PROGRAM)
    conf = ws.path("vaermed.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write("kiosk_name = Fælleshuset\nsync_folder = %s\nsync_folder_minutes = 60\n"
                "syncthing_home = %s\nstick_root = %s\n" % (kfolder, ws.path("st-kiosk"),
                                                             ws.path("no-sticks")))
    ws.cli("--config", conf, "stick", "init", office)

    a, b = Syncthing(ws, "office"), Syncthing(ws, "kiosk")
    a.configure(office, b)
    b.configure(kfolder, a)
    app = None
    dump = ws.path("dump.jsonl")
    try:
        a.start()
        b.start()
        wait_for("the program reaches the kiosk's folder",
                 lambda: os.path.exists(os.path.join(kfolder, "vaermed", "program.csv")) and
                 os.path.exists(os.path.join(kfolder, "vaermed", "vaermed.key")),
                 procs=(a.proc, b.proc))

        def start_kiosk():
            env = ws.env(extra={"VAERMED_UI_DUMP": dump, "HOME": ws.dir,
                                "VAERMED_MOUNTS": ws.path("mounts")})
            open(ws.path("mounts"), "w").close()
            return subprocess.Popen([kiosk.BIN, "--db", ws.db, "--config", conf], env=env,
                                    stdout=subprocess.PIPE, stderr=open(ws.path("kiosk.err"), "a"),
                                    text=True)

        app = start_kiosk()
        # The kiosk syncs the folder by itself: the program is on its screen.
        wait_for("the kiosk imports the program",
                 lambda: "spis-1" in ws.cli("list").stdout, procs=(app,))
        ws.cli("join", "spis-1", "--name", "Hanne", "--adults", "2")
        # The office changes the program: the kiosk syncs again, and its sign-ups go home.
        write(os.path.join(office, "vaermed", "program.csv"), PROGRAM2)
        wait_for("the new program reaches the kiosk",
                 lambda: "banko-1" in ws.cli("list").stdout, procs=(app, a.proc, b.proc))
        sealed = wait_for("the sealed sign-ups reach the office",
                          lambda: own_folder(office) and
                          os.path.exists(os.path.join(own_folder(office), "tilmeldinger.csv.vaermed")) and
                          os.path.join(own_folder(office), "tilmeldinger.csv.vaermed"),
                          procs=(app, a.proc, b.proc))

        def opened_names():
            out = ws.path("opened")
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            cp = ws.cli("open-export", sealed, db=False, input=PASS, cwd=out, check_ok=False)
            if cp.returncode != 0:
                return None
            rows = list(csv.DictReader(io.StringIO(
                open(os.path.join(out, "tilmeldinger.csv"), encoding="utf-8-sig").read()), delimiter=";"))
            return {r["Navn"] for r in rows}
        wait_for("Hanne's sign-up is at the office", lambda: "Hanne" in (opened_names() or set()),
                 procs=(app,))

        # A kiosk killed in the middle of a sync: the office changes the program once more and
        # the kiosk is killed as soon as it writes its first export file.
        ws.cli("join", "spis-1", "--name", "Inger", "--adults", "1")
        own = own_folder(kfolder)
        check(own, "no kiosk folder in the kiosk's synced folder")
        before = set(os.listdir(own))

        def writing():
            try:
                names = os.listdir(own)
            except OSError:
                return False
            return any(".tmp" in n for n in names)
        # A temporary file lives for a moment only; on a loaded machine this loop can miss a
        # whole sync. Then the office saves the program again (a blank line more, which the
        # reader skips, so the program is the same) and the next sync is watched, up to 6 times.
        killed_mid = False
        for attempt in range(6):
            write(os.path.join(office, "vaermed", "program.csv"), PROGRAM3 + "\r\n" * attempt)
            deadline = time.time() + 25
            while time.time() < deadline:
                if writing():
                    killed_mid = True
                    break
                time.sleep(0.002)
            if killed_mid:
                break
        app.send_signal(signal.SIGKILL)
        app.wait()
        app = None
        check(killed_mid, "the kiosk was not seen writing its export in 6 syncs of 25 s each")
        # Nothing lost: the database is whole and holds both sign-ups.
        names = {r["name"] for r in csv.DictReader(io.StringIO(ws.cli("signups").stdout))}
        check({"Hanne", "Inger"} <= names, "after the kill the kiosk holds %s" % names)
        # The next start syncs the folder and completes: Inger goes home, the new program is in.
        app = start_kiosk()
        wait_for("the kiosk's next sync imports the new program",
                 lambda: "gaa-1" in ws.cli("list").stdout, procs=(app,))
        wait_for("Inger's sign-up is at the office", lambda: "Inger" in (opened_names() or set()),
                 timeout=180, procs=(app, a.proc, b.proc))
        # The temporary files the kill left behind were removed by the next sync.
        wait_for("no temporary files left",
                 lambda: not any(n.startswith(".") and ".tmp" in n for n in os.listdir(own)),
                 timeout=60)
        app.terminate()
        app.wait(timeout=30)
        app = None
        # The staff screen shows this kiosk's Syncthing device id, for the office to add it.
        with open(conf, "a", encoding="utf-8") as f:
            f.write("staff_pin = 2468\n")
        frames, cp = ws.kiosk(["hold-id clock 6", "wait 450"] +
                              ["tap-id digit:%s" % d for d in "2468"] + ["tap-id confirm", "wait 450",
                                                                           "tap-id info:syncthing", "wait 450"],
                              demo=False, extra_args=["--config", conf],
                              extra_env={"HOME": ws.dir, "VAERMED_MOUNTS": ws.path("mounts")})
        admin = [f for f in frames if f["screen"] == "admin"]
        check(admin, "the staff screen did not open: %s" % [f["screen"] for f in frames])
        shown = [w["label"] for w in admin[-1]["widgets"] if w["id"] == "info:syncthing"]
        check(shown and b.id in shown[0], "the staff screen shows %s, not the device id %s" %
              (shown, b.id))
        log = open(os.path.join(own, "log.txt"), encoding="utf-8-sig").read()
        check("Fælleshuset" in log, "the log does not name the kiosk")
        check(before <= set(os.listdir(own)) | {"ugeprogram.pdf"},
              "files went missing from the kiosk's folder: %s" % (before - set(os.listdir(own))))
    finally:
        if app:
            app.terminate()
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
        a.stop()
        b.stop()


if __name__ == "__main__":
    sys.exit(kiosk.run([test_syncthing_carries_program_and_signups]))
