#!/bin/sh
# The permission tables in Documentation/ are generated from the engine's
# own tables; fail when the two disagree.
set -u
BUILD=${BUILD:-build}
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

"$BUILD/bin/vconfig" perms --doc >"$out"
if diff -u Documentation/permissions.md "$out" >/dev/null; then
	echo "PASS doc:permissions-match-code"
	passed=$((passed + 1))
else
	echo "FAIL doc:permissions-match-code (regenerate: vconfig perms --doc > Documentation/permissions.md)"
	diff -u Documentation/permissions.md "$out" | head -40
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
