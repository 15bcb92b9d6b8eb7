#!/bin/sh
# deploy_usb_mount: deploy/raspberry-pi/vaermed-usb-mount.sh asks systemd-mount for the right
# mount (place, type, owner, options) for each kind of stick, leaves alone what it must, and
# unmounts a pulled stick. systemd-mount and logger are fakes that write down their arguments.
# usage: tests/deploy/usb_mount.sh SOURCE_DIR WORK_DIR
set -eu
src=${1:?usage: usb_mount.sh SOURCE_DIR WORK_DIR}
work=${2:?usage: usb_mount.sh SOURCE_DIR WORK_DIR}
helper="$src/deploy/raspberry-pi/vaermed-usb-mount.sh"
rm -rf "$work"
mkdir -p "$work/bin" "$work/media"
work=$(cd "$work" && pwd)
cat >"$work/bin/systemd-mount" <<FAKE
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a"; done >"$work/call"
FAKE
cat >"$work/bin/logger" <<FAKE
#!/bin/sh
printf '%s\n' "\$*" >>"$work/log"
FAKE
chmod +x "$work/bin/systemd-mount" "$work/bin/logger"

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    echo "FAILED: $*" >&2
    [ ! -f "$work/call" ] || sed 's/^/  systemd-mount arg: /' "$work/call" >&2
    [ ! -f "$work/log" ] || sed 's/^/  log: /' "$work/log" >&2
}
dev=/dev/vaermed-test-sdz1
# run ACTION [VAR=value...]: the helper as udev would start it.
run() {
    action=$1
    shift
    rm -f "$work/call" "$work/log"
    env -i VAERMED_USB_PATH="$work/bin:/usr/bin:/bin:/usr/sbin:/sbin" \
        VAERMED_USB_MEDIA="$work/media" VAERMED_USB_USER="$(id -un)" DEVNAME="$dev" "$@" \
        sh "$helper" "$action"
}
arg() { grep -qxF -- "$1" "$work/call" 2>/dev/null; }
last_two() { tail -n 2 "$work/call" | tr '\n' ' '; }
uid=$(id -u)
gid=$(id -g)

# A FAT stick with a Danish label: mounted at /media/<label>, owned, flushed, not executable.
if run add ID_FS_TYPE=vfat ID_FS_LABEL=FÆLLESHUS && arg --no-block && arg --automount=no &&
    arg --collect && arg --type=vfat &&
    arg "--options=uid=$uid,gid=$gid,umask=0007,nosuid,nodev,noexec,flush,utf8,shortname=mixed,errors=remount-ro" &&
    [ "$(last_two)" = "$dev $work/media/FÆLLESHUS " ]; then ok; else bad "vfat with a label"; fi

# The label's folder is taken by another stick: the kernel name keeps them apart.
mkdir -p "$work/media/FÆLLESHUS" && touch "$work/media/FÆLLESHUS/other-stick"
if run add ID_FS_TYPE=vfat ID_FS_LABEL=FÆLLESHUS &&
    [ "$(last_two)" = "$dev $work/media/FÆLLESHUS-vaermed-test-sdz1 " ]; then ok; else bad "taken label"; fi

# No label at all.
if run add ID_FS_TYPE=exfat && arg --type=exfat &&
    arg "--options=uid=$uid,gid=$gid,umask=0007,nosuid,nodev,noexec" &&
    [ "$(last_two)" = "$dev $work/media/USB-vaermed-test-sdz1 " ]; then ok; else bad "exfat without a label"; fi

# A label that tries to climb out of /media.
if run add ID_FS_TYPE=vfat 'ID_FS_LABEL=../ETC' &&
    [ "$(last_two)" = "$dev $work/media/ETC " ]; then ok; else bad "label with ../"; fi

# Not a stick file system the kiosk mounts.
if run add ID_FS_TYPE=ext4 ID_FS_LABEL=LINUX && [ ! -e "$work/call" ]; then ok; else bad "ext4 is left alone"; fi

# No kiosk user: nothing mounted, and a failure udev logs.
if ! run add ID_FS_TYPE=vfat ID_FS_LABEL=X VAERMED_USB_USER=vaermed-no-such-user 2>/dev/null &&
    grep -q "no user" "$work/log" &&
    [ ! -e "$work/call" ]; then ok; else bad "missing user"; fi

# Not from udev: no DEVNAME.
if ! env -i VAERMED_USB_PATH="$work/bin:/usr/bin:/bin" sh "$helper" add 2>/dev/null; then
    ok
else
    bad "no DEVNAME"
fi

# Pulled out: what is mounted from it under /media is unmounted. Needs a real mount: a tmpfs
# whose source is named like the device, which only root may make.
if [ "$uid" -eq 0 ] && mkdir -p "$work/media/PULLED" &&
    mount -t tmpfs "$dev" "$work/media/PULLED" 2>/dev/null; then
    run remove ID_FS_TYPE=vfat || true
    umount "$work/media/PULLED"
    if arg --umount && arg --no-block && arg "$work/media/PULLED"; then ok; else bad "remove"; fi
else
    echo "deploy_usb_mount: (not root or no mount: the removal case is not tried here)"
fi

echo "deploy_usb_mount: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
