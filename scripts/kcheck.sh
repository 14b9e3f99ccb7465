#!/bin/sh
# make kcheck: the engine (vconfig/ + virtual-caps/) built unchanged as a
# throw-away kernel module (tests/kmod/kcheck.c + vfio/engine.c) against the
# kernel scripts/kmod.sh picks, and vconfig/embed.h checked to list every
# engine source.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=${BUILD:-build}/kmod/kcheck-$(sh scripts/kmod.sh kver)

missing=
for f in vconfig/*.c virtual-caps/*.c; do
	case $f in
	vconfig/*) inc=${f#vconfig/} ;;
	*) inc=../$f ;;
	esac
	grep -qx "#include \"$inc\"" vconfig/embed.h || missing="$missing $f"
done
if [ -n "$missing" ]; then
	echo "kcheck: vconfig/embed.h does not include:$missing" >&2
	exit 1
fi

sh scripts/kmod.sh build "$out" vconfig-kcheck tests/kmod/kcheck.c vfio/engine.c
modinfo "$out/vconfig-kcheck.ko" >/dev/null
echo "kcheck: engine builds as a kernel module against $(sh scripts/kmod.sh kver)" \
	"($(ls vconfig/*.c virtual-caps/*.c | wc -l) sources)"
