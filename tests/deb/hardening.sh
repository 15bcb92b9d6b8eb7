#!/bin/sh
# deb_hardening: the kiosk in the package is hardened, as hardening-check sees it: PIE, stack
# protector, FORTIFY_SOURCE, RELRO and immediate binding (BIND_NOW). Control-flow protection
# is compiled in (-fcf-protection), but bookworm's own crt1.o has no IBT/SHSTK note, so no
# program linked on bookworm carries it: that one check is left to trixie.
# usage: tests/deb/hardening.sh SOURCE_DIR DEB_DIR VERSION
set -eu
deb_dir=${2:?usage: hardening.sh SOURCE_DIR DEB_DIR VERSION}
version=${3:?usage: hardening.sh SOURCE_DIR DEB_DIR VERSION}
arch=$(dpkg --print-architecture)
deb="$deb_dir/vaermed_${version}_$arch.deb"
[ -f "$deb" ] || { echo "deb_hardening: no $deb (deb_build makes it)" >&2; exit 1; }
command -v hardening-check >/dev/null 2>&1 ||
    { echo "deb_hardening: hardening-check (package devscripts) is missing" >&2; exit 1; }
work="${VAERMED_TEST_TMP:-/tmp}/deb-hardening"
rm -rf "$work"
mkdir -p "$work"
dpkg-deb -x "$deb" "$work"
# The kiosk and its two modules (PIE does not apply to a shared module: hardening-check
# says "ignored" for it).
passed=0
failed=0
for f in "$work/usr/bin/vaermed" "$work"/usr/lib/*/vaermed/vaermed-*.so; do
    if hardening-check --nocfprotection "$f"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "deb_hardening: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -eq 3 ]
