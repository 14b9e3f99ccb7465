#!/bin/sh
# Unpack the directories of kernel sources from Debian's linux-source-6.1.
#
#   scripts/shim/linux-source.sh DEST PATH...
#
# PATH is a file or directory inside the kernel tree (drivers/net/ethernet/
# intel/e1000/e1000_main.c, drivers/misc/pvpanic, ...). For a file, its whole
# directory is unpacked (a driver's private headers sit beside it). The
# tarball is checked first: its MD5 against the package's own md5sums (what
# `dpkg --verify` checks) and its Makefile's version against the package
# version. Unpacking is serialised with flock on /work/cache/linux-src.lock
# (or $LINUX_SRC_LOCK), since several trees may unpack the same source.
# Prints DEST/linux-source-6.1, the root of the unpacked tree.
set -eu

PKG=linux-source-6.1
TARBALL=/usr/src/$PKG.tar.xz
LOCK=${LINUX_SRC_LOCK:-/work/cache/linux-src.lock}

[ $# -ge 1 ] || { echo "usage: $0 DEST PATH..." >&2; exit 2; }
DEST=$1
shift
ROOT=$DEST/$PKG

die() {
	echo "linux-source: $*" >&2
	exit 1
}

if ! dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q "ok installed"; then
	die "$PKG is not installed (scripts/install-deps.sh installs it)"
fi
[ -f "$TARBALL" ] || die "$TARBALL missing"
version=$(dpkg-query -W -f='${Version}' "$PKG")

mkdir -p "$DEST" "$(dirname "$LOCK")"
exec 8>"$LOCK"
flock 8

# The check is redone whenever the tarball or the package changes.
stamp=$DEST/.verified
id="$version $(stat -c '%s %Y' "$TARBALL")"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$id" ]; then
	want=$(awk -v f="${TARBALL#/}" '$2 == f { print $1 }' \
		"/var/lib/dpkg/info/$PKG.md5sums" 2>/dev/null || true)
	[ -n "$want" ] || die "no checksum for $TARBALL in the package's md5sums"
	have=$(md5sum "$TARBALL" | cut -d' ' -f1)
	[ "$have" = "$want" ] || die "$TARBALL: MD5 $have, the package says $want"
	mk=$(xz -dc "$TARBALL" | tar -xO "$PKG/Makefile" | head -n 5)
	kver=$(echo "$mk" | awk '/^VERSION =/ { v = $3 } /^PATCHLEVEL =/ { p = $3 }
		/^SUBLEVEL =/ { s = $3 } END { print v "." p "." s }')
	case $version in
	"$kver"|"$kver"-*) ;;
	*) die "$TARBALL holds Linux $kver, the package is $version" ;;
	esac
	rm -rf "$ROOT"
	echo "$id" >"$stamp"
fi

# Directories still missing, unpacked in one pass over the tarball.
missing=
for path in "$@"; do
	path=${path#/}
	case $path in
	*.c|*.h) dir=$(dirname "$path") ;;
	*) dir=$path ;;
	esac
	case $dir in
	..*|*/..*) die "$path: outside the kernel tree" ;;
	esac
	[ -f "$ROOT/$dir/.unpacked" ] || missing="$missing $dir"
done
if [ -n "$missing" ]; then
	set --
	for dir in $missing; do
		set -- "$@" "$PKG/$dir/*"
	done
	xz -dc "$TARBALL" | tar -x -C "$DEST" --wildcards --no-wildcards-match-slash \
		--anchored "$@" 2>/dev/null || true
	for dir in $missing; do
		[ -d "$ROOT/$dir" ] || die "$dir: not in $TARBALL"
		touch "$ROOT/$dir/.unpacked"
	done
fi
echo "$ROOT"
