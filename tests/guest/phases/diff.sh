# Differential tests: for each device kind, the function bound to vfio-pci
# against the one bound to vfio-vconfig, in this boot (vfio-diff-test).
# The allowed differences are explained in /doc/differences.md.
for diff_kind in edu e1000e nvme; do
	diff_pci=$(awk -v k="$diff_kind" '$1 == "vfio-pci" && $3 == k { print $2 }' /tmp/bound)
	diff_vc=$(awk -v k="$diff_kind" '$1 == "vfio-vconfig" && $3 == k { print $2 }' /tmp/bound)
	if [ -z "$diff_pci" ] || [ -z "$diff_vc" ]; then
		echo "SKIP diff:$diff_kind: no vfio-pci/vfio-vconfig pair bound"
		continue
	fi
	run_test "diff:$diff_kind" vfio-diff-test -d /doc/differences.md \
		"$diff_kind" "$diff_pci" "$diff_vc" </dev/null
done

# The strict profile, chosen per device through sysfs and in effect at the
# next open: the same comparison allows (and must see) its departures.
diff_vc=$(awk '$1 == "vfio-vconfig" && $3 == "edu" { print $2 }' /tmp/bound)
diff_pci=$(awk '$1 == "vfio-pci" && $3 == "edu" { print $2 }' /tmp/bound)
if [ -n "$diff_vc" ] && [ -n "$diff_pci" ]; then
	if echo 1 >"/sys/bus/pci/devices/$diff_vc/vconfig_strict" &&
	   [ "$(cat "/sys/bus/pci/devices/$diff_vc/vconfig_strict")" = 1 ]; then
		pass "diff:strict-attribute"
	else
		fail "diff:strict-attribute: /sys/bus/pci/devices/$diff_vc/vconfig_strict"
	fi
	run_test "diff:edu-strict" vfio-diff-test -s -d /doc/differences.md \
		edu-strict "$diff_pci" "$diff_vc" </dev/null
	echo 0 >"/sys/bus/pci/devices/$diff_vc/vconfig_strict"
fi

# diff_bind KIND DRIVER BDF...: bind each function to DRIVER; FAIL and
# return 1 if one did not take it.
diff_bind() {
	diff_kind=$1
	diff_drv=$2
	shift 2
	diff_ok=0
	for diff_fn in "$@"; do
		echo "$diff_drv" >"/sys/bus/pci/devices/$diff_fn/driver_override"
		echo "$diff_fn" >/sys/bus/pci/drivers_probe 2>/dev/null
		if [ "$(basename "$(readlink "/sys/bus/pci/devices/$diff_fn/driver")")" != "$diff_drv" ]; then
			fail "diff:$diff_kind:bind: $diff_fn not bound to $diff_drv"
			diff_ok=1
		fi
	done
	return $diff_ok
}

# Slot and bus resets: two i6300esb functions behind each of two root ports
# (scripts/guest/run.sh), neither with a reset of its own. The first pair
# goes to vfio-pci, the second to vfio-vconfig; function 0 of each is
# compared, the hot reset and the reset at last close hitting both
# functions of its slot.
diff_esb=""
diff_is_esb() { [ "$(cat "$1/vendor"):$(cat "$1/device")" = 0x8086:0x25ab ]; }
for diff_dev in /sys/bus/pci/devices/*.0; do
	# a two-function slot (other phases use single-function i6300esb)
	[ -e "${diff_dev%.0}.1" ] && diff_is_esb "$diff_dev" &&
		diff_is_esb "${diff_dev%.0}.1" &&
		diff_esb="$diff_esb $(basename "$diff_dev")"
done
set -- $diff_esb
if [ $# -ne 2 ] || ! grep -q '^vfio-vconfig ' /tmp/bound; then
	echo "SKIP diff:esb: two i6300esb slots and vfio-vconfig needed (found: $diff_esb)"
else
	diff_bind esb vfio-pci "$1" "${1%.0}.1" &&
		diff_bind esb vfio-vconfig "$2" "${2%.0}.1" &&
		run_test "diff:esb" vfio-diff-test -R esb "$1" "$2" </dev/null
fi

# The VGA region: two VGA functions, each behind a root port of its own, the
# first bound to vfio-pci, the second to vfio-vconfig; the VGA arbiter
# routes the legacy ranges to the one accessed through the ports' VGA
# Enable bits.
diff_vga=$(for diff_dev in /sys/bus/pci/devices/*; do
	[ "$(cat "$diff_dev/class")" = 0x030000 ] && basename "$diff_dev"
done)
set -- $diff_vga
if [ $# -ne 2 ] || ! grep -q '^vfio-vconfig ' /tmp/bound; then
	echo "SKIP diff:vga: two VGA functions and vfio-vconfig needed (found: $diff_vga)"
else
	diff_bind vga vfio-pci "$1" && diff_bind vga vfio-vconfig "$2" &&
		run_test "diff:vga" vfio-diff-test vga "$1" "$2" </dev/null
fi
