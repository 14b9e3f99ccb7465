#!/bin/sh
# tier: guest
# The guest test bed on Linux 6.12 (Debian's newest, bookworm-backports),
# two boots of the guest of 50-guest.sh, each with the ABI, action and reopen
# tests of every boot, then:
#   6.12          Debian's own VFIO modules: phases diff and irq (the
#                 differential tests against 6.12's vfio-pci, dynamic MSI-X
#                 included), lifecycle and edu (the shim's driver in
#                 config-action mode)
#   6.12-iommufd  iommufd.ko and VFIO rebuilt with the VFIO character device:
#                 phases cdev (cdev + iommufd, both drivers) and nested
#                 (QEMU 10.0, through the group and through iommufd)
# The other phases test the engine and userspace, which do not change with
# the kernel; 50-guest.sh runs them on 6.1. Closes with "N passed, N failed".
set -u

cd "$(dirname "$0")/../.." || exit 1
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for run in "6.12 diff,irq,lifecycle,edu" "6.12-iommufd cdev,nested"; do
	set -- $run
	start=$(date +%s)
	GUEST_KERNEL=$1 sh tests/suites/50-guest.sh -p "$2" >"$out" 2>&1
	rc=$?
	grep -E '^(PASS|FAIL|SKIP) ' "$out" | sed "s/^\(PASS\|FAIL\|SKIP\) /\1 $1:/"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
	p=$(echo "$line" | sed -nE 's/^([0-9]+) passed.*/\1/p')
	f=$(echo "$line" | sed -nE 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
	if [ "$rc" -ne 0 ] && [ "${f:-1}" -eq 0 ]; then
		echo "FAIL $1:guest: exit status $rc"
		failed=$((failed + 1))
	fi
	[ "$rc" -ne 0 ] && tail -n 30 "$out" >&2
	echo "guest $1 ($2): $(($(date +%s) - start))s" >&2
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
