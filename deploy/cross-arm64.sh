#!/bin/sh
# Cross-builds Vær med for arm64 (the Raspberry Pi's 64-bit Raspberry Pi OS) on a Debian 12
# amd64 machine and runs the unit tests under qemu-aarch64. Not part of `make test`: it is
# too slow for CI. See docs/raspberry-pi.md ("Building for the Pi on a PC") for timings.
#
# usage: deploy/cross-arm64.sh [--no-tests] [--keep-going] [--target T]... [-- CTEST_ARGS...]
#   --no-tests     build only
#   --keep-going   build every target that can be built, even when one fails (the test run
#                  then covers the tests that were built)
#   --target T     build only T (repeatable); default: everything
#   CTEST_ARGS     passed to ctest, e.g. -- -R '^(utf8|dktime)' or -- -LE e2e
# Environment: VAERMED_ARM64_BUILD (build folder, default build-arm64), JOBS (default nproc).
#
# What it does, each step only when needed, so a second run only builds:
#  1. enables Debian multiarch for arm64 (dpkg --add-architecture arm64);
#  2. installs the cross compiler gcc-aarch64-linux-gnu, qemu-user-static and the :arm64
#     -dev packages;
#  3. unpacks the two -dev packages that cannot live beside their amd64 twins into the build
#     folder (see below);
#  4. configures with deploy/arm64/toolchain.cmake, builds, and runs ctest, which starts each
#     test program through qemu-aarch64 (CMAKE_CROSSCOMPILING_EMULATOR).
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)

build=${VAERMED_ARM64_BUILD:-build-arm64}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
run_tests=yes
keep_going=no
targets=""
while [ $# -gt 0 ]; do
    case $1 in
    --no-tests) run_tests=no ;;
    --keep-going) keep_going=yes ;;
    --target)
        [ $# -ge 2 ] || { echo "cross-arm64: --target needs a name" >&2; exit 2; }
        targets="$targets $2"
        shift
        ;;
    --) shift; break ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "cross-arm64: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# The build machine's tools, and the arm64 libraries the kiosk and its tests link.
host_pkgs="gcc-aarch64-linux-gnu qemu-user-static cmake pkg-config gettext dpkg-dev"
arm64_pkgs="libc6-dev libsdl2-dev libsdl2-ttf-dev libsqlite3-dev libqrencode-dev libcairo2-dev
libsystemd-dev nettle-dev libpango1.0-dev libcmocka-dev libicu-dev libical3 libzbar0"
# Bookworm's libical-dev needs libdb5.3-dev, and libzbar-dev needs libmagick++-dev (which
# needs libopenexr-dev and libwmf-dev); none of those is Multi-Arch: same, so apt would
# remove the amd64 -dev packages the native build needs. Their arm64 headers, .pc files and
# .so links are unpacked into the build folder instead; the libraries themselves (libical3,
# libzbar0 above) are ordinary multiarch installs.
unpacked_pkgs="libical-dev libzbar-dev"

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    sudo="NOSUDO"
fi
as_root() {
    if [ "$sudo" = NOSUDO ]; then
        echo "cross-arm64: I must run '$*' but I am not root and have no sudo." >&2
        exit 1
    fi
    $sudo "$@"
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
now() { date +%s; }

t0=$(now)
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "cross-arm64: enabling arm64 packages (dpkg --add-architecture arm64)"
    as_root dpkg --add-architecture arm64
    as_root apt-get update
fi

missing=""
for p in $host_pkgs; do
    installed "$p" || missing="$missing $p"
done
for p in $arm64_pkgs; do
    installed "$p:arm64" || missing="$missing $p:arm64"
done
if [ -n "$missing" ]; then
    echo "cross-arm64: installing$missing"
    # An arm64 package with no candidate means the arm64 lists were never fetched.
    if ! apt-cache policy libsdl2-dev:arm64 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        as_root apt-get update
    fi
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

# Step 3: unpack, once per package version.
mkdir -p "$build"
dev="$(cd "$build" && pwd)/arm64-dev"
for p in $unpacked_pkgs; do
    version=$(apt-cache policy "$p:arm64" | sed -n 's/^ *Candidate: //p')
    if [ -z "$version" ] || [ "$version" = "(none)" ]; then
        echo "cross-arm64: apt knows no $p:arm64; run apt-get update" >&2
        exit 1
    fi
    stamp="$dev/.$p-$version"
    [ -e "$stamp" ] && continue
    echo "cross-arm64: unpacking $p:arm64 $version into $dev"
    mkdir -p "$dev/debs"
    (cd "$dev/debs" && rm -f "${p}_"*.deb && apt-get download "$p:arm64")
    dpkg-deb -x "$dev/debs/${p}_"*"_arm64.deb" "$dev"
    touch "$stamp"
done
# The unpacked .pc files say prefix=/usr: point them at the unpacked headers and links. The
# .so links are relative (libical.so -> libical.so.3); point them at the real libraries.
if [ -d "$dev/usr/lib/aarch64-linux-gnu" ]; then
    for pc in "$dev"/usr/lib/aarch64-linux-gnu/pkgconfig/*.pc; do
        [ -e "$pc" ] || continue
        sed -i "s|^prefix=/usr\$|prefix=$dev/usr|" "$pc"
    done
    for so in "$dev"/usr/lib/aarch64-linux-gnu/*.so; do
        [ -L "$so" ] || continue
        target=$(readlink "$so")
        case $target in
        /*) ;;
        *) ln -sfn "/usr/lib/aarch64-linux-gnu/$target" "$so" ;;
        esac
    done
fi
t_deps=$(now)

echo "cross-arm64: configuring $build"
cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="$repo/deploy/arm64/toolchain.cmake" \
    -DVAERMED_ARM64_DEV="$dev" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVAERMED_TESTS=ON \
    -DVAERMED_SANITIZE=OFF
t_conf=$(now)

# AddressSanitizer does not run under qemu-user (its shadow memory collides with qemu's own
# mappings), so this build has no sanitizers: the native `make test` keeps those.
build_status=0
if [ -n "$targets" ]; then
    for t in $targets; do
        if [ "$keep_going" = yes ]; then
            cmake --build "$build" -j "$jobs" --target "$t" || build_status=1
        else
            cmake --build "$build" -j "$jobs" --target "$t"
        fi
    done
elif [ "$keep_going" = yes ]; then
    # -k: make goes on with the targets that do not depend on a failed one.
    cmake --build "$build" -j "$jobs" -- -k || build_status=1
else
    cmake --build "$build" -j "$jobs"
fi
t_build=$(now)
if [ -x "$build/vaermed" ]; then
    echo "cross-arm64: built $(file -b "$build/vaermed" 2>/dev/null || echo "$build/vaermed")"
fi

test_status=0
if [ "$run_tests" = yes ]; then
    # Only the test programs that exist: with --keep-going some may have failed to build.
    ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@" || test_status=$?
fi
t_test=$(now)

echo "cross-arm64: packages $((t_deps - t0)) s, configure $((t_conf - t_deps)) s," \
    "build $((t_build - t_conf)) s, tests $((t_test - t_build)) s (total $((t_test - t0)) s)"
[ "$build_status" -eq 0 ] || echo "cross-arm64: some targets did not build (see above)" >&2
if [ "$build_status" -ne 0 ]; then
    exit 1
fi
exit "$test_status"
