#!/bin/sh
# deb_chroot: the package installs with apt into a clean Debian 12, and runs there.
#
#  1. a clean bookworm (debootstrap --variant=minbase), unpacked from a cached tarball;
#  2. `apt-get install ./vaermed_*.deb`: apt fetches what Depends: names, from Debian;
#  3. `vaermed --version` runs; the user (sysusers.d), its groups, the data folder
#     (tmpfiles.d), the settings' owner and mode, the enabled service are there; the kiosk's
#     user can read the settings and make a staff stick;
#  4. the caretaker edits the settings, and a newer package with changed settings is
#     installed over it: the edits stay, the new settings wait beside them (.dpkg-dist);
#  5. purge: the package and its settings go, the data stays.
#
# Root is needed (debootstrap, chroot), and Debian's mirror (VAERMED_DEBIAN_MIRROR, default
# http://deb.debian.org/debian). The cache (VAERMED_CACHE_DIR, default
# ~/.cache/vaermed-tests) keeps the base system's tarball and apt's downloads, so a second
# run downloads little: about 40 s then; the first run takes some minutes more. Delete the
# folder to start afresh. Runs of several work trees share it, one at a time (flock).
# usage: tests/deb/chroot.sh SOURCE_DIR DEB_DIR VERSION
set -eu
deb_dir=${2:?usage: chroot.sh SOURCE_DIR DEB_DIR VERSION}
version=${3:?usage: chroot.sh SOURCE_DIR DEB_DIR VERSION}
arch=$(dpkg --print-architecture)
deb="$deb_dir/vaermed_${version}_$arch.deb"
suite=bookworm
mirror=${VAERMED_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${VAERMED_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/vaermed-tests}
work="${VAERMED_TEST_TMP:-/tmp}/deb-chroot"

say() { echo "deb_chroot: $*"; }
fail() {
    echo "deb_chroot: $*" >&2
    echo "deb_chroot: 0 passed, 1 failed"
    exit 1
}
[ -f "$deb" ] || fail "no $deb (deb_build makes it)"
[ "$(id -u)" -eq 0 ] ||
    fail "needs root (debootstrap and chroot); run the suite as root, as CI does"
for tool in debootstrap unshare flock chroot; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (deploy/install-deps.sh test)"
done

mkdir -p "$cache/apt-archives/partial" "$cache/apt-lists/partial"
# One run at a time touches the cache: the base tarball and apt's folders.
exec 9>"$cache/lock"
flock 9

started=$(date +%s)
base=$(sh "$(dirname "$0")/base.sh" "$cache" "$arch" "$mirror") || fail "no clean $suite (above)"
rm -rf "$work"
mkdir -p "$work/root"
tar -C "$work/root" -xzf "$base"
root="$work/root"
say "clean $suite ready after $(($(date +%s) - started)) s"

# A second package, as a newer version whose shipped settings changed: what an update does.
next_version="$version+test1"
mkdir -p "$work/next"
dpkg-deb -R "$deb" "$work/next"
sed -i "s/^Version: .*/Version: $next_version/" "$work/next/DEBIAN/control"
printf '\n# A setting that arrived with the next version.\n#new_setting = 1\n' \
    >>"$work/next/etc/vaermed/vaermed.conf"
(cd "$work/next" && find . -path ./DEBIAN -prune -o -type f -print0 | xargs -0 md5sum |
    sed 's# \./# #' >DEBIAN/md5sums)
dpkg-deb --root-owner-group -b "$work/next" "$root/tmp/vaermed_next.deb" >/dev/null
cp "$deb" "$root/tmp/vaermed.deb"

cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Nothing starts services in here (there is no systemd running anyway).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"

# What runs inside: every check prints PASS or FAIL, counted below.
cat >"$root/tmp/checks.sh" <<'CHECKS'
set -u
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
version=$1
next_version=$2
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; }
check() { what=$1; shift; if "$@" >/tmp/out 2>&1; then pass "$what"; else fail "$what"; sed 's/^/    /' /tmp/out; fi; }

apt-get update -qq >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get update"; exit 1; }
if apt-get install -y --no-install-recommends /tmp/vaermed.deb >/tmp/apt.log 2>&1; then
    pass "apt-get install ./vaermed_${version}.deb, with its Depends: from Debian"
else
    tail -n 30 /tmp/apt.log; fail "apt-get install ./vaermed.deb"; exit 1
