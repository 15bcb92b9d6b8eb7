#!/bin/sh
# vaermed-update: installs a new Vær med that the kiosk took from a staff stick, as root, and
# rolls back if it does not start. vaermed-update.path starts it (vaermed-update.service)
# when the kiosk leaves a signed package in /var/lib/vaermed/update-incoming; installed as
# /usr/lib/vaermed/vaermed-update. See app/update.h for the signature.
#
# The kiosk's user may write that folder, so nothing in it is trusted: each pair is copied
# into root's own folder (/var/lib/vaermed-update), checked again there against the estate's
# update key from /etc/vaermed/vaermed.conf (root's file), and against dpkg's own reading of
# the package, before anything is installed. Then:
#   1. the installed version is packed up again (dpkg-repack) and the data copied aside;
#   2. dpkg installs the new one (the settings stay: --force-confold);
#   3. the kiosk must start (systemctl restart waits for its first picture, Type=notify) and
#      keep running for a while (VAERMED_UPDATE_SETTLE seconds, 30) without a restart;
#   4. if not: the old version and the data come back, and the kiosk is started again.
# The outcome goes to /var/lib/vaermed-update/result (state, version, previous, reason), which
# the kiosk shows on the sync screen, and to the journal.
# Environment (tests): VAERMED_UPDATE_IN, VAERMED_UPDATE_WORK, VAERMED_UPDATE_SETTLE,
# VAERMED_CONFIG, VAERMED_DATA, SYSTEMCTL.
set -u
in=${VAERMED_UPDATE_IN:-/var/lib/vaermed/update-incoming}
work=${VAERMED_UPDATE_WORK:-/var/lib/vaermed-update}
settle=${VAERMED_UPDATE_SETTLE:-30}
config=${VAERMED_CONFIG:-/etc/vaermed/vaermed.conf}
data=${VAERMED_DATA:-/var/lib/vaermed}
systemctl=${SYSTEMCTL:-systemctl}
unit=vaermed.service

say() { echo "vaermed-update: $*"; }
result() { # result STATE VERSION PREVIOUS REASON
    mkdir -p "$work"
    printf 'state %s\nversion %s\nprevious %s\nreason %s\n' "$1" "$2" "$3" "$4" >"$work/result.tmp"
    chmod 0644 "$work/result.tmp"
    mv -f "$work/result.tmp" "$work/result"
    say "$1 $2 (was $3) $4"
}
installed_version() { dpkg-query -W -f='${Version}' vaermed 2>/dev/null; }
restarts() { $systemctl show -p NRestarts --value "$unit" 2>/dev/null || echo 0; }

# Starts the kiosk and waits: up, and still up after $settle seconds without a restart.
kiosk_runs() {
    before=$(restarts)
    $systemctl restart "$unit" || return 1
    i=0
    while [ "$i" -lt "$settle" ]; do
        sleep 1
        i=$((i + 1))
        $systemctl is-active --quiet "$unit" || return 1
    done
    [ "$(restarts)" = "$before" ]
}

backup_data() {
    rm -rf "$work/data"
    mkdir -p "$work/data"
    for f in "$data"/vaermed.db "$data"/vaermed.db-wal "$data"/vaermed.db.secret; do
        [ -f "$f" ] && cp -p "$f" "$work/data/"
    done
    return 0
}
restore_data() {
    for f in vaermed.db vaermed.db-wal vaermed.db-shm; do
        rm -f "$data/$f"
    done
    for f in "$work"/data/*; do
        [ -f "$f" ] && cp -p "$f" "$data/"
    done
    return 0
}

install_one() { # install_one SIG_PATH
    sig=$1
    name=$(basename "$sig" .sig)
    deb="$in/$name"
    rm -rf "$work/new"
    mkdir -p "$work/new"
    chmod 0700 "$work/new"
    # Links and odd files from the kiosk's folder are not followed.
    if [ -L "$sig" ] || [ -L "$deb" ] || [ ! -f "$deb" ]; then
        rm -f "$sig" "$deb"
        result refused "?" "$(installed_version)" "the update folder held something else than a package"
        return 1
    fi
    cp "$sig" "$work/new/$name.sig" && cp "$deb" "$work/new/$name"
    rm -f "$sig" "$deb"
    new="$work/new/$name"
    if ! checked=$(vaermed --config "$config" update verify "$new" 2>"$work/verify.err"); then
        result refused "?" "$(installed_version)" "$(tail -n 1 "$work/verify.err" | sed 's/^vaermed: //')"
        return 1
    fi
    version=$(printf '%s\n' "$checked" | cut -d ' ' -f 2)
    # dpkg's own reading of the package must say the same as the signature.
    if [ "$(dpkg-deb -f "$new" Package)" != vaermed ] ||
        [ "$(dpkg-deb -f "$new" Version)" != "$version" ] ||
        [ "$(dpkg-deb -f "$new" Architecture)" != "$(dpkg --print-architecture)" ]; then
        result refused "$version" "$(installed_version)" "the package is not the one the signature names"
        return 1
    fi
    old=$(installed_version)
    if [ -n "$old" ] && ! dpkg --compare-versions "$version" gt "$old"; then
        result refused "$version" "$old" "the installed version is as new or newer"
        return 1
    fi
    # The way back: the installed version packed up again, and the data.
    rm -rf "$work/old"
    mkdir -p "$work/old"
    if [ -n "$old" ] && ! (cd "$work/old" && dpkg-repack vaermed >"$work/repack.log" 2>&1); then
        result refused "$version" "$old" "the installed version could not be kept for a roll-back"
        return 1
    fi
    $systemctl stop "$unit" || true
    backup_data
    if dpkg -i --force-confdef --force-confold "$new" >"$work/dpkg.log" 2>&1 && kiosk_runs; then
        result installed "$version" "${old:-none}" ""
        rm -rf "$work/old" "$work/new"
        return 0
    fi
    reason="it did not start"
    grep -q 'dpkg: error' "$work/dpkg.log" && reason="dpkg could not install it"
    say "$version: $reason; rolling back to $old"
    $systemctl stop "$unit" || true
    if [ -n "$old" ]; then
        dpkg -i --force-confdef --force-confold "$work"/old/vaermed_*.deb >>"$work/dpkg.log" 2>&1 ||
            say "the roll-back to $old failed (see $work/dpkg.log)"
    fi
    restore_data
    $systemctl start "$unit" || true
    result rolled-back "$version" "${old:-none}" "$reason"
    return 1
}

mkdir -p "$work"
chmod 0755 "$work"
status=0
found=no
for sig in "$in"/*.sig; do
    [ -e "$sig" ] || continue
    found=yes
    install_one "$sig" || status=1
done
[ "$found" = yes ] || say "nothing to install in $in"
exit "$status"
