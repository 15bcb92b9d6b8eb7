#!/bin/sh
# image_card: a card prepared with deploy/image/prepare-card.sh installs Vær med by itself.
#
#  1. a disk image laid out as Raspberry Pi OS's (FAT boot partition with cmdline.txt and
#     Raspberry Pi Imager's first-run hook and script, ext4 root) holding a clean Debian 12;
#  2. prepare-card.sh --image: reads the root's package list out of the image (debugfs),
#     downloads what the package needs that the card lacks, writes it and the hook to the
#     boot partition (mtools) with the estate's settings;
#  3. the first start, stage 1 (systemd.run=), in a chroot: Imager's script runs, the hook
#     leaves cmdline.txt, the installing service is enabled;
#  4. the next start, stage 2, in a chroot with no network at all: the packages install from
#     the card, vaermed --version runs, the estate's settings are in place, and the
#     installing service is gone.
# usage: tests/image/card.sh SOURCE_DIR DEB_DIR VERSION
set -eu
src=${1:?usage: card.sh SOURCE_DIR DEB_DIR VERSION}
deb_dir=${2:?usage: card.sh SOURCE_DIR DEB_DIR VERSION}
version=${3:?usage: card.sh SOURCE_DIR DEB_DIR VERSION}
arch=$(dpkg --print-architecture)
deb="$deb_dir/vaermed_${version}_$arch.deb"
mirror=${VAERMED_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${VAERMED_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/vaermed-tests}
work="${VAERMED_TEST_TMP:-/tmp}/image-card"

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
    what=$1
    shift
    if "$@" >"$work/out" 2>&1; then
        passed=$((passed + 1))
        echo "PASS: $what"
    else
        failed=$((failed + 1))
        echo "FAIL: $what"
        sed 's/^/    /' "$work/out"
    fi
}
fail() {
    echo "image_card: $*" >&2
    echo "image_card: $passed passed, $((failed + 1)) failed"
    exit 1
}
[ -f "$deb" ] || { echo "image_card: no $deb (deb_build makes it)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "image_card: needs root (chroot); CI runs as root" >&2; exit 1; }
for tool in sfdisk mformat mcopy mtype debugfs mkfs.ext4 unshare flock debootstrap; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "image_card: $tool is missing (deploy/install-deps.sh test)" >&2; exit 1; }
done
started=$(date +%s)
rm -rf "$work"
mkdir -p "$work/root" "$cache"
exec 9>"$cache/lock"
flock 9
base=$(sh "$src/tests/deb/base.sh" "$cache" "$arch" "$mirror") || fail "no clean bookworm"
tar -C "$work/root" -xzf "$base"
root="$work/root"

# --- 1. the stock card --------------------------------------------------------------------
img="$work/card.img"
truncate -s 1200M "$img"
printf 'label: dos\nstart=8192, size=524288, type=c\nstart=532480, type=83\n' | sfdisk -q "$img"
boot_off=$((8192 * 512))
root_off=$((532480 * 512))
fat="$img@@$boot_off"
mformat -i "$fat" -T 524288 -h 64 -s 32 -v bootfs :: || fail "mformat failed"
imager_cmdline="console=serial0,115200 console=tty1 root=PARTUUID=4a00d300-02 rootfstype=ext4 fsck.repair=yes rootwait quiet systemd.run=/boot/firstrun.sh systemd.run_success_action=reboot systemd.unit=kernel-command-line.target"
printf '%s\n' "$imager_cmdline" >"$work/cmdline.txt"
# Imager's script: its settings, then it takes itself out, as Imager's does.
cat >"$work/firstrun.sh" <<'IMAGER'
#!/bin/bash
set +e
touch /var/tmp/imager-settings-applied
rm -f /boot/firstrun.sh /boot/firmware/firstrun.sh
sed -i 's| systemd.run.*||g' /boot/firmware/cmdline.txt
exit 0
IMAGER
mcopy -i "$fat" "$work/cmdline.txt" "$work/firstrun.sh" ::/
root_size_kib=$(((1200 * 1024 * 1024 - root_off) / 1024))
mkfs.ext4 -q -F -d "$root" -E offset="$root_off" "$img" "${root_size_kib}k" ||
    fail "mkfs.ext4 could not make the root partition"
printf 'estate_name = Solbakken\nnight = 23:00-06:00\n' >"$work/estate.conf"

