/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: DMA pools. Blocks of one size and alignment carved from
 * coherent pages that do not cross @boundary, as in the kernel.
 */
#ifndef _VCSHIM_LINUX_DMAPOOL_H
#define _VCSHIM_LINUX_DMAPOOL_H

#include <linux/device.h>
#include <linux/types.h>

struct dma_pool;

struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 size_t size, size_t align, size_t boundary);
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr);
struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t allocation);

static inline void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags,
				    dma_addr_t *handle)
{
	return dma_pool_alloc(pool, mem_flags | __GFP_ZERO, handle);
}

#endif /* _VCSHIM_LINUX_DMAPOOL_H */
