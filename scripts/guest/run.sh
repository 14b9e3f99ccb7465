#!/bin/sh
# Boot the test guest under QEMU (TCG) and judge its console log.
#
#   scripts/guest/run.sh [-t SECONDS] [-2 DRIVER] [-p PHASE,...] [-m MIB] [-k KERNEL]
#
# -p runs only the named phases of tests/guest/phases/ after the ABI tests
# (default: all of them); -m sets the guest's memory. -k picks the guest
# kernel (GUEST_KERNEL): host (default: the newest under /lib/modules, or
# KVER), 6.12 or 6.12-iommufd (see scripts/guest/kernel.sh).
# -2 DRIVER binds the second device of each pair to DRIVER (default:
# vfio-vconfig when vfio/vfio-vconfig.ko exists, else the pair's second
# device stays unbound); "-2 vfio-pci" is a control run of those devices.
#
# Builds the initramfs first (cheap when nothing changed). The log is kept in
# $VCONFIG_GUEST_OUT/console.log (default build/guest, build/guest-KERNEL for
# the other kernels). Exit status is non-zero on a FAIL line, a missing
# "N passed, N failed" line, a kernel oops/BUG/WARNING/Call Trace, or timeout.
set -eu

cd "$(dirname "$0")/../.."
. scripts/guest/qemu.sh
TIMEOUT=900
SECOND=
PHASES=
MEM=1536
# One TCG thread for both vCPUs: with a thread per vCPU on a two-core host,
# an idle vCPU's timer wakeup was now and then never delivered (RCU stall
# reports, then a guest frozen until the timeout), and the whole run was
# slower. TCG_THREAD=multi brings the thread per vCPU back.
TCG_THREAD=${TCG_THREAD:-single}
while getopts t:2:p:m:k: opt; do
	case $opt in
	t) TIMEOUT=$OPTARG ;;
	2) SECOND=$OPTARG ;;
	p) PHASES=$OPTARG ;;
	m) MEM=$OPTARG ;;
	k) GUEST_KERNEL=$OPTARG ;;
	*) echo "usage: $0 [-t SECONDS] [-2 DRIVER] [-p PHASE,...] [-m MIB] [-k KERNEL]" >&2; exit 2 ;;
	esac
done

. scripts/guest/kernel.sh
OUT=$VCONFIG_GUEST_OUT
LOG=$OUT/console.log

# A log from an earlier run must never be judged as this one's.
mkdir -p "$OUT"
rm -f "$LOG"
sh scripts/guest/build-initramfs.sh >/dev/null

# Backing files for the NVMe namespaces and virtio-blk disks: small, sparse,
# made once.
for img in nvme0 nvme1 vblk0 vblk1; do
	[ -f "$OUT/$img.img" ] || truncate -s 16M "$OUT/$img.img"
done

