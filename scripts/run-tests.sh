#!/bin/sh
# Run the tests of vconfig and close with "N passed, N failed".
#
#   scripts/run-tests.sh [--unit | --fast] [NAME...]
#
# Unit tests are Check programs (build/tests/test_*). Every other suite is an
# executable tests/suites/NN-name.sh that prints "PASS name" / "FAIL name"
# lines and closes with its own "N passed, N failed" line; suites run in name
# order. A suite that exits non-zero without a failure counted adds one.
# --unit runs the unit tests only; --fast leaves out the suites that boot a
# QEMU guest (a "# tier: guest" line in the suite). NAMEs (test_engine,
# 10-cli, ...) run only those tests and suites.
set -u

started=$(date +%s)
tier=all
case ${1:-} in
--unit) tier=unit; shift ;;
--fast) tier=fast; shift ;;
esac
only=" $* "
selected() { # name
	[ "$only" = "  " ] || case $only in *" $1 "*) return 0 ;; *) return 1 ;; esac
}

BUILD=${BUILD:-build}
export BUILD
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

add_counts() { # $1 passed $2 failed
	passed=$((passed + $1))
	failed=$((failed + $2))
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	selected "$name" || continue
	CK_VERBOSITY=normal "$t" >"$log" 2>&1
	rc=$?
	# Check: "100%: Checks: 12, Failures: 0, Errors: 0"
	line=$(grep -E '^[0-9]+%: Checks: [0-9]+' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		checks=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
		fails=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
		errs=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
		bad=$((fails + errs))
		add_counts $((checks - bad)) "$bad"
	else
		bad=1
		add_counts 0 1
	fi
	if [ "$bad" -ne 0 ] || [ "$rc" -ne 0 ]; then
		echo "FAIL $name"
		cat "$log"
		[ "$bad" -eq 0 ] && add_counts 0 1
	else
		echo "PASS $name ($checks checks)"
	fi
done

for s in tests/suites/*.sh; do
	[ -f "$s" ] || continue
	[ "$tier" = unit ] && break
	name=$(basename "$s" .sh)
	selected "$name" || continue
	if [ "$tier" = fast ] && grep -q '^# tier: guest' "$s"; then
		continue
	fi
	echo "== $name"
	suite_start=$(date +%s)
	sh "$s" >"$log" 2>&1
	rc=$?
	grep -E '^(PASS|FAIL|SKIP) ' "$log" | sed 's/^/  /'
	echo "   $name: $(($(date +%s) - suite_start)) s"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
		f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
		add_counts "$p" "$f"
	else
		f=1
		add_counts 0 1
		echo "  FAIL $name: no result line"
	fi
	if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
		echo "  -- $name output (exit $rc) --"
		tail -n 60 "$log" | sed 's/^/  | /'
		[ "$f" -eq 0 ] && add_counts 0 1
	fi
done

echo "run-tests: $(($(date +%s) - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
