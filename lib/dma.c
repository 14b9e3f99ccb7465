// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig DMA: the IOVA allocator of a group's container, and buffers
 * allocated or supplied by the caller, mapped and unmapped in the IOMMU.
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "vcdev.h"

static uint64_t align_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) & ~(align - 1);
}

/* First fit in the valid ranges clipped to the window. Caller holds vcd_registry_lock. */
static int iova_alloc(struct vfio_group *g, uint64_t size, uint64_t *iova)
{
	unsigned int i;

	for (i = 0; i < g->nr_valid; i++) {
		uint64_t lo = g->valid[i].start, hi = g->valid[i].end, cand;
		struct iova_used *u, **link, *n;

		if (lo < g->window.start)
			lo = g->window.start;
		if (hi > g->window.end)
			hi = g->window.end;
		if (lo > hi)
			continue;
		cand = align_up(lo, g->page_size);
		if (cand < lo)
			continue;
		link = &g->used;
		for (u = g->used; u; u = u->next) {
			if (u->iova + u->size <= cand) {
				link = &u->next;
				continue;
			}
			if (cand + size <= u->iova)
				break;
			cand = align_up(u->iova + u->size, g->page_size);
			link = &u->next;
		}
		if (cand < lo || cand > hi || size - 1 > hi - cand)
			continue;
		n = malloc(sizeof(*n));
		if (!n)
			return -ENOMEM;
		n->iova = cand;
		n->size = size;
		n->next = *link;
		*link = n;
		*iova = cand;
		return 0;
	}
	return -ENOSPC;
}

static void iova_release(struct vfio_group *g, uint64_t iova)
{
	struct iova_used **p, *u;

	for (p = &g->used; (u = *p); p = &u->next) {
		if (u->iova == iova) {
			*p = u->next;
			free(u);
			return;
		}
	}
}

static void dma_entry_release(struct vcdev *dev, struct dma_entry *e)
{
	struct vfio_iommu_type1_dma_unmap unmap = {
		.argsz = sizeof(unmap),
		.iova = e->buf.iova,
		.size = e->buf.size,
	};

	ioctl(dev->group->container_fd, VFIO_IOMMU_UNMAP_DMA, &unmap);
	pthread_mutex_lock(&vcd_registry_lock);
	iova_release(dev->group, e->buf.iova);
	pthread_mutex_unlock(&vcd_registry_lock);
	if (e->owned)
		munmap(e->buf.vaddr, e->buf.size);
	free(e);
}

/* Unmap and free every buffer of a device being closed. */
void vcd_dma_release_all(struct vcdev *dev)
{
	struct dma_entry *e;

	while ((e = dev->dma)) {
		dev->dma = e->next;
		dma_entry_release(dev, e);
	}
}

int vcdev_dma_set_window(struct vcdev *dev, uint64_t start,
			 uint64_t end)
{
	if (start > end)
		return vcd_fail_msg(-EINVAL, "%s: empty IOVA window 0x%llx-0x%llx", dev->bdf,
				(unsigned long long)start, (unsigned long long)end);
	pthread_mutex_lock(&vcd_registry_lock);
	dev->group->window.start = start;
	dev->group->window.end = end;
	pthread_mutex_unlock(&vcd_registry_lock);
	return 0;
}

