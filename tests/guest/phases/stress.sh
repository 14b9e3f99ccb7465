# Robustness (vfio-stress-test): threads issue random ioctls, config and
# region accesses, mappings, resets and interrupt setups on each
# vfio-vconfig function for a bounded time; then the kernel log must be
# free of warnings and the function must pass its functional tests again.
stress_seed=$(date +%s)
while read -r stress_drv stress_bdf stress_kind; do
	[ "$stress_drv" = vfio-vconfig ] || continue
	dmesg -c >/dev/null
	run_test "$stress_drv:$stress_kind:stress" vfio-stress-test -t 12 -j 3 \
		-s "$stress_seed" "$stress_bdf" "$stress_kind" "$stress_drv" </dev/null
	if dmesg | grep -E 'WARNING|BUG|Oops|Call Trace|INFO: task' >/tmp/stress.dmesg; then
		fail "$stress_drv:$stress_kind:stress-log: $(head -n 1 /tmp/stress.dmesg)"
	else
		pass "$stress_drv:$stress_kind:stress-log"
	fi
	# shellcheck disable=SC2046
	run_test "$stress_drv:$stress_kind:abi-after-stress" vfio-abi-test \
		$(test_args "$stress_bdf" "$stress_kind") \
		"$stress_bdf" "$stress_kind" "$stress_drv" </dev/null
done </tmp/bound
