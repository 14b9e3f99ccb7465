#!/bin/sh
# make demo: a sample device's physical config space next to the virtual
# one vconfig presents, and a few accesses with the effects they return;
# then (scripts/demo-guest.sh) a kernel PCI driver running as a program over
# vfio-vconfig in a QEMU guest. --engine shows the first part only.
set -eu

engine_only=
if [ "${1:-}" = --engine ]; then
	engine_only=1
	shift
fi
VCONFIG=${1:-build/bin/vconfig}
SAMPLE=samples/intel-82576.lspci
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$VCONFIG" emu "$SAMPLE" --physical >"$tmp/physical"
"$VCONFIG" emu "$SAMPLE" >"$tmp/virtual"
lspci -F "$tmp/physical" -vvv >"$tmp/physical.txt"
lspci -F "$tmp/virtual" -vvv >"$tmp/virtual.txt"

cat <<EOT
== Part 1: the engine on a sample device: $(head -n 1 "$SAMPLE")

The function is modelled from its lspci capture ($SAMPLE); the engine
builds the virtual config space a user would see through vfio-vconfig.
Physical view (left) next to the virtual view (right), as lspci decodes them;
'|' marks a line that differs, '<' one the user does not see:

EOT
diff -y -W 160 --expand-tabs "$tmp/physical.txt" "$tmp/virtual.txt" || true

cat <<'EOT'

== Accesses through the engine (vconfig emu --exec), with their effects:
   read the IDs, size BAR0, ask for 4 MSI vectors (the device has one),
   enable MSI-X,
   start an FLR through PCI Express Device Control, turn memory decode off,
   then reset the virtual registers as the front-end does after the FLR.

EOT
script="r 0 4; w 0x10 4 0xffffffff; r 0x10 4; w 0x52 2 0x21; r 0x52 2; w 0x72 2 0x8000; w 0xa8 2 0xa830; r 0xa8 2; w 4 2 0x405; reset; r 4 2"
echo "\$ vconfig emu $SAMPLE --exec \"$script\""
"$VCONFIG" emu "$SAMPLE" --exec "$script" | sed 's/^/  /'

[ -n "$engine_only" ] || sh "$(dirname "$0")/demo-guest.sh"
