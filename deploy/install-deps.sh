#!/bin/sh
# Installs the Debian packages Vær med needs to build, run and test, and only those that are
# missing, so a second run does nothing. Works as root or through sudo, on Debian 12 and on
# Raspberry Pi OS (bookworm). Usage: deploy/install-deps.sh [run|package|deb|test|bench]
#   run: build and run the kiosk; package: and build its Debian package (install.sh);
#   deb: and check the package with lintian (make deb); test: and run the test suite;
#   bench: and the benchmarks.
set -eu

what=${1:-test}

# What the kiosk needs to build and run.
pkgs="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libfreetype-dev libpng-dev
libsqlite3-dev libqrencode-dev libcairo2-dev libpango1.0-dev libfribidi-dev libical-dev
libsystemd-dev nettle-dev libdrm-dev libsodium-dev fonts-noto-core gettext"
# What building the Debian package needs on top (deploy/raspberry-pi/install.sh, make deb):
# debhelper; and lintian to check the result (make deb, the tests).
case $what in package | deb | test | bench) pkgs="$pkgs debhelper dpkg-dev" ;; esac
case $what in deb | test | bench) pkgs="$pkgs lintian" ;; esac
# What the test suite needs on top: cmocka, zbar and ZXing (zxing-cpp-tools) to decode QR
# codes back with two independent readers (zlib to read a code's PDF form), poppler to
# render the posters, Xvfb and xdotool for the end-to-end runs, python3 for the test
# drivers; devscripts (hardening-check) and debootstrap for the package's tests (tests/deb);
# systemd-journal-remote makes journal files for the health tests; syncthing for the
# synced-folder test (two real instances on loopback, tests/e2e/test_syncthing.py).
if [ "$what" = test ] || [ "$what" = bench ]; then
    pkgs="$pkgs libcmocka-dev libzbar-dev zlib1g-dev zbar-tools zxing-cpp-tools poppler-utils xvfb xdotool imagemagick
python3 sqlite3 clang shellcheck systemd mtools fdisk e2fsprogs
devscripts debootstrap util-linux systemd-journal-remote syncthing"
fi
if [ "$what" = bench ]; then
    pkgs="$pkgs chromium"
fi

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "Installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "install-deps: these packages are missing and I am not root and have no sudo:$missing" >&2
    exit 1
fi
# Refresh the package lists only when they have never been fetched or are a day old.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
    $sudo apt-get update
fi
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
