#!/bin/sh
# Build the guest initramfs (build/guest/initramfs.cpio) for scripts/guest/run.sh.
#
# Contents: static busybox, the guest kernel's VFIO modules, vfio/vfio-vconfig.ko
# when it has been built, the static test programs of tests/guest/ and /init.
# The kernel is KVER's under /lib/modules unless scripts/guest/kernel.sh set
# KMODDIR, VFIO_MODDIR (VFIO modules built for it, iommufd.ko among them) and
# VCONFIG_KO.
# Every step is skipped when its output is newer than its inputs, so a rebuild
# with nothing changed costs a few stat() calls.
set -eu

cd "$(dirname "$0")/../.."
OUT=${VCONFIG_GUEST_OUT:-build/guest}
ROOT=$OUT/root
KVER=${KVER:-$(sh scripts/kmod.sh kver)}
KMODDIR=${KMODDIR:-/lib/modules/$KVER}
KIMAGE=${KIMAGE:-/boot/vmlinuz-$KVER}
VFIO_MODDIR=${VFIO_MODDIR:-}
VCONFIG_KO=${VCONFIG_KO:-vfio/vfio-vconfig.ko}
MODDIR=$KMODDIR/kernel
CC=${CC:-gcc}
TEST_CFLAGS="-std=gnu11 -O2 -Wall -Wextra -Werror -static"

[ -n "$KVER" ] || { echo "build-initramfs: no kernel under /lib/modules" >&2; exit 1; }
[ -f "$KIMAGE" ] || { echo "build-initramfs: $KIMAGE missing" >&2; exit 1; }

mkdir -p "$ROOT/bin" "$ROOT/lib/modules" "$ROOT/dev" "$ROOT/proc" "$ROOT/sys" \
	"$ROOT/tmp" "$OUT/bin"

# newer TARGET SOURCE...: true when TARGET is missing or older than a source.
# (sh has no local variables: the loop variable must not be one a caller uses)
newer() {
	target=$1
	shift
	[ -e "$target" ] || return 0
	for newer_dep in "$@"; do
		[ "$newer_dep" -nt "$target" ] && return 0
	done
	return 1
}

# install_file SRC DST: copy when SRC is newer; .ko.xz/.ko.zst are unpacked.
install_file() {
	src=$1
	dst=$2
	newer "$dst" "$src" || return 0
	case $src in
	*.xz) xz -dc "$src" >"$dst.tmp" ;;
	*.zst) zstd -qdc "$src" >"$dst.tmp" ;;
	*) cp "$src" "$dst.tmp" ;;
	esac
	mv "$dst.tmp" "$dst"
}

install_file /bin/busybox "$ROOT/bin/busybox"
chmod 755 "$ROOT/bin/busybox"

# Debian 6.1 builds all of these as modules (CONFIG_VFIO*=m, IRQ_BYPASS_MANAGER=m);
# one that is built in (listed in modules.builtin) is simply not copied, nor
# one the kernel does not have (vfio_virqfd is part of vfio.ko since 6.2,
# iommufd.ko comes only from VFIO_MODDIR).
for mod in virt/lib/irqbypass drivers/iommu/iommufd/iommufd drivers/vfio/vfio \
	drivers/vfio/vfio_virqfd drivers/vfio/vfio_iommu_type1 \
	drivers/vfio/pci/vfio-pci-core drivers/vfio/pci/vfio-pci; do
	name=$(basename "$mod")
	if [ -n "$VFIO_MODDIR" ] && [ -f "$VFIO_MODDIR/$name.ko" ]; then
		install_file "$VFIO_MODDIR/$name.ko" "$ROOT/lib/modules/$name.ko"
		continue
	fi
	if grep -q "/$mod.ko\$" "$KMODDIR/modules.builtin" 2>/dev/null; then
		rm -f "$ROOT/lib/modules/$name.ko"
		continue
	fi
	case $name in
	vfio_virqfd | iommufd)
		if ! ls "$MODDIR/$mod".ko* >/dev/null 2>&1; then
			rm -f "$ROOT/lib/modules/$name.ko"
			continue
		fi ;;
	esac
	found=
	for ext in .ko .ko.xz .ko.zst; do
		if [ -f "$MODDIR/$mod$ext" ]; then
			install_file "$MODDIR/$mod$ext" "$ROOT/lib/modules/$name.ko"
			found=1
			break
		fi
	done
	[ -n "$found" ] || { echo "build-initramfs: $mod.ko not found under $MODDIR" >&2; exit 1; }
done

if [ -f "$VCONFIG_KO" ]; then
	install_file "$VCONFIG_KO" "$ROOT/lib/modules/vfio-vconfig.ko"
else
	rm -f "$ROOT/lib/modules/vfio-vconfig.ko"
fi

for src in tests/guest/*.c; do
	[ -f "$src" ] || continue
	prog=$OUT/bin/$(basename "$src" .c)
	if newer "$prog" "$src" tests/guest/*.h include/uapi/linux/*.h; then
		# shellcheck disable=SC2086
		$CC $TEST_CFLAGS -o "$prog" "$src"
	fi
	install_file "$prog" "$ROOT/bin/$(basename "$prog")"
done

install_file scripts/guest/init "$ROOT/init"
chmod 755 "$ROOT/init"

# Test phases: NAME.sh is sourced by /init; an executable NAME.initramfs
# beside it adds what the phase needs (called with ROOT and OUT set).
mkdir -p "$ROOT/phases"
for f in "$ROOT"/phases/*.sh; do
	[ -f "$f" ] && [ ! -f "tests/guest/phases/$(basename "$f")" ] && rm -f "$f"
done
for src in tests/guest/phases/*.sh; do
	[ -f "$src" ] || continue
	install_file "$src" "$ROOT/phases/$(basename "$src")"
	hook=${src%.sh}.initramfs
	if [ -f "$hook" ]; then
		ROOT=$ROOT OUT=$OUT KVER=$KVER KMODDIR=$KMODDIR KIMAGE=$KIMAGE sh "$hook"
	fi
done

# Rebuild the archive only when something in the tree changed (or was removed:
# the directory mtimes catch that).
if [ -n "$(find "$ROOT" -newer "$OUT/initramfs.cpio" 2>/dev/null | head -n 1)" ] ||
	[ ! -f "$OUT/initramfs.cpio" ]; then
	(cd "$ROOT" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$OUT/initramfs.cpio.tmp"
	mv "$OUT/initramfs.cpio.tmp" "$OUT/initramfs.cpio"
fi
echo "$OUT/initramfs.cpio"
