#!/bin/sh
# Installs the Vær med kiosk on Raspberry Pi OS Lite (bookworm, 64-bit), or any Debian 12 with
# systemd, from this source folder: it builds the Debian package here and installs it. (With
# a ready package, `sudo apt install ./vaermed_*.deb` does the same without building; see
# docs/raspberry-pi.md.) Run it from the copied repository, as root or with sudo:
#
#   sudo deploy/raspberry-pi/install.sh
#
# It is safe to run again (that is also how to update from source): the settings in
# /etc/vaermed/vaermed.conf are never overwritten, and the data is kept. What it does:
#   1. installs the Debian packages the build needs (deploy/install-deps.sh package)
#   2. builds the package vaermed_<version>_<arch>.deb (deploy/deb/build-deb.sh)
#   3. removes what an earlier version of this script put in /usr/local and /etc/systemd,
#      /etc/udev (the package's files live in /usr/lib now)
#   4. installs the package with apt, which brings what it depends on; its own scripts make
#      the user vaermed, the data folder /var/lib/vaermed, the settings (only when there are
#      none yet), and enable and (re)start the service when systemd runs
# Environment: VAERMED_BUILD_DIR (default /var/cache/vaermed/build), JOBS (default nproc),
# VAERMED_NO_START=1 to install without starting the kiosk now.
set -eu

say() { printf 'vaermed install: %s\n' "$*"; }
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }
fail() {
    printf 'vaermed install: %s\n' "$*" >&2
    exit 1
}

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
if [ ! -f "$repo/debian/control" ] || [ ! -f "$repo/deploy/install-deps.sh" ]; then
    fail "run me from inside the Vær med folder (deploy/raspberry-pi/install.sh)"
fi

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "I need to be root: log in as root and run me again"
    say "I need to be root; asking sudo"
    exec sudo -- "$0" "$@"
fi

build=${VAERMED_BUILD_DIR:-/var/cache/vaermed/build}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
data=/var/lib/vaermed

# --- 0. What are we on? ---------------------------------------------------------------------
codename=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null | tr -d '"' || true)
arch=$(dpkg --print-architecture)
[ "$codename" = bookworm ] ||
    say "note: this is '${codename:-unknown}', not bookworm (Raspberry Pi OS 12); going on"
[ "$arch" = arm64 ] || say "note: this is $arch, not arm64; going on (fine for a test box)"
command -v systemctl >/dev/null 2>&1 || fail "systemd is missing: this needs Raspberry Pi OS Lite"

# --- 1. Packages ----------------------------------------------------------------------------
say "1/4 the packages the build needs"
"$repo/deploy/install-deps.sh" package
say "packages ready after $(elapsed)"

# --- 2. Build the package -------------------------------------------------------------------
say "2/4 building the package in $build (a few minutes on a Pi 4)"
mkdir -p "$build"
JOBS="$jobs" "$repo/deploy/deb/build-deb.sh" --out "$build" ||
    fail "the build failed (above); nothing was installed or changed"
version=$(dpkg-parsechangelog -l "$repo/debian/changelog" -S Version)
deb="$build/vaermed_${version}_$arch.deb"
[ -f "$deb" ] || fail "the build made no $deb"

# --- 3. What earlier versions of this script installed by hand ------------------------------
say "3/4 leftovers of an installation from source"
# Only files that carry that installation's own marks are touched.
remove_if_ours() { # remove_if_ours FILE MARK
    if [ -f "$1" ] && grep -q "$2" "$1"; then
        rm -f "$1"
        say "removed $1 (the package's own is in /usr/lib)"
    fi
}
remove_if_ours /etc/systemd/system/vaermed.service 'ExecStart=/usr/local/bin/vaermed'
remove_if_ours /etc/udev/rules.d/99-vaermed-usb.rules '/usr/local/lib/vaermed/vaermed-usb-mount'
for old in /usr/local/bin/vaermed /usr/local/lib/vaermed /usr/local/share/doc/vaermed \
    /etc/vaermed/vaermed.conf.example; do
    if [ -e "$old" ]; then
        rm -rf "$old"
        say "removed $old"
    fi
done

# --- 4. Install -----------------------------------------------------------------------------
say "4/4 installing $deb"
# A database made by hand as root (say with `sudo vaermed ...`) would lock the kiosk out.
if [ -d "$data" ] && id vaermed >/dev/null 2>&1; then
    find "$data" \( ! -user vaermed -o ! -group vaermed \) -exec chown vaermed:vaermed {} +
fi
policy=/usr/sbin/policy-rc.d
made_policy=no
if [ "${VAERMED_NO_START:-0}" = 1 ] && [ ! -e "$policy" ]; then
    # Tells the package's scripts not to start services now.
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    made_policy=yes
fi
status=0
# confold: the caretaker's /etc/vaermed/vaermed.conf stays as it is, always. ntfs-3g for NTFS
# sticks; fake-hwclock keeps the time across power cuts without network or battery clock.
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "$deb" ntfs-3g fake-hwclock || status=$?
[ "$made_policy" = no ] || rm -f "$policy"
[ "$status" -eq 0 ] || fail "apt could not install the package (above)"
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    udevadm control --reload-rules || say "note: udev did not reload its rules; a reboot will"
    # Let the backlight rule give the night mode its switch now, not only after a reboot.
    udevadm trigger --action=add --subsystem-match=backlight || true
fi
say "installed $(vaermed --version) after $(elapsed)"
if [ ! -d /run/systemd/system ]; then
    say "systemd is not running here (a chroot?): the kiosk starts at the next boot"
elif [ "${VAERMED_NO_START:-0}" = 1 ]; then
    say "VAERMED_NO_START=1: not started now; it starts at the next boot"
else
    say "the kiosk runs; see what it says with: journalctl -u vaermed -f"
fi

if [ -r /boot/firmware/config.txt ] && ! grep -q '^dtoverlay=vc4-kms-v3d' /boot/firmware/config.txt; then
    say "note: /boot/firmware/config.txt has no 'dtoverlay=vc4-kms-v3d'; the kiosk needs the KMS"
    say "      graphics driver (Raspberry Pi OS has it by default). See docs/raspberry-pi.md."
fi

say "done. Next: edit /etc/vaermed/vaermed.conf, then: sudo systemctl restart vaermed"
say "Set the staff code: sudo vaermed pin set"
say "Authorise a staff stick: sudo -u vaermed vaermed stick init /media/<STICK>"
