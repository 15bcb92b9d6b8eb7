#!/bin/sh
# Turns a stock Raspberry Pi OS Lite (64-bit, bookworm) card into a Vær med kiosk that
# installs itself at its first start, with no network and no keyboard there. Run it on a
# Linux PC with network, after Raspberry Pi Imager has written the card (use Imager's OS
# customisation for the user and password, or give --user below). docs/raspberry-pi.md,
# "A card that installs itself", says it step by step.
#
# usage: deploy/image/prepare-card.sh --deb vaermed_<v>_arm64.deb
#            (--image FILE.img | --boot DIR) [--root DIR | --status FILE]
#            [--config vaermed.conf] [--user NAME --password-hash HASH]
#            [--arch arm64] [--mirror URL] [--work DIR]
#   --deb      the package (make deb builds it)
#   --image    the card as an image file (Raspberry Pi OS Lite, unpacked .img), changed in place
#   --boot     or the card's boot partition, mounted (a PC shows it as "bootfs")
#   --root     the card's root partition, mounted ("rootfs"): its package list decides what
#              else to bring; --status gives that list (var/lib/dpkg/status) directly; with
#              --image and neither, it is read from the image's second partition (debugfs)
#   --config   the estate's settings, installed as /etc/vaermed/vaermed.conf
#   --user     a user for the caretaker, with a password hash from `openssl passwd -6`
#              (userconf.txt), when Imager's customisation was not used
#   --arch     the Pi's architecture (default arm64; amd64 for a PC kiosk or the tests)
#   --mirror   Debian's mirror (default http://deb.debian.org/debian)
#
# What it puts on the boot partition (FAT; mtools writes into an image, no root needed):
#   vaermed/debs/     the package and every package it needs that the card does not have,
#                     downloaded from Debian for --arch with apt (against the card's list)
#   vaermed/firstboot.sh, vaermed/vaermed.conf (optional), vaermed/chained (see below)
#   cmdline.txt       gets systemd.run=/boot/firmware/vaermed/firstboot.sh for one start,
#                     the way Imager runs its own first-run script; when Imager's hook is
#                     there, it is kept in vaermed/chained and run first.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
deb="" image="" boot="" root="" status="" config="" user="" hash=""
arch=arm64
mirror=${VAERMED_DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=""
die() { echo "prepare-card: $*" >&2; exit 1; }
say() { echo "prepare-card: $*"; }
while [ $# -gt 0 ]; do
    case $1 in
    --deb) deb=${2:?}; shift ;;
    --image) image=${2:?}; shift ;;
    --boot) boot=${2:?}; shift ;;
    --root) root=${2:?}; shift ;;
    --status) status=${2:?}; shift ;;
    --config) config=${2:?}; shift ;;
    --user) user=${2:?}; shift ;;
    --password-hash) hash=${2:?}; shift ;;
    --arch) arch=${2:?}; shift ;;
    --mirror) mirror=${2:?}; shift ;;
    --work) work=${2:?}; shift ;;
    -h | --help) sed -n '2,31p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done
[ -f "$deb" ] || die "--deb: no package '$deb' (make deb builds it)"
[ -n "$image" ] || [ -n "$boot" ] || die "give the card: --image FILE.img or --boot DIR"
[ -z "$image" ] || [ -f "$image" ] || die "--image: no file '$image' (unpack the .img.xz first)"
[ -z "$boot" ] || [ -f "$boot/cmdline.txt" ] ||
    die "--boot: $boot has no cmdline.txt: is it the card's boot partition (bootfs)?"
[ -z "$user" ] || [ -n "$hash" ] || die "--user needs --password-hash (openssl passwd -6)"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] ||
    die "$deb is for $(dpkg-deb -f "$deb" Architecture), the card for $arch (--arch)"
for tool in apt-get dpkg-deb dpkg-scanpackages; do
    command -v "$tool" >/dev/null 2>&1 ||
        die "$tool is missing: this needs Debian or Ubuntu with dpkg-dev"
done
if [ -n "$image" ]; then
    for tool in sfdisk mcopy mtype; do
        command -v "$tool" >/dev/null 2>&1 ||
            die "$tool is missing: sudo apt install fdisk mtools e2fsprogs"
    done
fi

