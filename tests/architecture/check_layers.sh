#!/bin/sh
# The architecture, checked on the sources: core and ui see neither SDL nor SQLite, and no
# SQL is written outside src/store. (The top CMakeLists.txt also refuses to link them.)
set -u
src=${1:?usage: check_layers.sh SRC_DIR}
bad=0
if grep -rnE '#include *[<"](SDL|sqlite3)' "$src/core" "$src/ui"; then
    echo "core and ui must not include SDL or SQLite headers"
    bad=1
fi
if grep -rnE 'sqlite3_[a-z_]+\(' "$src" --include='*.c' --include='*.h' | grep -v "^$src/store/"; then
    echo "SQLite is called outside src/store"
    bad=1
fi
if grep -rnE '"(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA) ' "$src" --include='*.c' | grep -v "^$src/store/"; then
    echo "SQL is written outside src/store"
    bad=1
fi
if grep -rnE '\b(SDL_[A-Za-z]+|TTF_[A-Za-z]+)\(' "$src/core" "$src/ui" "$src/store" "$src/qr" \
        "$src/print" "$src/sync" "$src/icons"; then
    echo "SDL is called outside src/render, src/platform and src/kiosk"
    bad=1
fi
# The top of the program, one way down (the top CMakeLists.txt checks the links too).
if grep -rnE '#include *"(kiosk|cli|services|config|ui|render)/' "$src/platform"; then
    echo "src/platform knows nothing of the screens, the kiosk or the command line"
    bad=1
fi
if grep -rnE '#include *"cli/' "$src/kiosk" "$src/services" "$src/config"; then
    echo "only the command line includes src/cli"
    bad=1
fi
if grep -rnE '#include *"kiosk/' "$src/services" "$src/config"; then
    echo "services and config serve the kiosk and the command line alike: they include no kiosk/"
    bad=1
fi
# The kiosk's files call one another one way, top to bottom (src/kiosk/kiosk_internal.h):
# each includes only the headers of the files below it.
order="kiosk kiosk_hooks kiosk_actions kiosk_sticks kiosk_health kiosk_update kiosk_model
       kiosk_admin kiosk_clock kiosk_screen"
rank() {
    i=0
    for n in $order; do
        [ "$n" = "$1" ] && { echo "$i"; return; }
        i=$((i + 1))
    done
    echo -1
}
for f in "$src"/kiosk/kiosk*.c; do
    me=$(basename "$f" .c)
    mine=$(rank "$me")
    if [ "$mine" -lt 0 ]; then
        echo "$f: not in the kiosk's order (tests/architecture/check_layers.sh, kiosk_internal.h)"
        bad=1
        continue
    fi
    while read -r h; do
        case "$h" in "" | kiosk_internal | kiosk) continue ;; esac
        theirs=$(rank "$h")
        if [ "$theirs" -lt "$mine" ]; then
            echo "$f includes kiosk/$h.h: $me is below $h and must not call it"
            bad=1
        fi
    done <<EOF
$(sed -n 's/^#include *"kiosk\/\(kiosk[a-z_]*\)\.h".*/\1/p' "$f")
EOF
done
[ "$bad" -eq 0 ] && echo "layers: ok"
exit "$bad"
