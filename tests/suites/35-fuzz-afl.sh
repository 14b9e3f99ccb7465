#!/bin/sh
# The AFL++ builds of the fuzz targets stay buildable and run: both
# targets and their CMPLOG builds with afl-clang-fast, every seed and
# regression input replayed once through the instrumented build (ASan and
# UBSan on), persistent mode on stdin, and afl-showmap sees edges. No
# campaign: seconds, not minutes (make fuzz-afl-campaign runs one).
set -u
BUILD=${BUILD:-build}
CORPUS=${VCONFIG_CORPUS:?set by the Makefile (make check-fast)}
AFL=$BUILD/fuzz-afl
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS fuzz-afl:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL fuzz-afl:$1"; sed 's/^/    /' "$tmp/log" | tail -n 30; failed=$((failed + 1)); }

if ! make --no-print-directory -j2 fuzz-afl-build AFL_BUILD="$AFL" BUILD="$BUILD" >"$tmp/log" 2>&1; then
	fail build
	echo "$passed passed, $failed failed"
	exit 1
fi
pass "build ($(ls "$AFL" | xargs))"

mkdir -p "$tmp/engine" "$tmp/dump"
if ! make --no-print-directory fuzz-replay BUILD="$BUILD" >"$tmp/log" 2>&1 ||
	! "${FUZZ_BUILD:-build-fuzz}/mkseeds" "$tmp/engine" "$CORPUS"/* >"$tmp/log" 2>&1; then
	fail seeds
else
	cp "$CORPUS"/* "$tmp/dump/"
	for target in engine dump; do
		cp tests/fuzz/regressions/$target/* "$tmp/$target/" 2>/dev/null
		if "$AFL/fuzz-$target" "$tmp/$target"/* >"$tmp/log" 2>&1; then
			pass "replay:$target ($(ls "$tmp/$target" | wc -l) inputs)"
		else
			fail "replay:$target"
		fi
	done
fi

seed=$tmp/engine/std-actions.ones
if "$AFL/fuzz-engine" <"$seed" >"$tmp/log" 2>&1; then
	pass persistent-stdin
else
	fail persistent-stdin
fi
if AFL_QUIET=1 afl-showmap -q -o "$tmp/map" -- "$AFL/fuzz-engine" <"$seed" >"$tmp/log" 2>&1 &&
	[ "$(wc -l <"$tmp/map")" -gt 100 ]; then
	pass "showmap ($(wc -l <"$tmp/map") edges on $(basename "$seed"))"
else
	fail "showmap ($(wc -l <"$tmp/map" 2>/dev/null) edges)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