# Fixed addresses keep the BDFs that scripts/guest/init expects:
#   00:03.0 edu      00:04.0 edu
#   00:05.0 e1000e   00:06.0 e1000e
#   01:00.0 nvme (behind root port 00:10.0)   02:00.0 nvme (root port 00:11.0)
#   03:00.0 nvme SR-IOV PF with one VF (root port 00:12.0), unbound at boot
#   04:00.0+04:00.1 i6300esb, 05:00.0+05:00.1 i6300esb: two functions
#   without a reset of their own behind each of root ports 00:15.0 and
#   00:16.0, unbound at boot (phase diff: slot/bus resets)
#   06:00.0 VGA, 07:00.0 VGA: each alone behind root ports 00:17.0 and
#   00:18.0, unbound at boot (phase diff: VGA region; the VGA arbiter can
#   route the legacy ranges between two functions only through bridges)
# and for the nested phase (tests/guest/phases/nested.sh), unbound at boot:
#   00:07.0 i6300esb        00:08.0 i6300esb
#   00:09.0 virtio-net-pci  00:0a.0 virtio-net-pci   (QEMU user networks)
#   00:0b.0 ne2k_pci        00:0c.0 ne2k_pci         (QEMU user networks)
#   00:0d.0 virtio-blk-pci  00:0e.0 virtio-blk-pci
#   00:13.0 qemu-xhci       00:14.0 qemu-xhci        (a USB tablet each)
# The virtio functions translate their DMA through the IOMMU only with
# iommu_platform=on (which needs disable-legacy=on). A USB keyboard would be
# set up by the firmware, which leaves the xHCI polling it from firmware
# memory (DMA faults once Linux turns the IOMMU on); SeaBIOS leaves a tablet
# alone. A watchdog that fires is reported on QEMU's stderr, in the log, and
# the guest goes on.
# intel-iommu comes first so that every PCI device is created behind it.
set -- \
	-M q35 -accel "tcg,thread=$TCG_THREAD" -m "$MEM" -smp 2 \
	-nographic -nodefaults -serial stdio -no-reboot -net none \
	-kernel "$KIMAGE" -initrd "$OUT/initramfs.cpio" \
	-append "console=ttyS0 intel_iommu=on panic=-1 loglevel=5 oops=panic${SECOND:+ vconfig_second=$SECOND}${PHASES:+ vconfig_phases=$PHASES}" \
	-device intel-iommu \
	-device edu,addr=03.0 \
	-device edu,addr=04.0 \
	-device e1000e,addr=05.0,mac=52:54:00:12:34:51 \
	-device e1000e,addr=06.0,mac=52:54:00:12:34:52 \
	-device pcie-root-port,id=rp1,addr=10.0,chassis=1,slot=1 \
	-device pcie-root-port,id=rp2,addr=11.0,chassis=2,slot=2 \
	-drive if=none,id=nvd0,file="$OUT/nvme0.img",format=raw \
	-drive if=none,id=nvd1,file="$OUT/nvme1.img",format=raw \
	-device nvme,bus=rp1,addr=00.0,serial=VCONFIGNVME0,drive=nvd0 \
	-device nvme,bus=rp2,addr=00.0,serial=VCONFIGNVME1,drive=nvd1 \
	-device pcie-root-port,id=rp3,addr=12.0,chassis=3,slot=3 \
	-device nvme-subsys,id=sriovsub,nqn=vconfig-sriov \
	-device nvme,bus=rp3,addr=00.0,serial=VCONFIGSRIOV,subsys=sriovsub,sriov_max_vfs=1,sriov_vq_flexible=2,sriov_vi_flexible=1,max_ioqpairs=4,msix_qsize=3 \
	-device pcie-root-port,id=rp4,addr=15.0,chassis=4,slot=4 \
	-device i6300esb,bus=rp4,addr=00.0,multifunction=on \
	-device i6300esb,bus=rp4,addr=00.1 \
	-device pcie-root-port,id=rp5,addr=16.0,chassis=5,slot=5 \
	-device i6300esb,bus=rp5,addr=00.0,multifunction=on \
	-device i6300esb,bus=rp5,addr=00.1 \
	-device pcie-root-port,id=rp6,addr=17.0,chassis=6,slot=6 \
	-device VGA,bus=rp6,addr=00.0 \
	-device pcie-root-port,id=rp7,addr=18.0,chassis=7,slot=7 \
	-device VGA,bus=rp7,addr=00.0 \
	-watchdog-action debug \
	-device i6300esb,addr=07.0 -device i6300esb,addr=08.0 \
	-netdev user,id=vn0,net=10.0.11.0/24 -netdev user,id=vn1,net=10.0.12.0/24 \
	-device virtio-net-pci,addr=09.0,netdev=vn0,mac=52:54:00:12:34:61,disable-legacy=on,iommu_platform=on \
	-device virtio-net-pci,addr=0a.0,netdev=vn1,mac=52:54:00:12:34:62,disable-legacy=on,iommu_platform=on \
	-netdev user,id=ne0,net=10.0.13.0/24 -netdev user,id=ne1,net=10.0.14.0/24 \
	-device ne2k_pci,addr=0b.0,netdev=ne0,mac=52:54:00:12:34:71 \
	-device ne2k_pci,addr=0c.0,netdev=ne1,mac=52:54:00:12:34:72 \
	-drive if=none,id=vbd0,file="$OUT/vblk0.img",format=raw \
	-drive if=none,id=vbd1,file="$OUT/vblk1.img",format=raw \
	-device virtio-blk-pci,addr=0d.0,drive=vbd0,serial=VCONFIGVBLK0,disable-legacy=on,iommu_platform=on \
	-device virtio-blk-pci,addr=0e.0,drive=vbd1,serial=VCONFIGVBLK1,disable-legacy=on,iommu_platform=on \
	-device qemu-xhci,id=xhci0,addr=13.0 -device usb-tablet,bus=xhci0.0 \
	-device qemu-xhci,id=xhci1,addr=14.0 -device usb-tablet,bus=xhci1.0

guest_qemu "$TIMEOUT" "$LOG" "$@"
guest_judge run.sh "$LOG"
