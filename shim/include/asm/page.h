/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_ASM_PAGE_H
#define _VCSHIM_ASM_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define get_order(n)	((n) <= PAGE_SIZE ? 0 : \
			 (int)(64 - __builtin_clzl(((n) - 1) >> PAGE_SHIFT)))

#endif /* _VCSHIM_ASM_PAGE_H */
