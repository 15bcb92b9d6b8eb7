#!/bin/sh
# Vær med's first start on a stock Raspberry Pi OS Lite card, put on the card's boot partition
# by deploy/image/prepare-card.sh as <boot>/vaermed/firstboot.sh, with the packages beside it
# in <boot>/vaermed/debs. It needs no network and no keyboard. Two stages:
#
#   firstboot.sh           run by systemd (systemd.run= on cmdline.txt) on the first start
#                          after Raspberry Pi OS has grown its partition: runs Raspberry Pi
#                          Imager's own first-run script if the card had one (user, Wi-Fi,
#                          time zone), takes the hook out of cmdline.txt again, and installs
#                          vaermed-firstboot.service; the system then restarts.
#   firstboot.sh install   run by vaermed-firstboot.service at the next start, on the whole
#                          system: installs the packages with apt from the card alone, puts
#                          the estate's vaermed.conf in place if one came along, removes the
#                          service and itself from the start, and starts the kiosk.
#
# What it did is written to <boot>/vaermed/firstboot.log, which a PC can read from the card.
set -u
here=$(cd "$(dirname "$0")" && pwd)
boot=$(dirname "$here")
log="$here/firstboot.log"
unit=/etc/systemd/system/vaermed-firstboot.service
say() {
    printf '%s vaermed firstboot: %s\n' "$(date '+%F %T' 2>/dev/null)" "$*" >>"$log"
    printf 'vaermed firstboot: %s\n' "$*" >&2
}

stage_hook() {
    say "first start: preparing the installation"
    # Raspberry Pi Imager's own settings (user, password, Wi-Fi, keyboard) first.
    if [ -f "$here/chained" ]; then
        chained=$(cat "$here/chained")
        for candidate in "$chained" "$boot/$(basename "$chained")"; do
            if [ -f "$candidate" ]; then
                say "running Raspberry Pi Imager's settings script $candidate"
                sh "$candidate" >>"$log" 2>&1 || say "note: $candidate ended with an error"
                break
            fi
        done
    fi
    # The hook is for one start only.
    sed -i 's| systemd\.run=[^ ]*||g; s| systemd\.run_success_action=[^ ]*||g;
        s| systemd\.unit=kernel-command-line\.target||g' "$boot/cmdline.txt"
    mkdir -p /etc/systemd/system/multi-user.target.wants
    cat >"$unit" <<UNIT
# Installs Vær med from the SD card's boot partition once (deploy/image/firstboot.sh).
[Unit]
Description=Vær med: installation from the SD card
ConditionPathExists=$here/firstboot.sh
After=local-fs.target systemd-sysusers.service
Before=vaermed.service

[Service]
Type=oneshot
ExecStart=/bin/sh $here/firstboot.sh install
TimeoutStartSec=30min

[Install]
WantedBy=multi-user.target
UNIT
    ln -sf "$unit" /etc/systemd/system/multi-user.target.wants/vaermed-firstboot.service
    say "the packages are installed at the next start"
    sync
    exit 0
}

stage_install() {
    say "installing $(find "$here/debs" -name '*.deb' | wc -l) packages from the card, without network"
    # The card's folder is a repository of its own (debs/Packages): apt reads it alone, with
    # no network, and installs in the right order; confold: settings that are there stay.
    lists="$here/apt-lists"
    mkdir -p "$lists/partial"
    printf 'deb [trusted=yes] file:%s debs/\n' "$here" >"$here/card.list"
    set -- -o Dir::Etc::SourceList="$here/card.list" -o Dir::Etc::SourceParts=- \
        -o Dir::State::Lists="$lists" -o Acquire::Languages=none
    if apt-get "$@" update >>"$log" 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get "$@" install -y --no-install-recommends \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
            vaermed ntfs-3g >>"$log" 2>&1; then
        say "installed: $(vaermed --version 2>&1)"
    else
        say "apt could not install the packages (above); the card needs the packages again"
        exit 1
    fi
    rm -rf "$lists" "$here/card.list"
    if [ -f "$here/vaermed.conf" ]; then
        install -m 0640 -o root -g vaermed "$here/vaermed.conf" /etc/vaermed/vaermed.conf
        say "the estate's settings are in /etc/vaermed/vaermed.conf"
    fi
    rm -f /etc/systemd/system/multi-user.target.wants/vaermed-firstboot.service "$unit"
    # The packages are not needed again; the log stays for the caretaker.
    rm -rf "$here/debs"
    mv "$here/firstboot.sh" "$here/firstboot.sh.done"
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        systemctl start vaermed.service --no-block || true
    fi
    say "done: the kiosk starts"
    exit 0
}

case ${1:-hook} in
hook) stage_hook ;;
install) stage_install ;;
*) say "usage: firstboot.sh [install]"; exit 2 ;;
esac