static int dma_map_entry(struct vcdev *dev, void *vaddr, size_t size,
			 bool owned, struct dma_entry **out)
{
	struct vfio_iommu_type1_dma_map map = { .argsz = sizeof(map) };
	struct dma_entry *e;
	uint64_t iova;
	int err;

	e = calloc(1, sizeof(*e));
	if (!e)
		return vcd_fail(-ENOMEM, "%s: DMA mapping", dev->bdf);
	pthread_mutex_lock(&vcd_registry_lock);
	err = iova_alloc(dev->group, size, &iova);
	pthread_mutex_unlock(&vcd_registry_lock);
	if (err) {
		free(e);
		return err == -ENOSPC ?
		       vcd_fail_msg(err, "%s: no free IOVA range of 0x%zx bytes in the window",
				dev->bdf, size) :
		       vcd_fail(err, "%s: IOVA allocation", dev->bdf);
	}
	map.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	map.vaddr = (uintptr_t)vaddr;
	map.iova = iova;
	map.size = size;
	if (ioctl(dev->group->container_fd, VFIO_IOMMU_MAP_DMA, &map)) {
		err = vcd_fail(vcd_neg_errno(), "%s: VFIO_IOMMU_MAP_DMA of 0x%zx bytes at IOVA 0x%llx",
			   dev->bdf, size, (unsigned long long)iova);
		pthread_mutex_lock(&vcd_registry_lock);
		iova_release(dev->group, iova);
		pthread_mutex_unlock(&vcd_registry_lock);
		free(e);
		return err;
	}
	e->buf.vaddr = vaddr;
	e->buf.iova = iova;
	e->buf.size = size;
	e->owned = owned;
	pthread_mutex_lock(&dev->lock);
	e->next = dev->dma;
	dev->dma = e;
	pthread_mutex_unlock(&dev->lock);
	*out = e;
	return 0;
}

int vcdev_dma_alloc(struct vcdev *dev, size_t size,
		    struct vcdev_dma_buffer **out)
{
	struct dma_entry *e;
	size_t rounded;
	void *va;
	int err;

	*out = NULL;
	rounded = align_up(size, dev->group->page_size);
	if (!size || rounded < size)
		return vcd_fail_msg(-EINVAL, "%s: DMA buffer of %zu bytes", dev->bdf, size);
	va = mmap(NULL, rounded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		  -1, 0);
	if (va == MAP_FAILED)
		return vcd_fail(vcd_neg_errno(), "%s: DMA buffer of %zu bytes", dev->bdf, rounded);
	err = dma_map_entry(dev, va, rounded, true, &e);
	if (err) {
		munmap(va, rounded);
		return err;
	}
	*out = &e->buf;
	return 0;
}

/* Take @match (or the entry at @iova) off the device's list. */
static struct dma_entry *dma_unlink(struct vcdev *dev,
				    const struct vcdev_dma_buffer *match,
				    uint64_t iova)
{
	struct dma_entry **p, *e;

	pthread_mutex_lock(&dev->lock);
	for (p = &dev->dma; (e = *p); p = &e->next) {
		if (match ? &e->buf == match : (!e->owned && e->buf.iova == iova)) {
			*p = e->next;
			break;
		}
	}
	pthread_mutex_unlock(&dev->lock);
	return e;
}

void vcdev_dma_free(struct vcdev *dev, struct vcdev_dma_buffer *buf)
{
	struct dma_entry *e;

	if (!buf)
		return;
	e = dma_unlink(dev, buf, 0);
	if (e)
		dma_entry_release(dev, e);
}

int vcdev_dma_map(struct vcdev *dev, void *vaddr, size_t size,
		  uint64_t *iova)
{
	struct dma_entry *e;
	int err;

	if (!size || ((uintptr_t)vaddr | size) & (dev->group->page_size - 1))
		return vcd_fail_msg(-EINVAL, "%s: DMA map of %zu bytes at %p: not whole pages",
				dev->bdf, size, vaddr);
	err = dma_map_entry(dev, vaddr, size, false, &e);
	if (!err)
		*iova = e->buf.iova;
	return err;
}

int vcdev_dma_unmap(struct vcdev *dev, uint64_t iova)
{
	struct dma_entry *e = dma_unlink(dev, NULL, iova);

	if (!e)
		return vcd_fail_msg(-EINVAL, "%s: nothing mapped by vcdev_dma_map() at IOVA 0x%llx",
				dev->bdf, (unsigned long long)iova);
	dma_entry_release(dev, e);
	return 0;
}
