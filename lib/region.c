// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig regions: region information, reads and writes at an offset of
 * the device fd, BAR register access and mmap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "vcdev.h"

int vcd_query_region(struct vcdev *dev, unsigned int index,
			struct vfio_region_info *info)
{
	memset(info, 0, sizeof(*info));
	info->argsz = sizeof(*info);
	info->index = index;
	if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, info))
		return vcd_neg_errno();
	return 0;
}

int vcd_transfer(struct vcdev *dev, const char *what, bool write,
		    uint64_t fd_offset, void *buf, size_t len, uint64_t at)
{
	ssize_t n;

	if (write)
		n = pwrite(dev->fd, buf, len, (off_t)fd_offset);
	else
		n = pread(dev->fd, buf, len, (off_t)fd_offset);
	if (n < 0)
		return vcd_fail(vcd_neg_errno(), "%s: %s %s of %zu bytes at 0x%llx", dev->bdf,
			    what, write ? "write" : "read", len,
			    (unsigned long long)at);
	if ((size_t)n != len)
		return vcd_fail_msg(-EIO, "%s: %s %s of %zu bytes at 0x%llx: short transfer (%zd)",
				dev->bdf, what, write ? "write" : "read", len,
				(unsigned long long)at, n);
	return 0;
}

static void parse_region_caps(const struct vfio_region_info *ri,
			      struct vcdev_region_info *info)
{
	const struct vfio_info_cap_header *hdr;
	uint32_t off = ri->cap_offset;
	unsigned int i;

	for (i = 0; off && i < MAX_INFO_CAPS; i++) {
		if (off < sizeof(*ri) || off + sizeof(*hdr) > ri->argsz)
			return;
		hdr = (const void *)((const char *)ri + off);
		if (hdr->id == VFIO_REGION_INFO_CAP_MSIX_MAPPABLE) {
			info->msix_mappable = true;
		} else if (hdr->id == VFIO_REGION_INFO_CAP_SPARSE_MMAP) {
			const struct vfio_region_info_cap_sparse_mmap *sp = (const void *)hdr;
			unsigned int n = sp->nr_areas, j;

			if (off + sizeof(*sp) + (uint64_t)n * sizeof(sp->areas[0]) > ri->argsz)
				return;
			if (n > VCDEV_MAX_MMAP_AREAS)
				n = VCDEV_MAX_MMAP_AREAS;
			info->sparse = true;
			info->nr_mmap_areas = 0;
			for (j = 0; j < n; j++) {
				if (!sp->areas[j].size)
					continue;
				info->mmap_areas[info->nr_mmap_areas].offset = sp->areas[j].offset;
				info->mmap_areas[info->nr_mmap_areas].size = sp->areas[j].size;
				info->nr_mmap_areas++;
			}
		}
		off = hdr->next;
	}
}

int vcdev_get_region_info(struct vcdev *dev, unsigned int index,
			  struct vcdev_region_info *info)
{
	struct vfio_region_info probe, *full = &probe;
	int err;

	memset(info, 0, sizeof(*info));
	err = vcd_query_region(dev, index, &probe);
	if (err)
		return vcd_fail(err, "%s: region %u info", dev->bdf, index);
	if ((probe.flags & VFIO_REGION_INFO_FLAG_CAPS) && probe.argsz > sizeof(probe) &&
	    probe.argsz <= 65536) {
		full = calloc(1, probe.argsz);
		if (!full)
			return vcd_fail(-ENOMEM, "%s: region %u info", dev->bdf, index);
		full->argsz = probe.argsz;
		full->index = index;
		if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, full)) {
			err = vcd_fail(vcd_neg_errno(), "%s: region %u info", dev->bdf, index);
			free(full);
			return err;
		}
	}
	info->index = index;
	info->flags = full->flags;
	info->size = full->size;
	info->fd_offset = full->offset;
	if ((full->flags & VFIO_REGION_INFO_FLAG_MMAP) && full->size) {
		info->nr_mmap_areas = 1;
		info->mmap_areas[0].offset = 0;
		info->mmap_areas[0].size = full->size;
	}
	if (full != &probe) {
		if (full->flags & VFIO_REGION_INFO_FLAG_CAPS)
			parse_region_caps(full, info);
		free(full);
	}
	if (!(info->flags & VFIO_REGION_INFO_FLAG_MMAP))
		info->nr_mmap_areas = 0;
	return 0;
}

