#!/bin/sh
# vfio-vconfig.ko and the engine against every supported kernel: Debian's
# 6.1 (installed) and 6.12 (fetched by scripts/kernel-6.12.sh, plus the
# iommufd build tree of scripts/build-iommufd.sh). Each build runs at W=1 and
# must print no warning; DKMS must build the module for both kernels.
set -u

cd "$(dirname "$0")/../.." || exit 1
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

check() { # name command...: PASS/FAIL on the exit status
	name=$1
	shift
	if "$@" >"$log" 2>&1; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		tail -n 30 "$log"
		failed=$((failed + 1))
	fi
}

# build_w1 KDIR OUT: the module at W=1, no warning allowed.
build_w1() {
	KBUILD_EXTRA_WARN=1 KDIR=$1 sh scripts/kmod.sh vfio "$2" >"$log.b" 2>&1 || {
		cat "$log.b"
		return 1
	}
	if grep -E 'warning:' "$log.b"; then
		return 1
	fi
	modinfo -F vermagic "$2/vfio-vconfig.ko" | grep -q "^$3 "
}

# dkms_build KVER KDIR: a DKMS build whose module is for KVER.
dkms_build() {
	ko=$(sh scripts/dkms.sh build "$1" "$2") || return 1
	modinfo -F vermagic "$ko" | grep -q "^$1 "
}

k61=
for d in /lib/modules/6.1.*; do
	[ -d "$d/build" ] && k61=${d#/lib/modules/}
done
if [ -n "$k61" ]; then
	check "kernels:6.1:module-w1" build_w1 "/lib/modules/$k61/build" build/k61/module "$k61"
	check "kernels:6.1:dkms" dkms_build "$k61" "/lib/modules/$k61/build"
else
	echo "FAIL kernels:6.1: no 6.1 kernel under /lib/modules"
	failed=$((failed + 1))
fi

if ! sh scripts/kernel-6.12.sh >"$log" 2>&1 || ! sh scripts/build-iommufd.sh >>"$log" 2>&1; then
	echo "FAIL kernels:6.12:fetch"
	tail -n 30 "$log"
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi
. build/k612/env
echo "PASS kernels:6.12:fetch ($K612_KVER, iommufd build)"
passed=$((passed + 1))
check "kernels:6.12:module-w1" build_w1 "$K612_KDIR" build/k612/module "$K612_KVER"
check "kernels:6.12-iommufd:module-w1" build_w1 build/k612/kdir-iommufd \
	build/k612/module-iommufd "$K612_KVER"
check "kernels:6.12:iommufd-ops" sh -c \
	"nm build/k612/module-iommufd/vfio-vconfig.ko | grep -q 'U vfio_iommufd_physical_bind'"
check "kernels:6.12:kcheck" env KDIR="$K612_KDIR" sh scripts/kcheck.sh
check "kernels:6.12:dkms" dkms_build "$K612_KVER" "$K612_KDIR"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
