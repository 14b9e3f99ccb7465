#!/bin/sh
# Build unmodified Linux PCI drivers as one userspace program over the
# Linux-PCI shim.
#
#   scripts/shim/build-driver.sh [-o PROGRAM] [-s] [-m MODNAME] PATH...
#
# PATH: .c files inside the Linux 6.1 tree (as in Debian's linux-source-6.1,
# unpacked at build time by scripts/shim/linux-source.sh), in link order:
# the modules' inits run in this order, their exits in reverse. Each file
# is compiled as Kbuild would: the kernel's warning set, KBUILD_MODNAME
# from its directory's Makefile (NAME-y/NAME-objs lists; -m overrides it),
# its own directory on the include path. -s links statically (for a system
# without the libraries, like the test guest). The program goes to
# PROGRAM, by default $BUILD/drivers/<first module's name>.
#
# Library modules of the kernel that drivers call into (SUPPORT below: the
# MII library, drivers/net/mii.c) are compiled from the same tree into an
# archive linked after the driver, so a program holds them only when it
# uses them.
#
# Example: scripts/shim/build-driver.sh drivers/watchdog/i6300esb.c
#          scripts/shim/build-driver.sh drivers/misc/pvpanic/pvpanic.c \
#                  drivers/misc/pvpanic/pvpanic-pci.c
set -eu

cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
CC=${CC:-gcc}
OUT=
STATIC=
MODNAME=
while getopts o:sm: opt; do
	case $opt in
	o) OUT=$OPTARG ;;
	s) STATIC=-static ;;
	m) MODNAME=$OPTARG ;;
	*) echo "usage: $0 [-o PROGRAM] [-s] [-m MODNAME] PATH..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-o PROGRAM] [-s] [-m MODNAME] PATH..." >&2; exit 2; }

# The shim, its libraries and the kernel build environment.
make --no-print-directory -s BUILD="$BUILD" SANITIZE= shim shim-kenv "$BUILD/lib/libvconfig.a"
SUPPORT="drivers/net/mii.c"
# shellcheck disable=SC2086
ROOT=$(sh scripts/shim/linux-source.sh "$BUILD/linux" "$@" $SUPPORT)
KFLAGS=$(cat "$BUILD/kenv/cflags")

# The module a file belongs to, from its directory's Makefile.
modname_of() { # path
	base=$(basename "$1" .c)
	mk=$ROOT/$(dirname "$1")/Makefile
	name=
	if [ -f "$mk" ]; then
		name=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$mk" |
			awk -v o="$base.o" '
			/^[A-Za-z0-9_-]+-(y|objs|\$\(CONFIG_[A-Z0-9_]+\))[ \t]*[:+]?=/ {
				n = $1; sub(/-(y|objs|\$\(CONFIG_[A-Z0-9_]+\))$/, "", n)
				for (i = 2; i <= NF; i++) if ($i == o && n != "obj" && n != "ccflags" && n != "subdir") { print n; exit }
			}')
	fi
	echo "${name:-$base}" | tr - _
}

compile() { # path module
	src=$ROOT/$1
	obj=$BUILD/linux-obj/${1%.c}.o
	mkdir -p "$(dirname "$obj")"
	echo "  CC [$2] $1"
	# shellcheck disable=SC2086
	$CC $KFLAGS -O2 -g -I"$(dirname "$src")" \
		-DKBUILD_MODNAME="\"$2\"" -DKBUILD_BASENAME="\"$(basename "$1" .c | tr - _)\"" \
		-c -o "$obj" "$src"
}

objs=
first=
for path in "$@"; do
	path=${path#/}
	[ -f "$ROOT/$path" ] || { echo "build-driver: $path: not in the Linux tree" >&2; exit 1; }
	mod=${MODNAME:-$(modname_of "$path")}
	[ -n "$first" ] || first=$mod
	compile "$path" "$mod"
	objs="$objs $BUILD/linux-obj/${path%.c}.o"
done

# The support archive, rebuilt when the shim's environment changed.
SUPPORT_LIB=$BUILD/linux-obj/libkernel-support.a
if [ ! -f "$SUPPORT_LIB" ] || [ -n "$(find "$BUILD/kenv/.kenv" \
	"$BUILD/shim/libvconfig-shim.a" -newer "$SUPPORT_LIB" 2>/dev/null)" ]; then
	sobjs=
	for path in $SUPPORT; do
		compile "$path" "$(modname_of "$path")" >/dev/null
		sobjs="$sobjs $BUILD/linux-obj/${path%.c}.o"
	done
	rm -f "$SUPPORT_LIB"
	# shellcheck disable=SC2086
	ar rcs "$SUPPORT_LIB" $sobjs
fi

OUT=${OUT:-$BUILD/drivers/$first}
mkdir -p "$(dirname "$OUT")"
FUSE_LIBS=$(pkg-config --libs fuse3 2>/dev/null || echo -lfuse3)
PCIACCESS_LIBS=
[ -n "$STATIC" ] || PCIACCESS_LIBS=$(pkg-config --libs pciaccess 2>/dev/null || echo -lpciaccess)
echo "  LD $OUT"
# shellcheck disable=SC2086
$CC $STATIC -o "$OUT" $objs "$BUILD/shim/main.o" "$SUPPORT_LIB" "$BUILD/shim/libvconfig-shim.a" \
	"$BUILD/lib/libvconfig.a" $FUSE_LIBS $PCIACCESS_LIBS -lpthread -ldl 2>"$OUT.ld.log" ||
	{ cat "$OUT.ld.log" >&2; exit 1; }
grep -v 'in function\|dlopen\|getpwnam\|getpwuid\|getgrnam\|getaddrinfo\|in statically linked' "$OUT.ld.log" >&2 || true
rm -f "$OUT.ld.log"
echo "$OUT"
