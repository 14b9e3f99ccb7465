#!/bin/sh
# Fuzzing regressions: every input under tests/fuzz/regressions/ (a past
# finding) and every seed (crafted hostile spaces and the corpus) replayed
# through the fuzz targets, built with gcc under ASan and UBSan, with the
# invariant checker of invariants/invariants.c and the differential oracle
# against the model of vfio-pci (tests/fuzz/oracle.c). Also checks that the checker
# still detects a layer that writes forbidden bits to hardware.
set -u
BUILD=${BUILD:-build}
CORPUS=${VCONFIG_CORPUS:?set by the Makefile (make check-fast)}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS fuzz:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL fuzz:$1"; sed 's/^/    /' "$tmp/log" | head -30; failed=$((failed + 1)); }

if ! make --no-print-directory fuzz-replay BUILD="$BUILD" >"$tmp/log" 2>&1; then
	fail build
	echo "$passed passed, $failed failed"
	exit 1
fi
pass build
replay=$BUILD/fuzz-replay

for target in engine dump oracle; do
	for input in tests/fuzz/regressions/$target/*; do
		[ -f "$input" ] || continue
		if "$replay/replay-$target" "$input" >"$tmp/log" 2>&1; then
			pass "regression:$target:$(basename "$input")"
		else
			fail "regression:$target:$(basename "$input")"
		fi
	done
done

mkdir -p "$tmp/seeds"
if "${FUZZ_BUILD:-build-fuzz}/mkseeds" "$tmp/seeds" "$CORPUS"/* >"$tmp/log" 2>&1 &&
	"$replay/replay-engine" "$tmp/seeds"/* >>"$tmp/log" 2>&1; then
	pass "seeds:engine ($(ls "$tmp/seeds" | wc -l) inputs)"
else
	fail "seeds:engine"
fi
if "$replay/replay-oracle" "$tmp/seeds"/* >"$tmp/log" 2>&1; then
	pass "seeds:oracle ($(ls "$tmp/seeds" | wc -l) inputs against the model of vfio-pci)"
else
	fail "seeds:oracle"
fi
# Every departure of Documentation/engine.md is one the oracle applies.
unused=""
for d in $(sed -n 's/^DEPARTURE(\(.*\))$/\1/p' "$replay/gen/departures.h"); do
	grep -q "DEP($d)" tests/fuzz/oracle.c || unused="$unused $d"
done
if [ -z "$unused" ] && [ -s "$replay/gen/departures.h" ]; then
	pass "oracle-uses-every-departure ($(wc -l <"$replay/gen/departures.h") entries)"
else
	echo "departures of Documentation/engine.md the oracle never applies:$unused" >"$tmp/log"
	fail "oracle-uses-every-departure"
fi
if "$replay/replay-dump" "$CORPUS"/* >"$tmp/log" 2>&1; then
	pass "seeds:dump ($(ls "$CORPUS" | wc -l) dumps)"
else
	fail "seeds:dump"
fi

# The checker must catch a layer that writes what the map forbids.
VCONFIG_FUZZ_SABOTAGE=1 "$replay/replay-engine" "$tmp/seeds/std-actions.ones" >"$tmp/log" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q "not writable to hardware" "$tmp/log"; then
	pass "checker-catches-forbidden-hw-write"
else
	fail "checker-catches-forbidden-hw-write (exit $rc)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
