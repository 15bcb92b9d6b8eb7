#!/bin/sh
# Installs the Vær med kiosk on Raspberry Pi OS Lite (bookworm, 64-bit), or any Debian 12 with
# systemd. Run it from the copied repository, as root or with sudo:
#
#   sudo deploy/raspberry-pi/install.sh
#
# It is safe to run again (that is also how to update): every step checks first and only
# does what is missing, and the settings in /etc/vaermed/vaermed.conf are never overwritten.
# What it does, in order:
#   1. installs the Debian packages (deploy/install-deps.sh run, plus ntfs-3g for NTFS sticks)
#   2. builds the kiosk (CMake, Release) and installs it to /usr/local/bin/vaermed
#   3. creates the system user vaermed, in the groups video, input and render
#   4. creates /var/lib/vaermed (the data, 0750, owned by vaermed)
#   5. installs /etc/vaermed/vaermed.conf, only if there is none yet
#   6. installs the USB stick rule and its helper, and the systemd service
#   7. enables the service (it starts at every boot) and (re)starts it if systemd is running
# Environment: VAERMED_BUILD_DIR (default /var/cache/vaermed/build), JOBS (default nproc),
# VAERMED_NO_START=1 to enable without starting.
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
if [ ! -f "$repo/CMakeLists.txt" ] || [ ! -f "$repo/deploy/install-deps.sh" ]; then
    fail "run me from inside the Vær med folder (deploy/raspberry-pi/install.sh)"
fi

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "I need to be root: log in as root and run me again"
    say "I need to be root; asking sudo"
    exec sudo -- "$0" "$@"
fi

# Paths: install.sh, the unit and the udev rule agree on these.
prefix=/usr/local
bin="$prefix/bin/vaermed"
libexec="$prefix/lib/vaermed"
docdir="$prefix/share/doc/vaermed"
user=vaermed
data=/var/lib/vaermed
etc=/etc/vaermed
build=${VAERMED_BUILD_DIR:-/var/cache/vaermed/build}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
running_systemd=no
[ -d /run/systemd/system ] && running_systemd=yes

# --- 0. What are we on? ---------------------------------------------------------------------
codename=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null | tr -d '"' || true)
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
[ "$codename" = bookworm ] ||
    say "note: this is '${codename:-unknown}', not bookworm (Raspberry Pi OS 12); going on"
[ "$arch" = arm64 ] || say "note: this is $arch, not arm64; going on (fine for a test box)"
command -v systemctl >/dev/null 2>&1 || fail "systemd is missing: this needs Raspberry Pi OS Lite"

# --- 1. Packages ----------------------------------------------------------------------------
say "1/7 packages"
"$repo/deploy/install-deps.sh" run
# Runtime extras of the Pi, beside what the build needs: NTFS sticks (the helper prefers the
# kernel's ntfs3 and falls back to ntfs-3g), and a clock that survives a power cut without
# network or RTC (Raspberry Pi OS has it already; plain Debian does not).
extras=""
for p in ntfs-3g fake-hwclock; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        extras="$extras $p"
done
if [ -n "$extras" ]; then
    say "installing$extras"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $extras
fi

say "packages ready after $(elapsed)"

# --- 2. Build and install -------------------------------------------------------------------
say "2/7 building in $build (a few minutes on a Pi 4)"
mkdir -p "$build"
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DVAERMED_TESTS=OFF -DVAERMED_SANITIZE=OFF >"$build/configure.log" 2>&1 ||
    { cat "$build/configure.log" >&2; fail "CMake could not configure the build (above)"; }
cmake --build "$build" -j "$jobs" --target vaermed ||
    fail "the build failed (above); nothing was installed or changed"
cmake --install "$build" --strip >/dev/null
[ -x "$bin" ] || fail "cmake --install did not put the kiosk at $bin"
say "installed $bin ($("$bin" --version 2>/dev/null || echo "version unknown")), after $(elapsed)"
install -d -m 0755 "$libexec" "$docdir"
install -m 0755 "$here/vaermed-usb-mount.sh" "$libexec/vaermed-usb-mount"
install -m 0644 "$repo/docs/raspberry-pi.md" "$docdir/raspberry-pi.md"

