#!/bin/sh
# Run a driver program built by scripts/shim/build-driver.sh against PCI
# functions given by address.
#
#   scripts/shim/run-driver.sh [-d vfio-pci|vfio-vconfig] [-n] PROGRAM BDF... [ARG...]
#
# Each function not yet bound to a VFIO driver is unbound from its driver
# and bound to -d's (default vfio-pci; its module is loaded if needed).
# Then PROGRAM runs with the addresses and the remaining arguments (module
# parameters, -v, -t SECONDS, --once). With -n only the binding is done
# (then PROGRAM may be omitted). Needs root.
set -eu

DRIVER=vfio-pci
BIND_ONLY=
while getopts d:n opt; do
	case $opt in
	d) DRIVER=$OPTARG ;;
	n) BIND_ONLY=1 ;;
	*) echo "usage: $0 [-d DRIVER] [-n] PROGRAM BDF... [ARG...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
PROGRAM=
if [ -z "$BIND_ONLY" ]; then
	[ $# -ge 2 ] || { echo "usage: $0 [-d DRIVER] [-n] PROGRAM BDF... [ARG...]" >&2; exit 2; }
	PROGRAM=$1
	shift
fi

bind_vfio() { # bdf
	dev=/sys/bus/pci/devices/$1
	[ -d "$dev" ] || { echo "run-driver: no PCI function $1" >&2; exit 1; }
	cur=$(basename "$(readlink "$dev/driver" 2>/dev/null)" 2>/dev/null || true)
	case $cur in
	vfio-pci|vfio-vconfig) return 0 ;;
	esac
	[ -d "/sys/bus/pci/drivers/$DRIVER" ] || modprobe "$DRIVER" 2>/dev/null || true
	[ -z "$cur" ] || echo "$1" >"$dev/driver/unbind"
	echo "$DRIVER" >"$dev/driver_override"
	echo "$1" >/sys/bus/pci/drivers_probe 2>/dev/null || true
	cur=$(basename "$(readlink "$dev/driver" 2>/dev/null)" 2>/dev/null || true)
	[ "$cur" = "$DRIVER" ] || { echo "run-driver: $1: could not bind $DRIVER" >&2; exit 1; }
}

for arg in "$@"; do
	case $arg in
	[0-9a-f][0-9a-f][0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f].[0-7])
		bind_vfio "$arg" ;;
	esac
done
[ -n "$BIND_ONLY" ] && exit 0
exec "$PROGRAM" "$@"
