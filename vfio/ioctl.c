// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: the VFIO device ioctls and the config-action feature.
 */
#include <linux/nospec.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "vfio_vconfig.h"

static int vfio_vconfig_ioctl_get_info(struct vfio_vconfig_device *vdev,
				       struct vfio_device_info __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_info, num_irqs);
	unsigned long capsz = offsetofend(struct vfio_device_info, cap_offset);
	struct vfio_device_info info;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz)
		return -EINVAL;
	if (info.argsz >= capsz) {
		minsz = capsz;
		info.cap_offset = 0;
	}

	info.flags = VFIO_DEVICE_FLAGS_PCI;
	if (vdev->reset_works)
		info.flags |= VFIO_DEVICE_FLAGS_RESET;
	info.num_regions = VFIO_PCI_NUM_REGIONS;
	info.num_irqs = VFIO_PCI_NUM_IRQS;

	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

/* Mappable areas of the MSI-X BAR: everything but the table's pages. */
static int vfio_vconfig_add_sparse_cap(struct vfio_vconfig_device *vdev,
				       unsigned int bar,
				       struct vfio_info_cap *caps)
{
	struct vfio_region_info_cap_sparse_mmap *sparse;
	u64 len = PAGE_ALIGN(pci_resource_len(vdev->pdev, bar));
	u64 start = round_down((u64)vdev->msix_offset, PAGE_SIZE);
	u64 end = PAGE_ALIGN((u64)vdev->msix_offset + vdev->msix_size);
	unsigned int nr = 0;
	size_t size;
	int ret;

	size = struct_size(sparse, areas, 2);
	sparse = kzalloc(size, GFP_KERNEL);
	if (!sparse)
		return -ENOMEM;

	sparse->header.id = VFIO_REGION_INFO_CAP_SPARSE_MMAP;
	sparse->header.version = 1;
	if (start) {
		sparse->areas[nr].offset = 0;
		sparse->areas[nr].size = start;
		nr++;
	}
	if (end < len) {
		sparse->areas[nr].offset = end;
		sparse->areas[nr].size = len - end;
		nr++;
	}
	sparse->nr_areas = nr;

	ret = vfio_info_add_capability(caps, &sparse->header,
				       struct_size(sparse, areas, nr));
	kfree(sparse);
	return ret;
}

static int vfio_vconfig_bar_info(struct vfio_vconfig_device *vdev,
				 struct vfio_region_info *info,
				 struct vfio_info_cap *caps)
{
	struct pci_dev *pdev = vdev->pdev;

	info->size = pci_resource_len(pdev, info->index);
	if (!info->size) {
		info->flags = 0;
		return 0;
	}
	info->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
	if (!vdev->bar_mmap_supported[info->index])
		return 0;
	info->flags |= VFIO_REGION_INFO_FLAG_MMAP;
	if (info->index != vdev->msix_bar)
		return 0;
	if (vdev->msix_mmappable) {
		struct vfio_info_cap_header header = {
			.id = VFIO_REGION_INFO_CAP_MSIX_MAPPABLE,
			.version = 1,
		};

		return vfio_info_add_capability(caps, &header, sizeof(header));
	}
	return vfio_vconfig_add_sparse_cap(vdev, info->index, caps);
}

static void vfio_vconfig_rom_info(struct vfio_vconfig_device *vdev,
				  struct vfio_region_info *info)
{
	struct pci_dev *pdev = vdev->pdev;
	void __iomem *io;
	size_t size;
	u16 cmd;

	info->flags = 0;
	/* the BAR size, not the size of the image */
	info->size = pci_resource_len(pdev, PCI_ROM_RESOURCE);
	if (!info->size) {
		if (!(pdev->resource[PCI_ROM_RESOURCE].flags &
		      IORESOURCE_ROM_SHADOW))
			return;
		info->size = 0x20000;
	}

	/* is a ROM really there? pci_map_rom() needs memory decode */
	down_write(&vdev->memory_lock);
	cmd = vfio_vconfig_hw_memory_enable(vdev);
	io = pci_map_rom(pdev, &size);
	if (io) {
		info->flags = VFIO_REGION_INFO_FLAG_READ;
		pci_unmap_rom(pdev, io);
	} else {
		info->size = 0;
	}
	vfio_vconfig_hw_memory_restore(vdev, cmd);
	up_write(&vdev->memory_lock);
}

