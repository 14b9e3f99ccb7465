// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: read and write of the BAR and ROM regions.
 */
#include <linux/aperture.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include <linux/uaccess.h>
#include <linux/vgaarb.h>

#include "vfio_vconfig.h"

static bool disable_vga;
module_param(disable_vga, bool, 0444);
MODULE_PARM_DESC(disable_vga, "Offer no VGA region on VGA-class functions, as vfio-pci's parameter of the name (default: 0)");

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

/* What an access goes to: which decode bit guards it. */
enum vfio_vconfig_space {
	VFIO_VCONFIG_SPACE_IO,
	VFIO_VCONFIG_SPACE_MEM,
	VFIO_VCONFIG_SPACE_VGA,	/* legacy VGA ranges: not guarded, as vfio-pci */
};

/* Is decode for this kind of access on? Caller holds memory_lock. */
static bool vfio_vconfig_decode_on(struct vfio_vconfig_device *vdev,
				   enum vfio_vconfig_space space)
{
	switch (space) {
	case VFIO_VCONFIG_SPACE_MEM:
		return vfio_vconfig_memory_enabled(vdev);
	case VFIO_VCONFIG_SPACE_IO:
		return vfio_vconfig_io_enabled(vdev);
	default:
		return true;
	}
}

/*
 * One access of 1, 2 or 4 bytes. The decode check and the access happen
 * under memory_lock so that decode cannot be turned off in between.
 */
