#!/bin/sh
# Fetch Debian's newest Linux 6.12 (bookworm-backports) and QEMU 10.0 into a
# private folder, leaving the system's 6.1 kernel and QEMU 7.2 untouched.
#
#   scripts/kernel-6.12.sh [headers|image|source|qemu|all]...   (default: all)
#
# Output folder: $K612_DIR (default build/k612). After a run, $K612_DIR/env
# holds shell assignments for the other scripts:
#   K612_KVER   e.g. 6.12.95+deb12-amd64
#   K612_KDIR   kernel build tree (headers + kbuild, Makefile repointed)
#   K612_IMAGE  vmlinuz;  K612_MODDIR  its lib/modules/<ver>
#   K612_SRC    the parts of linux-source-6.12 that build-iommufd.sh needs
#   K612_QEMU   QEMU 10.0 root (usr/bin/qemu-system-x86_64, firmware)
# The version is the newest 6.12 build backports serves at run time (it keeps
# only that one); a step whose output is there for that version is skipped.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${K612_DIR:-$root/build/k612}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
apt=$dir/apt
mkdir -p "$apt/parts" "$apt/lists/partial" "$apt/archives/partial" "$apt/cache" "$dir/debs"

# Same mirror as the system's, one more suite.
uris=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
uris=${uris:-http://deb.debian.org/debian}
cat >"$apt/parts/backports.sources" <<EOF
Types: deb
URIs: $uris
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

aptopts="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$apt/parts \
-o Dir::State::Lists=$apt/lists -o Dir::Cache::Archives=$apt/archives \
-o Dir::Cache=$apt/cache -o Dir::Etc::Preferences=/dev/null \
-o Dir::Etc::PreferencesParts=$apt/parts -o APT::Sandbox::User=root"

# Refresh the lists at most once an hour.
if [ -z "$(find "$apt/lists" -maxdepth 1 -name '*Packages*' -mmin -60 2>/dev/null | head -n 1)" ]; then
	# shellcheck disable=SC2086
	apt-get -q $aptopts update >/dev/null
fi

# shellcheck disable=SC2086
kver=$(apt-cache $aptopts pkgnames linux-headers-6.12. |
	grep -E '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' |
	sed 's/^linux-headers-//' | sort -V | tail -n 1)
[ -n "$kver" ] || { echo "kernel-6.12: no 6.12 kernel in bookworm-backports" >&2; exit 1; }
base=${kver%-amd64}

# fetch_unpack STAMP TARGET PKG...: download PKGs and dpkg -x them into TARGET.
fetch_unpack() {
	stamp=$1
	target=$2
	shift 2
	[ -f "$dir/$stamp.done" ] && [ "$(cat "$dir/$stamp.done")" = "$kver" ] && return 0
	rm -rf "$target"
	mkdir -p "$target"
	# shellcheck disable=SC2086
	(cd "$dir/debs" && apt-get -q $aptopts download "$@" >/dev/null)
	for pkg in "$@"; do
		name=${pkg%%/*}
		for deb in "$dir/debs/${name}_"*.deb; do
			dpkg -x "$deb" "$target"
		done
	done
	echo "$kver" >"$dir/$stamp.done"
}

get_headers() {
	rm -f "$dir/debs"/linux-headers-* "$dir/debs"/linux-kbuild-*
	fetch_unpack headers "$dir/headers" "linux-headers-$kver" \
		"linux-headers-$base-common" "linux-kbuild-$base"
	kdir=$dir/headers/usr/src/linux-headers-$kver
	# The headers' Makefile includes the common tree by its /usr/src path.
	echo "include $dir/headers/usr/src/linux-headers-$base-common/Makefile" >"$kdir/Makefile"
	ln -sfn "$kdir" "$dir/headers/lib/modules/$kver/build"
}

get_image() {
	rm -f "$dir/debs"/linux-image-*
	fetch_unpack image "$dir/image" "linux-image-$kver-unsigned"
}

get_source() {
	[ -f "$dir/source.done" ] && [ "$(cat "$dir/source.done")" = "$kver" ] && return 0
	rm -f "$dir/debs"/linux-source-* "$dir/source-deb.done"
	fetch_unpack source-deb "$dir/source-deb" linux-source-6.12
	rm -rf "$dir/src"
	mkdir -p "$dir/src"
	# only what build-iommufd.sh compiles: 1.5 GiB less than the whole tree
	tar -xaf "$dir/source-deb"/usr/src/linux-source-6.12.tar.* -C "$dir/src" \
		--strip-components=1 --wildcards '*/drivers/vfio/*' \
		'*/drivers/iommu/*' '*/lib/interval_tree.c'
	rm -rf "$dir/source-deb" "$dir/source-deb.done" "$dir/debs"/linux-source-*
	echo "$kver" >"$dir/source.done"
}

get_qemu() {
	rm -f "$dir/debs"/qemu-* "$dir/debs"/seabios_*
	fetch_unpack qemu "$dir/qemu" qemu-system-x86/bookworm-backports \
		qemu-system-common/bookworm-backports \
		qemu-system-data/bookworm-backports seabios/bookworm-backports
}

[ $# -gt 0 ] || set -- all
for what in "$@"; do
	case $what in
	headers | image | source | qemu) "get_$what" ;;
	all) get_headers; get_image; get_source; get_qemu ;;
	*) echo "usage: $0 [headers|image|source|qemu|all]..." >&2; exit 2 ;;
	esac
done

cat >"$dir/env" <<EOF
K612_KVER=$kver
K612_KDIR=$dir/headers/usr/src/linux-headers-$kver
K612_IMAGE=$dir/image/boot/vmlinuz-$kver
K612_MODDIR=$dir/image/lib/modules/$kver
K612_SRC=$dir/src
K612_QEMU=$dir/qemu
EOF
