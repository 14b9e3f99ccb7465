#!/bin/sh
# make bench-e1000: QEMU's e1000 driven by the kernel's e1000 and by the same
# unmodified driver as a program over the Linux-PCI shim (on vfio-pci and on
# vfio-vconfig), in one guest boot, each on a QEMU user network of its own
# (bench/README.md). Prints the ping round trip to the gateway and the UDP
# transmit throughput of each, and their ratios to the kernel's.
#
#   bench/e1000/run.sh [-t SECONDS]
#
# Takes the machine-wide guest lock, as scripts/guest/run.sh does.
set -eu

cd "$(dirname "$0")/../.."
. scripts/guest/qemu.sh
OUT=${VCONFIG_GUEST_OUT:-build/guest}-bench-e1000
TIMEOUT=300
while getopts t: opt; do
	case $opt in
	t) TIMEOUT=$OPTARG ;;
	*) echo "usage: $0 [-t SECONDS]" >&2; exit 2 ;;
	esac
done

KVER=$(sh scripts/kmod.sh kver)
MODDIR=/lib/modules/$KVER/kernel
ROOT=$OUT/root
LOG=$OUT/console.log
mkdir -p "$ROOT/bin" "$ROOT/lib/modules" "$ROOT/dev" "$ROOT/proc" "$ROOT/sys" "$ROOT/tmp"

E1000=drivers/net/ethernet/intel/e1000
BUILD=$OUT/build sh scripts/shim/build-driver.sh -s -o "$ROOT/bin/e1000" \
	$E1000/e1000_main.c $E1000/e1000_hw.c $E1000/e1000_ethtool.c $E1000/e1000_param.c \
	>"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
${CC:-gcc} -O2 -Wall -Werror -static -o "$ROOT/bin/udp-blast" bench/e1000/udp-blast.c
cp /bin/busybox "$ROOT/bin/busybox"
cp scripts/shim/run-driver.sh "$ROOT/bin/run-driver"
cp bench/e1000/init "$ROOT/init"
chmod 755 "$ROOT/bin/run-driver" "$ROOT/init"
# shellcheck disable=SC2086
guest_modules "$MODDIR" "$ROOT/lib/modules" $GUEST_VFIO_MODULES drivers/net/tun $E1000/e1000
cp vfio/vfio-vconfig.ko "$ROOT/lib/modules/"
guest_cpio "$ROOT" "$OUT/initramfs.cpio"

guest_qemu "$TIMEOUT" "$LOG" \
	-M q35 -accel tcg,thread=single -m 768 -smp 2 \
	-nographic -nodefaults -serial stdio -no-reboot -net none \
	-kernel "/boot/vmlinuz-$KVER" -initrd "$OUT/initramfs.cpio" \
	-append "console=ttyS0 intel_iommu=on panic=-1 loglevel=5" \
	-device intel-iommu \
	-netdev user,id=n3,restrict=on -device e1000,addr=03.0,netdev=n3 \
	-netdev user,id=n4,restrict=on -device e1000,addr=04.0,netdev=n4 \
	-netdev user,id=n5,restrict=on -device e1000,addr=05.0,netdev=n5
if [ "$guest_rc" -ne 0 ]; then
	echo "bench-e1000: the guest failed (status $guest_rc), see $LOG" >&2
	exit 1
fi

tr -d '\r' <"$LOG" | grep -a 'BENCH-FAIL' >&2 && exit 1
tr -d '\r' <"$LOG" | grep -ao 'BENCH .*' | awk '
{
	name = $2
	for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] }
	names[++n] = name
}
END {
	printf "%-22s %12s %14s %10s\n", "driver", "ping rtt ms", "UDP frames/s", "Mbit/s"
	for (i = 1; i <= n; i++) {
		nm = names[i]
		fps = v[nm, "udp_frames"] / v[nm, "seconds"]
		mbit = fps * (v[nm, "payload"] + 42) * 8 / 1e6
		printf "%-22s %12s %14.0f %10.1f\n", nm, v[nm, "rtt_ms"], fps, mbit
		rtt[nm] = v[nm, "rtt_ms"]; rate[nm] = fps
	}
	for (i = 2; i <= n; i++) {
		nm = names[i]
		if (rtt["kernel"] > 0 && rate["kernel"] > 0)
			printf "%-22s rtt %.2fx the kernel'"'"'s, UDP throughput %.2fx the kernel'"'"'s\n", nm,
				rtt[nm] / rtt["kernel"], rate[nm] / rate["kernel"]
	}
}'
