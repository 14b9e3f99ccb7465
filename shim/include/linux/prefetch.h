/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_PREFETCH_H
#define _VCSHIM_LINUX_PREFETCH_H

#include <linux/cache.h>

#define prefetch(x)		__builtin_prefetch(x)
#define prefetchw(x)		__builtin_prefetch(x, 1)
#define PREFETCH_STRIDE		(4 * L1_CACHE_BYTES)

static inline void prefetch_range(void *addr, size_t len)
{
}

#endif /* _VCSHIM_LINUX_PREFETCH_H */