fi
check "vaermed --version says vaermed $version" sh -c "vaermed --version | grep -qx 'vaermed $version'"
check "the system user vaermed, no login, home /var/lib/vaermed" sh -c \
    "getent passwd vaermed | grep -q ':/var/lib/vaermed:/usr/sbin/nologin$'"
for g in video render input systemd-journal; do
    check "vaermed is in the group $g" sh -c "id -nG vaermed | tr ' ' '\n' | grep -qx $g"
done
check "/var/lib/vaermed is vaermed's, 0750" sh -c \
    "test \"\$(stat -c '%U:%G %a' /var/lib/vaermed)\" = 'vaermed:vaermed 750'"
check "the settings are root:vaermed 0640 (they hold the staff code)" sh -c \
    "test \"\$(stat -c '%U:%G %a' /etc/vaermed/vaermed.conf)\" = 'root:vaermed 640'"
check "the service is enabled" test -L /etc/systemd/system/multi-user.target.wants/vaermed.service
check "the unit and the udev rule are in /usr/lib" sh -c \
    "test -f /usr/lib/systemd/system/vaermed.service && test -f /usr/lib/udev/rules.d/99-vaermed-usb.rules"
check "man vaermed.conf is there" test -f /usr/share/man/man5/vaermed.conf.5.gz
mkdir -p /tmp/stick && chown vaermed /tmp/stick
check "the kiosk's user reads the settings and makes a staff stick" \
    runuser -u vaermed -- vaermed --config /etc/vaermed/vaermed.conf stick init /tmp/stick
check "its database is in /var/lib/vaermed" test -s /var/lib/vaermed/vaermed.db
check "the printing part loads from the package, with its Depends: (a week's PDF)" \
    runuser -u vaermed -- vaermed --config /etc/vaermed/vaermed.conf poster -o /tmp/stick/uge.pdf
check "the PDF is one" sh -c "head -c 5 /tmp/stick/uge.pdf | grep -q '%PDF-'"

# The caretaker's edit, then an update whose shipped settings changed.
sed -i 's/^estate_name = .*/estate_name = Solbakken/' /etc/vaermed/vaermed.conf
cp /etc/vaermed/vaermed.conf /tmp/edited.conf
if dpkg -i --force-confdef --force-confold /tmp/vaermed_next.deb >/tmp/dpkg.log 2>&1; then
    pass "the update to $next_version installs"
else
    cat /tmp/dpkg.log; fail "the update to $next_version"
fi
check "the update kept the caretaker's settings" cmp /etc/vaermed/vaermed.conf /tmp/edited.conf
check "the new shipped settings wait beside them" grep -q new_setting /etc/vaermed/vaermed.conf.dpkg-dist
check "the settings are still root:vaermed 0640" sh -c \
    "test \"\$(stat -c '%U:%G %a' /etc/vaermed/vaermed.conf)\" = 'root:vaermed 640'"
check "after the update, vaermed --version runs" vaermed --version

# The same package again over itself (a repeated installation) changes nothing either.
dpkg -i --force-confdef --force-confold /tmp/vaermed_next.deb >/dev/null 2>&1
check "a repeated installation kept the settings" cmp /etc/vaermed/vaermed.conf /tmp/edited.conf

check "apt-get purge vaermed" sh -c "apt-get purge -y vaermed >/tmp/purge.log 2>&1"
check "purge took the program and the settings" sh -c "! test -e /usr/bin/vaermed && ! test -e /etc/vaermed/vaermed.conf"
check "purge forgot the settings' owner override" sh -c "! dpkg-statoverride --list /etc/vaermed/vaermed.conf"
check "purge kept the data" test -s /var/lib/vaermed/vaermed.db
CHECKS

# A private mount namespace: /proc, /dev and the apt cache are mounted for the chroot only,
# and vanish with it, whatever happens.
status=0
# shellcheck disable=SC2016 # the script is for the inner sh, which gets its values as $1..$4
unshare --mount --propagation private sh -eu -c '
    root=$1 cache=$2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
    mount --bind "$cache/apt-lists" "$root/var/lib/apt/lists"
    chroot "$root" sh /tmp/checks.sh "$3" "$4"
' sh "$root" "$cache" "$version" "$next_version" >"$work/checks.log" 2>&1 || status=$?
cat "$work/checks.log"
passed=$(grep -c '^PASS' "$work/checks.log" || true)
failed=$(grep -c '^FAIL' "$work/checks.log" || true)
say "took $(($(date +%s) - started)) s"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    echo "deb_chroot: the chroot run itself failed (exit $status)" >&2
fi
[ "$passed" -gt 0 ] || failed=$((failed + 1))
echo "deb_chroot: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
