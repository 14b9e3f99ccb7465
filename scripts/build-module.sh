#!/bin/sh
# Build vfio/vfio-vconfig.ko against a kernel build tree.
#
#   scripts/build-module.sh [KDIR [OUTDIR]]
#
# KDIR defaults to /lib/modules/<newest installed>/build. The engine
# sources (vconfig/, virtual-caps/, include/vconfig/) are mirrored into
# vfio/engine/ as symlinks, so Kbuild compiles them unchanged and keeps
# every object under vfio/. VCONFIG_SRC names another tree to take the
# engine from (default: this repository). OUTDIR builds elsewhere than
# vfio/ (the driver's sources are mirrored there too), so that modules for
# several kernels can sit side by side.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ] && [ -n "$1" ]; then
	kdir=$1
else
	kver=$(ls /lib/modules 2>/dev/null | sort -V | tail -n 1)
	kdir=/lib/modules/$kver/build
fi
src=${VCONFIG_SRC:-$root}
out=$root/vfio
if [ $# -ge 2 ] && [ -n "$2" ]; then
	mkdir -p "$2"
	out=$(cd "$2" && pwd)
	for f in "$root"/vfio/*.c "$root"/vfio/*.h "$root"/vfio/Kbuild; do
		ln -sfn "$f" "$out/$(basename "$f")"
	done
fi
mirror=$out/engine

if [ ! -d "$kdir" ]; then
	echo "build-module: no kernel build tree at $kdir" >&2
	exit 1
fi

# Drop links whose source went away, with their objects.
if [ -d "$mirror" ]; then
	find "$mirror" -type l ! -exec test -e {} \; -print | while read -r l; do
		rm -f "$l" "${l%.c}.o"
	done
fi

# include/uapi too: an OUTDIR has no ../include beside it
for dir in vconfig virtual-caps include/vconfig include/uapi/linux; do
	mkdir -p "$mirror/$dir"
	for f in "$src/$dir"/*.c "$src/$dir"/*.h; do
		[ -e "$f" ] || continue
		ln -sfn "$f" "$mirror/$dir/$(basename "$f")"
	done
done

# Objects built against another tree must go: Kbuild would keep a module
# whose symbol versions are that tree's.
if [ "$(cat "$out/.build-kdir" 2>/dev/null)" != "$kdir" ]; then
	make -s -C "$kdir" M="$out" clean >/dev/null 2>&1 || true
	echo "$kdir" >"$out/.build-kdir"
fi
make -C "$kdir" M="$out" modules
