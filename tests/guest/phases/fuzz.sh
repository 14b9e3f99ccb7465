# Guest phase "fuzz" (sourced by /init): a bounded, seeded `vconfig fuzz`
# from outside through VFIO against each device bound to vfio-vconfig, and
# as a control against each one bound to vfio-pci (the checker judges only
# bits a model would serve from a copy, so a finding there is a checker or
# vfio-pci matter, not an engine one), then the device's ABI test again.
# The fuzz run must end without a finding, leave the config space as it
# found it and the kernel without a WARN or oops.
fuzz_seed=20240601
fuzz_count=4000

while read -r drv bdf kind; do
	case $drv in
	vfio-vconfig | vfio-pci) ;;
	*) continue ;;
	esac
	if [ ! -x /bin/vconfig ]; then
		fail "$drv:$kind:fuzz: /bin/vconfig not in the initramfs"
		continue
	fi
	dmesg -c >/dev/null
	if timeout 300 /bin/vconfig fuzz --vfio "$bdf" --seed "$fuzz_seed" \
		--count "$fuzz_count" --repro "/tmp/fuzz-$drv-$kind.repro" >/tmp/fuzz.out 2>&1; then
		pass "$drv:$kind:fuzz: $(tail -n 1 /tmp/fuzz.out)"
	else
		sed 's/^/  /' /tmp/fuzz.out
		[ -f "/tmp/fuzz-$drv-$kind.repro" ] && sed 's/^/  /' "/tmp/fuzz-$drv-$kind.repro"
		fail "$drv:$kind:fuzz: $(grep -m 1 -e FINDING -e vconfig: /tmp/fuzz.out)"
	fi
	if dmesg | grep -E 'WARNING|BUG|Oops|Call Trace' >/tmp/fuzz.dmesg; then
		sed 's/^/  /' /tmp/fuzz.dmesg
		fail "$drv:$kind:fuzz-kernel: warnings in the kernel log"
	else
		pass "$drv:$kind:fuzz-kernel"
	fi
	# shellcheck disable=SC2046
	run_test "$drv:$kind:after-fuzz" vfio-abi-test $(test_args "$bdf" "$kind") \
		"$bdf" "$kind" "$drv" </dev/null
done </tmp/bound