static int region_io(struct vcdev *dev, unsigned int index, bool write,
		     uint64_t offset, void *buf, size_t len)
{
	uint64_t size;
	char what[24];

	if (index >= dev->nr_regions || !dev->region_valid[index])
		return vcd_fail_msg(-EINVAL, "%s: no region %u", dev->bdf, index);
	size = dev->region_size[index];
	if (offset > size || len > size - offset)
		return vcd_fail_msg(-EINVAL, "%s: region %u: %zu bytes at 0x%llx beyond its size 0x%llx",
				dev->bdf, index, len, (unsigned long long)offset,
				(unsigned long long)size);
	snprintf(what, sizeof(what), "region %u", index);
	return vcd_transfer(dev, what, write, dev->region_offset[index] + offset, buf, len,
			offset);
}

int vcdev_region_read(struct vcdev *dev, unsigned int index,
		      uint64_t offset, void *buf, size_t len)
{
	return region_io(dev, index, false, offset, buf, len);
}

int vcdev_region_write(struct vcdev *dev, unsigned int index,
		       uint64_t offset, const void *buf, size_t len)
{
	return region_io(dev, index, true, offset, (void *)buf, len);
}

/* BAR registers travel in host order: the driver does ioread32/iowrite32. */
int vcdev_bar_read32(struct vcdev *dev, unsigned int bar,
		     uint64_t offset, uint32_t *val)
{
	return region_io(dev, bar, false, offset, val, sizeof(*val));
}

int vcdev_bar_write32(struct vcdev *dev, unsigned int bar,
		      uint64_t offset, uint32_t val)
{
	return region_io(dev, bar, true, offset, &val, sizeof(val));
}

int vcdev_bar_read64(struct vcdev *dev, unsigned int bar,
		     uint64_t offset, uint64_t *val)
{
	return region_io(dev, bar, false, offset, val, sizeof(*val));
}

int vcdev_bar_write64(struct vcdev *dev, unsigned int bar,
		      uint64_t offset, uint64_t val)
{
	return region_io(dev, bar, true, offset, &val, sizeof(val));
}

int vcdev_region_mmap(struct vcdev *dev, unsigned int index,
		      uint64_t offset, size_t size, int prot, void **addr)
{
	struct vcdev_region_info info;
	struct mapping *m;
	uint64_t page = vcd_page_size();
	unsigned int i;
	bool inside = false;
	void *va;
	int err;

	*addr = NULL;
	err = vcdev_get_region_info(dev, index, &info);
	if (err)
		return err;
	if (!size || (offset | size) & (page - 1))
		return vcd_fail_msg(-EINVAL, "%s: region %u: mmap of 0x%zx at 0x%llx is not page aligned",
				dev->bdf, index, size, (unsigned long long)offset);
	for (i = 0; i < info.nr_mmap_areas; i++) {
		const struct vcdev_mmap_area *a = &info.mmap_areas[i];
		uint64_t end = a->offset + a->size;

		/* vfio-pci maps the whole page of a BAR smaller than a page */
		if (end == info.size)
			end = (end + page - 1) & ~(page - 1);
		if (offset >= a->offset && offset < end && size <= end - offset)
			inside = true;
	}
	if (!inside)
		return vcd_fail_msg(-EINVAL, info.nr_mmap_areas ?
				"%s: region %u: 0x%zx bytes at 0x%llx are not inside one mmap area" :
				"%s: region %u cannot be mmapped (0x%zx at 0x%llx)",
				dev->bdf, index, size, (unsigned long long)offset);
	m = malloc(sizeof(*m));
	if (!m)
		return vcd_fail(-ENOMEM, "%s: region %u mmap", dev->bdf, index);
	va = mmap(NULL, size, prot, MAP_SHARED, dev->fd, (off_t)(info.fd_offset + offset));
	if (va == MAP_FAILED) {
		err = vcd_fail(vcd_neg_errno(), "%s: region %u mmap", dev->bdf, index);
		free(m);
		return err;
	}
	m->addr = va;
	m->size = size;
	pthread_mutex_lock(&dev->lock);
	m->next = dev->mappings;
	dev->mappings = m;
	pthread_mutex_unlock(&dev->lock);
	*addr = va;
	return 0;
}

int vcdev_region_unmap(struct vcdev *dev, void *addr)
{
	struct mapping **p, *m;

	pthread_mutex_lock(&dev->lock);
	for (p = &dev->mappings; (m = *p); p = &m->next) {
		if (m->addr == addr) {
			*p = m->next;
			pthread_mutex_unlock(&dev->lock);
			munmap(m->addr, m->size);
			free(m);
			return 0;
		}
	}
	pthread_mutex_unlock(&dev->lock);
	return vcd_fail_msg(-EINVAL, "%s: %p is not a mapping of the device", dev->bdf, addr);
}

/* Undo every mapping of a device being closed. */
void vcd_unmap_all(struct vcdev *dev)
{
	struct mapping *m;

	while ((m = dev->mappings)) {
		dev->mappings = m->next;
		munmap(m->addr, m->size);
		free(m);
	}
}
