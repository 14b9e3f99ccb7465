# Guest phase of make demo, sourced by /init; it acts only when named
# ("run.sh -p demo"), not in the test runs that take every phase.
# Between the "==== demo" markers (scripts/demo.sh prints that part): lsvfio
# for the edu devices, then the edu driver over vfio-vconfig, with the host
# MSI vector its own config write allocated, and released at its exit.

demo_selected=
for demo_arg in $(cat /proc/cmdline); do
	case "$demo_arg" in
	vconfig_phases=*)
		case ",${demo_arg#vconfig_phases=}," in
		*,demo,*) demo_selected=1 ;;
		esac
		;;
	esac
done

demo_interrupts() { # the host's interrupt lines of vfio-vconfig devices
	grep 'vfio-vconfig' /proc/interrupts | sed 's/^ *//; s/  */ /g; s/^/    /'
	grep -q 'vfio-vconfig' /proc/interrupts || echo "    (none)"
}

demo_run() {
	bdf=0000:00:04.0
	echo "==== demo: lsvfio"
	for demo_bdf in 0000:00:03.0 $bdf; do
		echo "\$ lsvfio -s $demo_bdf"
		lsvfio -s "$demo_bdf" 2>&1 || echo "(lsvfio failed)"
		echo
	done

	echo "==== demo: edu driver"
	echo "\$ edu -v $bdf &      # drivers/edu/edu.c built over the shim"
	edu -v "$bdf" </dev/null >/tmp/demo-edu.out 2>&1 &
	demo_pid=$!
	i=0
	while [ $i -lt 300 ] && ! grep -qE 'probe done|probe of .* failed' /tmp/demo-edu.out; do
		sleep 0.1
		i=$((i + 1))
	done
	grep -v ': irq [0-9]*: status' /tmp/demo-edu.out
	echo
	echo "==== demo: host interrupts while the driver is loaded"
	echo "\$ grep vfio-vconfig /proc/interrupts"
	demo_interrupts
	echo
	echo "\$ kill -TERM $demo_pid      # module exit: the driver's remove()"
	kill -TERM "$demo_pid"
	wait "$demo_pid"
	demo_rc=$?
	grep -A 20 'probe done' /tmp/demo-edu.out | tail -n +2 | grep -v ': irq [0-9]*: status'
	echo "(exit status $demo_rc)"
	echo
	echo "\$ grep vfio-vconfig /proc/interrupts"
	demo_interrupts
	echo "==== demo: end"
	if grep -q 'probe done' /tmp/demo-edu.out && [ "$demo_rc" -eq 0 ]; then
		pass "demo:edu"
	else
		fail "demo:edu: see the output above"
	fi
}

[ -n "$demo_selected" ] && demo_run
