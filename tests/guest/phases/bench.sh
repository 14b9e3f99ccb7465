# Benchmarks (bench/guest/vfio-bench.c): each figure timed on the vfio-pci
# and the vfio-vconfig function of one kind, printed as BENCH lines with the
# ratio. Figures never fail the run. A boot that runs only this phase
# ("make bench") takes five times as many samples.
bench_scale=1
case " $(cat /proc/cmdline) " in
*" vconfig_phases=bench "*) bench_scale=5 ;;
esac
bench_lines=0
for bench_kind in edu e1000e nvme; do
	bench_pci=$(awk -v k="$bench_kind" '$1 == "vfio-pci" && $3 == k { print $2 }' /tmp/bound)
	bench_vc=$(awk -v k="$bench_kind" '$1 == "vfio-vconfig" && $3 == k { print $2 }' /tmp/bound)
	[ -n "$bench_pci" ] && [ -n "$bench_vc" ] || continue
	timeout 300 vfio-bench -n "$bench_scale" "$bench_kind" "$bench_pci" "$bench_vc" \
		</dev/null >/tmp/bench.out 2>&1
	cat /tmp/bench.out
	bench_lines=$((bench_lines + $(grep -c '^BENCH ' /tmp/bench.out)))
done
if [ "$bench_lines" -gt 0 ]; then
	pass "bench:ran ($bench_lines figures)"
else
	echo "SKIP bench: no vfio-pci/vfio-vconfig pair bound"
fi
