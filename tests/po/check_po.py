#!/usr/bin/env python3
"""Every word the program shows is in the catalogs.

Collects the msgids the C sources hand to the translation layer (i18n_text, i18n_text_ctx,
i18n_plural, and the ui's tr / tr_staff, the app's say / say_staff, and N_ and STAFF_ for words
chosen before they are translated) and checks that each is in po/da.po and po/en.po, with its
context, so no resident meets an English sentence on a Danish screen. Also checks that the
catalogs name no msgid twice and that every language file parses with msgfmt."""
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STR = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'  # one or more adjacent C string literals
CALLS = [
    # (regex, context)
    (re.compile(r'\bi18n_text\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*' + STR + r'\)'), None),
    (re.compile(r'\bi18n_text_ctx\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*"([^"]*)"\s*,\s*' + STR + r'\)'), "ctx"),
    (re.compile(r'\bi18n_plural\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*' + STR + r','), None),
    (re.compile(r'\btr\(\s*c\s*,\s*' + STR + r'\)'), None),
    (re.compile(r'\btr_staff\(\s*c\s*,\s*' + STR + r'\)'), "staff"),
    (re.compile(r'\bsay\(\s*r\s*,\s*cat\s*,\s*' + STR + r'\)'), None),
    (re.compile(r'\bsay_staff\(\s*k\s*,\s*r\s*,\s*' + STR + r'\)'), "staff"),
    # the kiosk's update words (kiosk/kiosk_update.c) and the update's reasons (services/update.c)
    (re.compile(r'\bstaff\(\s*k\s*,\s*' + STR + r'\)'), "staff"),
    (re.compile(r'\bupdate_err\(\s*[^,()]+\s*,\s*[^,()]+\s*,\s*[^,()]+\s*,\s*' + STR
                + r'[,)]'), "staff"),
    (re.compile(r'\bN_\(\s*' + STR + r'\)'), None),
    # the staff's words in the ui's widget tables (ui/screen.h)
    (re.compile(r'\bSTAFF_\(\s*' + STR + r'\)'), "staff"),
    # the sync's messages reach the stick's log and the sync screen: sync/sync_tr.h
    (re.compile(r'\bSYNC_T\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*' + STR + r'\)'), None),
    (re.compile(r'\bsync_err\(\s*[^,()]+\s*,\s*[^,()]+\s*,\s*[^,()]+(?:\([^()]*\))?\s*,\s*'
                + STR + r'[,)]'), None),
    (re.compile(r'\bics_note\(\s*[^,()]+\s*,\s*' + STR + r'[,)]'), None),
]


def c_string(literals):
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', literals)
    return bytes("".join(parts), "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def po_string(s):
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def read_po(path):
    """(context, msgid) pairs, and duplicates."""
    entries, dups = set(), []
    ctx = msgid = None
    field = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")

    def flush():
        nonlocal ctx, msgid
        if msgid is not None and msgid != "":
            key = (ctx, msgid)
            if key in entries:
                dups.append(key)
            entries.add(key)
        ctx = msgid = None

    for line in lines:
        line = line.strip()
        if line.startswith("#~"):
            continue
        if line.startswith("msgctxt "):
            flush()
            ctx = po_string(line[9:-1])
            field = "ctx"
        elif line.startswith("msgid "):
            if field != "ctx":
                flush()
            msgid = po_string(line[7:-1])
            field = "id"
        elif line.startswith('"') and field in ("id", "ctx"):
            if field == "id":
                msgid += po_string(line[1:-1])
            else:
                ctx += po_string(line[1:-1])
        elif line.startswith("msgstr") or line.startswith("msgid_plural"):
            field = "str"
        elif line == "":
            pass
    flush()
    return entries, dups


def used_msgids():
    found = {}
    for sub in ["src/ui", "src/kiosk", "src/cli", "src/services", "src/config", "src/platform", "src/sync", "src/core"]:
        d = os.path.join(ROOT, sub)
        for name in sorted(os.listdir(d)):
            if not name.endswith(".c"):
                continue
            text = open(os.path.join(d, name), encoding="utf-8").read()
            for rx, kind in CALLS:
                for m in rx.finditer(text):
                    if kind == "ctx":
                        ctx, lit = m.group(1), m.group(2)
                    else:
                        ctx, lit = kind, m.group(1)
                    msgid = c_string(lit)
                    if msgid and msgid != "%s":
                        found.setdefault((ctx, msgid), "%s/%s" % (sub, name))
    return found


def main():
    failed = 0
    used = used_msgids()
    if len(used) < 100:
        print("only %d msgids found in the sources: the patterns are broken" % len(used))
        return 1
    for lang in ["da", "en"]:
        entries, dups = read_po(os.path.join(ROOT, "po", lang + ".po"))
        for d in dups:
            print("%s.po names %r twice" % (lang, d))
            failed += 1
        for (ctx, msgid), where in sorted(used.items(), key=lambda kv: kv[1]):
            if (ctx, msgid) not in entries:
                print("%s: %r%s is not in po/%s.po" % (where, msgid,
                      " (context %r)" % ctx if ctx else "", lang))
                failed += 1
    for name in sorted(os.listdir(os.path.join(ROOT, "po"))):
        if name.endswith(".po"):
            cp = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", os.path.join(ROOT, "po", name)],
                                capture_output=True, text=True)
            if cp.returncode != 0:
                print("po/%s: %s" % (name, cp.stderr.strip()))
                failed += 1
    print("%d msgids in the sources checked against da and en; %d problems" % (len(used), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
