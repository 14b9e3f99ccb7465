/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: the DMA API on libvconfig's IOMMU mappings. A DMA
 * address is an IOVA of the device's VFIO container; dma_set_mask() keeps
 * the IOVAs handed out from then on under the mask.
 */
#ifndef VCONFIG_SHIM_LINUX_DMA_MAPPING_H
#define VCONFIG_SHIM_LINUX_DMA_MAPPING_H

#include <errno.h>
#include <linux/device.h>
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

#endif /* VCONFIG_SHIM_LINUX_DMA_MAPPING_H */
