#!/bin/sh
# deploy_cross_binfmt: deploy/cross-arm64.sh leaves out the tests that need binfmt_misc when
# the kernel has no enabled qemu-aarch64 entry, and says which; with one, it leaves out none.
# It asks the test list of this very build (--plan installs and builds nothing), with a made-up
# binfmt_misc folder in each of three states.
# usage: tests/deploy/cross_binfmt.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -eu
src=${1:?usage: cross_binfmt.sh SOURCE_DIR BUILD_DIR WORK_DIR}
build=${2:?usage: cross_binfmt.sh SOURCE_DIR BUILD_DIR WORK_DIR}
work=${3:?usage: cross_binfmt.sh SOURCE_DIR BUILD_DIR WORK_DIR}
rm -rf "$work"
mkdir -p "$work/none" "$work/enabled" "$work/disabled"
printf 'enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\n' \
    >"$work/enabled/qemu-aarch64"
printf 'disabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\n' \
    >"$work/disabled/qemu-aarch64"

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    echo "FAILED: $*" >&2
    sed 's/^/  said: /' "$work/out" >&2
}
plan() { # plan BINFMT_DIR
    VAERMED_ARM64_BUILD="$build" VAERMED_BINFMT_DIR="$1" sh "$src/deploy/cross-arm64.sh" --plan \
        -- -R e2e >"$work/out" 2>&1
}

# Every test that starts the built kiosk from a script: the end-to-end, power-loss and soak
# tests. They must all carry the label, or a cross build would run them and fail.
all=$(ctest --test-dir "$build" -N | sed -n 's/^ *Test *#[0-9]*: //p')
scripted=$(printf '%s\n' "$all" | grep -E '^(e2e_|powerloss|soak)' || true)
labelled=$(ctest --test-dir "$build" -N -L binfmt | sed -n 's/^ *Test *#[0-9]*: //p')
if [ -n "$scripted" ] && [ "$scripted" = "$labelled" ]; then ok; else
    echo "scripted tests: $scripted" >"$work/out"
    echo "labelled binfmt: $labelled" >>"$work/out"
    bad "the label binfmt is on exactly the e2e, power-loss and soak tests"
fi

for state in none disabled; do
    if plan "$work/$state"; then ok; else bad "--plan failed with binfmt $state"; fi
    if grep -q "no enabled qemu-aarch64 entry" "$work/out"; then ok; else
        bad "with binfmt $state it says binfmt_misc cannot run arm64 programs"
    fi
    n=$(printf '%s\n' "$labelled" | grep -c .)
    if grep -q "the $n tests that start the arm64 kiosk from a script are left out" "$work/out"
    then ok; else bad "with binfmt $state it counts the $n tests it leaves out"; fi
    missing=""
    for t in $labelled; do
        grep -qx "    $t" "$work/out" || missing="$missing $t"
    done
    if [ -z "$missing" ]; then ok; else bad "with binfmt $state it does not name:$missing"; fi
    if grep -qx "cross-arm64: would run: ctest -LE binfmt -R e2e" "$work/out"; then ok; else
        bad "with binfmt $state ctest leaves out the label binfmt and keeps the caller's -R"
    fi
done

if plan "$work/enabled"; then ok; else bad "--plan failed with binfmt enabled"; fi
if grep -q "every test runs" "$work/out" && ! grep -q "left out" "$work/out"; then ok; else
    bad "with binfmt enabled it leaves nothing out"
fi
if grep -qx "cross-arm64: would run: ctest  -R e2e" "$work/out"; then ok; else
    bad "with binfmt enabled ctest gets only the caller's arguments"
fi

echo "deploy_cross_binfmt: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
