#!/bin/sh
# vfio-vconfig under DKMS.
#
#   scripts/dkms.sh install [KVER]     copy the module's sources to
#                                      /usr/src/vfio-vconfig-VERSION, then dkms
#                                      add, build and install (KVER default:
#                                      the running kernel); later kernels get
#                                      the module rebuilt by DKMS itself
#   scripts/dkms.sh remove             dkms remove --all, drop the sources
#   scripts/dkms.sh build KVER KDIR    a DKMS build for kernel KVER with the
#                                      build tree KDIR, in private trees under
#                                      build/dkms (nothing outside is touched);
#                                      prints the module's path
#
# The sources DKMS gets: vfio/, the engine (vconfig/, virtual-caps/,
# include/vconfig/), the uapi header, scripts/kmod.sh and dkms.conf.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
name=$(sed -n 's/^PACKAGE_NAME="\(.*\)"$/\1/p' "$root/dkms.conf")
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$root/dkms.conf")

# copy_sources DIR: the files DKMS builds from, into DIR.
copy_sources() {
	rm -rf "$1"
	mkdir -p "$1/vfio" "$1/scripts" "$1/include/uapi/linux"
	cp "$root"/vfio/*.c "$root"/vfio/*.h "$root/vfio/Kbuild" "$root/vfio/Makefile" "$1/vfio/"
	cp -r "$root/vconfig" "$root/virtual-caps" "$1/"
	cp -r "$root/include/vconfig" "$1/include/"
	cp "$root"/include/uapi/linux/*.h "$1/include/uapi/linux/"
	cp "$root/scripts/kmod.sh" "$1/scripts/"
	cp "$root/dkms.conf" "$1/"
}

case ${1:-} in
install)
	kver=${2:-$(uname -r)}
	src=/usr/src/$name-$version
	dkms remove -m "$name" -v "$version" --all >/dev/null 2>&1 || true
	copy_sources "$src"
	dkms add -m "$name" -v "$version"
	dkms build -m "$name" -v "$version" -k "$kver"
	dkms install -m "$name" -v "$version" -k "$kver"
	;;
remove)
	dkms remove -m "$name" -v "$version" --all || true
	rm -rf "/usr/src/$name-$version"
	;;
build)
	[ $# -eq 3 ] || { echo "usage: $0 build KVER KDIR" >&2; exit 2; }
	kver=$2
	kdir=$(cd "$3" && pwd)
	base=$root/build/dkms/$kver
	rm -rf "$base"
	mkdir -p "$base/tree" "$base/install"
	copy_sources "$base/src/$name-$version"
	trees="--sourcetree $base/src --dkmstree $base/tree --installtree $base/install"
	# shellcheck disable=SC2086
	dkms add -m "$name" -v "$version" $trees >&2
	# shellcheck disable=SC2086
	if ! dkms build -m "$name" -v "$version" -k "$kver" --kernelsourcedir "$kdir" \
		$trees >&2; then
		cat "$base/tree/$name/$version/build/make.log" >&2 2>/dev/null || true
		exit 1
	fi
	ko=$(find "$base/tree/$name/$version/$kver" -name "$name.ko*" | head -n 1)
	[ -n "$ko" ] || { echo "dkms: no $name.ko after the build" >&2; exit 1; }
	echo "$ko"
	;;
*)
	echo "usage: $0 install [KVER] | remove | build KVER KDIR" >&2
	exit 2
	;;
esac
