#!/bin/sh
# tier: guest
# Guest suite: boot QEMU (TCG) with edu, e1000e and nvme devices, bind them to
# vfio-pci (and to vfio-vconfig once vfio/vfio-vconfig.ko is built) and run the
# in-guest VFIO ABI tests. Prints the guest's PASS/FAIL/SKIP lines, adds the
# checks only QEMU can see (the nested phase's watchdogs firing) and closes
# with "N passed, N failed". Arguments go to scripts/guest/run.sh; the guest
# kernel is GUEST_KERNEL's (default: the host's newest, see
# scripts/guest/kernel.sh).
set -eu

cd "$(dirname "$0")/../.."
. scripts/guest/qemu.sh
case ${GUEST_KERNEL:-host} in
host) LOG=${VCONFIG_GUEST_OUT:-build/guest}/console.log ;;
*) LOG=${VCONFIG_GUEST_OUT:-build/guest-$GUEST_KERNEL}/console.log ;;
esac
errs=$(mktemp)
trap 'rm -f "$errs"' EXIT

rc=0
sh scripts/guest/run.sh "$@" 2>"$errs" || rc=$?

# Console lines end in CR and may carry escape codes in front of the marker.
lines=$(tr -d '\r' <"$LOG" 2>/dev/null | grep -aoE '(PASS|FAIL|SKIP) [^ ]+.*$' || true)
[ -n "$lines" ] && printf '%s\n' "$lines"
passed=$(printf '%s\n' "$lines" | grep -c '^PASS ' || true)
failed=$(printf '%s\n' "$lines" | grep -c '^FAIL ' || true)

# The guest's own totals must agree with the lines that reached the console.
summary=$(tr -d '\r' <"$LOG" 2>/dev/null | grep -aoE '[0-9]+ passed, [0-9]+ failed' | tail -n 1 || true)
if [ -n "$summary" ] && [ "$summary" != "$passed passed, $failed failed" ]; then
	echo "FAIL guest:totals: guest says '$summary', console has $passed passed, $failed failed"
	failed=$((failed + 1))
fi

# The nested phase's i6300esb functions belong to this QEMU, which reports
# their firing in the log ("watchdog: timer fired", -watchdog-action debug);
# the phase's MARK lines say which function was pinged or left unpinged.
for label in $(tr -d '\r' <"$LOG" 2>/dev/null | sed -n 's/.*MARK nested-watchdog-pinged-start //p'); do
	kind=nested:i6300esb:${label%%/*}
	n=$(guest_count "watchdog: timer fired" "nested-watchdog-pinged-start $label" \
		"nested-watchdog-pinged-end $label" "$LOG")
	if [ "$n" -eq 0 ]; then
		echo "PASS $kind:quiet-while-pinged ($label)"
		passed=$((passed + 1))
	else
		echo "FAIL $kind:quiet-while-pinged: QEMU fired $n times while $label was pinged"
		failed=$((failed + 1))
	fi
	n=$(guest_count "watchdog: timer fired" "nested-watchdog-unpinged-start $label" \
		"nested-watchdog-unpinged-end $label" "$LOG")
	if ! grep -aq "MARK nested-watchdog-unpinged-end $label" "$LOG"; then
		echo "FAIL $kind:fired: the nested guest did not finish the unpinged wait on $label"
		failed=$((failed + 1))
	elif [ "$n" -ge 1 ]; then
		echo "PASS $kind:fired: QEMU's watchdog fired once $label was left unpinged"
		passed=$((passed + 1))
	else
		echo "FAIL $kind:fired: QEMU did not fire once $label was left unpinged"
		failed=$((failed + 1))
	fi
done

if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	echo "FAIL guest:run: $(grep -v 'guest finished' "$errs" | head -n 1)"
	failed=1
fi
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
	cat "$errs" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
