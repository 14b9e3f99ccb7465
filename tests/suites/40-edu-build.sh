#!/bin/sh
# drivers/edu/edu.c, unmodified, builds both ways: as a kernel module against
# the installed kernel headers and as a userspace program over the PCI shim.
# Both builds treat warnings as errors.
set -u
BUILD=${BUILD:-build}
SANITIZE=${SANITIZE:-}
KVER=$(sh scripts/kmod.sh kver)
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

check() { # name, then a command that must succeed
	name=$1
	shift
	if "$@" >"$log" 2>&1; then
		echo "PASS edu-build:$name"
		passed=$((passed + 1))
	else
		echo "FAIL edu-build:$name"
		tail -n 30 "$log" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
}

kmod=$BUILD/kmod/edu/edu.ko
check kernel-module make --no-print-directory -s BUILD="$BUILD" edu-module
check kernel-module-alias sh -c "modinfo -F alias '$kmod' | grep -qi 'pci:v00001234d000011E8'"

prog=$BUILD/bin/edu
rm -f "$prog"
# The shim is a library of its own: libvconfig.a carries none of it (no
# kernel API, no main()), and no library has a main().
lib=$BUILD/lib/libvconfig.a
shimlib=$BUILD/shim/libvconfig-shim.a
check libraries make --no-print-directory -s BUILD="$BUILD" SANITIZE="$SANITIZE" "$lib" shim
check libvconfig-without-shim sh -c "! nm -g --defined-only '$lib' | \
	grep -qE ' T (main|kmalloc|pci_read_config_word|request_threaded_irq|vcshim_[a-z_]*)\$'"
check shim-library sh -c "nm -g --defined-only '$shimlib' | grep -qE ' T pci_read_config_word\$' && \
	! nm -g --defined-only '$shimlib' | grep -qE ' T main\$'"
check userspace make --no-print-directory -s BUILD="$BUILD" SANITIZE="$SANITIZE" "$prog"
check userspace-modinfo sh -c "'$prog' --help | grep -q 'description=Driver for QEMU'"
# no device given: usage, status 2; an absent device: status 1, one message
check userspace-usage sh -c "'$prog' >/dev/null 2>&1; [ \$? -eq 2 ]"
check userspace-no-device sh -c "out=\$(timeout 10 '$prog' --once 0000:00:1f.7 2>&1); \
	[ \$? -eq 1 ] && echo \"\$out\" | grep -q 'no such PCI function'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
