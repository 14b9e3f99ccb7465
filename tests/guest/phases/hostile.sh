# Hostile configuration spaces inside the kernel: vconfig-hostile.ko runs
# the engine, built as the driver builds it, over looping, out-of-range,
# overlapping and random capability layouts when it is inserted, and logs
# one "vconfig-hostile: PASS|FAIL case" line per case and a closing
# "vconfig-hostile: N passed, M failed" line. The insertion is bounded, the
# kernel log must stay free of warnings and the module must unload.
hostile_ko=/lib/hostile/vconfig-hostile.ko
hostile_limit=180

hostile_run() {
	if [ ! -f "$hostile_ko" ]; then
		fail "hostile:module: $hostile_ko missing (see the initramfs build)"
		return
	fi
	dmesg -c >/dev/null
	insmod "$hostile_ko" >/tmp/hostile.insmod 2>&1 &
	hostile_pid=$!
	hostile_waited=0
	while [ -d "/proc/$hostile_pid" ] && [ "$hostile_waited" -lt "$hostile_limit" ]; do
		sleep 1
		hostile_waited=$((hostile_waited + 1))
	done
	if [ -d "/proc/$hostile_pid" ]; then
		fail "hostile:insmod: still running after ${hostile_limit}s"
		return
	fi
	if wait "$hostile_pid"; then
		pass "hostile:insmod (${hostile_waited}s)"
	else
		fail "hostile:insmod: $(cat /tmp/hostile.insmod)"
		return
	fi

	dmesg >/tmp/hostile.dmesg
	sed -n 's/.*vconfig-hostile: \(PASS .*\)$/\1/p; s/.*vconfig-hostile: \(FAIL .*\)$/\1/p' \
		/tmp/hostile.dmesg >/tmp/hostile.results
	while read -r hostile_verdict hostile_case; do
		if [ "$hostile_verdict" = PASS ]; then
			pass "hostile:$hostile_case"
		else
			fail "hostile:$hostile_case"
		fi
	done </tmp/hostile.results

	# the module's own totals must match the lines read back
	hostile_p=$(grep -c '^PASS ' /tmp/hostile.results)
	hostile_f=$(grep -c '^FAIL ' /tmp/hostile.results)
	hostile_sum=$(sed -n 's/.*vconfig-hostile: \([0-9]* passed, [0-9]* failed\) in .*/\1/p' /tmp/hostile.dmesg)
	if [ "$hostile_sum" = "$hostile_p passed, $hostile_f failed" ] && [ "$hostile_p" -gt 0 ]; then
		pass "hostile:totals ($hostile_sum)"
	else
		fail "hostile:totals: module says '$hostile_sum', log has $hostile_p passed, $hostile_f failed"
	fi

	if grep -E 'WARNING|BUG|Oops|Call Trace|UBSAN|KASAN|INFO: task' /tmp/hostile.dmesg >/tmp/hostile.bad; then
		fail "hostile:kernel-log: $(head -n 1 /tmp/hostile.bad)"
	else
		pass "hostile:kernel-log"
	fi

	if rmmod vconfig_hostile 2>/tmp/hostile.rmmod; then
		pass "hostile:rmmod"
	else
		fail "hostile:rmmod: $(cat /tmp/hostile.rmmod)"
	fi
}

echo "== vconfig engine over hostile configuration spaces, in the kernel"
hostile_run
