#!/bin/sh
# The kiosk starts without the big libraries it needs only to print and to read calendar
# files: the binary does not link cairo, Pango or libical (nor ICU through them); they are
# linked by the modules vaermed-print.so and vaermed-calendar.so, which it loads when needed
# (src/platform/modules.h).
set -u
bin=${1:?usage: check_binary.sh VAERMED_BINARY MODULE_DIR}
dir=${2:?usage: check_binary.sh VAERMED_BINARY MODULE_DIR}
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
bad=0
if needed "$bin" | grep -E '^lib(cairo|pango|ical|icu|fontconfig|glib|gobject)'; then
    echo "the kiosk binary links a library that only printing or calendar files need"
    bad=1
fi
for m in vaermed-print.so:libcairo vaermed-print.so:libpango vaermed-calendar.so:libical; do
    mod=${m%%:*}
    lib=${m#*:}
    if [ ! -f "$dir/$mod" ]; then
        echo "$dir/$mod is missing"
        bad=1
    elif ! needed "$dir/$mod" | grep -q "^$lib"; then
        echo "$mod does not link $lib"
        bad=1
    fi
done
for m in vaermed-print.so vaermed-calendar.so; do
    # one door each: the table function, nothing of the static libraries inside
    exported=$(nm -D --defined-only "$dir/$m" 2>/dev/null | awk '$2 == "T" {print $3}' |
               grep -v '^_' | tr '\n' ' ')
    case "$exported" in
    "vaermed_print_module " | "vaermed_calendar_module ") ;;
    *) echo "$m exports more than its table: $exported"; bad=1 ;;
    esac
done
[ "$bad" -eq 0 ] && echo "binary: ok"
exit "$bad"
