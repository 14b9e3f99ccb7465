#!/bin/sh
# The "drivers" guest boot: unmodified Linux drivers from linux-source-6.1,
# built by scripts/shim/build-driver.sh as static programs, on QEMU devices
# bound to vfio-pci and to vfio-vconfig (tests/guest/drivers/init).
#
#   scripts/guest/run-drivers.sh [-t SECONDS] [-d]
#
# -d: the guest part of make demo instead of the tests (the e1000 program
# passing traffic, between "==== demo" lines of the console log); no checks.
#
# Devices:  00:03.0 i6300esb (vfio-pci)     00:04.0 i6300esb (vfio-vconfig)
#           00:05.0 pvpanic-pci (vfio-pci)  00:06.0 pvpanic-pci (vfio-vconfig)
#           00:07.0 e1000 (vfio-pci)        00:08.0 e1000 (vfio-vconfig)
#           00:09.0 rtl8139 (vfio-pci)      00:0a.0 rtl8139 (vfio-vconfig)
#                   (an 8139C+: 8139cp's; 8139too declines it, as in the kernel)
#           00:0b.0 ne2k_pci (vfio-pci)     00:0c.0 ne2k_pci (vfio-vconfig)
#           00:0d.0 pcnet (vfio-pci)        00:0e.0 pcnet (vfio-vconfig)
#           00:0f.0 i82557b (vfio-pci)      00:10.0 i82557b (vfio-vconfig)
# Each NIC has a QEMU user network of its own (DHCP server, gateway
# 10.0.2.2), which the guest reaches through the driver program's TAP
# interface.
# QEMU reports what the guest cannot see itself on the host side, in the same
# log as the console: "watchdog: timer fired" (-watchdog-action debug) and
# "Guest crashed" (GUEST_PANICKED, with -d guest_errors; -action panic=none
# keeps the guest running). The guest prints MARK lines around each test;
# this script checks QEMU's events fall between the right ones, adds those
# checks to the guest's PASS/FAIL lines and ends with "N passed, N failed".
# Takes the machine-wide guest lock, as scripts/guest/run.sh does.
set -eu

cd "$(dirname "$0")/../.."
. scripts/guest/qemu.sh
OUT=${VCONFIG_GUEST_OUT:-build/guest}-drivers
TIMEOUT=300
DEMO=
while getopts t:d opt; do
	case $opt in
	t) TIMEOUT=$OPTARG ;;
	d) DEMO=" drivers_demo=1" ;;
	*) echo "usage: $0 [-t SECONDS] [-d]" >&2; exit 2 ;;
	esac
done

KVER=$(sh scripts/kmod.sh kver)
KERNEL=/boot/vmlinuz-$KVER
MODDIR=/lib/modules/$KVER/kernel
LOG=$OUT/console.log
ROOT=$OUT/root
mkdir -p "$OUT" "$ROOT/bin" "$ROOT/lib/modules" "$ROOT/dev" "$ROOT/proc" "$ROOT/sys" "$ROOT/tmp"
rm -f "$LOG"

# The programs, static, built outside the tree's own (maybe sanitized) build.
build() { # name path...
	name=$1
	shift
	BUILD=$OUT/build sh scripts/shim/build-driver.sh -s -o "$ROOT/bin/$name" "$@" >"$OUT/build-$name.log" 2>&1 ||
		{ cat "$OUT/build-$name.log" >&2; echo "run-drivers: $name did not build" >&2; exit 1; }
}
build i6300esb drivers/watchdog/i6300esb.c
build pvpanic drivers/misc/pvpanic/pvpanic.c drivers/misc/pvpanic/pvpanic-pci.c
E1000=drivers/net/ethernet/intel/e1000
build e1000 $E1000/e1000_main.c $E1000/e1000_hw.c $E1000/e1000_ethtool.c $E1000/e1000_param.c
build 8139too drivers/net/ethernet/realtek/8139too.c
build 8139cp drivers/net/ethernet/realtek/8139cp.c
build ne2k-pci drivers/net/ethernet/8390/ne2k-pci.c drivers/net/ethernet/8390/8390.c
build pcnet32 drivers/net/ethernet/amd/pcnet32.c
build e100 drivers/net/ethernet/intel/e100.c

cp /bin/busybox "$ROOT/bin/busybox"
cp scripts/shim/run-driver.sh "$ROOT/bin/run-driver"
cp tests/guest/drivers/init "$ROOT/init"
chmod 755 "$ROOT/bin/run-driver" "$ROOT/init"
# shellcheck disable=SC2086
guest_modules "$MODDIR" "$ROOT/lib/modules" $GUEST_VFIO_MODULES fs/fuse/fuse fs/fuse/cuse \
	drivers/net/tun
