/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_BITMAP_H
#define _VCSHIM_LINUX_BITMAP_H

#include <linux/bitops.h>
#include <linux/string.h>

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(long));
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	bitmap_zero(dst, nbits);
	for (i = 0; i < nbits; i++)
		__set_bit(i, dst);
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(long));
}

static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) == nbits;
}

static inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < nbits; i++)
		w += test_bit(i, src);
	return w;
}

#endif /* _VCSHIM_LINUX_BITMAP_H */
