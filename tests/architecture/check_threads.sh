#!/bin/sh
# Every module header says on a "Threads:" line which threads may call it (docs/DEVELOPING.md):
# a header without one is a contract that leaves the next engineer guessing.
set -u
src=${1:?usage: check_threads.sh SRC_DIR}
bad=0
for h in "$src"/*/*.h; do
    if ! grep -q 'Threads:' "$h"; then
        echo "${h#"$src"/} has no \"Threads:\" line (which threads may call it?)"
        bad=1
    fi
done
[ "$bad" -eq 0 ] && echo "threads: every header says"
exit "$bad"
