# shellcheck shell=sh
# Sourced by scripts/guest/run.sh: the guest kernel, chosen by GUEST_KERNEL.
#
#   host           (default) the kernel scripts/kmod.sh picks (KDIR, KVER or
#                  the newest under /lib/modules), its image under /boot
#   6.12           Debian's newest 6.12 (bookworm-backports), its own VFIO
#                  modules; fetched by scripts/kernel-6.12.sh
#   6.12-iommufd   the same image with iommufd.ko and the VFIO modules
#                  rebuilt with CONFIG_IOMMUFD and CONFIG_VFIO_DEVICE_CDEV
#                  (scripts/build-iommufd.sh), so /dev/iommu and
#                  /dev/vfio/devices/ exist; QEMU 10.0 for the nested guest
#
# Sets and exports, for build-initramfs.sh and the phases' hooks:
#   KVER KIMAGE     release and vmlinuz
#   KMODDIR         its lib/modules/<release> (modules.builtin, kernel/)
#   KDIR            build tree to build modules for it
#   VFIO_MODDIR     folder whose VFIO modules replace the kernel's (or empty)
#   VCONFIG_KO      vfio-vconfig.ko built for it (built here when missing)
#   NESTED_QEMU     root of the QEMU the nested phase copies ("" = the system's)
#   NESTED_KIMAGE NESTED_KMODDIR  the kernel of the nested guest (default:
#                   the guest's own; on 6.12 the host's 6.1, which boots in
#                   about half the time under nested TCG: the kernel under
#                   test there is the outer one, with its VFIO)
# and VCONFIG_GUEST_OUT, one folder per kernel unless already set.

GUEST_KERNEL=${GUEST_KERNEL:-host}
case $GUEST_KERNEL in
host)
	KVER=$(sh scripts/kmod.sh kver)
	KIMAGE=/boot/vmlinuz-$KVER
	KMODDIR=/lib/modules/$KVER
	KDIR=$(sh scripts/kmod.sh kdir)
	VFIO_MODDIR=
	VCONFIG_KO=${VCONFIG_KO:-vfio/vfio-vconfig.ko}
	NESTED_QEMU=
	VCONFIG_GUEST_OUT=${VCONFIG_GUEST_OUT:-build/guest}
	;;
6.12 | 6.12-iommufd)
	sh scripts/kernel-6.12.sh >&2
	k612=${K612_DIR:-build/k612}
	. "$k612/env"
	KVER=$K612_KVER
	KIMAGE=$K612_IMAGE
	KMODDIR=$K612_MODDIR
	NESTED_QEMU=$K612_QEMU
	host=$(KVER= KDIR= sh scripts/kmod.sh kver)	# the installed host kernel
	if [ -n "$host" ] && [ -f "/boot/vmlinuz-$host" ]; then
		NESTED_KIMAGE=/boot/vmlinuz-$host
		NESTED_KMODDIR=/lib/modules/$host
	fi
	if [ "$GUEST_KERNEL" = 6.12 ]; then
		KDIR=$K612_KDIR
		VFIO_MODDIR=
		mod_out=$k612/module
	else
		sh scripts/build-iommufd.sh >&2
		KDIR=$k612/kdir-iommufd
		VFIO_MODDIR=$k612/iommufd-modules
		mod_out=$k612/module-iommufd
	fi
	KDIR=$KDIR sh scripts/kmod.sh vfio "$mod_out" >&2
	VCONFIG_KO=$mod_out/vfio-vconfig.ko
	VCONFIG_GUEST_OUT=${VCONFIG_GUEST_OUT:-build/guest-$GUEST_KERNEL}
	;;
*)
	echo "GUEST_KERNEL=$GUEST_KERNEL: expected host, 6.12 or 6.12-iommufd" >&2
	exit 2
	;;
esac
NESTED_KIMAGE=${NESTED_KIMAGE:-$KIMAGE}
NESTED_KMODDIR=${NESTED_KMODDIR:-$KMODDIR}
export GUEST_KERNEL KVER KIMAGE KMODDIR KDIR VFIO_MODDIR VCONFIG_KO NESTED_QEMU \
	NESTED_KIMAGE NESTED_KMODDIR VCONFIG_GUEST_OUT
