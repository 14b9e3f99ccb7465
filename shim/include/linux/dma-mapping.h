/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: the DMA API on libvconfig's IOMMU mappings. A DMA
 * address is an IOVA of the device's VFIO container; dma_set_mask() keeps
 * the IOVAs handed out from then on under the mask.
 */
#ifndef _VCSHIM_LINUX_DMA_MAPPING_H
#define _VCSHIM_LINUX_DMA_MAPPING_H

#include <linux/device.h>
#include <linux/errno.h>
#include <linux/scatterlist.h>
#include <linux/gfp.h>
#include <linux/types.h>

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

#define DMA_BIT_MASK(n)		(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
#define DMA_MAPPING_ERROR	(~(dma_addr_t)0)

int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);

static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int ret = dma_set_mask(dev, mask);

	return ret ? ret : dma_set_coherent_mask(dev, mask);
}

void *dma_alloc_coherent(struct device *dev, size_t size,
			 dma_addr_t *dma_handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle);
dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size,
			  enum dma_data_direction dir);
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir);

void *dmam_alloc_coherent(struct device *dev, size_t size,
			  dma_addr_t *dma_handle, gfp_t gfp);
#define dma_zalloc_coherent(d, s, h, g)	dma_alloc_coherent(d, s, h, (g) | __GFP_ZERO)
#define dma_map_single_attrs(d, p, s, dir, a)	dma_map_single(d, p, s, dir)
/* A page is its address (<linux/mm.h>). */
#define dma_map_page(d, page, off, s, dir) \
	dma_map_single(d, (char *)page_address(page) + (off), s, dir)
#define dma_unmap_page(d, a, s, dir)	dma_unmap_single(d, a, s, dir)
#define dma_map_page_attrs(d, page, off, s, dir, a)	dma_map_page(d, page, off, s, dir)
#define dma_unmap_page_attrs(d, a, s, dir, at)	dma_unmap_page(d, a, s, dir)
#define dma_unmap_single_attrs(d, a, s, dir, at)	dma_unmap_single(d, a, s, dir)
int dma_map_sg(struct device *dev, struct scatterlist *sg, int nents,
	       enum dma_data_direction dir);
void dma_unmap_sg(struct device *dev, struct scatterlist *sg, int nents,
		  enum dma_data_direction dir);
#define dma_map_sg_attrs(d, sg, n, dir, a)	dma_map_sg(d, sg, n, dir)
#define dma_unmap_sg_attrs(d, sg, n, dir, a)	dma_unmap_sg(d, sg, n, dir)
#define dma_sync_sg_for_cpu(d, sg, n, dir)	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dma_sync_sg_for_device(d, sg, n, dir)	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dma_set_max_seg_size(d, s)	((void)(d), 0)
#define dma_set_seg_boundary(d, m)	((void)(d), 0)
#define dma_get_mask(d)			(*(d)->dma_mask)
#define dma_addressing_limited(d)	false
#define DMA_ATTR_WEAK_ORDERING		(1UL << 1)
#define DMA_ATTR_SKIP_CPU_SYNC		(1UL << 5)

static inline int dma_mapping_error(struct device *dev, dma_addr_t addr)
{
	(void)dev;
	return addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

/* The IOMMU keeps DMA coherent on x86: ordering is all that is left. */
static inline void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr,
					   size_t size, enum dma_data_direction dir)
{
	(void)dev, (void)addr, (void)size, (void)dir;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static inline void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
					      size_t size, enum dma_data_direction dir)
{
	(void)dev, (void)addr, (void)size, (void)dir;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

#define dma_sync_single_range_for_cpu(d, a, o, s, dir) \
	dma_sync_single_for_cpu(d, (a) + (o), s, dir)
#define dma_sync_single_range_for_device(d, a, o, s, dir) \
	dma_sync_single_for_device(d, (a) + (o), s, dir)

#endif /* _VCSHIM_LINUX_DMA_MAPPING_H */
