#!/bin/sh
# Cross-builds Vær med for arm64 (the Raspberry Pi's 64-bit Raspberry Pi OS) on a Debian 12
# amd64 machine and runs the unit tests under qemu-aarch64. Not part of `make test`: it is
# too slow for CI. See docs/raspberry-pi.md ("Building for the Pi on a PC") for timings.
#
# usage: deploy/cross-arm64.sh [--no-tests] [--keep-going] [--target T]... [--deb] [--plan]
#                               [-- CTEST_ARGS...]
#   --no-tests     build only
#   --keep-going   build every target that can be built, even when one fails (the test run
#                  then covers the tests that were built)
#   --target T     build only T (repeatable); default: everything
#   --deb          build the arm64 Debian package instead (build-deb/vaermed_*_arm64.deb),
#                  and check it: lintian, hardening-check, tests/deb/contents.sh
#   --plan         install and build nothing: say which tests would run and which are left
#                  out (see binfmt below), from the tests already configured in the build
#   CTEST_ARGS     passed to ctest, e.g. -- -R '^(utf8|dktime)' or -- -LE e2e
# Environment: VAERMED_ARM64_BUILD (build folder, default build-arm64), JOBS (default nproc),
# VAERMED_BINFMT_DIR (default /proc/sys/fs/binfmt_misc).
#
# binfmt: CTest starts each test program through qemu-aarch64 itself, but the tests labelled
# `binfmt` (end-to-end, power loss, soak) are scripts that start the arm64 kiosk as an
# ordinary program, which only works when the kernel hands arm64 programs to qemu
# (binfmt_misc with an enabled qemu-aarch64 entry; qemu-user-static brings it on a machine
# where systemd runs). Without it those tests are left out, and the script lists them.
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)

build=${VAERMED_ARM64_BUILD:-build-arm64}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
run_tests=yes
keep_going=no
targets=""
deb=no
plan=no
binfmt_dir=${VAERMED_BINFMT_DIR:-/proc/sys/fs/binfmt_misc}
while [ $# -gt 0 ]; do
    case $1 in
    --no-tests) run_tests=no ;;
    --keep-going) keep_going=yes ;;
    --target)
        [ $# -ge 2 ] || { echo "cross-arm64: --target needs a name" >&2; exit 2; }
        targets="$targets $2"
        shift
        ;;
    --deb) deb=yes ;;
    --plan) plan=yes ;;
    --) shift; break ;;
    -h | --help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "cross-arm64: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# The build machine's tools, and the arm64 libraries the kiosk and its tests link.
host_pkgs="gcc-aarch64-linux-gnu qemu-user-static cmake pkg-config gettext dpkg-dev"
[ "$deb" = no ] || host_pkgs="$host_pkgs debhelper lintian devscripts"
arm64_pkgs="libc6-dev libsdl2-dev libsdl2-ttf-dev libsqlite3-dev libqrencode-dev libcairo2-dev
libsystemd-dev nettle-dev libdrm-dev libsodium-dev libpango1.0-dev libfribidi-dev libcmocka-dev libicu-dev libical3 libzbar0"
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

say() { echo "cross-arm64: $*"; }

# Whether the kernel runs arm64 programs through qemu by itself.
binfmt_ready() {
    [ -r "$binfmt_dir/qemu-aarch64" ] && head -n 1 "$binfmt_dir/qemu-aarch64" | grep -qx enabled
}

# Sets ctest_filter to what leaves out the tests binfmt_misc would be needed for, and says
# which those are; empty when every test can run.
ctest_filter=""
choose_tests() {
    if binfmt_ready; then
        say "binfmt_misc hands arm64 programs to qemu ($binfmt_dir/qemu-aarch64): every test runs"
        return 0
    fi
    left=$(ctest --test-dir "$build" -N -L binfmt | sed -n 's/^ *Test *#[0-9]*: //p')
    n=$(printf '%s\n' "$left" | grep -c . || true)
    ctest_filter="-LE binfmt"
    say "binfmt_misc has no enabled qemu-aarch64 entry ($binfmt_dir/qemu-aarch64), so the" \
        "$n tests that start the arm64 kiosk from a script are left out:"
    printf '%s\n' "$left" | sed 's/^/    /'
    say "to run them as well: sudo update-binfmts --enable qemu-aarch64 (package" \
        "binfmt-support), or sudo /lib/systemd/systemd-binfmt where systemd does not run"
}

if [ "$plan" = yes ]; then
    [ -f "$build/CTestTestfile.cmake" ] ||
        { echo "cross-arm64: --plan needs a configured build in $build" >&2; exit 1; }
    choose_tests
    # shellcheck disable=SC2086 # ctest_filter is two words or none
    say "would run: ctest $ctest_filter $*"
    exit 0
fi

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

if [ "$deb" = yes ]; then
    VAERMED_ARM64_DEV="$dev" JOBS="$jobs" deploy/deb/build-deb.sh --arch arm64 \
        --out build-deb --lintian
    version=$(dpkg-parsechangelog -l debian/changelog -S Version)
    deb_file="build-deb/vaermed_${version}_arm64.deb"
    check="$build/deb-check"
    rm -rf "$check"
    mkdir -p "$check"
    dpkg-deb -x "$deb_file" "$check/root"
    say "$(file -b "$check/root/usr/bin/vaermed")"
    # Control-flow protection: bookworm's crt files carry no such note (see tests/deb).
    hardening-check --nocfprotection "$check/root/usr/bin/vaermed"
    VAERMED_DEB_ARCH=arm64 VAERMED_TEST_TMP="$check" \
        sh tests/deb/contents.sh "$repo" build-deb "$version"
    say "built and checked $deb_file in $(($(now) - t0)) s"
    exit 0
fi

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
    choose_tests
    # Only the test programs that exist: with --keep-going some may have failed to build.
    # shellcheck disable=SC2086 # ctest_filter is two words or none
    ctest --test-dir "$build" --output-on-failure -j "$jobs" $ctest_filter "$@" ||
        test_status=$?
fi
t_test=$(now)

echo "cross-arm64: packages $((t_deps - t0)) s, configure $((t_conf - t_deps)) s," \
    "build $((t_build - t_conf)) s, tests $((t_test - t_build)) s (total $((t_test - t0)) s)"
[ "$build_status" -eq 0 ] || echo "cross-arm64: some targets did not build (see above)" >&2
if [ "$build_status" -ne 0 ]; then
    exit 1
fi
exit "$test_status"
