# Guest phase "sysfuzz" (sourced by /init): a short seeded run of the
# syscall-sequence fuzzer (tests/guest/vfio-sysfuzz.c) on every bound
# function: open/close, mmap/munmap/mremap/fork of BAR mappings, region
# access near the 64-bit limits, every ioctl, SET_IRQS, resets, decode and
# power-state toggles, unbind while open. Its oracles: no mapping reaches
# a device whose decode is off or that was reset, no kernel warning, no
# hung or crashed sequence. vfio-pci runs with -x: what crashes or warns in
# vfio-pci 6.1 itself is left out (Documentation/vfio.md). A finding prints
# a replay command line; the function must answer its ABI test afterwards.
sysfuzz_seed=20261129
sysfuzz_seconds=8

while read -r drv bdf kind; do
	case $drv in
	vfio-vconfig) sysfuzz_x= ;;
	vfio-pci) sysfuzz_x=-x ;;
	*) continue ;;
	esac
	# shellcheck disable=SC2086
	if timeout 120 vfio-sysfuzz $sysfuzz_x -s "$sysfuzz_seed" -t "$sysfuzz_seconds" \
		"$bdf" "$kind" "$drv" </dev/null >/tmp/sysfuzz.out 2>&1; then
		pass "$drv:$kind:sysfuzz: $(tail -n 1 /tmp/sysfuzz.out)"
	else
		sed 's/^/  /' /tmp/sysfuzz.out | tail -n 40
		fail "$drv:$kind:sysfuzz: $(tail -n 1 /tmp/sysfuzz.out)"
	fi
	# shellcheck disable=SC2046
	run_test "$drv:$kind:after-sysfuzz" vfio-abi-test $(test_args "$bdf" "$kind") \
		"$bdf" "$kind" "$drv" </dev/null
done </tmp/bound
