#!/usr/bin/env bash
# make bench: runs every benchmark against the build in $1 (default build-bench), prints the
# table and writes bench/results.json. The work is done by bench/bench.py (python3, standard
# library only); see docs/benchmarks.md for what each number means.
#   ./bench/run.sh [BUILD_DIR]      VAERMED_BENCH_QUICK=1 for a short trial run
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-build-bench}

for tool in python3 Xvfb xdotool; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench: $tool is missing (deploy/install-deps.sh bench installs it)" >&2
        exit 2
    fi
done
if ! command -v chromium >/dev/null 2>&1; then
    echo "bench: chromium is missing: the comparison will say 'not yet'" >&2
fi
if [ ! -x "$build/vaermed" ] || [ ! -x "$build/bench/bench_frame" ]; then
    echo "bench: build first: cmake -S . -B $build -DCMAKE_BUILD_TYPE=Release -DVAERMED_BENCH=ON" \
         "&& cmake --build $build" >&2
    exit 2
fi

exec python3 "$here/bench.py" "$build"
