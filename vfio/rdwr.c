// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: read and write of the BAR and ROM regions.
 */
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include <linux/uaccess.h>

#include "vfio_vconfig.h"

/**
 * vfio_vconfig_setup_barmap() - map a BAR into the kernel on first use
 * @vdev: the device
 * @bar: BAR index
 *
 * Return: 0, or a negative errno when the region is busy or unmappable.
 */
int vfio_vconfig_setup_barmap(struct vfio_vconfig_device *vdev, int bar)
{
	struct pci_dev *pdev = vdev->pdev;
	void __iomem *io;
	int ret = 0;

	/* two first uses at once must not both claim the region */
	mutex_lock(&vdev->barmap_lock);
	if (vdev->barmap[bar])
		goto out;

	ret = pci_request_selected_regions(pdev, 1 << bar, VFIO_VCONFIG_DRIVER);
	if (ret)
		goto out;

	io = pci_iomap(pdev, bar, 0);
	if (!io) {
		pci_release_selected_regions(pdev, 1 << bar);
		ret = -ENOMEM;
		goto out;
	}
	vdev->barmap[bar] = io;
out:
	mutex_unlock(&vdev->barmap_lock);
	return ret;
}

/**
 * vfio_vconfig_release_barmaps() - undo every vfio_vconfig_setup_barmap()
 * @vdev: the device
 */
void vfio_vconfig_release_barmaps(struct vfio_vconfig_device *vdev)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!vdev->barmap[bar])
			continue;
		pci_iounmap(vdev->pdev, vdev->barmap[bar]);
		pci_release_selected_regions(vdev->pdev, 1 << bar);
		vdev->barmap[bar] = NULL;
	}
}

/* Is decode for this kind of BAR on? Caller holds memory_lock. */
static bool vfio_vconfig_decode_on(struct vfio_vconfig_device *vdev,
				   bool is_mem)
{
	return is_mem ? vfio_vconfig_memory_enabled(vdev) :
			vfio_vconfig_io_enabled(vdev);
}

/*
 * One access of 1, 2 or 4 bytes. The decode check and the access happen
 * under memory_lock so that decode cannot be turned off in between.
 */
static int vfio_vconfig_io_access(struct vfio_vconfig_device *vdev,
				  bool is_mem, void __iomem *io,
				  unsigned int len, u32 *val, bool iswrite)
{
	int ret = 0;

	down_read(&vdev->memory_lock);
	if (!vfio_vconfig_decode_on(vdev, is_mem)) {
		ret = -EIO;
		goto out;
	}

	if (iswrite) {
		if (len == 4)
			iowrite32(*val, io);
		else if (len == 2)
			iowrite16(*val, io);
		else
			iowrite8(*val, io);
	} else {
		if (len == 4)
			*val = ioread32(io);
		else if (len == 2)
			*val = ioread16(io);
		else
			*val = ioread8(io);
	}
out:
	up_read(&vdev->memory_lock);
	return ret;
}

/*
 * Copy between the user and an iomem region, with [x_start, x_end)
 * excluded: reads there return 0xff, writes are dropped. This hides the
 * MSI-X table, as vfio-pci does.
 */
static ssize_t vfio_vconfig_do_io_rw(struct vfio_vconfig_device *vdev,
				     bool is_mem, void __iomem *io,
				     char __user *buf, loff_t off,
				     size_t count, size_t x_start,
				     size_t x_end, bool iswrite)
{
	ssize_t done = 0;

	while (count) {
		size_t fillable, len;
		u32 val = 0;
		int ret;

		if (off < x_start)
			fillable = min(count, (size_t)(x_start - off));
		else if (off >= x_end)
			fillable = count;
		else
			fillable = 0;

		if (!fillable) {
			len = min(count, (size_t)(x_end - off));
			if (!iswrite) {
				size_t i;

				for (i = 0; i < len; i++)
					if (put_user((u8)0xff, buf + i))
						return -EFAULT;
			}
		} else {
			len = vfio_vconfig_piece(off, fillable);
			if (iswrite && copy_from_user(&val, buf, len))
				return -EFAULT;
			ret = vfio_vconfig_io_access(vdev, is_mem, io + off,
						     len, &val, iswrite);
			if (ret)
				return done ? done : ret;
			if (!iswrite && copy_to_user(buf, &val, len))
				return -EFAULT;
		}

		count -= len;
		done += len;
		off += len;
		buf += len;
	}
	return done;
}

/**
 * vfio_vconfig_bar_rw() - access a BAR region
 * @vdev: the device
 * @buf: user buffer
 * @count: bytes
 * @pos: offset in the device file
 * @iswrite: direction
 *
 * Return: bytes transferred or a negative errno; -EIO while the virtual
 * Command register has the BAR's decode turned off.
 */
