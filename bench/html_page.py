#!/usr/bin/env python3
"""What estates use instead of Vær med: the program as a kiosk web page for Chromium.

Reads a Vær med database with python3's sqlite3 module (read-only) and writes one
self-contained HTML page that shows what the kiosk's home screen shows: the estate, the date
and a clock, the language button, "I dag" / "Denne uge" / "Senere", and a card per activity
with its pictogram on the category colour (inline SVG symbols), the time, title, place, host,
threshold badges and the sign-up line ("7 af 18 pladser er taget", "Bare kom", ...).
Like a typical generated kiosk page it puts every upcoming activity in the document and
lets the browser scroll; a small script keeps the clock current.

usage: html_page.py DB NOW OUT.html [ESTATE]     (NOW like 2026-11-23T09:30Z)
"""
import datetime
import html
import sqlite3
import sys

try:
    from zoneinfo import ZoneInfo
    TZ = ZoneInfo("Europe/Copenhagen")
except Exception:  # no tz database: winter time is what the benchmark's dates use
    TZ = datetime.timezone(datetime.timedelta(hours=1))

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december"]

# category key -> (colour, SVG path drawn in a 24x24 box, white on the colour)
CATEGORIES = {
    "other": ("#4a4a4a", "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm-2 5h3v6h-3z"),
    "food": ("#a33a1f", "M7 2v8a2 2 0 0 0 2 2v10h2V12a2 2 0 0 0 2-2V2h-1.5v6h-1V2H9v6H8V2zm10 0c-2 0-3 3-3 6v5h2v9h2V2z"),
    "walk": ("#2f6b2f", "M13 4a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM9.8 8.9 7 23h2.1l1.8-8 2.1 2v6h2v-7.5l-2.1-2 .6-3A7.3 7.3 0 0 0 19 13v-2a5 5 0 0 1-4.3-2.4l-1-1.6a2 2 0 0 0-2.5-.8L6 8.3V13h2V9.6z"),
    "workshop": ("#5b4a8a", "M22.7 19 13.6 9.9c.9-2.3.4-5-1.5-6.9-2-2-5-2.4-7.4-1.3L9 6 6 9 1.6 4.7C.4 7.1.9 10.1 2.9 12.1c1.9 1.9 4.6 2.4 6.9 1.5l9.1 9.1c.4.4 1 .4 1.4 0l2.3-2.3c.5-.4.5-1.1.1-1.4z"),
    "games": ("#8a2a5b", "M4 4h16v16H4zm3 3v2h2V7zm8 0v2h2V7zm-4 4v2h2v-2zm-4 4v2h2v-2zm8 0v2h2v-2z"),
    "homework": ("#1f5f8a", "M12 3 1 9l11 6 9-4.9V17h2V9zM5 13.2v4L12 21l7-3.8v-4L12 17z"),
    "talk": ("#6b4f1f", "M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z"),
    "cafe": ("#7a4516", "M2 21h18v-2H2zM20 8h-2V5h2zm0-5H4v10a4 4 0 0 0 4 4h6a4 4 0 0 0 4-4v-3h2a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2z"),
    "sport": ("#1f7a6b", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 3.3 1.4-1a8 8 0 0 1 4.3 3.1l-.4 1.4-1.4.5L13 6.7zm-3.4-1A8 8 0 0 1 11 4.3l1-.1v2.5L8.2 9.3l-1.4-.5-.4-1.4a8 8 0 0 1 3.2-3.1z"),
    "kids": ("#c2571a", "M12 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm-7 8h14v2h-5v10h-2v-5h-0v5H10V12H5z"),
    "music": ("#3a3a8a", "M12 3v10.6A4 4 0 1 0 14 17V7h4V3z"),
    "garden": ("#4f7a1f", "M12 22V12m0 0C12 7 8 4 3 4c0 5 4 8 9 8zm0 0c0-5 4-8 9-8 0 5-4 8-9 8z"),
    "party": ("#a31f5b", "M2 22 8 6l10 10zm12-20 1 3-3 1zm5 5 3 1-1 3zM16 2h2v3h-2z"),
    "meeting": ("#2a4a6b", "M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.3 0-7 1.2-7 3.5V19h14v-2.5C15 14.2 10.3 13 8 13zm8 0h-1c1.2.8 2 2 2 3.5V19h6v-2.5c0-2.3-4.7-3.5-7-3.5z"),
    "crafts": ("#6b3f5b", "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM5 9l14 8M4 13l13 7M8 4l12 8"),
}

# the small pictograms beside the texts (no emoji font is needed)
MARKS = {
    "clock": "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v6l5 3 1-1.7-4-2.3V7z",
    "place": "M12 2a7 7 0 0 0-7 7c0 5.3 7 13 7 13s7-7.7 7-13a7 7 0 0 0-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z",
    "host": "M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-3.3 0-10 1.7-10 5v3h20v-3c0-3.3-6.7-5-10-5z",
    "globe": "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.4 1.1-2.8 1.9-4zM4.3 14a8 8 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h3a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.3-3.6C8.9 5.5 8.4 6.7 8.1 8zM12 20c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.4-1.1 2.8-1.9 4zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h3a8 8 0 0 1-4.4 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8 8 0 0 1 0 4z",
    "up": "M12 8l-8 8 1.4 1.4L12 10.8l6.6 6.6L20 16z",
    "down": "M12 16l8-8-1.4-1.4L12 13.2 5.4 6.6 4 8z",
}


def mark(name):
    return "<svg class=m><use href='#m-%s'/></svg>" % name


BADGES = [(1, "Gratis"), (2, "Bare kom"), (4, "Børnepasning"), (8, "Det er fint at komme alene"),
          (16, "Kun for beboere"), (32, "Uden trapper")]

CSS = """
*{box-sizing:border-box}html,body{margin:0;height:100%;overflow:hidden}
body{font-family:"Noto Sans",sans-serif;background:#f3efe6;color:#1e1e1e;font-size:22px}
header{display:flex;align-items:center;gap:12px;background:#fff;border-bottom:2px solid #8a8a8a;
 padding:6px 12px;height:76px}
header .who{flex:1;min-width:0}header .estate{font-weight:700;font-size:24px;white-space:nowrap;
 overflow:hidden;text-overflow:ellipsis}header .date{font-size:22px}
header .clock{font-weight:700;font-size:44px}
button{font:inherit;font-weight:700;border:2px solid #5a5a5a;border-radius:10px;background:#fff;
 color:#1e1e1e;padding:0 14px;height:64px;display:flex;align-items:center;gap:8px}
main{display:flex;height:calc(100% - 76px)}
.list{flex:1;overflow-y:auto;padding:0 12px 12px 12px;scrollbar-width:none}
.list::-webkit-scrollbar{display:none}
.scroll{display:flex;flex-direction:column;justify-content:space-between;padding:12px 12px 12px 0}
.scroll button{width:64px;height:128px;justify-content:center;background:#e9e4da;border-color:#e9e4da}
h2{font-size:30px;margin:12px 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
svg.m{width:26px;height:26px;fill:currentColor;vertical-align:-5px}
.scroll svg.m{width:40px;height:40px}
.card{display:flex;background:#fff;border-radius:14px;overflow:hidden;min-height:120px}
.card .pict{width:68px;display:flex;justify-content:center;padding-top:14px}
.card .pict svg{width:48px;height:48px;fill:#fff;stroke:#fff}
.card .body{padding:10px 12px;flex:1;min-width:0}
.when{font-weight:700;display:flex;align-items:center;gap:8px}
.soon{background:#0b3d91;color:#fff;border-radius:16px;padding:0 10px}
.title{font-weight:700;font-size:30px;margin:4px 0}
.facts{display:flex;flex-wrap:wrap;gap:4px 16px}
.badges{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.badge{background:#ece6da;border-radius:16px;padding:0 10px}
.status{font-weight:700;color:#1e5b2a}.status.full{color:#8a1f1f}.cancelled .title{text-decoration:line-through}
"""

# The clock runs from the page's "now" at real speed (as the kiosk's VAERMED_NOW clock does).
SCRIPT = """
var offset=NOW_MS-Date.now();
function tick(){var d=new Date(Date.now()+offset);var h=String(d.getHours()).padStart(2,'0');
var m=String(d.getMinutes()).padStart(2,'0');document.getElementById('clock').textContent=h+':'+m;
setTimeout(tick,60000-d.getSeconds()*1000-d.getMilliseconds());}
tick();
"""


def local(utc):
    return datetime.datetime.fromtimestamp(utc, TZ)


def when_text(start, end, now):
    s, e, n = local(start), local(end), local(now)
    days = (s.date() - n.date()).days
    if days <= 0:
        day = "I dag"
    elif days == 1:
        day = "I morgen"
    else:
        day = "%s %d. %s" % (WEEKDAYS[s.weekday()].capitalize(), s.day, MONTHS[s.month - 1])
    return "%s %02d:%02d–%02d:%02d" % (day, s.hour, s.minute, e.hour, e.minute)


def soon_text(start, end, now):
    if start <= now < end:
        return "Nu"
    minutes = (start - now) // 60
    if 0 < minutes < 60:
        return "om %d min." % minutes
    if 0 < minutes < 12 * 60:
        hours = (minutes + 30) // 60  # as the kiosk says it: 3 h 30 min is "om 4 timer"
        return "om %d timer" % hours if hours >= 2 else "om 1 time"
    return ""


def status_text(row, taken, waiting, helpers_taken, slots):
    if row["cancelled"]:
        return "Aflyst", "full"
    mode = row["mode"]
    if mode == "none":
        return "Bare kom", ""
    if mode == "helpers":
        free = max(0, slots - helpers_taken)
        return ("Giv en hånd: %d ledige pladser" % free) if free else "Der er hænder nok – tak!", ""
    cap = row["capacity"]
    if cap:
        if taken >= cap:
            return "Fuldt – venteliste" + (" (%d på venteliste)" % waiting if waiting else ""), "full"
        return "%d af %d pladser er taget" % (taken, cap), ""
    return "Der er plads til dig", ""


def section(start, now):
    s, n = local(start), local(now)
    if start <= now or s.date() == n.date():
        return 0
    if s.isocalendar()[:2] == n.isocalendar()[:2]:
        return 1
    return 2


def generate(db, now, estate="Fælleshuset Solbakken", uids=None):
    """The page, and how many activities it holds. With `uids` (the cards Vær med's first
    screen shows) it holds those only, in that order, as a page made for the same screen
    would; without, every upcoming activity, as a generated kiosk page often does."""
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    con.row_factory = sqlite3.Row
    rows = con.execute(
        """SELECT a.*,
             COALESCE(SUM(CASE WHEN s.task_id IS NULL AND s.status = 'confirmed'
                          THEN CASE WHEN a.count_household THEN s.adults + s.children ELSE 1 END
                          END), 0) AS taken,
             COALESCE(SUM(s.task_id IS NULL AND s.status = 'waiting'), 0) AS waiting,
             COALESCE(SUM(s.task_id IS NOT NULL AND s.status = 'confirmed'), 0) AS helpers,
             (SELECT COALESCE(SUM(slots), 0) FROM helper_tasks t
               WHERE t.activity_id = a.id AND t.retired = 0) AS slots
           FROM activities a LEFT JOIN signups s ON s.activity_id = a.id
           WHERE a.end_utc > ? AND a.start_utc < ?
           GROUP BY a.id ORDER BY a.start_utc, a.title""",
        (now, now + 10 * 7 * 86400)).fetchall()
    con.close()
    if uids is not None:
        by_uid = {r["uid"]: r for r in rows}
        rows = [by_uid[u] for u in uids if u in by_uid]
    n = local(now)
    out = ["<!doctype html><html lang=da translate=no><head><meta charset=utf-8>",
           "<meta name=viewport content='width=device-width'>",
           "<title>Vær med – %s</title><style>%s</style></head><body>" % (html.escape(estate), CSS),
           "<svg width=0 height=0 style=position:absolute><defs>"]
    for key, (_, path) in CATEGORIES.items():
        out.append("<symbol id=i-%s viewBox='0 0 24 24'><path d='%s'/></symbol>" % (key, path))
    for key, path in MARKS.items():
        out.append("<symbol id=m-%s viewBox='0 0 24 24'><path d='%s'/></symbol>" % (key, path))
    out.append("</defs></svg>")
    out.append("<header><div class=who><div class=estate>%s</div><div class=date>%s %d. %s %d"
               "</div></div><div class=clock id=clock>%02d:%02d</div>"
               "<button>%s English</button></header>"
               % (html.escape(estate), WEEKDAYS[n.weekday()].capitalize(), n.day,
                  MONTHS[n.month - 1], n.year, n.hour, n.minute, mark("globe")))
    out.append("<main><div class=list>")
    names = ["I dag", "Denne uge", "Senere"]
    current = -1
    shown = 0
    for r in rows:
        if r["end_utc"] <= now:
            continue
        sec = section(r["start_utc"], now)
        if sec != current:
            if current >= 0:
                out.append("</div>")
            out.append("<h2>%s</h2><div class=grid>" % names[sec])
            current = sec
        colour, _ = CATEGORIES.get(r["category"], CATEGORIES["other"])
        key = r["category"] if r["category"] in CATEGORIES else "other"
        soon = soon_text(r["start_utc"], r["end_utc"], now)
        facts = []
        if r["place"]:
            facts.append(mark("place") + " " + html.escape(r["place"]))
        if r["host"]:
            facts.append(mark("host") + " Vært: " + html.escape(r["host"]))
        if r["price"]:
            facts.append("Pris: " + html.escape(r["price"]))
        badges = "".join("<span class=badge>%s</span>" % word
                         for bit, word in BADGES if r["badges"] & bit)
        status, cls = status_text(r, r["taken"], r["waiting"], r["helpers"], r["slots"])
        out.append(
            "<div class='card%s'><div class=pict style='background:%s'><svg><use href='#i-%s'/>"
            "</svg></div><div class=body><div class=when>%s %s%s</div>"
            "<div class=title>%s</div><div class=facts>%s</div><div class=badges>%s</div>"
            "<div class='status %s'>%s</div></div></div>"
            % (" cancelled" if r["cancelled"] else "", colour, key, mark("clock"),
               when_text(r["start_utc"], r["end_utc"], now),
               "<span class=soon>%s</span>" % soon if soon else "",
               html.escape(r["title"]), "".join("<span>%s</span>" % f for f in facts), badges,
               cls, status))
        shown += 1
    if current >= 0:
        out.append("</div>")
    if not shown:
        out.append("<h2>Der er ikke noget på programmet lige nu</h2><p>Kig forbi igen snart!</p>")
    out.append("</div><div class=scroll><button aria-label='Rul op'>%s</button>"
               "<button aria-label='Rul ned'>%s</button></div></main>" % (mark("up"), mark("down")))
    out.append("<script>%s</script></body></html>"
               % SCRIPT.replace("NOW_MS", str(now * 1000)))
    return "\n".join(out), shown


def parse_now(text):
    return int(datetime.datetime.strptime(text, "%Y-%m-%dT%H:%MZ")
               .replace(tzinfo=datetime.timezone.utc).timestamp())


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    page, shown = generate(argv[1], parse_now(argv[2]), *(argv[4:5] or []))
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write(page)
    print("%s: %d activities" % (argv[3], shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
