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
[ "$bad" -eq 0 ] && echo "layers: ok"
exit "$bad"
