#!/bin/sh
# The guest part of make demo: boot the test guest (scripts/guest/run.sh) with
# the demo phase (tests/guest/phases/demo.sh) and show, from its console,
# lsvfio for the edu devices and the edu driver (drivers/edu/edu.c) running
# as a program over vfio-vconfig; then, in a second short boot
# (scripts/guest/run-drivers.sh -d), Linux's own e1000 driver, unmodified,
# as a program passing traffic through a TAP interface. The guests' console
# logs stay in build/guest-demo/ and build/guest-demo-drivers/.
set -eu

cd "$(dirname "$0")/.."
OUT=build/guest-demo
KVER=$(sh scripts/kmod.sh kver)
mkdir -p "$OUT"

cat <<'EOT'

== Part 2: a kernel PCI driver as a program, in a QEMU guest

The guest (q35, TCG, virtual Intel IOMMU) has two edu devices: 00:03.0 on
upstream vfio-pci and 00:04.0 on vfio-vconfig. The driver is
drivers/edu/edu.c, an ordinary kernel PCI driver that also builds as edu.ko;
here it is linked with vconfig's userspace PCI shim (shim/) and libvconfig. Its
probe maps BAR0, checks the device is alive, computes factorials by MMIO and
sleeps on a completion until the MSI raised at the end of each wakes it,
then sends a buffer to the device and back by DMA through the IOMMU.
Booting the guest takes a minute or so.

EOT

if [ ! -f "/boot/vmlinuz-$KVER" ] || ! command -v qemu-system-x86_64 >/dev/null; then
	echo "demo: no guest kernel (/boot/vmlinuz-$KVER) or no qemu-system-x86_64;" \
		"run scripts/install-deps.sh" >&2
	exit 1
fi
if ! sh scripts/kmod.sh vfio >"$OUT/build.log" 2>&1; then
	echo "demo: vfio-vconfig.ko did not build:" >&2
	tail -n 20 "$OUT/build.log" >&2
	exit 1
fi

rc=0
VCONFIG_GUEST_OUT=$OUT sh scripts/guest/run.sh -p demo 2>"$OUT/run.err" || rc=$?

# Console lines end in CR and may start with the firmware's escape codes.
clean() {
	tr -d '\r' <"$OUT/console.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1bc//g'
}
section() { # first marker, marker after it: the lines between, indented
	clean | sed -n "/^==== demo: $1\$/,/^==== demo: $2\$/p" | sed '1d;$d' | sed 's/^/    /'
}

cat <<'EOT'
-- lsvfio: the two edu devices as a VFIO user sees them. The one on
   vfio-vconfig shows the engine's virtual configuration space.

EOT
section lsvfio "edu driver"

cat <<'EOT'
-- The edu driver over vfio-vconfig (-v adds its dev_dbg lines and the
   shim's). Watch for "MSI: 1 vector(s) enabled by a config write": in
   vfio-vconfig's config-action mode the driver's own write of MSI Enable
   into the capability is what allocates the host vector, as in Tom Lyon's
   original VFIO model; no VFIO-specific interrupt code is in the driver.

EOT
section "edu driver" "host interrupts while the driver is loaded"

cat <<'EOT'
-- The guest kernel's interrupt lines of vfio-vconfig while the driver runs,
   then its remove() at SIGTERM (module exit), and the same lines after: the
   vector went away with the driver's pci_free_irq_vectors().

EOT
section "host interrupts while the driver is loaded" end

cat <<'EOT'
-- An unmodified upstream driver: Linux 6.1's e1000
   (drivers/net/ethernet/intel/e1000/*.c from Debian's linux-source-6.1,
   built by scripts/shim/build-driver.sh) as a program over vfio-vconfig,
   in a second short boot (scripts/guest/run-drivers.sh -d) whose QEMU
   e1000 sits on a QEMU user network. The shim registers the driver's
   net_device as a TAP interface: bringing it up calls ndo_open, the
   guest's DHCP client and ping go through the driver's ndo_start_xmit and
   its NAPI poll, and at exit the program counts what crossed.

EOT
rc2=0
VCONFIG_GUEST_OUT=build/guest-demo sh scripts/guest/run-drivers.sh -d >"$OUT/drivers.out" 2>&1 || rc2=$?
tr -d '\r' <build/guest-demo-drivers/console.log | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1bc//g' |
	sed -n '/^==== demo: e1000$/,/^==== demo: end$/p' | sed '1d;$d' | sed 's/^/    /'
if [ "$rc2" -ne 0 ] || ! grep -aq 'PASS demo:e1000' build/guest-demo-drivers/console.log; then
	echo "demo: the e1000 run did not pass traffic; see build/guest-demo-drivers/console.log" >&2
	rc=1
fi

summary=$(clean | grep -aoE '[0-9]+ passed, [0-9]+ failed' | tail -n 1 || true)
echo
echo "The guest also ran the VFIO ABI tests on every device: ${summary:-no result}."
echo "Full console log: $OUT/console.log"
if [ "$rc" -ne 0 ]; then
	echo "demo: the guest run reported a problem:" >&2
	cat "$OUT/run.err" >&2
	clean | grep -a '^FAIL ' >&2 || true
fi
exit "$rc"
