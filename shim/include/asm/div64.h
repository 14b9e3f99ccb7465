/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_ASM_DIV64_H
#define _VCSHIM_ASM_DIV64_H

#include <linux/types.h>

/* do_div(n, base): n becomes n / base; the remainder is the value. */
#define do_div(n, base) ({				\
	u32 __base = (base);				\
	u32 __rem = (u32)((u64)(n) % __base);		\
	(n) = (u64)(n) / __base;			\
	__rem;						\
})

#endif /* _VCSHIM_ASM_DIV64_H */
