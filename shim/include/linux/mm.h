/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: pages. A struct page stands for one block of
 * page-aligned memory (an order-N allocation), reference-counted like the
 * kernel's; page_address() is its address.
 */
#ifndef _VCSHIM_LINUX_MM_H
#define _VCSHIM_LINUX_MM_H

#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <asm/page.h>

struct page {
	void *virtual;
	unsigned int order;
	atomic_t refcount;
};

struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp)			alloc_pages(gfp, 0)
#define dev_alloc_pages(order)		alloc_pages(GFP_ATOMIC, order)
#define dev_alloc_page()		dev_alloc_pages(0)
#define alloc_pages_node(nid, gfp, order)	alloc_pages(gfp, order)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)		__free_pages(page, 0)
void put_page(struct page *page);

static inline void get_page(struct page *page)
{
	atomic_inc(&page->refcount);
}

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->refcount);
}

static inline void *page_address(const struct page *page)
{
	return page->virtual;
}

static inline bool page_is_pfmemalloc(const struct page *page)
{
	return false;
}

static inline int page_to_nid(const struct page *page)
{
	return 0;
}

#define numa_mem_id()	0
/* For alignment checks on buffers: the address the memory has here. */
#define page_to_phys(page)	((phys_addr_t)(uintptr_t)page_address(page))
/* No high memory: a page is always mapped. */
#define kmap(page)		page_address(page)
#define kunmap(page)		do { (void)(page); } while (0)
#define kmap_atomic(page)	page_address(page)
#define kunmap_atomic(addr)	do { (void)(addr); } while (0)
#define kmap_local_page(page)	page_address(page)
#define kunmap_local(addr)	do { (void)(addr); } while (0)

#endif /* _VCSHIM_LINUX_MM_H */
