/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_MATH64_H
#define _VCSHIM_LINUX_MATH64_H

#include <linux/types.h>
#include <asm/div64.h>

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
	return dividend / divisor;
}

#define div64_ul(x, y)	div64_u64(x, y)
#define div64_long(x, y) div64_s64(x, y)
#define DIV64_U64_ROUND_UP(ll, d)	div64_u64((ll) + (d) - 1, (d))
#define DIV_ROUND_DOWN_ULL(ll, d)	div_u64(ll, d)
#define mul_u32_u32(a, b)	((u64)(u32)(a) * (u32)(b))

#endif /* _VCSHIM_LINUX_MATH64_H */
