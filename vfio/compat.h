/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vfio-vconfig: differences between the kernel versions the driver builds
 * against. Everything version-dependent lives here.
 */
#ifndef VFIO_VCONFIG_COMPAT_H
#define VFIO_VCONFIG_COMPAT_H

#include <linux/eventfd.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/version.h>
#include <linux/vfio.h>

/* eventfd_signal() lost its count argument in 6.8. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define vfio_vconfig_eventfd_signal(ctx)	eventfd_signal(ctx)
#else
#define vfio_vconfig_eventfd_signal(ctx)	eventfd_signal(ctx, 1)
#endif

/* vm_flags became read-only behind vm_flags_set() in 6.3. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define vfio_vconfig_vm_flags_set(vma, flags)	vm_flags_set(vma, flags)
#else
#define vfio_vconfig_vm_flags_set(vma, flags)	((vma)->vm_flags |= (flags))
#endif

/*
 * Up to 6.1 ->release frees the device with vfio_free_device(); from 6.2 the
 * core frees it after ->release returns.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define vfio_vconfig_free_device(core)	do { } while (0)
#else
#define vfio_vconfig_free_device(core)	vfio_free_device(core)
#endif

/*
 * iommufd (6.2) and the VFIO device cdev (6.6): a physical device plugs in
 * the core's helpers. Where CONFIG_IOMMUFD is off they are NULL, and the
 * core reaches the device only through its group, as on 6.1.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#define VFIO_VCONFIG_IOMMUFD_OPS					\
	.bind_iommufd	= vfio_iommufd_physical_bind,			\
	.unbind_iommufd	= vfio_iommufd_physical_unbind,			\
	.attach_ioas	= vfio_iommufd_physical_attach_ioas,		\
	.detach_ioas	= vfio_iommufd_physical_detach_ioas,
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define VFIO_VCONFIG_IOMMUFD_OPS					\
	.bind_iommufd	= vfio_iommufd_physical_bind,			\
	.unbind_iommufd	= vfio_iommufd_physical_unbind,			\
	.attach_ioas	= vfio_iommufd_physical_attach_ioas,
#else
#define VFIO_VCONFIG_IOMMUFD_OPS
#endif

/*
 * Dynamic MSI-X (6.5): vectors can be added to an enabled MSI-X block when
 * the interrupt domain allows it; vfio-pci then drops NORESIZE from the
 * MSI-X irq info. Before 6.5 every block is fixed at enable time. With the
 * same change vfio-pci keeps its vectors sparse (VFIO_VCONFIG_SPARSE_VECTORS):
 * SET_IRQS on a vector beyond the enabled ones is no longer -EINVAL as such,
 * only connecting an eventfd to one that cannot exist is.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#define VFIO_VCONFIG_SPARSE_VECTORS	1
#define vfio_vconfig_msix_can_alloc_dyn(pdev)	pci_msix_can_alloc_dyn(pdev)

/* Allocate the host interrupt of MSI-X entry @i: its Linux irq or -errno. */
static inline int vfio_vconfig_msix_alloc_irq_at(struct pci_dev *pdev,
						 unsigned int i)
{
	struct msi_map map = pci_msix_alloc_irq_at(pdev, i, NULL);

	return map.index < 0 ? map.index : map.virq;
}
#else
#define VFIO_VCONFIG_SPARSE_VECTORS	0
#define vfio_vconfig_msix_can_alloc_dyn(pdev)	false

static inline int vfio_vconfig_msix_alloc_irq_at(struct pci_dev *pdev,
						 unsigned int i)
{
	return -EOPNOTSUPP;
}
#endif

/*
 * ERR and REQ eventfds: vfio-pci of 6.1 ignores an fd below -1, the 6.12
 * one (eventfds under RCU) refuses it with -EINVAL.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define VFIO_VCONFIG_SINGLE_FD_STRICT	1
#else
#define VFIO_VCONFIG_SINGLE_FD_STRICT	0
#endif

/*
 * Hot reset (vfio-pci 6.6, with the VFIO cdev): a device opened through
 * the cdev proves ownership of the functions a reset hits by its iommufd
 * context, with an empty group array, and GET_PCI_HOT_RESET_INFO reports
 * iommufd device ids instead of groups. Before 6.6 only the group form
 * exists, and an empty array is -EINVAL after the reset probe.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#define VFIO_VCONFIG_HOT_RESET_CDEV	1
#define vfio_vconfig_cdev_opened(core)	vfio_device_cdev_opened(core)

/*
 * @core's device id in @caller's iommufd context: the id when bound to
 * it, VFIO_PCI_DEVID_OWNED when its group is (not bound yet), else
 * VFIO_PCI_DEVID_NOT_OWNED.
 */
static inline int vfio_vconfig_hot_reset_devid(struct vfio_device *core,
					       struct vfio_device *caller)
{
	int id = vfio_iommufd_get_dev_id(core, vfio_iommufd_device_ictx(caller));

	if (id > 0)
		return id;
	return id == -ENOENT ? VFIO_PCI_DEVID_OWNED : VFIO_PCI_DEVID_NOT_OWNED;
}

/* May the user of @caller's iommufd context reset @core? */
#define vfio_vconfig_iommufd_owns(core, caller) \
	(vfio_vconfig_hot_reset_devid(core, caller) != VFIO_PCI_DEVID_NOT_OWNED)
#else
#define VFIO_VCONFIG_HOT_RESET_CDEV	0
#define vfio_vconfig_cdev_opened(core)	false
#define vfio_vconfig_iommufd_owns(core, caller)	false
#endif

/*
 * VFs: vfio-pci of 6.12 gives each VF a reset set of its own (a VF has no
 * slot or bus reset of its own); the 6.1 one groups them by bus like any
 * function.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define VFIO_VCONFIG_VF_OWN_DEV_SET	1
#else
#define VFIO_VCONFIG_VF_OWN_DEV_SET	0
#endif

/*
 * driver_override moved from struct pci_dev into struct device, behind
 * device_set_driver_override() (Linux 6.12.y stable updates, later
 * mainline); Kbuild finds which one the headers have.
 */
static inline int vfio_vconfig_set_driver_override(struct pci_dev *pdev,
						   const char *name)
{
#ifdef VFIO_VCONFIG_DEVICE_DRIVER_OVERRIDE
	return device_set_driver_override(&pdev->dev, name);
#else
	kfree(pdev->driver_override);
	pdev->driver_override = kasprintf(GFP_KERNEL, "%s", name);
	return pdev->driver_override ? 0 : -ENOMEM;
#endif
}

#endif /* VFIO_VCONFIG_COMPAT_H */
