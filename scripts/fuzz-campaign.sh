#!/bin/sh
# Run each libFuzzer target for SECONDS on its corpus (build-fuzz/corpus/T,
# seeded from build-fuzz/seeds/T) and report executions per second and
# coverage. A crash leaves its input in build-fuzz/findings/T/ and fails.
#
#   scripts/fuzz-campaign.sh BUILD SECONDS JOBS TARGET...
set -u
build=$1
seconds=$2
jobs=$3
shift 3
status=0
summary=""
for t in "$@"; do
	bin=$build/fuzz-$t
	corpus=$build/corpus/$t
	findings=$build/findings/$t
	log=$build/fuzz-$t.log
	mkdir -p "$corpus" "$findings"
	echo "fuzz: $t for ${seconds}s (log $log)"
	parallel=""
	[ "$jobs" -gt 1 ] && parallel="-fork=$jobs"
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
		-rss_limit_mb=2048 $parallel \
		-artifact_prefix="$findings/" "$corpus" "$build/seeds/$t" >"$log" 2>&1
	rc=$?
	execs=$(grep -aE '^stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
	rate=$(grep -aE '^stat::average_exec_per_sec' "$log" | awk '{s += $2} END {print s + 0}')
	line=$(grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1)
	cov=$(echo "$line" | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
	ft=$(echo "$line" | sed -nE 's/.*ft: ([0-9]+).*/\1/p')
	units=$(ls "$corpus" | wc -l)
	result="$t: ${execs} executions, ${rate} exec/s, coverage ${cov:-?} edges, ${ft:-?} features, corpus ${units} inputs"
	if [ "$rc" -ne 0 ]; then
		result="$result; FINDING (exit $rc)"
		status=1
		grep -aE 'vconfig fuzz finding|ERROR: AddressSanitizer|runtime error|SUMMARY' "$log" | head -n 5
		ls "$findings"
	fi
	# The running total of every campaign on this build tree.
	total=$(( $(cat "$build/executions-$t" 2>/dev/null || echo 0) + execs ))
	echo "$total" >"$build/executions-$t"
	result="$result; cumulative ${total}"
	echo "  $result"
	summary="$summary
$result"
done
all=$(cat "$build"/executions-* 2>/dev/null | awk '{s += $1} END {print s + 0}')
echo "fuzz summary:$summary
cumulative executions, all targets: $all"
exit "$status"
