#!/bin/sh
# Build drivers/edu/edu.c as a kernel module, edu.ko.
#
#   scripts/build-edu-module.sh [KDIR] [OUTDIR]
#
# KDIR defaults to /lib/modules/<newest installed>/build (the version comes
# from /lib/modules, not uname -r). Kbuild works in OUTDIR (default
# build/edu-kmod), which links to the sources, so the tree stays clean.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ] && [ -n "$1" ]; then
	kdir=$1
else
	kdir=/lib/modules/$(ls /lib/modules 2>/dev/null | sort -V | tail -n 1)/build
fi
out=${2:-build/edu-kmod}

if [ ! -d "$kdir" ]; then
	echo "build-edu-module: no kernel build tree at $kdir" >&2
	exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
ln -sfn "$root/drivers/edu/edu.c" "$out/edu.c"
cp "$root/drivers/edu/Kbuild" "$out/Kbuild"
make -C "$kdir" M="$out" modules
