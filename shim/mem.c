// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: kmalloc and friends, slab caches and pages. Every block
 * is naturally aligned as the kernel's are: to its size rounded up to a
 * power of two, at most a page, at least ARCH_KMALLOC_MINALIGN.
 */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#include "shim.h"

/* Blocks carry their size in a header, the alignment in front of it. */
struct block {
	size_t size;
	size_t offset;		/* of the block in its allocation */
};

static size_t natural_align(size_t size)
{
	size_t align = ARCH_KMALLOC_MINALIGN;

	while (align < size && align < PAGE_SIZE)
		align <<= 1;
	return align;
}

void *kmalloc(size_t size, gfp_t flags)
{
	size_t align = natural_align(size);
	size_t head = max_t(size_t, align, sizeof(struct block));
	struct block *b;
	char *raw;

	if (!size)
		return ZERO_SIZE_PTR;
	if (size > SIZE_MAX - head)
		return NULL;
	if (posix_memalign((void **)&raw, align, head + size))
		return NULL;
	b = (struct block *)(raw + head) - 1;
	b->size = size;
	b->offset = head;
	if (flags & __GFP_ZERO)
		memset(raw + head, 0, size);
	return raw + head;
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static struct block *block_of(const void *p)
{
	return (struct block *)p - 1;
}

size_t ksize(const void *p)
{
	return ZERO_OR_NULL_PTR(p) ? 0 : block_of(p)->size;
}

void kfree(const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return;
	free((char *)p - block_of(p)->offset);
}

void kfree_sensitive(const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return;
	memset((void *)p, 0, ksize(p));
	kfree(p);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (!ZERO_OR_NULL_PTR(p) && ksize(p) >= new_size)
		return (void *)p;
	n = kmalloc(new_size, flags);
	if (n && !ZERO_OR_NULL_PTR(p)) {
		memcpy(n, p, ksize(p));
		kfree(p);
	}
	return n;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	void *p;

	if (posix_memalign(&p, PAGE_SIZE << order, PAGE_SIZE << order))
		return 0;
	if (gfp & __GFP_ZERO)
		memset(p, 0, PAGE_SIZE << order);
	return (unsigned long)p;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	(void)order;
	free((void *)addr);
}

struct kmem_cache {
	unsigned int size, align;
	void (*ctor)(void *obj);
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	(void)name;
	if (!s)
		return NULL;
	s->size = size;
	s->align = max_t(unsigned int, align, ARCH_KMALLOC_MINALIGN);
	if (flags & SLAB_HWCACHE_ALIGN)
		s->align = max_t(unsigned int, s->align, 64);
	s->ctor = ctor;
	return s;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	free(s);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *p;

	if (posix_memalign(&p, s->align, s->size))
		return NULL;
	if (flags & __GFP_ZERO)
		memset(p, 0, s->size);
	else if (s->ctor)
		s->ctor(p);
	return p;
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	(void)s;
	free(obj);
}
