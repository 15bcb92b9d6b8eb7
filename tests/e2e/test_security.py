#!/usr/bin/env python3
"""End-to-end: what the kiosk gives away, and to whom (docs/security.md).

The cancel screen's answers, the cancel codes in the database, the staff PIN and its
lockout, the staff sticks and what a sync writes on them, the code typed on the screen."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk  # noqa: E402
from kiosk import Workspace, check  # noqa: E402
from test_kiosk import PAUSE, type_name  # noqa: E402

CLUB = "demo-boerneklub"  # capacity 15, four sign-ups in the demo


def cancel_try(uid, name, code):
    """One attempt on the cancel screen, ending on cancel-done; then home."""
    lines = ["tap-id card:" + uid, PAUSE, "tap-id cancel-signup", PAUSE] + type_name(name)
    lines += ["tap-id next", PAUSE] + ["tap-id digit:" + d for d in code]
    lines += ["tap-id confirm", PAUSE, "tap-id done", PAUSE]
    return lines


def answers(frames):
    """What each visit of cancel-done said last, in order (a visit is a run of frames with
    consecutive numbers: any other screen in between is dumped too)."""
    labels, last_seq = [], None
    for f in frames:
        if f["screen"] != "cancel-done":
            continue
        label = [w["label"] for w in f["widgets"] if w["id"] == "result"][0]
        if last_seq is None or f["seq"] != last_seq + 1:
            labels.append(label)
        else:
            labels[-1] = label
        last_seq = f["seq"]
    return labels


def test_cancel_screen_tells_a_stranger_nothing():
    ws = Workspace("cancel-answers")
    ws.kiosk([])  # the demo program
    ws.cli("join", CLUB, "--name", "Ida", "--code", "1357")
    ws.cli("join", CLUB, "--name", "Bo")  # no code
    # A wrong code for Ida, a name nobody signed up with, Bo who has no code: one answer.
    script = cancel_try(CLUB, "Ida", "9999") + cancel_try(CLUB, "Zelda", "9999")
    script += cancel_try(CLUB, "Bo", "9999")
    frames, cp = ws.kiosk(script, demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    labels = answers(frames)
    check(len(labels) == 3, "three tries, three answers: %s" % labels)
    check(len(set(labels)) == 1, "the answers differ, so they tell who is signed up: %s" % labels)
    check("passer ikke" in labels[0] and "personalet" in labels[0], labels[0])
    con = sqlite3.connect(ws.db)
    left = con.execute("SELECT name, status FROM signups WHERE name IN ('Ida', 'Bo')").fetchall()
    con.close()
    check(sorted(left) == [("Bo", "confirmed"), ("Ida", "confirmed")], "a try cancelled: %s" % left)


def test_wrong_codes_slow_one_name_and_say_minutes_right():
    ws = Workspace("cancel-limit")
    ws.kiosk([])
    ws.cli("join", CLUB, "--name", "Ida", "--code", "1357")
    ws.cli("join", CLUB, "--name", "Ole", "--code", "2468")
    script = []
    for code in ["1111", "2222", "3333", "4444"]:
        script += cancel_try(CLUB, "Ida", code)
    # Ole is not locked out by the tries on Ida's name.
    script += cancel_try(CLUB, "Ole", "2468")
    frames, cp = ws.kiosk(script, demo=False)
    check(cp.returncode == 0, cp.stderr[-2000:])
    labels = answers(frames)
    check(len(labels) == 5, "five tries, five answers: %s" % labels)
    check("Vent 1 minut," in labels[3], "the fourth wrong code should wait a minute: %r" % labels[3])
    check("minutter" not in labels[3], "one minute is not 'minutter': %r" % labels[3])
    check(labels[4] == "Du er afmeldt", "Ole was locked out by Ida's tries: %r" % labels[4])


if __name__ == "__main__":
    sys.exit(kiosk.run([
        test_cancel_screen_tells_a_stranger_nothing,
        test_wrong_codes_slow_one_name_and_say_minutes_right,
    ]))