# --- 3. The user ----------------------------------------------------------------------------
say "3/7 the system user $user"
if ! id "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data" --no-create-home \
        --shell /usr/sbin/nologin --comment "Vær med kiosk" "$user"
    say "created the user $user"
fi
for group in video input render; do
    if ! getent group "$group" >/dev/null 2>&1; then
        # Debian's udev rules give /dev/dri/renderD* to `render`, /dev/input/* to `input`.
        groupadd --system "$group"
        say "created the missing group $group"
    fi
    if ! id -nG "$user" | tr ' ' '\n' | grep -qx "$group"; then
        usermod -a -G "$group" "$user"
        say "added $user to the group $group"
    fi
done

# --- 4. The data folder ---------------------------------------------------------------------
say "4/7 the data folder $data"
install -d -m 0750 -o "$user" -g "$user" "$data"
# A database made by hand as root (say with `sudo vaermed ...`) would lock the kiosk out.
find "$data" \( ! -user "$user" -o ! -group "$user" \) -exec chown "$user:$user" {} +

# --- 5. The settings ------------------------------------------------------------------------
say "5/7 the settings in $etc"
install -d -m 0755 "$etc"
# The example is always the newest; the settings themselves are the caretaker's.
install -m 0644 "$here/vaermed.conf" "$etc/vaermed.conf.example"
if [ -e "$etc/vaermed.conf" ]; then
    say "kept your $etc/vaermed.conf (the newest example is $etc/vaermed.conf.example)"
else
    # Readable by the kiosk, not by everyone: it holds the staff code.
    install -m 0640 -o root -g "$user" "$here/vaermed.conf" "$etc/vaermed.conf"
    say "wrote $etc/vaermed.conf: set the estate's name and a staff code in it"
fi

# --- 6. The USB rule and the service --------------------------------------------------------
say "6/7 the USB stick rule and the service"
install -m 0644 "$here/99-vaermed-usb.rules" /etc/udev/rules.d/99-vaermed-usb.rules
install -m 0644 "$here/vaermed.service" /etc/systemd/system/vaermed.service
install -d -m 0755 /media
if [ "$running_systemd" = yes ]; then
    udevadm control --reload-rules || say "note: udev did not reload its rules; a reboot will"
    # Let the backlight rule give the night mode its switch now, not only after a reboot.
    udevadm trigger --action=add --subsystem-match=backlight || true
    systemctl daemon-reload
fi

# --- 7. Enable and start --------------------------------------------------------------------
say "7/7 starting at every boot"
# The kiosk takes tty1; without its login prompt the boot does not race the two.
systemctl disable getty@tty1.service >/dev/null 2>&1 || true
systemctl enable vaermed.service
if [ "$running_systemd" = no ]; then
    say "systemd is not running here (a chroot?): the kiosk starts at the next boot"
elif [ "${VAERMED_NO_START:-0}" = 1 ]; then
    say "VAERMED_NO_START=1: not starting now; it starts at the next boot"
else
    systemctl restart vaermed.service
    say "started; see what it says with: journalctl -u vaermed -f"
fi

if [ -r /boot/firmware/config.txt ] && ! grep -q '^dtoverlay=vc4-kms-v3d' /boot/firmware/config.txt; then
    say "note: /boot/firmware/config.txt has no 'dtoverlay=vc4-kms-v3d'; the kiosk needs the KMS"
    say "      graphics driver (Raspberry Pi OS has it by default). See docs/raspberry-pi.md."
fi

say "done in $(elapsed). Next: edit $etc/vaermed.conf, then: sudo systemctl restart vaermed"
say "Authorise a staff stick: sudo -u $user vaermed stick init /media/<STICK>"
