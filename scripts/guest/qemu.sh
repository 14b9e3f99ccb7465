# shellcheck shell=sh
# Sourced by the scripts that boot a test guest (run.sh, run-drivers.sh,
# run-dpdk.sh): copying files into an initramfs tree, running QEMU under the
# machine-wide guest lock and a timeout, and judging the console log.

# guest_copy SRC DST: copy when SRC is newer than DST (keeps rebuilds cheap);
# .xz and .zst files are unpacked.
guest_copy() {
	if [ -e "$2" ] && [ ! "$1" -nt "$2" ]; then
		return 0
	fi
	case $1 in
	*.xz) xz -dc "$1" >"$2.tmp" ;;
	*.zst) zstd -qdc "$1" >"$2.tmp" ;;
	*) cp -L "$1" "$2.tmp" ;;
	esac
	mv "$2.tmp" "$2"
}

# guest_modules MODDIR DIR MODULE...: each MODULE (a path under MODDIR
# without .ko, e.g. drivers/vfio/vfio) into DIR as NAME.ko, unpacked; one
# the kernel does not have is left out.
guest_modules() {
	gm_src=$1
	gm_dst=$2
	shift 2
	for gm_mod in "$@"; do
		for gm_ext in .ko .ko.xz .ko.zst; do
			if [ -f "$gm_src/$gm_mod$gm_ext" ]; then
				guest_copy "$gm_src/$gm_mod$gm_ext" "$gm_dst/$(basename "$gm_mod").ko"
				break
			fi
		done
	done
}

# The upstream VFIO modules of a 6.1 kernel, in load order.
GUEST_VFIO_MODULES="virt/lib/irqbypass drivers/vfio/vfio drivers/vfio/vfio_virqfd
	drivers/vfio/vfio_iommu_type1 drivers/vfio/pci/vfio-pci-core drivers/vfio/pci/vfio-pci"

# guest_cpio ROOT CPIO: archive ROOT into CPIO when something in it is newer
# (or was removed: the directory mtimes catch that).
guest_cpio() {
	if [ ! -f "$2" ] || [ -n "$(find "$1" -newer "$2" | head -n 1)" ]; then
		(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$2.tmp"
		mv "$2.tmp" "$2"
	fi
}

# guest_qemu SECONDS LOG QEMU-ARGUMENT...: run QEMU with its console and its
# own messages in LOG, killed after SECONDS. One guest at a time on this
# machine: two TCG guests on two cores turn timeouts into false failures, so
# the run waits for the machine-wide lock (other trees' runs too). Sets
# guest_rc (137: timed out) and guest_elapsed (seconds).
guest_qemu() {
	gq_timeout=$1
	gq_log=$2
	shift 2
	exec 9>"${VCONFIG_GUEST_LOCK:-/tmp/vconfig-guest.lock}"
	flock 9
	gq_start=$(date +%s)
	guest_rc=0
	timeout -s KILL "$gq_timeout" qemu-system-x86_64 "$@" </dev/null >"$gq_log" 2>&1 ||
		guest_rc=$?
	guest_elapsed=$(($(date +%s) - gq_start))
	exec 9>&-
}

# Kernel trouble in a console log. Lines quoted from programs or nested
# guests ("  | ", "nested| ") are not the guest kernel's own.
GUEST_TROUBLE='Oops|BUG:|WARNING:|Call Trace|Kernel panic'
guest_trouble() { # log
	tr -d '\r' <"$1" | grep -av '^  | ' | grep -aE "$GUEST_TROUBLE" | head -n 5
}

# guest_judge NAME LOG: after guest_qemu, say on stderr what went wrong and
# return non-zero on a timeout, a QEMU error, a FAIL line, a missing
# "N passed, N failed" line or kernel trouble in LOG.
guest_judge() {
	gj_status=0
	if [ "$guest_rc" -eq 137 ]; then
		echo "$1: guest timed out after ${guest_elapsed}s" >&2
		gj_status=1
	elif [ "$guest_rc" -ne 0 ]; then
		echo "$1: qemu exited with status $guest_rc" >&2
		gj_status=1
	fi
	# Console lines can carry terminal escape codes in front: match anywhere.
	grep -aE 'FAIL ' "$2" >/dev/null && gj_status=1
	if ! grep -aE '[0-9]+ passed, [0-9]+ failed' "$2" >/dev/null; then
		echo "$1: no \"N passed, N failed\" line in $2" >&2
		gj_status=1
	fi
	gj_trouble=$(guest_trouble "$2")
	if [ -n "$gj_trouble" ]; then
		echo "$1: kernel trouble in the guest log:" >&2
		printf '%s\n' "$gj_trouble" >&2
		gj_status=1
	fi
	echo "$1: guest finished in ${guest_elapsed}s, log in $2" >&2
	return "$gj_status"
}

# guest_count PATTERN FROM TO LOG: how many lines of LOG contain PATTERN
# between the lines "MARK FROM" and "MARK TO" (-1: no "MARK FROM" line).
# QEMU's own messages (a watchdog firing, a guest panic) land in the same
# log as the console, so MARK lines printed by the guest tell which test
# they belong to.
guest_count() {
	tr -d '\r' <"$4" | awk -v pat="$1" -v from="MARK $2" -v to="MARK $3" '
		index($0, from) { on = 1; found = 1; next }
		index($0, to) { on = 0 }
		on && index($0, pat) { n++ }
		END { print found ? n + 0 : -1 }'
}
