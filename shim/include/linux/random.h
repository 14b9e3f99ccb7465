/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: random numbers from getrandom() (shim/lib.c). */
#ifndef _VCSHIM_LINUX_RANDOM_H
#define _VCSHIM_LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
#define prandom_u32()		get_random_u32()
#define get_random_int()	get_random_u32()

static inline u32 prandom_u32_max(u32 ceil)
{
	return (u32)(((u64)get_random_u32() * ceil) >> 32);
}

#endif /* _VCSHIM_LINUX_RANDOM_H */
