#!/usr/bin/env python3
"""End-to-end, the letters of every language the kiosk speaks: QR codes on the screen that
phones read right (zbar and ZXing, from real screenshots under Xvfb), and names typed in
Arabic, Urdu and Turkish kept byte for byte from the keyboard to the staff's CSV and stick."""
import csv
import io
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Failure, Workspace, check, widget  # noqa: E402

PAUSE = "wait 450"
ARABIC_TITLE = "فطور جماعي"
PROGRAM = [
    "spis-1;Fællesspisning;fællesspisning;24-11-2026 18:00;24-11-2026 20:00;Festsalen;;;;;"
    "nej;;;nej;nej;nej;nej;nej;nej;nej;;;",
    "ar-1;%s;café;25-11-2026 10:00;25-11-2026 12:00;Fælleshuset;;;;;nej;;;nej;nej;nej;"
    "nej;nej;nej;nej;;;" % ARABIC_TITLE,
]
HEADER = ("id;titel;kategori;start;slut;sted;vært;telefon;pris;målgruppe;tilmelding;pladser;"
          "frist;husstand;gratis;bare kom;børnepasning;alene;kun beboere;uden trapper;opgaver;"
          "link;beskrivelse")


PASSPHRASE = "fire ord kun personalet kender\n"


def program_on_stick(ws, rows, staff_key=False):
    """An authorised stick folder with `rows` (CSV lines) as its program, synced into the
    workspace's database with `vaermed sync`; with `staff_key`, the staff's key is on it (so
    sign-ups go home sealed for them)."""
    stick = ws.path("stick")
    os.makedirs(stick, exist_ok=True)
    if staff_key:
        ws.cli("staff-key", "new", "--stick", stick, db=False, input=PASSPHRASE * 2)
    ws.cli("stick", "init", stick)
    with open(os.path.join(stick, "vaermed", "program.csv"), "w", encoding="utf-8") as f:
        f.write("\ufeff" + HEADER + "\r\n" + "\r\n".join(rows) + "\r\n")
    ws.cli("sync", stick)
    return stick


def zbar_text(png):
    """What an app built on zbar shows: zbar converts the bytes to text itself."""
    cp = subprocess.run(["zbarimg", "--quiet", "--raw", png], capture_output=True)
    return cp.stdout.decode("utf-8", "replace").rstrip("\n")


def zxing_texts(png):
    """ZXing's texts of the codes in the picture, each with whether it carries an ECI."""
    cp = subprocess.run(["ZXingReader", "-format", "QRCode", png], capture_output=True)
    out = cp.stdout.decode("utf-8", "replace")
    found = []
    at = out.find("Text:")
    while at >= 0:
        first = out.index('"', at)
        end = out.index('"\nBytes:', first)
        nxt = out.find("Text:", end)
        rest = out[end:nxt if nxt >= 0 else len(out)]
        found.append((out[first + 1:end], "HasECI:     true" in rest))
        at = nxt
    return found


def zxing_text(png):
    """ZXing's text of the one code in the picture, and whether it carries an ECI."""
    found = zxing_texts(png)
    return found[0] if found else ("", False)


def zbar_texts(png):
    """Every code zbar finds, as text (VEVENTs span lines: split on BEGIN)."""
    cp = subprocess.run(["zbarimg", "--quiet", png], capture_output=True)
    out = cp.stdout.decode("utf-8", "replace")
    return [c.rstrip("\n") for c in out.split("QR-Code:") if c.strip()]


def summary(vevent):
    for line in vevent.replace("\r\n", "\n").split("\n"):
        if line.startswith("SUMMARY:"):
            return line[len("SUMMARY:"):]
    return None