[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/vaermed-card.XXXXXX")
mkdir -p "$work"
work=$(cd "$work" && pwd)
stage="$work/vaermed"
rm -rf "$stage"
mkdir -p "$stage/debs"

# --- where the partitions are in an image -----------------------------------------------
part_offset() { # part_offset N: "OFFSET SIZE" in bytes of partition N
    sfdisk --dump "$image" | awk -v n="$1" '
        /^sector-size:/ { sector = $2 }
        /: start=/ { i++; if (i == n) {
            sub(/.*start= */, ""); start = $0 + 0; sub(/^[0-9]+, *size= */, ""); size = $0 + 0
            printf "%d %d\n", start * (sector ? sector : 512), size * (sector ? sector : 512) } }'
}
if [ -n "$image" ]; then
    part=$(part_offset 1)
    [ -n "$part" ] || die "$image has no partition table"
    fat="$image@@${part% *}"
    mtype -i "$fat" ::/cmdline.txt >/dev/null 2>&1 ||
        die "the first partition of $image has no cmdline.txt: is it Raspberry Pi OS?"
fi

# --- the card's own package list ---------------------------------------------------------
if [ -z "$status" ] && [ -n "$root" ]; then
    status="$root/var/lib/dpkg/status"
fi
if [ -z "$status" ] && [ -n "$image" ]; then
    command -v debugfs >/dev/null 2>&1 || die "debugfs is missing: sudo apt install e2fsprogs"
    part=$(part_offset 2)
    [ -n "$part" ] || die "$image has no second (root) partition"
    say "reading the card's package list from its root partition"
    dd if="$image" of="$work/root.ext4" bs=1M iflag=skip_bytes,count_bytes skip="${part% *}" \
        count="${part#* }" status=none
    debugfs -R "cat /var/lib/dpkg/status" "$work/root.ext4" >"$work/status" 2>/dev/null || true
    rm -f "$work/root.ext4"
    [ -s "$work/status" ] || die "the image's second partition has no /var/lib/dpkg/status"
    status="$work/status"
fi
[ -n "$status" ] || die "give the card's package list: --root DIR, --status FILE or --image"
[ -s "$status" ] || die "the package list $status is empty or missing"

# --- what the card lacks, from Debian -----------------------------------------------------
say "finding what vaermed needs that the card lacks ($arch, $mirror)"
apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/etc/preferences.d"
cp "$status" "$apt_dir/status"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring is missing: sudo apt install debian-archive-keyring"
cat >"$apt_dir/sources.list" <<SOURCES
deb [arch=$arch signed-by=$keyring] $mirror bookworm main
deb [arch=$arch signed-by=$keyring] $mirror bookworm-updates main
SOURCES
apt_opts="-o Dir::State=$apt_dir -o Dir::State::status=$apt_dir/status
-o Dir::State::Lists=$apt_dir/lists -o Dir::Cache=$apt_dir -o Dir::Cache::archives=$apt_dir/archives
-o Dir::Etc::SourceList=$apt_dir/sources.list -o Dir::Etc::SourceParts=-
-o Dir::Etc::Preferences=$apt_dir/etc/preferences -o Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d
-o APT::Architecture=$arch -o APT::Architectures=$arch -o Acquire::Languages=none
-o Debug::NoLocking=1 -o APT::Sandbox::User=root"
# shellcheck disable=SC2086 # apt_opts is a list of options
apt-get $apt_opts update >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log" >&2; die "apt could not read Debian's package lists (above)"; }
cp "$deb" "$work/"
# shellcheck disable=SC2086
apt-get $apt_opts install --download-only --no-install-recommends -y \
    "$work/$(basename "$deb")" ntfs-3g >>"$work/apt.log" 2>&1 ||
    { tail -n 30 "$work/apt.log" >&2; die "apt could not gather the packages (above)"; }
cp "$apt_dir"/archives/*.deb "$stage/debs/" 2>/dev/null || true
cp "$deb" "$stage/debs/"
# A package list beside them, so apt on the Pi reads the folder as a repository of its own
# (file:, no network) and installs them in the right order.
(cd "$stage" && dpkg-scanpackages -m debs /dev/null >debs/Packages 2>/dev/null) ||
    die "dpkg-scanpackages failed (package dpkg-dev)"
say "$(find "$stage/debs" -name '*.deb' | wc -l) packages, $(du -sh "$stage/debs" | cut -f1)"

# --- onto the boot partition ---------------------------------------------------------------
cp "$here/firstboot.sh" "$stage/firstboot.sh"
[ -z "$config" ] || cp "$config" "$stage/vaermed.conf"
hook="systemd.run=/boot/firmware/vaermed/firstboot.sh systemd.run_success_action=reboot systemd.unit=kernel-command-line.target"
read_cmdline() {
    if [ -n "$image" ]; then mtype -i "$fat" ::/cmdline.txt; else cat "$boot/cmdline.txt"; fi
}
cmdline=$(read_cmdline | tr -d '\r' | head -n 1)
case $cmdline in
*vaermed/firstboot.sh*) say "cmdline.txt has the hook already" ;;
*)
    # Imager's own first-run hook (systemd.run=/boot/firstrun.sh ...) runs first, from ours.
    chained=$(printf '%s\n' "$cmdline" | sed -n 's/.*systemd\.run=\([^ ]*\).*/\1/p')
    if [ -n "$chained" ]; then
        printf '%s\n' "$chained" >"$stage/chained"
        say "Raspberry Pi Imager's settings ($chained) run first"
    fi
    cmdline=$(printf '%s\n' "$cmdline" | sed 's| systemd\.run=[^ ]*||g;
        s| systemd\.run_success_action=[^ ]*||g; s| systemd\.unit=kernel-command-line\.target||g')
    cmdline="$cmdline $hook"
    ;;
esac
printf '%s\n' "$cmdline" >"$work/cmdline.txt"
if [ -n "$user" ]; then
    printf '%s:%s\n' "$user" "$hash" >"$work/userconf.txt"
fi
if [ -n "$image" ]; then
    mcopy -o -s -i "$fat" "$stage" ::/ || die "the boot partition is full or damaged"
    mcopy -o -i "$fat" "$work/cmdline.txt" ::/cmdline.txt
    [ -z "$user" ] || mcopy -o -i "$fat" "$work/userconf.txt" ::/userconf.txt
else
    rm -rf "$boot/vaermed"
    cp -r "$stage" "$boot/vaermed" || die "the boot partition is full"
    cp "$work/cmdline.txt" "$boot/cmdline.txt"
    [ -z "$user" ] || cp "$work/userconf.txt" "$boot/userconf.txt"
    sync
fi
say "done: put the card in the Pi and switch it on; it installs Vær med and restarts twice"
say "(what it did is in vaermed/firstboot.log on the card's boot partition)"
