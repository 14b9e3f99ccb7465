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
ROOT=$(sh scripts/shim/linux-source.sh "$BUILD/linux" "$@")
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

objs=
first=
for path in "$@"; do
	path=${path#/}
	src=$ROOT/$path
	[ -f "$src" ] || { echo "build-driver: $path: not in the Linux tree" >&2; exit 1; }
	mod=${MODNAME:-$(modname_of "$path")}
	[ -n "$first" ] || first=$mod
	obj=$BUILD/linux-obj/${path%.c}.o
	mkdir -p "$(dirname "$obj")"
	echo "  CC [$mod] $path"
	# shellcheck disable=SC2086
	$CC $KFLAGS -O2 -g -I"$(dirname "$src")" \
		-DKBUILD_MODNAME="\"$mod\"" -DKBUILD_BASENAME="\"$(basename "$path" .c | tr - _)\"" \
		-c -o "$obj" "$src"
	objs="$objs $obj"
done

OUT=${OUT:-$BUILD/drivers/$first}
mkdir -p "$(dirname "$OUT")"
FUSE_LIBS=$(pkg-config --libs fuse3 2>/dev/null || echo -lfuse3)
PCIACCESS_LIBS=
[ -n "$STATIC" ] || PCIACCESS_LIBS=$(pkg-config --libs pciaccess 2>/dev/null || echo -lpciaccess)
echo "  LD $OUT"
# shellcheck disable=SC2086
$CC $STATIC -o "$OUT" $objs "$BUILD/shim/main.o" "$BUILD/shim/libvconfig-shim.a" \
	"$BUILD/lib/libvconfig.a" $FUSE_LIBS $PCIACCESS_LIBS -lpthread -ldl 2>"$OUT.ld.log" ||
	{ cat "$OUT.ld.log" >&2; exit 1; }
grep -v 'in function\|dlopen\|getpwnam\|getpwuid\|getgrnam\|getaddrinfo\|in statically linked' "$OUT.ld.log" >&2 || true
rm -f "$OUT.ld.log"
echo "$OUT"
