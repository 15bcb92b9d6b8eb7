#!/bin/sh
# deploy_man_help: vaermed(1) mirrors `vaermed --help`: every option the help lists is in the
# man page, and the week poster's --week and --next-week are in both, so a caretaker finds
# how to print next week's program whichever one they read.
# usage: tests/deploy/man_help.sh SOURCE_DIR VAERMED_BINARY
set -eu
src=${1:?usage: man_help.sh SOURCE_DIR VAERMED_BINARY}
bin=${2:?usage: man_help.sh SOURCE_DIR VAERMED_BINARY}
man="$src/docs/man/vaermed.1"
help=$("$bin" --help)
passed=0
failed=0
for o in --week --next-week; do
    if printf '%s\n' "$help" | grep -q -- "$o"; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAILED: vaermed --help does not list $o" >&2
    fi
done
options=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || { echo "deploy_man_help: vaermed --help lists no options" >&2; exit 1; }
for o in $options; do
    # groff writes a hyphen as \-
    escaped=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
    if grep -q -- "$escaped" "$man"; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAILED: vaermed(1) does not mention $o" >&2
    fi
done
echo "deploy_man_help: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
