#!/bin/sh
# deploy_shellcheck: every shell script of the project is shellcheck-clean (warnings and
# infos alike): deploy/**/*.sh, .ci/run and tests/**/*.sh.
# usage: tests/deploy/shellcheck.sh SOURCE_DIR
set -eu
src=${1:?usage: shellcheck.sh SOURCE_DIR}
cd "$src"
if ! command -v shellcheck >/dev/null 2>&1; then
    echo "deploy_shellcheck: shellcheck is missing: deploy/install-deps.sh test installs it" >&2
    exit 1
fi
# -print0 is not POSIX; the repository has no file names with newlines, so one a line is fine.
scripts=$({ find deploy tests -name '*.sh' -type f; [ -f .ci/run ] && echo .ci/run; } | sort)
if [ -z "$scripts" ]; then
    echo "deploy_shellcheck: found no scripts in $src: is this the repository?" >&2
    exit 1
fi
n=0
failed=0
for f in $scripts; do
    n=$((n + 1))
    if ! shellcheck --severity=style "$f"; then
        failed=$((failed + 1))
    fi
done
echo "deploy_shellcheck: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