static int vfio_vconfig_ioctl_get_region_info(struct vfio_vconfig_device *vdev,
					      struct vfio_region_info __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_region_info, offset);
	struct vfio_info_cap caps = { .buf = NULL, .size = 0 };
	struct vfio_region_info info;
	int ret = 0;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz)
		return -EINVAL;

	switch (info.index) {
	case VFIO_PCI_CONFIG_REGION_INDEX:
		info.size = vconfig_cfg_size(vdev->vc);
		info.flags = VFIO_REGION_INFO_FLAG_READ |
			     VFIO_REGION_INFO_FLAG_WRITE;
		break;
	case VFIO_PCI_BAR0_REGION_INDEX ... VFIO_PCI_BAR5_REGION_INDEX:
		ret = vfio_vconfig_bar_info(vdev, &info, &caps);
		break;
	case VFIO_PCI_ROM_REGION_INDEX:
		vfio_vconfig_rom_info(vdev, &info);
		break;
	case VFIO_PCI_VGA_REGION_INDEX:
		if (!vdev->has_vga)
			return -EINVAL;
		info.size = 0xc0000;
		info.flags = VFIO_REGION_INFO_FLAG_READ |
			     VFIO_REGION_INFO_FLAG_WRITE;
		break;
	default:
		/* no device-specific regions */
		return -EINVAL;
	}
	if (ret)
		goto out;
	info.offset = VFIO_VCONFIG_INDEX_TO_OFFSET(info.index);

	if (caps.size) {
		info.flags |= VFIO_REGION_INFO_FLAG_CAPS;
		if (info.argsz < sizeof(info) + caps.size) {
			info.argsz = sizeof(info) + caps.size;
			info.cap_offset = 0;
		} else {
			vfio_info_cap_shift(&caps, sizeof(info));
			if (copy_to_user(arg + 1, caps.buf, caps.size)) {
				ret = -EFAULT;
				goto out;
			}
			info.cap_offset = sizeof(info);
		}
	}
	ret = copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
out:
	kfree(caps.buf);
	return ret;
}

static int vfio_vconfig_ioctl_get_irq_info(struct vfio_vconfig_device *vdev,
					   struct vfio_irq_info __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_irq_info, count);
	struct vfio_irq_info info;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz || info.index >= VFIO_PCI_NUM_IRQS)
		return -EINVAL;

	switch (info.index) {
	case VFIO_PCI_INTX_IRQ_INDEX ... VFIO_PCI_MSIX_IRQ_INDEX:
	case VFIO_PCI_REQ_IRQ_INDEX:
		break;
	case VFIO_PCI_ERR_IRQ_INDEX:
		if (pci_is_pcie(vdev->pdev))
			break;
		fallthrough;
	default:
		return -EINVAL;
	}

	info.flags = VFIO_IRQ_INFO_EVENTFD;
	info.count = vfio_vconfig_irq_count(vdev, info.index);
	if (info.index == VFIO_PCI_INTX_IRQ_INDEX)
		info.flags |= VFIO_IRQ_INFO_MASKABLE | VFIO_IRQ_INFO_AUTOMASKED;
	else if (info.index != VFIO_PCI_MSIX_IRQ_INDEX || !vdev->has_dyn_msix)
		info.flags |= VFIO_IRQ_INFO_NORESIZE;

	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

static int vfio_vconfig_ioctl_set_irqs(struct vfio_vconfig_device *vdev,
				       struct vfio_irq_set __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_irq_set, count);
	struct vfio_irq_set hdr;
	size_t data_size = 0;
	u8 *data = NULL;
	int max, ret;

	if (copy_from_user(&hdr, arg, minsz))
		return -EFAULT;

	max = vfio_vconfig_irq_count(vdev, hdr.index);
	ret = vfio_set_irqs_validate_and_prepare(&hdr, max, VFIO_PCI_NUM_IRQS,
						 &data_size);
	if (ret)
		return ret;

	if (data_size) {
		data = memdup_user(&arg->data, data_size);
		if (IS_ERR(data))
			return PTR_ERR(data);
	}

	mutex_lock(&vdev->igate);
	ret = vfio_vconfig_set_irqs(vdev, hdr.flags, hdr.index, hdr.start,
				    hdr.count, data);
	mutex_unlock(&vdev->igate);
	kfree(data);
	return ret;
}

