// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: VFIO_DEVICE_IOEVENTFD. A signal on an eventfd writes a
 * fixed value to a fixed BAR offset, without a round trip through
 * userspace (QEMU uses it for doorbells it would otherwise trap). The
 * rules and error codes are vfio-pci's; the write honours decode like any
 * BAR access, for I/O BARs too.
 */
#include <linux/io.h>
#include <linux/io-64-nonatomic-lo-hi.h>	/* iowrite64 where it is no macro */
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "vfio_vconfig.h"

/* As vfio-pci: an arbitrary bound on the ioeventfds of one device. */
#define VFIO_VCONFIG_IOEVENTFD_MAX	1000

/**
 * struct vfio_vconfig_ioeventfd - one armed eventfd
 * @next: entry in the device's list
 * @vdev: the device
 * @virqfd: the eventfd's wait-queue hook
 * @addr: kernel mapping of the target
 * @data: value written
 * @pos: offset in the BAR
 * @bar: BAR index
 * @count: access size (1, 2, 4 or 8)
 * @is_io: the BAR is an I/O BAR
 */
struct vfio_vconfig_ioeventfd {
	struct list_head next;
	struct vfio_vconfig_device *vdev;
	struct virqfd *virqfd;
	void __iomem *addr;
	u64 data;
	loff_t pos;
	int bar;
	int count;
	bool is_io;
};

/* Caller holds memory_lock. */
static void vfio_vconfig_ioeventfd_write(struct vfio_vconfig_ioeventfd *ioev)
{
	struct vfio_vconfig_device *vdev = ioev->vdev;
	bool enabled = ioev->is_io ? vfio_vconfig_io_enabled(vdev) :
			vfio_vconfig_memory_enabled(vdev);

	if (!enabled)
		return;
	switch (ioev->count) {
	case 1:
		iowrite8(ioev->data, ioev->addr);
		break;
	case 2:
		iowrite16(ioev->data, ioev->addr);
		break;
	case 4:
		iowrite32(ioev->data, ioev->addr);
		break;
#ifdef iowrite64
	case 8:
		iowrite64(ioev->data, ioev->addr);
		break;
#endif
	}
}

/* From the eventfd's wakeup: write now unless memory_lock is contended. */
static int vfio_vconfig_ioeventfd_handler(void *opaque, void *unused)
{
	struct vfio_vconfig_ioeventfd *ioev = opaque;

	if (!down_read_trylock(&ioev->vdev->memory_lock))
		return 1;	/* the thread will do it */
	vfio_vconfig_ioeventfd_write(ioev);
	up_read(&ioev->vdev->memory_lock);
	return 0;
}

static void vfio_vconfig_ioeventfd_thread(void *opaque, void *unused)
{
	struct vfio_vconfig_ioeventfd *ioev = opaque;

	down_read(&ioev->vdev->memory_lock);
	vfio_vconfig_ioeventfd_write(ioev);
	up_read(&ioev->vdev->memory_lock);
}

/* Is [pos, pos + count) of @bar clear of the MSI-X table? */
static bool vfio_vconfig_ioeventfd_allowed(struct vfio_vconfig_device *vdev,
					   int bar, loff_t pos, int count)
{
	if (bar != vdev->msix_bar)
		return true;
	return pos + count <= vdev->msix_offset ||
	       pos >= (u64)vdev->msix_offset + vdev->msix_size;
}

static int vfio_vconfig_ioeventfd_add(struct vfio_vconfig_device *vdev,
				      int bar, loff_t pos, u64 data, int count,
				      int fd)
{
	struct vfio_vconfig_ioeventfd *ioev;
	int ret;

	if (vdev->ioeventfds_nr >= VFIO_VCONFIG_IOEVENTFD_MAX)
		return -ENOSPC;
	ret = vfio_vconfig_setup_barmap(vdev, bar);
	if (ret)
		return ret;
	ioev = kzalloc(sizeof(*ioev), GFP_KERNEL_ACCOUNT);
	if (!ioev)
		return -ENOMEM;
	ioev->vdev = vdev;
	ioev->addr = vdev->barmap[bar] + pos;
	ioev->data = data;
	ioev->pos = pos;
	ioev->bar = bar;
	ioev->count = count;
	ioev->is_io = pci_resource_flags(vdev->pdev, bar) & IORESOURCE_IO;

	ret = vfio_virqfd_enable(ioev, vfio_vconfig_ioeventfd_handler,
				 vfio_vconfig_ioeventfd_thread, NULL,
				 &ioev->virqfd, fd);
	if (ret) {
		kfree(ioev);
		return ret;
	}
	list_add(&ioev->next, &vdev->ioeventfds_list);
	vdev->ioeventfds_nr++;
	return 0;
}