# --- 2. prepare the card --------------------------------------------------------------------
mkdir -p "$cache/card-work"
if sh "$src/deploy/image/prepare-card.sh" --deb "$deb" --image "$img" --arch "$arch" \
    --config "$work/estate.conf" --mirror "$mirror" --work "$cache/card-work" \
    >"$work/prepare.log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS: prepare-card.sh prepared the image"
else
    cat "$work/prepare.log"
    fail "prepare-card.sh failed (above)"
fi
cmdline=$(mtype -i "$fat" ::/cmdline.txt)
check "cmdline.txt runs our first start, once" sh -c "printf '%s' '$cmdline' |
    grep -q 'systemd.run=/boot/firmware/vaermed/firstboot.sh systemd.run_success_action=reboot systemd.unit=kernel-command-line.target'"
check "cmdline.txt keeps the rest of the line" sh -c "printf '%s' '$cmdline' | grep -q '^console=serial0,115200 console=tty1 root=PARTUUID=4a00d300-02 rootfstype=ext4 fsck.repair=yes rootwait quiet systemd.run='"
check "Imager's hook is chained, not lost" sh -c "mtype -i '$fat' ::/vaermed/chained | grep -qx /boot/firstrun.sh"
mdir -i "$fat" -b ::/vaermed/debs >"$work/debs.txt" 2>&1 || true
check "the card carries the package" grep -q "vaermed_${version}_$arch.deb" "$work/debs.txt"
check "and what it needs that the card lacks (SDL)" grep -q 'libsdl2-2.0-0_' "$work/debs.txt"
check "but not what the card has (libc6)" sh -c "! grep -q '/libc6_' '$work/debs.txt'"

# --- 3. the first start: Raspberry Pi OS runs systemd.run= ----------------------------------
mkdir -p "$root/boot/firmware"
mcopy -s -i "$fat" ::/cmdline.txt ::/firstrun.sh ::/vaermed "$root/boot/firmware/"
run_in_root() { # run_in_root NETWORK(yes|no) COMMAND...: in the chroot, its own mounts
    net=$1
    shift
    if [ "$net" = no ]; then set -- unshare --net "$@"; fi
    # shellcheck disable=SC2016 # the script is for the inner sh
    unshare --mount --propagation private sh -eu -c '
        root=$1; shift
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        exec chroot "$root" "$@"' sh "$root" "$@"
}
check "stage 1 ends well" run_in_root yes sh /boot/firmware/vaermed/firstboot.sh
check "Imager's settings were applied first" test -f "$root/var/tmp/imager-settings-applied"
check "the hook left cmdline.txt" sh -c "! grep -q 'systemd.run' '$root/boot/firmware/cmdline.txt' &&
    grep -q 'rootwait quiet' '$root/boot/firmware/cmdline.txt'"
check "the installing service is enabled for the next start" \
    test -L "$root/etc/systemd/system/multi-user.target.wants/vaermed-firstboot.service"

# --- 4. the next start, with no network -----------------------------------------------------
exec_start=$(sed -n 's/^ExecStart=//p' "$root/etc/systemd/system/vaermed-firstboot.service")
check "the service runs firstboot.sh install" test "$exec_start" = "/bin/sh /boot/firmware/vaermed/firstboot.sh install"
# shellcheck disable=SC2086 # ExecStart is a command line
check "stage 2 installs from the card alone" run_in_root no $exec_start
check "vaermed --version runs" sh -c "chroot '$root' vaermed --version | grep -qx 'vaermed $version'"
check "the estate's settings are in place" grep -qx 'estate_name = Solbakken' "$root/etc/vaermed/vaermed.conf"
check "readable by the kiosk only" sh -c "test \"\$(chroot '$root' stat -c '%U:%G %a' /etc/vaermed/vaermed.conf)\" = 'root:vaermed 640'"
check "the kiosk starts at every start" test -L "$root/etc/systemd/system/multi-user.target.wants/vaermed.service"
check "the installing service is gone" sh -c "! test -e '$root/etc/systemd/system/vaermed-firstboot.service' &&
    ! test -e '$root/etc/systemd/system/multi-user.target.wants/vaermed-firstboot.service'"
check "the card says what it did" grep -q 'done: the kiosk starts' "$root/boot/firmware/vaermed/firstboot.log"
check "the packages left the card" test ! -e "$root/boot/firmware/vaermed/debs"

echo "image_card: took $(($(date +%s) - started)) s"
echo "image_card: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
