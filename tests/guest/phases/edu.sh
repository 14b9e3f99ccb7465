# Guest phase, sourced by /init: the kernel-style edu driver (drivers/edu)
# built as a program over the userspace PCI shim, run on each edu bound to
# a VFIO driver. On vfio-vconfig the MSI comes from the enable bit the
# driver writes (config-action mode); on vfio-pci from SET_IRQS.

edu_phase_check() { # name driver: PASS/FAIL from the driver's output
	if grep -q "$3" /tmp/edu.out; then
		pass "edu-shim:$2:$1"
	else
		fail "edu-shim:$2:$1: no \"$3\" in the output"
	fi
}

edu_phase_run() { # driver bdf
	if [ ! -x /bin/edu ]; then
		fail "edu-shim:$1:binary: /bin/edu missing"
		return
	fi
	timeout 60 edu -v --once "$2" </dev/null >/tmp/edu.out 2>&1
	rc=$?
	grep -v ': irq [0-9]*: status' /tmp/edu.out | sed 's/^/  | /'
	if [ "$rc" -eq 0 ]; then
		pass "edu-shim:$1:exit"
	else
		fail "edu-shim:$1:exit: status $rc"
	fi
	edu_phase_check liveness "$1" "liveness 0x5a17c0de -> 0xa5e83f21 ok"
	edu_phase_check factorial-5 "$1" "factorial 5! = 120 (expected 120) ok"
	edu_phase_check factorial-10 "$1" "factorial 10! = 3628800 (expected 3628800) ok"
	edu_phase_check factorial-12 "$1" "factorial 12! = 479001600 (expected 479001600) ok"
	edu_phase_check msi "$1" "interrupt: MSI"
	# the driver's own write of MSI Enable allocated the host vector
	[ "$1" = vfio-vconfig ] && edu_phase_check msi-by-config-write "$1" \
		"MSI: 1 vector(s) enabled by a config write at 0x[0-9a-f]* (config-action mode)"
	# three factorials and two DMA transfers, one MSI each
	edu_phase_check msi-count "$1" "probe done: 5 interrupts handled (MSI)"
	edu_phase_check dma-round-trip "$1" "2048 bytes RAM .* -> RAM .*: data match"
	edu_phase_check remove "$1" "removed after 5 interrupts"
	if grep -q "vfio-vconfig-msi.*$2" /proc/interrupts; then
		fail "edu-shim:$1:vectors-released: host MSI vector left after exit"
	else
		pass "edu-shim:$1:vectors-released"
	fi
}

# INTx instead (module parameter use_msi=0): VFIO masks the line when it
# fires and the shim unmasks it after the handler.
edu_phase_intx() { # driver bdf
	timeout 60 edu --once "$2" use_msi=0 </dev/null >/tmp/edu.out 2>&1
	rc=$?
	sed 's/^/  | /' /tmp/edu.out
	if [ "$rc" -eq 0 ]; then
		pass "edu-shim:$1:intx-exit"
	else
		fail "edu-shim:$1:intx-exit: status $rc"
	fi
	edu_phase_check intx "$1" "probe done: 5 interrupts handled (INTx)"
}

while read -r edu_drv edu_bdf edu_kind; do
	[ "$edu_kind" = edu ] || continue
	echo "== edu driver over the shim: $edu_bdf on $edu_drv"
	edu_phase_run "$edu_drv" "$edu_bdf"
	[ -x /bin/edu ] && edu_phase_intx "$edu_drv" "$edu_bdf"
done </tmp/bound
