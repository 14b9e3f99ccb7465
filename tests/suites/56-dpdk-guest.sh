#!/bin/sh
# tier: guest
# Guest suite: unmodified Debian dpdk-testpmd (22.11) probes, starts, links
# and forwards on an e1000e (net_e1000_em) and a virtio-net-pci (net_virtio)
# bound to upstream vfio-pci and to the drop-in build of vfio-vconfig named
# vfio-pci; vfio-vconfig under its own name is refused by DPDK's driver-name
# check. One short boot (about 70 s): scripts/guest/run-dpdk.sh.
set -u
cd "$(dirname "$0")/../.." || exit 1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
sh scripts/guest/run-dpdk.sh >"$out" 2>&1
rc=$?
lines=$(grep -E '^(PASS|FAIL|SKIP) ' "$out")
[ -n "$lines" ] && printf '%s\n' "$lines"
passed=$(printf '%s\n' "$lines" | grep -c '^PASS ')
failed=$(printf '%s\n' "$lines" | grep -c '^FAIL ')
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
if [ "$summary" != "$passed passed, $failed failed" ]; then
	echo "FAIL dpdk-guest:totals: guest says '$summary', console has $passed passed, $failed failed"
	failed=$((failed + 1))
fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	echo "FAIL dpdk-guest:run: $(grep -E '^run-dpdk:' "$out" | grep -v 'guest finished' | head -n 1)"
	failed=1
fi
[ "$failed" -ne 0 ] && tail -n 20 "$out" | sed 's/^/    /' >&2
grep -E '^run-dpdk: guest finished' "$out" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