static int vfio_vconfig_ioctl_reset(struct vfio_vconfig_device *vdev)
{
	int ret;

	if (!vdev->reset_works)
		return -EINVAL;

	mutex_lock(&vdev->igate);
	vfio_vconfig_zap_and_down_write_memory_lock(vdev);
	ret = vfio_vconfig_reset_function(vdev);
	up_write(&vdev->memory_lock);
	mutex_unlock(&vdev->igate);
	return ret;
}

/**
 * vfio_vconfig_ioctl() - the VFIO_DEVICE_* ioctls
 * @core: the VFIO device
 * @cmd: ioctl number
 * @arg: user pointer
 *
 * Return: 0 or a negative errno; -ENOTTY for ioctls not offered.
 */
long vfio_vconfig_ioctl(struct vfio_device *core, unsigned int cmd,
			unsigned long arg)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case VFIO_DEVICE_GET_INFO:
		return vfio_vconfig_ioctl_get_info(vdev, uarg);
	case VFIO_DEVICE_GET_REGION_INFO:
		return vfio_vconfig_ioctl_get_region_info(vdev, uarg);
	case VFIO_DEVICE_GET_IRQ_INFO:
		return vfio_vconfig_ioctl_get_irq_info(vdev, uarg);
	case VFIO_DEVICE_SET_IRQS:
		return vfio_vconfig_ioctl_set_irqs(vdev, uarg);
	case VFIO_DEVICE_RESET:
		return vfio_vconfig_ioctl_reset(vdev);
	case VFIO_DEVICE_IOEVENTFD:
		return vfio_vconfig_ioctl_ioeventfd(vdev, uarg);
	case VFIO_DEVICE_GET_PCI_HOT_RESET_INFO:
		return vfio_vconfig_ioctl_hot_reset_info(vdev, uarg);
	case VFIO_DEVICE_PCI_HOT_RESET:
		return vfio_vconfig_ioctl_hot_reset(vdev, uarg);
	default:
		return -ENOTTY;
	}
}

static int vfio_vconfig_feature_action(struct vfio_vconfig_device *vdev,
				       u32 flags, void __user *arg,
				       size_t argsz)
{
	struct vfio_device_feature_vconfig_action action;
	int ret;

	ret = vfio_check_feature(flags, argsz,
				 VFIO_DEVICE_FEATURE_GET | VFIO_DEVICE_FEATURE_SET,
				 sizeof(action));
	if (ret != 1)
		return ret;

	if (flags & VFIO_DEVICE_FEATURE_SET) {
		if (copy_from_user(&action, arg, sizeof(action)))
			return -EFAULT;
		if (action.flags || action.reserved)
			return -EINVAL;
		mutex_lock(&vdev->igate);
		ret = vfio_vconfig_action_set_mode(vdev, action.mode);
		mutex_unlock(&vdev->igate);
		return ret;
	}

	mutex_lock(&vdev->igate);
	vfio_vconfig_action_info(vdev, &action);
	mutex_unlock(&vdev->igate);
	return copy_to_user(arg, &action, sizeof(action)) ? -EFAULT : 0;
}

/**
 * vfio_vconfig_device_feature() - VFIO_DEVICE_FEATURE for this driver
 * @core: the VFIO device
 * @flags: feature index and GET/SET/PROBE flags
 * @arg: payload
 * @argsz: payload size
 *
 * Return: 0 or a negative errno; -ENOTTY for a feature this driver does
 * not offer.
 */
int vfio_vconfig_device_feature(struct vfio_device *core, u32 flags,
				void __user *arg, size_t argsz)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);

	switch (flags & VFIO_DEVICE_FEATURE_MASK) {
	case VFIO_DEVICE_FEATURE_VCONFIG_ACTION:
		return vfio_vconfig_feature_action(vdev, flags, arg, argsz);
	case VFIO_DEVICE_FEATURE_PCI_VF_TOKEN:
		return vfio_vconfig_feature_vf_token(vdev, flags, arg, argsz);
	case VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY:
	case VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP:
	case VFIO_DEVICE_FEATURE_LOW_POWER_EXIT:
		return vfio_vconfig_feature_low_power(vdev, flags, arg, argsz);
	default:
		return -ENOTTY;
	}
}
