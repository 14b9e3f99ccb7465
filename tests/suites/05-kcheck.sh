#!/bin/sh
# The engine sources build unchanged as a kernel module.
set -u
if out=$(sh scripts/kcheck.sh 2>&1); then
	echo "PASS kcheck:engine-builds-in-kernel"
	echo "1 passed, 0 failed"
else
	echo "FAIL kcheck:engine-builds-in-kernel"
	echo "$out" | tail -n 30
	echo "0 passed, 1 failed"
	exit 1
fi
