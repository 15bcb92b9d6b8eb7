#!/bin/sh
# vaermed-usb-mount add|remove: udev runs this (99-vaermed-usb.rules) for a partition with a
# FAT, exFAT or NTFS file system on a USB stick. Installed as
# /usr/local/lib/vaermed/vaermed-usb-mount. udev hands over the device in DEVNAME and what
# blkid found in ID_FS_TYPE, ID_FS_LABEL, ID_FS_UUID, ID_PART_ENTRY_UUID.
#
# add:    mount it at /media/<label> (or /media/<label>-sdb1 when that is taken, or
#         /media/USB-sdb1 without a label) through systemd, owned by the user vaermed.
# remove: unmount whatever of it is still mounted under /media.
# What it did goes to the journal: journalctl -t vaermed-usb
set -eu
# udev's environment is thin; tests/deploy swaps in a fake systemd-mount through this.
PATH=${VAERMED_USB_PATH:-/usr/sbin:/usr/bin:/sbin:/bin}
export PATH

user=${VAERMED_USB_USER:-vaermed}
media=${VAERMED_USB_MEDIA:-/media}
action=${1:-}
dev=${DEVNAME:-}

say() {
    logger -t vaermed-usb -- "$*" 2>/dev/null || echo "vaermed-usb: $*" >&2
}

if [ -z "$dev" ]; then
    say "no DEVNAME: run me from udev (99-vaermed-usb.rules)"
    exit 1
fi

# The mount points of $dev under $media, one a line (from the mount table udev sees).
mounted_under_media() {
    awk -v d="$1" -v m="$media/" '$1 == d && index($2, m) == 1 { print $2 }' /proc/self/mounts
}

case $action in
add) ;;
remove)
    for where in $(mounted_under_media "$dev"); do
        say "$dev was pulled out: unmounting $where"
        systemd-mount --umount --no-block "$where" || say "could not unmount $where"
    done
    exit 0
    ;;
*)
    say "usage: vaermed-usb-mount add|remove"
    exit 2
    ;;
esac

# Leave alone what the system mounts itself: a Pi booting from a USB disk has its root and
# boot partitions on USB too, listed in /etc/fstab.
if findmnt -rn -S "$dev" >/dev/null 2>&1; then
    say "$dev is already mounted; leaving it alone"
    exit 0
fi
if [ -r /etc/fstab ]; then
    for id in "$dev" "UUID=${ID_FS_UUID:-}" "PARTUUID=${ID_PART_ENTRY_UUID:-}" \
        "LABEL=${ID_FS_LABEL:-}"; do
        case $id in *=) continue ;; esac
        if awk -v id="$id" '$1 == id { found = 1 } END { exit !found }' /etc/fstab; then
            say "$dev is in /etc/fstab ($id); leaving it alone"
            exit 0
        fi
    done
fi

if ! uid=$(id -u "$user" 2>/dev/null) || ! gid=$(id -g "$user" 2>/dev/null); then
    say "there is no user '$user'; run deploy/raspberry-pi/install.sh"
    exit 1
fi

# A folder name from the label: udev already replaced blanks and odd bytes; drop slashes,
# control characters and leading dots as well. Danish letters stay.
name=$(printf '%s' "${ID_FS_LABEL:-}" | LC_ALL=C tr -d '[:cntrl:]/\134' | sed 's/^\.*//')
kernel_name=$(basename "$dev")
[ -n "$name" ] || name="USB-$kernel_name"
where="$media/$name"
if mountpoint -q "$where" 2>/dev/null ||
    { [ -d "$where" ] && [ -n "$(ls -A "$where" 2>/dev/null)" ]; }; then
    where="$media/$name-$kernel_name"
fi

# Readable and writable by vaermed (and its group), never executable. FAT gets `flush`: the
# kernel writes a file out when it is closed, so a stick pulled soon after the sync holds
# what the screen said was saved. exFAT and NTFS have no such option; the kiosk flushes its
# exports itself (fsync, then rename) either way.
common="uid=$uid,gid=$gid,umask=0007,nosuid,nodev,noexec"
case ${ID_FS_TYPE:-} in
vfat)
    type=vfat
    options="$common,flush,utf8,shortname=mixed,errors=remount-ro"
    ;;
exfat)
    type=exfat
    options="$common"
    ;;
ntfs)
    # The kernel's ntfs3 driver when there is one, else ntfs-3g (package ntfs-3g).
    if grep -qw ntfs3 /proc/filesystems 2>/dev/null || modinfo ntfs3 >/dev/null 2>&1; then
        type=ntfs3
        options="$common,iocharset=utf8"
    elif command -v mount.ntfs-3g >/dev/null 2>&1; then
        type=ntfs-3g
        options="$common"
    else
        say "$dev is an NTFS stick, and this system can mount neither ntfs3 nor ntfs-3g"
        exit 0
    fi
    ;;
*)
    say "$dev has the file system '${ID_FS_TYPE:-}', which the kiosk does not mount"
    exit 0
    ;;
esac

say "mounting $dev ($type, label '${ID_FS_LABEL:-}') at $where"
# --no-block: udev must not wait; --collect: a failed mount leaves no unit behind; no fsck
# and no automount: the kiosk should see the stick at once, as it is.
exec systemd-mount --no-block --automount=no --collect --fsck=no --type="$type" \
    --options="$options" --description="Vær med USB stick $name" "$dev" "$where"
