#!/bin/sh
# deploy_man_conf: every setting the kiosk's parser knows (src/config/config.c) is described in
# vaermed.conf(5) and appears in the shipped template, and neither describes one it does not
# know, so a caretaker reading either finds every line the kiosk reads.
# usage: tests/deploy/man_conf.sh SOURCE_DIR
set -eu
src=${1:?usage: man_conf.sh SOURCE_DIR}
parser="$src/src/config/config.c"
man="$src/docs/man/vaermed.conf.5"
template="$src/deploy/raspberry-pi/vaermed.conf"
keys=$(sed -n 's/.*strcmp(key, "\([a-z_]*\)").*/\1/p' "$parser" | sort -u)
[ -n "$keys" ] || { echo "deploy_man_conf: found no keys in $parser" >&2; exit 1; }
# The man page gives each setting as a .TP tag starting with its name in bold.
documented=$(sed -n '/^\.TP/{n;s/^\.BI\{0,1\}R\{0,1\} \([a-z_]*\).*/\1/p}' "$man" | sort -u)
passed=0
failed=0
for k in $keys; do
    if printf '%s\n' "$documented" | grep -qx "$k"; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAILED: vaermed.conf(5) does not describe '$k'" >&2
    fi
    if grep -Eq "^#? *$k *=" "$template"; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAILED: the template has no line for '$k'" >&2
    fi
done
for k in $documented; do
    if printf '%s\n' "$keys" | grep -qx "$k"; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAILED: vaermed.conf(5) describes '$k', which the kiosk does not read" >&2
    fi
done
echo "deploy_man_conf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
