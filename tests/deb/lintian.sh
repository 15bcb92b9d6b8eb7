#!/bin/sh
# deb_lintian: lintian finds no error and no warning in the package (and its .changes).
# usage: tests/deb/lintian.sh SOURCE_DIR DEB_DIR VERSION
set -eu
deb_dir=${2:?usage: lintian.sh SOURCE_DIR DEB_DIR VERSION}
version=${3:?usage: lintian.sh SOURCE_DIR DEB_DIR VERSION}
arch=$(dpkg --print-architecture)
deb="$deb_dir/vaermed_${version}_$arch.deb"
[ -f "$deb" ] || { echo "deb_lintian: no $deb (deb_build makes it)" >&2; exit 1; }
command -v lintian >/dev/null 2>&1 || { echo "deb_lintian: lintian is missing" >&2; exit 1; }
if lintian --fail-on error,warning --info "$deb" "$deb_dir/vaermed_${version}_$arch.changes"; then
    echo "deb_lintian: 1 passed, 0 failed"
else
    echo "deb_lintian: 0 passed, 1 failed"
    exit 1
fi
