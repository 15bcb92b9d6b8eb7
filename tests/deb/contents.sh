#!/bin/sh
# deb_contents: the package puts every file where a Debian 12 system looks for it, names the
# libraries it links in Depends:, marks the settings as a conffile, and its unit and udev
# rule point at files the package really has.
# usage: tests/deb/contents.sh SOURCE_DIR DEB_DIR VERSION
set -eu
src=${1:?usage: contents.sh SOURCE_DIR DEB_DIR VERSION}
deb_dir=${2:?usage: contents.sh SOURCE_DIR DEB_DIR VERSION}
version=${3:?usage: contents.sh SOURCE_DIR DEB_DIR VERSION}
arch=${VAERMED_DEB_ARCH:-$(dpkg --print-architecture)}
deb="$deb_dir/vaermed_${version}_$arch.deb"
[ -f "$deb" ] || { echo "deb_contents: no $deb (deb_build makes it)" >&2; exit 1; }
work="${VAERMED_TEST_TMP:-/tmp}/deb-contents-$arch"
rm -rf "$work"
mkdir -p "$work/root"
dpkg-deb -R "$deb" "$work/root"
root="$work/root"

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
    what=$1
    shift
    if "$@" >/dev/null 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED: $what" >&2
    fi
}
field() { dpkg-deb -f "$deb" "$1"; }

changelog_version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
check "debian/changelog ($changelog_version) and CMake ($version) give one version" \
    test "$changelog_version" = "$version"
check "the package's version is $version" test "$(field Version)" = "$version"
check "the package is for $arch" test "$(field Architecture)" = "$arch"

for f in usr/bin/vaermed usr/lib/systemd/system/vaermed.service \
    usr/lib/udev/rules.d/99-vaermed-usb.rules usr/lib/sysusers.d/vaermed.conf \
    usr/lib/tmpfiles.d/vaermed.conf usr/lib/systemd/system/getty@tty1.service.d/vaermed.conf \
    etc/vaermed/vaermed.conf usr/share/vaermed/vaermed.conf \
    usr/share/man/man1/vaermed.1.gz usr/share/man/man5/vaermed.conf.5.gz \
    usr/share/doc/vaermed/raspberry-pi.md usr/share/doc/vaermed/copyright; do
    check "the package has /$f" test -f "$root/$f"
done
check "the USB helper is executable" test -x "$root/usr/lib/vaermed/vaermed-usb-mount"
multiarch=$(dpkg-architecture -a"$arch" -qDEB_HOST_MULTIARCH 2>/dev/null)
for m in vaermed-print.so vaermed-calendar.so; do
    check "the package has the module /usr/lib/$multiarch/vaermed/$m" \
        test -f "$root/usr/lib/$multiarch/vaermed/$m"
done
check "the update installer is executable" test -x "$root/usr/lib/vaermed/vaermed-update"
for f in vaermed-update.service vaermed-update.path; do
    check "the package has /usr/lib/systemd/system/$f" test -f "$root/usr/lib/systemd/system/$f"
done
check "the update installer's unit runs the installer" grep -qx \
    'ExecStart=/usr/lib/vaermed/vaermed-update' "$root/usr/lib/systemd/system/vaermed-update.service"
check "nothing under /usr/local" test ! -e "$root/usr/local"
check "nothing under /lib (merged /usr: /usr/lib)" test ! -e "$root/lib"
check "the shipped settings are the template" cmp "$root/etc/vaermed/vaermed.conf" \
    "$src/deploy/raspberry-pi/vaermed.conf"
check "the settings are a conffile" grep -qx /etc/vaermed/vaermed.conf "$root/DEBIAN/conffiles"

depends=$(field Depends)
# libcairo2, libpangocairo-1.0-0 and libical3 are the modules' (vaermed-print.so,
# vaermed-calendar.so): dh_shlibdeps reads them too.
for dep in libsystemd0 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsqlite3-0 libqrencode4 libical3 \
    libcairo2 libpangocairo-1.0-0 libfreetype6 libnettle8 libdrm2 libsodium23 fonts-noto-core systemd dpkg-repack; do
    check "Depends: names $dep ($depends)" sh -c "printf '%s\n' '$depends' | tr ',' '\n' |
        sed 's/^ *//; s/[ (].*//' | grep -qx '$dep'"
done
unit="$root/usr/lib/systemd/system/vaermed.service"
check "the unit is Type=notify" grep -qx 'Type=notify' "$unit"
# Type=notify with a watchdog needs sd_notify: the binary must link libsystemd.
check "the kiosk links libsystemd (the unit is Type=notify)" sh -c \
    "objdump -p '$root/usr/bin/vaermed' | grep -q 'NEEDED *libsystemd.so.0'"
check "the unit has MemoryMax=" grep -q '^MemoryMax=[0-9]' "$unit"
exec_start=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$unit")
check "the unit starts /usr/bin/vaermed ($exec_start)" test "$exec_start" = /usr/bin/vaermed
docs=$(sed -n 's#^Documentation=.*file://\([^ ]*\).*#\1#p' "$unit")
for doc in $docs; do
    check "the unit's Documentation= $doc is in the package" test -f "$root$doc"
done
helper=$(sed -n 's/.*RUN{program}+="\([^ "]*\).*/\1/p' \
    "$root/usr/lib/udev/rules.d/99-vaermed-usb.rules" | sort -u)
check "the udev rule runs one helper ($helper)" test "$(printf '%s\n' "$helper" | wc -l)" -eq 1
check "the udev rule's helper $helper is in the package" test -x "$root$helper"
check "sysusers.d makes the user vaermed" grep -q '^u vaermed ' \
    "$root/usr/lib/sysusers.d/vaermed.conf"
check "tmpfiles.d makes /var/lib/vaermed" grep -q '^d /var/lib/vaermed 0750 vaermed vaermed' \
    "$root/usr/lib/tmpfiles.d/vaermed.conf"
postinst="$root/DEBIAN/postinst"
check "postinst runs systemd-sysusers" grep -q 'systemd-sysusers' "$postinst"
check "postinst runs systemd-tmpfiles" grep -q 'systemd-tmpfiles' "$postinst"
check "postinst enables the service" grep -q "deb-systemd-helper enable 'vaermed.service'" \
    "$postinst"
check "postinst writes nothing into /etc/vaermed" sh -c \
    "! grep -E '(>|cp |mv |install |sed -i).*/etc/vaermed' '$postinst'"
for page in vaermed.1 vaermed.conf.5; do
    check "man finds nothing wrong in $page" sh -c \
        "! LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$src/docs/man/$page' 2>&1 >/dev/null | grep ."
done

echo "deb_contents: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
