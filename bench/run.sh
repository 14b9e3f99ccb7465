#!/bin/sh
# Boot the test guest with only the benchmark phase and print its figures:
# median nanoseconds per operation on vfio-pci and vfio-vconfig, same boot,
# and the ratio vfio-vconfig/vfio-pci (below 1: vfio-vconfig is faster).
set -eu
cd "$(dirname "$0")/.."
OUT=${VCONFIG_GUEST_OUT:-build/guest-bench}
mkdir -p "$OUT"
VCONFIG_GUEST_OUT=$OUT sh scripts/guest/run.sh -t 600 -p bench >/dev/null || {
	echo "bench: the guest run failed, see $OUT/console.log" >&2
	exit 1
}
tr -d '\r' <"$OUT/console.log" | grep -ao 'BENCH .*' | awk '
BEGIN { printf "%-8s %-22s %14s %14s %7s %8s\n", "device", "figure", "vfio-pci ns", "vfio-vconfig ns", "ratio", "samples" }
{
	for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	printf "%-8s %-22s %14s %14s %7s %8s\n", $2, $3, v["vfio-pci"], v["vfio-vconfig"], v["ratio"], v["samples"]
}'
