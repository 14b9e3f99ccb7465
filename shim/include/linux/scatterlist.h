/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: scatterlists over driver-virtual buffers (no pages). */
#ifndef _VCSHIM_LINUX_SCATTERLIST_H
#define _VCSHIM_LINUX_SCATTERLIST_H

#include <linux/bug.h>
#include <linux/string.h>
#include <linux/types.h>

struct scatterlist {
	void *vcshim_buf;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
	bool end;
};

#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)
#define sg_is_last(sg)		((sg)->end)

static inline void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	if (nents)
		sgl[nents - 1].end = true;
}

static inline void sg_set_buf(struct scatterlist *sg, const void *buf,
			      unsigned int buflen)
{
	sg->vcshim_buf = (void *)buf;
	sg->offset = 0;
	sg->length = buflen;
}

static inline void sg_init_one(struct scatterlist *sg, const void *buf,
			       unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

static inline void *sg_virt(struct scatterlist *sg)
{
	return (char *)sg->vcshim_buf + sg->offset;
}

static inline struct scatterlist *sg_next(struct scatterlist *sg)
{
	return sg_is_last(sg) ? NULL : sg + 1;
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	sg->end = true;
}

#define for_each_sg(sglist, sg, nr, __i) \
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

#endif /* _VCSHIM_LINUX_SCATTERLIST_H */
