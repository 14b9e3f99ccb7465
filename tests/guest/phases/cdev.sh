# The VFIO character device with iommufd (vfio-cdev-test), on the edu pair:
# vfio-pci's function and the other driver's pass the same checks. Only on
# kernels with iommufd (/dev/iommu; GUEST_KERNEL=6.12-iommufd): elsewhere a
# SKIP line says why.
if [ ! -c /dev/iommu ]; then
	echo "SKIP cdev: no /dev/iommu (kernel without iommufd)"
else
	while read -r cdev_drv cdev_bdf cdev_kind; do
		[ "$cdev_kind" = edu ] || continue
		run_test "cdev:$cdev_drv" vfio-cdev-test "$cdev_bdf" "$cdev_drv" </dev/null
	done </tmp/bound
fi
