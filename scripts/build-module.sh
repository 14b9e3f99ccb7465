#!/bin/sh
# Build vfio/vfio-vconfig.ko against a kernel build tree (VFIO_DROPIN=1:
# build/dropin/vfio-pci.ko, the same driver named vfio-pci).
#
#   scripts/build-module.sh [KDIR]
#
# KDIR defaults to /lib/modules/<newest installed>/build. The engine
# sources (vconfig/, virtual-caps/, include/vconfig/) are mirrored into
# vfio/engine/ as symlinks, so Kbuild compiles them unchanged and keeps
# every object under vfio/. VCONFIG_SRC names another tree to take the
# engine from (default: this repository).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ] && [ -n "$1" ]; then
	kdir=$1
else
	kver=$(ls /lib/modules 2>/dev/null | sort -V | tail -n 1)
	kdir=/lib/modules/$kver/build
fi
src=${VCONFIG_SRC:-$root}
# VFIO_DROPIN=1 builds the same sources as vfio-pci.ko (module vfio_pci,
# driver "vfio-pci") in build/dropin/, a drop-in for upstream vfio-pci.
dropin=${VFIO_DROPIN:-0}
moddir=$root/vfio
if [ "$dropin" = 1 ]; then
	moddir=$root/build/dropin
	mkdir -p "$moddir"
	for f in "$root"/vfio/*.c "$root"/vfio/*.h "$root"/vfio/Kbuild; do
		ln -sfn "$f" "$moddir/$(basename "$f")"
	done
fi
mirror=$moddir/engine

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

for dir in vconfig virtual-caps include/vconfig; do
	mkdir -p "$mirror/$dir"
	for f in "$src/$dir"/*.c "$src/$dir"/*.h; do
		[ -e "$f" ] || continue
		ln -sfn "$f" "$mirror/$dir/$(basename "$f")"
	done
done

make -C "$kdir" M="$moddir" VFIO_DROPIN="$dropin" VCONFIG_ROOT="$root" modules
