# VFIO_DEVICE_SET_IRQS, vfio-pci against vfio-vconfig (vfio-irq-test): for
# each device kind, the same matrix of calls on both functions must give the
# same results, then interrupt delivery and loopback are checked on each.
# A difference the test allows must be named in /doc/vfio.md.
for irq_kind in edu e1000e nvme; do
	irq_pci=$(awk -v k="$irq_kind" '$1 == "vfio-pci" && $3 == k { print $2; exit }' /tmp/bound)
	irq_other=$(awk -v k="$irq_kind" -v p="$irq_pci" '$3 == k && $2 != p { print $1, $2; exit }' /tmp/bound)
	if [ -z "$irq_pci" ] || [ -z "$irq_other" ]; then
		echo "SKIP irq:$irq_kind: no pair of bound functions"
		continue
	fi
	set -- $irq_other
	run_test "irq:$irq_kind" vfio-irq-test -d /doc/vfio.md \
		"$irq_kind" "$irq_pci" vfio-pci "$2" "$1" </dev/null
done
