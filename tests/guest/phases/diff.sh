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