class Xvfb:
    def __init__(self, size):
        self.display = ":%d" % (300 + os.getpid() % 300)
        self.proc = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "%dx%dx24" % size,
                                      "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_ready(self, env):
        for _ in range(50):
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                              capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise Failure("Xvfb did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def wait_for(path, screen, count, timeout=40):
    """Waits until the dump has shown `screen` `count` times; returns the frames."""
    deadline = time.time() + timeout
    frames = []
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                frames = [kiosk.json.loads(l) for l in f if l.strip()]
            shown = [i for i, fr in enumerate(frames) if fr["screen"] == screen and
                     (i == 0 or frames[i - 1]["screen"] != screen)]
            if len(shown) >= count and frames[-1]["screen"] == screen:
                return frames
        time.sleep(0.1)
    raise Failure("the kiosk never showed %s %d times: %s" %
                  (screen, count, [f["screen"] for f in frames][-20:]))


def test_screen_qr_reads_letters_right():
    """The detail screen's code of "Fællesspisning" and of an Arabic title, photographed from
    a real X display, reads back exact with zbar and with ZXing, and says it is UTF-8."""
    ws = Workspace("qrletters")
    program_on_stick(ws, PROGRAM)
    xvfb = Xvfb((800, 480))
    try:
        script = ws.path("script.txt")
        with open(script, "w") as f:
            f.write("\n".join(["tap-id card:spis-1", PAUSE, "wait 1500", "tap-id back", PAUSE,
                               "tap-id card:ar-1", PAUSE, "wait 1500", "quit"]) + "\n")
        env = ws.env(extra={"DISPLAY": xvfb.display, "VAERMED_UI_DUMP": ws.path("dump.jsonl"),
                            "VAERMED_UI_INPUT": script})
        env.pop("SDL_VIDEODRIVER")
        xvfb.wait_ready(env)
        app = subprocess.Popen([kiosk.BIN, "--db", ws.db, "--window", "800x480"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        shots = []
        try:
            for k in (1, 2):
                frames = wait_for(ws.path("dump.jsonl"), "detail", k)
                check(widget(frames[-1], "qr") is not None, "no qr widget on detail %d" % k)
                time.sleep(0.4)
                png = ws.path("detail-%d.png" % k)
                subprocess.run(["import", "-window", "root", png], env=env, check=True)
                shots.append(png)
        finally:
            app.communicate(timeout=60)
    finally:
        xvfb.stop()
    for png, title in zip(shots, ["Fællesspisning", ARABIC_TITLE]):
        z = zbar_text(png)
        check(z.startswith("BEGIN:VEVENT") and summary(z) == title,
              "zbar reads the code of %s as %r" % (title, summary(z) or z))
        x, eci = zxing_text(png)
        check(x.startswith("BEGIN:VEVENT") and summary(x) == title,
              "ZXing reads the code of %s as %r" % (title, summary(x) or x))
        check(eci, "the code of %s does not say it is UTF-8" % title)
        check(x == z, "zbar and ZXing disagree: %r %r" % (z, x))


def test_week_poster_and_its_codes():
    """`vaermed poster --week`: one A4 page, its codes read right by zbar and ZXing, the
    Danish and the Arabic title; --next-week is in --help and works."""
    ws = Workspace("weekposter")
    program_on_stick(ws, PROGRAM)
    helptext = subprocess.run([kiosk.BIN, "--help"], capture_output=True, text=True).stdout
    check("--next-week" in helptext, "--help does not list --next-week:\n" + helptext)
    pdf = ws.path("uge.pdf")
    out = ws.cli("poster", "--week", "-o", pdf).stdout
    check("1 page," in out and "2 QR codes" in out, "the poster command said %r" % out)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("Pages:           1" in info, "the week is not one page: %s" % info)
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", pdf, ws.path("uge")],
                   check=True)
    png = ws.path("uge.png")
    titles = sorted(summary(t) or t for t in zbar_texts(png))
    check(titles == sorted(["Fællesspisning", ARABIC_TITLE]), "zbar reads %r" % titles)
    found = zxing_texts(png)
    check(sorted(summary(t) or t for t, _ in found) == titles, "ZXing reads %r" % found)
    check(all(eci for _, eci in found), "a code on the poster does not say it is UTF-8")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    check("Tilmeld dig på skærmen" in text and ARABIC_TITLE in text,
          "the poster's words: %r" % text[:400])
    nxt = ws.path("naeste.pdf")
    ws.cli("poster", "--next-week", "-o", nxt)
    text = subprocess.run(["pdftotext", nxt, "-"], capture_output=True, text=True).stdout
    check("Uge 49" in text and "Der er ingen aktiviteter i denne uge." in text,
          "next week's poster: %r" % text[:300])


NAMES = ["فاطمة الزهراء", "عائشہ بی بی", "Şükrü Işık İlkay", "Cabdi Ka'ab", "Søren Æbelø"]
JOINABLE = ("spis-2;Fællesspisning;fællesspisning;26-11-2026 18:00;26-11-2026 20:00;Festsalen;"
            "Hanne;;35 kr.;;ja;40;;ja;nej;nej;nej;ja;nej;nej;;;")


def signup_names(data, delimiter=",", name="name"):
    """The names in a sign-ups CSV (UTF-8, with or without a BOM)."""
    text = data.decode("utf-8-sig")
    return [r[name] for r in csv.DictReader(io.StringIO(text), delimiter=delimiter)]


def test_names_in_every_script_are_kept_exactly():
    """Arabic, Urdu, Turkish, Somali and Danish names through `vaermed join`, the store, the
    staff's `vaermed signups` CSV and the stick's tilmeldinger.csv (sealed on the stick,
    opened at the office): byte for byte."""
    ws = Workspace("names")
    stick = program_on_stick(ws, [JOINABLE], staff_key=True)
    for name in NAMES:
        ws.cli("join", "spis-2", "--name", name)
    out = subprocess.run([kiosk.BIN, "signups", "spis-2", "--db", ws.db], env=ws.env(),
                         capture_output=True, timeout=60)
    check(out.returncode == 0, out.stderr.decode("utf-8", "replace"))
    got = signup_names(out.stdout)
    check(sorted(got) == sorted(NAMES), "vaermed signups gives %r" % got)
    for name in NAMES:
        check(name.encode("utf-8") in out.stdout, "%r is not in the CSV as UTF-8" % name)
    ws.cli("sync", stick)
    exports = [d for d in os.listdir(os.path.join(stick, "vaermed")) if d.startswith("kiosk-")]
    check(len(exports) == 1, "no export folder on the stick")
    # sealed for the staff on the stick; opened at the office with their passphrase
    office = ws.path("office")
    os.makedirs(office)
    ws.cli("open-export", os.path.join(stick, "vaermed", exports[0], "tilmeldinger.csv.vaermed"),
           db=False, input=PASSPHRASE, cwd=office)
    with open(os.path.join(office, "tilmeldinger.csv"), "rb") as f:
        data = f.read()
    check(data.startswith(b"\xef\xbb\xbf"), "the stick's CSV has no BOM for Excel")
    got = signup_names(data, ";", "Navn")  # as Danish Excel reads it
    check(sorted(got) == sorted(NAMES), "the stick's CSV gives %r" % got)
    for name in NAMES:
        check(name.encode("utf-8") in data, "%r is not on the stick as UTF-8" % name)


def key_taps(text):
    """Automation lines that type `text` on the kiosk's keys, a page on where a letter is not
    on the one shown (the script key is named with "<script>")."""
    lines = []
    for part in text:
        if part == " ":
            lines.append("tap-id key:space")
        elif part in ("<page>", "<script>"):
            lines.append("tap-id key:" + part[1:-1])
        else:
            lines.append("tap-id key:" + part.lower())
    return lines


def test_a_name_typed_on_the_arabic_keys_reaches_the_staff():
    """The real kiosk on a 7" panel at 800x480 in Arabic: the keys are the Arabic letters, 16 mm
    both ways; a name typed on them (a letter from the second page, then Latin letters after
    the script key) is stored exactly, shown on the staff's list and given by `vaermed
    signups`; it is on no public screen."""
    ws = Workspace("arabickeys")
    program_on_stick(ws, [JOINABLE])
    conf = ws.path("vaermed.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write("languages = ar da en\nscreen_inches = 7\nstaff_pin = 2468\n")
    name = "فاطمة Hansen"
    typed = ["ف", "ا", "ط", "م", "<page>", "ة", "<page>", " ", "<script>"] + list("hansen")
    script = ["tap-id card:spis-2", PAUSE, "tap-id join", PAUSE] + key_taps(typed)
    script += ["tap-id next", PAUSE, "tap-id confirm", PAUSE, "wait 1000", "tap-id done", PAUSE]
    script += ["hold-id clock 6", PAUSE] + ["tap-id digit:%s" % d for d in "2468"]
    script += ["tap-id confirm", PAUSE, "tap-id admin-signups", PAUSE,
               "tap-id admin-activity:spis-2", PAUSE]
    frames, cp = ws.kiosk(script, demo=False, extra_args=["--config", conf])
    check(cp.returncode == 0, cp.stderr[-2000:])
    names = [f for f in frames if f["screen"] == "join-name"]
    check(names, "no name step: %s" % [f["screen"] for f in frames])
    px_per_mm = (800 ** 2 + 480 ** 2) ** 0.5 / (7 * 25.4)
    first = names[0]
    letters = [w["label"] for w in first["widgets"]
               if w["id"].startswith("key:") and len(w["id"]) == 5]
    check("ب" in letters and "a" not in letters, "not the Arabic keys: %s" % letters)
    for f in names:
        for w in f["widgets"]:
            if w["id"].startswith("key:") or w["id"] in ("next", "back"):
                check(min(w["w"], w["h"]) / px_per_mm >= 16 - 0.05,
                      "%s is %.1f mm" % (w["id"], min(w["w"], w["h"]) / px_per_mm))
    field = [widget(f, "name")["label"] for f in names if widget(f, "name")]
    check(name in field, "the field showed %s" % field[-3:])
    check(any(f["screen"] == "join-done" for f in frames), "no sign-up: %s"
          % [f["screen"] for f in frames])
    out = subprocess.run([kiosk.BIN, "signups", "spis-2", "--db", ws.db], env=ws.env(),
                         capture_output=True, timeout=60)
    check(signup_names(out.stdout) == [name], "stored %r" % signup_names(out.stdout))
    staff = [f for f in frames if f["screen"] == "admin-signups"]
    check(any(name in w["label"] for f in staff for w in f["widgets"]),
          "the staff's list does not show %s" % name)
    for f in frames:
        if not f["screen"].startswith(("admin", "join-name")):
            check(all("Hansen" not in w["label"] for w in f["widgets"]),
                  "the name on the public screen %s" % f["screen"])


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_screen_qr_reads_letters_right,
        test_week_poster_and_its_codes,
        test_names_in_every_script_are_kept_exactly,
        test_a_name_typed_on_the_arabic_keys_reaches_the_staff,
    ]))
