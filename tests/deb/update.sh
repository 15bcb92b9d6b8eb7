#!/bin/sh
# deb_update: the installer of updates from staff sticks (vaermed-update, as root) in a
# clean Debian 12 with the package installed: a newer version signed with the estate's key
# is installed and kept when it runs; one that does not start (and damages the data on its
# way) is rolled back, data and all; a changed package, an older one, and a link in the
# kiosk's folder are refused. Each time the result file says what happened.
# systemd does not run in a chroot, so `systemctl` is a stand-in whose `restart` runs
# `vaermed --version` and remembers whether it worked. Root and Debian's mirror are needed,
# as for deb_chroot (same cache).
# usage: tests/deb/update.sh SOURCE_DIR DEB_DIR VERSION
set -eu
src=${1:?usage: update.sh SOURCE_DIR DEB_DIR VERSION}
deb_dir=${2:?usage: update.sh SOURCE_DIR DEB_DIR VERSION}
version=${3:?usage: update.sh SOURCE_DIR DEB_DIR VERSION}
arch=$(dpkg --print-architecture)
deb="$deb_dir/vaermed_${version}_$arch.deb"
mirror=${VAERMED_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${VAERMED_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/vaermed-tests}
work="${VAERMED_TEST_TMP:-/tmp}/deb-update"
fail() {
    echo "deb_update: $*" >&2
    echo "deb_update: 0 passed, 1 failed"
    exit 1
}
[ -f "$deb" ] || fail "no $deb (deb_build makes it)"
[ "$(id -u)" -eq 0 ] || fail "needs root (chroot); CI runs as root"
mkdir -p "$cache/apt-archives/partial" "$cache/apt-lists/partial"
exec 9>"$cache/lock"
flock 9
started=$(date +%s)
base=$(sh "$src/tests/deb/base.sh" "$cache" "$arch" "$mirror") || fail "no clean bookworm"
rm -rf "$work"
mkdir -p "$work/root"
tar -C "$work/root" -xzf "$base"
root="$work/root"

# The versions: v2 newer and sound; v3 newer still, but its kiosk damages the database and
# does not start (a failed migration, say).
repack() { # repack NEW_VERSION [broken]
    d="$work/pkg-$1"
    rm -rf "$d"
    dpkg-deb -R "$deb" "$d"
    sed -i "s/^Version: .*/Version: $1/" "$d/DEBIAN/control"
    if [ "${2:-}" = broken ]; then
        printf '#!/bin/sh\necho junk >/var/lib/vaermed/vaermed.db\necho "I do not start" >&2\nexit 1\n' \
            >"$d/usr/bin/vaermed"
    fi
    (cd "$d" && find . -path ./DEBIAN -prune -o -type f -print0 | xargs -0 md5sum |
        sed 's# \./# #' >DEBIAN/md5sums)
    dpkg-deb --root-owner-group -b "$d" "$root/tmp/vaermed_$1_$arch.deb" >/dev/null
}
v2="$version+test2"
v3="$version+test3"
v4="$version+test4"
repack "$v2"
repack "$v3" broken
repack "$v4"
cp "$deb" "$root/tmp/vaermed.deb"
cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
cat >"$root/usr/local/sbin/fake-systemctl" <<'FAKE'
#!/bin/sh
# systemctl for a chroot: the kiosk "runs" when `vaermed --version` does.
state=/tmp/fake-vaermed-state
case $1 in
restart | start)
    if /usr/bin/vaermed --version >/dev/null 2>&1; then echo active >"$state"; else echo failed >"$state"; exit 1; fi ;;
stop) echo inactive >"$state" ;;
is-active) [ "$(cat "$state" 2>/dev/null)" = active ] ;;
show) echo 0 ;;
*) exit 0 ;;
esac
FAKE
chmod +x "$root/usr/local/sbin/fake-systemctl"

