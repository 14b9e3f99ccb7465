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
#include <string.h>
#include <unistd.h>

#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
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

/*
 * As the kernel's IOMMU DMA API: the buffer and its DMA address are
 * aligned to the allocation's order (its size rounded up to a power of
 * two pages). The library aligns to a page; a larger order takes twice
 * the size and uses the aligned half.
 */
void *dma_alloc_coherent(struct device *dev, size_t size,
			 dma_addr_t *dma_handle, gfp_t gfp)
{
	struct vcshim_pci *sp = dev->vcshim;
	size_t align = PAGE_SIZE << get_order(size);
	struct vcshim_dma *m;
	u64 skip;
	int ret;

	if (!size)
		return NULL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	ret = vcdev_dma_alloc(sp->vdev, align > PAGE_SIZE ? 2 * align : align, &m->buf);
	if (ret) {
		dev_err(dev, "DMA allocation of %zu bytes: %s\n", size,
			vcdev_last_error());
		free(m);
		return NULL;
	}
	skip = (align - (m->buf->iova & (align - 1))) & (align - 1);
	m->vaddr = (char *)m->buf->vaddr + skip;
	m->iova = m->handle = m->buf->iova + skip;
	m->len = size;
	if (gfp & __GFP_ZERO)
		memset(m->vaddr, 0, size);
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

/* ---- managed coherent buffers ---- */

struct dmam_res {
	size_t size;
	void *vaddr;
	dma_addr_t dma_handle;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dmam_res *this = res;

	dma_free_coherent(dev, this->size, this->vaddr, this->dma_handle);
}

void *dmam_alloc_coherent(struct device *dev, size_t size,
			  dma_addr_t *dma_handle, gfp_t gfp)
{
	struct dmam_res *dr = devres_alloc(dmam_release, sizeof(*dr), gfp);
	void *vaddr;

	if (!dr)
		return NULL;
	vaddr = dma_alloc_coherent(dev, size, dma_handle, gfp);
	if (!vaddr) {
		devres_free(dr);
		return NULL;
	}
	dr->vaddr = vaddr;
	dr->dma_handle = *dma_handle;
	dr->size = size;
	devres_add(dev, dr);
	return vaddr;
}

/* ---- scatterlists: each entry mapped on its own ---- */

int dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
	       enum dma_data_direction dir)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i) {
		sg->dma_address = dma_map_single(dev, sg_virt(sg), sg->length, dir);
		if (dma_mapping_error(dev, sg->dma_address)) {
			dma_unmap_sg(dev, sgl, i, dir);
			return 0;
		}
		sg->dma_length = sg->length;
	}
	return nents;
}

void dma_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
		  enum dma_data_direction dir)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i)
		dma_unmap_single(dev, sg->dma_address, sg->length, dir);
}

/* ---- DMA pools (mm/dmapool.c's contract) ---- */

struct dma_page {
	struct dma_page *next;
	void *vaddr;
	dma_addr_t dma;
	unsigned long *free;	/* one bit per block */
};

struct dma_pool {
	struct device *dev;
	size_t size, allocation, boundary;
	unsigned int blocks_per_page;
	struct dma_page *pages;
	pthread_mutex_t lock;
};

/* Block @i's offset in a page: no block crosses @boundary. */
static size_t block_offset(const struct dma_pool *pool, unsigned int i)
{
	size_t per_boundary = pool->boundary / pool->size;

	return (i / per_boundary) * pool->boundary + (i % per_boundary) * pool->size;
}

struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 size_t size, size_t align, size_t boundary)
{
	struct dma_pool *pool;

	(void)name;
	if (!align)
		align = 1;
	else if (align & (align - 1))
		return NULL;
	if (!size || size > SIZE_MAX / 2)
		return NULL;
	size = ALIGN(size, max_t(size_t, align, 8));
	if (!boundary)
		boundary = max_t(size_t, size, PAGE_SIZE);
	else if ((boundary < size) || (boundary & (boundary - 1)))
		return NULL;
	pool = calloc(1, sizeof(*pool));
	if (!pool)
		return NULL;
	pool->dev = dev;
	pool->size = size;
	pool->allocation = max_t(size_t, size, PAGE_SIZE);
	pool->boundary = min(boundary, pool->allocation);
	pool->blocks_per_page = (pool->allocation / pool->boundary) *
				(pool->boundary / size);
	pthread_mutex_init(&pool->lock, NULL);
	return pool;
}

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_page *p;

	if (!pool)
		return;
	while ((p = pool->pages)) {
		pool->pages = p->next;
		dma_free_coherent(pool->dev, pool->allocation, p->vaddr, p->dma);
		free(p->free);
		free(p);
	}
	pthread_mutex_destroy(&pool->lock);
	free(pool);
}

static struct dma_page *pool_add_page(struct dma_pool *pool, gfp_t flags)
{
	struct dma_page *p = calloc(1, sizeof(*p));
	unsigned int i;

	if (!p)
		return NULL;
	p->free = calloc(BITS_TO_LONGS(pool->blocks_per_page), sizeof(long));
	p->vaddr = dma_alloc_coherent(pool->dev, pool->allocation, &p->dma, flags);
	if (!p->free || !p->vaddr) {
		free(p->free);
		free(p);
		return NULL;
	}
	for (i = 0; i < pool->blocks_per_page; i++)
		__set_bit(i, p->free);
	p->next = pool->pages;
	pool->pages = p;
	return p;
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	struct dma_page *p;
	unsigned long i = 0;
	void *vaddr = NULL;

	pthread_mutex_lock(&pool->lock);
	for (p = pool->pages; p; p = p->next) {
		i = find_first_bit(p->free, pool->blocks_per_page);
		if (i < pool->blocks_per_page)
			break;
	}
	if (!p) {
		p = pool_add_page(pool, mem_flags & ~__GFP_ZERO);
		i = 0;
	}
	if (p) {
		__clear_bit(i, p->free);
		vaddr = (char *)p->vaddr + block_offset(pool, i);
		*handle = p->dma + block_offset(pool, i);
	}
	pthread_mutex_unlock(&pool->lock);
	if (vaddr && (mem_flags & __GFP_ZERO))
		memset(vaddr, 0, pool->size);
	return vaddr;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr)
{
	struct dma_page *p;
	unsigned int i;

	pthread_mutex_lock(&pool->lock);
	for (p = pool->pages; p; p = p->next) {
		if (addr < p->dma || addr >= p->dma + pool->allocation)
			continue;
		for (i = 0; i < pool->blocks_per_page; i++) {
			if (p->dma + block_offset(pool, i) != addr)
				continue;
			if ((char *)p->vaddr + block_offset(pool, i) != vaddr ||
			    test_bit(i, p->free))
				break;
			__set_bit(i, p->free);
			pthread_mutex_unlock(&pool->lock);
			return;
		}
		break;
	}
	pthread_mutex_unlock(&pool->lock);
	dev_err(pool->dev, "dma_pool_free %p/%#llx: not an allocated block\n",
		vaddr, (unsigned long long)addr);
}

static void dmam_pool_release(struct device *dev, void *res)
{
	(void)dev;
	dma_pool_destroy(*(struct dma_pool **)res);
}

struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t allocation)
{
	struct dma_pool **ptr = devres_alloc(dmam_pool_release, sizeof(*ptr), GFP_KERNEL);
	struct dma_pool *pool;

	if (!ptr)
		return NULL;
	pool = *ptr = dma_pool_create(name, dev, size, align, allocation);
	if (pool)
		devres_add(dev, ptr);
	else
		devres_free(ptr);
	return pool;
}
