/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: kmalloc and friends. As in the kernel, a block is
 * naturally aligned: to its size rounded up to a power of two, up to a
 * page (so a page-sized block can be DMA-mapped whole), and at least to
 * ARCH_KMALLOC_MINALIGN.
 */
#ifndef _VCSHIM_LINUX_SLAB_H
#define _VCSHIM_LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/types.h>

#define ARCH_KMALLOC_MINALIGN	8
#define ARCH_DMA_MINALIGN	64
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

__malloc void *kmalloc(size_t size, gfp_t flags);
__malloc void *kzalloc(size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree(const void *ptr);
void kfree_sensitive(const void *ptr);
size_t ksize(const void *ptr);

static inline __malloc void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline __malloc void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return krealloc(p, bytes, flags);
}

#define kmalloc_node(s, f, n)		kmalloc(s, f)
#define kzalloc_node(s, f, n)		kzalloc(s, f)
#define kcalloc_node(n, s, f, node)	kcalloc(n, s, f)
#define kvmalloc(size, flags)		kmalloc(size, flags)
#define kvzalloc(size, flags)		kzalloc(size, flags)
#define kvmalloc_array(n, s, f)		kmalloc_array(n, s, f)
#define kvcalloc(n, s, f)		kcalloc(n, s, f)
#define kvfree(ptr)			kfree(ptr)
#define vmalloc(size)			kmalloc(size, GFP_KERNEL)
#define vzalloc(size)			kzalloc(size, GFP_KERNEL)
#define vfree(ptr)			kfree(ptr)

/* Slab caches: blocks of one size and alignment. */
struct kmem_cache;
#define SLAB_HWCACHE_ALIGN	0x00002000U
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *obj);
#define kmem_cache_zalloc(s, f)	kmem_cache_alloc(s, (f) | __GFP_ZERO)

#endif /* _VCSHIM_LINUX_SLAB_H */
