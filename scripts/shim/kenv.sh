#!/bin/sh
# The kernel build environment of the Linux-PCI shim, made from the
# installed kernel headers (linux-headers-<ver>):
#
#   scripts/shim/kenv.sh OUT [KVER]
#
# OUT/data    the kernel's own headers that the shim uses as they are: the
#             ones listed in shim/kernel-headers (pure data, pure macros, or
#             declarations the shim implements), plus uapi/ and generated/
# OUT/stubs   one header for every other kernel header, which stops the
#             build with a message: a driver that needs what the shim lacks
#             fails to compile, never silently picks up a uapi header
# OUT/cflags  the include path and the kernel's own warning set for driver
#             code, read from a Kbuild run of an empty module
#
# Each step is redone only when its inputs changed.
set -eu

cd "$(dirname "$0")/../.."
OUT=$1
# The kernel scripts/kmod.sh picks (KDIR, KVER or the newest), or KVER given.
if [ -n "${2:-}" ]; then
	KVER=$2
	KDIR=/lib/modules/$KVER/build
else
	KVER=$(sh scripts/kmod.sh kver)
	KDIR=$(sh scripts/kmod.sh kdir)
fi
[ -d "$KDIR" ] || { echo "kenv: $KDIR missing (linux-headers-$KVER)" >&2; exit 1; }
# The arch-specific tree (generated headers) and the common one it includes.
KARCH=$(readlink -f "$KDIR")
KCOMMON=$(sed -n 's/^include[[:space:]]\+\(.*\)\/Makefile$/\1/p' "$KARCH/Makefile" | head -n 1)
[ -n "$KCOMMON" ] && [ -d "$KCOMMON/include" ] || KCOMMON=$KARCH

mkdir -p "$OUT"
stamp=$OUT/.kenv
id="$KVER $(stat -c %Y shim/kernel-headers scripts/shim/kenv.sh) $(ls shim/include/*/*.h shim/include/*/*/*.h 2>/dev/null | md5sum)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$id" ]; then
	exit 0
fi
rm -rf "$OUT/data" "$OUT/stubs"
mkdir -p "$OUT/data" "$OUT/stubs"

# The kernel's headers used unchanged.
ln -s "$KCOMMON/include/uapi" "$OUT/data/uapi"
ln -s "$KARCH/include/generated" "$OUT/data/generated"
sed 's/#.*//' shim/kernel-headers | while read -r h; do
	[ -n "$h" ] || continue
	src=$KCOMMON/include/$h
	[ -f "$src" ] || { echo "kenv: $src missing" >&2; exit 1; }
	mkdir -p "$OUT/data/$(dirname "$h")"
	ln -s "$src" "$OUT/data/$h"
done

# A stub for every kernel header the shim neither has nor takes. (asm-generic/
# is arch plumbing behind asm/, not driver API: it stays; an arch header that
# has a uapi twin falls through to the twin.)
{
	(cd "$KCOMMON/include" && find . -name '*.h' ! -path './uapi/*' ! -path './asm-generic/*')
	(cd "$KCOMMON/arch/x86/include" && find ./asm -name '*.h')
	(cd "$KARCH/arch/x86/include/generated" && find ./asm -name '*.h')
} | sed 's|^\./||' | sort -u | while read -r h; do
	[ -e "shim/include/$h" ] || [ -e "$OUT/data/$h" ] ||
		[ -e "$KCOMMON/arch/x86/include/uapi/$h" ] ||
		[ -e "$KARCH/arch/x86/include/generated/uapi/$h" ] || echo "$h"
done | awk -v out="$OUT/stubs" '
	{
		path = out "/" $0
		dir = path
		sub(/\/[^\/]*$/, "", dir)
		if (!(dir in made)) {
			system("mkdir -p \"" dir "\"")
			made[dir] = 1
		}
		printf "#error \"<%s>: not provided by the Linux-PCI shim (see Documentation/porting.md)\"\n", $0 > path
		close(path)
	}'

# The warning set and code-generation options of the kernel's own build
# that matter for C semantics (not the ones for kernel space: no -mcmodel,
# no red-zone or SSE restrictions, no instrumentation).
probe=$OUT/kbuild-probe
rm -rf "$probe"
mkdir -p "$probe"
echo 'obj-m := probe.o' >"$probe/Kbuild"
printf '#include <linux/module.h>\nMODULE_LICENSE("GPL");\n' >"$probe/probe.c"
make -s -C "$KDIR" M="$(readlink -f "$probe")" modules >/dev/null 2>&1 || true
# Kbuild keeps each object's command line in .NAME.o.cmd (as savedcmd_ since 6.3).
flags=$(sed -n 's/^\(saved\)\{0,1\}cmd_.*probe\.o := //p' "$probe/.probe.o.cmd" 2>/dev/null | tr ' ' '\n' |
	grep -E '^-W[a-z]|^-Werror=|^-std=|^-fno-strict-aliasing$|^-fno-common$|^-fno-delete-null-pointer-checks$|^-fno-strict-overflow$|^-ftrivial-auto-var-init=' |
	grep -vE '^-Wp,|^-Wa,' | tr '\n' ' ')
rm -rf "$probe"
case $flags in
*-Wall*) ;;
*) echo "kenv: could not read the kernel's compiler flags from $KDIR" >&2; exit 1 ;;
esac
gccinc=$(${CC:-gcc} -print-file-name=include)
{
	echo "-nostdinc -isystem $gccinc"
	echo "-I$(pwd)/shim/include -I$(readlink -f "$OUT")/data -I$(readlink -f "$OUT")/stubs"
	echo "-I$KCOMMON/arch/x86/include/uapi -I$KARCH/arch/x86/include/generated/uapi"
	echo "-I$KCOMMON/include/uapi -I$KARCH/include/generated/uapi"
	echo "-D__KERNEL__ -DMODULE -include linux/kconfig.h -include linux/compiler_types.h"
	echo "$flags"
} | tr '\n' ' ' >"$OUT/cflags"
echo >>"$OUT/cflags"
echo "$id" >"$stamp"
