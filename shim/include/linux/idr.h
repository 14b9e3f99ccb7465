/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: ID allocators. An IDA is a growing bitmap here; an IDR
 * is not provided (a driver that needs one fails to build).
 */
#ifndef _VCSHIM_LINUX_IDR_H
#define _VCSHIM_LINUX_IDR_H

#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct ida {
	spinlock_t lock;
	unsigned long *bits;
	unsigned int nbits;
};

#define IDA_INIT(name)		{ .lock = __SPIN_LOCK_UNLOCKED(name.lock) }
#define DEFINE_IDA(name)	struct ida name = IDA_INIT(name)

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

static inline void ida_init(struct ida *ida)
{
	spin_lock_init(&ida->lock);
	ida->bits = NULL;
	ida->nbits = 0;
}

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0U >> 1, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0U >> 1, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

static inline int ida_simple_get(struct ida *ida, unsigned int start,
				 unsigned int end, gfp_t gfp)
{
	return ida_alloc_range(ida, start, end ? end - 1 : ~0U >> 1, gfp);
}

#define ida_simple_remove(ida, id)	ida_free(ida, id)
#define ida_is_empty(ida)		({ (void)(ida); 0; })

#endif /* _VCSHIM_LINUX_IDR_H */
