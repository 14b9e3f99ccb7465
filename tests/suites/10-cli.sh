#!/bin/sh
# The vconfig CLI end to end on corpus dumps: output formats, effects,
# and one clear error line with exit status 2 for every kind of bad input.
set -u
BUILD=${BUILD:-build}
VCONFIG="$BUILD/bin/vconfig"
CORPUS=${VCONFIG_CORPUS:?set by the Makefile (make check-fast)}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name, then a command that must succeed
	name=$1
	shift
	if "$@" >"$tmp/log" 2>&1; then
		echo "PASS cli:$name"
		passed=$((passed + 1))
	else
		echo "FAIL cli:$name"
		sed 's/^/    /' "$tmp/log" | head -20
		failed=$((failed + 1))
	fi
}

# exit status 2 and exactly one line on stderr, containing $2
fails_cleanly() { # expected-text, command...
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || { echo "exit $rc, expected 2"; return 1; }
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || { cat "$tmp/err"; return 1; }
	grep -q -- "$want" "$tmp/err" || { cat "$tmp/err"; return 1; }
}

dump_decodes() { # file
	"$VCONFIG" emu "$1" >"$tmp/view" || return 1
	lspci -F "$tmp/view" -vvv >"$tmp/lspci" 2>&1 || return 1
	! grep -q -e '<chain' -e '<BAD' "$tmp/lspci" || return 1
	head -1 "$tmp/view" | grep -q "^01:00.0 " || return 1
	[ "$(grep -c -E '^[0-9a-f]{2,3}: ' "$tmp/view")" -eq 256 ]
}

exec_output() {
	"$VCONFIG" emu "$CORPUS/cap-pcie-2" --exec \
		"r 0 4; w 0x10 4 0xffffffff; r 0x10 4; w 0x52 2 0x1; w 0x72 2 0x8000; w 0xa8 2 0x8000; w 4 2 0x405" \
		>"$tmp/exec" || return 1
	cat >"$tmp/want" <<'EOW'
0x10c98086
0xfffe0000
effect: msi enable=1 nvec=1
effect: msix enable=1 masked=0
effect: readrq bytes=128
effect: flr
effect: decode memory=0 io=1
EOW
	diff -u "$tmp/want" "$tmp/exec"
}

hidden_cap_gone() {
	# cap-ht holds a HyperTransport capability; it must not be visible.
	"$VCONFIG" emu "$CORPUS/cap-ht" >"$tmp/ht" || return 1
	lspci -F "$tmp/ht" -vvv >"$tmp/ht.txt" 2>&1 || return 1
	grep -q HyperTransport "$CORPUS/cap-ht" || return 1
	! grep -q HyperTransport "$tmp/ht.txt"
}

perms_map() {
	"$VCONFIG" perms "$CORPUS/cap-pcie-2" >"$tmp/perms" || return 1
	grep -q '^0x004/2 *header *Command *0x0403 *0x0557' "$tmp/perms" &&
	grep -q 'MSI-X@0x070 *Message Control' "$tmp/perms" &&
	grep -q 'Advanced Error Reporting@0x100' "$tmp/perms"
}

bar_option() {
	# edu-like: no sizes in the file; --bar gives one
	sed '/Region/d' "$CORPUS/cap-pcie-2" >"$tmp/nosize"
	"$VCONFIG" emu "$tmp/nosize" --bar 0=4K --exec "w 0x10 4 0xffffffff; r 0x10 4" \
		>"$tmp/bar" 2>"$tmp/bar.err" || return 1
	grep -q '^0xfffff000$' "$tmp/bar" && grep -q 'no known size' "$tmp/bar.err"
}

# A host device read through libpciaccess: the virtual view decodes and
# keeps the vendor ID sysfs reports. Bridges are refused like in dumps.
snapshot_host() {
	for dev in /sys/bus/pci/devices/*; do
		htype=$(od -An -tx1 -j14 -N1 "$dev/config" | tr -d ' ')
		[ $((0x$htype & 0x7f)) -eq 0 ] || continue
		bdf=$(basename "$dev")
		"$VCONFIG" snapshot "$bdf" >"$tmp/snap" || return 1
		lspci -F "$tmp/snap" -vvv >"$tmp/snap.txt" 2>/dev/null || return 1
		vendor=$(sed -n 's/^00: \(..\) \(..\).*/0x\2\1/p' "$tmp/snap")
		[ "$vendor" = "$(cat "$dev/vendor")" ] || { echo "$bdf: $vendor"; return 1; }
		return 0
	done
	echo "no type-0 host device"
	return 1
}

printf 'not a dump\n' >"$tmp/garbage"
printf '00:00.0 Host bridge\n00: zz\n' >"$tmp/badhex"

check decode-pcie-2 dump_decodes "$CORPUS/cap-pcie-2"
check exec-reads-and-effects exec_output
check hidden-capability-invisible hidden_cap_gone
check perms-map perms_map
check bar-size-option bar_option
check refuse-bridge fails_cleanly "not a type-0 endpoint" "$VCONFIG" emu "$CORPUS/bridge-ctl-vga16"
check refuse-missing-file fails_cleanly "No such file" "$VCONFIG" emu "$tmp/nope"
check refuse-garbage fails_cleanly "line 1" "$VCONFIG" emu "$tmp/garbage"
check refuse-bad-hex fails_cleanly "line 2" "$VCONFIG" emu "$tmp/badhex"
check refuse-unknown-device fails_cleanly "no device 99:00.0" "$VCONFIG" emu "$CORPUS/cap-pcie-2" --device 99:00.0
check refuse-bad-command fails_cleanly "unknown command" "$VCONFIG" emu "$CORPUS/cap-pcie-2" --exec "r 0 4; frob"
check refuse-out-of-range fails_cleanly "outside the config space" "$VCONFIG" emu "$CORPUS/cap-pcie-2" --exec "r 0xffe 4"
check refuse-bad-size fails_cleanly "SIZE must be" "$VCONFIG" emu "$CORPUS/cap-pcie-2" --exec "r 0 9"
check refuse-bad-bar-option fails_cleanly "--bar" "$VCONFIG" emu "$CORPUS/cap-pcie-2" --bar 7=4K
check refuse-unknown-verb fails_cleanly "unknown command" "$VCONFIG" frobnicate
check perms-doc "$VCONFIG" perms --doc
if [ -d /sys/bus/pci/devices ] && [ -n "$(ls /sys/bus/pci/devices)" ]; then
	check snapshot-host-device snapshot_host
else
	echo "SKIP cli:snapshot-host-device: this machine has no PCI devices"
fi
check refuse-snapshot-missing fails_cleanly "ffff:ff:1f.7" "$VCONFIG" snapshot ffff:ff:1f.7

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
