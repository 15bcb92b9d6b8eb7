#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for a bounded time, seeded with the
# sample stick files in tests/sync/data. It runs in libFuzzer's fork mode (each job a
# child process), with timeouts, crashes and out-of-memory all counted as failures: a file
# that makes a reader take more than 10 seconds is a bug (a stick must never hang the
# kiosk). A failure leaves its input in <build>/fuzz-artifacts/ and makes this script exit
# non-zero; the last line per target gives execs, and oom/timeout/crash counts.
#
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 60; TARGET is csv, ics or bundle (default: all three)
#   VAERMED_FUZZ_BUILD  build folder (default: build-fuzz in the source tree)
#   VAERMED_FUZZ_JOBS   parallel fork-mode jobs (default 1; the machine has 2 cores)
#
# The calendar reader's acceptance run (issue 10): ten minutes, zero timeouts:
#   tests/fuzz/run.sh 600 ics
set -eu

secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-csv ics bundle}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${VAERMED_FUZZ_BUILD:-$root/build-fuzz}
data=$root/tests/sync/data

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz: clang is needed (apt-get install clang)" >&2
    exit 1
fi

mkdir -p "$build"
CC=clang cmake -S "$root" -B "$build" -DVAERMED_FUZZ=ON -DVAERMED_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
for t in $targets; do
    cmake --build "$build" -j2 --target "fuzz_$t"
done

status=0
for t in $targets; do
    corpus=$build/fuzz-corpus/$t
    artifacts=$build/fuzz-artifacts
    mkdir -p "$corpus" "$artifacts"
    case $t in
        csv) cp "$data"/*.csv "$corpus"/ ;;
        ics) cp "$data"/*.ics "$corpus"/ ;;
        bundle) cp "$data"/*.db "$corpus"/ ;;
    esac
    echo "fuzz: $t for ${secs}s"
    if ! UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        ASAN_OPTIONS=detect_leaks=1 \
        "$build/tests/fuzz/fuzz_$t" -fork="${VAERMED_FUZZ_JOBS:-1}" -ignore_timeouts=0 \
        -ignore_crashes=0 -ignore_ooms=0 -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -max_len=$((1024 * 1024)) -print_final_stats=1 \
        -artifact_prefix="$artifacts/$t-" "$corpus" >"$build/fuzz-$t.log" 2>&1; then
        echo "fuzz: $t FOUND A PROBLEM; see $build/fuzz-$t.log and $artifacts/" >&2
        tail -n 40 "$build/fuzz-$t.log" >&2
        status=1
    else
        grep -E "oom/timeout/crash" "$build/fuzz-$t.log" | tail -n 1
    fi
done
exit $status
