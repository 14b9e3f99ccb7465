#!/bin/sh
# Install the Debian 12 packages vconfig needs to build and test.
# Only missing packages are installed; run as root (CI does).
set -eu

PACKAGES="build-essential pkg-config check libpciaccess-dev pciutils \
clang llvm libclang-rt-14-dev afl++ \
qemu-system-x86 busybox-static cpio kmod \
linux-image-amd64 linux-headers-amd64 dwarves dkms xz-utils linux-source-6.1 \
libfuse3-dev dpdk dpdk-dev librte-net-e1000-23 librte-net-virtio23 \
librte-mempool-ring23"

missing=""
for pkg in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $pkg"
	fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages:$missing (run as root)" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
