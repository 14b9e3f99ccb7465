# SR-IOV on QEMU's NVMe with one VF (PF 03:00.0, see scripts/guest/run.sh),
# through vfio-pci (the reference) and vfio-vconfig in turn:
# - a PF whose VFs were enabled by another driver is refused at bind;
# - vfio-sriov-test: sriov_numvfs, VF capture, VF token, VF config space,
#   the VF's controller working with MSI-X, the PF's power/reset guards;
# - unbinding the PF disables its VFs.
sriov_pf=0000:03:00.0
sriov_dev=/sys/bus/pci/devices/$sriov_pf
sriov_drivers=vfio-pci
[ "$second" = vfio-vconfig ] && sriov_drivers="vfio-pci vfio-vconfig"

# sriov_bind DRIVER: (re)bind the PF, print the driver it ends up with
sriov_bind() {
	[ -e "$sriov_dev/driver" ] && echo "$sriov_pf" >"$sriov_dev/driver/unbind"
	echo "$1" >"$sriov_dev/driver_override"
	echo "$sriov_pf" >/sys/bus/pci/drivers_probe 2>/dev/null
	current_driver "$sriov_pf"
}

sriov_param() { # driver value: the driver's enable_sriov parameter
	echo "$2" >"/sys/module/$(echo "$1" | tr - _)/parameters/enable_sriov"
}

if [ ! -f "$sriov_dev/sriov_numvfs" ] || ! insmod /lib/modules/pci-pf-stub.ko; then
	echo "SKIP sriov: no SR-IOV PF at $sriov_pf or no pci-pf-stub"
else
	for sriov_drv in $sriov_drivers; do
		# VFs enabled by pci-pf-stub, which then lets go of the PF
		sriov_bind pci-pf-stub >/dev/null
		echo 0 >"$sriov_dev/sriov_drivers_autoprobe"
		echo 1 >"$sriov_dev/sriov_numvfs"
		echo "$sriov_pf" >/sys/bus/pci/drivers/pci-pf-stub/unbind
		sriov_got=$(sriov_bind "$sriov_drv")
		if [ -n "$sriov_got" ]; then
			fail "$sriov_drv:sriov:bind-refused: PF with a VF enabled bound to $sriov_got"
		elif ! dmesg | grep -q "$sriov_drv $sriov_pf: Cannot bind to PF with SR-IOV enabled"; then
			fail "$sriov_drv:sriov:bind-refused: refused without vfio-pci's message"
		else
			pass "$sriov_drv:sriov:bind-refused"
		fi
		sriov_bind pci-pf-stub >/dev/null
		echo 0 >"$sriov_dev/sriov_numvfs"
		echo 1 >"$sriov_dev/sriov_drivers_autoprobe"

		sriov_got=$(sriov_bind "$sriov_drv")
		if [ "$sriov_got" != "$sriov_drv" ]; then
			fail "$sriov_drv:sriov:bind: PF bound to '$sriov_got'"
			continue
		fi
		pass "$sriov_drv:sriov:bind"
		run_test "$sriov_drv:sriov" vfio-sriov-test "$sriov_pf" "$sriov_drv" </dev/null

		# unbinding the PF disables the VFs it enabled
		sriov_param "$sriov_drv" 1
		echo 1 >"$sriov_dev/sriov_numvfs"
		sriov_vf=$(basename "$(readlink "$sriov_dev/virtfn0")")
		sriov_vfdrv=$(current_driver "$sriov_vf")
		echo "$sriov_pf" >"/sys/bus/pci/drivers/$sriov_drv/unbind"
		sriov_param "$sriov_drv" 0
		if [ "$sriov_vfdrv" != "$sriov_drv" ]; then
			fail "$sriov_drv:sriov:unbind-disables-vfs: VF $sriov_vf bound to '$sriov_vfdrv'"
		elif [ -e "/sys/bus/pci/devices/$sriov_vf" ] ||
			[ "$(cat "$sriov_dev/sriov_numvfs")" != 0 ]; then
			fail "$sriov_drv:sriov:unbind-disables-vfs: VF $sriov_vf still there"
		else
			pass "$sriov_drv:sriov:unbind-disables-vfs"
		fi
	done
	echo "" >"$sriov_dev/driver_override"
fi
