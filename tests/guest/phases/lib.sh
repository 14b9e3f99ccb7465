# libvconfig and "vconfig ls" (lsvfio) against the bound devices. Sourced by
# /init with pass, fail, run_test and /tmp/bound; the programs come from
# lib.initramfs. Variables are prefixed with lib_ not to clobber /init's.
if [ -x /bin/libvconfig-test ]; then
	while read -r lib_drv lib_bdf lib_kind; do
		run_test "lib:$lib_drv:$lib_kind" libvconfig-test "$lib_bdf" "$lib_kind" \
			"$lib_drv" </dev/null
	done </tmp/bound
	run_test lib:together libvconfig-test --together /tmp/bound </dev/null
else
	fail "lib: libvconfig-test missing from the initramfs"
fi

# The CLI is /usr/bin/vconfig: /bin/vconfig is busybox's VLAN applet.
if [ ! -x /usr/bin/vconfig ]; then
	fail "ls: the vconfig CLI is missing from the initramfs (see the build log)"
else

	lib_lspci=""
	[ -x /lspci/lspci ] && lib_lspci="/lspci/ld.so --library-path /lspci /lspci/lspci"

	# The listing: every bound device with its driver, names from pci.ids,
	# capabilities decoded field by field.
	if /usr/bin/vconfig ls >/tmp/ls.out 2>/tmp/ls.err; then
		pass "ls:exit"
	else
		fail "ls:exit: $(head -n 1 /tmp/ls.err)"
	fi
	while read -r lib_drv lib_bdf lib_kind; do
		lib_block=$(awk -v b="$lib_bdf" '$1 == b { on = 1 } on && /^$/ { exit } on' /tmp/ls.out)
		if printf '%s\n' "$lib_block" | grep -q "Driver: $lib_drv\$"; then
			pass "ls:$lib_drv:$lib_kind:listed"
		else
			fail "ls:$lib_drv:$lib_kind:listed: no block with driver $lib_drv"
			continue
		fi
		case $lib_kind in
		edu) lib_want="MSI: Enable" ;;
		e1000e) lib_want="82574L|DevCap:|MSI-X: Enable|Vector table: BAR=|Flags: PMEClk" ;;
		nvme) lib_want="QEMU NVM Express|DevCtl:|DevSta:|LnkCap:|LnkSta:|MSI-X: Enable" ;;
		esac
		lib_missing=""
		for lib_w in $(echo "$lib_want" | tr ' |' '~ '); do
			lib_w=$(echo "$lib_w" | tr '~' ' ')
			printf '%s\n' "$lib_block" | grep -qF "$lib_w" || lib_missing="$lib_missing '$lib_w'"
		done
		if [ -z "$lib_missing" ]; then
			pass "ls:$lib_drv:$lib_kind:decoded"
		else
			fail "ls:$lib_drv:$lib_kind:decoded: missing$lib_missing"
		fi
		if printf '%s\n' "$lib_block" | grep -qE "VFIO region 0 \(BAR0\): size [0-9]+[KM]" &&
			printf '%s\n' "$lib_block" | grep -qE "VFIO irq [0-9] \((MSI|MSI-X)\): count [0-9]+"; then
			pass "ls:$lib_drv:$lib_kind:regions-irqs"
		else
			fail "ls:$lib_drv:$lib_kind:regions-irqs: no BAR0 region or MSI line"
		fi

		# -xxxx through lsvfio: lspci -F decodes the dump, and finds the
		# same capabilities at the same offsets as the listing.
		if ! /usr/bin/lsvfio -s "$lib_bdf" -xxxx >/tmp/lsx.out 2>/tmp/ls.err; then
			fail "ls:$lib_drv:$lib_kind:dump: $(head -n 1 /tmp/ls.err)"
			continue
		fi
		if [ -z "$lib_lspci" ]; then
			echo "SKIP ls:$lib_drv:$lib_kind:lspci-F: no lspci in the initramfs"
			continue
		fi
		if ! $lib_lspci -F /tmp/lsx.out -vvv -nn >/tmp/lspci.out 2>/tmp/ls.err; then
			fail "ls:$lib_drv:$lib_kind:lspci-F: $(head -n 1 /tmp/ls.err)"
			continue
		fi
		lib_ours=$(grep -oE 'Capabilities: \[[0-9a-f]+' /tmp/lsx.out | tr '\n' ' ')
		lib_theirs=$(grep -oE 'Capabilities: \[[0-9a-f]+' /tmp/lspci.out | tr '\n' ' ')
		lib_id=$(sed 's/^0x//' "/sys/bus/pci/devices/$lib_bdf/vendor"):$(sed 's/^0x//' "/sys/bus/pci/devices/$lib_bdf/device")
		if [ -n "$lib_ours" ] && [ "$lib_ours" = "$lib_theirs" ] &&
			grep -q "\[$lib_id\]" /tmp/lspci.out; then
			pass "ls:$lib_drv:$lib_kind:lspci-F"
		else
			fail "ls:$lib_drv:$lib_kind:lspci-F: ours '$lib_ours', lspci '$lib_theirs'"
		fi
	done </tmp/bound

	lib_first=$(awk 'NR == 1 { print $2 }' /tmp/bound)
	if [ -n "$lib_first" ] && /usr/bin/lsvfio -s "${lib_first#0000:}" -x >/tmp/lsx.out 2>&1 &&
		[ "$(grep -cE '^[0-9a-f]{2}: ' /tmp/lsx.out)" -eq 4 ] &&
		[ "$(grep -c '^[0-9]' /tmp/lsx.out)" -eq 5 ]; then
		pass "ls:select-short-x"
	else
		fail "ls:select-short-x: $(head -n 1 /tmp/lsx.out)"
	fi
	if /usr/bin/lsvfio -s 0000:00:00.0 >/dev/null 2>/tmp/ls.err; then
		fail "ls:not-vfio: listed the host bridge"
	elif [ "$(wc -l </tmp/ls.err)" -eq 1 ]; then
		pass "ls:not-vfio"
	else
		fail "ls:not-vfio: $(cat /tmp/ls.err)"
	fi

	# Without privileges: one error line, status 2.
	mkdir -p /etc
	[ -f /etc/passwd ] || printf 'root:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/:/bin/sh\n' >/etc/passwd
	[ -f /etc/group ] || printf 'root:x:0:\nnogroup:x:65534:\n' >/etc/group
	su -s /bin/sh nobody -c '/usr/bin/vconfig ls' >/tmp/ls.out 2>/tmp/ls.err
	lib_rc=$?
	if [ "$(su -s /bin/sh nobody -c 'id -u' 2>/dev/null)" != 65534 ]; then
		echo "SKIP ls:unprivileged: cannot run as nobody"
	elif [ "$lib_rc" -eq 2 ] && [ "$(wc -l </tmp/ls.err)" -eq 1 ] && [ ! -s /tmp/ls.out ] &&
		grep -q permission /tmp/ls.err; then
		pass "ls:unprivileged"
	else
		fail "ls:unprivileged: status $lib_rc, $(head -n 1 /tmp/ls.err)"
	fi
fi
