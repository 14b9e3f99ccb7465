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
