#!/bin/sh
# Linux 6.12 with iommufd: Debian's 6.12 is built without CONFIG_IOMMUFD, so
# this builds iommufd.ko and the VFIO modules that go with it from Debian's
# linux-source-6.12, out of tree, for the very same kernel image.
#
#   scripts/build-iommufd.sh        (after scripts/kernel-6.12.sh)
#
# Results, under $K612_DIR (default build/k612), kept until the kernel
# version changes:
#   kdir-iommufd/   a copy of the headers' build tree whose configuration
#                   adds CONFIG_IOMMUFD=m and CONFIG_VFIO_DEVICE_CDEV=y and
#                   whose Module.symvers has the rebuilt modules' symbols:
#                   the KDIR to build vfio-vconfig.ko for this variant (the
#                   layout of struct vfio_device depends on both options)
#   iommufd-modules/ iommufd.ko vfio.ko vfio_iommu_type1.ko vfio-pci-core.ko
#                   vfio-pci.ko
# Debian's vmlinux has the interval tree but not its span iterator (only
# IOMMUFD selects it): iommufd.ko gets that part of lib/interval_tree.c.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${K612_DIR:-$root/build/k612}
[ -f "$dir/env" ] || { echo "build-iommufd: run scripts/kernel-6.12.sh first" >&2; exit 1; }
. "$dir/env"
kdir=$dir/kdir-iommufd
mods=$dir/iommufd-modules
stamp=$dir/iommufd.done

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$K612_KVER" ]; then
	exit 0
fi
rm -rf "$kdir" "$mods" "$dir/iommufd-build" "$stamp"

# The build tree: the headers' one with two more options.
cp -a "$K612_KDIR" "$kdir"
for l in scripts tools; do
	ln -sfn "$(readlink -f "$K612_KDIR/$l")" "$kdir/$l"
done
for f in "$kdir/.config" "$kdir/include/config/auto.conf"; do
	sed -i -e '/^# CONFIG_IOMMUFD is not set$/d' -e '/^CONFIG_IOMMUFD=/d' \
		-e '/^CONFIG_VFIO_DEVICE_CDEV=/d' "$f"
	printf 'CONFIG_IOMMUFD=m\nCONFIG_VFIO_DEVICE_CDEV=y\n' >>"$f"
done
printf '#define CONFIG_IOMMUFD_MODULE 1\n#define CONFIG_VFIO_DEVICE_CDEV 1\n' \
	>>"$kdir/include/generated/autoconf.h"

# One external build with a folder per module group; sources are links.
b=$dir/iommufd-build
mkdir -p "$b/iommufd" "$b/vfio/pci"
for f in "$K612_SRC"/drivers/iommu/iommufd/*.[ch]; do
	ln -s "$f" "$b/iommufd/"
done
for f in "$K612_SRC"/drivers/vfio/*.[ch]; do
	ln -s "$f" "$b/vfio/"
done
for f in "$K612_SRC"/drivers/vfio/pci/*.[ch]; do
	ln -s "$f" "$b/vfio/pci/"
done
{
	sed -n '/^#include/p' "$K612_SRC/lib/interval_tree.c"
	sed -n '/^#ifdef CONFIG_INTERVAL_TREE_SPAN_ITER$/,/^#endif$/p' \
		"$K612_SRC/lib/interval_tree.c" | sed '1d;$d'
} >"$b/iommufd/interval_tree_span.c"
grep -q '^EXPORT_SYMBOL_GPL(interval_tree_span_iter_first);' "$b/iommufd/interval_tree_span.c" || {
	echo "build-iommufd: no span iterator found in lib/interval_tree.c" >&2
	exit 1
}

echo 'obj-y += iommufd/ vfio/' >"$b/Kbuild"
cat >"$b/iommufd/Kbuild" <<EOF
obj-m := iommufd.o
iommufd-y := device.o fault.o hw_pagetable.o io_pagetable.o ioas.o main.o \\
	pages.o vfio_compat.o interval_tree_span.o
ccflags-y := -I$K612_SRC/drivers/iommu/iommufd
EOF
cat >"$b/vfio/Kbuild" <<EOF
obj-m := vfio.o vfio_iommu_type1.o
vfio-y := vfio_main.o device_cdev.o group.o iommufd.o container.o virqfd.o
obj-y += pci/
EOF
cat >"$b/vfio/pci/Kbuild" <<EOF
obj-m := vfio-pci-core.o vfio-pci.o
vfio-pci-core-y := vfio_pci_core.o vfio_pci_intrs.o vfio_pci_rdwr.o vfio_pci_config.o
vfio-pci-y := vfio_pci.o vfio_pci_igd.o
EOF

jobs=$(nproc 2>/dev/null || echo 1)
[ "$jobs" -le 2 ] || jobs=2
make -s -C "$kdir" M="$b" -j"$jobs" modules

mkdir -p "$mods"
for ko in iommufd/iommufd.ko vfio/vfio.ko vfio/vfio_iommu_type1.ko \
	vfio/pci/vfio-pci-core.ko vfio/pci/vfio-pci.ko; do
	cp "$b/$ko" "$mods/"
done

# Modules built against kdir-iommufd must link to these symbols (their
# CRCs follow the changed struct layouts), not to Debian's.
awk 'NR == FNR { ours[$2] = $0; next }
	$2 in ours { print ours[$2]; delete ours[$2]; next }
	{ print }
	END { for (s in ours) print ours[s] }' \
	"$b/Module.symvers" "$K612_KDIR/Module.symvers" >"$kdir/Module.symvers"

echo "$K612_KVER" >"$stamp"
