#!/bin/sh
# A clean Debian 12 (debootstrap --variant=minbase) as a tarball in the tests' cache, made
# once and reused: prints its path. Shared by tests/deb/chroot.sh and tests/image/card.sh.
# The caller holds the cache's lock (flock on CACHE/lock).
# usage: tests/deb/base.sh CACHE_DIR ARCH MIRROR
set -eu
cache=${1:?usage: base.sh CACHE_DIR ARCH MIRROR}
arch=${2:?usage: base.sh CACHE_DIR ARCH MIRROR}
mirror=${3:?usage: base.sh CACHE_DIR ARCH MIRROR}
suite=bookworm
base="$cache/$suite-minbase-$arch.tar.gz"
if [ ! -f "$base" ]; then
    echo "making the clean $suite ($arch) once, into $base" >&2
    rm -rf "$cache/base"
    if ! debootstrap --variant=minbase --arch="$arch" "$suite" "$cache/base" "$mirror" \
        >"$cache/debootstrap.log" 2>&1; then
        tail -n 30 "$cache/debootstrap.log" >&2
        echo "debootstrap failed (above)" >&2
        exit 1
    fi
    rm -rf "$cache/base/var/cache/apt/archives"/*.deb "$cache/base/var/lib/apt/lists"/*_*
    tar -C "$cache/base" -czf "$base.tmp" . && mv "$base.tmp" "$base"
    rm -rf "$cache/base"
fi
printf '%s\n' "$base"
