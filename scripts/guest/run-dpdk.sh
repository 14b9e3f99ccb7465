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
set -eu

cd "$(dirname "$0")/../.."
OUT=${VCONFIG_DPDK_OUT:-build/guest-dpdk}
ROOT=$OUT/root
TIMEOUT=900
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

copy() { # SRC DST: only when newer; unpacks .xz/.zst
	if [ -e "$2" ] && [ ! "$1" -nt "$2" ]; then
		return 0
	fi
	case $1 in
	*.xz) xz -dc "$1" >"$2.tmp" ;;
	*.zst) zstd -qdc "$1" >"$2.tmp" ;;
	*) cp -L "$1" "$2.tmp" ;;
	esac
	mv "$2.tmp" "$2"
}

copy /bin/busybox "$ROOT/bin/busybox"
chmod 755 "$ROOT/bin/busybox"
for mod in virt/lib/irqbypass drivers/vfio/vfio drivers/vfio/vfio_virqfd \
	drivers/vfio/vfio_iommu_type1 drivers/vfio/pci/vfio-pci-core \
	drivers/vfio/pci/vfio-pci; do
	for ext in .ko .ko.xz .ko.zst; do
		if [ -f "$MODDIR/$mod$ext" ]; then
			copy "$MODDIR/$mod$ext" "$ROOT/lib/modules/$(basename "$mod").ko"
			break
		fi
	done
done
copy build/dropin/vfio-pci.ko "$ROOT/lib/modules/dropin/vfio-pci.ko"
copy vfio/vfio-vconfig.ko "$ROOT/lib/modules/vfio-vconfig.ko"

# A library keeps its file name and its symlinks: EAL loads every
# *.so.23.0 in $PMDS as a plugin, and the linked name must be the same
# file or the driver would register twice.
copy_lib() { # path as ldd prints it
	real=$(readlink -f "$1")
	mkdir -p "$ROOT$(dirname "$real")" "$ROOT$(dirname "$1")"
	copy "$real" "$ROOT$real"
	[ "$real" = "$1" ] || ln -sfn "$real" "$ROOT$1"
}

# testpmd, the PMDs it needs as plugins (only these are in $PMDS), and
# every library they load.
copy "$TESTPMD" "$ROOT/usr/bin/dpdk-testpmd"
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
	/*) copy "$first" "$ROOT/lib64/$(basename "$first")"
		chmod 755 "$ROOT/lib64/$(basename "$first")" ;;
	*) [ "$arrow" = "=>" ] && [ -f "$path" ] || {
			echo "run-dpdk: ldd: $first $arrow $path $rest" >&2
			exit 1
		}
		copy_lib "$path" ;;
	esac
done
copy scripts/guest/dpdk-init "$ROOT/init"
chmod 755 "$ROOT/init"
if [ ! -f "$OUT/initramfs.cpio" ] ||
	[ -n "$(find "$ROOT" -newer "$OUT/initramfs.cpio" | head -n 1)" ]; then
	(cd "$ROOT" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$OUT/initramfs.cpio.tmp"
	mv "$OUT/initramfs.cpio.tmp" "$OUT/initramfs.cpio"
fi

# Each NIC's netdev is a UDP socket sending to itself: a link that loops.
# The loop never drains (testpmd forwards back what it receives); a
# filter-buffer releases it every 10 ms so that QEMU's main loop, which
# holds the global lock while it moves packets, cannot starve the vCPU.
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
	-device virtio-net-pci,addr=06.0,netdev=n1,mac=52:54:00:12:35:52

# One guest at a time on this machine (the lock of scripts/guest/run.sh).
exec 9>"${VCONFIG_GUEST_LOCK:-/tmp/vconfig-guest.lock}"
flock 9

start=$(date +%s)
rc=0
timeout -s KILL "$TIMEOUT" qemu-system-x86_64 "$@" </dev/null >"$LOG" 2>&1 || rc=$?
elapsed=$(($(date +%s) - start))

status=0
if [ "$rc" -ne 0 ]; then
	echo "run-dpdk: qemu exited with status $rc" >&2
	status=1
fi
grep -aE 'FAIL ' "$LOG" >/dev/null && status=1
if ! grep -aE '[0-9]+ passed, [0-9]+ failed' "$LOG" >/dev/null; then
	echo "run-dpdk: no \"N passed, N failed\" line in $LOG" >&2
	status=1
fi
if grep -aE 'Oops|BUG:|WARNING:|Call Trace|Kernel panic' "$LOG" >/dev/null; then
	echo "run-dpdk: kernel trouble in the guest log" >&2
	status=1
fi
echo "run-dpdk: guest finished in ${elapsed}s, log in $LOG" >&2
exit "$status"