cat >"$root/tmp/checks.sh" <<'CHECKS'
set -u
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
version=$1 v2=$2 v3=$3 v4=$4 arch=$5
in=/var/lib/vaermed/update-incoming
result=/var/lib/vaermed-update/result
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; }
check() { what=$1; shift; if "$@" >/tmp/out 2>&1; then pass "$what"; else fail "$what"; sed 's/^/    /' /tmp/out; fi; }
installed() { dpkg-query -W -f='${Version}' vaermed; }
update() { SYSTEMCTL=/usr/local/sbin/fake-systemctl VAERMED_UPDATE_SETTLE=1 /usr/lib/vaermed/vaermed-update >/tmp/update.log 2>&1; }
offer() { # offer VERSION: the signed pair into the kiosk's folder, as the kiosk leaves it
    cp "/tmp/vaermed_$1_$arch.deb" "$in/"
    vaermed update sign "$in/vaermed_$1_$arch.deb" --key /root/key/estate-update.key >/dev/null
    chown vaermed:vaermed "$in"/*
}

apt-get update -qq >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get update"; exit 1; }
if apt-get install -y --no-install-recommends /tmp/vaermed.deb >/tmp/apt.log 2>&1; then
    pass "the package installs, with dpkg-repack for roll-backs"
else
    tail -n 30 /tmp/apt.log; fail "apt-get install"; exit 1
fi
check "the installer and its units are there" sh -c 'test -x /usr/lib/vaermed/vaermed-update &&
    test -f /usr/lib/systemd/system/vaermed-update.path && test -f /usr/lib/systemd/system/vaermed-update.service'
check "the watch on the kiosk's update folder is enabled" test -L /etc/systemd/system/paths.target.wants/vaermed-update.path
check "the kiosk may write its update folder, root keeps its own" sh -c \
    "test \"\$(stat -c '%U %a' $in)\" = 'vaermed 750' && test \"\$(stat -c '%U %a' /var/lib/vaermed-update)\" = 'root 755'"
mkdir -p /root/key
vaermed update keygen /root/key >/tmp/keygen.out
grep '^update_key = ' /tmp/keygen.out >>/etc/vaermed/vaermed.conf
mkdir -p /tmp/stick && chown vaermed /tmp/stick
runuser -u vaermed -- vaermed --config /etc/vaermed/vaermed.conf stick init /tmp/stick >/dev/null
cp /var/lib/vaermed/vaermed.db /tmp/data-before

offer "$v2"
check "a newer version signed with the estate's key installs" update
check "... it is $v2 now" test "$(installed)" = "$v2"
check "... the result says installed, and from which" sh -c "grep -qx 'state installed' $result && grep -qx 'version $v2' $result && grep -qx 'previous $version' $result"
check "... the kiosk's folder is empty again" sh -c "test -z \"\$(ls -A $in)\""

offer "$v3"
check "a version that does not start is not kept (the installer says so)" sh -c '! SYSTEMCTL=/usr/local/sbin/fake-systemctl VAERMED_UPDATE_SETTLE=1 /usr/lib/vaermed/vaermed-update'
check "... $v2 is back" test "$(installed)" = "$v2"
check "... and runs" sh -c "vaermed --version | grep -q '^vaermed '"
check "... the data it damaged is back as it was" cmp /var/lib/vaermed/vaermed.db /tmp/data-before
check "... the result says rolled back" sh -c "grep -qx 'state rolled-back' $result && grep -qx 'version $v3' $result && grep -qx 'previous $v2' $result && grep -q '^reason it did not start' $result"

offer "$v4"
printf 'x' >>"$in/vaermed_${v4}_$arch.deb"
check "a package changed after signing is refused" sh -c '! SYSTEMCTL=/usr/local/sbin/fake-systemctl /usr/lib/vaermed/vaermed-update'
check "... nothing changed" test "$(installed)" = "$v2"
check "... the result says refused, and why" sh -c "grep -qx 'state refused' $result && grep -q 'ikke den, der blev underskrevet' $result"

offer "$v2"
check "the same version again is refused" sh -c '! SYSTEMCTL=/usr/local/sbin/fake-systemctl /usr/lib/vaermed/vaermed-update'
check "... as not newer" grep -q 'as new or newer' $result

ln -s /etc/shadow "$in/vaermed_${v4}_$arch.deb"
cp "/tmp/vaermed_${v4}_$arch.deb" /tmp/real.deb
vaermed update sign /tmp/real.deb --key /root/key/estate-update.key >/dev/null 2>&1 || true
echo 'not a signature' >"$in/vaermed_${v4}_$arch.deb.sig"
check "a link left in the kiosk's folder is not followed" sh -c '! SYSTEMCTL=/usr/local/sbin/fake-systemctl /usr/lib/vaermed/vaermed-update'
check "... nothing changed" test "$(installed)" = "$v2"
check "... and the link is gone" sh -c "test -z \"\$(ls -A $in)\""
CHECKS

status=0
# shellcheck disable=SC2016 # the script is for the inner sh
unshare --mount --propagation private sh -eu -c '
    root=$1 cache=$2; shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
    mount --bind "$cache/apt-lists" "$root/var/lib/apt/lists"
    chroot "$root" sh /tmp/checks.sh "$@"
' sh "$root" "$cache" "$version" "$v2" "$v3" "$v4" "$arch" >"$work/checks.log" 2>&1 || status=$?
cat "$work/checks.log"
passed=$(grep -c '^PASS' "$work/checks.log" || true)
failed=$(grep -c '^FAIL' "$work/checks.log" || true)
echo "deb_update: took $(($(date +%s) - started)) s"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    echo "deb_update: the chroot run itself failed (exit $status)" >&2
fi
[ "$passed" -gt 0 ] || failed=$((failed + 1))
echo "deb_update: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
