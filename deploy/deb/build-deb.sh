#!/bin/sh
# Builds Vær med's Debian package from this tree: copies the tracked files (and new ones not
# ignored by git) into OUT/src, runs dpkg-buildpackage there, and leaves
# OUT/vaermed_<version>_<arch>.deb. The tree itself is not touched.
#
# usage: deploy/deb/build-deb.sh [--arch amd64|arm64] [--out DIR] [--lintian]
#   --arch     the package's architecture (default: this machine's). arm64 on an amd64
#              machine is a cross build: deploy/cross-arm64.sh --deb prepares the machine
#              and calls this.
#   --out      where the package goes (default: build-deb)
#   --lintian  run lintian on the package; any error or warning fails
# Environment: JOBS (default nproc); VAERMED_ARM64_DEV (see deploy/cross-arm64.sh).
set -eu
cd "$(dirname "$0")/../.."
repo=$(pwd)

arch=$(dpkg --print-architecture)
out=build-deb
lintian=no
while [ $# -gt 0 ]; do
    case $1 in
    --arch) arch=${2:?--arch needs amd64 or arm64}; shift ;;
    --out) out=${2:?--out needs a folder}; shift ;;
    --lintian) lintian=yes ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build-deb: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
for tool in dpkg-buildpackage dpkg-parsechangelog dh; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build-deb: $tool is missing: run 'deploy/install-deps.sh deb'" >&2
        exit 1
    fi
done

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
mkdir -p "$out"
out=$(cd "$out" && pwd)
src="$out/src-$arch/vaermed-$version"
rm -rf "$out/src-$arch"
mkdir -p "$src"

# The files of the tree, as git sees them (tracked and new, not ignored), so a build folder
# or an editor's leftovers never end up in the package. Without git: everything but build*.
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$repo" ls-files -z --cached --others --exclude-standard |
        (cd "$repo" && xargs -0 tar --no-recursion -cf - --) | tar -xf - -C "$src"
else
    (cd "$repo" && tar --exclude='./build*' --exclude=./.git -cf - .) | tar -xf - -C "$src"
fi

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
build_arch=$(dpkg --print-architecture)
set -- -b -us -uc --host-arch="$arch"
if [ "$arch" != "$build_arch" ]; then
    # A cross build: some arm64 -dev packages cannot be installed beside their amd64 twins
    # (cross-arm64.sh unpacks them instead), so dpkg cannot check the build dependencies.
    set -- "$@" -d -Pcross,nocheck
fi
log="$out/build-$arch.log"
echo "build-deb: building vaermed $version for $arch in $src (log: $log)"
if ! (cd "$src" && DEB_BUILD_OPTIONS="parallel=$jobs nocheck" dpkg-buildpackage "$@") \
    >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "build-deb: dpkg-buildpackage failed (the whole log: $log)" >&2
    exit 1
fi
deb="vaermed_${version}_${arch}.deb"
for f in "$out/src-$arch"/vaermed*_"$arch".* "$out/src-$arch"/vaermed*_"$arch".deb; do
    [ -e "$f" ] && mv -f "$f" "$out/"
done
[ -f "$out/$deb" ] || { echo "build-deb: dpkg-buildpackage made no $deb" >&2; exit 1; }
echo "build-deb: $out/$deb"
if [ "$lintian" = yes ]; then
    # The profile Debian uses; overrides (debian/vaermed.lintian-overrides) say why.
    lintian --fail-on error,warning --info "$out/$deb" "$out/vaermed_${version}_${arch}.changes"
    echo "build-deb: lintian is satisfied with $deb"
fi
