// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: the DMA API. Coherent buffers come from
 * vcdev_dma_alloc(), streaming mappings map the pages around the
 * driver's buffer with vcdev_dma_map(); both at IOVAs of the device's
 * container, under the device's DMA mask.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

#include <linux/dma-mapping.h>
#include <linux/pci.h>

#include "shim.h"

#define IOVA_FLOOR	(1ULL << 20)	/* the library's default window starts here */

/* Keep the container's IOVAs under the narrower of the two masks. */
static int apply_window(struct device *dev)
{
	struct vcshim_pci *sp = dev->vcshim;
	u64 mask = min(*dev->dma_mask, dev->coherent_dma_mask);
	int ret;

	if (mask <= IOVA_FLOOR)
		return -EIO;
	ret = vcdev_dma_set_window(sp->vdev, IOVA_FLOOR, mask);
	/* A mask wider than the IOMMU's aperture is no restriction. */
	if (ret && mask > DMA_BIT_MASK(32))
		return 0;
	if (ret)
		dev_dbg(dev, "DMA window under %#llx: %s\n", mask,
			vcdev_last_error());
	return ret ? -EIO : 0;
}

int dma_set_mask(struct device *dev, u64 mask)
{
	u64 old = *dev->dma_mask;
	int ret;

	*dev->dma_mask = mask;
	ret = apply_window(dev);
	if (ret)
		*dev->dma_mask = old;
	return ret;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	u64 old = dev->coherent_dma_mask;
	int ret;

	dev->coherent_dma_mask = mask;
	ret = apply_window(dev);
	if (ret)
		dev->coherent_dma_mask = old;
	return ret;
}

static void add_mapping(struct vcshim_pci *sp, struct vcshim_dma *m)
{
	pthread_mutex_lock(&sp->dma_lock);
	m->next = sp->dma;
	sp->dma = m;
	pthread_mutex_unlock(&sp->dma_lock);
}

/* Take the mapping @match accepts off the device's list. */
static struct vcshim_dma *take_mapping(struct vcshim_pci *sp,
				       bool (*match)(const struct vcshim_dma *, const void *),
				       const void *key)
{
	struct vcshim_dma **p, *m = NULL;

	pthread_mutex_lock(&sp->dma_lock);
	for (p = &sp->dma; *p; p = &(*p)->next) {
		if (match(*p, key)) {
			m = *p;
			*p = m->next;
			break;
		}
	}
	pthread_mutex_unlock(&sp->dma_lock);
	return m;
}

static void release(struct vcshim_pci *sp, struct vcshim_dma *m)
{
	if (m->buf)
		vcdev_dma_free(sp->vdev, m->buf);
	else
		vcdev_dma_unmap(sp->vdev, m->iova);
	free(m);
}

void *dma_alloc_coherent(struct device *dev, size_t size,
			 dma_addr_t *dma_handle, gfp_t gfp)
{
	struct vcshim_pci *sp = dev->vcshim;
	struct vcshim_dma *m;
	int ret;

	(void)gfp;
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	ret = vcdev_dma_alloc(sp->vdev, size, &m->buf);
	if (ret) {
		dev_err(dev, "DMA allocation of %zu bytes: %s\n", size,
			vcdev_last_error());
		free(m);
		return NULL;
	}
	m->vaddr = m->buf->vaddr;
	m->iova = m->handle = m->buf->iova;
	m->len = m->buf->size;
	if (m->iova + size - 1 > dev->coherent_dma_mask) {
		dev_err(dev, "IOVA %#" PRIx64 " beyond the coherent DMA mask\n", m->iova);
		release(sp, m);
		return NULL;
	}
	add_mapping(sp, m);
	*dma_handle = m->handle;
	return m->vaddr;
}

static bool is_coherent_at(const struct vcshim_dma *m, const void *vaddr)
{
	return m->buf && m->vaddr == vaddr;
}

void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle)
{
	struct vcshim_pci *sp = dev->vcshim;
	struct vcshim_dma *m = take_mapping(sp, is_coherent_at, cpu_addr);

	(void)size, (void)dma_handle;
	if (m)
		release(sp, m);
	else
		dev_warn(dev, "dma_free_coherent of an unknown buffer %p\n", cpu_addr);
}

dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size,
			  enum dma_data_direction dir)
{
	struct vcshim_pci *sp = dev->vcshim;
	uintptr_t page = sysconf(_SC_PAGESIZE);
	uintptr_t start = (uintptr_t)ptr & ~(page - 1);
	uintptr_t end = ((uintptr_t)ptr + size + page - 1) & ~(page - 1);
	struct vcshim_dma *m;
	int ret;

	(void)dir;
	if (!size)
		return DMA_MAPPING_ERROR;
	m = calloc(1, sizeof(*m));
	if (!m)
		return DMA_MAPPING_ERROR;
	ret = vcdev_dma_map(sp->vdev, (void *)start, end - start, &m->iova);
	if (ret) {
		dev_err(dev, "DMA mapping of %zu bytes: %s\n", size,
			vcdev_last_error());
		free(m);
		return DMA_MAPPING_ERROR;
	}
	m->vaddr = ptr;
	m->len = end - start;
	m->handle = m->iova + ((uintptr_t)ptr - start);
	if (m->handle + size - 1 > *dev->dma_mask) {
		dev_err(dev, "IOVA %#llx beyond the DMA mask\n", m->handle);
		release(sp, m);
		return DMA_MAPPING_ERROR;
	}
	add_mapping(sp, m);
	return m->handle;
}

static bool is_streaming_at(const struct vcshim_dma *m, const void *handle)
{
	return !m->buf && m->handle == *(const dma_addr_t *)handle;
}

void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir)
{
	struct vcshim_pci *sp = dev->vcshim;
	struct vcshim_dma *m = take_mapping(sp, is_streaming_at, &addr);

	(void)size, (void)dir;
	if (m)
		release(sp, m);
	else
		dev_warn(dev, "dma_unmap_single of an unknown address %#llx\n", addr);
}

void vcshim_dma_release_device(struct vcshim_pci *sp)
{
	struct vcshim_dma *m;

	pthread_mutex_lock(&sp->dma_lock);
	m = sp->dma;
	sp->dma = NULL;
	pthread_mutex_unlock(&sp->dma_lock);
	while (m) {
		struct vcshim_dma *next = m->next;

		dev_dbg(&sp->pdev.dev, "DMA mapping at %#llx left behind; released\n",
			m->handle);
		release(sp, m);
		m = next;
	}
}
