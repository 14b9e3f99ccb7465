#!/bin/sh
# Replay the fuzz corpora and seeds through coverage builds and report
# which engine lines they never reach.
#
#   scripts/fuzz-coverage.sh COVDIR FUZZ_BUILD SOURCE...
set -eu
cov=$1
build=$2
shift 2
rm -f "$cov"/*.profraw
for t in engine dump; do
	for dir in "$build/corpus/$t" "$build/seeds/$t"; do
		[ -d "$dir" ] || continue
		# Many files per process, a few processes: argument lists stay
		# short. Findings are the campaigns' business, not this report's.
		find "$dir" -type f | xargs -n 500 sh -c \
			'LLVM_PROFILE_FILE="$0/%p.profraw" "$0/replay-'"$t"'" "$@" >/dev/null 2>&1' "$cov" || true
	done
done
llvm-profdata merge -sparse -o "$cov/fuzz.profdata" "$cov"/*.profraw
rm -f "$cov"/*.profraw
llvm-cov report -instr-profile="$cov/fuzz.profdata" "$cov/replay-engine" \
	-object "$cov/replay-dump" "$@" >"$cov/report.txt"
llvm-cov show -instr-profile="$cov/fuzz.profdata" "$cov/replay-engine" \
	-object "$cov/replay-dump" "$@" >"$cov/show.txt"
# "file:line: source" for every line with a count of 0.
awk '/^\/.*:$/ { file = substr($0, 1, length($0) - 1); next }
     /^ *[0-9]+\| *0\|/ { split($0, f, "|"); n = f[1] + 0; src = f[3];
	sub("^" ENVIRON["PWD"] "/", "", file); print file ":" n ":" src }' \
	"$cov/show.txt" >"$cov/lines.txt"
tail -n 1 "$cov/report.txt"
echo "fuzz-coverage: $(wc -l <"$cov/lines.txt") engine lines never reached, in $cov/lines.txt"
