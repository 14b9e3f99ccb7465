#!/bin/sh
# Run afl-fuzz on each AFL++ target for SECONDS (a CMPLOG build beside it
# is used for -c), seeded from SEEDS/T, and report executions, executions
# per second, edges found, corpus size and crashes from fuzzer_stats.
# A crash or hang leaves its input in BUILD/out-T/default/{crashes,hangs}
# and fails.
#
#   scripts/fuzz-afl-campaign.sh BUILD SEEDS SECONDS TARGET...
set -u
build=$1
seeds=$2
seconds=$3
shift 3
status=0
summary=""
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_NO_AFFINITY=1
for t in "$@"; do
	bin=$build/fuzz-$t
	out=$build/out-$t
	log=$build/afl-$t.log
	cmplog=""
	[ -x "$bin.cmplog" ] && cmplog="-c $bin.cmplog"
	in=$seeds/$t
	# A second campaign resumes the first one's queue.
	[ -d "$out/default/queue" ] && in=-
	echo "afl-fuzz: $t for ${seconds}s (log $log)"
	# shellcheck disable=SC2086
	afl-fuzz -i "$in" -o "$out" -V "$seconds" -t 1000 -m none $cmplog \
		-- "$bin" >"$log" 2>&1
	rc=$?
	stats=$out/default/fuzzer_stats
	get() { sed -nE "s/^$1 *: *//p" "$stats" 2>/dev/null; }
	crashes=$(get saved_crashes)
	hangs=$(get saved_hangs)
	result="$t: $(get execs_done) executions, $(get execs_per_sec) exec/s, $(get edges_found) edges of $(get total_edges), corpus $(get corpus_count) inputs, ${crashes:-?} crashes, ${hangs:-?} hangs"
	if [ "$rc" -ne 0 ] || [ ! -f "$stats" ]; then
		result="$t: afl-fuzz failed (exit $rc)"
		tail -n 20 "$log"
		status=1
	elif [ "${crashes:-0}" -ne 0 ] || [ "${hangs:-0}" -ne 0 ]; then
		result="$result; FINDING in $out/default/crashes or hangs"
		status=1
	fi
	echo "  $result"
	summary="$summary
$result"
done
echo "afl summary:$summary"
exit "$status"