static int vfio_vconfig_io_access(struct vfio_vconfig_device *vdev,
				  enum vfio_vconfig_space space,
				  void __iomem *io,
				  unsigned int len, u32 *val, bool iswrite)
{
	int ret = 0;

	down_read(&vdev->memory_lock);
	if (!vfio_vconfig_decode_on(vdev, space)) {
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
				     enum vfio_vconfig_space space,
				     void __iomem *io,
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
			ret = vfio_vconfig_io_access(vdev, space, io + off,
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
				     pci_resource_flags(pdev, bar) & IORESOURCE_MEM ?
				     VFIO_VCONFIG_SPACE_MEM : VFIO_VCONFIG_SPACE_IO,
				     vdev->barmap[bar], buf, off, count,
				     x_start, x_end, iswrite);
}

/**
 * vfio_vconfig_vga_rw() - access the VGA region
 * @vdev: the device, a VGA-class function (vdev->has_vga)
 * @buf: user buffer
 * @count: bytes
 * @pos: offset in the device file
 * @iswrite: direction
 *
 * The legacy ranges at their ISA addresses: memory 0xa0000-0xbffff and
 * I/O ports 0x3b0-0x3bb and 0x3c0-0x3df, routed to this function by the
 * VGA arbiter for the duration of the access, as vfio-pci does.
 *
 * Return: bytes transferred or a negative errno.
 */
ssize_t vfio_vconfig_vga_rw(struct vfio_vconfig_device *vdev,
			    char __user *buf, size_t count, loff_t pos,
			    bool iswrite)
{
	loff_t off = pos & VFIO_VCONFIG_OFFSET_MASK;
	unsigned long base, end;
	void __iomem *io;
	unsigned int rsrc;
	bool is_ioport;
	ssize_t done;
	int ret;

	if (!vdev->has_vga)
		return -EINVAL;
	if (off >= 0xa0000 && off <= 0xbffff) {
		base = 0xa0000;
		end = 0xc0000;
		rsrc = VGA_RSRC_LEGACY_MEM;
		is_ioport = false;
	} else if (off >= 0x3b0 && off <= 0x3bb) {
		base = 0x3b0;
		end = 0x3bc;
		rsrc = VGA_RSRC_LEGACY_IO;
		is_ioport = true;
	} else if (off >= 0x3c0 && off <= 0x3df) {
		base = 0x3c0;
		end = 0x3e0;
		rsrc = VGA_RSRC_LEGACY_IO;
		is_ioport = true;
	} else {
		return -EINVAL;
	}
	count = min(count, (size_t)(end - off));

	io = is_ioport ? ioport_map(base, end - base) : ioremap(base, end - base);
	if (!io)
		return -ENOMEM;
	ret = vga_get_interruptible(vdev->pdev, rsrc);
	if (ret) {
		done = ret;
		goto unmap;
	}
	done = vfio_vconfig_do_io_rw(vdev, VFIO_VCONFIG_SPACE_VGA, io, buf,
				     off - base, count, 0, 0, iswrite);
	vga_put(vdev->pdev, rsrc);
unmap:
	if (is_ioport)
		ioport_unmap(io);
	else
		iounmap(io);
	return done;
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

static bool vfio_vconfig_vga_offered(void)
{
	return IS_ENABLED(CONFIG_VFIO_PCI_VGA) && !disable_vga;
}

/*
 * The VGA arbiter asks which resources the function decodes. With the VGA
 * region offered, or on the root bus, all of them. Otherwise the user
 * cannot reach the legacy ranges, and the bridge above can stop routing
 * them: they are claimed only while another VGA function sits below the
 * same bridge, whose routing this one then shares.
 */
static unsigned int vfio_vconfig_vga_decode(struct pci_dev *pdev,
					    bool single_vga)
{
	unsigned int all = VGA_RSRC_NORMAL_IO | VGA_RSRC_NORMAL_MEM |
			   VGA_RSRC_LEGACY_IO | VGA_RSRC_LEGACY_MEM;
	unsigned char last_bus = pci_bus_max_busnr(pdev->bus);
	struct pci_dev *other = NULL;

	if (single_vga || vfio_vconfig_vga_offered() ||
	    pci_is_root_bus(pdev->bus))
		return all;
	while ((other = pci_get_class(PCI_CLASS_DISPLAY_VGA << 8, other))) {
		if (other != pdev && !pci_is_root_bus(other->bus) &&
		    pci_domain_nr(other->bus) == pci_domain_nr(pdev->bus) &&
		    other->bus->number >= pdev->bus->number &&
		    other->bus->number <= last_bus) {
			pci_dev_put(other);
			return all;
		}
	}
	return VGA_RSRC_NORMAL_IO | VGA_RSRC_NORMAL_MEM;
}

static bool vfio_vconfig_is_vga(struct pci_dev *pdev)
{
	return (pdev->class >> 8) == PCI_CLASS_DISPLAY_VGA;
}

/**
 * vfio_vconfig_vga_init() - join the VGA arbiter, as vfio-pci at probe
 * @vdev: the device
 *
 * A VGA-class function leaves the firmware framebuffer or console that
 * drives it, and tells the arbiter what it decodes. With VFIO VGA support
 * (CONFIG_VFIO_PCI_VGA, no disable_vga) it offers the VGA region.
 *
 * Return: 0 or a negative errno.
 */
int vfio_vconfig_vga_init(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;
	int ret;

	if (!vfio_vconfig_is_vga(pdev))
		return 0;
	ret = aperture_remove_conflicting_pci_devices(pdev, VFIO_VCONFIG_DRIVER);
	if (ret)
		return ret;
	ret = vga_client_register(pdev, vfio_vconfig_vga_decode);
	if (ret)
		return ret;
	vga_set_legacy_decoding(pdev, vfio_vconfig_vga_decode(pdev, false));
	vdev->has_vga = vfio_vconfig_vga_offered();
	return 0;
}

/**
 * vfio_vconfig_vga_uninit() - undo vfio_vconfig_vga_init()
 * @vdev: the device
 */
void vfio_vconfig_vga_uninit(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;

	if (!vfio_vconfig_is_vga(pdev))
		return;
	vga_client_unregister(pdev);
	vga_set_legacy_decoding(pdev, VGA_RSRC_NORMAL_IO | VGA_RSRC_NORMAL_MEM |
				      VGA_RSRC_LEGACY_IO | VGA_RSRC_LEGACY_MEM);
}