if [ -f vfio/vfio-vconfig.ko ]; then
	cp vfio/vfio-vconfig.ko "$ROOT/lib/modules/"
else
	rm -f "$ROOT/lib/modules/vfio-vconfig.ko"
fi
guest_cpio "$ROOT" "$OUT/initramfs.cpio"

guest_qemu "$TIMEOUT" "$LOG" \
	-M q35 -accel tcg,thread=single -m 768 -smp 2 \
	-nographic -nodefaults -serial stdio -no-reboot -net none \
	-kernel "$KERNEL" -initrd "$OUT/initramfs.cpio" \
	-append "console=ttyS0 intel_iommu=on panic=-1 loglevel=5 oops=panic$DEMO" \
	-device intel-iommu \
	-device i6300esb,addr=03.0 -device i6300esb,addr=04.0 \
	-device pvpanic-pci,addr=05.0 -device pvpanic-pci,addr=06.0 \
	-netdev user,id=n7,restrict=on -device e1000,addr=07.0,netdev=n7 \
	-netdev user,id=n8,restrict=on -device e1000,addr=08.0,netdev=n8 \
	-netdev user,id=n9,restrict=on -device rtl8139,addr=09.0,netdev=n9 \
	-netdev user,id=n10,restrict=on -device rtl8139,addr=0a.0,netdev=n10 \
	-netdev user,id=n11,restrict=on -device ne2k_pci,addr=0b.0,netdev=n11 \
	-netdev user,id=n12,restrict=on -device ne2k_pci,addr=0c.0,netdev=n12 \
	-netdev user,id=n13,restrict=on -device pcnet,addr=0d.0,netdev=n13 \
	-netdev user,id=n14,restrict=on -device pcnet,addr=0e.0,netdev=n14 \
	-netdev user,id=n15,restrict=on -device i82557b,addr=0f.0,netdev=n15 \
	-netdev user,id=n16,restrict=on -device i82557b,addr=10.0,netdev=n16 \
	-watchdog-action debug -action panic=none -d guest_errors
rc=$guest_rc
elapsed=$guest_elapsed
[ -z "$DEMO" ] || exit "$rc"

passed=0
failed=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

clean=$(mktemp)
trap 'rm -f "$clean"' EXIT
tr -d '\r' <"$LOG" >"$clean"
lines=$(grep -aoE '(PASS|FAIL|SKIP) [^ ]+.*$' "$clean" || true)
[ -n "$lines" ] && printf '%s\n' "$lines"
passed=$(printf '%s\n' "$lines" | grep -c '^PASS ' || true)
failed=$(printf '%s\n' "$lines" | grep -c '^FAIL ' || true)

# count PATTERN FROM TO: lines matching PATTERN between two MARK lines.
count() {
	guest_count "$1" "$2" "$3" "$LOG"
}

for drv in vfio-pci vfio-vconfig; do
	n=$(count "watchdog: timer fired" "watchdog-pinged-start $drv" "watchdog-pinged-end $drv")
	if [ "$n" -eq 0 ]; then
		pass "drivers:i6300esb:$drv:quiet-while-pinged"
	else
		fail "drivers:i6300esb:$drv:quiet-while-pinged: $n QEMU watchdog events (-1: test not run)"
	fi
	n=$(count "watchdog: timer fired" "watchdog-unpinged-start $drv" "watchdog-unpinged-end $drv")
	if [ "$n" -ge 1 ]; then
		pass "drivers:i6300esb:$drv:fired"
	else
		fail "drivers:i6300esb:$drv:fired: QEMU reported no watchdog event once unpinged"
	fi
	n=$(count "Guest crashed" "pvpanic-start $drv" "pvpanic-end $drv")
	if [ "$n" -ge 1 ]; then
		pass "drivers:pvpanic:$drv:guest-panicked"
	else
		fail "drivers:pvpanic:$drv:guest-panicked: QEMU reported no GUEST_PANICKED"
	fi
done
if [ "$rc" -ne 0 ]; then
	fail "drivers:qemu: exit status $rc (137: timeout after ${TIMEOUT}s)"
fi
if ! grep -aqE '[0-9]+ passed, [0-9]+ failed' "$clean"; then
	fail "drivers:guest: no \"N passed, N failed\" line in $LOG"
fi
trouble=$(guest_trouble "$LOG")
if [ -n "$trouble" ]; then
	fail "drivers:kernel: $(printf '%s\n' "$trouble" | head -n 1)"
fi
echo "run-drivers: guest finished in ${elapsed}s, log in $LOG" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
