#!/bin/sh
# deploy_units: `systemd-analyze verify` has nothing to say about the kiosk's unit.
#
# The unit is the one CMake made from deploy/raspberry-pi/vaermed.service.in for this build's
# prefix (the package's has /usr/bin/vaermed). verify checks that ExecStart= names an
# executable file, and the kiosk exists there only on an installed kiosk, not on a build
# machine. So the test verifies a copy, under the same unit name, whose ExecStart= binary is
# /bin/true; the arguments and every other line stay as they are. verify exits 0 even on
# unknown keys or bad values, so any line it prints about the unit fails the test.
# verify also looks up the man pages of Documentation= with man(1): the project's own pages
# are given to it through MANPATH, as an installation would have them.
# usage: tests/deploy/verify_units.sh UNIT WORK_DIR SOURCE_DIR
set -eu
unit=${1:?usage: verify_units.sh UNIT WORK_DIR SOURCE_DIR}
work=${2:?usage: verify_units.sh UNIT WORK_DIR SOURCE_DIR}
src=${3:?usage: verify_units.sh UNIT WORK_DIR SOURCE_DIR}
[ -f "$unit" ] || { echo "deploy_units: no $unit (CMake writes it when it configures)" >&2; exit 1; }
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "deploy_units: systemd-analyze is missing: deploy/install-deps.sh test installs it" >&2
    exit 1
fi
rm -rf "$work"
mkdir -p "$work"
mkdir -p "$work/man/man1" "$work/man/man5"
cp "$src/docs/man/vaermed.1" "$work/man/man1/"
cp "$src/docs/man/vaermed.conf.5" "$work/man/man5/"
MANPATH="$work/man:$(manpath 2>/dev/null || echo /usr/share/man)"
export MANPATH
copy="$work/vaermed.service"
sed 's#^ExecStart=/[^ ]*/bin/vaermed #ExecStart=/bin/true #' "$unit" >"$copy"
if ! grep -q '^ExecStart=/bin/true --fullscreen --config /etc/vaermed/vaermed.conf$' "$copy"; then
    echo "deploy_units: the unit's ExecStart= is not the expected" \
        "'PREFIX/bin/vaermed --fullscreen --config /etc/vaermed/vaermed.conf'" >&2
    exit 1
fi
# The GL driver's shader cache lives under HOME: HOME must be the data folder, which the
# service may write and which lasts (a cold cache costs the first frame ~2x the
# instructions); nothing may switch the cache off.
if ! grep -q '^Environment=HOME=/var/lib/vaermed$' "$copy" ||
    ! grep -q '^StateDirectory=vaermed$' "$copy" ||
    ! grep -q '^ReadWritePaths=.*/var/lib/vaermed' "$copy" ||
    grep -q 'MESA_SHADER_CACHE_DISABLE\|MESA_GLSL_CACHE_DISABLE' "$copy"; then
    echo "deploy_units: the unit's HOME is not the kept, writable data folder" \
        "(/var/lib/vaermed), or it switches the GL shader cache off" >&2
    exit 1
fi
status=0
out=$(systemd-analyze verify "$copy" 2>&1) || status=$?
# Other units on the machine (pulled in through After=/Conflicts=) may have their own
# complaints; only what concerns ours counts.
ours=$(printf '%s\n' "$out" | grep -i 'vaermed' || true)
if [ "$status" -ne 0 ] || [ -n "$ours" ]; then
    printf '%s\n' "$out" >&2
    echo "deploy_units: 0 passed, 1 failed (systemd-analyze verify exit $status)" >&2
    exit 1
fi
[ -z "$out" ] || printf 'deploy_units: (about other units) %s\n' "$out"
echo "deploy_units: 1 passed, 0 failed"