ssize_t vfio_vconfig_bar_rw(struct vfio_vconfig_device *vdev,
			    char __user *buf, size_t count, loff_t pos,
			    bool iswrite)
{
	struct pci_dev *pdev = vdev->pdev;
	int bar = VFIO_VCONFIG_OFFSET_TO_INDEX(pos);
	loff_t off = pos & VFIO_VCONFIG_OFFSET_MASK;
	size_t x_start = 0, x_end = 0;
	resource_size_t end;
	int ret;

	if (!pci_resource_start(pdev, bar))
		return -EINVAL;
	end = pci_resource_len(pdev, bar);
	if (off >= end)
		return -EINVAL;
	count = min(count, (size_t)(end - off));

	ret = vfio_vconfig_setup_barmap(vdev, bar);
	if (ret)
		return ret;

	if (bar == vdev->msix_bar) {
		/* 64-bit: a table near 4 GiB of a larger BAR must not wrap */
		x_start = vdev->msix_offset;
		x_end = (size_t)vdev->msix_offset + vdev->msix_size;
	}

	return vfio_vconfig_do_io_rw(vdev,
				     pci_resource_flags(pdev, bar) & IORESOURCE_MEM,
				     vdev->barmap[bar], buf, off, count,
				     x_start, x_end, iswrite);
}

/* Longest ROM read served at once; callers loop on short reads. */
#define VFIO_VCONFIG_ROM_CHUNK	SZ_64K

/*
 * Copy part of the ROM image into @kbuf. Memory decode is forced on in
 * hardware for the duration, as pci_map_rom() requires, under memory_lock
 * so no other access sees the forced state. The ROM is therefore readable
 * whatever the virtual Command register says, but not in D3hot.
 */
static int vfio_vconfig_rom_fetch(struct vfio_vconfig_device *vdev, u8 *kbuf,
				  loff_t off, size_t count)
{
	struct pci_dev *pdev = vdev->pdev;
	size_t rom_size = 0, avail;
	void __iomem *io;
	int ret = 0;
	u16 cmd;

	memset(kbuf, 0xff, count);
	down_write(&vdev->memory_lock);
	/* a function in D3hot decodes nothing, as vfio-pci answers */
	if (vdev->pdev->current_state >= PCI_D3hot) {
		up_write(&vdev->memory_lock);
		return -EIO;
	}
	cmd = vfio_vconfig_hw_memory_enable(vdev);
	io = pci_map_rom(pdev, &rom_size);
	if (io) {
		if (off < rom_size) {
			avail = min(count, (size_t)(rom_size - off));
			memcpy_fromio(kbuf, io + off, avail);
		}
		pci_unmap_rom(pdev, io);
	} else {
		ret = -ENOMEM;
	}
	vfio_vconfig_hw_memory_restore(vdev, cmd);
	up_write(&vdev->memory_lock);
	return ret;
}

/**
 * vfio_vconfig_rom_read() - read the expansion ROM region
 * @vdev: the device
 * @buf: user buffer
 * @count: bytes
 * @pos: offset in the device file
 *
 * Bytes past the ROM image but inside the BAR read as 0xff. At most
 * 64 KiB are returned per call.
 *
 * Return: bytes read or a negative errno; -EIO while the function is in
 * D3hot.
 */
ssize_t vfio_vconfig_rom_read(struct vfio_vconfig_device *vdev,
			      char __user *buf, size_t count, loff_t pos)
{
	struct pci_dev *pdev = vdev->pdev;
	loff_t off = pos & VFIO_VCONFIG_OFFSET_MASK;
	resource_size_t end;
	ssize_t ret;
	u8 *kbuf;

	if (pci_resource_start(pdev, PCI_ROM_RESOURCE))
		end = pci_resource_len(pdev, PCI_ROM_RESOURCE);
	else if (pdev->resource[PCI_ROM_RESOURCE].flags & IORESOURCE_ROM_SHADOW)
		end = 0x20000;
	else
		return -EINVAL;
	if (off >= end)
		return -EINVAL;
	count = min3(count, (size_t)(end - off), (size_t)VFIO_VCONFIG_ROM_CHUNK);

	kbuf = kvmalloc(count, GFP_KERNEL_ACCOUNT);
	if (!kbuf)
		return -ENOMEM;
	ret = vfio_vconfig_rom_fetch(vdev, kbuf, off, count);
	if (!ret)
		ret = copy_to_user(buf, kbuf, count) ? -EFAULT : count;
	kvfree(kbuf);
	return ret;
}
