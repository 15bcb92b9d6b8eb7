#!/usr/bin/env bash
# screenshots.sh: the README's pictures of the kiosk, in docs/screenshots/.
#
#   tools/screenshots.sh [BUILD_DIR]      (default: build; make run builds it)
#
# Each picture is the real kiosk (BUILD_DIR/vaermed --demo) in a virtual screen (Xvfb) of the
# panel's size, on a fresh demo database, on a fixed clock (Tuesday 24 November 2026, 10:00 in
# Copenhagen), driven to its screen by the kiosk's own automation hook (VAERMED_UI_INPUT: tap-id,
# advance) and saved with ImageMagick's import. Needs xvfb and imagemagick (Debian).
# SCREENSHOT_DISPLAY picks the first X display number to try (default 230).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/vaermed
out=$root/docs/screenshots
[ -x "$bin" ] || { echo "screenshots: no $bin (run make run, or give the build folder)" >&2; exit 2; }
for t in Xvfb import; do
    command -v $t >/dev/null || { echo "screenshots: $t is missing (apt-get install xvfb imagemagick)" >&2; exit 2; }
done
mkdir -p "$out"
work=$(mktemp -d)
xpid=
cleanup() { [ -z "$xpid" ] || kill "$xpid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# shot NAME SIZE LANG INCHES [automation lines...]
shot() {
    local name=$1 size=$2 lang=$3 inches=$4
    shift 4
    local d=$work/$name
    mkdir -p "$d"
    # the language first (the kiosk starts in it), then the others of the chooser
    printf 'languages = %s %s\nscreen_inches = %s\nestate_name = Fælleshuset, Solbakken\n' \
        "$lang" "$(echo da en ar ur so tr | tr ' ' '\n' | grep -vx "$lang" | tr '\n' ' ')" \
        "$inches" >"$d/config"
    # a pause after each tap: a new screen ignores taps for its first half second
    local line
    : >"$d/input"
    for line in "$@"; do
        printf '%s\nwait 800\n' "$line" >>"$d/input"
    done
    local n=${SCREENSHOT_DISPLAY:-230}
    while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    xpid=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
    # the automation file runs its lines, then the kiosk waits: shot when the dump is quiet
    DISPLAY=":$n" VAERMED_NOW=2026-11-24T09:00Z HOME="$d" XDG_DATA_HOME="$d" \
        VAERMED_UI_INPUT="$d/input" VAERMED_UI_DUMP="$d/dump" ASAN_OPTIONS=detect_leaks=0 \
        "$bin" --db "$d/db" --config "$d/config" --demo --window "$size" >/dev/null 2>"$d/log" &
    local app=$!
    local last=-1 same=0
    for _ in $(seq 120); do
        sleep 0.5
        local now
        now=0
        [ -f "$d/dump" ] && now=$(wc -l <"$d/dump")
        if [ "$now" -gt 0 ] && [ "$now" = "$last" ]; then
            same=$((same + 1))
            [ $same -ge 4 ] && break
        else
            same=0
        fi
        last=$now
    done
    DISPLAY=":$n" import -window root "$d/shot.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    kill "$xpid" 2>/dev/null || true
    wait "$xpid" 2>/dev/null || true
    xpid=
    # small files: 8-bit palette, no metadata
    convert "$d/shot.png" -strip +dither -colors 256 "PNG8:$out/$name.png"
    echo "$out/$name.png"
}

spis=card:demo-faellesspisning-1

# the week at a glance on the three panels, and standing up
shot home-800x480 800x480 da 7
shot home-1280x800 1280x800 da 10.1
shot home-1920x1080 1920x1080 da 21.5
shot home-480x800 480x800 da 7
# right to left: Arabic, Urdu in Nastaliq
shot home-ar-800x480 800x480 ar 7
shot home-ur-800x480 800x480 ur 7
# a sign-up for a fællesspisning: detail, name, household, done
shot detail-800x480 800x480 da 7 "tap-id $spis"
shot join-800x480 800x480 da 7 "tap-id $spis" "tap-id join" "text Birgitte"
shot household-800x480 800x480 da 7 "tap-id $spis" "tap-id join" "text Birgitte" \
    "tap-id next" "tap-id adults+" "tap-id children+"
shot done-800x480 800x480 da 7 "tap-id $spis" "tap-id join" "text Birgitte" "tap-id next" \
    "tap-id adults+" "tap-id children+" "tap-id confirm"
shot detail-ar-1280x800 1280x800 ar 10.1 "tap-id $spis"
shot detail-ur-800x480 800x480 ur 7 "tap-id $spis"
# "Hvad savner du?": the wish first
shot ideas-800x480 800x480 da 7 "tap-id ideas"
# idle, after a minute untouched
shot idle-800x480 800x480 da 7 "advance 70"
