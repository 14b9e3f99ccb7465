#!/bin/sh
# Boot the DPDK guest under QEMU (TCG) and judge its console log.
#
#   scripts/guest/run-dpdk.sh [-t SECONDS]
#
# Unmodified Debian dpdk-testpmd (package dpdk-dev 22.11, installed on the
# host by scripts/install-deps.sh and copied into the initramfs with its
# libraries at test time) drives an e1000e and a virtio-net-pci bound to
# upstream vfio-pci, then to the drop-in build of vfio-vconfig named
# vfio-pci (VFIO_DROPIN=1), then tries vfio-vconfig under its own name
# (scripts/guest/dpdk-init). DPDK needs hugepages, SSE4.2 (-cpu Nehalem)
# and a 48-bit IOMMU address width. Log: build/guest-dpdk/console.log.
# Prints the guest's PASS/FAIL lines and "N passed, N failed"; exit status
# as scripts/guest/run.sh's.
set -eu

cd "$(dirname "$0")/../.."
. scripts/guest/qemu.sh
OUT=${VCONFIG_DPDK_OUT:-build/guest-dpdk}
ROOT=$OUT/root
TIMEOUT=300
while getopts t: opt; do
	case $opt in
	t) TIMEOUT=$OPTARG ;;
	*) echo "usage: $0 [-t SECONDS]" >&2; exit 2 ;;
	esac
done

KVER=$(sh scripts/kmod.sh kver)
KERNEL=/boot/vmlinuz-$KVER
MODDIR=/lib/modules/$KVER/kernel
TESTPMD=/usr/bin/dpdk-testpmd
PMDS=/usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0
LOG=$OUT/console.log

if [ ! -x "$TESTPMD" ]; then
	echo "run-dpdk: $TESTPMD missing (scripts/install-deps.sh installs dpdk-dev)" >&2
	exit 1
fi
mkdir -p "$OUT"
rm -f "$LOG"

# The modules: upstream VFIO, the drop-in build and vfio-vconfig.
sh scripts/kmod.sh vfio >/dev/null
VFIO_DROPIN=1 sh scripts/kmod.sh vfio >/dev/null

mkdir -p "$ROOT/bin" "$ROOT/lib/modules/dropin" "$ROOT/lib64" "$ROOT/usr/bin" \
	"$ROOT$PMDS" "$ROOT/dev" "$ROOT/proc" "$ROOT/sys" "$ROOT/tmp"

guest_copy /bin/busybox "$ROOT/bin/busybox"
chmod 755 "$ROOT/bin/busybox"
# shellcheck disable=SC2086
guest_modules "$MODDIR" "$ROOT/lib/modules" $GUEST_VFIO_MODULES
guest_copy build/dropin/vfio-pci.ko "$ROOT/lib/modules/dropin/vfio-pci.ko"
guest_copy vfio/vfio-vconfig.ko "$ROOT/lib/modules/vfio-vconfig.ko"

# A library keeps its file name and its symlinks: EAL loads every
# *.so.23.0 in $PMDS as a plugin, and the linked name must be the same
# file or the driver would register twice.
copy_lib() { # path as ldd prints it
	real=$(readlink -f "$1")
	mkdir -p "$ROOT$(dirname "$real")" "$ROOT$(dirname "$1")"
	guest_copy "$real" "$ROOT$real"
	[ "$real" = "$1" ] || ln -sfn "$real" "$ROOT$1"
}

# testpmd, the PMDs it needs as plugins (only these are in $PMDS), and
# every library they load.
guest_copy "$TESTPMD" "$ROOT/usr/bin/dpdk-testpmd"
chmod 755 "$ROOT/usr/bin/dpdk-testpmd"
for pmd in librte_net_e1000 librte_net_virtio librte_mempool_ring; do
	copy_lib "$PMDS/$pmd.so.23"
done
for obj in "$TESTPMD" "$PMDS/librte_net_e1000.so.23" "$PMDS/librte_net_virtio.so.23" \
	"$PMDS/librte_mempool_ring.so.23"; do
	ldd "$obj"
done | while read -r first arrow path rest; do
	case $first in
	linux-vdso.so.*) ;;
	/*) guest_copy "$first" "$ROOT/lib64/$(basename "$first")"
		chmod 755 "$ROOT/lib64/$(basename "$first")" ;;
	*) [ "$arrow" = "=>" ] && [ -f "$path" ] || {
			echo "run-dpdk: ldd: $first $arrow $path $rest" >&2
			exit 1
		}
		copy_lib "$path" ;;
	esac
done
guest_copy scripts/guest/dpdk-init "$ROOT/init"
chmod 755 "$ROOT/init"
guest_cpio "$ROOT" "$OUT/initramfs.cpio"

# Each NIC's netdev is a UDP socket sending to itself: a link that loops.
# The loop never drains (testpmd forwards back what it receives); a
# filter-buffer releases it every 10 ms so that QEMU's main loop, which
# holds the global lock while it moves packets, cannot starve the vCPU.
# The virtio-net function goes through the IOMMU like any other PCI device
# only with iommu_platform=on (modern only: disable-legacy=on). Without it
# QEMU takes the ring addresses, DPDK's IOVAs, for guest-physical ones: the
# PMD then waits for its first control-queue answer forever.
# DPDK 22.11 needs SSE4.2 (-cpu Nehalem). One vCPU, shared by testpmd's two
# lcores (--lcores in dpdk-init): with two vCPUs (Nehalem or max) the
# guest often froze at boot under TCG.
set -- \
	-M q35 -accel tcg,thread=single -cpu Nehalem -m 2048 -smp 1 \
	-nographic -nodefaults -serial stdio -no-reboot \
	-kernel "$KERNEL" -initrd "$OUT/initramfs.cpio" \
	-append "console=ttyS0 intel_iommu=on panic=-1 loglevel=5 oops=panic default_hugepagesz=2M hugepagesz=2M hugepages=256" \
	-device intel-iommu,aw-bits=48 \
	-netdev socket,id=n0,udp=127.0.0.1:47180,localaddr=127.0.0.1:47180 \
	-netdev socket,id=n1,udp=127.0.0.1:47181,localaddr=127.0.0.1:47181 \
	-object filter-buffer,id=fb0,netdev=n0,interval=10000 \
	-object filter-buffer,id=fb1,netdev=n1,interval=10000 \
	-device e1000e,addr=05.0,netdev=n0,mac=52:54:00:12:35:51 \
	-device virtio-net-pci,addr=06.0,netdev=n1,mac=52:54:00:12:35:52,disable-legacy=on,iommu_platform=on

guest_qemu "$TIMEOUT" "$LOG" "$@"
tr -d '\r' <"$LOG" | grep -aoE '(PASS|FAIL|SKIP) [^ ]+.*$|[0-9]+ passed, [0-9]+ failed' || true
guest_judge run-dpdk "$LOG"