static void vfio_vconfig_ioeventfd_del(struct vfio_vconfig_device *vdev,
				       struct vfio_vconfig_ioeventfd *ioev)
{
	vfio_virqfd_disable(&ioev->virqfd);
	list_del(&ioev->next);
	vdev->ioeventfds_nr--;
	kfree(ioev);
}

/*
 * Arm an eventfd for (bar, pos, data, count), or with fd -1 disarm the one
 * armed for exactly that tuple.
 */
static int vfio_vconfig_ioeventfd(struct vfio_vconfig_device *vdev,
				  loff_t offset, u64 data, int count, int fd)
{
	loff_t pos = offset & VFIO_VCONFIG_OFFSET_MASK;
	u64 index = VFIO_VCONFIG_OFFSET_TO_INDEX(offset);
	struct vfio_vconfig_ioeventfd *ioev;
	int bar, ret;

	/*
	 * BARs only. vfio-pci 6.1 takes the index as a signed int, so an
	 * offset with its top bit set passes this check there and indexes
	 * before its BAR arrays (an oops the syscall fuzzer found).
	 */
	if (index > VFIO_PCI_BAR5_REGION_INDEX)
		return -EINVAL;
	bar = index;
	if (pos + count > pci_resource_len(vdev->pdev, bar))
		return -EINVAL;
	if (!vfio_vconfig_ioeventfd_allowed(vdev, bar, pos, count))
		return -EINVAL;	/* no way around the MSI-X table */
#ifndef iowrite64
	if (count == 8)
		return -EINVAL;
#endif

	mutex_lock(&vdev->ioeventfds_lock);
	list_for_each_entry(ioev, &vdev->ioeventfds_list, next) {
		if (ioev->pos == pos && ioev->bar == bar &&
		    ioev->data == data && ioev->count == count) {
			if (fd == -1) {
				vfio_vconfig_ioeventfd_del(vdev, ioev);
				ret = 0;
			} else {
				ret = -EEXIST;
			}
			goto out;
		}
	}
	ret = fd < 0 ? -ENODEV :
	      vfio_vconfig_ioeventfd_add(vdev, bar, pos, data, count, fd);
out:
	mutex_unlock(&vdev->ioeventfds_lock);
	return ret;
}

/**
 * vfio_vconfig_ioctl_ioeventfd() - VFIO_DEVICE_IOEVENTFD
 * @vdev: the device
 * @arg: struct vfio_device_ioeventfd
 *
 * Return: 0, or vfio-pci's errors: -EINVAL for a bad argument, a range
 * outside a BAR or over the MSI-X table, -EEXIST when the tuple is armed,
 * -ENODEV when disarming one that is not, -ENOSPC past the limit.
 */
int vfio_vconfig_ioctl_ioeventfd(struct vfio_vconfig_device *vdev,
				 struct vfio_device_ioeventfd __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_ioeventfd, fd);
	struct vfio_device_ioeventfd req;
	int count;

	if (copy_from_user(&req, arg, minsz))
		return -EFAULT;
	if (req.argsz < minsz)
		return -EINVAL;
	if (req.flags & ~VFIO_DEVICE_IOEVENTFD_SIZE_MASK)
		return -EINVAL;
	count = req.flags & VFIO_DEVICE_IOEVENTFD_SIZE_MASK;
	if (hweight8(count) != 1 || req.fd < -1)
		return -EINVAL;
	return vfio_vconfig_ioeventfd(vdev, req.offset, req.data, count, req.fd);
}

/**
 * vfio_vconfig_ioeventfds_release() - disarm every ioeventfd
 * @vdev: the device, being closed (before its BAR mappings go)
 */
void vfio_vconfig_ioeventfds_release(struct vfio_vconfig_device *vdev)
{
	struct vfio_vconfig_ioeventfd *ioev, *tmp;

	mutex_lock(&vdev->ioeventfds_lock);
	list_for_each_entry_safe(ioev, tmp, &vdev->ioeventfds_list, next)
		vfio_vconfig_ioeventfd_del(vdev, ioev);
	mutex_unlock(&vdev->ioeventfds_lock);
}
