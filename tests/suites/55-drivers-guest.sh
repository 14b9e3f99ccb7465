#!/bin/sh
# tier: guest
# Guest suite: unmodified Linux drivers (i6300esb, pvpanic-pci, e1000,
# 8139cp, ne2k-pci, pcnet32, e100; 8139too declining QEMU's 8139C+) from
# linux-source-6.1
# as userspace programs over the Linux-PCI shim, on QEMU devices bound to
# vfio-pci and to vfio-vconfig; QEMU's own watchdog and guest-panicked
# events are checked on the host side, the NICs' DHCP leases and pings
# through their TAP interfaces in the guest. One boot of its own:
# scripts/guest/run-drivers.sh.
set -u
cd "$(dirname "$0")/../.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
sh scripts/guest/run-drivers.sh >"$out" 2>&1
rc=$?
grep -E '^(PASS|FAIL|SKIP) ' "$out"
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
if [ -z "$summary" ]; then
	tail -n 20 "$out" | sed 's/^/    /'
	echo "FAIL drivers-guest:run: exit status $rc"
	echo "0 passed, 1 failed"
	exit 1
fi
grep -E '^run-drivers:' "$out" >&2 || true
echo "$summary"
[ "$rc" -eq 0 ]
